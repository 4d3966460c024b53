//! `site.yaml`: the site's configuration.
//!
//! 1. [`raw`] mirrors the file with serde, rejecting unknown keys and wrong
//!    types (with line and column).
//! 2. [`load`] reads the file, parses it and runs [`validate`]'s checks,
//!    which need the whole file (known time zone, unique town ids, a usable
//!    output folder, a base URL with a scheme).

mod raw;
pub mod validate;

pub(crate) use validate::split_base_url;

use std::path::{Path, PathBuf};

pub use raw::{
    Boards, Columns, Emergency, Feeds, Footer, Highlight, Import, MarkdownConfig, MenuItem, RawHtml, Search,
    SiteConfig, Town, TownKind, WechatImport,
};

use crate::error::{Diagnostic, Diagnostics};
use crate::i18n::Said;

/// A loaded, validated configuration and where it came from.
#[derive(Debug, Clone)]
pub struct Config {
    /// The parsed file.
    pub site: SiteConfig,
    /// The file's text, to point later checks at a key's line.
    pub source: String,
    /// The site root (folder holding content/, themes/ ...).
    pub root: PathBuf,
    /// The configuration file's path.
    pub path: PathBuf,
    /// `base_url` without a trailing slash: `https://host` or `https://host/kepu`.
    pub base_url: String,
    /// The path part of `base_url`, always starting and ending with `/`.
    pub base_path: String,
    /// The language kepu's messages are printed in.
    pub lang: crate::i18n::Lang,
    /// Rendered for `kepu serve`: posters carry a 预览 mark.
    pub preview: bool,
}

impl Config {
    /// The path of `content/`.
    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }

    /// The host of `base_url` (`kepu.example.org`, `127.0.0.1:1111`).
    pub fn host(&self) -> &str {
        let url = self.base_url.as_str();
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        rest.split('/').next().unwrap_or(rest)
    }

    /// Looks up a town by id.
    pub fn town(&self, id: &str) -> Option<&Town> {
        self.site.towns.iter().find(|t| t.id == id)
    }

    /// The config file's path as diagnostics show it.
    pub fn display_path(&self) -> PathBuf {
        display_path(&self.root, &self.path)
    }

    /// Whether the site is a preview whose addresses lead nowhere for
    /// readers: rendered by `kepu serve`, or with a `base_url` on this
    /// computer or its local network (`localhost`, `127.0.0.1`,
    /// `192.168.…`). Its posters carry a 预览 mark.
    pub fn is_preview(&self) -> bool {
        self.preview || local_url(&self.base_url)
    }

    /// Overrides `base_url` (the `--base-url` option).
    pub fn set_base_url(&mut self, url: &str) -> Result<(), Said> {
        let (base_url, base_path) = validate::split_base_url(url)?;
        self.site.base_url = url.to_string();
        self.base_url = base_url;
        self.base_path = base_path;
        Ok(())
    }
}

/// Reads and validates `path` for the site at `root`.
pub fn load(root: &Path, path: &Path) -> Result<Config, Diagnostics> {
    let shown = display_path(root, path);
    let text = match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => crate::escape::scrub_noncharacters(t),
            Err(e) => return Err(one(crate::encoding::not_utf8(&shown, &e))),
        },
        Err(e) => {
            return Err(one(Diagnostic::error(
                &shown,
                0,
                0,
                crate::text!("config.cannot_read", e),
            )
            .with_hint(crate::text!("config.cannot_read.help"))));
        }
    };
    parse(root, path, &text)
}

/// Parses configuration text (for tests and `kepu init`).
pub fn parse(root: &Path, path: &Path, text: &str) -> Result<Config, Diagnostics> {
    let shown = display_path(root, path);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let site: SiteConfig = crate::yaml::from_str(text).map_err(|e| {
        let message = match crate::content::key_help::plain_type(&e.message) {
            Some(plain) => plain.into(),
            None => e.message,
        };
        one(Diagnostic::error(&shown, e.line, e.column, message).with_hint(crate::text!("config.see_readme")))
    })?;
    validate::validate(root, path, &shown, text, site)
}

fn one(d: Diagnostic) -> Diagnostics {
    Diagnostics(vec![d])
}

/// `path` relative to `root` when it is inside, else as given.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Whether `url`'s host is this computer or its local network.
fn local_url(url: &str) -> bool {
    let Ok(u) = url::Url::parse(url) else { return false };
    match u.host() {
        Some(url::Host::Domain(d)) => {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            d == "localhost" || d.ends_with(".localhost") || d.ends_with(".local")
        }
        Some(url::Host::Ipv4(ip)) => ip.is_loopback() || ip.is_private() || ip.is_link_local() || ip.is_unspecified(),
        Some(url::Host::Ipv6(ip)) => {
            let first = ip.segments()[0];
            ip.is_loopback() || ip.is_unspecified() || (first & 0xfe00) == 0xfc00 || (first & 0xffc0) == 0xfe80
        }
        None => false,
    }
}

#[cfg(test)]
mod preview_tests {
    #[test]
    fn local_addresses_are_previews() {
        for url in [
            "http://127.0.0.1:1111",
            "http://localhost:8080/kepu",
            "http://192.168.1.5:1111",
            "http://[::1]:1111",
            "http://0.0.0.0",
        ] {
            assert!(super::local_url(url), "{url}");
        }
        for url in [
            "https://kepu.example.org",
            "https://8.8.8.8",
            "https://kepu.yongchuan.gov.cn/kepu",
        ] {
            assert!(!super::local_url(url), "{url}");
        }
    }
}
