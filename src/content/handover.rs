//! Strings a build takes out of the library, each handed once to the one
//! stage that needs it whole and freed there.
//!
//! A build renders every output once and ends, so it need not hold every
//! page's whole text until the search index is done, nor every page's
//! body HTML until the last list is rendered: the index takes each text as
//! it folds the page, each page job its body. `serve` and `check` render
//! again from the library and hand nothing over.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::PageId;

/// Strings taken out of a library by page id, as a build renders its
/// Markdown (each page's whole text, each page's body HTML), each taken
/// once by the stage that needs it.
///
/// The strings of a run of pages share one buffer, sized to fit and, when
/// that saves memory, compressed ([`Run::pack`]) until the first of them
/// is taken; it is then held open until the last is taken, and freed. A page's own string is freed
/// right after its run is rendered, so its room serves the next run
/// instead of staying behind between strings that live on; and a buffer,
/// once freed, is room of one piece for what comes next.
#[derive(Debug, Default)]
pub struct Handover {
    runs: Vec<Mutex<Buffer>>,
    /// Strings of each run not yet taken.
    left: Vec<AtomicUsize>,
    /// By page id: the run and the place of its string in it.
    spans: Vec<Option<Span>>,
    taken: Vec<AtomicBool>,
}

#[derive(Debug, Clone, Copy)]
struct Span {
    run: usize,
    start: usize,
    end: usize,
}

/// A run's buffer in a [`Handover`].
#[derive(Debug, Default)]
enum Buffer {
    /// Compressed (an LZ4 block), with the length of its text.
    Packed(Vec<u8>, usize),
    /// Not compressed, or opened by the first string taken; kept for the
    /// others.
    Open(String),
    /// Every string taken (or none in the run).
    #[default]
    Gone,
}

/// One run's strings while a build renders: the buffer, and each page's
/// place in it.
#[derive(Debug, Default)]
pub struct Run {
    text: String,
    pages: Vec<(PageId, usize, usize)>,
    packed: Option<(Vec<u8>, usize)>,
}

impl Run {
    /// A run with room for `bytes`.
    pub fn with_capacity(bytes: usize) -> Self {
        Run {
            text: String::with_capacity(bytes),
            pages: Vec::new(),
            packed: None,
        }
    }

    /// Compresses the run's strings (LZ4, quick to open again) when that
    /// saves at least an eighth. Nothing is pushed after.
    pub fn pack(&mut self) {
        let mut packed = lz4_flex::block::compress(self.text.as_bytes());
        if packed.len() < self.text.len() - self.text.len() / 8 {
            packed.shrink_to_fit();
            self.packed = Some((packed, self.text.len()));
            self.text = String::new();
        }
    }

    /// Adds page `id`'s string `text`.
    pub fn push(&mut self, id: PageId, text: &str) {
        let start = self.text.len();
        self.text.push_str(text);
        self.pages.push((id, start, self.text.len()));
    }
}

impl Handover {
    /// The strings of `runs`, for a library of `pages` pages.
    pub fn new(pages: usize, runs: Vec<Run>) -> Self {
        let mut spans = vec![None; pages];
        let mut left = Vec::with_capacity(runs.len());
        let mut buffers = Vec::with_capacity(runs.len());
        for (run, r) in runs.into_iter().enumerate() {
            for &(id, start, end) in &r.pages {
                if let Some(slot) = spans.get_mut(id) {
                    *slot = Some(Span { run, start, end });
                }
            }
            left.push(AtomicUsize::new(r.pages.len()));
            let buffer = match r.packed {
                _ if r.pages.is_empty() => Buffer::Gone,
                Some((bytes, len)) => Buffer::Packed(bytes, len),
                None => Buffer::Open(r.text),
            };
            buffers.push(Mutex::new(buffer));
        }
        Handover {
            runs: buffers,
            left,
            taken: (0..pages).map(|_| AtomicBool::new(false)).collect(),
            spans,
        }
    }

    /// Page `id`'s string, if it was taken out and nobody had it yet; it
    /// is the caller's from now on, and its run's buffer is freed with the
    /// last of its strings.
    pub fn take(&self, id: PageId) -> Option<String> {
        let span = (*self.spans.get(id)?)?;
        if self.taken.get(id)?.swap(true, Ordering::AcqRel) {
            return None;
        }
        let mut run = self.runs.get(span.run)?.lock().unwrap_or_else(|e| e.into_inner());
        if let Buffer::Packed(bytes, len) = &*run {
            let opened = lz4_flex::block::decompress(bytes, *len)
                .ok()
                .and_then(|b| String::from_utf8(b).ok());
            // A block packed in this build opens.
            debug_assert!(opened.is_some(), "a run handed over did not open");
            *run = opened.map_or(Buffer::Gone, Buffer::Open);
        }
        let text = match &*run {
            Buffer::Open(t) => t.get(span.start..span.end).map(str::to_string),
            _ => None,
        };
        if self.left.get(span.run)?.fetch_sub(1, Ordering::AcqRel) == 1 {
            *run = Buffer::Gone;
        }
        text
    }

    /// Whether every string was taken and every buffer freed.
    pub fn all_taken(&self) -> bool {
        self.runs
            .iter()
            .all(|r| matches!(*r.lock().unwrap_or_else(|e| e.into_inner()), Buffer::Gone))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_taken_once_and_their_run_freed_with_the_last() {
        let mut a = Run::with_capacity(16);
        a.push(0, "中暑");
        a.push(2, "防汛");
        let mut b = Run::with_capacity(0);
        b.push(3, &"地震".repeat(100));
        b.push(4, &"台风".repeat(100));
        b.pack();
        assert!(b.packed.is_some() && b.text.is_empty());
        let texts = Handover::new(5, vec![a, b, Run::default()]);
        assert_eq!(texts.take(1), None);
        assert_eq!(texts.take(2).as_deref(), Some("防汛"));
        assert_eq!(texts.take(2), None);
        assert!(!texts.all_taken());
        assert_eq!(texts.take(4), Some("台风".repeat(100)));
        assert_eq!(texts.take(4), None);
        assert_eq!(texts.take(3), Some("地震".repeat(100)));
        assert_eq!(texts.take(0).as_deref(), Some("中暑"));
        assert_eq!(texts.take(9), None);
        assert!(texts.all_taken());
    }
}
