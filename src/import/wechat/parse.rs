//! The article's facts from a WeChat page: title, time, author, account,
//! description, cover and address, from the page's elements, its meta tags
//! and the variables of its inline script (`var ct = "…"`).

use scraper::{Html, Selector};

use super::ImportError;

/// What the page says about its article.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    /// The article's title.
    pub title: String,
    /// Publication time, Unix seconds (`var ct`, `create_time`).
    pub create_time: Option<i64>,
    /// The visible publish time (`#publish_time`), when no Unix time is there.
    pub publish_time: Option<String>,
    /// Author field.
    pub author: Option<String>,
    /// The account's name.
    pub account: Option<String>,
    /// Description.
    pub summary: Option<String>,
    /// Cover image address.
    pub cover: Option<String>,
    /// The article's address as the page gives it.
    pub url: Option<String>,
}

/// The phrase WeChat shows for an article its publisher deleted.
pub const DELETED: &str = "该内容已被发布者删除";

/// Other pages WeChat serves instead of an article.
const GONE: &[&str] = &[
    DELETED,
    "此内容因违规无法查看",
    "该内容已被删除",
    "此内容被投诉且经审核涉嫌侵权",
];

fn sel(s: &str) -> Selector {
    // The selectors below are literals known to parse.
    Selector::parse(s).unwrap_or_else(|_| unreachable!("bad selector literal {s}"))
}

/// Reads the facts of `doc`, or says why it is not an article.
pub fn meta(doc: &Html, raw: &str) -> Result<Meta, ImportError> {
    let content = doc.select(&sel("#js_content")).next();
    let has_text =
        content.is_some_and(|c| c.text().any(|t| !t.trim().is_empty()) || c.select(&sel("img")).next().is_some());
    if !has_text {
        if let Some(g) = GONE.iter().find(|g| raw.contains(*g)) {
            return Err(ImportError::Deleted((*g).to_string()));
        }
        return Err(ImportError::NotWechat);
    }
    let title = first_text(
        doc,
        &[
            ".js_title_inner",
            "#activity-name",
            "h1.rich_media_title",
            ".rich_media_title",
        ],
    )
    .or_else(|| js_var(raw, "msg_title"))
    .or_else(|| meta_content(doc, "meta[property=\"og:title\"]"))
    .or_else(|| first_text(doc, &["title"]))
    .ok_or(ImportError::NoTitle)?;
    let create_time = ["ct", "create_time", "ori_create_time"]
        .iter()
        .find_map(|k| js_var(raw, k).and_then(|v| v.trim().parse::<i64>().ok()))
        .filter(|t| *t > 0);
    Ok(Meta {
        title,
        create_time,
        publish_time: first_text(doc, &["#publish_time"]),
        author: meta_content(doc, "meta[name=\"author\"]")
            .or_else(|| {
                first_text(
                    doc,
                    &["#js_author_name", ".rich_media_meta_text.rich_media_meta_author"],
                )
            })
            .or_else(|| js_var(raw, "author")),
        account: first_text(doc, &["#js_name", ".profile_nickname", "#profileBt a"])
            .or_else(|| js_var(raw, "nickname")),
        summary: meta_content(doc, "meta[name=\"description\"]")
            .or_else(|| meta_content(doc, "meta[property=\"og:description\"]"))
            .or_else(|| js_var(raw, "msg_desc")),
        cover: js_var(raw, "msg_cdn_url").or_else(|| meta_content(doc, "meta[property=\"og:image\"]")),
        url: meta_content(doc, "meta[property=\"og:url\"]")
            .or_else(|| js_var(raw, "msg_link"))
            .or_else(|| saved_from(raw)),
    })
}

/// The address a browser notes in the page it saves:
/// `<!-- saved from url=(0071)https://mp.weixin.qq.com/s/… -->`.
fn saved_from(raw: &str) -> Option<String> {
    let mut end = raw.len().min(4096);
    while !raw.is_char_boundary(end) {
        end -= 1;
    }
    let head = &raw[..end];
    let at = head.find("saved from url=(")?;
    let rest = &head[at..];
    let url = rest[rest.find(')')? + 1..].split_whitespace().next()?;
    let url = url.trim_end_matches("-->");
    (url.starts_with("http://") || url.starts_with("https://")).then(|| url.to_string())
}

