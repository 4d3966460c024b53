//! A board's print poster and the QR codes its page and poster share.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::content::{Library, PageId};
use crate::kinds::{Kind, KindData};
use crate::output::Dep;
use crate::render::jobs::Job;
use crate::render::views::{self, ViewEnv};
use crate::report::qr;

/// QR codes (inline SVG) of board pages and of what boards show now, by
/// URL, each made the first time it is asked for (the board page and its
/// poster share them).
pub struct BoardQr {
    /// URL → the title its code is labelled with.
    titles: HashMap<String, String>,
    /// URL → its code, once made.
    made: Mutex<HashMap<String, String>>,
}

impl BoardQr {
    /// The codes of every board page and of every page a board shows now.
    pub fn new(env: &ViewEnv, lib: &Library) -> Self {
        let now = env.clock.now();
        let mut titles: HashMap<String, String> = HashMap::new();
        // One label per URL: the least title, as when they were sorted.
        let mut want = |url: String, title: &str| match titles.get_mut(&url) {
            Some(t) if title < t.as_str() => *t = title.to_string(),
            Some(_) => {}
            None => {
                titles.insert(url, title.to_string());
            }
        };
        for (_, p) in lib.pages_of(Kind::Board) {
            want(env.permalink(&p.path), &p.title);
            if let KindData::Board(b) = &p.data {
                for s in b.showing.iter().filter(|s| s.is_current(now)) {
                    if let Some(t) = lib.page(&s.page) {
                        want(env.permalink(&t.path), &t.title);
                    }
                }
            }
        }
        BoardQr {
            titles,
            made: Mutex::new(HashMap::new()),
        }
    }

    /// Takes over the codes `old` made that are still wanted with the same
    /// label (`old` keeps none).
    pub fn keep_from(&self, old: &BoardQr) {
        let old_made = std::mem::take(&mut *old.made.lock().unwrap_or_else(|e| e.into_inner()));
        let mut made = self.made.lock().unwrap_or_else(|e| e.into_inner());
        for (url, svg) in old_made {
            if self.titles.get(&url).is_some_and(|t| old.titles.get(&url) == Some(t)) {
                made.insert(url, svg);
            }
        }
    }

    /// The QR code of `url` (made for board pages and what boards show now).
    pub fn get(&self, url: &str) -> String {
        let Some(title) = self.titles.get(url) else {
            return String::new();
        };
        if let Some(svg) = self.made.lock().unwrap_or_else(|e| e.into_inner()).get(url) {
            return svg.clone();
        }
        let svg = qr::svg(url, &format!("{title} 的二维码")).unwrap_or_default();
        self.made
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(url.to_string(), svg.clone());
        svg
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
