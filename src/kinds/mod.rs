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
pub mod keys;
pub mod page;
pub mod pages;
pub mod station;
pub mod towns;
pub mod views;

use std::collections::BTreeMap;

use serde::Serialize;

pub use fields::FieldError;
pub(crate) use fields::{chinese_name_matches, parse_enum, required, unknown_community};

use crate::cli::new::NewStub;
use crate::config::Config;
use crate::content::Library;
use crate::content::front_matter::FrontMatter;
use crate::i18n::Text;
use crate::render::views::ViewEnv;
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
    /// The catalogue id of its name for more than one (`boards`).
    pub(crate) said_many: &'static str,
    /// The default template of one of its pages.
    pub(crate) page_template: &'static str,
    /// The default template of its section's list.
    pub(crate) list_template: &'static str,
    /// Its pages carry a QR code of their own address (分享); boards and
    /// stations print theirs elsewhere.
    pub(crate) share_qr: bool,
    /// Its pages are entries of the site's own feed (新内容).
    pub(crate) in_site_feed: bool,
    /// The site map (网站地图) lists its pages by name: they are few and
    /// readers look for them by name.
    pub(crate) listed_by_name: bool,
    /// Its files beyond pages and the Atom/RSS feeds (an emergency note's
    /// CAP messages), as (output path, text, what they depend on).
    pub(crate) files: Option<KindFiles>,
    /// Adds the titles of its own list pages (and of pages that have pages
    /// below them) to the breadcrumb titles, keyed by site URL.
    pub(crate) crumbs: Option<KindCrumbs>,
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

    /// The name of more than one of the kind in messages (`boards`).
    pub fn said_many(self) -> Text {
        Text::new(self.spec().said_many, Vec::new())
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

/// A page's own kind's front-matter keys as written, filled by
/// [`crate::content::front_matter_read`] while the YAML is read.
#[derive(Debug, Clone, Default)]
pub enum KindFields {
    /// Articles, plain pages and sections have none.
    #[default]
    None,
    /// An emergency note's.
    Emergency(Box<emergency::Fields>),
    /// A column entry's.
    Column(Box<column::Fields>),
    /// A board's.
    Board(Box<board::Fields>),
    /// A station's.
    Station(Box<station::Fields>),
    /// An activity's.
    Activity(Box<activity::Fields>),
}

impl KindFields {
    /// Empty fields of `kind`.
    pub fn of(kind: Kind) -> KindFields {
        match kind {
            Kind::Emergency => KindFields::Emergency(Default::default()),
            Kind::Column => KindFields::Column(Default::default()),
            Kind::Board => KindFields::Board(Default::default()),
            Kind::Station => KindFields::Station(Default::default()),
            Kind::Activity => KindFields::Activity(Default::default()),
            Kind::Article | Kind::Plain => KindFields::None,
        }
    }

    /// Reads the value of `key` from `map` if it is one of these keys.
    pub(crate) fn take<'de, A: serde::de::MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match self {
            KindFields::None => Ok(false),
            KindFields::Emergency(f) => f.take(key, map),
            KindFields::Column(f) => f.take(key, map),
            KindFields::Board(f) => f.take(key, map),
            KindFields::Station(f) => f.take(key, map),
            KindFields::Activity(f) => f.take(key, map),
        }
    }
}

impl KindFields {
    /// Its names written as text, which must not be empty: the key, the
    /// value and what it names.
    pub(crate) fn names(&self) -> Vec<(&'static str, Option<&str>, Text)> {
        match self {
            KindFields::Column(f) => f.names(),
            KindFields::Board(f) => f.names(),
            KindFields::Station(f) => f.names(),
            KindFields::Activity(f) => f.names(),
            KindFields::Emergency(_) | KindFields::None => Vec::new(),
        }
    }

    /// The items of its lists that need a name and have none.
    pub(crate) fn blank_items(&self) -> Vec<BlankItem> {
        match self {
            KindFields::Station(f) => f.blank_items(),
            _ => Vec::new(),
        }
    }
}

/// An item of a front-matter list written without the name it needs.
pub(crate) struct BlankItem {
    /// The list's key (`staff`).
    pub(crate) list: &'static str,
    /// The item's key that is empty (`name`).
    pub(crate) key: &'static str,
    /// Its place in the list, from 0.
    pub(crate) index: usize,
    /// What is wrong.
    pub(crate) message: Text,
    /// How to fix it.
    pub(crate) hint: Text,
}

/// Typed kind-specific data of a page.
#[derive(Debug, Clone, Default)]
pub enum KindData {
    /// Articles and plain pages have none.
    #[default]
    None,
    /// An emergency note.
    Emergency(Box<emergency::EmergencyMeta>),
    /// A column entry.
    Column(Box<column::ColumnMeta>),
    /// A board.
    Board(Box<board::BoardMeta>),
    /// A station.
    Station(Box<station::StationMeta>),
    /// An activity.
    Activity(Box<activity::ActivityMeta>),
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

    /// The town and the community (`community`) the kind's fields name,
    /// when they name one: the community must be one of the town's.
    pub fn community_ref(&self) -> Option<(&str, &str)> {
        let (town, community) = match self {
            KindData::Board(b) => (&b.town, &b.community),
            KindData::Station(s) => (&s.town, &s.community),
            KindData::Activity(a) => (&a.town, &a.community),
            KindData::Emergency(_) | KindData::Column(_) | KindData::None => return None,
        };
        Some((town.as_str(), community.as_deref()?))
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

/// Parses the kind-specific fields of `fm` for a page of `kind`: the
/// keys of other kinds it carries are errors, its own are read by the
/// kind's parser.
pub fn parse(kind: Kind, fm: &FrontMatter, clock: &SiteClock, errors: &mut Vec<FieldError>) -> KindData {
    (kind.spec().parse)(fm, clock, errors)
}

/// Adds a kind's breadcrumb titles (site URL → title).
pub(crate) type KindCrumbs = fn(&ViewEnv, &mut BTreeMap<String, String>);

/// Whether the file at a path, made of what a key (worked out when asked)
/// says, is held from a render before ([`crate::output::sink::Sink::held`]).
pub(crate) type Held<'a> = &'a dyn Fn(&str, &dyn Fn() -> u64) -> bool;

/// A kind's own files (path, text, deps); a file the [`Held`] (when given)
/// says is held is not made.
pub(crate) type KindFiles = fn(&ViewEnv, &Library, Option<Held>) -> Vec<(String, String, Vec<crate::output::Dep>)>;

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

    #[test]
    fn a_shared_key_names_its_owners_in_registry_order() {
        // town, address, location and community are keys of boards, of
        // stations and of activities; on another page each names boards first.
        for key in ["town", "address", "location", "community"] {
            assert_eq!(Kind::owners(key), [Kind::Board, Kind::Station, Kind::Activity], "{key}");
        }
        assert_eq!(Kind::owners("place"), [Kind::Board, Kind::Activity]);
        assert!(Kind::owners("title").is_empty());
    }

    #[test]
    fn every_kind_reads_the_keys_it_lists() {
        for kind in Kind::ALL {
            let fields = KindFields::of(kind);
            for key in kind.spec().keys {
                let yaml = format!("{key}: ~\n");
                let fm = crate::content::front_matter_read::read(&yaml, Some(kind)).unwrap();
                assert!(fm.strays.is_empty(), "{kind:?} does not read '{key}'");
            }
            assert_eq!(
                kind.spec().keys.is_empty(),
                matches!(fields, KindFields::None),
                "{kind:?}"
            );
        }
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
