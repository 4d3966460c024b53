//! The rebuild engine: keeps the loaded site in memory, its outputs in the
//! [`Store`], and redoes only what a batch of changes touched.
//!
//! 1. [`Engine::apply`] adds the batch to the pending changes and asks
//!    [`plan`] how to rebuild.
//! 2. Full: [`prepare`] everything again and render every output (the
//!    configuration changed, or nothing is loaded yet).
//! 3. Structure (front matter, pages that came, went or moved, data files,
//!    templates that came or went; `structural.rs`): [`patch::reconcile`]
//!    the library, derive its lists again and list every task with the
//!    path of its file ([`task_map`]). Files of tasks that are gone go; new
//!    files are rendered at once, side by side with the files of the pages
//!    read again and those that showed them or show them now
//!    ([`near::near`]); every other file becomes *unverified*.
//! 4. Fast (page bodies, templates; `fast.rs`): [`patch::replace_pages`],
//!    then the files whose deps were touched ([`Index::dirty`]): a few at
//!    once, the others unverified.
//! 5. An unverified file is checked before it is served
//!    ([`Engine::verify`]) and, while nothing else is asked, in the
//!    background ([`Engine::sweep`]): its job is made and its key compared
//!    with the key of the file held ([`Job::key`]); only a file whose key
//!    changed is rendered again.
//! 6. Feeds, search and the sitemap are left stale after a rebuild and
//!    redone by [`Engine::complete`] when one of their files is asked for;
//!    once the feeds were made, a rebuild notes which feeds its pages can
//!    have changed ([`FeedScope`], `feeds.rs`) and a front-matter edit makes
//!    those at once, the others kept as they are.
//! 7. A good rebuild swaps its files in, replaces the baseline and clears
//!    the pending changes; a failed one keeps the last good files and
//!    shows its errors.
//!
//! [`Job::key`]: crate::render::jobs::Job::key

use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use super::baseline::{Baseline, Facet};
use super::dirty::{Index, Touched};
use super::near;
use super::patch;
use super::plan::{Fast, Pending, Plan, plan};
use super::record::{Redo, Tasks};
use super::run::{
    TaskMap, came_and_went, check, count_pages, errors_of, page_id, parse_env, render_all, render_into,
    render_tasks_into, swap_in, task_map, view_env,
};
use super::store::{Outputs, Store};
use super::watch::{Change, Classifier};
use crate::content::markdown_pass::Permalinks;
use crate::error::Diagnostic;
use crate::feeds::FeedScope;
use crate::images;
use crate::render::GlobalKeys;
use crate::render::select::{Part, Shared};
use crate::render::shortcodes::TeraShortcodes;
use crate::render::taxonomies::Taxonomies;
use crate::render::templates::Templates;
use crate::report::plan::PlanReport;
use crate::site::{BuildOptions, Site, prepare};

mod complete;
mod fast;
mod feeds;
mod laps;
mod structural;
mod verify;
mod years;

use laps::Laps;

pub use complete::Want;

/// Parts redone only when one of their files is asked for.
pub const DEFERRED: [Part; 3] = [Part::Feeds, Part::Search, Part::Builtins];

/// Files rendered at once by a rebuild beyond the pages it read again (the
/// others are checked when asked for, or in the background).
const EAGER: usize = 24;

/// What a rebuild did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rebuilt {
    /// Nothing visible changed.
    Nothing,
    /// Only stylesheets changed (they are read when served).
    Css,
    /// Only copied files changed (they are read when served).
    Files,
    /// Outputs changed; this many HTML pages were rendered.
    Pages(usize),
}

type Outcome = Result<Rebuilt, Vec<Diagnostic>>;

/// The loaded site.
struct Loaded {
    p: Site,
    shared: Shared,
    baseline: Baseline,
    /// Deps and files of every output.
    index: Index,
    /// `@/` links, as long as no front matter changes.
    links: Permalinks,
    /// Every task with the path of its file.
    tasks: TaskMap,
    /// The keys of the global context in place, when it is (a render of
    /// the library and templates as they are put it there).
    keys: Option<GlobalKeys>,
}

/// Keeps the site and rebuilds it.
pub struct Engine {
    opts: BuildOptions,
    loaded: Option<Loaded>,
    pending: Pending,
    /// Page files whose Markdown a failed rebuild rendered.
    unrendered: HashSet<PathBuf>,
    /// A failed rebuild left the library half-updated: nothing is checked
    /// or redone from it until a rebuild succeeds.
    lib_dirty: bool,
    store: Arc<Store>,
    /// Images added or changed since the last load (which alone makes
    /// renditions known): shown as they are until made in the background.
    unmade: Vec<images::Pending>,
    /// The feeds that may differ from the files held, since the feeds
    /// were last made (`None`: any).
    feeds_touched: Option<FeedScope>,
    /// Warnings about the files the last rebuild read again (a line like
    /// `#标题`, a WeChat picture), for the editor to see at once.
    edit_warnings: Vec<Diagnostic>,
}

