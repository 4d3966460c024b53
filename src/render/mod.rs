//! The render stage: from the library to output files in a [`Sink`].
//!
//! 1. Put the site view, the emergency banners and the data files in Tera's
//!    global context.
//! 2. List one [`jobs::Task`] per output: pages, section lists, taxonomies,
//!    home, 404.
//! 3. Render the tasks in parallel ([`jobs::run`]), each straight into the
//!    sink, after the search index (which needs no page output).
//! 4. Add copied files, feeds, the search page, redirects, the sitemap and
//!    robots.txt.

pub mod assets;
pub mod bodies;
pub mod builtin_theme;
pub mod builtins;
pub mod feeds_out;
pub mod jobs;
pub mod pages;
pub mod paginate;
pub mod search_page;
pub mod select;
pub mod shortcodes;
pub mod site_map;
pub mod site_view;
pub mod taxonomies;
pub mod template_errors;
pub mod templates;
pub mod views;

use crate::error::Diagnostic;
use crate::output::sink::Sink;
use crate::output::{Body, Dep};
use jobs::Task;
use select::{Part, Select, Shared};
use templates::Templates;
use views::ViewEnv;

/// Renders what `select` chooses into `sink`; `shared` is [`Shared::new`]
/// of the same library, and `texts` the plain texts a build handed over to
/// the search index (see [`render_tasks`]). Returns the diagnostics.
pub fn render_with(
    env_mut: &mut ViewEnv,
    templates: &mut Templates,
    shared: &Shared,
    out: (&dyn Sink, &dyn Select),
    texts: Option<&crate::content::handover::Handover>,
) -> Vec<Diagnostic> {
    let keys = globals(env_mut, templates);
    let mut redirects = Vec::new();
    let tasks = all_tasks(env_mut, templates, shared, &mut redirects);
    render_tasks(env_mut, templates, shared, out, (&tasks, redirects, keys), texts)
}

/// What every job of a render sees beside its own context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GlobalKeys {
    /// The key of the site, the banners and the breadcrumb titles.
    pub globals: u64,
    /// The key of the data files.
    pub data: u64,
}

/// Puts the site view, the emergency banners and the data files in Tera's
/// global context and the breadcrumb titles in `templates`; returns their
/// keys (see [`jobs::Job::key`]).
pub fn globals(env: &ViewEnv, templates: &mut Templates) -> GlobalKeys {
    let site = site_view::site(env);
    let banners = crate::kinds::views::banners(env);
    let g = templates.tera.global_context();
    g.insert("site", &site);
    g.insert("banners", &banners);
    g.insert("data", env.data);
    templates.crumb_titles = site_map::crumb_titles(env);
    let mut h = jobs::KeyHasher::new(1);
    h.value(&site);
    h.value(&banners);
    h.value(&templates.crumb_titles);
    let mut d = jobs::KeyHasher::new(2);
    d.value(env.data);
    GlobalKeys {
        globals: h.finish(),
        data: d.finish(),
    }
}

/// Every task of the site, in the order a build renders them; the
/// redirects from the first page of each list go to `redirects`.
pub fn all_tasks(
    env: &ViewEnv,
    templates: &Templates,
    shared: &Shared,
    redirects: &mut Vec<(String, String)>,
) -> Vec<Task> {
    let lib = env.lib;
    let (taxonomies, kinds) = (&shared.taxonomies, &shared.kinds);
    let mut tasks: Vec<Task> = (0..lib.pages.len()).map(Task::Page).collect();
    tasks.extend(pages::section_tasks(env, lib, kinds, redirects));
    tasks.extend(taxonomies.tasks(env, redirects));
    tasks.extend(kinds.tasks(env, lib));
    tasks.push(Task::Home);
    tasks.push(Task::NotFound);
    if templates.has("sitemap.html") && !lib.pages.iter().any(|p| p.path == site_map::URL) {
        tasks.push(Task::SiteMap);
    }
    tasks
}

/// The job of `task`.
pub fn job_of(env: &ViewEnv, shared: &Shared, task: Task) -> Option<jobs::Job> {
    let lib = env.lib;
    let (taxonomies, kinds) = (&shared.taxonomies, &shared.kinds);
    match task {
        Task::Page(id) => Some(kinds.page_context(env, lib, id, pages::page_job(env, lib, kinds, id))),
        Task::SectionPage(s, n) => {
            Some(kinds.section_context(env, lib, &lib.sections[s], n, pages::section_job(env, lib, kinds, s, n)))
        }
        Task::TaxonomyList(t) => Some(taxonomies.list_job(env, t)),
        Task::TermPage(t, i, n) => Some(taxonomies.term_job(env, lib, t, i, n)),
        Task::Home => Some(pages::home_job(env, lib)),
        Task::NotFound => Some(pages::not_found_job()),
        Task::Kind(t) => kinds.job(env, lib, t),
        Task::SiteMap => Some(site_map::job(env, &kinds.plan)),
    }
}

