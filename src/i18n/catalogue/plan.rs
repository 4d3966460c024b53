//! The plan's measures, `data/plan.yaml`, `data/counts.yaml` and the
//! year-end summary.

/// (id, 中文, English).
pub(super) const MESSAGES: &[(&str, &str, &str)] = &[
    // The measures: label, figure ({0} value, {1} whole, {2} percent),
    // target ({0} the plan's number, {1} the column's min_per_week).
    (
        "plan.measure.column_weeks",
        "每周科普栏目达标周数",
        "weeks the weekly column was kept",
    ),
    ("plan.figure.column_weeks", "{0}/{1} 周达标", "{0} of {1} weeks met"),
    (
        "plan.target.column_weeks",
        "每周刊（播）{1} 次以上",
        "at least {1} a week, every week",
    ),
    (
        "plan.measure.station_board_staff",
        "站、栏、员齐全的村（社区）",
        "villages and communities with a station, a board and staff",
    ),
    (
        "plan.figure.station_board_staff",
        "{0}/{1} 个（{2}%）",
        "{0} of {1} ({2}%)",
    ),
    ("plan.target.station_board_staff", "全覆盖", "every one"),
    (
        "plan.measure.boards_fresh",
        "及时更新的科普画廊和宣传栏",
        "boards kept fresh",
    ),
    ("plan.figure.boards_fresh", "{0}/{1} 块", "{0} of {1}"),
    ("plan.target.boards_fresh", "全部及时更新", "all kept fresh"),
    (
        "plan.measure.activities_volunteer_service",
        "科技志愿服务活动",
        "science volunteer service activities",
    ),
    ("plan.figure.activities_volunteer_service", "{0} 场", "{0} activities"),
    (
        "plan.target.activities_volunteer_service",
        "每年 {0} 场以上",
        "{0} or more a year",
    ),
    (
        "plan.measure.activity_coverage",
        "科普活动覆盖面（参与人次占常住人口）",
        "activity reach (participants over resident population)",
    ),
    (
        "plan.figure.activity_coverage",
        "{0} 人次，占 {1} 人的 {2}%",
        "{0} participants, {2}% of {1}",
    ),
    (
        "plan.target.activity_coverage",
        "常住人口的 {0}% 以上",
        "{0}% of residents or more",
    ),
    (
        "plan.measure.volunteers_registered",
        "注册科技志愿者",
        "registered science volunteers",
    ),
    ("plan.figure.volunteers_registered", "{0} 人", "{0} people"),
    ("plan.target.volunteers_registered", "不少于 {0} 人", "at least {0}"),
    ("plan.measure.science_bases", "科普教育基地", "science education bases"),
    ("plan.figure.science_bases", "{0} 处", "{0} sites"),
    ("plan.target.science_bases", "{0} 处（所）", "{0} sites"),
    (
        "plan.measure.schools_with_science_rooms",
        "建有科技活动室的区属中小学",
        "district schools with a science room",
    ),
    (
        "plan.figure.schools_with_science_rooms",
        "{0}/{1} 所（{2}%）",
        "{0} of {1} ({2}%)",
    ),
    ("plan.target.schools_with_science_rooms", "{0}% 以上", "{0}% or more"),
    // Why a figure is missing; remarks.
    (
        "plan.missing.no_columns",
        "还没有科普栏目（site.yaml 也没有写 columns.since）",
        "no column entry yet (and no columns.since in site.yaml)",
    ),
    (
        "plan.missing.no_communities",
        "site.yaml 的镇街还没有列出村（社区）",
        "no village or community listed under towns in site.yaml",
    ),
    ("plan.missing.no_boards", "还没有科普宣传栏", "no board yet"),
    (
        "plan.missing.no_population",
        "site.yaml 的镇街还没有都写上常住人口（population）",
        "not every town in site.yaml has its population",
    ),
    (
        "plan.missing.no_count",
        "data/counts.yaml 里还没有这个数字",
        "not in data/counts.yaml yet",
    ),
    (
        "plan.missing.count_other_year",
        "data/counts.yaml 里没有这一年统计的数字",
        "data/counts.yaml has no figure counted that year",
    ),
    ("plan.note.no_activities", "暂无活动记录", "no activities yet"),
    ("plan.met", "达标", "met"),
    ("plan.not_met", "未达标", "not met"),
    ("plan.no_figure", "暂无数据", "no figure"),
    // Periods.
    ("plan.period.range", "{0} 至 {1}", "{0} to {1}"),
    ("plan.period.until", "截至 {0}", "as of {0}"),
    ("plan.period.year", "{0} 年全年", "all of {0}"),
    ("plan.period.year_to", "{0} 年（截至 {1}）", "{0} (to {1})"),
    // data/plan.yaml.
    (
        "plan.measure.unknown",
        "没有名为“{0}”的统计数字",
        "no measure is named '{0}'",
    ),
    (
        "plan.measure.unknown.help",
        "能用的名称：{0}",
        "the measures kepu computes: {0}",
    ),
    (
        "plan.measure.not_name",
        "measure 应写一个名称，或用 [ ] 列出几个名称",
        "measure should be a name, or a list of names in [ ]",
    ),
    // data/counts.yaml.
    (
        "plan.counts.shape",
        "data/counts.yaml 应逐项写“名称: { value: 数字, as_of: 日期 }”",
        "data/counts.yaml should list 'name: { value: number, as_of: date }'",
    ),
    (
        "plan.count.example",
        "例如：volunteers_registered: { value: 1046, as_of: 2026-10-31 }",
        "for example: volunteers_registered: { value: 1046, as_of: 2026-10-31 }",
    ),
    (
        "plan.count.unknown",
        "kepu 不认识“{0}”这一项",
        "'{0}' is not a count kepu knows",
    ),
    ("plan.count.unknown.help", "能写的项：{0}", "the counts kepu knows: {0}"),
    (
        "plan.count.shape",
        "{0} 应写成 value（数字）和 as_of（统计日期）两项",
        "{0} should have a value (the number) and as_of (the day counted)",
    ),
    (
        "plan.count.key",
        "{0} 下只能写 value 和 as_of，不能写“{1}”",
        "{0} takes value and as_of only, not '{1}'",
    ),
    (
        "plan.count.not_number",
        "{0} 的 value 只能写一个整数（不写姓名、电话等），现在写的是：{1}",
        "the value of {0} must be a whole number (no names, no phone numbers), not: {1}",
    ),
    (
        "plan.count.no_value",
        "{0} 缺少 value（数字）",
        "{0} has no value (the number)",
    ),
    (
        "plan.count.as_of",
        "{0} 的 as_of 应写日期，如 2026-10-31，现在写的是：{1}",
        "as_of of {0} should be a date such as 2026-10-31, not: {1}",
    ),
    (
        "plan.count.no_as_of",
        "{0} 缺少 as_of（统计到哪一天）",
        "{0} has no as_of (the day it was counted)",
    ),
    // kepu report --year.
    (
        "plan.year.title",
        "{0} · {1} 年度总结（{2} 至 {3}）",
        "{0} · {1} year-end summary ({2} to {3})",
    ),
    (
        "plan.year.none",
        "{0} 年没有内容，没有年度总结；有内容的年份：{1}",
        "no summary for {0}: no page is dated that year; years with content: {1}",
    ),
    ("plan.year.none.no_years", "无", "none"),
    ("plan.year.col.measure", "指标", "Measure"),
    ("plan.year.col.figure", "本年数字", "This year"),
    ("plan.year.col.target", "目标", "Target"),
    ("plan.year.col.period", "统计期", "Period"),
    ("plan.year.col.result", "结果", "Result"),
    ("plan.year.col.activities", "活动", "Activities"),
    ("plan.year.col.volunteer_service", "志愿服务", "Volunteer service"),
    ("plan.year.col.participants", "参与人次", "Participants"),
    ("plan.year.col.population", "常住人口", "Population"),
    ("plan.year.col.reach", "覆盖面", "Reach"),
    ("plan.year.col.full", "站栏员齐全", "Station, board, staff"),
    ("plan.year.articles", "科普文章：{0} 篇", "Articles: {0}"),
    ("plan.year.emergency", "应急科普：{0} 条{1}", "Emergency notes: {0}{1}"),
    (
        "plan.year.columns",
        "每周科普栏目：{0}/{1} 周达标（每周至少 {2} 期），全年 {3} 期",
        "Weekly column: {0} of {1} weeks met (at least {2} a week), {3} entries",
    ),
    (
        "plan.year.boards",
        "科普宣传栏：{0} 块，本年更换过展示的 {1} 块，统计期末及时更新的 {2} 块",
        "Boards: {0}, {1} changed their display this year, {2} fresh on the last day counted",
    ),
    (
        "plan.year.coverage",
        "站栏员（统计期末）：{0}/{1} 个村（社区）齐全",
        "Stations, boards and staff (last day counted): {0} of {1} communities complete",
    ),
    ("plan.year.activities", "科普活动：{0}", "Activities: {0}"),
    (
        "plan.year.activities.counts",
        "{0} 场，其中科技志愿服务 {1} 场，参与 {2} 人次",
        "{0}, of which {1} volunteer service, {2} participants",
    ),
];
