//! WeChat addresses and the articles already imported.
//!
//! An article has two kinds of address: the long one with `__biz`, `mid`
//! and `idx` (the same article whatever `sn`, `chksm` or `#rd` follow) and
//! the short one `/s/CODE`. [`keys`] reduces an address to what identifies
//! the article; [`Known`] maps those keys to the pages under `content/`
//! whose front matter names them in `extra.wechat_url` or
//! `extra.wechat_short_url`.

use std::collections::HashMap;
use std::path::Path;

use url::Url;

/// WeChat's article host.
pub const HOST: &str = "mp.weixin.qq.com";

/// The front-matter keys (under `extra`) that hold the original address.
pub const URL_KEYS: [&str; 2] = ["wechat_url", "wechat_short_url"];

/// What identifies the article at `address`: `biz=…&mid=…&idx=…` and/or
/// `s/CODE`. Empty for addresses that name no article.
pub fn keys(address: &str) -> Vec<String> {
    let Ok(url) = Url::parse(address.trim()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let q: HashMap<String, String> = url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let get = |names: &[&str]| names.iter().find_map(|n| q.get(*n).filter(|v| !v.is_empty()).cloned());
    if let (Some(biz), Some(mid)) = (get(&["__biz"]), get(&["mid", "appmsgid"])) {
        let idx = get(&["idx", "itemidx"]).unwrap_or_else(|| "1".into());
        out.push(format!("biz={biz}&mid={mid}&idx={idx}"));
    }
    if let Some(code) = url.path().strip_prefix("/s/")
        && !code.is_empty()
        && !code.contains('/')
    {
        out.push(format!("s/{code}"));
    }
    out
}

/// Whether `address` is on WeChat's article host.
pub fn is_wechat(address: &str) -> bool {
    Url::parse(address).is_ok_and(|u| u.host_str() == Some(HOST))
}

/// A WeChat address as the page keeps it: https, no `#rd`.
pub fn tidy(address: &str) -> String {
    let a = address.trim();
    let a = a.split('#').next().unwrap_or(a);
    match a.strip_prefix("http://mp.weixin.qq.com/") {
        Some(rest) => format!("https://{HOST}/{rest}"),
        None => a.to_string(),
    }
}

/// Imported articles by key: the `@/` path of each.
#[derive(Debug, Default)]
pub struct Known {
    by_key: HashMap<String, String>,
}

impl Known {
    /// Reads every page under `content` that names a WeChat address.
    pub fn scan(content: &Path) -> Self {
        let mut known = Known::default();
        for entry in walkdir::WalkDir::new(content).follow_links(false).into_iter().flatten() {
            let path = entry.path();
            if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "md") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            let rel = path
                .strip_prefix(content)
                .map(crate::output::safe_path::to_slash)
                .unwrap_or_default();
            for address in addresses(&text) {
                known.add(&keys(&address), &rel);
            }
        }
        known
    }

    /// Records that the article of `keys` is the page `rel`.
    pub fn add(&mut self, keys: &[String], rel: &str) {
        for k in keys {
            self.by_key.entry(k.clone()).or_insert_with(|| rel.to_string());
        }
    }

    /// The page of the article with one of `keys`.
    pub fn find(&self, keys: &[String]) -> Option<&str> {
        keys.iter().find_map(|k| self.by_key.get(k)).map(String::as_str)
    }

    /// A link target: an `@/` path for an imported WeChat article, else `href`.
    pub fn resolve(&self, href: &str) -> String {
        if is_wechat(href)
            && let Some(rel) = self.find(&keys(href))
        {
            return format!("@/{rel}");
        }
        href.to_string()
    }
}

/// The WeChat addresses in a content file's front matter `extra`.
pub fn addresses(text: &str) -> Vec<String> {
    let text = crate::content::front_matter::normalize(text.to_string());
    let Ok(split) = crate::content::front_matter::split(&text) else {
        return Vec::new();
    };
    let Ok(value) = yaml_serde::from_str::<yaml_serde::Value>(split.yaml) else {
        return Vec::new();
    };
    URL_KEYS
        .iter()
        .filter_map(|k| value.get("extra")?.get(*k)?.as_str().map(str::to_string))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_and_short_addresses() {
        let long = "https://mp.weixin.qq.com/s?__biz=MzA5&mid=2650&idx=2&sn=abc&chksm=x#rd";
        assert_eq!(keys(long), vec!["biz=MzA5&mid=2650&idx=2"]);
        assert_eq!(keys("https://mp.weixin.qq.com/s/Ab_c-1"), vec!["s/Ab_c-1"]);
        assert!(keys("https://example.org/x").is_empty());
        assert_eq!(
            tidy("http://mp.weixin.qq.com/s?__biz=M&mid=1#rd"),
            "https://mp.weixin.qq.com/s?__biz=M&mid=1"
        );
    }

    #[test]
    fn known_articles_become_at_links() {
        let mut k = Known::default();
        k.add(
            &keys("https://mp.weixin.qq.com/s?__biz=M&mid=7&idx=1&sn=a"),
            "articles/x/index.md",
        );
        assert_eq!(
            k.resolve("https://mp.weixin.qq.com/s?__biz=M&mid=7&idx=1&sn=zz#rd"),
            "@/articles/x/index.md"
        );
        assert_eq!(
            k.resolve("https://mp.weixin.qq.com/s?__biz=M&mid=7&idx=2"),
            "https://mp.weixin.qq.com/s?__biz=M&mid=7&idx=2"
        );
        assert_eq!(k.resolve("https://example.org/"), "https://example.org/");
    }
}
