//! One source to its cache folder: decoded once and encoded at every
//! width, largest first. Whether the folder already holds it, and whether
//! the source may be decoded at all (its header, its declared size), the
//! caller has found out before.

use std::path::Path;

use super::cache::{self, CachedFile, Meta, Rendition};
use super::config::ImagesConfig;
use super::process::{self, Encoding, ImageError, Pixels};

/// Makes the renditions of `bytes` (a source whose header was read and
/// found within `max_megapixels`) into cache folder `dir`.
pub fn make(bytes: &[u8], dir: &Path, config: &ImagesConfig) -> Result<Meta, ImageError> {
    let px = process::decode(bytes, config.max_megapixels)?;
    let (files, meta) = encode_all(&px, config)?;
    cache::store(dir, &files, &meta).map_err(|_| ImageError::Cache(dir.to_path_buf()))?;
    Ok(meta)
}

/// The fallback encoding of `px`: PNG when it has transparency, else JPEG.
pub fn fallback(px: &Pixels, config: &ImagesConfig) -> Encoding {
    match px.alpha {
        true => Encoding::Png,
        false => Encoding::Jpeg(config.jpeg_quality()),
    }
}

/// Encoded files by name, for one cache folder.
type Files = Vec<(String, Vec<u8>)>;

fn encode_all(px: &Pixels, config: &ImagesConfig) -> Result<(Files, Meta), ImageError> {
    // Sorted, without repeats; a source narrower than the widest
    // rendition is also published at its own width (never upscaled).
    let mut widths = config.all_widths();
    if widths.last().is_some_and(|w| *w > px.width) {
        widths.retain(|w| *w < px.width);
        widths.push(px.width);
    }
    let fb = fallback(px, config);
    let mut files = Vec::new();
    let mut renditions = Vec::new();
    let mut from: Option<Pixels> = None;
    for &w in widths.iter().rev() {
        let h = process::scaled_height(px.width, px.height, w);
        let scaled = process::resize(from.as_ref().unwrap_or(px), w, h)?;
        let webp = process::encode(&scaled, Encoding::WebP(config.quality))?;
        let fallback = process::encode(&scaled, fb)?;
        let file = |ext: &str, b: &[u8]| CachedFile {
            name: format!("{w}.{ext}"),
            bytes: b.len() as u64,
        };
        renditions.push(Rendition {
            width: w,
            height: h,
            webp: file("webp", &webp),
            fallback: file(fb.ext(), &fallback),
        });
        files.push((format!("{w}.webp"), webp));
        files.push((format!("{w}.{}", fb.ext()), fallback));
        from = Some(scaled);
    }
    renditions.reverse();
    let original = match config.publish_originals {
        true => {
            let enc = match fb {
                Encoding::Jpeg(_) => Encoding::Jpeg(90),
                other => other,
            };
            let bytes = process::encode(px, enc)?;
            let name = format!("original.{}", enc.ext());
            let f = CachedFile {
                name: name.clone(),
                bytes: bytes.len() as u64,
            };
            files.push((name, bytes));
            Some(f)
        }
        false => None,
    };
    let meta = Meta {
        width: px.width,
        height: px.height,
        fallback_ext: fb.ext().to_owned(),
        renditions,
        original,
    };
    Ok((files, meta))
}
