//! Whether a board's display is kept fresh (及时更新).

use jiff::Timestamp;
use serde::Serialize;

use crate::kinds::board::BoardMeta;

/// A board's state at build time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Freshness {
    /// Shows something that changed recently.
    Fresh,
    /// Shows the same for longer than `stale_after_days`.
    Stale,
    /// Shows nothing now.
    Empty,
}

impl Freshness {
    /// Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Freshness::Fresh => "及时更新",
            Freshness::Stale => "待更新",
            Freshness::Empty => "暂无展示",
        }
    }
}

/// The last time the display changed at or before `now`: the latest start
/// or end of a window.
pub fn last_change(board: &BoardMeta, now: Timestamp) -> Option<Timestamp> {
    board
        .showing
        .iter()
        .flat_map(|s| [Some(s.from), s.until])
        .flatten()
        .filter(|&t| t <= now)
        .max()
}

/// The board's freshness at `now`.
pub fn freshness(board: &BoardMeta, now: Timestamp, stale_after_days: u32) -> Freshness {
    if !board.showing.iter().any(|s| s.is_current(now)) {
        return Freshness::Empty;
    }
    match last_change(board, now) {
        Some(t) if now.duration_since(t).as_secs() > i64::from(stale_after_days) * 86_400 => Freshness::Stale,
        _ => Freshness::Fresh,
    }
}

/// Days since the last change, rounded down.
pub fn days_unchanged(board: &BoardMeta, now: Timestamp) -> Option<i64> {
    last_change(board, now).map(|t| now.duration_since(t).as_secs() / 86_400)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::board::{BoardKind, Showing};

    fn ts(s: &str) -> Timestamp {
        crate::time::parse_in(s, &jiff::tz::TimeZone::get("Asia/Shanghai").unwrap()).unwrap()
    }

    fn board(windows: &[(&str, Option<&str>)]) -> BoardMeta {
        BoardMeta {
            board_kind: BoardKind::Gallery,
            place: "park".into(),
            town: "x".into(),
            community: None,
            address: None,
            location: None,
            maintainer: None,
            poster: Default::default(),
            showing: windows
                .iter()
                .enumerate()
                .map(|(index, (f, u))| Showing {
                    page: "a.md".into(),
                    from: ts(f),
                    until: u.map(ts),
                    index,
                })
                .collect(),
        }
    }

    #[test]
    fn window_edges_from_inclusive_until_exclusive() {
        let b = board(&[("2026-11-01", Some("2026-11-20"))]);
        assert_eq!(freshness(&b, ts("2026-11-01"), 30), Freshness::Fresh);
        assert_eq!(freshness(&b, ts("2026-10-31T23:59:59"), 30), Freshness::Empty);
        assert_eq!(freshness(&b, ts("2026-11-19T23:59:59"), 30), Freshness::Fresh);
        assert_eq!(freshness(&b, ts("2026-11-20"), 30), Freshness::Empty);
    }

    #[test]
    fn unchanged_for_too_long_is_stale() {
        let b = board(&[("2026-09-15", Some("2026-12-31"))]);
        assert_eq!(freshness(&b, ts("2026-10-15"), 30), Freshness::Fresh);
        assert_eq!(freshness(&b, ts("2026-10-15T00:00:01"), 30), Freshness::Stale);
        assert_eq!(days_unchanged(&b, ts("2026-11-20")), Some(66));
    }

    #[test]
    fn a_change_of_item_counts_as_a_change() {
        let b = board(&[("2026-09-01", Some("2026-11-10")), ("2026-09-01", None)]);
        assert_eq!(last_change(&b, ts("2026-11-20")), Some(ts("2026-11-10")));
        assert_eq!(freshness(&b, ts("2026-11-20"), 30), Freshness::Fresh);
    }
}
