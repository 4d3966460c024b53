//! Which `Host` the preview answers: a page on another site could point a
//! name of its own at 127.0.0.1 and read the preview, drafts included (DNS
//! rebinding). So only loopback names, IP addresses the server listens on
//! and the host of `--base-url` are answered; every other `Host` gets 403.
//! The port is not compared: rebinding is stopped by the name, and a port
//! forwarded by a tunnel or a container arrives under another number.

use std::net::{IpAddr, SocketAddr};

/// The hosts the server answers.
#[derive(Debug, Clone)]
pub struct Allowed {
    bound: IpAddr,
    names: Vec<String>,
}

impl Allowed {
    /// For a server listening on `local`, serving under `base_url` (the host
    /// of an explicit `--base-url` is answered too).
    pub fn new(local: SocketAddr, base_url: Option<&str>) -> Self {
        let names = base_url
            .and_then(|u| crate::config::split_base_url(u).ok())
            .and_then(|(origin, _)| {
                let rest = origin.split_once("://").map_or(origin.as_str(), |(_, r)| r);
                split(rest).map(|(h, _)| h.to_ascii_lowercase())
            })
            .into_iter()
            .collect();
        Allowed {
            bound: local.ip(),
            names,
        }
    }

    /// Whether a request with this `Host` header is answered (none: an old
    /// client that is not a browser).
    pub fn permits(&self, host: Option<&str>) -> bool {
        let Some(host) = host else { return true };
        let Some((name, _port)) = split(host.trim()) else {
            return false;
        };
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        if name == "localhost" || name.ends_with(".localhost") || self.names.contains(&name) {
            return true;
        }
        match name.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() {
            Ok(ip) => ip.is_loopback() || ip == self.bound || self.bound.is_unspecified(),
            Err(_) => false,
        }
    }
}

/// `name` and port of a `Host` value (`[::1]:1111`, `localhost`).
fn split(host: &str) -> Option<(&str, Option<u16>)> {
    if host.is_empty() {
        return None;
    }
    let (name, port) = if host.starts_with('[') {
        let end = host.find(']')?;
        let rest = &host[end + 1..];
        (&host[..=end], rest.strip_prefix(':'))
    } else {
        match host.rsplit_once(':') {
            Some((n, p)) => (n, Some(p)),
            None => (host, None),
        }
    };
    let port = match port {
        Some(p) => Some(p.parse::<u16>().ok()?),
        None => None,
    };
    Some((name, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_names_and_listening_addresses_only() {
        let a = Allowed::new("127.0.0.1:1111".parse().unwrap(), None);
        for ok in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LOCALHOST",
            "[::1]:1111",
            "127.0.0.2",
            "app.localhost:1111",
            "localhost:8080",
        ] {
            assert!(a.permits(Some(ok)), "{ok}");
        }
        for no in [
            "evil.example:1111",
            "evil.example",
            "localhost:x",
            "",
            "10.0.0.5:1111",
            "localhost.evil.example",
        ] {
            assert!(!a.permits(Some(no)), "{no}");
        }
        assert!(a.permits(None));

        let lan = Allowed::new("0.0.0.0:1111".parse().unwrap(), Some("http://preview.kepu.test:1111/"));
        assert!(lan.permits(Some("192.168.1.20:1111")));
        assert!(lan.permits(Some("preview.kepu.test:1111")));
        assert!(!lan.permits(Some("rebind.evil.example:1111")));
    }
}
