//! Running one render for the [`Engine`](super::incremental::Engine): the
//! helpers between the loaded site, the [`Recorder`] and the [`Store`].
//!
//! 1. [`task_map`] lists every task of the loaded site with the path of
//!    its file, without making any job.
//! 2. [`render_into`] renders what a [`Redo`] says over the current files
//!    and returns the new ones, or the errors; [`render_all`] renders every
//!    output afresh.
//! 3. [`swap_in`] replaces the redone files in the store and the index.
//! 4. Small views of the loaded site: [`view_env`], [`parse_env`].

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use super::dirty::Index;
use super::record::{Recorder, Redo, Tasks};
use super::store::{By, Outputs, Store};
use crate::config::Config;
use crate::content::parse::ParseEnv;
use crate::error::{Diagnostic, Error};
use crate::images::sink::ImageSink;
use crate::render::jobs::Task;
use crate::render::select::{Part, Shared};
use crate::render::{self, GlobalKeys, views::ViewEnv};
use crate::site::Site;
use crate::time::SiteClock;

/// Path → the task that makes the file there, for every task of a site.
#[derive(Debug, Clone, Default)]
pub struct TaskMap {
    /// (path, task), sorted by path, one per path.
    by_path: Vec<(String, Task)>,
    /// Paths two tasks claim (a build reports them), with the task not in
    /// `by_path`.
    pub clashes: Vec<(String, Task)>,
}

impl TaskMap {
    /// The task whose file is at `path`.
    pub fn get(&self, path: &str) -> Option<Task> {
        self.by_path
            .binary_search_by(|(p, _)| p.as_str().cmp(path))
            .ok()
            .map(|i| self.by_path[i].1)
    }

    /// Whether a task's file is at `path`.
    pub fn contains(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    /// Every (path, task), by path.
    pub fn iter(&self) -> impl Iterator<Item = &(String, Task)> {
        self.by_path.iter()
    }

    /// The tasks at `paths` (those that have one), with their paths.
    pub fn tasks_at<'a>(&self, paths: impl IntoIterator<Item = &'a String>) -> HashMap<Task, String> {
        paths
            .into_iter()
            .filter_map(|p| self.get(p).map(|t| (t, p.clone())))
            .collect()
    }
}

/// Every task of `p` with the path of its file.
pub fn task_map(p: &Site, shared: &Shared) -> TaskMap {
    use rayon::prelude::*;
    let env = view_env(p);
    let tasks = render::all_tasks(&env, &p.templates, shared, &mut Vec::new());
    let mut all: Vec<(String, Task)> = tasks.par_iter().map(|&t| (shared.path_of(&env, t), t)).collect();
    all.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut map = TaskMap::default();
    map.by_path.reserve(all.len());
    for (path, task) in all {
        match map.by_path.last() {
            Some((last, _)) if *last == path => map.clashes.push((path, task)),
            _ => map.by_path.push((path, task)),
        }
    }
    map
}

/// The task files that came (in `tasks`, not held as a task's file in
/// `outputs`) and went (held, not in `tasks`), walking both in path order.
pub fn came_and_went(tasks: &TaskMap, outputs: &Outputs) -> (Vec<String>, Vec<String>) {
    let mut came = Vec::new();
    let mut went = Vec::new();
    let mut held = outputs
        .iter()
        .filter(|(_, e)| e.by == By::Task)
        .map(|(p, _)| p)
        .peekable();
    for (path, _) in tasks.iter() {
        while let Some(h) = held.next_if(|h| h.as_str() < path.as_str()) {
            went.push(h.clone());
        }
        match held.next_if(|h| *h == path) {
            Some(_) => {}
            None => came.push(path.clone()),
        }
    }
    went.extend(held.cloned());
    (came, went)
}

