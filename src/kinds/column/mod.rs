//! 每周科普栏目: entries of the weekly science column in the media.

mod new;
pub mod pages;
pub mod view;

use serde::{Deserialize, Serialize};

use super::{FieldError, Kind, KindData, KindFields, KindSpec, parse_enum, required};
use crate::content::front_matter::FrontMatter;
use crate::i18n::Text;
use crate::time::SiteClock;

/// The column entry's row of the registry.
pub(crate) const SPEC: KindSpec = KindSpec {
    section: Some("columns"),
    name: "column entry",
    label: "科普栏目",
    said: "kind.column",
    said_many: "kind.column.many",
    page_template: "column.html",
    list_template: "column_list.html",
    share_qr: true,
    in_site_feed: true,
    listed_by_name: false,
    files: None,
    crumbs: Some(pages::crumbs),
    keys: Fields::KEYS,
    parse: parse_data,
    check_refs: super::no_refs,
    new_stub: new::stub,
};

fn parse_data(fm: &FrontMatter, _: &SiteClock, errors: &mut Vec<FieldError>) -> KindData {
    match &fm.fields {
        KindFields::Column(f) => KindData::Column(Box::new(parse(fm, f, errors))),
        _ => KindData::None,
    }
}

super::keys::kind_fields! {
    /// The keys of a column's front matter, as written.
    pub struct Fields {
        medium: String,
        outlet: String,
        program: String,
        episode: Scalar,
    }
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

impl Fields {
    /// Its names written as text, which must not be empty.
    pub(crate) fn names(&self) -> Vec<(&'static str, Option<&str>, Text)> {
        vec![
            (
                "outlet",
                self.outlet.as_deref(),
                crate::text!("site_checks.what_outlet"),
            ),
            (
                "program",
                self.program.as_deref(),
                crate::text!("site_checks.what_program"),
            ),
        ]
    }
}

/// Where an entry aired or was printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Medium {
    /// 广播.
    Radio,
    /// 电视.
    Tv,
    /// 报纸.
    Newspaper,
    /// 杂志.
    Magazine,
    /// 微信.
    Wechat,
    /// 网站.
    Web,
}

/// Names as written in front matter.
pub const MEDIA: &[(Medium, &str)] = &[
    (Medium::Radio, "radio"),
    (Medium::Tv, "tv"),
    (Medium::Newspaper, "newspaper"),
    (Medium::Magazine, "magazine"),
    (Medium::Wechat, "wechat"),
    (Medium::Web, "web"),
];

impl Medium {
    /// Front-matter name, also the URL segment of `/columns/MEDIUM/`.
    pub fn name(self) -> &'static str {
        MEDIA.iter().find(|(m, _)| *m == self).map(|(_, n)| *n).unwrap_or("web")
    }
    /// Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Medium::Radio => "广播",
            Medium::Tv => "电视",
            Medium::Newspaper => "报纸",
            Medium::Magazine => "杂志",
            Medium::Wechat => "微信",
            Medium::Web => "网站",
        }
    }
}

/// A column entry's own fields.
#[derive(Debug, Clone)]
pub struct ColumnMeta {
    /// The medium.
    pub medium: Medium,
    /// 永川广播电台, 永川日报 ...
    pub outlet: Option<String>,
    /// The program or page name.
    pub program: Option<String>,
    /// Episode or issue number.
    pub episode: Option<String>,
}

impl ColumnMeta {
    /// Words readers see on the entry: medium, outlet, program, episode.
    pub(crate) fn search_words(&self) -> Vec<String> {
        let mut words = vec![self.medium.label().to_string()];
        words.extend(
            [&self.outlet, &self.program, &self.episode]
                .into_iter()
                .flatten()
                .cloned(),
        );
        words
    }
}

pub(super) fn parse(fm: &FrontMatter, f: &Fields, errors: &mut Vec<FieldError>) -> ColumnMeta {
    let medium = required("medium", &f.medium, Kind::Column, errors)
        .and_then(|m| parse_enum("medium", m, MEDIA, Medium::label, errors))
        .unwrap_or(Medium::Web);
    if fm.date.is_none() {
        errors.push(
            FieldError::new("title", crate::text!("column.needs_date")).hint(crate::text!("column.needs_date.help")),
        );
    }
    ColumnMeta {
        medium,
        outlet: f.outlet.clone(),
        program: f.program.clone(),
        episode: f.episode.as_ref().map(|e| e.text()),
    }
}
