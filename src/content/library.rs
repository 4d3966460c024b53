//! The loaded site: every page and section, indexed.
//!
//! [`load`] runs the content stage:
//! 1. walk `content/` ([`super::walk`]);
//! 2. parse every file in parallel ([`super::parse`]);
//! 3. attach bundle assets, put pages in sections, add the sections every
//!    kind needs even when their `_index.md` is missing;
//! 4. check what needs the whole site: two pages at one URL, unknown town
//!    ids and communities, boards showing missing pages, stations naming
//!    missing boards ([`super::refs`]);
//! 5. sort each section's pages (ties broken on the path, so output is
//!    stable).
//!
//! The Markdown bodies are rendered afterwards ([`super::markdown_pass`]);
//! the library is not changed after that.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use rayon::prelude::*;

use super::page::{Page, PageId, Section, SortBy};
use super::parse::{ParseEnv, Parsed, parse_file};
use crate::config::Config;
use crate::error::{Diagnostic, Diagnostics};
use crate::i18n::Said;
use crate::kinds::Kind;
use crate::time::SiteClock;

/// The whole site's content.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// Pages, ordered by `rel_path`.
    pub pages: Vec<Page>,
    /// Sections, ordered by name (home first).
    pub sections: Vec<Section>,
    /// `articles/x.md` → page.
    pub by_rel_path: HashMap<String, PageId>,
    /// Non-Markdown files outside bundles: (file, output path).
    pub loose: Vec<(PathBuf, String)>,
    /// Markdown files left out as drafts.
    pub drafts: Vec<PathBuf>,
    /// `@/` paths of the files that could not be read as pages (their own
    /// error is reported): links and board windows that name them are not
    /// blamed too.
    pub broken: std::collections::HashSet<String>,
    /// Page id → (section index, place in the section's sorted list).
    pub position: Vec<Option<(usize, usize)>>,
    /// (kind, slug) → the first page of that kind with that slug.
    pub by_slug: HashMap<(Kind, String), PageId>,
    /// The URL slug of every taxonomy term ([`super::terms`]).
    pub term_slugs: super::terms::TermSlugs,
}

impl Library {
    /// A page by its `@/` path.
    pub fn page(&self, rel_path: &str) -> Option<&Page> {
        self.by_rel_path.get(rel_path).map(|&i| &self.pages[i])
    }

    /// The URL slug of term `name` of `taxonomy`.
    pub fn term_slug(&self, taxonomy: &str, name: &str) -> String {
        self.term_slugs
            .get(taxonomy)
            .and_then(|m| m.get(name))
            .cloned()
            .unwrap_or_else(|| super::terms::base_slug(name))
    }

    /// The section by folder name.
    pub fn section(&self, name: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.name == name)
    }

    /// Pages of one kind, in `rel_path` order.
    pub fn pages_of(&self, kind: Kind) -> impl Iterator<Item = (PageId, &Page)> {
        self.pages.iter().enumerate().filter(move |(_, p)| p.kind == kind)
    }

    /// A page by kind and id (slug), for boards and stations.
    pub fn find(&self, kind: Kind, id: &str) -> Option<(PageId, &Page)> {
        let &i = self.by_slug.get(&(kind, id.to_string()))?;
        Some((i, &self.pages[i]))
    }
}

/// Options of the content stage.
pub struct LoadOptions<'a> {
    /// Include drafts.
    pub drafts: bool,
    /// Time zone and now.
    pub clock: &'a SiteClock,
}

