//! `kepu build`.

use std::path::PathBuf;

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
    match crate::build(&opts) {
        Ok(report) => {
            print_diagnostics(&report.warnings);
            let lints = crate::check::summary(&report.lints);
            if !lints.is_empty() {
                eprintln!("warning: site lints: {} (run kepu check for details)", lints.join(", "));
            }
            let out = crate::site::shown(&std::env::current_dir().unwrap_or_default(), &report.output);
            eprintln!(
                "Built {} pages ({} files) in {:.2} s → {}/",
                report.pages,
                report.files,
                report.elapsed.as_secs_f64(),
                out.display()
            );
            0
        }
        Err(e) => {
            print_error(&e);
            eprintln!("Build failed; the output folder was left as it was.");
            1
        }
    }
}
