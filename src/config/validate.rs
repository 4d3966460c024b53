//! Checks on `site.yaml` that serde cannot make alone.
//!
//! Each failed check becomes a diagnostic at the key's line; all of them are
//! returned together.

use std::collections::HashSet;
use std::path::Path;

use super::{Config, SiteConfig};
use crate::error::{Diagnostic, Diagnostics};
use crate::i18n::{Said, Text};
use crate::yaml::locate_key;

pub(super) fn validate(
    root: &Path,
    path: &Path,
    shown: &Path,
    text: &str,
    site: SiteConfig,
) -> Result<Config, Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut err = |keys: &[&str], msg: Said, hint: Option<Text>| {
        let (line, col) = locate_key(text, keys);
        let mut d = Diagnostic::error(shown, line, col, msg);
        if let Some(hint) = hint {
            d = d.with_hint(hint);
        }
        diags.push(d);
    };
    let url_hint = || Some(crate::text!("config.base_url.help"));

    let (base_url, base_path) = match split_base_url(&site.base_url) {
        Ok(v) => v,
        Err(e) => {
            err(&["base_url"], e, url_hint());
            (String::new(), "/".into())
        }
    };
    if crate::time::SiteClock::new(&site.timezone, jiff::Timestamp::UNIX_EPOCH).is_err() {
        err(
            &["timezone"],
            crate::text!("config.timezone", site.timezone).into(),
            Some(crate::text!("config.timezone.help")),
        );
    }
    if site.title.trim().is_empty() {
        err(&["title"], crate::text!("config.no_title").into(), None);
    }
    if site.language.trim().is_empty() {
        err(
            &["language"],
            crate::text!("config.no_language").into(),
            Some(crate::text!("config.no_language.help")),
        );
    }
    let img = &site.images;
    if img.widths.is_empty() || img.widths.iter().any(|w| !(16..=8192).contains(w)) {
        err(
            &["images", "widths"],
            crate::text!("config.image_widths", format!("{:?}", img.widths)).into(),
            Some(crate::text!("config.image_widths.help")),
        );
    }
    if !(1..=100).contains(&img.quality) {
        err(
            &["images", "quality"],
            crate::text!("config.image_quality", img.quality).into(),
            Some(crate::text!("config.image_quality.help")),
        );
    }
    for (key, w) in [("og_width", img.og_width), ("print_width", img.print_width)] {
        if !(16..=8192).contains(&w) {
            err(
                &["images", key],
                crate::text!("config.image_width", key, w).into(),
                Some(crate::text!("config.image_width.help")),
            );
        }
    }
    if img.max_megapixels == 0 {
        err(
            &["images", "max_megapixels"],
            crate::text!("config.max_megapixels").into(),
            None,
        );
    }
    if !site.language.trim().is_empty()
        && !site
            .language
            .split('-')
            .all(|part| !part.is_empty() && part.len() <= 8 && part.chars().all(|c| c.is_ascii_alphanumeric()))
    {
        err(
            &["language"],
            crate::text!("config.bad_language", site.language).into(),
            Some(crate::text!("config.bad_language.help")),
        );
    }
    if site.paginate_by == 0 {
        err(&["paginate_by"], crate::text!("content.paginate_by").into(), None);
    }
    if let Some(since) = &site.columns.since
        && crate::time::parse_in(since, &jiff::tz::TimeZone::UTC).is_err()
    {
        err(
            &["columns", "since"],
            crate::text!("config.since", since).into(),
            Some(crate::text!("config.since.help")),
        );
    }
    if !crate::markdown::available_themes().contains(&site.highlight.theme) {
        err(
            &["highlight", "theme"],
            crate::text!("config.highlight", site.highlight.theme).into(),
            Some(crate::text!(
                "kind.use_one_of",
                crate::markdown::available_themes().join(", ")
            )),
        );
    }
    for sel in &site.import.wechat.drop_selectors {
        if scraper::Selector::parse(sel).is_err() {
            err(
                &["import", "wechat", "drop_selectors"],
                crate::text!("config.selector", sel).into(),
                Some(crate::text!("config.selector.help")),
            );
        }
    }
    let mut ids = HashSet::new();
    for town in &site.towns {
        if !is_id(&town.id) {
            err(
                &["towns"],
                crate::text!("config.town_id", town.id).into(),
                Some(crate::text!("config.town_id.help")),
            );
        } else if !ids.insert(town.id.as_str()) {
            err(
                &["towns"],
                crate::text!("config.town_twice", town.id).into(),
                Some(crate::text!("config.town_twice.help")),
            );
        }
        let mut seen = HashSet::new();
        for c in &town.communities {
            if !seen.insert(c) {
                err(
                    &["towns"],
                    crate::text!("config.community_twice", c, town.id).into(),
                    None,
                );
            }
        }
    }
    for tax in &site.taxonomies {
        if !is_id(tax) {
            err(&["taxonomies"], crate::text!("config.taxonomy_name", tax).into(), None);
        } else if crate::kinds::Kind::from_section(tax) != crate::kinds::Kind::Plain || tax == "towns" {
            err(
                &["taxonomies"],
                crate::text!("config.taxonomy_section", tax).into(),
                None,
            );
        }
    }
    for item in &site.menu {
        if item.url.trim().is_empty() {
            err(&["menu"], crate::text!("config.menu_url", item.name).into(), None);
        }
    }
    let out = root.join(&site.output_dir);
    if let Err(e) = crate::output::check_output_dir(root, &out) {
        err(&["output_dir"], e, Some(crate::text!("config.output_dir.help")));
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Config {
        lang: crate::i18n::Lang::for_site(&site.language),
        site,
        source: text.to_string(),
        root: root.to_path_buf(),
        path: path.to_path_buf(),
        base_url,
        base_path,
        preview: false,
    })
}

