//! `kepu check`: everything a build validates, plus the site lints.

use super::{Cli, SiteArgs, print_diagnostics, print_error};

/// Options of `kepu check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
}

pub(super) fn run(cli: &Cli, args: &CheckArgs) -> i32 {
    let opts = cli.options(&args.site);
    let lang = cli.lang();
    match crate::load(&opts) {
        Ok((site, pages)) => {
            let mut diags = site.diagnostics.clone();
            diags.extend(crate::check::lints(&site));
            diags.sort();
            print_diagnostics(&diags, lang);
            let errors = diags.error_count();
            let line = crate::text!("cli.check.done", pages, errors, diags.warning_count());
            eprintln!("{}", line.in_lang(lang));
            i32::from(errors > 0)
        }
        Err(e) => {
            print_error(&e, lang);
            1
        }
    }
}
