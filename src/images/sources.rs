//! The files a build copies that may be images, with their output paths:
//! the same walk as [`crate::render::assets`].

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::config::Config;
use crate::content::Library;
use crate::render::assets::files_under;

/// One copied file.
pub(super) struct Source {
    /// Output path.
    pub rel: String,
    /// File on disk.
    pub file: PathBuf,
    /// The page whose bundle holds it.
    pub owner: Option<PathBuf>,
}

/// Every copied file; the site's `static/` overrides the theme's.
pub(super) fn collect(config: &Config, lib: &Library) -> Vec<Source> {
    let root = &config.root;
    let mut statics: BTreeMap<String, PathBuf> = BTreeMap::new();
    for dir in [
        root.join("themes").join(&config.site.theme).join("static"),
        root.join("static"),
    ] {
        // What cannot be read is reported where it is copied.
        statics.extend(files_under(&dir, root, &mut Vec::new()));
    }
    let mut out: Vec<Source> = statics
        .into_iter()
        .map(|(rel, file)| Source { rel, file, owner: None })
        .collect();
    for page in &lib.pages {
        let Some(dir) = &page.bundle_dir else { continue };
        for asset in &page.assets {
            out.push(Source {
                rel: format!("{}{}", page.path, crate::output::safe_path::to_slash(asset)),
                file: dir.join(asset),
                owner: Some(page.file.clone()),
            });
        }
    }
    for (file, rel) in &lib.loose {
        out.push(Source {
            rel: rel.clone(),
            file: file.clone(),
            owner: None,
        });
    }
    out
}
