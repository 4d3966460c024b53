//! What a build produces, before it touches the disk.
//!
//! Rendering fills an [`OutputSet`]: one entry per file, with its bytes (or
//! the source file to copy) and what it was made from ([`Dep`]), so that a
//! server can re-render only what an edit touches. Every path goes through
//! [`safe_path::clean`]; [`disk`] writes the set beside the output folder and
//! swaps it in.

pub mod disk;
mod leftovers;
pub mod lock;
pub mod manifest;
pub mod safe_path;
pub mod sink;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use safe_path::check_output_dir;

/// What an output was made from.
///
/// `serve` reads them to re-render only what an edit of page bodies
/// touched; an edit of front matter, a new or a removed page re-renders
/// everything, so lists and their order need no dep of their own. An
/// output that shows what a list shows of a page (its [`PageSummary`])
/// names it with [`Dep::Summary`], [`Dep::Section`] or [`Dep::AllPages`];
/// one that shows more of a page (its body, text, headings) names it with
/// [`Dep::Page`] or [`Dep::AllContent`].
///
/// [`PageSummary`]: crate::render::views::PageSummary
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dep {
    /// One page, by `@/` path: all of it.
    Page(String),
    /// What a list shows of one page (title, URL, date, summary ...), by
    /// `@/` path.
    Summary(String),
    /// The list of pages of a section, with what a list shows of each page.
    Section(String),
    /// The list of every page, with what a list shows of each (home,
    /// taxonomies, feeds, sitemap).
    AllPages,
    /// The whole text of every page (the search index, full-content feeds).
    AllContent,
    /// Only the front matter of every page: what is counted, dated, sorted
    /// or grouped (term lists, coverage, redirects). An edit of front
    /// matter re-renders everything, so `serve` never redoes it alone.
    AllFrontMatter,
    /// A template, by name.
    Template(String),
    /// `site.yaml`.
    Config,
    /// A data file.
    Data,
    /// A file copied as it is.
    File(PathBuf),
}

/// A file's contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Rendered bytes.
    Bytes(Vec<u8>),
    /// A file to copy.
    Copy(PathBuf),
}

/// One output file.
#[derive(Debug, Clone)]
pub struct Output {
    /// Contents.
    pub body: Body,
    /// What made it.
    pub deps: Vec<Dep>,
    /// Who made it, for collision messages (a file path or a feature).
    pub origin: String,
}

/// All files of a site, keyed by their clean relative path.
#[derive(Debug, Clone, Default)]
pub struct OutputSet {
    /// Path → output.
    pub files: BTreeMap<String, Output>,
    /// The paths, for collisions (also in case).
    claims: sink::Claims,
}

/// Two outputs want the same path, or a path is unsafe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputError {
    /// The path as asked for.
    pub path: String,
    /// What went wrong.
    pub message: crate::i18n::Said,
    /// The origin that asked.
    pub origin: String,
}

impl OutputSet {
    /// Adds a file at `path` (relative, `/`-separated). Refuses unsafe paths
    /// and a second file at a path already taken.
    pub fn add(
        &mut self,
        path: &str,
        body: Body,
        deps: Vec<Dep>,
        origin: impl Into<String>,
    ) -> Result<(), OutputError> {
        let origin = origin.into();
        let clean = safe_path::clean(path).map_err(|message| OutputError {
            path: path.to_string(),
            message,
            origin: origin.clone(),
        })?;
        self.claims.claim(&clean, &origin)?;
        self.files.insert(clean, Output { body, deps, origin });
        Ok(())
    }

    /// Adds rendered text.
    pub fn add_text(
        &mut self,
        path: &str,
        text: String,
        deps: Vec<Dep>,
        origin: impl Into<String>,
    ) -> Result<(), OutputError> {
        self.add(path, Body::Bytes(text.into_bytes()), deps, origin)
    }

    /// Number of HTML pages.
    pub fn html_count(&self) -> usize {
        self.files.keys().filter(|k| k.ends_with(".html")).count()
    }

    /// Merges another set; collisions are errors.
    pub fn merge(&mut self, other: OutputSet) -> Vec<OutputError> {
        let mut errors = Vec::new();
        for (path, o) in other.files {
            if let Err(e) = self.add(&path, o.body, o.deps, o.origin) {
                errors.push(e);
            }
        }
        errors
    }

    /// Reads an output's bytes (copying files from disk when needed).
    pub fn read(&self, path: &str) -> Option<std::io::Result<Vec<u8>>> {
        self.files.get(path).map(|o| match &o.body {
            Body::Bytes(b) => Ok(b.clone()),
            Body::Copy(p) => std::fs::read(p),
        })
    }
}

/// Joins a clean relative path onto `root`.
pub fn join(root: &Path, clean: &str) -> PathBuf {
    let mut p = root.to_path_buf();
    for seg in clean.split('/') {
        p.push(seg);
    }
    p
}
