//! The slow path: a front-matter edit, pages that came, went or moved,
//! data files, templates that came or went. The library is brought up to
//! date with the disk, every task listed again, and what the edit surely
//! reaches rendered at once; every other file is checked later.

use super::*;

impl Engine {
    /// Brings the library up to date with the disk (and the data files and
    /// templates, when they changed), lists every task again and renders
    /// what is new; every other file is checked later.
    pub(super) fn structural(&mut self) -> Outcome {
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
        // that a rebuild after a failed one still knows them). Feeds and
        // figures are written by code, from pages (templates change neither;
        // a shortcode reloads everything); they are redone whole with data
        // files (the plan's figures read them).
        let scoped = !self.pending.data;
        feeds::touch(
            &mut self.feeds_touched,
            scoped.then(|| feeds::feeds_of(&p.lib, &p.config, &content, &touched)),
        );
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
        self.edit_warnings
            .extend(done.diags.iter().filter(|d| !d.is_error()).cloned());
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
}
