//! The registry read on figures made by hand.

use super::reading::share_met;
use super::*;
use crate::i18n::{Lang, t};

#[test]
fn a_share_is_met_on_the_exact_figure_not_the_rounded_one() {
    assert_eq!(percent(1999, 4001), Some(50.0));
    assert!(!share_met(1999, 4001, 50));
    assert!(share_met(2000, 4000, 50));
    assert!(!share_met(5, 0, 0));
    assert_eq!(percent(1, 0), None);
}
use crate::kinds::activity::figures::TownActivities;

fn coverage(full: usize, communities: usize) -> CoverageTotals {
    CoverageTotals {
        communities,
        with_station: full,
        with_board: full,
        with_staff: full,
        full,
    }
}

fn activities(total: usize, vs: usize, participants: usize) -> ActivityFigures {
    ActivityFigures {
        year: 2026,
        total,
        volunteer_service: vs,
        participants,
        by_town: vec![TownActivities {
            id: "x".into(),
            name: "仙龙镇".into(),
            total,
            volunteer_service: vs,
            participants,
            population: Some(1000),
        }],
    }
}

fn figures<'a>(cov: &'a CoverageTotals, act: &'a ActivityFigures, counts: &'a Counts) -> Figures<'a> {
    Figures {
        year: 2026,
        until: "2026-11-20".into(),
        columns: ColumnFigures {
            from: Some("2026-09-28".into()),
            weeks_total: 8,
            weeks_met: 7,
            min_per_week: 1,
        },
        coverage: cov,
        boards_total: 3,
        boards_fresh: 3,
        activities: act,
        population: Some(1000),
        counts,
        counts_year: None,
    }
}

fn get<'a>(r: &'a [Reading], name: &str) -> &'a Reading {
    r.iter().find(|x| x.name == name).unwrap()
}

#[test]
fn names_are_unique_and_every_id_is_in_the_catalogue() {
    let mut seen = std::collections::HashSet::new();
    for m in MEASURES {
        assert!(seen.insert(m.name), "{}", m.name);
        for id in [m.label, m.figure, m.target_text] {
            assert_ne!(t(Lang::En, id, &[]), id, "{id}");
        }
    }
    assert!(find("column_weeks").is_some() && find("weeks").is_none());
}

#[test]
fn ratios_counts_and_targets() {
    let (cov, act) = (coverage(2, 5), activities(60, 52, 850));
    let counts = Counts {
        volunteers_registered: Some(Count {
            value: 1046,
            as_of: "2026-10-31".into(),
        }),
        schools: Some(Count {
            value: 8,
            as_of: "2026-09-01".into(),
        }),
        schools_with_science_rooms: Some(Count {
            value: 3,
            as_of: "2026-09-01".into(),
        }),
        science_bases: None,
    };
    let r = read_all(&figures(&cov, &act, &counts));
    let weeks = get(&r, "column_weeks");
    assert_eq!((weeks.value, weeks.of, weeks.met), (Some(7), Some(8), Some(false)));
    assert_eq!(weeks.text(Lang::Zh).figure, "7/8 周达标");
    assert_eq!(weeks.text(Lang::Zh).period, "2026-09-28 至 2026-11-20");
    assert_eq!(weeks.text(Lang::En).target, "at least 1 a week, every week");
    let cov = get(&r, "station_board_staff");
    assert_eq!((cov.percent, cov.met), (Some(40.0), Some(false)));
    assert_eq!(get(&r, "boards_fresh").met, Some(true));
    let vs = get(&r, "activities_volunteer_service");
    assert_eq!((vs.value, vs.met, vs.note), (Some(52), Some(true), None));
    assert_eq!(vs.text(Lang::Zh).period, "2026 年（截至 2026-11-20）");
    let reach = get(&r, "activity_coverage");
    assert_eq!(
        (reach.value, reach.of, reach.percent, reach.met),
        (Some(850), Some(1000), Some(85.0), Some(true))
    );
    let vol = get(&r, "volunteers_registered");
    assert_eq!((vol.value, vol.met), (Some(1046), Some(true)));
    assert_eq!(vol.text(Lang::Zh).period, "截至 2026-10-31");
    assert_eq!(vol.evidence.as_deref(), Some("report/2026/#kepu-r-counts"));
    let bases = get(&r, "science_bases");
    assert_eq!((bases.value, bases.met, bases.missing), (None, None, Some("no_count")));
    assert_eq!(bases.text(Lang::En).verdict, "no figure");
    let rooms = get(&r, "schools_with_science_rooms");
    assert_eq!((rooms.percent, rooms.met), (Some(37.5), Some(false)));
    assert_eq!(rooms.text(Lang::Zh).figure, "3/8 所（37.5%）");
}

#[test]
fn no_activities_yet_is_zero_with_a_note_and_a_year_summary_takes_only_its_counts() {
    let (cov, act) = (coverage(0, 0), activities(0, 0, 0));
    let counts = Counts {
        volunteers_registered: Some(Count {
            value: 900,
            as_of: "2025-12-31".into(),
        }),
        ..Counts::default()
    };
    let mut f = figures(&cov, &act, &counts);
    f.population = None;
    f.counts_year = Some(2026);
    f.until = "2026-12-31".into();
    let r = read_all(&f);
    let vs = get(&r, "activities_volunteer_service");
    assert_eq!((vs.value, vs.met), (Some(0), Some(false)));
    assert_eq!(vs.text(Lang::Zh).note.as_deref(), Some("暂无活动记录"));
    assert_eq!(vs.text(Lang::Zh).period, "2026 年全年");
    assert_eq!(get(&r, "activity_coverage").missing, Some("no_population"));
    assert_eq!(get(&r, "station_board_staff").missing, Some("no_communities"));
    assert_eq!(get(&r, "volunteers_registered").missing, Some("count_other_year"));
}
