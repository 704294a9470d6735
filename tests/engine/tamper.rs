use keel::commands;
use keel::dto::{BodyDto, JournalDto};
use keel::{Error, Vault};

use crate::support::*;

fn edit_journal(v: &mut Vault, id: &str, text: &str) {
    commands::update(
        v,
        keel::dto::UpdateRecord {
            id: id.to_owned(),
            at: None,
            body: BodyDto::Journal(JournalDto {
                text: text.into(),
                ..Default::default()
            }),
        },
    )
    .unwrap();
}

#[test]
fn wrong_passphrase_is_refused_and_leaves_the_vault_byte_for_byte_unchanged() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    journal(&mut v, "first");
    drop(v);
    let before = std::fs::read(&path).unwrap();
    let err = Vault::unlock(&path, &"not the passphrase".into(), noon()).unwrap_err();
    assert!(matches!(err, Error::WrongPassphrase), "got {err:?}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "a failed unlock must not write"
    );
    let mut v = Vault::unlock(&path, &pass(), noon()).expect("the right passphrase still opens it");
    assert_eq!(commands::list(&mut v, Default::default()).unwrap().total, 1);
}

#[test]
fn one_flipped_bit_in_nonce_ciphertext_or_tag_is_reported_by_id_and_the_rest_still_open() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    let ids: Vec<String> = (0..5)
        .map(|i| journal(&mut v, &format!("entry {i}")).id)
        .collect();
    drop(v);
    let victim = rows(&path)
        .into_iter()
        .find(|r| hex(&r.0) == ids[2])
        .unwrap();
    let len = victim.2.len();
    // version byte 0, nonce 1..13, ciphertext, tag in the last 16 bytes.
    for (what, pos) in [("nonce", 5), ("ciphertext", 40), ("tag", len - 3)] {
        let mut bad = victim.2.clone();
        bad[pos] ^= 0x04;
        set_sealed(&path, &victim.0, &bad);
        let mut v = Vault::unlock(&path, &pass(), noon()).expect("the vault still opens");
        let page = commands::list(&mut v, Default::default()).unwrap();
        assert_eq!(
            page.damaged,
            vec![ids[2].clone()],
            "a flipped {what} bit names the record"
        );
        assert_eq!(
            page.total, 4,
            "every other record opens after a flipped {what} bit"
        );
        let err = commands::get(&mut v, &ids[2]).unwrap_err();
        assert!(
            matches!(err, Error::RecordTampered { ref id } if *id == ids[2]),
            "{err:?}"
        );
        let report = commands::verify(&mut v).unwrap();
        assert_eq!(
            report.damaged,
            vec![ids[2].clone()],
            "verify names the {what} flip"
        );
        drop(v);
    }
    set_sealed(&path, &victim.0, &victim.2);
    let mut v = Vault::unlock(&path, &pass(), noon()).unwrap();
    assert!(
        commands::verify(&mut v).unwrap().damaged.is_empty(),
        "the original bytes open again"
    );
}

#[test]
fn a_ciphertext_copied_under_another_id_does_not_open() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    let a = journal(&mut v, "alpha").id;
    let b = journal(&mut v, "beta").id;
    drop(v);
    let all = rows(&path);
    let row_a = all.iter().find(|r| hex(&r.0) == a).unwrap();
    let row_b = all.iter().find(|r| hex(&r.0) == b).unwrap();
    set_sealed(&path, &row_b.0, &row_a.2);
    let mut v = Vault::unlock(&path, &pass(), noon()).unwrap();
    let err = commands::get(&mut v, &b).unwrap_err();
    assert!(
        matches!(err, Error::RecordTampered { .. }),
        "a swapped ciphertext must not open under another id, got {err:?}"
    );
    assert!(
        commands::get(&mut v, &a).is_ok(),
        "the original row still opens"
    );
}

#[test]
fn an_older_revision_put_back_does_not_open() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    let id = journal(&mut v, "version one").id;
    drop(v);
    let old = rows(&path).into_iter().find(|r| hex(&r.0) == id).unwrap();
    let mut v = Vault::unlock(&path, &pass(), noon()).unwrap();
    edit_journal(&mut v, &id, "version two");
    drop(v);
    set_sealed(&path, &old.0, &old.2);
    let mut v = Vault::unlock(&path, &pass(), noon()).unwrap();
    let err = commands::get(&mut v, &id).unwrap_err();
    assert!(
        matches!(err, Error::RecordTampered { .. }),
        "revision 1's ciphertext must not open as revision 2, got {err:?}"
    );
}

#[test]
fn a_header_with_weakened_kdf_parameters_is_refused() {
    for (column, value) in [
        ("kdf_memory_kib", 8 * 1024),
        ("kdf_passes", 1),
        ("kdf_lanes", 0),
    ] {
        let (_d, path) = temp_vault();
        drop(new_vault(&path));
        raw(&path)
            .execute(&format!("UPDATE vault_header SET {column} = ?1"), [value])
            .unwrap();
        let err = Vault::unlock(&path, &pass(), noon()).unwrap_err();
        assert!(
            matches!(err, Error::WeakKdfParameters),
            "{column} = {value} must be refused as a downgrade, got {err:?}"
        );
    }
}

#[test]
fn creating_with_parameters_below_the_floor_is_refused() {
    let (_d, path) = temp_vault();
    let weak = keel::crypto::KdfParams {
        memory_kib: 1024,
        passes: 1,
        lanes: 1,
    };
    let err = Vault::create(&path, &pass(), noon(), weak).unwrap_err();
    assert!(matches!(err, Error::WeakKdfParameters), "{err:?}");
}

