//! Importing Keel's own export: a lossless round trip (ids, revisions, times, the trash), the
//! same file twice adds nothing, a preview writes nothing, a bad entry is named and nothing is
//! written.

use keel::commands;
use keel::dto::*;

use crate::support::kinds::samples;
use crate::support::*;

fn parsed(records: Vec<keel::model::Record>, newer: u32) -> keel::import::Parsed {
    keel::import::Parsed {
        records,
        newer,
        media: 0,
    }
}

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
    let preview = keel::import::import(&mut vb, parsed(records.clone(), newer), true).unwrap();
    assert!(!preview.written);
    let before = commands::export(&mut vb).unwrap();
    let done = keel::import::import(&mut vb, parsed(records.clone(), newer), false).unwrap();
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
    let again = keel::import::import(&mut reopened, parsed(records, 0), false).unwrap();
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

fn est(t: chrono::NaiveDateTime) -> chrono::FixedOffset {
    let _ = t;
    chrono::FixedOffset::west_opt(5 * 3600).unwrap()
}

/// A Daylio export as a phone writes it: a byte-order mark, the weekday in another language,
/// 24- and 12-hour times mixed, a label of the person's own, HTML in a note, a comma and a line
/// break inside one.
pub const DAYLIO: &str = "\u{feff}full_date,date,weekday,time,mood,activities,note_title,note\n\
2026-11-27,27 nov.,jeudi,21:15,rad,work | friends,Good day,\"A <b>good</b> day<br>with Sam &amp; Jo\"\n\
2026-11-26,26 nov.,mercredi,9:05 PM,ecstatic,,,\n\
2026-11-26,26 nov.,mercredi,7:30 am,awful,sleep,,\"woke at 4,\ncouldn't sleep\"\n";

pub const JRNL: &str = r##"{"tags": {"@work": 1}, "entries": [
 {"title": "Group night", "body": "Talked about sleep.", "date": "2026-11-20", "time": "21:30", "tags": ["@work", "#sleep"], "starred": true},
 {"title": "Short", "body": "", "date": "2026-11-21", "time": "08:00", "tags": [], "starred": false}]}"##;

pub const DAY_ONE: &str = r##"{"metadata": {"version": "1.0"}, "entries": [
 {"uuid": "A1B2", "creationDate": "2026-11-28T02:30:00Z", "timeZone": "America/New_York",
  "text": "# After group\n\nBody text\n![](dayone-moment://ABC)", "tags": ["group"], "starred": true,
  "photos": [{"identifier": "ABC"}]},
 {"uuid": "C3D4", "creationDate": "2026-07-01T12:00:00Z", "timeZone": "Europe/Berlin", "text": "Summer"}]}"##;

fn bodies(p: &keel::import::Parsed) -> Vec<(String, serde_json::Value)> {
    p.records
        .iter()
        .map(|r| {
            let dto = RecordDto::from(r);
            (dto.at, serde_json::to_value(dto.body).unwrap())
        })
        .collect()
}

