//! Feeds: Atom and RSS 2.0 for the site, each section and each taxonomy
//! term (an emergency note's CAP 1.2 messages are its kind's own:
//! [`crate::kinds::emergency::cap`]).
//!
//! Feeds are written by code, not templates: their grammar is fixed, and
//! code keeps them valid against the official schemas whatever the theme.
//! Each entry is serialized once and reused by every feed that holds it.

pub mod atom;
pub mod entries;
pub mod rss;
pub mod scope;

pub use entries::{Entries, FeedEntry, FeedInfo};
pub use scope::FeedScope;

use crate::config::Config;
use crate::time::SiteClock;

/// What feeds read of the site besides its pages.
#[derive(Clone, Copy)]
pub struct FeedEnv<'a> {
    /// Configuration.
    pub config: &'a Config,
    /// Clock.
    pub clock: &'a SiteClock,
}

impl FeedEnv<'_> {
    /// `https://host/base/` + path.
    pub fn permalink(&self, path: &str) -> String {
        crate::urls::permalink(&self.config.base_url, path)
    }
}
