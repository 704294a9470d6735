//! Sobriety clock arithmetic, pure: a clock's start, its lapses and "now" in; its current run,
//! longest run, days this month and year, and milestones out.
//!
//! Days are counted on the wall clock where each moment happened: a run that began at 22:00 is
//! a day old at 22:00 the next day, whether or not a daylight-saving change made that day 23 or
//! 25 hours long. The first day is counted in real hours.

use chrono::{DateTime, Datelike, Duration, FixedOffset, Months, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A point a run reaches: 24 hours; 7, 30, 60 and 90 days; then months (6, 12, 24…).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct Milestone {
    /// `hours`, `days` or `months`.
    pub unit: MilestoneUnit,
    pub count: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub enum MilestoneUnit {
    Hours,
    Days,
    Months,
}

/// Where a clock stands now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// When the current run began: the clock's start, or the latest lapse that restarted it.
    pub run_start: DateTime<FixedOffset>,
    /// Whole hours of the current run (real time).
    pub run_hours: i64,
    /// Whole days of the current run (wall clock).
    pub run_days: i64,
    /// The longest run in days, the current one included.
    pub longest_days: i64,
    /// Days without a lapse this month and this year, since the clock began (today included).
    pub days_this_month: u32,
    pub days_this_year: u32,
    /// Lapses logged since the clock began.
    pub lapses: u32,
    /// A milestone the current run reaches today (the largest, if two fall on one day).
    pub milestone_today: Option<Milestone>,
    /// The next milestone after today, and its day.
    pub next_milestone: Option<(Milestone, NaiveDate)>,
}

/// A lapse as the arithmetic needs it: when, and whether it restarts the run.
#[derive(Debug, Clone, Copy)]
pub struct LapseAt {
    pub at: DateTime<FixedOffset>,
    pub restart: bool,
}

fn wall_days(from: DateTime<FixedOffset>, to: DateTime<FixedOffset>) -> i64 {
    (to.naive_local() - from.naive_local()).num_days().max(0)
}

/// The milestones of a run, in order, each with the wall-clock moment it is reached.
fn milestones(start: DateTime<FixedOffset>) -> impl Iterator<Item = (Milestone, NaiveDateTime)> {
    let wall = start.naive_local();
    let first = [(
        Milestone {
            unit: MilestoneUnit::Hours,
            count: 24,
        },
        (start + Duration::hours(24)).naive_local(),
    )];
    let days = [7u32, 30, 60, 90].map(|d| {
        (
            Milestone {
                unit: MilestoneUnit::Days,
                count: d,
            },
            wall + Duration::days(i64::from(d)),
        )
    });
    let months = std::iter::once(6u32)
        .chain((1..).map(|y| 12 * y))
        .map_while(move |m| {
            wall.checked_add_months(Months::new(m)).map(|at| {
                (
                    Milestone {
                        unit: MilestoneUnit::Months,
                        count: m,
                    },
                    at,
                )
            })
        });
    first.into_iter().chain(days).chain(months)
}

/// Days from `from` to `to` (both included) with no lapse on them.
fn days_without(from: NaiveDate, to: NaiveDate, lapse_days: &[NaiveDate]) -> u32 {
    if from > to {
        return 0;
    }
    let span = (to - from).num_days() + 1;
    let lapsed = lapse_days
        .iter()
        .filter(|d| **d >= from && **d <= to)
        .count() as i64;
    (span - lapsed).max(0) as u32
}

/// One run of a clock: from its start or a lapse that restarted it, to the next such lapse or
/// `now` (the current run, `ended` false).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub start: DateTime<FixedOffset>,
    pub end: DateTime<FixedOffset>,
    /// Whole days on the wall clock.
    pub days: i64,
    pub ended: bool,
}

/// The lapses that count at `now`, oldest first: from `since` to `now`.
fn counted(
    since: DateTime<FixedOffset>,
    lapses: &[LapseAt],
    now: DateTime<FixedOffset>,
) -> Vec<LapseAt> {
    let mut counted: Vec<LapseAt> = lapses
        .iter()
        .copied()
        .filter(|l| l.at >= since && l.at <= now)
        .collect();
    counted.sort_by_key(|l| l.at);
    counted
}

