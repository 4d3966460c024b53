//! The data that goes into and comes out of [`crate::markdown::render`].
//!
//! 1. Inputs: [`MarkdownOptions`] with the two callbacks the renderer needs
//!    from the rest of the site, [`LinkResolver`] and [`ShortcodeRenderer`].
//! 2. Outputs: [`Rendered`] (HTML, summary, table of contents, links, text,
//!    counts) or a list of [`MarkdownError`]s.

use serde::Serialize;

use crate::i18n::Said;

/// Resolves `@/` internal links to URLs.
pub trait LinkResolver: Sync {
    /// Maps `"articles/x.md"` (the part after `@/`, without `#anchor`) to an
    /// absolute-path URL such as `"/kepu/articles/x/"`; `None` if there is no
    /// such page.
    fn resolve(&self, path: &str) -> Option<String>;

    /// The address a file of `content/` that is not a page is published at
    /// (`articles/a1.assets/x.png` → `/kepu/articles/a1.assets/x.png`);
    /// `None` if no file is published from that path.
    fn file(&self, _path: &str) -> Option<String> {
        None
    }
}

/// Renders shortcodes (`{{ name(..) }}` and `{% name(..) %}body{% end %}`).
pub trait ShortcodeRenderer: Sync {
    /// Whether a shortcode called `name` exists.
    fn exists(&self, name: &str) -> bool;
    /// Renders shortcode `name` to HTML. `args` are the parsed keyword
    /// arguments; `body` is `Some` for the body form. An `Err` carries the
    /// message shown to the editor.
    fn render(
        &self,
        name: &str,
        args: &serde_json::Map<String, serde_json::Value>,
        body: Option<&str>,
    ) -> Result<String, Said>;
}

/// How to render one Markdown body.
#[derive(Clone, Copy)]
pub struct MarkdownOptions<'a> {
    /// Highlight fenced code with a known language (syntect CSS classes).
    pub highlight: bool,
    /// Han characters read per minute (usually 400).
    pub han_per_minute: u32,
    /// Other words read per minute (usually 200).
    pub words_per_minute: u32,
    /// Resolves `@/` links.
    pub links: &'a dyn LinkResolver,
    /// Renders shortcodes.
    pub shortcodes: &'a dyn ShortcodeRenderer,
    /// What to do with raw HTML in the body.
    pub raw_html: crate::config::RawHtml,
    /// The folder under `content/` of the file rendered (`articles`), from
    /// which a relative link to a Markdown file (`first.md`) is followed.
    pub folder: &'a str,
    /// Whether the file is a page of its own (`name.md`, not a bundle's
    /// `index.md` or a section's `_index.md`): its address is one level
    /// below its folder's, so a relative address of a file beside it
    /// (`name.assets/a.png`, as Typora writes it) is read from the folder.
    pub leaf: bool,
}

impl<'a> MarkdownOptions<'a> {
    /// Options with highlighting on, 400 Han characters and 200 words a minute.
    pub fn new(links: &'a dyn LinkResolver, shortcodes: &'a dyn ShortcodeRenderer) -> Self {
        Self {
            highlight: true,
            han_per_minute: 400,
            words_per_minute: 200,
            links,
            shortcodes,
            raw_html: crate::config::RawHtml::Allow,
            folder: "",
            leaf: false,
        }
    }
}

/// One entry of the table of contents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Heading {
    /// 1 for `<h1>` up to 6 for `<h6>`.
    pub level: u32,
    /// The heading's `id` attribute.
    pub id: String,
    /// The heading's plain text.
    pub title: String,
    /// Headings nested under this one.
    pub children: Vec<Heading>,
}

/// An `@/` link found in the body, resolved or not.
#[derive(Debug, Clone, PartialEq)]
pub struct InternalLink {
    /// The path after `@/`, without the anchor (`articles/x.md`).
    pub path: String,
    /// The part after `#`, if any.
    pub anchor: Option<String>,
    /// 1-based line of the `@/` in the source.
    pub line: usize,
    /// 1-based column (in characters) of the `@/` in the source.
    pub column: usize,
}

/// A link or image to an address of the site itself, as written (`/x/`,
/// `photo.jpg`, `../y/`): not `@/`, not off-site, no scheme (`mailto:`,
/// `data:`), not only an anchor. The site checks that it leads somewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalRef {
    /// The address as written.
    pub url: String,
    /// On a page of its own, the path under `content/` of the file the
    /// address names from the page's folder, which is not published: what
    /// the check names when the address leads nowhere.
    pub from_folder: Option<String>,
    /// An image (`![](x)`, `<img src>`), else a link.
    pub image: bool,
    /// 1-based line of the address in the source.
    pub line: usize,
    /// 1-based column (in characters) of the address in the source.
    pub column: usize,
}

/// A problem in a Markdown body, positioned in the source given to `render`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct MarkdownError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// What is wrong.
    pub message: Said,
    /// How to fix it, when there is an obvious way.
    pub hint: Option<Said>,
    /// Only a warning: the body renders as written, which is likely not
    /// what was meant.
    pub warning: bool,
}

/// A rendered Markdown body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The full body HTML.
    pub html: String,
    /// The HTML before `<!-- more -->`, else the first paragraph's HTML;
    /// `None` if neither exists.
    pub summary_html: Option<String>,
    /// Headings nested by level.
    pub toc: Vec<Heading>,
    /// Every id in the page (headings, explicit `{#id}`s, footnotes).
    pub anchors: Vec<String>,
    /// Every `@/` link, resolved or not.
    pub internal_links: Vec<InternalLink>,
    /// Every external (`http://`, `https://`, `//`) link destination.
    pub external_links: Vec<String>,
    /// Every link and image to a local address (see [`LocalRef`]).
    pub local_refs: Vec<LocalRef>,
    /// Paths under `content/` that relative addresses were looked up at as
    /// files (see [`crate::markdown`]'s links): `serve` renders the body
    /// again when files come or go.
    pub beside: Vec<String>,
    /// Plain text of the body, whitespace collapsed, for a search index.
    pub text: String,
    /// Han characters in `text`.
    pub han_count: usize,
    /// Other words (runs of non-Han letters and digits) in `text`.
    pub word_count: usize,
    /// Minutes to read, at least 1.
    pub reading_time: u32,
}
