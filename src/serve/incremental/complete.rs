//! Redoing the parts a fast rebuild left stale (feeds, search, sitemap)
//! when a browser asks for them.

use super::*;

impl Engine {
    /// Redoes stale part `only` (every stale part when `None`: feeds,
    /// search, sitemap), if it is stale. A part redone alone reads the
    /// paths of the others as they are, which only a rebuild that renders
    /// everything changes, and that one leaves them missing.
    pub fn complete(&mut self, only: Option<Part>) -> Result<(), Vec<Diagnostic>> {
        let Some(l) = self.loaded.as_mut() else {
            return Ok(());
        };
        let mut parts = self.store.read().status.stale.clone();
        if let Some(p) = only {
            parts.retain(|x| *x == p);
        }
        if parts.is_empty() {
            return Ok(());
        }
        let redo = Redo {
            tasks: Tasks::Some(HashSet::new()),
            parts,
            drop: BTreeSet::new(),
        };
        let result = render_into(&mut l.p, &l.shared, &self.store.read().outputs, redo.clone());
        let (new, failed) = match result {
            Ok(new) => (new, None),
            Err(d) => (Outputs::new(), Some(d)),
        };
        swap_in(&self.store, &mut l.index, &redo, new);
        let mut site = self.store.write();
        site.status.stale.retain(|p| !redo.parts.contains(p));
        match failed {
            None => Ok(()),
            Some(d) => {
                site.status.errors = Arc::new(d.clone());
                site.status.generation += 1;
                Err(d)
            }
        }
    }
}
