//! What templates see of an activity: its badge in lists (when, where,
//! kind, status) and its fields on its own page, with how to join.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use super::{ActivityKind, ActivityMeta, Status, When};
use crate::content::Page;
use crate::kinds::KindData;
use crate::kinds::keys::Location;
use crate::render::views::{TownLink, ViewEnv, map_url, town_link};
use crate::time::SiteClock;

/// What lists show of an activity.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityBadge {
    /// `upcoming`, `ongoing` or `past` at build time.
    pub status: Status,
    /// `即将开始`, `进行中`, `已结束`.
    pub status_label: &'static str,
    /// `lecture`.
    pub activity_kind: ActivityKind,
    /// `科普讲座`.
    pub kind_label: &'static str,
    /// For `<time datetime>`: `2026-12-12T09:30:00+08:00`, or `2026-12-12`
    /// for an all-day event.
    pub start: String,
    /// For readers: `12月12日（星期六）09:30—11:30`.
    pub when: String,
    /// `12月` (with the year when it is not this year's: `2027年1月`).
    pub month_label: String,
    /// Day of the month of the start.
    pub day: i8,
    /// `星期六`.
    pub weekday: &'static str,
    /// Venue, else the address.
    pub place: Option<String>,
    /// Town name.
    pub town: Option<String>,
    /// Village or community.
    pub community: Option<String>,
}

/// How to join, split into text and links.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signup {
    /// `phone` (a phone number alone), `link` (an address alone) or
    /// `text` (words, maybe with numbers and addresses in them).
    pub kind: &'static str,
    /// The text in order; phone numbers and web addresses carry a link.
    pub parts: Vec<SignupPart>,
}

/// A piece of the `signup` text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignupPart {
    /// As written.
    pub text: String,
    /// `tel:…` or the web address, for a phone number or an address.
    pub href: Option<String>,
}

/// An activity's fields.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityView<'a> {
    /// What lists show too.
    #[serde(flatten)]
    pub badge: ActivityBadge,
    /// For `<time datetime>`: the end as written, if any.
    pub end: Option<String>,
    /// Dates without times.
    pub all_day: bool,
    /// Street address.
    pub address: Option<&'a str>,
    /// Position.
    pub location: Option<Location>,
    /// A map link for the position.
    pub map_url: Option<String>,
    /// Town.
    pub town_link: Option<TownLink>,
    /// 主办.
    pub organizer: Option<&'a str>,
    /// 协办.
    pub partners: &'a [String],
    /// 报名方式.
    pub signup: Option<Signup>,
    /// Number of volunteers.
    pub volunteers: Option<u32>,
    /// Number who came.
    pub participants: Option<u32>,
    /// The activity's own `.ics` file (加入日历).
    pub ics_url: String,
    /// `/activities/calendar.ics`, every activity.
    pub calendar_url: String,
}

/// The badge of `page`, if it is an activity.
pub fn badge(env: &ViewEnv, page: &Page) -> Option<ActivityBadge> {
    let KindData::Activity(a) = &page.data else { return None };
    Some(make_badge(env, a))
}

fn make_badge(env: &ViewEnv, a: &ActivityMeta) -> ActivityBadge {
    let clock = env.clock;
    let now = clock.now();
    let status = a.status(now);
    let first = first_day(clock, a);
    let this_year = clock.zoned(now).year();
    ActivityBadge {
        status,
        status_label: status.label(),
        activity_kind: a.activity_kind,
        kind_label: a.activity_kind.label(),
        start: match a.when {
            When::Days { first, .. } => first.to_string(),
            When::Timed { start, .. } => clock.rfc3339(start),
        },
        when: when_display(clock, a),
        month_label: match first.year() == this_year {
            true => format!("{}月", first.month()),
            false => format!("{}年{}月", first.year(), first.month()),
        },
        day: first.day(),
        weekday: weekday(first),
        place: a.place.clone().or_else(|| a.address.clone()),
        town: env.config.town(&a.town).map(|t| t.name.clone()),
        community: a.community.clone(),
    }
}

/// The fields of `page`, if it is an activity.
pub fn view<'a>(env: &ViewEnv<'a>, page: &'a Page) -> Option<ActivityView<'a>> {
    let KindData::Activity(a) = &page.data else { return None };
    Some(ActivityView {
        badge: make_badge(env, a),
        end: match a.when {
            When::Days { first, last } => (last != first).then(|| last.to_string()),
            When::Timed { end, .. } => end.map(|e| env.clock.rfc3339(e)),
        },
        all_day: a.all_day(),
        address: a.address.as_deref(),
        location: a.location,
        map_url: map_url(a.location),
        town_link: town_link(env, &a.town),
        organizer: a.organizer.as_deref(),
        partners: &a.partners,
        signup: a.signup.as_deref().map(signup),
        volunteers: a.volunteers,
        participants: a.participants,
        ics_url: env.link(&super::ical::page_file(page)),
        calendar_url: env.link(super::ical::CALENDAR),
    })
}

