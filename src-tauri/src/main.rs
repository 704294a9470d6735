//! Keel's desktop shell. Each IPC command is a one-line wrapper over `keel::commands`; the
//! vault and its keys stay in this process, and the web view only receives the records it
//! asked for while unlocked.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod backups;
mod boundary;
mod clipboard;
mod instance;
mod reminders;
mod rendering;
mod report;
mod shell;
mod startup;
mod transfer;
mod tray;
mod window_state;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use keel::Error;
use keel::backup::BackupStatusDto;
use keel::clock::SystemClock;
use keel::commands::{self, KeyPurpose};
use keel::crypto::Passphrase;
use keel::dto::*;
use tauri::webview::NewWindowResponse;
use tauri::{AppHandle, Emitter, Manager, State, WebviewUrl, WebviewWindow, WindowEvent};

use clipboard::Clipboard;
use shell::{Reply, Shell, reply_err};

include!("command_list.rs");

/// Registers every command of the list.
macro_rules! handler {
    ($($name:ident($($arg:ident: $ty:ty),*) -> $reply:ty;)*) => {
        tauri::generate_handler![$($name),*]
    };
}

/// Emitted with the new `VaultStatus` whenever the shell locks on its own (idle, quick hide,
/// a second launch): the page shows the newest status it has, by epoch.
pub(crate) const STATE_EVENT: &str = "keel://state";

const MAIN: &str = "main";
/// The argument start at login passes: Keel starts in the tray, its window hidden.
const START_HIDDEN: &str = "--hidden";
/// The window's smallest size (logical pixels); a saved size is never made smaller.
const MIN_SIZE: (f64, f64) = (800.0, 600.0);

/// Locks, clears a recovery key Keel copied, and tells the page.
pub(crate) fn lock_and_tell(app: &AppHandle) -> VaultStatus {
    let status = app.state::<Shell>().lock();
    app.state::<Clipboard>().clear_ours();
    let _ = app.emit(STATE_EVENT, status);
    status
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

/// Locks the vault (and drops a recovery key waiting to be confirmed) when the window has been
/// idle for the limit, whatever the page is doing, and tells the page.
fn watch_idle(app: AppHandle) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_secs(1));
            let s = app.state::<Shell>();
            if s.holds_secrets() && idle_expired(s.last_activity(), Instant::now(), idle_limit(&s))
            {
                lock_and_tell(&app);
            }
        }
    });
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

/// Step one of a new recovery key: hold it until a group is typed back, and show it.
fn hold(s: &Shell, pending: commands::PendingKey) -> CreatedVaultDto {
    let shown = groups(pending.groups());
    s.hold(pending);
    shown
}

// ---- commands: one line each over the engine -------------------------------------------

#[tauri::command(async)]
fn vault_status(s: State<Shell>) -> VaultStatus {
    startup::mark("vault_status asked");
    s.status()
}

/// Nothing is written until the recovery key is confirmed.
#[tauri::command(async)]
fn create_vault(s: State<Shell>, mut req: PassphraseRequest) -> Reply<CreatedVaultDto> {
    s.touch();
    let pending =
        commands::prepare_create(&s.path, pass(&mut req.passphrase)).map_err(reply_err)?;
    Ok(hold(&s, pending))
}

#[tauri::command(async)]
fn confirm_recovery_key(s: State<Shell>, req: ConfirmKeyRequest) -> Reply<VaultStatus> {
    s.confirm(req.group, &req.typed, clock())
}

/// Copies the recovery key on screen; returns the seconds until Keel clears it again.
#[tauri::command(async)]
fn copy_recovery_key(s: State<Shell>, clip: State<Clipboard>) -> Reply<u32> {
    let text = s
        .with_pending(|p| zeroize::Zeroizing::new(p.groups().join("-")))
        .ok_or_else(|| reply_err(Error::VaultLocked))?;
    let after = clipboard::clear_after();
    if clip.copy_secret(text, after) {
        Ok(after.as_secs() as u32)
    } else {
        Err(reply_err(Error::Io(std::io::Error::other("no clipboard"))))
    }
}

