//! Watching the site's files and saying what each change is.
//!
//! 1. [`start`] watches the site folder itself (for `site.yaml` and for
//!    folders created later) and `content/`, `templates/`, `themes/`,
//!    `static/` and `data/` below it, sending every event to a channel.
//! 2. [`Classifier::classify`] turns a changed path into a [`Change`] of one
//!    [`ChangeKind`], like Zola's; editor leftovers, hidden files and the
//!    output folder are ignored.
//! 3. [`wanted`] drops events that change nothing (reads).

use std::path::{Path, PathBuf};

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventHandler, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::content::walk;

/// The folders below the site root that are watched.
pub const FOLDERS: [&str; 5] = ["content", "templates", "themes", "static", "data"];

/// What kind of file changed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// A file under `content/`.
    Content,
    /// A template of the site or of its theme, by template name.
    Template(String),
    /// A file under `static/` or the theme's `static/`.
    Static,
    /// A file under `data/`.
    Data,
    /// The configuration file.
    Config,
    /// A watched folder itself appeared or went away.
    Folder,
}

/// One changed path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Change {
    /// What it is.
    pub kind: ChangeKind,
    /// The path as the watcher reported it.
    pub path: PathBuf,
}

/// Sorts paths into kinds of change.
#[derive(Debug, Clone)]
pub struct Classifier {
    /// The site root (absolute).
    pub root: PathBuf,
    /// The configuration file (absolute).
    pub config_file: PathBuf,
    /// The theme's name.
    pub theme: String,
}

impl Classifier {
    /// What a change of `path` is, or `None` when it does not matter.
    pub fn classify(&self, path: &Path) -> Option<Change> {
        let change = |kind| {
            Some(Change {
                kind,
                path: path.to_path_buf(),
            })
        };
        if path == self.config_file {
            return change(ChangeKind::Config);
        }
        let rel = path.strip_prefix(&self.root).ok()?;
        let parts: Vec<&str> = rel.iter().filter_map(|s| s.to_str()).collect();
        if parts.len() != rel.iter().count() || parts.iter().any(|p| ignored(p)) {
            return None;
        }
        let name = |from: usize| parts[from..].join("/");
        match parts.as_slice() {
            [dir] if FOLDERS.contains(dir) => change(ChangeKind::Folder),
            ["content", _, ..] => change(ChangeKind::Content),
            ["templates", _, ..] => change(ChangeKind::Template(name(1))),
            ["static", _, ..] => change(ChangeKind::Static),
            ["data", _, ..] => change(ChangeKind::Data),
            ["themes", theme, rest @ ..] if *theme == self.theme => match rest {
                [] | ["templates"] | ["static"] => change(ChangeKind::Folder),
                ["templates", _, ..] => change(ChangeKind::Template(name(3))),
                ["static", _, ..] => change(ChangeKind::Static),
                _ => None,
            },
            _ => None,
        }
    }
}

/// What the content walk skips ([`walk::is_ignored`]), and editors'
/// temporary files besides.
fn ignored(name: &str) -> bool {
    walk::is_ignored(name) || name.ends_with(".swx") || name.ends_with(".tmp")
}

/// Whether an event may change a file (reads do not).
pub fn wanted(event: &Event) -> bool {
    match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Watches `root` and its site folders; events go to `handler`.
pub fn start(root: &Path, handler: impl EventHandler) -> notify::Result<RecommendedWatcher> {
    let mut watcher = notify::recommended_watcher(handler)?;
    watcher.watch(root, RecursiveMode::NonRecursive)?;
    for dir in FOLDERS {
        let path = root.join(dir);
        if path.is_dir() {
            watcher.watch(&path, RecursiveMode::Recursive)?;
        }
    }
    Ok(watcher)
}

/// Starts watching a site folder that appeared after the start.
pub fn add_folder(watcher: &mut RecommendedWatcher, path: &Path) {
    if path.is_dir() {
        // A folder that vanished again before this call is simply not watched.
        let _ = watcher.watch(path, RecursiveMode::Recursive);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c() -> Classifier {
        Classifier {
            root: PathBuf::from("/site"),
            config_file: PathBuf::from("/site/site.yaml"),
            theme: "default".into(),
        }
    }

    fn kind(p: &str) -> Option<ChangeKind> {
        c().classify(Path::new(p)).map(|c| c.kind)
    }

    #[test]
    fn classifies_paths() {
        assert_eq!(kind("/site/site.yaml"), Some(ChangeKind::Config));
        assert_eq!(kind("/site/content/articles/x.md"), Some(ChangeKind::Content));
        assert_eq!(kind("/site/content/articles/.x.md.swp"), None);
        assert_eq!(kind("/site/content/articles/x.md~"), None);
        assert_eq!(
            kind("/site/templates/partials/a.html"),
            Some(ChangeKind::Template("partials/a.html".into()))
        );
        assert_eq!(
            kind("/site/themes/default/templates/base.html"),
            Some(ChangeKind::Template("base.html".into()))
        );
        assert_eq!(kind("/site/themes/other/templates/base.html"), None);
        assert_eq!(kind("/site/themes/default/static/css/a.css"), Some(ChangeKind::Static));
        assert_eq!(kind("/site/static/a.png"), Some(ChangeKind::Static));
        assert_eq!(kind("/site/data/plan.yaml"), Some(ChangeKind::Data));
        assert_eq!(kind("/site/static"), Some(ChangeKind::Folder));
        assert_eq!(kind("/site/public/index.html"), None);
        assert_eq!(kind("/elsewhere/x.md"), None);
    }
}
