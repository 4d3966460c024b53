//! Tests of the whole [`render`], one or more per requirement.

use serde_json::{Map, Value};

use super::*;

struct Pages;

impl LinkResolver for Pages {
    fn resolve(&self, path: &str) -> Option<String> {
        match path {
            "articles/x.md" => Some("/kepu/articles/x/".to_owned()),
            "articles/x/cover.png" => Some("/kepu/articles/x/cover.png".to_owned()),
            _ => None,
        }
    }
}

struct Codes;

impl ShortcodeRenderer for Codes {
    fn exists(&self, name: &str) -> bool {
        matches!(name, "icon" | "note" | "fail" | "url")
    }

    fn render(&self, name: &str, args: &Map<String, Value>, body: Option<&str>) -> Result<String, crate::i18n::Said> {
        let arg = |k: &str| args.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
        match name {
            "icon" => Ok(format!("<span class=\"icon\">{}</span>", arg("name"))),
            "note" => Ok(format!(
                "<div class=\"note {}\">{}</div>",
                arg("kind"),
                body.unwrap_or("")
            )),
            "url" => Ok("https://example.org/from-shortcode".to_owned()),
            _ => Err("template error: x is undefined".into()),
        }
    }
}

fn opts() -> MarkdownOptions<'static> {
    MarkdownOptions::new(&Pages, &Codes)
}

fn ok(src: &str) -> Rendered {
    match render(src, &opts()) {
        Ok(r) => r,
        Err(e) => panic!("unexpected errors: {e:?}"),
    }
}

fn errs(src: &str) -> Vec<MarkdownError> {
    match render(src, &opts()) {
        Ok(r) => panic!("expected errors, got {}", r.html),
        Err(e) => e,
    }
}

#[test]
fn chinese_heading_ids_are_pinyin_and_deduplicated() {
    let r = ok("## 应急科普\n\n## 应急科普\n\n### Hello 世界!\n\n## !!!\n");
    assert!(r.html.contains("<h2 id=\"ying-ji-ke-pu\">应急科普</h2>"), "{}", r.html);
    assert!(r.html.contains("<h2 id=\"ying-ji-ke-pu-1\">应急科普</h2>"));
    assert!(r.html.contains("<h3 id=\"hello-shi-jie\">Hello 世界!</h3>"));
    assert!(r.html.contains("<h2 id=\"heading\">!!!</h2>"));
    assert_eq!(
        r.anchors,
        ["ying-ji-ke-pu", "ying-ji-ke-pu-1", "hello-shi-jie", "heading"]
    );
}

#[test]
fn explicit_ids_win() {
    let r = ok("## Custom\n\n## 标题 {#custom}\n\n## With `code` and *em*\n");
    assert!(r.html.contains("<h2 id=\"custom\">标题</h2>"), "{}", r.html);
    assert!(r.html.contains("<h2 id=\"custom-1\">Custom</h2>"));
    assert!(
        r.html
            .contains("<h2 id=\"with-code-and-em\">With <code>code</code> and <em>em</em></h2>")
    );
    assert_eq!(r.toc[2].title, "With code and em");
}

#[test]
fn toc_nests_under_parents() {
    let r = ok("# 总览\n\n## 一\n\n### 一点一\n\n## 二\n\n#### 深\n");
    assert_eq!(r.toc.len(), 1);
    let top = &r.toc[0];
    assert_eq!(
        (top.level, top.id.as_str(), top.title.as_str()),
        (1, "zong-lan", "总览")
    );
    assert_eq!(top.children.len(), 2);
    assert_eq!(top.children[0].children[0].id, "yi-dian-yi");
    assert_eq!(top.children[1].children[0].level, 4);
    let json = serde_json::to_value(&r.toc).unwrap_or_default();
    assert_eq!(json[0]["children"][1]["title"], "二");
}

#[test]
fn extensions_are_on() {
    let r = ok("| a | b |\n|---|:-:|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n~~old~~ text[^n]\n\n[^n]: note\n");
    assert!(r.html.contains("<table>") && r.html.contains("<th style=\"text-align: center\">b</th>"));
    assert!(r.html.contains("<input disabled=\"\" type=\"checkbox\" checked=\"\"/>"));
    assert!(r.html.contains("<del>old</del>"));
    assert!(
        r.html
            .contains("<sup class=\"footnote-reference\"><a href=\"#n\">1</a></sup>")
    );
    assert!(r.html.contains("<div class=\"footnote-definition\" id=\"n\">"));
    assert_eq!(r.anchors, ["n"]);
}

