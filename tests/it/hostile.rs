//! Hostile content: whatever lands in `content/` or `site.yaml`, kepu
//! answers with a clear error or a correct site, never a crash, a hang, a
//! half-written site or a file out of place. One test per item of the
//! robustness issue:
//! 1. paths, slugs, aliases and bundle assets that try to leave the output;
//! 2. symbolic links inside `content/` that point out of the site or loop;
//! 3. a 50 MB Markdown file;
//! 4. 20,000 nested block quotes and lists;
//! 5. very long lines;
//! 6. invalid UTF-8 and NUL bytes;
//! 7. YAML alias bombs and deeply nested YAML;
//! 8. `<script>` and quotes in titles, tags, summaries and town names,
//!    escaped in HTML, attributes, JSON, feeds, CAP and the search index;
//! 9. front matter naming templates outside `templates/`.

use crate::support::common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{NOW, SiteTest};

/// Files in the site folder that are neither inputs nor under `public/`.
fn strays(t: &SiteTest) -> Vec<PathBuf> {
    let inputs = [
        "content",
        "themes",
        "templates",
        "static",
        "data",
        "site.yaml",
        "public",
    ];
    walkdir::WalkDir::new(t.path())
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| e.depth() > 1 || !inputs.iter().any(|i| e.file_name() == *i))
        .flatten()
        .map(|e| e.path().to_path_buf())
        .collect()
}

/// Every file under `public/` (links included), relative.
fn outputs(t: &SiteTest) -> Vec<String> {
    let public = t.path().join("public");
    walkdir::WalkDir::new(&public)
        .into_iter()
        .flatten()
        .filter(|e| !e.file_type().is_dir())
        .map(|e| e.path().strip_prefix(&public).unwrap_or(e.path()).display().to_string())
        .collect()
}

/// `kepu build` that must end within `limit`; returns (success, stderr).
fn timed_build(t: &SiteTest, limit: Duration) -> (bool, String) {
    let start = Instant::now();
    let out = t.kepu(&["build", "--now", NOW]);
    let took = start.elapsed();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(took < limit, "the build took {took:?} (limit {limit:?}):\n{err}");
    (out.status.success(), err)
}

// 1 ------------------------------------------------------------------------

