//! Importing Keel's own export: a lossless round trip (ids, revisions, times, the trash), the
//! same file twice adds nothing, a preview writes nothing, a bad entry is named and nothing is
//! written.

use keel::commands;
use keel::dto::*;

use crate::support::kinds::samples;
use crate::support::*;

/// Every record of the export, as JSON, in a stable order.
fn records_of(doc: &ExportDocument) -> Vec<serde_json::Value> {
    let mut v: Vec<serde_json::Value> = doc
        .records
        .iter()
        .map(|r| serde_json::to_value(r).unwrap())
        .collect();
    v.sort_by_key(|r| r["id"].as_str().unwrap().to_owned());
    v
}

fn filled_vault(path: &std::path::Path) -> keel::Vault {
    let mut v = new_vault(path);
    for (_, body, _) in samples() {
        commands::add(
            &mut v,
            NewRecord {
                at: Some("2026-11-02T09:15:00-05:00".into()),
                body,
            },
        )
        .unwrap();
    }
    let j = journal(&mut v, "edited, then trashed");
    commands::update(
        &mut v,
        UpdateRecord {
            id: j.id.clone(),
            at: None,
            body: BodyDto::Journal(JournalDto {
                text: "edited once".into(),
                ..Default::default()
            }),
        },
    )
    .unwrap();
    commands::trash(&mut v, &j.id).unwrap();
    // A built-in skill changed by the person: theirs, not the new vault's, after the import.
    let skill = commands::skills(&mut v, true).unwrap().remove(0);
    let BodyDto::Skill(mut k) = skill.body.clone() else {
        panic!("a skill")
    };
    k.favourite = !k.favourite;
    commands::update(
        &mut v,
        UpdateRecord {
            id: skill.id,
            at: None,
            body: BodyDto::Skill(k),
        },
    )
    .unwrap();
    v
}

#[test]
fn an_export_imported_into_a_new_vault_exports_the_same_records() {
    let (_d, a) = temp_vault();
    let mut va = filled_vault(&a);
    let exported = commands::export(&mut va).unwrap();
    let text = serde_json::to_string(&exported).unwrap();

    let (_d2, b) = temp_vault();
    let mut vb = new_vault(&b);
    let (records, newer) = keel::import::keel_json(&text).unwrap();
    assert_eq!(newer, 0);
    let preview = keel::import::import(&mut vb, records.clone(), newer, true).unwrap();
    assert!(!preview.written);
    let before = commands::export(&mut vb).unwrap();
    let done = keel::import::import(&mut vb, records.clone(), newer, false).unwrap();
    assert!(done.written);
    assert_eq!(
        (preview.added, preview.already, &preview.by_kind),
        (done.added, done.already, &done.by_kind),
        "the preview counts what the import adds"
    );
    assert_ne!(
        records_of(&before),
        records_of(&commands::export(&mut vb).unwrap()),
        "the preview wrote nothing; the import did"
    );
    // Lossless: the new vault's records are the old vault's, ids, revisions, times and trash
    // included (its own untouched built-in skills gave way to the imported ones).
    assert_eq!(
        records_of(&commands::export(&mut vb).unwrap()),
        records_of(&exported)
    );
    drop(vb);
    let mut reopened = reopen(&b);
    assert_eq!(
        records_of(&commands::export(&mut reopened).unwrap()),
        records_of(&exported),
        "and so it stays after unlocking again"
    );
    assert!(reopened.verify().unwrap().clean());

    // The same file again adds nothing.
    let again = keel::import::import(&mut reopened, records, 0, false).unwrap();
    assert_eq!(
        (again.added, again.already),
        (0, exported.records.len() as u32)
    );
}

#[test]
fn a_bad_entry_is_named_by_its_number_and_field_and_nothing_is_written() {
    let (_d, a) = temp_vault();
    let mut va = filled_vault(&a);
    let mut doc = serde_json::to_value(commands::export(&mut va).unwrap()).unwrap();
    let (_d2, b) = temp_vault();
    let mut vb = new_vault(&b);
    let count = commands::export(&mut vb).unwrap().records.len();

    doc["records"][2]["at"] = "yesterday".into();
    let e = keel::import::keel_json(&doc.to_string()).unwrap_err();
    assert!(
        matches!(&e, keel::Error::InvalidInput { field: "records", reason } if reason.starts_with("entry 3 (at): ")),
        "{e:?}"
    );
    doc["records"][2]["at"] = doc["records"][2]["created"].clone();
    let skill = doc["records"]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r["body"]["kind"] == "skill")
        .unwrap();
    doc["records"][skill]["body"]["name"] = "".into();
    let e = keel::import::keel_json(&doc.to_string()).unwrap_err();
    let want = format!("entry {} (name): ", skill + 1);
    assert!(
        matches!(&e, keel::Error::InvalidInput { field: "records", reason } if reason.starts_with(&want)),
        "{e:?}"
    );
    for (bad, field) in [
        (
            r#"{"format":"something-else","version":1,"exportedAt":"","records":[],"damaged":[]}"#,
            "format",
        ),
        (
            r#"{"format":"keel-export","version":9,"exportedAt":"","records":[],"damaged":[]}"#,
            "version",
        ),
        ("not json at all", "file"),
    ] {
        assert!(
            matches!(keel::import::keel_json(bad), Err(keel::Error::InvalidInput { field: f, .. }) if f == field),
            "{field}"
        );
    }
    assert_eq!(
        commands::export(&mut vb).unwrap().records.len(),
        count,
        "nothing written"
    );
}
