//! Where the vault lives by default: the per-user app-data folder for the app's identifier,
//! the same folder Tauri's `app_data_dir` gives the desktop app.

use std::path::PathBuf;

/// The desktop app's bundle identifier; the data folder is named after it.
pub const APP_IDENTIFIER: &str = "app.keel.journal";
/// The vault's file name inside the data folder.
pub const VAULT_FILE: &str = "vault.keel";
/// Overrides the vault path (tests always set it).
pub const VAULT_ENV: &str = "KEEL_VAULT";

/// `KEEL_VAULT` if set, else `<data dir>/<identifier>/vault.keel`.
pub fn default_vault_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(VAULT_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    own_data_folder().map(|d| d.join(VAULT_FILE))
}

/// Keel's own data folder (`<data dir>/<identifier>`), whatever `KEEL_VAULT` says.
pub fn own_data_folder() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(APP_IDENTIFIER))
}
