//! What the site's files were at the last good build, to tell what an edit
//! changed.
//!
//! 1. [`Baseline::new`] records, for each page file, its `@/` path, its
//!    front matter as written and what a list shows of it (its
//!    [`PageSummary`](crate::render::views::PageSummary) as JSON); the
//!    drafts the library left out; and every file served as it is.
//! 2. [`Baseline::classify`] says what a change of one path under
//!    `content/` is: an edit of a page's body (the fast path), nothing to
//!    render, or a change of the site's structure (the slow path).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::store::{Content, Outputs};
use crate::content::PageId;
use crate::render::views::{ViewEnv, summary};

/// What a list shows of a page, and what the page was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facet {
    /// `@/` path.
    pub rel_path: String,
    /// The front matter as written.
    pub yaml: String,
    /// The page's summary view, serialized.
    pub summary: String,
}

impl Facet {
    /// The facet of `page`.
    pub fn of(env: &ViewEnv, id: PageId) -> Self {
        let page = &env.lib.pages[id];
        Facet {
            rel_path: page.rel_path.clone(),
            yaml: page.yaml.clone(),
            summary: serde_json::to_string(&summary(env, id)).unwrap_or_default(),
        }
    }
}

/// The site's files at the last good build.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    /// Page file → facet.
    pub pages: HashMap<PathBuf, Facet>,
    /// Markdown files left out as drafts.
    pub drafts: HashSet<PathBuf>,
    /// Files served as they are.
    pub copied: HashSet<PathBuf>,
    /// Every Markdown file that is a page or a section.
    pub sources: HashSet<PathBuf>,
}

/// What a change of one path under `content/` is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentChange {
    /// A page file that still exists and may have a new body.
    Page(PathBuf),
    /// A draft that still exists: nothing, if it still is one.
    Draft(PathBuf),
    /// Nothing to render (a copied file edited, a draft gone, a stray file).
    Nothing,
    /// Pages, sections or files came, went or moved.
    Structure,
}

impl Baseline {
    /// Records the pages, sections and drafts of `env`'s library and the
    /// copied files of `outputs`.
    pub fn new(env: &ViewEnv, outputs: &Outputs) -> Self {
        use rayon::prelude::*;
        let pages = env
            .lib
            .pages
            .par_iter()
            .enumerate()
            .map(|(id, p)| (p.file.clone(), Facet::of(env, id)))
            .collect::<HashMap<_, _>>();
        let mut sources: HashSet<PathBuf> = pages.keys().cloned().collect();
        sources.extend(env.lib.sections.iter().filter_map(|s| s.file.clone()));
        Baseline {
            pages,
            drafts: env.lib.drafts.iter().cloned().collect(),
            copied: Self::copied_of(outputs),
            sources,
        }
    }

    /// The files `outputs` serve as they are.
    pub fn copied_of(outputs: &Outputs) -> HashSet<PathBuf> {
        outputs
            .values()
            .filter_map(|e| match &e.content {
                Content::File(p) => Some(p.clone()),
                Content::Bytes(_) => None,
            })
            .collect()
    }

    /// What a change of `path` (under `content/`) is.
    pub fn classify(&self, path: &Path) -> ContentChange {
        if self.pages.contains_key(path) {
            return match path.is_file() {
                true => ContentChange::Page(path.to_path_buf()),
                false => ContentChange::Structure,
            };
        }
        if self.sources.contains(path) {
            return ContentChange::Structure;
        }
        if self.drafts.contains(path) {
            return match path.exists() {
                true => ContentChange::Draft(path.to_path_buf()),
                false => ContentChange::Nothing,
            };
        }
        if self.copied.contains(path) {
            return match path.is_file() {
                true => ContentChange::Nothing,
                false => ContentChange::Structure,
            };
        }
        if path.exists() {
            return ContentChange::Structure;
        }
        // Something that is gone and held none of the site's files (an
        // editor's temporary file) changes nothing.
        let held = |f: &PathBuf| f.starts_with(path);
        match self.sources.iter().any(held) || self.copied.iter().any(held) || self.drafts.iter().any(held) {
            true => ContentChange::Structure,
            false => ContentChange::Nothing,
        }
    }
}
