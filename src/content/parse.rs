//! Reading one content file into a [`Page`] or a [`Section`].
//!
//! 1. Read bytes; invalid UTF-8 and NUL bytes are errors at their line.
//! 2. Split the front matter, parse it, check the common fields.
//! 3. Parse the kind's own fields; every problem becomes a diagnostic with
//!    the file's own line and column.

use std::path::Path;

use super::front_matter::{self, FrontMatter};
use super::page::{Page, Section, SortBy};
use super::slug::slugify;
use crate::error::Diagnostic;
use crate::kinds::{self, FieldError, Kind};
use crate::time::SiteClock;

pub use super::parse_errors::locate;
use super::parse_errors::{locate_key, stray_keys, yaml_error};
use crate::encoding::line_col_of;

/// A parsed file.
#[derive(Debug)]
pub enum Parsed {
    /// A page.
    Page(Box<Page>),
    /// A section's `_index.md`.
    Section(Box<Section>),
    /// A draft left out of the build.
    Draft,
}

/// Everything the parser needs to know about the site.
pub struct ParseEnv<'a> {
    /// content/.
    pub content: &'a Path,
    /// Site root, for display paths.
    pub root: &'a Path,
    /// Time zone and now.
    pub clock: &'a SiteClock,
    /// Include drafts.
    pub drafts: bool,
    /// Default pages per list page.
    pub paginate_by: usize,
    /// The language of the messages.
    pub lang: crate::i18n::Lang,
}

/// Reads and parses `file`.
pub fn parse_file(file: &Path, env: &ParseEnv, diags: &mut Vec<Diagnostic>) -> Option<Parsed> {
    let shown = super::walk::shown(env.root, file);
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            diags.push(Diagnostic::error(&shown, 0, 0, crate::text!("content.cannot_read", e)));
            return None;
        }
    };
    parse_bytes(file, bytes, env, diags)
}

/// Parses the contents of `file` (already read), as [`parse_file`] does.
pub fn parse_bytes(file: &Path, bytes: Vec<u8>, env: &ParseEnv, diags: &mut Vec<Diagnostic>) -> Option<Parsed> {
    let shown = super::walk::shown(env.root, file);
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            diags.push(crate::encoding::not_utf8(&shown, &e));
            return None;
        }
    };
    if let Some(pos) = text.find('\0') {
        let (line, col) = line_col_of(text.as_bytes(), pos);
        diags.push(
            Diagnostic::error(&shown, line, col, crate::text!("content.nul"))
                .with_hint(crate::text!("content.nul.help")),
        );
        return None;
    }
    let text = front_matter::normalize(crate::escape::scrub_noncharacters(text));
    let split = match front_matter::split(&text) {
        Ok(s) => s,
        Err(e) => {
            diags.push(Diagnostic::error(&shown, e.line, 1, e.message).with_hint(e.hint));
            return None;
        }
    };
    let slips = super::yaml_slips::slips(split.yaml, env.lang);
    if !slips.is_empty() {
        let lines: Vec<&str> = split.yaml.lines().collect();
        for s in slips {
            let source = lines.get(s.line - 1).map(|l| l.to_string());
            diags.push(
                Diagnostic::error(&shown, s.line + split.yaml_line - 1, s.column, s.message)
                    .with_hint(s.hint)
                    .with_source(source),
            );
        }
        return None;
    }
    let rel_path = rel_path(env.content, file);
    let section = file.file_name().is_some_and(|n| n == "_index.md");
    let kind = Kind::from_section(section_of(&rel_path));
    let fm: FrontMatter = match super::front_matter_read::read(split.yaml, (!section).then_some(kind)) {
        Ok(fm) => fm,
        Err(e) => {
            diags.push(yaml_error(&shown, &split, env, e));
            return None;
        }
    };
    let mut errors = Vec::new();
    // A misspelt key is one mistake: what the key it stands for would
    // have said (missing, say) is not said again.
    let mut meant: Vec<&'static str> = Vec::new();
    for stray in stray_keys(&fm, kind, section, &mut errors) {
        meant.extend(stray.nearest);
        diags.push(locate_key(
            &shown,
            split.yaml,
            split.yaml_line,
            &[&stray.key],
            stray.message,
            Some(stray.hint),
        ));
    }
    if !fm.draft || env.drafts {
        diags.extend(crate::check::names::empty_names(
            &fm,
            split.yaml,
            split.yaml_line,
            &shown,
        ));
    }
    let result = if section {
        parse_section(&rel_path, file, fm, &split, env, &mut errors)
    } else {
        parse_page(&rel_path, file, fm, &split, env, &mut errors)
    };
    for e in errors
        .into_iter()
        .filter(|e| !e.key.first().is_some_and(|k| meant.contains(k)))
    {
        diags.push(locate(&shown, split.yaml, split.yaml_line, e));
    }
    result
}

