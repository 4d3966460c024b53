//! Lints, kinds' checks and `kepu report`.

/// (id, 中文, English).
pub(super) const MESSAGES: &[(&str, &str, &str)] = &[];
