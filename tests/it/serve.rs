//! `kepu serve`: the real binary on a free port over a temporary site,
//! talked to over HTTP on 127.0.0.1 only.

use crate::support::common;
use crate::support::images_support;
use crate::support::serve_support;

use std::time::Duration;

use common::SiteTest;
use serve_support::{Server, assert_same_as_build, request};

const WAIT: Duration = Duration::from_secs(30);

fn site() -> SiteTest {
    let t = SiteTest::new();
    t.page("_index.md", "title: 首页", "");
    t.page("articles/_index.md", "title: 科普资讯", "");
    t.page(
        "articles/heat.md",
        "title: 防暑\ndate: 2026-10-01\ntags: [安全]",
        "中暑了怎么办？\n\n## 急救\n\n先降温。\n",
    );
    t.page(
        "articles/flood.md",
        "title: 防汛\ndate: 2026-10-05\ntags: [安全, 汛期]",
        "汛期注意。见[防暑](@/articles/heat.md#ji-jiu)。\n",
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
    t.write("static/css/a.css", "body { color: #111; }\n");
    t.write("static/img/dot.gif", "GIF89a");
    t
}

#[test]
fn serves_pages_with_types_redirects_and_the_404_page() {
    let t = site();
    let s = Server::start(t.path(), &[]);
    let home = s.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(home.header("content-type"), Some("text/html; charset=utf-8"));
    let html = home.text();
    assert!(html.contains("<h1>home</h1>"), "{html}");
    assert!(html.contains("data-kepu-live"), "live-reload script injected");
    let script = html.find("data-kepu-live").unwrap_or(0);
    assert!(script < html.rfind("</body>").unwrap_or(0), "script before </body>");
    assert!(html.contains(&format!("http://127.0.0.1:{}/", s.port)) || html.contains("href=\"/"));
    for (path, ty) in [
        ("/css/a.css", "text/css; charset=utf-8"),
        ("/img/dot.gif", "image/gif"),
        ("/articles/aed/sign.svg", "image/svg+xml"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
        ("/atom.xml", "application/xml; charset=utf-8"),
        ("/dashboard.json", "application/json"),
        ("/robots.txt", "text/plain; charset=utf-8"),
    ] {
        let r = s.get(path);
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("content-type"), Some(ty), "{path}");
    }
    let sitemap = s.text("/sitemap.xml");
    assert!(
        sitemap.contains(&format!("<loc>http://127.0.0.1:{}/articles/heat/</loc>", s.port)),
        "base URL is the server's own: {sitemap}"
    );
    let r = s.get("/articles");
    assert_eq!(r.status, 301);
    assert_eq!(r.header("location"), Some("/articles/"));
    let r = s.get("/articles/heat?x=1");
    assert_eq!(r.header("location"), Some("/articles/heat/?x=1"));
    let r = s.get("/no/such/page/");
    assert_eq!(r.status, 404);
    assert!(r.text().contains("<h1>404</h1>"), "the site's own 404 page");
    assert_eq!(request(s.port, "HEAD /css/a.css HTTP/1.1").status, 200);
    assert_eq!(request(s.port, "POST / HTTP/1.1").status, 405);
    assert!(!t.path().join("public").exists(), "serve writes no output folder");
}

#[test]
fn an_edit_reloads_the_browser_and_the_page() {
    let t = site();
    let s = Server::start(t.path(), &[]);
    let mut live = s.live();
    t.page(
        "articles/heat.md",
        "title: 防暑\ndate: 2026-10-01\ntags: [安全]",
        "中暑了怎么办？\n\n## 急救\n\n先降温，再补水。\n",
    );
    assert!(live.wait("reload", WAIT).is_some(), "no reload event:\n{}", s.log());
    assert!(s.text("/articles/heat/").contains("再补水"));
    let log = s.log();
    assert!(
        log.lines()
            .any(|l| l.starts_with("Rebuilt ") && l.contains(" ms (articles/heat.md)")),
        "{log}"
    );
    // A new page appears in its list, and a rename moves it.
    t.page("articles/cold.md", "title: 防寒\ndate: 2026-11-10", "保暖。\n");
    assert!(live.wait("reload", WAIT).is_some());
    assert!(s.text("/articles/").contains("防寒"));
    std::fs::rename(
        t.path().join("content/articles/cold.md"),
        t.path().join("content/articles/winter.md"),
    )
    .unwrap();
    assert!(live.wait("reload", WAIT).is_some());
    assert_eq!(s.get("/articles/winter/").status, 200);
    assert_eq!(s.get("/articles/cold/").status, 404);
    std::thread::sleep(Duration::from_millis(200));
    assert_same_as_build(t.path(), &s);
}

/// Relative addresses read from the file's folder stay as a fresh build
/// makes them: a link to a Markdown file follows its page when the page
/// moves, and a picture beside a page of its own is shown from the folder
/// once a file is published there.
#[test]
fn relative_addresses_follow_pages_and_files_as_they_change() {
    let t = site();
    // Until a file lies beside the Markdown file, the address is read from
    // the page's own address, where a static file answers it.
    t.write(
        "static/articles/tips/tips.assets/dot.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    t.page(
        "articles/tips.md",
        "title: 小贴士\ndate: 2026-10-06",
        "见[防暑](heat.md#ji-jiu)。\n\n![点](tips.assets/dot.svg)\n",
    );
    let s = Server::start(t.path(), &[]);
    let mut live = s.live();
    let page = s.text("/articles/tips/");
    assert!(page.contains("href=\"/articles/heat/#ji-jiu\""), "{page}");
    assert!(page.contains("src=\"tips.assets/dot.svg\""), "{page}");
    t.page(
        "articles/heat.md",
        "title: 防暑\ndate: 2026-10-01\ntags: [安全]\nslug: fang-shu",
        "中暑了怎么办？\n\n## 急救\n\n先降温。\n",
    );
    assert!(live.wait("reload", WAIT).is_some(), "{}", s.log());
    let page = s.text("/articles/tips/");
    assert!(page.contains("href=\"/articles/fang-shu/#ji-jiu\""), "{page}");
    t.write(
        "content/articles/tips.assets/dot.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    assert!(live.wait("reload", WAIT).is_some(), "{}", s.log());
    let page = s.text("/articles/tips/");
    assert!(
        page.contains("src=\"/articles/tips.assets/dot.svg\""),
        "{page}\n{}",
        s.log()
    );
    std::thread::sleep(Duration::from_millis(200));
    assert_same_as_build(t.path(), &s);
}

/// A warning about the file an edit read (a heading without its space)
/// is shown in the terminal with that rebuild, not only at the next start.
#[test]
fn an_edits_warnings_are_shown_with_its_rebuild() {
    let t = site();
    let s = Server::start(t.path(), &[]);
    let mut live = s.live();
    t.page(
        "articles/heat.md",
        "title: 防暑\ndate: 2026-10-01\ntags: [安全]",
        "正文。\n\n## 急救\n\n#急救要点\n",
    );
    assert!(live.wait("reload", WAIT).is_some(), "{}", s.log());
    assert!(
        s.wait_log(
            "content/articles/heat.md:10:1: this line starts with # but has no space after it",
            1,
            WAIT
        ),
        "{}",
        s.log()
    );
}

#[test]
fn a_stylesheet_edit_reloads_stylesheets_only() {
    let t = site();
    let s = Server::start(t.path(), &[]);
    let mut live = s.live();
    t.write("static/css/a.css", "body { color: #222; }\n");
    assert!(live.wait("css", WAIT).is_some(), "no css event:\n{}", s.log());
    assert_eq!(s.text("/css/a.css"), "body { color: #222; }\n");
}

#[test]
fn a_broken_edit_shows_an_overlay_over_the_last_good_site_until_fixed() {
    let t = site();
    let s = Server::start(t.path(), &[]);
    let mut live = s.live();
    // Broken YAML: file and line in the overlay, the old page still served.
    t.write(
        "content/articles/heat.md",
        "---\ntitle: 防暑\ntags: [安全\n---\n新的正文\n",
    );
    assert!(live.wait("reload", WAIT).is_some(), "{}", s.log());
    let page = s.text("/articles/heat/");
    assert!(page.contains("kepu-overlay"), "{page}");
    assert!(page.contains("content/articles/heat.md:4:1"), "{page}");
    assert!(page.contains("did not find expected"), "{page}");
    assert!(page.contains("中暑了怎么办"), "the last good page is served: {page}");
    assert!(!page.contains("新的正文"));
    assert!(s.text("/").contains("kepu-overlay"), "every page carries the overlay");
    assert!(s.log().contains("Rebuild failed"), "{}", s.log());
    // Fixed: the overlay goes, the new page is served.
    t.page(
        "articles/heat.md",
        "title: 防暑\ndate: 2026-10-01\ntags: [安全]",
        "新的正文\n\n## 急救\n",
    );
    assert!(live.wait("reload", WAIT).is_some());
    let page = s.text("/articles/heat/");
    assert!(!page.contains("kepu-overlay"), "{page}");
    assert!(page.contains("新的正文"));
    // A broken internal link in a body edit: file, line, message.
    t.page(
        "about.md",
        "title: 关于我们",
        "我们是科协。\n\n见[无](@/articles/none.md)。\n",
    );
    assert!(live.wait("reload", WAIT).is_some());
    let page = s.text("/about/");
    assert!(page.contains("content/about.md:6"), "{page}");
    assert!(page.contains("我们是科协"), "{page}");
    t.page("about.md", "title: 关于我们", "我们是科协。\n");
    assert!(live.wait("reload", WAIT).is_some());
    assert!(!s.text("/about/").contains("kepu-overlay"));
    // A template error names the template file and line.
    t.write(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}{% block main %}\n{% if page.title %}{% endblock main %}",
    );
    assert!(live.wait("reload", WAIT).is_some());
    let page = s.text("/about/");
    assert!(page.contains("themes/default/templates/page.html:2"), "{page}");
    t.write(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<h1>{{ page.title }}!</h1>{{ page.content | safe }}{% endblock main %}",
    );
    assert!(live.wait("reload", WAIT).is_some());
    let page = s.text("/about/");
    assert!(
        page.contains("<h1>关于我们!</h1>") && !page.contains("kepu-overlay"),
        "{page}"
    );
    std::thread::sleep(Duration::from_millis(200));
    assert_same_as_build(t.path(), &s);
}

#[test]
fn nothing_outside_the_site_is_served() {
    let t = site();
    let s = Server::start(t.path(), &[]);
    let long = format!("/{}", "a/".repeat(3000));
    for path in [
        "/../site.yaml",
        "/articles/../../site.yaml",
        "/%2e%2e/site.yaml",
        "/%2E%2E%2Fsite.yaml",
        "/%252e%252e/site.yaml",
        "/..%5csite.yaml",
        "/..\\site.yaml",
        "/css/a.css%00.html",
        "/site.yaml",
        "/content/articles/heat.md",
        "//etc/passwd",
        "/.kepu-output",
        "/%2fetc%2fpasswd",
        long.as_str(),
    ] {
        let r = request(s.port, &format!("GET {path} HTTP/1.1"));
        assert!(
            r.status == 400 || r.status == 404 || r.status == 414 || r.status == 431,
            "{path}: {}",
            r.status
        );
        assert!(!r.text().contains("title: 测试站"), "{path} leaked site.yaml");
        assert!(!r.text().contains("root:"), "{path} leaked a system file");
    }
}

#[cfg(unix)]
#[test]
fn a_copied_file_turned_into_a_link_out_of_the_site_is_not_served() {
    let t = site();
    let s = Server::start(t.path(), &[]);
    assert_eq!(s.get("/css/a.css").status, 200);
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "SECRET").unwrap();
    let css = t.path().join("static/css/a.css");
    std::fs::remove_file(&css).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.txt"), &css).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let r = s.get("/css/a.css");
    assert_eq!(r.status, 404);
    assert!(!r.text().contains("SECRET"));
}

