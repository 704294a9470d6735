//! One occurrence of a scheduled session, where it differs from the schedule or has been
//! marked: moved or cancelled, attended, missed or excused, a note, the session note written for
//! it. Keyed by its slot and the day the schedule put it on; the latest record for a key wins.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::KindSpec;
use super::fields::{self, string_enum};
use crate::error::{Error, Result};
use crate::model::RecordId;

string_enum!(
    /// Whether the user was at a session.
    Attendance, "attendance" {
        Attended = "attended", Missed = "missed", Excused = "excused",
    }
);

#[derive(Clone, PartialEq)]
pub struct Occurrence {
    pub slot: RecordId,
    /// The slot's title when marked, so it reads the same after a rename.
    pub slot_title: String,
    /// The day the schedule put it on (its key, even when moved).
    pub date: NaiveDate,
    pub cancelled: bool,
    /// Moved to this day and time on the wall clock.
    pub moved_to: Option<NaiveDateTime>,
    pub attendance: Option<Attendance>,
    pub note: String,
    /// The session note written for it.
    pub session_note: Option<RecordId>,
}

#[derive(Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct OccurrenceDto {
    pub slot: String,
    #[serde(default)]
    pub slot_title: String,
    /// `2026-11-30`.
    pub date: String,
    #[serde(default)]
    pub cancelled: bool,
    /// `2026-12-01T19:00`.
    #[serde(default)]
    pub moved_to: Option<String>,
    #[serde(default)]
    #[ts(as = "Option<Attendance>")]
    pub attendance: Option<String>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub session_note: Option<String>,
}

/// Payload version 1. Frozen once written.
#[derive(Serialize, Deserialize)]
struct V1 {
    slot: String,
    slot_title: String,
    date: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    cancelled: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    moved_to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    attendance: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    session_note: Option<String>,
}

const DATE: &str = "%Y-%m-%d";
const MOVED: &str = "%Y-%m-%dT%H:%M";

fn id(field: &'static str, s: &str) -> Result<RecordId> {
    RecordId::parse(s.trim()).map_err(|_| Error::invalid(field, "not a record id"))
}

impl KindSpec for Occurrence {
    const NAME: &'static str = "occurrence";
    const TAG: &'static str = "occurrence";
    const LABEL: &'static str = "one session of the schedule";
    const ENTRY: bool = false;
    const VERSION: u16 = 1;
    type Dto = OccurrenceDto;

    fn validate(&mut self) -> Result<()> {
        fields::label(
            "slotTitle",
            &mut self.slot_title,
            super::schedule::MAX_TITLE_CHARS,
            false,
        )?;
        if self.cancelled && self.attendance == Some(Attendance::Attended) {
            return Err(Error::invalid(
                "attendance",
                "a cancelled session cannot be attended",
            ));
        }
        fields::text("note", &self.note)
    }

    fn search_text<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.extend([self.slot_title.as_str(), &self.note]);
    }

    fn summary(&self) -> String {
        let state = match (self.cancelled, self.attendance) {
            (true, _) => "cancelled",
            (_, Some(a)) => a.as_str(),
            (_, None) if self.moved_to.is_some() => "moved",
            _ => "noted",
        };
        format!("{} · {} · {state}", self.slot_title, self.date.format(DATE))
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(&V1 {
            slot: self.slot.to_string(),
            slot_title: self.slot_title.clone(),
            date: self.date.format(DATE).to_string(),
            cancelled: self.cancelled,
            moved_to: self.moved_to.map(|m| m.format(MOVED).to_string()),
            attendance: self.attendance.map(|a| a.as_str().to_owned()),
            note: self.note.clone(),
            session_note: self.session_note.map(|i| i.to_string()),
        })
    }

    fn decode(version: u16, json: &str) -> Option<Self> {
        match version {
            1 => {
                let p: V1 = serde_json::from_str(json).ok()?;
                Some(Occurrence {
                    slot: RecordId::parse(&p.slot).ok()?,
                    slot_title: p.slot_title,
                    date: NaiveDate::parse_from_str(&p.date, DATE).ok()?,
                    cancelled: p.cancelled,
                    moved_to: match p.moved_to {
                        Some(m) => Some(NaiveDateTime::parse_from_str(&m, MOVED).ok()?),
                        None => None,
                    },
                    attendance: match p.attendance {
                        Some(a) => Some(Attendance::parse(&a).ok()?),
                        None => None,
                    },
                    note: p.note,
                    session_note: match p.session_note {
                        Some(s) => Some(RecordId::parse(&s).ok()?),
                        None => None,
                    },
                })
            }
            _ => None,
        }
    }

    fn to_dto(&self) -> OccurrenceDto {
        OccurrenceDto {
            slot: self.slot.to_string(),
            slot_title: self.slot_title.clone(),
            date: self.date.format(DATE).to_string(),
            cancelled: self.cancelled,
            moved_to: self.moved_to.map(|m| m.format(MOVED).to_string()),
            attendance: self.attendance.map(|a| a.as_str().to_owned()),
            note: self.note.clone(),
            session_note: self.session_note.map(|i| i.to_string()),
        }
    }

    fn from_dto(d: OccurrenceDto) -> Result<Self> {
        Ok(Occurrence {
            slot: id("slot", &d.slot)?,
            slot_title: d.slot_title,
            date: fields::date("date", &d.date)?,
            cancelled: d.cancelled,
            moved_to: match d.moved_to.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(m) => Some(NaiveDateTime::parse_from_str(m, MOVED).map_err(|_| {
                    Error::invalid("movedTo", "a day and time like 2026-12-01T19:00")
                })?),
            },
            attendance: d
                .attendance
                .as_deref()
                .filter(|a| !a.trim().is_empty())
                .map(Attendance::parse)
                .transpose()?,
            note: d.note,
            session_note: d
                .session_note
                .as_deref()
                .filter(|s| !s.trim().is_empty())
                .map(|s| id("sessionNote", s))
                .transpose()?,
        })
    }
}

crate::kinds::fields::redacted_debug!(Occurrence, OccurrenceDto);
