//! Jobs for content pages, section lists, the home page and the 404 page.

use serde::Serialize;

use super::jobs::Job;
use super::jobs::Task;
use super::paginate::{page_count, page_path, paginate};
use super::views::{self, Summary, ViewEnv, summary};
use crate::content::{Library, Section};
use crate::kinds::Kind;
use crate::kinds::pages::KindPages;
use crate::output::Dep;

/// A section as templates see it (`section`).
#[derive(Debug, Clone, Serialize)]
pub struct SectionView<'a> {
    /// Title.
    pub title: &'a str,
    /// Site path.
    pub url: String,
    /// Absolute URL.
    pub permalink: String,
    /// Folder name.
    pub name: &'a str,
    /// Kind of its pages.
    pub kind: Kind,
    /// Description.
    pub description: Option<&'a str>,
    /// Body HTML of `_index.md`.
    pub content: &'a str,
    /// Free data.
    pub extra: &'a serde_json::Value,
}

/// The section view.
pub fn section_view<'a>(env: &ViewEnv<'a>, s: &'a Section) -> SectionView<'a> {
    SectionView {
        title: &s.title,
        url: env.link(&s.path),
        permalink: env.permalink(&s.path),
        name: &s.name,
        kind: Kind::from_section(&s.name),
        description: s.meta.description.as_deref(),
        content: &s.rendered.html,
        extra: &s.meta.extra,
    }
}

/// The job of page `id`.
pub fn page_job(env: &ViewEnv, lib: &Library, kinds: &KindPages, id: usize) -> Job {
    let page = &lib.pages[id];
    let template = page
        .meta
        .template
        .clone()
        .unwrap_or_else(|| page.kind.page_template().to_string());
    let mut view = views::page(env, page);
    if let Some(body) = env.take_body(id) {
        view.content = std::borrow::Cow::Owned(body);
    }
    if let Some(slot) = view.kinds.print_qr() {
        *slot = kinds.qr(&view.permalink);
    }
    let (prev, next) = neighbours(env, lib, id);
    let mut job = Job::new(
        format!("{}index.html", page.path),
        template,
        page.file.display().to_string(),
    )
    .with("page", &view)
    .with("prev", &prev)
    .with("next", &next)
    .dep(Dep::Page(page.rel_path.clone()));
    if page.kind.spec().share_qr {
        job = job.late_qr("page", "share_qr", view.permalink.clone(), "本页网址的二维码");
    }
    let (older, newer) = neighbour_ids(lib, id);
    for n in older.into_iter().chain(newer) {
        job = job.dep(Dep::Summary(lib.pages[n].rel_path.clone()));
    }
    for shown in page.data.shown_pages() {
        job = job.dep(Dep::Page(shown.to_string()));
    }
    job
}

/// The previous (older) and next (newer) page in the page's section.
fn neighbours<'a>(env: &ViewEnv<'a>, lib: &'a Library, id: usize) -> (Option<Summary>, Option<Summary>) {
    let (older, newer) = neighbour_ids(lib, id);
    let view = |o: usize| summary(env, o);
    (older.map(view), newer.map(view))
}

/// The ids of the older and the newer page in the page's section.
fn neighbour_ids(lib: &Library, id: usize) -> (Option<usize>, Option<usize>) {
    let Some(&(s, i)) = lib.position.get(id).and_then(Option::as_ref) else {
        return (None, None);
    };
    let ids = &lib.sections[s].pages;
    let newer = i.checked_sub(1).and_then(|j| ids.get(j)).copied();
    (ids.get(i + 1).copied(), newer)
}

/// Tasks for every list page of every section but the home section, and
/// the redirects from `page/1/`.
pub fn section_tasks(
    env: &ViewEnv,
    lib: &Library,
    kinds: &KindPages,
    redirects: &mut Vec<(String, String)>,
) -> Vec<Task> {
    let mut tasks = Vec::new();
    for (i, s) in lib.sections.iter().enumerate().filter(|(_, s)| !s.name.is_empty()) {
        let (items, per) = kinds.list_size(s).unwrap_or((s.pages.len(), s.paginate_by));
        for n in 1..=page_count(items, per) {
            tasks.push(Task::SectionPage(i, n));
        }
        redirects.push((format!("{}page/1/index.html", s.path), env.permalink(&s.path)));
    }
    tasks
}

