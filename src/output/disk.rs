//! Writing a site to disk without ever leaving a half-written site.
//!
//! 1. [`Stage::create`] refuses folders kepu must not replace
//!    ([`check_output_dir`]) and an existing folder without kepu's marker,
//!    takes the output folder's lock (one build at a time, [`OutputLock`]),
//!    puts back the old site if a build died in the middle of its swap,
//!    removes what dead builds left, then makes a fresh folder beside the
//!    output folder, marker first.
//! 2. Rendering writes each file into it as soon as it is ready ([`Sink`]).
//!    A file that the last build wrote with the same content is hard-linked
//!    from the old site instead ([`super::manifest`]).
//! 3. [`Stage::commit`] swaps: the old site moves aside, the new one moves
//!    in, the old one is deleted (its folders in parallel). A stage
//!    dropped without commit deletes itself,
//!    so a failed build leaves the old site as it was.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::leftovers::{ensure_ours, recover_interrupted_swap, remove_leftovers, remove_tree};
use super::lock::OutputLock;
use super::manifest::{self, Manifest, Recorder};
use super::sink::{Sink, Taken};
use super::{Body, Dep, OutputError, OutputSet, check_output_dir, join, safe_path};
use crate::error::{Error, Result};

/// The file that marks a folder as written by kepu; it also holds the
/// manifest of the folder's files ([`super::manifest`]).
pub const MARKER: &str = ".kepu-output";

/// The marker's first line.
const MARKER_LINE: &str = "kepu\n";

/// A staging folder that becomes the output folder on commit.
pub struct Stage {
    dir: PathBuf,
    out: PathBuf,
    old: PathBuf,
    taken: Taken,
    committed: bool,
    /// The last build's files, to keep those that did not change.
    previous: Manifest,
    /// This build's files, for the next one.
    recorder: Recorder,
    /// Files kept from the last build (hard links, not written again).
    kept: AtomicUsize,
    /// Cleared when the file system refuses hard links.
    links: AtomicBool,
    /// Folders of the stage made so far.
    folders: Folders,
    /// Entries of the output folder that the last build did not write
    /// (`.git`, `CNAME` put there by hand): the swap removes them.
    foreign: Vec<String>,
    /// Counts files as they are written.
    pub progress: Option<std::sync::Arc<std::sync::atomic::AtomicUsize>>,
    /// Held until the stage is committed or dropped (fields drop after
    /// [`Drop::drop`], so the staging folder is gone before it is released).
    _lock: OutputLock,
}

impl Stage {
    /// Checks `out` and creates the staging folder beside it.
    pub fn create(out: &Path, root: &Path) -> Result<Stage> {
        let resolved = follow_link(out)?;
        let out = resolved.as_path();
        check_output_dir(root, out).map_err(Error::Refused)?;
        if out.exists() {
            ensure_ours(out)?;
        }
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("public");
        let lock = OutputLock::acquire(out)?;
        recover_interrupted_swap(parent, name, out);
        remove_leftovers(parent, name);
        let stamp = format!(
            "{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0)
        );
        let previous = if out.is_dir() {
            Manifest::load(out)
        } else {
            Manifest::default()
        };
        let foreign = foreign_entries(out, &previous);
        let dir = parent.join(format!(".{name}.kepu-new-{stamp}"));
        // The marker follows at once: a folder without it is never removed.
        fs::create_dir(&dir).map_err(|e| Error::io(&dir, e))?;
        let stage = Stage {
            old: parent.join(format!(".{name}.kepu-old-{stamp}")),
            out: out.to_path_buf(),
            taken: Taken::default(),
            committed: false,
            previous,
            recorder: Recorder::default(),
            kept: AtomicUsize::new(0),
            links: AtomicBool::new(true),
            folders: Folders::default(),
            progress: None,
            foreign,
            dir,
            _lock: lock,
        };
        fs::write(stage.dir.join(MARKER), MARKER_LINE).map_err(|e| Error::io(&stage.dir, e))?;
        Ok(stage)
    }

    /// Top-level names in the output folder that the last build did not
    /// write and the swap will remove.
    pub fn foreign(&self) -> &[String] {
        &self.foreign
    }

    /// Number of files written.
    pub fn count(&self) -> usize {
        self.taken.len()
    }

