//! Common Alerting Protocol 1.2 messages for emergency notes, and the Atom
//! feed of the notes of the last 30 days (`/emergency/cap.xml`).
//!
//! Mapping: level → severity (red Extreme, orange Severe, yellow Moderate,
//! blue Minor); hazard → category; status Actual; msgType Alert, or Update
//! (referencing the first message) when `updated` is set; scope Public.
//! Identifiers derive from the sender and the slug, so they are stable.

use std::fmt::Write as _;

use crate::content::Page;
use crate::escape::xml_escape;
use crate::feeds::FeedEnv;
use crate::kinds::KindData;
use crate::kinds::emergency::{EmergencyMeta, Level};
use crate::urls::url_encode_path;

/// Days of notes the CAP feed carries.
pub const FEED_DAYS: i64 = 30;

/// The CAP sender: `emergency.cap_sender`, else the site's host.
pub fn sender(env: &FeedEnv) -> String {
    let configured = env.config.site.emergency.cap_sender.clone();
    let raw = configured.unwrap_or_else(|| env.config.host().to_string());
    raw.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '<' | '&'))
        .collect()
}

/// The identifier of the first message of a note.
pub fn identifier(sender: &str, page: &Page) -> String {
    format!("{sender}.emergency.{}", page.slug)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '<' | '&'))
        .collect()
}

/// Path of a note's CAP file.
pub fn path(page: &Page) -> String {
    format!("emergency/{}.cap.xml", page.slug)
}

/// The CAP message of a note, or None for other pages.
pub fn message(env: &FeedEnv, page: &Page) -> Option<String> {
    let KindData::Emergency(e) = &page.data else {
        return None;
    };
    let date = page.date?;
    let sender = sender(env);
    let first_id = identifier(&sender, page);
    let first_sent = env.clock.rfc3339(date);
    let (id, sent, msg_type, references) = match page.updated.filter(|u| *u > date) {
        Some(u) => {
            let stamp = env.clock.zoned(u).strftime("%Y%m%dT%H%M%S").to_string();
            (
                format!("{first_id}.u{stamp}"),
                env.clock.rfc3339(u),
                "Update",
                Some(format!("{sender},{first_id},{first_sent}")),
            )
        }
        None => (first_id, first_sent.clone(), "Alert", None),
    };
    let s = &env.config.site;
    let mut x = String::with_capacity(4096);
    let _ = write!(
        x,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">\n  <identifier>{}</identifier>\n  <sender>{}</sender>\n  <sent>{sent}</sent>\n  <status>Actual</status>\n  <msgType>{msg_type}</msgType>\n  <scope>Public</scope>\n  <note>{}</note>\n",
        xml_escape(&id),
        xml_escape(&sender),
        xml_escape(&note_text(e)),
    );
    if let Some(r) = references {
        let _ = writeln!(x, "  <references>{}</references>", xml_escape(&r));
    }
    let _ = write!(
        x,
        "  <info>\n    <language>{}</language>\n    <category>{}</category>\n    <event>{}</event>\n    <responseType>{}</responseType>\n    <urgency>{}</urgency>\n    <severity>{}</severity>\n    <certainty>Likely</certainty>\n    <effective>{first_sent}</effective>\n",
        xml_escape(&cap_language(&s.language)),
        e.cap_category(),
        xml_escape(e.hazard_label()),
        if e.steps.is_empty() { "Monitor" } else { "Prepare" },
        urgency(e.level),
        e.level.cap_severity(),
    );
    if let Some(exp) = e.expires {
        let _ = writeln!(x, "    <expires>{}</expires>", env.clock.rfc3339(exp));
    }
    let _ = write!(
        x,
        "    <senderName>{}</senderName>\n    <headline>{}</headline>\n    <description>{}</description>\n",
        xml_escape(s.organization.as_deref().unwrap_or(&s.title)),
        xml_escape(&page.title),
        xml_escape(page.rendered.text.trim()),
    );
    if !e.steps.is_empty() {
        let steps: Vec<String> = e
            .steps
            .iter()
            .enumerate()
            .map(|(i, st)| format!("{}. {st}", i + 1))
            .collect();
        let _ = writeln!(x, "    <instruction>{}</instruction>", xml_escape(&steps.join("\n")));
    }
    let _ = writeln!(
        x,
        "    <web>{}</web>",
        xml_escape(&url_encode_path(&env.permalink(&page.path)))
    );
    if let Some(c) = &s.footer.contact {
        let _ = writeln!(x, "    <contact>{}</contact>", xml_escape(c));
    }
    let areas: Vec<&str> = e
        .areas
        .iter()
        .filter_map(|a| env.config.town(a))
        .map(|t| t.name.as_str())
        .collect();
    let area_desc = if areas.is_empty() {
        s.title.clone()
    } else {
        areas.join("、")
    };
    let _ = write!(
        x,
        "    <area>\n      <areaDesc>{}</areaDesc>\n    </area>\n  </info>\n</alert>\n",
        xml_escape(&area_desc)
    );
    Some(x)
}

