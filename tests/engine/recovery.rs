use keel::commands;
use keel::crypto::{KdfParams, Passphrase};
use keel::dto::*;
use keel::{Error, Vault};

use crate::support::*;

#[test]
fn the_recovery_key_sets_a_new_passphrase_and_the_old_one_stops_working() {
    let (_d, path) = temp_vault();
    let (mut v, key) = Vault::create(&path, &pass(), noon(), KdfParams::FLOOR).unwrap();
    let id = commands::add(
        &mut v,
        NewRecord {
            at: None,
            body: BodyDto::Checkin(CheckinDto {
                stress: Some(4),
                ..Default::default()
            }),
        },
    )
    .unwrap()
    .id;
    drop(v);
    let typed = key.to_display().to_lowercase().replace('-', " ");
    let new = Passphrase::from("a brand new passphrase");
    let mut v = Vault::recover(&path, &typed, &new, noon()).expect("recovery opens the vault");
    assert!(
        commands::get(&mut v, &id).is_ok(),
        "records survive recovery"
    );
    drop(v);
    assert!(matches!(
        Vault::unlock(&path, &pass(), noon()).unwrap_err(),
        Error::WrongPassphrase
    ));
    assert!(
        Vault::unlock(&path, &new, noon()).is_ok(),
        "the new passphrase opens it"
    );
}

#[test]
fn a_mistyped_group_is_named_and_a_wrong_key_is_refused() {
    let (_d, path) = temp_vault();
    let (v, key) = Vault::create(&path, &pass(), noon(), KdfParams::FLOOR).unwrap();
    drop(v);
    // Change group 7 until its own check catches the change (a single change slips past the
    // 5-bit check 1 time in 32; those are not what this test is about).
    let groups = key.groups();
    let alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let typed = (0..5)
        .flat_map(|pos| alphabet.chars().map(move |c| (pos, c)))
        .map(|(pos, c)| {
            let mut g: Vec<String> = groups.to_vec();
            g[6].replace_range(pos..pos + 1, &c.to_string());
            g.join("-")
        })
        .find(|t| {
            matches!(
                keel::recovery::RecoveryKey::parse(t),
                Err(Error::RecoveryKeyMistyped { group: 7 })
            )
        })
        .expect("some one-character change of group 7 breaks its check");
    let new = Passphrase::from("another passphrase");
    match Vault::recover(&path, &typed, &new, noon()) {
        Err(Error::RecoveryKeyMistyped { group }) => assert_eq!(group, 7, "group 7 was changed"),
        other => panic!(
            "the mistyped group is named, got {:?}",
            other.map(|_| "a vault")
        ),
    }
    let other = keel::recovery::RecoveryKey::generate().unwrap();
    let err = Vault::recover(&path, &other.to_display(), &new, noon()).unwrap_err();
    assert!(
        matches!(err, Error::WrongRecoveryKey),
        "another vault's key: {err:?}"
    );
    assert!(
        Vault::unlock(&path, &pass(), noon()).is_ok(),
        "failed recoveries change nothing"
    );
}

#[test]
fn changing_the_passphrase_rewraps_the_key_only_and_leaves_records_untouched() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    for i in 0..20 {
        commands::add(
            &mut v,
            NewRecord {
                at: None,
                body: BodyDto::Checkin(CheckinDto {
                    stress: Some(i % 10),
                    ..Default::default()
                }),
            },
        )
        .unwrap();
    }
    let before = rows(&path);
    let new = Passphrase::from("the next passphrase");
    let err = v
        .change_passphrase(&"wrong current one".into(), &new)
        .unwrap_err();
    assert!(
        matches!(err, Error::WrongPassphrase),
        "the current passphrase is checked"
    );
    let err = v.change_passphrase(&pass(), &"short".into()).unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidInput {
                field: "passphrase",
                ..
            }
        ),
        "{err:?}"
    );
    v.change_passphrase(&pass(), &new).unwrap();
    drop(v);
    assert_eq!(
        rows(&path),
        before,
        "no record row is rewritten by a passphrase change"
    );
    assert!(Vault::unlock(&path, &pass(), noon()).is_err());
    let mut v = Vault::unlock(&path, &new, noon()).unwrap();
    assert_eq!(
        commands::list(&mut v, Default::default()).unwrap().total,
        20
    );
}

#[test]
fn a_new_recovery_key_replaces_the_old_one() {
    let (_d, path) = temp_vault();
    let (mut v, old) = Vault::create(&path, &pass(), noon(), KdfParams::FLOOR).unwrap();
    let new_key = commands::new_recovery_key(&mut v, &pass())
        .unwrap()
        .join("-");
    drop(v);
    let np = Passphrase::from("passphrase after recovery");
    let err = Vault::recover(&path, &old.to_display(), &np, noon()).unwrap_err();
    assert!(
        matches!(err, Error::WrongRecoveryKey),
        "the old key is void: {err:?}"
    );
    assert!(
        Vault::recover(&path, &new_key, &np, noon()).is_ok(),
        "the new key works"
    );
}

