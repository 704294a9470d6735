//! The clinical tools and insights through the engine's commands: a questionnaire's results over
//! time, a week of diary cards, the insights over a span and On This Day.

use keel::commands;
use keel::dto::*;

use crate::support::*;

fn assess(v: &mut keel::Vault, instrument: &str, answers: &[u8], at: &str) -> RecordDto {
    commands::add(
        v,
        NewRecord {
            at: Some(at.into()),
            body: BodyDto::Assessment(AssessmentDto {
                instrument: instrument.into(),
                answers: answers.to_vec(),
                difficulty: None,
                note: String::new(),
                total: None,
                band: None,
            }),
        },
    )
    .unwrap()
}

#[test]
fn a_questionnaires_results_come_oldest_first_with_each_change_and_the_overall_one() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    // Written out of order; a GAD-7 in between is not part of the PHQ-9's series.
    let late = assess(
        &mut v,
        "phq9",
        &[1, 1, 1, 1, 1, 1, 1, 1, 0],
        "2026-11-12T09:00:00-05:00",
    );
    let first = assess(
        &mut v,
        "phq9",
        &[3, 3, 3, 2, 2, 2, 2, 1, 0],
        "2026-10-15T09:00:00-04:00",
    );
    assess(&mut v, "gad7", &[3; 7], "2026-10-20T09:00:00-04:00");
    assess(
        &mut v,
        "phq9",
        &[2, 2, 2, 2, 2, 2, 1, 1, 0],
        "2026-10-29T09:00:00-04:00",
    );
    let t = commands::assessments(&mut v, "phq9").unwrap();
    let read: Vec<(&str, u8, &str, Option<i16>, bool)> = t
        .points
        .iter()
        .map(|p| {
            (
                p.local_date.as_str(),
                p.total,
                p.band.as_str(),
                p.change,
                p.meaningful,
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("2026-10-15", 18, "moderately severe", None, false),
            ("2026-10-29", 14, "moderate", Some(-4), false),
            ("2026-11-12", 8, "mild", Some(-6), true),
        ]
    );
    assert_eq!(
        (t.points[0].id.as_str(), t.points[2].id.as_str()),
        (first.id.as_str(), late.id.as_str())
    );
    assert_eq!((t.overall, t.overall_meaningful), (Some(-10), true));
    // The vault's clock reads 27 November: 15 days since 12 November.
    assert_eq!(t.days_since, Some(15));

    let g = commands::assessments(&mut v, "gad7").unwrap();
    assert_eq!(
        (g.points.len(), g.overall, g.overall_meaningful),
        (1, None, false)
    );
    assert_eq!(g.points[0].band, "severe");

    // A trashed result leaves the series.
    commands::trash(&mut v, &late.id).unwrap();
    let t = commands::assessments(&mut v, "phq9").unwrap();
    assert_eq!((t.points.len(), t.overall), (2, Some(-4)));
    assert!(matches!(
        commands::assessments(&mut v, "pcl5"),
        Err(keel::Error::InvalidInput {
            field: "instrument",
            ..
        })
    ));
}

#[test]
fn a_total_or_band_given_with_the_answers_must_be_theirs() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    let add = |v: &mut keel::Vault, total: Option<u8>, band: Option<&str>| {
        commands::add(
            v,
            NewRecord {
                at: None,
                body: BodyDto::Assessment(AssessmentDto {
                    instrument: "gad7".into(),
                    answers: vec![1, 1, 1, 1, 1, 0, 0],
                    difficulty: Some(1),
                    note: String::new(),
                    total,
                    band: band.map(String::from),
                }),
            },
        )
    };
    let r = add(&mut v, Some(5), Some("mild")).unwrap();
    let BodyDto::Assessment(a) = r.body else {
        panic!("an assessment")
    };
    assert_eq!((a.total, a.band.as_deref()), (Some(5), Some("mild")));
    match add(&mut v, Some(6), None) {
        Err(keel::Error::InvalidInput { field, reason }) => {
            assert_eq!(
                (field, reason.as_str()),
                ("total", "the answers add up to 5; leave the total out")
            )
        }
        other => panic!("expected the total to be named: {other:?}"),
    }
    match add(&mut v, None, Some("minimal")) {
        Err(keel::Error::InvalidInput { field, reason }) => {
            assert_eq!(
                (field, reason.as_str()),
                ("band", "a total of 5 is mild; leave the band out")
            )
        }
        other => panic!("expected the band to be named: {other:?}"),
    }
}