/// Renders the `tasks` and the parts `select` chooses into `sink`, the
/// global context being in place ([`globals`] gave `keys`); `redirects`
/// are the redirects [`all_tasks`] listed. The search index comes first,
/// from the texts handed over in `texts` (a build) or else from the
/// library. Returns the diagnostics.
pub fn render_tasks(
    env_mut: &mut ViewEnv,
    templates: &Templates,
    shared: &Shared,
    (sink, select): (&dyn Sink, &dyn Select),
    (tasks, redirects, keys): (&[Task], Vec<(String, String)>, GlobalKeys),
    texts: Option<&crate::content::handover::Handover>,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    // The index first: its memory is free again before the pages need theirs.
    let index = search_index(
        (env_mut.config, env_mut.clock, env_mut.lib),
        texts,
        (sink, select),
        &mut diags,
    );
    render_indexed(
        env_mut,
        templates,
        shared,
        (sink, select),
        (tasks, redirects, keys),
        index,
        &mut diags,
    );
    diags
}

/// Writes the search index of `lib` when `select` asks for it, taking the
/// texts handed over in `texts` (a build), else reading them in `lib`; its
/// manifest.
fn search_index(
    (config, clock, lib): (
        &crate::config::Config,
        &crate::time::SiteClock,
        &crate::content::Library,
    ),
    texts: Option<&crate::content::handover::Handover>,
    (sink, select): (&dyn Sink, &dyn Select),
    diags: &mut Vec<Diagnostic>,
) -> Option<crate::search::Manifest> {
    match select.part(Part::Search) {
        true => crate::search::add_index((config, clock, lib), texts, sink, diags),
        false => None,
    }
}

/// [`render_tasks`] once the search index is written (`index`, its
/// manifest, when this render made one).
fn render_indexed(
    env_mut: &mut ViewEnv,
    templates: &Templates,
    shared: &Shared,
    (sink, select): (&dyn Sink, &dyn Select),
    (tasks, mut redirects, keys): (&[Task], Vec<(String, String)>, GlobalKeys),
    index: Option<crate::search::Manifest>,
    diags: &mut Vec<Diagnostic>,
) {
    let env: &ViewEnv = env_mut;
    let lib = env.lib;
    let make = |task: Task| {
        if !select.task(task) {
            return None;
        }
        let job = job_of(env, shared, task)?;
        select.made(task, &job.path);
        Some(job)
    };
    let run = jobs::Run {
        base_path: &env.config.base_path,
        globals: keys.globals,
        data: keys.data,
    };
    if select.part(Part::Jobs) {
        diags.extend(jobs::run(tasks, make, templates, run, sink, select));
    }
    // The summaries of lists are not needed past the jobs.
    env_mut.forget_summaries();
    let env: &ViewEnv = env_mut;
    if select.part(Part::Assets) {
        assets::add(env.config, lib, sink, diags);
    }
    if select.part(Part::Feeds) {
        feeds_out::add(env, (lib, &shared.taxonomies), sink, diags);
    }
    // Asking for the part again marks the search page as the search's
    // (not the feeds', which ran last).
    if let Some(manifest) = index
        && select.part(Part::Search)
    {
        // After the jobs: a page of the site's own at /search/ wins.
        search_page::page(env, &manifest, templates, sink, diags);
    }
    if select.part(Part::Redirects) {
        for page in &lib.pages {
            for alias in &page.meta.aliases {
                redirects.push((
                    format!("{}/index.html", alias.trim_matches('/')),
                    env.permalink(&page.path),
                ));
            }
        }
        for (path, to) in redirects {
            let html = paginate::redirect_html(&to).into_bytes();
            if let Err(e) = sink.put(&path, Body::Bytes(html), vec![Dep::AllFrontMatter], "redirect") {
                let message = crate::text!("render.redirect", e.path, e.message);
                diags.push(Diagnostic::error(env.config.display_path(), 0, 0, message));
            }
        }
    }
    if select.part(Part::Dashboard) {
        // A file held made of the same figures stays as it is (`serve`).
        let holds = sink.holds();
        for (path, key, json) in shared.kinds.figure_files() {
            if holds && sink.held(&path, key()) {
                continue;
            }
            if let Err(e) = sink.put(
                &path,
                Body::Bytes(json().into_bytes()),
                vec![Dep::AllFrontMatter, Dep::Config, Dep::Data],
                "dashboard",
            ) {
                diags.push(Diagnostic::error(env.config.display_path(), 0, 0, e.message));
            }
        }
    }
    if select.part(Part::Builtins) {
        for e in builtins::add(env, lib, sink) {
            diags.push(Diagnostic::error(env.config.display_path(), 0, 0, e.message));
        }
    }
}