#[test]
fn a_taken_port_is_said_and_the_next_free_one_taken() {
    let t = site();
    let held = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = held.local_addr().unwrap().port().to_string();
    let s = Server::start_raw(t.path(), &["serve", "--port", &port, "--now", common::NOW]);
    assert_ne!(s.port.to_string(), port);
    assert!(s.log().contains(&format!("Port {port} is taken")), "{}", s.log());
    assert_eq!(s.get("/").status, 200);
}

#[test]
fn ctrl_c_stops_cleanly_and_leaves_the_output_folder_alone() {
    let t = site();
    t.build_ok();
    let before = common::snapshot(&t.path().join("public"));
    let s = Server::start(t.path(), &[]);
    let _live = s.live();
    t.page(
        "articles/heat.md",
        "title: 防暑\ndate: 2026-10-01",
        "改了。\n\n## 急救\n",
    );
    assert!(s.wait_log("Rebuilt ", 1, WAIT), "{}", s.log());
    let (status, log) = s.interrupt();
    assert!(status.success(), "{status}: {log}");
    assert!(log.contains("Stopped."), "{log}");
    assert_eq!(
        before,
        common::snapshot(&t.path().join("public")),
        "public/ was touched"
    );
}

#[test]
fn a_base_url_with_a_path_serves_the_site_under_it() {
    let t = site();
    let s = Server::start(t.path(), &["--base-url", "http://127.0.0.1:1/sub/"]);
    assert!(
        s.log()
            .contains(&format!("Serving at http://127.0.0.1:{}/sub/", s.port)),
        "{}",
        s.log()
    );
    assert!(s.text("/sub/").contains("<h1>home</h1>"));
    assert_eq!(s.get("/sub").status, 301);
    assert_eq!(s.get("/articles/").status, 404);
    assert_eq!(s.text("/sub/css/a.css"), "body { color: #111; }\n");
}

