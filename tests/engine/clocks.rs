//! Clocks through the commands: runs from a clock and the lapses logged against it.

use keel::commands;
use keel::dto::*;

use crate::support::*;

fn clock(v: &mut keel::Vault, name: &str, since: &str, archived: bool) -> RecordDto {
    commands::add(
        v,
        NewRecord {
            at: None,
            body: BodyDto::Clock(SobrietyClockDto {
                name: name.into(),
                since: since.into(),
                archived,
            }),
        },
    )
    .unwrap()
}

fn lapse(v: &mut keel::Vault, clock: &RecordDto, at: &str, restart: bool) -> RecordDto {
    let BodyDto::Clock(c) = &clock.body else {
        panic!("a clock")
    };
    commands::add(
        v,
        NewRecord {
            at: Some(at.into()),
            body: BodyDto::Lapse(LapseDto {
                clock: Some(clock.id.clone()),
                clock_name: c.name.clone(),
                restart,
                ..Default::default()
            }),
        },
    )
    .unwrap()
}

#[test]
fn each_clock_shows_its_run_from_its_own_lapses_and_archived_ones_are_left_out() {
    // The test vault's clock reads 2026-11-27 12:00 -05:00.
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    let alcohol = clock(&mut v, "Alcohol", "2026-09-01T20:00:00-04:00", false);
    let cards = clock(&mut v, "Cards", "2026-11-01T09:00:00-05:00", false);
    clock(&mut v, "Old habit", "2025-01-01T09:00:00-05:00", true);
    lapse(&mut v, &alcohol, "2026-10-10T21:00:00-04:00", true);
    lapse(&mut v, &alcohol, "2026-11-20T21:00:00-05:00", false);
    let mistake = lapse(&mut v, &alcohol, "2026-11-26T21:00:00-05:00", true);
    commands::trash(&mut v, &mistake.id).unwrap();
    lapse(&mut v, &cards, "2026-11-25T22:00:00-05:00", true);

    let status = commands::clocks(&mut v).unwrap();
    let names: Vec<&str> = status.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["Alcohol", "Cards"],
        "longest-running first; archived left out"
    );
    let a = &status[0];
    assert_eq!(
        a.run_start, "2026-10-10T21:00:00-04:00",
        "the restart; the trashed one does not count"
    );
    assert_eq!((a.run_days, a.longest_days, a.lapses), (47, 47, 2));
    // November so far: 27 days, one with a lapse.
    assert_eq!(a.days_this_month, 26);
    let c = &status[1];
    assert_eq!((c.run_days, c.run_hours, c.lapses), (1, 38, 1));
    assert_eq!(c.longest_days, 24, "1 to 25 November");
    assert_eq!(
        (
            c.next_milestone.map(|m| m.count),
            c.next_milestone_day.as_deref()
        ),
        (Some(7), Some("2026-12-02"))
    );
}
