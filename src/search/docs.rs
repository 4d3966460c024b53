//! What the index knows of each page, and the per-page document file that
//! the results list shows (title, URL, kind, date and the text to cut an
//! excerpt from).
//!
//! 1. [`searchable`] takes every searchable page (`search: false` stays out),
//!    in the library's order, which gives the page ids.
//! 2. [`doc`] gathers its title, its meta text (tags, categories, summary,
//!    towns) and its body text (the Markdown's plain text, then the fields
//!    readers see on the page: steps of a note, address of a board ...).
//! 3. [`SearchDoc::json`] writes the document file `d/ID.json`.

use std::borrow::Cow;

use serde::Serialize;

use crate::config::Config;
use crate::content::{Library, Page, PageId};
use crate::time::SiteClock;

/// One searchable page.
#[derive(Debug, Clone, Default)]
pub struct SearchDoc<'a> {
    /// Title.
    pub title: &'a str,
    /// Tags, categories, summary and towns, space-separated.
    pub meta: String,
    /// The body's plain text and the kind's visible fields (the page's own
    /// text, not a copy, when the kind has none).
    pub body: Cow<'a, str>,
    /// Site path with the base path.
    pub url: String,
    /// Chinese kind label.
    pub kind: &'static str,
    /// Date for readers.
    pub date: Option<String>,
}

/// The document file: short keys, since there is one per page.
#[derive(Serialize)]
struct DocFile<'a> {
    t: &'a str,
    u: &'a str,
    k: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    d: Option<&'a str>,
    x: &'a str,
}

impl SearchDoc<'_> {
    /// The JSON of `d/ID.json`.
    pub fn json(&self) -> String {
        serde_json::to_string(&DocFile {
            t: self.title,
            u: &self.url,
            k: self.kind,
            d: self.date.as_deref(),
            x: &self.body,
        })
        .unwrap_or_default()
    }
}

/// The searchable pages of `lib`, in order, with their page ids: their
/// places are the ids of the index.
pub fn searchable(lib: &Library) -> Vec<(PageId, &Page)> {
    lib.pages.iter().enumerate().filter(|(_, p)| p.searchable()).collect()
}

/// The search document of one page.
pub fn doc<'a>(config: &Config, clock: &SiteClock, page: &'a Page) -> SearchDoc<'a> {
    doc_with(config, clock, page, Cow::Borrowed(&page.rendered.text))
}

/// The search document of one page whose plain text is `text`.
pub fn doc_with<'a>(config: &Config, clock: &SiteClock, page: &'a Page, text: Cow<'a, str>) -> SearchDoc<'a> {
    let town = |id: &str| config.town(id).map(|t| t.name.clone());
    let mut meta: Vec<String> = Vec::new();
    meta.extend(page.meta.tags.iter().cloned());
    meta.extend(page.meta.categories.iter().cloned());
    meta.extend(page.meta.summary.iter().cloned());
    meta.extend(page.meta.towns.iter().filter_map(|t| town(t)));
    let extra = page.data.search_words(&town);
    let mut body = text;
    for e in extra.iter().filter(|e| !e.is_empty()) {
        let b = body.to_mut();
        if !b.is_empty() {
            b.push(' ');
        }
        b.push_str(e);
    }
    SearchDoc {
        title: &page.title,
        meta: meta.join(" "),
        body,
        url: crate::urls::link(&config.base_path, &page.path),
        kind: page.kind.label(),
        date: page.date.map(|d| clock.display_date(d)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_and_skips_missing_dates() {
        let d = SearchDoc {
            title: "<script>\"x\"",
            url: "/a/".into(),
            kind: "科普文章",
            body: "正文".into(),
            ..SearchDoc::default()
        };
        assert_eq!(d.json(), r#"{"t":"<script>\"x\"","u":"/a/","k":"科普文章","x":"正文"}"#);
    }
}