impl Engine {
    /// An engine for the site `opts` names; nothing is loaded yet.
    pub fn new(opts: BuildOptions) -> Self {
        Engine {
            opts,
            loaded: None,
            pending: Pending {
                full: true,
                ..Pending::default()
            },
            unrendered: HashSet::new(),
            lib_dirty: false,
            store: Arc::new(Store::default()),
            unmade: Vec::new(),
            feeds_touched: None,
            edit_warnings: Vec::new(),
        }
    }

    /// The warnings about the files the last rebuild read again, once.
    pub fn take_edit_warnings(&mut self) -> Vec<Diagnostic> {
        std::mem::take(&mut self.edit_warnings)
    }

    /// Images the loaded site shows as originals (or as they were) until
    /// their renditions are made, with the configuration to make them:
    /// those its load left waiting, and those added or changed since.
    pub fn pending_images(&self) -> Option<(crate::config::Config, Vec<images::Pending>)> {
        let l = self.loaded.as_ref()?;
        let pending: Vec<images::Pending> = l.p.images.pending.iter().chain(&self.unmade).cloned().collect();
        (!pending.is_empty()).then(|| (l.p.config.clone(), pending))
    }

    /// Loads the site again, now that renditions are in the cache.
    pub fn images_ready(&mut self) -> Outcome {
        self.pending.full = true;
        self.apply(&[])
    }

    /// The store the server reads.
    pub fn store(&self) -> Arc<Store> {
        self.store.clone()
    }

    /// Warnings of the loaded site.
    pub fn warnings(&self) -> Vec<Diagnostic> {
        self.loaded
            .as_ref()
            .map(|l| l.p.diagnostics.0.clone())
            .unwrap_or_default()
    }

    /// How to sort changed paths, for the loaded configuration.
    pub fn classifier(&self) -> Classifier {
        let (config_file, theme) = match &self.loaded {
            Some(l) => (l.p.config.path.clone(), l.p.config.site.theme.clone()),
            None => (self.opts.config_path(), "default".to_string()),
        };
        Classifier {
            root: self.opts.root.clone(),
            config_file,
            theme,
        }
    }

    /// Applies a batch of changes (an empty batch loads the site).
    pub fn apply(&mut self, changes: &[Change]) -> Outcome {
        self.pending.add(changes);
        let images_touched = changes
            .iter()
            .any(|c| c.path.to_str().is_some_and(images::is_processed));
        let decided = match &self.loaded {
            None => Plan::Full,
            Some(l) => {
                if self.pending.data && l.p.templates.shortcodes_read_data() {
                    // A shortcode reads the data: every body may change.
                    self.pending.full = true;
                }
                let content = l.p.config.content_dir();
                let env = parse_env(&l.p.config, &l.p.clock, self.opts.drafts, &content);
                plan(&self.pending, &l.baseline, &env, self.lib_dirty)
            }
        };
        let outcome = match decided {
            Plan::Full => self.full(),
            Plan::Slow => self.structural(),
            Plan::Fast(f) => self.fast(f),
            Plan::Failed(d) => Err(d),
        };
        match &outcome {
            Ok(Rebuilt::Nothing) => self.pending = Pending::default(),
            Ok(_) => {
                self.pending = Pending::default();
                self.unrendered.clear();
                self.lib_dirty = false;
                self.publish(Vec::new());
            }
            Err(d) => self.publish(d.clone()),
        }
        if images_touched
            && outcome.is_ok()
            && let Some(l) = &self.loaded
        {
            self.unmade = images::unmade(&l.p.config, &l.p.lib, &l.p.images);
        }
        outcome
    }

    fn publish(&self, errors: Vec<Diagnostic>) {
        let mut site = self.store.write();
        site.status.errors = Arc::new(errors);
        site.status.generation += 1;
    }

    /// Loads everything and renders every output.
    fn full(&mut self) -> Outcome {
        let mut p = prepare(&self.opts).map_err(errors_of)?;
        // The load knows every image as it is now.
        self.unmade.clear();
        let (shared, outputs) = render_all(&mut p)?;
        Ok(self.install(p, shared, outputs))
    }

    /// Takes a new loaded site and all its outputs; the deferred parts are
    /// stale. Returns what was rendered.
    fn install(&mut self, p: Site, shared: Shared, outputs: Outputs) -> Rebuilt {
        let pages = count_pages(&outputs);
        let baseline = Baseline::new(&view_env(&p), &outputs);
        let index = Index::new(&outputs);
        let links = Permalinks::new(&p.lib, &p.config.base_path);
        let tasks = task_map(&p, &shared);
        {
            let mut site = self.store.write();
            site.outputs = outputs;
            site.unverified.clear();
            site.status.stale = DEFERRED.into_iter().collect();
        }
        self.feeds_touched = None;
        self.loaded = Some(Loaded {
            p,
            shared,
            baseline,
            index,
            links,
            tasks,
            keys: None,
        });
        Rebuilt::Pages(pages)
    }
}
