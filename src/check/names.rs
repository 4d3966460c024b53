//! Names written empty: `source: ""`, `address: ""`, a staff member with
//! `name: ""` … Each is an error at the key's line, so that an empty value
//! never passes for a filled-in one (an empty staff member would otherwise
//! count as staff on the dashboard).

use std::path::Path;

use crate::content::front_matter::FrontMatter;
use crate::error::Diagnostic;
use crate::i18n::Text;

/// The errors for the names of `fm` that are empty. `yaml` is the front
/// matter as written, from line `yaml_line` of the file shown as `shown`.
pub fn empty_names(fm: &FrontMatter, yaml: &str, yaml_line: usize, shown: &Path) -> Vec<Diagnostic> {
    let mut fields: Vec<(&str, Option<&str>, Text)> = vec![
        ("source", fm.source.as_deref(), crate::text!("site_checks.what_source")),
        ("editor", fm.editor.as_deref(), crate::text!("site_checks.what_editor")),
    ];
    fields.extend(fm.fields.names());
    let mut out = Vec::new();
    let at = |(line, column): (usize, usize), message: Text, hint: Text| {
        let source = yaml.lines().nth(line.saturating_sub(1)).map(str::to_string);
        Diagnostic::error(shown, line + yaml_line - 1, column, message)
            .with_hint(hint)
            .with_source(source)
    };
    for (key, value, what) in fields {
        if value.is_some_and(is_blank) {
            out.push(at(
                crate::yaml::locate_key(yaml, &[key]),
                crate::text!("site_checks.empty_value", key, what),
                crate::text!("site_checks.empty_value_help", what),
            ));
        }
    }
    if fm.authors.iter().any(|a| is_blank(a)) {
        let what = crate::text!("site_checks.what_author");
        out.push(at(
            crate::yaml::locate_key(yaml, &["authors"]),
            crate::text!("site_checks.empty_item", "authors", what),
            crate::text!("site_checks.empty_item_help"),
        ));
    }
    for item in fm.fields.blank_items() {
        out.push(at(
            nth_key_under(yaml, item.list, item.key, item.index),
            item.message,
            item.hint,
        ));
    }
    out
}

fn is_blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// The line and column (1-based) of the `n`-th (0-based) `key:` inside
/// the block of the top-level key `parent` (block or flow style); the
/// parent's own place when it cannot be found.
fn nth_key_under(yaml: &str, parent: &str, key: &str, n: usize) -> (usize, usize) {
    let start = crate::yaml::locate_key(yaml, &[parent]);
    let lines: Vec<&str> = yaml.lines().collect();
    let Some(first) = lines.get(start.0 - 1) else {
        return start;
    };
    let indent = |l: &str| l.len() - l.trim_start().len();
    let parent_indent = indent(first);
    let mut seen = 0;
    for (i, line) in lines.iter().enumerate().skip(start.0 - 1) {
        let t = line.trim_start();
        if i >= start.0 && !t.is_empty() && !t.starts_with('#') && indent(line) <= parent_indent && !t.starts_with('-')
        {
            break;
        }
        let from = if i == start.0 - 1 {
            line.find(':').map_or(0, |c| c + 1)
        } else {
            0
        };
        for at in key_positions(line, key, from) {
            if seen == n {
                return (i + 1, line[..at].chars().count() + 1);
            }
            seen += 1;
        }
    }
    start
}

/// Byte offsets in `line` (at or after `from`) where `key` stands as a key.
fn key_positions(line: &str, key: &str, from: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = from;
    while let Some(off) = line.get(i..).and_then(|rest| rest.find(key)) {
        let at = i + off;
        let before_ok = at == 0 || matches!(line.as_bytes()[at - 1], b' ' | b'{' | b',' | b'-' | b'"' | b'\'');
        let after = line[at + key.len()..].trim_start_matches(['"', '\'']).trim_start();
        if before_ok && after.starts_with(':') {
            let quoted = at > 0 && matches!(line.as_bytes()[at - 1], b'"' | b'\'');
            out.push(if quoted { at - 1 } else { at });
        }
        i = at + key.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_nth_name_in_block_and_flow_lists() {
        let block =
            "title: 站\nstaff:\n  - name: 张三\n    role: 站长\n  - name: \"\"\n    role: 科普员\nhours: 9-17\n";
        assert_eq!(nth_key_under(block, "staff", "name", 1), (5, 5));
        let flow = "staff: [{name: 张三, role: 站长}, { name: '' }]\n";
        assert_eq!(nth_key_under(flow, "staff", "name", 1), (1, 33));
        assert_eq!(nth_key_under(flow, "staff", "name", 5), (1, 1));
    }

    #[test]
    fn empty_and_blank_values_are_errors_filled_ones_are_not() {
        let yaml = "title: 站\naddress: \"  \"\nmaintainer: 仙龙镇科协\nstaff:\n  - { name: \"\", role: 站长 }\nauthors: [张三, \"\"]\n";
        let fm = crate::content::front_matter_read::read(yaml, Some(crate::kinds::Kind::Station)).unwrap();
        let d = empty_names(&fm, yaml, 2, Path::new("content/stations/x.md"));
        let at: Vec<(usize, usize)> = d.iter().map(|d| (d.line, d.column)).collect();
        assert_eq!(at, vec![(3, 1), (7, 1), (6, 7)], "{d:#?}");
        assert_eq!(d[0].source.as_deref().map(String::as_str), Some("address: \"  \""));
    }
}
