//! Boundary types: what crosses IPC to the UI, what `--json` prints, and the export format.
//! Converted by hand from the domain, so the domain and the sealed payload never change by
//! accident when these do. Field names are camelCase for the web UI.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, ErrorCode, Result};
use crate::model::*;

pub use crate::backup::{BackupFileDto, BackupStatusDto};
pub use crate::import::{ImportSummaryDto, PreviewEntryDto};
pub use crate::report::{BlockDto, ChartLineDto, ReportDto, ReportRequest, ReportSectionDto};

pub use crate::kinds::{
    AssessmentDto, BodyDto, CheckinDto, Contact, CrisisPlanDto, DiaryCardDto, DiarySetupDto,
    EveningDto, Factors, FeelingDto, GoalDto, HaltDto, ItemDto, JournalDto, LapseDto, MoodDto,
    MorningDto, OccurrenceDto, PhaseDto, ReportSetupDto, ScheduleSlotDto, SessionDto, SkillDto,
    SkillUseDto, SobrietyClockDto, StepDownPlanDto, ThoughtDto, ThoughtRecordDto, TrackerDto,
    TrackerValueDto, UnknownDto, UrgeDto, UrgeMark,
};

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

#[derive(Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase", default)]
pub struct ListQuery {
    /// Empty: every entry kind (check-ins, skill uses, sessions, journal).
    #[ts(as = "Vec<Kind>")]
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

#[derive(Clone, Default, Serialize, Deserialize, TS)]
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
    /// Of the records that opened, the entries the person wrote (not coping skills or
    /// settings, not in the trash).
    pub entries: u32,
    pub damaged: Vec<String>,
    /// Rows too malformed to name by id (a broken id or revision), by their slot.
    #[ts(type = "Array<number>")]
    pub malformed_rows: Vec<i64>,
    pub database_ok: bool,
    /// False when a record was put back from an older copy, or removed, outside Keel.
    pub manifest_ok: bool,
    /// False when the part of the file that holds the recovery key was changed outside Keel:
    /// the recovery key may no longer open it (make a new one).
    pub recovery_key_ok: bool,
}

/// What the app shows after unlock when something is wrong (from memory, no disk scan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct VaultHealthDto {
    /// Records that could not be opened (changed, moved or rolled back outside Keel).
    pub damaged: u32,
    /// Rows too malformed to name.
    pub malformed_rows: u32,
    /// False when the set of entries is not the one Keel saved.
    pub manifest_ok: bool,
    /// False when the recovery key may no longer open the vault (its wrap was changed outside
    /// Keel); a new recovery key mends it.
    pub recovery_key_ok: bool,
}

/// A record kind this build knows (`keel kinds`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct KindInfo {
    pub name: String,
    pub label: String,
    /// The payload version this build writes.
    pub version: u16,
    /// Shown in the timeline (otherwise reference, like the skill library).
    pub entry: bool,
    /// Its fields at the boundary (the JSON `keel add KIND --json` takes).
    pub fields: Vec<KindField>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KindField {
    pub name: String,
    /// Its TypeScript type (`number | null`, `Array<string>`, a union's name).
    #[serde(rename = "type")]
    pub ty: String,
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
    #[ts(as = "ErrorCode")]
    pub code: String,
    pub message: String,
    /// For `InvalidInput`: which field, by its name at the boundary (`sleepHours`).
    pub field: Option<String>,
    /// For `RecordTampered`, `RecordFromNewerVersion` and `NotFound`: which record.
    pub id: Option<String>,
    /// For `RecoveryKeyMistyped`: which group (1-based).
    pub group: Option<u32>,
    /// For `TryAgainLater`: how many seconds until the next try is read.
    pub wait_seconds: Option<u32>,
}

