//! A render job: one output file from one template and its context.

use tera::Context;

use super::templates::Templates;
use crate::error::Diagnostic;
use crate::output::{Dep, OutputSet};

/// One file to render.
pub struct Job {
    /// Output path (`articles/x/index.html`).
    pub path: String,
    /// Template name.
    pub template: String,
    /// Its context (without the global `site` and `banners`).
    pub context: Context,
    /// What it is made from, besides the template.
    pub deps: Vec<Dep>,
    /// Who asked for it (a content file or a feature), for messages.
    pub origin: String,
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
        }
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

/// Renders the jobs in parallel into `set`.
pub fn run(jobs: Vec<Job>, templates: &Templates, base_path: &str, set: &mut OutputSet, diags: &mut Vec<Diagnostic>) {
    use rayon::prelude::*;
    let rendered: Vec<(Job, Result<String, Diagnostic>)> = jobs
        .into_par_iter()
        .map(|mut job| {
            let path = format!("{base_path}{}", job.path.trim_end_matches("index.html"));
            job.context.insert("current_path", &path);
            let r = templates.render(&job.template, &job.context);
            (job, r)
        })
        .collect();
    for (job, r) in rendered {
        match r {
            Ok(html) => {
                let mut deps = job.deps;
                deps.extend(templates.closure(&job.template).into_iter().map(Dep::Template));
                if let Err(e) = set.add_text(&job.path, html, deps, job.origin.clone()) {
                    diags.push(Diagnostic::error(job.origin, 0, 0, e.message));
                }
            }
            Err(d) => diags.push(d),
        }
    }
}
