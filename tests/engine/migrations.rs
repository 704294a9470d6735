use keel::{Error, Vault, store};

use crate::support::*;

fn version(c: &rusqlite::Connection) -> i64 {
    c.query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

fn has_table(c: &rusqlite::Connection, name: &str) -> bool {
    c.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
        [name],
        |r| r.get::<_, i64>(0),
    )
    .unwrap()
        == 1
}

#[test]
fn a_failing_migration_applies_nothing() {
    let (dir, _) = temp_vault();
    let c = raw(&dir.path().join("m.db"));
    let good = "CREATE TABLE first_step (x INTEGER)";
    let bad = "CREATE TABLE second_step (x INTEGER); INSERT INTO no_such_table VALUES (1)";
    let err = store::migrate(&c, &[good, bad]).unwrap_err();
    assert!(matches!(err, Error::Database(_)), "{err:?}");
    assert_eq!(
        version(&c),
        0,
        "the version must not move when a migration fails"
    );
    assert!(
        !has_table(&c, "first_step"),
        "an earlier migration in the batch is rolled back"
    );
    assert!(!has_table(&c, "second_step"));
}

#[test]
fn a_vault_is_carried_forward_by_a_later_migration_and_its_records_still_open() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    let before = keel::commands::list(&mut v, Default::default()).unwrap();
    drop(v);
    let mut later: Vec<&str> = store::MIGRATIONS.to_vec();
    later.push("CREATE TABLE future_feature (x BLOB) STRICT");
    let c = raw(&path);
    store::migrate(&c, &later).unwrap();
    assert_eq!(version(&c), later.len() as i64);
    assert!(has_table(&c, "future_feature"));
    store::migrate(&c, &later).unwrap();
    assert_eq!(version(&c), later.len() as i64, "running again is a no-op");
    drop(c);
    // This build only knows MIGRATIONS, so the migrated vault is now "from a newer Keel".
    let err = Vault::unlock(&path, &pass(), noon()).unwrap_err();
    assert!(
        matches!(err, Error::VaultFromNewerVersion { .. }),
        "{err:?}"
    );
    raw(&path)
        .execute_batch(&format!(
            "PRAGMA user_version = {}",
            store::MIGRATIONS.len()
        ))
        .unwrap();
    // Its version put back, the table this build did not create is still there: refused.
    let err = Vault::unlock(&path, &pass(), noon()).unwrap_err();
    assert!(matches!(err, Error::VaultDamaged { .. }), "{err:?}");
    raw(&path)
        .execute_batch("DROP TABLE future_feature")
        .unwrap();
    let mut v = Vault::unlock(&path, &pass(), noon()).unwrap();
    assert_eq!(
        keel::commands::list(&mut v, Default::default()).unwrap(),
        before
    );
}

#[test]
fn migrating_a_newer_schema_is_refused() {
    let (dir, _) = temp_vault();
    let c = raw(&dir.path().join("n.db"));
    c.execute_batch("PRAGMA user_version = 7").unwrap();
    let err = store::migrate(&c, store::MIGRATIONS).unwrap_err();
    assert!(
        matches!(err, Error::VaultFromNewerVersion { found: 7, .. }),
        "{err:?}"
    );
}
