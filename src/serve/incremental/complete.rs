//! Redoing what a rebuild left for later when a browser asks for it: the
//! stale parts (feeds, search, sitemap) and unverified files.

use super::*;

/// What a request needs done before it is answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Want {
    /// One stale part.
    Part(Part),
    /// Every stale part.
    Stale,
    /// The unverified task file at this path.
    File(String),
}

impl Engine {
    /// Does what `want` asks, if it is still to do.
    pub fn complete(&mut self, want: &Want) -> Result<(), Vec<Diagnostic>> {
        match want {
            Want::Part(p) => self.complete_parts(Some(*p)),
            Want::Stale => self.complete_parts(None),
            Want::File(path) => self.verify(std::slice::from_ref(path)).map(|_| ()),
        }
    }

    /// Redoes stale part `only` (every stale part when `None`: feeds,
    /// search, sitemap), if it is stale. A part redone alone reads the
    /// paths of the others as they are, which only a rebuild that renders
    /// everything changes, and that one leaves them missing.
    fn complete_parts(&mut self, only: Option<Part>) -> Result<(), Vec<Diagnostic>> {
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
        let mut laps = super::Laps::start();
        let mut redo = Redo::parts(parts);
        // Only the feeds an edit can have changed are made again.
        redo.feeds = self.feeds_touched.clone();
        let result = render_into(&mut l.p, &l.shared, &self.store.read().outputs, redo.clone(), false);
        laps.lap("render");
        let (new, failed) = match result {
            Ok(made) => {
                if made.keys.is_some() {
                    l.keys = made.keys;
                }
                #[cfg(debug_assertions)]
                if redo.feeds.is_some() && redo.parts.contains(&Part::Feeds) {
                    same_feeds_as_made_whole(&mut l.p, &l.shared, &self.store.read().outputs, &made.outputs);
                }
                if redo.parts.contains(&Part::Feeds) {
                    self.feeds_touched = Some(FeedScope::default());
                }
                (made.outputs, None)
            }
            Err(d) => (Outputs::new(), Some(d)),
        };
        swap_in(&self.store, &mut l.index, &redo, new);
        laps.lap("swap");
        laps.print(&format!("{:?}", redo.parts));
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

/// Debug builds: the feeds made again for what edits touched, with the
/// others kept, are those all feeds made again give.
#[cfg(debug_assertions)]
pub(super) fn same_feeds_as_made_whole(p: &mut Site, shared: &Shared, current: &Outputs, made: &Outputs) {
    use crate::serve::store::By;
    let whole = render_into(p, shared, current, Redo::parts([Part::Feeds].into()), false);
    let feeds = |o: &Outputs| -> Vec<(String, Vec<u8>)> {
        o.iter()
            .filter(|(_, e)| e.by == By::Part(Part::Feeds))
            .map(|(p, e)| (p.clone(), e.content.bytes().map(|b| b.into_owned()).unwrap_or_default()))
            .collect()
    };
    let whole = whole.map(|m| feeds(&m.outputs)).unwrap_or_default();
    assert!(
        whole == feeds(made),
        "feeds made for an edit differ from feeds made whole"
    );
}
