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
];
