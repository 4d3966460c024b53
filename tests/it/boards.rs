//! Boards, stations, towns, the dashboard and `kepu report`.

use crate::support::common;

use common::{NOW, SiteTest};

/// The fixture site `tests/fixtures/boards` with the real theme: four
/// articles, a board showing them in windows around `NOW`, a stale and an
/// empty board, two stations.
fn site() -> SiteTest {
    let t = SiteTest::with_real_theme().with_fixture("boards");
    t.build_ok();
    t
}

#[test]
fn board_windows_from_inclusive_until_exclusive() {
    let t = site();
    let html = t.read("boards/fresh/index.html");
    let now_at = html.find("正在展示").unwrap();
    let past_at = html.find("往期展示").unwrap();
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(at("文章now1") > now_at && at("文章now1") < past_at);
    assert!(
        at("文章now2") > now_at && at("文章now2") < past_at,
        "a window starting at now is current"
    );
    assert!(at("文章edge") > past_at, "a window ending at now is past");
    assert!(at("文章old") > past_at);
}

#[test]
fn stale_and_empty_boards_are_marked_and_linted() {
    let t = site();
    let list = t.read("boards/index.html");
    assert!(
        list.contains("待更新") && list.contains("暂无展示") && list.contains("及时更新"),
        "{list}"
    );
    assert!(t.read("boards/stale/index.html").contains("待更新"));
    let out = t.kepu(&["check", "--now", NOW]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("content/boards/stale.md:6:1: the board's display has not changed for 66 days (more than 30)"),
        "{err}"
    );
    assert!(
        err.contains("content/boards/empty.md:6:1: the board shows nothing now"),
        "{err}"
    );
    assert!(!err.contains("boards/fresh.md"), "{err}");
}

/// Reads the module matrix back out of kepu's QR SVG path: rows of strokes
/// one module wide along each row's middle (`M4 4.5h7m2 0h1`).
fn matrix_of(svg: &str) -> (usize, Vec<bool>) {
    let vb = svg.split("viewBox=\"0 0 ").nth(1).unwrap();
    let size: usize = vb.split(' ').next().unwrap().parse().unwrap();
    assert!(svg.contains("<path fill=\"none\" stroke=\"#000\" d=\""), "{svg}");
    let d = svg.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
    let mut dark = vec![false; size * size];
    let (mut x, mut y) = (0.0f64, 0.0f64);
    let mut rest = d;
    while !rest.is_empty() {
        let cmd = rest.as_bytes()[0];
        let end = rest[1..].find(['M', 'm', 'h']).map_or(rest.len(), |i| i + 1);
        let args: Vec<f64> = rest[1..end].split(' ').map(|a| a.parse().unwrap()).collect();
        match cmd {
            b'M' => (x, y) = (args[0], args[1]),
            b'm' => (x, y) = (x + args[0], y + args[1]),
            b'h' => {
                for i in x as usize..(x + args[0]) as usize {
                    dark[y.floor() as usize * size + i] = true;
                }
                x += args[0];
            }
            other => panic!("unexpected path command {}", other as char),
        }
        rest = &rest[end..];
    }
    (size, dark)
}

