//! 应急科普: emergency science notes.
//!
//! A note explains a warning (hazard and one of the four warning colours),
//! is active from `date` until `expires`, applies to `areas` (town ids) and
//! lists `steps` to take.

pub mod cap;
mod new;
pub mod pages;
pub mod view;

use jiff::Timestamp;
use serde::Serialize;

use super::{FieldError, Kind, KindData, KindFields, KindSpec, parse_enum, required};
use crate::content::front_matter::FrontMatter;
use crate::time::SiteClock;

/// The emergency note's row of the registry.
pub(crate) const SPEC: KindSpec = KindSpec {
    section: Some("emergency"),
    name: "emergency note",
    label: "应急科普",
    said: "kind.emergency",
    said_many: "kind.emergency.many",
    page_template: "emergency.html",
    list_template: "emergency_list.html",
    share_qr: true,
    in_site_feed: true,
    listed_by_name: false,
    files: Some(pages::cap_files),
    crumbs: None,
    keys: Fields::KEYS,
    parse: parse_data,
    check_refs: super::no_refs,
    new_stub: new::stub,
};

fn parse_data(fm: &FrontMatter, clock: &SiteClock, errors: &mut Vec<FieldError>) -> KindData {
    match &fm.fields {
        KindFields::Emergency(f) => KindData::Emergency(Box::new(parse(fm, f, clock, errors))),
        _ => KindData::None,
    }
}

super::keys::kind_fields! {
    /// The keys of an emergency note's front matter, as written.
    pub struct Fields {
        hazard: String,
        level: String,
        expires: String,
        areas: Vec<String>,
        steps: Vec<String>,
    }
}

/// The four warning colours, most severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// 红色.
    Red,
    /// 橙色.
    Orange,
    /// 黄色.
    Yellow,
    /// 蓝色.
    Blue,
}

/// Names as written in front matter.
pub const LEVELS: &[(Level, &str)] = &[
    (Level::Red, "red"),
    (Level::Orange, "orange"),
    (Level::Yellow, "yellow"),
    (Level::Blue, "blue"),
];

impl Level {
    /// Front-matter name.
    pub fn name(self) -> &'static str {
        LEVELS
            .iter()
            .find(|(l, _)| *l == self)
            .map(|(_, n)| *n)
            .unwrap_or("blue")
    }
    /// Chinese label: `红色预警`.
    pub fn label(self) -> &'static str {
        match self {
            Level::Red => "红色",
            Level::Orange => "橙色",
            Level::Yellow => "黄色",
            Level::Blue => "蓝色",
        }
    }
    /// CAP severity.
    pub fn cap_severity(self) -> &'static str {
        match self {
            Level::Red => "Extreme",
            Level::Orange => "Severe",
            Level::Yellow => "Moderate",
            Level::Blue => "Minor",
        }
    }
}

/// Known hazards: (name, Chinese label, CAP category).
pub const HAZARDS: &[(&str, &str, &str)] = &[
    ("flood", "暴雨洪涝", "Met"),
    ("rainstorm", "暴雨", "Met"),
    ("typhoon", "台风", "Met"),
    ("heat", "高温", "Met"),
    ("cold", "寒潮低温", "Met"),
    ("snow", "暴雪冰冻", "Met"),
    ("fog", "大雾", "Met"),
    ("haze", "霾", "Env"),
    ("wind", "大风", "Met"),
    ("thunder", "雷电", "Met"),
    ("hail", "冰雹", "Met"),
    ("drought", "干旱", "Met"),
    ("earthquake", "地震", "Geo"),
    ("geologic", "地质灾害", "Geo"),
    ("fire", "火灾", "Fire"),
    ("forest_fire", "森林火险", "Fire"),
    ("epidemic", "传染病", "Health"),
    ("food", "食品安全", "Health"),
    ("chemical", "危险化学品", "CBRNE"),
    ("traffic", "交通安全", "Transport"),
    ("electric", "用电安全", "Safety"),
    ("drowning", "防溺水", "Safety"),
    ("other", "其他", "Other"),
];

