//! Render jobs: one output file from one template and its context.
//!
//! The list of [`Task`]s is small (an enum per output); each task becomes a
//! [`Job`] with its context only inside the parallel loop, is rendered and
//! handed to the sink at once, so memory holds only the files in flight.
//!
//! A job can say what its file is made of as one number ([`Job::key`]):
//! its path, its template and every value of its context. `serve` keeps
//! the key of each file it holds and renders a job again only when the
//! key changed.

use std::collections::HashMap;
use std::sync::Mutex;

use tera::Context;

use super::select::Select;
use super::templates::Templates;
use crate::error::Diagnostic;
use crate::output::Dep;
use crate::output::sink::Sink;

/// One file to render.
pub struct Job {
    /// Output path (`articles/x/index.html`).
    pub path: String,
    /// Template name.
    pub template: String,
    /// Its context (without the global `site`, `banners` and `data`).
    pub context: Context,
    /// What it is made from, besides the template.
    pub deps: Vec<Dep>,
    /// Who asked for it (a content file or a feature), for messages.
    pub origin: String,
    /// Template to use when `template` does not exist.
    pub fallback: Option<String>,
    /// The names of the context variables, in the order they were added.
    names: Vec<&'static str>,
    /// A QR code filled in just before rendering (see [`Job::late_qr`]).
    late_qr: Option<LateQr>,
}

/// A QR code (SVG) that goes into field `field` of context variable `var`
/// only when the job is rendered: a job whose file is kept needs none.
#[derive(Debug, Clone)]
struct LateQr {
    var: &'static str,
    field: &'static str,
    text: String,
    label: String,
}

impl Job {
    /// A job for `path` with `template`.
    pub fn new(path: impl Into<String>, template: impl Into<String>, origin: impl Into<String>) -> Self {
        Job {
            path: path.into(),
            template: template.into(),
            context: Context::new(),
            deps: Vec::new(),
            origin: origin.into(),
            fallback: None,
            names: Vec::new(),
            late_qr: None,
        }
    }

    /// Fills field `field` of context variable `var` (a map, added
    /// already) with the QR code of `text` labelled `label`, once the job
    /// is rendered.
    pub fn late_qr(mut self, var: &'static str, field: &'static str, text: String, label: &str) -> Self {
        self.late_qr = Some(LateQr {
            var,
            field,
            text,
            label: label.to_string(),
        });
        self
    }

    /// Makes the QR code [`Job::late_qr`] asked for and puts it in place.
    fn fill_late(&mut self) {
        let Some(q) = self.late_qr.take() else {
            return;
        };
        let svg = crate::report::qr::svg(&q.text, &q.label).unwrap_or_default();
        let Some(mut map) = self.context.remove(q.var).and_then(tera::Value::into_map) else {
            return;
        };
        map.insert(tera::value::Key::from(q.field), tera::Value::from(svg));
        self.context.insert_value(q.var, tera::Value::from(map));
    }

    /// Uses `template` when the job's own template does not exist.
    pub fn or_template(mut self, template: &str) -> Self {
        self.fallback = Some(template.to_string());
        self
    }

    /// Adds a context variable.
    pub fn with<T: serde::Serialize + ?Sized>(mut self, key: &'static str, value: &T) -> Self {
        self.set(key, value);
        self
    }

    /// Sets a context variable.
    pub fn set<T: serde::Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.context.insert(key, value);
        if !self.names.contains(&key) {
            self.names.push(key);
        }
    }

    /// What the file is made of, as one number: `base` (what every job of
    /// the render shares: the global context, the template's sources), the
    /// path, the template and every context variable. Two jobs with one
    /// key render the same bytes.
    pub fn key(&self, base: u64) -> u64 {
        let mut h = KeyHasher::new(base);
        h.text(&self.path);
        h.text(&self.template);
        for name in &self.names {
            h.text(name);
            if let Some(v) = self.context.get(name) {
                h.tera(v);
            }
        }
        if let Some(q) = &self.late_qr {
            for part in [q.var, q.field, &q.text, &q.label] {
                h.text(part);
            }
        }
        h.finish()
    }

    /// Adds a dependency.
    pub fn dep(mut self, d: Dep) -> Self {
        self.deps.push(d);
        self
    }
}

/// The key of a file made from one page's source alone (a CAP message, an
/// activity's calendar) and of its part in a file made of several.
pub fn source_key(p: &crate::content::Page) -> u64 {
    let mut h = KeyHasher::new(6);
    for part in [&p.path, &p.yaml, &p.title, &p.rendered.text, &p.slug] {
        h.text(part);
    }
    h.finish()
}

