//! What the commands print: summaries, `kepu new`, `init`, `serve`, `report`.

/// (id, 中文, English).
pub(super) const MESSAGES: &[(&str, &str, &str)] = &[
    ("diag.error", "错误", "error"),
    ("diag.warning", "警告", "warning"),
    ("diag.help", "提示", "help"),
    ("diag.site_errors", "站点有 {0} 个错误", "{0} error(s) in the site"),
    ("diag.count", "{0} 个错误，{1} 个警告", "{0} error(s), {1} warning(s)"),
];