#[test]
fn paths_slugs_aliases_and_assets_cannot_leave_the_output() {
    let t = SiteTest::new();
    t.page("articles/slug.md", "title: s\nslug: ../../../escaped-slug", "x\n");
    t.page("articles/abs.md", "title: a\nslug: /tmp/escaped-abs", "x\n");
    t.page(
        "articles/alias.md",
        "title: a\naliases: [\"../../../escaped-alias/\", \"/../escaped-up/\", \"a\\\\..\\\\..\\\\escaped-bs/\", \"x\\0y/\", \"C:/escaped-drive/\", \"//host/x/\"]",
        "x\n",
    );
    let err = t.build_err();
    for needle in [
        "content/articles/slug.md:3:1: slug '../../../escaped-slug' may only use",
        "content/articles/abs.md:3:1: slug '/tmp/escaped-abs' may only use",
        "alias '../../../escaped-alias/' cannot be used: the path goes up with '..'",
        "alias '/../escaped-up/' cannot be used: the path goes up with '..'",
        "cannot be used: the path contains a backslash",
        "cannot be used: the path contains a control character",
        "alias 'C:/escaped-drive/' cannot be used: the path names a drive",
        "alias '//host/x/' cannot be used: the path starts with //",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
    assert!(!t.path().join("public").exists());
    assert!(strays(&t).is_empty(), "{:?}", strays(&t));

    // Names on disk that look like paths: a bundle asset with a backslash
    // and a page file with dots; whatever is built stays inside public/.
    let t = SiteTest::new();
    t.page("articles/b/index.md", "title: b", "x\n");
    t.write("content/articles/b/a\\..\\..\\escaped.txt", "txt");
    t.write("content/articles/b/ok.txt", "txt");
    t.page("articles/a..b.md", "title: dots", "x\n");
    t.page("articles/..md", "title: dotdot", "x\n");
    let out = t.kepu(&["build", "--now", NOW]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "a backslash in an asset name is refused:\n{err}");
    assert!(err.contains("the path contains a backslash"), "{err}");
    std::fs::remove_file(t.path().join("content/articles/b/a\\..\\..\\escaped.txt")).expect("rm");
    t.build_ok();
    assert!(t.exists("articles/b/ok.txt"));
    assert!(strays(&t).is_empty(), "{:?}", strays(&t));
    let outside = t.path().parent().expect("tmp").join("escaped.txt");
    assert!(!outside.exists());
}

// 2 ------------------------------------------------------------------------

#[test]
fn symlinks_in_content_are_not_followed_out_of_the_site() {
    let outside = tempfile::tempdir().expect("tmp");
    std::fs::write(
        outside.path().join("secret.md"),
        "---\ntitle: SECRET-PAGE\n---\nSECRET-BODY\n",
    )
    .expect("w");
    std::fs::write(outside.path().join("secret.png"), "SECRET-BYTES").expect("w");
    let t = SiteTest::new();
    t.page("articles/ok.md", "title: ok", "x\n");
    t.page("articles/b/index.md", "title: b", "x\n");
    let link = |target: &Path, at: &str| {
        let at = t.path().join(at);
        std::fs::create_dir_all(at.parent().expect("parent")).expect("mkdir");
        std::os::unix::fs::symlink(target, at).expect("symlink");
    };
    link(&outside.path().join("secret.md"), "content/articles/leak.md");
    link(outside.path(), "content/articles/leakdir");
    link(&outside.path().join("secret.png"), "content/articles/b/leak.png");
    link(Path::new("."), "content/articles/loop");
    link(Path::new("../loop2"), "content/loop2");
    link(&outside.path().join("secret.png"), "static/leak.png");
    let (ok, err) = timed_build(&t, Duration::from_secs(60));
    assert!(ok, "{err}");
    for l in [
        "articles/leak.md",
        "articles/leakdir",
        "articles/b/leak.png",
        "articles/loop",
        "loop2",
    ] {
        assert!(
            err.contains(&format!("content/{l}: symbolic link skipped")),
            "no warning for {l}:\n{err}"
        );
    }
    for f in outputs(&t) {
        let bytes = std::fs::read(t.path().join("public").join(&f)).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("SECRET"), "{f} holds outside content");
    }
    assert!(!t.exists("articles/leak/index.html"));
    assert!(!t.exists("leak.png"));
    assert!(t.exists("articles/ok/index.html"));
}

// 3 ------------------------------------------------------------------------

#[test]
fn a_50_mb_markdown_file_builds() {
    let t = SiteTest::new();
    let chunk = "## 小节\n\n暴雨来临时，要及时关注预警信息，避免前往低洼地带。Words [link](@/articles/small.md) **bold**.\n\n- 一\n- 二\n\n> 引用\n\n```\ncode\n```\n\n";
    let body = chunk.repeat(50 * 1024 * 1024 / chunk.len() + 1);
    t.page("articles/small.md", "title: small", "x\n");
    t.page("articles/huge.md", "title: 巨大", &body);
    // About 4 s in a release build; debug builds (the tests) are ~15x slower.
    let (ok, err) = timed_build(&t, Duration::from_secs(600));
    assert!(ok, "{err}");
    let html = std::fs::read_to_string(t.path().join("public/articles/huge/index.html")).expect("page");
    assert!(html.len() > 50 * 1024 * 1024, "{}", html.len());
    assert!(html.contains("<h2 id=\"xiao-jie-100\">小节</h2>"));
}

// 4 ------------------------------------------------------------------------

