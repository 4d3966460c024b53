//! The plan's task table (`data/plan.yaml`) with its measures read, and the
//! year-end summaries: what `/plan/`, `/report/YEAR/` and `kepu report
//! --year` show.
//!
//! `data/plan.yaml` is a list of rows: `level1`, `level2`, `level3` (一级,
//! 二级, 三级指标 as the plan writes them), `lead` (牵头单位), `partners`
//! (责任单位), optionally `measure` (a name of [`super::measures::MEASURES`],
//! or a list of them) and `status` (a progress note for a row kepu cannot
//! measure). A misspelt key or an unknown measure is an error at its line.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::counts::{self, Counts};
use super::dashboard::Dashboard;
use super::measures::{self, ColumnFigures, Figures, Reading};
use super::year::{self, YearReport};
use crate::config::Config;
use crate::content::Library;
use crate::error::Diagnostic;
use crate::time::SiteClock;

/// The file, under the site root.
pub const FILE: &str = "data/plan.yaml";

/// A row as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRow {
    level1: String,
    level2: String,
    level3: String,
    lead: String,
    #[serde(default)]
    partners: String,
    #[serde(default)]
    measure: Option<serde_json::Value>,
    #[serde(default)]
    status: Option<String>,
}

/// One task of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanRow {
    /// 一级指标.
    pub level1: String,
    /// 二级指标.
    pub level2: String,
    /// 三级指标: the task.
    pub level3: String,
    /// 牵头单位.
    pub lead: String,
    /// 责任单位.
    pub partners: String,
    /// The measures that show its progress (known names only).
    pub measures: Vec<&'static str>,
    /// The progress note written for it.
    pub status: Option<String>,
}

/// What the data files give the plan: its rows (`None`: no
/// `data/plan.yaml`) and the association's counts.
#[derive(Debug, Clone, Default)]
pub struct PlanInputs {
    /// The rows of `data/plan.yaml`.
    pub rows: Option<Vec<PlanRow>>,
    /// `data/counts.yaml`.
    pub counts: Counts,
}

/// Reads every data file (the value templates see as `data`) and, from
/// the same reading, the plan's inputs: `data/plan.yaml` and
/// `data/counts.yaml`. A file that cannot be read or is not YAML is
/// reported by the `data/` loader; every other mistake is an error here, at
/// its line.
pub fn load_data(root: &Path, diags: &mut Vec<Diagnostic>) -> (serde_json::Value, PlanInputs) {
    let (data, texts) = crate::content::data::load_keeping(root, &["plan", "counts"], diags);
    let inputs = PlanInputs {
        rows: texts.get("plan").and_then(|src| parse_rows(src, diags)),
        counts: texts
            .get("counts")
            .map(|src| counts::parse(src, diags))
            .unwrap_or_default(),
    };
    (serde_json::Value::Object(data), inputs)
}

/// The rows of `src` (the text of `data/plan.yaml`); `None` when the file
/// is empty or not YAML.
pub fn parse_rows(src: &str, diags: &mut Vec<Diagnostic>) -> Option<Vec<PlanRow>> {
    if src.trim().is_empty() || crate::yaml::to_json(src).is_err() {
        return None;
    }
    let source = |line: usize| src.lines().nth(line.saturating_sub(1)).map(str::to_string);
    let raw: Vec<RawRow> = match crate::yaml::from_str(src) {
        Ok(r) => r,
        Err(e) => {
            diags.push(Diagnostic::error(FILE, e.line, e.column, e.message).with_source(source(e.line)));
            return None;
        }
    };
    let starts = row_lines(src);
    let starts = (starts.len() == raw.len()).then_some(starts);
    let mut rows = Vec::with_capacity(raw.len());
    for (i, r) in raw.into_iter().enumerate() {
        let span = starts.as_ref().map(|s| (s[i], s.get(i + 1).copied()));
        let at = |needle: &str| -> (usize, usize) {
            let (from, to) = span.unwrap_or((1, None));
            let key = crate::yaml::locate_text(src, "measure", from).filter(|(l, _)| to.is_none_or(|to| *l < to));
            let line = key.map_or(from, |(l, _)| l);
            crate::yaml::locate_text(src, needle, line)
                .filter(|(l, _)| to.is_none_or(|to| *l < to))
                .or(key)
                .unwrap_or((from, 1))
        };
        let names: Vec<String> = match &r.measure {
            None | Some(serde_json::Value::Null) => Vec::new(),
            Some(serde_json::Value::String(s)) => vec![s.clone()],
            Some(serde_json::Value::Array(list)) if list.iter().all(|v| v.is_string()) => {
                list.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()
            }
            Some(_) => {
                let (line, col) = at("measure");
                diags.push(
                    Diagnostic::error(FILE, line, col, crate::text!("plan.measure.not_name"))
                        .with_hint(crate::text!("plan.measure.unknown.help", measures::names()))
                        .with_source(source(line)),
                );
                Vec::new()
            }
        };
        let mut known = Vec::new();
        for name in names {
            match measures::find(name.trim()) {
                Some(m) => known.push(m.name),
                None => {
                    let (line, col) = at(name.trim());
                    diags.push(
                        Diagnostic::error(FILE, line, col, crate::text!("plan.measure.unknown", name))
                            .with_hint(crate::text!("plan.measure.unknown.help", measures::names()))
                            .with_source(source(line)),
                    );
                }
            }
        }
        rows.push(PlanRow {
            level1: r.level1,
            level2: r.level2,
            level3: r.level3,
            lead: r.lead,
            partners: r.partners,
            measures: known,
            status: r.status.filter(|s| !s.trim().is_empty()),
        });
    }
    Some(rows)
}

