use keel::commands;
use keel::dto::*;
use keel::{Error, Vault};

use keel::model::{Kind, RecordId};

use crate::support::kinds::{sample, samples};
use crate::support::*;

fn vault() -> (tempfile::TempDir, std::path::PathBuf, Vault) {
    let (d, path) = temp_vault();
    let v = new_vault(&path);
    (d, path, v)
}

fn add(v: &mut Vault, body: BodyDto) -> RecordDto {
    commands::add(v, NewRecord { at: None, body }).unwrap()
}

#[test]
fn every_kind_can_be_added_updated_got_trashed_restored_and_purged() {
    let (_d, path, mut v) = vault();
    for (kind, body, edited) in samples() {
        let r = add(&mut v, body.clone());
        assert_eq!(r.revision, 1);
        assert_eq!(
            commands::get(&mut v, &r.id).unwrap().body,
            body,
            "{kind} round-trips"
        );
        let u = commands::update(
            &mut v,
            UpdateRecord {
                id: r.id[..8].into(),
                at: None,
                body: edited.clone(),
            },
        )
        .unwrap();
        assert_eq!(
            (u.revision, &u.body),
            (2, &edited),
            "{kind} updates by id prefix"
        );
        let t = commands::trash(&mut v, &r.id).unwrap();
        assert!(t.trashed.is_some(), "{kind} goes to the trash");
        let in_trash = commands::list(
            &mut v,
            ListQuery {
                trash: true,
                kinds: vec![],
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(
            in_trash.records.iter().any(|x| x.id == r.id),
            kind.is_entry(),
            "{kind} in trash view"
        );
        let back = commands::restore(&mut v, &r.id).unwrap();
        assert!(
            back.trashed.is_none() && back.revision == 4,
            "{kind} restored"
        );
        commands::purge(&mut v, &r.id, false).unwrap();
        let err = commands::get(&mut v, &r.id).unwrap_err();
        assert!(
            matches!(err, Error::NotFound { .. }),
            "{kind} purged: {err:?}"
        );
    }
    drop(v);
    let mut v = Vault::unlock(&path, &pass(), noon()).unwrap();
    assert_eq!(commands::list(&mut v, Default::default()).unwrap().total, 0);
}

#[test]
fn a_records_kind_cannot_change_on_update() {
    let (_d, _p, mut v) = vault();
    let r = add(&mut v, sample(Kind::Checkin).0.clone());
    let err = commands::update(
        &mut v,
        UpdateRecord {
            id: r.id,
            at: None,
            body: sample(Kind::Journal).0.clone(),
        },
    )
    .unwrap_err();
    assert!(
        matches!(err, Error::InvalidInput { field: "kind", .. }),
        "{err:?}"
    );
}

#[test]
fn bad_input_names_the_field_and_saves_nothing() {
    let (_d, _p, mut v) = vault();
    let cases: Vec<(BodyDto, &str)> = vec![
        (
            BodyDto::Checkin(CheckinDto {
                stress: Some(11),
                ..Default::default()
            }),
            "stress",
        ),
        (
            BodyDto::Checkin(CheckinDto {
                stress: Some(1),
                mood: Some(12),
                ..Default::default()
            }),
            "mood",
        ),
        (
            BodyDto::Checkin(CheckinDto {
                stress: Some(1),
                sleep_hours: Some(30.0),
                ..Default::default()
            }),
            "sleepHours",
        ),
        (
            BodyDto::Checkin(CheckinDto {
                stress: Some(1),
                context: Some("moon".into()),
                ..Default::default()
            }),
            "context",
        ),
        (
            BodyDto::SkillUse(SkillUseDto {
                skill_name: " ".into(),
                ..Default::default()
            }),
            "skillName",
        ),
        (
            BodyDto::SkillUse(SkillUseDto {
                skill_name: "x".into(),
                distress_after: Some(99),
                ..Default::default()
            }),
            "distressAfter",
        ),
        (
            BodyDto::Journal(JournalDto {
                text: "   ".into(),
                ..Default::default()
            }),
            "text",
        ),
        (
            BodyDto::Journal(JournalDto {
                text: "x".repeat(1024 * 1024 + 1),
                ..Default::default()
            }),
            "text",
        ),
        (
            BodyDto::Session(SessionDto {
                session_type: "party".into(),
                title: "t".into(),
                facilitator: String::new(),
                notes: String::new(),
                takeaways: String::new(),
                homework: vec![],
                bring: vec![],
                attended: true,
            }),
            "sessionType",
        ),
    ];
    for (body, field) in cases {
        let json = serde_json::to_value(&body).unwrap();
        assert!(
            json.get(field).is_some(),
            "{field} is a field of the boundary type, so the UI can focus it"
        );
        match commands::add(&mut v, NewRecord { at: None, body }) {
            Err(Error::InvalidInput { field: f, .. }) => assert_eq!(f, field),
            other => panic!("expected InvalidInput for {field}, got {other:?}"),
        }
    }
    let err = commands::add(
        &mut v,
        NewRecord {
            at: Some("yesterday".into()),
            body: sample(Kind::Checkin).0.clone(),
        },
    )
    .unwrap_err();
    assert!(
        matches!(err, Error::InvalidInput { field: "at", .. }),
        "{err:?}"
    );
    assert_eq!(
        commands::list(&mut v, Default::default()).unwrap().total,
        0,
        "nothing saved"
    );
    let ok = add(
        &mut v,
        BodyDto::Journal(JournalDto {
            text: "x".repeat(1024 * 1024),
            ..Default::default()
        }),
    );
    assert_eq!(ok.revision, 1, "exactly 1 MiB is accepted");
}

#[test]
fn search_is_case_insensitive_over_every_text_field_newest_first() {
    let (_d, _p, mut v) = vault();
    let mk = |at: &str, body| NewRecord {
        at: Some(at.into()),
        body,
    };
    let old = commands::add(
        &mut v,
        mk(
            "2026-01-01T10:00:00+00:00",
            BodyDto::Journal(JournalDto {
                text: "Talked about the LIGHTHOUSE".into(),
                ..Default::default()
            }),
        ),
    )
    .unwrap();
    let new = commands::add(
        &mut v,
        mk(
            "2026-02-01T10:00:00+00:00",
            BodyDto::Session(SessionDto {
                session_type: "group".into(),
                title: "Group".into(),
                facilitator: String::new(),
                notes: String::new(),
                takeaways: String::new(),
                homework: vec![ItemDto {
                    text: "visit the Lighthouse".into(),
                    done: false,
                }],
                bring: vec![],
                attended: true,
            }),
        ),
    )
    .unwrap();
    let tagged = commands::add(
        &mut v,
        mk(
            "2026-01-15T10:00:00+00:00",
            BodyDto::Checkin(CheckinDto {
                stress: Some(2),
                triggers: vec!["lighthouse keeper".into()],
                ..Default::default()
            }),
        ),
    )
    .unwrap();
    let hits = commands::search(
        &mut v,
        SearchQuery {
            text: "lightHouse".into(),
            limit: None,
        },
    )
    .unwrap();
    let ids: Vec<_> = hits.records.iter().map(|r| r.id.clone()).collect();
    assert_eq!(
        ids,
        vec![new.id.clone(), tagged.id, old.id],
        "all three, newest first"
    );
    commands::trash(&mut v, &new.id).unwrap();
    let hits = commands::search(
        &mut v,
        SearchQuery {
            text: "LIGHTHOUSE".into(),
            limit: None,
        },
    )
    .unwrap();
    assert_eq!(hits.total, 2, "trashed records are not searched");
    let err = commands::search(
        &mut v,
        SearchQuery {
            text: "  ".into(),
            limit: None,
        },
    )
    .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { field: "text", .. }));
}