fn card(date: &str, level: u8, note: &str) -> BodyDto {
    BodyDto::DiaryCard(DiaryCardDto {
        date: date.into(),
        urges: vec![UrgeDto {
            target: "To use".into(),
            level,
            acted: Some(false),
        }],
        emotions: Vec::new(),
        skills: Vec::new(),
        skills_rating: None,
        medication: None,
        note: note.into(),
    })
}

#[test]
fn a_diary_week_runs_monday_to_sunday_with_each_days_latest_card_and_the_set_up() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    let add = |v: &mut keel::Vault, body: BodyDto, at: &str| {
        commands::add(
            v,
            NewRecord {
                at: Some(at.into()),
                body,
            },
        )
        .unwrap()
    };
    // A card is for its own day, whenever it was written: Sunday's, filled in on Monday.
    add(
        &mut v,
        card("2026-11-29", 2, "sunday"),
        "2026-11-30T08:00:00-05:00",
    );
    add(
        &mut v,
        card("2026-11-30", 4, "monday"),
        "2026-11-30T21:00:00-05:00",
    );
    let again = add(
        &mut v,
        card("2026-11-30", 1, "monday again"),
        "2026-11-30T22:00:00-05:00",
    );
    add(
        &mut v,
        card("2026-12-06", 0, "sunday after"),
        "2026-12-06T21:00:00-05:00",
    );

    let w = commands::diary_week(
        &mut v,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
    )
    .unwrap();
    assert_eq!(w.start, "2026-11-30");
    let days: Vec<(&str, Option<&str>)> = w
        .days
        .iter()
        .map(|d| (d.date.as_str(), d.card.as_ref().map(|c| c.note.as_str())))
        .collect();
    assert_eq!(
        days,
        [
            ("2026-11-30", Some("monday again")),
            ("2026-12-01", None),
            ("2026-12-02", None),
            ("2026-12-03", None),
            ("2026-12-04", None),
            ("2026-12-05", None),
            ("2026-12-06", Some("sunday after")),
        ]
    );
    assert_eq!(w.days[0].id.as_deref(), Some(again.id.as_str()));
    // Keel's set-up until the person saves one; then theirs (the latest).
    assert_eq!(w.setup_id, None);
    assert_eq!(w.setup.targets, ["To use", "To hurt myself"]);
    assert!(w.setup.medication);
    let s = add(
        &mut v,
        BodyDto::DiarySetup(DiarySetupDto {
            targets: vec!["To drink".into()],
            emotions: vec!["Shame".into()],
            medication: false,
        }),
        "2026-11-30T20:00:00-05:00",
    );
    let w = commands::diary_week(
        &mut v,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
    )
    .unwrap();
    assert_eq!(w.setup_id.as_deref(), Some(s.id.as_str()));
    assert_eq!(
        (w.setup.targets.as_slice(), w.setup.medication),
        (&["To drink".to_owned()][..], false)
    );
}

