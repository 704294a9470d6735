//! One Keel window per vault, with or without a session bus. The first launch holds a lock on a
//! file beside the vault for as long as it runs and listens on a socket there (the folder is the
//! user's own, 0700); a second launch finds the lock held, asks the first to come forward and
//! exits. Nothing here reads the environment, so an odd `DBUS_SESSION_BUS_ADDRESS` cannot stop
//! Keel from starting, and no other user's process can reach the socket.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// What a second launch sends.
const SHOW: &[u8] = b"show\n";

/// The running instance's claim: held until the process exits.
pub struct Claim {
    _lock: File,
    #[cfg(unix)]
    socket: Option<PathBuf>,
}

impl Drop for Claim {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(s) = &self.socket {
            let _ = std::fs::remove_file(s);
        }
    }
}

pub enum Start {
    /// This is the only Keel on this vault.
    First(Claim),
    /// Another Keel has the vault; it was asked to show its window (when it could be reached).
    Second { told: bool },
}

fn beside(vault: &Path, suffix: &str) -> PathBuf {
    let name = vault
        .file_name()
        .map_or_else(|| "keel".into(), |n| n.to_string_lossy().into_owned());
    vault.with_file_name(format!("{name}.{suffix}"))
}

/// Claims the vault for this process, or tells the one that has it to come forward.
/// `on_show` runs (on a listener thread) each time a later launch asks.
pub fn claim(vault: &Path, on_show: impl Fn() + Send + 'static) -> std::io::Result<Start> {
    if let Some(dir) = vault.parent().filter(|d| !d.as_os_str().is_empty()) {
        keel::fsx::private::create_dir(dir).map_err(std::io::Error::other)?;
    }
    let lock_path = beside(vault, "lock");
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let lock = opts.open(&lock_path)?;
    match lock.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            return Ok(Start::Second {
                told: tell_first(vault),
            });
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(e),
    }
    #[cfg(unix)]
    let socket = listen(&beside(vault, "sock"), on_show);
    #[cfg(not(unix))]
    let _ = on_show;
    Ok(Start::First(Claim {
        _lock: lock,
        #[cfg(unix)]
        socket,
    }))
}

#[cfg(unix)]
fn listen(path: &Path, on_show: impl Fn() + Send + 'static) -> Option<PathBuf> {
    use std::os::unix::net::UnixListener;
    // A socket left by a Keel that crashed: the lock says no one else is listening.
    let _ = std::fs::remove_file(path);
    let listener = UnixListener::bind(path).ok()?;
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut buf = [0u8; 8];
            let mut stream = stream;
            let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(2)));
            let n = stream.read(&mut buf).unwrap_or(0);
            if buf[..n] == *SHOW {
                on_show();
            }
        }
    });
    Some(path.to_owned())
}

#[cfg(unix)]
fn tell_first(vault: &Path) -> bool {
    std::os::unix::net::UnixStream::connect(beside(vault, "sock"))
        .and_then(|mut s| s.write_all(SHOW))
        .is_ok()
}

#[cfg(not(unix))]
fn tell_first(_vault: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn a_second_claim_on_the_same_vault_tells_the_first_and_a_later_one_succeeds() {
        let dir = tempfile::tempdir().unwrap();
        let vault = dir.path().join("keel.db");
        let shown = Arc::new(AtomicUsize::new(0));
        let s = shown.clone();
        let first = match claim(&vault, move || {
            s.fetch_add(1, Ordering::SeqCst);
        })
        .unwrap()
        {
            Start::First(c) => c,
            Start::Second { .. } => panic!("nothing held the vault"),
        };
        match claim(&vault, || {}).unwrap() {
            // Unix reaches the first through a socket; elsewhere the second only knows the
            // vault is held.
            Start::Second { told } => assert_eq!(told, cfg!(unix), "the first instance reached"),
            Start::First(_) => panic!("two claims on one vault"),
        }
        let asked = usize::from(cfg!(unix));
        for _ in 0..200 {
            if shown.load(Ordering::SeqCst) == asked {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(
            shown.load(Ordering::SeqCst),
            asked,
            "the first was asked to show"
        );
        drop(first);
        assert!(
            matches!(claim(&vault, || {}).unwrap(), Start::First(_)),
            "once the first is gone the vault can be claimed again"
        );
    }

    #[test]
    fn another_vault_is_another_instance() {
        let dir = tempfile::tempdir().unwrap();
        let a = claim(&dir.path().join("a.db"), || {}).unwrap();
        let b = claim(&dir.path().join("b.db"), || {}).unwrap();
        assert!(matches!((a, b), (Start::First(_), Start::First(_))));
    }

    #[cfg(unix)]
    #[test]
    fn the_lock_file_and_its_folder_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let vault = dir.path().join("data").join("keel.db");
        let _c = claim(&vault, || {}).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&vault.with_file_name("keel.db.lock")), 0o600);
        assert_eq!(mode(vault.parent().unwrap()), 0o700);
    }
}
