//! Loading the templates: the site's `templates/` over the theme's.
//!
//! 1. Collect the built-in theme's templates (theme `default`), then
//!    `themes/THEME/templates/**`, then `templates/**`; each later file
//!    replaces the earlier one of the same name.
//! 2. Parse each file alone first, so that every syntax error is reported,
//!    not just the first one.
//! 3. Add them all to one Tera, register kepu's functions, and keep the
//!    name → file table so errors can name the file on disk.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::{Context, ErrorKind, Kwargs, State, Tera};
use walkdir::WalkDir;

use crate::config::Config;
use crate::error::Diagnostic;

pub(crate) use super::template_errors::to_diagnostic;
use super::template_errors::{blame_named, missing, reports_in};

/// The loaded templates.
pub struct Templates {
    /// The engine.
    pub tera: Tera,
    /// Template name → file on disk (relative to the site root).
    pub files: BTreeMap<String, PathBuf>,
    /// Template name → its source, for dependency tracking.
    pub sources: BTreeMap<String, String>,
    /// Site URL → title of the list pages breadcrumbs pass through (set
    /// for each build from [`super::site_map::crumb_titles`]).
    pub crumb_titles: BTreeMap<String, String>,
}

/// Room a rendered page starts with: the default theme's pages are 10 to
/// 30 KiB.
const PAGE_BYTES: usize = 32 * 1024;

impl Templates {
    /// Loads the templates of `config`'s site and theme; `resize_image`
    /// makes renditions of `images`.
    pub fn load(config: &Config, images: &std::sync::Arc<crate::images::Images>) -> Result<Templates, Vec<Diagnostic>> {
        let root = &config.root;
        let theme_dir = root.join("themes").join(&config.site.theme);
        let mut diags = Vec::new();
        let built_in = config.site.theme == super::builtin_theme::NAME;
        if !built_in && !theme_dir.is_dir() && !root.join("templates").is_dir() {
            diags.push(
                Diagnostic::error(
                    config.display_path(),
                    0,
                    0,
                    crate::text!("render.theme_missing", config.site.theme),
                )
                .with_hint(crate::text!("render.theme_missing.help")),
            );
            return Err(diags);
        }
        let mut sources = BTreeMap::new();
        let mut files = BTreeMap::new();
        if built_in {
            for (name, bytes) in super::builtin_theme::under("templates/") {
                sources.insert(name.to_string(), String::from_utf8_lossy(bytes).replace("\r\n", "\n"));
                files.insert(
                    name.to_string(),
                    super::builtin_theme::shown(&format!("templates/{name}")),
                );
            }
        }
        for dir in [theme_dir.join("templates"), root.join("templates")] {
            collect(&dir, root, &mut sources, &mut files, &mut diags);
        }
        if !diags.is_empty() {
            return Err(diags);
        }
        let mut parsed_alone = false;
        loop {
            let mut tera = Tera::new();
            register(&mut tera, config);
            crate::images::function::register(&mut tera, images.clone());
            let Err(e) = tera.add_raw_templates(sources.iter()) else {
                return Ok(Templates {
                    tera,
                    files,
                    sources,
                    crumb_titles: BTreeMap::new(),
                });
            };
            // Templates that do not parse are reported first, every one at
            // its own file (templates that load together all parse).
            if !parsed_alone {
                parsed_alone = true;
                for (name, src) in &sources {
                    let mut alone = Tera::new();
                    if let Err(e) = alone.add_raw_template(name, src)
                        && matches!(e.kind(), ErrorKind::SyntaxError(_))
                    {
                        diags.push(to_diagnostic(&e, &files, name));
                    }
                }
                if !diags.is_empty() {
                    return Err(diags);
                }
            }
            // Checks across templates (unknown filters, tests, functions,
            // components, blocks) come back as one message of reports, each
            // naming its template: report every one at its own file.
            let mut reports = reports_in(&e.to_string(), &files);
            if reports.is_empty() {
                reports.push(blame_named(&e, &files, &sources));
            }
            // A built-in template that does not fit the site's own ones (a
            // partial theme of its own) is left out rather than blamed.
            let built_in: Vec<String> = reports
                .iter()
                .filter_map(|d| files.iter().find(|(_, f)| **f == d.path && is_built_in(f)))
                .map(|(n, _)| n.clone())
                .collect();
            if built_in.len() < reports.len() {
                return Err(reports);
            }
            for name in built_in {
                sources.remove(&name);
                files.remove(&name);
            }
        }
    }

