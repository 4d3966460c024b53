//! Splitting the postings into term shards, so that a query downloads only
//! the few shards holding its terms.
//!
//! 1. Each term has a shard key ([`shard_key`]): a CJK term is its own key,
//!    a word is keyed by its first [`PREFIX_MIN`] characters (so a prefix
//!    query finds every word it starts in one shard).
//! 2. The key is hashed with 32-bit FNV-1a over its UTF-8 bytes ([`fnv1a`]);
//!    the shard is the hash modulo the shard count ([`shard_of`]).
//! 3. The shard count is the smallest power of two that keeps the average
//!    shard under [`TARGET_SHARD_BYTES`] ([`shard_count`]).
//! 4. Each shard is one text file: a line per term, sorted by term
//!    ([`group`], [`shard_text`]). `search.js` repeats steps 1 and 2.

use super::index::{List, Postings};
use super::tokenize::{PREFIX_MIN, is_word};

/// The average shard size aimed at, in bytes before compression.
pub const TARGET_SHARD_BYTES: usize = 16 * 1024;

/// At most this many shards, whatever the size.
pub const MAX_SHARDS: usize = 8192;

/// The 32-bit FNV-1a hash of `s`'s UTF-8 bytes.
pub fn fnv1a(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The part of `term` that decides its shard.
pub fn shard_key(term: &str) -> &str {
    if !is_word(term) {
        return term;
    }
    crate::markdown::char_prefix(term, PREFIX_MIN)
}

/// The shard of `term` among `shards`.
pub fn shard_of(term: &str, shards: usize) -> usize {
    fnv1a(shard_key(term)) as usize % shards.max(1)
}

/// The shard count for `bytes` of postings lines.
pub fn shard_count(bytes: usize) -> usize {
    let want = bytes.div_ceil(TARGET_SHARD_BYTES).max(1);
    want.next_power_of_two().min(MAX_SHARDS)
}

/// The postings split into shards: each shard's terms with their lists.
/// Takes the postings, so that nothing is copied.
pub type Shards = Vec<Vec<(String, List)>>;

/// Groups `postings` by shard ([`shard_of`]).
pub fn group(postings: Postings) -> Shards {
    let bytes: usize = postings.iter().map(|(t, p)| t.len() + p.text_len() + 2).sum();
    let n = shard_count(bytes);
    let mut groups: Shards = (0..n).map(|_| Vec::new()).collect();
    for (term, list) in postings {
        groups[shard_of(&term, n)].push((term, list));
    }
    groups
}

/// The text of one shard file: a sorted list of lines `TERM POSTINGS\n`.
/// Takes the shard, so that its postings are freed once written out.
pub fn shard_text(mut lines: Vec<(String, List)>) -> String {
    lines.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut out = String::with_capacity(lines.iter().map(|(t, p)| t.len() + p.text_len() + 2).sum());
    for (t, p) in lines {
        out.push_str(&t);
        out.push(' ');
        p.write_text(&mut out);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_matches_the_reference() {
        assert_eq!(fnv1a(""), 0x811c_9dc5);
        assert_eq!(fnv1a("a"), 0xe40c_292c);
        assert_eq!(fnv1a("foobar"), 0xbf9c_f968);
    }

    #[test]
    fn words_share_a_shard_with_their_prefix() {
        assert_eq!(shard_key("beidou"), "bei");
        assert_eq!(shard_key("5g"), "5g");
        assert_eq!(shard_key("中暑"), "中暑");
        assert_eq!(shard_of("beidou", 64), shard_of("bei", 64));
    }

    #[test]
    fn shard_counts_are_powers_of_two() {
        assert_eq!(shard_count(0), 1);
        assert_eq!(shard_count(TARGET_SHARD_BYTES * 3), 4);
        assert_eq!(shard_count(usize::MAX / 2), MAX_SHARDS);
    }
}
