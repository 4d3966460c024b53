//! The front matter `kepu new station` writes: every field as a comment
//! that shows the allowed values.

use crate::cli::new::{NewContext, choices};
use crate::i18n::Said;

/// The station's fields, commented out.
pub(super) fn stub(cx: &NewContext) -> Result<String, Said> {
    let kinds: Vec<(&str, &str)> = super::STATION_KINDS.iter().map(|(k, id)| (*id, k.label())).collect();
    Ok(format!(
        "# town: 所在镇街，可选 {}\n# community: 所在村（社区）\n# station_kind: 可选 {}\n# staff:\n#   - {{ name: 姓名, role: 科普员 }}\n# hours: 开放时间\n# equipment: []\n# boards: []\n",
        cx.towns,
        choices(&kinds),
    ))
}