#[test]
fn daylio_rows_become_check_ins_and_journal_entries_with_the_moods_mapped() {
    use keel::import::{Source, daylio::MoodMap, parse};
    let missing = parse(Source::Daylio, DAYLIO, &MoodMap::default(), &est).unwrap_err();
    assert!(
        matches!(&missing, keel::Error::InvalidInput { field: "file", reason }
            if reason.starts_with("line 3 (mood): \u{201c}ecstatic\u{201d} has no number")),
        "{missing:?}"
    );
    let moods = MoodMap::parse("ecstatic=10").unwrap();
    let p = parse(Source::Daylio, DAYLIO, &moods, &est).unwrap();
    let got = bodies(&p);
    assert_eq!(got.len(), 5);
    assert_eq!(got[0].0, "2026-11-27T21:15:00-05:00");
    assert_eq!(got[0].1["kind"], "checkin");
    assert_eq!(got[0].1["mood"], 9);
    assert_eq!(got[1].1["kind"], "journal");
    assert_eq!(got[1].1["title"], "Good day");
    assert_eq!(got[1].1["text"], "A **good** day\nwith Sam & Jo");
    assert_eq!(got[1].1["tags"], serde_json::json!(["work", "friends"]));
    assert_eq!(
        (got[2].0.as_str(), &got[2].1["mood"]),
        ("2026-11-26T21:05:00-05:00", &serde_json::json!(10))
    );
    assert_eq!(got[3].0, "2026-11-26T07:30:00-05:00");
    assert_eq!(got[3].1["mood"], 1);
    assert_eq!(got[4].1["text"], "woke at 4,\ncouldn't sleep");

    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    let first = keel::import::import(&mut v, p.clone(), false).unwrap();
    assert_eq!((first.added, first.already), (5, 0));
    // The preview's first records, oldest first, in words.
    let shown: Vec<(&str, &str)> = first
        .first
        .iter()
        .map(|e| (e.day.as_str(), e.summary.as_str()))
        .take(2)
        .collect();
    assert_eq!(shown[0].0, "2026-11-26");
    assert!(shown[0].1.contains("mood 1"), "{shown:?}");
    assert_eq!(
        (first.first_day.as_deref(), first.last_day.as_deref()),
        (Some("2026-11-26"), Some("2026-11-27"))
    );
    let again = keel::import::import(
        &mut v,
        parse(Source::Daylio, DAYLIO, &moods, &est).unwrap(),
        false,
    )
    .unwrap();
    assert_eq!(
        (again.added, again.already),
        (0, 5),
        "the same file twice adds nothing"
    );

    // An older export: no note_title (or scales) column.
    let old = "full_date,date,weekday,time,mood,activities,note\n\
               2026-01-02,2 Jan,Fri,08:00,meh,,hello\n\
               2026-01-03,3 Jan,Sat,08:00,good,walk | read,\n";
    let p = parse(Source::Daylio, old, &MoodMap::default(), &est).unwrap();
    let got = bodies(&p);
    assert_eq!(got[1].1["text"], "hello");
    assert_eq!(
        (&got[3].1["text"], &got[3].1["tags"]),
        (
            &serde_json::json!("walk, read"),
            &serde_json::json!(["walk", "read"])
        ),
        "activities alone: what was done is the entry's words"
    );
    for (bad, says) in [
        (
            "date,time,mood\n2026-01-02,08:00,meh\n",
            "no full_date column",
        ),
        (
            "full_date,time,mood\n2 Jan 2026,08:00,meh\n",
            "line 2 (full_date)",
        ),
        (
            "full_date,time,mood\n2026-01-02,8 o'clock,meh\n",
            "line 2 (time)",
        ),
        (
            "full_date,time,mood,note\n2026-01-02,08:00,meh,\"never closed\n",
            "line 2: a quote",
        ),
        ("", "the file is empty"),
    ] {
        let e = parse(Source::Daylio, bad, &MoodMap::default(), &est).unwrap_err();
        assert!(
            matches!(&e, keel::Error::InvalidInput { field: "file", reason } if reason.contains(says)),
            "{says}: {e:?}"
        );
    }
}

