//! The year-end summary (`/report/YEAR/`, `kepu report --year YEAR`): a
//! year's figures beside the plan's targets.
//!
//! A year counts from 1 January up to the build clock (the current year)
//! or to its last day (a past year). Weeks of the column are ISO weeks of
//! that ISO year; coverage and board freshness are as they stood on the
//! last day counted (stations and boards dated later are left out); the
//! association's counts count only when taken that year.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use super::counts::Counts;
use super::coverage::towns_at;
use super::dashboard::{CoverageTotals, Dashboard, MonthCount, NamedCount, emergency_in};
use super::freshness::{Freshness, freshness};
use super::measures::{self, ColumnFigures, Figures, Reading};
use crate::config::Config;
use crate::content::Library;
use crate::i18n::{Lang, t};
use crate::kinds::activity::figures::{self as activities, ActivityFigures};
use crate::kinds::{Kind, KindData};
use crate::time::SiteClock;

/// One year's summary.
#[derive(Debug, Clone, Serialize)]
pub struct YearReport {
    /// Site title.
    pub site: String,
    /// Build time, RFC 3339.
    pub generated: String,
    /// The year.
    pub year: i16,
    /// `2026-01-01`.
    pub from: String,
    /// The last day counted: the build day, or `2026-12-31`.
    pub until: String,
    /// Whether the year is over.
    pub complete: bool,
    /// Articles dated that year.
    pub articles: YearArticles,
    /// Emergency notes dated that year.
    pub emergency: YearEmergency,
    /// The weekly column.
    pub columns: YearColumns,
    /// Activities and participants, by town.
    pub activities: ActivityFigures,
    /// Boards.
    pub boards: YearBoards,
    /// 站栏员 coverage on the last day counted.
    pub coverage: CoverageTotals,
    /// Coverage by town, in site.yaml's order.
    pub towns: Vec<YearTown>,
    /// Every measure of the plan, read for the year.
    pub measures: Vec<Reading>,
}

/// Articles of the year.
#[derive(Debug, Clone, Serialize)]
pub struct YearArticles {
    /// Articles.
    pub total: usize,
    /// Per month, January to the last month counted.
    pub by_month: Vec<MonthCount>,
}

/// Emergency notes of the year.
#[derive(Debug, Clone, Serialize)]
pub struct YearEmergency {
    /// Notes.
    pub total: usize,
    /// By hazard (only hazards with notes).
    pub by_hazard: Vec<NamedCount>,
    /// By level, red to blue.
    pub by_level: Vec<NamedCount>,
}

/// The weekly column in the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearColumns {
    /// Required per week.
    pub min_per_week: u32,
    /// Weeks counted (from `columns.since`).
    pub weeks_total: usize,
    /// Weeks that kept the promise.
    pub weeks_met: usize,
    /// Column entries dated that year.
    pub entries: usize,
}

/// Boards in the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearBoards {
    /// Boards standing on the last day counted.
    pub total: usize,
    /// Whose display changed during the year.
    pub updated: usize,
    /// Display changes during the year (a start or an end of a window).
    pub changes: usize,
    /// Fresh on the last day counted.
    pub fresh: usize,
    /// Stale then.
    pub stale: usize,
    /// Showing nothing then.
    pub empty: usize,
}

/// One town in the year: its coverage at the end and its activities.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearTown {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Villages and communities.
    pub communities: usize,
    /// With a station.
    pub with_station: usize,
    /// With a station, a board and staff.
    pub full: usize,
    /// Activities held there.
    pub activities: usize,
    /// Of which 科技志愿服务.
    pub volunteer_service: usize,
    /// Participants (人次).
    pub participants: usize,
    /// Resident population, if site.yaml gives it.
    pub population: Option<u64>,
    /// Participants as a percentage of the population, one decimal.
    pub reach: Option<f64>,
}

