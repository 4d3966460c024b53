//! Running `kepu serve` in tests: start it on a free port over a site,
//! talk HTTP to 127.0.0.1 over a plain TcpStream, read live-reload events,
//! compare the served site with a fresh build. Every wait is bounded and
//! the server is killed when the handle drops.
#![allow(dead_code, unreachable_pub)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::common::NOW;

/// A running `kepu serve`.
pub struct Server {
    child: Child,
    /// The port it listens on.
    pub port: u16,
    log: Arc<Mutex<String>>,
}

impl Server {
    /// Starts `kepu serve --port 0 --now NOW` in `site`, plus `args`.
    pub fn start(site: &Path, args: &[&str]) -> Server {
        let mut all = vec!["serve", "--port", "0", "--now", NOW];
        all.extend_from_slice(args);
        Self::start_raw(site, &all)
    }

    /// Starts `kepu` with exactly `args`, its messages in English
    /// (`KEPU_LANG=en`), and waits until it serves.
    pub fn start_raw(site: &Path, args: &[&str]) -> Server {
        Self::start_in("en", site, args)
    }

    /// Starts `kepu` with exactly `args` and `KEPU_LANG=lang` (`""`: the
    /// site's own language), and waits until it serves.
    pub fn start_in(lang: &str, site: &Path, args: &[&str]) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kepu"));
        command.env_remove("KEPU_LANG");
        if !lang.is_empty() {
            command.env("KEPU_LANG", lang);
        }
        let mut child = command
            .current_dir(site)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start kepu serve");
        let log = Arc::new(Mutex::new(String::new()));
        let stderr = child.stderr.take().expect("stderr");
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let mut l = sink.lock().unwrap_or_else(|e| e.into_inner());
                l.push_str(&line);
                l.push('\n');
            }
        });
        let mut server = Server { child, port: 0, log };
        let deadline = Instant::now() + Duration::from_secs(90);
        while Instant::now() < deadline {
            if let Some(port) = serving_port(&server.log()) {
                server.port = port;
                return server;
            }
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("kepu serve exited ({status}):\n{}", server.log());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("kepu serve did not start:\n{}", server.log());
    }

    /// Everything it printed so far.
    pub fn log(&self) -> String {
        self.log.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Waits until the log holds `needle` `count` times.
    pub fn wait_log(&self, needle: &str, count: usize, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if self.log().matches(needle).count() >= count {
                return true;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        false
    }

    /// `GET path` (sent as written).
    pub fn get(&self, path: &str) -> Resp {
        request(self.port, &format!("GET {path} HTTP/1.1"))
    }

    /// The body of `GET path` as text, asserting status 200.
    pub fn text(&self, path: &str) -> String {
        let r = self.get(path);
        assert_eq!(r.status, 200, "GET {path}: {}", r.text());
        r.text()
    }

    /// Opens the live-reload stream and reads its `hello`.
    pub fn live(&self) -> Live {
        let mut live = Live::open(self.port);
        let hello = live.next(Duration::from_secs(10));
        assert!(matches!(&hello, Some((e, _)) if e == "hello"), "no hello: {hello:?}");
        live
    }

    /// Sends SIGINT (Ctrl-C) and waits for the exit.
    pub fn interrupt(mut self) -> (ExitStatus, String) {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-INT", &pid]).status().expect("kill");
        assert!(sent.success());
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                std::thread::sleep(Duration::from_millis(50));
                return (status, self.log());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("kepu serve did not stop on SIGINT:\n{}", self.log());
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serving_port(log: &str) -> Option<u16> {
    // "Serving at http://…" in English, "预览地址：http://…" in Chinese.
    let at = "http://127.0.0.1:";
    let line = log
        .lines()
        .find(|l| (l.starts_with("Serving at ") || l.starts_with("预览地址：")) && l.contains(at))?;
    let rest = &line[line.find(at)? + at.len()..];
    rest.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

/// An HTTP response.
#[derive(Debug, Clone)]
pub struct Resp {
    /// Status code.
    pub status: u16,
    /// Headers, names lower-cased.
    pub headers: Vec<(String, String)>,
    /// Body.
    pub body: Vec<u8>,
}

impl Resp {
    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).to_string()
    }
}

/// Sends one request line (`GET /x HTTP/1.1`) to 127.0.0.1:`port`.
pub fn request(port: u16, line: &str) -> Resp {
    request_for(port, line, &format!("127.0.0.1:{port}"))
}

/// Sends one request line to 127.0.0.1:`port` with `Host: host`.
pub fn request_for(port: u16, line: &str, host: &str) -> Resp {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(120))).expect("timeout");
    write!(s, "{line}\r\nHost: {host}\r\nConnection: close\r\n\r\n").expect("send");
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    parse(&raw)
}

