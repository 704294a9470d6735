//! Backups: snapshots of the vault as it is on disk — already encrypted, so a backup holds no
//! plaintext — taken with SQLite's `VACUUM INTO` (one committed state, never a copy of a file
//! being written), written under a temp name, verified, and only then given their final name:
//! a crash or a kill leaves at most a `.partial` file, never a half backup that looks whole.
//!
//! A backup is a vault file like any other: it opens with the passphrase and recovery key the
//! vault had when it was taken (`keel --vault BACKUP list`).

use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::fsx::private;

/// `keel-backup-20261128-093000.keel`: the time the backup was taken, on the vault's clock.
pub const PREFIX: &str = "keel-backup-";
pub const EXTENSION: &str = ".keel";
const STAMP: &str = "%Y%m%d-%H%M%S";

/// Keep this many: the newest backup of each of the latest days, weeks and months that have
/// one.
pub const KEEP_DAILY: usize = 7;
pub const KEEP_WEEKLY: usize = 4;
pub const KEEP_MONTHLY: usize = 12;

pub fn file_name(taken: NaiveDateTime) -> String {
    format!("{PREFIX}{}{EXTENSION}", taken.format(STAMP))
}

/// When a backup named as Keel names them was taken; `None` for any other file.
pub fn parse_name(name: &str) -> Option<NaiveDateTime> {
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(EXTENSION)?;
    NaiveDateTime::parse_from_str(stamp, STAMP).ok()
}

/// A backup found in a folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub path: PathBuf,
    pub taken: NaiveDateTime,
    pub bytes: u64,
}

/// The backups in `dir`, newest first. Other files are left out (and alone).
pub fn list(dir: &Path) -> Result<Vec<Found>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(taken) = name.to_str().and_then(parse_name) else {
            continue;
        };
        let meta = entry.metadata()?;
        if meta.is_file() {
            out.push(Found {
                path: entry.path(),
                taken,
                bytes: meta.len(),
            });
        }
    }
    out.sort_by_key(|f| std::cmp::Reverse(f.taken));
    Ok(out)
}

