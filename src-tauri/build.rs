//! Declares every app command in an AppManifest: Tauri then checks each IPC call against the
//! window's capability, so a script that got into the page cannot call what it was not given.

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(keel_commands())),
    )
    .expect("tauri build step");
}

/// Keep in step with `commands!` in src/main.rs and capabilities/main.json.
fn keel_commands() -> &'static [&'static str] {
    &[
        "vault_status",
        "create_vault",
        "unlock",
        "lock",
        "quick_hide",
        "recover",
        "change_passphrase",
        "new_recovery_key",
        "add_record",
        "update_record",
        "get_record",
        "delete_record",
        "restore_record",
        "purge_record",
        "list_records",
        "search_records",
        "list_skills",
        "get_settings",
        "set_settings",
    ]
}
