//! A year's activities in figures, for the plan table and the year report:
//! how many, how many were 科技志愿服务, how many people came, per town.
//!
//! An activity belongs to the year of its start (in the site's zone).
//! `total` and `volunteer_service` count every activity of the year, held or
//! still to come; `held` and `participants` only those over at the build's
//! "now" (participants are written once an activity is over).

use serde::Serialize;

use super::{ActivityKind, ActivityMeta, Status};
use crate::config::Config;
use crate::content::Library;
use crate::kinds::{Kind, KindData};
use crate::time::SiteClock;

/// The activities of one year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct YearFigures {
    /// The year.
    pub year: i16,
    /// Activities that start in the year.
    pub total: usize,
    /// Of them, those over at "now".
    pub held: usize,
    /// Of them, 科技志愿服务.
    pub volunteer_service: usize,
    /// People who came, summed over the activities that are over.
    pub participants: u64,
    /// Each town of `site.yaml`, in its order (towns without activities too).
    pub towns: Vec<TownFigures>,
}

/// One town's activities of the year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TownFigures {
    /// Town id.
    pub id: String,
    /// Town name.
    pub name: String,
    /// Activities that start in the year.
    pub total: usize,
    /// Of them, 科技志愿服务.
    pub volunteer_service: usize,
    /// People who came, over the activities that are over.
    pub participants: u64,
}

impl TownFigures {
    fn add(&mut self, a: &ActivityMeta, over: bool) {
        self.total += 1;
        if a.activity_kind == ActivityKind::VolunteerService {
            self.volunteer_service += 1;
        }
        if over {
            self.participants += u64::from(a.participants.unwrap_or(0));
        }
    }
}

/// The figures of `year` over the activities of `lib`, at the clock's "now".
pub fn year_figures(lib: &Library, config: &Config, clock: &SiteClock, year: i16) -> YearFigures {
    let mut towns: Vec<TownFigures> = config
        .site
        .towns
        .iter()
        .map(|t| TownFigures {
            id: t.id.clone(),
            name: t.name.clone(),
            ..Default::default()
        })
        .collect();
    let mut all = TownFigures::default();
    let mut held = 0;
    for (_, p) in lib.pages_of(Kind::Activity) {
        let KindData::Activity(a) = &p.data else { continue };
        if clock.zoned(a.begins).year() != year {
            continue;
        }
        let over = a.status(clock.now()) == Status::Past;
        held += usize::from(over);
        all.add(a, over);
        if let Some(t) = towns.iter_mut().find(|t| t.id == a.town) {
            t.add(a, over);
        }
    }
    YearFigures {
        year,
        total: all.total,
        held,
        volunteer_service: all.volunteer_service,
        participants: all.participants,
        towns,
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
        let f = year_figures(&lib, &config, &clock, 2026);
        assert_eq!(
            (f.year, f.total, f.held, f.volunteer_service, f.participants),
            (2026, 4, 2, 2, 65)
        );
        let towns: Vec<(&str, usize, usize, u64)> = f
            .towns
            .iter()
            .map(|t| (t.id.as_str(), t.total, t.volunteer_service, t.participants))
            .collect();
        assert_eq!(
            towns,
            [("xianlong", 2, 1, 65), ("zhutuo", 2, 1, 0), ("shengli", 0, 0, 0)]
        );
        assert_eq!(f.towns[0].name, "仙龙镇");
        assert_eq!(year_figures(&lib, &config, &clock, 2025).participants, 99);
        assert_eq!(year_figures(&lib, &config, &clock, 2027).total, 1);
    }
}
