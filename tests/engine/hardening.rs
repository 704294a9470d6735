//! The vault as an attacker with the file, or another account on the machine, would approach
//! it: file modes, a forged manifest, a hostile header or row, an inflated KDF, rotation that
//! must revoke, Unicode passphrases, and races between processes.

use keel::commands;
use keel::crypto::Passphrase;
use keel::dto::*;
use keel::{Error, Vault};

use crate::support::*;

// ---- 1. private files ---------------------------------------------------------------------

#[cfg(unix)]
fn mode(p: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn the_vault_folder_is_0700_and_every_file_0600_whatever_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("data");
    let path = folder.join("vault.keel");
    // Tests run with the usual umask (022), under which new files would be 0644.
    let mut v = new_vault(&path);
    journal(&mut v, "x");
    keel::settings::save(&folder.join("settings.json"), &Settings::default()).unwrap();
    assert_eq!(mode(&folder), 0o700, "the folder Keel made is private");
    for name in [
        "vault.keel",
        "vault.keel-wal",
        "vault.keel-shm",
        "settings.json",
    ] {
        let p = folder.join(name);
        assert!(p.exists(), "{name} exists while the vault is open");
        assert_eq!(mode(&p), 0o600, "{name} is readable by its owner only");
    }
}

#[cfg(unix)]
#[test]
fn opening_a_vault_repairs_the_modes_of_its_files() {
    use std::os::unix::fs::PermissionsExt;
    let (_d, path) = temp_vault();
    new_vault(&path).lock();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let settings = path.with_file_name("settings.json");
    std::fs::write(&settings, b"{}").unwrap();
    std::fs::set_permissions(&settings, std::fs::Permissions::from_mode(0o644)).unwrap();
    let mut v = reopen(&path);
    assert_eq!(
        mode(&settings),
        0o600,
        "settings an older build left readable are repaired"
    );
    journal(&mut v, "x");
    assert_eq!(mode(&path), 0o600, "the vault's mode is repaired on open");
    let wal = path.with_file_name("vault.keel-wal");
    assert_eq!(mode(&wal), 0o600, "and its WAL follows it");
}

// ---- 2. the manifest cannot be forged -------------------------------------------------------

/// Rebuilds the records table without its UNIQUE constraint, as someone with the file could.
fn drop_unique(path: &std::path::Path) {
    raw(path)
        .execute_batch(
            "CREATE TABLE r2 (slot INTEGER PRIMARY KEY, id BLOB NOT NULL, revision INTEGER NOT NULL,
                              sealed BLOB NOT NULL) STRICT;
             INSERT INTO r2 SELECT * FROM records;
             DROP TABLE records;
             ALTER TABLE r2 RENAME TO records;",
        )
        .unwrap();
}

#[test]
fn a_records_table_rebuilt_outside_keel_is_refused() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    journal(&mut v, "x");
    v.lock();
    drop_unique(&path);
    match Vault::unlock(&path, &pass(), noon()) {
        Err(Error::VaultDamaged { .. }) => {}
        other => panic!("a table without its UNIQUE constraint is damage, got {other:?}"),
    }
}

