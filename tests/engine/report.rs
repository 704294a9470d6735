//! The counsellor report: the figures it prints, the sections it leaves out, and the PDF it
//! writes (read back with a PDF text extractor).

use keel::commands;
use keel::dto::*;
use keel::report::{BlockDto, ReportDto, ReportRequest};

use crate::support::*;

fn add(v: &mut keel::Vault, at: &str, body: BodyDto) -> RecordDto {
    commands::add(
        v,
        NewRecord {
            at: Some(at.into()),
            body,
        },
    )
    .unwrap()
}

fn checkin(stress: u8, mood: u8, craving: Option<u8>) -> BodyDto {
    BodyDto::Checkin(CheckinDto {
        stress: Some(stress),
        mood: Some(mood),
        craving,
        sleep_hours: None,
        halt: HaltDto::default(),
        emotions: Vec::new(),
        triggers: Vec::new(),
        context: None,
        note: String::new(),
        factors: Factors::default(),
        trackers: Vec::new(),
        bring: false,
    })
}

fn skill_use(name: &str, before: u8, after: u8) -> BodyDto {
    BodyDto::SkillUse(SkillUseDto {
        skill_id: None,
        skill_name: name.into(),
        situation: String::new(),
        distress_before: Some(before),
        distress_after: Some(after),
        urge_before: None,
        urge_after: None,
        minutes: None,
        note: String::new(),
        urge_along: Vec::new(),
    })
}

fn journal_body(title: &str, text: &str) -> BodyDto {
    BodyDto::Journal(JournalDto {
        title: title.into(),
        text: text.into(),
        ..Default::default()
    })
}

/// A month of records, each kind carrying a word found nowhere else. Returns the ids of the
/// two journal entries (to choose, and not to).
fn seed(v: &mut keel::Vault) -> (String, String) {
    // Stress 8, 6, 4, 2, 9: average 5.8; mood 3, 5, 7, 8, 2: average 5.0; craving 2, 4, 0:
    // average 2.0 from 3 ratings.
    add(v, "2026-11-02T09:00:00-05:00", checkin(8, 3, Some(2)));
    add(v, "2026-11-02T20:00:00-05:00", checkin(6, 5, Some(4)));
    add(v, "2026-11-03T09:00:00-05:00", checkin(4, 7, None));
    add(v, "2026-11-10T09:00:00-05:00", checkin(2, 8, Some(0)));
    add(v, "2026-11-11T09:00:00-05:00", checkin(9, 2, None));
    // Outside the span: never counted.
    add(v, "2026-10-20T09:00:00-04:00", checkin(0, 10, Some(10)));
    // Box breathing drops 3, 4, 2: average 3.0, median 3.0; Walk once.
    add(
        v,
        "2026-11-02T10:00:00-05:00",
        skill_use("Box breathing", 8, 5),
    );
    add(
        v,
        "2026-11-03T10:00:00-05:00",
        skill_use("Box breathing", 7, 3),
    );
    add(
        v,
        "2026-11-04T10:00:00-05:00",
        skill_use("Box breathing", 6, 4),
    );
    add(v, "2026-11-05T10:00:00-05:00", skill_use("Walk", 9, 4));
    add(
        v,
        "2026-11-04T18:00:00-05:00",
        BodyDto::Session(SessionDto {
            session_type: "group".into(),
            title: "Relapse prevention".into(),
            facilitator: "Dana".into(),
            notes: "Sessionnotesmarker about the plan".into(),
            takeaways: "breathe first".into(),
            homework: vec![ItemDto {
                text: "Homeworkmarker worksheet".into(),
                done: true,
            }],
            bring: vec![ItemDto {
                text: "ask about sleep".into(),
                done: false,
            }],
            attended: true,
        }),
    );
    add(
        v,
        "2026-11-06T22:00:00-05:00",
        BodyDto::Lapse(LapseDto {
            clock_name: "Alcohol".into(),
            what_happened: "Lapsemarker at the party".into(),
            ..Default::default()
        }),
    );
    for (at, answers) in [
        ("2026-11-01T09:00:00-05:00", vec![0, 1, 2, 3, 0, 1, 2, 3, 0]),
        ("2026-11-15T09:00:00-05:00", vec![0, 1, 1, 1, 0, 1, 1, 1, 0]),
    ] {
        add(
            v,
            at,
            BodyDto::Assessment(AssessmentDto {
                instrument: "phq9".into(),
                answers,
                difficulty: None,
                note: String::new(),
                total: None,
                band: None,
            }),
        );
    }
    add(
        v,
        "2026-11-07T21:00:00-05:00",
        BodyDto::DiaryCard(DiaryCardDto {
            date: "2026-11-07".into(),
            urges: vec![UrgeDto {
                target: "To use".into(),
                level: 4,
                acted: Some(false),
            }],
            emotions: vec![FeelingDto {
                name: "Diarymarker".into(),
                level: 3,
            }],
            skills: vec!["Paced breathing".into()],
            skills_rating: Some(5),
            medication: Some(true),
            note: String::new(),
        }),
    );
    add(
        v,
        "2026-11-08T21:00:00-05:00",
        BodyDto::ThoughtRecord(ThoughtRecordDto {
            situation: "Thoughtmarker at work".into(),
            moods: vec![MoodDto {
                name: "Anxious".into(),
                before: 80,
                after: Some(40),
            }],
            thoughts: Vec::new(),
            evidence_for: String::new(),
            evidence_against: String::new(),
            balanced: "One frown is not a verdict".into(),
            belief: Some(60),
        }),
    );
    let chosen = add(
        v,
        "2026-11-09T21:00:00-05:00",
        journal_body("A good day", "Chosenmarker was a good day."),
    );
    let other = add(
        v,
        "2026-11-12T21:00:00-05:00",
        journal_body("Private", "Unchosenmarker stays mine."),
    );
    (chosen.id, other.id)
}

