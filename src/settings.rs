//! Preferences that are not secret (auto-lock minutes, theme), kept as JSON beside the vault
//! so the UI can theme the unlock screen. Nothing from the vault is ever written here.

use std::path::Path;

use crate::dto::{CrisisPlanDto, ReminderSettings, Settings};
use crate::error::Result;

/// The saved settings, or the defaults if there are none or they cannot be read.
pub fn load(path: &Path) -> Settings {
    std::fs::read(path)
        .ok()
        .and_then(|b| serde_json::from_slice::<Settings>(&b).ok())
        .filter(|s| s.validate().is_ok())
        .unwrap_or_default()
}

/// Validates, then writes privately and atomically (`fsx::write_private`).
pub fn save(path: &Path, s: &Settings) -> Result<()> {
    s.validate()?;
    let json = serde_json::to_vec_pretty(s).map_err(|e| std::io::Error::other(e.to_string()))?;
    crate::fsx::write_private(path, &json, true, "settings")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_bad_ones_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("settings.json");
        assert_eq!(
            load(&p),
            Settings::default(),
            "missing file gives the defaults"
        );
        let s = Settings {
            auto_lock_minutes: 15,
            theme: "dark".into(),
            hide_when_unfocused: false,
            craving_label: "Urge".into(),
            show_halt: false,
            session_label: "Meeting".into(),
        };
        save(&p, &s).unwrap();
        assert_eq!(load(&p), s);
        let bad = Settings {
            auto_lock_minutes: 0,
            ..s.clone()
        };
        assert!(save(&p, &bad).is_err(), "zero minutes is refused");
        let long = Settings {
            craving_label: "x".repeat(41),
            ..s.clone()
        };
        assert!(
            save(&p, &long).is_err(),
            "a label longer than 40 characters is refused"
        );
        // A file written before these settings existed still reads, with their defaults.
        std::fs::write(&p, br#"{"autoLockMinutes": 9, "theme": "light"}"#).unwrap();
        let old = load(&p);
        assert_eq!(
            (
                old.auto_lock_minutes,
                old.hide_when_unfocused,
                old.show_halt
            ),
            (9, true, true)
        );
        std::fs::write(&p, serde_json::to_vec(&s).unwrap()).unwrap();
        assert_eq!(load(&p), s, "a refused save leaves the old settings");
        std::fs::write(&p, b"{ not json").unwrap();
        assert_eq!(
            load(&p),
            Settings::default(),
            "a corrupt file falls back to defaults"
        );
    }
}

/// Where the reminder settings live, beside the vault.
pub fn reminders_path(vault: &Path) -> std::path::PathBuf {
    vault.with_file_name("reminders.json")
}

/// The saved reminder settings, or none set if there are none or they cannot be read.
pub fn load_reminders(path: &Path) -> ReminderSettings {
    std::fs::read(path)
        .ok()
        .filter(|b| b.len() <= 64 * 1024)
        .and_then(|b| serde_json::from_slice::<ReminderSettings>(&b).ok())
        .and_then(|mut r| r.normalize().ok().map(|()| r))
        .unwrap_or_default()
}

/// Checks and tidies, then writes privately and atomically; returns what was saved.
pub fn save_reminders(path: &Path, mut r: ReminderSettings) -> Result<ReminderSettings> {
    r.normalize()?;
    let json = serde_json::to_vec_pretty(&r).map_err(|e| std::io::Error::other(e.to_string()))?;
    crate::fsx::write_private(path, &json, true, "reminders")?;
    Ok(r)
}

/// Where the copy of the crisis plan for the lock screen lives, when the person asked for one.
/// It is outside the encrypted vault on purpose (it must be readable while locked), and the
/// setting says so in plain words.
pub fn lock_screen_plan_path(vault: &Path) -> std::path::PathBuf {
    vault.with_file_name("lock-screen-plan.json")
}

/// The lock screen's copy of the crisis plan, if there is one and it reads as one.
pub fn load_lock_screen_plan(path: &Path) -> Option<CrisisPlanDto> {
    let bytes = std::fs::read(path).ok()?;
    if bytes.len() > crate::kinds::fields::MAX_TEXT_BYTES {
        return None;
    }
    let dto: CrisisPlanDto = serde_json::from_slice(&bytes).ok()?;
    plan_checked(dto).ok()
}

/// Writes the lock screen's copy (checked like the record), or removes it for `None`.
pub fn save_lock_screen_plan(path: &Path, plan: Option<CrisisPlanDto>) -> Result<()> {
    match plan {
        Some(dto) => {
            let dto = plan_checked(dto)?;
            let json = serde_json::to_vec_pretty(&dto)
                .map_err(|e| std::io::Error::other(e.to_string()))?;
            crate::fsx::write_private(path, &json, true, "lock screen plan")
        }
        None => match std::fs::remove_file(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        },
    }
}

