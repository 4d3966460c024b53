//! The pages of the content kinds beyond one page per file: the kind lists
//! (`/emergency/`, `/columns/`, `/boards/`, `/stations/`), column weeks and
//! media ([`super::column::pages`]), board posters ([`super::board::pages`]),
//! town pages ([`super::towns`]), the dashboard and the plan.
//!
//! [`KindPages::new`] computes once what these pages share (weeks, media,
//! coverage); the dashboard figures come from before the render; each
//! `*_job` builds one page.

use std::sync::Arc;

use serde::Serialize;

use super::activity::pages::ActivityPages;
use super::board::pages::BoardQr;
use super::column::pages::{ColumnPages, WEEKS_PER_PAGE};
use super::towns::{TownPages, by_town, town_list_job};
use super::{Kind, KindData};
use crate::content::{Library, PageId, Section};
use crate::output::Dep;
use crate::render::jobs::{Job, Task};
use crate::render::paginate::page_count;
use crate::render::views::ViewEnv;
use crate::report::dashboard::Dashboard;

/// A page of the kinds, cheap to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KindTask {
    /// Column entries of one ISO week (index into the weeks).
    ColumnWeek(usize),
    /// Page `n` of the entries of medium `m` (index into the media).
    ColumnMedium(usize, usize),
    /// The print poster of a board (page id).
    Poster(usize),
    /// A town's page (index in site.yaml).
    Town(usize),
    /// The list of towns.
    TownList,
    /// The coverage dashboard.
    Dashboard,
    /// The plan page (`data/plan.yaml`).
    Plan,
}

/// What the kind pages share.
pub struct KindPages {
    /// Column entries by week, by medium and by program.
    pub columns: ColumnPages,
    /// Every coverage figure (computed before the render).
    pub dashboard: Arc<Dashboard>,
    /// Each town's notes and articles.
    towns: TownPages,
    /// QR codes of board pages and of what boards show now.
    qr: BoardQr,
    /// Every activity, soonest first.
    activities: ActivityPages,
}

impl KindPages {
    /// Computes the shared data; `dashboard` holds the library's figures.
    pub fn new(env: &ViewEnv, lib: &Library, dashboard: Arc<Dashboard>) -> Self {
        KindPages {
            columns: ColumnPages::new(env, lib),
            towns: TownPages::new(lib),
            qr: BoardQr::new(env, lib),
            activities: ActivityPages::new(lib),
            dashboard,
        }
    }

    /// The QR code of `url` (made for board pages and what boards show now).
    pub fn qr(&self, url: &str) -> String {
        self.qr.get(url)
    }

    /// Every task of the kind pages.
    pub fn tasks(&self, env: &ViewEnv, lib: &Library) -> Vec<Task> {
        let mut tasks: Vec<Task> = (0..self.columns.weeks.len())
            .map(|i| Task::Kind(KindTask::ColumnWeek(i)))
            .collect();
        for (i, (_, ids)) in self.columns.media.iter().enumerate() {
            for n in 1..=page_count(ids.len(), env.config.site.paginate_by) {
                tasks.push(Task::Kind(KindTask::ColumnMedium(i, n)));
            }
        }
        tasks.extend(
            lib.pages_of(Kind::Board)
                .map(|(id, _)| Task::Kind(KindTask::Poster(id))),
        );
        tasks.extend((0..env.config.site.towns.len()).map(|i| Task::Kind(KindTask::Town(i))));
        tasks.push(Task::Kind(KindTask::TownList));
        tasks.push(Task::Kind(KindTask::Dashboard));
        if plan_rows(env).is_some() {
            tasks.push(Task::Kind(KindTask::Plan));
        }
        tasks
    }

    /// Items and page size of a section's list, for kinds that list
    /// differently from the default.
    pub fn list_size(&self, s: &Section) -> Option<(usize, usize)> {
        match Kind::from_section(&s.name) {
            Kind::Emergency | Kind::Board | Kind::Station | Kind::Activity => Some((1, 1)),
            Kind::Column if s.name == "columns" => Some((self.columns.weeks.len(), WEEKS_PER_PAGE)),
            _ => None,
        }
    }

    /// Adds kind-specific variables to page `n` of a section's list.
    pub fn section_context(&self, env: &ViewEnv, lib: &Library, s: &Section, n: usize, job: Job) -> Job {
        match Kind::from_section(&s.name) {
            Kind::Emergency => job.with("notes", &super::emergency::pages::notes_list(env, lib, &s.pages)),
            Kind::Board | Kind::Station => job.with("by_town", &by_town(env, lib, &s.pages)),
            Kind::Activity => self.activities.list_context(env, job),
            Kind::Column if s.name == "columns" => self.columns.list_context(env, &s.path, n, job),
            _ => job,
        }
    }

    /// The job of one of the kinds' pages.
    pub fn job(&self, env: &ViewEnv, lib: &Library, task: KindTask) -> Option<Job> {
        match task {
            KindTask::ColumnWeek(i) => Some(self.columns.week_job(env, i)),
            KindTask::ColumnMedium(i, n) => Some(self.columns.medium_job(env, i, n)),
            KindTask::Poster(id) => Some(self.qr.poster_job(env, lib, id)),
            KindTask::Town(i) => Some(self.activities.town_context(
                env,
                &env.config.site.towns[i].id,
                self.towns.town_job(env, lib, &self.dashboard, i),
            )),
            KindTask::TownList => Some(town_list_job(env, &self.dashboard)),
            KindTask::Dashboard => Some(self.dashboard_job(env)),
            KindTask::Plan => self.plan_job(env),
        }
    }

    /// `/dashboard.json`: the same figures as the page and `kepu report --json`.
    pub fn dashboard_json(&self) -> String {
        crate::report::dashboard::to_json(&self.dashboard)
    }

    /// The dashboard page.
    fn dashboard_job(&self, env: &ViewEnv) -> Job {
        let charts = crate::report::svg::charts(&self.dashboard);
        Job::new("dashboard/index.html", "dashboard.html", "dashboard")
            .with("dashboard", &*self.dashboard)
            .with("charts", &charts)
            .with("json_url", &env.link("dashboard.json"))
            .dep(Dep::AllFrontMatter)
            .dep(Dep::Config)
    }

    /// The plan page.
    fn plan_job(&self, env: &ViewEnv) -> Option<Job> {
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
        match &lib.pages[id].data {
            KindData::Station(s) => {
                let job = self.activities.station_context(env, s, job);
                self.towns.station_context(env, lib, &s.town, job)
            }
            KindData::Column(_) => self.columns.page_context(env, lib, id, job),
            _ => job,
        }
    }
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
