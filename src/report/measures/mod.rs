//! The measures: the figures kepu computes for the plan's rows, in one
//! registry ([`MEASURES`]): each has a name (what `measure:` in
//! `data/plan.yaml` writes), how it is read from the [`Figures`], the
//! plan's target and the period it covers, and the page that shows the
//! evidence.
//!
//! The same registry serves `/plan/` (the figures live: as of the build
//! clock), the year-end summaries (`/report/YEAR/`, the figures of one
//! year) and `kepu report --year`.

use serde::Serialize;

use super::counts::{Count, Counts};
use super::dashboard::CoverageTotals;
use crate::kinds::activity::figures::ActivityFigures;

mod reading;
#[cfg(test)]
mod tests;

pub use reading::{Reading, ReadingText, missing_text, note_text, percent, percent_text, read_all};

/// What the measures are read from: the figures of one period.
#[derive(Debug, Clone)]
pub struct Figures<'a> {
    /// The year of the annual measures.
    pub year: i16,
    /// The last day counted (`2026-11-20`: the build day, or the year's
    /// last day when it is over).
    pub until: String,
    /// The weekly column over the period.
    pub columns: ColumnFigures,
    /// 站栏员 coverage at `until`.
    pub coverage: &'a CoverageTotals,
    /// Boards at `until`.
    pub boards_total: usize,
    /// Of which kept fresh.
    pub boards_fresh: usize,
    /// The year's activities.
    pub activities: &'a ActivityFigures,
    /// The district's resident population: the sum of the towns'
    /// `population`, when every town gives one.
    pub population: Option<u64>,
    /// `data/counts.yaml`.
    pub counts: &'a Counts,
    /// `Some(year)`: only counts taken that year count (a year-end
    /// summary); `None`: the latest counts, whenever taken (`/plan/`).
    pub counts_year: Option<i16>,
}

/// The weekly column over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnFigures {
    /// Monday of the first week counted; `None` when there is no start
    /// (no `columns.since` and no entry).
    pub from: Option<String>,
    /// Weeks counted.
    pub weeks_total: usize,
    /// Weeks with at least `min_per_week` entries.
    pub weeks_met: usize,
    /// `columns.min_per_week`.
    pub min_per_week: u32,
}

/// How a measure's target is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// The figure reaches the number.
    AtLeast,
    /// The figure is at least this percentage of its whole.
    Share,
    /// Every one: the figure equals its whole.
    Every,
}

/// The period a measure covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// From a start (`columns.since`) to the last day counted.
    Span,
    /// One year.
    Year,
    /// The state on the last day counted.
    At,
    /// The day the association counted it (`as_of` in data/counts.yaml).
    AsOf,
}

/// The page that shows where a figure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// A page of the site (`towns/`, `dashboard/#kepu-d-weeks`).
    Page(&'static str),
    /// A part of the year's summary, `/report/YEAR/#anchor`.
    YearReport(&'static str),
}

/// What a measure reads from the figures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Value {
    /// The figure.
    pub value: Option<u64>,
    /// The whole it is a part of, for a ratio.
    pub of: Option<u64>,
    /// First day of the period, when it has one.
    pub from: Option<String>,
    /// Last day of the period (or the day counted).
    pub until: Option<String>,
    /// Why there is no figure (see [`missing_text`]).
    pub missing: Option<&'static str>,
    /// A remark on the figure (see [`note_text`]).
    pub note: Option<&'static str>,
}

/// One row of the registry.
#[derive(Debug)]
pub struct Measure {
    /// The name `data/plan.yaml` writes in `measure:`.
    pub name: &'static str,
    /// Catalogue id of its label.
    pub label: &'static str,
    /// Catalogue id of the figure: `{0}` value, `{1}` whole, `{2}` percent.
    pub figure: &'static str,
    /// Catalogue id of the target: `{0}` the number, `{1}` the column's
    /// `min_per_week`.
    pub target_text: &'static str,
    /// How the target is met.
    pub target_kind: TargetKind,
    /// The plan's number.
    pub target: u64,
    /// The period it covers.
    pub period: Period,
    /// Where its evidence is shown.
    pub evidence: Evidence,
    /// How it is read.
    pub read: fn(&Figures) -> Value,
}

