//! The rendition cache: `.kepu-cache/images/` beside the site.
//!
//! A source's renditions live in a folder named by the hash of its bytes
//! and of every parameter that changes them (widths, qualities, the cache
//! format), with a `meta.json` that lists them. A folder is written under a
//! temporary name and renamed when complete, so a killed build never leaves
//! a half folder that a later build trusts. Deleting the cache is safe: the
//! next build makes it again.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{xxh3_64, xxh3_128};

use super::config::ImagesConfig;
use super::process::ImageError;

/// Bumped whenever what is written for the same input changes.
const FORMAT: u32 = 1;

/// The cache folder of the site at `root`.
pub fn dir_of(root: &Path) -> PathBuf {
    root.join(".kepu-cache")
}

/// One encoded file in a cache folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedFile {
    /// File name in the folder (`480.webp`).
    pub name: String,
    /// Size in bytes.
    pub bytes: u64,
}

/// One width of an image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rendition {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The WebP file.
    pub webp: CachedFile,
    /// The JPEG or PNG fallback.
    pub fallback: CachedFile,
}

/// What the cache knows of one source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Upright width of the source.
    pub width: u32,
    /// Upright height of the source.
    pub height: u32,
    /// Fallback extension: `jpg` or `png`.
    pub fallback_ext: String,
    /// Renditions, narrowest first.
    pub renditions: Vec<Rendition>,
    /// The upright, stripped original (with `publish_originals`).
    pub original: Option<CachedFile>,
}

/// The hash of a source's bytes: half of its cache folder's name.
pub fn content_hash(bytes: &[u8]) -> u128 {
    xxh3_128(bytes)
}

/// The hash of every parameter that changes what is written for the same
/// bytes: the other half of a cache folder's name. One a build.
pub fn params_key(config: &ImagesConfig) -> u64 {
    let params = format!(
        "{FORMAT}|{:?}|{}|{}|{}",
        config.all_widths(),
        config.quality,
        config.jpeg_quality(),
        config.publish_originals
    );
    xxh3_64(params.as_bytes())
}

/// The cache folder of bytes hashing to `hash` under parameters `params`
/// (see [`content_hash`] and [`params_key`]).
pub fn key_dir(cache: &Path, hash: u128, params: u64) -> PathBuf {
    let key = format!("{hash:032x}-{params:016x}");
    cache.join("images").join(&key[..2]).join(key)
}

/// The meta of a complete folder, if there is one.
pub fn load(dir: &Path) -> Option<Meta> {
    let text = std::fs::read(dir.join("meta.json")).ok()?;
    let meta: Meta = serde_json::from_slice(&text).ok()?;
    if meta.renditions.is_empty() {
        return None;
    }
    let files = meta
        .renditions
        .iter()
        .flat_map(|r| [&r.webp, &r.fallback])
        .chain(meta.original.as_ref());
    for f in files {
        if std::fs::metadata(dir.join(&f.name)).map(|m| m.len()).ok()? != f.bytes {
            return None;
        }
    }
    Some(meta)
}

/// Writes a folder: `files` (name, bytes) and `meta`, under a temporary
/// name first. A folder another build finished first is kept.
pub fn store(dir: &Path, files: &[(String, Vec<u8>)], meta: &Meta) -> std::io::Result<()> {
    let parent = dir.parent().unwrap_or(dir);
    std::fs::create_dir_all(parent)?;
    // Per process and thread: two pages of one build may hold the same
    // picture and store it at once.
    let thread = format!("{:?}", std::thread::current().id());
    let tmp = parent.join(format!(
        ".tmp-{}-{:x}-{:x}",
        std::process::id(),
        xxh3_64(thread.as_bytes()),
        xxh3_64(dir.as_os_str().as_encoded_bytes())
    ));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp)?;
    for (name, bytes) in files {
        std::fs::write(tmp.join(name), bytes)?;
    }
    let json = serde_json::to_vec(meta).map_err(std::io::Error::other)?;
    std::fs::write(tmp.join("meta.json"), json)?;
    if load(dir).is_some() {
        // Finished meanwhile by another thread or build: keep that one.
        let _ = std::fs::remove_dir_all(&tmp);
        return Ok(());
    }
    if dir.exists() {
        let _ = std::fs::remove_dir_all(dir);
    }
    match std::fs::rename(&tmp, dir) {
        Ok(()) => Ok(()),
        Err(_) if load(dir).is_some() => {
            let _ = std::fs::remove_dir_all(&tmp);
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// Writes one extra file (a template's `resize_image`) into `dir`.
pub fn store_extra(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(name);
    write_atomic(&path, bytes)?;
    Ok(path)
}

/// The error a background make left for `dir`, if any (a note that
/// cannot be read is no note: the source is simply tried again).
pub fn load_error(dir: &Path) -> Option<ImageError> {
    let text = std::fs::read(dir.with_extension("error")).ok()?;
    serde_json::from_slice(&text).ok()
}

/// Leaves `error` for `dir` (best effort: it only saves a decode).
pub fn store_error(dir: &Path, error: &ImageError) {
    let Some(parent) = dir.parent() else { return };
    let Ok(json) = serde_json::to_vec(error) else { return };
    let _ = std::fs::create_dir_all(parent);
    let _ = write_atomic(&dir.with_extension("error"), &json);
}

/// Writes `bytes` to `path` under a temporary name first, so that a
/// reader sees the old file or the new one, never half of one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    let thread = format!("{:?}", std::thread::current().id());
    let tmp = path.with_file_name(format!(
        ".{name}.{}-{:x}.tmp",
        std::process::id(),
        xxh3_64(thread.as_bytes())
    ));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
