//! Standard questionnaires (PHQ-9, GAD-7) as data: their items word for word, answer scores,
//! bands and what counts as a meaningful change live in `src/instruments/*.json`, which the UI
//! reads too. This module scores answers and reads a series of results over time; it holds no
//! wording of its own.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// One answer choice and its score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AnswerChoice {
    pub label: String,
    pub score: u8,
}

/// The closing question both forms ask; it is not part of the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DifficultyQuestion {
    pub question: String,
    /// Answers 0, 1, 2, 3 in order.
    pub answers: Vec<String>,
}

/// A range of totals, inclusive, and the band's name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Band {
    pub from: u8,
    pub to: u8,
    pub band: String,
}

/// A questionnaire as its source publishes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct Instrument {
    /// `phq9`, as records store it.
    pub id: String,
    /// `PHQ-9`.
    pub name: String,
    pub title: String,
    /// One plain sentence on what it asks about.
    pub about: String,
    pub stem: String,
    pub items: Vec<String>,
    pub answers: Vec<AnswerChoice>,
    pub difficulty: DifficultyQuestion,
    /// Contiguous, from 0 to the highest total.
    pub bands: Vec<Band>,
    /// A change of at least this many points between two results is called out.
    pub meaningful_change: u8,
    /// The item (numbered from 1) whose answer above 0 brings up the crisis plan after saving.
    pub safety_item: Option<u8>,
    /// The credit its authors ask for, shown in Help.
    pub credit: String,
}

static ALL: LazyLock<Vec<Instrument>> = LazyLock::new(|| {
    [
        include_str!("instruments/phq9.json"),
        include_str!("instruments/gad7.json"),
    ]
    .iter()
    .map(|j| serde_json::from_str(j).expect("a shipped questionnaire parses (tested)"))
    .collect()
});

/// Every questionnaire this build knows.
pub fn all() -> &'static [Instrument] {
    &ALL
}

/// The questionnaire with this id (`phq9`, `gad7`).
pub fn get(id: &str) -> Result<&'static Instrument> {
    all().iter().find(|i| i.id == id.trim()).ok_or_else(|| {
        let ids: Vec<&str> = all().iter().map(|i| i.id.as_str()).collect();
        Error::invalid("instrument", format!("choose one of {}", ids.join(", ")))
    })
}

/// A scored set of answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score<'a> {
    pub total: u8,
    pub band: &'a str,
}

impl Instrument {
    /// The highest answer score (3 for both forms).
    pub fn max_answer(&self) -> u8 {
        self.answers.iter().map(|a| a.score).max().unwrap_or(0)
    }

    /// The highest possible total.
    pub fn max_total(&self) -> u8 {
        self.max_answer() * self.items.len() as u8
    }

    /// Checks a full set of answers: one per item, each a score a choice has.
    pub fn check(&self, answers: &[u8]) -> Result<()> {
        if answers.len() != self.items.len() {
            return Err(Error::invalid(
                "answers",
                format!(
                    "{} has {} questions; {} answers were given",
                    self.name,
                    self.items.len(),
                    answers.len()
                ),
            ));
        }
        if let Some((i, a)) = answers
            .iter()
            .enumerate()
            .find(|(_, a)| !self.answers.iter().any(|c| c.score == **a))
        {
            return Err(Error::invalid(
                "answers",
                format!(
                    "question {} was answered {a}; answers go from 0 to {}",
                    i + 1,
                    self.max_answer()
                ),
            ));
        }
        Ok(())
    }

    /// The band a total falls in.
    pub fn band(&self, total: u8) -> Option<&str> {
        self.bands
            .iter()
            .find(|b| (b.from..=b.to).contains(&total))
            .map(|b| b.band.as_str())
    }

    /// Total and band of a full set of answers.
    pub fn score(&self, answers: &[u8]) -> Result<Score<'_>> {
        self.check(answers)?;
        let total = answers.iter().sum();
        Ok(Score {
            total,
            band: self.band(total).unwrap_or(""),
        })
    }

    /// Whether the safety item was answered above 0.
    pub fn safety_flag(&self, answers: &[u8]) -> bool {
        self.safety_item
            .and_then(|n| answers.get(usize::from(n).checked_sub(1)?))
            .is_some_and(|a| *a > 0)
    }
}

/// One result in a series, with how it moved from the one before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrendPoint {
    pub total: u8,
    /// Points up (+) or down (−) since the result before; `None` for the first.
    pub change: Option<i16>,
    /// The change is at least the questionnaire's meaningful change.
    pub meaningful: bool,
}

