//! Paths that stay inside the output folder, and output folders that are
//! safe to replace.

use std::path::{Component, Path, PathBuf};

use crate::i18n::{Said, Text};

/// Normalizes a relative output path (`articles/x/index.html`), refusing
/// anything that could leave the output folder: `..`, absolute paths,
/// backslashes, drive letters, NUL and control characters, empty segments.
pub fn clean(path: &str) -> Result<String, Said> {
    if path.contains('\0') || path.chars().any(|c| c.is_control()) {
        return Err(crate::text!("output.path.control").into());
    }
    if path.contains('\\') {
        return Err(crate::text!("output.path.backslash").into());
    }
    if path.starts_with('/') {
        // URL-style paths are fine: strip the leading slash, but not '//' (a host).
        if path.starts_with("//") {
            return Err(crate::text!("output.path.host").into());
        }
    }
    let mut out: Vec<&str> = Vec::new();
    for seg in path.trim_start_matches('/').split('/') {
        match seg {
            "" | "." => continue,
            ".." => return Err(crate::text!("output.path.up").into()),
            s if s.contains(':') && out.is_empty() && s.len() == 2 => {
                return Err(crate::text!("output.path.drive").into());
            }
            s => out.push(s),
        }
    }
    if out.is_empty() {
        return Err(crate::text!("output.path.empty").into());
    }
    if out.iter().any(|s| s.len() > 255) {
        return Err(crate::text!("output.path.long").into());
    }
    for s in &out {
        if let Some(why) = windows_refuses(s) {
            return Err(crate::text!("output.path.windows", s, why).into());
        }
    }
    Ok(out.join("/"))
}

/// Why Windows refuses `segment` as a file or folder name, if it does.
pub fn windows_refuses(segment: &str) -> Option<Text> {
    if let Some(c) = segment
        .chars()
        .find(|c| matches!(c, '<' | '>' | ':' | '"' | '|' | '?' | '*'))
    {
        return Some(match c {
            ':' => crate::text!("output.windows.colon"),
            _ => crate::text!("output.windows.char"),
        });
    }
    if segment.ends_with('.') || segment.ends_with(' ') {
        return Some(crate::text!("output.windows.trailing"));
    }
    is_reserved_on_windows(segment).then(|| crate::text!("output.windows.device"))
}

/// Whether `segment` is a device name Windows reserves: CON, PRN, AUX,
/// NUL, COM1–COM9 and LPT1–LPT9, in any case, with or without an
/// extension (`nul.txt`).
pub fn is_reserved_on_windows(segment: &str) -> bool {
    let stem = segment.split('.').next().unwrap_or(segment).trim_end();
    let upper = stem.to_ascii_uppercase();
    matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (upper.len() == 4
            && (upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.as_bytes()[3].is_ascii_digit()
            && upper.as_bytes()[3] != b'0')
}

/// The key under which a case-insensitive disk (Windows, macOS) files
/// `clean`: two paths with one key would overwrite each other there.
pub fn case_key(clean: &str) -> String {
    clean.to_lowercase()
}

/// A relative path as `/`-separated text (`articles/aed/sign.svg`), the form
/// `@/` links, template names and output paths use on every system.
pub fn to_slash(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Lexically normalizes an absolute path (resolving `.` and `..`).
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Refuses output folders that kepu must never replace: the file system
/// root, the site root or any folder above it, and the site's own source
/// folders.
pub fn check_output_dir(root: &Path, out: &Path) -> Result<(), Said> {
    let abs = |p: &Path| {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        let n = normalize(&p);
        std::fs::canonicalize(&n).unwrap_or(n)
    };
    let root = abs(root);
    let out = abs(out);
    if out.parent().is_none() {
        return Err(crate::text!("output.dir.fs_root", out.display()).into());
    }
    if root.starts_with(&out) {
        return Err(crate::text!("output.dir.holds_site", out.display()).into());
    }
    for src in ["content", "themes", "templates", "static", "data"] {
        if out.starts_with(root.join(src)) {
            return Err(crate::text!("output.dir.in_source", out.display(), src).into());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_paths() {
        assert_eq!(clean("articles/x/index.html").unwrap(), "articles/x/index.html");
        assert_eq!(clean("/a//b/./c").unwrap(), "a/b/c");
        for fine in [
            "console/index.html",
            "com0/x",
            "com10/x",
            "lpt/x",
            "a/.hidden",
            "nullable.js",
        ] {
            assert!(clean(fine).is_ok(), "{fine:?} refused");
        }
        for bad in [
            "../x",
            "a/../../x",
            "a\\b",
            "a\0b",
            "",
            "/",
            "//host/x",
            "C:/x",
            "a/\nb",
            "con/index.html",
            "a/NUL",
            "a/aux.html",
            "Com1/x",
            "lpt9.txt",
            "a./b",
            "a/10:30.jpg",
            "a/what?.html",
            "a/b*",
        ] {
            assert!(clean(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn refused_output_dirs() {
        let root = Path::new("/srv/site");
        assert!(check_output_dir(root, Path::new("/srv/site/public")).is_ok());
        assert!(check_output_dir(root, Path::new("/srv/other")).is_ok());
        assert!(check_output_dir(root, Path::new("/srv/site")).is_err());
        assert!(check_output_dir(root, Path::new("/srv/site/.")).is_err());
        assert!(check_output_dir(root, Path::new("/srv")).is_err());
        assert!(check_output_dir(root, Path::new("/")).is_err());
        assert!(check_output_dir(root, Path::new("/srv/site/content")).is_err());
        assert!(check_output_dir(root, Path::new("/srv/site/content/x")).is_err());
        assert!(check_output_dir(root, Path::new("/srv/site/public/..")).is_err());
    }
}
