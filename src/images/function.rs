//! `resize_image(path, width, height, fit, format)` for theme authors, as
//! in Zola: returns `{url, width, height}` of a rendition made (or found in
//! the cache) for the template.
//!
//! `path` is a site path or URL of a local image (`articles/x/a.jpg`,
//! `page.cover`); `fit` is `fit_width` (default), `fit_height`, `fit`
//! (inside the box) or `fill` (cropped to the box, centred); `format` is
//! `auto` (the image's fallback), `webp`, `jpg` or `png`. Never upscales.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use serde::Serialize;
use tera::{Kwargs, State, Tera};

use super::process::{self, Encoding, ImageError};
use super::{Entry, Images, cache, split_ext};
use crate::i18n::{Text, t};

/// The value `resize_image` returns.
#[derive(Debug, Clone, Serialize)]
pub struct Resized {
    /// URL of the file.
    pub url: String,
    /// Its width.
    pub width: u32,
    /// Its height.
    pub height: u32,
}

/// Registers `resize_image` on `tera`.
pub fn register(tera: &mut Tera, images: Arc<Images>) {
    tera.register_function(
        "resize_image",
        move |kwargs: Kwargs, _: &State| -> tera::TeraResult<tera::Value> {
            let path: &str = kwargs.must_get("path")?;
            let width: Option<u32> = kwargs.get("width")?;
            let height: Option<u32> = kwargs.get("height")?;
            let fit: &str = kwargs.get("fit")?.unwrap_or("fit_width");
            let format: &str = kwargs.get("format")?.unwrap_or("auto");
            let lang = images.lang;
            resize(&images, path, width, height, fit, format)
                .map(|r| tera::Value::from_serializable(&r))
                .map_err(|m| tera::Error::message(t(lang, "images.resize.failed", &[path, &m.in_lang(lang)])))
        },
    );
}

/// Target size of `fit` for a `w`×`h` image; `(width, height, crop)`.
fn target(w: u32, h: u32, width: Option<u32>, height: Option<u32>, fit: &str) -> Result<(u32, u32, bool), Text> {
    let need = |v: Option<u32>, n: &str| {
        v.filter(|v| *v > 0)
            .ok_or_else(|| crate::text!("images.resize.needs", fit, n))
    };
    Ok(match fit {
        "fit_width" => {
            let tw = need(width, "width")?.min(w);
            (tw, process::scaled_height(w, h, tw), false)
        }
        "fit_height" => {
            let th = need(height, "height")?.min(h);
            (process::scaled_height(h, w, th), th, false)
        }
        "fit" => {
            let (bw, bh) = (need(width, "width")?, need(height, "height")?);
            let s = (f64::from(bw) / f64::from(w))
                .min(f64::from(bh) / f64::from(h))
                .min(1.0);
            (
                ((f64::from(w) * s).round() as u32).max(1),
                ((f64::from(h) * s).round() as u32).max(1),
                false,
            )
        }
        "fill" => {
            let (bw, bh) = (need(width, "width")?, need(height, "height")?);
            let s = (f64::from(w) / f64::from(bw))
                .min(f64::from(h) / f64::from(bh))
                .min(1.0);
            (
                ((f64::from(bw) * s).round() as u32).max(1),
                ((f64::from(bh) * s).round() as u32).max(1),
                true,
            )
        }
        other => return Err(crate::text!("images.resize.fit", other)),
    })
}

/// Makes (or finds) the file for one call.
pub fn resize(
    images: &Images,
    path: &str,
    width: Option<u32>,
    height: Option<u32>,
    fit: &str,
    format: &str,
) -> Result<Resized, Text> {
    let rel = images.resolve(path, "").unwrap_or_default();
    let e = images
        .entries
        .get(&rel)
        .ok_or_else(|| crate::text!("images.resize.unknown"))?;
    let (w, h, crop) = target(e.meta.width, e.meta.height, width, height, fit)?;
    let enc = match format {
        "auto" if e.meta.fallback_ext == "png" => Encoding::Png,
        "auto" | "jpg" | "jpeg" => Encoding::Jpeg(images.config.jpeg_quality()),
        "png" => Encoding::Png,
        "webp" => Encoding::WebP(images.config.quality),
        other => return Err(crate::text!("images.resize.format", other)),
    };
    let name = format!("{w}x{h}-{fit}.{}", enc.ext());
    let file = e.dir.join(&name);
    if !file.is_file() {
        let bytes = make(images, e, w, h, crop, enc).map_err(|err| err.text())?;
        cache::store_extra(&e.dir, &name, &bytes).map_err(|_| ImageError::Cache(e.dir.clone()).text())?;
    }
    let (stem, _) = split_ext(&e.rel);
    let out = format!("{stem}-{name}");
    images.add_extra(out.clone(), file);
    Ok(Resized {
        url: format!("{}{out}", images.base_path),
        width: w,
        height: h,
    })
}

fn make(images: &Images, e: &Entry, w: u32, h: u32, crop: bool, enc: Encoding) -> Result<Vec<u8>, ImageError> {
    images.reads.fetch_add(1, Ordering::Relaxed);
    let bytes = std::fs::read(&e.source).map_err(|err| ImageError::Read(err.to_string()))?;
    let max = images.config.max_megapixels;
    let px = process::decode(&bytes, max)?;
    images.decodes.fetch_add(1, Ordering::Relaxed);
    let px = match crop {
        true => {
            let s = (f64::from(px.width) / f64::from(w)).min(f64::from(px.height) / f64::from(h));
            let (cw, ch) = ((f64::from(w) * s).round() as u32, (f64::from(h) * s).round() as u32);
            process::crop_centre(&px, cw.max(1), ch.max(1))
        }
        false => px,
    };
    let scaled = process::resize(&px, w, h)?;
    process::encode(&scaled, enc)
}