fn request(sections: &[&str], entries: Vec<String>) -> ReportRequest {
    ReportRequest {
        from: "2026-11-01".into(),
        to: "2026-11-27".into(),
        sections: sections.iter().map(|s| (*s).to_owned()).collect(),
        session_notes: "full".into(),
        entries,
        name: "Alex R.".into(),
        paper: "a4".into(),
    }
}

fn pdf_text(bytes: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(bytes).expect("the PDF's text reads back");
    // Lines may break anywhere a cell or line did: compare on single spaces.
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

const ALL: [&str; 10] = [
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
];

const MARKERS: [(&str, &str); 7] = [
    ("sessions", "Sessionnotesmarker"),
    ("homework", "Homeworkmarker"),
    ("lapses", "Lapsemarker"),
    ("diary", "Diarymarker"),
    ("thoughts", "Thoughtmarker"),
    ("entries", "Chosenmarker"),
    ("skills", "Box breathing"),
];

#[test]
fn the_report_prints_the_figures_worked_out_by_hand() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    let (chosen, _) = seed(&mut v);
    let r = commands::report(&mut v, &request(&ALL, vec![chosen]), "urge").unwrap();
    assert_eq!(r.range, "1 November 2026 to 27 November 2026");
    assert_eq!(r.name.as_deref(), Some("Alex R."));
    assert_eq!(
        r.prepared,
        "Prepared by the client with Keel on 27 November 2026."
    );
    let ids: Vec<&str> = r.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ALL, "every section, in the report's order");

    let bytes = keel::report::pdf::render(&r).unwrap().bytes;
    if std::env::var_os("KEEL_KEEP_REPORT").is_some() {
        std::fs::write("/tmp/keel-report-all.pdf", &bytes).unwrap();
    }
    let text = pdf_text(&bytes);
    for want in [
        "Keel report",
        "1 November 2026 to 27 November 2026",
        "Name: Alex R.",
        "Prepared by the client with Keel on 27 November 2026.",
        "5 check-ins on 4 of the 27 days.",
        // Average, lowest, highest, ratings.
        "Stress 5.8 2 9 5",
        "Mood 5.0 2 8 5",
        // The person's word for craving.
        "Urge 2.0 0 4 3",
        // Uses, rated before and after, average and median drop.
        "Box breathing 3 3 3.0 3.0",
        "Also used: Walk (once).",
        "On average, for me.",
        "Relapse prevention",
        "Sessionnotesmarker about the plan",
        "Homeworkmarker worksheet Done",
        "ask about sleep",
        "PHQ-9",
        "12 Moderate",
        "6 Mild -6 (meaningful)",
        "screening tools, not a diagnosis",
        "To use 4",
        "Diarymarker 3",
        "Thoughtmarker at work",
        "Anxious from 80 to 40",
        "Lapsemarker at the party",
        "Chosenmarker was a good day.",
        "Page 1 of",
    ] {
        assert!(text.contains(want), "the PDF says {want:?}:\n{text}");
    }
    assert!(
        !text.contains("Unchosenmarker"),
        "an entry not chosen is not in it"
    );
    // Outside the span: 20 October's check-in (craving 10) is not counted.
    assert!(!text.contains("Urge 4.7"), "{text}");
}

