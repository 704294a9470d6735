//! Day One's JSON export (the export zip's `Journal.json`): `text` as Markdown,
//! `creationDate` (UTC) with `timeZone` (IANA) made the local time and offset where it was
//! written, tags, starred (the tag `starred`). Photos, audio, video and PDFs stay behind, and
//! are counted. Each entry's `uuid` is its stable key: the same file twice adds nothing.

use chrono::{DateTime, Utc};
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
#[serde(rename_all = "camelCase")]
struct Entry {
    #[serde(default)]
    uuid: String,
    creation_date: String,
    #[serde(default)]
    time_zone: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    starred: bool,
    #[serde(default)]
    photos: Vec<serde_json::Value>,
    #[serde(default)]
    audios: Vec<serde_json::Value>,
    #[serde(default)]
    videos: Vec<serde_json::Value>,
    #[serde(default)]
    pdf_attachments: Vec<serde_json::Value>,
}

/// The records of a Day One JSON export, and how many media files were left behind.
pub fn records(text: &str) -> Result<(Vec<Record>, u32)> {
    let doc: Export =
        serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text)).map_err(|e| {
            Error::invalid(
                "file",
                format!(
                    "not a Day One JSON export (line {}, column {})",
                    e.line(),
                    e.column()
                ),
            )
        })?;
    let mut out = Vec::new();
    let mut media = 0u32;
    for (i, e) in doc.entries.into_iter().enumerate() {
        let utc: DateTime<Utc> = DateTime::parse_from_rfc3339(e.creation_date.trim())
            .map_err(|_| at_entry(i, "creationDate", "a time is like 2026-11-27T21:30:00Z"))?
            .with_timezone(&Utc);
        // The local time and offset where it was written; UTC when the zone is missing or
        // one this build does not know.
        let at = match e.time_zone.trim().parse::<chrono_tz::Tz>() {
            Ok(tz) => utc.with_timezone(&tz).fixed_offset(),
            Err(_) => utc.fixed_offset(),
        };
        media +=
            (e.photos.len() + e.audios.len() + e.videos.len() + e.pdf_attachments.len()) as u32;
        let mut tags: Vec<String> = e
            .tags
            .iter()
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        if e.starred {
            tags.push("starred".into());
        }
        // Day One puts images in the text as links to its own files: they stay behind too.
        let text: String = e
            .text
            .lines()
            .filter(|l| !l.trim_start().starts_with("![](dayone-moment:"))
            .collect::<Vec<_>>()
            .join("\n");
        let key = if e.uuid.trim().is_empty() {
            format!("{}\u{0}{}", e.creation_date, e.text)
        } else {
            e.uuid.trim().to_owned()
        };
        let dto: BodyDto = serde_json::from_value(serde_json::json!({
            "kind": "journal", "text": text.trim(), "tags": tags,
        }))
        .map_err(|_| at_entry(i, "entry", "could not be read"))?;
        let mut body = Body::try_from(dto).map_err(|err| super::in_entry(i, err))?;
        body.validate().map_err(|err| super::in_entry(i, err))?;
        out.push(Record {
            id: key_id("dayone", &key, "journal"),
            revision: 1,
            created: at,
            updated: at,
            at,
            trashed: None,
            body,
        });
    }
    Ok((out, media))
}
