//! What the last build wrote, so that the next one keeps unchanged files
//! instead of writing them again.
//!
//! 1. Each file of a build has a [`Fingerprint`]: a 128-bit XXH3 hash of
//!    its bytes, or for a copied file its source's path, size, inode and
//!    change times (a `chmod` counts as a change: the copy is tried again).
//! 2. Before a build is swapped in, [`Recorder::save`] writes every file's
//!    fingerprint and size into the stage's marker file (`.kepu-output`),
//!    so the manifest always moves with the folder it describes and
//!    nothing is written outside the output folder.
//! 3. The next build reads it ([`Manifest::load`]). A file whose fingerprint
//!    is unchanged is hard-linked from the old output folder into the stage
//!    rather than written ([`Manifest::reusable`]), if the old file still
//!    has the recorded size and was not modified after the manifest was
//!    written (a hand edit of the output folder is never carried over).
//!    Unchanged files thus keep their inode and modification time, which
//!    is what rsync and deploy tools look at.

use std::collections::HashMap;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use xxhash_rust::xxh3::xxh3_128;

use super::Body;

/// The line that starts the manifest in the marker file.
const HEADER: &str = "kepu-manifest 1";

/// What identifies a file's content.
pub type Fingerprint = u128;

/// The fingerprint and output size of `body` (one `stat` for a copy), or
/// `None` when a copy's source cannot be read.
pub fn fingerprint(body: &Body) -> Option<(Fingerprint, u64)> {
    match body {
        Body::Bytes(b) => Some((xxh3_128(b), b.len() as u64)),
        Body::Copy(src) => {
            let m = fs::metadata(src).ok()?;
            let key = format!("copy\0{}\0{}\0{}", src.display(), m.len(), file_identity(&m));
            Some((xxh3_128(key.as_bytes()), m.len()))
        }
    }
}

/// What tells one version of a file from another besides its size: inode,
/// modification and change times to the nanosecond.
#[cfg(unix)]
fn file_identity(m: &fs::Metadata) -> String {
    use std::os::unix::fs::MetadataExt;
    format!(
        "{}\0{}.{}\0{}.{}",
        m.ino(),
        m.mtime(),
        m.mtime_nsec(),
        m.ctime(),
        m.ctime_nsec()
    )
}

/// What tells one version of a file from another besides its size: the
/// modification and creation times.
#[cfg(not(unix))]
fn file_identity(m: &fs::Metadata) -> String {
    format!("{:?}\0{:?}", m.modified().ok(), m.created().ok())
}

/// The file of output folder `out` that holds its manifest: the marker.
pub fn path_of(out: &Path) -> PathBuf {
    out.join(super::disk::MARKER)
}

/// The files of the last build: path → fingerprint and size.
#[derive(Debug, Default)]
pub struct Manifest {
    files: HashMap<String, (Fingerprint, u64)>,
    /// When the manifest was written: files modified later are not trusted.
    written: Option<SystemTime>,
}

impl Manifest {
    /// Reads the manifest of `out`; an empty one when there is none or it
    /// cannot be read (the build then writes every file).
    pub fn load(out: &Path) -> Manifest {
        let path = path_of(out);
        let (Ok(text), Ok(meta)) = (fs::read_to_string(&path), fs::metadata(&path)) else {
            return Manifest::default();
        };
        let mut lines = text.lines().skip_while(|l| *l != HEADER);
        if lines.next() != Some(HEADER) {
            return Manifest::default();
        }
        let files = lines
            .filter_map(|line| {
                let mut parts = line.splitn(3, ' ');
                let hash = u128::from_str_radix(parts.next()?, 16).ok()?;
                let size = parts.next()?.parse().ok()?;
                Some((parts.next()?.to_string(), (hash, size)))
            })
            .collect();
        Manifest {
            files,
            written: meta.modified().ok(),
        }
    }

    /// Whether the manifest lists any file.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Whether a file of the manifest is `name` or lies under it (`name`
    /// is a top-level entry of the output folder).
    pub fn covers(&self, name: &str) -> bool {
        self.files.contains_key(name) || {
            let prefix = format!("{name}/");
            self.files.keys().any(|k| k.starts_with(&prefix))
        }
    }

    /// Whether `old`, the old output's file at `path`, holds what a file of
    /// `print` and `size` would.
    pub fn reusable(&self, path: &str, print: Fingerprint, size: u64, old: &Path) -> bool {
        let (Some(&(p, s)), Some(written)) = (self.files.get(path), self.written) else {
            return false;
        };
        if p != print || s != size {
            return false;
        }
        fs::symlink_metadata(old)
            .is_ok_and(|m| m.is_file() && m.len() == size && m.modified().is_ok_and(|t| t <= written))
    }
}

/// The fingerprints of the files a build writes, gathered from every thread.
#[derive(Debug, Default)]
pub struct Recorder(Mutex<Vec<(String, Fingerprint, u64)>>);

impl Recorder {
    /// Records one file.
    pub fn add(&self, path: &str, print: Fingerprint, size: u64) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((path.to_string(), print, size));
    }

    /// Writes the marker file of stage folder `dir`: `first` (the marker's
    /// own line), then the manifest of every file recorded.
    pub fn save(self, dir: &Path, first: &str) -> std::io::Result<()> {
        let mut files = self.0.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut text = String::with_capacity(files.len() * 80 + first.len() + HEADER.len() + 1);
        text.push_str(first);
        text.push_str(HEADER);
        text.push('\n');
        for (path, print, size) in &files {
            use std::fmt::Write as _;
            let _ = writeln!(text, "{print:032x} {size} {path}");
        }
        let mut f = fs::File::create(path_of(dir))?;
        f.write_all(text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_checks_the_old_file() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("a.html"), "hello").unwrap();
        let body = Body::Bytes(b"hello".to_vec());
        let (print, _) = fingerprint(&body).unwrap();
        let r = Recorder::default();
        r.add("a.html", print, 5);
        r.save(&out, "kepu\n").unwrap();
        assert!(
            fs::read_to_string(path_of(&out))
                .unwrap()
                .starts_with("kepu\nkepu-manifest 1\n")
        );
        let m = Manifest::load(&out);
        assert!(m.reusable("a.html", print, 5, &out.join("a.html")));
        let (other, _) = fingerprint(&Body::Bytes(b"hellO".to_vec())).unwrap();
        assert!(!m.reusable("a.html", other, 5, &out.join("a.html")));
        assert!(!m.reusable("b.html", print, 5, &out.join("b.html")));
        fs::remove_file(out.join("a.html")).unwrap();
        assert!(!m.reusable("a.html", print, 5, &out.join("a.html")));
    }

    #[test]
    fn a_file_edited_after_the_build_is_not_trusted() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("a.html"), "hello").unwrap();
        let (print, _) = fingerprint(&Body::Bytes(b"hello".to_vec())).unwrap();
        let r = Recorder::default();
        r.add("a.html", print, 5);
        r.save(&out, "kepu\n").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(out.join("a.html"), "HELLO").unwrap();
        assert!(!Manifest::load(&out).reusable("a.html", print, 5, &out.join("a.html")));
    }

    #[test]
    fn a_foreign_or_broken_manifest_is_empty() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        fs::create_dir(&out).unwrap();
        fs::write(path_of(&out), "kepu\nff 1 a.html\n").unwrap();
        assert!(Manifest::load(&out).files.is_empty());
        assert!(Manifest::load(&tmp.path().join("none")).files.is_empty());
    }
}
