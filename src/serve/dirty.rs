//! Which outputs an edit touched, from the [`Dep`]s each output recorded.
//!
//! 1. [`Touched`] says what changed: pages in full, what lists show of
//!    some pages, templates; [`Touched::deps`] lists the deps that reach.
//! 2. [`Index`] maps each dep to the makers ([`By`]) of the outputs that
//!    recorded it, and each maker to its files, so an edit costs lookups,
//!    not a walk over every output.
//! 3. [`Index::dirty`] returns the tasks and parts to redo.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::store::{By, Entry, Outputs};
use crate::output::Dep;
use crate::render::jobs::Task;
use crate::render::select::Part;

/// What an edit changed.
#[derive(Debug, Clone, Default)]
pub struct Touched {
    /// Pages changed in any way, by `@/` path.
    pub pages: BTreeSet<String>,
    /// Pages whose summary (what lists show) changed.
    pub summaries: BTreeSet<String>,
    /// Sections whose lists show a changed summary.
    pub sections: BTreeSet<String>,
    /// Templates changed, by name.
    pub templates: BTreeSet<String>,
}

impl Touched {
    /// Notes a page changed in full.
    pub fn page(&mut self, rel_path: &str) {
        self.pages.insert(rel_path.to_string());
    }

    /// Notes that what lists show of the page at `rel_path` changed: its
    /// folder and every folder above it list it.
    pub fn summary_changed(&mut self, rel_path: &str) {
        self.summaries.insert(rel_path.to_string());
        self.sections.insert(String::new());
        let mut dir = rel_path;
        while let Some((parent, _)) = dir.rsplit_once('/') {
            self.sections.insert(parent.to_string());
            dir = parent;
        }
    }

    /// Every dep this reaches. Front matter, configuration and data
    /// changes re-render everything, and copied files are read when
    /// served, so none of those is ever touched here.
    pub fn deps(&self) -> Vec<Dep> {
        let mut deps: Vec<Dep> = self.pages.iter().cloned().map(Dep::Page).collect();
        deps.extend(self.summaries.iter().cloned().map(Dep::Summary));
        deps.extend(self.sections.iter().cloned().map(Dep::Section));
        deps.extend(self.templates.iter().cloned().map(Dep::Template));
        if !self.summaries.is_empty() {
            deps.push(Dep::AllPages);
        }
        if !self.pages.is_empty() {
            deps.push(Dep::AllContent);
        }
        deps
    }
}

/// Dep → makers of the outputs that recorded it; maker → its files.
#[derive(Debug, Clone, Default)]
pub struct Index {
    reach: HashMap<Dep, HashSet<By>>,
    made: HashMap<By, Vec<String>>,
}

impl Index {
    /// The index of `outputs`.
    pub fn new(outputs: &Outputs) -> Self {
        let mut index = Index::default();
        for (path, e) in outputs {
            index.add(path, e);
        }
        index
    }

    /// Notes the output at `path`.
    pub fn add(&mut self, path: &str, e: &Entry) {
        self.made.entry(e.by).or_default().push(path.to_string());
        for d in &e.deps {
            self.reach.entry(d.clone()).or_default().insert(e.by);
        }
    }

    /// Forgets every output of the makers `covered` names; returns their
    /// paths (to take out of `outputs`, whose entries give their deps).
    pub fn remove(&mut self, covered: impl Fn(By) -> bool, outputs: &Outputs) -> Vec<String> {
        let makers: Vec<By> = self.made.keys().copied().filter(|b| covered(*b)).collect();
        let mut paths = Vec::new();
        for by in makers {
            for path in self.made.remove(&by).unwrap_or_default() {
                for d in outputs.get(&path).map(|e| e.deps.as_slice()).unwrap_or_default() {
                    if let Some(set) = self.reach.get_mut(d) {
                        set.remove(&by);
                        if set.is_empty() {
                            self.reach.remove(d);
                        }
                    }
                }
                paths.push(path);
            }
        }
        paths
    }

    /// The tasks and parts whose outputs `touched` reaches.
    pub fn dirty(&self, touched: &Touched) -> (HashSet<Task>, BTreeSet<Part>) {
        let mut tasks = HashSet::new();
        let mut parts = BTreeSet::new();
        for dep in touched.deps() {
            for by in self.reach.get(&dep).into_iter().flatten() {
                match *by {
                    By::Task(t) => tasks.insert(t),
                    By::Part(p) => parts.insert(p),
                };
            }
        }
        (tasks, parts)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::serve::store::Content;

    fn entry(by: By, deps: Vec<Dep>) -> Arc<Entry> {
        Arc::new(Entry {
            content: Content::Bytes(Arc::from(&b""[..])),
            deps,
            origin: String::new(),
            by,
        })
    }

    fn outputs() -> Outputs {
        let page = |id, rel: &str, next: &str| {
            entry(
                By::Task(Task::Page(id)),
                vec![
                    Dep::Page(rel.into()),
                    Dep::Summary(next.into()),
                    Dep::Template("page.html".into()),
                ],
            )
        };
        [
            ("a/index.html", page(0, "articles/a.md", "articles/b.md")),
            ("b/index.html", page(1, "articles/b.md", "articles/a.md")),
            (
                "articles/index.html",
                entry(By::Task(Task::SectionPage(0, 1)), vec![Dep::Section("articles".into())]),
            ),
            (
                "tags/index.html",
                entry(By::Task(Task::TaxonomyList(0)), vec![Dep::AllFrontMatter]),
            ),
            ("atom.xml", entry(By::Part(Part::Feeds), vec![Dep::AllPages])),
            ("search/d/0.json", entry(By::Part(Part::Search), vec![Dep::AllContent])),
        ]
        .into_iter()
        .map(|(p, e)| (p.to_string(), e))
        .collect()
    }

    #[test]
    fn a_body_edit_reaches_the_page_and_full_text_only() {
        let index = Index::new(&outputs());
        let mut t = Touched::default();
        t.page("articles/a.md");
        let (tasks, parts) = index.dirty(&t);
        assert_eq!(tasks, [Task::Page(0)].into());
        assert_eq!(parts, [Part::Search].into());
    }

    #[test]
    fn a_summary_reaches_neighbours_lists_and_feeds_not_term_lists() {
        let index = Index::new(&outputs());
        let mut t = Touched::default();
        t.page("articles/a.md");
        t.summary_changed("articles/a.md");
        let (tasks, parts) = index.dirty(&t);
        assert_eq!(tasks, [Task::Page(0), Task::Page(1), Task::SectionPage(0, 1)].into());
        assert_eq!(parts, [Part::Feeds, Part::Search].into());
        assert!(t.sections.contains("") && t.sections.contains("articles"));
    }

    #[test]
    fn removing_a_maker_forgets_its_files_and_deps() {
        let out = outputs();
        let mut index = Index::new(&out);
        let paths = index.remove(|b| b == By::Task(Task::Page(1)), &out);
        assert_eq!(paths, vec!["b/index.html".to_string()]);
        let mut t = Touched::default();
        t.summary_changed("articles/a.md");
        assert!(!index.dirty(&t).0.contains(&Task::Page(1)));
    }
}