impl From<&Error> for ErrorDto {
    fn from(e: &Error) -> Self {
        let mut dto = ErrorDto {
            code: e.code().as_str().to_owned(),
            message: e.to_string(),
            field: None,
            id: None,
            group: None,
            wait_seconds: None,
        };
        match e {
            Error::InvalidInput { field, .. } => dto.field = Some((*field).to_owned()),
            Error::RecordTampered { id }
            | Error::RecordFromNewerVersion { id }
            | Error::NotFound { id } => dto.id = Some(id.clone()),
            Error::RecoveryKeyMistyped { group } => dto.group = Some(*group as u32),
            Error::TryAgainLater { seconds } => dto.wait_seconds = Some(*seconds),
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

/// Whether a vault exists at the configured path and whether it is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct VaultStatus {
    pub exists: bool,
    pub unlocked: bool,
    /// Bumped by every open and lock: of two statuses, the one with the higher epoch is the
    /// newer (the desktop shell's; 0 elsewhere).
    pub epoch: u32,
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

/// One group of a new recovery key typed back: the key takes effect only then.
#[derive(Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ConfirmKeyRequest {
    /// Which group (1-based).
    pub group: u32,
    pub typed: String,
}

/// These carry a secret: wiped when dropped, so it does not linger in freed memory.
macro_rules! wipe_on_drop {
    ($($t:ty { $($field:ident),+ }),+ $(,)?) => {$(
        impl Drop for $t {
            fn drop(&mut self) {
                use zeroize::Zeroize;
                $(self.$field.zeroize();)+
            }
        }
    )+};
}
wipe_on_drop!(
    PassphraseRequest { passphrase },
    RecoverRequest {
        recovery_key,
        new_passphrase
    },
    ChangePassphraseRequest { current, new },
    CreatedVaultDto { recovery_groups },
    ConfirmKeyRequest { typed },
);

macro_rules! redacted_debug {
    ($($t:ty),*) => {$(
        impl std::fmt::Debug for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(concat!(stringify!($t), "(****)"))
            }
        }
    )*};
}
redacted_debug!(
    PassphraseRequest,
    RecoverRequest,
    ChangePassphraseRequest,
    ConfirmKeyRequest,
    ListQuery,
    SearchQuery
);

/// Preferences that are not secret (kept beside the vault, readable before unlock).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// Lock after this many idle minutes (1–240).
    pub auto_lock_minutes: u32,
    /// "light", "dark" or "system".
    pub theme: String,
    /// Cover what is on screen while Keel's window does not have the focus.
    pub hide_when_unfocused: bool,
    /// The user's own word for the craving scale ("" for "Craving"): not everyone is in
    /// treatment for substance use.
    pub craving_label: String,
    /// Show the HALT questions (hungry, angry, lonely, tired).
    pub show_halt: bool,
    /// The user's own word for session notes ("" for "Session note").
    pub session_label: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            auto_lock_minutes: 5,
            theme: "system".to_owned(),
            hide_when_unfocused: true,
            craving_label: String::new(),
            show_halt: true,
            session_label: String::new(),
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
        for (field, label) in [
            ("cravingLabel", &self.craving_label),
            ("sessionLabel", &self.session_label),
        ] {
            if label.chars().count() > 40 || label.chars().any(char::is_control) {
                return Err(Error::invalid(
                    field,
                    "a label is one line of at most 40 characters",
                ));
            }
        }
        Ok(())
    }
}

/// Where one of the user's clocks stands now (`commands::clocks`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ClockStatusDto {
    /// The clock record's id.
    pub id: String,
    pub name: String,
    /// When the clock began (RFC 3339, with the offset where it began).
    pub since: String,
    /// When the current run began: the clock's start or the latest lapse that restarted it.
    pub run_start: String,
    /// Whole hours of the current run (real time): what is shown on its first day.
    #[ts(type = "number")]
    pub run_hours: i64,
    /// Whole days of the current run, on the wall clock.
    #[ts(type = "number")]
    pub run_days: i64,
    #[ts(type = "number")]
    pub longest_days: i64,
    pub days_this_month: u32,
    pub days_this_year: u32,
    pub lapses: u32,
    pub milestone_today: Option<crate::clocks::Milestone>,
    pub next_milestone: Option<crate::clocks::Milestone>,
    /// `YYYY-MM-DD`: the day of the next milestone.
    pub next_milestone_day: Option<String>,
}

