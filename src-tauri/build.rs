//! Declares every app command in an AppManifest: Tauri then checks each IPC call against the
//! window's capability, so a script that got into the page cannot call what it was not given.
//! The names come from the one list in `src/command_list.rs`.

include!("src/command_list.rs");

macro_rules! names {
    ($($name:ident($($arg:ident: $ty:ty),*) -> $reply:ty;)*) => {
        &[$(stringify!($name)),*]
    };
}

fn main() {
    println!("cargo:rerun-if-changed=src/command_list.rs");
    let commands: &[&str] = keel_commands!(names);
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("tauri build step");
}