/// What to render, cheap to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Task {
    /// A content page, by id.
    Page(usize),
    /// Page `n` (1-based) of the list of section `s` (index in the library).
    SectionPage(usize, usize),
    /// The list of taxonomy `t` (index in site.yaml).
    TaxonomyList(usize),
    /// Page `n` of term `term` of taxonomy `t`.
    TermPage(usize, usize, usize),
    /// The home page.
    Home,
    /// The 404 page.
    NotFound,
    /// A page of the content kinds beyond one page per file.
    Kind(crate::kinds::pages::KindTask),
    /// The HTML site map (网站地图).
    SiteMap,
}

/// Hashes the parts of a [`Job::key`].
pub struct KeyHasher(xxhash_rust::xxh3::Xxh3);

impl KeyHasher {
    /// A hasher seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        KeyHasher(xxhash_rust::xxh3::Xxh3::with_seed(seed))
    }

    /// Adds a string (its length first, so that no two lists of strings
    /// hash alike by accident of their boundaries).
    pub fn text(&mut self, s: &str) {
        self.0.update(&(s.len() as u64).to_le_bytes());
        self.0.update(s.as_bytes());
    }

    /// Adds a number.
    pub fn number(&mut self, n: u64) {
        self.0.update(&n.to_le_bytes());
    }

    /// Adds anything serializable, as its JSON.
    pub fn value<T: serde::Serialize + ?Sized>(&mut self, v: &T) {
        if serde_json::to_writer(&mut *self, v).is_err() {
            // A value JSON cannot write (never for template values) is
            // hashed as nothing, with a mark so that it differs from null.
            self.0.update(b"\xff");
        }
    }

    /// Adds a template value. Maps are hashed in the order of their keys
    /// (Tera's own maps have no order of their own).
    pub fn tera(&mut self, v: &tera::Value) {
        use tera::value::ValueKind as K;
        match v.kind() {
            K::Map => {
                let mut entries: Vec<_> = v.as_map().into_iter().flatten().collect();
                entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
                self.0.update(b"{");
                self.number(entries.len() as u64);
                for (k, v) in entries {
                    match k.as_str() {
                        Some(s) => self.text(s),
                        None => self.value(&k.as_value()),
                    }
                    self.tera(v);
                }
            }
            K::Array => {
                let items = v.as_array().unwrap_or_default();
                self.0.update(b"[");
                self.number(items.len() as u64);
                for item in items {
                    self.tera(item);
                }
            }
            K::String => {
                self.0.update(if v.is_safe() { b"S" } else { b"s" });
                self.text(v.as_str().unwrap_or_default());
            }
            _ => {
                self.0.update(b"v");
                self.value(v);
            }
        }
    }

    /// The hash.
    pub fn finish(&self) -> u64 {
        self.0.digest()
    }
}

impl std::io::Write for KeyHasher {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What one render of tasks shares beside the templates: the base path
/// and the key of the global context (see [`Job::key`]).
#[derive(Debug, Clone, Copy)]
pub struct Run<'a> {
    /// `/` or `/base/`.
    pub base_path: &'a str,
    /// The key of what every job sees beside its own context: the site,
    /// the banners, the breadcrumb titles.
    pub globals: u64,
    /// The key of the data files (added for templates that read `data`).
    pub data: u64,
}

/// Renders every task in parallel into `sink`, with `make` building each
/// job; `select` is asked whether a file it holds is made of the same (see
/// [`Select::keep`]) before a job is rendered.
pub fn run<F>(
    tasks: &[Task],
    make: F,
    templates: &Templates,
    run: Run<'_>,
    sink: &dyn Sink,
    select: &dyn Select,
) -> Vec<Diagnostic>
where
    F: Fn(Task) -> Option<Job> + Sync,
{
    use rayon::prelude::*;
    let closures: Mutex<HashMap<String, (Vec<Dep>, u64)>> = Mutex::new(HashMap::new());
    let of = |template: &str| {
        let mut c = closures.lock().unwrap_or_else(|e| e.into_inner());
        c.entry(template.to_string())
            .or_insert_with(|| template_deps(templates, template, run.data))
            .clone()
    };
    let keys = select.keys();
    tasks
        .par_iter()
        .filter_map(|&task| {
            let job = make(task)?;
            let keep = |job: &Job, key: u64| select.keep(task, &job.path, key);
            render(job, templates, run, sink, &of, keys.then_some(&keep))
        })
        .collect()
}

/// Renders one job into `sink`, as [`run`] renders each of its jobs.
pub fn run_one(job: Job, templates: &Templates, base_path: &str, sink: &dyn Sink) -> Option<Diagnostic> {
    let run = Run {
        base_path,
        globals: 0,
        data: 0,
    };
    render(job, templates, run, sink, &|t| template_deps(templates, t, 0), None)
}

