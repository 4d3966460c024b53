//! Atom, RSS and CAP output, validated against the official schemas.

use crate::support::common;

use common::{SiteTest, xmllint};

/// The fixture site `tests/fixtures/feeds`: three articles (one with HTML
/// in its title and body) and two emergency notes, one of them old.
fn site() -> SiteTest {
    let t = SiteTest::new().with_fixture("feeds");
    t.build_ok();
    t
}

#[test]
fn atom_feeds_validate_and_keep_the_newest() {
    let t = site();
    for f in [
        "atom.xml",
        "articles/atom.xml",
        "tags/fang-xun/atom.xml",
        "emergency/cap.xml",
    ] {
        let (ok, msg) = xmllint(&t.path().join("public").join(f), "atom.rng");
        assert!(ok, "{f}: {msg}");
    }
    let a = t.read("articles/atom.xml");
    assert!(a.contains("<title>甲 &lt;&amp;&gt;</title>"), "{a}");
    assert!(a.contains("<id>https://kepu.example.org/articles/a/</id>"));
    assert!(
        a.contains("&lt;b&gt;粗&lt;/b&gt;") || a.contains("&lt;p&gt;"),
        "summary is escaped HTML: {a}"
    );
    assert!(!a.contains("丙"), "feeds.limit: 2 keeps the two newest");
    assert_eq!(a.matches("<entry>").count(), 2);
}

#[test]
fn rss_has_every_required_element() {
    let t = site();
    let r = t.read("rss.xml");
    let (ok, msg) = xmllint_wellformed(&t.path().join("public/rss.xml"));
    assert!(ok, "{msg}");
    for tag in [
        "<rss version=\"2.0\"",
        "<channel>",
        "<title>测试站</title>",
        "<link>https://kepu.example.org/</link>",
        "<description>",
        "<item>",
        "<guid isPermaLink=\"true\">",
        "<pubDate>Sun, 01 Nov 2026 00:00:00 +0800</pubDate>",
    ] {
        assert!(r.contains(tag), "missing {tag}: {r}");
    }
}

fn xmllint_wellformed(f: &std::path::Path) -> (bool, String) {
    if !common::ready("the XML schema checks", &[common::Tool::Xmllint]) {
        return (true, String::new());
    }
    let out = std::process::Command::new("xmllint")
        .args(["--noout", "--nonet"])
        .arg(f)
        .output()
        .expect("xmllint");
    (out.status.success(), String::from_utf8_lossy(&out.stderr).to_string())
}

#[test]
fn cap_messages_validate_and_map_the_fields() {
    let t = site();
    for f in ["emergency/cold.cap.xml", "emergency/flood.cap.xml"] {
        let (ok, msg) = xmllint(&t.path().join("public").join(f), "CAP-v1.2.xsd");
        assert!(ok, "{f}: {msg}");
    }
    // The whole message, field by field (snapshots/it__feeds__cold_cap.snap).
    let cold = t.read("emergency/cold.cap.xml");
    assert!(cold.ends_with("</alert>\n"), "{cold}");
    insta::assert_snapshot!("cold_cap", cold);
    let flood = t.read("emergency/flood.cap.xml");
    assert!(flood.contains("<msgType>Update</msgType>"));
    assert!(
        flood.contains(
            "<references>kepu.example.org,kepu.example.org.emergency.flood,2026-09-24T17:00:00+08:00</references>"
        ),
        "{flood}"
    );
    assert!(flood.contains("<severity>Severe</severity>"));
    let feed = t.read("emergency/cap.xml");
    assert!(
        feed.contains("cold.cap.xml") && !feed.contains("flood.cap.xml"),
        "only notes of the last 30 days: {feed}"
    );
}

/// The whole feeds and sitemap of the fixture site, as a reader or a
/// crawler gets them.
#[test]
fn whole_feeds_and_sitemap() {
    let t = site();
    for (name, file) in [
        ("atom", "atom.xml"),
        ("rss", "rss.xml"),
        ("cap_feed", "emergency/cap.xml"),
        ("sitemap", "sitemap.xml"),
    ] {
        insta::assert_snapshot!(name, t.read(file));
    }
}
