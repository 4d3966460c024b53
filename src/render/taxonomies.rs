//! Taxonomy pages: `/tags/`, `/tags/TERM/` (paginated), the same for
//! categories.

use std::collections::BTreeMap;

use serde::Serialize;

use super::jobs::Job;
use super::paginate::{page_path, paginate};
use super::views::{ViewEnv, term_slug};
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
        let list = match taxonomy {
            "tags" => &page.meta.tags,
            "categories" => &page.meta.categories,
            _ => continue,
        };
        for name in list {
            let slug = term_slug(name);
            let t = terms.entry(slug.clone()).or_insert_with(|| Term {
                name: name.clone(),
                slug,
                pages: Vec::new(),
            });
            if !t.pages.contains(&id) {
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

#[derive(Debug, Serialize)]
struct TaxonomyView {
    name: String,
    label: &'static str,
    url: String,
    terms: Vec<TermView>,
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

/// Jobs for every taxonomy in site.yaml.
pub fn jobs<'a>(env: &ViewEnv<'a>, lib: &'a Library, redirects: &mut Vec<(String, String)>) -> Vec<Job> {
    let mut jobs = Vec::new();
    for tax in &env.config.site.taxonomies {
        let terms = collect(lib, tax);
        let view = TaxonomyView {
            name: tax.clone(),
            label: label(tax),
            url: env.link(&format!("{tax}/")),
            terms: terms
                .iter()
                .map(|t| TermView {
                    name: t.name.clone(),
                    slug: t.slug.clone(),
                    url: env.link(&format!("{tax}/{}/", t.slug)),
                    count: t.pages.len(),
                })
                .collect(),
        };
        jobs.push(
            Job::new(
                format!("{tax}/index.html"),
                "taxonomy_list.html",
                format!("taxonomy {tax}"),
            )
            .with("taxonomy", &view)
            .dep(Dep::AllPages),
        );
        for (t, tv) in terms.iter().zip(&view.terms) {
            let base = format!("{tax}/{}/", t.slug);
            for pager in paginate(env, lib, &t.pages, &base, env.config.site.paginate_by) {
                jobs.push(
                    Job::new(
                        format!("{}index.html", page_path(&base, pager.current)),
                        "taxonomy_term.html",
                        format!("taxonomy {tax}"),
                    )
                    .with("taxonomy", &view)
                    .with("term", tv)
                    .with("paginator", &pager)
                    .dep(Dep::AllPages),
                );
            }
            redirects.push((format!("{base}page/1/index.html"), env.permalink(&base)));
        }
    }
    jobs
}
