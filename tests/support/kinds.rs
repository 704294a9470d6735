//! One filled-in body of every kind, and an edited version of it: the fixtures the "every kind"
//! tests loop over. The match is exhaustive, so a kind added to the registry without a fixture
//! here does not compile.

use keel::dto::*;
use keel::model::Kind;

pub fn sample(kind: Kind) -> (BodyDto, BodyDto) {
    let session = |title: &str, done: bool| {
        BodyDto::Session(SessionDto {
            session_type: "skills".into(),
            title: title.into(),
            facilitator: "Dana".into(),
            notes: "# Notes\n- one".into(),
            takeaways: "breathe".into(),
            homework: vec![ItemDto {
                text: "practise".into(),
                done,
            }],
            bring: vec![ItemDto {
                text: "ask about sleep".into(),
                done: false,
            }],
            attended: true,
        })
    };
    match kind {
        Kind::Checkin => (
            BodyDto::Checkin(CheckinDto {
                stress: Some(7),
                mood: Some(3),
                craving: Some(2),
                sleep_hours: Some(6.5),
                halt: HaltDto {
                    hungry: true,
                    tired: true,
                    ..Default::default()
                },
                emotions: vec!["anxious".into()],
                triggers: vec!["deadline".into()],
                context: Some("work".into()),
                note: "long day".into(),
                factors: Factors {
                    exercise: Some(true),
                    meals: Some(2),
                    caffeine: Some(3),
                    medication: Some(true),
                    outdoors: Some(false),
                },
                trackers: vec![TrackerValueDto {
                    tracker: None,
                    name: "Water".into(),
                    answer: "number".into(),
                    unit: "glasses".into(),
                    value: 6.0,
                }],
                bring: true,
            }),
            BodyDto::Checkin(CheckinDto {
                mood: Some(4),
                note: "better".into(),
                ..Default::default()
            }),
        ),
        Kind::SkillUse => (
            BodyDto::SkillUse(SkillUseDto {
                skill_name: "Box breathing".into(),
                distress_before: Some(8),
                distress_after: Some(4),
                urge_before: Some(6),
                urge_after: Some(2),
                minutes: Some(5),
                situation: "before a call".into(),
                urge_along: vec![UrgeMark { minute: 5, urge: 4 }],
                ..Default::default()
            }),
            BodyDto::SkillUse(SkillUseDto {
                skill_name: "Box breathing".into(),
                distress_before: Some(8),
                distress_after: None,
                ..Default::default()
            }),
        ),
        Kind::Session => (
            session("Relapse triggers", false),
            session("Relapse triggers", true),
        ),
        Kind::Journal => (
            BodyDto::Journal(JournalDto {
                title: "After group".into(),
                text: "It went well".into(),
                tags: vec!["group".into()],
                bring: true,
                ..Default::default()
            }),
            BodyDto::Journal(JournalDto {
                text: "Edited".into(),
                ..Default::default()
            }),
        ),
        Kind::Skill => (
            BodyDto::Skill(SkillDto {
                name: "Walk the dog".into(),
                category: "body".into(),
                how_to: "Leash, door, park.".into(),
                builtin: None,
                favourite: false,
                hidden: false,
            }),
            BodyDto::Skill(SkillDto {
                name: "Walk the dog".into(),
                category: "body".into(),
                how_to: "Leash, door, park.".into(),
                builtin: None,
                favourite: true,
                hidden: false,
            }),
        ),
        Kind::Tracker => (
            BodyDto::Tracker(TrackerDto {
                name: "Water".into(),
                answer: "number".into(),
                unit: "glasses".into(),
                archived: false,
            }),
            BodyDto::Tracker(TrackerDto {
                name: "Water".into(),
                answer: "number".into(),
                unit: "cups".into(),
                archived: true,
            }),
        ),
        Kind::Clock => (
            BodyDto::Clock(SobrietyClockDto {
                name: "Alcohol".into(),
                since: "2026-10-01T21:00:00-04:00".into(),
                archived: false,
            }),
            BodyDto::Clock(SobrietyClockDto {
                name: "Drinking".into(),
                since: "2026-09-30T21:00:00-04:00".into(),
                archived: false,
            }),
        ),
        Kind::Lapse => (
            BodyDto::Lapse(LapseDto {
                clock: None,
                clock_name: "Alcohol".into(),
                restart: false,
                what_happened: "a glass of wine at the dinner".into(),
                triggers: vec!["work dinner".into()],
                halt: HaltDto {
                    tired: true,
                    ..Default::default()
                },
                place: "restaurant".into(),
                people: vec!["team".into()],
                helped: "called Sam".into(),
                next_time: "order first".into(),
            }),
            BodyDto::Lapse(LapseDto {
                clock: None,
                clock_name: "Alcohol".into(),
                restart: true,
                what_happened: "two glasses at the dinner".into(),
                ..Default::default()
            }),
        ),
        Kind::CrisisPlan => (
            BodyDto::CrisisPlan(CrisisPlanDto {
                warning_signs: vec!["not sleeping".into()],
                on_my_own: vec!["a long shower".into()],
                take_my_mind_off: vec!["the park".into()],
                people: vec![Contact {
                    name: "Sam".into(),
                    phone: "555 0100".into(),
                    note: "any hour".into(),
                }],
                professionals: vec![Contact {
                    name: "My counsellor".into(),
                    phone: "555 0199".into(),
                    note: String::new(),
                }],
                safer_surroundings: vec!["keys with Sam".into()],
                reasons: vec!["my daughter".into()],
            }),
            BodyDto::CrisisPlan(CrisisPlanDto {
                reasons: vec!["my daughter".into(), "the garden".into()],
                ..Default::default()
            }),
        ),
        Kind::Morning => (
            BodyDto::Morning(MorningDto {
                intention: "go gently today".into(),
                one_step: "walk at lunch".into(),
            }),
            BodyDto::Morning(MorningDto {
                intention: "go gently".into(),
                one_step: String::new(),
            }),
        ),
        Kind::Evening => (
            BodyDto::Evening(EveningDto {
                went_well: "the meeting".into(),
                was_hard: "the commute".into(),
                peak_stress: Some(6),
                grateful: "my sister".into(),
            }),
            BodyDto::Evening(EveningDto {
                went_well: "the meeting".into(),
                peak_stress: Some(5),
                ..Default::default()
            }),
        ),
        Kind::Schedule => (
            BodyDto::Schedule(ScheduleSlotDto {
                title: "Evening group".into(),
                session_type: "group".into(),
                first: "2026-11-02".into(),
                start: "18:00".into(),
                minutes: 180,
                weekdays: vec![1, 3, 4],
                until: Some("2027-01-29".into()),
                place: "Riverside clinic".into(),
                online: false,
                archived: false,
            }),
            BodyDto::Schedule(ScheduleSlotDto {
                title: "Evening group".into(),
                session_type: "group".into(),
                first: "2026-11-02".into(),
                start: "18:30".into(),
                minutes: 150,
                weekdays: vec![1, 3],
                until: None,
                place: String::new(),
                online: true,
                archived: false,
            }),
        ),
        Kind::Occurrence => (
            BodyDto::Occurrence(OccurrenceDto {
                slot: "0123456789abcdef0123456789abcdef".into(),
                slot_title: "Evening group".into(),
                date: "2026-11-25".into(),
                cancelled: false,
                moved_to: Some("2026-11-26T18:00".into()),
                attendance: Some("attended".into()),
                note: "a good one".into(),
                session_note: None,
            }),
            BodyDto::Occurrence(OccurrenceDto {
                slot: "0123456789abcdef0123456789abcdef".into(),
                slot_title: "Evening group".into(),
                date: "2026-11-25".into(),
                cancelled: false,
                moved_to: None,
                attendance: Some("excused".into()),
                note: "work trip".into(),
                session_note: None,
            }),
        ),
        Kind::Goal => (
            BodyDto::Goal(GoalDto {
                title: "Sleep before midnight".into(),
                why: "mornings are easier".into(),
                steps: vec![ItemDto {
                    text: "phone out of the bedroom".into(),
                    done: true,
                }],
                target: Some("2027-01-31".into()),
                reached: false,
                archived: false,
            }),
            BodyDto::Goal(GoalDto {
                title: "Sleep before midnight".into(),
                why: String::new(),
                steps: Vec::new(),
                target: None,
                reached: true,
                archived: false,
            }),
        ),
        Kind::StepDown => (
            BodyDto::StepDown(StepDownPlanDto {
                phases: vec![PhaseDto {
                    name: "Outpatient".into(),
                    from: None,
                    to: None,
                    supports: vec!["weekly group".into()],
                    appointments: vec!["Dr Lee monthly".into()],
                    note: "ask about evenings".into(),
                }],
            }),
            BodyDto::StepDown(StepDownPlanDto {
                phases: vec![PhaseDto {
                    name: "Aftercare".into(),
                    from: Some("2027-05-01".into()),
                    to: Some("2027-11-01".into()),
                    ..Default::default()
                }],
            }),
        ),
        Kind::Assessment => (
            BodyDto::Assessment(AssessmentDto {
                instrument: "phq9".into(),
                answers: vec![0, 1, 2, 3, 0, 1, 2, 3, 0],
                difficulty: Some(1),
                note: "a hard fortnight at work".into(),
                total: Some(12),
                band: Some("moderate".into()),
            }),
            BodyDto::Assessment(AssessmentDto {
                instrument: "gad7".into(),
                answers: vec![1, 1, 0, 0, 1, 2, 0],
                difficulty: None,
                note: String::new(),
                total: Some(5),
                band: Some("mild".into()),
            }),
        ),
        Kind::DiaryCard => (
            BodyDto::DiaryCard(DiaryCardDto {
                date: "2026-11-30".into(),
                urges: vec![UrgeDto {
                    target: "To use".into(),
                    level: 4,
                    acted: Some(false),
                }],
                emotions: vec![FeelingDto {
                    name: "Shame".into(),
                    level: 3,
                }],
                skills: vec!["Paced breathing".into()],
                skills_rating: Some(5),
                medication: Some(true),
                note: "called my sponsor".into(),
            }),
            BodyDto::DiaryCard(DiaryCardDto {
                date: "2026-11-30".into(),
                urges: vec![UrgeDto {
                    target: "To use".into(),
                    level: 2,
                    acted: None,
                }],
                emotions: Vec::new(),
                skills: Vec::new(),
                skills_rating: None,
                medication: None,
                note: String::new(),
            }),
        ),
        Kind::DiarySetup => (
            BodyDto::DiarySetup(DiarySetupDto {
                // One of each: the marker test writes the same words into every item.
                targets: vec!["To skip meals".into()],
                emotions: vec!["Shame".into()],
                medication: true,
            }),
            BodyDto::DiarySetup(DiarySetupDto {
                targets: vec!["To drink".into()],
                emotions: vec!["Anger".into()],
                medication: false,
            }),
        ),
        Kind::ThoughtRecord => (
            BodyDto::ThoughtRecord(ThoughtRecordDto {
                situation: "My manager frowned at my report".into(),
                moods: vec![MoodDto {
                    name: "Anxious".into(),
                    before: 80,
                    after: Some(40),
                }],
                thoughts: vec![ThoughtDto {
                    text: "I am going to lose my job".into(),
                    hot: true,
                }],
                evidence_for: "she frowned".into(),
                evidence_against: "she praised last week's".into(),
                balanced: "One frown is not a verdict".into(),
                belief: Some(60),
            }),
            BodyDto::ThoughtRecord(ThoughtRecordDto {
                situation: "My manager frowned at my report".into(),
                moods: vec![MoodDto {
                    name: "Anxious".into(),
                    before: 80,
                    after: None,
                }],
                thoughts: Vec::new(),
                evidence_for: String::new(),
                evidence_against: String::new(),
                balanced: String::new(),
                belief: None,
            }),
        ),
        Kind::ReportSetup => (
            BodyDto::ReportSetup(ReportSetupDto {
                sections: vec!["checkins".into(), "skills".into()],
                session_notes: "full".into(),
                paper: "letter".into(),
                name: "Alex R.".into(),
                entries: vec!["0123456789abcdef0123456789abcdef".into()],
            }),
            BodyDto::ReportSetup(ReportSetupDto {
                sections: vec!["questionnaires".into()],
                session_notes: "titles".into(),
                paper: "a4".into(),
                name: String::new(),
                entries: Vec::new(),
            }),
        ),
        Kind::Unknown => panic!("a record from a newer Keel cannot be written by this one"),
    }
}

