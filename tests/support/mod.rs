//! Shared by the test suites: temp vaults, a fixed clock, and raw access to the SQLite file
//! for tampering the way an attacker with the file would.
#![allow(dead_code)]

pub mod kinds;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use keel::clock::FixedClock;
use keel::crypto::Passphrase;

pub const PASS: &str = "correct horse battery staple";

pub fn pass() -> Passphrase {
    Passphrase::from(PASS)
}

pub fn clock(rfc3339: &str) -> Arc<FixedClock> {
    Arc::new(FixedClock(
        DateTime::<FixedOffset>::parse_from_rfc3339(rfc3339).unwrap(),
    ))
}

pub fn noon() -> Arc<FixedClock> {
    clock("2026-11-27T12:00:00-05:00")
}

/// A new vault at `path` with the test passphrase and the noon clock, unlocked.
pub fn new_vault(path: &Path) -> keel::Vault {
    keel::Vault::create(path, &pass(), noon(), keel::crypto::KdfParams::FLOOR)
        .unwrap()
        .0
}

/// Adds a journal entry with this text.
pub fn journal(v: &mut keel::Vault, text: &str) -> keel::dto::RecordDto {
    use keel::dto::{BodyDto, JournalDto, NewRecord};
    keel::commands::add(
        v,
        NewRecord {
            at: None,
            body: BodyDto::Journal(JournalDto {
                text: text.into(),
                ..Default::default()
            }),
        },
    )
    .unwrap()
}

/// Unlocks the vault at `path` with the test passphrase and the noon clock.
pub fn reopen(path: &Path) -> keel::Vault {
    keel::Vault::unlock(path, &pass(), noon()).unwrap()
}

/// A fresh temp dir and a vault path inside it (the vault is not created).
pub fn temp_vault() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault.keel");
    (dir, path)
}

/// Opens the vault file directly, as an attacker with the file could.
pub fn raw(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).unwrap()
}

pub fn rows(path: &Path) -> Vec<(Vec<u8>, i64, Vec<u8>)> {
    let c = raw(path);
    let mut s = c
        .prepare("SELECT id, revision, sealed FROM records")
        .unwrap();
    s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

pub fn set_sealed(path: &Path, id: &[u8], sealed: &[u8]) {
    raw(path)
        .execute(
            "UPDATE records SET sealed = ?2 WHERE id = ?1",
            rusqlite::params![id, sealed],
        )
        .unwrap();
}

pub fn hex(id: &[u8]) -> String {
    id.iter().map(|b| format!("{b:02x}")).collect()
}

/// Every file in `dir` (recursively) with its bytes.
pub fn files_under(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(b) = std::fs::read(&p) {
                out.push((p, b));
            }
        }
    }
    out
}

/// The marker in UTF-8, UTF-16LE and UTF-16BE.
pub fn encodings(marker: &str) -> Vec<Vec<u8>> {
    let le: Vec<u8> = marker
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let be: Vec<u8> = marker
        .encode_utf16()
        .flat_map(|u| u.to_be_bytes())
        .collect();
    vec![marker.as_bytes().to_vec(), le, be]
}

pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}
