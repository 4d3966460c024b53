//! What templates see of a board: its badge in lists (kind, place,
//! freshness) and its fields on its own page and poster.

use serde::Serialize;

use crate::content::Page;
use crate::kinds::KindData;
use crate::kinds::keys::Location;
use crate::render::views::{Summary, TownLink, ViewEnv, map_url, summary, town_link};

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
    pub board_kind: super::BoardKind,
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
    pub poster: super::PosterSheet,
}

/// The badge of `page`, if it is a board.
pub fn badge(env: &ViewEnv, page: &Page) -> Option<BoardBadge> {
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

/// The fields of `page`, if it is a board.
pub fn view<'a>(env: &ViewEnv<'a>, page: &'a Page) -> Option<BoardView<'a>> {
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
        status: badge(env, page),
        qr_svg: String::new(),
        poster_url: env.link(&format!("{}poster/", page.path)),
        community: b.community.as_deref(),
        poster: b.poster,
    })
}