#[test]
fn a_diary_card_keeps_levels_0_to_5_and_a_rating_0_to_7_and_names_what_is_out_of_range() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    let try_add =
        |v: &mut keel::Vault, body: BodyDto| commands::add(v, NewRecord { at: None, body });
    let field_of = |r: keel::Result<RecordDto>| match r {
        Err(keel::Error::InvalidInput { field, .. }) => field,
        other => panic!("expected invalid input: {other:?}"),
    };
    assert!(try_add(&mut v, card("2026-11-30", 5, "")).is_ok());
    assert_eq!(
        field_of(try_add(&mut v, card("2026-11-30", 6, ""))),
        "urges"
    );
    let BodyDto::DiaryCard(mut c) = card("2026-11-30", 0, "") else {
        unreachable!()
    };
    c.skills_rating = Some(8);
    assert_eq!(
        field_of(try_add(&mut v, BodyDto::DiaryCard(c.clone()))),
        "skillsRating"
    );
    c.skills_rating = Some(7);
    c.emotions = vec![FeelingDto {
        name: "Shame".into(),
        level: 9,
    }];
    assert_eq!(
        field_of(try_add(&mut v, BodyDto::DiaryCard(c.clone()))),
        "emotions"
    );
    c.emotions = vec![
        FeelingDto {
            name: " Shame ".into(),
            level: 2,
        },
        FeelingDto {
            name: "shame".into(),
            level: 4,
        },
        FeelingDto {
            name: " ".into(),
            level: 1,
        },
    ];
    let r = try_add(&mut v, BodyDto::DiaryCard(c.clone())).unwrap();
    let BodyDto::DiaryCard(saved) = r.body else {
        unreachable!()
    };
    assert_eq!(
        saved.emotions.len(),
        1,
        "trimmed, a repeat and a blank dropped"
    );
    assert_eq!(
        (saved.emotions[0].name.as_str(), saved.emotions[0].level),
        ("Shame", 2)
    );
    c.date = "30/11/2026".into();
    assert_eq!(field_of(try_add(&mut v, BodyDto::DiaryCard(c))), "date");
}

fn checkin_at(v: &mut keel::Vault, at: &str, stress: u8, mood: u8) -> RecordDto {
    commands::add(
        v,
        NewRecord {
            at: Some(at.into()),
            body: BodyDto::Checkin(CheckinDto {
                stress: Some(stress),
                mood: Some(mood),
                craving: None,
                sleep_hours: None,
                halt: HaltDto::default(),
                emotions: Vec::new(),
                triggers: vec!["deadline".into()],
                context: Some("work".into()),
                note: String::new(),
                factors: Factors::default(),
                trackers: Vec::new(),
                bring: false,
            }),
        },
    )
    .unwrap()
}

#[test]
fn insights_cover_the_span_asked_for_with_the_number_of_check_ins_behind_each_point() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    // The vault's clock reads 27 November 2026: 30 days back is 29 October.
    checkin_at(&mut v, "2026-10-28T09:00:00-04:00", 1, 9); // outside 30 days
    checkin_at(&mut v, "2026-11-02T09:00:00-05:00", 8, 3); // Monday
    checkin_at(&mut v, "2026-11-02T20:00:00-05:00", 6, 5);
    checkin_at(&mut v, "2026-11-05T09:00:00-05:00", 4, 6);
    checkin_at(&mut v, "2026-11-26T09:00:00-05:00", 2, 8);
    let q = |range: &str, bucket: &str| InsightsQuery {
        range: range.into(),
        bucket: bucket.into(),
    };
    let i = commands::insights(&mut v, q("30d", "week")).unwrap();
    assert_eq!(
        (i.from.as_deref(), i.to.as_str()),
        (Some("2026-10-29"), "2026-11-27")
    );
    let read = |p: &[PointDto]| -> Vec<(String, f64, u32)> {
        p.iter().map(|x| (x.start.clone(), x.mean, x.n)).collect()
    };
    assert_eq!(
        read(&i.stress),
        [("2026-11-02".into(), 6.0, 3), ("2026-11-23".into(), 2.0, 1)]
    );
    // 2 November's mean stress is 7: a high-stress day, with its trigger and context once.
    assert_eq!(i.high_stress.days, 1);
    assert_eq!(
        (
            i.high_stress.triggers[0].name.as_str(),
            i.high_stress.triggers[0].n
        ),
        ("deadline", 1)
    );
    // The year in pixels holds every day of the last year, whatever the span.
    assert_eq!(
        i.mood_days.len(),
        4,
        "the 30-day span leaves 28 October out, the year keeps it"
    );
    let all = commands::insights(&mut v, q("all", "month")).unwrap();
    assert_eq!(all.from, None);
    assert_eq!(
        read(&all.stress),
        [("2026-10-01".into(), 1.0, 1), ("2026-11-01".into(), 5.0, 4)]
    );
    assert_eq!(all.mood_days.len(), 4);
    for (bad, field) in [(q("2w", "week"), "range"), (q("30d", "year"), "bucket")] {
        assert!(
            matches!(commands::insights(&mut v, bad), Err(keel::Error::InvalidInput { field: f, .. }) if f == field),
            "{field} is named"
        );
    }
}

