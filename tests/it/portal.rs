//! The default theme's page frame: breadcrumbs with BreadcrumbList,
//! 来源/作者/责任编辑, the HTML site map, the footer order, the home
//! portal, and the board poster's sheet in front matter.

use crate::support::common;

use common::SiteTest;

fn site() -> SiteTest {
    let t = SiteTest::with_real_theme();
    t.write(
        "site.yaml",
        &format!(
            "{}organization: 测试区科协\nfooter: {{ site_code: \"1234567890\", icp_beian: 渝ICP备1号, contact: 023-1 }}\n",
            common::SITE_YAML
        ),
    );
    t.page("articles/_index.md", "title: 科普资讯", "");
    t.write("static/img/a.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    t.page(
        "articles/a.md",
        "title: 防溺水 <提示>\ndate: 2026-11-01\nupdated: 2026-11-05\nsource: 永川区卫健委\nauthors: [张三, 李四]\neditor: 王五\ncover: /img/a.svg",
        "正文。\n",
    );
    t.page("articles/b.md", "title: 无来源\ndate: 2026-11-02", "正文。\n");
    t.page("about.md", "title: 关于本站", "本站介绍。\n");
    t.page(
        "boards/g.md",
        "title: 广场画廊\nboard_kind: gallery\nplace: plaza\ntown: xianlong\nposter: { size: A2, orientation: landscape }\nshowing:\n  - { page: \"@/articles/a.md\", from: 2026-11-10 }",
        "x\n",
    );
    t.page(
        "boards/d.md",
        "title: 默认宣传栏\nboard_kind: bulletin\nplace: street\ntown: xianlong",
        "x\n",
    );
    t.build_ok();
    t
}