/// The first page of a section folder, by file name.
fn first_page(dir: &std::path::Path) -> std::path::PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("_index.md"))
        .min()
        .unwrap_or_else(|| panic!("no page in {}", dir.display()))
}

#[test]
fn the_example_site_with_the_real_theme_stays_equal_to_a_fresh_build() {
    let t = example_site();
    let s = Server::start(t.path(), &[]);
    let mut live = s.live();
    let first = first_page(&t.path().join("content/articles"));
    let text = std::fs::read_to_string(&first).unwrap();
    // A body edit at the top (the summary changes), then at the end.
    let (fm, body) = text.rsplit_once("\n---\n").unwrap();
    std::fs::write(&first, format!("{fm}\n---\n新的开头。\n\n{body}")).unwrap();
    assert!(live.wait("reload", WAIT).is_some(), "{}", s.log());
    std::fs::write(&first, format!("{fm}\n---\n新的开头。\n\n{body}\n结尾一句。\n")).unwrap();
    assert!(live.wait("reload", WAIT).is_some(), "{}", s.log());
    assert_same_as_build(t.path(), &s);
    // A title change, then a new article with a tag.
    std::fs::write(
        &first,
        format!("{}\n---\n{body}", fm.replacen("title:", "title: 新", 1)),
    )
    .unwrap();
    assert!(live.wait("reload", WAIT).is_some(), "{}", s.log());
    t.page(
        "articles/zz-new.md",
        "title: 新文章\ndate: 2026-11-19\ntags: [新标签]",
        "新的文章。\n",
    );
    assert!(live.wait("reload", WAIT).is_some(), "{}", s.log());
    std::thread::sleep(Duration::from_millis(200));
    assert_same_as_build(t.path(), &s);
}

