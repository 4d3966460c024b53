//! Bringing the loaded library up to date with the files on disk, without
//! reading the files that did not change.
//!
//! Fast path ([`reread`], [`replace_pages`]): a page whose front matter is
//! as it was gets its new body and only its Markdown is rendered again.
//!
//! Slow path ([`reconcile`]):
//! 1. walk `content/` again;
//! 2. parse the files that changed or are new, keep the others (pages,
//!    sections, drafts) as loaded;
//! 3. derive the indices again ([`library::reindex`]);
//! 4. render the Markdown of the new pages, of the pages that link to a
//!    page that came, went or moved, and of every section.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::baseline::Facet;
use crate::config::Config;
use crate::content::library::{self, Library};
use crate::content::markdown_pass::{Permalinks, render_some};
use crate::content::parse::{ParseEnv, Parsed, parse_file};
use crate::content::terms::TermSlugs;
use crate::content::{Page, Section};
use crate::error::Diagnostic;
use crate::kinds::Kind;
use crate::markdown::ShortcodeRenderer;

mod in_place;

use in_place::patch_in_place;

fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(Diagnostic::is_error)
}

/// A page file read again.
#[derive(Debug)]
pub enum Reread {
    /// Its front matter is as it was: only the body may differ.
    Same(Box<Page>),
    /// It is no longer the same page (front matter, draft, kind).
    Structure,
    /// It has errors (in `diags`).
    Failed,
}

/// Reads a page file again and compares its front matter with `facet`.
pub fn reread(file: &Path, env: &ParseEnv, facet: &Facet, diags: &mut Vec<Diagnostic>) -> Reread {
    let mut own = Vec::new();
    let parsed = parse_file(file, env, &mut own);
    let failed = has_errors(&own);
    diags.extend(own);
    match parsed {
        _ if failed => Reread::Failed,
        Some(Parsed::Page(p)) if Facet::yaml_of(&p.yaml) == facet.yaml && p.rel_path == facet.rel_path => {
            Reread::Same(p)
        }
        _ => Reread::Structure,
    }
}

/// Whether a draft file is still a draft (errors count as a change).
pub fn still_draft(file: &Path, env: &ParseEnv) -> bool {
    let mut diags = Vec::new();
    matches!(parse_file(file, env, &mut diags), Some(Parsed::Draft)) && !has_errors(&diags)
}

/// Puts `pages` in place of the pages with their `@/` paths and renders
/// their Markdown (`links` stay as they were: the pages' front matter did);
/// returns the diagnostics and the ids replaced.
pub fn replace_pages(
    lib: &mut Library,
    pages: Vec<Page>,
    config: &Config,
    (shortcodes, links): (&dyn ShortcodeRenderer, &Permalinks),
) -> (Vec<Diagnostic>, Vec<usize>) {
    let mut flags = vec![false; lib.pages.len()];
    let mut ids = Vec::new();
    for mut page in pages {
        let Some(&id) = lib.by_rel_path.get(&page.rel_path) else {
            continue;
        };
        page.assets = std::mem::take(&mut lib.pages[id].assets);
        crate::content::name_page_towns(&mut page, config);
        lib.pages[id] = page;
        flags[id] = true;
        ids.push(id);
    }
    let sections = vec![false; lib.sections.len()];
    (render_some(lib, config, shortcodes, links, &flags, &sections), ids)
}

/// What [`reconcile`] found.
pub struct Reconciled {
    /// Every diagnostic.
    pub diags: Vec<Diagnostic>,
    /// The page files whose Markdown was rendered.
    pub rendered: HashSet<PathBuf>,
    /// The URL slug of some taxonomy term changed.
    pub slugs_moved: bool,
    /// `content/` was walked again (files other than Markdown may have
    /// come or gone).
    pub walked: bool,
    /// When only pages changed and the indexes were patched in place: the
    /// new id of each old page (`None`: it went) and the ids of the pages
    /// read again.
    pub moves: Option<(Vec<Option<usize>>, Vec<usize>)>,
    /// The `@/` links of the library as it is now.
    pub links: Permalinks,
}

