//! The output folder, the files written, `kepu serve`'s server, and faults of the disk.

/// (id, 中文, English).
pub(super) const MESSAGES: &[(&str, &str, &str)] = &[];
