use crate::support::*;
use crate::*;

#[test]
fn import_keel_previews_then_adds_once_and_names_a_bad_entry() {
    let (d, a) = temp_vault();
    init(&a);
    for text in ["first words", "second words"] {
        let o = run(keel(&a, &["journal", "add", "--text", text]));
        assert_eq!(code(&o), 0, "{}", stderr(&o));
    }
    let file = d.path().join("export.json");
    let o = run(keel(&a, &["export", "--out", file.to_str().unwrap()]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));

    let b = d.path().join("other").join("vault.keel");
    init(&b);
    let o = run(keel(
        &b,
        &["import", "keel", file.to_str().unwrap(), "--dry-run"],
    ));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("would add "), "{out}");
    assert!(out.contains("journal 2"), "{out}");
    let o = run(keel(&b, &["list"]));
    assert!(
        !stdout(&o).contains("first words"),
        "a preview writes nothing"
    );

    let o = run(keel(&b, &["import", "keel", file.to_str().unwrap()]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).starts_with("added "), "{}", stdout(&o));
    let o = run(keel(&b, &["list"]));
    assert!(stdout(&o).contains("first words") && stdout(&o).contains("second words"));

    let o = run(keel(
        &b,
        &["import", "keel", file.to_str().unwrap(), "--json"],
    ));
    let j: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(j["added"], 0, "the same file twice adds nothing");
    assert!(j["already"].as_u64().unwrap() >= 2);

    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    doc["records"][1]["created"] = "last Tuesday".into();
    let bad = d.path().join("bad.json");
    std::fs::write(&bad, doc.to_string()).unwrap();
    let o = run(keel(&b, &["import", "keel", bad.to_str().unwrap()]));
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("records: entry 2 (created): a time is RFC 3339"),
        "{}",
        stderr(&o)
    );
    assert!(
        !stderr(&o).contains("last Tuesday"),
        "the bad value is not repeated"
    );
}

#[test]
fn import_daylio_maps_moods_and_names_an_unmapped_label_by_line() {
    let (d, vault) = temp_vault();
    init(&vault);
    let file = d.path().join("daylio_export.csv");
    std::fs::write(
        &file,
        "\u{feff}full_date,date,weekday,time,mood,activities,note_title,note\n\
         2026-11-27,27 nov.,jeudi,21:15,rad,work | friends,Good day,\"A <b>good</b> day\"\n\
         2026-11-26,26 nov.,mercredi,9:05 PM,ecstatic,,,\n",
    )
    .unwrap();
    let o = run(keel(&vault, &["import", "daylio", file.to_str().unwrap()]));
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("line 3 (mood): \u{201c}ecstatic\u{201d} has no number: give it one with --mood-map \"ecstatic=N\""),
        "{}",
        stderr(&o)
    );
    let o = run(keel(
        &vault,
        &[
            "import",
            "daylio",
            file.to_str().unwrap(),
            "--mood-map",
            "ecstatic=10",
        ],
    ));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "added 3 records (checkin 2, journal 1), from 2026-11-26 to 2026-11-27\n"
    );
    let o = run(keel(&vault, &["search", "good day"]));
    assert!(
        stdout(&o).contains("journal") && stdout(&o).contains("Good day"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn export_writes_csv_per_kind_or_markdown_and_says_it_is_not_encrypted() {
    let (d, vault) = temp_vault();
    init(&vault);
    run(keel(
        &vault,
        &[
            "journal",
            "add",
            "--title",
            "After group",
            "--text",
            "Walked home, slowly.",
        ],
    ));
    let csv = d.path().join("csv");
    let o = run(keel(
        &vault,
        &["export", "--format", "csv", "--out", csv.to_str().unwrap()],
    ));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("not encrypted"), "{}", stderr(&o));
    let journal = std::fs::read_to_string(csv.join("journal.csv")).unwrap();
    assert!(journal.contains("\"Walked home, slowly.\""), "{journal}");
    assert!(csv.join("skill.csv").is_file());

    let one = d.path().join("all.md");
    let o = run(keel(
        &vault,
        &[
            "export",
            "--format",
            "markdown",
            "--one-file",
            "--out",
            one.to_str().unwrap(),
        ],
    ));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let md = std::fs::read_to_string(&one).unwrap();
    assert!(md.starts_with("## After group"), "{md}");

    // To a .zip: the same files in one, written owner-only.
    let zipped = d.path().join("keel.zip");
    let o = run(keel(
        &vault,
        &[
            "export",
            "--format",
            "csv",
            "--out",
            zipped.to_str().unwrap(),
        ],
    ));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("not encrypted"), "{}", stderr(&o));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&zipped).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&zipped).unwrap()).unwrap();
    let mut inside = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("journal.csv").unwrap(), &mut inside).unwrap();
    assert_eq!(inside, journal);
    assert!(zip.by_name("skill.csv").is_ok());

    let o = run(keel(
        &vault,
        &["export", "--format", "csv", "--out", csv.to_str().unwrap()],
    ));
    assert_eq!(code(&o), 1, "a folder with files is not written into");
    let o = run(keel(&vault, &["export", "--format", "pdf", "--out", "x"]));
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("format: choose json, csv or markdown"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn import_dayone_reads_its_export_zip_and_backs_up_first() {
    let (d, vault) = temp_vault();
    init(&vault);
    let journal = r#"{"metadata": {"version": "1.0"}, "entries": [
 {"uuid": "A1B2", "creationDate": "2026-11-28T02:30:00Z", "timeZone": "America/New_York",
  "text": "After group, a long walk", "photos": [{"identifier": "ABC"}]}]}"#;
    let file = d.path().join("Day One export.zip");
    {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(std::fs::File::create(&file).unwrap());
        let opts = zip::write::SimpleFileOptions::default();
        w.start_file("Journal.json", opts).unwrap();
        w.write_all(journal.as_bytes()).unwrap();
        w.start_file("photos/abc.jpeg", opts).unwrap();
        w.write_all(&[0xff, 0xd8, 0xff]).unwrap();
        w.finish().unwrap();
    }
    let backups = d.path().join("backups");
    let o = run(keel(&vault, &["backup", "--to", backups.to_str().unwrap()]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let names = || -> Vec<std::path::PathBuf> {
        std::fs::read_dir(&backups)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect()
    };
    let first = names();
    assert_eq!(first.len(), 1);

    let o = run(keel(
        &vault,
        &["import", "dayone", file.to_str().unwrap(), "--json"],
    ));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let j: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        (j["added"].as_u64(), j["media"].as_u64()),
        (Some(1), Some(1))
    );
    let o = run(keel(&vault, &["list"]));
    assert!(
        stdout(&o).contains("After group, a long walk"),
        "{}",
        stdout(&o)
    );
    // A backup was made before the import (rotation keeps the day's newest: it alone).
    let after = names();
    assert_eq!(after.len(), 1);
    assert_ne!(after, first, "a new backup");
    let o = run(keel(&after[0], &["list"]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        !stdout(&o).contains("After group"),
        "the backup is from before the import: {}",
        stdout(&o)
    );
}
