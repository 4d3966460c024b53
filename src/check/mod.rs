//! `kepu check`: the site lints, on a site loaded and rendered in memory.
//!
//! Each lint is a function from the loaded site to warnings at the file and
//! line they concern. Broken links are errors already found by the build.

mod lints;
pub mod names;
pub mod refs;

pub use lints::{lints, lints_of, summary};
