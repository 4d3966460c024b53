//! Tera's errors in kepu's words: which template, which line, what is
//! wrong and how to fix it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use tera::ErrorKind;

use crate::error::Diagnostic;
use crate::i18n::Said;

pub(super) fn missing(name: &str, files: &BTreeMap<String, PathBuf>) -> Diagnostic {
    let theme_hint = files
        .values()
        .next()
        .and_then(|p| p.to_str())
        .and_then(|p| p.find("templates/").map(|i| p[..i + "templates/".len()].to_string()))
        .unwrap_or_else(|| "templates/".into());
    Diagnostic::error(
        format!("templates/{name}"),
        0,
        0,
        crate::text!("render.template_missing", name),
    )
    .with_hint(crate::text!("render.template_missing.help", name, theme_hint))
}

/// Diagnostics of the reports in a Tera message: each `error: MESSAGE`
/// followed by a line `--> NAME:LINE:COL` naming a loaded template.
pub(super) fn reports_in(msg: &str, files: &BTreeMap<String, PathBuf>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut message: Option<&str> = None;
    for line in msg.lines() {
        let t = line.trim_start();
        if let Some(m) = t.strip_prefix("error: ") {
            message = Some(m);
        } else if let (Some(loc), Some(m)) = (t.strip_prefix("--> "), message.take()) {
            let mut parts = loc.rsplitn(3, ':');
            let (col, line_no, name) = (parts.next(), parts.next(), parts.next());
            if let (Some(file), Some(l), Some(c)) = (
                name.and_then(|n| files.get(n)),
                line_no.and_then(|l| l.parse().ok()),
                col.and_then(|c| c.parse().ok()),
            ) {
                out.push(Diagnostic::error(file, l, c, m.replace('`', "'")));
            }
        }
    }
    out
}

/// Maps a Tera error to a diagnostic at the template file and line.
pub(crate) fn to_diagnostic(e: &tera::Error, files: &BTreeMap<String, PathBuf>, name: &str) -> Diagnostic {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(te) = err.downcast_ref::<tera::Error>() {
            match te.kind() {
                ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
                    let file = files
                        .get(r.filename())
                        .cloned()
                        .unwrap_or_else(|| PathBuf::from(format!("templates/{}", r.filename())));
                    return Diagnostic::error(
                        file,
                        r.span().start_line.max(1),
                        r.span().start_col + 1,
                        r.message().to_string(),
                    );
                }
                ErrorKind::TemplateNotFound(n) => return missing(n, files),
                ErrorKind::MissingParent { current, parent } => {
                    let file = files.get(current).cloned().unwrap_or_else(|| PathBuf::from(current));
                    return Diagnostic::error(file, 1, 1, crate::text!("render.parent_missing", current, parent))
                        .with_hint(crate::text!("render.parent_missing.help", parent));
                }
                _ => {}
            }
        }
        cur = err.source();
    }
    let file = files
        .get(name)
        .cloned()
        .unwrap_or_else(|| PathBuf::from(format!("templates/{name}")));
    Diagnostic::error(file, 0, 0, first_line(e))
}

/// The first line of a Tera error, as Tera wrote it.
pub(super) fn first_line(e: &tera::Error) -> Said {
    match e.to_string().lines().next() {
        Some(line) => Said::from(line),
        None => crate::text!("render.template_error").into(),
    }
}

/// A load error that names no position (a circular include, a block or
/// macro checked across templates): blamed on the first template the
/// message names, at the line that refers to the next one it names.
pub(super) fn blame_named(
    e: &tera::Error,
    files: &BTreeMap<String, PathBuf>,
    sources: &BTreeMap<String, String>,
) -> Diagnostic {
    let msg = e.to_string();
    let mut named: Vec<(usize, &String)> = files
        .keys()
        .filter_map(|name| {
            ["'", "\"", "`"]
                .iter()
                .filter_map(|q| msg.find(&format!("{q}{name}{q}")))
                .min()
                .map(|at| (at, name))
        })
        .collect();
    named.sort();
    let Some(&(_, blamed)) = named.first() else {
        let first = sources.keys().next().cloned().unwrap_or_default();
        return to_diagnostic(e, files, &first);
    };
    let explained = explained(e);
    // A missing parent is not a loaded template: point at the line naming it.
    let target = match &explained {
        Some((_, _, Some(parent))) => parent.as_str(),
        _ => named.get(1).map_or(blamed, |n| n.1),
    };
    let line = sources.get(blamed).and_then(|src| {
        src.lines()
            .position(|l| l.contains(&format!("\"{target}\"")) || l.contains(&format!("'{target}'")))
            .map(|i| i + 1)
    });
    let file = files.get(blamed).cloned().unwrap_or_else(|| PathBuf::from(blamed));
    let (message, hint) = explained.map_or_else(|| (first_line(e), None), |(m, h, _)| (m, h));
    let d = Diagnostic::error(file, line.unwrap_or(0), usize::from(line.is_some()), message);
    match hint {
        Some(h) => d.with_hint(h),
        None => d,
    }
}

/// kepu's own words, with a hint, for the load errors of Tera it knows: a
/// missing parent (named last), templates that extend or include each
/// other in a loop.
pub(super) fn explained(e: &tera::Error) -> Option<(Said, Option<Said>, Option<String>)> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(te) = err.downcast_ref::<tera::Error>() {
            match te.kind() {
                ErrorKind::MissingParent { current, parent } => {
                    return Some((
                        crate::text!("render.parent_missing", current, parent).into(),
                        Some(crate::text!("render.parent_missing.help", parent).into()),
                        Some(parent.clone()),
                    ));
                }
                ErrorKind::CircularExtend { tpl, inheritance_chain } => {
                    let chain = inheritance_chain.join(" → ");
                    return Some((
                        crate::text!("render.circular_extend", tpl, chain).into(),
                        Some(crate::text!("render.circular.help").into()),
                        None,
                    ));
                }
                ErrorKind::CircularInclude { tpl, include_chain } => {
                    let chain = include_chain.join(" → ");
                    return Some((
                        crate::text!("render.circular_include", tpl, chain).into(),
                        Some(crate::text!("render.circular.help").into()),
                        None,
                    ));
                }
                _ => {}
            }
        }
        cur = err.source();
    }
    None
}
