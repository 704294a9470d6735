//! The step-down plan: the phases after the intensive programme (IOP, outpatient, aftercare,
//! peer support, or the user's own), each with its dates, supports and appointments. Reference,
//! not an entry: there is one, kept up to date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::KindSpec;
use super::fields;
use crate::error::{Error, Result};

/// Most phases in a plan.
pub const MAX_PHASES: usize = 20;

#[derive(Clone, PartialEq, Default)]
pub struct StepDownPlan {
    pub phases: Vec<Phase>,
}

#[derive(Clone, PartialEq, Default)]
pub struct Phase {
    pub name: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub supports: Vec<String>,
    pub appointments: Vec<String>,
    pub note: String,
}

#[derive(Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase", default)]
pub struct StepDownPlanDto {
    pub phases: Vec<PhaseDto>,
}

#[derive(Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase", default)]
pub struct PhaseDto {
    pub name: String,
    /// `2026-12-14`.
    pub from: Option<String>,
    pub to: Option<String>,
    pub supports: Vec<String>,
    pub appointments: Vec<String>,
    pub note: String,
}

/// Payload version 1. Frozen once written.
#[derive(Serialize, Deserialize)]
struct V1 {
    phases: Vec<PhaseV1>,
}

/// A phase as version 1 writes it. Frozen.
#[derive(Serialize, Deserialize)]
struct PhaseV1 {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    to: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    supports: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    appointments: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
}

const DATE: &str = "%Y-%m-%d";

fn fmt(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format(DATE).to_string())
}

fn parse(s: Option<String>) -> Option<Option<NaiveDate>> {
    match s {
        Some(s) => Some(Some(NaiveDate::parse_from_str(&s, DATE).ok()?)),
        None => Some(None),
    }
}

impl KindSpec for StepDownPlan {
    const NAME: &'static str = "step-down";
    const TAG: &'static str = "step_down";
    const LABEL: &'static str = "step-down plan";
    const ENTRY: bool = false;
    const VERSION: u16 = 1;
    type Dto = StepDownPlanDto;

    fn validate(&mut self) -> Result<()> {
        self.phases.retain(|p| {
            !(p.name.trim().is_empty()
                && p.supports.is_empty()
                && p.appointments.is_empty()
                && p.note.trim().is_empty())
        });
        if self.phases.len() > MAX_PHASES {
            return Err(Error::invalid(
                "phases",
                format!("at most {MAX_PHASES} phases"),
            ));
        }
        for p in &mut self.phases {
            fields::label("phases", &mut p.name, 80, true)?;
            if let (Some(f), Some(t)) = (p.from, p.to)
                && t < f
            {
                return Err(Error::invalid(
                    "phases",
                    "a phase ends on or after it starts",
                ));
            }
            fields::normalize_list("phases", &mut p.supports)?;
            fields::normalize_list("phases", &mut p.appointments)?;
            fields::text("phases", &p.note)?;
        }
        Ok(())
    }

    fn search_text<'a>(&'a self, out: &mut Vec<&'a str>) {
        for p in &self.phases {
            out.extend([p.name.as_str(), &p.note]);
            out.extend(p.supports.iter().map(String::as_str));
            out.extend(p.appointments.iter().map(String::as_str));
        }
    }

    fn summary(&self) -> String {
        let names: Vec<&str> = self.phases.iter().map(|p| p.name.as_str()).collect();
        names.join(" → ")
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(&V1 {
            phases: self
                .phases
                .iter()
                .map(|p| PhaseV1 {
                    name: p.name.clone(),
                    from: fmt(p.from),
                    to: fmt(p.to),
                    supports: p.supports.clone(),
                    appointments: p.appointments.clone(),
                    note: p.note.clone(),
                })
                .collect(),
        })
    }

    fn decode(version: u16, json: &str) -> Option<Self> {
        match version {
            1 => {
                let p: V1 = serde_json::from_str(json).ok()?;
                let phases = p
                    .phases
                    .into_iter()
                    .map(|p| {
                        Some(Phase {
                            name: p.name,
                            from: parse(p.from)?,
                            to: parse(p.to)?,
                            supports: p.supports,
                            appointments: p.appointments,
                            note: p.note,
                        })
                    })
                    .collect::<Option<_>>()?;
                Some(StepDownPlan { phases })
            }
            _ => None,
        }
    }

    fn to_dto(&self) -> StepDownPlanDto {
        StepDownPlanDto {
            phases: self
                .phases
                .iter()
                .map(|p| PhaseDto {
                    name: p.name.clone(),
                    from: fmt(p.from),
                    to: fmt(p.to),
                    supports: p.supports.clone(),
                    appointments: p.appointments.clone(),
                    note: p.note.clone(),
                })
                .collect(),
        }
    }

    fn from_dto(d: StepDownPlanDto) -> Result<Self> {
        let phases = d
            .phases
            .into_iter()
            .map(|p| {
                Ok(Phase {
                    name: p.name,
                    from: fields::opt_date("phases", p.from.as_deref())?,
                    to: fields::opt_date("phases", p.to.as_deref())?,
                    supports: p.supports,
                    appointments: p.appointments,
                    note: p.note,
                })
            })
            .collect::<Result<_>>()?;
        Ok(StepDownPlan { phases })
    }
}

crate::kinds::fields::redacted_debug!(StepDownPlan, Phase, StepDownPlanDto, PhaseDto);
