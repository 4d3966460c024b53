//! Patching the library's indexes in place when only pages changed, rather
//! than deriving them all again ([`library::reindex`]).

use super::*;

/// Puts the pages `read` in place of those of their files in `lib` and
/// brings its indexes up to date without deriving them all again, when
/// only pages changed (no section, no page of an address another one has,
/// no alias): what [`library::reindex`] would give (debug builds check it).
/// `settled` as for [`reconcile`].
/// Returns what it did, or `read` untouched when the indexes must be
/// derived again.
pub(super) fn patch_in_place(
    lib: &mut Library,
    config: &Config,
    read: Vec<Read>,
    (old_slugs, settled): (&TermSlugs, bool),
) -> Result<Patched, Vec<Read>> {
    let content = config.content_dir();
    let id_of = |lib: &Library, file: &PathBuf| crate::serve::run::page_id(lib, &content, file);
    let is_section_file = |file: &PathBuf| lib.sections.iter().any(|s| s.file.as_ref() == Some(file));
    let gone: Vec<usize> = read.iter().filter_map(|(f, _)| id_of(lib, f)).collect();
    let simple = read.iter().all(|(f, parsed)| {
        !is_section_file(f)
            && match parsed {
                Some(Parsed::Section(_)) => false,
                Some(Parsed::Page(p)) => {
                    p.meta.aliases.is_empty()
                        && !lib
                            .pages
                            .iter()
                            .enumerate()
                            .any(|(i, o)| o.path == p.path && !gone.contains(&i))
                        && !lib.sections.iter().any(|s| s.path == p.path)
                        && (p.section.is_empty()
                            || Kind::from_section(&p.section) == Kind::Plain
                            || lib.section(&p.section).is_some())
                }
                _ => true,
            }
    });
    if !simple || lib.pages.iter().any(|p| !p.meta.aliases.is_empty()) {
        return Err(read);
    }
    // What the term slugs depend on: the terms of each page and its age.
    let terms_key = |p: &Page| {
        (
            p.meta.tags.clone(),
            p.meta.categories.clone(),
            p.date,
            p.rel_path.clone(),
        )
    };
    let mut terms_same = true;
    let mut old_of: HashMap<String, Page> = HashMap::new();
    let mut gone_sorted = gone.clone();
    gone_sorted.sort_unstable();
    // Take the pages out, last first, noting how ids move.
    let mut remap: Vec<Option<usize>> = (0..lib.pages.len()).map(Some).collect();
    for &id in gone_sorted.iter().rev() {
        let p = lib.pages.remove(id);
        for r in remap.iter_mut().flatten() {
            if *r > id {
                *r -= 1;
            }
        }
        remap[id] = None;
        old_of.insert(p.rel_path.clone(), p);
    }
    let mut diags = Vec::new();
    let mut fresh = Vec::new();
    let mut added: Vec<usize> = Vec::new();
    lib.drafts.retain(|d| !read.iter().any(|(f, _)| f == d));
    for (file, parsed) in read {
        match parsed {
            Some(Parsed::Page(mut p)) => {
                crate::content::refs::name_page_towns(&mut p, config);
                terms_same &= old_of.get(&p.rel_path).is_some_and(|o| terms_key(o) == terms_key(&p));
                let at = lib.pages.partition_point(|q| q.rel_path < p.rel_path);
                lib.pages.insert(at, *p);
                for r in remap.iter_mut().flatten() {
                    if *r >= at {
                        *r += 1;
                    }
                }
                for a in added.iter_mut() {
                    if *a >= at {
                        *a += 1;
                    }
                }
                added.push(at);
                fresh.push(file);
            }
            Some(Parsed::Draft) => lib.drafts.push(file),
            Some(Parsed::Section(_)) | None => {}
        }
    }
    terms_same &= old_of.len() == added.len();
    // The indexes, with every id moved as the pages did.
    let moved_ids = remap.iter().enumerate().any(|(old, new)| new.is_some_and(|n| n != old));
    for p in old_of.values() {
        lib.by_rel_path.remove(&p.rel_path);
    }
    if moved_ids {
        for v in lib.by_rel_path.values_mut() {
            *v = remap[*v].unwrap_or(*v);
        }
    }
    for &id in &added {
        lib.by_rel_path.insert(lib.pages[id].rel_path.clone(), id);
    }
    // The first page of each (kind, slug): those of the pages read are found
    // again, the others moved.
    let mut slugs: Vec<(Kind, String)> = old_of.values().map(|p| (p.kind, p.slug.clone())).collect();
    slugs.extend(added.iter().map(|&id| (lib.pages[id].kind, lib.pages[id].slug.clone())));
    for key in &slugs {
        lib.by_slug.remove(key);
    }
    if moved_ids {
        for v in lib.by_slug.values_mut() {
            *v = remap[*v].unwrap_or(*v);
        }
    }
    for key in slugs {
        if let Some(i) = lib.pages.iter().position(|p| p.kind == key.0 && p.slug == key.1) {
            lib.by_slug.insert(key, i);
        }
    }
    for s in &mut lib.sections {
        s.pages = s.pages.iter().filter_map(|&id| remap[id]).collect();
    }
    for &id in &added {
        let p = &lib.pages[id];
        if let Some(si) = library::section_for(p, |dir| lib.sections.iter().position(|s| s.name == dir)) {
            let by = lib.sections[si].sort_by;
            let pages = &lib.pages;
            let list = &lib.sections[si].pages;
            let at = list.partition_point(|&q| library::page_order(&pages[q], p, by) == std::cmp::Ordering::Less);
            lib.sections[si].pages.insert(at, id);
        }
    }
    lib.position = vec![None; lib.pages.len()];
    for (si, s) in lib.sections.iter().enumerate() {
        for (i, &id) in s.pages.iter().enumerate() {
            lib.position[id] = Some((si, i));
        }
    }
    // References between pages are as they were when the pages read are
    // the same pages (addresses, kinds, ids) in a library that passed its
    // checks: only theirs are checked.
    let same_pages = settled
        && old_of.len() == added.len()
        && added.iter().all(|&id| {
            let p = &lib.pages[id];
            old_of
                .get(&p.rel_path)
                .is_some_and(|o| o.kind == p.kind && o.slug == p.slug)
        });
    let read = |id: &usize| (*id, true);
    match (same_pages, settled) {
        (true, _) => crate::content::refs::check_pages(lib, config, added.iter().map(read), &mut diags),
        // Pages came or went: the references between pages, on every page.
        (false, true) => {
            let ids = (0..lib.pages.len()).map(|id| (id, added.contains(&id)));
            crate::content::refs::check_pages(lib, config, ids, &mut diags)
        }
        (false, false) => crate::content::refs::check(lib, config, &mut diags),
    }
    // Without two terms on one address, the pages' ages decide nothing: the
    // same terms keep their addresses.
    let same_terms = || {
        let used = |tax: &str, name: &str| {
            lib.pages
                .iter()
                .any(|p| crate::content::terms::terms_of(p, tax).iter().any(|n| n == name))
        };
        config.site.taxonomies.iter().all(|tax| {
            let Some(names) = old_slugs.get(tax) else {
                return false;
            };
            let slugs: HashSet<&str> = names.values().map(String::as_str).collect();
            let apart = slugs.iter().all(|s| {
                s.rsplit_once('-')
                    .is_none_or(|(base, n)| !(n.bytes().all(|b| b.is_ascii_digit()) && slugs.contains(base)))
            });
            let known = added
                .iter()
                .flat_map(|&id| crate::content::terms::terms_of(&lib.pages[id], tax))
                .all(|n| names.contains_key(n));
            let kept = old_of
                .values()
                .flat_map(|p| crate::content::terms::terms_of(p, tax))
                .all(|n| used(tax, n));
            apart && known && kept
        })
    };
    match terms_same || same_terms() {
        true => lib.term_slugs = old_slugs.clone(),
        false => {
            let (slugs, moved) = crate::content::terms::assign(lib, &config.site.taxonomies, &config.root, config.lang);
            lib.term_slugs = slugs;
            diags.extend(moved);
        }
    }
    #[cfg(debug_assertions)]
    same_as_reindexed(lib, config);
    Ok(Patched {
        diags,
        read: fresh,
        remap,
        added,
    })
}

/// What [`patch_in_place`] did.
pub(super) struct Patched {
    pub(super) diags: Vec<Diagnostic>,
    /// The page files read.
    pub(super) read: Vec<PathBuf>,
    /// The new id of each old page (`None`: it went).
    pub(super) remap: Vec<Option<usize>>,
    /// The ids of the pages read.
    pub(super) added: Vec<usize>,
}

/// Debug builds: the indexes patched in place are those a fresh
/// [`library::reindex`] derives.
#[cfg(debug_assertions)]
fn same_as_reindexed(lib: &Library, config: &Config) {
    let mut fresh = lib.clone();
    let _ = library::reindex(&mut fresh, config);
    assert_eq!(fresh.by_rel_path, lib.by_rel_path, "pages by path");
    assert_eq!(fresh.by_slug, lib.by_slug, "pages by slug");
    assert_eq!(fresh.position, lib.position, "places in sections");
    assert_eq!(fresh.term_slugs, lib.term_slugs, "term slugs");
    let lists = |l: &Library| -> Vec<(String, Vec<usize>)> {
        l.sections.iter().map(|s| (s.name.clone(), s.pages.clone())).collect()
    };
    assert_eq!(lists(&fresh), lists(lib), "section lists");
}
