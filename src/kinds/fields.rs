//! Helpers the kinds share to read their front-matter fields: the
//! [`FieldError`] each check records, required fields and names chosen from
//! a list (in English or Chinese).

use super::Kind;
use crate::i18n::Said;

/// A problem with a front-matter key, located later by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The key (with parents) to point at.
    pub key: Vec<&'static str>,
    /// A value to find on the key's line or below, to point closer.
    pub value: Option<String>,
    /// What is wrong.
    pub message: Said,
    /// How to fix it.
    pub hint: Option<Said>,
}

impl FieldError {
    pub(crate) fn new(key: &'static str, message: impl Into<Said>) -> Self {
        FieldError {
            key: vec![key],
            value: None,
            message: message.into(),
            hint: None,
        }
    }

    pub(crate) fn hint(mut self, hint: impl Into<Said>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub(crate) fn at_value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }
}

/// Parses `value` as one of `E`'s names, or records an error listing them.
/// Its Chinese name (`label`) is taken too, also without a trailing 色 or a
/// leading 科普 (`黄`, `宣传栏`); the hint lists both forms.
pub(crate) fn parse_enum<E: Copy>(
    key: &'static str,
    value: &str,
    all: &[(E, &'static str)],
    label: fn(E) -> &'static str,
    errors: &mut Vec<FieldError>,
) -> Option<E> {
    match all
        .iter()
        .find(|(e, n)| *n == value || chinese_name_matches(label(*e), value))
    {
        Some((e, _)) => Some(*e),
        None => {
            let names: Vec<String> = all.iter().map(|(e, n)| format!("{n}（{}）", label(*e))).collect();
            errors.push(
                FieldError::new(key, crate::text!("kind.unknown_value", key, value))
                    .hint(crate::text!("kind.use_one_of", names.join(", ")))
                    .at_value(value),
            );
            None
        }
    }
}

/// True if `value` names `label` (`黄色`, `黄`; `科普宣传栏`, `宣传栏`).
pub(crate) fn chinese_name_matches(label: &str, value: &str) -> bool {
    let value = value.trim();
    !value.is_empty()
        && (label == value || label.strip_suffix('色') == Some(value) || label.strip_prefix("科普") == Some(value))
}

/// Records a missing required field.
pub(crate) fn required<'a>(
    key: &'static str,
    v: &'a Option<String>,
    kind: Kind,
    errors: &mut Vec<FieldError>,
) -> Option<&'a str> {
    match v.as_deref().map(str::trim) {
        Some(s) if !s.is_empty() => Some(s),
        _ => {
            errors.push(
                FieldError::new(key, crate::text!("kind.required", kind.said_many(), key))
                    .hint(crate::text!("kind.required.help", key)),
            );
            None
        }
    }
}

/// The error for a `community` that the town `town_id` of `site.yaml` does
/// not list (none when the town is unknown: that is reported on its own).
pub(crate) fn unknown_community(config: &crate::config::Config, town_id: &str, community: &str) -> Option<FieldError> {
    let town = config.town(town_id)?;
    if town.communities.iter().any(|x| x == community) {
        return None;
    }
    Some(
        FieldError::new(
            "community",
            crate::text!("station.unknown_community", community, town.name),
        )
        .hint(crate::text!(
            "station.unknown_community.help",
            town.communities.join(", ")
        ))
        .at_value(community.to_string()),
    )
}