/// One session on the programme's agenda.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct AgendaItemDto {
    /// The schedule slot's id.
    pub slot: String,
    pub title: String,
    #[ts(as = "crate::kinds::SessionType")]
    pub session_type: String,
    /// `YYYY-MM-DD`: the day the schedule put it on (with `slot`, its key).
    pub date: String,
    /// `YYYY-MM-DDTHH:MM` on the wall clock, after any move.
    pub start: String,
    pub end: String,
    pub minutes: u16,
    pub place: String,
    pub online: bool,
    pub cancelled: bool,
    pub moved: bool,
    #[ts(as = "Option<crate::kinds::Attendance>")]
    pub attendance: Option<String>,
    pub note: String,
    /// The occurrence record that changes or marks it.
    pub occurrence: Option<String>,
    pub session_note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct AttendanceDto {
    pub attended: u32,
    pub missed: u32,
    pub excused: u32,
    pub unmarked: u32,
    /// Attended out of attended or missed, whole percent; null before any.
    pub percent: Option<u32>,
}

/// The programme at a glance: the next session, the days ahead, the weeks behind (to mark), and
/// attendance since the programme began.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ProgrammeDto {
    pub next: Option<AgendaItemDto>,
    /// From today, for `PROGRAMME_DAYS_AHEAD` days, cancelled ones included (and marked).
    pub upcoming: Vec<AgendaItemDto>,
    /// Started in the last `PROGRAMME_DAYS_BEHIND` days, newest first.
    pub recent: Vec<AgendaItemDto>,
    pub attendance: AttendanceDto,
}

impl From<&crate::schedule::Session> for AgendaItemDto {
    fn from(s: &crate::schedule::Session) -> Self {
        const T: &str = "%Y-%m-%dT%H:%M";
        AgendaItemDto {
            slot: s.slot.to_string(),
            title: s.title.clone(),
            session_type: s.session_type.as_str().to_owned(),
            date: s.date.to_string(),
            start: s.start.format(T).to_string(),
            end: s.end().format(T).to_string(),
            minutes: s.minutes,
            place: s.place.clone(),
            online: s.online,
            cancelled: s.cancelled,
            moved: s.moved,
            attendance: s.attendance.map(|a| a.as_str().to_owned()),
            note: s.note.clone(),
            occurrence: s.occurrence.map(|i| i.to_string()),
            session_note: s.session_note.map(|i| i.to_string()),
        }
    }
}

/// Reminders and how Keel runs in the background. Kept beside the vault, outside it: they must
/// work while Keel is locked, and hold no entry text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase", default)]
pub struct ReminderSettings {
    /// Daily check-in reminders, `HH:MM` on the wall clock.
    pub checkin_times: Vec<String>,
    /// Minutes before each scheduled session; null for none.
    pub session_minutes_before: Option<u16>,
    /// What a check-in reminder says (the person's choice; generic by default).
    pub checkin_text: String,
    pub session_text: String,
    /// Closing the window locks Keel and keeps it in the tray, so reminders still come.
    pub close_to_tray: bool,
    /// Start at login, hidden in the tray.
    pub start_at_login: bool,
    /// The questionnaires' reminder, every 14 days at this time (`HH:MM`); null for none.
    pub questionnaire_time: Option<String>,
    /// The day it was turned on (`YYYY-MM-DD`), set by Keel: with none taken, the 14 days
    /// count from it.
    pub questionnaire_since: Option<String>,
    pub questionnaire_text: String,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            checkin_times: Vec::new(),
            session_minutes_before: None,
            checkin_text: crate::reminders::DEFAULT_CHECKIN_TEXT.to_owned(),
            session_text: crate::reminders::DEFAULT_SESSION_TEXT.to_owned(),
            close_to_tray: false,
            start_at_login: false,
            questionnaire_time: None,
            questionnaire_since: None,
            questionnaire_text: crate::reminders::DEFAULT_QUESTIONNAIRE_TEXT.to_owned(),
        }
    }
}

