//! Page bodies a build hands to their page jobs.
//!
//! As a build renders the Markdown, the body HTML of every page that only
//! its own page shows is taken out of the library
//! ([`crate::content::markdown_pass::HandedOver`]); each page job takes its
//! page's, so each is freed once its page is rendered and the lists, feeds
//! and search page that follow never hold every page's HTML at once. The
//! bodies something else shows as well (a board's print poster, the newest
//! pages of a feed with whole pages) stay in the library.

use crate::content::Library;

/// By page id, the pages of `lib` whose body HTML something besides their
/// own page shows: the pages with a print poster and the pages a feed
/// shows whole. Read from the front matter alone, before any Markdown is
/// rendered.
pub fn kept(config: &crate::config::Config, clock: &crate::time::SiteClock, lib: &Library) -> Vec<bool> {
    let mut keep = vec![false; lib.pages.len()];
    let feeds = crate::feeds::FeedEnv { config, clock };
    let whole = super::feeds_out::whole_pages(&feeds, lib);
    for id in crate::kinds::pages::KindPages::posters(lib).chain(whole) {
        if let Some(k) = keep.get_mut(id) {
            *k = true;
        }
    }
    keep
}
