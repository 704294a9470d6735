//! Fuzzes header and row parsing on real vault files: each case takes a vault with records of
//! every kind, changes its header fields, schema version, record rows or manifest through
//! SQLite (as someone with the file would, not random bytes that are never a database), then
//! unlocks and verifies it. Nothing may panic; every outcome is a clean error or an open vault
//! that reports the change. A short run here; `bench/fuzz.sh` runs a long one
//! (`KEEL_FUZZ_CASES`).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use keel::commands;
use keel::dto::NewRecord;
use keel::{Error, Vault};

use crate::support::*;

/// xorshift64*: deterministic per seed, so a failing case can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        from[self.below(from.len() as u64) as usize]
    }
    fn blob(&mut self, max: u64) -> Vec<u8> {
        (0..self.below(max + 1))
            .map(|_| self.next() as u8)
            .collect()
    }
}

const INTS: &[i64] = &[
    i64::MIN,
    -1,
    0,
    1,
    2,
    3,
    4,
    7,
    8,
    9,
    10,
    11,
    16,
    17,
    1023,
    65_535,
    65_536,
    1_048_576,
    1_048_577,
    4_194_304,
    i32::MAX as i64,
    u32::MAX as i64,
    1 << 32,
    i64::MAX,
];

const HEADER_INTS: &[&str] = &[
    "format_version",
    "kdf_memory_kib",
    "kdf_passes",
    "kdf_lanes",
];
const HEADER_BLOBS: &[&str] = &["vault_id", "salt", "passphrase_wrap", "recovery_wrap"];

fn flip(rng: &mut Rng, mut b: Vec<u8>) -> Vec<u8> {
    if b.is_empty() {
        return vec![rng.next() as u8];
    }
    match rng.below(3) {
        0 => {
            let i = rng.below(b.len() as u64) as usize;
            b[i] ^= 1 << rng.below(8);
        }
        1 => b.truncate(rng.below(b.len() as u64) as usize),
        _ => b.extend(rng.blob(8)),
    }
    b
}

/// One change through SQLite; returns what it did, or `None` if it changed nothing.
fn mutate(rng: &mut Rng, path: &Path) -> Option<String> {
    let c = raw(path);
    let slots: Vec<i64> = c
        .prepare("SELECT slot FROM records")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let slot = rng.pick(&slots);
    let changed = |sql: &str, p: &[&dyn rusqlite::ToSql]| c.execute(sql, p).unwrap_or(0) > 0;
    match rng.below(10) {
        0 => {
            let col = rng.pick(HEADER_INTS);
            let v = rng.pick(INTS);
            let sql = format!("UPDATE vault_header SET {col} = ?1 WHERE {col} != ?1");
            changed(&sql, &[&v]).then(|| format!("header {col} = {v}"))
        }
        1 => {
            let col = rng.pick(HEADER_BLOBS);
            let old: Vec<u8> = c
                .query_row(&format!("SELECT {col} FROM vault_header"), [], |r| r.get(0))
                .unwrap();
            let new = if rng.below(2) == 0 {
                flip(rng, old.clone())
            } else {
                rng.blob(80)
            };
            (new != old && changed(&format!("UPDATE vault_header SET {col} = ?1"), &[&new]))
                .then(|| format!("header {col} changed"))
        }
        2 => {
            let v = rng.pick(&[-5i64, -1, 0, 1, 3, 100, i32::MAX as i64]);
            c.execute_batch(&format!("PRAGMA user_version = {v}"))
                .unwrap();
            (v != keel::store::MIGRATIONS.len() as i64).then(|| format!("user_version = {v}"))
        }
        3 => {
            let id = rng.blob(20);
            changed(
                "UPDATE records SET id = ?1 WHERE slot = ?2 AND id != ?1",
                &[&id, &slot],
            )
            .then(|| format!("row {slot} id = {} bytes", id.len()))
        }
        4 => {
            let v = rng.pick(INTS);
            changed(
                "UPDATE records SET revision = ?1 WHERE slot = ?2 AND revision != ?1",
                &[&v, &slot],
            )
            .then(|| format!("row {slot} revision = {v}"))
        }
        5 | 6 => {
            let old: Vec<u8> = c
                .query_row("SELECT sealed FROM records WHERE slot = ?1", [slot], |r| {
                    r.get(0)
                })
                .unwrap();
            let new = flip(rng, old.clone());
            (new != old
                && changed(
                    "UPDATE records SET sealed = ?1 WHERE slot = ?2",
                    &[&new, &slot],
                ))
            .then(|| format!("row {slot} sealed changed"))
        }
        7 => changed("DELETE FROM records WHERE slot = ?1", &[&slot])
            .then(|| format!("row {slot} deleted")),
        8 => {
            let old: Option<Vec<u8>> = c
                .query_row("SELECT sealed FROM sealed_manifest", [], |r| r.get(0))
                .ok();
            match old {
                Some(old) if rng.below(2) == 0 => {
                    let new = flip(rng, old.clone());
                    (new != old && changed("UPDATE sealed_manifest SET sealed = ?1", &[&new]))
                        .then(|| "manifest changed".to_owned())
                }
                _ => changed("DELETE FROM sealed_manifest", &[])
                    .then(|| "manifest deleted".to_owned()),
            }
        }
        _ => {
            // Another row's sealed bytes in this row: a swap a file editor could make.
            let other = rng.pick(&slots);
            (other != slot
                && changed(
                    "UPDATE records SET sealed = (SELECT sealed FROM records WHERE slot = ?1)
                     WHERE slot = ?2",
                    &[&other, &slot],
                ))
            .then(|| format!("row {slot} given row {other}'s ciphertext"))
        }
    }
}

