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

use clap::ValueEnum;

use super::Cli;
use crate::config::Config;
use crate::content::slug::slugify;
use crate::i18n::{Said, t};
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
    let opts = crate::site::BuildOptions {
        root: cli.root.clone(),
        config_file: Some(cli.config.clone()),
        lang: Some(lang),
        ..Default::default()
    };
    let config = match crate::site::load_config(&opts) {
        Ok(c) => c,
        Err(d) => {
            super::print_diagnostics(&d, lang);
            return 1;
        }
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

fn yaml_str(s: &str) -> String {
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
    match args.kind {
        NewKind::Article => fm.push_str(&format!("date: {today}\ntags: []\ncategories: []\n")),
        NewKind::Page => {}
        NewKind::Emergency => fm.push_str(&emergency_fields(args, config, clock, &towns)?),
        NewKind::Column => fm.push_str(&column_fields(config, clock, &today)),
        NewKind::Board => fm.push_str(&format!(
            "# board_kind: 可选 {}\n# place: 所在地点，如 community（社区）\n# town: 所在镇街，可选 {towns}\n# address: 详细地址\n# maintainer: 维护人或单位\n# showing: [正在展出的文章，如 \"@/articles/xxx.md\"]\n",
            choices(&board_kinds()),
        )),
        NewKind::Station => fm.push_str(&format!(
            "# town: 所在镇街，可选 {towns}\n# community: 所在村（社区）\n# station_kind: 可选 {}\n# staff:\n#   - {{ name: 姓名, role: 科普员 }}\n# hours: 开放时间\n# equipment: []\n# boards: []\n",
            choices(&station_kinds()),
        )),
    }
    fm.push_str("---\n\n");
    Ok(fm)
}

fn board_kinds() -> Vec<(&'static str, &'static str)> {
    crate::kinds::board::BOARD_KINDS
        .iter()
        .map(|(k, id)| (*id, k.label()))
        .collect()
}

fn station_kinds() -> Vec<(&'static str, &'static str)> {
    crate::kinds::station::STATION_KINDS
        .iter()
        .map(|(k, id)| (*id, k.label()))
        .collect()
}

fn media() -> Vec<(&'static str, &'static str)> {
    crate::kinds::column::MEDIA
        .iter()
        .map(|(m, id)| (*id, m.label()))
        .collect()
}

/// `id（名称）` pairs, space-separated, for a comment.
fn choices(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(id, name)| format!("{id}（{name}）"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The id of `given` in `pairs` (by id or by its Chinese name).
fn pick(what: &str, given: &str, pairs: &[(&str, &str)]) -> Result<String, Said> {
    let g = given.trim();
    pairs
        .iter()
        .find(|(id, name)| *id == g || *name == g || name.trim_end_matches('色') == g)
        .map(|(id, _)| (*id).to_string())
        .ok_or_else(|| crate::text!("cli.new.pick", what, given, choices(pairs)).into())
}

/// Date, and hazard, level, expiry, areas and source as given, or as comments.
fn emergency_fields(args: &NewArgs, config: &Config, clock: &SiteClock, towns: &str) -> Result<String, Said> {
    use crate::kinds::emergency::{HAZARDS, LEVELS};
    let hazards: Vec<(&str, &str)> = HAZARDS.iter().map(|h| (h.0, h.1)).collect();
    let levels: Vec<(&str, &str)> = LEVELS.iter().map(|(l, id)| (*id, l.label())).collect();
    let mut out = format!("date: {}\n", clock.rfc3339(clock.now()));
    match &args.hazard {
        Some(h) => out.push_str(&format!("hazard: {}\n", pick("hazard", h, &hazards)?)),
        None => out.push_str(&format!("# hazard: 必填，可选 {}\n", choices(&hazards))),
    }
    match &args.level {
        Some(l) => out.push_str(&format!("level: {}\n", pick("level", l, &levels)?)),
        None => out.push_str(&format!("# level: 必填，可选 {}\n", choices(&levels))),
    }
    match &args.expires {
        Some(e) => {
            clock
                .parse(e)
                .map_err(|m| Said::from(crate::text!("cli.new.expires", e, m)))?;
            out.push_str(&format!("expires: {e}\n"));
        }
        None => out.push_str("# expires: 必填，预警解除或失效的时间，如 2026-07-03T18:00\n"),
    }
    if args.areas.is_empty() {
        out.push_str(&format!("# areas: [涉及的镇街，可选 {towns}]\n"));
    } else {
        let mut ids = Vec::new();
        for a in &args.areas {
            let t = config
                .site
                .towns
                .iter()
                .find(|t| t.id == a.trim() || t.name == a.trim())
                .ok_or_else(|| Said::from(crate::text!("cli.new.area", a, towns)))?;
            ids.push(t.id.clone());
        }
        out.push_str(&format!("areas: [{}]\n", ids.join(", ")));
    }
    match &args.source {
        Some(s) => out.push_str(&format!("source: {}\n", yaml_str(s))),
        None => out.push_str("# source: 解读的官方预警，如 永川区气象台暴雨蓝色预警\n"),
    }
    out.push_str("# steps:\n#   - 第一条防范措施\n#   - 第二条防范措施\n");
    Ok(out)
}

/// Medium, outlet and program of the latest entry, dated a week later.
fn column_fields(config: &Config, clock: &SiteClock, today: &str) -> String {
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
        None => format!(
            "date: {today}\n# medium: 必填，可选 {}\n# outlet: 播出或刊登的媒体\n# program: 栏目名称\n",
            choices(&media())
        ),
    }
}
