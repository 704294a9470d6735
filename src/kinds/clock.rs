//! A sobriety clock: what the user is staying away from, in their own words, and since when
//! (back-dated if they like). Reference, like the skill library: its runs come from the clock
//! and the lapses logged against it (`crate::clocks`).

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::KindSpec;
use super::fields;
use crate::error::{Error, Result};

/// Longest name of a clock: it is a heading on Today.
pub const MAX_NAME_CHARS: usize = 60;

#[derive(Clone, PartialEq)]
pub struct SobrietyClock {
    pub name: String,
    /// When this run of the clock began, with the offset where it began.
    pub since: DateTime<FixedOffset>,
    /// Put away: no longer on Today; its history stays.
    pub archived: bool,
}

#[derive(Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SobrietyClockDto {
    pub name: String,
    /// RFC 3339, with the offset where it began.
    pub since: String,
    #[serde(default)]
    pub archived: bool,
}

/// Payload version 1 (tests/fixtures/golden/v3). Frozen.
#[derive(Serialize, Deserialize)]
struct V1 {
    name: String,
    since: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    archived: bool,
}

impl KindSpec for SobrietyClock {
    const NAME: &'static str = "clock";
    const TAG: &'static str = "clock";
    const LABEL: &'static str = "clock";
    const ENTRY: bool = false;
    const VERSION: u16 = 1;
    type Dto = SobrietyClockDto;

    fn validate(&mut self) -> Result<()> {
        fields::label("name", &mut self.name, MAX_NAME_CHARS, true)
    }

    fn search_text<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.push(&self.name);
    }

    fn summary(&self) -> String {
        self.name.clone()
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(&V1 {
            name: self.name.clone(),
            since: self.since.to_rfc3339(),
            archived: self.archived,
        })
    }

    fn decode(version: u16, json: &str) -> Option<Self> {
        match version {
            1 => {
                let p: V1 = serde_json::from_str(json).ok()?;
                Some(SobrietyClock {
                    name: p.name,
                    since: DateTime::parse_from_rfc3339(&p.since).ok()?,
                    archived: p.archived,
                })
            }
            _ => None,
        }
    }

    fn to_dto(&self) -> SobrietyClockDto {
        SobrietyClockDto {
            name: self.name.clone(),
            since: self.since.to_rfc3339(),
            archived: self.archived,
        }
    }

    fn from_dto(d: SobrietyClockDto) -> Result<Self> {
        Ok(SobrietyClock {
            name: d.name,
            since: DateTime::parse_from_rfc3339(d.since.trim()).map_err(|_| {
                Error::invalid("since", "a date and time like 2026-11-28T09:00:00-05:00")
            })?,
            archived: d.archived,
        })
    }
}

crate::kinds::fields::redacted_debug!(SobrietyClock, SobrietyClockDto);