#[test]
fn twenty_thousand_nested_quotes_and_lists() {
    for policy in ["allow", "sanitize"] {
        let t = SiteTest::new();
        t.write(
            "site.yaml",
            &format!("{}markdown: {{ raw_html: {policy} }}\n", common::SITE_YAML),
        );
        t.page(
            "articles/quotes.md",
            "title: q",
            &format!("{}深处\n", "> ".repeat(20_000)),
        );
        t.page(
            "articles/list.md",
            "title: l",
            &format!("{}深处\n", "- ".repeat(20_000)),
        );
        let indented: String = (0..20_000)
            .map(|i| format!("{}- {i}\n", "  ".repeat(i % 200)))
            .collect();
        t.page("articles/indented.md", "title: i", &indented);
        t.page(
            "articles/mixed.md",
            "title: m",
            &format!("{}x\n", "> - 1. * ".repeat(5_000)),
        );
        let (ok, err) = timed_build(&t, Duration::from_secs(120));
        assert!(ok, "{policy}: {err}");
        let q = t.read("articles/quotes/index.html");
        assert!(q.contains("深处"), "{policy}");
        // Sanitized HTML keeps 512 levels (browsers nest no deeper either).
        assert!(q.matches("<blockquote>").count() >= 500, "{policy}");
        assert!(t.read("articles/list/index.html").contains("深处"), "{policy}");
    }
}

// 5 ------------------------------------------------------------------------

#[test]
fn very_long_lines() {
    let t = SiteTest::new();
    t.page("articles/target.md", "title: t", "## 目标\n");
    let line = "科普 [链接](@/articles/target.md#mu-biao) `code` **粗** ".repeat(100_000);
    t.page("articles/line.md", "title: 长行", &format!("{line}\n"));
    t.page(
        "articles/heading.md",
        "title: h",
        &format!("# {}\n", "标题".repeat(100_000)),
    );
    let code = format!("```js\n{}\n```\n", "var a = [1, {b: /x/g}]; ".repeat(100_000));
    t.page("articles/code.md", "title: c", &code);
    t.page(
        "articles/title.md",
        &format!("title: {}\ntags: [{}]", "长".repeat(100_000), "t".repeat(100_000)),
        "x\n",
    );
    let (ok, err) = timed_build(&t, Duration::from_secs(120));
    assert!(!ok, "a tag whose slug is longer than a file name can be is refused");
    assert!(err.contains("longer than 255 bytes"), "{err}");
    t.page(
        "articles/title.md",
        &format!("title: {}\ntags: [x]", "长".repeat(100_000)),
        "x\n",
    );
    let (ok, err) = timed_build(&t, Duration::from_secs(120));
    assert!(ok, "{err}");
    assert!(t.read("articles/line/index.html").contains("/articles/target/#mu-biao"));
    assert!(t.read("articles/code/index.html").contains("var a = [1, {b: /x/g}];"));
}

// 6 ------------------------------------------------------------------------

