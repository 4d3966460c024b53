//! The site as the server holds it: every output in memory, what made it,
//! and the errors of the last rebuild, behind one lock.
//!
//! 1. An [`Entry`] is one output: its bytes (or the source file to read),
//!    its [`Dep`]s and who made it ([`By`]).
//! 2. [`Site`] maps clean paths to entries and carries the [`Status`]: the
//!    errors to show, the parts still to redo, the generation; and the
//!    files not yet checked since the site changed ([`Site::unverified`]):
//!    each is checked (and rendered again if it changed) before it is
//!    served.
//! 3. [`Store`] is the lock around it: requests read, the rebuild thread
//!    reads while it renders and writes only to swap results in.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use std::path::PathBuf;
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::error::Diagnostic;
use crate::output::Dep;
use crate::render::select::Part;

/// Who made an output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum By {
    /// A render task (which one, the engine's task map says by path).
    Task,
    /// A part of the render beside the tasks.
    Part(Part),
}

/// An output's contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// Rendered bytes.
    Bytes(Arc<[u8]>),
    /// Rendered bytes, compressed with LZ4 (the site in memory is about
    /// half its size this way, at a few milliseconds a megabyte), and how
    /// many there are once decompressed.
    Packed(Arc<[u8]>, usize),
    /// A file served as it is, read when asked for.
    File(PathBuf),
}

/// Files smaller than this are kept as they are.
const PACK_FROM: usize = 1024;

impl Content {
    /// Rendered `bytes`, compressed when that saves memory.
    pub fn pack(bytes: Vec<u8>) -> Content {
        if bytes.len() >= PACK_FROM {
            let packed = lz4_flex::block::compress(&bytes);
            if packed.len() < bytes.len() - bytes.len() / 8 {
                return Content::Packed(Arc::from(packed), bytes.len());
            }
        }
        Content::Bytes(Arc::from(bytes))
    }

    /// The rendered bytes (`None` for a file read when served).
    pub fn bytes(&self) -> Option<std::borrow::Cow<'_, [u8]>> {
        match self {
            Content::Bytes(b) => Some(std::borrow::Cow::Borrowed(b)),
            Content::Packed(p, len) => {
                let bytes = lz4_flex::block::decompress(p, *len).ok()?;
                Some(std::borrow::Cow::Owned(bytes))
            }
            Content::File(_) => None,
        }
    }
}

/// One output file.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Contents.
    pub content: Content,
    /// What it was made from.
    pub deps: Vec<Dep>,
    /// Who asked for it (for collision messages and the sitemap).
    pub origin: String,
    /// Who made it.
    pub by: By,
    /// What it was made of (a task's [`Job::key`]; 0 for parts).
    ///
    /// [`Job::key`]: crate::render::jobs::Job::key
    pub key: u64,
}

/// Every output, by clean relative path.
pub type Outputs = BTreeMap<String, Arc<Entry>>;

/// What the browser is told besides the files.
#[derive(Debug, Clone, Default)]
pub struct Status {
    /// Errors of the last rebuild; empty when it succeeded.
    pub errors: Arc<Vec<Diagnostic>>,
    /// Parts left to redo before their files are served.
    pub stale: BTreeSet<Part>,
    /// Counts the rebuilds, so a page can tell it is out of date.
    pub generation: u64,
}

/// The site served.
#[derive(Debug, Default)]
pub struct Site {
    /// The last good outputs.
    pub outputs: Outputs,
    /// Errors, stale parts, generation.
    pub status: Status,
    /// Files made by tasks that may have changed since they were made:
    /// each is checked before it is served.
    pub unverified: Unverified,
}

/// The task files not checked since the site changed.
#[derive(Debug, Default)]
pub struct Unverified {
    /// Every task file is unverified but those in `set` (checked since);
    /// otherwise `set` holds the unverified ones.
    all: bool,
    set: HashSet<String>,
    /// With `all`: where the background check goes on from (it went
    /// through the paths before, in order).
    cursor: String,
}

impl Unverified {
    /// Every task file is unverified.
    pub fn all(&mut self) {
        self.all = true;
        self.set.clear();
        self.cursor.clear();
    }

    /// No file is.
    pub fn clear(&mut self) {
        self.all = false;
        self.set.clear();
    }

    /// The file at `path` is unverified.
    pub fn add(&mut self, path: String) {
        match self.all {
            true => {
                self.set.remove(&path);
            }
            false => {
                self.set.insert(path);
            }
        }
    }

    /// The file at `path` was checked (or made afresh).
    pub fn done(&mut self, path: &str) {
        match self.all {
            true => {
                self.set.insert(path.to_string());
            }
            false => {
                self.set.remove(path);
            }
        }
    }

    /// Whether the file `e` at `path` is unverified.
    pub fn contains(&self, path: &str, e: &Entry) -> bool {
        e.by == By::Task && self.all != self.set.contains(path)
    }

    /// Whether no file is.
    pub fn is_empty(&self) -> bool {
        !self.all && self.set.is_empty()
    }

