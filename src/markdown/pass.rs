//! The one pass over pulldown-cmark's events.
//!
//! [`run`] parses the expanded text and, event by event:
//! 1. puts shortcode output back where its placeholder is: inline as raw
//!    HTML, or, when block output stands on a line of its own in a
//!    paragraph, as an HTML block with the paragraph split around it;
//! 2. notes headings (level, explicit id, text) for [`super::headings`];
//! 3. rewrites link and image destinations ([`LinkCollector`]);
//! 4. replaces each code block by its (highlighted) HTML;
//! 5. notes footnote labels as anchors;
//! 6. feeds the plain text to a [`TextCollector`].
//!
//! The transformed events are kept in a list, because heading ids can only
//! be written into the start events once all headings are known.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Parser, Tag, TagEnd};

use super::headings::PendingHeading;
use super::highlight::{PAGE_BUDGET, code_block, take_budget};
use super::links::LinkCollector;
use super::placeholders::{Piece, Pieces, is_block_html, substitute};
use super::position::Positions;
use super::raw_html::Guard;
use super::shortcodes::PLACEHOLDER_OPEN;
use super::text::{CollectedText, TextCollector};
use super::{MarkdownError, MarkdownOptions, parser_options};

/// What the pass produced.
pub(crate) struct PassOutput<'a, 'o> {
    pub(crate) events: Vec<Event<'a>>,
    pub(crate) headings: Vec<PendingHeading>,
    pub(crate) links: LinkCollector<'o>,
    pub(crate) footnotes: Vec<String>,
    pub(crate) text: CollectedText,
    /// The raw HTML policy, holding what `finish` needs.
    pub(crate) guard: Guard,
}

/// Parses and transforms `text` (the shortcode-expanded source).
pub(crate) fn run<'a, 'o>(
    text: &'a str,
    opts: &MarkdownOptions<'o>,
    outputs: Vec<String>,
    pos: &Positions<'_>,
    errors: &mut Vec<MarkdownError>,
) -> PassOutput<'a, 'o> {
    let mut pass = Pass {
        highlight: opts.highlight,
        highlight_budget: PAGE_BUDGET,
        outputs,
        events: Vec::with_capacity(text.len() / 16 + 16),
        headings: Vec::new(),
        heading_open: false,
        in_code: false,
        code_lang: None,
        code_buf: String::new(),
        para: Para::default(),
        text: TextCollector::with_capacity(text.len()),
        links: LinkCollector::new(opts.links, opts.folder, opts.leaf),
        footnotes: Vec::new(),
        guard: Guard::new(opts.raw_html),
        raw_links: opts.raw_html != crate::config::RawHtml::Escape,
        line_begins: false,
    };
    // Placeholders hold no character that is special to Markdown, so the
    // parser never splits one across text events.
    for (event, range) in Parser::new_ext(text, parser_options()).into_offset_iter() {
        if pass.settle_block(&event) {
            continue;
        }
        pass.event(event, range, text, pos, errors);
    }
    PassOutput {
        events: pass.events,
        headings: pass.headings,
        links: pass.links,
        footnotes: pass.footnotes,
        text: pass.text.finish(),
        guard: pass.guard,
    }
}

/// Where the pass is within the current paragraph.
#[derive(Debug, Default)]
struct Para {
    /// Inside a paragraph.
    open: bool,
    /// Inline tags open inside the paragraph.
    depth: usize,
    /// The last event is block shortcode output that began a line; it
    /// becomes a block if the line ends right after it.
    block_candidate: bool,
}

struct Pass<'a, 'o> {
    highlight: bool,
    /// Bytes of code this page may still highlight.
    highlight_budget: usize,
    outputs: Vec<String>,
    events: Vec<Event<'a>>,
    headings: Vec<PendingHeading>,
    heading_open: bool,
    /// Inside a code block (its text goes to `code_buf`).
    in_code: bool,
    /// The language of the open code block.
    code_lang: Option<String>,
    code_buf: String,
    para: Para,
    text: TextCollector,
    links: LinkCollector<'o>,
    footnotes: Vec<String>,
    guard: Guard,
    /// Raw HTML stays HTML: its links and images are noted.
    raw_links: bool,
    /// A line of a paragraph has just begun (its first text is looked at
    /// by [`looks_like_a_heading`]).
    line_begins: bool,
}

