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
/// of the same library. Returns the diagnostics.
pub fn render_with(
    env_mut: &mut ViewEnv,
    templates: &mut Templates,
    shared: &Shared,
    sink: &dyn Sink,
    select: &dyn Select,
) -> Vec<Diagnostic> {
    let env: &ViewEnv = env_mut;
    let lib = env.lib;
    {
        let g = templates.tera.global_context();
        g.insert("site", &site_view::site(env));
        g.insert("banners", &crate::kinds::views::banners(env));
        g.insert("data", env.data);
    }
    templates.crumb_titles = site_map::crumb_titles(env);
    let mut redirects = Vec::new();
    let (taxonomies, kinds) = (&shared.taxonomies, &shared.kinds);
    let mut tasks: Vec<Task> = (0..lib.pages.len()).map(Task::Page).collect();
    tasks.extend(pages::section_tasks(env, lib, kinds, &mut redirects));
    tasks.extend(taxonomies.tasks(env, &mut redirects));
    tasks.extend(kinds.tasks(env, lib));
    tasks.push(Task::Home);
    tasks.push(Task::NotFound);
    if templates.has("sitemap.html") && !lib.pages.iter().any(|p| p.path == site_map::URL) {
        tasks.push(Task::SiteMap);
    }
    let make_one = |task: Task| match task {
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
    };
    let make = |task: Task| {
        if !select.task(task) {
            return None;
        }
        let job = make_one(task)?;
        select.made(task, &job.path);
        Some(job)
    };
    let templates: &Templates = templates;
    let mut diags = Vec::new();
    // The index first: its memory is free again before the pages need theirs.
    let index = match select.part(Part::Search) {
        true => crate::search::add_index(env.config, env.clock, lib, sink, &mut diags),
        false => None,
    };
    if select.part(Part::Jobs) {
        diags.extend(jobs::run(&tasks, make, templates, &env.config.base_path, sink));
    }
    // The summaries of lists are not needed past the jobs.
    env_mut.forget_summaries();
    let env: &ViewEnv = env_mut;
    if select.part(Part::Assets) {
        assets::add(env.config, lib, sink, &mut diags);
    }
    if select.part(Part::Feeds) {
        feeds_out::add(env, lib, sink, &mut diags);
    }
    if let Some(manifest) = index {
        // After the jobs: a page of the site's own at /search/ wins.
        search_page::page(env, &manifest, templates, sink, &mut diags);
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
        let jsons = [("dashboard.json".to_string(), kinds.dashboard_json())]
            .into_iter()
            .chain(kinds.report_jsons());
        for (path, json) in jsons {
            if let Err(e) = sink.put(
                &path,
                Body::Bytes(json.into_bytes()),
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
    diags
}
