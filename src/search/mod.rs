//! Client-side full-text search that works for Chinese: an index split into
//! small files at build time, and the `/search/` page whose script
//! (`themes/default/static/js/search.js`) fetches only what a query needs.
//!
//! 1. [`docs`]: every searchable page becomes a [`docs::SearchDoc`]; its
//!    place in the list is its page id.
//! 2. [`tokenize`]: one set of rules splits pages and queries into terms
//!    (CJK bigrams and characters, folded words).
//! 3. [`index`]: the postings of every term, packed while the index is
//!    built (their text is made shard by shard, see [`chunks`]).
//! 4. [`chunks`]: the postings split into term shards by a hash of the term.
//! 5. [`add_index`] writes, under `search/`: `index.json` (the manifest),
//!    `t/N.txt` (term shards), `d/ID.json` (one document per page). The
//!    render stage then writes the search page from the theme's
//!    `search.html` ([`crate::render::search_page`]).
//! 6. [`lookup`]: the query side in Rust, the same steps as the script, for
//!    tests and benchmarks.

pub mod chunks;
pub mod docs;
pub mod index;
pub mod lookup;
pub mod tokenize;

use rayon::prelude::*;
use serde::Serialize;

use std::borrow::Cow;

use crate::config::Config;
use crate::content::handover::Handover;
use crate::content::{Library, Page, PageId};
use crate::error::Diagnostic;
use crate::output::sink::Sink;
use crate::output::{Body, Dep};
use crate::time::SiteClock;

/// Version of the index format, in the manifest.
pub const FORMAT_VERSION: u32 = 1;

/// The manifest, `search/index.json`.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct Manifest {
    /// [`FORMAT_VERSION`].
    pub version: u32,
    /// Number of indexed pages (ids are `0..pages`).
    pub pages: u32,
    /// Number of term shards (`t/0.txt` ...).
    pub shards: usize,
    /// A hash of every index file, appended to their URLs as `?v=` so that
    /// a rebuilt site is not read through stale caches.
    pub key: String,
}

/// Writes the index files into `sink`, when search is on; returns the
/// manifest for the search page (which the render stage writes). Each
/// page's whole text is taken from `texts` where it was handed over (a
/// build), else read in `lib`.
pub fn add_index<'a>(
    (config, clock, lib): (&Config, &SiteClock, &'a Library),
    texts: Option<&Handover>,
    sink: &dyn Sink,
    diags: &mut Vec<Diagnostic>,
) -> Option<Manifest> {
    if !config.site.search.enabled {
        return None;
    }
    let pages = docs::searchable(lib);
    let put = |path: String, text: String| -> (u64, Option<Diagnostic>) {
        let hash = fnv64(text.as_bytes());
        let deps = vec![Dep::AllContent, Dep::Config];
        let err = sink.put(&path, Body::Bytes(text.into_bytes()), deps, "search").err();
        (
            hash,
            err.map(|e| Diagnostic::error(config.display_path(), 0, 0, e.message)),
        )
    };
    // Each page's document file is written as the page is folded, so that
    // its text is freed with the batch.
    let doc = |&(id, p): &(PageId, &'a Page)| match texts.and_then(|t| t.take(id)) {
        Some(text) => docs::doc_with(config, clock, p, Cow::Owned(text)),
        None => docs::doc(config, clock, p),
    };
    let (postings, docs_written) = index::build_with(&pages, doc, |i, d| put(format!("search/d/{i}.json"), d.json()));
    // Each shard's text is made, hashed and written in turn, so that the
    // postings are freed as they go out.
    let shards = chunks::group(postings);
    let shard_count = shards.len();
    let written: Vec<(u64, Option<Diagnostic>)> = shards
        .into_par_iter()
        .enumerate()
        .map(|(i, s)| put(format!("search/t/{i}.txt"), chunks::shard_text(s)))
        .collect();
    let mut hashes = Vec::with_capacity((written.len() + docs_written.len()) * 8);
    for (hash, err) in written.into_iter().chain(docs_written) {
        hashes.extend(hash.to_le_bytes());
        diags.extend(err);
    }
    let manifest = Manifest {
        version: FORMAT_VERSION,
        pages: u32::try_from(pages.len()).unwrap_or(u32::MAX),
        shards: shard_count,
        key: format!("{:016x}", fnv64(&hashes)),
    };
    let (_, err) = put(
        "search/index.json".into(),
        serde_json::to_string(&manifest).unwrap_or_default(),
    );
    diags.extend(err);
    Some(manifest)
}

/// 64-bit FNV-1a (the cache key hashes each file, then the list of hashes).
fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}
