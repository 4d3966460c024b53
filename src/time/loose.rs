//! Dates as editors type them besides ISO 8601: `2026-6-1`, `2026/6/1`,
//! `2026.6.1`, `2026年6月1日` (or `号`), with full-width digits as an input
//! method may give them, each optionally followed by a time of day
//! (`8:30`, `08:30:00`, the colon full-width or not) after a space or `T`.

use jiff::civil::{Date, Time};

/// The date and, when one is written, the time of `s` in one of the forms
/// above; `None` for anything else, an impossible date included.
pub(super) fn parse(s: &str) -> Option<(Date, Option<Time>)> {
    let s: String = s.trim().chars().map(crate::content::slug::fold_full_width).collect();
    let mut rest = s.as_str();
    let year = number(&mut rest, 4, 4)?;
    let sep = rest.chars().next().filter(|c| matches!(c, '-' | '/' | '.' | '年'))?;
    rest = &rest[sep.len_utf8()..];
    let month = number(&mut rest, 1, 2)?;
    let second = if sep == '年' { '月' } else { sep };
    rest = rest.strip_prefix(second)?;
    let day = number(&mut rest, 1, 2)?;
    if sep == '年' {
        rest = rest.strip_prefix(['日', '号']).unwrap_or(rest);
    }
    let date = Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()?;
    if rest.is_empty() {
        return Some((date, None));
    }
    // The time follows a space or `T`; after `日` it may follow at once.
    let time = match rest.strip_prefix('T') {
        Some(t) => t,
        None if rest.starts_with(char::is_whitespace) || sep == '年' => rest.trim_start(),
        None => return None,
    };
    Some((date, Some(time_of_day(time)?)))
}

/// `H:MM` or `H:MM:SS`.
fn time_of_day(s: &str) -> Option<Time> {
    let mut rest = s;
    let hour = number(&mut rest, 1, 2)?;
    rest = rest.strip_prefix(':')?;
    let minute = number(&mut rest, 2, 2)?;
    let second = match rest.strip_prefix(':') {
        Some(mut r) => {
            let s = number(&mut r, 2, 2)?;
            rest = r;
            s
        }
        None => 0,
    };
    if !rest.is_empty() {
        return None;
    }
    let part = |n: u32| i8::try_from(n).ok();
    Time::new(part(hour)?, part(minute)?, part(second)?, 0).ok()
}

/// Takes `min..=max` ASCII digits off the front of `s`.
fn number(s: &mut &str, min: usize, max: usize) -> Option<u32> {
    let len = s.bytes().take_while(u8::is_ascii_digit).count();
    if len < min || len > max {
        return None;
    }
    let n = s[..len].parse().ok()?;
    *s = &s[len..];
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(s: &str) -> Option<String> {
        parse(s).map(|(d, t)| match t {
            Some(t) => format!("{d} {t}"),
            None => d.to_string(),
        })
    }

    #[test]
    fn takes_the_forms_editors_type() {
        for s in [
            "2026-6-1",
            "2026/6/1",
            "2026/06/01",
            "2026.6.1",
            "2026年6月1日",
            "2026年6月1号",
            "２０２６年６月１日",
            " 2026年06月01日 ",
        ] {
            assert_eq!(shown(s).as_deref(), Some("2026-06-01"), "{s}");
        }
        for s in [
            "2026-6-1 8:30",
            "2026/6/1 08:30:00",
            "2026年6月1日 8：30",
            "2026年6月1日8:30",
            "2026-6-1T08:30",
        ] {
            assert_eq!(shown(s).as_deref(), Some("2026-06-01 08:30:00"), "{s}");
        }
    }

    #[test]
    fn refuses_what_it_cannot_read_for_certain() {
        for s in [
            "",
            "6/1/2026",
            "2026-6/1",
            "2026年6-1",
            "2026-13-01",
            "2026-2-30",
            "26-6-1",
            "2026-6-1 25:00",
            "2026-6-1 8",
            "2026-6-1 8:3",
            "2026-6-1 上午8:30",
            "2026-6-1 8:30 PM",
            "2026年6月",
            "July 5",
        ] {
            assert_eq!(shown(s), None, "{s}");
        }
    }
}
