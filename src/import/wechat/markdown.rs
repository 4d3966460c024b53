//! Blocks into Markdown: CommonMark that kepu renders, with no HTML.

use super::blocks::{Block, Inline, MediaKind};

/// How a link's address is written: WeChat links to imported articles
/// become `@/` links, the rest stay.
pub type LinkMap<'a> = &'a dyn Fn(&str) -> String;

/// Writes `blocks` as Markdown; media lines link to `original`.
pub fn write(blocks: &[Block], original: &str, link: LinkMap<'_>) -> String {
    let mut out = String::new();
    blocks_into(&mut out, blocks, original, link);
    out
}

fn blocks_into(out: &mut String, blocks: &[Block], original: &str, link: LinkMap<'_>) {
    for b in blocks {
        let text = block(b, original, link);
        if text.trim().is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
}

fn block(b: &Block, original: &str, link: LinkMap<'_>) -> String {
    match b {
        Block::Para(p) => {
            let text = inlines(&p.runs, link);
            escape_line_starts(&text)
        }
        Block::Heading(level, text) => format!("{} {}", "#".repeat(usize::from(*level)), escape(text)),
        Block::Image(img) => {
            let Some(file) = &img.file else {
                return img.caption.as_deref().map(escape).unwrap_or_default();
            };
            let alt = if img.alt.is_empty() {
                img.caption.clone().unwrap_or_default()
            } else {
                img.alt.clone()
            };
            let mut s = format!("![{}]({file})", escape(&alt));
            if let Some(c) = &img.caption {
                s.push_str(&format!("\n\n*{}*", escape(c)));
            }
            s
        }
        Block::List(ordered, items) => {
            let mut s = String::new();
            for (i, item) in items.iter().enumerate() {
                let marker = if *ordered { format!("{}. ", i + 1) } else { "- ".into() };
                let mut inner = String::new();
                blocks_into(&mut inner, item, original, link);
                let pad = " ".repeat(marker.len());
                for (j, line) in inner.trim_end().lines().enumerate() {
                    if j == 0 {
                        s.push_str(&marker);
                    } else if !line.is_empty() {
                        s.push_str(&pad);
                    }
                    s.push_str(line);
                    s.push('\n');
                }
            }
            s
        }
        Block::Quote(inner) => {
            let mut body = String::new();
            blocks_into(&mut body, inner, original, link);
            body.trim_end()
                .lines()
                .map(|l| {
                    if l.is_empty() {
                        ">".to_string()
                    } else {
                        format!("> {l}")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
        Block::Table(rows) => table(rows, link),
        Block::Code(text) => {
            let fence = if text.contains("```") { "~~~~" } else { "```" };
            format!("{fence}\n{}\n{fence}", text.trim_end_matches('\n'))
        }
        Block::Rule => "---".into(),
        Block::Media(kind) => {
            let label = match kind {
                MediaKind::Video => "视频：请在原文中观看",
                MediaKind::Audio => "音频：请在原文中收听",
            };
            if original.is_empty() {
                label.to_string()
            } else {
                format!("[{label}]({original})")
            }
        }
    }
}

fn table(rows: &[Vec<Vec<Inline>>], link: LinkMap<'_>) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut s = String::new();
    for (i, row) in rows.iter().enumerate() {
        s.push('|');
        for c in 0..cols {
            let cell = row.get(c).map(|r| inlines(r, link)).unwrap_or_default();
            s.push(' ');
            s.push_str(&cell.replace('\n', " "));
            s.push_str(" |");
        }
        s.push('\n');
        if i == 0 {
            s.push('|');
            s.push_str(&" --- |".repeat(cols));
            s.push('\n');
        }
    }
    s
}

/// Runs as inline Markdown: links group their runs, bold and italic wrap
/// the marked words with the spaces and punctuation at their edges left
/// outside (CommonMark only closes `**` that touch a word).
pub fn inlines(runs: &[Inline], link: LinkMap<'_>) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < runs.len() {
        match &runs[i] {
            Inline::Break => {
                out.push_str("\\\n");
                i += 1;
            }
            Inline::Text { href: Some(h), .. } => {
                let start = i;
                while i < runs.len() && matches!(&runs[i], Inline::Text { href: Some(x), .. } if x == h) {
                    i += 1;
                }
                let text = marked(&runs[start..i]);
                let label = if text.trim().is_empty() {
                    escape(h)
                } else {
                    text.trim().to_string()
                };
                out.push_str(&format!("[{label}]({})", destination(&link(h))));
            }
            Inline::Text { .. } => {
                out.push_str(&marked(&runs[i..=i]));
                i += 1;
            }
        }
    }
    out.trim().to_string()
}

/// A link destination, in `<…>` only when it has characters that need it.
fn destination(url: &str) -> String {
    if url
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>'))
    {
        format!("<{}>", url.replace('<', "%3C").replace('>', "%3E"))
    } else {
        url.to_string()
    }
}

fn marked(runs: &[Inline]) -> String {
    let mut out = String::new();
    for r in runs {
        if let Inline::Text { text, bold, italic, .. } = r {
            let mark = match (bold, italic) {
                (true, true) => "***",
                (true, false) => "**",
                (false, true) => "*",
                (false, false) => "",
            };
            out.push_str(&wrap(text, mark));
        }
    }
    out
}

fn wrap(text: &str, mark: &str) -> String {
    if mark.is_empty() {
        return escape(text);
    }
    let edge = |c: char| c.is_whitespace() || is_punct(c);
    let core = text.trim_matches(edge);
    if core.is_empty() {
        return escape(text);
    }
    let start = text.find(core).unwrap_or(0);
    let (lead, rest) = text.split_at(start);
    let (core, trail) = rest.split_at(core.len());
    format!("{}{mark}{}{mark}{}", escape(lead), escape(core), escape(trail))
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}' | '\u{ff3b}'..='\u{ff40}' | '\u{ff5b}'..='\u{ff65}' | '\u{2010}'..='\u{2027}')
}

/// Escapes what Markdown would read as syntax inside a line.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '`' | '<' | '>' | '{' | '}' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes a line start Markdown would read as a block (`#`, `-`, `1.`, `+`, `=`).
fn escape_line_starts(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            let t = line.trim_start();
            let digits = t.chars().take_while(char::is_ascii_digit).count();
            let numbered = digits > 0 && t[digits..].starts_with(['.', ')']);
            if t.starts_with(['#', '-', '+', '=']) || numbered {
                let at = line.len() - t.len() + if numbered { digits } else { 0 };
                format!("{}\\{}", &line[..at], &line[at..])
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str, bold: bool) -> Inline {
        Inline::Text {
            text: text.into(),
            bold,
            italic: false,
            href: None,
        }
    }

    #[test]
    fn bold_keeps_punctuation_outside_its_marks() {
        let id = |s: &str| s.to_string();
        assert_eq!(
            inlines(&[t("记住", false), t("“黄金四分钟”", true), t("。", false)], &id),
            "记住“**黄金四分钟**”。"
        );
    }

    #[test]
    fn block_starts_are_escaped() {
        assert_eq!(escape_line_starts("1. 不是列表"), "1\\. 不是列表");
        assert_eq!(escape_line_starts("# 不是标题"), "\\# 不是标题");
    }
}
