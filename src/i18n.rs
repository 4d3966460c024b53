//! The message catalogue: every message of the editor-facing checks in
//! Chinese and English, looked up by id.
//!
//! A site whose `language` is `zh-*` reads Chinese; `--lang en` or
//! `KEPU_LANG=en` (or a site in another language) reads English. Messages
//! take their arguments as `{0}`, `{1}` …; file paths, keys and values are
//! passed in as written.

/// The language messages are printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// 中文.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Parses `zh`, `zh-CN`, `en`, `en-US` … (case-insensitive).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s == "zh" || s.starts_with("zh-") || s.starts_with("zh_") {
            Some(Lang::Zh)
        } else if s == "en" || s.starts_with("en-") || s.starts_with("en_") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language for a site whose `language` is `site_language`:
    /// `KEPU_LANG` first, then Chinese for `zh-*`, else English.
    pub fn for_site(site_language: &str) -> Lang {
        std::env::var("KEPU_LANG")
            .ok()
            .and_then(|v| Lang::parse(&v))
            .unwrap_or_else(|| Lang::parse(site_language).unwrap_or(Lang::En))
    }
}

/// (id, 中文, English).
const CATALOGUE: &[(&str, &str, &str)] = &[
    (
        "yaml.tab",
        "这一行用制表符（Tab）缩进，front matter 只认空格",
        "this line is indented with a tab; front matter needs spaces",
    ),
    (
        "yaml.tab.help",
        "把行首的制表符换成空格（每级两个空格）",
        "replace the tab at the start of the line with spaces (two per level)",
    ),
    (
        "yaml.colon",
        "键 '{0}' 后面是全角冒号“：”，应为半角冒号“:”",
        "the key '{0}' is followed by a full-width colon '：'; YAML needs the half-width ':'",
    ),
    (
        "yaml.colon.help",
        "把“：”改成半角的“: ”（冒号后加一个空格）：{0}: …",
        "write ': ' (half-width colon and a space): {0}: …",
    ),
    (
        "yaml.comma",
        "列表中用了全角逗号“，”，“{0}”会被当成一项；应为半角逗号“,”",
        "a full-width comma '，' in a list makes '{0}' one item; YAML needs the half-width ','",
    ),
    (
        "yaml.comma.help",
        "把“，”改成半角的“, ”：[{0}]",
        "write ', ' between the items: [{0}]",
    ),
    (
        "yaml.brackets",
        "'{0}' 是列表，应写在半角方括号“[ ]”里，不是“【】”",
        "'{0}' is a list: write it in half-width brackets '[ ]', not '【】'",
    ),
    ("yaml.brackets.help", "改成：{0}: [{1}]", "write: {0}: [{1}]"),
    (
        "yaml.quotes",
        "'{0}' 的值用了全角引号“”，引号会成为文字的一部分；需要引号时用半角的 \"\"",
        "the value of '{0}' is wrapped in full-width quotes “”, which become part of the text; use half-width \"\" when quotes are needed",
    ),
    (
        "yaml.quotes.help",
        "改成：{0}: \"{1}\"，或去掉引号",
        "write: {0}: \"{1}\", or drop the quotes",
    ),
    ("key.unknown", "不认识的键 '{0}'", "unknown key '{0}'"),
    (
        "key.unknown.suggest",
        "是不是 '{0}'？{1}可用的键：{2}",
        "did you mean '{0}'? Keys of this kind of page ({1}): {2}",
    ),
    (
        "key.unknown.list",
        "{0}可用的键：{1}",
        "keys of this kind of page ({0}): {1}",
    ),
    ("type.text", "{0} 应为一行文字", "{0} should be one line of text"),
    (
        "type.list",
        "{0} 应为列表，如 [甲, 乙]",
        "{0} should be a list, like [a, b]",
    ),
    ("type.number", "{0} 应为数字", "{0} should be a number"),
    ("type.yesno", "{0} 应为 true 或 false", "{0} should be true or false"),
    (
        "type.map",
        "{0} 应为若干“键: 值”",
        "{0} should be a set of 'key: value' lines",
    ),
    (
        "type.help",
        "检查 '---' 之间的 front matter",
        "check the front matter between the '---' lines",
    ),
    (
        "term.same_address",
        "{0} '{1}' 和 '{2}' 的拼音相同，会共用地址 /{0}/{3}/：'{1}' 改发布在 /{0}/{4}/",
        "{0} '{1}' and '{2}' would share the address /{0}/{3}/: '{1}' is published at /{0}/{4}/",
    ),
    (
        "term.same_address.help",
        "如果两者是同一个词，请写成同样的字",
        "if they are the same term, write them the same way",
    ),
];

/// The message `id` in `lang`, with `{0}`, `{1}` … replaced by `args`.
/// An unknown id comes back as itself (the catalogue test catches it).
pub fn t(lang: Lang, id: &str, args: &[&str]) -> String {
    let Some((_, zh, en)) = CATALOGUE.iter().find(|(k, _, _)| *k == id) else {
        return id.to_string();
    };
    let mut out = match lang {
        Lang::Zh => (*zh).to_string(),
        Lang::En => (*en).to_string(),
    };
    for (i, a) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), a);
    }
    out
}

/// Every id of the catalogue (for tests).
pub fn ids() -> impl Iterator<Item = &'static str> {
    CATALOGUE.iter().map(|(k, _, _)| *k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_take_the_same_arguments() {
        for (id, zh, en) in CATALOGUE {
            for i in 0..4 {
                let p = format!("{{{i}}}");
                assert_eq!(zh.contains(&p), en.contains(&p), "{id}: {p}");
            }
            assert!(!zh.is_empty() && !en.is_empty(), "{id}");
            assert_ne!(zh, en, "{id} is translated");
        }
        let mut seen = std::collections::HashSet::new();
        assert!(ids().all(|id| seen.insert(id)), "ids are unique");
    }

    #[test]
    fn languages_from_tags() {
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(t(Lang::Zh, "type.text", &["title"]), "title 应为一行文字");
        assert_eq!(t(Lang::En, "type.text", &["title"]), "title should be one line of text");
    }
}
