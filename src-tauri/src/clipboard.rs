//! A recovery key copied to the clipboard does not stay there: the shell copies it (the page
//! has no clipboard access of its own for it) and clears it again after `CLEAR_AFTER`, on lock
//! and on exit, each time only if the clipboard still holds what Keel put there, so something
//! the user copied since is never wiped.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use zeroize::Zeroizing;

/// How long a copied recovery key stays on the clipboard.
pub const CLEAR_AFTER: Duration = Duration::from_secs(60);

#[derive(Default)]
struct Inner {
    /// Kept for the whole run: on X11, dropping the last handle hands the contents to a
    /// clipboard manager, which may save them to disk.
    board: Option<arboard::Clipboard>,
    /// What Keel last put there, until it is cleared or replaced by the user.
    ours: Option<Zeroizing<String>>,
}

#[derive(Default, Clone)]
pub struct Clipboard {
    inner: Arc<Mutex<Inner>>,
    generation: Arc<AtomicU64>,
}

impl Clipboard {
    fn with<T>(&self, f: impl FnOnce(&mut Inner) -> Option<T>) -> Option<T> {
        let mut inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        if inner.board.is_none() {
            inner.board = arboard::Clipboard::new().ok();
        }
        f(&mut inner)
    }

    /// Puts `secret` on the clipboard and clears it after `after`; false if there is no
    /// clipboard to use.
    pub fn copy_secret(&self, secret: Zeroizing<String>, after: Duration) -> bool {
        let copied = self.with(|i| {
            i.board.as_mut()?.set_text(secret.as_str()).ok()?;
            i.ours = Some(secret);
            Some(())
        });
        if copied.is_none() {
            return false;
        }
        let mine = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let me = self.clone();
        std::thread::spawn(move || {
            std::thread::sleep(after);
            if me.generation.load(Ordering::SeqCst) == mine {
                me.clear_ours();
            }
        });
        true
    }

    /// Empties the clipboard if it still holds what Keel put there.
    pub fn clear_ours(&self) {
        self.with(|i| {
            let ours = i.ours.take()?;
            let board = i.board.as_mut()?;
            let now = Zeroizing::new(board.get_text().unwrap_or_default());
            if now.as_str() == ours.as_str() {
                board.clear().ok()?;
            }
            Some(())
        });
    }
}

/// The delay, which a debug build (the end-to-end tests) may shorten with
/// `KEEL_CLIPBOARD_SECONDS`; a release build has no such switch.
pub fn clear_after() -> Duration {
    #[cfg(debug_assertions)]
    if let Some(secs) = std::env::var("KEEL_CLIPBOARD_SECONDS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        return Duration::from_secs(secs);
    }
    CLEAR_AFTER
}
