//! Backups: written under a temp name, verified, named; encrypted as the vault is; a damaged one
//! named by its record; restored with the vault as it was kept first; rotated.

use keel::Vault;
use keel::clock::Clock as _;
use keel::crypto::Passphrase;

use crate::support::*;

fn backups_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_backup_is_verified_named_0600_and_opens_with_the_passphrase_and_recovery_key() {
    let (d, path) = temp_vault();
    let (mut v, key) =
        Vault::create(&path, &pass(), noon(), keel::crypto::KdfParams::FLOOR).unwrap();
    let a = journal(&mut v, "before the backup");
    let count = v.all().unwrap().0.len();
    let dir = d.path().join("backups");
    let (file, report) = v.backup_to(&dir).unwrap();
    assert!(report.clean());
    assert_eq!(report.checked, count, "every record was checked");
    // The vault's clock reads 27 November 2026, noon.
    assert_eq!(
        backups_in(&dir),
        ["keel-backup-20261127-120000.keel"],
        "one file, under its final name, nothing partial left"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(&dir), 0o700, "a folder Keel made is private");
    }
    // A second backup the same second does not replace the first.
    let (second, _) = v.backup_to(&dir).unwrap();
    assert_ne!(second, file);
    assert_eq!(backups_in(&dir).len(), 2);

    journal(&mut v, "after the backup");
    let mut b = Vault::unlock(&file, &pass(), noon()).unwrap();
    let texts: Vec<String> = b
        .all()
        .unwrap()
        .0
        .iter()
        .filter_map(|r| match &r.body {
            keel::model::Body::Journal(j) => Some(j.text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        texts,
        ["before the backup"],
        "the backup is the vault when it was taken"
    );
    let id = keel::model::RecordId::parse(&a.id).unwrap();
    assert_eq!(b.get(id).unwrap().revision, 1);
    drop(b);
    let copy = d.path().join("copy.keel");
    std::fs::copy(&second, &copy).unwrap();
    let new = Passphrase::from("a brand new passphrase");
    Vault::recover(&copy, &key.groups().join("-"), &new, noon()).unwrap();
}

#[test]
fn a_backup_holds_no_plaintext() {
    let (d, path) = temp_vault();
    let mut v = new_vault(&path);
    let marker = "Backupmarker-7d1f only mine";
    journal(&mut v, marker);
    let dir = d.path().join("b");
    let (file, _) = v.backup_to(&dir).unwrap();
    let bytes = std::fs::read(&file).unwrap();
    let utf16: Vec<u8> = marker.encode_utf16().flat_map(u16::to_le_bytes).collect();
    for needle in [marker.as_bytes(), &utf16[..], b"Backupmarker"] {
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle),
            "the backup holds ciphertext only"
        );
    }
}

#[test]
fn a_damaged_backup_fails_verification_naming_the_record() {
    let (d, path) = temp_vault();
    let mut v = new_vault(&path);
    let r = journal(&mut v, "a record to damage");
    let (file, _) = v.backup_to(&d.path().join("b")).unwrap();
    let (id, _, sealed) = rows(&file)
        .into_iter()
        .find(|(id, _, _)| hex(id) == r.id)
        .unwrap();
    let mut bad = sealed.clone();
    let last = bad.len() - 1;
    bad[last] ^= 1;
    set_sealed(&file, &id, &bad);
    let report = Vault::verify_file(&file, &pass(), noon()).unwrap();
    assert!(!report.clean());
    assert_eq!(
        report
            .damaged
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        std::slice::from_ref(&r.id)
    );
    assert_eq!(
        v.verify_copy(&file).unwrap().damaged.len(),
        1,
        "with the key in memory too"
    );
    // The wrong passphrase is told as such, not as damage.
    assert!(matches!(
        Vault::verify_file(&file, &Passphrase::from("not the passphrase"), noon()),
        Err(keel::Error::WrongPassphrase)
    ));
    // Another vault's file is not a copy of this one.
    let (_d2, other) = temp_vault();
    drop(new_vault(&other));
    assert!(matches!(
        v.verify_copy(&other),
        Err(keel::Error::VaultDamaged { detail }) if detail.contains("not a copy")
    ));
}

