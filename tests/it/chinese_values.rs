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
