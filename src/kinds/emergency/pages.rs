//! `/emergency/`: active notes by level then date, then the archive by year.

use serde::Serialize;

use crate::content::{Library, PageId};
use crate::kinds::KindData;
use crate::kinds::emergency::Level;
use crate::render::views::{Summary, ViewEnv, summary};

/// The list of notes, as `emergency_list.html` gets it in `notes`.
#[derive(Debug, Serialize)]
pub struct NotesList {
    active: Vec<Summary>,
    archive: Vec<YearGroup>,
}

#[derive(Debug, Serialize)]
struct YearGroup {
    year: i16,
    pages: Vec<Summary>,
}

/// The notes `ids`, active first (most severe, then newest), then the
/// others by year.
pub fn notes_list<'a>(env: &ViewEnv<'a>, lib: &'a Library, ids: &[PageId]) -> NotesList {
    let now = env.clock.now();
    let mut active: Vec<PageId> = Vec::new();
    let mut archive: Vec<YearGroup> = Vec::new();
    for &id in ids {
        let p = &lib.pages[id];
        match &p.data {
            KindData::Emergency(e) if e.is_active(p.date, now) => active.push(id),
            _ => {
                let year = p.date.map(|d| env.clock.zoned(d).year()).unwrap_or(0);
                match archive.last_mut() {
                    Some(g) if g.year == year => g.pages.push(summary(env, id)),
                    _ => archive.push(YearGroup {
                        year,
                        pages: vec![summary(env, id)],
                    }),
                }
            }
        }
    }
    let level = |id: PageId| match &lib.pages[id].data {
        KindData::Emergency(e) => e.level,
        _ => Level::Blue,
    };
    active.sort_by(|&a, &b| {
        level(a)
            .cmp(&level(b))
            .then(lib.pages[b].date.cmp(&lib.pages[a].date))
            .then(lib.pages[a].path.cmp(&lib.pages[b].path))
    });
    NotesList {
        active: active.into_iter().map(|id| summary(env, id)).collect(),
        archive,
    }
}
