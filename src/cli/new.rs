//! `kepu new KIND TITLE`: a new content file with its front matter filled in.
//!
//! The slug comes from the title (pinyin for Chinese), the date is today in
//! the site's time zone; a column entry copies medium, outlet and program
//! from the latest entry and takes the date one week after it.

use std::path::PathBuf;

use clap::ValueEnum;

use super::Cli;
use crate::content::slug::slugify;
use crate::kinds::{Kind, KindData};
use crate::time::SiteClock;

/// The kinds `kepu new` writes.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum NewKind {
    /// 科普文章.
    Article,
    /// 应急科普.
    Emergency,
    /// 科普栏目.
    Column,
    /// 科普画廊/宣传栏.
    Board,
    /// 科普站.
    Station,
    /// A plain page at the root of content/.
    Page,
}

/// Options of `kepu new`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// What to write.
    pub kind: NewKind,
    /// The title.
    pub title: String,
    /// Use this time as "today" (RFC 3339).
    #[arg(long, value_parser = super::parse_now)]
    pub now: Option<jiff::Timestamp>,
}

pub(super) fn run(cli: &Cli, args: &NewArgs) -> i32 {
    match write(cli, args) {
        Ok(path) => {
            eprintln!("Wrote {}", path.display());
            0
        }
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    }
}

fn write(cli: &Cli, args: &NewArgs) -> Result<PathBuf, String> {
    let opts = crate::site::BuildOptions {
        root: cli.root.clone(),
        config_file: Some(cli.config.clone()),
        ..Default::default()
    };
    let config = crate::site::load_config(&opts).map_err(|d| d.to_string().trim_end().to_string())?;
    let clock = SiteClock::new(&config.site.timezone, args.now.unwrap_or_else(jiff::Timestamp::now))?;
    let slug = slugify(&args.title);
    if slug.is_empty() {
        return Err(format!("cannot make a file name from the title '{}'", args.title));
    }
    let folder = match args.kind {
        NewKind::Article => "articles",
        NewKind::Emergency => "emergency",
        NewKind::Column => "columns",
        NewKind::Board => "boards",
        NewKind::Station => "stations",
        NewKind::Page => "",
    };
    let dir = config.content_dir().join(folder);
    let path = dir.join(format!("{slug}.md"));
    if path.exists() {
        return Err(format!(
            "{} exists already; choose another title",
            crate::site::shown(&config.root, &path).display()
        ));
    }
    let text = front_matter(args, &config, &clock);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(crate::site::shown(&std::env::current_dir().unwrap_or_default(), &path))
}

fn yaml_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn front_matter(args: &NewArgs, config: &crate::config::Config, clock: &SiteClock) -> String {
    let today = clock.ymd(clock.now());
    let town = config.site.towns.first().map(|t| t.id.clone()).unwrap_or_default();
    let title = yaml_str(&args.title);
    let mut fm = format!("---\ntitle: {title}\n");
    match args.kind {
        NewKind::Article => fm.push_str(&format!("date: {today}\ntags: []\ncategories: []\n")),
        NewKind::Page => {}
        NewKind::Emergency => {
            let now = clock.zoned(clock.now());
            let expires = now
                .checked_add(jiff::Span::new().days(3))
                .map(|z| clock.rfc3339(z.timestamp()))
                .unwrap_or_default();
            fm.push_str(&format!(
                "date: {}\nexpires: {expires}\nhazard: heat\nlevel: yellow\nareas: [{town}]\nsource: \"\"\nsteps:\n  - \"\"\n",
                clock.rfc3339(clock.now())
            ));
        }
        NewKind::Column => fm.push_str(&column_fields(config, clock, &today)),
        NewKind::Board => fm.push_str(&format!(
            "board_kind: bulletin\nplace: community\ntown: {town}\naddress: \"\"\nmaintainer: \"\"\nshowing: []\n"
        )),
        NewKind::Station => {
            let community = config
                .site
                .towns
                .first()
                .and_then(|t| t.communities.first())
                .map(|c| yaml_str(c))
                .unwrap_or_else(|| "\"\"".into());
            fm.push_str(&format!(
                "town: {town}\ncommunity: {community}\nstation_kind: station\nstaff:\n  - {{ name: \"\", role: 科普员 }}\nhours: \"\"\nequipment: []\nboards: []\n"
            ));
        }
    }
    fm.push_str("---\n\n");
    fm
}

/// Medium, outlet and program of the latest entry, dated a week later.
fn column_fields(config: &crate::config::Config, clock: &SiteClock, today: &str) -> String {
    let opts = crate::content::LoadOptions { drafts: true, clock };
    let (lib, _) = crate::content::load(config, &opts);
    let latest = lib
        .pages_of(Kind::Column)
        .filter_map(|(_, p)| match &p.data {
            KindData::Column(c) => p.date.map(|d| (d, c)),
            _ => None,
        })
        .max_by_key(|(d, _)| *d);
    match latest {
        Some((date, c)) => {
            let next = clock
                .zoned(date)
                .checked_add(jiff::Span::new().weeks(1))
                .map(|z| clock.ymd(z.timestamp()))
                .unwrap_or_else(|_| today.to_string());
            let episode = c
                .episode
                .as_deref()
                .and_then(|e| e.parse::<i64>().ok())
                .map(|n| format!("episode: {}\n", n + 1))
                .unwrap_or_default();
            let opt = |k: &str, v: &Option<String>| {
                v.as_deref()
                    .map(|v| format!("{k}: {}\n", yaml_str(v)))
                    .unwrap_or_default()
            };
            format!(
                "date: {next}\nmedium: {}\n{}{}{episode}",
                c.medium.name(),
                opt("outlet", &c.outlet),
                opt("program", &c.program)
            )
        }
        None => format!("date: {today}\nmedium: radio\noutlet: \"\"\nprogram: \"\"\n"),
    }
}
