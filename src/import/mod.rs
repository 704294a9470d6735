//! Imports (Keel's own JSON export, Daylio CSV, Day One JSON or its export zip, jrnl JSON):
//! read the whole file first, name every problem by the line or entry and field it is in, show
//! what would be added, then add it in one transaction, all or nothing. Each source entry has a
//! stable key — for Keel's export, the record's own id — so importing the same file again adds
//! nothing.

pub mod csv;
pub mod daylio;
pub mod dayone;
pub mod jrnl;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dto::{EXPORT_FORMAT, EXPORT_VERSION, ExportDocument};
use crate::error::{Error, Result};
use crate::model::{Body, Kind, Record, RecordId};
use crate::vault::Vault;

/// What an import would add (`dry_run`) or added.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummaryDto {
    /// Records new to this vault.
    pub added: u32,
    /// Records already here (the same id), left as they are.
    pub already: u32,
    /// Records written by a newer Keel, which this one cannot write; left out.
    pub newer: u32,
    /// Photos, audio, video and PDFs in the file, which Keel does not keep; left out.
    pub media: u32,
    /// New records by kind, most first.
    pub by_kind: Vec<KindCountDto>,
    /// The first and last day among the new records.
    pub first_day: Option<String>,
    pub last_day: Option<String>,
    /// False for a preview: nothing was written.
    pub written: bool,
    /// The first few new records, oldest first, for a preview.
    pub first: Vec<PreviewEntryDto>,
    /// The file's name, when the app chose it.
    pub file: String,
}

/// One record of a preview: its day and what it is, in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct PreviewEntryDto {
    pub day: String,
    pub summary: String,
}

/// How many new records a preview shows.
pub const PREVIEW_FIRST: usize = 5;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KindCountDto {
    pub kind: String,
    pub n: u32,
}

/// A record id from a source entry's stable key: the same entry always gets the same id, so
/// importing a file again adds nothing.
pub(crate) fn key_id(source: &str, key: &str, kind: &str) -> RecordId {
    let d = ring::digest::digest(
        &ring::digest::SHA256,
        format!("keel-import\u{0}{source}\u{0}{kind}\u{0}{key}").as_bytes(),
    );
    let mut id = [0u8; 16];
    id.copy_from_slice(&d.as_ref()[..16]);
    RecordId(id)
}

/// A problem in a file, by line and field (the field's words in the reason: `InvalidInput`
/// names a static field).
pub(crate) fn row_error(line: usize, field: &str, reason: impl Into<String>) -> Error {
    Error::invalid("file", format!("line {line} ({field}): {}", reason.into()))
}

/// A record's own check failing on a line of the file.
pub(crate) fn at_line(line: usize, e: Error) -> Error {
    match e {
        Error::InvalidInput { field, reason } => row_error(line, field, reason),
        other => other,
    }
}

/// A record's own check failing on an entry of the file.
pub(crate) fn in_entry(i: usize, e: Error) -> Error {
    match e {
        Error::InvalidInput { field, reason } => at_entry(i, field, reason),
        other => other,
    }
}

pub(crate) fn at_entry(i: usize, field: &str, reason: impl Into<String>) -> Error {
    // `InvalidInput` names a static field; the entry's number and field go in the words.
    Error::invalid(
        "records",
        format!("entry {} ({field}): {}", i + 1, reason.into()),
    )
}

fn time(i: usize, field: &str, s: &str) -> Result<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(s.trim()).map_err(|_| {
        at_entry(
            i,
            field,
            "a time is RFC 3339, like 2026-11-27T21:30:00-05:00",
        )
    })
}

