//! The front matter `kepu new activity` writes: today's date, and every
//! field of the activity as a comment that shows what to write.

use crate::cli::new::{NewContext, choices};
use crate::i18n::Said;

/// Today's date, and the activity's fields, commented out.
pub(super) fn stub(cx: &NewContext) -> Result<String, Said> {
    let kinds: Vec<(&str, &str)> = super::ACTIVITY_KINDS.iter().map(|(k, id)| (*id, k.label())).collect();
    Ok(format!(
        "date: {today}\n\
         # start: 必填，开始时间，如 2026-12-12 09:30；全天活动只写日期 2026-12-12\n\
         # end: 结束时间，如 2026-12-12 11:30；全天活动写最后一天的日期\n\
         # activity_kind: 必填，可选 {kinds}\n\
         # town: 必填，所在镇街，可选 {towns}\n\
         # community: 所在村（社区）\n\
         # place: 活动地点，如 永川区图书馆三楼报告厅\n\
         # address: 详细地址\n\
         # location: {{ lat: 29.35, lng: 105.93 }}\n\
         # organizer: 主办单位\n\
         # partners: [协办单位]\n\
         # signup: 报名方式：电话、网址或一句话，如 拨打 023-00000000 报名\n\
         # volunteers: 志愿者人数（只写人数，不写姓名）\n\
         # participants: 参加人数（活动结束后填写）\n",
        today = cx.today,
        kinds = choices(&kinds),
        towns = cx.towns,
    ))
}
