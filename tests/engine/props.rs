use keel::Vault;
use keel::commands;
use keel::crypto::{SealingKey, SecretBytes};
use keel::dto::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::support::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "\\PC{0,40}", "[a-z ]{1,300}"]
}

fn score() -> impl Strategy<Value = u8> {
    0u8..=10
}

fn items() -> impl Strategy<Value = Vec<ItemDto>> {
    prop::collection::vec(
        ("[a-z]{1,20}", any::<bool>()).prop_map(|(text, done)| ItemDto { text, done }),
        0..4,
    )
}

fn body() -> impl Strategy<Value = BodyDto> {
    prop_oneof![
        (
            score(),
            prop::option::of(score()),
            prop::option::of(score()),
            prop::option::of(0u8..=24),
            any::<[bool; 4]>(),
            prop::collection::vec("[a-z]{1,12}", 0..3),
            text(),
            prop::option::of(prop::sample::select(vec![
                "work", "home", "commute", "social", "other"
            ]))
        )
            .prop_map(|(stress, mood, craving, sleep, h, emotions, note, ctx)| {
                BodyDto::Checkin(CheckinDto {
                    stress: Some(stress),
                    mood,
                    craving,
                    sleep_hours: sleep.map(f32::from),
                    halt: HaltDto {
                        hungry: h[0],
                        angry: h[1],
                        lonely: h[2],
                        tired: h[3],
                    },
                    emotions: emotions.clone(),
                    triggers: vec![],
                    context: ctx.map(str::to_owned),
                    note,
                    ..Default::default()
                })
            }),
        (
            "[A-Za-z]{1,20}",
            score(),
            score(),
            prop::option::of(score()),
            prop::option::of(0u16..600),
            text()
        )
            .prop_map(|(name, b, a, u, m, note)| BodyDto::SkillUse(SkillUseDto {
                skill_name: name,
                distress_before: Some(b),
                distress_after: Some(a),
                urge_before: u,
                urge_after: u,
                minutes: m,
                note,
                ..Default::default()
            })),
        (
            "[A-Za-z]{1,30}",
            text(),
            items(),
            items(),
            any::<bool>(),
            prop::sample::select(vec![
                "individual",
                "group",
                "psychoeducation",
                "skills",
                "family",
                "medication",
                "peer",
                "other"
            ])
        )
            .prop_map(
                |(title, notes, homework, bring, attended, t)| BodyDto::Session(SessionDto {
                    session_type: t.into(),
                    title,
                    facilitator: String::new(),
                    notes,
                    takeaways: String::new(),
                    homework,
                    bring,
                    attended,
                })
            ),
        (
            "[a-z]{0,10}",
            "[a-z]{1,200}",
            prop::collection::vec("[a-z]{1,8}", 0..4)
        )
            .prop_map(|(title, text, mut tags)| {
                tags.sort();
                tags.dedup();
                BodyDto::Journal(JournalDto {
                    title,
                    text,
                    tags,
                    prompt: String::new(),
                    bring: false,
                })
            }),
    ]
}

#[test]
fn every_record_round_trips_through_the_vault_and_a_reopen() {
    let (_d, path) = temp_vault();
    // The runner takes an `Fn`; the vault and the log of what was written live in cells.
    let v = std::cell::RefCell::new(new_vault(&path));
    let written = std::cell::RefCell::new(Vec::new());
    let mut runner = TestRunner::new(Config {
        cases: 200,
        ..Config::default()
    });
    runner
        .run(&body(), |b| {
            let mut v = v.borrow_mut();
            let r = commands::add(
                &mut v,
                NewRecord {
                    at: None,
                    body: b.clone(),
                },
            )
            .unwrap();
            prop_assert_eq!(&commands::get(&mut v, &r.id).unwrap().body, &b);
            written.borrow_mut().push((r.id, b));
            Ok(())
        })
        .unwrap();
    drop(v);
    let mut v = Vault::unlock(&path, &pass(), noon()).unwrap();
    for (id, b) in written.into_inner() {
        assert_eq!(
            commands::get(&mut v, &id).unwrap().body,
            b,
            "after reopening"
        );
    }
}

proptest! {
    #![proptest_config(Config { cases: 500, ..Config::default() })]

    #[test]
    fn any_bytes_fed_to_open_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600), aad in prop::collection::vec(any::<u8>(), 0..64)) {
        let k = SealingKey::new(SecretBytes::random().unwrap()).unwrap();
        prop_assert!(k.open(bytes.clone(), &aad).is_none());
        let _ = keel::crypto::unpad(&bytes);
        let _ = keel::codec::decode(keel::model::RecordId([0; 16]), 1, &bytes);
    }

    #[test]
    fn any_text_typed_as_a_recovery_key_never_panics(s in "\\PC{0,120}") {
        let _ = keel::recovery::RecoveryKey::parse(&s);
    }
}
