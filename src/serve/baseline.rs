//! What the site's files were at the last good build, to tell what an edit
//! changed.
//!
//! 1. [`Baseline::new`] records, for each page file, its `@/` path, a hash
//!    of its front matter as written and of what a list shows of it (its
//!    [`PageSummary`](crate::render::views::PageSummary)); the drafts the
//!    library left out; and every file served as it is.
//!    [`Baseline::update`] brings it up to date after the library changed.
//! 2. [`Baseline::classify`] says what a change of one path under
//!    `content/` is: an edit of a page's body (the fast path), nothing to
//!    render, or a change of the site's structure (the slow path).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::store::{Content, Outputs};
use crate::content::PageId;
use crate::render::jobs::KeyHasher;
use crate::render::views::{ViewEnv, summary};

/// What a list shows of a page, and what the page was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facet {
    /// `@/` path.
    pub rel_path: String,
    /// The hash of the front matter as written ([`Facet::yaml_of`]).
    pub yaml: u64,
    /// The hash of the page's summary view.
    pub summary: u64,
}

impl Facet {
    /// The facet of `page`.
    pub fn of(env: &ViewEnv, id: PageId) -> Self {
        let page = &env.lib.pages[id];
        let mut h = KeyHasher::new(0);
        h.value(&summary(env, id));
        Facet {
            rel_path: page.rel_path.clone(),
            yaml: Self::yaml_of(&page.yaml),
            summary: h.finish(),
        }
    }

    /// The hash of front matter `yaml`.
    pub fn yaml_of(yaml: &str) -> u64 {
        xxhash_rust::xxh3::xxh3_64(yaml.as_bytes())
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

    /// Brings the baseline up to date with `env`'s library after the files
    /// `files` were read again (or came or went): their facets, the drafts
    /// and the sources; the facets of every page when `all` (what lists
    /// show of any page may have changed); the copied files of `outputs`
    /// when `copied` (files other than Markdown changed).
    pub fn update(&mut self, env: &ViewEnv, outputs: &Outputs, files: &[PathBuf], (all, copied): (bool, bool)) {
        let lib = env.lib;
        if all {
            *self = Baseline::new(env, outputs);
            return;
        }
        let content = env.config.content_dir();
        for file in files {
            self.pages.remove(file);
            self.drafts.remove(file);
            self.sources.remove(file);
            let rel = file
                .strip_prefix(&content)
                .map(crate::output::safe_path::to_slash)
                .unwrap_or_default();
            if let Some(&id) = lib.by_rel_path.get(&rel)
                && lib.pages[id].file == *file
            {
                self.pages.insert(file.clone(), Facet::of(env, id));
                self.sources.insert(file.clone());
            } else if lib.sections.iter().any(|s| s.file.as_ref() == Some(file)) {
                self.sources.insert(file.clone());
            } else if lib.drafts.contains(file) {
                self.drafts.insert(file.clone());
            }
        }
        if copied {
            self.copied = Self::copied_of(outputs);
        }
    }

    /// The files `outputs` serve as they are.
    pub fn copied_of(outputs: &Outputs) -> HashSet<PathBuf> {
        outputs
            .values()
            .filter_map(|e| match &e.content {
                Content::File(p) => Some(p.clone()),
                Content::Bytes(_) | Content::Packed(..) => None,
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
        match self.knows(path) {
            true => ContentChange::Structure,
            false => ContentChange::Nothing,
        }
    }

    /// Whether `path` is or holds a file the last build read (a page, a
    /// section, a draft) or copied.
    pub fn knows(&self, path: &Path) -> bool {
        let path: PathBuf = path.components().collect();
        if self.pages.contains_key(&path)
            || self.sources.contains(&path)
            || self.copied.contains(&path)
            || self.drafts.contains(&path)
        {
            return true;
        }
        // Paths under `path` spell it first (the files are found by joining
        // names to the site's folder): only those are compared by name.
        let prefix = path.as_os_str().as_encoded_bytes();
        let held = |f: &PathBuf| f.as_os_str().as_encoded_bytes().starts_with(prefix) && f.starts_with(&path);
        self.pages.keys().any(held)
            || self.sources.iter().any(held)
            || self.copied.iter().any(held)
            || self.drafts.iter().any(held)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_files_read_and_the_folders_that_hold_them() {
        let mut b = Baseline::default();
        b.sources.insert(PathBuf::from("/site/content/articles/a.md"));
        b.copied.insert(PathBuf::from("/site/content/articles/pics/p.png"));
        for known in [
            "/site/content/articles",
            "/site/content/articles/a.md",
            "/site/content/articles/pics/",
        ] {
            assert!(b.knows(Path::new(known)), "{known}");
        }
        for stray in [
            "/site/content/art",
            "/site/content/articles/a",
            "/site/content/articles/sedT0q",
        ] {
            assert!(!b.knows(Path::new(stray)), "{stray}");
        }
    }
}
