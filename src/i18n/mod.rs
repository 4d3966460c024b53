//! The message catalogue: every message kepu prints, in Chinese and
//! English, looked up by id.
//!
//! A site whose `language` is `zh-*` reads Chinese; `--lang en` or
//! `KEPU_LANG=en` (or a site in another language) reads English. Messages
//! take their arguments as `{0}`, `{1}` …; file paths, keys and values are
//! passed in as written.
//!
//! Code that finds a problem names its message with [`text!`]: a [`Text`]
//! (an id and its arguments) that reads English until the command that
//! prints it knows the site's language and calls [`Said::localize`]. A
//! [`Said`] is what messages are stored as: text that remembers the
//! catalogue entry it came from, if any.

mod catalogue;
mod said;

pub use said::{Arg, Said, Text};

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

/// The message `id` in `lang`, with `{0}`, `{1}` … replaced by `args`.
/// An unknown id comes back as itself (the catalogue test catches it).
pub fn t(lang: Lang, id: &str, args: &[&str]) -> String {
    let Some((zh, en)) = catalogue::lookup(id) else {
        return id.to_string();
    };
    fill(
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        },
        args,
    )
}

/// `template` with `{0}`, `{1}` … replaced by `args`, in one pass (an
/// argument that itself holds `{1}` is left as written).
fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + args.iter().map(|a| a.len()).sum::<usize>());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let index = after[..digits].parse::<usize>().ok();
        match (index, after.as_bytes().get(digits)) {
            (Some(i), Some(b'}')) if i < args.len() => {
                out.push_str(args[i]);
                rest = &after[digits + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every id of the catalogue (for tests).
pub fn ids() -> impl Iterator<Item = &'static str> {
    catalogue::all().map(|(k, _, _)| *k)
}

/// A message of the catalogue with its arguments:
/// `text!("type.text", key)`. Arguments are anything
/// [`Arg`] takes: text, numbers, paths' display, or another [`Said`] or
/// [`Text`] (which is then translated too).
#[macro_export]
macro_rules! text {
    ($id:literal $(, $arg:expr)* $(,)?) => {
        $crate::i18n::Text::new($id, vec![$($crate::i18n::Arg::arg(&$arg)),*])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_take_the_same_arguments() {
        for (id, zh, en) in catalogue::all() {
            for i in 0..6 {
                let p = format!("{{{i}}}");
                assert_eq!(zh.contains(&p), en.contains(&p), "{id}: {p}");
            }
            assert!(!zh.is_empty() && !en.is_empty(), "{id}");
            assert_ne!(zh, en, "{id} is translated");
        }
        let mut seen = std::collections::HashSet::new();
        assert!(ids().all(|id| seen.insert(id)), "ids are unique");
    }

    /// Every `text!("id"` and `t(…, "id"` in the sources names an entry.
    #[test]
    fn every_id_used_is_in_the_catalogue() {
        let known: std::collections::HashSet<&str> = ids().collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut missing = Vec::new();
        for entry in walkdir::WalkDir::new(&root).into_iter().flatten() {
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let src = std::fs::read_to_string(entry.path()).unwrap_or_default();
            for marker in ["text!(\"", "t(lang, \"", "t(env.lang, \"", "t(self.lang, \""] {
                for (at, _) in src.match_indices(marker) {
                    let rest = &src[at + marker.len()..];
                    let id = &rest[..rest.find('"').unwrap_or(0)];
                    if !id.is_empty() && !known.contains(id) && id != "id" {
                        missing.push(format!("{}: {id}", entry.path().display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "not in the catalogue: {missing:#?}");
    }

    /// Every entry of the catalogue is used somewhere in the sources.
    #[test]
    fn every_entry_is_used() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut sources = String::new();
        for entry in walkdir::WalkDir::new(&root).into_iter().flatten() {
            let p = entry.path();
            if p.extension().is_some_and(|e| e == "rs") && !p.components().any(|c| c.as_os_str() == "catalogue") {
                sources.push_str(&std::fs::read_to_string(p).unwrap_or_default());
            }
        }
        let unused: Vec<&str> = ids().filter(|id| !sources.contains(&format!("\"{id}\""))).collect();
        assert!(unused.is_empty(), "entries no code uses: {unused:?}");
    }

    #[test]
    fn languages_from_tags() {
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(t(Lang::Zh, "type.text", &["title"]), "title 应为一行文字");
        assert_eq!(t(Lang::En, "type.text", &["title"]), "title should be one line of text");
    }

    #[test]
    fn arguments_are_filled_once() {
        assert_eq!(fill("{0} and {1}", &["{1}", "b"]), "{1} and b");
        assert_eq!(fill("{x} {0} {", &["a"]), "{x} a {");
        assert_eq!(fill("{3}", &["a"]), "{3}");
    }
}
