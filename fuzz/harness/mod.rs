//! What one fuzz input does, shared by the fuzz targets
//! (`fuzz/fuzz_targets/*.rs`) and the regression test
//! (`tests/it/crash_replays.rs`, which replays `fuzz/regressions/TARGET/*`).
//!
//! Each function takes the raw input, runs one stage of kepu on it and
//! checks what must hold whatever the input (a panic is a finding):
//! 1. [`front_matter`]: one content file of a kind chosen by the first byte,
//!    read and parsed; every diagnostic points at a line of the file.
//! 2. [`markdown`]: one body rendered with the default theme's shortcodes,
//!    an `@/` link table and the raw HTML policy of the first byte; under
//!    `escape` and `sanitize` no `<script` survives.
//! 3. [`site_yaml`]: `site.yaml` parsed and validated.
//! 4. [`site`]: a small site made from the input (see [`site_files`]),
//!    built to disk with the default theme; no file appears outside the
//!    output folder, nothing outside the site is read, and a failed build
//!    leaves neither an output folder nor a staging folder.
#![allow(dead_code, unreachable_pub)]

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use kepu::config::RawHtml;
use kepu::content::parse::{ParseEnv, parse_bytes};
use kepu::markdown::{LinkResolver, MarkdownOptions};
use kepu::render::shortcodes::TeraShortcodes;
use kepu::render::templates::Templates;
use kepu::time::SiteClock;

/// The kepu repository (holds `themes/default`).
pub fn repo() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    if here.join("themes/default").is_dir() {
        here.to_path_buf()
    } else {
        here.join("..")
    }
}

/// The fixed build clock: 2026-11-20T10:00:00+08:00.
fn now() -> jiff::Timestamp {
    "2026-11-20T02:00:00Z".parse().unwrap_or(jiff::Timestamp::UNIX_EPOCH)
}

const BASE_YAML: &str = "title: 模糊测试\nbase_url: https://kepu.example.org/sub/\ntowns:\n  - { id: xianlong, name: 仙龙镇, kind: town, communities: [仙龙村, 新房子村] }\n  - { id: zhongshanlu, name: 中山路街道, kind: street }\n";

/// Start of the marker text of files outside the site, which must never
/// reach the output; each run adds its temporary folder's random name, so
/// that an input cannot hold the marker itself.
pub const SECRET: &str = "KEPU-FUZZ-SECRET-OUTSIDE";

// ---------------------------------------------------------------- 1

/// Parses one content file; the first byte picks folder, draft mode and name.
pub fn front_matter(data: &[u8]) {
    let Some((&sel, bytes)) = data.split_first() else {
        return;
    };
    let folders = ["articles", "emergency", "columns", "boards", "stations", "misc", ""];
    let folder = folders[usize::from(sel & 7) % folders.len()];
    let name = match (sel >> 3) & 3 {
        0 => "x.md",
        1 => "_index.md",
        2 => "应急科普/index.md",
        _ => "a b.c.md",
    };
    let root = Path::new("/fuzz-site");
    let content = root.join("content");
    let file = if folder.is_empty() {
        content.join(name)
    } else {
        content.join(folder).join(name)
    };
    let Ok(clock) = SiteClock::new("Asia/Shanghai", now()) else {
        return;
    };
    let env = ParseEnv {
        content: &content,
        root,
        clock: &clock,
        drafts: sel & 0x20 != 0,
        paginate_by: 10,
        lang: kepu::i18n::Lang::Zh,
    };
    let mut diags = Vec::new();
    let _ = parse_bytes(&file, bytes.to_vec(), &env, &mut diags);
    let lines = bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count() + 1;
    for d in &diags {
        assert!(d.line <= lines + 1, "diagnostic past the end ({lines} lines): {d:?}");
    }
}

// ---------------------------------------------------------------- 2

struct Links;

impl LinkResolver for Links {
    fn resolve(&self, path: &str) -> Option<String> {
        match path {
            "articles/a.md" => Some("/sub/articles/a/".into()),
            "articles/b/index.md" => Some("/sub/articles/b/".into()),
            "emergency/flood.md" => Some("/sub/emergency/flood/".into()),
            "_index.md" => Some("/sub/".into()),
            _ => None,
        }
    }
}

