//! What templates see of an emergency note: its badge in lists and its
//! fields on its own page.

use crate::kinds::Kind;
use serde::Serialize;

use crate::content::Page;
use crate::kinds::KindData;
use crate::render::views::{TownLink, ViewEnv, town_link};

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

/// The badge of `page`, if it is an emergency note.
pub fn badge(env: &ViewEnv, page: &Page) -> Option<NoteBadge> {
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

/// The fields of `page`, if it is an emergency note.
pub fn view(env: &ViewEnv, page: &Page) -> Option<EmergencyView> {
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

/// An emergency banner.
#[derive(Debug, Clone, Serialize)]
pub struct BannerView {
    /// Title.
    pub title: String,
    /// Site path of the note.
    pub url: String,
    /// Level name.
    pub level: &'static str,
    /// `红色`.
    pub level_label: &'static str,
    /// Chinese hazard.
    pub hazard_label: &'static str,
    /// RFC 3339, for the expiry script (empty when open-ended).
    pub expires: String,
    /// For readers.
    pub expires_display: Option<String>,
}

/// Active notes, most severe first, then newest.
pub fn banners(env: &ViewEnv) -> Vec<BannerView> {
    let now = env.clock.now();
    let mut notes: Vec<_> = env
        .lib
        .pages_of(Kind::Emergency)
        .filter_map(|(_, p)| match &p.data {
            KindData::Emergency(e) if e.is_active(p.date, now) => Some((p, e)),
            _ => None,
        })
        .collect();
    notes.sort_by(|a, b| {
        a.1.level
            .cmp(&b.1.level)
            .then(b.0.date.cmp(&a.0.date))
            .then(a.0.path.cmp(&b.0.path))
    });
    notes
        .into_iter()
        .map(|(p, e)| BannerView {
            title: p.title.clone(),
            url: env.link(&p.path),
            level: e.level.name(),
            level_label: e.level.label(),
            hazard_label: e.hazard_label(),
            expires: e.expires.map(|t| env.clock.rfc3339(t)).unwrap_or_default(),
            expires_display: e.expires.map(|t| env.clock.display_datetime(t)),
        })
        .collect()
}
