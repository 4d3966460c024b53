//! RSS 2.0 feeds.

use std::fmt::Write as _;

use super::FeedEnv;
use super::{FeedEntry, FeedInfo};
use crate::escape::xml_escape;
use crate::urls::url_encode_path;

/// Writes an RSS 2.0 feed of `entries`.
pub fn feed(env: &FeedEnv, info: &FeedInfo, entries: &[&FeedEntry]) -> String {
    let s = &env.config.site;
    let self_url = xml_escape(&url_encode_path(&env.permalink(&format!("{}rss.xml", info.dir))));
    let html_url = xml_escape(&url_encode_path(&env.permalink(&info.html_path)));
    let built = env
        .clock
        .zoned(env.clock.now())
        .strftime("%a, %d %b %Y %H:%M:%S %z")
        .to_string();
    let description = if info.description.is_empty() {
        &info.title
    } else {
        &info.description
    };
    let mut x = String::with_capacity(1024 + entries.len() * 1024);
    let _ = write!(
        x,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n  <title>{}</title>\n  <link>{html_url}</link>\n  <description>{}</description>\n  <language>{}</language>\n  <lastBuildDate>{built}</lastBuildDate>\n  <generator>kepu {}</generator>\n  <atom:link href=\"{self_url}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        xml_escape(&info.title),
        xml_escape(description),
        xml_escape(&s.language),
        env!("CARGO_PKG_VERSION")
    );
    for e in entries {
        let _ = write!(
            x,
            "  <item>\n    <title>{}</title>\n    <link>{}</link>\n    <guid isPermaLink=\"true\">{}</guid>\n    <pubDate>{}</pubDate>\n",
            e.title, e.link, e.link, e.rfc2822
        );
        for c in &e.categories {
            let _ = writeln!(x, "    <category>{c}</category>");
        }
        let _ = write!(x, "    <description>{}</description>\n  </item>\n", e.html);
    }
    x.push_str("</channel>\n</rss>\n");
    x
}
