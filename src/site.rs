//! The build pipeline, from a site folder to files.
//!
//! The stages, in order:
//! 1. content ([`figures`] stops here, for `kepu report`): configuration,
//!    pages and data files, and the coverage figures computed from them;
//! 2. [`prepare`]: images, templates, and every Markdown body rendered;
//! 3. [`Site::render`]: every output into a sink.
//!
//! Every diagnostic of every stage is gathered. [`build`] writes the result,
//! only if there was no error; [`load`] renders into memory (`kepu check`).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::Timestamp;

use crate::config::{self, Config};
use crate::content::{self, Library, LoadOptions};
use crate::error::{Diagnostic, Diagnostics, Error, Result};
use crate::images::{self, ImageStats, Images, sink::ImageSink};
use crate::output::disk;
use crate::output::sink::{MemorySink, Sink};
use crate::render::select::{CountPages, Select, Shared};
use crate::render::{self, shortcodes::TeraShortcodes, templates::Templates, views::ViewEnv};
use crate::report::dashboard::{self, Dashboard};
use crate::report::plan::{self, PlanReport};
use crate::time::SiteClock;

/// Options shared by `build`, `check` and `serve`.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Site root.
    pub root: PathBuf,
    /// Configuration file (relative to the root unless absolute).
    pub config_file: Option<PathBuf>,
    /// Output folder override.
    pub output: Option<PathBuf>,
    /// `base_url` override.
    pub base_url: Option<String>,
    /// Include drafts.
    pub drafts: bool,
    /// Render a preview (`kepu serve`): posters carry a 预览 mark.
    pub preview: bool,
    /// The language of the messages (`--lang`), over the site's.
    pub lang: Option<crate::i18n::Lang>,
    /// Build clock; the real clock when absent.
    pub now: Option<Timestamp>,
    /// Counts files as a build writes them (for a progress line).
    pub progress: Option<std::sync::Arc<std::sync::atomic::AtomicUsize>>,
    /// Render for a build that writes once and ends: each page's Markdown
    /// is dropped once rendered, and its text and body are handed to the
    /// one stage that needs each whole (see
    /// [`content::markdown_pass::render_all`]).
    pub hand_over: bool,
    /// Use only renditions already in `.kepu-cache/`; the others are left
    /// as they are and listed in [`Images::pending`] (`serve` makes them
    /// in the background).
    pub images_cache_only: bool,
}

/// What a build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// HTML pages of the site (see [`CountPages`]).
    pub pages: usize,
    /// Files in the output.
    pub files: usize,
    /// Files kept as the last build wrote them (not written again).
    pub kept: usize,
    /// Where.
    pub output: PathBuf,
    /// How long it took.
    pub elapsed: Duration,
    /// Warnings.
    pub warnings: Diagnostics,
    /// Lint findings (`kepu check` lists them one by one).
    pub lints: Diagnostics,
    /// Images processed, and how many were decoded (not in the cache).
    pub images: ImageStats,
    /// Markdown files left out as drafts.
    pub drafts: usize,
}

impl BuildOptions {
    /// The configuration file: `config_file` or `site.yaml`, under the root
    /// unless absolute.
    pub fn config_path(&self) -> PathBuf {
        let path = self.config_file.clone().unwrap_or_else(|| PathBuf::from("site.yaml"));
        if path.is_absolute() { path } else { self.root.join(path) }
    }
}

/// Reads the configuration named by `opts`, with overrides applied.
pub fn load_config(opts: &BuildOptions) -> std::result::Result<Config, Diagnostics> {
    let mut config = config::load(&opts.root, &opts.config_path())?;
    if let Some(lang) = opts.lang {
        config.lang = lang;
    }
    config.preview = opts.preview;
    if let Some(url) = &opts.base_url {
        config.set_base_url(url).map_err(|e| {
            Diagnostics(vec![
                Diagnostic::error("--base-url", 0, 0, e).with_hint(crate::text!("config.base_url.help")),
            ])
        })?;
    }
    Ok(config)
}

