//! Faults while writing: a build that fails midway leaves the previous site
//! intact and no temporary folders behind; two builds at once never
//! interleave.
//!
//! 1. A template error on page 900 of 1,000.
//! 2. The disk full: a 1 MiB tmpfs, mounted in a user and mount namespace
//!    (`unshare`); skipped with a message where namespaces are not allowed.
//! 3. A read-only output folder (a read-only bind mount, so that it holds
//!    even for root), likewise in a namespace.
//! 4. Permission denied: an unreadable bundle asset and an unwritable
//!    output parent (as an unprivileged user: `setpriv` when run as root).
//! 5. The process killed in the middle of writing, and in the middle of
//!    its swap: the next build recovers.
//! 6. Two builds at once: the second is refused while the first holds the
//!    output folder's lock, and racing builds never mix their files.

use crate::support::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{NOW, SiteTest, snapshot};

/// Names in `dir` that a build must not leave behind.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().to_string())
                .filter(|n| n.contains(".kepu-"))
                .collect()
        })
        .unwrap_or_default()
}

fn site_with_pages(n: usize) -> SiteTest {
    let t = SiteTest::new();
    for i in 0..n {
        t.page(
            &format!("articles/p{i:04}.md"),
            &format!("title: 第{i}篇\ndate: 2026-10-{:02}", i % 28 + 1),
            &format!("正文 {i}。\n\n## 小节\n\n更多内容。\n"),
        );
    }
    t
}

/// A shell command line with `args` quoted.
fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// Runs `script` as root of a new user and mount namespace; `None` where
/// the system does not allow that (the test is then skipped, saying so).
fn in_namespace(script: &str) -> Option<std::process::Output> {
    let probe = Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "sh", "-c"])
        .arg("d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs \"$d\" && umount \"$d\"; r=$?; rmdir \"$d\"; exit $r")
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: this system does not let tests mount in a user namespace (unshare -rm)");
        return None;
    }
    Some(
        Command::new("unshare")
            .args(["--user", "--map-root-user", "--mount", "sh", "-c", script])
            .output()
            .expect("unshare"),
    )
}

// 1 ------------------------------------------------------------------------

#[test]
fn a_template_error_on_page_900_of_1000_keeps_the_old_site() {
    let t = site_with_pages(1000);
    t.write(
        "templates/broken.html",
        "<p>{{ page.title }}</p>{{ page.no_such_field.deeper }}",
    );
    t.build_ok();
    let before = snapshot(&t.path().join("public"));
    assert!(before.len() > 1000);
    t.page(
        "articles/p0899.md",
        "title: 第899篇\ndate: 2026-10-03\ntemplate: broken.html",
        "正文。\n",
    );
    let err = t.build_err();
    assert!(err.contains("templates/broken.html:1:"), "{err}");
    assert!(
        err.contains("Build failed; the output folder was left as it was."),
        "{err}"
    );
    assert_eq!(before, snapshot(&t.path().join("public")), "the old site changed");
    assert!(leftovers(t.path()).is_empty(), "{:?}", leftovers(t.path()));
}

// 2 ------------------------------------------------------------------------

#[test]
fn a_full_disk_keeps_the_old_site() {
    let t = site_with_pages(20);
    t.write_bytes("static/big.bin", &vec![7u8; 300 * 1024]);
    let disk = tempfile::tempdir().expect("tmp");
    // Where the failing build's messages go: a folder of this test's own.
    let scratch = tempfile::tempdir().expect("tmp");
    let out = disk.path().join("public");
    let kepu = env!("CARGO_BIN_EXE_kepu");
    let build = format!(
        "{} build --root {} -o {} --now {NOW}",
        sh_quote(kepu),
        sh_quote(&t.path().display().to_string()),
        sh_quote(&out.display().to_string())
    );
    // Mount, build once (fits), list; grow the site past the disk, build
    // again (fails), list again. A listing is "size path" per file.
    let list = format!(
        "cd {} && find . -type f -exec wc -c {{}} + | sort; echo; ls -A {}",
        sh_quote(&out.display().to_string()),
        sh_quote(&disk.path().display().to_string())
    );
    let script = format!(
        "set -e; mount -t tmpfs -o size=1m tmpfs {disk}; {build} >/dev/null 2>&1; {list}; echo ====; \
         head -c 700000 /dev/zero > {big}; if {build} 2>{err}; then echo BUILT; fi; {list}; echo ====; cat {err}",
        disk = sh_quote(&disk.path().display().to_string()),
        big = sh_quote(&t.path().join("static/bigger.bin").display().to_string()),
        err = sh_quote(&scratch.path().join("err").display().to_string()),
    );
    let Some(run) = in_namespace(&script) else { return };
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let parts: Vec<&str> = stdout.split("====\n").collect();
    assert_eq!(parts.len(), 3, "{stdout}");
    assert!(
        !parts[1].contains("BUILT"),
        "the second build should not fit:\n{stdout}"
    );
    assert!(
        parts[0].contains("./static/big.bin") || parts[0].contains("./big.bin"),
        "{stdout}"
    );
    assert_eq!(
        parts[0], parts[1],
        "the old site changed or temporary folders were left"
    );
    assert!(parts[2].contains("No space left on device"), "{}", parts[2]);
}

