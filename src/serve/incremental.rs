//! The rebuild engine: keeps the loaded site in memory, its outputs in the
//! [`Store`], and redoes only what a batch of changes touched.
//!
//! 1. [`Engine::apply`] adds the batch to the pending changes and asks
//!    [`plan`] how to rebuild.
//! 2. Full: [`prepare`] everything again and render every output (the
//!    configuration changed, or nothing is loaded yet).
//! 3. Structure (front matter, pages that came, went or moved, data files,
//!    templates that came or went): [`patch::reconcile`] the library,
//!    derive its lists again and list every task with the path of its file
//!    ([`task_map`]). Files of tasks that are gone go; new files are
//!    rendered at once, with the files of the pages read again; every other
//!    file becomes *unverified*.
//! 4. Fast (page bodies, templates): [`patch::replace_pages`], then the
//!    files whose deps were touched ([`Index::dirty`]): a few at once, the
//!    others unverified.
//! 5. An unverified file is checked before it is served
//!    ([`Engine::verify`]) and, while nothing else is asked, in the
//!    background ([`Engine::sweep`]): its job is made and its key compared
//!    with the key of the file held ([`Job::key`]); only a file whose key
//!    changed is rendered again.
//! 6. Feeds, search and the sitemap are left stale after a rebuild and
//!    redone by [`Engine::complete`] when one of their files is asked for.
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
mod feeds;
mod years;

pub use complete::Want;

/// Parts redone only when one of their files is asked for.
pub const DEFERRED: [Part; 3] = [Part::Feeds, Part::Search, Part::Builtins];

/// Files rendered at once by a rebuild beyond the pages it read again (the
/// others are checked when asked for, or in the background).
const EAGER: usize = 24;

