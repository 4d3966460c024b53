//! The column's own pages beyond one page per entry: `/columns/` by week,
//! one page per ISO week, one list per medium, and each entry's neighbours
//! in its program.

use std::collections::HashMap;

use serde::Serialize;

use crate::content::{Library, PageId, SortBy, library::sort_pages};
use crate::kinds::column::{MEDIA, Medium};
use crate::kinds::{Kind, KindData};
use crate::output::Dep;
use crate::render::jobs::Job;
use crate::render::paginate::{page_path, pager, paginate};
use crate::render::views::{Link, Summary, ViewEnv, summary};
use crate::report::columns;

/// Weeks shown per page of `/columns/`.
pub const WEEKS_PER_PAGE: usize = 10;

/// What the column's pages share.
pub struct ColumnPages {
    /// Column entries by ISO week, newest week first.
    pub weeks: Vec<((i16, i8), Vec<PageId>)>,
    /// Column entries by medium, newest first.
    pub media: Vec<(Medium, Vec<PageId>)>,
    /// Column entry → (older, newer) entry of the same outlet and program.
    programs: HashMap<PageId, (Option<PageId>, Option<PageId>)>,
}

impl ColumnPages {
    /// Groups the entries of `lib` by week, medium and program.
    pub fn new(env: &ViewEnv, lib: &Library) -> Self {
        let weeks = columns::entries_by_week(lib, env.clock);
        let media: Vec<(Medium, Vec<PageId>)> = MEDIA
            .iter()
            .map(|(m, _)| {
                let mut ids: Vec<PageId> = lib
                    .pages_of(Kind::Column)
                    .filter(|(_, p)| matches!(&p.data, KindData::Column(c) if c.medium == *m))
                    .map(|(id, _)| id)
                    .collect();
                sort_pages(&mut ids, &lib.pages, SortBy::Date);
                (*m, ids)
            })
            .filter(|(_, ids)| !ids.is_empty())
            .collect();
        ColumnPages {
            programs: programs(lib, &media),
            weeks,
            media,
        }
    }

    /// Page `n` of `/columns/`: the weeks, a pager over them and the media.
    pub fn list_context(&self, env: &ViewEnv, path: &str, n: usize, job: Job) -> Job {
        let weeks: Vec<WeekView> = self
            .weeks
            .iter()
            .skip((n - 1) * WEEKS_PER_PAGE)
            .take(WEEKS_PER_PAGE)
            .map(|(w, ids)| week_view(env, *w, ids))
            .collect();
        let pager = pager(env, path, self.weeks.len(), WEEKS_PER_PAGE, n);
        job.with("weeks", &weeks)
            .with("paginator", &pager)
            .with("media", &self.media_links(env))
    }

    fn media_links(&self, env: &ViewEnv) -> Vec<Link> {
        self.media
            .iter()
            .map(|(m, _)| Link {
                name: m.label().to_string(),
                url: env.link(&format!("columns/{}/", m.name())),
            })
            .collect()
    }

    /// The page of one ISO week of the column.
    pub fn week_job(&self, env: &ViewEnv, i: usize) -> Job {
        let (w, ids) = &self.weeks[i];
        let view = week_view(env, *w, ids);
        let link = |j: Option<usize>| {
            j.and_then(|j| self.weeks.get(j))
                .map(|(w, ids)| week_view(env, *w, ids))
        };
        let (newer, older) = (link(i.checked_sub(1)), link(Some(i + 1)));
        Job::new(
            format!("{}index.html", week_path(*w)),
            "column_week.html",
            format!("column week {}", view.label),
        )
        .with("week", &view)
        .with("newer", &newer)
        .with("older", &older)
        .dep(Dep::Section("columns".into()))
    }

    /// Page `n` of the list of one medium.
    pub fn medium_job(&self, env: &ViewEnv, i: usize, n: usize) -> Job {
        let (m, ids) = &self.media[i];
        let base = format!("columns/{}/", m.name());
        let pager = paginate(env, ids, &base, env.config.site.paginate_by, n);
        let medium = Link {
            name: m.label().to_string(),
            url: env.link(&base),
        };
        Job::new(
            format!("{}index.html", page_path(&base, n)),
            "column_medium.html",
            format!("column medium {}", m.name()),
        )
        .with("medium", &medium)
        .with("media", &self.media_links(env))
        .with("paginator", &pager)
        .dep(Dep::Section("columns".into()))
    }

