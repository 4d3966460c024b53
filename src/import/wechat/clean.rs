//! WeChat's body HTML (`#js_content`) into [`Block`]s: nested `section`,
//! `span` and `p` with inline styles become paragraphs of marked runs; the
//! styles leave only what they mean (bold, italic, the font size that may
//! make a heading); chrome elements are skipped.

use std::collections::HashSet;

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node, Selector};

use super::blocks::{Block, Image, Inline, MediaKind, Para};
use super::chrome::Chrome;
use super::style::{Style, collapse, css_value, styled};

/// The blocks of the page's `#js_content`, chrome elements left out.
pub fn body(doc: &Html, chrome: &Chrome) -> Vec<Block> {
    let mut skip = HashSet::new();
    for s in &chrome.selectors {
        for e in doc.select(s) {
            skip.insert(e.id());
        }
    }
    let Ok(content) = Selector::parse("#js_content") else {
        return Vec::new();
    };
    let mut b = Builder::new(&skip);
    if let Some(root) = doc.select(&content).next() {
        b.children(*root, &Style::default());
    }
    b.finish()
}

struct Builder<'s> {
    skip: &'s HashSet<ego_tree::NodeId>,
    blocks: Vec<Block>,
    runs: Vec<Inline>,
    all_bold: bool,
    size: Option<f32>,
    size_known: bool,
}

impl<'s> Builder<'s> {
    fn new(skip: &'s HashSet<ego_tree::NodeId>) -> Self {
        Builder {
            skip,
            blocks: Vec::new(),
            runs: Vec::new(),
            all_bold: true,
            size: None,
            size_known: true,
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush();
        self.blocks
    }

    fn sub(&self) -> Builder<'s> {
        Builder::new(self.skip)
    }

    fn children(&mut self, node: NodeRef<'_, Node>, st: &Style) {
        for c in node.children() {
            self.node(c, st);
        }
    }

    fn node(&mut self, node: NodeRef<'_, Node>, st: &Style) {
        match node.value() {
            Node::Text(t) => self.text(t, st),
            Node::Element(_) => {
                if let Some(e) = ElementRef::wrap(node)
                    && !self.skip.contains(&node.id())
                {
                    self.element(e, st);
                }
            }
            _ => {}
        }
    }

    fn element(&mut self, e: ElementRef<'_>, st: &Style) {
        let el = e.value();
        let css = el.attr("style").unwrap_or("");
        if css_value(css, "display").is_some_and(|d| d == "none") {
            return;
        }
        let mut inner = styled(st, css);
        let name = el.name();
        match name {
            "br" => self.runs.push(Inline::Break),
            "img" => {
                self.flush();
                self.blocks.push(Block::Image(image(e)));
            }
            "iframe"
                if el.classes().any(|c| c == "video_iframe")
                    || el.attr("data-src").is_some_and(|s| s.contains("video")) =>
            {
                self.media(MediaKind::Video)
            }
            "mpvideo" | "mpvideosnap" | "mp-common-videosnap" | "mp-common-video" | "video" => {
                self.media(MediaKind::Video)
            }
            "mpvoice" | "mpaudio" | "mp-common-mpaudio" | "qqmusic" | "audio" => self.media(MediaKind::Audio),
            "iframe" | "svg" | "input" | "button" | "select" | "textarea" | "object" | "embed" => {}
            "mp-miniprogram" | "mp-common-miniprogram" => {
                let title = el.attr("data-miniprogram-title").map(str::to_string);
                let text = title.unwrap_or_else(|| e.text().collect());
                self.text(&text, &inner);
            }
            "a" => {
                let href = el.attr("href").map(str::trim).unwrap_or("");
                let is_app = el.classes().any(|c| c == "weapp_text_link" || c == "weapp_image_link");
                inner.href = (!is_app && is_followable(href)).then(|| href.to_string());
                self.children(*e, &inner);
            }
            "strong" | "b" => {
                inner.bold = true;
                self.children(*e, &inner);
            }
            "em" | "i" => {
                inner.italic = true;
                self.children(*e, &inner);
            }
            "blockquote" => {
                self.flush();
                let mut sub = self.sub();
                sub.children(*e, &inner);
                self.blocks.push(Block::Quote(sub.finish()));
            }
            "ul" | "ol" => {
                self.flush();
                let items = e
                    .child_elements()
                    .filter(|c| !self.skip.contains(&c.id()))
                    .map(|li| {
                        let mut sub = self.sub();
                        sub.children(*li, &inner);
                        sub.finish()
                    })
                    .filter(|b| !b.is_empty())
                    .collect();
                self.blocks.push(Block::List(name == "ol", items));
            }
            "table" => {
                self.flush();
                let rows = self.table(e, &inner);
                if !rows.is_empty() {
                    self.blocks.push(Block::Table(rows));
                }
            }
            "figcaption" => {
                self.flush();
                let caption = super::parse::squeeze(&e.text().collect::<String>());
                match self.blocks.last_mut() {
                    Some(Block::Image(img)) if img.caption.is_none() && !caption.is_empty() => {
                        img.caption = Some(caption)
                    }
                    _ => {
                        self.children(*e, &inner);
                        self.flush();
                    }
                }
            }
            "pre" => {
                self.flush();
                self.blocks.push(Block::Code(e.text().collect()));
            }
            "hr" => {
                self.flush();
                self.blocks.push(Block::Rule);
            }
            "p" | "section" | "div" | "figure" | "center" | "article" | "header" | "footer" | "h1" | "h2" | "h3"
            | "h4" | "h5" | "h6" | "dl" | "dt" | "dd" | "li" => {
                if let Some(level) = name.strip_prefix('h').and_then(|l| l.parse::<u8>().ok()) {
                    inner.bold = true;
                    inner.size = Some(if level <= 2 { 24.0 } else { 20.0 });
                }
                self.flush();
                self.children(*e, &inner);
                self.flush();
            }
            _ => self.children(*e, &inner),
        }
    }

