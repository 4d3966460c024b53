//! 科普画廊/宣传栏/橱窗: public science boards and what they show.
//!
//! A board shows pages in windows `[from, until)`; the page references are
//! resolved against the library after loading.

mod new;
pub mod pages;
mod refs;
pub mod view;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::keys::Location;
use super::{FieldError, Kind, KindData, KindFields, KindSpec, parse_enum, required};
use crate::content::front_matter::FrontMatter;
use crate::i18n::Text;
use crate::time::SiteClock;

/// The board's row of the registry.
pub(crate) const SPEC: KindSpec = KindSpec {
    section: Some("boards"),
    name: "board",
    label: "科普画廊",
    said: "kind.board",
    said_many: "kind.board.many",
    page_template: "board.html",
    list_template: "board_list.html",
    share_qr: false,
    in_site_feed: false,
    listed_by_name: true,
    files: None,
    crumbs: Some(pages::crumbs),
    keys: Fields::KEYS,
    parse: parse_data,
    check_refs: refs::check,
    new_stub: new::stub,
};

fn parse_data(fm: &FrontMatter, clock: &SiteClock, errors: &mut Vec<FieldError>) -> KindData {
    match &fm.fields {
        KindFields::Board(f) => KindData::Board(Box::new(parse(f, clock, errors))),
        _ => KindData::None,
    }
}

super::keys::kind_fields! {
    /// The keys of a board's front matter, as written.
    pub struct Fields {
        board_kind: String,
        place: String,
        town: String,
        address: String,
        location: Location,
        maintainer: String,
        showing: Vec<RawShowing>,
        community: String,
        poster: RawPoster,
    }
}

/// One display window of a board.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawShowing {
    /// `@/articles/x.md`.
    pub page: String,
    /// First day shown.
    pub from: String,
    /// First day no longer shown; open when absent.
    #[serde(default)]
    pub until: Option<String>,
}

/// A board's poster sheet as written: `poster: { size: A3, orientation: portrait }`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPoster {
    /// `A4`, `A3` or `A2`.
    pub size: Option<String>,
    /// `portrait` or `landscape`.
    pub orientation: Option<String>,
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
                "maintainer",
                self.maintainer.as_deref(),
                crate::text!("site_checks.what_maintainer"),
            ),
            (
                "community",
                self.community.as_deref(),
                crate::text!("site_checks.what_community"),
            ),
        ]
    }
}

/// Board kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BoardKind {
    /// 科普画廊.
    Gallery,
    /// 科普宣传栏.
    Bulletin,
    /// 科普橱窗.
    Window,
}

/// Names as written in front matter.
pub const BOARD_KINDS: &[(BoardKind, &str)] = &[
    (BoardKind::Gallery, "gallery"),
    (BoardKind::Bulletin, "bulletin"),
    (BoardKind::Window, "window"),
];

impl BoardKind {
    /// Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            BoardKind::Gallery => "科普画廊",
            BoardKind::Bulletin => "科普宣传栏",
            BoardKind::Window => "科普橱窗",
        }
    }
}

/// Places: (name, Chinese label).
pub const PLACES: &[(&str, &str)] = &[
    ("street", "街道"),
    ("park", "公园"),
    ("culture_center", "文化馆"),
    ("mall", "商场"),
    ("station", "车站"),
    ("plaza", "广场"),
    ("community", "社区"),
    ("village", "村"),
    ("school", "学校"),
    ("hospital", "医院"),
];

/// Paper sizes of a board's poster.
pub const POSTER_SIZES: &[(&str, &str)] = &[("A4", "A4"), ("A3", "A3"), ("A2", "A2")];

/// Orientations of a board's poster.
pub const POSTER_ORIENTATIONS: &[(&str, &str)] = &[("portrait", "portrait"), ("landscape", "landscape")];

/// The sheet a board's poster is printed on (default A3 portrait).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PosterSheet {
    /// `A4`, `A3` or `A2`.
    pub size: &'static str,
    /// `portrait` or `landscape`.
    pub orientation: &'static str,
    /// Paper width as it prints, mm.
    pub width_mm: u32,
    /// Paper height as it prints, mm.
    pub height_mm: u32,
}

impl PosterSheet {
    /// The sheet of `size` (`A4`, `A3`, `A2`) in `orientation`.
    pub fn new(size: &'static str, orientation: &'static str) -> Self {
        let (short, long) = match size {
            "A4" => (210, 297),
            "A2" => (420, 594),
            _ => (297, 420),
        };
        let (width_mm, height_mm) = match orientation {
            "landscape" => (long, short),
            _ => (short, long),
        };
        PosterSheet {
            size,
            orientation,
            width_mm,
            height_mm,
        }
    }
}

impl Default for PosterSheet {
    fn default() -> Self {
        PosterSheet::new("A3", "portrait")
    }
}

/// One display window.
#[derive(Debug, Clone)]
pub struct Showing {
    /// Target as written, `articles/x.md` (without `@/`).
    pub page: String,
    /// First instant shown.
    pub from: Timestamp,
    /// First instant no longer shown.
    pub until: Option<Timestamp>,
    /// Index of the entry in `showing`, to locate errors.
    pub index: usize,
}

