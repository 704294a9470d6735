use std::path::{Path, PathBuf};

use crate::support::*;
use crate::*;

fn the_backups(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.unwrap().path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .and_then(keel::backup::parse_name)
                        .is_some()
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn backup_into_a_folder_remembered_listed_verified_and_opened_as_a_vault() {
    let (d, vault) = temp_vault();
    init(&vault);
    let o = run(keel(&vault, &["backup"]));
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("to: choose a folder for backups with --to DIR"),
        "{}",
        stderr(&o)
    );
    let o = run(keel(
        &vault,
        &["journal", "add", "--text", "Backed-up words"],
    ));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let dir = d.path().join("drive");
    let o = run(keel(&vault, &["backup", "--to", dir.to_str().unwrap()]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stdout(&o).contains("records to") && stdout(&o).contains("checked: every record opens"),
        "{}",
        stdout(&o)
    );
    let files = the_backups(&dir);
    assert_eq!(files.len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&files[0]).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    // The folder is remembered.
    let o = run(keel(&vault, &["backup", "list"]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stdout(&o).contains(files[0].to_str().unwrap()),
        "{}",
        stdout(&o)
    );
    let o = run(keel(
        &vault,
        &["backup", "verify", files[0].to_str().unwrap()],
    ));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("every one opens"), "{}", stdout(&o));
    // A backup is a vault: it opens with the passphrase.
    let o = run(keel(
        &vault,
        &["--vault", files[0].to_str().unwrap(), "list"],
    ));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("Backed-up words"), "{}", stdout(&o));
}

#[test]
fn a_damaged_backup_exits_3_naming_the_record() {
    let (d, vault) = temp_vault();
    init(&vault);
    let o = run(keel(&vault, &["journal", "add", "--text", "to be damaged"]));
    let id = stdout(&o).trim().to_owned();
    let dir = d.path().join("b");
    let o = run(keel(&vault, &["backup", "--to", dir.to_str().unwrap()]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let file = the_backups(&dir).remove(0);
    let (raw_id, _, sealed) = rows(&file)
        .into_iter()
        .find(|(i, _, _)| hex(i) == id)
        .unwrap();
    let mut bad = sealed;
    bad[20] ^= 0x40;
    set_sealed(&file, &raw_id, &bad);
    let o = run(keel(&vault, &["backup", "verify", file.to_str().unwrap()]));
    assert_eq!(code(&o), 3);
    assert!(
        stderr(&o).contains(&format!("record(s) {id} could not be opened")),
        "{}",
        stderr(&o)
    );
}

#[test]
fn restore_replaces_the_vault_and_keeps_it_as_it_was() {
    let (d, vault) = temp_vault();
    init(&vault);
    run(keel(&vault, &["journal", "add", "--text", "In the backup"]));
    let dir = d.path().join("b");
    let o = run(keel(&vault, &["backup", "--to", dir.to_str().unwrap()]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let file = the_backups(&dir).remove(0);
    run(keel(&vault, &["journal", "add", "--text", "Written later"]));
    let o = run(keel(&vault, &["restore", file.to_str().unwrap()]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stdout(&o).contains("the vault as it was is kept at"),
        "{}",
        stdout(&o)
    );
    let o = run(keel(&vault, &["list"]));
    let listed = stdout(&o);
    assert!(listed.contains("In the backup"), "{listed}");
    assert!(!listed.contains("Written later"), "{listed}");
    // The vault as it was is among the backups, and holds what came later.
    let kept = the_backups(&dir)
        .into_iter()
        .find(|p| *p != file)
        .expect("the kept copy");
    let o = run(keel(&vault, &["--vault", kept.to_str().unwrap(), "list"]));
    assert!(stdout(&o).contains("Written later"), "{}", stdout(&o));
    // A record id still restores from the trash, as before.
    let o = run(keel(&vault, &["journal", "add", "--text", "to the trash"]));
    let id = stdout(&o).trim().to_owned();
    run(keel(&vault, &["trash", &id]));
    let o = run(keel(&vault, &["restore", &id]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn restore_is_refused_while_the_app_has_the_vault_open() {
    let (d, vault) = temp_vault();
    init(&vault);
    let dir = d.path().join("b");
    run(keel(&vault, &["backup", "--to", dir.to_str().unwrap()]));
    let file = the_backups(&dir).remove(0);
    // The app holds this lock while it has the vault open.
    let lock = std::fs::File::create(keel::backup::app_lock_path(&vault)).unwrap();
    lock.lock().unwrap();
    let o = run(keel(&vault, &["restore", file.to_str().unwrap()]));
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("busy in another Keel window"),
        "{}",
        stderr(&o)
    );
    drop(lock);
}

#[test]
fn kill_9_during_a_backup_never_leaves_a_partial_file_under_a_backups_name() {
    let (d, vault) = temp_vault();
    init(&vault);
    for i in 0..30 {
        run(keel(
            &vault,
            &["journal", "add", "--text", &format!("entry {i}")],
        ));
    }
    let dir = d.path().join("b");
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64;
    for _ in 0..12 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let wait = std::time::Duration::from_millis((seed >> 33) % 400);
        let mut child = keel(&vault, &["backup", "--to", dir.to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(wait);
        let _ = child.kill();
        let _ = child.wait();
    }
    for f in the_backups(&dir) {
        let o = run(keel(&vault, &["backup", "verify", f.to_str().unwrap()]));
        assert_eq!(code(&o), 0, "{} is whole: {}", f.display(), stderr(&o));
    }
    // Whatever was cut short is only ever a hidden .partial file (and its journal).
    for e in std::fs::read_dir(&dir).into_iter().flatten() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            keel::backup::parse_name(&name).is_some()
                // The temp file, or SQLite's journal beside it.
                || (name.starts_with(".keel-backup-") && name.contains(".partial")),
            "{name}"
        );
    }
}
