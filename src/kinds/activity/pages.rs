//! `/activities/`: what is coming (soonest first, running ones too), a
//! calendar of this month and of the months to come, then the past by
//! month; and the activities that town
//! pages, station pages and the home page show.
//!
//! A station shows the activities held in its village or community (same
//! town, same `community`); a station without a community shows its town's.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;

use super::view::{first_day, last_day};
use super::{ActivityMeta, Status};
use crate::content::{Library, PageId};
use crate::kinds::station::StationMeta;
use crate::kinds::{Kind, KindData};
use crate::render::jobs::Job;
use crate::render::pages::summary_deps;
use crate::render::views::{Summary, ViewEnv, summary};

/// How many past activities a town or station page lists.
const PAST_SHOWN: usize = 10;
/// How many upcoming activities the home page shows.
const HOME_SHOWN: usize = 3;
/// The most months one activity marks in the calendar.
const MONTHS_PER_ACTIVITY: usize = 12;

/// Every activity of the library, soonest first.
pub struct ActivityPages {
    order: Vec<PageId>,
}

/// Activities split at the build's "now".
#[derive(Debug, Serialize)]
pub struct Split {
    /// Not over yet (running ones too), soonest first.
    pub upcoming: Vec<Summary>,
    /// Over, newest first.
    pub past: Vec<Summary>,
}

/// The list `/activities/` shows, as `activity_list.html` gets it in
/// `activities`.
#[derive(Debug, Serialize)]
pub struct ActivityList {
    /// Not over yet, soonest first.
    upcoming: Vec<Summary>,
    /// Over, by month of their start, newest month first.
    past: Vec<MonthGroup>,
    /// A calendar of this month, then of each month to come with
    /// activities.
    calendar: Vec<CalendarMonth>,
}

#[derive(Debug, Serialize)]
struct MonthGroup {
    /// `2026年11月`.
    label: String,
    pages: Vec<Summary>,
}

/// One month of the calendar.
#[derive(Debug, Serialize)]
struct CalendarMonth {
    /// `2026年12月`.
    label: String,
    /// `cal-2026-12`, for anchors.
    id: String,
    /// The month of the build's "now".
    current: bool,
    /// Weeks from Monday, days outside the month empty.
    weeks: Vec<Vec<CalendarDay>>,
    /// The month's activities, by start.
    entries: Vec<Summary>,
}

#[derive(Debug, Serialize)]
struct CalendarDay {
    /// Day of the month; none outside the month.
    day: Option<i8>,
    /// `2026-12-12`.
    date: String,
    /// The build's "today".
    today: bool,
    /// Where the day's link goes: the activity when there is one, the list
    /// under the table when there are more.
    href: Option<String>,
    /// Titles and links of the activities that day.
    items: Vec<DayItem>,
}

#[derive(Debug, Serialize)]
struct DayItem {
    title: String,
    url: String,
    status: Status,
}

fn meta(lib: &Library, id: PageId) -> Option<&ActivityMeta> {
    match &lib.pages[id].data {
        KindData::Activity(a) => Some(a),
        _ => None,
    }
}

impl ActivityPages {
    /// Every activity of `lib`, soonest first.
    pub fn new(lib: &Library) -> Self {
        let mut order: Vec<(jiff::Timestamp, &str, PageId)> = lib
            .pages_of(Kind::Activity)
            .filter_map(|(id, p)| meta(lib, id).map(|a| (a.begins, p.path.as_str(), id)))
            .collect();
        order.sort();
        ActivityPages {
            order: order.into_iter().map(|(_, _, id)| id).collect(),
        }
    }

    /// The ids of the activities `keep` chooses: not over yet (soonest
    /// first), and over (newest first).
    fn split_ids(&self, env: &ViewEnv, keep: impl Fn(&ActivityMeta) -> bool) -> (Vec<PageId>, Vec<PageId>) {
        let now = env.clock.now();
        let (mut upcoming, mut past) = (Vec::new(), Vec::new());
        for &id in &self.order {
            let Some(a) = meta(env.lib, id).filter(|a| keep(a)) else {
                continue;
            };
            match a.status(now) {
                Status::Past => past.push(id),
                Status::Upcoming | Status::Ongoing => upcoming.push(id),
            }
        }
        past.reverse();
        (upcoming, past)
    }

    /// Adds `activities` ([`Split`]) to a page, with a dep on each one shown.
    fn split_context(&self, env: &ViewEnv, job: Job, past_shown: usize, keep: impl Fn(&ActivityMeta) -> bool) -> Job {
        let (upcoming, mut past) = self.split_ids(env, keep);
        past.truncate(past_shown);
        let shown: Vec<PageId> = upcoming.iter().chain(&past).copied().collect();
        let split = Split {
            upcoming: upcoming.iter().map(|&id| summary(env, id)).collect(),
            past: past.iter().map(|&id| summary(env, id)).collect(),
        };
        summary_deps(job.with("activities", &split), env.lib, &shown, shown.len(), 1)
    }

