//! Shortcode expansion on the source, before Markdown parsing.
//!
//! [`expand`] works like this:
//! 1. A source without `{{` or `{%` is returned as it is (no copy).
//! 2. Otherwise the source is parsed once with pulldown-cmark only to find
//!    the byte ranges of code blocks and code spans; calls inside them are
//!    left alone.
//! 3. Every other `{` is tried as a call ([`parse_call`]). A body call takes
//!    the text up to the next `{% end %}` outside code as its body (one
//!    newline after the opener and one before `{% end %}` are dropped).
//! 4. Each call is rendered through [`ShortcodeRenderer`] and replaced by a
//!    placeholder ([`placeholder`]); the output is kept aside in
//!    [`Expansion::outputs`] and put back into the event stream as raw HTML
//!    after parsing, so Markdown never rewrites it.
//! 5. Each replacement is recorded in a [`SourceMap`], so later positions
//!    still point into the original source. Unknown names, render failures
//!    and broken call syntax become [`MarkdownError`]s; parsing goes on.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

use super::parser_options;
use super::position::{Locator, SourceMap};
use super::shortcode_call::{Call, CallKind, Parsed, parse_call};
use super::{MarkdownError, ShortcodeRenderer};
use crate::i18n::Said;

/// First character of a placeholder (a private-use code point).
pub(crate) const PLACEHOLDER_OPEN: char = '\u{E000}';
/// Last character of a placeholder.
pub(crate) const PLACEHOLDER_CLOSE: char = '\u{E001}';

/// The placeholder text for output number `index`.
pub(crate) fn placeholder(index: usize) -> String {
    format!("{PLACEHOLDER_OPEN}{index}{PLACEHOLDER_CLOSE}")
}

/// The source with shortcodes replaced by placeholders.
pub(crate) struct Expansion<'s> {
    /// The text to parse as Markdown.
    pub(crate) text: Cow<'s, str>,
    /// Where each replacement came from.
    pub(crate) map: SourceMap,
    /// Rendered HTML, indexed by placeholder number.
    pub(crate) outputs: Vec<String>,
}

/// Expands every shortcode call in `src`, appending problems to `errors`.
pub(crate) fn expand<'s>(
    src: &'s str,
    renderer: &dyn ShortcodeRenderer,
    loc: &Locator<'_>,
    errors: &mut Vec<MarkdownError>,
) -> Expansion<'s> {
    let mut exp = Expansion {
        text: Cow::Borrowed(src),
        map: SourceMap::default(),
        outputs: Vec::new(),
    };
    if !may_have_calls(src) {
        return exp;
    }
    let code = CodeRanges::new(src);
    let mut out = String::with_capacity(src.len());
    let mut copied = 0;
    let mut pos = 0;
    // Once no `{% end %}` follows some offset, none follows any later one:
    // remembering it keeps many unclosed openers linear.
    let mut no_end_after = usize::MAX;
    while let Some(i) = code.next_brace(src, pos) {
        let (call, end) = match parse_call(src, i) {
            Parsed::NotACall => {
                pos = i + 1;
                continue;
            }
            Parsed::Malformed { at, message } => {
                errors.push(error(
                    loc,
                    at,
                    message,
                    Some(crate::text!("markdown.shortcode.syntax.help").into()),
                ));
                pos = i + 2;
                continue;
            }
            Parsed::Call(call) => match call.kind {
                CallKind::Inline => {
                    let end = call.end;
                    (render(&call, None, renderer, loc, i, errors), end)
                }
                CallKind::Body => match (call.end < no_end_after)
                    .then(|| find_end(src, &code, call.end))
                    .flatten()
                {
                    Some(end_tag) => {
                        let body = trim_body(&src[call.end..end_tag.start]);
                        (render(&call, Some(body), renderer, loc, i, errors), end_tag.end)
                    }
                    None => {
                        no_end_after = no_end_after.min(call.end);
                        let message = crate::text!("markdown.shortcode.no_end", call.name);
                        let hint = crate::text!("markdown.shortcode.no_end.help");
                        errors.push(error(loc, i, message.into(), Some(hint.into())));
                        pos = call.end;
                        continue;
                    }
                },
            },
        };
        out.push_str(&src[copied..i]);
        let ph = placeholder(exp.outputs.len());
        exp.map.push(out.len(), ph.len(), i..end);
        out.push_str(&ph);
        exp.outputs.push(call);
        copied = end;
        pos = end;
    }
    if copied > 0 {
        out.push_str(&src[copied..]);
        exp.text = Cow::Owned(out);
    }
    exp
}

/// Whether `src` holds `{{` or `{%` anywhere (one scan).
fn may_have_calls(src: &str) -> bool {
    src.match_indices('{')
        .any(|(i, _)| matches!(src.as_bytes().get(i + 1), Some(b'{' | b'%')))
}

/// Renders one call; a failure is recorded and replaced by nothing.
fn render(
    call: &Call<'_>,
    body: Option<&str>,
    renderer: &dyn ShortcodeRenderer,
    loc: &Locator<'_>,
    at: usize,
    errors: &mut Vec<MarkdownError>,
) -> String {
    if !renderer.exists(call.name) {
        let message = crate::text!("markdown.shortcode.unknown", call.name);
        let hint = crate::text!("markdown.shortcode.unknown.help", call.name);
        errors.push(error(loc, at, message.into(), Some(hint.into())));
        return String::new();
    }
    match renderer.render(call.name, &call.args, body) {
        Ok(html) => html,
        Err(e) => {
            let message = crate::text!("markdown.shortcode.failed", call.name, e);
            errors.push(error(loc, at, message.into(), None));
            String::new()
        }
    }
}

