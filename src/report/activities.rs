//! The activity figures of a year (科普活动, 科技志愿服务), in total and by
//! town: what the plan's measures `activities_volunteer_service` and
//! `activity_coverage`, the year-end summary and `/dashboard.json` read.
//!
//! The activity kind (`content/activities/`) is not part of the site yet:
//! [`figures`] is the one function that counts activities, and today it
//! finds none, so every count is zero and the pages say that no activity is
//! recorded yet. When the kind exists, [`figures`] counts its pages; the
//! measures, pages, JSON and `kepu report` need no other change.

use serde::Serialize;

use crate::config::Config;
use crate::content::Library;
use crate::time::SiteClock;

/// The activity kind whose activities count for 科技志愿服务 (its
/// `activity_kind` value).
pub const VOLUNTEER_SERVICE: &str = "科技志愿服务";

/// A year's activities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityFigures {
    /// The year.
    pub year: i16,
    /// Activities held that year (started on or before the day counted), of
    /// every kind.
    pub total: usize,
    /// Of which 科技志愿服务 activities.
    pub volunteer_service: usize,
    /// Participants of those activities (人次).
    pub participants: usize,
    /// Each town of site.yaml, in its order (all of them, with zeros);
    /// activities without a town count in the totals only.
    pub by_town: Vec<TownActivities>,
}

/// One town's activities of the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TownActivities {
    /// Town id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Activities held there.
    pub total: usize,
    /// Of which 科技志愿服务.
    pub volunteer_service: usize,
    /// Participants (人次).
    pub participants: usize,
    /// Resident population (`population` in site.yaml), if given.
    pub population: Option<u64>,
}

/// The activities of `year` held up to `until` (the build clock for the
/// current year, the year's last instant for a past one).
///
/// Today: zeros for every town, as no activity page exists. To fill when
/// the activity kind lands: for each activity page whose `start` falls in
/// `year` and is not after `until`, add one to `total` (and to its town's),
/// one to `volunteer_service` when its `activity_kind` is
/// [`VOLUNTEER_SERVICE`], and its `participants`.
pub fn figures(
    _lib: &Library,
    config: &Config,
    _clock: &SiteClock,
    year: i16,
    _until: jiff::Timestamp,
) -> ActivityFigures {
    ActivityFigures {
        year,
        total: 0,
        volunteer_service: 0,
        participants: 0,
        by_town: config
            .site
            .towns
            .iter()
            .map(|t| TownActivities {
                id: t.id.clone(),
                name: t.name.clone(),
                total: 0,
                volunteer_service: 0,
                participants: 0,
                population: t.population,
            })
            .collect(),
    }
}
