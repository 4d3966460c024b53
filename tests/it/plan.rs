//! The plan's task table and its measures (`/plan/`), the year-end
//! summaries (`/report/YEAR/`, `kepu report --year`) and the activity
//! figures of `/dashboard.json`.

use std::path::PathBuf;

use serde_json::Value;

use crate::support::common::{NOW, SiteTest, repo};

/// The folder of the shared project files (`KEPU_SHARED`, else `../shared`
/// beside the repository), when it is there. Otherwise the test is skipped
/// with one line; under `CI=true` a skip is a failure.
fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("KEPU_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared"));
    if dir.join("plan").is_dir() {
        return Some(dir);
    }
    let line = format!(
        "skipped the plan's table check: no {} (set KEPU_SHARED to the shared folder)",
        dir.join("plan").display()
    );
    if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
        panic!("{line} (CI=true: a skipped test is a failure)");
    }
    // Past the test harness's capture, so that `cargo test` shows it.
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
    None
}

/// Text without any whitespace: the PDF's text breaks cells across lines
/// and spaces CJK from digits as it pleases.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Finds `needle` in `hay` at or after byte `from`, whole or in two parts
/// with at most 80 bytes of other cells between them (the PDF sometimes
/// interleaves the cells of one row). Returns where it starts, where its
/// first part ends and where it ends.
fn find_split(hay: &str, needle: &str, from: usize) -> Option<(usize, usize, usize)> {
    if let Some(i) = hay[from..].find(needle) {
        let end = from + i + needle.len();
        return Some((from + i, end, end));
    }
    let cuts: Vec<usize> = needle.char_indices().map(|(i, _)| i).skip(1).collect();
    for &cut in cuts.iter().rev() {
        let (head, tail) = needle.split_at(cut);
        let mut at = from;
        while let Some(i) = hay[at..].find(head) {
            let end = at + i + head.len();
            let mut stop = hay.len().min(end + 80 + tail.len());
            while !hay.is_char_boundary(stop) {
                stop -= 1;
            }
            if let Some(j) = hay[end..stop].find(tail) {
                return Some((at + i, end, end + j + tail.len()));
            }
            at = end;
        }
    }
    None
}

fn char_counts(s: &str) -> std::collections::BTreeMap<char, usize> {
    let mut m = std::collections::BTreeMap::new();
    for c in s.chars() {
        *m.entry(c).or_insert(0) += 1;
    }
    m
}

/// data/plan.yaml is the 任务分解表 of the published plan, row by row: the
/// table's text, whitespace aside, is exactly the rows' cells (nothing
/// paraphrased, left out or added), and each row's 三级指标, 牵头单位 and
/// 责任单位 stand in the table in the rows' order.
#[test]
fn the_plan_rows_match_the_published_table() {
    let Some(shared) = shared() else { return };
    let plan_dir = shared.join("plan");
    let text = std::fs::read_dir(&plan_dir)
        .expect("read the plan folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("read the plan"))
        .find(|t| t.contains("任务分解表"))
        .expect("a text of the plan with its 任务分解表");
    let all = squeeze(&text);
    let header = "二级指标三级指标牵头单位责任单位";
    let start = all.find(header).expect("the table's header") + header.len();
    let end = start + all[start..].find("抄送").expect("the end of the table");
    let table = &all[start..end];

    let src = std::fs::read_to_string(repo().join("data/plan.yaml")).expect("data/plan.yaml");
    let rows: Vec<Value> = yaml_serde::from_str(&src).expect("data/plan.yaml is a list");
    assert_eq!(rows.len(), 31, "the table has 31 tasks");
    let cell = |r: &Value, k: &str| squeeze(r[k].as_str().unwrap_or_else(|| panic!("{k} of {r}")));

    // Every character of the table, and no other, is in the rows.
    let mut cells = String::new();
    let (mut l1, mut l2) = (String::new(), String::new());
    for r in &rows {
        if cell(r, "level1") != l1 {
            l1 = cell(r, "level1");
            l2.clear();
            cells.push_str(&l1);
        }
        if cell(r, "level2") != l2 {
            l2 = cell(r, "level2");
            cells.push_str(&l2);
        }
        for k in ["level3", "lead", "partners"] {
            cells.push_str(&cell(r, k));
        }
    }
    let (want, have) = (char_counts(table), char_counts(&cells));
    let missing: Vec<_> = want.iter().filter(|(c, n)| have.get(c) < Some(n)).collect();
    let extra: Vec<_> = have.iter().filter(|(c, n)| want.get(c) < Some(n)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}, extra {extra:?}"
    );

    // Row by row, in order: the task, then its lead, then its partners,
    // before the next task.
    let mut at = 0;
    let found: Vec<(usize, usize, usize)> = rows
        .iter()
        .map(|r| {
            let task = cell(r, "level3");
            let f = find_split(table, &task, at).unwrap_or_else(|| panic!("not in the table, in order: {task}"));
            at = f.2;
            f
        })
        .collect();
    for (i, r) in rows.iter().enumerate() {
        let (start, first_end, end) = found[i];
        let next = found.get(i + 1).map_or(table.len(), |f| f.0).max(end);
        let span = &table[start..next];
        let (lead, partners) = (cell(r, "lead"), cell(r, "partners"));
        let lead_at = find_split(span, &lead, first_end - start)
            .unwrap_or_else(|| panic!("row {}: 牵头单位 {lead} is not after its task: {span}", i + 1));
        assert!(
            find_split(span, &partners, lead_at.2).is_some(),
            "row {}: 责任单位 {partners} is not after its 牵头单位 {lead}: {span}",
            i + 1
        );
    }
}

