//! Boundary types: what crosses IPC to the UI, what `--json` prints, and the export format.
//! Converted by hand from the domain, so the domain and the sealed payload never change by
//! accident when these do. Field names are camelCase for the web UI.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::*;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RecordDto {
    pub id: String,
    #[ts(type = "number")]
    pub revision: u64,
    /// RFC 3339 with the offset in force when written.
    pub created: String,
    pub updated: String,
    /// When it happened, RFC 3339 with its local offset.
    pub at: String,
    /// `YYYY-MM-DD`: the local day it belongs to, whatever the reader's time zone.
    pub local_date: String,
    pub trashed: Option<String>,
    pub body: BodyDto,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum BodyDto {
    Checkin(CheckinDto),
    SkillUse(SkillUseDto),
    Session(SessionDto),
    Journal(JournalDto),
    Skill(SkillDto),
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase", default)]
pub struct CheckinDto {
    pub stress: u8,
    pub mood: Option<u8>,
    pub craving: Option<u8>,
    pub sleep_hours: Option<f32>,
    pub halt: HaltDto,
    pub emotions: Vec<String>,
    pub triggers: Vec<String>,
    /// work, home, commute, social or other.
    pub context: Option<String>,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct HaltDto {
    pub hungry: bool,
    pub angry: bool,
    pub lonely: bool,
    pub tired: bool,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase", default)]
pub struct SkillUseDto {
    pub skill_id: Option<String>,
    pub skill_name: String,
    pub situation: String,
    pub distress_before: u8,
    pub distress_after: u8,
    pub urge_before: Option<u8>,
    pub urge_after: Option<u8>,
    pub minutes: Option<u16>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SessionDto {
    /// individual, group, psychoeducation, skills, family, medication, peer or other.
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ItemDto {
    pub text: String,
    #[serde(default)]
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase", default)]
pub struct JournalDto {
    pub title: String,
    pub prompt: String,
    pub text: String,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SkillDto {
    pub name: String,
    /// distress-tolerance, emotion-regulation, mindfulness, interpersonal, grounding, body
    /// or connection.
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

/// Add a record. `at` is RFC 3339; omitted means now.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct NewRecord {
    #[serde(default)]
    pub at: Option<String>,
    pub body: BodyDto,
}

/// Replace a record's body (its kind stays the same).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct UpdateRecord {
    pub id: String,
    #[serde(default)]
    pub at: Option<String>,
    pub body: BodyDto,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase", default)]
pub struct ListQuery {
    /// Empty: every entry kind (check-ins, skill uses, sessions, journal).
    pub kinds: Vec<String>,
    /// `YYYY-MM-DD`, inclusive, compared with each record's local day.
    pub since: Option<String>,
    pub until: Option<String>,
    pub tag: Option<String>,
    pub text: Option<String>,
    /// Only the trash.
    pub trash: bool,
    pub offset: Option<u32>,
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase", default)]
pub struct SearchQuery {
    pub text: String,
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ListPage {
    pub records: Vec<RecordDto>,
    /// Matches before offset and limit.
    pub total: u32,
    /// Ids of records that could not be opened (damaged or tampered).
    pub damaged: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct VerifyReportDto {
    pub checked: u32,
    pub damaged: Vec<String>,
    pub database_ok: bool,
    /// False when a record was put back from an older copy, or removed, outside Keel.
    pub manifest_ok: bool,
}

/// The export file (see docs/export-format.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ExportDocument {
    /// Always "keel-export".
    pub format: String,
    /// The export format version; this build writes 1.
    pub version: u32,
    pub exported_at: String,
    pub records: Vec<RecordDto>,
    /// Ids of records that could not be opened and so are not in `records`.
    pub damaged: Vec<String>,
}

/// An error as the UI and `--json` see it: a stable code and plain words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ErrorDto {
    pub code: String,
    pub message: String,
    /// For `InvalidInput`: which field.
    pub field: Option<String>,
    /// For `RecordTampered` and `NotFound`: which record.
    pub id: Option<String>,
    /// For `RecoveryKeyMistyped`: which group (1-based).
    pub group: Option<u32>,
}

impl From<&Error> for ErrorDto {
    fn from(e: &Error) -> Self {
        let mut dto = ErrorDto {
            code: e.code().to_owned(),
            message: e.to_string(),
            field: None,
            id: None,
            group: None,
        };
        match e {
            Error::InvalidInput { field, .. } => dto.field = Some((*field).to_owned()),
            Error::RecordTampered { id } | Error::NotFound { id } => dto.id = Some(id.clone()),
            Error::RecoveryKeyMistyped { group } => dto.group = Some(*group as u32),
            _ => {}
        }
        dto
    }
}

pub const EXPORT_FORMAT: &str = "keel-export";
pub const EXPORT_VERSION: u32 = 1;

// ---- conversions -------------------------------------------------------------------------

pub fn time_to_dto(t: &DateTime<FixedOffset>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

pub fn parse_time(field: &'static str, s: &str) -> Result<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(s.trim()).map_err(|_| {
        Error::invalid(
            field,
            "a time is RFC 3339 with an offset, e.g. 2026-11-27T21:30:00-05:00",
        )
    })
}

impl From<&Record> for RecordDto {
    fn from(r: &Record) -> Self {
        RecordDto {
            id: r.id.to_string(),
            revision: r.revision,
            created: time_to_dto(&r.created),
            updated: time_to_dto(&r.updated),
            at: time_to_dto(&r.at),
            local_date: r.local_date().to_string(),
            trashed: r.trashed.as_ref().map(time_to_dto),
            body: BodyDto::from(&r.body),
        }
    }
}

impl From<&Body> for BodyDto {
    fn from(b: &Body) -> Self {
        match b {
            Body::Checkin(c) => BodyDto::Checkin(CheckinDto {
                stress: c.stress,
                mood: c.mood,
                craving: c.craving,
                sleep_hours: c.sleep_hours,
                halt: HaltDto {
                    hungry: c.halt.hungry,
                    angry: c.halt.angry,
                    lonely: c.halt.lonely,
                    tired: c.halt.tired,
                },
                emotions: c.emotions.clone(),
                triggers: c.triggers.clone(),
                context: c.context.map(|x| x.as_str().to_owned()),
                note: c.note.clone(),
            }),
            Body::SkillUse(u) => BodyDto::SkillUse(SkillUseDto {
                skill_id: u.skill_id.map(|i| i.to_string()),
                skill_name: u.skill_name.clone(),
                situation: u.situation.clone(),
                distress_before: u.distress_before,
                distress_after: u.distress_after,
                urge_before: u.urge_before,
                urge_after: u.urge_after,
                minutes: u.minutes,
                note: u.note.clone(),
            }),
            Body::Session(s) => BodyDto::Session(SessionDto {
                session_type: s.session_type.as_str().to_owned(),
                title: s.title.clone(),
                facilitator: s.facilitator.clone(),
                notes: s.notes.clone(),
                takeaways: s.takeaways.clone(),
                homework: items_to_dto(&s.homework),
                bring: items_to_dto(&s.bring),
                attended: s.attended,
            }),
            Body::Journal(j) => BodyDto::Journal(JournalDto {
                title: j.title.clone(),
                prompt: j.prompt.clone(),
                text: j.text.clone(),
                tags: j.tags.clone(),
            }),
            Body::Skill(s) => BodyDto::Skill(SkillDto {
                name: s.name.clone(),
                category: s.category.as_str().to_owned(),
                how_to: s.how_to.clone(),
                builtin: s.builtin.clone(),
                favourite: s.favourite,
                hidden: s.hidden,
            }),
        }
    }
}

impl TryFrom<BodyDto> for Body {
    type Error = Error;

    fn try_from(b: BodyDto) -> Result<Self> {
        Ok(match b {
            BodyDto::Checkin(c) => Body::Checkin(Checkin {
                stress: c.stress,
                mood: c.mood,
                craving: c.craving,
                sleep_hours: c.sleep_hours,
                halt: Halt {
                    hungry: c.halt.hungry,
                    angry: c.halt.angry,
                    lonely: c.halt.lonely,
                    tired: c.halt.tired,
                },
                emotions: c.emotions,
                triggers: c.triggers,
                context: c.context.as_deref().map(Context::parse).transpose()?,
                note: c.note,
            }),
            BodyDto::SkillUse(u) => Body::SkillUse(SkillUse {
                skill_id: u
                    .skill_id
                    .as_deref()
                    .map(|s| {
                        RecordId::parse(s).map_err(|_| Error::invalid("skillId", "not a skill id"))
                    })
                    .transpose()?,
                skill_name: u.skill_name,
                situation: u.situation,
                distress_before: u.distress_before,
                distress_after: u.distress_after,
                urge_before: u.urge_before,
                urge_after: u.urge_after,
                minutes: u.minutes,
                note: u.note,
            }),
            BodyDto::Session(s) => Body::Session(SessionNote {
                session_type: SessionType::parse(&s.session_type)?,
                title: s.title,
                facilitator: s.facilitator,
                notes: s.notes,
                takeaways: s.takeaways,
                homework: items_from_dto(s.homework),
                bring: items_from_dto(s.bring),
                attended: s.attended,
            }),
            BodyDto::Journal(j) => Body::Journal(JournalEntry {
                title: j.title,
                prompt: j.prompt,
                text: j.text,
                tags: j.tags,
            }),
            BodyDto::Skill(s) => Body::Skill(Skill {
                name: s.name,
                category: SkillCategory::parse(&s.category)?,
                how_to: s.how_to,
                builtin: s.builtin,
                favourite: s.favourite,
                hidden: s.hidden,
            }),
        })
    }
}

fn items_to_dto(items: &[Item]) -> Vec<ItemDto> {
    items
        .iter()
        .map(|i| ItemDto {
            text: i.text.clone(),
            done: i.done,
        })
        .collect()
}

fn items_from_dto(items: Vec<ItemDto>) -> Vec<Item> {
    items
        .into_iter()
        .map(|i| Item {
            text: i.text,
            done: i.done,
        })
        .collect()
}

/// Whether a vault exists at the configured path and whether it is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct VaultStatus {
    pub exists: bool,
    pub unlocked: bool,
}

/// What creating a vault hands back, once: the recovery key in groups.
#[derive(Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct CreatedVaultDto {
    pub recovery_groups: Vec<String>,
}

impl std::fmt::Debug for CreatedVaultDto {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CreatedVaultDto(****)")
    }
}

/// Requests that carry a secret: deserialized at the boundary, turned into `Passphrase` at
/// once, never printed.
#[derive(Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct PassphraseRequest {
    pub passphrase: String,
}

#[derive(Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RecoverRequest {
    pub recovery_key: String,
    pub new_passphrase: String,
}

#[derive(Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ChangePassphraseRequest {
    pub current: String,
    pub new: String,
}

macro_rules! redacted_debug {
    ($($t:ty),*) => {$(
        impl std::fmt::Debug for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(concat!(stringify!($t), "(****)"))
            }
        }
    )*};
}
redacted_debug!(PassphraseRequest, RecoverRequest, ChangePassphraseRequest);

/// Preferences that are not secret (kept beside the vault, readable before unlock).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// Lock after this many idle minutes (1–240).
    pub auto_lock_minutes: u32,
    /// "light", "dark" or "system".
    pub theme: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            auto_lock_minutes: 5,
            theme: "system".to_owned(),
        }
    }
}

impl Settings {
    pub fn validate(&self) -> Result<()> {
        if !(1..=240).contains(&self.auto_lock_minutes) {
            return Err(Error::invalid(
                "autoLockMinutes",
                "auto-lock is between 1 and 240 minutes",
            ));
        }
        if !["light", "dark", "system"].contains(&self.theme.as_str()) {
            return Err(Error::invalid("theme", "theme is light, dark or system"));
        }
        Ok(())
    }
}
