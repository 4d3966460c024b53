//! Activities (科普活动): their checks, /activities/ split at `--now`, the
//! pages that list them, the iCalendar files read back by a real iCalendar
//! parser, `kepu new activity` and `kepu serve` keeping them up to date.

use crate::support::common;
use crate::support::serve_support;

use std::time::Duration;

use common::{NOW, SiteTest};
use icalendar::{Calendar, CalendarComponent, CalendarDateTime, Component, DatePerhapsTime, Event, EventLike};

/// An activity's front matter: `title`, then `rest`.
fn activity(t: &SiteTest, name: &str, title: &str, rest: &str) {
    t.page(
        &format!("activities/{name}.md"),
        &format!("title: {title}\n{rest}"),
        "活动介绍。\n",
    );
}

/// A site around `NOW` (2026-11-20 10:00, Friday, Shanghai): activities
/// running now, ending exactly now, starting exactly now, all day today,
/// later, and before.
fn site() -> SiteTest {
    let t = SiteTest::with_real_theme();
    t.page("_index.md", "title: 首页", "");
    t.page("activities/_index.md", "title: 科普活动", "");
    t.page(
        "stations/xianlongcun.md",
        "title: 仙龙村科普站\ntown: xianlong\ncommunity: 仙龙村",
        "",
    );
    t.page(
        "stations/xinfangzi.md",
        "title: 新房子村科普站\ntown: xianlong\ncommunity: 新房子村",
        "",
    );
    let kind = "activity_kind: lecture\ntown: xianlong\n";
    activity(
        &t,
        "running",
        "正在进行",
        &format!("{kind}start: 2026-11-20 09:00\nend: 2026-11-20 11:00"),
    );
    activity(
        &t,
        "ended",
        "刚刚结束",
        &format!("{kind}start: 2026-11-20 08:00\nend: 2026-11-20 10:00\nparticipants: 30"),
    );
    activity(
        &t,
        "starting",
        "正好开始",
        &format!("{kind}start: 2026-11-20 10:00\nend: 2026-11-20 12:00"),
    );
    activity(&t, "today", "今天全天", &format!("{kind}start: 2026-11-20"));
    activity(
        &t,
        "later",
        "冬季用电安全志愿服务",
        "activity_kind: 科技志愿服务\ntown: 仙龙镇\ncommunity: 仙龙村\nstart: 2026-12-12 09:30\nend: 2026-12-12 11:30\nplace: 仙龙村便民服务中心\nlocation: { lat: 29.3, lng: 105.9 }\norganizer: 永川区科协\nsignup: 023-49881234\nvolunteers: 8",
    );
    activity(
        &t,
        "tour",
        "流动科技馆巡展",
        "activity_kind: 流动科技馆巡展\ntown: zhongshanlu\nstart: 2026-11-10\nend: 2026-11-12\nparticipants: 1260",
    );
    activity(
        &t,
        "october",
        "十月讲座",
        &format!("{kind}community: 新房子村\nstart: 2026-10-24 14:30\nend: 2026-10-24 16:00\nparticipants: 65"),
    );
    t
}

/// The part of `html` from `from` up to `to` (or the end).
fn between<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let start = html.find(from).unwrap_or_else(|| panic!("{from} missing"));
    let end = html[start..].find(to).map_or(html.len(), |i| start + i);
    &html[start..end]
}

fn order(part: &str, titles: &[&str]) -> Vec<usize> {
    titles
        .iter()
        .map(|t| part.find(t).unwrap_or_else(|| panic!("{t} missing from:\n{part}")))
        .collect()
}

fn increasing(v: &[usize]) -> bool {
    v.windows(2).all(|w| w[0] < w[1])
}

#[test]
fn upcoming_first_soonest_first_then_the_past_by_month_split_at_now() {
    let t = site();
    t.build_ok();
    let list = t.read("activities/index.html");
    let upcoming = between(&list, "id=\"kepu-upcoming\"", "id=\"kepu-calendar\"");
    // Running now and starting exactly now are not over; soonest first.
    let at = order(upcoming, &["今天全天", "正在进行", "正好开始", "冬季用电安全志愿服务"]);
    assert!(increasing(&at), "{at:?}");
    assert!(upcoming.contains("4 项"), "{upcoming}");
    // Ending exactly now is over.
    for title in ["刚刚结束", "流动科技馆巡展", "十月讲座"] {
        assert!(!upcoming.contains(title), "{title} is over");
    }
    let past = between(&list, "id=\"kepu-past\"", "class=\"feed-links\"");
    let at = order(
        past,
        &["2026年11月", "刚刚结束", "流动科技馆巡展", "2026年10月", "十月讲座"],
    );
    assert!(increasing(&at), "newest month first: {at:?}\n{past}");
    assert!(!past.contains("正在进行") && !past.contains("正好开始"), "{past}");
    // Status words, not colour alone.
    assert!(upcoming.contains("activity-status--ongoing\">进行中"), "{upcoming}");
    assert!(upcoming.contains("activity-status--upcoming\">即将开始"), "{upcoming}");
    assert!(past.contains("activity-status--past\">已结束"), "{past}");
}