impl Showing {
    /// Shown at `now` (from inclusive, until exclusive).
    pub fn is_current(&self, now: Timestamp) -> bool {
        self.from <= now && self.until.is_none_or(|u| now < u)
    }
}

/// A board's own fields.
#[derive(Debug, Clone)]
pub struct BoardMeta {
    /// Kind.
    pub board_kind: BoardKind,
    /// Place name (one of [`PLACES`]).
    pub place: String,
    /// Town id.
    pub town: String,
    /// Village or community it serves, if it stands in one.
    pub community: Option<String>,
    /// Street address.
    pub address: Option<String>,
    /// Map position.
    pub location: Option<Location>,
    /// Who keeps it.
    pub maintainer: Option<String>,
    /// Display windows, in the order written.
    pub showing: Vec<Showing>,
    /// The poster's sheet.
    pub poster: PosterSheet,
}

impl BoardMeta {
    /// Words readers see on the board: kind, place, town, community, address.
    pub(crate) fn search_words(&self, town: &dyn Fn(&str) -> Option<String>) -> Vec<String> {
        let mut words = vec![self.board_kind.label().to_string(), self.place_label().to_string()];
        words.extend(town(&self.town));
        words.extend([&self.community, &self.address].into_iter().flatten().cloned());
        words
    }

    /// Chinese label of the place.
    pub fn place_label(&self) -> &'static str {
        PLACES.iter().find(|p| p.0 == self.place).map(|p| p.1).unwrap_or("其他")
    }
}

pub(super) fn parse(f: &Fields, clock: &SiteClock, errors: &mut Vec<FieldError>) -> BoardMeta {
    let board_kind = required("board_kind", &f.board_kind, Kind::Board, errors)
        .and_then(|k| parse_enum("board_kind", k, BOARD_KINDS, BoardKind::label, errors))
        .unwrap_or(BoardKind::Bulletin);
    let place = match required("place", &f.place, Kind::Board, errors) {
        Some(p) if PLACES.iter().any(|x| x.0 == p) => p.to_string(),
        Some(p) => {
            let names: Vec<&str> = PLACES.iter().map(|x| x.0).collect();
            errors.push(
                FieldError::new("place", crate::text!("kind.unknown_value", "place", p))
                    .hint(crate::text!("kind.use_one_of", names.join(", "))),
            );
            p.to_string()
        }
        None => String::new(),
    };
    let town = required("town", &f.town, Kind::Board, errors)
        .unwrap_or_default()
        .to_string();
    let mut showing = Vec::new();
    for (index, s) in f.showing.iter().flatten().enumerate() {
        let mut date = |v: &str| match clock.parse(v) {
            Ok(t) => Some(t),
            Err(msg) => {
                errors.push(FieldError {
                    key: vec!["showing"],
                    value: Some(v.to_string()),
                    message: msg,
                    hint: None,
                });
                None
            }
        };
        let from = date(&s.from);
        let until = s.until.as_deref().map(&mut date);
        let Some(page) = s.page.strip_prefix("@/") else {
            errors.push(
                FieldError::new("showing", crate::text!("board.not_a_link", s.page))
                    .hint(crate::text!("board.not_a_link.help"))
                    .at_value(s.page.clone()),
            );
            continue;
        };
        if let (Some(from), Some(until)) = (from, until.unwrap_or(None).or(Some(Timestamp::MAX))) {
            if until <= from {
                errors
                    .push(FieldError::new("showing", crate::text!("board.until_before_from")).at_value(s.from.clone()));
            }
            showing.push(Showing {
                page: page.split('#').next().unwrap_or(page).to_string(),
                from,
                until: until.ne(&Timestamp::MAX).then_some(until),
                index,
            });
        }
    }
    BoardMeta {
        board_kind,
        place,
        town,
        community: f.community.clone(),
        address: f.address.clone(),
        location: f.location,
        maintainer: f.maintainer.clone(),
        showing,
        poster: poster_sheet(f, errors),
    }
}

/// The poster sheet of `poster:`, A3 portrait where not given.
pub(crate) fn poster_sheet(f: &Fields, errors: &mut Vec<FieldError>) -> PosterSheet {
    let mut sheet = PosterSheet::default();
    let Some(p) = &f.poster else {
        return sheet;
    };
    let mut pick = |key: &'static str, value: &Option<String>, all: &[(&'static str, &'static str)]| {
        let v = value.as_deref()?;
        let found = all
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(v.trim()))
            .map(|(_, n)| *n);
        if found.is_none() {
            let names: Vec<&str> = all.iter().map(|(n, _)| *n).collect();
            errors.push(FieldError {
                key: vec!["poster", key],
                value: Some(v.to_string()),
                message: crate::text!("board.unknown_poster", key, v).into(),
                hint: Some(crate::text!("kind.use_one_of", names.join(", ")).into()),
            });
        }
        found
    };
    if let Some(s) = pick("size", &p.size, POSTER_SIZES) {
        sheet.size = s;
    }
    if let Some(o) = pick("orientation", &p.orientation, POSTER_ORIENTATIONS) {
        sheet.orientation = o;
    }
    PosterSheet::new(sheet.size, sheet.orientation)
}
