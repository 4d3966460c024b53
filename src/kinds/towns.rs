//! The pages about towns, gathered from several kinds: one page per town
//! (its coverage, boards, stations, emergency notes and articles), the town
//! list, the board and station lists grouped by town, and a station's
//! related pages.

use std::collections::HashMap;

use serde::Serialize;

use crate::content::{Library, PageId, SortBy, library::sort_pages};
use crate::kinds::{Kind, KindData};
use crate::output::Dep;
use crate::render::jobs::Job;
use crate::render::pages::summary_deps;
use crate::render::views::{Link, Summary, TownLink, ViewEnv, summary, town_link};
use crate::report::coverage::TownCoverage;
use crate::report::dashboard::Dashboard;

/// Town id → its emergency notes and the articles tagged with it, newest first.
pub struct TownPages(HashMap<String, TownOwn>);

/// Pages about one town, newest first.
#[derive(Default)]
struct TownOwn {
    notes: Vec<PageId>,
    articles: Vec<PageId>,
}

impl TownPages {
    /// Emergency notes and articles of every town, newest first.
    pub fn new(lib: &Library) -> Self {
        let mut out: HashMap<String, TownOwn> = HashMap::new();
        for (id, p) in lib.pages.iter().enumerate() {
            match &p.data {
                KindData::Emergency(e) => {
                    for a in &e.areas {
                        out.entry(a.clone()).or_default().notes.push(id);
                    }
                }
                KindData::None if p.kind == Kind::Article => {
                    for t in &p.meta.towns {
                        out.entry(t.clone()).or_default().articles.push(id);
                    }
                }
                _ => {}
            }
        }
        for t in out.values_mut() {
            t.notes.dedup();
            t.articles.dedup();
            sort_pages(&mut t.notes, &lib.pages, SortBy::Date);
            sort_pages(&mut t.articles, &lib.pages, SortBy::Date);
        }
        TownPages(out)
    }

    /// A town's page.
    pub fn town_job(&self, env: &ViewEnv, lib: &Library, dashboard: &Dashboard, i: usize) -> Job {
        let cov = &dashboard.towns[i];
        let town = env.config.site.towns[i].clone();
        let mine = self.0.get(&town.id);
        let note_ids: Vec<PageId> = mine
            .map(|t| t.notes.iter().take(20).copied().collect())
            .unwrap_or_default();
        let article_ids: Vec<PageId> = mine
            .map(|t| t.articles.iter().take(10).copied().collect())
            .unwrap_or_default();
        let notes: Vec<Summary> = note_ids.iter().map(|&id| summary(env, id)).collect();
        let articles: Vec<Summary> = article_ids.iter().map(|&id| summary(env, id)).collect();
        let view = TownView {
            id: &town.id,
            name: &town.name,
            kind_label: town.kind.label(),
            url: env.link(&format!("towns/{}/", town.id)),
            permalink: env.permalink(&format!("towns/{}/", town.id)),
            communities: cov
                .communities
                .iter()
                .map(|c| CommunityView {
                    name: &c.name,
                    station: c.station,
                    board: c.board,
                    staff: c.staff,
                    full: c.full,
                    stations: links(env, lib, &c.stations),
                    boards: links(env, lib, &c.boards),
                })
                .collect(),
            coverage: cov,
            boards: cov.boards.iter().map(|&id| summary(env, id)).collect(),
            stations: cov.stations.iter().map(|&id| summary(env, id)).collect(),
            notes,
            articles,
        };
        let job = Job::new(
            format!("towns/{}/index.html", town.id),
            "town.html",
            format!("town {}", town.id),
        )
        .with("town", &view)
        .dep(Dep::AllFrontMatter)
        .dep(Dep::Config);
        let shown: Vec<PageId> = [&note_ids, &article_ids, &cov.boards, &cov.stations]
            .into_iter()
            .flatten()
            .copied()
            .collect();
        summary_deps(job, lib, &shown, shown.len(), 1)
    }

