//! The front matter `kepu new board` writes: every field as a comment that
//! shows the allowed values.

use crate::cli::new::{NewContext, choices};
use crate::i18n::Said;

/// The board's fields, commented out.
pub(super) fn stub(cx: &NewContext) -> Result<String, Said> {
    let kinds: Vec<(&str, &str)> = super::BOARD_KINDS.iter().map(|(k, id)| (*id, k.label())).collect();
    Ok(format!(
        "# board_kind: 可选 {}\n# place: 所在地点，如 community（社区）\n# town: 所在镇街，可选 {}\n# address: 详细地址\n# maintainer: 维护人或单位\n# showing: [正在展出的文章，如 \"@/articles/xxx.md\"]\n",
        choices(&kinds),
        cx.towns,
    ))
}
