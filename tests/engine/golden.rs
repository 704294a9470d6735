//! Golden fixtures: a vault and payloads written by earlier builds (tests/fixtures/golden/).
//! Every later build must open them with every field intact. The fixtures are never
//! regenerated; a failure here means a change would make what a user wrote unreadable.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDateTime, NaiveTime};
use keel::Vault;
use keel::crypto::Passphrase;
use keel::model::*;

use crate::support::*;

const GOLDEN_PASS: &str = "correct horse battery staple";

fn golden(version: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/golden")
        .join(version)
}

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn ids(version: &str) -> BTreeMap<String, RecordId> {
    let m: BTreeMap<String, String> =
        serde_json::from_slice(&std::fs::read(golden(version).join("ids.json")).unwrap()).unwrap();
    m.into_iter()
        .map(|(k, v)| (k, RecordId::parse(&v).unwrap()))
        .collect()
}

/// A copy of the golden vault in a temp dir: the fixture itself is never opened for writing.
fn open_copy(version: &str) -> (tempfile::TempDir, PathBuf, Vault) {
    let (dir, path) = temp_vault();
    std::fs::copy(golden(version).join("vault.keel"), &path).unwrap();
    let v = Vault::unlock(&path, &Passphrase::from(GOLDEN_PASS), noon()).unwrap();
    (dir, path, v)
}

/// A copy of the golden vault opened with its recovery key (and a new passphrase).
fn recover_copy(version: &str) -> (tempfile::TempDir, Vault) {
    let (dir, path) = temp_vault();
    std::fs::copy(golden(version).join("vault.keel"), &path).unwrap();
    let key = std::fs::read_to_string(golden(version).join("recovery-key.txt")).unwrap();
    let v = Vault::recover(&path, key.trim(), &pass(), noon()).unwrap();
    (dir, v)
}

/// Decodes every payload of a fixture (`revision` of each named record) and checks it; every
/// named record has one.
fn check_payloads(version: &str, revision: impl Fn(&str) -> u64, check: impl Fn(&str, &Record)) {
    let ids = ids(version);
    let mut seen = 0;
    for entry in std::fs::read_dir(golden(version).join("payloads")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let bytes = std::fs::read(&path).unwrap();
        let r = keel::codec::decode(ids[&name], revision(&name), &bytes)
            .unwrap_or_else(|| panic!("the {version} {name} payload decodes"));
        check(&name, &r);
        seen += 1;
    }
    assert_eq!(seen, ids.len(), "a payload for every named record");
}

