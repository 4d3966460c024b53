//! The pages of the content kinds beyond one page per file: the kind lists
//! (`/emergency/`, `/columns/`, `/boards/`, `/stations/`), column weeks and
//! media, board posters, town pages, the dashboard and the plan.
//!
//! [`KindPages::new`] computes once what these pages share (weeks, media,
//! coverage); the dashboard figures come from before the render; each
//! `*_job` builds one page.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use super::jobs::{Job, Task};
use super::paginate::{page_count, page_path, pager, paginate};
use super::views::{self, Link, Summary, ViewEnv, summary, town_link};
use crate::content::{Library, PageId, Section, SortBy, library::sort_pages};
use crate::kinds::column::{MEDIA, Medium};
use crate::kinds::{Kind, KindData};
use crate::output::Dep;
use crate::report::coverage::TownCoverage;
use crate::report::dashboard::Dashboard;
use crate::report::{columns, qr};

/// Weeks shown per page of `/columns/`.
pub const WEEKS_PER_PAGE: usize = 10;

/// What the kind pages share.
pub struct KindPages {
    /// Column entries by ISO week, newest week first.
    pub weeks: Vec<((i16, i8), Vec<PageId>)>,
    /// Column entries by medium, newest first.
    pub media: Vec<(Medium, Vec<PageId>)>,
    /// Every coverage figure (computed before the render).
    pub dashboard: Arc<Dashboard>,
    /// Column entry → (older, newer) entry of the same outlet and program.
    programs: HashMap<PageId, (Option<PageId>, Option<PageId>)>,
    /// Town id → its emergency notes and the articles tagged with it, newest first.
    town_pages: HashMap<String, TownPages>,
    /// QR codes (inline SVG) of board pages and of what boards show now, by URL.
    qr: HashMap<String, String>,
}

/// Pages about one town, newest first.
#[derive(Default)]
struct TownPages {
    notes: Vec<PageId>,
    articles: Vec<PageId>,
}

impl KindPages {
    /// Computes the shared data; `dashboard` holds the library's figures.
    pub fn new(env: &ViewEnv, lib: &Library, dashboard: Arc<Dashboard>) -> Self {
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
        KindPages {
            programs: programs(lib, &media),
            town_pages: town_pages(lib),
            qr: qr_codes(env, lib),
            weeks,
            media,
            dashboard,
        }
    }

    /// The QR code of `url` (made for board pages and what boards show now).
    pub fn qr(&self, url: &str) -> String {
        self.qr.get(url).cloned().unwrap_or_default()
    }

    /// Every task of the kind pages.
    pub fn tasks(&self, env: &ViewEnv, lib: &Library) -> Vec<Task> {
        let mut tasks: Vec<Task> = (0..self.weeks.len()).map(Task::ColumnWeek).collect();
        for (i, (_, ids)) in self.media.iter().enumerate() {
            for n in 1..=page_count(ids.len(), env.config.site.paginate_by) {
                tasks.push(Task::ColumnMedium(i, n));
            }
        }
        tasks.extend(lib.pages_of(Kind::Board).map(|(id, _)| Task::Poster(id)));
        tasks.extend((0..env.config.site.towns.len()).map(Task::Town));
        tasks.push(Task::TownList);
        tasks.push(Task::Dashboard);
        if plan_rows(env).is_some() {
            tasks.push(Task::Plan);
        }
        tasks
    }

    /// Items and page size of a section's list, for kinds that list
    /// differently from the default.
    pub fn list_size(&self, s: &Section) -> Option<(usize, usize)> {
        match Kind::from_section(&s.name) {
            Kind::Emergency | Kind::Board | Kind::Station => Some((1, 1)),
            Kind::Column if s.name == "columns" => Some((self.weeks.len(), WEEKS_PER_PAGE)),
            _ => None,
        }
    }

