//! Checks of references between pages and to `site.yaml`.
//!
//! Town ids (`towns`, `areas`, `town`), communities, board display pages
//! and station boards must all exist; each miss is an error at its line.

use super::library::Library;
use super::page::Page;
use super::parse::locate;
use crate::config::Config;
use crate::error::Diagnostic;
use crate::i18n::Said;
use crate::kinds::{FieldError, Kind, KindData};

/// Towns named by their name (`仙龙镇`) instead of their id become the id.
pub(super) fn name_towns(lib: &mut Library, config: &Config) {
    let id_of = |v: &mut String| {
        if config.town(v).is_none()
            && let Some(t) = config.site.towns.iter().find(|t| t.name == v.trim())
        {
            *v = t.id.clone();
        }
    };
    for page in &mut lib.pages {
        page.meta.towns.iter_mut().for_each(id_of);
        match &mut page.data {
            KindData::Emergency(e) => e.areas.iter_mut().for_each(id_of),
            KindData::Board(b) => id_of(&mut b.town),
            KindData::Station(s) => id_of(&mut s.town),
            _ => {}
        }
    }
}

pub(super) fn check(lib: &Library, config: &Config, diags: &mut Vec<Diagnostic>) {
    let town_ids: Vec<&str> = config.site.towns.iter().map(|t| t.id.as_str()).collect();
    let town_hint: Said = if town_ids.is_empty() {
        crate::text!("content.no_towns.help").into()
    } else {
        let both: Vec<String> = config
            .site
            .towns
            .iter()
            .map(|t| format!("{}（{}）", t.id, t.name))
            .collect();
        crate::text!("content.known_towns", both.join(", ")).into()
    };
    for page in &lib.pages {
        let mut errors = Vec::new();
        let mut check_town = |key: &'static str, id: &str| {
            if !id.is_empty() && config.town(id).is_none() {
                errors.push(
                    FieldError::new(key, crate::text!("content.unknown_town", id))
                        .hint(town_hint.clone())
                        .at_value(id),
                );
            }
        };
        for t in &page.meta.towns {
            check_town("towns", t);
        }
        match &page.data {
            KindData::Emergency(e) => {
                for a in &e.areas {
                    check_town("areas", a);
                }
            }
            KindData::Board(b) => {
                check_town("town", &b.town);
                for s in &b.showing {
                    if lib.page(&s.page).is_none() && !lib.broken.contains(&s.page) {
                        errors.push(
                            FieldError::new("showing", crate::text!("board.missing_page", s.page))
                                .hint(crate::text!("board.missing_page.help"))
                                .at_value(format!("@/{}", s.page)),
                        );
                    }
                }
            }
            KindData::Station(st) => {
                check_town("town", &st.town);
                if let (Some(town), Some(c)) = (config.town(&st.town), &st.community)
                    && !town.communities.iter().any(|x| x == c)
                {
                    errors.push(
                        FieldError::new("community", crate::text!("station.unknown_community", c, town.name))
                            .hint(crate::text!(
                                "station.unknown_community.help",
                                town.communities.join(", ")
                            ))
                            .at_value(c.clone()),
                    );
                }
                for b in &st.boards {
                    if lib.find(Kind::Board, b).is_none() {
                        errors.push(
                            FieldError::new("boards", crate::text!("station.unknown_board", b))
                                .hint(crate::text!("station.unknown_board.help"))
                                .at_value(b.clone()),
                        );
                    }
                }
            }
            KindData::Column(_) | KindData::None => {}
        }
        report(page, config, errors, diags);
    }
}

fn report(page: &Page, config: &Config, errors: Vec<FieldError>, diags: &mut Vec<Diagnostic>) {
    let shown = super::walk::shown(&config.root, &page.file);
    for e in errors {
        diags.push(locate(&shown, &page.yaml, 2, e));
    }
}
