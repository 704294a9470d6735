//! The programme's agenda, pure: the schedule's slots, the changes and marks on single
//! occurrences, and a span of days in; the sessions in that span, the next one, and attendance
//! out.
//!
//! Times are on the wall clock wherever the person is (a group at 18:00 is at 18:00 after a
//! daylight-saving change or a trip), so everything here is naive local time.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::kinds::{Attendance, Occurrence, ScheduleSlot, SessionType};
use crate::model::RecordId;

/// One session on the agenda, as the schedule and any change to it say.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub slot: RecordId,
    pub title: String,
    pub session_type: SessionType,
    /// The day the schedule put it on: with `slot`, the key of its occurrence.
    pub date: NaiveDate,
    /// When it starts, after any move.
    pub start: NaiveDateTime,
    pub minutes: u16,
    pub place: String,
    pub online: bool,
    pub cancelled: bool,
    pub moved: bool,
    pub attendance: Option<Attendance>,
    pub note: String,
    /// The occurrence record that changes or marks it, if any.
    pub occurrence: Option<RecordId>,
    pub session_note: Option<RecordId>,
}

impl Session {
    pub fn end(&self) -> NaiveDateTime {
        self.start + Duration::minutes(i64::from(self.minutes))
    }
}

/// An occurrence record with what orders records of one key: the latest written wins.
pub struct Marked<'a> {
    pub id: RecordId,
    pub updated: chrono::DateTime<chrono::FixedOffset>,
    pub occurrence: &'a Occurrence,
}

