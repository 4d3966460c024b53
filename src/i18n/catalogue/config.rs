//! site.yaml.

/// (id, 中文, English).
pub(super) const MESSAGES: &[(&str, &str, &str)] = &[
    // Reading site.yaml.
    (
        "config.cannot_read",
        "无法读取站点配置文件：{0}",
        "cannot read the site configuration: {0}",
    ),
    (
        "config.cannot_read.help",
        "请在站点文件夹里运行 kepu，或用 --root 文件夹 或 --config 文件 指明位置",
        "run kepu in the site's folder, or give --root DIR or --config FILE",
    ),
    (
        "config.see_readme",
        "每个键的写法见 README 里的 site.yaml 一节",
        "see site.yaml in the README for every key",
    ),
    // Checks of site.yaml.
    (
        "config.base_url.help",
        "写成 https://网址/ 或 https://网址/路径/",
        "write it as https://host/ or https://host/path/",
    ),
    (
        "config.base_url.scheme",
        "base_url '{0}' 应以 https:// 或 http:// 开头",
        "base_url '{0}' must start with https:// or http://",
    ),
    (
        "config.base_url.host",
        "base_url '{0}' 里没有有效的网址（域名）",
        "base_url '{0}' has no valid host",
    ),
    (
        "config.base_url.path",
        "base_url '{0}' 的路径不对",
        "base_url '{0}' has an invalid path",
    ),
    ("config.timezone", "不认识的时区 '{0}'", "unknown time zone '{0}'"),
    (
        "config.timezone.help",
        "请用 IANA 时区名，如 Asia/Shanghai",
        "use an IANA name such as Asia/Shanghai",
    ),
    ("config.no_title", "站点标题（title）是空的", "the site title is empty"),
    ("config.no_language", "language 是空的", "language is empty"),
    (
        "config.no_language.help",
        "写一个语言代码，如 zh-CN",
        "use a language tag such as zh-CN",
    ),
    (
        "config.bad_language",
        "'{0}' 不是语言代码",
        "'{0}' is not a language tag",
    ),
    (
        "config.bad_language.help",
        "写一个语言代码，如 zh-CN（字母和数字，用 '-' 连接）",
        "use a language tag such as zh-CN (letters and digits joined by '-')",
    ),
    (
        "config.image_widths",
        "images.widths {0}：每个宽度应在 16 到 8192 像素之间",
        "images.widths {0}: each width must be from 16 to 8192 pixels",
    ),
    (
        "config.image_widths.help",
        "例如 widths: [480, 800, 1200, 1600]",
        "for example widths: [480, 800, 1200, 1600]",
    ),
    (
        "config.image_quality",
        "images.quality {0} 不在 1 到 100 之间",
        "images.quality {0} is not from 1 to 100",
    ),
    ("config.image_quality.help", "照片用 75 就合适", "75 suits photos"),
    (
        "config.image_width",
        "images.{0} {1} 不在 16 到 8192 像素之间",
        "images.{0} {1} is not from 16 to 8192 pixels",
    ),
    ("config.image_width.help", "两者都用 1200 就合适", "1200 suits both"),
    (
        "config.max_megapixels",
        "images.max_megapixels 至少为 1",
        "images.max_megapixels must be at least 1",
    ),
    ("config.since", "'{0}' 不是日期", "'{0}' is not a date"),
    (
        "config.since.help",
        "写一个日期，如 2026-01-05",
        "write a date such as 2026-01-05",
    ),
    (
        "config.highlight",
        "不认识的代码高亮主题 '{0}'",
        "unknown highlight theme '{0}'",
    ),
    (
        "config.selector",
        "'{0}' 不是 CSS 选择器",
        "'{0}' is not a CSS selector",
    ),
    (
        "config.selector.help",
        "写一个选择器，如 .follow-banner 或 #js_pc_qr_code",
        "write a selector such as .follow-banner or #js_pc_qr_code",
    ),
    (
        "config.town_id",
        "镇街 id '{0}' 只能用 a-z、0-9、- 和 _",
        "town id '{0}' may only use a-z, 0-9, - and _",
    ),
    (
        "config.town_id.help",
        "用名称的拼音，如 xianlong",
        "use the pinyin of the name, e.g. xianlong",
    ),
    (
        "config.town_twice",
        "镇街 id '{0}' 用了两次",
        "town id '{0}' is used twice",
    ),
    (
        "config.town_twice.help",
        "每个镇街用不同的 id",
        "give each town its own id",
    ),
    (
        "config.community_twice",
        "村（社区）'{0}' 在镇街 '{1}' 里列了两次",
        "community '{0}' is listed twice in town '{1}'",
    ),
    (
        "config.taxonomy_name",
        "分类名 '{0}' 只能用 a-z、0-9、- 和 _",
        "taxonomy name '{0}' may only use a-z, 0-9, - and _",
    ),
    (
        "config.taxonomy_section",
        "分类 '{0}' 的网址会和同名栏目重复",
        "taxonomy '{0}' would share its URL with a section of the same name",
    ),
    (
        "config.menu_url",
        "菜单项 '{0}' 没有写 url",
        "menu item '{0}' has no url",
    ),
    (
        "config.output_dir.help",
        "用站点里一个单独的文件夹，如 public",
        "use a folder of its own inside the site, such as public",
    ),
    (
        "config.reserved_domain",
        "base_url '{0}' 是专供举例用的域名：二维码、订阅和 CAP 文件都会指向不存在的地方",
        "base_url '{0}' is on a domain reserved for examples: QR codes, feeds and CAP files would point nowhere",
    ),
    (
        "config.reserved_domain.help",
        "把 base_url 改成网站真正发布的网址，或用 --base-url https://… 指定",
        "set base_url to the address the site is published at, or give --base-url https://…",
    ),
];
