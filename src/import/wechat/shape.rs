//! Second look at the blocks, now that they stand side by side:
//! boilerplate lines go (with an image right beside them), a small line
//! under an image becomes its caption, and a short paragraph that is all
//! bold or larger, standing alone, becomes a heading.

use super::blocks::{Block, Para};
use super::chrome::Chrome;

/// The longest paragraph that may become a heading or a caption.
const SHORT: usize = 30;

/// Runs the three passes over the body.
pub fn shape(blocks: Vec<Block>, chrome: &Chrome) -> Vec<Block> {
    let blocks = drop_chrome(blocks, chrome);
    let blocks = captions(blocks);
    headings(blocks)
}

fn drop_chrome(blocks: Vec<Block>, chrome: &Chrome) -> Vec<Block> {
    let boiler: Vec<bool> = blocks
        .iter()
        .map(|b| matches!(b, Block::Para(p) if chrome.is_boilerplate(&p.plain())))
        .collect();
    let mut out = Vec::with_capacity(blocks.len());
    for (i, b) in blocks.into_iter().enumerate() {
        let beside = |j: Option<usize>| j.and_then(|j| boiler.get(j)).copied().unwrap_or(false);
        let gone = boiler[i] || matches!(b, Block::Image(_)) && (beside(i.checked_sub(1)) || beside(Some(i + 1)));
        if gone {
            continue;
        }
        out.push(match b {
            Block::Quote(inner) => Block::Quote(drop_chrome(inner, chrome)),
            Block::List(o, items) => Block::List(o, items.into_iter().map(|it| drop_chrome(it, chrome)).collect()),
            other => other,
        });
    }
    out
}

fn captions(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for b in blocks {
        if let (Some(Block::Image(img)), Block::Para(p)) = (out.last_mut(), &b)
            && img.caption.is_none()
            && is_caption(p)
        {
            img.caption = Some(p.plain());
            continue;
        }
        out.push(b);
    }
    out
}

fn is_caption(p: &Para) -> bool {
    let text = p.plain();
    let small = p.size.is_some_and(|s| s <= 14.0);
    let marked = text.starts_with('▲')
        || text.starts_with('△')
        || text.starts_with("图")
            && text
                .chars()
                .nth(1)
                .is_some_and(|c| c.is_ascii_digit() || c == '：' || c == '|' || c == '丨');
    text.chars().count() <= SHORT * 2 && !text.contains('\n') && (small || marked)
}

fn heading_key(p: &Para) -> Option<u32> {
    let text = p.plain();
    let n = text.chars().count();
    if n == 0 || n > SHORT || text.contains('\n') || !text.chars().any(char::is_alphanumeric) {
        return None;
    }
    if text.ends_with(['。', '，', '；', '、', '：', ':', ',', ';']) {
        return None;
    }
    if p.runs
        .iter()
        .any(|r| matches!(r, super::blocks::Inline::Text { href: Some(_), .. }))
    {
        return None;
    }
    let size = p.size.unwrap_or(16.0);
    if !(p.all_bold || size >= 18.0) {
        return None;
    }
    Some((size * 2.0) as u32 * 2 + u32::from(p.all_bold))
}

fn headings(blocks: Vec<Block>) -> Vec<Block> {
    let mut keys: Vec<u32> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Para(p) => heading_key(p),
            _ => None,
        })
        .collect();
    keys.sort_unstable_by(|a, b| b.cmp(a));
    keys.dedup();
    let top = keys.first().copied();
    let out: Vec<Block> = blocks
        .into_iter()
        .map(|b| match b {
            Block::Para(p) => match heading_key(&p) {
                Some(k) => Block::Heading(if Some(k) == top { 2 } else { 3 }, p.plain()),
                None => Block::Para(p),
            },
            other => other,
        })
        .collect();
    same_numbering_same_level(out)
}

/// Headings numbered alike (一、 二、 …; 1. 2. …; （一） （二） …) are
/// siblings even when the editor styled one differently: all take the
/// highest level any of them has.
fn same_numbering_same_level(mut blocks: Vec<Block>) -> Vec<Block> {
    let mut best: std::collections::HashMap<u8, u8> = std::collections::HashMap::new();
    for b in &blocks {
        if let Block::Heading(level, text) = b
            && let Some(class) = numbering(text)
        {
            let e = best.entry(class).or_insert(*level);
            *e = (*e).min(*level);
        }
    }
    for b in &mut blocks {
        if let Block::Heading(level, text) = b
            && let Some(l) = numbering(text).and_then(|c| best.get(&c))
        {
            *level = *l;
        }
    }
    blocks
}

/// The kind of numbering a heading starts with.
fn numbering(text: &str) -> Option<u8> {
    const HAN: &str = "一二三四五六七八九十";
    let t = text.trim_start();
    let han = t.chars().take_while(|c| HAN.contains(*c)).count();
    if han > 0 && t.chars().nth(han).is_some_and(|c| c == '、' || c == '是') {
        return Some(1);
    }
    if let Some(rest) = t.strip_prefix(['（', '(']) {
        let n = rest.chars().take_while(|c| HAN.contains(*c)).count();
        if n > 0 && rest.chars().nth(n).is_some_and(|c| c == '）' || c == ')') {
            return Some(2);
        }
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    (digits > 0 && t.chars().nth(digits).is_some_and(|c| matches!(c, '.' | '、' | '．'))).then_some(3)
}

#[cfg(test)]
mod tests {
    use super::super::blocks::Inline;
    use super::*;

    fn para(text: &str, bold: bool, size: Option<f32>) -> Block {
        Block::Para(Para {
            runs: vec![Inline::Text {
                text: text.into(),
                bold,
                italic: false,
                href: None,
            }],
            all_bold: bold,
            size,
        })
    }

    #[test]
    fn larger_lines_are_level_two_bold_lines_level_three() {
        let out = headings(vec![
            para("一、什么是中暑", true, Some(20.0)),
            para("正文很长的一段话。", false, None),
            para("先兆中暑", true, None),
            para("这一句虽然加粗，但以句号结束。", true, None),
            para("”", true, None),
        ]);
        assert!(matches!(out[4], Block::Para(_)), "punctuation alone is no heading");
        assert_eq!(out[0], Block::Heading(2, "一、什么是中暑".into()));
        assert!(matches!(out[1], Block::Para(_)));
        assert_eq!(out[2], Block::Heading(3, "先兆中暑".into()));
        assert!(matches!(out[3], Block::Para(_)));
    }

    #[test]
    fn numbered_siblings_share_the_higher_level() {
        let out = headings(vec![
            para("一、表现", true, Some(20.0)),
            para("二、处理", true, None),
            para("小贴士", true, None),
        ]);
        assert_eq!(out[1], Block::Heading(2, "二、处理".into()));
        assert_eq!(out[2], Block::Heading(3, "小贴士".into()));
    }
}
