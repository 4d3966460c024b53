//! The render stage: from the library to an [`OutputSet`].
//!
//! 1. Put the site view and the emergency banners in Tera's global context.
//! 2. Make one [`jobs::Job`] per output: pages, section lists, taxonomies,
//!    home, 404.
//! 3. Render the jobs in parallel ([`jobs::run`]).
//! 4. Add copied files, redirects, the sitemap and robots.txt.

pub mod assets;
pub mod builtins;
pub mod feeds_out;
pub mod jobs;
pub mod pages;
pub mod paginate;
pub mod shortcodes;
pub mod site_view;
pub mod taxonomies;
pub mod templates;
pub mod views;

use crate::error::Diagnostic;
use crate::output::{Body, Dep, OutputSet};
use templates::Templates;
use views::ViewEnv;

/// Renders the whole site.
pub fn render_site(env: &ViewEnv, templates: &mut Templates) -> (OutputSet, Vec<Diagnostic>) {
    let lib = env.lib;
    let mut diags = Vec::new();
    {
        let g = templates.tera.global_context();
        g.insert("site", &site_view::site(env));
        g.insert("banners", &site_view::banners(env));
    }
    let mut redirects = Vec::new();
    let mut jobs = pages::page_jobs(env, lib);
    jobs.extend(pages::section_jobs(env, lib, &mut redirects));
    jobs.extend(taxonomies::jobs(env, lib, &mut redirects));
    jobs.push(pages::home_job(env, lib));
    jobs.push(pages::not_found_job());
    let mut set = OutputSet::default();
    jobs::run(jobs, templates, &env.config.base_path, &mut set, &mut diags);
    assets::add(env.config, lib, &mut set, &mut diags);
    feeds_out::add(env, lib, &mut set, &mut diags);
    for page in &lib.pages {
        for alias in &page.meta.aliases {
            redirects.push((
                format!("{}/index.html", alias.trim_matches('/')),
                env.permalink(&page.path),
            ));
        }
    }
    for (path, to) in redirects {
        if let Err(e) = set.add(
            &path,
            Body::Bytes(paginate::redirect_html(&to).into_bytes()),
            vec![Dep::AllPages],
            "redirect",
        ) {
            diags.push(Diagnostic::error(
                env.config.display_path(),
                0,
                0,
                format!("redirect /{}: {}", e.path, e.message),
            ));
        }
    }
    for e in builtins::add(env, lib, &mut set) {
        diags.push(Diagnostic::error(env.config.display_path(), 0, 0, e.message));
    }
    (set, diags)
}
