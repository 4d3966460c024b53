//! `kepu import wechat PATH...`: WeChat articles into page bundles.

use super::Cli;
use crate::config::display_path as shown;
use crate::i18n::t;
use crate::import::wechat::{self, Options, write::Outcome};
use crate::time::SiteClock;

/// Where the articles come from.
#[derive(Debug, clap::Subcommand)]
pub enum ImportSource {
    /// WeChat official-account articles: pages saved by a browser ("网页，全部":
    /// X.html with its X_files/ folder), folders of them, or article addresses.
    Wechat(WechatArgs),
}

/// Options of `kepu import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// What to import.
    #[command(subcommand)]
    pub source: ImportSource,
}

/// Options of `kepu import wechat`.
#[derive(Debug, clap::Args)]
pub struct WechatArgs {
    /// Saved pages (.html), folders of them, or https://mp.weixin.qq.com/s/... addresses.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Write articles imported before again (an editor's changes are kept unless --force).
    #[arg(long)]
    pub update: bool,
    /// With --update: overwrite imported pages an editor changed.
    #[arg(long, requires = "update")]
    pub force: bool,
    /// Use no network: addresses are refused, images not in the saved page are left out.
    #[arg(long)]
    pub offline: bool,
}

pub(super) fn run(cli: &Cli, args: &ImportArgs) -> i32 {
    let ImportSource::Wechat(a) = &args.source;
    let lang = cli.lang();
    let config = match cli.load_config() {
        Ok(c) => c,
        Err(code) => return code,
    };
    let (error, warning) = (t(lang, "diag.error", &[]), t(lang, "diag.warning", &[]));
    let clock = match SiteClock::new(&config.site.timezone, jiff::Timestamp::now()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{error}: {e}");
            return 1;
        }
    };
    let options = Options {
        inputs: a.paths.clone(),
        update: a.update,
        force: a.force,
        offline: a.offline,
    };
    let report = wechat::run(&config, &clock, &options);
    for d in &report.done {
        let line = match &d.outcome {
            Outcome::Unchanged(p) if !a.update => {
                crate::text!("import.unchanged_before", shown(&config.root, p), d.input)
            }
            Outcome::Wrote(p) => crate::text!("import.wrote", shown(&config.root, p), d.images, d.input),
            Outcome::Updated(p) => crate::text!("import.updated", shown(&config.root, p), d.images, d.input),
            Outcome::Unchanged(p) => crate::text!("import.unchanged", shown(&config.root, p), d.images, d.input),
        };
        println!("{}", line.in_lang(lang));
    }
    for (input, w) in &report.warnings {
        eprintln!("{warning}: {input}: {}", w.in_lang(lang));
    }
    for (input, e) in &report.errors {
        eprintln!("{error}: {input}: {}", e.text().in_lang(lang));
    }
    if report.errors.is_empty() {
        0
    } else {
        let line = crate::text!("import.not_imported", report.errors.len());
        eprintln!("{}", line.in_lang(lang));
        1
    }
}