/// The content stage: what the configuration, the pages and the data files
/// say, and the coverage figures computed from them; no Markdown rendered.
pub struct Content {
    /// Configuration.
    pub config: Config,
    /// Clock.
    pub clock: SiteClock,
    /// Content, bodies not yet rendered.
    pub lib: Library,
    /// `data/` files.
    pub data: serde_json::Value,
    /// The coverage figures the dashboard shows and the lints read.
    pub dashboard: Arc<Dashboard>,
    /// The plan's measures and the year-end summaries.
    pub plan: Arc<PlanReport>,
    /// Warnings and errors so far.
    pub diagnostics: Diagnostics,
}

/// Loads configuration, content and data and computes the coverage
/// figures. Fails only when there is no configuration or clock; the other
/// diagnostics are gathered.
fn load_content(opts: &BuildOptions) -> Result<Content> {
    let config = load_config(opts).map_err(Error::Site)?;
    let now = opts.now.unwrap_or_else(Timestamp::now);
    let clock = SiteClock::new(&config.site.timezone, now)
        .map_err(|e| Error::Site(Diagnostics(vec![Diagnostic::error(config.display_path(), 0, 0, e)])))?;
    let (lib, mut diags) = content::load(
        &config,
        &LoadOptions {
            drafts: opts.drafts,
            clock: &clock,
        },
    );
    let mut data_diags = Vec::new();
    let (data, inputs) = plan::load_data(&config.root, &mut data_diags);
    let inputs = Arc::new(inputs);
    diags.extend(data_diags);
    let dashboard = Arc::new(dashboard::compute(&lib, &config, &clock));
    let plan = Arc::new(PlanReport::compute(inputs, &lib, &config, &clock, &dashboard));
    Ok(Content {
        config,
        clock,
        lib,
        data,
        dashboard,
        plan,
        diagnostics: diags,
    })
}

/// The content stage alone (`kepu report`): fails with every error of
/// that stage, if any.
pub fn figures(opts: &BuildOptions) -> Result<Content> {
    let mut content = load_content(opts)?;
    content.diagnostics.sort();
    match content.diagnostics.has_errors() {
        true => Err(Error::Site(content.diagnostics)),
        false => Ok(content),
    }
}

/// A site loaded: content, coverage figures, images and templates, with its
/// Markdown rendered, ready to render outputs.
pub struct Site {
    /// Configuration.
    pub config: Config,
    /// Clock.
    pub clock: SiteClock,
    /// Content.
    pub lib: Library,
    /// The coverage figures the dashboard shows and the lints read,
    /// computed between content and render.
    pub dashboard: Arc<Dashboard>,
    /// The plan's measures and the year-end summaries, computed with the
    /// dashboard.
    pub plan: Arc<PlanReport>,
    /// Templates.
    pub templates: Templates,
    /// `data/` files.
    pub data: serde_json::Value,
    /// Warnings so far.
    pub diagnostics: Diagnostics,
    /// Every image, processed.
    pub images: Arc<Images>,
    /// What a build took out of the library as it rendered the Markdown:
    /// each page's whole text for the search index, each body for its page
    /// job (a build renders once; `serve` and `check` keep everything).
    pub handed: Option<content::markdown_pass::HandedOver>,
}

/// Loads configuration, content, data and templates, computes the coverage
/// figures and renders every Markdown body; every diagnostic of every stage
/// is gathered.
pub fn prepare(opts: &BuildOptions) -> Result<Site> {
    let Content {
        config,
        clock,
        mut lib,
        data,
        dashboard,
        plan,
        diagnostics: mut diags,
    } = load_content(opts)?;
    let (images, image_diags) = images::prepare(&config, &lib, opts.images_cache_only);
    diags.extend(image_diags);
    diags.extend(images::lint::missing_alt(&lib, &config.root));
    let images = Arc::new(images);
    let templates = match Templates::load(&config, &images) {
        Ok(t) => Some(t),
        Err(d) => {
            diags.extend(d);
            None
        }
    };
    let mut handed = None;
    if let Some(t) = &templates {
        let hand_over = opts.hand_over.then(|| content::markdown_pass::HandOver {
            chars: render::views::DESCRIPTION_CHARS,
            texts: config.site.search.enabled,
            keep_body: render::bodies::kept(&config, &clock, &lib),
        });
        let (d, h) = content::markdown_pass::render_all(&mut lib, &config, &TeraShortcodes(t), hand_over.as_ref());
        diags.extend(d);
        handed = h;
    }
    diags.sort();
    match templates {
        Some(templates) if !diags.has_errors() => Ok(Site {
            config,
            clock,
            lib,
            dashboard,
            plan,
            templates,
            data,
            diagnostics: diags,
            images,
            handed,
        }),
        _ => Err(Error::Site(diags)),
    }
}

