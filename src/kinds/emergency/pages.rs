//! `/emergency/`: active notes by level then date, then the archive by year.

use serde::Serialize;

use super::cap;
use crate::content::{Library, PageId};
use crate::kinds::emergency::Level;
use crate::kinds::{Kind, KindData};
use crate::output::Dep;
use crate::render::jobs::{KeyHasher, source_key};
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

/// The notes in force at the build's time, for the home page.
pub(crate) fn home_notes(env: &ViewEnv, lib: &Library) -> Vec<Summary> {
    let now = env.clock.now();
    let ids = lib.section("emergency").map(|s| s.pages.as_slice()).unwrap_or_default();
    ids.iter()
        .copied()
        .filter(|&id| matches!(&lib.pages[id].data, KindData::Emergency(e) if e.is_active(lib.pages[id].date, now)))
        .map(|id| summary(env, id))
        .collect()
}

/// Each note's CAP message and the CAP feed of every note.
pub(crate) fn cap_files(
    view_env: &ViewEnv,
    lib: &Library,
    held: Option<crate::kinds::Held>,
) -> Vec<(String, String, Vec<Dep>)> {
    let env = &view_env.feeds();
    let notes: Vec<&crate::content::Page> = lib.pages_of(Kind::Emergency).map(|(_, p)| p).collect();
    let mut files = Vec::new();
    let keys: Vec<std::cell::OnceCell<u64>> = notes.iter().map(|_| std::cell::OnceCell::new()).collect();
    let key = |i: usize| *keys[i].get_or_init(|| source_key(notes[i]));
    for (i, p) in notes.iter().enumerate() {
        let path = cap::path(p);
        if held.is_some_and(|held| held(&path, &|| key(i))) {
            continue;
        }
        if let Some(xml) = cap::message(env, p) {
            files.push((path, xml, vec![Dep::Page(p.rel_path.clone()), Dep::Config]));
        }
    }
    let all = || {
        let mut all = KeyHasher::new(3);
        (0..notes.len()).for_each(|i| all.number(key(i)));
        all.finish()
    };
    if !held.is_some_and(|held| held("emergency/cap.xml", &all)) {
        files.push((
            "emergency/cap.xml".into(),
            cap::feed(env, &notes),
            vec![Dep::Section("emergency".into()), Dep::Config],
        ));
    }
    files
}
