//! Common front-matter mistakes of an editor, each named at its file, line
//! and column with the source line and a caret, in Chinese for a zh site and
//! in English with --lang en; the last good public/ is left as it was.

use crate::support::common;

use common::{NOW, SiteTest};

struct Case {
    name: &'static str,
    file: &'static str,
    text: &'static str,
    /// `file:line:col`.
    at: &'static str,
    zh: &'static str,
    en: &'static str,
    /// The source line as shown.
    line: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "tab",
        file: "articles/tab.md",
        text: "---\ntitle: 测试\ndate: 2026-10-10\ntags:\n\t- 科技\n---\n正文\n",
        at: "content/articles/tab.md:5:1",
        zh: "制表符（Tab）缩进",
        en: "indented with a tab",
        line: "5 |",
    },
    Case {
        name: "colon",
        file: "articles/colon.md",
        text: "---\ntitle：测试\ndate: 2026-10-10\n---\n正文\n",
        at: "content/articles/colon.md:2:6",
        zh: "全角冒号“：”，应为半角冒号“:”",
        en: "full-width colon",
        line: "2 | title：测试",
    },
    Case {
        name: "comma",
        file: "articles/comma.md",
        text: "---\ntitle: 测试\ndate: 2026-10-10\ntags: [防溺水，暑期安全]\n---\n正文\n",
        at: "content/articles/comma.md:4:11",
        zh: "全角逗号“，”",
        en: "full-width comma",
        line: "4 | tags: [防溺水，暑期安全]",
    },
    Case {
        name: "brackets",
        file: "articles/brackets.md",
        text: "---\ntitle: 测试\ndate: 2026-10-10\ntags: 【防溺水】\n---\n正文\n",
        at: "content/articles/brackets.md:4:7",
        zh: "不是“【】”",
        en: "not '【】'",
        line: "4 | tags: 【防溺水】",
    },
    Case {
        name: "quotes",
        file: "articles/quotes.md",
        text: "---\ntitle: “测试”\ndate: 2026-10-10\n---\n正文\n",
        at: "content/articles/quotes.md:2:8",
        zh: "全角引号",
        en: "full-width quotes",
        line: "2 | title: “测试”",
    },
    Case {
        name: "unknown key",
        file: "articles/key.md",
        text: "---\ntitle: 测试\ndate: 2026-10-10\ntag: [科技]\n---\n正文\n",
        at: "content/articles/key.md:4:1",
        zh: "是不是 'tags'？",
        en: "did you mean 'tags'?",
        line: "4 | tag: [科技]",
    },
    Case {
        name: "wrong type",
        file: "articles/type.md",
        text: "---\ntitle: [测试]\ndate: 2026-10-10\n---\n正文\n",
        at: "content/articles/type.md:2:8",
        zh: "title 应为一行文字",
        en: "title should be one line of text",
        line: "2 | title: [测试]",
    },
    Case {
        name: "list as one value",
        file: "articles/list.md",
        text: "---\ntitle: 测试\ndate: 2026-10-10\ntags: 安全、夏季，防溺水\n---\n正文\n",
        at: "content/articles/list.md:4:7",
        zh: "tags 应为列表，如 [甲, 乙]\n  |\n4 | tags: 安全、夏季，防溺水\n  |       ^^\n  提示: 列表写在方括号里，各项用半角逗号隔开：tags: [安全, 夏季, 防溺水]",
        en: "help: write a list in square brackets, its items parted by commas: tags: [安全, 夏季, 防溺水]",
        line: "4 | tags: 安全、夏季，防溺水",
    },
    Case {
        name: "bad date",
        file: "articles/date.md",
        text: "---\ntitle: 测试\ndate: 2026-13-45\n---\n正文\n",
        at: "content/articles/date.md:3:7",
        zh: "'2026-13-45' 不是日期（请写成 2026-07-15",
        en: "'2026-13-45' is not a date",
        line: "3 | date: 2026-13-45",
    },
];

/// The fixture site `tests/fixtures/one-article`, built once: where each
/// mistake is then made.
fn good_site() -> SiteTest {
    let t = SiteTest::new().with_fixture("one-article");
    t.build_ok();
    t
}

