//! One import run: every input read, placed, converted and written; each
//! article's failure reported on its own, the others imported.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use scraper::Html;
use url::Url;

use super::blocks::Block;
use super::chrome::Chrome;
use super::fetch::Fetcher;
use super::inputs::{self, Input};
use super::links::{self, Known};
use super::parse::{self, Meta};
use super::write::{self, Front, Outcome};
use super::{ImportError, clean, images, markdown, shape};
use crate::config::Config;
use crate::content::slug::slugify;
use crate::i18n::Said;
use crate::time::SiteClock;

/// What the command asks for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Saved pages, folders and addresses.
    pub inputs: Vec<String>,
    /// Write articles imported before again (unless an editor changed them).
    pub update: bool,
    /// With `update`: overwrite an editor's changes too.
    pub force: bool,
    /// Fetch nothing: addresses are errors, missing images are left out.
    pub offline: bool,
}

/// One article handled.
#[derive(Debug, Clone)]
pub struct Done {
    /// The input it came from.
    pub input: String,
    /// What happened.
    pub outcome: Outcome,
    /// Images in its bundle.
    pub images: usize,
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Report {
    /// Articles written, updated or left unchanged.
    pub done: Vec<Done>,
    /// Input and warning.
    pub warnings: Vec<(String, Said)>,
    /// Input and error.
    pub errors: Vec<(String, ImportError)>,
}

/// An article read and parsed.
struct Loaded {
    input: Input,
    meta: Meta,
    blocks: Vec<Block>,
    dir: Option<PathBuf>,
    url: Option<Url>,
    address: String,
    short: Option<String>,
    keys: Vec<String>,
}

/// Imports the articles `opts` names into the site of `config`.
pub fn run(config: &Config, clock: &SiteClock, opts: &Options) -> Report {
    let mut report = Report::default();
    let fetcher = Fetcher::new(opts.offline);
    let chrome = Chrome::new(&config.site.import.wechat);
    let (list, errors) = inputs::expand(&opts.inputs);
    report.errors.extend(errors);
    let content = config.content_dir();
    let mut known = Known::scan(&content);
    let mut loaded = Vec::new();
    for input in list {
        // An address imported before needs no fetching unless it is to be updated.
        if let Input::Url(u) = &input
            && !opts.update
            && let Some(rel) = known.find(&links::keys(&links::tidy(u)))
        {
            let outcome = Outcome::Unchanged(content.join(rel));
            report.done.push(Done {
                input: input.label(),
                outcome,
                images: 0,
            });
            continue;
        }
        match load(&input, &fetcher, &chrome) {
            Ok(l) => loaded.push(l),
            Err(e) => report.errors.push((input.label(), e)),
        }
    }
    let mut taken = HashSet::new();
    let places: Vec<(String, bool)> = loaded
        .iter()
        .map(|l| match known.find(&l.keys) {
            Some(rel) => (rel.to_string(), false),
            None => {
                let slug = free_slug(&content, &l.meta.title, &mut taken);
                let rel = format!("articles/{slug}/index.md");
                known.add(&l.keys, &rel);
                (rel, true)
            }
        })
        .collect();
    for (mut l, (rel, new)) in loaded.into_iter().zip(places) {
        let label = l.input.label();
        let index = content.join(&rel);
        if !new && !opts.update {
            report.done.push(Done {
                input: label,
                outcome: Outcome::Unchanged(index),
                images: 0,
            });
            continue;
        }
        let origin = images::Origin {
            dir: l.dir.clone(),
            url: l.url.clone(),
            fetcher: &fetcher,
        };
        let got = images::gather(&mut l.blocks, l.meta.cover.as_deref(), &origin);
        if !got.missing.is_empty() {
            let names: Vec<String> = got.missing.iter().map(|m| m.in_lang(config.lang)).collect();
            let msg = crate::text!("import.images_missing", got.missing.len(), names.join(", "));
            report.warnings.push((label.clone(), msg.into()));
        }
        let date = date(&l.meta, clock);
        if date.is_none() {
            report
                .warnings
                .push((label.clone(), crate::text!("import.no_date").into()));
        }
        let body = markdown::write(&l.blocks, &l.address, &|h| known.resolve(h));
        let front = Front {
            title: l.meta.title.clone(),
            date,
            authors: l.meta.author.iter().cloned().collect(),
            summary: l.meta.summary.clone(),
            cover: got.cover.clone(),
            source: l.meta.account.as_ref().map(|a| format!("微信公众号“{a}”")),
            url: l.address.clone(),
            short_url: l.short.clone(),
        };
        let text = write::document(&front, &body);
        let result = if new && !index.exists() {
            write::create(&content, index.parent().unwrap_or(&content), &text, &got.files)
        } else {
            write::update(&content, &index, &text, &got.files, opts.force)
        };
        match result {
            Ok(outcome) => report.done.push(Done {
                input: label,
                outcome,
                images: got.files.len(),
            }),
            Err(e) => report.errors.push((label, e)),
        }
    }
    report
}

fn load(input: &Input, fetcher: &Fetcher, chrome: &Chrome) -> Result<Loaded, ImportError> {
    let (raw, dir, url) = match input {
        Input::File(path) => {
            let bytes = std::fs::read(path).map_err(|e| ImportError::Unreadable(e.to_string()))?;
            let dir = path
                .parent()
                .map(|p| if p.as_os_str().is_empty() { Path::new(".") } else { p });
            let dir = dir.and_then(|d| std::path::absolute(d).ok());
            (String::from_utf8_lossy(&bytes).into_owned(), dir, None)
        }
        Input::Url(u) => {
            if !fetcher.online() {
                return Err(ImportError::Offline);
            }
            let url = Url::parse(u).map_err(|e| ImportError::Fetch(e.to_string()))?;
            (fetcher.page(u).map_err(ImportError::Fetch)?, None, Some(url))
        }
    };
    let doc = Html::parse_document(&raw);
    let meta = parse::meta(&doc, &raw)?;
    let blocks = shape::shape(clean::body(&doc, chrome), chrome);
    let page_address = meta
        .url
        .as_deref()
        .map(links::tidy)
        .filter(|a| !links::keys(a).is_empty());
    let given = match input {
        Input::Url(u) => Some(links::tidy(u)),
        Input::File(_) => None,
    };
    let address = page_address.clone().or_else(|| given.clone()).unwrap_or_default();
    let short = given.filter(|g| *g != address);
    let mut keys = links::keys(&address);
    if let Some(s) = &short {
        keys.extend(links::keys(s));
    }
    Ok(Loaded {
        input: input.clone(),
        meta,
        blocks,
        dir,
        url,
        address,
        short,
        keys,
    })
}

/// The publish time in the site's zone: `var ct` / `create_time`, else the
/// page's visible `publish_time`.
fn date(meta: &Meta, clock: &SiteClock) -> Option<String> {
    if let Some(t) = meta.create_time.and_then(|s| jiff::Timestamp::from_second(s).ok()) {
        return Some(clock.rfc3339(t));
    }
    let shown = meta.publish_time.as_deref()?;
    let mut s = String::new();
    for c in shown.chars() {
        match c {
            '年' | '月' => s.push('-'),
            '日' => s.push(' '),
            c => s.push(c),
        }
    }
    let mut parts = s.split_whitespace();
    let day: Vec<String> = parts.next()?.split('-').map(|p| format!("{p:0>2}")).collect();
    let text = match parts.next() {
        Some(time) => format!("{} {time}", day.join("-")),
        None => day.join("-"),
    };
    clock.parse(&text).ok().map(|t| clock.rfc3339(t))
}

/// A slug from the title that no other page or this run uses.
fn free_slug(content: &Path, title: &str, taken: &mut HashSet<String>) -> String {
    let base = match slugify(title) {
        s if s.is_empty() => "wechat-article".to_string(),
        s => s.chars().take(80).collect::<String>().trim_end_matches('-').to_string(),
    };
    let articles = content.join("articles");
    let free = |s: &str, taken: &HashSet<String>| {
        !taken.contains(s) && !articles.join(s).exists() && !articles.join(format!("{s}.md")).exists()
    };
    let mut slug = base.clone();
    let mut n = 2;
    while !free(&slug, taken) {
        slug = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(slug.clone());
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shown_publish_time_is_read_in_the_sites_zone() {
        let clock = SiteClock::new("Asia/Shanghai", jiff::Timestamp::UNIX_EPOCH).unwrap();
        let meta = |shown: &str| Meta {
            publish_time: Some(shown.into()),
            ..Meta::default()
        };
        assert_eq!(
            date(&meta("2024年7月5日 08:30"), &clock).as_deref(),
            Some("2024-07-05T08:30:00+08:00")
        );
        assert_eq!(
            date(&meta("2024-07-15"), &clock).as_deref(),
            Some("2024-07-15T00:00:00+08:00")
        );
        assert_eq!(date(&meta("昨天"), &clock), None);
        let ct = Meta {
            create_time: Some(1721039400),
            publish_time: Some("2020-01-01".into()),
            ..Meta::default()
        };
        assert_eq!(date(&ct, &clock).as_deref(), Some("2024-07-15T18:30:00+08:00"));
    }
}
