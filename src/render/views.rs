//! What templates see: serializable views built from the library.
//!
//! Templates never get internal structs. Each view is built here, in one
//! place per kind of thing, and documented field by field in the README's
//! theme section.

use std::sync::OnceLock;

use serde::Serialize;

use crate::config::Config;
use crate::content::front_matter::{Location, Staff};
use crate::content::{Library, Page, PageId};
use crate::kinds::KindData;
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
    /// Each page's summary, made once per environment (see [`summary`]).
    summaries: Vec<OnceLock<tera::Value>>,
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
        }
    }
}

impl ViewEnv<'_> {
    /// Frees the summaries made so far; later ones are made afresh.
    pub fn forget_summaries(&mut self) {
        self.summaries.iter_mut().for_each(|s| drop(s.take()));
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
    /// For emergency notes: level, hazard and whether active.
    pub emergency: Option<NoteBadge>,
    /// For column entries: medium and program.
    pub column: Option<ColumnBadge>,
    /// For boards: kind, place and freshness.
    pub board: Option<BoardBadge>,
    /// A draft (`draft: true`, built by `serve` or `build --drafts`):
    /// lists mark it 草稿.
    pub draft: bool,
}

/// What lists show of an emergency note.
#[derive(Debug, Clone, Serialize)]
pub struct NoteBadge {
    /// `red`.
    pub level: &'static str,
    /// `红色`.
    pub level_label: &'static str,
    /// Chinese hazard.
    pub hazard_label: &'static str,
    /// Active at build time.
    pub active: bool,
    /// RFC 3339 expiry, empty if none.
    pub expires: String,
    /// For readers.
    pub expires_display: Option<String>,
}

/// What lists show of a column entry.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnBadge {
    /// `radio`.
    pub medium: &'static str,
    /// `广播`.
    pub medium_label: &'static str,
    /// Outlet.
    pub outlet: Option<String>,
    /// Program.
    pub program: Option<String>,
    /// Episode.
    pub episode: Option<String>,
}

/// What lists show of a board.
#[derive(Debug, Clone, Serialize)]
pub struct BoardBadge {
    /// `科普画廊`.
    pub kind_label: &'static str,
    /// `公园`.
    pub place_label: &'static str,
    /// `fresh`, `stale` or `empty`.
    pub freshness: crate::report::freshness::Freshness,
    /// `及时更新` ...
    pub freshness_label: &'static str,
    /// Days since the display changed.
    pub days_unchanged: Option<i64>,
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
    pub content: &'a str,
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
    /// Emergency note fields.
    pub emergency: Option<EmergencyView>,
    /// Column entry fields.
    pub column: Option<ColumnView>,
    /// Board fields.
    pub board: Option<BoardView<'a>>,
    /// Station fields.
    pub station: Option<StationView<'a>>,
    /// A draft (`draft: true`, built by `serve` or `build --drafts`): the
    /// page carries a visible 草稿 mark.
    pub draft: bool,
}

/// An emergency note's fields.
#[derive(Debug, Clone, Serialize)]
pub struct EmergencyView {
    /// Hazard name.
    pub hazard: String,
    /// Chinese hazard.
    pub hazard_label: &'static str,
    /// Level name (`red`).
    pub level: &'static str,
    /// `红色`.
    pub level_label: &'static str,
    /// RFC 3339.
    pub expires: Option<String>,
    /// For readers.
    pub expires_display: Option<String>,
    /// Active at build time.
    pub active: bool,
    /// Areas.
    pub areas: Vec<TownLink>,
    /// Steps.
    pub steps: Vec<String>,
    /// Whose warning it explains.
    pub source: Option<String>,
    /// The CAP file's URL.
    pub cap_url: String,
}

/// A column entry's fields.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnView {
    /// Medium name.
    pub medium: &'static str,
    /// `广播`.
    pub medium_label: &'static str,
    /// Outlet.
    pub outlet: Option<String>,
    /// Program.
    pub program: Option<String>,
    /// Episode.
    pub episode: Option<String>,
    /// `2026-W21`.
    pub week: String,
    /// For readers: `第21周（5月18日—24日）`.
    pub week_title: String,
    /// `/columns/2026/w21/`.
    pub week_url: String,
}

/// A board's display entry.
#[derive(Debug, Clone, Serialize)]
pub struct ShowingView {
    /// Inline SVG QR code of the page's absolute URL (for posters).
    pub qr_svg: String,
    /// The page shown.
    pub page: Summary,
    /// Absolute URL of the page (for QR codes).
    pub permalink: String,
    /// From, for readers.
    pub from_display: String,
    /// Until, for readers.
    pub until_display: Option<String>,
    /// The key points a poster prints: an emergency note's steps.
    pub steps: Vec<String>,
}

