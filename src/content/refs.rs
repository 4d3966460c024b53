//! Checks of references between pages and to `site.yaml`.
//!
//! Town ids (`towns`, and each kind's
//! [`crate::kinds::KindData::town_refs`]) must exist, and a kind's
//! community ([`crate::kinds::KindData::community_ref`]) must be one of its
//! town's; the kinds check their own references to pages (the `check_refs`
//! of their registry row). Each miss is an error at its line.

use super::library::Library;
use super::page::Page;
use super::parse::locate;
use crate::config::Config;
use crate::error::Diagnostic;
use crate::i18n::Said;
use crate::kinds::FieldError;

/// Towns named by their name (`仙龙镇`) instead of their id become the id.
pub(super) fn name_towns(lib: &mut Library, config: &Config) {
    for page in &mut lib.pages {
        name_page_towns(page, config);
    }
}

/// The towns of one page named by their name become their id (a page
/// read again by `serve` without the rest of the library).
pub(crate) fn name_page_towns(page: &mut Page, config: &Config) {
    let id_of = |v: &mut String| {
        if config.town(v).is_none()
            && let Some(t) = config.site.towns.iter().find(|t| t.name == v.trim())
        {
            *v = t.id.clone();
        }
    };
    page.meta.towns.iter_mut().for_each(id_of);
    page.data.town_refs_mut().into_iter().for_each(id_of);
}

pub(crate) fn check(lib: &Library, config: &Config, diags: &mut Vec<Diagnostic>) {
    check_pages(lib, config, (0..lib.pages.len()).map(|id| (id, true)), diags);
}

/// [`check`] of the pages `ids` of `lib` alone, each with whether its
/// towns and community are checked too (`serve`: only the references
/// between pages can change on a page not read again, of a library that
/// passed its checks; none when no page came, went or changed its address
/// or id).
pub(crate) fn check_pages(
    lib: &Library,
    config: &Config,
    ids: impl IntoIterator<Item = (usize, bool)>,
    diags: &mut Vec<Diagnostic>,
) {
    let town_ids: Vec<&str> = config.site.towns.iter().map(|t| t.id.as_str()).collect();
    let town_hint: Said = if town_ids.is_empty() {
        crate::text!("content.no_towns.help").into()
    } else {
        let both: Vec<String> = config
            .site
            .towns
            .iter()
            .map(|t| format!("{}（{}）", t.id, t.name))
            .collect();
        crate::text!("content.known_towns", both.join(", ")).into()
    };
    for (page, towns) in ids
        .into_iter()
        .filter_map(|(id, towns)| Some((lib.pages.get(id)?, towns)))
    {
        let mut errors = Vec::new();
        if !towns {
            (page.kind.spec().check_refs)(&page.data, lib, config, &mut errors);
            report(page, config, errors, diags);
            continue;
        }
        let mut check_town = |key: &'static str, id: &str| {
            if !id.is_empty() && config.town(id).is_none() {
                errors.push(
                    FieldError::new(key, crate::text!("content.unknown_town", id))
                        .hint(town_hint.clone())
                        .at_value(id),
                );
            }
        };
        for t in &page.meta.towns {
            check_town("towns", t);
        }
        for (key, id) in page.data.town_refs() {
            check_town(key, id);
        }
        if let Some((town, community)) = page.data.community_ref() {
            errors.extend(crate::kinds::unknown_community(config, town, community));
        }
        (page.kind.spec().check_refs)(&page.data, lib, config, &mut errors);
        report(page, config, errors, diags);
    }
}

fn report(page: &Page, config: &Config, errors: Vec<FieldError>, diags: &mut Vec<Diagnostic>) {
    if errors.is_empty() {
        return;
    }
    let shown = super::walk::shown(&config.root, &page.file);
    for e in errors {
        diags.push(locate(&shown, &page.yaml, 2, e));
    }
}