#[test]
fn the_month_calendar_is_a_table_that_links_days_to_activities() {
    let t = site();
    t.build_ok();
    let list = t.read("activities/index.html");
    let cal = between(&list, "id=\"kepu-calendar\"", "id=\"kepu-past\"");
    // This month first, then the months to come; earlier months are in the past list.
    let at = order(cal, &["id=\"cal-2026-11\"", "id=\"cal-2026-12\""]);
    assert!(increasing(&at), "{at:?}");
    assert!(!cal.contains("cal-2026-10"), "{cal}");
    let november = between(cal, "id=\"cal-2026-11\"", "id=\"cal-2026-12\"");
    assert!(november.contains("<table class=\"cal\">"), "{november}");
    // 2026-11-01 is a Sunday: six blank days before it in a week from Monday.
    let first_week = between(november, "<tbody>", "</tr>");
    assert_eq!(first_week.matches("cal__day--blank").count(), 6, "{first_week}");
    // Today, with four activities: the day links to the list under the table.
    let today = between(november, "aria-current=\"date\"", "</td>");
    assert!(
        today.contains("href=\"#cal-2026-11-list\"") && today.contains("4 项活动"),
        "{today}"
    );
    // A day of a three-day tour links straight to it.
    let eleventh = between(november, ">11<span", "</td>");
    assert!(eleventh.contains("/activities/tour/"), "{eleventh}");
    let list_under = between(november, "id=\"cal-2026-11-list\"", "</ul>");
    assert!(
        list_under.contains("11月10日（星期二）—11月12日（星期四）"),
        "{list_under}"
    );
    let december = between(cal, "id=\"cal-2026-12\"", "</section>");
    assert!(
        december.contains("href=\"/activities/later/\">12<"),
        "one activity: the day links to it\n{december}"
    );
}

#[test]
fn an_activity_page_says_when_where_how_to_join_and_once_over_how_it_went() {
    let t = site();
    t.build_ok();
    let later = t.read("activities/later/index.html");
    for s in [
        "12月12日（星期六）09:30—11:30",
        "<time datetime=\"2026-12-12T09:30:00+08:00\">",
        "仙龙村便民服务中心",
        "href=\"/towns/xianlong/\">仙龙镇</a> · 仙龙村",
        "https://www.openstreetmap.org/?mlat=29.3&amp;mlon=105.9",
        "永川区科协",
        "<a href=\"tel:02349881234\">023-49881234</a>",
        "href=\"/activities/later/later.ics\"",
        ">加入日历<",
        "科技志愿服务",
        "8 名",
    ] {
        assert!(later.contains(s), "{s} missing:\n{later}");
    }
    assert!(!later.contains("活动回顾"), "not over yet");
    let over = t.read("activities/tour/index.html");
    assert!(over.contains("活动回顾") && over.contains(">1260<"), "{over}");
    assert!(over.contains("11月10日（星期二）—11月12日（星期四）"), "{over}");
    assert!(!over.contains("加入日历"), "{over}");
    let today = t.read("activities/today/index.html");
    assert!(today.contains("11月20日（星期五）全天"), "{today}");
    assert!(today.contains("无需报名"), "{today}");
}

