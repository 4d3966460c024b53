//! What used to be silently wrong is now named, each at its file, line and
//! column with the source line, in Chinese for a zh site and in English
//! with --lang en, the last good public/ left as it was: a missing image or
//! cover, a link to no page of the site, an empty name. And what an editor
//! sees: drafts marked 草稿, posters of a preview marked 预览, one page
//! count in build, check and serve, weeks named 第48周（11月23日—29日）.

use crate::support::common;
use crate::support::serve_support;

use common::{NOW, SiteTest};
use serve_support::Server;

/// An SVG picture (passed through as it is: no decoding needed).
const SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>";

struct Case {
    name: &'static str,
    /// Files written before the page (site-relative path, text).
    files: &'static [(&'static str, &'static str)],
    /// The page under content/ and its whole text.
    file: &'static str,
    text: &'static str,
    /// `file:line:col`.
    at: &'static str,
    zh: &'static str,
    en: &'static str,
    zh_hint: &'static str,
    en_hint: &'static str,
    /// The source line as shown.
    line: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "bundle image",
        files: &[],
        file: "articles/pic/index.md",
        text: "---\ntitle: 图\ndate: 2026-10-10\n---\n开头\n\n![仙龙村科普站](photo.jpg)\n",
        at: "content/articles/pic/index.md:7:11",
        zh: "图片 photo.jpg 找不到：网站里没有 /articles/pic/photo.jpg",
        en: "image photo.jpg not found: the site has no /articles/pic/photo.jpg",
        zh_hint: "检查文件夹和文件名（服务器上区分大小写）",
        en_hint: "check the folder and the file name (names are case-sensitive on the server)",
        line: "7 | ![仙龙村科普站](photo.jpg)",
    },
    Case {
        name: "static image",
        files: &[("static/images/logo.svg", SVG)],
        file: "articles/logo.md",
        text: "---\ntitle: 标志\ndate: 2026-10-10\n---\n![标志](/images/logo.png)\n",
        at: "content/articles/logo.md:5:7",
        zh: "图片 /images/logo.png 找不到：网站里没有 /images/logo.png",
        en: "image /images/logo.png not found: the site has no /images/logo.png",
        zh_hint: "最接近的是 /images/logo.svg",
        en_hint: "the closest is /images/logo.svg",
        line: "5 | ![标志](/images/logo.png)",
    },
    Case {
        name: "image in another case",
        files: &[("content/articles/case/Photo.svg", SVG)],
        file: "articles/case/index.md",
        text: "---\ntitle: 大小写\ndate: 2026-10-10\n---\n<img alt=\"照片\" src=\"photo.svg\">\n",
        at: "content/articles/case/index.md:5:20",
        zh: "图片 photo.svg 找不到",
        en: "image photo.svg not found",
        zh_hint: "是不是 /articles/case/Photo.svg？服务器上的文件名区分大小写",
        en_hint: "did you mean /articles/case/Photo.svg? names are case-sensitive on the server",
        line: "5 | <img alt=\"照片\" src=\"photo.svg\">",
    },
    Case {
        name: "cover",
        files: &[],
        file: "articles/cover/index.md",
        text: "---\ntitle: 封面\ndate: 2026-10-10\ncover: cover.jpg\n---\n正文\n",
        at: "content/articles/cover/index.md:4:8",
        zh: "封面图片 cover.jpg 找不到：网站里没有 /articles/cover/cover.jpg",
        en: "cover image cover.jpg not found: the site has no /articles/cover/cover.jpg",
        zh_hint: "cover 写与 index.md 放在一起的文件名",
        en_hint: "write the name of a file beside index.md",
        line: "4 | cover: cover.jpg",
    },
    Case {
        name: "link to an old page",
        files: &[],
        file: "articles/links.md",
        text: "---\ntitle: 链接\ndate: 2026-10-10\n---\n另见[旧文](/articles/okk/)。\n",
        at: "content/articles/links.md:5:8",
        zh: "链接 /articles/okk/ 指向的地址不存在：网站里没有 /articles/okk/",
        en: "link /articles/okk/ leads nowhere: the site has no /articles/okk/",
        zh_hint: "最接近的地址是 /articles/ok/；链接站内的页面最好写成 @/ 路径",
        en_hint: "the closest address is /articles/ok/; link a page of the site by its file (@/articles/FILE.md)",
        line: "5 | 另见[旧文](/articles/okk/)。",
    },
    Case {
        name: "link in raw HTML",
        files: &[],
        file: "articles/raw.md",
        text: "---\ntitle: 网页\ndate: 2026-10-10\n---\n<p>见 <a href=\"/huo-dong/\">活动</a></p>\n",
        at: "content/articles/raw.md:5:15",
        zh: "链接 /huo-dong/ 指向的地址不存在",
        en: "link /huo-dong/ leads nowhere",
        zh_hint: "检查地址；链接站内的页面最好写成 @/ 路径",
        en_hint: "check the address; link a page of the site by its file",
        line: "5 | <p>见 <a href=\"/huo-dong/\">活动</a></p>",
    },
    Case {
        name: "empty staff name",
        files: &[],
        file: "stations/s.md",
        text: "---\ntitle: 仙龙村科普站\ntown: xianlong\ncommunity: 仙龙村\nstation_kind: station\nstaff:\n  - { name: 张三, role: 站长 }\n  - { name: \"\", role: 科普员 }\n---\n站点\n",
        at: "content/stations/s.md:8:7",
        zh: "第 2 位工作人员的姓名（name）是空的",
        en: "staff member 2 has an empty name",
        zh_hint: "没有姓名的工作人员不计入站栏员覆盖",
        en_hint: "a staff member without a name does not count as staff",
        line: "8 |   - { name: \"\", role: 科普员 }",
    },
    Case {
        name: "empty source",
        files: &[],
        file: "emergency/rain.md",
        text: "---\ntitle: 暴雨\ndate: 2026-11-19T08:00:00+08:00\nhazard: rainstorm\nlevel: blue\nsource: \"\"\nsteps: [关好门窗]\n---\n正文\n",
        at: "content/emergency/rain.md:6:1",
        zh: "“source”是空的，应写上来源（发布预警或信息的单位）",
        en: "'source' is empty: it needs a source (who issued it)",
        zh_hint: "填上来源（发布预警或信息的单位），或者删去这一行",
        en_hint: "fill in a source (who issued it), or remove the line",
        line: "6 | source: \"\"",
    },
    Case {
        name: "empty address",
        files: &[],
        file: "boards/b.md",
        text: "---\ntitle: 宣传栏\nboard_kind: bulletin\nplace: community\ntown: xianlong\naddress: \" \"\nmaintainer: 村委会\n---\nx\n",
        at: "content/boards/b.md:6:1",
        zh: "“address”是空的，应写上详细地址",
        en: "'address' is empty: it needs an address",
        zh_hint: "填上详细地址，或者删去这一行",
        en_hint: "fill in an address, or remove the line",
        line: "6 | address: \" \"",
    },
    Case {
        name: "empty maintainer",
        files: &[],
        file: "boards/m.md",
        text: "---\ntitle: 宣传栏\nboard_kind: bulletin\nplace: community\ntown: xianlong\nmaintainer: ''\n---\nx\n",
        at: "content/boards/m.md:6:1",
        zh: "“maintainer”是空的，应写上维护人或维护单位",
        en: "'maintainer' is empty: it needs a maintainer (a person or an office)",
        zh_hint: "填上维护人或维护单位，或者删去这一行",
        en_hint: "fill in a maintainer (a person or an office), or remove the line",
        line: "6 | maintainer: ''",
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
        for (rel, text) in case.files {
            t.write(rel, text);
        }
        t.write(&format!("content/{}", case.file), case.text);
        for (args, (want, hint), label) in [
            (vec![], (case.zh, case.zh_hint), "错误"),
            (vec!["--lang", "en"], (case.en, case.en_hint), "error"),
        ] {
            let mut all = args.clone();
            all.extend(["build", "--now", NOW]);
            let out = t.kepu_in("", &all);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{}: {err}", case.name);
            assert!(err.contains(&format!("{label}: {}: ", case.at)), "{}: {err}", case.name);
            assert!(err.contains(want), "{} {args:?}: {err}", case.name);
            assert!(err.contains(hint), "{} {args:?}: hint: {err}", case.name);
            assert!(err.contains(case.line), "{}: source line: {err}", case.name);
            assert!(
                err.lines().any(|l| l.trim_start().starts_with('|') && l.contains('^')),
                "{}: caret: {err}",
                case.name
            );
            assert_eq!(
                err.matches(&format!("{label}: content/")).count(),
                1,
                "{}: one mistake, one error: {err}",
                case.name
            );
        }
        // `kepu check` finds it too, and writes nothing.
        let out = t.kepu(&["check", "--now", NOW]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: check: {err}", case.name);
        assert!(err.contains(case.en), "{}: check: {err}", case.name);
        assert_eq!(
            common::snapshot(&t.path().join("public")),
            before,
            "{}: public/ untouched",
            case.name
        );
    }
}

