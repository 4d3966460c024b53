//! The default theme built into the binary: a site of only `site.yaml` and
//! `content/` builds, and the site's own files override it one by one.

use crate::support::common;

use common::{NOW, SITE_YAML};

fn bare_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("site.yaml"), SITE_YAML).unwrap();
    std::fs::create_dir_all(dir.path().join("content/articles")).unwrap();
    std::fs::write(
        dir.path().join("content/articles/a.md"),
        "---\ntitle: 防溺水\ndate: 2026-11-01\n---\n夏天不要独自下河。\n",
    )
    .unwrap();
    dir
}

fn build(dir: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kepu"))
        .args(["build", "--now", NOW])
        .current_dir(dir)
        .output()
        .expect("run kepu")
}

#[test]
fn a_site_without_themes_builds_on_the_built_in_theme() {
    let dir = bare_site();
    assert!(!dir.path().join("themes").exists());
    let out = build(dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let page = std::fs::read_to_string(dir.path().join("public/articles/a/index.html")).unwrap();
    assert!(page.contains("防溺水") && page.contains("夏天不要独自下河"), "{page}");
    let home = std::fs::read_to_string(dir.path().join("public/index.html")).unwrap();
    assert!(
        home.contains("<!DOCTYPE html>") || home.contains("<!doctype html>"),
        "{home}"
    );
    // The theme's styles are copied from the binary.
    let css = walkdir::WalkDir::new(dir.path().join("public/css"))
        .into_iter()
        .flatten()
        .any(|e| e.path().extension().is_some_and(|x| x == "css"));
    assert!(css, "the built-in stylesheets are in public/css/");
    assert!(!dir.path().join("themes").exists(), "nothing is written into the site");
}

#[test]
fn an_overridden_template_wins_and_the_rest_stay_built_in() {
    let dir = bare_site();
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/article.html"),
        "<p class=\"mine\">{{ page.title }}</p>",
    )
    .unwrap();
    let out = build(dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let page = std::fs::read_to_string(dir.path().join("public/articles/a/index.html")).unwrap();
    assert_eq!(page.trim(), "<p class=\"mine\">防溺水</p>");
    let home = std::fs::read_to_string(dir.path().join("public/index.html")).unwrap();
    assert!(
        home.contains("防溺水"),
        "the home page still uses the built-in index.html"
    );
}

#[test]
fn a_theme_folder_overrides_file_by_file() {
    let dir = bare_site();
    let t = dir.path().join("themes/default/templates");
    std::fs::create_dir_all(&t).unwrap();
    std::fs::write(t.join("article.html"), "theme-folder {{ page.title }}").unwrap();
    std::fs::create_dir_all(dir.path().join("static/css")).unwrap();
    std::fs::write(dir.path().join("static/favicon.svg"), "<svg id=\"mine\"/>").unwrap();
    let out = build(dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let page = std::fs::read_to_string(dir.path().join("public/articles/a/index.html")).unwrap();
    assert_eq!(page.trim(), "theme-folder 防溺水");
    let icon = std::fs::read_to_string(dir.path().join("public/favicon.svg")).unwrap();
    assert_eq!(icon, "<svg id=\"mine\"/>");
}

#[test]
fn another_theme_name_still_needs_its_folder() {
    let dir = bare_site();
    std::fs::write(dir.path().join("site.yaml"), format!("{SITE_YAML}theme: other\n")).unwrap();
    let out = build(dir.path());
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("themes/other/"));
}

#[test]
fn init_uses_the_built_in_theme_and_copies_it_on_request() {
    let tmp = tempfile::tempdir().unwrap();
    let plain = tmp.path().join("plain");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kepu"))
        .arg("init")
        .arg(&plain)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!plain.join("themes").exists());
    let out = build(&plain);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let copied = tmp.path().join("copied");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kepu"))
        .args(["init", "--copy-theme"])
        .arg(&copied)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let ours = std::fs::read(copied.join("themes/default/templates/base.html")).unwrap();
    let repo = std::fs::read(common::repo().join("themes/default/templates/base.html")).unwrap();
    assert_eq!(ours, repo);
}
