//! Adds every feed to the output set: the site, each section, each
//! taxonomy term (Atom and RSS as site.yaml asks), CAP files and the CAP
//! feed.

use rayon::prelude::*;

use super::views::ViewEnv;
use crate::content::Library;
use crate::error::Diagnostic;
use crate::feeds::{Entries, FeedInfo, atom, cap, rss};
use crate::kinds::Kind;
use crate::output::sink::Sink;
use crate::output::{Body, Dep};

/// Adds the feeds to `set`.
pub fn add(view_env: &ViewEnv, lib: &Library, sink: &dyn Sink, diags: &mut Vec<Diagnostic>) {
    let env = &view_env.feeds();
    let s = &env.config.site;
    let mut files: Vec<(String, String, Vec<Dep>)> = Vec::new();
    if s.feeds.atom || s.feeds.rss {
        let entries = Entries::new(env, lib, s.feeds.full_content);
        // Term feeds carry summaries only, whatever `full_content` says: a
        // page is in as many of them as it has terms.
        let summaries = match s.feeds.full_content {
            true => Some(Entries::new(env, lib, false)),
            false => None,
        };
        let mut feeds: Vec<(FeedInfo, Vec<usize>, Dep, bool)> = Vec::new();
        let listed = |k: Kind| matches!(k, Kind::Article | Kind::Emergency | Kind::Column);
        feeds.push((
            FeedInfo {
                title: s.title.clone(),
                description: s.description.clone(),
                html_path: String::new(),
                dir: String::new(),
            },
            lib.pages
                .iter()
                .enumerate()
                .filter(|(_, p)| listed(p.kind))
                .map(|(i, _)| i)
                .collect(),
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
                sec.pages.clone(),
                Dep::Section(sec.name.clone()),
                false,
            ));
        }
        for tax in &s.taxonomies {
            for term in super::taxonomies::collect(lib, tax) {
                let dir = format!("{tax}/{}/", term.slug);
                feeds.push((
                    FeedInfo {
                        title: format!("{} · {}", term.name, s.title),
                        description: String::new(),
                        html_path: dir.clone(),
                        dir,
                    },
                    term.pages,
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
        let rendered: Vec<(String, String, Vec<Dep>)> = feeds
            .par_iter()
            .flat_map_iter(|(info, ids, dep, term)| {
                let source = match (term, &summaries) {
                    (true, Some(short)) => short,
                    _ => &entries,
                };
                let newest = source.newest(env, lib, ids.iter().copied(), limit);
                let deps = |dep: &Dep| deps(dep, *term);
                let mut out = Vec::new();
                if s.feeds.atom {
                    out.push((
                        format!("{}atom.xml", info.dir),
                        atom::feed(env, info, &newest),
                        deps(dep),
                    ));
                }
                if s.feeds.rss {
                    out.push((format!("{}rss.xml", info.dir), rss::feed(env, info, &newest), deps(dep)));
                }
                out
            })
            .collect();
        files.extend(rendered);
    }
    let notes: Vec<&crate::content::Page> = lib.pages_of(Kind::Emergency).map(|(_, p)| p).collect();
    for p in &notes {
        if let Some(xml) = cap::message(env, p) {
            files.push((cap::path(p), xml, vec![Dep::Page(p.rel_path.clone()), Dep::Config]));
        }
    }
    files.push((
        "emergency/cap.xml".into(),
        cap::feed(env, &notes),
        vec![Dep::Section("emergency".into()), Dep::Config],
    ));
    crate::kinds::activity::ical::add(env, lib, &mut files);
    for (path, text, deps) in files {
        if let Err(e) = sink.put(&path, Body::Bytes(text.into_bytes()), deps, "feeds") {
            diags.push(Diagnostic::error(env.config.display_path(), 0, 0, e.message));
        }
    }
}
