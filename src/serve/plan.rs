//! Deciding how to rebuild after a batch of changes.
//!
//! 1. [`Pending`] gathers every change since the last good build (a failed
//!    rebuild keeps them, so the next one redoes them all).
//! 2. [`plan`] picks the cheapest correct way:
//!    - [`Plan::Full`]: load everything again (configuration, a folder
//!      appeared or went, shortcodes; or nothing loaded yet);
//!    - [`Plan::Slow`]: bring the library (and the data files) up to date
//!      with the disk and list the outputs again (pages came, went or
//!      changed front matter; data files changed);
//!    - [`Plan::Fast`]: only page bodies, templates or copied files
//!      changed: render the outputs whose deps they touch (possibly none:
//!      copied files are read when served);
//!    - [`Plan::Failed`]: an edited page has errors; nothing changes.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::baseline::{Baseline, ContentChange};
use super::patch::{self, Reread};
use super::watch::{Change, ChangeKind};
use crate::content::Page;
use crate::content::parse::ParseEnv;
use crate::error::Diagnostic;

/// Every change since the last good build.
#[derive(Debug, Clone, Default)]
pub struct Pending {
    /// Paths under `content/`.
    pub content: BTreeSet<PathBuf>,
    /// Template names.
    pub templates: BTreeSet<String>,
    /// Paths under a `static/`.
    pub statics: BTreeSet<PathBuf>,
    /// A data file changed.
    pub data: bool,
    /// Something that needs a full load.
    pub full: bool,
}

impl Pending {
    /// Adds a batch.
    pub fn add(&mut self, changes: &[Change]) {
        for c in changes {
            match &c.kind {
                ChangeKind::Content => {
                    self.content.insert(c.path.clone());
                }
                ChangeKind::Template(name) => {
                    self.templates.insert(name.clone());
                    if name.starts_with("shortcodes/") {
                        self.full = true;
                    }
                }
                ChangeKind::Static => {
                    self.statics.insert(c.path.clone());
                }
                ChangeKind::Data => self.data = true,
                ChangeKind::Config | ChangeKind::Folder => self.full = true,
            }
        }
    }
}

/// How to rebuild.
#[derive(Debug)]
pub enum Plan {
    /// Load and render everything.
    Full,
    /// Reconcile the library with the disk, list every output again.
    Slow,
    /// Render what the deps say.
    Fast(Fast),
    /// The edit has errors; nothing was changed.
    Failed(Vec<Diagnostic>),
}

/// What a fast rebuild does.
#[derive(Debug, Default)]
pub struct Fast {
    /// Pages read again, front matter as before.
    pub pages: Vec<Page>,
    /// Templates changed.
    pub templates: BTreeSet<String>,
    /// Copied files came or went.
    pub copied_moved: bool,
    /// Only stylesheets changed, in place.
    pub css_only: bool,
    /// Copied files changed in place.
    pub files: bool,
}

impl Fast {
    /// True when there is nothing to render.
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty() && self.templates.is_empty() && !self.copied_moved
    }
}

/// Picks the plan for `pending`. `slow` forces at least a slow rebuild
/// (the library was left half-updated by a failed one).
pub fn plan(pending: &Pending, baseline: &Baseline, env: &ParseEnv, slow: bool) -> Plan {
    if pending.full {
        return Plan::Full;
    }
    let mut structure = slow || pending.data;
    let mut fast = Fast::default();
    let mut diags = Vec::new();
    let mut failed = false;
    for path in &pending.content {
        match baseline.classify(path) {
            ContentChange::Page(file) if !structure => match baseline.pages.get(&file) {
                Some(facet) => match patch::reread(&file, env, facet, &mut diags) {
                    Reread::Same(p) => fast.pages.push(*p),
                    Reread::Structure => structure = true,
                    Reread::Failed => failed = true,
                },
                None => structure = true,
            },
            ContentChange::Page(_) | ContentChange::Structure => structure = true,
            ContentChange::Draft(file) => structure |= !patch::still_draft(&file, env),
            ContentChange::Nothing => fast.files |= baseline.copied.contains(path),
        }
    }
    if structure {
        return Plan::Slow;
    }
    if failed {
        return Plan::Failed(diags);
    }
    // A static file that is not a copied file still in place came or went.
    fast.copied_moved = pending
        .statics
        .iter()
        .any(|p| !(baseline.copied.contains(p) && p.is_file()));
    fast.files |= !pending.statics.is_empty();
    fast.css_only = pending.content.is_empty()
        && pending.templates.is_empty()
        && !fast.copied_moved
        && !pending.statics.is_empty()
        && pending
            .statics
            .iter()
            .all(|p| p.extension().is_some_and(|e| e == "css"));
    fast.templates = pending.templates.clone();
    Plan::Fast(fast)
}
