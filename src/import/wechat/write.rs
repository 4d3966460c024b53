//! The bundle on disk: `content/articles/<slug>/index.md` with its images.
//!
//! `index.md` carries in `extra.wechat_import` a hash of what the importer
//! wrote, so a later `--update` sees whether an editor changed the page
//! since (then only `--force` overwrites it). Only folders under
//! `content/` are written, never through a symbolic link; a new bundle is
//! written whole or removed again.

use std::path::{Path, PathBuf};

use super::ImportError;

/// The front matter of an imported article.
#[derive(Debug, Clone, Default)]
pub struct Front {
    /// Title.
    pub title: String,
    /// RFC 3339 in the site's zone.
    pub date: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// Description.
    pub summary: Option<String>,
    /// Cover file in the bundle.
    pub cover: Option<String>,
    /// The account, as `source:` names it.
    pub source: Option<String>,
    /// The original address (shown as 原文链接).
    pub url: String,
    /// The short address the article was imported from, if another.
    pub short_url: Option<String>,
}

/// The key holding the import hash.
const HASH_KEY: &str = "  wechat_import: ";

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// The whole `index.md`, hash included.
pub fn document(f: &Front, body: &str) -> String {
    let mut t = format!("---\ntitle: {}\n", quote(&f.title));
    if let Some(d) = &f.date {
        t.push_str(&format!("date: {d}\n"));
    }
    if !f.authors.is_empty() {
        let list: Vec<String> = f.authors.iter().map(|a| quote(a)).collect();
        t.push_str(&format!("authors: [{}]\n", list.join(", ")));
    }
    if let Some(s) = &f.summary {
        t.push_str(&format!("summary: {}\n", quote(s)));
    }
    if let Some(c) = &f.cover {
        t.push_str(&format!("cover: {c}\n"));
    }
    if let Some(s) = &f.source {
        t.push_str(&format!("source: {}\n", quote(s)));
    }
    t.push_str("extra:\n");
    if !f.url.is_empty() {
        t.push_str(&format!("  wechat_url: {}\n", quote(&f.url)));
    }
    if let Some(s) = &f.short_url {
        t.push_str(&format!("  wechat_short_url: {}\n", quote(s)));
    }
    let rest = format!("---\n\n{body}");
    let hash = hash(&format!("{t}{rest}"));
    format!("{t}{HASH_KEY}\"{hash}\"\n{rest}")
}

fn hash(text: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}

/// Whether `text` differs from what the importer wrote (or was not written by it).
pub fn edited(text: &str) -> bool {
    let text = text.replace("\r\n", "\n");
    let mut stored = None;
    let mut rest = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        match line.strip_prefix(HASH_KEY) {
            Some(v) if stored.is_none() => stored = Some(v.trim().trim_matches('"').to_string()),
            _ => rest.push_str(line),
        }
    }
    stored.is_none_or(|s| s != hash(&rest))
}

/// What happened to one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A new bundle.
    Wrote(PathBuf),
    /// An imported bundle written again (`--update`).
    Updated(PathBuf),
    /// Imported before; nothing changed.
    Unchanged(PathBuf),
}

/// Writes a new bundle `dir` (which must not exist) under `content`.
pub fn create(content: &Path, dir: &Path, text: &str, files: &[(String, Vec<u8>)]) -> Result<Outcome, ImportError> {
    let parent = dir.parent().unwrap_or(content);
    guard(content, parent)?;
    std::fs::create_dir_all(parent).map_err(|e| ImportError::Write(parent.to_path_buf(), e.to_string()))?;
    guard(content, parent)?;
    std::fs::create_dir(dir).map_err(|e| ImportError::Write(dir.to_path_buf(), e.to_string()))?;
    match fill(dir, text, files) {
        Ok(index) => Ok(Outcome::Wrote(index)),
        Err(e) => {
            let _ = std::fs::remove_dir_all(dir);
            Err(e)
        }
    }
}

/// Writes an imported article again into its bundle, if the editor left it alone.
pub fn update(
    content: &Path,
    index: &Path,
    text: &str,
    files: &[(String, Vec<u8>)],
    force: bool,
) -> Result<Outcome, ImportError> {
    let old = std::fs::read_to_string(index).map_err(|e| ImportError::Write(index.to_path_buf(), e.to_string()))?;
    if old.replace("\r\n", "\n") == text {
        return Ok(Outcome::Unchanged(index.to_path_buf()));
    }
    if !force && edited(&old) {
        return Err(ImportError::Edited(index.to_path_buf()));
    }
    let dir = index.parent().unwrap_or(content);
    if index.file_name().is_none_or(|n| n != "index.md") {
        return Err(ImportError::NotBundle(index.to_path_buf()));
    }
    guard(content, dir)?;
    fill(dir, text, files).map(Outcome::Updated)
}

/// Images first, `index.md` last: a page never names a file not yet there.
fn fill(dir: &Path, text: &str, files: &[(String, Vec<u8>)]) -> Result<PathBuf, ImportError> {
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| ImportError::Write(path.clone(), e.to_string()))?;
    }
    let index = dir.join("index.md");
    std::fs::write(&index, text).map_err(|e| ImportError::Write(index.clone(), e.to_string()))?;
    Ok(index)
}

/// Refuses a folder that is not under `content/`, or is reached through a
/// symbolic link.
fn guard(content: &Path, dir: &Path) -> Result<(), ImportError> {
    let outside = || ImportError::Outside(dir.to_path_buf());
    let rel = dir.strip_prefix(content).map_err(|_| outside())?;
    let mut at = content.to_path_buf();
    if is_link(&at) {
        return Err(outside());
    }
    for part in rel.components() {
        if !matches!(part, std::path::Component::Normal(_)) {
            return Err(outside());
        }
        at.push(part);
        if is_link(&at) {
            return Err(outside());
        }
    }
    Ok(())
}

fn is_link(p: &Path) -> bool {
    std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_sees_an_editors_change() {
        let text = document(
            &Front {
                title: "标题".into(),
                url: "https://mp.weixin.qq.com/s/x".into(),
                ..Front::default()
            },
            "正文\n",
        );
        assert!(!edited(&text));
        assert!(!edited(&text.replace('\n', "\r\n")));
        assert!(edited(&text.replace("正文", "正文改过")));
        assert!(edited("---\ntitle: x\n---\n"));
    }
}
