//! `kepu new KIND TITLE`: a new content file with its front matter filled in.
//!
//! Every file starts as a draft (`draft: true`) and holds nothing the editor
//! did not give: the fields kepu cannot know are left as comments that show
//! the allowed values. The slug comes from the title (pinyin for Chinese), the
//! date is today in the site's time zone; a column entry copies medium,
//! outlet and program from the latest entry and takes the date one week
//! after it; an emergency note takes hazard, level, expiry, areas and source
//! from the options.

use std::path::PathBuf;

use super::Cli;
use crate::config::Config;
use crate::content::slug::slugify;
use crate::i18n::{Said, t};
use crate::kinds::Kind;
use crate::time::SiteClock;

/// What a kind's part of `kepu new` gets to write its front matter.
pub(crate) struct NewContext<'a> {
    /// The command line.
    pub(crate) args: &'a NewArgs,
    /// The site.
    pub(crate) config: &'a Config,
    /// The site's clock.
    pub(crate) clock: &'a SiteClock,
    /// Today in the site's time zone, `2026-11-20`.
    pub(crate) today: String,
    /// The towns as `id（名称）` pairs, for comments.
    pub(crate) towns: String,
}

/// A kind's part of `kepu new`: the front matter after the title and `draft`.
pub(crate) type NewStub = fn(&NewContext) -> Result<String, Said>;

/// Options of `kepu new`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// What to write.
    pub kind: Kind,
    /// The title.
    pub title: String,
    /// Use this time as "today" (RFC 3339).
    #[arg(long, value_parser = super::parse_now)]
    pub now: Option<jiff::Timestamp>,
    /// Emergency: the hazard, by id or Chinese name (rainstorm or 暴雨).
    #[arg(long)]
    pub hazard: Option<String>,
    /// Emergency: the warning colour (blue 蓝色, yellow 黄色, orange 橙色, red 红色).
    #[arg(long)]
    pub level: Option<String>,
    /// Emergency: when the note stops being shown (2026-07-03T18:00).
    #[arg(long)]
    pub expires: Option<String>,
    /// Emergency: a town or street it concerns, by id or name (repeatable).
    #[arg(long = "area")]
    pub areas: Vec<String>,
    /// Emergency: the official warning it explains.
    #[arg(long)]
    pub source: Option<String>,
}

pub(super) fn run(cli: &Cli, args: &NewArgs) -> i32 {
    let lang = cli.lang();
    let config = match cli.load_config() {
        Ok(c) => c,
        Err(code) => return code,
    };
    match write(&config, args) {
        Ok(path) => {
            eprintln!("{}", crate::text!("cli.new.wrote", path.display()).in_lang(lang));
            0
        }
        Err(e) => {
            eprintln!("{}: {}", t(lang, "diag.error", &[]), e.in_lang(lang));
            1
        }
    }
}

fn write(config: &Config, args: &NewArgs) -> Result<PathBuf, Said> {
    let clock = SiteClock::new(&config.site.timezone, args.now.unwrap_or_else(jiff::Timestamp::now))?;
    let slug = slugify(&args.title);
    if slug.is_empty() {
        return Err(crate::text!("cli.new.no_slug", args.title).into());
    }
    let folder = args.kind.section().unwrap_or("");
    let dir = config.content_dir().join(folder);
    let path = dir.join(format!("{slug}.md"));
    if path.exists() {
        return Err(crate::text!("cli.new.exists", crate::config::display_path(&config.root, &path)).into());
    }
    let text = front_matter(args, config, &clock)?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(crate::config::display_path(
        &std::env::current_dir().unwrap_or_default(),
        &path,
    ))
}

/// `s` as a quoted YAML string.
pub(crate) fn yaml_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn front_matter(args: &NewArgs, config: &Config, clock: &SiteClock) -> Result<String, Said> {
    let today = clock.ymd(clock.now());
    let title = yaml_str(&args.title);
    let mut fm = format!("---\ntitle: {title}\ndraft: true            # 写完、核对后删去这一行，才会发布\n");
    let towns = config
        .site
        .towns
        .iter()
        .map(|t| format!("{}（{}）", t.id, t.name))
        .collect::<Vec<_>>()
        .join(" ");
    let cx = NewContext {
        args,
        config,
        clock,
        today,
        towns,
    };
    fm.push_str(&(args.kind.spec().new_stub)(&cx)?);
    fm.push_str("---\n\n");
    Ok(fm)
}

/// `id（名称）` pairs, space-separated, for a comment.
pub(crate) fn choices(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(id, name)| format!("{id}（{name}）"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The id of `given` in `pairs` (by id or by its Chinese name).
pub(crate) fn pick(what: &str, given: &str, pairs: &[(&str, &str)]) -> Result<String, Said> {
    let g = given.trim();
    pairs
        .iter()
        .find(|(id, name)| *id == g || *name == g || name.trim_end_matches('色') == g)
        .map(|(id, _)| (*id).to_string())
        .ok_or_else(|| crate::text!("cli.new.pick", what, given, choices(pairs)).into())
}
