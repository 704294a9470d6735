//! The engine's API: plain functions over an open vault with boundary types in and out. The
//! desktop shell wraps each in one line, the CLI calls them, the tests call them directly.

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::clock::Clock;
use crate::crypto::{KdfParams, Passphrase};
use crate::dto::*;
use crate::error::{Error, Result};
use crate::kinds::KindSpec;
use crate::model::{Body, Kind, Record, RecordId};
use crate::recovery::RecoveryKey;
use crate::vault::{Filter, Vault};
use zeroize::Zeroizing;

/// What `create` hands back once: the recovery key in groups, to show and never store.
pub struct CreatedVault {
    pub vault: Vault,
    pub recovery_groups: Zeroizing<Vec<String>>,
}

impl std::fmt::Debug for CreatedVault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CreatedVault { recovery_groups: **** }")
    }
}

pub fn create(path: &Path, passphrase: &Passphrase, clock: Arc<dyn Clock>) -> Result<CreatedVault> {
    let (vault, key) = Vault::create(path, passphrase, clock, KdfParams::FLOOR)?;
    Ok(CreatedVault {
        vault,
        recovery_groups: key.groups(),
    })
}

/// What a new recovery key is for. It takes effect only once the user has typed one of its
/// groups back (`confirm_key`): until then nothing is written and the old key, if any, works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPurpose {
    /// A new vault, written only when its key is confirmed.
    Create,
    /// A new recovery key for the open vault.
    Replace,
    /// A new data key (every record sealed again) and a new recovery key.
    Rekey,
}

/// A recovery key shown to the user and not yet in effect, with the passphrase it was asked
/// for (already checked against the vault for `Replace` and `Rekey`). Wiped when dropped.
pub struct PendingKey {
    purpose: KeyPurpose,
    key: RecoveryKey,
    passphrase: Passphrase,
}

impl std::fmt::Debug for PendingKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PendingKey({:?}, ****)", self.purpose)
    }
}

impl PendingKey {
    pub fn purpose(&self) -> KeyPurpose {
        self.purpose
    }

    /// The key in groups, to show once.
    pub fn groups(&self) -> Zeroizing<Vec<String>> {
        self.key.groups()
    }
}

/// Step one of creating a vault: checks the passphrase and that nothing is at `path`, and
/// makes the recovery key to show. Nothing is written.
pub fn prepare_create(path: &Path, passphrase: Passphrase) -> Result<PendingKey> {
    crate::vault::keys::check_passphrase(&passphrase)?;
    if path.exists() {
        return Err(Error::VaultExists);
    }
    Ok(PendingKey {
        purpose: KeyPurpose::Create,
        key: RecoveryKey::generate()?,
        passphrase,
    })
}

/// Step one of a new recovery key (`Replace`) or a new data key (`Rekey`) for the open
/// vault: checks the passphrase and makes the key to show. Nothing is written.
pub fn prepare_key(
    vault: &Vault,
    purpose: KeyPurpose,
    passphrase: Passphrase,
) -> Result<PendingKey> {
    if purpose == KeyPurpose::Create {
        return Err(Error::VaultExists);
    }
    vault.verify_passphrase(&passphrase)?;
    Ok(PendingKey {
        purpose,
        key: RecoveryKey::generate()?,
        passphrase,
    })
}

/// Whether the user typed group `group` (1-based) of the pending key back correctly.
pub fn check_kept(pending: &PendingKey, group: u32, typed: &str) -> Result<()> {
    if pending.key.group_matches(group as usize, typed) {
        Ok(())
    } else {
        Err(Error::invalid(
            "group",
            format!("that doesn't match group {group} of the new recovery key"),
        ))
    }
}

/// Step two of `Create`: writes the vault with the confirmed key and returns it unlocked.
pub fn confirm_create(path: &Path, pending: &PendingKey, clock: Arc<dyn Clock>) -> Result<Vault> {
    if pending.purpose != KeyPurpose::Create {
        return Err(Error::invalid(
            "purpose",
            "this key is not for a new journal",
        ));
    }
    Vault::create_with_key(
        path,
        &pending.passphrase,
        clock,
        KdfParams::FLOOR,
        &pending.key,
    )
}

