//! The raw HTML policy of `site.yaml` (`markdown.raw_html`): what happens to
//! HTML that an editor writes inside Markdown.
//!
//! A [`Guard`] travels with the event pass:
//! 1. `allow` (the default): raw HTML passes through as written.
//! 2. `escape`: every raw HTML event an editor wrote becomes visible text
//!    ([`Guard::user_html`]); an HTML block becomes a paragraph
//!    ([`Guard::block_tag`]); `<!-- more -->` stays the summary marker.
//!    Shortcode output inside it stays HTML (templates are trusted).
//! 3. `sanitize`: HTML that kepu or a shortcode template made (code blocks,
//!    shortcode output) is set aside behind a token ([`Guard::trusted`]);
//!    the finished body and summary go through ammonia with the tags and
//!    attributes Markdown itself makes, and the tokens are put back
//!    ([`Guard::finish`]). Elements nested deeper than [`MAX_DEPTH`] are
//!    unwrapped first ([`flatten_deep`]): html5ever checks scopes by walking
//!    its stack of open elements, so 20,000 nested lists would take minutes.
//!
//! Under `escape` and `sanitize`, link and image destinations with a
//! `javascript:`, `vbscript:` or (for links) `data:` scheme become `#`
//! ([`Guard::link`]), and private-use characters kepu uses as markers are
//! replaced in the source ([`clean_source`]) so that an editor cannot forge
//! one.

use std::borrow::Cow;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Tag};

use super::placeholders::{Piece, Pieces};
use crate::config::RawHtml;
use crate::escape::html_escape_into;

/// The `{key=value}` heading attributes kept under `escape` and `sanitize`
/// beside `#id` and `.class`: they carry no script, style or URL.
const HEADING_KEYS: [&str; 3] = ["lang", "dir", "title"];

/// First character of a sanitize token.
const TOKEN_OPEN: char = '\u{E002}';
/// Last character of a sanitize token.
const TOKEN_CLOSE: char = '\u{E003}';

/// The policy, and under `sanitize` the trusted HTML set aside.
#[derive(Debug)]
pub(crate) struct Guard {
    policy: RawHtml,
    kept: Vec<String>,
    /// An HTML block turned into a paragraph is open (`escape`).
    block_open: bool,
}

impl Guard {
    pub(crate) fn new(policy: RawHtml) -> Self {
        Self {
            policy,
            kept: Vec::new(),
            block_open: false,
        }
    }

    /// Trusted HTML (a code block, shortcode output): itself, or under
    /// `sanitize` a token that [`Guard::finish`] replaces by it.
    pub(crate) fn trusted(&mut self, html: String) -> String {
        if self.policy != RawHtml::Sanitize {
            return html;
        }
        let token = format!("{TOKEN_OPEN}{}{TOKEN_CLOSE}", self.kept.len());
        self.kept.push(html);
        token
    }

