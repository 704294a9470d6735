use crate::support::*;
use crate::*;

#[test]
fn assess_prints_the_total_and_band_and_json_gives_answers_total_and_band() {
    let (_d, vault) = temp_vault();
    init(&vault);
    let o = run(keel(
        &vault,
        &["assess", "phq9", "--answers", "0,1,2,3,0,1,2,3,0"],
    ));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().next(), Some("PHQ-9: 12 (moderate)"), "{out}");
    assert!(out.contains("not a diagnosis"), "{out}");
    assert!(
        !out.contains("crisis plan"),
        "item 9 was 0: no crisis words ({out})"
    );

    let o = run(keel(
        &vault,
        &[
            "assess",
            "gad7",
            "--answers",
            "3,3,3,0,0,0,0",
            "--difficulty",
            "2",
            "--json",
        ],
    ));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let j: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(j["instrument"], "gad7");
    assert_eq!(j["answers"], serde_json::json!([3, 3, 3, 0, 0, 0, 0]));
    assert_eq!(
        (j["total"].as_u64(), j["band"].as_str()),
        (Some(9), Some("mild"))
    );
    assert_eq!(j["difficulty"], 2);
    assert_eq!(j["safety"], false);

    // The result is a record like any other, shown with its questions.
    let id = j["id"].as_str().unwrap().to_owned();
    let o = run(keel(&vault, &["show", &id]));
    let shown = stdout(&o);
    assert!(shown.contains("GAD-7: 9 (mild)"), "{shown}");
    assert!(
        shown.contains("1. Feeling nervous, anxious or on edge"),
        "{shown}"
    );
    assert!(shown.contains("difficulty  Very difficult"), "{shown}");
}

#[test]
fn a_wrong_count_or_value_exits_1_naming_the_problem_and_saves_nothing() {
    let (_d, vault) = temp_vault();
    init(&vault);
    for (args, says) in [
        (
            vec!["assess", "phq9", "--answers", "0,1,2"],
            "answers: PHQ-9 has 9 questions; 3 answers were given",
        ),
        (
            vec!["assess", "gad7", "--answers", "0,1,2,3,4,0,0"],
            "answers: question 5 was answered 4; answers go from 0 to 3",
        ),
        (
            vec!["assess", "gad7", "--answers", "0,x,0,0,0,0,0"],
            "answers: answer 2 is \"x\"; answers are numbers from 0 to 3",
        ),
        (
            vec![
                "assess",
                "gad7",
                "--answers",
                "0,0,0,0,0,0,0",
                "--difficulty",
                "4",
            ],
            "difficulty: an answer from 0 to 3",
        ),
    ] {
        let o = run(keel(&vault, &args));
        assert_eq!(code(&o), 1, "{args:?}");
        assert_eq!(stderr(&o).trim(), format!("keel: {says}"), "{args:?}");
        assert_eq!(stdout(&o), "", "{args:?}");
    }
    let o = run(keel(&vault, &["list", "--kind", "assessment"]));
    assert_eq!(stdout(&o).trim(), "nothing here", "nothing was saved");
}

#[test]
fn phq9_item_9_above_0_points_calmly_to_the_crisis_plan_and_its_people() {
    let (_d, vault) = temp_vault();
    init(&vault);
    let plan = r#"{"people":[{"name":"Sam","phone":"555 0100","note":""}]}"#;
    let o = with_input(keel(&vault, &["add", "crisis-plan", "--json", "-"]), plan);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = run(keel(
        &vault,
        &["assess", "phq9", "--answers", "0,0,0,0,0,0,0,0,1"],
    ));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("PHQ-9: 1 (minimal)\n"), "{out}");
    assert!(out.contains("you don't have to carry them alone"), "{out}");
    assert!(out.contains("  Sam  555 0100"), "{out}");
    assert!(out.contains("under Crisis plan"), "{out}");
    // With --json the JSON stays whole and the words go to standard error.
    let o = run(keel(
        &vault,
        &["assess", "phq9", "--answers", "0,0,0,0,0,0,0,0,2", "--json"],
    ));
    let j: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(j["safety"], true);
    assert!(stderr(&o).contains("Sam  555 0100"), "{}", stderr(&o));
}

#[test]
fn assess_history_shows_each_change_and_calls_out_a_meaningful_one() {
    let (_d, vault) = temp_vault();
    init(&vault);
    for (answers, at) in [
        ("3,3,2,2,2,1,1,1,0", "2026-10-01T09:00:00-04:00"),
        ("2,2,1,1,1,1,1,1,0", "2026-10-15T09:00:00-04:00"),
        ("1,1,1,1,1,1,1,1,0", "2026-10-29T09:00:00-04:00"),
    ] {
        let o = run(keel(
            &vault,
            &["assess", "phq9", "--answers", answers, "--at", at],
        ));
        assert_eq!(code(&o), 0, "{}", stderr(&o));
    }
    let o = run(keel(&vault, &["assess", "history", "phq9"]));
    assert_eq!(
        stdout(&o),
        "2026-10-01  15  moderately severe\n\
         2026-10-15  10  moderate  -5 (meaningful)\n\
         2026-10-29   8  mild  -2\n"
    );
    let o = run(keel(&vault, &["assess", "history", "gad7", "--json"]));
    let j: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(j["points"], serde_json::json!([]));
    let o = run(keel(&vault, &["assess", "history", "pcl5"]));
    assert_eq!(code(&o), 1);
    assert_eq!(
        stderr(&o).trim(),
        "keel: instrument: choose one of phq9, gad7"
    );
}

