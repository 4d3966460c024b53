//! Links and images that lead nowhere: a local image (`![x](photo.jpg)`,
//! `/images/a.png`), a `cover:` or a link to an address of the site
//! (`[旧文](/articles/old-page/)`, `<a href="/x/">`) that no output of the
//! built site answers is an error at its file and line, with the closest
//! address there is as a hint.
//!
//! 1. The Markdown pass notes every local address with its place
//!    ([`LocalRef`]); a page's `cover` is read from its front matter.
//! 2. After the render, each is resolved as a browser would (against the
//!    page's own address and the site's base path; `?query` and `#anchor`
//!    set aside) and looked up among every file the render wrote and
//!    every image it processed.
//!
//! Off-site addresses, `data:` and other schemes and `@/` links (checked
//! when they are resolved) are not looked at here.

use std::path::Path;
use std::sync::OnceLock;

use crate::config::Config;
use crate::content::Library;
use crate::error::Diagnostic;
use crate::i18n::Text;
use crate::images::Images;
use crate::images::rewrite::resolve_url;
use crate::markdown::LocalRef;
use crate::output::sink::Sink;

/// The outputs of a render, and how strictly to look them up.
pub struct Known<'a> {
    sink: &'a dyn Sink,
    images: &'a Images,
    /// Feeds, search and the sitemap are made later (`kepu serve`): their
    /// files are taken as there.
    deferred: bool,
    /// Every path, gathered only when a hint needs them.
    all: OnceLock<Vec<String>>,
}

impl<'a> Known<'a> {
    /// What `sink` took, with the originals of `images` (a processed image
    /// is published as its renditions).
    pub fn new(sink: &'a dyn Sink, images: &'a Images) -> Known<'a> {
        Known {
            sink,
            images,
            deferred: false,
            all: OnceLock::new(),
        }
    }

    /// Takes the files of the parts `kepu serve` makes only when asked
    /// (feeds, search, sitemap, robots.txt) as there.
    pub fn with_deferred(mut self) -> Known<'a> {
        self.deferred = true;
        self
    }

    fn has(&self, path: &str) -> bool {
        self.sink.has(path)
            || self.images.entries.contains_key(path)
            || self.images.failed.contains_key(path)
            || (self.deferred && (path.ends_with(".xml") || path == "robots.txt" || path.starts_with("search/")))
    }

    /// Whether `path` (without a trailing slash; empty for the home page)
    /// is a file, or a folder with an index page.
    fn answers(&self, path: &str) -> bool {
        match path {
            "" => self.has("index.html"),
            p => self.has(p) || self.has(&format!("{p}/index.html")),
        }
    }

    /// Every path, sorted.
    fn all(&self) -> &[String] {
        self.all.get_or_init(|| {
            let mut all: Vec<String> = self.sink.taken().into_iter().map(|(p, _)| p).collect();
            all.extend(self.images.entries.keys().cloned());
            all.extend(self.images.failed.keys().cloned());
            all.sort();
            all.dedup();
            all
        })
    }
}

/// The errors for every local link, image and cover of `lib` that `known`
/// does not answer. `site_relative`: judge addresses that start with `/`
/// too (`kepu serve` does not when it serves the site under another path
/// than the one it is published under).
pub fn check(lib: &Library, config: &Config, known: &Known<'_>, site_relative: bool) -> Vec<Diagnostic> {
    let ctx = Ctx {
        config,
        known,
        site_relative,
    };
    let mut out = Vec::new();
    for page in &lib.pages {
        if page.rendered.local_refs.is_empty() && page.meta.cover.is_none() {
            continue;
        }
        let mut file = Lines::new(&config.root, &page.file);
        for r in &page.rendered.local_refs {
            out.extend(ctx.body_ref(r, &page.path, page.body_line, &mut file));
        }
        if let Some(cover) = page.meta.cover.as_deref() {
            out.extend(ctx.cover(cover, &page.path, &page.yaml, &mut file));
        }
    }
    for s in &lib.sections {
        let Some(path) = &s.file else { continue };
        if s.rendered.local_refs.is_empty() {
            continue;
        }
        let mut file = Lines::new(&config.root, path);
        for r in &s.rendered.local_refs {
            out.extend(ctx.body_ref(r, &s.path, s.body_line, &mut file));
        }
    }
    out
}

