//! 科普活动/科技志愿服务: science events and volunteer services.
//!
//! An activity happens at a time (`start`, `end`: times in the site's zone,
//! or dates only for an all-day event), in a town (and a village or
//! community), is of one [`ActivityKind`], says how to join (`signup`) and,
//! once over, how many came (`participants`).
//!
//! 1. [`parse`] reads every field of the front matter, here and nowhere else.
//! 2. [`view`] is what templates see, [`pages`] the list with its month
//!    calendar and the activities of towns, stations and the home page,
//!    [`ical`] the iCalendar files.
//! 3. [`figures`] counts a year's activities for the plan and the report.

pub mod figures;
pub mod ical;
mod new;
pub mod pages;
mod refs;
pub mod view;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use super::{FieldError, Kind, KindData, KindSpec, parse_enum, required};
use crate::content::front_matter::{FrontMatter, Location};
use crate::time::SiteClock;

/// The activity's row of the registry.
pub(crate) const SPEC: KindSpec = KindSpec {
    section: Some("activities"),
    name: "activity",
    label: "科普活动",
    said: "kind.activity",
    page_template: "activity.html",
    list_template: "activity_list.html",
    share_qr: true,
    keys: &[
        "start",
        "end",
        "place",
        "address",
        "location",
        "town",
        "community",
        "activity_kind",
        "organizer",
        "partners",
        "volunteers",
        "participants",
        "signup",
    ],
    parse: parse_data,
    check_refs: refs::check,
    new_stub: new::stub,
};

fn parse_data(fm: &FrontMatter, clock: &SiteClock, errors: &mut Vec<FieldError>) -> KindData {
    KindData::Activity(parse(fm, clock, errors))
}

/// Kinds of activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// 科技志愿服务.
    VolunteerService,
    /// 流动科技馆巡展.
    ExhibitionTour,
    /// 科普大篷车.
    ScienceCaravan,
    /// 科普讲座.
    Lecture,
    /// 科普培训.
    Training,
    /// 科普展览.
    Exhibition,
    /// 科普竞赛.
    Contest,
    /// 其他.
    Other,
}

/// Names as written in front matter.
pub const ACTIVITY_KINDS: &[(ActivityKind, &str)] = &[
    (ActivityKind::VolunteerService, "volunteer_service"),
    (ActivityKind::ExhibitionTour, "exhibition_tour"),
    (ActivityKind::ScienceCaravan, "science_caravan"),
    (ActivityKind::Lecture, "lecture"),
    (ActivityKind::Training, "training"),
    (ActivityKind::Exhibition, "exhibition"),
    (ActivityKind::Contest, "contest"),
    (ActivityKind::Other, "other"),
];

impl ActivityKind {
    /// Chinese label; the value may also be written without its leading
    /// 科普 (`讲座`).
    pub fn label(self) -> &'static str {
        match self {
            ActivityKind::VolunteerService => "科技志愿服务",
            ActivityKind::ExhibitionTour => "流动科技馆巡展",
            ActivityKind::ScienceCaravan => "科普大篷车",
            ActivityKind::Lecture => "科普讲座",
            ActivityKind::Training => "科普培训",
            ActivityKind::Exhibition => "科普展览",
            ActivityKind::Contest => "科普竞赛",
            ActivityKind::Other => "其他",
        }
    }
}

/// When an activity takes place, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// All day, from the first to the last local date (inclusive).
    Days {
        /// First day.
        first: Date,
        /// Last day (the same as `first` for one day).
        last: Date,
    },
    /// From a time, until `end` when written.
    Timed {
        /// Start.
        start: Timestamp,
        /// End, if written.
        end: Option<Timestamp>,
    },
}

/// Where an activity stands at the build's "now".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// It has not begun.
    Upcoming,
    /// It has begun and is not over.
    Ongoing,
    /// It is over.
    Past,
}

impl Status {
    /// Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Status::Upcoming => "即将开始",
            Status::Ongoing => "进行中",
            Status::Past => "已结束",
        }
    }
}

