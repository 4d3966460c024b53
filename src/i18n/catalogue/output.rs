//! The output folder, the files written, `kepu serve`'s server, and faults of the disk.

/// (id, 中文, English).
pub(super) const MESSAGES: &[(&str, &str, &str)] = &[
    ("io.not_found", "找不到这个文件或文件夹（{0}）", "{0}"),
    ("io.permission", "没有读写它的权限（{0}）", "{0}"),
    ("io.disk_full", "磁盘已满（{0}）", "{0}"),
    // Paths of output files.
    (
        "output.path.control",
        "路径里有控制字符（看不见的特殊字符）",
        "the path contains a control character",
    ),
    (
        "output.path.backslash",
        "路径里有反斜杠“\\”，请改用“/”",
        "the path contains a backslash",
    ),
    ("output.path.host", "路径以 // 开头", "the path starts with //"),
    (
        "output.path.up",
        "路径用“..”跳到了上一级文件夹",
        "the path goes up with '..'",
    ),
    ("output.path.drive", "路径里写了盘符（如 C:）", "the path names a drive"),
    ("output.path.empty", "路径是空的", "the path is empty"),
    (
        "output.path.long",
        "路径中有一段名字超过 255 字节，太长了",
        "a path segment is longer than 255 bytes",
    ),
    (
        "output.path.windows",
        "“{0}”{1}：Windows 上打不开这个名字的文件或文件夹；请换一个 slug 或文件名",
        "'{0}' {1}: a file or folder of that name cannot be opened on Windows; choose another slug or file name",
    ),
    (
        "output.windows.colon",
        "含有冒号“:”，Windows 不允许名字里有它",
        "contains ':', which Windows does not allow in names",
    ),
    (
        "output.windows.char",
        "含有 < > \" | ? * 中的字符，Windows 不允许名字里有它们",
        "contains one of < > \" | ? *, which Windows does not allow in names",
    ),
    (
        "output.windows.trailing",
        "以句点或空格结尾，Windows 会把它去掉",
        "ends with a dot or a space, which Windows drops",
    ),
    (
        "output.windows.device",
        "是 Windows 留给设备用的名字",
        "is a name Windows reserves for a device",
    ),
    // Two files at one place.
    (
        "output.taken.both",
        "/{0} 同时由 {1} 和 {2} 生成",
        "/{0} is written by both {1} and {2}",
    ),
    (
        "output.taken.case",
        "/{0}（来自 {1}）和 /{2}（来自 {3}）只有大小写不同：在 Windows 和 macOS 上一个会覆盖另一个；请改掉其中一个的 slug 或文件名",
        "/{0} (from {1}) and /{2} (from {3}) differ only in upper and lower case: on Windows and macOS one would overwrite the other; change one slug or file name",
    ),
    (
        "output.taken.folder_case",
        "/{0}（来自 {1}）在文件夹 /{2}/ 里，而 {3} 写入 /{4}/：两者只有大小写不同，Windows 和 macOS 会当成同一个文件夹；请改掉其中一个的 slug 或文件名",
        "/{0} (from {1}) is in the folder /{2}/, and {3} writes into /{4}/: they differ only in upper and lower case, which Windows and macOS take for one folder; change one slug or file name",
    ),
    ("output.write_failed", "无法写入 /{0}：{1}", "cannot write /{0}: {1}"),
    // The output folder.
    (
        "output.dir.fs_root",
        "不能把 {0} 用作输出文件夹：它是整个磁盘的根目录",
        "refusing to use {0} as the output folder: it is the file system root",
    ),
    (
        "output.dir.holds_site",
        "不能把 {0} 用作输出文件夹：站点本身就在里面，而生成网站会替换整个文件夹",
        "refusing to use {0} as the output folder: it holds the site itself, and a build replaces the whole folder",
    ),
    (
        "output.dir.in_source",
        "不能把 {0} 用作输出文件夹：它在站点的 {1}/ 文件夹里",
        "refusing to use {0} as the output folder: it is inside the site's {1}/ folder",
    ),
    (
        "output.dir.dead_link",
        "{0} 是一个链接，指向的文件夹打不开（{1}）；请让它指向一个文件夹，或删掉它",
        "{0} is a link to a folder that cannot be reached ({1}); point it at a folder or remove it",
    ),
    (
        "output.dir.not_folder",
        "{0} 已存在，但不是文件夹；kepu 不会替换它",
        "{0} exists and is not a folder; kepu will not replace it",
    ),
    (
        "output.dir.not_ours",
        "{0} 已存在，但不是 kepu 生成的（里面没有 {1} 文件）；请把它移走，或换一个输出文件夹",
        "{0} exists and was not written by kepu (it has no {1} file); move it away or choose another output folder",
    ),
    // One build at a time.
    (
        "output.lock.busy",
        "另一个 kepu 正在生成到 {0}；请等它完成后再生成",
        "another kepu process is building into {0}; wait until it has finished, then build again",
    ),
    (
        "output.lock.busy_pid",
        "另一个 kepu（进程号 {0}）正在生成到 {1}；请等它完成后再生成",
        "another kepu process (pid {0}) is building into {1}; wait until it has finished, then build again",
    ),
    (
        "output.lock.contended",
        "无法锁定 {0}：其他生成过程一直在替换它",
        "cannot take the lock {0}: other builds keep replacing it",
    ),
    // `kepu serve`: the terminal.
    ("serve.bind", "无法在 {0} 上启动预览：{1}", "cannot listen on {0}: {1}"),
    (
        "serve.watch",
        "无法监视站点文件的改动：{0}",
        "cannot watch the site's files: {0}",
    ),
    ("serve.runtime", "预览服务出错：{0}", "server: {0}"),
    (
        "serve.port_taken",
        "端口 {0} 已被占用，改用 {1}。",
        "Port {0} is taken; using {1} instead.",
    ),
    (
        "serve.serving",
        "预览地址：{0}（按 Ctrl-C 停止）",
        "Serving at {0} (Ctrl-C to stop)",
    ),
    ("serve.stopped", "预览已停止。", "Stopped."),
    (
        "serve.built",
        "已生成 {0} 个页面，用时 {1} 毫秒",
        "Built {0} pages in {1} ms",
    ),
    (
        "serve.has_errors",
        "站点有错误；改正之前，浏览器里会一直显示它们。",
        "The site has errors; the browser shows them until they are fixed.",
    ),
    (
        "serve.no_browser",
        "无法打开浏览器（{0}：{1}）；请自己在浏览器里打开 {2}。",
        "Could not open a browser ({0}: {1}); open {2} yourself.",
    ),
    (
        "serve.images_start",
        "正在后台处理 {0} 张图片；处理完之前，页面先显示原图。",
        "Making {0} images in the background; pages show the originals until then.",
    ),
    (
        "serve.images_made",
        "已处理 {0} 张图片，重新载入用时 {1} 毫秒",
        "Made {0} images; reloaded in {1} ms",
    ),
    (
        "serve.brought_all",
        "订阅、搜索和网站地图已更新，用时 {0} 毫秒",
        "Brought feeds, search and sitemap up to date in {0} ms",
    ),
    ("serve.part.feeds", "订阅", "feeds"),
    ("serve.part.search", "搜索", "search"),
    ("serve.part.sitemap", "网站地图", "sitemap"),
    ("serve.part.other", "其余文件", "other files"),
    (
        "serve.brought_part",
        "{0}已更新，用时 {1} 毫秒",
        "Brought {0} up to date in {1} ms",
    ),
    ("serve.css", "已重新载入样式表（{0}）", "Reloaded stylesheets ({0})"),
    ("serve.reloaded", "已重新载入（{0}）", "Reloaded ({0})"),
    (
        "serve.rebuilt",
        "已重新生成 {0} 个页面，用时 {1} 毫秒（{2}）",
        "Rebuilt {0} pages in {1} ms ({2})",
    ),
    (
        "serve.failed",
        "重新生成失败（{0}）；浏览器会在上一次生成成功的页面上显示错误。",
        "Rebuild failed ({0}); the browser shows the errors over the last good site.",
    ),
    ("serve.and_more", "{0} 等另外 {1} 个文件", "{0} and {1} more"),
    // `kepu serve`: what the browser sees.
    (
        "serve.overlay.heading",
        "kepu：{0} 个错误；这是上一次生成成功的页面",
        "kepu: {0} error(s); this page is the last good build",
    ),
    ("serve.overlay.close", "关闭", "Close"),
    (
        "serve.page.not_found",
        "这个地址没有页面",
        "There is no page at this address",
    ),
    (
        "serve.page.no_site",
        "网站还没有生成成功；错误列在上方和终端里",
        "The site has not built yet; the errors are listed above and in the terminal",
    ),
    (
        "serve.forbidden",
        "禁止访问：这个预览只接受 localhost 和它监听的地址。请打开 http://127.0.0.1:PORT/（或用 --bind 0.0.0.0 启动后，用这台电脑的 IP 地址打开）；要用别的名字，请用 --base-url http://NAME:PORT/ 启动 kepu serve",
        "forbidden: this preview answers only localhost and the addresses it listens on; open it at http://127.0.0.1:PORT/ (or this computer's IP address with --bind 0.0.0.0), or start kepu serve with --base-url http://NAME:PORT/ to use another name",
    ),
    ("serve.method", "不支持这种请求方式", "method not allowed"),
    ("serve.bad_request", "请求的地址有误", "bad request"),
    ("serve.not_found", "找不到这个文件", "not found"),
];
