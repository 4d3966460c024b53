//! Content: files, front matter, links, data.

/// (id, 中文, English).
pub(super) const MESSAGES: &[(&str, &str, &str)] = &[
    // YAML, wherever it is written (front matter, site.yaml, data/).
    (
        "yaml.too_deep",
        "YAML 里的列表和“键: 值”套得太深（超过 128 层）",
        "the YAML nests lists and maps too deeply (more than 128 levels)",
    ),
    (
        "yaml.aliases",
        "YAML 里的别名（*名字）重复引用太多次；请把值直接写出来",
        "the YAML repeats its aliases (*name) too often; write the values out instead",
    ),
    (
        "yaml.unknown_field",
        "不认识的键 '{0}'，可用的键：{1}",
        "unknown field '{0}', expected one of {1}",
    ),
    (
        "yaml.unknown_field.in",
        "{0} 下不认识的键 '{1}'，可用的键：{2}",
        "{0}: unknown field '{1}', expected one of {2}",
    ),
    (
        "yaml.unknown_value",
        "'{0}' 不是可用的值，可选：{1}",
        "unknown variant '{0}', expected one of {1}",
    ),
    (
        "yaml.unknown_value.in",
        "{0} 的值 '{1}' 不可用，可选：{2}",
        "{0}: unknown variant '{1}', expected one of {2}",
    ),
    ("yaml.missing_field", "缺少必填的键 '{0}'", "missing field '{0}'"),
    (
        "yaml.missing_field.in",
        "{0} 下缺少必填的键 '{1}'",
        "{0}: missing field '{1}'",
    ),
    // Dates and times.
    (
        "time.unknown_zone",
        "不认识的时区 '{0}'（请用 IANA 时区名，如 Asia/Shanghai）",
        "unknown time zone '{0}' (use an IANA name such as Asia/Shanghai)",
    ),
    (
        "time.not_a_date",
        "'{0}' 不是日期（请写成 2026-07-15、2026年7月15日、2026-07-15 08:30 或 2026-07-15T08:30:00+08:00）",
        "'{0}' is not a date (write 2026-07-15, 2026年7月15日, 2026-07-15 08:30 or 2026-07-15T08:30:00+08:00)",
    ),
    // Kinds of pages, as messages name them.
    ("kind.article", "科普文章", "article"),
    ("kind.emergency", "应急科普", "emergency note"),
    ("kind.column", "科普栏目", "column entry"),
    ("kind.board", "宣传栏", "board"),
    ("kind.station", "科普站", "station"),
    ("kind.activity", "科普活动", "activity"),
    ("kind.page", "页面", "page"),
    ("kind.article.many", "科普文章", "articles"),
    ("kind.emergency.many", "应急科普", "emergency notes"),
    ("kind.column.many", "科普栏目", "column entries"),
    ("kind.board.many", "宣传栏", "boards"),
    ("kind.station.many", "科普站", "stations"),
    ("kind.activity.many", "科普活动", "activities"),
    ("kind.page.many", "页面", "pages"),
    // Front matter of each kind.
    (
        "kind.foreign_key",
        "'{0}' 是{1}的键，{2}不用它",
        "'{0}' is a field of {1}, not of {2}",
    ),
    (
        "kind.foreign_key.help",
        "删掉这一行，或把文件移到 content/{0}/ 下",
        "remove it, or move the file to content/{0}/",
    ),
    ("kind.unknown_value", "不认识的 {0}：'{1}'", "unknown {0} '{1}'"),
    ("kind.use_one_of", "可选：{0}", "use one of: {0}"),
    ("kind.required", "{0}必须填写 '{1}'", "{0} need '{1}'"),
    (
        "kind.required.help",
        "在 front matter 里加上 '{0}: ...'",
        "add '{0}: ...' to the front matter",
    ),
    // Boards.
    (
        "board.not_a_link",
        "'{0}' 不是站内链接",
        "'{0}' is not an internal link",
    ),
    (
        "board.not_a_link.help",
        "把页面写成 \"@/articles/文件名.md\"",
        "write the page as \"@/articles/name.md\"",
    ),
    (
        "board.until_before_from",
        "'until'（撤下日期）不在 'from'（展出日期）之后",
        "'until' is not after 'from'",
    ),
    (
        "board.unknown_poster",
        "不认识的海报 {0}：'{1}'",
        "unknown poster {0} '{1}'",
    ),
    // Column entries.
    (
        "column.needs_date",
        "科普栏目必须填写 'date'（播出或刊发的日期）",
        "a column entry needs 'date' (when it aired or was published)",
    ),
    (
        "column.needs_date.help",
        "加上 'date: 2026-07-15'",
        "add 'date: 2026-07-15'",
    ),
    // Emergency notes.
    (
        "emergency.needs_date",
        "应急科普必须填写 'date'（开始生效的时间）",
        "an emergency note needs 'date' (when it starts to apply)",
    ),
    (
        "emergency.needs_date.help",
        "加上 'date: 2026-07-15T08:00:00+08:00'",
        "add 'date: 2026-07-15T08:00:00+08:00'",
    ),
    (
        "emergency.expires_before_date",
        "expires（{0}）比 date 还早：这条应急科普永远不会显示",
        "expires ({0}) is earlier than date: the note would never be shown",
    ),
    (
        "emergency.expires_before_date.help",
        "检查 'expires' 和 'date' 的日期和时间",
        "check the day and the time of 'expires' and of 'date'",
    ),
    // Reading a content file.
    (
        "content.cannot_read",
        "无法读取这个文件：{0}",
        "cannot read the file: {0}",
    ),
    (
        "content.not_utf8",
        "这个文件不是 UTF-8 编码",
        "the file is not valid UTF-8",
    ),
    (
        "content.not_utf8.help",
        "请把文件另存为 UTF-8 编码（多数编辑器里：“另存为”→ 编码选 UTF-8）",
        "save the file as UTF-8 (in most editors: 'Save with encoding' → UTF-8)",
    ),
    (
        "content.not_md",
        "{0} 的名字不以 .md 结尾：kepu 不会把它当作文章，也不会发布它",
        "{0} does not end in .md: kepu neither reads it as a page nor publishes it",
    ),
    (
        "content.not_md.help",
        "改名为 {0}（Windows 资源管理器里先勾选“查看 → 文件扩展名”，才看得到 .txt 这样的后缀）",
        "rename it to {0} (in Windows Explorer, tick View → File name extensions to see endings such as .txt)",
    ),
    (
        "content.gbk",
        "这个文件是 GBK 编码（Windows 记事本里叫“ANSI”），kepu 只读 UTF-8 编码的文件",
        "the file is in GBK (what Notepad on Chinese Windows calls 'ANSI'); kepu reads UTF-8 files only",
    ),
    (
        "content.gbk.help",
        "用记事本打开它，“文件”→“另存为”，“编码”选 UTF-8 后保存；其他编辑器里也是“另存为”→ 编码选 UTF-8",
        "open it in Notepad, File → Save As, set Encoding to UTF-8 and save; in other editors too: Save As → encoding UTF-8",
    ),
    (
        "content.utf16",
        "这个文件是 UTF-16 编码（Windows 记事本里叫“Unicode”），kepu 只读 UTF-8 编码的文件",
        "the file is in UTF-16 (what Windows Notepad calls 'Unicode'); kepu reads UTF-8 files only",
    ),
    (
        "content.utf16.help",
        "用记事本打开它，“文件”→“另存为”，“编码”选 UTF-8 后保存",
        "open it in Notepad, File → Save As, set Encoding to UTF-8 and save",
    ),
    (
        "content.nul",
        "文件里有一个看不见的空字符（NUL）",
        "the file contains a NUL byte",
    ),
    (
        "content.nul.help",
        "删掉这个看不见的字符",
        "remove the invisible character",
    ),
    // Front matter common to every page.
    ("content.no_title", "这个页面没有标题", "the page has no title"),
    (
        "content.no_title.help",
        "在 front matter 里加上 'title: ...'",
        "add 'title: ...' to the front matter",
    ),
    (
        "content.section_key",
        "'{0}' 只能写在栏目的 _index.md 里，不能写在单个页面里",
        "'{0}' belongs in a section's _index.md, not in a page",
    ),
    (
        "content.bad_slug",
        "slug '{0}' 只能用字母、数字、'-'、'_' 和 '.'",
        "slug '{0}' may only use letters, digits, '-', '_' and '.'",
    ),
    (
        "content.bad_slug.help",
        "写一个简单的 slug，如 heat-stroke；所在文件夹由文件的位置决定",
        "write a plain slug such as heat-stroke; folders come from where the file is",
    ),
    (
        "content.no_slug",
        "无法从文件名 '{0}' 生成网址",
        "no slug can be made from the file name '{0}'",
    ),
    ("content.no_slug.help", "加上 'slug: ...'", "add 'slug: ...'"),
    (
        "content.sort_by.help",
        "可选 date、weight 或 title",
        "use date, weight or title",
    ),
    (
        "content.paginate_by",
        "paginate_by 至少为 1",
        "paginate_by must be at least 1",
    ),
    (
        "content.bad_template",
        "template '{0}' 应为 templates/ 文件夹里的一个文件",
        "template '{0}' must name a file under templates/",
    ),
    (
        "content.bad_template.help",
        "写相对于 templates/ 的文件名，如 article.html 或 special/page.html",
        "write a name relative to templates/, such as article.html or special/page.html",
    ),
    (
        "content.too_many_terms",
        "'{0}' 列了 {1} 项；一个页面最多 {2} 项",
        "'{0}' lists {1} entries; a page may have at most {2}",
    ),
    (
        "content.too_many_terms.help",
        "只保留读者会去找的 {0}",
        "keep the {0} that readers will look for",
    ),
    (
        "content.no_front_matter",
        "文件开头没有 front matter（文章信息）",
        "the file does not start with front matter",
    ),
    (
        "content.no_front_matter.help",
        "文件第一行写 '---'，接着写 'title: ...'，再写一行 '---'",
        "begin the file with a line '---', then 'title: ...', then another '---'",
    ),
    (
        "content.front_matter_open",
        "front matter 没有结束",
        "the front matter is not closed",
    ),
    (
        "content.front_matter_open.help",
        "在最后一个键的下一行加一行 '---'",
        "add a line '---' after the last front-matter key",
    ),
    // Finding the files.
    ("content.cannot_read_entry", "无法读取：{0}", "cannot read: {0}"),
    (
        "content.symlink",
        "跳过了一个快捷方式（符号链接）：kepu 只读取 content/ 里真正的文件",
        "symbolic link skipped: kepu only reads real files inside content/",
    ),
    (
        "content.symlink.help",
        "把文件复制到站点里，不要用链接",
        "copy the file into the site instead of linking it",
    ),
    // Addresses of pages.
    (
        "content.same_url",
        "'{0}' 和 '{1}' 的网址都是 /{2}",
        "'{0}' and '{1}' both want the URL /{2}",
    ),
    (
        "content.same_url.help",
        "给其中一个文件改名，或给它另写一个 'slug:'",
        "rename one of the files or give it another 'slug:'",
    ),
    (
        "content.section_url",
        "这个页面的网址 /{0} 和一个栏目的网址相同",
        "the page's URL /{0} is the URL of a section",
    ),
    (
        "content.section_url.help",
        "给这个页面另写一个 slug",
        "give the page another slug",
    ),
    ("content.owner.home", "首页", "the section home"),
    ("content.owner.section", "栏目 {0}", "the section {0}"),
    ("content.owner.alias", "{0} 的旧地址", "an alias of {0}"),
    (
        "content.alias_unusable",
        "旧地址 '{0}' 不能用：{1}",
        "alias '{0}' cannot be used: {1}",
    ),
    (
        "content.alias_taken",
        "旧地址 '{0}' 已经是 {1} 的网址",
        "alias '{0}' is already the URL of {1}",
    ),
    (
        "content.alias.help",
        "写旧网站上的路径，如 /old/path/",
        "write an old site path such as /old/path/",
    ),
    // References between pages and to site.yaml.
    (
        "content.no_towns.help",
        "先在 site.yaml 的 'towns' 里加上这个镇街",
        "add the town to 'towns' in site.yaml",
    ),
    (
        "content.known_towns",
        "已有的镇街（写 id 或名称都可以）：{0}",
        "known towns, by id or name: {0}",
    ),
    ("content.unknown_town", "不认识的镇街 id '{0}'", "unknown town id '{0}'"),
    (
        "board.missing_page",
        "宣传栏要展出的 @/{0} 不存在",
        "the board shows @/{0}, which does not exist",
    ),
    (
        "board.missing_page.help",
        "检查 content/ 下的路径（草稿不会生成）",
        "check the path under content/ (drafts are not built)",
    ),
    (
        "station.unknown_community",
        "'{0}' 不是{1}的村或社区",
        "'{0}' is not a community of {1}",
    ),
    (
        "station.unknown_community.help",
        "在 site.yaml 里把它加到这个镇街的 communities，或从这些里选：{0}",
        "add it to the town's communities in site.yaml, or use one of: {0}",
    ),
    (
        "station.unknown_board",
        "没有 id 为 '{0}' 的宣传栏",
        "no board has the id '{0}'",
    ),
    (
        "station.unknown_board.help",
        "宣传栏的 id 就是它在 content/boards/ 下的文件名",
        "a board's id is its file name under content/boards/",
    ),
    // Links inside a page.
    (
        "content.broken_anchor",
        "链接 @/{0}#{1} 断了：那个页面没有这个 id 的标题",
        "broken anchor: @/{0}#{1}: the page has no heading with that id",
    ),
    (
        "content.broken_anchor.no_headings",
        "那个页面没有标题",
        "the target page has no headings",
    ),
    ("content.broken_anchor.ids", "那个页面有这些 id：{0}", "ids there: {0}"),
    // Writing the site.
    (
        "site.foreign_file",
        "输出文件夹里的 {0} 不是 kepu 写的，会和旧网站一起删掉；网站服务器需要的文件（CNAME、.well-known/ 等）请放在 static/ 里，版本管理也请放在输出文件夹之外",
        "{0} in the output folder was not written by kepu and is removed with the old site; put files the host needs (CNAME, .well-known/ ...) in static/ and keep version control outside the output folder",
    ),
    ("error.io", "读写 {0} 时出错：{1}", "{0}: {1}"),
    ("yaml.parser", "这里的 YAML 写得不对：{0}", "{0}"),
];
