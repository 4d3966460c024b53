//! The pages of the content kinds beyond one page per file: the kind lists
//! (`/emergency/`, `/columns/`, `/boards/`, `/stations/`), column weeks and
//! media ([`super::column::pages`]), board posters ([`super::board::pages`]),
//! town pages ([`super::towns`]), the dashboard, the plan and the year-end
//! summaries.
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
use crate::report::measures::{Reading, ReadingText};
use crate::report::plan::{PlanReport, PlanRow};

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
    /// The year-end summary of a year (index into the plan's years).
    Report(usize),
}

/// What the kind pages share.
pub struct KindPages {
    /// Column entries by week, by medium and by program.
    pub columns: ColumnPages,
    /// Every coverage figure (computed before the render).
    pub dashboard: Arc<Dashboard>,
    /// The plan's measures and the year-end summaries (computed with the
    /// dashboard).
    pub plan: Arc<PlanReport>,
    /// Each town's notes and articles.
    towns: TownPages,
    /// QR codes of board pages and of what boards show now.
    qr: BoardQr,
    /// Every activity, soonest first.
    activities: ActivityPages,
}

impl KindPages {
    /// Computes the shared data; `dashboard` and `plan` hold the library's
    /// figures.
    pub fn new(env: &ViewEnv, lib: &Library, dashboard: Arc<Dashboard>, plan: Arc<PlanReport>) -> Self {
        KindPages {
            columns: ColumnPages::new(env, lib),
            towns: TownPages::new(lib),
            qr: BoardQr::new(env, lib),
            activities: ActivityPages::new(lib),
            dashboard,
            plan,
        }
    }

    /// The QR code of `url` (made for board pages and what boards show now).
    pub fn qr(&self, url: &str) -> String {
        self.qr.get(url)
    }

    /// Takes over the QR codes `old` made that are still wanted as they
    /// were.
    pub fn keep_qr_from(&self, old: &KindPages) {
        self.qr.keep_from(&old.qr);
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
        tasks.extend(Self::posters(lib).map(|id| Task::Kind(KindTask::Poster(id))));
        tasks.extend((0..env.config.site.towns.len()).map(|i| Task::Kind(KindTask::Town(i))));
        tasks.push(Task::Kind(KindTask::TownList));
        tasks.push(Task::Kind(KindTask::Dashboard));
        if self.plan.inputs.rows.is_some() {
            tasks.push(Task::Kind(KindTask::Plan));
        }
        tasks.extend((0..self.plan.years.len()).map(|i| Task::Kind(KindTask::Report(i))));
        tasks
    }

