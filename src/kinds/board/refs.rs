//! A board's references to other pages: each page it shows must exist.

use crate::config::Config;
use crate::content::Library;
use crate::kinds::{FieldError, KindData};

/// Records a `showing` entry whose page does not exist (unless the page
/// exists but could not be read: that has its own error).
pub(super) fn check(data: &KindData, lib: &Library, _: &Config, errors: &mut Vec<FieldError>) {
    let KindData::Board(b) = data else { return };
    for s in &b.showing {
        if lib.page(&s.page).is_none() && !lib.broken.contains(&s.page) {
            errors.push(
                FieldError::new("showing", crate::text!("board.missing_page", s.page))
                    .hint(crate::text!("board.missing_page.help"))
                    .at_value(format!("@/{}", s.page)),
            );
        }
    }
}
