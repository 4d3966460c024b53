//! Rendering every Markdown body, then checking anchors of `@/` links.
//!
//! 1. Build the permalink table (`articles/x.md` → `/base/articles/x/`).
//! 2. Render pages and sections in parallel; errors get the file's line.
//! 3. With every page rendered, check that each `@/x.md#anchor` names an
//!    id that the target page really has.

use crate::urls::link;
use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;

use super::handover::Handover;
use super::library::Library;
use crate::config::Config;
use crate::error::Diagnostic;
use crate::markdown::{self, LinkResolver, MarkdownOptions, Rendered, ShortcodeRenderer, char_prefix};

/// `@/` path → URL path.
#[derive(Debug, Default)]
pub struct Permalinks(HashMap<String, String>);

impl Permalinks {
    /// The table for `lib` under `base_path` (`/` or `/kepu/`).
    pub fn new(lib: &Library, base_path: &str) -> Self {
        let mut map: HashMap<String, String> = lib
            .pages
            .iter()
            .map(|p| (p.rel_path.clone(), link(base_path, &p.path)))
            .collect();
        for s in &lib.sections {
            if let Some(rel) = &s.rel_path {
                map.insert(rel.clone(), link(base_path, &s.path));
            }
        }
        // A page whose front matter is broken still exists (its own error
        // says what is wrong); the build fails anyway, so any URL will do.
        for rel in &lib.broken {
            map.entry(rel.clone())
                .or_insert_with(|| link(base_path, &format!("{}/", rel.trim_end_matches(".md"))));
        }
        Permalinks(map)
    }
}

impl Permalinks {
    /// Brings the links of the pages at `rels` up to date with `lib` (each
    /// came, went or moved).
    pub fn update(&mut self, lib: &Library, base_path: &str, rels: &[&str]) {
        for &rel in rels {
            match lib.page(rel) {
                Some(p) => {
                    self.0.insert(rel.to_string(), link(base_path, &p.path));
                }
                None if lib.broken.contains(rel) => {
                    let url = link(base_path, &format!("{}/", rel.trim_end_matches(".md")));
                    self.0.insert(rel.to_string(), url);
                }
                None => {
                    self.0.remove(rel);
                }
            }
        }
    }
}

impl LinkResolver for Permalinks {
    fn resolve(&self, path: &str) -> Option<String> {
        self.0.get(path.trim_start_matches('/')).cloned()
    }
}

/// Renders all bodies into `lib`, returning the diagnostics. With
/// `free_sources`, each page's Markdown is dropped once rendered (a build
/// needs it no more; `serve` keeps it to render again).
pub fn render_all(
    lib: &mut Library,
    config: &Config,
    shortcodes: &dyn ShortcodeRenderer,
    free_sources: bool,
) -> Vec<Diagnostic> {
    let pages = vec![true; lib.pages.len()];
    let sections = vec![true; lib.sections.len()];
    let links = Permalinks::new(lib, &config.base_path);
    render_pages(lib, config, shortcodes, &links, (&pages, &sections), free_sources)
}

/// Takes every searchable page's plain text out of `lib`, for the search
/// index to take page by page (see [`Handover`]), and leaves each page what
/// its description shows: its first `chars` characters and one more
/// (enough to tell that it goes on), nothing when the page has a
/// `summary`. The pages of kinds whose own files quote the whole text (CAP
/// messages) keep it.
pub fn take_out_texts(lib: &mut Library, chars: usize) -> Handover {
    Handover::take_out(lib, |_, p| {
        if p.kind.spec().files.is_some() {
            return None;
        }
        let keep = match p.meta.summary {
            Some(_) => 0,
            None => chars + 1,
        };
        let shown = char_prefix(&p.rendered.text, keep).to_string();
        let whole = std::mem::replace(&mut p.rendered.text, shown);
        p.searchable().then_some(whole)
    })
}