#[test]
fn each_mistake_is_named_in_chinese_and_english() {
    for case in CASES {
        let t = good_site();
        let before = common::snapshot(&t.path().join("public"));
        t.write(&format!("content/{}", case.file), case.text);
        for (args, want, label) in [(vec![], case.zh, "错误"), (vec!["--lang", "en"], case.en, "error")] {
            let mut all = args.clone();
            all.extend(["build", "--now", NOW]);
            let out = t.kepu_in("", &all);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{}: {err}", case.name);
            assert!(err.contains(&format!("{label}: {}: ", case.at)), "{}: {err}", case.name);
            assert!(err.contains(want), "{} {args:?}: {err}", case.name);
            assert!(err.contains(case.line), "{}: source line: {err}", case.name);
            assert!(
                err.lines().any(|l| l.trim_start().starts_with('|') && l.contains('^')),
                "{}: caret: {err}",
                case.name
            );
            assert!(
                !err.contains("expected struct") && !err.contains("FrontMatter"),
                "{}: {err}",
                case.name
            );
            assert_eq!(
                err.matches(&format!("{label}: content/")).count(),
                1,
                "one mistake, one error: {err}"
            );
        }
        assert_eq!(
            common::snapshot(&t.path().join("public")),
            before,
            "{}: public/ untouched",
            case.name
        );
    }
}

#[test]
fn kepu_lang_picks_english_too() {
    let t = good_site();
    t.write("content/articles/comma.md", CASES[2].text);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kepu"))
        .current_dir(t.path())
        .env("KEPU_LANG", "en")
        .args(["build", "--now", NOW])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("write ', ' between the items: [防溺水, 暑期安全]"),
        "{err}"
    );
}

#[test]
fn a_comma_inside_quotes_or_in_the_body_is_left_alone() {
    let t = SiteTest::new();
    t.page(
        "articles/fine.md",
        "title: \"时间：上午，地点：广场\"\ndate: 2026-10-10\ntags: [\"防溺水，暑期安全\"]\nsummary: 防溺水，暑期安全",
        "tags: [防溺水，暑期安全]\n\n\t缩进的代码\n",
    );
    t.build_ok();
}

#[test]
fn expires_before_date_is_an_error_at_its_line() {
    let t = SiteTest::new();
    t.page(
        "emergency/x.md",
        "title: 暴雨\ndate: 2026-11-19T08:00:00+08:00\nexpires: 2026-11-18T08:00:00+08:00\nhazard: rainstorm\nlevel: blue\nsource: 气象台\nsteps: [a]",
        "正文\n",
    );
    let err = t.build_err();
    assert!(
        err.contains("error: content/emergency/x.md:4:1: expires (2026-11-18T08:00:00+08:00) is earlier than date"),
        "{err}"
    );
    assert!(err.contains("4 | expires: 2026-11-18T08:00:00+08:00"), "{err}");
}

#[test]
fn a_new_site_dashboard_counts_from_the_first_entry() {
    let t = SiteTest::with_real_theme();
    t.page(
        "columns/a.md",
        "title: 第一期\ndate: 2026-11-09\nmedium: radio\noutlet: 广播电台",
        "x\n",
    );
    t.build_ok();
    let d = t.read("dashboard/index.html");
    assert!(
        !d.contains("未设置") && !d.contains("columns.since"),
        "no developer message on a public page"
    );
    assert!(d.contains("自 2026-11-09 起"), "counted from the first entry");
}

#[test]
fn a_reserved_example_domain_is_warned_about_in_build() {
    let t = SiteTest::new();
    t.page("articles/a.md", "title: a\ndate: 2026-10-01", "x\n");
    let err = t.build_ok();
    assert!(
        err.contains(
            "warning: site.yaml:2:1: base_url 'https://kepu.example.org/' is on a domain reserved for examples"
        ),
        "{err}"
    );
    for (url, warned) in [
        ("https://kepu.yongchuan.gov.cn/", false),
        ("https://site.test/", true),
        ("http://127.0.0.1:1111/", true),
        ("https://example.com/kepu/", true),
        ("https://notexample.org/", false),
    ] {
        let out = t.kepu(&["build", "--now", NOW, "--base-url", url]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{err}");
        assert_eq!(err.contains("reserved for examples"), warned, "{url}: {err}");
    }
}

#[test]
fn a_broken_page_is_blamed_once_not_in_the_pages_pointing_at_it() {
    let t = SiteTest::new();
    t.page(
        "articles/ok.md",
        "title: 好文章\ndate: 2026-10-01",
        "见[那篇](@/articles/broken.md)。\n",
    );
    t.page(
        "boards/b.md",
        "title: 宣传栏\nboard_kind: bulletin\nplace: community\ntown: xianlong\ncommunity: 仙龙村\naddress: 村口\nmaintainer: 村委会\nshowing: [{ page: \"@/articles/broken.md\", from: 2026-10-01 }]",
        "x\n",
    );
    t.write(
        "content/articles/broken.md",
        "---\ntitle：坏了\ndate: 2026-10-01\n---\n正文\n",
    );
    let err = t.build_err();
    assert!(err.contains("error: content/articles/broken.md:2:6:"), "{err}");
    assert_eq!(
        err.matches("\nerror: ").count() + usize::from(err.starts_with("error: ")),
        1,
        "{err}"
    );
    assert!(
        !err.contains("content/articles/ok.md") && !err.contains("content/boards/b.md"),
        "{err}"
    );
}
