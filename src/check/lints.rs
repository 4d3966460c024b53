//! The lints of DESIGN.md: emergency notes without expiry or active too
//! long, weeks of the column that fall short, stale or empty boards, and
//! communities without a station, a board or staff.

use crate::Site;
use crate::config::Config;
use crate::content::Library;
use crate::content::parse::locate;
use crate::error::{Diagnostic, Diagnostics};
use crate::i18n::{Lang, Said, Text};
use crate::kinds::{FieldError, Kind, KindData, KindFields};
use crate::report::dashboard::Dashboard;
use crate::report::freshness::Freshness;

/// Longest a note may be active before the lint flags it.
const MAX_ACTIVE_DAYS: i64 = 30;

/// What the lints read.
struct Ctx<'a> {
    lib: &'a Library,
    config: &'a Config,
    /// The coverage figures, computed once for the dashboard and the lints.
    dashboard: &'a Dashboard,
}

/// Runs every lint on a loaded site.
pub fn lints(site: &Site) -> Diagnostics {
    lints_of(&site.lib, &site.config, &site.dashboard)
}

/// Runs every lint.
pub fn lints_of(lib: &Library, config: &Config, dashboard: &Dashboard) -> Diagnostics {
    let site = &Ctx { lib, config, dashboard };
    let mut out = Vec::new();
    emergency(site, &mut out);
    column_weeks(site, &mut out);
    boards(site, &mut out);
    communities(site, &mut out);
    Diagnostics(out)
}

/// One item per lint, in `lang`: `2 × column-week-short` (每周栏目未达标
/// 2 处), for the end of a build.
pub fn summary(d: &Diagnostics, lang: Lang) -> Vec<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for x in d.iter() {
        if let Some(l) = x.lint {
            *counts.entry(l).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .map(|(l, n)| crate::text!("lint.summary", n, lint_name(l)).in_lang(lang))
        .collect()
}

/// A lint's name: as written in English, in plain words in Chinese.
fn lint_name(lint: &str) -> Said {
    match lint {
        "note-without-expiry" => crate::text!("lint.name.note_without_expiry").into(),
        "note-too-long" => crate::text!("lint.name.note_too_long").into(),
        "column-week-short" => crate::text!("lint.name.column_week_short").into(),
        "board-empty" => crate::text!("lint.name.board_empty").into(),
        "board-stale" => crate::text!("lint.name.board_stale").into(),
        "community-gap" => crate::text!("lint.name.community_gap").into(),
        other => Said::from(other),
    }
}

/// A warning at `key` of `page`'s front matter, saying `message`.
fn warn(
    site: &Ctx,
    page: &crate::content::Page,
    key: &'static str,
    message: Text,
    hint: Text,
    lint: &'static str,
) -> Diagnostic {
    let shown = crate::config::display_path(&site.config.root, &page.file);
    let mut d = locate(&shown, &page.yaml, 2, FieldError::new(key, ""));
    d.severity = crate::Severity::Warning;
    d.message = message.into();
    d.with_hint(hint).with_lint(lint)
}

fn emergency(site: &Ctx, out: &mut Vec<Diagnostic>) {
    for page in &site.lib.pages {
        let KindData::Emergency(e) = &page.data else { continue };
        match (page.date, e.expires) {
            (_, None) => out.push(warn(
                site,
                page,
                "title",
                crate::text!("lint.note_without_expiry"),
                crate::text!("lint.note_without_expiry.help"),
                "note-without-expiry",
            )),
            (Some(start), Some(end)) if end.duration_since(start).as_secs() > MAX_ACTIVE_DAYS * 86_400 => {
                out.push(warn(
                    site,
                    page,
                    "expires",
                    crate::text!("lint.note_too_long", MAX_ACTIVE_DAYS),
                    crate::text!("lint.note_too_long.help"),
                    "note-too-long",
                ))
            }
            _ => {}
        }
    }
}

fn column_weeks(site: &Ctx, out: &mut Vec<Diagnostic>) {
    let (line, col) = crate::yaml::locate_key(&site.config.source, &["columns", "since"]);
    for w in site.dashboard.columns.weeks.iter().filter(|w| !w.met) {
        out.push(
            Diagnostic::warning(
                site.config.display_path(),
                line,
                col,
                crate::text!("site_checks.column_week_short", week_name(w), w.count, w.required),
            )
            .with_hint(crate::text!("lint.column_week.help"))
            .with_lint("column-week-short"),
        );
    }
}

/// The week as readers name it (`第45周（11月2日—8日）`), else its ISO label.
fn week_name(w: &crate::report::columns::Week) -> crate::i18n::Said {
    match w.monday.parse::<jiff::civil::Date>() {
        Ok(monday) => crate::report::columns::week_name(w.week, monday).into(),
        Err(_) => w.label.as_str().into(),
    }
}

fn boards(site: &Ctx, out: &mut Vec<Diagnostic>) {
    let days = site.config.site.boards.stale_after_days;
    for b in &site.dashboard.boards.list {
        let (msg, lint) = match b.state {
            Freshness::Fresh => continue,
            Freshness::Empty => (crate::text!("lint.board_empty"), "board-empty"),
            Freshness::Stale => (
                crate::text!("lint.board_stale", b.days_unchanged.unwrap_or(0), days),
                "board-stale",
            ),
        };
        let Some((_, page)) = site.lib.find(Kind::Board, &b.id) else {
            continue;
        };
        let key = if matches!(&page.meta.fields, KindFields::Board(f) if f.showing.is_some()) {
            "showing"
        } else {
            "title"
        };
        out.push(warn(site, page, key, msg, crate::text!("lint.board.help"), lint));
    }
}

fn communities(site: &Ctx, out: &mut Vec<Diagnostic>) {
    let text = &site.config.source;
    for town in &site.dashboard.towns {
        let town_line = crate::yaml::locate_text(text, &format!("id: {}", town.id), 1).map_or(1, |(l, _)| l);
        for c in &town.communities {
            let missing: Vec<&str> = [(c.station, "科普站"), (c.board, "宣传栏"), (c.staff, "科普员")]
                .iter()
                .filter(|(has, _)| !has)
                .map(|(_, n)| *n)
                .collect();
            if missing.is_empty() {
                continue;
            }
            let (line, col) = crate::yaml::locate_text(text, &c.name, town_line).unwrap_or((0, 0));
            out.push(
                Diagnostic::warning(
                    site.config.display_path(),
                    line,
                    col,
                    crate::text!("lint.community_gap", town.name, c.name, missing_list(&missing)),
                )
                .with_hint(crate::text!("lint.community_gap.help"))
                .with_lint("community-gap"),
            );
        }
    }
}

/// `科普站, no 宣传栏` in English, `科普站、宣传栏` in Chinese (the words
/// are the site's own).
fn missing_list(words: &[&str]) -> Said {
    match words.split_last() {
        None => Said::default(),
        Some((last, rest)) => rest.iter().rev().fold(Said::from(*last), |tail, w| {
            crate::text!("lint.community_gap.more", *w, tail).into()
        }),
    }
}
