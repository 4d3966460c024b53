//! Splitting a content file into front matter and body, and the front
//! matter's shape.
//!
//! 1. [`split`] normalizes line ends, drops a BOM, finds the `---` fences and
//!    remembers on which line the YAML and the body start.
//! 2. [`FrontMatter`] is every key any kind may use; [`crate::kinds`] then
//!    checks that a page only uses the keys of its kind.

use serde::Deserialize;

use crate::i18n::Said;

/// A file cut in two.
#[derive(Debug, Clone)]
pub struct Split<'a> {
    /// YAML between the fences.
    pub yaml: &'a str,
    /// 1-based line of the first YAML line in the file.
    pub yaml_line: usize,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// 1-based line of the first body line in the file.
    pub body_line: usize,
}

/// Why a file could not be split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: Said,
    /// How to fix it.
    pub hint: Said,
}

/// Normalizes CRLF to LF and strips a UTF-8 BOM.
pub fn normalize(text: String) -> String {
    let text = match text.strip_prefix('\u{feff}') {
        Some(t) => t.to_string(),
        None => text,
    };
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// Splits normalized text at its `---` fences.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Err(SplitError {
            line: 1,
            message: crate::text!("content.no_front_matter").into(),
            hint: crate::text!("content.no_front_matter.help").into(),
        });
    }
    let yaml_start = (first_end + 1).min(text.len());
    let mut pos = yaml_start;
    let mut line = 2;
    while pos < text.len() {
        let end = text[pos..].find('\n').map(|i| pos + i).unwrap_or(text.len());
        if text[pos..end].trim_end() == "---" {
            let body_start = (end + 1).min(text.len());
            return Ok(Split {
                yaml: &text[yaml_start..pos],
                yaml_line: 2,
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        pos = end + 1;
        line += 1;
    }
    Err(SplitError {
        line: 1,
        message: crate::text!("content.front_matter_open").into(),
        hint: crate::text!("content.front_matter_open.help").into(),
    })
}

/// A map position for board and station locations.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lng: f64,
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

/// A scalar that may be written as a number or a string (`episode: 12`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Scalar {
    /// A whole number.
    Int(i64),
    /// Text.
    Text(String),
}

impl Scalar {
    /// As text.
    pub fn text(&self) -> String {
        match self {
            Scalar::Int(n) => n.to_string(),
            Scalar::Text(s) => s.clone(),
        }
    }
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

/// Every front-matter key of every kind.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<String>,
    pub updated: Option<String>,
    #[serde(default)]
    pub draft: bool,
    pub summary: Option<String>,
    pub slug: Option<String>,
    pub weight: Option<i64>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub towns: Vec<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    /// 责任编辑.
    pub editor: Option<String>,
    pub cover: Option<String>,
    pub template: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub extra: serde_json::Value,
    pub search: Option<bool>,
    // Sections.
    pub description: Option<String>,
    pub sort_by: Option<String>,
    pub paginate_by: Option<usize>,
    // Emergency notes.
    pub hazard: Option<String>,
    pub level: Option<String>,
    pub expires: Option<String>,
    pub areas: Option<Vec<String>>,
    pub steps: Option<Vec<String>>,
    /// 来源: whose text or warning a page retells; any page may say it.
    pub source: Option<String>,
    // Column entries.
    pub medium: Option<String>,
    pub outlet: Option<String>,
    pub program: Option<String>,
    pub episode: Option<Scalar>,
    // Boards.
    pub board_kind: Option<String>,
    pub place: Option<String>,
    pub town: Option<String>,
    pub address: Option<String>,
    pub location: Option<Location>,
    pub maintainer: Option<String>,
    pub showing: Option<Vec<RawShowing>>,
    pub poster: Option<RawPoster>,
    // Stations.
    pub community: Option<String>,
    pub station_kind: Option<String>,
    pub staff: Option<Vec<Staff>>,
    pub hours: Option<String>,
    pub equipment: Option<Vec<String>>,
    pub boards: Option<Vec<String>>,
    // Activities.
    pub start: Option<String>,
    pub end: Option<String>,
    pub activity_kind: Option<String>,
    pub organizer: Option<String>,
    pub partners: Option<Vec<String>>,
    /// A count; any YAML value, so that the kind can say what is wrong.
    pub volunteers: Option<serde_json::Value>,
    /// A count; any YAML value, so that the kind can say what is wrong.
    pub participants: Option<serde_json::Value>,
    pub signup: Option<String>,
}

impl FrontMatter {
    /// The kind-specific keys that are set, in the order their checks
    /// report them. Which kinds own each key is in the kinds' registry
    /// ([`crate::kinds::Kind::owners`]).
    pub fn kind_keys_set(&self) -> Vec<&'static str> {
        [
            (self.hazard.is_some(), "hazard"),
            (self.level.is_some(), "level"),
            (self.expires.is_some(), "expires"),
            (self.areas.is_some(), "areas"),
            (self.steps.is_some(), "steps"),
            (self.medium.is_some(), "medium"),
            (self.outlet.is_some(), "outlet"),
            (self.program.is_some(), "program"),
            (self.episode.is_some(), "episode"),
            (self.board_kind.is_some(), "board_kind"),
            (self.place.is_some(), "place"),
            (self.address.is_some(), "address"),
            (self.maintainer.is_some(), "maintainer"),
            (self.showing.is_some(), "showing"),
            (self.poster.is_some(), "poster"),
            (self.community.is_some(), "community"),
            (self.station_kind.is_some(), "station_kind"),
            (self.staff.is_some(), "staff"),
            (self.hours.is_some(), "hours"),
            (self.equipment.is_some(), "equipment"),
            (self.town.is_some(), "town"),
            (self.location.is_some(), "location"),
            (self.boards.is_some(), "boards"),
            (self.start.is_some(), "start"),
            (self.end.is_some(), "end"),
            (self.activity_kind.is_some(), "activity_kind"),
            (self.organizer.is_some(), "organizer"),
            (self.partners.is_some(), "partners"),
            (self.volunteers.is_some(), "volunteers"),
            (self.participants.is_some(), "participants"),
            (self.signup.is_some(), "signup"),
        ]
        .into_iter()
        .filter_map(|(set, key)| set.then_some(key))
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_lines() {
        let s = split("---\ntitle: a\n---\nbody\n").unwrap();
        assert_eq!(s.yaml, "title: a\n");
        assert_eq!(s.yaml_line, 2);
        assert_eq!(s.body, "body\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn handles_bom_and_crlf() {
        let t = normalize("\u{feff}---\r\ntitle: a\r\n---\r\nx\r\n".to_string());
        let s = split(&t).unwrap();
        assert_eq!(s.yaml, "title: a\n");
        assert_eq!(s.body, "x\n");
    }

    #[test]
    fn empty_body_and_no_trailing_newline() {
        let s = split("---\ntitle: a\n---").unwrap();
        assert_eq!(s.body, "");
    }

    #[test]
    fn reports_missing_and_unclosed_fences() {
        assert_eq!(split("title: a\n").unwrap_err().line, 1);
        assert!(split("---\ntitle: a\n").unwrap_err().message.contains("not closed"));
    }
}