#[test]
fn towns_stations_and_the_home_page_list_their_activities() {
    let t = site();
    t.build_ok();
    let town = t.read("towns/xianlong/index.html");
    let own = between(&town, "id=\"kepu-activities\"", "</section>");
    let at = order(
        own,
        &[
            "近期活动",
            "今天全天",
            "冬季用电安全志愿服务",
            "往期活动",
            "刚刚结束",
            "十月讲座",
        ],
    );
    assert!(increasing(&at), "{at:?}\n{own}");
    assert!(!own.contains("流动科技馆巡展"), "another town's: {own}");
    // A station lists the activities of its own village or community.
    let station = t.read("stations/xianlongcun/index.html");
    assert!(
        station.contains("仙龙村的科普活动") && station.contains("冬季用电安全志愿服务"),
        "{station}"
    );
    assert!(
        !station.contains("十月讲座") && !station.contains("正在进行"),
        "{station}"
    );
    let other = t.read("stations/xinfangzi/index.html");
    assert!(
        other.contains("十月讲座") && !other.contains("冬季用电安全志愿服务"),
        "{other}"
    );
    // The home page: the next three, running ones first.
    let home = t.read("index.html");
    let next = between(&home, "id=\"home-activities\"", "</section>");
    let at = order(next, &["今天全天", "正在进行", "正好开始"]);
    assert!(increasing(&at), "{next}");
    assert!(!next.contains("冬季用电安全志愿服务"), "three at most: {next}");
    // Nothing when nothing is coming.
    let quiet = SiteTest::with_real_theme();
    quiet.page("_index.md", "title: 首页", "");
    activity(
        &quiet,
        "old",
        "旧活动",
        "activity_kind: lecture\ntown: xianlong\nstart: 2026-01-05",
    );
    quiet.build_ok();
    let home = quiet.read("index.html");
    assert!(!home.contains("home-activities"), "{home}");
    assert!(quiet.read("activities/index.html").contains("近期没有安排活动"));
}

/// Every event of an iCalendar text, with the parser's view of it.
fn events(ics: &str) -> Vec<Event> {
    let cal: Calendar = ics.parse().unwrap_or_else(|e| panic!("{e}\n{ics}"));
    cal.components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e.clone()),
            _ => None,
        })
        .collect()
}

fn utc(d: Option<DatePerhapsTime>) -> String {
    match d {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(t))) => t.to_rfc3339(),
        other => panic!("not a UTC time: {other:?}"),
    }
}

fn day(d: Option<DatePerhapsTime>) -> String {
    match d {
        Some(DatePerhapsTime::Date(d)) => d.to_string(),
        other => panic!("not a date: {other:?}"),
    }
}

/// Each physical line of an iCalendar file: CRLF-terminated, at most 75
/// octets, valid UTF-8 on its own (a fold never splits a character).
fn assert_well_folded(bytes: &[u8]) {
    assert!(bytes.ends_with(b"\r\n"));
    for line in bytes[..bytes.len() - 1].split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or_else(|| panic!("a bare LF"));
        assert!(
            line.len() <= 75,
            "{} octets: {}",
            line.len(),
            String::from_utf8_lossy(line)
        );
        assert!(std::str::from_utf8(line).is_ok(), "a character split: {line:?}");
    }
}

#[test]
fn calendar_ics_is_read_back_by_an_icalendar_parser() {
    let t = site();
    t.build_ok();
    let bytes = std::fs::read(t.path().join("public/activities/calendar.ics")).unwrap();
    assert_well_folded(&bytes);
    let ics = String::from_utf8(bytes).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"), "{ics}");
    let all = events(&ics);
    assert_eq!(all.len(), 7);
    for e in &all {
        for key in [
            "UID",
            "DTSTAMP",
            "DTSTART",
            "DTEND",
            "SUMMARY",
            "LOCATION",
            "URL",
            "DESCRIPTION",
        ] {
            assert!(e.property_value(key).is_some_and(|v| !v.is_empty()), "{key}: {e:?}");
        }
    }
    let by_title = |title: &str| {
        all.iter()
            .find(|e| e.get_summary() == Some(title))
            .unwrap_or_else(|| panic!("{title}"))
    };
    // 09:30 in Shanghai is 01:30 UTC.
    let later = by_title("冬季用电安全志愿服务");
    assert_eq!(utc(later.get_start()), "2026-12-12T01:30:00+00:00");
    assert_eq!(utc(later.get_end()), "2026-12-12T03:30:00+00:00");
    assert_eq!(later.get_uid(), Some("activities-later@kepu.example.org"));
    assert_eq!(later.get_url(), Some("https://kepu.example.org/activities/later/"));
    assert_eq!(later.get_location(), Some("仙龙镇仙龙村，仙龙村便民服务中心"));
    let description = later.get_description().unwrap();
    assert!(
        description.contains("\n报名方式：023-49881234\n") && description.contains("主办：永川区科协"),
        "{description}"
    );
    assert_eq!(later.property_value("GEO"), Some("29.3;105.9"));
    // All day: dates, and the day after the last day as the (exclusive) end.
    let tour = by_title("流动科技馆巡展");
    assert_eq!(day(tour.get_start()), "2026-11-10");
    assert_eq!(day(tour.get_end()), "2026-11-13");
    let today = by_title("今天全天");
    assert_eq!(
        (day(today.get_start()), day(today.get_end())),
        ("2026-11-20".into(), "2026-11-21".into())
    );
    // Each activity's own file holds its one event, with the same UID.
    let one = t.read("activities/later/later.ics");
    assert_well_folded(one.as_bytes());
    let one = events(&one);
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].get_uid(), later.get_uid());
}

