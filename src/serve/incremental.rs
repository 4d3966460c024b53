//! The rebuild engine: keeps the loaded site in memory, its outputs in the
//! [`Store`], and redoes only what a batch of changes touched.
//!
//! 1. [`Engine::apply`] adds the batch to the pending changes and asks
//!    [`plan`] how to rebuild.
//! 2. Full: [`prepare`] everything again. Slow: [`patch::reconcile`] the
//!    library. Both render every output. Fast: [`patch::replace_pages`],
//!    then only the tasks and parts whose deps were touched
//!    ([`Index::dirty`]).
//! 3. Feeds, search and the sitemap are left stale after a rebuild and
//!    redone by [`Engine::complete`] when one of their files is asked for.
//! 4. A good rebuild swaps its files in, replaces the baseline and clears
//!    the pending changes; a failed one keeps the last good files and
//!    shows its errors.

use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use super::baseline::{Baseline, Facet};
use super::dirty::{Index, Touched};
use super::patch;
use super::plan::{Fast, Pending, Plan, plan};
use super::record::{Redo, Tasks};
use super::run::{check, count_pages, errors_of, everything, parse_env, render_all, render_into, swap_in, view_env};
use super::store::{Outputs, Store};
use super::watch::{Change, Classifier};
use crate::content::markdown_pass::Permalinks;
use crate::error::Diagnostic;
use crate::images;
use crate::render::jobs::Task;
use crate::render::select::{Part, Shared};
use crate::render::shortcodes::TeraShortcodes;
use crate::render::templates::Templates;
use crate::site::{BuildOptions, Site, prepare};

mod complete;

/// Parts redone only when one of their files is asked for.
pub const DEFERRED: [Part; 3] = [Part::Feeds, Part::Search, Part::Builtins];

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
}

