//! The reminder timer. Tauri's notification plugin schedules only on mobile, so the shell keeps
//! its own timer: it wakes at the next reminder (at least every 30 s), asks the engine's pure
//! `keel::reminders` what is due since it last looked, and shows it. A reminder missed while the
//! computer slept or Keel was closed is shown once at the next look.
//!
//! What it keeps outside the vault (`reminders-state.json`, private): when it last looked and
//! when the latest check-in was, and the day of the latest questionnaire — no entry text. The sessions ahead are read from the
//! vault while it is open and kept in memory only; after a restart they come back at unlock.
//!
//! A debug build (the end-to-end tests) records notifications as JSON lines in the file named
//! by `KEEL_NOTIFICATION_LOG` instead of showing them; a release build has no such switch.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager};

use crate::shell::Shell;

/// The longest the timer sleeps: settings changed in the window take effect within this.
const MAX_SLEEP: Duration = Duration::from_secs(30);

#[derive(Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Saved {
    last_looked: Option<DateTime<Utc>>,
    last_checkin: Option<DateTime<Utc>>,
    /// The local day of the latest questionnaire (for its two-weekly reminder).
    last_questionnaire: Option<NaiveDate>,
}

#[derive(Default)]
struct State {
    saved: Saved,
    sessions: Vec<NaiveDateTime>,
    loaded: bool,
}

#[derive(Default)]
pub struct Reminders {
    state: Mutex<State>,
}

fn state_path(vault: &Path) -> PathBuf {
    vault.with_file_name("reminders-state.json")
}

fn load(path: &Path) -> Saved {
    std::fs::read(path)
        .ok()
        .filter(|b| b.len() <= 4096)
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

impl Reminders {
    /// A check-in was just saved: a reminder due before the next one is not needed.
    pub fn checked_in(&self, at: DateTime<Utc>) {
        let mut s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if s.saved.last_checkin.is_none_or(|c| c < at) {
            s.saved.last_checkin = Some(at);
        }
    }

    /// A questionnaire was just saved: its reminder counts 14 days from this day.
    pub fn questionnaire_taken(&self, day: NaiveDate) {
        let mut s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if s.saved.last_questionnaire.is_none_or(|d| d < day) {
            s.saved.last_questionnaire = Some(day);
        }
    }
}

/// Shows a reminder (or, in a debug build with `KEEL_NOTIFICATION_LOG`, records it).
fn show(app: &AppHandle, d: &keel::reminders::Due) {
    #[cfg(debug_assertions)]
    if let Some(log) = std::env::var_os("KEEL_NOTIFICATION_LOG") {
        use std::io::Write as _;
        let line = serde_json::json!({
            "title": "Keel",
            "body": d.text,
            "late": d.late,
            "reason": match d.reason {
                keel::reminders::Reason::Checkin => "checkin",
                keel::reminders::Reason::Session => "session",
                keel::reminders::Reason::Questionnaire => "questionnaire",
            },
        });
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
        {
            let _ = writeln!(f, "{line}");
        }
        return;
    }
    use tauri_plugin_notification::NotificationExt as _;
    let _ = app
        .notification()
        .builder()
        .title("Keel")
        .body(&d.text)
        .show();
}

/// One look: refresh what the open vault says, show what is due, and say how long to sleep.
fn look(app: &AppHandle) -> Duration {
    let shell = app.state::<Shell>();
    let settings = keel::settings::load_reminders(&keel::settings::reminders_path(&shell.path));
    let plan = settings.plan();
    let fresh = shell.peek(keel::commands::reminder_inputs);
    let reminders = app.state::<Reminders>();
    let mut s = reminders
        .state
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    let path = state_path(&shell.path);
    if !s.loaded {
        s.saved = load(&path);
        s.loaded = true;
    }
    if let Some(inputs) = fresh {
        s.sessions = inputs.sessions;
        if inputs.last_checkin > s.saved.last_checkin {
            s.saved.last_checkin = inputs.last_checkin;
        }
        if inputs.last_questionnaire > s.saved.last_questionnaire {
            s.saved.last_questionnaire = inputs.last_questionnaire;
        }
    }
    let now = Utc::now();
    // The very first look counts from now: nothing is "missed" before Keel ever ran.
    let after = s.saved.last_looked.unwrap_or(now);
    let last_q = s.saved.last_questionnaire;
    for d in keel::reminders::due(&Local, &plan, &s.sessions, after, now, s.saved.last_checkin)
        .into_iter()
        .chain(keel::reminders::questionnaire_due(
            &Local, &plan, last_q, after, now,
        ))
    {
        show(app, &d);
    }
    s.saved.last_looked = Some(now);
    if let Ok(json) = serde_json::to_vec(&s.saved) {
        let _ = keel::fsx::write_private(&path, &json, true, "reminders");
    }
    keel::reminders::next_after(&Local, &plan, &s.sessions, now)
        .into_iter()
        .chain(keel::reminders::questionnaire_next(
            &Local, &plan, last_q, now,
        ))
        .min()
        .and_then(|next| (next - now).to_std().ok())
        .unwrap_or(MAX_SLEEP)
        .clamp(Duration::from_millis(200), MAX_SLEEP)
}

/// Starts the timer for as long as Keel runs (with the window open, hidden or in the tray).
pub fn start(app: AppHandle) {
    std::thread::spawn(move || {
        loop {
            let wait = look(&app);
            std::thread::sleep(wait);
        }
    });
}
