//! Atom, RSS and CAP output, validated against the official schemas.

mod common;

use common::{SiteTest, xmllint};

fn site() -> SiteTest {
    let t = SiteTest::new();
    t.write(
        "site.yaml",
        &format!(
            "{}organization: 永川区科协\nfooter: {{ contact: 023-00000000 }}\nfeeds: {{ limit: 2 }}\n",
            common::SITE_YAML
        ),
    );
    t.page(
        "articles/a.md",
        "title: 甲 <&>\ndate: 2026-11-01\ntags: [防汛]\nauthors: [科协]",
        "第一段 <b>粗</b>。\n\n第二段。\n",
    );
    t.page("articles/b.md", "title: 乙\ndate: 2026-10-01\ntags: [防汛]", "乙文。\n");
    t.page("articles/c.md", "title: 丙\ndate: 2026-09-01", "丙文。\n");
    t.page(
        "emergency/cold.md",
        "title: 寒潮蓝色预警解读\ndate: 2026-11-18T08:00:00+08:00\nexpires: 2026-11-23T20:00:00+08:00\nhazard: cold\nlevel: blue\nareas: [xianlong, zhongshanlu]\nsteps: [添衣保暖, 注意防滑]\nsource: 永川区气象台",
        "寒潮来了。\n",
    );
    t.page(
        "emergency/flood.md",
        "title: 暴雨橙色预警解读\ndate: 2026-09-24T17:00:00+08:00\nupdated: 2026-09-25T09:00:00+08:00\nexpires: 2026-09-26T17:00:00+08:00\nhazard: flood\nlevel: orange\nareas: [xianlong]",
        "暴雨。\n",
    );
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
    let golden_path = common::repo().join("tests/golden/cold.cap.xml");
    if std::env::var_os("KEPU_BLESS").is_some() {
        std::fs::write(&golden_path, t.read("emergency/cold.cap.xml")).unwrap();
    }
    let golden = std::fs::read_to_string(golden_path).unwrap();
    assert_eq!(t.read("emergency/cold.cap.xml"), golden);
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
