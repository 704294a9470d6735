//! A morning intention: what I mean to carry through today, and one small step for my recovery.
//! Optional, started from Today, an entry like any other.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::KindSpec;
use super::fields;
use crate::error::Result;

#[derive(Clone, PartialEq, Default)]
pub struct Morning {
    pub intention: String,
    pub one_step: String,
}

#[derive(Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase", default)]
pub struct MorningDto {
    pub intention: String,
    pub one_step: String,
}

/// Payload version 1. Frozen once written.
#[derive(Serialize, Deserialize)]
struct V1 {
    intention: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    one_step: String,
}

impl KindSpec for Morning {
    const NAME: &'static str = "morning";
    const TAG: &'static str = "morning";
    const LABEL: &'static str = "morning intention";
    const ENTRY: bool = true;
    const VERSION: u16 = 1;
    type Dto = MorningDto;

    fn validate(&mut self) -> Result<()> {
        let t = self.intention.trim();
        if t.len() != self.intention.len() {
            self.intention = t.to_owned();
        }
        if self.intention.is_empty() {
            return Err(crate::error::Error::invalid("intention", "required"));
        }
        fields::text("intention", &self.intention)?;
        fields::text("oneStep", &self.one_step)
    }

    fn search_text<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.extend([self.intention.as_str(), &self.one_step]);
    }

    fn summary(&self) -> String {
        fields::first_line(&self.intention, 60)
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(&V1 {
            intention: self.intention.clone(),
            one_step: self.one_step.clone(),
        })
    }

    fn decode(version: u16, json: &str) -> Option<Self> {
        match version {
            1 => {
                let p: V1 = serde_json::from_str(json).ok()?;
                Some(Morning {
                    intention: p.intention,
                    one_step: p.one_step,
                })
            }
            _ => None,
        }
    }

    fn to_dto(&self) -> MorningDto {
        MorningDto {
            intention: self.intention.clone(),
            one_step: self.one_step.clone(),
        }
    }

    fn from_dto(d: MorningDto) -> Result<Self> {
        Ok(Morning {
            intention: d.intention,
            one_step: d.one_step,
        })
    }
}

crate::kinds::fields::redacted_debug!(Morning, MorningDto);
