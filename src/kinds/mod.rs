//! The content kinds: each one a module that owns its slice.
//!
//! A kind's folder (`board/`, `column/` …) holds its typed front-matter
//! fields and their checks (`mod.rs`), what templates see of it (`view.rs`),
//! its pages beyond one page per file (`pages.rs`) and the front matter
//! `kepu new` writes for it (`new.rs`). This module keeps the registry:
//! [`Kind::ALL`] and one [`KindSpec`] row per kind, which the rest of the
//! build reads instead of naming kinds or folders.
//!
//! 1. [`Kind::from_section`] decides a page's kind by its top folder.
//! 2. [`parse`] turns the shared [`FrontMatter`] into typed data
//!    ([`KindData`]) with the kind's own parser and reports missing or
//!    invalid fields.
//! 3. Checks that need other pages (a board showing a page that does not
//!    exist) run later, in [`crate::content::library`].

pub mod activity;
pub mod article;
pub mod board;
pub mod column;
pub mod emergency;
mod fields;
pub mod page;
pub mod pages;
pub mod station;
pub mod towns;

use serde::Serialize;

pub use fields::FieldError;
pub(crate) use fields::{chinese_name_matches, parse_enum, required};

use crate::cli::new::NewStub;
use crate::config::Config;
use crate::content::Library;
use crate::content::front_matter::FrontMatter;
use crate::i18n::Text;
use crate::time::SiteClock;

/// The kind of a page, given by its section folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// 科普文章, `content/articles/`.
    #[value(help = "科普文章")]
    Article,
    /// 应急科普, `content/emergency/`.
    #[value(help = "应急科普")]
    Emergency,
    /// 每周科普栏目, `content/columns/`.
    #[value(help = "科普栏目")]
    Column,
    /// 科普画廊/宣传栏, `content/boards/`.
    #[value(help = "科普画廊/宣传栏")]
    Board,
    /// 科普站, `content/stations/`.
    #[value(help = "科普站")]
    Station,
    /// 科普活动/科技志愿服务, `content/activities/`.
    #[value(help = "科普活动")]
    Activity,
    /// Anything else; `kepu new page` writes one at the root of content/.
    #[value(name = "page", help = "A plain page at the root of content/")]
    Plain,
}

/// What the build needs to know of a kind: one row of the registry.
pub(crate) struct KindSpec {
    /// Its section folder under `content/`, if it has one.
    pub(crate) section: Option<&'static str>,
    /// English name used in messages.
    pub(crate) name: &'static str,
    /// Chinese name.
    pub(crate) label: &'static str,
    /// The catalogue id of its name in messages.
    pub(crate) said: &'static str,
    /// The default template of one of its pages.
    pub(crate) page_template: &'static str,
    /// The default template of its section's list.
    pub(crate) list_template: &'static str,
    /// Its pages carry a QR code of their own address (分享); boards and
    /// stations print theirs elsewhere.
    pub(crate) share_qr: bool,
    /// Its own front-matter keys, beyond those every page takes (for the
    /// unknown-key help).
    pub(crate) keys: &'static [&'static str],
    /// Reads its own fields from the front matter.
    pub(crate) parse: fn(&FrontMatter, &SiteClock, &mut Vec<FieldError>) -> KindData,
    /// Checks its references to other pages and to `site.yaml` once every
    /// page is loaded.
    pub(crate) check_refs: RefCheck,
    /// The front matter `kepu new` writes after the title and `draft`.
    pub(crate) new_stub: NewStub,
}

impl Kind {
    /// Every kind, in the order of the registry.
    pub const ALL: [Kind; 7] = [
        Kind::Article,
        Kind::Emergency,
        Kind::Column,
        Kind::Board,
        Kind::Station,
        Kind::Activity,
        Kind::Plain,
    ];

    /// The kind's row of the registry.
    pub(crate) fn spec(self) -> &'static KindSpec {
        match self {
            Kind::Article => &article::SPEC,
            Kind::Emergency => &emergency::SPEC,
            Kind::Column => &column::SPEC,
            Kind::Board => &board::SPEC,
            Kind::Station => &station::SPEC,
            Kind::Activity => &activity::SPEC,
            Kind::Plain => &page::SPEC,
        }
    }

    /// The kind of pages under the top-level folder `section`.
    pub fn from_section(section: &str) -> Kind {
        Kind::ALL
            .into_iter()
            .find(|k| k.section() == Some(section))
            .unwrap_or(Kind::Plain)
    }

    /// The section folders of the kinds that have one.
    pub fn sections() -> impl Iterator<Item = &'static str> {
        Kind::ALL.into_iter().filter_map(Kind::section)
    }

    /// The kinds whose own front-matter keys include `key`, in the order
    /// of [`Kind::ALL`].
    pub fn owners(key: &str) -> Vec<Kind> {
        Kind::ALL.into_iter().filter(|k| k.spec().keys.contains(&key)).collect()
    }

    /// The section folder of the kind, if it has one.
    pub fn section(self) -> Option<&'static str> {
        self.spec().section
    }

    /// English name used in messages and `kepu new`.
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// The name of the kind in messages: [`Kind::name`] in English,
    /// [`Kind::label`] in Chinese.
    pub fn said(self) -> Text {
        Text::new(self.spec().said, Vec::new())
    }

    /// Chinese name.
    pub fn label(self) -> &'static str {
        self.spec().label
    }

    /// The default template for a page of this kind.
    pub fn page_template(self) -> &'static str {
        self.spec().page_template
    }
}