/// The 1-based lines where the items of the top-level list begin.
fn row_lines(src: &str) -> Vec<usize> {
    let is_item = |t: &str| t == "-" || t.starts_with("- ");
    let mut indent = None;
    let mut out = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let t = line.trim_start();
        if !is_item(t) {
            continue;
        }
        let n = line.len() - t.len();
        if *indent.get_or_insert(n) == n {
            out.push(i + 1);
        }
    }
    out
}

/// The resident population of the district: the sum of the towns'
/// `population`, when every town gives one.
pub fn population(config: &Config) -> Option<u64> {
    let towns = &config.site.towns;
    if towns.is_empty() {
        return None;
    }
    towns.iter().map(|t| t.population).sum()
}

/// The plan and the year-end summaries, computed between content and
/// render.
#[derive(Debug, Clone, Default)]
pub struct PlanReport {
    /// What the data files say.
    pub inputs: Arc<PlanInputs>,
    /// Every measure as of the build clock.
    pub live: Vec<Reading>,
    /// One summary for each year with content, oldest first.
    pub years: Vec<YearReport>,
}

impl PlanReport {
    /// Reads every measure and computes the summaries.
    pub fn compute(
        inputs: Arc<PlanInputs>,
        lib: &Library,
        config: &Config,
        clock: &SiteClock,
        dashboard: &Dashboard,
    ) -> Self {
        Self::compute_with(inputs, lib, config, clock, dashboard, |_| None)
    }

    /// [`PlanReport::compute`] after an edit of articles alone: only the
    /// summaries of the years `redo` (those of the articles' dates, as they
    /// were and are) can differ, the others are taken from `before` (debug
    /// builds check them against a fresh computation).
    pub fn compute_again(
        before: &PlanReport,
        redo: &BTreeSet<i16>,
        inputs: Arc<PlanInputs>,
        (lib, config, clock): (&Library, &Config, &SiteClock),
        dashboard: &Dashboard,
    ) -> Self {
        let kept = |y: i16| match redo.contains(&y) {
            true => None,
            false => before.year(y).cloned(),
        };
        let again = Self::compute_with(inputs.clone(), lib, config, clock, dashboard, kept);
        #[cfg(debug_assertions)]
        {
            let fresh = Self::compute(inputs, lib, config, clock, dashboard);
            let json = |p: &PlanReport| serde_json::to_string(&p.years).unwrap_or_default();
            assert_eq!(json(&again), json(&fresh), "year summaries after an edit of {redo:?}");
        }
        again
    }

    /// Computes the summaries `kept` does not give.
    fn compute_with(
        inputs: Arc<PlanInputs>,
        lib: &Library,
        config: &Config,
        clock: &SiteClock,
        dashboard: &Dashboard,
        kept: impl Fn(i16) -> Option<YearReport> + Sync,
    ) -> Self {
        use rayon::prelude::*;
        // Each year on its own: they read the same library, side by side.
        let years: Vec<YearReport> = year::years_with_content(lib, clock)
            .into_par_iter()
            .map(|y| kept(y).unwrap_or_else(|| year::compute(y, lib, config, clock, dashboard, &inputs.counts)))
            .collect();
        let c = &dashboard.columns;
        let figures = Figures {
            year: dashboard.activities.year,
            until: clock.ymd(clock.now()),
            columns: ColumnFigures {
                from: c.since.clone(),
                weeks_total: c.weeks_total,
                weeks_met: c.weeks_met,
                min_per_week: c.min_per_week,
            },
            coverage: &dashboard.coverage,
            boards_total: dashboard.boards.total,
            boards_fresh: dashboard.boards.fresh,
            activities: &dashboard.activities,
            population: population(config),
            counts: &inputs.counts,
            counts_year: None,
        };
        let mut live = measures::read_all(&figures);
        // A link to a summary the site does not have is no evidence.
        for r in &mut live {
            if r.evidence.as_deref().is_some_and(|e| e.starts_with("report/"))
                && !years.iter().any(|y| y.year == r.year)
            {
                r.evidence = None;
            }
        }
        PlanReport { inputs, live, years }
    }

