//! The output seen through the images: a [`Sink`] around another that
//! publishes renditions instead of originals and rewrites every page.

use std::collections::BTreeSet;
use std::sync::Mutex;

use super::{Failure, Images, WARN_PAGE_BYTES};
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
            let at = f.owner.as_ref().unwrap_or(&f.source);
            diags.push(failure(&self.root, crate::config::display_path(&self.root, at), f));
        }
        diags
    }

    fn page(&self, path: &str, html: Vec<u8>, origin: &str) -> Vec<u8> {
        if self.images.entries.is_empty() && self.images.failed.is_empty() {
            return html;
        }
        let Ok(text) = std::str::from_utf8(&html) else {
            return html;
        };
        let (out, found) = super::rewrite::page(text, path, self.images);
        let origin = crate::config::display_path(&self.root, std::path::Path::new(origin));
        let mut diags = Vec::new();
        for rel in found.failed {
            if let Some(f) = self.images.failed.get(&rel) {
                diags.push(failure(&self.root, &origin, f));
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
                    crate::text!("images.heavy_page", path, total / 1024, largest, bytes / 1024),
                )
                .with_hint(crate::text!("images.heavy_page.hint")),
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
            // Most files name no image at all (and a site without images
            // has nothing to rewrite): they pass as they are.
            Body::Bytes(b)
                if (images.entries.is_empty() && images.failed.is_empty()) || !super::rewrite::may_name_images(&b) =>
            {
                self.inner.put(path, Body::Bytes(b), deps, origin)
            }
            Body::Bytes(b) if path.ends_with(".html") => {
                let b = self.page(path, b, origin);
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

    fn held(&self, path: &str, key: u64) -> bool {
        self.inner.held(path, key)
    }

    fn holds(&self) -> bool {
        self.inner.holds()
    }

    fn feed_scope(&self) -> Option<&crate::feeds::FeedScope> {
        self.inner.feed_scope()
    }

    fn keep_held(&self, path: &str) -> bool {
        self.inner.keep_held(path)
    }
}

/// The error of failed image `f`, at `at` (the page using it, or the page
/// whose bundle holds it, or the file); `root` is the site folder.
fn failure(root: &std::path::Path, at: impl Into<std::path::PathBuf>, f: &Failure) -> Diagnostic {
    let shown = crate::config::display_path(root, &f.source);
    Diagnostic::error(at, 0, 0, crate::text!("images.failed", shown, f.error.text()))
        .with_hint(crate::text!("images.failed.hint"))
}
