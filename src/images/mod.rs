//! Images for phones: every local raster image resized, turned upright,
//! stripped of its metadata and cached.
//!
//! 1. [`prepare`] finds every image a build copies (theme and site
//!    `static/`, bundle assets, loose files under content/) and makes the
//!    renditions of each in parallel ([`make`]), from `.kepu-cache/` when
//!    its bytes and parameters are known ([`cache`]).
//! 2. [`sink::ImageSink`] wraps the output: an image's renditions are
//!    published instead of the original, and every HTML page's `<img>` and
//!    `og:image` point at them ([`rewrite`]).
//! 3. [`function`] gives templates `resize_image`.
//!
//! SVG and GIF files pass through as they are (an animated GIF stays
//! animated).

pub mod cache;
mod config;
pub mod function;
pub mod lint;
pub mod make;
pub mod process;
pub mod rewrite;
pub mod sink;
mod sources;
mod tag;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

pub use cache::{Meta, Rendition};
pub use config::ImagesConfig;
pub use process::ImageError;

use crate::config::Config;
use crate::content::Library;
use crate::error::Diagnostic;

/// A source over this size is a warning.
pub const WARN_BYTES: u64 = 20 * 1024 * 1024;
/// A source with a side over this is a warning.
pub const WARN_SIDE: u32 = 12_000;
/// A page whose images weigh more than this at phone width is a warning.
pub const WARN_PAGE_BYTES: u64 = 1024 * 1024;
/// The phone width the page weight is measured at (CSS pixels).
pub const PHONE_WIDTH: u32 = 390;

/// One processed source.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Output path of the original (`articles/x/photo.jpg`).
    pub rel: String,
    /// The source file.
    pub source: PathBuf,
    /// Its cache folder.
    pub dir: PathBuf,
    /// Its renditions.
    pub meta: Meta,
}

impl Entry {
    /// Output path of a file of this image: `articles/x/photo-480.webp`.
    pub fn out_path(&self, width: u32, ext: &str) -> String {
        let (stem, _) = split_ext(&self.rel);
        format!("{stem}-{width}.{ext}")
    }

    /// The rendition a phone of [`PHONE_WIDTH`] loads.
    pub fn phone(&self) -> &Rendition {
        let r = &self.meta.renditions;
        r.iter().find(|r| r.width >= PHONE_WIDTH).or(r.last()).unwrap_or(&r[0])
    }

    /// The narrowest rendition at least `width` wide (else the widest).
    pub fn at_least(&self, width: u32) -> &Rendition {
        let r = &self.meta.renditions;
        r.iter().find(|r| r.width >= width).or(r.last()).unwrap_or(&r[0])
    }
}

/// `a/b.c` → (`a/b`, `c`).
pub(crate) fn split_ext(rel: &str) -> (&str, &str) {
    match rel.rfind('.') {
        Some(i) if !rel[i..].contains('/') => (&rel[..i], &rel[i + 1..]),
        _ => (rel, ""),
    }
}

/// A source that could not be used.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The source file.
    pub source: PathBuf,
    /// The page whose bundle holds it.
    pub owner: Option<PathBuf>,
    /// What is wrong.
    pub error: ImageError,
}

/// Every image of a build.
#[derive(Debug, Default)]
pub struct Images {
    /// Settings.
    pub config: ImagesConfig,
    /// `/` or `/kepu/`.
    pub base_path: String,
    /// `https://host/kepu/`.
    pub base_url: String,
    /// The cache folder (`.kepu-cache`).
    pub cache: PathBuf,
    /// Output path of the original → its renditions.
    pub entries: HashMap<String, Entry>,
    /// Output path of the original → why it failed.
    pub failed: HashMap<String, Failure>,
    /// Sources decoded by this build (not found in the cache).
    pub decodes: AtomicUsize,
    /// Sources not in the cache, left as they are (a cache-only load).
    pub pending: Vec<PathBuf>,
    /// Files `resize_image` made: output path → cached file.
    extra: Mutex<BTreeMap<String, PathBuf>>,
}

/// Counts of one build's images.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImageStats {
    /// Images processed (from the cache or decoded).
    pub images: usize,
    /// Images decoded by this build.
    pub decoded: usize,
}

impl Images {
    /// The counts so far.
    pub fn stats(&self) -> ImageStats {
        ImageStats {
            images: self.entries.len(),
            decoded: self.decodes.load(Ordering::Relaxed),
        }
    }

    /// The output path a URL in a page at `page_path` (`articles/x/index.html`)
    /// points at, when it is a local file of the site.
    pub fn resolve(&self, url: &str, page_path: &str) -> Option<String> {
        rewrite::resolve_url(url, page_path, &self.base_path, &self.base_url)
    }

