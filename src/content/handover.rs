//! Strings a build takes out of the library, each handed once to the one
//! stage that needs it whole and freed there.
//!
//! A build renders every output once and ends, so it need not hold every
//! page's whole text until the search index is done, nor every page's
//! body HTML until the last list is rendered: the index takes each text as
//! it folds the page, each page job its body. `serve` and `check` render
//! again from the library and hand nothing over.

use std::sync::Mutex;

use super::PageId;

/// Strings taken out of a library by page id, as a build renders its
/// Markdown (each page's whole text, each page's body HTML), each taken
/// once by the stage that needs it.
///
/// The pages come in runs of consecutive ids. The strings of a run share
/// one buffer, sized to fit and, when that saves memory, compressed
/// ([`Run::pack`]) until the first of them is taken; it is then held open
/// until the last is taken, and freed. A page's own string is freed right
/// after its run is rendered, so its room serves the next run instead of
/// staying behind between strings that live on; and a buffer, once freed,
/// is room of one piece for what comes next.
#[derive(Debug, Default)]
pub struct Handover {
    /// Pages in each run: run `i` holds pages `i * run ..`.
    run: usize,
    runs: Vec<Mutex<Run>>,
}

/// A run's buffer.
#[derive(Debug)]
enum Buffer {
    /// Being filled, not worth compressing, or opened by the first string
    /// taken.
    Open(String),
    /// Compressed (an LZ4 block), with the length of its text.
    Packed(Vec<u8>, usize),
    /// Every string taken (or none in the run).
    Gone,
}

/// One run's strings: the buffer, and the place in it of each page's
/// string not yet taken.
#[derive(Debug)]
pub struct Run {
    buffer: Buffer,
    pages: Vec<(PageId, usize, usize)>,
}

impl Default for Run {
    fn default() -> Self {
        Run {
            buffer: Buffer::Open(String::new()),
            pages: Vec::new(),
        }
    }
}

impl Run {
    /// Adds page `id`'s string `text` (to a run not yet packed).
    pub fn push(&mut self, id: PageId, text: &str) {
        if let Buffer::Open(buffer) = &mut self.buffer {
            let start = buffer.len();
            buffer.push_str(text);
            self.pages.push((id, start, buffer.len()));
        }
    }

    /// Done filling: compresses the run's strings (LZ4, quick to open
    /// again) when that saves at least an eighth, else gives back the
    /// room the buffer did not use.
    pub fn pack(&mut self) {
        let Buffer::Open(text) = &mut self.buffer else {
            return;
        };
        if self.pages.is_empty() {
            self.buffer = Buffer::Gone;
            return;
        }
        let mut packed = lz4_flex::block::compress(text.as_bytes());
        if packed.len() < text.len() - text.len() / 8 {
            packed.shrink_to_fit();
            self.buffer = Buffer::Packed(packed, text.len());
        } else {
            text.shrink_to_fit();
        }
    }
}

impl Handover {
    /// The strings of `runs`, run `i` holding those of pages `i * run`
    /// up to `(i + 1) * run`.
    pub fn new(run: usize, runs: Vec<Run>) -> Self {
        let runs = runs
            .into_iter()
            .map(|mut r| {
                if r.pages.is_empty() {
                    r.buffer = Buffer::Gone;
                }
                Mutex::new(r)
            })
            .collect();
        Handover { run: run.max(1), runs }
    }

    /// Page `id`'s string, if it was taken out and nobody had it yet; it
    /// is the caller's from now on, and its run's buffer is freed with the
    /// last of its strings.
    pub fn take(&self, id: PageId) -> Option<String> {
        let mut run = self.runs.get(id / self.run)?.lock().unwrap_or_else(|e| e.into_inner());
        let at = run.pages.iter().position(|&(p, _, _)| p == id)?;
        let (_, start, end) = run.pages.swap_remove(at);
        if let Buffer::Packed(bytes, len) = &run.buffer {
            let opened = lz4_flex::block::decompress(bytes, *len)
                .ok()
                .and_then(|b| String::from_utf8(b).ok());
            // A block packed in this build opens.
            debug_assert!(opened.is_some(), "a run handed over did not open");
            run.buffer = opened.map_or(Buffer::Gone, Buffer::Open);
        }
        let text = match &run.buffer {
            Buffer::Open(t) => t.get(start..end).map(str::to_string),
            _ => None,
        };
        if run.pages.is_empty() {
            *run = Run {
                buffer: Buffer::Gone,
                pages: Vec::new(),
            };
        }
        text
    }

    /// Whether every string was taken and every buffer freed.
    pub fn all_taken(&self) -> bool {
        self.runs
            .iter()
            .all(|r| matches!(r.lock().unwrap_or_else(|e| e.into_inner()).buffer, Buffer::Gone))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_taken_once_and_their_run_freed_with_the_last() {
        let mut a = Run::default();
        a.push(0, "中暑");
        a.push(2, "防汛");
        a.pack();
        let mut b = Run::default();
        b.push(3, &"地震".repeat(100));
        b.push(4, &"台风".repeat(100));
        b.pack();
        assert!(matches!(b.buffer, Buffer::Packed(..)));
        let texts = Handover::new(3, vec![a, b, Run::default()]);
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