/// Every run of a clock that began at `since`, oldest first, the current one last. A lapse
/// that did not restart the clock does not end a run.
pub fn runs(
    since: DateTime<FixedOffset>,
    lapses: &[LapseAt],
    now: DateTime<FixedOffset>,
) -> Vec<Run> {
    let counted = counted(since, lapses, now);
    let mut starts = vec![since];
    starts.extend(counted.iter().filter(|l| l.restart).map(|l| l.at));
    let ends = starts
        .iter()
        .skip(1)
        .map(|e| (*e, true))
        .chain([(now, false)]);
    starts
        .iter()
        .zip(ends)
        .map(|(s, (e, ended))| Run {
            start: *s,
            end: e,
            days: wall_days(*s, e),
            ended,
        })
        .collect()
}

/// Where a clock that began at `since` stands at `now`, given its lapses (any order; those
/// before `since` or after `now` do not count).
pub fn status(
    since: DateTime<FixedOffset>,
    lapses: &[LapseAt],
    now: DateTime<FixedOffset>,
) -> Status {
    let counted = counted(since, lapses, now);
    let runs = runs(since, lapses, now);
    let run_start = runs.last().expect("the clock's own start").start;
    let longest_days = runs.iter().map(|r| r.days).max().unwrap_or(0);

    let today = now.date_naive();
    let lapse_days: Vec<NaiveDate> = {
        let mut d: Vec<NaiveDate> = counted.iter().map(|l| l.at.date_naive()).collect();
        d.dedup();
        d
    };
    let began = since.date_naive();
    let month_start = today.with_day(1).expect("every month has a first day");
    let year_start = NaiveDate::from_ymd_opt(today.year(), 1, 1).expect("every year has 1 January");

    let mut milestone_today = None;
    let mut next_milestone = None;
    if now >= run_start {
        for (m, at) in milestones(run_start) {
            let day = at.date();
            if day == today {
                milestone_today = Some(m);
            } else if day > today {
                next_milestone = Some((m, day));
                break;
            }
        }
    }

    Status {
        run_start,
        run_hours: (now - run_start).num_hours().max(0),
        run_days: wall_days(run_start, now),
        longest_days,
        days_this_month: days_without(month_start.max(began), today, &lapse_days),
        days_this_year: days_without(year_start.max(began), today, &lapse_days),
        lapses: counted.len() as u32,
        milestone_today,
        next_milestone,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn lapse(s: &str, restart: bool) -> LapseAt {
        LapseAt { at: t(s), restart }
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn runs_end_at_each_restarting_lapse_and_the_last_runs_to_now() {
        let r = runs(
            t("2026-09-01T20:00:00-04:00"),
            &[
                lapse("2026-10-11T09:00:00-04:00", true),
                // Not a restart: the run goes on.
                lapse("2026-10-20T09:00:00-04:00", false),
                lapse("2026-11-06T22:00:00-05:00", true),
                // After now: not counted yet.
                lapse("2026-12-01T09:00:00-05:00", true),
            ],
            t("2026-11-28T09:00:00-05:00"),
        );
        let got: Vec<(String, i64, bool)> = r
            .iter()
            .map(|r| (r.start.date_naive().to_string(), r.days, r.ended))
            .collect();
        assert_eq!(
            got,
            vec![
                ("2026-09-01".to_owned(), 39, true),
                ("2026-10-11".to_owned(), 26, true),
                ("2026-11-06".to_owned(), 21, false),
            ]
        );
    }

    #[test]
    fn the_first_day_counts_hours_then_days() {
        let s = status(
            t("2026-11-27T21:30:00-05:00"),
            &[],
            t("2026-11-28T09:45:00-05:00"),
        );
        assert_eq!((s.run_hours, s.run_days), (12, 0));
        let s = status(
            t("2026-11-20T21:30:00-05:00"),
            &[],
            t("2026-11-28T09:45:00-05:00"),
        );
        assert_eq!((s.run_days, s.longest_days), (7, 7));
    }

    #[test]
    fn a_day_across_a_daylight_saving_change_is_a_wall_clock_day() {
        // New York springs forward on 2026-03-08: that day has 23 hours.
        let since = t("2026-03-07T22:00:00-05:00");
        let s = status(since, &[], t("2026-03-08T21:59:00-04:00"));
        assert_eq!((s.run_days, s.run_hours), (0, 22));
        let s = status(since, &[], t("2026-03-08T22:00:00-04:00"));
        assert_eq!(
            s.run_days, 1,
            "22:00 the next day is a day, though only 23 hours passed"
        );
        // And falls back on 2026-11-01: that day has 25 hours.
        let since = t("2026-10-31T22:00:00-04:00");
        assert_eq!(
            status(since, &[], t("2026-11-01T21:30:00-05:00")).run_days,
            0
        );
        assert_eq!(
            status(since, &[], t("2026-11-01T22:00:00-05:00")).run_days,
            1
        );
    }

    #[test]
    fn days_follow_the_wall_clock_where_each_moment_happened_across_time_zones() {
        // Begun at 09:00 in New York; read at 09:00 in Tokyo three days later.
        let s = status(
            t("2026-06-01T09:00:00-04:00"),
            &[],
            t("2026-06-04T09:00:00+09:00"),
        );
        assert_eq!(s.run_days, 3);
        assert_eq!(s.run_hours, 3 * 24 - 13, "hours are real time");
    }

    #[test]
    fn a_lapse_that_restarts_begins_a_new_run_and_the_longest_run_stays() {
        let since = t("2026-01-01T08:00:00-05:00");
        let lapses = [
            lapse("2026-03-01T20:00:00-05:00", true),  // 59 days
            lapse("2026-03-10T20:00:00-05:00", false), // logged, run continues
            lapse("2026-04-01T23:00:00-04:00", true),  // 31 days
        ];
        let s = status(since, &lapses, t("2026-04-20T12:00:00-04:00"));
        assert_eq!(s.run_start, t("2026-04-01T23:00:00-04:00"));
        assert_eq!(s.run_days, 18);
        assert_eq!(
            s.longest_days, 59,
            "the first run, before the first restart"
        );
        assert_eq!(s.lapses, 3);
        // April: 20 days so far, one with a lapse.
        assert_eq!(s.days_this_month, 19);
        // The year from 1 January: 110 days, three with lapses.
        assert_eq!(s.days_this_year, 107);
    }

    #[test]
    fn a_lapse_that_does_not_restart_keeps_the_run_but_its_day_is_not_counted() {
        let since = t("2026-11-01T09:00:00-05:00");
        let s = status(
            since,
            &[lapse("2026-11-10T21:00:00-05:00", false)],
            t("2026-11-28T10:00:00-05:00"),
        );
        assert_eq!((s.run_start, s.run_days), (since, 27));
        assert_eq!(
            s.days_this_month, 27,
            "28 days of November, less the one with a lapse"
        );
    }

    #[test]
    fn days_before_the_clock_began_are_not_counted_and_neither_are_lapses_outside_it() {
        let since = t("2026-11-20T09:00:00-05:00");
        let lapses = [
            lapse("2026-11-01T09:00:00-05:00", true), // before the clock
            lapse("2026-12-01T09:00:00-05:00", true), // after now
        ];
        let s = status(since, &lapses, t("2026-11-28T10:00:00-05:00"));
        assert_eq!((s.run_start, s.lapses), (since, 0));
        assert_eq!((s.days_this_month, s.days_this_year), (9, 9));
    }

    #[test]
    fn milestones_are_marked_on_the_day_they_come() {
        let since = t("2026-11-21T23:30:00-05:00");
        let s = status(since, &[], t("2026-11-28T08:00:00-05:00"));
        let days = |count| Milestone {
            unit: MilestoneUnit::Days,
            count,
        };
        assert_eq!(
            s.milestone_today,
            Some(days(7)),
            "seven days on the 28th, from 23:30"
        );
        assert_eq!(s.next_milestone, Some((days(30), d("2026-12-21"))));
        // 24 hours come at 23:30 on the 22nd: that is the day it is marked.
        let s = status(since, &[], t("2026-11-22T10:00:00-05:00"));
        assert_eq!(
            s.milestone_today,
            Some(Milestone {
                unit: MilestoneUnit::Hours,
                count: 24
            })
        );
        assert_eq!(s.next_milestone, Some((days(7), d("2026-11-28"))));
        let s = status(since, &[], t("2026-11-23T10:00:00-05:00"));
        assert_eq!(s.milestone_today, None, "nothing on the day after");
        // Six months, a year, then every year, by the calendar.
        let since = t("2025-05-31T12:00:00+01:00");
        let s = status(since, &[], t("2026-05-31T08:00:00+01:00"));
        assert_eq!(
            s.milestone_today,
            Some(Milestone {
                unit: MilestoneUnit::Months,
                count: 12
            })
        );
        assert_eq!(
            s.next_milestone,
            Some((
                Milestone {
                    unit: MilestoneUnit::Months,
                    count: 24
                },
                d("2027-05-31")
            ))
        );
        let s = status(since, &[], t("2025-11-30T08:00:00+01:00"));
        assert_eq!(
            s.milestone_today,
            Some(Milestone {
                unit: MilestoneUnit::Months,
                count: 6
            }),
            "31 May + 6 months is 30 November"
        );
    }
}
