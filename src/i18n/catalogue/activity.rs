//! Activities (科普活动): their fields.

/// (id, 中文, English).
pub(super) const MESSAGES: &[(&str, &str, &str)] = &[
    (
        "activity.end_before_start",
        "结束时间 'end'（{0}）早于开始时间 'start'（{1}）",
        "'end' ({0}) is before 'start' ({1})",
    ),
    (
        "activity.end_before_start.help",
        "检查日期和时间；跨几天的全天活动，end 写最后一天的日期",
        "check the dates and times; for an all-day event over several days, 'end' is its last day",
    ),
    (
        "activity.mixed_times",
        "'start' 和 'end' 一个写了时刻，一个只写了日期",
        "one of 'start' and 'end' has a time of day, the other is a date only",
    ),
    (
        "activity.mixed_times.help",
        "都写到时刻（2026-12-12 09:30），或都只写日期（全天活动：2026-12-12）",
        "give both a time (2026-12-12 09:30), or both only a date (an all-day event: 2026-12-12)",
    ),
    (
        "activity.participants_too_early",
        "'participants'（参加人数）要在活动结束后填写：这个活动到 {0} 才结束",
        "'participants' is the number who came, written once the event is over; this one is over at {0}",
    ),
    (
        "activity.participants_too_early.help",
        "活动结束后再填写；如果活动已经结束，请检查 start 和 end",
        "fill it in once the event is over; if it is over, check 'start' and 'end'",
    ),
    (
        "activity.not_a_count",
        "'{0}' 应是人数（一个整数），不是 '{1}'",
        "'{0}' should be a number of people (a whole number), not '{1}'",
    ),
    (
        "activity.not_a_count.help",
        "写成 '{0}: 120'；姓名、电话等个人信息不要写在这里，网站不公布",
        "write '{0}: 120'; no names or phone numbers here: the site does not publish them",
    ),
    (
        "activity.negative_count",
        "'{0}' 不能是负数：{1}",
        "'{0}' cannot be negative: {1}",
    ),
];
