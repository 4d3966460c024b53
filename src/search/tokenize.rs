//! The one tokenizer of the search index and of queries.
//!
//! `themes/default/static/js/search.js` reproduces it character for
//! character; `tests/fixtures/search-tokens.json` holds the expected tokens
//! of sample strings, and both the Rust and the JS tokenizer are tested
//! against it, so the two sides cannot drift apart.
//!
//! 1. [`fold`] each character: full-width ASCII to ASCII, the ideographic
//!    space to a space, capitals to small letters (ASCII, Latin-1, Greek).
//! 2. [`class`] sorts folded characters into CJK (Han, kana, Hangul), word
//!    characters (Latin letters, digits, Greek) and the rest, which only
//!    separates.
//! 3. A run of word characters is one word (a `.` between two digits stays
//!    inside: `pm2.5`), cut to [`MAX_WORD`] characters.
//! 4. A run of CJK characters gives every pair of neighbours (bigrams) and,
//!    for the index, every character alone ([`index_terms`]).
//! 5. A query ([`query_terms`]) uses the same runs: a CJK run of one
//!    character looks that character up, a longer run its bigrams; a word of
//!    [`PREFIX_MIN`] or more characters also matches longer words it starts.

/// Words are cut to this many characters, in the index and in queries.
pub const MAX_WORD: usize = 32;

/// Query words of at least this many characters match as prefixes; index
/// words are sharded by this many leading characters so that a prefix finds
/// all its words in one shard.
pub const PREFIX_MIN: usize = 3;

/// Queries look up at most this many distinct terms.
pub const MAX_QUERY_TERMS: usize = 12;

/// What a folded character is to the tokenizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Han, kana or Hangul: indexed by bigrams.
    Cjk,
    /// Latin letter, digit or Greek letter: part of a word.
    Word,
    /// Anything else: a separator.
    Other,
}

/// Folds one character (see the module steps).
pub fn fold_char(c: char) -> char {
    let u = c as u32;
    let folded = match u {
        0xFF01..=0xFF5E => u - 0xFEE0,
        0x3000 => 0x20,
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0x391..=0x3A9 if u != 0x3A2 => u + 0x20,
        _ => u,
    };
    // ASCII capitals, and full-width ones now folded to ASCII, to small.
    let folded = match folded {
        0x41..=0x5A => folded + 0x20,
        _ => folded,
    };
    char::from_u32(folded).unwrap_or(c)
}

/// Folds every character of `text`.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// The class of a folded character.
pub fn class(c: char) -> Class {
    match c as u32 {
        0x61..=0x7A | 0x30..=0x39 => Class::Word,
        0xDF..=0xFF if c != '\u{F7}' => Class::Word,
        0x100..=0x24F | 0x3B1..=0x3C9 => Class::Word,
        0x4E00..=0x9FFF
        | 0x3400..=0x4DBF
        | 0xF900..=0xFAFF
        | 0x3007
        | 0x20000..=0x323AF
        | 0x3041..=0x309F
        | 0x30A0..=0x30FF
        | 0xAC00..=0xD7AF => Class::Cjk,
        _ => Class::Other,
    }
}

/// Calls `emit` with each run of CJK or word characters of folded text `f`.
pub fn runs<'a>(f: &'a str, mut emit: impl FnMut(Class, &'a str)) {
    let mut current: Option<(Class, usize)> = None;
    let mut prev = '\0';
    let mut chars = f.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut k = class(c);
        if c == '.'
            && prev.is_ascii_digit()
            && matches!(current, Some((Class::Word, _)))
            && chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit())
        {
            k = Class::Word;
        }
        match current {
            Some((cur, start)) if cur != k => {
                emit(cur, &f[start..i]);
                current = (k != Class::Other).then_some((k, i));
            }
            None if k != Class::Other => current = Some((k, i)),
            _ => {}
        }
        prev = c;
    }
    if let Some((cur, start)) = current {
        emit(cur, &f[start..]);
    }
}

