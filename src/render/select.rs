//! Choosing what a render does, so that `serve` redoes only what an edit
//! touched.
//!
//! 1. [`Shared`] holds what the tasks of one library share (terms, weeks,
//!    coverage); a caller may keep it while the pages' front matter stays
//!    the same.
//! 2. [`Select`] says which [`Task`]s to render and which [`Part`]s to run,
//!    and is told the output path of each task it chose.
//! 3. [`Everything`] is the whole site, as `kepu build` renders it.

use std::sync::Arc;

use super::jobs::Task;
use super::taxonomies::Taxonomies;
use super::views::ViewEnv;
use crate::kinds::pages::KindPages;
use crate::report::dashboard::Dashboard;
use crate::report::plan::PlanReport;

/// What the tasks of one library share.
pub struct Shared {
    /// Every taxonomy's terms.
    pub taxonomies: Taxonomies,
    /// Weeks, media and coverage of the kind pages.
    pub kinds: KindPages,
}

impl Shared {
    /// Computes the shared data of `env`'s library, with its coverage
    /// figures and the plan's.
    pub fn new(env: &ViewEnv, dashboard: &Arc<Dashboard>, plan: &Arc<PlanReport>) -> Self {
        let (taxonomies, kinds) = rayon::join(
            || Taxonomies::new(env, env.lib),
            || KindPages::new(env, env.lib, dashboard.clone(), plan.clone()),
        );
        Shared { taxonomies, kinds }
    }

    /// Computes the coverage and plan figures of `env`'s library
    /// (`figures`) and the shared data, its terms (`taxonomies`), side by
    /// side; the kind pages hold `before` (the figures they had) until the
    /// new ones are there.
    pub fn with_figures(
        env: &ViewEnv,
        figures: impl FnOnce() -> (Dashboard, PlanReport) + Send,
        taxonomies: impl FnOnce() -> Taxonomies + Send,
        before: (Arc<Dashboard>, Arc<PlanReport>),
    ) -> (Arc<Dashboard>, Arc<PlanReport>, Self) {
        let ((dashboard, plan), (taxonomies, mut kinds)) = rayon::join(
            || {
                let (d, p) = figures();
                (Arc::new(d), Arc::new(p))
            },
            || rayon::join(taxonomies, || KindPages::new(env, env.lib, before.0, before.1)),
        );
        kinds.dashboard = dashboard.clone();
        kinds.plan = plan.clone();
        (dashboard, plan, Shared { taxonomies, kinds })
    }
}

/// A part of the render, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// Every [`Task`]: pages, lists, taxonomies, kind pages.
    Jobs,
    /// Copied files and the highlighting stylesheet.
    Assets,
    /// Atom, RSS and CAP feeds.
    Feeds,
    /// The search index and page.
    Search,
    /// Redirect pages (aliases, `page/1/`).
    Redirects,
    /// `dashboard.json`.
    Dashboard,
    /// `sitemap.xml` and `robots.txt` (they list what the others wrote).
    Builtins,
}

impl Part {
    /// Whether this part may make a file at `rel` or below it: feeds and
    /// the kinds' own files are XML and iCalendar files; search makes what
    /// is under `search/`; the builtins the sitemap and robots.txt; the
    /// other parts any path.
    pub fn may_make(self, rel: &str) -> bool {
        let rel = rel.trim_end_matches('/');
        match self {
            Part::Feeds => {
                let name = rel.rsplit('/').next().unwrap_or(rel);
                name.rsplit_once('.')
                    .is_some_and(|(_, ext)| ["xml", "ics"].iter().any(|e| ext.eq_ignore_ascii_case(e)))
            }
            Part::Search => rel == "search" || rel.starts_with("search/"),
            Part::Builtins => rel == "sitemap.xml" || rel == "robots.txt",
            _ => true,
        }
    }
}

/// Chooses what a render does.
pub trait Select: Sync {
    /// Whether to render `task`.
    fn task(&self, _task: Task) -> bool {
        true
    }

    /// Told the output path of each task chosen, before it renders.
    fn made(&self, _task: Task, _path: &str) {}

    /// Whether to run `part`; asked just before the part would run, one
    /// part after another in the order of [`Part`].
    fn part(&self, _part: Part) -> bool {
        true
    }

    /// Whether to work out each job's key (see [`Job::key`]) and ask
    /// [`Select::keep`] before rendering it.
    ///
    /// [`Job::key`]: super::jobs::Job::key
    fn keys(&self) -> bool {
        false
    }

    /// Whether the file `task` would render at `path` is held already,
    /// made of the same (`key`): it is then not rendered again.
    fn keep(&self, _task: Task, _path: &str, _key: u64) -> bool {
        false
    }
}

impl Shared {
    /// The output path of `task` (`articles/x/index.html`), as its job
    /// says it, without making the job.
    pub fn path_of(&self, env: &ViewEnv, task: Task) -> String {
        use super::paginate::page_path;
        let lib = env.lib;
        // Made in one piece: a path is asked of every task of the site.
        match task {
            Task::Page(id) => [lib.pages[id].path.as_str(), "index.html"].concat(),
            Task::SectionPage(s, n) => [page_path(&lib.sections[s].path, n).as_str(), "index.html"].concat(),
            Task::TaxonomyList(t) => [self.taxonomies.0[t].0.as_str(), "/index.html"].concat(),
            Task::TermPage(t, i, n) => {
                let (tax, terms) = &self.taxonomies.0[t];
                let base = [tax.as_str(), "/", terms[i].slug.as_str(), "/"].concat();
                [page_path(&base, n).as_str(), "index.html"].concat()
            }
            Task::Home => "index.html".to_string(),
            Task::NotFound => "404.html".to_string(),
            Task::Kind(k) => self.kinds.path(env, lib, k),
            Task::SiteMap => super::site_map::PATH.to_string(),
        }
    }
}

/// Renders everything.
pub struct Everything;

impl Select for Everything {}

/// Renders everything and counts the HTML pages its tasks make (pages,
/// lists, terms, kind pages, home, 404; not redirects, copied files or the
/// search page): the page count `build`, `check` and `serve` report.
#[derive(Debug, Default)]
pub struct CountPages(std::sync::atomic::AtomicUsize);

impl CountPages {
    /// The pages counted.
    pub fn count(&self) -> usize {
        self.0.load(std::sync::atomic::Ordering::Relaxed)
    }
}

impl Select for CountPages {
    fn made(&self, _task: Task, path: &str) {
        if path.ends_with(".html") {
            self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Part;

    #[test]
    fn a_missing_path_is_asked_only_of_the_parts_that_make_files_like_it() {
        assert!(Part::Feeds.may_make("atom.xml") && Part::Feeds.may_make("activities/calendar.ics"));
        assert!(Part::Feeds.may_make("emergency/x.CAP.XML"));
        assert!(!Part::Feeds.may_make("favicon.png") && !Part::Feeds.may_make("js/kepu.js.map"));
        assert!(!Part::Feeds.may_make("articles/a/"));
        assert!(Part::Search.may_make("search/") && Part::Search.may_make("search/index.json"));
        assert!(!Part::Search.may_make("searching/"));
        assert!(Part::Builtins.may_make("sitemap.xml") && !Part::Builtins.may_make("atom.xml"));
    }
}