/// Every session whose scheduled day or moved start falls in `from..=to`, in start order.
/// Archived slots are left out of days to come but kept for days past, so attendance stays.
pub fn agenda(
    slots: &[(RecordId, &ScheduleSlot)],
    marks: &[Marked<'_>],
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Vec<Session> {
    let mut latest: HashMap<(RecordId, NaiveDate), &Marked<'_>> = HashMap::new();
    for m in marks {
        let key = (m.occurrence.slot, m.occurrence.date);
        match latest.get(&key) {
            Some(prev) if (prev.updated, prev.id.to_string()) >= (m.updated, m.id.to_string()) => {}
            _ => {
                latest.insert(key, m);
            }
        }
    }
    let mut out = Vec::new();
    for (id, slot) in slots {
        // A move can bring an occurrence into the span from a day outside it: look a week wide.
        let mut day = from - Duration::days(7);
        let last = to + Duration::days(7);
        while day <= last {
            if slot.falls_on(day) && !(slot.archived && day >= today) {
                let m = latest.get(&(*id, day)).map(|m| (m.id, m.occurrence));
                let start = m
                    .and_then(|(_, o)| o.moved_to)
                    .unwrap_or_else(|| day.and_time(slot.start));
                if start.date() >= from && start.date() <= to {
                    out.push(Session {
                        slot: *id,
                        title: slot.title.clone(),
                        session_type: slot.session_type,
                        date: day,
                        start,
                        minutes: slot.minutes,
                        place: slot.place.clone(),
                        online: slot.online,
                        cancelled: m.is_some_and(|(_, o)| o.cancelled),
                        moved: m.is_some_and(|(_, o)| o.moved_to.is_some()),
                        attendance: m.and_then(|(_, o)| o.attendance),
                        note: m.map(|(_, o)| o.note.clone()).unwrap_or_default(),
                        occurrence: m.map(|(id, _)| id),
                        session_note: m.and_then(|(_, o)| o.session_note),
                    });
                }
            }
            day += Duration::days(1);
        }
    }
    out.sort_by(|a, b| (a.start, &a.title, a.slot).cmp(&(b.start, &b.title, b.slot)));
    out
}

/// The next session not cancelled that has not ended by `now` (one under way counts).
pub fn next(sessions: &[Session], now: NaiveDateTime) -> Option<&Session> {
    sessions.iter().find(|s| !s.cancelled && s.end() > now)
}

/// Attendance over the sessions that have started by `now`, cancelled ones left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AttendanceSummary {
    pub attended: u32,
    pub missed: u32,
    pub excused: u32,
    /// Past sessions not yet marked.
    pub unmarked: u32,
}

impl AttendanceSummary {
    /// Attended out of those attended or missed, in whole percent (excused ones do not count
    /// against it); `None` before any.
    pub fn percent(&self) -> Option<u32> {
        let n = self.attended + self.missed;
        (n > 0).then(|| (self.attended * 100 + n / 2) / n)
    }
}

pub fn attendance(sessions: &[Session], now: NaiveDateTime) -> AttendanceSummary {
    let mut a = AttendanceSummary::default();
    for s in sessions.iter().filter(|s| !s.cancelled && s.start <= now) {
        match s.attendance {
            Some(Attendance::Attended) => a.attended += 1,
            Some(Attendance::Missed) => a.missed += 1,
            Some(Attendance::Excused) => a.excused += 1,
            None => a.unmarked += 1,
        }
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
    }
    fn id(n: u8) -> RecordId {
        RecordId::parse(&format!("{n:032x}")).unwrap()
    }
    fn slot(weekdays: Vec<u8>, first: &str, until: Option<&str>) -> ScheduleSlot {
        ScheduleSlot {
            title: "Group".into(),
            session_type: SessionType::Group,
            first: d(first),
            start: NaiveTime::from_hms_opt(18, 0, 0).unwrap(),
            minutes: 180,
            weekdays,
            until: until.map(d),
            place: String::new(),
            online: false,
            archived: false,
        }
    }
    fn occ(date: &str) -> Occurrence {
        Occurrence {
            slot: id(1),
            slot_title: "Group".into(),
            date: d(date),
            cancelled: false,
            moved_to: None,
            attendance: None,
            note: String::new(),
            session_note: None,
        }
    }
    fn at(s: &str) -> chrono::DateTime<chrono::FixedOffset> {
        chrono::DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn a_weekly_slot_repeats_on_its_days_from_its_first_day_to_its_last() {
        // Mon, Wed, Thu from Wednesday 4 November to Thursday 19 November.
        let s = slot(vec![1, 3, 4], "2026-11-04", Some("2026-11-19"));
        let got: Vec<String> = agenda(
            &[(id(1), &s)],
            &[],
            d("2026-11-01"),
            d("2026-11-30"),
            d("2026-11-01"),
        )
        .iter()
        .map(|x| x.start.format("%a %d").to_string())
        .collect();
        assert_eq!(
            got,
            [
                "Wed 04", "Thu 05", "Mon 09", "Wed 11", "Thu 12", "Mon 16", "Wed 18", "Thu 19"
            ]
        );
    }

    #[test]
    fn a_one_off_happens_once_and_its_end_is_ignored() {
        let mut s = slot(Vec::new(), "2026-12-03", None);
        s.until = None;
        let a = agenda(
            &[(id(1), &s)],
            &[],
            d("2026-11-01"),
            d("2027-01-31"),
            d("2026-11-01"),
        );
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].start, dt("2026-12-03T18:00"));
    }

    #[test]
    fn a_change_to_one_occurrence_moves_or_cancels_only_that_one_and_the_latest_change_wins() {
        let s = slot(vec![3], "2026-11-04", None);
        let mut moved = occ("2026-11-11");
        moved.moved_to = Some(dt("2026-11-12T17:30"));
        let mut cancelled = occ("2026-11-18");
        cancelled.cancelled = true;
        let mut undone = occ("2026-11-18");
        undone.attendance = Some(Attendance::Attended);
        let marks = [
            Marked {
                id: id(10),
                updated: at("2026-11-01T10:00:00-05:00"),
                occurrence: &moved,
            },
            Marked {
                id: id(11),
                updated: at("2026-11-01T10:00:00-05:00"),
                occurrence: &cancelled,
            },
            // Written later for the same day: it replaces the cancellation.
            Marked {
                id: id(12),
                updated: at("2026-11-20T10:00:00-05:00"),
                occurrence: &undone,
            },
        ];
        let a = agenda(
            &[(id(1), &s)],
            &marks,
            d("2026-11-01"),
            d("2026-11-30"),
            d("2026-11-01"),
        );
        let got: Vec<(String, bool, bool)> = a
            .iter()
            .map(|x| {
                (
                    x.start.format("%m-%d %H:%M").to_string(),
                    x.moved,
                    x.cancelled,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("11-04 18:00".into(), false, false),
                ("11-12 17:30".into(), true, false),
                ("11-18 18:00".into(), false, false),
                ("11-25 18:00".into(), false, false),
            ]
        );
        assert_eq!(
            a[1].date,
            d("2026-11-11"),
            "a moved one keeps its scheduled day as its key"
        );
        assert_eq!(a[2].attendance, Some(Attendance::Attended));
        assert_eq!(a[2].occurrence, Some(id(12)));
    }

    #[test]
    fn a_move_brings_an_occurrence_into_the_span_from_outside_it() {
        let s = slot(vec![1], "2026-11-02", None);
        let mut moved = occ("2026-12-07");
        moved.moved_to = Some(dt("2026-11-30T09:00"));
        let marks = [Marked {
            id: id(10),
            updated: at("2026-11-01T10:00:00-05:00"),
            occurrence: &moved,
        }];
        let a = agenda(
            &[(id(1), &s)],
            &marks,
            d("2026-11-29"),
            d("2026-12-05"),
            d("2026-11-29"),
        );
        let got: Vec<NaiveDateTime> = a.iter().map(|x| x.start).collect();
        assert_eq!(got, [dt("2026-11-30T09:00"), dt("2026-11-30T18:00")]);
    }

    #[test]
    fn an_archived_slot_keeps_its_past_but_leaves_the_days_to_come() {
        let mut s = slot(vec![1], "2026-11-02", None);
        s.archived = true;
        let a = agenda(
            &[(id(1), &s)],
            &[],
            d("2026-11-01"),
            d("2026-11-30"),
            d("2026-11-16"),
        );
        let got: Vec<NaiveDate> = a.iter().map(|x| x.date).collect();
        assert_eq!(got, [d("2026-11-02"), d("2026-11-09")]);
    }

    #[test]
    fn the_next_session_is_one_under_way_or_to_come_and_never_a_cancelled_one() {
        let s = slot(vec![1, 3], "2026-11-02", None);
        let mut cancelled = occ("2026-11-04");
        cancelled.cancelled = true;
        let marks = [Marked {
            id: id(10),
            updated: at("2026-11-01T10:00:00-05:00"),
            occurrence: &cancelled,
        }];
        let a = agenda(
            &[(id(1), &s)],
            &marks,
            d("2026-11-02"),
            d("2026-11-10"),
            d("2026-11-02"),
        );
        assert_eq!(
            next(&a, dt("2026-11-02T20:59")).unwrap().start,
            dt("2026-11-02T18:00"),
            "under way"
        );
        assert_eq!(
            next(&a, dt("2026-11-02T21:00")).unwrap().start,
            dt("2026-11-09T18:00"),
            "Wednesday is cancelled"
        );
        assert!(next(&a, dt("2026-11-11T00:00")).is_none());
    }

    #[test]
    fn attendance_counts_past_sessions_and_excused_ones_do_not_count_against_it() {
        let s = slot(vec![1, 2, 3, 4, 5], "2026-11-02", None);
        let marks_of: Vec<Occurrence> = [
            ("2026-11-02", Some(Attendance::Attended)),
            ("2026-11-03", Some(Attendance::Attended)),
            ("2026-11-04", Some(Attendance::Missed)),
            ("2026-11-05", Some(Attendance::Excused)),
            ("2026-11-06", None),
        ]
        .into_iter()
        .map(|(day, a)| {
            let mut o = occ(day);
            o.attendance = a;
            o.cancelled = day == "2026-11-06";
            o
        })
        .collect();
        let marks: Vec<Marked> = marks_of
            .iter()
            .enumerate()
            .map(|(i, o)| Marked {
                id: id(20 + i as u8),
                updated: at("2026-11-01T10:00:00-05:00"),
                occurrence: o,
            })
            .collect();
        let a = agenda(
            &[(id(1), &s)],
            &marks,
            d("2026-11-02"),
            d("2026-11-13"),
            d("2026-11-02"),
        );
        // By Tuesday the 10th at noon: the 9th is past and unmarked; the 10th has not started.
        let sum = attendance(&a, dt("2026-11-10T12:00"));
        assert_eq!(
            sum,
            AttendanceSummary {
                attended: 2,
                missed: 1,
                excused: 1,
                unmarked: 1
            }
        );
        assert_eq!(sum.percent(), Some(67));
        assert_eq!(AttendanceSummary::default().percent(), None);
    }
}
