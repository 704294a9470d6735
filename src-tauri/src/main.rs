//! Keel's desktop shell. Each IPC command is a one-line wrapper over `keel::commands`; the
//! vault and its keys stay in this process, and the web view only receives the records it
//! asked for while unlocked.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use keel::clock::SystemClock;
use keel::commands;
use keel::crypto::Passphrase;
use keel::dto::*;
use keel::{Error, Vault};
use std::sync::atomic::{AtomicU64, Ordering};

use tauri::{Emitter, Manager, State, WebviewWindow, WindowEvent};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

/// Emitted when the shell locks the vault on its own (quick hide): the UI drops its state.
const LOCKED_EVENT: &str = "keel://locked";

type Reply<T> = Result<T, ErrorDto>;

struct Shell {
    path: PathBuf,
    vault: Mutex<Option<Vault>>,
}

impl Shell {
    /// Runs an engine command on the unlocked vault.
    fn with<T>(&self, f: impl FnOnce(&mut Vault) -> keel::Result<T>) -> Reply<T> {
        let mut guard = self.vault.lock().unwrap_or_else(PoisonError::into_inner);
        let vault = guard
            .as_mut()
            .ok_or_else(|| reply_err(Error::VaultLocked))?;
        f(vault).map_err(reply_err)
    }

    /// Replaces whatever is open with what `open` returns.
    fn open(&self, open: impl FnOnce(&Path) -> keel::Result<Vault>) -> Reply<()> {
        let mut guard = self.vault.lock().unwrap_or_else(PoisonError::into_inner);
        *guard = None;
        *guard = Some(open(&self.path).map_err(reply_err)?);
        Ok(())
    }

    /// Drops the vault: the data key and every decrypted record go with it.
    fn lock(&self) {
        let vault = self
            .vault
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(v) = vault {
            v.lock();
        }
    }

    fn settings_path(&self) -> PathBuf {
        self.path.with_file_name("settings.json")
    }
}

fn reply_err(e: Error) -> ErrorDto {
    ErrorDto::from(&e)
}

fn clock() -> Arc<SystemClock> {
    Arc::new(SystemClock)
}

fn pass(s: String) -> Passphrase {
    Passphrase::new(s)
}

// ---- commands: one line each over the engine -------------------------------------------

#[tauri::command(async)]
fn vault_status(s: State<Shell>) -> VaultStatus {
    let unlocked = s
        .vault
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .is_some();
    VaultStatus {
        exists: s.path.is_file(),
        unlocked,
    }
}

#[tauri::command(async)]
fn create_vault(s: State<Shell>, req: PassphraseRequest) -> Reply<CreatedVaultDto> {
    let mut groups = Vec::new();
    s.open(|p| {
        commands::create(p, &pass(req.passphrase), clock()).map(|c| {
            groups = c.recovery_groups;
            c.vault
        })
    })?;
    Ok(CreatedVaultDto {
        recovery_groups: groups,
    })
}

#[tauri::command(async)]
fn unlock(s: State<Shell>, req: PassphraseRequest) -> Reply<()> {
    s.open(|p| commands::unlock(p, &pass(req.passphrase), clock()))
}

#[tauri::command(async)]
fn lock(s: State<Shell>) {
    s.lock();
}

#[tauri::command(async)]
fn quick_hide(s: State<Shell>, window: WebviewWindow) -> Reply<()> {
    s.lock();
    let _ = window.emit(LOCKED_EVENT, ());
    window
        .hide()
        .map_err(|_| reply_err(Error::Io(std::io::Error::other("cannot hide the window"))))
}

#[tauri::command(async)]
fn recover(s: State<Shell>, req: RecoverRequest) -> Reply<()> {
    s.open(|p| commands::recover(p, &req.recovery_key, &pass(req.new_passphrase), clock()))
}

#[tauri::command(async)]
fn change_passphrase(s: State<Shell>, req: ChangePassphraseRequest) -> Reply<()> {
    s.with(|v| commands::change_passphrase(v, &pass(req.current), &pass(req.new)))
}

