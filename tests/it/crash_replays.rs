//! Every input that fuzzing found a bug with, replayed through the same
//! harness the fuzz targets use (`fuzz/harness/mod.rs`).
//!
//! 1. Each file under `fuzz/regressions/TARGET/` is run through
//!    `harness::TARGET`, which panics if what must hold does not.
//! 2. Each run must also finish in a few seconds (hangs and timeouts are
//!    findings too).
//!
//! The files are named after the bug; `fuzz/README.md` lists them.

#[path = "../../fuzz/harness/mod.rs"]
mod harness;

use std::path::Path;
use std::time::{Duration, Instant};

fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_none_or(|e| e != "md"))
        .collect();
    files.sort();
    for file in files {
        let data = std::fs::read(&file).expect("read regression input");
        let start = Instant::now();
        run(&data);
        // Debug builds are slow; the fuzzer's own limit is 10 s in release.
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{} took {:?}",
            file.display(),
            start.elapsed()
        );
    }
}

#[test]
fn front_matter_regressions() {
    replay("front_matter", harness::front_matter);
}

#[test]
fn markdown_regressions() {
    replay("markdown", harness::markdown);
}

#[test]
fn site_yaml_regressions() {
    replay("site_yaml", harness::site_yaml);
}

#[test]
fn site_regressions() {
    replay("site", harness::site);
}

/// Sites of fuzz/regressions/site build (or fail) as expected, so the
/// harness itself is known to reach both ends.
#[test]
fn site_harness_accepts_its_seeds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/site");
    for (name, builds) in [
        ("markup-links-bundle-and-emergency", true),
        ("symlinks-out-of-site", true),
        ("escape-policy-and-bad-template-name", false),
    ] {
        let data = std::fs::read(dir.join(name)).expect("regression input");
        assert_eq!(harness::site_built(&data), Some(builds), "{name}");
    }
    let files = harness::site_files(b"intro\n>>> content/a.md\nA\n>>> ../x\nno\n>>> static/l -> /etc\n");
    assert_eq!(
        files,
        vec![
            harness::SiteFile::File("content/articles/fuzz.md".into(), b"intro\n".to_vec()),
            harness::SiteFile::File("content/a.md".into(), b"A\n".to_vec()),
            harness::SiteFile::Link("static/l".into(), "/etc".into()),
        ]
    );
}