#[test]
fn a_week_of_diary_cards_and_a_thought_record_from_json() {
    let (_d, vault) = temp_vault();
    init(&vault);
    let card = |date: &str, level: u8, note: &str| {
        format!(
            r#"{{"date":"{date}","urges":[{{"target":"To use","level":{level},"acted":false}}],
                "emotions":[{{"name":"Shame","level":2}}],"skills":["Paced breathing"],
                "skillsRating":5,"medication":true,"note":"{note}"}}"#
        )
    };
    for (date, level, note) in [
        ("2026-11-30", 4, "first"),
        ("2026-12-02", 1, "wednesday"),
        ("2026-11-30", 3, "monday again"),
    ] {
        let o = with_input(
            keel(&vault, &["add", "diary-card", "--json", "-"]),
            &card(date, level, note),
        );
        assert_eq!(code(&o), 0, "{}", stderr(&o));
    }
    let o = run(keel(&vault, &["diary", "week", "--date", "2026-12-03"]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Week of 2026-11-30");
    assert_eq!(lines.len(), 8, "a heading and seven days: {out}");
    assert_eq!(
        lines[1],
        "Mon 30 Nov  To use 3 · Shame 2 · skill: Paced breathing · rating 5 · medication yes · monday again",
        "the latest card for a day is its card"
    );
    assert!(
        lines[2].starts_with("Tue 1 Dec") && lines[2].ends_with('—'),
        "{out}"
    );
    assert!(
        lines[3].contains("To use 1") && lines[3].ends_with("wednesday"),
        "{out}"
    );
    let o = run(keel(
        &vault,
        &["diary", "week", "--date", "2026-12-03", "--json"],
    ));
    let j: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        j["setup"]["targets"],
        serde_json::json!(["To use", "To hurt myself"])
    );
    assert_eq!(j["days"].as_array().unwrap().len(), 7);
    let o = run(keel(&vault, &["diary", "week", "--date", "30/11/2026"]));
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("date: a date like 2026-11-30"),
        "{}",
        stderr(&o)
    );

    let tr = r#"{"situation":"Manager frowned","moods":[{"name":"Anxious","before":80,"after":35}],
        "thoughts":[{"text":"I'll lose my job","hot":true}],"balanced":"One frown is not a verdict","belief":60}"#;
    let o = with_input(keel(&vault, &["add", "thought-record", "--json", "-"]), tr);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let id = stdout(&o).trim().to_owned();
    let shown = stdout(&run(keel(&vault, &["show", &id])));
    assert!(shown.contains("Anxious  80 → 35 (-45)"), "{shown}");
    assert!(shown.contains("* I'll lose my job"), "{shown}");
    assert!(shown.contains("I believe it 60%"), "{shown}");
    let o = run(keel(&vault, &["search", "verdict"]));
    assert!(
        stdout(&o).contains("Manager frowned · Anxious 80 → 35"),
        "{}",
        stdout(&o)
    );
}