    /// The summary of `year`, if the site has one.
    pub fn year(&self, year: i16) -> Option<&YearReport> {
        self.years.iter().find(|y| y.year == year)
    }

    /// The live reading of measure `name`.
    pub fn reading(&self, name: &str) -> Option<&Reading> {
        self.live.iter().find(|r| r.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn parse(src: &str) -> (Option<Vec<PlanRow>>, Vec<Diagnostic>) {
        let mut d = Vec::new();
        (parse_rows(src, &mut d), d)
    }

    const ROW: &str = "- level1: 一\n  level2: 二\n  level3: 任务\n  lead: 区科协\n";

    #[test]
    fn the_plan_and_counts_come_from_the_data_files_as_read_and_cleaned() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        // A noncharacter (pasted from elsewhere) is cleaned as in every
        // other source file; the rows are still read.
        std::fs::write(dir.path().join("data/plan.yaml"), ROW.replace("任务", "任务\u{FFFE}")).unwrap();
        std::fs::write(
            dir.path().join("data/counts.yaml"),
            "science_bases: { value: 4, as_of: 2026-10-31 }\n",
        )
        .unwrap();
        let mut d = Vec::new();
        let (data, inputs) = load_data(dir.path(), &mut d);
        assert!(d.is_empty(), "{d:?}");
        let rows = inputs.rows.expect("rows");
        assert_eq!(rows[0].level3, "任务\u{FFFD}");
        assert_eq!(data["plan"][0]["level3"], "任务\u{FFFD}");
        assert_eq!(inputs.counts.get("science_bases").map(|c| c.value), Some(4));
    }

    #[test]
    fn rows_with_one_or_two_measures_and_a_status() {
        let src = format!(
            "# 注释\n{ROW}  partners: 各镇（街）\n  measure: column_weeks\n{ROW}  measure: [science_bases, schools_with_science_rooms]\n{ROW}  status: 已完成\n"
        );
        let (rows, d) = parse(&src);
        assert!(d.is_empty(), "{d:?}");
        let rows = rows.unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].measures, ["column_weeks"]);
        assert_eq!(rows[0].partners, "各镇（街）");
        assert_eq!(rows[1].measures, ["science_bases", "schools_with_science_rooms"]);
        assert_eq!(rows[2].status.as_deref(), Some("已完成"));
    }

    #[test]
    fn an_unknown_measure_is_an_error_at_its_line_with_the_known_names() {
        let src = format!("{ROW}  measure: column_weeks\n{ROW}  measure: [science_bases, volunteers]\n");
        let (rows, d) = parse(&src);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].line, d[0].column), (10, 28));
        assert_eq!(d[0].message.in_lang(Lang::En), "no measure is named 'volunteers'");
        let hint = d[0].hint.as_ref().unwrap().in_lang(Lang::Zh);
        assert!(
            hint.contains("volunteers_registered") && hint.contains("column_weeks"),
            "{hint}"
        );
        assert_eq!(
            d[0].source.as_deref().map(String::as_str),
            Some("  measure: [science_bases, volunteers]")
        );
        // The row stays, with the measures that exist.
        assert_eq!(rows.unwrap()[1].measures, ["science_bases"]);
    }

    #[test]
    fn a_misspelt_key_or_a_missing_task_is_an_error() {
        let (_, d) = parse(&format!("{ROW}  meaure: column_weeks\n"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].line, 5, "{d:?}");
        assert!(d[0].message.in_lang(Lang::En).contains("meaure"), "{:?}", d[0].message);
        let (_, d) = parse("- level1: 一\n  level2: 二\n  lead: 区科协\n");
        assert!(d[0].message.in_lang(Lang::En).contains("level3"), "{:?}", d[0].message);
        assert_eq!(parse("").0, None);
    }
}
