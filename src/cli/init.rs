//! `kepu init DIR`: a new site that builds at once on the built-in default
//! theme (`--copy-theme` writes the theme into the site to edit it whole).

use std::path::{Path, PathBuf};

use super::Cli;
use crate::i18n::Said;
use crate::render::builtin_theme;

/// Options of `kepu init`.
#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// Folder of the new site (created; must be empty if it exists).
    pub dir: PathBuf,
    /// Also copy the built-in default theme into themes/default/, to edit it whole.
    #[arg(long)]
    pub copy_theme: bool,
}

const SITE_YAML: &str = r#"title: 我的科普站
base_url: https://kepu.example.org/
language: zh-CN
timezone: Asia/Shanghai
description: 科学普及，服务百姓
organization: 某某区科学技术协会
footer:
  icp_beian: ""
  contact: ""
theme: default
output_dir: public
paginate_by: 10
menu:
  - { name: 科普资讯, url: /articles/ }
  - { name: 应急科普, url: /emergency/ }
  - { name: 科普栏目, url: /columns/ }
  - { name: 科普画廊, url: /boards/ }
  - { name: 科普站点, url: /stations/ }
towns:
  - { id: example, name: 示例街道, kind: street, communities: [示例社区] }
taxonomies: [tags, categories]
feeds: { atom: true, rss: true }
highlight: { theme: InspiredGitHub, css_classes: true }
search: { enabled: true }
boards: { stale_after_days: 30 }
columns: { min_per_week: 1 }
extra: {}
"#;

const HOME: &str = "---\ntitle: 首页\n---\n欢迎来到科普站。\n";
const ARTICLES: &str = "---\ntitle: 科普资讯\n---\n";
const FIRST: &str = "---\ntitle: 第一篇科普文章\ndate: 2026-01-05\ntags: [示例]\ncategories: [健康生活]\n---\n这是第一篇文章。用 `kepu new article 标题` 写下一篇。\n\n## 怎样写\n\n在 content/articles/ 里写 Markdown，文件开头是 front matter。\n";

/// The files of a new site, relative to its folder.
pub fn skeleton(copy_theme: bool) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("site.yaml".into(), SITE_YAML.into()),
        ("content/_index.md".into(), HOME.into()),
        ("content/articles/_index.md".into(), ARTICLES.into()),
        ("content/articles/first.md".into(), FIRST.into()),
        (".gitignore".into(), "/public/\n/.kepu-cache/\n".into()),
    ];
    for (rel, bytes) in builtin_theme::files().iter().filter(|_| copy_theme) {
        files.push((format!("themes/default/{rel}"), bytes.to_vec()));
    }
    files
}

/// Writes the skeleton into `dir`, refusing a folder that has files.
pub fn init(dir: &Path, copy_theme: bool) -> Result<usize, Said> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        if entries.next().is_some() {
            return Err(crate::text!("cli.init.not_empty", dir.display()).into());
        }
    }
    let files = skeleton(copy_theme);
    for (rel, bytes) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(files.len())
}

pub(super) fn run(cli: &Cli, args: &InitArgs) -> i32 {
    let lang = cli.lang();
    match init(&args.dir, args.copy_theme) {
        Ok(n) => {
            let dir = args.dir.display();
            eprintln!("{}", crate::text!("cli.init.wrote", n, dir).in_lang(lang));
            eprintln!("{}", crate::text!("cli.init.next", dir).in_lang(lang));
            0
        }
        Err(e) => {
            eprintln!("{}: {}", crate::i18n::t(lang, "diag.error", &[]), e.in_lang(lang));
            1
        }
    }
}
