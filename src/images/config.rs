//! The `images:` block of site.yaml.

use serde::{Deserialize, Serialize};

/// How local images are published.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ImagesConfig {
    /// Widths of the renditions in `srcset` (never wider than the source).
    pub widths: Vec<u32>,
    /// WebP quality (0–100); the JPEG fallback uses a few points more.
    pub quality: u8,
    /// Publish the original files too (upright, re-encoded, metadata gone).
    pub publish_originals: bool,
    /// The `sizes` attribute of an image that has none.
    pub sizes: String,
    /// Images declaring more pixels than this (in millions) are refused
    /// before they are decoded.
    pub max_megapixels: u32,
    /// Width of the rendition for `og:image` (shared links).
    pub og_width: u32,
    /// Width of the rendition a board poster prints (about 300 dpi at the
    /// poster's largest picture, 100 mm).
    pub print_width: u32,
}

impl Default for ImagesConfig {
    fn default() -> Self {
        ImagesConfig {
            widths: vec![480, 800, 1200, 1600],
            quality: 75,
            publish_originals: false,
            sizes: "(min-width: 48rem) 46rem, 100vw".to_owned(),
            max_megapixels: 100,
            og_width: 1200,
            print_width: 1200,
        }
    }
}

impl ImagesConfig {
    /// Every width a processed image is made at, sorted, without repeats.
    pub fn all_widths(&self) -> Vec<u32> {
        let mut w: Vec<u32> = self
            .widths
            .iter()
            .copied()
            .chain([self.og_width, self.print_width])
            .filter(|w| *w > 0)
            .collect();
        w.sort_unstable();
        w.dedup();
        w
    }

    /// The quality of the JPEG fallback.
    pub fn jpeg_quality(&self) -> u8 {
        self.quality.saturating_add(7).clamp(1, 100)
    }
}
