//! Templates, Markdown, shortcodes, feeds and search.

/// (id, 中文, English).
pub(super) const MESSAGES: &[(&str, &str, &str)] = &[
    // Templates and the theme.
    (
        "render.theme_missing",
        "找不到主题 '{0}'：没有 themes/{0}/ 这个文件夹",
        "theme '{0}' not found: there is no folder themes/{0}/",
    ),
    (
        "render.theme_missing.help",
        "把 'theme:' 改成 themes/ 下已有的文件夹名，或运行 'kepu init' 新建一个带默认主题的站点",
        "set 'theme:' to a folder under themes/, or run 'kepu init' for a site with the default theme",
    ),
    ("render.cannot_read", "无法读取：{0}", "cannot read: {0}"),
    (
        "render.cannot_read.help",
        "让运行 kepu 的用户有权限读取它（Windows 上：右键 → 属性 → 安全）",
        "give the user who runs kepu permission to read it (on Windows: Properties → Security)",
    ),
    (
        "render.template_unreadable",
        "无法读取模板：{0}",
        "cannot read the template: {0}",
    ),
    (
        "render.template_missing",
        "找不到模板 '{0}'",
        "template '{0}' not found",
    ),
    (
        "render.template_missing.help",
        "新建 templates/{0}（或主题里的 {1}{0}）",
        "create templates/{0} (or {1}{0} in the theme)",
    ),
    (
        "render.parent_missing",
        "模板 '{0}' 要套用的 '{1}' 不存在",
        "'{0}' extends '{1}', which does not exist",
    ),
    (
        "render.parent_missing.help",
        "新建 templates/{0}",
        "create templates/{0}",
    ),
    (
        "render.circular_extend",
        "模板 '{0}' 通过 extends 绕了一圈又套用回自己：{1}",
        "Circular extend detected for template '{0}'. Inheritance chain: {1}",
    ),
    (
        "render.circular_include",
        "模板 '{0}' 通过 include 绕了一圈又引用回自己：{1}",
        "Circular include detected for template '{0}'. Include chain: {1}",
    ),
    (
        "render.circular.help",
        "去掉其中一处 include 或 extends，让这些模板不再互相引用",
        "remove one of the includes or extends, so that the templates no longer refer to each other",
    ),
    ("render.template_error", "模板出错", "template error"),
    ("render.shortcode_template", "短代码 '{0}'：{1}", "shortcode '{0}': {1}"),
    (
        "render.shortcode_template.at",
        "短代码 '{0}'：{1}（{2}:{3}）",
        "shortcode '{0}': {1} ({2}:{3})",
    ),
    // Copied files.
    (
        "render.same_name",
        "{0} 和 {1} 会发布成同一个地址 /{2}（它们的文件名不是有效的 UTF-8 编码）；请给其中一个改名",
        "{0} and {1} would both be published as /{2} (their names are not valid UTF-8); rename one of them",
    ),
    ("render.cannot_copy", "无法复制到 /{0}：{1}", "cannot copy to /{0}: {1}"),
    (
        "render.file_unreadable",
        "无法读取这个文件：{0}",
        "cannot read the file: {0}",
    ),
    (
        "render.symlink",
        "跳过了一个符号链接（快捷方式）：kepu 只发布真实的文件",
        "symbolic link skipped: kepu publishes only real files",
    ),
    (
        "render.symlink.help",
        "把文件本身复制到站点里，不要用链接",
        "copy the file into the site instead of linking it",
    ),
    ("render.redirect", "跳转页 /{0}：{1}", "redirect /{0}: {1}"),
    // Markdown.
    (
        "markdown.broken_link",
        "站内链接失效：找不到页面 @/{0}",
        "broken internal link: @/{0} does not exist",
    ),
    (
        "markdown.broken_relative_link",
        "站内链接失效：{0} 指向 content/{1}，没有这一篇",
        "broken internal link: {0} points at content/{1}, which does not exist",
    ),
    (
        "markdown.wechat_image",
        "这张图片在微信公众号的服务器上（mmbiz.qpic.cn）：微信不让别的网站显示它，读者只会看到“此图片来自微信公众平台”的提示",
        "this picture is on WeChat's servers (mmbiz.qpic.cn): WeChat does not let other sites show it, readers see a WeChat placeholder instead",
    ),
    (
        "markdown.wechat_image.help",
        "把图片存下来放在文章旁边，写成 ![说明](图片文件名.jpg)；整篇公众号文章可以用 kepu import wechat 导入，图片会一起存下来",
        "save the picture beside the article and write ![caption](file.jpg); a whole 公众号 article can be brought in with kepu import wechat, pictures included",
    ),
    (
        "markdown.heading_without_space",
        "这一行以 # 开头，但 # 后面没有空格：它会显示成普通文字，不是标题",
        "this line starts with # but has no space after it: it shows as plain text, not as a heading",
    ),
    (
        "markdown.heading_without_space.help",
        "要做标题，在 # 后面加一个空格，如“## 小标题”；要显示 # 号本身，写成 \\#",
        "for a heading, put a space after the #, as in '## Part'; to show the # itself, write \\#",
    ),
    (
        "markdown.broken_link.help",
        "检查 content/ 下的路径和文件名是否写对",
        "check the path under content/",
    ),
    (
        "markdown.highlight_theme",
        "没有名为 `{0}` 的代码高亮主题；可用的有：{1}",
        "unknown highlight theme `{0}`; available: {1}",
    ),
    // Shortcodes.
    (
        "markdown.shortcode.syntax.help",
        "短代码的写法是 {{ name(key=\"文字\", n=3, flag=true) }} 或 {% name(key=\"文字\") %}正文{% end %}（符号都用半角）",
        "shortcodes look like {{ name(key=\"text\", n=3, flag=true) }} or {% name(key=\"text\") %}body{% end %}",
    ),
    (
        "markdown.shortcode.no_end",
        "短代码 `{0}` 缺少结尾的 `{% end %}`",
        "shortcode `{0}` has no `{% end %}`",
    ),
    (
        "markdown.shortcode.no_end.help",
        "在正文的最后加上一行 {% end %}",
        "close the body with {% end %}",
    ),
    (
        "markdown.shortcode.unknown",
        "没有名为 `{0}` 的短代码",
        "unknown shortcode `{0}`",
    ),
    (
        "markdown.shortcode.unknown.help",
        "新建 templates/shortcodes/{0}.html",
        "create templates/shortcodes/{0}.html",
    ),
    (
        "markdown.shortcode.failed",
        "短代码 `{0}` 出错：{1}",
        "shortcode `{0}` failed: {1}",
    ),
    (
        "markdown.shortcode.closer",
        "短代码 `{1}` 应以 `{0}` 结尾",
        "expected `{0}` to close shortcode `{1}`",
    ),
    (
        "markdown.shortcode.arg_name",
        "短代码 `{0}` 里这里应是参数名或 `)`",
        "expected an argument name or `)` in shortcode `{0}`",
    ),
    (
        "markdown.shortcode.equals",
        "参数 `{0}` 后面应有 `=`",
        "expected `=` after argument `{0}`",
    ),
    (
        "markdown.shortcode.after_arg",
        "参数 `{0}` 后面应是半角的 `,` 或 `)`",
        "expected `,` or `)` after argument `{0}`",
    ),
    (
        "markdown.shortcode.bare_word",
        "`{1}` 的值 `{0}` 要加引号：\"{0}\"",
        "unexpected `{0}` as value of `{1}`; quote strings: \"{0}\"",
    ),
    (
        "markdown.shortcode.no_value",
        "参数 `{0}` 缺少值",
        "expected a value for argument `{0}`",
    ),
    (
        "markdown.shortcode.unterminated",
        "引号没有配对：文字缺少结尾的引号",
        "unterminated string",
    ),
    (
        "markdown.shortcode.number",
        "`{0}` 不是有效的数字",
        "invalid number `{0}`",
    ),
    (
        "markdown.shortcode.depth",
        "`{0}` 里的列表嵌套超过了 {1} 层",
        "arrays in `{0}` nest deeper than {1} levels",
    ),
    (
        "markdown.shortcode.in_array",
        "`{0}` 的列表里这里应是半角的 `,` 或 `]`",
        "expected `,` or `]` in the array for `{0}`",
    ),
    // Search.
    (
        "search.no_template",
        "站内搜索已开启，但主题里没有 search.html：不会生成 /search/ 页面",
        "search is on but the theme has no search.html: /search/ is not written",
    ),
    (
        "search.no_template.help",
        "新建 templates/search.html，或在 site.yaml 里写 'search: { enabled: false }' 关闭搜索",
        "add templates/search.html, or set 'search: { enabled: false }'",
    ),
];