fn note_text(e: &EmergencyMeta) -> String {
    match &e.source {
        Some(src) => format!("科普解读，不是官方预警发布。本文解读：{src}"),
        None => "科普解读，不是官方预警发布。".into(),
    }
}

fn urgency(level: Level) -> &'static str {
    match level {
        Level::Red | Level::Orange => "Immediate",
        Level::Yellow | Level::Blue => "Expected",
    }
}

/// CAP wants an RFC 3066 tag; `zh` alone is read as `zh-CN`.
fn cap_language(lang: &str) -> String {
    if lang == "zh" || lang == "zh-Hans" {
        "zh-CN".into()
    } else {
        lang.to_string()
    }
}

/// The Atom feed of the CAP messages of notes dated in the last 30 days.
pub fn feed(env: &FeedEnv, notes: &[&Page]) -> String {
    let now = env.clock.now();
    let mut recent: Vec<&&Page> = notes
        .iter()
        .filter(|p| {
            p.date
                .is_some_and(|d| d <= now && now.duration_since(d).as_secs() <= FEED_DAYS * 86_400)
        })
        .collect();
    recent.sort_by(|a, b| b.date.cmp(&a.date).then(a.path.cmp(&b.path)));
    let s = &env.config.site;
    let self_url = xml_escape(&env.permalink("emergency/cap.xml"));
    let updated = recent
        .iter()
        .filter_map(|p| p.updated.or(p.date))
        .max()
        .map(|t| env.clock.rfc3339(t))
        .unwrap_or_else(|| env.clock.rfc3339(now));
    let mut x = String::new();
    let _ = write!(
        x,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{} · 应急科普 CAP</title>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{self_url}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n  <id>{self_url}</id>\n  <updated>{updated}</updated>\n  <author><name>{}</name></author>\n",
        xml_escape(&s.language),
        xml_escape(&s.title),
        xml_escape(&env.permalink("emergency/")),
        xml_escape(s.organization.as_deref().unwrap_or(&s.title)),
    );
    for p in recent {
        let KindData::Emergency(e) = &p.data else { continue };
        let cap = xml_escape(&env.permalink(&path(p)));
        let published = p.date.map(|d| env.clock.rfc3339(d)).unwrap_or_default();
        let upd = p.updated.or(p.date).map(|d| env.clock.rfc3339(d)).unwrap_or_default();
        let _ = write!(
            x,
            "  <entry>\n    <title>{}</title>\n    <link rel=\"alternate\" type=\"application/cap+xml\" href=\"{cap}\"/>\n    <link rel=\"related\" type=\"text/html\" href=\"{}\"/>\n    <id>{cap}</id>\n    <published>{published}</published>\n    <updated>{upd}</updated>\n    <category term=\"{}\"/>\n    <summary>{}预警 · {}</summary>\n  </entry>\n",
            xml_escape(&p.title),
            xml_escape(&url_encode_path(&env.permalink(&p.path))),
            e.level.name(),
            e.level.label(),
            e.hazard_label(),
        );
    }
    x.push_str("</feed>\n");
    x
}
