//! A check-in: any of stress, mood and craving, sleep, HALT, emotions, triggers, context, the
//! programme's everyday factors (exercise, meals, caffeine, medication, time outdoors), a note,
//! and whether to bring it to the next session.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::KindSpec;
use super::fields::{self, string_enum};
use crate::error::{Error, Result};

#[derive(Clone, PartialEq, Default)]
pub struct Checkin {
    /// Each scale is absent unless the user chose a value; at least one is there.
    pub stress: Option<u8>,
    pub mood: Option<u8>,
    pub craving: Option<u8>,
    pub sleep_hours: Option<f32>,
    pub halt: Halt,
    pub emotions: Vec<String>,
    pub triggers: Vec<String>,
    pub context: Option<Context>,
    pub note: String,
    pub factors: Factors,
    /// To bring up at the next session.
    pub bring: bool,
}

/// The everyday factors an IOP asks about; each absent unless the user answered it.
#[derive(Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase", default)]
pub struct Factors {
    pub exercise: Option<bool>,
    /// Meals eaten today (0–10).
    pub meals: Option<u8>,
    /// Caffeinated drinks today (0–30).
    pub caffeine: Option<u8>,
    /// Medication taken as prescribed.
    pub medication: Option<bool>,
    /// Time spent outdoors.
    pub outdoors: Option<bool>,
}

impl Factors {
    pub fn is_empty(&self) -> bool {
        *self == Factors::default()
    }
}

/// Hungry, angry, lonely, tired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Halt {
    pub hungry: bool,
    pub angry: bool,
    pub lonely: bool,
    pub tired: bool,
}

impl Halt {
    pub const NAMES: [&'static str; 4] = ["hungry", "angry", "lonely", "tired"];

    fn flags(self) -> [bool; 4] {
        [self.hungry, self.angry, self.lonely, self.tired]
    }

    fn from_flags(f: [bool; 4]) -> Self {
        Halt {
            hungry: f[0],
            angry: f[1],
            lonely: f[2],
            tired: f[3],
        }
    }

    /// Parses `hungry,tired` (any order, any case).
    pub fn parse_list(s: &str) -> Result<Self> {
        let mut f = [false; 4];
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let lower = part.to_ascii_lowercase();
            let i = Self::NAMES
                .iter()
                .position(|n| *n == lower)
                .ok_or_else(|| {
                    Error::invalid("halt", "HALT flags are hungry, angry, lonely and tired")
                })?;
            f[i] = true;
        }
        Ok(Self::from_flags(f))
    }

    /// The flags that are set, by name.
    pub fn names(self) -> Vec<&'static str> {
        Self::NAMES
            .into_iter()
            .zip(self.flags())
            .filter_map(|(n, on)| on.then_some(n))
            .collect()
    }
}

string_enum!(
    /// Where the user was.
    Context, "context" {
        Work = "work", Home = "home", Commute = "commute", Social = "social", Other = "other",
    }
);

#[derive(Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase", default)]
pub struct CheckinDto {
    pub stress: Option<u8>,
    pub mood: Option<u8>,
    pub craving: Option<u8>,
    pub sleep_hours: Option<f32>,
    pub halt: HaltDto,
    pub emotions: Vec<String>,
    pub triggers: Vec<String>,
    #[ts(as = "Option<Context>")]
    pub context: Option<String>,
    pub note: String,
    pub factors: Factors,
    pub bring: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct HaltDto {
    pub hungry: bool,
    pub angry: bool,
    pub lonely: bool,
    pub tired: bool,
}

/// Payload version 1, as first written (tests/fixtures/golden/v1). Frozen. Stress was required.
#[derive(Serialize, Deserialize)]
struct V1 {
    stress: u8,
    mood: Option<u8>,
    craving: Option<u8>,
    sleep_hours: Option<f32>,
    halt: [bool; 4],
    emotions: Vec<String>,
    triggers: Vec<String>,
    context: Option<String>,
    note: String,
}

/// Payload version 2 (tests/fixtures/golden/v2). Frozen. Every scale optional; the factors and
/// `bring` added. Fields left at their empty value are not written.
#[derive(Serialize, Deserialize)]
struct V2 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    stress: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    mood: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    craving: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sleep_hours: Option<f32>,
    halt: [bool; 4],
    emotions: Vec<String>,
    triggers: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    context: Option<String>,
    note: String,
    #[serde(default, skip_serializing_if = "FactorsV2::is_empty")]
    factors: FactorsV2,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    bring: bool,
}

/// The factors as version 2 writes them. Frozen.
#[derive(Default, PartialEq, Serialize, Deserialize)]
struct FactorsV2 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    exercise: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    meals: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    caffeine: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    medication: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    outdoors: Option<bool>,
}

impl FactorsV2 {
    fn is_empty(&self) -> bool {
        *self == FactorsV2::default()
    }
}

fn context_of(s: Option<String>) -> Option<Option<Context>> {
    match s {
        Some(s) => Some(Some(Context::parse(&s).ok()?)),
        None => Some(None),
    }
}

impl KindSpec for Checkin {
    const NAME: &'static str = "checkin";
    const TAG: &'static str = "checkin";
    const LABEL: &'static str = "check-in";
    const ENTRY: bool = true;
    const VERSION: u16 = 2;
    type Dto = CheckinDto;

