//! 科普活动室/科普站: community science stations.

mod new;
mod refs;
pub mod view;

use serde::Serialize;

use super::{FieldError, Kind, KindData, KindSpec, parse_enum, required};
use crate::content::front_matter::{FrontMatter, Location, Staff};
use crate::time::SiteClock;

/// The station's row of the registry.
pub(crate) const SPEC: KindSpec = KindSpec {
    section: Some("stations"),
    name: "station",
    label: "科普站点",
    said: "kind.station",
    page_template: "station.html",
    list_template: "station_list.html",
    share_qr: false,
    keys: &[
        "town",
        "community",
        "station_kind",
        "staff",
        "hours",
        "equipment",
        "boards",
        "address",
        "location",
    ],
    parse: parse_data,
    check_refs: refs::check,
    new_stub: new::stub,
};

fn parse_data(fm: &FrontMatter, _: &SiteClock, errors: &mut Vec<FieldError>) -> KindData {
    KindData::Station(parse(fm, errors))
}

/// Station kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StationKind {
    /// 科普活动室.
    Room,
    /// 科普站.
    Station,
}

/// Names as written in front matter.
pub const STATION_KINDS: &[(StationKind, &str)] = &[(StationKind::Room, "room"), (StationKind::Station, "station")];

impl StationKind {
    /// Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            StationKind::Room => "科普活动室",
            StationKind::Station => "科普站",
        }
    }
}

/// A station's own fields.
#[derive(Debug, Clone)]
pub struct StationMeta {
    /// Town id.
    pub town: String,
    /// Village or community in that town.
    pub community: Option<String>,
    /// Kind.
    pub station_kind: StationKind,
    /// Staff.
    pub staff: Vec<Staff>,
    /// Opening hours.
    pub hours: Option<String>,
    /// Equipment.
    pub equipment: Vec<String>,
    /// Map position.
    pub location: Option<crate::content::front_matter::Location>,
    /// Board ids.
    pub boards: Vec<String>,
    /// Street address.
    pub address: Option<String>,
}

pub(super) fn parse(fm: &FrontMatter, errors: &mut Vec<FieldError>) -> StationMeta {
    let town = required("town", &fm.town, Kind::Station, errors)
        .unwrap_or_default()
        .to_string();
    let station_kind = fm
        .station_kind
        .as_deref()
        .and_then(|k| parse_enum("station_kind", k, STATION_KINDS, StationKind::label, errors))
        .unwrap_or(StationKind::Station);
    let location: Option<Location> = fm.location;
    StationMeta {
        town,
        community: fm.community.clone(),
        station_kind,
        staff: fm.staff.clone().unwrap_or_default(),
        hours: fm.hours.clone(),
        equipment: fm.equipment.clone().unwrap_or_default(),
        location,
        boards: fm.boards.clone().unwrap_or_default(),
        address: fm.address.clone(),
    }
}