/// Every record of the v1 fixture, field by field, as the v1 build wrote it.
fn check_v1(name: &str, r: &Record) {
    let stamp = |created: &str, updated: &str, at: &str| {
        assert_eq!(r.created, t(created), "{name}: created");
        assert_eq!(
            r.created.offset(),
            t(created).offset(),
            "{name}: created keeps its offset"
        );
        assert_eq!(r.updated, t(updated), "{name}: updated");
        assert_eq!(r.at, t(at), "{name}: at");
        assert_eq!(r.at.offset(), t(at).offset(), "{name}: at keeps its offset");
    };
    match name {
        "checkin_full" => {
            stamp(
                "2026-11-02T09:20:00-05:00",
                "2026-11-02T09:20:00-05:00",
                "2026-11-02T09:15:00-05:00",
            );
            assert_eq!(r.revision, 1);
            assert_eq!(r.trashed, None);
            assert_eq!(
                r.body,
                Body::Checkin(Checkin {
                    stress: Some(6),
                    mood: Some(4),
                    craving: Some(3),
                    sleep_hours: Some(6.5),
                    halt: Halt {
                        hungry: true,
                        angry: false,
                        lonely: false,
                        tired: true
                    },
                    emotions: vec!["anxious".into(), "Tense".into()],
                    triggers: vec!["deadline".into(), "email from my manager".into()],
                    context: Some(Context::Work),
                    // Version 1 had neither: absent, as never answered.
                    factors: Default::default(),
                    trackers: vec![],
                    bring: false,
                    note: "Long day; «quotes», ünïcödé ✓ and a\nsecond line.".into(),
                })
            );
        }
        "checkin_minimal" => {
            let at = "2026-11-03T22:10:00+09:00";
            stamp(at, at, at);
            assert_eq!(
                r.local_date().to_string(),
                "2026-11-03",
                "the day where it was written"
            );
            assert_eq!(
                r.body,
                Body::Checkin(Checkin {
                    stress: Some(0),
                    ..Default::default()
                })
            );
        }
        _ if name.starts_with("checkin_context_") => {
            let ctx = Context::parse(&name["checkin_context_".len()..]).unwrap();
            let i = Context::ALL.iter().position(|c| *c == ctx).unwrap();
            let at = format!("2026-11-04T1{i}:00:00-05:00");
            stamp(&at, &at, &at);
            assert_eq!(
                r.body,
                Body::Checkin(Checkin {
                    stress: Some(10),
                    mood: Some(10),
                    craving: Some(0),
                    sleep_hours: Some(0.0),
                    context: Some(ctx),
                    ..Default::default()
                })
            );
        }
        "checkin_trashed" => {
            stamp(
                "2026-11-11T12:00:00-05:00",
                "2026-11-11T12:05:00-05:00",
                "2026-11-11T12:00:00-05:00",
            );
            assert_eq!(r.revision, 2);
            assert_eq!(r.trashed, Some(t("2026-11-11T12:05:00-05:00")));
            assert_eq!(
                r.body,
                Body::Checkin(Checkin {
                    stress: Some(2),
                    note: "to the trash".into(),
                    ..Default::default()
                })
            );
        }
        "skill_use_full" => {
            let at = "2026-11-05T18:45:00+05:30";
            stamp(at, at, at);
            let Body::SkillUse(u) = &r.body else {
                panic!("{name} is a skill use")
            };
            assert!(u.skill_id.is_some(), "the library skill is linked");
            assert_eq!(
                u,
                &SkillUse {
                    skill_id: u.skill_id,
                    skill_name: "Box breathing".into(),
                    situation: "Before a hard meeting".into(),
                    distress_before: Some(8),
                    distress_after: Some(3),
                    urge_before: Some(6),
                    urge_after: Some(2),
                    minutes: Some(5),
                    note: "Helped more than I expected".into(),
                    urge_along: Vec::new(),
                }
            );
        }
        "skill_use_minimal" => {
            let at = "2026-11-06T07:30:00-05:00";
            stamp(at, at, at);
            assert_eq!(
                r.body,
                Body::SkillUse(SkillUse {
                    skill_id: None,
                    skill_name: "Walk around the block".into(),
                    situation: String::new(),
                    distress_before: Some(5),
                    distress_after: Some(5),
                    urge_before: None,
                    urge_after: None,
                    minutes: None,
                    note: String::new(),
                    urge_along: Vec::new(),
                })
            );
        }
        "session_full" => {
            stamp(
                "2026-11-06T21:00:00-05:00",
                "2026-11-06T21:00:00-05:00",
                "2026-11-06T18:00:00-05:00",
            );
            assert_eq!(
                r.body,
                Body::Session(SessionNote {
                    session_type: SessionType::Group,
                    title: "Relapse triggers".into(),
                    facilitator: "Dana R.".into(),
                    notes:
                        "# What we covered\n\n- HALT\n- *urge surfing*\n\n[a link](https://example.org)"
                            .into(),
                    takeaways: "Notice the first thought, not the tenth.".into(),
                    homework: vec![
                        Item {
                            text: "List 3 triggers".into(),
                            done: true
                        },
                        Item {
                            text: "Call my sponsor".into(),
                            done: false
                        },
                    ],
                    bring: vec![Item {
                        text: "Ask about sleep".into(),
                        done: false
                    }],
                    attended: true,
                })
            );
        }
        _ if name.starts_with("session_type_") => {
            let ty = SessionType::parse(&name["session_type_".len()..]).unwrap();
            let i = SessionType::ALL.iter().position(|c| *c == ty).unwrap();
            let at = format!("2026-11-07T1{i}:00:00-05:00");
            stamp(&at, &at, &at);
            assert_eq!(
                r.body,
                Body::Session(SessionNote {
                    session_type: ty,
                    title: format!("Session {i}"),
                    facilitator: String::new(),
                    notes: String::new(),
                    takeaways: String::new(),
                    homework: vec![],
                    bring: vec![],
                    attended: i % 2 == 0,
                })
            );
        }
        "journal_full" => {
            let at = "2026-11-08T23:05:00-05:00";
            stamp(at, at, at);
            assert_eq!(
                r.body,
                Body::Journal(JournalEntry {
                    title: "After group".into(),
                    prompt: "What surprised you today?".into(),
                    text: "I said it out loud.\n\nIt was easier than I thought.".into(),
                    tags: vec!["group".into(), "sleep".into()],
                    bring: false,
                })
            );
        }
        "journal_edited" => {
            stamp(
                "2026-11-09T07:00:00-05:00",
                "2026-11-10T08:30:00-05:00",
                "2026-11-09T06:45:00-05:00",
            );
            assert_eq!(r.revision, 2, "{name}: edited once");
            assert_eq!(
                r.body,
                Body::Journal(JournalEntry {
                    title: "Morning".into(),
                    prompt: String::new(),
                    text: "Second thoughts, written down.".into(),
                    tags: vec!["morning".into()],
                    bring: false,
                })
            );
        }
        "skill_builtin" => {
            let at = "2026-11-01T08:00:00-05:00";
            stamp(at, at, at);
            let Body::Skill(s) = &r.body else {
                panic!("{name} is a skill")
            };
            assert_eq!(s.name, "Box breathing");
            assert_eq!(s.category, SkillCategory::Body);
            assert_eq!(s.builtin.as_deref(), Some("box-breathing"));
            assert!(s.how_to.starts_with("Breathe in for four"));
            assert!(!s.favourite && !s.hidden);
        }
        "skill_builtin_hidden" => {
            stamp(
                "2026-11-01T08:00:00-05:00",
                "2026-11-12T19:05:00-05:00",
                "2026-11-01T08:00:00-05:00",
            );
            assert_eq!(r.revision, 2);
            let Body::Skill(s) = &r.body else {
                panic!("{name} is a skill")
            };
            assert_eq!(s.name, "Cold water on the face");
            assert_eq!(s.builtin.as_deref(), Some("cold-water"));
            assert!(s.hidden, "the user hid it");
            assert!(!s.favourite);
        }
        "skill_own" => {
            let at = "2026-11-12T19:00:00-05:00";
            stamp(at, at, at);
            assert_eq!(
                r.body,
                Body::Skill(Skill {
                    name: "Call my sister".into(),
                    category: SkillCategory::Connection,
                    how_to: "Even five minutes. Tell her how the day went.".into(),
                    builtin: None,
                    favourite: true,
                    hidden: false,
                })
            );
        }
        other => panic!("the v1 fixture has a record {other} this test does not check"),
    }
}

