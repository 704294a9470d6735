//! The tray icon, while the person keeps Keel running in the background (close to tray, or
//! start at login): open, a quick check-in, lock, quit. Its words are neutral, like the
//! window's title: nothing says what Keel is for.

use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter};

const ID: &str = "keel";
/// Emitted when the tray's "Quick check-in" is chosen: the page opens its check-in.
pub const QUICK_CHECKIN_EVENT: &str = "keel://quick-checkin";

/// Whether Keel keeps running in the tray under these settings.
pub fn wanted(r: &keel::dto::ReminderSettings) -> bool {
    r.close_to_tray || r.start_at_login
}

/// Shows the tray icon if it is wanted and not there, removes it if it is not wanted.
pub fn sync(app: &AppHandle, want: bool) {
    match (want, app.tray_by_id(ID).is_some()) {
        (true, false) => {
            let _ = build(app);
        }
        (false, true) => {
            let _ = app.remove_tray_by_id(ID);
        }
        _ => {}
    }
}

fn build(app: &AppHandle) -> tauri::Result<()> {
    let open = MenuItem::with_id(app, "open", "Open Keel", true, None::<&str>)?;
    let check = MenuItem::with_id(app, "checkin", "Quick check-in", true, None::<&str>)?;
    let lock = MenuItem::with_id(app, "lock", "Lock", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit Keel", true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&open, &check, &lock, &quit])?;
    let mut tray = TrayIconBuilder::with_id(ID)
        .tooltip("Keel")
        .menu(&menu)
        .on_menu_event(|app, event| match event.id().as_ref() {
            "open" => crate::bring_forward(app),
            "checkin" => {
                crate::bring_forward(app);
                let _ = app.emit(QUICK_CHECKIN_EVENT, ());
            }
            "lock" => {
                crate::lock_and_tell(app);
            }
            "quit" => app.exit(0),
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.build(app)?;
    Ok(())
}