    /// Adds kind-specific variables to page `n` of a section's list.
    pub fn section_context(&self, env: &ViewEnv, lib: &Library, s: &Section, n: usize, job: Job) -> Job {
        match Kind::from_section(&s.name) {
            Kind::Emergency => job.with("notes", &notes_list(env, lib, &s.pages)),
            Kind::Board | Kind::Station => job.with("by_town", &by_town(env, lib, &s.pages)),
            Kind::Column if s.name == "columns" => {
                let weeks: Vec<WeekView> = self
                    .weeks
                    .iter()
                    .skip((n - 1) * WEEKS_PER_PAGE)
                    .take(WEEKS_PER_PAGE)
                    .map(|(w, ids)| week_view(env, *w, ids))
                    .collect();
                let pager = pager(env, &s.path, self.weeks.len(), WEEKS_PER_PAGE, n);
                job.with("weeks", &weeks)
                    .with("paginator", &pager)
                    .with("media", &self.media_links(env))
            }
            _ => job,
        }
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

    /// A town's page.
    pub fn town_job(&self, env: &ViewEnv, lib: &Library, i: usize) -> Job {
        let cov = &self.dashboard.towns[i];
        let town = env.config.site.towns[i].clone();
        let mine = self.town_pages.get(&town.id);
        let note_ids: Vec<PageId> = mine
            .map(|t| t.notes.iter().take(20).copied().collect())
            .unwrap_or_default();
        let article_ids: Vec<PageId> = mine
            .map(|t| t.articles.iter().take(10).copied().collect())
            .unwrap_or_default();
        let notes: Vec<Summary> = note_ids.iter().map(|&id| summary(env, id)).collect();
        let articles: Vec<Summary> = article_ids.iter().map(|&id| summary(env, id)).collect();
        let view = TownView {
            id: &town.id,
            name: &town.name,
            kind_label: town.kind.label(),
            url: env.link(&format!("towns/{}/", town.id)),
            permalink: env.permalink(&format!("towns/{}/", town.id)),
            communities: cov
                .communities
                .iter()
                .map(|c| CommunityView {
                    name: &c.name,
                    station: c.station,
                    board: c.board,
                    staff: c.staff,
                    full: c.full,
                    stations: links(env, lib, &c.stations),
                    boards: links(env, lib, &c.boards),
                })
                .collect(),
            coverage: cov,
            boards: cov.boards.iter().map(|&id| summary(env, id)).collect(),
            stations: cov.stations.iter().map(|&id| summary(env, id)).collect(),
            notes,
            articles,
        };
        let job = Job::new(
            format!("towns/{}/index.html", town.id),
            "town.html",
            format!("town {}", town.id),
        )
        .with("town", &view)
        .dep(Dep::AllFrontMatter)
        .dep(Dep::Config);
        let shown: Vec<PageId> = [&note_ids, &article_ids, &cov.boards, &cov.stations]
            .into_iter()
            .flatten()
            .copied()
            .collect();
        super::pages::summary_deps(job, lib, &shown, shown.len(), 1)
    }

    /// The list of towns with their coverage.
    pub fn town_list_job(&self, env: &ViewEnv) -> Job {
        let towns: Vec<TownRow> = self
            .dashboard
            .towns
            .iter()
            .map(|t| TownRow {
                url: env.link(&format!("towns/{}/", t.id)),
                kind_label: t.kind.label(),
                coverage: t,
            })
            .collect();
        Job::new("towns/index.html", "town_list.html", "towns")
            .with("towns", &towns)
            .with("totals", &self.dashboard.coverage)
            .dep(Dep::AllFrontMatter)
            .dep(Dep::Config)
    }

    /// A board's print poster.
    pub fn poster_job(&self, env: &ViewEnv, lib: &Library, id: PageId) -> Job {
        let page = &lib.pages[id];
        let mut view = views::page(env, page);
        if let Some(b) = &mut view.board {
            for s in &mut b.current {
                s.qr_svg = self.qr(&s.permalink);
            }
            b.qr_svg = self.qr(&view.permalink);
        }
        let mut job = Job::new(
            format!("{}poster/index.html", page.path),
            "board_poster.html",
            page.file.display().to_string(),
        )
        .with("page", &view)
        .dep(Dep::Page(page.rel_path.clone()));
        if let KindData::Board(b) = &page.data {
            for s in &b.showing {
                job = job.dep(Dep::Page(s.page.clone()));
            }
        }
        job
    }

    /// `/dashboard.json`: the same figures as the page and `kepu report --json`.
    pub fn dashboard_json(&self) -> String {
        crate::report::dashboard::to_json(&self.dashboard)
    }

    /// The dashboard page.
    pub fn dashboard_job(&self, env: &ViewEnv) -> Job {
        let charts = crate::report::svg::charts(&self.dashboard);
        Job::new("dashboard/index.html", "dashboard.html", "dashboard")
            .with("dashboard", &*self.dashboard)
            .with("charts", &charts)
            .with("json_url", &env.link("dashboard.json"))
            .dep(Dep::AllFrontMatter)
            .dep(Dep::Config)
    }

    /// The plan page.
    pub fn plan_job(&self, env: &ViewEnv) -> Option<Job> {
        let rows = plan_rows(env)?;
        Some(
            Job::new("plan/index.html", "plan.html", "data/plan.yaml")
                .with("plan", &plan_groups(rows))
                .dep(Dep::Data),
        )
    }

    /// Extra variables of a content page of some kinds: a station's related
    /// pages, a column entry's neighbours in its program.
    pub fn page_context(&self, env: &ViewEnv, lib: &Library, id: PageId, job: Job) -> Job {
        let page = &lib.pages[id];
        match &page.data {
            KindData::Station(s) => {
                let ids: Vec<PageId> = match self.town_pages.get(&s.town) {
                    Some(t) => {
                        let mut all: Vec<PageId> = t.notes.iter().chain(&t.articles).copied().collect();
                        sort_pages(&mut all, &lib.pages, SortBy::Date);
                        all.truncate(10);
                        all
                    }
                    None => Vec::new(),
                };
                let related: Vec<Summary> = ids.iter().map(|&i| summary(env, i)).collect();
                super::pages::summary_deps(job.with("related", &related), lib, &ids, ids.len(), 1)
            }
            KindData::Column(_) => {
                let (older, newer) = self.programs.get(&id).copied().unwrap_or((None, None));
                let view = |o: PageId| summary(env, o);
                let job = job
                    .with("program_prev", &older.map(view))
                    .with("program_next", &newer.map(view));
                let ids: Vec<PageId> = older.into_iter().chain(newer).collect();
                super::pages::summary_deps(job, lib, &ids, ids.len(), 1)
            }
            _ => job,
        }
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

/// Emergency notes and articles of every town, newest first.
fn town_pages(lib: &Library) -> HashMap<String, TownPages> {
    let mut out: HashMap<String, TownPages> = HashMap::new();
    for (id, p) in lib.pages.iter().enumerate() {
        match &p.data {
            KindData::Emergency(e) => {
                for a in &e.areas {
                    out.entry(a.clone()).or_default().notes.push(id);
                }
            }
            KindData::None if p.kind == Kind::Article => {
                for t in &p.meta.towns {
                    out.entry(t.clone()).or_default().articles.push(id);
                }
            }
            _ => {}
        }
    }
    for t in out.values_mut() {
        t.notes.dedup();
        t.articles.dedup();
        sort_pages(&mut t.notes, &lib.pages, SortBy::Date);
        sort_pages(&mut t.articles, &lib.pages, SortBy::Date);
    }
    out
}

/// QR codes of every board page and of every page a board shows now, made
/// once in parallel (the board page and its poster share them).
fn qr_codes(env: &ViewEnv, lib: &Library) -> HashMap<String, String> {
    use rayon::prelude::*;
    let now = env.clock.now();
    let mut wanted: Vec<(String, &str)> = Vec::new();
    for (_, p) in lib.pages_of(Kind::Board) {
        wanted.push((env.permalink(&p.path), &p.title));
        if let KindData::Board(b) = &p.data {
            for s in b.showing.iter().filter(|s| s.is_current(now)) {
                if let Some(t) = lib.page(&s.page) {
                    wanted.push((env.permalink(&t.path), &t.title));
                }
            }
        }
    }
    wanted.sort_unstable();
    wanted.dedup_by(|a, b| a.0 == b.0);
    wanted
        .into_par_iter()
        .filter_map(|(url, title)| qr::svg(&url, &format!("{title} 的二维码")).ok().map(|svg| (url, svg)))
        .collect()
}

fn links(env: &ViewEnv, lib: &Library, ids: &[PageId]) -> Vec<Link> {
    ids.iter()
        .map(|&id| Link {
            name: lib.pages[id].title.clone(),
            url: env.link(&lib.pages[id].path),
        })
        .collect()
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

/// `/emergency/`: active notes by level then date, then the archive by year.
#[derive(Debug, Serialize)]
struct NotesList {
    active: Vec<Summary>,
    archive: Vec<YearGroup>,
}

#[derive(Debug, Serialize)]
struct YearGroup {
    year: i16,
    pages: Vec<Summary>,
}

fn notes_list<'a>(env: &ViewEnv<'a>, lib: &'a Library, ids: &[PageId]) -> NotesList {
    let now = env.clock.now();
    let mut active: Vec<PageId> = Vec::new();
    let mut archive: Vec<YearGroup> = Vec::new();
    for &id in ids {
        let p = &lib.pages[id];
        match &p.data {
            KindData::Emergency(e) if e.is_active(p.date, now) => active.push(id),
            _ => {
                let year = p.date.map(|d| env.clock.zoned(d).year()).unwrap_or(0);
                match archive.last_mut() {
                    Some(g) if g.year == year => g.pages.push(summary(env, id)),
                    _ => archive.push(YearGroup {
                        year,
                        pages: vec![summary(env, id)],
                    }),
                }
            }
        }
    }
    let level = |id: PageId| match &lib.pages[id].data {
        KindData::Emergency(e) => e.level,
        _ => crate::kinds::emergency::Level::Blue,
    };
    active.sort_by(|&a, &b| {
        level(a)
            .cmp(&level(b))
            .then(lib.pages[b].date.cmp(&lib.pages[a].date))
            .then(lib.pages[a].path.cmp(&lib.pages[b].path))
    });
    NotesList {
        active: active.into_iter().map(|id| summary(env, id)).collect(),
        archive,
    }
}

/// Boards or stations of a town.
#[derive(Debug, Serialize)]
struct TownGroup {
    town: Option<views::TownLink>,
    pages: Vec<Summary>,
}

fn by_town<'a>(env: &ViewEnv<'a>, lib: &'a Library, ids: &[PageId]) -> Vec<TownGroup> {
    let town_of = |id: PageId| match &lib.pages[id].data {
        KindData::Board(b) => b.town.clone(),
        KindData::Station(s) => s.town.clone(),
        _ => String::new(),
    };
    let mut groups: Vec<TownGroup> = Vec::new();
    let order: Vec<&str> = env.config.site.towns.iter().map(|t| t.id.as_str()).collect();
    let mut sorted: Vec<PageId> = ids.to_vec();
    sorted.sort_by(|&a, &b| {
        let (ta, tb) = (town_of(a), town_of(b));
        let pos = |t: &str| order.iter().position(|x| *x == t).unwrap_or(usize::MAX);
        pos(&ta)
            .cmp(&pos(&tb))
            .then(lib.pages[a].title.cmp(&lib.pages[b].title))
            .then(lib.pages[a].path.cmp(&lib.pages[b].path))
    });
    for id in sorted {
        let t = town_of(id);
        let link = town_link(env, &t);
        match groups.last_mut() {
            Some(g) if g.town.as_ref().map(|l| l.id.as_str()) == link.as_ref().map(|l| l.id.as_str()) => {
                g.pages.push(summary(env, id))
            }
            _ => groups.push(TownGroup {
                town: link,
                pages: vec![summary(env, id)],
            }),
        }
    }
    groups
}

/// A row of the town list.
#[derive(Debug, Serialize)]
struct TownRow<'a> {
    url: String,
    kind_label: &'static str,
    coverage: &'a TownCoverage,
}

/// A town page.
#[derive(Debug, Serialize)]
struct TownView<'a> {
    id: &'a str,
    name: &'a str,
    kind_label: &'static str,
    url: String,
    permalink: String,
    communities: Vec<CommunityView<'a>>,
    coverage: &'a TownCoverage,
    boards: Vec<Summary>,
    stations: Vec<Summary>,
    notes: Vec<Summary>,
    articles: Vec<Summary>,
}

#[derive(Debug, Serialize)]
struct CommunityView<'a> {
    name: &'a str,
    station: bool,
    board: bool,
    staff: bool,
    full: bool,
    stations: Vec<Link>,
    boards: Vec<Link>,
}

pub(crate) fn plan_rows<'a>(env: &ViewEnv<'a>) -> Option<&'a [serde_json::Value]> {
    env.data.get("plan")?.as_array().map(Vec::as_slice)
}

/// The plan's rows grouped by their first-level indicator, in order.
#[derive(Debug, Serialize)]
struct PlanGroup<'a> {
    level1: String,
    rows: Vec<&'a serde_json::Value>,
}

fn plan_groups(rows: &[serde_json::Value]) -> Vec<PlanGroup<'_>> {
    let mut groups: Vec<PlanGroup> = Vec::new();
    for r in rows {
        let l1 = r.get("level1").and_then(|v| v.as_str()).unwrap_or("").to_string();
        match groups.last_mut() {
            Some(g) if g.level1 == l1 => g.rows.push(r),
            _ => groups.push(PlanGroup {
                level1: l1,
                rows: vec![r],
            }),
        }
    }
    groups
}
