//! The article as plain blocks and inline runs: what [`super::clean`]
//! makes of WeChat's HTML and [`super::markdown`] writes out. Nothing of
//! WeChat's styling lives here, only what the text means.

/// A run of text with one set of marks.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Text.
    Text {
        /// The characters.
        text: String,
        /// Bold (`strong`, `b` or a bold style).
        bold: bool,
        /// Italic.
        italic: bool,
        /// The link it belongs to.
        href: Option<String>,
    },
    /// A line break (`br`).
    Break,
}

/// A paragraph's runs and what its styles said about it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Para {
    /// The runs.
    pub runs: Vec<Inline>,
    /// Every visible character is bold.
    pub all_bold: bool,
    /// The smallest font size (px) of its text, if every run had one.
    pub size: Option<f32>,
}

impl Para {
    /// The paragraph as plain text.
    pub fn plain(&self) -> String {
        let mut s = String::new();
        for r in &self.runs {
            match r {
                Inline::Text { text, .. } => s.push_str(text),
                Inline::Break => s.push('\n'),
            }
        }
        s.trim().to_string()
    }
}

/// Removes the spaces HTML's line ends leave between two Chinese
/// characters (`<span>高温</span>\n<span>天气</span>`, marked
/// [`super::style::LINE_END`]): Chinese has no spaces between words. A
/// space the writer typed stays; other line ends become spaces.
pub fn drop_spaces_between_han(runs: &mut [Inline]) {
    let mut prev: Option<char> = None;
    for i in 0..runs.len() {
        let next_first = runs[i + 1..].iter().find_map(|r| match r {
            Inline::Text { text, .. } => text.chars().next(),
            Inline::Break => Some('\n'),
        });
        if let Inline::Text { text, .. } = &mut runs[i] {
            let chars: Vec<char> = text.chars().collect();
            let mut out = String::with_capacity(text.len());
            for (j, c) in chars.iter().enumerate() {
                let before = if j == 0 { prev } else { Some(chars[j - 1]) };
                let after = chars.get(j + 1).copied().or(next_first);
                if *c == super::style::LINE_END {
                    if !(before.is_some_and(is_cjk) && after.is_some_and(is_cjk)) {
                        out.push(' ');
                    }
                    continue;
                }
                out.push(*c);
            }
            prev = chars.last().copied().or(prev);
            *text = out;
        } else {
            prev = Some('\n');
        }
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2e80}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}')
}

/// An image of the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// The `src` attribute (a file of `_files/` in a saved page).
    pub src: Option<String>,
    /// The `data-src` attribute (WeChat's image host).
    pub data_src: Option<String>,
    /// Alternative text.
    pub alt: String,
    /// Caption (`figcaption`, or a small line right below).
    pub caption: Option<String>,
    /// The file name in the bundle, once it is had.
    pub file: Option<String>,
}

/// One block of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph.
    Para(Para),
    /// A heading: level 2 or 3 and its text.
    Heading(u8, String),
    /// An image.
    Image(Image),
    /// A list: ordered or not, each item its blocks.
    List(bool, Vec<Vec<Block>>),
    /// A quote.
    Quote(Vec<Block>),
    /// A table: rows of cells, the first row the header.
    Table(Vec<Vec<Vec<Inline>>>),
    /// Preformatted text.
    Code(String),
    /// A thematic break.
    Rule,
    /// Media that only plays on WeChat: a line linking the original.
    Media(MediaKind),
}

/// What kind of media a [`Block::Media`] stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaKind {
    /// A video or a 视频号 card.
    Video,
    /// Audio.
    Audio,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str, bold: bool) -> Inline {
        Inline::Text {
            text: s.into(),
            bold,
            italic: false,
            href: None,
        }
    }

    #[test]
    fn spaces_between_chinese_characters_go_others_stay() {
        let mut runs = vec![
            t("高温\u{2028}", false),
            t("天气", true),
            t("\u{2028}请 PM2.5\u{2028}注意 第一章 开始", false),
        ];
        drop_spaces_between_han(&mut runs);
        assert_eq!(
            runs,
            vec![t("高温", false), t("天气", true), t("请 PM2.5 注意 第一章 开始", false)]
        );
    }
}