#[test]
fn the_v1_golden_vault_opens_with_every_field_of_every_record_intact() {
    let (_d, _path, mut v) = open_copy("v1");
    let ids = ids("v1");
    for (name, id) in &ids {
        let r = v.get(*id).unwrap_or_else(|e| panic!("{name} opens: {e:?}"));
        check_v1(name, &r);
    }
    let (all, damaged) = v.all().unwrap();
    assert!(damaged.is_empty(), "no record of the v1 vault is damaged");
    let skills = all.iter().filter(|r| r.kind() == Kind::Skill).count();
    assert_eq!(skills, 31, "30 built-in skills and the user's own");
    assert_eq!(
        all.len(),
        31 + ids.len() - 3,
        "every record and nothing else"
    );
    // The skill use still points at the library skill it used.
    let Body::SkillUse(u) = &v.get(ids["skill_use_full"]).unwrap().body else {
        panic!("a skill use")
    };
    assert_eq!(u.skill_id, Some(ids["skill_builtin"]));
    let report = v.verify().unwrap();
    assert!(report.database_ok && report.manifest_ok && report.damaged.is_empty());
}

#[test]
fn the_v1_golden_vault_opens_with_its_recovery_key() {
    let (_d, mut v) = recover_copy("v1");
    check_v1("journal_full", &v.get(ids("v1")["journal_full"]).unwrap());
}

#[test]
fn the_v1_golden_payloads_decode_with_every_field_intact() {
    let revision = |name: &str| match name {
        "checkin_trashed" | "journal_edited" | "skill_builtin_hidden" => 2,
        _ => 1,
    };
    check_payloads("v1", revision, check_v1);
}

#[test]
fn every_kind_this_build_writes_has_a_golden_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/golden");
    let mut found = std::collections::BTreeSet::new();
    for version in std::fs::read_dir(&root).unwrap() {
        let payloads = version.unwrap().path().join("payloads");
        let Ok(files) = std::fs::read_dir(&payloads) else {
            continue;
        };
        for f in files {
            let v: serde_json::Value =
                serde_json::from_slice(&std::fs::read(f.unwrap().path()).unwrap()).unwrap();
            let tag = v["body"]
                .as_object()
                .unwrap()
                .keys()
                .next()
                .unwrap()
                .clone();
            let version = v.get("v").and_then(|x| x.as_u64()).unwrap_or(1);
            found.insert((tag, version));
        }
    }
    for kind in Kind::ALL {
        for version in 1..=kind.version() {
            assert!(
                found.contains(&(kind.tag().to_owned(), u64::from(version))),
                "{kind} payload version {version} has a golden fixture under tests/fixtures/golden"
            );
        }
    }
}

/// Every record of the v2 fixture (check-in, coping-skill use and journal payload version 2),
/// field by field, as the build that first wrote version 2 wrote it.
fn check_v2(name: &str, r: &Record) {
    let at = |s: &str| {
        assert_eq!(r.at, t(s), "{name}: at");
        assert_eq!(r.at.offset(), t(s).offset(), "{name}: at keeps its offset");
    };
    let body = match name {
        "checkin_full" => {
            at("2026-11-28T09:15:00-05:00");
            assert_eq!(r.created, t("2026-11-28T09:20:00-05:00"));
            Body::Checkin(Checkin {
                stress: Some(6),
                mood: Some(4),
                craving: Some(3),
                sleep_hours: Some(6.5),
                halt: Halt {
                    hungry: true,
                    angry: false,
                    lonely: true,
                    tired: false,
                },
                emotions: vec!["anxious".into(), "hopeful".into()],
                triggers: vec!["deadline".into()],
                context: Some(Context::Work),
                note: "Walked at lunch; «quotes» and ✓.".into(),
                factors: Factors {
                    exercise: Some(true),
                    meals: Some(2),
                    caffeine: Some(3),
                    medication: Some(true),
                    outdoors: Some(false),
                },
                // Version 2 had no trackers: none, as never answered.
                trackers: vec![],
                bring: true,
            })
        }
        "checkin_mood_only" => {
            at("2026-11-28T12:00:00-05:00");
            Body::Checkin(Checkin {
                stress: None,
                mood: Some(7),
                craving: None,
                sleep_hours: None,
                halt: Halt::default(),
                emotions: vec![],
                triggers: vec![],
                context: None,
                note: String::new(),
                factors: Factors::default(),
                trackers: vec![],
                bring: false,
            })
        }
        "checkin_factors_false_and_zero" => {
            at("2026-11-28T13:00:00+05:30");
            Body::Checkin(Checkin {
                craving: Some(0),
                factors: Factors {
                    exercise: Some(false),
                    meals: Some(0),
                    caffeine: Some(0),
                    medication: Some(false),
                    outdoors: Some(true),
                },
                ..Default::default()
            })
        }
        "skill_use_full" => {
            at("2026-11-28T18:45:00-05:00");
            Body::SkillUse(SkillUse {
                skill_id: None,
                skill_name: "Box breathing".into(),
                situation: "Before a hard call".into(),
                distress_before: Some(8),
                distress_after: Some(3),
                urge_before: Some(6),
                urge_after: Some(2),
                minutes: Some(5),
                note: "Helped".into(),
                urge_along: Vec::new(),
            })
        }
        "skill_use_no_ratings" => {
            at("2026-11-28T19:00:00-05:00");
            Body::SkillUse(SkillUse {
                skill_id: None,
                skill_name: "Walk around the block".into(),
                situation: String::new(),
                distress_before: None,
                distress_after: None,
                urge_before: None,
                urge_after: None,
                minutes: None,
                note: String::new(),
                urge_along: Vec::new(),
            })
        }
        "skill_use_before_only" => {
            at("2026-11-28T19:30:00-05:00");
            Body::SkillUse(SkillUse {
                skill_name: "Call a friend".into(),
                distress_before: Some(7),
                ..Default::default()
            })
        }
        "journal_bring" => {
            at("2026-11-28T22:05:00-05:00");
            Body::Journal(JournalEntry {
                title: String::new(),
                prompt: "What do I want to say at group?".into(),
                text: "That the evenings are the hard part.".into(),
                tags: vec!["group".into()],
                bring: true,
            })
        }
        "journal_plain" => {
            at("2026-11-28T22:30:00-05:00");
            Body::Journal(JournalEntry {
                title: String::new(),
                prompt: String::new(),
                text: "Just for me.".into(),
                tags: vec![],
                bring: false,
            })
        }
        other => panic!("the v2 fixture has a record {other} this test does not check"),
    };
    assert_eq!(r.body, body, "{name}");
    assert_eq!(r.revision, 1, "{name}");
}

