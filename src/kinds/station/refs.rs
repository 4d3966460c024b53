//! A station's references: each board it names must exist.

use crate::config::Config;
use crate::content::Library;
use crate::kinds::{FieldError, Kind, KindData};

/// Records boards that do not exist.
pub(super) fn check(data: &KindData, lib: &Library, _: &Config, errors: &mut Vec<FieldError>) {
    let KindData::Station(st) = data else { return };
    for b in &st.boards {
        // A board that exists but could not be read has its own error.
        let unread = || {
            let dir = Kind::Board.section().unwrap_or("boards");
            [format!("{dir}/{b}.md"), format!("{dir}/{b}/index.md")]
        };
        if lib.find(Kind::Board, b).is_none() && !unread().iter().any(|f| lib.broken.contains(f)) {
            errors.push(
                FieldError::new("boards", crate::text!("station.unknown_board", b))
                    .hint(crate::text!("station.unknown_board.help"))
                    .at_value(b.clone()),
            );
        }
    }
}
