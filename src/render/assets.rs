//! Files copied as they are: theme and site `static/`, bundle assets, loose
//! files under content/, and the generated highlighting stylesheet.

use std::path::Path;

use walkdir::WalkDir;

use crate::config::Config;
use crate::content::Library;
use crate::error::Diagnostic;
use crate::output::sink::Sink;
use crate::output::{Body, Dep};

/// Adds every copied file to `set`. The site's `static/` overrides the
/// theme's, which overrides the built-in theme's.
pub fn add(config: &Config, lib: &Library, set: &dyn Sink, diags: &mut Vec<Diagnostic>) {
    let root = &config.root;
    let mut statics: std::collections::BTreeMap<String, std::path::PathBuf> = Default::default();
    for dir in [
        root.join("themes").join(&config.site.theme).join("static"),
        root.join("static"),
    ] {
        let mut here: std::collections::BTreeMap<String, std::path::PathBuf> = Default::default();
        for (rel, file) in files_under(&dir, root, diags) {
            if let Some(first) = here.get(&rel) {
                diags.push(Diagnostic::error(
                    crate::config::display_path(root, &file),
                    0,
                    0,
                    crate::text!("render.same_name", first, file, rel),
                ));
                continue;
            }
            here.insert(rel, file);
        }
        statics.extend(here);
    }
    if config.site.theme == super::builtin_theme::NAME {
        for (rel, bytes) in super::builtin_theme::under("static/") {
            if statics.contains_key(rel) {
                continue;
            }
            if let Err(e) = set.put(rel, Body::Bytes(bytes.to_vec()), vec![Dep::Config], "static") {
                let shown = super::builtin_theme::shown(&format!("static/{rel}"));
                diags.push(Diagnostic::error(
                    shown,
                    0,
                    0,
                    crate::text!("render.cannot_copy", e.path, e.message),
                ));
            }
        }
    }
    for (rel, file) in statics {
        push(set, &rel, file, "static", diags);
    }
    for page in &lib.pages {
        let Some(dir) = &page.bundle_dir else { continue };
        for asset in &page.assets {
            let rel = crate::output::safe_path::to_slash(asset);
            push(
                set,
                &format!("{}{}", page.path, rel),
                dir.join(asset),
                &page.file.display().to_string(),
                diags,
            );
        }
    }
    for (file, rel) in &lib.loose {
        push(set, rel, file.clone(), "content", diags);
    }
    match crate::markdown::highlight_css(&config.site.highlight.theme) {
        Ok(css) => {
            if let Err(e) = set.put(
                "css/highlight.css",
                Body::Bytes(css.into_bytes()),
                vec![Dep::Config],
                "highlight",
            ) {
                diags.push(Diagnostic::error(config.display_path(), 0, 0, e.message));
            }
        }
        Err(e) => diags.push(Diagnostic::error(config.display_path(), 0, 0, e)),
    }
}

fn push(set: &dyn Sink, rel: &str, file: std::path::PathBuf, origin: &str, diags: &mut Vec<Diagnostic>) {
    if let Err(e) = std::fs::File::open(&file) {
        diags.push(Diagnostic::error(file, 0, 0, crate::text!("render.file_unreadable", e)));
        return;
    }
    let dep = Dep::File(file.clone());
    if let Err(e) = set.put(rel, Body::Copy(file.clone()), vec![dep], origin) {
        diags.push(Diagnostic::error(
            file,
            0,
            0,
            crate::text!("render.cannot_copy", e.path, e.message),
        ));
    }
}

/// Regular files under `dir` (no links, no hidden files), with `/` paths.
/// A folder or file that cannot be read is an error in `diags` naming it
/// (a missing `dir` is not: the site simply has none).
pub fn files_under(dir: &Path, root: &Path, diags: &mut Vec<Diagnostic>) -> Vec<(String, std::path::PathBuf)> {
    if !readable_dir(dir, root, diags) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let walker = WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                if let Ok(rel) = e.path().strip_prefix(dir) {
                    let rel = crate::output::safe_path::to_slash(rel);
                    out.push((rel, e.into_path()));
                }
            }
            Ok(e) if e.path_is_symlink() => diags.push(
                Diagnostic::warning(
                    crate::config::display_path(root, e.path()),
                    0,
                    0,
                    crate::text!("render.symlink"),
                )
                .with_hint(crate::text!("render.symlink.help")),
            ),
            Ok(_) => {}
            Err(e) => diags.push(cannot_read(e.path().unwrap_or(dir), root, &e.to_string())),
        }
    }
    out
}

/// Whether `dir` is a folder to read: false when it does not exist; false
/// with an error in `diags` when it exists but cannot be reached.
pub fn readable_dir(dir: &Path, root: &Path, diags: &mut Vec<Diagnostic>) -> bool {
    match std::fs::metadata(dir) {
        Ok(m) => m.is_dir(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => {
            diags.push(cannot_read(dir, root, &e.to_string()));
            false
        }
    }
}

fn cannot_read(path: &Path, root: &Path, why: &str) -> Diagnostic {
    Diagnostic::error(
        crate::config::display_path(root, path),
        0,
        0,
        crate::text!("render.cannot_read", why),
    )
    .with_hint(crate::text!("render.cannot_read.help"))
}