/// Runs [`check`] after a render into `sink`: everything in `kepu build`
/// and `kepu check`; in `kepu serve` (a preview) the parts made later are
/// taken as there, and addresses starting with `/` are judged only when
/// the preview has the site's own base path.
pub fn after_render(lib: &Library, config: &Config, images: &Images, sink: &dyn Sink) -> Vec<Diagnostic> {
    let known = Known::new(sink, images);
    match config.preview {
        false => check(lib, config, &known, true),
        true => {
            let own = own_base_path(config).is_none_or(|p| p == config.base_path);
            check(lib, config, &known.with_deferred(), own)
        }
    }
}

/// The path of `base_url` as site.yaml writes it (before `--base-url`).
fn own_base_path(config: &Config) -> Option<String> {
    let v: yaml_serde::Value = crate::yaml::from_str(&config.source).ok()?;
    let url = v.get("base_url")?.as_str()?;
    crate::config::split_base_url(url).ok().map(|(_, path)| path)
}

struct Ctx<'a> {
    config: &'a Config,
    known: &'a Known<'a>,
    site_relative: bool,
}

/// What a written address leads to.
enum Target {
    /// Nothing to judge (off-site, or site-relative where that is not judged).
    Skip,
    /// An output path that exists.
    Found,
    /// An output path that does not exist, shown as an address.
    Missing { path: String, shown: String },
    /// An address above the site's base path.
    Outside,
}

impl Ctx<'_> {
    fn base(&self) -> &str {
        &self.config.base_path
    }

    /// Resolves `url` written on the page at `dir` (`articles/x/`).
    fn target(&self, url: &str, dir: &str) -> Target {
        let url = url.trim();
        if url.starts_with('/') && !self.site_relative {
            return Target::Skip;
        }
        let page = format!("{dir}index.html");
        let Some(path) = resolve_url(url, &page, self.base(), &self.config.base_url) else {
            return match url.starts_with('/') || url.starts_with("..") {
                true => Target::Outside,
                false => Target::Skip,
            };
        };
        if self.known.answers(&path) {
            return Target::Found;
        }
        let bare = url.split(['?', '#']).next().unwrap_or("");
        let slash = if bare.ends_with('/') && !path.is_empty() {
            "/"
        } else {
            ""
        };
        Target::Missing {
            shown: format!("{}{path}{slash}", self.base()),
            path,
        }
    }

    fn body_ref(&self, r: &LocalRef, dir: &str, body_line: usize, file: &mut Lines) -> Option<Diagnostic> {
        let line = r.line + body_line - 1;
        let d = match self.target(&r.url, dir) {
            Target::Skip | Target::Found => return None,
            Target::Outside => self.outside(&r.url, file.shown(), line, r.column),
            Target::Missing { path, shown } => {
                // Beside a page of its own, the file was looked for in the
                // page's folder, as the editor's program shows it.
                let (path, shown) = match &r.from_folder {
                    Some(p) => (p.clone(), format!("{}{p}", self.base())),
                    None => (path, shown),
                };
                let (message, hint) = match r.image {
                    true => (
                        crate::text!("site_checks.image_missing", &r.url, &shown),
                        self.file_hint(&path, crate::text!("site_checks.image_help")),
                    ),
                    false => (
                        crate::text!("site_checks.link_missing", &r.url, &shown),
                        self.page_hint(&path),
                    ),
                };
                Diagnostic::error(file.shown(), line, r.column, message).with_hint(hint)
            }
        };
        Some(d.with_source(file.line(line)))
    }

    fn cover(&self, cover: &str, dir: &str, yaml: &str, file: &mut Lines) -> Option<Diagnostic> {
        let c = cover.trim();
        if c.is_empty() || c.contains("://") || c.starts_with("//") || c.starts_with("data:") {
            return None;
        }
        // As the page's view writes it: `/x` from the site's root, `x`
        // beside the page.
        let url = match c.strip_prefix('/') {
            Some(rest) => format!("{}{rest}", self.base()),
            None => format!("{}{dir}{c}", self.base()),
        };
        let site = Ctx {
            site_relative: true,
            ..*self
        };
        let (key_line, _) = crate::yaml::locate_key(yaml, &["cover"]);
        let (line, column) = crate::yaml::locate_text(yaml, c, key_line).unwrap_or((key_line, 1));
        // The front matter starts on the file's second line.
        let line = line + 1;
        let d = match site.target(&url, dir) {
            Target::Skip | Target::Found => return None,
            Target::Outside => self.outside(c, file.shown(), line, column),
            Target::Missing { path, shown } => Diagnostic::error(
                file.shown(),
                line,
                column,
                crate::text!("site_checks.cover_missing", c, &shown),
            )
            .with_hint(self.file_hint(&path, crate::text!("site_checks.cover_help"))),
        };
        Some(d.with_source(yaml.lines().nth(line - 2).map(str::to_string)))
    }

    fn outside(&self, url: &str, shown: &Path, line: usize, column: usize) -> Diagnostic {
        let base = self.base();
        let hint = match url.strip_prefix('/') {
            Some(rest) if base != "/" => crate::text!("site_checks.outside_help", format!("{base}{rest}")),
            _ => crate::text!("site_checks.link_help"),
        };
        Diagnostic::error(shown, line, column, crate::text!("site_checks.outside_site", url, base)).with_hint(hint)
    }

    /// For a missing file: the file of another case (servers tell `A.jpg`
    /// from `a.jpg`), else the closest name, else `help`.
    fn file_hint(&self, path: &str, help: Text) -> Text {
        let lower = path.to_lowercase();
        if let Some(p) = self.known.all().iter().find(|p| p.to_lowercase() == lower) {
            return crate::text!("site_checks.did_you_mean_case", format!("{}{p}", self.base()));
        }
        match closest(
            self.known
                .all()
                .iter()
                .filter(|p| !p.ends_with(".html"))
                .map(String::as_str),
            path,
        ) {
            Some(p) => crate::text!("site_checks.closest_file", format!("{}{p}", self.base()), help),
            None => help,
        }
    }

    /// For a missing page: the closest page address, else the general help.
    fn page_hint(&self, path: &str) -> Text {
        let pages = self.known.all().iter().filter_map(|p| {
            p.strip_suffix("index.html")
                .map(|d| d.trim_end_matches('/'))
                .or((!p.ends_with(".html")).then_some(p.as_str()))
        });
        match closest(pages, path) {
            Some(p) => {
                let slash = if p.is_empty() || self.known.has(p) { "" } else { "/" };
                crate::text!("site_checks.closest_page", format!("{}{p}{slash}", self.base()))
            }
            None => crate::text!("site_checks.link_help"),
        }
    }
}