/// The outcome of unlocking and verifying a mutated vault, as a short label.
fn outcome(path: &Path) -> String {
    match Vault::unlock(path, &pass(), noon()) {
        Err(e) => e.code().as_str().to_owned(),
        Ok(mut v) => {
            let page = commands::list(&mut v, Default::default()).expect("a list after unlock");
            let r = commands::verify(&mut v).expect("a verify after unlock");
            let told = !r.damaged.is_empty()
                || !r.malformed_rows.is_empty()
                || !r.manifest_ok
                || !r.recovery_key_ok
                || !r.database_ok
                || !page.damaged.is_empty();
            if told {
                "opened, change reported"
            } else {
                "opened as if untouched"
            }
            .to_owned()
        }
    }
}

/// A vault with records of every kind, made once and copied for each case.
fn template(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("template.keel");
    let mut v = new_vault(&path);
    for kind in keel::model::Kind::ALL {
        let (body, _) = crate::support::kinds::sample(*kind);
        commands::add(&mut v, NewRecord { at: None, body }).unwrap();
    }
    v.lock();
    path
}

#[test]
fn mutated_headers_rows_and_manifests_never_panic_and_never_pass_as_untouched() {
    let cases: u64 = std::env::var("KEEL_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48);
    let seed: u64 = std::env::var("KEEL_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5EED_CAFE);
    let dir = tempfile::tempdir().unwrap();
    let template = template(dir.path());
    let mut outcomes = std::collections::BTreeMap::<String, u64>::new();
    for case in 0..cases {
        let mut rng = Rng(seed ^ (case + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let path = dir.path().join(format!("case-{case}.keel"));
        std::fs::copy(&template, &path).unwrap();
        let changes: Vec<String> = (0..1 + rng.below(3))
            .filter_map(|_| mutate(&mut rng, &path))
            .collect();
        if changes.is_empty() {
            continue;
        }
        let got = catch_unwind(AssertUnwindSafe(|| outcome(&path)))
            .unwrap_or_else(|_| panic!("case {case} (seed {seed}) panicked after {changes:?}"));
        assert!(
            [
                "opened, change reported",
                Error::VaultDamaged { detail: "" }.code().as_str(),
                Error::WrongPassphrase.code().as_str(),
                Error::WeakKdfParameters.code().as_str(),
                Error::VaultFromNewerVersion {
                    found: 0,
                    supported: 0
                }
                .code()
                .as_str(),
            ]
            .contains(&got.as_str()),
            "case {case} (seed {seed}): {changes:?} gave {got}"
        );
        *outcomes.entry(got).or_default() += 1;
        for f in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{f}", path.display()));
        }
    }
    eprintln!("fuzz: {cases} cases, outcomes {outcomes:?}");
    assert!(
        outcomes.contains_key("opened, change reported") && outcomes.len() >= 3,
        "the cases reach past the header into the rows: {outcomes:?}"
    );
}