#[test]
fn two_copies_of_an_old_row_do_not_cancel_out_in_the_manifest() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    let r = journal(&mut v, "first words");
    let id = keel::model::RecordId::parse(&r.id).unwrap();
    let old = rows(&path).into_iter().find(|x| x.0 == id.0).unwrap();
    commands::update(
        &mut v,
        UpdateRecord {
            id: r.id.clone(),
            at: None,
            body: BodyDto::Journal(JournalDto {
                text: "second words".into(),
                ..Default::default()
            }),
        },
    )
    .unwrap();
    v.lock();
    // Hide the UNIQUE index from SQLite (the schema text stays as Keel wrote it), add two
    // copies of revision 1, whose terms cancel in an XOR, then put the index entry back.
    let index: (String, String, String, i64, String) = raw(&path)
        .query_row(
            "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema
             WHERE name = 'sqlite_autoindex_records_1'",
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                ))
            },
        )
        .unwrap();
    let table_sql: String = raw(&path)
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'records'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let c = raw(&path);
    c.execute_batch("PRAGMA writable_schema = ON").unwrap();
    c.execute(
        "UPDATE sqlite_schema SET sql = ?1 WHERE name = 'records'",
        [table_sql.replace("NOT NULL UNIQUE", "NOT NULL")],
    )
    .unwrap();
    c.execute_batch(
        "DELETE FROM sqlite_schema WHERE name = 'sqlite_autoindex_records_1';
         PRAGMA writable_schema = OFF;",
    )
    .unwrap();
    drop(c);
    let c = raw(&path);
    for _ in 0..2 {
        c.execute(
            "INSERT INTO records (slot, id, revision, sealed) VALUES (random(), ?1, ?2, ?3)",
            rusqlite::params![old.0, old.1, old.2],
        )
        .unwrap();
    }
    c.execute_batch("PRAGMA writable_schema = ON").unwrap();
    c.execute(
        "UPDATE sqlite_schema SET sql = ?1 WHERE name = 'records'",
        [&table_sql],
    )
    .unwrap();
    c.execute(
        "INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES (?1, ?2, ?3, ?4, NULL)",
        rusqlite::params![index.0, index.1, index.2, index.3],
    )
    .unwrap();
    c.execute_batch("PRAGMA writable_schema = OFF").unwrap();
    drop(c);
    let mut v = reopen(&path);
    assert!(!v.manifest_ok(), "duplicate ids are a mismatch");
    let report = commands::verify(&mut v).unwrap();
    assert!(!report.manifest_ok, "verify says the set was changed");
    assert!(
        report.damaged.contains(&r.id),
        "the id on several rows is not trusted either way: {report:?}"
    );
    assert!(
        commands::get(&mut v, &r.id).is_err(),
        "no copy of it wins silently"
    );
}

#[test]
fn a_vault_emptied_of_rows_and_manifest_is_not_an_empty_vault() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    journal(&mut v, "x");
    v.lock();
    raw(&path)
        .execute_batch("DELETE FROM records; DELETE FROM manifest;")
        .unwrap();
    let mut v = reopen(&path);
    assert!(
        !v.manifest_ok(),
        "rows and manifest both gone is a mismatch"
    );
    assert!(!commands::verify(&mut v).unwrap().manifest_ok);
}

#[test]
fn the_manifest_holds_nothing_in_clear_that_lets_one_entry_be_removed() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    journal(&mut v, "keep");
    let manifest_before: Vec<Vec<u8>> = manifest_blobs(&path);
    let r = journal(&mut v, "the one to remove");
    let manifest_after: Vec<Vec<u8>> = manifest_blobs(&path);
    v.lock();
    // With a digest in clear, before XOR after = HMAC(id, 1): xoring it back and deleting the
    // row would go unnoticed. Do exactly that to every blob the manifest table holds.
    let c = raw(&path);
    for (b, a) in manifest_before.iter().zip(&manifest_after) {
        if a.len() == b.len() {
            let forged: Vec<u8> = a.iter().zip(b).map(|(x, y)| x ^ y ^ x).collect();
            c.execute(
                "UPDATE manifest SET digest = ?1 WHERE digest = ?2",
                rusqlite::params![forged, a],
            )
            .ok();
        }
    }
    let id = keel::model::RecordId::parse(&r.id).unwrap();
    c.execute("DELETE FROM records WHERE id = ?1", [&id.0[..]])
        .unwrap();
    drop(c);
    let v = reopen(&path);
    assert!(!v.manifest_ok(), "the removal is seen");
}

fn manifest_blobs(path: &std::path::Path) -> Vec<Vec<u8>> {
    let c = raw(path);
    let mut s = c.prepare("SELECT * FROM manifest").unwrap();
    let n = s.column_count();
    s.query_map([], |r| {
        Ok((0..n)
            .filter_map(|i| r.get::<_, Vec<u8>>(i).ok())
            .collect::<Vec<_>>())
    })
    .unwrap()
    .flat_map(|r| r.unwrap())
    .collect()
}

#[test]
fn a_trigger_view_or_table_keel_did_not_create_is_refused() {
    for sql in [
        "CREATE TRIGGER t AFTER INSERT ON records BEGIN DELETE FROM records; END;",
        "CREATE VIEW v AS SELECT * FROM records;",
        "CREATE TABLE extra (x);",
        "CREATE INDEX i ON records (revision);",
    ] {
        let (_d, path) = temp_vault();
        new_vault(&path).lock();
        raw(&path).execute_batch(sql).unwrap();
        match Vault::unlock(&path, &pass(), noon()) {
            Err(Error::VaultDamaged { .. }) => {}
            other => panic!("{sql} is refused as damage, got {other:?}"),
        }
    }
}

