//! Heading ids and the table of contents.
//!
//! After the event pass has noted every heading ([`PendingHeading`]),
//! [`finish_headings`]:
//! 1. reserves every explicit `{#id}` (an explicit id always wins);
//! 2. gives each other heading the slug of its text (pinyin for Chinese,
//!    `heading` if that is empty), made unique with `-1`, `-2`, ...;
//! 3. writes the id into the heading's start event, so pulldown-cmark's HTML
//!    writer prints `<h2 id="..">`;
//! 4. nests the headings by level into the table of contents.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, Tag};

use super::Heading;
use crate::content::slug::slugify;

/// A heading seen during the event pass.
#[derive(Debug)]
pub(crate) struct PendingHeading {
    /// Index of its `Start` event in the event list.
    pub(crate) event: usize,
    /// 1 to 6.
    pub(crate) level: u32,
    /// The `{#id}` given in the source.
    pub(crate) explicit: Option<String>,
    /// Its text so far (text and inline code, raw HTML left out).
    pub(crate) title: String,
}

/// Assigns ids, patches the start events, appends the ids to `anchors`
/// and returns the nested table of contents.
pub(crate) fn finish_headings(
    events: &mut [Event<'_>],
    headings: Vec<PendingHeading>,
    anchors: &mut Vec<String>,
) -> Vec<Heading> {
    let mut used: HashSet<String> = headings.iter().filter_map(|h| h.explicit.clone()).collect();
    let mut next: HashMap<String, usize> = HashMap::new();
    let mut toc = Vec::new();
    for h in headings {
        let title = h.title.split_whitespace().collect::<Vec<_>>().join(" ");
        let id = match h.explicit {
            Some(id) => id,
            None => unique_id(slugify(&title), &mut used, &mut next),
        };
        if let Some(Event::Start(Tag::Heading { id: slot, .. })) = events.get_mut(h.event) {
            *slot = Some(CowStr::from(id.clone()));
        }
        anchors.push(id.clone());
        insert(
            &mut toc,
            Heading {
                level: h.level,
                id,
                title,
                children: Vec::new(),
            },
        );
    }
    toc
}

/// `base` (or `heading` if empty), with `-1`, `-2`, ... added until unused.
/// `next` remembers per base where the search stopped, so a page with
/// thousands of equal headings takes linear, not quadratic, time (ids are
/// only ever added to `used`, so every suffix below that point is taken).
fn unique_id(base: String, used: &mut HashSet<String>, next: &mut HashMap<String, usize>) -> String {
    let base = if base.is_empty() { "heading".to_owned() } else { base };
    let mut n = next.get(&base).copied().unwrap_or(0);
    let mut id = if n == 0 { base.clone() } else { format!("{base}-{n}") };
    while used.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    next.insert(base, n + 1);
    used.insert(id.clone());
    id
}

/// Puts `h` under the last heading of a lower level, or at this level.
fn insert(list: &mut Vec<Heading>, h: Heading) {
    match list.last_mut() {
        Some(last) if h.level > last.level => insert(&mut last.children, h),
        _ => list.push(h),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::HeadingLevel;

    fn pending(event: usize, level: u32, explicit: Option<&str>, title: &str) -> PendingHeading {
        PendingHeading {
            event,
            level,
            explicit: explicit.map(str::to_owned),
            title: title.to_owned(),
        }
    }

    fn start() -> Event<'static> {
        Event::Start(Tag::Heading {
            level: HeadingLevel::H2,
            id: None,
            classes: Vec::new(),
            attrs: Vec::new(),
        })
    }

    fn outline(toc: &[Heading]) -> String {
        toc.iter()
            .map(|h| format!("{}({})", h.id, outline(&h.children)))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn ids_are_slugs_deduplicated_and_explicit_wins() {
        let mut events = vec![start(), start(), start(), start(), start()];
        let headings = vec![
            pending(0, 2, None, "防汛 指南"),
            pending(1, 2, None, "防汛指南"),
            pending(2, 2, None, "  "),
            pending(3, 2, None, "Custom"),
            pending(4, 2, Some("custom"), "whatever"),
        ];
        let mut anchors = Vec::new();
        finish_headings(&mut events, headings, &mut anchors);
        assert_eq!(
            anchors,
            [
                "fang-xun-zhi-nan",
                "fang-xun-zhi-nan-1",
                "heading",
                "custom-1",
                "custom"
            ]
        );
        assert!(matches!(&events[1], Event::Start(Tag::Heading { id: Some(id), .. })
            if id.as_ref() == "fang-xun-zhi-nan-1"));
    }

    #[test]
    fn toc_nests_by_level() {
        let mut events: Vec<Event<'_>> = (0..7).map(|_| start()).collect();
        let headings = vec![
            pending(0, 3, None, "early"),
            pending(1, 1, None, "top"),
            pending(2, 2, None, "a"),
            pending(3, 3, None, "a1"),
            pending(4, 5, None, "deep"),
            pending(5, 2, None, "b"),
            pending(6, 4, None, "b1"),
        ];
        let toc = finish_headings(&mut events, headings, &mut Vec::new());
        assert_eq!(outline(&toc), "early() top(a(a1(deep())) b(b1()))");
        assert_eq!(toc[1].children[0].title, "a");
        assert_eq!(toc[1].level, 1);
    }
}
