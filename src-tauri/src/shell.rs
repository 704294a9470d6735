//! The shell's one source of truth for the vault: open or locked, a recovery key waiting to be
//! confirmed, and an epoch that every change bumps. The page never decides whether it is
//! unlocked; it shows the newest status the shell sent (by epoch), so a lock that lands during
//! an unlock always wins.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use keel::clock::Clock;
use keel::commands::{self, PendingKey};
use keel::dto::{ErrorDto, VaultStatus};
use keel::{Error, Vault};

pub type Reply<T> = Result<T, ErrorDto>;

pub fn reply_err(e: Error) -> ErrorDto {
    ErrorDto::from(&e)
}

fn guard<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

#[derive(Default)]
struct Session {
    vault: Option<Vault>,
    /// A recovery key on screen and not yet in effect (dropped with the lock).
    pending: Option<PendingKey>,
    /// Bumped by every open, lock and confirmed key; carried by every status.
    epoch: u32,
}

pub struct Shell {
    pub path: PathBuf,
    session: Mutex<Session>,
    /// Wrong passphrases and recovery keys in a row. Held for the whole of a try, so the page
    /// cannot run guesses side by side either.
    attempts: Mutex<Attempts>,
    /// When the window last asked for something or reported the user: the shell's own idle
    /// lock counts from here, so a hung or throttled page cannot keep the key in memory.
    last_activity: Mutex<Instant>,
}

impl Shell {
    pub fn new(path: PathBuf) -> Shell {
        Shell {
            path,
            session: Mutex::new(Session::default()),
            attempts: Mutex::new(Attempts::default()),
            last_activity: Mutex::new(Instant::now()),
        }
    }

    pub fn touch(&self) {
        *guard(&self.last_activity) = Instant::now();
    }

    pub fn last_activity(&self) -> Instant {
        *guard(&self.last_activity)
    }

    pub fn status(&self) -> VaultStatus {
        let s = guard(&self.session);
        self.status_of(&s)
    }

    fn status_of(&self, s: &Session) -> VaultStatus {
        VaultStatus {
            exists: self.path.is_file(),
            unlocked: s.vault.is_some(),
            epoch: s.epoch,
        }
    }

    /// Whether the shell holds a secret the idle lock must drop.
    pub fn holds_secrets(&self) -> bool {
        let s = guard(&self.session);
        s.vault.is_some() || s.pending.is_some()
    }

    /// Runs an engine command on the unlocked vault.
    pub fn with<T>(&self, f: impl FnOnce(&mut Vault) -> keel::Result<T>) -> Reply<T> {
        self.on_vault(f).map_err(reply_err)
    }

    /// Runs `f` on the vault if it is open, without counting as activity (the reminder timer
    /// reads the schedule; that must not keep Keel from locking when idle).
    pub fn peek<T>(&self, f: impl FnOnce(&mut Vault) -> keel::Result<T>) -> Option<T> {
        let mut s = guard(&self.session);
        s.vault.as_mut().and_then(|v| f(v).ok())
    }

    fn on_vault<T>(&self, f: impl FnOnce(&mut Vault) -> keel::Result<T>) -> keel::Result<T> {
        self.touch();
        let mut s = guard(&self.session);
        f(s.vault.as_mut().ok_or(Error::VaultLocked)?)
    }

    /// `with` for a command that checks the passphrase: counted as a guess.
    pub fn guess_with<T>(&self, f: impl FnOnce(&mut Vault) -> keel::Result<T>) -> Reply<T> {
        self.guess(|| self.on_vault(f))
    }

    /// Runs `f`, which tries a passphrase or recovery key, unless the user must wait after
    /// wrong ones; a wrong one makes the next wait longer, a right one clears the count.
    pub fn guess<T>(&self, f: impl FnOnce() -> keel::Result<T>) -> Reply<T> {
        self.touch();
        let mut attempts = guard(&self.attempts);
        if let Some(wait) = attempts.wait(Instant::now()) {
            return Err(reply_err(Error::TryAgainLater {
                seconds: wait.as_secs_f64().ceil() as u32,
            }));
        }
        let result = f();
        match &result {
            Ok(_) => attempts.succeeded(),
            Err(Error::WrongPassphrase | Error::WrongRecoveryKey) => {
                attempts.failed(Instant::now())
            }
            Err(_) => {}
        }
        result.map_err(reply_err)
    }

    /// Opens a vault with `open` (a guess) and makes it the open one, unless a lock came in
    /// since the page last saw the state (`seen`, its epoch) or while opening: then nothing is
    /// opened and the status says locked. So a quick hide pressed after Unlock wins even when
    /// its call reaches the shell first. A failed open leaves whatever was open as it was.
    pub fn open(
        &self,
        seen: u32,
        open: impl FnOnce(&Path) -> keel::Result<Vault>,
    ) -> Reply<VaultStatus> {
        {
            let s = guard(&self.session);
            if s.epoch != seen {
                return Ok(self.status_of(&s));
            }
        }
        let vault = self.guess(|| open(&self.path))?;
        let mut s = guard(&self.session);
        if s.epoch == seen {
            s.vault = Some(vault);
            s.pending = None;
            s.epoch = s.epoch.wrapping_add(1);
        } else {
            vault.lock();
        }
        Ok(self.status_of(&s))
    }

