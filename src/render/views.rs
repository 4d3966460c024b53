//! What templates see: serializable views built from the library.
//!
//! Templates never get internal structs. The views shared by every page
//! are built here; each content kind builds its own fields and badge in its
//! `view` module, gathered by [`crate::kinds::views`] and flattened into
//! [`PageView`] and [`PageSummary`]. All are documented field by field in
//! the README's theme section.

use std::sync::OnceLock;

use serde::Serialize;

use crate::config::Config;
use crate::content::{Library, Page, PageId};
use crate::kinds::keys::Location;
use crate::kinds::views::{KindBadges, KindViews};
use crate::markdown::Heading;
use crate::time::SiteClock;

/// Shared inputs of every view.
pub struct ViewEnv<'a> {
    /// Configuration.
    pub config: &'a Config,
    /// Clock.
    pub clock: &'a SiteClock,
    /// Content.
    pub lib: &'a Library,
    /// `data/` files.
    pub data: &'a serde_json::Value,
    /// Each page's summary, made once per environment and kept for the
    /// other lists that show it, up to [`KEPT_SUMMARIES`] (see [`summary`]).
    summaries: Vec<OnceLock<tera::Value>>,
    /// The pages whose summary is kept.
    made: std::sync::Mutex<Vec<PageId>>,
    /// Summaries kept at most ([`KEPT_SUMMARIES`]).
    kept_summaries: usize,
    /// The bodies taken out of the library for their page jobs (a build).
    bodies: Option<crate::content::handover::Handover>,
}

impl<'a> ViewEnv<'a> {
    /// The environment of one render of `lib`.
    pub fn new(config: &'a Config, clock: &'a SiteClock, lib: &'a Library, data: &'a serde_json::Value) -> Self {
        ViewEnv {
            config,
            clock,
            lib,
            data,
            summaries: (0..lib.pages.len()).map(|_| OnceLock::new()).collect(),
            made: std::sync::Mutex::new(Vec::new()),
            kept_summaries: KEPT_SUMMARIES,
            bodies: None,
        }
    }
}

impl ViewEnv<'_> {
    /// Frees the summaries made so far; later ones are made afresh.
    pub fn forget_summaries(&mut self) {
        let made = std::mem::take(self.made.get_mut().unwrap_or_else(|e| e.into_inner()));
        for id in made {
            if let Some(s) = self.summaries.get_mut(id) {
                drop(s.take());
            }
        }
    }

    /// Hands the page jobs the bodies taken out of the library.
    pub fn set_bodies(&mut self, bodies: crate::content::handover::Handover) {
        self.bodies = Some(bodies);
    }

    /// The body of page `id` taken out of the library, for its page job
    /// alone (see [`super::bodies`]).
    pub fn take_body(&self, id: PageId) -> Option<String> {
        self.bodies.as_ref()?.take(id)
    }

    /// Whether every body handed to the page jobs was taken (true when
    /// none were).
    pub fn bodies_all_taken(&self) -> bool {
        self.bodies
            .as_ref()
            .is_none_or(crate::content::handover::Handover::all_taken)
    }

    /// `/base/` + path.
    pub fn link(&self, path: &str) -> String {
        crate::urls::link(&self.config.base_path, path)
    }
    /// `https://host/base/` + path.
    pub fn permalink(&self, path: &str) -> String {
        crate::urls::permalink(&self.config.base_url, path)
    }

    /// What feeds need of the environment.
    pub fn feeds(&self) -> crate::feeds::FeedEnv<'_> {
        crate::feeds::FeedEnv {
            config: self.config,
            clock: self.clock,
        }
    }
}

/// A link with a label.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Label.
    pub name: String,
    /// Site path, with the base path.
    pub url: String,
}

/// A town reference.
#[derive(Debug, Clone, Serialize)]
pub struct TownLink {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// `/towns/ID/`.
    pub url: String,
}

/// A page in a list.
#[derive(Debug, Clone, Serialize)]
pub struct PageSummary<'a> {
    /// Title.
    pub title: &'a str,
    /// Site path.
    pub url: String,
    /// Kind name (`article`, `emergency` ...).
    pub kind: crate::kinds::Kind,
    /// Chinese kind label.
    pub kind_label: &'static str,
    /// RFC 3339 date.
    pub date: Option<String>,
    /// `2026年7月15日`.
    pub date_display: Option<String>,
    /// Summary HTML.
    pub summary: Option<String>,
    /// Cover image URL.
    pub cover: Option<String>,
    /// Tags.
    pub tags: Vec<Link>,
    /// The badge of its kind (`emergency`, `column`, `board`).
    #[serde(flatten)]
    pub kinds: KindBadges,
    /// A draft (`draft: true`, built by `serve` or `build --drafts`):
    /// lists mark it 草稿.
    pub draft: bool,
}

