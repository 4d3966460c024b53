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
use crate::i18n::{Lang, t};
use crate::kinds::activity::figures::ActivityFigures;

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

/// A measure read for a period: what pages, JSON and `kepu report` show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    /// The measure's name.
    pub name: &'static str,
    /// Its label, in Chinese.
    pub label: String,
    /// The figure; `null` when it cannot be computed (see `missing`).
    pub value: Option<u64>,
    /// The whole it is a part of, for a ratio.
    pub of: Option<u64>,
    /// `value` as a percentage of `of`, one decimal.
    pub percent: Option<f64>,
    /// The plan's number.
    pub target: u64,
    /// How the target is met.
    pub target_kind: TargetKind,
    /// Whether the figure meets the target; `null` without a figure.
    pub met: Option<bool>,
    /// The period it covers.
    pub period: Period,
    /// The year of an annual measure.
    pub year: i16,
    /// First day of the period.
    pub from: Option<String>,
    /// Last day of the period, or the day counted.
    pub until: Option<String>,
    /// Why there is no figure.
    pub missing: Option<&'static str>,
    /// A remark (`no_activities`).
    pub note: Option<&'static str>,
    /// Site path of the evidence page, when the site has it.
    pub evidence: Option<String>,
    /// The column's `min_per_week` (said in the target of `column_weeks`).
    #[serde(skip)]
    pub min_per_week: u32,
}

/// `v` as a percentage of `of`, to one decimal (none when `of` is 0).
pub fn percent(v: u64, of: u64) -> Option<f64> {
    (of > 0).then(|| (v as f64 * 1000.0 / of as f64).round() / 10.0)
}

/// Whether `v` of `of` is at least `target` per cent, exactly (49.96 % is
/// shown as 50.0 % but does not meet 50 %).
fn share_met(v: u64, of: u64, target: u64) -> bool {
    of > 0 && u128::from(v) * 100 >= u128::from(target) * u128::from(of)
}

impl Measure {
    /// The measure read from `f`.
    pub fn reading(&'static self, f: &Figures) -> Reading {
        let v = (self.read)(f);
        let (value, of) = match v.missing {
            Some(_) => (None, None),
            None => (v.value, v.of),
        };
        let percent = value.zip(of).and_then(|(v, o)| percent(v, o));
        let met = value.map(|v| match self.target_kind {
            TargetKind::AtLeast => v >= self.target,
            TargetKind::Share => of.is_some_and(|o| share_met(v, o, self.target)),
            TargetKind::Every => of.is_some_and(|o| o > 0 && v >= o),
        });
        let evidence = match self.evidence {
            Evidence::Page(p) => Some(p.to_string()),
            Evidence::YearReport(anchor) => Some(format!("report/{}/#{anchor}", f.year)),
        };
        Reading {
            name: self.name,
            label: t(Lang::Zh, self.label, &[]),
            value,
            of,
            percent,
            target: self.target,
            target_kind: self.target_kind,
            met,
            period: self.period,
            year: f.year,
            from: v.from,
            until: v.until,
            missing: v.missing,
            note: v.note,
            evidence,
            min_per_week: f.columns.min_per_week,
        }
    }
}

/// Every measure read from `f`, in registry order.
pub fn read_all(f: &Figures) -> Vec<Reading> {
    MEASURES.iter().map(|m| m.reading(f)).collect()
}

