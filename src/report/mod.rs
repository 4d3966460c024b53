//! The coverage figures: one computation for the dashboard page,
//! `/dashboard.json`, `kepu report` and the lints.

pub mod columns;
pub mod counts;
pub mod coverage;
pub mod dashboard;
pub mod freshness;
pub mod measures;
pub mod plan;
pub mod qr;
pub mod svg;
pub mod table;
pub mod year;