    /// A town's page: its activities.
    pub fn town_context(&self, env: &ViewEnv, town: &str, job: Job) -> Job {
        self.split_context(env, job, PAST_SHOWN, |a| a.town == town)
    }

    /// A station's page: the activities of its community, or of its town
    /// when it names no community.
    pub fn station_context(&self, env: &ViewEnv, st: &StationMeta, job: Job) -> Job {
        self.split_context(env, job, PAST_SHOWN, |a| {
            a.town == st.town && (st.community.is_none() || a.community == st.community)
        })
    }

    /// `/activities/`: `activities` ([`ActivityList`]). The list job depends
    /// on its section already.
    pub fn list_context(&self, env: &ViewEnv, job: Job) -> Job {
        let (upcoming, past) = self.split_ids(env, |_| true);
        let mut months: Vec<MonthGroup> = Vec::new();
        for id in past {
            let Some(a) = meta(env.lib, id) else { continue };
            let label = month_label(first_day(env.clock, a));
            match months.last_mut() {
                Some(g) if g.label == label => g.pages.push(summary(env, id)),
                _ => months.push(MonthGroup {
                    label,
                    pages: vec![summary(env, id)],
                }),
            }
        }
        let list = ActivityList {
            upcoming: upcoming.iter().map(|&id| summary(env, id)).collect(),
            past: months,
            calendar: self.calendar(env),
        };
        job.with("activities", &list)
    }

    /// A table of this month, then of each month to come with activities
    /// (earlier months are in the list of the past); none without
    /// activities.
    fn calendar(&self, env: &ViewEnv) -> Vec<CalendarMonth> {
        let clock = env.clock;
        let today = clock.zoned(clock.now()).date();
        let this_month = today.first_of_month();
        if self.order.is_empty() {
            return Vec::new();
        }
        // Month → the activities that touch it, by start.
        let mut months: BTreeMap<Date, Vec<PageId>> = BTreeMap::from([(this_month, Vec::new())]);
        for &id in &self.order {
            let Some(a) = meta(env.lib, id) else { continue };
            let last = last_day(clock, a);
            let mut m = first_day(clock, a).first_of_month().max(this_month);
            for _ in 0..MONTHS_PER_ACTIVITY {
                if m > last {
                    break;
                }
                months.entry(m).or_default().push(id);
                match m.last_of_month().tomorrow() {
                    Ok(next) => m = next,
                    Err(_) => break,
                }
            }
        }
        months.iter().map(|(&m, ids)| self.month(env, m, ids, today)).collect()
    }

    fn month(&self, env: &ViewEnv, month: Date, ids: &[PageId], today: Date) -> CalendarMonth {
        let clock = env.clock;
        let id = format!("cal-{}-{:02}", month.year(), month.month());
        let mut weeks: Vec<Vec<CalendarDay>> = Vec::new();
        let lead = month.weekday().to_monday_zero_offset().clamp(0, 6) as usize;
        let mut week: Vec<CalendarDay> = (0..lead).map(|_| empty_day()).collect();
        let mut day = month;
        while day.month() == month.month() {
            let items: Vec<DayItem> = ids
                .iter()
                .filter_map(|&pid| {
                    let a = meta(env.lib, pid)?;
                    let on = first_day(clock, a) <= day && day <= last_day(clock, a);
                    let p = &env.lib.pages[pid];
                    on.then(|| DayItem {
                        title: p.title.clone(),
                        url: env.link(&p.path),
                        status: a.status(clock.now()),
                    })
                })
                .collect();
            let href = match items.as_slice() {
                [] => None,
                [one] => Some(one.url.clone()),
                _ => Some(format!("#{id}-list")),
            };
            week.push(CalendarDay {
                day: Some(day.day()),
                date: day.to_string(),
                today: day == today,
                href,
                items,
            });
            if week.len() == 7 {
                weeks.push(std::mem::take(&mut week));
            }
            match day.tomorrow() {
                Ok(d) => day = d,
                Err(_) => break,
            }
        }
        if !week.is_empty() {
            week.resize_with(7, empty_day);
            weeks.push(week);
        }
        CalendarMonth {
            label: month_label(month),
            current: month == today.first_of_month(),
            id,
            weeks,
            entries: ids.iter().map(|&pid| summary(env, pid)).collect(),
        }
    }
}

fn empty_day() -> CalendarDay {
    CalendarDay {
        day: None,
        date: String::new(),
        today: false,
        href: None,
        items: Vec::new(),
    }
}

/// `2026年12月`.
fn month_label(d: Date) -> String {
    format!("{}年{}月", d.year(), d.month())
}

/// The home page: the next activities (running ones first), at most three.
pub fn home_upcoming(env: &ViewEnv, lib: &Library) -> Vec<Summary> {
    let pages = ActivityPages::new(lib);
    let (upcoming, _) = pages.split_ids(env, |_| true);
    upcoming
        .into_iter()
        .take(HOME_SHOWN)
        .map(|id| summary(env, id))
        .collect()
}