    /// Notes a file `resize_image` made.
    pub(crate) fn add_extra(&self, rel: String, file: PathBuf) {
        self.extra.lock().unwrap_or_else(|e| e.into_inner()).insert(rel, file);
    }

    /// The files `resize_image` made.
    pub fn extras(&self) -> BTreeMap<String, PathBuf> {
        self.extra.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// Whether `rel` is a raster image kepu processes.
pub fn is_processed(rel: &str) -> bool {
    let (_, ext) = split_ext(rel);
    ["jpg", "jpeg", "png", "webp"]
        .iter()
        .any(|e| ext.eq_ignore_ascii_case(e))
}

/// Finds and processes every image of the site (in parallel), returning
/// them with the warnings (oversized sources).
pub fn prepare(config: &Config, lib: &Library, cache_only: bool) -> (Images, Vec<Diagnostic>) {
    let cfg = config.site.images.clone();
    let cache_root = cache::dir_of(&config.root);
    let found = sources::collect(config, lib);
    let decodes = AtomicUsize::new(0);
    let results: Vec<_> = found
        .par_iter()
        .filter(|s| is_processed(&s.rel))
        .map(|s| {
            let bytes = std::fs::read(&s.file).map_err(|e| ImageError::Read(e.to_string()));
            let mut warns = Vec::new();
            let outcome = bytes.and_then(|bytes| {
                warn_size(config, s, &bytes, &mut warns);
                let dir = cache::key_dir(&cache_root, &bytes, &cfg);
                if cache_only && cache::load(&dir).is_none() {
                    if let Some(e) = cache::load_error(&dir) {
                        return Err(ImageError::Decode(e));
                    }
                    process::probe(&bytes, cfg.max_megapixels)?;
                    return Ok(None);
                }
                let made = make::make(&bytes, &dir, &cfg)?;
                if made.decoded {
                    decodes.fetch_add(1, Ordering::Relaxed);
                }
                Ok(Some((dir, made.meta)))
            });
            (s, outcome, warns)
        })
        .collect();
    let mut images = Images {
        config: cfg,
        base_path: config.base_path.clone(),
        base_url: config.base_url.clone(),
        cache: cache_root,
        decodes,
        ..Images::default()
    };
    let mut diags = Vec::new();
    for (s, outcome, warns) in results {
        diags.extend(warns);
        match outcome {
            Ok(None) => images.pending.push(s.file.clone()),
            Ok(Some((dir, meta))) => {
                let entry = Entry {
                    rel: s.rel.clone(),
                    source: s.file.clone(),
                    dir,
                    meta,
                };
                images.entries.insert(s.rel.clone(), entry);
            }
            Err(error) => {
                let failure = Failure {
                    source: s.file.clone(),
                    owner: s.owner.clone(),
                    error,
                };
                images.failed.insert(s.rel.clone(), failure);
            }
        }
    }
    (images, diags)
}

/// Makes the renditions of `files` into the cache (in parallel); a file
/// that fails leaves its error in the cache for the next cache-only load.
/// Returns how many were made.
pub fn make_pending(config: &Config, files: &[PathBuf]) -> usize {
    let cfg = &config.site.images;
    let cache_root = cache::dir_of(&config.root);
    files
        .par_iter()
        .filter(|f| {
            let Ok(bytes) = std::fs::read(f) else { return false };
            let dir = cache::key_dir(&cache_root, &bytes, cfg);
            match make::make(&bytes, &dir, cfg) {
                Ok(_) => true,
                Err(e) => {
                    cache::store_error(&dir, &e.to_string());
                    false
                }
            }
        })
        .count()
}

fn warn_size(config: &Config, s: &sources::Source, bytes: &[u8], out: &mut Vec<Diagnostic>) {
    let shown = crate::config::display_path(&config.root, &s.file);
    if bytes.len() as u64 > WARN_BYTES {
        out.push(
            Diagnostic::warning(
                &shown,
                0,
                0,
                format!("image of {:.1} MB, more than 20 MB", bytes.len() as f64 / 1048576.0),
            )
            .with_hint("export it smaller from the camera or phone; readers never need more than 1600 pixels"),
        );
    }
    if let Ok((_, w, h)) = process::probe(bytes, u32::MAX)
        && w.max(h) > WARN_SIDE
    {
        out.push(
            Diagnostic::warning(
                &shown,
                0,
                0,
                format!("image of {w}×{h} pixels, more than 12,000 on a side"),
            )
            .with_hint("scale it down before adding it; readers never need more than 1600 pixels"),
        );
    }
}
