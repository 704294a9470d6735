//! A session in the programme's schedule: a weekly slot (days, start, length, type, place or
//! online) or, with no days, a one-off appointment. Reference, not an entry; the agenda comes
//! from `crate::schedule`, and a change to one occurrence or its attendance is an `occurrence`.

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::KindSpec;
use super::fields;
use super::session::SessionType;
use crate::error::{Error, Result};

/// Longest title: it is a line on Today.
pub const MAX_TITLE_CHARS: usize = 80;
/// Longest session, in minutes (a full day's programme).
pub const MAX_MINUTES: u16 = 12 * 60;

#[derive(Clone, PartialEq)]
pub struct ScheduleSlot {
    pub title: String,
    pub session_type: SessionType,
    /// The first day it happens (the only day, for a one-off).
    pub first: NaiveDate,
    /// Its start on the wall clock wherever the user is.
    pub start: NaiveTime,
    pub minutes: u16,
    /// ISO weekdays it repeats on (1 = Monday … 7 = Sunday), ascending; empty for a one-off.
    pub weekdays: Vec<u8>,
    /// The last day it can happen (inclusive); `None` repeats with no end.
    pub until: Option<NaiveDate>,
    pub place: String,
    pub online: bool,
    /// Put away: no longer in the agenda; its attendance stays.
    pub archived: bool,
}

#[derive(Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleSlotDto {
    pub title: String,
    #[ts(as = "SessionType")]
    pub session_type: String,
    /// `2026-11-30`.
    pub first: String,
    /// `18:00`, 24-hour.
    pub start: String,
    pub minutes: u16,
    /// 1 = Monday … 7 = Sunday; empty for a one-off.
    #[serde(default)]
    pub weekdays: Vec<u8>,
    #[serde(default)]
    pub until: Option<String>,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub online: bool,
    #[serde(default)]
    pub archived: bool,
}

/// Payload version 1. Frozen once written.
#[derive(Serialize, Deserialize)]
struct V1 {
    title: String,
    session_type: String,
    first: String,
    start: String,
    minutes: u16,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    weekdays: Vec<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    until: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    place: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    online: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    archived: bool,
}

impl ScheduleSlot {
    /// Whether it repeats weekly.
    pub fn repeats(&self) -> bool {
        !self.weekdays.is_empty()
    }

    /// Whether it happens on `day` (before any change to that one occurrence).
    pub fn falls_on(&self, day: NaiveDate) -> bool {
        if day < self.first || self.until.is_some_and(|u| day > u) {
            return false;
        }
        if self.weekdays.is_empty() {
            return day == self.first;
        }
        let wd = day.weekday().number_from_monday() as u8;
        self.weekdays.contains(&wd)
    }
}

const DATE: &str = "%Y-%m-%d";
const TIME: &str = "%H:%M";

impl KindSpec for ScheduleSlot {
    const NAME: &'static str = "schedule";
    const TAG: &'static str = "schedule";
    const LABEL: &'static str = "scheduled session";
    const ENTRY: bool = false;
    const VERSION: u16 = 1;
    type Dto = ScheduleSlotDto;

    fn validate(&mut self) -> Result<()> {
        fields::label("title", &mut self.title, MAX_TITLE_CHARS, true)?;
        fields::label("place", &mut self.place, MAX_TITLE_CHARS, false)?;
        if self.minutes == 0 || self.minutes > MAX_MINUTES {
            return Err(Error::invalid(
                "minutes",
                format!("a length from 1 to {MAX_MINUTES} minutes"),
            ));
        }
        if self.weekdays.iter().any(|d| !(1..=7).contains(d)) {
            return Err(Error::invalid(
                "weekdays",
                "days are 1 (Monday) to 7 (Sunday)",
            ));
        }
        self.weekdays.sort_unstable();
        self.weekdays.dedup();
        if let Some(u) = self.until {
            if u < self.first {
                return Err(Error::invalid("until", "ends on or after its first day"));
            }
            if self.weekdays.is_empty() {
                self.until = None;
            }
        }
        Ok(())
    }

    fn search_text<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.extend([self.title.as_str(), &self.place]);
    }

    fn summary(&self) -> String {
        format!("{} · {}", self.title, self.start.format(TIME))
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(&V1 {
            title: self.title.clone(),
            session_type: self.session_type.as_str().to_owned(),
            first: self.first.format(DATE).to_string(),
            start: self.start.format(TIME).to_string(),
            minutes: self.minutes,
            weekdays: self.weekdays.clone(),
            until: self.until.map(|d| d.format(DATE).to_string()),
            place: self.place.clone(),
            online: self.online,
            archived: self.archived,
        })
    }

    fn decode(version: u16, json: &str) -> Option<Self> {
        match version {
            1 => {
                let p: V1 = serde_json::from_str(json).ok()?;
                Some(ScheduleSlot {
                    title: p.title,
                    session_type: SessionType::parse(&p.session_type).ok()?,
                    first: NaiveDate::parse_from_str(&p.first, DATE).ok()?,
                    start: NaiveTime::parse_from_str(&p.start, TIME).ok()?,
                    minutes: p.minutes,
                    weekdays: p.weekdays,
                    until: match p.until {
                        Some(u) => Some(NaiveDate::parse_from_str(&u, DATE).ok()?),
                        None => None,
                    },
                    place: p.place,
                    online: p.online,
                    archived: p.archived,
                })
            }
            _ => None,
        }
    }

    fn to_dto(&self) -> ScheduleSlotDto {
        ScheduleSlotDto {
            title: self.title.clone(),
            session_type: self.session_type.as_str().to_owned(),
            first: self.first.format(DATE).to_string(),
            start: self.start.format(TIME).to_string(),
            minutes: self.minutes,
            weekdays: self.weekdays.clone(),
            until: self.until.map(|d| d.format(DATE).to_string()),
            place: self.place.clone(),
            online: self.online,
            archived: self.archived,
        }
    }

    fn from_dto(d: ScheduleSlotDto) -> Result<Self> {
        Ok(ScheduleSlot {
            title: d.title,
            session_type: SessionType::parse(&d.session_type)?,
            first: fields::date("first", &d.first)?,
            start: fields::time_of_day("start", &d.start)?,
            minutes: d.minutes,
            weekdays: d.weekdays,
            until: fields::opt_date("until", d.until.as_deref())?,
            place: d.place,
            online: d.online,
            archived: d.archived,
        })
    }
}

crate::kinds::fields::redacted_debug!(ScheduleSlot, ScheduleSlotDto);