/// Typed kind-specific data of a page.
#[derive(Debug, Clone, Default)]
pub enum KindData {
    /// Articles and plain pages have none.
    #[default]
    None,
    /// An emergency note.
    Emergency(emergency::EmergencyMeta),
    /// A column entry.
    Column(column::ColumnMeta),
    /// A board.
    Board(board::BoardMeta),
    /// A station.
    Station(station::StationMeta),
    /// An activity.
    Activity(activity::ActivityMeta),
}

impl KindData {
    /// The town ids the kind's own fields name, with their key, in the
    /// order they are checked.
    pub fn town_refs(&self) -> Vec<(&'static str, &str)> {
        match self {
            KindData::Emergency(e) => e.areas.iter().map(|a| ("areas", a.as_str())).collect(),
            KindData::Board(b) => vec![("town", b.town.as_str())],
            KindData::Station(s) => vec![("town", s.town.as_str())],
            KindData::Activity(a) => vec![("town", a.town.as_str())],
            KindData::Column(_) | KindData::None => Vec::new(),
        }
    }

    /// The same town ids, to rewrite a town's name into its id.
    pub fn town_refs_mut(&mut self) -> Vec<&mut String> {
        match self {
            KindData::Emergency(e) => e.areas.iter_mut().collect(),
            KindData::Board(b) => vec![&mut b.town],
            KindData::Station(s) => vec![&mut s.town],
            KindData::Activity(a) => vec![&mut a.town],
            KindData::Column(_) | KindData::None => Vec::new(),
        }
    }
}

/// Parses the kind-specific fields of `fm` for a page of `kind`.
pub fn parse(kind: Kind, fm: &FrontMatter, clock: &SiteClock, errors: &mut Vec<FieldError>) -> KindData {
    for key in fm.kind_keys_set() {
        let owners = Kind::owners(key);
        if let Some(&owner) = owners.first()
            && !owners.contains(&kind)
        {
            errors.push(
                FieldError::new(key, crate::text!("kind.foreign_key", key, owner.said(), kind.said()))
                    .hint(crate::text!("kind.foreign_key.help", owner.section().unwrap_or(""))),
            );
        }
    }
    (kind.spec().parse)(fm, clock, errors)
}

/// A kind's check of its references, given the page's data, the library
/// and the configuration.
pub(crate) type RefCheck = fn(&KindData, &Library, &Config, &mut Vec<FieldError>);

/// The reference check of kinds that name no other page.
pub(crate) fn no_refs(_: &KindData, _: &Library, _: &Config, _: &mut Vec<FieldError>) {}

/// The parser of kinds without fields of their own.
pub(crate) fn no_fields(_: &FrontMatter, _: &SiteClock, _: &mut Vec<FieldError>) -> KindData {
    KindData::None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_key_set() -> FrontMatter {
        let some = || Some(String::new());
        FrontMatter {
            hazard: some(),
            level: some(),
            expires: some(),
            areas: Some(Vec::new()),
            steps: Some(Vec::new()),
            medium: some(),
            outlet: some(),
            program: some(),
            episode: Some(crate::content::front_matter::Scalar::Int(1)),
            board_kind: some(),
            place: some(),
            town: some(),
            address: some(),
            location: Some(crate::content::front_matter::Location { lat: 0.0, lng: 0.0 }),
            maintainer: some(),
            showing: Some(Vec::new()),
            poster: Some(Default::default()),
            community: some(),
            station_kind: some(),
            staff: Some(Vec::new()),
            hours: some(),
            equipment: Some(Vec::new()),
            boards: Some(Vec::new()),
            start: some(),
            end: some(),
            activity_kind: some(),
            organizer: some(),
            partners: Some(Vec::new()),
            volunteers: Some(serde_json::Value::Null),
            participants: Some(serde_json::Value::Null),
            signup: some(),
            ..Default::default()
        }
    }

    #[test]
    fn every_kind_key_has_an_owner_in_the_registry() {
        let keys = every_key_set().kind_keys_set();
        assert_eq!(keys.len(), 31, "{keys:?}");
        for key in keys {
            assert!(!Kind::owners(key).is_empty(), "no kind takes '{key}'");
        }
        for kind in Kind::ALL {
            for key in kind.spec().keys {
                assert!(Kind::owners(key).contains(&kind), "{key}");
            }
        }
    }

    #[test]
    fn a_shared_key_names_its_owners_in_registry_order() {
        // town, address, location and community are keys of boards, of
        // stations and of activities; on another page each names boards first.
        for key in ["town", "address", "location", "community"] {
            assert_eq!(Kind::owners(key), [Kind::Board, Kind::Station, Kind::Activity], "{key}");
        }
        assert_eq!(Kind::owners("place"), [Kind::Board, Kind::Activity]);
        let fm = FrontMatter {
            community: Some("x".into()),
            ..Default::default()
        };
        let clock = SiteClock::new("Asia/Shanghai", jiff::Timestamp::UNIX_EPOCH).unwrap();
        let mut errors = Vec::new();
        parse(Kind::Article, &fm, &clock, &mut errors);
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].message.in_lang(crate::i18n::Lang::En),
            "'community' is a field of boards, not of articles"
        );
    }

    #[test]
    fn folders_and_kinds_match() {
        for kind in Kind::ALL {
            match kind.section() {
                Some(dir) => assert_eq!(Kind::from_section(dir), kind),
                None => assert_eq!(kind, Kind::Plain),
            }
        }
        assert_eq!(Kind::sections().count(), 6);
        assert_eq!(Kind::from_section("about"), Kind::Plain);
    }
}