/// Copies the database behind `conn` into a new 0600 file in `dir` (created 0700 if missing)
/// and makes it durable. Returns the file's temp name; the caller verifies it, then
/// `publish`es it.
pub(crate) fn snapshot(conn: &Connection, dir: &Path) -> Result<PathBuf> {
    private::create_dir(dir)?;
    let mut suffix = [0u8; 6];
    crate::crypto::fill_random(&mut suffix)?;
    let hex: String = suffix.iter().map(|b| format!("{b:02x}")).collect();
    let tmp = dir.join(format!(".{PREFIX}{hex}.partial"));
    // The empty file first, owner-only: SQLite writes into it and never makes a readable one.
    private::create_file(&tmp)?;
    let result = (|| -> Result<()> {
        let target = tmp
            .to_str()
            .ok_or_else(|| Error::invalid("folder", "a folder whose name is not UTF-8"))?;
        conn.execute("VACUUM INTO ?1", [target])?;
        std::fs::File::open(&tmp)?.sync_all()?;
        Ok(())
    })();
    match result {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Gives a verified snapshot its final name in `dir` (never over another backup: a later
/// second if that name is taken) and makes the rename durable.
pub(crate) fn publish(tmp: &Path, dir: &Path, taken: NaiveDateTime) -> Result<PathBuf> {
    let mut at = taken;
    let mut path = dir.join(file_name(at));
    while path.exists() {
        at += Duration::seconds(1);
        path = dir.join(file_name(at));
    }
    std::fs::rename(tmp, &path)?;
    crate::fsx::sync_dir(dir);
    Ok(path)
}

/// The backups to remove so that the newest of each of the latest `KEEP_DAILY` days,
/// `KEEP_WEEKLY` weeks (Monday to Sunday) and `KEEP_MONTHLY` months that have one remain, and
/// the newest of all. Oldest first.
pub fn to_prune(taken: &[NaiveDateTime]) -> Vec<NaiveDateTime> {
    let mut newest_first: Vec<NaiveDateTime> = taken.to_vec();
    newest_first.sort_by_key(|t| std::cmp::Reverse(*t));
    newest_first.dedup();
    let mut keep = std::collections::BTreeSet::new();
    if let Some(n) = newest_first.first() {
        keep.insert(*n);
    }
    type Period = fn(NaiveDate) -> NaiveDate;
    let periods: [(Period, usize); 3] = [
        (|d| d, KEEP_DAILY),
        (crate::diary::monday_of, KEEP_WEEKLY),
        (|d| d.with_day(1).unwrap_or(d), KEEP_MONTHLY),
    ];
    for (period, n) in periods {
        let mut seen: Vec<NaiveDate> = Vec::new();
        for t in &newest_first {
            let p = period(t.date());
            if seen.contains(&p) {
                continue;
            }
            if seen.len() == n {
                break;
            }
            seen.push(p);
            keep.insert(*t);
        }
    }
    let mut prune: Vec<NaiveDateTime> = newest_first
        .into_iter()
        .filter(|t| !keep.contains(t))
        .collect();
    prune.sort();
    prune
}

/// Removes the backups in `dir` that `to_prune` lets go, and what a backup cut short left
/// behind (its hidden temp file and journal) once an hour old. Returns how many backups.
pub fn rotate(dir: &Path) -> Result<usize> {
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for entry in std::fs::read_dir(dir)?.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t < hour_ago);
        if name.starts_with(&format!(".{PREFIX}")) && name.contains(".partial") && stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    let found = list(dir)?;
    let taken: Vec<NaiveDateTime> = found.iter().map(|f| f.taken).collect();
    let prune = to_prune(&taken);
    let mut removed = 0;
    for f in found.iter().filter(|f| prune.contains(&f.taken)) {
        std::fs::remove_file(&f.path)?;
        removed += 1;
    }
    if removed > 0 {
        crate::fsx::sync_dir(dir);
    }
    Ok(removed)
}

/// Where backups go and the latest one that verified, kept beside the vault in
/// `backups.json` (0600): a folder and a time, nothing from inside the vault.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct BackupSettings {
    /// The folder the person chose; none yet if empty.
    #[serde(default)]
    pub folder: String,
    /// When the latest backup that verified was taken (RFC 3339), and its file.
    #[serde(default)]
    pub last_verified: Option<String>,
    #[serde(default)]
    pub last_file: Option<String>,
    /// Why the latest automatic backup could not be made, in words; cleared by the next one.
    #[serde(default)]
    pub last_error: Option<String>,
}

/// No verified backup for this many days is worth a word in Settings.
pub const DUE_AFTER_DAYS: i64 = 7;

/// Backups as Settings shows them.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct BackupStatusDto {
    /// The folder chosen; empty if none yet.
    pub folder: String,
    pub last_verified: Option<String>,
    pub last_error: Option<String>,
    /// A folder is chosen and no backup has verified for `DUE_AFTER_DAYS` days (or ever).
    pub due: bool,
    /// The backups in the folder, newest first.
    pub backups: Vec<BackupFileDto>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct BackupFileDto {
    pub path: String,
    /// When it was taken, `YYYY-MM-DDTHH:MM:SS` on the vault's clock then.
    pub taken: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// What Settings shows for the vault at `vault`, at `now`.
pub fn status(vault: &Path, now: chrono::DateTime<chrono::FixedOffset>) -> BackupStatusDto {
    let s = load_settings(vault);
    let last = s
        .last_verified
        .as_deref()
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok());
    let backups = if s.folder.is_empty() {
        Vec::new()
    } else {
        list(Path::new(&s.folder)).unwrap_or_default()
    };
    BackupStatusDto {
        due: !s.folder.is_empty() && last.is_none_or(|l| now - l >= Duration::days(DUE_AFTER_DAYS)),
        folder: s.folder,
        last_verified: s.last_verified,
        last_error: s.last_error,
        backups: backups
            .into_iter()
            .map(|f| BackupFileDto {
                path: f.path.to_string_lossy().into_owned(),
                taken: f.taken.format("%Y-%m-%dT%H:%M:%S").to_string(),
                bytes: f.bytes,
            })
            .collect(),
    }
}

/// Whether today's automatic backup is still to be made: a folder is chosen and the latest
/// verified backup was not taken today.
pub fn due_today(vault: &Path, now: chrono::DateTime<chrono::FixedOffset>) -> bool {
    let s = load_settings(vault);
    !s.folder.is_empty()
        && s.last_verified
            .as_deref()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .is_none_or(|l| l.date_naive() != now.date_naive())
}

/// A backup of the open vault into the chosen folder, rotated, and remembered as the latest
/// verified one; a failure is remembered in words for Settings and returned. Gives the file,
/// how many records it holds, and how many older backups rotation removed.
pub fn make(vault: &mut crate::vault::Vault, path: &Path) -> Result<(PathBuf, usize, usize)> {
    let mut s = load_settings(path);
    if s.folder.is_empty() {
        return Err(Error::invalid(
            "folder",
            "choose a folder for backups first",
        ));
    }
    let dir = PathBuf::from(&s.folder);
    match vault.backup_to(&dir) {
        Ok((file, report)) => {
            s.last_verified = Some(vault.now().to_rfc3339());
            s.last_file = Some(file.to_string_lossy().into_owned());
            s.last_error = None;
            save_settings(path, &s)?;
            let removed = rotate(&dir)?;
            Ok((file, report.checked, removed))
        }
        Err(e) => {
            s.last_error = Some(e.to_string());
            let _ = save_settings(path, &s);
            Err(e)
        }
    }
}

pub fn settings_path(vault: &Path) -> PathBuf {
    vault.with_file_name("backups.json")
}

/// The saved backup settings, or none if there are none or they cannot be read.
pub fn load_settings(vault: &Path) -> BackupSettings {
    std::fs::read(settings_path(vault))
        .ok()
        .filter(|b| b.len() <= 64 * 1024)
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

pub fn save_settings(vault: &Path, s: &BackupSettings) -> Result<()> {
    let json = serde_json::to_vec_pretty(s).map_err(|e| std::io::Error::other(e.to_string()))?;
    crate::fsx::write_private(&settings_path(vault), &json, true, "backups")
}

/// The file the desktop app holds locked while it has this vault open.
pub fn app_lock_path(vault: &Path) -> PathBuf {
    let name = vault
        .file_name()
        .map_or_else(|| "keel".into(), |n| n.to_string_lossy().into_owned());
    vault.with_file_name(format!("{name}.lock"))
}

/// Replaces the vault at `vault` with the backup at `backup`: the backup is checked first (it
/// opens with `passphrase` and every record in it decrypts, the set of records is the one it
/// vouches for), the vault as it stands is kept as a backup in `keep_dir`, then the backup's
/// snapshot takes the vault's place in one rename. The vault must not be open (the caller
/// makes sure: the app is closed, or it is the app doing this with its vault locked).
/// Returns where the old vault was kept, and how many records the restored one holds.
pub fn restore(
    vault: &Path,
    backup: &Path,
    passphrase: &crate::crypto::Passphrase,
    keep_dir: &Path,
    clock: std::sync::Arc<dyn crate::clock::Clock>,
) -> Result<(Option<PathBuf>, usize)> {
    let report = crate::vault::Vault::verify_file(backup, passphrase, clock.clone())?;
    if !report.clean() {
        return Err(Error::VaultDamaged {
            detail: "the backup did not verify; the vault was left as it was",
        });
    }
    let dir = vault
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // The vault as it stands, kept first. Its own checkpoint empties its write-ahead log, so
    // no log of the old file is left to be read into the new one.
    let kept = if vault.is_file() {
        let conn = crate::store::open_existing(vault)?;
        let tmp = snapshot(&conn, keep_dir)?;
        let kept = publish(&tmp, keep_dir, clock.now().naive_local())?;
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        drop(conn);
        Some(kept)
    } else {
        None
    };
    let source = crate::store::open_copy(backup)?;
    let staged = snapshot(&source, dir)?;
    drop(source);
    for suffix in ["-wal", "-shm"] {
        let mut name = vault.as_os_str().to_owned();
        name.push(suffix);
        let p = PathBuf::from(name);
        if p.exists() {
            std::fs::remove_file(&p)?;
        }
    }
    std::fs::rename(&staged, vault)?;
    crate::fsx::sync_dir(dir);
    Ok((kept, report.checked))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn names_carry_the_time_and_other_files_are_not_backups() {
        let at = t("2026-11-28 09:30");
        assert_eq!(file_name(at), "keel-backup-20261128-093000.keel");
        assert_eq!(parse_name(&file_name(at)), Some(at));
        for other in [
            "keel-backup-20261128-093000.keel.partial",
            ".keel-backup-a1b2c3.partial",
            "vault.keel",
            "keel-backup-2026.keel",
        ] {
            assert_eq!(parse_name(other), None, "{other}");
        }
    }

    #[test]
    fn rotation_keeps_7_daily_4_weekly_and_12_monthly() {
        // One backup a day at 09:00 from 1 January to 28 November 2026 (a Saturday), and a
        // second one on 28 November at 18:00.
        let mut all = Vec::new();
        let mut d = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        while d <= NaiveDate::from_ymd_opt(2026, 11, 28).unwrap() {
            all.push(d.and_hms_opt(9, 0, 0).unwrap());
            d += Duration::days(1);
        }
        all.push(t("2026-11-28 18:00"));
        let prune = to_prune(&all);
        let kept: Vec<String> = all
            .iter()
            .filter(|x| !prune.contains(x))
            .map(|x| x.format("%m-%d %H").to_string())
            .collect();
        assert_eq!(
            kept,
            [
                // Months: the newest of each month from January to November (11 months).
                "01-31 09", "02-28 09", "03-31 09", "04-30 09", "05-31 09", "06-30 09", "07-31 09",
                "08-31 09", "09-30 09", "10-31 09",
                // Weeks (Monday to Sunday): the Sundays 8, 15 and 22 November; this week's
                // newest is today's.
                "11-08 09", "11-15 09",
                // Days: 22 to 28 November, the newest of each (today's 18:00, not 09:00).
                "11-22 09", "11-23 09", "11-24 09", "11-25 09", "11-26 09", "11-27 09", "11-28 18",
            ]
        );
        assert_eq!(prune.len(), all.len() - kept.len());
        assert!(prune.windows(2).all(|w| w[0] < w[1]), "oldest first");
    }

    #[test]
    fn rotation_with_few_backups_keeps_them_all_and_the_newest_always() {
        let few = [t("2026-11-01 09:00"), t("2026-11-20 09:00")];
        assert!(to_prune(&few).is_empty());
        assert!(to_prune(&[]).is_empty());
        // Two the same day: the newer is that day's, the older goes.
        let same_day = [t("2026-11-28 09:00"), t("2026-11-28 18:00")];
        assert_eq!(to_prune(&same_day), [t("2026-11-28 09:00")]);
    }
}
