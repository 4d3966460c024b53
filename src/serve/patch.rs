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
use crate::content::{Page, Section};
use crate::error::Diagnostic;
use crate::markdown::ShortcodeRenderer;

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
        Some(Parsed::Page(p)) if p.yaml == facet.yaml && p.rel_path == facet.rel_path => Reread::Same(p),
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
#[derive(Debug, Default)]
pub struct Reconciled {
    /// Every diagnostic.
    pub diags: Vec<Diagnostic>,
    /// The page files whose Markdown was rendered.
    pub rendered: HashSet<PathBuf>,
}

/// Makes `lib` what a fresh load of `content/` would give, reading again
/// only the files in `touched` and the files it does not know; the pages
/// of `redo` get their Markdown rendered again too.
pub fn reconcile(
    lib: &mut Library,
    config: &Config,
    env: &ParseEnv,
    (touched, redo): (&HashSet<PathBuf>, &HashSet<PathBuf>),
    shortcodes: &dyn ShortcodeRenderer,
) -> Reconciled {
    let mut diags = Vec::new();
    let found = crate::content::walk::walk(env.content, env.root, &mut diags);
    let mut old_pages: HashMap<PathBuf, Page> = lib.pages.drain(..).map(|p| (p.file.clone(), p)).collect();
    let mut old_sections: HashMap<PathBuf, Section> = lib
        .sections
        .drain(..)
        .filter_map(|s| Some((s.file.clone()?, s)))
        .collect();
    let old_drafts: HashSet<PathBuf> = lib.drafts.drain(..).collect();
    let old_paths: HashMap<String, String> = old_pages
        .values()
        .map(|p| (p.rel_path.clone(), p.path.clone()))
        .collect();
    let mut fresh: HashSet<PathBuf> = HashSet::new();
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
        match parse_file(file, env, &mut diags) {
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
    diags.extend(library::reindex(lib, config));
    // Links resolve to URLs: pages that link to a page that came, went or
    // moved are rendered again, with every section.
    let mut moved: HashSet<String> = old_paths
        .iter()
        .filter(|(rel, path)| lib.page(rel).is_none_or(|p| &p.path != *path))
        .map(|(rel, _)| rel.clone())
        .collect();
    moved.extend(
        lib.pages
            .iter()
            .filter(|p| !old_paths.contains_key(&p.rel_path))
            .map(|p| p.rel_path.clone()),
    );
    moved.extend(old_sections.values().filter_map(|s| s.rel_path.clone()));
    moved.extend(lib.sections.iter().filter_map(|s| s.rel_path.clone()));
    let pages: Vec<bool> = lib
        .pages
        .iter()
        .map(|p| {
            fresh.contains(&p.file)
                || redo.contains(&p.file)
                || p.rendered
                    .internal_links
                    .iter()
                    .any(|l| moved.contains(l.path.trim_start_matches('/')))
        })
        .collect();
    let sections = vec![true; lib.sections.len()];
    let links = Permalinks::new(lib, &config.base_path);
    diags.extend(render_some(lib, config, shortcodes, &links, &pages, &sections));
    let rendered = lib
        .pages
        .iter()
        .zip(&pages)
        .filter(|(_, r)| **r)
        .map(|(p, _)| p.file.clone())
        .collect();
    Reconciled { diags, rendered }
}
