//! The one place that parses YAML.
//!
//! 1. [`from_str`] deserializes a document into a typed value and turns a
//!    parse or type error into a position and a message without the
//!    position suffix the parser appends.
//! 2. [`locate_key`] finds where a key stands in the text, so checks done
//!    after deserializing can still point at a line and column.

use serde::de::DeserializeOwned;

/// A YAML error at a 1-based line and column of the parsed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YamlError {
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) message: String,
}

/// Parses `src` into `T`.
pub(crate) fn from_str<T: DeserializeOwned>(src: &str) -> Result<T, YamlError> {
    // An empty document is an empty mapping, not `null`.
    let src = if src.trim().is_empty() { "{}" } else { src };
    serde_yaml::from_str(src).map_err(|e| {
        let (line, column) = e.location().map(|l| (l.line(), l.column())).unwrap_or((1, 1));
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

fn clean_message(msg: &str) -> String {
    let msg = match msg.rfind(" at line ") {
        Some(i) if msg[i..].contains(" column ") => &msg[..i],
        _ => msg,
    };
    let msg = msg.replace("invalid type: ", "wrong type: ");
    // serde's "<field>: <message>" prefix from nested paths is kept; it names the key.
    msg.replace('`', "'")
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
