//! Writes check-ins to a vault as fast as it can and prints each id once its transaction has
//! committed. The crash and concurrency tests run it as a child process and kill it with
//! SIGKILL mid-stream; it doubles as a short example of the engine API.
//!
//! Usage: stream_writer VAULT COUNT   (COUNT 0 = until killed; passphrase in KEEL_PASSPHRASE)

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
    let pass = Passphrase::new(std::env::var("KEEL_PASSPHRASE").expect("KEEL_PASSPHRASE"));
    let mut vault = commands::unlock(&path, &pass, Arc::new(SystemClock)).expect("unlock");
    let mut out = std::io::stdout().lock();
    let mut n = 0u64;
    while count == 0 || n < count {
        n += 1;
        let r = commands::add(
            &mut vault,
            NewRecord {
                at: None,
                body: BodyDto::Checkin(CheckinDto {
                    stress: (n % 11) as u8,
                    note: format!("stream write {n}"),
                    ..Default::default()
                }),
            },
        )
        .expect("add");
        // Printed only after commit returned: every id printed must survive a kill.
        writeln!(out, "{}", r.id).expect("stdout");
        out.flush().expect("flush");
    }
}
