//! The catalogue's tables, one file an area: `(id, 中文, English)`.

use std::collections::HashMap;
use std::sync::OnceLock;

mod activity;
mod check;
mod cli;
mod config;
mod content;
mod editor;
mod images;
mod import;
mod output;
mod plan;
mod render;
mod site_checks;

type Entry = (&'static str, &'static str, &'static str);

const TABLES: &[&[Entry]] = &[
    editor::MESSAGES,
    cli::MESSAGES,
    config::MESSAGES,
    content::MESSAGES,
    render::MESSAGES,
    check::MESSAGES,
    images::MESSAGES,
    import::MESSAGES,
    output::MESSAGES,
    site_checks::MESSAGES,
    activity::MESSAGES,
    plan::MESSAGES,
];

/// Every entry of every table.
pub(super) fn all() -> impl Iterator<Item = &'static Entry> {
    TABLES.iter().flat_map(|t| t.iter())
}

/// The Chinese and English text of `id`.
pub(super) fn lookup(id: &str) -> Option<(&'static str, &'static str)> {
    static INDEX: OnceLock<HashMap<&'static str, (&'static str, &'static str)>> = OnceLock::new();
    INDEX
        .get_or_init(|| all().map(|(id, zh, en)| (*id, (*zh, *en))).collect())
        .get(id)
        .copied()
}
