//! The integration tests: one binary, one module per area. Shared
//! helpers are under `support/`, fixture sites under `tests/fixtures/`.

mod support;

mod activities;
mod boards;
mod build;
mod builtin_theme;
mod chinese_values;
mod commands;
mod crash_replays;
mod editor_checks;
mod editor_mistakes;
mod emergency_columns;
mod errors;
mod example_site;
mod faults;
mod feeds;
mod hostile;
mod images;
mod import_wechat;
mod lists;
mod plan;
mod portal;
mod raw_html;
mod render_messages;
mod search;
mod serve;
mod serve_load;
mod serve_props;