const PLAN: &str = "\
# 测试用的任务表
- level1: 一级
  level2: 阵地
  level3: 在全区实现科普“站栏员”全覆盖。
  lead: 区科协
  partners: 各镇（街）
  measure: station_board_staff
- level1: 一级
  level2: 阵地
  level3: 及时更新科普画廊和科普宣传栏的内容。
  lead: 区科协
  measure: boards_fresh
- level1: 一级
  level2: 志愿
  level3: 全区注册科技志愿者人数不少于 1000 人。
  lead: 区科协
  measure: [volunteers_registered, science_bases]
- level1: 一级
  level2: 志愿
  level3: 科技志愿服务活动 50 场以上。
  lead: 区科协
  measure: activities_volunteer_service
- level1: 二级
  level2: 传播
  level3: 每周刊（播）1次以上。
  lead: 区委宣传部
  measure: column_weeks
- level1: 二级
  level2: 传播
  level3: 年科普活动的覆盖面达到全区常住人口的 80%以上。
  lead: 区科技局
  measure: activity_coverage
- level1: 二级
  level2: 阵地
  level3: 实现 50%以上区属中、小学建有科技活动室。
  lead: 区委宣传部
  measure: schools_with_science_rooms
- level1: 二级
  level2: 品牌
  level3: 树立有一定影响力的科普品牌
  lead: 区科协
  status: 已举办两届科普节
";

