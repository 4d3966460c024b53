//! `kepu serve` under load while its site is edited.
//!
//! 1. Serve a small site on a free loopback port.
//! 2. Load it with `wrk` (50 connections, 20 seconds, 127.0.0.1 only; .ci/run
//!    installs it) cycling over a page under edit, its list, the home page
//!    and a quiet page. A Lua check looks at every response: its status, and
//!    the version markers of the page under edit, which must all be the same
//!    version within one response (no page mixed from old and new).
//! 3. Meanwhile rewrite that page every 100 ms with a new version, every
//!    fifth write broken (serve must survive it and keep serving).
//! 4. No socket errors, no status but 200, no mixed response; the server
//!    ends up serving the last good version.

use crate::support::common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::{NOW, SiteTest};

const LUA: &str = r#"
local paths = { "/articles/live/", "/articles/", "/", "/articles/p01/" }
local n = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) checked = 0; marked = 0; mixed = 0; bad = 0; example = "" end
function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
function response(status, headers, body)
  checked = checked + 1
  if status ~= 200 then bad = bad + 1 end
  local first = nil
  for v in string.gmatch(body, "ver%-(%d+)%-") do
    if first == nil then first = v; marked = marked + 1 elseif v ~= first then
      mixed = mixed + 1
      example = first .. "/" .. v
      break
    end
  end
end
function done(summary, latency, requests)
  local c, k, m, b, e = 0, 0, 0, 0, ""
  for _, t in ipairs(threads) do
    c = c + t:get("checked"); k = k + t:get("marked"); m = m + t:get("mixed"); b = b + t:get("bad")
    if t:get("example") ~= "" then e = t:get("example") end
  end
  io.write(string.format("CHECKED %d MARKED %d MIXED %d BAD %d EXAMPLE %s\n", c, k, m, b, e))
end
"#;

/// The body of `GET path` from `base` (`http://127.0.0.1:PORT`), or "".
fn get(base: &str, path: &str) -> String {
    use std::io::{Read, Write};
    let addr = base.trim_start_matches("http://");
    let Ok(mut s) = std::net::TcpStream::connect(addr) else {
        return String::new();
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
    let _ = write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).to_string()
}

fn live_page(version: usize) -> String {
    format!(
        "title: 第ver-{version}-t篇\ndate: 2026-11-02\n---\nver-{version}-a 开头。\n\n{}\n\n结尾 ver-{version}-b。\n",
        "正文。".repeat(200)
    )
}

#[test]
fn serve_keeps_answering_whole_pages_while_files_change() {
    if !common::ready("the serve load test", &[common::Tool::Wrk]) {
        return;
    }
    let t = SiteTest::new();
    for i in 0..30 {
        t.page(
            &format!("articles/p{i:02}.md"),
            &format!("title: 第{i}篇\ndate: 2026-10-{:02}", i + 1),
            "正文。\n",
        );
    }
    let live = t.path().join("content/articles/live.md");
    std::fs::write(&live, format!("---\n{}", live_page(0))).expect("write");
    let mut server = Command::new(env!("CARGO_BIN_EXE_kepu"))
        .current_dir(t.path())
        .env("KEPU_LANG", "en")
        .args(["serve", "--port", "0", "--now", NOW])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start kepu serve");
    let mut lines = BufReader::new(server.stderr.take().expect("stderr")).lines();
    let url = loop {
        let Some(Ok(line)) = lines.next() else {
            let _ = server.kill();
            panic!("kepu serve ended before serving");
        };
        if let Some(rest) = line.strip_prefix("Serving at ") {
            let url = rest.split_whitespace().next().unwrap_or("").to_string();
            let base = url
                .find("://")
                .and_then(|i| url[i + 3..].find('/').map(|j| url[..i + 3 + j].to_string()));
            break base.unwrap_or(url);
        }
    };
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    // Keep draining the server's messages so it never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines.by_ref() {});

    let lua = t.path().join("check.lua");
    std::fs::write(&lua, LUA).expect("lua");
    let stop = std::sync::Arc::new(AtomicBool::new(false));
    let editor = {
        let stop = stop.clone();
        let live = live.clone();
        std::thread::spawn(move || {
            let mut version = 0;
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(100));
                version += 1;
                let text = if version % 5 == 0 {
                    "---\ntitle: [broken\n---\n".to_string()
                } else {
                    format!("---\n{}", live_page(version))
                };
                // Written in place, as editors do (not renamed into place).
                std::fs::write(&live, text).expect("edit");
            }
            let last = if version % 5 == 0 { version + 1 } else { version };
            std::fs::write(&live, format!("---\n{}", live_page(last))).expect("edit");
            last
        })
    };
    let start = Instant::now();
    let wrk = Command::new("wrk")
        .args(["-t2", "-c50", "-d20s", "--timeout", "5s", "-s"])
        .arg(&lua)
        .arg(format!("{url}/"))
        .output()
        .expect("run wrk");
    stop.store(true, Ordering::Relaxed);
    let last = editor.join().expect("editor");
    let report = String::from_utf8_lossy(&wrk.stdout).to_string();
    let wrk_err = String::from_utf8_lossy(&wrk.stderr).to_string();

    // The last good version is served once the rebuild settles.
    let mut served = String::new();
    while start.elapsed() < Duration::from_secs(60) {
        served = get(&url, "/articles/live/");
        if served.contains(&format!("ver-{last}-b")) {
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let _ = server.kill();
    let _ = server.wait();

    assert!(wrk.status.success(), "{report}\n{wrk_err}");
    assert!(!report.contains("Socket errors"), "{report}");
    assert!(!report.contains("Non-2xx"), "{report}");
    let numbers: Vec<usize> = report
        .lines()
        .find(|l| l.starts_with("CHECKED"))
        .map(|l| l.split_whitespace().filter_map(|w| w.parse().ok()).collect())
        .unwrap_or_default();
    let [checked, marked, mixed, bad] = numbers[..] else {
        panic!("no check summary in:\n{report}")
    };
    eprintln!("{report}");
    assert!(checked > 1000, "only {checked} responses:\n{report}");
    assert!(
        marked > checked / 8,
        "too few responses of the page under edit:\n{report}"
    );
    assert_eq!(bad, 0, "{report}");
    assert_eq!(mixed, 0, "responses mixing two versions:\n{report}");
    assert!(served.contains(&format!("ver-{last}-b")), "version {last} never served");
}
