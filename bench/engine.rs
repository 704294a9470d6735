//! Engine benchmarks: `cargo bench --bench engine`. Prints figures; asserts nothing.
//!
//! - unlock: Argon2id at the floor parameters (the KDF alone)
//! - load: unlock of a vault with 10,000 and 50,000 records, minus the KDF
//! - add: one record, durably committed (WAL + fsync), p50 and p99 over 500 adds
//! - search: a case-insensitive search over 50,000 records, median of 20
//! - insights: every figure of the insights screen over 50,000 records (a year, by week; all,
//!   by month), and On This Day, median of 10 each
//! - rekey: a new data key and every one of 50,000 records re-sealed in one transaction
//! - report: a one-year counsellor report (daily check-ins and diary cards, weekly sessions
//!   with full notes and skill uses, a questionnaire every two weeks), built and written as a
//!   PDF with every section, median of 5
//! - import: 10,000 Daylio rows read and imported in one transaction, median of 3
//! - peak memory of the process (VmHWM)

use std::sync::Arc;
use std::time::{Duration, Instant};

use keel::Vault;
use keel::clock::SystemClock;
use keel::crypto::{KdfParams, Passphrase};
use keel::dto::SearchQuery;
use keel::model::{Body, Checkin, JournalEntry};

const WORDS: &[&str] = &[
    "meeting",
    "tired",
    "group",
    "sleep",
    "walk",
    "craving",
    "calm",
    "partner",
    "deadline",
    "breathing",
    "family",
    "coffee",
    "evening",
    "counsellor",
    "homework",
    "quiet",
    "call",
];