/// The recovery-key screen was left without confirming: the new key never takes effect.
#[tauri::command(async)]
fn cancel_recovery_key(s: State<Shell>, clip: State<Clipboard>) {
    s.drop_pending();
    clip.clear_ours();
}

/// `epoch`: the state the page saw when the user asked; a lock since then wins.
#[tauri::command(async)]
fn unlock(
    app: AppHandle,
    s: State<Shell>,
    mut req: PassphraseRequest,
    epoch: u32,
) -> Reply<VaultStatus> {
    let status = s.open(epoch, |p| {
        commands::unlock(p, &pass(&mut req.passphrase), clock())
    })?;
    if status.unlocked {
        backups::daily(&app);
    }
    Ok(status)
}

#[tauri::command(async)]
fn lock(app: AppHandle) -> VaultStatus {
    lock_and_tell(&app)
}

/// Hides the window first (the point of the shortcut is speed), then locks.
#[tauri::command(async)]
fn quick_hide(app: AppHandle, window: WebviewWindow) -> Reply<()> {
    let hidden = window.hide();
    lock_and_tell(&app);
    hidden.map_err(|_| reply_err(Error::Io(std::io::Error::other("cannot hide the window"))))
}

#[tauri::command(async)]
fn recover(s: State<Shell>, mut req: RecoverRequest, epoch: u32) -> Reply<VaultStatus> {
    s.open(epoch, |p| {
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
    s.drop_pending();
    s.guess_with(|v| commands::change_passphrase(v, &pass(&mut req.current), &pass(&mut req.new)))
}

#[tauri::command(async)]
fn new_recovery_key(s: State<Shell>, mut req: PassphraseRequest) -> Reply<CreatedVaultDto> {
    let p = pass(&mut req.passphrase);
    let pending = s.guess_with(|v| commands::prepare_key(v, KeyPurpose::Replace, p))?;
    Ok(hold(&s, pending))
}

#[tauri::command(async)]
fn rekey(s: State<Shell>, mut req: PassphraseRequest) -> Reply<CreatedVaultDto> {
    let p = pass(&mut req.passphrase);
    let pending = s.guess_with(|v| commands::prepare_key(v, KeyPurpose::Rekey, p))?;
    Ok(hold(&s, pending))
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
fn add_record(s: State<Shell>, r: State<reminders::Reminders>, req: NewRecord) -> Reply<RecordDto> {
    let added = s.with(|v| commands::add(v, req))?;
    if let (BodyDto::Checkin(_), Ok(at)) =
        (&added.body, chrono::DateTime::parse_from_rfc3339(&added.at))
    {
        r.checked_in(at.with_timezone(&chrono::Utc));
    }
    if let (BodyDto::Assessment(_), Ok(day)) = (
        &added.body,
        chrono::NaiveDate::parse_from_str(&added.local_date, "%Y-%m-%d"),
    ) {
        r.questionnaire_taken(day);
    }
    Ok(added)
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
fn list_trackers(s: State<Shell>, include_archived: bool) -> Reply<Vec<RecordDto>> {
    s.with(|v| commands::trackers(v, include_archived))
}

#[tauri::command(async)]
fn clock_status(s: State<Shell>) -> Reply<Vec<ClockStatusDto>> {
    s.with(commands::clocks)
}

#[tauri::command(async)]
fn programme_status(s: State<Shell>) -> Reply<ProgrammeDto> {
    s.with(commands::programme)
}

/// One questionnaire's results over time (`phq9`, `gad7`).
#[tauri::command(async)]
fn assessment_trend(s: State<Shell>, instrument: String) -> Reply<AssessmentTrendDto> {
    s.with(|v| commands::assessments(v, &instrument))
}

/// The diary-card week holding `date` (`YYYY-MM-DD`).
#[tauri::command(async)]
fn diary_week(s: State<Shell>, date: String) -> Reply<DiaryWeekDto> {
    s.with(|v| {
        let day = keel::kinds::fields::date("date", &date)?;
        commands::diary_week(v, day)
    })
}

/// Entries written on today's date in earlier months and years (Today's On This Day).
#[tauri::command(async)]
fn on_this_day(s: State<Shell>) -> Reply<Vec<OnThisDayDto>> {
    s.with(commands::on_this_day)
}

/// What the records say over a span (the Insights page).
#[tauri::command(async)]
fn insights(s: State<Shell>, req: InsightsQuery) -> Reply<InsightsDto> {
    s.with(|v| commands::insights(v, req))
}

/// The counsellor report over a span, with the sections asked for (the preview).
#[tauri::command(async)]
fn report_preview(s: State<Shell>, req: ReportRequest) -> Reply<ReportDto> {
    report::preview(&s, &req)
}

/// Writes the report as a PDF where the person chooses (the save dialog); the file's name, or
/// null if they cancelled.
#[tauri::command(async)]
fn save_report(app: AppHandle, s: State<Shell>, req: ReportRequest) -> Reply<Option<String>> {
    report::save(&app, &s, &req)
}

/// Asks for a file to import and says what it would add (nothing written); null if cancelled.
#[tauri::command(async)]
fn import_preview(
    app: AppHandle,
    s: State<Shell>,
    pending: State<transfer::Pending>,
    source: String,
    mood_map: String,
) -> Reply<Option<ImportSummaryDto>> {
    transfer::preview(&app, &s, &pending, &source, &mood_map)
}

/// Adds what the preview showed (after a backup, when a folder is chosen).
#[tauri::command(async)]
fn import_confirm(s: State<Shell>, pending: State<transfer::Pending>) -> Reply<ImportSummaryDto> {
    transfer::confirm(&s, &pending)
}

/// Forgets the file a preview read.
#[tauri::command(async)]
fn import_cancel(pending: State<transfer::Pending>) {
    transfer::cancel(&pending);
}

/// Writes an export where the person chooses; the name written, or null if cancelled.
#[tauri::command(async)]
fn export_to(
    app: AppHandle,
    s: State<Shell>,
    format: String,
    one_file: bool,
) -> Reply<Option<String>> {
    transfer::export(&app, &s, &format, one_file)
}

/// Where backups go, the latest that verified, and the backups there (readable locked).
#[tauri::command(async)]
fn backup_status(s: State<Shell>) -> BackupStatusDto {
    backups::status(&s)
}

/// Asks for the backups' folder (the system's folder dialog); null if the person cancelled.
#[tauri::command(async)]
fn choose_backup_folder(app: AppHandle, s: State<Shell>) -> Reply<Option<BackupStatusDto>> {
    backups::choose_folder(&app, &s)
}

/// A backup now, checked, into the chosen folder.
#[tauri::command(async)]
fn backup_now(s: State<Shell>) -> Reply<BackupStatusDto> {
    backups::now(&s)
}

/// One of the backups checked with the passphrase it was made with (a restore's preview).
#[tauri::command(async)]
fn check_backup(
    s: State<Shell>,
    file: String,
    mut req: PassphraseRequest,
) -> Reply<VerifyReportDto> {
    backups::check(&s, &file, &pass(&mut req.passphrase))
}

/// Replaces the vault with one of the backups (the vault as it was kept as a backup first);
/// Keel is left locked.
#[tauri::command(async)]
fn restore_backup(
    app: AppHandle,
    s: State<Shell>,
    file: String,
    mut req: PassphraseRequest,
) -> Reply<VaultStatus> {
    backups::restore(&app, &s, &file, &pass(&mut req.passphrase))
}

/// The crisis plan's copy for the lock screen, if the person asked for one (readable locked).
#[tauri::command(async)]
fn lock_screen_plan(s: State<Shell>) -> Option<CrisisPlanDto> {
    keel::settings::load_lock_screen_plan(&keel::settings::lock_screen_plan_path(&s.path))
}

/// Writes (or, with null, removes) the lock screen's copy of the plan; only while unlocked.
#[tauri::command(async)]
fn set_lock_screen_plan(s: State<Shell>, plan: Option<CrisisPlanDto>) -> Reply<()> {
    s.with(|_| {
        keel::settings::save_lock_screen_plan(&keel::settings::lock_screen_plan_path(&s.path), plan)
    })
}

#[tauri::command(async)]
fn get_reminder_settings(s: State<Shell>) -> ReminderSettings {
    keel::settings::load_reminders(&keel::settings::reminders_path(&s.path))
}

/// Saves the reminders, then applies start at login and the tray to match.
#[tauri::command(async)]
fn set_reminder_settings(
    app: AppHandle,
    s: State<Shell>,
    req: ReminderSettings,
) -> Reply<ReminderSettings> {
    use tauri_plugin_autostart::ManagerExt as _;
    s.touch();
    let mut req = req;
    req.start_questionnaire_on(chrono::Local::now().date_naive());
    let saved = keel::settings::save_reminders(&keel::settings::reminders_path(&s.path), req)
        .map_err(reply_err)?;
    let launch = app.autolaunch();
    let applied = if saved.start_at_login {
        // The plugin makes `~/.config/autostart` but not `~/.config`, which a new account may
        // not have yet.
        #[cfg(target_os = "linux")]
        if let Some(home) = std::env::var_os("HOME") {
            let _ = std::fs::create_dir_all(std::path::Path::new(&home).join(".config/autostart"));
        }
        launch.enable()
    } else if launch.is_enabled().unwrap_or(false) {
        launch.disable()
    } else {
        Ok(())
    };
    let want = tray::wanted(&saved);
    let app2 = app.clone();
    let _ = app.run_on_main_thread(move || tray::sync(&app2, want));
    applied.map_err(|_| {
        reply_err(Error::Io(std::io::Error::other(
            "start at login could not be set",
        )))
    })?;
    Ok(saved)
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

/// Saves the window's size and place shortly after it stops moving, privately and atomically
/// beside the vault, so a window that is killed or crashes still comes back where it was.
fn save_window_state_soon(window: tauri::Window) {
    static GENERATION: AtomicU64 = AtomicU64::new(0);
    let mine = GENERATION.fetch_add(1, Ordering::SeqCst) + 1;
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(400));
        if GENERATION.load(Ordering::SeqCst) == mine {
            save_window_state(&window);
        }
    });
}

fn save_window_state(window: &tauri::Window) {
    let path = window_state::path(&window.state::<Shell>().path);
    let maximized = window.is_maximized().unwrap_or(false);
    if window.is_minimized().unwrap_or(false) {
        return;
    }
    // A maximized window keeps the place it had before, to come back to when restored.
    let saved = match (maximized, window_state::load(&path)) {
        (true, Some(before)) => window_state::Saved {
            maximized: true,
            ..before
        },
        _ => {
            let (Ok(pos), Ok(size)) = (window.outer_position(), window.inner_size()) else {
                return;
            };
            window_state::Saved {
                x: pos.x,
                y: pos.y,
                width: size.width,
                height: size.height,
                maximized,
            }
        }
    };
    let _ = window_state::save(&path, &saved);
}

/// Puts the window where it was saved, if that still fits on a monitor present.
fn restore_window_state(window: &WebviewWindow, vault: &std::path::Path) {
    let Some(saved) = window_state::load(&window_state::path(vault)) else {
        return;
    };
    let monitors: Vec<window_state::Rect> = window
        .available_monitors()
        .unwrap_or_default()
        .iter()
        .map(|m| {
            let a = m.work_area();
            window_state::Rect {
                x: a.position.x,
                y: a.position.y,
                width: a.size.width,
                height: a.size.height,
            }
        })
        .collect();
    let scale = window.scale_factor().unwrap_or(1.0);
    let min = (
        (MIN_SIZE.0 * scale).round() as u32,
        (MIN_SIZE.1 * scale).round() as u32,
    );
    if let Some(r) = window_state::fit(&saved, &monitors, min) {
        let _ = window.set_size(tauri::PhysicalSize::new(r.width, r.height));
        let _ = window.set_position(tauri::PhysicalPosition::new(r.x, r.y));
        if saved.maximized {
            let _ = window.maximize();
        }
    }
}

/// A later launch asked this one to come forward: the page first gets the current status (a
/// window hidden by quick hide is locked, and shows the lock screen), then the window shows.
pub(crate) fn bring_forward(app: &AppHandle) {
    let app2 = app.clone();
    let _ = app.run_on_main_thread(move || {
        let _ = app2.emit(STATE_EVENT, app2.state::<Shell>().status());
        if let Some(w) = app2.get_webview_window(MAIN) {
            let _ = w.unminimize();
            let _ = w.show();
            let _ = w.set_focus();
        }
    });
}

/// The one window: it never navigates away from Keel's page and never opens another.
fn open_window(app: &tauri::App) -> tauri::Result<WebviewWindow> {
    let window = tauri::WebviewWindowBuilder::new(app, MAIN, WebviewUrl::default())
        .title("Keel")
        .inner_size(1100.0, 760.0)
        .min_inner_size(MIN_SIZE.0, MIN_SIZE.1)
        .center()
        .visible(false)
        .on_navigation(boundary::is_own_page)
        .on_new_window(|_, _| NewWindowResponse::Deny)
        .build()?;
    boundary::trim_context_menu(&window);
    Ok(window)
}

fn main() {
    startup::begin();
    rendering::prefer_no_compositing();
    let Some(path) = keel::paths::default_vault_path() else {
        eprintln!("keel: no data folder on this system; set KEEL_VAULT");
        std::process::exit(1);
    };
    // One Keel per vault. A later launch may knock before the app exists: then there is no
    // window to bring forward yet.
    let app_slot: Arc<std::sync::OnceLock<AppHandle>> = Arc::default();
    let slot = app_slot.clone();
    // Held until the process ends (the OS releases the lock then, whatever way it ends).
    let _claim = match instance::claim(&path, move || {
        if let Some(app) = slot.get() {
            bring_forward(app);
        }
    }) {
        Ok(instance::Start::First(claim)) => claim,
        Ok(instance::Start::Second { told }) => {
            if !told {
                eprintln!("keel: Keel is already open");
            }
            std::process::exit(0);
        }
        Err(_) => {
            eprintln!("keel: could not use the data folder");
            std::process::exit(1);
        }
    };
    startup::mark("one instance claimed");
    let vault_path = path.clone();
    let app = tauri::Builder::default()
        .on_window_event(|window, event| match event {
            WindowEvent::Moved(_) | WindowEvent::Resized(_) => {
                save_window_state_soon(window.clone());
            }
            WindowEvent::CloseRequested { api, .. } => {
                save_window_state(window);
                // Kept in the tray: the window hides and Keel locks; reminders keep coming.
                let shell = window.state::<Shell>();
                let r =
                    keel::settings::load_reminders(&keel::settings::reminders_path(&shell.path));
                if r.close_to_tray {
                    api.prevent_close();
                    let _ = window.hide();
                    lock_and_tell(window.app_handle());
                }
            }
            _ => {}
        })
        .manage(Shell::new(path))
        .manage(Clipboard::default())
        .manage(reminders::Reminders::default())
        .manage(transfer::Pending::default())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            Some(vec![START_HIDDEN]),
        ))
        .setup(move |app| {
            startup::mark("setup");
            let window = open_window(app)?;
            startup::mark("window built");
            restore_window_state(&window, &vault_path);
            let r = keel::settings::load_reminders(&keel::settings::reminders_path(&vault_path));
            let in_tray = tray::wanted(&r);
            tray::sync(app.handle(), in_tray);
            startup::mark("tray");
            // Started at login: stay in the tray until asked for (a later launch or the tray).
            if !(in_tray && std::env::args().any(|a| a == START_HIDDEN)) {
                window.show()?;
            }
            let _ = app_slot.set(app.handle().clone());
            watch_idle(app.handle().clone());
            reminders::start(app.handle().clone());
            startup::mark("setup done");
            Ok(())
        })
        .on_page_load(|_, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Finished {
                startup::mark("page loaded");
            }
        })
        .invoke_handler(keel_commands!(handler))
        .build(tauri::generate_context!())
        .unwrap_or_else(|_| {
            eprintln!("keel: the window could not start");
            std::process::exit(1);
        });
    app.run(move |app, event| {
        if let tauri::RunEvent::Exit = event {
            // A recovery key Keel copied does not outlive it.
            app.state::<Clipboard>().clear_ours();
        }
    });
}

#[cfg(test)]
mod tests {

    use std::time::{Duration, Instant};

    use keel::dto::*;

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
