//! A stress check-in: stress, mood, craving, sleep, HALT, emotions, triggers, context, a note.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::KindSpec;
use super::fields::{self, string_enum};
use crate::error::{Error, Result};

#[derive(Clone, PartialEq, Default)]
pub struct Checkin {
    pub stress: u8,
    pub mood: Option<u8>,
    pub craving: Option<u8>,
    pub sleep_hours: Option<f32>,
    pub halt: Halt,
    pub emotions: Vec<String>,
    pub triggers: Vec<String>,
    pub context: Option<Context>,
    pub note: String,
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
    pub stress: u8,
    pub mood: Option<u8>,
    pub craving: Option<u8>,
    pub sleep_hours: Option<f32>,
    pub halt: HaltDto,
    pub emotions: Vec<String>,
    pub triggers: Vec<String>,
    #[ts(as = "Option<Context>")]
    pub context: Option<String>,
    pub note: String,
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

/// Payload version 1, as first written (tests/fixtures/golden/v1). Frozen.
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

impl KindSpec for Checkin {
    const NAME: &'static str = "checkin";
    const TAG: &'static str = "checkin";
    const LABEL: &'static str = "check-in";
    const ENTRY: bool = true;
    const VERSION: u16 = 1;
    type Dto = CheckinDto;

    fn validate(&mut self) -> Result<()> {
        fields::score("stress", self.stress)?;
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
        let mut parts = vec![format!("stress {}", self.stress)];
        parts.extend(self.mood.map(|m| format!("mood {m}")));
        parts.extend(self.craving.map(|m| format!("craving {m}")));
        if !self.note.is_empty() {
            parts.push(fields::first_line(&self.note, 50));
        }
        parts.join(" · ")
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(&V1 {
            stress: self.stress,
            mood: self.mood,
            craving: self.craving,
            sleep_hours: self.sleep_hours,
            halt: self.halt.flags(),
            emotions: self.emotions.clone(),
            triggers: self.triggers.clone(),
            context: self.context.map(|c| c.as_str().to_owned()),
            note: self.note.clone(),
        })
    }

    fn decode(version: u16, json: &str) -> Option<Self> {
        match version {
            1 => {
                let p: V1 = serde_json::from_str(json).ok()?;
                Some(Checkin {
                    stress: p.stress,
                    mood: p.mood,
                    craving: p.craving,
                    sleep_hours: p.sleep_hours,
                    halt: Halt::from_flags(p.halt),
                    emotions: p.emotions,
                    triggers: p.triggers,
                    context: match p.context {
                        Some(s) => Some(Context::parse(&s).ok()?),
                        None => None,
                    },
                    note: p.note,
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
        })
    }
}

crate::kinds::fields::redacted_debug!(Checkin, CheckinDto);
