//! site.yaml.

/// (id, 中文, English).
pub(super) const MESSAGES: &[(&str, &str, &str)] = &[];