impl Site {
    /// Renders every output into `sink`; fails with all errors if any.
    /// Returns the number of HTML pages (see [`CountPages`]).
    pub fn render(&mut self, sink: &dyn Sink) -> Result<usize> {
        let sink = ImageSink::new(sink, &self.images, &self.config.root);
        let pages = CountPages::default();
        // A build renders once: the search index takes each page's whole
        // text as it folds it, and each page job takes the body that only
        // its own page shows (once: a second render would find them gone).
        let (texts, bodies) = self.handed.take().map(|h| (h.texts, h.bodies)).unzip();
        let mut env = ViewEnv::new(&self.config, &self.clock, &self.lib, &self.data);
        if let Some(bodies) = bodies {
            env.set_bodies(bodies);
        }
        let shared = Shared::new(&env, &self.dashboard, &self.plan);
        let templates = &mut self.templates;
        let out: (&dyn Sink, &dyn Select) = (&sink, &pages);
        let diags = render::render_with(&mut env, templates, &shared, out, texts.as_ref());
        // The index took every text it was handed and each page job its
        // body, so every run was freed.
        let failed = diags.iter().any(|d| d.is_error());
        debug_assert!(
            failed || texts.as_ref().is_none_or(content::handover::Handover::all_taken),
            "a text handed over was never taken"
        );
        debug_assert!(failed || env.bodies_all_taken(), "a body handed over was never taken");
        self.diagnostics.extend(diags);
        self.diagnostics.extend(crate::check::refs::after_render(
            &self.lib,
            &self.config,
            &self.images,
            &sink,
        ));
        self.diagnostics.extend(sink.finish());
        self.diagnostics.sort();
        if self.diagnostics.has_errors() {
            return Err(Error::Site(self.diagnostics.clone()));
        }
        Ok(pages.count())
    }
}

/// Loads the site and renders it into memory (`kepu check`); returns the
/// site and the number of its HTML pages.
pub fn load(opts: &BuildOptions) -> Result<(Site, usize)> {
    let mut site = prepare(opts)?;
    let pages = site.render(&MemorySink::default())?;
    Ok((site, pages))
}

/// The output folder for `opts` and `config`.
pub fn output_dir(opts: &BuildOptions, config: &Config) -> PathBuf {
    match &opts.output {
        Some(o) if o.is_absolute() => o.clone(),
        Some(o) => std::env::current_dir().map(|d| d.join(o)).unwrap_or_else(|_| o.clone()),
        None => config.root.join(&config.site.output_dir),
    }
}

/// Builds the site and writes it, replacing the output folder only when the
/// whole build succeeded. Files go to disk as they are rendered.
pub fn build(opts: &BuildOptions) -> Result<BuildReport> {
    let start = Instant::now();
    let mut p = prepare(&BuildOptions {
        hand_over: true,
        ..opts.clone()
    })?;
    let out = output_dir(opts, &p.config);
    let mut stage = disk::Stage::create(&out, &p.config.root)?;
    stage.progress = opts.progress.clone();
    let pages = p.render(&stage)?;
    let files = stage.count();
    let kept = stage.kept();
    for name in stage.foreign() {
        p.diagnostics.push(Diagnostic::warning(
            out.join(name),
            0,
            0,
            crate::text!("site.foreign_file", name),
        ));
    }
    stage.commit()?;
    let lints = crate::check::lints_of(&p.lib, &p.config, &p.dashboard);
    p.diagnostics.extend(config::validate::reserved_base_url(&p.config));
    Ok(BuildReport {
        drafts: p.lib.drafts.len(),
        lints,
        pages,
        files,
        kept,
        output: out,
        elapsed: start.elapsed(),
        warnings: p.diagnostics,
        images: p.images.stats(),
    })
}
