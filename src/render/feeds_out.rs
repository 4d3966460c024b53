//! Adds every feed to the output set: the site, each section, each
//! taxonomy term (Atom and RSS as site.yaml asks), and the files of the
//! kinds that have their own (an emergency note's CAP messages).

use std::borrow::Cow;

use rayon::prelude::*;

use super::jobs::KeyHasher;
use super::views::ViewEnv;
use crate::content::Library;
use crate::error::Diagnostic;
use crate::feeds::{Entries, FeedInfo, atom, rss};
use crate::kinds::Kind;
use crate::output::sink::Sink;
use crate::output::{Body, Dep};

/// Adds the feeds to `set`; `taxonomies` are the terms of `lib`. A feed
/// file the sink holds made of the same (see [`Sink::held`]) is not made
/// again.
pub fn add(
    view_env: &ViewEnv,
    (lib, taxonomies): (&Library, &super::taxonomies::Taxonomies),
    sink: &dyn Sink,
    diags: &mut Vec<Diagnostic>,
) {
    let env = &view_env.feeds();
    let s = &env.config.site;
    let mut files: Vec<(String, String, Vec<Dep>)> = Vec::new();
    if s.feeds.atom || s.feeds.rss {
        let entries = Entries::new(lib, s.feeds.full_content);
        // Term feeds carry summaries only, whatever `full_content` says: a
        // page is in as many of them as it has terms.
        let summaries = match s.feeds.full_content {
            true => Some(Entries::new(lib, false)),
            false => None,
        };
        let mut feeds = page_feeds(env.config, lib);
        for (tax, terms) in &taxonomies.0 {
            for term in terms {
                let dir = format!("{tax}/{}/", term.slug);
                feeds.push((
                    FeedInfo {
                        title: format!("{} · {}", term.name, s.title),
                        description: String::new(),
                        html_path: dir.clone(),
                        dir,
                    },
                    Cow::Borrowed(&term.pages),
                    Dep::AllPages,
                    true,
                ));
            }
        }
        let limit = s.feeds.limit.max(1);
        // Whole pages in a feed are more than a list shows of them.
        let deps = |dep: &Dep, term: bool| match s.feeds.full_content && !term {
            true => vec![Dep::AllContent, Dep::Config],
            false => vec![dep.clone(), Dep::Config],
        };
        let (keys, holds, scope) = (PageKeys::new(lib), sink.holds(), sink.feed_scope());
        type Write = fn(&crate::feeds::FeedEnv, &FeedInfo, &[&crate::feeds::FeedEntry]) -> String;
        let formats: [(bool, &str, Write); 2] = [
            (s.feeds.atom, "atom.xml", atom::feed),
            (s.feeds.rss, "rss.xml", rss::feed),
        ];
        let rendered: Vec<(String, String, Vec<Dep>)> = feeds
            .par_iter()
            .flat_map_iter(|(info, ids, dep, term)| {
                let source = match (term, &summaries) {
                    (true, Some(short)) => short,
                    _ => &entries,
                };
                // Outside what an edit can have changed, the files held stay.
                let outside = scope.is_some_and(|s| !s.has_dir(&info.dir));
                let mut newest = None;
                let mut shown = None;
                let mut out = Vec::new();
                for (on, name, write) in formats {
                    let path = format!("{}{name}", info.dir);
                    if !on || (outside && sink.keep_held(&path)) {
                        continue;
                    }
                    let newest = newest.get_or_insert_with(|| source.newest_ids(env, lib, ids.iter().copied(), limit));
                    let held = || sink.held(&path, keys.feed(name, info, source.full_content(), newest));
                    if holds && held() {
                        continue;
                    }
                    let shown = shown.get_or_insert_with(|| source.entries_of(env, lib, newest));
                    out.push((path, write(env, info, shown), deps(dep, *term)));
                }
                out
            })
            .collect();
        files.extend(rendered);
    }
    let held = |path: &str, key: &dyn Fn() -> u64| sink.held(path, key());
    let held: Option<crate::kinds::Held> = sink.holds().then_some(&held);
    // A kind no edit touched keeps the files held, whatever their keys.
    let kept = |path: &str, _: &dyn Fn() -> u64| sink.keep_held(path);
    for kind in Kind::ALL {
        if let Some(kind_files) = kind.spec().files {
            let held = match sink.feed_scope() {
                Some(scope) if !scope.has_kind(kind) => Some(&kept as crate::kinds::Held),
                _ => held,
            };
            files.extend(kind_files(view_env, lib, held));
        }
    }
    // Side by side: a sink may pack what it keeps.
    let failed: Vec<Diagnostic> = files
        .into_par_iter()
        .filter_map(|(path, text, deps)| sink.put(&path, Body::Bytes(text.into_bytes()), deps, "feeds").err())
        .map(|e| Diagnostic::error(env.config.display_path(), 0, 0, e.message))
        .collect();
    diags.extend(failed);
}

