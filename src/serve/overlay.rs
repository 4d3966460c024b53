//! What the server adds to every HTML page it serves (never to the stored
//! output): the live-reload script, and while the last rebuild failed, an
//! overlay listing each error with its file, line and message.

use crate::error::Diagnostic;
use crate::escape::xml_escape as escape;
use crate::i18n::{Lang, t};

/// The overlay for `errors` (empty when there are none), in `lang`.
pub fn overlay(errors: &[Diagnostic], lang: Lang) -> String {
    if errors.is_empty() {
        return String::new();
    }
    let mut html = format!(
        "<div id=\"kepu-overlay\" role=\"alert\" lang=\"{}\" style=\"position:fixed;left:0;right:0;top:0;z-index:2147483647;\
max-height:70vh;overflow:auto;margin:0;padding:12px 16px;background:#fff4f4;color:#6b0000;\
border-bottom:4px solid #c00;font:15px/1.5 ui-monospace,monospace;text-align:left\">\
<button type=\"button\" onclick=\"this.parentNode.remove()\" aria-label=\"{}\" style=\"float:right\">×</button>",
        html_lang(lang),
        escape(&t(lang, "serve.overlay.close", &[])),
    );
    html.push_str(&format!(
        "<strong>{}</strong><ul style=\"margin:.5em 0;padding-left:1.2em\">",
        escape(&t(lang, "serve.overlay.heading", &[&errors.len().to_string()]))
    ));
    for d in errors {
        html.push_str("<li><b class=\"kepu-at\">");
        html.push_str(&escape(&d.location()));
        html.push_str("</b> <span class=\"kepu-msg\">");
        html.push_str(&escape(&d.message.in_lang(lang)));
        html.push_str("</span>");
        if let Some(h) = &d.hint {
            html.push_str(&format!("<br><i>{}: ", escape(&t(lang, "diag.help", &[]))));
            html.push_str(&escape(&h.in_lang(lang)));
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

/// The `lang` attribute of HTML in `lang`.
fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    }
}

/// A bare page with a status code and a line saying why, in `lang`, for a
/// site without a 404 page (404) or with no good build yet (500).
pub fn no_page(code: u16, lang: Lang) -> Vec<u8> {
    let why = match code {
        404 => t(lang, "serve.page.not_found", &[]),
        _ => t(lang, "serve.page.no_site", &[]),
    };
    format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{code}</title></head>\
<body><h1>{code}</h1><p>{}</p></body></html>",
        html_lang(lang),
        escape(&why)
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
        let o = overlay(&[d], Lang::En);
        assert!(o.contains("content/a.md:3:7"), "{o}");
        assert!(o.contains("bad &lt;yaml&gt;"), "{o}");
        assert!(overlay(&[], Lang::En).is_empty());
    }

    #[test]
    fn overlay_and_bare_pages_speak_the_sites_language() {
        let d = Diagnostic::error("content/a.md", 3, 7, crate::text!("type.text", "title"))
            .with_hint(crate::text!("type.text", "date"));
        let zh = overlay(std::slice::from_ref(&d), Lang::Zh);
        assert!(zh.contains("kepu：1 个错误；这是上一次生成成功的页面"), "{zh}");
        assert!(zh.contains("title 应为一行文字"), "{zh}");
        assert!(zh.contains("<i>提示: date 应为一行文字"), "{zh}");
        assert!(zh.contains("aria-label=\"关闭\""), "{zh}");
        let en = overlay(&[d], Lang::En);
        assert!(
            en.contains("kepu: 1 error(s); this page is the last good build"),
            "{en}"
        );
        assert!(en.contains("title should be one line of text"), "{en}");
        assert!(en.contains("<i>help: date should be one line of text"), "{en}");
        let page = String::from_utf8(no_page(404, Lang::Zh)).unwrap();
        assert!(
            page.contains("<html lang=\"zh-CN\">") && page.contains("这个地址没有页面"),
            "{page}"
        );
        let page = String::from_utf8(no_page(500, Lang::En)).unwrap();
        assert!(
            page.contains("<html lang=\"en\">") && page.contains("has not built yet"),
            "{page}"
        );
    }
}