/// A percentage as people write it: `80`, `12.5`.
pub fn percent_text(p: f64) -> String {
    let s = format!("{p:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// Why a figure is missing, in `lang`.
pub fn missing_text(lang: Lang, code: &str) -> String {
    let id = match code {
        "no_columns" => "plan.missing.no_columns",
        "no_communities" => "plan.missing.no_communities",
        "no_boards" => "plan.missing.no_boards",
        "no_population" => "plan.missing.no_population",
        "count_other_year" => "plan.missing.count_other_year",
        _ => "plan.missing.no_count",
    };
    t(lang, id, &[])
}

/// A remark on a figure, in `lang`.
pub fn note_text(lang: Lang, code: &str) -> String {
    match code {
        "no_activities" => t(lang, "plan.note.no_activities", &[]),
        other => other.to_string(),
    }
}

/// A reading's words in one language: what a page cell or a terminal
/// table shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadingText {
    /// The measure's label.
    pub label: String,
    /// The figure, or why there is none.
    pub figure: String,
    /// The target.
    pub target: String,
    /// The period.
    pub period: String,
    /// 达标 / 未达标 / 无数据.
    pub verdict: String,
    /// The remark, if any.
    pub note: Option<String>,
}

impl Reading {
    /// The measure of the registry this reading is of.
    fn measure(&self) -> Option<&'static Measure> {
        find(self.name)
    }

    /// The reading in words, in `lang`.
    pub fn text(&self, lang: Lang) -> ReadingText {
        let Some(m) = self.measure() else {
            return ReadingText {
                label: self.label.clone(),
                figure: String::new(),
                target: String::new(),
                period: String::new(),
                verdict: String::new(),
                note: None,
            };
        };
        let figure = match (self.value, self.missing) {
            (Some(v), None) => t(
                lang,
                m.figure,
                &[
                    &v.to_string(),
                    &self.of.map(|o| o.to_string()).unwrap_or_default(),
                    &self.percent.map(percent_text).unwrap_or_default(),
                ],
            ),
            (_, why) => missing_text(lang, why.unwrap_or("no_count")),
        };
        let verdict = match self.met {
            Some(true) => t(lang, "plan.met", &[]),
            Some(false) => t(lang, "plan.not_met", &[]),
            None => t(lang, "plan.no_figure", &[]),
        };
        ReadingText {
            label: t(lang, m.label, &[]),
            figure,
            target: t(
                lang,
                m.target_text,
                &[&self.target.to_string(), &self.min_per_week.to_string()],
            ),
            period: self.period_text(lang),
            verdict,
            note: self.note.map(|n| note_text(lang, n)),
        }
    }

    fn period_text(&self, lang: Lang) -> String {
        let until = self.until.as_deref();
        match (self.period, self.from.as_deref(), until) {
            (Period::Year, _, Some(u)) if u == format!("{}-12-31", self.year) => {
                t(lang, "plan.period.year", &[&self.year.to_string()])
            }
            (Period::Year, _, Some(u)) => t(lang, "plan.period.year_to", &[&self.year.to_string(), u]),
            (Period::Span, Some(from), Some(u)) => t(lang, "plan.period.range", &[from, u]),
            (Period::At | Period::AsOf, _, Some(u)) => t(lang, "plan.period.until", &[u]),
            _ => t(lang, "plan.no_figure", &[]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_is_met_on_the_exact_figure_not_the_rounded_one() {
        assert_eq!(percent(1999, 4001), Some(50.0));
        assert!(!share_met(1999, 4001, 50));
        assert!(share_met(2000, 4000, 50));
        assert!(!share_met(5, 0, 0));
        assert_eq!(percent(1, 0), None);
    }
    use crate::kinds::activity::figures::TownActivities;

    fn coverage(full: usize, communities: usize) -> CoverageTotals {
        CoverageTotals {
            communities,
            with_station: full,
            with_board: full,
            with_staff: full,
            full,
        }
    }

    fn activities(total: usize, vs: usize, participants: usize) -> ActivityFigures {
        ActivityFigures {
            year: 2026,
            total,
            volunteer_service: vs,
            participants,
            by_town: vec![TownActivities {
                id: "x".into(),
                name: "仙龙镇".into(),
                total,
                volunteer_service: vs,
                participants,
                population: Some(1000),
            }],
        }
    }

    fn figures<'a>(cov: &'a CoverageTotals, act: &'a ActivityFigures, counts: &'a Counts) -> Figures<'a> {
        Figures {
            year: 2026,
            until: "2026-11-20".into(),
            columns: ColumnFigures {
                from: Some("2026-09-28".into()),
                weeks_total: 8,
                weeks_met: 7,
                min_per_week: 1,
            },
            coverage: cov,
            boards_total: 3,
            boards_fresh: 3,
            activities: act,
            population: Some(1000),
            counts,
            counts_year: None,
        }
    }

    fn get<'a>(r: &'a [Reading], name: &str) -> &'a Reading {
        r.iter().find(|x| x.name == name).unwrap()
    }

    #[test]
    fn names_are_unique_and_every_id_is_in_the_catalogue() {
        let mut seen = std::collections::HashSet::new();
        for m in MEASURES {
            assert!(seen.insert(m.name), "{}", m.name);
            for id in [m.label, m.figure, m.target_text] {
                assert_ne!(t(Lang::En, id, &[]), id, "{id}");
            }
        }
        assert!(find("column_weeks").is_some() && find("weeks").is_none());
    }

    #[test]
    fn ratios_counts_and_targets() {
        let (cov, act) = (coverage(2, 5), activities(60, 52, 850));
        let counts = Counts {
            volunteers_registered: Some(Count {
                value: 1046,
                as_of: "2026-10-31".into(),
            }),
            schools: Some(Count {
                value: 8,
                as_of: "2026-09-01".into(),
            }),
            schools_with_science_rooms: Some(Count {
                value: 3,
                as_of: "2026-09-01".into(),
            }),
            science_bases: None,
        };
        let r = read_all(&figures(&cov, &act, &counts));
        let weeks = get(&r, "column_weeks");
        assert_eq!((weeks.value, weeks.of, weeks.met), (Some(7), Some(8), Some(false)));
        assert_eq!(weeks.text(Lang::Zh).figure, "7/8 周达标");
        assert_eq!(weeks.text(Lang::Zh).period, "2026-09-28 至 2026-11-20");
        assert_eq!(weeks.text(Lang::En).target, "at least 1 a week, every week");
        let cov = get(&r, "station_board_staff");
        assert_eq!((cov.percent, cov.met), (Some(40.0), Some(false)));
        assert_eq!(get(&r, "boards_fresh").met, Some(true));
        let vs = get(&r, "activities_volunteer_service");
        assert_eq!((vs.value, vs.met, vs.note), (Some(52), Some(true), None));
        assert_eq!(vs.text(Lang::Zh).period, "2026 年（截至 2026-11-20）");
        let reach = get(&r, "activity_coverage");
        assert_eq!(
            (reach.value, reach.of, reach.percent, reach.met),
            (Some(850), Some(1000), Some(85.0), Some(true))
        );
        let vol = get(&r, "volunteers_registered");
        assert_eq!((vol.value, vol.met), (Some(1046), Some(true)));
        assert_eq!(vol.text(Lang::Zh).period, "截至 2026-10-31");
        assert_eq!(vol.evidence.as_deref(), Some("report/2026/#kepu-r-counts"));
        let bases = get(&r, "science_bases");
        assert_eq!((bases.value, bases.met, bases.missing), (None, None, Some("no_count")));
        assert_eq!(bases.text(Lang::En).verdict, "no figure");
        let rooms = get(&r, "schools_with_science_rooms");
        assert_eq!((rooms.percent, rooms.met), (Some(37.5), Some(false)));
        assert_eq!(rooms.text(Lang::Zh).figure, "3/8 所（37.5%）");
    }

    #[test]
    fn no_activities_yet_is_zero_with_a_note_and_a_year_summary_takes_only_its_counts() {
        let (cov, act) = (coverage(0, 0), activities(0, 0, 0));
        let counts = Counts {
            volunteers_registered: Some(Count {
                value: 900,
                as_of: "2025-12-31".into(),
            }),
            ..Counts::default()
        };
        let mut f = figures(&cov, &act, &counts);
        f.population = None;
        f.counts_year = Some(2026);
        f.until = "2026-12-31".into();
        let r = read_all(&f);
        let vs = get(&r, "activities_volunteer_service");
        assert_eq!((vs.value, vs.met), (Some(0), Some(false)));
        assert_eq!(vs.text(Lang::Zh).note.as_deref(), Some("暂无活动记录"));
        assert_eq!(vs.text(Lang::Zh).period, "2026 年全年");
        assert_eq!(get(&r, "activity_coverage").missing, Some("no_population"));
        assert_eq!(get(&r, "station_board_staff").missing, Some("no_communities"));
        assert_eq!(get(&r, "volunteers_registered").missing, Some("count_other_year"));
    }
}
