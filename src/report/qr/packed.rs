//! A symbol of at most 64 modules a side as bit rows, masked the way
//! [`Canvas::apply_mask`] masks it, eight masks in a few microseconds.

use qrcode::canvas::{Canvas, Module};

/// The format information of error correction M with each of the eight
/// masks, 15 bits with their BCH code (ISO/IEC 18004, table C.1).
const FORMAT_M: [u16; 8] = [0x5412, 0x5125, 0x5e7c, 0x5b4b, 0x45f9, 0x40ce, 0x4f97, 0x4aa0];

/// Where the 15 format bits go, most significant first, once beside the
/// top-left finder and once split between the other two (a negative
/// coordinate counts from the far side).
const FORMAT_AT: [[(i16, i16); 15]; 2] = [
    [
        (0, 8),
        (1, 8),
        (2, 8),
        (3, 8),
        (4, 8),
        (5, 8),
        (7, 8),
        (8, 8),
        (8, 7),
        (8, 5),
        (8, 4),
        (8, 3),
        (8, 2),
        (8, 1),
        (8, 0),
    ],
    [
        (8, -1),
        (8, -2),
        (8, -3),
        (8, -4),
        (8, -5),
        (8, -6),
        (8, -7),
        (-8, 8),
        (-7, 8),
        (-6, 8),
        (-5, 8),
        (-4, 8),
        (-3, 8),
        (-2, 8),
        (-1, 8),
    ],
];

/// Whether mask `mask` (in the order of [`super::MASKS`]) inverts module (x, y).
fn inverts(mask: usize, x: usize, y: usize) -> bool {
    match mask {
        0 => (x + y).is_multiple_of(2),
        1 => y.is_multiple_of(2),
        2 => x.is_multiple_of(3),
        3 => (x + y).is_multiple_of(3),
        4 => (y / 2 + x / 3).is_multiple_of(2),
        5 => (x * y) % 2 + (x * y) % 3 == 0,
        6 => ((x * y) % 2 + (x * y) % 3).is_multiple_of(2),
        _ => ((x + y) % 2 + (x * y) % 3).is_multiple_of(2),
    }
}

/// An unmasked symbol of at most 64 modules a side, as bit rows (module
/// `x` of a row is bit `x`): its dark modules and which modules hold data
/// (the ones a mask inverts).
pub(super) struct Packed {
    width: usize,
    dark: Vec<u64>,
    data: Vec<u64>,
}

impl Packed {
    pub(super) fn of(canvas: &Canvas, width: usize) -> Packed {
        let mut dark = vec![0u64; width];
        let mut data = vec![0u64; width];
        for y in 0..width {
            for x in 0..width {
                let module = canvas.get(x as i16, y as i16);
                dark[y] |= u64::from(module.is_dark()) << x;
                let is_data = matches!(module, Module::Unmasked(_) | Module::Empty);
                data[y] |= u64::from(is_data) << x;
            }
        }
        Packed { width, dark, data }
    }

    /// The symbol with mask `mask` and its format information, as
    /// [`Canvas::apply_mask`] draws it.
    pub(super) fn masked(&self, mask: usize) -> Vec<u64> {
        let w = self.width;
        // Every mask repeats every six modules along a row: draw six, repeat
        // them (one bit in every six of REPEAT) across the row.
        const REPEAT: u64 = 0x1041_0410_4104_1041;
        let full = if w >= 64 { u64::MAX } else { (1u64 << w) - 1 };
        let mut rows: Vec<u64> = (0..w)
            .map(|y| {
                let six = (0..6).fold(0u64, |acc, x| acc | u64::from(inverts(mask, x, y)) << x);
                let pattern = six.wrapping_mul(REPEAT) & full;
                self.dark[y] ^ (pattern & self.data[y])
            })
            .collect();
        let format = FORMAT_M[mask];
        let at = |c: i16| if c < 0 { (c + w as i16) as usize } else { c as usize };
        for coords in &FORMAT_AT {
            for (i, &(x, y)) in coords.iter().enumerate() {
                let (x, y) = (at(x), at(y));
                let bit = u64::from(format >> (14 - i) & 1);
                rows[y] = rows[y] & !(1 << x) | bit << x;
            }
        }
        rows
    }
}
