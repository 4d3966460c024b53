//! Pages and sections of the loaded site.

use std::path::PathBuf;

use jiff::Timestamp;

use crate::content::front_matter::FrontMatter;
use crate::kinds::{Kind, KindData};
use crate::markdown::Rendered;

/// Index of a page in [`crate::content::Library::pages`].
pub type PageId = usize;

/// One content page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Path under `content/` with `/` separators: `articles/x.md` (what `@/` links name).
    pub rel_path: String,
    /// The file on disk.
    pub file: PathBuf,
    /// Top-level folder (`articles`), empty for pages at the root of content/.
    pub section: String,
    /// The kind, from the section.
    pub kind: Kind,
    /// URL slug.
    pub slug: String,
    /// URL path relative to the site root, ending in `/`: `articles/x/`.
    pub path: String,
    /// Title.
    pub title: String,
    /// Publication time.
    pub date: Option<Timestamp>,
    /// Last update.
    pub updated: Option<Timestamp>,
    /// The front matter as written.
    pub meta: FrontMatter,
    /// Kind-specific data.
    pub data: KindData,
    /// Markdown body.
    pub body: String,
    /// 1-based line of the first body line in the file.
    pub body_line: usize,
    /// The front matter text, to locate keys in later checks.
    pub yaml: String,
    /// Files of a bundle, relative to the bundle folder.
    pub assets: Vec<PathBuf>,
    /// Folder of the bundle, if the page is `x/index.md`.
    pub bundle_dir: Option<PathBuf>,
    /// The rendered body (filled by the Markdown stage).
    pub rendered: Rendered,
}

impl Page {
    /// The page's id for boards and stations (its slug).
    pub fn id(&self) -> &str {
        &self.slug
    }

    /// Whether it should appear in the search index.
    pub fn searchable(&self) -> bool {
        self.meta.search.unwrap_or(true)
    }

    /// The date to sort by: `date`, else `updated`.
    pub fn sort_date(&self) -> Option<Timestamp> {
        self.date.or(self.updated)
    }
}

/// How a section orders its pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    /// Newest first.
    Date,
    /// Lightest first.
    Weight,
    /// By title.
    Title,
}

/// A section: a folder under content/ with its `_index.md` (or implied).
#[derive(Debug, Clone)]
pub struct Section {
    /// Folder under content/ (`articles`), empty for the home section.
    pub name: String,
    /// `_index.md` path under content/, if the file exists.
    pub rel_path: Option<String>,
    /// The file on disk.
    pub file: Option<PathBuf>,
    /// URL path: `articles/` (empty for home).
    pub path: String,
    /// Title.
    pub title: String,
    /// The front matter.
    pub meta: FrontMatter,
    /// Sort order.
    pub sort_by: SortBy,
    /// Pages per list page.
    pub paginate_by: usize,
    /// Markdown body.
    pub body: String,
    /// First body line.
    pub body_line: usize,
    /// Rendered body.
    pub rendered: Rendered,
    /// Its pages, sorted.
    pub pages: Vec<PageId>,
}