#[test]
fn list_filters_by_kind_tag_dates_and_pages() {
    let (_d, _p, mut v) = vault();
    for day in 1..=9 {
        let at = format!("2026-04-0{day}T09:00:00-04:00");
        commands::add(
            &mut v,
            NewRecord {
                at: Some(at.clone()),
                body: BodyDto::Journal(JournalDto {
                    text: format!("day {day}"),
                    tags: if day % 2 == 0 {
                        vec!["Even".into()]
                    } else {
                        vec![]
                    },
                    ..Default::default()
                }),
            },
        )
        .unwrap();
        commands::add(
            &mut v,
            NewRecord {
                at: Some(at),
                body: BodyDto::Checkin(CheckinDto {
                    stress: Some(day as u8),
                    ..Default::default()
                }),
            },
        )
        .unwrap();
    }
    let q = |f: fn(&mut ListQuery)| {
        let mut q = ListQuery::default();
        f(&mut q);
        q
    };
    let total = |v: &mut Vault, q| commands::list(v, q).unwrap().total;
    assert_eq!(
        total(&mut v, q(|_| {})),
        18,
        "entries only: the skill library is not listed"
    );
    assert_eq!(total(&mut v, q(|q| q.kinds = vec!["journal".into()])), 9);
    assert_eq!(
        total(&mut v, q(|q| q.tag = Some("even".into()))),
        4,
        "tags match any case"
    );
    assert_eq!(
        total(
            &mut v,
            q(|q| {
                q.since = Some("2026-04-03".into());
                q.until = Some("2026-04-05".into());
            })
        ),
        6
    );
    let page = commands::list(
        &mut v,
        q(|q| {
            q.kinds = vec!["checkin".into()];
            q.offset = Some(2);
            q.limit = Some(3);
        }),
    )
    .unwrap();
    let stresses: Vec<u8> = page
        .records
        .iter()
        .map(|r| match &r.body {
            BodyDto::Checkin(c) => c.stress.unwrap_or(99),
            _ => 99,
        })
        .collect();
    assert_eq!(
        (page.total, stresses),
        (9, vec![7, 6, 5]),
        "newest first, paged"
    );
    assert_eq!(
        total(&mut v, q(|q| q.kinds = vec!["skill".into()])),
        keel::skills::BUILTIN.len() as u32
    );
    let err = commands::list(&mut v, q(|q| q.kinds = vec!["dream".into()])).unwrap_err();
    assert!(matches!(err, Error::InvalidInput { field: "kind", .. }));
    let err = commands::list(
        &mut v,
        q(|q| {
            q.since = Some("2026-05-01".into());
            q.until = Some("2026-04-01".into());
        }),
    )
    .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { field: "until", .. }));
}

