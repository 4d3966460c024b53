//! The smoke run of the fuzz targets: `SMOKE=1 fuzz/run-all.sh 5`.
//!
//! 1. Builds the four targets with cargo-fuzz (stable Rust with
//!    RUSTC_BOOTSTRAP=1, see fuzz/run.sh) in fuzz/target.
//! 2. Runs each for 5 seconds, two at a time, starting from the inputs of
//!    fuzz/regressions/TARGET, without touching the committed corpus.
//!
//! Without cargo-fuzz it is skipped with a line naming `bash tests/run.sh`
//! (a failure under `CI=true`); it fails if any target finds something. The long runs are `fuzz/run-all.sh 1800`.

#[path = "it/support/common.rs"]
mod common;

use std::path::Path;
use std::process::Command;

#[test]
fn every_fuzz_target_builds_and_runs() {
    if !common::ready("the fuzz smoke run", &[common::Tool::CargoFuzz]) {
        return;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/run-all.sh");
    let out = Command::new("bash")
        .arg(&script)
        .arg("5")
        .env("SMOKE", "1")
        .env("NICE", "0")
        // The outer `cargo test` must not leak its build settings into the
        // fuzz build (it has its own target folder and flags).
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_BUILD_TARGET")
        .output()
        .expect("run fuzz/run-all.sh");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the fuzz smoke run failed (install cargo-fuzz with `cargo install cargo-fuzz --locked`):\n{stdout}\n{stderr}"
    );
    for target in ["front_matter", "markdown", "site_yaml", "site"] {
        assert!(stdout.contains(&format!("{target}: ok")), "{stdout}");
    }
}
