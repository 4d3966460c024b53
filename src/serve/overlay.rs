//! What the server adds to every HTML page it serves (never to the stored
//! output): the live-reload script, and while the last rebuild failed, an
//! overlay listing each error with its file, line and message.

use crate::error::Diagnostic;
use crate::render::builtins::xml_escape as escape;

/// The overlay for `errors` (empty when there are none).
pub fn overlay(errors: &[Diagnostic]) -> String {
    if errors.is_empty() {
        return String::new();
    }
    let mut html = String::from(
        "<div id=\"kepu-overlay\" role=\"alert\" style=\"position:fixed;left:0;right:0;top:0;z-index:2147483647;\
max-height:70vh;overflow:auto;margin:0;padding:12px 16px;background:#fff4f4;color:#6b0000;\
border-bottom:4px solid #c00;font:15px/1.5 ui-monospace,monospace;text-align:left\">\
<button type=\"button\" onclick=\"this.parentNode.remove()\" aria-label=\"关闭\" style=\"float:right\">×</button>",
    );
    html.push_str(&format!(
        "<strong>kepu: {} error(s); this page is the last good build</strong><ul style=\"margin:.5em 0;padding-left:1.2em\">",
        errors.len()
    ));
    for d in errors {
        html.push_str("<li><b class=\"kepu-at\">");
        html.push_str(&escape(&d.location()));
        html.push_str("</b> <span class=\"kepu-msg\">");
        html.push_str(&escape(&d.message));
        html.push_str("</span>");
        if let Some(h) = &d.hint {
            html.push_str("<br><i>help: ");
            html.push_str(&escape(h));
            html.push_str("</i>");
        }
        html.push_str("</li>");
    }
    html.push_str("</ul></div>");
    html
}

/// Inserts `extra` before the last `</body>` of `html` (any case), or at
/// the end when there is none.
pub fn inject(html: &[u8], extra: &str) -> Vec<u8> {
    let needle = b"</body";
    let at = html
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// A bare page with a status code, for a site without a 404 page or with
/// no good build yet.
pub fn no_page(code: u16) -> Vec<u8> {
    format!(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{code}</title></head>\
<body><h1>{code}</h1></body></html>"
    )
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injects_before_the_last_body_end() {
        let out = inject(b"<html><body>a</BODY></html>", "<x>");
        assert_eq!(out, b"<html><body>a<x></BODY></html>");
        assert_eq!(inject(b"plain", "<x>"), b"plain<x>");
    }

    #[test]
    fn overlay_names_file_line_and_message_escaped() {
        let d = Diagnostic::error("content/a.md", 3, 7, "bad <yaml>");
        let o = overlay(&[d]);
        assert!(o.contains("content/a.md:3:7"), "{o}");
        assert!(o.contains("bad &lt;yaml&gt;"), "{o}");
        assert!(overlay(&[]).is_empty());
    }
}