fn parse_page(
    rel_path: &str,
    file: &Path,
    fm: FrontMatter,
    split: &front_matter::Split,
    env: &ParseEnv,
    errors: &mut Vec<FieldError>,
) -> Option<Parsed> {
    if fm.draft && !env.drafts {
        return Some(Parsed::Draft);
    }
    let kind = Kind::from_section(section_of(rel_path));
    let title = match fm.title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => t.to_string(),
        _ => {
            errors.push(
                FieldError::new("title", crate::text!("content.no_title")).hint(crate::text!("content.no_title.help")),
            );
            String::new()
        }
    };
    for (key, set) in [
        ("sort_by", fm.sort_by.is_some()),
        ("paginate_by", fm.paginate_by.is_some()),
    ] {
        if set {
            errors.push(FieldError::new(key, crate::text!("content.section_key", key)));
        }
    }
    let date = parse_date(env.clock, "date", fm.date.as_deref(), errors);
    let updated = parse_date(env.clock, "updated", fm.updated.as_deref(), errors);
    let (bundle_dir, stem) = bundle_and_stem(file);
    let slug = match &fm.slug {
        Some(s) if is_slug(s) => s.clone(),
        Some(s) => {
            errors.push(
                FieldError::new("slug", crate::text!("content.bad_slug", s))
                    .hint(crate::text!("content.bad_slug.help")),
            );
            slugify(s)
        }
        None => slugify(&stem),
    };
    if slug.is_empty() {
        errors.push(
            FieldError::new("title", crate::text!("content.no_slug", stem)).hint(crate::text!("content.no_slug.help")),
        );
    }
    check_template(fm.template.as_deref(), errors);
    let mut fm = fm;
    limit_terms(&mut fm, errors);
    let data = kinds::parse(kind, &fm, env.clock, errors);
    let parent_dirs: Vec<String> = {
        let mut parts: Vec<&str> = rel_path.split('/').collect();
        parts.pop();
        if bundle_dir.is_some() {
            parts.pop();
        }
        parts.iter().map(|p| slugify(p)).collect()
    };
    let mut path = String::new();
    for p in &parent_dirs {
        path.push_str(p);
        path.push('/');
    }
    path.push_str(&slug);
    path.push('/');
    Some(Parsed::Page(Box::new(Page {
        rel_path: rel_path.to_string(),
        file: file.to_path_buf(),
        section: section_of(rel_path).to_string(),
        kind,
        slug,
        path,
        title,
        date,
        updated,
        meta: fm,
        data,
        body: split.body.to_string(),
        body_line: split.body_line,
        yaml: split.yaml.to_string(),
        assets: Vec::new(),
        bundle_dir,
        rendered: Default::default(),
    })))
}