/// A URL-safe identifier: `a-z 0-9 - _`.
pub(crate) fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// A warning when `base_url` is on a domain reserved for examples and tests
/// (example.org/.com/.net, `.test`, `.example`, `.invalid`, `localhost`,
/// loopback addresses): QR codes, feeds and CAP files would point nowhere.
pub fn reserved_base_url(config: &super::Config) -> Option<Diagnostic> {
    let parsed = url::Url::parse(&config.base_url).ok()?;
    let host = parsed.host_str()?.trim_end_matches('.').to_ascii_lowercase();
    let reserved = ["example.org", "example.com", "example.net"]
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")))
        || [".test", ".example", ".invalid", ".localhost"]
            .iter()
            .any(|s| host.ends_with(s))
        || host == "localhost"
        || host.starts_with("127.")
        || host == "[::1]";
    if !reserved {
        return None;
    }
    let (line, col) = locate_key(&config.source, &["base_url"]);
    Some(
        Diagnostic::warning(
            config.display_path(),
            line,
            col,
            crate::text!("config.reserved_domain", config.site.base_url),
        )
        .with_hint(crate::text!("config.reserved_domain.help")),
    )
}

/// Splits `https://host/path/` into (`https://host/path`, `/path/`). A
/// host in Chinese (`科协.中国`) is written as browsers and feed readers
/// send it, in punycode (`xn--…`); the path stays as written.
pub(crate) fn split_base_url(url: &str) -> Result<(String, String), Said> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| Said::from(crate::text!("config.base_url.scheme", url)))?;
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if host.is_empty() || host.contains(['?', '#', ' ', '\\', '@']) {
        return Err(crate::text!("config.base_url.host", url).into());
    }
    if path.contains(['?', '#', ' ', '\\']) || path.split('/').any(|s| s == ".." || s == ".") {
        return Err(crate::text!("config.base_url.path", url).into());
    }
    let scheme = &url[..url.len() - rest.len()];
    let parsed = url::Url::parse(&format!("{scheme}{host}/"))
        .map_err(|_| Said::from(crate::text!("config.base_url.host", url)))?;
    let host = match (parsed.host_str(), parsed.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_string(),
        (None, _) => return Err(crate::text!("config.base_url.host", url).into()),
    };
    let trimmed = path.trim_end_matches('/');
    let base_url = format!("{scheme}{host}{trimmed}");
    let base_path = format!("{trimmed}/");
    Ok((base_url, base_path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_base_urls() {
        assert_eq!(
            split_base_url("https://科协.中国/kepu/").unwrap(),
            ("https://xn--ykrz90g.xn--fiqs8s/kepu".into(), "/kepu/".into())
        );
        assert_eq!(
            split_base_url("http://Kepu.Example.ORG:8080").unwrap(),
            ("http://kepu.example.org:8080".into(), "/".into())
        );
        assert!(split_base_url("https://user@a.org/").is_err());
        assert!(split_base_url("https://a b.org/").is_err());
        assert_eq!(
            split_base_url("https://a.org").unwrap(),
            ("https://a.org".into(), "/".into())
        );
        assert_eq!(
            split_base_url("https://a.org/").unwrap(),
            ("https://a.org".into(), "/".into())
        );
        assert_eq!(
            split_base_url("https://a.org/kepu/").unwrap(),
            ("https://a.org/kepu".into(), "/kepu/".into())
        );
        assert!(split_base_url("a.org").is_err());
        assert!(split_base_url("https:///x").is_err());
        assert!(split_base_url("https://a.org/../x").is_err());
    }
}
