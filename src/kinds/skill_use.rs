//! Using a coping skill: which one, the situation, distress (and urge) before and after.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::KindSpec;
use super::fields;
use crate::error::{Error, Result};
use crate::model::RecordId;

#[derive(Clone, PartialEq, Default)]
pub struct SkillUse {
    /// The library skill used, if it came from the library.
    pub skill_id: Option<RecordId>,
    /// The skill's name when used, so history reads the same after a rename or removal.
    pub skill_name: String,
    pub situation: String,
    /// Absent unless the user chose a value (a default would read as "no change").
    pub distress_before: Option<u8>,
    pub distress_after: Option<u8>,
    pub urge_before: Option<u8>,
    pub urge_after: Option<u8>,
    pub minutes: Option<u16>,
    pub note: String,
    /// The urge rated along the way (urge surfing asks every few minutes), in time order.
    pub urge_along: Vec<UrgeMark>,
}

/// The urge, 0–10, so many minutes in.
#[derive(Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct UrgeMark {
    pub minute: u16,
    pub urge: u8,
}

/// Most ratings along the way (one every five minutes for a whole day).
pub const MAX_URGE_MARKS: usize = 24 * 12;

#[derive(Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase", default)]
pub struct SkillUseDto {
    pub skill_id: Option<String>,
    pub skill_name: String,
    pub situation: String,
    pub distress_before: Option<u8>,
    pub distress_after: Option<u8>,
    pub urge_before: Option<u8>,
    pub urge_after: Option<u8>,
    pub minutes: Option<u16>,
    pub note: String,
    pub urge_along: Vec<UrgeMark>,
}

/// Payload version 1, as first written (tests/fixtures/golden/v1). Frozen. Distress was
/// required (and the editor started it at 5, so a 5 in version 1 may not have been chosen).
#[derive(Serialize, Deserialize)]
struct V1 {
    skill_id: Option<String>,
    skill_name: String,
    situation: String,
    distress_before: u8,
    distress_after: u8,
    urge_before: Option<u8>,
    urge_after: Option<u8>,
    minutes: Option<u16>,
    note: String,
}

/// Payload version 2 (tests/fixtures/golden/v2). Frozen. Distress before and after optional.
#[derive(Serialize, Deserialize)]
struct V2 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    skill_id: Option<String>,
    skill_name: String,
    situation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    distress_before: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    distress_after: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    urge_before: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    urge_after: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    minutes: Option<u16>,
    note: String,
}

/// Payload version 3. Frozen once written. Adds the urge rated along the way.
#[derive(Serialize, Deserialize)]
struct V3 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    skill_id: Option<String>,
    skill_name: String,
    situation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    distress_before: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    distress_after: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    urge_before: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    urge_after: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    minutes: Option<u16>,
    note: String,
    /// `[minute, urge]` pairs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    urge_along: Vec<[u16; 2]>,
}

fn skill_id_of(s: Option<String>) -> Option<Option<RecordId>> {
    match s {
        Some(s) => Some(Some(RecordId::parse(&s).ok()?)),
        None => Some(None),
    }
}

impl KindSpec for SkillUse {
    const NAME: &'static str = "skill-use";
    const TAG: &'static str = "skill_use";
    const LABEL: &'static str = "coping skill";
    const ENTRY: bool = true;
    const VERSION: u16 = 3;
    type Dto = SkillUseDto;

    fn validate(&mut self) -> Result<()> {
        fields::required_short("skillName", &mut self.skill_name)?;
        fields::opt_score("distressBefore", self.distress_before)?;
        fields::opt_score("distressAfter", self.distress_after)?;
        fields::opt_score("urgeBefore", self.urge_before)?;
        fields::opt_score("urgeAfter", self.urge_after)?;
        if let Some(m) = self.minutes
            && m > 24 * 60
        {
            return Err(Error::invalid(
                "minutes",
                "minutes are at most 1440 (a day)",
            ));
        }
        if self.urge_along.len() > MAX_URGE_MARKS {
            return Err(Error::invalid(
                "urgeAlong",
                format!("at most {MAX_URGE_MARKS} ratings"),
            ));
        }
        for m in &self.urge_along {
            fields::score("urgeAlong", m.urge)?;
        }
        if self
            .urge_along
            .windows(2)
            .any(|w| w[1].minute < w[0].minute)
        {
            return Err(Error::invalid("urgeAlong", "ratings go in time order"));
        }
        fields::text("situation", &self.situation)?;
        fields::text("note", &self.note)
    }

