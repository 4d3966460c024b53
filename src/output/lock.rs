//! One build at a time per output folder.
//!
//! Two builds writing one site would delete each other's staging folder
//! (each cleans up the leftovers of dead builds) and swap in turn. So
//! [`OutputLock::acquire`]:
//! 1. opens (creating) the lock file `.NAME.kepu-lock` beside the output
//!    folder `NAME`, and takes an exclusive advisory lock on it without
//!    waiting; the operating system drops the lock if the process dies;
//! 2. if another process holds it, refuses with a message naming that
//!    process (its id is written in the file);
//! 3. checks that the file it locked is still the one at that path (an
//!    earlier holder deletes it when done) and retries if not;
//! 4. writes its own process id into the file.
//!
//! Dropping the [`OutputLock`] deletes the file, then releases the lock.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The held lock of one output folder.
#[derive(Debug)]
pub struct OutputLock {
    file: File,
    path: PathBuf,
}

impl OutputLock {
    /// The lock file's path for the output folder `out`.
    pub fn path_for(out: &Path) -> PathBuf {
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("public");
        parent.join(format!(".{name}.kepu-lock"))
    }

    /// Takes the lock of the output folder `out` (whose parent must exist),
    /// or refuses at once if another build holds it.
    pub fn acquire(out: &Path) -> Result<OutputLock> {
        let path = Self::path_for(out);
        for _ in 0..8 {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(|e| Error::io(&path, e))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => {
                    let mut holder = String::new();
                    let _ = file.read_to_string(&mut holder);
                    let holder = holder.trim();
                    let message = if holder.is_empty() {
                        crate::text!("output.lock.busy", out.display())
                    } else {
                        crate::text!("output.lock.busy_pid", holder, out.display())
                    };
                    return Err(Error::Refused(message.into()));
                }
                Err(fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
            }
            if !same_file(&file, &path) {
                continue;
            }
            file.set_len(0).map_err(|e| Error::io(&path, e))?;
            file.rewind().map_err(|e| Error::io(&path, e))?;
            writeln!(file, "{}", std::process::id()).map_err(|e| Error::io(&path, e))?;
            return Ok(OutputLock { file, path });
        }
        Err(Error::Refused(
            crate::text!("output.lock.contended", path.display()).into(),
        ))
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Delete while still holding the lock: a waiting process then sees
        // that its file is gone and opens a new one.
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// Whether the open `file` is the file now at `path`.
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_is_refused_until_the_first_is_dropped() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let first = OutputLock::acquire(&out).unwrap();
        let lock_file = OutputLock::path_for(&out);
        assert_eq!(
            fs::read_to_string(&lock_file).unwrap().trim(),
            std::process::id().to_string()
        );
        let e = OutputLock::acquire(&out).unwrap_err().to_string();
        assert!(e.contains("another kepu process (pid"), "{e}");
        assert!(e.contains("wait until it has finished"), "{e}");
        drop(first);
        assert!(!lock_file.exists());
        let again = OutputLock::acquire(&out).unwrap();
        drop(again);
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0);
    }
}