/// The years that have content (a page dated in them), oldest first, up
/// to the build year.
pub fn years_with_content(lib: &Library, clock: &SiteClock) -> Vec<i16> {
    let now_year = clock.zoned(clock.now()).year();
    let mut years: Vec<i16> = lib
        .pages
        .iter()
        .filter_map(|p| p.date)
        .map(|d| clock.zoned(d).year())
        .filter(|&y| y <= now_year)
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// Midnight of 1 January of `year` in the site's zone.
fn new_year(clock: &SiteClock, year: i16) -> Option<Timestamp> {
    Date::new(year, 1, 1)
        .ok()?
        .to_zoned_datetime(clock.tz().clone())
        .ok()
        .map(|z| z.timestamp())
}

/// The summary of `year`.
pub fn compute(
    year: i16,
    lib: &Library,
    config: &Config,
    clock: &SiteClock,
    dashboard: &Dashboard,
    counts: &Counts,
) -> YearReport {
    let now = clock.now();
    let start = new_year(clock, year).unwrap_or(now);
    let complete = clock.zoned(now).year() > year;
    let until = match complete {
        true => new_year(clock, year + 1)
            .and_then(|t| t.checked_sub(jiff::SignedDuration::from_secs(1)).ok())
            .unwrap_or(now),
        false => now,
    };
    let in_year = |d: Option<Timestamp>| d.is_some_and(|d| d >= start && d <= until);

    let last_month = clock.zoned(until).month();
    let mut by_month: Vec<MonthCount> = (1..=last_month)
        .map(|m| MonthCount {
            month: format!("{year}-{m:02}"),
            count: 0,
        })
        .collect();
    let mut articles = 0;
    for (_, p) in lib.pages_of(Kind::Article).filter(|(_, p)| in_year(p.date)) {
        articles += 1;
        if let Some(d) = p.date
            && let Some(m) = by_month.get_mut(clock.zoned(d).month() as usize - 1)
        {
            m.count += 1;
        }
    }

    let e = emergency_in(lib, clock, year);
    let emergency = YearEmergency {
        total: e.total,
        by_hazard: e.by_hazard,
        by_level: e.by_level,
    };

    let weeks: Vec<_> = dashboard.columns.weeks.iter().filter(|w| w.year == year).collect();
    let columns = YearColumns {
        min_per_week: dashboard.columns.min_per_week,
        weeks_total: weeks.len(),
        weeks_met: weeks.iter().filter(|w| w.met).count(),
        entries: lib.pages_of(Kind::Column).filter(|(_, p)| in_year(p.date)).count(),
    };
    let columns_from = weeks.first().map(|w| w.monday.clone());

    let mut boards = YearBoards {
        total: 0,
        updated: 0,
        changes: 0,
        fresh: 0,
        stale: 0,
        empty: 0,
    };
    let stale_after = config.site.boards.stale_after_days;
    for (_, p) in lib
        .pages_of(Kind::Board)
        .filter(|(_, p)| super::coverage::existed_at(p, Some(until)))
    {
        let KindData::Board(b) = &p.data else { continue };
        boards.total += 1;
        let changes = b
            .showing
            .iter()
            .flat_map(|s| [Some(s.from), s.until])
            .filter(|&t| in_year(t))
            .count();
        boards.changes += changes;
        boards.updated += usize::from(changes > 0);
        match freshness(b, until, stale_after) {
            Freshness::Fresh => boards.fresh += 1,
            Freshness::Stale => boards.stale += 1,
            Freshness::Empty => boards.empty += 1,
        }
    }

    let cov = towns_at(lib, config, Some(until));
    let coverage = CoverageTotals::of(&cov);
    let activities = activities::figures(lib, config, clock, year, until);
    let towns = cov
        .iter()
        .map(|t| {
            let a = activities.by_town.iter().find(|a| a.id == t.id);
            let participants = a.map_or(0, |a| a.participants);
            let population = a.and_then(|a| a.population);
            YearTown {
                id: t.id.clone(),
                name: t.name.clone(),
                communities: t.communities.len(),
                with_station: t.with_station,
                full: t.full,
                activities: a.map_or(0, |a| a.total),
                volunteer_service: a.map_or(0, |a| a.volunteer_service),
                participants,
                population,
                reach: population.and_then(|p| measures::percent(participants as u64, p)),
            }
        })
        .collect();
    let until_day = clock.ymd(until);
    let measures = measures::read_all(&Figures {
        year,
        until: until_day.clone(),
        columns: ColumnFigures {
            from: columns_from,
            weeks_total: columns.weeks_total,
            weeks_met: columns.weeks_met,
            min_per_week: columns.min_per_week,
        },
        coverage: &coverage,
        boards_total: boards.total,
        boards_fresh: boards.fresh,
        activities: &activities,
        population: super::plan::population(config),
        counts,
        counts_year: Some(year),
    });
    YearReport {
        site: config.site.title.clone(),
        generated: clock.rfc3339(now),
        year,
        from: format!("{year}-01-01"),
        until: until_day,
        complete,
        articles: YearArticles {
            total: articles,
            by_month,
        },
        emergency,
        columns,
        activities,
        boards,
        coverage,
        towns,
        measures,
    }
}

/// The summary as pretty JSON with a final newline: `/report/YEAR/report.json`
/// and `kepu report --year YEAR --json`.
pub fn to_json(r: &YearReport) -> String {
    let mut s = serde_json::to_string_pretty(r).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

/// The summary as plain-text tables, in `lang` (`kepu report --year`).
pub fn table(r: &YearReport, lang: Lang) -> String {
    let tr = |id: &str| t(lang, id, &[]);
    let n = |x: usize| x.to_string();
    let mut out = t(
        lang,
        "plan.year.title",
        &[&r.site, &r.year.to_string(), &r.from, &r.until],
    );
    out.push_str("\n\n");
    let mut rows = vec![
        [
            "plan.year.col.measure",
            "plan.year.col.figure",
            "plan.year.col.target",
            "plan.year.col.period",
            "plan.year.col.result",
        ]
        .map(tr)
        .to_vec(),
    ];
    for m in &r.measures {
        let x = m.text(lang);
        let figure = match &x.note {
            Some(note) => format!("{}（{note}）", x.figure),
            None => x.figure,
        };
        rows.push(vec![x.label, figure, x.target, x.period, x.verdict]);
    }
    out.push_str(&super::table::grid(&rows));
    out.push('\n');
    out.push_str(&t(lang, "plan.year.articles", &[&n(r.articles.total)]));
    out.push('\n');
    let sep = tr("report.sep");
    let hazards: Vec<String> = r
        .emergency
        .by_hazard
        .iter()
        .map(|h| format!("{} {}", h.label, h.count))
        .collect();
    let hazards = match hazards.is_empty() {
        true => String::new(),
        false => t(lang, "report.emergency.hazards", &[&hazards.join(&sep)]),
    };
    out.push_str(&t(lang, "plan.year.emergency", &[&n(r.emergency.total), &hazards]));
    out.push('\n');
    let c = &r.columns;
    out.push_str(&t(
        lang,
        "plan.year.columns",
        &[
            &n(c.weeks_met),
            &n(c.weeks_total),
            &c.min_per_week.to_string(),
            &n(c.entries),
        ],
    ));
    out.push('\n');
    let b = &r.boards;
    out.push_str(&t(lang, "plan.year.boards", &[&n(b.total), &n(b.updated), &n(b.fresh)]));
    out.push('\n');
    out.push_str(&t(
        lang,
        "plan.year.coverage",
        &[&n(r.coverage.full), &n(r.coverage.communities)],
    ));
    out.push('\n');
    let a = &r.activities;
    let activities = match a.total {
        0 => t(lang, "plan.note.no_activities", &[]),
        _ => t(
            lang,
            "plan.year.activities.counts",
            &[&n(a.total), &n(a.volunteer_service), &n(a.participants)],
        ),
    };
    out.push_str(&t(lang, "plan.year.activities", &[&activities]));
    out.push_str("\n\n");
    let mut rows = vec![
        [
            "report.col.town",
            "plan.year.col.activities",
            "plan.year.col.volunteer_service",
            "plan.year.col.participants",
            "plan.year.col.population",
            "plan.year.col.reach",
            "plan.year.col.full",
        ]
        .map(tr)
        .to_vec(),
    ];
    for town in &r.towns {
        rows.push(vec![
            town.name.clone(),
            n(town.activities),
            n(town.volunteer_service),
            n(town.participants),
            town.population.map_or_else(|| "—".to_string(), |p| p.to_string()),
            town.reach
                .map_or_else(|| "—".to_string(), |p| format!("{}%", measures::percent_text(p))),
            format!("{}/{}", town.full, town.communities),
        ]);
    }
    out.push_str(&super::table::grid(&rows));
    out
}