/// A site with known counts, built on the tests' clock (2026-11-20, ISO
/// week 47):
/// - the column from 2026-10-26: weeks 44 to 47, entries in 44, 45 and 47;
/// - three communities, one with a station, a board and staff;
/// - two boards, one fresh (changed 2026-11-01), one stale (2025-12-01);
/// - an article in 2025 and one in 2026;
/// - counts: 1046 volunteers (2026), 5 bases (2025), 4 of 10 schools (2026);
/// - population 30000 + 50000, no activities.
fn known_site(t: &SiteTest) {
    t.write(
        "site.yaml",
        "title: 测试站\nbase_url: https://kepu.example.org/\ntimezone: Asia/Shanghai\ntowns:\n  - { id: xianlong, name: 仙龙镇, kind: town, communities: [仙龙村, 新房子村], population: 30000 }\n  - { id: zhongshanlu, name: 中山路街道, kind: street, communities: [和平社区], population: 50000 }\nboards: { stale_after_days: 30 }\ncolumns: { since: 2026-10-26, min_per_week: 1 }\n",
    );
    t.page("articles/a.md", "title: 防汛\ndate: 2026-11-01", "x\n");
    t.page("articles/old.md", "title: 旧文\ndate: 2025-06-01", "x\n");
    for (name, date) in [("w44", "2026-10-27"), ("w45", "2026-11-03"), ("w47", "2026-11-17")] {
        t.page(
            &format!("columns/{name}.md"),
            &format!("title: 科普之声 {name}\ndate: {date}\nmedium: radio\noutlet: 永川广播电台"),
            "x\n",
        );
    }
    t.page(
        "boards/fresh.md",
        "title: 仙龙村宣传栏\nboard_kind: bulletin\nplace: community\ntown: xianlong\ncommunity: 仙龙村\nshowing:\n  - { page: \"@/articles/a.md\", from: 2026-11-01 }",
        "x\n",
    );
    t.page(
        "boards/stale.md",
        "title: 和平社区橱窗\nboard_kind: window\nplace: community\ntown: zhongshanlu\ncommunity: 和平社区\nshowing:\n  - { page: \"@/articles/a.md\", from: 2025-12-01 }",
        "x\n",
    );
    t.page(
        "stations/xianlongcun.md",
        "title: 仙龙村科普站\ntown: xianlong\ncommunity: 仙龙村\nstation_kind: station\nstaff: [{ name: 张三, role: 站长 }]",
        "x\n",
    );
    t.page(
        "stations/heping.md",
        "title: 和平社区活动室\ntown: zhongshanlu\ncommunity: 和平社区\nstation_kind: room",
        "x\n",
    );
    t.write("data/plan.yaml", PLAN);
    t.write(
        "data/counts.yaml",
        "# 示例\nvolunteers_registered: { value: 1046, as_of: 2026-10-31 }\nscience_bases: { value: 5, as_of: 2025-12-31 }\nschools: { value: 10, as_of: 2026-09-01 }\nschools_with_science_rooms: { value: 4, as_of: 2026-09-01 }\n",
    );
}

