//! The coverage figures: one computation for the dashboard page,
//! `/dashboard.json`, `kepu report` and the lints.

pub mod columns;
pub mod coverage;
pub mod dashboard;
pub mod freshness;
pub mod qr;
pub mod svg;
pub mod table;