fn decode(svg: &str) -> String {
    let (size, dark) = matrix_of(svg);
    let scale = 4;
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(size * scale, size * scale, |x, y| {
        if dark[(y / scale) * size + x / scale] { 0 } else { 255 }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one code");
    grids[0].decode().unwrap().1
}

#[test]
fn qr_codes_decode_to_the_right_urls() {
    let t = site();
    let page = t.read("boards/fresh/index.html");
    let svg = &page[page.find("<svg class=\"qr\"").unwrap()..];
    assert_eq!(decode(svg), "https://kepu.example.org/boards/fresh/");
    let poster = t.read("boards/fresh/poster/index.html");
    let codes: Vec<String> = poster
        .match_indices("<svg class=\"qr\"")
        .map(|(i, _)| decode(&poster[i..]))
        .collect();
    assert!(
        codes.contains(&"https://kepu.example.org/articles/now1/".to_string()),
        "{codes:?}"
    );
    assert!(
        codes.contains(&"https://kepu.example.org/articles/now2/".to_string()),
        "{codes:?}"
    );
    assert!(!poster.contains("文章old"), "the poster shows only what is current");
    assert!(
        !poster.contains("class=\"banner") && !poster.contains("class=\"site-nav"),
        "no menu or banner on the poster (its breadcrumb is screen-only)"
    );
}

#[test]
fn towns_count_their_coverage() {
    let t = site();
    let town = t.read("towns/xianlong/index.html");
    assert!(town.contains("仙龙村") && town.contains("新房子村"));
    let json: serde_json::Value = serde_json::from_str(&t.read("dashboard.json")).unwrap();
    let xl = json["towns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "xianlong")
        .unwrap();
    assert_eq!(xl["with_station"], 2);
    assert_eq!(
        xl["with_board"], 1,
        "仙龙村 has a board (its station lists one, and the board names it)"
    );
    assert_eq!(xl["with_staff"], 1, "新房子村's room has no staff");
    assert_eq!(xl["full"], 1);
    assert_eq!(json["boards"]["fresh"], 1);
    assert_eq!(json["boards"]["stale"], 1);
    assert_eq!(json["boards"]["empty"], 1);
    let out = t.kepu(&["check", "--now", NOW]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("仙龙镇 新房子村: no 宣传栏, no 科普员"), "{err}");
    assert!(
        err.contains("中山路街道 和平社区: no 科普站, no 宣传栏, no 科普员"),
        "{err}"
    );
}

#[test]
fn report_json_equals_dashboard_json() {
    let t = site();
    let out = t.kepu(&["report", "--json", "--now", NOW]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), t.read("dashboard.json"));
    // The table reads in the site's language (Chinese), or in English.
    let table = t.kepu_in("", &["report", "--now", NOW]);
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(
        text.contains("仙龙镇") && text.contains("宣传栏 3 块：及时更新 1，待更新 1，暂无展示 1"),
        "{text}"
    );
    insta::assert_snapshot!("report_zh", text);
    let table = t.kepu(&["report", "--now", NOW]);
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(
        text.contains("仙龙镇") && text.contains("Boards: 3 (1 up to date, 1 to update, 1 showing nothing)"),
        "{text}"
    );
    insta::assert_snapshot!("report_en", text);
}

#[test]
fn dashboard_charts_have_titles_and_descriptions() {
    let t = site();
    let html = t.read("dashboard/index.html");
    let charts = html.matches("<svg class=\"chart\"").count();
    assert!(charts >= 5, "{charts} charts");
    assert_eq!(html.matches("<title id=\"chart-").count(), charts);
    assert_eq!(html.matches("<desc id=\"chart-").count(), charts);
    assert!(
        html.contains("3 个村（社区）中") || html.contains("个村（社区）中"),
        "coverage described in words"
    );
}

#[test]
fn stations_show_staff_boards_and_their_towns_pages() {
    let t = site();
    let html = t.read("stations/xl/index.html");
    assert!(html.contains("张三") && html.contains("站长") && html.contains("投影仪"));
    assert!(html.contains("href=\"/boards/fresh/\""), "its boards are linked");
    assert!(html.contains("文章now1"), "articles of its town");
    let list = t.read("stations/index.html");
    assert!(list.contains("仙龙镇") && list.contains("仙龙村科普站"));
}

#[test]
fn a_community_gap_points_at_its_own_town_when_names_repeat() {
    let t = SiteTest::new();
    t.write(
        "site.yaml",
        "title: 测试站\nbase_url: https://kepu.example.org/\ntowns:\n  - { id: a, name: 甲镇, communities: [龙井村] }\n  - { id: b, name: 乙镇, communities: [龙井村] }\n",
    );
    let out = t.kepu(&["check", "--now", NOW]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("warning: site.yaml:4:38: 甲镇 龙井村"), "{err}");
    assert!(err.contains("warning: site.yaml:5:38: 乙镇 龙井村"), "{err}");
}

#[test]
fn report_reads_front_matter_only_and_renders_no_markdown() {
    let t = site();
    // A body the Markdown stage refuses (an unknown shortcode): a build
    // fails, the figures do not need the body.
    t.page(
        "boards/broken-body.md",
        "title: 坏正文\nboard_kind: bulletin\nplace: community\ntown: xianlong\nshowing: []",
        "{{ nope() }}\n",
    );
    let build = t.kepu(&["build", "--now", NOW]);
    assert!(!build.status.success(), "the build should refuse the body");
    assert!(String::from_utf8_lossy(&build.stderr).contains("nope"));
    let out = t.kepu(&["report", "--json", "--now", NOW]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["boards"]["total"], 4);
}

#[test]
fn a_board_community_its_town_does_not_have_is_an_error_like_a_station_one() {
    let t = site();
    t.page(
        "boards/typo.md",
        "title: 错村名\nboard_kind: bulletin\nplace: community\ntown: xianlong\ncommunity: 不存在村\nshowing: []",
        "",
    );
    t.page(
        "stations/typo.md",
        "title: 错村名站\ntown: xianlong\ncommunity: 不存在村\nstaff: []",
        "",
    );
    let err = t.build_err();
    for file in ["content/boards/typo.md:6:12", "content/stations/typo.md:4:12"] {
        assert!(
            err.contains(&format!("{file}: '不存在村' is not a community of")),
            "{file}\n{err}"
        );
    }
}

#[test]
fn a_board_that_cannot_be_read_has_one_error_in_plain_words_and_its_station_none() {
    let t = site();
    let board = std::fs::read_to_string(t.path().join("content/boards/fresh.md")).unwrap();
    let board = board.replacen(
        "community: 仙龙村\n",
        "community: 仙龙村\nlocation: { lat: 29.3, lng: 105.9, alt: 300 }\n",
        1,
    );
    t.write("content/boards/fresh.md", &board);
    let err = t.build_err();
    assert!(
        err.contains("content/boards/fresh.md:7:36: 'alt' is not a key of location")
            && err.contains("the keys of location: lat, lng"),
        "{err}"
    );
    // The station showing that board is not also told the board is missing.
    assert!(!err.contains("no board has the id 'fresh'"), "{err}");
    assert!(err.contains("1 error"), "{err}");
}
