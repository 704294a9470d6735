//! The person's last choices for the counsellor report (`crate::report`): the sections, how
//! much of the session notes, the paper, the name to print and the journal entries chosen.
//! Kept in the vault, sealed like every record, because a name and a choice of entries are the
//! person's own. The latest record is the one in use.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::KindSpec;
use crate::error::{Error, Result};
use crate::model::RecordId;
use crate::report::{ENTRIES_MAX, NAME_MAX, SECTIONS};

#[derive(Clone, PartialEq)]
pub struct ReportSetup {
    /// Section ids, in the report's order, each once.
    pub sections: Vec<String>,
    pub full_sessions: bool,
    /// `a4` or `letter`.
    pub paper: String,
    pub name: String,
    pub entries: Vec<RecordId>,
}

#[derive(Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ReportSetupDto {
    #[serde(default)]
    pub sections: Vec<String>,
    /// `titles` or `full`.
    #[serde(default = "titles")]
    pub session_notes: String,
    /// `a4` or `letter`.
    #[serde(default = "a4")]
    pub paper: String,
    #[serde(default)]
    pub name: String,
    /// Journal entry ids.
    #[serde(default)]
    pub entries: Vec<String>,
}

fn titles() -> String {
    "titles".into()
}

fn a4() -> String {
    "a4".into()
}

/// Payload version 1. Frozen once written.
#[derive(Serialize, Deserialize)]
struct V1 {
    #[serde(default)]
    sections: Vec<String>,
    #[serde(default)]
    full_sessions: bool,
    #[serde(default)]
    paper: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    entries: Vec<String>,
}

impl KindSpec for ReportSetup {
    const NAME: &'static str = "report-setup";
    const TAG: &'static str = "report_setup";
    const LABEL: &'static str = "report choices";
    const ENTRY: bool = false;
    const VERSION: u16 = 1;
    type Dto = ReportSetupDto;

    fn validate(&mut self) -> Result<()> {
        let mut known = Vec::new();
        for s in &self.sections {
            let word = s.trim().to_ascii_lowercase();
            let Some((sec, id, _)) = SECTIONS.iter().find(|(_, id, _)| *id == word) else {
                let ids: Vec<&str> = SECTIONS.iter().map(|(_, id, _)| *id).collect();
                return Err(Error::invalid(
                    "sections",
                    format!("choose from {}", ids.join(", ")),
                ));
            };
            known.push((*sec, (*id).to_owned()));
        }
        known.sort();
        known.dedup();
        self.sections = known.into_iter().map(|(_, id)| id).collect();
        self.paper = self.paper.trim().to_ascii_lowercase();
        if !matches!(self.paper.as_str(), "a4" | "letter") {
            return Err(Error::invalid("paper", "choose a4 or letter"));
        }
        self.name = self.name.trim().to_owned();
        if self.name.contains(['\n', '\r']) {
            return Err(Error::invalid("name", "a name is one line"));
        }
        if self.name.chars().count() > NAME_MAX {
            return Err(Error::invalid(
                "name",
                format!("at most {NAME_MAX} characters"),
            ));
        }
        let mut seen = Vec::new();
        self.entries.retain(|id| {
            let fresh = !seen.contains(id);
            seen.push(*id);
            fresh
        });
        if self.entries.len() > ENTRIES_MAX {
            return Err(Error::invalid(
                "entries",
                format!("at most {ENTRIES_MAX} entries in one report"),
            ));
        }
        Ok(())
    }

    fn search_text<'a>(&'a self, _out: &mut Vec<&'a str>) {
        // Choices, not words the person wrote: nothing to find.
    }

    fn summary(&self) -> String {
        format!("Report choices: {} sections", self.sections.len())
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(&V1 {
            sections: self.sections.clone(),
            full_sessions: self.full_sessions,
            paper: self.paper.clone(),
            name: self.name.clone(),
            entries: self.entries.iter().map(RecordId::to_string).collect(),
        })
    }

    fn decode(version: u16, json: &str) -> Option<Self> {
        match version {
            1 => {
                let p: V1 = serde_json::from_str(json).ok()?;
                Some(ReportSetup {
                    sections: p.sections,
                    full_sessions: p.full_sessions,
                    paper: p.paper,
                    name: p.name,
                    entries: p
                        .entries
                        .iter()
                        .filter_map(|e| RecordId::parse(e).ok())
                        .collect(),
                })
            }
            _ => None,
        }
    }

    fn to_dto(&self) -> ReportSetupDto {
        ReportSetupDto {
            sections: self.sections.clone(),
            session_notes: if self.full_sessions { "full" } else { "titles" }.into(),
            paper: self.paper.clone(),
            name: self.name.clone(),
            entries: self.entries.iter().map(RecordId::to_string).collect(),
        }
    }

    fn from_dto(d: ReportSetupDto) -> Result<Self> {
        let full_sessions = match d.session_notes.trim() {
            "titles" => false,
            "full" => true,
            _ => return Err(Error::invalid("sessionNotes", "choose titles or full")),
        };
        let entries = d
            .entries
            .iter()
            .map(|e| {
                RecordId::parse(e).map_err(|_| {
                    Error::invalid("entries", "an entry's id is 32 hexadecimal digits")
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(ReportSetup {
            sections: d.sections,
            full_sessions,
            paper: d.paper,
            name: d.name,
            entries,
        })
    }
}

crate::kinds::fields::redacted_debug!(ReportSetup, ReportSetupDto);
