//! The summary of a page, from the transformed events.
//!
//! [`summary_html`]:
//! 1. looks for a top-level `<!-- more -->` HTML block; the summary is every
//!    event before it;
//! 2. else takes the first top-level paragraph;
//! 3. renders that slice with pulldown-cmark's HTML writer. An empty result
//!    is `None`.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

/// The summary HTML of a transformed event list.
pub(crate) fn summary_html(events: &[Event<'_>]) -> Option<String> {
    let range = more_marker(events).map(|i| 0..i).or_else(|| first_paragraph(events))?;
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.get(range)?.iter().cloned());
    Some(html).filter(|h| !h.trim().is_empty())
}

/// The longest summary (HTML) kept as it is. Every list, term page and
/// feed a page is in repeats its summary, so a page of one long paragraph
/// would cost a build its size once per term.
pub(crate) const MAX_SUMMARY_BYTES: usize = 4096;

/// The characters of text a summary that is too long is cut to.
pub(crate) const SHORT_SUMMARY_CHARS: usize = 200;

/// `summary`, or when it is longer than [`MAX_SUMMARY_BYTES`] the first
/// [`SHORT_SUMMARY_CHARS`] characters of the page's `text`.
pub(crate) fn bounded(summary: String, text: &str) -> String {
    if summary.len() <= MAX_SUMMARY_BYTES {
        return summary;
    }
    let cut: String = text.chars().take(SHORT_SUMMARY_CHARS).collect();
    format!("<p>{}…</p>\n", crate::escape::xml_escape(cut.trim()))
}

/// Whether an HTML line is the `<!-- more -->` marker (spaces optional).
fn is_more(html: &str) -> bool {
    html.trim()
        .strip_prefix("<!--")
        .and_then(|s| s.strip_suffix("-->"))
        .is_some_and(|s| s.trim() == "more")
}

/// Index of the top-level HTML block holding the marker.
fn more_marker(events: &[Event<'_>]) -> Option<usize> {
    let mut depth = 0usize;
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::HtmlBlock) if depth == 0 => {
                if let Some(Event::Html(html)) = events.get(i + 1)
                    && is_more(html)
                {
                    return Some(i);
                }
                depth += 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Range of the first top-level paragraph, start and end events included.
fn first_paragraph(events: &[Event<'_>]) -> Option<Range<usize>> {
    let mut depth = 0usize;
    let mut start = None;
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::Paragraph) if depth == 0 => {
                start = Some(i);
                depth += 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(TagEnd::Paragraph) if depth == 1 && start.is_some() => {
                return start.map(|s| s..i + 1);
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    fn summary(md: &str) -> Option<String> {
        let events: Vec<_> = Parser::new(md).collect();
        summary_html(&events)
    }

    #[test]
    fn marker_ends_summary() {
        assert_eq!(
            summary("# T\n\nOne.\n\nTwo.\n\n<!--more-->\n\nThree.").as_deref(),
            Some("<h1>T</h1>\n<p>One.</p>\n<p>Two.</p>\n")
        );
    }

    #[test]
    fn first_top_level_paragraph_otherwise() {
        assert_eq!(
            summary("# T\n\n> quoted\n\n- item\n\n  para in item\n\nFirst *real*.\n\nSecond.").as_deref(),
            Some("<p>First <em>real</em>.</p>\n")
        );
    }

    #[test]
    fn none_without_paragraph_or_before_marker() {
        assert_eq!(summary("# Only\n\n- a\n- b"), None);
        assert_eq!(summary("<!-- more -->\n\nText."), None);
        assert_eq!(summary(""), None);
    }

    #[test]
    fn marker_inside_a_list_is_ignored() {
        assert_eq!(
            summary("Intro.\n\n- a\n\n  <!-- more -->\n").as_deref(),
            Some("<p>Intro.</p>\n")
        );
    }
}
