//! How long each step of a rebuild took, printed when `KEPU_SERVE_TIMING`
//! is set (for profiling, never in normal use).

/// Prints how long each step of a rebuild took, when `KEPU_SERVE_TIMING`
/// is set (for profiling, never in normal use).
pub(super) struct Laps(Option<(std::time::Instant, Vec<(&'static str, u128)>)>);

impl Laps {
    pub(super) fn start() -> Self {
        Laps(std::env::var_os("KEPU_SERVE_TIMING").map(|_| (std::time::Instant::now(), Vec::new())))
    }

    pub(super) fn lap(&mut self, name: &'static str) {
        if let Some((t, laps)) = &mut self.0 {
            laps.push((name, t.elapsed().as_micros()));
            *t = std::time::Instant::now();
        }
    }

    pub(super) fn print(&self, what: &str) {
        if let Some((_, laps)) = &self.0 {
            let shown: Vec<String> = laps
                .iter()
                .map(|(n, us)| format!("{n} {:.1}", *us as f64 / 1000.0))
                .collect();
            eprintln!("[timing] {what}: {} ms", shown.join(", "));
        }
    }
}