#[test]
fn restore_puts_the_backup_in_place_and_keeps_the_vault_as_it_was() {
    let (d, path) = temp_vault();
    let mut v = new_vault(&path);
    journal(&mut v, "kept in the backup");
    let backups = d.path().join("backups");
    let (file, _) = v.backup_to(&backups).unwrap();
    journal(&mut v, "written after it");
    drop(v);

    let texts = |v: &mut Vault| -> Vec<String> {
        let mut t: Vec<String> = v
            .all()
            .unwrap()
            .0
            .iter()
            .filter_map(|r| match &r.body {
                keel::model::Body::Journal(j) => Some(j.text.clone()),
                _ => None,
            })
            .collect();
        t.sort();
        t
    };
    // The wrong passphrase for the backup: nothing changes.
    let wrong = keel::backup::restore(
        &path,
        &file,
        &Passphrase::from("not the passphrase"),
        &backups,
        noon(),
    );
    assert!(matches!(wrong, Err(keel::Error::WrongPassphrase)));
    assert_eq!(
        texts(&mut reopen(&path)),
        ["kept in the backup", "written after it"]
    );
    assert_eq!(
        backups_in(&backups).len(),
        1,
        "nothing kept for a restore that did not happen"
    );

    let (kept, records) = keel::backup::restore(&path, &file, &pass(), &backups, noon()).unwrap();
    let kept = kept.expect("the vault as it was is kept");
    let mut restored = reopen(&path);
    assert_eq!(texts(&mut restored), ["kept in the backup"]);
    assert_eq!(records, restored.all().unwrap().0.len());
    assert!(restored.verify().unwrap().clean());
    assert_eq!(
        texts(&mut Vault::unlock(&kept, &pass(), noon()).unwrap()),
        ["kept in the backup", "written after it"],
        "what was written after the backup is not lost: it is in the kept copy"
    );
}

#[test]
fn rotation_removes_only_backups_beyond_what_is_kept() {
    let (d, _) = temp_vault();
    let dir = d.path().join("b");
    std::fs::create_dir(&dir).unwrap();
    let mut day = chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    let mut n = 0;
    while day <= chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap() {
        let at = day.and_hms_opt(9, 0, 0).unwrap();
        std::fs::write(dir.join(keel::backup::file_name(at)), b"x").unwrap();
        day += chrono::Duration::days(1);
        n += 1;
    }
    std::fs::write(dir.join("notes.txt"), b"mine").unwrap();
    // What a backup cut short left: the old one goes, one being written now stays.
    for name in [
        ".keel-backup-0a0b0c.partial",
        ".keel-backup-0a0b0c.partial-journal",
    ] {
        let f = std::fs::File::create(dir.join(name)).unwrap();
        f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(7200))
            .unwrap();
    }
    std::fs::write(dir.join(".keel-backup-1d1e1f.partial"), b"now").unwrap();
    let removed = keel::backup::rotate(&dir).unwrap();
    let left = backups_in(&dir);
    // Kept: 22–28 November (7 days), the Sundays 8 and 15 November (weeks), and the last days
    // of September and October (months): 11 backups; and the other file.
    assert_eq!(removed, n - 11);
    assert_eq!(left.len(), 13);
    assert!(left.contains(&".keel-backup-1d1e1f.partial".to_owned()));
    assert!(!left.iter().any(|n| n.starts_with(".keel-backup-0a0b0c")));
    assert!(left.contains(&"notes.txt".to_owned()));
    assert!(left.contains(&"keel-backup-20260930-090000.keel".to_owned()));
    assert!(left.contains(&"keel-backup-20261115-090000.keel".to_owned()));
}

