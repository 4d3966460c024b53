//! Writes photo-sized JPEGs for `benches/images.sh`: 4032×3024 (a phone
//! camera's 12 megapixels) of gradients, soft shapes and noise, so that
//! they compress like photos (3–5 MB each at quality 92).
//!
//!     cargo run --release --example bench_photos -- DIR COUNT

use std::path::PathBuf;

use image::codecs::jpeg::JpegEncoder;
use image::{ExtendedColorType, ImageEncoder};
use rayon::prelude::*;

fn photo(seed: u32, w: u32, h: u32) -> Vec<u8> {
    let mut s = seed.wrapping_mul(2_654_435_761) | 1;
    let mut out = Vec::with_capacity((w * h * 3) as usize);
    let (cx, cy) = ((seed * 977) % w, (seed * 613) % h);
    for y in 0..h {
        for x in 0..w {
            let dx = x.abs_diff(cx) as f32 / w as f32;
            let dy = y.abs_diff(cy) as f32 / h as f32;
            let blob = 1.0 / (1.0 + 12.0 * (dx * dx + dy * dy));
            for c in 0..3u32 {
                s ^= s << 13;
                s ^= s >> 17;
                s ^= s << 5;
                let base = 40.0 + 120.0 * blob + (x * (c + 1) * 40 / w + y * (3 - c) * 30 / h) as f32;
                let noise = (s % 33) as f32 - 16.0;
                out.push((base + noise).clamp(0.0, 255.0) as u8);
            }
        }
    }
    out
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "photos".into()));
    let count: u32 = args.next().and_then(|n| n.parse().ok()).unwrap_or(50);
    std::fs::create_dir_all(&dir).expect("create the folder");
    (0..count).into_par_iter().for_each(|i| {
        let (w, h) = (4032, 3024);
        let mut jpeg = Vec::new();
        JpegEncoder::new_with_quality(&mut jpeg, 92)
            .write_image(&photo(i + 1, w, h), w, h, ExtendedColorType::Rgb8)
            .expect("encode");
        std::fs::write(dir.join(format!("photo-{i:02}.jpg")), jpeg).expect("write");
    });
}