/// The groups of a pending key, joined as a person would type the whole key.
fn typed_key(p: &commands::PendingKey) -> String {
    p.groups().join("-")
}

#[test]
fn a_new_journal_is_written_only_once_a_group_of_its_key_is_typed_back() {
    let (_d, path) = temp_vault();
    let pending = commands::prepare_create(&path, pass()).unwrap();
    assert!(
        !path.exists(),
        "nothing is written while the key is on screen"
    );
    let groups = pending.groups();
    assert_eq!(groups.len(), 13);
    let wrong = commands::check_kept(&pending, 3, &groups[3]).unwrap_err();
    assert!(
        matches!(wrong, Error::InvalidInput { field: "group", .. }),
        "{wrong:?}"
    );
    assert!(
        commands::check_kept(&pending, 0, &groups[0]).is_err(),
        "groups are 1-based"
    );
    assert!(commands::check_kept(&pending, 14, &groups[0]).is_err());
    // Read as leniently as a whole key: case, spaces, dashes, O for 0, I or L for 1.
    let lenient = groups[2].to_lowercase().replace('0', "o").replace('1', "l");
    commands::check_kept(&pending, 3, &format!(" {lenient} ")).unwrap();
    let v = commands::confirm_create(&path, &pending, noon()).unwrap();
    drop(v);
    assert!(path.exists());
    Vault::unlock(&path, &pass(), noon()).expect("the passphrase opens it");
    Vault::recover(
        &path,
        &typed_key(&pending),
        &Passphrase::from("another passphrase"),
        noon(),
    )
    .expect("and so does the key that was shown");
}

#[test]
fn preparing_a_journal_refuses_a_short_passphrase_or_an_existing_file() {
    let (_d, path) = temp_vault();
    let short = commands::prepare_create(&path, Passphrase::from("short")).unwrap_err();
    assert!(matches!(
        short,
        Error::InvalidInput {
            field: "passphrase",
            ..
        }
    ));
    drop(new_vault(&path));
    assert!(matches!(
        commands::prepare_create(&path, pass()).unwrap_err(),
        Error::VaultExists
    ));
}

#[test]
fn a_new_recovery_key_takes_effect_only_when_confirmed_and_the_old_one_works_until_then() {
    let (_d, path) = temp_vault();
    let (mut v, old) = Vault::create(&path, &pass(), noon(), KdfParams::FLOOR).unwrap();
    assert!(matches!(
        commands::prepare_key(
            &v,
            commands::KeyPurpose::Replace,
            Passphrase::from("not it at all")
        )
        .unwrap_err(),
        Error::WrongPassphrase
    ));
    let pending = commands::prepare_key(&v, commands::KeyPurpose::Replace, pass()).unwrap();
    let other = Passphrase::from("a passphrase for the test");
    // Not confirmed: the old key still opens the file, the new one does not.
    drop(Vault::recover(&path, &old.to_display(), &pass(), noon()).expect("old key, before"));
    assert!(matches!(
        Vault::recover(&path, &typed_key(&pending), &other, noon()).unwrap_err(),
        Error::WrongRecoveryKey
    ));
    commands::confirm_key(&mut v, &pending).unwrap();
    drop(v);
    assert!(matches!(
        Vault::recover(&path, &old.to_display(), &other, noon()).unwrap_err(),
        Error::WrongRecoveryKey
    ));
    Vault::recover(&path, &typed_key(&pending), &other, noon()).expect("new key, after");
}

#[test]
fn a_new_encryption_key_is_made_only_when_its_recovery_key_is_confirmed() {
    let (_d, path) = temp_vault();
    let (mut v, old) = Vault::create(&path, &pass(), noon(), KdfParams::FLOOR).unwrap();
    let id = journal(&mut v, "carried through the new key").id;
    let before = rows(&path);
    let pending = commands::prepare_key(&v, commands::KeyPurpose::Rekey, pass()).unwrap();
    assert_eq!(
        rows(&path),
        before,
        "nothing is sealed again before confirming"
    );
    commands::confirm_key(&mut v, &pending).unwrap();
    assert_ne!(rows(&path), before, "every row sealed again");
    drop(v);
    assert!(matches!(
        Vault::recover(&path, &old.to_display(), &pass(), noon()).unwrap_err(),
        Error::WrongRecoveryKey
    ));
    let mut v = Vault::recover(&path, &typed_key(&pending), &pass(), noon()).unwrap();
    assert!(commands::get(&mut v, &id).is_ok());
}