// 3 ------------------------------------------------------------------------

#[test]
fn a_read_only_output_folder_keeps_the_old_site() {
    let t = site_with_pages(5);
    let disk = tempfile::tempdir().expect("tmp");
    // Where the failing build's messages go: a folder of this test's own.
    let scratch = tempfile::tempdir().expect("tmp");
    let out = disk.path().join("public");
    let kepu = env!("CARGO_BIN_EXE_kepu");
    let build = format!(
        "{} build --root {} -o {} --now {NOW}",
        sh_quote(kepu),
        sh_quote(&t.path().display().to_string()),
        sh_quote(&out.display().to_string())
    );
    let d = sh_quote(&disk.path().display().to_string());
    let err = sh_quote(&scratch.path().join("err").display().to_string());
    let script = format!(
        "set -e; {build} >/dev/null 2>&1; ls -AR {d}; echo ====; \
         mount --bind {d} {d}; mount -o remount,ro,bind {d}; \
         if {build} 2>{err}; then echo BUILT; fi; ls -AR {d}; echo ====; cat {err}"
    );
    let Some(run) = in_namespace(&script) else { return };
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let parts: Vec<&str> = stdout.split("====\n").collect();
    assert_eq!(parts.len(), 3, "{stdout}");
    assert!(!parts[1].contains("BUILT"), "{stdout}");
    assert_eq!(parts[0], parts[1]);
    assert!(parts[2].contains("Read-only file system"), "{}", parts[2]);
}

// 4 ------------------------------------------------------------------------

/// Runs kepu as an unprivileged user when the tests run as root (root reads
/// and writes past file modes); `None` if that is not possible.
fn kepu_unprivileged(t: &SiteTest, args: &[&str]) -> Option<std::process::Output> {
    let root = Command::new("id").arg("-u").output().ok()?;
    let is_root = String::from_utf8_lossy(&root.stdout).trim() == "0";
    let mut cmd = if is_root {
        if Command::new("setpriv").arg("--version").output().is_err() {
            return None;
        }
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all"])
            .arg(env!("CARGO_BIN_EXE_kepu"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_kepu"))
    };
    // Messages in English, as `SiteTest::kepu` reads them.
    cmd.env("KEPU_LANG", "en");
    Some(cmd.current_dir(t.path()).args(args).output().expect("run kepu"))
}

fn chown_nobody(dir: &Path) {
    let _ = Command::new("chown").args(["-R", "65534:65534"]).arg(dir).status();
    let _ = Command::new("chmod").args(["755"]).arg(dir).status();
}

#[test]
fn permission_denied_keeps_the_old_site() {
    let t = site_with_pages(50);
    t.page("articles/b/index.md", "title: b", "x\n");
    t.write("content/articles/b/notes.txt", "notes");
    chown_nobody(t.path());
    let Some(first) = kepu_unprivileged(&t, &["build", "--now", NOW]) else {
        eprintln!("skipped: running as root without setpriv");
        return;
    };
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let before = snapshot(&t.path().join("public"));

    // An asset that cannot be read: the copy fails midway.
    let photo = t.path().join("content/articles/b/notes.txt");
    std::fs::set_permissions(&photo, std::os::unix::fs::PermissionsExt::from_mode(0o000)).expect("chmod");
    let out = kepu_unprivileged(&t, &["build", "--now", NOW]).expect("ran before");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("Permission denied"), "{err}");
    assert!(err.contains("content/articles/b/notes.txt"), "{err}");
    assert_eq!(before, snapshot(&t.path().join("public")));
    assert!(leftovers(t.path()).is_empty(), "{:?}", leftovers(t.path()));
    std::fs::set_permissions(&photo, std::os::unix::fs::PermissionsExt::from_mode(0o644)).expect("chmod");

    // An output parent that cannot be written.
    let parent = t.path().join("locked");
    std::fs::create_dir(&parent).expect("mkdir");
    std::fs::set_permissions(&parent, std::os::unix::fs::PermissionsExt::from_mode(0o555)).expect("chmod");
    let out = kepu_unprivileged(&t, &["build", "--now", NOW, "-o", "locked/public"]).expect("ran before");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("Permission denied"), "{err}");
    assert!(std::fs::read_dir(&parent).expect("ls").next().is_none());
}

