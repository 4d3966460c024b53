//! QR codes as inline SVG: the `qrcode` crate encodes, this module picks the
//! mask (the eight masks scored by the standard's four penalty rules, on a
//! flat module array, which is much faster than the crate's own scoring)
//! and draws one `<path>` with a four-module quiet zone and a text
//! alternative.

use std::fmt::Write as _;

use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{EcLevel, Version};

/// Modules of quiet zone around the code (the standard asks for four).
pub const QUIET: usize = 4;

/// An encoded code: `width × width` modules, dark = true, row by row.
#[derive(Debug, Clone)]
pub struct Matrix {
    /// Modules per side, without the quiet zone.
    pub width: usize,
    /// The modules.
    pub dark: Vec<bool>,
}

/// The eight masks of a (normal) QR code.
const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// Encodes `text` with error correction M and the mask of least penalty.
pub fn encode(text: &str) -> Result<Matrix, String> {
    let fail = |e: qrcode::types::QrError| format!("cannot make a QR code of '{text}': {e}");
    let bits = qrcode::bits::encode_auto(text.as_bytes(), EcLevel::M).map_err(fail)?;
    let version = bits.version();
    let Version::Normal(_) = version else {
        return Err(format!("cannot make a QR code of '{text}': not a normal QR version"));
    };
    let (data, ec) = qrcode::ec::construct_codewords(&bits.into_bytes(), version, EcLevel::M).map_err(fail)?;
    let mut canvas = Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    let width = usize::try_from(version.width()).unwrap_or(0);
    MASKS
        .iter()
        .map(|&mask| {
            let mut c = canvas.clone();
            c.apply_mask(mask);
            let dark: Vec<bool> = c.into_colors().into_iter().map(|m| m == qrcode::Color::Dark).collect();
            let score = match width <= 64 {
                true => penalty_bits(&dark, width),
                false => penalty(&dark, width),
            };
            (score, dark)
        })
        .min_by_key(|(score, _)| *score)
        .map(|(_, dark)| Matrix { width, dark })
        .ok_or_else(|| format!("cannot make a QR code of '{text}'"))
}

/// [`penalty`] for symbols of at most 64 modules a side, on rows and
/// columns packed as bits (module `x` of a line is bit `x`): the same
/// score, several times faster.
fn penalty_bits(dark: &[bool], w: usize) -> u32 {
    let mut rows = [0u64; 64];
    let mut cols = [0u64; 64];
    for y in 0..w {
        for x in 0..w {
            if dark[y * w + x] {
                rows[y] |= 1 << x;
                cols[x] |= 1 << y;
            }
        }
    }
    let (rows, cols) = (&rows[..w], &cols[..w]);
    let full = if w == 64 { u64::MAX } else { (1u64 << w) - 1 };
    let low = |n: usize| if n >= 64 { u64::MAX } else { (1u64 << n) - 1 };
    let mut score = 0u32;
    const CORE: u64 = 0b1011101;
    for &line in rows.iter().chain(cols) {
        // Rule 1: runs of five or more, found between colour changes.
        let mut start = 0;
        while start < w {
            let rest = line >> start;
            let same = match rest & 1 {
                1 => !rest,
                _ => rest,
            };
            let run = (same.trailing_zeros() as usize).min(w - start);
            if run >= 5 {
                score += 3 + run as u32 - 5;
            }
            start += run;
        }
        // Rule 3: 1:1:3:1:1 with four light modules before or after.
        for j in 0..w.saturating_sub(6) {
            if (line >> j) & 0x7f == CORE {
                let from = j.saturating_sub(4);
                let before = (line >> from) & low(j - from) == 0;
                let after_len = (j + 11).min(w) - (j + 7);
                let after = line.checked_shr((j + 7) as u32).unwrap_or(0) & low(after_len) == 0;
                if before || after {
                    score += 40;
                }
            }
        }
    }
    // Rule 2: 2×2 blocks of one colour.
    let pairs = full >> 1;
    for y in 0..w.saturating_sub(1) {
        let (a, b) = (rows[y], rows[y + 1]);
        let same = !(a ^ (a >> 1)) & !(b ^ (b >> 1)) & !(a ^ b) & pairs;
        score += 3 * same.count_ones();
    }
    // Rule 4.
    let total = (w * w).max(1) as u32;
    let dark_count: u32 = rows.iter().map(|r| (r & full).count_ones()).sum();
    let percent = dark_count * 100 / total;
    score + percent.abs_diff(50) / 5 * 10
}

