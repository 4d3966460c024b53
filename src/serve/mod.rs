//! `kepu serve`: the site in memory, served, watched and rebuilt.
//!
//! 1. Bind the port (the next free one if it is taken) and build the whole
//!    site into memory with the base URL of that port ([`incremental`]).
//!    Nothing is ever written to the output folder.
//! 2. Watch the site's files ([`watch`]); a rebuild thread ([`worker`])
//!    gathers events, rebuilds only what they touched and swaps the new
//!    files into the [`Store`] it shares with the server.
//! 3. Serve every request from the store ([`http`]), with the
//!    live-reload script ([`livereload`]) and, after a failed rebuild, the
//!    error overlay ([`overlay`]) in each HTML page.
//! 4. Ctrl-C ends the event streams, stops the rebuild thread and returns.

pub mod baseline;
pub mod dirty;
pub mod host;
pub mod http;
pub mod incremental;
pub mod livereload;
pub mod mime;
pub mod near;
pub mod overlay;
pub mod patch;
pub mod plan;
pub mod record;
pub mod request_path;
pub mod run;
pub mod store;
pub mod watch;
pub mod worker;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Sender};
use std::time::Instant;

use tokio::sync::{broadcast, oneshot};

use crate::i18n::Lang;
use crate::site::BuildOptions;
use incremental::{Engine, Rebuilt, Want};
use livereload::Signal;
pub use store::Store;
use worker::Command;

/// What `kepu serve` was asked.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Site, drafts, clock; `base_url` when given.
    pub build: BuildOptions,
    /// Address to listen on.
    pub bind: IpAddr,
    /// First port to try (0: any free port).
    pub port: u16,
    /// Open a browser.
    pub open: bool,
}

/// Why the server could not run.
#[derive(Debug)]
pub enum ServeError {
    /// The site folder does not exist.
    Root {
        /// The folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// No port could be bound.
    Bind {
        /// Address and port tried last.
        addr: SocketAddr,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file watcher could not start.
    Watch(notify::Error),
    /// The async runtime could not start or serve.
    Runtime(std::io::Error),
}

impl ServeError {
    /// The error as printed in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            ServeError::Root { path, source } => format!("{}: {source}", path.display()),
            ServeError::Bind { addr, source } => crate::text!("serve.bind", addr.to_string(), source).in_lang(lang),
            ServeError::Watch(e) => crate::text!("serve.watch", e.to_string()).in_lang(lang),
            ServeError::Runtime(e) => crate::text!("serve.runtime", e).in_lang(lang),
        }
    }
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl std::error::Error for ServeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ServeError::Root { source, .. } | ServeError::Bind { source, .. } => Some(source),
            ServeError::Watch(e) => Some(e),
            ServeError::Runtime(e) => Some(e),
        }
    }
}

impl From<notify::Error> for ServeError {
    fn from(e: notify::Error) -> Self {
        ServeError::Watch(e)
    }
}

impl From<std::io::Error> for ServeError {
    fn from(e: std::io::Error) -> Self {
        ServeError::Runtime(e)
    }
}

/// What the HTTP side and the rebuild thread share.
pub struct State {
    /// The site.
    pub store: Arc<Store>,
    /// Live-reload signals to every browser.
    pub signals: broadcast::Sender<Signal>,
    commands: Sender<Command>,
    /// `/` or `/sub/`: where the site lives on this server.
    pub base_path: String,
    /// The site folder (absolute, links resolved): copied files are served
    /// only from inside it.
    pub root: PathBuf,
    /// The `Host` values answered.
    pub hosts: host::Allowed,
    /// The language of the terminal lines, the overlay and the server's
    /// own pages.
    pub lang: Lang,
}

impl State {
    /// Asks the rebuild thread to do what `want` says (redo a stale part,
    /// check an unverified file) and waits for it (at most
    /// [`http::COMPLETE_TIMEOUT`]).
    pub async fn complete(&self, want: Want) {
        let (tx, rx) = oneshot::channel();
        if self.commands.send(Command::Complete(want, tx)).is_ok() {
            let _ = tokio::time::timeout(http::COMPLETE_TIMEOUT, rx).await;
        }
    }
}

/// How many ports after the asked one are tried.
const PORT_TRIES: u16 = 20;

/// Binds `bind:port`, or the next free port after it.
fn bind(ip: IpAddr, port: u16) -> Result<TcpListener, ServeError> {
    let mut last = None;
    for p in (0..PORT_TRIES).filter_map(|i| port.checked_add(i)) {
        let addr = SocketAddr::new(ip, p);
        match TcpListener::bind(addr) {
            Ok(l) => return Ok(l),
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse && port != 0 => last = Some((addr, e)),
            Err(source) => return Err(ServeError::Bind { addr, source }),
        }
    }
    let (addr, source) = last.unwrap_or_else(|| {
        let e = std::io::Error::from(std::io::ErrorKind::AddrInUse);
        (SocketAddr::new(ip, port), e)
    });
    Err(ServeError::Bind { addr, source })
}

