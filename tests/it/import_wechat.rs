//! `kepu import wechat`: saved pages, a folder of them and addresses served
//! by a local HTTP server become article bundles that build.

use crate::support::common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use common::{SiteTest, repo, snapshot};

const SLUG: &str = "xia-ji-fang-zhong-shu-zhe-xie-zhi-shi-yao-zhi-dao";
const RAIN: &str = "bao-yu-tian-qi-ru-he-zi-jiu";

fn fixtures() -> PathBuf {
    repo().join("tests/fixtures/wechat")
}

fn saved_page() -> String {
    fixtures()
        .join("saved/夏季防中暑，这些知识要知道.html")
        .display()
        .to_string()
}

fn import(site: &SiteTest, args: &[&str]) -> (bool, String, String) {
    let mut all = vec!["import", "wechat"];
    all.extend_from_slice(args);
    let out = site.kepu(&all);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn bundle(site: &SiteTest, slug: &str, file: &str) -> PathBuf {
    site.path().join("content/articles").join(slug).join(file)
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Everything outside `content/`, to show an import wrote nothing there.
fn outside_content(site: &SiteTest) -> Vec<(PathBuf, Vec<u8>)> {
    snapshot(site.path())
        .into_iter()
        .filter(|(p, _)| !p.starts_with("content"))
        .collect()
}

#[test]
fn a_saved_page_becomes_clean_markdown_with_local_images() {
    let site = SiteTest::new();
    let before = outside_content(&site);
    let (ok, out, err) = import(&site, &["--offline", &saved_page()]);
    assert!(ok, "{err}");
    assert!(
        out.contains(&format!("Wrote content/articles/{SLUG}/index.md with 2 image(s)")),
        "{out}"
    );
    // The image that is neither in _files/ nor to be had is named, the rest imported.
    assert!(err.contains("warning:") && err.contains("Poster789"), "{err}");
    assert_eq!(outside_content(&site), before, "nothing is written outside content/");

    let md = read(&bundle(&site, SLUG, "index.md"));
    for gone in [
        "style=", "class=", "data-", "<section", "<span", "<p", "<img", "<br", "&nbsp;",
    ] {
        assert!(!md.contains(gone), "{gone} survived:\n{md}");
    }
    for chrome in [
        "点击蓝字",
        "二维码",
        "分享、点赞",
        "微信扫一扫",
        "阅读 1024",
        "在看 36",
        "永川区科学技术协会官方账号",
    ] {
        assert!(!md.contains(chrome), "chrome {chrome} survived:\n{md}");
    }
    let front = [
        "title: \"夏季防中暑，这些知识要知道\"\n",
        "date: 2024-07-15T18:30:00+08:00\n",
        "authors: [\"永川区科协科普部\"]\n",
        "summary: \"入伏以来持续高温，永川科协提醒大家做好防暑降温。\"\n",
        "cover: 01.png\n",
        "source: \"微信公众号“永川科协”\"\n",
        "  wechat_url: \"https://mp.weixin.qq.com/s?__biz=MzI1NjYxMDAwMA==&mid=2650001234&idx=1&sn=9f8e7d6c5b4a&chksm=ea5f1c2d\"\n",
    ];
    for f in front {
        assert!(md.contains(f), "front matter lacks {f}:\n{md}");
    }
    let body = [
        "\n入伏以来，永川持续高温。中暑是高温环境下人体体温调节功能紊乱引起的急症，严重时会危及生命。\n",
        "\n## 一、中暑有哪些表现\n",
        "\n## 二、发现有人中暑怎么办\n",
        "\n## 三、不同人群的防暑要点\n",
        "\n### 小贴士\n\n高温期间，请大家关注天气预报，合理安排出行。\n",
        "中暑按轻重可分为三类，**越早发现越好**：\n",
        "\n- **先兆中暑**：头晕、口渴、多汗、四肢无力。\n- 轻症中暑：",
        "\n1. 立即将患者移到阴凉通风处。\n2. 用湿毛巾擦身，帮助散热。\n3. 意识清醒者",
        "\n> 热射病是最严重的中暑，出现高热、昏迷要立即拨打120。\n",
        "| **人群** | **要点** |\n| --- | --- |\n| 老年人 | 避开正午外出，室内保持通风。 |\n| 户外工作者 | 错峰作业，随身携带防暑药品。 |\n",
        "\n![体温计显示高烧](01.png)\n\n*图1 体温超过38℃要警惕*\n",
        "\n![树荫下休息的老人](02.png)\n",
        "\n![再看一遍：体温计](01.png)\n\n*再看一遍：体温计*\n",
        "[中国疾病预防控制中心](https://www.chinacdc.cn/)",
        "[暴雨天气如何自救](https://mp.weixin.qq.com/s?__biz=MzI1NjYxMDAwMA==&mid=2650001200&idx=1&sn=abc123&chksm=00#rd)",
        "防暑口诀第一句\\\n防暑口诀第二句\n",
        "\n[视频：请在原文中观看](https://mp.weixin.qq.com/s?__biz=MzI1NjYxMDAwMA==&mid=2650001234&idx=1&sn=9f8e7d6c5b4a&chksm=ea5f1c2d)\n",
        "\n[音频：请在原文中收听](https://mp.weixin.qq.com/s?__biz=",
        "\n查一查身边的避暑点：永川科普地图小程序\n",
    ];
    for b in body {
        assert!(md.contains(b), "body lacks {b:?}:\n{md}");
    }
    // The images are the saved page's own files; chrome images are not copied.
    let files = fixtures().join("saved/夏季防中暑，这些知识要知道_files");
    assert_eq!(
        std::fs::read(bundle(&site, SLUG, "01.png")).unwrap(),
        std::fs::read(files.join("640.png")).unwrap()
    );
    assert_eq!(
        std::fs::read(bundle(&site, SLUG, "02.png")).unwrap(),
        std::fs::read(files.join("640(1).png")).unwrap()
    );
    let mut names: Vec<String> = std::fs::read_dir(bundle(&site, SLUG, ""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["01.png", "02.png", "index.md"]);
    site.build_ok();
    // Published as processed renditions (the originals stay in content/).
    let out = site.path().join("public/articles").join(SLUG);
    let published: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        published.iter().any(|n| n.starts_with("01-") && n.ends_with(".webp")),
        "{published:?}"
    );
}

/// The text of `#js_content` in a fixture page, as sentences.
fn sentences(html: &str) -> Vec<String> {
    let start = html.find("id=\"js_content\"").expect("js_content");
    let end = start
        + html[start..]
            .find("<div class=\"ct_mpda_wrp\"")
            .expect("end of content");
    let mut text = String::new();
    let mut in_tag = false;
    for c in html[start..end].chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push('\n');
            }
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let chrome = ["点击蓝字", "二维码", "分享、点赞"];
    text.split(['\n', '。'])
        .map(|s| s.split_whitespace().collect::<String>())
        .filter(|s| s.chars().count() > 1 && !s.starts_with("id=") && !chrome.iter().any(|c| s.contains(c)))
        .collect()
}

#[test]
fn the_built_page_carries_every_sentence_and_the_original_link() {
    let site = SiteTest::with_real_theme();
    let (ok, _, err) = import(&site, &["--offline", &saved_page()]);
    assert!(ok, "{err}");
    site.build_ok();
    let html = site.read(&format!("articles/{SLUG}/index.html"));
    let flat: String = html.split_whitespace().collect();
    let fixture = read(Path::new(&saved_page()));
    let wanted = sentences(&fixture);
    assert!(wanted.len() > 25, "{wanted:?}");
    for s in &wanted {
        assert!(flat.contains(s.as_str()), "the page lacks {s:?}");
    }
    assert!(html.contains("来源：微信公众号“永川科协”"), "source line");
    assert!(
        html.contains(">原文链接</a>")
            && html.contains("href=\"https://mp.weixin.qq.com/s?__biz=MzI1NjYxMDAwMA==&amp;mid=2650001234")
    );
    assert!(html.contains("2024年7月15日"), "date shown");
    assert!(
        html.contains("<h2 id=\"yi-zhong-shu-you-na-xie-biao-xian\""),
        "heading with a pinyin id"
    );
    for gone in ["style=\"font-size", "点击蓝字", "长按识别二维码"] {
        assert!(!html.contains(gone), "{gone}");
    }
    // The page passes the same Nu check as every page of the example site.
    if !common::ready("the Nu HTML check", &[common::Tool::Java, common::Tool::NodeModules]) {
        return;
    }
    let jar = repo().join("node_modules/vnu-jar/build/dist/vnu.jar");
    let page = site.path().join(format!("public/articles/{SLUG}/index.html"));
    let o = std::process::Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--format", "gnu"])
        .arg(&page)
        .output()
        .expect("java is needed (apt-get install default-jre-headless)");
    let report = String::from_utf8_lossy(&o.stderr).to_string() + &String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success() && report.trim().is_empty(),
        "Nu checker errors:\n{report}"
    );
}

