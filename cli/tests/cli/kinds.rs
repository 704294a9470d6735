//! Records of any kind from JSON, the list of kinds, records from a newer Keel, and usage errors
//! that never repeat what was typed.

use crate::support::*;
use crate::*;

#[test]
fn kinds_lists_every_kind_with_its_version_and_fields() {
    let (_d, vault) = temp_vault();
    let o = run(keel(&vault, &["kinds", "--json"]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let kinds: Vec<keel::dto::KindInfo> = serde_json::from_slice(&o.stdout).unwrap();
    let names: Vec<&str> = kinds.iter().map(|k| k.name.as_str()).collect();
    let want: Vec<&str> = keel::model::Kind::ALL.iter().map(|k| k.as_str()).collect();
    assert_eq!(
        names, want,
        "every kind the engine knows, in registry order"
    );
    let checkin = &kinds[0];
    assert_eq!(checkin.version, 3, "the check-in payload this build writes");
    let stress = checkin.fields.iter().find(|f| f.name == "stress").unwrap();
    assert_eq!(stress.ty, "number | null", "a scale never chosen is absent");
    assert!(
        checkin.fields.iter().any(|f| f.name == "sleepHours"),
        "its fields are listed by their JSON names: {:?}",
        checkin.fields
    );
    let o = run(keel(&vault, &["kinds"]));
    assert!(stdout(&o).contains("skill-use"), "{}", stdout(&o));
}

#[test]
fn add_and_edit_take_json_for_any_kind() {
    let (_d, vault) = temp_vault();
    init(&vault);
    let o = with_input(
        keel(
            &vault,
            &[
                "add",
                "journal",
                "--json",
                "-",
                "--at",
                "2026-11-20T21:00:00-05:00",
            ],
        ),
        r#"{"title": "From a script", "text": "Line one", "tags": ["cli"]}"#,
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let id = stdout(&o).trim().to_owned();

    let file = vault.parent().unwrap().join("skill.json");
    std::fs::write(&file, r#"{"name": "Stretch", "category": "body"}"#).unwrap();
    let o = run(keel(
        &vault,
        &["add", "skill", "--json", file.to_str().unwrap()],
    ));
    assert_eq!(code(&o), 0, "a file works too: {}", stderr(&o));

    let o = with_input(
        keel(&vault, &["edit", &id[..8], "--json", "-"]),
        r#"{"text": "Line two"}"#,
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = run(keel(&vault, &["show", &id, "--json"]));
    let r: keel::dto::RecordDto = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r.revision, 2);
    assert_eq!(r.at, "2026-11-20T21:00:00-05:00");
    match r.body {
        keel::dto::BodyDto::Journal(j) => {
            assert_eq!(j.text, "Line two", "the field given changed");
            assert_eq!(j.title, "From a script", "the rest stayed");
            assert_eq!(j.tags, vec!["cli"]);
        }
        other => panic!("still a journal entry, got {other:?}"),
    }
}

#[test]
fn json_that_does_not_fit_is_named_never_quoted_and_saves_nothing() {
    let (_d, vault) = temp_vault();
    init(&vault);
    let secret = "my private words";
    for (args, input, want) in [
        (
            vec!["add", "checkin", "--json", "-"],
            format!(r#"{{"stress": "{secret}"}}"#),
            "do not make a check-in",
        ),
        (
            vec!["add", "journal", "--json", "-"],
            format!("{{ {secret} "),
            "not valid JSON (line 1",
        ),
        (
            vec!["add", "journal", "--json", "-"],
            format!(r#"{{"kind": "checkin", "text": "{secret}"}}"#),
            "kind: the JSON names another kind",
        ),
        (
            vec!["add", "diary", "--json", "-"],
            format!(r#"{{"text": "{secret}"}}"#),
            "kind: choose one of checkin, skill-use",
        ),
        (
            vec!["add", "checkin", "--json", "-"],
            format!(r#"{{"stress": 4, "sleepHours": 30, "note": "{secret}"}}"#),
            "sleepHours (--sleep): sleep is between 0 and 24 hours",
        ),
    ] {
        let o = with_input(keel(&vault, &args), &input);
        assert_eq!(code(&o), 1, "{args:?} is bad input");
        let err = stderr(&o);
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(
            !err.contains("private"),
            "{args:?} never quotes the input: {err}"
        );
    }
    let o = run(keel(&vault, &["list", "--json"]));
    let page: keel::dto::ListPage = serde_json::from_slice(&o.stdout).unwrap();
    assert!(page.records.is_empty(), "nothing was saved");
}

#[test]
fn a_bad_flag_value_or_a_stray_word_is_named_and_never_echoed() {
    let (_d, vault) = temp_vault();
    init(&vault);
    for args in [
        vec!["checkin", "--stress", "feeling awful about the meeting"],
        vec!["checkin", "--stress", "4", "--sleep", "feeling awful"],
        vec!["checkin", "--stress", "4", "feeling", "awful"],
        vec!["feeling awful about the meeting"],
    ] {
        let o = run(keel(&vault, &args));
        assert_eq!(code(&o), 1, "{args:?} is a usage error");
        let err = stderr(&o);
        assert!(!err.contains("awful"), "{args:?} is not repeated: {err}");
        assert!(err.starts_with("keel: "), "{args:?} says what to do: {err}");
    }
    let o = run(keel(&vault, &["checkin", "--stress", "lots"]));
    assert!(
        stderr(&o).contains("--stress") && stderr(&o).contains("Stress, 0–10"),
        "the option is named with what it takes: {}",
        stderr(&o)
    );
    let o = run(keel(&vault, &["checkin", "--stres", "4"]));
    assert!(
        stderr(&o).contains("there is no option --stres"),
        "a mistyped option's own name may be repeated: {}",
        stderr(&o)
    );
}

#[test]
fn a_record_from_a_newer_keel_is_shown_kept_and_purged_only_with_force() {
    let (_d, vault) = temp_vault();
    init(&vault);
    let mut v = keel::Vault::unlock(&vault, &pass(), noon()).unwrap();
    let id = v
        .write_foreign_payload(
            br#"{"created":"2027-03-01T09:00:00+01:00","updated":"2027-03-01T09:00:00+01:00","at":"2027-03-01T08:30:00+01:00","v":1,"body":{"urge_surf":{"peak":7}}}"#,
        )
        .unwrap()
        .to_string();
    v.lock();

    let o = run(keel(&vault, &["list"]));
    assert_eq!(code(&o), 0, "it is not damage: {}", stderr(&o));
    assert!(
        stdout(&o).contains("unknown") && stdout(&o).contains("written by a newer version of Keel"),
        "{}",
        stdout(&o)
    );
    let o = run(keel(&vault, &["show", &id, "--json"]));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["body"]["kind"], "unknown");
    assert_eq!(r["body"]["writtenAs"], "urge_surf");
    assert_eq!(
        r["body"]["payload"]["peak"], 7,
        "its payload is shown as written"
    );
    let o = run(keel(&vault, &["show", &id]));
    assert!(stdout(&o).contains("update Keel"), "{}", stdout(&o));

    let o = run(keel(&vault, &["trash", &id]));
    assert_eq!(code(&o), 4, "it is not rewritten: {}", stderr(&o));
    let o = run(keel(&vault, &["purge", &id]));
    assert_eq!(code(&o), 4, "nor purged without force: {}", stderr(&o));
    assert!(
        stderr(&o).contains("newer version of Keel"),
        "{}",
        stderr(&o)
    );
    let o = run(keel(&vault, &["purge", &id, "--force"]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = run(keel(&vault, &["show", &id]));
    assert_eq!(code(&o), 1, "gone");
}

#[test]
fn trash_is_the_word_and_delete_still_works() {
    let (_d, vault) = temp_vault();
    init(&vault);
    let a = stdout(&run(keel(&vault, &["journal", "add", "--text", "one"])))
        .trim()
        .to_owned();
    let b = stdout(&run(keel(&vault, &["journal", "add", "--text", "two"])))
        .trim()
        .to_owned();
    assert_eq!(code(&run(keel(&vault, &["trash", &a]))), 0);
    assert_eq!(code(&run(keel(&vault, &["delete", &b]))), 0);
    let o = run(keel(&vault, &["list", "--trash", "--json"]));
    let page: keel::dto::ListPage = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(page.total, 2, "both are in the trash");
}

#[test]
fn rekey_prints_a_new_recovery_key_and_the_old_one_stops_working() {
    let (_d, vault) = temp_vault();
    let old = init(&vault);
    let id = stdout(&run(keel(&vault, &["journal", "add", "--text", "kept"])))
        .trim()
        .to_owned();
    let o = run(keel(&vault, &["rekey", "--json"]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let new: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let new = new["recoveryKey"].as_str().unwrap();
    assert_ne!(new, old);
    let o = run(keel(&vault, &["show", &id]));
    assert!(stdout(&o).contains("kept"), "the passphrase still opens it");
    let recover = |key: &str| {
        let mut c = keel(&vault, &["recover"]);
        c.env("KEEL_RECOVERY_KEY", key)
            .env("KEEL_NEW_PASSPHRASE", PASS);
        run(c)
    };
    assert_eq!(code(&recover(&old)), 2, "the old recovery key is refused");
    assert_eq!(code(&recover(new)), 0, "the new one works");
}

#[test]
fn export_warns_that_it_is_not_encrypted_and_is_private() {
    let (_d, vault) = temp_vault();
    init(&vault);
    let out = vault.parent().unwrap().join("out.json");
    let o = run(keel(&vault, &["export", "--out", out.to_str().unwrap()]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("not encrypted"), "{}", stderr(&o));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        // A link planted where the export goes is replaced, never written through.
        let target = vault.parent().unwrap().join("elsewhere.txt");
        std::fs::write(&target, "someone else's file").unwrap();
        std::fs::remove_file(&out).unwrap();
        std::os::unix::fs::symlink(&target, &out).unwrap();
        let o = run(keel(
            &vault,
            &["export", "--out", out.to_str().unwrap(), "--force"],
        ));
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        assert_eq!(
            std::fs::read_to_string(&target).unwrap(),
            "someone else's file"
        );
        assert!(
            !std::fs::symlink_metadata(&out)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
}

#[test]
fn list_warns_on_stderr_when_the_set_of_entries_was_changed_outside_keel() {
    let (_d, vault) = temp_vault();
    init(&vault);
    let a = stdout(&run(keel(&vault, &["journal", "add", "--text", "one"])))
        .trim()
        .to_owned();
    let o = run(keel(&vault, &["list"]));
    assert!(
        !stderr(&o).contains("changed outside Keel"),
        "{}",
        stderr(&o)
    );
    let id: Vec<u8> = (0..16)
        .map(|i| u8::from_str_radix(&a[2 * i..2 * i + 2], 16).unwrap())
        .collect();
    raw(&vault)
        .execute("DELETE FROM records WHERE id = ?1", [&id])
        .unwrap();
    let o = run(keel(&vault, &["list"]));
    assert!(
        stderr(&o).contains("changed outside Keel"),
        "{}",
        stderr(&o)
    );
    let o = run(keel(&vault, &["verify"]));
    assert_eq!(code(&o), 3);
    let o = run(keel(&vault, &["verify", "--accept"]));
    assert_eq!(code(&o), 0, "accepted: {}", stdout(&o));
    let o = run(keel(&vault, &["list"]));
    assert!(
        !stderr(&o).contains("changed outside Keel"),
        "{}",
        stderr(&o)
    );
}