/// Most daily check-in reminders.
pub const MAX_REMINDER_TIMES: usize = 8;
/// Longest reminder text, in characters: a notification's one line.
pub const MAX_REMINDER_TEXT: usize = 60;

impl ReminderSettings {
    /// Checks and tidies: times sorted without repeats, texts trimmed (empty means the default).
    pub fn normalize(&mut self) -> Result<()> {
        let mut times = Vec::new();
        for t in &self.checkin_times {
            times.push(crate::kinds::fields::time_of_day("checkinTimes", t)?);
        }
        times.sort();
        times.dedup();
        if times.len() > MAX_REMINDER_TIMES {
            return Err(Error::invalid(
                "checkinTimes",
                format!("at most {MAX_REMINDER_TIMES} reminders a day"),
            ));
        }
        self.checkin_times = times
            .iter()
            .map(|t| t.format("%H:%M").to_string())
            .collect();
        if let Some(m) = self.session_minutes_before
            && !(1..=24 * 60).contains(&m)
        {
            return Err(Error::invalid(
                "sessionMinutesBefore",
                "from 1 minute to a day (1440 minutes) before",
            ));
        }
        for (field, text, default) in [
            (
                "checkinText",
                &mut self.checkin_text,
                crate::reminders::DEFAULT_CHECKIN_TEXT,
            ),
            (
                "sessionText",
                &mut self.session_text,
                crate::reminders::DEFAULT_SESSION_TEXT,
            ),
            (
                "questionnaireText",
                &mut self.questionnaire_text,
                crate::reminders::DEFAULT_QUESTIONNAIRE_TEXT,
            ),
        ] {
            crate::kinds::fields::label(field, text, MAX_REMINDER_TEXT, false)?;
            if text.is_empty() {
                *text = default.to_owned();
            }
        }
        match self.questionnaire_time.as_deref().map(str::trim) {
            None | Some("") => {
                self.questionnaire_time = None;
                self.questionnaire_since = None;
            }
            Some(t) => {
                let t = crate::kinds::fields::time_of_day("questionnaireTime", t)?;
                self.questionnaire_time = Some(t.format("%H:%M").to_string());
                self.questionnaire_since = crate::kinds::fields::opt_date(
                    "questionnaireSince",
                    self.questionnaire_since.as_deref(),
                )?
                .map(|d| d.to_string());
            }
        }
        Ok(())
    }

    /// Turning the questionnaire reminder on starts its 14 days `today`; turning it off forgets
    /// when it began.
    pub fn start_questionnaire_on(&mut self, today: chrono::NaiveDate) {
        if self.questionnaire_time.is_some() && self.questionnaire_since.is_none() {
            self.questionnaire_since = Some(today.to_string());
        }
    }

    /// The timing the scheduler needs (`normalize` first; a time that does not read is left out).
    pub fn plan(&self) -> crate::reminders::Plan {
        crate::reminders::Plan {
            checkin_times: self
                .checkin_times
                .iter()
                .filter_map(|t| chrono::NaiveTime::parse_from_str(t, "%H:%M").ok())
                .collect(),
            session_minutes_before: self.session_minutes_before,
            checkin_text: self.checkin_text.clone(),
            session_text: self.session_text.clone(),
            questionnaire_time: self
                .questionnaire_time
                .as_deref()
                .and_then(|t| chrono::NaiveTime::parse_from_str(t, "%H:%M").ok()),
            questionnaire_since: self
                .questionnaire_since
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            questionnaire_text: self.questionnaire_text.clone(),
        }
    }
}

/// One questionnaire result in a series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentPointDto {
    pub id: String,
    /// RFC 3339 with its local offset.
    pub at: String,
    pub local_date: String,
    pub total: u8,
    pub band: String,
    /// Points since the result before; null for the first.
    pub change: Option<i16>,
    /// The change is at least the questionnaire's meaningful change.
    pub meaningful: bool,
}

/// One questionnaire's results over time, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentTrendDto {
    /// `phq9` or `gad7`.
    pub instrument: String,
    pub points: Vec<AssessmentPointDto>,
    /// Points from the first result to the latest; null with fewer than two.
    pub overall: Option<i16>,
    pub overall_meaningful: bool,
    /// Whole days since the latest result; null when never taken.
    #[ts(type = "number | null")]
    pub days_since: Option<i64>,
}