    /// Number of files written whose path passes `keep`.
    pub fn count_where(&self, keep: impl Fn(&str) -> bool) -> usize {
        self.taken.count_where(keep)
    }

    /// Number of files kept unchanged from the last build.
    pub fn kept(&self) -> usize {
        self.kept.load(Ordering::Relaxed)
    }

    /// Moves the staged site into place.
    pub fn commit(mut self) -> Result<()> {
        // The marker, now with the manifest of every file, is the last file
        // written, so that nothing in the folder is newer than it.
        let _ = std::mem::take(&mut self.recorder).save(&self.dir, MARKER_LINE);
        let had_old = self.out.exists();
        if had_old {
            fs::rename(&self.out, &self.old).map_err(|e| Error::io(&self.out, e))?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.out) {
            if had_old {
                let _ = fs::rename(&self.old, &self.out);
            }
            return Err(Error::io(&self.out, e));
        }
        self.committed = true;
        if had_old {
            // Renamed first: a folder half deleted by a killed build is
            // never taken for a whole old site to put back.
            let trash = self.old.with_file_name(
                self.old
                    .file_name()
                    .map(|n| n.to_string_lossy().replacen(".kepu-old-", ".kepu-trash-", 1))
                    .unwrap_or_default(),
            );
            match fs::rename(&self.old, &trash) {
                Ok(()) => remove_tree(&trash),
                Err(_) => remove_tree(&self.old),
            }
        }
        Ok(())
    }

    fn write(&self, clean: &str, body: &Body) -> std::io::Result<()> {
        let dest = join(&self.dir, clean);
        self.folders.make_parent(clean, &dest)?;
        if let Some((print, size)) = manifest::fingerprint(body) {
            self.recorder.add(clean, print, size);
            let old = join(&self.out, clean);
            if self.links.load(Ordering::Relaxed) && self.previous.reusable(clean, print, size, &old) {
                match fs::hard_link(&old, &dest) {
                    Ok(()) => {
                        self.kept.fetch_add(1, Ordering::Relaxed);
                        return Ok(());
                    }
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => self.links.store(false, Ordering::Relaxed),
                    Err(_) => {}
                }
            }
        }
        match body {
            Body::Bytes(b) => fs::write(&dest, b),
            Body::Copy(src) => fs::copy(src, &dest).map(|_| ()),
        }
    }
}

/// The folders of a stage already made, by their path in the site, so that
/// the files of one folder ask the file system for it once, not once each
/// (ten thousand search documents share one folder).
#[derive(Default)]
struct Folders(std::sync::Mutex<std::collections::HashSet<String>>);

impl Folders {
    /// Makes the folder of the file `clean` (a path in the site) at `dest`,
    /// with the folders above it, unless it was made already.
    fn make_parent(&self, clean: &str, dest: &Path) -> std::io::Result<()> {
        let (Some((folder, _)), Some(parent)) = (clean.rsplit_once('/'), dest.parent()) else {
            return Ok(());
        };
        let made = |f: &str| self.0.lock().unwrap_or_else(|e| e.into_inner()).contains(f);
        if made(folder) {
            return Ok(());
        }
        fs::create_dir_all(parent)?;
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(folder.to_string());
        Ok(())
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        if !self.committed {
            remove_tree(&self.dir);
        }
    }
}

/// Top-level entries of `out` that its manifest does not list (none when
/// there is no manifest to compare with).
fn foreign_entries(out: &Path, previous: &Manifest) -> Vec<String> {
    if previous.is_empty() {
        return Vec::new();
    }
    let Ok(entries) = fs::read_dir(out) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != MARKER && !previous.covers(n))
        .collect();
    names.sort();
    names
}

/// The output folder a build writes: `out` itself, or, when `out` is a
/// symbolic link, the folder it points at (the swap then happens beside
/// that folder and the link keeps pointing at the new site). A link that
/// leads nowhere is refused.
fn follow_link(out: &Path) -> Result<PathBuf> {
    match fs::symlink_metadata(out) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(out)
            .map_err(|e| Error::Refused(crate::text!("output.dir.dead_link", out.display(), e).into())),
        _ => Ok(out.to_path_buf()),
    }
}

