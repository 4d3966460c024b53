//! The front matter `kepu new column` writes: medium, outlet and program of
//! the latest entry, dated a week after it (the column is weekly).

use crate::cli::new::{NewContext, choices, yaml_str};
use crate::i18n::Said;
use crate::kinds::{Kind, KindData};

/// Medium, outlet and program of the latest entry, dated a week later.
pub(super) fn stub(cx: &NewContext) -> Result<String, Said> {
    let (clock, today) = (cx.clock, &cx.today);
    let opts = crate::content::LoadOptions { drafts: true, clock };
    let (lib, _) = crate::content::load(cx.config, &opts);
    let latest = lib
        .pages_of(Kind::Column)
        .filter_map(|(_, p)| match &p.data {
            KindData::Column(c) => p.date.map(|d| (d, c)),
            _ => None,
        })
        .max_by_key(|(d, _)| *d);
    Ok(match latest {
        Some((date, c)) => {
            let next = clock
                .zoned(date)
                .checked_add(jiff::Span::new().weeks(1))
                .map(|z| clock.ymd(z.timestamp()))
                .unwrap_or_else(|_| today.to_string());
            let episode = c
                .episode
                .as_deref()
                .and_then(|e| e.parse::<i64>().ok())
                .map(|n| format!("episode: {}\n", n + 1))
                .unwrap_or_default();
            let opt = |k: &str, v: &Option<String>| {
                v.as_deref()
                    .map(|v| format!("{k}: {}\n", yaml_str(v)))
                    .unwrap_or_default()
            };
            format!(
                "date: {next}\nmedium: {}\n{}{}{episode}",
                c.medium.name(),
                opt("outlet", &c.outlet),
                opt("program", &c.program)
            )
        }
        None => {
            let media: Vec<(&str, &str)> = super::MEDIA.iter().map(|(m, id)| (*id, m.label())).collect();
            format!(
                "date: {today}\n# medium: 必填，可选 {}\n# outlet: 播出或刊登的媒体\n# program: 栏目名称\n",
                choices(&media)
            )
        }
    })
}
