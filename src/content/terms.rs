//! The URL slug of every taxonomy term, decided once for the whole site.
//!
//! Terms that differ only in case or surrounding spaces (`AED`, `aed`) are
//! one term. Different terms whose pinyin is the same (科普, 颗璞) would
//! share a URL: the term used first (on the oldest page) keeps the plain
//! slug, each other gets `-2`, `-3` ..., and a warning names both at the
//! line of the page that uses the later one.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::Library;
use super::slug::slugify;
use crate::error::{Diagnostic, Severity};
use crate::i18n::{Lang, t};
use crate::kinds::FieldError;

/// When a term was first used: dated pages first, oldest first, then by
/// file.
type Age<'a> = (bool, Option<jiff::Timestamp>, &'a str);

/// Taxonomy → term (as written) → slug.
pub type TermSlugs = HashMap<String, HashMap<String, String>>;

/// The slug of `name` when nothing else claims it.
pub fn base_slug(name: &str) -> String {
    let s = slugify(name);
    if s.is_empty() { "term".into() } else { s }
}

/// What makes two spellings one term.
fn term_key(name: &str) -> std::borrow::Cow<'_, str> {
    let t = name.trim();
    let unchanged = |c: char| {
        // Han, kana, Hangul and CJK punctuation have no case: no lookup.
        if c.is_ascii() || matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}' | '\u{F900}'..='\u{FAFF}') {
            return !c.is_ascii_uppercase();
        }
        let mut lower = c.to_lowercase();
        lower.next() == Some(c) && lower.next().is_none()
    };
    match t.chars().all(unchanged) {
        true => t.into(),
        false => t.to_lowercase().into(),
    }
}

/// The terms of `taxonomy` written on a page.
pub fn terms_of<'a>(page: &'a super::Page, taxonomy: &str) -> &'a [String] {
    match taxonomy {
        "tags" => &page.meta.tags,
        "categories" => &page.meta.categories,
        _ => &[],
    }
}

/// Decides every term's slug; warns about terms that had to move.
pub fn assign(
    lib: &Library,
    taxonomies: &[String],
    root: &std::path::Path,
    lang: Lang,
) -> (TermSlugs, Vec<Diagnostic>) {
    let mut all = TermSlugs::new();
    let mut diags = Vec::new();
    for tax in taxonomies {
        // key → (first spelling, first page using it, its oldest page);
        // each spelling met is looked up once, then by itself.
        let mut found: Vec<(String, (String, usize, Age))> = Vec::new();
        let mut by_key: HashMap<std::borrow::Cow<'_, str>, usize> = HashMap::new();
        let mut spelled: HashMap<&str, usize> = HashMap::new();
        for (id, page) in lib.pages.iter().enumerate() {
            let age: Age = (page.date.is_none(), page.date, page.rel_path.as_str());
            for name in terms_of(page, tax) {
                let i = match spelled.get(name.as_str()) {
                    Some(&i) => i,
                    None => {
                        let key = term_key(name);
                        let i = match by_key.get(key.as_ref()) {
                            Some(&i) => i,
                            None => {
                                found.push((key.to_string(), (name.clone(), id, age)));
                                by_key.insert(key, found.len() - 1);
                                found.len() - 1
                            }
                        };
                        spelled.insert(name, i);
                        i
                    }
                };
                let e = &mut found[i].1;
                if age < e.2 {
                    e.2 = age;
                }
            }
        }
        let keys: BTreeMap<String, (String, usize, Age)> = found.iter().cloned().collect();
        let mut by_base: BTreeMap<String, Vec<&String>> = BTreeMap::new();
        for key in keys.keys() {
            by_base.entry(base_slug(key)).or_default().push(key);
        }
        // The term used first keeps the plain address, so a term added
        // later never moves an older one.
        for group in by_base.values_mut() {
            group.sort_by(|a, b| keys[*a].2.cmp(&keys[*b].2).then(a.cmp(b)));
        }
        let mut used: HashSet<String> = by_base.keys().cloned().collect();
        let mut slug_of_key: HashMap<&str, String> = HashMap::new();
        for (base, group) in &by_base {
            let first = group[0];
            slug_of_key.insert(first.as_str(), base.clone());
            for key in &group[1..] {
                let mut n = 2;
                while used.contains(&format!("{base}-{n}")) {
                    n += 1;
                }
                let slug = format!("{base}-{n}");
                used.insert(slug.clone());
                slug_of_key.insert(key.as_str(), slug.clone());
                let (name, id, _) = &keys[*key];
                let page = &lib.pages[*id];
                let shown = crate::config::display_path(root, &page.file);
                let message = t(lang, "term.same_address", &[tax, name, &keys[first].0, base, &slug]);
                let mut e = FieldError::new(tax_key(tax), message);
                e.value = Some(name.clone());
                let mut d = super::parse::locate(&shown, &page.yaml, 2, e);
                d.severity = Severity::Warning;
                diags.push(d.with_hint(t(lang, "term.same_address.help", &[])));
            }
        }
        let names: HashMap<String, String> = spelled
            .iter()
            .filter_map(|(name, &i)| Some((name.to_string(), slug_of_key.get(found[i].0.as_str())?.clone())))
            .collect();
        all.insert(tax.clone(), names);
    }
    (all, diags)
}

fn tax_key(tax: &str) -> &'static str {
    match tax {
        "categories" => "categories",
        _ => "tags",
    }
}
