//! The counsellor report from the desktop: the preview, and the PDF written where the person
//! chooses through the system's save dialog (the dialog plugin, driven from here; the page has
//! no file access of its own).
//!
//! Test hook: a debug build reads `KEEL_SAVE_DIALOG` instead of showing the dialog (a path to
//! answer with, or `cancel`), because no WebDriver can reach a native dialog. A release build
//! has no such switch.

use std::path::PathBuf;

use keel::commands;
use keel::report::ReportRequest;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

use crate::shell::{Reply, Shell, reply_err};

/// The name the dialog suggests: neutral, with the span.
pub fn suggested_name(req: &ReportRequest) -> String {
    format!("Keel report {} to {}.pdf", req.from.trim(), req.to.trim())
}

/// Where the person chose to save, `.pdf` added if they left it off; `None` if they cancelled.
fn ask_where(app: &AppHandle, suggested: &str) -> Option<PathBuf> {
    #[cfg(debug_assertions)]
    if let Some(answer) = std::env::var_os("KEEL_SAVE_DIALOG") {
        return (answer != "cancel").then(|| with_pdf(PathBuf::from(answer)));
    }
    let mut dialog = app
        .dialog()
        .file()
        .set_title("Save the report")
        .set_file_name(suggested)
        .add_filter("PDF", &["pdf"]);
    if let Some(w) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&w);
    }
    dialog
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
        .map(with_pdf)
}

fn with_pdf(p: PathBuf) -> PathBuf {
    let is_pdf = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if is_pdf { p } else { p.with_extension("pdf") }
}

fn craving_label(s: &Shell) -> String {
    keel::settings::load(&s.settings_path()).craving_label
}

/// The report as the preview shows it.
pub fn preview(s: &Shell, req: &ReportRequest) -> Reply<keel::report::ReportDto> {
    let label = craving_label(s);
    s.with(|v| commands::report(v, req, &label))
}

/// Builds the report (a bad request fails before any dialog), asks where, writes it there
/// privately. Returns the file's name, or `None` if the person cancelled.
pub fn save(app: &AppHandle, s: &Shell, req: &ReportRequest) -> Reply<Option<String>> {
    let report = preview(s, req)?;
    let pdf = keel::report::pdf::render(&report).map_err(reply_err)?;
    let Some(path) = ask_where(app, &suggested_name(req)) else {
        return Ok(None);
    };
    keel::fsx::write_private(&path, &pdf.bytes, true, "out").map_err(reply_err)?;
    Ok(Some(
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suggested_name_is_neutral_and_a_missing_extension_is_added() {
        let req = ReportRequest {
            from: "2026-11-01".into(),
            to: "2026-11-27".into(),
            sections: vec!["checkins".into()],
            session_notes: "titles".into(),
            entries: Vec::new(),
            name: String::new(),
            paper: "a4".into(),
        };
        assert_eq!(
            suggested_name(&req),
            "Keel report 2026-11-01 to 2026-11-27.pdf"
        );
        assert_eq!(with_pdf("/x/report".into()), PathBuf::from("/x/report.pdf"));
        assert_eq!(
            with_pdf("/x/report.PDF".into()),
            PathBuf::from("/x/report.PDF")
        );
        assert_eq!(
            with_pdf("/x/my.report".into()),
            PathBuf::from("/x/my.pdf"),
            "another extension is replaced"
        );
    }
}