/// Renders the bodies of the pages and sections marked `true` (by index),
/// keeps the others, then checks every anchor of the site; `serve` calls it
/// for the files an edit touched. `links` is [`Permalinks::new`] of `lib`.
pub fn render_some(
    lib: &mut Library,
    config: &Config,
    shortcodes: &dyn ShortcodeRenderer,
    links: &Permalinks,
    pages: &[bool],
    sections: &[bool],
) -> Vec<Diagnostic> {
    render_pages(lib, config, shortcodes, links, (pages, sections), false)
}

fn render_pages(
    lib: &mut Library,
    config: &Config,
    shortcodes: &dyn ShortcodeRenderer,
    links: &Permalinks,
    (pages, sections): (&[bool], &[bool]),
    free_sources: bool,
) -> Vec<Diagnostic> {
    let opts = MarkdownOptions {
        highlight: config.site.highlight.css_classes,
        han_per_minute: config.site.markdown.han_per_minute.max(1),
        words_per_minute: config.site.markdown.words_per_minute.max(1),
        links,
        shortcodes,
        raw_html: config.site.markdown.raw_html,
    };
    let root = &config.root;
    let mut diags: Vec<Diagnostic> = lib
        .pages
        .par_iter_mut()
        .enumerate()
        .filter(|(i, _)| pages.get(*i).copied().unwrap_or(false))
        .flat_map_iter(|(_, p)| {
            let (r, d) = render_one(&p.body, p.body_line, &p.file, root, &opts);
            p.rendered = r;
            if free_sources {
                p.body = String::new();
            }
            d
        })
        .collect();
    for (i, s) in lib.sections.iter_mut().enumerate() {
        if !sections.get(i).copied().unwrap_or(false) {
            continue;
        }
        if let Some(file) = &s.file {
            let (r, d) = render_one(&s.body, s.body_line, file, root, &opts);
            s.rendered = r;
            diags.extend(d);
        }
    }
    check_anchors(lib, root, &mut diags);
    diags
}

fn render_one(
    body: &str,
    body_line: usize,
    file: &Path,
    root: &Path,
    opts: &MarkdownOptions,
) -> (Rendered, Vec<Diagnostic>) {
    let (rendered, errors) = markdown::render_with_errors(body, opts);
    let shown = super::walk::shown(root, file);
    let diags = errors
        .into_iter()
        .map(|e| {
            let d = Diagnostic::error(&shown, e.line + body_line - 1, e.column, e.message);
            match e.hint {
                Some(h) => d.with_hint(h),
                None => d,
            }
        })
        .collect();
    (rendered, diags)
}

fn check_anchors(lib: &Library, root: &Path, diags: &mut Vec<Diagnostic>) {
    for page in &lib.pages {
        for link in &page.rendered.internal_links {
            let Some(anchor) = &link.anchor else { continue };
            let Some(target) = lib.page(link.path.trim_start_matches('/')) else {
                continue;
            };
            if !target.rendered.anchors.iter().any(|a| a == anchor) {
                diags.push(
                    Diagnostic::error(
                        super::walk::shown(root, &page.file),
                        link.line + page.body_line - 1,
                        link.column,
                        crate::text!("content.broken_anchor", link.path.trim_start_matches('/'), anchor),
                    )
                    .with_hint(match target.rendered.anchors.is_empty() {
                        true => crate::text!("content.broken_anchor.no_headings"),
                        false => crate::text!("content.broken_anchor.ids", target.rendered.anchors.join(", ")),
                    }),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::markdown::char_prefix as prefix;
    use crate::render::views::{DESCRIPTION_CHARS, truncate_chars};

    #[test]
    fn a_shortened_text_gives_the_same_description() {
        for n in [0, 1, 119, 120, 121, 122, 123, 400] {
            for unit in ["字", "a", "😀", "é"] {
                let full = unit.repeat(n);
                let short = prefix(&full, DESCRIPTION_CHARS + 1);
                assert!(short.chars().count() <= DESCRIPTION_CHARS + 1, "{n} × {unit}");
                assert_eq!(
                    truncate_chars(short, DESCRIPTION_CHARS),
                    truncate_chars(&full, DESCRIPTION_CHARS),
                    "{n} × {unit}"
                );
            }
        }
        assert_eq!(prefix("正文", 0), "");
    }
}
