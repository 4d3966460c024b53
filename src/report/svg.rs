//! Charts for the dashboard, drawn as inline SVG at build time: no chart
//! library, no script, and each chart with a title and a description for
//! screen readers (the page also shows the figures as tables).

use std::fmt::Write as _;

use serde::Serialize;

use super::dashboard::{Dashboard, NamedCount};
use crate::escape::xml_escape;

/// The dashboard's charts.
#[derive(Debug, Clone, Serialize)]
pub struct Charts {
    /// 站栏员 coverage per town.
    pub coverage: String,
    /// Boards: fresh, stale, empty.
    pub freshness: String,
    /// The weekly column as a strip of weeks.
    pub weeks: String,
    /// Notes this year by hazard.
    pub hazards: String,
    /// Notes this year by level.
    pub levels: String,
    /// Articles per month.
    pub months: String,
}

/// Draws every chart.
pub fn charts(d: &Dashboard) -> Charts {
    Charts {
        coverage: coverage(d),
        freshness: stacked(
            "chart-freshness",
            "宣传栏更新情况",
            &format!(
                "共 {} 块：及时更新 {}，待更新 {}，暂无展示 {}",
                d.boards.total, d.boards.fresh, d.boards.stale, d.boards.empty
            ),
            &[
                ("及时更新", d.boards.fresh, "fresh"),
                ("待更新", d.boards.stale, "stale"),
                ("暂无展示", d.boards.empty, "empty"),
            ],
        ),
        weeks: weeks(d),
        hazards: bars(
            "chart-hazards",
            "今年应急科普（按灾种）",
            &d.emergency.by_hazard,
            "hazard",
        ),
        levels: bars(
            "chart-levels",
            "今年应急科普（按预警级别）",
            &d.emergency.by_level,
            "level",
        ),
        months: bars(
            "chart-months",
            "近十二个月科普文章数",
            &d.articles_per_month
                .iter()
                .map(|m| NamedCount {
                    name: m.month.clone(),
                    label: m.month.clone(),
                    count: m.count,
                })
                .collect::<Vec<_>>(),
            "month",
        ),
    }
}

fn open(x: &mut String, id: &str, w: usize, h: usize, title: &str, desc: &str) {
    let _ = write!(
        x,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\"><title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>",
        xml_escape(title),
        xml_escape(desc)
    );
}

fn pct(n: usize, of: usize) -> f64 {
    if of == 0 { 0.0 } else { n as f64 * 100.0 / of as f64 }
}

/// Three bars per town: share of communities with a station, a board,
/// staff. Drawn 400 units wide with the town's name above its bars, so the
/// text stays readable on a phone.
fn coverage(d: &Dashboard) -> String {
    let (bar_x, bar_w, row_h) = (28.0, 300.0, 86.0);
    let h = 34.0 + row_h * d.towns.len() as f64;
    let desc = format!(
        "{} 个村（社区）中，有科普站 {}，有宣传栏 {}，有科普员 {}，三者齐全 {}",
        d.coverage.communities, d.coverage.with_station, d.coverage.with_board, d.coverage.with_staff, d.coverage.full
    );
    let mut x = String::new();
    open(&mut x, "chart-coverage", 400, h as usize, "各镇街站栏员覆盖率", &desc);
    let _ = write!(
        x,
        "<g class=\"legend\" font-size=\"15\"><rect x=\"0\" y=\"6\" width=\"14\" height=\"14\" class=\"c-station\"/><text x=\"20\" y=\"19\">站</text><rect x=\"60\" y=\"6\" width=\"14\" height=\"14\" class=\"c-board\"/><text x=\"80\" y=\"19\">栏</text><rect x=\"120\" y=\"6\" width=\"14\" height=\"14\" class=\"c-staff\"/><text x=\"140\" y=\"19\">员</text></g>"
    );
    for (i, t) in d.towns.iter().enumerate() {
        let y = 34.0 + row_h * i as f64;
        let n = t.communities.len();
        let _ = write!(
            x,
            "<text x=\"0\" y=\"{:.1}\" font-size=\"16\" font-weight=\"bold\">{}</text>",
            y + 16.0,
            xml_escape(&t.name)
        );
        for (j, (count, class, name)) in [
            (t.with_station, "c-station", "站"),
            (t.with_board, "c-board", "栏"),
            (t.with_staff, "c-staff", "员"),
        ]
        .iter()
        .enumerate()
        {
            let p = pct(*count, n);
            let by = y + 24.0 + j as f64 * 19.0;
            let _ = write!(
                x,
                "<text x=\"0\" y=\"{:.1}\" font-size=\"14\">{name}</text><rect x=\"{bar_x}\" y=\"{by}\" width=\"{bar_w}\" height=\"15\" class=\"c-track\"/><rect x=\"{bar_x}\" y=\"{by}\" width=\"{:.1}\" height=\"15\" class=\"{class}\"><title>{} {name}：{count}/{n}</title></rect><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"14\">{count}/{n}</text>",
                by + 13.0,
                bar_w * p / 100.0,
                xml_escape(&t.name),
                bar_x + bar_w + 8.0,
                by + 13.0
            );
        }
    }
    x.push_str("</svg>");
    x
}

