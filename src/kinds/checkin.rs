//! A check-in: any of stress, mood and craving, sleep, HALT, emotions, triggers, context, the
//! programme's everyday factors (exercise, meals, caffeine, medication, time outdoors), the
//! user's own trackers, a note, and whether to bring it to the next session.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::KindSpec;
use super::fields::{self, string_enum};
use super::tracker::{self, Answer};
use crate::error::{Error, Result};
use crate::model::RecordId;

/// Most tracker answers in one check-in.
pub const MAX_TRACKERS: usize = 50;

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
    /// Answers to the user's own trackers, in the order asked.
    pub trackers: Vec<TrackerValue>,
    /// To bring up at the next session.
    pub bring: bool,
}

/// One answer to one of the user's trackers. It keeps the tracker's name, answer type and unit
/// as they were, so it reads the same after the tracker is renamed or removed.
#[derive(Clone, PartialEq)]
pub struct TrackerValue {
    /// The tracker record it answers (absent if that is not known).
    pub tracker: Option<RecordId>,
    pub name: String,
    pub answer: Answer,
    pub unit: String,
    /// Yes is 1 and no is 0; a scale 0–10; a number as entered.
    pub value: f64,
}

#[derive(Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct TrackerValueDto {
    #[serde(default)]
    pub tracker: Option<String>,
    pub name: String,
    #[ts(as = "Answer")]
    pub answer: String,
    #[serde(default)]
    pub unit: String,
    pub value: f64,
}

impl TrackerValueDto {
    /// The answer as a person reads it: "yes", "7/10", "3 glasses".
    pub fn shown(&self) -> String {
        match Answer::parse(&self.answer) {
            Ok(Answer::YesNo) => (if self.value == 1.0 { "yes" } else { "no" }).to_owned(),
            Ok(Answer::Scale) => format!("{}/10", self.value),
            _ if self.unit.is_empty() => format!("{}", self.value),
            _ => format!("{} {}", self.value, self.unit),
        }
    }
}

impl TrackerValue {
    fn to_dto(&self) -> TrackerValueDto {
        TrackerValueDto {
            tracker: self.tracker.map(|i| i.to_string()),
            name: self.name.clone(),
            answer: self.answer.as_str().to_owned(),
            unit: self.unit.clone(),
            value: self.value,
        }
    }

    fn from_dto(d: TrackerValueDto) -> Result<Self> {
        Ok(TrackerValue {
            tracker: d
                .tracker
                .as_deref()
                .map(|s| {
                    RecordId::parse(s).map_err(|_| Error::invalid("trackers", "not a tracker id"))
                })
                .transpose()?,
            name: d.name,
            answer: Answer::parse(&d.answer)
                .map_err(|_| Error::invalid("trackers", "an answer is yes-no, scale or number"))?,
            unit: d.unit,
            value: d.value,
        })
    }
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
    pub trackers: Vec<TrackerValueDto>,
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

/// Payload version 3 (tests/fixtures/golden/v3). Frozen. Version 2's fields and the answers to
/// the user's own trackers.
#[derive(Serialize, Deserialize)]
struct V3 {
    #[serde(flatten)]
    v2: V2,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    trackers: Vec<TrackerValueV3>,
}

/// One tracker answer as version 3 writes it. Frozen.
#[derive(Serialize, Deserialize)]
struct TrackerValueV3 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tracker: Option<String>,
    name: String,
    answer: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    unit: String,
    value: f64,
}

impl Checkin {
    /// A check-in from version 2's fields (and no tracker answers).
    fn from_v2(p: V2) -> Option<Self> {
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
            trackers: Vec::new(),
            bring: p.bring,
        })
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
    const VERSION: u16 = 3;
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
        if self.trackers.len() > MAX_TRACKERS {
            return Err(Error::invalid(
                "trackers",
                format!("at most {MAX_TRACKERS} trackers"),
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for t in &mut self.trackers {
            fields::label("trackers", &mut t.name, tracker::MAX_NAME_CHARS, true)?;
            fields::label("trackers", &mut t.unit, tracker::MAX_UNIT_CHARS, false)?;
            t.answer.check("trackers", t.value)?;
            if t.tracker.is_some_and(|id| !seen.insert(id)) {
                return Err(Error::invalid(
                    "trackers",
                    "a tracker is answered once in a check-in",
                ));
            }
        }
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
        let v2 = V2 {
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
        };
        serde_json::to_vec(&V3 {
            v2,
            trackers: self
                .trackers
                .iter()
                .map(|t| TrackerValueV3 {
                    tracker: t.tracker.map(|i| i.to_string()),
                    name: t.name.clone(),
                    answer: t.answer.as_str().to_owned(),
                    unit: t.unit.clone(),
                    value: t.value,
                })
                .collect(),
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
                    trackers: Vec::new(),
                    bring: false,
                })
            }
            2 => Checkin::from_v2(serde_json::from_str(json).ok()?),
            3 => {
                let p: V3 = serde_json::from_str(json).ok()?;
                let mut c = Checkin::from_v2(p.v2)?;
                c.trackers = p
                    .trackers
                    .into_iter()
                    .map(|t| {
                        Some(TrackerValue {
                            tracker: match t.tracker {
                                Some(i) => Some(RecordId::parse(&i).ok()?),
                                None => None,
                            },
                            name: t.name,
                            answer: Answer::parse(&t.answer).ok()?,
                            unit: t.unit,
                            value: t.value,
                        })
                    })
                    .collect::<Option<_>>()?;
                Some(c)
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
            trackers: self.trackers.iter().map(TrackerValue::to_dto).collect(),
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
            trackers: d
                .trackers
                .into_iter()
                .map(TrackerValue::from_dto)
                .collect::<Result<_>>()?,
            bring: d.bring,
        })
    }
}

crate::kinds::fields::redacted_debug!(Checkin, CheckinDto, Factors, TrackerValue, TrackerValueDto);
