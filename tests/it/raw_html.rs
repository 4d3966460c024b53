//! `site.yaml` `markdown.raw_html`: what happens to HTML written inside
//! Markdown. One test per policy (`allow`, the default; `escape`;
//! `sanitize`), plus a wrong value.
//!
//! Each builds the same page: raw HTML blocks and inline tags with event
//! handlers and scripts, a `javascript:` link, a shortcode whose trusted
//! template output holds an `<iframe>`, a highlighted code block, and the
//! Markdown features whose HTML a sanitizer must keep (heading ids,
//! footnotes, task lists, table alignment, external links).

use crate::support::common;

use common::SiteTest;

const BODY: &str = r#"Intro <span class="hi" onclick="steal()">inline</span> and <b>bold</b>.

<!-- more -->

<div class="box" onmouseover="steal()">
<script>alert("block")</script>
<iframe src="https://evil.example/"></iframe>
</div>

## 标题

[bad](javascript:alert(1)) [good](https://example.org/) <img src="x.gif" onerror="steal()">

{{ video(id="42") }}

```rust
fn main() {}
```

| a | b |
|:--|--:|
| 1 | 2 |

- [x] done

Note[^1].

[^1]: The note.
"#;

const VIDEO: &str = "<iframe class=\"video\" src=\"https://player.example/{{ id }}\"></iframe>";

/// Builds the page with `raw_html: policy` (none: the default) and returns
/// the page HTML and its summary (rendered by the article template).
fn build(policy: Option<&str>) -> (String, String) {
    let t = SiteTest::new();
    if let Some(p) = policy {
        t.write(
            "site.yaml",
            &format!("{}markdown: {{ raw_html: {p} }}\n", common::SITE_YAML),
        );
    }
    t.write("templates/shortcodes/video.html", VIDEO);
    t.write(
        "templates/article.html",
        "<main>{{ page.content | safe }}</main><aside>{{ page.summary | safe }}</aside>",
    );
    t.page("articles/a.md", "title: a\ndate: 2026-11-01", BODY);
    // The picture the raw <img> shows (a missing one is an error).
    t.write("content/articles/a/x.gif", "GIF89a");
    t.build_ok();
    let html = t.read("articles/a/index.html");
    let (main, summary) = html.split_once("<aside>").expect("aside");
    (main.to_string(), summary.to_string())
}

/// What every policy keeps: Markdown's own HTML and trusted output.
fn assert_markdown_kept(html: &str) {
    for want in [
        "<h2 id=\"biao-ti\">标题</h2>",
        "<a href=\"https://example.org/\" rel=\"noopener\">good</a>",
        "<iframe class=\"video\" src=\"https://player.example/42\"></iframe>",
        "<span class=\"hl-",
        "<th style=\"text-align",
        "type=\"checkbox\"",
        "checked",
        "footnote-definition",
        "<sup class=\"footnote-reference\"><a href=\"#1\">1</a></sup>",
    ] {
        assert!(html.contains(want), "missing {want:?} in:\n{html}");
    }
}

#[test]
fn allow_is_the_default_and_passes_html_through() {
    let (html, summary) = build(None);
    assert_markdown_kept(&html);
    assert!(
        html.contains("<span class=\"hi\" onclick=\"steal()\">inline</span>"),
        "{html}"
    );
    assert!(html.contains("<script>alert(\"block\")</script>"), "{html}");
    assert!(html.contains("href=\"javascript:alert(1)\""), "{html}");
    assert!(summary.contains("onclick"), "{summary}");
    assert_eq!(build(Some("allow")).0, html);
}

#[test]
fn escape_shows_html_as_text() {
    let (html, summary) = build(Some("escape"));
    assert_markdown_kept(&html);
    assert!(
        html.contains("&lt;span class=&quot;hi&quot; onclick=&quot;steal()&quot;&gt;inline&lt;/span&gt;"),
        "{html}"
    );
    assert!(
        html.contains("&lt;script&gt;alert(&quot;block&quot;)&lt;/script&gt;"),
        "{html}"
    );
    // The HTML block is shown as a paragraph of text.
    assert!(html.contains("<p>&lt;div class=&quot;box&quot;"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<div class=\"box\""), "{html}");
    assert!(!html.contains("javascript:"), "{html}");
    assert!(html.contains("<a href=\"#\">bad</a>"), "{html}");
    // `<!-- more -->` still ends the summary.
    assert!(summary.contains("&lt;span class=&quot;hi&quot;"), "{summary}");
    assert!(!summary.contains("标题"), "{summary}");
}

#[test]
fn sanitize_keeps_safe_html_only() {
    let (html, summary) = build(Some("sanitize"));
    assert_markdown_kept(&html);
    assert!(html.contains("<span class=\"hi\">inline</span>"), "{html}");
    assert!(html.contains("<b>bold</b>"), "{html}");
    assert!(html.contains("<div class=\"box\">"), "{html}");
    assert!(html.contains("<img src=\"x.gif\">"), "{html}");
    for gone in [
        "onclick",
        "onmouseover",
        "onerror",
        "<script",
        "alert(\"block\")",
        "evil.example",
        "javascript:",
    ] {
        assert!(!html.contains(gone), "{gone:?} survived:\n{html}");
    }
    assert!(summary.contains("<span class=\"hi\">inline</span>"), "{summary}");
    assert!(!summary.contains("onclick"), "{summary}");
}

#[test]
fn an_unknown_policy_is_an_error_at_its_line() {
    let t = SiteTest::new();
    t.write(
        "site.yaml",
        &format!("{}markdown:\n  raw_html: strip\n", common::SITE_YAML),
    );
    let err = t.build_err();
    assert!(err.contains("site.yaml:8:"), "{err}");
    assert!(err.contains("unknown variant 'strip'"), "{err}");
    assert!(
        err.contains("allow, escape, sanitize") || err.contains("'allow', 'escape', 'sanitize'"),
        "{err}"
    );
}

/// `{...}` heading attributes keep only `#id`, `.class` and harmless keys
/// under `escape` and `sanitize`; `allow` passes them as written.
#[test]
fn heading_attributes_carry_no_handlers_unless_allowed() {
    let body = "## T {#t tabindex=0 autofocus onfocus=\"steal()\" .c lang=zh}\n\n## U {#u onclick=x onmouseover=y style=\"color:red\" title=t}\n";
    for (policy, passes) in [("escape", false), ("sanitize", false), ("allow", true)] {
        let t = SiteTest::new();
        t.write(
            "site.yaml",
            &format!("{}markdown: {{ raw_html: {policy} }}\n", common::SITE_YAML),
        );
        t.write("templates/article.html", "<main>{{ page.content | safe }}</main>");
        t.page("articles/a.md", "title: a\ndate: 2026-11-01", body);
        t.build_ok();
        let html = t.read("articles/a/index.html");
        for handler in ["onfocus", "onclick", "onmouseover", "style=", "autofocus", "tabindex"] {
            assert_eq!(html.contains(handler), passes, "{policy}: {handler} in\n{html}");
        }
        assert!(html.contains("id=\"t\""), "{policy}: {html}");
        assert!(html.contains("class=\"c\""), "{policy}: {html}");
        assert!(html.contains("lang=\"zh\""), "{policy}: {html}");
        assert!(html.contains("title=\"t\""), "{policy}: {html}");
    }
}
