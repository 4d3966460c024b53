//! Counting Han characters and words, and the reading time they add up to.
//!
//! 1. [`classify`] tells, for each character of the plain text, whether it
//!    is Han (each counts on its own) or part of a word (a run of other
//!    letters and digits); the text collector counts as it goes.
//! 2. [`reading_time`] adds the two reading speeds up and rounds up to whole
//!    minutes, at least one.

/// Whether `c` is a Han character: CJK Unified Ideographs with extensions A
/// to H, the compatibility ideographs (and their supplement) and `〇`.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{3007}'
        | '\u{20000}'..='\u{323AF}')
}

/// Punctuation frequent in Chinese text, answered without a Unicode table.
fn is_common_punctuation(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '《'
            | '》'
            | '【'
            | '】'
            | '—'
            | '…'
            | '·'
    )
}

/// What a character counts as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CharKind {
    /// A Han character, read on its own.
    Han,
    /// Part of a word (a letter or digit that is not Han).
    Word,
    /// Whitespace.
    Space,
    /// Punctuation and symbols.
    Other,
}

/// Classifies one character for the counts (Han first: it is the most
/// common non-ASCII character here).
pub(crate) fn classify(c: char) -> CharKind {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            CharKind::Word
        } else if c.is_whitespace() {
            CharKind::Space
        } else {
            CharKind::Other
        }
    } else if is_han(c) {
        CharKind::Han
    } else if is_common_punctuation(c) {
        CharKind::Other
    } else if c.is_whitespace() {
        CharKind::Space
    } else if c.is_alphanumeric() {
        CharKind::Word
    } else {
        CharKind::Other
    }
}

/// Minutes to read `han` Han characters and `words` words:
/// `ceil(han / han_per_minute + words / words_per_minute)`, at least 1.
/// A speed of 0 is taken as 1.
pub(crate) fn reading_time(han: usize, words: usize, han_per_minute: u32, words_per_minute: u32) -> u32 {
    let hpm = u128::from(han_per_minute.max(1));
    let wpm = u128::from(words_per_minute.max(1));
    // han/hpm + words/wpm = (han*wpm + words*hpm) / (hpm*wpm), rounded up.
    let num = han as u128 * wpm + words as u128 * hpm;
    let minutes = num.div_ceil(hpm * wpm);
    u32::try_from(minutes).unwrap_or(u32::MAX).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_characters() {
        let kinds: Vec<_> = "科a1，é豈𠀀〇 -\u{3000}\t".chars().map(classify).collect();
        use CharKind::*;
        assert_eq!(
            kinds,
            [Han, Word, Word, Other, Word, Han, Han, Han, Space, Other, Space, Space]
        );
    }

    #[test]
    fn pure_chinese_reading_time() {
        assert_eq!(reading_time(400, 0, 400, 200), 1);
        assert_eq!(reading_time(401, 0, 400, 200), 2);
        assert_eq!(reading_time(1200, 0, 400, 200), 3);
    }

    #[test]
    fn pure_english_reading_time() {
        assert_eq!(reading_time(0, 200, 400, 200), 1);
        assert_eq!(reading_time(0, 1000, 400, 200), 5);
        assert_eq!(reading_time(0, 1001, 400, 200), 6);
    }

    #[test]
    fn mixed_and_minimum() {
        // 600/400 + 100/200 = 1.5 + 0.5 = 2 exactly.
        assert_eq!(reading_time(600, 100, 400, 200), 2);
        assert_eq!(reading_time(601, 100, 400, 200), 3);
        assert_eq!(reading_time(0, 0, 400, 200), 1);
        assert_eq!(reading_time(5, 5, 0, 0), 10);
    }
}
