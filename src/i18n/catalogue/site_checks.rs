//! Checks over the whole site: missing images, links to no page, empty names.

/// (id, 中文, English).
pub(super) const MESSAGES: &[(&str, &str, &str)] = &[
    // Weeks, as messages name them.
    ("site_checks.week_in_month", "第{0}周（{1}{2}日—{3}日）", "week {0} ({2}–{3} {1})"),
    (
        "site_checks.week_across_months",
        "第{0}周（{1}{2}日—{3}{4}日）",
        "week {0} ({2} {1}–{4} {3})",
    ),
    ("site_checks.month_1", "1月", "Jan"),
    ("site_checks.month_2", "2月", "Feb"),
    ("site_checks.month_3", "3月", "Mar"),
    ("site_checks.month_4", "4月", "Apr"),
    ("site_checks.month_5", "5月", "May"),
    ("site_checks.month_6", "6月", "Jun"),
    ("site_checks.month_7", "7月", "Jul"),
    ("site_checks.month_8", "8月", "Aug"),
    ("site_checks.month_9", "9月", "Sep"),
    ("site_checks.month_10", "10月", "Oct"),
    ("site_checks.month_11", "11月", "Nov"),
    ("site_checks.month_12", "12月", "Dec"),
    (
        "site_checks.column_week_short",
        "{0}只刊播了 {1} 期科普栏目，应至少 {2} 期",
        "{0}: {1} of {2} column entries",
    ),
    // Names written empty.
    ("site_checks.empty_value", "“{0}”是空的，应写上{1}", "'{0}' is empty: it needs {1}"),
    ("site_checks.empty_value_help", "填上{0}，或者删去这一行", "fill in {0}, or remove the line"),
    ("site_checks.empty_item", "“{0}”里有一项是空的，应写上{1}", "'{0}' has an empty item: it needs {1}"),
    (
        "site_checks.empty_item_help",
        "填上这一项，或者把它删去",
        "fill in the item, or remove it",
    ),
    (
        "site_checks.empty_staff_name",
        "第 {0} 位工作人员的姓名（name）是空的",
        "staff member {0} has an empty name",
    ),
    (
        "site_checks.empty_staff_name_help",
        "填上姓名，或者删去这一位；没有姓名的工作人员不计入站栏员覆盖",
        "fill in the name, or remove the entry; a staff member without a name does not count as staff",
    ),
    ("site_checks.what_source", "来源（发布预警或信息的单位）", "a source (who issued it)"),
    ("site_checks.what_address", "详细地址", "an address"),
    ("site_checks.what_maintainer", "维护人或维护单位", "a maintainer (a person or an office)"),
    ("site_checks.what_outlet", "播出或刊发单位", "an outlet (the station or paper)"),
    ("site_checks.what_program", "栏目名称", "a program name"),
    ("site_checks.what_editor", "责任编辑的姓名", "the editor's name"),
    ("site_checks.what_community", "村（社区）名称", "a village or community name"),
    ("site_checks.what_hours", "开放时间", "opening hours"),
    ("site_checks.what_author", "作者姓名", "an author's name"),
];