/// Step two of `Replace` and `Rekey`: the confirmed key takes effect on the open vault.
pub fn confirm_key(vault: &mut Vault, pending: &PendingKey) -> Result<()> {
    match pending.purpose {
        KeyPurpose::Replace => vault.set_recovery_key(&pending.passphrase, &pending.key),
        KeyPurpose::Rekey => vault.rekey_with(&pending.passphrase, &pending.key),
        KeyPurpose::Create => Err(Error::invalid(
            "purpose",
            "a new journal is confirmed with confirm_create",
        )),
    }
}

/// Step two, whatever the key is for: if `typed` is group `group` of it, it takes effect. A new
/// journal is written and returned open; a key for the open vault (`vault`) is put in place.
pub fn confirm_pending(
    path: &Path,
    pending: &PendingKey,
    vault: Option<&mut Vault>,
    group: u32,
    typed: &str,
    clock: Arc<dyn Clock>,
) -> Result<Option<Vault>> {
    check_kept(pending, group, typed)?;
    match (pending.purpose, vault) {
        (KeyPurpose::Create, _) => confirm_create(path, pending, clock).map(Some),
        (_, Some(v)) => confirm_key(v, pending).map(|()| None),
        (_, None) => Err(Error::VaultLocked),
    }
}

pub fn unlock(path: &Path, passphrase: &Passphrase, clock: Arc<dyn Clock>) -> Result<Vault> {
    Vault::unlock(path, passphrase, clock)
}

pub fn lock(vault: Vault) {
    vault.lock();
}

pub fn change_passphrase(vault: &mut Vault, current: &Passphrase, new: &Passphrase) -> Result<()> {
    vault.change_passphrase(current, new)
}

pub fn recover(
    path: &Path,
    recovery_key: &str,
    new_passphrase: &Passphrase,
    clock: Arc<dyn Clock>,
) -> Result<Vault> {
    Vault::recover(path, recovery_key, new_passphrase, clock)
}

/// Changes the encryption key (every record re-sealed under a new data key) and returns the new
/// recovery key in groups: the old passphrase wrap and recovery key are replaced, and an older
/// copy of the file opens nothing written from here on.
pub fn rekey(vault: &mut Vault, passphrase: &Passphrase) -> Result<Zeroizing<Vec<String>>> {
    Ok(vault.rekey(passphrase)?.groups())
}

/// The user keeps the set of entries as it is now, after being told it changed outside Keel.
pub fn accept_current_set(vault: &mut Vault) -> Result<()> {
    vault.accept_current_set()
}

/// A new recovery key in groups; the old one no longer opens this file.
pub fn new_recovery_key(
    vault: &mut Vault,
    passphrase: &Passphrase,
) -> Result<Zeroizing<Vec<String>>> {
    Ok(vault.new_recovery_key(passphrase)?.groups())
}

pub fn add(vault: &mut Vault, req: NewRecord) -> Result<RecordDto> {
    let at = req.at.as_deref().map(|s| parse_time("at", s)).transpose()?;
    let body = Body::try_from(req.body)?;
    Ok(RecordDto::from(&vault.add(body, at)?))
}

pub fn update(vault: &mut Vault, req: UpdateRecord) -> Result<RecordDto> {
    let id = vault.resolve(&req.id)?;
    let at = req.at.as_deref().map(|s| parse_time("at", s)).transpose()?;
    let body = Body::try_from(req.body)?;
    Ok(RecordDto::from(&vault.update(id, body, at)?))
}

/// By full id or a unique prefix of at least four hex digits.
pub fn get(vault: &mut Vault, id: &str) -> Result<RecordDto> {
    let id = vault.resolve(id)?;
    Ok(RecordDto::from(&vault.get(id)?))
}

/// Moves a record to the trash (it can be restored until it is purged).
pub fn trash(vault: &mut Vault, id: &str) -> Result<RecordDto> {
    let id = vault.resolve(id)?;
    Ok(RecordDto::from(&vault.trash(id)?))
}