/// `word` cut to [`MAX_WORD`] characters.
pub fn cut_word(word: &str) -> &str {
    crate::markdown::char_prefix(word, MAX_WORD)
}

/// Calls `emit` with every term occurrence of folded text `f`, for the
/// index: each word, each CJK character and each CJK bigram.
pub fn index_terms<'a>(f: &'a str, mut emit: impl FnMut(&'a str)) {
    runs(f, |k, run| match k {
        Class::Word => emit(cut_word(run)),
        Class::Cjk => {
            let mut it = run.char_indices().peekable();
            while let Some((i, c)) = it.next() {
                let end = i + c.len_utf8();
                emit(&run[i..end]);
                if let Some(&(_, n)) = it.peek() {
                    emit(&run[i..end + n.len_utf8()]);
                }
            }
        }
        Class::Other => {}
    });
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryTerm {
    /// The folded term.
    pub text: String,
    /// Whether it also matches index words that start with it.
    pub prefix: bool,
}

/// The terms a query looks up: distinct, in order, at most
/// [`MAX_QUERY_TERMS`].
pub fn query_terms(query: &str) -> Vec<QueryTerm> {
    let f = fold(query);
    let mut out: Vec<QueryTerm> = Vec::new();
    let mut push = |text: &str, prefix: bool| {
        if out.len() < MAX_QUERY_TERMS && !out.iter().any(|t| t.text == text) {
            out.push(QueryTerm {
                text: text.to_string(),
                prefix,
            });
        }
    };
    runs(&f, |k, run| match k {
        Class::Word => {
            let w = cut_word(run);
            push(w, w.chars().count() >= PREFIX_MIN);
        }
        Class::Cjk => {
            let chars: Vec<(usize, char)> = run.char_indices().collect();
            if chars.len() == 1 {
                push(run, false);
            }
            for pair in chars.windows(2) {
                let (i, _) = pair[0];
                let (j, c) = pair[1];
                push(&run[i..j + c.len_utf8()], false);
            }
        }
        Class::Other => {}
    });
    out
}

/// Whether a folded term is a word (else CJK).
pub fn is_word(term: &str) -> bool {
    term.chars().next().is_some_and(|c| class(c) == Class::Word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(s: &str) -> Vec<String> {
        let f = fold(s);
        let mut v = Vec::new();
        index_terms(&f, |t| v.push(t.to_string()));
        v
    }

    fn query(s: &str) -> Vec<String> {
        query_terms(s)
            .into_iter()
            .map(|t| if t.prefix { format!("{}*", t.text) } else { t.text })
            .collect()
    }

    #[test]
    fn bigrams_and_characters() {
        assert_eq!(index("中暑症状"), ["中", "中暑", "暑", "暑症", "症", "症状", "状"]);
        assert_eq!(query("中暑"), ["中暑"]);
        assert_eq!(query("中暑症状"), ["中暑", "暑症", "症状"]);
        assert_eq!(query("暑"), ["暑"]);
    }

    #[test]
    fn words_fold_and_split() {
        assert_eq!(
            index("ＡＥＤ使用，5G基站"),
            ["aed", "使", "使用", "用", "5g", "基", "基站", "站"]
        );
        assert_eq!(query("AED 使用"), ["aed*", "使用"]);
        assert_eq!(query("PM2.5 浓度"), ["pm2.5*", "浓度"]);
        assert_eq!(index("v1.2. 3.x"), ["v1.2", "3", "x"]);
        assert_eq!(query("Ｂｅｉｄｏｕ"), ["beidou*"]);
    }

    #[test]
    fn long_words_are_cut() {
        let w = "a".repeat(40);
        assert_eq!(index(&w), ["a".repeat(MAX_WORD)]);
    }

    #[test]
    fn queries_are_bounded_and_distinct() {
        assert_eq!(query("中暑 中暑 ai ai"), ["中暑", "ai"]);
        assert_eq!(
            query_terms(&"甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳".repeat(3)).len(),
            MAX_QUERY_TERMS
        );
        assert!(query("，。！ ").is_empty());
    }
}
