//! The front matter `kepu new emergency` writes: the date, and hazard,
//! level, expiry, areas and source as given on the command line, or as
//! comments that show the allowed values.

use crate::cli::new::{NewContext, choices, pick, yaml_str};
use crate::i18n::Said;

/// Date, and hazard, level, expiry, areas and source as given, or as comments.
pub(super) fn stub(cx: &NewContext) -> Result<String, Said> {
    use super::{HAZARDS, LEVELS};
    let (args, clock, towns) = (cx.args, cx.clock, &cx.towns);
    let hazards: Vec<(&str, &str)> = HAZARDS.iter().map(|h| (h.0, h.1)).collect();
    let levels: Vec<(&str, &str)> = LEVELS.iter().map(|(l, id)| (*id, l.label())).collect();
    let mut out = format!("date: {}\n", clock.rfc3339(clock.now()));
    match &args.hazard {
        Some(h) => out.push_str(&format!("hazard: {}\n", pick("hazard", h, &hazards)?)),
        None => out.push_str(&format!("# hazard: 必填，可选 {}\n", choices(&hazards))),
    }
    match &args.level {
        Some(l) => out.push_str(&format!("level: {}\n", pick("level", l, &levels)?)),
        None => out.push_str(&format!("# level: 必填，可选 {}\n", choices(&levels))),
    }
    match &args.expires {
        Some(e) => {
            clock
                .parse(e)
                .map_err(|m| Said::from(crate::text!("cli.new.expires", e, m)))?;
            out.push_str(&format!("expires: {e}\n"));
        }
        None => out.push_str("# expires: 必填，预警解除或失效的时间，如 2026-07-03T18:00\n"),
    }
    if args.areas.is_empty() {
        out.push_str(&format!("# areas: [涉及的镇街，可选 {towns}]\n"));
    } else {
        let mut ids = Vec::new();
        for a in &args.areas {
            let t = cx
                .config
                .site
                .towns
                .iter()
                .find(|t| t.id == a.trim() || t.name == a.trim())
                .ok_or_else(|| Said::from(crate::text!("cli.new.area", a, towns)))?;
            ids.push(t.id.clone());
        }
        out.push_str(&format!("areas: [{}]\n", ids.join(", ")));
    }
    match &args.source {
        Some(s) => out.push_str(&format!("source: {}\n", yaml_str(s))),
        None => out.push_str("# source: 解读的官方预警，如 永川区气象台暴雨蓝色预警\n"),
    }
    out.push_str("# steps:\n#   - 第一条防范措施\n#   - 第二条防范措施\n");
    Ok(out)
}
