//! The weekly column promise, measured: entries per ISO week from
//! `columns.since` up to the week of the build clock.

use jiff::civil::{Date, ISOWeekDate, Weekday};
use serde::Serialize;

use crate::config::Config;
use crate::content::{Library, PageId};
use crate::kinds::Kind;
use crate::time::SiteClock;

/// One ISO week of the column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Week {
    /// ISO year.
    pub year: i16,
    /// ISO week number.
    pub week: i8,
    /// `2026-W14`.
    pub label: String,
    /// For readers: `第48周（11月23日—29日）`.
    pub title: String,
    /// Its Monday, `2026-03-30`.
    pub monday: String,
    /// Entries that week.
    pub count: usize,
    /// Entries required.
    pub required: u32,
    /// Whether the week kept the promise.
    pub met: bool,
    /// The entries, oldest first.
    #[serde(skip)]
    pub entries: Vec<PageId>,
}

/// Every column entry grouped by ISO week, newest week first (all weeks
/// that have entries, whatever `since` says).
pub fn entries_by_week(lib: &Library, clock: &SiteClock) -> Vec<((i16, i8), Vec<PageId>)> {
    let mut map: std::collections::BTreeMap<(i16, i8), Vec<PageId>> = Default::default();
    for (id, p) in lib.pages_of(Kind::Column) {
        if let Some(d) = p.date {
            map.entry(clock.iso_week(d)).or_default().push(id);
        }
    }
    let mut out: Vec<_> = map.into_iter().collect();
    for (_, ids) in &mut out {
        ids.sort_by(|&a, &b| {
            lib.pages[a]
                .date
                .cmp(&lib.pages[b].date)
                .then(lib.pages[a].path.cmp(&lib.pages[b].path))
        });
    }
    out.reverse();
    out
}

/// Where the weekly count starts: `columns.since`, or else the date of the
/// first column entry. `None` when neither is there.
pub fn since(lib: &Library, config: &Config, clock: &SiteClock) -> Option<String> {
    if let Some(s) = &config.site.columns.since {
        return Some(s.clone());
    }
    lib.pages_of(Kind::Column)
        .filter_map(|(_, p)| p.date)
        .min()
        .map(|d| clock.ymd(d))
}

/// The weeks from [`since`] to the week of now, oldest first. Empty when
/// there is no start.
pub fn weeks(lib: &Library, config: &Config, clock: &SiteClock) -> Vec<Week> {
    let Some(since) = since(lib, config, clock).and_then(|s| clock.parse(&s).ok()) else {
        return Vec::new();
    };
    let required = config.site.columns.min_per_week;
    let by_week: std::collections::HashMap<(i16, i8), Vec<PageId>> = entries_by_week(lib, clock).into_iter().collect();
    let start = clock.zoned(since).date();
    let end = clock.zoned(clock.now()).date();
    let mut out = Vec::new();
    let mut day = monday_of(start);
    while day <= end {
        let w = day.iso_week_date();
        let key = (w.year(), w.week());
        let entries = by_week.get(&key).cloned().unwrap_or_default();
        out.push(Week {
            year: key.0,
            week: key.1,
            label: format!("{}-W{:02}", key.0, key.1),
            title: week_title(key.1, day),
            monday: day.to_string(),
            count: entries.len(),
            required,
            met: entries.len() >= required as usize,
            entries,
        });
        match day.checked_add(jiff::Span::new().weeks(1)) {
            Ok(next) => day = next,
            Err(_) => break,
        }
    }
    out
}

/// `第48周（11月23日—29日）`; the month is repeated when the week spans two.
pub fn week_title(week: i8, monday: Date) -> String {
    week_name(week, monday).in_lang(crate::i18n::Lang::Zh)
}

/// A week as messages name it: `第48周（11月23日—29日）`, `week 48 (23–29
/// Nov)`; across two months `第1周（12月29日—1月4日）`, `week 1 (29 Dec–4 Jan)`.
pub fn week_name(week: i8, monday: Date) -> crate::i18n::Text {
    let sunday = monday.checked_add(jiff::Span::new().days(6)).unwrap_or(monday);
    if sunday.month() == monday.month() {
        crate::text!(
            "site_checks.week_in_month",
            week.to_string(),
            month_name(monday.month()),
            monday.day().to_string(),
            sunday.day().to_string()
        )
    } else {
        crate::text!(
            "site_checks.week_across_months",
            week.to_string(),
            month_name(monday.month()),
            monday.day().to_string(),
            month_name(sunday.month()),
            sunday.day().to_string()
        )
    }
}

/// `11月`, `Nov`.
fn month_name(month: i8) -> crate::i18n::Text {
    match month {
        1 => crate::text!("site_checks.month_1"),
        2 => crate::text!("site_checks.month_2"),
        3 => crate::text!("site_checks.month_3"),
        4 => crate::text!("site_checks.month_4"),
        5 => crate::text!("site_checks.month_5"),
        6 => crate::text!("site_checks.month_6"),
        7 => crate::text!("site_checks.month_7"),
        8 => crate::text!("site_checks.month_8"),
        9 => crate::text!("site_checks.month_9"),
        10 => crate::text!("site_checks.month_10"),
        11 => crate::text!("site_checks.month_11"),
        _ => crate::text!("site_checks.month_12"),
    }
}

fn monday_of(d: Date) -> Date {
    let w = d.iso_week_date();
    ISOWeekDate::new(w.year(), w.week(), Weekday::Monday)
        .map(|m| m.date())
        .unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monday_of_a_sunday_and_a_new_year() {
        assert_eq!(monday_of("2026-05-24".parse().unwrap()).to_string(), "2026-05-18");
        assert_eq!(monday_of("2027-01-01".parse().unwrap()).to_string(), "2026-12-28");
    }

    #[test]
    fn weeks_are_named_in_both_languages() {
        use crate::i18n::Lang;
        let nov = week_name(48, "2026-11-23".parse().unwrap());
        assert_eq!(nov.in_lang(Lang::Zh), "第48周（11月23日—29日）");
        assert_eq!(nov.in_lang(Lang::En), "week 48 (23–29 Nov)");
        let new_year = week_name(1, "2025-12-29".parse().unwrap());
        assert_eq!(new_year.in_lang(Lang::Zh), "第1周（12月29日—1月4日）");
        assert_eq!(new_year.in_lang(Lang::En), "week 1 (29 Dec–4 Jan)");
        assert_eq!(week_title(48, "2026-11-23".parse().unwrap()), "第48周（11月23日—29日）");
    }
}
