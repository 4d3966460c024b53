//! Which feeds an edit can have changed, for `serve` to make only those
//! again and keep the others as they were ([`crate::output::sink::Sink::feed_scope`]).
//!
//! A feed shows the newest entries of its pages, and an entry shows only
//! its own page: when some pages changed (and nothing else: no section,
//! no term's address, no configuration), only the feeds that held or now
//! hold one of them can differ. Those are, for each such page as it was
//! and as it is: the site's feed, its section's, its terms', and the own
//! files of its kind.

use std::collections::{BTreeSet, HashSet};

use crate::config::Config;
use crate::content::{Library, PageId};
use crate::kinds::Kind;

/// The folders of the feeds to make again (`""` the site's, `articles/`,
/// `tags/x/`) and the kinds whose own files are made again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedScope {
    /// Folders of feeds (a feed is `atom.xml` or `rss.xml` in one).
    pub dirs: HashSet<String>,
    /// Kinds whose own files (CAP messages, calendars) are made again.
    pub kinds: BTreeSet<Kind>,
}

impl FeedScope {
    /// Adds the feeds page `id` of `lib` is in: the site's, its section's,
    /// its terms', and its kind's files.
    pub fn add_page(&mut self, lib: &Library, config: &Config, id: PageId) {
        let Some(page) = lib.pages.get(id) else {
            return;
        };
        self.dirs.insert(String::new());
        if let Some(Some((s, _))) = lib.position.get(id) {
            self.dirs.insert(lib.sections[*s].path.clone());
        }
        for tax in &config.site.taxonomies {
            for name in crate::content::terms::terms_of(page, tax) {
                self.dirs.insert(format!("{tax}/{}/", lib.term_slug(tax, name)));
            }
        }
        self.kinds.insert(page.kind);
    }

    /// Adds what `other` holds.
    pub fn extend(&mut self, other: FeedScope) {
        self.dirs.extend(other.dirs);
        self.kinds.extend(other.kinds);
    }

    /// Whether the feeds in folder `dir` are made again.
    pub fn has_dir(&self, dir: &str) -> bool {
        self.dirs.contains(dir)
    }

    /// Whether the own files of `kind` are made again.
    pub fn has_kind(&self, kind: Kind) -> bool {
        self.kinds.contains(&kind)
    }
}
