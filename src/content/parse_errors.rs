//! Mistakes in front matter as diagnostics: a field error at its key's
//! place, a YAML error in plain words, a byte position as line and column.

use std::path::Path;

use super::front_matter::{self, FrontMatter};
use super::parse::ParseEnv;
use crate::error::Diagnostic;
use crate::i18n::Said;
use crate::kinds::{FieldError, Kind};
use crate::yaml;

/// A key of no kind, to report at its place.
pub(super) struct UnknownKey {
    /// As written.
    pub(super) key: String,
    /// The known key nearest to it, if one is near.
    pub(super) nearest: Option<&'static str>,
    pub(super) message: Said,
    pub(super) hint: Said,
}

/// The keys of `fm` that are neither common nor of its kind: a key of
/// another kind becomes a field error in `errors`; the keys of no kind are
/// returned, to be reported at their place.
pub(super) fn stray_keys(fm: &FrontMatter, kind: Kind, section: bool, errors: &mut Vec<FieldError>) -> Vec<UnknownKey> {
    let mut unknown = Vec::new();
    for stray in &fm.strays {
        let owner = Kind::owners(&stray.key).first().copied().filter(|_| !section);
        let key = owner.and_then(|o| o.spec().keys.iter().find(|k| **k == stray.key));
        match (owner, key) {
            (Some(owner), Some(key)) => errors.push(
                FieldError::new(
                    key,
                    crate::text!("kind.foreign_key", key, owner.said_many(), kind.said_many()),
                )
                .hint(crate::text!("kind.foreign_key.help", owner.section().unwrap_or(""))),
            ),
            _ => {
                let (message, hint) = super::key_help::unknown_key(&stray.key, kind, section);
                unknown.push(UnknownKey {
                    key: stray.key.clone(),
                    nearest: super::key_help::nearest_key(&stray.key, kind, section),
                    message: message.into(),
                    hint: hint.into(),
                });
            }
        }
    }
    unknown
}

/// Turns a field error into a diagnostic at the key's place in the file.
pub fn locate(shown: &Path, yaml_text: &str, yaml_line: usize, e: FieldError) -> Diagnostic {
    locate_at(
        shown,
        yaml_text,
        yaml_line,
        &e.key,
        e.value.as_deref(),
        e.message,
        e.hint,
    )
}

/// A diagnostic at the place of the key `path` in the front matter.
pub(super) fn locate_key(
    shown: &Path,
    yaml_text: &str,
    yaml_line: usize,
    path: &[&str],
    message: Said,
    hint: Option<Said>,
) -> Diagnostic {
    locate_at(shown, yaml_text, yaml_line, path, None, message, hint)
}

fn locate_at(
    shown: &Path,
    yaml_text: &str,
    yaml_line: usize,
    path: &[&str],
    value: Option<&str>,
    message: Said,
    hint: Option<Said>,
) -> Diagnostic {
    let (mut line, mut col) = yaml::locate_key(yaml_text, path);
    if let Some(v) = value
        && let Some((l, c)) = yaml::locate_text(yaml_text, v, line)
    {
        (line, col) = (l, c);
    }
    let source = yaml_text.lines().nth(line.saturating_sub(1)).map(str::to_string);
    let d = Diagnostic::error(shown, line + yaml_line - 1, col, message).with_source(source);
    match hint {
        Some(h) => d.with_hint(h),
        None => d,
    }
}

/// A YAML error in plain words where it is a known mistake, with its line shown.
pub(super) fn yaml_error(shown: &Path, split: &front_matter::Split, env: &ParseEnv, e: yaml::YamlError) -> Diagnostic {
    let source = split.yaml.lines().nth(e.line.saturating_sub(1)).map(str::to_string);
    let list = source
        .as_deref()
        .filter(|_| e.message.contains("expected a sequence"))
        .and_then(as_list);
    let (message, hint): (Said, Said) = match (super::key_help::explain(&e.message, env.lang), list) {
        (Some((m, _)), Some(list)) => (m.into(), crate::text!("type.list.help", list).into()),
        (Some((m, h)), None) => (m.into(), h.into()),
        (None, _) => (e.message, crate::text!("type.help").into()),
    };
    Diagnostic::error(shown, e.line + split.yaml_line - 1, e.column, message)
        .with_hint(hint)
        .with_source(source)
}

/// The line `key: 甲、乙` (a list written as one value, its items parted by
/// 、 ， , ; or ；) as the list it means: `key: [甲, 乙]`; `None` for any
/// other line.
fn as_list(line: &str) -> Option<String> {
    let (key, value) = line.split_once(':')?;
    let value = value.split(" #").next().unwrap_or(value).trim();
    if value.is_empty() || value.starts_with(['[', '{', '-', '|', '>', '"', '\'', '&', '*', '#']) {
        return None;
    }
    let items: Vec<&str> = value
        .split(['、', '，', ',', ';', '；'])
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    Some(format!("{}: [{}]", key.trim_end(), items.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::as_list;

    #[test]
    fn a_list_written_as_one_value_is_shown_as_a_list() {
        assert_eq!(as_list("tags: 安全、夏季").as_deref(), Some("tags: [安全, 夏季]"));
        assert_eq!(
            as_list("areas: 仙龙镇；青峰镇 ;").as_deref(),
            Some("areas: [仙龙镇, 青峰镇]")
        );
        assert_eq!(as_list("tags: 安全").as_deref(), Some("tags: [安全]"));
        assert_eq!(
            as_list("tags: 安全、夏季 # 注释").as_deref(),
            Some("tags: [安全, 夏季]")
        );
        for line in ["tags: [a, b]", "tags:", "tags: \"a, b\"", "tags: {a: 1}", "no colon"] {
            assert_eq!(as_list(line), None, "{line}");
        }
    }
}