#[tauri::command(async)]
fn new_recovery_key(s: State<Shell>, req: PassphraseRequest) -> Reply<CreatedVaultDto> {
    s.with(|v| commands::new_recovery_key(v, &pass(req.passphrase)))
        .map(|recovery_groups| CreatedVaultDto { recovery_groups })
}

#[tauri::command(async)]
fn add_record(s: State<Shell>, req: NewRecord) -> Reply<RecordDto> {
    s.with(|v| commands::add(v, req))
}

#[tauri::command(async)]
fn update_record(s: State<Shell>, req: UpdateRecord) -> Reply<RecordDto> {
    s.with(|v| commands::update(v, req))
}

#[tauri::command(async)]
fn get_record(s: State<Shell>, id: String) -> Reply<RecordDto> {
    s.with(|v| commands::get(v, &id))
}

#[tauri::command(async)]
fn delete_record(s: State<Shell>, id: String) -> Reply<RecordDto> {
    s.with(|v| commands::delete(v, &id))
}

#[tauri::command(async)]
fn restore_record(s: State<Shell>, id: String) -> Reply<RecordDto> {
    s.with(|v| commands::restore(v, &id))
}

#[tauri::command(async)]
fn purge_record(s: State<Shell>, id: String) -> Reply<()> {
    s.with(|v| commands::purge(v, &id))
}

#[tauri::command(async)]
fn list_records(s: State<Shell>, req: ListQuery) -> Reply<ListPage> {
    s.with(|v| commands::list(v, req))
}

#[tauri::command(async)]
fn search_records(s: State<Shell>, req: SearchQuery) -> Reply<ListPage> {
    s.with(|v| commands::search(v, req))
}

#[tauri::command(async)]
fn list_skills(s: State<Shell>, include_hidden: bool) -> Reply<Vec<RecordDto>> {
    s.with(|v| commands::skills(v, include_hidden))
}

#[tauri::command(async)]
fn get_settings(s: State<Shell>) -> Settings {
    keel::settings::load(&s.settings_path())
}

#[tauri::command(async)]
fn set_settings(s: State<Shell>, req: Settings) -> Reply<Settings> {
    keel::settings::save(&s.settings_path(), &req).map_err(reply_err)?;
    Ok(req)
}

/// Saves the window's size and place shortly after it stops moving: the plugin alone saves
/// only on a clean exit, and a window that is killed or crashes should still come back where
/// the user left it.
fn save_window_state_soon(app: tauri::AppHandle) {
    static GENERATION: AtomicU64 = AtomicU64::new(0);
    let mine = GENERATION.fetch_add(1, Ordering::SeqCst) + 1;
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(400));
        if GENERATION.load(Ordering::SeqCst) == mine {
            let _ = app.save_window_state(StateFlags::all());
        }
    });
}

fn main() {
    let Some(path) = keel::paths::default_vault_path() else {
        eprintln!("keel: no data folder on this system; set KEEL_VAULT");
        std::process::exit(1);
    };
    tauri::Builder::default()
        // First: a second launch only focuses the window that is already open.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.show();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .on_window_event(|window, event| {
            if matches!(event, WindowEvent::Moved(_) | WindowEvent::Resized(_)) {
                save_window_state_soon(window.app_handle().clone());
            }
        })
        .manage(Shell {
            path,
            vault: Mutex::new(None),
        })
        .invoke_handler(tauri::generate_handler![
            vault_status,
            create_vault,
            unlock,
            lock,
            quick_hide,
            recover,
            change_passphrase,
            new_recovery_key,
            add_record,
            update_record,
            get_record,
            delete_record,
            restore_record,
            purge_record,
            list_records,
            search_records,
            list_skills,
            get_settings,
            set_settings,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|_| {
            eprintln!("keel: the window could not start");
            std::process::exit(1);
        });
}
