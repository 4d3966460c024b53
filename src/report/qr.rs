//! QR codes as inline SVG: the `qrcode` crate encodes, this module draws
//! one `<path>` with a four-module quiet zone and a text alternative.

use std::fmt::Write as _;

use qrcode::{EcLevel, QrCode};

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

/// Encodes `text` with error correction M.
pub fn encode(text: &str) -> Result<Matrix, String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| format!("cannot make a QR code of '{text}': {e}"))?;
    Ok(Matrix {
        width: code.width(),
        dark: code.to_colors().into_iter().map(|c| c == qrcode::Color::Dark).collect(),
    })
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
    let label = crate::render::builtins::xml_escape(label);
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
}
