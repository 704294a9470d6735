//! Export and import from the desktop. Files are chosen through the system's dialogs (the
//! dialog plugin, driven from here; the page has no file access): an export is written where
//! the person says, privately; an import is read whole and previewed, then, when confirmed,
//! read again and added in one transaction, after a backup when a backups folder is chosen.
//!
//! Test hooks (debug builds only): `KEEL_OPEN_DIALOG` answers the open dialog (a file, or
//! `cancel`); the save and folder dialogs take `KEEL_SAVE_DIALOG` and `KEEL_FOLDER_DIALOG`.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use chrono::{Local, NaiveDateTime, Offset, TimeZone};
use keel::import::{ImportSummaryDto, Source, daylio::MoodMap};
use keel::{Error, commands};
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

use crate::shell::{Reply, Shell, reply_err};

/// The file an import preview read, waiting to be confirmed.
#[derive(Default)]
pub struct Pending(Mutex<Option<(PathBuf, Source, MoodMap)>>);

fn dialog_answer(var: &str) -> Option<Option<PathBuf>> {
    #[cfg(debug_assertions)]
    if let Some(a) = std::env::var_os(var) {
        return Some((a != "cancel").then(|| PathBuf::from(a)));
    }
    let _ = var;
    None
}

fn dialog(app: &AppHandle, title: &str) -> tauri_plugin_dialog::FileDialogBuilder<tauri::Wry> {
    let mut d = app.dialog().file().set_title(title);
    if let Some(w) = app.get_webview_window("main") {
        d = d.set_parent(&w);
    }
    d
}

/// This computer's UTC offset at a local time (for files that write none).
fn local_offset(t: NaiveDateTime) -> chrono::FixedOffset {
    Local
        .from_local_datetime(&t)
        .earliest()
        .map(|d| d.offset().fix())
        .unwrap_or_else(|| Local::now().offset().fix())
}

fn read(path: &Path, source: Source, moods: &MoodMap) -> keel::Result<keel::import::Parsed> {
    keel::import::read_file(path, source, moods, &local_offset)
}

fn name_of(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Asks for the file, reads it whole and says what it would add; nothing is written. `None`
/// when the person cancelled.
pub fn preview(
    app: &AppHandle,
    s: &Shell,
    pending: &Pending,
    source: &str,
    mood_map: &str,
) -> Reply<Option<ImportSummaryDto>> {
    let source = Source::parse(source).map_err(reply_err)?;
    let moods = MoodMap::parse(mood_map).map_err(reply_err)?;
    s.with(|_| Ok(()))?;
    let chosen = match dialog_answer("KEEL_OPEN_DIALOG") {
        Some(a) => a,
        None => {
            let (label, ext): (&str, &[&str]) = match source {
                Source::Daylio => ("Daylio export", &["csv"]),
                Source::DayOne => ("Day One export", &["zip", "json"]),
                _ => ("JSON export", &["json"]),
            };
            dialog(app, "Choose the file to import")
                .add_filter(label, ext)
                .blocking_pick_file()
                .and_then(|p| p.into_path().ok())
        }
    };
    let Some(path) = chosen else {
        return Ok(None);
    };
    let parsed = read(&path, source, &moods).map_err(reply_err)?;
    let mut summary = s.with(|v| keel::import::import(v, parsed, true))?;
    summary.file = name_of(&path);
    *pending.0.lock().unwrap_or_else(PoisonError::into_inner) = Some((path, source, moods));
    Ok(Some(summary))
}

/// Adds what the preview showed: the file read again (it may have changed), a backup first
/// when a folder is chosen, then one transaction.
pub fn confirm(s: &Shell, pending: &Pending) -> Reply<ImportSummaryDto> {
    let Some((path, source, moods)) = pending
        .0
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take()
    else {
        return Err(reply_err(Error::invalid(
            "file",
            "choose a file to import first",
        )));
    };
    let parsed = read(&path, source, &moods).map_err(reply_err)?;
    // The engine backs up first when a backups folder is chosen (`Vault::import_records`).
    let mut summary = s.with(|v| keel::import::import(v, parsed, false))?;
    summary.file = name_of(&path);
    Ok(summary)
}

pub fn cancel(pending: &Pending) {
    *pending.0.lock().unwrap_or_else(PoisonError::into_inner) = None;
}

/// Writes an export where the person chooses: a file for JSON (and Markdown in one file), a
/// new folder inside the one chosen for CSV and Markdown files. The name written, or `None`
/// if they cancelled.
pub fn export(app: &AppHandle, s: &Shell, format: &str, one_file: bool) -> Reply<Option<String>> {
    let format = format.trim().to_ascii_lowercase();
    if !matches!(format.as_str(), "json" | "csv" | "markdown") {
        return Err(reply_err(Error::invalid(
            "format",
            "choose json, csv or markdown",
        )));
    }
    let doc = s.with(commands::export)?;
    let today = Local::now().date_naive();
    let single = format == "json" || one_file;
    if single {
        let (ext, label) = match format.as_str() {
            "json" => ("json", "JSON"),
            "csv" => ("zip", "Zip of CSV files"),
            _ => ("md", "Markdown"),
        };
        let chosen = match dialog_answer("KEEL_SAVE_DIALOG") {
            Some(a) => a,
            None => dialog(app, "Save the export")
                .set_file_name(format!("Keel export {today}.{ext}"))
                .add_filter(label, &[ext])
                .blocking_save_file()
                .and_then(|p| p.into_path().ok()),
        };
        let Some(mut path) = chosen else {
            return Ok(None);
        };
        if path.extension().is_none() {
            path.set_extension(ext);
        }
        let bytes = match format.as_str() {
            "json" => {
                let mut j = serde_json::to_vec_pretty(&doc)
                    .map_err(|e| reply_err(Error::Io(std::io::Error::other(e.to_string()))))?;
                j.push(b'\n');
                j
            }
            "csv" => {
                keel::export::zip(&keel::export::csv_files(&doc.records)).map_err(reply_err)?
            }
            _ => keel::export::markdown_one(&doc.records).into_bytes(),
        };
        keel::fsx::write_private(&path, &bytes, true, "out").map_err(reply_err)?;
        return Ok(Some(name_of(&path)));
    }
    let chosen = match dialog_answer("KEEL_FOLDER_DIALOG") {
        Some(a) => a,
        None => dialog(app, "Choose where to put the export")
            .blocking_pick_folder()
            .and_then(|p| p.into_path().ok()),
    };
    let Some(parent) = chosen else {
        return Ok(None);
    };
    let mut dir = parent.join(format!("Keel export {today}"));
    let mut n = 2;
    while dir.exists() {
        dir = parent.join(format!("Keel export {today} ({n})"));
        n += 1;
    }
    let files: Vec<(PathBuf, String)> = if format == "csv" {
        keel::export::csv_files(&doc.records)
    } else {
        keel::export::markdown_files(&doc.records)
    };
    keel::export::write_tree(&dir, &files).map_err(reply_err)?;
    Ok(Some(name_of(&dir)))
}
