//! The source index, `.kepu-cache/images/index`: what each source's bytes
//! hashed to, by path, size and modification time, so that a build does
//! not read or hash an unchanged source again.
//!
//! An entry is trusted only while the file's size and modification time
//! (to the nanosecond) are those it was hashed with. A file modified less
//! than [`SETTLE`] before it was hashed is not recorded: a file system
//! with coarse times (FAT keeps two seconds) could give a later edit the
//! same time. An index that cannot be read, or that is of another format,
//! is ignored (every source is then read and hashed again); it is written
//! under a temporary name and renamed, and only when it changed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How long after its last change a file is trusted by its time.
pub const SETTLE: Duration = Duration::from_secs(3);

/// The first line of the index: a format bump ignores older ones.
const HEADER: &str = "kepu image index 1";

/// Size and modification time of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// Bytes.
    pub size: u64,
    /// Nanoseconds since 1970 (0 when the file system has no time).
    pub mtime_ns: u64,
}

impl Stamp {
    /// The stamp of `file`, now.
    pub fn of(file: &Path) -> std::io::Result<Stamp> {
        let m = std::fs::metadata(file)?;
        let mtime_ns = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
        Ok(Stamp {
            size: m.len(),
            mtime_ns,
        })
    }

    /// Whether the file had been left alone for [`SETTLE`] at `now` (when
    /// it was about to be read): only then may its time stand for its bytes.
    pub fn settled(&self, now: SystemTime) -> bool {
        let now = now
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
        self.mtime_ns != 0 && self.mtime_ns.saturating_add(SETTLE.as_nanos() as u64) <= now
    }
}

/// A source as one build saw it: its stamp and what its bytes hash to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    /// Size and time when it was looked at.
    pub stamp: Stamp,
    /// [`super::cache::content_hash`] of its bytes.
    pub hash: u128,
    /// Whether it may be recorded (see [`Stamp::settled`]).
    pub settled: bool,
}

/// The index of one site.
#[derive(Debug, Default)]
pub struct Index {
    /// `.kepu-cache/images/index`.
    file: PathBuf,
    /// The site folder: paths are kept relative to it.
    root: PathBuf,
    /// Path (relative, `/`-separated) → stamp and hash.
    known: HashMap<String, (Stamp, u128)>,
}

impl Index {
    /// The index in cache folder `cache` of the site at `root` (empty when
    /// there is none or it cannot be read).
    pub fn load(cache: &Path, root: &Path) -> Index {
        let file = cache.join("images").join("index");
        let known = std::fs::read_to_string(&file)
            .ok()
            .and_then(|text| parse(&text))
            .unwrap_or_default();
        Index {
            file,
            root: root.to_path_buf(),
            known,
        }
    }

    /// What `file` hashed to, if it still has `stamp`.
    pub fn hash_of(&self, file: &Path, stamp: Stamp) -> Option<u128> {
        let (known, hash) = self.known.get(&self.key(file)?)?;
        (*known == stamp).then_some(*hash)
    }

    /// Writes the index of the sources this build saw (those settled), if
    /// it differs from the one read. Best effort: without it the next build
    /// hashes the sources again.
    pub fn save<'a>(&self, seen: impl IntoIterator<Item = (&'a Path, Seen)>) {
        let now: HashMap<String, (Stamp, u128)> = seen
            .into_iter()
            .filter(|(_, s)| s.settled)
            .filter_map(|(file, s)| Some((self.key(file)?, (s.stamp, s.hash))))
            .collect();
        if now == self.known {
            return;
        }
        let mut entries: Vec<_> = now.iter().collect();
        entries.sort_unstable_by_key(|(path, _)| *path);
        let mut text = String::with_capacity(64 * (entries.len() + 1));
        text.push_str(HEADER);
        text.push('\n');
        for (path, (stamp, hash)) in entries {
            text.push_str(&format!("{hash:032x} {} {} {path}\n", stamp.size, stamp.mtime_ns));
        }
        if let Some(dir) = self.file.parent()
            && std::fs::create_dir_all(dir).is_ok()
        {
            let _ = super::cache::write_atomic(&self.file, text.as_bytes());
        }
    }

    /// The key of `file`: relative to the site, `/`-separated; none for a
    /// name that is not UTF-8 or holds a line break (never indexed).
    fn key(&self, file: &Path) -> Option<String> {
        let rel = file.strip_prefix(&self.root).unwrap_or(file);
        let s = rel.to_str()?;
        if s.contains(['\n', '\r']) {
            return None;
        }
        Some(s.replace('\\', "/"))
    }
}