/// A dep on each template that `template` uses, and the key of their
/// sources (with the data's key `data` when one of them reads `data`).
fn template_deps(templates: &Templates, template: &str, data: u64) -> (Vec<Dep>, u64) {
    let closure = templates.closure(template);
    let mut h = KeyHasher::new(0);
    let mut reads_data = false;
    for name in &closure {
        h.text(name);
        let source = templates.sources.get(name).map_or("", String::as_str);
        h.text(source);
        reads_data |= names_data(source);
    }
    if reads_data {
        h.number(data);
    }
    (closure.into_iter().map(Dep::Template).collect(), h.finish())
}

/// Whether a template's source names the variable `data` (the data files)
/// inside a tag (`{{ … }}`, `{% … %}`); `data-` attributes of the HTML
/// around do not count.
pub(crate) fn names_data(source: &str) -> bool {
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut rest = source;
    while let Some(open) = rest.find(['{']) {
        let after = &rest[open + 1..];
        let close = match after.as_bytes().first() {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            _ => {
                rest = after;
                continue;
            }
        };
        let end = after.find(close).unwrap_or(after.len());
        let tag = &after[1..end.max(1)];
        let bytes = tag.as_bytes();
        let named = tag.match_indices("data").any(|(i, _)| {
            let before = i.checked_sub(1).map(|j| bytes[j]);
            let next = bytes.get(i + 4).copied();
            !before.is_some_and(|b| ident(b) || b == b'.') && !next.is_some_and(ident)
        });
        if named {
            return true;
        }
        rest = &after[end.min(after.len())..];
    }
    false
}

/// Says whether the file held for a job, given the job's key, stays.
type Keep<'a> = dyn Fn(&Job, u64) -> bool + 'a;

/// Renders `job` and puts it into `sink`, with the deps `deps_of` gives
/// its template, unless `keep` (when given) says the file held is made of
/// the same (given the job's key); returns the error, if any.
fn render(
    mut job: Job,
    templates: &Templates,
    run: Run<'_>,
    sink: &dyn Sink,
    deps_of: &dyn Fn(&str) -> (Vec<Dep>, u64),
    keep: Option<&Keep<'_>>,
) -> Option<Diagnostic> {
    let base_path = run.base_path;
    let path = format!("{base_path}{}", job.path.trim_end_matches("index.html"));
    job.set("current_path", &path);
    job.set(
        "crumbs",
        &super::site_map::ancestors(&templates.crumb_titles, base_path, &path),
    );
    if let Some(f) = job.fallback.take()
        && !templates.has(&job.template)
    {
        job.template = f;
    }
    let (template_deps, template_key) = deps_of(&job.template);
    if let Some(keep) = keep
        && keep(&job, job.key(run.globals ^ template_key))
    {
        return None;
    }
    job.fill_late();
    let html = match templates.render_bytes(&job.template, &job.context) {
        Ok(h) => h,
        Err(d) => return Some(d),
    };
    let mut deps = job.deps;
    deps.extend(template_deps);
    sink.put(&job.path, crate::output::Body::Bytes(html), deps, &job.origin)
        .err()
        .map(|e| Diagnostic::error(job.origin, 0, 0, e.message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_counts_inside_tags_only() {
        assert!(names_data("{% for r in data.plan %}{{ r }}{% endfor %}"));
        assert!(names_data("{{ data[\"plan\"] | length }}"));
        assert!(!names_data("<td data-label=\"任务\">{{ page.data_note }}</td>"));
        assert!(!names_data("{{ metadata }}{{ page.data }}"));
        assert!(!names_data("{# data #}<p>data</p>"));
    }

    #[test]
    fn a_key_is_what_the_file_is_made_of() {
        #[derive(serde::Serialize)]
        struct View {
            title: &'static str,
            tags: Vec<&'static str>,
        }
        let job =
            |title, tag| Job::new("a/index.html", "page.html", "a.md").with("page", &View { title, tags: vec![tag] });
        // Maps hash the same whatever order Tera keeps their keys in.
        assert_eq!(job("甲", "x").key(1), job("甲", "x").key(1));
        assert_ne!(job("甲", "x").key(1), job("乙", "x").key(1));
        assert_ne!(job("甲", "x").key(1), job("甲", "y").key(1));
        assert_ne!(job("甲", "x").key(1), job("甲", "x").key(2), "the global context");
        let late = job("甲", "x").late_qr("page", "share_qr", "https://a/".into(), "码");
        assert_ne!(late.key(1), job("甲", "x").key(1));
    }
}
