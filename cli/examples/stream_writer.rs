//! Writes check-ins to a vault as fast as it can and prints each id once its transaction has
//! committed. The crash and concurrency tests run it as a child process and kill it with
//! SIGKILL mid-stream; it doubles as a short example of the engine API.
//!
//! Usage: stream_writer VAULT COUNT [mixed]   (COUNT 0 = until killed; passphrase in
//! KEEL_PASSPHRASE). With `mixed`, each step is one of: add, edit the previous record, change
//! the passphrase (to the same one, so it is re-wrapped), or re-key; ids are printed for adds.

use std::io::Write;
use std::sync::Arc;

use keel::clock::SystemClock;
use keel::commands;
use keel::crypto::Passphrase;
use keel::dto::{BodyDto, CheckinDto, NewRecord};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = std::path::PathBuf::from(args.next().expect("vault path"));
    let count: u64 = args.next().map_or(0, |c| c.parse().expect("count"));
    let mixed = args.next().as_deref() == Some("mixed");
    let pass = Passphrase::new(std::env::var("KEEL_PASSPHRASE").expect("KEEL_PASSPHRASE"));
    let mut vault = commands::unlock(&path, &pass, Arc::new(SystemClock)).expect("unlock");
    let mut out = std::io::stdout().lock();
    let mut n = 0u64;
    let mut last: Option<String> = None;
    while count == 0 || n < count {
        n += 1;
        if mixed {
            match n % 8 {
                3 if last.is_some() => {
                    let id = last.clone().unwrap_or_default();
                    commands::update(
                        &mut vault,
                        keel::dto::UpdateRecord {
                            id,
                            at: None,
                            body: BodyDto::Checkin(CheckinDto {
                                stress: Some(1),
                                note: format!("edited at step {n}"),
                                ..Default::default()
                            }),
                        },
                    )
                    .expect("edit");
                    continue;
                }
                5 => {
                    commands::change_passphrase(&mut vault, &pass, &pass).expect("passwd");
                    continue;
                }
                7 => {
                    commands::rekey(&mut vault, &pass).expect("rekey");
                    continue;
                }
                _ => {}
            }
        }
        let r = commands::add(
            &mut vault,
            NewRecord {
                at: None,
                body: BodyDto::Checkin(CheckinDto {
                    stress: Some((n % 11) as u8),
                    note: format!("stream write {n}"),
                    ..Default::default()
                }),
            },
        )
        .expect("add");
        // Printed only after commit returned: every id printed must survive a kill.
        writeln!(out, "{}", r.id).expect("stdout");
        last = Some(r.id);
        out.flush().expect("flush");
    }
}
