//! Checks over the whole site: missing images, links to no page, empty names.

/// (id, 中文, English).
pub(super) const MESSAGES: &[(&str, &str, &str)] = &[];
