//! iCalendar files (RFC 5545): `/activities/calendar.ics` with every
//! activity, and one file per activity beside its page (加入日历).
//!
//! Written by code, not templates, like the other feeds: lines end in CRLF
//! and are folded at 75 octets, never inside a UTF-8 character; text values
//! escape `\`, `;`, `,` and line breaks. Times are in UTC (`…Z`), so no
//! VTIMEZONE is needed; all-day events are dates, their DTEND the day after
//! the last day (DTEND is exclusive). A UID is the page's path at the
//! site's host: the same across builds.

use jiff::Timestamp;
use jiff::civil::Date;

use super::{ActivityMeta, When};
use crate::content::{Library, Page};
use crate::feeds::FeedEnv;
use crate::kinds::{Kind, KindData};
use crate::output::Dep;
use crate::render::jobs::{KeyHasher, source_key};

/// The calendar of every activity, under the output folder.
pub const CALENDAR: &str = "activities/calendar.ics";

/// The most octets of a content line, without its line break.
const LINE_OCTETS: usize = 75;

/// The `.ics` file of one activity: `activities/SLUG/SLUG.ics`, inside the
/// page's own folder so that no slug can take another file's place.
pub fn page_file(page: &Page) -> String {
    format!("{}{}.ics", page.path, page.slug)
}

/// The calendar of every activity and one file per activity (path, text,
/// deps), none when the site has no activities; a file `held` (when given)
/// says is kept as it is, by its path and key, is not made.
pub(crate) fn files(
    view_env: &crate::render::views::ViewEnv,
    lib: &Library,
    held: Option<crate::kinds::Held>,
) -> Vec<(String, String, Vec<Dep>)> {
    let env = &view_env.feeds();
    let mut pages: Vec<(&Page, &ActivityMeta)> = lib
        .pages_of(Kind::Activity)
        .filter_map(|(_, p)| match &p.data {
            KindData::Activity(a) => Some((p, &**a)),
            _ => None,
        })
        .collect();
    let mut files = Vec::new();
    if pages.is_empty() {
        return files;
    }
    pages.sort_by(|a, b| a.1.begins.cmp(&b.1.begins).then(a.0.path.cmp(&b.0.path)));
    let mut all = Calendar::new(Some(&format!("{} · 科普活动", env.config.site.title)));
    let mut deps = vec![Dep::Config];
    let keys: Vec<std::cell::OnceCell<u64>> = pages.iter().map(|_| std::cell::OnceCell::new()).collect();
    let page_key = |i: usize| *keys[i].get_or_init(|| source_key(pages[i].0));
    for (i, &(page, a)) in pages.iter().enumerate() {
        let path = page_file(page);
        let kept = held.is_some_and(|held| held(&path, &|| page_key(i)));
        if !kept {
            let mut one = Calendar::new(None);
            one.event(env, page, a);
            files.push((path, one.finish(), vec![Dep::Page(page.rel_path.clone()), Dep::Config]));
        }
        all.event(env, page, a);
        deps.push(Dep::Page(page.rel_path.clone()));
    }
    let key = || {
        let mut key = KeyHasher::new(7);
        (0..pages.len()).for_each(|i| key.number(page_key(i)));
        key.finish()
    };
    if !held.is_some_and(|held| held(CALENDAR, &key)) {
        files.push((CALENDAR.to_string(), all.finish(), deps));
    }
    files
}

/// An iCalendar object being written.
struct Calendar {
    out: String,
}

impl Calendar {
    fn new(name: Option<&str>) -> Self {
        let mut c = Calendar { out: String::new() };
        c.line("BEGIN", "VCALENDAR");
        c.line("VERSION", "2.0");
        c.line("PRODID", "-//kepu//kepu//ZH");
        c.line("CALSCALE", "GREGORIAN");
        if let Some(name) = name {
            c.line("X-WR-CALNAME", &text(name));
        }
        c
    }

    fn finish(mut self) -> String {
        self.line("END", "VCALENDAR");
        self.out
    }

    /// One property line, `value` already in iCalendar form, folded.
    fn line(&mut self, name: &str, value: &str) {
        fold_into(&mut self.out, &format!("{name}:{value}"));
    }

