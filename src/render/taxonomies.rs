//! Taxonomy pages: `/tags/`, `/tags/TERM/` (paginated), the same for
//! categories.

use std::collections::BTreeMap;

use serde::Serialize;

use super::jobs::{Job, Task};
use super::paginate::{page_count, page_path, paginate};
use super::views::ViewEnv;
use crate::content::{Library, PageId, SortBy, library::sort_pages};
use crate::output::Dep;

/// A term with its pages.
#[derive(Debug, Clone)]
pub struct Term {
    /// As first written.
    pub name: String,
    /// URL slug.
    pub slug: String,
    /// Pages, newest first.
    pub pages: Vec<PageId>,
}

/// Terms of one taxonomy, by slug.
pub fn collect(lib: &Library, taxonomy: &str) -> Vec<Term> {
    let mut terms: BTreeMap<String, Term> = BTreeMap::new();
    for (id, page) in lib.pages.iter().enumerate() {
        for name in crate::content::terms::terms_of(page, taxonomy) {
            let slug = lib.term_slug(taxonomy, name);
            let t = terms.entry(slug.clone()).or_insert_with(|| Term {
                name: name.clone(),
                slug,
                pages: Vec::new(),
            });
            // Pages come in id order: a term written twice on one page
            // is that page's last entry.
            if t.pages.last() != Some(&id) {
                t.pages.push(id);
            }
        }
    }
    let mut out: Vec<Term> = terms.into_values().collect();
    for t in &mut out {
        sort_pages(&mut t.pages, &lib.pages, SortBy::Date);
    }
    out
}

/// A taxonomy as templates see it.
#[derive(Debug, Serialize)]
struct TaxonomyView<'a> {
    name: &'a str,
    label: &'static str,
    url: String,
}

#[derive(Debug, Serialize)]
struct TermView {
    name: String,
    slug: String,
    url: String,
    count: usize,
}

/// Chinese label of a taxonomy.
pub fn label(taxonomy: &str) -> &'static str {
    match taxonomy {
        "tags" => "标签",
        "categories" => "分类",
        _ => "分类",
    }
}

/// Every taxonomy's terms, in site.yaml order.
pub struct Taxonomies(pub Vec<(String, Vec<Term>)>);

impl Taxonomies {
    /// Collects the terms of every taxonomy in site.yaml.
    pub fn new(env: &ViewEnv, lib: &Library) -> Self {
        Taxonomies(
            env.config
                .site
                .taxonomies
                .iter()
                .map(|t| (t.clone(), collect(lib, t)))
                .collect(),
        )
    }

    /// Tasks for every list and term page, and the redirects from `page/1/`.
    pub fn tasks(&self, env: &ViewEnv, redirects: &mut Vec<(String, String)>) -> Vec<Task> {
        let mut tasks = Vec::new();
        for (ti, (tax, terms)) in self.0.iter().enumerate() {
            tasks.push(Task::TaxonomyList(ti));
            for (i, term) in terms.iter().enumerate() {
                for n in 1..=page_count(term.pages.len(), env.config.site.paginate_by) {
                    tasks.push(Task::TermPage(ti, i, n));
                }
                let base = format!("{tax}/{}/", term.slug);
                redirects.push((format!("{base}page/1/index.html"), env.permalink(&base)));
            }
        }
        tasks
    }

    fn view<'a>(&'a self, env: &ViewEnv, ti: usize) -> TaxonomyView<'a> {
        let tax = &self.0[ti].0;
        TaxonomyView {
            name: tax,
            label: label(tax),
            url: env.link(&format!("{tax}/")),
        }
    }

    fn term_view(env: &ViewEnv, tax: &str, t: &Term) -> TermView {
        TermView {
            name: t.name.clone(),
            slug: t.slug.clone(),
            url: env.link(&format!("{tax}/{}/", t.slug)),
            count: t.pages.len(),
        }
    }

    /// The list page of taxonomy `ti`.
    pub fn list_job(&self, env: &ViewEnv, ti: usize) -> Job {
        let (tax, terms) = &self.0[ti];
        let terms: Vec<TermView> = terms.iter().map(|t| Self::term_view(env, tax, t)).collect();
        Job::new(
            format!("{tax}/index.html"),
            "taxonomy_list.html",
            format!("taxonomy {tax}"),
        )
        .with("taxonomy", &self.view(env, ti))
        .with("terms", &terms)
        .dep(Dep::AllFrontMatter)
    }

    /// Page `n` of term `i` of taxonomy `ti`.
    pub fn term_job(&self, env: &ViewEnv, lib: &Library, ti: usize, i: usize, n: usize) -> Job {
        let (tax, terms) = &self.0[ti];
        let term = &terms[i];
        let base = format!("{tax}/{}/", term.slug);
        let pager = paginate(env, &term.pages, &base, env.config.site.paginate_by, n);
        let job = Job::new(
            format!("{}index.html", page_path(&base, n)),
            "taxonomy_term.html",
            format!("taxonomy {tax}"),
        )
        .with("taxonomy", &self.view(env, ti))
        .with("term", &Self::term_view(env, tax, term))
        .with("paginator", &pager)
        .with("feeds", &super::views::feed_links(env, &base));
        super::pages::summary_deps(job, lib, &term.pages, env.config.site.paginate_by, n)
    }
}
