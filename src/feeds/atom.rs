//! Atom 1.0 (RFC 4287) feeds.

use std::fmt::Write as _;

use super::FeedEnv;
use super::{FeedEntry, FeedInfo};
use crate::escape::xml_escape;
use crate::urls::url_encode_path;

/// Writes an Atom feed of `entries`.
pub fn feed(env: &FeedEnv, info: &FeedInfo, entries: &[&FeedEntry]) -> String {
    let s = &env.config.site;
    let self_url = xml_escape(&url_encode_path(&env.permalink(&format!("{}atom.xml", info.dir))));
    let html_url = xml_escape(&url_encode_path(&env.permalink(&info.html_path)));
    let updated = entries
        .iter()
        .map(|e| e.updated.as_str())
        .max()
        .map(str::to_string)
        .unwrap_or_else(|| env.clock.rfc3339(env.clock.now()));
    let author = xml_escape(s.organization.as_deref().unwrap_or(&s.title));
    let mut x = String::with_capacity(1024 + entries.len() * 1024);
    let _ = write!(
        x,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n  <title>{title}</title>\n",
        lang = xml_escape(&s.language),
        title = xml_escape(&info.title)
    );
    if !info.description.is_empty() {
        let _ = writeln!(x, "  <subtitle>{}</subtitle>", xml_escape(&info.description));
    }
    let _ = write!(
        x,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{self_url}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{html_url}\"/>\n  <id>{self_url}</id>\n  <updated>{updated}</updated>\n  <author><name>{author}</name></author>\n  <generator version=\"{v}\">kepu</generator>\n",
        v = env!("CARGO_PKG_VERSION")
    );
    for e in entries {
        let _ = write!(
            x,
            "  <entry>\n    <title>{}</title>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <id>{}</id>\n    <published>{}</published>\n    <updated>{}</updated>\n",
            e.title, e.link, e.link, e.published, e.updated
        );
        for a in &e.authors {
            let _ = writeln!(x, "    <author><name>{a}</name></author>");
        }
        for c in &e.categories {
            let _ = writeln!(x, "    <category term=\"{c}\"/>");
        }
        let _ = write!(x, "    <summary type=\"html\">{}</summary>\n  </entry>\n", e.html);
    }
    x.push_str("</feed>\n");
    x
}
