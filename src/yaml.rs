//! The one place that parses YAML.
//!
//! 1. [`from_str`] deserializes a document into a typed value and turns a
//!    parse or type error into a position and a message without the
//!    position suffix the parser appends.
//!    Flow collections nested deeper than [`MAX_FLOW_DEPTH`] are refused
//!    before parsing ([`too_deep`]): the parser checks every open level
//!    for each token, so 100,000 `[` would take minutes to refuse.
//! 2. [`locate_key`] finds where a key stands in the text, so checks done
//!    after deserializing can still point at a line and column.

use serde::de::DeserializeOwned;

use crate::i18n::Said;

/// A YAML error at a 1-based line and column of the parsed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YamlError {
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) message: Said,
}

/// Parses `src` into `T`.
pub(crate) fn from_str<T: DeserializeOwned>(src: &str) -> Result<T, YamlError> {
    from_str_with(src, |de| T::deserialize(de))
}

/// Parses `src` with `read`, which is handed the parser, as [`from_str`]
/// does.
pub(crate) fn from_str_with<T>(
    src: &str,
    read: impl FnOnce(yaml_serde::Deserializer<'_>) -> Result<T, yaml_serde::Error>,
) -> Result<T, YamlError> {
    // An empty document is an empty mapping, not `null`.
    let src = if src.trim().is_empty() { "{}" } else { src };
    if let Some(at) = too_deep(src) {
        let (line, column) = line_col_at(src, at);
        return Err(YamlError {
            line,
            column,
            message: too_deep_message(),
        });
    }
    read(yaml_serde::Deserializer::from_str(src)).map_err(|e| {
        // From the byte index, not the parser's own line count: YAML also
        // breaks lines at U+0085, U+2028 and U+2029, editors do not.
        let (line, column) = e.location().map(|l| line_col_at(src, l.index())).unwrap_or((1, 1));
        YamlError {
            line,
            column,
            message: clean_message(&e.to_string()),
        }
    })
}

/// Parses `src` into a JSON value (for free-form data such as `extra` or `data/`).
pub(crate) fn to_json(src: &str) -> Result<serde_json::Value, YamlError> {
    from_str::<serde_json::Value>(src)
}

fn too_deep_message() -> Said {
    crate::text!("yaml.too_deep").into()
}

/// Flow nesting (`[` and `{`) refused before parsing. The parser refuses
/// more than 128 levels of any kind anyway; this only keeps the parser from
/// spending quadratic time on a document it would refuse.
const MAX_FLOW_DEPTH: usize = 200;

/// The byte offset where flow collections first nest deeper than
/// [`MAX_FLOW_DEPTH`], if they do. A rough scan: it skips quoted strings,
/// comments and block scalars (`|`, `>`), and counts `[` and `{` only where
/// a value can start (or anywhere inside a flow collection).
fn too_deep(src: &str) -> Option<usize> {
    if src.bytes().filter(|&b| b == b'[' || b == b'{').count() <= MAX_FLOW_DEPTH {
        return None;
    }
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut block: Option<usize> = None;
    let mut line_start = 0;
    for line in src.split_inclusive('\n') {
        let b = line.as_bytes();
        let indent = b.iter().take_while(|&&c| c == b' ').count();
        if let Some(bi) = block {
            if line.trim().is_empty() || indent > bi {
                line_start += line.len();
                continue;
            }
            block = None;
        }
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            let value_start =
                i == 0 || matches!(b[i - 1], b' ' | b'\t') || (depth > 0 && matches!(b[i - 1], b'[' | b'{' | b','));
            match (quote, c) {
                (Some(b'"'), b'\\') => i += 1,
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, b'#') if value_start => break,
                (None, b'"' | b'\'') if value_start => quote = Some(c),
                (None, b'[' | b'{') if depth > 0 || value_start => {
                    depth += 1;
                    if depth > MAX_FLOW_DEPTH {
                        return Some(line_start + i);
                    }
                }
                (None, b']' | b'}') => depth = depth.saturating_sub(1),
                _ => {}
            }
            i += 1;
        }
        if depth == 0 && quote.is_none() {
            let body = line.split(" #").next().unwrap_or("").trim_end();
            let indicator = body.trim_end_matches(|c: char| c == '-' || c == '+' || c.is_ascii_digit());
            if (indicator.ends_with(" |") || indicator.ends_with(" >") || indicator == "|" || indicator == ">")
                && body.len() - indicator.len() <= 2
            {
                block = Some(indent);
            }
        }
        line_start += line.len();
    }
    None
}

