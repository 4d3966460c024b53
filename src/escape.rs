//! Text that XML and HTML may carry: the one place that escapes text.
//!
//! 1. [`xml_escape`] is the one writer of XML text and attribute values:
//!    it escapes markup and leaves out every character outside XML 1.0's
//!    `Char` production (control characters) and replaces noncharacters
//!    (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every plane) by
//!    U+FFFD, so every feed, CAP file and sitemap parses.
//! 2. [`html_escape_into`] escapes the text kepu writes into HTML itself
//!    (code blocks, text around raw HTML): `& < > " '`, the apostrophe as
//!    `&#39;`.
//! 3. [`scrub_noncharacters`] replaces noncharacters in every source text
//!    as it is read (content, `site.yaml`, data files), so no page, feed or
//!    index carries one.

/// Whether `c` is a Unicode noncharacter.
pub fn is_noncharacter(c: char) -> bool {
    let n = c as u32;
    (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE
}

/// `text` with every noncharacter replaced by U+FFFD (the same length in
/// UTF-8 for those of the first plane, so positions on a line hold).
pub fn scrub_noncharacters(text: String) -> String {
    if !text.chars().any(is_noncharacter) {
        return text;
    }
    text.chars()
        .map(|c| if is_noncharacter(c) { '\u{FFFD}' } else { c })
        .collect()
}

/// Escapes text for XML (and HTML): `& < > " '`, without the characters
/// XML 1.0 forbids.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => {}
            c if is_noncharacter(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Appends `s` to `out` with `&`, `<`, `>`, `"` and `'` escaped for HTML.
pub fn html_escape_into(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_xml_chars_are_written() {
        let s = "a\u{1}b\u{FFFE}c\u{FFFF}d\u{FDD0}e\u{1FFFF}f\u{10FFFE}<&>\"'\t\n";
        assert_eq!(
            xml_escape(s),
            "ab\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}&lt;&amp;&gt;&quot;&apos;\t\n"
        );
        assert!(!is_noncharacter('\u{FFFD}') && !is_noncharacter('\u{FDCF}') && !is_noncharacter('中'));
        assert_eq!(scrub_noncharacters("标\u{FFFE}题".into()), "标\u{FFFD}题");
    }

    #[test]
    fn html_escapes_markup_and_keeps_the_rest() {
        let mut out = String::from("<p>");
        html_escape_into(&mut out, "a<b>&\"c\"'d' 中\u{1}");
        assert_eq!(out, "<p>a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39; 中\u{1}");
    }
}

/// The entities kepu's own escaping writes, and those editors and WeChat
/// pages carry (`&amp; &lt; &gt; &quot; &#39; &#x27; &apos; &nbsp;`), read
/// back in one pass; any other `&` stays as it is.
pub fn unescape_html(s: &str) -> String {
    const ENTITIES: [(&str, char); 8] = [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&#39;", '\''),
        ("&#x27;", '\''),
        ("&apos;", '\''),
        ("&nbsp;", ' '),
    ];
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match ENTITIES.iter().find(|(name, _)| rest.starts_with(name)) {
            Some((name, c)) => {
                out.push(*c);
                rest = &rest[name.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod unescape_tests {
    use super::*;

    #[test]
    fn entities_are_read_back_once() {
        assert_eq!(
            unescape_html("a &amp;lt; b &lt;i&gt; &quot;x&#39; &nbsp;&copy;"),
            "a &lt; b <i> \"x'  &copy;"
        );
        assert_eq!(unescape_html(&xml_escape("<甲 & '乙'>\"")), "<甲 & '乙'>\"");
    }
}
