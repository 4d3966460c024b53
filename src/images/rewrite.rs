//! Pointing a page at the renditions.
//!
//! [`page`] rewrites every `<img>` whose `src` is a processed image into a
//! `<picture>` (a WebP `<source>` and the JPEG/PNG `<img>`, both with
//! `srcset` and `sizes`, the `<img>` with `width`, `height`,
//! `decoding="async"` and `loading="lazy"` after the first image), every
//! `og:image` into the 1200-wide rendition, and on a board poster every
//! image into the print rendition (never lazy: a printout does not
//! scroll). [`urls`] then points any other mention of an original (a
//! link, a feed) at its fallback rendition.

use super::tag::{self, Tag};
use super::{Entry, Images, Rendition};

/// What a page's rewrite found.
#[derive(Debug, Default)]
pub struct PageImages {
    /// Output paths of failed images the page uses.
    pub failed: Vec<String>,
    /// Each distinct image with the bytes of its phone rendition.
    pub phone_bytes: Vec<(String, u64)>,
}

/// The output path a `url` written in the page at `page` points at.
pub fn resolve_url(url: &str, page: &str, base_path: &str, base_url: &str) -> Option<String> {
    let url = url.split(['?', '#']).next()?.trim();
    let path = if let Some(rest) = url.strip_prefix(base_url).filter(|r| r.starts_with('/')) {
        rest.to_owned()
    } else if url.contains("://") || url.starts_with("//") || url.contains(':') && !url.starts_with('/') {
        return None;
    } else if let Some(rest) = url.strip_prefix(base_path) {
        rest.to_owned()
    } else if url.starts_with('/') {
        return None;
    } else {
        let dir = page.rfind('/').map_or("", |i| &page[..i]);
        return Some(crate::urls::percent_decode(&crate::urls::join_relative(dir, url)?));
    };
    Some(crate::urls::percent_decode(&crate::urls::join_relative("", &path)?))
}

/// Whether `text` may name an image [`page`] or [`urls`] would rewrite:
/// an `<img` tag, or a name ending in `.jpg`, `.jpeg`, `.png` or `.webp`
/// (any case), or an escaped dot. One pass over the bytes; a file
/// without any passes as it is, neither checked as UTF-8 nor copied.
pub fn may_name_images(text: &[u8]) -> bool {
    let at = |i: usize, what: &[u8]| {
        text.get(i..i + what.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(what))
    };
    memchr::memchr3_iter(b'<', b'.', b'%', text).any(|i| match text[i] {
        b'<' => at(i + 1, b"img"),
        b'.' => at(i + 1, b"jp") || at(i + 1, b"png") || at(i + 1, b"webp"),
        _ => at(i + 1, b"2e"),
    })
}

/// `html` of the page at `path` with its images pointed at renditions.
pub fn page(html: &str, path: &str, images: &Images) -> (String, PageImages) {
    let mut found = PageImages::default();
    if images.entries.is_empty() && images.failed.is_empty() {
        return (html.to_owned(), found);
    }
    let poster = path.ends_with("poster/index.html");
    let mut out = String::with_capacity(html.len() + 512);
    let mut at = 0;
    let mut first = true;
    while let Some(t) = tag::next(html, at, &["img", "meta"]) {
        out.push_str(&html[at..t.start]);
        at = t.end;
        let src = match t.name.as_str() {
            "img" => t.get("src"),
            _ if t.get("property") == Some("og:image") => t.get("content"),
            _ => None,
        };
        let rel = src.and_then(|s| images.resolve(&crate::escape::unescape_html(s), path));
        if let Some(rel) = rel.as_ref().filter(|r| images.failed.contains_key(*r)) {
            found.failed.push(rel.clone());
        }
        let entry = rel.as_ref().and_then(|r| images.entries.get(r));
        let lazy = !first && !poster;
        let written = match (t.name.as_str(), entry) {
            ("meta", Some(e)) => og(&t, e, images),
            ("meta", None) => html[t.start..t.end].to_owned(),
            (_, Some(e)) if poster => print(&t, e, images),
            (_, Some(e)) if !t.has("srcset") => {
                if !found.phone_bytes.iter().any(|(r, _)| *r == e.rel) {
                    found.phone_bytes.push((e.rel.clone(), e.phone().webp.bytes));
                }
                picture(&t, e, images, lazy)
            }
            _ => plain(&t, lazy),
        };
        if t.name == "img" {
            first = false;
        }
        out.push_str(&written);
    }
    out.push_str(&html[at..]);
    let out = urls(&out, path, images);
    (out, found)
}

fn url(images: &Images, e: &Entry, r: &Rendition, webp: bool) -> String {
    let ext = if webp { "webp" } else { e.meta.fallback_ext.as_str() };
    format!("{}{}", images.base_path, e.out_path(r.width, ext))
}

fn srcset(images: &Images, e: &Entry, webp: bool) -> String {
    let widths = &images.config.widths;
    let mut list: Vec<&Rendition> = e
        .meta
        .renditions
        .iter()
        .filter(|r| widths.contains(&r.width) || r.width == e.meta.width)
        .collect();
    if list.is_empty() {
        list = e.meta.renditions.iter().collect();
    }
    list.iter()
        .map(|r| format!("{} {}w", url(images, e, r, webp), r.width))
        .collect::<Vec<_>>()
        .join(", ")
}

const DROP: &[&str] = &[
    "src",
    "srcset",
    "sizes",
    "data-sizes",
    "width",
    "height",
    "loading",
    "decoding",
];

