//! `kepu new`, `kepu init` and `kepu check` as an editor uses them.

mod common;

use common::{NOW, SiteTest};

#[test]
fn new_writes_a_valid_article_with_a_pinyin_name() {
    let t = SiteTest::new();
    let out = t.kepu(&["new", "article", "秋季防火指南", "--now", NOW]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(t.path().join("content/articles/qiu-ji-fang-huo-zhi-nan.md")).unwrap();
    assert!(
        text.starts_with("---\ntitle: \"秋季防火指南\"\ndate: 2026-11-20\n"),
        "{text}"
    );
    t.build_ok();
    assert!(
        t.read("articles/qiu-ji-fang-huo-zhi-nan/index.html")
            .contains("秋季防火指南")
    );
    let again = t.kepu(&["new", "article", "秋季防火指南"]);
    assert!(!again.status.success(), "an existing file is not overwritten");
}

#[test]
fn new_writes_every_kind_so_that_it_builds() {
    let t = SiteTest::new();
    for kind in ["emergency", "board", "station", "page", "column"] {
        let out = t.kepu(&["new", kind, &format!("新的{kind}"), "--now", NOW]);
        assert!(out.status.success(), "{kind}: {}", String::from_utf8_lossy(&out.stderr));
    }
    t.build_ok();
    let note = std::fs::read_to_string(t.path().join("content/emergency/xin-de-emergency.md")).unwrap();
    assert!(note.contains("expires: 2026-11-23T10:00:00+08:00"), "{note}");
}

#[test]
fn new_column_continues_the_latest_program() {
    let t = SiteTest::new();
    t.page(
        "columns/ep7.md",
        "title: 第七期\ndate: 2026-11-16\nmedium: radio\noutlet: 永川广播电台\nprogram: 科普之声\nepisode: 7",
        "x\n",
    );
    let out = t.kepu(&["new", "column", "第八期", "--now", NOW]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(t.path().join("content/columns/di-ba-qi.md")).unwrap();
    assert!(
        text.contains("date: 2026-11-23\nmedium: radio\noutlet: \"永川广播电台\"\nprogram: \"科普之声\"\nepisode: 8\n"),
        "{text}"
    );
}

#[test]
fn init_writes_a_site_that_builds_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mysite");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kepu"))
        .args(["init"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(dir.join("themes/default/templates/base.html").is_file());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kepu"))
        .args(["build", "--now", NOW])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(dir.join("public/articles/first/index.html").is_file());
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_kepu"))
        .args(["init"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(!again.status.success(), "init refuses a folder with files");
}

#[test]
fn check_writes_nothing_and_fails_on_errors() {
    let t = SiteTest::new();
    t.page("articles/a.md", "title: a\ndate: 2026-11-01", "x\n");
    let ok = t.kepu(&["check", "--now", NOW]);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    assert!(!t.path().join("public").exists(), "check writes nothing");
    t.page("articles/b.md", "title: b\ndate: soon", "x\n");
    let bad = t.kepu(&["check", "--now", NOW]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("content/articles/b.md:3:1"));
}

#[test]
fn check_warns_about_notes_without_expiry() {
    let t = SiteTest::new();
    t.page(
        "emergency/open.md",
        "title: 无期\ndate: 2026-11-01\nhazard: heat\nlevel: yellow",
        "x\n",
    );
    t.page(
        "emergency/long.md",
        "title: 太长\ndate: 2026-09-01\nexpires: 2026-12-01\nhazard: cold\nlevel: blue",
        "x\n",
    );
    let out = t.kepu(&["check", "--now", NOW]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "warnings do not fail check: {err}");
    assert!(
        err.contains("warning: content/emergency/open.md:2:1: the emergency note has no 'expires'"),
        "{err}"
    );
    assert!(
        err.contains("warning: content/emergency/long.md:4:1: the note is active for more than 30 days"),
        "{err}"
    );
}