/// `(kind, body, edited body)` for every kind this build can write.
pub fn samples() -> Vec<(Kind, BodyDto, BodyDto)> {
    Kind::ALL
        .iter()
        .map(|k| {
            let (a, b) = sample(*k);
            (*k, a, b)
        })
        .collect()
}

/// Saves a body of `kind` with `marker` in every text field it has: each string is replaced
/// by the marker, and a field that then fails validation (a closed set, an id) gets its
/// sample value back. Works for any kind, present or future. Returns the saved record and how
/// many strings held the marker in what was saved.
pub fn save_with_marker(
    kind: Kind,
    marker: &str,
    mut add: impl FnMut(BodyDto) -> keel::Result<RecordDto>,
) -> (RecordDto, usize) {
    let mut json = serde_json::to_value(sample(kind).0).unwrap();
    let original = json.clone();
    fn mark(v: &mut serde_json::Value, marker: &str) {
        match v {
            serde_json::Value::String(s) => *s = marker.to_owned(),
            serde_json::Value::Array(a) => a.iter_mut().for_each(|x| mark(x, marker)),
            serde_json::Value::Object(m) => m.iter_mut().for_each(|(_, x)| mark(x, marker)),
            _ => {}
        }
    }
    for (k, v) in json.as_object_mut().unwrap().iter_mut() {
        if k != "kind" {
            mark(v, marker);
        }
    }
    for _ in 0..20 {
        let body: BodyDto = serde_json::from_value(json.clone()).unwrap();
        match add(body) {
            Ok(r) => return (r, leaves_equal_to(&json, marker)),
            Err(keel::Error::InvalidInput { field, .. }) => {
                json[field] = original[field].clone();
            }
            Err(e) => panic!("{kind} with the marker: {e:?}"),
        }
    }
    panic!("{kind} never saved with the marker")
}

/// How many strings in `v` are exactly `marker`.
fn leaves_equal_to(v: &serde_json::Value, marker: &str) -> usize {
    match v {
        serde_json::Value::String(s) => usize::from(s == marker),
        serde_json::Value::Array(a) => a.iter().map(|x| leaves_equal_to(x, marker)).sum(),
        serde_json::Value::Object(m) => m.values().map(|x| leaves_equal_to(x, marker)).sum(),
        _ => 0,
    }
}
