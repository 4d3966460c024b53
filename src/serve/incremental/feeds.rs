//! Which feeds may differ from the files held since the feeds part was
//! last made ([`FeedScope`]): rebuilds add the feeds of the pages they
//! changed, and the feeds part makes only those again.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::content::Library;
use crate::feeds::FeedScope;
use crate::serve::run::page_id;

/// Notes in `touched` that the feeds of `scope` may differ from the files
/// held too (`None`: any feed may).
pub(super) fn touch(touched: &mut Option<FeedScope>, scope: Option<FeedScope>) {
    match (touched, scope) {
        (Some(touched), Some(scope)) => touched.extend(scope),
        (touched, _) => *touched = None,
    }
}

/// The feeds the pages of `files` are in (files that are no page of `lib`
/// add nothing). `content` is the folder of the pages.
pub(super) fn feeds_of<'a>(
    lib: &Library,
    config: &Config,
    content: &Path,
    files: impl IntoIterator<Item = &'a PathBuf>,
) -> FeedScope {
    let mut scope = FeedScope::default();
    for id in files.into_iter().filter_map(|f| page_id(lib, content, f)) {
        scope.add_page(lib, config, id);
    }
    scope
}