#[test]
fn the_date_is_in_the_sites_time_zone() {
    let site = SiteTest::new();
    site.write(
        "site.yaml",
        "title: t\nbase_url: https://kepu.example.org/\ntimezone: America/New_York\n",
    );
    let (ok, _, err) = import(&site, &["--offline", &saved_page()]);
    assert!(ok, "{err}");
    let md = read(&bundle(&site, SLUG, "index.md"));
    assert!(md.contains("date: 2024-07-15T06:30:00-04:00\n"), "{md}");
}

#[test]
fn importing_again_changes_nothing_and_update_keeps_an_editors_changes() {
    let site = SiteTest::new();
    assert!(import(&site, &["--offline", &saved_page()]).0);
    let first = snapshot(site.path());
    let (ok, out, err) = import(&site, &["--offline", &saved_page()]);
    assert!(ok, "{err}");
    assert!(
        out.contains(&format!("Unchanged content/articles/{SLUG}/index.md")),
        "{out}"
    );
    assert_eq!(snapshot(site.path()), first, "a second import changes nothing");
    let (ok, out, _) = import(&site, &["--offline", "--update", &saved_page()]);
    assert!(ok && out.contains("Unchanged"), "{out}");
    assert_eq!(snapshot(site.path()), first);

    let index = bundle(&site, SLUG, "index.md");
    let edited = read(&index).replace("入伏以来，永川持续高温。", "入伏以来，永川持续高温（编辑补充）。");
    std::fs::write(&index, &edited).unwrap();
    let (ok, _, err) = import(&site, &["--offline", "--update", &saved_page()]);
    assert!(!ok);
    assert!(
        err.contains("was changed after it was imported") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(read(&index), edited, "the editor's change is kept");
    let (ok, out, err) = import(&site, &["--offline", "--update", "--force", &saved_page()]);
    assert!(ok, "{err}");
    assert!(
        out.contains(&format!("Updated content/articles/{SLUG}/index.md")),
        "{out}"
    );
    assert!(!read(&index).contains("编辑补充"));
}

#[test]
fn equal_titles_get_distinct_slugs_and_a_folder_imports_each_page() {
    let site = SiteTest::new();
    let folder = tempfile::tempdir().unwrap();
    common::copy_dir(&fixtures().join("saved"), folder.path());
    let other = read(Path::new(&saved_page())).replace("mid=2650001234", "mid=2650009999");
    std::fs::write(folder.path().join("同名文章.html"), other).unwrap();
    let (ok, out, err) = import(&site, &["--offline", &folder.path().display().to_string()]);
    assert!(ok, "{err}");
    assert!(out.contains(&format!("content/articles/{SLUG}/index.md")), "{out}");
    assert!(out.contains(&format!("content/articles/{SLUG}-2/index.md")), "{out}");
    // The copy has no _files folder beside it: its images are listed, the text imported.
    assert!(bundle(&site, &format!("{SLUG}-2"), "index.md").exists());
    site.build_ok();
}

#[test]
fn errors_name_the_file_and_the_rest_is_imported() {
    let site = SiteTest::new();
    let errors = fixtures().join("errors");
    let missing = errors.join("no-such-page.html");
    let (ok, out, err) = import(
        &site,
        &[
            "--offline",
            &errors.join("deleted.html").display().to_string(),
            &errors.join("not-wechat.html").display().to_string(),
            &missing.display().to_string(),
            &saved_page(),
            "https://mp.weixin.qq.com/s/OfflineAbc",
        ],
    );
    assert!(!ok);
    assert!(
        err.contains("deleted.html: the article was deleted by its publisher") && err.contains("该内容已被发布者删除"),
        "{err}"
    );
    assert!(
        err.contains("not-wechat.html: this is not a WeChat article page"),
        "{err}"
    );
    assert!(err.contains("no-such-page.html: cannot read it"), "{err}");
    assert!(
        err.contains("https://mp.weixin.qq.com/s/OfflineAbc: this is an address, and --offline forbids"),
        "{err}"
    );
    assert!(err.contains("4 article(s) not imported"), "{err}");
    assert!(
        out.contains(&format!("Wrote content/articles/{SLUG}/index.md")),
        "{out}"
    );
    let dirs: Vec<_> = std::fs::read_dir(site.path().join("content/articles"))
        .unwrap()
        .collect();
    assert_eq!(dirs.len(), 1, "only the good article is written");
}

#[test]
fn site_yaml_adds_to_the_chrome_list() {
    let site = SiteTest::new();
    let yaml = format!(
        "{}import:\n  wechat:\n    drop_phrases: [高温期间]\n    drop_selectors: [blockquote]\n",
        common::SITE_YAML
    );
    site.write("site.yaml", &yaml);
    assert!(import(&site, &["--offline", &saved_page()]).0);
    let md = read(&bundle(&site, SLUG, "index.md"));
    assert!(!md.contains("高温期间") && !md.contains("热射病是最严重的中暑"), "{md}");
    assert!(md.contains("入伏以来"));

    site.write(
        "site.yaml",
        &format!("{}import:\n  wechat:\n    drop_selectors: ['p[']\n", common::SITE_YAML),
    );
    let (ok, _, err) = import(&site, &["--offline", &saved_page()]);
    assert!(!ok);
    assert!(
        err.contains("site.yaml") && err.contains("'p[' is not a CSS selector"),
        "{err}"
    );
}

/// A one-thread HTTP server for the fixtures of `served/`: `/s/RainAbc` is
/// the article, `/img/NAME` its images. Records every path asked for.
fn serve() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let log = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&log);
    let root = fixtures().join("served");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            reader.read_line(&mut line).unwrap_or(0);
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                    break;
                }
            }
            seen.lock().unwrap().push(path.clone());
            let file = path.split('?').next().unwrap_or("");
            let (status, body) = match file {
                "/s/RainAbc" => {
                    let html = std::fs::read_to_string(root.join("rain.html")).unwrap();
                    ("200 OK", html.replace("{{PORT}}", &port.to_string()).into_bytes())
                }
                f if f.starts_with("/img/") => match std::fs::read(root.join(&f[1..])) {
                    Ok(b) => ("200 OK", b),
                    Err(_) => ("404 Not Found", b"missing".to_vec()),
                },
                _ => ("404 Not Found", b"missing".to_vec()),
            };
            let mut s = stream;
            let _ = write!(
                s,
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = s.write_all(&body);
        }
    });
    (port, log)
}

