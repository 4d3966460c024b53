//! Which year summaries an edit can have changed: an article counts only
//! in the summary of the year of its date, so when only articles changed,
//! only the years of their dates (as they were and are) are worked out
//! again ([`PlanReport::compute_again`](crate::report::plan::PlanReport::compute_again)).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::content::Library;
use crate::kinds::Kind;
use crate::serve::run::page_id;
use crate::time::SiteClock;

/// The years of the dates of the pages of `files` (under `content`) in
/// `lib`, when each is an article; `None` when one is a page of another
/// kind (its summaries may reach other years: coverage counts every later
/// year). Files that are no page of `lib` add nothing.
pub(super) fn of_articles<'a>(
    lib: &Library,
    clock: &SiteClock,
    content: &Path,
    files: impl IntoIterator<Item = &'a PathBuf>,
) -> Option<BTreeSet<i16>> {
    let mut years = BTreeSet::new();
    for id in files.into_iter().filter_map(|f| page_id(lib, content, f)) {
        let page = &lib.pages[id];
        if page.kind != Kind::Article {
            return None;
        }
        years.extend(page.date.map(|d| clock.zoned(d).year()));
    }
    Some(years)
}