/// A full page.
#[derive(Debug, Clone, Serialize)]
pub struct PageView<'a> {
    /// Title.
    pub title: &'a str,
    /// Absolute URL.
    pub permalink: String,
    /// Site path.
    pub url: String,
    /// Slug (also the id of boards and stations).
    pub slug: &'a str,
    /// Kind.
    pub kind: crate::kinds::Kind,
    /// Chinese kind label.
    pub kind_label: &'static str,
    /// Section folder.
    pub section: &'a str,
    /// `@/` path.
    pub rel_path: &'a str,
    /// RFC 3339.
    pub date: Option<String>,
    /// For readers.
    pub date_display: Option<String>,
    /// RFC 3339.
    pub updated: Option<String>,
    /// For readers.
    pub updated_display: Option<String>,
    /// Summary HTML (front matter `summary`, else the rendered summary).
    pub summary: Option<String>,
    /// Plain-text description for meta tags.
    pub description: String,
    /// Body HTML.
    pub content: std::borrow::Cow<'a, str>,
    /// Table of contents.
    pub toc: &'a [Heading],
    /// Minutes.
    pub reading_time: u32,
    /// Han characters plus other words.
    pub word_count: usize,
    /// Tags.
    pub tags: Vec<Link>,
    /// Categories.
    pub categories: Vec<Link>,
    /// Towns.
    pub towns: Vec<TownLink>,
    /// Authors.
    pub authors: &'a [String],
    /// 责任编辑.
    pub editor: Option<&'a str>,
    /// 来源.
    pub source: Option<&'a str>,
    /// QR code (SVG) of the page's address, for 分享 (filled by the page job).
    pub share_qr: String,
    /// Cover URL.
    pub cover: Option<String>,
    /// Free data.
    pub extra: &'a serde_json::Value,
    /// The original's address (`extra.wechat_url` of an imported article),
    /// shown as 原文链接 when it is an http(s) address.
    pub original_url: Option<&'a str>,
    /// The fields of its kind (`emergency`, `column`, `board`, `station`).
    #[serde(flatten)]
    pub kinds: KindViews<'a>,
    /// A draft (`draft: true`, built by `serve` or `build --drafts`): the
    /// page carries a visible 草稿 mark.
    pub draft: bool,
}

/// A town link for `id`, if the town exists.
pub fn town_link(env: &ViewEnv, id: &str) -> Option<TownLink> {
    env.config.town(id).map(|t| TownLink {
        id: t.id.clone(),
        name: t.name.clone(),
        url: env.link(&format!("towns/{}/", t.id)),
    })
}

/// Term links of a taxonomy.
pub fn term_links(env: &ViewEnv, taxonomy: &str, terms: &[String]) -> Vec<Link> {
    if !env.config.site.taxonomies.iter().any(|t| t == taxonomy) {
        return Vec::new();
    }
    terms
        .iter()
        .map(|t| Link {
            name: t.clone(),
            url: env.link(&format!("{taxonomy}/{}/", env.lib.term_slug(taxonomy, t))),
        })
        .collect()
}

fn cover_url(env: &ViewEnv, page: &Page) -> Option<String> {
    let c = page.meta.cover.as_deref()?;
    if c.contains("://") || c.starts_with('/') {
        return Some(if c.starts_with('/') && !c.starts_with("//") {
            env.link(c)
        } else {
            c.to_string()
        });
    }
    Some(env.link(&format!("{}{}", page.path, c)))
}

/// A page in a list, as templates get it: [`summary_view`] turned into a
/// template value, kept (up to [`KEPT_SUMMARIES`]) and shared by every list
/// that shows the page (a clone is a reference count).
#[derive(Debug, Clone)]
pub struct Summary(tera::Value);

impl Serialize for Summary {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// Summaries kept at most, for the other lists that show the same page:
/// every page of a site of up to this many pages, which makes its lists
/// with each summary made once. A larger site keeps this many (a few
/// kilobytes each) and makes the others again for each list, so that its
/// memory stays flat as it grows.
pub const KEPT_SUMMARIES: usize = 16_384;

/// The summary of `page`, a page of `env.lib`.
pub fn summary(env: &ViewEnv, id: PageId) -> Summary {
    let page = &env.lib.pages[id];
    let make = || tera::Value::from_serializable(&summary_view(env, page));
    let Some(cell) = env.summaries.get(id) else {
        return Summary(make());
    };
    if let Some(kept) = cell.get() {
        return Summary(kept.clone());
    }
    let value = make();
    let mut made = env.made.lock().unwrap_or_else(|e| e.into_inner());
    if made.len() < env.kept_summaries && cell.set(value.clone()).is_ok() {
        made.push(id);
    }
    Summary(value)
}

/// What a list shows of a page.
pub fn summary_view<'a>(env: &ViewEnv, page: &'a Page) -> PageSummary<'a> {
    PageSummary {
        title: &page.title,
        url: env.link(&page.path),
        kind: page.kind,
        kind_label: page.kind.label(),
        date: page.date.map(|d| env.clock.rfc3339(d)),
        date_display: page.date.map(|d| env.clock.display_date(d)),
        summary: summary_html(page),
        cover: cover_url(env, page),
        tags: term_links(env, "tags", &page.meta.tags),
        kinds: crate::kinds::views::badges(env, page),
        draft: page.meta.draft,
    }
}