/// The local date an activity begins on.
pub(crate) fn first_day(clock: &SiteClock, a: &ActivityMeta) -> Date {
    match a.when {
        When::Days { first, .. } => first,
        When::Timed { start, .. } => clock.zoned(start).date(),
    }
}

/// The last local date an activity takes place on.
pub(crate) fn last_day(clock: &SiteClock, a: &ActivityMeta) -> Date {
    match a.when {
        When::Days { last, .. } => last,
        When::Timed { start, end } => clock.zoned(end.unwrap_or(start)).date(),
    }
}

/// `星期六`.
pub fn weekday(d: Date) -> &'static str {
    const NAMES: [&str; 7] = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"];
    NAMES[d.weekday().to_monday_zero_offset().clamp(0, 6) as usize]
}

/// `12月12日（星期六）`, with the year in front when it is not this year's.
fn day_display(clock: &SiteClock, d: Date) -> String {
    let year = match d.year() == clock.zoned(clock.now()).year() {
        true => String::new(),
        false => format!("{}年", d.year()),
    };
    format!("{year}{}月{}日（{}）", d.month(), d.day(), weekday(d))
}

fn hm(clock: &SiteClock, t: Timestamp) -> String {
    clock.zoned(t).strftime("%H:%M").to_string()
}

/// When, for readers: `12月12日（星期六）09:30—11:30`, `12月12日（星期六）全天`,
/// `12月12日（星期六）—12月14日（星期一）`, `12月12日（星期六）09:30—12月13日（星期日）17:00`.
pub fn when_display(clock: &SiteClock, a: &ActivityMeta) -> String {
    match a.when {
        When::Days { first, last } if first == last => format!("{}全天", day_display(clock, first)),
        When::Days { first, last } => format!("{}—{}", day_display(clock, first), day_display(clock, last)),
        When::Timed { start, end } => {
            let day = clock.zoned(start).date();
            let from = format!("{}{}", day_display(clock, day), hm(clock, start));
            match end.filter(|&e| e != start) {
                None => from,
                Some(e) if clock.zoned(e).date() == day => format!("{from}—{}", hm(clock, e)),
                Some(e) => format!("{from}—{}{}", day_display(clock, clock.zoned(e).date()), hm(clock, e)),
            }
        }
    }
}

/// `signup` split into text, phone numbers (`tel:` links) and web
/// addresses (links). Nothing but what the editor wrote is shown.
pub fn signup(text: &str) -> Signup {
    let mut parts: Vec<SignupPart> = Vec::new();
    let mut plain = String::new();
    let mut rest = text.trim();
    let flush = |plain: &mut String, parts: &mut Vec<SignupPart>| {
        if !plain.is_empty() {
            parts.push(SignupPart {
                text: std::mem::take(plain),
                href: None,
            });
        }
    };
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("https://") || rest.starts_with("http://") {
            let len = web_address_len(rest);
            flush(&mut plain, &mut parts);
            parts.push(SignupPart {
                text: rest[..len].to_string(),
                href: Some(rest[..len].to_string()),
            });
            rest = &rest[len..];
            continue;
        }
        if c.is_ascii_digit() || c == '+' || c == '(' {
            let run_len = rest
                .char_indices()
                .find(|&(_, c)| !(c.is_ascii_digit() || matches!(c, '+' | '-' | ' ' | '(' | ')')))
                .map_or(rest.len(), |(i, _)| i);
            let run = rest[..run_len].trim_end_matches([' ', '-', '(', '+']);
            if !run.is_empty() && is_phone(run) {
                flush(&mut plain, &mut parts);
                let digits: String = run.chars().filter(char::is_ascii_digit).collect();
                let plus = if run.starts_with('+') { "+" } else { "" };
                parts.push(SignupPart {
                    text: run.to_string(),
                    href: Some(format!("tel:{plus}{digits}")),
                });
                rest = &rest[run.len()..];
                continue;
            }
            let run = if run.is_empty() { &rest[..c.len_utf8()] } else { run };
            plain.push_str(run);
            rest = &rest[run.len()..];
            continue;
        }
        plain.push(c);
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut plain, &mut parts);
    let kind = match parts.as_slice() {
        [SignupPart { href: Some(h), .. }] if h.starts_with("tel:") => "phone",
        [SignupPart { href: Some(_), .. }] => "link",
        _ => "text",
    };
    Signup { kind, parts }
}