pub fn restore(vault: &mut Vault, id: &str) -> Result<RecordDto> {
    let id = vault.resolve(id)?;
    Ok(RecordDto::from(&vault.restore(id)?))
}

/// Removes a record for good. A record written by a newer Keel is refused
/// (`RecordFromNewerVersion`) unless `force`.
pub fn purge(vault: &mut Vault, id: &str, force: bool) -> Result<()> {
    let id = vault.resolve(id)?;
    vault.purge(id, force)
}

/// The kinds this build knows, with their payload versions and boundary fields. Closed sets
/// and small records are spelled out, so the list says what to write.
pub fn kinds() -> Vec<KindInfo> {
    use crate::model::{Context, SessionType, SkillCategory};
    fn words<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> String {
        let w: Vec<String> = all.iter().map(|x| format!("\"{}\"", name(*x))).collect();
        w.join(" | ")
    }
    let spelled = [
        ("Context", words(Context::ALL, Context::as_str)),
        ("SessionType", words(SessionType::ALL, SessionType::as_str)),
        (
            "SkillCategory",
            words(SkillCategory::ALL, SkillCategory::as_str),
        ),
        (
            "HaltDto",
            "{ hungry, angry, lonely, tired: boolean }".to_owned(),
        ),
        ("ItemDto", "{ text: string, done: boolean }".to_owned()),
    ];
    let spell = |ty: String| {
        spelled
            .iter()
            .fold(ty, |t, (name, words)| t.replace(name, words))
    };
    Kind::ALL
        .iter()
        .map(|k| KindInfo {
            name: k.as_str().to_owned(),
            label: k.label().to_owned(),
            version: k.version(),
            entry: k.is_entry(),
            fields: k
                .fields()
                .into_iter()
                .map(|(name, ty)| KindField {
                    name,
                    ty: spell(ty),
                })
                .collect(),
        })
        .collect()
}

pub fn list(vault: &mut Vault, q: ListQuery) -> Result<ListPage> {
    let filter = Filter {
        kinds: q
            .kinds
            .iter()
            .map(|k| Kind::parse(k))
            .collect::<Result<_>>()?,
        since: q
            .since
            .as_deref()
            .map(|d| parse_date("since", d))
            .transpose()?,
        until: q
            .until
            .as_deref()
            .map(|d| parse_date("until", d))
            .transpose()?,
        tag: q.tag,
        text: q.text,
        trash: q.trash,
        offset: q.offset.unwrap_or(0) as usize,
        limit: q.limit.map(|l| l as usize),
    };
    if let (Some(s), Some(u)) = (filter.since, filter.until)
        && s > u
    {
        return Err(Error::invalid(
            "until",
            "the end date is before the start date",
        ));
    }
    let page = vault.list(&filter)?;
    Ok(ListPage {
        records: page.records.iter().map(RecordDto::from).collect(),
        total: page.total as u32,
        damaged: page.damaged.iter().map(RecordId::to_string).collect(),
    })
}

/// Case-insensitive over every text field of every entry not in the trash, newest first.
pub fn search(vault: &mut Vault, q: SearchQuery) -> Result<ListPage> {
    if q.text.trim().is_empty() {
        return Err(Error::invalid("text", "type something to search for"));
    }
    list(
        vault,
        ListQuery {
            text: Some(q.text.trim().to_owned()),
            limit: q.limit,
            ..Default::default()
        },
    )
}

/// The skill library: favourites first, then by category and name. Hidden ones only if asked.
pub fn skills(vault: &mut Vault, include_hidden: bool) -> Result<Vec<RecordDto>> {
    let page = vault.list(&Filter {
        kinds: vec![Kind::Skill],
        ..Default::default()
    })?;
    let mut skills: Vec<&Record> = page
        .records
        .iter()
        .filter(|r| matches!(&r.body, Body::Skill(s) if include_hidden || !s.hidden))
        .collect();
    skills.sort_by_key(|r| match &r.body {
        Body::Skill(s) => (
            !s.favourite,
            crate::model::SkillCategory::ALL
                .iter()
                .position(|c| *c == s.category),
            s.name.to_lowercase(),
        ),
        _ => (true, None, String::new()),
    });
    Ok(skills.into_iter().map(RecordDto::from).collect())
}

