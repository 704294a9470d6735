//! A DBT-style diary card: one day's column. Urges (0–5) for the person's own targets, each
//! with whether it was acted on; emotions (0–5); the coping skills practised; an overall
//! skills-use rating (0–7); medication taken; a note. One card per day: the latest record for
//! a date is that day's card (`crate::diary`). The wording is Keel's own; "DBT" describes it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::KindSpec;
use super::fields;
use crate::error::{Error, Result};

/// Highest urge or emotion level.
pub const MAX_LEVEL: u8 = 5;
/// Highest overall skills-use rating.
pub const MAX_SKILLS_RATING: u8 = 7;

/// An urge toward one of the person's targets that day.
#[derive(Clone, PartialEq)]
pub struct Urge {
    pub target: String,
    /// 0–5.
    pub level: u8,
    /// Acted on it; `None` when not said.
    pub acted: Option<bool>,
}

/// How strong an emotion was that day, at its peak.
#[derive(Clone, PartialEq)]
pub struct Feeling {
    pub name: String,
    /// 0–5.
    pub level: u8,
}

#[derive(Clone, PartialEq)]
pub struct DiaryCard {
    pub date: NaiveDate,
    pub urges: Vec<Urge>,
    pub emotions: Vec<Feeling>,
    /// Names of the library's coping skills practised.
    pub skills: Vec<String>,
    /// 0–7, Keel's own anchors (the UI shows them).
    pub skills_rating: Option<u8>,
    pub medication: Option<bool>,
    pub note: String,
}

#[derive(Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct UrgeDto {
    pub target: String,
    pub level: u8,
    #[serde(default)]
    pub acted: Option<bool>,
}

#[derive(Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FeelingDto {
    pub name: String,
    pub level: u8,
}

#[derive(Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct DiaryCardDto {
    /// The day it is for: `2026-11-30`.
    pub date: String,
    #[serde(default)]
    pub urges: Vec<UrgeDto>,
    #[serde(default)]
    pub emotions: Vec<FeelingDto>,
    #[serde(default)]
    pub skills: Vec<String>,
    #[serde(default)]
    pub skills_rating: Option<u8>,
    #[serde(default)]
    pub medication: Option<bool>,
    #[serde(default)]
    pub note: String,
}

/// Payload version 1. Frozen once written.
#[derive(Serialize, Deserialize)]
struct V1 {
    date: String,
    /// `[target, level, acted]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    urges: Vec<(String, u8, Option<bool>)>,
    /// `[name, level]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    emotions: Vec<(String, u8)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    skills: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    skills_rating: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    medication: Option<bool>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
}

const DATE: &str = "%Y-%m-%d";

fn level(field: &'static str, v: u8) -> Result<()> {
    if v > MAX_LEVEL {
        return Err(Error::invalid(
            field,
            format!("a level is a whole number from 0 to {MAX_LEVEL}"),
        ));
    }
    Ok(())
}

impl KindSpec for DiaryCard {
    const NAME: &'static str = "diary-card";
    const TAG: &'static str = "diary_card";
    const LABEL: &'static str = "diary card";
    const ENTRY: bool = true;
    const VERSION: u16 = 1;
    type Dto = DiaryCardDto;

    fn validate(&mut self) -> Result<()> {
        fields::named_rows("urges", &mut self.urges, |u| &mut u.target)?;
        self.urges
            .iter()
            .try_for_each(|u| level("urges", u.level))?;
        fields::named_rows("emotions", &mut self.emotions, |f| &mut f.name)?;
        self.emotions
            .iter()
            .try_for_each(|f| level("emotions", f.level))?;
        fields::normalize_list("skills", &mut self.skills)?;
        if let Some(r) = self.skills_rating
            && r > MAX_SKILLS_RATING
        {
            return Err(Error::invalid(
                "skillsRating",
                format!("a rating from 0 to {MAX_SKILLS_RATING}"),
            ));
        }
        fields::text("note", &self.note)
    }