fn text(seed: usize, words: usize) -> String {
    (0..words)
        .map(|i| WORDS[(seed * 7 + i * 13) % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

fn body(i: usize) -> Body {
    if i.is_multiple_of(4) {
        Body::Journal(JournalEntry {
            title: text(i, 3),
            text: text(i, 150),
            tags: vec!["evening".into()],
            ..Default::default()
        })
    } else {
        Body::Checkin(Checkin {
            stress: Some((i % 11) as u8),
            mood: Some((i % 7) as u8),
            note: text(i, 15),
            ..Default::default()
        })
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn pct(v: &mut [Duration], p: f64) -> Duration {
    v.sort();
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn peak_rss_mib() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or("n/a".into(), |kib| format!("{:.0} MiB", kib / 1024.0))
}

fn main() {
    // `cargo test --all-targets` also builds and runs this file, unoptimized and without
    // `--bench`; the figures only mean something from `cargo bench`.
    if !std::env::args().any(|a| a == "--bench") {
        println!("engine benchmark: run it with `cargo bench --bench engine`");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pass = Passphrase::from("benchmark passphrase");
    let clock = Arc::new(SystemClock);

    let kdf: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            keel::crypto::derive_kek(&pass, &[7u8; 16], KdfParams::FLOOR).unwrap();
            t.elapsed()
        })
        .collect();
    let kdf = median(kdf);
    println!("unlock (Argon2id 64 MiB, 3 passes, 1 lane): {}", ms(kdf));

    // Load cost = unlock of a vault with n records minus unlock of an empty one (same KDF),
    // medians of 7: subtracting a separately timed KDF was noisier than the load itself.
    let unlock_median = |path: &std::path::Path| {
        median(
            (0..7)
                .map(|_| {
                    let t = Instant::now();
                    let v = Vault::unlock(path, &pass, clock.clone()).unwrap();
                    let e = t.elapsed();
                    drop(v);
                    e
                })
                .collect(),
        )
    };
    let empty = dir.path().join("empty.keel");
    drop(Vault::create(&empty, &pass, clock.clone(), KdfParams::FLOOR).unwrap());
    let base = unlock_median(&empty);
    println!("unlock of an empty vault: {}", ms(base));

    for n in [10_000usize, 50_000] {
        let path = dir.path().join(format!("v{n}.keel"));
        let mut v = Vault::create(&path, &pass, clock.clone(), KdfParams::FLOOR)
            .unwrap()
            .0;
        // Spread over the past, one every 30 minutes (50,000 reach back almost three years), so
        // a year of insights covers a year's share of them.
        let now = keel::clock::Clock::now(&SystemClock);
        for chunk in (0..n).collect::<Vec<_>>().chunks(5_000) {
            v.add_many(
                chunk
                    .iter()
                    .map(|&i| {
                        (
                            body(i),
                            Some(now - chrono::Duration::minutes(30 * i as i64)),
                        )
                    })
                    .collect(),
            )
            .unwrap();
        }
        drop(v);
        let size = std::fs::metadata(&path).unwrap().len() as f64 / 1_048_576.0;
        let total = unlock_median(&path);
        println!(
            "load {n} records ({size:.1} MiB file): {} total, {} beyond an empty vault's unlock",
            ms(total),
            ms(total.saturating_sub(base))
        );

        if n == 50_000 {
            let mut v = Vault::unlock(&path, &pass, clock.clone()).unwrap();
            let searches: Vec<Duration> = ["counsellor", "DEADLINE coffee", "zebra", "walk"]
                .iter()
                .cycle()
                .take(20)
                .map(|q| {
                    let t = Instant::now();
                    let page = keel::commands::search(
                        &mut v,
                        SearchQuery {
                            text: (*q).into(),
                            limit: Some(100),
                        },
                    )
                    .unwrap();
                    std::hint::black_box(page.total);
                    t.elapsed()
                })
                .collect();
            println!("search over {n} records: median {}", ms(median(searches)));

            for (range, bucket) in [("1y", "week"), ("all", "month")] {
                let runs: Vec<Duration> = (0..10)
                    .map(|_| {
                        let t = Instant::now();
                        let i = keel::commands::insights(
                            &mut v,
                            keel::dto::InsightsQuery {
                                range: range.into(),
                                bucket: bucket.into(),
                            },
                        )
                        .unwrap();
                        std::hint::black_box(i.stress.len());
                        t.elapsed()
                    })
                    .collect();
                println!(
                    "insights over {n} records ({range}, by {bucket}): median {}",
                    ms(median(runs))
                );
            }
            let runs: Vec<Duration> = (0..10)
                .map(|_| {
                    let t = Instant::now();
                    std::hint::black_box(keel::commands::on_this_day(&mut v).unwrap().len());
                    t.elapsed()
                })
                .collect();
            println!("on this day over {n} records: median {}", ms(median(runs)));

            let mut adds: Vec<Duration> = (0..500)
                .map(|i| {
                    let t = Instant::now();
                    v.add(body(i + 1), None).unwrap();
                    t.elapsed()
                })
                .collect();
            println!(
                "add one record durably (into {n}): p50 {}, p99 {}",
                ms(pct(&mut adds, 0.50)),
                ms(pct(&mut adds, 0.99))
            );

            let before = peak_rss_mib();
            let t = Instant::now();
            v.rekey(&pass).unwrap();
            println!(
                "rekey of {} records: {} (peak memory before {before}, after {})",
                n + 500,
                ms(t.elapsed()),
                peak_rss_mib()
            );
        }
    }
    report_year(dir.path(), &pass);
    daylio_10k(dir.path(), &pass);
    println!("peak memory (VmHWM): {}", peak_rss_mib());
}

/// 10,000 Daylio rows (mixed time forms, HTML notes, activities) read and imported in one
/// transaction into a new vault, median of 3.
fn daylio_10k(dir: &std::path::Path, pass: &Passphrase) {
    let mut csv =
        String::from("\u{feff}full_date,date,weekday,time,mood,activities,note_title,note\n");
    let start = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    for i in 0..10_000usize {
        let day = start + chrono::Duration::days(i as i64);
        let time = if i % 2 == 0 {
            "21:15".to_owned()
        } else {
            "9:15 PM".to_owned()
        };
        let mood = ["rad", "good", "meh", "bad", "awful"][i % 5];
        csv.push_str(&format!(
            "{day},{day},x,{time},{mood},work | friends,Day {i},\"A <b>good</b> day<br>{}\"\n",
            text(i, 12)
        ));
    }
    let offset = |_: chrono::NaiveDateTime| chrono::FixedOffset::west_opt(5 * 3600).unwrap();
    let runs: Vec<Duration> = (0..3)
        .map(|r| {
            let path = dir.join(format!("daylio-{r}.keel"));
            let mut v = Vault::create(&path, pass, Arc::new(SystemClock), KdfParams::FLOOR)
                .unwrap()
                .0;
            let t = Instant::now();
            let parsed = keel::import::parse(
                keel::import::Source::Daylio,
                &csv,
                &keel::import::daylio::MoodMap::default(),
                &offset,
            )
            .unwrap();
            let s = keel::import::import(&mut v, parsed, false).unwrap();
            std::hint::black_box(s.added);
            t.elapsed()
        })
        .collect();
    println!(
        "Daylio import of 10,000 rows (20,000 records): median {}",
        ms(median(runs))
    );
}

/// A year of a person's records, then the report over it with every section.
fn report_year(dir: &std::path::Path, pass: &Passphrase) {
    use keel::model::{
        Assessment, DiaryCard, Feeling, Item, SessionNote, SessionType, SkillUse, Urge,
    };
    let path = dir.join("year.keel");
    let clock = Arc::new(SystemClock);
    let mut v = Vault::create(&path, pass, clock, KdfParams::FLOOR)
        .unwrap()
        .0;
    let now = keel::clock::Clock::now(&SystemClock);
    let mut records = Vec::new();
    for day in 0..365i64 {
        let at = now - chrono::Duration::days(day);
        records.push((body(day as usize * 4 + 1), Some(at)));
        records.push((
            Body::DiaryCard(DiaryCard {
                date: at.date_naive(),
                urges: vec![Urge {
                    target: "To use".into(),
                    level: (day % 6) as u8,
                    acted: Some(day % 9 == 0),
                }],
                emotions: vec![Feeling {
                    name: "Calm".into(),
                    level: (day % 5) as u8,
                }],
                skills: vec!["Paced breathing".into()],
                skills_rating: Some((day % 8) as u8),
                medication: Some(true),
                note: String::new(),
            }),
            Some(at),
        ));
        if day % 7 == 0 {
            records.push((
                Body::Session(SessionNote {
                    session_type: SessionType::parse("group").unwrap(),
                    title: format!("Group {}", day / 7),
                    facilitator: "Dana".into(),
                    notes: text(day as usize, 200),
                    takeaways: text(day as usize + 1, 20),
                    homework: vec![Item {
                        text: text(day as usize + 2, 6),
                        done: day % 14 == 0,
                    }],
                    bring: Vec::new(),
                    attended: true,
                }),
                Some(at),
            ));
            records.push((
                Body::SkillUse(SkillUse {
                    skill_name: ["Box breathing", "Walk", "Call a friend"][(day / 7 % 3) as usize]
                        .into(),
                    distress_before: Some(7),
                    distress_after: Some((day % 5) as u8),
                    ..Default::default()
                }),
                Some(at),
            ));
        }
        if day % 14 == 0 {
            records.push((
                Body::Assessment(Assessment {
                    instrument: "phq9".into(),
                    answers: vec![(day % 4) as u8, 1, 2, 1, 0, 1, 2, 1, 0],
                    difficulty: None,
                    note: String::new(),
                }),
                Some(at),
            ));
        }
    }
    v.add_many(records).unwrap();
    let to = now.date_naive();
    let req = keel::report::ReportRequest {
        from: (to - chrono::Duration::days(364)).to_string(),
        to: to.to_string(),
        sections: keel::report::SECTIONS
            .iter()
            .map(|(_, id, _)| (*id).to_owned())
            .collect(),
        session_notes: "full".into(),
        entries: Vec::new(),
        name: "Alex".into(),
        paper: "a4".into(),
    };
    let out = dir.join("year.pdf");
    let mut pages = 0;
    let runs: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let r = keel::commands::report(&mut v, &req, "").unwrap();
            let pdf = keel::report::pdf::render(&r).unwrap();
            keel::fsx::write_private(&out, &pdf.bytes, true, "out").unwrap();
            pages = pdf.pages;
            t.elapsed()
        })
        .collect();
    let size = std::fs::metadata(&out).unwrap().len() as f64 / 1024.0;
    println!(
        "one-year report, every section ({pages} pages, {size:.0} KiB): median {}",
        ms(median(runs))
    );
}
