//! The entries of feeds, serialized once per page.

use crate::content::{Library, Page, PageId};
use crate::render::builtins::xml_escape;
use crate::render::views::ViewEnv;

/// What a feed is about.
#[derive(Debug, Clone)]
pub struct FeedInfo {
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Site path of the feed's HTML page (`articles/`).
    pub html_path: String,
    /// Site path of the feed without extension (`articles/`), feeds are
    /// `atom.xml` and `rss.xml` under it.
    pub dir: String,
}

/// One page, ready for feeds: escaped fields.
#[derive(Debug, Clone)]
pub struct FeedEntry {
    /// Escaped title.
    pub title: String,
    /// Absolute URL, escaped.
    pub link: String,
    /// RFC 3339.
    pub published: String,
    /// RFC 3339.
    pub updated: String,
    /// RFC 2822.
    pub rfc2822: String,
    /// Escaped author names.
    pub authors: Vec<String>,
    /// Escaped categories (tags and categories).
    pub categories: Vec<String>,
    /// Escaped HTML (summary or content).
    pub html: String,
    /// The sort key (newest first).
    pub sort: jiff::Timestamp,
}

/// Entries of every dated page, by page id.
pub struct Entries(pub Vec<Option<FeedEntry>>);

impl Entries {
    /// Serializes every dated page once.
    pub fn new(env: &ViewEnv, lib: &Library, full_content: bool) -> Self {
        use rayon::prelude::*;
        Entries(lib.pages.par_iter().map(|p| entry(env, p, full_content)).collect())
    }

    /// The newest `limit` dated entries among `ids`, newest first.
    pub fn newest(&self, ids: impl Iterator<Item = PageId>, limit: usize) -> Vec<&FeedEntry> {
        let mut v: Vec<(PageId, &FeedEntry)> = ids.filter_map(|id| self.0.get(id)?.as_ref().map(|e| (id, e))).collect();
        v.sort_by(|a, b| b.1.sort.cmp(&a.1.sort).then(a.1.link.cmp(&b.1.link)));
        v.truncate(limit);
        v.into_iter().map(|(_, e)| e).collect()
    }
}

fn entry(env: &ViewEnv, p: &Page, full: bool) -> Option<FeedEntry> {
    let date = p.date?;
    let updated = p.updated.unwrap_or(date).max(date);
    let body = if full {
        p.rendered.html.clone()
    } else {
        match &p.meta.summary {
            Some(s) => format!("<p>{}</p>", xml_escape(s)),
            None => p.rendered.summary_html.clone().unwrap_or_default(),
        }
    };
    let mut categories: Vec<String> = p
        .meta
        .categories
        .iter()
        .chain(&p.meta.tags)
        .map(|c| xml_escape(c))
        .collect();
    categories.dedup();
    Some(FeedEntry {
        title: xml_escape(&p.title),
        link: xml_escape(&crate::render::builtins::url_encode_path(&env.permalink(&p.path))),
        published: env.clock.rfc3339(date),
        updated: env.clock.rfc3339(updated),
        rfc2822: env.clock.zoned(date).strftime("%a, %d %b %Y %H:%M:%S %z").to_string(),
        authors: p.meta.authors.iter().map(|a| xml_escape(a)).collect(),
        categories,
        html: xml_escape(&body),
        sort: date,
    })
}
