//! A treatment goal with its small steps; progress is the share of steps done. Reference, not
//! an entry: goals are kept up to date rather than logged.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::KindSpec;
use super::fields;
use super::session::{Item, ItemDto, normalize_items};
use crate::error::Result;

/// Longest title: it is a heading.
pub const MAX_TITLE_CHARS: usize = 120;

#[derive(Clone, PartialEq)]
pub struct Goal {
    pub title: String,
    /// Why it matters to me.
    pub why: String,
    pub steps: Vec<Item>,
    /// A day I'd like to reach it by.
    pub target: Option<NaiveDate>,
    /// Reached (the user says so; steps alone do not decide it).
    pub reached: bool,
    /// Put away: no longer shown; kept.
    pub archived: bool,
}

#[derive(Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct GoalDto {
    pub title: String,
    #[serde(default)]
    pub why: String,
    #[serde(default)]
    pub steps: Vec<ItemDto>,
    /// `2027-02-01`.
    #[serde(default)]
    pub target: Option<String>,
    #[serde(default)]
    pub reached: bool,
    #[serde(default)]
    pub archived: bool,
}

/// Payload version 1. Frozen once written.
#[derive(Serialize, Deserialize)]
struct V1 {
    title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    why: String,
    /// `[text, done]` pairs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    steps: Vec<(String, bool)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    target: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    reached: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    archived: bool,
}

const DATE: &str = "%Y-%m-%d";

impl Goal {
    /// `(done, all)` steps.
    pub fn progress(&self) -> (usize, usize) {
        (
            self.steps.iter().filter(|s| s.done).count(),
            self.steps.len(),
        )
    }
}

impl KindSpec for Goal {
    const NAME: &'static str = "goal";
    const TAG: &'static str = "goal";
    const LABEL: &'static str = "goal";
    const ENTRY: bool = false;
    const VERSION: u16 = 1;
    type Dto = GoalDto;

    fn validate(&mut self) -> Result<()> {
        fields::label("title", &mut self.title, MAX_TITLE_CHARS, true)?;
        fields::text("why", &self.why)?;
        normalize_items("steps", &mut self.steps)
    }

    fn search_text<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.extend([self.title.as_str(), &self.why]);
        out.extend(self.steps.iter().map(|s| s.text.as_str()));
    }

    fn summary(&self) -> String {
        match self.progress() {
            (_, 0) => self.title.clone(),
            (d, n) => format!("{} · {d} of {n} steps", self.title),
        }
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(&V1 {
            title: self.title.clone(),
            why: self.why.clone(),
            steps: self
                .steps
                .iter()
                .map(|s| (s.text.clone(), s.done))
                .collect(),
            target: self.target.map(|d| d.format(DATE).to_string()),
            reached: self.reached,
            archived: self.archived,
        })
    }

    fn decode(version: u16, json: &str) -> Option<Self> {
        match version {
            1 => {
                let p: V1 = serde_json::from_str(json).ok()?;
                Some(Goal {
                    title: p.title,
                    why: p.why,
                    steps: p
                        .steps
                        .into_iter()
                        .map(|(text, done)| Item { text, done })
                        .collect(),
                    target: match p.target {
                        Some(t) => Some(NaiveDate::parse_from_str(&t, DATE).ok()?),
                        None => None,
                    },
                    reached: p.reached,
                    archived: p.archived,
                })
            }
            _ => None,
        }
    }

    fn to_dto(&self) -> GoalDto {
        GoalDto {
            title: self.title.clone(),
            why: self.why.clone(),
            steps: self
                .steps
                .iter()
                .map(|s| ItemDto {
                    text: s.text.clone(),
                    done: s.done,
                })
                .collect(),
            target: self.target.map(|d| d.format(DATE).to_string()),
            reached: self.reached,
            archived: self.archived,
        }
    }

    fn from_dto(d: GoalDto) -> Result<Self> {
        Ok(Goal {
            title: d.title,
            why: d.why,
            steps: d
                .steps
                .into_iter()
                .map(|s| Item {
                    text: s.text,
                    done: s.done,
                })
                .collect(),
            target: fields::opt_date("target", d.target.as_deref())?,
            reached: d.reached,
            archived: d.archived,
        })
    }
}

crate::kinds::fields::redacted_debug!(Goal, GoalDto);
