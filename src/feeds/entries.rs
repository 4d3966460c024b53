//! The entries of feeds, serialized once per page shown.

use super::FeedEnv;
use crate::content::{Library, Page, PageId};
use crate::escape::xml_escape;

/// The most categories one feed entry lists: every term feed a page is in
/// repeats its entry, so the entry stays small whatever the page carries.
pub const MAX_CATEGORIES: usize = 20;

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
}

/// The entries of dated pages, by page id: the date of each page is read
/// up front, its URL (which orders pages of the same date) and its entry
/// only when a feed needs them (feeds show the newest few, so most pages
/// never need one), then shared by every feed.
pub struct Entries {
    /// Date of each page, the first order of feeds.
    dates: Vec<Option<jiff::Timestamp>>,
    /// Escaped absolute URL of each page, the order of pages of one date.
    links: Vec<std::sync::OnceLock<String>>,
    entries: Vec<std::sync::OnceLock<Option<FeedEntry>>>,
    full_content: bool,
}

impl Entries {
    /// The entries of the pages of `lib`, none made yet.
    pub fn new(lib: &Library, full_content: bool) -> Self {
        Entries {
            dates: lib.pages.iter().map(|p| p.date).collect(),
            links: lib.pages.iter().map(|_| std::sync::OnceLock::new()).collect(),
            entries: lib.pages.iter().map(|_| std::sync::OnceLock::new()).collect(),
            full_content,
        }
    }

    /// The newest `limit` dated entries among `ids`, newest first.
    pub fn newest(
        &self,
        env: &FeedEnv,
        lib: &Library,
        ids: impl Iterator<Item = PageId>,
        limit: usize,
    ) -> Vec<&FeedEntry> {
        let ids = self.newest_ids(env, lib, ids, limit);
        self.entries_of(env, lib, &ids)
    }

    /// The newest `limit` dated pages among `ids`, newest first (pages of
    /// one date by URL).
    pub fn newest_ids(
        &self,
        env: &FeedEnv,
        lib: &Library,
        ids: impl Iterator<Item = PageId>,
        limit: usize,
    ) -> Vec<PageId> {
        let v: Vec<(PageId, jiff::Timestamp)> = ids
            .filter_map(|id| self.dates.get(id).copied().flatten().map(|d| (id, d)))
            .collect();
        let link = |id: PageId| self.links[id].get_or_init(|| link(env, &lib.pages[id])).as_str();
        newest_of(v, limit, link)
    }

    /// The entries of the pages `ids` (dated ones).
    pub fn entries_of(&self, env: &FeedEnv, lib: &Library, ids: &[PageId]) -> Vec<&FeedEntry> {
        ids.iter()
            .filter_map(|&id| {
                let page = lib.pages.get(id)?;
                self.entries
                    .get(id)?
                    .get_or_init(|| entry(env, page, self.full_content))
                    .as_ref()
            })
            .collect()
    }

    /// Whether entries carry whole pages.
    pub fn full_content(&self) -> bool {
        self.full_content
    }
}

/// The `limit` newest of the pages `v` (id, date), newest first, pages of
/// one date in the order of their `link`s (asked only for pages of one
/// date).
fn newest_of<'a>(mut v: Vec<(PageId, jiff::Timestamp)>, limit: usize, link: impl Fn(PageId) -> &'a str) -> Vec<PageId> {
    let order = |a: &(PageId, jiff::Timestamp), b: &(PageId, jiff::Timestamp)| {
        b.1.cmp(&a.1).then_with(|| link(a.0).cmp(link(b.0)))
    };
    if v.len() > limit {
        // By date alone first: the pages newer than the `limit`th newest
        // and those of its date, of which the URLs pick the last ones.
        let Some(last) = limit.checked_sub(1) else {
            return Vec::new();
        };
        v.select_nth_unstable_by(last, |a, b| b.1.cmp(&a.1));
        let cut = v[last].1;
        v.retain(|&(_, date)| date >= cut);
    }
    v.sort_by(order);
    v.truncate(limit);
    v.into_iter().map(|(id, _)| id).collect()
}

/// The escaped absolute URL of `p`.
fn link(env: &FeedEnv, p: &Page) -> String {
    xml_escape(&crate::urls::url_encode_path(&env.permalink(&p.path)))
}

fn entry(env: &FeedEnv, p: &Page, full: bool) -> Option<FeedEntry> {
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
    categories.truncate(MAX_CATEGORIES);
    Some(FeedEntry {
        title: xml_escape(&p.title),
        link: link(env, p),
        published: env.clock.rfc3339(date),
        updated: env.clock.rfc3339(updated),
        rfc2822: env.clock.zoned(date).strftime("%a, %d %b %Y %H:%M:%S %z").to_string(),
        authors: p.meta.authors.iter().map(|a| xml_escape(a)).collect(),
        categories,
        html: xml_escape(&body),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The newest pages by date, then URL, whatever the ties at the cut.
    #[test]
    fn the_newest_are_those_a_full_sort_gives() {
        let links: Vec<String> = (0..60).map(|i| format!("https://x/{}/", (i * 37) % 60)).collect();
        let day = |d: i64| jiff::Timestamp::from_second(d * 86_400).unwrap();
        let pages: Vec<(PageId, jiff::Timestamp)> = (0..60).map(|i| (i, day(i as i64 % 7))).collect();
        for limit in [0, 1, 5, 8, 9, 20, 59, 60, 100] {
            let mut all = pages.clone();
            all.sort_by(|a, b| b.1.cmp(&a.1).then(links[a.0].cmp(&links[b.0])));
            let want: Vec<PageId> = all.into_iter().take(limit).map(|(id, _)| id).collect();
            assert_eq!(
                newest_of(pages.clone(), limit, |id| links[id].as_str()),
                want,
                "limit {limit}"
            );
        }
    }
}
