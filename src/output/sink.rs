//! Where rendered files go: a [`Sink`] takes each file as soon as it is
//! rendered, so a build need not hold the whole site in memory.
//!
//! [`MemorySink`] keeps an [`OutputSet`] (for `check` and `serve`);
//! [`super::disk::Stage`] writes into the staging folder of a build.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

use super::safe_path::case_key;
use super::{Body, Dep, OutputError, OutputSet};

/// Receives output files, from many threads at once.
pub trait Sink: Sync {
    /// Takes one file. Refuses unsafe paths and a second file at a taken path.
    fn put(&self, path: &str, body: Body, deps: Vec<Dep>, origin: &str) -> Result<(), OutputError>;
    /// Every path taken so far with its origin, sorted.
    fn taken(&self) -> Vec<(String, String)>;
    /// Whether `path` is taken.
    fn has(&self, path: &str) -> bool;

    /// Whether the file at `path`, made of what `key` says, is held from a
    /// render before and stays as it is: the caller then neither makes nor
    /// puts it (`serve` redoing a part keeps what did not change). Nothing
    /// is held by default.
    fn held(&self, _path: &str, _key: u64) -> bool {
        false
    }

    /// Whether [`Sink::held`] may ever say yes: when not, callers need not
    /// work out the keys to ask it (a build holds nothing).
    fn holds(&self) -> bool {
        false
    }

    /// The feeds an edit can have changed, when `serve` knows them: the
    /// feeds and kinds' files outside it stay as held ([`Sink::keep_held`])
    /// without being made or keyed. `None` (a build): every one is made.
    fn feed_scope(&self) -> Option<&crate::feeds::FeedScope> {
        None
    }

    /// Keeps the file held at `path` from a render before, made by the part
    /// running, as it is; false when none is held (it is to be made).
    fn keep_held(&self, _path: &str) -> bool {
        false
    }
}

/// Keeps every file in memory.
#[derive(Debug, Default)]
pub struct MemorySink(pub Mutex<OutputSet>);

impl MemorySink {
    /// The collected files.
    pub fn into_set(self) -> OutputSet {
        self.0.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for MemorySink {
    fn put(&self, path: &str, body: Body, deps: Vec<Dep>, origin: &str) -> Result<(), OutputError> {
        let body = match body {
            // Kept until the end: without the room a page was rendered in.
            Body::Bytes(mut b) => {
                b.shrink_to_fit();
                Body::Bytes(b)
            }
            other => other,
        };
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .add(path, body, deps, origin)
    }

    fn taken(&self) -> Vec<(String, String)> {
        let set = self.0.lock().unwrap_or_else(|e| e.into_inner());
        set.files.iter().map(|(p, o)| (p.clone(), o.origin.clone())).collect()
    }

    fn has(&self, path: &str) -> bool {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .files
            .contains_key(path)
    }
}

/// The registry of taken paths, shared by sinks that do not keep bodies.
#[derive(Debug, Default)]
pub struct Taken(Mutex<Claims>);

/// Paths taken, by path and by [`case_key`].
#[derive(Debug, Default, Clone)]
pub struct Claims {
    by_path: BTreeMap<String, String>,
    by_case: HashMap<String, String>,
    /// Folder by case key → its spelling and who first wrote into it.
    folders: HashMap<String, (String, String)>,
}

impl Claims {
    /// Claims `clean` for `origin`: refused when the path is taken, or when
    /// another path differing only in case is (the two would overwrite
    /// each other on Windows and macOS).
    pub fn claim(&mut self, clean: &str, origin: &str) -> Result<(), OutputError> {
        let err = |message: crate::i18n::Text| OutputError {
            path: clean.to_string(),
            message: message.into(),
            origin: origin.to_string(),
        };
        if let Some(prev) = self.by_path.get(clean) {
            return Err(err(crate::text!("output.taken.both", clean, prev, origin)));
        }
        let key = case_key(clean);
        if let Some(other) = self.by_case.get(&key) {
            let prev = self.by_path.get(other).map_or("", String::as_str);
            return Err(err(crate::text!("output.taken.case", clean, origin, other, prev)));
        }
        // Folders too: `Docs/a.pdf` and `docs/index.html` share one folder
        // there, and one of the two addresses breaks on the host.
        for (i, _) in clean.match_indices('/') {
            let folder = &clean[..i];
            let folder_key = case_key(folder);
            match self.folders.get(&folder_key) {
                Some((spelt, by)) if spelt != folder => {
                    return Err(err(crate::text!(
                        "output.taken.folder_case",
                        clean,
                        origin,
                        folder,
                        by,
                        spelt
                    )));
                }
                Some(_) => {}
                None => {
                    self.folders
                        .insert(folder_key, (folder.to_string(), origin.to_string()));
                }
            }
        }
        self.by_case.insert(key, clean.to_string());
        self.by_path.insert(clean.to_string(), origin.to_string());
        Ok(())
    }
}

impl Taken {
    /// Claims `path` (already clean) for `origin`.
    pub fn claim(&self, clean: &str, origin: &str) -> Result<(), OutputError> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).claim(clean, origin)
    }

    /// All claims, sorted.
    pub fn all(&self) -> Vec<(String, String)> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .by_path
            .iter()
            .map(|(a, b)| (a.clone(), b.clone()))
            .collect()
    }

    /// Number of claimed paths that pass `keep`.
    pub fn count_where(&self, keep: impl Fn(&str) -> bool) -> usize {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .by_path
            .keys()
            .filter(|k| keep(k))
            .count()
    }

    /// Whether `clean` is claimed.
    pub fn has(&self, clean: &str) -> bool {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .by_path
            .contains_key(clean)
    }

    /// Number of claims.
    pub fn len(&self) -> usize {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).by_path.len()
    }

    /// True when nothing is claimed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
