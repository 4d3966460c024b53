//! The activity's fields: times, kinds, counts and their mistakes.

use super::*;
use crate::i18n::Lang;

fn clock(now: &str) -> SiteClock {
    SiteClock::new("Asia/Shanghai", now.parse().unwrap()).unwrap()
}

fn fm(yaml: &str) -> Fields {
    read_fields(yaml)
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
    assert_eq!(messages(&e, Lang::En), ["activities need 'start'"]);
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
        ["'participants' is the number who came, written once the event is over; this one is over at 2026-12-13 00:00"]
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
