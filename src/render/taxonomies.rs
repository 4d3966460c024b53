//! Taxonomy pages: `/tags/`, `/tags/TERM/` (paginated), the same for
//! categories.

use std::borrow::Cow;
use std::collections::HashMap;

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
    collect_in(lib, taxonomy, &newest_first(lib))
}

/// Every page id, newest first (ties on the URL path), as lists sort them.
pub fn newest_first(lib: &Library) -> Vec<PageId> {
    let mut ids: Vec<PageId> = (0..lib.pages.len()).collect();
    sort_pages(&mut ids, &lib.pages, SortBy::Date);
    ids
}

/// Terms of one taxonomy, by slug; `order` is [`newest_first`] of `lib`,
/// so that each term's pages come in order as they are met.
fn collect_in(lib: &Library, taxonomy: &str, order: &[PageId]) -> Vec<Term> {
    let slugs = lib.term_slugs.get(taxonomy);
    let mut index: HashMap<Cow<str>, usize> = HashMap::new();
    let mut terms: Vec<(Term, PageId)> = Vec::new();
    for &id in order {
        let page = &lib.pages[id];
        for name in crate::content::terms::terms_of(page, taxonomy) {
            let slug = match slugs.and_then(|m| m.get(name)) {
                Some(s) => Cow::Borrowed(s.as_str()),
                None => Cow::Owned(lib.term_slug(taxonomy, name)),
            };
            let i = match index.get(slug.as_ref()) {
                Some(&i) => i,
                None => {
                    let term = Term {
                        name: name.clone(),
                        slug: slug.to_string(),
                        pages: Vec::new(),
                    };
                    terms.push((term, id));
                    index.insert(slug, terms.len() - 1);
                    terms.len() - 1
                }
            };
            let (t, first) = &mut terms[i];
            // The name is the spelling of the first page (by file) using it.
            if id < *first {
                t.name = name.clone();
                *first = id;
            }
            // A term written twice on one page is that page's last entry.
            if t.pages.last() != Some(&id) {
                t.pages.push(id);
            }
        }
    }
    let mut out: Vec<Term> = terms.into_iter().map(|(t, _)| t).collect();
    out.sort_by(|a, b| a.slug.cmp(&b.slug));
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
        let order = newest_first(lib);
        Taxonomies(
            env.config
                .site
                .taxonomies
                .iter()
                .map(|t| (t.clone(), collect_in(lib, t, &order)))
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
