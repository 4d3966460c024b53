//! A measure read for one period ([`Reading`]) and its words in one
//! language ([`ReadingText`]): what `/plan/`, the year-end summaries and
//! `kepu report` show.

use serde::Serialize;

use super::{Evidence, Figures, MEASURES, Measure, Period, TargetKind, find};
use crate::i18n::{Lang, t};

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
pub(super) fn share_met(v: u64, of: u64, target: u64) -> bool {
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
