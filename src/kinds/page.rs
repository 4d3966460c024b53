//! Plain pages: anything outside the kinds' folders (`content/about.md`).

use super::{KindSpec, no_fields, no_refs};
use crate::cli::new::NewContext;
use crate::i18n::Said;

/// The plain page's row of the registry.
pub(crate) const SPEC: KindSpec = KindSpec {
    section: None,
    name: "page",
    label: "页面",
    said: "kind.page",
    said_many: "kind.page.many",
    page_template: "page.html",
    list_template: "section.html",
    share_qr: true,
    in_site_feed: false,
    listed_by_name: false,
    files: None,
    crumbs: None,
    keys: &[],
    parse: no_fields,
    check_refs: no_refs,
    new_stub,
};

/// Nothing beyond the title.
fn new_stub(_: &NewContext) -> Result<String, Said> {
    Ok(String::new())
}
