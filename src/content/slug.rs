//! URL slugs that stay readable for Chinese titles and file names.
//!
//! [`slugify`] walks the input once, character by character:
//! 1. Full-width ASCII (`ＡＢＣ１２３`) is folded to ASCII, the ideographic
//!    space to a plain space.
//! 2. ASCII letters are lowercased and kept, digits are kept.
//! 3. A run of Han characters is read by words: the longest word (two to
//!    four characters) of the word table that starts here takes its reading
//!    (`重庆` → `chong-qing`, `银行` → `yin-hang`); any other character
//!    takes its first reading. Each syllable is a word of its own; `ü` is
//!    written `v` (`绿` → `lv`). The table (`pinyin/words.tsv`) holds the
//!    CC-CEDICT words, as the chinese_dictionary crate ships them, whose
//!    reading differs from their characters' first readings; it is made by
//!    `tools/gen-pinyin-words`.
//! 4. A Latin letter with a diacritic loses it where that is simple (`é` → `e`,
//!    `ß` → `ss`).
//! 5. Anything else is a separator: each run of separators becomes one `-`,
//!    and none is left at either end.

use std::collections::HashMap;
use std::sync::OnceLock;

use pinyin::ToPinyin;

/// Word → space-separated toneless syllables, one per character.
fn words() -> &'static HashMap<&'static str, &'static str> {
    static WORDS: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("pinyin/words.tsv")
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .collect()
    })
}

/// The longest word of the table (up to four characters) at the start of
/// `chars`, with its syllables.
fn word_at(chars: &[char]) -> Option<(usize, &'static str)> {
    let table = words();
    (2..=chars.len().min(4)).rev().find_map(|n| {
        let w: String = chars[..n].iter().collect();
        table.get(w.as_str()).map(|r| (n, *r))
    })
}

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
    let chars: Vec<char> = s.chars().map(fold_full_width).collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c.is_ascii_alphanumeric() {
            push_word_char(&mut out, &mut pending_sep, c.to_ascii_lowercase());
        } else if pinyin_of(c).is_some()
            && let Some((n, reading)) = word_at(&chars[i - 1..])
        {
            for syllable in reading.split(' ') {
                if !out.is_empty() {
                    out.push('-');
                }
                push_syllable(&mut out, syllable);
            }
            i += n - 1;
            pending_sep = true;
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
pub(crate) fn fold_full_width(c: char) -> char {
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

#[cfg(test)]
mod polyphones {
    use super::slugify;

    /// Words and phrases whose characters have more than one reading, read as
    /// the word reads.
    const TABLE: &[(&str, &str)] = &[
        ("重庆", "chong-qing"),
        ("长江", "chang-jiang"),
        ("银行", "yin-hang"),
        ("音乐", "yin-yue"),
        ("重阳节", "chong-yang-jie"),
        ("长寿", "chang-shou"),
        ("还是", "hai-shi"),
        ("朝阳", "zhao-yang"),
        ("行人", "xing-ren"),
        ("重新", "chong-xin"),
        ("重要", "zhong-yao"),
        ("长大", "zhang-da"),
        ("校长", "xiao-zhang"),
        ("成长", "cheng-zhang"),
        ("快乐", "kuai-le"),
        ("行业", "hang-ye"),
        ("行走", "xing-zou"),
        ("银行卡", "yin-hang-ka"),
        ("自行车", "zi-xing-che"),
        ("还款", "huan-kuan"),
        ("归还", "gui-huan"),
        ("朝代", "chao-dai"),
        ("调查", "diao-cha"),
        ("空调", "kong-tiao"),
        ("调整", "tiao-zheng"),
        ("传说", "chuan-shuo"),
        ("传记", "zhuan-ji"),
        ("睡觉", "shui-jiao"),
        ("觉得", "jue-de"),
        ("数学", "shu-xue"),
        ("数据", "shu-ju"),
        ("参加", "can-jia"),
        ("人参", "ren-shen"),
        ("处理", "chu-li"),
        ("好处", "hao-chu"),
        ("应该", "ying-gai"),
        ("应急", "ying-ji"),
        ("着火", "zhao-huo"),
        ("看着", "kan-zhe"),
        ("角色", "jue-se"),
        ("长度", "chang-du"),
        ("降落", "jiang-luo"),
        ("投降", "tou-xiang"),
        ("中暑", "zhong-shu"),
        ("中国", "zhong-guo"),
        ("了解", "liao-jie"),
        ("便宜", "pian-yi"),
        ("方便", "fang-bian"),
        ("血液", "xue-ye"),
        ("地方", "di-fang"),
        ("目的地", "mu-di-di"),
        ("的确", "di-que"),
        ("大夫", "dai-fu"),
        ("差不多", "cha-bu-duo"),
        ("出差", "chu-chai"),
        ("暴雨预警", "bao-yu-yu-jing"),
        ("防溺水", "fang-ni-shui"),
        ("重庆市永川区", "chong-qing-shi-yong-chuan-qu"),
        ("长江边的银行", "chang-jiang-bian-de-yin-hang"),
    ];

    #[test]
    fn polyphones_read_by_word() {
        let wrong: Vec<String> = TABLE
            .iter()
            .filter(|(w, want)| slugify(w) != *want)
            .map(|(w, want)| format!("{w}: {} (want {want})", slugify(w)))
            .collect();
        assert!(TABLE.len() >= 50);
        assert!(wrong.is_empty(), "{wrong:#?}");
    }
}
