//! Checking unverified files: when asked for, and a few at a time in the
//! background.

use super::*;

impl Engine {
    /// Checks the unverified task files at `paths` (those that are): each
    /// is rendered again only if what it is made of changed. Returns the
    /// number of HTML pages rendered.
    pub fn verify(&mut self, paths: &[String]) -> Result<usize, Vec<Diagnostic>> {
        let Some(l) = self.loaded.as_mut() else {
            return Ok(0);
        };
        if self.lib_dirty {
            // The library is half-updated: the last good files stay.
            return Ok(0);
        }
        let wanted: Vec<String> = {
            let site = self.store.read();
            paths
                .iter()
                .filter(|p| site.outputs.get(*p).is_some_and(|e| site.unverified.contains(p, e)))
                .cloned()
                .collect()
        };
        if wanted.is_empty() {
            return Ok(0);
        }
        let mut laps = Laps::start();
        let tasks = l.tasks.tasks_at(&wanted);
        let redo = Redo::tasks(tasks);
        let result = match l.keys {
            Some(keys) => render_tasks_into(&mut l.p, &l.shared, &self.store.read().outputs, redo.clone(), keys),
            None => render_into(&mut l.p, &l.shared, &self.store.read().outputs, redo.clone(), false),
        };
        match result {
            Ok(made) => {
                l.keys = made.keys;
                laps.lap("render");
                let pages = count_pages(&made.outputs).saturating_sub(made.kept);
                swap_in(&self.store, &mut l.index, &redo, made.outputs);
                let mut site = self.store.write();
                for p in &wanted {
                    site.unverified.done(p);
                }
                laps.lap("swap");
                laps.print(&format!("verify {} ({} rendered)", wanted.len(), pages));
                Ok(pages)
            }
            Err(d) => {
                let mut site = self.store.write();
                if *site.status.errors != d {
                    site.status.errors = Arc::new(d.clone());
                    site.status.generation += 1;
                }
                Err(d)
            }
        }
    }

    /// Whether some files are unverified (and can be checked now).
    pub fn has_unverified(&self) -> bool {
        let site = self.store.read();
        self.loaded.is_some() && !self.lib_dirty && site.status.errors.is_empty() && !site.unverified.is_empty()
    }

    /// Checks up to `n` unverified files (see [`Engine::verify`]).
    pub fn sweep(&mut self, n: usize) -> Result<usize, Vec<Diagnostic>> {
        let some: Vec<String> = {
            let mut site = self.store.write();
            if !site.status.errors.is_empty() {
                // A file that fails stays unverified; it is checked again
                // when asked for or after the next rebuild.
                return Ok(0);
            }
            let site = &mut *site;
            site.unverified.next(&site.outputs, n)
        };
        self.verify(&some)
    }
}
