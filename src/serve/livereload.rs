//! Live reload over Server-Sent Events on the site's own port.
//!
//! 1. [`script`] is injected into every served HTML page; it opens
//!    [`PATH`] and knows the generation of the site it came from.
//! 2. [`events`] first says `hello` with the current generation (a page
//!    older than that reloads at once), then forwards each [`Signal`]:
//!    `reload` reloads the page, `css` reloads the stylesheets in place.
//! 3. [`Signal::Stop`] ends every stream, so the server can shut down.

use std::convert::Infallible;
use std::time::Duration;

use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream};
use tokio::sync::broadcast::{Receiver, error::RecvError};

/// Where the browser listens.
pub const PATH: &str = "/__kepu/live";

/// What the browser is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// The site changed: reload (generation).
    Reload(u64),
    /// Only stylesheets changed (generation).
    Css(u64),
    /// The server is stopping.
    Stop,
}

/// The script for a page of generation `generation`.
pub fn script(generation: u64) -> String {
    format!(
        "<script data-kepu-live>(()=>{{const g={generation};const s=new EventSource(\"{PATH}\");\
s.addEventListener(\"hello\",e=>{{if(+e.data!==g)location.reload()}});\
s.addEventListener(\"reload\",()=>location.reload());\
s.addEventListener(\"css\",()=>{{for(const l of document.querySelectorAll('link[rel~=\"stylesheet\"]')){{\
const u=new URL(l.href);u.searchParams.set(\"kepu-css\",Date.now());l.href=u.href}}}});}})();</script>"
    )
}

/// The event stream of one browser.
pub fn events(generation: u64, rx: Receiver<Signal>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let hello = Event::default().event("hello").data(generation.to_string());
    let stream = stream::unfold((Some(hello), rx), |(first, mut rx)| async move {
        if let Some(ev) = first {
            return Some((Ok(ev), (None, rx)));
        }
        let ev = match rx.recv().await {
            Ok(Signal::Reload(g)) => Event::default().event("reload").data(g.to_string()),
            Ok(Signal::Css(g)) => Event::default().event("css").data(g.to_string()),
            Ok(Signal::Stop) | Err(RecvError::Closed) => return None,
            Err(RecvError::Lagged(_)) => Event::default().event("reload").data("0"),
        };
        Some((Ok(ev), (None, rx)))
    });
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}
