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

pub use run::{Done, Options, Report, run};

/// Why one article was not imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file or folder cannot be read.
    #[error("cannot read it: {0}")]
    Unreadable(String),
    /// A folder without saved pages.
    #[error("the folder holds no saved page (.html); save an article in the browser as “网页，全部” first")]
    EmptyFolder,
    /// The page is not a WeChat article.
    #[error(
        "this is not a WeChat article page (it has no #js_content); save the article in the browser as “网页，全部” and import the .html file"
    )]
    NotWechat,
    /// The publisher deleted the article.
    #[error("the article was deleted by its publisher (the page says {0}); there is nothing to import")]
    Deleted(String),
    /// No title anywhere.
    #[error("the page has no article title (#activity-name)")]
    NoTitle,
    /// The address could not be fetched.
    #[error("cannot fetch it: {0}")]
    Fetch(String),
    /// `--offline` and an address.
    #[error("this is an address, and --offline forbids fetching it; save the page in the browser and import the file")]
    Offline,
    /// An editor changed the imported page.
    #[error("{0} was changed after it was imported; it is kept as it is (add --force to overwrite it)")]
    Edited(PathBuf),
    /// The imported page is no longer a bundle.
    #[error("{0} is no longer a bundle (x/index.md); move it back or import again under a new name")]
    NotBundle(PathBuf),
    /// A folder outside `content/`, or a symbolic link.
    #[error("{0} is outside content/ or reached through a symbolic link; nothing was written")]
    Outside(PathBuf),
    /// Writing failed.
    #[error("cannot write {0}: {1}")]
    Write(PathBuf, String),
}