/// An article's date counts in the summary of its year alone: moved to
/// another year, both years' summaries change (the other years are kept
/// as they were, which debug builds check against working them all out),
/// and a station dated, which counts in every later year, redoes them all.
#[test]
fn year_summaries_follow_an_article_across_years_and_a_station_everywhere() {
    let t = example_site();
    let s = Server::start(t.path(), &[]);
    let mut live = s.live();
    let articles = |year: &str| -> Option<u64> {
        let r = s.get(&format!("/report/{year}/report.json"));
        let json: serde_json::Value = serde_json::from_str(&r.text()).ok().filter(|_| r.status == 200)?;
        json["articles"]["total"].as_u64()
    };
    let before = articles("2026").expect("a summary of 2026");
    assert_eq!(articles("2025"), None);
    t.page("articles/zz-2025.md", "title: 去年的文章\ndate: 2025-06-01", "正文。\n");
    assert!(live.wait("reload", WAIT).is_some(), "{}", s.log());
    assert_eq!((articles("2025"), articles("2026")), (Some(1), Some(before)));
    let mut edit = |rel: &str, from: &str, to: &str| {
        let file = t.path().join("content").join(rel);
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains(from), "{rel}: {text}");
        std::fs::write(&file, text.replacen(from, to, 1)).unwrap();
        assert!(live.wait("reload", WAIT).is_some(), "{}", s.log());
    };
    edit("articles/zz-2025.md", "date: 2025-06-01", "date: 2026-06-01");
    assert_eq!((articles("2025"), articles("2026")), (None, Some(before + 1)));
    edit("articles/zz-2025.md", "date: 2026-06-01", "date: 2025-07-01");
    assert_eq!((articles("2025"), articles("2026")), (Some(1), Some(before)));
    assert_same_as_build(t.path(), &s);
    let station = first_page(&t.path().join("content/stations"));
    let text = std::fs::read_to_string(&station).unwrap();
    std::fs::write(&station, text.replacen("---\n", "---\ndate: 2026-06-01\n", 1)).unwrap();
    assert!(live.wait("reload", WAIT).is_some(), "{}", s.log());
    assert_same_as_build(t.path(), &s);
}

