//! A coping skill in the library: a built-in one (seeded by `crate::skills`) or the user's own.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::KindSpec;
use super::fields::{self, string_enum};
use crate::error::Result;

#[derive(Clone, PartialEq)]
pub struct Skill {
    pub name: String,
    pub category: SkillCategory,
    pub how_to: String,
    /// The built-in skill this record started as (a stable key), if any.
    pub builtin: Option<String>,
    pub favourite: bool,
    pub hidden: bool,
}

string_enum!(
    /// Where a coping skill sits in the library.
    SkillCategory, "category" {
        DistressTolerance = "distress-tolerance", EmotionRegulation = "emotion-regulation",
        Mindfulness = "mindfulness", Interpersonal = "interpersonal", Grounding = "grounding",
        Body = "body", Connection = "connection",
    }
);

#[derive(Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SkillDto {
    pub name: String,
    #[ts(as = "SkillCategory")]
    pub category: String,
    #[serde(default)]
    pub how_to: String,
    #[serde(default)]
    pub builtin: Option<String>,
    #[serde(default)]
    pub favourite: bool,
    #[serde(default)]
    pub hidden: bool,
}

/// Payload version 1, as first written (tests/fixtures/golden/v1). Frozen.
#[derive(Serialize, Deserialize)]
struct V1 {
    name: String,
    category: String,
    how_to: String,
    builtin: Option<String>,
    favourite: bool,
    hidden: bool,
}

impl KindSpec for Skill {
    const NAME: &'static str = "skill";
    const TAG: &'static str = "skill";
    const LABEL: &'static str = "skill";
    const ENTRY: bool = false;
    const VERSION: u16 = 1;
    type Dto = SkillDto;

    fn validate(&mut self) -> Result<()> {
        fields::required_short("name", &mut self.name)?;
        fields::text("howTo", &self.how_to)
    }

    fn search_text<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.extend([self.name.as_str(), &self.how_to]);
    }

    fn summary(&self) -> String {
        self.name.clone()
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(&V1 {
            name: self.name.clone(),
            category: self.category.as_str().to_owned(),
            how_to: self.how_to.clone(),
            builtin: self.builtin.clone(),
            favourite: self.favourite,
            hidden: self.hidden,
        })
    }

    fn decode(version: u16, json: &str) -> Option<Self> {
        match version {
            1 => {
                let p: V1 = serde_json::from_str(json).ok()?;
                Some(Skill {
                    name: p.name,
                    category: SkillCategory::parse(&p.category).ok()?,
                    how_to: p.how_to,
                    builtin: p.builtin,
                    favourite: p.favourite,
                    hidden: p.hidden,
                })
            }
            _ => None,
        }
    }

    fn to_dto(&self) -> SkillDto {
        SkillDto {
            name: self.name.clone(),
            category: self.category.as_str().to_owned(),
            how_to: self.how_to.clone(),
            builtin: self.builtin.clone(),
            favourite: self.favourite,
            hidden: self.hidden,
        }
    }

    fn from_dto(d: SkillDto) -> Result<Self> {
        Ok(Skill {
            name: d.name,
            category: SkillCategory::parse(&d.category)?,
            how_to: d.how_to,
            builtin: d.builtin,
            favourite: d.favourite,
            hidden: d.hidden,
        })
    }
}

crate::kinds::fields::redacted_debug!(Skill, SkillDto);
