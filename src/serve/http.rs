//! The HTTP side: every request is answered from the snapshot in memory.
//!
//! 1. [`PATH`](super::livereload::PATH) streams live-reload events;
//!    [`FILES`] lists every path of the site (for tests and scripts).
//! 2. Other paths are cleaned ([`request_path::clean`]), refused with 400
//!    or 404 when they try to leave the site, and looked up under the base
//!    path; a folder without its slash redirects to it.
//! 3. Files of a stale part (feeds, search, sitemap), or a missing path
//!    while parts are stale, wait until the rebuild thread redoes them; an
//!    unverified file waits until it is checked (and rendered again if it
//!    changed).
//! 4. HTML gets the live-reload script and, after a failed rebuild, the
//!    error overlay; a missing path gets the site's 404 page, status 404.

use std::borrow::Cow;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State as AxState;
use axum::http::{HeaderValue, Method, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::incremental::Want;
use super::request_path::{self, Refused};
use super::store::{Content, Entry, Found, Status};
use super::{State, livereload, mime, overlay};
use crate::i18n::{Lang, t};

/// The router of the server.
pub fn router(state: Arc<State>) -> Router {
    Router::new()
        .route(livereload::PATH, get(live))
        .route(FILES, get(files))
        .fallback(serve)
        .layer(axum::middleware::from_fn_with_state(state.clone(), only_own_hosts))
        .with_state(state)
}

/// Answers 403 to a request for a `Host` that is not this server's
/// ([`super::host`]).
async fn only_own_hosts(
    AxState(state): AxState<Arc<State>>,
    req: Request<Body>,
    next: axum::middleware::Next,
) -> Response {
    let host = req.headers().get(header::HOST).map(|h| h.to_str().unwrap_or(""));
    if !state.hosts.permits(host) {
        return status(StatusCode::FORBIDDEN, &t(state.lang, "serve.forbidden", &[]));
    }
    next.run(req).await
}

async fn live(AxState(state): AxState<Arc<State>>) -> Response {
    let generation = state.store.status().generation;
    livereload::events(generation, state.signals.subscribe()).into_response()
}

/// Lists every output path, one a line, once the stale parts are redone.
pub const FILES: &str = "/__kepu/files";

async fn files(AxState(state): AxState<Arc<State>>) -> Response {
    if !state.store.status().stale.is_empty() {
        state.complete(Want::Stale).await;
    }
    let mut list = String::new();
    for path in state.store.read().outputs.keys() {
        list.push_str(path);
        list.push('\n');
    }
    respond(StatusCode::OK, "files.txt", list.into_bytes())
}

async fn serve(AxState(state): AxState<Arc<State>>, req: Request<Body>) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return status(StatusCode::METHOD_NOT_ALLOWED, &t(state.lang, "serve.method", &[]));
    }
    let uri = req.uri();
    let clean = match request_path::clean(uri.path()) {
        Ok(c) => c,
        Err(Refused::BadRequest) => return status(StatusCode::BAD_REQUEST, &t(state.lang, "serve.bad_request", &[])),
        Err(Refused::NotFound) => return not_found(&state).await,
    };
    let base = state.base_path.trim_start_matches('/');
    let Some(rel) = clean.strip_prefix(base) else {
        if base.strip_suffix('/') == Some(clean.as_str()) {
            return redirect(&format!("/{base}"), uri.query(), state.lang);
        }
        return not_found(&state).await;
    };
    let (mut found, mut redo) = lookup(&state, rel);
    // A stale part's file may be an unverified one once the part is redone.
    for _ in 0..2 {
        let Some(want) = redo.take() else { break };
        state.complete(want).await;
        (found, redo) = lookup(&state, rel);
    }
    match found {
        Found::File(path, entry) => file(&state, &path, &entry, StatusCode::OK).await,
        Found::Folder(folder) => redirect(&format!("/{base}{folder}"), uri.query(), state.lang),
        Found::Missing => not_found(&state).await,
    }
}

/// Where `rel` leads, and what must be done first: check its file if it is
/// unverified, redo the stale part its file belongs to, or the stale parts
/// that may make it when it is missing.
fn lookup(state: &State, rel: &str) -> (Found, Option<Want>) {
    let site = state.store.read();
    let found = site.find(rel);
    let redo = match &found {
        Found::File(path, e) if site.unverified.contains(path, e) => Some(Want::File(path.clone())),
        Found::File(_, e) => site.stale_part(e).map(Want::Part),
        // Only a stale part that makes files like this one may make it.
        Found::Missing | Found::Folder(_) => {
            let mut parts = site.status.stale.iter().filter(|p| p.may_make(rel));
            match (parts.next(), parts.next()) {
                (Some(p), None) => Some(Want::Part(*p)),
                (Some(_), Some(_)) => Some(Want::Stale),
                (None, _) => None,
            }
        }
    };
    (found, redo)
}

