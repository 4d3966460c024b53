//! The `kepu` command: parses arguments and hands them to the library.

use clap::Parser;

/// jemalloc: rendering allocates many small strings on every thread, and
/// jemalloc does it with less CPU than the system allocator (about 10 % of a
/// build) at a similar peak (`.cargo/config.toml` sets one arena per CPU).
#[cfg(not(windows))]
#[global_allocator]
static ALLOC: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let cli = kepu::cli::Cli::parse();
    std::process::exit(kepu::cli::run(cli));
}