#[test]
fn uids_stay_the_same_across_builds() {
    let t = site();
    let uids = |t: &SiteTest, now: &str| {
        let out = t.kepu(&["build", "--now", now]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let mut v: Vec<(String, String)> = events(&t.read("activities/calendar.ics"))
            .iter()
            .map(|e| (e.get_summary().unwrap().to_string(), e.get_uid().unwrap().to_string()))
            .collect();
        v.sort();
        v
    };
    let first = uids(&t, NOW);
    // Another day, another activity, a body edited: the UIDs of the others stay.
    activity(
        &t,
        "new",
        "新增活动",
        "activity_kind: other\ntown: xianlong\nstart: 2026-12-30",
    );
    t.page(
        "activities/running.md",
        "title: 正在进行\nactivity_kind: lecture\ntown: xianlong\nstart: 2026-11-20 09:00\nend: 2026-11-20 11:00",
        "改过的介绍。\n",
    );
    let second = uids(&t, "2026-11-21T10:00:00+08:00");
    assert_eq!(second.len(), first.len() + 1);
    for uid in &first {
        assert!(second.contains(uid), "{uid:?} changed: {second:?}");
    }
    let unique: std::collections::BTreeSet<&String> = second.iter().map(|(_, u)| u).collect();
    assert_eq!(unique.len(), second.len());
}

#[test]
fn ical_text_is_escaped_and_folded_without_splitting_characters() {
    let t = SiteTest::with_real_theme();
    let title = "科学之夜：天文, 物理; 化学\\生物，一起来".repeat(3);
    t.page(
        "activities/night.md",
        &format!(
            "title: \"{}\"\nactivity_kind: lecture\ntown: xianlong\nstart: 2026-12-12 19:00\nend: 2026-12-12 21:00\nplace: \"礼堂，二楼; 东侧\"\nsummary: \"第一行，带逗号;分号\\\\反斜杠\\n第二行\"",
            title.replace('\\', "\\\\")
        ),
        "",
    );
    t.build_ok();
    let bytes = std::fs::read(t.path().join("public/activities/night/night.ics")).unwrap();
    assert_well_folded(&bytes);
    let raw = String::from_utf8(bytes).unwrap();
    assert!(
        raw.contains("SUMMARY:科学之夜：天文\\, 物理\\; 化学\\\\生物，"),
        "{raw}"
    );
    assert!(raw.matches("\r\n ").count() >= 3, "long lines are folded: {raw}");
    let e = &events(&raw)[0];
    assert_eq!(e.get_summary(), Some(title.as_str()));
    assert_eq!(e.get_location(), Some("仙龙镇，礼堂，二楼; 东侧"));
    let description = e.get_description().unwrap();
    assert!(
        description.starts_with("第一行，带逗号;分号\\反斜杠\n第二行\n活动类型：科普讲座"),
        "{description}"
    );
}

#[test]
fn mistakes_in_an_activity_are_errors_at_their_line() {
    let t = SiteTest::new();
    t.page(
        "activities/bad.md",
        "title: 有错的活动\nactivity_kind: 联欢会\ntown: nowhere\nstart: 2026-12-12 09:30\nend: 2026-12-12 08:30\nparticipants: 50\nvolunteers: -3",
        "",
    );
    t.page(
        "activities/names.md",
        "title: 写了姓名\nactivity_kind: lecture\ntown: xianlong\ncommunity: 和平社区\nstart: 2026-11-01\nvolunteers: [张三, 李四]\nparticipants: 很多",
        "",
    );
    t.page(
        "activities/mixed.md",
        "title: 混写\nactivity_kind: lecture\ntown: xianlong\nstart: 2026-12-12\nend: 2026-12-12 11:00",
        "",
    );
    let err = t.build_err();
    for line in [
        "content/activities/bad.md:3:16: unknown activity_kind '联欢会'",
        "content/activities/bad.md:6:6: 'end' (2026-12-12 08:30) is before 'start' (2026-12-12 09:30)",
        "content/activities/bad.md:8:13: 'volunteers' cannot be negative: -3",
        "content/activities/bad.md:7:1: 'participants' is the number who came, written once the event is over; this one is over at 2026-12-12 09:30",
        "content/activities/bad.md:4:7: unknown town id 'nowhere'",
        "content/activities/names.md:5:12: '和平社区' is not a community of 仙龙镇",
        "content/activities/names.md:7:1: 'volunteers' should be a number of people (a whole number), not '[张三, 李四]'",
        "content/activities/names.md:8:15: 'participants' should be a number of people (a whole number), not '很多'",
        "content/activities/mixed.md:6:6: one of 'start' and 'end' has a time of day, the other is a date only",
    ] {
        assert!(err.contains(line), "{line}\n---\n{err}");
    }
    // In the site's language (Chinese) too.
    let out = t.kepu_in("", &["build", "--now", NOW]);
    let zh = String::from_utf8_lossy(&out.stderr);
    for line in [
        "content/activities/bad.md:6:6: 结束时间 'end'（2026-12-12 08:30）早于开始时间 'start'（2026-12-12 09:30）",
        "content/activities/bad.md:8:13: 'volunteers' 不能是负数：-3",
        "content/activities/names.md:8:15: 'participants' 应是人数（一个整数），不是 '很多'",
        "姓名、电话等个人信息不要写在这里，网站不公布",
        "content/activities/mixed.md:6:6: 'start' 和 'end' 一个写了时刻，一个只写了日期",
        "content/activities/bad.md:7:1: 'participants'（参加人数）要在活动结束后填写：这个活动到 2026-12-12 09:30 才结束",
    ] {
        assert!(zh.contains(line), "{line}\n---\n{zh}");
    }
}

#[test]
fn new_activity_writes_a_draft_with_every_field_explained() {
    let t = SiteTest::with_real_theme();
    let out = t.kepu(&["new", "activity", "冬季科普讲座", "--now", NOW]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let path = t.path().join("content/activities/dong-ji-ke-pu-jiang-zuo.md");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("\ndraft: true") && text.contains("\ndate: 2026-11-20\n"),
        "{text}"
    );
    for key in [
        "start:",
        "end:",
        "activity_kind:",
        "town:",
        "community:",
        "place:",
        "organizer:",
        "signup:",
        "volunteers:",
        "participants:",
    ] {
        assert!(text.contains(&format!("\n# {key}")), "{key}: {text}");
    }
    assert!(
        text.contains("volunteer_service（科技志愿服务）") && text.contains("xianlong（仙龙镇）"),
        "{text}"
    );
    let err = t.build_ok();
    assert!(err.contains("1 draft(s) left out"), "{err}");
    // Filled in, it builds.
    let ready = text
        .replace("draft: true", "")
        .replace("# start:", "start: 2026-12-12 09:30\n#")
        .replace("# activity_kind:", "activity_kind: 讲座\n#")
        .replace("# town:", "town: 仙龙镇\n#");
    std::fs::write(&path, ready).unwrap();
    t.build_ok();
    assert!(
        t.read("activities/dong-ji-ke-pu-jiang-zuo/index.html")
            .contains("12月12日（星期六）09:30")
    );
}

#[test]
fn serve_updates_an_activity_its_lists_and_its_calendar_on_an_edit() {
    let t = site();
    let s = serve_support::Server::start(t.path(), &[]);
    let mut live = s.live();
    assert_eq!(
        s.get("/activities/calendar.ics").header("content-type"),
        Some("text/calendar; charset=utf-8")
    );
    t.page(
        "activities/later.md",
        "title: 冬季用电安全志愿服务\nactivity_kind: 科技志愿服务\ntown: 仙龙镇\ncommunity: 仙龙村\nstart: 2026-12-12 09:30\nend: 2026-12-12 11:30\nplace: 仙龙村便民服务中心\nlocation: { lat: 29.3, lng: 105.9 }\norganizer: 永川区科协\nsignup: 023-49881234\nvolunteers: 8",
        "改成到村委会集合。\n",
    );
    assert!(live.wait("reload", Duration::from_secs(30)).is_some(), "{}", s.log());
    assert!(s.text("/activities/later/").contains("改成到村委会集合"));
    assert!(s.text("/activities/later/later.ics").contains("改成到村委会集合"));
    assert!(s.text("/activities/calendar.ics").contains("改成到村委会集合"));
    std::thread::sleep(Duration::from_millis(200));
    serve_support::assert_same_as_build(t.path(), &s);
}
