//! Writing an [`OutputSet`] to disk without ever leaving a half-written site.
//!
//! 1. Refuse folders kepu must not replace ([`check_output_dir`]) and an
//!    existing folder without kepu's marker file.
//! 2. Write everything into a fresh folder beside the output folder (with the
//!    marker first), in parallel.
//! 3. Swap: move the old site aside, move the new one in, delete the old one.
//!    A failure before the swap deletes the new folder and leaves the old
//!    site as it was.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Body, OutputSet, check_output_dir, join};
use crate::error::{Error, Result};

/// The file that marks a folder as written by kepu.
pub const MARKER: &str = ".kepu-output";

/// Writes `set` as the complete contents of `out`.
pub fn write_site(set: &OutputSet, out: &Path, root: &Path) -> Result<usize> {
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
    remove_leftovers(parent, name);
    let stamp = format!(
        "{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    );
    let stage = parent.join(format!(".{name}.kepu-new-{stamp}"));
    let result = fill(set, &stage);
    if let Err(e) = result {
        let _ = fs::remove_dir_all(&stage);
        return Err(e);
    }
    swap(&stage, out, &parent.join(format!(".{name}.kepu-old-{stamp}")))?;
    Ok(set.files.len())
}

fn ensure_ours(out: &Path) -> Result<()> {
    if !out.is_dir() {
        return Err(Error::Refused(format!(
            "{} exists and is not a folder; kepu will not replace it",
            out.display()
        )));
    }
    let empty = fs::read_dir(out).map_err(|e| Error::io(out, e))?.next().is_none();
    if !empty && !out.join(MARKER).is_file() {
        return Err(Error::Refused(format!(
            "{} exists and was not written by kepu (it has no {MARKER} file); move it away or choose another output folder",
            out.display()
        )));
    }
    Ok(())
}

fn fill(set: &OutputSet, stage: &Path) -> Result<()> {
    fs::create_dir(stage).map_err(|e| Error::io(stage, e))?;
    fs::write(stage.join(MARKER), "kepu\n").map_err(|e| Error::io(stage, e))?;
    let mut dirs: Vec<PathBuf> = set
        .files
        .keys()
        .filter_map(|k| join(stage, k).parent().map(Path::to_path_buf))
        .collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        fs::create_dir_all(d).map_err(|e| Error::io(d, e))?;
    }
    set.files.par_iter().try_for_each(|(rel, o)| {
        let dest = join(stage, rel);
        match &o.body {
            Body::Bytes(b) => fs::write(&dest, b).map_err(|e| Error::io(&dest, e)),
            Body::Copy(src) => fs::copy(src, &dest).map(|_| ()).map_err(|e| Error::io(src, e)),
        }
    })
}

fn swap(stage: &Path, out: &Path, old: &Path) -> Result<()> {
    let had_old = out.exists();
    if had_old {
        fs::rename(out, old).map_err(|e| {
            let _ = fs::remove_dir_all(stage);
            Error::io(out, e)
        })?;
    }
    if let Err(e) = fs::rename(stage, out) {
        if had_old {
            let _ = fs::rename(old, out);
        }
        let _ = fs::remove_dir_all(stage);
        return Err(Error::io(out, e));
    }
    if had_old {
        let _ = fs::remove_dir_all(old);
    }
    Ok(())
}

/// Deletes staging folders of earlier builds that died, if they carry the marker.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else { return };
    let prefixes = [format!(".{name}.kepu-new-"), format!(".{name}.kepu-old-")];
    for e in entries.flatten() {
        let file_name = e.file_name();
        let n = file_name.to_string_lossy();
        if prefixes.iter().any(|p| n.starts_with(p.as_str())) && e.path().join(MARKER).is_file() {
            let _ = fs::remove_dir_all(e.path());
        }
    }
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
        let names: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("public")]);
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
}
