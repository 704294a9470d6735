//! Backups from the desktop (`keel::backup`): the folder chosen through the system's folder
//! dialog, a backup made now or automatically at the first unlock of each day, and a restore
//! that checks the backup with its passphrase first and leaves Keel locked, to be opened with
//! that passphrase.
//!
//! Only files in the chosen folder named as Keel names its backups are opened or restored: the
//! page cannot point the shell at any other file.
//!
//! Test hook: a debug build reads `KEEL_FOLDER_DIALOG` (a folder, or `cancel`) instead of
//! showing the folder dialog.

use std::path::{Path, PathBuf};

use keel::backup::{self, BackupStatusDto};
use keel::dto::{VaultStatus, VerifyReportDto};
use keel::{Error, commands};
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_dialog::DialogExt;

use crate::shell::{Reply, Shell, reply_err};

pub fn status(s: &Shell) -> BackupStatusDto {
    backup::status(&s.path, keel::clock::Clock::now(&keel::clock::SystemClock))
}

fn ask_folder(app: &AppHandle) -> Option<PathBuf> {
    #[cfg(debug_assertions)]
    if let Some(answer) = std::env::var_os("KEEL_FOLDER_DIALOG") {
        return (answer != "cancel").then(|| PathBuf::from(answer));
    }
    let mut dialog = app.dialog().file().set_title("Choose a folder for backups");
    if let Some(w) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&w);
    }
    dialog
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
}

/// Asks for the folder; `None` when the person cancelled.
pub fn choose_folder(app: &AppHandle, s: &Shell) -> Reply<Option<BackupStatusDto>> {
    let Some(dir) = ask_folder(app) else {
        return Ok(None);
    };
    let mut settings = backup::load_settings(&s.path);
    settings.folder = dir.to_string_lossy().into_owned();
    backup::save_settings(&s.path, &settings).map_err(reply_err)?;
    Ok(Some(status(s)))
}

pub fn now(s: &Shell) -> Reply<BackupStatusDto> {
    let path = s.path.clone();
    s.with(|v| backup::make(v, &path).map(|_| ()))?;
    Ok(status(s))
}

/// After an unlock: the day's backup, if a folder is chosen and none verified yet today. On
/// a thread of its own, not counted as activity; a failure is remembered for Settings.
pub fn daily(app: &AppHandle) {
    let app = app.clone();
    std::thread::spawn(move || {
        let s = app.state::<Shell>();
        let now = keel::clock::Clock::now(&keel::clock::SystemClock);
        if backup::due_today(&s.path, now) {
            let path = s.path.clone();
            let _ = s.peek(|v| backup::make(v, &path));
            let _ = app.emit(BACKUP_EVENT, status(&s));
        }
    });
}

/// Told to the page when a backup was made on its own, so Settings shows it.
pub const BACKUP_EVENT: &str = "keel://backup";

/// A file the page names, if it is one of the backups in the chosen folder.
fn one_of_ours(s: &Shell, file: &str) -> Reply<PathBuf> {
    let folder = backup::load_settings(&s.path).folder;
    let p = Path::new(file);
    let named = p
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(backup::parse_name)
        .is_some();
    let inside = !folder.is_empty() && p.parent() == Some(Path::new(&folder));
    if named && inside && p.is_file() {
        Ok(p.to_path_buf())
    } else {
        Err(reply_err(Error::invalid(
            "file",
            "not one of the backups in the chosen folder",
        )))
    }
}

/// A backup checked with the passphrase it was made with (the restore's preview).
pub fn check(
    s: &Shell,
    file: &str,
    passphrase: &keel::crypto::Passphrase,
) -> Reply<VerifyReportDto> {
    // Only from an open Keel: the page that asks is Settings, behind the unlock.
    s.with(|_| Ok(()))?;
    let p = one_of_ours(s, file)?;
    commands::verify_backup(
        &p,
        passphrase,
        std::sync::Arc::new(keel::clock::SystemClock),
    )
    .map_err(reply_err)
}

/// Locks, then puts the backup in place of the vault (the vault as it was is kept as a backup
/// in the folder first). Keel is left locked; the backup's passphrase opens it.
pub fn restore(
    app: &AppHandle,
    s: &Shell,
    file: &str,
    passphrase: &keel::crypto::Passphrase,
) -> Reply<VaultStatus> {
    s.with(|_| Ok(()))?;
    let p = one_of_ours(s, file)?;
    let folder = PathBuf::from(backup::load_settings(&s.path).folder);
    // Checked while still open, so a problem is told on the page that asked; the restore
    // checks it again before anything is replaced.
    let report = keel::Vault::verify_file(
        &p,
        passphrase,
        std::sync::Arc::new(keel::clock::SystemClock),
    )
    .map_err(reply_err)?;
    if !report.clean() {
        return Err(reply_err(Error::VaultDamaged {
            detail: "the backup did not verify; the vault was left as it was",
        }));
    }
    // Locked for the whole restore: an unlock typed meanwhile waits until the new file is in
    // place, rather than opening the one being replaced.
    let (locked, restored) = s.locked_while(|| {
        backup::restore(
            &s.path,
            &p,
            passphrase,
            &folder,
            std::sync::Arc::new(keel::clock::SystemClock),
        )
    });
    app.state::<crate::clipboard::Clipboard>().clear_ours();
    let _ = app.emit(crate::STATE_EVENT, locked);
    restored.map_err(reply_err)?;
    let _ = app.emit(BACKUP_EVENT, status(s));
    Ok(locked)
}
