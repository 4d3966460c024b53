//! `kepu report [--json]`: the dashboard's figures on the terminal.

use super::{Cli, SiteArgs, print_error};
use crate::report::dashboard;

/// Options of `kepu report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Print exactly the JSON of /dashboard.json.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub site: SiteArgs,
}

pub(super) fn run(cli: &Cli, args: &ReportArgs) -> i32 {
    let c = match crate::site::figures(&cli.options(&args.site)) {
        Ok(c) => c,
        Err(e) => {
            print_error(&e, cli.lang());
            return 1;
        }
    };
    if args.json {
        print!("{}", dashboard::to_json(&c.dashboard));
    } else {
        print!("{}", crate::report::table::table(&c.dashboard, cli.lang()));
    }
    0
}
