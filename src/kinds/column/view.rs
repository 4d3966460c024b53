//! What templates see of a column entry: its badge in lists and its fields
//! on its own page.

use serde::Serialize;

use crate::content::Page;
use crate::kinds::KindData;
use crate::render::views::ViewEnv;

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

/// The badge of `page`, if it is a column entry.
pub fn badge(page: &Page) -> Option<ColumnBadge> {
    let KindData::Column(c) = &page.data else { return None };
    Some(ColumnBadge {
        medium: c.medium.name(),
        medium_label: c.medium.label(),
        outlet: c.outlet.clone(),
        program: c.program.clone(),
        episode: c.episode.clone(),
    })
}

/// The fields of `page`, if it is a column entry.
pub fn view(env: &ViewEnv, page: &Page) -> Option<ColumnView> {
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
