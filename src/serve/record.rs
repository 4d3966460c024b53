//! The sink and selection of one (re)render: it renders only what it was
//! told to, and records each new file with who made it and its key.
//!
//! 1. The render asks [`Select`] which tasks and parts to run; the recorder
//!    answers from its lists and remembers the part that is running.
//! 2. Before a task renders, the recorder is given its key: a file held
//!    with the same key is kept as it is (nothing is rendered).
//! 3. Each file put is tagged with its maker: a task or a part.
//! 4. Paths are checked against the files kept from before (those not
//!    made by what is redone) and the new ones, so two makers of one path
//!    are an error, as in a build.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

use super::store::{By, Content, Entry, Outputs};
use crate::feeds::FeedScope;
use crate::output::sink::Sink;
use crate::output::{Body, Dep, OutputError, safe_path};
use crate::render::jobs::Task;
use crate::render::select::{Part, Select};

/// Which tasks to render.
#[derive(Debug, Clone)]
pub enum Tasks {
    /// All of them.
    All,
    /// These, with the paths of their files.
    Some(HashMap<Task, String>),
}

impl Tasks {
    /// None.
    pub fn none() -> Self {
        Tasks::Some(HashMap::new())
    }

    /// Whether `task` is among them.
    pub fn contains(&self, task: Task) -> bool {
        match self {
            Tasks::All => true,
            Tasks::Some(map) => map.contains_key(&task),
        }
    }
}

/// What a render redoes: its files replace the files these made before.
#[derive(Debug, Clone)]
pub struct Redo {
    /// Tasks to render.
    pub tasks: Tasks,
    /// Paths of tasks' files that go (their tasks are gone).
    pub gone: HashSet<String>,
    /// Parts to run.
    pub parts: BTreeSet<Part>,
    /// Parts whose files are dropped without running them (they are redone
    /// later).
    pub drop: BTreeSet<Part>,
    /// The feeds made again when the feeds part runs, those outside kept
    /// as they are (`None`: every one, its file kept when made of the same).
    pub feeds: Option<FeedScope>,
}

impl Redo {
    /// Renders `tasks` (their files kept when made of the same), no part.
    pub fn tasks(tasks: HashMap<Task, String>) -> Self {
        Redo {
            tasks: Tasks::Some(tasks),
            gone: HashSet::new(),
            parts: [Part::Jobs].into(),
            drop: BTreeSet::new(),
            feeds: None,
        }
    }

    /// Runs `parts`, no task.
    pub fn parts(parts: BTreeSet<Part>) -> Self {
        Redo {
            tasks: Tasks::none(),
            gone: HashSet::new(),
            parts,
            drop: BTreeSet::new(),
            feeds: None,
        }
    }

    /// Whether the file at `path`, made `by`, is made again (or goes).
    pub fn covers(&self, path: &str, by: By) -> bool {
        match by {
            By::Task => {
                self.gone.contains(path)
                    || (self.parts.contains(&Part::Jobs)
                        && match &self.tasks {
                            Tasks::All => true,
                            Tasks::Some(map) => map.values().any(|p| p == path),
                        })
            }
            By::Part(p) => self.parts.contains(&p) || self.drop.contains(&p),
        }
    }

    /// The paths of the task files it redoes (`None`: all of them).
    pub fn task_paths(&self) -> Option<HashSet<&str>> {
        match &self.tasks {
            Tasks::All => None,
            Tasks::Some(map) => Some(map.values().map(String::as_str).collect()),
        }
    }
}

