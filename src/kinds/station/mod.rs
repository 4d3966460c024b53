//! 科普活动室/科普站: community science stations.

mod new;
mod refs;
pub mod view;

use serde::{Deserialize, Serialize};

use super::keys::Location;
use super::{BlankItem, FieldError, Kind, KindData, KindFields, KindSpec, parse_enum, required};
use crate::content::front_matter::FrontMatter;
use crate::i18n::Text;
use crate::time::SiteClock;

/// The station's row of the registry.
pub(crate) const SPEC: KindSpec = KindSpec {
    section: Some("stations"),
    name: "station",
    label: "科普站点",
    said: "kind.station",
    said_many: "kind.station.many",
    page_template: "station.html",
    list_template: "station_list.html",
    share_qr: false,
    in_site_feed: false,
    listed_by_name: true,
    files: None,
    crumbs: None,
    keys: Fields::KEYS,
    parse: parse_data,
    check_refs: refs::check,
    new_stub: new::stub,
};

fn parse_data(fm: &FrontMatter, _: &SiteClock, errors: &mut Vec<FieldError>) -> KindData {
    match &fm.fields {
        KindFields::Station(f) => KindData::Station(Box::new(parse(f, errors))),
        _ => KindData::None,
    }
}

super::keys::kind_fields! {
    /// The keys of a station's front matter, as written.
    pub struct Fields {
        town: String,
        community: String,
        station_kind: String,
        staff: Vec<Staff>,
        hours: String,
        equipment: Vec<String>,
        boards: Vec<String>,
        address: String,
        location: Location,
    }
}

/// A staff member of a station.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Staff {
    /// Name.
    pub name: String,
    /// Role (站长, 科普员 ...).
    #[serde(default)]
    pub role: String,
}

impl Fields {
    /// Its names written as text, which must not be empty.
    pub(crate) fn names(&self) -> Vec<(&'static str, Option<&str>, Text)> {
        vec![
            (
                "address",
                self.address.as_deref(),
                crate::text!("site_checks.what_address"),
            ),
            (
                "community",
                self.community.as_deref(),
                crate::text!("site_checks.what_community"),
            ),
            ("hours", self.hours.as_deref(), crate::text!("site_checks.what_hours")),
        ]
    }

    /// The items of its lists that need a name and have none: the list's
    /// key, the item's key, the item's place and the message.
    pub(crate) fn blank_items(&self) -> Vec<BlankItem> {
        let blank = |s: &str| s.trim().is_empty();
        (self.staff.iter().flatten().enumerate())
            .filter(|(_, m)| blank(&m.name))
            .map(|(i, _)| BlankItem {
                list: "staff",
                key: "name",
                index: i,
                message: crate::text!("site_checks.empty_staff_name", i + 1),
                hint: crate::text!("site_checks.empty_staff_name_help"),
            })
            .collect()
    }
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
    pub location: Option<Location>,
    /// Board ids.
    pub boards: Vec<String>,
    /// Street address.
    pub address: Option<String>,
}

impl StationMeta {
    /// Words readers see on the station: kind, town, community, address,
    /// hours, equipment.
    pub(crate) fn search_words(&self, town: &dyn Fn(&str) -> Option<String>) -> Vec<String> {
        let mut words = vec![self.station_kind.label().to_string()];
        words.extend(town(&self.town));
        words.extend(
            [&self.community, &self.address, &self.hours]
                .into_iter()
                .flatten()
                .cloned(),
        );
        words.extend(self.equipment.iter().cloned());
        words
    }
}

pub(super) fn parse(f: &Fields, errors: &mut Vec<FieldError>) -> StationMeta {
    let town = required("town", &f.town, Kind::Station, errors)
        .unwrap_or_default()
        .to_string();
    let station_kind = f
        .station_kind
        .as_deref()
        .and_then(|k| parse_enum("station_kind", k, STATION_KINDS, StationKind::label, errors))
        .unwrap_or(StationKind::Station);
    let location: Option<Location> = f.location;
    StationMeta {
        town,
        community: f.community.clone(),
        station_kind,
        staff: f.staff.clone().unwrap_or_default(),
        hours: f.hours.clone(),
        equipment: f.equipment.clone().unwrap_or_default(),
        location,
        boards: f.boards.clone().unwrap_or_default(),
        address: f.address.clone(),
    }
}
