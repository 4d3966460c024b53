//! The example site at the repository root: it builds, it passes `check`,
//! every page of it passes the Nu HTML checker, and its XML is valid.

use crate::support::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{NOW, Tool, repo, xmllint};

fn build_example(out: &Path) {
    let o = Command::new(env!("CARGO_BIN_EXE_kepu"))
        .args(["--root"])
        .arg(repo())
        .args(["build", "--now", NOW, "-o"])
        .arg(out)
        .output()
        .expect("run kepu");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == ext))
        .map(|e| e.into_path())
        .collect()
}

#[test]
fn example_site_builds_with_every_kind_of_page() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_example(&out);
    for p in [
        "index.html",
        "articles/zhong-shu-ji-jiu/index.html",
        "articles/aed/aed-sign.svg",
        "emergency/hanchao-2026-11/index.html",
        "emergency/hanchao-2026-11.cap.xml",
        "emergency/cap.xml",
        "columns/2026/w47/index.html",
        "columns/radio/index.html",
        "boards/renmin-guangchang/index.html",
        "boards/renmin-guangchang/poster/index.html",
        "stations/index.html",
        "towns/xianlong/index.html",
        "activities/index.html",
        "activities/calendar.ics",
        "activities/yongdian-anquan-jiancha/index.html",
        "activities/yongdian-anquan-jiancha/yongdian-anquan-jiancha.ics",
        "dashboard/index.html",
        "dashboard.json",
        "plan/index.html",
        "report/2026/index.html",
        "report/2026/report.json",
        "tags/index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "atom.xml",
        "rss.xml",
    ] {
        assert!(out.join(p).is_file(), "{p} missing");
    }
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("lang=\"zh-CN\""));
    assert!(
        home.contains("data-expires=\"2026-11-23T20:00:00+08:00\""),
        "the active cold-wave note has a banner"
    );
    let check = Command::new(env!("CARGO_BIN_EXE_kepu"))
        .arg("--root")
        .arg(repo())
        .args(["check", "--now", NOW])
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
}

#[test]
fn example_site_xml_is_schema_valid() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_example(&out);
    let (ok, msg) = xmllint(&out.join("sitemap.xml"), "sitemap.xsd");
    assert!(ok, "{msg}");
    for f in files(&out, "xml") {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let schema = if name.ends_with(".cap.xml") {
            "CAP-v1.2.xsd"
        } else if name == "atom.xml" || name == "cap.xml" {
            "atom.rng"
        } else {
            continue;
        };
        let (ok, msg) = xmllint(&f, schema);
        assert!(ok, "{}: {msg}", f.display());
    }
}

#[test]
fn every_page_of_the_example_site_passes_the_nu_checker() {
    if !common::ready("the Nu HTML check", &[Tool::Java, Tool::NodeModules]) {
        return;
    }
    let jar = repo().join("node_modules/vnu-jar/build/dist/vnu.jar");
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_example(&out);
    let o = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--skip-non-html", "--errors-only", "--format", "gnu"])
        .arg(&out)
        .output()
        .expect("java is needed (apt-get install default-jre-headless)");
    let report = String::from_utf8_lossy(&o.stderr).to_string() + &String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success() && report.trim().is_empty(),
        "Nu checker errors:\n{report}"
    );
    assert!(files(&out, "html").len() > 50);
}
