//! The lints of DESIGN.md: emergency notes without expiry or active too
//! long, weeks of the column that fall short, stale or empty boards, and
//! communities without a station, a board or staff.

use crate::Site;
use crate::content::parse::locate;
use crate::error::{Diagnostic, Diagnostics};
use crate::kinds::{FieldError, KindData};

/// Longest a note may be active before the lint flags it.
const MAX_ACTIVE_DAYS: i64 = 30;

/// Runs every lint.
pub fn lints(site: &Site) -> Diagnostics {
    let mut out = Vec::new();
    emergency(site, &mut out);
    Diagnostics(out)
}

fn warn(site: &Site, page: &crate::content::Page, e: FieldError) -> Diagnostic {
    let shown = crate::site::shown(&site.config.root, &page.file);
    let mut d = locate(&shown, &page.yaml, 2, e);
    d.severity = crate::Severity::Warning;
    d
}

fn emergency(site: &Site, out: &mut Vec<Diagnostic>) {
    for page in &site.lib.pages {
        let KindData::Emergency(e) = &page.data else { continue };
        match (page.date, e.expires) {
            (_, None) => out.push(warn(
                site,
                page,
                FieldError::new(
                    "title",
                    "the emergency note has no 'expires': it would stay active for ever",
                )
                .hint("add 'expires:' with the time the warning ends"),
            )),
            (Some(start), Some(end)) if end.duration_since(start).as_secs() > MAX_ACTIVE_DAYS * 86_400 => {
                out.push(warn(
                    site,
                    page,
                    FieldError::new(
                        "expires",
                        format!("the note is active for more than {MAX_ACTIVE_DAYS} days"),
                    )
                    .hint(
                        "emergency notes are for warnings of days, not months; shorten 'expires' or make it an article",
                    ),
                ))
            }
            _ => {}
        }
    }
}
