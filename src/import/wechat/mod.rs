//! `kepu import wechat`: WeChat official-account articles into page bundles.
//!
//! 1. [`inputs`]: saved pages, folders of them and addresses into a list;
//!    an address is fetched with [`fetch`].
//! 2. [`parse`]: the article's facts (title, time, author, account, cover,
//!    address); [`clean`] and [`shape`]: `#js_content` into [`blocks`],
//!    WeChat's [`chrome`] left out.
//! 3. [`links`]: the articles imported before, found by their address; each
//!    new one gets a free slug, and links between them become `@/` links.
//! 4. [`images`]: the images into the bundle; [`markdown`]: the blocks as
//!    Markdown; [`write`]: `content/articles/<slug>/index.md` on disk.

pub mod blocks;
pub mod chrome;
pub mod clean;
pub mod fetch;
pub mod images;
pub mod inputs;
pub mod links;
pub mod markdown;
pub mod parse;
mod run;
pub mod shape;
pub mod style;
pub mod write;

#[cfg(test)]
mod props;

use std::path::PathBuf;

use crate::i18n::Text;

pub use run::{Done, Options, Report, run};

/// Why one article was not imported.
#[derive(Debug)]
pub enum ImportError {
    /// The file or folder cannot be read.
    Unreadable(String),
    /// A folder without saved pages.
    EmptyFolder,
    /// The page is not a WeChat article.
    NotWechat,
    /// The publisher deleted the article.
    Deleted(String),
    /// No title anywhere.
    NoTitle,
    /// The address could not be fetched.
    Fetch(String),
    /// `--offline` and an address.
    Offline,
    /// An editor changed the imported page.
    Edited(PathBuf),
    /// The imported page is no longer a bundle.
    NotBundle(PathBuf),
    /// A folder outside `content/`, or a symbolic link.
    Outside(PathBuf),
    /// Writing failed.
    Write(PathBuf, String),
}

impl ImportError {
    /// The message of the catalogue that says why.
    pub fn text(&self) -> Text {
        match self {
            ImportError::Unreadable(why) => crate::text!("import.unreadable", why),
            ImportError::EmptyFolder => crate::text!("import.empty_folder"),
            ImportError::NotWechat => crate::text!("import.not_wechat"),
            ImportError::Deleted(says) => crate::text!("import.deleted", says),
            ImportError::NoTitle => crate::text!("import.no_title"),
            ImportError::Fetch(why) => crate::text!("import.fetch", why),
            ImportError::Offline => crate::text!("import.offline"),
            ImportError::Edited(p) => crate::text!("import.edited", p),
            ImportError::NotBundle(p) => crate::text!("import.not_bundle", p),
            ImportError::Outside(p) => crate::text!("import.outside", p),
            ImportError::Write(p, why) => crate::text!("import.write", p, why),
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.text())
    }
}

impl std::error::Error for ImportError {}