#[test]
fn settings_show_when_a_backup_is_due_and_remember_a_failure_in_words() {
    let (d, path) = temp_vault();
    let mut v = new_vault(&path);
    let now = v.now();
    let st = keel::backup::status(&path, now);
    assert_eq!(
        (st.due, st.folder.as_str(), st.backups.len()),
        (false, "", 0),
        "no folder: nothing due"
    );
    assert!(!keel::backup::due_today(&path, now));
    assert!(matches!(
        keel::backup::make(&mut v, &path),
        Err(keel::Error::InvalidInput {
            field: "folder",
            ..
        })
    ));

    let dir = d.path().join("drive");
    let mut s = keel::backup::load_settings(&path);
    s.folder = dir.to_string_lossy().into_owned();
    keel::backup::save_settings(&path, &s).unwrap();
    assert!(
        keel::backup::status(&path, now).due,
        "a folder and no backup yet"
    );
    assert!(keel::backup::due_today(&path, now));

    let (file, records, removed) = keel::backup::make(&mut v, &path).unwrap();
    assert_eq!((records, removed), (v.all().unwrap().0.len(), 0));
    let st = keel::backup::status(&path, now);
    assert!(!st.due);
    assert_eq!(st.last_verified.as_deref(), Some(now.to_rfc3339().as_str()));
    assert_eq!(st.backups.len(), 1);
    assert_eq!(st.backups[0].path, file.to_string_lossy());
    assert_eq!(st.backups[0].taken, "2026-11-27T12:00:00");
    assert!(!keel::backup::due_today(&path, now), "today's is made");
    let tomorrow = now + chrono::Duration::days(1);
    assert!(keel::backup::due_today(&path, tomorrow));
    assert!(!keel::backup::status(&path, now + chrono::Duration::days(6)).due);
    assert!(
        keel::backup::status(&path, now + chrono::Duration::days(7)).due,
        "a week without one"
    );

    // A folder that cannot be written: the reason is kept for Settings, in words.
    let blocked = d.path().join("a-file");
    std::fs::write(&blocked, b"not a folder").unwrap();
    let mut s = keel::backup::load_settings(&path);
    s.folder = blocked.to_string_lossy().into_owned();
    keel::backup::save_settings(&path, &s).unwrap();
    assert!(keel::backup::make(&mut v, &path).is_err());
    let st = keel::backup::status(&path, now);
    assert!(st.last_error.is_some());
    assert_eq!(
        st.last_verified.as_deref(),
        Some(now.to_rfc3339().as_str()),
        "the last good one is still the last good one"
    );
}

/// Points the vault's backups at `dir`.
fn back_up_into(vault: &std::path::Path, dir: &std::path::Path) {
    let mut s = keel::backup::load_settings(vault);
    s.folder = dir.to_string_lossy().into_owned();
    keel::backup::save_settings(vault, &s).unwrap();
}