#[test]
fn jrnl_and_day_one_entries_keep_their_words_tags_stars_and_times() {
    use keel::import::{Source, daylio::MoodMap, parse};
    let j = parse(Source::Jrnl, JRNL, &MoodMap::default(), &est).unwrap();
    let got = bodies(&j);
    assert_eq!(got[0].0, "2026-11-20T21:30:00-05:00");
    assert_eq!(got[0].1["title"], "Group night");
    assert_eq!(got[0].1["text"], "Talked about sleep.");
    assert_eq!(
        got[0].1["tags"],
        serde_json::json!(["work", "sleep", "starred"])
    );
    assert_eq!(
        (&got[1].1["title"], &got[1].1["text"]),
        (&serde_json::json!(""), &serde_json::json!("Short")),
        "a title alone is the entry's text"
    );

    let d = parse(Source::DayOne, DAY_ONE, &MoodMap::default(), &est).unwrap();
    assert_eq!(d.media, 1, "the photo is counted, not kept");
    let got = bodies(&d);
    // 02:30 UTC on the 28th was 21:30 on the 27th in New York.
    assert_eq!(got[0].0, "2026-11-27T21:30:00-05:00");
    assert_eq!(got[0].1["text"], "# After group\n\nBody text");
    assert_eq!(got[0].1["tags"], serde_json::json!(["group", "starred"]));
    assert_eq!(
        got[1].0, "2026-07-01T14:00:00+02:00",
        "summer time in Berlin"
    );

    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    let s = keel::import::import(&mut v, d.clone(), false).unwrap();
    assert_eq!((s.added, s.media), (2, 1));
    assert_eq!(keel::import::import(&mut v, d, false).unwrap().added, 0);
    assert_eq!(keel::import::import(&mut v, j, false).unwrap().added, 2);
    for (source, bad, says) in [
        (
            Source::Jrnl,
            r#"{"entries":[{"date":"Nov 20","body":"x"}]}"#,
            "entry 1 (date)",
        ),
        (
            Source::DayOne,
            r#"{"entries":[{"creationDate":"yesterday"}]}"#,
            "entry 1 (creationDate)",
        ),
        (Source::DayOne, "[1, 2", "not a Day One JSON export"),
    ] {
        let e = parse(source, bad, &MoodMap::default(), &est).unwrap_err();
        assert!(
            matches!(&e, keel::Error::InvalidInput { reason, .. } if reason.contains(says)),
            "{says}: {e:?}"
        );
    }
}

mod never_panic {
    use keel::import::{Source, daylio::MoodMap, parse, read_bytes};
    use proptest::prelude::*;

    thread_local! {
        static ZIP: Vec<u8> = super::zip_of(&[
            ("Journal.json", super::DAY_ONE.as_bytes()),
            ("photos/abc.jpeg", &[0xff, 0xd8, 0xff]),
        ]);
    }

    fn mutate(base: &str, at: usize, bytes: &[u8]) -> String {
        let mut b = base.as_bytes().to_vec();
        let i = at % (b.len() + 1);
        b.splice(i..i, bytes.iter().copied());
        String::from_utf8_lossy(&b).into_owned()
    }

    proptest! {
        // 400 cases in CI; bench/import-fuzz.sh runs many more (KEEL_FUZZ_CASES).
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("KEEL_FUZZ_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(400)
        ))]
        /// Any text, and the real samples with bytes put in anywhere, reach every parser: each
        /// answers Ok or a named error, never a panic.
        #[test]
        fn importers_never_panic(text in ".{0,400}", at in 0usize..2000, junk in proptest::collection::vec(any::<u8>(), 0..12)) {
            for source in [Source::Keel, Source::Daylio, Source::DayOne, Source::Jrnl] {
                let _ = parse(source, &text, &MoodMap::default(), &super::est);
            }
            for (source, base) in [(Source::Daylio, super::DAYLIO), (Source::Jrnl, super::JRNL), (Source::DayOne, super::DAY_ONE)] {
                let _ = parse(source, &mutate(base, at, &junk), &MoodMap::parse("ecstatic=10").unwrap(), &super::est);
            }
            // A Day One zip with bytes put in or written over anywhere reaches the zip reader.
            let mut zip = ZIP.with(Clone::clone);
            let i = at % zip.len();
            let end = (i + junk.len()).min(zip.len());
            zip[i..end].copy_from_slice(&junk[..end - i]);
            let _ = read_bytes(zip, Source::DayOne, &MoodMap::default(), &super::est);
            let mut zip = ZIP.with(Clone::clone);
            zip.splice(i..i, junk.iter().copied());
            let _ = read_bytes(zip, Source::DayOne, &MoodMap::default(), &super::est);
        }
    }
}

/// A zip of `files` (name, bytes), as Day One and Keel's CSV export write them.
fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in files {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const DAY_ONE_TRAVEL: &str = r##"{"metadata": {"version": "1.0"}, "entries": [
 {"uuid": "E5F6", "creationDate": "2026-08-02T09:00:00Z", "timeZone": "Europe/Lisbon",
  "text": "Lisbon", "tags": ["travel"], "photos": [{"identifier": "P1"}, {"identifier": "P2"}]}]}"##;

