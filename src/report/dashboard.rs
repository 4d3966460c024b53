//! All coverage figures in one serializable value: what `/dashboard/`
//! draws, what `/dashboard.json` holds and what `kepu report` prints.

use std::collections::BTreeMap;

use serde::Serialize;

use super::columns::{Week, weeks};
use super::coverage::{TownCoverage, towns};
use super::freshness::{Freshness, days_unchanged, freshness};
use crate::config::Config;
use crate::content::Library;
use crate::kinds::activity::figures::{self as activities, ActivityFigures};
use crate::kinds::emergency::{HAZARDS, LEVELS};
use crate::kinds::{Kind, KindData};
use crate::time::SiteClock;

/// Every figure.
#[derive(Debug, Clone, Serialize)]
pub struct Dashboard {
    /// Build time, RFC 3339.
    pub generated: String,
    /// Site title.
    pub site: String,
    /// Totals of 站栏员 coverage.
    pub coverage: CoverageTotals,
    /// Per town.
    pub towns: Vec<TownCoverage>,
    /// Boards by freshness.
    pub boards: BoardTotals,
    /// The weekly column.
    pub columns: ColumnTotals,
    /// Emergency notes this year.
    pub emergency: EmergencyTotals,
    /// Articles per month, last 12 months, oldest first.
    pub articles_per_month: Vec<MonthCount>,
    /// Activities of the build year (zeros until the site has activities).
    pub activities: ActivityFigures,
}

/// Coverage totals.
#[derive(Debug, Clone, Serialize)]
pub struct CoverageTotals {
    /// Villages and communities.
    pub communities: usize,
    /// With a station.
    pub with_station: usize,
    /// With a board.
    pub with_board: usize,
    /// With staff.
    pub with_staff: usize,
    /// With all three.
    pub full: usize,
}

impl CoverageTotals {
    /// The totals of `towns`.
    pub fn of(towns: &[TownCoverage]) -> Self {
        let sum = |f: fn(&TownCoverage) -> usize| towns.iter().map(f).sum();
        CoverageTotals {
            communities: sum(|t| t.communities.len()),
            with_station: sum(|t| t.with_station),
            with_board: sum(|t| t.with_board),
            with_staff: sum(|t| t.with_staff),
            full: sum(|t| t.full),
        }
    }
}

/// Board figures.
#[derive(Debug, Clone, Serialize)]
pub struct BoardTotals {
    /// Boards.
    pub total: usize,
    /// Fresh.
    pub fresh: usize,
    /// Stale.
    pub stale: usize,
    /// Empty.
    pub empty: usize,
    /// Each board.
    pub list: Vec<BoardState>,
}

/// One board's state.
#[derive(Debug, Clone, Serialize)]
pub struct BoardState {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Town id.
    pub town: String,
    /// State.
    pub state: Freshness,
    /// Days since the display last changed.
    pub days_unchanged: Option<i64>,
}

/// Column figures.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnTotals {
    /// `columns.since`.
    pub since: Option<String>,
    /// Required per week.
    pub min_per_week: u32,
    /// Weeks counted.
    pub weeks_total: usize,
    /// Weeks that met the promise.
    pub weeks_met: usize,
    /// Each week, oldest first.
    pub weeks: Vec<Week>,
    /// Entries per medium (all time).
    pub by_medium: Vec<NamedCount>,
}

/// Emergency figures for the build year.
#[derive(Debug, Clone, Serialize)]
pub struct EmergencyTotals {
    /// The year.
    pub year: i16,
    /// Notes dated this year.
    pub total: usize,
    /// Active now.
    pub active: usize,
    /// By hazard (only hazards with notes).
    pub by_hazard: Vec<NamedCount>,
    /// By level, red to blue (all four).
    pub by_level: Vec<NamedCount>,
}

/// A count with a name and a label.
#[derive(Debug, Clone, Serialize)]
pub struct NamedCount {
    /// Machine name.
    pub name: String,
    /// Chinese label.
    pub label: String,
    /// Count.
    pub count: usize,
}

/// A month's count.
#[derive(Debug, Clone, Serialize)]
pub struct MonthCount {
    /// `2026-11`.
    pub month: String,
    /// Count.
    pub count: usize,
}

