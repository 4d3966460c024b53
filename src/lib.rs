//! kepu (科普): a static site generator for public science popularization.
//!
//! The pipeline runs in stages, each a module:
//! 1. [`config`]: `site.yaml` into a validated [`config::Config`];
//! 2. [`content`]: `content/` into a [`content::Library`] of pages and
//!    sections, with the kinds of [`kinds`] and Markdown from [`markdown`];
//! 3. [`render`]: templates and views into an [`output::OutputSet`];
//! 4. [`output`]: the set written beside the output folder, then swapped in.
//!
//! [`site`] ties them together; the `kepu` binary is a thin layer over it.

pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod encoding;
pub mod error;
mod error_snippet;
pub mod escape;
pub mod feeds;
pub mod i18n;
pub mod images;
pub mod import;
pub mod kinds;
pub mod markdown;
pub mod output;
pub mod render;
pub mod report;
pub mod search;
pub mod serve;
pub mod site;
pub mod time;
pub mod urls;
mod yaml;

pub use error::{Diagnostic, Diagnostics, Error, Result, Severity};
pub use site::{BuildOptions, BuildReport, Site, build, load};
