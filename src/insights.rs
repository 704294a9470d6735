//! What the records say, pure: check-in figures over time, which coping skills help, patterns
//! between sleep, HALT, triggers and stress, and On This Day. Every figure comes with the number
//! of records behind it (`n`); the UI only draws. Inputs are plain values, so the tests are
//! worked out by hand.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, Months, NaiveDate};

use crate::kinds::{Checkin, SkillUse};
use crate::model::RecordId;

/// A check-in figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    Stress,
    Mood,
    Craving,
}

impl Metric {
    fn of(self, c: &Checkin) -> Option<u8> {
        match self {
            Metric::Stress => c.stress,
            Metric::Mood => c.mood,
            Metric::Craving => c.craving,
        }
    }
}

/// How points are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    Day,
    /// Monday to Sunday.
    Week,
    Month,
}

impl Bucket {
    /// The first day of the bucket holding `d`.
    pub fn start(self, d: NaiveDate) -> NaiveDate {
        match self {
            Bucket::Day => d,
            Bucket::Week => crate::diary::monday_of(d),
            Bucket::Month => d.with_day(1).unwrap_or(d),
        }
    }
}

/// One point of a series: the mean of the check-ins in its bucket, and how many there were.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub start: NaiveDate,
    pub mean: f64,
    pub n: u32,
}

/// A check-in and the local day it belongs to.
pub type Dated<'a, T> = (NaiveDate, &'a T);

fn mean(sum: f64, n: u32) -> f64 {
    if n == 0 { 0.0 } else { sum / f64::from(n) }
}

/// `metric` over the check-ins from `from` (inclusive; `None` for all) to `to`, grouped by
/// `bucket`, oldest first. A bucket with no answer is left out: a gap, not a zero.
pub fn series(
    checkins: &[Dated<Checkin>],
    metric: Metric,
    bucket: Bucket,
    from: Option<NaiveDate>,
    to: NaiveDate,
) -> Vec<Point> {
    let mut acc: BTreeMap<NaiveDate, (f64, u32)> = BTreeMap::new();
    for (day, c) in checkins {
        if *day > to || from.is_some_and(|f| *day < f) {
            continue;
        }
        if let Some(v) = metric.of(c) {
            let e = acc.entry(bucket.start(*day)).or_default();
            e.0 += f64::from(v);
            e.1 += 1;
        }
    }
    acc.into_iter()
        .map(|(start, (sum, n))| Point {
            start,
            mean: mean(sum, n),
            n,
        })
        .collect()
}

/// How one coping skill has gone for this person.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillEffect {
    /// Its name at its latest use.
    pub name: String,
    pub skill: Option<RecordId>,
    pub uses: u32,
    /// Uses with distress rated both before and after: what the drop is worked out from.
    pub n: u32,
    /// Mean and median of before − after; `None` with no rated use.
    pub mean_drop: Option<f64>,
    pub median_drop: Option<f64>,
    /// At least `MIN_RANKED` rated uses: enough to be put in order.
    pub ranked: bool,
}

/// Fewest rated uses before a skill is put in order.
pub const MIN_RANKED: u32 = 3;

fn median(v: &mut [i16]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    let m = v.len() / 2;
    Some(if v.len() % 2 == 1 {
        f64::from(v[m])
    } else {
        (f64::from(v[m - 1]) + f64::from(v[m])) / 2.0
    })
}