/// Every measure kepu computes, in the order pages list them.
pub static MEASURES: &[Measure] = &[
    Measure {
        name: "column_weeks",
        label: "plan.measure.column_weeks",
        figure: "plan.figure.column_weeks",
        target_text: "plan.target.column_weeks",
        target_kind: TargetKind::Every,
        target: 100,
        period: Period::Span,
        evidence: Evidence::Page("dashboard/#kepu-d-weeks"),
        read: column_weeks,
    },
    Measure {
        name: "station_board_staff",
        label: "plan.measure.station_board_staff",
        figure: "plan.figure.station_board_staff",
        target_text: "plan.target.station_board_staff",
        target_kind: TargetKind::Every,
        target: 100,
        period: Period::At,
        evidence: Evidence::Page("towns/"),
        read: station_board_staff,
    },
    Measure {
        name: "boards_fresh",
        label: "plan.measure.boards_fresh",
        figure: "plan.figure.boards_fresh",
        target_text: "plan.target.boards_fresh",
        target_kind: TargetKind::Every,
        target: 100,
        period: Period::At,
        evidence: Evidence::Page("dashboard/#kepu-d-boards"),
        read: boards_fresh,
    },
    Measure {
        name: "activities_volunteer_service",
        label: "plan.measure.activities_volunteer_service",
        figure: "plan.figure.activities_volunteer_service",
        target_text: "plan.target.activities_volunteer_service",
        target_kind: TargetKind::AtLeast,
        target: 50,
        period: Period::Year,
        evidence: Evidence::YearReport("kepu-r-activities"),
        read: activities_volunteer_service,
    },
    Measure {
        name: "activity_coverage",
        label: "plan.measure.activity_coverage",
        figure: "plan.figure.activity_coverage",
        target_text: "plan.target.activity_coverage",
        target_kind: TargetKind::Share,
        target: 80,
        period: Period::Year,
        evidence: Evidence::YearReport("kepu-r-activities"),
        read: activity_coverage,
    },
    Measure {
        name: "volunteers_registered",
        label: "plan.measure.volunteers_registered",
        figure: "plan.figure.volunteers_registered",
        target_text: "plan.target.volunteers_registered",
        target_kind: TargetKind::AtLeast,
        target: 1000,
        period: Period::AsOf,
        evidence: Evidence::YearReport("kepu-r-counts"),
        read: volunteers_registered,
    },
    Measure {
        name: "science_bases",
        label: "plan.measure.science_bases",
        figure: "plan.figure.science_bases",
        target_text: "plan.target.science_bases",
        target_kind: TargetKind::AtLeast,
        target: 5,
        period: Period::AsOf,
        evidence: Evidence::YearReport("kepu-r-counts"),
        read: science_bases,
    },
    Measure {
        name: "schools_with_science_rooms",
        label: "plan.measure.schools_with_science_rooms",
        figure: "plan.figure.schools_with_science_rooms",
        target_text: "plan.target.schools_with_science_rooms",
        target_kind: TargetKind::Share,
        target: 50,
        period: Period::AsOf,
        evidence: Evidence::YearReport("kepu-r-counts"),
        read: schools_with_science_rooms,
    },
];

/// The measure named `name`.
pub fn find(name: &str) -> Option<&'static Measure> {
    MEASURES.iter().find(|m| m.name == name)
}

/// Every measure's name, comma-separated (for messages).
pub fn names() -> String {
    MEASURES.iter().map(|m| m.name).collect::<Vec<_>>().join(", ")
}

fn column_weeks(f: &Figures) -> Value {
    let c = &f.columns;
    match &c.from {
        Some(from) => Value {
            value: Some(c.weeks_met as u64),
            of: Some(c.weeks_total as u64),
            from: Some(from.clone()),
            until: Some(f.until.clone()),
            ..Value::default()
        },
        None => Value {
            missing: Some("no_columns"),
            ..Value::default()
        },
    }
}

fn station_board_staff(f: &Figures) -> Value {
    let c = f.coverage;
    Value {
        value: Some(c.full as u64),
        of: Some(c.communities as u64),
        until: Some(f.until.clone()),
        missing: (c.communities == 0).then_some("no_communities"),
        ..Value::default()
    }
}

fn boards_fresh(f: &Figures) -> Value {
    Value {
        value: Some(f.boards_fresh as u64),
        of: Some(f.boards_total as u64),
        until: Some(f.until.clone()),
        missing: (f.boards_total == 0).then_some("no_boards"),
        ..Value::default()
    }
}

/// The year's period, for the annual measures.
fn year_value(f: &Figures, value: Option<u64>) -> Value {
    Value {
        value,
        from: Some(format!("{}-01-01", f.year)),
        until: Some(f.until.clone()),
        note: (f.activities.total == 0).then_some("no_activities"),
        ..Value::default()
    }
}

fn activities_volunteer_service(f: &Figures) -> Value {
    year_value(f, Some(f.activities.volunteer_service as u64))
}

fn activity_coverage(f: &Figures) -> Value {
    let mut v = year_value(f, Some(f.activities.participants as u64));
    match f.population {
        Some(p) if p > 0 => v.of = Some(p),
        _ => v.missing = Some("no_population"),
    }
    v
}

/// A count of data/counts.yaml, if it counts for the figures' period.
fn count<'a>(f: &Figures<'a>, key: &str) -> Result<&'a Count, &'static str> {
    let c = f.counts.get(key).ok_or("no_count")?;
    match f.counts_year {
        Some(y) if c.year() != Some(y) => Err("count_other_year"),
        _ => Ok(c),
    }
}

fn counted(f: &Figures, key: &str) -> Value {
    match count(f, key) {
        Ok(c) => Value {
            value: Some(c.value),
            until: Some(c.as_of.clone()),
            ..Value::default()
        },
        Err(why) => Value {
            missing: Some(why),
            ..Value::default()
        },
    }
}

fn volunteers_registered(f: &Figures) -> Value {
    counted(f, "volunteers_registered")
}

fn science_bases(f: &Figures) -> Value {
    counted(f, "science_bases")
}

fn schools_with_science_rooms(f: &Figures) -> Value {
    match (count(f, "schools_with_science_rooms"), count(f, "schools")) {
        (Ok(rooms), Ok(schools)) => Value {
            value: Some(rooms.value),
            of: Some(schools.value),
            until: Some(rooms.as_of.clone()),
            missing: (schools.value == 0).then_some("no_count"),
            ..Value::default()
        },
        (Err(why), _) | (_, Err(why)) => Value {
            missing: Some(why),
            ..Value::default()
        },
    }
}