    fn validate(&mut self) -> Result<()> {
        if self.stress.is_none() && self.mood.is_none() && self.craving.is_none() {
            return Err(Error::invalid(
                "stress",
                "choose at least one of stress, mood or craving",
            ));
        }
        fields::opt_score("stress", self.stress)?;
        fields::opt_score("mood", self.mood)?;
        fields::opt_score("craving", self.craving)?;
        if let Some(h) = self.sleep_hours
            && !(h.is_finite() && (0.0..=24.0).contains(&h))
        {
            return Err(Error::invalid(
                "sleepHours",
                "sleep is between 0 and 24 hours",
            ));
        }
        if self.factors.meals.is_some_and(|m| m > 10) {
            return Err(Error::invalid(
                "meals",
                "meals are a whole number from 0 to 10",
            ));
        }
        if self.factors.caffeine.is_some_and(|c| c > 30) {
            return Err(Error::invalid(
                "caffeine",
                "drinks are a whole number from 0 to 30",
            ));
        }
        fields::normalize_list("emotions", &mut self.emotions)?;
        fields::normalize_list("triggers", &mut self.triggers)?;
        fields::text("note", &self.note)
    }

    fn search_text<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.extend(self.emotions.iter().map(String::as_str));
        out.extend(self.triggers.iter().map(String::as_str));
        out.push(&self.note);
    }

    fn tags(&self) -> Vec<&str> {
        self.emotions
            .iter()
            .chain(&self.triggers)
            .map(String::as_str)
            .collect()
    }

    fn summary(&self) -> String {
        let mut parts: Vec<String> = self
            .stress
            .map(|s| format!("stress {s}"))
            .into_iter()
            .collect();
        parts.extend(self.mood.map(|m| format!("mood {m}")));
        parts.extend(self.craving.map(|m| format!("craving {m}")));
        if !self.note.is_empty() {
            parts.push(fields::first_line(&self.note, 50));
        }
        parts.join(" · ")
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        let f = self.factors;
        serde_json::to_vec(&V2 {
            stress: self.stress,
            mood: self.mood,
            craving: self.craving,
            sleep_hours: self.sleep_hours,
            halt: self.halt.flags(),
            emotions: self.emotions.clone(),
            triggers: self.triggers.clone(),
            context: self.context.map(|c| c.as_str().to_owned()),
            note: self.note.clone(),
            factors: FactorsV2 {
                exercise: f.exercise,
                meals: f.meals,
                caffeine: f.caffeine,
                medication: f.medication,
                outdoors: f.outdoors,
            },
            bring: self.bring,
        })
    }

    fn decode(version: u16, json: &str) -> Option<Self> {
        match version {
            1 => {
                let p: V1 = serde_json::from_str(json).ok()?;
                Some(Checkin {
                    stress: Some(p.stress),
                    mood: p.mood,
                    craving: p.craving,
                    sleep_hours: p.sleep_hours,
                    halt: Halt::from_flags(p.halt),
                    emotions: p.emotions,
                    triggers: p.triggers,
                    context: context_of(p.context)?,
                    note: p.note,
                    factors: Factors::default(),
                    bring: false,
                })
            }
            2 => {
                let p: V2 = serde_json::from_str(json).ok()?;
                let f = p.factors;
                Some(Checkin {
                    stress: p.stress,
                    mood: p.mood,
                    craving: p.craving,
                    sleep_hours: p.sleep_hours,
                    halt: Halt::from_flags(p.halt),
                    emotions: p.emotions,
                    triggers: p.triggers,
                    context: context_of(p.context)?,
                    note: p.note,
                    factors: Factors {
                        exercise: f.exercise,
                        meals: f.meals,
                        caffeine: f.caffeine,
                        medication: f.medication,
                        outdoors: f.outdoors,
                    },
                    bring: p.bring,
                })
            }
            _ => None,
        }
    }

    fn to_dto(&self) -> CheckinDto {
        CheckinDto {
            stress: self.stress,
            mood: self.mood,
            craving: self.craving,
            sleep_hours: self.sleep_hours,
            halt: HaltDto {
                hungry: self.halt.hungry,
                angry: self.halt.angry,
                lonely: self.halt.lonely,
                tired: self.halt.tired,
            },
            emotions: self.emotions.clone(),
            triggers: self.triggers.clone(),
            context: self.context.map(|x| x.as_str().to_owned()),
            note: self.note.clone(),
            factors: self.factors,
            bring: self.bring,
        }
    }

    fn from_dto(d: CheckinDto) -> Result<Self> {
        Ok(Checkin {
            stress: d.stress,
            mood: d.mood,
            craving: d.craving,
            sleep_hours: d.sleep_hours,
            halt: Halt {
                hungry: d.halt.hungry,
                angry: d.halt.angry,
                lonely: d.halt.lonely,
                tired: d.halt.tired,
            },
            emotions: d.emotions,
            triggers: d.triggers,
            context: d.context.as_deref().map(Context::parse).transpose()?,
            note: d.note,
            factors: d.factors,
            bring: d.bring,
        })
    }
}

crate::kinds::fields::redacted_debug!(Checkin, CheckinDto, Factors);