    /// A raw HTML event as an editor wrote it, with shortcode `outputs` put
    /// back where their placeholders are.
    pub(crate) fn user_html<'a>(&mut self, html: CowStr<'a>, outputs: &[String]) -> CowStr<'a> {
        match self.policy {
            RawHtml::Allow => super::placeholders::substitute(html, outputs),
            RawHtml::Escape if is_more(&html) => html,
            RawHtml::Escape => {
                let mut out = String::with_capacity(html.len() + html.len() / 4);
                for piece in Pieces::new(&html) {
                    match piece {
                        Piece::Text(t) => html_escape_into(&mut out, t),
                        Piece::Output(i) => out.push_str(outputs.get(i).map_or("", String::as_str)),
                    }
                }
                CowStr::from(out)
            }
            RawHtml::Sanitize => {
                if !html.contains(super::shortcodes::PLACEHOLDER_OPEN) {
                    return html;
                }
                let mut out = String::with_capacity(html.len());
                for piece in Pieces::new(&html) {
                    match piece {
                        Piece::Text(t) => out.push_str(t),
                        Piece::Output(i) => {
                            let kept = self.trusted(outputs.get(i).cloned().unwrap_or_default());
                            out.push_str(&kept);
                        }
                    }
                }
                CowStr::from(out)
            }
        }
    }

    /// The tag to emit for an HTML block's start or end (`source` is the
    /// block's text for a start): under `escape` a paragraph, unless the
    /// block is the `<!-- more -->` marker.
    pub(crate) fn block_tag(&mut self, start: bool, source: &str) -> bool {
        if self.policy != RawHtml::Escape {
            return false;
        }
        if start {
            self.block_open = !is_more(source);
            self.block_open
        } else {
            std::mem::take(&mut self.block_open)
        }
    }

    /// A heading start tag with its `{...}` attributes: under `escape` and
    /// `sanitize` only `#id`, `.class` and the harmless keys of
    /// [`HEADING_KEYS`] remain, so no event handler or style gets in.
    pub(crate) fn heading<'a>(&self, tag: Tag<'a>) -> Tag<'a> {
        match tag {
            Tag::Heading {
                level,
                id,
                classes,
                attrs,
            } if self.policy != RawHtml::Allow => Tag::Heading {
                level,
                id,
                classes,
                attrs: attrs
                    .into_iter()
                    .filter(|(key, _)| HEADING_KEYS.iter().any(|k| key.eq_ignore_ascii_case(k)))
                    .collect(),
            },
            other => other,
        }
    }

    /// A link or image start tag with an unsafe destination replaced by `#`.
    pub(crate) fn link<'a>(&self, tag: Tag<'a>) -> Tag<'a> {
        if self.policy == RawHtml::Allow {
            return tag;
        }
        match tag {
            Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            } if is_unsafe_url(&dest_url, false) => Tag::Link {
                link_type,
                dest_url: CowStr::Borrowed("#"),
                title,
                id,
            },
            Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            } if is_unsafe_url(&dest_url, true) => Tag::Image {
                link_type,
                dest_url: CowStr::Borrowed("#"),
                title,
                id,
            },
            other => other,
        }
    }

    /// The finished HTML (body or summary): under `sanitize`, cleaned by
    /// ammonia with the trusted HTML put back.
    pub(crate) fn finish(&self, html: String) -> String {
        if self.policy != RawHtml::Sanitize {
            return html;
        }
        let clean = SANITIZER.clean(&flatten_deep(&html)).to_string();
        restore(&clean, &self.kept)
    }
}

/// Replaces, under `escape` and `sanitize`, the private-use characters kepu
/// uses as markers (shortcode placeholders and sanitize tokens) by U+FFFD,
/// which has the same length in UTF-8, so positions do not move.
pub(crate) fn clean_source(src: &str, policy: RawHtml) -> Cow<'_, str> {
    let marker = |c: char| ('\u{E000}'..='\u{E003}').contains(&c);
    if policy == RawHtml::Allow || !src.contains(marker) {
        return Cow::Borrowed(src);
    }
    Cow::Owned(src.replace(marker, "\u{FFFD}"))
}

/// Whether an HTML event or block is the `<!-- more -->` summary marker.
fn is_more(html: &str) -> bool {
    html.trim()
        .strip_prefix("<!--")
        .and_then(|s| s.strip_suffix("-->"))
        .is_some_and(|s| s.trim() == "more")
}

/// Whether a destination runs script or smuggles a document: `javascript:`,
/// `vbscript:`, and `data:` except images in common raster formats. Browsers
/// ignore ASCII whitespace and control characters inside a scheme, so they
/// are dropped before comparing.
fn is_unsafe_url(dest: &str, image: bool) -> bool {
    let scheme: String = dest
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .take_while(|&c| c != ':')
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    let has_colon = dest.contains(':');
    if !has_colon {
        return false;
    }
    match scheme.as_str() {
        "javascript" | "vbscript" => true,
        "data" => {
            let lower = dest.trim_start().to_ascii_lowercase();
            !(image
                && ["data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"]
                    .iter()
                    .any(|p| lower.starts_with(p)))
        }
        _ => false,
    }
}

/// How deep elements may nest in sanitized HTML; deeper ones lose their
/// tags (their text stays). Browsers stop nesting at 512 as well.
pub(crate) const MAX_DEPTH: usize = 512;

/// Elements without an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
];

