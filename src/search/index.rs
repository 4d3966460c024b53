//! Postings: for every term, the pages that hold it and how much.
//!
//! 1. Fold each document's title, meta text and body (in parallel, a batch
//!    of pages at a time, so memory holds one batch of texts).
//! 2. Count each term per page ([`weight`]: body occurrences up to 5, plus 6
//!    when in the title, plus 3 when in the tags, categories or summary).
//! 3. Append each page's postings to its terms' lists in page order, packed
//!    a byte or two a page (see [`List`]); each thread fills the lists of
//!    its share of the terms. The text form is made only as each shard is
//!    written ([`super::chunks::shard_text`]).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;

use super::docs::SearchDoc;
#[cfg(test)]
use super::tokenize::class;
#[cfg(test)]
use super::tokenize::index_terms;
use super::tokenize::{Class, cut_word, fold, runs};

/// Pages folded and counted at once.
const BATCH: usize = 512;

/// One term's postings. Its text form (the shard line, see
/// [`List::write_text`]) is, for each page in id order, the gap from the
/// previous page id (the first from 0) in decimal, then the weight as one
/// letter (`a` = 1 ... `n` = 14): `3b12a` is page 3 with weight 2 and page
/// 15 with weight 1. While the index is built, each page is held as one
/// LEB128 number, `gap << 4 | (weight - 1)`, mostly a single byte where the
/// text takes two or more.
#[derive(Debug, Clone, Default)]
pub struct List {
    /// The packed postings.
    bytes: Vec<u8>,
    /// Number of pages.
    pub count: u32,
    last: u32,
    /// Length of the text form.
    text_len: usize,
}

impl List {
    /// The postings in their text form.
    #[cfg(test)]
    fn text(&self) -> String {
        let mut out = String::with_capacity(self.text_len);
        self.write_text(&mut out);
        out
    }

    /// Length of [`List::text`], without making it.
    pub fn text_len(&self) -> usize {
        self.text_len
    }

    /// Appends [`List::text`] to `out`.
    pub fn write_text(&self, out: &mut String) {
        let mut n: u64 = 0;
        let mut shift = 0;
        for &b in &self.bytes {
            n |= u64::from(b & 0x7F) << shift;
            shift += 7;
            if b & 0x80 != 0 {
                continue;
            }
            let mut buf = [0u8; 11];
            let mut at = buf.len() - 1;
            buf[at] = b'a' + (n & 0xF) as u8;
            let mut gap = n >> 4;
            loop {
                at -= 1;
                buf[at] = b'0' + (gap % 10) as u8;
                gap /= 10;
                if gap == 0 {
                    break;
                }
            }
            out.push_str(std::str::from_utf8(&buf[at..]).unwrap_or_default());
            (n, shift) = (0, 0);
        }
    }

    fn push(&mut self, page: u32, weight: u8) {
        let gap = page - self.last;
        let mut n = (u64::from(gap) << 4) | u64::from(weight.clamp(1, 14) - 1);
        while n >= 0x80 {
            self.bytes.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.bytes.push(n as u8);
        self.text_len += gap.checked_ilog10().map_or(1, |d| d as usize + 1) + 1;
        self.last = page;
        self.count += 1;
    }
}

/// A fast hasher for short keys (the Fx hash of rustc); the postings are
/// sorted before they are written, so its order never shows.
#[derive(Debug, Default, Clone, Copy)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.write_u64(u64::from(b));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_isize(&mut self, n: isize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        // The product's low bits depend only on the key's low bits, and a
        // packed single character has none set; the table picks buckets by
        // the low bits, so bring the well-mixed high bits down.
        self.0.rotate_left(26)
    }
}

/// A hash map with [`Fx`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// Term → its postings.
pub type Postings = FxMap<String, List>;

/// How much a term counts in a page.
#[derive(Debug, Clone, Copy, Default)]
struct Count {
    body: u8,
    title: bool,
    meta: bool,
}

/// The weight of a term in a page, 1 to 14.
fn weight(c: Count) -> u8 {
    c.body.min(5) + if c.title { 6 } else { 0 } + if c.meta { 3 } else { 0 }
}

/// A term while counting: CJK terms (one or two characters) packed in an
/// integer, which hashes and compares faster than text; words as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key<'a> {
    /// First character << 21 | second character (0 for one character).
    Cjk(u64),
    /// A word.
    Word(&'a str),
}

