//! Property: after any sequence of edits (bodies, front matter, new,
//! deleted and renamed files, dates that move pages across list pages,
//! data files, templates edited, added and removed; the feeds, search and
//! the sitemap asked for between edits), `kepu serve` serves
//! exactly what a fresh `kepu build --drafts` of the same files gives (a
//! preview shows drafts). Each case runs the real server over a small site
//! with the real theme (feeds, search, banners, lists of two items a page,
//! taxonomies, the plan page); cases and waits are bounded.

use crate::support::common;
use crate::support::serve_support;

use std::path::PathBuf;
use std::time::Duration;

use proptest::prelude::*;
use serve_support::{Live, Server, assert_same_as_build};

/// Page slots the edits work on: articles (one in a subsection, one a
/// bundle), an emergency note (banners on every page) and a column entry (a
/// program with a fixed entry); a station lists the town's pages.
const SLOTS: [&str; 7] = [
    "articles/p0.md",
    "articles/p1.md",
    "articles/p2.md",
    "articles/sub/p3.md",
    "emergency/e4.md",
    "articles/p5/index.md",
    "columns/c6.md",
];

#[derive(Debug, Clone)]
enum Op {
    /// A new body; `top` changes the first paragraph (the summary).
    Body { slot: usize, top: bool, n: u8 },
    /// New front matter (title, date, tags, slug, draft).
    FrontMatter { slot: usize, n: u8 },
    /// New front matter saved as some editors and `sed -i` do: written to
    /// a temporary file beside the page, which is then renamed over it.
    Save { slot: usize, n: u8 },
    /// A new page.
    Create { slot: usize, n: u8 },
    /// A deleted page.
    Delete { slot: usize },
    /// A renamed page.
    Rename { from: usize, to: usize },
    /// The link target changes its slug or title.
    Target { n: u8 },
    /// A page's date moves it to the end of its lists, or to the front.
    Move { slot: usize, back: bool },
    /// `data/plan.yaml` gets `n` rows (none: it goes); `data/other.yaml`,
    /// which no template reads, changes too.
    Data { n: u8 },
    /// A template changes: the article template's text, or a template of
    /// the site's own over the theme's comes or goes.
    Template { n: u8 },
    /// A browser asks for every file: the feeds, search and the sitemap
    /// are made now, so that the next edits redo them from there.
    Look,
}

fn op() -> impl Strategy<Value = Op> {
    let slot = 0..SLOTS.len();
    prop_oneof![
        3 => (slot.clone(), any::<bool>(), 0..4u8).prop_map(|(slot, top, n)| Op::Body { slot, top, n }),
        2 => (slot.clone(), 0..5u8).prop_map(|(slot, n)| Op::FrontMatter { slot, n }),
        1 => (slot.clone(), 0..5u8).prop_map(|(slot, n)| Op::Save { slot, n }),
        2 => (slot.clone(), 0..5u8).prop_map(|(slot, n)| Op::Create { slot, n }),
        1 => slot.clone().prop_map(|slot| Op::Delete { slot }),
        1 => (slot.clone(), slot.clone()).prop_map(|(from, to)| Op::Rename { from, to }),
        1 => (0..3u8).prop_map(|n| Op::Target { n }),
        2 => (slot.clone(), any::<bool>()).prop_map(|(slot, back)| Op::Move { slot, back }),
        1 => (0..3u8).prop_map(|n| Op::Data { n }),
        1 => (0..4u8).prop_map(|n| Op::Template { n }),
        3 => Just(Op::Look),
    ]
}

fn front_matter(slot: usize, n: u8) -> String {
    let date = format!("2026-{:02}-{:02}", 9 + n % 3, 1 + n);
    let tags = ["[安全]", "[安全, 汛期]", "[科普]", "[]", "[汛期]"][usize::from(n % 5)];
    let mut fm = format!("title: 第{slot}篇-{n}\ndate: {date}\ntags: {tags}\ntowns: [xianlong]");
    if n == 3 {
        fm.push_str(&format!("\nslug: s{slot}-{n}"));
    }
    if n == 4 && matches!(slot, 0 | 2 | 4) {
        fm.push_str("\ndraft: true");
    }
    if SLOTS[slot].starts_with("columns/") {
        fm.push_str("\nmedium: radio\noutlet: 永川广播电台\nprogram: 科普时间");
    }
    if SLOTS[slot].starts_with("emergency/") {
        let level = ["red", "orange", "yellow", "blue"][usize::from(n % 4)];
        fm.push_str(&format!(
            "\nhazard: heat\nlevel: {level}\nexpires: 2026-12-0{}T00:00:00+08:00\nareas: [xianlong]\nsteps: [多喝水]",
            1 + n % 3
        ));
    }
    fm
}