/// The user's own trackers by name (ignoring case); archived ones only if asked.
pub fn trackers(vault: &mut Vault, include_archived: bool) -> Result<Vec<RecordDto>> {
    let page = vault.list(&Filter {
        kinds: vec![Kind::Tracker],
        ..Default::default()
    })?;
    let mut trackers: Vec<&Record> = page
        .records
        .iter()
        .filter(|r| matches!(&r.body, Body::Tracker(t) if include_archived || !t.archived))
        .collect();
    trackers.sort_by_cached_key(|r| match &r.body {
        Body::Tracker(t) => (t.name.to_lowercase(), r.id),
        _ => (String::new(), r.id),
    });
    Ok(trackers.into_iter().map(RecordDto::from).collect())
}

/// Each clock that is not archived, in the order they were started (the longest-running first),
/// with the lapses logged against it. Keel never takes a lapse away; one the person moved to the
/// trash (logged by mistake) no longer counts.
fn clocks_with_lapses(
    vault: &mut Vault,
) -> Result<
    Vec<(
        RecordId,
        crate::kinds::SobrietyClock,
        Vec<crate::clocks::LapseAt>,
    )>,
> {
    let page = vault.list(&Filter {
        kinds: vec![Kind::Clock, Kind::Lapse],
        ..Default::default()
    })?;
    let lapses: Vec<(RecordId, crate::clocks::LapseAt)> = page
        .records
        .iter()
        .filter_map(|r| match &r.body {
            Body::Lapse(l) => l.clock.map(|c| {
                (
                    c,
                    crate::clocks::LapseAt {
                        at: r.at,
                        restart: l.restart,
                    },
                )
            }),
            _ => None,
        })
        .collect();
    let mut out: Vec<_> = page
        .records
        .into_iter()
        .filter_map(|r| match r.body {
            Body::Clock(c) if !c.archived => {
                let mine = lapses
                    .iter()
                    .filter(|(id, _)| *id == r.id)
                    .map(|(_, l)| *l)
                    .collect();
                Some((r.id, c, mine))
            }
            _ => None,
        })
        .collect();
    out.sort_by_key(|(id, c, _)| (c.since, id.to_string()));
    Ok(out)
}

/// Where each clock that is not archived stands now (`clocks_with_lapses` gives the order).
pub fn clocks(vault: &mut Vault) -> Result<Vec<ClockStatusDto>> {
    let now = vault.now();
    Ok(clocks_with_lapses(vault)?
        .into_iter()
        .map(|(id, c, lapses)| {
            let s = crate::clocks::status(c.since, &lapses, now);
            ClockStatusDto {
                id: id.to_string(),
                name: c.name,
                since: c.since.to_rfc3339(),
                run_start: s.run_start.to_rfc3339(),
                run_hours: s.run_hours,
                run_days: s.run_days,
                longest_days: s.longest_days,
                days_this_month: s.days_this_month,
                days_this_year: s.days_this_year,
                lapses: s.lapses,
                milestone_today: s.milestone_today,
                next_milestone: s.next_milestone.map(|(m, _)| m),
                next_milestone_day: s.next_milestone.map(|(_, d)| d.to_string()),
            }
        })
        .collect())
}

/// What was found at unlock: damaged records, malformed rows, a changed set of entries.
pub fn health(vault: &Vault) -> VaultHealthDto {
    let (damaged, malformed, manifest_ok, recovery_key_ok) = vault.health();
    VaultHealthDto {
        damaged: damaged as u32,
        malformed_rows: malformed as u32,
        manifest_ok,
        recovery_key_ok,
    }
}

/// Opens every record from disk and reports each one that fails, by id.
pub fn verify(vault: &mut Vault) -> Result<VerifyReportDto> {
    Ok(report_dto(&vault.verify()?))
}