#[test]
fn a_section_not_chosen_leaves_nothing_of_its_own_in_the_pdf() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    let (chosen, _) = seed(&mut v);
    for (section, marker) in MARKERS {
        let others: Vec<&str> = ALL.iter().copied().filter(|s| *s != section).collect();
        // The chosen entry stays chosen; only its section is left out.
        let r = commands::report(&mut v, &request(&others, vec![chosen.clone()]), "").unwrap();
        let text = pdf_text(&keel::report::pdf::render(&r).unwrap().bytes);
        assert!(
            !text.contains(marker),
            "without {section}, {marker:?} is not in the report"
        );
        let with =
            commands::report(&mut v, &request(&[section], vec![chosen.clone()]), "").unwrap();
        let text = pdf_text(&keel::report::pdf::render(&with).unwrap().bytes);
        assert!(
            text.contains(marker),
            "with {section} alone, {marker:?} is in it"
        );
    }
}

#[test]
fn only_the_sessions_titles_unless_full_notes_are_chosen() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    seed(&mut v);
    let mut req = request(&["sessions"], Vec::new());
    req.session_notes = "titles".into();
    let text = pdf_text(
        &keel::report::pdf::render(&commands::report(&mut v, &req, "").unwrap())
            .unwrap()
            .bytes,
    );
    assert!(text.contains("Relapse prevention"), "{text}");
    assert!(!text.contains("Sessionnotesmarker"), "{text}");
    assert!(!text.contains("breathe first"), "{text}");
}

#[test]
fn a_bad_request_names_its_field_and_writes_nothing() {
    let (d, path) = temp_vault();
    let mut v = new_vault(&path);
    let (_, _) = seed(&mut v);
    let session = add(
        &mut v,
        "2026-11-20T18:00:00-05:00",
        BodyDto::Session(SessionDto {
            session_type: "group".into(),
            title: "Not an entry".into(),
            facilitator: String::new(),
            notes: String::new(),
            takeaways: String::new(),
            homework: Vec::new(),
            bring: Vec::new(),
            attended: true,
        }),
    );
    let base = request(&["checkins"], Vec::new());
    let cases: Vec<(ReportRequest, &str)> = vec![
        (
            ReportRequest {
                to: "2026-10-01".into(),
                ..base.clone()
            },
            "to",
        ),
        (
            ReportRequest {
                from: "1 Nov".into(),
                ..base.clone()
            },
            "from",
        ),
        (
            ReportRequest {
                sections: vec!["checkins".into(), "everything".into()],
                ..base.clone()
            },
            "sections",
        ),
        (
            ReportRequest {
                sections: Vec::new(),
                ..base.clone()
            },
            "sections",
        ),
        (
            ReportRequest {
                paper: "a5".into(),
                ..base.clone()
            },
            "paper",
        ),
        (
            ReportRequest {
                session_notes: "some".into(),
                ..base.clone()
            },
            "sessionNotes",
        ),
        (
            ReportRequest {
                name: "Alex\nR.".into(),
                ..base.clone()
            },
            "name",
        ),
        (
            ReportRequest {
                name: "x".repeat(81),
                ..base.clone()
            },
            "name",
        ),
        (
            ReportRequest {
                sections: vec!["entries".into()],
                entries: vec![session.id.clone()],
                ..base.clone()
            },
            "entries",
        ),
        (
            ReportRequest {
                sections: vec!["entries".into()],
                entries: vec!["not-an-id".into()],
                ..base.clone()
            },
            "entries",
        ),
    ];
    let out = d.path().join("report.pdf");
    for (req, field) in cases {
        let got = commands::report_pdf(&mut v, &req, "", &out);
        assert!(
            matches!(&got, Err(keel::Error::InvalidInput { field: f, .. }) if *f == field),
            "{field} is named: {got:?}"
        );
        assert!(!out.exists(), "nothing is written for a bad {field}");
    }
}

