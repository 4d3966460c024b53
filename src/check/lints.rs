//! The lints of DESIGN.md: emergency notes without expiry or active too
//! long, weeks of the column that fall short, stale or empty boards, and
//! communities without a station, a board or staff.

use crate::Site;
use crate::config::Config;
use crate::content::Library;
use crate::content::parse::locate;
use crate::error::{Diagnostic, Diagnostics};
use crate::kinds::{FieldError, Kind, KindData};
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

/// One line per lint: `3 column weeks short`, for the end of a build.
pub fn summary(d: &Diagnostics) -> Vec<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for x in d.iter() {
        if let Some(l) = x.lint {
            *counts.entry(l).or_default() += 1;
        }
    }
    counts.into_iter().map(|(l, n)| format!("{n} × {l}")).collect()
}

fn warn(site: &Ctx, page: &crate::content::Page, e: FieldError, lint: &'static str) -> Diagnostic {
    let shown = crate::site::shown(&site.config.root, &page.file);
    let mut d = locate(&shown, &page.yaml, 2, e);
    d.severity = crate::Severity::Warning;
    d.with_lint(lint)
}

fn emergency(site: &Ctx, out: &mut Vec<Diagnostic>) {
    for page in &site.lib.pages {
        let KindData::Emergency(e) = &page.data else { continue };
        match (page.date, e.expires) {
            (_, None) => out.push(warn(
                site,
                page,
                FieldError::new(
                    "title",
                    "the emergency note has no 'expires': it would stay active for ever",
                )
                .hint("add 'expires:' with the time the warning ends"),
                "note-without-expiry",
            )),
            (Some(start), Some(end)) if end.duration_since(start).as_secs() > MAX_ACTIVE_DAYS * 86_400 => {
                out.push(warn(
                    site,
                    page,
                    FieldError::new(
                        "expires",
                        format!("the note is active for more than {MAX_ACTIVE_DAYS} days"),
                    )
                    .hint(
                        "emergency notes are for warnings of days, not months; shorten 'expires' or make it an article",
                    ),
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
            .with_hint("add an entry under content/columns/ for that week (kepu new column TITLE)")
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
            Freshness::Empty => ("the board shows nothing now".to_string(), "board-empty"),
            Freshness::Stale => (
                format!(
                    "the board's display has not changed for {} days (more than {days})",
                    b.days_unchanged.unwrap_or(0)
                ),
                "board-stale",
            ),
        };
        let Some((_, page)) = site.lib.find(Kind::Board, &b.id) else {
            continue;
        };
        let key = if page.meta.showing.is_some() {
            "showing"
        } else {
            "title"
        };
        out.push(warn(
            site,
            page,
            FieldError::new(key, msg).hint("add a new entry to 'showing' with today's date"),
            lint,
        ));
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
                    format!("{} {}: no {}", town.name, c.name, missing.join(", no ")),
                )
                .with_hint("add a station (kepu new station), a board or staff for it")
                .with_lint("community-gap"),
            );
        }
    }
}
