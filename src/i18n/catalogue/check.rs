//! Lints, kinds' checks and `kepu report`.

/// (id, 中文, English).
pub(super) const MESSAGES: &[(&str, &str, &str)] = &[
    // Lints.
    (
        "lint.note_without_expiry",
        "这条应急科普没有写 'expires'：它会一直显示为有效",
        "the emergency note has no 'expires': it would stay active for ever",
    ),
    (
        "lint.note_without_expiry.help",
        "加上 'expires:'，写预警结束的时间",
        "add 'expires:' with the time the warning ends",
    ),
    (
        "lint.note_too_long",
        "这条应急科普的有效期超过了 {0} 天",
        "the note is active for more than {0} days",
    ),
    (
        "lint.note_too_long.help",
        "应急科普针对的是几天内的预警，不是几个月；把 'expires' 提前，或者改成一篇普通文章",
        "emergency notes are for warnings of days, not months; shorten 'expires' or make it an article",
    ),
    (
        "lint.column_week.help",
        "在 content/columns/ 下为这一周补一期（kepu new column 标题）",
        "add an entry under content/columns/ for that week (kepu new column TITLE)",
    ),
    (
        "lint.board_empty",
        "这块宣传栏现在没有展示任何内容",
        "the board shows nothing now",
    ),
    (
        "lint.board_stale",
        "这块宣传栏已经 {0} 天没有更换展示内容（超过了 {1} 天）",
        "the board's display has not changed for {0} days (more than {1})",
    ),
    (
        "lint.board.help",
        "在 'showing' 里加一条新的展示内容，日期写今天",
        "add a new entry to 'showing' with today's date",
    ),
    ("lint.community_gap", "{0} {1}：没有{2}", "{0} {1}: no {2}"),
    ("lint.community_gap.more", "{0}、{1}", "{0}, no {1}"),
    (
        "lint.community_gap.help",
        "为它添加科普站（kepu new station）、宣传栏或科普员",
        "add a station (kepu new station), a board or staff for it",
    ),
    ("lint.summary", "{1} {0} 处", "{0} × {1}"),
    (
        "lint.name.note_without_expiry",
        "应急科普未写结束时间",
        "note-without-expiry",
    ),
    ("lint.name.note_too_long", "应急科普有效期过长", "note-too-long"),
    ("lint.name.column_week_short", "每周栏目未达标", "column-week-short"),
    ("lint.name.board_empty", "宣传栏无展示", "board-empty"),
    ("lint.name.board_stale", "宣传栏待更新", "board-stale"),
    (
        "lint.name.community_gap",
        "村（社区）缺科普站、宣传栏或科普员",
        "community-gap",
    ),
    // `kepu report`.
    ("report.title", "{0} · 覆盖统计（{1}）", "{0} · coverage ({1})"),
    ("report.col.town", "镇街", "Town"),
    ("report.col.communities", "村社区", "Communities"),
    ("report.col.station", "有站", "Station"),
    ("report.col.board", "有栏", "Board"),
    ("report.col.staff", "有员", "Staff"),
    ("report.col.full", "齐全", "All three"),
    ("report.col.total", "合计", "Total"),
    (
        "report.boards",
        "宣传栏 {0} 块：及时更新 {1}，待更新 {2}，暂无展示 {3}",
        "Boards: {0} ({1} up to date, {2} to update, {3} showing nothing)",
    ),
    (
        "report.columns",
        "每周科普栏目：{0} 周中 {1} 周达标（每周至少 {2} 期）",
        "Weekly column: {1} of {0} weeks met (at least {2} a week)",
    ),
    ("report.columns.short", "  未达标：{0}", "  short: {0}"),
    ("report.sep", "，", ", "),
    (
        "report.emergency",
        "{0} 年应急科普 {1} 条，当前有效 {2} 条{3}",
        "Emergency notes in {0}: {1}, {2} in force now{3}",
    ),
    ("report.emergency.hazards", "（{0}）", " ({0})"),
];