fn error(loc: &Locator<'_>, at: usize, message: Said, hint: Option<Said>) -> MarkdownError {
    let (line, column) = loc.line_col(at);
    MarkdownError {
        line,
        column,
        message,
        hint,
        warning: false,
    }
}

/// Drops one line break right after the opener and one right before `{% end %}`.
fn trim_body(body: &str) -> &str {
    let body = body
        .strip_prefix("\r\n")
        .or_else(|| body.strip_prefix('\n'))
        .unwrap_or(body);
    body.strip_suffix("\r\n")
        .or_else(|| body.strip_suffix('\n'))
        .unwrap_or(body)
}

/// The range of the first `{% end %}` at or after `from`, outside code.
fn find_end(src: &str, code: &CodeRanges, from: usize) -> Option<Range<usize>> {
    let mut pos = from;
    while let Some(i) = code.next_brace(src, pos) {
        if let Some(end) = end_tag_at(src, i) {
            return Some(i..end);
        }
        pos = i + 1;
    }
    None
}

/// If `{%  end  %}` starts at `i`, the offset just past it.
fn end_tag_at(src: &str, i: usize) -> Option<usize> {
    let rest = src.get(i..)?.strip_prefix("{%")?;
    let rest = rest.trim_start().strip_prefix("end")?;
    let rest = rest.trim_start().strip_prefix("%}")?;
    Some(src.len() - rest.len())
}

/// Byte ranges of code blocks and code spans, in source order.
struct CodeRanges(Vec<Range<usize>>);

impl CodeRanges {
    fn new(src: &str) -> Self {
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for (event, range) in Parser::new_ext(src, parser_options()).into_offset_iter() {
            match event {
                Event::Start(Tag::CodeBlock(_)) | Event::Code(_) => ranges.push(range),
                _ => {}
            }
        }
        Self(ranges)
    }

    /// The next `{` at or after `pos` that is not inside code.
    fn next_brace(&self, src: &str, mut pos: usize) -> Option<usize> {
        loop {
            let i = pos + src.get(pos..)?.find('{')?;
            let idx = self.0.partition_point(|r| r.end <= i);
            match self.0.get(idx) {
                Some(r) if r.start <= i => pos = r.end,
                _ => return Some(i),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Map, Value};

    struct Echo;
    impl ShortcodeRenderer for Echo {
        fn exists(&self, name: &str) -> bool {
            name != "missing"
        }
        fn render(&self, name: &str, args: &Map<String, Value>, body: Option<&str>) -> Result<String, Said> {
            if name == "fail" {
                return Err("boom".into());
            }
            Ok(format!("[{name} {} {body:?}]", Value::Object(args.clone())))
        }
    }

    fn run(src: &str) -> (String, Vec<String>, Vec<MarkdownError>) {
        let loc = Locator::new(src);
        let mut errors = Vec::new();
        let exp = expand(src, &Echo, &loc, &mut errors);
        (exp.text.into_owned(), exp.outputs, errors)
    }

    #[test]
    fn untouched_without_braces() {
        let loc = Locator::new("plain { text }");
        let mut errors = Vec::new();
        let exp = expand("plain { text }", &Echo, &loc, &mut errors);
        assert!(matches!(exp.text, Cow::Borrowed(_)));
        assert!(errors.is_empty());
    }

    #[test]
    fn inline_and_body_become_placeholders() {
        let (text, outputs, errors) = run("a {{ x(n=1) }} b\n\n{% box(t='y') %}\nhello\n{% end %}\nc");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(text, format!("a {} b\n\n{}\nc", placeholder(0), placeholder(1)));
        assert_eq!(outputs[0], r#"[x {"n":1} None]"#);
        assert_eq!(outputs[1], r#"[box {"t":"y"} Some("hello")]"#);
    }

    #[test]
    fn code_is_left_alone() {
        let src = "`{{ x() }}`\n\n```\n{{ x() }}\n{% b() %}{% end %}\n```\n\n    {{ x() }}\n";
        let (text, outputs, errors) = run(src);
        assert_eq!(text, src);
        assert!(outputs.is_empty() && errors.is_empty());
    }

    #[test]
    fn end_inside_code_does_not_close_body() {
        let (text, outputs, _) = run("{% b() %}\n`{% end %}`\n{% end %}");
        assert_eq!(text, placeholder(0));
        assert_eq!(outputs[0], r#"[b {} Some("`{% end %}`")]"#);
    }

    #[test]
    fn errors_have_positions() {
        let (_, _, errors) = run("x\n  {{ missing() }}\n{{ fail() }}\n{{ bad(x= ) }}\n{% open() %}");
        let got: Vec<_> = errors.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(got, [(2, 3), (3, 1), (4, 11), (5, 1)]);
        assert_eq!(
            errors[0].hint.as_deref(),
            Some("create templates/shortcodes/missing.html")
        );
        assert!(errors[1].message.contains("boom"));
        assert!(errors[3].message.contains("no `{% end %}`"));
    }

    #[test]
    fn braces_that_are_not_calls_stay() {
        let (text, outputs, errors) = run("{{ var }} and {% if x %} and {{x}}");
        assert_eq!(text, "{{ var }} and {% if x %} and {{x}}");
        assert!(outputs.is_empty() && errors.is_empty());
    }
}
