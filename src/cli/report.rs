//! `kepu report [--json]`: the dashboard's figures on the terminal.

use super::{Cli, SiteArgs, print_error};
use crate::i18n::{Lang, t};
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
        print!("{}", table(&d, cli.lang()));
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

/// The figures as plain-text tables, in `lang`.
pub(crate) fn table(d: &Dashboard, lang: Lang) -> String {
    let say = |id: &str, args: &[&str]| t(lang, id, args);
    let mut out = format!("{}\n\n", say("cli.report.title", &[&d.site, &d.generated]));
    let name_w = d.towns.iter().map(|t| width(&t.name)).max().unwrap_or(4).max(8);
    let heads: Vec<String> = [
        "cli.report.col.communities",
        "cli.report.col.station",
        "cli.report.col.board",
        "cli.report.col.staff",
        "cli.report.col.full",
    ]
    .iter()
    .map(|id| say(id, &[]))
    .collect();
    // Each column as wide as its heading, at least 6 for the first, 4 for the others.
    let widths: Vec<usize> = heads
        .iter()
        .enumerate()
        .map(|(i, h)| width(h).max(if i == 0 { 6 } else { 4 }))
        .collect();
    let row = |name: &str, cells: [String; 5]| {
        let mut line = pad(name, name_w);
        for (cell, w) in cells.iter().zip(&widths) {
            line.push_str("  ");
            line.push_str(&" ".repeat(w.saturating_sub(width(cell))));
            line.push_str(cell);
        }
        line.push('\n');
        line
    };
    out.push_str(&row(
        &say("cli.report.col.town", &[]),
        [0, 1, 2, 3, 4].map(|i| heads[i].clone()),
    ));
    for t in &d.towns {
        out.push_str(&row(
            &t.name,
            [t.communities.len(), t.with_station, t.with_board, t.with_staff, t.full].map(|n| n.to_string()),
        ));
    }
    let c = &d.coverage;
    out.push_str(&row(
        &say("cli.report.total", &[]),
        [c.communities, c.with_station, c.with_board, c.with_staff, c.full].map(|n| n.to_string()),
    ));
    out.push('\n');
    let b = &d.boards;
    fn n(v: impl ToString) -> String {
        v.to_string()
    }
    out.push_str(&say(
        "cli.report.boards",
        &[&n(b.total), &n(b.fresh), &n(b.stale), &n(b.empty)],
    ));
    out.push('\n');
    let col = &d.columns;
    out.push_str(&say(
        "cli.report.columns",
        &[&n(col.weeks_total), &n(col.weeks_met), &n(col.min_per_week)],
    ));
    out.push('\n');
    let sep = say("cli.report.sep", &[]);
    let short: Vec<String> = col
        .weeks
        .iter()
        .filter(|w| !w.met)
        .map(|w| format!("{} {}/{}", w.label, w.count, w.required))
        .collect();
    if !short.is_empty() {
        out.push_str(&say("cli.report.short", &[&short.join(&sep)]));
        out.push('\n');
    }
    let e = &d.emergency;
    let hazards: Vec<String> = e.by_hazard.iter().map(|h| format!("{} {}", h.label, h.count)).collect();
    let hazards = match hazards.is_empty() {
        true => String::new(),
        false => say("cli.report.hazards", &[&hazards.join(&sep)]),
    };
    out.push_str(&say(
        "cli.report.emergency",
        &[&n(e.year), &n(e.total), &n(e.active), &hazards],
    ));
    out.push('\n');
    out
}
