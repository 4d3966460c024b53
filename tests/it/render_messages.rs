//! Messages of templates, Markdown, shortcodes, search, the lints and
//! `kepu report`, each read in the site's language (Chinese for the fixture
//! site) and in English, through real runs.

use crate::support::common;

use common::{NOW, SiteTest};

struct Case {
    name: &'static str,
    /// Puts the mistake into a fresh fixture site.
    setup: fn(&SiteTest),
    /// The command, without `--now`.
    args: &'static [&'static str],
    /// The run fails.
    fails: bool,
    /// What the Chinese run prints (stdout and stderr).
    zh: &'static [&'static str],
    /// What the English run prints.
    en: &'static [&'static str],
}

fn article(t: &SiteTest, body: &str) {
    t.page("articles/a.md", "title: 一篇\ndate: 2026-11-01", body);
}

fn note_without_expiry(t: &SiteTest) {
    t.page(
        "emergency/open.md",
        "title: 无期\ndate: 2026-11-01\nhazard: heat\nlevel: yellow",
        "x\n",
    );
}

const CASES: &[Case] = &[
    Case {
        name: "broken internal link",
        setup: |t| article(t, "参见[旧文](@/articles/nope.md)。\n"),
        args: &["build"],
        fails: true,
        zh: &[
            "错误: content/articles/a.md:5:8: 站内链接失效：找不到页面 @/articles/nope.md",
            "提示: 检查 content/ 下的路径和文件名是否写对",
        ],
        en: &[
            "error: content/articles/a.md:5:8: broken internal link: @/articles/nope.md does not exist",
            "help: check the path under content/",
        ],
    },
    Case {
        name: "unknown shortcode",
        setup: |t| article(t, "正文\n\n{{ nope() }}\n"),
        args: &["build"],
        fails: true,
        zh: &[
            "错误: content/articles/a.md:7:1: 没有名为 `nope` 的短代码",
            "提示: 新建 templates/shortcodes/nope.html",
        ],
        en: &[
            "error: content/articles/a.md:7:1: unknown shortcode `nope`",
            "help: create templates/shortcodes/nope.html",
        ],
    },
    Case {
        name: "unquoted shortcode value",
        setup: |t| article(t, "{{ icon(name=abc) }}\n"),
        args: &["build"],
        fails: true,
        zh: &[
            "content/articles/a.md:5:14: `name` 的值 `abc` 要加引号：\"abc\"",
            "提示: 短代码的写法是 {{ name(key=\"文字\", n=3, flag=true) }}",
        ],
        en: &[
            "content/articles/a.md:5:14: unexpected `abc` as value of `name`; quote strings: \"abc\"",
            "help: shortcodes look like {{ name(key=\"text\", n=3, flag=true) }}",
        ],
    },
    Case {
        name: "shortcode body without end",
        setup: |t| article(t, "{% note() %}\n没有结尾\n"),
        args: &["build"],
        fails: true,
        zh: &[
            "content/articles/a.md:5:1: 短代码 `note` 缺少结尾的 `{% end %}`",
            "提示: 在正文的最后加上一行 {% end %}",
        ],
        en: &[
            "content/articles/a.md:5:1: shortcode `note` has no `{% end %}`",
            "help: close the body with {% end %}",
        ],
    },
    Case {
        name: "template extends a missing one",
        setup: |t| {
            t.write("templates/article.html", "{% extends \"nope.html\" %}");
        },
        args: &["build"],
        fails: true,
        zh: &[
            "错误: templates/article.html:1:1: 模板 'article.html' 要套用的 'nope.html' 不存在",
            "提示: 新建 templates/nope.html",
        ],
        en: &[
            "error: templates/article.html:1:1: 'article.html' extends 'nope.html', which does not exist",
            "help: create templates/nope.html",
        ],
    },
    Case {
        name: "template not in UTF-8",
        setup: |t| {
            t.write_bytes("templates/bad.html", b"ab\xff\xfe");
        },
        args: &["build"],
        fails: true,
        zh: &["错误: templates/bad.html:1:3: 这个文件不是 UTF-8 编码"],
        en: &["error: templates/bad.html:1:3: the file is not valid UTF-8"],
    },
    Case {
        name: "theme without search.html",
        setup: |t| article(t, "正文\n"),
        args: &["build"],
        fails: false,
        zh: &[
            "警告: site.yaml: 站内搜索已开启，但主题里没有 search.html：不会生成 /search/ 页面",
            "提示: 新建 templates/search.html，或在 site.yaml 里写 'search: { enabled: false }' 关闭搜索",
        ],
        en: &[
            "warning: site.yaml: search is on but the theme has no search.html: /search/ is not written",
            "help: add templates/search.html, or set 'search: { enabled: false }'",
        ],
    },
    Case {
        name: "note without expiry, in check",
        setup: note_without_expiry,
        args: &["check"],
        fails: false,
        zh: &[
            "警告: content/emergency/open.md:2:1: 这条应急科普没有写 'expires'：它会一直显示为有效",
            "提示: 加上 'expires:'，写预警结束的时间",
        ],
        en: &[
            "warning: content/emergency/open.md:2:1: the emergency note has no 'expires': it would stay active for ever",
            "help: add 'expires:' with the time the warning ends",
        ],
    },
    Case {
        name: "communities without a station, a board or staff",
        setup: |_| {},
        args: &["check"],
        fails: false,
        zh: &[
            "site.yaml:5:58: 仙龙镇 仙龙村：没有科普站、宣传栏、科普员",
            "提示: 为它添加科普站（kepu new station）、宣传栏或科普员",
        ],
        en: &[
            "site.yaml:5:58: 仙龙镇 仙龙村: no 科普站, no 宣传栏, no 科普员",
            "help: add a station (kepu new station), a board or staff for it",
        ],
    },
    Case {
        name: "the lints summed up after a build",
        setup: note_without_expiry,
        args: &["build"],
        fails: false,
        zh: &["应急科普未写结束时间 1 处", "村（社区）缺科普站、宣传栏或科普员 3 处"],
        en: &["1 × note-without-expiry", "3 × community-gap"],
    },
    Case {
        name: "kepu report",
        setup: note_without_expiry,
        args: &["report"],
        fails: false,
        zh: &[
            "测试站 · 覆盖统计（",
            "镇街        村社区  有站  有栏  有员  齐全\n",
            "合计             3     0     0     0     0\n",
            "宣传栏 0 块：及时更新 0，待更新 0，暂无展示 0\n",
            "2026 年应急科普 1 条，当前有效 1 条（高温 1）\n",
        ],
        en: &[
            "测试站 · coverage (",
            "Town        Communities  Station  Board  Staff  All three\n",
            "Total                 3        0      0      0          0\n",
            "Boards: 0 (0 up to date, 0 to update, 0 showing nothing)\n",
            "Emergency notes in 2026: 1, 1 in force now (高温 1)\n",
        ],
    },
];

#[test]
fn messages_read_in_chinese_and_in_english() {
    for case in CASES {
        let t = SiteTest::new();
        (case.setup)(&t);
        let mut args = case.args.to_vec();
        args.extend(["--now", NOW]);
        for (lang, want, other) in [("", case.zh, case.en), ("en", case.en, case.zh)] {
            let out = t.kepu_in(lang, &args);
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert_eq!(out.status.success(), !case.fails, "{} [{lang}]: {text}", case.name);
            for w in want {
                assert!(text.contains(w), "{} [{lang}]: missing {w:?} in:\n{text}", case.name);
            }
            // Nothing of the other language's message (its first line).
            assert!(
                !text.contains(other[0]),
                "{} [{lang}]: the other language {:?} in:\n{text}",
                case.name,
                other[0]
            );
        }
    }
}