#[test]
fn the_v2_golden_payloads_decode_with_every_field_intact() {
    check_payloads("v2", |_| 1, check_v2);
}

#[test]
fn the_v2_golden_vault_opens_with_every_field_intact_by_passphrase_and_recovery_key() {
    let (_d, _path, mut v) = open_copy("v2");
    for (name, id) in &ids("v2") {
        check_v2(name, &v.get(*id).unwrap());
    }
    let (_d, mut v) = recover_copy("v2");
    for (name, id) in &ids("v2") {
        check_v2(name, &v.get(*id).unwrap());
    }
}

/// Every record of the v3 fixture (check-in payload version 3, tracker version 1), field by
/// field, as the build that first wrote them wrote it.
fn check_v3(name: &str, r: &Record) {
    let ids = ids("v3");
    let tracker = |name: &str, answer: Answer, unit: &str, archived: bool| {
        Body::Tracker(Tracker {
            name: name.into(),
            answer,
            unit: unit.into(),
            archived,
        })
    };
    let (at, body) = match name {
        "tracker_number" => (
            "2026-11-28T08:10:00-05:00",
            tracker("Water", Answer::Number, "glasses", false),
        ),
        "tracker_yes_no" => (
            "2026-11-28T08:11:00-05:00",
            tracker("Walk «outside» ✓", Answer::YesNo, "", false),
        ),
        "tracker_scale_archived" => (
            "2026-11-28T08:12:00-05:00",
            tracker("Energy", Answer::Scale, "", true),
        ),
        "checkin_trackers" => (
            "2026-11-28T09:20:00-05:00",
            Body::Checkin(Checkin {
                stress: Some(5),
                mood: Some(6),
                context: Some(Context::Home),
                note: "Trackers too.".into(),
                factors: Factors {
                    exercise: Some(true),
                    ..Default::default()
                },
                trackers: vec![
                    TrackerValue {
                        tracker: Some(ids["tracker_number"]),
                        name: "Water".into(),
                        answer: Answer::Number,
                        unit: "glasses".into(),
                        value: 6.5,
                    },
                    TrackerValue {
                        tracker: Some(ids["tracker_yes_no"]),
                        name: "Walk «outside» ✓".into(),
                        answer: Answer::YesNo,
                        unit: String::new(),
                        value: 0.0,
                    },
                    TrackerValue {
                        tracker: Some(ids["tracker_scale_archived"]),
                        name: "Energy".into(),
                        answer: Answer::Scale,
                        unit: String::new(),
                        value: 10.0,
                    },
                    TrackerValue {
                        tracker: None,
                        name: "Steps".into(),
                        answer: Answer::Number,
                        unit: String::new(),
                        value: -0.25,
                    },
                ],
                bring: true,
                ..Default::default()
            }),
        ),
        "checkin_no_trackers" => (
            "2026-11-28T21:00:00+01:00",
            Body::Checkin(Checkin {
                craving: Some(2),
                ..Default::default()
            }),
        ),
        other => panic!("the v3 fixture has a record {other} this test does not check"),
    };
    for (what, got) in [("created", r.created), ("updated", r.updated), ("at", r.at)] {
        assert_eq!(got, t(at), "{name}: {what}");
    }
    assert_eq!(r.at.offset(), t(at).offset(), "{name}: at keeps its offset");
    assert_eq!(r.body, body, "{name}");
    assert_eq!(r.revision, 1, "{name}");
    assert_eq!(r.trashed, None, "{name}");
}

#[test]
fn the_v3_golden_payloads_decode_with_every_field_intact() {
    check_payloads("v3", |_| 1, check_v3);
}

#[test]
fn the_v3_golden_vault_opens_with_every_field_intact_by_passphrase_and_recovery_key() {
    let (_d, _path, mut v) = open_copy("v3");
    for (name, id) in &ids("v3") {
        check_v3(name, &v.get(*id).unwrap());
    }
    let (_d, mut v) = recover_copy("v3");
    for (name, id) in &ids("v3") {
        check_v3(name, &v.get(*id).unwrap());
    }
}

