//! Runs the browser tests (`node --test tests/browser/`) as part of
//! `cargo test`, with this build's kepu binary in `KEPU_BIN`.
//!
//! They need Node, the npm packages of package.json (`npm ci
//! --ignore-scripts`) and Debian's chromium (`apt-get install chromium`);
//! without one the suite is skipped with a line naming `bash tests/run.sh`
//! (a failure under `CI=true`).

use std::process::Command;

#[path = "it/support/common.rs"]
mod common;

#[test]
fn browser_tests_pass() {
    use common::Tool;
    if !common::ready("the browser suite", &[Tool::Node, Tool::NodeModules, Tool::Chromium]) {
        return;
    }
    let repo = common::repo();
    let chromium = std::env::var("KEPU_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let out = Command::new("node")
        .args(["--test", "tests/browser/"])
        .current_dir(&repo)
        .env("KEPU_BIN", env!("CARGO_BIN_EXE_kepu"))
        .env("KEPU_CHROMIUM", &chromium)
        .output()
        .unwrap_or_else(|e| panic!("cannot run node (apt-get install -y nodejs npm): {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "node --test tests/browser/ failed:\n{stdout}\n{stderr}"
    );
    let summary: Vec<&str> = stdout.lines().filter(|l| l.starts_with("# ")).collect();
    eprintln!("browser tests: {}", summary.join(" · "));
}
