//! Building fixture sites: URLs, bundles, sitemap, base paths, determinism.

use crate::support::common;

use common::{SiteTest, snapshot, xmllint};

fn small_site() -> SiteTest {
    let t = SiteTest::new();
    t.page("_index.md", "title: 首页", "");
    t.page("articles/_index.md", "title: 科普资讯", "");
    t.page(
        "articles/应急科普知识.md",
        "title: 应急科普知识\ndate: 2026-11-01\ntags: [应急, 安全]",
        "第一段。\n\n## 第二节\n\n正文。\n",
    );
    t.page(
        "articles/heat.md",
        "title: 防暑\ndate: 2026-10-01\ntags: [安全]\naliases: [/old/heat/]",
        "中暑了怎么办？\n",
    );
    t.page(
        "articles/aed/index.md",
        "title: AED\ndate: 2026-09-01\ncover: sign.svg",
        "![标识](sign.svg)\n",
    );
    t.write(
        "content/articles/aed/sign.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    t.page("about.md", "title: 关于我们", "我们是科协。\n");
    t.page("articles/draft.md", "title: 草稿\ndraft: true", "未完成\n");
    t.write("static/robots-extra.txt", "x");
    t
}

#[test]
fn pages_get_pretty_pinyin_urls_and_bundles_keep_their_files() {
    let t = small_site();
    let log = t.build_ok();
    assert!(log.contains("Built "), "{log}");
    assert!(
        t.read("articles/ying-ji-ke-pu-zhi-shi/index.html")
            .contains("<h1>应急科普知识</h1>")
    );
    assert!(t.read("articles/heat/index.html").contains("防暑"));
    assert!(t.exists("articles/aed/index.html"));
    assert!(t.exists("articles/aed/sign.svg"), "bundle asset copied beside the page");
    assert!(t.exists("about/index.html"));
    assert!(!t.exists("articles/draft/index.html"), "drafts are not built");
    assert!(t.exists("404.html"));
    assert!(t.exists("robots-extra.txt"), "static files are copied");
    assert!(t.exists(".kepu-output"), "the marker file is written");
    let list = t.read("articles/index.html");
    let (a, b) = (list.find("应急科普知识").unwrap(), list.find("防暑").unwrap());
    assert!(a < b, "newest first");
    assert!(
        t.read("old/heat/index.html")
            .contains("url=https://kepu.example.org/articles/heat/")
    );
}

#[test]
fn drafts_flag_builds_drafts() {
    let t = small_site();
    let out = t.kepu(&["build", "--drafts", "--now", common::NOW]);
    assert!(out.status.success());
    assert!(t.exists("articles/draft/index.html"));
}

#[test]
fn sitemap_and_robots_are_valid() {
    let t = small_site();
    t.build_ok();
    let sitemap = t.read("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://kepu.example.org/articles/ying-ji-ke-pu-zhi-shi/</loc>"),
        "{sitemap}"
    );
    assert!(
        sitemap.contains("<lastmod>2026-11-01T00:00:00+08:00</lastmod>"),
        "{sitemap}"
    );
    assert!(!sitemap.contains("404"), "no 404 page in the sitemap");
    assert!(!sitemap.contains("old/heat"), "no redirects in the sitemap");
    assert!(
        t.read("robots.txt")
            .contains("Sitemap: https://kepu.example.org/sitemap.xml")
    );
    let (ok, msg) = xmllint(&t.path().join("public/sitemap.xml"), "sitemap.xsd");
    assert!(ok, "{msg}");
}