/// Loads `content/`. Returns the library (even when it has errors, so that
/// `check` can report more) and every diagnostic.
pub fn load(config: &Config, opts: &LoadOptions) -> (Library, Diagnostics) {
    let content = config.content_dir();
    let root = &config.root;
    let mut diags = Vec::new();
    let found = super::walk::walk(&content, root, &mut diags);
    let env = ParseEnv {
        content: &content,
        root,
        clock: opts.clock,
        drafts: opts.drafts,
        paginate_by: config.site.paginate_by,
        lang: config.lang,
    };
    let parsed: Vec<(Option<Parsed>, Vec<Diagnostic>)> = found
        .markdown
        .par_iter()
        .map(|file| {
            let mut d = Vec::new();
            let p = parse_file(file, &env, &mut d);
            (p, d)
        })
        .collect();
    // Room for every file read, sections and drafts included: no growth.
    let mut pages = Vec::with_capacity(parsed.len());
    let mut sections = Vec::new();
    let mut drafts = Vec::new();
    let mut broken = std::collections::HashSet::new();
    for (file, (p, d)) in found.markdown.iter().zip(parsed) {
        if p.is_none() && d.iter().any(Diagnostic::is_error) {
            broken.insert(super::parse::rel_path(&content, file));
        }
        diags.extend(d);
        match p {
            Some(Parsed::Page(mut page)) => {
                if let Some(dir) = &page.bundle_dir {
                    page.assets = found.bundles.get(dir).cloned().unwrap_or_default();
                }
                pages.push(*page);
            }
            Some(Parsed::Section(s)) => sections.push(*s),
            Some(Parsed::Draft) => drafts.push(file.clone()),
            None => {}
        }
    }
    pages.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
    let loose = loose_outputs(&found, &content);
    let mut lib = Library {
        pages,
        sections,
        loose,
        drafts,
        broken,
        ..Library::default()
    };
    diags.extend(reindex(&mut lib, config));
    let mut diags = Diagnostics(diags);
    diags.sort();
    (lib, diags)
}

/// The non-Markdown files outside bundles, each with its output path.
pub fn loose_outputs(found: &super::walk::Found, content: &std::path::Path) -> Vec<(PathBuf, String)> {
    found
        .loose
        .iter()
        .filter_map(|f| {
            let rel = f.strip_prefix(content).ok()?;
            let out = crate::output::safe_path::to_slash(rel);
            Some((f.clone(), out))
        })
        .collect()
}

/// Derives everything [`load`] derives from the pages and sections: the
/// path index, the implied sections, each section's sorted pages, and the
/// checks across pages. `serve` calls it after replacing changed files.
pub fn reindex(lib: &mut Library, config: &Config) -> Vec<Diagnostic> {
    let root = &config.root;
    lib.pages.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
    let pages = &lib.pages;
    (lib.by_rel_path, lib.by_slug) = rayon::join(
        || pages.iter().enumerate().map(|(i, p)| (p.rel_path.clone(), i)).collect(),
        || {
            let mut by_slug = HashMap::with_capacity(pages.len());
            for (i, p) in pages.iter().enumerate() {
                by_slug.entry((p.kind, p.slug.clone())).or_insert(i);
            }
            by_slug
        },
    );
    lib.sections.retain(|s| s.file.is_some());
    for s in &mut lib.sections {
        s.pages.clear();
    }
    add_implied_sections(lib, config);
    assign_sections(lib);
    super::refs::name_towns(lib, config);
    // The checks across pages and the terms' addresses read the pages only.
    let lib_now: &Library = lib;
    let (mut diags, (slugs, moved)) = rayon::join(
        || {
            let mut diags = Vec::new();
            check_urls(lib_now, root, &mut diags);
            check_aliases(lib_now, root, &mut diags);
            super::refs::check(lib_now, config, &mut diags);
            diags
        },
        || super::terms::assign(lib_now, &config.site.taxonomies, root, config.lang),
    );
    lib.term_slugs = slugs;
    diags.extend(moved);
    diags
}

fn add_implied_sections(lib: &mut Library, config: &Config) {
    let mut names: Vec<String> = vec![String::new()];
    names.extend(Kind::sections().map(String::from));
    for p in &lib.pages {
        if !p.section.is_empty() && Kind::from_section(&p.section) != Kind::Plain {
            names.push(p.section.clone());
        }
    }
    for name in names {
        if lib.section(&name).is_none() {
            let kind = Kind::from_section(&name);
            lib.sections.push(Section {
                path: if name.is_empty() {
                    String::new()
                } else {
                    format!("{name}/")
                },
                title: if name.is_empty() {
                    config.site.title.clone()
                } else {
                    kind.label().to_string()
                },
                name,
                rel_path: None,
                file: None,
                meta: Default::default(),
                sort_by: SortBy::Date,
                paginate_by: config.site.paginate_by,
                body: String::new(),
                body_line: 1,
                rendered: Default::default(),
                pages: Vec::new(),
            });
        }
    }
    lib.sections.sort_by(|a, b| a.name.cmp(&b.name));
}