/// Each skill's uses and the drop in distress (before − after), newest use first in `uses`. A
/// skill is one library entry (by id) or, for uses with none, one name in any case. Ranked
/// skills come first, by mean drop (then more uses, then name); the rest by uses, then name.
pub fn skill_effects(uses: &[&SkillUse]) -> Vec<SkillEffect> {
    struct Acc {
        name: String,
        skill: Option<RecordId>,
        uses: u32,
        drops: Vec<i16>,
    }
    let mut groups: Vec<(String, Acc)> = Vec::new();
    for u in uses {
        let key = match u.skill_id {
            Some(id) => format!("id:{id}"),
            None => format!("name:{}", u.skill_name.trim().to_lowercase()),
        };
        let i = match groups.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                groups.push((
                    key,
                    Acc {
                        name: u.skill_name.clone(),
                        skill: u.skill_id,
                        uses: 0,
                        drops: Vec::new(),
                    },
                ));
                groups.len() - 1
            }
        };
        let a = &mut groups[i].1;
        a.uses += 1;
        if let (Some(b), Some(af)) = (u.distress_before, u.distress_after) {
            a.drops.push(i16::from(b) - i16::from(af));
        }
    }
    let mut out: Vec<SkillEffect> = groups
        .into_iter()
        .map(|(_, mut a)| {
            let n = a.drops.len() as u32;
            let sum: i32 = a.drops.iter().map(|d| i32::from(*d)).sum();
            SkillEffect {
                name: a.name,
                skill: a.skill,
                uses: a.uses,
                n,
                mean_drop: (n > 0).then(|| f64::from(sum) / f64::from(n)),
                median_drop: median(&mut a.drops),
                ranked: n >= MIN_RANKED,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.ranked
            .cmp(&a.ranked)
            .then_with(|| {
                if a.ranked {
                    b.mean_drop
                        .unwrap_or(0.0)
                        .total_cmp(&a.mean_drop.unwrap_or(0.0))
                        .then(b.n.cmp(&a.n))
                } else {
                    b.uses.cmp(&a.uses)
                }
            })
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    out
}

/// Hours of sleep, grouped.
#[derive(Debug, Clone, PartialEq)]
pub struct SleepBand {
    /// At least this many hours…
    pub from: f32,
    /// …and fewer than this (`None`: no upper end).
    pub below: Option<f32>,
    /// Mean stress the day after.
    pub mean_next_stress: f64,
    /// Nights with a next day's stress.
    pub n: u32,
}

/// The sleep bands: under 6 hours, 6 to 7, 7 to 8, 8 or more.
pub const SLEEP_BANDS: [(f32, Option<f32>); 4] = [
    (0.0, Some(6.0)),
    (6.0, Some(7.0)),
    (7.0, Some(8.0)),
    (8.0, None),
];

/// Sleep against the next day's stress: a day's sleep (the mean of what its check-ins say)
/// paired with the mean stress of the day after; each band's mean and n. Bands with no pair are
/// left out.
pub fn sleep_vs_next_day_stress(checkins: &[Dated<Checkin>]) -> Vec<SleepBand> {
    let mut sleep: BTreeMap<NaiveDate, (f64, u32)> = BTreeMap::new();
    let mut stress: BTreeMap<NaiveDate, (f64, u32)> = BTreeMap::new();
    for (day, c) in checkins {
        if let Some(h) = c.sleep_hours {
            let e = sleep.entry(*day).or_default();
            e.0 += f64::from(h);
            e.1 += 1;
        }
        if let Some(s) = c.stress {
            let e = stress.entry(*day).or_default();
            e.0 += f64::from(s);
            e.1 += 1;
        }
    }
    let mut bands = vec![(0.0f64, 0u32); SLEEP_BANDS.len()];
    for (day, (h_sum, h_n)) in &sleep {
        let Some((s_sum, s_n)) = stress.get(&(*day + Duration::days(1))) else {
            continue;
        };
        let hours = mean(*h_sum, *h_n);
        if let Some(i) = SLEEP_BANDS.iter().position(|(from, below)| {
            hours >= f64::from(*from) && below.is_none_or(|b| hours < f64::from(b))
        }) {
            bands[i].0 += mean(*s_sum, *s_n);
            bands[i].1 += 1;
        }
    }
    SLEEP_BANDS
        .iter()
        .zip(bands)
        .filter(|(_, (_, n))| *n > 0)
        .map(|((from, below), (sum, n))| SleepBand {
            from: *from,
            below: *below,
            mean_next_stress: mean(sum, n),
            n,
        })
        .collect()
}

/// Stress with and without one HALT answer.
#[derive(Debug, Clone, PartialEq)]
pub struct HaltStress {
    /// `hungry`, `angry`, `lonely` or `tired`.
    pub answer: &'static str,
    pub with_mean: Option<f64>,
    pub with_n: u32,
    pub without_mean: Option<f64>,
    pub without_n: u32,
}

/// For each HALT answer, the mean stress of the check-ins that said yes and of those that did
/// not (check-ins with a stress rating only).
pub fn halt_vs_stress(checkins: &[Dated<Checkin>]) -> Vec<HaltStress> {
    type Said = fn(&Checkin) -> bool;
    let answers: [(&'static str, Said); 4] = [
        ("hungry", |c| c.halt.hungry),
        ("angry", |c| c.halt.angry),
        ("lonely", |c| c.halt.lonely),
        ("tired", |c| c.halt.tired),
    ];
    answers
        .iter()
        .map(|(answer, said)| {
            let (mut w, mut wn, mut o, mut on) = (0.0, 0u32, 0.0, 0u32);
            for (_, c) in checkins {
                let Some(s) = c.stress else { continue };
                if said(c) {
                    w += f64::from(s);
                    wn += 1;
                } else {
                    o += f64::from(s);
                    on += 1;
                }
            }
            HaltStress {
                answer,
                with_mean: (wn > 0).then(|| mean(w, wn)),
                with_n: wn,
                without_mean: (on > 0).then(|| mean(o, on)),
                without_n: on,
            }
        })
        .collect()
}

/// A day's mean stress from this on is a high-stress day.
pub const HIGH_STRESS: f64 = 7.0;

/// What was present on high-stress days.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HighStressDays {
    /// Days whose mean stress was at least `HIGH_STRESS`.
    pub days: u32,
    /// Each trigger (as first written) and on how many of those days it came up, most first.
    pub triggers: Vec<(String, u32)>,
    /// Each context (`work`, …) and on how many of those days, most first.
    pub contexts: Vec<(String, u32)>,
}

/// The triggers and contexts most often present on high-stress days, counted once a day.
pub fn high_stress_days(checkins: &[Dated<Checkin>]) -> HighStressDays {
    let mut by_day: BTreeMap<NaiveDate, Vec<&Checkin>> = BTreeMap::new();
    for (day, c) in checkins {
        by_day.entry(*day).or_default().push(c);
    }
    let mut out = HighStressDays::default();
    let mut triggers: Vec<(String, String, u32)> = Vec::new();
    let mut contexts: BTreeMap<String, u32> = BTreeMap::new();
    for cs in by_day.values() {
        let rated: Vec<u8> = cs.iter().filter_map(|c| c.stress).collect();
        if rated.is_empty() {
            continue;
        }
        let m = mean(
            rated.iter().map(|s| f64::from(*s)).sum(),
            rated.len() as u32,
        );
        if m < HIGH_STRESS {
            continue;
        }
        out.days += 1;
        let mut seen = std::collections::HashSet::new();
        for t in cs.iter().flat_map(|c| &c.triggers) {
            let key = t.trim().to_lowercase();
            if key.is_empty() || !seen.insert(key.clone()) {
                continue;
            }
            match triggers.iter_mut().find(|(k, _, _)| *k == key) {
                Some(e) => e.2 += 1,
                None => triggers.push((key, t.trim().to_owned(), 1)),
            }
        }
        let mut ctx_seen = std::collections::HashSet::new();
        for ctx in cs.iter().filter_map(|c| c.context) {
            if ctx_seen.insert(ctx.as_str()) {
                *contexts.entry(ctx.as_str().to_owned()).or_default() += 1;
            }
        }
    }
    out.triggers = triggers.into_iter().map(|(_, name, n)| (name, n)).collect();
    out.triggers.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| a.0.to_lowercase().cmp(&b.0.to_lowercase()))
    });
    out.contexts = contexts.into_iter().collect();
    out.contexts
        .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// How long before today an On This Day entry was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ago {
    Months(u32),
    Years(u32),
}

