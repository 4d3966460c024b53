//! QR codes as inline SVG: the `qrcode` crate encodes, this module picks the
//! mask (the eight masks scored by the standard's four penalty rules, on a
//! flat module array, which is much faster than the crate's own scoring)
//! and draws one `<path>` with a four-module quiet zone and a text
//! alternative.

use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{EcLevel, Version};

mod packed;
mod penalty;
#[cfg(test)]
mod tests;

use packed::Packed;
use penalty::{penalty, penalty_rows};

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
    if width <= 64 {
        let symbol = Packed::of(&canvas, width);
        let rows = (0..MASKS.len())
            .map(|mask| symbol.masked(mask))
            .min_by_key(|rows| penalty_rows(rows, width))
            .ok_or_else(|| format!("cannot make a QR code of '{text}'"))?;
        let dark = (0..width * width)
            .map(|i| rows[i / width] >> (i % width) & 1 == 1)
            .collect();
        return Ok(Matrix { width, dark });
    }
    MASKS
        .iter()
        .map(|&mask| {
            let mut c = canvas.clone();
            c.apply_mask(mask);
            let dark: Vec<bool> = c.into_colors().into_iter().map(|m| m == qrcode::Color::Dark).collect();
            (penalty(&dark, width), dark)
        })
        .min_by_key(|(score, _)| *score)
        .map(|(_, dark)| Matrix { width, dark })
        .ok_or_else(|| format!("cannot make a QR code of '{text}'"))
}

/// An SVG of the code of `text`, labelled `label` for screen readers. Each
/// row of dark modules is drawn as strokes one module wide along the row's
/// middle (`M4 4.5h7m2 0h1`: seven modules from x = 4, two light, one dark).
pub fn svg(text: &str, label: &str) -> Result<String, String> {
    let m = encode(text)?;
    let size = m.width + 2 * QUIET;
    let mut path = String::with_capacity(m.dark.len());
    let mut number = itoa::Buffer::new();
    for (y, row) in m.dark.chunks_exact(m.width.max(1)).enumerate() {
        // Where the pen is in this row, once a run has been drawn.
        let mut pen = None;
        let mut x = 0;
        while x < row.len() {
            if !row[x] {
                x += 1;
                continue;
            }
            let start = x;
            while x < row.len() && row[x] {
                x += 1;
            }
            match pen {
                None => {
                    path.push('M');
                    path.push_str(number.format(start + QUIET));
                    path.push(' ');
                    path.push_str(number.format(y + QUIET));
                    path.push_str(".5");
                }
                Some(end) => {
                    path.push('m');
                    path.push_str(number.format(start - end));
                    path.push_str(" 0");
                }
            }
            path.push('h');
            path.push_str(number.format(x - start));
            pen = Some(x);
        }
    }
    let label = crate::escape::xml_escape(label);
    Ok(format!(
        "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{label}\" shape-rendering=\"crispEdges\"><title>{label}</title><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"none\" stroke=\"#000\" d=\"{path}\"/></svg>"
    ))
}