/// A board's fields.
#[derive(Debug, Clone, Serialize)]
pub struct BoardView<'a> {
    /// `gallery`.
    pub board_kind: crate::kinds::board::BoardKind,
    /// `科普画廊`.
    pub kind_label: &'static str,
    /// Place name.
    pub place: &'a str,
    /// Chinese place.
    pub place_label: &'static str,
    /// Town.
    pub town: Option<TownLink>,
    /// Address.
    pub address: Option<&'a str>,
    /// Position.
    pub location: Option<Location>,
    /// A map link for the position.
    pub map_url: Option<String>,
    /// Maintainer.
    pub maintainer: Option<&'a str>,
    /// Shown now.
    pub current: Vec<ShowingView>,
    /// Shown before.
    pub past: Vec<ShowingView>,
    /// To be shown later.
    pub upcoming: Vec<ShowingView>,
    /// Freshness, as in lists.
    pub status: Option<BoardBadge>,
    /// Inline SVG QR code of the board's own URL.
    pub qr_svg: String,
    /// `/boards/ID/poster/`.
    pub poster_url: String,
    /// Village or community it stands in.
    pub community: Option<&'a str>,
    /// The poster's sheet.
    pub poster: crate::kinds::board::PosterSheet,
}

/// A station's fields.
#[derive(Debug, Clone, Serialize)]
pub struct StationView<'a> {
    /// Town.
    pub town: Option<TownLink>,
    /// Community.
    pub community: Option<&'a str>,
    /// `room` or `station`.
    pub station_kind: crate::kinds::station::StationKind,
    /// Chinese kind.
    pub kind_label: &'static str,
    /// Staff.
    pub staff: &'a [Staff],
    /// Hours.
    pub hours: Option<&'a str>,
    /// Equipment.
    pub equipment: &'a [String],
    /// Position.
    pub location: Option<Location>,
    /// A map link.
    pub map_url: Option<String>,
    /// Its boards.
    pub boards: Vec<Link>,
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
/// template value once per page and environment, then shared by every list
/// that shows the page (a clone is a reference count).
#[derive(Debug, Clone)]
pub struct Summary(tera::Value);

impl Serialize for Summary {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// The summary of `page`, a page of `env.lib`.
pub fn summary(env: &ViewEnv, id: PageId) -> Summary {
    let page = &env.lib.pages[id];
    let make = || tera::Value::from_serializable(&summary_view(env, page));
    match env.summaries.get(id) {
        Some(cell) => Summary(cell.get_or_init(make).clone()),
        None => Summary(make()),
    }
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
        emergency: note_badge(env, page),
        column: column_badge(page),
        board: board_badge(env, page),
        draft: page.meta.draft,
    }
}

fn note_badge(env: &ViewEnv, page: &Page) -> Option<NoteBadge> {
    let KindData::Emergency(e) = &page.data else {
        return None;
    };
    Some(NoteBadge {
        level: e.level.name(),
        level_label: e.level.label(),
        hazard_label: e.hazard_label(),
        active: e.is_active(page.date, env.clock.now()),
        expires: e.expires.map(|t| env.clock.rfc3339(t)).unwrap_or_default(),
        expires_display: e.expires.map(|t| env.clock.display_datetime(t)),
    })
}

fn column_badge(page: &Page) -> Option<ColumnBadge> {
    let KindData::Column(c) = &page.data else { return None };
    Some(ColumnBadge {
        medium: c.medium.name(),
        medium_label: c.medium.label(),
        outlet: c.outlet.clone(),
        program: c.program.clone(),
        episode: c.episode.clone(),
    })
}

fn board_badge(env: &ViewEnv, page: &Page) -> Option<BoardBadge> {
    use crate::report::freshness::{days_unchanged, freshness};
    let KindData::Board(b) = &page.data else { return None };
    let now = env.clock.now();
    let f = freshness(b, now, env.config.site.boards.stale_after_days);
    Some(BoardBadge {
        kind_label: b.board_kind.label(),
        place_label: b.place_label(),
        freshness: f,
        freshness_label: f.label(),
        days_unchanged: days_unchanged(b, now),
    })
}

