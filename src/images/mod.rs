//! Images for phones: every local raster image resized, turned upright,
//! stripped of its metadata and cached.
//!
//! 1. [`prepare`] finds every image a build copies (theme and site
//!    `static/`, bundle assets, loose files under content/) and makes the
//!    renditions of each in parallel ([`make`]), from `.kepu-cache/` when
//!    its bytes and parameters are known ([`cache`]). A source whose size
//!    and time are those the cache's index recorded is not even read.
//! 2. [`sink::ImageSink`] wraps the output: an image's renditions are
//!    published instead of the original, and every HTML page's `<img>` and
//!    `og:image` point at them ([`rewrite`]).
//! 3. [`function`] gives templates `resize_image`.
//!
//! SVG and GIF files pass through as they are (an animated GIF stays
//! animated).

pub mod cache;
mod config;
mod finder;
pub mod function;
pub mod index;
pub mod lint;
pub mod make;
pub mod process;
pub mod rewrite;
pub mod sink;
mod sources;
mod tag;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

use rayon::prelude::*;

pub use cache::{Meta, Rendition};
pub use config::ImagesConfig;
pub use index::{Seen, Stamp};
pub use process::ImageError;

use finder::{Finder, Looked, Outcome};
use index::Index;

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
    /// Size and time of the source when it was looked at.
    pub stamp: Option<Stamp>,
}

impl Entry {
    /// Output path of a file of this image: `articles/x/photo-480.webp`.
    pub fn out_path(&self, width: u32, ext: &str) -> String {
        let (stem, _) = split_ext(&self.rel);
        format!("{stem}-{width}.{ext}")
    }

    /// The rendition a phone of [`PHONE_WIDTH`] loads.
    pub fn phone(&self) -> &Rendition {
        self.at_least(PHONE_WIDTH)
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
    /// Size and time of the source when it was looked at.
    pub stamp: Option<Stamp>,
}

/// An image left as it is until its renditions are made.
#[derive(Debug, Clone)]
pub struct Pending {
    /// The source file.
    pub source: PathBuf,
    /// How the load saw it, when it read it (so that making it need not
    /// hash it again).
    pub seen: Option<Seen>,
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
    /// The language of the messages (`resize_image`'s errors).
    pub lang: crate::i18n::Lang,
    /// Output path of the original → its renditions.
    pub entries: HashMap<String, Entry>,
    /// Output path of the original → why it failed.
    pub failed: HashMap<String, Failure>,
    /// Sources decoded by this build (not found in the cache).
    pub decodes: AtomicUsize,
    /// Sources read by this build (an unchanged, cached one is not).
    pub reads: AtomicUsize,
    /// Sources not in the cache, left as they are (a cache-only load).
    pub pending: Vec<Pending>,
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
    /// Image sources this build read (an unchanged image in the cache is
    /// not read at all).
    pub read: usize,
}

impl Images {
    /// The counts so far.
    pub fn stats(&self) -> ImageStats {
        ImageStats {
            images: self.entries.len(),
            decoded: self.decodes.load(Ordering::Relaxed),
            read: self.reads.load(Ordering::Relaxed),
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
/// them with the warnings (oversized sources). With `cache_only`, an image
/// not in the cache is left as it is and listed in [`Images::pending`].
pub fn prepare(config: &Config, lib: &Library, cache_only: bool) -> (Images, Vec<Diagnostic>) {
    let cfg = config.site.images.clone();
    let cache_root = cache::dir_of(&config.root);
    let finder = Finder {
        config,
        params: cache::params_key(&cfg),
        index: Index::load(&cache_root, &config.root),
        cache_root,
        cache_only,
        reads: AtomicUsize::new(0),
        decodes: AtomicUsize::new(0),
    };
    let found: Vec<sources::Source> = sources::collect(config, lib)
        .into_iter()
        .filter(|s| is_processed(&s.rel))
        .collect();
    let looked: Vec<Looked> = found.par_iter().map(|s| finder.look(s)).collect();
    finder.index.save(
        found
            .iter()
            .zip(&looked)
            .filter_map(|(s, l)| Some((s.file.as_path(), l.seen?))),
    );
    let mut images = Images {
        config: cfg,
        base_path: config.base_path.clone(),
        base_url: config.base_url.clone(),
        cache: finder.cache_root,
        lang: config.lang,
        decodes: finder.decodes,
        reads: finder.reads,
        ..Images::default()
    };
    let mut diags = Vec::new();
    for (s, l) in found.into_iter().zip(looked) {
        diags.extend(l.warns);
        let stamp = l.seen.map(|seen| seen.stamp);
        match l.outcome {
            Outcome::Waiting => images.pending.push(Pending {
                source: s.file,
                seen: l.seen,
            }),
            Outcome::Ready(dir, meta) => {
                let entry = Entry {
                    rel: s.rel.clone(),
                    source: s.file,
                    dir,
                    meta,
                    stamp,
                };
                images.entries.insert(s.rel, entry);
            }
            Outcome::Failed(error) => {
                let failure = Failure {
                    source: s.file,
                    owner: s.owner,
                    error,
                    stamp,
                };
                images.failed.insert(s.rel, failure);
            }
        }
    }
    (images, diags)
}

/// Makes the renditions of `pending` into the cache (in parallel); an
/// image that fails leaves its error in the cache for the next cache-only
/// load. Returns how many were made.
pub fn make_pending(config: &Config, pending: &[Pending]) -> usize {
    let cfg = &config.site.images;
    let cache_root = cache::dir_of(&config.root);
    let params = cache::params_key(cfg);
    pending
        .par_iter()
        .filter(|p| {
            let Ok(bytes) = std::fs::read(&p.source) else {
                return false;
            };
            // The hash of the load stands when the file is as it was then
            // (its stamp, taken after this read); else the bytes are hashed.
            let hash = match p.seen {
                Some(seen) if Stamp::of(&p.source).ok() == Some(seen.stamp) => seen.hash,
                _ => cache::content_hash(&bytes),
            };
            let dir = cache::key_dir(&cache_root, hash, params);
            if cache::load(&dir).is_some() {
                return true;
            }
            let made = process::Header::of(&bytes)
                .and_then(|h| h.within(cfg.max_megapixels))
                .and_then(|()| make::make(&bytes, &dir, cfg));
            match made {
                Ok(_) => true,
                Err(e) => {
                    cache::store_error(&dir, &e);
                    false
                }
            }
        })
        .count()
}

/// The images of the site as it is now that `images` (a cache-only load)
/// does not know as they are: added since, or changed (by size or time).
/// They show as originals, or as they were, until made.
pub fn unmade(config: &Config, lib: &Library, images: &Images) -> Vec<Pending> {
    let waiting: HashSet<&Path> = images.pending.iter().map(|p| p.source.as_path()).collect();
    sources::collect(config, lib)
        .into_iter()
        .filter(|s| is_processed(&s.rel) && !waiting.contains(s.file.as_path()))
        .filter(|s| {
            let was = match (images.entries.get(&s.rel), images.failed.get(&s.rel)) {
                (Some(e), _) if e.source == s.file => e.stamp,
                (_, Some(f)) if f.source == s.file => f.stamp,
                _ => None,
            };
            was.is_none() || Stamp::of(&s.file).ok() != was
        })
        .map(|s| Pending {
            source: s.file,
            seen: None,
        })
        .collect()
}