/// Puts each page in the nearest section that contains it.
fn assign_sections(lib: &mut Library) {
    let index: HashMap<String, usize> = lib
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| (s.name.clone(), i))
        .collect();
    for (id, page) in lib.pages.iter().enumerate() {
        if let Some(s) = section_for(page, |dir| index.get(dir).copied()) {
            lib.sections[s].pages.push(id);
        }
    }
    let pages = &lib.pages;
    for s in &mut lib.sections {
        sort_pages(&mut s.pages, pages, s.sort_by);
    }
    lib.position = vec![None; lib.pages.len()];
    for (si, s) in lib.sections.iter().enumerate() {
        for (i, &id) in s.pages.iter().enumerate() {
            lib.position[id] = Some((si, i));
        }
    }
}

/// The section that lists `page` (by index, as `find` gives the section of
/// a folder name): the nearest folder above it that has one. Plain pages at
/// the root of content/ are not listed on the home page.
pub fn section_for(page: &Page, find: impl Fn(&str) -> Option<usize>) -> Option<usize> {
    let mut dir = page.rel_path.as_str();
    if page.bundle_dir.is_some() {
        dir = dir.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    }
    let mut dir = dir.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    loop {
        if let Some(s) = find(dir) {
            return (!(dir.is_empty() && page.kind == Kind::Plain)).then_some(s);
        }
        match dir.rsplit_once('/') {
            Some((d, _)) => dir = d,
            None if !dir.is_empty() => dir = "",
            None => return None,
        }
    }
}

/// Sorts page ids; ties are broken on the URL path.
pub fn sort_pages(ids: &mut [PageId], pages: &[Page], by: SortBy) {
    ids.sort_by(|&a, &b| page_order(&pages[a], &pages[b], by));
}

/// The order of two pages in a list sorted `by`; ties are broken on the
/// URL path.
pub fn page_order(a: &Page, b: &Page, by: SortBy) -> std::cmp::Ordering {
    let primary = match by {
        SortBy::Date => b.sort_date().cmp(&a.sort_date()),
        SortBy::Weight => a
            .meta
            .weight
            .unwrap_or(i64::MAX)
            .cmp(&b.meta.weight.unwrap_or(i64::MAX)),
        SortBy::Title => a.title.cmp(&b.title),
    };
    primary.then_with(|| a.path.cmp(&b.path))
}

fn check_urls(lib: &Library, root: &std::path::Path, diags: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<&str, &Page> = BTreeMap::new();
    for page in &lib.pages {
        if let Some(other) = seen.insert(&page.path, page) {
            let a = super::walk::shown(root, &other.file);
            let b = super::walk::shown(root, &page.file);
            diags.push(
                Diagnostic::error(&b, 1, 1, crate::text!("content.same_url", a, b, page.path))
                    .with_hint(crate::text!("content.same_url.help")),
            );
        }
    }
    for section in &lib.sections {
        if let Some(page) = seen.get(section.path.as_str()) {
            diags.push(
                Diagnostic::error(
                    super::walk::shown(root, &page.file),
                    1,
                    1,
                    crate::text!("content.section_url", page.path),
                )
                .with_hint(crate::text!("content.section_url.help")),
            );
        }
    }
}

/// Aliases must stay inside the site and must not take a page's URL or
/// another alias.
fn check_aliases(lib: &Library, root: &std::path::Path, diags: &mut Vec<Diagnostic>) {
    use crate::kinds::FieldError;
    if lib.pages.iter().all(|p| p.meta.aliases.is_empty()) {
        return;
    }
    let mut taken: BTreeMap<String, Said> = lib
        .pages
        .iter()
        .map(|p| (p.path.clone(), Said::from(&p.rel_path)))
        .collect();
    for s in &lib.sections {
        let owner = if s.name.is_empty() {
            crate::text!("content.owner.home")
        } else {
            crate::text!("content.owner.section", s.name)
        };
        taken.insert(s.path.clone(), owner.into());
    }
    for page in &lib.pages {
        let shown = super::walk::shown(root, &page.file);
        for alias in &page.meta.aliases {
            let err = match crate::output::safe_path::clean(alias) {
                Err(why) => Some(crate::text!("content.alias_unusable", alias, why)),
                Ok(clean) => {
                    let key = format!("{clean}/");
                    match taken.get(&key) {
                        Some(owner) => Some(crate::text!("content.alias_taken", alias, owner)),
                        None => {
                            taken.insert(key, crate::text!("content.owner.alias", page.rel_path).into());
                            None
                        }
                    }
                }
            };
            if let Some(msg) = err {
                let e = FieldError::new("aliases", msg)
                    .hint(crate::text!("content.alias.help"))
                    .at_value(alias.clone());
                diags.push(super::parse::locate(&shown, &page.yaml, 2, e));
            }
        }
    }
}
