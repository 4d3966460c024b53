//! Markdown bodies to HTML, with everything the rest of the site needs to
//! know about them.
//!
//! [`render`] takes one body (front matter already removed):
//! 1. `shortcodes` replaces shortcode calls (outside code) by placeholders
//!    and renders them, remembering where each came from.
//! 2. `pass` parses the result with pulldown-cmark (CommonMark, tables,
//!    footnotes, strikethrough, task lists, heading attributes) and
//!    transforms the events in one pass: shortcode output, links, code
//!    highlighting (`highlight`), heading notes, plain text.
//! 3. `headings` assigns heading ids and builds the table of contents.
//! 4. `summary` renders the part before `<!-- more -->` or the first
//!    paragraph; pulldown-cmark's HTML writer renders the whole body.
//! 5. `reading_time` turns the Han character and word counts of the
//!    plain text (counted by `text`) into minutes.
//!
//! Every problem in the body is collected; if there is any, all of them are
//! returned, sorted by position, instead of the HTML.

mod headings;
mod highlight;
mod links;
mod pass;
mod placeholders;
mod position;
mod raw_html;
mod reading_time;
mod shortcode_call;
mod shortcodes;
mod summary;
mod text;
pub use text::char_prefix;
mod types;

use pulldown_cmark::Options;

pub use highlight::{available_themes, highlight_css};
pub use types::{
    Heading, InternalLink, LinkResolver, LocalRef, MarkdownError, MarkdownOptions, Rendered, ShortcodeRenderer,
};

use position::{Locator, Positions};
use text::CollectedText;

/// The pulldown-cmark extensions kepu uses, the same for every parse.
pub(crate) fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders one Markdown body. Lines and columns in errors and links are
/// 1-based and relative to the start of `src`.
///
/// # Errors
///
/// Every problem in the body at once, sorted by position: broken `@/`
/// links, unknown or failing shortcodes, malformed shortcode calls.
pub fn render(src: &str, opts: &MarkdownOptions<'_>) -> Result<Rendered, Vec<MarkdownError>> {
    let (rendered, errors) = render_with_errors(src, opts);
    if errors.iter().all(|e| e.warning) {
        Ok(rendered)
    } else {
        Err(errors)
    }
}

/// Renders one body completely even when it has errors (a broken link
/// keeps its written destination), returning the errors beside the result,
/// so that later checks (anchors) can still run on its links.
pub fn render_with_errors(src: &str, opts: &MarkdownOptions<'_>) -> (Rendered, Vec<MarkdownError>) {
    let mut errors = Vec::new();
    let src = &*raw_html::clean_source(src, opts.raw_html);
    let locator = Locator::new(src);
    let expansion = shortcodes::expand(src, opts.shortcodes, &locator, &mut errors);
    let pos = Positions {
        locator,
        map: expansion.map,
    };
    let expanded = expansion.text;
    let out = pass::run(&expanded, opts, expansion.outputs, &pos, &mut errors);
    errors.sort_by_key(|e| (e.line, e.column));
    let mut events = out.events;
    let mut anchors = Vec::new();
    let toc = headings::finish_headings(&mut events, out.headings, &mut anchors);
    anchors.extend(out.footnotes);
    let summary_html = summary::summary_html(&events)
        .map(|s| out.guard.finish(s))
        .filter(|s| !s.trim().is_empty());
    let mut html = String::with_capacity(expanded.len() + expanded.len() / 2 + 64);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    let mut html = out.guard.finish(html);
    let CollectedText { text, han, words } = out.text;
    let summary_html = summary_html.map(|s| {
        let mut s = summary::bounded(s, &text);
        s.shrink_to_fit();
        s
    });
    // `serve` keeps bodies until their pages are written again: no spare
    // room (a build copies them into runs, see `markdown_pass::render_all`).
    html.shrink_to_fit();
    let rendered = Rendered {
        html,
        summary_html,
        toc,
        anchors,
        internal_links: out.links.internal,
        external_links: out.links.external,
        local_refs: out.links.local,
        beside: out.links.beside,
        text,
        han_count: han,
        word_count: words,
        reading_time: reading_time::reading_time(han, words, opts.han_per_minute, opts.words_per_minute),
    };
    (rendered, errors)
}

#[cfg(test)]
mod tests;
