//! A lapse, logged against a clock and never erased: what happened, what led up to it (triggers,
//! HALT, where, who with), what helped afterwards and what to try next time. The user chooses
//! whether it starts the clock's current run again; the clock's totals and history stay.
//! When it happened is the record's own time (`Record::at`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::KindSpec;
use super::checkin::{Halt, HaltDto};
use super::fields;
use crate::error::{Error, Result};
use crate::model::RecordId;

#[derive(Clone, PartialEq, Default)]
pub struct Lapse {
    /// The clock it belongs to.
    pub clock: Option<RecordId>,
    /// The clock's name when logged, so the lapse reads the same after a rename.
    pub clock_name: String,
    /// Starts the clock's current run again from this lapse.
    pub restart: bool,
    pub what_happened: String,
    pub triggers: Vec<String>,
    pub halt: Halt,
    pub place: String,
    pub people: Vec<String>,
    pub helped: String,
    pub next_time: String,
}

#[derive(Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase", default)]
pub struct LapseDto {
    pub clock: Option<String>,
    pub clock_name: String,
    pub restart: bool,
    pub what_happened: String,
    pub triggers: Vec<String>,
    pub halt: HaltDto,
    pub place: String,
    pub people: Vec<String>,
    pub helped: String,
    pub next_time: String,
}

/// Payload version 1 (tests/fixtures/golden/v3). Frozen. Fields left empty are not written.
#[derive(Serialize, Deserialize)]
struct V1 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    clock: Option<String>,
    clock_name: String,
    restart: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    what_happened: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    triggers: Vec<String>,
    halt: [bool; 4],
    #[serde(default, skip_serializing_if = "String::is_empty")]
    place: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    people: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    helped: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    next_time: String,
}

impl KindSpec for Lapse {
    const NAME: &'static str = "lapse";
    const TAG: &'static str = "lapse";
    const LABEL: &'static str = "lapse";
    const ENTRY: bool = true;
    const VERSION: u16 = 1;
    type Dto = LapseDto;

    fn validate(&mut self) -> Result<()> {
        fields::required_short("clockName", &mut self.clock_name)?;
        fields::text("whatHappened", &self.what_happened)?;
        fields::normalize_list("triggers", &mut self.triggers)?;
        fields::short("place", &self.place)?;
        fields::normalize_list("people", &mut self.people)?;
        fields::text("helped", &self.helped)?;
        fields::text("nextTime", &self.next_time)
    }

    fn search_text<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.push(&self.clock_name);
        out.push(&self.what_happened);
        out.extend(self.triggers.iter().map(String::as_str));
        out.push(&self.place);
        out.extend(self.people.iter().map(String::as_str));
        out.extend([self.helped.as_str(), &self.next_time]);
    }

    fn tags(&self) -> Vec<&str> {
        self.triggers.iter().map(String::as_str).collect()
    }

    fn summary(&self) -> String {
        if self.what_happened.is_empty() {
            self.clock_name.clone()
        } else {
            format!(
                "{} · {}",
                self.clock_name,
                fields::first_line(&self.what_happened, 50)
            )
        }
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        let h = &self.halt;
        serde_json::to_vec(&V1 {
            clock: self.clock.map(|i| i.to_string()),
            clock_name: self.clock_name.clone(),
            restart: self.restart,
            what_happened: self.what_happened.clone(),
            triggers: self.triggers.clone(),
            halt: [h.hungry, h.angry, h.lonely, h.tired],
            place: self.place.clone(),
            people: self.people.clone(),
            helped: self.helped.clone(),
            next_time: self.next_time.clone(),
        })
    }

    fn decode(version: u16, json: &str) -> Option<Self> {
        match version {
            1 => {
                let p: V1 = serde_json::from_str(json).ok()?;
                Some(Lapse {
                    clock: match p.clock {
                        Some(s) => Some(RecordId::parse(&s).ok()?),
                        None => None,
                    },
                    clock_name: p.clock_name,
                    restart: p.restart,
                    what_happened: p.what_happened,
                    triggers: p.triggers,
                    halt: Halt {
                        hungry: p.halt[0],
                        angry: p.halt[1],
                        lonely: p.halt[2],
                        tired: p.halt[3],
                    },
                    place: p.place,
                    people: p.people,
                    helped: p.helped,
                    next_time: p.next_time,
                })
            }
            _ => None,
        }
    }

    fn to_dto(&self) -> LapseDto {
        let h = &self.halt;
        LapseDto {
            clock: self.clock.map(|i| i.to_string()),
            clock_name: self.clock_name.clone(),
            restart: self.restart,
            what_happened: self.what_happened.clone(),
            triggers: self.triggers.clone(),
            halt: HaltDto {
                hungry: h.hungry,
                angry: h.angry,
                lonely: h.lonely,
                tired: h.tired,
            },
            place: self.place.clone(),
            people: self.people.clone(),
            helped: self.helped.clone(),
            next_time: self.next_time.clone(),
        }
    }

    fn from_dto(d: LapseDto) -> Result<Self> {
        Ok(Lapse {
            clock: d
                .clock
                .as_deref()
                .map(|s| RecordId::parse(s).map_err(|_| Error::invalid("clock", "not a clock id")))
                .transpose()?,
            clock_name: d.clock_name,
            restart: d.restart,
            what_happened: d.what_happened,
            triggers: d.triggers,
            halt: Halt {
                hungry: d.halt.hungry,
                angry: d.halt.angry,
                lonely: d.halt.lonely,
                tired: d.halt.tired,
            },
            place: d.place,
            people: d.people,
            helped: d.helped,
            next_time: d.next_time,
        })
    }
}

crate::kinds::fields::redacted_debug!(Lapse, LapseDto);