#[test]
fn an_address_is_fetched_with_its_images_and_links_between_imports_become_at_links() {
    let (port, log) = serve();
    let site = SiteTest::new();
    let url = format!("http://127.0.0.1:{port}/s/RainAbc");
    let (ok, out, err) = import(&site, &[&url]);
    assert!(ok, "{err}");
    assert!(
        out.contains(&format!("Wrote content/articles/{RAIN}/index.md with 2 image(s)")),
        "{out}\n{err}"
    );
    let md = read(&bundle(&site, RAIN, "index.md"));
    assert!(md.contains("date: 2024-07-01T15:00:00+08:00\n"), "{md}");
    assert!(
        md.contains("cover: cover.png\n") && md.contains("source: \"微信公众号“永川科协”\""),
        "{md}"
    );
    assert!(md.contains(&format!("  wechat_short_url: \"{url}\"\n")), "{md}");
    assert!(md.contains("\n## 在室内时\n") && md.contains("\n## 在室外时\n"), "{md}");
    assert!(md.contains("\n![积水的街道](01.png)\n"), "{md}");
    assert!(md.contains("被困时拨打**119**或**110**求助。"), "{md}");
    assert!(!md.contains("点击上方蓝字"), "{md}");
    let served = fixtures().join("served/img");
    assert_eq!(
        std::fs::read(bundle(&site, RAIN, "01.png")).unwrap(),
        std::fs::read(served.join("rain.png")).unwrap()
    );
    assert_eq!(
        std::fs::read(bundle(&site, RAIN, "cover.png")).unwrap(),
        std::fs::read(served.join("cover.png")).unwrap()
    );
    assert!(
        !log.lock().unwrap().iter().any(|p| p.contains("follow.gif")),
        "the follow banner is never fetched"
    );

    // The saved article links to this one: the link becomes an @/ link.
    let (ok, _, err) = import(&site, &["--offline", &saved_page()]);
    assert!(ok, "{err}");
    let saved = read(&bundle(&site, SLUG, "index.md"));
    assert!(
        saved.contains(&format!("[暴雨天气如何自救](@/articles/{RAIN}/index.md)")),
        "{saved}"
    );
    site.build_ok();
    let html = site.read(&format!("articles/{SLUG}/index.html"));
    assert!(html.contains(&format!("href=\"/articles/{RAIN}/\"")), "{html}");

    // The same address again finds the article by its address and fetches nothing.
    let asked = log.lock().unwrap().len();
    let (ok, out, _) = import(&site, &[&url]);
    assert!(
        ok && out.contains(&format!("Unchanged content/articles/{RAIN}/index.md")),
        "{out}"
    );
    assert_eq!(log.lock().unwrap().len(), asked, "nothing is fetched again");
}