fn plan_checked(dto: CrisisPlanDto) -> Result<CrisisPlanDto> {
    use crate::kinds::{CrisisPlan, KindSpec};
    let mut p = CrisisPlan::from_dto(dto)?;
    p.validate()?;
    Ok(p.to_dto())
}

#[cfg(test)]
mod outside_tests {
    use super::*;

    #[test]
    fn the_questionnaire_reminder_starts_its_14_days_on_the_day_it_is_turned_on() {
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let mut r = ReminderSettings {
            questionnaire_time: Some("10:00".into()),
            ..Default::default()
        };
        r.start_questionnaire_on(day("2026-11-28"));
        assert_eq!(r.questionnaire_since.as_deref(), Some("2026-11-28"));
        // Saved again later: the day it began is kept.
        r.start_questionnaire_on(day("2026-12-05"));
        assert_eq!(r.questionnaire_since.as_deref(), Some("2026-11-28"));
        assert_eq!(r.plan().questionnaire_since, Some(day("2026-11-28")));
        // Turned off: nothing starts, and when it began is forgotten.
        r.questionnaire_time = None;
        r.normalize().unwrap();
        assert_eq!(r.questionnaire_since, None);
        r.start_questionnaire_on(day("2026-12-05"));
        assert_eq!(r.questionnaire_since, None);
        assert_eq!(r.plan().questionnaire_time, None);
    }

    #[test]
    fn reminder_settings_are_tidied_checked_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let p = reminders_path(&dir.path().join("vault.keel"));
        assert_eq!(load_reminders(&p), ReminderSettings::default());
        let saved = save_reminders(
            &p,
            ReminderSettings {
                checkin_times: vec!["20:00".into(), " 09:05 ".into(), "20:00".into()],
                session_minutes_before: Some(30),
                checkin_text: "  ".into(),
                session_text: "Heads up".into(),
                close_to_tray: true,
                start_at_login: true,
                questionnaire_time: Some(" 10:00".into()),
                questionnaire_since: Some("2026-11-28".into()),
                questionnaire_text: String::new(),
            },
        )
        .unwrap();
        assert_eq!(saved.questionnaire_time.as_deref(), Some("10:00"));
        assert_eq!(saved.questionnaire_text, "A two-weekly check-in is ready");
        assert_eq!(saved.checkin_times, ["09:05", "20:00"]);
        assert_eq!(
            saved.checkin_text, "Time for a check-in",
            "empty means the default"
        );
        assert_eq!(load_reminders(&p), saved);
        let plan = saved.plan();
        assert_eq!(plan.checkin_times.len(), 2);
        for (bad, field) in [
            (
                ReminderSettings {
                    checkin_times: vec!["8pm".into()],
                    ..Default::default()
                },
                "checkinTimes",
            ),
            (
                ReminderSettings {
                    session_minutes_before: Some(0),
                    ..Default::default()
                },
                "sessionMinutesBefore",
            ),
            (
                ReminderSettings {
                    checkin_text: "two\nlines".into(),
                    ..Default::default()
                },
                "checkinText",
            ),
            (
                ReminderSettings {
                    questionnaire_time: Some("ten".into()),
                    ..Default::default()
                },
                "questionnaireTime",
            ),
        ] {
            match save_reminders(&p, bad) {
                Err(crate::Error::InvalidInput { field: f, .. }) => assert_eq!(f, field),
                other => panic!("expected {field} to be named, got {other:?}"),
            }
        }
        assert_eq!(
            load_reminders(&p),
            saved,
            "a refused save leaves the old ones"
        );
    }

    #[test]
    fn the_lock_screen_copy_of_the_plan_is_written_privately_and_removed_when_turned_off() {
        let dir = tempfile::tempdir().unwrap();
        let p = lock_screen_plan_path(&dir.path().join("vault.keel"));
        assert_eq!(load_lock_screen_plan(&p), None);
        let plan = CrisisPlanDto {
            reasons: vec![" my daughter ".into()],
            ..Default::default()
        };
        save_lock_screen_plan(&p, Some(plan)).unwrap();
        assert_eq!(load_lock_screen_plan(&p).unwrap().reasons, ["my daughter"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        save_lock_screen_plan(&p, None).unwrap();
        assert!(!p.exists());
        save_lock_screen_plan(&p, None).unwrap();
        std::fs::write(&p, b"{ not json").unwrap();
        assert_eq!(
            load_lock_screen_plan(&p),
            None,
            "a damaged copy is not shown"
        );
    }
}
