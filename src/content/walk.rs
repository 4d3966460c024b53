//! Finding the files under `content/`.
//!
//! 1. Walk the folder with walkdir, sorted, without following links.
//! 2. A folder holding `index.md` is a bundle: every other file below it
//!    belongs to that page.
//! 3. Hidden files and editor leftovers (`.x`, `x~`, `#x#`) are skipped;
//!    links and unreadable entries are reported.
//! 4. A file meant as Markdown whose name does not end in `.md` (Notepad's
//!    `文章.md.txt`, `文章.MD`, `文章.markdown`) is left out, never copied
//!    as it is (it may be a draft), with a warning that names the file to
//!    rename it to.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::Diagnostic;

/// What the walk found.
#[derive(Debug, Default)]
pub struct Found {
    /// Markdown files (absolute), sorted.
    pub markdown: Vec<PathBuf>,
    /// Bundle folder → asset files (relative to the folder).
    pub bundles: BTreeMap<PathBuf, Vec<PathBuf>>,
    /// Files outside bundles that are not Markdown (copied as they are).
    pub loose: Vec<PathBuf>,
}

/// Walks `content`.
pub fn walk(content: &Path, root: &Path, diags: &mut Vec<Diagnostic>) -> Found {
    let mut found = Found::default();
    if !content.is_dir() {
        return found;
    }
    let walker = WalkDir::new(content)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name().to_str().unwrap_or("")));
    let mut files = Vec::new();
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => files.push(e.into_path()),
            Ok(e) if e.path_is_symlink() => diags.push(
                Diagnostic::warning(shown(root, e.path()), 0, 0, crate::text!("content.symlink"))
                    .with_hint(crate::text!("content.symlink.help")),
            ),
            Ok(_) => {}
            Err(e) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| content.to_path_buf());
                diags.push(Diagnostic::error(
                    shown(root, &path),
                    0,
                    0,
                    crate::text!("content.cannot_read_entry", e.to_string()),
                ));
            }
        }
    }
    files.retain(|file| {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let Some(meant) = meant_as_markdown(name) else {
            return true;
        };
        diags.push(
            Diagnostic::warning(shown(root, file), 0, 0, crate::text!("content.not_md", name))
                .with_hint(crate::text!("content.not_md.help", meant)),
        );
        false
    });
    let bundle_dirs: Vec<PathBuf> = files
        .iter()
        .filter(|p| p.file_name().is_some_and(|n| n == "index.md"))
        .filter_map(|p| p.parent().map(Path::to_path_buf))
        .filter(|d| d != content)
        .collect();
    for dir in &bundle_dirs {
        found.bundles.insert(dir.clone(), Vec::new());
    }
    for file in files {
        let is_md = file.extension().is_some_and(|e| e == "md");
        let owner = bundle_dirs
            .iter()
            .filter(|d| file.starts_with(d))
            .max_by_key(|d| d.components().count());
        match owner {
            Some(dir) if !(is_md && file.parent() == Some(dir.as_path())) => {
                if let (Ok(rel), Some(list)) = (file.strip_prefix(dir), found.bundles.get_mut(dir)) {
                    list.push(rel.to_path_buf());
                }
            }
            _ if is_md => found.markdown.push(file),
            _ => found.loose.push(file),
        }
    }
    found
}

/// Hidden files and editor leftovers, which the walk skips.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name.ends_with(".swp")
}

/// `path` relative to `root` for messages.
pub fn shown(root: &Path, path: &Path) -> PathBuf {
    crate::config::display_path(root, path)
}
/// The name a file called `name` was meant to have when it looks like
/// Markdown that kepu would not read as a page: `文章.md.txt` (Notepad
/// adds `.txt` when "text documents" is chosen), `文章.MD`, `文章.markdown`.
fn meant_as_markdown(name: &str) -> Option<String> {
    let ends = |suffix: &str| {
        name.len() > suffix.len()
            && name
                .get(name.len() - suffix.len()..)
                .is_some_and(|end| end.eq_ignore_ascii_case(suffix))
    };
    let cut = if ends(".md.txt") {
        ".md.txt".len()
    } else if ends(".markdown") {
        ".markdown".len()
    } else if ends(".md") && !name.ends_with(".md") {
        ".md".len()
    } else {
        return None;
    };
    let stem = name.get(..name.len() - cut)?;
    (!stem.is_empty()).then(|| format!("{stem}.md"))
}

#[cfg(test)]
mod tests {
    use super::meant_as_markdown;

    #[test]
    fn names_meant_as_markdown_get_the_name_to_rename_to() {
        assert_eq!(meant_as_markdown("防溺水.md.txt").as_deref(), Some("防溺水.md"));
        assert_eq!(meant_as_markdown("防溺水.MD.TXT").as_deref(), Some("防溺水.md"));
        assert_eq!(meant_as_markdown("防溺水.MD").as_deref(), Some("防溺水.md"));
        assert_eq!(meant_as_markdown("notes.markdown").as_deref(), Some("notes.md"));
        for name in ["防溺水.md", "a.txt", "photo.jpg", ".md.txt", "md", "说明.mdx"] {
            assert_eq!(meant_as_markdown(name), None, "{name}");
        }
    }
}