/// An emergency note's own fields.
#[derive(Debug, Clone)]
pub struct EmergencyMeta {
    /// Hazard name (one of [`HAZARDS`]).
    pub hazard: String,
    /// Warning colour.
    pub level: Level,
    /// End of validity; a note without it is flagged by the lints.
    pub expires: Option<Timestamp>,
    /// Town ids the note applies to.
    pub areas: Vec<String>,
    /// What to do.
    pub steps: Vec<String>,
    /// Whose warning the note explains.
    pub source: Option<String>,
}

impl EmergencyMeta {
    /// Chinese label of the hazard.
    pub fn hazard_label(&self) -> &'static str {
        HAZARDS
            .iter()
            .find(|h| h.0 == self.hazard)
            .map(|h| h.1)
            .unwrap_or("其他")
    }
    /// CAP category of the hazard.
    pub fn cap_category(&self) -> &'static str {
        HAZARDS
            .iter()
            .find(|h| h.0 == self.hazard)
            .map(|h| h.2)
            .unwrap_or("Other")
    }
    /// Words readers see on the note: hazard, steps, areas, source.
    pub(crate) fn search_words(&self, town: &dyn Fn(&str) -> Option<String>) -> Vec<String> {
        let mut words = vec![self.hazard_label().to_string()];
        words.extend(self.steps.iter().cloned());
        words.extend(self.areas.iter().filter_map(|t| town(t)));
        words.extend(self.source.iter().cloned());
        words
    }
    /// Active at `now`, given the note's start.
    pub fn is_active(&self, start: Option<Timestamp>, now: Timestamp) -> bool {
        start.is_some_and(|s| s <= now) && self.expires.is_none_or(|e| now < e)
    }
}

pub(super) fn parse(fm: &FrontMatter, f: &Fields, clock: &SiteClock, errors: &mut Vec<FieldError>) -> EmergencyMeta {
    let hazard = match required("hazard", &f.hazard, Kind::Emergency, errors) {
        Some(h) if HAZARDS.iter().any(|x| x.0 == h) => h.to_string(),
        Some(h) if HAZARDS.iter().any(|x| super::chinese_name_matches(x.1, h)) => HAZARDS
            .iter()
            .find(|x| super::chinese_name_matches(x.1, h))
            .map_or("other", |x| x.0)
            .to_string(),
        Some(h) => {
            let names: Vec<String> = HAZARDS.iter().map(|x| format!("{}（{}）", x.0, x.1)).collect();
            errors.push(
                FieldError::new("hazard", crate::text!("kind.unknown_value", "hazard", h))
                    .hint(crate::text!("kind.use_one_of", names.join(", "))),
            );
            "other".into()
        }
        None => "other".into(),
    };
    let level = required("level", &f.level, Kind::Emergency, errors)
        .and_then(|l| parse_enum("level", l, LEVELS, Level::label, errors))
        .unwrap_or(Level::Blue);
    if fm.date.is_none() {
        errors.push(
            FieldError::new("title", crate::text!("emergency.needs_date"))
                .hint(crate::text!("emergency.needs_date.help")),
        );
    }
    let expires = f.expires.as_deref().and_then(|e| match clock.parse(e) {
        Ok(t) => Some(t),
        Err(msg) => {
            errors.push(FieldError::new("expires", msg).at_value(e));
            None
        }
    });
    let start = fm.date.as_deref().and_then(|d| clock.parse(d).ok());
    if let (Some(start), Some(end), Some(e)) = (start, expires, f.expires.as_deref())
        && end < start
    {
        errors.push(
            FieldError::new("expires", crate::text!("emergency.expires_before_date", e))
                .hint(crate::text!("emergency.expires_before_date.help")),
        );
    }
    EmergencyMeta {
        hazard,
        level,
        expires,
        areas: f.areas.clone().unwrap_or_default(),
        steps: f.steps.clone().unwrap_or_default(),
        source: fm.source.clone(),
    }
}
