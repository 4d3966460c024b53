//! Splitting a list of pages into pages of `paginate_by`.

use serde::Serialize;

use super::views::{Summary, ViewEnv, summary};
use crate::content::PageId;

/// How many numbered links stand on each side of the current page.
const WINDOW: usize = 2;

/// One page of a list.
#[derive(Debug, Clone, Serialize)]
pub struct Paginator {
    /// The pages on this page.
    pub pages: Vec<Summary>,
    /// 1-based number of this page.
    pub current: usize,
    /// Number of pages.
    pub total: usize,
    /// Number of items in the whole list.
    pub items: usize,
    /// URL of the previous page.
    pub prev: Option<String>,
    /// URL of the next page.
    pub next: Option<String>,
    /// URL of the first page.
    pub first: String,
    /// URL of the last page.
    pub last: String,
    /// Numbered links: the first, the last and the current ± 2, in order;
    /// a gap between two links is marked by `gap_before`.
    pub links: Vec<PagerLink>,
}

/// A numbered pager link.
#[derive(Debug, Clone, Serialize)]
pub struct PagerLink {
    /// Number.
    pub number: usize,
    /// URL.
    pub url: String,
    /// The page shown.
    pub current: bool,
    /// Numbers are skipped before this one.
    pub gap_before: bool,
}

/// The site path of page `n` of the list at `base` (`articles/`).
pub fn page_path(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{base}page/{n}/")
    }
}

/// Number of pages of a list of `items`.
pub fn page_count(items: usize, per: usize) -> usize {
    items.div_ceil(per.max(1)).max(1)
}

/// Page `n` (1-based) of the list of `ids` at `base`.
pub fn paginate(env: &ViewEnv, ids: &[PageId], base: &str, per: usize, n: usize) -> Paginator {
    let per = per.max(1);
    let mut p = pager(env, base, ids.len(), per, n);
    p.pages = ids
        .iter()
        .skip((n - 1) * per)
        .take(per)
        .map(|&id| summary(env, id))
        .collect();
    p
}

/// The pager of page `n` of a list of `items` at `base`, without pages.
pub fn pager(env: &ViewEnv, base: &str, items: usize, per: usize, n: usize) -> Paginator {
    let total = page_count(items, per);
    let url = |k: usize| env.link(&page_path(base, k));
    let mut numbers: Vec<usize> = vec![1, total];
    numbers.extend(n.saturating_sub(WINDOW).max(1)..=(n + WINDOW).min(total));
    numbers.sort_unstable();
    numbers.dedup();
    let mut prev_number = 0;
    let links = numbers
        .into_iter()
        .map(|k| {
            let link = PagerLink {
                number: k,
                url: url(k),
                current: k == n,
                gap_before: prev_number != 0 && k > prev_number + 1,
            };
            prev_number = k;
            link
        })
        .collect();
    Paginator {
        pages: Vec::new(),
        current: n,
        total,
        items,
        prev: (n > 1).then(|| url(n - 1)),
        next: (n < total).then(|| url(n + 1)),
        first: url(1),
        last: url(total),
        links,
    }
}

/// A page that sends the reader on to `to` (an absolute URL).
pub fn redirect_html(to: &str) -> String {
    let to = crate::escape::xml_escape(to);
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>页面已移动</title>\n<link rel=\"canonical\" href=\"{to}\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={to}\">\n</head>\n<body>\n<p>页面已移动到 <a href=\"{to}\">{to}</a>。</p>\n</body>\n</html>\n"
    )
}
