//! Emergency notes (activity, order, banners) and the weekly column (ISO
//! weeks, week pages, the promise measured).

use crate::support::common;

use common::{NOW, SiteTest};

fn note(t: &SiteTest, name: &str, level: &str, date: &str, expires: &str) {
    t.page(
        &format!("emergency/{name}.md"),
        &format!("title: 提示{name}\ndate: {date}\nexpires: {expires}\nhazard: flood\nlevel: {level}\nareas: [xianlong]\nsteps: [转移到高处]"),
        "正文。\n",
    );
}

fn notes_site() -> SiteTest {
    let t = SiteTest::with_real_theme();
    note(
        &t,
        "blue-active",
        "blue",
        "2026-11-19T08:00:00+08:00",
        "2026-11-22T08:00:00+08:00",
    );
    note(
        &t,
        "red-active",
        "red",
        "2026-11-18T08:00:00+08:00",
        "2026-11-21T08:00:00+08:00",
    );
    note(
        &t,
        "orange-old",
        "orange",
        "2026-10-01T08:00:00+08:00",
        "2026-10-03T08:00:00+08:00",
    );
    note(
        &t,
        "yellow-future",
        "yellow",
        "2026-11-25T08:00:00+08:00",
        "2026-11-27T08:00:00+08:00",
    );
    note(&t, "edge", "yellow", "2026-11-18T08:00:00+08:00", NOW);
    t.page("articles/a.md", "title: 文章\ndate: 2026-11-01", "正文\n");
    t.build_ok();
    t
}

#[test]
fn active_notes_come_first_by_level_then_the_archive() {
    let t = notes_site();
    let list = t.read("emergency/index.html");
    let pos = |s: &str| list.find(s).unwrap_or_else(|| panic!("{s} missing"));
    let archive = pos("往期");
    assert!(pos("提示red-active") < pos("提示blue-active"), "red before blue");
    assert!(pos("提示blue-active") < archive);
    assert!(pos("提示orange-old") > archive, "expired notes are archived");
    assert!(
        pos("提示edge") > archive,
        "expires is exclusive: a note expiring at now is not active"
    );
    assert!(pos("提示yellow-future") > archive, "not yet active");
}

#[test]
fn every_page_carries_the_banners_of_active_notes() {
    let t = notes_site();
    let mut pages = 0;
    for e in walkdir::WalkDir::new(t.path().join("public")).into_iter().flatten() {
        let p = e.path();
        if p.extension().is_none_or(|x| x != "html") || p.to_string_lossy().contains("/poster/") {
            continue;
        }
        let html = std::fs::read_to_string(p).unwrap();
        if html.contains("http-equiv=\"refresh\"") {
            continue;
        }
        pages += 1;
        assert!(
            html.contains("data-expires=\"2026-11-21T08:00:00+08:00\""),
            "{} lacks the red banner",
            p.display()
        );
        assert!(
            html.contains("data-expires=\"2026-11-22T08:00:00+08:00\""),
            "{} lacks the blue banner",
            p.display()
        );
        assert!(
            !html.contains("data-expires=\"2026-10-03T08:00:00+08:00\""),
            "{} shows an expired banner",
            p.display()
        );
        assert!(
            html.contains("红色预警"),
            "level as text, not colour alone: {}",
            p.display()
        );
    }
    assert!(pages > 10, "only {pages} pages checked");
}

#[test]
fn note_page_shows_window_areas_and_steps() {
    let t = notes_site();
    let html = t.read("emergency/red-active/index.html");
    assert!(
        html.contains("<ol") && html.contains("转移到高处"),
        "steps as a numbered list"
    );
    assert!(
        html.contains("href=\"/towns/xianlong/\"") && html.contains("仙龙镇"),
        "areas link to town pages"
    );
    assert!(html.contains("2026年11月21日 08:00"), "expiry shown");
    assert!(html.contains("/emergency/red-active.cap.xml"), "links its CAP file");
}

fn column(t: &SiteTest, name: &str, date: &str, medium: &str, ep: u32) {
    t.page(
        &format!("columns/{name}.md"),
        &format!(
            "title: 栏目{name}\ndate: {date}\nmedium: {medium}\noutlet: 永川广播电台\nprogram: 科普之声\nepisode: {ep}"
        ),
        "本期内容。\n",
    );
}

#[test]
fn iso_weeks_at_year_ends_and_late_sundays() {
    let t = SiteTest::new();
    column(&t, "dec31", "2026-12-31", "radio", 1);
    column(&t, "jan1", "2027-01-01", "tv", 2);
    column(&t, "sunday", "2026-05-24T23:30:00+08:00", "radio", 3);
    column(&t, "monday", "2026-05-25T00:10:00+08:00", "newspaper", 4);
    let out = t.kepu(&["build", "--now", "2027-01-05T10:00:00+08:00"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let w53 = t.read("columns/2026/w53/index.html");
    assert!(
        w53.contains("栏目dec31") && w53.contains("栏目jan1"),
        "2026-12-31 and 2027-01-01 are both in 2026-W53"
    );
    assert!(
        t.read("columns/2026/w21/index.html").contains("栏目sunday"),
        "Sunday 23:30 in Shanghai is still W21"
    );
    assert!(t.read("columns/2026/w22/index.html").contains("栏目monday"));
    assert!(!t.exists("columns/2027/w01/index.html"));
    let radio = t.read("columns/radio/index.html");
    assert!(radio.contains("栏目dec31") && radio.contains("栏目sunday") && !radio.contains("栏目jan1"));
}

#[test]
fn weeks_that_fall_short_are_listed_exactly() {
    let t = SiteTest::new();
    t.write(
        "site.yaml",
        &format!(
            "{}columns: {{ since: 2026-10-26, min_per_week: 1 }}\n",
            common::SITE_YAML
        ),
    );
    column(&t, "w44", "2026-10-28", "radio", 1);
    column(&t, "w46a", "2026-11-09", "tv", 2);
    column(&t, "w46b", "2026-11-13", "newspaper", 3);
    let out = t.kepu(&["check", "--now", NOW]);
    let err = String::from_utf8_lossy(&out.stderr);
    let short: Vec<&str> = err.lines().filter(|l| l.contains("column entries")).collect();
    assert_eq!(short.len(), 2, "{err}");
    assert!(short[0].contains("week 45 (2–8 Nov): 0 of 1 column entries"), "{err}");
    assert!(short[1].contains("week 47 (16–22 Nov): 0 of 1"), "{err}");
    assert!(
        short[0].starts_with("warning: site.yaml:7:"),
        "points at columns.since: {err}"
    );
    let build = t.build_ok();
    assert!(build.contains("2 × column-week-short"), "{build}");
}

#[test]
fn column_entries_link_their_program_neighbours() {
    let t = SiteTest::with_real_theme();
    column(&t, "e1", "2026-11-02", "radio", 1);
    column(&t, "e2", "2026-11-09", "radio", 2);
    column(&t, "e3", "2026-11-16", "radio", 3);
    t.build_ok();
    let mid = t.read("columns/e2/index.html");
    assert!(
        mid.contains("href=\"/columns/e1/\"") && mid.contains("href=\"/columns/e3/\""),
        "{mid}"
    );
    assert!(mid.contains("广播") && mid.contains("第 2 期"));
    assert!(mid.contains("href=\"/columns/2026/w46/\""), "links its week");
}
