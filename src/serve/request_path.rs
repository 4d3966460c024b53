//! Turning a request's path into a clean path of the site, or refusing it.
//!
//! 1. Refuse over-long paths, backslashes and NUL bytes, raw or encoded.
//! 2. Percent-decode once; the result must be UTF-8 and may not hold a `%`
//!    (a path encoded twice, such as `%252e`, is refused, not decoded again).
//! 3. Split on `/`, drop empty segments, refuse `.` and `..`; hidden names
//!    (`.x`) are simply not found.

/// The longest request path served.
pub const MAX_LEN: usize = 2048;

/// Why a path is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// 400: the path is malformed or tries to leave the site.
    BadRequest,
    /// 404: the path is fine but names nothing the site can have.
    NotFound,
}

/// The clean relative path of `raw` (`/a/b/` → `a/b/`, `/` → ``).
pub fn clean(raw: &str) -> Result<String, Refused> {
    if raw.len() > MAX_LEN || !raw.starts_with('/') {
        return Err(Refused::BadRequest);
    }
    let bytes = decode(raw.as_bytes()).ok_or(Refused::BadRequest)?;
    if bytes.iter().any(|&b| b == 0 || b == b'\\' || b == b'%') {
        return Err(Refused::BadRequest);
    }
    let text = String::from_utf8(bytes).map_err(|_| Refused::BadRequest)?;
    let mut parts = Vec::new();
    for seg in text.split('/').filter(|s| !s.is_empty()) {
        match seg {
            "." | ".." => return Err(Refused::BadRequest),
            s if s.starts_with('.') => return Err(Refused::NotFound),
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if text.ends_with('/') && !out.is_empty() {
        out.push('/');
    }
    Ok(out)
}

/// `raw` percent-decoded once; `None` when a `%` is not followed by two
/// hex digits.
pub(crate) fn decode(raw: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'%' {
            let hex = raw.get(i + 1..i + 3)?;
            // Two hex digits (`from_str_radix` alone would take `+f`).
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            let s = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(s, 16).ok()?);
            i += 3;
        } else {
            out.push(raw[i]);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_good_paths() {
        assert_eq!(clean("/"), Ok(String::new()));
        assert_eq!(clean("/articles/x/"), Ok("articles/x/".into()));
        assert_eq!(clean("//css//a.css"), Ok("css/a.css".into()));
        assert_eq!(clean("/tags/%E5%AE%89%E5%85%A8/"), Ok("tags/安全/".into()));
    }

    #[test]
    fn refuses_escapes() {
        for bad in [
            "/../etc/passwd",
            "/a/../../x",
            "/%2e%2e/x",
            "/%2E%2e%2fx",
            "/%252e%252e/x",
            "/a%5c..%5cx",
            "/a\\b",
            "/a%00b",
            "/a%zz",
            "/a%+fb",
            "/%ff%fe",
            "relative",
        ] {
            assert_eq!(clean(bad), Err(Refused::BadRequest), "{bad}");
        }
        assert_eq!(clean(&format!("/{}", "a".repeat(MAX_LEN))), Err(Refused::BadRequest));
        assert_eq!(clean("/.kepu-output"), Err(Refused::NotFound));
    }
}