impl Sink for Stage {
    fn put(&self, path: &str, body: Body, _deps: Vec<Dep>, origin: &str) -> std::result::Result<(), OutputError> {
        let err = |message: crate::i18n::Said| OutputError {
            path: path.to_string(),
            message,
            origin: origin.to_string(),
        };
        let clean = safe_path::clean(path).map_err(err)?;
        self.taken.claim(&clean, origin)?;
        if let Some(p) = &self.progress {
            p.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        self.write(&clean, &body)
            .map_err(|e| err(crate::text!("output.write_failed", clean, e).into()))
    }

    fn taken(&self) -> Vec<(String, String)> {
        self.taken.all()
    }

    fn has(&self, path: &str) -> bool {
        safe_path::clean(path).is_ok_and(|c| self.taken.has(&c))
    }
}

/// Writes a whole in-memory set as the contents of `out`.
pub fn write_site(set: &OutputSet, out: &Path, root: &Path) -> Result<usize> {
    let stage = Stage::create(out, root)?;
    set.files.par_iter().try_for_each(|(rel, o)| {
        stage
            .write(rel, &o.body)
            .map_err(|e| Error::io(&join(&stage.dir, rel), e))
    })?;
    stage.commit()?;
    Ok(set.files.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(files: &[(&str, &str)]) -> OutputSet {
        let mut s = OutputSet::default();
        for (p, t) in files {
            s.add_text(p, t.to_string(), vec![], "test").unwrap();
        }
        s
    }

    #[test]
    fn writes_and_replaces_with_marker() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write_site(&set(&[("a/index.html", "1"), ("old.txt", "x")]), &out, tmp.path()).unwrap();
        assert!(out.join(MARKER).is_file());
        write_site(&set(&[("a/index.html", "2")]), &out, tmp.path()).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "2");
        assert!(!out.join("old.txt").exists());
        let mut names: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["public"]);
    }

    #[test]
    #[cfg(unix)]
    fn unchanged_files_are_kept_not_written() {
        use std::os::unix::fs::MetadataExt;
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let files = [("a/index.html", "same"), ("b/index.html", "before"), ("c.txt", "gone")];
        write_site(&set(&files), &out, tmp.path()).unwrap();
        let ino = |p: &str| fs::metadata(out.join(p)).unwrap().ino();
        let (a, b) = (ino("a/index.html"), ino("b/index.html"));

        let stage = Stage::create(&out, tmp.path()).unwrap();
        for (p, t) in [("a/index.html", "same"), ("b/index.html", "after!")] {
            stage
                .put(p, Body::Bytes(t.as_bytes().to_vec()), vec![], "test")
                .unwrap();
        }
        assert_eq!(stage.kept(), 1);
        stage.commit().unwrap();
        assert_eq!(ino("a/index.html"), a, "an unchanged file keeps its inode");
        assert_ne!(ino("b/index.html"), b);
        assert_eq!(fs::read_to_string(out.join("b/index.html")).unwrap(), "after!");
        assert!(!out.join("c.txt").exists());

        // A hand edit of the output is not carried over, even at the same size.
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(out.join("a/index.html"), "SAME").unwrap();
        let stage = Stage::create(&out, tmp.path()).unwrap();
        stage
            .put("a/index.html", Body::Bytes(b"same".to_vec()), vec![], "test")
            .unwrap();
        assert_eq!(stage.kept(), 0);
        stage.commit().unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "same");
    }

    #[test]
    fn refuses_foreign_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("mine.txt"), "keep").unwrap();
        let e = write_site(&set(&[("a.html", "1")]), &out, tmp.path()).unwrap_err();
        assert!(e.to_string().contains("not written by kepu"), "{e}");
        assert_eq!(fs::read_to_string(out.join("mine.txt")).unwrap(), "keep");
    }

    #[test]
    fn a_dropped_stage_leaves_nothing_and_collisions_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        {
            let stage = Stage::create(&out, tmp.path()).unwrap();
            stage
                .put("a/index.html", Body::Bytes(b"1".to_vec()), vec![], "one")
                .unwrap();
            let e = stage
                .put("/a//index.html", Body::Bytes(b"2".to_vec()), vec![], "two")
                .unwrap_err();
            assert!(e.message.contains("both one and two"), "{}", e.message);
            assert!(stage.put("../x", Body::Bytes(vec![]), vec![], "evil").is_err());
        }
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0);
    }
}