/// The penalty of a masked symbol (ISO/IEC 18004, 7.8.3): runs of five or
/// more modules of one colour, 2×2 blocks of one colour, finder-like
/// 1:1:3:1:1 patterns beside four light modules, and the distance of the
/// dark share from one half.
fn penalty(dark: &[bool], w: usize) -> u32 {
    let at = |x: usize, y: usize| dark[y * w + x];
    let columns: Vec<bool> = (0..w * w).map(|i| at(i / w, i % w)).collect();
    let mut score = 0u32;
    // Rules 1 and 3, on rows and on columns (rows of the transposed array).
    const CORE: [bool; 7] = [true, false, true, true, true, false, true];
    for lines in [dark, columns.as_slice()] {
        for line in lines.chunks_exact(w.max(1)) {
            let mut run = 1u32;
            for j in 1..=w {
                if j < w && line[j] == line[j - 1] {
                    run += 1;
                    continue;
                }
                if run >= 5 {
                    score += 3 + run - 5;
                }
                run = 1;
            }
            // 1:1:3:1:1 with four light modules before or after (outside
            // the symbol is the light quiet zone).
            for j in 0..w.saturating_sub(6) {
                if line[j..j + 7] == CORE {
                    let before = line[j.saturating_sub(4)..j].iter().all(|&d| !d);
                    let after = line[j + 7..(j + 11).min(w)].iter().all(|&d| !d);
                    if before || after {
                        score += 40;
                    }
                }
            }
        }
    }
    // Rule 2.
    for y in 0..w.saturating_sub(1) {
        for x in 0..w.saturating_sub(1) {
            let c = at(x, y);
            if at(x + 1, y) == c && at(x, y + 1) == c && at(x + 1, y + 1) == c {
                score += 3;
            }
        }
    }
    // Rule 4.
    let total = dark.len().max(1) as u32;
    let dark_count = dark.iter().filter(|&&d| d).count() as u32;
    let percent = dark_count * 100 / total;
    score + percent.abs_diff(50) / 5 * 10
}

/// An SVG of the code of `text`, labelled `label` for screen readers.
pub fn svg(text: &str, label: &str) -> Result<String, String> {
    let m = encode(text)?;
    let size = m.width + 2 * QUIET;
    let mut path = String::with_capacity(m.dark.len() * 4);
    for y in 0..m.width {
        let mut x = 0;
        while x < m.width {
            if m.dark[y * m.width + x] {
                let start = x;
                while x < m.width && m.dark[y * m.width + x] {
                    x += 1;
                }
                let _ = write!(path, "M{} {}h{}v1h-{}z", start + QUIET, y + QUIET, x - start, x - start);
            } else {
                x += 1;
            }
        }
    }
    let label = crate::escape::xml_escape(label);
    Ok(format!(
        "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{label}\" shape-rendering=\"crispEdges\"><title>{label}</title><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes a matrix with rqrr, drawing each module as 4×4 pixels.
    fn decode(m: &Matrix) -> String {
        let scale = 4;
        let size = (m.width + 2 * QUIET) * scale;
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| {
            let (mx, my) = (
                (x / scale) as isize - QUIET as isize,
                (y / scale) as isize - QUIET as isize,
            );
            let inside = mx >= 0 && my >= 0 && (mx as usize) < m.width && (my as usize) < m.width;
            if inside && m.dark[my as usize * m.width + mx as usize] {
                0
            } else {
                255
            }
        });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1);
        grids[0].decode().unwrap().1
    }

    #[test]
    fn codes_decode_to_their_url() {
        let url = "https://kepu.example.org/articles/zhong-shu-ji-jiu/";
        assert_eq!(decode(&encode(url).unwrap()), url);
    }

    #[test]
    fn svg_has_a_quiet_zone_and_a_title() {
        let s = svg("https://kepu.example.org/boards/a/", "本页二维码 <x>").unwrap();
        let m = encode("https://kepu.example.org/boards/a/").unwrap();
        let n = m.width + 2 * QUIET;
        assert!(s.contains(&format!("viewBox=\"0 0 {n} {n}\"")));
        assert!(s.contains("<title>本页二维码 &lt;x&gt;</title>"));
        assert!(
            s.contains("M4 4h7v1h-7z"),
            "the finder pattern starts at the quiet zone: {s}"
        );
    }

    #[test]
    fn packed_penalties_are_the_same_scores() {
        // A simple generator: the same pseudo-random symbols every run.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for w in [21, 25, 33, 45, 57, 64] {
            for density in [2, 3, 8] {
                let dark: Vec<bool> = (0..w * w).map(|_| next() % density == 0).collect();
                assert_eq!(penalty_bits(&dark, w), penalty(&dark, w), "width {w}");
            }
            assert_eq!(penalty_bits(&vec![true; w * w], w), penalty(&vec![true; w * w], w));
            assert_eq!(penalty_bits(&vec![false; w * w], w), penalty(&vec![false; w * w], w));
        }
        let m = encode("https://kepu.example.org/articles/zhong-shu-ji-jiu/").unwrap();
        assert_eq!(penalty_bits(&m.dark, m.width), penalty(&m.dark, m.width));
    }

    #[test]
    fn penalties_follow_the_standard_rules() {
        let w = 21;
        let all_dark = vec![true; w * w];
        // Rule 1: 21 rows and 21 columns, each one run of 21 (3 + 16);
        // rule 2: 20 × 20 blocks; rule 4: 100 % dark, (100 - 50) / 5 × 10.
        assert_eq!(penalty(&all_dark, w), 42 * 19 + 400 * 3 + 100);
        let checker: Vec<bool> = (0..w * w).map(|i| (i % w + i / w) % 2 == 0).collect();
        assert_eq!(penalty(&checker, w), 0);
        // One finder-like pattern in the first row, light around it.
        let mut finder = checker.clone();
        finder[..w].fill(false);
        for (k, d) in [true, false, true, true, true, false, true].into_iter().enumerate() {
            finder[7 + k] = d;
        }
        assert!(penalty(&finder, w) >= 40);
    }
}
