//! A completed standard questionnaire (PHQ-9, GAD-7): which one, the answer to each item, and
//! the closing difficulty question. The total and band are worked out from the answers by
//! `crate::instruments`, never stored, so a record always reads as its source scores it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::KindSpec;
use super::fields;
use crate::error::{Error, Result};
use crate::instruments;

#[derive(Clone, PartialEq)]
pub struct Assessment {
    /// `phq9` or `gad7` (`crate::instruments`).
    pub instrument: String,
    /// One score per item, in the form's order.
    pub answers: Vec<u8>,
    /// The closing question, 0–3; not part of the score.
    pub difficulty: Option<u8>,
    /// What was going on, in the person's words.
    pub note: String,
}

#[derive(Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentDto {
    /// `phq9` or `gad7`.
    pub instrument: String,
    pub answers: Vec<u8>,
    #[serde(default)]
    pub difficulty: Option<u8>,
    #[serde(default)]
    pub note: String,
    /// Worked out from the answers: leave it out, or give the same.
    #[serde(default)]
    pub total: Option<u8>,
    /// Worked out from the total (`minimal`, `mild`, `moderate`, …): leave it out, or give
    /// the same.
    #[serde(default)]
    pub band: Option<String>,
}

/// Payload version 1. Frozen once written.
#[derive(Serialize, Deserialize)]
struct V1 {
    instrument: String,
    answers: Vec<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    difficulty: Option<u8>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
}

impl Assessment {
    /// Total and band; a questionnaire this build does not know (one a newer Keel added) is
    /// summed with no band.
    pub fn score(&self) -> (u8, &'static str) {
        match instruments::get(&self.instrument) {
            Ok(i) => match i.score(&self.answers) {
                Ok(s) => (s.total, s.band),
                Err(_) => (self.raw_total(), ""),
            },
            Err(_) => (self.raw_total(), ""),
        }
    }

    fn raw_total(&self) -> u8 {
        self.answers.iter().fold(0u8, |t, a| t.saturating_add(*a))
    }

    /// The form's name (`PHQ-9`), or its id when this build does not know it.
    pub fn name(&self) -> &str {
        instruments::get(&self.instrument).map_or(self.instrument.as_str(), |i| i.name.as_str())
    }

    /// The answers touch the form's safety item (PHQ-9 item 9 above 0).
    pub fn safety_flag(&self) -> bool {
        instruments::get(&self.instrument).is_ok_and(|i| i.safety_flag(&self.answers))
    }
}

impl KindSpec for Assessment {
    const NAME: &'static str = "assessment";
    const TAG: &'static str = "assessment";
    const LABEL: &'static str = "questionnaire";
    const ENTRY: bool = true;
    const VERSION: u16 = 1;
    type Dto = AssessmentDto;

    fn validate(&mut self) -> Result<()> {
        let form = instruments::get(&self.instrument)?;
        self.instrument = form.id.clone();
        form.check(&self.answers)?;
        if let Some(d) = self.difficulty
            && usize::from(d) >= form.difficulty.answers.len()
        {
            return Err(Error::invalid(
                "difficulty",
                format!(
                    "an answer from 0 to {}",
                    form.difficulty.answers.len().saturating_sub(1)
                ),
            ));
        }
        fields::text("note", &self.note)
    }

    fn search_text<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.extend([self.name(), &self.note]);
    }

    fn tags(&self) -> Vec<&str> {
        vec![self.instrument.as_str()]
    }

    fn summary(&self) -> String {
        match self.score() {
            (t, "") => format!("{}: {t}", self.name()),
            (t, band) => format!("{}: {t} ({band})", self.name()),
        }
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(&V1 {
            instrument: self.instrument.clone(),
            answers: self.answers.clone(),
            difficulty: self.difficulty,
            note: self.note.clone(),
        })
    }

    fn decode(version: u16, json: &str) -> Option<Self> {
        match version {
            1 => {
                let p: V1 = serde_json::from_str(json).ok()?;
                Some(Assessment {
                    instrument: p.instrument,
                    answers: p.answers,
                    difficulty: p.difficulty,
                    note: p.note,
                })
            }
            _ => None,
        }
    }

    fn to_dto(&self) -> AssessmentDto {
        let (total, band) = self.score();
        AssessmentDto {
            instrument: self.instrument.clone(),
            answers: self.answers.clone(),
            difficulty: self.difficulty,
            note: self.note.clone(),
            total: Some(total),
            band: Some(band.to_owned()),
        }
    }

    fn from_dto(d: AssessmentDto) -> Result<Self> {
        let a = Assessment {
            instrument: d.instrument,
            answers: d.answers,
            difficulty: d.difficulty,
            note: d.note,
        };
        // A total or band given with the answers must be theirs (an import, a script): a
        // mismatch is a mistake to name, not a number to keep. Answers that do not fit the form
        // are left for `validate` to name.
        if !instruments::get(&a.instrument).is_ok_and(|f| f.check(&a.answers).is_ok()) {
            return Ok(a);
        }
        let (total, band) = a.score();
        if d.total.is_some_and(|t| t != total) {
            return Err(Error::invalid(
                "total",
                format!("the answers add up to {total}; leave the total out"),
            ));
        }
        if d.band
            .as_deref()
            .is_some_and(|b| !b.is_empty() && b != band)
        {
            return Err(Error::invalid(
                "band",
                format!("a total of {total} is {band}; leave the band out"),
            ));
        }
        Ok(a)
    }
}

crate::kinds::fields::redacted_debug!(Assessment, AssessmentDto);
