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

use super::handover::{Handover, Run};
use super::library::Library;
use super::{Page, PageId};
use crate::config::Config;
use crate::error::Diagnostic;
use crate::markdown::{self, LinkResolver, MarkdownOptions, Rendered, ShortcodeRenderer, char_prefix};

/// `@/` path → URL path, and the files of `content/` that are not pages →
/// the address each is published at.
#[derive(Debug, Default)]
pub struct Permalinks {
    pages: HashMap<String, String>,
    files: HashMap<String, String>,
}

impl Permalinks {
    /// The table for `lib` under `base_path` (`/` or `/kepu/`).
    pub fn new(lib: &Library, base_path: &str) -> Self {
        let mut pages: HashMap<String, String> = lib
            .pages
            .iter()
            .map(|p| (p.rel_path.clone(), link(base_path, &p.path)))
            .collect();
        for s in &lib.sections {
            if let Some(rel) = &s.rel_path {
                pages.insert(rel.clone(), link(base_path, &s.path));
            }
        }
        // A page whose front matter is broken still exists (its own error
        // says what is wrong); the build fails anyway, so any URL will do.
        for rel in &lib.broken {
            pages
                .entry(rel.clone())
                .or_insert_with(|| link(base_path, &format!("{}/", rel.trim_end_matches(".md"))));
        }
        Permalinks {
            pages,
            files: files(lib, base_path),
        }
    }

    /// Brings the links of the pages at `rels` up to date with `lib` (each
    /// came, went or moved), and the files with the files of `lib`.
    pub fn update(&mut self, lib: &Library, base_path: &str, rels: &[&str]) {
        for &rel in rels {
            match lib.page(rel) {
                Some(p) => {
                    self.pages.insert(rel.to_string(), link(base_path, &p.path));
                }
                None if lib.broken.contains(rel) => {
                    let url = link(base_path, &format!("{}/", rel.trim_end_matches(".md")));
                    self.pages.insert(rel.to_string(), url);
                }
                None => {
                    self.pages.remove(rel);
                }
            }
        }
        self.files = files(lib, base_path);
    }
}

/// Each file of `content/` that is not a page (loose, or in a bundle) →
/// the address it is published at under `base_path`.
fn files(lib: &Library, base_path: &str) -> HashMap<String, String> {
    // The characters that would end or change an address are escaped.
    let address = |out: &str| {
        link(
            base_path,
            &out.replace('%', "%25").replace('#', "%23").replace('?', "%3F"),
        )
    };
    let mut files: HashMap<String, String> = lib.loose.iter().map(|(_, out)| (out.clone(), address(out))).collect();
    for p in lib.pages.iter().filter(|p| p.bundle_dir.is_some()) {
        let folder = folder_of(&p.rel_path);
        for asset in &p.assets {
            let asset = crate::output::safe_path::to_slash(asset);
            files.insert(format!("{folder}/{asset}"), address(&format!("{}{asset}", p.path)));
        }
    }
    files
}

impl Permalinks {
    /// The table of files, to tell later which changed.
    pub fn files(&self) -> HashMap<String, String> {
        self.files.clone()
    }

    /// The paths of the files that came, went or moved since `before`
    /// (sorted).
    pub fn files_changed(&self, before: &HashMap<String, String>) -> Vec<String> {
        let mut changed: Vec<String> = self
            .files
            .iter()
            .filter(|(path, url)| before.get(*path) != Some(url))
            .map(|(path, _)| path.clone())
            .chain(before.keys().filter(|path| !self.files.contains_key(*path)).cloned())
            .collect();
        changed.sort_unstable();
        changed
    }
}

impl LinkResolver for Permalinks {
    fn resolve(&self, path: &str) -> Option<String> {
        self.pages.get(path.trim_start_matches('/')).cloned()
    }

    fn file(&self, path: &str) -> Option<String> {
        self.files.get(path).cloned()
    }
}

/// Pages rendered in a row by one thread; when a build hands their strings
/// over, their texts share one buffer, their bodies another (see
/// [`Handover`]).
const RUN: usize = 64;

/// What a build takes out of the library as it renders the Markdown.
#[derive(Debug, Clone)]
pub struct HandOver {
    /// Characters of its text each page keeps: what its description shows.
    pub chars: usize,
    /// Whether the site has a search index, which takes the whole texts
    /// (without one, the pages are only shortened).
    pub texts: bool,
    /// By page id: the pages whose body HTML something besides their own
    /// page shows, which keep it.
    pub keep_body: Vec<bool>,
}

/// What a build took out of the library (see [`render_all`]).
#[derive(Debug, Default)]
pub struct HandedOver {
    /// The whole text of each page in search, for the search index (not
    /// those of the kinds whose own files quote it).
    pub texts: Handover,
    /// The body HTML of each page that only its own page shows, for its
    /// page job.
    pub bodies: Handover,
}

