//! Creates a vault holding one journal entry and one record as a newer Keel would write it (a
//! kind this build does not know), for the end-to-end test that the app shows it and keeps it.
//!
//! Usage: newer_record VAULT   (passphrase in KEEL_PASSPHRASE)

use std::sync::Arc;

use keel::Vault;
use keel::clock::SystemClock;
use keel::crypto::{KdfParams, Passphrase};
use keel::model::{Body, JournalEntry};

fn main() {
    let path = std::path::PathBuf::from(std::env::args().nth(1).expect("vault path"));
    let pass = Passphrase::new(std::env::var("KEEL_PASSPHRASE").expect("KEEL_PASSPHRASE"));
    let (mut v, _key) =
        Vault::create(&path, &pass, Arc::new(SystemClock), KdfParams::FLOOR).expect("create");
    let now = v.now().to_rfc3339();
    v.add(
        Body::Journal(JournalEntry {
            text: "An entry of today's kind".into(),
            ..Default::default()
        }),
        None,
    )
    .expect("add");
    let payload = format!(
        r#"{{"created":"{now}","updated":"{now}","at":"{now}","v":1,"body":{{"urge_surf":{{"peak":7}}}}}}"#
    );
    let id = v
        .write_foreign_payload(payload.as_bytes())
        .expect("write the newer record");
    println!("{id}");
}
