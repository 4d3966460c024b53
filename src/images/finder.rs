//! Finding one source's renditions: through the index of sources and the
//! cache when the source is known, else read, hashed and made.

use super::*;

/// What one build needs to find a source's renditions.
pub(super) struct Finder<'a> {
    pub(super) config: &'a Config,
    pub(super) cache_root: PathBuf,
    /// [`cache::params_key`] of the settings.
    pub(super) params: u64,
    pub(super) index: Index,
    pub(super) cache_only: bool,
    pub(super) reads: AtomicUsize,
    pub(super) decodes: AtomicUsize,
}

/// What became of one source.
pub(super) enum Outcome {
    Ready(PathBuf, Meta),
    Waiting,
    Failed(ImageError),
}

/// One source looked at: the outcome, how the source was seen, warnings.
pub(super) struct Looked {
    pub(super) outcome: Outcome,
    pub(super) seen: Option<Seen>,
    pub(super) warns: Vec<Diagnostic>,
}

impl Finder<'_> {
    pub(super) fn read(&self, file: &Path) -> Result<Vec<u8>, ImageError> {
        self.reads.fetch_add(1, Ordering::Relaxed);
        std::fs::read(file).map_err(|e| ImageError::Read(e.to_string()))
    }

    /// The renditions of `s`: through the index and the cache when its
    /// stamp is known (the source is then not even read), else read,
    /// hashed, and made (or left waiting, for a cache-only load).
    pub(super) fn look(&self, s: &sources::Source) -> Looked {
        let mut looked = Looked {
            outcome: Outcome::Waiting,
            seen: None,
            warns: Vec::new(),
        };
        // The time before the stamp: a file changed after it is not
        // trusted by its time (see [`Stamp::settled`]).
        let now = SystemTime::now();
        let stamp = match Stamp::of(&s.file) {
            Ok(stamp) => stamp,
            Err(e) => {
                looked.outcome = Outcome::Failed(ImageError::Read(e.to_string()));
                return looked;
            }
        };
        let seen = |hash| Seen {
            stamp,
            hash,
            settled: stamp.settled(now),
        };
        let indexed = self.index.hash_of(&s.file, stamp);
        if let Some(hash) = indexed {
            let dir = cache::key_dir(&self.cache_root, hash, self.params);
            if let Some(meta) = cache::load(&dir) {
                self.warn_size(s, stamp.size, (meta.width, meta.height), &mut looked.warns);
                looked.seen = Some(seen(hash));
                looked.outcome = Outcome::Ready(dir, meta);
                return looked;
            }
        }
        // Not in the cache: the bytes are needed, and hashed again, so that
        // the folder they go to is surely theirs.
        let bytes = match self.read(&s.file) {
            Ok(b) => b,
            Err(e) => {
                looked.outcome = Outcome::Failed(e);
                return looked;
            }
        };
        let hash = cache::content_hash(&bytes);
        looked.seen = Some(seen(hash));
        let dir = cache::key_dir(&self.cache_root, hash, self.params);
        looked.outcome = match self.with_bytes(s, &bytes, &dir, indexed != Some(hash), &mut looked.warns) {
            Ok(Some(meta)) => Outcome::Ready(dir, meta),
            Ok(None) => Outcome::Waiting,
            Err(e) => Outcome::Failed(e),
        };
        looked
    }

    /// The meta of `bytes` in `dir`: found (unless `dir` was just looked
    /// in), made, or `None` when left for later (a cache-only load).
    pub(super) fn with_bytes(
        &self,
        s: &sources::Source,
        bytes: &[u8],
        dir: &Path,
        look_in_cache: bool,
        warns: &mut Vec<Diagnostic>,
    ) -> Result<Option<Meta>, ImageError> {
        if look_in_cache && let Some(meta) = cache::load(dir) {
            self.warn_size(s, bytes.len() as u64, (meta.width, meta.height), warns);
            return Ok(Some(meta));
        }
        let header = process::Header::of(bytes);
        let side = header.as_ref().map_or((0, 0), |h| (h.width, h.height));
        self.warn_size(s, bytes.len() as u64, side, warns);
        if self.cache_only
            && let Some(e) = cache::load_error(dir)
        {
            return Err(e);
        }
        let cfg = &self.config.site.images;
        header?.within(cfg.max_megapixels)?;
        if self.cache_only {
            return Ok(None);
        }
        let meta = make::make(bytes, dir, cfg)?;
        self.decodes.fetch_add(1, Ordering::Relaxed);
        Ok(Some(meta))
    }

    /// Warnings for a source of `bytes` declaring `side` pixels.
    pub(super) fn warn_size(&self, s: &sources::Source, bytes: u64, (w, h): (u32, u32), out: &mut Vec<Diagnostic>) {
        let shown = || crate::config::display_path(&self.config.root, &s.file);
        if bytes > WARN_BYTES {
            let mb = format!("{:.1}", bytes as f64 / 1048576.0);
            out.push(
                Diagnostic::warning(shown(), 0, 0, crate::text!("images.heavy_file", mb))
                    .with_hint(crate::text!("images.heavy_file.hint")),
            );
        }
        if w.max(h) > WARN_SIDE {
            out.push(
                Diagnostic::warning(shown(), 0, 0, crate::text!("images.huge_side", w, h))
                    .with_hint(crate::text!("images.huge_side.hint")),
            );
        }
    }
}
