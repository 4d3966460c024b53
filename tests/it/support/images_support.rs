//! Fixture images made by the tests: photos with GPS and an orientation
//! flag, transparent PNGs, animated GIFs, broken files and bombs; and
//! readers that look for metadata in published files.
#![allow(dead_code, unreachable_pub)]

use image::codecs::gif::GifEncoder;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{ExtendedColorType, Frame, ImageEncoder, RgbaImage};

/// A `w`×`h` photo-like RGB image: gradients with deterministic noise of
/// `noise` levels, so it compresses like a photo.
pub fn noisy_rgb(w: u32, h: u32, noise: u32) -> Vec<u8> {
    let mut seed: u32 = 0x9e37_79b9;
    let mut out = Vec::with_capacity((w * h * 3) as usize);
    for y in 0..h {
        for x in 0..w {
            for c in 0..3u32 {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                let base = (x * 255 / w.max(1) * (c + 1) / 3 + y * 255 / h.max(1) * (3 - c) / 3) / 2;
                let n = if noise > 0 { seed % (noise * 2 + 1) } else { noise };
                out.push((base + n).saturating_sub(noise).min(255) as u8);
            }
        }
    }
    out
}

/// A baseline JPEG of a noisy `w`×`h` picture.
pub fn jpeg(w: u32, h: u32) -> Vec<u8> {
    jpeg_noise(w, h, 12)
}

/// A baseline JPEG of a `w`×`h` picture with `noise` levels of noise.
pub fn jpeg_noise(w: u32, h: u32, noise: u32) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 92)
        .write_image(&noisy_rgb(w, h, noise), w, h, ExtendedColorType::Rgb8)
        .expect("jpeg");
    out
}

/// A JPEG of `w`×`h` pixels whose EXIF says Orientation=6 (rotate 90° to
/// view) and carries a GPS position (29.35° N, 105.93° E, 永川).
pub fn jpeg_with_gps(w: u32, h: u32) -> Vec<u8> {
    let plain = jpeg(w, h);
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&exif_segment());
    out.extend_from_slice(&plain[2..]);
    out
}

/// An APP1 segment with IFD0 (Orientation, GPS pointer) and a GPS IFD.
fn exif_segment() -> Vec<u8> {
    let mut t: Vec<u8> = b"MM\0\x2a\0\0\0\x08".to_vec();
    let be16 = |v: u16| v.to_be_bytes();
    let be32 = |v: u32| v.to_be_bytes();
    // IFD0 at 8: 2 entries, then next-IFD 0. Size 2 + 2*12 + 4 = 30 → GPS IFD at 38.
    t.extend_from_slice(&be16(2));
    t.extend_from_slice(&[0x01, 0x12, 0, 3]);
    t.extend_from_slice(&be32(1));
    t.extend_from_slice(&[0, 6, 0, 0]);
    t.extend_from_slice(&[0x88, 0x25, 0, 4]);
    t.extend_from_slice(&be32(1));
    t.extend_from_slice(&be32(38));
    t.extend_from_slice(&be32(0));
    // GPS IFD at 38: 4 entries (2 + 48 + 4 = 54) → rationals at 92 and 116.
    t.extend_from_slice(&be16(4));
    t.extend_from_slice(&[0, 1, 0, 2]);
    t.extend_from_slice(&be32(2));
    t.extend_from_slice(b"N\0\0\0");
    t.extend_from_slice(&[0, 2, 0, 5]);
    t.extend_from_slice(&be32(3));
    t.extend_from_slice(&be32(92));
    t.extend_from_slice(&[0, 3, 0, 2]);
    t.extend_from_slice(&be32(2));
    t.extend_from_slice(b"E\0\0\0");
    t.extend_from_slice(&[0, 4, 0, 5]);
    t.extend_from_slice(&be32(3));
    t.extend_from_slice(&be32(116));
    t.extend_from_slice(&be32(0));
    for (d, m, s) in [(29, 21, 0), (105, 55, 48)] {
        for v in [d, m, s] {
            t.extend_from_slice(&be32(v));
            t.extend_from_slice(&be32(1));
        }
    }
    let mut seg = vec![0xFF, 0xE1];
    seg.extend_from_slice(&be16((t.len() + 8) as u16));
    seg.extend_from_slice(b"Exif\0\0");
    seg.extend_from_slice(&t);
    seg
}