fn parse(raw: &[u8]) -> Resp {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or(raw.len());
    let head = String::from_utf8_lossy(&raw[..end]).to_string();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw.get(end + 4..).unwrap_or(&[]).to_vec();
    if headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"))
    {
        body = dechunk(&body);
    }
    Resp { status, headers, body }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(i) = b.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&b[..i]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&b[i + 2..(i + 2 + size).min(b.len())]);
        b = b.get(i + 2 + size + 2..).unwrap_or(&[]);
    }
    out
}

/// A live-reload event stream.
pub struct Live {
    reader: BufReader<TcpStream>,
}

impl Live {
    fn open(port: u16) -> Live {
        let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        write!(
            s,
            "GET /__kepu/live HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        )
        .expect("send");
        let mut reader = BufReader::new(s);
        let mut line = String::new();
        reader
            .get_ref()
            .set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
            if line == "\r\n" {
                break;
            }
            line.clear();
        }
        Live { reader }
    }

    /// The next event (name, data) within `timeout`.
    pub fn next(&mut self, timeout: Duration) -> Option<(String, String)> {
        let deadline = Instant::now() + timeout;
        let (mut event, mut data) = (String::new(), String::new());
        while Instant::now() < deadline {
            let left = deadline
                .saturating_duration_since(Instant::now())
                .max(Duration::from_millis(1));
            self.reader.get_ref().set_read_timeout(Some(left)).ok()?;
            let mut line = String::new();
            match self.reader.read_line(&mut line) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(_) => return None,
            }
            // Chunk-size lines of the chunked stream look like bare hex.
            let l = line.trim_end();
            if let Some(v) = l.strip_prefix("event:") {
                event = v.trim().to_string();
            } else if let Some(v) = l.strip_prefix("data:") {
                data = v.trim().to_string();
            } else if l.is_empty() && !event.is_empty() {
                return Some((event, data));
            }
        }
        None
    }

    /// Waits for an event named `name`; returns its data.
    pub fn wait(&mut self, name: &str, timeout: Duration) -> Option<String> {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            match self.next(deadline.saturating_duration_since(Instant::now())) {
                Some((e, d)) if e == name => return Some(d),
                Some(_) => {}
                None => return None,
            }
        }
        None
    }
}

/// `html` without the injected live-reload script.
pub fn strip_live(html: &[u8]) -> Vec<u8> {
    let start = b"<script data-kepu-live>";
    let Some(i) = html.windows(start.len()).position(|w| w == start) else {
        return html.to_vec();
    };
    let end = b"</script>";
    let Some(j) = html[i..].windows(end.len()).position(|w| w == end) else {
        return html.to_vec();
    };
    let mut out = html[..i].to_vec();
    out.extend_from_slice(&html[i + j + end.len()..]);
    out
}

/// Percent-encodes a site path for a request line.
pub fn encode(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Asserts that what `server` serves is byte for byte a fresh
/// `kepu build --drafts` of `site` with the same clock and base URL (a
/// preview shows the drafts).
pub fn assert_same_as_build(site: &Path, server: &Server) {
    let out = tempfile::tempdir().expect("temp dir");
    let base = format!("http://127.0.0.1:{}/", server.port);
    let built = Command::new(env!("CARGO_BIN_EXE_kepu"))
        .current_dir(site)
        .args(["build", "--drafts", "--now", NOW, "--base-url", &base, "-o"])
        .arg(out.path().join("site"))
        .output()
        .expect("kepu build");
    assert!(
        built.status.success(),
        "fresh build failed:\n{}\nserver log:\n{}",
        String::from_utf8_lossy(&built.stderr),
        server.log()
    );
    let dir = out.path().join("site");
    let mut want: Vec<String> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| Some(e.path().strip_prefix(&dir).ok()?.to_string_lossy().replace('\\', "/")))
        .filter(|p| p != ".kepu-output")
        .collect();
    want.sort();
    let listed = server.text("/__kepu/files");
    let got: Vec<String> = listed.lines().map(String::from).collect();
    let missing: Vec<&String> = want.iter().filter(|p| !got.contains(p)).collect();
    let extra: Vec<&String> = got.iter().filter(|p| !want.contains(p)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "served files differ from a build: missing {missing:?}, extra {extra:?}\n{}",
        server.log()
    );
    for path in &want {
        let r = server.get(&format!("/{}", encode(path)));
        assert_eq!(r.status, 200, "/{path}");
        let bytes = std::fs::read(dir.join(path)).expect("read built file");
        let body = match path.ends_with(".html") {
            true => strip_live(&r.body),
            false => r.body,
        };
        if body != bytes {
            panic!(
                "/{path} differs from a fresh build\n--- served\n{}\n--- built\n{}\n--- log\n{}",
                String::from_utf8_lossy(&body),
                String::from_utf8_lossy(&bytes),
                server.log()
            );
        }
    }
}
