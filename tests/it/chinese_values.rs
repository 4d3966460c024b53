//! Chinese values beside the English ids: hazard 高温, level 黄色 or 黄,
//! medium 广播, board_kind 宣传栏, station_kind 活动室, a town by its name.

use crate::support::common;

use common::{NOW, SiteTest};

#[test]
fn chinese_names_are_taken_beside_the_ids() {
    let t = SiteTest::new();
    t.page(
        "emergency/gaowen.md",
        "title: 高温黄色预警\ndate: 2026-11-19T08:00:00+08:00\nexpires: 2026-11-21T08:00:00+08:00\nhazard: 高温\nlevel: 黄\nareas: [仙龙镇, zhongshanlu]\nsource: 永川区气象台\nsteps: [多喝水]",
        "正文\n",
    );
    t.page(
        "columns/di-yi-qi.md",
        "title: 第一期\ndate: 2026-11-16\nmedium: 广播\noutlet: 永川广播电台",
        "正文\n",
    );
    t.page(
        "boards/cun-kou.md",
        "title: 村口宣传栏\nboard_kind: 宣传栏\nplace: community\ntown: 仙龙镇\ncommunity: 仙龙村\naddress: 村委会门口\nmaintainer: 村委会\nshowing: []",
        "x\n",
    );
    t.page(
        "stations/xianlong.md",
        "title: 仙龙村科普活动室\ntown: 仙龙镇\ncommunity: 仙龙村\nstation_kind: 活动室\nstaff: [{ name: 张三 }]",
        "x\n",
    );
    t.build_ok();
    let town = t.read("towns/xianlong/index.html");
    assert!(town.contains("<th>仙龙村</th>"), "{town}");
    let cap = t.read("emergency/gaowen.cap.xml");
    assert!(cap.contains("<severity>Moderate</severity>"), "黄 is yellow: {cap}");
    assert!(
        cap.contains("仙龙镇") && cap.contains("中山路街道"),
        "areas by name and by id: {cap}"
    );
}

#[test]
fn an_unknown_value_lists_both_forms() {
    let t = SiteTest::new();
    t.page(
        "emergency/x.md",
        "title: x\ndate: 2026-11-19T08:00:00+08:00\nexpires: 2026-11-21T08:00:00+08:00\nhazard: 高温\nlevel: 紫色\nareas: [石梯镇]\nsource: 气象台\nsteps: [a]",
        "正文\n",
    );
    let out = t.kepu(&["build", "--now", NOW]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("yellow（黄色）") && err.contains("blue（蓝色）"), "{err}");
    assert!(err.contains("xianlong（仙龙镇）"), "{err}");
}

/// Dates as editors type them (`2026/11/1`, `2026年11月19日 8：00` with the
/// input method's colon, `2026.12.12`) are read as the ISO forms are; an
/// activity on a date alone is all day; a date that does not exist is an
/// error at the value, with the forms to write.
#[test]
fn dates_are_read_as_editors_type_them() {
    let t = SiteTest::with_real_theme();
    t.page("articles/a.md", "title: 斜杠日期\ndate: 2026/11/1", "正文\n");
    t.page(
        "emergency/gaowen.md",
        "title: 高温黄色预警\ndate: 2026年11月19日 8：00\nexpires: 2026年11月21日\nhazard: 高温\nlevel: 黄\nareas: [仙龙镇]\nsource: 永川区气象台\nsteps: [多喝水]",
        "正文\n",
    );
    t.page(
        "activities/jiang-zuo.md",
        "title: 防诈骗讲座\nactivity_kind: lecture\ntown: xianlong\nstart: 2026.12.12",
        "活动介绍。\n",
    );
    t.build_ok();
    let article = t.read("articles/a/index.html");
    assert!(
        article.contains("<time datetime=\"2026-11-01T00:00:00+08:00\">2026年11月1日</time>"),
        "{article}"
    );
    let cap = t.read("emergency/gaowen.cap.xml");
    assert!(cap.contains("<sent>2026-11-19T08:00:00+08:00</sent>"), "{cap}");
    assert!(cap.contains("<expires>2026-11-21T00:00:00+08:00</expires>"), "{cap}");
    let activity = t.read("activities/jiang-zuo/index.html");
    assert!(activity.contains("12月12日（星期六）全天"), "{activity}");

    t.page("articles/a.md", "title: 斜杠日期\ndate: 2026/11/31", "正文\n");
    let out = t.kepu(&["build", "--now", NOW]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("content/articles/a.md:3:7: '2026/11/31' is not a date (write 2026-07-15, 2026年7月15日,"),
        "{err}"
    );
}