/// A half-transparent RGBA PNG.
pub fn png_rgba(w: u32, h: u32) -> Vec<u8> {
    let mut px = RgbaImage::new(w, h);
    for (x, y, p) in px.enumerate_pixels_mut() {
        *p = image::Rgba([(x * 7) as u8, (y * 5) as u8, 200, if x < w / 2 { 255 } else { 90 }]);
    }
    let mut out = Vec::new();
    PngEncoder::new(&mut out)
        .write_image(px.as_raw(), w, h, ExtendedColorType::Rgba8)
        .expect("png");
    out
}

/// A GIF of two frames.
pub fn animated_gif() -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = GifEncoder::new(&mut out);
        enc.set_repeat(image::codecs::gif::Repeat::Infinite).expect("repeat");
        for c in [[255, 0, 0, 255], [0, 0, 255, 255]] {
            let img = RgbaImage::from_pixel(20, 10, image::Rgba(c));
            enc.encode_frame(Frame::new(img)).expect("frame");
        }
    }
    out
}

/// A file named .jpg that is a JPEG for 40 bytes, then nothing.
pub fn corrupt_jpeg() -> Vec<u8> {
    let mut j = jpeg(64, 64);
    j.truncate(40);
    j.extend_from_slice(b"not the rest of a picture");
    j
}

/// A valid, small PNG that declares `w`×`h` pixels.
pub fn bomb_png(w: u32, h: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    // A few zero bytes of deflate: a decoder that tried would allocate
    // 30000×30000×3 bytes first.
    chunk(
        &mut png,
        b"IDAT",
        &[0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01],
    );
    chunk(&mut png, b"IEND", &[]);
    png
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let mut c = kind.to_vec();
    c.extend_from_slice(data);
    out.extend_from_slice(&c);
    out.extend_from_slice(&crc32(&c).to_be_bytes());
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// The APPn markers of a JPEG before its image data (APP1 holds EXIF and
/// XMP, APP13 IPTC).
pub fn jpeg_app_markers(j: &[u8]) -> Vec<u8> {
    assert_eq!(&j[..2], b"\xFF\xD8", "not a JPEG");
    let mut i = 2;
    let mut out = Vec::new();
    while i + 4 <= j.len() && j[i] == 0xFF {
        let m = j[i + 1];
        if m == 0xDA {
            break;
        }
        if (0xE0..=0xEF).contains(&m) {
            out.push(m);
        }
        i += 2 + usize::from(u16::from_be_bytes([j[i + 2], j[i + 3]]));
    }
    out
}

/// The chunk names of a WebP file (RIFF).
pub fn webp_chunks(w: &[u8]) -> Vec<String> {
    assert!(w.starts_with(b"RIFF") && &w[8..12] == b"WEBP", "not a WebP");
    let mut i = 12;
    let mut out = Vec::new();
    while i + 8 <= w.len() {
        out.push(String::from_utf8_lossy(&w[i..i + 4]).into_owned());
        let len = u32::from_le_bytes([w[i + 4], w[i + 5], w[i + 6], w[i + 7]]) as usize;
        i += 8 + len + (len & 1);
    }
    out
}

/// The chunk names of a PNG file.
pub fn png_chunks(p: &[u8]) -> Vec<String> {
    let mut i = 8;
    let mut out = Vec::new();
    while i + 8 <= p.len() {
        let len = u32::from_be_bytes([p[i], p[i + 1], p[i + 2], p[i + 3]]) as usize;
        out.push(String::from_utf8_lossy(&p[i + 4..i + 8]).into_owned());
        i += 12 + len;
    }
    out
}

/// Width and height of an image file.
pub fn dims(bytes: &[u8]) -> (u32, u32) {
    image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .expect("format")
        .into_dimensions()
        .expect("dimensions")
}