#[test]
fn the_caret_stands_under_the_address() {
    let t = good_site();
    t.write(&format!("content/{}", CASES[0].file), CASES[0].text);
    let err = t.build_err();
    // `7 | ![仙龙村科普站](photo.jpg)`: the Han characters are two columns wide.
    let caret = err
        .lines()
        .skip_while(|l| !l.contains("7 | ![仙龙村科普站](photo.jpg)"))
        .nth(1)
        .expect("caret line");
    // `7 | `, `![`, six characters of two columns, `](`.
    assert_eq!(caret.find('^'), Some(4 + 2 + 6 * 2 + 2), "{err}");
}

#[test]
fn addresses_that_exist_or_are_not_the_sites_are_left_alone() {
    let t = SiteTest::with_real_theme();
    t.write("static/files/guide.pdf", "%PDF-1.4");
    t.write("content/articles/trip/map.svg", SVG);
    t.page(
        "articles/ok.md",
        "title: 好文章\ndate: 2026-10-01\ntags: [安全]\naliases: [/old/]",
        "## 要点\n\n正文\n",
    );
    t.page(
        "articles/trip/index.md",
        "title: 出行\ndate: 2026-10-02\ncover: map.svg",
        concat!(
            "![地图](map.svg) ![远程](https://img.example.org/a.jpg) ![内嵌](data:image/png;base64,iVBORw0KGgo=)\n\n",
            "[好](/articles/ok/) [无斜杠](/articles/ok) [页](/articles/ok/index.html) [锚](/articles/ok/#yao-dian) ",
            "[问](/articles/ok/?from=home) [相对](../ok/) [@](@/articles/ok.md) [标签](/tags/an-quan/) ",
            "[搜索](/search/) [订阅](/atom.xml) [首页](/) [指南](/files/guide.pdf) [旧址](/old/) ",
            "[邮件](mailto:kx@example.org) [电话](tel:023-1) [本页](#top) [外站](https://example.org/x/)\n\n",
            "```\n![代码里](nothing.jpg) [代码里](/nothing/)\n```\n",
        ),
    );
    t.build_ok();
    let out = t.kepu(&["check", "--now", NOW]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// A relative link to a Markdown file, as Typora or VS Code writes and
/// follows it, is read from the folder of the file it is in and points at
/// that page; one to no file is an error naming the file it looked for.
#[test]
fn relative_links_to_markdown_files_lead_to_their_pages() {
    let t = SiteTest::new();
    t.page("articles/ok.md", "title: 好文章\ndate: 2026-10-01", "## 要点\n\n正文\n");
    t.page("articles/中文.md", "title: 中文名\ndate: 2026-10-01", "正文\n");
    t.page(
        "emergency/hot.md",
        "title: 高温\ndate: 2026-10-01\nexpires: 2026-10-02\nhazard: heat\nlevel: yellow",
        "正文\n",
    );
    t.page(
        "articles/a.md",
        "title: 链接\ndate: 2026-10-02",
        "[同一文件夹](ok.md) [点](./ok.md) [锚](ok.md#yao-dian) [跨栏目](../emergency/hot.md) [编码](%E4%B8%AD%E6%96%87.md) [中文](中文.md)\n",
    );
    t.page(
        "articles/trip/index.md",
        "title: 出行\ndate: 2026-10-03",
        "[上一级](../ok.md#yao-dian) [两级](../../emergency/hot.md)\n",
    );
    t.build_ok();
    let a = t.read("articles/a/index.html");
    for href in [
        "href=\"/articles/ok/\">同一文件夹",
        "href=\"/articles/ok/\">点",
        "href=\"/articles/ok/#yao-dian\">锚",
        "href=\"/emergency/hot/\">跨栏目",
        "href=\"/articles/zhong-wen/\">编码",
        "href=\"/articles/zhong-wen/\">中文",
    ] {
        assert!(a.contains(href), "{href}: {a}");
    }
    let trip = t.read("articles/trip/index.html");
    assert!(trip.contains("href=\"/articles/ok/#yao-dian\">上一级"), "{trip}");
    assert!(trip.contains("href=\"/emergency/hot/\">两级"), "{trip}");

    t.page(
        "articles/a.md",
        "title: 链接\ndate: 2026-10-02",
        "正文\n\n见[旧文](old.md)。\n",
    );
    let err = t.build_err();
    assert!(
        err.contains(
            "content/articles/a.md:7:7: broken internal link: old.md points at content/articles/old.md, which does not exist"
        ),
        "{err}"
    );
    assert!(err.contains("7 | 见[旧文](old.md)。"), "{err}");
}

/// A page written as `name.md` has no folder of its own: a file published
/// beside it, named relative to the Markdown file as Typora writes it
/// (`name.assets/x.svg`), is shown from where it is published, under the
/// site's path, a Chinese folder name included. An address that names no
/// file from the folder is left as written and read from the page's
/// address, as before (`../x.svg` for `content/articles/x.svg`).
#[test]
fn files_beside_a_page_of_its_own_are_shown_from_where_they_are_published() {
    let t = SiteTest::new();
    t.write(
        "site.yaml",
        &common::SITE_YAML.replace("https://kepu.example.org/", "https://kepu.example.org/kepu/"),
    );
    t.write("content/articles/a1.assets/image-1.svg", SVG);
    t.write("content/articles/files/指南.pdf", "%PDF-1.4");
    t.write("content/articles/x.svg", SVG);
    t.write("content/articles/科普/b1.assets/图.svg", SVG);
    t.write("content/articles/c#1.svg", SVG);
    t.page("articles/ok.md", "title: 好文章\ndate: 2026-10-01", "正文\n");
    t.page(
        "articles/a1.md",
        "title: 旁边的文件\ndate: 2026-10-02",
        concat!(
            "![图](a1.assets/image-1.svg)\n\n[指南](files/指南.pdf) [旧写法](../x.svg) [页](../ok/) [锚](#top)\n\n",
            "<img src=\"a1.assets/image-1.svg\" alt=\"缩小\" style=\"zoom:50%;\" />\n\n",
            "![井号](c%231.svg) ![反斜杠](a1.assets\\image-1.svg)\n",
        ),
    );
    t.page(
        "articles/科普/b1.md",
        "title: 中文文件夹\ndate: 2026-10-03",
        "![图](b1.assets/图.svg)\n",
    );
    t.build_ok();
    let html = t.read("articles/a1/index.html");
    for want in [
        "<img src=\"/kepu/articles/a1.assets/image-1.svg\" alt=\"图\"",
        "<img src=\"/kepu/articles/a1.assets/image-1.svg\" alt=\"缩小\"",
        "<img src=\"/kepu/articles/c%231.svg\" alt=\"井号\"",
        "<img src=\"/kepu/articles/a1.assets/image-1.svg\" alt=\"反斜杠\"",
        "href=\"/kepu/articles/files/%E6%8C%87%E5%8D%97.pdf\">指南",
        "href=\"../x.svg\">旧写法",
        "href=\"../ok/\">页",
        "href=\"#top\">锚",
    ] {
        assert!(html.contains(want), "{want}: {html}");
    }
    let b1 = t.read("articles/ke-pu/b1/index.html");
    assert!(
        b1.contains("<img src=\"/kepu/articles/%E7%A7%91%E6%99%AE/b1.assets/%E5%9B%BE.svg\""),
        "{b1}"
    );
    assert!(t.exists("articles/科普/b1.assets/图.svg"));
    t.page(
        "articles/a1.md",
        "title: 旁边的文件\ndate: 2026-10-02",
        "![图](a1.assets/image-2.svg)\n\n![大小写](a1.assets/Image-1.SVG)\n",
    );
    let err = t.build_err();
    // Named where the editor's program looks: beside the Markdown file.
    assert!(
        err.contains(
            "content/articles/a1.md:5:6: image a1.assets/image-2.svg not found: the site has no /kepu/articles/a1.assets/image-2.svg"
        ),
        "{err}"
    );
    assert!(
        err.contains("the closest is /kepu/articles/a1.assets/image-1.svg"),
        "{err}"
    );
    assert!(
        err.contains("did you mean /kepu/articles/a1.assets/image-1.svg? names are case-sensitive on the server"),
        "{err}"
    );
}

/// `#标题` without its space is plain text in Markdown: the page is built
/// as written, with a warning at the line that says how to make it a
/// heading; a topic tag (`#世界读书日#`) and an escaped `\#` are left alone.
#[test]
fn a_heading_without_its_space_is_a_warning() {
    let t = SiteTest::new();
    t.page(
        "articles/a.md",
        "title: 标题\ndate: 2026-10-02",
        "正文第一段。\n\n#防溺水要点\n\n#世界读书日# 活动\n\n\\#井号\n",
    );
    let zh = String::from_utf8_lossy(&t.kepu_in("", &["build", "--now", NOW]).stderr).to_string();
    assert!(
        zh.contains(
            "警告: content/articles/a.md:7:1: 这一行以 # 开头，但 # 后面没有空格：它会显示成普通文字，不是标题"
        ),
        "{zh}"
    );
    assert!(zh.contains("7 | #防溺水要点"), "{zh}");
    assert_eq!(zh.matches("# 后面没有空格").count(), 1, "{zh}");
    let en = t.build_ok();
    assert!(
        en.contains("help: for a heading, put a space after the #, as in '## Part'; to show the # itself, write \\#"),
        "{en}"
    );
    assert!(t.read("articles/a/index.html").contains("<p>#防溺水要点</p>"));
}

/// A picture copied from a 公众号 article points at WeChat's servers, which
/// show other sites a placeholder: a warning at the address, in Markdown
/// and in raw HTML, says to save the picture or import the article.
#[test]
fn a_picture_on_wechats_servers_is_a_warning() {
    let t = SiteTest::new();
    t.page(
        "articles/a.md",
        "title: 微信图\ndate: 2026-10-02",
        "![防汛](https://mmbiz.qpic.cn/mmbiz_jpg/AbC/640?wx_fmt=jpeg)\n\n<img alt=\"图\" src=\"https://mmbiz.qpic.cn/mmbiz_png/x/0\">\n\n![别处](https://example.org/a.jpg)\n",
    );
    let err = t.build_ok();
    for at in ["content/articles/a.md:5:7", "content/articles/a.md:7:19"] {
        assert!(
            err.contains(&format!(
                "warning: {at}: this picture is on WeChat's servers (mmbiz.qpic.cn): WeChat does not let other sites show it"
            )),
            "{at}: {err}"
        );
    }
    assert_eq!(err.matches("WeChat's servers").count(), 2, "{err}");
    assert!(err.contains("kepu import wechat"), "{err}");
}

/// Notepad saves `防溺水.md` as `防溺水.md.txt` when "text documents" is
/// chosen: the file is neither a page nor published (it may be a draft),
/// and a warning names the file to rename it to.
#[test]
fn a_markdown_file_saved_with_another_ending_is_named() {
    let t = SiteTest::new();
    t.page("articles/ok.md", "title: 好文章\ndate: 2026-10-01", "正文\n");
    t.write(
        "content/articles/防溺水.md.txt",
        "---\ntitle: 防溺水\ndraft: true\n---\n草稿\n",
    );
    t.write("content/articles/大写.MD", "---\ntitle: 大写\n---\n正文\n");
    let err = t.build_ok();
    assert!(
        err.contains("warning: content/articles/防溺水.md.txt: 防溺水.md.txt does not end in .md: kepu neither reads it as a page nor publishes it"),
        "{err}"
    );
    assert!(err.contains("help: rename it to 防溺水.md"), "{err}");
    assert!(err.contains("rename it to 大写.md"), "{err}");
    assert!(!t.exists("articles/防溺水.md.txt") && !t.exists("articles/大写.MD"));
    assert!(t.exists("articles/ok/index.html"));
}

#[test]
fn a_site_under_a_path_wants_its_path_in_site_relative_addresses() {
    let t = SiteTest::new();
    t.write(
        "site.yaml",
        &common::SITE_YAML.replace("https://kepu.example.org/", "https://kepu.example.org/kepu/"),
    );
    t.page("articles/ok.md", "title: 好文章\ndate: 2026-10-01", "正文\n");
    t.page(
        "articles/fine.md",
        "title: 对的\ndate: 2026-10-02",
        "[好](/kepu/articles/ok/) [相对](../ok/)\n",
    );
    t.build_ok();
    t.page(
        "articles/wrong.md",
        "title: 错的\ndate: 2026-10-03",
        "[好](/articles/ok/)\n",
    );
    let zh = String::from_utf8_lossy(&t.kepu_in("", &["build", "--now", NOW]).stderr).to_string();
    assert!(
        zh.contains("错误: content/articles/wrong.md:5:5: /articles/ok/ 在网站之外：网站发布在 /kepu/ 之下"),
        "{zh}"
    );
    assert!(zh.contains("写成 /kepu/articles/ok/"), "{zh}");
    let en = t.build_err();
    assert!(
        en.contains(
            "error: content/articles/wrong.md:5:5: /articles/ok/ is outside the site, which is published under /kepu/"
        ),
        "{en}"
    );
    assert!(en.contains("write /kepu/articles/ok/"), "{en}");
}

#[test]
fn a_draft_is_marked_wherever_it_is_shown_and_never_published_by_a_build() {
    let t = SiteTest::with_real_theme();
    t.page("articles/ok.md", "title: 好文章\ndate: 2026-10-01", "正文\n");
    t.page(
        "articles/wip.md",
        "title: 写了一半\ndate: 2026-10-05\ndraft: true",
        "未完成\n",
    );
    let err = t.build_ok();
    assert!(err.contains("1 draft(s) left out"), "{err}");
    assert!(!t.exists("articles/wip/index.html"));
    for page in ["index.html", "articles/index.html", "articles/ok/index.html"] {
        let html = t.read(page);
        assert!(
            !html.contains("草稿") && !html.contains("draft-mark") && !html.contains("写了一半"),
            "{page}"
        );
    }
    let out = t.kepu(&["build", "--drafts", "--now", NOW]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let draft = t.read("articles/wip/index.html");
    assert!(
        draft.contains("<span class=\"draft-mark\">草稿</span>这一页是草稿（draft: true）"),
        "{draft}"
    );
    for page in ["index.html", "articles/index.html"] {
        let html = t.read(page);
        assert!(
            html.contains("写了一半</a><span class=\"draft-mark\">草稿</span>"),
            "{page} marks the draft in its list: {html}"
        );
        assert_eq!(html.matches("draft-mark").count(), 1, "{page}: only the draft");
    }
    assert!(!t.read("articles/ok/index.html").contains("draft-mark"));
}

/// A site with sections, terms, a column entry, a board and a station.
fn full_site() -> SiteTest {
    let t = SiteTest::with_real_theme();
    t.page("articles/_index.md", "title: 科普资讯", "");
    t.page(
        "articles/a.md",
        "title: 防溺水\ndate: 2026-11-01\ntags: [安全, 暑期]\ncategories: [科普]",
        "正文\n",
    );
    t.page("articles/b.md", "title: 防火\ndate: 2026-11-02\ntags: [安全]", "正文\n");
    t.page("about.md", "title: 关于本站", "介绍\n");
    t.page(
        "columns/c.md",
        "title: 第一期\ndate: 2026-11-24\nmedium: radio\noutlet: 永川广播电台",
        "广播稿\n",
    );
    t.page(
        "boards/g.md",
        "title: 广场画廊\nboard_kind: gallery\nplace: plaza\ntown: xianlong\ncommunity: 仙龙村\nshowing: [{ page: \"@/articles/a.md\", from: 2026-11-10 }]",
        "画廊\n",
    );
    t.page(
        "stations/s.md",
        "title: 仙龙村科普站\ntown: xianlong\ncommunity: 仙龙村\nstation_kind: station\nstaff: [{ name: 张三, role: 站长 }]\nboards: [g]",
        "站点\n",
    );
    t
}

/// The number after `word` in `log` (`Built 42 pages`).
fn count_after(log: &str, word: &str) -> usize {
    let rest = &log[log.find(word).unwrap_or_else(|| panic!("no '{word}' in {log}")) + word.len()..];
    rest.split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count after '{word}' in {log}"))
}

#[test]
fn build_check_and_serve_count_the_same_pages() {
    let t = full_site();
    let built = t.build_ok();
    let checked = String::from_utf8_lossy(&t.kepu(&["check", "--now", NOW]).stderr).to_string();
    let server = Server::start(t.path(), &["--lang", "en"]);
    let served = server.log();
    let n = count_after(&built, "Built ");
    assert_eq!(count_after(&checked, "Checked "), n, "{checked}");
    assert_eq!(count_after(&served, "Built "), n, "{served}");
    // The HTML pages of the site: not the redirects, the copied files or the search page.
    let html = walkdir::WalkDir::new(t.path().join("public"))
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count();
    assert!(n > 15 && n < html, "{n} of {html}");
}

#[test]
fn serve_shows_drafts_marked_and_posters_marked_as_a_preview() {
    let t = full_site();
    t.page(
        "articles/wip.md",
        "title: 写了一半\ndate: 2026-11-05\ndraft: true",
        "未完成\n",
    );
    t.build_ok();
    let poster = t.read("boards/g/poster/index.html");
    assert!(
        !poster.contains("预览") && !poster.contains("poster-preview"),
        "a built poster is for print: {poster}"
    );
    let server = Server::start(t.path(), &[]);
    let draft = server.text("/articles/wip/");
    assert!(draft.contains("<span class=\"draft-mark\">草稿</span>"), "{draft}");
    assert!(
        server
            .text("/articles/")
            .contains("写了一半</a><span class=\"draft-mark\">草稿</span>")
    );
    let poster = server.text("/boards/g/poster/");
    assert!(
        poster.contains("<strong class=\"poster-preview__mark\">预览</strong>"),
        "{poster}"
    );
    assert!(poster.contains(&format!("二维码指向预览地址（http://127.0.0.1:{}）", server.port)));
    // A build whose base_url is this computer makes the same mark.
    let out = t.kepu(&["build", "--now", NOW, "--base-url", "http://localhost:8000/"]);
    assert!(out.status.success());
    assert!(t.read("boards/g/poster/index.html").contains("poster-preview__mark"));
    // A draft shown on a board is marked on its poster too.
    t.page(
        "boards/g.md",
        "title: 广场画廊\nboard_kind: gallery\nplace: plaza\ntown: xianlong\ncommunity: 仙龙村\nshowing: [{ page: \"@/articles/wip.md\", from: 2026-11-10 }]",
        "画廊\n",
    );
    let out = t.kepu(&["build", "--drafts", "--now", NOW]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        t.read("boards/g/poster/index.html")
            .contains("写了一半<span class=\"draft-mark\">草稿</span>"),
        "the poster marks the draft"
    );
}

#[test]
fn weeks_read_as_readers_count_them() {
    let t = SiteTest::with_real_theme();
    t.write(
        "site.yaml",
        &format!(
            "{}columns: {{ since: 2026-11-09, min_per_week: 1 }}\n",
            common::SITE_YAML
        ),
    );
    for (slug, date) in [("c1", "2025-12-30"), ("c2", "2026-11-09"), ("c3", "2026-11-24")] {
        t.page(
            &format!("columns/{slug}.md"),
            &format!("title: 栏目{slug}\ndate: {date}\nmedium: radio\noutlet: 永川广播电台"),
            "广播稿\n",
        );
    }
    let now = "2026-11-27T10:00:00+08:00";
    let out = t.kepu(&["build", "--now", now]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let week = t.read("columns/2026/w48/index.html");
    assert!(
        week.contains("<h1 class=\"page-title\">2026 年第48周（11月23日—29日）</h1>"),
        "{week}"
    );
    assert!(
        week.contains("<title>科普栏目 2026 年第48周（11月23日—29日）"),
        "{week}"
    );
    assert!(
        t.read("columns/2026/w01/index.html")
            .contains("2026 年第1周（12月29日—1月4日）")
    );
    let entry = t.read("columns/c3/index.html");
    assert!(
        entry.contains("href=\"/columns/2026/w48/\">2026 年第48周（11月23日—29日）</a>"),
        "{entry}"
    );
    let list = t.read("columns/index.html");
    assert!(
        list.contains("2026 年第46周（11月9日—15日）") && !list.contains("年第 "),
        "{list}"
    );
    // Data keep the ISO week.
    assert!(t.read("dashboard.json").contains("\"label\": \"2026-W47\""));
    // The lint names the week that fell short, in both languages.
    let zh = String::from_utf8_lossy(&t.kepu_in("", &["check", "--now", now]).stderr).to_string();
    assert!(
        zh.contains("第47周（11月16日—22日）只刊播了 0 期科普栏目，应至少 1 期"),
        "{zh}"
    );
    let en = String::from_utf8_lossy(&t.kepu(&["check", "--now", now]).stderr).to_string();
    assert!(en.contains("week 47 (16–22 Nov): 0 of 1 column entries"), "{en}");
    assert!(!en.contains("2026-W47") && !zh.contains("2026-W47"), "{en}");
}

#[test]
fn serve_names_a_missing_picture_and_a_dead_link_after_an_edit() {
    let t = full_site();
    let s = Server::start(t.path(), &[]);
    let mut live = s.live();
    let fm = "title: 防溺水\ndate: 2026-11-01\ntags: [安全, 暑期]\ncategories: [科普]";
    t.page(
        "articles/a.md",
        fm,
        "正文\n\n![图](missing.jpg) [旧文](/articles/bb/)\n",
    );
    assert!(
        live.wait("reload", std::time::Duration::from_secs(60)).is_some(),
        "{}",
        s.log()
    );
    let page = s.text("/articles/a/");
    assert!(page.contains("kepu-overlay"), "{page}");
    assert!(page.contains("content/articles/a.md:9:6"), "the picture: {page}");
    assert!(page.contains("missing.jpg"), "{page}");
    assert!(page.contains("content/articles/a.md:9:24"), "the link: {page}");
    assert!(page.contains("/articles/b/"), "the closest page: {page}");
    t.page("articles/a.md", fm, "正文\n\n[好](/articles/b/)\n");
    assert!(live.wait("reload", std::time::Duration::from_secs(60)).is_some());
    assert!(!s.text("/articles/a/").contains("kepu-overlay"));
}
