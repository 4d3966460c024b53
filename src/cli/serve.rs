//! `kepu serve`.

use std::net::IpAddr;

use super::{Cli, SiteArgs};
use crate::serve::{self, ServeOptions};

/// Options of `kepu serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on (loopback unless told otherwise).
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// Port; the next free one is taken if it is in use (0: any free port).
    #[arg(short, long, default_value_t = 1111)]
    pub port: u16,
    /// Override base_url (default: the server's own address).
    #[arg(long)]
    pub base_url: Option<String>,
    /// Open the site in a browser.
    #[arg(long)]
    pub open: bool,
    #[command(flatten)]
    pub site: SiteArgs,
}

pub(super) fn run(cli: &Cli, args: &ServeArgs) -> i32 {
    let lang = cli.lang();
    let mut build = cli.options(&args.site);
    build.base_url = args.base_url.clone();
    // A preview shows the drafts too, each marked 草稿, and posters marked
    // 预览 (their QR codes lead to this server).
    build.drafts = true;
    build.preview = true;
    let opts = ServeOptions {
        build,
        bind: args.bind,
        port: args.port,
        open: args.open,
    };
    match serve::run(opts) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("{}: {}", crate::i18n::t(lang, "diag.error", &[]), e.in_lang(lang));
            1
        }
    }
}
