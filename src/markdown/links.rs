//! Link and image destinations.
//!
//! [`LinkCollector::start_tag`] takes each link or image start event:
//! 1. `@/path.md#anchor` is noted as an [`InternalLink`] (positioned at the
//!    `@/` when it is in the link's own text, else at the link's start) and
//!    resolved through the [`LinkResolver`]; the anchor is put back on the
//!    URL. An unknown path is a [`MarkdownError`].
//! 2. An external link (`http://`, `https://`, `//`) is noted and written as
//!    raw `<a .. rel="noopener">` HTML, using pulldown-cmark's own writer for
//!    the `href` and `title` escaping; its end event stays as it is.
//! 3. A relative address is also read from the folder of the file rendered,
//!    as Typora and VS Code write and follow it:
//!    - a link to a Markdown file (`first.md`, `../emergency/x.md#part`)
//!      leads to that page, taken as in step 1 (or to the file, when it is
//!      one copied as it is);
//!    - on a page of its own (`name.md`, whose address is a level below its
//!      folder's), a file that is published (`name.assets/a.png`) is shown
//!      from its published address. The paths looked up are noted
//!      ([`LinkCollector::beside`]) so that `serve` renders the page again
//!      when files come or go.
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
    /// Whether the file is a page of its own (step 3).
    leaf: bool,
    pub(crate) internal: Vec<InternalLink>,
    pub(crate) external: Vec<String>,
    pub(crate) local: Vec<LocalRef>,
    /// Paths under `content/` looked up as files from the folder (step 3).
    pub(crate) beside: Vec<String>,
}

