//! A note for or from an IOP session: type, title, facilitator, Markdown notes, takeaways,
//! homework and what to bring next time, attendance.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::KindSpec;
use super::fields::{self, string_enum};
use crate::error::{Error, Result};

#[derive(Clone, PartialEq)]
pub struct SessionNote {
    pub session_type: SessionType,
    pub title: String,
    pub facilitator: String,
    /// Markdown.
    pub notes: String,
    pub takeaways: String,
    pub homework: Vec<Item>,
    pub bring: Vec<Item>,
    pub attended: bool,
}

/// A checklist line: homework, or something to bring to the next session.
#[derive(Clone, PartialEq, Eq)]
pub struct Item {
    pub text: String,
    pub done: bool,
}

string_enum!(
    /// The kind of IOP session.
    SessionType, "sessionType" {
        Individual = "individual", Group = "group", Psychoeducation = "psychoeducation",
        Skills = "skills", Family = "family", Medication = "medication", Peer = "peer",
        Other = "other",
    }
);

#[derive(Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SessionDto {
    #[ts(as = "SessionType")]
    pub session_type: String,
    pub title: String,
    #[serde(default)]
    pub facilitator: String,
    /// Markdown.
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub takeaways: String,
    #[serde(default)]
    pub homework: Vec<ItemDto>,
    #[serde(default)]
    pub bring: Vec<ItemDto>,
    #[serde(default = "yes")]
    pub attended: bool,
}

fn yes() -> bool {
    true
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ItemDto {
    pub text: String,
    #[serde(default)]
    pub done: bool,
}

/// Payload version 1, as first written (tests/fixtures/golden/v1). Frozen.
#[derive(Serialize, Deserialize)]
struct V1 {
    session_type: String,
    title: String,
    facilitator: String,
    notes: String,
    takeaways: String,
    homework: Vec<(String, bool)>,
    bring: Vec<(String, bool)>,
    attended: bool,
}

pub(crate) fn normalize_items(field: &'static str, items: &mut Vec<Item>) -> Result<()> {
    items.retain_mut(|i| {
        let t = i.text.trim();
        if t.len() != i.text.len() {
            i.text = t.to_owned();
        }
        !i.text.is_empty()
    });
    if items.len() > fields::MAX_LIST_ITEMS {
        return Err(Error::invalid(
            field,
            format!("at most {} items", fields::MAX_LIST_ITEMS),
        ));
    }
    items.iter().try_for_each(|i| fields::text(field, &i.text))
}

fn items_out(items: &[Item]) -> Vec<(String, bool)> {
    items.iter().map(|i| (i.text.clone(), i.done)).collect()
}

fn items_in(items: Vec<(String, bool)>) -> Vec<Item> {
    items
        .into_iter()
        .map(|(text, done)| Item { text, done })
        .collect()
}

impl KindSpec for SessionNote {
    const NAME: &'static str = "session";
    const TAG: &'static str = "session";
    const LABEL: &'static str = "session note";
    const ENTRY: bool = true;
    const VERSION: u16 = 1;
    type Dto = SessionDto;

    fn validate(&mut self) -> Result<()> {
        fields::required_short("title", &mut self.title)?;
        fields::short("facilitator", &self.facilitator)?;
        fields::text("notes", &self.notes)?;
        fields::text("takeaways", &self.takeaways)?;
        normalize_items("homework", &mut self.homework)?;
        normalize_items("bring", &mut self.bring)
    }

    fn search_text<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.extend([
            self.title.as_str(),
            &self.facilitator,
            &self.notes,
            &self.takeaways,
        ]);
        out.extend(self.homework.iter().map(|i| i.text.as_str()));
        out.extend(self.bring.iter().map(|i| i.text.as_str()));
    }

    fn summary(&self) -> String {
        format!("{} · {}", self.session_type.as_str(), self.title)
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(&V1 {
            session_type: self.session_type.as_str().to_owned(),
            title: self.title.clone(),
            facilitator: self.facilitator.clone(),
            notes: self.notes.clone(),
            takeaways: self.takeaways.clone(),
            homework: items_out(&self.homework),
            bring: items_out(&self.bring),
            attended: self.attended,
        })
    }

    fn decode(version: u16, json: &str) -> Option<Self> {
        match version {
            1 => {
                let p: V1 = serde_json::from_str(json).ok()?;
                Some(SessionNote {
                    session_type: SessionType::parse(&p.session_type).ok()?,
                    title: p.title,
                    facilitator: p.facilitator,
                    notes: p.notes,
                    takeaways: p.takeaways,
                    homework: items_in(p.homework),
                    bring: items_in(p.bring),
                    attended: p.attended,
                })
            }
            _ => None,
        }
    }

    fn to_dto(&self) -> SessionDto {
        let items = |v: &[Item]| {
            v.iter()
                .map(|i| ItemDto {
                    text: i.text.clone(),
                    done: i.done,
                })
                .collect()
        };
        SessionDto {
            session_type: self.session_type.as_str().to_owned(),
            title: self.title.clone(),
            facilitator: self.facilitator.clone(),
            notes: self.notes.clone(),
            takeaways: self.takeaways.clone(),
            homework: items(&self.homework),
            bring: items(&self.bring),
            attended: self.attended,
        }
    }

    fn from_dto(d: SessionDto) -> Result<Self> {
        let items = |v: Vec<ItemDto>| {
            v.into_iter()
                .map(|i| Item {
                    text: i.text,
                    done: i.done,
                })
                .collect()
        };
        Ok(SessionNote {
            session_type: SessionType::parse(&d.session_type)?,
            title: d.title,
            facilitator: d.facilitator,
            notes: d.notes,
            takeaways: d.takeaways,
            homework: items(d.homework),
            bring: items(d.bring),
            attended: d.attended,
        })
    }
}

crate::kinds::fields::redacted_debug!(SessionNote, Item, SessionDto, ItemDto);