/// The text of the `<nav class="breadcrumb">` of `html`, tags removed.
fn crumbs(html: &str) -> String {
    let Some(start) = html.find("<nav class=\"breadcrumb\"") else {
        return String::new();
    };
    let end = start + html[start..].find("</nav>").expect("breadcrumb nav closes");
    let mut out = String::new();
    let mut tag = false;
    for c in html[start..end].chars() {
        match c {
            '<' => tag = true,
            '>' => tag = false,
            c if !tag && !c.is_whitespace() => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn breadcrumbs_on_every_page_but_home() {
    let t = site();
    assert_eq!(crumbs(&t.read("index.html")), "");
    assert_eq!(
        crumbs(&t.read("articles/a/index.html")),
        "当前位置：首页科普资讯防溺水&lt;提示&gt;"
    );
    assert_eq!(crumbs(&t.read("articles/index.html")), "当前位置：首页科普资讯");
    assert_eq!(crumbs(&t.read("towns/xianlong/index.html")), "当前位置：首页镇街仙龙镇");
    assert_eq!(
        crumbs(&t.read("boards/g/poster/index.html")),
        "当前位置：首页科普画廊广场画廊广场画廊·展板"
    );
    assert_eq!(crumbs(&t.read("sitemap/index.html")), "当前位置：首页网站地图");
    assert_eq!(crumbs(&t.read("dashboard/index.html")), "当前位置：首页数据看板");
    assert!(crumbs(&t.read("tags/index.html")).starts_with("当前位置：首页"));
}

#[test]
fn breadcrumb_json_ld_lists_every_step() {
    let t = site();
    let html = t.read("articles/a/index.html");
    let start = html.find("<script type=\"application/ld+json\">").expect("JSON-LD") + 35;
    let end = start + html[start..].find("</script>").unwrap();
    let json: serde_json::Value = serde_json::from_str(&html[start..end]).expect("valid JSON");
    assert_eq!(json["@type"], "BreadcrumbList");
    let items = json["itemListElement"].as_array().unwrap();
    let steps: Vec<(u64, &str, &str)> = items
        .iter()
        .map(|i| {
            (
                i["position"].as_u64().unwrap(),
                i["name"].as_str().unwrap(),
                i["item"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(steps[0], (1, "首页", "https://kepu.example.org/"));
    assert_eq!(steps[1], (2, "科普资讯", "https://kepu.example.org/articles/"));
    assert_eq!(steps[2].0, 3);
    assert_eq!(steps[2].2, "https://kepu.example.org/articles/a/");
    assert!(!html[start..end].contains('<'), "no raw < inside the script");
}

#[test]
fn source_authors_editor_and_times_when_given() {
    let t = site();
    let a = t.read("articles/a/index.html");
    for want in [
        "来源：永川区卫健委",
        "作者：张三、李四",
        "责任编辑：王五",
        "发布时间：",
        "更新时间：",
    ] {
        assert!(a.contains(want), "{want} missing");
    }
    let b = t.read("articles/b/index.html");
    assert!(b.contains("发布时间："));
    for absent in ["来源：", "作者：", "责任编辑：", "更新时间："] {
        assert!(!b.contains(absent), "{absent} shown without a value");
    }
    // 分享: a QR code of the page's own address.
    assert!(a.contains("class=\"share\"") && a.contains("<svg"), "share QR");
}

#[test]
fn site_map_lists_sections_towns_and_pages() {
    let t = site();
    let html = t.read("sitemap/index.html");
    for want in [
        "href=\"/articles/\">科普资讯</a>",
        "href=\"/boards/g/\">广场画廊</a>",
        "href=\"/towns/xianlong/\">仙龙镇</a>",
        "href=\"/dashboard/\">数据看板</a>",
        "href=\"/about/\">关于本站</a>",
    ] {
        assert!(html.contains(want), "{want} missing from the site map");
    }
}

#[test]
fn footer_order_identification_first_then_site_links_then_small_print() {
    let t = site();
    let html = t.read("articles/b/index.html");
    let footer = &html[html.find("<footer class=\"site-footer\"").unwrap()..];
    let pos = |s: &str| footer.find(s).unwrap_or_else(|| panic!("{s} missing"));
    let order = [
        pos("主办单位：测试区科协"),
        pos("联系方式：023-1"),
        pos("渝ICP备1号"),
        pos("网站标识码：1234567890"),
        pos(">网站地图<"),
        pos(">关于本站<"),
        pos(">联系我们<"),
        pos("footer-small"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "footer order {order:?}");
}

#[test]
fn home_is_a_portal() {
    let t = site();
    let html = t.read("index.html");
    let pos = |s: &str| html.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(pos("class=\"masthead\"") < pos("class=\"featured"));
    assert!(html.contains("主办单位：测试区科协"));
    // The featured article is the newest with a cover.
    let featured = &html[pos("class=\"featured")..];
    assert!(featured.contains("/img/a.svg") && featured.contains("/articles/a/"));
    assert!(pos("class=\"featured") < pos("class=\"cards\""));
    assert!(html.contains("href=\"/towns/\""), "科普阵地 links the towns");
}

#[test]
fn poster_sheet_from_front_matter_default_a3_portrait() {
    let t = site();
    let g = t.read("boards/g/poster/index.html");
    assert!(g.contains("sheet--A2-landscape"));
    assert!(g.contains("@page { size: 594mm 420mm; margin: 0; }"));
    assert!(g.contains("--sheet-w: 594; --sheet-h: 420"));
    let d = t.read("boards/d/poster/index.html");
    assert!(d.contains("sheet--A3-portrait"));
    assert!(d.contains("@page { size: 297mm 420mm; margin: 0; }"));
}

#[test]
fn bad_poster_sheet_is_an_error_with_its_line() {
    let t = SiteTest::with_real_theme();
    t.page(
        "boards/x.md",
        "title: x\nboard_kind: gallery\nplace: plaza\ntown: xianlong\nposter:\n  size: B5\n  orientation: sideways",
        "x\n",
    );
    let err = t.build_err();
    assert!(err.contains("unknown poster size 'B5'"), "{err}");
    assert!(err.contains("unknown poster orientation 'sideways'"), "{err}");
    assert!(err.contains("A4, A3, A2"), "{err}");
    assert!(err.contains("boards/x.md:7"), "size is on line 7: {err}");
    let t2 = SiteTest::with_real_theme();
    t2.page(
        "boards/y.md",
        "title: y\nboard_kind: gallery\nplace: plaza\ntown: xianlong\nposter: { paper: A3 }",
        "x\n",
    );
    let err = t2.build_err();
    assert!(err.contains("paper"), "{err}");
}