impl<'a> Pass<'a, '_> {
    fn event(
        &mut self,
        event: Event<'a>,
        range: Range<usize>,
        text: &str,
        pos: &Positions<'_>,
        errors: &mut Vec<MarkdownError>,
    ) {
        let line_began = std::mem::replace(
            &mut self.line_begins,
            matches!(
                event,
                Event::Start(Tag::Paragraph) | Event::SoftBreak | Event::HardBreak
            ),
        );
        match event {
            Event::Start(tag) => self.start(tag, range, text, pos, errors),
            Event::End(end) => self.end(end),
            Event::Text(t) => {
                // `\#` is a # written on purpose.
                let escaped = text.get(..range.start).is_some_and(|before| before.ends_with('\\'));
                let line = text.get(range.start..).and_then(|l| l.lines().next()).unwrap_or(&t);
                if line_began && !escaped && looks_like_a_heading(line) {
                    let (line, column) = pos.line_col(range.start);
                    errors.push(MarkdownError {
                        line,
                        column,
                        message: crate::text!("markdown.heading_without_space").into(),
                        hint: Some(crate::text!("markdown.heading_without_space.help").into()),
                        warning: true,
                    });
                }
                self.text(t)
            }
            Event::Code(code) => {
                self.text.push_text(&code);
                self.title_push(&code);
                self.events.push(Event::Code(code));
            }
            Event::Html(mut html) => {
                if self.raw_links
                    && let Some(rewritten) = self.links.raw_html(&html, range.start, pos, errors)
                {
                    html = CowStr::from(rewritten);
                }
                let html = self.guard.user_html(html, &self.outputs);
                self.text.push_html(&html);
                self.events.push(Event::Html(html));
            }
            Event::InlineHtml(mut html) => {
                if self.raw_links
                    && let Some(rewritten) = self.links.raw_html(&html, range.start, pos, errors)
                {
                    html = CowStr::from(rewritten);
                }
                let html = self.guard.user_html(html, &self.outputs);
                self.text.push_html(&html);
                self.events.push(Event::InlineHtml(html));
            }
            Event::SoftBreak | Event::HardBreak => {
                self.text.push_break();
                self.title_push(" ");
                self.events.push(event);
            }
            other => self.events.push(other),
        }
    }

    fn start(
        &mut self,
        tag: Tag<'a>,
        range: Range<usize>,
        text: &str,
        pos: &Positions<'_>,
        errors: &mut Vec<MarkdownError>,
    ) {
        if self.para.open {
            self.para.depth += 1;
        }
        let event = match tag {
            Tag::Paragraph => {
                self.para = Para {
                    open: true,
                    ..Para::default()
                };
                Event::Start(Tag::Paragraph)
            }
            Tag::Heading { level, ref id, .. } => {
                self.headings.push(PendingHeading {
                    event: self.events.len(),
                    level: level as u32,
                    explicit: id.as_ref().map(|id| id.to_string()),
                    title: String::new(),
                });
                self.heading_open = true;
                Event::Start(self.guard.heading(tag))
            }
            Tag::CodeBlock(kind) => {
                self.in_code = true;
                self.code_lang = fence_language(&kind);
                self.code_buf.clear();
                return;
            }
            Tag::FootnoteDefinition(ref label) => {
                self.footnotes.push(label.to_string());
                Event::Start(tag)
            }
            Tag::HtmlBlock if self.guard.block_tag(true, text.get(range.clone()).unwrap_or("")) => {
                Event::Start(Tag::Paragraph)
            }
            Tag::Link { .. } | Tag::Image { .. } => {
                let tag = self.guard.link(self.substitute_in_link(tag));
                self.links.start_tag(tag, range, text, pos, errors)
            }
            other => Event::Start(other),
        };
        self.events.push(event);
    }

    fn end(&mut self, end: TagEnd) {
        match end {
            TagEnd::Paragraph => self.para.open = false,
            _ if self.para.open => self.para.depth = self.para.depth.saturating_sub(1),
            _ => {}
        }
        match end {
            TagEnd::CodeBlock => {
                self.in_code = false;
                let lang = self.code_lang.take();
                let highlight = self.highlight && take_budget(&self.code_buf, &mut self.highlight_budget);
                let html = code_block(lang.as_deref(), &self.code_buf, highlight);
                self.events.push(Event::Html(CowStr::from(self.guard.trusted(html))));
                self.text.push_break();
                return;
            }
            TagEnd::HtmlBlock if self.guard.block_tag(false, "") => {
                self.text.push_break();
                self.events.push(Event::End(TagEnd::Paragraph));
                return;
            }
            TagEnd::Heading(_) => {
                self.heading_open = false;
                self.text.push_break();
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image => {}
            _ => self.text.push_break(),
        }
        self.events.push(Event::End(end));
    }

    fn text(&mut self, t: CowStr<'a>) {
        if self.in_code {
            self.text.push_text(&t);
            self.code_buf.push_str(&t);
            return;
        }
        if self.outputs.is_empty() || !t.contains(PLACEHOLDER_OPEN) {
            self.text.push_text(&t);
            self.title_push(&t);
            self.events.push(Event::Text(t));
            return;
        }
        let line_start = self.para.open
            && self.para.depth == 0
            && matches!(
                self.events.last(),
                Some(Event::Start(Tag::Paragraph) | Event::SoftBreak | Event::HardBreak)
            );
        let mut pieces = Pieces::new(&t).peekable();
        let mut first = true;
        while let Some(piece) = pieces.next() {
            match piece {
                Piece::Text(s) => {
                    self.text.push_text(s);
                    self.title_push(s);
                    self.events.push(Event::Text(CowStr::from(s.to_owned())));
                }
                Piece::Output(i) => {
                    let html = self.outputs.get_mut(i).map(std::mem::take).unwrap_or_default();
                    let alone = first && line_start && pieces.peek().is_none();
                    self.para.block_candidate = alone && is_block_html(&html);
                    self.text.push_html(&html);
                    let html = self.guard.trusted(html);
                    self.events.push(Event::InlineHtml(CowStr::from(html)));
                }
            }
            first = false;
        }
    }

    /// Turns block output that ended its line into an HTML block. Returns
    /// whether `next` was used up doing so.
    fn settle_block(&mut self, next: &Event<'_>) -> bool {
        if !std::mem::take(&mut self.para.block_candidate) {
            return false;
        }
        let line_ends = matches!(
            next,
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph)
        );
        if !line_ends {
            return false;
        }
        let Some(Event::InlineHtml(mut html)) = self.events.pop() else {
            return false;
        };
        match self.events.pop() {
            Some(Event::Start(Tag::Paragraph)) | None => {}
            Some(_) => self.events.push(Event::End(TagEnd::Paragraph)),
        }
        if !html.ends_with('\n') {
            html = CowStr::from(format!("{html}\n"));
        }
        self.events.push(Event::Html(html));
        self.text.push_break();
        if matches!(next, Event::End(TagEnd::Paragraph)) {
            self.para.open = false;
            self.text.push_break();
        } else {
            self.events.push(Event::Start(Tag::Paragraph));
        }
        true
    }

    /// Substitutes shortcode output inside a link's destination and title.
    fn substitute_in_link(&self, tag: Tag<'a>) -> Tag<'a> {
        if self.outputs.is_empty() {
            return tag;
        }
        match tag {
            Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            } => Tag::Link {
                link_type,
                dest_url: substitute(dest_url, &self.outputs),
                title: substitute(title, &self.outputs),
                id,
            },
            Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            } => Tag::Image {
                link_type,
                dest_url: substitute(dest_url, &self.outputs),
                title: substitute(title, &self.outputs),
                id,
            },
            other => other,
        }
    }

    fn title_push(&mut self, s: &str) {
        if self.heading_open
            && let Some(h) = self.headings.last_mut()
        {
            h.title.push_str(s);
        }
    }
}

/// The first word of a fence's info string (`rust,linenos` → `rust`).
fn fence_language(kind: &CodeBlockKind<'_>) -> Option<String> {
    match kind {
        CodeBlockKind::Fenced(info) => info
            .split(|c: char| c.is_whitespace() || c == ',')
            .next()
            .filter(|l| !l.is_empty())
            .map(str::to_owned),
        CodeBlockKind::Indented => None,
    }
}

/// Whether a line of a paragraph, as written, was likely meant as a
/// heading: one to six `#` and a letter right after them (`#标题`,
/// `##Summary`), as CommonMark wants a space there. A topic tag
/// (`#世界读书日#`, `#国庆~中秋＃`) and a number (`#1`) are not.
fn looks_like_a_heading(line: &str) -> bool {
    let rest = line.trim_start_matches('#');
    let hashes = line.len() - rest.len();
    (1..=6).contains(&hashes) && rest.starts_with(char::is_alphabetic) && !rest.contains(['#', '＃'])
}
