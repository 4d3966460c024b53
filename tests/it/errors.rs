//! Bad input: every mistake is reported with file, line and column, the
//! build exits non-zero, and the last good site stays in place.

use crate::support::common;

use common::{SiteTest, snapshot};

/// Builds a good site, applies `breakage`, builds again and returns stderr,
/// asserting the failure left the earlier output untouched.
fn fails_keeping_output(breakage: impl FnOnce(&SiteTest)) -> String {
    let t = SiteTest::new();
    t.page("articles/ok.md", "title: 好的\ndate: 2026-11-01", "正文\n");
    t.build_ok();
    let before = snapshot(&t.path().join("public"));
    breakage(&t);
    let err = t.build_err();
    assert_eq!(
        before,
        snapshot(&t.path().join("public")),
        "a failed build changed the output"
    );
    let leftovers: Vec<_> = std::fs::read_dir(t.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("kepu-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary folders left: {leftovers:?}");
    err
}

#[test]
fn broken_yaml_names_file_and_line() {
    let err = fails_keeping_output(|t| {
        t.write("content/articles/bad.md", "---\ntitle: 坏的\ntags: [a, b\n---\n正文\n");
    });
    assert!(err.contains("content/articles/bad.md:"), "{err}");
    assert!(err.contains("error:"), "{err}");
}

#[test]
fn unknown_key_in_site_yaml() {
    let err = fails_keeping_output(|t| {
        t.write("site.yaml", &format!("{}pagniate_by: 3\n", common::SITE_YAML));
    });
    assert!(err.contains("site.yaml:7:1: unknown field 'pagniate_by'"), "{err}");
}

#[test]
fn wrong_type_in_site_yaml() {
    let err = fails_keeping_output(|t| {
        t.write("site.yaml", &format!("{}paginate_by: many\n", common::SITE_YAML));
    });
    assert!(err.contains("site.yaml:7:"), "{err}");
    assert!(err.contains("paginate_by"), "{err}");
}

#[test]
fn missing_title() {
    let err = fails_keeping_output(|t| {
        t.page("articles/untitled.md", "date: 2026-11-02", "x\n");
    });
    assert!(
        err.contains("content/articles/untitled.md:2:1: the page has no title"),
        "{err}"
    );
}

#[test]
fn unknown_emergency_level() {
    let err = fails_keeping_output(|t| {
        t.page(
            "emergency/flood.md",
            "title: 暴雨\ndate: 2026-11-01\nexpires: 2026-11-03\nhazard: flood\nlevel: purple",
            "x\n",
        );
    });
    assert!(
        err.contains("content/emergency/flood.md:6:8: unknown level 'purple'"),
        "{err}"
    );
    assert!(
        err.contains("red（红色）, orange（橙色）, yellow（黄色）, blue（蓝色）"),
        "{err}"
    );
}

/// One mistake of a site, and what kepu says about it in each language.
struct Mistake {
    /// What the mistake is.
    name: &'static str,
    /// Files written into a good site: (path, text).
    files: &'static [(&'static str, &'static str)],
    /// `file:line:col` of the error.
    at: &'static str,
    /// (message, hint) in Chinese, then in English; an empty hint is not checked.
    zh: (&'static str, &'static str),
    en: (&'static str, &'static str),
}

const MISTAKES: &[Mistake] = &[
    Mistake {
        name: "no title",
        files: &[("content/articles/untitled.md", "---\ndate: 2026-11-02\n---\nx\n")],
        at: "content/articles/untitled.md:2:1",
        zh: ("这个页面没有标题", "在 front matter 里加上 'title: ...'"),
        en: ("the page has no title", "add 'title: ...' to the front matter"),
    },
    Mistake {
        name: "unknown level",
        files: &[(
            "content/emergency/flood.md",
            "---\ntitle: 暴雨\ndate: 2026-11-01\nexpires: 2026-11-03\nhazard: flood\nlevel: purple\n---\nx\n",
        )],
        at: "content/emergency/flood.md:6:8",
        zh: ("不认识的 level：'purple'", "可选：red（红色）, orange（橙色）"),
        en: ("unknown level 'purple'", "use one of: red（红色）, orange（橙色）"),
    },
    Mistake {
        name: "a board's key on an article",
        files: &[(
            "content/articles/a.md",
            "---\ntitle: 文章\ndate: 2026-11-01\nplace: park\n---\nx\n",
        )],
        at: "content/articles/a.md:4:1",
        zh: (
            "'place' 是宣传栏的键，科普文章不用它",
            "删掉这一行，或把文件移到 content/boards/ 下",
        ),
        en: (
            "'place' is a field of boards, not of articles",
            "remove it, or move the file to content/boards/",
        ),
    },
    Mistake {
        name: "a board showing a missing page",
        files: &[(
            "content/boards/b.md",
            "---\ntitle: 村口宣传栏\nboard_kind: bulletin\nplace: village\ntown: xianlong\nshowing: [{ page: \"@/articles/nope.md\", from: 2026-11-01 }]\n---\nx\n",
        )],
        at: "content/boards/b.md:6:20",
        zh: (
            "宣传栏要展出的 @/articles/nope.md 不存在",
            "检查 content/ 下的路径（草稿不会生成）",
        ),
        en: (
            "the board shows @/articles/nope.md, which does not exist",
            "check the path under content/ (drafts are not built)",
        ),
    },
    Mistake {
        name: "unknown town",
        files: &[(
            "content/articles/t.md",
            "---\ntitle: 文章\ndate: 2026-11-01\ntowns: [nowhere]\n---\nx\n",
        )],
        at: "content/articles/t.md:4:9",
        zh: (
            "不认识的镇街 id 'nowhere'",
            "已有的镇街（写 id 或名称都可以）：xianlong（仙龙镇）, zhongshanlu（中山路街道）",
        ),
        en: (
            "unknown town id 'nowhere'",
            "known towns, by id or name: xianlong（仙龙镇）, zhongshanlu（中山路街道）",
        ),
    },
    Mistake {
        name: "not a date",
        files: &[(
            "content/emergency/e.md",
            "---\ntitle: 高温\ndate: 2026-11-01\nexpires: 明天\nhazard: heat\nlevel: yellow\n---\nx\n",
        )],
        at: "content/emergency/e.md:4:10",
        zh: (
            "'明天' 不是日期（请写成 2026-07-15、2026年7月15日、2026-07-15 08:30 或 2026-07-15T08:30:00+08:00）",
            "",
        ),
        en: (
            "'明天' is not a date (write 2026-07-15, 2026年7月15日, 2026-07-15 08:30 or 2026-07-15T08:30:00+08:00)",
            "",
        ),
    },
    Mistake {
        name: "front matter not closed",
        files: &[("content/articles/open.md", "---\ntitle: 没写完\n正文\n")],
        at: "content/articles/open.md:1:1",
        zh: ("front matter 没有结束", "在最后一个键的下一行加一行 '---'"),
        en: (
            "the front matter is not closed",
            "add a line '---' after the last front-matter key",
        ),
    },
    Mistake {
        name: "broken anchor",
        files: &[(
            "content/articles/link.md",
            "---\ntitle: 链接\ndate: 2026-11-01\n---\n见[那篇](@/articles/ok.md#nope)。\n",
        )],
        at: "content/articles/link.md:5:7",
        zh: (
            "链接 @/articles/ok.md#nope 断了：那个页面没有这个 id 的标题",
            "那个页面没有标题",
        ),
        en: (
            "broken anchor: @/articles/ok.md#nope: the page has no heading with that id",
            "the target page has no headings",
        ),
    },
    Mistake {
        name: "unknown key in site.yaml",
        files: &[(
            "site.yaml",
            "title: 测试站\nbase_url: https://kepu.example.org/\npagniate_by: 3\n",
        )],
        at: "site.yaml:3:1",
        zh: (
            "不认识的键 'pagniate_by'，可用的键：'title', 'base_url'",
            "每个键的写法见 README 里的 site.yaml 一节",
        ),
        en: (
            "unknown field 'pagniate_by', expected one of 'title', 'base_url'",
            "see site.yaml in the README for every key",
        ),
    },
    Mistake {
        name: "wrong type in site.yaml",
        files: &[(
            "site.yaml",
            "title: 测试站\nbase_url: https://kepu.example.org/\npaginate_by: many\n",
        )],
        at: "site.yaml:3:",
        zh: ("paginate_by 应为数字", ""),
        en: ("paginate_by should be a number", ""),
    },
    Mistake {
        name: "unknown time zone",
        files: &[(
            "site.yaml",
            "title: 测试站\nbase_url: https://kepu.example.org/\ntimezone: Mars/Base\n",
        )],
        at: "site.yaml:3:1",
        zh: ("不认识的时区 'Mars/Base'", "请用 IANA 时区名，如 Asia/Shanghai"),
        en: (
            "unknown time zone 'Mars/Base'",
            "use an IANA name such as Asia/Shanghai",
        ),
    },
    Mistake {
        name: "base_url without a scheme",
        files: &[("site.yaml", "title: 测试站\nbase_url: kepu.yongchuan.gov.cn\n")],
        at: "site.yaml:2:1",
        zh: (
            "base_url 'kepu.yongchuan.gov.cn' 应以 https:// 或 http:// 开头",
            "写成 https://网址/ 或 https://网址/路径/",
        ),
        en: (
            "base_url 'kepu.yongchuan.gov.cn' must start with https:// or http://",
            "write it as https://host/ or https://host/path/",
        ),
    },
];

/// A Chinese site reads its mistakes in Chinese, and in English with
/// `KEPU_LANG=en`: the same place, the message, the hint.
#[test]
fn mistakes_are_said_in_the_sites_language_and_in_english() {
    for case in MISTAKES {
        let t = SiteTest::new();
        t.page("articles/ok.md", "title: 好的\ndate: 2026-11-01", "正文\n");
        for (path, text) in case.files {
            t.write(path, text);
        }
        for (lang, label, help, (msg, hint), other) in [
            ("", "错误", "提示", case.zh, case.en.0),
            ("en", "error", "help", case.en, case.zh.0),
        ] {
            let out = t.kepu_in(lang, &["build", "--now", common::NOW]);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{} [{lang}]: {err}", case.name);
            let head = format!("{label}: {}", case.at);
            assert!(
                err.lines().any(|l| l.starts_with(&head) && l.contains(msg)),
                "{} [{lang}]: want {head}…{msg}\n{err}",
                case.name
            );
            assert!(
                !err.contains(other),
                "{} [{lang}]: the other language\n{err}",
                case.name
            );
            if !hint.is_empty() {
                assert!(
                    err.contains(&format!("  {help}: {hint}")),
                    "{} [{lang}]: want hint {hint}\n{err}",
                    case.name
                );
            }
        }
    }
}

#[test]
fn two_pages_at_one_url() {
    let err = fails_keeping_output(|t| {
        t.page("articles/twin.md", "title: 一", "x\n");
        t.page("articles/twin2.md", "title: 二\nslug: twin", "x\n");
    });
    assert!(
        err.contains("content/articles/twin.md") && err.contains("content/articles/twin2.md"),
        "{err}"
    );
    assert!(err.contains("both want the URL /articles/twin/"), "{err}");
}

#[test]
fn missing_template() {
    let err = fails_keeping_output(|t| {
        t.page("articles/custom.md", "title: 自定\ntemplate: special.html", "x\n");
    });
    assert!(err.contains("template 'special.html' not found"), "{err}");
    assert!(err.contains("create templates/special.html"), "{err}");
}

#[test]
fn template_syntax_error_names_template_and_line() {
    let err = fails_keeping_output(|t| {
        t.write("templates/404.html", "<p>\n{% if %}\n");
    });
    assert!(err.contains("templates/404.html:2:"), "{err}");
}

#[test]
fn invalid_utf8() {
    let err = fails_keeping_output(|t| {
        t.write_bytes("content/articles/gbk.md", b"---\ntitle: x\n---\n\xd6\xd0\xce\xc4\n");
    });
    assert!(err.contains("content/articles/gbk.md:4:1: the file is in GBK"), "{err}");
}

#[test]
fn slug_that_climbs_out() {
    let err = fails_keeping_output(|t| {
        t.page("articles/evil.md", "title: 坏\nslug: ../../etc", "x\n");
    });
    assert!(
        err.contains("content/articles/evil.md:3:1: slug '../../etc' may only use"),
        "{err}"
    );
    assert!(!common::repo().join("etc").exists());
}

#[test]
fn output_dir_dot_is_refused() {
    let err = fails_keeping_output(|t| {
        t.write("site.yaml", &format!("{}output_dir: .\n", common::SITE_YAML));
    });
    assert!(err.contains("site.yaml:7:1: refusing to use"), "{err}");
}

#[test]
fn unknown_town_and_board_target() {
    let err = fails_keeping_output(|t| {
        t.page(
            "boards/gate.md",
            "title: 门口\nboard_kind: gallery\nplace: park\ntown: nowhere\nshowing:\n  - { page: \"@/articles/missing.md\", from: 2026-11-01 }",
            "x\n",
        );
    });
    assert!(
        err.contains("content/boards/gate.md:5:7: unknown town id 'nowhere'"),
        "{err}"
    );
    assert!(
        err.contains("content/boards/gate.md:7:14: the board shows @/articles/missing.md, which does not exist"),
        "{err}"
    );
}

#[test]
fn every_error_is_reported_at_once() {
    let err = fails_keeping_output(|t| {
        t.page("articles/a.md", "date: 2026-11-02", "x\n");
        t.page("articles/b.md", "title: b\ndate: yesterday", "x\n");
        t.page(
            "emergency/c.md",
            "title: c\ndate: 2026-11-01\nlevel: pink\nhazard: flood",
            "x\n",
        );
    });
    assert!(err.contains("content/articles/a.md:2:1"), "{err}");
    assert!(
        err.contains("content/articles/b.md:3:7: 'yesterday' is not a date"),
        "{err}"
    );
    assert!(err.contains("content/emergency/c.md:4:8"), "{err}");
    assert!(err.contains("3 error(s)"), "{err}");
}

#[test]
fn field_of_another_kind() {
    let err = fails_keeping_output(|t| {
        t.page("articles/h.md", "title: h\nhazard: flood", "x\n");
    });
    assert!(
        err.contains("content/articles/h.md:3:1: 'hazard' is a field of emergency notes, not of articles"),
        "{err}"
    );
}

#[test]
fn a_foreign_output_folder_is_not_replaced() {
    let t = SiteTest::new();
    t.page("articles/ok.md", "title: 好", "x\n");
    t.write("public/keep.txt", "mine");
    let err = t.build_err();
    assert!(err.contains("not written by kepu"), "{err}");
    assert_eq!(
        std::fs::read_to_string(t.path().join("public/keep.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn alias_that_takes_a_page_url_or_climbs_out() {
    let err = fails_keeping_output(|t| {
        t.page("articles/a.md", "title: a\naliases: [/articles/ok/, ../../etc/]", "x\n");
    });
    assert!(err.contains("content/articles/a.md:3:"), "{err}");
    assert!(
        err.contains("alias '/articles/ok/' is already the URL of articles/ok.md"),
        "{err}"
    );
    assert!(
        err.contains("alias '../../etc/' cannot be used: the path goes up with '..'"),
        "{err}"
    );
}

#[test]
fn broken_internal_link_and_anchor() {
    let err = fails_keeping_output(|t| {
        t.page(
            "articles/target.md",
            "title: 目标\ndate: 2026-11-01",
            "## 第一节 {#first}\n\n正文\n",
        );
        t.page(
            "articles/links.md",
            "title: 链接\ndate: 2026-11-02",
            "第一行\n\n见[不存在](@/articles/nothing.md)。\n\n见[锚点](@/articles/target.md#second)与[好的](@/articles/target.md#first)。\n",
        );
    });
    assert!(err.contains("content/articles/links.md:7:"), "{err}");
    assert!(err.contains("@/articles/nothing.md does not exist"), "{err}");
    assert!(err.contains("content/articles/links.md:9:"), "{err}");
    assert!(err.contains("broken anchor: @/articles/target.md#second"), "{err}");
    assert!(err.contains("ids there: first"), "{err}");
    assert_eq!(err.matches("error:").count(), 2, "{err}");
}

#[test]
fn unknown_filters_are_blamed_on_their_own_template() {
    let err = fails_keeping_output(|t| {
        t.write(
            "templates/page.html",
            "{% extends \"base.html\" %}{% block main %}\n\n{{ page.title | nofilter }}{% endblock main %}",
        );
        t.write("templates/section.html", "{{ x is nottest }}");
    });
    assert!(err.contains("templates/page.html:3:"), "{err}");
    assert!(err.contains("Unknown filter 'nofilter'"), "{err}");
    assert!(
        err.contains("templates/section.html:1:") && err.contains("Unknown test 'nottest'"),
        "{err}"
    );
    assert!(!err.contains("404.html"), "{err}");
}

/// An error in a template that another includes names the file that has
/// it; a circular include names the template that loops, at its line.
#[test]
fn errors_in_included_templates_name_their_own_file() {
    let t = SiteTest::new();
    t.page("articles/a.md", "title: a\ndate: 2026-11-01", "x\n");
    t.write(
        "templates/article.html",
        "<main>\n{% include \"partials/meta.html\" %}\n</main>",
    );
    t.write(
        "templates/partials/meta.html",
        "<p>\n{{ page.no_such_field.deeper }}\n</p>",
    );
    let err = t.build_err();
    assert!(err.contains("templates/partials/meta.html:2:"), "{err}");
    assert!(!err.contains("article.html:"), "{err}");

    let t = SiteTest::new();
    t.page("articles/a.md", "title: a\ndate: 2026-11-01", "x\n");
    t.write("templates/loop.html", "a\n{% include \"loop2.html\" %}\n");
    t.write("templates/loop2.html", "{% include \"loop.html\" %}\n");
    let err = t.build_err();
    assert!(err.contains("templates/loop.html:2:"), "{err}");
    assert!(err.contains("Circular include"), "{err}");
    assert!(!err.contains("404.html"), "{err}");
}

#[test]
fn every_unknown_key_is_named_at_its_line_at_once() {
    let err = fails_keeping_output(|t| {
        t.page(
            "boards/b.md",
            "title: 村口宣传栏\nboard_kind: bulletin\nplcae: village\ntown: xianlong\nmaintaner: 村委会",
            "x\n",
        );
    });
    assert!(err.contains("content/boards/b.md:4:1: unknown key 'plcae'"), "{err}");
    assert!(err.contains("did you mean 'place'?"), "{err}");
    assert!(
        err.contains("content/boards/b.md:6:1: unknown key 'maintaner'"),
        "{err}"
    );
    assert!(err.contains("did you mean 'maintainer'?"), "{err}");
    // One mistake, one error: the misspelt required key is not also
    // reported as missing.
    assert!(err.contains("2 error(s)"), "{err}");
}

#[test]
fn a_kind_key_in_a_section_index_is_an_error() {
    let err = fails_keeping_output(|t| {
        t.write(
            "content/emergency/_index.md",
            "---\ntitle: 应急科普\nhazard: flood\n---\n",
        );
    });
    assert!(
        err.contains("content/emergency/_index.md:3:1: unknown key 'hazard'"),
        "{err}"
    );
    assert!(
        err.contains("sort_by, paginate_by"),
        "the section's keys are listed: {err}"
    );
}

#[test]
fn a_kind_key_of_the_wrong_type_is_reported_at_its_value() {
    let err = fails_keeping_output(|t| {
        t.page("stations/s.md", "title: 站\ntown: xianlong\nstaff: 张三", "x\n");
    });
    assert!(err.contains("content/stations/s.md:4:"), "{err}");
    assert!(err.contains("staff should be a list"), "{err}");
}

#[test]
fn an_unknown_key_does_not_hide_the_files_other_mistakes() {
    let err = fails_keeping_output(|t| {
        t.page(
            "emergency/e.md",
            "title: 暴雨\ndate: 2026-11-01\nhazrd: flood\nlevel: purple",
            "x\n",
        );
    });
    assert!(err.contains("content/emergency/e.md:4:1: unknown key 'hazrd'"), "{err}");
    assert!(
        err.contains("content/emergency/e.md:5:8: unknown level 'purple'"),
        "{err}"
    );
    // 'hazard' is missing because it is misspelt: said once, as the typo.
    assert!(!err.contains("needs 'hazard'"), "{err}");
    assert!(err.contains("2 error(s)"), "{err}");
}
