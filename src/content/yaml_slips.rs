//! Slips of a Chinese input method in front matter, found before the YAML
//! parser sees them: a tab used for indentation, and full-width punctuation
//! where YAML needs ASCII (`：` after a key, `，` between the items of a
//! `[ ]` list, `【】` around a list, `“”` around a value).
//!
//! The scan goes line by line and never looks inside quoted strings or
//! comments; the body after the closing `---` is not given to it.

use crate::i18n::{Lang, t};

/// Keys whose value is a list.
const LIST_KEYS: &[&str] = &[
    "tags",
    "categories",
    "towns",
    "authors",
    "aliases",
    "areas",
    "steps",
    "showing",
    "staff",
    "equipment",
    "boards",
];

/// One slip: where, what and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slip {
    /// 1-based line within the YAML text.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// Every slip in `yaml`, in order.
pub fn slips(yaml: &str, lang: Lang) -> Vec<Slip> {
    let mut out = Vec::new();
    for (i, line) in yaml.lines().enumerate() {
        scan_line(line, i + 1, lang, &mut out);
    }
    out
}

fn scan_line(line: &str, line_no: usize, lang: Lang, out: &mut Vec<Slip>) {
    let indent: Vec<char> = line.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
    if let Some(pos) = indent.iter().position(|c| *c == '\t')
        && !line.trim().is_empty()
    {
        out.push(Slip {
            line: line_no,
            column: pos + 1,
            message: t(lang, "yaml.tab", &[]),
            hint: t(lang, "yaml.tab.help", &[]),
        });
        return;
    }
    let rest = line.trim_start();
    if rest.starts_with('#') || rest.is_empty() {
        return;
    }
    let lead = indent.len() + if rest.starts_with("- ") { 2 } else { 0 };
    let chars: Vec<char> = line.chars().collect();
    // Where the key ends (an ASCII ':' followed by a space or the end).
    let mut key_end = None;
    let mut quote: Option<char> = None;
    let mut depth = 0usize;
    for (col, &c) in chars.iter().enumerate().skip(lead) {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' => quote = Some(c),
            '#' if col == 0 || chars[col - 1] == ' ' => return,
            ':' if key_end.is_none() && chars.get(col + 1).is_none_or(|n| *n == ' ') => key_end = Some(col),
            '[' | '{' => depth += 1,
            ']' | '}' => depth = depth.saturating_sub(1),
            '：' if key_end.is_none() => {
                let key: String = chars[lead..col].iter().collect::<String>().trim().to_string();
                out.push(Slip {
                    line: line_no,
                    column: col + 1,
                    message: t(lang, "yaml.colon", &[&key]),
                    hint: t(lang, "yaml.colon.help", &[&key]),
                });
                return;
            }
            '，' if depth > 0 => {
                let open = chars[..col].iter().rposition(|c| *c == '[').map_or(lead, |p| p + 1);
                let close = chars[col..]
                    .iter()
                    .position(|c| *c == ']')
                    .map_or(chars.len(), |p| col + p);
                let inside: String = chars[open..close].iter().collect();
                let fixed = inside.split('，').map(str::trim).collect::<Vec<_>>().join(", ");
                out.push(Slip {
                    line: line_no,
                    column: col + 1,
                    message: t(lang, "yaml.comma", &[inside.trim()]),
                    hint: t(lang, "yaml.comma.help", &[&fixed]),
                });
                return;
            }
            _ => {}
        }
        if key_end.is_some_and(|k| col == k) {
            check_value(&chars, lead, col, line_no, lang, out);
            if out.last().is_some_and(|s| s.line == line_no) {
                return;
            }
        }
    }
}

