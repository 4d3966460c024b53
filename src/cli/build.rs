//! `kepu build`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::{Cli, SiteArgs, print_diagnostics, print_error};
use crate::i18n::{Lang, t};

/// Options of `kepu build`.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Output folder (default: output_dir of site.yaml).
    #[arg(short = 'o', long)]
    pub output: Option<PathBuf>,
    /// Override base_url (e.g. http://127.0.0.1:8080/).
    #[arg(long)]
    pub base_url: Option<String>,
    #[command(flatten)]
    pub site: SiteArgs,
}

pub(super) fn run(cli: &Cli, args: &BuildArgs) -> i32 {
    let mut opts = cli.options(&args.site);
    opts.output = args.output.clone();
    opts.base_url = args.base_url.clone();
    let lang = cli.lang();
    let progress = Progress::start(&mut opts, lang);
    let result = crate::build(&opts);
    progress.stop();
    match result {
        Ok(report) => {
            print_diagnostics(&report.warnings, lang);
            let lints = crate::check::summary(&report.lints, lang);
            if !lints.is_empty() {
                let summary = crate::text!("cli.build.lints", lints.join(", "));
                eprintln!("{}: {}", t(lang, "diag.warning", &[]), summary.in_lang(lang));
            }
            if report.drafts > 0 {
                eprintln!("{}", crate::text!("cli.build.drafts", report.drafts).in_lang(lang));
            }
            let out = crate::config::display_path(&std::env::current_dir().unwrap_or_default(), &report.output);
            let line = crate::text!(
                "cli.build.done",
                report.pages,
                report.files,
                report.files - report.kept.min(report.files),
                format!("{:.2}", report.elapsed.as_secs_f64()),
                out.display()
            );
            eprintln!("{}", line.in_lang(lang));
            if report.images.images > 0 {
                let line = crate::text!(
                    "cli.build.images",
                    report.images.images,
                    report.images.decoded,
                    report.images.images - report.images.decoded.min(report.images.images)
                );
                eprintln!("{}", line.in_lang(lang));
            }
            0
        }
        Err(e) => {
            print_error(&e, lang);
            eprintln!("{}", t(lang, "cli.build.failed", &[]));
            1
        }
    }
}

/// A one-line progress count on a terminal, shown only once a build has
/// taken more than a second.
struct Progress {
    done: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Progress {
    fn start(opts: &mut crate::BuildOptions, lang: Lang) -> Progress {
        let done = Arc::new(AtomicBool::new(false));
        if !std::io::stderr().is_terminal() {
            return Progress { done, thread: None };
        }
        let count = Arc::new(AtomicUsize::new(0));
        opts.progress = Some(count.clone());
        let stop = done.clone();
        let thread = std::thread::spawn(move || {
            let start = Instant::now();
            let mut shown = false;
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(100));
                if start.elapsed() > Duration::from_secs(1) {
                    let n = count.load(Ordering::Relaxed).to_string();
                    eprint!("\r  {}", t(lang, "cli.build.progress", &[&n]));
                    shown = true;
                }
            }
            if shown {
                eprint!("\r\x1b[2K");
            }
        });
        Progress {
            done,
            thread: Some(thread),
        }
    }

    fn stop(self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread {
            let _ = t.join();
        }
    }
}
