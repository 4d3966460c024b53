//! What builds leave beside the output folder, and deleting it: the old
//! site put back after a swap that died, staging folders of dead builds
//! removed, whole trees deleted marker last.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::disk::MARKER;
use crate::error::{Error, Result};

/// Deletes the folder `dir`, the entries of its folders in parallel (one
/// level down, so that one large section does not keep a thread alone).
///
/// The marker goes last, just before the empty folder: a build killed
/// while deleting leaves a folder that still carries it (or an empty
/// one), which the next build recognizes as its own and removes
/// ([`remove_leftovers`]). A link is removed, never followed.
pub(super) fn remove_tree(dir: &Path) {
    if fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        let _ = fs::remove_file(dir);
        return;
    }
    let entries =
        |d: &Path| -> Vec<fs::DirEntry> { fs::read_dir(d).map(|r| r.flatten().collect()).unwrap_or_default() };
    let is_dir = |e: &fs::DirEntry| e.file_type().is_ok_and(|t| t.is_dir());
    let mut top = entries(dir);
    top.retain(|e| e.file_name() != MARKER);
    let (dirs, files): (Vec<&fs::DirEntry>, Vec<&fs::DirEntry>) = top.iter().partition(|e| is_dir(e));
    let second: Vec<fs::DirEntry> = dirs.iter().flat_map(|d| entries(&d.path())).collect();
    second.par_iter().chain(files.into_par_iter()).for_each(|e| {
        let _ = match is_dir(e) {
            true => fs::remove_dir_all(e.path()),
            false => fs::remove_file(e.path()),
        };
    });
    // What the parallel pass could not delete (a folder that grew meanwhile).
    for e in entries(dir) {
        if e.file_name() != MARKER {
            let _ = match is_dir(&e) {
                true => fs::remove_dir_all(e.path()),
                false => fs::remove_file(e.path()),
            };
        }
    }
    let _ = fs::remove_file(dir.join(MARKER));
    let _ = fs::remove_dir(dir);
}

pub(super) fn ensure_ours(out: &Path) -> Result<()> {
    if !out.is_dir() {
        return Err(Error::Refused(
            crate::text!("output.dir.not_folder", out.display()).into(),
        ));
    }
    let empty = fs::read_dir(out).map_err(|e| Error::io(out, e))?.next().is_none();
    if !empty && !out.join(MARKER).is_file() {
        return Err(Error::Refused(
            crate::text!("output.dir.not_ours", out.display(), MARKER).into(),
        ));
    }
    Ok(())
}

/// Puts the previous site back if a build died between moving it aside and
/// moving the new one in (the output folder is missing, an old one is there).
pub(super) fn recover_interrupted_swap(parent: &Path, name: &str, out: &Path) {
    if out.exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(parent) else { return };
    let prefix = format!(".{name}.kepu-old-");
    let mut old: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .map(|e| e.path())
        .filter(|p| p.join(MARKER).is_file())
        .collect();
    // The newest by the time in its name (`.NAME.kepu-old-PID-NANOS`).
    let stamp = |p: &PathBuf| -> u128 {
        p.file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.rsplit('-').next())
            .and_then(|t| t.parse().ok())
            .unwrap_or(0)
    };
    old.sort_by_key(stamp);
    if let Some(last) = old.pop() {
        let _ = fs::rename(last, out);
    }
}

/// Deletes staging folders of earlier builds that died, if they carry the
/// marker or are empty.
pub(super) fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else { return };
    let prefixes = [
        format!(".{name}.kepu-new-"),
        format!(".{name}.kepu-old-"),
        format!(".{name}.kepu-trash-"),
    ];
    for e in entries.flatten() {
        let file_name = e.file_name();
        let n = file_name.to_string_lossy();
        if !prefixes.iter().any(|p| n.starts_with(p.as_str())) {
            continue;
        }
        if fs::symlink_metadata(e.path()).is_ok_and(|m| m.file_type().is_symlink()) {
            continue;
        }
        if e.path().join(MARKER).is_file() {
            remove_tree(&e.path());
        } else {
            // A build killed between making its folder and marking it left
            // it empty; anything else without the marker is not ours.
            let _ = fs::remove_dir(e.path());
        }
    }
}
