//! A station's references: its community must be one of its town's in
//! `site.yaml`, and each board it names must exist.

use crate::config::Config;
use crate::content::Library;
use crate::kinds::unknown_community;
use crate::kinds::{FieldError, Kind, KindData};

/// Records an unknown community and boards that do not exist.
pub(super) fn check(data: &KindData, lib: &Library, config: &Config, errors: &mut Vec<FieldError>) {
    let KindData::Station(st) = data else { return };
    if let Some(c) = &st.community {
        errors.extend(unknown_community(config, &st.town, c));
    }
    for b in &st.boards {
        if lib.find(Kind::Board, b).is_none() {
            errors.push(
                FieldError::new("boards", crate::text!("station.unknown_board", b))
                    .hint(crate::text!("station.unknown_board.help"))
                    .at_value(b.clone()),
            );
        }
    }
}