/// Every record of the v4 fixture (clock and lapse payload version 1), field by field, as the
/// build that first wrote them wrote it.
fn check_v4(name: &str, r: &Record) {
    let ids = ids("v4");
    let (created, at, body) = match name {
        "clock_backdated" => (
            "2026-11-28T08:00:00-05:00",
            "2026-11-28T08:00:00-05:00",
            Body::Clock(SobrietyClock {
                name: "Alcohol «and» ✓".into(),
                since: t("2026-03-07T22:00:00-05:00"),
                archived: false,
            }),
        ),
        "clock_archived_elsewhere" => (
            "2026-11-28T08:05:00-05:00",
            "2026-11-28T08:05:00-05:00",
            Body::Clock(SobrietyClock {
                name: "Gambling".into(),
                since: t("2025-01-01T00:00:00+09:00"),
                archived: true,
            }),
        ),
        "lapse_full_restart" => (
            "2026-11-28T08:10:00-05:00",
            "2026-11-20T23:15:00-05:00",
            Body::Lapse(Lapse {
                clock: Some(ids["clock_backdated"]),
                clock_name: "Alcohol «and» ✓".into(),
                restart: true,
                what_happened: "Two drinks after the offsite.\nSecond line.".into(),
                triggers: vec!["offsite".into(), "tired".into()],
                halt: Halt {
                    hungry: false,
                    angry: true,
                    lonely: false,
                    tired: true,
                },
                place: "hotel bar".into(),
                people: vec!["colleagues".into()],
                helped: "Called my sponsor".into(),
                next_time: "Leave after dinner".into(),
            }),
        ),
        "lapse_minimal" => (
            "2026-11-28T08:15:00-05:00",
            "2026-11-28T08:15:00-05:00",
            Body::Lapse(Lapse {
                clock_name: "Cigarettes".into(),
                ..Default::default()
            }),
        ),
        other => panic!("the v4 fixture has a record {other} this test does not check"),
    };
    assert_eq!(r.created, t(created), "{name}: created");
    assert_eq!((r.at, r.at.offset()), (t(at), t(at).offset()), "{name}: at");
    if let (Body::Clock(got), Body::Clock(want)) = (&r.body, &body) {
        // Equal instants compare equal whatever their offset: the offset is checked on its own.
        assert_eq!(
            got.since.offset(),
            want.since.offset(),
            "{name}: since keeps its offset"
        );
    }
    assert_eq!(r.body, body, "{name}");
    assert_eq!((r.revision, r.trashed), (1, None), "{name}");
}

#[test]
fn the_v4_golden_payloads_decode_with_every_field_intact() {
    check_payloads("v4", |_| 1, check_v4);
}

#[test]
fn the_v4_golden_vault_opens_with_every_field_intact_by_passphrase_and_recovery_key() {
    let (_d, _path, mut v) = open_copy("v4");
    for (name, id) in &ids("v4") {
        check_v4(name, &v.get(*id).unwrap());
    }
    let (_d, mut v) = recover_copy("v4");
    for (name, id) in &ids("v4") {
        check_v4(name, &v.get(*id).unwrap());
    }
}