    /// Keeps `pending` until the user confirms it (or the vault locks).
    pub fn hold(&self, pending: PendingKey) {
        guard(&self.session).pending = Some(pending);
    }

    /// Runs `f` on the pending key (to copy it, say); `None` if there is none.
    pub fn with_pending<T>(&self, f: impl FnOnce(&PendingKey) -> T) -> Option<T> {
        guard(&self.session).pending.as_ref().map(f)
    }

    /// Step two of a new key: if `typed` is group `group` of it, it takes effect (a new vault is
    /// written and opened, or the open one gets it). Until then it stays pending and nothing
    /// changed.
    pub fn confirm(&self, group: u32, typed: &str, clock: Arc<dyn Clock>) -> Reply<VaultStatus> {
        self.touch();
        let mut s = guard(&self.session);
        let Session { vault, pending, .. } = &mut *s;
        let p = pending
            .as_ref()
            .ok_or_else(|| reply_err(Error::VaultLocked))?;
        let opened = commands::confirm_pending(&self.path, p, vault.as_mut(), group, typed, clock)
            .map_err(reply_err)?;
        if let Some(v) = opened {
            s.vault = Some(v);
        }
        s.pending = None;
        s.epoch = s.epoch.wrapping_add(1);
        Ok(self.status_of(&s))
    }

    /// Drops the vault and any pending key: the data key and every decrypted record go with
    /// them. Every lock bumps the epoch, so an unlock already under way does not reopen it.
    pub fn lock(&self) -> VaultStatus {
        let mut s = guard(&self.session);
        if let Some(v) = s.vault.take() {
            v.lock();
        }
        s.pending = None;
        s.epoch = s.epoch.wrapping_add(1);
        self.status_of(&s)
    }

    /// Locks, then runs `f` while still holding the session, so no unlock can open the vault
    /// file until `f` is done (a restore replaces that file).
    pub fn locked_while<T>(&self, f: impl FnOnce() -> T) -> (VaultStatus, T) {
        let mut s = guard(&self.session);
        if let Some(v) = s.vault.take() {
            v.lock();
        }
        s.pending = None;
        s.epoch = s.epoch.wrapping_add(1);
        let out = f();
        (self.status_of(&s), out)
    }

    /// Drops a pending key without locking (its screen was left, or the passphrase changed).
    pub fn drop_pending(&self) {
        guard(&self.session).pending = None;
    }

    pub fn settings_path(&self) -> PathBuf {
        self.path.with_file_name("settings.json")
    }
}

/// Wrong passphrases or recovery keys in a row, and when the next try may be read.
#[derive(Debug, Default)]
pub struct Attempts {
    failures: u32,
    not_before: Option<Instant>,
}

/// Tries that are read at once, however wrong: typos happen.
pub const FREE_TRIES: u32 = 3;
/// The longest wait between tries.
pub const MAX_WAIT: Duration = Duration::from_secs(300);

impl Attempts {
    /// How long to wait after `failures` wrong tries in a row: nothing for the first few, then
    /// 1 s, doubling, up to five minutes.
    pub fn delay(failures: u32) -> Duration {
        if failures < FREE_TRIES {
            return Duration::ZERO;
        }
        let doublings = (failures - FREE_TRIES).min(16);
        Duration::from_secs(1u64 << doublings).min(MAX_WAIT)
    }

    /// How long until the next try may be read, if it must wait.
    pub fn wait(&self, now: Instant) -> Option<Duration> {
        let until = self.not_before?;
        (until > now).then(|| until - now)
    }

    pub fn failed(&mut self, now: Instant) {
        self.failures = self.failures.saturating_add(1);
        let delay = Attempts::delay(self.failures);
        self.not_before = (!delay.is_zero()).then(|| now + delay);
    }

