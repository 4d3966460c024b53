//! The default theme compiled into the binary.
//!
//! A site whose `theme:` is `default` (or unset) builds on these files when it
//! has no `themes/default/`; a `themes/default/` folder, the site's
//! `templates/` and `static/` override them file by file.

include!(concat!(env!("OUT_DIR"), "/theme_files.rs"));

/// The name of the theme that is built in.
pub const NAME: &str = "default";

/// Every file of the built-in theme: (path under `themes/default/`, bytes).
pub fn files() -> &'static [(&'static str, &'static [u8])] {
    THEME_FILES
}

/// The built-in files under `prefix` (`templates/` or `static/`), with the
/// prefix taken off.
pub fn under(prefix: &str) -> impl Iterator<Item = (&'static str, &'static [u8])> + '_ {
    THEME_FILES
        .iter()
        .filter_map(move |(rel, bytes)| rel.strip_prefix(prefix).map(|r| (r, *bytes)))
}

/// How a built-in file is named in messages: where it would be in the site.
pub fn shown(rel: &str) -> std::path::PathBuf {
    std::path::PathBuf::from(format!("themes/{NAME}/{rel} (built in)"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_theme_has_its_templates_and_styles() {
        let names: Vec<_> = super::under("templates/").map(|(n, _)| n).collect();
        assert!(names.contains(&"base.html"), "{names:?}");
        assert!(names.contains(&"board_poster.html"));
        assert!(super::under("static/").any(|(n, _)| n.ends_with(".css")));
    }
}