#[test]
fn invalid_utf8_and_nul_bytes_are_errors_at_their_place() {
    let t = SiteTest::new();
    t.write_bytes("content/articles/gbk.md", b"---\ntitle: x\n---\nok\n\xd6\xd0\xce\xc4\n");
    t.write_bytes("content/articles/nul.md", b"---\ntitle: x\n---\nline\n12\x0034\n");
    t.write_bytes("content/articles/nulfm.md", b"---\ntitle: \"a\x00b\"\n---\n");
    t.write_bytes("content/articles/bom16.md", b"\xff\xfe-\x00-\x00-\x00");
    t.write_bytes("content/articles/latin1.md", b"---\ntitle: x\n---\ncaf\xe9\n");
    t.write_bytes("data/bad.yaml", b"a: \xff\n");
    let err = t.build_err();
    for needle in [
        "content/articles/gbk.md:5:1: the file is in GBK (what Notepad on Chinese Windows calls 'ANSI')",
        "help: open it in Notepad, File → Save As, set Encoding to UTF-8 and save",
        "content/articles/latin1.md:4:4: the file is not valid UTF-8",
        "content/articles/nul.md:5:3: the file contains a NUL byte",
        "content/articles/nulfm.md:2:10: the file contains a NUL byte",
        "content/articles/bom16.md:1:1: the file is in UTF-16 (what Windows Notepad calls 'Unicode')",
        "data/bad.yaml:1:4: the file is not valid UTF-8",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
    let t = SiteTest::new();
    t.write_bytes("site.yaml", b"title: \xff\nbase_url: https://a.b/\n");
    assert!(t.build_err().contains("site.yaml:1:8: the file is not valid UTF-8"));
    // 永川科协 saved by Notepad as "ANSI" on Chinese Windows.
    t.write_bytes(
        "site.yaml",
        b"title: \xd3\xc0\xb4\xa8\xbf\xc6\xd0\xad\nbase_url: https://a.b/\n",
    );
    assert!(t.build_err().contains("site.yaml:1:8: the file is in GBK"));
}

// 7 ------------------------------------------------------------------------

/// The classic "billion laughs": nine levels of nine aliases each.
fn alias_bomb(indent: &str) -> String {
    let mut s = format!("{indent}a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(",");
        s.push_str(&format!("{indent}a{i}: &a{i} [{refs}]\n"));
    }
    s
}

#[test]
fn yaml_alias_bombs_and_deep_nesting_are_refused_quickly() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let t = SiteTest::new();
    t.page(
        "articles/bomb.md",
        &format!("title: b\nextra:\n{}", alias_bomb("  ")),
        "x\n",
    );
    t.page("articles/deep.md", &format!("title: d\nextra: {deep}"), "x\n");
    t.page(
        "articles/deepmap.md",
        &format!("title: d\nextra: {}1{}", "{a: ".repeat(10_000), "}".repeat(10_000)),
        "x\n",
    );
    t.write("data/bomb.yaml", &alias_bomb(""));
    t.write("data/deep.yaml", &format!("x: {deep}\n"));
    let (ok, err) = timed_build(&t, Duration::from_secs(30));
    assert!(!ok);
    for needle in [
        "content/articles/bomb.md:",
        "the YAML repeats its aliases (*name) too often",
        "content/articles/deep.md:3:",
        "content/articles/deepmap.md:3:",
        "the YAML nests lists and maps too deeply",
        "data/bomb.yaml:",
        "data/deep.yaml:",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
    let t = SiteTest::new();
    t.write(
        "site.yaml",
        &format!("{}extra:\n{}", common::SITE_YAML, alias_bomb("  ")),
    );
    let (ok, err) = timed_build(&t, Duration::from_secs(30));
    assert!(
        !ok && err.contains("site.yaml:") && err.contains("repeats its aliases"),
        "{err}"
    );
    let t = SiteTest::new();
    t.write("site.yaml", &format!("{}extra: {deep}\n", common::SITE_YAML));
    let (ok, err) = timed_build(&t, Duration::from_secs(30));
    assert!(
        !ok && err.contains("site.yaml:7:") && err.contains("too deeply"),
        "{err}"
    );
}

// 8 ------------------------------------------------------------------------

const XSS: &str = "<script>alert(1)</script>";

/// Attribute names of every tag in `html` (quoted values skipped), and the
/// text inside each `<script>` element.
fn tags_and_scripts(html: &str) -> (Vec<(String, String)>, Vec<String>) {
    let (mut attrs, mut scripts) = (Vec::new(), Vec::new());
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off + 1;
        let name: String = html[i..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        if name.is_empty() {
            continue;
        }
        i += name.len();
        loop {
            while i < b.len() && (b[i] as char).is_ascii_whitespace() || b.get(i) == Some(&b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                break;
            }
            let start = i;
            while i < b.len() && !matches!(b[i], b'=' | b'>' | b' ' | b'\n' | b'\t' | b'/') {
                i += 1;
            }
            attrs.push((name.to_ascii_lowercase(), html[start..i].to_ascii_lowercase()));
            if b.get(i) == Some(&b'=') {
                i += 1;
                match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        i += 1;
                        i += html[i..].find(q as char).map_or(html.len() - i, |e| e + 1);
                    }
                    _ => {
                        while i < b.len() && !matches!(b[i], b' ' | b'>' | b'\n') {
                            i += 1;
                        }
                    }
                }
            }
        }
        if name.eq_ignore_ascii_case("script") {
            let end = html[i..].find("</script>").map_or(html.len(), |e| i + e);
            scripts.push(html[i..end].to_string());
        }
    }
    (attrs, scripts)
}

