//! Page bodies a build hands to their page jobs.
//!
//! Before the jobs, the body HTML of every page that only its own page
//! shows is taken out of the library ([`Handover`]); each page job takes
//! its page's, so each is freed once its page is rendered and the lists,
//! feeds and search page that follow never hold every page's HTML at once.
//! The bodies something else shows as well (a board's print poster, the
//! newest pages of a feed with whole pages) stay in the library.

use crate::content::Library;
use crate::content::handover::Handover;

/// Takes out of `lib` the body HTML of each page that only its own page
/// shows: not that of the pages with a print poster, nor that of the
/// pages a feed shows whole.
pub fn take_out(config: &crate::config::Config, clock: &crate::time::SiteClock, lib: &mut Library) -> Handover {
    let mut keep = vec![false; lib.pages.len()];
    let feeds = crate::feeds::FeedEnv { config, clock };
    let whole = super::feeds_out::whole_pages(&feeds, lib);
    for id in crate::kinds::pages::KindPages::posters(lib).chain(whole) {
        if let Some(k) = keep.get_mut(id) {
            *k = true;
        }
    }
    Handover::take_out(lib, |id, p| match keep[id] {
        true => None,
        false => Some(std::mem::take(&mut p.rendered.html)),
    })
}
