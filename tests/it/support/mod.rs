//! Helpers shared by the test modules.

pub mod common;
pub mod images_support;
pub mod serve_support;