    fn search_text<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.extend(self.urges.iter().map(|u| u.target.as_str()));
        out.extend(self.emotions.iter().map(|f| f.name.as_str()));
        out.extend(self.skills.iter().map(String::as_str));
        out.push(&self.note);
    }

    fn tags(&self) -> Vec<&str> {
        self.skills.iter().map(String::as_str).collect()
    }

    fn summary(&self) -> String {
        let mut parts = vec![format!(
            "Diary card for {}",
            self.date.format("%a %-d %b %Y")
        )];
        if let Some(top) = self.urges.iter().max_by_key(|u| u.level) {
            parts.push(format!("highest urge {} of 5", top.level));
        }
        match self.skills.len() {
            0 => {}
            1 => parts.push("1 skill".into()),
            n => parts.push(format!("{n} skills")),
        }
        parts.join(" · ")
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(&V1 {
            date: self.date.format(DATE).to_string(),
            urges: self
                .urges
                .iter()
                .map(|u| (u.target.clone(), u.level, u.acted))
                .collect(),
            emotions: self
                .emotions
                .iter()
                .map(|f| (f.name.clone(), f.level))
                .collect(),
            skills: self.skills.clone(),
            skills_rating: self.skills_rating,
            medication: self.medication,
            note: self.note.clone(),
        })
    }

    fn decode(version: u16, json: &str) -> Option<Self> {
        match version {
            1 => {
                let p: V1 = serde_json::from_str(json).ok()?;
                Some(DiaryCard {
                    date: NaiveDate::parse_from_str(&p.date, DATE).ok()?,
                    urges: p
                        .urges
                        .into_iter()
                        .map(|(target, level, acted)| Urge {
                            target,
                            level,
                            acted,
                        })
                        .collect(),
                    emotions: p
                        .emotions
                        .into_iter()
                        .map(|(name, level)| Feeling { name, level })
                        .collect(),
                    skills: p.skills,
                    skills_rating: p.skills_rating,
                    medication: p.medication,
                    note: p.note,
                })
            }
            _ => None,
        }
    }

    fn to_dto(&self) -> DiaryCardDto {
        DiaryCardDto {
            date: self.date.format(DATE).to_string(),
            urges: self
                .urges
                .iter()
                .map(|u| UrgeDto {
                    target: u.target.clone(),
                    level: u.level,
                    acted: u.acted,
                })
                .collect(),
            emotions: self
                .emotions
                .iter()
                .map(|f| FeelingDto {
                    name: f.name.clone(),
                    level: f.level,
                })
                .collect(),
            skills: self.skills.clone(),
            skills_rating: self.skills_rating,
            medication: self.medication,
            note: self.note.clone(),
        }
    }

    fn from_dto(d: DiaryCardDto) -> Result<Self> {
        Ok(DiaryCard {
            date: fields::date("date", &d.date)?,
            urges: d
                .urges
                .into_iter()
                .map(|u| Urge {
                    target: u.target,
                    level: u.level,
                    acted: u.acted,
                })
                .collect(),
            emotions: d
                .emotions
                .into_iter()
                .map(|f| Feeling {
                    name: f.name,
                    level: f.level,
                })
                .collect(),
            skills: d.skills,
            skills_rating: d.skills_rating,
            medication: d.medication,
            note: d.note,
        })
    }
}

/// What the person tracks on their cards: their targets, their emotions, and whether to ask
/// about medication. The latest record is the one in use.
#[derive(Clone, PartialEq)]
pub struct DiarySetup {
    pub targets: Vec<String>,
    pub emotions: Vec<String>,
    pub medication: bool,
}

/// Until the person sets their own.
pub const DEFAULT_TARGETS: [&str; 2] = ["To use", "To hurt myself"];
pub const DEFAULT_EMOTIONS: [&str; 7] = [
    "Sadness",
    "Fear",
    "Anger",
    "Shame",
    "Guilt",
    "Loneliness",
    "Joy",
];

impl Default for DiarySetup {
    fn default() -> Self {
        DiarySetup {
            targets: DEFAULT_TARGETS.map(String::from).to_vec(),
            emotions: DEFAULT_EMOTIONS.map(String::from).to_vec(),
            medication: true,
        }
    }
}

#[derive(Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DiarySetupDto {
    #[serde(default)]
    pub targets: Vec<String>,
    #[serde(default)]
    pub emotions: Vec<String>,
    #[serde(default)]
    pub medication: bool,
}

/// Payload version 1. Frozen once written.
#[derive(Serialize, Deserialize)]
struct SetupV1 {
    #[serde(default)]
    targets: Vec<String>,
    #[serde(default)]
    emotions: Vec<String>,
    #[serde(default)]
    medication: bool,
}

/// Most targets or emotions on a card: it is one row on a page.
pub const MAX_COLUMNS: usize = 12;

impl KindSpec for DiarySetup {
    const NAME: &'static str = "diary-setup";
    const TAG: &'static str = "diary_setup";
    const LABEL: &'static str = "diary card set-up";
    const ENTRY: bool = false;
    const VERSION: u16 = 1;
    type Dto = DiarySetupDto;

    fn validate(&mut self) -> Result<()> {
        for (field, list) in [
            ("targets", &mut self.targets),
            ("emotions", &mut self.emotions),
        ] {
            for t in list.iter_mut() {
                fields::label(field, t, fields::MAX_ROW_NAME_CHARS, false)?;
            }
            fields::normalize_list(field, list)?;
            if list.len() > MAX_COLUMNS {
                return Err(Error::invalid(
                    field,
                    format!("at most {MAX_COLUMNS} on one card"),
                ));
            }
        }
        Ok(())
    }

    fn search_text<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.extend(self.targets.iter().map(String::as_str));
        out.extend(self.emotions.iter().map(String::as_str));
    }

    fn summary(&self) -> String {
        format!(
            "Diary card: {} targets, {} emotions",
            self.targets.len(),
            self.emotions.len()
        )
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(&SetupV1 {
            targets: self.targets.clone(),
            emotions: self.emotions.clone(),
            medication: self.medication,
        })
    }

    fn decode(version: u16, json: &str) -> Option<Self> {
        match version {
            1 => {
                let p: SetupV1 = serde_json::from_str(json).ok()?;
                Some(DiarySetup {
                    targets: p.targets,
                    emotions: p.emotions,
                    medication: p.medication,
                })
            }
            _ => None,
        }
    }

    fn to_dto(&self) -> DiarySetupDto {
        DiarySetupDto {
            targets: self.targets.clone(),
            emotions: self.emotions.clone(),
            medication: self.medication,
        }
    }

    fn from_dto(d: DiarySetupDto) -> Result<Self> {
        Ok(DiarySetup {
            targets: d.targets,
            emotions: d.emotions,
            medication: d.medication,
        })
    }
}

crate::kinds::fields::redacted_debug!(DiaryCard, DiaryCardDto, DiarySetup, DiarySetupDto);