/// The candidate most like `path`, if it is close (a typo, a changed
/// word); ties go to the first in sort order.
fn closest<'a>(candidates: impl Iterator<Item = &'a str>, path: &str) -> Option<&'a str> {
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::normalized_levenshtein(c, path);
        let better = match best {
            None => true,
            Some((s, b)) => score > s || (score == s && c < b),
        };
        if better {
            best = Some((score, c));
        }
    }
    best.filter(|(s, _)| *s >= 0.7).map(|(_, c)| c)
}

/// A content file's lines, read again only when an error needs one (a
/// build drops the Markdown once rendered).
struct Lines {
    shown: std::path::PathBuf,
    file: std::path::PathBuf,
    text: Option<String>,
}

impl Lines {
    fn new(root: &Path, file: &Path) -> Lines {
        Lines {
            shown: crate::config::display_path(root, file),
            file: file.to_path_buf(),
            text: None,
        }
    }

    fn shown(&self) -> &Path {
        &self.shown
    }

    /// The text of 1-based `line`, if the file can be read.
    fn line(&mut self, line: usize) -> Option<String> {
        if self.text.is_none() {
            let raw = std::fs::read_to_string(&self.file).ok()?;
            self.text = Some(crate::content::front_matter::normalize(raw));
        }
        self.text
            .as_deref()?
            .lines()
            .nth(line.checked_sub(1)?)
            .map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_candidate_must_be_close() {
        let pages = ["articles/old-pages", "articles/new", "tags/an-quan"];
        assert_eq!(
            closest(pages.into_iter(), "articles/old-page"),
            Some("articles/old-pages")
        );
        assert_eq!(closest(pages.into_iter(), "zzz/qqq"), None);
    }
}
