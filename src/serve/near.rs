//! The task files an edit of some pages' front matter surely reaches,
//! rendered with the edit (side by side) rather than checked one by one
//! when a browser asks for them: those that showed each page before (from
//! the deps they recorded), and those that show it now, from where it
//! stands in its lists (its neighbours, the page of its section's list and
//! of each of its terms' lists that holds it, its taxonomies' lists, the
//! home page). Every other file is checked when asked for, as before:
//! which files these are changes only how soon they are ready.

use std::collections::HashSet;

use super::dirty::Index;
use super::run::TaskMap;
use crate::content::{Library, PageId};
use crate::render::jobs::Task;
use crate::render::select::Shared;
use crate::render::views::ViewEnv;

/// The paths of the task files (of `tasks`) near the pages `ids` of the
/// library, and near the pages at the `@/` paths `before` as `index` has
/// them.
pub fn near(
    (env, shared, tasks): (&ViewEnv, &Shared, &TaskMap),
    index: &Index,
    ids: &[PageId],
    before: &[String],
) -> HashSet<String> {
    let mut near: HashSet<String> = before
        .iter()
        .flat_map(|rel| index.showing(rel))
        .filter(|path| tasks.contains(path))
        .map(str::to_string)
        .collect();
    for &id in ids {
        for task in showing(env, shared, id) {
            let path = shared.path_of(env, task);
            if tasks.get(&path) == Some(task) {
                near.insert(path);
            }
        }
    }
    near
}

/// The tasks that show page `id` where it stands now.
fn showing(env: &ViewEnv, shared: &Shared, id: PageId) -> Vec<Task> {
    let lib: &Library = env.lib;
    let mut shown = vec![Task::Page(id), Task::Home];
    if let Some(&Some((s, i))) = lib.position.get(id) {
        let section = &lib.sections[s];
        let ids = &section.pages;
        shown.extend(i.checked_sub(1).and_then(|j| ids.get(j)).map(|&n| Task::Page(n)));
        shown.extend(ids.get(i + 1).map(|&n| Task::Page(n)));
        let n = match shared.kinds.list_size(section) {
            Some(_) => 1,
            None => i / section.paginate_by.max(1) + 1,
        };
        shown.push(Task::SectionPage(s, n));
    }
    let Some(page) = lib.pages.get(id) else {
        return shown;
    };
    let per = env.config.site.paginate_by.max(1);
    for (t, (tax, terms)) in shared.taxonomies.0.iter().enumerate() {
        for name in crate::content::terms::terms_of(page, tax) {
            let slug = lib.term_slug(tax, name);
            let Ok(at) = terms.binary_search_by(|term| term.slug.as_str().cmp(&slug)) else {
                continue;
            };
            if let Some(i) = terms[at].pages.iter().position(|&p| p == id) {
                shown.push(Task::TermPage(t, at, i / per + 1));
                shown.push(Task::TaxonomyList(t));
            }
        }
    }
    shown
}
