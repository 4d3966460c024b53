//! A board's print poster and the QR codes its page and poster share.

use std::collections::HashMap;

use crate::content::{Library, PageId};
use crate::kinds::{Kind, KindData};
use crate::output::Dep;
use crate::render::jobs::Job;
use crate::render::views::{self, ViewEnv};
use crate::report::qr;

/// QR codes (inline SVG) of board pages and of what boards show now, by URL.
pub struct BoardQr(HashMap<String, String>);

impl BoardQr {
    /// QR codes of every board page and of every page a board shows now,
    /// made once in parallel (the board page and its poster share them).
    pub fn new(env: &ViewEnv, lib: &Library) -> Self {
        use rayon::prelude::*;
        let now = env.clock.now();
        let mut wanted: Vec<(String, &str)> = Vec::new();
        for (_, p) in lib.pages_of(Kind::Board) {
            wanted.push((env.permalink(&p.path), &p.title));
            if let KindData::Board(b) = &p.data {
                for s in b.showing.iter().filter(|s| s.is_current(now)) {
                    if let Some(t) = lib.page(&s.page) {
                        wanted.push((env.permalink(&t.path), &t.title));
                    }
                }
            }
        }
        wanted.sort_unstable();
        wanted.dedup_by(|a, b| a.0 == b.0);
        BoardQr(
            wanted
                .into_par_iter()
                .filter_map(|(url, title)| qr::svg(&url, &format!("{title} 的二维码")).ok().map(|svg| (url, svg)))
                .collect(),
        )
    }

    /// The QR code of `url` (made for board pages and what boards show now).
    pub fn get(&self, url: &str) -> String {
        self.0.get(url).cloned().unwrap_or_default()
    }

    /// A board's print poster.
    pub fn poster_job(&self, env: &ViewEnv, lib: &Library, id: PageId) -> Job {
        let page = &lib.pages[id];
        let mut view = views::page(env, page);
        if let Some(b) = &mut view.kinds.board {
            for s in &mut b.current {
                s.qr_svg = self.get(&s.permalink);
            }
            b.qr_svg = self.get(&view.permalink);
        }
        let mut job = Job::new(
            format!("{}poster/index.html", page.path),
            "board_poster.html",
            page.file.display().to_string(),
        )
        .with("page", &view)
        .dep(Dep::Page(page.rel_path.clone()));
        if let KindData::Board(b) = &page.data {
            for s in &b.showing {
                job = job.dep(Dep::Page(s.page.clone()));
            }
        }
        job
    }
}

/// A board's poster sits below the board's page: the board's title, for
/// breadcrumbs.
pub(crate) fn crumbs(env: &ViewEnv, m: &mut std::collections::BTreeMap<String, String>) {
    for (_, p) in env.lib.pages_of(Kind::Board) {
        m.insert(env.link(&p.path), p.title.clone());
    }
}