#[test]
fn a_day_one_export_zip_is_read_with_every_journal_in_it_and_its_media_counted() {
    use keel::import::{Source, daylio::MoodMap, read_bytes, read_file};
    let zip = zip_of(&[
        ("Journal.json", DAY_ONE.as_bytes()),
        ("Travel.json", DAY_ONE_TRAVEL.as_bytes()),
        ("photos/abc.jpeg", &[0xff, 0xd8, 0xff, 0xe0, 0, 1, 2]),
        ("__MACOSX/._Journal.json", b"\x00\x05\x16\x07"),
        (".DS_Store", b"\x00\x00\x00\x01Bud1"),
    ]);
    let (d, path) = temp_vault();
    let file = d.path().join("Export.zip");
    std::fs::write(&file, &zip).unwrap();
    let p = read_file(&file, Source::DayOne, &MoodMap::default(), &est).unwrap();
    assert_eq!(p.media, 3, "one photo in Journal, two in Travel");
    let mut got: Vec<String> = bodies(&p)
        .iter()
        .map(|(at, b)| format!("{at} {}", b["text"].as_str().unwrap()))
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            "2026-07-01T14:00:00+02:00 Summer",
            "2026-08-02T10:00:00+01:00 Lisbon",
            "2026-11-27T21:30:00-05:00 # After group\n\nBody text",
        ]
    );
    let mut v = new_vault(&path);
    assert_eq!(keel::import::import(&mut v, p, false).unwrap().added, 3);
    // The journal alone, as a .json file, gives the same entries: nothing more to add.
    let alone = read_bytes(
        DAY_ONE.as_bytes().to_vec(),
        Source::DayOne,
        &MoodMap::default(),
        &est,
    )
    .unwrap();
    assert_eq!(keel::import::import(&mut v, alone, false).unwrap().added, 0);

    let bad_travel = DAY_ONE_TRAVEL.replace("2026-08-02T09:00:00Z", "August");
    for (bytes, source, says) in [
        (
            zip_of(&[("photos/abc.jpeg", &[0xff, 0xd8])]),
            Source::DayOne,
            "that zip holds no Day One journal",
        ),
        (
            zip_of(&[
                ("Journal.json", DAY_ONE.as_bytes()),
                ("Travel.json", bad_travel.as_bytes()),
            ]),
            Source::DayOne,
            "in Travel.json, entry 1 (creationDate)",
        ),
        (
            zip[..zip.len() / 2].to_vec(),
            Source::DayOne,
            "damaged or not a zip",
        ),
        (
            zip.clone(),
            Source::Daylio,
            "only Day One's export is read from a zip",
        ),
        (
            zip_of(&[("Journal.json", &[0xff, 0xfe, 0x00])]),
            Source::DayOne,
            "not UTF-8",
        ),
    ] {
        let e = read_bytes(bytes, source, &MoodMap::default(), &est).unwrap_err();
        assert!(
            matches!(&e, keel::Error::InvalidInput { field: "file" | "records", reason } if reason.contains(says)),
            "{says}: {e:?}"
        );
    }
}

#[test]
fn a_csv_export_in_one_zip_holds_the_same_files_as_the_folder() {
    use std::io::Read;
    let (_d, path) = temp_vault();
    let mut v = filled_vault(&path);
    let doc = keel::commands::export(&mut v).unwrap();
    let files = keel::export::csv_files(&doc.records);
    assert!(files.len() > 3);
    let bytes = keel::export::zip(&files).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut got = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        assert_eq!(f.compression(), zip::CompressionMethod::Deflated);
        assert_eq!(f.unix_mode().map(|m| m & 0o777), Some(0o600));
        let mut text = String::new();
        f.read_to_string(&mut text).unwrap();
        got.push((std::path::PathBuf::from(&*f.name().unwrap()), text));
    }
    assert_eq!(got, files);
}
