//! The query side, in Rust: the same steps as `search.js`, for tests and
//! benchmarks.
//!
//! 1. Split the query with [`query_terms`].
//! 2. Fetch the manifest, then the shard of each term ([`shard_of`]); a
//!    term's postings are its line, or for a prefix term the union of the
//!    lines of every word it starts (the best weight per page).
//! 3. Score each page: the sum over its terms of weight × idf, where
//!    idf = ln(1 + pages / pages holding the term).
//! 4. Keep the pages holding every term that occurs in the index (AND); if
//!    none does, fall back to pages holding any of them, most terms first.
//! 5. Order by terms matched, then score, then page id.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};

use super::Manifest;
use super::chunks::shard_of;
use super::tokenize::{QueryTerm, query_terms};

/// One result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Page id (its document is `d/ID.json`).
    pub page: u32,
    /// Number of query terms the page holds.
    pub matched: usize,
    /// Relevance.
    pub score: f64,
}

/// The outcome of a query.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Results, best first.
    pub hits: Vec<Hit>,
    /// Whether every hit holds every term found in the index.
    pub all_terms: bool,
    /// Files read, relative to `search/`, in order.
    pub files: Vec<String>,
}

/// Reads index files by path relative to `search/` (`index.json`, `t/3.txt`).
pub trait Loader {
    /// The file's text, or `None` if it does not exist.
    fn load(&self, path: &str) -> Option<String>;
}

impl<F: Fn(&str) -> Option<String>> Loader for F {
    fn load(&self, path: &str) -> Option<String> {
        self(path)
    }
}

/// Decodes one postings string into (page, weight) pairs.
pub fn decode(text: &str) -> Vec<(u32, u8)> {
    let mut out = Vec::new();
    let (mut page, mut gap) = (0u32, 0u32);
    for b in text.bytes() {
        if b.is_ascii_digit() {
            gap = gap.saturating_mul(10).saturating_add(u32::from(b - b'0'));
        } else {
            page = page.saturating_add(gap);
            out.push((page, b.saturating_sub(b'a') + 1));
            gap = 0;
        }
    }
    out
}

/// Runs `query` against the index that `loader` reads.
pub fn search(query: &str, loader: &dyn Loader) -> Result<Outcome, String> {
    let mut out = Outcome::default();
    let terms = query_terms(query);
    if terms.is_empty() {
        return Ok(out);
    }
    let manifest: Manifest = read(loader, "index.json", &mut out.files)
        .and_then(|t| serde_json::from_str(&t).map_err(|e| format!("index.json: {e}")))?;
    let mut shards: HashMap<usize, String> = HashMap::new();
    let mut pages: BTreeMap<u32, (usize, f64)> = BTreeMap::new();
    let mut found = 0;
    for term in &terms {
        let n = shard_of(&term.text, manifest.shards);
        let text = match shards.entry(n) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => e.insert(read(loader, &format!("t/{n}.txt"), &mut out.files)?),
        };
        let list = postings(term, text);
        if list.is_empty() {
            continue;
        }
        found += 1;
        let idf = (1.0 + f64::from(manifest.pages) / list.len() as f64).ln();
        for (page, w) in list {
            let e = pages.entry(page).or_insert((0, 0.0));
            e.0 += 1;
            e.1 += idf * f64::from(w);
        }
    }
    let mut hits: Vec<Hit> = pages
        .into_iter()
        .map(|(page, (matched, score))| Hit { page, matched, score })
        .collect();
    out.all_terms = hits.iter().any(|h| h.matched == found);
    if out.all_terms {
        hits.retain(|h| h.matched == found);
    }
    hits.sort_by(|a, b| {
        b.matched
            .cmp(&a.matched)
            .then(b.score.total_cmp(&a.score))
            .then(a.page.cmp(&b.page))
    });
    out.hits = hits;
    Ok(out)
}

/// The postings of `term` in a shard's text, page → weight.
fn postings(term: &QueryTerm, shard: &str) -> BTreeMap<u32, u8> {
    let mut out = BTreeMap::new();
    for line in shard.lines() {
        let Some((t, p)) = line.split_once(' ') else { continue };
        let hit = t == term.text || (term.prefix && t.starts_with(term.text.as_str()));
        if !hit {
            continue;
        }
        for (page, w) in decode(p) {
            let e = out.entry(page).or_insert(0);
            *e = (*e).max(w);
        }
    }
    out
}

fn read(loader: &dyn Loader, path: &str, files: &mut Vec<String>) -> Result<String, String> {
    files.push(path.to_string());
    loader.load(path).ok_or_else(|| format!("search/{path} is missing"))
}

/// The URL of page `id`, from its document file.
pub fn doc_url(id: u32, loader: &dyn Loader) -> Option<String> {
    let text = loader.load(&format!("d/{id}.json"))?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    v.get("u")?.as_str().map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_gaps_and_weights() {
        assert_eq!(decode("0h2a"), [(0, 8), (2, 1)]);
        assert_eq!(decode("3b12a"), [(3, 2), (15, 1)]);
        assert!(decode("").is_empty());
    }
}