/// `【…】` around a list and `“…”` around a whole value, after `key:` at `colon`.
fn check_value(chars: &[char], lead: usize, colon: usize, line_no: usize, lang: Lang, out: &mut Vec<Slip>) {
    let key: String = chars[lead..colon].iter().collect::<String>().trim().to_string();
    let value_start = chars[colon + 1..].iter().position(|c| *c != ' ').map(|p| colon + 1 + p);
    let Some(start) = value_start else { return };
    let value: String = chars[start..].iter().collect::<String>();
    let value = value.split(" #").next().unwrap_or("").trim_end().to_string();
    if value.starts_with('【') && value.ends_with('】') && LIST_KEYS.contains(&key.as_str()) {
        let inner = value.trim_start_matches('【').trim_end_matches('】');
        let fixed = inner
            .split(['，', ',', '、'])
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(", ");
        out.push(Slip {
            line: line_no,
            column: start + 1,
            message: t(lang, "yaml.brackets", &[&key]),
            hint: t(lang, "yaml.brackets.help", &[&key, &fixed]),
        });
    } else if value.starts_with('“') && value.ends_with('”') && value.chars().count() > 1 {
        let inner = value.trim_start_matches('“').trim_end_matches('”');
        out.push(Slip {
            line: line_no,
            column: start + 1,
            message: t(lang, "yaml.quotes", &[&key]),
            hint: t(lang, "yaml.quotes.help", &[&key, inner]),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols(yaml: &str) -> Vec<(usize, usize)> {
        slips(yaml, Lang::Zh).iter().map(|s| (s.line, s.column)).collect()
    }

    #[test]
    fn each_slip_at_its_character() {
        type Row<'a> = (&'a str, &'a [(usize, usize)], &'a str);
        let table: &[Row] = &[
            ("title: a\ntags:\n\t- 科技\n", &[(3, 1)], "制表符"),
            ("title：测试\n", &[(1, 6)], "全角冒号"),
            ("  title：测试\n", &[(1, 8)], "全角冒号"),
            ("tags: [防溺水，暑期安全]\n", &[(1, 11)], "全角逗号"),
            ("tags: 【防溺水，暑期安全】\n", &[(1, 7)], "【】"),
            ("title: “测试”\n", &[(1, 8)], "全角引号"),
            ("title: a\ndate：2026-01-01\ntags: [a，b]\n", &[(2, 5), (3, 9)], ""),
        ];
        for (yaml, want, word) in table {
            assert_eq!(cols(yaml), *want, "{yaml}");
            let all = slips(yaml, Lang::Zh);
            assert!(all[0].message.contains(word), "{yaml}: {}", all[0].message);
        }
    }

    #[test]
    fn never_inside_quotes_comments_or_plain_text() {
        for yaml in [
            "title: \"时间：上午，地点：广场\"\n",
            "title: '[防溺水，暑期安全]'\n",
            "title: 活动时间：上午九点\n",
            "summary: 防溺水，暑期安全\n",
            "title: 【重要】暴雨来袭\n",
            "title: “双减”政策解读\n",
            "# tags：[防溺水，暑期安全]\n",
            "title: a # 备注：说明，说明\n",
            "tags: [\"防溺水，暑期安全\"]\n",
            "steps:\n  - 关好门窗，不要外出\n",
            "title: a\n\n",
        ] {
            assert_eq!(cols(yaml), Vec::<(usize, usize)>::new(), "{yaml}");
        }
    }

    #[test]
    fn english_messages() {
        let s = &slips("tags: [防溺水，暑期安全]\n", Lang::En)[0];
        assert!(s.message.contains("full-width comma"), "{}", s.message);
        assert_eq!(s.hint, "write ', ' between the items: [防溺水, 暑期安全]");
    }

    proptest::proptest! {
        /// Text inside double quotes never fires, whatever it holds.
        #[test]
        fn quoted_values_never_fire(s in "[^\"\\n\\t]{0,30}") {
            let yaml = format!("title: \"{s}\"\ntags: [\"{s}\"]\n");
            proptest::prop_assert!(slips(&yaml, Lang::Zh).is_empty());
        }

        /// A full-width comma between list items is always found.
        #[test]
        fn a_comma_in_a_list_is_found(a in "[\\p{Han}]{1,5}", b in "[\\p{Han}]{1,5}") {
            let yaml = format!("tags: [{a}，{b}]\n");
            let found = slips(&yaml, Lang::Zh);
            proptest::prop_assert_eq!(found.len(), 1);
            proptest::prop_assert_eq!(found[0].column, 8 + a.chars().count());
        }

        /// Any tab in the indentation is found at its column.
        #[test]
        fn a_tab_in_the_indent_is_found(spaces in 0usize..4) {
            let yaml = format!("tags:\n{}\t- a\n", " ".repeat(spaces));
            let found = slips(&yaml, Lang::Zh);
            proptest::prop_assert_eq!(found.len(), 1);
            proptest::prop_assert_eq!((found[0].line, found[0].column), (2, spaces + 1));
        }
    }
}
