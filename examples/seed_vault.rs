//! Fills a new vault with realistic records, for benchmarks and for trying the app with a
//! long history. Usage: seed_vault VAULT COUNT (passphrase in KEEL_PASSPHRASE).

use std::sync::Arc;

use keel::Vault;
use keel::clock::SystemClock;
use keel::crypto::{KdfParams, Passphrase};
use keel::model::{Body, Checkin, JournalEntry};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = std::path::PathBuf::from(args.next().expect("vault path"));
    let count: usize = args.next().map_or(10_000, |c| c.parse().expect("count"));
    let pass = Passphrase::new(std::env::var("KEEL_PASSPHRASE").expect("KEEL_PASSPHRASE"));
    let (mut vault, _key) =
        Vault::create(&path, &pass, Arc::new(SystemClock), KdfParams::FLOOR).expect("create");
    let start = vault.now();
    let words = [
        "calm", "meeting", "tired", "group", "walk", "sleep", "deadline", "call",
    ];
    let items: Vec<_> = (0..count)
        .map(|i| {
            // One entry every three hours, going back in time.
            let at = start - chrono::Duration::hours(3 * i as i64);
            let text = (0..20)
                .map(|j| words[(i + j * 3) % words.len()])
                .collect::<Vec<_>>();
            let body = if i % 5 == 0 {
                Body::Journal(JournalEntry {
                    title: format!("Entry {i}"),
                    text: text.join(" "),
                    tags: vec![words[i % words.len()].to_owned()],
                    ..Default::default()
                })
            } else {
                Body::Checkin(Checkin {
                    stress: Some((i % 11) as u8),
                    mood: Some(((i * 7) % 11) as u8),
                    note: text[..6].join(" "),
                    ..Default::default()
                })
            };
            (body, Some(at))
        })
        .collect();
    for chunk in items.chunks(5_000) {
        vault.add_many(chunk.to_vec()).expect("add");
    }
    println!("{count} records in {}", path.display());
}