fn parse_section(
    rel_path: &str,
    file: &Path,
    fm: FrontMatter,
    split: &front_matter::Split,
    env: &ParseEnv,
    errors: &mut Vec<FieldError>,
) -> Option<Parsed> {
    let name = rel_path.trim_end_matches("_index.md").trim_end_matches('/').to_string();
    let sort_by = match fm.sort_by.as_deref() {
        None | Some("date") => SortBy::Date,
        Some("weight") => SortBy::Weight,
        Some("title") => SortBy::Title,
        Some(other) => {
            errors.push(
                FieldError::new("sort_by", crate::text!("kind.unknown_value", "sort_by", other))
                    .hint(crate::text!("content.sort_by.help")),
            );
            SortBy::Date
        }
    };
    check_template(fm.template.as_deref(), errors);
    let paginate_by = match fm.paginate_by {
        Some(0) => {
            errors.push(FieldError::new("paginate_by", crate::text!("content.paginate_by")));
            env.paginate_by
        }
        Some(n) => n,
        None => env.paginate_by,
    };
    let path = name
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| format!("{}/", slugify(s)))
        .collect::<String>();
    let title = fm
        .title
        .clone()
        .unwrap_or_else(|| Kind::from_section(&name).label().to_string());
    Some(Parsed::Section(Box::new(Section {
        name,
        rel_path: Some(rel_path.to_string()),
        file: Some(file.to_path_buf()),
        path,
        title,
        meta: fm,
        sort_by,
        paginate_by,
        body: split.body.to_string(),
        body_line: split.body_line,
        rendered: Default::default(),
        pages: Vec::new(),
    })))
}

fn parse_date(
    clock: &SiteClock,
    key: &'static str,
    v: Option<&str>,
    errors: &mut Vec<FieldError>,
) -> Option<jiff::Timestamp> {
    let v = v?;
    match clock.parse(v) {
        Ok(t) => Some(t),
        Err(msg) => {
            errors.push(FieldError::new(key, msg).at_value(v));
            None
        }
    }
}

/// `(bundle folder, name to slug)` for `x.md` or `x/index.md`.
fn bundle_and_stem(file: &Path) -> (Option<std::path::PathBuf>, String) {
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
    if stem == "index"
        && let Some(dir) = file.parent()
    {
        let name = dir.file_name().and_then(|s| s.to_str()).unwrap_or("").to_string();
        return (Some(dir.to_path_buf()), name);
    }
    (None, stem)
}

/// A `template:` must name a file under `templates/`: a relative path
/// without `..`, backslashes or control characters.
fn check_template(name: Option<&str>, errors: &mut Vec<FieldError>) {
    let Some(name) = name else { return };
    let bad = name.starts_with('/') || crate::output::safe_path::clean(name).is_err();
    if bad {
        errors.push(
            FieldError::new("template", crate::text!("content.bad_template", name))
                .hint(crate::text!("content.bad_template.help"))
                .at_value(name.to_string()),
        );
    }
}

/// A slug written in front matter: no separators, no dots at the start.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('.')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && !s.contains("..")
}

/// The top folder of a page's path under content/ (`""` at the root).
pub(super) fn section_of(rel_path: &str) -> &str {
    rel_path
        .split('/')
        .next()
        .filter(|_| rel_path.contains('/'))
        .unwrap_or("")
}

pub(super) fn rel_path(content: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(content).unwrap_or(file);
    crate::output::safe_path::to_slash(rel)
}

/// The most tags (and categories, towns, authors) one page may carry: each
/// is a term page and feeds of its own, so a page costs a build about its
/// size only while they are bounded.
pub const MAX_TERMS: usize = 100;

/// An error for a list of terms longer than [`MAX_TERMS`], which is cut
/// to that length so the rest of the build stays bounded too.
fn limit_terms(fm: &mut FrontMatter, errors: &mut Vec<FieldError>) {
    for (key, list) in [
        ("tags", &mut fm.tags),
        ("categories", &mut fm.categories),
        ("towns", &mut fm.towns),
        ("authors", &mut fm.authors),
    ] {
        if list.len() > MAX_TERMS {
            errors.push(
                FieldError::new(key, crate::text!("content.too_many_terms", key, list.len(), MAX_TERMS))
                    .hint(crate::text!("content.too_many_terms.help", key)),
            );
            list.truncate(MAX_TERMS);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("heat-stroke_2.v1"));
        assert!(!is_slug("../x"));
        assert!(!is_slug("a/b"));
        assert!(!is_slug(".hidden"));
        assert!(!is_slug("a\\b"));
        assert!(!is_slug(""));
    }

    #[test]
    fn positions_of_bytes() {
        assert_eq!(line_col_of(b"ab\ncd", 4), (2, 2));
    }
}
