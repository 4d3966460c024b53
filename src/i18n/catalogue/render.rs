//! Templates, Markdown, shortcodes, feeds and search.

/// (id, 中文, English).
pub(super) const MESSAGES: &[(&str, &str, &str)] = &[];
