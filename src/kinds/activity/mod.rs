//! 科普活动/科技志愿服务: science events and volunteer services.
//!
//! An activity happens at a time (`start`, `end`: times in the site's zone,
//! or dates only for an all-day event), in a town (and a village or
//! community), is of one [`ActivityKind`], says how to join (`signup`) and,
//! once over, how many came (`participants`).
//!
//! 1. [`parse`] reads every field of the front matter, here and nowhere else.
//! 2. [`view`] is what templates see, [`pages`] the list with its month
//!    calendar and the activities of towns, stations and the home page,
//!    [`ical`] the iCalendar files.
//! 3. [`figures`] counts a year's activities for the plan and the report.

pub mod figures;
pub mod ical;
mod new;
pub mod pages;
pub mod view;
mod when;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use super::keys::Location;
use super::{FieldError, Kind, KindData, KindFields, KindSpec, parse_enum, required};
use crate::content::front_matter::FrontMatter;
use crate::i18n::Text;
use crate::time::SiteClock;

/// The activity's row of the registry.
pub(crate) const SPEC: KindSpec = KindSpec {
    section: Some("activities"),
    name: "activity",
    label: "科普活动",
    said: "kind.activity",
    said_many: "kind.activity.many",
    page_template: "activity.html",
    list_template: "activity_list.html",
    share_qr: true,
    in_site_feed: false,
    listed_by_name: false,
    files: Some(ical::files),
    crumbs: None,
    keys: Fields::KEYS,
    parse: parse_data,
    check_refs: super::no_refs,
    new_stub: new::stub,
};

fn parse_data(fm: &FrontMatter, clock: &SiteClock, errors: &mut Vec<FieldError>) -> KindData {
    match &fm.fields {
        KindFields::Activity(f) => KindData::Activity(Box::new(parse(f, clock, errors))),
        _ => KindData::None,
    }
}

super::keys::kind_fields! {
    /// The keys of an activity's front matter, as written.
    pub struct Fields {
        start: String,
        end: String,
        place: String,
        address: String,
        location: Location,
        town: String,
        community: String,
        activity_kind: String,
        organizer: String,
        partners: Vec<String>,
        /// A count; any value, so that the kind can say what is wrong.
        volunteers: serde_json::Value,
        /// A count; any value, so that the kind can say what is wrong.
        participants: serde_json::Value,
        signup: String,
    }
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
        ]
    }
}

/// Kinds of activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// 科技志愿服务.
    VolunteerService,
    /// 流动科技馆巡展.
    ExhibitionTour,
    /// 科普大篷车.
    ScienceCaravan,
    /// 科普讲座.
    Lecture,
    /// 科普培训.
    Training,
    /// 科普展览.
    Exhibition,
    /// 科普竞赛.
    Contest,
    /// 其他.
    Other,
}

/// Names as written in front matter.
pub const ACTIVITY_KINDS: &[(ActivityKind, &str)] = &[
    (ActivityKind::VolunteerService, "volunteer_service"),
    (ActivityKind::ExhibitionTour, "exhibition_tour"),
    (ActivityKind::ScienceCaravan, "science_caravan"),
    (ActivityKind::Lecture, "lecture"),
    (ActivityKind::Training, "training"),
    (ActivityKind::Exhibition, "exhibition"),
    (ActivityKind::Contest, "contest"),
    (ActivityKind::Other, "other"),
];

impl ActivityKind {
    /// Chinese label; the value may also be written without its leading
    /// 科普 (`讲座`).
    pub fn label(self) -> &'static str {
        match self {
            ActivityKind::VolunteerService => "科技志愿服务",
            ActivityKind::ExhibitionTour => "流动科技馆巡展",
            ActivityKind::ScienceCaravan => "科普大篷车",
            ActivityKind::Lecture => "科普讲座",
            ActivityKind::Training => "科普培训",
            ActivityKind::Exhibition => "科普展览",
            ActivityKind::Contest => "科普竞赛",
            ActivityKind::Other => "其他",
        }
    }
}

/// When an activity takes place, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// All day, from the first to the last local date (inclusive).
    Days {
        /// First day.
        first: Date,
        /// Last day (the same as `first` for one day).
        last: Date,
    },
    /// From a time, until `end` when written.
    Timed {
        /// Start.
        start: Timestamp,
        /// End, if written.
        end: Option<Timestamp>,
    },
}

