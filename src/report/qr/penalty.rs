//! The mask penalty of ISO/IEC 18004, 7.8.3: the reference on a module
//! array, and the same score on bit rows.

/// [`penalty`] for symbols of at most 64 modules a side, on rows and
/// columns packed as bits (module `x` of a line is bit `x`): the same
/// score, several times faster.
#[cfg(test)]
pub(super) fn penalty_bits(dark: &[bool], w: usize) -> u32 {
    let rows: Vec<u64> = (0..w)
        .map(|y| (0..w).fold(0u64, |acc, x| acc | u64::from(dark[y * w + x]) << x))
        .collect();
    penalty_rows(&rows, w)
}

/// Transposes a 64 × 64 bit matrix in place: bit x of word y becomes bit
/// y of word x (blocks swapped in halves, quarters, … as in Hacker's
/// Delight, 7–3).
pub(super) fn transpose(a: &mut [u64; 64]) {
    let mut j = 32;
    let mut m = 0x0000_0000_ffff_ffffu64;
    while j != 0 {
        let mut k = 0;
        while k < 64 {
            let t = ((a[k] >> j) ^ a[k + j]) & m;
            a[k] ^= t << j;
            a[k + j] ^= t;
            k = (k + j + 1) & !j;
        }
        j >>= 1;
        m ^= m << j;
    }
}

/// [`penalty`] of a symbol given as bit rows (at most 64 modules a side).
pub(super) fn penalty_rows(rows: &[u64], w: usize) -> u32 {
    let mut cols = [0u64; 64];
    cols[..w].copy_from_slice(&rows[..w]);
    transpose(&mut cols);
    let cols = &cols[..w];
    let full = if w == 64 { u64::MAX } else { (1u64 << w) - 1 };
    // Positions where a 1:1:3:1:1 pattern of seven modules can start.
    let starts = match w {
        0..=6 => 0,
        _ => full >> 6,
    };
    // Places i that have a module i + 1 in the line.
    let pairs = full >> 1;
    let mut score = 0u32;
    const CORE: u64 = 0b1011101;
    for &line in rows.iter().chain(cols) {
        // Rule 1: a run of n ≥ 5 modules of one colour scores n - 2. In
        // `same` (module i is the colour of module i + 1) the run is n - 1
        // set bits: n - 4 places where four set bits start, one of them
        // where the run starts.
        let same = !(line ^ (line >> 1)) & pairs;
        let four = same & same >> 1 & same >> 2 & same >> 3;
        let first = four & !(same << 1);
        score += four.count_ones() + 2 * first.count_ones();
        // Rule 3: 1:1:3:1:1 with four light modules before or after, the
        // quiet zone outside the symbol being light; all starts at once.
        let mut hits = starts;
        for k in 0..7 {
            let shifted = line >> k;
            hits &= match CORE >> k & 1 {
                1 => shifted,
                _ => !shifted,
            };
        }
        if hits != 0 {
            // Light modules, moved up four places with light on both sides.
            let light = (u128::from(!line & full) << 4) | 0xf | (u128::MAX << (w + 4));
            let four = light & light >> 1 & light >> 2 & light >> 3;
            let beside = (four | four >> 11) as u64;
            score += 40 * (hits & beside).count_ones();
        }
    }
    // Rule 2: 2×2 blocks of one colour.
    for y in 0..w.saturating_sub(1) {
        let (a, b) = (rows[y], rows[y + 1]);
        let same = !(a ^ (a >> 1)) & !(b ^ (b >> 1)) & !(a ^ b) & pairs;
        score += 3 * same.count_ones();
    }
    // Rule 4.
    let total = (w * w).max(1) as u32;
    let dark_count: u32 = rows.iter().map(|r| (r & full).count_ones()).sum();
    score + balance(dark_count, total)
}

/// Rule 4: ten points for each full 5 % step the dark share lies away from
/// 50 % (45.3 % is within the first step: no points).
pub(super) fn balance(dark: u32, total: u32) -> u32 {
    (2 * dark).abs_diff(total) * 10 / total.max(1) * 10
}

/// The penalty of a masked symbol (ISO/IEC 18004, 7.8.3): runs of five or
/// more modules of one colour, 2×2 blocks of one colour, finder-like
/// 1:1:3:1:1 patterns beside four light modules, and the distance of the
/// dark share from one half.
pub(super) fn penalty(dark: &[bool], w: usize) -> u32 {
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
    score + balance(dark_count, total)
}
