//! Preferences that are not secret (auto-lock minutes, theme), kept as JSON beside the vault
//! so the UI can theme the unlock screen. Nothing from the vault is ever written here.

use std::path::Path;

use crate::dto::Settings;
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
