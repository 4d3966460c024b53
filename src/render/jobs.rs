//! Render jobs: one output file from one template and its context.
//!
//! The list of [`Task`]s is small (an enum per output); each task becomes a
//! [`Job`] with its context only inside the parallel loop, is rendered and
//! handed to the sink at once, so memory holds only the files in flight.

use std::collections::HashMap;
use std::sync::Mutex;

use tera::Context;

use super::templates::Templates;
use crate::error::Diagnostic;
use crate::output::Dep;
use crate::output::sink::Sink;

/// One file to render.
pub struct Job {
    /// Output path (`articles/x/index.html`).
    pub path: String,
    /// Template name.
    pub template: String,
    /// Its context (without the global `site`, `banners` and `data`).
    pub context: Context,
    /// What it is made from, besides the template.
    pub deps: Vec<Dep>,
    /// Who asked for it (a content file or a feature), for messages.
    pub origin: String,
    /// Template to use when `template` does not exist.
    pub fallback: Option<String>,
}

impl Job {
    /// A job for `path` with `template`.
    pub fn new(path: impl Into<String>, template: impl Into<String>, origin: impl Into<String>) -> Self {
        Job {
            path: path.into(),
            template: template.into(),
            context: Context::new(),
            deps: Vec::new(),
            origin: origin.into(),
            fallback: None,
        }
    }

    /// Uses `template` when the job's own template does not exist.
    pub fn or_template(mut self, template: &str) -> Self {
        self.fallback = Some(template.to_string());
        self
    }

    /// Adds a context variable.
    pub fn with<T: serde::Serialize + ?Sized>(mut self, key: &'static str, value: &T) -> Self {
        self.context.insert(key, value);
        self
    }

    /// Adds a dependency.
    pub fn dep(mut self, d: Dep) -> Self {
        self.deps.push(d);
        self
    }
}

/// What to render, cheap to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Task {
    /// A content page, by id.
    Page(usize),
    /// Page `n` (1-based) of the list of section `s` (index in the library).
    SectionPage(usize, usize),
    /// The list of taxonomy `t` (index in site.yaml).
    TaxonomyList(usize),
    /// Page `n` of term `term` of taxonomy `t`.
    TermPage(usize, usize, usize),
    /// The home page.
    Home,
    /// The 404 page.
    NotFound,
    /// A page of the content kinds beyond one page per file.
    Kind(crate::kinds::pages::KindTask),
    /// The HTML site map (网站地图).
    SiteMap,
}

/// Renders every task in parallel into `sink`, with `make` building each job.
pub fn run<F>(tasks: &[Task], make: F, templates: &Templates, base_path: &str, sink: &dyn Sink) -> Vec<Diagnostic>
where
    F: Fn(Task) -> Option<Job> + Sync,
{
    use rayon::prelude::*;
    let closures: Mutex<HashMap<String, Vec<Dep>>> = Mutex::new(HashMap::new());
    tasks
        .par_iter()
        .filter_map(|&task| {
            let job = make(task)?;
            render(job, templates, base_path, sink, |template| {
                let mut c = closures.lock().unwrap_or_else(|e| e.into_inner());
                c.entry(template.to_string())
                    .or_insert_with(|| template_deps(templates, template))
                    .clone()
            })
        })
        .collect()
}

/// Renders one job into `sink`, as [`run`] renders each of its jobs.
pub fn run_one(job: Job, templates: &Templates, base_path: &str, sink: &dyn Sink) -> Option<Diagnostic> {
    render(job, templates, base_path, sink, |t| template_deps(templates, t))
}

/// A dep on each template that `template` uses.
fn template_deps(templates: &Templates, template: &str) -> Vec<Dep> {
    templates.closure(template).into_iter().map(Dep::Template).collect()
}

/// Renders `job` and puts it into `sink`, with the deps `deps_of` gives
/// its template; returns the error, if any.
fn render(
    mut job: Job,
    templates: &Templates,
    base_path: &str,
    sink: &dyn Sink,
    deps_of: impl FnOnce(&str) -> Vec<Dep>,
) -> Option<Diagnostic> {
    let path = format!("{base_path}{}", job.path.trim_end_matches("index.html"));
    job.context.insert("current_path", &path);
    job.context.insert(
        "crumbs",
        &super::site_map::ancestors(&templates.crumb_titles, base_path, &path),
    );
    if let Some(f) = job.fallback.take()
        && !templates.has(&job.template)
    {
        job.template = f;
    }
    let html = match templates.render(&job.template, &job.context) {
        Ok(h) => h,
        Err(d) => return Some(d),
    };
    let mut deps = job.deps;
    deps.extend(deps_of(&job.template));
    sink.put(
        &job.path,
        crate::output::Body::Bytes(html.into_bytes()),
        deps,
        &job.origin,
    )
    .err()
    .map(|e| Diagnostic::error(job.origin, 0, 0, e.message))
}