    fn event(&mut self, env: &FeedEnv, page: &Page, a: &ActivityMeta) {
        let clock = env.clock;
        let url = env.permalink(&page.path);
        self.line("BEGIN", "VEVENT");
        self.line("UID", &uid(env, page));
        let stamp = page.updated.or(page.date).unwrap_or(clock.now());
        self.line("DTSTAMP", &utc(stamp));
        match a.when {
            When::Days { first, last } => {
                self.line("DTSTART;VALUE=DATE", &date(first));
                self.line("DTEND;VALUE=DATE", &date(last.tomorrow().unwrap_or(last)));
            }
            When::Timed { start, end } => {
                self.line("DTSTART", &utc(start));
                self.line("DTEND", &utc(end.unwrap_or(start)));
            }
        }
        self.line("SUMMARY", &text(&page.title));
        let town = env.config.town(&a.town).map(|t| t.name.as_str()).unwrap_or_default();
        let mut place: Vec<String> = vec![format!("{town}{}", a.community.as_deref().unwrap_or_default())];
        place.extend(a.place.iter().cloned());
        place.extend(a.address.iter().filter(|x| Some(*x) != a.place.as_ref()).cloned());
        place.retain(|p| !p.is_empty());
        if !place.is_empty() {
            self.line("LOCATION", &text(&place.join("，")));
        }
        if let Some(l) = a.location {
            self.line("GEO", &format!("{};{}", l.lat, l.lng));
        }
        self.line("DESCRIPTION", &text(&description(page, a, &url)));
        self.line("CATEGORIES", &text(a.activity_kind.label()));
        self.line("URL", &url);
        self.line("END", "VEVENT");
    }
}

/// What the event says besides its title, time and place.
fn description(page: &Page, a: &ActivityMeta, url: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    let about = match (&page.meta.summary, &page.rendered.summary_html) {
        (Some(s), _) => s.trim().to_string(),
        (None, Some(html)) => crate::render::views::truncate_chars(&plain_text(html), 200),
        (None, None) => String::new(),
    };
    if !about.is_empty() {
        lines.push(about);
    }
    lines.push(format!("活动类型：{}", a.activity_kind.label()));
    if let Some(o) = &a.organizer {
        lines.push(format!("主办：{o}"));
    }
    if !a.partners.is_empty() {
        lines.push(format!("协办：{}", a.partners.join("、")));
    }
    if let Some(s) = &a.signup {
        lines.push(format!("报名方式：{s}"));
    }
    lines.push(format!("详情：{url}"));
    lines.join("\n")
}

/// The text of a summary's HTML: tags dropped (an image's alt text with
/// them), paragraphs on lines of their own.
fn plain_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('>').map_or(rest.len(), |i| open + i + 1);
        if rest[open..close].starts_with("</p") {
            out.push('\n');
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    let text = crate::escape::unescape_html(&out);
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `activities-kexue-jiangtang@kepu.example.org`: the page's path at the
/// site's host.
fn uid(env: &FeedEnv, page: &Page) -> String {
    let host = Some(env.config.host()).filter(|h| !h.is_empty()).unwrap_or("kepu");
    let path = page.path.trim_matches('/').replace('/', "-");
    text(&format!("{path}@{host}"))
}

/// `20261212T013000Z`.
fn utc(t: Timestamp) -> String {
    t.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// `20261212`.
fn date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// A TEXT value: `\`, `;` and `,` escaped, line breaks as `\n`, other
/// control characters dropped (tabs kept).
pub(crate) fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` with CRLF, folded so that no physical line is longer
/// than 75 octets; a fold never splits a character, and each continuation
/// line starts with one space.
pub(crate) fn fold_into(out: &mut String, line: &str) {
    let mut octets = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if octets + n > LINE_OCTETS {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_become_plain_lines() {
        assert_eq!(
            plain_text(
                "<p>入冬前，<strong>志愿者</strong> &amp; 社区</p>\n<p><img src=\"a.png\" alt=\"现场\">第二段</p>\n"
            ),
            "入冬前，志愿者 & 社区\n第二段"
        );
    }

    #[test]
    fn text_escapes_what_rfc_5545_asks() {
        assert_eq!(text("a,b;c\\d\ne\r\nf\rg"), "a\\,b\\;c\\\\d\\ne\\nf\\ng");
        assert_eq!(text("讲座：科学，生活；\u{7}"), "讲座：科学，生活；");
        assert_eq!(text("tab\there"), "tab\there");
    }

    #[test]
    fn folding_keeps_lines_short_and_characters_whole() {
        for line in [
            "SUMMARY:".to_string() + &"科".repeat(60),
            "DESCRIPTION:".to_string() + &"a".repeat(200),
            "X:".to_string() + &"ab科".repeat(40) + "🎉🎉🎉",
            "SHORT:x".to_string(),
        ] {
            let mut out = String::new();
            fold_into(&mut out, &line);
            assert!(out.ends_with("\r\n"));
            let physical: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
            for (i, l) in physical.iter().enumerate() {
                assert!(l.len() <= 75, "{} octets: {l}", l.len());
                assert_eq!(i > 0, l.starts_with(' '), "{l}");
            }
            // Unfolding (drop CRLF and the one space) gives the line back.
            assert_eq!(out.trim_end_matches("\r\n").replace("\r\n ", ""), line);
            // A full line that would take one more character is folded.
            if line.len() > 75 {
                assert!(physical.len() > 1);
                assert!(physical[0].len() > 72, "{}", physical[0].len());
            }
        }
    }
}
