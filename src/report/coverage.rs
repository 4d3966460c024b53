//! 站栏员全覆盖: for every village and community of every town, whether it
//! has a science station, a board and staff.
//!
//! A community has a station when a station names it; a board when a board
//! names it (`community:`) or its station lists one (`boards:`); staff when
//! one of its stations lists at least one person.

use std::collections::HashMap;

use serde::Serialize;

use crate::config::Config;
use crate::content::{Library, PageId};
use crate::kinds::{Kind, KindData};

/// One community's marks.
#[derive(Debug, Clone, Serialize)]
pub struct CommunityCoverage {
    /// Name.
    pub name: String,
    /// Has a station.
    pub station: bool,
    /// Has a board.
    pub board: bool,
    /// Has staff.
    pub staff: bool,
    /// All three.
    pub full: bool,
    /// Its stations.
    #[serde(skip)]
    pub stations: Vec<PageId>,
    /// Its boards.
    #[serde(skip)]
    pub boards: Vec<PageId>,
}

/// One town's figures.
#[derive(Debug, Clone, Serialize)]
pub struct TownCoverage {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// `town` or `street`.
    pub kind: crate::config::TownKind,
    /// Communities.
    pub communities: Vec<CommunityCoverage>,
    /// Communities with a station.
    pub with_station: usize,
    /// With a board.
    pub with_board: usize,
    /// With staff.
    pub with_staff: usize,
    /// With all three.
    pub full: usize,
    /// Boards in the town.
    #[serde(skip)]
    pub boards: Vec<PageId>,
    /// Stations in the town.
    #[serde(skip)]
    pub stations: Vec<PageId>,
}

/// Coverage of every town in site.yaml, in its order.
pub fn towns(lib: &Library, config: &Config) -> Vec<TownCoverage> {
    towns_at(lib, config, None)
}

/// Coverage as it stood at `until` (the year-end summary): stations and
/// boards dated after it are left out; those without a date count. `None`:
/// every station and board.
pub fn towns_at(lib: &Library, config: &Config, until: Option<jiff::Timestamp>) -> Vec<TownCoverage> {
    // The stations and boards of each town, in page order, from one walk
    // of the pages.
    let mut by_town: HashMap<&str, (Vec<PageId>, Vec<PageId>)> = HashMap::new();
    for (id, p) in lib.pages.iter().enumerate() {
        let (town, station) = match &p.data {
            KindData::Station(s) if p.kind == Kind::Station => (&s.town, true),
            KindData::Board(b) if p.kind == Kind::Board => (&b.town, false),
            _ => continue,
        };
        if existed_at(p, until) {
            let mine = by_town.entry(town.as_str()).or_default();
            match station {
                true => mine.0.push(id),
                false => mine.1.push(id),
            }
        }
    }
    config
        .site
        .towns
        .iter()
        .map(|town| {
            let (stations, boards) = by_town.get(town.id.as_str()).cloned().unwrap_or_default();
            let communities: Vec<CommunityCoverage> = town
                .communities
                .iter()
                .map(|c| community(lib, &stations, &boards, c, until))
                .collect();
            let count = |f: fn(&CommunityCoverage) -> bool| communities.iter().filter(|c| f(c)).count();
            TownCoverage {
                id: town.id.clone(),
                name: town.name.clone(),
                kind: town.kind,
                with_station: count(|c| c.station),
                with_board: count(|c| c.board),
                with_staff: count(|c| c.staff),
                full: count(|c| c.full),
                communities,
                boards,
                stations,
            }
        })
        .collect()
}

/// Whether a station or board existed at `until` (one without a date always did).
pub(super) fn existed_at(p: &crate::content::Page, until: Option<jiff::Timestamp>) -> bool {
    match (until, p.date) {
        (Some(until), Some(date)) => date <= until,
        _ => true,
    }
}

fn community(
    lib: &Library,
    stations: &[PageId],
    boards: &[PageId],
    name: &str,
    until: Option<jiff::Timestamp>,
) -> CommunityCoverage {
    let mine: Vec<PageId> = stations
        .iter()
        .copied()
        .filter(|&id| matches!(&lib.pages[id].data, KindData::Station(s) if s.community.as_deref() == Some(name)))
        .collect();
    let mut my_boards: Vec<PageId> = boards
        .iter()
        .copied()
        .filter(|&id| matches!(&lib.pages[id].data, KindData::Board(b) if b.community.as_deref() == Some(name)))
        .collect();
    let mut staff = false;
    for &id in &mine {
        if let KindData::Station(s) = &lib.pages[id].data {
            // A member without a name is not staff (it is an error too).
            staff |= s.staff.iter().any(|m| !m.name.trim().is_empty());
            for b in &s.boards {
                if let Some((bid, board)) = lib.find(Kind::Board, b)
                    && existed_at(board, until)
                    && !my_boards.contains(&bid)
                {
                    my_boards.push(bid);
                }
            }
        }
    }
    my_boards.sort_unstable();
    let (station, board) = (!mine.is_empty(), !my_boards.is_empty());
    CommunityCoverage {
        name: name.to_string(),
        station,
        board,
        staff,
        full: station && board && staff,
        stations: mine,
        boards: my_boards,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A station whose only staff member has no name: the name is an error,
    /// and the community has no staff even in the library loaded anyway.
    #[test]
    fn a_staff_member_without_a_name_is_not_staff() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(
            root.join("site.yaml"),
            "title: t\nbase_url: https://kepu.example.org/\ntimezone: Asia/Shanghai\ntowns:\n  - { id: xianlong, name: 仙龙镇, kind: town, communities: [仙龙村, 新房子村] }\n",
        )
        .unwrap();
        std::fs::create_dir_all(root.join("content/stations")).unwrap();
        let station = |staff: &str| {
            format!(
                "---\ntitle: 站\ntown: xianlong\ncommunity: 仙龙村\nstation_kind: station\nstaff: [{staff}]\n---\nx\n"
            )
        };
        let file = root.join("content/stations/s.md");
        let config = crate::config::load(root, &root.join("site.yaml")).unwrap();
        let clock = crate::time::SiteClock::new("Asia/Shanghai", jiff::Timestamp::UNIX_EPOCH).unwrap();
        let opts = crate::content::LoadOptions {
            drafts: false,
            clock: &clock,
        };
        for (staff, counted) in [("{ name: 张三 }", true), ("{ name: \"\", role: 站长 }", false)] {
            std::fs::write(&file, station(staff)).unwrap();
            let (lib, diags) = crate::content::load(&config, &opts);
            assert_eq!(diags.has_errors(), !counted, "{staff}: {diags}");
            let c = &towns(&lib, &config)[0];
            assert_eq!((c.with_station, c.with_staff), (1, usize::from(counted)), "{staff}");
        }
    }
}