fn journal_id(vault: &std::path::Path, text: &str) -> String {
    let o = run(keel(vault, &["journal", "add", "--text", text]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    stdout(&o).trim().to_owned()
}

#[test]
fn report_writes_a_private_pdf_with_only_the_sections_and_entries_chosen() {
    let (d, vault) = temp_vault();
    init(&vault);
    for answers in ["0,1,2,3,0,1,2,3,0", "0,0,0,1,0,0,0,0,0"] {
        let o = run(keel(&vault, &["assess", "phq9", "--answers", answers]));
        assert_eq!(code(&o), 0, "{}", stderr(&o));
    }
    let chosen = journal_id(&vault, "Chosenmarker for Dana");
    journal_id(&vault, "Unchosenmarker stays mine");
    let out = d.path().join("report.pdf");
    let o = run(keel(
        &vault,
        &[
            "report",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--sections",
            "questionnaires,entries",
            "--entries",
            &chosen,
            "--paper",
            "letter",
            "--out",
            out.to_str().unwrap(),
        ],
    ));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stdout(&o).contains(
            "(1 January 2026 to 31 December 2026; 1 page): Questionnaires, Journal entries"
        ),
        "{}",
        stdout(&o)
    );
    assert!(stderr(&o).contains("not encrypted"), "{}", stderr(&o));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let text = pdf_extract::extract_text(&out).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("12 Moderate"), "{text}");
    assert!(text.contains("1 Minimal -11 (meaningful)"), "{text}");
    assert!(text.contains("Chosenmarker for Dana"), "{text}");
    assert!(!text.contains("Unchosenmarker"), "{text}");

    // A file already there is kept unless --force.
    let o = run(keel(
        &vault,
        &[
            "report",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--sections",
            "checkins",
            "--out",
            out.to_str().unwrap(),
        ],
    ));
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("out: a file is already there"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn report_without_sections_uses_the_saved_choice_or_exits_1_naming_sections() {
    let (d, vault) = temp_vault();
    init(&vault);
    let out = d.path().join("r.pdf");
    let args = |extra: &[&str]| {
        let mut a = vec![
            "report",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--out",
        ];
        a.push(out.to_str().unwrap());
        a.extend_from_slice(extra);
        a.into_iter().map(str::to_owned).collect::<Vec<_>>()
    };
    let run_with = |extra: &[&str]| {
        let a = args(extra);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        run(keel(&vault, &a))
    };
    let o = run_with(&[]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("sections: choose them with --sections"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
    for (extra, says) in [
        (
            vec!["--sections", "everything"],
            "sections: choose from checkins",
        ),
        (
            vec!["--sections", "checkins", "--paper", "a5"],
            "paper: choose a4 or letter",
        ),
    ] {
        let o = run_with(&extra);
        assert_eq!(code(&o), 1);
        assert!(stderr(&o).contains(says), "{}", stderr(&o));
        assert!(!out.exists());
    }
    // The app's saved choice: questionnaires on Letter paper.
    let choice = d.path().join("choice.json");
    std::fs::write(
        &choice,
        r#"{"sections":["questionnaires"],"sessionNotes":"titles","paper":"letter","name":"","entries":[]}"#,
    )
    .unwrap();
    let o = run(keel(
        &vault,
        &["add", "report-setup", "--json", choice.to_str().unwrap()],
    ));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = run_with(&[]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).ends_with(": Questionnaires\n"), "{}", stdout(&o));
    let raw = std::fs::read(&out).unwrap();
    assert!(
        raw.windows(20).any(|w| w == b"/MediaBox[0 0 612 79"),
        "Letter, as saved"
    );
}

/// `hour`:00 on the day `days` before today, at -05:00: a record's day is the date where it was
/// written, so the date in this string is the day it counts for, whatever zone runs the test.
fn days_back(days: i64, hour: u32) -> String {
    let day = chrono::Utc::now().date_naive() - chrono::Duration::days(days);
    format!("{day}T{hour:02}:00:00-05:00")
}

#[test]
fn insights_print_each_figure_with_its_check_ins_and_a_bad_span_exits_1() {
    let (_d, vault) = temp_vault();
    init(&vault);
    for (days, hour, stress) in [(3, 9, "8"), (3, 20, "6"), (2, 9, "3")] {
        let at = days_back(days, hour);
        let o = run(keel(
            &vault,
            &["checkin", "--stress", stress, "--mood", "5", "--at", &at],
        ));
        assert_eq!(code(&o), 0, "{}", stderr(&o));
    }
    for (before, after) in [("8", "5"), ("7", "3"), ("6", "4")] {
        let o = run(keel(
            &vault,
            &[
                "skill",
                "use",
                "--skill",
                "box breathing",
                "--before",
                before,
                "--after",
                after,
            ],
        ));
        assert_eq!(code(&o), 0, "{}", stderr(&o));
    }
    let o = run(keel(&vault, &["insights", "--range", "30d", "--by", "day"]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let day = &days_back(3, 9)[..10];
    assert!(
        out.contains(&format!("{day}  stress 7.0 (2)  mood 5.0 (2)  craving –")),
        "{out}"
    );
    assert!(
        out.contains("Box breathing: 3 uses, 3 rated; average drop 3.0, median 3.0"),
        "{out}"
    );
    assert!(out.contains("an association, not a cause"), "{out}");
    let o = run(keel(&vault, &["insights", "--json"]));
    let j: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(j["bucket"], "week");
    assert_eq!(j["skills"][0]["meanDrop"], 3.0);

    let o = run(keel(&vault, &["insights", "--range", "2w"]));
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("range: choose one of 30d, 90d, 1y, all"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn on_this_day_lists_what_was_written_a_year_ago() {
    let (d, vault) = temp_vault();
    init(&vault);
    let o = run(keel(&vault, &["on-this-day"]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("Nothing was written on this date"));
    // The binary's day is UTC's here, as the test's own.
    let utc = |args: &[&str]| {
        let mut c = keel(&vault, args);
        c.env("TZ", "UTC");
        run(c)
    };
    let year_ago = {
        use chrono::Datelike;
        let today = chrono::Utc::now().date_naive();
        match today.with_year(today.year() - 1) {
            Some(d) => d,
            // 29 February: no such date a year ago; nothing to check.
            None => return,
        }
    };
    let entry = d.path().join("entry.json");
    std::fs::write(
        &entry,
        r#"{"title":"My first week of group","text":"Nervous, then glad."}"#,
    )
    .unwrap();
    let at = format!("{year_ago}T12:00:00+00:00");
    let o = utc(&[
        "add",
        "journal",
        "--json",
        entry.to_str().unwrap(),
        "--at",
        &at,
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = utc(&["on-this-day"]);
    let out = stdout(&o);
    assert!(out.starts_with("1 year ago  "), "{out}");
    assert!(out.contains("My first week of group"), "{out}");
}