    /// The pages that have a print poster: a second output that shows the
    /// whole page (`page`, body and all).
    pub fn posters(lib: &Library) -> impl Iterator<Item = PageId> + '_ {
        lib.pages_of(Kind::Board).map(|(id, _)| id)
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
            KindTask::Report(i) => self.report_job(env, i),
        }
    }

    /// The output path of one of the kinds' pages, as its job says it,
    /// without making the job.
    pub fn path(&self, env: &ViewEnv, lib: &Library, task: KindTask) -> String {
        match task {
            KindTask::ColumnWeek(i) => {
                format!("{}index.html", super::column::pages::week_path(self.columns.weeks[i].0))
            }
            KindTask::ColumnMedium(i, n) => format!(
                "{}index.html",
                crate::render::paginate::page_path(&format!("columns/{}/", self.columns.media[i].0.name()), n)
            ),
            KindTask::Poster(id) => [lib.pages[id].path.as_str(), "poster/index.html"].concat(),
            KindTask::Town(i) => format!("towns/{}/index.html", env.config.site.towns[i].id),
            KindTask::TownList => "towns/index.html".to_string(),
            KindTask::Dashboard => "dashboard/index.html".to_string(),
            KindTask::Plan => "plan/index.html".to_string(),
            KindTask::Report(i) => match self.plan.years.get(i) {
                Some(y) => format!("{}index.html", report_path(y.year)),
                None => String::new(),
            },
        }
    }

    /// `/dashboard.json` (the same figures as the page and `kepu report
    /// --json`) and `/report/YEAR/report.json` of every year-end summary
    /// (the same as `kepu report --year YEAR --json`): output path, the key
    /// of the figures it shows, and its text.
    pub fn figure_files(&self) -> Vec<FigureFile<'_>> {
        let dashboard: FigureFile = (
            "dashboard.json".to_string(),
            Box::new(|| figures_key(&*self.dashboard)),
            Box::new(|| crate::report::dashboard::to_json(&self.dashboard)),
        );
        let years = self.plan.years.iter().map(|y| -> FigureFile {
            (
                format!("{}report.json", report_path(y.year)),
                Box::new(move || figures_key(y)),
                Box::new(move || crate::report::year::to_json(y)),
            )
        });
        std::iter::once(dashboard).chain(years).collect()
    }

    /// Links to the year-end summaries, newest first.
    fn report_links(&self, env: &ViewEnv) -> Vec<ReportLink> {
        self.plan
            .years
            .iter()
            .rev()
            .map(|y| ReportLink {
                year: y.year,
                url: env.link(&report_path(y.year)),
            })
            .collect()
    }

    /// The dashboard page.
    fn dashboard_job(&self, env: &ViewEnv) -> Job {
        let charts = crate::report::svg::charts(&self.dashboard);
        Job::new("dashboard/index.html", "dashboard.html", "dashboard")
            .with("dashboard", &*self.dashboard)
            .with("charts", &charts)
            .with("json_url", &env.link("dashboard.json"))
            .with("reports", &self.report_links(env))
            .with("plan_url", &self.plan_url(env))
            .dep(Dep::AllFrontMatter)
            .dep(Dep::Config)
            .dep(Dep::Data)
    }

    /// The plan page's URL, when the site has the plan.
    fn plan_url(&self, env: &ViewEnv) -> Option<String> {
        self.plan.inputs.rows.as_ref().map(|_| env.link("plan/"))
    }

    /// The plan page: the task table, with the live figure of each row
    /// that names a measure.
    fn plan_job(&self, env: &ViewEnv) -> Option<Job> {
        let rows = self.plan.inputs.rows.as_ref()?;
        let groups = plan_groups(rows, |name| self.plan.reading(name).map(|r| MeasureView::new(env, r)));
        Some(
            Job::new("plan/index.html", "plan.html", "data/plan.yaml")
                .with("plan", &groups)
                .with("measured", &rows.iter().filter(|r| !r.measures.is_empty()).count())
                .with("generated", &env.clock.ymd(env.clock.now()))
                .with("reports", &self.report_links(env))
                .dep(Dep::Data)
                .dep(Dep::AllFrontMatter)
                .dep(Dep::Config),
        )
    }

    /// The year-end summary of the `i`-th year.
    fn report_job(&self, env: &ViewEnv, i: usize) -> Option<Job> {
        let y = self.plan.years.get(i)?;
        let measures: Vec<MeasureView> = y.measures.iter().map(|r| MeasureView::new(env, r)).collect();
        let path = report_path(y.year);
        Some(
            Job::new(format!("{path}index.html"), "report.html", "report")
                .with("report", y)
                .with("measures", &measures)
                .with("json_url", &env.link(&format!("{path}report.json")))
                .with("reports", &self.report_links(env))
                .with("plan_url", &self.plan_url(env))
                .with("dashboard_url", &env.link("dashboard/"))
                .dep(Dep::AllFrontMatter)
                .dep(Dep::Config)
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

/// A file of figures: output path, the key of the figures and its text,
/// each worked out when asked for.
pub type FigureFile<'a> = (String, Lazy<'a, u64>, Lazy<'a, String>);

/// A value worked out when asked for.
pub type Lazy<'a, T> = Box<dyn Fn() -> T + Send + Sync + 'a>;

/// The key of `figures` (what their JSON file shows).
fn figures_key<T: serde::Serialize + ?Sized>(figures: &T) -> u64 {
    let mut h = crate::render::jobs::KeyHasher::new(9);
    h.value(figures);
    h.finish()
}

/// The site path of the summary of `year`: `report/2026/`.
pub fn report_path(year: i16) -> String {
    format!("report/{year}/")
}

/// A link to a year-end summary.
#[derive(Debug, Serialize)]
struct ReportLink {
    year: i16,
    url: String,
}

/// A measure read, as pages show it: its figures, its words in Chinese and
/// the link to its evidence.
#[derive(Debug, Serialize)]
pub struct MeasureView<'a> {
    /// The figures.
    #[serde(flatten)]
    pub reading: &'a Reading,
    /// The words.
    pub text: ReadingText,
    /// The evidence page's URL.
    pub url: Option<String>,
}

impl<'a> MeasureView<'a> {
    /// The view of `r`.
    pub fn new(env: &ViewEnv, r: &'a Reading) -> Self {
        MeasureView {
            reading: r,
            text: r.text(crate::i18n::Lang::Zh),
            url: r.evidence.as_deref().map(|e| env.link(e)),
        }
    }
}

/// The plan's rows grouped by their first-level indicator, then by their
/// second-level one, in order.
#[derive(Debug, Serialize)]
struct PlanGroup<'a> {
    level1: &'a str,
    /// Rows in the group.
    count: usize,
    parts: Vec<PlanPart<'a>>,
}

/// Rows of one second-level indicator.
#[derive(Debug, Serialize)]
struct PlanPart<'a> {
    level2: &'a str,
    rows: Vec<PlanRowView<'a>>,
}

/// A row with its measures read.
#[derive(Debug, Serialize)]
struct PlanRowView<'a> {
    #[serde(flatten)]
    row: &'a PlanRow,
    readings: Vec<MeasureView<'a>>,
}

fn plan_groups<'a>(rows: &'a [PlanRow], read: impl Fn(&str) -> Option<MeasureView<'a>>) -> Vec<PlanGroup<'a>> {
    let mut groups: Vec<PlanGroup> = Vec::new();
    for r in rows {
        let view = PlanRowView {
            row: r,
            readings: r.measures.iter().filter_map(|m| read(m)).collect(),
        };
        if groups.last().is_none_or(|g| g.level1 != r.level1) {
            groups.push(PlanGroup {
                level1: &r.level1,
                count: 0,
                parts: Vec::new(),
            });
        }
        let Some(g) = groups.last_mut() else { continue };
        g.count += 1;
        match g.parts.last_mut() {
            Some(p) if p.level2 == r.level2 => p.rows.push(view),
            _ => g.parts.push(PlanPart {
                level2: &r.level2,
                rows: vec![view],
            }),
        }
    }
    groups
}
