//! `kepu import`.

/// (id, 中文, English).
pub(super) const MESSAGES: &[(&str, &str, &str)] = &[
    // What each article came to.
    (
        "import.wrote",
        "已写入 {0}，含 {1} 张图片（来自 {2}）",
        "Wrote {0} with {1} image(s) (from {2})",
    ),
    (
        "import.updated",
        "已更新 {0}，含 {1} 张图片（来自 {2}）",
        "Updated {0} with {1} image(s) (from {2})",
    ),
    (
        "import.unchanged",
        "{0} 没有变化，含 {1} 张图片（来自 {2}）",
        "Unchanged {0} with {1} image(s) (from {2})",
    ),
    (
        "import.unchanged_before",
        "{0} 没有变化（之前已从 {1} 导入；加 --update 会重新写入）",
        "Unchanged {0} (imported before from {1}; --update writes it again)",
    ),
    (
        "import.not_imported",
        "有 {0} 篇文章没有导入",
        "{0} article(s) not imported",
    ),
    // Warnings.
    (
        "import.images_missing",
        "有 {0} 张图片拿不到，已略去（其余内容已导入）：{1}",
        "{0} image(s) could not be had and are left out (the rest is imported): {1}",
    ),
    ("import.cover", "{0}（封面）", "{0} (cover)"),
    (
        "import.no_date",
        "网页上没有发布时间，这篇文章没有日期",
        "the page gives no publish time; the article has no date",
    ),
    // Why an article was not imported.
    ("import.unreadable", "读取不了：{0}", "cannot read it: {0}"),
    (
        "import.empty_folder",
        "这个文件夹里没有保存的网页（.html）；请先在浏览器里把文章另存为“网页，全部”",
        "the folder holds no saved page (.html); save an article in the browser as “网页，全部” first",
    ),
    (
        "import.not_wechat",
        "这不是微信公众号文章的网页（里面没有 #js_content）；请在浏览器里把文章另存为“网页，全部”，再导入那个 .html 文件",
        "this is not a WeChat article page (it has no #js_content); save the article in the browser as “网页，全部” and import the .html file",
    ),
    (
        "import.deleted",
        "这篇文章已被发布者删除（网页上写着：{0}），没有可导入的内容",
        "the article was deleted by its publisher (the page says {0}); there is nothing to import",
    ),
    (
        "import.no_title",
        "网页上找不到文章标题（#activity-name）",
        "the page has no article title (#activity-name)",
    ),
    ("import.fetch", "下载不下来：{0}", "cannot fetch it: {0}"),
    (
        "import.offline",
        "这是一个网址，而 --offline 不允许联网下载；请在浏览器里保存网页，再导入那个文件",
        "this is an address, and --offline forbids fetching it; save the page in the browser and import the file",
    ),
    (
        "import.edited",
        "{0} 在导入后被改过，保持原样不动（加上 --force 才会覆盖它）",
        "{0} was changed after it was imported; it is kept as it is (add --force to overwrite it)",
    ),
    (
        "import.not_bundle",
        "{0} 已不是文章文件夹的样子（x/index.md）；请把它移回去，或换个名字重新导入",
        "{0} is no longer a bundle (x/index.md); move it back or import again under a new name",
    ),
    (
        "import.outside",
        "{0} 不在 content/ 里，或要经过链接才能到达；什么都没有写入",
        "{0} is outside content/ or reached through a symbolic link; nothing was written",
    ),
    ("import.write", "无法写入 {0}：{1}", "cannot write {0}: {1}"),
];