#[test]
fn a_recovery_wrap_changed_outside_keel_is_noticed_and_a_new_recovery_key_mends_it() {
    let (_d, path) = temp_vault();
    new_vault(&path).lock();
    let wrap: Vec<u8> = raw(&path)
        .query_row("SELECT recovery_wrap FROM vault_header", [], |r| r.get(0))
        .unwrap();
    let mut bad = wrap.clone();
    bad[20] ^= 1;
    raw(&path)
        .execute("UPDATE vault_header SET recovery_wrap = ?1", [&bad])
        .unwrap();
    let mut v = reopen(&path);
    assert!(
        !commands::health(&v).recovery_key_ok,
        "the passphrase still opens it, but the recovery key may not: say so"
    );
    assert!(!commands::verify(&mut v).unwrap().recovery_key_ok);
    assert!(
        commands::health(&v).manifest_ok,
        "the entries themselves are fine"
    );
    let key = commands::new_recovery_key(&mut v, &pass()).unwrap();
    assert!(
        commands::health(&v).recovery_key_ok,
        "a new recovery key mends it"
    );
    v.lock();
    let v = reopen(&path);
    assert!(commands::health(&v).recovery_key_ok, "and stays mended");
    v.lock();
    Vault::recover(&path, &key.join("-"), &pass(), noon()).expect("the new key works");
}

// ---- 4. a hostile header or row ---------------------------------------------------------------

#[test]
fn a_negative_schema_version_is_damage_not_a_panic() {
    let (_d, path) = temp_vault();
    new_vault(&path).lock();
    raw(&path)
        .execute_batch("PRAGMA user_version = -1")
        .unwrap();
    match Vault::unlock(&path, &pass(), noon()) {
        Err(Error::VaultDamaged { .. }) => {}
        other => panic!("a negative schema version is damage, got {other:?}"),
    }
}

#[test]
fn a_malformed_row_is_reported_and_every_other_record_opens() {
    for sql in [
        "INSERT INTO records (slot, id, revision, sealed) VALUES (424242, x'00112233445566778899aabbccddee', 1, x'01')",
        "INSERT INTO records (slot, id, revision, sealed) VALUES (424242, x'00112233445566778899aabbccddeeff', -5, x'01')",
    ] {
        let (_d, path) = temp_vault();
        let mut v = new_vault(&path);
        let kept = journal(&mut v, "still here");
        v.lock();
        raw(&path).execute_batch(sql).unwrap();
        let mut v = Vault::unlock(&path, &pass(), noon())
            .unwrap_or_else(|e| panic!("{sql}: the vault still opens, got {e:?}"));
        assert!(
            commands::get(&mut v, &kept.id).is_ok(),
            "{sql}: the rest opens"
        );
        let report = commands::verify(&mut v).unwrap();
        assert_eq!(
            report.malformed_rows,
            vec![424242],
            "{sql}: named by its slot"
        );
        assert!(
            !report.manifest_ok,
            "{sql}: and the set is not what Keel saved"
        );
    }
}

// ---- 5. the KDF cannot be inflated ------------------------------------------------------------

#[test]
fn a_header_asking_for_more_than_a_gibibyte_or_ten_passes_is_refused_before_deriving() {
    for (m, t) in [(2 * 1024 * 1024, 3), (64 * 1024, 11)] {
        let (_d, path) = temp_vault();
        new_vault(&path).lock();
        raw(&path)
            .execute(
                "UPDATE vault_header SET kdf_memory_kib = ?1, kdf_passes = ?2",
                [m, t],
            )
            .unwrap();
        match Vault::unlock(&path, &pass(), noon()) {
            Err(Error::VaultDamaged { .. }) => {}
            other => panic!("{m} KiB, {t} passes is refused, got {other:?}"),
        }
    }
}

