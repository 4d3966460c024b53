//! Images written without a text alternative: a warning at the line, so
//! that a reader who cannot see the picture (or whose phone did not load
//! it) still learns what it shows.

use std::path::Path;

use super::tag;
use crate::content::Library;
use crate::error::Diagnostic;

/// Warnings for `![](x.jpg)` and `<img>` without `alt` in every body.
pub fn missing_alt(lib: &Library, root: &Path) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    lib.pages
        .par_iter()
        .flat_map_iter(|page| {
            in_body(&page.body).into_iter().map(|(line, column, what)| {
                Diagnostic::warning(
                    crate::config::display_path(root, &page.file),
                    line + page.body_line - 1,
                    column,
                    crate::text!("images.no_alt", what),
                )
                .with_hint(crate::text!("images.no_alt.hint"))
            })
        })
        .collect()
}

/// (line, column, image) of each image without alt text in `body`.
fn in_body(body: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut fence: Option<&str> = None;
    for (n, line) in body.lines().enumerate() {
        let t = line.trim_start();
        for f in ["```", "~~~"] {
            if t.starts_with(f) {
                fence = match fence {
                    Some(open) if open == f => None,
                    None => Some(f),
                    keep => keep,
                };
            }
        }
        if fence.is_some() {
            continue;
        }
        let mut from = 0;
        while let Some(i) = line[from..].find("![").map(|i| from + i) {
            let rest = &line[i + 2..];
            let close = rest.find(']');
            if let Some(c) = close
                && rest[..c].trim().is_empty()
                && rest[c + 1..].starts_with('(')
            {
                let dest = rest[c + 2..].split([')', ' ']).next().unwrap_or("");
                out.push((n + 1, line[..i].chars().count() + 1, dest.to_owned()));
            }
            from = i + 2;
        }
        let mut at = 0;
        while let Some(t) = tag::next(line, at, &["img"]) {
            if t.get("alt").is_none() {
                let src = t.get("src").unwrap_or("").to_owned();
                out.push((n + 1, line[..t.start].chars().count() + 1, src));
            }
            at = t.end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_empty_alt_and_img_without_alt_outside_code() {
        let body = "文字 ![](a.jpg) 和 ![好图](b.jpg)\n```\n![](code.jpg)\n```\n<img src=\"c.png\">\n<img src=\"d.png\" alt=\"d\">";
        assert_eq!(
            in_body(body),
            vec![(1, 4, "a.jpg".to_owned()), (5, 1, "c.png".to_owned())]
        );
    }
}