#[test]
fn configuration_templates_data_and_static_files_stay_equal_to_a_fresh_build() {
    let t = site();
    let s = Server::start(t.path(), &[]);
    let mut live = s.live();
    let mut step = |what: &str, f: &dyn Fn()| {
        f();
        assert!(
            live.wait("reload", WAIT).is_some(),
            "no reload after {what}:\n{}",
            s.log()
        );
        std::thread::sleep(Duration::from_millis(150));
        while live.next(Duration::from_millis(100)).is_some() {}
    };
    // A static file where a generated one would be: the site's own wins.
    step("static robots.txt", &|| {
        t.write("static/robots.txt", "User-agent: *\nDisallow: /\n");
    });
    assert_eq!(s.text("/robots.txt"), "User-agent: *\nDisallow: /\n");
    step("a new image", &|| {
        t.write("static/img/new.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    });
    assert_same_as_build(t.path(), &s);
    step("robots.txt removed", &|| {
        std::fs::remove_file(t.path().join("static/robots.txt")).unwrap();
    });
    assert!(s.text("/robots.txt").contains("Sitemap:"));
    step("a base template", &|| {
        let base = std::fs::read_to_string(t.path().join("themes/default/templates/base.html")).unwrap();
        t.write(
            "themes/default/templates/base.html",
            &base.replace("<body>", "<body><header>站头</header>"),
        );
    });
    assert!(s.text("/articles/heat/").contains("<header>站头</header>"));
    step("site.yaml", &|| {
        t.write("site.yaml", &common::SITE_YAML.replace("测试站", "新站名"));
    });
    assert!(s.text("/").contains("<title>新站名</title>"));
    step("a data file", &|| {
        t.write("data/extra.yaml", "a: 1\n");
    });
    assert_same_as_build(t.path(), &s);
}

/// DNS rebinding: a name of another site pointed at 127.0.0.1 gets 403;
/// loopback names and addresses are answered.
#[test]
fn a_foreign_host_header_is_refused() {
    let t = site();
    let s = Server::start(t.path(), &[]);
    let port = s.port;
    for path in ["/", "/articles/heat/", "/__kepu/files", "/__kepu/live", "/css/a.css"] {
        for host in [
            "evil.example",
            &format!("evil.example:{port}"),
            "127.0.0.1.evil.example",
            "kepu.example.org",
        ] {
            let r = serve_support::request_for(port, &format!("GET {path} HTTP/1.1"), host);
            assert_eq!(r.status, 403, "{path} for {host}");
            assert!(!r.text().contains("防暑"), "{path} for {host}");
        }
    }
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        "localhost".to_string(),
    ] {
        let r = serve_support::request_for(port, "GET /articles/heat/ HTTP/1.1", &host);
        assert_eq!(r.status, 200, "{host}");
    }
}

/// A copied file swapped between itself and a link out of the site while
/// requests come in: never a byte of the outside file.
#[cfg(unix)]
#[test]
fn a_link_swapped_in_and_out_never_serves_the_outside_file() {
    let t = site();
    let s = Server::start(t.path(), &[]);
    assert_eq!(s.get("/css/a.css").status, 200);
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, "SECRET-OUTSIDE").unwrap();
    let css = t.path().join("static/css/a.css");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let swapper = {
        let (css, secret, stop) = (css.clone(), secret.clone(), stop.clone());
        let tmp = css.with_extension("tmp");
        std::thread::spawn(move || {
            let mut swaps = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let _ = std::fs::remove_file(&tmp);
                if swaps % 2 == 0 {
                    std::os::unix::fs::symlink(&secret, &tmp).unwrap();
                } else {
                    std::fs::write(&tmp, "body { color: #111; }\n").unwrap();
                }
                std::fs::rename(&tmp, &css).unwrap();
                swaps += 1;
            }
            swaps
        })
    };
    let start = std::time::Instant::now();
    let (mut requests, mut leaked) = (0, 0);
    while start.elapsed() < Duration::from_secs(4) {
        let r = s.get("/css/a.css");
        requests += 1;
        if r.text().contains("SECRET-OUTSIDE") {
            leaked += 1;
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let swaps = swapper.join().unwrap();
    eprintln!("{requests} requests, {swaps} swaps");
    assert!(requests > 50 && swaps > 50, "{requests} requests, {swaps} swaps");
    assert_eq!(leaked, 0, "{leaked} of {requests} responses held the outside file");
}

/// The preview speaks the site's language (Chinese here) unless told
/// otherwise: its terminal lines, the overlay over a broken edit, the
/// page of a site that never built and the answer to a foreign host.
#[test]
fn the_preview_speaks_the_sites_language() {
    for (lang, serving, heading, failed, forbidden, bare) in [
        (
            "",
            "预览地址：http://127.0.0.1:",
            "kepu：1 个错误；这是上一次生成成功的页面",
            "重新生成失败（articles/heat.md）",
            "禁止访问：这个预览只接受 localhost",
            "网站还没有生成成功",
        ),
        (
            "en",
            "Serving at http://127.0.0.1:",
            "kepu: 1 error(s); this page is the last good build",
            "Rebuild failed (articles/heat.md)",
            "forbidden: this preview answers only localhost",
            "The site has not built yet",
        ),
    ] {
        let t = site();
        let all = ["serve", "--port", "0", "--now", common::NOW];
        let s = Server::start_in(lang, t.path(), &all);
        assert!(s.log().contains(serving), "{lang:?}: {}", s.log());
        let mut live = s.live();
        t.write(
            "content/articles/heat.md",
            "---\ntitle: 防暑\ntags: [安全\n---\n新的正文\n",
        );
        assert!(live.wait("reload", WAIT).is_some(), "{}", s.log());
        let page = s.text("/articles/heat/");
        assert!(page.contains(heading), "{lang:?}: {page}");
        assert!(s.wait_log(failed, 1, WAIT), "{lang:?}: {}", s.log());
        let r = serve_support::request_for(s.port, "GET / HTTP/1.1", "evil.example");
        assert_eq!(r.status, 403);
        assert!(r.text().contains(forbidden), "{lang:?}: {}", r.text());
        drop(s);

        // A site whose first build fails: the server's own page says why.
        let broken = site();
        broken.write("content/about.md", "---\ntitle: [\n---\n");
        let s = Server::start_in(lang, broken.path(), &all);
        let r = s.get("/");
        assert_eq!(r.status, 500, "{}", r.text());
        assert!(r.text().contains(bare), "{lang:?}: {}", r.text());
    }
}

/// Polls `path` until its text holds `needle` (bounded by [`WAIT`]).
fn wait_text(s: &Server, path: &str, needle: &str) -> String {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let text = s.text(path);
        if text.contains(needle) || std::time::Instant::now() > deadline {
            return text;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn an_image_added_while_serving_shows_at_once_then_as_renditions_once_made() {
    let t = site();
    t.page("articles/trip/index.md", "title: 仙龙村\ndate: 2026-10-20", "出发。\n");
    let s = Server::start(t.path(), &[]);
    let wait = Duration::from_secs(120);
    // A photo dropped into the bundle, then the page that shows it.
    t.write_bytes("content/articles/trip/photo.jpg", &images_support::jpeg(3000, 2000));
    t.page(
        "articles/trip/index.md",
        "title: 仙龙村\ndate: 2026-10-20",
        "出发。\n\n![村口的科普栏](photo.jpg)\n",
    );
    let early = wait_text(&s, "/articles/trip/", "村口的科普栏");
    assert!(early.contains("村口的科普栏"), "{early}\n{}", s.log());
    let mut live = s.live();
    if !early.contains("photo-480") {
        // Not made yet: the page shows the original, which is served.
        assert!(early.contains("<img src=\"photo.jpg\""), "{early}");
        let r = s.get("/articles/trip/photo.jpg");
        assert_eq!((r.status, r.header("content-type")), (200, Some("image/jpeg")));
        assert!(live.wait("reload", wait).is_some(), "{}", s.log());
    }
    assert!(s.wait_log("Made 1 images", 1, wait), "{}", s.log());
    let html = wait_text(&s, "/articles/trip/", "photo-480");
    assert!(
        html.contains("<picture><source type=\"image/webp\" srcset=\"/articles/trip/photo-480.webp 480w"),
        "{html}"
    );
    assert!(html.contains("width=\"800\" height=\"533\""), "{html}");
    let r = s.get("/articles/trip/photo-480.webp");
    assert_eq!((r.status, r.header("content-type")), (200, Some("image/webp")));
    assert!(!s.log().contains("Rebuild failed"), "{}", s.log());

    // The photo replaced by a portrait one: made again, shown as it is now.
    t.write_bytes("content/articles/trip/photo.jpg", &images_support::jpeg(1000, 1500));
    assert!(s.wait_log("Made 1 images", 2, wait), "{}", s.log());
    let html = wait_text(&s, "/articles/trip/", "height=\"1200\"");
    assert!(html.contains("width=\"800\" height=\"1200\""), "{html}");
}

/// A copy of the example site (the repository's content, data, themes and
/// site.yaml) in a temporary folder.
fn example_site() -> SiteTest {
    let t = SiteTest {
        dir: tempfile::tempdir().unwrap(),
    };
    for dir in ["content", "data", "themes"] {
        common::copy_dir(&common::repo().join(dir), &t.path().join(dir));
    }
    std::fs::copy(common::repo().join("site.yaml"), t.path().join("site.yaml")).unwrap();
    t
}