/// Every record of the v5 fixture (crisis plan, morning, evening, schedule, occurrence, goal and
/// step-down payload version 1; coping-skill use version 3), field by field, as the build that
/// first wrote them wrote it.
fn check_v5(name: &str, r: &Record) {
    let ids = ids("v5");
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let (created, at, body) = match name {
        "crisis_plan_full" => (
            "2026-11-28T09:00:00-05:00",
            "2026-11-28T09:00:00-05:00",
            Body::CrisisPlan(CrisisPlan {
                warning_signs: vec!["Not sleeping «two nights»".into(), "Skipping lunch".into()],
                on_my_own: vec!["A long shower".into()],
                take_my_mind_off: vec!["The library".into(), "Café ✓".into()],
                people: vec![Contact {
                    name: "Sam".into(),
                    phone: "+1 555 0100".into(),
                    note: "any hour".into(),
                }],
                professionals: vec![
                    Contact {
                        name: "My counsellor".into(),
                        phone: "555 0199".into(),
                        note: String::new(),
                    },
                    Contact {
                        name: "988 Suicide & Crisis Lifeline".into(),
                        phone: "988".into(),
                        note: "call or text".into(),
                    },
                ],
                safer_surroundings: vec!["Keys with Sam".into()],
                reasons: vec!["My daughter".into()],
            }),
        ),
        "crisis_plan_reasons_only" => (
            "2026-11-28T09:05:00-05:00",
            "2026-11-28T09:05:00-05:00",
            Body::CrisisPlan(CrisisPlan {
                reasons: vec!["The garden".into()],
                ..Default::default()
            }),
        ),
        "skill_use_urge_surf" => (
            "2026-11-28T09:30:00-05:00",
            "2026-11-28T09:00:00-05:00",
            Body::SkillUse(SkillUse {
                skill_id: None,
                skill_name: "Urge surfing".into(),
                situation: "After the call".into(),
                distress_before: None,
                distress_after: None,
                urge_before: Some(8),
                urge_after: Some(3),
                minutes: Some(25),
                note: String::new(),
                urge_along: vec![
                    UrgeMark { minute: 5, urge: 9 },
                    UrgeMark {
                        minute: 10,
                        urge: 7,
                    },
                    UrgeMark {
                        minute: 15,
                        urge: 5,
                    },
                    UrgeMark {
                        minute: 20,
                        urge: 4,
                    },
                ],
            }),
        ),
        "morning_full" => (
            "2026-11-28T07:10:00-05:00",
            "2026-11-28T07:10:00-05:00",
            Body::Morning(Morning {
                intention: "Go gently «today»".into(),
                one_step: "Walk at lunch".into(),
            }),
        ),
        "morning_intention_only" => (
            "2026-11-27T07:10:00-05:00",
            "2026-11-27T07:10:00-05:00",
            Body::Morning(Morning {
                intention: "Ask for help once".into(),
                one_step: String::new(),
            }),
        ),
        "evening_full" => (
            "2026-11-28T21:40:00-05:00",
            "2026-11-28T21:40:00-05:00",
            Body::Evening(Evening {
                went_well: "The meeting".into(),
                was_hard: "The commute\nand the rain".into(),
                peak_stress: Some(7),
                grateful: "My sister ✓".into(),
            }),
        ),
        "evening_peak_only" => (
            "2026-11-27T21:40:00-05:00",
            "2026-11-27T21:40:00-05:00",
            Body::Evening(Evening {
                peak_stress: Some(0),
                ..Default::default()
            }),
        ),
        "schedule_weekly" => (
            "2026-11-28T10:00:00-05:00",
            "2026-11-28T10:00:00-05:00",
            Body::Schedule(ScheduleSlot {
                title: "Evening group «IOP»".into(),
                session_type: SessionType::Group,
                first: d("2026-11-02"),
                start: NaiveTime::from_hms_opt(18, 0, 0).unwrap(),
                minutes: 180,
                weekdays: vec![1, 3, 4],
                until: Some(d("2027-01-29")),
                place: "Riverside clinic, room 4".into(),
                online: false,
                archived: false,
            }),
        ),
        "schedule_one_off_online" => (
            "2026-11-28T10:05:00-05:00",
            "2026-11-28T10:05:00-05:00",
            Body::Schedule(ScheduleSlot {
                title: "Psychiatrist".into(),
                session_type: SessionType::Medication,
                first: d("2026-12-03"),
                start: NaiveTime::from_hms_opt(8, 15, 0).unwrap(),
                minutes: 30,
                weekdays: Vec::new(),
                until: None,
                place: String::new(),
                online: true,
                archived: false,
            }),
        ),
        "schedule_archived" => (
            "2026-11-28T10:10:00-05:00",
            "2026-11-28T10:10:00-05:00",
            Body::Schedule(ScheduleSlot {
                title: "Family evening".into(),
                session_type: SessionType::Family,
                first: d("2026-10-01"),
                start: NaiveTime::from_hms_opt(19, 30, 0).unwrap(),
                minutes: 90,
                weekdays: vec![4],
                until: None,
                place: "Clinic".into(),
                online: false,
                archived: true,
            }),
        ),
        "session_for_occurrence" => (
            "2026-11-25T21:30:00-05:00",
            "2026-11-25T21:30:00-05:00",
            Body::Session(SessionNote {
                session_type: SessionType::Group,
                title: "Evening group".into(),
                facilitator: String::new(),
                notes: String::new(),
                takeaways: String::new(),
                homework: Vec::new(),
                bring: Vec::new(),
                attended: true,
            }),
        ),
        "occurrence_attended_with_note" => (
            "2026-11-28T10:20:00-05:00",
            "2026-11-28T10:20:00-05:00",
            Body::Occurrence(Occurrence {
                slot: ids["schedule_weekly"],
                slot_title: "Evening group «IOP»".into(),
                date: d("2026-11-25"),
                cancelled: false,
                moved_to: None,
                attendance: Some(Attendance::Attended),
                note: "Spoke up ✓".into(),
                session_note: Some(ids["session_for_occurrence"]),
            }),
        ),
        "occurrence_moved_excused" => (
            "2026-11-28T10:25:00-05:00",
            "2026-11-28T10:25:00-05:00",
            Body::Occurrence(Occurrence {
                slot: ids["schedule_weekly"],
                slot_title: "Evening group «IOP»".into(),
                date: d("2026-11-26"),
                cancelled: false,
                moved_to: Some(
                    NaiveDateTime::parse_from_str("2026-11-27T17:30", "%Y-%m-%dT%H:%M").unwrap(),
                ),
                attendance: Some(Attendance::Excused),
                note: String::new(),
                session_note: None,
            }),
        ),
        "occurrence_cancelled" => (
            "2026-11-28T10:30:00-05:00",
            "2026-11-28T10:30:00-05:00",
            Body::Occurrence(Occurrence {
                slot: ids["schedule_weekly"],
                slot_title: "Evening group".into(),
                date: d("2026-12-24"),
                cancelled: true,
                moved_to: None,
                attendance: None,
                note: String::new(),
                session_note: None,
            }),
        ),
        "occurrence_missed" => (
            "2026-11-28T10:35:00-05:00",
            "2026-11-28T10:35:00-05:00",
            Body::Occurrence(Occurrence {
                slot: ids["schedule_weekly"],
                slot_title: "Evening group".into(),
                date: d("2026-11-23"),
                cancelled: false,
                moved_to: None,
                attendance: Some(Attendance::Missed),
                note: String::new(),
                session_note: None,
            }),
        ),
        "goal_steps" => (
            "2026-11-28T11:00:00-05:00",
            "2026-11-28T11:00:00-05:00",
            Body::Goal(Goal {
                title: "Sleep before midnight «most nights»".into(),
                why: "Mornings are easier.\nWork too.".into(),
                steps: vec![
                    Item {
                        text: "Phone out of the bedroom".into(),
                        done: true,
                    },
                    Item {
                        text: "Tea, not coffee, after 4".into(),
                        done: false,
                    },
                ],
                target: Some(d("2027-01-31")),
                reached: false,
                archived: false,
            }),
        ),
        "goal_reached_archived" => (
            "2026-11-28T11:05:00-05:00",
            "2026-11-28T11:05:00-05:00",
            Body::Goal(Goal {
                title: "Tell my manager".into(),
                why: String::new(),
                steps: Vec::new(),
                target: None,
                reached: true,
                archived: true,
            }),
        ),
        "step_down_plan" => (
            "2026-11-28T11:30:00-05:00",
            "2026-11-28T11:30:00-05:00",
            Body::StepDown(StepDownPlan {
                phases: vec![
                    Phase {
                        name: "IOP".into(),
                        from: Some(d("2026-11-02")),
                        to: Some(d("2027-01-29")),
                        supports: vec!["Group three evenings".into()],
                        appointments: vec!["Dr Lee fortnightly".into()],
                        note: String::new(),
                    },
                    Phase {
                        name: "Outpatient".into(),
                        from: Some(d("2027-02-01")),
                        to: None,
                        supports: vec!["Weekly group".into(), "Sponsor".into()],
                        appointments: Vec::new(),
                        note: "Ask about evening slots ✓".into(),
                    },
                    Phase {
                        name: "Peer support".into(),
                        from: None,
                        to: None,
                        supports: Vec::new(),
                        appointments: Vec::new(),
                        note: String::new(),
                    },
                ],
            }),
        ),
        other => panic!("the v5 fixture has a record {other} this test does not check"),
    };
    assert_eq!(r.created, t(created), "{name}: created");
    assert_eq!((r.at, r.at.offset()), (t(at), t(at).offset()), "{name}: at");
    assert_eq!(r.body, body, "{name}");
    assert_eq!((r.revision, r.trashed), (1, None), "{name}");
}