/// Records one render on top of the outputs kept from before.
pub struct Recorder<'a> {
    current: &'a Outputs,
    redo: Redo,
    /// The paths of the task files redone (`None`: all).
    redone: Option<HashSet<String>>,
    running: Mutex<Option<Part>>,
    /// Path → key of each task's file.
    made: Mutex<HashMap<String, u64>>,
    /// Path → key of each part's file that has one.
    part_keys: Mutex<HashMap<String, u64>>,
    new: Mutex<Outputs>,
    /// Task files found made of the same and kept.
    kept: Mutex<usize>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl<'a> Recorder<'a> {
    /// A recorder that redoes `redo` over the `current` outputs.
    pub fn new(current: &'a Outputs, redo: Redo) -> Self {
        let redone = redo.task_paths().map(|paths| {
            paths
                .into_iter()
                .chain(redo.gone.iter().map(String::as_str))
                .map(String::from)
                .collect()
        });
        Recorder {
            current,
            redo,
            redone,
            running: Mutex::new(None),
            made: Mutex::new(HashMap::new()),
            part_keys: Mutex::new(HashMap::new()),
            new: Mutex::new(Outputs::new()),
            kept: Mutex::new(0),
        }
    }

    /// The files made (and the task files kept as they were), and how many
    /// task files were kept.
    pub fn finish(self) -> (Outputs, usize) {
        let kept = self.kept.into_inner().unwrap_or_else(|e| e.into_inner());
        (self.new.into_inner().unwrap_or_else(|e| e.into_inner()), kept)
    }

    /// Whether the file at `path`, made `by`, is made again.
    fn covers(&self, path: &str, by: By) -> bool {
        match (by, &self.redone) {
            (By::Task, Some(paths)) => self.redo.parts.contains(&Part::Jobs) && paths.contains(path),
            _ => self.redo.covers(path, by),
        }
    }

    /// A file from before that stays.
    fn kept(&self, clean: &str) -> Option<&Arc<Entry>> {
        self.current.get(clean).filter(|e| !self.covers(clean, e.by))
    }

    fn by(&self, clean: &str) -> By {
        match *lock(&self.running) {
            Some(Part::Jobs) | None if lock(&self.made).contains_key(clean) => By::Task,
            Some(Part::Jobs) | None => By::Part(Part::Jobs),
            Some(part) => By::Part(part),
        }
    }

    /// Carries `e` over to the new outputs at `clean`, unless something was
    /// made there already.
    fn carry(&self, clean: String, e: &Arc<Entry>) -> bool {
        let mut new = lock(&self.new);
        if new.contains_key(&clean) {
            return false;
        }
        new.insert(clean, e.clone());
        true
    }
}

impl Select for Recorder<'_> {
    fn task(&self, task: Task) -> bool {
        self.redo.tasks.contains(task)
    }

    fn made(&self, task: Task, path: &str) {
        let Ok(clean) = safe_path::clean(path) else {
            return;
        };
        if let Tasks::Some(map) = &self.redo.tasks {
            debug_assert_eq!(map.get(&task), Some(&clean), "the path of {task:?}");
        }
        lock(&self.made).entry(clean).or_insert(0);
    }

    fn part(&self, part: Part) -> bool {
        let run = self.redo.parts.contains(&part);
        if run {
            *lock(&self.running) = Some(part);
        }
        run
    }

    fn keys(&self) -> bool {
        true
    }

    fn keep(&self, _task: Task, path: &str, key: u64) -> bool {
        let Ok(clean) = safe_path::clean(path) else {
            return false;
        };
        lock(&self.made).insert(clean.clone(), key);
        let same = self.current.get(&clean).filter(|e| e.by == By::Task && e.key == key);
        let Some(e) = same else {
            return false;
        };
        // Another task made this path already: render, so that the
        // collision is reported as in a build.
        if !self.carry(clean, e) {
            return false;
        }
        *lock(&self.kept) += 1;
        true
    }
}