/// Replaces the files of what `redo` redid with `new`, in the store and
/// the index; the redone files leave [`Site::unverified`](super::store::Site::unverified).
pub fn swap_in(store: &Store, index: &mut Index, redo: &Redo, new: Outputs) {
    let mut site = store.write();
    let mut gone: Vec<String> = redo.gone.iter().cloned().collect();
    for part in redo.parts.iter().chain(&redo.drop) {
        gone.extend(index.files_of(*part));
    }
    match &redo.tasks {
        Tasks::All if redo.parts.contains(&Part::Jobs) => gone.extend(
            site.outputs
                .iter()
                .filter(|(_, e)| e.by == By::Task)
                .map(|(p, _)| p.clone()),
        ),
        Tasks::All => {}
        Tasks::Some(map) if redo.parts.contains(&Part::Jobs) => gone.extend(map.values().cloned()),
        Tasks::Some(_) => {}
    }
    // A file kept as it was (the same entry) stays where it is.
    let same = |site: &super::store::Site, path: &str| {
        new.get(path)
            .zip(site.outputs.get(path))
            .is_some_and(|(n, o)| std::sync::Arc::ptr_eq(n, o))
    };
    for path in gone {
        if same(&site, &path) {
            continue;
        }
        if let Some(e) = site.outputs.remove(&path) {
            index.remove(&path, &e);
        }
        site.unverified.done(&path);
    }
    for (path, e) in new {
        site.unverified.done(&path);
        if site.outputs.get(&path).is_some_and(|o| std::sync::Arc::ptr_eq(o, &e)) {
            continue;
        }
        if let Some(old) = site.outputs.remove(&path) {
            index.remove(&path, &old);
        }
        index.add(&path, &e);
        site.outputs.insert(path, e);
    }
}

/// The HTML pages made by tasks among `outputs` (not redirects or files).
pub fn count_pages(outputs: &Outputs) -> usize {
    outputs
        .iter()
        .filter(|(k, e)| k.ends_with(".html") && e.by == By::Task)
        .count()
}

/// Every task and every part but the deferred ones.
pub fn everything() -> Redo {
    Redo {
        tasks: Tasks::All,
        gone: HashSet::new(),
        parts: [Part::Jobs, Part::Assets, Part::Redirects, Part::Dashboard].into(),
        drop: BTreeSet::new(),
        feeds: None,
    }
}

/// The errors of a failed load.
pub fn errors_of(e: Error) -> Vec<Diagnostic> {
    match e {
        Error::Site(d) => d.into_iter().filter(Diagnostic::is_error).collect(),
        Error::Refused(why) => vec![Diagnostic::error("kepu", 0, 0, why)],
        other => vec![Diagnostic::error("kepu", 0, 0, other.to_string())],
    }
}

/// `Err` with the errors among `diags`, if any.
pub fn check(diags: Vec<Diagnostic>) -> Result<(), Vec<Diagnostic>> {
    let errors: Vec<Diagnostic> = diags.into_iter().filter(Diagnostic::is_error).collect();
    match errors.is_empty() {
        true => Ok(()),
        false => Err(errors),
    }
}

/// What templates see of `p`.
pub fn view_env(p: &Site) -> ViewEnv<'_> {
    ViewEnv::new(&p.config, &p.clock, &p.lib, &p.data)
}

/// The id of the page of `lib` read from `file` (under `content`).
pub fn page_id(lib: &crate::content::Library, content: &Path, file: &Path) -> Option<usize> {
    let rel = crate::output::safe_path::to_slash(file.strip_prefix(content).ok()?);
    let &id = lib.by_rel_path.get(&rel)?;
    (lib.pages[id].file == file).then_some(id)
}

/// What the parser needs of the loaded site.
pub fn parse_env<'a>(config: &'a Config, clock: &'a SiteClock, drafts: bool, content: &'a Path) -> ParseEnv<'a> {
    ParseEnv {
        content,
        root: &config.root,
        clock,
        drafts,
        paginate_by: config.site.paginate_by,
        lang: config.lang,
    }
}

/// What one render made.
#[derive(Debug, Default)]
pub struct Made {
    /// The new files (and the task files kept as they were).
    pub outputs: Outputs,
    /// Task files found made of the same, kept without rendering.
    pub kept: usize,
    /// The keys of the global context it put in place (none when it
    /// rendered no template: the context is as it was).
    pub keys: Option<GlobalKeys>,
}