/// An activity's own fields.
#[derive(Debug, Clone)]
pub struct ActivityMeta {
    /// When, as written.
    pub when: When,
    /// The first instant of the activity.
    pub begins: Timestamp,
    /// The instant it is over: `end`; the midnight after the last day of an
    /// all-day event; the midnight after the start when no end is written.
    pub ends: Timestamp,
    /// Kind.
    pub activity_kind: ActivityKind,
    /// Venue (`永川区图书馆三楼报告厅`).
    pub place: Option<String>,
    /// Street address.
    pub address: Option<String>,
    /// Map position.
    pub location: Option<Location>,
    /// Town id.
    pub town: String,
    /// Village or community.
    pub community: Option<String>,
    /// 主办.
    pub organizer: Option<String>,
    /// 协办.
    pub partners: Vec<String>,
    /// Number of volunteers.
    pub volunteers: Option<u32>,
    /// Number who came (once over).
    pub participants: Option<u32>,
    /// How to join: a phone, a link or words.
    pub signup: Option<String>,
}

impl ActivityMeta {
    /// Where the activity stands at `now`: begun at `begins` (inclusive),
    /// over at `ends` (exclusive).
    pub fn status(&self, now: Timestamp) -> Status {
        if now < self.begins {
            Status::Upcoming
        } else if now < self.ends {
            Status::Ongoing
        } else {
            Status::Past
        }
    }

    /// All day (dates without times).
    pub fn all_day(&self) -> bool {
        matches!(self.when, When::Days { .. })
    }
}

/// A `start` or `end` as written: a date, or a time.
#[derive(Debug, Clone, Copy)]
enum Point {
    Day(Date),
    Time(Timestamp),
}

/// Reads every field of an activity from the front matter. This is the one
/// place that reads the activity's raw fields.
pub(crate) fn parse(fm: &FrontMatter, clock: &SiteClock, errors: &mut Vec<FieldError>) -> ActivityMeta {
    let activity_kind = required("activity_kind", &fm.activity_kind, Kind::Activity, errors)
        .and_then(|k| parse_enum("activity_kind", k, ACTIVITY_KINDS, ActivityKind::label, errors))
        .unwrap_or(ActivityKind::Other);
    let town = required("town", &fm.town, Kind::Activity, errors)
        .unwrap_or_default()
        .to_string();
    let when = when(fm, clock, errors);
    let (begins, ends) = span(when, clock);
    let volunteers = count("volunteers", fm.volunteers.as_ref(), errors);
    let participants = count("participants", fm.participants.as_ref(), errors);
    if participants.is_some() && clock.now() < ends {
        errors.push(
            FieldError::new(
                "participants",
                crate::text!(
                    "activity.participants_too_early",
                    clock.zoned(ends).strftime("%Y-%m-%d %H:%M").to_string()
                ),
            )
            .hint(crate::text!("activity.participants_too_early.help")),
        );
    }
    let text = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    ActivityMeta {
        when,
        begins,
        ends,
        activity_kind,
        place: text(&fm.place),
        address: text(&fm.address),
        location: fm.location,
        town,
        community: text(&fm.community),
        organizer: text(&fm.organizer),
        partners: fm
            .partners
            .iter()
            .flatten()
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect(),
        volunteers,
        participants,
        signup: text(&fm.signup),
    }
}