impl<'a> Key<'a> {
    #[cfg(test)]
    fn of(term: &'a str) -> Self {
        let mut cs = term.chars();
        match cs.next() {
            Some(c) if class(c) == Class::Cjk => Key::Cjk((u64::from(c) << 21) | cs.next().map_or(0, u64::from)),
            _ => Key::Word(term),
        }
    }
}

/// The text of a packed CJK term.
fn unpack(key: u64) -> String {
    [key >> 21, key & 0x1F_FFFF]
        .into_iter()
        .filter_map(|u| u32::try_from(u).ok().filter(|&u| u != 0).and_then(char::from_u32))
        .collect()
}

/// One share of the terms, filled by one thread.
#[derive(Default)]
struct Part {
    cjk: FxMap<u64, List>,
    words: Postings,
}

impl Part {
    fn push(&mut self, key: Key, page: u32, w: u8) {
        match key {
            Key::Cjk(k) => self.cjk.entry(k).or_default().push(page, w),
            Key::Word(t) => match self.words.get_mut(t) {
                Some(list) => list.push(page, w),
                None => {
                    let mut list = List::default();
                    list.push(page, w);
                    self.words.insert(t.to_string(), list);
                }
            },
        }
    }
}

/// Which of `parts` shares holds `key`.
fn part_of(key: Key, parts: usize) -> usize {
    let h = match key {
        Key::Cjk(k) => k ^ (k >> 21),
        Key::Word(t) => t
            .bytes()
            .fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b))),
    };
    (h % parts as u64) as usize
}

/// Builds the postings of `items`, each made into its document by `doc`
/// one batch at a time (so that only a batch of documents is in memory);
/// index ids are places in `items`. Each document is also given to
/// `each`, whose results come back in the order of `items`.
pub fn build_with<'a, T: Sync, R: Send>(
    items: &[T],
    doc: impl Fn(&T) -> SearchDoc<'a> + Sync,
    each: impl Fn(usize, &SearchDoc<'a>) -> R + Sync,
) -> (Postings, Vec<R>) {
    let shares = rayon::current_num_threads().max(1);
    let mut parts: Vec<Part> = (0..shares).map(|_| Part::default()).collect();
    let mut results = Vec::with_capacity(items.len());
    for (b, batch) in items.chunks(BATCH).enumerate() {
        let (folded, done): (Vec<[String; 3]>, Vec<R>) = batch
            .par_iter()
            .enumerate()
            .map(|(i, item)| {
                let d = doc(item);
                let done = each(b * BATCH + i, &d);
                ([fold(d.title), fold(&d.meta), fold(&d.body)], done)
            })
            .unzip();
        results.extend(done);
        // Each page's terms, already split by the share that stores them.
        let counted: Vec<Vec<Vec<(Key, u8)>>> = folded.par_iter().map(|t| count(t, shares)).collect();
        parts.par_iter_mut().enumerate().for_each(|(p, part)| {
            for (i, terms) in counted.iter().enumerate() {
                let page = u32::try_from(b * BATCH + i).unwrap_or(u32::MAX);
                for &(key, w) in &terms[p] {
                    part.push(key, page, w);
                }
            }
        });
    }
    let mut out = Postings::default();
    for part in parts {
        out.extend(part.words);
        out.extend(part.cjk.into_iter().map(|(k, list)| (unpack(k), list)));
    }
    (out, results)
}

/// Calls `emit` with the key of every term occurrence of folded text `f`:
/// the terms of [`index_terms`], packed as [`Key`]s without making strings.
fn index_keys<'a>(f: &'a str, mut emit: impl FnMut(Key<'a>)) {
    runs(f, |k, run| match k {
        Class::Word => emit(Key::Word(cut_word(run))),
        Class::Cjk => {
            let mut it = run.chars().peekable();
            while let Some(c) = it.next() {
                let first = u64::from(c) << 21;
                emit(Key::Cjk(first));
                if let Some(&n) = it.peek() {
                    emit(Key::Cjk(first | u64::from(n)));
                }
            }
        }
        Class::Other => {}
    });
}

