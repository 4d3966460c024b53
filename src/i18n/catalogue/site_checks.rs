//! Checks over the whole site: missing images, links to no page, empty names.

/// (id, 中文, English).
pub(super) const MESSAGES: &[(&str, &str, &str)] = &[
    // Weeks, as messages name them.
    (
        "site_checks.week_in_month",
        "第{0}周（{1}{2}日—{3}日）",
        "week {0} ({2}–{3} {1})",
    ),
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
    (
        "site_checks.empty_value",
        "“{0}”是空的，应写上{1}",
        "'{0}' is empty: it needs {1}",
    ),
    (
        "site_checks.empty_value_help",
        "填上{0}，或者删去这一行",
        "fill in {0}, or remove the line",
    ),
    (
        "site_checks.empty_item",
        "“{0}”里有一项是空的，应写上{1}",
        "'{0}' has an empty item: it needs {1}",
    ),
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
    (
        "site_checks.what_source",
        "来源（发布预警或信息的单位）",
        "a source (who issued it)",
    ),
    ("site_checks.what_address", "详细地址", "an address"),
    (
        "site_checks.what_maintainer",
        "维护人或维护单位",
        "a maintainer (a person or an office)",
    ),
    (
        "site_checks.what_outlet",
        "播出或刊发单位",
        "an outlet (the station or paper)",
    ),
    ("site_checks.what_program", "栏目名称", "a program name"),
    ("site_checks.what_editor", "责任编辑的姓名", "the editor's name"),
    (
        "site_checks.what_community",
        "村（社区）名称",
        "a village or community name",
    ),
    ("site_checks.what_hours", "开放时间", "opening hours"),
    ("site_checks.what_author", "作者姓名", "an author's name"),
    // Links and images that lead nowhere.
    (
        "site_checks.image_missing",
        "图片 {0} 找不到：网站里没有 {1}",
        "image {0} not found: the site has no {1}",
    ),
    (
        "site_checks.cover_missing",
        "封面图片 {0} 找不到：网站里没有 {1}",
        "cover image {0} not found: the site has no {1}",
    ),
    (
        "site_checks.link_missing",
        "链接 {0} 指向的地址不存在：网站里没有 {1}",
        "link {0} leads nowhere: the site has no {1}",
    ),
    (
        "site_checks.outside_site",
        "{0} 在网站之外：网站发布在 {1} 之下",
        "{0} is outside the site, which is published under {1}",
    ),
    (
        "site_checks.outside_help",
        "写成 {0}；链接站内的页面最好写成 @/ 路径（如 @/articles/文件名.md）",
        "write {0}; link a page of the site by its file (@/articles/FILE.md)",
    ),
    (
        "site_checks.image_help",
        "检查文件夹和文件名（服务器上区分大小写）：页面文件夹里的图片与 index.md 放在一起，/images/… 的图片放在 static/images/ 里",
        "check the folder and the file name (names are case-sensitive on the server): a page folder's pictures sit beside its index.md, /images/… ones in static/images/",
    ),
    (
        "site_checks.cover_help",
        "检查文件夹和文件名（服务器上区分大小写）：cover 写与 index.md 放在一起的文件名，或 static/ 里文件的 /… 地址",
        "check the folder and the file name (names are case-sensitive on the server): write the name of a file beside index.md, or the /… address of a file in static/",
    ),
    (
        "site_checks.did_you_mean_case",
        "是不是 {0}？服务器上的文件名区分大小写",
        "did you mean {0}? names are case-sensitive on the server",
    ),
    (
        "site_checks.closest_file",
        "最接近的是 {0}；{1}",
        "the closest is {0}; {1}",
    ),
    (
        "site_checks.closest_page",
        "最接近的地址是 {0}；链接站内的页面最好写成 @/ 路径（如 @/articles/文件名.md），页面改名后也不会断",
        "the closest address is {0}; link a page of the site by its file (@/articles/FILE.md), which follows renames",
    ),
    (
        "site_checks.link_help",
        "检查地址；链接站内的页面最好写成 @/ 路径（如 @/articles/文件名.md），页面改名后也不会断",
        "check the address; link a page of the site by its file (@/articles/FILE.md), which follows renames",
    ),
];