    fn media(&mut self, kind: MediaKind) {
        self.flush();
        self.blocks.push(Block::Media(kind));
    }

    fn table(&self, table: ElementRef<'_>, st: &Style) -> Vec<Vec<Vec<Inline>>> {
        let Ok(tr) = Selector::parse("tr") else {
            return Vec::new();
        };
        table
            .select(&tr)
            .map(|row| {
                row.child_elements()
                    .filter(|c| matches!(c.value().name(), "td" | "th"))
                    .map(|cell| {
                        let mut sub = self.sub();
                        sub.children(*cell, st);
                        flatten(sub.finish())
                    })
                    .collect::<Vec<_>>()
            })
            .filter(|r: &Vec<_>| !r.is_empty())
            .collect()
    }

    fn text(&mut self, t: &str, st: &Style) {
        let t: String = collapse(t);
        if t.is_empty() {
            return;
        }
        if t.trim().is_empty() {
            if !self.runs.is_empty() {
                self.push_run(
                    t,
                    &Style {
                        href: st.href.clone(),
                        ..Style::default()
                    },
                );
            }
            return;
        }
        self.all_bold &= st.bold;
        match st.size {
            Some(s) => self.size = Some(self.size.map_or(s, |m| m.min(s))),
            None => self.size_known = false,
        }
        self.push_run(t, st);
    }

    fn push_run(&mut self, t: String, st: &Style) {
        if let Some(Inline::Text {
            text,
            bold,
            italic,
            href,
        }) = self.runs.last_mut()
        {
            let blank = t.trim().is_empty();
            if (*bold == st.bold && *italic == st.italic || blank) && *href == st.href {
                text.push_str(&t);
                return;
            }
        }
        self.runs.push(Inline::Text {
            text: t,
            bold: st.bold,
            italic: st.italic,
            href: st.href.clone(),
        });
    }

    fn flush(&mut self) {
        let mut runs = std::mem::take(&mut self.runs);
        while matches!(runs.last(), Some(Inline::Break)) {
            runs.pop();
        }
        while matches!(runs.first(), Some(Inline::Break)) {
            runs.remove(0);
        }
        super::blocks::drop_spaces_between_han(&mut runs);
        let para = Para {
            runs,
            all_bold: self.all_bold,
            size: if self.size_known { self.size } else { None },
        };
        if !para.plain().is_empty() {
            self.blocks.push(Block::Para(para));
        }
        self.all_bold = true;
        self.size = None;
        self.size_known = true;
    }
}

/// The runs of a table cell: its paragraphs joined by spaces.
fn flatten(blocks: Vec<Block>) -> Vec<Inline> {
    let mut out = Vec::new();
    for b in blocks {
        let runs = match b {
            Block::Para(p) => p.runs,
            Block::Heading(_, t) => vec![Inline::Text {
                text: t,
                bold: true,
                italic: false,
                href: None,
            }],
            Block::Image(i) => vec![Inline::Text {
                text: i.alt,
                bold: false,
                italic: false,
                href: None,
            }],
            Block::List(_, items) => items.into_iter().flat_map(flatten).collect(),
            Block::Quote(inner) => flatten(inner),
            _ => Vec::new(),
        };
        if !out.is_empty() && !runs.is_empty() {
            out.push(Inline::Text {
                text: " ".into(),
                bold: false,
                italic: false,
                href: None,
            });
        }
        out.extend(runs.into_iter().map(|r| match r {
            Inline::Break => Inline::Text {
                text: " ".into(),
                bold: false,
                italic: false,
                href: None,
            },
            t => t,
        }));
    }
    out
}

fn image(e: ElementRef<'_>) -> Image {
    let attr = |k: &str| {
        e.value()
            .attr(k)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    Image {
        src: attr("src").filter(|s| !s.starts_with("data:")),
        data_src: attr("data-src").or_else(|| attr("data-original")),
        alt: attr("alt")
            .or_else(|| attr("title"))
            .map(|a| super::parse::squeeze(&a))
            .unwrap_or_default(),
        caption: None,
        file: None,
    }
}

fn is_followable(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    !(href.is_empty() || href.starts_with('#') || lower.starts_with("javascript:") || lower.starts_with("data:"))
}