/// Renders all bodies into `lib`, returning the diagnostics.
///
/// With `hand_over` (a build, which renders every output once), each
/// page's Markdown is dropped once rendered, and what each page's own
/// stage alone needs is taken out ([`HandedOver`]):
/// - each page's whole text, for the search index, the page keeping only
///   what its description shows: its first `chars` characters and one
///   more (enough to tell that it goes on), nothing when it has a
///   `summary`. Pages out of search (or all, when the site has no search)
///   hand over no text; the pages of kinds whose own files quote the whole
///   text (CAP messages) keep it;
/// - the body HTML of the pages not in `keep_body`.
///
/// `serve` keeps everything, to render again.
pub fn render_all(
    lib: &mut Library,
    config: &Config,
    shortcodes: &dyn ShortcodeRenderer,
    hand_over: Option<&HandOver>,
) -> (Vec<Diagnostic>, Option<HandedOver>) {
    let pages = vec![true; lib.pages.len()];
    let sections = vec![true; lib.sections.len()];
    let links = Permalinks::new(lib, &config.base_path);
    let opts = options(config, shortcodes, &links);
    render_pages(lib, config, &opts, (&pages, &sections), hand_over)
}

/// Drops the Markdown of `pages` (the first being page `first`) and takes
/// their texts and bodies into one run each (see [`render_all`]).
fn hand_over_run(first: PageId, pages: &mut [Page], hand_over: &HandOver) -> (Run, Run) {
    let (mut texts, mut bodies) = (Run::default(), Run::default());
    for (id, p) in (first..).zip(pages.iter_mut()) {
        p.body = String::new();
        if !hand_over.keep_body.get(id).copied().unwrap_or(false) {
            bodies.push(id, &std::mem::take(&mut p.rendered.html));
        }
        // The kinds whose own files quote the whole text keep it.
        if p.kind.spec().files.is_some() {
            continue;
        }
        if hand_over.texts && p.searchable() {
            texts.push(id, &p.rendered.text);
        }
        let keep = match p.meta.summary {
            Some(_) => 0,
            None => hand_over.chars + 1,
        };
        p.rendered.text = char_prefix(&p.rendered.text, keep).to_string();
    }
    texts.pack();
    bodies.pack();
    (texts, bodies)
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
    let opts = options(config, shortcodes, links);
    render_pages(lib, config, &opts, (pages, sections), None).0
}

fn options<'a>(config: &Config, shortcodes: &'a dyn ShortcodeRenderer, links: &'a Permalinks) -> MarkdownOptions<'a> {
    MarkdownOptions {
        highlight: config.site.highlight.css_classes,
        han_per_minute: config.site.markdown.han_per_minute.max(1),
        words_per_minute: config.site.markdown.words_per_minute.max(1),
        links,
        shortcodes,
        raw_html: config.site.markdown.raw_html,
        folder: "",
        leaf: false,
    }
}

/// Renders the pages and sections marked `true`, `RUN` pages in a row on
/// one thread, handing their strings over as a run when a build asks.
fn render_pages(
    lib: &mut Library,
    config: &Config,
    opts: &MarkdownOptions,
    (pages, sections): (&[bool], &[bool]),
    hand_over: Option<&HandOver>,
) -> (Vec<Diagnostic>, Option<HandedOver>) {
    let root = &config.root;
    // Each run's texts and bodies, when handed over.
    type Handed = Option<(Run, Run)>;
    let (diags, runs): (Vec<Vec<Diagnostic>>, Vec<Handed>) = lib
        .pages
        .par_chunks_mut(RUN)
        .enumerate()
        .map(|(run, chunk)| {
            let first = run * RUN;
            let mut diags = Vec::new();
            for (id, p) in (first..).zip(chunk.iter_mut()) {
                if pages.get(id).copied().unwrap_or(false) {
                    diags.extend(render_page(p, root, opts));
                }
            }
            (diags, hand_over.map(|h| hand_over_run(first, chunk, h)))
        })
        .unzip();
    let mut diags: Vec<Diagnostic> = diags.into_iter().flatten().collect();
    diags.extend(render_sections(lib, root, opts, sections));
    check_anchors(lib, root, &mut diags);
    let handed = hand_over.map(|_| {
        let (texts, bodies): (Vec<Run>, Vec<Run>) = runs.into_iter().flatten().unzip();
        HandedOver {
            texts: Handover::new(RUN, texts),
            bodies: Handover::new(RUN, bodies),
        }
    });
    (diags, handed)
}

fn render_page(p: &mut Page, root: &Path, opts: &MarkdownOptions) -> Vec<Diagnostic> {
    let opts = MarkdownOptions {
        folder: folder_of(&p.rel_path),
        leaf: p.bundle_dir.is_none(),
        ..*opts
    };
    let (r, d) = render_one(&p.body, p.body_line, &p.file, root, &opts);
    p.rendered = r;
    d
}

/// Renders the sections marked `true` (by index).
fn render_sections(lib: &mut Library, root: &Path, opts: &MarkdownOptions, marked: &[bool]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (i, s) in lib.sections.iter_mut().enumerate() {
        if !marked.get(i).copied().unwrap_or(false) {
            continue;
        }
        if let Some(file) = &s.file {
            let opts = MarkdownOptions {
                folder: s.rel_path.as_deref().map_or("", folder_of),
                ..*opts
            };
            let (r, d) = render_one(&s.body, s.body_line, file, root, &opts);
            s.rendered = r;
            diags.extend(d);
        }
    }
    diags
}

/// The folder of the `@/` path `rel` (`articles/a.md` → `articles`).
fn folder_of(rel: &str) -> &str {
    rel.rsplit_once('/').map_or("", |(folder, _)| folder)
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
            let source = body.lines().nth(e.line.saturating_sub(1)).map(str::to_string);
            let line = e.line + body_line - 1;
            let d = match e.warning {
                true => Diagnostic::warning(&shown, line, e.column, e.message),
                false => Diagnostic::error(&shown, line, e.column, e.message),
            }
            .with_source(source);
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
