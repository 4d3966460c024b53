//! Lists, sort orders, neighbours, taxonomies and feeds per term.

use crate::support::common;

use common::SiteTest;

#[test]
fn sections_sort_by_weight_or_title_when_asked() {
    let t = SiteTest::new();
    t.page("articles/_index.md", "title: 按权重\nsort_by: weight", "");
    t.page("articles/c.md", "title: 丙\ndate: 2026-11-03\nweight: 3", "x\n");
    t.page("articles/a.md", "title: 甲\ndate: 2026-11-01\nweight: 1", "x\n");
    t.page("articles/b.md", "title: 乙\ndate: 2026-11-02\nweight: 2", "x\n");
    t.page("articles/n.md", "title: 无权重\ndate: 2026-11-04", "x\n");
    t.page("guides/_index.md", "title: 指南\nsort_by: title", "");
    t.page("guides/z.md", "title: Zebra\ndate: 2026-11-09", "x\n");
    t.page("guides/a.md", "title: Apple\ndate: 2026-11-01", "x\n");
    t.build_ok();
    let list = t.read("articles/index.html");
    let order: Vec<usize> = ["甲", "乙", "丙", "无权重"]
        .iter()
        .map(|s| list.find(s).unwrap())
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "weight order, unweighted last: {list}"
    );
    let guides = t.read("guides/index.html");
    assert!(
        guides.find("Apple").unwrap() < guides.find("Zebra").unwrap(),
        "title order: {guides}"
    );
}

#[test]
fn pagination_boundaries_are_exact() {
    let t = SiteTest::new();
    t.write("site.yaml", &format!("{}paginate_by: 3\n", common::SITE_YAML));
    for i in 1..=6 {
        t.page(
            &format!("articles/p{i}.md"),
            &format!("title: 第{i}篇\ndate: 2026-10-{:02}", 10 + i),
            "x\n",
        );
    }
    t.build_ok();
    assert!(t.read("articles/index.html").contains("第4篇"));
    assert!(!t.read("articles/index.html").contains("第3篇"));
    let p2 = t.read("articles/page/2/index.html");
    assert!(p2.contains("第3篇") && p2.contains("第1篇") && !p2.contains("rel=\"next\""));
    assert!(
        !t.exists("articles/page/3/index.html"),
        "6 items at 3 a page make exactly 2 pages"
    );
}

#[test]
fn neighbours_within_the_section() {
    let t = SiteTest::with_real_theme();
    t.page("articles/old.md", "title: 旧文\ndate: 2026-10-01", "x\n");
    t.page("articles/mid.md", "title: 中文\ndate: 2026-10-02", "x\n");
    t.page("articles/new.md", "title: 新文\ndate: 2026-10-03", "x\n");
    t.page(
        "emergency/e.md",
        "title: 别的栏目\ndate: 2026-10-02\nexpires: 2026-10-03\nhazard: heat\nlevel: blue",
        "x\n",
    );
    t.build_ok();
    let mid = t.read("articles/mid/index.html");
    assert!(mid.contains("href=\"/articles/old/\"") && mid.contains("href=\"/articles/new/\""));
    assert!(
        !mid.contains("href=\"/emergency/e/\" rel"),
        "neighbours stay in the section"
    );
}

#[test]
fn term_pages_list_every_kind_with_pinyin_slugs_and_feeds() {
    let t = SiteTest::new();
    t.page(
        "articles/a.md",
        "title: 防汛文章\ndate: 2026-11-01\ntags: [防汛]\ncategories: [安全应急]",
        "x\n",
    );
    t.page(
        "emergency/e.md",
        "title: 防汛提示\ndate: 2026-11-02\nexpires: 2026-11-03\nhazard: flood\nlevel: blue\ntags: [防汛]",
        "x\n",
    );
    t.page(
        "columns/c.md",
        "title: 防汛栏目\ndate: 2026-11-03\nmedium: radio\ntags: [防汛]",
        "x\n",
    );
    t.build_ok();
    let term = t.read("tags/fang-xun/index.html");
    for s in ["防汛文章", "防汛提示", "防汛栏目"] {
        assert!(term.contains(s), "{s} missing from the term page");
    }
    assert!(t.read("tags/index.html").contains("防汛 3"));
    assert!(t.read("categories/an-quan-ying-ji/index.html").contains("防汛文章"));
    assert!(t.read("tags/fang-xun/atom.xml").contains("防汛栏目"));
    assert!(t.read("tags/fang-xun/rss.xml").contains("防汛提示"));
}

#[test]
fn home_page_shows_the_latest_articles() {
    let t = SiteTest::new();
    for i in 1..=8 {
        t.page(
            &format!("articles/h{i}.md"),
            &format!("title: 首页{i}\ndate: 2026-10-{:02}", i),
            "x\n",
        );
    }
    t.build_ok();
    let home = t.read("index.html");
    assert!(
        home.contains("首页8") && home.contains("首页2") && !home.contains("首页1"),
        "the featured article and the six newest after it"
    );
}

#[test]
fn list_pages_link_their_own_feeds_in_head() {
    let t = SiteTest::with_real_theme();
    t.page("articles/a.md", "title: 甲\ndate: 2026-11-01\ntags: [防汛]", "x\n");
    t.build_ok();
    let list = t.read("articles/index.html");
    let head = &list[..list.find("</head>").unwrap()];
    assert!(
        head.contains("href=\"/articles/atom.xml\"") && head.contains("href=\"/articles/rss.xml\""),
        "{head}"
    );
    assert!(head.contains("href=\"/atom.xml\""), "the site feed too");
    let term = t.read("tags/fang-xun/index.html");
    assert!(term[..term.find("</head>").unwrap()].contains("href=\"/tags/fang-xun/atom.xml\""));
}

/// Terms that differ but share a pinyin slug: a warning names both, the
/// one used later gets a slug of its own, and each page links its own term.
#[test]
fn terms_with_the_same_pinyin_get_distinct_pages() {
    let t = SiteTest::new();
    t.page("articles/a.md", "title: a\ndate: 2026-11-01\ntags: [科普]", "x\n");
    t.page("articles/b.md", "title: b\ndate: 2026-10-02\ntags: [颗璞, AED]", "x\n");
    t.page("articles/c.md", "title: c\ndate: 2026-11-03\ntags: [aed]", "x\n");
    let err = t.build_ok();
    assert!(err.contains("科普") && err.contains("颗璞"), "{err}");
    // 颗璞 was used first (the older page): it keeps the plain address.
    assert!(err.contains("articles/a.md:4:"), "{err}");
    assert!(t.read("tags/ke-pu/index.html").contains("articles/b/"));
    let second = t.read("tags/ke-pu-2/index.html");
    assert!(
        second.contains("articles/a/") && !second.contains("articles/b/"),
        "{second}"
    );
    // AED and aed are one term.
    let aed = t.read("tags/aed/index.html");
    assert!(aed.contains("articles/b/") && aed.contains("articles/c/"), "{aed}");
    assert!(!t.exists("tags/aed-2/index.html"));
}
