//! When reminders fire, pure: the person's reminder times, the sessions ahead, the last moment
//! the shell looked and now in; what to show out. The shell's timer (src-tauri) calls `due`
//! whenever it wakes, and sleeps until `next_after`.
//!
//! Times are the wall clock of the time zone passed in (the one Keel runs in now), so a 20:00
//! reminder is at 20:00 after a trip or a daylight-saving change. A time that does not exist on
//! a spring-forward day fires at the first minute after the gap; one that happens twice on a
//! fall-back day fires once, the first time. Reminders missed while the computer slept or Keel
//! was closed are shown once, not in a burst; a check-in reminder is skipped when the person
//! has checked in since the one before it.

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

/// What a reminder says by default: nothing about what Keel is for.
pub const DEFAULT_CHECKIN_TEXT: &str = "Time for a check-in";
pub const DEFAULT_SESSION_TEXT: &str = "Something on your calendar starts soon";
pub const DEFAULT_QUESTIONNAIRE_TEXT: &str = "A two-weekly check-in is ready";
/// The questionnaires ask about the last two weeks: their reminder comes this often.
pub const QUESTIONNAIRE_EVERY_DAYS: i64 = 14;

/// A reminder this much past its time is a missed one (the computer slept, Keel was closed).
pub const LATE_AFTER: Duration = Duration::minutes(5);
/// How far back missed reminders are looked for.
pub const LOOK_BACK: Duration = Duration::days(2);

/// The person's reminders (kept outside the vault by the shell: they must work while locked,
/// and hold no entry text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Daily check-in reminders, on the wall clock.
    pub checkin_times: Vec<NaiveTime>,
    /// Minutes before each session; `None` for no session reminders.
    pub session_minutes_before: Option<u16>,
    pub checkin_text: String,
    pub session_text: String,
    /// The questionnaire reminder's time of day, every 14 days; `None` for none.
    pub questionnaire_time: Option<NaiveTime>,
    /// The day it was turned on: with no questionnaire taken since, the 14 days count from it.
    pub questionnaire_since: Option<NaiveDate>,
    pub questionnaire_text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Checkin,
    Session,
    Questionnaire,
}

/// What the timer reads from the vault while it is open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inputs {
    /// Starts of the sessions ahead, on the wall clock.
    pub sessions: Vec<NaiveDateTime>,
    pub last_checkin: Option<DateTime<Utc>>,
    /// The local day of the latest questionnaire.
    pub last_questionnaire: Option<NaiveDate>,
}

/// A reminder to show now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub reason: Reason,
    pub text: String,
    /// When it was meant to fire.
    pub at: DateTime<Utc>,
    /// Missed at its time and shown now.
    pub late: bool,
}

/// The instant a wall-clock time happens in `tz`: the first of two on a fall-back day, the
/// first minute after the gap on a spring-forward day.
pub fn instant<Tz: TimeZone>(tz: &Tz, local: NaiveDateTime) -> DateTime<Utc> {
    let mut t = local;
    for _ in 0..=24 * 60 {
        match tz.from_local_datetime(&t) {
            LocalResult::Single(x) => return x.with_timezone(&Utc),
            LocalResult::Ambiguous(a, b) => {
                return a.with_timezone(&Utc).min(b.with_timezone(&Utc));
            }
            LocalResult::None => t += Duration::minutes(1),
        }
    }
    // No zone has a gap of a day; fall back to reading the time as UTC.
    Utc.from_utc_datetime(&local)
}

fn local_day<Tz: TimeZone>(tz: &Tz, at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(tz).date_naive()
}

