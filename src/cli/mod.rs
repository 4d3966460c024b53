//! The command line: argument structs and what each command runs.

mod build;
mod check;
mod import;
pub mod init;
pub(crate) mod new;
mod report;
mod serve;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::i18n::{Lang, t};
use crate::site::BuildOptions;

/// kepu (科普): builds a science-popularization site from Markdown.
#[derive(Debug, Parser)]
#[command(name = "kepu", version, about, long_about = None)]
pub struct Cli {
    /// The site's folder.
    #[arg(long, global = true, default_value = ".")]
    pub root: PathBuf,
    /// The configuration file, relative to the site folder.
    #[arg(long, global = true, default_value = "site.yaml")]
    pub config: PathBuf,
    /// The language of kepu's messages: zh or en (default: the site's
    /// `language`, or KEPU_LANG).
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<crate::i18n::Lang>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder.
    Build(build::BuildArgs),
    /// Validate everything a build validates, plus the site lints; writes nothing.
    Check(check::CheckArgs),
    /// Write a new content file of a kind, front matter filled in.
    New(new::NewArgs),
    /// Write a new site skeleton that builds at once.
    Init(init::InitArgs),
    /// Serve the site from memory, rebuild what each edit touches, reload the browser.
    Serve(serve::ServeArgs),
    /// Print the coverage figures of the dashboard.
    Report(report::ReportArgs),
    /// Import articles from elsewhere as page bundles (`kepu import wechat PATH...`).
    Import(import::ImportArgs),
}

/// Options every building command shares.
#[derive(Debug, Clone, clap::Args)]
pub struct SiteArgs {
    /// Include drafts.
    #[arg(long)]
    pub drafts: bool,
    /// Fix the build clock (RFC 3339, e.g. 2026-07-15T10:00:00+08:00).
    #[arg(long, value_parser = parse_now)]
    pub now: Option<jiff::Timestamp>,
}

fn parse_lang(s: &str) -> Result<crate::i18n::Lang, String> {
    crate::i18n::Lang::parse(s).ok_or_else(|| crate::text!("cli.lang.bad", s).in_lang(early_lang()))
}

fn parse_now(s: &str) -> Result<jiff::Timestamp, String> {
    s.parse::<jiff::Timestamp>()
        .map_err(|_| crate::text!("cli.now.bad", s).in_lang(early_lang()))
}

/// The language of a message about the arguments themselves, said while
/// they are parsed: `--lang` as written (when it is valid), else as
/// [`Cli::lang`] finds it from `--root` and `--config` as written.
fn early_lang() -> Lang {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| -> Option<String> {
        let prefix = format!("{name}=");
        args.iter()
            .enumerate()
            .find_map(|(i, a)| match a.strip_prefix(&prefix) {
                Some(v) => Some(v.to_string()),
                None if a == name => args.get(i + 1).cloned(),
                None => None,
            })
    };
    if let Some(lang) = value("--lang").and_then(|v| Lang::parse(&v)) {
        return lang;
    }
    let root = value("--root").unwrap_or_else(|| ".".into());
    let config = value("--config").unwrap_or_else(|| "site.yaml".into());
    site_lang(&PathBuf::from(root).join(config))
}

/// `KEPU_LANG`, then the `language` of the configuration `file` (Chinese
/// when it cannot be read, as for a new site).
fn site_lang(file: &std::path::Path) -> Lang {
    let language = std::fs::read_to_string(file)
        .ok()
        .and_then(|src| crate::yaml::from_str::<yaml_serde::Value>(&src).ok())
        .and_then(|v| v.get("language").and_then(|l| l.as_str()).map(str::to_owned))
        .unwrap_or_else(|| "zh-CN".to_owned());
    Lang::for_site(&language)
}

impl Cli {
    fn options(&self, site: &SiteArgs) -> BuildOptions {
        BuildOptions {
            root: self.root.clone(),
            config_file: Some(self.config.clone()),
            output: None,
            base_url: None,
            drafts: site.drafts,
            now: site.now,
            lang: Some(self.lang()),
            ..Default::default()
        }
    }
}

/// Runs the command; returns the process exit code.
pub fn run(mut cli: Cli) -> i32 {
    // Settled once: later calls of `lang()` read no configuration.
    cli.lang = Some(cli.lang());
    match &cli.command {
        Command::Build(a) => build::run(&cli, a),
        Command::Check(a) => check::run(&cli, a),
        Command::New(a) => new::run(&cli, a),
        Command::Init(a) => init::run(&cli, a),
        Command::Serve(a) => serve::run(&cli, a),
        Command::Report(a) => report::run(&cli, a),
        Command::Import(a) => import::run(&cli, a),
    }
}

impl Cli {
    /// The language of the messages: `--lang`, then `KEPU_LANG`, then the
    /// `language` of the site's configuration (Chinese when it cannot be
    /// read, as for a new site).
    pub(crate) fn lang(&self) -> Lang {
        match self.lang {
            Some(l) => l,
            None => site_lang(&self.root.join(&self.config)),
        }
    }

    /// The site's configuration for the commands that need only it
    /// (`new`, `import`); its errors are printed, and the exit code returned.
    pub(crate) fn load_config(&self) -> Result<crate::config::Config, i32> {
        let lang = self.lang();
        let opts = BuildOptions {
            root: self.root.clone(),
            config_file: Some(self.config.clone()),
            lang: Some(lang),
            ..Default::default()
        };
        crate::site::load_config(&opts).map_err(|d| {
            print_diagnostics(&d, lang);
            1
        })
    }
}

/// Prints diagnostics to stderr in `lang`, with a closing count.
pub(crate) fn print_diagnostics(diags: &crate::Diagnostics, lang: Lang) {
    for d in diags.iter() {
        eprintln!("{}", d.shown(lang));
    }
    let (e, w) = (diags.error_count(), diags.warning_count());
    if e > 0 {
        eprintln!("{}", t(lang, "diag.count", &[&e.to_string(), &w.to_string()]));
    }
}

/// Prints a failure of a run in `lang`.
pub(crate) fn print_error(e: &crate::Error, lang: Lang) {
    match e {
        crate::Error::Site(d) => print_diagnostics(d, lang),
        other => eprintln!("{}: {}", t(lang, "diag.error", &[]), other.in_lang(lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }
}
