//! Byte offsets to 1-based line and column numbers.
//!
//! 1. [`Locator`] turns an offset in the original source into a line and a
//!    column counted in characters; its index of line starts is built on the
//!    first question only, so bodies without links or errors never pay for it.
//! 2. [`SourceMap`] records each shortcode replacement, so an offset in the
//!    expanded text can be mapped back to the original source.
//! 3. [`Positions`] puts the two together: expanded offset to original line
//!    and column.

use std::cell::{Cell, OnceCell};

/// Finds line and column numbers in one source text.
pub(crate) struct Locator<'s> {
    src: &'s str,
    line_starts: OnceCell<Vec<usize>>,
    /// The last answer (offset, column): questions come mostly in source
    /// order, so counting on from there keeps a long line with many links
    /// linear instead of quadratic.
    last: Cell<(usize, usize)>,
}

impl<'s> Locator<'s> {
    /// A locator for `src`.
    pub(crate) fn new(src: &'s str) -> Self {
        Self {
            src,
            line_starts: OnceCell::new(),
            last: Cell::new((usize::MAX, 0)),
        }
    }

    /// The 1-based line and column (in characters) of byte `offset`.
    pub(crate) fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.src.len());
        while !self.src.is_char_boundary(offset) {
            offset -= 1;
        }
        let starts = self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(self.src.match_indices('\n').map(|(i, _)| i + 1));
            starts
        });
        let line = starts.partition_point(|&s| s <= offset);
        let start = starts[line - 1];
        let (last_offset, last_column) = self.last.get();
        let column = if (start..=offset).contains(&last_offset) {
            last_column + self.src[last_offset..offset].chars().count()
        } else {
            self.src[start..offset].chars().count() + 1
        };
        self.last.set((offset, column));
        (line, column)
    }
}

/// One replacement: `orig_len` bytes at `orig_start` became `exp_len` bytes
/// at `exp_start`.
#[derive(Debug, Clone, Copy)]
struct Edit {
    exp_start: usize,
    exp_len: usize,
    orig_start: usize,
    orig_len: usize,
}

/// Maps offsets in the expanded text back to the original source.
#[derive(Debug, Default)]
pub(crate) struct SourceMap {
    edits: Vec<Edit>,
}

impl SourceMap {
    /// Records a replacement; replacements must be recorded in order.
    pub(crate) fn push(&mut self, exp_start: usize, exp_len: usize, orig: std::ops::Range<usize>) {
        self.edits.push(Edit {
            exp_start,
            exp_len,
            orig_start: orig.start,
            orig_len: orig.end - orig.start,
        });
    }

    /// The original offset of expanded offset `off`; an offset inside a
    /// replacement maps to the start of what it replaced.
    pub(crate) fn to_original(&self, off: usize) -> usize {
        let idx = self.edits.partition_point(|e| e.exp_start <= off);
        let Some(e) = idx.checked_sub(1).and_then(|i| self.edits.get(i)) else {
            return off;
        };
        let exp_end = e.exp_start + e.exp_len;
        if off < exp_end {
            e.orig_start
        } else {
            off - exp_end + e.orig_start + e.orig_len
        }
    }
}

/// Line and column in the original source of offsets in the expanded text.
pub(crate) struct Positions<'s> {
    pub(crate) locator: Locator<'s>,
    pub(crate) map: SourceMap,
}

impl Positions<'_> {
    /// The 1-based line and column of expanded offset `off`.
    pub(crate) fn line_col(&self, off: usize) -> (usize, usize) {
        self.locator.line_col(self.map.to_original(off))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_char_columns() {
        let loc = Locator::new("ab\n科普x\n\nz");
        assert_eq!(loc.line_col(0), (1, 1));
        assert_eq!(loc.line_col(2), (1, 3));
        assert_eq!(loc.line_col(3), (2, 1));
        // "科普" is 6 bytes; x is the third character.
        assert_eq!(loc.line_col(9), (2, 3));
        assert_eq!(loc.line_col(11), (3, 1));
        assert_eq!(loc.line_col(12), (4, 1));
        // Past the end and inside a character are clamped.
        assert_eq!(loc.line_col(100), (4, 2));
        assert_eq!(loc.line_col(4), (2, 1));
    }

    #[test]
    fn source_map_round_trip() {
        // "aa{{ x() }}bb" -> "aaPbb" where P is 1 byte replacing 9.
        let mut map = SourceMap::default();
        map.push(2, 1, 2..11);
        assert_eq!(map.to_original(0), 0);
        assert_eq!(map.to_original(2), 2);
        assert_eq!(map.to_original(3), 11);
        assert_eq!(map.to_original(4), 12);
        map.push(10, 5, 20..22);
        assert_eq!(map.to_original(9), 17);
        assert_eq!(map.to_original(12), 20);
        assert_eq!(map.to_original(15), 22);
    }
}
