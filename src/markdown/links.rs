//! Link and image destinations.
//!
//! [`LinkCollector::start_tag`] takes each link or image start event:
//! 1. `@/path.md#anchor` is noted as an [`InternalLink`] (positioned at the
//!    `@/` when it is in the link's own text, else at the link's start) and
//!    resolved through the [`LinkResolver`]; the anchor is put back on the
//!    URL. An unknown path is a [`MarkdownError`]. A relative link to a
//!    Markdown file (`first.md`, `../emergency/x.md#part`), as editors
//!    such as Typora and VS Code write and follow it, is read from the
//!    folder of the file rendered and taken the same way.
//! 2. An external link (`http://`, `https://`, `//`) is noted and written as
//!    raw `<a .. rel="noopener">` HTML, using pulldown-cmark's own writer for
//!    the `href` and `title` escaping; its end event stays as it is.
//! 3. On a page of its own (`name.md`), a relative address of a file
//!    (`name.assets/a.png`, `files/guide.pdf`: a last part with a file
//!    extension) is read from the file's folder, as Typora and VS Code show
//!    it, and written as the address the file is published at.
//! 4. Everything else passes through unchanged; a destination on the site
//!    itself (`/x/`, `photo.jpg`) is noted as a [`LocalRef`], as are the
//!    `href` of `<a>` and the `src` of `<img>` in raw HTML
//!    ([`LinkCollector::raw_html`]).

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag};

use super::position::Positions;
use super::{InternalLink, LinkResolver, LocalRef, MarkdownError};

/// Collects links while rewriting their destinations.
pub(crate) struct LinkCollector<'o> {
    resolver: &'o dyn LinkResolver,
    /// The folder under `content/` of the file rendered.
    folder: &'o str,
    /// The site's path, when the file is a page of its own (see step 3).
    leaf_base: Option<&'o str>,
    pub(crate) internal: Vec<InternalLink>,
    pub(crate) external: Vec<String>,
    pub(crate) local: Vec<LocalRef>,
}

impl<'o> LinkCollector<'o> {
    /// A collector resolving through `resolver`, relative links to
    /// Markdown files from `folder`.
    pub(crate) fn new(resolver: &'o dyn LinkResolver, folder: &'o str) -> Self {
        Self {
            resolver,
            folder,
            leaf_base: None,
            internal: Vec::new(),
            external: Vec::new(),
            local: Vec::new(),
        }
    }