/// Renders what `redo` says over the `current` outputs, the global context
/// put in place first; returns the new files. `links`: check the site's
/// local links and images against the files there are (needed when files
/// came or went).
pub fn render_into(
    p: &mut Site,
    shared: &Shared,
    current: &Outputs,
    redo: Redo,
    links: bool,
) -> Result<Made, Vec<Diagnostic>> {
    render_scoped(p, shared, current, redo, Scope::Whole { links })
}

/// Renders the tasks of `redo` (no part) over the `current` outputs, with
/// the global context a render of the same library and templates put in
/// place (`keys`): what checking a few files costs.
pub fn render_tasks_into(
    p: &mut Site,
    shared: &Shared,
    current: &Outputs,
    redo: Redo,
    keys: GlobalKeys,
) -> Result<Made, Vec<Diagnostic>> {
    let tasks: Vec<Task> = match &redo.tasks {
        Tasks::Some(map) => map.keys().copied().collect(),
        // Every task is what a whole render does.
        Tasks::All => return render_scoped(p, shared, current, redo, Scope::Whole { links: false }),
    };
    render_scoped(p, shared, current, redo, Scope::Tasks(tasks, keys))
}

/// What [`render_scoped`] renders.
enum Scope {
    /// Every task and part `redo` selects, the global context put in place
    /// first; `links` as for [`render_into`].
    Whole { links: bool },
    /// These tasks alone, over the global context `keys` describes.
    Tasks(Vec<Task>, GlobalKeys),
}

fn render_scoped(
    p: &mut Site,
    shared: &Shared,
    current: &Outputs,
    redo: Redo,
    scope: Scope,
) -> Result<Made, Vec<Diagnostic>> {
    // Only jobs and the search page render templates, and only jobs and
    // redirects need the list of tasks.
    let templated = redo.parts.contains(&Part::Jobs) || redo.parts.contains(&Part::Search);
    let listed = redo.parts.contains(&Part::Jobs) || redo.parts.contains(&Part::Redirects);
    let recorder = Recorder::new(current, redo);
    let Site {
        config,
        clock,
        lib,
        templates,
        data,
        images,
        ..
    } = p;
    let mut env = ViewEnv::new(config, clock, lib, data);
    let sink = ImageSink::new(&recorder, images, &config.root);
    let out = (
        &sink as &dyn crate::output::sink::Sink,
        &recorder as &dyn crate::render::select::Select,
    );
    let (mut diags, keys) = match scope {
        Scope::Whole { links } => {
            let keys = templated.then(|| render::globals(&env, templates));
            let mut redirects = Vec::new();
            let tasks = match listed {
                true => render::all_tasks(&env, templates, shared, &mut redirects),
                false => Vec::new(),
            };
            // Without templates rendered, no job reads the keys.
            let given = keys.unwrap_or(GlobalKeys { globals: 0, data: 0 });
            let mut diags = render::render_tasks(&mut env, templates, shared, out, (&tasks, redirects, given), None);
            if links {
                diags.extend(crate::check::refs::after_render(lib, config, images, &sink));
            }
            (diags, keys)
        }
        Scope::Tasks(tasks, keys) => {
            let diags = render::render_tasks(&mut env, templates, shared, out, (&tasks, Vec::new(), keys), None);
            (diags, Some(keys))
        }
    };
    diags.extend(sink.finish());
    check(diags)?;
    let (outputs, kept) = recorder.finish();
    Ok(Made { outputs, kept, keys })
}

/// Renders every output of `p` afresh, with the shared data of its library.
pub fn render_all(p: &mut Site) -> Result<(Shared, Outputs), Vec<Diagnostic>> {
    let shared = Shared::new(&view_env(p), &p.dashboard, &p.plan);
    let made = render_into(p, &shared, &Outputs::new(), everything(), true)?;
    Ok((shared, made.outputs))
}
