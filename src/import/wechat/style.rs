//! What WeChat's inline styles mean for the text: bold, italic and the
//! font size survive as marks; colours, margins and the rest go.

/// What the enclosing elements say about a run of text.
#[derive(Debug, Clone, Default)]
pub struct Style {
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Font size in px.
    pub size: Option<f32>,
    /// The link it is in.
    pub href: Option<String>,
}

/// Whitespace as HTML shows it: runs of spaces, tabs, line ends and
/// no-break spaces become one space.
pub fn collapse(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut run = String::new();
    let end_run = |out: &mut String, run: &mut String| {
        if !run.is_empty() {
            out.push(if run.contains(['\n', '\r']) { LINE_END } else { ' ' });
            run.clear();
        }
    };
    for c in t.chars() {
        if c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}' || c == '\u{feff}' {
            run.push(c);
        } else {
            end_run(&mut out, &mut run);
            out.push(c);
        }
    }
    end_run(&mut out, &mut run);
    out
}

/// What [`collapse`] makes of whitespace with a line end in it: the
/// source's formatting, not the writer's space. Between two Chinese
/// characters it goes (see [`super::blocks::drop_spaces_between_han`]);
/// elsewhere it becomes a space.
pub const LINE_END: char = '\u{2028}';

/// The style a child inherits from `st` and its own `style=` attribute.
pub fn styled(st: &Style, css: &str) -> Style {
    let mut s = st.clone();
    if let Some(w) = css_value(css, "font-weight") {
        s.bold = w.starts_with("bold") || w.parse::<u32>().is_ok_and(|n| n >= 600);
    }
    if css_value(css, "font-style").is_some_and(|v| v == "italic") {
        s.italic = true;
    }
    if let Some(size) = css_value(css, "font-size").and_then(|v| font_px(&v)) {
        s.size = Some(size);
    }
    s
}

pub fn css_value(css: &str, prop: &str) -> Option<String> {
    css.split(';').find_map(|decl| {
        let (k, v) = decl.split_once(':')?;
        (k.trim().eq_ignore_ascii_case(prop)).then(|| v.replace("!important", "").trim().to_ascii_lowercase())
    })
}

fn font_px(v: &str) -> Option<f32> {
    let num = |s: &str| s.trim().parse::<f32>().ok();
    if let Some(n) = v.strip_suffix("px") {
        num(n)
    } else if let Some(n) = v.strip_suffix("rem").or_else(|| v.strip_suffix("em")) {
        num(n).map(|n| n * 16.0)
    } else if let Some(n) = v.strip_suffix("pt") {
        num(n).map(|n| n * 4.0 / 3.0)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_leave_only_their_meaning() {
        let s = styled(
            &Style::default(),
            "color: red; FONT-WEIGHT: 700 !important; font-size: 1.25em",
        );
        assert!(s.bold && !s.italic);
        assert_eq!(s.size, Some(20.0));
        assert_eq!(styled(&s, "font-weight: normal; font-size: 15pt").size, Some(20.0));
        assert!(!styled(&s, "font-weight: normal").bold);
        assert_eq!(collapse("a \u{a0}\t b"), "a b");
        assert_eq!(collapse("高温\n  天气"), "高温\u{2028}天气");
    }
}
