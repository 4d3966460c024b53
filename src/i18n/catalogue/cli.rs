//! What the commands print: summaries, `kepu new`, `init`, `serve`, `report`.

/// (id, 中文, English).
pub(super) const MESSAGES: &[(&str, &str, &str)] = &[
    ("diag.error", "错误", "error"),
    ("diag.warning", "警告", "warning"),
    ("diag.help", "提示", "help"),
    ("diag.site_errors", "站点有 {0} 个错误", "{0} error(s) in the site"),
    ("diag.count", "{0} 个错误，{1} 个警告", "{0} error(s), {1} warning(s)"),
    // Arguments.
    ("cli.lang.bad", "“{0}”：请用 zh 或 en", "'{0}': use zh or en"),
    (
        "cli.now.bad",
        "“{0}”不是 RFC 3339 格式的时间，应写成 2026-07-15T10:00:00+08:00 这样",
        "'{0}' is not an RFC 3339 time such as 2026-07-15T10:00:00+08:00",
    ),
    // `kepu build`.
    (
        "cli.build.lints",
        "站点检查发现：{0}（运行 kepu check 查看详情）",
        "site lints: {0} (run kepu check for details)",
    ),
    (
        "cli.build.drafts",
        "有 {0} 篇草稿（draft: true）没有发布；kepu serve 预览时能看到，kepu build --drafts 会把它们一起生成",
        "{0} draft(s) left out (draft: true); kepu serve shows them, kepu build --drafts builds them",
    ),
    (
        "cli.build.done",
        "已生成 {0} 个页面（共 {1} 个文件，写入 {2} 个），用时 {3} 秒 → {4}/",
        "Built {0} pages ({1} files, {2} written) in {3} s → {4}/",
    ),
    (
        "cli.build.images",
        "图片：{0} 张（处理 {1} 张，{2} 张取自 .kepu-cache/）",
        "Images: {0} ({1} processed, {2} from .kepu-cache/)",
    ),
    (
        "cli.build.failed",
        "生成失败；输出文件夹保持原样，没有改动。",
        "Build failed; the output folder was left as it was.",
    ),
    ("cli.build.progress", "已写入 {0} 个文件 …", "{0} files written …"),
    // `kepu check`.
    (
        "cli.check.done",
        "已检查 {0} 个页面：{1} 个错误，{2} 个警告。",
        "Checked {0} pages: {1} error(s), {2} warning(s).",
    ),
    // `kepu new`.
    ("cli.new.wrote", "已写入 {0}", "Wrote {0}"),
    (
        "cli.new.no_slug",
        "无法从标题“{0}”生成文件名",
        "cannot make a file name from the title '{0}'",
    ),
    (
        "cli.new.exists",
        "{0} 已经存在；请换一个标题",
        "{0} exists already; choose another title",
    ),
    (
        "cli.new.pick",
        "--{0} {1}：请从这些里选一个：{2}",
        "--{0} {1}: use one of {2}",
    ),
    ("cli.new.expires", "--expires {0}：{1}", "--expires {0}: {1}"),
    (
        "cli.new.area",
        "--area {0}：请从这些镇街里选一个：{1}",
        "--area {0}: use one of {1}",
    ),
    // `kepu init`.
    (
        "cli.init.not_empty",
        "{0} 里已经有文件；kepu init 只写入新的或空的文件夹",
        "{0} is not empty; kepu init only writes into a new or empty folder",
    ),
    (
        "cli.init.wrote",
        "新站点已写好（{0} 个文件），在 {1}/",
        "Wrote a new site ({0} files) in {1}/",
    ),
    (
        "cli.init.next",
        "下一步：cd {0} && kepu build",
        "Next: cd {0} && kepu build",
    ),
];
