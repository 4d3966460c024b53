//! `data/`: YAML files that templates read as `data.NAME`.

use std::collections::HashMap;
use std::path::Path;

use crate::error::Diagnostic;

/// Reads every `data/*.yaml` (and `.yml`) into one map keyed by file stem.
pub fn load(root: &Path, diags: &mut Vec<Diagnostic>) -> serde_json::Map<String, serde_json::Value> {
    load_keeping(root, &[], diags).0
}

/// [`load`], also giving the text (as read and cleaned) of each file whose
/// stem is in `keep` and that is YAML, for readers that check more.
pub fn load_keeping(
    root: &Path,
    keep: &[&str],
    diags: &mut Vec<Diagnostic>,
) -> (serde_json::Map<String, serde_json::Value>, HashMap<String, String>) {
    let mut map = serde_json::Map::new();
    let mut texts = HashMap::new();
    for (rel, file) in crate::render::assets::files_under(&root.join("data"), root, diags) {
        let Some(stem) = rel.strip_suffix(".yaml").or_else(|| rel.strip_suffix(".yml")) else {
            continue;
        };
        let shown = crate::config::display_path(root, &file);
        let text = match std::fs::read(&file).map(String::from_utf8) {
            Ok(Ok(t)) => crate::escape::scrub_noncharacters(t),
            Ok(Err(e)) => {
                diags.push(crate::encoding::not_utf8(shown, &e));
                continue;
            }
            Err(e) => {
                diags.push(Diagnostic::error(
                    shown,
                    0,
                    0,
                    crate::text!("content.cannot_read_entry", e),
                ));
                continue;
            }
        };
        match crate::yaml::to_json(&text) {
            Ok(v) => {
                let stem = stem.replace('/', "_");
                if keep.contains(&stem.as_str()) {
                    texts.insert(stem.clone(), text);
                }
                map.insert(stem, v);
            }
            Err(e) => diags.push(Diagnostic::error(shown, e.line, e.column, e.message)),
        }
    }
    (map, texts)
}