#[test]
fn a_new_vault_holds_the_builtin_skill_library_favourites_first() {
    let (_d, _p, mut v) = vault();
    let skills = commands::skills(&mut v, false).unwrap();
    assert!(skills.len() >= 25);
    let last = skills.last().unwrap().clone();
    let BodyDto::Skill(mut s) = last.body else {
        panic!("not a skill")
    };
    s.favourite = true;
    commands::update(
        &mut v,
        UpdateRecord {
            id: last.id.clone(),
            at: None,
            body: BodyDto::Skill(s.clone()),
        },
    )
    .unwrap();
    assert_eq!(
        commands::skills(&mut v, false).unwrap()[0].id,
        last.id,
        "a favourite comes first"
    );
    s.hidden = true;
    commands::update(
        &mut v,
        UpdateRecord {
            id: last.id.clone(),
            at: None,
            body: BodyDto::Skill(s),
        },
    )
    .unwrap();
    assert!(
        !commands::skills(&mut v, false)
            .unwrap()
            .iter()
            .any(|r| r.id == last.id),
        "hidden"
    );
    assert!(
        commands::skills(&mut v, true)
            .unwrap()
            .iter()
            .any(|r| r.id == last.id),
        "unless asked"
    );
}

#[test]
fn two_open_vaults_on_one_file_see_each_others_writes() {
    let (_d, path, mut a) = vault();
    let mut b = Vault::unlock(&path, &pass(), noon()).unwrap();
    let r = add(&mut a, sample(Kind::Journal).0.clone());
    assert_eq!(
        commands::get(&mut b, &r.id).unwrap().body,
        sample(Kind::Journal).0,
        "b sees a's add"
    );
    commands::update(
        &mut b,
        UpdateRecord {
            id: r.id.clone(),
            at: None,
            body: sample(Kind::Journal).1.clone(),
        },
    )
    .unwrap();
    let seen = commands::get(&mut a, &r.id).unwrap();
    assert_eq!(
        (seen.revision, seen.body),
        (2, sample(Kind::Journal).1.clone()),
        "a sees b's edit"
    );
    commands::trash(&mut a, &r.id).unwrap();
    assert_eq!(
        commands::get(&mut b, &r.id).unwrap().revision,
        3,
        "b's trash is built on a's edit"
    );
    commands::purge(&mut b, &r.id, false).unwrap();
    assert!(
        matches!(commands::get(&mut a, &r.id), Err(Error::NotFound { .. })),
        "a sees the purge"
    );
}