/// Keel's JSON export (docs/export-format.md), every record checked as the vault would check
/// it. Records from a newer Keel are counted, not read.
pub fn keel_json(text: &str) -> Result<(Vec<Record>, u32)> {
    let doc: ExportDocument = serde_json::from_str(text).map_err(|e| {
        // serde's words can quote the input: say where, never what.
        Error::invalid(
            "file",
            format!(
                "not a Keel export (line {}, column {})",
                e.line(),
                e.column()
            ),
        )
    })?;
    if doc.format != EXPORT_FORMAT {
        return Err(Error::invalid("format", "not a Keel export"));
    }
    if doc.version != EXPORT_VERSION {
        return Err(Error::invalid(
            "version",
            format!(
                "export format version {} is not one this Keel reads (it reads {EXPORT_VERSION})",
                doc.version
            ),
        ));
    }
    let mut out = Vec::with_capacity(doc.records.len());
    let mut newer = 0;
    for (i, r) in doc.records.into_iter().enumerate() {
        if matches!(r.body, crate::dto::BodyDto::Unknown(_)) {
            newer += 1;
            continue;
        }
        let id = RecordId::parse(&r.id)
            .map_err(|_| at_entry(i, "id", "an id is 32 hexadecimal digits"))?;
        if r.revision == 0 {
            return Err(at_entry(i, "revision", "a revision starts at 1"));
        }
        let mut body = Body::try_from(r.body).map_err(|e| in_entry(i, e))?;
        body.validate().map_err(|e| in_entry(i, e))?;
        out.push(Record {
            id,
            revision: r.revision,
            created: time(i, "created", &r.created)?,
            updated: time(i, "updated", &r.updated)?,
            at: time(i, "at", &r.at)?,
            trashed: r
                .trashed
                .as_deref()
                .map(|t| time(i, "trashed", t))
                .transpose()?,
            body,
        });
    }
    Ok((out, newer))
}

/// What a file holds, read and checked, before anything is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub records: Vec<Record>,
    /// From a newer Keel: left out.
    pub newer: u32,
    /// Media files: left out.
    pub media: u32,
}

/// Where a file comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Keel,
    Daylio,
    DayOne,
    Jrnl,
}

impl Source {
    pub fn parse(s: &str) -> Result<Source> {
        match s.trim().to_ascii_lowercase().as_str() {
            "keel" => Ok(Source::Keel),
            "daylio" => Ok(Source::Daylio),
            "dayone" | "day-one" => Ok(Source::DayOne),
            "jrnl" => Ok(Source::Jrnl),
            _ => Err(Error::invalid(
                "source",
                "choose one of keel, daylio, dayone, jrnl",
            )),
        }
    }
}

/// Reads a file of `source` whole, checking every entry; nothing is written. `offset_at`
/// gives the UTC offset at a local time, for formats that write none (Daylio, jrnl).
pub fn parse(
    source: Source,
    text: &str,
    moods: &daylio::MoodMap,
    offset_at: &dyn Fn(chrono::NaiveDateTime) -> FixedOffset,
) -> Result<Parsed> {
    Ok(match source {
        Source::Keel => {
            let (records, newer) = keel_json(text)?;
            Parsed {
                records,
                newer,
                media: 0,
            }
        }
        Source::Daylio => Parsed {
            records: daylio::records(text, moods, offset_at)?,
            newer: 0,
            media: 0,
        },
        Source::Jrnl => Parsed {
            records: jrnl::records(text, offset_at)?,
            newer: 0,
            media: 0,
        },
        Source::DayOne => {
            let (records, media) = dayone::records(text)?;
            Parsed {
                records,
                newer: 0,
                media,
            }
        }
    })
}

/// The largest file (or journal inside a Day One zip) an import reads: ten times a decade of
/// daily entries, far beyond any real export, and well short of what would exhaust memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Reads the file at `path` as `source` (`parse`): text in UTF-8, or for Day One also its
/// export zip, whose journals (the `.json` files at its top) are read together. Nothing is
/// written.
pub fn read_file(
    path: &std::path::Path,
    source: Source,
    moods: &daylio::MoodMap,
    offset_at: &dyn Fn(chrono::NaiveDateTime) -> FixedOffset,
) -> Result<Parsed> {
    use std::io::Read;
    let cannot =
        |e: std::io::Error| Error::invalid("file", format!("cannot read that file ({})", e.kind()));
    let file = std::fs::File::open(path).map_err(cannot)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    read_bytes(bytes, source, moods, offset_at)
}

