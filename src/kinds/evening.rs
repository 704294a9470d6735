//! An evening review: what went well, what was hard, the day's peak stress, and something I'm
//! grateful for. Optional, started from Today, an entry like any other.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::KindSpec;
use super::fields;
use crate::error::{Error, Result};

#[derive(Clone, PartialEq, Default)]
pub struct Evening {
    pub went_well: String,
    pub was_hard: String,
    /// 0–10; absent unless chosen.
    pub peak_stress: Option<u8>,
    pub grateful: String,
}

#[derive(Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase", default)]
pub struct EveningDto {
    pub went_well: String,
    pub was_hard: String,
    pub peak_stress: Option<u8>,
    pub grateful: String,
}

/// Payload version 1. Frozen once written. Fields left empty are not written.
#[derive(Serialize, Deserialize)]
struct V1 {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    went_well: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    was_hard: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    peak_stress: Option<u8>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    grateful: String,
}

impl KindSpec for Evening {
    const NAME: &'static str = "evening";
    const TAG: &'static str = "evening";
    const LABEL: &'static str = "evening review";
    const ENTRY: bool = true;
    const VERSION: u16 = 1;
    type Dto = EveningDto;

    fn validate(&mut self) -> Result<()> {
        for s in [&mut self.went_well, &mut self.was_hard, &mut self.grateful] {
            let t = s.trim();
            if t.len() != s.len() {
                *s = t.to_owned();
            }
        }
        fields::text("wentWell", &self.went_well)?;
        fields::text("wasHard", &self.was_hard)?;
        fields::text("grateful", &self.grateful)?;
        fields::opt_score("peakStress", self.peak_stress)?;
        if self.went_well.is_empty()
            && self.was_hard.is_empty()
            && self.grateful.is_empty()
            && self.peak_stress.is_none()
        {
            return Err(Error::invalid(
                "wentWell",
                "answer at least one question, even in a word",
            ));
        }
        Ok(())
    }

    fn search_text<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.extend([self.went_well.as_str(), &self.was_hard, &self.grateful]);
    }

    fn summary(&self) -> String {
        let first = [&self.went_well, &self.grateful, &self.was_hard]
            .into_iter()
            .find(|s| !s.is_empty())
            .map(|s| fields::first_line(s, 50));
        match (first, self.peak_stress) {
            (Some(t), Some(p)) => format!("{t} · peak stress {p}"),
            (Some(t), None) => t,
            (None, Some(p)) => format!("Peak stress {p}"),
            (None, None) => String::new(),
        }
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(&V1 {
            went_well: self.went_well.clone(),
            was_hard: self.was_hard.clone(),
            peak_stress: self.peak_stress,
            grateful: self.grateful.clone(),
        })
    }

    fn decode(version: u16, json: &str) -> Option<Self> {
        match version {
            1 => {
                let p: V1 = serde_json::from_str(json).ok()?;
                Some(Evening {
                    went_well: p.went_well,
                    was_hard: p.was_hard,
                    peak_stress: p.peak_stress,
                    grateful: p.grateful,
                })
            }
            _ => None,
        }
    }

    fn to_dto(&self) -> EveningDto {
        EveningDto {
            went_well: self.went_well.clone(),
            was_hard: self.was_hard.clone(),
            peak_stress: self.peak_stress,
            grateful: self.grateful.clone(),
        }
    }

    fn from_dto(d: EveningDto) -> Result<Self> {
        Ok(Evening {
            went_well: d.went_well,
            was_hard: d.was_hard,
            peak_stress: d.peak_stress,
            grateful: d.grateful,
        })
    }
}

crate::kinds::fields::redacted_debug!(Evening, EveningDto);
