//! The YAML parser's words for a front-matter mistake, put as an editor
//! would say them: an unknown key with the nearest known one and only the
//! keys this page's kind takes; a wrong type in plain words ("title 应为一行
//! 文字"), never a Rust type name.

use crate::i18n::{Lang, Text, t};

use crate::kinds::Kind;

/// Keys every page takes.
const COMMON: &[&str] = &[
    "title",
    "date",
    "updated",
    "draft",
    "summary",
    "slug",
    "weight",
    "tags",
    "categories",
    "towns",
    "authors",
    "editor",
    "source",
    "cover",
    "template",
    "aliases",
    "extra",
    "search",
    "description",
];

/// Keys only a section's `_index.md` takes.
const SECTION: &[&str] = &["sort_by", "paginate_by"];

/// Every key a page of `kind` (or a section) takes.
pub fn keys_of(kind: Kind, section: bool) -> Vec<&'static str> {
    let mut v: Vec<&str> = COMMON.to_vec();
    if section {
        v.extend_from_slice(SECTION);
    } else {
        v.extend_from_slice(kind.spec().keys);
    }
    v
}

/// A parser message made plain, with a hint; `None` when it is not one of
/// the mistakes this knows.
pub fn explain(message: &str, lang: Lang) -> Option<(String, String)> {
    // Keys of the page are sorted out before the parser sees them; what it
    // finds unknown is a key inside a map value (`location: {alt: 1}`).
    if let Some((path, rest)) = message.split_once(": unknown field '") {
        let key = rest.split('\'').next().unwrap_or("");
        let known: Vec<&str> = rest
            .split_once("expected")
            .map(|(_, list)| list.split('\'').skip(1).step_by(2).collect())
            .unwrap_or_default();
        let message = crate::text!("key.unknown_in", path, key);
        let hint = crate::text!("key.unknown_in.help", path, known.join(", "));
        return Some((message.in_lang(lang), hint.in_lang(lang)));
    }
    let plain = plain_type(message)?;
    Some((plain.in_lang(lang), t(lang, "type.help", &[])))
}

/// The message and hint for `key`, which a page of `kind` (or a section)
/// does not take: the nearest key it takes, and the list of them.
pub fn unknown_key(key: &str, kind: Kind, section: bool) -> (Text, Text) {
    let keys = keys_of(kind, section);
    let nearest = nearest_key(key, kind, section);
    let list = keys.join(", ");
    let hint = match nearest {
        Some(n) => crate::text!("key.unknown.suggest", n, kind.said(), list),
        None => crate::text!("key.unknown.list", kind.said(), list),
    };
    (crate::text!("key.unknown", key), hint)
}

/// The key a page of `kind` (or a section) takes that is nearest to
/// `key`, if one is near enough to be what the editor meant.
pub fn nearest_key(key: &str, kind: Kind, section: bool) -> Option<&'static str> {
    keys_of(kind, section)
        .into_iter()
        .map(|k| (strsim::damerau_levenshtein(k, key), k))
        .min()
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .map(|(_, k)| k)
}

/// The parser's "KEY: wrong type: …, expected TYPE" in plain words
/// ("title should be one line of text"); `None` for other messages.
pub fn plain_type(message: &str) -> Option<Text> {
    let (key, rest) = message.split_once(": wrong type: ")?;
    let key = key.rsplit(": ").next().unwrap_or(key).trim_start_matches("wrong type");
    if rest.contains("expected a string") {
        Some(crate::text!("type.text", key))
    } else if rest.contains("expected a sequence") {
        Some(crate::text!("type.list", key))
    } else if rest.contains("expected a boolean") {
        Some(crate::text!("type.yesno", key))
    } else if rest.contains("expected u")
        || rest.contains("expected i")
        || rest.contains("expected f")
        || rest.contains("integer")
    {
        Some(crate::text!("type.number", key))
    } else if rest.contains("expected struct") || rest.contains("expected a map") {
        Some(crate::text!("type.map", key))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_key_of_this_kind_only() {
        let said = |key: &str, kind: Kind, lang: Lang| {
            let (m, h) = unknown_key(key, kind, false);
            (m.in_lang(lang), h.in_lang(lang))
        };
        let (m, h) = said("tag", Kind::Article, Lang::Zh);
        assert_eq!(m, "不认识的键 'tag'");
        assert!(h.starts_with("是不是 'tags'？"), "{h}");
        assert!(!h.contains("hazard"), "an article's keys only: {h}");
        let (_, h) = said("levle", Kind::Emergency, Lang::En);
        assert!(h.starts_with("did you mean 'level'?"), "{h}");
        assert!(h.contains("hazard") && !h.contains("medium"), "{h}");
        let (_, h) = said("xyzzy", Kind::Column, Lang::En);
        assert!(!h.contains("did you mean"), "{h}");
    }

    #[test]
    fn every_key_a_kind_takes_is_offered() {
        // A board's poster sheet, and 责任编辑 and 来源 on any page, are
        // keys the parser takes: the help names them too.
        let hint = |key: &str, kind: Kind| unknown_key(key, kind, false).1.in_lang(Lang::En);
        let h = hint("postr", Kind::Board);
        assert!(h.starts_with("did you mean 'poster'?"), "{h}");
        let h = hint("edtor", Kind::Article);
        assert!(h.starts_with("did you mean 'editor'?"), "{h}");
        let h = hint("sourse", Kind::Column);
        assert!(h.starts_with("did you mean 'source'?"), "{h}");
    }

    #[test]
    fn a_key_inside_a_map_value_is_named_with_its_map_and_the_keys_it_takes() {
        let msg = "location: unknown field 'alt', expected 'lat' or 'lng'";
        let (m, h) = explain(msg, Lang::Zh).unwrap();
        assert_eq!(m, "location 里没有 'alt' 这个键");
        assert_eq!(h, "location 可用的键：lat, lng");
        let (m, h) = explain(msg, Lang::En).unwrap();
        assert_eq!(m, "'alt' is not a key of location");
        assert_eq!(h, "the keys of location: lat, lng");
    }

    #[test]
    fn types_in_plain_words() {
        let (m, _) = explain("title: wrong type: sequence, expected a string", Lang::Zh).unwrap();
        assert_eq!(m, "title 应为一行文字");
        let (m, _) = explain("tags: wrong type: string \"a\", expected a sequence", Lang::En).unwrap();
        assert_eq!(m, "tags should be a list, like [a, b]");
        let (m, _) = explain("draft: wrong type: string \"yes please\", expected a boolean", Lang::Zh).unwrap();
        assert!(!m.contains("bool"), "{m}");
    }
}