fn picture(t: &Tag, e: &Entry, images: &Images, lazy: bool) -> String {
    // A template asks for a size with `data-sizes` (valid HTML whether or
    // not the image is processed) or `sizes`.
    let sizes = t
        .get("sizes")
        .or_else(|| t.get("data-sizes"))
        .unwrap_or(&images.config.sizes)
        .to_owned();
    let r = e.at_least(800);
    let (w, h) = (r.width.to_string(), r.height.to_string());
    let mut add = vec![
        ("src", url(images, e, r, false)),
        ("srcset", srcset(images, e, false)),
        ("sizes", sizes.clone()),
        ("width", w),
        ("height", h),
        ("decoding", "async".to_owned()),
    ];
    if lazy {
        add.push(("loading", "lazy".to_owned()));
    }
    let add: Vec<(&str, &str)> = add.iter().map(|(n, v)| (*n, v.as_str())).collect();
    format!(
        "<picture><source type=\"image/webp\" srcset=\"{}\" sizes=\"{sizes}\">{}</picture>",
        srcset(images, e, true),
        t.write(DROP, &add)
    )
}

fn print(t: &Tag, e: &Entry, images: &Images) -> String {
    let r = e.at_least(images.config.print_width);
    let (src, w, h) = (url(images, e, r, false), r.width.to_string(), r.height.to_string());
    t.write(
        DROP,
        &[("src", &src), ("width", &w), ("height", &h), ("decoding", "async")],
    )
}

fn og(t: &Tag, e: &Entry, images: &Images) -> String {
    let r = e.at_least(images.config.og_width);
    let origin = images.base_url.trim_end_matches('/');
    let base = images.base_path.trim_end_matches('/');
    let origin = origin.strip_suffix(base).unwrap_or(origin);
    let content = format!("{origin}{}", url(images, e, r, false));
    format!(
        "{}<meta property=\"og:image:width\" content=\"{}\"><meta property=\"og:image:height\" content=\"{}\">",
        t.write(&["content"], &[("content", &content)]),
        r.width,
        r.height
    )
}

fn plain(t: &Tag, lazy: bool) -> String {
    if t.name != "img" {
        return t.write(&[], &[]);
    }
    let mut add = vec![("decoding", "async")];
    if lazy {
        add.push(("loading", "lazy"));
    }
    t.write(&["loading", "decoding"], &add)
}

/// Every other mention of an original in `text` (a link, a feed entry)
/// pointed at its fallback rendition at the `og:image` width.
pub fn urls(text: &str, path: &str, images: &Images) -> String {
    if images.entries.is_empty() {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut i = 0;
    while let Some(dot) = text[i..].find('.').map(|n| i + n) {
        i = dot + 1;
        let Some(ext_len) = ["jpeg", "jpg", "png", "webp"]
            .iter()
            .find(|e| {
                bytes
                    .get(dot + 1..dot + 1 + e.len())
                    .is_some_and(|b| b.eq_ignore_ascii_case(e.as_bytes()))
            })
            .map(|e| e.len())
        else {
            continue;
        };
        let end = dot + 1 + ext_len;
        if !matches!(
            text.as_bytes().get(end),
            None | Some(b'"' | b'\'' | b')' | b'<' | b'&' | b'?' | b'#' | b' ' | b'\n')
        ) {
            continue;
        }
        let start = text[at..dot]
            .rfind(['"', '\'', '(', ' ', '\n', '>', '=', ';', '\t'])
            .map_or(at, |n| at + n + 1);
        let Some(e) = images
            .resolve(&text[start..end], path)
            .and_then(|r| images.entries.get(&r))
        else {
            continue;
        };
        let r = e.at_least(images.config.og_width);
        let absolute = text[start..end].contains("://");
        let mut new = url(images, e, r, false);
        if absolute {
            let origin = images.base_url.trim_end_matches('/');
            let base = images.base_path.trim_end_matches('/');
            new = format!("{}{new}", origin.strip_suffix(base).unwrap_or(origin));
        }
        out.push_str(&text[at..start]);
        out.push_str(&new);
        at = end;
        i = end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_naming_no_image_are_told_apart() {
        for yes in [
            "<p><IMG src=x.gif>",
            "<meta property=\"og:image\" content=\"/a/b.JPEG\">",
            "see photo.jpg",
            "a.Png",
            "x.webp\"",
            "a%2Ejpg",
        ] {
            assert!(may_name_images(yes.as_bytes()), "{yes}");
        }
        for no in ["<p>图片</p><image>", "a.gif b.svg", "x.js", "%2", "", "<im"] {
            assert!(!may_name_images(no.as_bytes()), "{no}");
        }
    }

    #[test]
    fn urls_resolve_to_output_paths_decoded_once() {
        let r = |url, page| resolve_url(url, page, "/kepu/", "https://x.org/kepu");
        assert_eq!(
            r("%E7%85%A7%E7%89%87.jpg", "articles/x/index.html").as_deref(),
            Some("articles/x/照片.jpg")
        );
        assert_eq!(r("/kepu/img/a%2520b.png", "").as_deref(), Some("img/a%20b.png"));
        assert_eq!(r("a%zz.jpg?x#y", "a/index.html").as_deref(), Some("a/a%zz.jpg"));
        assert_eq!(r("a%ff.jpg", "").as_deref(), Some("a%ff.jpg"), "not UTF-8: as written");
        assert_eq!(r("https://x.org/kepu/img/a.jpg", "").as_deref(), Some("img/a.jpg"));
        assert_eq!(r("https://x.org/kepu/../a.jpg", ""), None, "out of the site");
        assert_eq!(r("https://other.org/a.jpg", ""), None);
        assert_eq!(r("/elsewhere/a.jpg", ""), None);
    }
}
