//! The article's images into the bundle: the saved page's own file from
//! its `_files/` folder when there is one (`src`), else WeChat's address
//! (`data-src`) downloaded. Files are named `01.jpg`, `02.png` … in the
//! order they appear, with the extension their bytes say; the same image
//! twice is one file. What cannot be had is listed, not fatal.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use url::Url;

use super::blocks::{Block, Image};
use super::fetch::Fetcher;
use crate::i18n::Said;

/// Where an article's images come from.
#[derive(Debug)]
pub struct Origin<'a> {
    /// The saved page's folder (local `src` files are read under it only).
    pub dir: Option<PathBuf>,
    /// The address the page was fetched from (relative addresses resolve there).
    pub url: Option<Url>,
    /// The network.
    pub fetcher: &'a Fetcher,
}

/// The files of a bundle and what could not be had.
#[derive(Debug, Default)]
pub struct Gathered {
    /// File name and bytes.
    pub files: Vec<(String, Vec<u8>)>,
    /// The cover's file name.
    pub cover: Option<String>,
    /// Names of the images that could not be had.
    pub missing: Vec<Said>,
}

/// Fills each image's `file`, and finds the cover.
pub fn gather(blocks: &mut [Block], cover: Option<&str>, origin: &Origin<'_>) -> Gathered {
    let mut g = Gathered::default();
    let mut seen: HashMap<String, String> = HashMap::new();
    visit(blocks, &mut |img| {
        let key = img.data_src.clone().or_else(|| img.src.clone()).unwrap_or_default();
        if let Some(file) = seen.get(&key) {
            img.file = Some(file.clone());
            return;
        }
        match fetch_image(img, origin) {
            Some(bytes) => {
                let file = format!("{:02}.{}", g.files.len() + 1, extension(&bytes));
                seen.insert(key, file.clone());
                img.file = Some(file.clone());
                g.files.push((file, bytes));
            }
            None => g.missing.push(name_of(&key).into()),
        }
    });
    if let Some(url) = cover.filter(|c| !c.is_empty()) {
        let same = seen.iter().find(|(k, _)| same_image(k, url)).map(|(_, f)| f.clone());
        g.cover = same.or_else(|| {
            let bytes = download(url, origin)?;
            let file = format!("cover.{}", extension(&bytes));
            g.files.push((file.clone(), bytes));
            Some(file)
        });
        if g.cover.is_none() {
            g.missing.push(crate::text!("import.cover", name_of(url)).into());
            g.cover = g.files.first().map(|(f, _)| f.clone());
        }
    }
    g
}

/// Whether two addresses name one image: WeChat serves an image in sizes
/// (`…/ID/0`, `…/ID/640`) with varying queries.
fn same_image(a: &str, b: &str) -> bool {
    let base = |u: &str| {
        let u = u.split(['?', '#']).next().unwrap_or(u);
        let u = u.trim_start_matches("https:").trim_start_matches("http:");
        match u.rsplit_once('/') {
            Some((head, size)) if !size.is_empty() && size.chars().all(|c| c.is_ascii_digit()) => head.to_string(),
            _ => u.to_string(),
        }
    };
    base(a) == base(b)
}

fn visit(blocks: &mut [Block], f: &mut dyn FnMut(&mut Image)) {
    for b in blocks {
        match b {
            Block::Image(img) => f(img),
            Block::Quote(inner) => visit(inner, f),
            Block::List(_, items) => items.iter_mut().for_each(|it| visit(it, f)),
            _ => {}
        }
    }
}

fn fetch_image(img: &Image, origin: &Origin<'_>) -> Option<Vec<u8>> {
    let local = img.src.as_deref().filter(|s| !is_remote(s));
    if let Some(bytes) = local.and_then(|s| read_local(s, origin)).filter(|b| is_image(b)) {
        return Some(bytes);
    }
    [img.data_src.as_deref(), img.src.as_deref().filter(|s| is_remote(s))]
        .into_iter()
        .flatten()
        .find_map(|u| download(u, origin))
}

fn is_remote(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//")
}

/// A file of the saved page's folder; nothing outside it.
fn read_local(src: &str, origin: &Origin<'_>) -> Option<Vec<u8>> {
    let dir = origin.dir.as_ref()?;
    // An absolute path, not a canonical one: Windows' canonical form
    // (`\\?\C:\…`) is not a file URL.
    let base = Url::from_directory_path(std::path::absolute(dir).ok()?).ok()?;
    let path = base.join(src).ok()?.to_file_path().ok()?;
    let real = path.canonicalize().ok()?;
    if !real.starts_with(dir.canonicalize().ok()?) {
        return None;
    }
    std::fs::read(real).ok()
}

fn download(address: &str, origin: &Origin<'_>) -> Option<Vec<u8>> {
    if !origin.fetcher.online() {
        return None;
    }
    let url = match &origin.url {
        Some(base) => base.join(address).ok()?,
        None if address.starts_with("//") => Url::parse(&format!("https:{address}")).ok()?,
        None => Url::parse(address).ok()?,
    };
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    origin.fetcher.image(url.as_str()).ok().filter(|b| is_image(b))
}

/// The name a reader of the warning recognizes an image by.
fn name_of(address: &str) -> String {
    let path = address.split(['?', '#']).next().unwrap_or(address);
    let tail = path.trim_end_matches('/').rsplit('/').next().unwrap_or(path);
    let short: String = Path::new(tail)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if short.is_empty() || short.len() < 8 && path.len() > short.len() {
        path.to_string()
    } else {
        short
    }
}

fn is_image(bytes: &[u8]) -> bool {
    extension_of(bytes).is_some()
}

fn extension(bytes: &[u8]) -> &'static str {
    extension_of(bytes).unwrap_or("jpg")
}

/// The file type by its first bytes.
fn extension_of(b: &[u8]) -> Option<&'static str> {
    if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("jpg")
    } else if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("png")
    } else if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        Some("gif")
    } else if b.len() > 12 && b.starts_with(b"RIFF") && &b[8..12] == b"WEBP" {
        Some("webp")
    } else if b.len() > 12 && &b[4..12] == b"ftypavif" {
        Some("avif")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_by_their_bytes() {
        assert_eq!(extension_of(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("jpg"));
        assert_eq!(extension_of(b"\x89PNG\r\n\x1a\nrest"), Some("png"));
        assert_eq!(extension_of(b"<!DOCTYPE html><p>404</p>"), None);
        assert_eq!(
            name_of("https://mmbiz.qpic.cn/mmbiz_jpg/AbCdEf/640?wx_fmt=jpeg"),
            "https://mmbiz.qpic.cn/mmbiz_jpg/AbCdEf/640"
        );
        assert_eq!(name_of("./a_files/photo-of-station.jpeg"), "photo-of-station.jpeg");
        assert!(same_image(
            "https://mmbiz.qpic.cn/mmbiz_png/Ab/0?wx_fmt=png",
            "http://mmbiz.qpic.cn/mmbiz_png/Ab/640?from=appmsg"
        ));
        assert!(!same_image(
            "https://mmbiz.qpic.cn/mmbiz_png/Ab/0",
            "https://mmbiz.qpic.cn/mmbiz_png/Cd/0"
        ));
    }
}
