//! Writes the word table of kepu's slugs (src/content/pinyin/words.tsv):
//! every 2- to 4-character word of CC-CEDICT, as the chinese_dictionary
//! crate ships it, whose toneless reading differs from the first reading of
//! its characters (the `pinyin` crate's). A common-word reading wins over a
//! proper name's (lowercase before uppercase pinyin), and on a tie the
//! characters' own reading wins, so the table is the same on every run.
//!
//! Run: `CEDICT_DATA=$CARGO_HOME/registry/src/<index>/chinese_dictionary-2.1.8/data
//! cargo run --release > ../../src/content/pinyin/words.tsv`

use std::collections::HashMap;
use pinyin::ToPinyin;
#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct MeasureWord { traditional: String, simplified: String, pinyin_marks: String, pinyin_numbers: String }
#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct WordEntry { traditional: String, simplified: String, pinyin_marks: String, pinyin_numbers: String, english: Vec<String>, tone_marks: Vec<u8>, hash: u64, measure_words: Vec<MeasureWord>, hsk: u8, word_id: u32 }
fn plain(numbers: &str) -> Option<Vec<String>> {
    numbers.split(' ').map(|s| {
        let s = s.to_lowercase().replace("u:", "v");
        let s: String = s.chars().filter(|c| c.is_ascii_alphabetic()).collect();
        if s.is_empty() { None } else { Some(s) }
    }).collect()
}
fn main() {
    let data: HashMap<u32, WordEntry> =
        bincode::deserialize(include_bytes!(concat!(env!("CEDICT_DATA"), "/data.dictionary"))).unwrap();
    // Word → (preference key, reading); the smallest key wins:
    // 1. a common word's reading (lowercase pinyin) before a proper name's;
    // 2. a word of the HSK lists before one that is not;
    // 3. a reading of its own before the characters' first readings (a
    //    word is in the dictionary for the way it reads);
    // 4. the reading's spelling, so that every run writes the same table.
    let mut best: HashMap<String, ((u8, u8, u8, String), String)> = HashMap::new();
    for e in data.values() {
        let w = &e.simplified;
        let n = w.chars().count();
        if !(2..=4).contains(&n) || !w.chars().all(|c| c.to_pinyin().is_some()) {
            continue;
        }
        // Verb + 着 (穿着, 引着, 点着) reads zhe in running text far more often
        // than as the dictionary's word: only the common words keep theirs.
        if n == 2 && w.ends_with('着') && e.hsk == 0 {
            continue;
        }
        let Some(p) = plain(&e.pinyin_numbers) else { continue };
        if p.len() != n {
            continue;
        }
        let proper = u8::from(e.pinyin_numbers.chars().next().is_some_and(|c| c.is_uppercase()));
        let default: Vec<String> = w.chars().map(|c| c.to_pinyin().unwrap().plain().replace('ü', "v")).collect();
        let joined = p.join(" ");
        let key = (proper, u8::from(e.hsk == 0), u8::from(default == p), joined.clone());
        let reading = if default == p { String::new() } else { joined };
        match best.get(w) {
            Some((k, _)) if *k <= key => {}
            _ => {
                best.insert(w.clone(), (key, reading));
            }
        }
    }
    let mut rows: Vec<_> = best.into_iter().filter(|(_, (_, r))| !r.is_empty()).map(|(w, (_, r))| (w, r)).collect();
    rows.sort();
    for (w, r) in rows {
        // Erhua (一会儿 yi hui r) reads badly in a URL: the characters' own reading does better.
        if r.split(' ').any(|s| s == "r") {
            continue;
        }
        println!("{w}\t{r}");
    }
}