/// One bar split into parts.
fn stacked(id: &str, title: &str, desc: &str, parts: &[(&str, usize, &str)]) -> String {
    let total: usize = parts.iter().map(|p| p.1).sum();
    let mut x = String::new();
    open(&mut x, id, 400, 100, title, desc);
    let mut at = 0.0;
    for (label, n, class) in parts {
        let w = if total == 0 {
            0.0
        } else {
            400.0 * *n as f64 / total as f64
        };
        let _ = write!(
            x,
            "<rect x=\"{at:.1}\" y=\"0\" width=\"{w:.1}\" height=\"40\" class=\"c-{class}\"><title>{label}：{n}</title></rect>"
        );
        if w > 40.0 {
            let _ = write!(
                x,
                "<text x=\"{:.1}\" y=\"26\" font-size=\"15\" class=\"on-bar\">{n}</text>",
                at + 8.0
            );
        }
        at += w;
    }
    let mut lx = 0.0;
    for (label, n, class) in parts {
        let _ = write!(
            x,
            "<rect x=\"{lx:.1}\" y=\"60\" width=\"14\" height=\"14\" class=\"c-{class}\"/><text x=\"{:.1}\" y=\"73\" font-size=\"15\">{label} {n}</text>",
            lx + 20.0
        );
        lx += 134.0;
    }
    x.push_str("</svg>");
    x
}

/// The weeks since `columns.since`, one square each, met or short.
fn weeks(d: &Dashboard) -> String {
    let ws = &d.columns.weeks;
    let per_row = 13;
    let rows = ws.len().div_ceil(per_row).max(1);
    let (cell, gap) = (27.0, 3.0);
    let h = rows as f64 * (cell + gap) + 28.0;
    let desc = format!(
        "自 {} 起共 {} 周，达标 {} 周",
        d.columns.since.as_deref().unwrap_or("—"),
        d.columns.weeks_total,
        d.columns.weeks_met
    );
    let mut x = String::new();
    open(&mut x, "chart-weeks", 400, h as usize, "每周科普栏目刊播情况", &desc);
    for (i, w) in ws.iter().enumerate() {
        let (cx, cy) = ((i % per_row) as f64 * (cell + gap), (i / per_row) as f64 * (cell + gap));
        let class = if w.met { "c-met" } else { "c-short" };
        let mark = if w.met { "" } else { "×" };
        let _ = write!(
            x,
            "<g><rect x=\"{cx:.1}\" y=\"{cy:.1}\" width=\"{cell}\" height=\"{cell}\" rx=\"3\" class=\"{class}\"><title>{}：{} 期（要求 {}）</title></rect><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"16\" text-anchor=\"middle\" class=\"on-bar\">{mark}</text></g>",
            w.title,
            w.count,
            w.required,
            cx + cell / 2.0,
            cy + 19.0
        );
    }
    let ly = rows as f64 * (cell + gap) + 20.0;
    let _ = write!(
        x,
        "<rect x=\"0\" y=\"{:.1}\" width=\"14\" height=\"14\" class=\"c-met\"/><text x=\"20\" y=\"{ly:.1}\" font-size=\"15\">达标</text><rect x=\"90\" y=\"{:.1}\" width=\"14\" height=\"14\" class=\"c-short\"/><text x=\"110\" y=\"{ly:.1}\" font-size=\"15\">未达标 ×</text>",
        ly - 12.0,
        ly - 12.0
    );
    x.push_str("</svg>");
    x
}

/// The smallest of 1, 2, 5 × 10ⁿ at least `n`.
fn nice_ceiling(n: usize) -> usize {
    let mut step = 1;
    loop {
        for k in [1, 2, 5] {
            if k * step >= n {
                return k * step;
            }
        }
        step *= 10;
    }
}

/// Vertical bars with labels under them.
fn bars(id: &str, title: &str, items: &[NamedCount], class: &str) -> String {
    // The axis runs to a round number of at least 5, so that one small count
    // is a short bar, not the full height.
    let max = nice_ceiling(items.iter().map(|i| i.count).max().unwrap_or(0).max(5));
    let n = items.len().max(1);
    let slot = 400.0 / n as f64;
    let desc: Vec<String> = items.iter().map(|i| format!("{} {}", i.label, i.count)).collect();
    let desc = if desc.is_empty() {
        "暂无数据".to_string()
    } else {
        desc.join("，")
    };
    let mut x = String::new();
    open(&mut x, id, 400, 220, title, &desc);
    for (k, it) in items.iter().enumerate() {
        let hgt = 150.0 * it.count as f64 / max as f64;
        let bx = k as f64 * slot + slot * 0.15;
        let bw = (slot * 0.7).min(56.0);
        let _ = write!(
            x,
            "<rect x=\"{bx:.1}\" y=\"{:.1}\" width=\"{bw:.1}\" height=\"{hgt:.1}\" class=\"c-{class} c-{class}-{}\"><title>{}：{}</title></rect><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"14\" text-anchor=\"middle\">{}</text><text x=\"{:.1}\" y=\"205\" font-size=\"14\" text-anchor=\"middle\">{}</text>",
            170.0 - hgt,
            xml_escape(&it.name),
            xml_escape(&it.label),
            it.count,
            bx + bw / 2.0,
            165.0 - hgt,
            it.count,
            bx + bw / 2.0,
            xml_escape(short_label(&it.label)),
        );
    }
    x.push_str("</svg>");
    x
}

fn short_label(l: &str) -> &str {
    // "2026-11" → "11月" would need allocation; keep month labels as "MM".
    if l.len() == 7 && l.as_bytes()[4] == b'-' {
        &l[5..]
    } else {
        l
    }
}