impl Ago {
    /// `1 month ago`, `3 years ago`.
    pub fn words(self) -> String {
        match self {
            Ago::Months(1) => "1 month ago".into(),
            Ago::Months(m) => format!("{m} months ago"),
            Ago::Years(1) => "1 year ago".into(),
            Ago::Years(y) => format!("{y} years ago"),
        }
    }
}

/// The days On This Day looks at, newest first: today's date in each of the 11 months before
/// and in each of `years` years before. A date a month does not have (the 31st, 29 February) is
/// skipped there, never moved to another day.
pub fn on_this_day_dates(today: NaiveDate, years: u32) -> Vec<(Ago, NaiveDate)> {
    let months = (1..=11).map(|m| (Ago::Months(m), m));
    let years = (1..=years).map(|y| (Ago::Years(y), 12 * y));
    months
        .chain(years)
        .filter_map(|(ago, back)| {
            let d = today.checked_sub_months(Months::new(back))?;
            (d.day() == today.day()).then_some((ago, d))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::{Context, Halt};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn checkin(stress: Option<u8>, mood: Option<u8>) -> Checkin {
        Checkin {
            stress,
            mood,
            craving: None,
            sleep_hours: None,
            halt: Halt::default(),
            emotions: Vec::new(),
            triggers: Vec::new(),
            context: None,
            note: String::new(),
            factors: Default::default(),
            trackers: Vec::new(),
            bring: false,
        }
    }

    #[test]
    fn a_series_is_the_mean_of_each_bucket_with_its_n_and_gaps_left_out() {
        let cs = [
            (d("2026-11-02"), checkin(Some(6), Some(4))), // Monday
            (d("2026-11-02"), checkin(Some(3), None)),
            (d("2026-11-04"), checkin(None, Some(7))),
            (d("2026-11-08"), checkin(Some(9), None)), // Sunday, same week
            (d("2026-11-09"), checkin(Some(1), None)), // next Monday
            (d("2026-12-01"), checkin(Some(5), None)),
        ];
        let refs: Vec<Dated<Checkin>> = cs.iter().map(|(day, c)| (*day, c)).collect();
        let to = d("2026-12-31");
        let read = |p: Vec<Point>| -> Vec<(String, f64, u32)> {
            p.into_iter()
                .map(|x| (x.start.to_string(), x.mean, x.n))
                .collect()
        };
        assert_eq!(
            read(series(&refs, Metric::Stress, Bucket::Day, None, to)),
            [
                ("2026-11-02".into(), 4.5, 2),
                ("2026-11-08".into(), 9.0, 1),
                ("2026-11-09".into(), 1.0, 1),
                ("2026-12-01".into(), 5.0, 1)
            ],
            "4 November has a mood but no stress: a gap"
        );
        assert_eq!(
            read(series(&refs, Metric::Stress, Bucket::Week, None, to)),
            [
                ("2026-11-02".into(), 6.0, 3),
                ("2026-11-09".into(), 1.0, 1),
                ("2026-11-30".into(), 5.0, 1)
            ]
        );
        assert_eq!(
            read(series(&refs, Metric::Stress, Bucket::Month, None, to)),
            [
                ("2026-11-01".into(), 4.75, 4),
                ("2026-12-01".into(), 5.0, 1)
            ]
        );
        assert_eq!(
            read(series(
                &refs,
                Metric::Mood,
                Bucket::Month,
                Some(d("2026-11-03")),
                d("2026-11-30")
            )),
            [("2026-11-01".into(), 7.0, 1)],
            "the range cuts before the bucket is formed"
        );
    }

    fn used(name: &str, before: Option<u8>, after: Option<u8>) -> SkillUse {
        SkillUse {
            skill_id: None,
            skill_name: name.into(),
            situation: String::new(),
            distress_before: before,
            distress_after: after,
            urge_before: None,
            urge_after: None,
            minutes: None,
            note: String::new(),
            urge_along: Vec::new(),
        }
    }

    #[test]
    fn a_skill_is_ranked_from_3_rated_uses_by_its_mean_drop_with_the_median_beside_it() {
        let us = [
            used("Paced breathing", Some(8), Some(3)), // 5
            used("paced breathing", Some(6), Some(5)), // 1
            used("Paced breathing", Some(7), Some(4)), // 3
            used("Paced breathing", Some(5), None),    // not rated after
            used("Cold water", Some(9), Some(2)),      // 7
            used("Cold water", Some(8), Some(2)),      // 6
            used("Walk", Some(6), Some(4)),            // 2
            used("Walk", Some(6), Some(4)),            // 2
            used("Walk", Some(7), Some(3)),            // 4
            used("Walk", Some(4), Some(6)),            // -2
        ];
        let refs: Vec<&SkillUse> = us.iter().collect();
        let e = skill_effects(&refs);
        type Row<'a> = (&'a str, u32, u32, Option<f64>, Option<f64>, bool);
        let read: Vec<Row> = e
            .iter()
            .map(|x| {
                (
                    x.name.as_str(),
                    x.uses,
                    x.n,
                    x.mean_drop,
                    x.median_drop,
                    x.ranked,
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                ("Paced breathing", 4, 3, Some(3.0), Some(3.0), true),
                ("Walk", 4, 4, Some(1.5), Some(2.0), true),
                ("Cold water", 2, 2, Some(6.5), Some(6.5), false),
            ],
            "Cold water's bigger drop is from 2 uses: not put in order"
        );
    }

    #[test]
    fn sleep_is_set_against_the_next_days_stress_band_by_band() {
        let mut a = checkin(None, None);
        a.sleep_hours = Some(5.5);
        let mut b = checkin(Some(2), None);
        b.sleep_hours = Some(8.0);
        let mut c = checkin(None, None);
        c.sleep_hours = Some(6.0);
        let mut e = checkin(None, None);
        e.sleep_hours = Some(7.0); // the last day: no next day
        let cs = [
            (d("2026-11-01"), a),                      // 5.5 h → 2 Nov stress 8
            (d("2026-11-02"), checkin(Some(8), None)), //
            (d("2026-11-02"), c),                      // 2 Nov sleep: mean of 6.0 and 5.0
            (d("2026-11-02"), {
                let mut x = checkin(None, None);
                x.sleep_hours = Some(5.0);
                x
            }),
            (d("2026-11-03"), checkin(Some(6), None)), // 3 Nov stress mean (6+4)/2 = 5
            (d("2026-11-03"), checkin(Some(4), None)),
            (d("2026-11-03"), b), // 3 Nov stress includes 2 → (6+4+2)/3 = 4
            (d("2026-11-04"), checkin(Some(3), None)),
            (d("2026-11-09"), e),
        ];
        let refs: Vec<Dated<Checkin>> = cs.iter().map(|(day, c)| (*day, c)).collect();
        // 1 Nov: 5.5 h → next day 8. 2 Nov: 5.5 h → next day 4. 3 Nov: 8 h → next day 3.
        let r = sleep_vs_next_day_stress(&refs);
        let read: Vec<(f32, Option<f32>, f64, u32)> = r
            .iter()
            .map(|b| (b.from, b.below, b.mean_next_stress, b.n))
            .collect();
        assert_eq!(read, [(0.0, Some(6.0), 6.0, 2), (8.0, None, 3.0, 1)]);
    }

    #[test]
    fn each_halt_answer_sets_the_stress_with_it_against_without_it() {
        let mut t1 = checkin(Some(8), None);
        t1.halt.tired = true;
        let mut t2 = checkin(Some(6), None);
        t2.halt.tired = true;
        t2.halt.hungry = true;
        let mut t3 = checkin(None, None);
        t3.halt.tired = true; // no stress: not counted
        let cs = [
            (d("2026-11-01"), t1),
            (d("2026-11-01"), t2),
            (d("2026-11-02"), t3),
            (d("2026-11-02"), checkin(Some(3), None)),
        ];
        let refs: Vec<Dated<Checkin>> = cs.iter().map(|(day, c)| (*day, c)).collect();
        let h = halt_vs_stress(&refs);
        let tired = h.iter().find(|x| x.answer == "tired").unwrap();
        assert_eq!(
            (
                tired.with_mean,
                tired.with_n,
                tired.without_mean,
                tired.without_n
            ),
            (Some(7.0), 2, Some(3.0), 1)
        );
        let hungry = h.iter().find(|x| x.answer == "hungry").unwrap();
        assert_eq!(
            (hungry.with_mean, hungry.with_n, hungry.without_n),
            (Some(6.0), 1, 2)
        );
        let angry = h.iter().find(|x| x.answer == "angry").unwrap();
        assert_eq!((angry.with_mean, angry.with_n), (None, 0));
    }

    #[test]
    fn triggers_and_contexts_are_counted_once_per_high_stress_day() {
        let mk = |stress, triggers: &[&str], ctx: Option<Context>| {
            let mut c = checkin(Some(stress), None);
            c.triggers = triggers.iter().map(|t| t.to_string()).collect();
            c.context = ctx;
            c
        };
        let cs = [
            // 1 Nov: mean 8 — high. "Deadline" twice that day counts once.
            (
                d("2026-11-01"),
                mk(9, &["Deadline", "boss"], Some(Context::Work)),
            ),
            (d("2026-11-01"), mk(7, &["deadline"], Some(Context::Work))),
            // 2 Nov: mean 6.5 — not high, whatever its triggers.
            (d("2026-11-02"), mk(9, &["Deadline"], Some(Context::Home))),
            (d("2026-11-02"), mk(4, &[], None)),
            // 3 Nov: exactly 7 — high.
            (d("2026-11-03"), mk(7, &["Commute"], Some(Context::Commute))),
            (d("2026-11-03"), mk(7, &["deadline"], None)),
        ];
        let refs: Vec<Dated<Checkin>> = cs.iter().map(|(day, c)| (*day, c)).collect();
        let h = high_stress_days(&refs);
        assert_eq!(h.days, 2);
        assert_eq!(
            h.triggers,
            [
                ("Deadline".into(), 2),
                ("boss".into(), 1),
                ("Commute".into(), 1)
            ]
        );
        assert_eq!(h.contexts, [("commute".into(), 1), ("work".into(), 1)]);
    }

    #[test]
    fn on_this_day_looks_at_the_same_date_in_earlier_months_and_years_only() {
        let got = on_this_day_dates(d("2026-11-28"), 2);
        let read: Vec<(Ago, String)> = got.iter().map(|(a, x)| (*a, x.to_string())).collect();
        assert_eq!(read.len(), 13, "every month has a 28th");
        assert_eq!(read[0], (Ago::Months(1), "2026-10-28".into()));
        assert_eq!(read[10], (Ago::Months(11), "2025-12-28".into()));
        assert_eq!(read[11], (Ago::Years(1), "2025-11-28".into()));
        assert_eq!(read[12], (Ago::Years(2), "2024-11-28".into()));
        // 31 March: no 31 February, 30 November, 30 September…; never moved to the 28th or 30th.
        let got: Vec<String> = on_this_day_dates(d("2026-03-31"), 1)
            .iter()
            .map(|(_, x)| x.to_string())
            .collect();
        assert_eq!(
            got,
            [
                "2026-01-31",
                "2025-12-31",
                "2025-10-31",
                "2025-08-31",
                "2025-07-31",
                "2025-05-31",
                "2025-03-31"
            ]
        );
        // 29 February comes back only in a leap year.
        let got = on_this_day_dates(d("2028-02-29"), 8);
        let years: Vec<(Ago, String)> = got
            .iter()
            .filter(|(a, _)| matches!(a, Ago::Years(_)))
            .map(|(a, x)| (*a, x.to_string()))
            .collect();
        assert_eq!(
            years,
            [
                (Ago::Years(4), "2024-02-29".into()),
                (Ago::Years(8), "2020-02-29".into())
            ]
        );
        assert_eq!(Ago::Months(1).words(), "1 month ago");
        assert_eq!(Ago::Years(3).words(), "3 years ago");
    }
}
