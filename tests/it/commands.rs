//! `kepu new`, `kepu init` and `kepu check` as an editor uses them.

use crate::support::common;

use common::{NOW, SiteTest};

#[test]
fn new_writes_a_valid_article_with_a_pinyin_name() {
    let t = SiteTest::new();
    let out = t.kepu(&["new", "article", "秋季防火指南", "--now", NOW]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(t.path().join("content/articles/qiu-ji-fang-huo-zhi-nan.md")).unwrap();
    assert!(text.starts_with("---\ntitle: \"秋季防火指南\"\ndraft: true "), "{text}");
    assert!(text.contains("\ndate: 2026-11-20\n"), "{text}");
    t.build_ok();
    assert!(
        !t.exists("articles/qiu-ji-fang-huo-zhi-nan/index.html"),
        "a draft is not published"
    );
    let ready = text.replace("draft: true ", "#");
    std::fs::write(t.path().join("content/articles/qiu-ji-fang-huo-zhi-nan.md"), ready).unwrap();
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
    let err = t.build_ok();
    assert!(err.contains("5 draft(s) left out"), "{err}");
    for file in [
        "emergency/xin-de-emergency.md",
        "boards/xin-de-board.md",
        "stations/xin-de-station.md",
        "xin-de-page.md",
        "columns/xin-de-column.md",
    ] {
        let text = std::fs::read_to_string(t.path().join("content").join(file)).unwrap();
        assert!(text.contains("\ndraft: true"), "{file}: {text}");
        // No empty placeholder that would be published as written.
        assert!(!text.contains("- \"\""), "{file}: {text}");
        assert!(!text.contains(": \"\"\n"), "{file}: {text}");
    }
    let note = std::fs::read_to_string(t.path().join("content/emergency/xin-de-emergency.md")).unwrap();
    // Nothing invented: hazard, level, expiry, areas and steps are comments.
    for key in ["hazard:", "level:", "expires:", "areas:", "steps:", "source:"] {
        assert!(note.contains(&format!("# {key}")), "{key}: {note}");
        assert!(!note.contains(&format!("\n{key}")), "{key} invented: {note}");
    }
    assert!(
        note.contains("rainstorm（暴雨）") && note.contains("yellow（黄色）"),
        "{note}"
    );
    let station = std::fs::read_to_string(t.path().join("content/stations/xin-de-station.md")).unwrap();
    assert!(station.contains("xianlong（仙龙镇）"), "{station}");
    // As drafts they build with --drafts only once the editor fills them in.
    let out = t.kepu(&["check", "--drafts", "--now", NOW]);
    assert!(!out.status.success());
}

#[test]
fn new_emergency_takes_what_the_options_give() {
    let t = SiteTest::new();
    let out = t.kepu(&[
        "new",
        "emergency",
        "暴雨蓝色预警",
        "--now",
        NOW,
        "--hazard",
        "暴雨",
        "--level",
        "蓝",
        "--expires",
        "2026-11-21T18:00",
        "--area",
        "仙龙镇",
        "--area",
        "zhongshanlu",
        "--source",
        "永川区气象台",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let note = std::fs::read_to_string(t.path().join("content/emergency/bao-yu-lan-se-yu-jing.md")).unwrap();
    for line in [
        "\nhazard: rainstorm\n",
        "\nlevel: blue\n",
        "\nexpires: 2026-11-21T18:00\n",
        "\nareas: [xianlong, zhongshanlu]\n",
        "\nsource: \"永川区气象台\"\n",
    ] {
        assert!(note.contains(line), "{line}: {note}");
    }
    // Once steps are written and the draft line removed, it builds.
    let text = note
        .replace("draft: true", "")
        .replace("# steps:\n#   - 第一条防范措施", "steps:\n  - 关好门窗");
    std::fs::write(t.path().join("content/emergency/bao-yu-lan-se-yu-jing.md"), text).unwrap();
    t.build_ok();
    let bad = t.kepu(&["new", "emergency", "x", "--now", NOW, "--level", "purple"]);
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("--level purple") && err.contains("blue（蓝色）"), "{err}");
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
    assert!(dir.join("site.yaml").is_file());
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
    assert!(String::from_utf8_lossy(&bad.stderr).contains("content/articles/b.md:3:7"));
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

#[test]
fn new_outside_a_site_says_so_once() {
    let tmp = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kepu"))
        .args(["new", "article", "标题"])
        .env("KEPU_LANG", "en")
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("error: error:"), "{err}");
    assert_eq!(err.matches("error:").count(), 1, "{err}");
    assert!(err.contains("site.yaml"), "{err}");
}

/// What the commands print, in the site's language (Chinese for the
/// fixture site) and with `KEPU_LANG=en` in English: each case sets up a
/// fresh site, runs one command and looks for its lines in both.
#[test]
fn command_messages_in_both_languages() {
    type Setup = fn(&SiteTest);
    /// What it is, how the site is set up, the arguments, and what the
    /// output holds in Chinese and in English.
    type Case<'a> = (&'a str, Setup, &'a [&'a str], &'a [&'a str], &'a [&'a str]);
    let none: Setup = |_| {};
    let draft: Setup = |t| {
        t.page("articles/a.md", "title: 甲\ndate: 2026-10-01\ndraft: true", "x\n");
    };
    let cases: &[Case] = &[
        (
            "check",
            |t| {
                t.page("articles/a.md", "title: 甲\ndate: 2026-10-01", "x\n");
            },
            &["check", "--now", NOW],
            &["个页面：0 个错误，"],
            &["pages: 0 error(s), "],
        ),
        (
            "drafts and the build summary",
            draft,
            &["build", "--now", NOW],
            &["有 1 篇草稿（draft: true）没有发布", "已生成 ", "public/"],
            &["1 draft(s) left out (draft: true)", "Built ", "public/"],
        ),
        (
            "new over an existing file",
            |t| {
                t.page("articles/qiu.md", "title: 秋", "");
            },
            &["new", "article", "秋", "--now", NOW],
            &["错误: content/articles/qiu.md 已经存在；请换一个标题"],
            &["error: content/articles/qiu.md exists already; choose another title"],
        ),
        (
            "new with a level that does not exist",
            none,
            &["new", "emergency", "x", "--now", NOW, "--level", "purple"],
            &["--level purple：请从这些里选一个：red（红色）"],
            &["--level purple: use one of red（红色）"],
        ),
        (
            "an output folder kepu did not write",
            |t| {
                t.write("public/mine.txt", "keep");
            },
            &["build", "--now", NOW],
            &[
                "public 已存在，但不是 kepu 生成的（里面没有 .kepu-output 文件）",
                "生成失败；输出文件夹保持原样，没有改动。",
            ],
            &[
                "public exists and was not written by kepu (it has no .kepu-output file)",
                "Build failed; the output folder was left as it was.",
            ],
        ),
        (
            "an output folder inside the content",
            draft,
            &["build", "--now", NOW, "-o", "content/out"],
            &["用作输出文件夹：它在站点的 content/ 文件夹里"],
            &["as the output folder: it is inside the site's content/ folder"],
        ),
        (
            "init into a folder with files",
            draft,
            &["init", "content"],
            &["错误: content 里已经有文件；kepu init 只写入新的或空的文件夹"],
            &["error: content is not empty; kepu init only writes into a new or empty folder"],
        ),
        (
            "a --now that is not a time",
            none,
            &["build", "--now", "yesterday"],
            &["“yesterday”不是 RFC 3339 格式的时间"],
            &["'yesterday' is not an RFC 3339 time"],
        ),
        (
            "importing a page that is not a WeChat article",
            |t| {
                t.write("page.html", "<html><body><p>hi</p></body></html>");
            },
            &["import", "wechat", "--offline", "page.html"],
            &[
                "错误: page.html: 这不是微信公众号文章的网页（里面没有 #js_content）",
                "有 1 篇文章没有导入",
            ],
            &[
                "error: page.html: this is not a WeChat article page (it has no #js_content)",
                "1 article(s) not imported",
            ],
        ),
    ];
    for (what, setup, args, zh, en) in cases {
        for (lang, wanted) in [("", zh), ("en", en)] {
            let t = SiteTest::new();
            setup(&t);
            let out = t.kepu_in(lang, args);
            let said = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            for line in *wanted {
                assert!(said.contains(line), "{what} ({lang:?}): no {line:?} in\n{said}");
            }
        }
    }
}