#[test]
fn on_this_day_brings_back_entries_from_this_date_in_earlier_months_and_years() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    let month = journal_at(&mut v, "2026-10-27T21:00:00-04:00", "a month back");
    let year = journal_at(&mut v, "2025-11-27T08:00:00-05:00", "a year back");
    journal_at(&mut v, "2026-11-27T08:00:00-05:00", "today");
    journal_at(&mut v, "2026-10-26T21:00:00-04:00", "another day");
    let got: Vec<(String, String)> = commands::on_this_day(&mut v)
        .unwrap()
        .into_iter()
        .map(|o| (o.ago, o.record.id))
        .collect();
    assert_eq!(
        got,
        [
            ("1 month ago".to_owned(), month.id),
            ("1 year ago".to_owned(), year.id)
        ]
    );
}

fn journal_at(v: &mut keel::Vault, at: &str, text: &str) -> RecordDto {
    commands::add(
        v,
        NewRecord {
            at: Some(at.into()),
            body: BodyDto::Journal(JournalDto {
                text: text.into(),
                ..Default::default()
            }),
        },
    )
    .unwrap()
}

#[test]
fn insights_give_each_clock_its_runs_that_reach_into_the_span() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    let add = |v: &mut keel::Vault, at: &str, body: BodyDto| {
        commands::add(
            v,
            NewRecord {
                at: Some(at.into()),
                body,
            },
        )
        .unwrap()
    };
    let clock = add(
        &mut v,
        "2026-06-01T20:00:00-04:00",
        BodyDto::Clock(SobrietyClockDto {
            name: "Alcohol".into(),
            since: "2026-06-01T20:00:00-04:00".into(),
            archived: false,
        }),
    );
    let lapse = |restart: bool| {
        BodyDto::Lapse(LapseDto {
            clock: Some(clock.id.clone()),
            clock_name: "Alcohol".into(),
            restart,
            ..Default::default()
        })
    };
    add(&mut v, "2026-08-01T09:00:00-04:00", lapse(true));
    add(&mut v, "2026-11-06T22:00:00-05:00", lapse(true));
    add(&mut v, "2026-11-10T22:00:00-05:00", lapse(false));
    let q = |range: &str| InsightsQuery {
        range: range.into(),
        bucket: "week".into(),
    };
    let runs = |i: &InsightsDto| -> Vec<(String, String, i64, bool)> {
        i.clocks[0]
            .runs
            .iter()
            .map(|r| (r.start.clone(), r.end.clone(), r.days, r.ended))
            .collect()
    };
    // The vault's clock reads 27 November 2026 at noon.
    let all = commands::insights(&mut v, q("all")).unwrap();
    assert_eq!(all.clocks.len(), 1);
    assert_eq!(all.clocks[0].name, "Alcohol");
    assert_eq!(
        runs(&all),
        [
            ("2026-06-01".into(), "2026-08-01".into(), 60, true),
            ("2026-08-01".into(), "2026-11-06".into(), 97, true),
            ("2026-11-06".into(), "2026-11-27".into(), 20, false),
        ]
    );
    // 30 days back is 29 October: the first run ended before it.
    let month = commands::insights(&mut v, q("30d")).unwrap();
    assert_eq!(
        runs(&month)
            .iter()
            .map(|r| r.0.as_str())
            .collect::<Vec<_>>(),
        ["2026-08-01", "2026-11-06"]
    );
}