/// A backup checked with its passphrase, reading it only (`Vault::verify_file`).
pub fn verify_backup(
    path: &std::path::Path,
    passphrase: &crate::crypto::Passphrase,
    clock: std::sync::Arc<dyn crate::clock::Clock>,
) -> Result<VerifyReportDto> {
    Ok(report_dto(&Vault::verify_file(path, passphrase, clock)?))
}

fn report_dto(r: &crate::vault::VerifyReport) -> VerifyReportDto {
    VerifyReportDto {
        checked: r.checked as u32,
        entries: r.entries as u32,
        damaged: r.damaged.iter().map(RecordId::to_string).collect(),
        malformed_rows: r.malformed_rows.clone(),
        database_ok: r.database_ok,
        manifest_ok: r.manifest_ok,
        recovery_key_ok: r.recovery_key_ok,
    }
}

/// Everything, as the documented JSON export document.
pub fn export(vault: &mut Vault) -> Result<ExportDocument> {
    let (records, damaged) = vault.all()?;
    Ok(ExportDocument {
        format: EXPORT_FORMAT.to_owned(),
        version: EXPORT_VERSION,
        exported_at: time_to_dto(&vault.now()),
        records: records.iter().map(RecordDto::from).collect(),
        damaged: damaged.iter().map(RecordId::to_string).collect(),
    })
}

fn parse_date(field: &'static str, s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid(field, "a date is YYYY-MM-DD"))
}

/// Days of the agenda `programme` shows ahead (today included) and behind.
pub const PROGRAMME_DAYS_AHEAD: i64 = 14;
pub const PROGRAMME_DAYS_BEHIND: i64 = 28;

/// The schedule's slots and the occurrences marked on them, read once.
pub(crate) fn schedule_records(vault: &mut Vault) -> Result<Vec<Record>> {
    Ok(vault
        .list(&Filter {
            kinds: vec![Kind::Schedule, Kind::Occurrence],
            ..Default::default()
        })?
        .records)
}