#[test]
fn the_v5_golden_payloads_decode_with_every_field_intact() {
    check_payloads("v5", |_| 1, check_v5);
}

#[test]
fn the_v5_golden_vault_opens_with_every_field_intact_by_passphrase_and_recovery_key() {
    let (_d, _path, mut v) = open_copy("v5");
    for (name, id) in &ids("v5") {
        check_v5(name, &v.get(*id).unwrap());
    }
    let (_d, mut v) = recover_copy("v5");
    for (name, id) in &ids("v5") {
        check_v5(name, &v.get(*id).unwrap());
    }
}

/// Every record of the v6 fixture (questionnaire, diary card, diary card set-up and thought
/// record payload version 1), field by field, as the build that first wrote them wrote it.
fn check_v6(name: &str, r: &Record) {
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let (created, at, body) = match name {
        "assessment_phq9_full" => (
            "2026-11-29T09:00:00-05:00",
            "2026-11-29T09:00:00-05:00",
            Body::Assessment(Assessment {
                instrument: "phq9".into(),
                answers: vec![0, 1, 2, 3, 0, 1, 2, 3, 1],
                difficulty: Some(2),
                note: "A hard fortnight «at work» ✓".into(),
            }),
        ),
        "assessment_gad7_bare" => (
            "2026-11-29T09:10:00-05:00",
            "2026-11-15T20:30:00+00:00",
            Body::Assessment(Assessment {
                instrument: "gad7".into(),
                answers: vec![3, 3, 3, 3, 3, 3, 3],
                difficulty: None,
                note: String::new(),
            }),
        ),
        "diary_setup" => (
            "2026-11-29T21:00:00-05:00",
            "2026-11-29T21:00:00-05:00",
            Body::DiarySetup(DiarySetup {
                targets: vec!["To use".into(), "To skip meals «again»".into()],
                emotions: vec!["Shame".into(), "Joy ✓".into(), "Anger".into()],
                medication: true,
            }),
        ),
        "diary_card_full" => (
            "2026-11-29T21:05:00-05:00",
            "2026-11-29T21:05:00-05:00",
            Body::DiaryCard(DiaryCard {
                date: d("2026-11-28"),
                urges: vec![
                    Urge {
                        target: "To use".into(),
                        level: 5,
                        acted: Some(false),
                    },
                    Urge {
                        target: "To skip meals «again»".into(),
                        level: 0,
                        acted: Some(true),
                    },
                    Urge {
                        target: "To call him".into(),
                        level: 2,
                        acted: None,
                    },
                ],
                emotions: vec![
                    Feeling {
                        name: "Shame".into(),
                        level: 4,
                    },
                    Feeling {
                        name: "Joy ✓".into(),
                        level: 0,
                    },
                ],
                skills: vec!["Paced breathing".into(), "Urge surfing".into()],
                skills_rating: Some(7),
                medication: Some(false),
                note: "Rang Sam\nwent to bed early".into(),
            }),
        ),
        "diary_card_rating_only" => (
            "2026-11-29T21:10:00-05:00",
            "2026-11-29T21:10:00-05:00",
            Body::DiaryCard(DiaryCard {
                date: d("2026-11-29"),
                urges: Vec::new(),
                emotions: Vec::new(),
                skills: Vec::new(),
                skills_rating: Some(0),
                medication: None,
                note: String::new(),
            }),
        ),
        "thought_record_full" => (
            "2026-11-29T22:00:00-05:00",
            "2026-11-27T17:45:00-05:00",
            Body::ThoughtRecord(ThoughtRecord {
                situation: "My manager frowned at my report «Friday»".into(),
                moods: vec![
                    Mood {
                        name: "Anxious".into(),
                        before: 90,
                        after: Some(35),
                    },
                    Mood {
                        name: "Ashamed".into(),
                        before: 0,
                        after: Some(100),
                    },
                    Mood {
                        name: "Sad".into(),
                        before: 50,
                        after: None,
                    },
                ],
                thoughts: vec![
                    Thought {
                        text: "Everyone saw it".into(),
                        hot: false,
                    },
                    Thought {
                        text: "I'm going to lose my job ✓".into(),
                        hot: true,
                    },
                ],
                evidence_for: "She frowned\nand left early".into(),
                evidence_against: "She praised last week's report".into(),
                balanced: "One frown is not a verdict".into(),
                belief: Some(70),
            }),
        ),
        "thought_record_situation_only" => (
            "2026-11-29T22:10:00-05:00",
            "2026-11-29T22:10:00-05:00",
            Body::ThoughtRecord(ThoughtRecord {
                situation: "Couldn't sleep".into(),
                moods: Vec::new(),
                thoughts: Vec::new(),
                evidence_for: String::new(),
                evidence_against: String::new(),
                balanced: String::new(),
                belief: Some(0),
            }),
        ),
        other => panic!("the v6 fixture has a record {other} this test does not check"),
    };
    assert_eq!(r.created, t(created), "{name}: created");
    assert_eq!((r.at, r.at.offset()), (t(at), t(at).offset()), "{name}: at");
    assert_eq!(r.body, body, "{name}");
    assert_eq!((r.revision, r.trashed), (1, None), "{name}");
}

