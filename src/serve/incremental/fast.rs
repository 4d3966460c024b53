//! The fast path: page bodies and templates changed; only the files whose
//! deps they reach are rendered again (a few at once, the others checked
//! later).

use super::*;

impl Engine {
    /// Renders only what the deps of `f`'s changes reach.
    pub(super) fn fast(&mut self, f: Fast) -> Outcome {
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
        // The bodies changed: the feeds of their pages (templates show in
        // no feed).
        let mut scope = FeedScope::default();
        for &id in &ids {
            scope.add_page(&l.p.lib, &l.p.config, id);
        }
        feeds::touch(&mut self.feeds_touched, Some(scope));
        self.edit_warnings
            .extend(diags.iter().filter(|d| !d.is_error()).cloned());
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
        let mut keyed: Vec<(bool, usize, String)> =
            files.into_iter().map(|p| (!own.contains(&p), p.len(), p)).collect();
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
}