#[test]
fn the_pdf_is_written_privately_on_the_paper_chosen() {
    let (d, path) = temp_vault();
    let mut v = new_vault(&path);
    seed(&mut v);
    for (paper, media) in [("a4", "595.28 841.89"), ("letter", "612 792")] {
        let out = d.path().join(format!("report-{paper}.pdf"));
        let req = ReportRequest {
            paper: paper.into(),
            ..request(&["checkins"], Vec::new())
        };
        commands::report_pdf(&mut v, &req, "", &out).unwrap();
        let bytes = std::fs::read(&out).unwrap();
        if std::env::var_os("KEEL_KEEP_REPORT").is_some() {
            std::fs::copy(&out, format!("/tmp/keel-report-{paper}.pdf")).unwrap();
        }
        assert!(bytes.starts_with(b"%PDF-"));
        // Tagged, with the PDF/UA-1 mark: the shipped font has every character used here.
        assert!(
            bytes.windows(12).any(|w| w == b"pdfuaid:part"),
            "the {paper} report claims PDF/UA-1"
        );
        let raw = String::from_utf8_lossy(&bytes);
        assert!(
            raw.contains(&format!("/MediaBox[0 0 {media}]")),
            "{paper} is {media} points"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
    }
}

#[test]
fn the_preview_holds_the_same_blocks_the_pdf_lays_out() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    seed(&mut v);
    let r: ReportDto = commands::report(&mut v, &request(&["checkins"], Vec::new()), "").unwrap();
    let blocks = &r.sections[0].blocks;
    let chart = blocks
        .iter()
        .find_map(|b| match b {
            BlockDto::Chart { labels, lines, .. } => Some((labels, lines)),
            _ => None,
        })
        .expect("the check-ins have a chart");
    // 27 days: one point a day with check-ins (2, 3, 10 and 11 November).
    assert_eq!(chart.0, &["2 Nov", "3 Nov", "10 Nov", "11 Nov"]);
    assert_eq!(chart.1[0].name, "Stress");
    assert_eq!(
        chart.1[0].values,
        [Some(7.0), Some(4.0), Some(2.0), Some(9.0)]
    );
    assert_eq!(chart.1[2].name, "Craving");
    assert_eq!(chart.1[2].values, [Some(3.0), None, Some(0.0), None]);
}

#[test]
fn a_long_span_is_charted_by_month_and_its_rows_name_the_month() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    seed(&mut v);
    let req = ReportRequest {
        from: "2026-01-01".into(),
        ..request(&["checkins"], Vec::new())
    };
    let r = commands::report(&mut v, &req, "").unwrap();
    let figures = r.sections[0]
        .blocks
        .iter()
        .filter_map(|b| match b {
            BlockDto::Table { header, rows, .. } if header[0] == "Month" => Some(rows.clone()),
            _ => None,
        })
        .next()
        .expect("the chart's figures by month");
    // October's one check-in (stress 0, mood 10, craving 10) and November's five.
    assert_eq!(
        figures,
        [
            ["October 2026", "0.0", "10.0", "10.0", "1"],
            ["November 2026", "5.8", "5.0", "2.0", "5"],
        ]
    );
}

#[test]
fn words_the_font_cannot_show_still_make_a_report_without_claiming_pdf_ua() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    let entry = add(
        &mut v,
        "2026-11-09T21:00:00-05:00",
        journal_body("Mixed", "A calm day 🌿 and Привет from Olga."),
    );
    let r = commands::report(&mut v, &request(&["entries"], vec![entry.id]), "").unwrap();
    let pdf = keel::report::pdf::render(&r).unwrap();
    assert!(
        !pdf.bytes.windows(12).any(|w| w == b"pdfuaid:part"),
        "a character with no glyph: not claimed as PDF/UA-1"
    );
    let text = pdf_text(&pdf.bytes);
    assert!(text.contains("A calm day"), "{text}");
    assert!(text.contains("from Olga."), "{text}");
}