/// Prints how long each step of a rebuild took, when `KEPU_SERVE_TIMING`
/// is set (for profiling, never in normal use).
struct Laps(Option<(std::time::Instant, Vec<(&'static str, u128)>)>);

impl Laps {
    fn start() -> Self {
        Laps(std::env::var_os("KEPU_SERVE_TIMING").map(|_| (std::time::Instant::now(), Vec::new())))
    }

    fn lap(&mut self, name: &'static str) {
        if let Some((t, laps)) = &mut self.0 {
            laps.push((name, t.elapsed().as_micros()));
            *t = std::time::Instant::now();
        }
    }

    fn print(&self, what: &str) {
        if let Some((_, laps)) = &self.0 {
            let shown: Vec<String> = laps
                .iter()
                .map(|(n, us)| format!("{n} {:.1}", *us as f64 / 1000.0))
                .collect();
            eprintln!("[timing] {what}: {} ms", shown.join(", "));
        }
    }
}

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

    /// Brings the library up to date with the disk (and the data files and
    /// templates, when they changed), lists every task again and renders
    /// what is new; every other file is checked later.
    fn structural(&mut self) -> Outcome {
        let Some(mut l) = self.loaded.take() else {
            return self.full();
        };
        let outcome = self.structural_in(&mut l);
        self.loaded = Some(l);
        outcome
    }

    fn structural_in(&mut self, l: &mut Loaded) -> Outcome {
        let mut laps = Laps::start();
        l.keys = None;
        let p = &mut l.p;
        if !self.pending.templates.is_empty() {
            p.templates = Templates::load(&p.config, &p.images)?;
        }
        // The plan's inputs as they are now (the figures are worked out
        // from them below).
        let mut inputs = p.plan.inputs.clone();
        if self.pending.data {
            let mut diags = Vec::new();
            let (data, read) = crate::report::plan::load_data(&p.config.root, &mut diags);
            check(diags)?;
            p.data = data;
            inputs = Arc::new(read);
        }
        // A file that came and went since the last build and held none of
        // the site's (an editor's temporary file, saving by renaming over
        // the page) changes nothing: it needs no walk of `content/`.
        let baseline = &l.baseline;
        let touched: HashSet<PathBuf> = self
            .pending
            .content
            .iter()
            .filter(|f| f.exists() || baseline.knows(f))
            .cloned()
            .collect();
        let content = p.config.content_dir();
        let env = parse_env(&p.config, &p.clock, self.opts.drafts, &content);
        // The feeds of the pages as they were (before anything can fail, so
        // that a rebuild after a failed one still knows them). Templates and
        // data files show in no feed, but they are redone whole with them.
        let scoped = self.pending.templates.is_empty() && !self.pending.data;
        feeds::touch(&mut self.feeds_touched, scoped.then(|| feeds::feeds_of(&p.lib, &p.config, &content, &touched)));
        // The `@/` paths of the pages read, for the files that showed them.
        let before: Vec<String> = touched
            .iter()
            .filter_map(|f| Some(p.lib.pages[page_id(&p.lib, &content, f)?].rel_path.clone()))
            .collect();
        // From here on, a failure leaves the library half-updated.
        let settled = !self.lib_dirty;
        // The years of the articles as they were (of a library that is as
        // the last good rebuild left it).
        let years_before = match scoped && settled {
            true => years::of_articles(&p.lib, &p.clock, &content, &touched),
            false => None,
        };
        self.lib_dirty = true;
        let shortcodes = TeraShortcodes(&p.templates);
        laps.lap("start");
        let links = std::mem::take(&mut l.links);
        let done = patch::reconcile(
            &mut p.lib,
            &p.config,
            &env,
            (&touched, &self.unrendered, settled),
            (&shortcodes, links),
        );
        self.unrendered.extend(done.rendered.iter().cloned());
        l.links = done.links;
        // And as they are, with the pages rendered again: when only pages
        // changed, the other feeds are as they were.
        let pages_only = scoped && done.moves.is_some() && !done.slugs_moved && !done.walked;
        let now = || feeds::feeds_of(&p.lib, &p.config, &content, done.rendered.iter().chain(&touched));
        feeds::touch(&mut self.feeds_touched, pages_only.then(now));
        // Only the summaries of the years of the articles read can differ.
        let years = match (pages_only, years_before) {
            (true, Some(mut before)) => years::of_articles(&p.lib, &p.clock, &content, &touched).map(|now| {
                before.extend(now);
                before
            }),
            _ => None,
        };
        check(done.diags)?;
        laps.lap("reconcile");
        let (dashboard, plan, shared) = {
            let (lib, config, clock) = (&p.lib, &p.config, &p.clock);
            let env = view_env(p);
            let old = &l.shared.taxonomies;
            let terms = || match &done.moves {
                // Only pages moved and no term changed its address.
                Some((remap, added)) if !done.slugs_moved => old.moved(lib, remap, added),
                _ => Taxonomies::new(&env, lib),
            };
            let last = p.plan.clone();
            let figures = || {
                let dashboard = crate::report::dashboard::compute(lib, config, clock);
                let plan = match &years {
                    Some(redo) => PlanReport::compute_again(&last, redo, inputs, (lib, config, clock), &dashboard),
                    None => PlanReport::compute(inputs, lib, config, clock, &dashboard),
                };
                (dashboard, plan)
            };
            let before = (p.dashboard.clone(), p.plan.clone());
            Shared::with_figures(&env, figures, terms, before)
        };
        p.dashboard = dashboard;
        p.plan = plan;
        shared.kinds.keep_qr_from(&l.shared.kinds);
        l.shared = shared;
        // The terms worked out from the last ones are those of the library.
        #[cfg(debug_assertions)]
        assert!(
            Taxonomies::new(&view_env(p), &p.lib).same_as(&l.shared.taxonomies),
            "terms after an edit"
        );
        laps.lap("shared");
        let tasks = task_map(p, &l.shared);
        laps.lap("tasks");
        // The files to render now: new ones, those of the pages read or
        // rendered again, and any path two tasks claim (so that the
        // collision is reported).
        let changed: HashSet<&PathBuf> = done.rendered.iter().chain(&touched).collect();
        let mut now: HashSet<String> = changed
            .iter()
            .filter_map(|file| file.strip_prefix(&content).ok())
            .filter_map(|rel| p.lib.page(&crate::output::safe_path::to_slash(rel)))
            .flat_map(|page| {
                [
                    format!("{}index.html", page.path),
                    format!("{}poster/index.html", page.path),
                ]
            })
            .filter(|path| tasks.contains(path))
            .collect();
        let (came, gone) = came_and_went(&tasks, &self.store.read().outputs);
        now.extend(came);
        let gone: HashSet<String> = gone.into_iter().collect();
        let mut eager = tasks.tasks_at(&now);
        eager.extend(tasks.clashes.iter().map(|(path, task)| (*task, path.clone())));
        // Search and the sitemap give way to a page or copied file of the
        // site's own at their paths: their files go until they are redone
        // when one may have come.
        let drop: BTreeSet<Part> = match done.walked || now.iter().any(|p| p.starts_with("search/")) {
            true => [Part::Search, Part::Builtins].into(),
            false => BTreeSet::new(),
        };
        // And the files that showed the pages read or show them now.
        let ids: Vec<usize> = touched.iter().filter_map(|f| page_id(&p.lib, &content, f)).collect();
        let near = near::near((&view_env(p), &l.shared, &tasks), &l.index, &ids, &before);
        eager.extend(tasks.tasks_at(&near));
        let mut parts: BTreeSet<Part> = match done.walked {
            true => [Part::Jobs, Part::Assets, Part::Redirects, Part::Dashboard].into(),
            // Only Markdown changed: the copied files are as they were.
            false => [Part::Jobs, Part::Redirects, Part::Dashboard].into(),
        };
        // When the feeds the edits can have changed are known (the others
        // are held), they are made with it: fewer than a request would wait
        // for.
        let feeds = self.feeds_touched.clone();
        if feeds.is_some() {
            parts.insert(Part::Feeds);
        }
        let redo = Redo {
            tasks: Tasks::Some(eager),
            gone,
            parts,
            drop,
            feeds,
        };
        laps.lap("pick");
        let made = render_into(p, &l.shared, &self.store.read().outputs, redo.clone(), true)?;
        l.keys = made.keys;
        #[cfg(debug_assertions)]
        if redo.feeds.is_some() {
            complete::same_feeds_as_made_whole(p, &l.shared, &self.store.read().outputs, &made.outputs);
        }
        laps.lap("render");
        let rendered = count_pages(&made.outputs).saturating_sub(made.kept);
        {
            let mut site = self.store.write();
            site.unverified.all();
            site.status.stale.extend(DEFERRED);
            if redo.feeds.is_some() {
                site.status.stale.remove(&Part::Feeds);
                self.feeds_touched = Some(FeedScope::default());
            }
        }
        // The files just made are checked.
        swap_in(&self.store, &mut l.index, &redo, made.outputs);
        laps.lap("swap");
        l.tasks = tasks;
        let facets_of: Vec<PathBuf> = changed.into_iter().cloned().collect();
        l.baseline.update(
            &view_env(p),
            &self.store.read().outputs,
            &facets_of,
            (done.slugs_moved || done.walked, done.walked),
        );
        laps.lap("baseline");
        laps.print("structure");
        Ok(Rebuilt::Pages(rendered))
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
        let mut touched = Touched::default();
        if let Some(t) = templates {
            let names_changed = t.files.keys().ne(l.p.templates.files.keys());
            let in_markdown = t
                .files
                .keys()
                .filter(|n| n.starts_with("shortcodes/"))
                .any(|n| t.closure(n).iter().any(|c| f.templates.contains(c)));
            l.p.templates = t;
            l.keys = None;
            if in_markdown {
                // A shortcode renders differently: every body may change.
                self.pending.full = true;
                return self.full();
            }
            if names_changed {
                // A template came or went: which template a page uses, and
                // which pages there are, may change. The templates are
                // in place already.
                self.pending.templates.clear();
                return self.structural();
            }
            touched.templates = f.templates.iter().cloned().collect();
        }
        let shortcodes = TeraShortcodes(&l.p.templates);
        let (diags, ids) = patch::replace_pages(&mut l.p.lib, f.pages, &l.p.config, (&shortcodes, &l.links));
        // The bodies changed: the feeds of their pages.
        let mut scope = FeedScope::default();
        for &id in &ids {
            scope.add_page(&l.p.lib, &l.p.config, id);
        }
        let scope = touched.templates.is_empty().then_some(scope);
        feeds::touch(&mut self.feeds_touched, scope);
        check(diags)?;
        let env = view_env(&l.p);
        let mut facets = Vec::new();
        let mut own = HashSet::new();
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
            own.insert(format!("{}index.html", page.path));
            facets.push((page.file.clone(), facet));
        }
        let (files, mut parts) = l.index.dirty(&touched);
        let mut drop = BTreeSet::new();
        if f.copied_moved {
            // A copied file may now stand where search or the sitemap would
            // write (theirs give way): their files go until they are redone.
            parts.insert(Part::Assets);
            drop.extend([Part::Search, Part::Builtins]);
        }
        // The edited pages at once, and a few more; the rest when asked for.
        let mut keyed: Vec<(bool, usize, String)> = files.into_iter().map(|p| (!own.contains(&p), p.len(), p)).collect();
        keyed.sort_unstable();
        let mut files: Vec<String> = keyed.into_iter().map(|(_, _, path)| path).collect();
        let rest = files.split_off(files.len().min(EAGER.max(own.len())));
        // Bodies changed: their local links and pictures are checked again.
        let links = !own.is_empty();
        let rendered = self.rerender(files, rest, (parts, drop), links)?;
        if let Some(l) = self.loaded.as_mut() {
            l.baseline.pages.extend(facets);
            if f.copied_moved {
                l.baseline.copied = Baseline::copied_of(&self.store.read().outputs);
            }
        }
        Ok(Rebuilt::Pages(rendered))
    }

    /// Renders the task files `now` and the `parts` over the current
    /// outputs and swaps the results in; the files `later` become
    /// unverified; deferred parts are only marked stale, those in `drop`
    /// lose their files until then. `links`: check the local links and
    /// pictures of every page. Returns the number of HTML pages rendered.
    fn rerender(
        &mut self,
        now: Vec<String>,
        later: Vec<String>,
        (parts, drop): (BTreeSet<Part>, BTreeSet<Part>),
        links: bool,
    ) -> Result<usize, Vec<Diagnostic>> {
        let Some(l) = self.loaded.as_mut() else {
            return Ok(0);
        };
        let (mut deferred, mut run): (BTreeSet<Part>, BTreeSet<Part>) =
            parts.into_iter().partition(|p| DEFERRED.contains(p));
        let tasks = l.tasks.tasks_at(&now);
        if !tasks.is_empty() {
            run.insert(Part::Jobs);
        }
        deferred.extend(drop.iter().copied());
        let redo = Redo {
            tasks: Tasks::Some(tasks),
            gone: HashSet::new(),
            parts: run,
            drop,
            feeds: None,
        };
        let made = match redo.parts.is_empty() {
            true => Default::default(),
            false => render_into(&mut l.p, &l.shared, &self.store.read().outputs, redo.clone(), links)?,
        };
        if made.keys.is_some() {
            l.keys = made.keys;
        }
        let pages = count_pages(&made.outputs).saturating_sub(made.kept);
        swap_in(&self.store, &mut l.index, &redo, made.outputs);
        let mut site = self.store.write();
        site.status.stale.extend(deferred);
        for path in later {
            site.unverified.add(path);
        }
        Ok(pages)
    }

    /// Checks the unverified task files at `paths` (those that are): each
    /// is rendered again only if what it is made of changed. Returns the
    /// number of HTML pages rendered.
    pub fn verify(&mut self, paths: &[String]) -> Result<usize, Vec<Diagnostic>> {
        let Some(l) = self.loaded.as_mut() else {
            return Ok(0);
        };
        if self.lib_dirty {
            // The library is half-updated: the last good files stay.
            return Ok(0);
        }
        let wanted: Vec<String> = {
            let site = self.store.read();
            paths
                .iter()
                .filter(|p| site.outputs.get(*p).is_some_and(|e| site.unverified.contains(p, e)))
                .cloned()
                .collect()
        };
        if wanted.is_empty() {
            return Ok(0);
        }
        let mut laps = Laps::start();
        let tasks = l.tasks.tasks_at(&wanted);
        let redo = Redo::tasks(tasks);
        let result = match l.keys {
            Some(keys) => render_tasks_into(&mut l.p, &l.shared, &self.store.read().outputs, redo.clone(), keys),
            None => render_into(&mut l.p, &l.shared, &self.store.read().outputs, redo.clone(), false),
        };
        match result {
            Ok(made) => {
                l.keys = made.keys;
                laps.lap("render");
                let pages = count_pages(&made.outputs).saturating_sub(made.kept);
                swap_in(&self.store, &mut l.index, &redo, made.outputs);
                let mut site = self.store.write();
                for p in &wanted {
                    site.unverified.done(p);
                }
                laps.lap("swap");
                laps.print(&format!("verify {} ({} rendered)", wanted.len(), pages));
                Ok(pages)
            }
            Err(d) => {
                let mut site = self.store.write();
                if *site.status.errors != d {
                    site.status.errors = Arc::new(d.clone());
                    site.status.generation += 1;
                }
                Err(d)
            }
        }
    }

    /// Whether some files are unverified (and can be checked now).
    pub fn has_unverified(&self) -> bool {
        let site = self.store.read();
        self.loaded.is_some() && !self.lib_dirty && site.status.errors.is_empty() && !site.unverified.is_empty()
    }

    /// Checks up to `n` unverified files (see [`Engine::verify`]).
    pub fn sweep(&mut self, n: usize) -> Result<usize, Vec<Diagnostic>> {
        let some: Vec<String> = {
            let mut site = self.store.write();
            if !site.status.errors.is_empty() {
                // A file that fails stays unverified; it is checked again
                // when asked for or after the next rebuild.
                return Ok(0);
            }
            let site = &mut *site;
            site.unverified.next(&site.outputs, n)
        };
        self.verify(&some)
    }
}