/// Keeps the site and rebuilds it.
pub struct Engine {
    opts: BuildOptions,
    loaded: Option<Loaded>,
    pending: Pending,
    /// Page files whose Markdown a failed rebuild rendered.
    unrendered: HashSet<PathBuf>,
    /// A failed rebuild left the library half-updated.
    lib_dirty: bool,
    store: Arc<Store>,
    /// Images added or changed since the last load (which alone makes
    /// renditions known): shown as they are until made in the background.
    unmade: Vec<images::Pending>,
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
        }
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
                let content = l.p.config.content_dir();
                let env = parse_env(&l.p.config, &l.p.clock, self.opts.drafts, &content);
                plan(&self.pending, &l.baseline, &env, self.lib_dirty)
            }
        };
        let outcome = match decided {
            Plan::Full => self.full(),
            Plan::Slow => self.slow(),
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

    /// Brings the library up to date with the disk and renders every output.
    fn slow(&mut self) -> Outcome {
        let Some(mut l) = self.loaded.take() else {
            return self.full();
        };
        match self.slow_render(&mut l.p) {
            Ok((shared, outputs)) => Ok(self.install(l.p, shared, outputs)),
            Err(d) => {
                self.loaded = Some(l);
                Err(d)
            }
        }
    }

    fn slow_render(&mut self, p: &mut Site) -> Result<(Shared, Outputs), Vec<Diagnostic>> {
        if !self.pending.templates.is_empty() {
            p.templates = Templates::load(&p.config, &p.images)?;
        }
        let touched: HashSet<PathBuf> = self.pending.content.iter().cloned().collect();
        let content = p.config.content_dir();
        let env = parse_env(&p.config, &p.clock, self.opts.drafts, &content);
        self.lib_dirty = true;
        let shortcodes = TeraShortcodes(&p.templates);
        let done = patch::reconcile(&mut p.lib, &p.config, &env, (&touched, &self.unrendered), &shortcodes);
        self.unrendered.extend(done.rendered);
        check(done.diags)?;
        p.refigure();
        render_all(p)
    }

    /// Takes a new loaded site and all its outputs; the deferred parts are
    /// stale. Returns what was rendered.
    fn install(&mut self, p: Site, shared: Shared, outputs: Outputs) -> Rebuilt {
        let pages = count_pages(&outputs);
        let baseline = Baseline::new(&view_env(&p), &outputs);
        let index = Index::new(&outputs);
        let links = Permalinks::new(&p.lib, &p.config.base_path);
        {
            let mut site = self.store.write();
            site.outputs = outputs;
            site.status.stale = DEFERRED.into_iter().collect();
        }
        self.loaded = Some(Loaded {
            p,
            shared,
            baseline,
            index,
            links,
        });
        Rebuilt::Pages(pages)
    }

    /// Renders only what the deps of `f`'s changes reach.
    fn fast(&mut self, f: Fast) -> Outcome {
        let Some(l) = self.loaded.as_mut() else {
            return self.full();
        };
        if f.is_empty() {
            return Ok(match (f.css_only, f.files) {
                (true, _) => Rebuilt::Css,
                (false, true) => Rebuilt::Files,
                (false, false) => Rebuilt::Nothing,
            });
        }
        let templates = match f.templates.is_empty() {
            true => None,
            false => Some(Templates::load(&l.p.config, &l.p.images)?),
        };
        let shortcodes = TeraShortcodes(&l.p.templates);
        let (diags, ids) = patch::replace_pages(&mut l.p.lib, f.pages, &l.p.config, (&shortcodes, &l.links));
        check(diags)?;
        let mut touched = Touched::default();
        if let Some(t) = templates {
            let names_changed = t.files.keys().ne(l.p.templates.files.keys());
            let in_markdown = t
                .files
                .keys()
                .filter(|n| n.starts_with("shortcodes/"))
                .any(|n| t.closure(n).iter().any(|c| f.templates.contains(c)));
            l.p.templates = t;
            if in_markdown {
                // A shortcode renders differently: every body may change.
                self.pending.full = true;
                return self.full();
            }
            if names_changed {
                // A template came or went: which template a page uses may change.
                return self.rerender_all();
            }
            touched.templates = f.templates.iter().cloned().collect();
        }
        let env = view_env(&l.p);
        let mut facets = Vec::new();
        for id in ids {
            let page = &env.lib.pages[id];
            let facet = Facet::of(&env, id);
            touched.page(&page.rel_path);
            if l.baseline
                .pages
                .get(&page.file)
                .is_none_or(|old| old.summary != facet.summary)
            {
                touched.summary_changed(&page.rel_path);
            }
            facets.push((page.file.clone(), facet));
        }
        let (tasks, mut parts) = l.index.dirty(&touched);
        let mut drop = BTreeSet::new();
        if f.copied_moved {
            // A copied file may now stand where search or the sitemap would
            // write (theirs give way): their files go until they are redone.
            parts.insert(Part::Assets);
            drop.extend([Part::Search, Part::Builtins]);
        }
        let rendered = self.rerender(tasks, parts, drop)?;
        if let Some(l) = self.loaded.as_mut() {
            l.baseline.pages.extend(facets);
            if f.copied_moved {
                l.baseline.copied = Baseline::copied_of(&self.store.read().outputs);
            }
        }
        Ok(Rebuilt::Pages(rendered))
    }

    /// Renders every output again with the library as it is (so its
    /// shared data stay as they are).
    fn rerender_all(&mut self) -> Outcome {
        let Some(mut l) = self.loaded.take() else {
            return self.full();
        };
        match render_into(&mut l.p, &l.shared, &Outputs::new(), everything()) {
            Ok(outputs) => Ok(self.install(l.p, l.shared, outputs)),
            Err(d) => {
                self.loaded = Some(l);
                self.lib_dirty = true;
                Err(d)
            }
        }
    }

    /// Renders `tasks` and `parts` over the current outputs and swaps the
    /// results in; deferred parts are only marked stale, those in `drop`
    /// lose their files until then. Returns the number of HTML pages
    /// rendered.
    fn rerender(
        &mut self,
        tasks: HashSet<Task>,
        parts: BTreeSet<Part>,
        drop: BTreeSet<Part>,
    ) -> Result<usize, Vec<Diagnostic>> {
        let Some(l) = self.loaded.as_mut() else {
            return Ok(0);
        };
        let (mut deferred, mut run): (BTreeSet<Part>, BTreeSet<Part>) =
            parts.into_iter().partition(|p| DEFERRED.contains(p));
        if !tasks.is_empty() {
            run.insert(Part::Jobs);
        }
        deferred.extend(drop.iter().copied());
        let redo = Redo {
            tasks: Tasks::Some(tasks),
            parts: run,
            drop,
        };
        let new = match redo.parts.is_empty() {
            true => Outputs::new(),
            false => render_into(&mut l.p, &l.shared, &self.store.read().outputs, redo.clone())?,
        };
        let pages = count_pages(&new);
        swap_in(&self.store, &mut l.index, &redo, new);
        self.store.write().status.stale.extend(deferred);
        Ok(pages)
    }
}