/// The length of the web address at the start of `s`: up to a space, a
/// character outside ASCII (Chinese text, full-width punctuation) or a
/// quote, without trailing punctuation.
fn web_address_len(s: &str) -> usize {
    let end = s
        .char_indices()
        .find(|&(_, c)| !c.is_ascii_graphic() || matches!(c, '<' | '>' | '"' | '\''))
        .map_or(s.len(), |(i, _)| i);
    s[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')']).len()
}

/// A Chinese phone number: a mobile (11 digits from 1), a number with its
/// area code (0…, 10–12 digits), a 400/800 number, an international one
/// (+…), or a local number of 7–8 digits without dashes (not a date).
fn is_phone(run: &str) -> bool {
    let digits: String = run.chars().filter(char::is_ascii_digit).collect();
    let n = digits.len();
    if run.starts_with('+') {
        return (8..=15).contains(&n);
    }
    (digits.starts_with('1') && n == 11)
        || (digits.starts_with('0') && (10..=12).contains(&n))
        || ((digits.starts_with("400") || digits.starts_with("800")) && n == 10)
        || ((7..=8).contains(&n) && !run.contains('-') && !digits.starts_with(['0', '1']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(s: &Signup) -> Vec<(&str, Option<&str>)> {
        s.parts.iter().map(|p| (p.text.as_str(), p.href.as_deref())).collect()
    }

    #[test]
    fn signup_phone_link_or_words() {
        let s = signup("023-49881234");
        assert_eq!(s.kind, "phone");
        assert_eq!(parts(&s), [("023-49881234", Some("tel:02349881234"))]);
        let s = signup("https://kepu.example.org/baoming?id=3");
        assert_eq!(s.kind, "link");
        let s = signup("到仙龙镇文化站现场报名");
        assert_eq!(s.kind, "text");
        assert_eq!(parts(&s), [("到仙龙镇文化站现场报名", None)]);
        let s = signup("拨打 13800138000（工作日），或网上报名 https://x.example.cn/a，截止 2026-12-10");
        assert_eq!(
            parts(&s),
            [
                ("拨打 ", None),
                ("13800138000", Some("tel:13800138000")),
                ("（工作日），或网上报名 ", None),
                ("https://x.example.cn/a", Some("https://x.example.cn/a")),
                ("，截止 2026-12-10", None),
            ]
        );
        assert_eq!(s.kind, "text");
        // Dates, counts and short numbers are not phones.
        for text in ["12月10日前报名", "限 120 人", "2026-12-10 截止", "名额 30"] {
            assert!(signup(text).parts.iter().all(|p| p.href.is_none()), "{text}");
        }
        assert_eq!(
            parts(&signup("+86 23 4988 1234")),
            [("+86 23 4988 1234", Some("tel:+862349881234"))]
        );
        assert_eq!(
            parts(&signup("(023)49881234")),
            [("(023)49881234", Some("tel:02349881234"))]
        );
        assert_eq!(
            parts(&signup("400-123-4567。")),
            [("400-123-4567", Some("tel:4001234567")), ("。", None)]
        );
    }

    #[test]
    fn when_for_readers() {
        let clock = SiteClock::new("Asia/Shanghai", "2026-12-04T10:00:00+08:00".parse().unwrap()).unwrap();
        let show = |yaml: &str| {
            let fm = super::super::read_fields(&format!("activity_kind: lecture\ntown: x\n{yaml}"));
            let a = super::super::parse(&fm, &clock, &mut Vec::new());
            when_display(&clock, &a)
        };
        assert_eq!(
            show("start: 2026-12-12 09:30\nend: 2026-12-12 11:30"),
            "12月12日（星期六）09:30—11:30"
        );
        assert_eq!(show("start: 2026-12-12"), "12月12日（星期六）全天");
        assert_eq!(
            show("start: 2026-12-12\nend: 2026-12-14"),
            "12月12日（星期六）—12月14日（星期一）"
        );
        assert_eq!(
            show("start: 2026-12-12 09:30\nend: 2026-12-13 17:00"),
            "12月12日（星期六）09:30—12月13日（星期日）17:00"
        );
        assert_eq!(show("start: 2027-01-09 14:00"), "2027年1月9日（星期六）14:00");
    }
}
