//! Finding shortcode placeholders in parsed text and telling block output
//! from inline output.
//!
//! 1. [`Pieces`] splits a text event into plain text and placeholder numbers.
//! 2. [`substitute`] puts outputs back into a string (link destinations and
//!    titles, raw HTML) where a placeholder cannot become its own event.
//! 3. [`is_block_html`] says whether output starts with a tag that would
//!    start an HTML block in CommonMark (kinds 1, 2 and 6), or is empty;
//!    such output on a line of its own is emitted as a block.

use pulldown_cmark::CowStr;

use super::shortcodes::{PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN};

/// A part of a text event.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Piece<'t> {
    Text(&'t str),
    Output(usize),
}

/// Splits text at placeholders.
pub(crate) struct Pieces<'t> {
    rest: &'t str,
}

impl<'t> Pieces<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        Self { rest: text }
    }
}

impl<'t> Iterator for Pieces<'t> {
    type Item = Piece<'t>;

    fn next(&mut self) -> Option<Piece<'t>> {
        if self.rest.is_empty() {
            return None;
        }
        let cut = match self.rest.find(PLACEHOLDER_OPEN) {
            None => self.rest.len(),
            Some(0) => {
                if let Some((index, len)) = placeholder_at(self.rest) {
                    self.rest = &self.rest[len..];
                    return Some(Piece::Output(index));
                }
                PLACEHOLDER_OPEN.len_utf8()
            }
            Some(i) => i,
        };
        let (text, rest) = self.rest.split_at(cut);
        self.rest = rest;
        Some(Piece::Text(text))
    }
}

/// The number and byte length of the placeholder starting `s`, if any.
fn placeholder_at(s: &str) -> Option<(usize, usize)> {
    let digits_start = PLACEHOLDER_OPEN.len_utf8();
    let after_open = s.get(digits_start..)?;
    let digits = after_open.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || !after_open[digits..].starts_with(PLACEHOLDER_CLOSE) {
        return None;
    }
    let index = after_open[..digits].parse().ok()?;
    Some((index, digits_start + digits + PLACEHOLDER_CLOSE.len_utf8()))
}

/// `s` with every placeholder replaced by its output (unchanged if none).
pub(crate) fn substitute<'a>(s: CowStr<'a>, outputs: &[String]) -> CowStr<'a> {
    if !s.contains(PLACEHOLDER_OPEN) {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    for piece in Pieces::new(&s) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Output(i) => out.push_str(outputs.get(i).map_or("", String::as_str)),
        }
    }
    CowStr::from(out)
}

/// Tags that start an HTML block even inside a paragraph (CommonMark 0.31
/// HTML block kinds 1 and 6).
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "base",
    "basefont",
    "blockquote",
    "body",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "iframe",
    "legend",
    "li",
    "link",
    "main",
    "menu",
    "menuitem",
    "nav",
    "noframes",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "pre",
    "script",
    "search",
    "section",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
];

/// Whether shortcode output is block HTML (or nothing at all).
pub(crate) fn is_block_html(output: &str) -> bool {
    let s = output.trim_start();
    if s.is_empty() || s.starts_with("<!--") {
        return true;
    }
    let Some(tag) = s.strip_prefix('<') else {
        return false;
    };
    let tag = tag.strip_prefix('/').unwrap_or(tag);
    let len = tag.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let ends_name = tag[len..]
        .chars()
        .next()
        .is_none_or(|c| c.is_ascii_whitespace() || c == '>' || c == '/');
    ends_name && BLOCK_TAGS.iter().any(|b| b.eq_ignore_ascii_case(&tag[..len]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::shortcodes::placeholder;

    #[test]
    fn splits_text_at_placeholders() {
        let text = format!("a{}b{}{}\u{E000}x", placeholder(0), placeholder(12), placeholder(3));
        let pieces: Vec<_> = Pieces::new(&text).collect();
        assert_eq!(
            pieces,
            [
                Piece::Text("a"),
                Piece::Output(0),
                Piece::Text("b"),
                Piece::Output(12),
                Piece::Output(3),
                Piece::Text("\u{E000}"),
                Piece::Text("x"),
            ]
        );
    }

    #[test]
    fn substitutes_outputs() {
        let outputs = vec!["/a?b".to_owned()];
        let s = CowStr::from(format!("x{}y", placeholder(0)));
        assert_eq!(substitute(s, &outputs).as_ref(), "x/a?by");
        assert_eq!(substitute(CowStr::Borrowed("plain"), &outputs).as_ref(), "plain");
    }

    #[test]
    fn block_or_inline() {
        for block in [
            "<div class=x>",
            "\n<figure>",
            "<TABLE>",
            "",
            "  ",
            "<!-- c -->",
            "</section>",
        ] {
            assert!(is_block_html(block), "{block:?}");
        }
        for inline in ["<span>", "<img src=x>", "text", "<divx>", "<b>x</b><div>"] {
            assert!(!is_block_html(inline), "{inline:?}");
        }
    }
}
