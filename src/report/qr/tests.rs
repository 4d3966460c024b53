use super::packed::Packed;
use super::penalty::{penalty, penalty_bits, transpose};
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
fn the_dark_share_counts_in_whole_steps_of_five_percent() {
    use super::penalty::balance;
    // 200 of 441 is 45.35 %: within 5 % of one half, no points.
    assert_eq!(balance(200, 441), 0);
    // 198 of 441 is 44.90 %: one step away.
    assert_eq!(balance(198, 441), 10);
    assert_eq!(balance(441, 441), 100);
    assert_eq!(balance(0, 441), 100);
    assert_eq!(balance(241, 441), 0);
}

#[test]
fn long_addresses_make_large_codes_that_decode() {
    // Past 64 modules a side (version 12 and up), the reference scorer picks
    // the mask.
    let url = format!("https://kepu.example.org/articles/{}/", "zhong-shu-ji-jiu-".repeat(17));
    let m = encode(&url).unwrap();
    assert!(m.width > 64, "{} modules", m.width);
    assert_eq!(decode(&m), url);
}

#[test]
fn transpose_swaps_rows_and_columns() {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut a = [0u64; 64];
    for word in &mut a {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        *word = seed;
    }
    let mut t = a;
    transpose(&mut t);
    for (y, row) in a.iter().enumerate() {
        for (x, col) in t.iter().enumerate() {
            assert_eq!(row >> x & 1, col >> y & 1, "row {y}, column {x}");
        }
    }
}

#[test]
fn packed_masks_are_the_crates_masks() {
    // Versions 1 to 11 (21 to 61 modules), every mask.
    for len in [5, 20, 40, 60, 90, 120, 150, 180, 210, 240] {
        let text = "https://kepu.example.org/".repeat(len / 25 + 1)[..len].to_string();
        let bits = qrcode::bits::encode_auto(text.as_bytes(), EcLevel::M).unwrap();
        let version = bits.version();
        let (data, ec) = qrcode::ec::construct_codewords(&bits.into_bytes(), version, EcLevel::M).unwrap();
        let mut canvas = Canvas::new(version, EcLevel::M);
        canvas.draw_all_functional_patterns();
        canvas.draw_data(&data, &ec);
        let w = usize::try_from(version.width()).unwrap();
        let packed = Packed::of(&canvas, w);
        for (i, &mask) in MASKS.iter().enumerate() {
            let mut c = canvas.clone();
            c.apply_mask(mask);
            let want: Vec<bool> = c.into_colors().into_iter().map(|m| m == qrcode::Color::Dark).collect();
            let rows = packed.masked(i);
            let got: Vec<bool> = (0..w * w).map(|k| rows[k / w] >> (k % w) & 1 == 1).collect();
            assert_eq!(got, want, "{w} modules, mask {i}");
        }
    }
}

/// Reads the modules back out of [`svg`]'s path.
fn modules_of(svg: &str, width: usize) -> Vec<bool> {
    let d = svg.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
    let mut dark = vec![false; width * width];
    let (mut x, mut y) = (0usize, 0usize);
    let mut rest = d;
    while !rest.is_empty() {
        let cmd = rest.as_bytes()[0];
        let end = rest[1..].find(['M', 'm', 'h']).map_or(rest.len(), |i| i + 1);
        let args: Vec<f64> = rest[1..end].split(' ').map(|a| a.parse().unwrap()).collect();
        match cmd {
            b'M' => (x, y) = (args[0] as usize, args[1] as usize),
            b'm' => x += args[0] as usize,
            _ => {
                for i in x..x + args[0] as usize {
                    dark[(y - QUIET) * width + i - QUIET] = true;
                }
                x += args[0] as usize;
            }
        }
        rest = &rest[end..];
    }
    dark
}

#[test]
fn svg_draws_every_dark_module() {
    for url in [
        "https://a/",
        "https://kepu.example.org/articles/2026/zhong-shu-ji-jiu-zhi-shi/",
    ] {
        let m = encode(url).unwrap();
        assert_eq!(modules_of(&svg(url, "码").unwrap(), m.width), m.dark, "{url}");
    }
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
        s.contains("d=\"M4 4.5h7m"),
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
