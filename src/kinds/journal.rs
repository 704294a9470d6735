//! A journal entry: free writing, an optional prompt, tags.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::KindSpec;
use super::fields;
use crate::error::{Error, Result};

#[derive(Clone, PartialEq, Default)]
pub struct JournalEntry {
    pub title: String,
    pub prompt: String,
    pub text: String,
    pub tags: Vec<String>,
    /// To bring up at the next session.
    pub bring: bool,
}

#[derive(Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase", default)]
pub struct JournalDto {
    pub title: String,
    pub prompt: String,
    pub text: String,
    pub tags: Vec<String>,
    pub bring: bool,
}

/// Payload version 1, as first written (tests/fixtures/golden/v1). Frozen.
#[derive(Serialize, Deserialize)]
struct V1 {
    title: String,
    prompt: String,
    text: String,
    tags: Vec<String>,
}

/// Payload version 2 (tests/fixtures/golden/v2). Frozen. `bring` added, written only when set.
#[derive(Serialize, Deserialize)]
struct V2 {
    title: String,
    prompt: String,
    text: String,
    tags: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    bring: bool,
}

impl KindSpec for JournalEntry {
    const NAME: &'static str = "journal";
    const TAG: &'static str = "journal";
    const LABEL: &'static str = "journal entry";
    const ENTRY: bool = true;
    const VERSION: u16 = 2;
    type Dto = JournalDto;

    fn validate(&mut self) -> Result<()> {
        fields::short("title", &self.title)?;
        fields::text("prompt", &self.prompt)?;
        fields::text("text", &self.text)?;
        if self.text.trim().is_empty() {
            return Err(Error::invalid("text", "a journal entry needs some text"));
        }
        fields::normalize_list("tags", &mut self.tags)
    }

    fn search_text<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.extend([self.title.as_str(), &self.prompt, &self.text]);
        out.extend(self.tags.iter().map(String::as_str));
    }

    fn tags(&self) -> Vec<&str> {
        self.tags.iter().map(String::as_str).collect()
    }

    fn summary(&self) -> String {
        if self.title.is_empty() {
            fields::first_line(&self.text, 60)
        } else {
            self.title.clone()
        }
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(&V2 {
            title: self.title.clone(),
            prompt: self.prompt.clone(),
            text: self.text.clone(),
            tags: self.tags.clone(),
            bring: self.bring,
        })
    }

    fn decode(version: u16, json: &str) -> Option<Self> {
        match version {
            1 => {
                let p: V1 = serde_json::from_str(json).ok()?;
                Some(JournalEntry {
                    title: p.title,
                    prompt: p.prompt,
                    text: p.text,
                    tags: p.tags,
                    bring: false,
                })
            }
            2 => {
                let p: V2 = serde_json::from_str(json).ok()?;
                Some(JournalEntry {
                    title: p.title,
                    prompt: p.prompt,
                    text: p.text,
                    tags: p.tags,
                    bring: p.bring,
                })
            }
            _ => None,
        }
    }

    fn to_dto(&self) -> JournalDto {
        JournalDto {
            title: self.title.clone(),
            prompt: self.prompt.clone(),
            text: self.text.clone(),
            tags: self.tags.clone(),
            bring: self.bring,
        }
    }

    fn from_dto(d: JournalDto) -> Result<Self> {
        Ok(JournalEntry {
            title: d.title,
            prompt: d.prompt,
            text: d.text,
            tags: d.tags,
            bring: d.bring,
        })
    }
}

crate::kinds::fields::redacted_debug!(JournalEntry, JournalDto);
