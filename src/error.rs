//! Errors and diagnostics.
//!
//! Every problem a user can fix is a [`Diagnostic`]: a file, a line, a column,
//! a one-line message and an optional hint. A build gathers all of them into
//! [`Diagnostics`] and reports them at once; only faults that no edit of the
//! site can fix (the disk, a refused output folder) are plain [`Error`]s.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::i18n::{Lang, Said, t};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Stops the build.
    Error,
    /// Reported, the build goes on.
    Warning,
}

/// One problem in the site, at a place in a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the site root where possible.
    pub path: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column, in characters; 0 when unknown.
    pub column: usize,
    /// What is wrong, in one line.
    pub message: Said,
    /// How to fix it.
    pub hint: Option<Said>,
    /// The lint that raised it, if any (`column-week`, `stale-board` ...).
    pub lint: Option<&'static str>,
    /// The text of the line it points at, shown with a caret under the column.
    pub source: Option<Box<String>>,
}

impl Diagnostic {
    /// An error at `path:line:column`.
    pub fn error(path: impl Into<PathBuf>, line: usize, column: usize, message: impl Into<Said>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line,
            column,
            message: message.into(),
            hint: None,
            lint: None,
            source: None,
        }
    }

    /// A warning at `path:line:column`.
    pub fn warning(path: impl Into<PathBuf>, line: usize, column: usize, message: impl Into<Said>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, line, column, message)
        }
    }

    /// Adds a hint on how to fix the problem.
    pub fn with_hint(mut self, hint: impl Into<Said>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Keeps the text of the line it points at, to show it.
    pub fn with_source(mut self, line: Option<String>) -> Self {
        self.source = line.map(Box::new);
        self
    }

    /// Marks the diagnostic as raised by `lint`.
    pub fn with_lint(mut self, lint: &'static str) -> Self {
        self.lint = Some(lint);
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The `file:line:column` part of the message.
    pub fn location(&self) -> String {
        let path = self.path.display();
        match (self.line, self.column) {
            (0, _) => format!("{path}"),
            (l, 0) => format!("{path}:{l}"),
            (l, c) => format!("{path}:{l}:{c}"),
        }
    }
}

impl Diagnostic {
    /// Turns the message and the hint into `lang`.
    pub fn localize(&mut self, lang: Lang) {
        self.message.localize(lang);
        if let Some(h) = &mut self.hint {
            h.localize(lang);
        }
    }

    /// The diagnostic as printed in `lang`: the label, the place, the
    /// message, the line with a caret, the hint.
    pub fn shown(&self, lang: Lang) -> Shown<'_> {
        Shown { d: self, lang }
    }
}

/// A [`Diagnostic`] printed in a language (see [`Diagnostic::shown`]).
pub struct Shown<'a> {
    d: &'a Diagnostic,
    lang: Lang,
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.d;
        let label = match d.severity {
            Severity::Error => t(self.lang, "diag.error", &[]),
            Severity::Warning => t(self.lang, "diag.warning", &[]),
        };
        write!(f, "{label}: {}: {}", d.location(), d.message.in_lang(self.lang))?;
        if let Some(src) = &d.source
            && d.line > 0
        {
            write!(f, "\n{}", crate::error_snippet::render(src, d.line, d.column))?;
        }
        if let Some(hint) = &d.hint {
            write!(f, "\n  {}: {}", t(self.lang, "diag.help", &[]), hint.in_lang(self.lang))?;
        }
        Ok(())
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.shown(Lang::En).fmt(f)
    }
}

/// All diagnostics of one run, kept in a stable order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// An empty list.
    pub fn new() -> Self {
        Diagnostics(Vec::new())
    }

    /// Adds one diagnostic.
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    /// Adds all of `other`.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.0.len() - self.error_count()
    }

    /// Sorts by file, line, column, so output does not depend on thread timing.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (&a.path, a.line, a.column, a.severity, &a.message)
                .cmp(&(&b.path, b.line, b.column, b.severity, &b.message))
        });
        self.0.dedup();
    }

    /// Iterates over the diagnostics.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// True when there is nothing to report.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Turns every message and hint into `lang`.
    pub fn localize(&mut self, lang: Lang) {
        for d in &mut self.0 {
            d.localize(lang);
        }
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// A failure of a kepu run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The site has errors; each names its file and line.
    #[error("{} error(s) in the site", .0.error_count())]
    Site(Diagnostics),
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The output folder cannot be used, or another guarantee would break.
    #[error("{0}")]
    Refused(Said),
}

impl Error {
    /// The error as printed in `lang` (a site's errors are printed one by
    /// one, see [`Diagnostics`]).
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            Error::Site(d) => t(lang, "diag.site_errors", &[&d.error_count().to_string()]),
            Error::Io { path, source } => t(lang, "error.io", &[&path.display().to_string(), &source.to_string()]),
            Error::Refused(why) => why.in_lang(lang),
        }
    }

    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Result with kepu's error.
pub type Result<T> = std::result::Result<T, Error>;
