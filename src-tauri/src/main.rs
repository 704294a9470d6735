//! Keel's desktop shell. Each IPC command is a one-line wrapper over `keel::commands`; the
//! vault and its keys stay in this process, and the web view only receives the records it
//! asked for while unlocked.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use keel::clock::SystemClock;
use keel::commands;
use keel::crypto::Passphrase;
use keel::dto::*;
use keel::{Error, Vault};
use std::sync::atomic::{AtomicU64, Ordering};

use tauri::{Emitter, Manager, State, WebviewWindow, WindowEvent};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

include!("command_list.rs");

/// Registers every command of the list.
macro_rules! handler {
    ($($name:ident($($arg:ident: $ty:ty),*) -> $reply:ty;)*) => {
        tauri::generate_handler![$($name),*]
    };
}

/// Emitted when the shell locks the vault on its own (quick hide, idle): the UI drops its state.
const LOCKED_EVENT: &str = "keel://locked";

type Reply<T> = Result<T, ErrorDto>;

struct Shell {
    path: PathBuf,
    vault: Mutex<Option<Vault>>,
    /// When the window last asked for something or reported typing: the shell's own idle lock
    /// counts from here, so a hung or throttled page cannot keep the key in memory.
    last_activity: Mutex<Instant>,
}

impl Shell {
    fn touch(&self) {
        *self
            .last_activity
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Instant::now();
    }

    /// Runs an engine command on the unlocked vault.
    fn with<T>(&self, f: impl FnOnce(&mut Vault) -> keel::Result<T>) -> Reply<T> {
        self.touch();
        let mut guard = self.vault.lock().unwrap_or_else(PoisonError::into_inner);
        let vault = guard
            .as_mut()
            .ok_or_else(|| reply_err(Error::VaultLocked))?;
        f(vault).map_err(reply_err)
    }

    /// Replaces whatever is open with what `open` returns.
    fn open(&self, open: impl FnOnce(&Path) -> keel::Result<Vault>) -> Reply<()> {
        self.touch();
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

/// Whether `url` is Keel's own page: the embedded UI (`tauri://localhost`, or
/// `http(s)://tauri.localhost` on Windows) or, in a build that loads the Vite dev server instead
/// (no `custom-protocol`), that server. Every other navigation of the window is cancelled, so a
/// link in a note can never take Keel's window (with the vault unlocked) to another page.
fn is_own_page(url: &tauri::Url) -> bool {
    let own = match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    };
    let dev = cfg!(not(feature = "custom-protocol"))
        && url.scheme() == "http"
        && url.host_str() == Some("127.0.0.1")
        && url.port() == Some(5173);
    own || dev
}

/// Whether the vault has been idle for the whole limit.
fn idle_expired(last: Instant, now: Instant, limit: Duration) -> bool {
    now.saturating_duration_since(last) >= limit
}

/// The idle limit: the user's auto-lock minutes. A debug build (the end-to-end tests) may set
/// it in seconds with `KEEL_AUTO_LOCK_SECONDS`; a release build has no such switch.
fn idle_limit(s: &Shell) -> Duration {
    #[cfg(debug_assertions)]
    if let Some(secs) = std::env::var("KEEL_AUTO_LOCK_SECONDS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        return Duration::from_secs(secs);
    }
    Duration::from_secs(u64::from(keel::settings::load(&s.settings_path()).auto_lock_minutes) * 60)
}

/// Locks the vault when the window has been idle for the limit, whatever the page is doing,
/// and tells the page.
fn watch_idle(app: tauri::AppHandle) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_secs(1));
            let s = app.state::<Shell>();
            let unlocked = s
                .vault
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .is_some();
            let last = *s
                .last_activity
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            if unlocked && idle_expired(last, Instant::now(), idle_limit(&s)) {
                s.lock();
                let _ = app.emit(LOCKED_EVENT, ());
            }
        }
    });
}

fn reply_err(e: Error) -> ErrorDto {
    ErrorDto::from(&e)
}

fn clock() -> Arc<SystemClock> {
    Arc::new(SystemClock)
}

/// Takes a secret out of a request (the request wipes what is left when dropped).
fn pass(s: &mut String) -> Passphrase {
    Passphrase::new(std::mem::take(s))
}

