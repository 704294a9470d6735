//! CSV and Markdown exports: every record in its kind's file with its fields, text that needs
//! quoting quoted, entries as Markdown files by year and month, written privately.

use keel::commands;
use keel::dto::*;

use crate::support::*;

#[test]
fn csv_has_a_file_per_kind_whose_rows_read_back_field_by_field() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    commands::add(
        &mut v,
        NewRecord {
            at: Some("2026-11-02T09:15:00-05:00".into()),
            body: BodyDto::Checkin(CheckinDto {
                stress: Some(6),
                halt: HaltDto {
                    tired: true,
                    ..Default::default()
                },
                triggers: vec!["deadline".into(), "traffic".into()],
                note: "long day, \"really\"\nand tired".into(),
                ..Default::default()
            }),
        },
    )
    .unwrap();
    journal(&mut v, "A journal entry");
    let doc = commands::export(&mut v).unwrap();
    let files = keel::export::csv(&doc.records);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["checkin.csv", "journal.csv", "skill.csv"],
        "the registry's order"
    );
    let rows = keel::import::csv::rows(&files[0].1).unwrap();
    let header = &rows[0].1;
    let row = &rows[1].1;
    let cell = |name: &str| row[header.iter().position(|h| h == name).expect(name)].clone();
    assert_eq!(cell("stress"), "6");
    assert_eq!(cell("mood"), "", "not rated: empty");
    assert_eq!(cell("halt.tired"), "yes");
    assert_eq!(cell("halt.hungry"), "no");
    assert_eq!(cell("triggers"), "deadline; traffic");
    assert_eq!(cell("note"), "long day, \"really\"\nand tired");
    assert_eq!(cell("localDate"), "2026-11-02");
    assert_eq!(rows.len(), 2, "a header and one check-in");
}

#[test]
fn markdown_has_each_entry_in_its_year_and_month_and_leaves_the_trash_and_reference_out() {
    let (d, path) = temp_vault();
    let mut v = new_vault(&path);
    let kept = commands::add(
        &mut v,
        NewRecord {
            at: Some("2026-03-04T21:30:00-05:00".into()),
            body: BodyDto::Journal(JournalDto {
                title: "After group".into(),
                text: "We talked about sleep.\n\nThen I walked home.".into(),
                tags: vec!["group".into()],
                ..Default::default()
            }),
        },
    )
    .unwrap();
    let gone = journal(&mut v, "Trashed words");
    commands::trash(&mut v, &gone.id).unwrap();
    let doc = commands::export(&mut v).unwrap();
    let files = keel::export::markdown_files(&doc.records);
    assert_eq!(
        files.len(),
        1,
        "skills are reference, the trashed entry is left out"
    );
    let (rel, text) = &files[0];
    assert_eq!(
        rel.to_string_lossy(),
        format!("2026/03/2026-03-04-2130-after-group-{}.md", &kept.id[..8])
    );
    assert!(text.starts_with("# After group\n"), "{text}");
    assert!(
        text.contains("We talked about sleep.\n\nThen I walked home."),
        "{text}"
    );
    assert!(text.contains("- **tags**: group"), "{text}");
    assert!(!keel::export::markdown_one(&doc.records).contains("Trashed words"));

    let out = d.path().join("md");
    keel::export::write_tree(&out, &files).unwrap();
    let written = out.join(rel);
    assert_eq!(std::fs::read_to_string(&written).unwrap(), *text);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&written).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    assert!(
        matches!(
            keel::export::write_tree(&out, &files),
            Err(keel::Error::InvalidInput { field: "out", .. })
        ),
        "a folder with files in it is refused"
    );
}
