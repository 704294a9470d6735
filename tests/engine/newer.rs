//! Records a newer Keel wrote (a kind, or a version of a kind, this build does not know) are
//! kept, shown, never reported as damaged, never rewritten, and purged only when forced.

use keel::Error;
use keel::commands;
use keel::dto::*;
use keel::model::{Kind, RecordId};

use crate::support::*;

/// A kind this build has never heard of, as a later Keel might seal it.
const FUTURE_KIND: &str = r#"{"created":"2027-03-01T09:00:00+01:00","updated":"2027-03-01T09:00:00+01:00","at":"2027-03-01T08:30:00+01:00","v":1,"body":{"urge_surf":{"peak":7,"minutes":12,"note":"rode it out"}}}"#;
/// A check-in at a payload version newer than this build writes.
const FUTURE_VERSION: &str = r#"{"created":"2027-03-02T09:00:00+01:00","updated":"2027-03-02T09:00:00+01:00","at":"2027-03-02T09:00:00+01:00","v":9,"body":{"checkin":{"stress":4,"energy":7}}}"#;

fn vault_with_newer() -> (tempfile::TempDir, std::path::PathBuf, RecordId, RecordId) {
    let (dir, path) = temp_vault();
    let mut v = new_vault(&path);
    let a = v.write_foreign_payload(FUTURE_KIND.as_bytes()).unwrap();
    let b = v.write_foreign_payload(FUTURE_VERSION.as_bytes()).unwrap();
    v.lock();
    (dir, path, a, b)
}

#[test]
fn a_future_kind_and_a_future_version_are_kept_and_shown_not_reported_as_damaged() {
    let (_d, path, a, b) = vault_with_newer();
    let mut v = reopen(&path);
    let page = commands::list(&mut v, ListQuery::default()).unwrap();
    assert!(page.damaged.is_empty(), "neither is called damaged");
    let ids: Vec<&str> = page.records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![b.to_string(), a.to_string()],
        "both are in the timeline, by their own time"
    );
    let r = commands::get(&mut v, &a.to_string()).unwrap();
    assert_eq!(r.at, "2027-03-01T08:30:00+01:00");
    assert_eq!(r.local_date, "2027-03-01");
    match &r.body {
        BodyDto::Unknown(u) => {
            assert_eq!(u.written_as, "urge_surf");
            assert_eq!(u.version, 1);
            assert_eq!(
                u.payload,
                serde_json::json!({"peak": 7, "minutes": 12, "note": "rode it out"}),
                "its payload is shown as written"
            );
        }
        other => panic!("a future kind is Unknown, got {other:?}"),
    }
    match commands::get(&mut v, &b.to_string()).unwrap().body {
        BodyDto::Unknown(u) => assert_eq!((u.written_as.as_str(), u.version), ("checkin", 9)),
        other => panic!("a future version is Unknown, got {other:?}"),
    }
    let only = commands::list(
        &mut v,
        ListQuery {
            kinds: vec!["unknown".into()],
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(only.total, 2, "they can be listed on their own");
    let report = commands::verify(&mut v).unwrap();
    assert!(
        report.damaged.is_empty() && report.manifest_ok && report.database_ok,
        "verify finds nothing wrong: {report:?}"
    );
    let export = commands::export(&mut v).unwrap();
    assert!(
        export
            .records
            .iter()
            .any(|r| r.id == a.to_string() && matches!(r.body, BodyDto::Unknown(_))),
        "the export carries them"
    );
}

#[test]
fn a_record_from_a_newer_keel_is_never_rewritten() {
    let (_d, path, a, _b) = vault_with_newer();
    let before = rows(&path);
    let mut v = reopen(&path);
    let id = a.to_string();
    let refused = |r: keel::Result<RecordDto>, what: &str| match r {
        Err(Error::RecordFromNewerVersion { id: got }) => assert_eq!(got, id, "{what}"),
        other => panic!("{what} is refused with RecordFromNewerVersion, got {other:?}"),
    };
    refused(commands::trash(&mut v, &id), "moving it to the trash");
    refused(commands::restore(&mut v, &id), "restoring it");
    refused(
        commands::update(
            &mut v,
            UpdateRecord {
                id: id.clone(),
                at: None,
                body: BodyDto::Journal(JournalDto {
                    text: "overwrite".into(),
                    ..Default::default()
                }),
            },
        ),
        "editing it",
    );
    v.lock();
    let mut after = rows(&path);
    let mut before = before;
    before.sort();
    after.sort();
    assert_eq!(before, after, "every row is byte for byte as it was");
}

#[test]
fn a_record_from_a_newer_keel_is_purged_only_when_forced() {
    let (_d, path, a, _b) = vault_with_newer();
    let mut v = reopen(&path);
    let id = a.to_string();
    match commands::purge(&mut v, &id, false) {
        Err(Error::RecordFromNewerVersion { .. }) => {}
        other => panic!("purging without force is refused, got {other:?}"),
    }
    assert!(commands::get(&mut v, &id).is_ok(), "and it is still there");
    commands::purge(&mut v, &id, true).unwrap();
    match commands::get(&mut v, &id) {
        Err(Error::NotFound { .. }) => {}
        other => panic!("forced, it is gone, got {other:?}"),
    }
    let report = commands::verify(&mut v).unwrap();
    assert!(report.manifest_ok, "the manifest follows the purge");
}

#[test]
fn an_unknown_record_is_searched_by_nothing_and_filtered_by_no_tag() {
    let (_d, path, _a, _b) = vault_with_newer();
    let mut v = reopen(&path);
    let hits = commands::search(
        &mut v,
        SearchQuery {
            text: "rode it out".into(),
            limit: None,
        },
    )
    .unwrap();
    assert_eq!(
        hits.total, 0,
        "its text is not known to this build, so it is not searched"
    );
    assert_eq!(Kind::parse("unknown").unwrap(), Kind::Unknown);
}