/// The URL of `addr` for browsers.
fn url_of(addr: SocketAddr) -> String {
    let host = match addr.ip() {
        ip if ip.is_unspecified() => "127.0.0.1".to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
        IpAddr::V4(v4) => v4.to_string(),
    };
    format!("http://{host}:{}/", addr.port())
}

/// The path part of a base URL, with slashes on both ends (`/` for a URL
/// the configuration refuses: the build then shows why).
fn base_path(url: &str) -> String {
    crate::config::split_base_url(url).map_or_else(|_| "/".to_string(), |(_, path)| path)
}

/// Runs the server until Ctrl-C.
pub fn run(opts: ServeOptions) -> Result<(), ServeError> {
    let ServeOptions {
        mut build,
        bind: ip,
        port,
        open,
    } = opts;
    build.root = std::fs::canonicalize(&build.root).map_err(|source| ServeError::Root {
        path: build.root.clone(),
        source,
    })?;
    let lang = build.lang.unwrap_or_default();
    let listener = bind(ip, port)?;
    let local = listener.local_addr()?;
    if port != 0 && local.port() != port {
        eprintln!("{}", crate::text!("serve.port_taken", port, local.port()).in_lang(lang));
    }
    let url = url_of(local);
    let hosts = host::Allowed::new(local, build.base_url.as_deref());
    let site_url = build.base_url.clone().unwrap_or_else(|| url.clone());
    build.base_url = Some(site_url.clone());
    // Image work never holds up a page: originals are served until the
    // renditions are made in the background, then the browser reloads.
    build.images_cache_only = true;
    let root = build.root.clone();
    let mut engine = Engine::new(build);
    initial_build(&mut engine, lang);
    let (tx, rx) = mpsc::channel();
    let events = tx.clone();
    let watcher = watch::start(&root, move |res| {
        let _ = events.send(Command::Fs(res));
    })?;
    let state = Arc::new(State {
        store: engine.store(),
        signals: broadcast::channel(64).0,
        commands: tx.clone(),
        base_path: base_path(&site_url),
        root,
        hosts,
        lang,
    });
    let worker_state = state.clone();
    let worker = std::thread::Builder::new()
        .name("kepu-rebuild".into())
        .spawn(move || worker::run(engine, watcher, rx, worker_state))?;
    let page_url = format!("{}{}", url.trim_end_matches('/'), state.base_path);
    eprintln!("{}", crate::text!("serve.serving", page_url).in_lang(lang));
    if open {
        open_browser(&page_url, lang);
    }
    let served = serve(listener, state.clone());
    let _ = tx.send(Command::Stop);
    let _ = worker.join();
    eprintln!("{}", crate::text!("serve.stopped").in_lang(lang));
    served
}

fn initial_build(engine: &mut Engine, lang: Lang) {
    let start = Instant::now();
    match engine.apply(&[]) {
        Ok(Rebuilt::Pages(n)) => {
            crate::cli::print_diagnostics(&crate::Diagnostics(engine.warnings()), lang);
            let ms = start.elapsed().as_millis().to_string();
            eprintln!("{}", crate::text!("serve.built", n, ms).in_lang(lang));
        }
        Ok(_) => {}
        Err(d) => {
            for e in &d {
                eprintln!("{}", e.shown(lang));
            }
            eprintln!("{}", crate::text!("serve.has_errors").in_lang(lang));
        }
    }
}

/// Serves HTTP until Ctrl-C, then ends every live-reload stream.
fn serve(listener: TcpListener, state: Arc<State>) -> Result<(), ServeError> {
    listener.set_nonblocking(true)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let signals = state.signals.clone();
        let shutdown = async move {
            let _ = tokio::signal::ctrl_c().await;
            let _ = signals.send(Signal::Stop);
        };
        axum::serve(listener, http::router(state))
            .with_graceful_shutdown(shutdown)
            .await
    })?;
    Ok(())
}

fn open_browser(url: &str, lang: Lang) {
    let program = match std::env::consts::OS {
        "macos" => "open",
        "windows" => "explorer",
        _ => "xdg-open",
    };
    if let Err(e) = std::process::Command::new(program).arg(url).spawn() {
        eprintln!("{}", crate::text!("serve.no_browser", program, e, url).in_lang(lang));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths_and_urls() {
        assert_eq!(base_path("http://127.0.0.1:1111/"), "/");
        assert_eq!(base_path("https://x.org/kepu"), "/kepu/");
        assert_eq!(base_path("https://x.org"), "/");
        assert_eq!(url_of("0.0.0.0:80".parse().unwrap()), "http://127.0.0.1:80/");
        assert_eq!(url_of("[::1]:8".parse().unwrap()), "http://[::1]:8/");
    }

    #[test]
    fn a_taken_port_moves_on() {
        let held = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = held.local_addr().unwrap().port();
        let l = bind("127.0.0.1".parse().unwrap(), port).unwrap();
        assert_ne!(l.local_addr().unwrap().port(), port);
    }
}