fn user_version(path: &std::path::Path) -> i64 {
    raw(path)
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

/// The v1 golden vault, copied: schema 1, from before the sealed manifest.
fn old_vault() -> (tempfile::TempDir, std::path::PathBuf) {
    let (d, path) = temp_vault();
    let golden = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/golden/v1/vault.keel");
    std::fs::copy(golden, &path).unwrap();
    (d, path)
}

#[test]
fn an_older_vault_is_backed_up_as_it_was_before_its_schema_is_migrated() {
    let (d, path) = old_vault();
    assert_eq!(user_version(&path), 1);
    let dir = d.path().join("backups");
    back_up_into(&path, &dir);
    let mut v = Vault::unlock(&path, &pass(), noon()).unwrap();
    let records = v.all().unwrap().0.len();
    drop(v);
    assert_eq!(user_version(&path), 2, "the vault itself was migrated");
    let found = keel::backup::list(&dir).unwrap();
    assert_eq!(found.len(), 1, "one backup, made before the migration");
    assert_eq!(
        user_version(&found[0].path),
        1,
        "the backup is the vault as it was"
    );
    let report = Vault::verify_file(&found[0].path, &pass(), noon()).unwrap();
    assert!(report.clean(), "{report:?}");
    assert_eq!(report.checked, records);
    let st = keel::backup::load_settings(&path);
    assert_eq!(
        st.last_file.as_deref(),
        Some(found[0].path.to_string_lossy().as_ref())
    );

    // Opened again, there is nothing to migrate and no second backup.
    drop(Vault::unlock(&path, &pass(), noon()).unwrap());
    assert_eq!(keel::backup::list(&dir).unwrap().len(), 1);
}

#[test]
fn an_older_vault_still_opens_when_its_backup_folder_cannot_be_written_and_says_why() {
    let (d, path) = old_vault();
    let blocked = d.path().join("a-file");
    std::fs::write(&blocked, b"not a folder").unwrap();
    back_up_into(&path, &blocked);
    let mut v = Vault::unlock(&path, &pass(), noon()).unwrap();
    assert!(!v.all().unwrap().0.is_empty());
    assert_eq!(user_version(&path), 2);
    let st = keel::backup::status(&path, noon().now());
    assert!(st.last_error.is_some(), "the failure is kept for Settings");
    assert_eq!(st.last_verified, None);
}

#[test]
fn an_older_vault_with_no_backup_folder_is_migrated_without_writing_anything_beside_it() {
    let (d, path) = old_vault();
    drop(Vault::unlock(&path, &pass(), noon()).unwrap());
    assert_eq!(user_version(&path), 2);
    let mut names = backups_in(d.path());
    names.retain(|n| !n.starts_with("vault.keel"));
    assert_eq!(names, Vec::<String>::new());
}

#[test]
fn a_rekey_is_preceded_by_a_backup_that_opens_with_the_old_recovery_key() {
    let (d, path) = temp_vault();
    let (mut v, old_key) =
        Vault::create(&path, &pass(), noon(), keel::crypto::KdfParams::FLOOR).unwrap();
    journal(&mut v, "before the new key");
    let dir = d.path().join("backups");
    back_up_into(&path, &dir);
    assert!(matches!(
        v.rekey(&Passphrase::from("not the passphrase at all")),
        Err(keel::Error::WrongPassphrase)
    ));
    assert!(!dir.exists(), "a wrong passphrase makes no backup");
    v.rekey(&pass()).unwrap();
    let found = keel::backup::list(&dir).unwrap();
    assert_eq!(found.len(), 1, "one backup, made before the re-key");
    let copy = d.path().join("copy.keel");
    std::fs::copy(&found[0].path, &copy).unwrap();
    let mut b = Vault::recover(&copy, &old_key.groups().join("-"), &pass(), noon())
        .expect("the backup holds the vault under its old key");
    assert_eq!(b.all().unwrap().0.len(), v.all().unwrap().0.len());
}

#[test]
fn a_rekey_whose_backup_cannot_be_made_changes_nothing() {
    let (d, path) = temp_vault();
    let (mut v, old_key) =
        Vault::create(&path, &pass(), noon(), keel::crypto::KdfParams::FLOOR).unwrap();
    let blocked = d.path().join("a-file");
    std::fs::write(&blocked, b"not a folder").unwrap();
    back_up_into(&path, &blocked);
    let before = rows(&path);
    let err = v.rekey(&pass()).unwrap_err();
    assert!(
        matches!(&err, keel::Error::InvalidInput { field: "backups", reason }
            if reason.starts_with("Keel makes a backup before this change and could not")),
        "the error says the backup came first: {err:?}"
    );
    assert_eq!(rows(&path), before, "no record was sealed again");
    drop(v);
    let copy = d.path().join("copy.keel");
    std::fs::copy(&path, &copy).unwrap();
    Vault::recover(&copy, &old_key.groups().join("-"), &pass(), noon())
        .expect("the old recovery key still opens the vault");
}

#[test]
fn an_import_is_preceded_by_a_backup_and_a_preview_is_not() {
    let (d, path) = temp_vault();
    let mut v = new_vault(&path);
    let dir = d.path().join("backups");
    back_up_into(&path, &dir);
    let before = v.all().unwrap().0.len();
    let doc = r#"{"tags": {}, "entries": [{"date": "2026-11-01", "time": "09:00",
        "title": "A", "body": "b", "tags": [], "starred": false}]}"#;
    let utc = chrono::FixedOffset::east_opt(0).unwrap();
    let parse = || {
        keel::import::parse(
            keel::import::Source::Jrnl,
            doc,
            &Default::default(),
            &|_| utc,
        )
        .unwrap()
    };
    keel::import::import(&mut v, parse(), true).unwrap();
    assert!(
        !dir.exists(),
        "a preview writes nothing, not even the folder"
    );
    let summary = keel::import::import(&mut v, parse(), false).unwrap();
    assert_eq!(summary.added, 1);
    let found = keel::backup::list(&dir).unwrap();
    assert_eq!(found.len(), 1, "one backup, made before the import");
    let mut b = Vault::unlock(&found[0].path, &pass(), noon()).unwrap();
    assert_eq!(
        b.all().unwrap().0.len(),
        before,
        "the backup is from before it"
    );

    // Nothing new to add: no backup either.
    let again = keel::import::import(&mut v, parse(), false).unwrap();
    assert_eq!(again.added, 0);
    assert_eq!(keel::backup::list(&dir).unwrap().len(), 1);
}