#[test]
fn base_url_with_a_path_prefixes_every_link() {
    let t = small_site();
    let out = t.kepu(&[
        "build",
        "--now",
        common::NOW,
        "--base-url",
        "https://host.example/kepu/",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let page = t.read("articles/heat/index.html");
    assert!(page.contains("href=\"/kepu/articles/heat/\""), "{page}");
    let home = t.read("index.html");
    assert!(
        home.contains("href=\"/kepu/articles/ying-ji-ke-pu-zhi-shi/\""),
        "{home}"
    );
    assert!(
        home.contains("href=\"/kepu/css/a.css\""),
        "url() prefixes the base path: {home}"
    );
    assert!(
        t.read("sitemap.xml")
            .contains("<loc>https://host.example/kepu/articles/heat/</loc>")
    );
}

#[test]
fn same_input_gives_byte_identical_output() {
    let t = small_site();
    t.build_ok();
    let first = snapshot(&t.path().join("public"));
    t.build_ok();
    assert_eq!(first, snapshot(&t.path().join("public")));
}

#[test]
fn crlf_and_bom_files_build() {
    let t = SiteTest::new();
    t.write_bytes(
        "content/articles/win.md",
        "\u{feff}---\r\ntitle: 视窗\r\n---\r\n正文\r\n".as_bytes(),
    );
    t.build_ok();
    assert!(t.read("articles/win/index.html").contains("视窗"));
}

#[test]
fn pagination_splits_lists() {
    let t = SiteTest::new();
    t.write("site.yaml", &format!("{}paginate_by: 2\n", common::SITE_YAML));
    for i in 1..=5 {
        t.page(
            &format!("articles/a{i}.md"),
            &format!("title: 第{i}篇\ndate: 2026-10-0{i}"),
            "x\n",
        );
    }
    t.build_ok();
    let p1 = t.read("articles/index.html");
    assert!(p1.contains("第5篇") && p1.contains("第4篇") && !p1.contains("第3篇"));
    assert!(p1.contains("href=\"/articles/page/2/\""));
    assert!(t.read("articles/page/3/index.html").contains("第1篇"));
    assert!(!t.exists("articles/page/4/index.html"));
    assert!(
        t.read("articles/page/1/index.html")
            .contains("url=https://kepu.example.org/articles/")
    );
}

#[test]
fn site_templates_override_the_theme_file_by_file() {
    let t = small_site();
    t.write("templates/404.html", "<p>自定义 404</p>");
    t.build_ok();
    assert_eq!(t.read("404.html"), "<p>自定义 404</p>");
    assert!(
        t.read("about/index.html").contains("<h1>关于我们</h1>"),
        "other templates still from the theme"
    );
}

#[test]
fn data_files_reach_templates() {
    let t = small_site();
    t.write("data/tasks.yaml", "- { task: 站栏员全覆盖 }\n");
    t.write(
        "templates/404.html",
        "{% for r in data.tasks %}{{ r.task }}{% endfor %}",
    );
    t.build_ok();
    assert_eq!(t.read("404.html"), "站栏员全覆盖");
}

#[test]
fn shortcodes_render_with_their_body_through_the_markdown_filter() {
    let t = SiteTest::new();
    t.write(
        "templates/shortcodes/tip.html",
        "<aside class=\"tip tip--{{ kind | default(value='tip') }}\">{{ body | markdown }}</aside>",
    );
    t.write(
        "templates/shortcodes/figure.html",
        "<figure><img src=\"{{ src }}\" alt=\"{{ alt }}\"></figure>",
    );
    t.page(
        "articles/s.md",
        "title: 短代码",
        "开头\n\n{{ figure(src=\"a.png\", alt=\"图 <1>\") }}\n\n{% tip(kind=\"warning\") %}\n**注意**安全\n{% end %}\n",
    );
    t.build_ok();
    let html = t.read("articles/s/index.html");
    assert!(
        html.contains("<figure><img src=\"a.png\" alt=\"图 &lt;1&gt;\"></figure>"),
        "{html}"
    );
    assert!(
        html.contains("<aside class=\"tip tip--warning\"><p><strong>注意</strong>安全</p>"),
        "{html}"
    );
}

#[test]
fn a_rebuild_writes_only_what_changed() {
    let t = small_site();
    let first = t.build_ok();
    let all = first
        .split("files, ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .unwrap_or_default()
        .to_string();
    assert!(first.contains(&format!("files, {all} written)")), "{first}");
    let again = t.build_ok();
    assert!(
        again.contains("files, 0 written)"),
        "a rebuild with no change writes nothing: {again}"
    );
    let heat = t.path().join("content/articles/heat.md");
    let text = std::fs::read_to_string(&heat).unwrap();
    std::fs::write(&heat, format!("{text}\n多喝水。\n")).unwrap();
    let edited = t.build_ok();
    assert!(!edited.contains("files, 0 written)"), "{edited}");
    assert!(t.read("articles/heat/index.html").contains("多喝水"));
    let written: usize = edited
        .split("files, ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(
        written < all.parse::<usize>().unwrap() / 2,
        "one edit rewrote {written} of {all} files"
    );
}

#[test]
fn a_chinese_host_is_written_in_punycode() {
    let t = SiteTest::new();
    t.page("articles/a.md", "title: 甲\ndate: 2026-11-01", "正文\n");
    let out = t.kepu(&["build", "--now", common::NOW, "--base-url", "https://科协.中国/kepu/"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let sitemap = t.read("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://xn--ykrz90g.xn--fiqs8s/kepu/articles/a/</loc>"),
        "{sitemap}"
    );
    assert!(!sitemap.contains("%E7") && !sitemap.contains("科协"), "{sitemap}");
    assert!(t.read("atom.xml").contains("https://xn--ykrz90g.xn--fiqs8s/kepu/"));
}

/// The boards fixture with feeds of whole pages (the two newest), a
/// poster template that shows the board's body, three articles with a
/// second paragraph and one page left out of search.
fn handover_site() -> SiteTest {
    let t = SiteTest::with_real_theme().with_fixture("boards");
    let yaml = std::fs::read_to_string(t.path().join("site.yaml")).unwrap();
    t.write(
        "site.yaml",
        &format!("{yaml}\nfeeds: {{ full_content: true, limit: 2 }}\n"),
    );
    for (name, date) in [("now1", "2026-11-01"), ("now2", "2026-11-02"), ("old", "2026-09-01")] {
        t.page(
            &format!("articles/{name}.md"),
            &format!("title: 文章{name}\ndate: {date}\ntowns: [xianlong]"),
            &format!("摘要一段。\n\n正文{name}第二段。\n"),
        );
    }
    t.page(
        "articles/hidden.md",
        "title: 不进搜索\ndate: 2026-08-01\nsearch: false",
        "只在本页。\n",
    );
    t.write(
        "templates/board_poster.html",
        "<h1>{{ page.title }}</h1><div class=\"body\">{{ page.content | safe }}</div>",
    );
    t
}

/// A build hands each page's body to its page job alone and frees it
/// there; the bodies that a print poster or a feed of whole pages shows as
/// well must still reach those.
#[test]
fn bodies_reach_every_output_that_shows_them() {
    let t = handover_site();
    t.build_ok();
    for name in ["now1", "now2", "old"] {
        let html = t.read(&format!("articles/{name}/index.html"));
        assert!(html.contains(&format!("正文{name}第二段。")), "{name}: {html}");
    }
    let poster = t.read("boards/fresh/poster/index.html");
    assert!(poster.contains("<div class=\"body\"><p>在公园里。</p>"), "{poster}");
    assert!(t.read("boards/fresh/index.html").contains("在公园里。"));
    let feed = t.read("articles/atom.xml");
    for name in ["now1", "now2"] {
        assert!(feed.contains(&format!("正文{name}第二段。")), "{name}: {feed}");
    }
    assert!(!feed.contains("文章old"), "{feed}");
    let site_feed = t.read("atom.xml");
    assert!(site_feed.contains("正文now2第二段。"), "{site_feed}");
}

/// What a build hands over (texts to the search index, bodies to their
/// page jobs) leaves every file as `serve`, which hands nothing over,
/// renders it: byte for byte, search documents and feeds included.
#[test]
fn a_build_writes_what_serve_renders() {
    let t = handover_site();
    let s = crate::support::serve_support::Server::start(t.path(), &[]);
    assert!(s.text("/search/d/0.json").contains("摘要一段"), "{}", s.log());
    crate::support::serve_support::assert_same_as_build(t.path(), &s);
}

/// A build hands texts and bodies over in runs of 64 pages. With three
/// runs of articles before them, the boards (one on a poster that shows
/// its body), an emergency note (whose CAP message carries its whole
/// text), pages with a `summary` and pages out of search all sit past the
/// first run: every file still equals what `serve` renders.
#[test]
fn pages_past_the_first_run_are_written_as_serve_renders_them() {
    let t = handover_site();
    for i in 0..150 {
        let extra = match i % 5 {
            0 => format!("\nsummary: 第{i}篇的摘要"),
            1 => "\nsearch: false".to_string(),
            _ => String::new(),
        };
        t.page(
            &format!("articles/p{i:03}.md"),
            &format!("title: 第{i}篇\ndate: 2026-10-{:02}{extra}", i % 28 + 1),
            &format!(
                "第{i}篇第一段。\n\n第{i}篇第二段，写得长一些，长过描述的一百二十一个字。{}\n",
                "科普".repeat(80)
            ),
        );
    }
    t.page(
        "emergency/gaowen.md",
        "title: 高温黄色预警\ndate: 2026-11-19T08:00:00+08:00\nexpires: 2026-11-21T08:00:00+08:00\nhazard: heat\nlevel: yellow\nareas: [xianlong]\nsource: 永川区气象台\nsteps: [多喝水]",
        &format!("高温预警第一段。\n\n预警最后一句在这里。{}\n", "注意防暑".repeat(60)),
    );
    let s = crate::support::serve_support::Server::start(t.path(), &[]);
    let cap = s.text("/emergency/gaowen.cap.xml");
    assert!(cap.contains("预警最后一句在这里。"), "{cap}");
    let poster = s.text("/boards/fresh/poster/");
    assert!(poster.contains("<div class=\"body\"><p>在公园里。</p>"), "{poster}");
    crate::support::serve_support::assert_same_as_build(t.path(), &s);
}
