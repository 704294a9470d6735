//! One of the user's own trackers (water, a walk, pages read): its name, how it is answered
//! (yes or no, 0 to 10, or a number with a unit). Reference, like the skill library: the
//! answers live in check-ins (`checkin::TrackerValue`), each with the tracker's name and unit
//! as they were, so a check-in reads the same after a tracker is renamed or removed.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::KindSpec;
use super::fields::{self, string_enum};
use crate::error::{Error, Result};

/// Longest unit ("glasses", "km", "pages").
pub const MAX_UNIT_CHARS: usize = 20;
/// Longest tracker name: it is a label on a one-tap row.
pub const MAX_NAME_CHARS: usize = 40;

#[derive(Clone, PartialEq)]
pub struct Tracker {
    pub name: String,
    pub answer: Answer,
    /// For a number ("glasses"); empty otherwise.
    pub unit: String,
    /// Set aside: no longer asked in a check-in; its answers stay.
    pub archived: bool,
}

string_enum!(
    /// How a tracker is answered.
    Answer, "answer" {
        YesNo = "yes-no", Scale = "scale", Number = "number",
    }
);

impl Answer {
    /// Checks one answer: yes/no is 0 or 1, a scale a whole number 0–10, a number finite and
    /// within a billion either way.
    pub fn check(self, field: &'static str, v: f64) -> Result<()> {
        let ok = match self {
            Answer::YesNo => v == 0.0 || v == 1.0,
            Answer::Scale => v.fract() == 0.0 && (0.0..=10.0).contains(&v),
            Answer::Number => v.is_finite() && v.abs() <= 1e9,
        };
        if ok {
            return Ok(());
        }
        Err(Error::invalid(
            field,
            match self {
                Answer::YesNo => "a yes or no answer is 1 or 0",
                Answer::Scale => "a rating is a whole number from 0 to 10",
                Answer::Number => "a number between -1,000,000,000 and 1,000,000,000",
            },
        ))
    }
}

#[derive(Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct TrackerDto {
    pub name: String,
    #[ts(as = "Answer")]
    pub answer: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub archived: bool,
}

/// Payload version 1 (tests/fixtures/golden/v3). Frozen.
#[derive(Serialize, Deserialize)]
struct V1 {
    name: String,
    answer: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    unit: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    archived: bool,
}

impl KindSpec for Tracker {
    const NAME: &'static str = "tracker";
    const TAG: &'static str = "tracker";
    const LABEL: &'static str = "tracker";
    const ENTRY: bool = false;
    const VERSION: u16 = 1;
    type Dto = TrackerDto;

    fn validate(&mut self) -> Result<()> {
        fields::label("name", &mut self.name, MAX_NAME_CHARS, true)?;
        fields::label("unit", &mut self.unit, MAX_UNIT_CHARS, false)?;
        if self.answer != Answer::Number && !self.unit.is_empty() {
            return Err(Error::invalid("unit", "only a number has a unit"));
        }
        Ok(())
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
            answer: self.answer.as_str().to_owned(),
            unit: self.unit.clone(),
            archived: self.archived,
        })
    }

    fn decode(version: u16, json: &str) -> Option<Self> {
        match version {
            1 => {
                let p: V1 = serde_json::from_str(json).ok()?;
                Some(Tracker {
                    name: p.name,
                    answer: Answer::parse(&p.answer).ok()?,
                    unit: p.unit,
                    archived: p.archived,
                })
            }
            _ => None,
        }
    }

    fn to_dto(&self) -> TrackerDto {
        TrackerDto {
            name: self.name.clone(),
            answer: self.answer.as_str().to_owned(),
            unit: self.unit.clone(),
            archived: self.archived,
        }
    }

    fn from_dto(d: TrackerDto) -> Result<Self> {
        Ok(Tracker {
            name: d.name,
            answer: Answer::parse(&d.answer)?,
            unit: d.unit,
            archived: d.archived,
        })
    }
}

crate::kinds::fields::redacted_debug!(Tracker, TrackerDto);

#[cfg(test)]
mod tests {
    use super::*;

    fn tracker(name: &str, answer: Answer, unit: &str) -> Tracker {
        Tracker {
            name: name.into(),
            answer,
            unit: unit.into(),
            archived: false,
        }
    }

    fn field_of(r: Result<()>) -> String {
        match r {
            Err(Error::InvalidInput { field, .. }) => field.to_string(),
            other => panic!("expected an invalid field, got {other:?}"),
        }
    }

    #[test]
    fn a_tracker_needs_a_short_one_line_name_and_only_a_number_has_a_unit() {
        let mut t = tracker("  Water  ", Answer::Number, " glasses ");
        t.validate().unwrap();
        assert_eq!((t.name.as_str(), t.unit.as_str()), ("Water", "glasses"));
        assert_eq!(field_of(tracker(" ", Answer::YesNo, "").validate()), "name");
        assert_eq!(
            field_of(tracker("a\nb", Answer::YesNo, "").validate()),
            "name"
        );
        assert_eq!(
            field_of(tracker(&"x".repeat(41), Answer::Scale, "").validate()),
            "name"
        );
        tracker(&"é".repeat(40), Answer::Scale, "")
            .validate()
            .unwrap();
        assert_eq!(
            field_of(tracker("Walk", Answer::YesNo, "km").validate()),
            "unit"
        );
        assert_eq!(
            field_of(tracker("Walk", Answer::Number, &"k".repeat(21)).validate()),
            "unit"
        );
    }

    #[test]
    fn each_answer_takes_only_its_own_values() {
        Answer::YesNo.check("v", 1.0).unwrap();
        Answer::YesNo.check("v", 0.0).unwrap();
        assert!(Answer::YesNo.check("v", 0.5).is_err());
        Answer::Scale.check("v", 10.0).unwrap();
        assert!(Answer::Scale.check("v", 11.0).is_err());
        assert!(Answer::Scale.check("v", 2.5).is_err());
        assert!(Answer::Scale.check("v", -1.0).is_err());
        Answer::Number.check("v", -3.25).unwrap();
        assert!(Answer::Number.check("v", f64::NAN).is_err());
        assert!(Answer::Number.check("v", f64::INFINITY).is_err());
        assert!(Answer::Number.check("v", 2e9).is_err());
    }

    #[test]
    fn version_1_round_trips_and_leaves_empty_fields_out() {
        let t = tracker("Pages read", Answer::Number, "pages");
        let json = String::from_utf8(t.encode().unwrap()).unwrap();
        assert_eq!(
            json,
            r#"{"name":"Pages read","answer":"number","unit":"pages"}"#
        );
        assert!(Tracker::decode(1, &json) == Some(t));
        assert!(Tracker::decode(1, r#"{"name":"x","answer":"colour"}"#).is_none());
    }
}
