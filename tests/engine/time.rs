use keel::Vault;
use keel::commands;
use keel::crypto::KdfParams;
use keel::dto::*;

use crate::support::*;

fn checkin_at(v: &mut Vault, at: &str) -> RecordDto {
    commands::add(
        v,
        NewRecord {
            at: Some(at.into()),
            body: BodyDto::Checkin(CheckinDto {
                stress: Some(5),
                ..Default::default()
            }),
        },
    )
    .unwrap()
}

fn day(v: &mut Vault, date: &str) -> Vec<String> {
    commands::list(
        v,
        ListQuery {
            since: Some(date.into()),
            until: Some(date.into()),
            ..Default::default()
        },
    )
    .unwrap()
    .records
    .into_iter()
    .map(|r| r.id)
    .collect()
}

#[test]
fn an_entry_at_2330_in_utc_minus_5_stays_on_its_day_when_read_in_utc_plus_9() {
    let (_d, path) = temp_vault();
    let mut v = Vault::create(
        &path,
        &pass(),
        clock("2026-03-10T23:30:00-05:00"),
        KdfParams::FLOOR,
    )
    .unwrap()
    .0;
    let r = checkin_at(&mut v, "2026-03-10T23:30:00-05:00");
    assert_eq!(r.local_date, "2026-03-10");
    drop(v);
    // Reopen on a machine whose clock says Tokyo, where that instant is already the 11th.
    let mut v = Vault::unlock(&path, &pass(), clock("2026-03-11T13:31:00+09:00")).unwrap();
    assert_eq!(
        day(&mut v, "2026-03-10"),
        vec![r.id.clone()],
        "it belongs to the 10th"
    );
    assert!(day(&mut v, "2026-03-11").is_empty(), "and not to the 11th");
    let back = commands::get(&mut v, &r.id).unwrap();
    assert_eq!(
        back.at, "2026-03-10T23:30:00-05:00",
        "the offset written is kept"
    );
}

#[test]
fn entries_either_side_of_a_dst_change_keep_their_local_days() {
    let (_d, path) = temp_vault();
    let mut v = new_vault(&path);
    // US spring-forward, 2026-03-08 02:00 EST → 03:00 EDT.
    let before = checkin_at(&mut v, "2026-03-08T01:30:00-05:00");
    let after = checkin_at(&mut v, "2026-03-08T03:30:00-04:00");
    let late = checkin_at(&mut v, "2026-03-08T23:59:59-04:00");
    let on_8th = day(&mut v, "2026-03-08");
    assert_eq!(
        on_8th,
        vec![late.id, after.id, before.id],
        "newest first, all on the 8th"
    );
}

#[test]
fn written_times_come_from_the_injected_clock_with_its_offset() {
    let (_d, path) = temp_vault();
    let mut v = Vault::create(
        &path,
        &pass(),
        clock("2026-07-01T08:15:00+02:00"),
        KdfParams::FLOOR,
    )
    .unwrap()
    .0;
    let r = commands::add(
        &mut v,
        NewRecord {
            at: None,
            body: BodyDto::Journal(JournalDto {
                text: "morning".into(),
                ..Default::default()
            }),
        },
    )
    .unwrap();
    assert_eq!(r.created, "2026-07-01T08:15:00+02:00");
    assert_eq!(
        r.at, r.created,
        "`at` defaults to the moment it was written"
    );
    assert_eq!(r.local_date, "2026-07-01");
}
