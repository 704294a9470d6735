use keel::commands;
use keel::dto::*;

use crate::support::*;

const MARKER: &str = "ZEBRA-MARKER-7731-ünïcødé";

#[test]
fn a_marker_written_into_every_text_field_never_reaches_the_vault_files() {
    let (dir, path) = temp_vault();
    let mut v = new_vault(&path);
    // Every kind, every string field: the loop covers kinds added later without a change here.
    let mut ids = Vec::new();
    for kind in keel::model::Kind::ALL {
        let (r, sent) = crate::support::kinds::save_with_marker(*kind, MARKER, |body| {
            commands::add(&mut v, NewRecord { at: None, body })
        });
        let text = serde_json::to_string(&r.body).unwrap();
        // Every text field that took the marker holds it (a clock has one; most kinds several).
        assert!(sent >= 1, "{kind}: some text field took the marker");
        assert_eq!(
            text.matches(MARKER).count(),
            sent,
            "{kind}: the marker is in each text field it was written to ({text})"
        );
        ids.push(r.id);
    }
    // Edit and trash too, so old revisions pass through the WAL.
    commands::trash(&mut v, &ids[0]).unwrap();
    commands::restore(&mut v, &ids[0]).unwrap();

    // While the vault is open the WAL and shared-memory files exist: check them all.
    let files = files_under(dir.path());
    assert!(
        files
            .iter()
            .any(|(p, _)| p.to_string_lossy().ends_with("-wal")),
        "the WAL should exist while the vault is open"
    );
    for (p, bytes) in &files {
        for enc in encodings(MARKER) {
            assert!(
                !contains(bytes, &enc),
                "the marker leaked into {}",
                p.display()
            );
        }
        // Also a short ASCII prefix, in case only part of it was written.
        assert!(
            !contains(bytes, b"ZEBRA-MARKER"),
            "marker prefix leaked into {}",
            p.display()
        );
    }
    // Nor in what the engine prints about itself.
    assert!(
        !format!("{v:?}").contains("ZEBRA"),
        "Debug of a vault shows no content"
    );
    drop(v);
    for (p, bytes) in files_under(dir.path()) {
        assert!(
            !contains(&bytes, b"ZEBRA-MARKER"),
            "after close: leaked into {}",
            p.display()
        );
    }
}

#[test]
fn errors_never_quote_what_the_user_wrote() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    let err = commands::add(
        &mut v,
        NewRecord {
            at: Some(format!("{MARKER} is not a time")),
            body: BodyDto::Checkin(CheckinDto {
                stress: Some(3),
                context: Some(MARKER.into()),
                ..Default::default()
            }),
        },
    )
    .unwrap_err();
    let shown = format!("{err} {err:?} {:?}", ErrorDto::from(&err));
    assert!(
        !shown.contains("ZEBRA"),
        "an error must not echo input: {shown}"
    );
    let err = commands::add(
        &mut v,
        NewRecord {
            at: None,
            body: BodyDto::Checkin(CheckinDto {
                stress: Some(3),
                context: Some(MARKER.into()),
                ..Default::default()
            }),
        },
    )
    .unwrap_err();
    let shown = format!("{err} {err:?}");
    assert!(
        shown.contains("context") && !shown.contains("ZEBRA"),
        "{shown}"
    );
}

#[test]
fn sealed_lengths_fall_into_buckets() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    let mut ids: Vec<String> = Vec::new();
    for text in ["a", "a bit longer than that", "twenty-five characters ok"] {
        let r = commands::add(
            &mut v,
            NewRecord {
                at: None,
                body: BodyDto::Journal(JournalDto {
                    text: text.into(),
                    ..Default::default()
                }),
            },
        )
        .unwrap();
        ids.push(r.id);
    }
    drop(v);
    let lens: std::collections::BTreeSet<usize> = rows(&path)
        .iter()
        .filter(|r| ids.contains(&hex(&r.0)))
        .map(|r| r.2.len())
        .collect();
    assert_eq!(
        lens.len(),
        1,
        "short records must share one size bucket, saw {lens:?}"
    );
}

#[test]
fn debug_output_of_records_queries_and_requests_never_holds_entry_text() {
    let (_dir, path) = temp_vault();
    let mut v = new_vault(&path);
    let mut printed = Vec::new();
    for kind in keel::model::Kind::ALL {
        let (body, _) = crate::support::kinds::save_with_marker(*kind, MARKER, |body| {
            printed.push(format!(
                "{:?}",
                NewRecord {
                    at: None,
                    body: body.clone()
                }
            ));
            commands::add(&mut v, NewRecord { at: None, body })
        });
        printed.push(format!("{body:?}"));
        let id = keel::model::RecordId::parse(&body.id).unwrap();
        let record = v.get(id).unwrap();
        printed.push(format!("{record:?} {:?}", record.body));
    }
    let q = ListQuery {
        text: Some(MARKER.into()),
        tag: Some(MARKER.into()),
        ..Default::default()
    };
    printed.push(format!("{q:?}"));
    printed.push(format!("{:?}", commands::list(&mut v, q).unwrap()));
    printed.push(format!(
        "{:?}",
        SearchQuery {
            text: MARKER.into(),
            limit: None
        }
    ));
    printed.push(format!("{:?}", commands::export(&mut v).unwrap()));
    printed.push(format!("{v:?}"));
    let all = printed.join("\n");
    assert!(
        all.contains("Body::journal(JournalEntry(…))")
            && all.contains("BodyDto::journal(JournalDto(…))"),
        "the output still says what things are: {all}"
    );
    assert!(
        !all.contains(MARKER),
        "no entry text in Debug output: {all}"
    );
}