fn body(top: bool, n: u8) -> String {
    let first = if top {
        format!("第一段{n}。")
    } else {
        "第一段。".to_string()
    };
    format!("{first}\n\n## 小节\n\n正文{n}，见[目标](@/articles/target.md)。\n")
}

struct Site {
    t: common::SiteTest,
}

impl Site {
    fn new() -> Site {
        let t = common::SiteTest::with_real_theme();
        // Two items a list page: a page that moves shifts the pages after it.
        t.write("site.yaml", &format!("{}paginate_by: 2\n", common::SITE_YAML));
        t.page("_index.md", "title: 首页", "");
        t.page("articles/_index.md", "title: 科普资讯", "");
        t.page("articles/sub/_index.md", "title: 分栏", "");
        t.page(
            "articles/target.md",
            "title: 目标\ndate: 2026-08-01",
            "目标页。\n\n## 要点\n",
        );
        t.page("links.md", "title: 链接", "见[目标](@/articles/target.md#yao-dian)。\n");
        t.page(
            "boards/b1.md",
            "title: 画廊一\nboard_kind: gallery\nplace: park\ntown: xianlong\nshowing: [{page: \"@/articles/target.md\", from: 2026-11-01}]",
            "画廊。\n",
        );
        t.page(
            "columns/c0.md",
            "title: 第一期\ndate: 2026-10-01\nmedium: radio\noutlet: 永川广播电台\nprogram: 科普时间",
            "广播稿。\n",
        );
        t.page(
            "stations/s1.md",
            "title: 仙龙站\ntown: xianlong\ncommunity: 仙龙村\nstation_kind: station\nboards: [b1]",
            "站点。\n",
        );
        for (i, date) in ["2026-07-01", "2026-06-01", "2026-05-01"].iter().enumerate() {
            t.page(
                &format!("articles/old{i}.md"),
                &format!("title: 旧文{i}\ndate: {date}\ntags: [安全]"),
                "旧文。\n",
            );
        }
        let s = Site { t };
        for slot in [0, 3, 4, 6] {
            s.write(slot, &front_matter(slot, 0), &body(false, 0));
        }
        s
    }

    fn path(&self, slot: usize) -> PathBuf {
        self.t.path().join("content").join(SLOTS[slot])
    }

    fn write(&self, slot: usize, fm: &str, body: &str) {
        self.t.page(SLOTS[slot], fm, body);
    }

    /// The slots `op` writes.
    fn slots(op: &Op) -> Vec<usize> {
        match *op {
            Op::Body { slot, .. }
            | Op::FrontMatter { slot, .. }
            | Op::Save { slot, .. }
            | Op::Create { slot, .. }
            | Op::Delete { slot }
            | Op::Move { slot, .. } => vec![slot],
            Op::Rename { from, to } => vec![from, to],
            Op::Target { .. } | Op::Data { .. } | Op::Template { .. } | Op::Look => Vec::new(),
        }
    }

    /// Whether the page at `slot` is absent (a preview shows drafts too).
    fn hidden(&self, slot: usize) -> bool {
        !self.path(slot).exists()
    }

    /// Applies `op`; returns whether the site changed: false when it does
    /// not apply to the files as they are, or only touches absent pages.
    fn change(&self, op: &Op) -> bool {
        let slots = Self::slots(op);
        let hidden_before: Vec<bool> = slots.iter().map(|&s| self.hidden(s)).collect();
        if !self.apply(op) {
            return false;
        }
        let draft_only = slots
            .iter()
            .zip(hidden_before)
            .all(|(&s, before)| before && self.hidden(s));
        matches!(op, Op::Target { .. } | Op::Data { .. } | Op::Template { .. }) || !draft_only
    }

