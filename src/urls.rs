//! Addresses of the site, below render, search and feeds: links under the
//! base path (`/` or `/kepu/`), permalinks under the base URL
//! (`https://host/kepu`, its host in punycode, see
//! [`split_base_url`](crate::config::validate::split_base_url)), and the
//! percent-encoding of what a URL may not carry raw.

/// `base_path` + `path`: the site-relative link of an output path
/// (`articles/a/` → `/kepu/articles/a/`).
pub fn link(base_path: &str, path: &str) -> String {
    format!("{base_path}{}", path.trim_start_matches('/'))
}

/// `base_url` + `/` + `path`: the absolute address of an output path
/// (`articles/a/` → `https://host/kepu/articles/a/`).
pub fn permalink(base_url: &str, path: &str) -> String {
    format!("{base_url}/{}", path.trim_start_matches('/'))
}

/// Percent-encodes what a URL may not carry raw (non-ASCII, spaces).
pub fn url_encode_path(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/:%?#[]@!$&'()*+,;=".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `s` percent-decoded, or as written when it is not a valid escape of
/// UTF-8 (then it names no file of the site anyway).
pub fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_owned();
    }
    crate::serve::request_path::decode(s.as_bytes())
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_else(|| s.to_owned())
}

/// The path `rel` names read from the folder `base` (both relative, with
/// `/` between parts; `rel` may use `\` too, as browsers read it): `.`
/// and empty parts dropped, `..` taking back one part. `None` when `rel`
/// climbs above `base`'s root.
pub fn join_relative(base: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    for seg in rel.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_join_and_decode() {
        assert_eq!(
            join_relative("articles/trip", "../x.md").as_deref(),
            Some("articles/x.md")
        );
        assert_eq!(join_relative("a", "./b//c\\d.png").as_deref(), Some("a/b/c/d.png"));
        assert_eq!(join_relative("a", "../../x"), None);
        assert_eq!(join_relative("", "x/../y").as_deref(), Some("y"));
        assert_eq!(percent_decode("%E4%B8%AD.md"), "中.md");
        assert_eq!(percent_decode("100%.md"), "100%.md");
    }

    #[test]
    fn links_permalinks_and_encoding() {
        assert_eq!(link("/kepu/", "/articles/a/"), "/kepu/articles/a/");
        assert_eq!(link("/", "sitemap.xml"), "/sitemap.xml");
        assert_eq!(
            permalink("https://x.org/kepu", "articles/a/"),
            "https://x.org/kepu/articles/a/"
        );
        assert_eq!(permalink("https://x.org", "/"), "https://x.org/");
        assert_eq!(
            url_encode_path("https://xn--5nq11n.xn--fiqs8s/文章/a b/?q=1#x"),
            "https://xn--5nq11n.xn--fiqs8s/%E6%96%87%E7%AB%A0/a%20b/?q=1#x"
        );
    }
}