/// The weighted terms of one page's folded title, meta text and body, in
/// `shares` lists by [`part_of`].
fn count<'a>(texts: &'a [String; 3], shares: usize) -> Vec<Vec<(Key<'a>, u8)>> {
    let cap = texts[2].len() / 4 + 64;
    let mut cjk: FxMap<u64, Count> = FxMap::with_capacity_and_hasher(cap, Default::default());
    let mut words: FxMap<&'a str, Count> = FxMap::default();
    let mut each = |text: &'a str, f: fn(&mut Count)| {
        index_keys(text, |key| match key {
            Key::Cjk(k) => f(cjk.entry(k).or_default()),
            Key::Word(w) => f(words.entry(w).or_default()),
        })
    };
    each(&texts[0], |c| c.title = true);
    each(&texts[1], |c| c.meta = true);
    each(&texts[2], |c| c.body = c.body.saturating_add(1));
    let mut out: Vec<Vec<(Key, u8)>> = vec![Vec::with_capacity((cjk.len() + words.len()) / shares + 1); shares];
    let keys = cjk
        .into_iter()
        .map(|(k, c)| (Key::Cjk(k), c))
        .chain(words.into_iter().map(|(w, c)| (Key::Word(w), c)));
    for (key, c) in keys {
        out[part_of(key, shares)].push((key, weight(c)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(title: &'a str, body: &'a str) -> SearchDoc<'a> {
        SearchDoc {
            title,
            body: body.into(),
            ..SearchDoc::default()
        }
    }

    #[test]
    fn encodes_gaps_and_weights() {
        let docs = vec![doc("中暑", "中暑中暑"), doc("其他", "无关"), doc("x", "中暑")];
        let (p, _) = build_with(&docs, |d| d.clone(), |_, _| ());
        assert_eq!(p["中暑"].text(), "0h2a");
        assert_eq!(p["中暑"].count, 2);
        assert_eq!(p["x"].text(), "2f");
        assert_eq!(p["中"].text(), "0h2a");
    }

    #[test]
    fn lists_write_every_gap_and_weight_as_text() {
        let mut list = List::default();
        let mut want = String::new();
        let mut page = 0u32;
        for (i, gap) in [0u32, 1, 7, 8, 9, 10, 127, 128, 99_999, 1 << 20, u32::MAX >> 1]
            .into_iter()
            .enumerate()
        {
            page += gap;
            let w = (i % 14) as u8 + 1;
            list.push(page, w);
            want.push_str(&format!("{gap}{}", char::from(b'a' + w - 1)));
        }
        assert_eq!(list.text(), want);
        assert_eq!(list.text_len(), want.len());
        assert_eq!(list.count, 11);
        let mut out = String::from("x ");
        list.write_text(&mut out);
        assert_eq!(out, format!("x {want}"));
    }

    #[test]
    fn packed_terms_unpack() {
        for t in ["中", "中暑", "𠀀𠀁", "ひら"] {
            let Key::Cjk(k) = Key::of(t) else { panic!("{t}") };
            assert_eq!(unpack(k), t);
        }
        assert_eq!(Key::of("aed"), Key::Word("aed"));
    }

    #[test]
    fn keys_are_the_index_terms() {
        for text in [
            "中暑症状 AED使用，5G基站 pm2.5 ひらがな 한국어 ẞx",
            "a",
            "",
            "中",
            "𠀀𠀁𠀂",
        ] {
            let f = fold(text);
            let mut terms = Vec::new();
            index_terms(&f, |t| terms.push(Key::of(t)));
            let mut keys = Vec::new();
            index_keys(&f, |k| keys.push(k));
            assert_eq!(keys, terms, "{text}");
        }
    }

    #[test]
    fn counts_are_the_occurrences_of_each_term() {
        let texts = [
            fold("中暑 AED"),
            fold("应急 科普"),
            fold("中暑中暑，暑热。AED 使用 aed 中"),
        ];
        let mut naive: std::collections::HashMap<Key, Count> = Default::default();
        index_keys(&texts[0], |k| naive.entry(k).or_default().title = true);
        index_keys(&texts[1], |k| naive.entry(k).or_default().meta = true);
        index_keys(&texts[2], |k| {
            let c = naive.entry(k).or_default();
            c.body = c.body.saturating_add(1);
        });
        let mut want: Vec<(Key, u8)> = naive.into_iter().map(|(k, c)| (k, weight(c))).collect();
        let mut got: Vec<(Key, u8)> = count(&texts, 3).into_iter().flatten().collect();
        let order = |a: &(Key, u8), b: &(Key, u8)| format!("{:?}", a.0).cmp(&format!("{:?}", b.0));
        want.sort_by(order);
        got.sort_by(order);
        assert_eq!(got, want);
        assert!(got.contains(&(Key::of("暑"), 6 + 3)), "{got:?}");
    }

    #[test]
    fn weights_are_bounded() {
        let many = Count {
            body: 200,
            title: true,
            meta: true,
        };
        assert_eq!(weight(many), 14);
    }
}