#[test]
fn the_v6_golden_payloads_decode_with_every_field_intact() {
    check_payloads("v6", |_| 1, check_v6);
}

#[test]
fn the_v6_golden_vault_opens_with_every_field_intact_by_passphrase_and_recovery_key() {
    let (_d, _path, mut v) = open_copy("v6");
    for (name, id) in &ids("v6") {
        check_v6(name, &v.get(*id).unwrap());
    }
    let (_d, mut v) = recover_copy("v6");
    for (name, id) in &ids("v6") {
        check_v6(name, &v.get(*id).unwrap());
    }
}

#[test]
fn the_v6_golden_questionnaires_score_as_their_sources() {
    let (_d, _path, mut v) = open_copy("v6");
    let ids = ids("v6");
    let phq = v.get(ids["assessment_phq9_full"]).unwrap();
    assert_eq!(phq.body.summary(), "PHQ-9: 13 (moderate)");
    let Body::Assessment(a) = &phq.body else {
        panic!("an assessment")
    };
    assert!(a.safety_flag(), "item 9 was answered 1");
    let gad = v.get(ids["assessment_gad7_bare"]).unwrap();
    assert_eq!(gad.body.summary(), "GAD-7: 21 (severe)");
}

/// Every record of the v7 fixture (report choices payload version 1), field by field, as the
/// build that first wrote them wrote it.
fn check_v7(name: &str, r: &Record) {
    let id = |s: &str| RecordId::parse(s).unwrap();
    let (created, body) = match name {
        "report_setup_full" => (
            "2026-11-30T09:00:00-05:00",
            Body::ReportSetup(ReportSetup {
                sections: [
                    "checkins",
                    "skills",
                    "sessions",
                    "homework",
                    "attendance",
                    "questionnaires",
                    "diary",
                    "thoughts",
                    "lapses",
                    "entries",
                ]
                .map(String::from)
                .to_vec(),
                full_sessions: true,
                paper: "letter".into(),
                name: "Alex «R.» ✓".into(),
                entries: vec![
                    id("0123456789abcdef0123456789abcdef"),
                    id("fedcba9876543210fedcba9876543210"),
                ],
            }),
        ),
        "report_setup_bare" => (
            "2026-11-30T09:10:00-05:00",
            Body::ReportSetup(ReportSetup {
                sections: vec!["questionnaires".into()],
                full_sessions: false,
                paper: "a4".into(),
                name: String::new(),
                entries: Vec::new(),
            }),
        ),
        other => panic!("the v7 fixture has a record {other} this test does not check"),
    };
    assert_eq!(r.created, t(created), "{name}: created");
    assert_eq!(r.at, t(created), "{name}: at");
    assert_eq!(r.body, body, "{name}");
    assert_eq!((r.revision, r.trashed), (1, None), "{name}");
}

#[test]
fn the_v7_golden_payloads_decode_with_every_field_intact() {
    check_payloads("v7", |_| 1, check_v7);
}

#[test]
fn the_v7_golden_vault_opens_with_every_field_intact_by_passphrase_and_recovery_key() {
    let (_d, _path, mut v) = open_copy("v7");
    for (name, id) in &ids("v7") {
        check_v7(name, &v.get(*id).unwrap());
    }
    let (_d, mut v) = recover_copy("v7");
    for (name, id) in &ids("v7") {
        check_v7(name, &v.get(*id).unwrap());
    }
}