    /// The event to emit for a link or image start tag found at `range` of
    /// the expanded `text`.
    pub(crate) fn start_tag<'a>(
        &mut self,
        tag: Tag<'a>,
        range: Range<usize>,
        text: &str,
        pos: &Positions<'_>,
        errors: &mut Vec<MarkdownError>,
    ) -> Event<'a> {
        let (is_link, dest) = match &tag {
            Tag::Link { dest_url, .. } => (true, dest_url),
            Tag::Image { dest_url, .. } => (false, dest_url),
            _ => return Event::Start(tag),
        };
        if let Some(rest) = dest.strip_prefix("@/") {
            let at = text
                .get(range.clone())
                .and_then(|s| s.rfind("@/"))
                .map_or(range.start, |i| range.start + i);
            let url = self.internal(rest, None, at, pos, errors);
            return Event::Start(with_dest(tag, url));
        }
        if is_link && let Some(rest) = relative_markdown(dest, self.folder) {
            let written = dest.to_string();
            let at = text
                .get(range.clone())
                .and_then(|s| s.rfind(written.as_str()))
                .map_or(range.start, |i| range.start + i);
            let url = self.internal(&rest, Some(&written), at, pos, errors);
            return Event::Start(with_dest(tag, url));
        }
        if is_link && is_external(dest) {
            self.external.push(dest.to_string());
            return Event::InlineHtml(CowStr::from(external_anchor(tag)));
        }
        if is_local(dest) {
            let at = text
                .get(range.clone())
                .and_then(|s| s.rfind(dest.as_ref()))
                .map_or(range.start, |i| range.start + i);
            let (line, column) = pos.line_col(at);
            let beside = self.leaf_base.and_then(|base| file_beside(dest, self.folder, base));
            self.local.push(LocalRef {
                url: beside.clone().unwrap_or_else(|| dest.to_string()),
                written: beside.is_some().then(|| dest.to_string()),
                image: !is_link,
                line,
                column,
            });
            return Event::Start(with_dest(tag, beside));
        }
        Event::Start(tag)
    }

    /// The collector for a page of its own, under the site's `base_path`
    /// (`None`: a bundle, a section or no file).
    pub(crate) fn beside_a_leaf(mut self, base_path: Option<&'o str>) -> Self {
        self.leaf_base = base_path;
        self
    }

    /// Notes the local `href` of each `<a>` and `src` of each `<img>` in
    /// raw HTML that starts at offset `at` of the expanded text. Returns the
    /// HTML with the addresses of files beside a page of its own rewritten
    /// (step 3; Typora writes `<img src="name.assets/x.png" style="zoom:50%">`
    /// for a picture made smaller), if there were any.
    pub(crate) fn raw_html(&mut self, html: &str, at: usize, pos: &Positions<'_>) -> Option<String> {
        let mut rewritten: Option<String> = None;
        let mut copied = 0;
        for (start, end, url, image) in html_refs(html) {
            if !is_local(&url) {
                continue;
            }
            let (line, column) = pos.line_col(at + start);
            let beside = self.leaf_base.and_then(|base| file_beside(&url, self.folder, base));
            if let Some(new) = &beside {
                let out = rewritten.get_or_insert_with(String::new);
                out.push_str(&html[copied..start]);
                crate::escape::html_escape_into(out, new);
                copied = end;
            }
            self.local.push(LocalRef {
                written: beside.is_some().then(|| url.clone()),
                url: beside.unwrap_or(url),
                image,
                line,
                column,
            });
        }
        rewritten.map(|mut out| {
            out.push_str(&html[copied..]);
            out
        })
    }

    /// Notes and resolves `@/` + `rest`; `None` (and an error) if unknown.
    /// `written`: the relative link as written, when it was one.
    fn internal(
        &mut self,
        rest: &str,
        written: Option<&str>,
        at: usize,
        pos: &Positions<'_>,
        errors: &mut Vec<MarkdownError>,
    ) -> Option<String> {
        let (path, anchor) = match rest.split_once('#') {
            Some((path, anchor)) => (path, Some(anchor).filter(|a| !a.is_empty())),
            None => (rest, None),
        };
        let (line, column) = pos.line_col(at);
        self.internal.push(InternalLink {
            path: path.to_owned(),
            anchor: anchor.map(str::to_owned),
            line,
            column,
        });
        let Some(mut url) = self.resolver.resolve(path) else {
            let message = match written {
                Some(w) => crate::text!("markdown.broken_relative_link", w, path),
                None => crate::text!("markdown.broken_link", path),
            };
            errors.push(MarkdownError {
                line,
                column,
                message: message.into(),
                hint: Some(crate::text!("markdown.broken_link.help").into()),
            });
            return None;
        };
        if let Some(anchor) = anchor {
            url.push('#');
            url.push_str(anchor);
        }
        Some(url)
    }
}

/// The path under `content/` (with its `#anchor`) of `dest` when it is a
/// relative link to a Markdown file, read from `folder`: `first.md` from
/// `articles` is `articles/first.md`. `None` for any other link, and for
/// one that climbs out of `content/`.
fn relative_markdown(dest: &str, folder: &str) -> Option<String> {
    let dest = dest.trim();
    if dest.starts_with('/') || !is_local(dest) {
        return None;
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (dest, None),
    };
    let path = path.split('?').next().unwrap_or(path);
    let is_markdown = path.len() > 3
        && path
            .get(path.len() - 3..)
            .is_some_and(|e| e.eq_ignore_ascii_case(".md"));
    if !is_markdown {
        return None;
    }
    let path = crate::serve::request_path::decode(path.as_bytes())
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_else(|| path.to_string());
    let mut parts: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    for seg in path.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if let Some(a) = anchor {
        out.push('#');
        out.push_str(a);
    }
    Some(out)
}

/// The address under `base_path` of the file `dest` names relative to
/// `folder` (under `content/`), where content files are published as they
/// lie: `a1.assets/x.png` from `articles` is `/articles/a1.assets/x.png`.
/// `None` unless `dest` is relative and its last part has a file extension
/// other than a page's (`.html`, `.htm`, `.md`), or when it climbs out of
/// `content/`.
fn file_beside(dest: &str, folder: &str, base_path: &str) -> Option<String> {
    let dest = dest.trim();
    if dest.starts_with('/') {
        return None;
    }
    let split = dest.find(['?', '#']).unwrap_or(dest.len());
    let (path, rest) = dest.split_at(split);
    let last = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let is_file = last.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && !ext.is_empty() && !matches!(ext.to_ascii_lowercase().as_str(), "html" | "htm" | "md")
    });
    if !is_file {
        return None;
    }
    let mut parts: Vec<String> = folder
        .split('/')
        .filter(|s| !s.is_empty())
        .map(escape_segment)
        .collect();
    for seg in path.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s.to_string()),
        }
    }
    Some(format!("{base_path}{}{rest}", parts.join("/")))
}

/// A folder name as a part of an address: the characters that would end
/// or change one (`%`, `#`, `?`, space) escaped.
fn escape_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            ' ' => out.push_str("%20"),
            c => out.push(c),
        }
    }
    out
}