/// `start` and `end`, checked against each other. A missing or unreadable
/// start falls back to "now" (the page has an error then).
fn when(fm: &FrontMatter, clock: &SiteClock, errors: &mut Vec<FieldError>) -> When {
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

/// A date alone (`2026-12-12`), or a time in the site's zone.
fn point(key: &'static str, raw: &str, clock: &SiteClock, errors: &mut Vec<FieldError>) -> Option<Point> {
    let raw = raw.trim();
    if raw.len() == 10
        && let Ok(d) = raw.parse::<Date>()
    {
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
fn span(when: When, clock: &SiteClock) -> (Timestamp, Timestamp) {
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
fn count(key: &'static str, value: Option<&serde_json::Value>, errors: &mut Vec<FieldError>) -> Option<u32> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn clock(now: &str) -> SiteClock {
        SiteClock::new("Asia/Shanghai", now.parse().unwrap()).unwrap()
    }

    fn fm(yaml: &str) -> FrontMatter {
        crate::yaml::from_str(yaml).unwrap()
    }

    fn parse_at(now: &str, yaml: &str) -> (ActivityMeta, Vec<FieldError>) {
        let mut errors = Vec::new();
        let base = "title: t\nactivity_kind: lecture\ntown: xianlong\n";
        let m = parse(&fm(&format!("{base}{yaml}")), &clock(now), &mut errors);
        (m, errors)
    }

    fn messages(errors: &[FieldError], lang: Lang) -> Vec<String> {
        errors.iter().map(|e| e.message.in_lang(lang)).collect()
    }

    const NOW: &str = "2026-12-04T10:00:00+08:00";

    #[test]
    fn times_are_in_the_site_zone_and_dates_are_all_day() {
        let (m, e) = parse_at(NOW, "start: 2026-12-12 09:30\nend: 2026-12-12 11:30\n");
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(m.begins.to_string(), "2026-12-12T01:30:00Z");
        assert_eq!(m.ends.to_string(), "2026-12-12T03:30:00Z");
        assert!(!m.all_day());
        let (m, e) = parse_at(NOW, "start: 2026-12-12\nend: 2026-12-13\n");
        assert!(e.is_empty(), "{e:?}");
        assert!(m.all_day());
        assert_eq!(m.begins.to_string(), "2026-12-11T16:00:00Z");
        assert_eq!(m.ends.to_string(), "2026-12-13T16:00:00Z", "the last day is inclusive");
        let (m, _) = parse_at(NOW, "start: 2026-12-12 19:00\n");
        assert_eq!(m.ends.to_string(), "2026-12-12T16:00:00Z", "no end: over at midnight");
    }

    #[test]
    fn status_at_the_edges_of_now() {
        let at = |yaml: &str| parse_at(NOW, yaml).0.status(NOW.parse().unwrap());
        assert_eq!(at("start: 2026-12-04 09:00\nend: 2026-12-04 11:00"), Status::Ongoing);
        assert_eq!(at("start: 2026-12-04 10:00\nend: 2026-12-04 11:00"), Status::Ongoing);
        assert_eq!(at("start: 2026-12-04 08:00\nend: 2026-12-04 10:00"), Status::Past);
        assert_eq!(at("start: 2026-12-04 10:01\nend: 2026-12-04 11:00"), Status::Upcoming);
        assert_eq!(at("start: 2026-12-04"), Status::Ongoing);
        assert_eq!(at("start: 2026-12-03"), Status::Past);
    }

    #[test]
    fn kinds_in_english_or_chinese() {
        for (value, kind) in [
            ("volunteer_service", ActivityKind::VolunteerService),
            ("科技志愿服务", ActivityKind::VolunteerService),
            ("流动科技馆巡展", ActivityKind::ExhibitionTour),
            ("科普大篷车", ActivityKind::ScienceCaravan),
            ("大篷车", ActivityKind::ScienceCaravan),
            ("讲座", ActivityKind::Lecture),
            ("科普讲座", ActivityKind::Lecture),
            ("培训", ActivityKind::Training),
            ("展览", ActivityKind::Exhibition),
            ("竞赛", ActivityKind::Contest),
            ("其他", ActivityKind::Other),
        ] {
            let mut errors = Vec::new();
            let yaml = format!("title: t\nstart: 2026-12-12\ntown: x\nactivity_kind: {value}\n");
            let m = parse(&fm(&yaml), &clock(NOW), &mut errors);
            assert!(errors.is_empty(), "{value}: {errors:?}");
            assert_eq!(m.activity_kind, kind, "{value}");
        }
        let mut errors = Vec::new();
        parse(
            &fm("title: t\nstart: 2026-12-12\ntown: x\nactivity_kind: 联欢会\n"),
            &clock(NOW),
            &mut errors,
        );
        assert_eq!(messages(&errors, Lang::En), ["unknown activity_kind '联欢会'"]);
        let hint = errors[0].hint.as_ref().unwrap().in_lang(Lang::Zh);
        assert!(
            hint.contains("volunteer_service（科技志愿服务）") && hint.contains("lecture（科普讲座）"),
            "{hint}"
        );
    }

    #[test]
    fn end_before_start_and_mixed_forms_are_errors() {
        let (_, e) = parse_at(NOW, "start: 2026-12-12 09:30\nend: 2026-12-12 08:30\n");
        assert_eq!(
            messages(&e, Lang::En),
            ["'end' (2026-12-12 08:30) is before 'start' (2026-12-12 09:30)"]
        );
        assert_eq!(e[0].value.as_deref(), Some("2026-12-12 08:30"));
        assert_eq!(
            messages(&e, Lang::Zh),
            ["结束时间 'end'（2026-12-12 08:30）早于开始时间 'start'（2026-12-12 09:30）"]
        );
        let (_, e) = parse_at(NOW, "start: 2026-12-12\nend: 2026-12-11\n");
        assert_eq!(e.len(), 1, "{e:?}");
        let (_, e) = parse_at(NOW, "start: 2026-12-12\nend: 2026-12-12 11:00\n");
        assert_eq!(e[0].key, ["end"]);
        assert_eq!(
            messages(&e, Lang::Zh),
            ["'start' 和 'end' 一个写了时刻，一个只写了日期"]
        );
        let (_, e) = parse_at(NOW, "start: 12月12日\n");
        assert_eq!(e[0].key, ["start"]);
        assert_eq!(e[0].value.as_deref(), Some("12月12日"));
        let (_, e) = parse_at(NOW, "end: 2026-12-12\n");
        assert_eq!(messages(&e, Lang::En), ["a activity needs 'start'"]);
    }

    #[test]
    fn participants_only_once_over() {
        let (m, e) = parse_at(
            NOW,
            "start: 2026-11-12 09:30\nend: 2026-11-12 11:30\nparticipants: 120\n",
        );
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(m.participants, Some(120));
        // Ending exactly now is over.
        let (_, e) = parse_at(
            NOW,
            "start: 2026-12-04 08:00\nend: 2026-12-04 10:00\nparticipants: 80\n",
        );
        assert!(e.is_empty(), "{e:?}");
        // Running now, or later: not yet.
        for yaml in [
            "start: 2026-12-04 09:00\nend: 2026-12-04 10:01\nparticipants: 80\n",
            "start: 2026-12-12\nparticipants: 80\n",
        ] {
            let (_, e) = parse_at(NOW, yaml);
            assert_eq!(e.len(), 1, "{yaml}");
            assert_eq!(e[0].key, ["participants"]);
        }
        let (_, e) = parse_at(NOW, "start: 2026-12-12\nparticipants: 80\n");
        assert_eq!(
            messages(&e, Lang::En),
            [
                "'participants' is the number who came, written once the event is over; this one is over at 2026-12-13 00:00"
            ]
        );
    }

    #[test]
    fn counts_are_whole_numbers_not_names() {
        let (m, e) = parse_at(NOW, "start: 2026-12-12\nvolunteers: \"12人\"\n");
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(m.volunteers, Some(12));
        let (_, e) = parse_at(NOW, "start: 2026-12-12\nvolunteers: -3\n");
        assert_eq!(messages(&e, Lang::En), ["'volunteers' cannot be negative: -3"]);
        assert_eq!(e[0].value.as_deref(), Some("-3"));
        let (_, e) = parse_at(NOW, "start: 2026-12-12\nvolunteers: 很多\n");
        assert_eq!(
            messages(&e, Lang::En),
            ["'volunteers' should be a number of people (a whole number), not '很多'"]
        );
        assert_eq!(
            messages(&e, Lang::Zh),
            ["'volunteers' 应是人数（一个整数），不是 '很多'"]
        );
        let (_, e) = parse_at(NOW, "start: 2026-12-12\nvolunteers: [张三, 李四]\n");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].value, None, "a list is pointed at by its key");
        assert!(
            e[0].hint.as_ref().unwrap().in_lang(Lang::Zh).contains("不公布"),
            "{e:?}"
        );
        let (_, e) = parse_at(NOW, "start: 2026-12-12\nvolunteers: 2.5\n");
        assert_eq!(e.len(), 1);
    }
}
