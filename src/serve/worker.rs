//! The rebuild thread: it owns the [`Engine`] and the watcher, and does
//! one thing at a time.
//!
//! 1. Wait for a [`Command`]: file events, a request to complete the stale
//!    parts or to check a file, or stop. While none comes and files are
//!    left unverified, check them a few at a time ([`SWEEP`]).
//! 2. File events are gathered until [`QUIET`] passes without one (at
//!    most [`MAX_WAIT`]), sorted into changes, and applied.
//! 3. Each rebuild prints what it did and tells the browsers to reload
//!    (or to reload stylesheets); a failed one first waits [`GRACE`] for
//!    the rest of a save, so a file caught half-written does not flash an
//!    error.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::RecommendedWatcher;
use tokio::sync::oneshot;

use super::State;
use super::incremental::{Engine, Rebuilt, Want};
use super::livereload::Signal;
use super::watch::{self, Change, ChangeKind};
use crate::i18n::Lang;
use crate::render::select::Part;

/// Quiet time that ends a batch of file events.
pub const QUIET: Duration = Duration::from_millis(8);
/// The longest a batch waits for quiet.
pub const MAX_WAIT: Duration = Duration::from_millis(300);
/// How long a failed rebuild waits for more of the save (an editor may
/// have been caught between truncating a file and writing it) before its
/// errors are shown.
pub const GRACE: Duration = Duration::from_millis(100);
/// Unverified files checked at a time while nothing else is asked.
pub const SWEEP: usize = 8;
/// How long the thread waits for a command before it checks unverified
/// files in the background.
pub const IDLE: Duration = Duration::from_millis(20);

/// What the rebuild thread is asked to do.
pub enum Command {
    /// A file event.
    Fs(notify::Result<notify::Event>),
    /// Redo a stale part or check a file, then answer.
    Complete(Want, oneshot::Sender<()>),
    /// The background image work is done: load again, reload browsers.
    ImagesReady(usize),
    /// Stop.
    Stop,
}

/// Runs until [`Command::Stop`] or until every sender is gone.
pub fn run(mut engine: Engine, mut watcher: RecommendedWatcher, rx: Receiver<Command>, state: Arc<State>) {
    let lang = state.lang;
    // Commands that came while file events were gathered, in order.
    let mut later = VecDeque::new();
    // The images of the round in the background, if one is running.
    let mut round = start_images(&engine, &state, &[]);
    while let Some(cmd) = later.pop_front().or_else(|| next(&rx, &mut engine, lang)) {
        match cmd {
            Command::Stop => return,
            Command::ImagesReady(n) => {
                let start = Instant::now();
                let outcome = engine.images_ready();
                let generation = engine.store().status().generation;
                match outcome {
                    Ok(_) => {
                        let ms = start.elapsed().as_millis().to_string();
                        eprintln!("{}", crate::text!("serve.images_made", n, ms).in_lang(lang));
                    }
                    Err(d) => print_errors(&d, lang),
                }
                let _ = state.signals.send(Signal::Reload(generation));
                // Images that failed stay failed (the cache notes why);
                // new ones (an edit since) start another round.
                let tried = round.take().filter(|_| n == 0).unwrap_or_default();
                round = start_images(&engine, &state, &tried);
            }
            Command::Complete(want, reply) => {
                complete(&mut engine, &want, lang);
                let _ = reply.send(());
            }
            Command::Fs(first) => {
                let mut events = vec![first];
                gather(&rx, &mut events, &mut later);
                let mut report = rebuild(&mut engine, &mut watcher, events, lang);
                while report.as_ref().is_some_and(|r| r.failed) {
                    match rx.recv_timeout(GRACE) {
                        Ok(Command::Fs(ev)) => {
                            let mut events = vec![ev];
                            gather(&rx, &mut events, &mut later);
                            if let Some(r) = rebuild(&mut engine, &mut watcher, events, lang) {
                                report = Some(r);
                            }
                        }
                        Ok(other) => {
                            later.push_back(other);
                            break;
                        }
                        Err(RecvTimeoutError::Timeout) => break,
                        Err(RecvTimeoutError::Disconnected) => {
                            later.push_back(Command::Stop);
                            break;
                        }
                    }
                }
                if let Some(r) = report {
                    r.tell(&state);
                }
                if round.is_none() {
                    round = start_images(&engine, &state, &[]);
                }
            }
        }
    }
}

/// The next command; while none comes, unverified files are checked a few
/// at a time. `None` when every sender is gone.
fn next(rx: &Receiver<Command>, engine: &mut Engine, lang: Lang) -> Option<Command> {
    while engine.has_unverified() {
        match rx.recv_timeout(IDLE) {
            Ok(cmd) => return Some(cmd),
            Err(RecvTimeoutError::Disconnected) => return None,
            Err(RecvTimeoutError::Timeout) => {
                if let Err(d) = engine.sweep(SWEEP) {
                    print_errors(&d, lang);
                }
            }
        }
    }
    rx.recv().ok()
}