/// Makes `lib` what a fresh load of `content/` would give, reading again
/// only the files in `touched` and the files it does not know; the pages
/// of `redo` get their Markdown rendered again too. `links` are the `@/`
/// links of `lib` as it was; they come back up to date. `settled`: `lib`
/// is as the last good rebuild left it (not half-updated by a failed one).
pub fn reconcile(
    lib: &mut Library,
    config: &Config,
    env: &ParseEnv,
    (touched, redo, settled): (&HashSet<PathBuf>, &HashSet<PathBuf>, bool),
    (shortcodes, links): (&dyn ShortcodeRenderer, Permalinks),
) -> Reconciled {
    let mut diags = Vec::new();
    let quick = plain_files(env, touched);
    // The URL of each page that may move: every page, or those read again.
    let old_paths: HashMap<String, String> = match quick {
        true => touched
            .iter()
            .filter_map(|f| f.strip_prefix(env.content).ok())
            .filter_map(|rel| lib.page(&crate::output::safe_path::to_slash(rel)))
            .map(|p| (p.rel_path.clone(), p.path.clone()))
            .collect(),
        false => lib.pages.iter().map(|p| (p.rel_path.clone(), p.path.clone())).collect(),
    };
    let mut old_sections: Vec<String> = lib.sections.iter().filter_map(|s| s.rel_path.clone()).collect();
    let mut fresh: HashSet<PathBuf> = HashSet::new();
    let old_slugs = std::mem::take(&mut lib.term_slugs);
    let mut moves = None;
    let patched = match quick {
        true => {
            let read = read_files(env, touched, &mut diags);
            match patch_in_place(lib, config, read, (&old_slugs, settled)) {
                Ok(p) => {
                    diags.extend(p.diags);
                    fresh.extend(p.read);
                    moves = Some((p.remap, p.added));
                    true
                }
                Err(read) => {
                    put_in_place(lib, touched, read, &mut fresh);
                    false
                }
            }
        }
        false => {
            old_sections.extend(walk_again(lib, env, touched, (&mut fresh, &mut diags)));
            false
        }
    };
    if !patched {
        diags.extend(library::reindex(lib, config));
    }
    let slugs_moved = old_slugs.iter().any(|(tax, names)| {
        let now = lib.term_slugs.get(tax);
        names
            .iter()
            .any(|(name, slug)| now.and_then(|m| m.get(name)).is_some_and(|s| s != slug))
    });
    // Links resolve to URLs: pages that link to a page that came, went or
    // moved are rendered again, with every section.
    let mut moved: HashSet<String> = old_paths
        .iter()
        .filter(|(rel, path)| lib.page(rel).is_none_or(|p| &p.path != *path))
        .map(|(rel, _)| rel.clone())
        .collect();
    let mut read_again = vec![false; lib.pages.len()];
    for file in fresh.iter().chain(redo) {
        let rel = file.strip_prefix(env.content).map(crate::output::safe_path::to_slash);
        if let Some(&id) = rel.ok().and_then(|r| lib.by_rel_path.get(&r))
            && lib.pages[id].file == *file
        {
            read_again[id] = true;
        }
    }
    moved.extend(
        lib.pages
            .iter()
            .zip(&read_again)
            .filter(|(p, again)| **again && !old_paths.contains_key(&p.rel_path))
            .map(|(p, _)| p.rel_path.clone()),
    );
    if !quick {
        moved.extend(
            lib.pages
                .iter()
                .filter(|p| !old_paths.contains_key(&p.rel_path))
                .map(|p| p.rel_path.clone()),
        );
    }
    let files_before = links.files();
    let links = match patched {
        true => {
            let mut links = links;
            let rels: Vec<&str> = moved.iter().map(String::as_str).collect();
            links.update(lib, &config.base_path, &rels);
            links
        }
        false => Permalinks::new(lib, &config.base_path),
    };
    if !patched {
        // Sections may have come, gone or moved too (patched in place,
        // they are as they were).
        moved.extend(old_sections);
        moved.extend(lib.sections.iter().filter_map(|s| s.rel_path.clone()));
    }
    let mut moved: Vec<&str> = moved.iter().map(String::as_str).collect();
    moved.sort_unstable();
    let files_changed = links.files_changed(&files_before);
    // Again: the pages read again, those that link a page that came, went
    // or moved, and those that looked for a file that came, went or moved.
    let pages: Vec<bool> = lib
        .pages
        .iter()
        .zip(&read_again)
        .map(|(p, &again)| {
            again
                || p.rendered.beside.iter().any(|f| files_changed.binary_search(f).is_ok())
                || p.rendered
                    .internal_links
                    .iter()
                    .any(|l| moved.binary_search(&l.path.trim_start_matches('/')).is_ok())
        })
        .collect();
    let sections = vec![true; lib.sections.len()];
    diags.extend(render_some(lib, config, shortcodes, &links, &pages, &sections));
    let rendered = lib
        .pages
        .iter()
        .zip(&pages)
        .filter(|(_, r)| **r)
        .map(|(p, _)| p.file.clone())
        .collect();
    Reconciled {
        diags,
        rendered,
        slugs_moved,
        walked: !quick,
        moves,
        links,
    }
}

