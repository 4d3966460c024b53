//! A builder for fixture sites in temporary folders.
#![allow(dead_code, unreachable_pub)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The fixed build clock of the tests.
pub const NOW: &str = "2026-11-20T10:00:00+08:00";

pub const SITE_YAML: &str = "title: 测试站\nbase_url: https://kepu.example.org/\ntimezone: Asia/Shanghai\ntowns:\n  - { id: xianlong, name: 仙龙镇, kind: town, communities: [仙龙村, 新房子村] }\n  - { id: zhongshanlu, name: 中山路街道, kind: street, communities: [和平社区] }\n";

pub struct SiteTest {
    pub dir: tempfile::TempDir,
}

impl SiteTest {
    /// A site with `SITE_YAML`, the minimal theme (`tests/fixtures/mini-theme`)
    /// and no content.
    pub fn new() -> Self {
        let t = SiteTest {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        t.write("site.yaml", SITE_YAML);
        copy_dir(&fixture("mini-theme"), &t.path().join("themes/default"));
        t
    }

    /// A site using the repository's real default theme.
    pub fn with_real_theme() -> Self {
        let t = SiteTest {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        t.write("site.yaml", SITE_YAML);
        copy_dir(&repo().join("themes/default"), &t.path().join("themes/default"));
        t
    }

    /// Copies the fixture site `tests/fixtures/<name>` (its `site.yaml`,
    /// content and any other files) over this one.
    pub fn with_fixture(self, name: &str) -> Self {
        let from = fixture(name);
        assert!(from.is_dir(), "no fixture {}", from.display());
        copy_dir(&from, self.path());
        self
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file under the site.
    pub fn write(&self, rel: &str, text: &str) -> &Self {
        self.write_bytes(rel, text.as_bytes())
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) -> &Self {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, bytes).expect("write");
        self
    }

    /// A page with front matter `fm` (without fences) and `body`.
    pub fn page(&self, rel: &str, fm: &str, body: &str) -> &Self {
        self.write(&format!("content/{rel}"), &format!("---\n{fm}\n---\n{body}"))
    }

    /// Runs the kepu binary in the site with `args`, its messages in
    /// English (`KEPU_LANG=en`).
    pub fn kepu(&self, args: &[&str]) -> Output {
        self.kepu_in("en", args)
    }

    /// Runs the kepu binary in the site with `args` and `KEPU_LANG=lang`
    /// (`""`: the site's own language).
    pub fn kepu_in(&self, lang: &str, args: &[&str]) -> Output {
        let mut c = Command::new(env!("CARGO_BIN_EXE_kepu"));
        c.current_dir(self.path()).args(args).env_remove("KEPU_LANG");
        if !lang.is_empty() {
            c.env("KEPU_LANG", lang);
        }
        c.output().expect("run kepu")
    }

    /// `kepu build --now NOW`, asserting success; returns stderr.
    pub fn build_ok(&self) -> String {
        let out = self.kepu(&["build", "--now", NOW]);
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(out.status.success(), "build failed:\n{err}");
        err
    }

    /// `kepu build --now NOW`, asserting failure; returns stderr.
    pub fn build_err(&self) -> String {
        let out = self.kepu(&["build", "--now", NOW]);
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(!out.status.success(), "build should have failed:\n{err}");
        err
    }

    /// Reads a file of the output.
    pub fn read(&self, rel: &str) -> String {
        let p = self.path().join("public").join(rel);
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path().join("public").join(rel).exists()
    }
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture folder, `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from).into_iter().flatten() {
        let rel = e.path().strip_prefix(from).expect("prefix");
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
        } else if e.file_type().is_file() {
            std::fs::copy(e.path(), &dest).expect("copy");
        }
    }
}

/// Every file under a folder with its bytes, for comparing builds.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut v: Vec<_> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).expect("prefix").to_path_buf(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    v.sort();
    v
}

/// True when xmllint is installed.
pub fn have_xmllint() -> bool {
    Command::new("xmllint").arg("--version").output().is_ok()
}

/// A program or package an external suite runs.
#[derive(Debug, Clone, Copy)]
pub enum Tool {
    /// `xmllint` (libxml2-utils): schema checks of feeds, sitemap, CAP.
    Xmllint,
    /// Java (default-jre-headless), for the Nu HTML checker.
    Java,
    /// Node.js, for the browser suite and the search script.
    Node,
    /// The npm packages of package.json (Playwright, the Nu checker).
    NodeModules,
    /// Debian's chromium.
    Chromium,
    /// `wrk`, the HTTP load generator.
    Wrk,
    /// `cargo fuzz`.
    CargoFuzz,
}

impl Tool {
    fn name(self) -> &'static str {
        match self {
            Tool::Xmllint => "xmllint",
            Tool::Java => "java",
            Tool::Node => "node",
            Tool::NodeModules => "node_modules (npm ci)",
            Tool::Chromium => "chromium",
            Tool::Wrk => "wrk",
            Tool::CargoFuzz => "cargo-fuzz",
        }
    }

    fn present(self) -> bool {
        let runs = |cmd: &str, arg: &str| Command::new(cmd).arg(arg).output().is_ok_and(|o| o.status.success());
        match self {
            Tool::Xmllint => runs("xmllint", "--version"),
            Tool::Java => runs("java", "-version"),
            Tool::Node => runs("node", "--version"),
            Tool::NodeModules => {
                repo().join("node_modules/playwright-core/package.json").is_file()
                    && repo().join("node_modules/vnu-jar/build/dist/vnu.jar").is_file()
            }
            Tool::Chromium => {
                let path = std::env::var("KEPU_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
                Path::new(&path).is_file()
            }
            Tool::Wrk => runs("wrk", "--version") || Command::new("wrk").output().is_ok(),
            Tool::CargoFuzz => Command::new("cargo")
                .args(["fuzz", "--version"])
                .output()
                .is_ok_and(|o| o.status.success()),
        }
    }
}

/// The command that installs what the external suites need and runs every
/// test.
pub const SETUP: &str = "bash tests/run.sh";

/// True when every tool of `tools` is installed. Otherwise the suite
/// `what` is skipped with one line naming what is missing and the setup
/// command (written past the test harness's capture, so `cargo test`
/// shows it); under `CI=true` a skip is a failure.
pub fn ready(what: &str, tools: &[Tool]) -> bool {
    let missing: Vec<&str> = tools.iter().filter(|t| !t.present()).map(|t| t.name()).collect();
    if missing.is_empty() {
        return true;
    }
    let line = format!(
        "skipped {what}: {} not installed; `{SETUP}` installs it and runs every test",
        missing.join(", ")
    );
    if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
        panic!("{line} (CI=true: a skipped suite is a failure)");
    }
    static SAID: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
    let mut said = SAID.lock().unwrap_or_else(|e| e.into_inner());
    if !said.contains(&line) {
        use std::io::Write;
        let _ = writeln!(std::io::stderr().lock(), "{line}");
        said.push(line);
    }
    false
}

/// Validates `file` against a schema of ../shared/schemas with xmllint.
/// (Passes, saying so once, where xmllint is not installed.)
pub fn xmllint(file: &Path, schema: &str) -> (bool, String) {
    if !ready("the XML schema checks", &[Tool::Xmllint]) {
        return (true, String::new());
    }
    let schema = repo().join("../shared/schemas").join(schema);
    let flag = if schema.extension().is_some_and(|e| e == "rng") {
        "--relaxng"
    } else {
        "--schema"
    };
    let out = Command::new("xmllint")
        .args(["--noout", "--nonet", flag])
        .arg(&schema)
        .arg(file)
        .output()
        .expect("run xmllint");
    (out.status.success(), String::from_utf8_lossy(&out.stderr).to_string())
}