/// Collects events until a quiet spell; other commands wait in `later`.
fn gather(rx: &Receiver<Command>, events: &mut Vec<notify::Result<notify::Event>>, later: &mut VecDeque<Command>) {
    let start = Instant::now();
    while start.elapsed() < MAX_WAIT {
        match rx.recv_timeout(QUIET) {
            Ok(Command::Fs(ev)) => events.push(ev),
            Ok(other) => later.push_back(other),
            Err(RecvTimeoutError::Timeout) => return,
            Err(RecvTimeoutError::Disconnected) => {
                later.push_back(Command::Stop);
                return;
            }
        }
    }
}

/// Starts making the images the loaded site still shows as originals, on
/// a thread of its own; returns their files if it started. `tried`: the
/// files of a round that made nothing, which would fail again.
fn start_images(engine: &Engine, state: &State, tried: &[PathBuf]) -> Option<Vec<PathBuf>> {
    let (config, pending) = engine.pending_images()?;
    if pending.iter().all(|p| tried.contains(&p.source)) {
        return None;
    }
    eprintln!(
        "{}",
        crate::text!("serve.images_start", pending.len()).in_lang(state.lang)
    );
    let files = pending.iter().map(|p| p.source.clone()).collect();
    let tx = state.commands.clone();
    std::thread::Builder::new()
        .name("kepu-images".into())
        .spawn(move || {
            let n = crate::images::make_pending(&config, &pending);
            let _ = tx.send(Command::ImagesReady(n));
        })
        .ok()
        .map(|_| files)
}

fn complete(engine: &mut Engine, want: &Want, lang: Lang) {
    let start = Instant::now();
    if let Err(d) = engine.complete(want) {
        print_errors(&d, lang);
    } else if start.elapsed() > Duration::from_millis(200) {
        let ms = start.elapsed().as_millis().to_string();
        let line = match want {
            Want::Stale => crate::text!("serve.brought_all", ms),
            Want::Part(p) => {
                let what = match p {
                    Part::Feeds => crate::text!("serve.part.feeds"),
                    Part::Search => crate::text!("serve.part.search"),
                    Part::Builtins => crate::text!("serve.part.sitemap"),
                    _ => crate::text!("serve.part.other"),
                };
                crate::text!("serve.brought_part", what, ms)
            }
            Want::File(_) => return,
        };
        eprintln!("{}", line.in_lang(lang));
    }
}

/// What a rebuild has to say.
struct Report {
    /// Lines for the terminal.
    lines: Vec<String>,
    /// For the browsers.
    signal: Signal,
    /// The rebuild failed.
    failed: bool,
}

impl Report {
    fn tell(self, state: &State) {
        for l in &self.lines {
            eprintln!("{l}");
        }
        let _ = state.signals.send(self.signal);
    }
}

fn rebuild(
    engine: &mut Engine,
    watcher: &mut RecommendedWatcher,
    events: Vec<notify::Result<notify::Event>>,
    lang: Lang,
) -> Option<Report> {
    let classifier = engine.classifier();
    let mut changes: Vec<Change> = events
        .into_iter()
        .filter_map(Result::ok)
        .filter(watch::wanted)
        .flat_map(|e| e.paths)
        .filter_map(|p| classifier.classify(&p))
        .collect();
    changes.sort();
    changes.dedup();
    if changes.is_empty() {
        return None;
    }
    for c in changes.iter().filter(|c| c.kind == ChangeKind::Folder) {
        watch::add_folder(watcher, &c.path);
    }
    let start = Instant::now();
    let outcome = engine.apply(&changes);
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let warned: Vec<String> = engine
        .take_edit_warnings()
        .iter()
        .map(|w| w.shown(lang).to_string())
        .collect();
    let generation = engine.store().status().generation;
    let what = names(&classifier.root, &changes).in_lang(lang);
    let report = |line: crate::i18n::Text, signal| Report {
        lines: warned.iter().cloned().chain([line.in_lang(lang)]).collect(),
        signal,
        failed: false,
    };
    match outcome {
        Ok(Rebuilt::Nothing) => None,
        Ok(Rebuilt::Css) => Some(report(crate::text!("serve.css", what), Signal::Css(generation))),
        Ok(Rebuilt::Files) => Some(report(crate::text!("serve.reloaded", what), Signal::Reload(generation))),
        Ok(Rebuilt::Pages(n)) => Some(report(
            crate::text!("serve.rebuilt", n, format!("{ms:.0}"), what),
            Signal::Reload(generation),
        )),
        Err(d) => {
            let mut lines: Vec<String> = d.iter().map(|e| e.shown(lang).to_string()).collect();
            lines.push(crate::text!("serve.failed", what).in_lang(lang));
            Some(Report {
                lines,
                signal: Signal::Reload(generation),
                failed: true,
            })
        }
    }
}

fn print_errors(d: &[crate::Diagnostic], lang: Lang) {
    for e in d {
        eprintln!("{}", e.shown(lang));
    }
}

/// The changed files, as the editor knows them: under `content/` relative
/// to it, others relative to the site.
fn names(root: &Path, changes: &[Change]) -> crate::i18n::Said {
    let content = root.join("content");
    let shown: Vec<String> = changes
        .iter()
        .map(|c| {
            let rel = c.path.strip_prefix(&content).or_else(|_| c.path.strip_prefix(root));
            rel.unwrap_or(&c.path).display().to_string()
        })
        .collect();
    match shown.len() {
        0..=3 => shown.join(", ").into(),
        n => crate::text!("serve.and_more", shown[..2].join(", "), n - 2).into(),
    }
}