/// One day of a diary-card week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct DiaryDayDto {
    /// `2026-11-30`.
    pub date: String,
    /// The day's card record (the latest for the day), if one is written.
    pub id: Option<String>,
    pub card: Option<DiaryCardDto>,
}

/// A week of diary cards, Monday to Sunday, with what the cards track.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct DiaryWeekDto {
    /// The Monday.
    pub start: String,
    /// The person's set-up, or Keel's defaults until they save one.
    pub setup: DiarySetupDto,
    /// The set-up record, when the person has saved one.
    pub setup_id: Option<String>,
    pub days: Vec<DiaryDayDto>,
}

/// What `insights` covers: `30d`, `90d`, `1y` or `all`, grouped by `day`, `week` or `month`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct InsightsQuery {
    pub range: String,
    pub bucket: String,
}

/// One point of a series: the mean of its check-ins and how many there were.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct PointDto {
    /// The bucket's first day.
    pub start: String,
    pub mean: f64,
    pub n: u32,
}

/// One coping skill, for this person: uses, and the drop in distress (before − after).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SkillEffectDto {
    pub name: String,
    pub skill: Option<String>,
    pub uses: u32,
    /// Uses rated before and after.
    pub n: u32,
    pub mean_drop: Option<f64>,
    pub median_drop: Option<f64>,
    /// Three rated uses or more: put in order.
    pub ranked: bool,
}

/// Sleep in a band of hours against the next day's mean stress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SleepBandDto {
    pub from: f32,
    pub below: Option<f32>,
    pub mean_next_stress: f64,
    pub n: u32,
}

/// Mean stress with and without one HALT answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct HaltStressDto {
    pub answer: String,
    pub with_mean: Option<f64>,
    pub with_n: u32,
    pub without_mean: Option<f64>,
    pub without_n: u32,
}

/// A word (a trigger, a context) and on how many days it came up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CountDto {
    pub name: String,
    pub n: u32,
}

/// What was present on high-stress days (a day's mean stress 7 or more).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct HighStressDto {
    pub days: u32,
    pub triggers: Vec<CountDto>,
    pub contexts: Vec<CountDto>,
}

/// What the records say over a span: every figure with the number of records behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct InsightsDto {
    /// The first day covered; null for everything.
    pub from: Option<String>,
    pub to: String,
    pub bucket: String,
    pub stress: Vec<PointDto>,
    pub mood: Vec<PointDto>,
    pub craving: Vec<PointDto>,
    /// Each day's mean mood and stress over the last year (a year in pixels).
    pub mood_days: Vec<PointDto>,
    pub stress_days: Vec<PointDto>,
    pub skills: Vec<SkillEffectDto>,
    pub sleep: Vec<SleepBandDto>,
    pub halt: Vec<HaltStressDto>,
    pub high_stress: HighStressDto,
    /// Lapses in each bucket.
    pub lapses: Vec<PointDto>,
    /// Each clock that is not archived, with its runs that reach into the span.
    pub clocks: Vec<ClockRunsDto>,
    pub phq9: AssessmentTrendDto,
    pub gad7: AssessmentTrendDto,
    pub attendance: AttendanceDto,
}

/// A clock's runs over a span of insights, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ClockRunsDto {
    pub id: String,
    pub name: String,
    pub runs: Vec<RunDto>,
}

/// One run of a clock (`crate::clocks::runs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RunDto {
    /// `YYYY-MM-DD`, on the wall clock where it began.
    pub start: String,
    /// `YYYY-MM-DD`: the lapse that ended it, or today for the current run.
    pub end: String,
    #[ts(type = "number")]
    pub days: i64,
    /// False for the run going on now.
    pub ended: bool,
}

/// An entry written on this date in an earlier month or year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct OnThisDayDto {
    /// `1 month ago`, `2 years ago`.
    pub ago: String,
    pub record: RecordDto,
}
