//! 每周科普栏目: entries of the weekly science column in the media.

mod new;
pub mod pages;
pub mod view;

use serde::Serialize;

use super::{FieldError, Kind, KindData, KindSpec, parse_enum, required};
use crate::content::front_matter::FrontMatter;
use crate::time::SiteClock;

/// The column entry's row of the registry.
pub(crate) const SPEC: KindSpec = KindSpec {
    section: Some("columns"),
    name: "column entry",
    label: "科普栏目",
    said: "kind.column",
    page_template: "column.html",
    list_template: "column_list.html",
    share_qr: true,
    keys: &["medium", "outlet", "program", "episode"],
    parse: parse_data,
    check_refs: super::no_refs,
    new_stub: new::stub,
};

fn parse_data(fm: &FrontMatter, _: &SiteClock, errors: &mut Vec<FieldError>) -> KindData {
    KindData::Column(parse(fm, errors))
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

pub(super) fn parse(fm: &FrontMatter, errors: &mut Vec<FieldError>) -> ColumnMeta {
    let medium = required("medium", &fm.medium, Kind::Column, errors)
        .and_then(|m| parse_enum("medium", m, MEDIA, Medium::label, errors))
        .unwrap_or(Medium::Web);
    if fm.date.is_none() {
        errors.push(
            FieldError::new("title", crate::text!("column.needs_date")).hint(crate::text!("column.needs_date.help")),
        );
    }
    ColumnMeta {
        medium,
        outlet: fm.outlet.clone(),
        program: fm.program.clone(),
        episode: fm.episode.as_ref().map(|e| e.text()),
    }
}