fn strings_in(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings_in(x, out)),
        serde_json::Value::Object(m) => m.values().for_each(|x| strings_in(x, out)),
        _ => {}
    }
}

#[test]
fn markup_in_titles_tags_summaries_and_towns_is_escaped_everywhere() {
    let t = SiteTest::with_real_theme();
    let town = format!("仙龙{XSS}镇'\"&");
    t.write(
        "site.yaml",
        &format!(
            "title: \"站{XSS}\"\nbase_url: https://kepu.example.org/\ndescription: \"d \\\"q\\\" <b>\"\ntowns:\n  - {{ id: xianlong, name: \"{}\", kind: town, communities: [\"村{XSS}\"] }}\n",
            town.replace('"', "\\\"")
        ),
    );
    let title = format!("标题{XSS} ' \" & </title> <img src=x onerror=alert(2)>");
    let yq = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    t.page(
        "articles/a.md",
        &format!(
            "title: {}\ndate: 2026-11-01\nsummary: {}\ntags: [{}]\ncategories: [{}]\ntowns: [xianlong]\nauthors: [{}]",
            yq(&title),
            yq(&format!("摘要{XSS}\"'")),
            yq(&format!("\"><{XSS}")),
            yq("<img src=x onerror=alert(3)>"),
            yq(XSS)
        ),
        "正文。\n",
    );
    t.page(
        "emergency/flood.md",
        &format!(
            "title: {}\ndate: 2026-11-19\nexpires: 2026-11-22\nhazard: flood\nlevel: red\nareas: [xianlong]\nsteps: [{}]\nsource: {}\nsummary: {}",
            yq(&format!("暴雨{XSS}\"'&")),
            yq(&format!("{XSS} \"go\" & 'run'")),
            yq(XSS),
            yq(XSS)
        ),
        "正文。\n",
    );
    t.page(
        "boards/b.md",
        &format!(
            "title: {}\ntown: xianlong\nboard_kind: gallery\nplace: park\naddress: {}\nmaintainer: {}\nshowing: [{{page: \"@/articles/a.md\", from: 2026-11-01}}]",
            yq(&format!("板{XSS}")),
            yq(&format!("{XSS}\"")),
            yq(XSS)
        ),
        "",
    );
    t.page(
        "stations/s.md",
        &format!(
            "title: {}\ntown: xianlong\ncommunity: {}\nstation_kind: room\nstaff: [{{name: {}, role: {}}}]\nhours: {}",
            yq(&format!("站点{XSS}")),
            yq(&format!("村{XSS}")),
            yq(XSS),
            yq("\"role\""),
            yq(XSS)
        ),
        "",
    );
    t.build_ok();
    let mut kinds = std::collections::BTreeSet::new();
    let mut json_strings = Vec::new();
    for f in outputs(&t) {
        let path = t.path().join("public").join(&f);
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_string();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        match ext.as_str() {
            "html" | "xml" | "svg" => {
                assert!(!text.contains("<script>alert"), "{f}: raw script");
                assert!(!text.contains("<img src=x"), "{f}: raw img");
                let (attrs, scripts) = tags_and_scripts(&text);
                for (tag, attr) in &attrs {
                    assert!(!attr.starts_with("on"), "{f}: <{tag} {attr}=...>");
                }
                for s in scripts {
                    // JSON-LD carries page text as data: it must parse as
                    // JSON and hold no '<' that could end the script.
                    if let Some(json) = s.strip_prefix('>').filter(|j| j.starts_with("{\"@context\"")) {
                        let v: serde_json::Value =
                            serde_json::from_str(json).unwrap_or_else(|e| panic!("{f}: JSON-LD: {e}: {json}"));
                        assert!(!json.contains('<'), "{f}: JSON-LD holds '<': {json}");
                        let mut names = Vec::new();
                        strings_in(&v, &mut names);
                        if f == "articles/a/index.html" {
                            assert!(
                                names.contains(&title),
                                "{f}: JSON-LD lacks the title as written: {json}"
                            );
                        }
                        continue;
                    }
                    assert!(!s.contains("alert("), "{f}: a script holds page text: {s}");
                }
                if ext == "xml" && common::ready("the XML schema checks", &[common::Tool::Xmllint]) {
                    let out = std::process::Command::new("xmllint")
                        .args(["--noout", "--nonet"])
                        .arg(&path)
                        .output()
                        .expect("xmllint");
                    assert!(out.status.success(), "{f}: {}", String::from_utf8_lossy(&out.stderr));
                }
            }
            "json" => {
                let v: serde_json::Value =
                    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{f} is not JSON: {e}"));
                strings_in(&v, &mut json_strings);
            }
            _ => continue,
        }
        kinds.insert(ext);
    }
    for want in ["html", "xml", "json"] {
        assert!(kinds.contains(want), "no {want} output checked: {kinds:?}");
    }
    assert!(t.exists("emergency/flood.cap.xml") && t.exists("atom.xml") && t.exists("rss.xml"));
    // JSON (search index, dashboard) holds the text itself, escaped as JSON.
    assert!(json_strings.iter().any(|s| s == &title), "title not in any JSON output");
    assert!(
        json_strings.iter().any(|s| s.contains(&town)),
        "town name not in any JSON output"
    );
    let cap = t.read("emergency/flood.cap.xml");
    assert!(cap.contains("暴雨&lt;script&gt;alert(1)&lt;/script&gt;"), "{cap}");
}

