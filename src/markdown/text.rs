//! Plain text of a body, for the search index and the reading time.
//!
//! [`TextCollector`] is fed while the events are transformed:
//! 1. Text, inline code and code blocks are appended as they are.
//! 2. Raw HTML (including shortcode output) is appended without its tags,
//!    comments, scripts and styles; a few common entities are decoded.
//! 3. Block ends, line breaks and non-inline tags separate words.
//! 4. Every run of whitespace becomes one space, none at either end.
//! 5. Han characters and words are counted on the way, exactly as they end
//!    up in the text (see [`classify`]).

use super::reading_time::{CharKind, classify};

/// The first `chars` characters of `text` (all of it when shorter).
pub fn char_prefix(text: &str, chars: usize) -> &str {
    match text.char_indices().nth(chars) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

/// Builds the whitespace-collapsed plain text and counts it.
#[derive(Debug, Default)]
pub(crate) struct TextCollector {
    out: String,
    pending_space: bool,
    in_word: bool,
    han: usize,
    words: usize,
}

/// The collected text and its counts.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct CollectedText {
    pub(crate) text: String,
    pub(crate) han: usize,
    pub(crate) words: usize,
}

/// Tags that do not separate the words around them.
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "rp", "rt",
    "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
];

impl TextCollector {
    /// A collector expecting about `capacity` bytes of text.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Self {
            out: String::with_capacity(capacity),
            ..Self::default()
        }
    }

    /// Appends text, collapsing whitespace and counting.
    pub(crate) fn push_text(&mut self, s: &str) {
        let mut start = 0;
        for (i, c) in s.char_indices() {
            match classify(c) {
                CharKind::Space => {
                    self.push_run(&s[start..i]);
                    start = i + c.len_utf8();
                    self.push_break();
                }
                CharKind::Han => {
                    self.han += 1;
                    self.in_word = false;
                }
                CharKind::Word => {
                    self.words += usize::from(!self.in_word);
                    self.in_word = true;
                }
                CharKind::Other => self.in_word = false,
            }
        }
        self.push_run(&s[start..]);
    }

    /// Appends a run without whitespace (already counted).
    fn push_run(&mut self, run: &str) {
        if run.is_empty() {
            return;
        }
        if self.pending_space && !self.out.is_empty() {
            self.out.push(' ');
        }
        self.pending_space = false;
        self.out.push_str(run);
    }

    fn push_char(&mut self, c: char) {
        self.push_text(c.encode_utf8(&mut [0; 4]));
    }

    /// Separates what comes next from what came before.
    pub(crate) fn push_break(&mut self) {
        self.pending_space = true;
        self.in_word = false;
    }

    /// Appends the text content of an HTML fragment.
    pub(crate) fn push_html(&mut self, html: &str) {
        let mut rest = html;
        while let Some(i) = rest.find(['<', '&']) {
            self.push_text(&rest[..i]);
            rest = &rest[i..];
            rest = if rest.starts_with('&') {
                self.push_entity(rest)
            } else {
                self.skip_tag(rest)
            };
        }
        self.push_text(rest);
    }

    /// Decodes the entity at the start of `s`; returns what follows it.
    fn push_entity<'h>(&mut self, s: &'h str) -> &'h str {
        let decoded = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&#39;", '\''),
            ("&#x27;", '\''),
            ("&nbsp;", ' '),
        ]
        .into_iter()
        .find(|(name, _)| s.starts_with(name));
        match decoded {
            Some((name, c)) => {
                self.push_char(c);
                &s[name.len()..]
            }
            None => {
                self.push_char('&');
                &s[1..]
            }
        }
    }

    /// Skips the tag, comment, script or style at the start of `s`.
    fn skip_tag<'h>(&mut self, s: &'h str) -> &'h str {
        if let Some(comment) = s.strip_prefix("<!--") {
            return comment.find("-->").map_or("", |end| &comment[end + 3..]);
        }
        let name_start = usize::from(s[1..].starts_with('/')) + 1;
        let name_len = s[name_start..].bytes().take_while(u8::is_ascii_alphanumeric).count();
        if name_len == 0 {
            // A lone `<` is text.
            self.push_char('<');
            return &s[1..];
        }
        let name = s[name_start..name_start + name_len].to_ascii_lowercase();
        if !INLINE_TAGS.contains(&name.as_str()) {
            self.push_break();
        }
        let after = s.find('>').map_or("", |end| &s[end + 1..]);
        if name_start == 1 && (name == "script" || name == "style") {
            let close = format!("</{name}");
            // Searched in place: lowercasing the rest for every tag would
            // make a line of many scripts quadratic.
            return after
                .as_bytes()
                .windows(close.len())
                .position(|w| w.eq_ignore_ascii_case(close.as_bytes()))
                .and_then(|end| after[end..].find('>').map(|gt| &after[end + gt + 1..]))
                .unwrap_or("");
        }
        after
    }

    /// The collected text and counts.
    pub(crate) fn finish(self) -> CollectedText {
        CollectedText {
            text: self.out,
            han: self.han,
            words: self.words,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html_text(html: &str) -> String {
        let mut t = TextCollector::default();
        t.push_html(html);
        t.finish().text
    }

    fn counted(parts: &[&str]) -> (usize, usize) {
        let mut t = TextCollector::default();
        for p in parts {
            t.push_text(p);
        }
        let c = t.finish();
        (c.han, c.words)
    }

    #[test]
    fn counts_han_and_words() {
        assert_eq!(counted(&["应急科普知识"]), (6, 0));
        assert_eq!(counted(&["Hello, world! It's 2026."]), (0, 5));
        assert_eq!(counted(&["PM2.5 是指细颗粒物（PM2.5）"]), (6, 4));
        assert_eq!(counted(&["豈 𠀀 〇"]), (3, 0));
        // Text split across events joins into one word, as in the text.
        assert_eq!(counted(&["wo", "rd", " x"]), (0, 2));
        assert_eq!(counted(&[""]), (0, 0));
    }

    #[test]
    fn collapses_whitespace() {
        let mut t = TextCollector::with_capacity(16);
        t.push_text("  科普 \n 知识  ");
        t.push_break();
        t.push_text("next\tword ");
        assert_eq!(t.finish().text, "科普 知识 next word");
    }

    #[test]
    fn strips_tags_and_decodes_entities() {
        assert_eq!(
            html_text("<div class=\"note\"><p>a <b>b</b>c &amp; &lt;d&gt;</p><p>e</p></div>"),
            "a bc & <d> e"
        );
    }

    #[test]
    fn skips_comments_scripts_and_styles() {
        assert_eq!(
            html_text("x<!-- more -->y<script>var a = '<p>';</script>z<STYLE>p{}</STYLE>w"),
            "xy z w"
        );
    }

    #[test]
    fn lone_brackets_and_unknown_entities_are_text() {
        assert_eq!(html_text("1 < 2 &copy; 3"), "1 < 2 &copy; 3");
    }
}