/// `read_file`, for a file already read.
pub fn read_bytes(
    bytes: Vec<u8>,
    source: Source,
    moods: &daylio::MoodMap,
    offset_at: &dyn Fn(chrono::NaiveDateTime) -> FixedOffset,
) -> Result<Parsed> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        if source != Source::DayOne {
            return Err(Error::invalid(
                "file",
                "that is a zip file; only Day One's export is read from a zip",
            ));
        }
        return dayone_zip(&bytes);
    }
    parse(source, &utf8(bytes)?, moods, offset_at)
}

fn too_large() -> Error {
    Error::invalid(
        "file",
        format!(
            "that file is larger than {} MiB, more than any export Keel reads",
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    )
}

fn utf8(bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|_| Error::invalid("file", "the file is not UTF-8 text"))
}

/// Day One's export zip: every journal in it (a `.json` file at its top; photos and other
/// media sit in folders beside them and are counted from the journals, not read).
fn dayone_zip(bytes: &[u8]) -> Result<Parsed> {
    use std::io::Read;
    let not_zip = || Error::invalid("file", "that zip file is damaged or not a zip file");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| not_zip())?;
    let mut journals: Vec<(usize, String)> = (0..zip.len())
        .filter_map(|i| {
            let name = zip.name_for_index(i)?.ok()?.to_string();
            let top = !name.contains('/') && !name.starts_with('.');
            (top && name.to_ascii_lowercase().ends_with(".json")).then_some((i, name))
        })
        .collect();
    journals.sort_by(|a, b| a.1.cmp(&b.1));
    if journals.is_empty() {
        return Err(Error::invalid(
            "file",
            "that zip holds no Day One journal (a .json file at its top)",
        ));
    }
    let mut out = Parsed {
        records: Vec::new(),
        newer: 0,
        media: 0,
    };
    for (i, name) in journals {
        let entry = zip.by_index(i).map_err(|_| not_zip())?;
        let mut raw = Vec::new();
        entry
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut raw)
            .map_err(|_| not_zip())?;
        if raw.len() as u64 > MAX_FILE_BYTES {
            return Err(too_large());
        }
        let in_journal = |e: Error| match e {
            Error::InvalidInput { field, reason } => {
                Error::invalid(field, format!("in {name}, {reason}"))
            }
            e => e,
        };
        let (records, media) =
            dayone::records(&utf8(raw).map_err(in_journal)?).map_err(in_journal)?;
        out.records.extend(records);
        out.media += media;
    }
    Ok(out)
}

/// Imports what was read (all or nothing), or with `dry_run` says what it would add and
/// writes nothing.
pub fn import(vault: &mut Vault, parsed: Parsed, dry_run: bool) -> Result<ImportSummaryDto> {
    let Parsed {
        records,
        newer,
        media,
    } = parsed;
    let total = records.len() as u32;
    let new = vault.import_records(records, !dry_run)?;
    let mut by_kind: Vec<(Kind, u32)> = Vec::new();
    for r in &new {
        match by_kind.iter_mut().find(|(k, _)| *k == r.kind()) {
            Some(e) => e.1 += 1,
            None => by_kind.push((r.kind(), 1)),
        }
    }
    by_kind.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.as_str().cmp(b.0.as_str())));
    let days: Vec<chrono::NaiveDate> = new.iter().map(Record::local_date).collect();
    Ok(ImportSummaryDto {
        added: new.len() as u32,
        already: total - new.len() as u32,
        newer,
        media,
        by_kind: by_kind
            .into_iter()
            .map(|(k, n)| KindCountDto {
                kind: k.as_str().to_owned(),
                n,
            })
            .collect(),
        first_day: days.iter().min().map(ToString::to_string),
        last_day: days.iter().max().map(ToString::to_string),
        written: !dry_run,
        first: {
            let mut sorted: Vec<&Record> = new.iter().collect();
            sorted.sort_by_key(|r| (r.at, r.id));
            sorted
                .into_iter()
                .take(PREVIEW_FIRST)
                .map(|r| PreviewEntryDto {
                    day: r.local_date().to_string(),
                    summary: r.body.summary(),
                })
                .collect()
        },
        file: String::new(),
    })
}