async fn not_found(state: &State) -> Response {
    if let (_, Some(want)) = lookup(state, "404.html") {
        state.complete(want).await;
    }
    let (page, empty) = {
        let site = state.store.read();
        (site.outputs.get("404.html").cloned(), site.outputs.is_empty())
    };
    if let Some(entry) = page {
        return file(state, "404.html", &entry, StatusCode::NOT_FOUND).await;
    }
    // No site yet (the first build failed) or a site without a 404 page.
    let code = match empty {
        true => StatusCode::INTERNAL_SERVER_ERROR,
        false => StatusCode::NOT_FOUND,
    };
    let page = overlay::inject(
        &overlay::no_page(code.as_u16(), state.lang),
        &extras(&state.store.status(), state.lang),
    );
    respond(code, "404.html", page)
}

/// The script and overlay added to HTML.
fn extras(status: &Status, lang: Lang) -> String {
    let mut s = overlay::overlay(&status.errors, lang);
    s.push_str(&livereload::script(status.generation));
    s
}

async fn file(state: &State, path: &str, entry: &Entry, code: StatusCode) -> Response {
    let bytes: Cow<'_, [u8]> = match &entry.content {
        Content::File(src) => match read_inside(&state.root, src).await {
            Some(b) => Cow::Owned(b),
            None => return status(StatusCode::NOT_FOUND, &t(state.lang, "serve.not_found", &[])),
        },
        rendered => rendered.bytes().unwrap_or_default(),
    };
    let bytes = match path.ends_with(".html") {
        true => overlay::inject(&bytes, &extras(&state.store.status(), state.lang)),
        false => bytes.into_owned(),
    };
    respond(code, path, bytes)
}

/// The bytes of a copied file, unless it is gone or now leads (through a
/// link put there after the build) outside the site.
///
/// The file is opened first and what was opened is checked, so a link
/// swapped in between a check and the read cannot smuggle another file
/// out: the opened file must be the very file (device and inode) that the
/// link-free path inside the site names.
async fn read_inside(root: &std::path::Path, src: &std::path::Path) -> Option<Vec<u8>> {
    let root = root.to_path_buf();
    let src = src.to_path_buf();
    tokio::task::spawn_blocking(move || read_checked(&root, &src))
        .await
        .ok()
        .flatten()
}

fn read_checked(root: &std::path::Path, src: &std::path::Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut file = open_no_follow(src).ok()?;
    let opened = file.metadata().ok()?;
    let real = std::fs::canonicalize(src).ok()?;
    if !real.starts_with(root) || !opened.is_file() {
        return None;
    }
    let named = std::fs::symlink_metadata(&real).ok()?;
    if !named.is_file() || !same_file(&opened, &named) {
        return None;
    }
    let mut bytes = Vec::with_capacity(opened.len() as usize);
    file.read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// Opens `path` for reading without following a link in its last part
/// and without waiting on a FIFO (the caller checks it is a plain file).
#[cfg(unix)]
fn open_no_follow(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_no_follow(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.len() == b.len() && a.modified().ok() == b.modified().ok()
}

fn respond(code: StatusCode, path: &str, bytes: Vec<u8>) -> Response {
    let mut r = (code, bytes).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime::content_type(path)));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    r
}

fn redirect(to: &str, query: Option<&str>, lang: Lang) -> Response {
    let location = match query {
        Some(q) => format!("{to}?{q}"),
        None => to.to_string(),
    };
    // Paths of the site are ASCII or percent-encoded here.
    let encoded = crate::urls::url_encode_path(&location);
    match HeaderValue::from_str(&encoded) {
        Ok(v) => {
            let mut r = StatusCode::MOVED_PERMANENTLY.into_response();
            r.headers_mut().insert(header::LOCATION, v);
            r
        }
        Err(_) => status(StatusCode::BAD_REQUEST, &t(lang, "serve.bad_request", &[])),
    }
}

fn status(code: StatusCode, text: &str) -> Response {
    (
        code,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text.to_string(),
    )
        .into_response()
}

/// How long a request waits for stale parts to be redone.
pub const COMPLETE_TIMEOUT: Duration = Duration::from_secs(120);