/// Computes every figure.
pub fn compute(lib: &Library, config: &Config, clock: &SiteClock) -> Dashboard {
    let now = clock.now();
    let towns = towns(lib, config);
    let coverage = CoverageTotals::of(&towns);
    let stale_after = config.site.boards.stale_after_days;
    let list: Vec<BoardState> = lib
        .pages_of(Kind::Board)
        .filter_map(|(_, p)| match &p.data {
            KindData::Board(b) => Some(BoardState {
                id: p.slug.clone(),
                title: p.title.clone(),
                town: b.town.clone(),
                state: freshness(b, now, stale_after),
                days_unchanged: days_unchanged(b, now),
            }),
            _ => None,
        })
        .collect();
    let count_state = |s: Freshness| list.iter().filter(|b| b.state == s).count();
    let boards = BoardTotals {
        total: list.len(),
        fresh: count_state(Freshness::Fresh),
        stale: count_state(Freshness::Stale),
        empty: count_state(Freshness::Empty),
        list,
    };
    let weeks = weeks(lib, config, clock);
    let mut by_medium: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (_, p) in lib.pages_of(Kind::Column) {
        if let KindData::Column(c) = &p.data {
            *by_medium.entry((c.medium.name(), c.medium.label())).or_default() += 1;
        }
    }
    let columns = ColumnTotals {
        since: super::columns::since(lib, config, clock),
        min_per_week: config.site.columns.min_per_week,
        weeks_total: weeks.len(),
        weeks_met: weeks.iter().filter(|w| w.met).count(),
        weeks,
        by_medium: by_medium.into_iter().map(|((n, l), c)| named(n, l, c)).collect(),
    };
    Dashboard {
        generated: clock.rfc3339(now),
        site: config.site.title.clone(),
        coverage,
        towns,
        boards,
        columns,
        emergency: emergency(lib, clock),
        articles_per_month: per_month(lib, clock),
        activities: activities::figures(lib, config, clock, clock.zoned(now).year(), now),
    }
}

pub(crate) fn named(name: &str, label: &str, count: usize) -> NamedCount {
    NamedCount {
        name: name.to_string(),
        label: label.to_string(),
        count,
    }
}

fn emergency(lib: &Library, clock: &SiteClock) -> EmergencyTotals {
    emergency_in(lib, clock, clock.zoned(clock.now()).year())
}

/// The emergency notes dated in `year`; `active`: those active now.
pub(crate) fn emergency_in(lib: &Library, clock: &SiteClock, year: i16) -> EmergencyTotals {
    let now = clock.now();
    let notes: Vec<_> = lib
        .pages_of(Kind::Emergency)
        .filter_map(|(_, p)| match &p.data {
            KindData::Emergency(e) if p.date.is_some_and(|d| clock.zoned(d).year() == year) => Some((p, e)),
            _ => None,
        })
        .collect();
    let by_hazard = HAZARDS
        .iter()
        .map(|(n, l, _)| named(n, l, notes.iter().filter(|(_, e)| e.hazard == *n).count()))
        .filter(|c| c.count > 0)
        .collect();
    let by_level = LEVELS
        .iter()
        .map(|(lv, n)| {
            named(
                n,
                &format!("{}预警", lv.label()),
                notes.iter().filter(|(_, e)| e.level == *lv).count(),
            )
        })
        .collect();
    EmergencyTotals {
        year,
        total: notes.len(),
        active: lib
            .pages_of(Kind::Emergency)
            .filter(|(_, p)| matches!(&p.data, KindData::Emergency(e) if e.is_active(p.date, now)))
            .count(),
        by_hazard,
        by_level,
    }
}

fn per_month(lib: &Library, clock: &SiteClock) -> Vec<MonthCount> {
    let now = clock.zoned(clock.now());
    let (mut y, mut m) = (now.year(), now.month());
    let mut months = Vec::new();
    for _ in 0..12 {
        months.push((y, m));
        m -= 1;
        if m == 0 {
            m = 12;
            y -= 1;
        }
    }
    months.reverse();
    let mut counts: BTreeMap<(i16, i8), usize> = BTreeMap::new();
    for (_, p) in lib.pages_of(Kind::Article) {
        if let Some(d) = p.date {
            let z = clock.zoned(d);
            *counts.entry((z.year(), z.month())).or_default() += 1;
        }
    }
    months
        .into_iter()
        .map(|(y, m)| MonthCount {
            month: format!("{y}-{m:02}"),
            count: counts.get(&(y, m)).copied().unwrap_or(0),
        })
        .collect()
}

/// The figures as pretty JSON with a final newline.
pub fn to_json(d: &Dashboard) -> String {
    let mut s = serde_json::to_string_pretty(d).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}