/// Recovery groups for the window; the reply wipes them once sent.
fn groups(mut g: zeroize::Zeroizing<Vec<String>>) -> CreatedVaultDto {
    CreatedVaultDto {
        recovery_groups: std::mem::take(&mut *g),
    }
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
fn create_vault(s: State<Shell>, mut req: PassphraseRequest) -> Reply<CreatedVaultDto> {
    let mut made = zeroize::Zeroizing::new(Vec::new());
    s.open(|p| {
        commands::create(p, &pass(&mut req.passphrase), clock()).map(|c| {
            made = c.recovery_groups;
            c.vault
        })
    })?;
    Ok(groups(made))
}

#[tauri::command(async)]
fn unlock(s: State<Shell>, mut req: PassphraseRequest) -> Reply<()> {
    s.open(|p| commands::unlock(p, &pass(&mut req.passphrase), clock()))
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
fn recover(s: State<Shell>, mut req: RecoverRequest) -> Reply<()> {
    s.open(|p| {
        commands::recover(
            p,
            &req.recovery_key,
            &pass(&mut req.new_passphrase),
            clock(),
        )
    })
}

#[tauri::command(async)]
fn change_passphrase(s: State<Shell>, mut req: ChangePassphraseRequest) -> Reply<()> {
    s.with(|v| commands::change_passphrase(v, &pass(&mut req.current), &pass(&mut req.new)))
}

#[tauri::command(async)]
fn new_recovery_key(s: State<Shell>, mut req: PassphraseRequest) -> Reply<CreatedVaultDto> {
    s.with(|v| commands::new_recovery_key(v, &pass(&mut req.passphrase)))
        .map(groups)
}

#[tauri::command(async)]
fn rekey(s: State<Shell>, mut req: PassphraseRequest) -> Reply<CreatedVaultDto> {
    s.with(|v| commands::rekey(v, &pass(&mut req.passphrase)))
        .map(groups)
}

#[tauri::command(async)]
fn vault_health(s: State<Shell>) -> Reply<VaultHealthDto> {
    s.with(|v| Ok(commands::health(v)))
}

#[tauri::command(async)]
fn verify_vault(s: State<Shell>) -> Reply<VerifyReportDto> {
    s.with(commands::verify)
}

#[tauri::command(async)]
fn accept_current_set(s: State<Shell>) -> Reply<()> {
    s.with(commands::accept_current_set)
}

/// The user is typing or pointing: the shell's idle clock starts again.
#[tauri::command(async)]
fn activity(s: State<Shell>) {
    s.touch();
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
fn trash_record(s: State<Shell>, id: String) -> Reply<RecordDto> {
    s.with(|v| commands::trash(v, &id))
}

#[tauri::command(async)]
fn restore_record(s: State<Shell>, id: String) -> Reply<RecordDto> {
    s.with(|v| commands::restore(v, &id))
}

#[tauri::command(async)]
fn purge_record(s: State<Shell>, id: String) -> Reply<()> {
    // The window never force-purges a record from a newer Keel; only the CLI can, when asked.
    s.with(|v| commands::purge(v, &id, false))
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
        // The window never leaves Keel: navigation anywhere else is cancelled.
        .plugin(
            tauri::plugin::Builder::<tauri::Wry>::new("keel-boundary")
                .on_navigation(|_, url| is_own_page(url))
                .build(),
        )
        .on_window_event(|window, event| {
            if matches!(event, WindowEvent::Moved(_) | WindowEvent::Resized(_)) {
                save_window_state_soon(window.app_handle().clone());
            }
        })
        .manage(Shell {
            path,
            vault: Mutex::new(None),
            last_activity: Mutex::new(Instant::now()),
        })
        .setup(|app| {
            watch_idle(app.handle().clone());
            Ok(())
        })
        .invoke_handler(keel_commands!(handler))
        .run(tauri::generate_context!())
        .unwrap_or_else(|_| {
            eprintln!("keel: the window could not start");
            std::process::exit(1);
        });
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use keel::dto::*;

    #[test]
    fn only_keels_own_page_may_be_navigated_to() {
        let ok = |u: &str| super::is_own_page(&tauri::Url::parse(u).unwrap());
        assert!(ok("tauri://localhost/"));
        assert!(ok("tauri://localhost/index.html#x"));
        assert!(
            ok("https://tauri.localhost/"),
            "the embedded UI's origin on Windows"
        );
        for other in [
            "https://example.org/",
            "http://localhost/",
            "https://tauri.localhost.example.org/",
            "tauri://example.org/",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "data:text/html,<p>x</p>",
            "about:blank",
        ] {
            assert!(!ok(other), "{other} is not Keel's page");
        }
    }

    #[test]
    fn the_idle_lock_fires_at_the_limit_and_not_before() {
        let t0 = Instant::now();
        let limit = Duration::from_secs(300);
        assert!(!super::idle_expired(
            t0,
            t0 + Duration::from_secs(299),
            limit
        ));
        assert!(super::idle_expired(t0, t0 + limit, limit));
        assert!(
            !super::idle_expired(t0 + Duration::from_secs(10), t0, limit),
            "activity recorded after now (clock order) never counts as idle"
        );
    }
    use ts_rs::TS;

    /// `(name, [(arg, TS type)], reply TS type)` for every command of the list.
    type Signature = (&'static str, Vec<(&'static str, String)>, String);

    macro_rules! signatures {
        ($($name:ident($($arg:ident: $ty:ty),*) -> $reply:ty;)*) => {{
            let cfg = ts_rs::Config::default();
            let all: Vec<Signature> = vec![$((
                stringify!($name),
                vec![$((stringify!($arg), <$ty as TS>::name(&cfg))),*],
                <$reply as TS>::name(&cfg),
            )),*];
            all
        }};
    }

    fn camel(s: &str) -> String {
        let mut out = String::new();
        let mut up = false;
        for c in s.chars() {
            if c == '_' {
                up = true;
            } else if up {
                out.extend(c.to_uppercase());
                up = false;
            } else {
                out.push(c);
            }
        }
        out
    }

    /// The UI's typed calls, from the same list the handler and the AppManifest use.
    fn commands_ts() -> String {
        let sigs = keel_commands!(signatures);
        let mut types = std::collections::BTreeSet::new();
        for (_, args, reply) in &sigs {
            for t in args.iter().map(|(_, t)| t).chain([reply]) {
                for word in t.split(|c: char| !c.is_alphanumeric()) {
                    if word.starts_with(|c: char| c.is_ascii_uppercase()) && word != "Array" {
                        types.insert(word.to_owned());
                    }
                }
            }
        }
        let mut ts = String::from(
            "// Generated from src-tauri/src/command_list.rs by `cargo test -p keel-desktop`; \
             do not edit.\n",
        );
        for t in &types {
            ts += &format!("import type {{ {t} }} from './{t}';\n");
        }
        ts += "\n/** Every IPC command the shell registers and the window may call. */\n";
        ts += "export interface Commands {\n";
        for (name, args, reply) in &sigs {
            let args = if args.is_empty() {
                "Record<string, never>".to_owned()
            } else {
                let fields: Vec<String> = args
                    .iter()
                    .map(|(a, t)| format!("{}: {t}", camel(a)))
                    .collect();
                format!("{{ {} }}", fields.join("; "))
            };
            ts += &format!("  {name}: {{ args: {args}; reply: {reply} }};\n");
        }
        ts += "}\n\nexport const COMMANDS = [\n";
        for (name, _, _) in &sigs {
            ts += &format!("  '{name}',\n");
        }
        ts += "] as const;\n";
        ts
    }

    #[test]
    fn ipc_bindings_are_written_for_the_ui() {
        let dir = std::env::var("TS_RS_EXPORT_DIR").expect("set in .cargo/config.toml");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .unwrap()
            .join(dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("commands.ts"), commands_ts()).unwrap();
    }

    #[test]
    fn the_capability_grants_exactly_the_command_list() {
        let cap: serde_json::Value =
            serde_json::from_str(include_str!("../capabilities/main.json")).unwrap();
        let granted: std::collections::BTreeSet<String> = cap["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap().to_owned())
            .collect();
        let mut wanted: std::collections::BTreeSet<String> = keel_commands!(signatures)
            .iter()
            .map(|(name, _, _)| format!("allow-{}", name.replace('_', "-")))
            .collect();
        wanted.insert("core:event:allow-listen".into());
        wanted.insert("core:event:allow-unlisten".into());
        assert_eq!(
            granted, wanted,
            "the main window is granted every command of the list and nothing else"
        );
        assert_eq!(cap["windows"], serde_json::json!(["main"]));
    }

    #[test]
    fn every_generated_permission_file_is_for_a_command_of_the_list() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("permissions/autogenerated");
        let files: std::collections::BTreeSet<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        let wanted: std::collections::BTreeSet<String> = keel_commands!(signatures)
            .iter()
            .map(|(name, _, _)| format!("{name}.toml"))
            .collect();
        assert_eq!(
            files, wanted,
            "no permission is left for a command that is gone"
        );
    }
}
