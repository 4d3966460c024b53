//! The text `kepu report` prints: the dashboard's figures as plain-text
//! tables, in the run's language.

use super::dashboard::Dashboard;
use crate::i18n::{Lang, t};

/// Width of a string in terminal columns (Han characters take two).
fn width(s: &str) -> usize {
    s.chars().map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 }).sum()
}

/// `s` followed by spaces up to `w` columns.
fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

/// `s` after spaces up to `w` columns.
fn pad_left(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(width(s))))
}

/// The figures as plain-text tables, in `lang`.
pub fn table(d: &Dashboard, lang: Lang) -> String {
    let tr = |id: &str| t(lang, id, &[]);
    let mut out = t(lang, "report.title", &[&d.site, &d.generated]);
    out.push_str("\n\n");
    let (town, total) = (tr("report.col.town"), tr("report.col.total"));
    let name_w = d
        .towns
        .iter()
        .map(|t| width(&t.name))
        .chain([width(&town), width(&total)])
        .max()
        .unwrap_or(4)
        .max(8);
    let heads = [
        "report.col.communities",
        "report.col.station",
        "report.col.board",
        "report.col.staff",
        "report.col.full",
    ]
    .map(tr);
    let c = &d.coverage;
    let rows: Vec<(&str, [usize; 5])> = d
        .towns
        .iter()
        .map(|t| {
            (
                t.name.as_str(),
                [t.communities.len(), t.with_station, t.with_board, t.with_staff, t.full],
            )
        })
        .chain([(
            total.as_str(),
            [c.communities, c.with_station, c.with_board, c.with_staff, c.full],
        )])
        .collect();
    let widths: Vec<usize> = heads
        .iter()
        .enumerate()
        .map(|(i, h)| {
            rows.iter()
                .map(|(_, n)| n[i].to_string().len())
                .chain([width(h)])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |first: &str, cells: Vec<String>| {
        let mut l = pad(first, name_w);
        for (cell, w) in cells.iter().zip(&widths) {
            l.push_str("  ");
            l.push_str(&pad_left(cell, *w));
        }
        l.push('\n');
        l
    };
    out.push_str(&line(&town, heads.to_vec()));
    for (name, n) in &rows {
        out.push_str(&line(name, n.iter().map(usize::to_string).collect()));
    }
    out.push('\n');
    let b = &d.boards;
    let n = |x: usize| x.to_string();
    out.push_str(&t(
        lang,
        "report.boards",
        &[&n(b.total), &n(b.fresh), &n(b.stale), &n(b.empty)],
    ));
    out.push('\n');
    let col = &d.columns;
    out.push_str(&t(
        lang,
        "report.columns",
        &[&n(col.weeks_total), &n(col.weeks_met), &col.min_per_week.to_string()],
    ));
    out.push('\n');
    let sep = tr("report.sep");
    let short: Vec<String> = col
        .weeks
        .iter()
        .filter(|w| !w.met)
        .map(|w| {
            let name = w.monday.parse::<jiff::civil::Date>().map_or_else(
                |_| w.label.clone(),
                |monday| crate::report::columns::week_name(w.week, monday).in_lang(lang),
            );
            format!("{} {name} {}/{}", w.year, w.count, w.required)
        })
        .collect();
    if !short.is_empty() {
        out.push_str(&t(lang, "report.columns.short", &[&short.join(&sep)]));
        out.push('\n');
    }
    let e = &d.emergency;
    let hazards: Vec<String> = e.by_hazard.iter().map(|h| format!("{} {}", h.label, h.count)).collect();
    let hazards = match hazards.is_empty() {
        true => String::new(),
        false => t(lang, "report.emergency.hazards", &[&hazards.join(&sep)]),
    };
    out.push_str(&t(
        lang,
        "report.emergency",
        &[&e.year.to_string(), &n(e.total), &n(e.active), &hazards],
    ));
    out.push('\n');
    out
}

/// Rows of cells as a plain-text table, columns two spaces apart.
pub(super) fn grid(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| width(c))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(cell);
            if i + 1 < r.len() {
                line.push_str(&" ".repeat(widths[i].saturating_sub(width(cell))));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
