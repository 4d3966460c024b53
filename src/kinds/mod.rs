//! The content kinds and their own front matter.
//!
//! 1. [`Kind::from_section`] decides a page's kind by its top folder.
//! 2. Each kind's module turns the shared [`FrontMatter`] into typed data
//!    ([`KindData`]) and reports missing or invalid fields.
//! 3. Checks that need other pages (a board showing a page that does not
//!    exist) run later, in [`crate::content::library`].

pub mod board;
pub mod column;
pub mod emergency;
pub mod pages;
pub mod station;
pub mod towns;

use serde::Serialize;

use crate::content::front_matter::FrontMatter;
use crate::i18n::{Said, Text};
use crate::time::SiteClock;

/// The kind of a page, given by its section folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// 科普文章, `content/articles/`.
    Article,
    /// 应急科普, `content/emergency/`.
    Emergency,
    /// 每周科普栏目, `content/columns/`.
    Column,
    /// 科普画廊/宣传栏, `content/boards/`.
    Board,
    /// 科普站, `content/stations/`.
    Station,
    /// Anything else.
    Plain,
}

impl Kind {
    /// The kind of pages under the top-level folder `section`.
    pub fn from_section(section: &str) -> Kind {
        match section {
            "articles" => Kind::Article,
            "emergency" => Kind::Emergency,
            "columns" => Kind::Column,
            "boards" => Kind::Board,
            "stations" => Kind::Station,
            _ => Kind::Plain,
        }
    }

    /// The section folder of the kind, if it has one.
    pub fn section(self) -> Option<&'static str> {
        match self {
            Kind::Article => Some("articles"),
            Kind::Emergency => Some("emergency"),
            Kind::Column => Some("columns"),
            Kind::Board => Some("boards"),
            Kind::Station => Some("stations"),
            Kind::Plain => None,
        }
    }

    /// English name used in messages and `kepu new`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Emergency => "emergency note",
            Kind::Column => "column entry",
            Kind::Board => "board",
            Kind::Station => "station",
            Kind::Plain => "page",
        }
    }

    /// The name of the kind in messages: [`Kind::name`] in English,
    /// [`Kind::label`] in Chinese.
    pub fn said(self) -> Text {
        match self {
            Kind::Article => crate::text!("kind.article"),
            Kind::Emergency => crate::text!("kind.emergency"),
            Kind::Column => crate::text!("kind.column"),
            Kind::Board => crate::text!("kind.board"),
            Kind::Station => crate::text!("kind.station"),
            Kind::Plain => crate::text!("kind.page"),
        }
    }

    /// Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Article => "科普文章",
            Kind::Emergency => "应急科普",
            Kind::Column => "科普栏目",
            Kind::Board => "科普画廊",
            Kind::Station => "科普站点",
            Kind::Plain => "页面",
        }
    }

    /// The default template for a page of this kind.
    pub fn page_template(self) -> &'static str {
        match self {
            Kind::Article => "article.html",
            Kind::Emergency => "emergency.html",
            Kind::Column => "column.html",
            Kind::Board => "board.html",
            Kind::Station => "station.html",
            Kind::Plain => "page.html",
        }
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
}

/// A problem with a front-matter key, located later by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The key (with parents) to point at.
    pub key: Vec<&'static str>,
    /// A value to find on the key's line or below, to point closer.
    pub value: Option<String>,
    /// What is wrong.
    pub message: Said,
    /// How to fix it.
    pub hint: Option<Said>,
}

impl FieldError {
    pub(crate) fn new(key: &'static str, message: impl Into<Said>) -> Self {
        FieldError {
            key: vec![key],
            value: None,
            message: message.into(),
            hint: None,
        }
    }

    pub(crate) fn hint(mut self, hint: impl Into<Said>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub(crate) fn at_value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }
}

/// Parses the kind-specific fields of `fm` for a page of `kind`.
pub fn parse(kind: Kind, fm: &FrontMatter, clock: &SiteClock, errors: &mut Vec<FieldError>) -> KindData {
    for (key, owners) in fm.kind_keys() {
        if let Some(&owner) = owners.first()
            && !owners.contains(&kind)
        {
            errors.push(
                FieldError::new(key, crate::text!("kind.foreign_key", key, owner.said(), kind.said()))
                    .hint(crate::text!("kind.foreign_key.help", owner.section().unwrap_or(""))),
            );
        }
    }
    match kind {
        Kind::Emergency => KindData::Emergency(emergency::parse(fm, clock, errors)),
        Kind::Column => KindData::Column(column::parse(fm, errors)),
        Kind::Board => KindData::Board(board::parse(fm, clock, errors)),
        Kind::Station => KindData::Station(station::parse(fm, errors)),
        Kind::Article | Kind::Plain => KindData::None,
    }
}

/// Parses `value` as one of `E`'s names, or records an error listing them.
/// Its Chinese name (`label`) is taken too, also without a trailing 色 or a
/// leading 科普 (`黄`, `宣传栏`); the hint lists both forms.
pub(crate) fn parse_enum<E: Copy>(
    key: &'static str,
    value: &str,
    all: &[(E, &'static str)],
    label: fn(E) -> &'static str,
    errors: &mut Vec<FieldError>,
) -> Option<E> {
    match all
        .iter()
        .find(|(e, n)| *n == value || chinese_name_matches(label(*e), value))
    {
        Some((e, _)) => Some(*e),
        None => {
            let names: Vec<String> = all.iter().map(|(e, n)| format!("{n}（{}）", label(*e))).collect();
            errors.push(
                FieldError::new(key, crate::text!("kind.unknown_value", key, value))
                    .hint(crate::text!("kind.use_one_of", names.join(", ")))
                    .at_value(value),
            );
            None
        }
    }
}

/// True if `value` names `label` (`黄色`, `黄`; `科普宣传栏`, `宣传栏`).
pub(crate) fn chinese_name_matches(label: &str, value: &str) -> bool {
    let value = value.trim();
    !value.is_empty()
        && (label == value || label.strip_suffix('色') == Some(value) || label.strip_prefix("科普") == Some(value))
}

/// Records a missing required field.
pub(crate) fn required<'a>(
    key: &'static str,
    v: &'a Option<String>,
    kind: Kind,
    errors: &mut Vec<FieldError>,
) -> Option<&'a str> {
    match v.as_deref().map(str::trim) {
        Some(s) if !s.is_empty() => Some(s),
        _ => {
            errors.push(
                FieldError::new(key, crate::text!("kind.required", kind.said(), key))
                    .hint(crate::text!("kind.required.help", key)),
            );
            None
        }
    }
}
