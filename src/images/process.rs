//! One source image into its renditions: probe, decode, turn upright,
//! resize, encode.
//!
//! 1. [`Header::of`] reads the header only: the format and the declared
//!    size; [`Header::within`] refuses more pixels than `max_megapixels`
//!    (a decompression bomb never reaches the decoder).
//! 2. [`decode`] decodes under memory limits and applies the EXIF
//!    orientation; the metadata stays behind with the source bytes.
//! 3. [`resize`] scales with `fast_image_resize` (SIMD, Lanczos3); the
//!    renditions are made largest first, each from the one before.
//! 4. [`encode`] writes lossy WebP (libwebp) or the JPEG/PNG fallback. No
//!    encoder here writes EXIF, XMP or IPTC.

use std::fmt;
use std::io::Cursor;
use std::path::PathBuf;

use fast_image_resize::images::Image as FirImage;
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::{DynamicImage, ExtendedColorType, ImageDecoder, ImageEncoder, ImageFormat, ImageReader, Limits};
use serde::{Deserialize, Serialize};

use crate::i18n::Text;

/// What is wrong with a source image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImageError {
    /// The file cannot be read.
    Read(String),
    /// Not an image kepu can read, or damaged.
    Decode(String),
    /// Declares more pixels than allowed.
    TooLarge {
        /// Declared width.
        width: u32,
        /// Declared height.
        height: u32,
        /// Declared megapixels.
        mp: u64,
        /// The limit.
        limit: u32,
    },
    /// Encoding failed.
    Encode(String),
    /// The renditions cannot be written into the cache folder.
    Cache(PathBuf),
}

impl ImageError {
    /// The message, to be read in the site's language.
    pub fn text(&self) -> Text {
        // A decoder's words may end in a line break.
        match self {
            ImageError::Read(e) => crate::text!("images.error.read", e.trim()),
            ImageError::Decode(e) => crate::text!("images.error.decode", e.trim()),
            ImageError::TooLarge {
                width,
                height,
                mp,
                limit,
            } => crate::text!("images.error.too_large", width, height, mp, limit),
            ImageError::Encode(e) => crate::text!("images.error.encode", e.trim()),
            ImageError::Cache(dir) => crate::text!("images.error.cache", dir),
        }
    }
}

impl fmt::Display for ImageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.text().fmt(f)
    }
}

impl std::error::Error for ImageError {}

/// Pixels of one image, upright, 8 bits per channel.
pub struct Pixels {
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
    /// Whether there is an alpha channel (RGBA, else RGB).
    pub alpha: bool,
    /// The samples.
    pub data: Vec<u8>,
}

/// What the header of an image says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// The format.
    pub format: ImageFormat,
    /// Declared width (before any EXIF rotation).
    pub width: u32,
    /// Declared height.
    pub height: u32,
}

impl Header {
    /// The header of `bytes`, read alone (nothing is decoded).
    pub fn of(bytes: &[u8]) -> Result<Header, ImageError> {
        let reader = reader(bytes)?;
        let format = reader
            .format()
            .ok_or_else(|| ImageError::Decode("unknown format".into()))?;
        let (width, height) = reader
            .into_dimensions()
            .map_err(|e| ImageError::Decode(e.to_string()))?;
        Ok(Header { format, width, height })
    }

    /// Refuses an image declaring more than `max_megapixels` (a
    /// decompression bomb never reaches the decoder).
    pub fn within(&self, max_megapixels: u32) -> Result<(), ImageError> {
        let pixels = u64::from(self.width) * u64::from(self.height);
        match pixels > u64::from(max_megapixels) * 1_000_000 {
            true => Err(ImageError::TooLarge {
                width: self.width,
                height: self.height,
                mp: pixels / 1_000_000,
                limit: max_megapixels,
            }),
            false => Ok(()),
        }
    }
}

fn reader(bytes: &[u8]) -> Result<ImageReader<Cursor<&[u8]>>, ImageError> {
    ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| ImageError::Decode(e.to_string()))
}

