//! `kepu build`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::{Cli, SiteArgs, print_diagnostics, print_error};

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
    let progress = Progress::start(&mut opts);
    let result = crate::build(&opts);
    progress.stop();
    match result {
        Ok(report) => {
            print_diagnostics(&report.warnings, cli.lang());
            let lints = crate::check::summary(&report.lints, cli.lang());
            if !lints.is_empty() {
                eprintln!("warning: site lints: {} (run kepu check for details)", lints.join(", "));
            }
            if report.drafts > 0 {
                eprintln!(
                    "{} draft(s) left out (draft: true); kepu serve shows them, kepu build --drafts builds them",
                    report.drafts
                );
            }
            let out = crate::site::shown(&std::env::current_dir().unwrap_or_default(), &report.output);
            eprintln!(
                "Built {} pages ({} files, {} written) in {:.2} s → {}/",
                report.pages,
                report.files,
                report.files - report.kept.min(report.files),
                report.elapsed.as_secs_f64(),
                out.display()
            );
            if report.images.images > 0 {
                eprintln!(
                    "Images: {} ({} processed, {} from .kepu-cache/)",
                    report.images.images,
                    report.images.decoded,
                    report.images.images - report.images.decoded.min(report.images.images)
                );
            }
            0
        }
        Err(e) => {
            print_error(&e, cli.lang());
            eprintln!("Build failed; the output folder was left as it was.");
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
    fn start(opts: &mut crate::BuildOptions) -> Progress {
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
                    eprint!("\r  {} files written …", count.load(Ordering::Relaxed));
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