impl<'o> LinkCollector<'o> {
    /// A collector resolving through `resolver`, relative addresses from
    /// `folder`, for a page of its own when `leaf`.
    pub(crate) fn new(resolver: &'o dyn LinkResolver, folder: &'o str, leaf: bool) -> Self {
        Self {
            resolver,
            folder,
            leaf,
            internal: Vec::new(),
            external: Vec::new(),
            local: Vec::new(),
            beside: Vec::new(),
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
        let at = |what: &str| {
            text.get(range.clone())
                .and_then(|s| s.rfind(what))
                .map_or(range.start, |i| range.start + i)
        };
        if let Some(rest) = dest.strip_prefix("@/") {
            let url = self.internal(rest, None, at("@/"), pos, errors);
            return Event::Start(with_dest(tag, url));
        }
        if is_link && is_external(dest) {
            self.external.push(dest.to_string());
            return Event::InlineHtml(CowStr::from(external_anchor(tag)));
        }
        if !is_link && is_wechat_image(dest) {
            errors.push(wechat_image(pos, at(dest.as_ref())));
        }
        if !is_local(dest) {
            return Event::Start(tag);
        }
        let at = at(dest.as_ref());
        // A path copied from Windows (`images\x.png`): browsers read `\`
        // as `/`, but Markdown would escape it; it is written with `/`.
        let written = dest.replace('\\', "/");
        let tag = match written != dest.as_ref() {
            true => with_dest(tag, Some(written.clone())),
            false => tag,
        };
        let mut missing = None;
        if let Some((path, rest)) = from_folder(&written, self.folder) {
            if is_link && is_markdown(&path) {
                if self.resolver.resolve(&path).is_none() {
                    self.beside.push(path.clone());
                    if let Some(url) = self.resolver.file(&path) {
                        return Event::Start(with_dest(tag, Some(format!("{url}{rest}"))));
                    }
                }
                let anchor = rest.split_once('#').map_or("", |(_, a)| a);
                let url = self.internal(&format!("{path}#{anchor}"), Some(&written), at, pos, errors);
                return Event::Start(with_dest(tag, url));
            }
            match self.published_beside(&path) {
                Some(url) => return Event::Start(with_dest(tag, Some(format!("{url}{rest}")))),
                None => missing = (self.leaf && is_file_name(&path)).then_some(path),
            }
        }
        let (line, column) = pos.line_col(at);
        self.local.push(LocalRef {
            url: written,
            from_folder: missing,
            image: !is_link,
            line,
            column,
        });
        Event::Start(tag)
    }

    /// On a page of its own, the published address of the file at `path`
    /// under `content/` (noted as looked up); `None` elsewhere, or when no
    /// file is published from there.
    fn published_beside(&mut self, path: &str) -> Option<String> {
        if !self.leaf || !is_file_name(path) {
            return None;
        }
        self.beside.push(path.to_string());
        self.resolver.file(path)
    }

    /// Notes the local `href` of each `<a>` and `src` of each `<img>` in
    /// raw HTML that starts at offset `at` of the expanded text. Returns the
    /// HTML with the addresses of files beside a page of its own rewritten
    /// (step 3; Typora writes `<img src="name.assets/x.png" style="zoom:50%">`
    /// for a picture made smaller), if there were any.
    pub(crate) fn raw_html(
        &mut self,
        html: &str,
        at: usize,
        pos: &Positions<'_>,
        errors: &mut Vec<MarkdownError>,
    ) -> Option<String> {
        let mut rewritten: Option<String> = None;
        let mut copied = 0;
        for (start, end, url, image) in html_refs(html) {
            if image && is_wechat_image(&url) {
                errors.push(wechat_image(pos, at + start));
            }
            if !is_local(&url) {
                continue;
            }
            let mut missing = None;
            if let Some((path, rest)) = from_folder(&url, self.folder) {
                match self.published_beside(&path) {
                    Some(new) => {
                        let out = rewritten.get_or_insert_with(String::new);
                        out.push_str(&html[copied..start]);
                        crate::escape::html_escape_into(out, &format!("{new}{rest}"));
                        copied = end;
                        continue;
                    }
                    None => missing = (self.leaf && is_file_name(&path)).then_some(path),
                }
            }
            let (line, column) = pos.line_col(at + start);
            self.local.push(LocalRef {
                url,
                from_folder: missing,
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
                warning: false,
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

/// A relative address (`../a/b.png?x#y`) read from `folder` (under
/// `content/`): the path under `content/` it names, percent-decoded, and
/// what follows the path (`?x#y`). `None` for an address from the site's
/// root and for one that climbs out of `content/`.
fn from_folder<'d>(dest: &'d str, folder: &str) -> Option<(String, &'d str)> {
    let dest = dest.trim();
    if dest.starts_with(['/', '\\']) {
        return None;
    }
    let (path, rest) = dest.split_at(dest.find(['?', '#']).unwrap_or(dest.len()));
    let path = crate::urls::percent_decode(path);
    Some((crate::urls::join_relative(folder, &path)?, rest))
}

/// Whether the last part of `path` names a Markdown file (`x.md`, `X.MD`).
fn is_markdown(path: &str) -> bool {
    extension(path).is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

/// Whether the last part of `path` names a file other than a page
/// (`x.png`, `guide.pdf`, `demo.html`; not `x.md`, `dir/`).
fn is_file_name(path: &str) -> bool {
    extension(path).is_some_and(|e| !e.eq_ignore_ascii_case("md"))
}

/// The extension of the last part of `path`, if it has a name before it.
fn extension(path: &str) -> Option<&str> {
    let last = path.rsplit('/').next().unwrap_or(path);
    last.rsplit_once('.')
        .filter(|(stem, ext)| !stem.is_empty() && !ext.is_empty())
        .map(|(_, ext)| ext)
}

/// Whether `dest` is a picture on WeChat's servers (`mmbiz.qpic.cn`), as
/// copying from a 公众号 article gives: WeChat shows other sites a
/// placeholder ("此图片来自微信公众平台") instead.
fn is_wechat_image(dest: &str) -> bool {
    if !is_external(dest) {
        return false;
    }
    let after = dest.split_once("//").map_or(dest, |(_, rest)| rest);
    let host = after
        .split(['/', '?', '#', ':'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    host == "qpic.cn" || host.ends_with(".qpic.cn") || host.ends_with(".qlogo.cn")
}

/// The warning for a WeChat picture at offset `at` of the expanded text.
fn wechat_image(pos: &Positions<'_>, at: usize) -> MarkdownError {
    let (line, column) = pos.line_col(at);
    MarkdownError {
        line,
        column,
        message: crate::text!("markdown.wechat_image").into(),
        hint: Some(crate::text!("markdown.wechat_image.help").into()),
        warning: true,
    }
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

        fn file(&self, path: &str) -> Option<String> {
            (path == "articles/a1.assets/x.png").then(|| "/kepu/articles/a1.assets/x.png".to_owned())
        }
    }

    fn image(dest: &str) -> Tag<'static> {
        Tag::Image {
            link_type: LinkType::Inline,
            dest_url: CowStr::from(dest.to_owned()),
            title: CowStr::Borrowed(""),
            id: CowStr::Borrowed(""),
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
        let mut links = LinkCollector::new(&Pages, "articles", false);
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
    fn relative_addresses_are_read_from_the_files_folder() {
        let from = |d: &str| from_folder(d, "articles/trip").map(|(p, rest)| format!("{p}|{rest}"));
        assert_eq!(from("x.md").as_deref(), Some("articles/trip/x.md|"));
        assert_eq!(from("./x.MD?a=1#part").as_deref(), Some("articles/trip/x.MD|?a=1#part"));
        assert_eq!(from("..\\..\\emergency\\y.md").as_deref(), Some("emergency/y.md|"));
        assert_eq!(from("%E4%B8%AD.png").as_deref(), Some("articles/trip/中.png|"));
        for d in ["../../../x.md", "/articles/x.md", "\\x.md"] {
            assert_eq!(from(d), None, "{d}");
        }
        assert!(is_markdown("a/x.MD") && !is_markdown("x.mdx") && !is_markdown(".md") && !is_markdown("a.md/"));
        assert!(is_file_name("a/x.png") && is_file_name("g.PDF") && is_file_name("demo.html"));
        for p in ["x.md", "dir/", "x", ".hidden"] {
            assert!(!is_file_name(p), "{p}");
        }
    }

    #[test]
    fn a_relative_link_to_a_markdown_file_leads_to_its_page() {
        // The collector of these tests renders a file in `articles/`.
        let (ev, links, errors) = run("[x](./x.md#part)", link("./x.md#part", ""));
        assert!(errors.is_empty());
        assert!(matches!(ev, Event::Start(Tag::Link { dest_url, .. })
            if dest_url.as_ref() == "/kepu/articles/x/#part"));
        assert_eq!(links.internal[0].path, "articles/x.md");
        assert!(links.local.is_empty() && links.beside.is_empty());
        let (_, links, errors) = run("[y](y.md)", link("y.md", ""));
        assert_eq!(
            errors[0].message,
            "broken internal link: y.md points at content/articles/y.md, which does not exist"
        );
        assert_eq!(links.beside, ["articles/y.md"]);
    }

    #[test]
    fn a_file_beside_a_page_of_its_own_is_shown_where_it_is_published() {
        let text = "![a](a1.assets/x.png?v=1) ![b](../x.png) ![c](a1.assets/none.png)";
        let pos = Positions {
            locator: Locator::new(text),
            map: SourceMap::default(),
        };
        let mut leaf = LinkCollector::new(&Pages, "articles", true);
        let mut bundle = LinkCollector::new(&Pages, "articles", false);
        let mut errors = Vec::new();
        let mut dest =
            |c: &mut LinkCollector, d: &str| match c.start_tag(image(d), 0..text.len(), text, &pos, &mut errors) {
                Event::Start(Tag::Image { dest_url, .. }) => dest_url.to_string(),
                other => panic!("{other:?}"),
            };
        assert_eq!(
            dest(&mut leaf, "a1.assets/x.png?v=1"),
            "/kepu/articles/a1.assets/x.png?v=1"
        );
        // Not published from the folder: as written, for the site check.
        assert_eq!(dest(&mut leaf, "../x.png"), "../x.png");
        assert_eq!(dest(&mut leaf, "a1.assets/none.png"), "a1.assets/none.png");
        assert_eq!(
            leaf.beside,
            ["articles/a1.assets/x.png", "x.png", "articles/a1.assets/none.png"]
        );
        let urls: Vec<&str> = leaf.local.iter().map(|r| r.url.as_str()).collect();
        assert_eq!(urls, ["../x.png", "a1.assets/none.png"]);
        assert_eq!(dest(&mut bundle, "a1.assets/x.png?v=1"), "a1.assets/x.png?v=1");
        // A Windows path is written with `/`, and checked as written so.
        assert_eq!(dest(&mut bundle, "images\\x.png"), "images/x.png");
        assert_eq!(bundle.local.last().map(|r| r.url.as_str()), Some("images/x.png"));
        assert!(bundle.beside.is_empty());
        let html = leaf.raw_html(
            "<img src=\"a1.assets/x.png\" style=\"zoom:50%;\"> <a href=\"a.md\">",
            0,
            &pos,
            &mut Vec::new(),
        );
        assert_eq!(
            html.as_deref(),
            Some("<img src=\"/kepu/articles/a1.assets/x.png\" style=\"zoom:50%;\"> <a href=\"a.md\">")
        );
        assert!(errors.is_empty());
    }

    #[test]
    fn pictures_on_wechats_servers_are_told_apart() {
        for d in [
            "https://mmbiz.qpic.cn/mmbiz_jpg/A/640?wx_fmt=jpeg",
            "HTTP://MMBIZ.QPIC.CN/x",
            "//mmbiz.qpic.cn/x",
            "https://wx.qlogo.cn/mmhead/x/0",
        ] {
            assert!(is_wechat_image(d), "{d}");
        }
        for d in [
            "https://example.org/qpic.cn.jpg",
            "mmbiz.qpic.cn/x.jpg",
            "https://qpic.cn.example.org/x",
            "/images/a.png",
        ] {
            assert!(!is_wechat_image(d), "{d}");
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