    /// Renders `name`; an error names the template file and line.
    pub fn render(&self, name: &str, ctx: &Context) -> Result<String, Diagnostic> {
        let bytes = self.render_into(name, ctx, Vec::new())?;
        // Templates write text only: the check cannot fail.
        Ok(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
    }

    /// [`Templates::render`] as bytes, for a file: rendered into one buffer
    /// large enough for most pages (no copies as it grows) and not checked
    /// again for UTF-8.
    pub fn render_bytes(&self, name: &str, ctx: &Context) -> Result<Vec<u8>, Diagnostic> {
        self.render_into(name, ctx, Vec::with_capacity(PAGE_BYTES))
    }

    fn render_into(&self, name: &str, ctx: &Context, mut out: Vec<u8>) -> Result<Vec<u8>, Diagnostic> {
        if !self.tera.contains_template(name) {
            return Err(missing(name, &self.files));
        }
        self.tera
            .render_to(name, ctx, &mut out)
            .map_err(|e| to_diagnostic(&e, &self.files, name))?;
        Ok(out)
    }

    /// True if the template exists.
    pub fn has(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// Whether a shortcode (rendered into page bodies) may read the data
    /// files.
    pub fn shortcodes_read_data(&self) -> bool {
        self.sources
            .keys()
            .filter(|n| n.starts_with("shortcodes/"))
            .flat_map(|n| self.closure(n))
            .any(|n| self.sources.get(&n).is_some_and(|s| super::jobs::names_data(s)))
    }

    /// Templates that `name` extends or includes, itself first (for dependency tracking).
    pub fn closure(&self, name: &str) -> Vec<String> {
        let mut out = vec![name.to_string()];
        let mut i = 0;
        while i < out.len() {
            if let Some(src) = self.sources.get(&out[i]) {
                for r in references(src) {
                    if !out.contains(&r) && self.sources.contains_key(&r) {
                        out.push(r);
                    }
                }
            }
            i += 1;
        }
        out
    }
}

/// True for a template file that comes from the binary.
fn is_built_in(file: &Path) -> bool {
    file.to_string_lossy().ends_with(" (built in)")
}

/// Template names after `extends`/`include`/`import` in `src`.
fn references(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    for kw in ["extends", "include", "import"] {
        let mut rest = src;
        while let Some(i) = rest.find(kw) {
            rest = &rest[i + kw.len()..];
            let t = rest.trim_start();
            if let Some(q) = t.chars().next().filter(|c| *c == '"' || *c == '\'')
                && let Some(end) = t[1..].find(q)
            {
                out.push(t[1..1 + end].to_string());
            }
        }
    }
    out
}

fn collect(
    dir: &Path,
    root: &Path,
    sources: &mut BTreeMap<String, String>,
    files: &mut BTreeMap<String, PathBuf>,
    diags: &mut Vec<Diagnostic>,
) {
    if !super::assets::readable_dir(dir, root, diags) {
        return;
    }
    for entry in WalkDir::new(dir).follow_links(false).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(dir);
                diags.push(Diagnostic::error(
                    crate::config::display_path(root, path),
                    0,
                    0,
                    crate::text!("render.cannot_read", e.to_string()),
                ));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let name = crate::output::safe_path::to_slash(rel);
        if name.starts_with('.') || name.contains("/.") {
            continue;
        }
        let shown = crate::config::display_path(root, entry.path());
        match std::fs::read(entry.path()).map(String::from_utf8) {
            Ok(Ok(src)) => {
                let src = crate::escape::scrub_noncharacters(src.replace("\r\n", "\n"));
                sources.insert(name.clone(), src);
                files.insert(name, shown);
            }
            Ok(Err(e)) => diags.push(crate::encoding::not_utf8(shown, &e)),
            Err(e) => diags.push(Diagnostic::error(
                shown,
                0,
                0,
                crate::text!("render.template_unreadable", e),
            )),
        }
    }
}

/// kepu's template functions and filters: `url(path=...)` prefixes the
/// base path; `markdown` renders Markdown text (a shortcode's body, a data
/// field) to HTML, without `@/` links or shortcodes.
fn register(tera: &mut Tera, config: &Config) {
    tera.register_filter("markdown", |text: std::borrow::Cow<'_, str>, _: Kwargs, _: &State| {
        let opts = pulldown_cmark::Options::ENABLE_TABLES
            | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
            | pulldown_cmark::Options::ENABLE_TASKLISTS;
        let mut html = String::with_capacity(text.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(&text, opts));
        tera::Value::safe_string(&html)
    });
    // A JSON string literal safe inside <script> (for JSON-LD), of text
    // that templates hold as HTML (a title block): its entities are read
    // back first, so the JSON carries the text as written.
    tera.register_filter("json", |text: std::borrow::Cow<'_, str>, _: Kwargs, _: &State| {
        let plain = crate::escape::unescape_html(&text);
        let json = serde_json::to_string(&plain)
            .unwrap_or_default()
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026");
        tera::Value::safe_string(&json)
    });
    let base_path = config.base_path.clone();
    tera.register_function("url", move |kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
        let path: &str = kwargs.must_get("path")?;
        if path.contains("://") || path.starts_with("//") || path.starts_with('#') {
            return Ok(path.to_string());
        }
        Ok(crate::urls::link(&base_path, path))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_references() {
        let src = "{% extends \"base.html\" %}{% include 'partials/a.html' %}";
        assert_eq!(
            references(src),
            vec!["base.html".to_string(), "partials/a.html".to_string()]
        );
    }
}