#[test]
fn internal_links_resolve_with_anchor_and_title() {
    let r = ok("See [x](@/articles/x.md#part \"标题 \\\"q\\\"\") and ![c](@/articles/x/cover.png).\n");
    assert!(
        r.html
            .contains("<a href=\"/kepu/articles/x/#part\" title=\"标题 &quot;q&quot;\">x</a>"),
        "{}",
        r.html
    );
    assert!(r.html.contains("<img src=\"/kepu/articles/x/cover.png\" alt=\"c\" />"));
    let l = &r.internal_links[0];
    assert_eq!(
        (l.path.as_str(), l.anchor.as_deref(), l.line, l.column),
        ("articles/x.md", Some("part"), 1, 9)
    );
    assert_eq!(r.internal_links.len(), 2);
}

#[test]
fn broken_internal_link_reports_line_and_column() {
    let e = errs("# 标题\n\n一些文字。\n\n参见[这里](@/nope.md#a)。\n");
    assert_eq!(e.len(), 1);
    assert_eq!(
        (e[0].line, e[0].column, e[0].message.as_str(), e[0].hint.as_deref()),
        (
            5,
            8,
            "broken internal link: @/nope.md does not exist",
            Some("check the path under content/")
        )
    );
    assert_eq!(
        e[0].message.in_lang(crate::i18n::Lang::Zh),
        "站内链接失效：找不到页面 @/nope.md"
    );
}

#[test]
fn reference_style_internal_link_points_at_the_link() {
    let e = errs("text\n\nA [ref][r] here.\n\n[r]: @/gone.md\n");
    assert_eq!((e[0].line, e[0].column), (3, 3));
}

#[test]
fn external_links_get_rel_noopener() {
    let r = ok("[a](https://example.org/x?a=1&b=2 \"t<\") <http://x.org> [l](/local/) [p](//cdn.org/y)\n");
    assert!(
        r.html
            .contains("<a href=\"https://example.org/x?a=1&amp;b=2\" title=\"t&lt;\" rel=\"noopener\">a</a>"),
        "{}",
        r.html
    );
    assert!(
        r.html
            .contains("<a href=\"http://x.org\" rel=\"noopener\">http://x.org</a>")
    );
    assert!(r.html.contains("<a href=\"/local/\">l</a>"));
    assert_eq!(
        r.external_links,
        ["https://example.org/x?a=1&b=2", "http://x.org", "//cdn.org/y"]
    );
}

#[test]
fn code_blocks_highlight_known_languages_only() {
    let r = ok("```rust\nlet x = 1;\n```\n\n```klingon\na < b\n```\n\n    indented <x>\n");
    assert!(
        r.html.contains(
            "<pre class=\"code\" data-lang=\"rust\"><code class=\"language-rust\"><span class=\"hl-source hl-rust\">"
        ),
        "{}",
        r.html
    );
    assert!(r.html.contains("<pre class=\"code\"><code>a &lt; b\n</code></pre>"));
    assert!(
        r.html
            .contains("<pre class=\"code\"><code>indented &lt;x&gt;\n</code></pre>")
    );
    let plain = render(
        "```rust\nlet x = 1;\n```\n",
        &MarkdownOptions {
            highlight: false,
            ..opts()
        },
    );
    assert!(plain.is_ok_and(|r| { r.html.contains("<code class=\"language-rust\">let x = 1;\n</code>") }));
}

#[test]
fn stylesheet_for_classes() {
    let css = highlight_css("base16-ocean.dark").unwrap_or_default();
    assert!(css.contains(".hl-"), "{css}");
    assert!(highlight_css("missing").is_err_and(|e| e.contains("InspiredGitHub")));
    assert_eq!(available_themes().len(), 7);
}

#[test]
fn summary_at_marker() {
    let r = ok("第一段。\n\n第二段。\n\n<!-- more -->\n\n第三段。\n");
    assert_eq!(r.summary_html.as_deref(), Some("<p>第一段。</p>\n<p>第二段。</p>\n"));
    assert!(r.html.contains("<p>第三段。</p>"));
}

#[test]
fn summary_is_first_paragraph_otherwise() {
    let r = ok("# 标题\n\n第一段 [链接](@/articles/x.md)。\n\n第二段。\n");
    assert_eq!(
        r.summary_html.as_deref(),
        Some("<p>第一段 <a href=\"/kepu/articles/x/\">链接</a>。</p>\n")
    );
    assert_eq!(ok("# 只有标题\n").summary_html, None);
}