/// Check-in reminder instants on the local days from `from` to `to`, in order.
fn checkin_instants<Tz: TimeZone>(
    tz: &Tz,
    plan: &Plan,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<DateTime<Utc>> {
    let mut times = plan.checkin_times.clone();
    times.sort();
    times.dedup();
    let mut out = Vec::new();
    let mut day = from;
    while day <= to {
        out.extend(times.iter().map(|t| instant(tz, day.and_time(*t))));
        day += Duration::days(1);
    }
    out.sort();
    out.dedup();
    out
}

/// What to show now: reminders whose time fell after `after` and by `now`. `sessions` are the
/// starts of sessions ahead on the wall clock; `last_checkin` is the latest check-in.
pub fn due<Tz: TimeZone>(
    tz: &Tz,
    plan: &Plan,
    sessions: &[NaiveDateTime],
    after: DateTime<Utc>,
    now: DateTime<Utc>,
    last_checkin: Option<DateTime<Utc>>,
) -> Vec<Due> {
    let after = after.max(now - LOOK_BACK);
    let mut out = Vec::new();
    if now <= after {
        return out;
    }
    // Check-ins: the latest reminder that fell in the window, once, unless the person checked
    // in since the reminder before it.
    let all = checkin_instants(
        tz,
        plan,
        local_day(tz, after) - Duration::days(1),
        local_day(tz, now),
    );
    if let Some(i) = all.iter().rposition(|t| *t > after && *t <= now) {
        let at = all[i];
        let since = if i > 0 {
            all[i - 1]
        } else {
            at - Duration::days(1)
        };
        if last_checkin.is_none_or(|c| c <= since) {
            out.push(Due {
                reason: Reason::Checkin,
                text: plan.checkin_text.clone(),
                at,
                late: now - at > LATE_AFTER,
            });
        }
    }
    // Sessions: each reminder that fell in the window, while its session has not yet started.
    if let Some(before) = plan.session_minutes_before {
        let mut starts: Vec<&NaiveDateTime> = sessions.iter().collect();
        starts.sort();
        starts.dedup();
        for s in starts {
            let start = instant(tz, *s);
            let at = start - Duration::minutes(i64::from(before));
            if at > after && at <= now && now < start {
                out.push(Due {
                    reason: Reason::Session,
                    text: plan.session_text.clone(),
                    at,
                    late: now - at > LATE_AFTER,
                });
            }
        }
    }
    out
}

/// The next moment a reminder falls after `now`, for the shell's timer to sleep until.
pub fn next_after<Tz: TimeZone>(
    tz: &Tz,
    plan: &Plan,
    sessions: &[NaiveDateTime],
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let today = local_day(tz, now);
    let checkins = checkin_instants(tz, plan, today, today + Duration::days(2));
    let session_times = plan.session_minutes_before.map(|before| {
        sessions
            .iter()
            .map(move |s| instant(tz, *s) - Duration::minutes(i64::from(before)))
    });
    checkins
        .into_iter()
        .chain(session_times.into_iter().flatten())
        .filter(|t| *t > now)
        .min()
}

/// The questionnaire reminder's instants after the later of the last questionnaire's day and
/// the day the reminder was turned on: every 14 days from it, at its time, up to `to`.
fn questionnaire_instants<Tz: TimeZone>(
    tz: &Tz,
    plan: &Plan,
    last_taken: Option<NaiveDate>,
    to: NaiveDate,
) -> Vec<DateTime<Utc>> {
    let (Some(time), Some(base)) = (
        plan.questionnaire_time,
        last_taken.max(plan.questionnaire_since),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut day = base + Duration::days(QUESTIONNAIRE_EVERY_DAYS);
    while day <= to {
        out.push(instant(tz, day.and_time(time)));
        day += Duration::days(QUESTIONNAIRE_EVERY_DAYS);
    }
    out
}

/// The questionnaire reminder to show now, if one fell after `after` and by `now`: 14 days
/// after the last questionnaire (`last_taken`, its local day), again every 14 days while none is
/// taken, once each time.
pub fn questionnaire_due<Tz: TimeZone>(
    tz: &Tz,
    plan: &Plan,
    last_taken: Option<NaiveDate>,
    after: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Option<Due> {
    let after = after.max(now - LOOK_BACK);
    questionnaire_instants(tz, plan, last_taken, local_day(tz, now))
        .into_iter()
        .rfind(|t| *t > after && *t <= now)
        .map(|at| Due {
            reason: Reason::Questionnaire,
            text: plan.questionnaire_text.clone(),
            at,
            late: now - at > LATE_AFTER,
        })
}

/// The next questionnaire reminder after `now`.
pub fn questionnaire_next<Tz: TimeZone>(
    tz: &Tz,
    plan: &Plan,
    last_taken: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let horizon = local_day(tz, now) + Duration::days(QUESTIONNAIRE_EVERY_DAYS + 1);
    questionnaire_instants(tz, plan, last_taken, horizon)
        .into_iter()
        .find(|t| *t > now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::America::New_York;
    use chrono_tz::Australia::Lord_Howe;
    use chrono_tz::Europe::London;

    fn tm(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").unwrap()
    }
    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }
    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
    }
    fn plan(times: &[&str], before: Option<u16>) -> Plan {
        Plan {
            checkin_times: times.iter().map(|t| tm(t)).collect(),
            session_minutes_before: before,
            checkin_text: DEFAULT_CHECKIN_TEXT.into(),
            session_text: DEFAULT_SESSION_TEXT.into(),
            questionnaire_time: None,
            questionnaire_since: None,
            questionnaire_text: DEFAULT_QUESTIONNAIRE_TEXT.into(),
        }
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_questionnaire_reminder_comes_14_days_after_the_last_one_taken() {
        let mut p = plan(&[], None);
        p.questionnaire_time = Some(tm("10:00"));
        p.questionnaire_since = Some(day("2026-11-01"));
        // Taken on 20 November: due 4 December at 10:00 in New York (15:00 UTC).
        let last = Some(day("2026-11-20"));
        assert_eq!(
            questionnaire_next(&New_York, &p, last, utc("2026-11-28T12:00:00Z")),
            Some(utc("2026-12-04T15:00:00Z"))
        );
        assert_eq!(
            questionnaire_due(
                &New_York,
                &p,
                last,
                utc("2026-12-03T15:00:00Z"),
                utc("2026-12-04T14:59:00Z")
            ),
            None,
            "not a minute early"
        );
        let d = questionnaire_due(
            &New_York,
            &p,
            last,
            utc("2026-12-04T14:59:30Z"),
            utc("2026-12-04T15:00:20Z"),
        )
        .unwrap();
        assert_eq!(
            (d.reason, d.at, d.late, d.text.as_str()),
            (
                Reason::Questionnaire,
                utc("2026-12-04T15:00:00Z"),
                false,
                "A two-weekly check-in is ready"
            )
        );
        assert_eq!(
            questionnaire_due(
                &New_York,
                &p,
                last,
                utc("2026-12-04T15:00:20Z"),
                utc("2026-12-05T15:00:20Z")
            ),
            None,
            "once, not daily"
        );
        // None taken since: again 14 days later.
        assert_eq!(
            questionnaire_next(&New_York, &p, last, utc("2026-12-04T15:00:20Z")),
            Some(utc("2026-12-18T15:00:00Z"))
        );
        // Taken again on 10 December: the next one moves to 24 December.
        assert_eq!(
            questionnaire_next(
                &New_York,
                &p,
                Some(day("2026-12-10")),
                utc("2026-12-10T18:00:00Z")
            ),
            Some(utc("2026-12-24T15:00:00Z"))
        );
    }

    #[test]
    fn with_none_taken_the_questionnaire_reminder_counts_from_the_day_it_was_turned_on() {
        let mut p = plan(&[], None);
        p.questionnaire_time = Some(tm("09:30"));
        p.questionnaire_since = Some(day("2026-11-28"));
        assert_eq!(
            questionnaire_next(&London, &p, None, utc("2026-11-28T12:00:00Z")),
            Some(utc("2026-12-12T09:30:00Z"))
        );
        // Missed while asleep: shown once, late.
        let d = questionnaire_due(
            &London,
            &p,
            None,
            utc("2026-12-12T08:00:00Z"),
            utc("2026-12-12T20:00:00Z"),
        )
        .unwrap();
        assert!(d.late);
        // Off: nothing.
        p.questionnaire_time = None;
        assert_eq!(
            questionnaire_next(&London, &p, None, utc("2026-11-28T12:00:00Z")),
            None
        );
    }

    #[test]
    fn a_daily_reminder_fires_once_at_its_time_on_the_wall_clock() {
        let p = plan(&["20:00"], None);
        // 20:00 in New York in winter is 01:00 UTC the next day.
        let d = due(
            &New_York,
            &p,
            &[],
            utc("2026-12-02T00:59:30Z"),
            utc("2026-12-02T01:00:10Z"),
            None,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(
            (d[0].reason, d[0].at, d[0].late),
            (Reason::Checkin, utc("2026-12-02T01:00:00Z"), false)
        );
        assert_eq!(d[0].text, "Time for a check-in");
        let again = due(
            &New_York,
            &p,
            &[],
            utc("2026-12-02T01:00:10Z"),
            utc("2026-12-02T01:01:10Z"),
            None,
        );
        assert!(again.is_empty(), "not twice");
        assert_eq!(
            next_after(&New_York, &p, &[], utc("2026-12-02T01:00:10Z")),
            Some(utc("2026-12-03T01:00:00Z"))
        );
    }

    #[test]
    fn a_reminder_follows_the_wall_clock_across_a_daylight_saving_change() {
        let p = plan(&["20:00"], None);
        // London: 20:00 is 19:00 UTC in summer (BST) and 20:00 UTC after 25 October 2026.
        assert_eq!(
            next_after(&London, &p, &[], utc("2026-10-24T12:00:00Z")),
            Some(utc("2026-10-24T19:00:00Z"))
        );
        assert_eq!(
            next_after(&London, &p, &[], utc("2026-10-24T19:30:00Z")),
            Some(utc("2026-10-25T20:00:00Z"))
        );
    }

    #[test]
    fn a_time_lost_to_spring_forward_fires_just_after_the_gap_and_a_doubled_one_fires_once() {
        let p = plan(&["02:30"], None);
        // New York, 8 March 2026: 02:00 EST jumps to 03:00 EDT (07:00 UTC).
        assert_eq!(
            next_after(&New_York, &p, &[], utc("2026-03-08T05:00:00Z")),
            Some(utc("2026-03-08T07:00:00Z"))
        );
        // Lord Howe moves by half an hour: 02:00 → 02:30 on 4 October 2026 (UTC+10:30 → +11).
        let q = plan(&["02:15"], None);
        assert_eq!(
            next_after(&Lord_Howe, &q, &[], utc("2026-10-03T14:00:00Z")),
            Some(utc("2026-10-03T15:30:00Z")),
            "02:15 does not exist; 02:30 (+11:00) is the first minute after"
        );
        // New York, 1 November 2026: 01:30 happens at 05:30 UTC (EDT) and again at 06:30 (EST).
        let r = plan(&["01:30"], None);
        let d = due(
            &New_York,
            &r,
            &[],
            utc("2026-11-01T05:00:00Z"),
            utc("2026-11-01T07:00:00Z"),
            None,
        );
        assert_eq!(d.len(), 1, "once");
        assert_eq!(d[0].at, utc("2026-11-01T05:30:00Z"), "the first time");
        let later = due(
            &New_York,
            &r,
            &[],
            utc("2026-11-01T05:31:00Z"),
            utc("2026-11-01T07:00:00Z"),
            None,
        );
        assert!(later.is_empty(), "the second 01:30 is not a new reminder");
    }

    #[test]
    fn reminders_follow_the_time_zone_keel_runs_in_now() {
        let p = plan(&["09:00"], None);
        // After a flight to London the 09:00 reminder is at 09:00 London time.
        assert_eq!(
            next_after(&London, &p, &[], utc("2026-12-05T06:00:00Z")),
            Some(utc("2026-12-05T09:00:00Z"))
        );
        assert_eq!(
            next_after(&New_York, &p, &[], utc("2026-12-05T06:00:00Z")),
            Some(utc("2026-12-05T14:00:00Z"))
        );
    }

    #[test]
    fn reminders_missed_during_sleep_are_shown_once_and_marked_late() {
        let p = plan(&["09:00", "20:00"], Some(30));
        // Asleep from 18:00 on the 2nd to 08:00 on the 4th (New York): 20:00 on the 2nd, 09:00
        // and 20:00 on the 3rd were missed. One check-in reminder, not three.
        let d = due(
            &New_York,
            &p,
            &[],
            utc("2026-12-02T23:00:00Z"),
            utc("2026-12-04T13:00:00Z"),
            None,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(
            (d[0].at, d[0].late),
            (utc("2026-12-04T01:00:00Z"), true),
            "the latest, late"
        );
    }

    #[test]
    fn a_missed_check_in_reminder_is_skipped_when_the_person_has_checked_in_since() {
        let p = plan(&["09:00", "20:00"], None);
        let after = utc("2026-12-03T13:00:00Z");
        let now = utc("2026-12-04T13:00:00Z");
        // The 20:00 reminder (01:00 UTC on the 4th) was missed; a check-in at 19:00 came after
        // the 09:00 one, so it is skipped.
        let checked = Some(utc("2026-12-04T00:00:00Z"));
        assert!(due(&New_York, &p, &[], after, now, checked).is_empty());
        // A check-in before the 09:00 reminder does not count for the evening.
        let early = Some(utc("2026-12-03T13:30:00Z"));
        assert_eq!(due(&New_York, &p, &[], after, now, early).len(), 1);
    }

    #[test]
    fn a_session_reminder_comes_minutes_before_and_never_after_the_session_started() {
        let p = plan(&[], Some(30));
        let sessions = [local("2026-12-02T18:00"), local("2026-12-03T18:00")];
        // 17:30 New York = 22:30 UTC.
        assert_eq!(
            next_after(&New_York, &p, &sessions, utc("2026-12-02T12:00:00Z")),
            Some(utc("2026-12-02T22:30:00Z"))
        );
        let d = due(
            &New_York,
            &p,
            &sessions,
            utc("2026-12-02T22:29:00Z"),
            utc("2026-12-02T22:30:30Z"),
            None,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(
            (d[0].reason, d[0].text.as_str()),
            (Reason::Session, DEFAULT_SESSION_TEXT)
        );
        // Woken at 17:45: the reminder was missed but the session is still ahead: shown, late.
        let late = due(
            &New_York,
            &p,
            &sessions,
            utc("2026-12-02T22:00:00Z"),
            utc("2026-12-02T22:45:00Z"),
            None,
        );
        assert_eq!((late.len(), late[0].late), (1, true));
        // Woken at 18:10: the session has started; nothing.
        assert!(
            due(
                &New_York,
                &p,
                &sessions,
                utc("2026-12-02T22:00:00Z"),
                utc("2026-12-02T23:10:00Z"),
                None
            )
            .is_empty()
        );
        assert_eq!(
            next_after(
                &New_York,
                &plan(&[], None),
                &sessions,
                utc("2026-12-02T12:00:00Z")
            ),
            None
        );
    }

    #[test]
    fn a_long_absence_looks_back_two_days_at_most() {
        let p = plan(&["09:00"], None);
        let d = due(
            &New_York,
            &p,
            &[],
            utc("2026-01-01T00:00:00Z"),
            utc("2026-12-04T15:00:00Z"),
            None,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].at, utc("2026-12-04T14:00:00Z"));
        assert!(d[0].late, "an hour after its time, it is shown as missed");
    }
}
