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
    let p = match crate::site::prepare(&cli.options(&args.site)) {
        Ok(p) => p,
        Err(e) => {
            print_error(&e, cli.lang());
            return 1;
        }
    };
    let d = dashboard::compute(&p.lib, &p.config, &p.clock);
    if args.json {
        print!("{}", dashboard::to_json(&d));
    } else {
        print!("{}", crate::report::table::table(&d, cli.lang()));
    }
    0
}
