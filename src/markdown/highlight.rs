//! Code blocks to HTML, highlighted by syntect with CSS classes.
//!
//! 1. The syntaxes and themes are loaded once, on first use ([`LazyLock`]).
//! 2. [`code_block`] finds a syntax for the fence's language (a few common
//!    aliases first, then syntect's `find_syntax_by_token`), and writes
//!    `<pre class="code" data-lang=".."><code class="language-..">` with
//!    `hl-`-prefixed classed spans; without a known language the code is
//!    only escaped.
//! 3. [`highlight_css`] writes the one stylesheet for those classes.

use std::sync::LazyLock;

use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::{SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

use crate::escape::html_escape_into;
use crate::i18n::Said;

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);
static THEMES: LazyLock<ThemeSet> = LazyLock::new(ThemeSet::load_defaults);

/// Classes are `hl-` + the scope atoms (`hl-source hl-rust`).
const STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Language names that syntect's default set does not know by this token,
/// mapped to one it does (the closest grammar where there is no exact one).
const ALIASES: &[(&str, &str)] = &[
    ("shell", "sh"),
    ("console", "sh"),
    ("shellsession", "sh"),
    ("zsh", "sh"),
    ("ts", "js"),
    ("typescript", "js"),
    ("tsx", "js"),
    ("jsx", "js"),
    ("mjs", "js"),
    ("cjs", "js"),
    ("jsonc", "json"),
    ("json5", "json"),
    ("toml", "properties"),
    ("ini", "properties"),
    ("cfg", "properties"),
    ("conf", "properties"),
    ("env", "properties"),
    ("golang", "go"),
    ("csharp", "cs"),
    ("c#", "cs"),
    ("py3", "py"),
    ("python3", "py"),
    ("htm", "html"),
    ("svg", "xml"),
];

/// The syntax for a fence language, if highlighting it is worth it.
fn find_syntax(lang: &str) -> Option<&'static SyntaxReference> {
    let lower = lang.to_ascii_lowercase();
    let token = ALIASES
        .iter()
        .find(|(alias, _)| *alias == lower)
        .map_or(lower.as_str(), |(_, target)| target);
    SYNTAXES.find_syntax_by_token(token).filter(|s| s.name != "Plain Text")
}

/// Writes one code block as HTML (ending in a newline).
///
/// `lang` is the first word of the fence's info string. With `highlight`
/// and a known language the code is highlighted; with `highlight` off the
/// language still shows as `data-lang` and `language-*` for client-side
/// tools; an unknown language is plain `<pre class="code"><code>`.
pub(crate) fn code_block(lang: Option<&str>, code: &str, highlight: bool) -> String {
    let mut out = String::with_capacity(code.len() * 2 + 64);
    let lang = lang.filter(|l| !l.is_empty());
    let syntax = lang.filter(|_| highlight).and_then(find_syntax);
    match lang {
        Some(lang) if syntax.is_some() || !highlight => {
            out.push_str("<pre class=\"code\" data-lang=\"");
            html_escape_into(&mut out, lang);
            out.push_str("\"><code class=\"language-");
            html_escape_into(&mut out, lang);
            out.push_str("\">");
        }
        _ => out.push_str("<pre class=\"code\"><code>"),
    }
    match syntax.and_then(|s| highlighted(s, code)) {
        Some(html) => out.push_str(&html),
        None => html_escape_into(&mut out, code),
    }
    out.push_str("</code></pre>\n");
    out
}

/// Bytes of code highlighted per page at most. syntect colours roughly
/// 0.3 to 0.5 MB a second and its output is ten times the code, so this
/// bounds what highlighting adds to a page at under a second; code beyond
/// it is shown plain (with its language class, as with highlighting off).
pub(crate) const PAGE_BUDGET: usize = 256 * 1024;

/// A block with a longer line (in bytes) is shown plain: minified code
/// gains nothing from colours, and long lines are where regexes slow down.
pub(crate) const MAX_LINE: usize = 2000;

/// Whether to highlight `code`, taking its size from the page's `budget`.
pub(crate) fn take_budget(code: &str, budget: &mut usize) -> bool {
    if code.len() > *budget || code.lines().any(|l| l.len() > MAX_LINE) {
        return false;
    }
    *budget -= code.len();
    true
}

/// The classed-span HTML of `code`, or `None` if syntect gives up.
fn highlighted(syntax: &SyntaxReference, code: &str) -> Option<String> {
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, &SYNTAXES, STYLE);
    for line in LinesWithEndings::from(code) {
        generator.parse_html_for_line_which_includes_newline(line).ok()?;
    }
    Some(generator.finalize())
}

/// The stylesheet for the `hl-` classes in the colours of syntect theme
/// `theme` (see [`available_themes`]).
///
/// # Errors
///
/// An unknown theme; the message names the available ones.
pub fn highlight_css(theme: &str) -> Result<String, Said> {
    let Some(t) = THEMES.themes.get(theme) else {
        let available = available_themes().join(", ");
        return Err(crate::text!("markdown.highlight_theme", theme, available).into());
    };
    css_for_theme_with_class_style(t, STYLE).map_err(|e| Said::from(e.to_string()))
}

/// The names of the built-in highlight themes, sorted.
pub fn available_themes() -> Vec<String> {
    THEMES.themes.keys().cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_language_is_highlighted() {
        let html = code_block(Some("rust"), "fn main() {}\n", true);
        assert!(
            html.starts_with(
                "<pre class=\"code\" data-lang=\"rust\"><code class=\"language-rust\"><span class=\"hl-source hl-rust\">"
            ),
            "{html}"
        );
        assert!(html.contains("hl-storage hl-type hl-function"), "{html}");
        assert!(html.ends_with("</code></pre>\n"));
    }

    #[test]
    fn common_aliases_map() {
        for lang in ["js", "sh", "yaml", "toml", "py", "shell", "json", "ts"] {
            let html = code_block(Some(lang), "a = 1\n", true);
            assert!(html.contains("class=\"hl-"), "{lang}: {html}");
        }
    }

    #[test]
    fn unknown_or_missing_language_is_plain() {
        let want = "<pre class=\"code\"><code>&lt;b&gt; &amp; &quot;x&quot;\n</code></pre>\n";
        assert_eq!(code_block(Some("nosuchlang"), "<b> & \"x\"\n", true), want);
        assert_eq!(code_block(None, "<b> & \"x\"\n", true), want);
        assert_eq!(code_block(Some("txt"), "<b> & \"x\"\n", true), want);
    }

    #[test]
    fn highlight_off_keeps_language_class() {
        assert_eq!(
            code_block(Some("rust\"x"), "a<b\n", false),
            "<pre class=\"code\" data-lang=\"rust&quot;x\"><code class=\"language-rust&quot;x\">a&lt;b\n</code></pre>\n"
        );
    }

    #[test]
    fn css_for_known_theme_and_error_for_unknown() {
        let css = highlight_css("InspiredGitHub").unwrap_or_default();
        assert!(css.contains(".hl-comment"), "{css}");
        let err = highlight_css("Nope").unwrap_err();
        assert!(err.contains("InspiredGitHub") && err.contains("Nope"), "{err}");
        assert!(available_themes().contains(&"base16-ocean.dark".to_owned()));
    }
}
