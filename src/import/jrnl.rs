//! jrnl's JSON export (`jrnl --export json`): each entry's title, body, date, time, tags
//! (without the tag symbol) and star. Each becomes a journal entry; starred ones get the tag
//! `starred`. Ids come from the entry's content, so the same file twice adds nothing.

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use serde::Deserialize;

use super::{at_entry, key_id};
use crate::dto::BodyDto;
use crate::error::{Error, Result};
use crate::model::{Body, Record};

#[derive(Deserialize)]
struct Export {
    entries: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    date: String,
    #[serde(default)]
    time: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    starred: bool,
}

/// The records of a jrnl JSON export; `offset_at` gives the UTC offset at a local time (jrnl
/// writes none).
pub fn records(
    text: &str,
    offset_at: &dyn Fn(NaiveDateTime) -> FixedOffset,
) -> Result<Vec<Record>> {
    let doc: Export =
        serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text)).map_err(|e| {
            Error::invalid(
                "file",
                format!(
                    "not a jrnl JSON export (line {}, column {})",
                    e.line(),
                    e.column()
                ),
            )
        })?;
    let mut out = Vec::new();
    for (i, e) in doc.entries.into_iter().enumerate() {
        let date = NaiveDate::parse_from_str(e.date.trim(), "%Y-%m-%d")
            .map_err(|_| at_entry(i, "date", "a date is YYYY-MM-DD"))?;
        let t = if e.time.trim().is_empty() {
            NaiveTime::MIN
        } else {
            NaiveTime::parse_from_str(e.time.trim(), "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(e.time.trim(), "%H:%M:%S"))
                .map_err(|_| at_entry(i, "time", "a time is HH:MM"))?
        };
        let local = date.and_time(t);
        let at = local
            .and_local_timezone(offset_at(local))
            .single()
            .ok_or_else(|| at_entry(i, "time", "a time that does not exist there"))?;
        let mut tags: Vec<String> = e
            .tags
            .iter()
            .map(|t| t.trim().trim_start_matches(['@', '#']).to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        if e.starred {
            tags.push("starred".into());
        }
        let key = [
            e.date.as_str(),
            e.time.as_str(),
            e.title.as_str(),
            e.body.as_str(),
        ]
        .join("\u{0}");
        // jrnl keeps an entry's first sentence as its title: with no more than that, the
        // title is the entry's text.
        let (title, words) = if e.body.trim().is_empty() {
            ("", e.title.trim())
        } else {
            (e.title.trim(), e.body.trim())
        };
        let dto: BodyDto = serde_json::from_value(serde_json::json!({
            "kind": "journal", "title": title, "text": words, "tags": tags,
        }))
        .map_err(|_| at_entry(i, "entry", "could not be read"))?;
        let mut body = Body::try_from(dto).map_err(|err| super::in_entry(i, err))?;
        body.validate().map_err(|err| super::in_entry(i, err))?;
        out.push(Record {
            id: key_id("jrnl", &key, "journal"),
            revision: 1,
            created: at,
            updated: at,
            at,
            trashed: None,
            body,
        });
    }
    Ok(out)
}