#[test]
fn recover_and_change_passphrase_rewrap_with_keels_own_cost() {
    let (_d, path) = temp_vault();
    let (v, key) = Vault::create(
        &path,
        &pass(),
        noon(),
        keel::crypto::KdfParams {
            memory_kib: 96 * 1024,
            passes: 4,
            lanes: 1,
        },
    )
    .unwrap();
    v.lock();
    let cost = |p: &std::path::Path| -> (i64, i64) {
        raw(p)
            .query_row(
                "SELECT kdf_memory_kib, kdf_passes FROM vault_header",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    assert_eq!(cost(&path), (96 * 1024, 4));
    let new = Passphrase::from("another long passphrase");
    let v = Vault::recover(&path, &key.groups().join("-"), &new, noon()).unwrap();
    v.lock();
    assert_eq!(
        cost(&path),
        (64 * 1024, 3),
        "recover re-wraps at Keel's parameters"
    );
    raw(&path)
        .execute("UPDATE vault_header SET kdf_passes = 5", [])
        .ok();
    // The header is bound into the wrap: changing it makes the passphrase fail, so instead
    // raise the cost legitimately through create, as above, and check change_passphrase too.
    let (_d2, path2) = temp_vault();
    let (mut v, _k) = Vault::create(
        &path2,
        &pass(),
        noon(),
        keel::crypto::KdfParams {
            memory_kib: 96 * 1024,
            passes: 4,
            lanes: 1,
        },
    )
    .unwrap();
    v.change_passphrase(&pass(), &new).unwrap();
    v.lock();
    assert_eq!(cost(&path2), (64 * 1024, 3), "a passphrase change too");
}

// ---- 7. Unicode passphrases -------------------------------------------------------------------

#[test]
fn a_composed_and_a_decomposed_passphrase_open_the_same_vault() {
    let (_d, path) = temp_vault();
    let composed = Passphrase::from("caf\u{e9} au lait, s'il vous pla\u{ee}t");
    let decomposed = Passphrase::from("cafe\u{301} au lait, s'il vous plai\u{302}t");
    Vault::create(&path, &composed, noon(), keel::crypto::KdfParams::FLOOR)
        .unwrap()
        .0
        .lock();
    Vault::unlock(&path, &decomposed, noon())
        .expect("another input method's é opens it")
        .lock();
}

// ---- 9. races ---------------------------------------------------------------------------------

#[test]
fn recover_rereads_the_header_under_the_write_lock() {
    let (_d, path) = temp_vault();
    let (mut v, old_key) =
        Vault::create(&path, &pass(), noon(), keel::crypto::KdfParams::FLOOR).unwrap();
    let wrap = |p: &std::path::Path| -> Vec<u8> {
        raw(p)
            .query_row("SELECT recovery_wrap FROM vault_header", [], |r| r.get(0))
            .unwrap()
    };
    let old_wrap = wrap(&path);
    let new_key = v.new_recovery_key(&pass()).unwrap();
    let new_wrap = wrap(&path);
    v.lock();
    raw(&path)
        .execute("UPDATE vault_header SET recovery_wrap = ?1", [&old_wrap])
        .unwrap();
    // Another process revokes the old recovery key while our recover is under way: it holds
    // the write lock and swaps in the new key's wrap. Our recover must read the header under
    // the lock, see that, and refuse the old key, never write the old wrap back.
    let (ready_tx, ready_rx) = std::sync::mpsc::channel();
    let p = path.clone();
    let other = std::thread::spawn(move || {
        let c = raw(&p);
        c.execute_batch("BEGIN IMMEDIATE").unwrap();
        c.execute("UPDATE vault_header SET recovery_wrap = ?1", [&new_wrap])
            .unwrap();
        ready_tx.send(()).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(800));
        c.execute_batch("COMMIT").unwrap();
    });
    ready_rx.recv().unwrap();
    let result = Vault::recover(
        &path,
        &old_key.groups().join("-"),
        &Passphrase::from("a third long passphrase"),
        noon(),
    );
    other.join().unwrap();
    match result {
        Err(Error::WrongRecoveryKey) => {}
        other => panic!(
            "the revoked key is refused once the other change is seen, got {:?}",
            other.map(|_| "a vault")
        ),
    }
    Vault::recover(
        &path,
        &new_key.groups().join("-"),
        &Passphrase::from("a fourth long passphrase"),
        noon(),
    )
    .expect("the newest recovery key works");
}

#[test]
fn a_vault_made_before_passphrases_were_normalised_still_opens_and_then_takes_either_form() {
    // Made by commit 5eb7a09, which derived the key from the passphrase exactly as typed, and
    // typed in decomposed form (tests/fixtures/golden/v1-nfd-passphrase).
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/golden/v1-nfd-passphrase");
    let (_d, path) = temp_vault();
    std::fs::copy(fixture.join("vault.keel"), &path).unwrap();
    let id = std::fs::read_to_string(fixture.join("id.txt")).unwrap();
    let decomposed = Passphrase::from("cafe\u{301} au lait, s'il vous plai\u{302}t");
    let composed = Passphrase::from("caf\u{e9} au lait, s'il vous pla\u{ee}t");
    match Vault::unlock(&path, &composed, noon()) {
        Err(Error::WrongPassphrase) => {}
        other => panic!(
            "before its first unlock here only the form it was made with opens it, got {:?}",
            other.map(|_| "a vault")
        ),
    }
    let mut v = Vault::unlock(&path, &decomposed, noon()).expect("the form it was made with");
    assert!(commands::get(&mut v, id.trim()).is_ok(), "its entry opens");
    v.lock();
    let mut v = Vault::unlock(&path, &composed, noon()).expect("re-wrapped: now either form");
    assert!(commands::get(&mut v, id.trim()).is_ok());
}

// ---- 6. rotation that revokes -------------------------------------------------------------------

#[test]
fn rekey_reseals_everything_and_old_copies_and_secrets_open_nothing_written_after() {
    let (dir, path) = temp_vault();
    let (mut v, old_key) =
        Vault::create(&path, &pass(), noon(), keel::crypto::KdfParams::FLOOR).unwrap();
    let before = journal(&mut v, "written before the re-key");
    let foreign = v
        .write_foreign_payload(br#"{"created":"2027-03-01T09:00:00+01:00","updated":"2027-03-01T09:00:00+01:00","at":"2027-03-01T09:00:00+01:00","v":1,"body":{"urge_surf":{"peak":7}}}"#)
        .unwrap()
        .to_string();
    let listed_before = commands::list(&mut v, ListQuery::default()).unwrap();
    let rows_before = rows(&path);
    // An old copy of the file, as a backup or a synced folder would keep it.
    let old_copy = dir.path().join("old-copy.keel");
    v.lock();
    std::fs::copy(&path, &old_copy).unwrap();
    let mut v = reopen(&path);

    let new_key = commands::rekey(&mut v, &pass()).unwrap();
    assert_ne!(new_key, old_key.groups(), "a new recovery key");
    let after = journal(&mut v, "written after the re-key");
    let mut listed_after = commands::list(&mut v, ListQuery::default())
        .unwrap()
        .records;
    listed_after.retain(|r| r.id != after.id);
    assert_eq!(
        listed_after, listed_before.records,
        "every record reads as before"
    );
    let rows_after = rows(&path);
    for (id, rev, sealed) in &rows_before {
        let now = rows_after.iter().find(|r| &r.0 == id).unwrap();
        assert_eq!(now.1, *rev, "the revision is kept");
        assert_ne!(&now.2, sealed, "but every row is sealed afresh");
    }
    assert!(commands::verify(&mut v).unwrap().manifest_ok);
    v.lock();

    // The passphrase still opens the vault; the old recovery key does not; the new one does.
    let mut v = reopen(&path);
    assert!(matches!(
        commands::get(&mut v, &foreign).unwrap().body,
        BodyDto::Unknown(_)
    ));
    v.lock();
    match Vault::recover(&path, &old_key.groups().join("-"), &pass(), noon()) {
        Err(Error::WrongRecoveryKey) => {}
        other => panic!(
            "the old recovery key is revoked, got {:?}",
            other.map(|_| "a vault")
        ),
    }
    Vault::recover(&path, &new_key.join("-"), &pass(), noon()).expect("the new one works");

    // Someone with the old copy and the old secrets takes the current rows into it: what was
    // written after the re-key does not open, nor anything re-sealed.
    let c = raw(&old_copy);
    c.execute("DELETE FROM records", []).unwrap();
    for (id, rev, sealed) in rows(&path) {
        c.execute(
            "INSERT INTO records (slot, id, revision, sealed) VALUES (random(), ?1, ?2, ?3)",
            rusqlite::params![id, rev, sealed],
        )
        .unwrap();
    }
    drop(c);
    let mut old = Vault::unlock(&old_copy, &pass(), noon()).expect("the old copy's own header");
    for id in [&after.id, &before.id] {
        match commands::get(&mut old, id) {
            Err(Error::RecordTampered { .. }) => {}
            other => panic!("{id} does not open under the old key, got {other:?}"),
        }
    }
}