    /// Up to `n` unverified files of `outputs`, for the background check:
    /// with `all`, the next ones after the last asked for.
    pub fn next(&mut self, outputs: &Outputs, n: usize) -> Vec<String> {
        if !self.all {
            return self.set.iter().take(n).cloned().collect();
        }
        let some: Vec<String> = outputs
            .range::<str, _>((
                std::ops::Bound::Excluded(self.cursor.as_str()),
                std::ops::Bound::Unbounded,
            ))
            .filter(|(p, e)| e.by == By::Task && !self.set.contains(p.as_str()))
            .take(n)
            .map(|(p, _)| p.clone())
            .collect();
        match some.last() {
            Some(last) if some.len() == n => self.cursor = last.clone(),
            _ => {
                // Every file was asked for once: those still unverified
                // (the check of some failed) are listed from now on.
                let left: HashSet<String> = outputs
                    .iter()
                    .filter(|(p, e)| self.contains(p, e))
                    .map(|(p, _)| p.clone())
                    .collect();
                self.all = false;
                self.set = left;
            }
        }
        some
    }
}

/// Where a request path leads.
#[derive(Debug, Clone)]
pub enum Found {
    /// This output.
    File(String, Arc<Entry>),
    /// A folder asked for without its slash: go to `path/`.
    Folder(String),
    /// Nothing.
    Missing,
}

impl Site {
    /// Resolves a clean relative path (`""`, `articles/`, `css/a.css`).
    pub fn find(&self, clean: &str) -> Found {
        if clean.is_empty() || clean.ends_with('/') {
            let index = format!("{clean}index.html");
            return match self.outputs.get(&index) {
                Some(e) => Found::File(index, e.clone()),
                None => Found::Missing,
            };
        }
        if let Some(e) = self.outputs.get(clean) {
            return Found::File(clean.to_string(), e.clone());
        }
        let folder = format!("{clean}/");
        let has_children = self
            .outputs
            .range(folder.clone()..)
            .next()
            .is_some_and(|(k, _)| k.starts_with(&folder));
        match has_children {
            true => Found::Folder(folder),
            false => Found::Missing,
        }
    }

    /// The part left to redo that made `entry`, if any.
    pub fn stale_part(&self, entry: &Entry) -> Option<Part> {
        match entry.by {
            By::Part(p) if self.status.stale.contains(&p) => Some(p),
            _ => None,
        }
    }
}

/// The lock around the [`Site`].
#[derive(Debug, Default)]
pub struct Store(RwLock<Site>);

impl Store {
    /// Reads the site.
    pub fn read(&self) -> RwLockReadGuard<'_, Site> {
        self.0.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Changes the site.
    pub fn write(&self) -> RwLockWriteGuard<'_, Site> {
        self.0.write().unwrap_or_else(|e| e.into_inner())
    }

    /// The status now.
    pub fn status(&self) -> Status {
        self.read().status.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(paths: &[&str]) -> Site {
        let outputs = paths
            .iter()
            .map(|p| {
                let e = Entry {
                    content: Content::Bytes(Arc::from(&b"x"[..])),
                    deps: vec![],
                    origin: "t".into(),
                    by: By::Part(Part::Assets),
                    key: 0,
                };
                (p.to_string(), Arc::new(e))
            })
            .collect();
        Site {
            outputs,
            status: Status::default(),
            unverified: Unverified::default(),
        }
    }

    fn found(s: &Site, p: &str) -> String {
        match s.find(p) {
            Found::File(p, _) => format!("file {p}"),
            Found::Folder(f) => format!("folder {f}"),
            Found::Missing => "missing".into(),
        }
    }

    #[test]
    fn packed_bytes_come_back_as_they_were() {
        let page = "<p>科普画廊</p>\n".repeat(200).into_bytes();
        let c = Content::pack(page.clone());
        assert!(matches!(&c, Content::Packed(p, n) if p.len() < page.len() / 4 && *n == page.len()));
        assert_eq!(c.bytes().as_deref(), Some(&page[..]));
        let small = Content::pack(b"<p>x</p>".to_vec());
        assert_eq!(small, Content::Bytes(Arc::from(&b"<p>x</p>"[..])));
        assert_eq!(Content::File(PathBuf::from("a.png")).bytes(), None);
    }

    #[test]
    fn finds_files_folders_and_indexes() {
        let s = site(&[
            "index.html",
            "articles/index.html",
            "articles/x/index.html",
            "css/a.css",
        ]);
        assert_eq!(found(&s, ""), "file index.html");
        assert_eq!(found(&s, "articles/"), "file articles/index.html");
        assert_eq!(found(&s, "articles/x"), "folder articles/x/");
        assert_eq!(found(&s, "css"), "folder css/");
        assert_eq!(found(&s, "css/"), "missing");
        assert_eq!(found(&s, "css/a.css"), "file css/a.css");
        assert_eq!(found(&s, "art"), "missing");
    }
}