#[test]
fn inline_shortcode_stays_inline() {
    let r = ok("注意 {{ icon(name=\"warn\") }} 事项。\n");
    assert_eq!(r.html, "<p>注意 <span class=\"icon\">warn</span> 事项。</p>\n");
    let alone = ok("{{ icon(name='x') }}\n");
    assert_eq!(alone.html, "<p><span class=\"icon\">x</span></p>\n");
}

#[test]
fn body_shortcode_is_a_block() {
    let r = ok("前文。\n\n{% note(kind=\"warn\") %}\n小心 *水*。\n{% end %}\n\n后文。\n");
    assert_eq!(
        r.html,
        "<p>前文。</p>\n<div class=\"note warn\">小心 *水*。</div>\n<p>后文。</p>\n"
    );
    // Block output on its own line inside a paragraph splits it.
    let r = ok("上一行\n{% note() %}x{% end %}\n下一行\n");
    assert_eq!(r.html, "<p>上一行</p>\n<div class=\"note \">x</div>\n<p>下一行</p>\n");
}

#[test]
fn shortcode_output_in_link_destination() {
    let r = ok("[site]({{ url() }})\n");
    assert!(
        r.html
            .contains("<a href=\"https://example.org/from-shortcode\" rel=\"noopener\">site</a>"),
        "{}",
        r.html
    );
}

#[test]
fn shortcodes_in_code_are_untouched() {
    let src = "`{{ icon(name=\"a\") }}`\n\n```\n{{ nope() }}\n```\n";
    let r = ok(src);
    assert!(r.html.contains("<code>{{ icon(name=\"a\") }}</code>"), "{}", r.html);
    assert!(r.html.contains("<pre class=\"code\"><code>{{ nope() }}\n</code></pre>"));
}

#[test]
fn unknown_failing_and_malformed_shortcodes_are_errors() {
    let e = errs("a\n\nb {{ nope(x=1) }}\n\n{{ fail() }}\n\n{{ icon(x= ) }}\n");
    let got: Vec<_> = e.iter().map(|e| (e.line, e.column)).collect();
    assert_eq!(got, [(3, 3), (5, 1), (7, 12)]);
    assert_eq!(e[0].message, "unknown shortcode `nope`");
    assert_eq!(e[0].hint.as_deref(), Some("create templates/shortcodes/nope.html"));
    assert!(e[1].message.contains("template error"));
    assert!(e[2].message.contains("expected a value"));
}

#[test]
fn errors_after_a_shortcode_keep_their_lines() {
    let src = "{% note() %}\n一\n二\n三\n{% end %}\n\n{{ icon(name=\"x\") }} [a](@/missing.md)\n";
    let e = errs(src);
    assert_eq!((e[0].line, e[0].column), (7, 26));
    let r = ok("{% note() %}\n一\n二\n{% end %}\n\n[a](@/articles/x.md)\n");
    assert_eq!((r.internal_links[0].line, r.internal_links[0].column), (6, 5));
}

#[test]
fn all_errors_at_once_in_order() {
    let e = errs("[a](@/b.md)\n\n{{ nope() }}\n\n[c](@/d.md)\n");
    let got: Vec<_> = e.iter().map(|e| e.line).collect();
    assert_eq!(got, [1, 3, 5]);
}

#[test]
fn reading_time_pure_chinese() {
    let r = ok(&"科".repeat(401));
    assert_eq!((r.han_count, r.word_count, r.reading_time), (401, 0, 2));
}

#[test]
fn reading_time_pure_english() {
    let r = ok(&"word ".repeat(450));
    assert_eq!((r.han_count, r.word_count, r.reading_time), (0, 450, 3));
}

#[test]
fn reading_time_mixed_and_minimum() {
    let src = format!("{}\n\n{}", "应急".repeat(300), "safe ".repeat(100));
    let r = ok(&src);
    // 600/400 + 100/200 = 2 minutes exactly.
    assert_eq!((r.han_count, r.word_count, r.reading_time), (600, 100, 2));
    assert_eq!(ok("").reading_time, 1);
}