#[test]
fn two_writers_at_once_lose_nothing() {
    let (_d, path, v) = vault();
    drop(v);
    let handles: Vec<_> = (0..2)
        .map(|t| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut v = Vault::unlock(&path, &pass(), noon()).unwrap();
                (0..100)
                    .map(|i| {
                        add(
                            &mut v,
                            BodyDto::Journal(JournalDto {
                                text: format!("writer {t} entry {i}"),
                                ..Default::default()
                            }),
                        )
                        .id
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let written: Vec<String> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    let mut v = Vault::unlock(&path, &pass(), noon()).unwrap();
    let page = commands::list(&mut v, Default::default()).unwrap();
    assert_eq!(page.total, 200, "both writers' records are all there");
    for id in written {
        assert!(commands::get(&mut v, &id).is_ok());
    }
}

#[test]
fn export_holds_everything_in_the_documented_shape() {
    let (_d, _p, mut v) = vault();
    let r = add(&mut v, sample(Kind::Checkin).0.clone());
    let t = add(&mut v, sample(Kind::Journal).0.clone());
    commands::trash(&mut v, &t.id).unwrap();
    let doc = commands::export(&mut v).unwrap();
    assert_eq!((doc.format.as_str(), doc.version), ("keel-export", 1));
    assert!(doc.records.iter().any(|x| x.id == r.id));
    assert!(
        doc.records
            .iter()
            .any(|x| x.id == t.id && x.trashed.is_some()),
        "trash is exported"
    );
    let skills = doc
        .records
        .iter()
        .filter(|x| matches!(x.body, BodyDto::Skill(_)))
        .count();
    assert_eq!(
        skills,
        keel::skills::BUILTIN.len(),
        "the skill library is exported"
    );
    let json = serde_json::to_value(&doc).unwrap();
    assert!(
        json["records"][0]["body"]["kind"].is_string(),
        "records carry their kind"
    );
    assert!(json["exportedAt"].is_string() && json["records"][0]["localDate"].is_string());
}

#[test]
fn a_scale_never_chosen_is_stored_as_absent_never_as_a_number() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    let checkin = commands::add(
        &mut v,
        NewRecord {
            at: None,
            body: BodyDto::Checkin(CheckinDto {
                mood: Some(6),
                ..Default::default()
            }),
        },
    )
    .unwrap();
    let use_ = commands::add(
        &mut v,
        NewRecord {
            at: None,
            body: BodyDto::SkillUse(SkillUseDto {
                skill_name: "Walk".into(),
                ..Default::default()
            }),
        },
    )
    .unwrap();
    drop(v);
    let mut v = reopen(&path);
    let BodyDto::Checkin(c) = commands::get(&mut v, &checkin.id).unwrap().body else {
        panic!("a check-in")
    };
    assert_eq!((c.stress, c.mood, c.craving), (None, Some(6), None));
    assert!(c.factors == Factors::default() && !c.bring);
    let BodyDto::SkillUse(u) = commands::get(&mut v, &use_.id).unwrap().body else {
        panic!("a skill use")
    };
    assert_eq!((u.distress_before, u.distress_after), (None, None));
    // In the sealed payload itself: no number for what was never chosen.
    let r = v.get(RecordId::parse(&checkin.id).unwrap()).unwrap();
    let payload = String::from_utf8(keel::codec::encode(&r).unwrap().to_vec()).unwrap();
    assert!(
        !payload.contains("stress") && !payload.contains("craving"),
        "{payload}"
    );
    let r = v.get(RecordId::parse(&use_.id).unwrap()).unwrap();
    let payload = String::from_utf8(keel::codec::encode(&r).unwrap().to_vec()).unwrap();
    assert!(!payload.contains("distress"), "{payload}");
}

#[test]
fn a_check_in_needs_at_least_one_scale() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    let err = commands::add(
        &mut v,
        NewRecord {
            at: None,
            body: BodyDto::Checkin(CheckinDto {
                note: "only words".into(),
                ..Default::default()
            }),
        },
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidInput {
                field: "stress",
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        v.all().unwrap().0.len(),
        30,
        "nothing saved beyond the built-in skills"
    );
}

fn tracker_dto(name: &str, answer: &str, unit: &str) -> BodyDto {
    BodyDto::Tracker(TrackerDto {
        name: name.into(),
        answer: answer.into(),
        unit: unit.into(),
        archived: false,
    })
}

fn answer(t: &RecordDto, value: f64) -> TrackerValueDto {
    let BodyDto::Tracker(d) = &t.body else {
        panic!("a tracker")
    };
    TrackerValueDto {
        tracker: Some(t.id.clone()),
        name: d.name.clone(),
        answer: d.answer.clone(),
        unit: d.unit.clone(),
        value,
    }
}

fn field_of(e: Error) -> &'static str {
    match e {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected an invalid field, got {other:?}"),
    }
}

#[test]
fn trackers_are_listed_by_name_and_archived_ones_only_when_asked() {
    let (_d, _path, mut v) = vault();
    let water = add(&mut v, tracker_dto("Water", "number", "glasses"));
    let walk = add(&mut v, tracker_dto("walk", "yes-no", ""));
    let energy = add(&mut v, tracker_dto("Energy", "scale", ""));
    let BodyDto::Tracker(mut e) = energy.body.clone() else {
        panic!("a tracker")
    };
    e.archived = true;
    commands::update(
        &mut v,
        UpdateRecord {
            id: energy.id.clone(),
            at: None,
            body: BodyDto::Tracker(e),
        },
    )
    .unwrap();
    let ids = |l: Vec<RecordDto>| l.into_iter().map(|r| r.id).collect::<Vec<_>>();
    assert_eq!(
        ids(commands::trackers(&mut v, false).unwrap()),
        [walk.id.clone(), water.id.clone()]
    );
    assert_eq!(
        ids(commands::trackers(&mut v, true).unwrap()),
        [energy.id, walk.id, water.id]
    );
    let timeline = commands::list(&mut v, ListQuery::default()).unwrap();
    assert!(
        timeline
            .records
            .iter()
            .all(|r| !matches!(r.body, BodyDto::Tracker(_))),
        "trackers are reference, not entries on the timeline"
    );
}

#[test]
fn a_check_in_keeps_its_tracker_answers_after_the_tracker_is_renamed_or_purged() {
    let (_d, path, mut v) = vault();
    let water = add(&mut v, tracker_dto("Water", "number", "glasses"));
    let walk = add(&mut v, tracker_dto("Walk", "yes-no", ""));
    let c = add(
        &mut v,
        BodyDto::Checkin(CheckinDto {
            mood: Some(6),
            trackers: vec![answer(&water, 6.5), answer(&walk, 1.0)],
            ..Default::default()
        }),
    );
    commands::update(
        &mut v,
        UpdateRecord {
            id: water.id.clone(),
            at: None,
            body: tracker_dto("Fluids", "number", "cups"),
        },
    )
    .unwrap();
    commands::trash(&mut v, &walk.id).unwrap();
    commands::purge(&mut v, &walk.id, true).unwrap();
    drop(v);
    let mut v = reopen(&path);
    let BodyDto::Checkin(got) = commands::get(&mut v, &c.id).unwrap().body else {
        panic!("a check-in")
    };
    let shown: Vec<String> = got
        .trackers
        .iter()
        .map(|t| format!("{}: {}", t.name, t.shown()))
        .collect();
    assert_eq!(shown, ["Water: 6.5 glasses", "Walk: yes"]);
    assert_eq!(got.trackers[0].tracker.as_deref(), Some(water.id.as_str()));
}

#[test]
fn a_tracker_answer_of_the_wrong_shape_is_refused_and_nothing_is_saved() {
    let (_d, _path, mut v) = vault();
    let walk = add(&mut v, tracker_dto("Walk", "yes-no", ""));
    let energy = add(&mut v, tracker_dto("Energy", "scale", ""));
    let before = v.all().unwrap().0.len();
    let try_add = |v: &mut Vault, trackers: Vec<TrackerValueDto>| {
        commands::add(
            v,
            NewRecord {
                at: None,
                body: BodyDto::Checkin(CheckinDto {
                    mood: Some(5),
                    trackers,
                    ..Default::default()
                }),
            },
        )
        .map(|_| ())
        .unwrap_err()
    };
    for bad in [
        vec![answer(&walk, 0.5)],
        vec![answer(&energy, 11.0)],
        vec![answer(&energy, 2.5)],
        vec![answer(&walk, 1.0), answer(&walk, 0.0)],
        vec![TrackerValueDto {
            name: " ".into(),
            ..answer(&walk, 1.0)
        }],
        vec![TrackerValueDto {
            answer: "colour".into(),
            ..answer(&walk, 1.0)
        }],
        vec![TrackerValueDto {
            tracker: Some("not-an-id".into()),
            ..answer(&walk, 1.0)
        }],
        (0..=50)
            .map(|i| TrackerValueDto {
                tracker: None,
                name: format!("t{i}"),
                answer: "number".into(),
                unit: String::new(),
                value: 1.0,
            })
            .collect(),
    ] {
        assert_eq!(field_of(try_add(&mut v, bad)), "trackers");
    }
    assert_eq!(v.all().unwrap().0.len(), before, "nothing saved");
}