#[test]
fn a_vault_file_truncated_at_many_offsets_gives_a_clean_error_never_a_panic() {
    let (dir, path) = temp_vault();
    let mut v = new_vault(&path);
    for i in 0..40 {
        journal(&mut v, &format!("entry {i} {}", "x".repeat(i * 50)));
    }
    drop(v);
    let full = std::fs::read(&path).unwrap();
    let cut = dir.path().join("cut.keel");
    let mut outcomes = std::collections::BTreeMap::new();
    let step = (full.len() / 60).max(1);
    let offsets = (0..full.len())
        .step_by(step)
        .chain([1, 99, 100, 101, full.len() - 1]);
    for at in offsets {
        let _ = std::fs::remove_file(dir.path().join("cut.keel-wal"));
        let _ = std::fs::remove_file(dir.path().join("cut.keel-shm"));
        std::fs::write(&cut, &full[..at]).unwrap();
        let code = match Vault::unlock(&cut, &pass(), noon()) {
            // What opens from a cut file must say what it lost.
            Ok(mut v) => match commands::verify(&mut v) {
                Ok(r) if !r.database_ok || !r.manifest_ok || !r.damaged.is_empty() => {
                    "opened, damage reported"
                }
                Ok(_) => "opened as if whole",
                Err(e) => e.code().as_str(),
            },
            Err(e) => e.code().as_str(),
        };
        *outcomes.entry(code).or_insert(0) += 1;
    }
    assert!(
        outcomes
            .keys()
            .all(|c| ["opened, damage reported", "VaultDamaged", "VaultMissing"].contains(c)),
        "a truncated file gives VaultDamaged (or opens what remains and reports the loss), got \
         {outcomes:?}"
    );
    assert!(
        outcomes.contains_key("VaultDamaged"),
        "most cuts are damage: {outcomes:?}"
    );
}

#[test]
fn a_vault_from_a_newer_keel_is_refused_and_left_unchanged() {
    let (_d, path) = temp_vault();
    drop(new_vault(&path));
    raw(&path)
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = Vault::unlock(&path, &pass(), noon()).unwrap_err();
    assert!(
        matches!(err, Error::VaultFromNewerVersion { found: 99, .. }),
        "a newer schema must be refused, got {err:?}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "a refused vault is not touched"
    );

    let (_d2, path2) = temp_vault();
    drop(new_vault(&path2));
    raw(&path2)
        .execute("UPDATE vault_header SET format_version = 2", [])
        .unwrap();
    let err = Vault::unlock(&path2, &pass(), noon()).unwrap_err();
    assert!(
        matches!(err, Error::VaultFromNewerVersion { .. }),
        "newer record format: {err:?}"
    );
}

#[test]
fn a_file_that_is_not_a_vault_is_named_as_such() {
    let (dir, _) = temp_vault();
    let other = dir.path().join("other.db");
    raw(&other).execute_batch("CREATE TABLE t (x)").unwrap();
    let err = Vault::unlock(&other, &pass(), noon()).unwrap_err();
    assert!(matches!(err, Error::VaultDamaged { .. }), "{err:?}");
    let missing = dir.path().join("nope.keel");
    let err = Vault::unlock(&missing, &pass(), noon()).unwrap_err();
    assert!(matches!(err, Error::VaultMissing), "{err:?}");
    assert!(!missing.exists(), "unlock must never create a file");
}

#[test]
fn a_whole_row_put_back_from_an_older_copy_or_removed_is_caught_by_the_manifest() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    let id = journal(&mut v, "version one").id;
    let other = journal(&mut v, "someone else").id;
    commands::trash(&mut v, &other).unwrap();
    commands::restore(&mut v, &other).unwrap();
    assert!(
        commands::verify(&mut v).unwrap().manifest_ok,
        "Keel's own writes keep it whole"
    );
    drop(v);
    let old = rows(&path).into_iter().find(|r| hex(&r.0) == id).unwrap();
    let mut v = Vault::unlock(&path, &pass(), noon()).unwrap();
    assert!(v.manifest_ok());
    edit_journal(&mut v, &id, "version two");
    drop(v);
    // Put revision 1 back whole: its ciphertext and its revision number.
    raw(&path)
        .execute(
            "UPDATE records SET revision = ?2, sealed = ?3 WHERE id = ?1",
            rusqlite::params![old.0, old.1, old.2],
        )
        .unwrap();
    let mut v = Vault::unlock(&path, &pass(), noon()).unwrap();
    assert!(!v.manifest_ok(), "a replayed row must not pass unnoticed");
    let report = commands::verify(&mut v).unwrap();
    assert!(
        !report.manifest_ok && report.damaged.is_empty(),
        "{report:?}"
    );
    drop(v);

    let (_d2, path2) = temp_vault();
    let mut v = new_vault(&path2);
    let gone = journal(&mut v, "removed behind Keel's back").id;
    journal(&mut v, "stays");
    drop(v);
    raw(&path2)
        .execute(
            "DELETE FROM records WHERE id = ?1",
            [RecordIdBytes::from(&gone).0],
        )
        .unwrap();
    let mut v = Vault::unlock(&path2, &pass(), noon()).unwrap();
    assert!(
        !commands::verify(&mut v).unwrap().manifest_ok,
        "a removed row is noticed"
    );
    let x = journal(&mut v, "x").id;
    commands::purge(&mut v, &x, false).unwrap();
    assert!(
        !commands::verify(&mut v).unwrap().manifest_ok,
        "and stays noticed"
    );
}

struct RecordIdBytes(Vec<u8>);
impl From<&String> for RecordIdBytes {
    fn from(s: &String) -> Self {
        RecordIdBytes(keel::model::RecordId::parse(s).unwrap().0.to_vec())
    }
}