impl Sink for Recorder<'_> {
    fn put(&self, path: &str, body: Body, deps: Vec<Dep>, origin: &str) -> Result<(), OutputError> {
        let clean = safe_path::clean(path).map_err(|message| OutputError {
            path: path.to_string(),
            message,
            origin: origin.to_string(),
        })?;
        let by = self.by(&clean);
        let key = match by {
            By::Task => lock(&self.made).get(&clean).copied().unwrap_or(0),
            By::Part(_) => lock(&self.part_keys).get(&clean).copied().unwrap_or(0),
        };
        // Packed before the lock: renders in parallel put side by side.
        let content = match body {
            Body::Bytes(b) => Content::pack(b),
            Body::Copy(p) => Content::File(p),
        };
        let mut new = lock(&self.new);
        if let Some(prev) = self.kept(&clean).or_else(|| new.get(&clean)) {
            return Err(OutputError {
                message: crate::text!("output.taken.both", clean, prev.origin, origin).into(),
                path: clean,
                origin: origin.to_string(),
            });
        }
        let entry = Entry {
            content,
            deps,
            origin: origin.to_string(),
            by,
            key,
        };
        new.insert(clean, Arc::new(entry));
        Ok(())
    }

    fn taken(&self) -> Vec<(String, String)> {
        let new = lock(&self.new);
        let mut all: Vec<(String, String)> = self
            .current
            .iter()
            .filter(|(p, e)| !self.covers(p, e.by))
            .chain(new.iter())
            .map(|(p, e)| (p.clone(), e.origin.clone()))
            .collect();
        all.sort();
        all.dedup_by(|a, b| a.0 == b.0);
        all
    }

    fn has(&self, path: &str) -> bool {
        safe_path::clean(path).is_ok_and(|c| self.kept(&c).is_some() || lock(&self.new).contains_key(&c))
    }

    fn holds(&self) -> bool {
        true
    }

    fn feed_scope(&self) -> Option<&FeedScope> {
        match *lock(&self.running) {
            Some(Part::Feeds) => self.redo.feeds.as_ref(),
            _ => None,
        }
    }

    fn keep_held(&self, path: &str) -> bool {
        let Ok(clean) = safe_path::clean(path) else {
            return false;
        };
        let Some(part) = *lock(&self.running) else {
            return false;
        };
        let Some(e) = self.current.get(&clean).filter(|e| e.by == By::Part(part)) else {
            return false;
        };
        self.carry(clean, e)
    }

    fn held(&self, path: &str, key: u64) -> bool {
        let Ok(clean) = safe_path::clean(path) else {
            return false;
        };
        let Some(part) = *lock(&self.running) else {
            return false;
        };
        lock(&self.part_keys).insert(clean.clone(), key);
        let same = self
            .current
            .get(&clean)
            .filter(|e| e.by == By::Part(part) && e.key == key && key != 0);
        let Some(e) = same else {
            return false;
        };
        self.carry(clean, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_files_and_refuses_collisions() {
        let kept = Outputs::new();
        let redo = Redo {
            tasks: Tasks::All,
            gone: HashSet::new(),
            parts: [Part::Jobs, Part::Feeds].into(),
            drop: BTreeSet::new(),
            feeds: None,
        };
        let r = Recorder::new(&kept, redo);
        assert!(r.part(Part::Jobs));
        r.made(Task::Home, "index.html");
        assert!(!r.keep(Task::Home, "index.html", 7));
        r.put("index.html", Body::Bytes(b"h".to_vec()), vec![], "home").unwrap();
        assert!(!r.part(Part::Assets));
        assert!(r.part(Part::Feeds));
        r.put("atom.xml", Body::Bytes(b"a".to_vec()), vec![], "feeds").unwrap();
        let e = r.put("/index.html", Body::Bytes(vec![]), vec![], "feeds").unwrap_err();
        assert!(e.message.contains("both home and feeds"), "{}", e.message);
        assert!(r.has("atom.xml"));
        let (out, kept) = r.finish();
        assert_eq!(kept, 0);
        assert_eq!(out["index.html"].by, By::Task);
        assert_eq!(out["index.html"].key, 7);
        assert_eq!(out["atom.xml"].by, By::Part(Part::Feeds));
    }

    #[test]
    fn a_task_file_made_of_the_same_is_kept_not_rendered() {
        let entry = |key| {
            Arc::new(Entry {
                content: Content::Bytes(Arc::from(&b"old"[..])),
                deps: vec![],
                origin: "home page".into(),
                by: By::Task,
                key,
            })
        };
        let current: Outputs = [("index.html".to_string(), entry(7)), ("404.html".to_string(), entry(9))].into();
        let tasks: HashMap<Task, String> = [(Task::Home, "index.html".to_string())].into();
        let r = Recorder::new(&current, Redo::tasks(tasks.clone()));
        assert!(r.part(Part::Jobs));
        assert!(r.keep(Task::Home, "index.html", 7));
        // The file not redone stays taken; the kept one is taken once.
        assert_eq!(r.taken().len(), 2);
        let (out, kept) = r.finish();
        assert_eq!((out.len(), kept), (1, 1));
        assert!(Arc::ptr_eq(&out["index.html"], &current["index.html"]));
        let r = Recorder::new(&current, Redo::tasks(tasks));
        assert!(!r.keep(Task::Home, "index.html", 8), "another key renders again");
    }
}
