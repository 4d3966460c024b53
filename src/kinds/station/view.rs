//! What templates see of a station on its own page.

use serde::Serialize;

use super::Staff;
use crate::content::Page;
use crate::kinds::keys::Location;
use crate::kinds::{Kind, KindData};
use crate::render::views::{Link, TownLink, ViewEnv, map_url, town_link};

/// A station's fields.
#[derive(Debug, Clone, Serialize)]
pub struct StationView<'a> {
    /// Town.
    pub town: Option<TownLink>,
    /// Community.
    pub community: Option<&'a str>,
    /// `room` or `station`.
    pub station_kind: super::StationKind,
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

/// The fields of `page`, if it is a station.
pub fn view<'a>(env: &ViewEnv<'a>, page: &'a Page) -> Option<StationView<'a>> {
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
            .filter_map(|id| env.lib.find(Kind::Board, id))
            .map(|(_, p)| Link {
                name: p.title.clone(),
                url: env.link(&p.path),
            })
            .collect(),
    })
}
