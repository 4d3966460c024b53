//! An activity's times and counts as written: `start` and `end` (a date
//! for an all-day event, or a time in the site's zone) checked against each
//! other, and a count of people.

use jiff::Timestamp;
use jiff::civil::Date;

use super::{Fields, When};
use crate::kinds::{FieldError, Kind, required};
use crate::time::SiteClock;

/// A `start` or `end` as written: a date, or a time.
#[derive(Debug, Clone, Copy)]
enum Point {
    Day(Date),
    Time(Timestamp),
}

/// `start` and `end`, checked against each other. A missing or unreadable
/// start falls back to "now" (the page has an error then).
pub(super) fn when(fm: &Fields, clock: &SiteClock, errors: &mut Vec<FieldError>) -> When {
    let fallback = When::Timed {
        start: clock.now(),
        end: None,
    };
    let start_raw = required("start", &fm.start, Kind::Activity, errors);
    let start = start_raw.and_then(|s| point("start", s, clock, errors));
    let end_raw = fm.end.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let end = end_raw.and_then(|s| point("end", s, clock, errors));
    let before = |errors: &mut Vec<FieldError>| {
        let (e, s) = (end_raw.unwrap_or_default(), start_raw.unwrap_or_default());
        errors.push(
            FieldError::new("end", crate::text!("activity.end_before_start", e, s))
                .hint(crate::text!("activity.end_before_start.help"))
                .at_value(e),
        );
    };
    match (start, end) {
        (None, _) => fallback,
        (Some(Point::Day(first)), None) => When::Days { first, last: first },
        (Some(Point::Day(first)), Some(Point::Day(last))) => {
            if last < first {
                before(errors);
            }
            When::Days {
                first,
                last: last.max(first),
            }
        }
        (Some(Point::Time(start)), None) => When::Timed { start, end: None },
        (Some(Point::Time(start)), Some(Point::Time(end))) => {
            if end < start {
                before(errors);
            }
            When::Timed {
                start,
                end: Some(end.max(start)),
            }
        }
        (Some(Point::Day(_)), Some(Point::Time(_))) | (Some(Point::Time(_)), Some(Point::Day(_))) => {
            errors.push(
                FieldError::new("end", crate::text!("activity.mixed_times"))
                    .hint(crate::text!("activity.mixed_times.help"))
                    .at_value(end_raw.unwrap_or_default()),
            );
            fallback
        }
    }
}

/// A date alone (`2026-12-12`, `2026年12月12日`), or a time in the site's
/// zone.
fn point(key: &'static str, raw: &str, clock: &SiteClock, errors: &mut Vec<FieldError>) -> Option<Point> {
    let raw = raw.trim();
    if let Some(d) = crate::time::date_only(raw) {
        return Some(Point::Day(d));
    }
    match clock.parse(raw) {
        Ok(t) => Some(Point::Time(t)),
        Err(msg) => {
            errors.push(FieldError::new(key, msg).at_value(raw));
            None
        }
    }
}

/// The first instant and the instant it is over.
pub(super) fn span(when: When, clock: &SiteClock) -> (Timestamp, Timestamp) {
    let midnight = |d: Date| {
        d.to_zoned_datetime(clock.tz().clone())
            .map(|z| z.timestamp())
            .unwrap_or(clock.now())
    };
    let after = |d: Date| midnight(d.tomorrow().unwrap_or(d));
    match when {
        When::Days { first, last } => (midnight(first), after(last)),
        When::Timed { start, end: Some(end) } => (start, end),
        When::Timed { start, end: None } => (start, after(clock.zoned(start).date())),
    }
}

/// A count of people: a whole number, not negative (`120`, `"120"`,
/// `120人`). Anything else is an error that says why.
pub(super) fn count(key: &'static str, value: Option<&serde_json::Value>, errors: &mut Vec<FieldError>) -> Option<u32> {
    use serde_json::Value;
    let value = value?;
    let as_written = |v: &Value| match v {
        Value::String(s) => s.trim().to_string(),
        other => other.to_string(),
    };
    let shown = match value {
        // A list as YAML shows it: `[张三, 李四]`.
        Value::Array(items) => format!("[{}]", items.iter().map(as_written).collect::<Vec<_>>().join(", ")),
        other => as_written(other),
    };
    let n: Option<i64> = match value {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => {
            let s = s.trim();
            let digits = s
                .strip_suffix("人次")
                .or_else(|| s.strip_suffix('人'))
                .or_else(|| s.strip_suffix('名'))
                .unwrap_or(s)
                .trim();
            digits.parse::<i64>().ok()
        }
        _ => None,
    };
    match n {
        Some(n) if n < 0 => {
            errors.push(FieldError::new(key, crate::text!("activity.negative_count", key, n)).at_value(shown));
            None
        }
        Some(n) => match u32::try_from(n) {
            Ok(n) => Some(n),
            Err(_) => {
                errors.push(not_a_count(key, &shown));
                None
            }
        },
        None => {
            errors.push(not_a_count(key, &shown));
            None
        }
    }
}

fn not_a_count(key: &'static str, shown: &str) -> FieldError {
    let e = FieldError::new(key, crate::text!("activity.not_a_count", key, shown))
        .hint(crate::text!("activity.not_a_count.help", key));
    // A list or a mapping is on the lines below: point at the key.
    match shown.starts_with(['[', '{']) {
        true => e,
        false => e.at_value(shown),
    }
}