    /// Applies `op`; false when it does not apply to the files as they are.
    fn apply(&self, op: &Op) -> bool {
        match *op {
            Op::Body { slot, top, n } if self.path(slot).exists() => {
                let text = std::fs::read_to_string(self.path(slot)).unwrap_or_default();
                let fm = text.split("---\n").nth(1).unwrap_or("").trim_end().to_string();
                self.write(slot, &fm, &body(top, n));
                true
            }
            Op::FrontMatter { slot, n } if self.path(slot).exists() => {
                self.write(slot, &front_matter(slot, n), &body(false, n));
                true
            }
            Op::Save { slot, n } if self.path(slot).exists() => {
                let path = self.path(slot);
                let temp = path.with_file_name(format!("sedK{n}x9q"));
                let text = format!("---\n{}\n---\n{}", front_matter(slot, n), body(false, n));
                std::fs::write(&temp, text).is_ok() && std::fs::rename(&temp, &path).is_ok()
            }
            Op::Create { slot, n } if !self.path(slot).exists() => {
                self.write(slot, &front_matter(slot, n), &body(true, n));
                true
            }
            Op::Delete { slot } if self.path(slot).exists() => std::fs::remove_file(self.path(slot)).is_ok(),
            Op::Rename { from, to }
                if from != to
                    && self.path(from).exists()
                    && !self.path(to).exists()
                    && SLOTS[from].split('/').next() == SLOTS[to].split('/').next() =>
            {
                if let Some(dir) = self.path(to).parent() {
                    std::fs::create_dir_all(dir).ok();
                }
                std::fs::rename(self.path(from), self.path(to)).is_ok()
            }
            Op::Move { slot, back } if self.path(slot).exists() => {
                let text = std::fs::read_to_string(self.path(slot)).unwrap_or_default();
                let date = if back { "date: 2019-01-01" } else { "date: 2026-11-19" };
                let fm: Vec<&str> = text.split("---\n").nth(1).unwrap_or("").lines().collect();
                let fm: Vec<&str> = fm
                    .into_iter()
                    .map(|l| if l.starts_with("date:") { date } else { l })
                    .collect();
                let body = text.splitn(3, "---\n").nth(2).unwrap_or("").to_string();
                self.write(slot, &fm.join("\n"), &body);
                true
            }
            Op::Data { n } => {
                let plan = self.t.path().join("data/plan.yaml");
                match n {
                    0 => {
                        let _ = std::fs::remove_file(&plan);
                    }
                    n => {
                        let rows: String = (0..n)
                            .map(|i| {
                                match i % 2 {
                                    0 => format!(
                                        "- level1: 科普阵地建设\n  level2: 设施{i}\n  level3: 任务{i}\n  lead: 区科协\n  status: 进行中{i}\n"
                                    ),
                                    _ => format!(
                                        "- level1: 科普阵地建设\n  level2: 栏目{i}\n  level3: 每周刊播{i}\n  lead: 区科协\n  measure: column_weeks\n"
                                    ),
                                }
                            })
                            .collect();
                        self.t.write("data/plan.yaml", &rows);
                    }
                }
                self.t.write("data/other.yaml", &format!("note: 第{n}次\n"));
                true
            }
            Op::Template { n } => {
                let theme = self.t.path().join("themes/default/templates");
                match n {
                    0 | 1 => {
                        let file = theme.join("article.html");
                        let text = std::fs::read_to_string(&file).unwrap_or_default();
                        let text = match text.find("<!-- t -->") {
                            Some(i) => text[..i].to_string() + &text[i + "<!-- t -->".len()..],
                            None => match text.rfind("{% endblock") {
                                Some(i) => format!("{}<!-- t -->{}", &text[..i], &text[i..]),
                                None => text,
                            },
                        };
                        std::fs::write(file, text).is_ok()
                    }
                    2 => {
                        let own = self.t.path().join("templates/partials/toc.html");
                        if own.exists() {
                            return false;
                        }
                        let theirs = std::fs::read_to_string(theme.join("partials/toc.html")).unwrap_or_default();
                        self.t
                            .write("templates/partials/toc.html", &format!("<!-- own -->{theirs}"));
                        true
                    }
                    _ => std::fs::remove_file(self.t.path().join("templates/partials/toc.html")).is_ok(),
                }
            }
            Op::Target { n } => {
                let fm = match n {
                    0 => "title: 目标\ndate: 2026-08-01".to_string(),
                    1 => "title: 新目标\ndate: 2026-08-02".to_string(),
                    _ => "title: 目标\ndate: 2026-08-01\nslug: mu-biao-2".to_string(),
                };
                self.t.page("articles/target.md", &fm, "目标页。\n\n## 要点\n");
                true
            }
            _ => false,
        }
    }
}

/// Waits for the rebuild an edit causes, then for quiet.
fn settle(live: &mut Live) {
    let got = live.next(Duration::from_secs(30));
    assert!(got.is_some(), "no live-reload event after an edit");
    while live.next(Duration::from_millis(250)).is_some() {}
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(12),
        max_shrink_iters: 24,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn served_site_equals_a_fresh_build_after_any_edits(ops in prop::collection::vec(op(), 1..8)) {
        let site = Site::new();
        let server = Server::start(site.t.path(), &[]);
        let mut live = server.live();
        for op in &ops {
            if matches!(op, Op::Look) {
                server.text("/__kepu/files");
            } else if site.change(op) {
                settle(&mut live);
            }
        }
        assert_same_as_build(site.t.path(), &server);
    }
}