/// The 1-based line (counting `\n` only) and column (in characters) of byte `index`.
fn line_col_at(src: &str, index: usize) -> (usize, usize) {
    let mut index = index.min(src.len());
    while !src.is_char_boundary(index) {
        index -= 1;
    }
    let before = &src[..index];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// `msg` without the parser's own " at line N column M" notes (its line
/// numbers count YAML-only line breaks; the diagnostic has the right ones).
fn drop_positions(msg: &str) -> String {
    let mut out = String::with_capacity(msg.len());
    let mut rest = msg;
    while let Some(i) = rest.find(" at line ") {
        out.push_str(&rest[..i]);
        let after = &rest[i + " at line ".len()..];
        let skip_num = |s: &str| s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let after_line = &after[after.len() - skip_num(after)..];
        match after_line.strip_prefix(" column ") {
            Some(col) if after_line.len() < after.len() => rest = &col[col.len() - skip_num(col)..],
            _ => {
                out.push_str(" at line ");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn clean_message(msg: &str) -> Said {
    let msg = match msg.rfind(" at line ") {
        Some(i) if msg[i..].contains(" column ") => &msg[..i],
        _ => msg,
    };
    let msg = drop_positions(msg).replace("invalid type: ", "wrong type: ");
    // The parser's guards against alias bombs and deep nesting, in words.
    match msg.as_str() {
        "repetition limit exceeded" => crate::text!("yaml.aliases").into(),
        "recursion limit exceeded" => too_deep_message(),
        // serde's "<field>: <message>" prefix from nested paths is kept; it names the key.
        _ => known_mistake(&msg.replace('`', "'")),
    }
}

/// The parser's words for a missing or unknown key or value, as a
/// catalogue message (the English reads as the parser wrote it); other
/// messages as written.
fn known_mistake(msg: &str) -> Said {
    let (at, rest) = match msg.split_once(": ") {
        Some((at, rest)) if !at.contains(' ') && !at.is_empty() => (Some(at), rest),
        _ => (None, msg),
    };
    // An item of a top-level list (`.[3]`, a row of `data/plan.yaml`):
    // the line shown says which, an index would only puzzle.
    let at = at.filter(|a| {
        a.strip_prefix(".[")
            .and_then(|r| r.strip_suffix(']'))
            .is_none_or(|n| !n.bytes().all(|b| b.is_ascii_digit()))
    });
    let quoted = |s: &str, prefix: &str| -> Option<(String, String)> {
        let s = s.strip_prefix(prefix)?;
        let (name, tail) = s.split_once('\'')?;
        Some((name.to_string(), tail.to_string()))
    };
    if let Some((key, tail)) = quoted(rest, "unknown field '")
        && let Some(list) = tail.strip_prefix(", expected one of ")
    {
        return match at {
            Some(at) => crate::text!("yaml.unknown_field.in", at, key, list).into(),
            None => crate::text!("yaml.unknown_field", key, list).into(),
        };
    }
    if let Some((value, tail)) = quoted(rest, "unknown variant '")
        && let Some(list) = tail.strip_prefix(", expected one of ")
    {
        return match at {
            Some(at) => crate::text!("yaml.unknown_value.in", at, value, list).into(),
            None => crate::text!("yaml.unknown_value", value, list).into(),
        };
    }
    if let Some((key, tail)) = quoted(rest, "missing field '")
        && tail.is_empty()
    {
        return match at {
            Some(at) => crate::text!("yaml.missing_field.in", at, key).into(),
            None => crate::text!("yaml.missing_field", key).into(),
        };
    }
    crate::text!("yaml.parser", msg).into()
}

/// Finds the line and column (1-based) of `key:` under the chain of parent
/// keys `path` (e.g. `["footer", "contact"]`); falls back to the parent's
/// position, then to line 1.
pub(crate) fn locate_key(src: &str, path: &[&str]) -> (usize, usize) {
    let mut best = (1, 1);
    let mut min_indent: Option<usize> = None;
    let mut start_line = 0;
    for key in path {
        let mut found = None;
        for (i, line) in src.lines().enumerate().skip(start_line) {
            let trimmed = line.trim_start();
            let indent = line.len() - trimmed.len();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if let Some(min) = min_indent
                && indent <= min
                && i > start_line
            {
                break;
            }
            if min_indent.is_none() && indent > 0 {
                continue;
            }
            let body = trimmed.trim_start_matches("- ").trim_start_matches('{').trim_start();
            if let Some(pos) = find_key_in_line(body, key) {
                let col = line.len() - body.len() + pos;
                found = Some((i, indent, col));
                break;
            }
        }
        match found {
            Some((i, indent, col)) => {
                best = (i + 1, line_col(src.lines().nth(i).unwrap_or(""), col));
                min_indent = Some(indent);
                start_line = i;
            }
            None => break,
        }
    }
    best
}

fn find_key_in_line(body: &str, key: &str) -> Option<usize> {
    // An empty key (`"": x`) is found nowhere: searching for it would not
    // advance.
    if key.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(off) = body[from..].find(key) {
        let at = from + off;
        let before_ok = at == 0 || matches!(body.as_bytes()[at - 1], b' ' | b'{' | b',' | b'"' | b'\'');
        let rest = body[at + key.len()..].trim_start_matches(['"', '\'']);
        if before_ok && rest.trim_start().starts_with(':') {
            return Some(at);
        }
        from = at + key.len();
    }
    None
}

fn line_col(line: &str, byte_col: usize) -> usize {
    line.get(..byte_col).map(|s| s.chars().count()).unwrap_or(byte_col) + 1
}

/// Finds the first line at or after `from_line` (1-based) that contains
/// `needle`, returning its 1-based line and column.
pub(crate) fn locate_text(src: &str, needle: &str, from_line: usize) -> Option<(usize, usize)> {
    src.lines()
        .enumerate()
        .skip(from_line.saturating_sub(1))
        .find_map(|(i, line)| line.find(needle).map(|c| (i + 1, line_col(line, c))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[test]
    fn an_empty_key_is_located_at_the_start_without_searching() {
        assert_eq!(locate_key("\"\": 1\nb: 2\n", &[""]), (1, 1));
        assert_eq!(find_key_in_line("a: 1", ""), None);
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        title: String,
        #[serde(default)]
        n: u32,
    }

    #[test]
    fn unknown_key_has_position_and_clean_message() {
        let e = from_str::<T>("title: a\ntitel: b\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("unknown field 'titel'"), "{}", e.message);
        assert!(!e.message.contains("at line"), "{}", e.message);
    }

    #[test]
    fn yaml_only_line_breaks_do_not_shift_lines() {
        // Found by fuzzing (front_matter): U+0085 is a line break to YAML.
        let e = from_str::<T>("'a:\u{85}|\u{85}\n").unwrap_err();
        assert_eq!(e.line, 2, "{e:?}");
        let e = from_str::<T>("title: a\u{2028}b\nn: x\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 1), "{e:?}");
        assert!(!e.message.contains("line 3"), "{e:?}");
    }

    #[test]
    fn deep_flow_nesting_is_refused_before_parsing() {
        let deep = format!("a: 1\nb: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let start = std::time::Instant::now();
        let e = from_str::<serde_json::Value>(&deep).unwrap_err();
        assert!(start.elapsed() < std::time::Duration::from_secs(2));
        assert_eq!((e.line, e.column), (2, 4 + MAX_FLOW_DEPTH), "{e:?}");
        assert_eq!(e.message, too_deep_message());
        assert_eq!(e.message.id(), Some("yaml.too_deep"));
        // Brackets in quotes, comments, block scalars and plain text are not nesting.
        let many = "[".repeat(300);
        let fine = format!(
            "a: \"{many}\"\nb: '{many}'\nc: x{many}\n# {many}\nd: |\n  {many}\n  more\ne: [1, [2, {{f: 3}}]]\n"
        );
        assert!(too_deep(&fine).is_none());
        assert!(from_str::<serde_json::Value>(&fine).is_ok());
    }

    #[test]
    fn the_parsers_words_for_common_mistakes_are_in_the_catalogue() {
        use crate::i18n::Lang;
        let cases = [
            (
                "title: a\nbase_url: x\nfooter:\n  icp: 1\n",
                "footer: unknown field 'icp', expected one of 'icp_beian', 'gongan_beian', 'site_code', 'contact'",
                "footer 下不认识的键 'icp'，可用的键：'icp_beian', 'gongan_beian', 'site_code', 'contact'",
            ),
            ("base_url: x\n", "missing field 'title'", "缺少必填的键 'title'"),
            (
                "title: a\nbase_url: x\nmarkdown: { raw_html: nope }\n",
                "markdown.raw_html: unknown variant 'nope', expected one of 'allow', 'escape', 'sanitize'",
                "markdown.raw_html 的值 'nope' 不可用，可选：'allow', 'escape', 'sanitize'",
            ),
            (
                "title: a: b\n",
                "mapping values are not allowed in this context",
                "这里的 YAML 写得不对：mapping values are not allowed in this context",
            ),
        ];
        for (src, en, zh) in cases {
            let e = from_str::<crate::config::SiteConfig>(src).unwrap_err();
            assert_eq!(e.message, en);
            assert_eq!(e.message.in_lang(Lang::Zh), zh);
        }
    }

    /// An item of a top-level list is shown by its line, not named `.[1]`;
    /// a deeper path keeps its name.
    #[test]
    fn a_top_level_list_item_is_not_named_by_its_index() {
        let e = from_str::<Vec<crate::config::Town>>("- id: a\n  name: b\n- id: c\n  nam: d\n").unwrap_err();
        assert_eq!((e.line, e.column), (4, 3));
        assert_eq!(
            e.message,
            "unknown field 'nam', expected one of 'id', 'name', 'kind', 'communities', 'population'"
        );
        let e = from_str::<crate::config::SiteConfig>("title: a\nbase_url: x\ntowns:\n  - { id: a, nam: b }\n")
            .unwrap_err();
        assert!(e.message.starts_with("towns[0]: unknown field 'nam'"), "{}", e.message);
    }

    #[test]
    fn wrong_type_is_reported() {
        let e = from_str::<T>("title: a\nn: many\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("n: "), "{}", e.message);
    }

    #[test]
    fn locates_nested_keys() {
        let src = "title: x\nfooter:\n  icp: 1\n  contact: 2\ncontact: 3\n";
        assert_eq!(locate_key(src, &["footer", "contact"]), (4, 3));
        assert_eq!(locate_key(src, &["contact"]), (5, 1));
        assert_eq!(locate_key(src, &["missing"]), (1, 1));
    }

    #[test]
    fn locates_keys_in_flow_maps_and_lists() {
        let src = "towns:\n  - { id: a, name: 仙龙镇 }\n  - id: b\n";
        assert_eq!(locate_key(src, &["towns", "name"]), (2, 14));
        assert_eq!(locate_text(src, "id: b", 1), Some((3, 5)));
    }
}