fn summary_html(page: &Page) -> Option<String> {
    match &page.meta.summary {
        Some(s) => Some(format!("<p>{}</p>", crate::escape::xml_escape(s))),
        None => page.rendered.summary_html.clone(),
    }
}

/// Characters of a page's plain text its description shows (when it has no
/// `summary`).
pub const DESCRIPTION_CHARS: usize = 120;

/// Plain text of at most `n` characters.
pub fn truncate_chars(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}

/// An OpenStreetMap link for a position.
pub fn map_url(loc: Option<Location>) -> Option<String> {
    loc.map(|l| {
        format!(
            "https://www.openstreetmap.org/?mlat={0}&mlon={1}#map=17/{0}/{1}",
            l.lat, l.lng
        )
    })
}

/// A full page.
pub fn page<'a>(env: &ViewEnv<'a>, page: &'a Page) -> PageView<'a> {
    let description = match &page.meta.summary {
        Some(s) => s.clone(),
        None => truncate_chars(&page.rendered.text, DESCRIPTION_CHARS),
    };
    PageView {
        title: &page.title,
        permalink: env.permalink(&page.path),
        url: env.link(&page.path),
        slug: &page.slug,
        kind: page.kind,
        kind_label: page.kind.label(),
        section: &page.section,
        rel_path: &page.rel_path,
        date: page.date.map(|d| env.clock.rfc3339(d)),
        date_display: page.date.map(|d| env.clock.display_date(d)),
        updated: page.updated.map(|d| env.clock.rfc3339(d)),
        updated_display: page.updated.map(|d| env.clock.display_date(d)),
        summary: summary_html(page),
        description,
        content: std::borrow::Cow::Borrowed(&page.rendered.html),
        toc: &page.rendered.toc,
        reading_time: page.rendered.reading_time,
        word_count: page.rendered.han_count + page.rendered.word_count,
        tags: term_links(env, "tags", &page.meta.tags),
        categories: term_links(env, "categories", &page.meta.categories),
        towns: page.meta.towns.iter().filter_map(|t| town_link(env, t)).collect(),
        authors: &page.meta.authors,
        editor: page.meta.editor.as_deref(),
        source: page.meta.source.as_deref(),
        share_qr: String::new(),
        cover: cover_url(env, page),
        extra: &page.meta.extra,
        original_url: page
            .meta
            .extra
            .get("wechat_url")
            .and_then(|u| u.as_str())
            .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
        kinds: crate::kinds::views::views(env, page),
        draft: page.meta.draft,
    }
}

/// The Atom and RSS feeds of a list at `dir` (`articles/`), as site.yaml asks.
#[derive(Debug, Clone, Serialize)]
pub struct FeedLinks {
    /// Atom feed URL.
    pub atom: Option<String>,
    /// RSS feed URL.
    pub rss: Option<String>,
}

/// The feed links of the list at `dir`.
pub fn feed_links(env: &ViewEnv, dir: &str) -> FeedLinks {
    let f = &env.config.site.feeds;
    FeedLinks {
        atom: f.atom.then(|| env.link(&format!("{dir}atom.xml"))),
        rss: f.rss.then(|| env.link(&format!("{dir}rss.xml"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_past_the_bound_are_made_again_the_same() {
        let opts = crate::site::BuildOptions {
            root: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/feeds"),
            now: "2026-07-01T00:00:00Z".parse().ok(),
            ..Default::default()
        };
        let site = crate::site::prepare(&opts).expect("the fixture builds");
        let kept = ViewEnv::new(&site.config, &site.clock, &site.lib, &site.data);
        let mut bounded = ViewEnv::new(&site.config, &site.clock, &site.lib, &site.data);
        bounded.kept_summaries = 1;
        let json = |s: Summary| serde_json::to_value(&s).expect("a summary serializes");
        let pages = site.lib.pages.len();
        assert!(pages > 2, "{pages}");
        for id in 0..pages {
            for _ in 0..2 {
                assert_eq!(json(summary(&bounded, id)), json(summary(&kept, id)));
            }
        }
        assert_eq!(bounded.made.lock().map(|m| m.len()).ok(), Some(1));
        assert_eq!(kept.made.lock().map(|m| m.len()).ok(), Some(pages));
    }
}
