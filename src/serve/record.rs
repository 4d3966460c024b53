//! The sink and selection of one (re)render: it renders only what it was
//! told to, and records each new file with who made it.
//!
//! 1. The render asks [`Select`] which tasks and parts to run; the recorder
//!    answers from its lists and remembers the part that is running.
//! 2. Each file put is tagged with its task (jobs) or part (the rest).
//! 3. Paths are checked against the files kept from before (those not
//!    made by what is redone) and the new ones, so two makers of one path
//!    are an error, as in a build.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

use super::store::{By, Content, Entry, Outputs};
use crate::output::sink::Sink;
use crate::output::{Body, Dep, OutputError, safe_path};
use crate::render::jobs::Task;
use crate::render::select::{Part, Select};

/// Which tasks to render.
#[derive(Debug, Clone)]
pub enum Tasks {
    /// All of them.
    All,
    /// These.
    Some(HashSet<Task>),
}

impl Tasks {
    /// Whether `task` is among them.
    pub fn contains(&self, task: Task) -> bool {
        match self {
            Tasks::All => true,
            Tasks::Some(set) => set.contains(&task),
        }
    }
}

/// What a render redoes: its files replace the files these made before.
#[derive(Debug, Clone)]
pub struct Redo {
    /// Tasks to render.
    pub tasks: Tasks,
    /// Parts to run.
    pub parts: BTreeSet<Part>,
    /// Parts whose files are dropped without running them (they are redone
    /// later).
    pub drop: BTreeSet<Part>,
}

impl Redo {
    /// Whether a file made `by` is made again.
    pub fn covers(&self, by: By) -> bool {
        match by {
            By::Task(t) => self.parts.contains(&Part::Jobs) && self.tasks.contains(t),
            By::Part(p) => self.parts.contains(&p) || self.drop.contains(&p),
        }
    }
}

/// Records one render on top of the outputs kept from before.
pub struct Recorder<'a> {
    current: &'a Outputs,
    redo: Redo,
    running: Mutex<Option<Part>>,
    made: Mutex<HashMap<String, Task>>,
    new: Mutex<Outputs>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl<'a> Recorder<'a> {
    /// A recorder that redoes `redo` over the `current` outputs.
    pub fn new(current: &'a Outputs, redo: Redo) -> Self {
        Recorder {
            current,
            redo,
            running: Mutex::new(None),
            made: Mutex::new(HashMap::new()),
            new: Mutex::new(Outputs::new()),
        }
    }

    /// The files made.
    pub fn finish(self) -> Outputs {
        self.new.into_inner().unwrap_or_else(|e| e.into_inner())
    }

    /// A file from before that stays.
    fn kept(&self, clean: &str) -> Option<&Arc<Entry>> {
        self.current.get(clean).filter(|e| !self.redo.covers(e.by))
    }

    fn by(&self, clean: &str) -> By {
        match *lock(&self.running) {
            Some(Part::Jobs) | None => match lock(&self.made).get(clean) {
                Some(&task) => By::Task(task),
                None => By::Part(Part::Jobs),
            },
            Some(part) => By::Part(part),
        }
    }
}

impl Select for Recorder<'_> {
    fn task(&self, task: Task) -> bool {
        self.redo.tasks.contains(task)
    }

    fn made(&self, task: Task, path: &str) {
        if let Ok(clean) = safe_path::clean(path) {
            lock(&self.made).insert(clean, task);
        }
    }

    fn part(&self, part: Part) -> bool {
        let run = self.redo.parts.contains(&part);
        if run {
            *lock(&self.running) = Some(part);
        }
        run
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
        let mut new = lock(&self.new);
        if let Some(prev) = self.kept(&clean).or_else(|| new.get(&clean)) {
            return Err(OutputError {
                message: crate::text!("output.taken.both", clean, prev.origin, origin).into(),
                path: clean,
                origin: origin.to_string(),
            });
        }
        let content = match body {
            Body::Bytes(b) => Content::Bytes(Arc::from(b)),
            Body::Copy(p) => Content::File(p),
        };
        let entry = Entry {
            content,
            deps,
            origin: origin.to_string(),
            by,
        };
        new.insert(clean, Arc::new(entry));
        Ok(())
    }

    fn taken(&self) -> Vec<(String, String)> {
        let new = lock(&self.new);
        let mut all: Vec<(String, String)> = self
            .current
            .iter()
            .filter(|(_, e)| !self.redo.covers(e.by))
            .chain(new.iter())
            .map(|(p, e)| (p.clone(), e.origin.clone()))
            .collect();
        all.sort();
        all
    }

    fn has(&self, path: &str) -> bool {
        safe_path::clean(path).is_ok_and(|c| self.kept(&c).is_some() || lock(&self.new).contains_key(&c))
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
            parts: [Part::Jobs, Part::Feeds].into(),
            drop: BTreeSet::new(),
        };
        let r = Recorder::new(&kept, redo);
        assert!(r.part(Part::Jobs));
        r.made(Task::Home, "index.html");
        r.put("index.html", Body::Bytes(b"h".to_vec()), vec![], "home").unwrap();
        assert!(!r.part(Part::Assets));
        assert!(r.part(Part::Feeds));
        r.put("atom.xml", Body::Bytes(b"a".to_vec()), vec![], "feeds").unwrap();
        let e = r.put("/index.html", Body::Bytes(vec![]), vec![], "feeds").unwrap_err();
        assert!(e.message.contains("both home and feeds"), "{}", e.message);
        assert!(r.has("atom.xml"));
        let out = r.finish();
        assert_eq!(out["index.html"].by, By::Task(Task::Home));
        assert_eq!(out["atom.xml"].by, By::Part(Part::Feeds));
    }
}