// 5 ------------------------------------------------------------------------

#[test]
fn a_build_killed_midway_is_recovered_by_the_next() {
    let t = site_with_pages(1500);
    t.build_ok();
    let before = snapshot(&t.path().join("public"));
    t.page("articles/p0000.md", "title: 改过\ndate: 2026-10-01", "新的正文。\n");
    // Kill the build as soon as its staging folder appears.
    let mut child = Command::new(env!("CARGO_BIN_EXE_kepu"))
        .current_dir(t.path())
        .args(["build", "--now", NOW])
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let start = Instant::now();
    let mut killed = false;
    while start.elapsed() < Duration::from_secs(120) {
        if leftovers(t.path()).iter().any(|n| n.contains("kepu-new")) {
            let _ = child.kill();
            killed = true;
            break;
        }
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let _ = child.wait();
    eprintln!("killed midway: {killed}");
    if killed {
        assert_eq!(
            before,
            snapshot(&t.path().join("public")),
            "a killed build changed the site"
        );
    }
    t.build_ok();
    assert!(t.read("articles/p0000/index.html").contains("新的正文"));
    assert!(leftovers(t.path()).is_empty(), "{:?}", leftovers(t.path()));

    // Killed between moving the old site aside and moving the new one in:
    // the output folder is missing, the old one waits beside it.
    let before = snapshot(&t.path().join("public"));
    let aside = t.path().join(".public.kepu-old-1-1");
    std::fs::rename(t.path().join("public"), &aside).expect("rename");
    t.write("templates/broken.html", "{{ page.no_such_field.deeper }}");
    t.page("articles/p0001.md", "title: x\ntemplate: broken.html", "x\n");
    t.build_err();
    assert_eq!(
        before,
        snapshot(&t.path().join("public")),
        "the old site was not put back"
    );
    assert!(leftovers(t.path()).is_empty(), "{:?}", leftovers(t.path()));
}

// 6 ------------------------------------------------------------------------

#[test]
fn a_second_build_is_refused_while_the_first_writes() {
    let t = site_with_pages(3);
    t.build_ok();
    let before = snapshot(&t.path().join("public"));
    let out: PathBuf = t.path().join("public");
    let held = kepu::output::lock::OutputLock::acquire(&out).expect("lock");
    let run = t.kepu(&["build", "--now", NOW]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(
        err.contains(&format!(
            "another kepu process (pid {}) is building into ",
            std::process::id()
        )) && err.contains("public; wait until it has finished, then build again"),
        "{err}"
    );
    assert_eq!(before, snapshot(&out));
    drop(held);
    t.build_ok();
    assert!(leftovers(t.path()).is_empty(), "{:?}", leftovers(t.path()));
}

#[test]
fn racing_builds_never_mix() {
    let t = site_with_pages(300);
    t.build_ok();
    let reference = snapshot(&t.path().join("public"));
    for round in 0..4 {
        let spawn = || {
            Command::new(env!("CARGO_BIN_EXE_kepu"))
                .current_dir(t.path())
                .env("KEPU_LANG", "en")
                .args(["build", "--now", NOW])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn")
        };
        let (a, b) = (spawn(), spawn());
        let mut ok = 0;
        for child in [a, b] {
            let out = child.wait_with_output().expect("wait");
            let err = String::from_utf8_lossy(&out.stderr);
            if out.status.success() {
                ok += 1;
            } else {
                assert!(err.contains("is building into"), "round {round}: {err}");
            }
        }
        assert!(ok >= 1, "round {round}: neither build succeeded");
        assert_eq!(reference, snapshot(&t.path().join("public")), "round {round}");
        assert!(
            leftovers(t.path()).is_empty(),
            "round {round}: {:?}",
            leftovers(t.path())
        );
    }
}

// 7 ------------------------------------------------------------------------

/// Number of files under `dir` (following no links).
fn count_files(dir: &Path) -> usize {
    walk(dir).len()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let t = e.file_type().expect("type");
        if t.is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

#[test]
fn a_symlinked_output_folder_keeps_its_target() {
    let t = site_with_pages(20);
    t.build_ok();
    let public = t.path().join("public");
    let real = t.path().join("real");
    let files = count_files(&public);
    assert!(files > 20, "{files}");
    std::fs::rename(&public, &real).expect("mv");
    std::os::unix::fs::symlink(&real, &public).expect("ln -s");
    t.page("articles/p0000.md", "title: 改过\ndate: 2026-10-01", "链接之后。\n");
    t.build_ok();
    assert!(
        std::fs::symlink_metadata(&public)
            .expect("lstat")
            .file_type()
            .is_symlink(),
        "the link was replaced by a folder"
    );
    assert_eq!(count_files(&real), files, "the link's target lost files");
    assert!(
        std::fs::read_to_string(real.join("articles/p0000/index.html"))
            .expect("page")
            .contains("链接之后")
    );
    assert!(leftovers(t.path()).is_empty(), "{:?}", leftovers(t.path()));

    // A link to an empty folder: the site is written into that folder.
    let empty = t.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    let linked = t.path().join("linked");
    std::os::unix::fs::symlink(&empty, &linked).expect("ln -s");
    let out = t.kepu(&["build", "--now", NOW, "-o", linked.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        std::fs::symlink_metadata(&linked)
            .expect("lstat")
            .file_type()
            .is_symlink()
    );
    assert_eq!(count_files(&empty), files);

    // A link that leads nowhere is refused and left alone.
    let dangling = t.path().join("dangling");
    std::os::unix::fs::symlink(t.path().join("nowhere"), &dangling).expect("ln -s");
    let out = t.kepu(&["build", "--now", NOW, "-o", dangling.to_str().expect("utf-8")]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("link"), "{err}");
    assert!(
        std::fs::symlink_metadata(&dangling)
            .expect("lstat")
            .file_type()
            .is_symlink()
    );
}

#[test]
fn builds_killed_at_any_moment_leave_nothing_after_the_next() {
    let t = site_with_pages(400);
    t.build_ok();
    let start = Instant::now();
    t.build_ok();
    let span = start.elapsed().as_micros().max(1000) as u64;
    // Kill 20 builds at spread-out moments of a build's life, the swap and
    // the deletion of the old site included.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..20u64 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let at = Duration::from_micros((span * (i % 10 + 1) / 10 + seed % (span / 10 + 1)).min(span * 11 / 10));
        t.page(
            &format!("articles/p{:04}.md", i),
            &format!("title: 第{i}次\ndate: 2026-10-01"),
            &format!("第{i}次。\n"),
        );
        let mut child = Command::new(env!("CARGO_BIN_EXE_kepu"))
            .current_dir(t.path())
            .args(["build", "--now", NOW])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(at);
        let _ = child.kill();
        let _ = child.wait();
    }
    t.build_ok();
    assert!(leftovers(t.path()).is_empty(), "{:?}", leftovers(t.path()));
    assert!(t.read("articles/p0019/index.html").contains("第19次"));
}

#[test]
fn files_kepu_did_not_write_are_named_before_they_go() {
    let t = site_with_pages(3);
    t.write("static/CNAME", "kepu.example.org\n");
    t.build_ok();
    t.write("public/HOSTED", "by hand\n");
    t.write("public/.git/config", "[core]\n");
    let out = t.kepu(&["build", "--now", NOW]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("HOSTED") && err.contains(".git"), "{err}");
    assert!(err.contains("static/"), "{err}");
    assert!(!err.contains("CNAME in the output"), "CNAME comes from static/: {err}");
    assert!(!t.exists("HOSTED"));
    assert!(t.exists("CNAME"));
}

/// Theme, template, static and data folders and files that kepu cannot
/// read are errors naming them, never a site built without them.
#[test]
fn unreadable_theme_static_and_data_are_errors_naming_the_path() {
    use std::os::unix::fs::PermissionsExt;
    let t = SiteTest::with_real_theme();
    t.page("articles/a.md", "title: a\ndate: 2026-11-01", "x\n");
    t.write("static/robots-extra.txt", "x\n");
    t.write("data/plan.yaml", "[]\n");
    t.write("templates/extra.html", "x\n");
    chown_nobody(t.path());
    let Some(first) = kepu_unprivileged(&t, &["build", "--now", NOW]) else {
        eprintln!("skipped: running as root without setpriv");
        return;
    };
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let before = snapshot(&t.path().join("public"));
    for (rel, mode) in [
        ("themes/default/static/css", 0o000),
        ("themes/default/static/css/kepu.css", 0o000),
        ("themes/default/templates/article.html", 0o000),
        ("themes/default/templates", 0o000),
        ("themes/default", 0o000),
        ("static", 0o000),
        ("static/robots-extra.txt", 0o000),
        ("data", 0o000),
        ("data/plan.yaml", 0o000),
    ] {
        let path = t.path().join(rel);
        let was = std::fs::metadata(&path).expect("stat").permissions().mode();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).expect("chmod");
        let out = kepu_unprivileged(&t, &["build", "--now", NOW]).expect("ran before");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(was)).expect("chmod back");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{rel}: the build passed:\n{err}");
        assert!(err.contains("cannot read"), "{rel}: {err}");
        assert!(err.contains(rel), "{rel} not named: {err}");
        assert!(!err.contains("cannot write"), "{rel}: {err}");
        assert_eq!(before, snapshot(&t.path().join("public")), "{rel}: the site changed");
    }
}