// 9 ------------------------------------------------------------------------

#[test]
fn templates_outside_templates_are_refused() {
    let t = SiteTest::new();
    t.page("articles/a.md", "title: a\ntemplate: ../../../etc/passwd", "x\n");
    t.page("articles/b.md", "title: b\ntemplate: /etc/passwd", "x\n");
    t.page("articles/c.md", "title: c\ntemplate: \"..\\\\..\\\\x.html\"", "x\n");
    t.write(
        "content/articles/_index.md",
        "---\ntitle: s\ntemplate: ../secret.html\n---\n",
    );
    t.write("templates/ok/page.html", "{{ page.title }}");
    t.page("articles/d.md", "title: d\ntemplate: ok/page.html", "x\n");
    let err = t.build_err();
    for needle in [
        "content/articles/a.md:3:11: template '../../../etc/passwd' must name a file under templates/",
        "content/articles/b.md:3:11: template '/etc/passwd' must name a file under templates/",
        "content/articles/c.md:3:",
        "content/articles/_index.md:3:11: template '../secret.html' must name a file under templates/",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
    assert!(!err.contains("articles/d.md"), "{err}");
    assert!(!t.path().join("public").exists());
}

// 10 -----------------------------------------------------------------------

/// Characters XML 1.0 forbids or Unicode reserves as noncharacters.
const NONCHARS: &str = "\u{FFFE}\u{FFFF}\u{FDD0}\u{1FFFE}\u{10FFFF}";

#[test]
fn noncharacters_reach_no_output_and_every_xml_file_parses() {
    let t = SiteTest::with_real_theme();
    let n = NONCHARS;
    t.write(
        "site.yaml",
        &format!(
            "title: \"站{n}\"\nbase_url: https://kepu.example.org/\ndescription: \"描述{n}\"\norganization: \"科协{n}\"\nfeeds: {{ full_content: true }}\ntowns:\n  - {{ id: xianlong, name: \"仙龙{n}镇\", kind: town, communities: [\"村{n}\"] }}\n"
        ),
    );
    t.write("data/extra.yaml", &format!("note: \"数据{n}\"\n"));
    t.page(
        "articles/a.md",
        &format!("title: \"标题{n}\"\ndate: 2026-11-01\nsummary: \"摘要{n}\"\ntags: [\"标签{n}\"]\ncategories: [\"分类{n}\"]\nauthors: [\"作者{n}\"]"),
        &format!("正文{n}。\n\n## 小节{n}\n\n`代码{n}`\n"),
    );
    t.page(
        "articles/b.md",
        "title: 二\ndate: 2026-11-02",
        &format!("第二篇{n}，没有摘要。\n"),
    );
    t.page(
        "emergency/flood.md",
        &format!("title: \"暴雨{n}\"\ndate: 2026-11-19\nexpires: 2026-11-22\nhazard: flood\nlevel: red\nareas: [xianlong]\nsteps: [\"步骤{n}\"]\nsource: \"来源{n}\""),
        &format!("正文{n}。\n"),
    );
    t.build_ok();
    let mut xml = 0;
    for f in outputs(&t) {
        let path = t.path().join("public").join(&f);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for c in NONCHARS.chars() {
            assert!(!text.contains(c), "{f} holds U+{:04X}", c as u32);
        }
        if f.ends_with(".xml") && common::ready("the XML schema checks", &[common::Tool::Xmllint]) {
            xml += 1;
            let out = std::process::Command::new("xmllint")
                .args(["--noout", "--nonet"])
                .arg(&path)
                .output()
                .expect("xmllint");
            assert!(out.status.success(), "{f}: {}", String::from_utf8_lossy(&out.stderr));
        }
    }
    if common::ready("the XML schema checks", &[common::Tool::Xmllint]) {
        assert!(xml >= 6, "only {xml} XML files checked");
    }
    assert!(t.read("articles/a/index.html").contains("标题\u{FFFD}"));
    assert!(t.read("emergency/flood.cap.xml").contains("来源\u{FFFD}"));
}

/// A page with thousands of tags is an error at its `tags:` line, and its
/// cost stays about its size: feed entries list a bounded number of
/// categories.
#[test]
fn a_page_with_too_many_tags_is_an_error_and_costs_its_size() {
    let t = SiteTest::new();
    let many: Vec<String> = (0..5000).map(|i| format!("t{i}")).collect();
    t.page(
        "articles/a.md",
        &format!("title: a\ndate: 2026-11-01\ntags: [{}]", many.join(", ")),
        "x\n",
    );
    let (ok, err) = timed_build(&t, Duration::from_secs(30));
    assert!(!ok, "{err}");
    assert!(err.contains("articles/a.md:4:"), "{err}");
    assert!(err.contains("at most 100"), "{err}");

    // At the limit the build passes, and the output grows linearly.
    let size_of = |n: usize| {
        let t = SiteTest::new();
        let tags: Vec<String> = (0..n).map(|i| format!("t{i}")).collect();
        t.page(
            "articles/a.md",
            &format!("title: a\ndate: 2026-11-01\ntags: [{}]", tags.join(", ")),
            "x\n",
        );
        t.build_ok();
        let feed = t.read("tags/t0/atom.xml");
        assert!(feed.matches("<category").count() <= 20, "{feed}");
        outputs(&t)
            .iter()
            .map(|f| std::fs::metadata(t.path().join("public").join(f)).map_or(0, |m| m.len()))
            .sum::<u64>()
    };
    let (fifty, hundred) = (size_of(50), size_of(100));
    assert!(
        hundred < fifty * 5 / 2,
        "50 tags: {fifty} bytes, 100 tags: {hundred} bytes"
    );
}

/// Paths a case-insensitive disk would merge, and names Windows reserves,
/// are errors naming the files; the last good site stays.
#[test]
fn case_collisions_and_windows_reserved_names_are_errors() {
    let t = SiteTest::new();
    t.page("articles/a.md", "title: a\ndate: 2026-11-01", "x\n");
    t.build_ok();
    let before = common::snapshot(&t.path().join("public"));
    t.page("articles/one.md", "title: 一\nslug: Same\ndate: 2026-11-01", "x\n");
    t.page("articles/two.md", "title: 二\nslug: same\ndate: 2026-11-02", "x\n");
    let err = t.build_err();
    assert!(
        err.contains("articles/one.md") && err.contains("articles/two.md"),
        "{err}"
    );
    assert!(err.contains("upper and lower case"), "{err}");
    assert_eq!(before, common::snapshot(&t.path().join("public")));

    for (i, name) in ["con", "NUL", "aux", "com1", "lpt3"].iter().enumerate() {
        let t = SiteTest::new();
        t.page(
            "articles/x.md",
            &format!("title: x\nslug: {name}\ndate: 2026-11-0{}", i + 1),
            "x\n",
        );
        let err = t.build_err();
        assert!(err.contains("articles/x.md"), "{name}: {err}");
        assert!(err.contains("Windows reserves"), "{name}: {err}");
    }
    let t = SiteTest::new();
    t.write("static/nul.txt", "x");
    let err = t.build_err();
    assert!(
        err.contains("static/nul.txt") && err.contains("Windows reserves"),
        "{err}"
    );

    let t = SiteTest::new();
    t.write("static/10:30.jpg", "x");
    let err = t.build_err();
    assert!(
        err.contains("10:30.jpg") && err.contains("Windows does not allow"),
        "{err}"
    );

    // A folder spelt two ways: Articles/ from static/, articles/ from content/.
    let t = SiteTest::new();
    t.page("articles/a.md", "title: a\ndate: 2026-11-01", "x\n");
    t.write("static/Articles/guide.pdf", "%PDF");
    let err = t.build_err();
    assert!(err.contains("/Articles/") && err.contains("/articles/"), "{err}");
    assert!(err.contains("upper and lower case"), "{err}");
}

/// Two static files whose names are not UTF-8 but decode to one output
/// name are an error, not a silent overwrite.
#[test]
fn static_names_that_decode_alike_are_an_error() {
    use std::os::unix::ffi::OsStrExt;
    let t = SiteTest::new();
    let dir = t.path().join("static");
    std::fs::create_dir_all(&dir).expect("mkdir");
    for bytes in [&b"a\xff.txt"[..], &b"a\xfe.txt"[..]] {
        let name = std::ffi::OsStr::from_bytes(bytes);
        if std::fs::write(dir.join(name), "x").is_err() {
            eprintln!("skipped: this file system refuses names that are not UTF-8");
            return;
        }
    }
    let err = t.build_err();
    assert!(err.contains("not valid UTF-8"), "{err}");
    assert!(err.contains("rename one"), "{err}");
}

/// One long paragraph, 100 tags and 100 categories, full-content feeds:
/// the page's text is written a fixed number of times (page, site and
/// section feeds, search), never once per term: doubling the page adds
/// a few times its size, not hundreds.
#[test]
fn a_long_page_with_many_terms_costs_about_its_size() {
    let build = |chars: usize| {
        let t = SiteTest::with_real_theme();
        t.write(
            "site.yaml",
            &format!("{}feeds: {{ full_content: true }}\n", common::SITE_YAML),
        );
        let tags: Vec<String> = (0..100).map(|i| format!("t{i}")).collect();
        let cats: Vec<String> = (0..100).map(|i| format!("c{i}")).collect();
        t.page(
            "articles/a.md",
            &format!(
                "title: a\ndate: 2026-11-01\ntags: [{}]\ncategories: [{}]",
                tags.join(", "),
                cats.join(", ")
            ),
            &format!("{}\n", "长".repeat(chars)),
        );
        t.build_ok();
        let total: u64 = outputs(&t)
            .iter()
            .map(|f| std::fs::metadata(t.path().join("public").join(f)).map_or(0, |m| m.len()))
            .sum();
        let term_feed = t.read("tags/t7/atom.xml");
        assert!(term_feed.len() < 8_000, "a term feed holds {} bytes", term_feed.len());
        let term_page = t.read("tags/t7/index.html");
        assert!(term_page.len() < 40_000, "a term page holds {} bytes", term_page.len());
        total
    };
    let (small, large) = (build(50_000), build(100_000));
    let added = 150_000u64; // 50,000 more characters of 3 bytes
    assert!(
        large - small < added * 8,
        "{small} → {large} bytes: the page's text is written {} times",
        (large - small) / added
    );
}

/// A language tag that is not one is refused at its line, so CAP files
/// and pages never carry it.
#[test]
fn a_language_that_is_not_a_tag_is_an_error() {
    let t = SiteTest::new();
    t.write("site.yaml", &format!("{}language: \"zh&<x>\"\n", common::SITE_YAML));
    let err = t.build_err();
    assert!(err.contains("site.yaml:7:"), "{err}");
    assert!(err.contains("not a language tag"), "{err}");
}