/// The entries of an index file; `None` when any line is not one.
fn parse(text: &str) -> Option<HashMap<String, (Stamp, u128)>> {
    let mut lines = text.lines();
    if lines.next()? != HEADER {
        return None;
    }
    let mut out = HashMap::new();
    for line in lines {
        let mut parts = line.splitn(4, ' ');
        let hash = parts.next().filter(|h| h.len() == 32)?;
        let hash = u128::from_str_radix(hash, 16).ok()?;
        let size = parts.next()?.parse().ok()?;
        let mtime_ns = parts.next()?.parse().ok()?;
        let path = parts.next().filter(|p| !p.is_empty())?;
        out.insert(path.to_owned(), (Stamp { size, mtime_ns }, hash));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(size: u64, mtime_ns: u64, hash: u128) -> Seen {
        Seen {
            stamp: Stamp { size, mtime_ns },
            hash,
            settled: true,
        }
    }

    #[test]
    fn written_then_read_and_trusted_only_with_the_same_stamp() {
        let dir = tempfile::tempdir().expect("tmp");
        let root = dir.path();
        let cache = root.join(".kepu-cache");
        let a = root.join("content/a b/photo 1.jpg");
        let b = root.join("static/logo.png");
        let index = Index::load(&cache, root);
        assert_eq!(index.hash_of(&a, Stamp { size: 1, mtime_ns: 2 }), None);
        let mut unsettled = seen(5, 6, 7);
        unsettled.settled = false;
        index.save([(a.as_path(), seen(10, 20, 0xabc)), (b.as_path(), unsettled)]);
        let text = std::fs::read_to_string(cache.join("images/index")).expect("index");
        assert_eq!(
            text,
            "kepu image index 1\n00000000000000000000000000000abc 10 20 content/a b/photo 1.jpg\n"
        );
        let again = Index::load(&cache, root);
        assert_eq!(again.hash_of(&a, Stamp { size: 10, mtime_ns: 20 }), Some(0xabc));
        assert_eq!(again.hash_of(&a, Stamp { size: 10, mtime_ns: 21 }), None, "new time");
        assert_eq!(again.hash_of(&a, Stamp { size: 11, mtime_ns: 20 }), None, "new size");
        assert_eq!(again.hash_of(&b, Stamp { size: 5, mtime_ns: 6 }), None, "not settled");
    }

    #[test]
    fn a_damaged_or_older_index_is_ignored() {
        for text in [
            "kepu image index 1\n00000000000000000000000000000abc 10 x a.jpg\n",
            "kepu image index 1\nabc 10 20 a.jpg\n",
            "kepu image index 1\n00000000000000000000000000000abc 10 20\n",
            "kepu image index 0\n00000000000000000000000000000abc 10 20 a.jpg\n",
            "",
            "\u{0}\u{1}",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
        assert_eq!(parse("kepu image index 1\n").map(|m| m.len()), Some(0));
    }

    #[test]
    fn a_file_changed_within_the_settle_time_is_not_trusted_by_its_time() {
        let t = UNIX_EPOCH + Duration::from_secs(1_000_000);
        let ns = |d: Duration| (t - d).duration_since(UNIX_EPOCH).expect("t").as_nanos() as u64;
        let stamp = |mtime_ns| Stamp { size: 1, mtime_ns };
        assert!(stamp(ns(SETTLE)).settled(t));
        assert!(!stamp(ns(SETTLE - Duration::from_millis(1))).settled(t));
        assert!(!stamp(0).settled(t), "no time at all");
        assert!(!stamp(ns(Duration::ZERO) + 5).settled(t), "in the future");
    }
}
