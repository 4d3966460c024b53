//! Just enough of HTML to find `<img>` and `<meta>` start tags and their
//! attributes, keeping each attribute's text exactly as written.

/// One attribute: name (lowercased), raw value (still escaped), quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Attr {
    pub name: String,
    pub value: Option<String>,
}

/// A start tag found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Tag {
    /// Lowercased name.
    pub name: String,
    /// Byte range of the whole tag (`<` to `>`).
    pub start: usize,
    pub end: usize,
    pub attrs: Vec<Attr>,
}

impl Tag {
    /// The raw value of `name`.
    pub(super) fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name == name)
            .and_then(|a| a.value.as_deref())
    }

    /// Whether the tag has `name`.
    pub(super) fn has(&self, name: &str) -> bool {
        self.attrs.iter().any(|a| a.name == name)
    }

    /// The tag written out, without the attributes named in `drop` and
    /// with `add` (raw values) at the end.
    pub(super) fn write(&self, drop: &[&str], add: &[(&str, &str)]) -> String {
        let mut s = format!("<{}", self.name);
        for a in self.attrs.iter().filter(|a| !drop.contains(&a.name.as_str())) {
            push_attr(&mut s, &a.name, a.value.as_deref());
        }
        for (n, v) in add {
            push_attr(&mut s, n, Some(v));
        }
        s.push('>');
        s
    }
}

fn push_attr(s: &mut String, name: &str, value: Option<&str>) {
    s.push(' ');
    s.push_str(name);
    if let Some(v) = value {
        let q = if v.contains('"') { '\'' } else { '"' };
        s.push('=');
        s.push(q);
        s.push_str(v);
        s.push(q);
    }
}

/// The next start tag named one of `names` at or after `from`.
pub(super) fn next(html: &str, from: usize, names: &[&str]) -> Option<Tag> {
    let bytes = html.as_bytes();
    let mut i = from;
    while let Some(off) = html.get(i..)?.find('<') {
        let at = i + off;
        let name_end = html[at + 1..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .map_or(html.len(), |n| at + 1 + n);
        // Compared as written: most tags are not wanted, and cost nothing.
        let name = &html[at + 1..name_end];
        if let Some(wanted) = names.iter().find(|n| n.eq_ignore_ascii_case(name))
            && matches!(bytes.get(name_end), Some(b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'>'))
            && let Some((attrs, end)) = attrs(html, name_end)
        {
            return Some(Tag {
                name: (*wanted).to_owned(),
                start: at,
                end,
                attrs,
            });
        }
        i = at + 1;
    }
    None
}

/// Attributes from `i` to the tag's `>`; returns them and the index after it.
fn attrs(html: &str, mut i: usize) -> Option<(Vec<Attr>, usize)> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        match b.get(i)? {
            b'>' => return Some((out, i + 1)),
            _ => {
                let start = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
                    i += 1;
                }
                let name = html[start..i].to_ascii_lowercase();
                if b.get(i) == Some(&b'=') {
                    i += 1;
                    let (value, next) = match b.get(i)? {
                        q @ (b'"' | b'\'') => {
                            let close = html[i + 1..].find(*q as char)? + i + 1;
                            (html[i + 1..close].to_owned(), close + 1)
                        }
                        _ => {
                            let end = html[i..]
                                .find(|c: char| c.is_ascii_whitespace() || c == '>')
                                .map_or(html.len(), |n| i + n);
                            (html[i..end].to_owned(), end)
                        }
                    };
                    out.push(Attr {
                        name,
                        value: Some(value),
                    });
                    i = next;
                } else if !name.is_empty() {
                    out.push(Attr { name, value: None });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_img_with_quoted_and_bare_attributes() {
        let html = "<p><image x><IMG src=\"a b.jpg\" alt='say \"hi\"' hidden data-x=1>";
        let t = next(html, 0, &["img"]).expect("img");
        assert_eq!(t.get("src"), Some("a b.jpg"));
        assert_eq!(t.get("alt"), Some("say \"hi\""));
        assert!(t.has("hidden"));
        assert_eq!(t.get("data-x"), Some("1"));
        assert_eq!(&html[t.end..], "");
        assert_eq!(
            t.write(&["src"], &[("loading", "lazy")]),
            "<img alt='say \"hi\"' hidden data-x=\"1\" loading=\"lazy\">"
        );
    }

    #[test]
    fn unterminated_tag_is_no_tag() {
        assert_eq!(next("<img src=\"x", 0, &["img"]), None);
    }
}