    /// An entry's page: its older and newer neighbour in its program.
    pub fn page_context(&self, env: &ViewEnv, lib: &Library, id: PageId, job: Job) -> Job {
        let (older, newer) = self.programs.get(&id).copied().unwrap_or((None, None));
        let view = |o: PageId| summary(env, o);
        let job = job
            .with("program_prev", &older.map(view))
            .with("program_next", &newer.map(view));
        let ids: Vec<PageId> = older.into_iter().chain(newer).collect();
        crate::render::pages::summary_deps(job, lib, &ids, ids.len(), 1)
    }
}

/// Each column entry's older and newer neighbour in its outlet and program.
fn programs(lib: &Library, media: &[(Medium, Vec<PageId>)]) -> HashMap<PageId, (Option<PageId>, Option<PageId>)> {
    let mut by_program: HashMap<(Option<&str>, Option<&str>), Vec<PageId>> = HashMap::new();
    for &id in media.iter().flat_map(|(_, ids)| ids) {
        if let KindData::Column(c) = &lib.pages[id].data {
            by_program
                .entry((c.outlet.as_deref(), c.program.as_deref()))
                .or_default()
                .push(id);
        }
    }
    let mut out = HashMap::new();
    for ids in by_program.values_mut() {
        sort_pages(ids, &lib.pages, SortBy::Date);
        for (i, &id) in ids.iter().enumerate() {
            out.insert(id, (ids.get(i + 1).copied(), i.checked_sub(1).map(|j| ids[j])));
        }
    }
    out
}

/// `columns/2026/w21/`.
pub fn week_path((y, w): (i16, i8)) -> String {
    format!("columns/{y}/w{w:02}/")
}

/// One week of the column.
#[derive(Debug, Serialize)]
struct WeekView {
    label: String,
    /// `第48周（11月23日—29日）`.
    title: String,
    year: i16,
    week: i8,
    url: String,
    /// `11月16日—11月22日`.
    range: String,
    count: usize,
    entries: Vec<Summary>,
}

fn week_view(env: &ViewEnv, w: (i16, i8), ids: &[PageId]) -> WeekView {
    let monday = jiff::civil::ISOWeekDate::new(w.0, w.1, jiff::civil::Weekday::Monday)
        .map(|d| d.date())
        .ok();
    let range = monday
        .map(|mon| {
            let sun = mon.checked_add(jiff::Span::new().days(6)).unwrap_or(mon);
            format!("{}月{}日—{}月{}日", mon.month(), mon.day(), sun.month(), sun.day())
        })
        .unwrap_or_default();
    WeekView {
        label: format!("{}-W{:02}", w.0, w.1),
        title: monday
            .map(|mon| crate::report::columns::week_title(w.1, mon))
            .unwrap_or_default(),
        year: w.0,
        week: w.1,
        url: env.link(&week_path(w)),
        range,
        count: ids.len(),
        entries: ids.iter().map(|&id| summary(env, id)).collect(),
    }
}

/// This week's entries for the home page, else the newest three.
pub(crate) fn home_entries(env: &ViewEnv, lib: &Library) -> Vec<Summary> {
    let ids = lib.section("columns").map(|s| s.pages.as_slice()).unwrap_or_default();
    let this_week = env.clock.iso_week(env.clock.now());
    let mut entries: Vec<Summary> = ids
        .iter()
        .copied()
        .filter(|&id| lib.pages[id].date.is_some_and(|d| env.clock.iso_week(d) == this_week))
        .map(|id| summary(env, id))
        .collect();
    if entries.is_empty() {
        entries = ids.iter().take(3).map(|&id| summary(env, id)).collect();
    }
    entries
}

/// The titles of the media's list pages, for breadcrumbs.
pub(crate) fn crumbs(env: &ViewEnv, m: &mut std::collections::BTreeMap<String, String>) {
    for (medium, name) in MEDIA {
        m.insert(env.link(&format!("columns/{name}/")), medium.label().to_string());
    }
}
