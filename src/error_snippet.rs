//! The source line of a diagnostic with a caret under its column, drawn by
//! annotate-snippets (the renderer rustc uses: it measures CJK characters as
//! two columns wide, so the caret lands under a Chinese character too).

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

/// `line_text` (line `line` of its file) with a caret under the character
/// at 1-based `column` (the whole line is shown when the column is unknown).
pub(crate) fn render(line_text: &str, line: usize, column: usize) -> String {
    let start = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_text.len(), |(i, _)| i);
    let end = line_text[start..]
        .chars()
        .next()
        .map_or(start, |c| start + c.len_utf8());
    let snippet = Snippet::source(line_text).line_start(line);
    let snippet = if column > 0 {
        snippet.annotation(AnnotationKind::Primary.span(start..end))
    } else {
        snippet
    };
    let report = &[Level::ERROR.primary_title("").element(snippet)];
    let drawn = Renderer::plain().render(report);
    // The first line is the title, already printed by the caller.
    drawn
        .lines()
        .skip_while(|l| !l.trim_start().starts_with('|'))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    #[test]
    fn caret_under_a_chinese_character() {
        let out = super::render("tags: [防溺水，暑期安全]", 4, 11);
        let lines: Vec<&str> = out.lines().collect();
        assert!(
            lines.iter().any(|l| l.contains("4 | tags: [防溺水，暑期安全]")),
            "{out}"
        );
        let src = lines.iter().find(|l| l.contains("tags:")).unwrap();
        let caret = lines.iter().find(|l| l.contains('^')).unwrap();
        // 防溺水 are two columns each: the caret is under the '，'.
        let at = caret.find('^').unwrap();
        let prefix = &src[..src.find("tags").unwrap()];
        assert_eq!(at, prefix.len() + "tags: [".len() + 6, "{out}");
    }
}
