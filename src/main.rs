//! The `kepu` command: parses arguments and hands them to the library.

use clap::Parser;

fn main() {
    let cli = kepu::cli::Cli::parse();
    std::process::exit(kepu::cli::run(cli));
}
