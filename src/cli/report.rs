//! `kepu report [--json]`: the dashboard's figures on the terminal.

use super::{Cli, SiteArgs, print_error};
use crate::report::dashboard::{self, Dashboard};

/// Options of `kepu report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Print exactly the JSON of /dashboard.json.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub site: SiteArgs,
}

pub(super) fn run(cli: &Cli, args: &ReportArgs) -> i32 {
    let p = match crate::site::prepare(&cli.options(&args.site)) {
        Ok(p) => p,
        Err(e) => {
            print_error(&e, cli.lang());
            return 1;
        }
    };
    let d = dashboard::compute(&p.lib, &p.config, &p.clock);
    if args.json {
        print!("{}", dashboard::to_json(&d));
    } else {
        print!("{}", table(&d));
    }
    0
}

/// Width of a string in terminal columns (Han characters take two).
fn width(s: &str) -> usize {
    s.chars().map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 }).sum()
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

/// The figures as plain-text tables.
pub(crate) fn table(d: &Dashboard) -> String {
    let mut out = format!("{} · 覆盖统计（{}）\n\n", d.site, d.generated);
    let name_w = d.towns.iter().map(|t| width(&t.name)).max().unwrap_or(4).max(8);
    out.push_str(&format!("{}  村社区  有站  有栏  有员  齐全\n", pad("镇街", name_w)));
    for t in &d.towns {
        out.push_str(&format!(
            "{}  {:>6}  {:>4}  {:>4}  {:>4}  {:>4}\n",
            pad(&t.name, name_w),
            t.communities.len(),
            t.with_station,
            t.with_board,
            t.with_staff,
            t.full
        ));
    }
    let c = &d.coverage;
    out.push_str(&format!(
        "{}  {:>6}  {:>4}  {:>4}  {:>4}  {:>4}\n\n",
        pad("合计", name_w),
        c.communities,
        c.with_station,
        c.with_board,
        c.with_staff,
        c.full
    ));
    let b = &d.boards;
    out.push_str(&format!(
        "宣传栏 {} 块：及时更新 {}，待更新 {}，暂无展示 {}\n",
        b.total, b.fresh, b.stale, b.empty
    ));
    let col = &d.columns;
    out.push_str(&format!(
        "每周科普栏目：{} 周中 {} 周达标（每周至少 {} 期）\n",
        col.weeks_total, col.weeks_met, col.min_per_week
    ));
    let short: Vec<String> = col
        .weeks
        .iter()
        .filter(|w| !w.met)
        .map(|w| format!("{} 年{} {}/{}", w.year, w.title, w.count, w.required))
        .collect();
    if !short.is_empty() {
        out.push_str(&format!("  未达标：{}\n", short.join("，")));
    }
    let e = &d.emergency;
    let hazards: Vec<String> = e.by_hazard.iter().map(|h| format!("{} {}", h.label, h.count)).collect();
    out.push_str(&format!(
        "{} 年应急科普 {} 条，当前有效 {} 条{}\n",
        e.year,
        e.total,
        e.active,
        if hazards.is_empty() {
            String::new()
        } else {
            format!("（{}）", hazards.join("，"))
        }
    ));
    out
}