/// The default theme's templates, loaded once.
static TEMPLATES: LazyLock<Option<Templates>> = LazyLock::new(|| {
    let root = repo();
    let config = kepu::config::parse(&root, &root.join("site.yaml"), BASE_YAML).ok()?;
    Templates::load(&config, &Default::default()).ok()
});

/// Renders one body. First byte: bits 0–1 the raw HTML policy, bit 2
/// highlighting.
pub fn markdown(data: &[u8]) {
    let Some((&sel, bytes)) = data.split_first() else {
        return;
    };
    let src = String::from_utf8_lossy(bytes);
    let Some(templates) = TEMPLATES.as_ref() else {
        panic!("the default theme's templates do not load")
    };
    let shortcodes = TeraShortcodes(templates);
    let policy = match sel & 3 {
        0 | 3 => RawHtml::Allow,
        1 => RawHtml::Escape,
        _ => RawHtml::Sanitize,
    };
    let mut opts = MarkdownOptions::new(&Links, &shortcodes);
    opts.raw_html = policy;
    opts.highlight = sel & 4 != 0;
    let (rendered, _errors) = kepu::markdown::render_with_errors(&src, &opts);
    if policy != RawHtml::Allow {
        for html in std::iter::once(&rendered.html).chain(rendered.summary_html.as_ref()) {
            assert!(
                !html.to_ascii_lowercase().contains("<script"),
                "script survived {policy:?}: {html}"
            );
        }
    }
}

// ---------------------------------------------------------------- 3

/// Parses and validates `site.yaml`.
pub fn site_yaml(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let root = Path::new("/fuzz-site");
    let _ = kepu::config::parse(root, &root.join("site.yaml"), text);
}

// ---------------------------------------------------------------- 4

/// One file of a fuzzed site.
#[derive(Debug, PartialEq)]
pub enum SiteFile {
    /// A file at a path under the site.
    File(String, Vec<u8>),
    /// A symbolic link at a path under the site, with its target as written.
    Link(String, String),
}

/// Cuts the input into files. A line `>>> PATH` starts a file, a line
/// `>>> PATH -> TARGET` makes a symbolic link; text before the first such
/// line is `content/articles/fuzz.md` (unless there is none). PATH must be `site.yaml` or under
/// `content/`, `templates/`, `data/` or `static/`, without `..`; other
/// headers are dropped. At most 16 files.
pub fn site_files(data: &[u8]) -> Vec<SiteFile> {
    let mut files: Vec<SiteFile> = Vec::new();
    let first = "content/articles/fuzz.md";
    let mut path = Some(first.to_string());
    let mut body: Vec<u8> = Vec::new();
    let flush = |path: &Option<String>, body: &mut Vec<u8>, files: &mut Vec<SiteFile>| {
        let implicit_empty = files.is_empty() && body.is_empty() && path.as_deref() == Some(first);
        if let Some(p) = path
            && files.len() < 16
            && !implicit_empty
        {
            files.push(SiteFile::File(p.clone(), std::mem::take(body)));
        }
        body.clear();
    };
    for line in data.split_inclusive(|&b| b == b'\n') {
        if let Some(header) = line.strip_prefix(b">>> ") {
            flush(&path, &mut body, &mut files);
            let header = String::from_utf8_lossy(header).trim().to_string();
            match header.split_once(" -> ") {
                Some((p, target)) => {
                    if let Some(p) = safe_rel(p)
                        && files.len() < 16
                    {
                        files.push(SiteFile::Link(p, target.to_string()));
                    }
                    path = None;
                }
                None => path = safe_rel(&header),
            }
        } else if path.is_some() {
            body.extend_from_slice(line);
        }
    }
    flush(&path, &mut body, &mut files);
    files
}

