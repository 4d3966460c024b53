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

    /// The terms of `lib` from those of the library it was before (`self`)
    /// and how its pages moved: `remap` gives the new id of each old page
    /// (`None`: it went), `added` the ids of the pages that came (or were
    /// read again); the term slugs are as they were. The same as
    /// [`Taxonomies::new`], without a walk over every page.
    pub fn moved(&self, lib: &Library, remap: &[Option<PageId>], added: &[PageId]) -> Self {
        let mut out = Vec::with_capacity(self.0.len());
        for (tax, before) in &self.0 {
            let mut index: HashMap<String, usize> = HashMap::new();
            let mut terms: Vec<Term> = before
                .iter()
                .map(|t| Term {
                    name: t.name.clone(),
                    slug: t.slug.clone(),
                    pages: t
                        .pages
                        .iter()
                        .filter_map(|&id| remap.get(id).copied().flatten())
                        .collect(),
                })
                .collect();
            for (i, t) in terms.iter().enumerate() {
                index.insert(t.slug.clone(), i);
            }
            // Terms that lost a page may have another first page.
            let mut touched: Vec<usize> = terms
                .iter()
                .zip(before)
                .enumerate()
                .filter(|(_, (now, was))| now.pages.len() != was.pages.len())
                .map(|(i, _)| i)
                .collect();
            for &id in added {
                let page = &lib.pages[id];
                for name in crate::content::terms::terms_of(page, tax) {
                    let slug = lib.term_slug(tax, name);
                    let i = match index.get(&slug) {
                        Some(&i) => i,
                        None => {
                            terms.push(Term {
                                name: name.clone(),
                                slug: slug.clone(),
                                pages: Vec::new(),
                            });
                            index.insert(slug, terms.len() - 1);
                            terms.len() - 1
                        }
                    };
                    let list = &mut terms[i].pages;
                    if !list.contains(&id) {
                        let at = list.partition_point(|&q| {
                            crate::content::library::page_order(&lib.pages[q], page, SortBy::Date).is_lt()
                        });
                        list.insert(at, id);
                    }
                    touched.push(i);
                }
            }
            // A term's name is its spelling on the first page (by file) using it.
            touched.sort_unstable();
            touched.dedup();
            for i in touched {
                let t = &mut terms[i];
                if let Some(&first) = t.pages.iter().min() {
                    let names = crate::content::terms::terms_of(&lib.pages[first], tax);
                    if let Some(n) = names.iter().find(|n| lib.term_slug(tax, n) == t.slug) {
                        t.name = n.clone();
                    }
                }
            }
            terms.retain(|t| !t.pages.is_empty());
            terms.sort_by(|a, b| a.slug.cmp(&b.slug));
            out.push((tax.clone(), terms));
        }
        Taxonomies(out)
    }

    /// Whether `other` has the same terms, names and pages (debug builds
    /// check [`Taxonomies::moved`] with it).
    #[cfg(debug_assertions)]
    pub fn same_as(&self, other: &Taxonomies) -> bool {
        let flat = |t: &Taxonomies| {
            t.0.iter()
                .flat_map(|(tax, terms)| {
                    terms
                        .iter()
                        .map(move |t| (tax.clone(), t.name.clone(), t.slug.clone(), t.pages.clone()))
                })
                .collect::<Vec<_>>()
        };
        flat(self) == flat(other)
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
