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

#[cfg(test)]
mod tests {
    use super::*;

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
