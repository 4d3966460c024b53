//! `kepu report [--json] [--year YEAR]`: the dashboard's figures, or a
//! year-end summary, on the terminal.

use super::{Cli, SiteArgs, print_error};
use crate::i18n::t;
use crate::report::{dashboard, year};

/// Options of `kepu report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Print exactly the JSON of /dashboard.json (with --year: of
    /// /report/YEAR/report.json).
    #[arg(long)]
    pub json: bool,
    /// The year-end summary of this year (the figures of /report/YEAR/).
    #[arg(long)]
    pub year: Option<i16>,
    #[command(flatten)]
    pub site: SiteArgs,
}

pub(super) fn run(cli: &Cli, args: &ReportArgs) -> i32 {
    let lang = cli.lang();
    let c = match crate::site::figures(&cli.options(&args.site)) {
        Ok(c) => c,
        Err(e) => {
            print_error(&e, lang);
            return 1;
        }
    };
    let Some(y) = args.year else {
        if args.json {
            print!("{}", dashboard::to_json(&c.dashboard));
        } else {
            print!("{}", crate::report::table::table(&c.dashboard, lang));
        }
        return 0;
    };
    let Some(report) = c.plan.year(y) else {
        let years: Vec<String> = c.plan.years.iter().map(|r| r.year.to_string()).collect();
        let years = match years.is_empty() {
            true => t(lang, "plan.year.none.no_years", &[]),
            false => years.join(&t(lang, "report.sep", &[])),
        };
        eprintln!(
            "{}: {}",
            t(lang, "diag.error", &[]),
            t(lang, "plan.year.none", &[&y.to_string(), &years])
        );
        return 1;
    };
    if args.json {
        print!("{}", year::to_json(report));
    } else {
        print!("{}", year::table(report, lang));
    }
    0
}
