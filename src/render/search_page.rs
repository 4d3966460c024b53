//! The `/search/` page, from the theme's `search.html` and the manifest of
//! the index [`crate::search::add_index`] wrote.

use serde::Serialize;

use super::jobs::{self, Job};
use super::templates::Templates;
use super::views::ViewEnv;
use crate::error::Diagnostic;
use crate::output::Dep;
use crate::output::sink::Sink;
use crate::search::Manifest;

/// What the search page's template gets (`search`).
#[derive(Debug, Serialize)]
struct SearchView {
    /// URL of the manifest, with its cache key.
    index_url: String,
    /// Number of indexed pages.
    pages: u32,
}

/// Renders `search/index.html` with the theme's `search.html`, unless the
/// site has its own page there.
pub fn page(env: &ViewEnv, manifest: &Manifest, templates: &Templates, sink: &dyn Sink, diags: &mut Vec<Diagnostic>) {
    const PATH: &str = "search/index.html";
    const TEMPLATE: &str = "search.html";
    if sink.has(PATH) {
        return;
    }
    if !templates.has(TEMPLATE) {
        diags.push(
            Diagnostic::warning(env.config.display_path(), 0, 0, crate::text!("search.no_template"))
                .with_hint(crate::text!("search.no_template.help")),
        );
        return;
    }
    let view = SearchView {
        index_url: format!("{}?v={}", env.link("search/index.json"), manifest.key),
        pages: manifest.pages,
    };
    let job = Job::new(PATH, TEMPLATE, "search page")
        .with("search", &view)
        .dep(Dep::AllContent)
        .dep(Dep::Config);
    diags.extend(jobs::run_one(job, templates, &env.config.base_path, sink));
}
