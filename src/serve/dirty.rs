//! Which outputs an edit touched, from the [`Dep`]s each output recorded.
//!
//! 1. [`Touched`] says what changed: pages in full, what lists show of
//!    some pages, templates; [`Touched::deps`] lists the deps that reach.
//! 2. [`Index`] maps each dep to the files of tasks and to the parts that
//!    recorded it, and each part to its files, so an edit costs lookups,
//!    not a walk over every output.
//! 3. [`Index::dirty`] returns the task files and the parts to redo.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use super::store::{By, Entry, Outputs};
use crate::output::Dep;
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
    /// changes are found by the keys of the files, and copied files are
    /// read when served, so none of those is ever touched here.
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

/// Dep → files of tasks and parts that recorded it; part → its files.
#[derive(Debug, Clone, Default)]
pub struct Index {
    files: HashMap<Dep, HashSet<Arc<str>>>,
    parts: HashMap<Dep, HashSet<Part>>,
    made: HashMap<Part, HashSet<String>>,
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
        match e.by {
            By::Task => {
                let shared: Arc<str> = Arc::from(path);
                for d in &e.deps {
                    self.files.entry(d.clone()).or_default().insert(shared.clone());
                }
            }
            By::Part(part) => {
                self.made.entry(part).or_default().insert(path.to_string());
                for d in &e.deps {
                    self.parts.entry(d.clone()).or_default().insert(part);
                }
            }
        }
    }

    /// Forgets the output at `path` (`e` gives its deps).
    pub fn remove(&mut self, path: &str, e: &Entry) {
        match e.by {
            By::Task => {
                for d in &e.deps {
                    if let Some(set) = self.files.get_mut(d) {
                        set.remove(path);
                        if set.is_empty() {
                            self.files.remove(d);
                        }
                    }
                }
            }
            By::Part(part) => {
                if let Some(files) = self.made.get_mut(&part) {
                    files.remove(path);
                }
                // A part's deps are kept while it has files: its other
                // files recorded them too.
                if self.made.get(&part).is_none_or(HashSet::is_empty) {
                    self.made.remove(&part);
                    for set in self.parts.values_mut() {
                        set.remove(&part);
                    }
                    self.parts.retain(|_, s| !s.is_empty());
                }
            }
        }
    }

    /// The files of `part`.
    pub fn files_of(&self, part: Part) -> Vec<String> {
        self.made
            .get(&part)
            .map(|s| s.iter().cloned().collect())
            .unwrap_or_default()
    }

    /// The task files that show the page at `rel` (its `@/` path): its
    /// own, and those that list it or show it in full.
    pub fn showing(&self, rel: &str) -> impl Iterator<Item = &str> {
        [Dep::Page(rel.to_string()), Dep::Summary(rel.to_string())]
            .into_iter()
            .filter_map(|dep| self.files.get(&dep))
            .flatten()
            .map(|p| &**p)
    }

    /// The task files and the parts whose outputs `touched` reaches.
    pub fn dirty(&self, touched: &Touched) -> (HashSet<String>, BTreeSet<Part>) {
        let mut files = HashSet::new();
        let mut parts = BTreeSet::new();
        for dep in touched.deps() {
            files.extend(self.files.get(&dep).into_iter().flatten().map(|p| p.to_string()));
            parts.extend(self.parts.get(&dep).into_iter().flatten().copied());
        }
        (files, parts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::store::Content;

    fn entry(by: By, deps: Vec<Dep>) -> Arc<Entry> {
        Arc::new(Entry {
            content: Content::Bytes(Arc::from(&b""[..])),
            deps,
            origin: String::new(),
            by,
            key: 0,
        })
    }

    fn outputs() -> Outputs {
        let page = |rel: &str, next: &str| {
            entry(
                By::Task,
                vec![
                    Dep::Page(rel.into()),
                    Dep::Summary(next.into()),
                    Dep::Template("page.html".into()),
                ],
            )
        };
        [
            ("a/index.html", page("articles/a.md", "articles/b.md")),
            ("b/index.html", page("articles/b.md", "articles/a.md")),
            (
                "articles/index.html",
                entry(By::Task, vec![Dep::Section("articles".into())]),
            ),
            ("tags/index.html", entry(By::Task, vec![Dep::AllFrontMatter])),
            ("atom.xml", entry(By::Part(Part::Feeds), vec![Dep::AllPages])),
            ("search/d/0.json", entry(By::Part(Part::Search), vec![Dep::AllContent])),
        ]
        .into_iter()
        .map(|(p, e)| (p.to_string(), e))
        .collect()
    }

    fn set(paths: &[&str]) -> HashSet<String> {
        paths.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn a_body_edit_reaches_the_page_and_full_text_only() {
        let index = Index::new(&outputs());
        let mut t = Touched::default();
        t.page("articles/a.md");
        let (files, parts) = index.dirty(&t);
        assert_eq!(files, set(&["a/index.html"]));
        assert_eq!(parts, [Part::Search].into());
    }

    #[test]
    fn a_summary_reaches_neighbours_lists_and_feeds_not_term_lists() {
        let index = Index::new(&outputs());
        let mut t = Touched::default();
        t.page("articles/a.md");
        t.summary_changed("articles/a.md");
        let (files, parts) = index.dirty(&t);
        assert_eq!(files, set(&["a/index.html", "b/index.html", "articles/index.html"]));
        assert_eq!(parts, [Part::Feeds, Part::Search].into());
        assert!(t.sections.contains("") && t.sections.contains("articles"));
    }

    #[test]
    fn removing_a_file_forgets_its_deps() {
        let out = outputs();
        let mut index = Index::new(&out);
        index.remove("b/index.html", &out["b/index.html"]);
        let mut t = Touched::default();
        t.summary_changed("articles/a.md");
        assert!(!index.dirty(&t).0.contains("b/index.html"));
        index.remove("atom.xml", &out["atom.xml"]);
        assert!(index.files_of(Part::Feeds).is_empty());
        assert!(!index.dirty(&t).1.contains(&Part::Feeds));
    }
}
