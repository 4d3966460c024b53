//! Times the share QR code of an article page: COUNT codes of distinct
//! page addresses, as a build makes them, one after another on one core.
//!
//!     cargo run --release --example bench_qr -- [COUNT]

use std::time::Instant;

fn main() {
    let count: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let urls: Vec<String> = (0..count)
        .map(|i| format!("https://kepu.example.org/articles/2026/ke-pu-wen-zhang-{i:05}/"))
        .collect();
    let start = Instant::now();
    let mut bytes = 0;
    for u in &urls {
        bytes += kepu::report::qr::svg(u, "本页二维码").map(|s| s.len()).unwrap_or(0);
    }
    let took = start.elapsed();
    println!(
        "{count} codes in {:.0} ms: {:.1} µs a code, {} bytes of SVG a code",
        took.as_secs_f64() * 1e3,
        took.as_secs_f64() * 1e6 / count as f64,
        bytes / count.max(1)
    );
}