/// A file of `touched` read again: what it now is (nothing when it is gone
/// or cannot be read).
type Read = (PathBuf, Option<Parsed>);

/// Reads the files of `touched` (in path order).
fn read_files(env: &ParseEnv, touched: &HashSet<PathBuf>, diags: &mut Vec<Diagnostic>) -> Vec<Read> {
    let mut files: Vec<&PathBuf> = touched.iter().collect();
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let parsed = match f.is_file() {
                true => parse_file(f, env, diags),
                false => None,
            };
            (f.clone(), parsed)
        })
        .collect()
}

/// Puts the files `read` in place of what `lib` held of `touched` (its
/// indexes are derived again afterwards).
fn put_in_place(lib: &mut Library, touched: &HashSet<PathBuf>, read: Vec<Read>, fresh: &mut HashSet<PathBuf>) {
    lib.pages.retain(|p| !touched.contains(&p.file));
    lib.sections
        .retain(|s| s.file.as_ref().is_none_or(|f| !touched.contains(f)));
    lib.drafts.retain(|d| !touched.contains(d));
    for (file, parsed) in read {
        match parsed {
            Some(Parsed::Page(p)) => {
                fresh.insert(file);
                lib.pages.push(*p);
            }
            Some(Parsed::Section(s)) => lib.sections.push(*s),
            Some(Parsed::Draft) => lib.drafts.push(file),
            None => {}
        }
    }
}

/// Whether each of `touched` is a Markdown file outside every bundle (a
/// page, a section or a draft that was edited, came or went), so that
/// nothing else can have changed: not a bundle, a folder or an asset. None
/// touched (a data file or a template changed) is quick too.
fn plain_files(env: &ParseEnv, touched: &HashSet<PathBuf>) -> bool {
    let plain = |f: &PathBuf| {
        let Ok(rel) = f.strip_prefix(env.content) else {
            return false;
        };
        let names: Vec<&str> = rel.iter().filter_map(|n| n.to_str()).collect();
        names.len() == rel.iter().count()
            && names.last().is_some_and(|n| n.ends_with(".md") && *n != "index.md")
            && !names.iter().any(|n| crate::content::walk::is_ignored(n))
            && !std::fs::symlink_metadata(f).is_ok_and(|m| m.file_type().is_symlink() || m.is_dir())
            && !f
                .ancestors()
                .skip(1)
                .take_while(|d| *d != env.content)
                .any(|d| d.join("index.md").exists())
    };
    env.content.is_dir() && touched.iter().all(plain)
}

/// Brings `lib` up to date by walking `content/` again: files it knows and
/// that are not in `touched` are kept as loaded, the others are read.
/// Returns the `@/` paths of the sections that went.
fn walk_again(
    lib: &mut Library,
    env: &ParseEnv,
    touched: &HashSet<PathBuf>,
    (fresh, diags): (&mut HashSet<PathBuf>, &mut Vec<Diagnostic>),
) -> Vec<String> {
    let found = crate::content::walk::walk(env.content, env.root, diags);
    let mut old_pages: HashMap<PathBuf, Page> = lib.pages.drain(..).map(|p| (p.file.clone(), p)).collect();
    let mut old_sections: HashMap<PathBuf, Section> = lib
        .sections
        .drain(..)
        .filter_map(|s| Some((s.file.clone()?, s)))
        .collect();
    let old_drafts: HashSet<PathBuf> = lib.drafts.drain(..).collect();
    for file in &found.markdown {
        if !touched.contains(file) {
            if let Some(p) = old_pages.remove(file) {
                lib.pages.push(p);
                continue;
            }
            if let Some(s) = old_sections.remove(file) {
                lib.sections.push(s);
                continue;
            }
            if old_drafts.contains(file) {
                lib.drafts.push(file.clone());
                continue;
            }
        }
        match parse_file(file, env, diags) {
            Some(Parsed::Page(p)) => {
                fresh.insert(file.clone());
                lib.pages.push(*p);
            }
            Some(Parsed::Section(s)) => lib.sections.push(*s),
            Some(Parsed::Draft) => lib.drafts.push(file.clone()),
            None => {}
        }
    }
    for page in &mut lib.pages {
        if let Some(dir) = &page.bundle_dir {
            page.assets = found.bundles.get(dir).cloned().unwrap_or_default();
        }
    }
    lib.loose = library::loose_outputs(&found, env.content);
    old_sections.into_values().filter_map(|s| s.rel_path).collect()
}