/// Where an activity stands at the build's "now".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// It has not begun.
    Upcoming,
    /// It has begun and is not over.
    Ongoing,
    /// It is over.
    Past,
}

impl Status {
    /// Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Status::Upcoming => "即将开始",
            Status::Ongoing => "进行中",
            Status::Past => "已结束",
        }
    }
}

/// An activity's own fields.
#[derive(Debug, Clone)]
pub struct ActivityMeta {
    /// When, as written.
    pub when: When,
    /// The first instant of the activity.
    pub begins: Timestamp,
    /// The instant it is over: `end`; the midnight after the last day of an
    /// all-day event; the midnight after the start when no end is written.
    pub ends: Timestamp,
    /// Kind.
    pub activity_kind: ActivityKind,
    /// Venue (`永川区图书馆三楼报告厅`).
    pub place: Option<String>,
    /// Street address.
    pub address: Option<String>,
    /// Map position.
    pub location: Option<Location>,
    /// Town id.
    pub town: String,
    /// Village or community.
    pub community: Option<String>,
    /// 主办.
    pub organizer: Option<String>,
    /// 协办.
    pub partners: Vec<String>,
    /// Number of volunteers.
    pub volunteers: Option<u32>,
    /// Number who came (once over).
    pub participants: Option<u32>,
    /// How to join: a phone, a link or words.
    pub signup: Option<String>,
}

impl ActivityMeta {
    /// Words readers see on the activity: kind, town, community, place,
    /// address, organizer, partners.
    pub(crate) fn search_words(&self, town: &dyn Fn(&str) -> Option<String>) -> Vec<String> {
        let mut words = vec![self.activity_kind.label().to_string()];
        words.extend(town(&self.town));
        let named = [&self.community, &self.place, &self.address, &self.organizer];
        words.extend(named.into_iter().flatten().cloned());
        words.extend(self.partners.iter().cloned());
        words
    }

    /// Where the activity stands at `now`: begun at `begins` (inclusive),
    /// over at `ends` (exclusive).
    pub fn status(&self, now: Timestamp) -> Status {
        if now < self.begins {
            Status::Upcoming
        } else if now < self.ends {
            Status::Ongoing
        } else {
            Status::Past
        }
    }

    /// All day (dates without times).
    pub fn all_day(&self) -> bool {
        matches!(self.when, When::Days { .. })
    }
}

/// Reads every field of an activity from the front matter. This is the one
/// place that reads the activity's raw fields.
pub(crate) fn parse(fm: &Fields, clock: &SiteClock, errors: &mut Vec<FieldError>) -> ActivityMeta {
    let activity_kind = required("activity_kind", &fm.activity_kind, Kind::Activity, errors)
        .and_then(|k| parse_enum("activity_kind", k, ACTIVITY_KINDS, ActivityKind::label, errors))
        .unwrap_or(ActivityKind::Other);
    let town = required("town", &fm.town, Kind::Activity, errors)
        .unwrap_or_default()
        .to_string();
    let when = when::when(fm, clock, errors);
    let (begins, ends) = when::span(when, clock);
    let volunteers = when::count("volunteers", fm.volunteers.as_ref(), errors);
    let participants = when::count("participants", fm.participants.as_ref(), errors);
    if participants.is_some() && clock.now() < ends {
        errors.push(
            FieldError::new(
                "participants",
                crate::text!(
                    "activity.participants_too_early",
                    clock.zoned(ends).strftime("%Y-%m-%d %H:%M").to_string()
                ),
            )
            .hint(crate::text!("activity.participants_too_early.help")),
        );
    }
    let text = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    ActivityMeta {
        when,
        begins,
        ends,
        activity_kind,
        place: text(&fm.place),
        address: text(&fm.address),
        location: fm.location,
        town,
        community: text(&fm.community),
        organizer: text(&fm.organizer),
        partners: fm
            .partners
            .iter()
            .flatten()
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect(),
        volunteers,
        participants,
        signup: text(&fm.signup),
    }
}

/// An activity's fields read from `yaml`, for tests.
#[cfg(test)]
fn read_fields(yaml: &str) -> Fields {
    let fm = crate::content::front_matter_read::read(yaml, Some(Kind::Activity)).unwrap();
    assert!(fm.strays.is_empty(), "{:?}", fm.strays);
    match fm.fields {
        KindFields::Activity(f) => *f,
        other => panic!("{other:?}"),
    }
}

#[cfg(test)]
mod tests;