    pub fn succeeded(&mut self) {
        *self = Attempts::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use keel::clock::SystemClock;
    use keel::crypto::Passphrase;

    const PASS: &str = "a passphrase for the shell";

    fn unlock(p: &Path, pass: &str) -> keel::Result<Vault> {
        commands::unlock(p, &Passphrase::from(pass), Arc::new(SystemClock))
    }

    /// A shell over a new journal, unlocked.
    fn open_shell() -> (tempfile::TempDir, Shell) {
        let dir = tempfile::tempdir().unwrap();
        let shell = Shell::new(dir.path().join("keel.db"));
        let pending = commands::prepare_create(&shell.path, Passphrase::from(PASS)).unwrap();
        let typed = pending.groups()[1].clone();
        shell.hold(pending);
        let status = shell.confirm(2, &typed, Arc::new(SystemClock)).unwrap();
        assert!(status.exists && status.unlocked);
        (dir, shell)
    }

    fn is_open(s: &Shell) -> bool {
        s.with(|v| commands::skills(v, false)).is_ok()
    }

    #[test]
    fn a_failed_unlock_never_drops_the_open_vault() {
        let (_d, s) = open_shell();
        let err = s
            .open(s.status().epoch, |p| unlock(p, "not the passphrase"))
            .unwrap_err();
        assert_eq!(err.code, "WrongPassphrase");
        assert!(s.status().unlocked);
        assert!(is_open(&s), "the running session goes on");
    }

    #[test]
    fn a_lock_that_lands_during_an_unlock_wins() {
        let (_d, s) = open_shell();
        s.lock();
        let before = s.status().epoch;
        let status = s
            .open(before, |p| {
                // Quick hide, while the key is being derived.
                s.lock();
                unlock(p, PASS)
            })
            .unwrap();
        assert!(!status.unlocked, "the reply says locked");
        assert!(
            status.epoch > before,
            "newer than the status before the unlock"
        );
        assert!(!s.status().unlocked);
        assert!(!is_open(&s));
    }

    #[test]
    fn a_lock_that_reached_the_shell_before_the_unlock_still_wins() {
        let (_d, s) = open_shell();
        let seen = s.lock().epoch;
        // The page asked to unlock having seen `seen`; its quick hide got here first.
        s.lock();
        let mut read = false;
        let status = s
            .open(seen, |p| {
                read = true;
                unlock(p, PASS)
            })
            .unwrap();
        assert!(!status.unlocked && !s.status().unlocked);
        assert!(!read, "the passphrase is not even tried");
    }

    #[test]
    fn every_open_and_lock_makes_a_newer_status() {
        let (_d, s) = open_shell();
        let a = s.status().epoch;
        let b = s.lock().epoch;
        let c = s.open(b, |p| unlock(p, PASS)).unwrap().epoch;
        assert!(a < b && b < c, "{a} {b} {c}");
    }

    #[test]
    fn after_three_wrong_tries_the_next_is_not_even_read() {
        let (_d, s) = open_shell();
        let seen = s.lock().epoch;
        for _ in 0..3 {
            assert_eq!(
                s.open(seen, |p| unlock(p, "wrong wrong")).unwrap_err().code,
                "WrongPassphrase"
            );
        }
        let mut read = false;
        let err = s
            .open(seen, |p| {
                read = true;
                unlock(p, PASS)
            })
            .unwrap_err();
        assert_eq!(err.code, "TryAgainLater");
        assert_eq!(err.wait_seconds, Some(1));
        assert!(!read, "the passphrase was not tried during the wait");
        std::thread::sleep(Duration::from_millis(1050));
        assert!(s.open(seen, |p| unlock(p, PASS)).unwrap().unlocked);
    }

    #[test]
    fn a_wrong_group_leaves_the_key_pending_and_a_lock_drops_it() {
        let dir = tempfile::tempdir().unwrap();
        let s = Shell::new(dir.path().join("keel.db"));
        let pending = commands::prepare_create(&s.path, Passphrase::from(PASS)).unwrap();
        let right = pending.groups()[0].clone();
        s.hold(pending);
        let err = s.confirm(1, "WRONG", Arc::new(SystemClock)).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("group"));
        assert!(!s.path.exists());
        assert!(s.holds_secrets(), "still pending");
        s.lock();
        assert!(!s.holds_secrets());
        let err = s.confirm(1, &right, Arc::new(SystemClock)).unwrap_err();
        assert_eq!(err.code, "VaultLocked", "nothing left to confirm");
        assert!(!s.path.exists(), "and nothing was written");
    }

    #[test]
    fn the_first_wrong_tries_are_free_then_each_wait_doubles_up_to_five_minutes() {
        let waits: Vec<u64> = (1..=14).map(|f| Attempts::delay(f).as_secs()).collect();
        assert_eq!(
            waits,
            [0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]
        );
        assert_eq!(Attempts::delay(u32::MAX), MAX_WAIT);
    }

    #[test]
    fn a_try_inside_the_wait_is_refused_and_a_right_one_clears_the_count() {
        let t0 = Instant::now();
        let mut a = Attempts::default();
        for _ in 0..3 {
            assert_eq!(a.wait(t0), None, "no wait before the third wrong try");
            a.failed(t0);
        }
        assert_eq!(a.wait(t0), Some(Duration::from_secs(1)));
        assert_eq!(
            a.wait(t0 + Duration::from_millis(999)),
            Some(Duration::from_millis(1))
        );
        assert_eq!(a.wait(t0 + Duration::from_secs(1)), None);
        a.failed(t0 + Duration::from_secs(1));
        assert_eq!(
            a.wait(t0 + Duration::from_secs(1)),
            Some(Duration::from_secs(2))
        );
        a.succeeded();
        assert_eq!(a.wait(t0 + Duration::from_secs(1)), None);
        a.failed(t0);
        assert_eq!(a.wait(t0), None, "the count starts again after a right one");
    }
}
