//! Checks on `site.yaml` that serde cannot make alone.
//!
//! Each failed check becomes a diagnostic at the key's line; all of them are
//! returned together.

use std::collections::HashSet;
use std::path::Path;

use super::{Config, SiteConfig};
use crate::error::{Diagnostic, Diagnostics};
use crate::yaml::locate_key;

pub(super) fn validate(
    root: &Path,
    path: &Path,
    shown: &Path,
    text: &str,
    site: SiteConfig,
) -> Result<Config, Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut err = |keys: &[&str], msg: String, hint: &str| {
        let (line, col) = locate_key(text, keys);
        let mut d = Diagnostic::error(shown, line, col, msg);
        if !hint.is_empty() {
            d = d.with_hint(hint);
        }
        diags.push(d);
    };

    let (base_url, base_path) = match split_base_url(&site.base_url) {
        Ok(v) => v,
        Err(e) => {
            err(&["base_url"], e, "write it as https://host/ or https://host/path/");
            (String::new(), "/".into())
        }
    };
    if crate::time::SiteClock::new(&site.timezone, jiff::Timestamp::UNIX_EPOCH).is_err() {
        err(
            &["timezone"],
            format!("unknown time zone '{}'", site.timezone),
            "use an IANA name such as Asia/Shanghai",
        );
    }
    if site.title.trim().is_empty() {
        err(&["title"], "the site title is empty".into(), "");
    }
    if site.language.trim().is_empty() {
        err(
            &["language"],
            "language is empty".into(),
            "use a language tag such as zh-CN",
        );
    }
    let img = &site.images;
    if img.widths.is_empty() || img.widths.iter().any(|w| !(16..=8192).contains(w)) {
        err(
            &["images", "widths"],
            format!(
                "images.widths {:?}: each width must be from 16 to 8192 pixels",
                img.widths
            ),
            "for example widths: [480, 800, 1200, 1600]",
        );
    }
    if !(1..=100).contains(&img.quality) {
        err(
            &["images", "quality"],
            format!("images.quality {} is not from 1 to 100", img.quality),
            "75 suits photos",
        );
    }
    for (key, w) in [("og_width", img.og_width), ("print_width", img.print_width)] {
        if !(16..=8192).contains(&w) {
            err(
                &["images", key],
                format!("images.{key} {w} is not from 16 to 8192 pixels"),
                "1200 suits both",
            );
        }
    }
    if img.max_megapixels == 0 {
        err(
            &["images", "max_megapixels"],
            "images.max_megapixels must be at least 1".into(),
            "",
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
            format!("'{}' is not a language tag", site.language),
            "use a language tag such as zh-CN (letters and digits joined by '-')",
        );
    }
    if site.paginate_by == 0 {
        err(&["paginate_by"], "paginate_by must be at least 1".into(), "");
    }
    if let Some(since) = &site.columns.since
        && crate::time::parse_in(since, &jiff::tz::TimeZone::UTC).is_err()
    {
        err(
            &["columns", "since"],
            format!("'{since}' is not a date"),
            "write a date such as 2026-01-05",
        );
    }
    if !crate::markdown::available_themes().contains(&site.highlight.theme) {
        err(
            &["highlight", "theme"],
            format!("unknown highlight theme '{}'", site.highlight.theme),
            &format!("use one of: {}", crate::markdown::available_themes().join(", ")),
        );
    }
    for sel in &site.import.wechat.drop_selectors {
        if scraper::Selector::parse(sel).is_err() {
            err(
                &["import", "wechat", "drop_selectors"],
                format!("'{sel}' is not a CSS selector"),
                "write a selector such as .follow-banner or #js_pc_qr_code",
            );
        }
    }
    let mut ids = HashSet::new();
    for town in &site.towns {
        if !is_id(&town.id) {
            err(
                &["towns"],
                format!("town id '{}' may only use a-z, 0-9, - and _", town.id),
                "use the pinyin of the name, e.g. xianlong",
            );
        } else if !ids.insert(town.id.as_str()) {
            err(
                &["towns"],
                format!("town id '{}' is used twice", town.id),
                "give each town its own id",
            );
        }
        let mut seen = HashSet::new();
        for c in &town.communities {
            if !seen.insert(c) {
                err(
                    &["towns"],
                    format!("community '{c}' is listed twice in town '{}'", town.id),
                    "",
                );
            }
        }
    }
    for tax in &site.taxonomies {
        if !is_id(tax) {
            err(
                &["taxonomies"],
                format!("taxonomy name '{tax}' may only use a-z, 0-9, - and _"),
                "",
            );
        } else if crate::kinds::Kind::from_section(tax) != crate::kinds::Kind::Plain || tax == "towns" {
            err(
                &["taxonomies"],
                format!("taxonomy '{tax}' would share its URL with a section of the same name"),
                "",
            );
        }
    }
    for item in &site.menu {
        if item.url.trim().is_empty() {
            err(&["menu"], format!("menu item '{}' has no url", item.name), "");
        }
    }
    let out = root.join(&site.output_dir);
    if let Err(e) = crate::output::check_output_dir(root, &out) {
        err(
            &["output_dir"],
            e,
            "use a folder of its own inside the site, such as public",
        );
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

/// Splits `https://host/path/` into (`https://host/path`, `/path/`).
/// A warning when `base_url` is on a domain reserved for examples and tests
/// (example.org/.com/.net, `.test`, `.example`, `.invalid`, `localhost`,
/// loopback addresses): QR codes, feeds and CAP files would point nowhere.
pub fn reserved_base_url(config: &super::Config) -> Option<Diagnostic> {
    let rest = config.base_url.split_once("://").map_or("", |(_, r)| r);
    let host = rest
        .split('/')
        .next()
        .unwrap_or("")
        .rsplit_once('@')
        .map_or(rest.split('/').next().unwrap_or(""), |(_, h)| h);
    let host = host
        .rsplit_once(':')
        .filter(|(_, p)| p.chars().all(|c| c.is_ascii_digit()))
        .map_or(host, |(h, _)| h);
    let host = host.trim_end_matches('.').to_ascii_lowercase();
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
            format!(
                "base_url '{}' is on a domain reserved for examples: QR codes, feeds and CAP files would point nowhere",
                config.site.base_url
            ),
        )
        .with_hint("set base_url to the address the site is published at, or give --base-url https://…"),
    )
}

pub(crate) fn split_base_url(url: &str) -> Result<(String, String), String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("base_url '{url}' must start with https:// or http://"))?;
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if host.is_empty() || host.contains(['?', '#', ' ', '\\']) {
        return Err(format!("base_url '{url}' has no valid host"));
    }
    if path.contains(['?', '#', ' ', '\\']) || path.split('/').any(|s| s == ".." || s == ".") {
        return Err(format!("base_url '{url}' has an invalid path"));
    }
    let trimmed = path.trim_end_matches('/');
    let scheme_len = url.len() - rest.len();
    let base_url = format!("{}{}{}", &url[..scheme_len], host, trimmed);
    let base_path = format!("{trimmed}/");
    Ok((base_url, base_path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_base_urls() {
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
