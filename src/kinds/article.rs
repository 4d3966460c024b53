//! 科普文章: articles, `content/articles/`. They have no fields of their own.

use super::{KindSpec, no_fields, no_refs};
use crate::cli::new::NewContext;
use crate::i18n::Said;

/// The article's row of the registry.
pub(crate) const SPEC: KindSpec = KindSpec {
    section: Some("articles"),
    name: "article",
    label: "科普文章",
    said: "kind.article",
    said_many: "kind.article.many",
    page_template: "article.html",
    list_template: "section.html",
    share_qr: true,
    in_site_feed: true,
    listed_by_name: false,
    files: None,
    crumbs: None,
    keys: &[],
    parse: no_fields,
    check_refs: no_refs,
    new_stub,
};

/// Today's date and empty tags and categories.
fn new_stub(cx: &NewContext) -> Result<String, Said> {
    Ok(format!("date: {}\ntags: []\ncategories: []\n", cx.today))
}