/// Whether `dest` points off-site: `http://`, `https://` or `//`.
fn is_external(dest: &str) -> bool {
    let starts = |p: &str| dest.get(..p.len()).is_some_and(|s| s.eq_ignore_ascii_case(p));
    starts("http://") || starts("https://") || dest.starts_with("//")
}

/// Whether `dest` is an address on the site itself: not empty, not only an
/// anchor or a query, not off-site (`//`), without a scheme (`mailto:`,
/// `data:`, `javascript:`).
fn is_local(dest: &str) -> bool {
    let dest = dest.trim();
    if dest.is_empty() || dest.starts_with(['#', '?']) || dest.starts_with("//") || dest.starts_with("@/") {
        return false;
    }
    let end = dest.find(['/', '?', '#']).unwrap_or(dest.len());
    let scheme = dest[..end].split_once(':').map(|(s, _)| s);
    !scheme.is_some_and(|s| {
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// (start and end offsets of the value, value, whether an image) of each
/// `<a href>` and `<img src>` start tag in `html`; `&amp;` in values is
/// read as `&`.
fn html_refs(html: &str) -> Vec<(usize, usize, String, bool)> {
    let mut out = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html.get(i..).and_then(|s| s.find('<')) {
        let start = i + off + 1;
        let name_end = html[start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .map_or(html.len(), |n| start + n);
        let name = html[start..name_end].to_ascii_lowercase();
        i = name_end.max(start);
        let wanted = match name.as_str() {
            "a" => "href",
            "img" => "src",
            _ => continue,
        };
        let mut j = name_end;
        while j < bytes.len() && bytes[j] != b'>' {
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            let n0 = j;
            while j < bytes.len() && !bytes[j].is_ascii_whitespace() && !matches!(bytes[j], b'=' | b'>') {
                j += 1;
            }
            let attr = html[n0..j].to_ascii_lowercase();
            if j < bytes.len() && bytes[j] == b'=' {
                j += 1;
                let (v0, v1) = match bytes.get(j) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = html[j + 1..].find(q as char).map_or(html.len(), |e| j + 1 + e);
                        let r = (j + 1, end);
                        j = (end + 1).min(html.len());
                        r
                    }
                    _ => {
                        let v0 = j;
                        while j < bytes.len() && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>' {
                            j += 1;
                        }
                        (v0, j)
                    }
                };
                if attr == wanted {
                    out.push((v0, v1, crate::escape::unescape_html(&html[v0..v1]), name == "img"));
                }
            } else if j == n0 {
                j += 1;
            }
        }
        i = j;
    }
    out
}

/// `tag` with its destination replaced by `url` (kept as it is if `None`).
fn with_dest(tag: Tag<'_>, url: Option<String>) -> Tag<'_> {
    let Some(url) = url else { return tag };
    match tag {
        Tag::Link {
            link_type, title, id, ..
        } => Tag::Link {
            link_type,
            dest_url: CowStr::from(url),
            title,
            id,
        },
        Tag::Image {
            link_type, title, id, ..
        } => Tag::Image {
            link_type,
            dest_url: CowStr::from(url),
            title,
            id,
        },
        other => other,
    }
}

/// `<a href=".." title=".." rel="noopener">` for a link start tag.
fn external_anchor(tag: Tag<'_>) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, std::iter::once(Event::Start(tag)));
    if html.ends_with('>') {
        html.pop();
    }
    html.push_str(" rel=\"noopener\">");
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::position::{Locator, SourceMap};
    use pulldown_cmark::LinkType;

    struct Pages;
    impl LinkResolver for Pages {
        fn resolve(&self, path: &str) -> Option<String> {
            (path == "articles/x.md").then(|| "/kepu/articles/x/".to_owned())
        }
    }

    fn link(dest: &str, title: &str) -> Tag<'static> {
        Tag::Link {
            link_type: LinkType::Inline,
            dest_url: CowStr::from(dest.to_owned()),
            title: CowStr::from(title.to_owned()),
            id: CowStr::Borrowed(""),
        }
    }

    fn run(text: &str, tag: Tag<'static>) -> (Event<'static>, LinkCollector<'static>, Vec<MarkdownError>) {
        let pos = Positions {
            locator: Locator::new(text),
            map: SourceMap::default(),
        };
        let mut links = LinkCollector::new(&Pages, "articles");
        let mut errors = Vec::new();
        let ev = links.start_tag(tag, 0..text.len(), text, &pos, &mut errors);
        (ev, links, errors)
    }

    #[test]
    fn internal_link_resolves_with_anchor() {
        let text = "[x](@/articles/x.md#part)";
        let (ev, links, errors) = run(text, link("@/articles/x.md#part", ""));
        assert!(errors.is_empty());
        assert!(matches!(ev, Event::Start(Tag::Link { dest_url, .. })
            if dest_url.as_ref() == "/kepu/articles/x/#part"));
        let l = &links.internal[0];
        assert_eq!((l.path.as_str(), l.anchor.as_deref()), ("articles/x.md", Some("part")));
        assert_eq!((l.line, l.column), (1, 5));
    }

    #[test]
    fn relative_links_to_markdown_files_are_read_from_the_files_folder() {
        let rel = |d: &str| relative_markdown(d, "articles/trip");
        assert_eq!(rel("x.md").as_deref(), Some("articles/trip/x.md"));
        assert_eq!(rel("./x.MD#part").as_deref(), Some("articles/trip/x.MD#part"));
        assert_eq!(rel("../x.md").as_deref(), Some("articles/x.md"));
        assert_eq!(rel("..\\..\\emergency\\y.md").as_deref(), Some("emergency/y.md"));
        assert_eq!(rel("%E4%B8%AD.md").as_deref(), Some("articles/trip/中.md"));
        for d in [
            "../../../x.md",
            "/articles/x.md",
            "https://a.org/x.md",
            "x.mdx",
            "photo.jpg",
            "#x.md",
            ".md",
            "mailto:x.md",
        ] {
            assert_eq!(rel(d), None, "{d}");
        }
        // The collector of these tests renders a file in `articles/`.
        let (ev, links, errors) = run("[x](./x.md#part)", link("./x.md#part", ""));
        assert!(errors.is_empty());
        assert!(matches!(ev, Event::Start(Tag::Link { dest_url, .. })
            if dest_url.as_ref() == "/kepu/articles/x/#part"));
        assert_eq!(links.internal[0].path, "articles/x.md");
        assert!(links.local.is_empty());
    }

    #[test]
    fn files_beside_a_page_of_its_own_are_read_from_its_folder() {
        let beside = |d: &str| file_beside(d, "articles/my notes", "/kepu/");
        assert_eq!(
            beside("a1.assets/x.png").as_deref(),
            Some("/kepu/articles/my%20notes/a1.assets/x.png")
        );
        assert_eq!(
            beside("./x.PDF?v=2#p").as_deref(),
            Some("/kepu/articles/my%20notes/x.PDF?v=2#p")
        );
        assert_eq!(beside("..\\..\\x.png").as_deref(), Some("/kepu/x.png"));
        for d in [
            "../ok/",
            "x",
            "../y.html",
            "z.md",
            "/abs.png",
            "../../../x.png",
            ".hidden",
            "dir.d/",
        ] {
            assert_eq!(beside(d), None, "{d}");
        }
    }

    #[test]
    fn broken_internal_link_is_an_error() {
        let (_, links, errors) = run("[y](@/nope.md)", link("@/nope.md", ""));
        assert_eq!(errors[0].message, "broken internal link: @/nope.md does not exist");
        assert_eq!(errors[0].hint.as_deref(), Some("check the path under content/"));
        assert_eq!(links.internal.len(), 1);
    }

    #[test]
    fn local_destinations_are_noted_at_their_place() {
        let text = "[旧文](/articles/old/)";
        let (_, links, _) = run(text, link("/articles/old/", ""));
        assert_eq!(links.local.len(), 1);
        assert_eq!((links.local[0].line, links.local[0].column), (1, 6));
        for dest in [
            "mailto:a@b",
            "data:image/png;base64,x",
            "#top",
            "//cdn.x/a.png",
            "tel:123",
            "?q=1",
        ] {
            assert!(!is_local(dest), "{dest}");
        }
        for dest in ["photo.jpg", "/images/a.png", "../x/", "x/a:b.png", "照片.jpg"] {
            assert!(is_local(dest), "{dest}");
        }
    }

    #[test]
    fn raw_html_links_and_images() {
        let refs =
            html_refs("<p><A HREF='/x/'>x</A> <img alt=\"a\" src=\"p.jpg\"> <a name=top> <area href=\"/no/\"></p>");
        assert_eq!(
            refs,
            vec![(12, 15, "/x/".to_owned(), false), (41, 46, "p.jpg".to_owned(), true)]
        );
    }

    #[test]
    fn external_link_gets_rel_and_escaped_title() {
        let (ev, links, _) = run("", link("https://example.org/?a=1&b=2", "say \"hi\""));
        assert_eq!(
            ev,
            Event::InlineHtml(CowStr::from(
                "<a href=\"https://example.org/?a=1&amp;b=2\" title=\"say &quot;hi&quot;\" rel=\"noopener\">"
                    .to_owned()
            ))
        );
        assert_eq!(links.external, ["https://example.org/?a=1&b=2"]);
        assert!(is_external("//cdn.example.org/x") && is_external("HTTP://X"));
        assert!(!is_external("/local/") && !is_external("mailto:a@b"));
    }
}