/// The agenda from `from` to `to` (inclusive) over records read by `schedule_records`.
pub(crate) fn agenda_of(
    records: &[Record],
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Vec<crate::schedule::Session> {
    let mut slots = Vec::new();
    let mut marks = Vec::new();
    for r in records {
        match &r.body {
            Body::Schedule(s) => slots.push((r.id, s)),
            Body::Occurrence(o) => marks.push(crate::schedule::Marked {
                id: r.id,
                updated: r.updated,
                occurrence: o,
            }),
            _ => {}
        }
    }
    crate::schedule::agenda(&slots, &marks, from, to, today)
}

/// Every session of the schedule from `from` to `to` (inclusive), with the changes and marks
/// on single occurrences (`crate::schedule`).
pub fn agenda(
    vault: &mut Vault,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<crate::schedule::Session>> {
    let today = vault.now().date_naive();
    Ok(agenda_of(&schedule_records(vault)?, from, to, today))
}

/// The programme at a glance: the next session, two weeks ahead, four weeks behind, and
/// attendance since the first scheduled day.
pub fn programme(vault: &mut Vault) -> Result<ProgrammeDto> {
    let now = vault.now().naive_local();
    let today = now.date();
    let records = schedule_records(vault)?;
    let first = records
        .iter()
        .filter_map(|r| match &r.body {
            Body::Schedule(s) => Some(s.first),
            _ => None,
        })
        .min()
        .unwrap_or(today);
    let behind = today - chrono::Duration::days(PROGRAMME_DAYS_BEHIND);
    let all = agenda_of(
        &records,
        first.min(behind),
        today + chrono::Duration::days(PROGRAMME_DAYS_AHEAD - 1),
        today,
    );
    let a = crate::schedule::attendance(&all, now);
    Ok(ProgrammeDto {
        next: crate::schedule::next(&all, now).map(AgendaItemDto::from),
        upcoming: all
            .iter()
            .filter(|s| s.start.date() >= today)
            .map(AgendaItemDto::from)
            .collect(),
        recent: all
            .iter()
            .rev()
            .filter(|s| s.start <= now && s.start.date() >= behind)
            .map(AgendaItemDto::from)
            .collect(),
        attendance: AttendanceDto {
            attended: a.attended,
            missed: a.missed,
            excused: a.excused,
            unmarked: a.unmarked,
            percent: a.percent(),
        },
    })
}

/// What the reminder timer needs from the vault: the starts of the sessions in the next three
/// days that are not cancelled, when the latest check-in happened, and the local day of the
/// latest questionnaire.
pub fn reminder_inputs(vault: &mut Vault) -> Result<crate::reminders::Inputs> {
    let today = vault.now().date_naive();
    let sessions = agenda(vault, today, today + chrono::Duration::days(2))?
        .into_iter()
        .filter(|s| !s.cancelled)
        .map(|s| s.start)
        .collect();
    let mut latest = |kind: Kind| -> Result<Option<Record>> {
        Ok(vault
            .list(&Filter {
                kinds: vec![kind],
                limit: Some(1),
                ..Default::default()
            })?
            .records
            .into_iter()
            .next())
    };
    Ok(crate::reminders::Inputs {
        sessions,
        last_checkin: latest(Kind::Checkin)?.map(|r| r.at.with_timezone(&chrono::Utc)),
        last_questionnaire: latest(Kind::Assessment)?.map(|r| r.local_date()),
    })
}

/// One questionnaire's results, oldest first, each with its change from the one before.
pub fn assessments(vault: &mut Vault, instrument: &str) -> Result<AssessmentTrendDto> {
    let form = crate::instruments::get(instrument)?;
    let today = vault.now().date_naive();
    Ok(trend_of(&assessment_records(vault)?, form, today))
}

/// Every questionnaire result, of any form.
fn assessment_records(vault: &mut Vault) -> Result<Vec<Record>> {
    Ok(vault
        .list(&Filter {
            kinds: vec![Kind::Assessment],
            ..Default::default()
        })?
        .records)
}

/// One form's results among `records`, oldest first, with their changes.
pub(crate) fn trend_of(
    records: &[Record],
    form: &crate::instruments::Instrument,
    today: NaiveDate,
) -> AssessmentTrendDto {
    let mut mine: Vec<(&Record, u8)> = records
        .iter()
        .filter_map(|r| match &r.body {
            Body::Assessment(a) if a.instrument == form.id => Some((r, a.score().0)),
            _ => None,
        })
        .collect();
    mine.sort_by_key(|(r, _)| (r.at, r.created));
    let totals: Vec<u8> = mine.iter().map(|(_, t)| *t).collect();
    let overall = match (totals.first(), totals.last()) {
        (Some(a), Some(b)) if totals.len() > 1 => Some(i16::from(*b) - i16::from(*a)),
        _ => None,
    };
    AssessmentTrendDto {
        instrument: form.id.clone(),
        days_since: mine
            .last()
            .map(|(r, _)| (today - r.local_date()).num_days()),
        points: mine
            .iter()
            .zip(crate::instruments::trend(form, &totals))
            .map(|((r, _), p)| AssessmentPointDto {
                id: r.id.to_string(),
                at: r.at.to_rfc3339(),
                local_date: r.local_date().to_string(),
                total: p.total,
                band: form.band(p.total).unwrap_or("").to_owned(),
                change: p.change,
                meaningful: p.meaningful,
            })
            .collect(),
        overall,
        overall_meaningful: overall
            .is_some_and(|c| c.unsigned_abs() >= u16::from(form.meaningful_change)),
    }
}

/// The diary-card week holding `day` (Monday to Sunday): each day's card and the set-up.
pub fn diary_week(vault: &mut Vault, day: NaiveDate) -> Result<DiaryWeekDto> {
    let records = vault
        .list(&Filter {
            kinds: vec![Kind::DiaryCard, Kind::DiarySetup],
            ..Default::default()
        })?
        .records;
    let setup = records.iter().find_map(|r| match &r.body {
        Body::DiarySetup(s) => Some((r.id, s.clone())),
        _ => None,
    });
    let week = crate::diary::week_of(day);
    let cards: Vec<(RecordId, &crate::kinds::DiaryCard)> = records
        .iter()
        .filter_map(|r| match &r.body {
            Body::DiaryCard(c) => Some((r.id, c)),
            _ => None,
        })
        .collect();
    let days = crate::diary::cards_for(&week, &cards);
    Ok(DiaryWeekDto {
        start: week[0].to_string(),
        setup_id: setup.as_ref().map(|(id, _)| id.to_string()),
        setup: setup.map(|(_, s)| s).unwrap_or_default().to_dto(),
        days: week
            .iter()
            .zip(days)
            .map(|(d, c)| DiaryDayDto {
                date: d.to_string(),
                id: c.map(|(id, _)| id.to_string()),
                card: c.map(|(_, c)| c.to_dto()),
            })
            .collect(),
    })
}

fn points(p: Vec<crate::insights::Point>) -> Vec<PointDto> {
    p.into_iter()
        .map(|x| PointDto {
            start: x.start.to_string(),
            mean: x.mean,
            n: x.n,
        })
        .collect()
}

/// Each clock that is not archived with its runs that end on or after `from` (all of them for
/// everything).
fn clock_runs(vault: &mut Vault, from: Option<NaiveDate>) -> Result<Vec<ClockRunsDto>> {
    let now = vault.now();
    Ok(clocks_with_lapses(vault)?
        .into_iter()
        .map(|(id, c, lapses)| ClockRunsDto {
            id: id.to_string(),
            name: c.name,
            runs: crate::clocks::runs(c.since, &lapses, now)
                .into_iter()
                .filter(|r| from.is_none_or(|f| r.end.date_naive() >= f))
                .map(|r| RunDto {
                    start: r.start.date_naive().to_string(),
                    end: r.end.date_naive().to_string(),
                    days: r.days,
                    ended: r.ended,
                })
                .collect(),
        })
        .collect())
}

/// What the check-ins, coping-skill uses, lapses, questionnaires and attendance say over a span
/// ending today (`crate::insights`).
pub fn insights(vault: &mut Vault, q: InsightsQuery) -> Result<InsightsDto> {
    use crate::insights::{self as ins, Bucket, Metric};
    let today = vault.now().date_naive();
    let from = match q.range.trim() {
        "30d" => Some(today - chrono::Duration::days(29)),
        "90d" => Some(today - chrono::Duration::days(89)),
        "1y" => Some(today - chrono::Duration::days(364)),
        "all" => None,
        _ => return Err(Error::invalid("range", "choose one of 30d, 90d, 1y, all")),
    };
    let bucket = match q.bucket.trim() {
        "day" => Bucket::Day,
        "week" => Bucket::Week,
        "month" => Bucket::Month,
        _ => return Err(Error::invalid("bucket", "choose one of day, week, month")),
    };
    // Read once: the span, and the last year for the year in pixels, whichever reaches back
    // further.
    let year = today - chrono::Duration::days(364);
    let records = vault
        .list(&Filter {
            kinds: vec![Kind::Checkin, Kind::SkillUse, Kind::Lapse],
            since: from.map(|f| f.min(year)),
            ..Default::default()
        })?
        .records;
    let in_span = |d: NaiveDate| from.is_none_or(|f| d >= f);
    let mut checkins = Vec::new();
    let mut year_checkins = Vec::new();
    let mut uses = Vec::new();
    let mut lapses: std::collections::BTreeMap<NaiveDate, u32> = std::collections::BTreeMap::new();
    for r in &records {
        let day = r.local_date();
        match &r.body {
            Body::Checkin(c) => {
                if day >= year {
                    year_checkins.push((day, c));
                }
                if in_span(day) {
                    checkins.push((day, c));
                }
            }
            Body::SkillUse(u) if in_span(day) => uses.push(u),
            Body::Lapse(_) if in_span(day) => *lapses.entry(bucket.start(day)).or_default() += 1,
            _ => {}
        }
    }
    let high = ins::high_stress_days(&checkins);
    let questionnaires = assessment_records(vault)?;
    let programme = programme(vault)?;
    Ok(InsightsDto {
        from: from.map(|d| d.to_string()),
        to: today.to_string(),
        bucket: q.bucket.trim().to_owned(),
        stress: points(ins::series(&checkins, Metric::Stress, bucket, from, today)),
        mood: points(ins::series(&checkins, Metric::Mood, bucket, from, today)),
        craving: points(ins::series(&checkins, Metric::Craving, bucket, from, today)),
        mood_days: points(ins::series(
            &year_checkins,
            Metric::Mood,
            Bucket::Day,
            Some(year),
            today,
        )),
        stress_days: points(ins::series(
            &year_checkins,
            Metric::Stress,
            Bucket::Day,
            Some(year),
            today,
        )),
        skills: ins::skill_effects(&uses)
            .into_iter()
            .map(|s| SkillEffectDto {
                name: s.name,
                skill: s.skill.map(|i| i.to_string()),
                uses: s.uses,
                n: s.n,
                mean_drop: s.mean_drop,
                median_drop: s.median_drop,
                ranked: s.ranked,
            })
            .collect(),
        sleep: ins::sleep_vs_next_day_stress(&checkins)
            .into_iter()
            .map(|b| SleepBandDto {
                from: b.from,
                below: b.below,
                mean_next_stress: b.mean_next_stress,
                n: b.n,
            })
            .collect(),
        halt: ins::halt_vs_stress(&checkins)
            .into_iter()
            .map(|h| HaltStressDto {
                answer: h.answer.to_owned(),
                with_mean: h.with_mean,
                with_n: h.with_n,
                without_mean: h.without_mean,
                without_n: h.without_n,
            })
            .collect(),
        high_stress: HighStressDto {
            days: high.days,
            triggers: high
                .triggers
                .into_iter()
                .map(|(name, n)| CountDto { name, n })
                .collect(),
            contexts: high
                .contexts
                .into_iter()
                .map(|(name, n)| CountDto { name, n })
                .collect(),
        },
        lapses: lapses
            .into_iter()
            .map(|(start, n)| PointDto {
                start: start.to_string(),
                mean: f64::from(n),
                n,
            })
            .collect(),
        clocks: clock_runs(vault, from)?,
        phq9: trend_of(&questionnaires, crate::instruments::get("phq9")?, today),
        gad7: trend_of(&questionnaires, crate::instruments::get("gad7")?, today),
        attendance: programme.attendance,
    })
}

/// Entries written on today's date in earlier months (up to 11 back) and years (up to 60),
/// newest first, with how long ago in words (`crate::insights::on_this_day_dates`).
pub fn on_this_day(vault: &mut Vault) -> Result<Vec<OnThisDayDto>> {
    let today = vault.now().date_naive();
    let mut out = Vec::new();
    for (ago, day) in crate::insights::on_this_day_dates(today, 60) {
        let page = vault.list(&Filter {
            since: Some(day),
            until: Some(day),
            ..Default::default()
        })?;
        out.extend(page.records.iter().map(|r| OnThisDayDto {
            ago: ago.words(),
            record: RecordDto::from(r),
        }));
    }
    Ok(out)
}

/// The counsellor report over a span, with only the sections asked for (`crate::report`).
/// `craving_label` is the person's word for craving (empty for the default).
pub fn report(
    vault: &mut Vault,
    req: &crate::report::ReportRequest,
    craving_label: &str,
) -> Result<crate::report::ReportDto> {
    let o = req.check()?;
    let today = vault.now().date_naive();
    let label = if craving_label.trim().is_empty() {
        "craving"
    } else {
        craving_label.trim()
    };
    crate::report::build(vault, &o, today, label)
}

/// The report written as a PDF at `path`, privately and atomically (replacing a file there:
/// the save dialog has asked already).
pub fn report_pdf(
    vault: &mut Vault,
    req: &crate::report::ReportRequest,
    craving_label: &str,
    path: &std::path::Path,
) -> Result<()> {
    let r = report(vault, req, craving_label)?;
    let pdf = crate::report::pdf::render(&r)?;
    crate::fsx::write_private(path, &pdf.bytes, true, "out")
}