/// Reads totals in time order: each one's change from the one before, and whether that change
/// is meaningful for this questionnaire.
pub fn trend(instrument: &Instrument, totals: &[u8]) -> Vec<TrendPoint> {
    let mut prev: Option<u8> = None;
    totals
        .iter()
        .map(|&total| {
            let change = prev.map(|p| i16::from(total) - i16::from(p));
            prev = Some(total);
            TrendPoint {
                total,
                change,
                meaningful: change
                    .is_some_and(|c| c.unsigned_abs() >= u16::from(instrument.meaningful_change)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers_totalling(i: &Instrument, total: u8) -> Vec<u8> {
        let mut left = total;
        (0..i.items.len())
            .map(|_| {
                let a = left.min(i.max_answer());
                left -= a;
                a
            })
            .collect()
    }

    #[test]
    fn both_forms_load_with_their_standard_shape() {
        let phq = get("phq9").unwrap();
        assert_eq!((phq.items.len(), phq.max_total()), (9, 27));
        let gad = get("gad7").unwrap();
        assert_eq!((gad.items.len(), gad.max_total()), (7, 21));
        for i in all() {
            let scores: Vec<u8> = i.answers.iter().map(|a| a.score).collect();
            assert_eq!(scores, [0, 1, 2, 3], "{}", i.name);
            assert_eq!(i.difficulty.answers.len(), 4, "{}", i.name);
            // Bands run from 0 to the highest total with no gap and no overlap.
            let mut next = 0u8;
            for b in &i.bands {
                assert_eq!(b.from, next, "{} band {}", i.name, b.band);
                assert!(b.to >= b.from);
                next = b.to + 1;
            }
            assert_eq!(next - 1, i.max_total(), "{}", i.name);
            assert!(
                i.stem.starts_with("Over the last 2 weeks"),
                "{} keeps the standard stem",
                i.name
            );
        }
        assert_eq!(phq.safety_item, Some(9));
        assert!(phq.items[8].starts_with("Thoughts that you would be better off dead"));
        assert_eq!(gad.safety_item, None);
        assert!(get("pcl5").is_err());
    }

    /// Scores answers adding up to each total and checks the band it falls in.
    fn bands_at(id: &str, want: &[(u8, &str)]) {
        let form = get(id).unwrap();
        for (total, band) in want {
            let s = form.score(&answers_totalling(form, *total)).unwrap();
            assert_eq!(
                (s.total, s.band),
                (*total, *band),
                "{} total {total}",
                form.name
            );
        }
    }

    #[test]
    fn phq9_bands_at_every_boundary() {
        bands_at(
            "phq9",
            &[
                (0, "minimal"),
                (4, "minimal"),
                (5, "mild"),
                (9, "mild"),
                (10, "moderate"),
                (14, "moderate"),
                (15, "moderately severe"),
                (19, "moderately severe"),
                (20, "severe"),
                (27, "severe"),
            ],
        );
    }

    #[test]
    fn gad7_bands_at_every_boundary() {
        bands_at(
            "gad7",
            &[
                (0, "minimal"),
                (4, "minimal"),
                (5, "mild"),
                (9, "mild"),
                (10, "moderate"),
                (14, "moderate"),
                (15, "severe"),
                (21, "severe"),
            ],
        );
    }

    #[test]
    fn the_issue_example_scores_12_moderate() {
        let s = get("phq9")
            .unwrap()
            .score(&[0, 1, 2, 3, 0, 1, 2, 3, 0])
            .unwrap();
        assert_eq!((s.total, s.band), (12, "moderate"));
    }

    #[test]
    fn a_wrong_count_or_value_is_named() {
        let phq = get("phq9").unwrap();
        let msg = |r: Result<Score<'_>>| match r {
            Err(Error::InvalidInput { field, reason }) => (field, reason),
            other => panic!("expected invalid input, got {other:?}"),
        };
        assert_eq!(
            msg(phq.score(&[0; 8])),
            (
                "answers",
                "PHQ-9 has 9 questions; 8 answers were given".into()
            )
        );
        assert_eq!(
            msg(phq.score(&[0, 0, 4, 0, 0, 0, 0, 0, 0])),
            (
                "answers",
                "question 3 was answered 4; answers go from 0 to 3".into()
            )
        );
    }

    #[test]
    fn the_safety_item_is_phq9_item_9_only() {
        let phq = get("phq9").unwrap();
        assert!(!phq.safety_flag(&[3, 3, 3, 3, 3, 3, 3, 3, 0]));
        assert!(phq.safety_flag(&[0, 0, 0, 0, 0, 0, 0, 0, 1]));
        assert!(!get("gad7").unwrap().safety_flag(&[3; 7]));
    }

    #[test]
    fn a_change_is_meaningful_from_5_points_for_phq9_and_4_for_gad7() {
        let phq = get("phq9").unwrap();
        let t = trend(phq, &[14, 10, 5, 9, 9]);
        let read: Vec<(Option<i16>, bool)> = t.iter().map(|p| (p.change, p.meaningful)).collect();
        assert_eq!(
            read,
            [
                (None, false),
                (Some(-4), false),
                (Some(-5), true),
                (Some(4), false),
                (Some(0), false)
            ]
        );
        let gad = get("gad7").unwrap();
        let t = trend(gad, &[12, 9, 13, 9]);
        let read: Vec<(Option<i16>, bool)> = t.iter().map(|p| (p.change, p.meaningful)).collect();
        assert_eq!(
            read,
            [
                (None, false),
                (Some(-3), false),
                (Some(4), true),
                (Some(-4), true)
            ]
        );
    }
}
