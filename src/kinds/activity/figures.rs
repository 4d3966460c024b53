//! A year's activities in figures, for the plan's measures
//! (`activities_volunteer_service`, `activity_coverage`), the year-end
//! summary and `/dashboard.json`: how many were held, how many were
//! 科技志愿服务, how many people came, in total and by town.
//!
//! An activity belongs to the year of its start (in the site's zone) and
//! counts once it has begun by the instant counted (`until`: the build's
//! "now" for the current year, the year's last instant for a past one);
//! its participants count once it is over by then.

use jiff::Timestamp;
use serde::Serialize;

use super::{ActivityKind, ActivityMeta};
use crate::config::Config;
use crate::content::Library;
use crate::kinds::{Kind, KindData};
use crate::time::SiteClock;

/// A year's activities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityFigures {
    /// The year.
    pub year: i16,
    /// Activities of the year begun by the instant counted, of every kind.
    pub total: usize,
    /// Of which 科技志愿服务.
    pub volunteer_service: usize,
    /// People who came (人次), over the activities that are over.
    pub participants: usize,
    /// Each town of site.yaml, in its order (all of them, with zeros);
    /// activities in no town of site.yaml count in the totals only.
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

/// Adds one activity to a total.
fn add(total: &mut usize, volunteer_service: &mut usize, participants: &mut usize, a: &ActivityMeta, over: bool) {
    *total += 1;
    if a.activity_kind == ActivityKind::VolunteerService {
        *volunteer_service += 1;
    }
    if over {
        *participants += a.participants.unwrap_or(0) as usize;
    }
}

/// The activities of `year` in `lib`, counted at `until`.
pub fn figures(lib: &Library, config: &Config, clock: &SiteClock, year: i16, until: Timestamp) -> ActivityFigures {
    let mut by_town: Vec<TownActivities> = config
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
        .collect();
    let (mut total, mut volunteer_service, mut participants) = (0, 0, 0);
    for (_, p) in lib.pages_of(Kind::Activity) {
        let KindData::Activity(a) = &p.data else { continue };
        if clock.zoned(a.begins).year() != year || a.begins > until {
            continue;
        }
        let over = a.ends <= until;
        add(&mut total, &mut volunteer_service, &mut participants, a, over);
        if let Some(t) = by_town.iter_mut().find(|t| t.id == a.town) {
            add(&mut t.total, &mut t.volunteer_service, &mut t.participants, a, over);
        }
    }
    ActivityFigures {
        year,
        total,
        volunteer_service,
        participants,
        by_town,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_counted_by_kind_town_and_participants() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(
            root.join("site.yaml"),
            "title: t\nbase_url: https://kepu.example.org/\ntimezone: Asia/Shanghai\ntowns:\n  - { id: xianlong, name: 仙龙镇, kind: town }\n  - { id: zhutuo, name: 朱沱镇, kind: town }\n  - { id: shengli, name: 胜利路街道, kind: street }\n",
        )
        .unwrap();
        std::fs::create_dir_all(root.join("content/activities")).unwrap();
        let write = |name: &str, fm: &str| {
            std::fs::write(
                root.join(format!("content/activities/{name}.md")),
                format!("---\ntitle: {name}\n{fm}\n---\n"),
            )
            .unwrap();
        };
        write(
            "a",
            "start: 2026-03-05 09:00\nend: 2026-03-05 11:00\nactivity_kind: 科技志愿服务\ntown: xianlong\nparticipants: 40",
        );
        write(
            "b",
            "start: 2026-06-01\nactivity_kind: lecture\ntown: xianlong\nparticipants: 25",
        );
        write(
            "c",
            "start: 2026-11-20\nend: 2026-11-22\nactivity_kind: volunteer_service\ntown: zhutuo",
        );
        write("d", "start: 2026-12-20 14:00\nactivity_kind: 展览\ntown: zhutuo");
        // The year before and after do not count; the zone decides the year.
        write(
            "e",
            "start: 2025-12-31T23:30:00+08:00\nactivity_kind: lecture\ntown: xianlong\nparticipants: 99",
        );
        write("f", "start: 2027-01-01 00:00\nactivity_kind: lecture\ntown: xianlong");
        let config = crate::config::load(root, &root.join("site.yaml")).unwrap();
        let clock = SiteClock::new("Asia/Shanghai", "2026-11-21T10:00:00+08:00".parse().unwrap()).unwrap();
        let opts = crate::content::LoadOptions {
            drafts: false,
            clock: &clock,
        };
        let (lib, diags) = crate::content::load(&config, &opts);
        assert!(!diags.has_errors(), "{diags}");
        let now = clock.now();
        let f = figures(&lib, &config, &clock, 2026, now);
        // d (20 December) has not begun; c (20–22 November) is running.
        assert_eq!((f.year, f.total, f.volunteer_service, f.participants), (2026, 3, 2, 65));
        let towns: Vec<(&str, usize, usize, usize)> = f
            .by_town
            .iter()
            .map(|t| (t.id.as_str(), t.total, t.volunteer_service, t.participants))
            .collect();
        assert_eq!(
            towns,
            [("xianlong", 2, 1, 65), ("zhutuo", 1, 1, 0), ("shengli", 0, 0, 0)]
        );
        assert_eq!(f.by_town[0].name, "仙龙镇");
        // At the year's end every 2026 activity is counted.
        let end = "2026-12-31T23:59:59+08:00".parse().unwrap();
        assert_eq!(figures(&lib, &config, &clock, 2026, end).total, 4);
        assert_eq!(figures(&lib, &config, &clock, 2025, end).participants, 99);
        assert_eq!(
            figures(&lib, &config, &clock, 2027, "2027-12-31T00:00:00Z".parse().unwrap()).total,
            1
        );
    }
}