    fn search_text<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.extend([self.skill_name.as_str(), &self.situation, &self.note]);
    }

    fn summary(&self) -> String {
        let n = |v: Option<u8>| v.map_or_else(|| "–".to_owned(), |v| v.to_string());
        match (self.distress_before, self.distress_after) {
            (None, None) => self.skill_name.clone(),
            (b, a) => format!("{} · {} → {}", self.skill_name, n(b), n(a)),
        }
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(&V3 {
            skill_id: self.skill_id.map(|i| i.to_string()),
            skill_name: self.skill_name.clone(),
            situation: self.situation.clone(),
            distress_before: self.distress_before,
            distress_after: self.distress_after,
            urge_before: self.urge_before,
            urge_after: self.urge_after,
            minutes: self.minutes,
            note: self.note.clone(),
            urge_along: self
                .urge_along
                .iter()
                .map(|m| [m.minute, u16::from(m.urge)])
                .collect(),
        })
    }

    fn decode(version: u16, json: &str) -> Option<Self> {
        match version {
            1 => {
                let p: V1 = serde_json::from_str(json).ok()?;
                Some(SkillUse {
                    skill_id: skill_id_of(p.skill_id)?,
                    skill_name: p.skill_name,
                    situation: p.situation,
                    distress_before: Some(p.distress_before),
                    distress_after: Some(p.distress_after),
                    urge_before: p.urge_before,
                    urge_after: p.urge_after,
                    minutes: p.minutes,
                    note: p.note,
                    urge_along: Vec::new(),
                })
            }
            2 => {
                let p: V2 = serde_json::from_str(json).ok()?;
                Some(SkillUse {
                    skill_id: skill_id_of(p.skill_id)?,
                    skill_name: p.skill_name,
                    situation: p.situation,
                    distress_before: p.distress_before,
                    distress_after: p.distress_after,
                    urge_before: p.urge_before,
                    urge_after: p.urge_after,
                    minutes: p.minutes,
                    note: p.note,
                    urge_along: Vec::new(),
                })
            }
            3 => {
                let p: V3 = serde_json::from_str(json).ok()?;
                Some(SkillUse {
                    skill_id: skill_id_of(p.skill_id)?,
                    skill_name: p.skill_name,
                    situation: p.situation,
                    distress_before: p.distress_before,
                    distress_after: p.distress_after,
                    urge_before: p.urge_before,
                    urge_after: p.urge_after,
                    minutes: p.minutes,
                    note: p.note,
                    urge_along: p
                        .urge_along
                        .into_iter()
                        .map(|[minute, urge]| {
                            Some(UrgeMark {
                                minute,
                                urge: u8::try_from(urge).ok()?,
                            })
                        })
                        .collect::<Option<_>>()?,
                })
            }
            _ => None,
        }
    }

    fn to_dto(&self) -> SkillUseDto {
        SkillUseDto {
            skill_id: self.skill_id.map(|i| i.to_string()),
            skill_name: self.skill_name.clone(),
            situation: self.situation.clone(),
            distress_before: self.distress_before,
            distress_after: self.distress_after,
            urge_before: self.urge_before,
            urge_after: self.urge_after,
            minutes: self.minutes,
            note: self.note.clone(),
            urge_along: self.urge_along.clone(),
        }
    }

    fn from_dto(d: SkillUseDto) -> Result<Self> {
        Ok(SkillUse {
            skill_id: d
                .skill_id
                .as_deref()
                .map(|s| {
                    RecordId::parse(s).map_err(|_| Error::invalid("skillId", "not a skill id"))
                })
                .transpose()?,
            skill_name: d.skill_name,
            situation: d.situation,
            distress_before: d.distress_before,
            distress_after: d.distress_after,
            urge_before: d.urge_before,
            urge_after: d.urge_after,
            minutes: d.minutes,
            note: d.note,
            urge_along: d.urge_along,
        })
    }
}

crate::kinds::fields::redacted_debug!(SkillUse, SkillUseDto, UrgeMark);
