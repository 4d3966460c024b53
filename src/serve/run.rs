//! Running one render for the [`Engine`](super::incremental::Engine): the
//! helpers between the loaded site, the [`Recorder`] and the [`Store`].
//!
//! 1. [`render_into`] renders what a [`Redo`] says over the current files
//!    and returns the new ones, or the errors; [`render_all`] renders every
//!    output afresh.
//! 2. [`swap_in`] replaces the redone files in the store and the index.
//! 3. Small views of the loaded site: [`view_env`], [`parse_env`].

use std::collections::BTreeSet;
use std::path::Path;

use super::dirty::Index;
use super::record::{Recorder, Redo, Tasks};
use super::store::{By, Outputs, Store};
use crate::config::Config;
use crate::content::parse::ParseEnv;
use crate::error::{Diagnostic, Error};
use crate::images::sink::ImageSink;
use crate::render::select::{Part, Shared};
use crate::render::{self, views::ViewEnv};
use crate::site::Site;
use crate::time::SiteClock;

/// Replaces the files of what `redo` redid with `new`, in the store and
/// the index.
pub fn swap_in(store: &Store, index: &mut Index, redo: &Redo, new: Outputs) {
    let mut site = store.write();
    for path in index.remove(|by| redo.covers(by), &site.outputs) {
        site.outputs.remove(&path);
    }
    for (path, e) in new {
        index.add(&path, &e);
        site.outputs.insert(path, e);
    }
}

/// The HTML pages made by tasks among `outputs` (not redirects or files).
pub fn count_pages(outputs: &Outputs) -> usize {
    outputs
        .iter()
        .filter(|(k, e)| k.ends_with(".html") && matches!(e.by, By::Task(_)))
        .count()
}

/// Every task and every part but the deferred ones.
pub fn everything() -> Redo {
    Redo {
        tasks: Tasks::All,
        parts: [Part::Jobs, Part::Assets, Part::Redirects, Part::Dashboard].into(),
        drop: BTreeSet::new(),
    }
}

/// The errors of a failed load.
pub fn errors_of(e: Error) -> Vec<Diagnostic> {
    match e {
        Error::Site(d) => d.into_iter().filter(Diagnostic::is_error).collect(),
        Error::Refused(why) => vec![Diagnostic::error("kepu", 0, 0, why)],
        other => vec![Diagnostic::error("kepu", 0, 0, other.to_string())],
    }
}

/// `Err` with the errors among `diags`, if any.
pub fn check(diags: Vec<Diagnostic>) -> Result<(), Vec<Diagnostic>> {
    let errors: Vec<Diagnostic> = diags.into_iter().filter(Diagnostic::is_error).collect();
    match errors.is_empty() {
        true => Ok(()),
        false => Err(errors),
    }
}

/// What templates see of `p`.
pub fn view_env(p: &Site) -> ViewEnv<'_> {
    ViewEnv::new(&p.config, &p.clock, &p.lib, &p.data)
}

/// What the parser needs of the loaded site.
pub fn parse_env<'a>(config: &'a Config, clock: &'a SiteClock, drafts: bool, content: &'a Path) -> ParseEnv<'a> {
    ParseEnv {
        content,
        root: &config.root,
        clock,
        drafts,
        paginate_by: config.site.paginate_by,
        lang: config.lang,
    }
}

/// Renders what `redo` says over the `current` outputs; returns the new files.
pub fn render_into(p: &mut Site, shared: &Shared, current: &Outputs, redo: Redo) -> Result<Outputs, Vec<Diagnostic>> {
    let recorder = Recorder::new(current, redo);
    let Site {
        config,
        clock,
        lib,
        templates,
        data,
        images,
        ..
    } = p;
    let mut env = ViewEnv::new(config, clock, lib, data);
    let sink = ImageSink::new(&recorder, images, &config.root);
    let mut diags = render::render_with(&mut env, templates, shared, &sink, &recorder);
    diags.extend(crate::check::refs::after_render(lib, config, images, &sink));
    diags.extend(sink.finish());
    check(diags)?;
    Ok(recorder.finish())
}

/// Renders every output of `p` afresh, with the shared data of its library.
pub fn render_all(p: &mut Site) -> Result<(Shared, Outputs), Vec<Diagnostic>> {
    let shared = Shared::new(&view_env(p), &p.dashboard, &p.plan);
    let outputs = render_into(p, &shared, &Outputs::new(), everything())?;
    Ok((shared, outputs))
}
