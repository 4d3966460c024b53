//! The shape of `site.yaml`, as serde reads it.
//!
//! Every struct denies unknown keys: a typo must not silently do nothing.
//! Only `extra` is free for themes.

use serde::{Deserialize, Serialize};

/// The whole file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Site title.
    pub title: String,
    /// Absolute URL of the site, may carry a path (`https://host/kepu/`).
    pub base_url: String,
    /// Language tag of the content, `zh-CN` by default.
    #[serde(default = "default_language")]
    pub language: String,
    /// IANA time zone; dates without a time are midnight here.
    #[serde(default = "default_timezone")]
    pub timezone: String,
    /// One-line description for search engines and feeds.
    #[serde(default)]
    pub description: String,
    /// The organization that runs the site (主办单位).
    #[serde(default)]
    pub organization: Option<String>,
    /// Footer items a Chinese public-sector site carries.
    #[serde(default)]
    pub footer: Footer,
    /// Theme folder name under `themes/`.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Output folder, relative to the site root.
    #[serde(default = "default_output")]
    pub output_dir: String,
    /// Pages per list page.
    #[serde(default = "default_paginate")]
    pub paginate_by: usize,
    /// The site menu.
    #[serde(default)]
    pub menu: Vec<MenuItem>,
    /// Towns and streets (镇/街道).
    #[serde(default)]
    pub towns: Vec<Town>,
    /// Taxonomies pages may use.
    #[serde(default = "default_taxonomies")]
    pub taxonomies: Vec<String>,
    /// Feed settings.
    #[serde(default)]
    pub feeds: Feeds,
    /// Code highlighting.
    #[serde(default)]
    pub highlight: Highlight,
    /// Client-side search.
    #[serde(default)]
    pub search: Search,
    /// Science boards.
    #[serde(default)]
    pub boards: Boards,
    /// The weekly media column.
    #[serde(default)]
    pub columns: Columns,
    /// Emergency notes.
    #[serde(default)]
    pub emergency: Emergency,
    /// Markdown options.
    #[serde(default)]
    pub markdown: MarkdownConfig,
    /// Image processing.
    #[serde(default)]
    pub images: crate::images::ImagesConfig,
    /// `kepu import` options.
    #[serde(default)]
    pub import: Import,
    /// Free for themes.
    #[serde(default)]
    pub extra: serde_json::Value,
}

/// Footer record numbers and contact, each optional.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Footer {
    /// ICP 备案号, linked to the MIIT record site.
    pub icp_beian: Option<String>,
    /// 公安备案号, linked to the public-security record query.
    pub gongan_beian: Option<String>,
    /// 网站标识码.
    pub site_code: Option<String>,
    /// Contact line.
    pub contact: Option<String>,
}

/// One menu entry.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    /// Label.
    pub name: String,
    /// Site path (`/articles/`) or absolute URL.
    pub url: String,
}

/// A town or street.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Town {
    /// The id boards, stations and notes refer to.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Town or street.
    #[serde(default)]
    pub kind: TownKind,
    /// Its villages and communities.
    #[serde(default)]
    pub communities: Vec<String>,
    /// Resident population (常住人口), for the plan's activity coverage.
    #[serde(default)]
    pub population: Option<u64>,
}

/// 镇 or 街道.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TownKind {
    /// 镇.
    #[default]
    Town,
    /// 街道.
    Street,
}

impl TownKind {
    /// Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            TownKind::Town => "镇",
            TownKind::Street => "街道",
        }
    }
}

/// Feed settings.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Feeds {
    /// Write Atom feeds.
    pub atom: bool,
    /// Write RSS 2.0 feeds.
    pub rss: bool,
    /// Entries per feed.
    pub limit: usize,
    /// Whole pages in feeds instead of summaries.
    pub full_content: bool,
}

impl Default for Feeds {
    fn default() -> Self {
        Feeds {
            atom: true,
            rss: true,
            limit: 20,
            full_content: false,
        }
    }
}

/// Code highlighting.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Highlight {
    /// A syntect theme name.
    pub theme: String,
    /// CSS classes plus one stylesheet (the only mode kepu writes).
    pub css_classes: bool,
}

impl Default for Highlight {
    fn default() -> Self {
        Highlight {
            theme: "InspiredGitHub".into(),
            css_classes: true,
        }
    }
}

/// Search settings.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Search {
    /// Build the search index and page.
    pub enabled: bool,
}

impl Default for Search {
    fn default() -> Self {
        Search { enabled: true }
    }
}

/// Board settings.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Boards {
    /// Days without a change after which a board is stale.
    pub stale_after_days: u32,
}

impl Default for Boards {
    fn default() -> Self {
        Boards { stale_after_days: 30 }
    }
}

/// The weekly column promise.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Columns {
    /// First week counted (a date in it).
    pub since: Option<String>,
    /// Entries required per ISO week.
    pub min_per_week: u32,
}

impl Default for Columns {
    fn default() -> Self {
        Columns {
            since: None,
            min_per_week: 1,
        }
    }
}

/// Emergency notes.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Emergency {
    /// CAP `sender`; default: the site's host.
    pub cap_sender: Option<String>,
}

/// What to do with raw HTML in Markdown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// Pass it through.
    #[default]
    Allow,
    /// Show it as text.
    Escape,
    /// Keep safe tags only.
    Sanitize,
}

/// Markdown settings.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct MarkdownConfig {
    /// Raw HTML policy.
    pub raw_html: RawHtml,
    /// Han characters read per minute.
    pub han_per_minute: u32,
    /// Other words read per minute.
    pub words_per_minute: u32,
}

impl Default for MarkdownConfig {
    fn default() -> Self {
        MarkdownConfig {
            raw_html: RawHtml::Allow,
            han_per_minute: 400,
            words_per_minute: 200,
        }
    }
}

/// `kepu import` settings.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Import {
    /// WeChat articles.
    pub wechat: WechatImport,
}

/// What `kepu import wechat` drops besides its own list of WeChat chrome.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct WechatImport {
    /// A short paragraph containing one of these phrases is dropped.
    pub drop_phrases: Vec<String>,
    /// Elements matching these CSS selectors are dropped.
    pub drop_selectors: Vec<String>,
}

fn default_language() -> String {
    "zh-CN".into()
}
fn default_timezone() -> String {
    "Asia/Shanghai".into()
}
fn default_theme() -> String {
    "default".into()
}
fn default_output() -> String {
    "public".into()
}
fn default_paginate() -> usize {
    10
}
fn default_taxonomies() -> Vec<String> {
    vec!["tags".into(), "categories".into()]
}