#[test]
fn plain_text_of_the_body() {
    let r = ok(
        "# 标题\n\n第一段，*强调*和`代码`。\n\n- 项目一\n- 项目二\n\n```sh\necho hi\n```\n\n{{ icon(name=\"图标\") }}\n\n<div>原始 &amp; HTML</div>\n",
    );
    assert_eq!(
        r.text,
        "标题 第一段，强调和代码。 项目一 项目二 echo hi 图标 原始 & HTML"
    );
}

#[test]
fn block_shortcode_followed_by_text_on_its_line_stays_inline() {
    let r = ok("{% note() %}x{% end %} 然后\n");
    assert_eq!(r.html, "<p><div class=\"note \">x</div> 然后</p>\n");
}

#[test]
fn block_shortcodes_back_to_back_and_after_hard_break() {
    let r = ok("文字  \n{% note() %}a{% end %}   \n{% note() %}b{% end %}\n");
    assert_eq!(
        r.html,
        "<p>文字</p>\n<div class=\"note \">a</div>\n<div class=\"note \">b</div>\n"
    );
}

#[test]
fn shortcode_in_heading_is_left_out_of_the_id() {
    let r = ok("## 防汛 {{ icon(name=\"i\") }}\n");
    assert_eq!(r.html, "<h2 id=\"fang-xun\">防汛 <span class=\"icon\">i</span></h2>\n");
    assert_eq!(r.toc[0].title, "防汛");
}

#[test]
fn block_shortcode_in_list_and_quote() {
    let r = ok("> 引用\n> {% note() %}q{% end %}\n\n- {{ icon(name=\"l\") }}\n");
    assert_eq!(
        r.html,
        "<blockquote>\n<p>引用</p>\n<div class=\"note \">q</div>\n</blockquote>\n<ul>\n<li><span class=\"icon\">l</span></li>\n</ul>\n"
    );
}

#[test]
fn headings_with_links_and_setext() {
    let r = ok("## 见 [防汛](@/articles/x.md)\n\n第一行\n第二行\n---\n");
    assert!(
        r.html
            .contains("<h2 id=\"jian-fang-xun\">见 <a href=\"/kepu/articles/x/\">防汛</a></h2>"),
        "{}",
        r.html
    );
    assert_eq!(r.toc[1].title, "第一行 第二行");
    assert_eq!(r.toc[1].id, "di-yi-xing-di-er-xing");
}

#[test]
fn more_marker_right_after_a_paragraph_line() {
    let r = ok("摘要。\n<!-- more -->\n正文。\n");
    assert_eq!(r.summary_html.as_deref(), Some("<p>摘要。</p>\n"));
}

#[test]
fn template_like_braces_stay_text() {
    let r = ok("写成 {{ name }} 或 {% if x %} 都行。\n");
    assert_eq!(r.html, "<p>写成 {{ name }} 或 {% if x %} 都行。</p>\n");
}

#[test]
fn local_links_and_images_are_noted_with_their_place() {
    let src = "文字 ![图](photo.jpg) 和 [旧文](/articles/old/)\n\n```\n![](code.png)\n```\n\n<div>\n<a href=\"/raw/\">x</a>\n</div>\n\n见 <img src=\"inline.png\"> 与 [外](https://x.org/) [@](@/articles/x.md) [#](#top)\n";
    let r = ok(src);
    let got: Vec<(&str, bool, usize, usize)> = r
        .local_refs
        .iter()
        .map(|l| (l.url.as_str(), l.image, l.line, l.column))
        .collect();
    assert_eq!(
        got,
        vec![
            ("photo.jpg", true, 1, 9),
            ("/articles/old/", false, 1, 27),
            ("/raw/", false, 8, 10),
            ("inline.png", true, 11, 13),
        ]
    );
}

#[test]
fn a_line_that_looks_like_a_heading_without_its_space_is_a_warning() {
    let src = "#标题\n\n正文\n##小标题\n\n#世界读书日# 活动\n\n#国庆~中秋# 与 #科*普#\n\n#读书＃\n\n#1 号楼\n\n\\#井号\n\n- #列表里\n\n```\n#代码\n```\n\n## 标题\n";
    let (r, found) = render_with_errors(src, &opts());
    let at: Vec<(usize, usize, bool)> = found.iter().map(|e| (e.line, e.column, e.warning)).collect();
    assert_eq!(at, [(1, 1, true), (4, 1, true)]);
    assert!(render(src, &opts()).is_ok(), "warnings alone do not fail a render");
    assert!(r.html.contains("<p>#标题</p>"), "rendered as written: {}", r.html);
}
