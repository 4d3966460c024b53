//! The output seen through the images: a [`Sink`] around another that
//! publishes renditions instead of originals and rewrites every page.

use std::collections::BTreeSet;
use std::sync::Mutex;

use super::{Images, WARN_PAGE_BYTES};
use crate::error::Diagnostic;
use crate::output::sink::Sink;
use crate::output::{Body, Dep, OutputError};

/// Wraps `inner`; [`ImageSink::finish`] adds what templates asked for and
/// returns the diagnostics.
pub struct ImageSink<'a> {
    inner: &'a dyn Sink,
    images: &'a Images,
    root: std::path::PathBuf,
    diags: Mutex<Vec<Diagnostic>>,
    /// Failed images some page uses (each reported there).
    used: Mutex<BTreeSet<String>>,
}

impl<'a> ImageSink<'a> {
    /// A sink writing into `inner`; `root` is the site folder (for messages).
    pub fn new(inner: &'a dyn Sink, images: &'a Images, root: &std::path::Path) -> Self {
        ImageSink {
            inner,
            images,
            root: root.to_path_buf(),
            diags: Mutex::new(Vec::new()),
            used: Mutex::new(BTreeSet::new()),
        }
    }

    /// Puts the files `resize_image` made and returns every diagnostic:
    /// failed images (at the pages using them, else at the file) and heavy
    /// pages.
    pub fn finish(self) -> Vec<Diagnostic> {
        let mut diags = self.diags.into_inner().unwrap_or_else(|e| e.into_inner());
        for (rel, file) in self.images.extras() {
            if self.inner.has(&rel) {
                continue;
            }
            if let Err(e) = self
                .inner
                .put(&rel, Body::Copy(file.clone()), vec![Dep::File(file)], "resize_image")
            {
                diags.push(Diagnostic::error(&self.root, 0, 0, e.message));
            }
        }
        let used = self.used.into_inner().unwrap_or_else(|e| e.into_inner());
        for (rel, f) in &self.images.failed {
            if used.contains(rel) {
                continue;
            }
            let shown = crate::config::display_path(&self.root, &f.source);
            let at = f
                .owner
                .as_ref()
                .map_or(shown.clone(), |o| crate::config::display_path(&self.root, o));
            diags.push(
                Diagnostic::error(at, 0, 0, format!("image {}: {}", shown.display(), f.error))
                    .with_hint("open it in an image viewer, save it again as JPEG or PNG, or remove it"),
            );
        }
        diags
    }

    fn page(&self, path: &str, html: &[u8], origin: &str) -> Vec<u8> {
        let Ok(text) = std::str::from_utf8(html) else {
            return html.to_vec();
        };
        let (out, found) = super::rewrite::page(text, path, self.images);
        let mut diags = Vec::new();
        for rel in found.failed {
            if let Some(f) = self.images.failed.get(&rel) {
                let shown = crate::config::display_path(&self.root, &f.source);
                diags.push(
                    Diagnostic::error(origin, 0, 0, format!("image {}: {}", shown.display(), f.error))
                        .with_hint("open it in an image viewer, save it again as JPEG or PNG, or remove it"),
                );
                self.used.lock().unwrap_or_else(|e| e.into_inner()).insert(rel);
            }
        }
        let total: u64 = found.phone_bytes.iter().map(|(_, b)| b).sum();
        if total > WARN_PAGE_BYTES
            && let Some((largest, bytes)) = found.phone_bytes.iter().max_by_key(|(_, b)| *b)
        {
            diags.push(
                Diagnostic::warning(
                    origin,
                    0,
                    0,
                    format!(
                        "/{path}: its images weigh {} KB on a phone, more than 1 MB; the largest is {largest} ({} KB)",
                        total / 1024,
                        bytes / 1024
                    ),
                )
                .with_hint("use fewer pictures on this page, or split it"),
            );
        }
        if !diags.is_empty() {
            self.diags.lock().unwrap_or_else(|e| e.into_inner()).extend(diags);
        }
        out.into_bytes()
    }
}

impl Sink for ImageSink<'_> {
    fn put(&self, path: &str, body: Body, deps: Vec<Dep>, origin: &str) -> Result<(), OutputError> {
        let images = self.images;
        match body {
            // A failed image is not published (its error comes from
            // `finish`), but its name is still checked like any other.
            Body::Copy(_) if images.failed.contains_key(path) => crate::output::safe_path::clean(path)
                .map(drop)
                .map_err(|message| OutputError {
                    path: path.to_string(),
                    message,
                    origin: origin.to_string(),
                }),
            Body::Copy(file) => match images.entries.get(path) {
                Some(e) => {
                    for r in &e.meta.renditions {
                        for f in [&r.webp, &r.fallback] {
                            let ext = f.name.rsplit('.').next().unwrap_or("");
                            let from = e.dir.join(&f.name);
                            self.inner
                                .put(&e.out_path(r.width, ext), Body::Copy(from), deps.clone(), origin)?;
                        }
                    }
                    if let Some(o) = &e.meta.original {
                        self.inner.put(path, Body::Copy(e.dir.join(&o.name)), deps, origin)?;
                    }
                    Ok(())
                }
                None => self.inner.put(path, Body::Copy(file), deps, origin),
            },
            Body::Bytes(b) if path.ends_with(".html") => {
                let b = self.page(path, &b, origin);
                self.inner.put(path, Body::Bytes(b), deps, origin)
            }
            Body::Bytes(b) if path.ends_with(".xml") || path.ends_with(".json") => {
                let b = match std::str::from_utf8(&b) {
                    Ok(t) if !images.entries.is_empty() => super::rewrite::urls(t, path, images).into_bytes(),
                    _ => b,
                };
                self.inner.put(path, Body::Bytes(b), deps, origin)
            }
            body => self.inner.put(path, body, deps, origin),
        }
    }

    fn taken(&self) -> Vec<(String, String)> {
        self.inner.taken()
    }

    fn has(&self, path: &str) -> bool {
        self.inner.has(path)
    }
}