/// Page `n` of the list of section `i`.
pub fn section_job(env: &ViewEnv, lib: &Library, kinds: &KindPages, i: usize, n: usize) -> Job {
    let s = &lib.sections[i];
    let template = s.meta.template.clone().unwrap_or_else(|| list_template(s).to_string());
    let origin = s
        .file
        .as_ref()
        .map(|f| f.display().to_string())
        .unwrap_or_else(|| format!("section {}", s.name));
    let pager = match kinds.list_size(s) {
        Some(_) => paginate(env, &[], &s.path, 1, 1),
        None => paginate(env, &s.pages, &s.path, s.paginate_by, n),
    };
    let job = Job::new(format!("{}index.html", page_path(&s.path, n)), template, origin)
        .or_template("section.html")
        .with("section", &section_view(env, s))
        .with("paginator", &pager)
        .with("feeds", &super::views::feed_links(env, &s.path));
    match kinds.list_size(s) {
        // Kind lists show every page of the section.
        Some(_) => job.dep(Dep::Section(s.name.clone())),
        None => summary_deps(job, lib, &s.pages, s.paginate_by, n),
    }
}

/// Adds a [`Dep::Summary`] for each page on page `n` of the list `ids`.
pub fn summary_deps(mut job: Job, lib: &Library, ids: &[usize], per: usize, n: usize) -> Job {
    let per = per.max(1);
    for &id in ids.iter().skip((n.max(1) - 1) * per).take(per) {
        job = job.dep(Dep::Summary(lib.pages[id].rel_path.clone()));
    }
    job
}

/// What the home page shows.
#[derive(Debug, Serialize)]
struct HomeView {
    /// The newest article with a cover (else the newest article).
    featured: Option<Summary>,
    /// The newest articles after it.
    latest: Vec<Summary>,
    /// What the kinds show on the home page (`notes`, `columns`).
    #[serde(flatten)]
    kinds: crate::kinds::views::KindHome,
    /// Pages of each kind by its folder (`articles`, `boards` …), and
    /// `towns`.
    counts: std::collections::BTreeMap<&'static str, usize>,
}

/// The home page job.
pub fn home_job<'a>(env: &ViewEnv<'a>, lib: &'a Library) -> Job {
    let list = |name: &str| lib.section(name).map(|s| s.pages.clone()).unwrap_or_default();
    let articles = list("articles");
    let newest = &articles[..articles.len().min(7)];
    let featured_id = newest
        .iter()
        .copied()
        .find(|&id| lib.pages[id].meta.cover.is_some())
        .or_else(|| newest.first().copied());
    let featured = featured_id.map(|id| summary(env, id));
    let latest = newest
        .iter()
        .copied()
        .filter(|&id| Some(id) != featured_id)
        .take(6)
        .map(|id| summary(env, id))
        .collect();
    let mut counts: std::collections::BTreeMap<&'static str, usize> = Kind::ALL
        .into_iter()
        .filter_map(|k| Some((k.section()?, lib.pages_of(k).count())))
        .collect();
    counts.insert("towns", env.config.site.towns.len());
    let home = HomeView {
        featured,
        latest,
        kinds: crate::kinds::views::home(env, lib),
        counts,
    };
    let section = lib.section("").map(|s| section_view(env, s));
    let template = lib
        .section("")
        .and_then(|s| s.meta.template.clone())
        .unwrap_or_else(|| "index.html".into());
    Job::new("index.html", template, "home page")
        .with("section", &section)
        .with("home", &home)
        .dep(Dep::AllPages)
}

/// The 404 page job.
pub fn not_found_job() -> Job {
    Job::new("404.html", "404.html", "404 page")
}

/// The default list template of a section: its kind's.
fn list_template(s: &Section) -> &'static str {
    Kind::from_section(&s.name).spec().list_template
}
