//! URL slugs that stay readable for Chinese titles and file names.
//!
//! [`slugify`] walks the input once, character by character:
//! 1. Full-width ASCII (`ＡＢＣ１２３`) is folded to ASCII, the ideographic
//!    space to a plain space.
//! 2. ASCII letters are lowercased and kept, digits are kept.
//! 3. A Han character becomes its toneless pinyin syllable (first reading of
//!    a heteronym), as a word of its own; `ü` is written `v` (`绿` → `lv`).
//! 4. A Latin letter with a diacritic loses it where that is simple (`é` → `e`,
//!    `ß` → `ss`).
//! 5. Anything else is a separator: each run of separators becomes one `-`,
//!    and none is left at either end.

use pinyin::ToPinyin;

/// Turns `s` into a URL slug: lowercase ASCII letters, digits and single `-`
/// between words, with Han characters spelled in toneless pinyin.
///
/// `应急科普知识` → `ying-ji-ke-pu-zhi-shi`, `2026年防汛指南` →
/// `2026-nian-fang-xun-zhi-nan`, `Hello 世界!` → `hello-shi-jie`.
/// Returns an empty string when nothing in `s` can be spelled; the caller
/// decides what to do then.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    // A separator is owed before the next word once something was written.
    let mut pending_sep = false;
    for raw in s.chars() {
        let c = fold_full_width(raw);
        if c.is_ascii_alphanumeric() {
            push_word_char(&mut out, &mut pending_sep, c.to_ascii_lowercase());
        } else if let Some(syllable) = pinyin_of(c) {
            if !out.is_empty() {
                out.push('-');
            }
            push_syllable(&mut out, syllable);
            pending_sep = true;
        } else if let Some(folded) = fold_diacritic(c) {
            for f in folded.chars() {
                push_word_char(&mut out, &mut pending_sep, f);
            }
        } else {
            pending_sep = true;
        }
    }
    out
}

/// Appends one letter or digit of an ASCII word, writing an owed separator first.
fn push_word_char(out: &mut String, pending_sep: &mut bool, c: char) {
    if *pending_sep && !out.is_empty() {
        out.push('-');
    }
    *pending_sep = false;
    out.push(c);
}

/// Appends a pinyin syllable, spelling `ü` as `v`.
fn push_syllable(out: &mut String, syllable: &str) {
    for c in syllable.chars() {
        match c {
            'ü' => out.push('v'),
            c if c.is_ascii_alphabetic() => out.push(c.to_ascii_lowercase()),
            // The plain readings are ASCII apart from `ü`; drop anything else.
            _ => {}
        }
    }
}

/// The toneless pinyin of a Han character (first reading), if it has one.
fn pinyin_of(c: char) -> Option<&'static str> {
    if c.is_ascii() {
        return None;
    }
    c.to_pinyin().map(|p| p.plain())
}

/// Folds full-width ASCII forms (U+FF01..U+FF5E) and the ideographic space.
fn fold_full_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Latin letters with diacritics and their plain spelling (lowercase).
const DIACRITICS: &[(&str, &str)] = &[
    ("àáâãäåāăąǎǻÀÁÂÃÄÅĀĂĄǍǺ", "a"),
    ("çćĉċčÇĆĈĊČ", "c"),
    ("ďđĎĐð", "d"),
    ("èéêëēĕėęěÈÉÊËĒĔĖĘĚ", "e"),
    ("ĝğġģĜĞĠĢ", "g"),
    ("ĥħĤĦ", "h"),
    ("ìíîïĩīĭįıǐÌÍÎÏĨĪĬĮİǏ", "i"),
    ("ĵĴ", "j"),
    ("ķĶ", "k"),
    ("ĺļľŀłĹĻĽĿŁ", "l"),
    ("ñńņňŉÑŃŅŇ", "n"),
    ("òóôõöøōŏőǒÒÓÔÕÖØŌŎŐǑ", "o"),
    ("ŕŗřŔŖŘ", "r"),
    ("śŝşšŚŜŞŠ", "s"),
    ("ţťŧŢŤŦ", "t"),
    ("ùúûüũūŭůűųǔǖǘǚǜÙÚÛÜŨŪŬŮŰŲǓǕǗǙǛ", "u"),
    ("ŵŴ", "w"),
    ("ýÿŷÝŸŶ", "y"),
    ("źżžŹŻŽ", "z"),
    ("ßẞ", "ss"),
    ("æÆ", "ae"),
    ("œŒ", "oe"),
    ("þÞ", "th"),
];

/// The plain spelling of a Latin letter with a diacritic, if it is a simple one.
fn fold_diacritic(c: char) -> Option<&'static str> {
    if c.is_ascii() {
        return None;
    }
    DIACRITICS
        .iter()
        .find(|(set, _)| set.contains(c))
        .map(|(_, plain)| *plain)
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn chinese_becomes_pinyin_words() {
        assert_eq!(slugify("应急科普知识"), "ying-ji-ke-pu-zhi-shi");
        assert_eq!(slugify("2026年防汛指南"), "2026-nian-fang-xun-zhi-nan");
    }

    #[test]
    fn mixed_ascii_and_han() {
        assert_eq!(slugify("Hello 世界!"), "hello-shi-jie");
        assert_eq!(slugify("第3章"), "di-3-zhang");
        assert_eq!(slugify("PM2.5监测"), "pm2-5-jian-ce");
    }

    #[test]
    fn u_umlaut_is_v() {
        assert_eq!(slugify("绿色"), "lv-se");
        assert_eq!(slugify("女性"), "nv-xing");
    }

    #[test]
    fn ascii_rules() {
        assert_eq!(slugify("  Hello,   World -- 2026!  "), "hello-world-2026");
        assert_eq!(slugify("a_b.c/d"), "a-b-c-d");
        assert_eq!(slugify("---"), "");
        assert_eq!(slugify(""), "");
    }

    #[test]
    fn full_width_is_folded() {
        assert_eq!(slugify("ＡＢＣ１２３"), "abc123");
        assert_eq!(slugify("防汛（２０２６）"), "fang-xun-2026");
    }

    #[test]
    fn diacritics_and_other_scripts() {
        assert_eq!(slugify("Café Crème"), "cafe-creme");
        assert_eq!(slugify("Straße"), "strasse");
        assert_eq!(slugify("Привет world"), "world");
        assert_eq!(slugify("😀"), "");
    }

    #[test]
    fn chinese_punctuation_separates() {
        assert_eq!(slugify("科普，知识。"), "ke-pu-zhi-shi");
        assert_eq!(slugify("《指南》a"), "zhi-nan-a");
    }
}
