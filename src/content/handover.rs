//! Strings a build takes out of the library, each handed once to the one
//! stage that needs it whole and freed there.
//!
//! A build renders every output once and ends, so it need not hold every
//! page's whole text until the search index is done, nor every page's
//! body HTML until the last list is rendered: the index takes each text as
//! it folds the page, each page job its body. `serve` and `check` render
//! again from the library and hand nothing over.

use std::sync::Mutex;

use super::{Library, Page, PageId};

/// Strings taken out of a library, by page id.
#[derive(Debug, Default)]
pub struct Handover(Vec<Mutex<Option<String>>>);

impl Handover {
    /// Takes out of each page of `lib` what `out` returns for it (`None`
    /// leaves the page as it is).
    pub fn take_out(lib: &mut Library, mut out: impl FnMut(PageId, &mut Page) -> Option<String>) -> Self {
        Handover(
            lib.pages
                .iter_mut()
                .enumerate()
                .map(|(id, p)| Mutex::new(out(id, p)))
                .collect(),
        )
    }

    /// What was taken out of page `id`, if it was and nobody had it yet;
    /// it is the caller's from now on.
    pub fn take(&self, id: PageId) -> Option<String> {
        let cell = self.0.get(id)?;
        cell.lock().unwrap_or_else(|e| e.into_inner()).take()
    }
}