/// Decodes `bytes` (already probed) upright, within `max_megapixels`.
pub fn decode(bytes: &[u8], max_megapixels: u32) -> Result<Pixels, ImageError> {
    let err = |e: image::ImageError| ImageError::Decode(e.to_string());
    let mut decoder = reader(bytes)?.into_decoder().map_err(err)?;
    let mut limits = Limits::default();
    let max = u64::from(max_megapixels) * 1_000_000;
    limits.max_alloc = Some(max * 4 + (64 << 20));
    decoder.set_limits(limits).map_err(err)?;
    let orientation = decoder.orientation().map_err(err)?;
    let mut img = DynamicImage::from_decoder(decoder).map_err(err)?;
    img.apply_orientation(orientation);
    let alpha = img.color().has_alpha();
    let (width, height) = (img.width(), img.height());
    let data = match alpha {
        true => img.into_rgba8().into_raw(),
        false => img.into_rgb8().into_raw(),
    };
    Ok(Pixels {
        width,
        height,
        alpha,
        data,
    })
}

/// Height of `width`-wide scaling of `w`×`h` (at least 1).
pub fn scaled_height(w: u32, h: u32, width: u32) -> u32 {
    ((u64::from(h) * u64::from(width) + u64::from(w) / 2) / u64::from(w.max(1))).max(1) as u32
}

/// `src` scaled to `width`×`height`.
pub fn resize(src: &Pixels, width: u32, height: u32) -> Result<Pixels, ImageError> {
    if (width, height) == (src.width, src.height) {
        return Ok(Pixels {
            data: src.data.clone(),
            ..*src
        });
    }
    let kind = if src.alpha { PixelType::U8x4 } else { PixelType::U8x3 };
    let from = fast_image_resize::images::ImageRef::new(src.width, src.height, &src.data, kind)
        .map_err(|e| ImageError::Encode(e.to_string()))?;
    let mut to = FirImage::new(width, height, kind);
    let opts = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    Resizer::new()
        .resize(&from, &mut to, &opts)
        .map_err(|e| ImageError::Encode(e.to_string()))?;
    Ok(Pixels {
        width,
        height,
        alpha: src.alpha,
        data: to.into_vec(),
    })
}

/// `src` cropped to the centre `width`×`height` box (no larger than it).
pub fn crop_centre(src: &Pixels, width: u32, height: u32) -> Pixels {
    let (width, height) = (width.min(src.width), height.min(src.height));
    let bpp = if src.alpha { 4 } else { 3 };
    let (x0, y0) = ((src.width - width) / 2, (src.height - height) / 2);
    let mut data = Vec::with_capacity(width as usize * height as usize * bpp);
    for y in y0..y0 + height {
        let start = (y as usize * src.width as usize + x0 as usize) * bpp;
        data.extend_from_slice(&src.data[start..start + width as usize * bpp]);
    }
    Pixels {
        width,
        height,
        alpha: src.alpha,
        data,
    }
}

/// An output encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Lossy WebP at a quality.
    WebP(u8),
    /// Baseline JPEG at a quality (alpha is dropped).
    Jpeg(u8),
    /// PNG.
    Png,
}

impl Encoding {
    /// The file extension.
    pub fn ext(self) -> &'static str {
        match self {
            Encoding::WebP(_) => "webp",
            Encoding::Jpeg(_) => "jpg",
            Encoding::Png => "png",
        }
    }
}

/// `px` encoded as `enc`.
pub fn encode(px: &Pixels, enc: Encoding) -> Result<Vec<u8>, ImageError> {
    let fail = |e: image::ImageError| ImageError::Encode(e.to_string());
    let color = if px.alpha {
        ExtendedColorType::Rgba8
    } else {
        ExtendedColorType::Rgb8
    };
    match enc {
        Encoding::WebP(q) => {
            let e = match px.alpha {
                true => webp::Encoder::from_rgba(&px.data, px.width, px.height),
                false => webp::Encoder::from_rgb(&px.data, px.width, px.height),
            };
            let mem = e
                .encode_simple(false, f32::from(q))
                .map_err(|e| ImageError::Encode(format!("{e:?}")))?;
            Ok(mem.to_vec())
        }
        Encoding::Jpeg(q) => {
            let mut out = Vec::new();
            let rgb;
            let (data, color) = match px.alpha {
                true => {
                    rgb = px
                        .data
                        .chunks_exact(4)
                        .flat_map(|p| [p[0], p[1], p[2]])
                        .collect::<Vec<u8>>();
                    (&rgb[..], ExtendedColorType::Rgb8)
                }
                false => (&px.data[..], color),
            };
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, q)
                .write_image(data, px.width, px.height, color)
                .map_err(fail)?;
            Ok(out)
        }
        Encoding::Png => {
            let mut out = Vec::new();
            image::codecs::png::PngEncoder::new(&mut out)
                .write_image(&px.data, px.width, px.height, color)
                .map_err(fail)?;
            Ok(out)
        }
    }
}