fn json_of(t: &SiteTest, args: &[&str]) -> Value {
    let out = t.kepu(args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn measure<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["measures"]
        .as_array()
        .expect("measures")
        .iter()
        .find(|m| m["name"] == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

/// `value`, `of` and `met` of a measure, as one tuple.
fn vom(m: &Value) -> (Value, Value, Value) {
    (m["value"].clone(), m["of"].clone(), m["met"].clone())
}

#[test]
fn computed_measures_on_a_fixture_with_known_counts() {
    let t = SiteTest::new();
    known_site(&t);
    let r = json_of(&t, &["report", "--year", "2026", "--json", "--now", NOW]);
    use serde_json::json;
    let v = |m: &str| vom(measure(&r, m));
    assert_eq!(v("column_weeks"), (json!(3), json!(4), json!(false)));
    assert_eq!(measure(&r, "column_weeks")["from"], "2026-10-26");
    assert_eq!(v("station_board_staff"), (json!(1), json!(3), json!(false)));
    assert_eq!(measure(&r, "station_board_staff")["percent"], json!(33.3));
    assert_eq!(v("boards_fresh"), (json!(1), json!(2), json!(false)));
    assert_eq!(v("activities_volunteer_service"), (json!(0), Value::Null, json!(false)));
    assert_eq!(measure(&r, "activities_volunteer_service")["note"], "no_activities");
    assert_eq!(v("activity_coverage"), (json!(0), json!(80000), json!(false)));
    assert_eq!(v("volunteers_registered"), (json!(1046), Value::Null, json!(true)));
    assert_eq!(measure(&r, "volunteers_registered")["until"], "2026-10-31");
    // Counted in 2025: not a figure of 2026.
    assert_eq!(v("science_bases"), (Value::Null, Value::Null, Value::Null));
    assert_eq!(measure(&r, "science_bases")["missing"], "count_other_year");
    assert_eq!(v("schools_with_science_rooms"), (json!(4), json!(10), json!(false)));
    assert_eq!(measure(&r, "schools_with_science_rooms")["percent"], json!(40.0));
    assert_eq!(r["articles"]["total"], 1);
    assert_eq!(r["columns"]["entries"], 3);
    assert_eq!(r["boards"]["updated"], 1, "only the fresh board changed in 2026");
    assert_eq!(r["activities"]["by_town"][1]["population"], 50000);

    let y2025 = json_of(&t, &["report", "--year", "2025", "--json", "--now", NOW]);
    assert_eq!(y2025["until"], "2025-12-31");
    assert_eq!(y2025["complete"], true);
    assert_eq!(y2025["articles"]["total"], 1);
    assert_eq!(
        vom(measure(&y2025, "science_bases")),
        (json!(5), Value::Null, json!(true))
    );
    assert_eq!(measure(&y2025, "volunteers_registered")["missing"], "count_other_year");
    assert_eq!(measure(&y2025, "column_weeks")["missing"], "no_columns");

    // /plan/ shows the live figures: the latest counts, whenever taken.
    t.build_ok();
    let plan = t.read("plan/index.html");
    for g in ["一级", "二级"] {
        assert!(plan.contains(&format!("<h2>{g}</h2>")), "{plan}");
    }
    assert!(t.exists("report/2025/index.html") && t.exists("report/2026/index.html"));
    assert!(!t.exists("report/2024/index.html"));
}

/// The plan page of the real theme: each measured row with its figure,
/// target, period and evidence link; the others with their status.
#[test]
fn the_plan_page_shows_live_figures_targets_and_evidence() {
    let t = SiteTest::with_real_theme();
    known_site(&t);
    t.build_ok();
    let plan = t.read("plan/index.html");
    let row = |task: &str| -> String {
        let at = plan.find(task).unwrap_or_else(|| panic!("no row {task}"));
        let end = at + plan[at..].find("</tr>").expect("row end");
        plan[at..end].to_string()
    };
    let weeks = row("每周刊（播）1次以上。");
    assert!(weeks.contains("3/4 周达标"), "{weeks}");
    assert!(weeks.contains("每周刊（播）1 次以上"), "{weeks}");
    assert!(weeks.contains("2026-10-26 至 2026-11-20"), "{weeks}");
    assert!(weeks.contains("href=\"/dashboard/#kepu-d-weeks\""), "{weeks}");
    let counted = row("不少于 1000 人。");
    assert!(
        counted.contains("1046 人") && counted.contains("截至 2026-10-31"),
        "{counted}"
    );
    assert!(
        counted.contains("5 处") && counted.contains("截至 2025-12-31"),
        "{counted}"
    );
    assert!(counted.contains("href=\"/report/2026/#kepu-r-counts\""), "{counted}");
    let vs = row("科技志愿服务活动 50 场以上。");
    assert!(vs.contains("0 场") && vs.contains("暂无活动记录"), "{vs}");
    let reach = row("常住人口的 80%以上。");
    assert!(reach.contains("0 人次，占 80000 人的 0%"), "{reach}");
    assert!(row("站栏员").contains("1/3 个（33.3%）"));
    // A row without 责任单位 says so with a dash, not an empty cell.
    assert!(
        row("及时更新科普画廊和科普宣传栏的内容。").contains("<td data-label=\"责任单位\">—</td>"),
        "{}",
        row("及时更新科普画廊和科普宣传栏的内容。")
    );
    assert!(row("树立有一定影响力的科普品牌").contains("已举办两届科普节"));
    assert!(plan.contains("href=\"/report/2026/\""), "the plan links the summaries");
    let dashboard = t.read("dashboard/index.html");
    assert!(dashboard.contains("href=\"/report/2026/\"") && dashboard.contains("href=\"/report/2025/\""));
    assert!(dashboard.contains("href=\"/plan/\""));
    let sitemap = t.read("sitemap/index.html");
    assert!(sitemap.contains("2026 年度总结"), "the site map lists the summaries");
}

/// The summary page, its JSON file and `kepu report --year` (JSON and
/// table) say the same figures.
#[test]
fn the_year_page_and_report_year_json_agree() {
    let t = SiteTest::with_real_theme();
    known_site(&t);
    t.build_ok();
    let out = t.kepu(&["report", "--year", "2026", "--json", "--now", NOW]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        t.read("report/2026/report.json"),
        "kepu report --year --json prints the page's JSON"
    );
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let page = t.read("report/2026/index.html");
    assert!(page.contains("<body class=\"year-report\">"), "{page}");
    let css = t.read("css/kepu.css");
    assert!(
        css.contains("@page kepu-report") && css.contains("size: A4"),
        "printed on A4"
    );
    let table = t.kepu_in("", &["report", "--year", "2026", "--now", NOW]);
    assert!(table.status.success());
    let table = String::from_utf8_lossy(&table.stdout).to_string();
    for m in json["measures"].as_array().expect("measures") {
        let name = m["name"].as_str().expect("name");
        let at = page
            .find(&format!("data-measure=\"{name}\""))
            .unwrap_or_else(|| panic!("no row {name} on the page"));
        let row = &page[at..at + page[at..].find("</tr>").expect("row end")];
        // The figure the page shows is the one the terminal shows.
        let figure = row
            .split("report-targets__figure\">")
            .nth(1)
            .and_then(|s| s.split('<').next())
            .expect("figure cell");
        assert!(table.contains(figure), "{name}: {figure} not in\n{table}");
        if let Some(v) = m["value"].as_u64() {
            assert!(figure.contains(&v.to_string()), "{name}: {figure} vs {v}");
        }
        let verdict = match m["met"].as_bool() {
            Some(true) => "达标",
            Some(false) => "未达标",
            None => "暂无数据",
        };
        assert!(row.contains(verdict), "{name}: {row}");
    }
    assert!(
        table.starts_with("测试站 · 2026 年度总结（2026-01-01 至 2026-11-20）"),
        "{table}"
    );
    assert!(table.contains("科普文章：1 篇"), "{table}");
    assert!(page.contains("data-figure=\"articles\">1<"), "{page}");
    let en = t.kepu(&["report", "--year", "2026", "--now", NOW]);
    let en = String::from_utf8_lossy(&en.stdout);
    assert!(en.contains("3 of 4 weeks met") && en.contains("Articles: 1"), "{en}");
}

#[test]
fn an_unknown_measure_is_an_error_at_its_line_with_the_names_kepu_knows() {
    let t = SiteTest::new();
    known_site(&t);
    t.write(
        "data/plan.yaml",
        &PLAN.replace("measure: boards_fresh", "measure: board_freshness"),
    );
    let err = t.build_err();
    assert!(err.contains("data/plan.yaml:12:12"), "{err}");
    assert!(err.contains("no measure is named 'board_freshness'"), "{err}");
    assert!(err.contains("  measure: board_freshness"), "the line is shown: {err}");
    assert!(err.contains("boards_fresh, activities_volunteer_service"), "{err}");
    let zh = t.kepu_in("", &["build", "--now", NOW]);
    let zh = String::from_utf8_lossy(&zh.stderr);
    assert!(zh.contains("没有名为“board_freshness”的统计数字"), "{zh}");
    assert!(zh.contains("能用的名称：column_weeks"), "{zh}");
}

#[test]
fn counts_are_numbers_only() {
    let t = SiteTest::new();
    known_site(&t);
    t.write(
        "data/counts.yaml",
        "volunteers_registered:\n  value: 张三 13800000000\n  as_of: 2026-10-31\nbases: { value: 5, as_of: 2026-01-01 }\n",
    );
    let err = t.build_err();
    assert!(err.contains("data/counts.yaml:2:3"), "{err}");
    assert!(err.contains("must be a whole number"), "{err}");
    assert!(err.contains("data/counts.yaml:4:1"), "{err}");
    assert!(err.contains("the counts kepu knows: volunteers_registered"), "{err}");
    assert!(!t.exists("plan/index.html"), "nothing is published");
}

#[test]
fn the_dashboard_json_has_the_activity_figures_at_zero_and_unknown_years_are_refused() {
    let t = SiteTest::new();
    known_site(&t);
    let d = json_of(&t, &["report", "--json", "--now", NOW]);
    let a = &d["activities"];
    assert_eq!(
        (&a["year"], &a["total"], &a["volunteer_service"], &a["participants"]),
        (&Value::from(2026), &Value::from(0), &Value::from(0), &Value::from(0))
    );
    let towns: Vec<&str> = a["by_town"]
        .as_array()
        .expect("by_town")
        .iter()
        .map(|t| t["id"].as_str().expect("id"))
        .collect();
    assert_eq!(towns, ["xianlong", "zhongshanlu"]);
    let out = t.kepu(&["report", "--year", "2031", "--now", NOW]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no summary for 2031") && err.contains("2025, 2026"),
        "{err}"
    );
}