    /// A station's page: the newest notes and articles about its town.
    pub fn station_context(&self, env: &ViewEnv, lib: &Library, town: &str, job: Job) -> Job {
        let ids: Vec<PageId> = match self.0.get(town) {
            Some(t) => {
                let mut all: Vec<PageId> = t.notes.iter().chain(&t.articles).copied().collect();
                sort_pages(&mut all, &lib.pages, SortBy::Date);
                all.truncate(10);
                all
            }
            None => Vec::new(),
        };
        let related: Vec<Summary> = ids.iter().map(|&i| summary(env, i)).collect();
        summary_deps(job.with("related", &related), lib, &ids, ids.len(), 1)
    }
}

/// The list of towns with their coverage.
pub fn town_list_job(env: &ViewEnv, dashboard: &Dashboard) -> Job {
    let towns: Vec<TownRow> = dashboard
        .towns
        .iter()
        .map(|t| TownRow {
            url: env.link(&format!("towns/{}/", t.id)),
            kind_label: t.kind.label(),
            coverage: t,
        })
        .collect();
    Job::new("towns/index.html", "town_list.html", "towns")
        .with("towns", &towns)
        .with("totals", &dashboard.coverage)
        .dep(Dep::AllFrontMatter)
        .dep(Dep::Config)
}

fn links(env: &ViewEnv, lib: &Library, ids: &[PageId]) -> Vec<Link> {
    ids.iter()
        .map(|&id| Link {
            name: lib.pages[id].title.clone(),
            url: env.link(&lib.pages[id].path),
        })
        .collect()
}

/// Boards or stations of a town.
#[derive(Debug, Serialize)]
pub struct TownGroup {
    town: Option<TownLink>,
    pages: Vec<Summary>,
}

/// The boards or stations `ids` grouped by town, in site.yaml's order of
/// towns, by title within a town.
pub fn by_town<'a>(env: &ViewEnv<'a>, lib: &'a Library, ids: &[PageId]) -> Vec<TownGroup> {
    let town_of = |id: PageId| match &lib.pages[id].data {
        KindData::Board(b) => b.town.clone(),
        KindData::Station(s) => s.town.clone(),
        _ => String::new(),
    };
    let mut groups: Vec<TownGroup> = Vec::new();
    let order: Vec<&str> = env.config.site.towns.iter().map(|t| t.id.as_str()).collect();
    let mut sorted: Vec<PageId> = ids.to_vec();
    sorted.sort_by(|&a, &b| {
        let (ta, tb) = (town_of(a), town_of(b));
        let pos = |t: &str| order.iter().position(|x| *x == t).unwrap_or(usize::MAX);
        pos(&ta)
            .cmp(&pos(&tb))
            .then(lib.pages[a].title.cmp(&lib.pages[b].title))
            .then(lib.pages[a].path.cmp(&lib.pages[b].path))
    });
    for id in sorted {
        let t = town_of(id);
        let link = town_link(env, &t);
        match groups.last_mut() {
            Some(g) if g.town.as_ref().map(|l| l.id.as_str()) == link.as_ref().map(|l| l.id.as_str()) => {
                g.pages.push(summary(env, id))
            }
            _ => groups.push(TownGroup {
                town: link,
                pages: vec![summary(env, id)],
            }),
        }
    }
    groups
}

/// A row of the town list.
#[derive(Debug, Serialize)]
struct TownRow<'a> {
    url: String,
    kind_label: &'static str,
    coverage: &'a TownCoverage,
}

/// A town page.
#[derive(Debug, Serialize)]
struct TownView<'a> {
    id: &'a str,
    name: &'a str,
    kind_label: &'static str,
    url: String,
    permalink: String,
    communities: Vec<CommunityView<'a>>,
    coverage: &'a TownCoverage,
    boards: Vec<Summary>,
    stations: Vec<Summary>,
    notes: Vec<Summary>,
    articles: Vec<Summary>,
}

#[derive(Debug, Serialize)]
struct CommunityView<'a> {
    name: &'a str,
    station: bool,
    board: bool,
    staff: bool,
    full: bool,
    stations: Vec<Link>,
    boards: Vec<Link>,
}