/// The trimmed text of the first element matching one of `sels` that has text.
fn first_text(doc: &Html, sels: &[&str]) -> Option<String> {
    sels.iter().find_map(|s| {
        doc.select(&sel(s)).find_map(|e| {
            let t = squeeze(&e.text().collect::<String>());
            (!t.is_empty()).then_some(t)
        })
    })
}

fn meta_content(doc: &Html, s: &str) -> Option<String> {
    doc.select(&sel(s))
        .find_map(|e| e.value().attr("content").map(squeeze).filter(|t| !t.is_empty()))
}

/// Whitespace runs to one space, trimmed.
pub fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The string value of a script variable: `var NAME = "v"`, `NAME: 'v'`,
/// `NAME = htmlDecode("v")`, `NAME = "v" * 1`, `NAME: JsDecode('v')`.
pub fn js_var(raw: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(i) = raw[from..].find(name) {
        let start = from + i;
        from = start + name.len();
        let before = raw[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == '$') {
            continue;
        }
        let rest = raw[from..].trim_start();
        let Some(rest) = rest.strip_prefix('=').or_else(|| rest.strip_prefix(':')) else {
            continue;
        };
        if rest.starts_with('=') {
            continue;
        }
        let mut rest = rest.trim_start();
        for wrapper in ["htmlDecode(", "JsDecode(", "decodeURIComponent("] {
            if let Some(r) = rest.strip_prefix(wrapper) {
                rest = r.trim_start();
            }
        }
        if let Some(v) = quoted(rest) {
            let v = unescape_js(v);
            if !v.trim().is_empty() {
                return Some(crate::escape::unescape_html(v.trim()));
            }
        } else {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if !digits.is_empty() {
                return Some(digits);
            }
        }
    }
    None
}

fn quoted(s: &str) -> Option<&str> {
    let q = s.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let body = &s[1..];
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            c if c == q && !escaped => return Some(&body[..i]),
            '\n' => return None,
            _ => escaped = false,
        }
    }
    None
}

fn unescape_js(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('x') => {
                let h: String = chars.by_ref().take(2).collect();
                out.extend(u32::from_str_radix(&h, 16).ok().and_then(char::from_u32));
            }
            Some('u') => {
                let h: String = chars.by_ref().take(4).collect();
                out.extend(u32::from_str_radix(&h, 16).ok().and_then(char::from_u32));
            }
            Some(o) => out.push(o),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_variables() {
        let raw = r#"var ct = "1709632800";
            var msg_cdn_url = "http://mmbiz.qpic.cn/a/0?wx_fmt=jpeg";
            var nickname = htmlDecode("永川&amp;科协");
            window.x = { create_time: JsDecode('1700000000'), msg_desc: 'a\x26b' };
            var select = "no";"#;
        assert_eq!(js_var(raw, "ct").as_deref(), Some("1709632800"));
        assert_eq!(js_var(raw, "create_time").as_deref(), Some("1700000000"));
        assert_eq!(js_var(raw, "nickname").as_deref(), Some("永川&科协"));
        assert_eq!(js_var(raw, "msg_desc").as_deref(), Some("a&b"));
        assert_eq!(
            js_var(raw, "msg_cdn_url").as_deref(),
            Some("http://mmbiz.qpic.cn/a/0?wx_fmt=jpeg")
        );
        assert_eq!(js_var(raw, "missing"), None);
        assert_eq!(js_var("var t = \"5\" * 1;", "t").as_deref(), Some("5"));
        let saved = "<!DOCTYPE html>\n<!-- saved from url=(0040)https://mp.weixin.qq.com/s/AbCd -->\n<html>";
        assert_eq!(saved_from(saved).as_deref(), Some("https://mp.weixin.qq.com/s/AbCd"));
        assert_eq!(saved_from("<html>"), None);
    }
}
