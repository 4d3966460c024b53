//! Dates and times in the site's time zone.
//!
//! Front matter writes dates as `2026-07-15` (midnight in the site's zone),
//! `2026-07-15 08:30`, `2026-07-15T08:30:00` (local) or RFC 3339 with an
//! offset, and as editors type them: `2026/7/15`, `2026年7月15日 8:30`
//! ([`loose`]). [`SiteClock`] parses them into instants and formats
//! instants back for pages, feeds and CAP.

mod loose;

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime as Zoned};

use crate::i18n::Said;

/// The site's time zone and the build clock.
#[derive(Debug, Clone)]
pub struct SiteClock {
    tz: TimeZone,
    now: Timestamp,
}

impl SiteClock {
    /// A clock in zone `tz` (IANA name) whose "now" is `now`.
    pub fn new(tz_name: &str, now: Timestamp) -> Result<Self, Said> {
        let tz = TimeZone::get(tz_name).map_err(|_| Said::from(crate::text!("time.unknown_zone", tz_name)))?;
        Ok(SiteClock { tz, now })
    }

    /// The build's "now".
    pub fn now(&self) -> Timestamp {
        self.now
    }

    /// The site's zone.
    pub fn tz(&self) -> &TimeZone {
        &self.tz
    }

    /// Parses a front-matter date or time.
    pub fn parse(&self, s: &str) -> Result<Timestamp, Said> {
        parse_in(s, &self.tz)
    }

    /// The instant in the site's zone.
    pub fn zoned(&self, t: Timestamp) -> Zoned {
        t.to_zoned_datetime(self.tz.clone())
    }

    /// RFC 3339 with the site's offset: `2026-07-15T08:30:00+08:00`.
    pub fn rfc3339(&self, t: Timestamp) -> String {
        self.zoned(t).strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
    }

    /// The local calendar date: `2026-07-15`.
    pub fn ymd(&self, t: Timestamp) -> String {
        self.zoned(t).strftime("%Y-%m-%d").to_string()
    }

    /// A Chinese date for readers: `2026年7月15日`.
    pub fn display_date(&self, t: Timestamp) -> String {
        let z = self.zoned(t);
        format!("{}年{}月{}日", z.year(), z.month(), z.day())
    }

    /// A Chinese date and time: `2026年7月15日 08:30`.
    pub fn display_datetime(&self, t: Timestamp) -> String {
        let z = self.zoned(t);
        format!("{} {:02}:{:02}", self.display_date(t), z.hour(), z.minute())
    }

    /// ISO week of the instant in the site's zone: (ISO year, week number).
    pub fn iso_week(&self, t: Timestamp) -> (i16, i8) {
        let w = self.zoned(t).date().iso_week_date();
        (w.year(), w.week())
    }
}

/// Parses a date or time; dates and times without an offset are in `tz`.
pub fn parse_in(s: &str, tz: &TimeZone) -> Result<Timestamp, Said> {
    let s = s.trim();
    let bad = || Said::from(crate::text!("time.not_a_date", s));
    if s.is_empty() {
        return Err(bad());
    }
    if let Ok(t) = s.parse::<Timestamp>() {
        return Ok(t);
    }
    let iso = match s.len() {
        10 => iso_date(s).map(|d| d.to_datetime(Time::midnight())),
        _ => s.replacen(' ', "T", 1).parse::<DateTime>().ok(),
    };
    let local = iso.or_else(|| {
        let (date, time) = loose::parse(s)?;
        Some(date.to_datetime(time.unwrap_or(Time::midnight())))
    });
    match local {
        Some(dt) => dt
            .to_zoned_datetime(tz.clone())
            .map(|z| z.timestamp())
            .map_err(|_| bad()),
        None => Err(bad()),
    }
}

/// A date without a time of day, in any form [`parse_in`] reads:
/// `2026-07-15`, `2026/7/15`, `2026年7月15日`.
pub fn date_only(s: &str) -> Option<Date> {
    let s = s.trim();
    iso_date(s).or_else(|| match loose::parse(s) {
        Some((d, None)) => Some(d),
        _ => None,
    })
}

/// `2026-07-15`, exactly.
fn iso_date(s: &str) -> Option<Date> {
    (s.len() == 10).then(|| s.parse::<Date>().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock() -> SiteClock {
        SiteClock::new("Asia/Shanghai", Timestamp::UNIX_EPOCH).unwrap()
    }

    #[test]
    fn date_only_is_local_midnight() {
        let c = clock();
        let t = c.parse("2026-07-15").unwrap();
        assert_eq!(c.rfc3339(t), "2026-07-15T00:00:00+08:00");
        assert_eq!(t.to_string(), "2026-07-14T16:00:00Z");
    }

    #[test]
    fn accepts_local_and_offset_times() {
        let c = clock();
        assert_eq!(
            c.rfc3339(c.parse("2026-07-15 08:30").unwrap()),
            "2026-07-15T08:30:00+08:00"
        );
        assert_eq!(
            c.rfc3339(c.parse("2026-07-15T08:30:00").unwrap()),
            "2026-07-15T08:30:00+08:00"
        );
        assert_eq!(
            c.rfc3339(c.parse("2026-07-15T00:30:00Z").unwrap()),
            "2026-07-15T08:30:00+08:00"
        );
        assert_eq!(c.display_date(c.parse("2026-07-05").unwrap()), "2026年7月5日");
    }

    #[test]
    fn reads_dates_as_editors_type_them() {
        let c = clock();
        for s in ["2026/7/5", "2026年7月5日", "2026.07.05", "２０２６年７月５日"] {
            assert_eq!(c.rfc3339(c.parse(s).unwrap()), "2026-07-05T00:00:00+08:00", "{s}");
            assert_eq!(date_only(s), Some(jiff::civil::date(2026, 7, 5)), "{s}");
        }
        assert_eq!(
            c.rfc3339(c.parse("2026/7/5 8：30").unwrap()),
            "2026-07-05T08:30:00+08:00"
        );
        assert_eq!(date_only("2026/7/5 8:30"), None);
        assert!(c.parse("2026/7/32").is_err());
    }

    #[test]
    fn rejects_garbage_with_a_hint() {
        let e = clock().parse("July 5").unwrap_err();
        assert!(e.contains("2026-07-15"), "{e}");
        assert_eq!(
            e.in_lang(crate::i18n::Lang::Zh),
            "'July 5' 不是日期（请写成 2026-07-15、2026年7月15日、2026-07-15 08:30 或 2026-07-15T08:30:00+08:00）"
        );
        assert!(clock().parse("2026-13-01").is_err());
    }

    #[test]
    fn iso_weeks_at_year_edges() {
        let c = clock();
        assert_eq!(c.iso_week(c.parse("2026-12-31").unwrap()), (2026, 53));
        assert_eq!(c.iso_week(c.parse("2027-01-01").unwrap()), (2026, 53));
        // Sunday 23:30 in Shanghai is still the same ISO week, though UTC says Sunday 15:30.
        assert_eq!(c.iso_week(c.parse("2026-05-24T23:30:00+08:00").unwrap()), (2026, 21));
        assert_eq!(c.iso_week(c.parse("2026-05-25T00:10:00+08:00").unwrap()), (2026, 22));
    }
}