fn safe_rel(p: &str) -> Option<String> {
    let ok_root = p == "site.yaml"
        || ["content/", "templates/", "data/", "static/"]
            .iter()
            .any(|r| p.starts_with(r));
    let ok_parts = p
        .split('/')
        .all(|s| !s.is_empty() && s != "." && s != ".." && !s.contains('\0') && s.len() < 100);
    (ok_root && ok_parts && p.len() < 200 && p.split('/').count() <= 6).then(|| p.to_string())
}

/// Builds the site of [`site_files`] in a temporary folder.
pub fn site(data: &[u8]) {
    let _ = site_built(data);
}

/// [`site`], returning whether the build succeeded (`None`: no temporary
/// folder could be made).
pub fn site_built(data: &[u8]) -> Option<bool> {
    let files = site_files(data);
    let tmp = tempfile::tempdir().ok()?;
    let root = tmp.path().join("site");
    let outside = tmp.path().join("outside");
    let secret = format!(
        "{SECRET}-{}",
        tmp.path().file_name().map(|n| n.to_string_lossy()).unwrap_or_default()
    );
    let made = (|| -> std::io::Result<()> {
        std::fs::create_dir_all(root.join("themes"))?;
        std::fs::create_dir_all(&outside)?;
        std::fs::write(
            outside.join("secret.md"),
            format!("---\ntitle: {secret}\n---\n{secret}\n"),
        )?;
        std::fs::write(outside.join("secret.txt"), &secret)?;
        std::os::unix::fs::symlink(repo().join("themes/default"), root.join("themes/default"))?;
        std::fs::write(root.join("site.yaml"), BASE_YAML)?;
        for f in &files {
            let rel = match f {
                SiteFile::File(p, _) | SiteFile::Link(p, _) => p,
            };
            let dest = root.join(rel);
            if let Some(parent) = dest.parent() {
                // A file earlier in the input may already sit where a folder must go.
                if std::fs::create_dir_all(parent).is_err() {
                    continue;
                }
            }
            match f {
                SiteFile::File(_, bytes) => {
                    let _ = std::fs::write(&dest, bytes);
                }
                SiteFile::Link(_, target) => {
                    let _ = std::os::unix::fs::symlink(target, &dest);
                }
            }
        }
        Ok(())
    })();
    if made.is_err() {
        return None;
    }
    let opts = kepu::BuildOptions {
        root: root.clone(),
        now: Some(now()),
        ..Default::default()
    };
    let result = kepu::build(&opts);
    let public = root.join("public");
    match &result {
        Ok(_) => check_output(&public, &secret),
        Err(_) => assert!(!public.exists(), "a failed build left {}", public.display()),
    }
    for e in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        assert!(!name.contains(".kepu-"), "left behind: {name} ({result:?})");
    }
    check_nothing_outside(tmp.path(), &root, &files);
    Some(result.is_ok())
}

/// Every output file is a regular file without the outside secret.
fn check_output(public: &Path, secret: &str) {
    for e in walkdir::WalkDir::new(public).into_iter().flatten() {
        let ft = e.file_type();
        assert!(!ft.is_symlink(), "a link in the output: {}", e.path().display());
        if ft.is_file() {
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains(secret), "outside content in {}", e.path().display());
        }
    }
}

/// No file in the temporary folder other than the inputs, the output and
/// the outside files.
fn check_nothing_outside(tmp: &Path, root: &Path, files: &[SiteFile]) {
    let inputs: Vec<PathBuf> = files
        .iter()
        .map(|f| match f {
            SiteFile::File(p, _) | SiteFile::Link(p, _) => root.join(p),
        })
        .chain([root.join("site.yaml")])
        .collect();
    let walker = walkdir::WalkDir::new(tmp).follow_links(false).into_iter();
    for e in walker.filter_entry(|e| e.path() != root.join("public") && e.path() != root.join("themes")) {
        let Ok(e) = e else { continue };
        if e.file_type().is_dir() {
            continue;
        }
        let p = e.path();
        let known = inputs.iter().any(|i| i == p) || p.starts_with(tmp.join("outside"));
        assert!(known, "a file appeared outside the output folder: {}", p.display());
    }
}