fn summary_html(page: &Page) -> Option<String> {
    match &page.meta.summary {
        Some(s) => Some(format!("<p>{}</p>", crate::escape::xml_escape(s))),
        None => page.rendered.summary_html.clone(),
    }
}

/// Plain text of at most `n` characters.
pub fn truncate_chars(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}

fn map_url(loc: Option<Location>) -> Option<String> {
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
        None => truncate_chars(&page.rendered.text, 120),
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
        content: &page.rendered.html,
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
        emergency: emergency(env, page),
        column: column(env, page),
        board: board(env, page),
        station: station(env, page),
        draft: page.meta.draft,
    }
}

fn emergency(env: &ViewEnv, page: &Page) -> Option<EmergencyView> {
    let KindData::Emergency(e) = &page.data else {
        return None;
    };
    Some(EmergencyView {
        hazard: e.hazard.clone(),
        hazard_label: e.hazard_label(),
        level: e.level.name(),
        level_label: e.level.label(),
        expires: e.expires.map(|t| env.clock.rfc3339(t)),
        expires_display: e.expires.map(|t| env.clock.display_datetime(t)),
        active: e.is_active(page.date, env.clock.now()),
        areas: e.areas.iter().filter_map(|a| town_link(env, a)).collect(),
        steps: e.steps.clone(),
        source: e.source.clone(),
        cap_url: env.link(&format!("emergency/{}.cap.xml", page.slug)),
    })
}

fn column(env: &ViewEnv, page: &Page) -> Option<ColumnView> {
    let KindData::Column(c) = &page.data else { return None };
    let (y, w) = page.date.map(|d| env.clock.iso_week(d)).unwrap_or((0, 0));
    Some(ColumnView {
        medium: c.medium.name(),
        medium_label: c.medium.label(),
        outlet: c.outlet.clone(),
        program: c.program.clone(),
        episode: c.episode.clone(),
        week: format!("{y}-W{w:02}"),
        week_title: jiff::civil::ISOWeekDate::new(y, w, jiff::civil::Weekday::Monday)
            .map(|d| crate::report::columns::week_title(w, d.date()))
            .unwrap_or_default(),
        week_url: env.link(&format!("columns/{y}/w{w:02}/")),
    })
}

fn board<'a>(env: &ViewEnv<'a>, page: &'a Page) -> Option<BoardView<'a>> {
    let KindData::Board(b) = &page.data else { return None };
    let now = env.clock.now();
    let (mut current, mut past, mut upcoming) = (Vec::new(), Vec::new(), Vec::new());
    for s in &b.showing {
        let Some(&target_id) = env.lib.by_rel_path.get(&s.page) else {
            continue;
        };
        let target = &env.lib.pages[target_id];
        let view = ShowingView {
            qr_svg: String::new(),
            page: summary(env, target_id),
            permalink: env.permalink(&target.path),
            from_display: env.clock.display_date(s.from),
            until_display: s.until.map(|u| env.clock.display_date(u)),
            steps: match &target.data {
                KindData::Emergency(e) => e.steps.clone(),
                _ => Vec::new(),
            },
        };
        if s.is_current(now) {
            current.push(view);
        } else if s.from > now {
            upcoming.push(view);
        } else {
            past.push(view);
        }
    }
    Some(BoardView {
        board_kind: b.board_kind,
        kind_label: b.board_kind.label(),
        place: &b.place,
        place_label: b.place_label(),
        town: town_link(env, &b.town),
        address: b.address.as_deref(),
        location: b.location,
        map_url: map_url(b.location),
        maintainer: b.maintainer.as_deref(),
        current,
        past,
        upcoming,
        status: board_badge(env, page),
        qr_svg: String::new(),
        poster_url: env.link(&format!("{}poster/", page.path)),
        community: b.community.as_deref(),
        poster: b.poster,
    })
}

fn station<'a>(env: &ViewEnv<'a>, page: &'a Page) -> Option<StationView<'a>> {
    let KindData::Station(s) = &page.data else { return None };
    Some(StationView {
        town: town_link(env, &s.town),
        community: s.community.as_deref(),
        station_kind: s.station_kind,
        kind_label: s.station_kind.label(),
        staff: &s.staff,
        hours: s.hours.as_deref(),
        equipment: &s.equipment,
        location: s.location,
        map_url: map_url(s.location),
        boards: s
            .boards
            .iter()
            .filter_map(|id| env.lib.find(crate::kinds::Kind::Board, id))
            .map(|(_, p)| Link {
                name: p.title.clone(),
                url: env.link(&p.path),
            })
            .collect(),
    })
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
