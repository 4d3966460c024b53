//! `data/counts.yaml`: the figures the association keeps itself and kepu
//! cannot count from pages: registered science volunteers, science
//! education bases, schools and schools with a science room.
//!
//! ```yaml
//! volunteers_registered: { value: 1046, as_of: 2026-10-31 }
//! ```
//!
//! Numbers only: a value that is not a whole number (a name, a phone
//! number, a list) is an error at its line, so no volunteer's name or phone
//! can reach the site through this file.

use serde::Serialize;
use serde_json::Value;

use crate::error::Diagnostic;

/// The file, under the site root.
pub const FILE: &str = "data/counts.yaml";

/// The keys of the file, in the order pages list them.
pub const KEYS: [&str; 4] = [
    "volunteers_registered",
    "science_bases",
    "schools",
    "schools_with_science_rooms",
];

/// One count and the day it was counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    /// The number.
    pub value: u64,
    /// `2026-10-31`.
    pub as_of: String,
}

impl Count {
    /// The year of `as_of`.
    pub fn year(&self) -> Option<i16> {
        self.as_of.parse::<jiff::civil::Date>().ok().map(|d| d.year())
    }
}

/// Every count of the file; `None` where the file does not give it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// 注册科技志愿者 (people).
    pub volunteers_registered: Option<Count>,
    /// 科普教育基地 (places).
    pub science_bases: Option<Count>,
    /// 区属中小学 (schools).
    pub schools: Option<Count>,
    /// Of which with a 科技活动室.
    pub schools_with_science_rooms: Option<Count>,
}

impl Counts {
    /// The count named `key` (one of [`KEYS`]).
    pub fn get(&self, key: &str) -> Option<&Count> {
        match key {
            "volunteers_registered" => self.volunteers_registered.as_ref(),
            "science_bases" => self.science_bases.as_ref(),
            "schools" => self.schools.as_ref(),
            "schools_with_science_rooms" => self.schools_with_science_rooms.as_ref(),
            _ => None,
        }
    }

    fn slot(&mut self, key: &str) -> Option<&mut Option<Count>> {
        match key {
            "volunteers_registered" => Some(&mut self.volunteers_registered),
            "science_bases" => Some(&mut self.science_bases),
            "schools" => Some(&mut self.schools),
            "schools_with_science_rooms" => Some(&mut self.schools_with_science_rooms),
            _ => None,
        }
    }
}

/// The counts of `src` (the text of `data/counts.yaml`); every mistake is
/// an error at its line.
pub fn parse(src: &str, diags: &mut Vec<Diagnostic>) -> Counts {
    let mut found = Vec::new();
    let counts = parse_into(src, &mut found);
    // In the file's order, whatever order the keys were read in.
    found.sort_by_key(|d| (d.line, d.column));
    diags.extend(found);
    counts
}

fn parse_into(src: &str, diags: &mut Vec<Diagnostic>) -> Counts {
    let mut counts = Counts::default();
    let Ok(doc) = crate::yaml::to_json(src) else {
        return counts;
    };
    let mut err = |keys: &[&str], msg: crate::i18n::Text, hint: Option<crate::i18n::Text>| {
        let (line, col) = crate::yaml::locate_key(src, keys);
        let mut d = Diagnostic::error(FILE, line, col, msg).with_source(src.lines().nth(line - 1).map(str::to_string));
        if let Some(h) = hint {
            d = d.with_hint(h);
        }
        diags.push(d);
    };
    let Value::Object(map) = doc else {
        if !doc.is_null() {
            err(
                &[],
                crate::text!("plan.counts.shape"),
                Some(crate::text!("plan.count.example")),
            );
        }
        return counts;
    };
    for (key, v) in &map {
        let Some(slot) = counts.slot(key) else {
            err(
                &[key],
                crate::text!("plan.count.unknown", key),
                Some(crate::text!("plan.count.unknown.help", KEYS.join(", "))),
            );
            continue;
        };
        let Value::Object(fields) = v else {
            err(
                &[key],
                crate::text!("plan.count.shape", key),
                Some(crate::text!("plan.count.example")),
            );
            continue;
        };
        let mut ok = true;
        for name in fields.keys().filter(|k| *k != "value" && *k != "as_of") {
            err(&[key, name], crate::text!("plan.count.key", key, name), None);
            ok = false;
        }
        let value = match fields.get("value") {
            Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64(),
            Some(other) => {
                err(
                    &[key, "value"],
                    crate::text!("plan.count.not_number", key, shown(other)),
                    None,
                );
                None
            }
            None => {
                err(
                    &[key],
                    crate::text!("plan.count.no_value", key),
                    Some(crate::text!("plan.count.example")),
                );
                None
            }
        };
        let as_of = match fields.get("as_of") {
            Some(Value::String(s)) if s.trim().parse::<jiff::civil::Date>().is_ok() => Some(s.trim().to_string()),
            Some(other) => {
                err(
                    &[key, "as_of"],
                    crate::text!("plan.count.as_of", key, shown(other)),
                    None,
                );
                None
            }
            None => {
                err(
                    &[key],
                    crate::text!("plan.count.no_as_of", key),
                    Some(crate::text!("plan.count.example")),
                );
                None
            }
        };
        if let (true, Some(value), Some(as_of)) = (ok, value, as_of) {
            *slot = Some(Count { value, as_of });
        }
    }
    counts
}

/// A value as the editor wrote it, for a message.
fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn errors(src: &str) -> (Counts, Vec<(usize, usize, String)>) {
        let mut diags = Vec::new();
        let c = parse(src, &mut diags);
        let e = diags
            .iter()
            .map(|d| (d.line, d.column, d.message.in_lang(Lang::En)))
            .collect();
        (c, e)
    }

    #[test]
    fn numbers_with_their_date_are_read() {
        let (c, e) = errors(
            "# 示例\nvolunteers_registered: { value: 1046, as_of: 2026-10-31 }\nschools:\n  value: 58\n  as_of: 2026-09-01\n",
        );
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(
            c.volunteers_registered,
            Some(Count {
                value: 1046,
                as_of: "2026-10-31".into()
            })
        );
        assert_eq!(c.get("schools").map(|s| s.value), Some(58));
        assert_eq!(c.get("schools").and_then(Count::year), Some(2026));
        assert_eq!(c.science_bases, None);
    }

    #[test]
    fn a_name_or_a_phone_is_refused_at_its_line() {
        let (c, e) = errors(
            "volunteers_registered:\n  value: 张三 13800000000\n  as_of: 2026-10-31\nscience_bases: { value: 4.5, as_of: 2026-10-31 }\n",
        );
        assert_eq!(c, Counts::default());
        assert_eq!(e.len(), 2, "{e:?}");
        assert_eq!((e[0].0, e[0].1), (2, 3));
        assert!(
            e[0].2.contains("must be a whole number") && e[0].2.contains("13800000000"),
            "{}",
            e[0].2
        );
        assert_eq!(e[1].0, 4);
    }

    #[test]
    fn unknown_keys_missing_dates_and_lists_are_errors() {
        let (_, e) = errors(
            "volunteer: { value: 3, as_of: 2026-01-01 }\nschools: 58\nscience_bases: { value: 5 }\nschools_with_science_rooms: { value: 5, as_of: 去年, who: x }\n",
        );
        let lines: Vec<usize> = e.iter().map(|x| x.0).collect();
        assert_eq!(lines, [1, 2, 3, 4, 4], "{e:?}");
        assert!(e[0].2.contains("'volunteer'"), "{}", e[0].2);
        assert!(e[2].2.contains("as_of"), "{}", e[2].2);
    }
}
