//! Diary-card weeks, pure: which days a week holds and which card is each day's.

use chrono::{Datelike, Duration, NaiveDate};

use crate::kinds::DiaryCard;
use crate::model::RecordId;

/// The Monday on or before `day`: the start of its week (diary cards, insights by week).
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The Monday-to-Sunday week holding `day`.
pub fn week_of(day: NaiveDate) -> [NaiveDate; 7] {
    let monday = monday_of(day);
    std::array::from_fn(|i| monday + Duration::days(i as i64))
}

/// Each day's card: of `cards` (newest first, as the vault lists them), the first whose date
/// is that day, so the latest record written for a day is its card.
pub fn cards_for<'a>(
    days: &[NaiveDate],
    cards: &[(RecordId, &'a DiaryCard)],
) -> Vec<Option<(RecordId, &'a DiaryCard)>> {
    days.iter()
        .map(|d| cards.iter().find(|(_, c)| c.date == *d).copied())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn card(date: &str, note: &str) -> DiaryCard {
        DiaryCard {
            date: d(date),
            urges: Vec::new(),
            emotions: Vec::new(),
            skills: Vec::new(),
            skills_rating: None,
            medication: None,
            note: note.into(),
        }
    }

    #[test]
    fn a_week_runs_monday_to_sunday_whatever_day_is_given() {
        for day in ["2026-11-30", "2026-12-03", "2026-12-06"] {
            let w = week_of(d(day));
            assert_eq!((w[0], w[6]), (d("2026-11-30"), d("2026-12-06")), "{day}");
        }
        // Across a year's end.
        let w = week_of(d("2027-01-01"));
        assert_eq!((w[0], w[6]), (d("2026-12-28"), d("2027-01-03")));
    }

    #[test]
    fn the_latest_card_for_a_day_is_its_card() {
        let newer = card("2026-12-01", "newer");
        let older = card("2026-12-01", "older");
        let other = card("2026-12-03", "thursday");
        let ids: Vec<RecordId> = (0..3).map(|_| RecordId::random().unwrap()).collect();
        let cards = [(ids[0], &newer), (ids[1], &other), (ids[2], &older)];
        let week = week_of(d("2026-12-01"));
        let days = cards_for(&week, &cards);
        assert!(days[0].is_none());
        assert_eq!(
            days[1].map(|(id, c)| (id, c.note.as_str())),
            Some((ids[0], "newer"))
        );
        assert_eq!(days[3].map(|(_, c)| c.note.as_str()), Some("thursday"));
        assert_eq!(days.iter().filter(|x| x.is_some()).count(), 2);
    }
}