/// A feed: what it is about, the pages it may show, what it depends on,
/// and whether it is a term's (summaries only).
type Feed<'a> = (FeedInfo, Cow<'a, [usize]>, Dep, bool);

/// The feeds of the site and of each section, before the terms'.
fn page_feeds<'a>(config: &crate::config::Config, lib: &'a Library) -> Vec<Feed<'a>> {
    let s = &config.site;
    let mut feeds: Vec<Feed> = Vec::new();
    let listed = |k: Kind| k.spec().in_site_feed;
    feeds.push((
        FeedInfo {
            title: s.title.clone(),
            description: s.description.clone(),
            html_path: String::new(),
            dir: String::new(),
        },
        Cow::Owned(
            lib.pages
                .iter()
                .enumerate()
                .filter(|(_, p)| listed(p.kind))
                .map(|(i, _)| i)
                .collect(),
        ),
        Dep::AllPages,
        false,
    ));
    for sec in lib.sections.iter().filter(|x| !x.name.is_empty()) {
        feeds.push((
            FeedInfo {
                title: format!("{} · {}", sec.title, s.title),
                description: sec.meta.description.clone().unwrap_or_default(),
                html_path: sec.path.clone(),
                dir: sec.path.clone(),
            },
            Cow::Borrowed(&sec.pages),
            Dep::Section(sec.name.clone()),
            false,
        ));
    }
    feeds
}

/// The pages whose whole body a feed shows: with `full_content`, the
/// newest of the site's feed and of each section's.
pub fn whole_pages(env: &crate::feeds::FeedEnv, lib: &Library) -> Vec<usize> {
    let f = &env.config.site.feeds;
    if !(f.atom || f.rss) || !f.full_content {
        return Vec::new();
    }
    let entries = Entries::new(lib, true);
    let limit = f.limit.max(1);
    page_feeds(env.config, lib)
        .iter()
        .flat_map(|(_, ids, _, _)| entries.newest_ids(env, lib, ids.iter().copied(), limit))
        .collect()
}

/// What a feed entry is made of, for each page, made when first asked for.
struct PageKeys<'a> {
    lib: &'a Library,
    keys: Vec<std::sync::OnceLock<u64>>,
}

impl<'a> PageKeys<'a> {
    fn new(lib: &'a Library) -> Self {
        PageKeys {
            lib,
            keys: lib.pages.iter().map(|_| std::sync::OnceLock::new()).collect(),
        }
    }

    /// The key of page `id`'s entry: everything an entry shows of it.
    fn page(&self, id: usize, full: bool) -> u64 {
        let p = &self.lib.pages[id];
        let base = *self.keys[id].get_or_init(|| {
            let mut h = KeyHasher::new(4);
            h.text(&p.title);
            h.text(&p.path);
            for t in [p.date, p.updated] {
                h.number(t.map_or(u64::MAX, |t| t.as_nanosecond() as u64));
                h.number(t.map_or(u64::MAX, |t| (t.as_nanosecond() >> 64) as u64));
            }
            h.value(&(&p.meta.summary, &p.rendered.summary_html));
            h.value(&(&p.meta.categories, &p.meta.tags, &p.meta.authors));
            h.finish()
        });
        match full {
            true => base ^ xxhash_rust::xxh3::xxh3_64(p.rendered.html.as_bytes()),
            false => base,
        }
    }

    /// The key of the feed file `name` of `info` showing the pages `ids`.
    fn feed(&self, name: &str, info: &FeedInfo, full: bool, ids: &[usize]) -> u64 {
        let mut h = KeyHasher::new(5);
        for part in [name, &info.title, &info.description, &info.html_path, &info.dir] {
            h.text(part);
        }
        h.number(u64::from(full));
        for &id in ids {
            h.number(self.page(id, full));
        }
        h.finish()
    }
}
