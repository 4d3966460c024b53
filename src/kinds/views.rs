//! What templates see of a page's kind, gathered from the kinds' own
//! `view` modules: one field per kind (named as the templates know it,
//! `page.board`, `summary.emergency` …), `null` on pages of other kinds.
//! Render flattens these into its page and summary views without naming
//! a kind; a new kind adds its field here.

use serde::Serialize;

use super::activity::view::{ActivityBadge, ActivityView};
use super::board::view::{BoardBadge, BoardView};
use super::column::view::{ColumnBadge, ColumnView};
use super::emergency::view::{EmergencyView, NoteBadge};
use super::station::view::StationView;
use super::{KindData, activity, board, column, emergency, station};
use crate::content::{Library, Page};
use crate::render::views::{Summary, ViewEnv};

/// A page's kind in a list: its badge.
#[derive(Debug, Clone, Serialize)]
pub struct KindBadges {
    /// For emergency notes: level, hazard and whether active.
    pub emergency: Option<NoteBadge>,
    /// For column entries: medium and program.
    pub column: Option<ColumnBadge>,
    /// For boards: kind, place and freshness.
    pub board: Option<BoardBadge>,
    /// For activities: when, where, kind and status.
    pub activity: Option<ActivityBadge>,
}

/// The badge of `page`'s kind.
pub fn badges(env: &ViewEnv, page: &Page) -> KindBadges {
    KindBadges {
        emergency: emergency::view::badge(env, page),
        column: column::view::badge(page),
        board: board::view::badge(env, page),
        activity: activity::view::badge(env, page),
    }
}

/// A page's kind on its own page: its fields.
#[derive(Debug, Clone, Serialize)]
pub struct KindViews<'a> {
    /// Emergency note fields.
    pub emergency: Option<EmergencyView>,
    /// Column entry fields.
    pub column: Option<ColumnView>,
    /// Board fields.
    pub board: Option<BoardView<'a>>,
    /// Station fields.
    pub station: Option<StationView<'a>>,
    /// Activity fields.
    pub activity: Option<ActivityView<'a>>,
}

/// The fields of `page`'s kind.
pub fn views<'a>(env: &ViewEnv<'a>, page: &'a Page) -> KindViews<'a> {
    KindViews {
        emergency: emergency::view::view(env, page),
        column: column::view::view(env, page),
        board: board::view::view(env, page),
        station: station::view::view(env, page),
        activity: activity::view::view(env, page),
    }
}

impl KindViews<'_> {
    /// Where a kind that prints its own address as a QR code (a board's
    /// poster) wants it, if the page is of such a kind.
    pub fn print_qr(&mut self) -> Option<&mut String> {
        self.board.as_mut().map(|b| &mut b.qr_svg)
    }
}

/// The banners every page shows: the emergency notes in force, most
/// severe first, then newest.
pub fn banners(env: &ViewEnv) -> Vec<emergency::view::BannerView> {
    emergency::view::banners(env)
}

/// What the kinds show on the home page.
#[derive(Debug, Serialize)]
pub struct KindHome {
    /// The emergency notes in force.
    pub notes: Vec<Summary>,
    /// This week's column entries (else the newest three).
    pub columns: Vec<Summary>,
    /// The next activities (running ones first), at most three.
    pub activities: Vec<Summary>,
}

/// What the kinds show on the home page of `lib`.
pub fn home(env: &ViewEnv, lib: &Library) -> KindHome {
    KindHome {
        notes: emergency::pages::home_notes(env, lib),
        columns: column::pages::home_entries(env, lib),
        activities: activity::pages::home_upcoming(env, lib),
    }
}

impl KindData {
    /// Words of the kind's fields that readers see on the page and may
    /// search for (the steps of a note, the address of a board …); town
    /// ids are given to `town` for their names.
    pub fn search_words(&self, town: &dyn Fn(&str) -> Option<String>) -> Vec<String> {
        match self {
            KindData::Emergency(e) => e.search_words(town),
            KindData::Column(c) => c.search_words(),
            KindData::Board(b) => b.search_words(town),
            KindData::Station(s) => s.search_words(town),
            KindData::Activity(a) => a.search_words(town),
            KindData::None => Vec::new(),
        }
    }

    /// The site paths of the pages this page shows (a board's windows):
    /// its output changes when theirs do.
    pub fn shown_pages(&self) -> Vec<&str> {
        match self {
            KindData::Board(b) => b.showing.iter().map(|s| s.page.as_str()).collect(),
            _ => Vec::new(),
        }
    }
}
