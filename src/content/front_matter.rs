//! Splitting a content file into front matter and body, and the front
//! matter's shape.
//!
//! 1. [`split`] normalizes line ends, drops a BOM, finds the `---` fences and
//!    remembers on which line the YAML and the body start.
//! 2. [`FrontMatter`] holds the keys every page takes; the keys of each
//!    kind are declared by the kind ([`crate::kinds`]).

use serde::Deserialize;

use super::front_matter_read::Stray;
use crate::i18n::Said;
use crate::kinds::KindFields;

/// A file cut in two.
#[derive(Debug, Clone)]
pub struct Split<'a> {
    /// YAML between the fences.
    pub yaml: &'a str,
    /// 1-based line of the first YAML line in the file.
    pub yaml_line: usize,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// 1-based line of the first body line in the file.
    pub body_line: usize,
}

/// Why a file could not be split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: Said,
    /// How to fix it.
    pub hint: Said,
}

/// Normalizes CRLF to LF and strips a UTF-8 BOM.
pub fn normalize(text: String) -> String {
    let text = match text.strip_prefix('\u{feff}') {
        Some(t) => t.to_string(),
        None => text,
    };
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// Splits normalized text at its `---` fences.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Err(SplitError {
            line: 1,
            message: crate::text!("content.no_front_matter").into(),
            hint: crate::text!("content.no_front_matter.help").into(),
        });
    }
    let yaml_start = (first_end + 1).min(text.len());
    let mut pos = yaml_start;
    let mut line = 2;
    while pos < text.len() {
        let end = text[pos..].find('\n').map(|i| pos + i).unwrap_or(text.len());
        if text[pos..end].trim_end() == "---" {
            let body_start = (end + 1).min(text.len());
            return Ok(Split {
                yaml: &text[yaml_start..pos],
                yaml_line: 2,
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        pos = end + 1;
        line += 1;
    }
    Err(SplitError {
        line: 1,
        message: crate::text!("content.front_matter_open").into(),
        hint: crate::text!("content.front_matter_open.help").into(),
    })
}

/// The keys every page takes (and a section's `sort_by` and
/// `paginate_by`), with the page's kind's own keys as written and the keys
/// that are neither; read by [`super::front_matter_read::read`].
#[derive(Debug, Clone, Default, Deserialize)]
#[allow(missing_docs)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<String>,
    pub updated: Option<String>,
    #[serde(default)]
    pub draft: bool,
    pub summary: Option<String>,
    pub slug: Option<String>,
    pub weight: Option<i64>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub towns: Vec<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    /// 责任编辑.
    pub editor: Option<String>,
    pub cover: Option<String>,
    pub template: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub extra: serde_json::Value,
    pub search: Option<bool>,
    // Sections.
    pub description: Option<String>,
    pub sort_by: Option<String>,
    pub paginate_by: Option<usize>,
    /// 来源: whose text or warning a page retells; any page may say it.
    pub source: Option<String>,
    /// The keys of the page's kind, as written.
    #[serde(skip)]
    pub fields: KindFields,
    /// Keys neither common nor of the page's kind, in the order written.
    #[serde(skip)]
    pub strays: Vec<Stray>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_lines() {
        let s = split("---\ntitle: a\n---\nbody\n").unwrap();
        assert_eq!(s.yaml, "title: a\n");
        assert_eq!(s.yaml_line, 2);
        assert_eq!(s.body, "body\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn handles_bom_and_crlf() {
        let t = normalize("\u{feff}---\r\ntitle: a\r\n---\r\nx\r\n".to_string());
        let s = split(&t).unwrap();
        assert_eq!(s.yaml, "title: a\n");
        assert_eq!(s.body, "x\n");
    }

    #[test]
    fn empty_body_and_no_trailing_newline() {
        let s = split("---\ntitle: a\n---").unwrap();
        assert_eq!(s.body, "");
    }

    #[test]
    fn reports_missing_and_unclosed_fences() {
        assert_eq!(split("title: a\n").unwrap_err().line, 1);
        assert!(split("---\ntitle: a\n").unwrap_err().message.contains("not closed"));
    }
}
