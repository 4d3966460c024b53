//! What the command line names: saved pages, folders of them, addresses.

use std::path::{Path, PathBuf};

use super::ImportError;

/// One article to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A page saved by a browser.
    File(PathBuf),
    /// An article address.
    Url(String),
}

impl Input {
    /// How messages name it.
    pub fn label(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Url(u) => u.clone(),
        }
    }
}

/// The articles `args` name, in order; a folder gives its `.html` and
/// `.htm` files (not those inside a page's `_files` folder), sorted.
pub fn expand(args: &[String]) -> (Vec<Input>, Vec<(String, ImportError)>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        if arg.starts_with("http://") || arg.starts_with("https://") {
            inputs.push(Input::Url(arg.clone()));
            continue;
        }
        let path = Path::new(arg);
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                let pages = pages_in(path);
                if pages.is_empty() {
                    errors.push((arg.clone(), ImportError::EmptyFolder));
                }
                inputs.extend(pages.into_iter().map(Input::File));
            }
            Ok(_) => inputs.push(Input::File(path.to_path_buf())),
            Err(e) => errors.push((arg.clone(), ImportError::Unreadable(e.to_string()))),
        }
    }
    (inputs, errors)
}

fn pages_in(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| !(e.file_type().is_dir() && e.file_name().to_string_lossy().ends_with("_files")))
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("html") || x.eq_ignore_ascii_case("htm"))
        })
        .collect();
    out.sort();
    out
}