/// `html` with the start and end tags below [`MAX_DEPTH`] open elements
/// removed. A rough scan (the sanitizer that follows decides what is safe):
/// it only has to keep the depth html5ever sees bounded.
fn flatten_deep(html: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let (mut depth, mut copied, mut i) = (0usize, 0usize, 0usize);
    while let Some(off) = html[i..].find('<') {
        let start = i + off;
        let rest = &html[start..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            i = start + 4 + comment.find("-->").map_or(comment.len(), |e| e + 3);
            continue;
        }
        let closing = rest[1..].starts_with('/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = html[name_start..].bytes().take_while(u8::is_ascii_alphanumeric).count();
        if name_len == 0 {
            i = start + 1;
            continue;
        }
        let Some(end) = html[name_start..].find('>').map(|e| name_start + e + 1) else {
            break;
        };
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let dropped = if closing {
            let deep = depth > MAX_DEPTH;
            depth = depth.saturating_sub(1);
            deep
        } else if VOID.contains(&name.as_str()) || html[..end].ends_with("/>") {
            false
        } else {
            depth += 1;
            depth > MAX_DEPTH
        };
        if dropped {
            out.push_str(&html[copied..start]);
            copied = end;
        }
        i = end;
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// `html` with every token replaced by the HTML it stands for.
fn restore(html: &str, kept: &[String]) -> String {
    if kept.is_empty() || !html.contains(TOKEN_OPEN) {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len() + kept.iter().map(String::len).sum::<usize>());
    let mut rest = html;
    while let Some(i) = rest.find(TOKEN_OPEN) {
        out.push_str(&rest[..i]);
        let after = &rest[i + TOKEN_OPEN.len_utf8()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let index = after[..digits].parse::<usize>().ok();
        match (index, after[digits..].strip_prefix(TOKEN_CLOSE)) {
            (Some(n), Some(tail)) => {
                out.push_str(kept.get(n).map_or("", String::as_str));
                rest = tail;
            }
            _ => rest = after,
        }
    }
    out.push_str(rest);
    out
}

/// ammonia, set up for what Markdown makes: heading ids, footnotes, task
/// list boxes, table alignment, `rel` on links, classes.
static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.link_rel(None)
        .add_generic_attributes(["class"])
        .add_tag_attributes("a", ["rel", "id"])
        .add_tags(["input", "figure", "figcaption", "mark", "section", "aside"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attribute_values("input", "type", ["checkbox"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .filter_style_properties(["text-align"].into_iter().collect())
        .add_tag_attributes("div", ["id"])
        .add_tag_attributes("li", ["id"]);
    for h in ["h1", "h2", "h3", "h4", "h5", "h6"] {
        b.add_tag_attributes(h, ["id"]);
    }
    b
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_urls() {
        for bad in [
            "javascript:alert(1)",
            " JavaScript:x",
            "java\tscript:x",
            "vbscript:x",
            "data:text/html,<b>",
        ] {
            assert!(is_unsafe_url(bad, false), "{bad}");
        }
        for good in ["https://a/", "/x/", "x.png", "mailto:a@b", "#top", "a:b/../javascript"] {
            assert!(!is_unsafe_url(good, false), "{good}");
        }
        assert!(!is_unsafe_url("data:image/png;base64,AA", true));
        assert!(is_unsafe_url("data:image/svg+xml,<svg>", true));
    }

    #[test]
    fn tokens_round_trip() {
        let mut g = Guard::new(RawHtml::Sanitize);
        let t = g.trusted("<iframe src=\"/v\"></iframe>".to_owned());
        let html = format!("<p onclick=\"x()\">a{t}b</p><script>bad()</script>");
        assert_eq!(g.finish(html), "<p>a<iframe src=\"/v\"></iframe>b</p>");
    }

    #[test]
    fn deep_nesting_is_flattened_before_sanitizing() {
        let deep = format!("{}x{}", "<div>".repeat(MAX_DEPTH + 10), "</div>".repeat(MAX_DEPTH + 10));
        let flat = flatten_deep(&deep);
        assert_eq!(flat.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(flat.matches("</div>").count(), MAX_DEPTH);
        assert!(flat.contains(">x<"));
        let shallow = "<p>a<br>b<img src=\"x\"/><!-- <div> --></p>";
        assert!(matches!(flatten_deep(shallow), Cow::Borrowed(_)));
    }

    #[test]
    fn forged_markers_are_neutralized() {
        let src = "a\u{E000}0\u{E001}b";
        assert_eq!(clean_source(src, RawHtml::Allow), src);
        let cleaned = clean_source(src, RawHtml::Escape);
        assert_eq!(cleaned.len(), src.len());
        assert!(!cleaned.contains('\u{E000}'));
    }
}
