//! `keel import keel FILE [--dry-run]`: records from Keel's own JSON export, in one
//! transaction; the same file twice adds nothing.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use keel::{Error, Result};

use crate::ctx::Ctx;
use crate::out;
use crate::output::print_json;

#[derive(Clone, Copy, ValueEnum)]
pub enum Source {
    /// Keel's JSON export (keel export)
    Keel,
}

#[derive(Args)]
pub struct ImportArgs {
    /// What the file is
    source: Source,
    file: PathBuf,
    /// Say what would be added, and add nothing
    #[arg(long)]
    dry_run: bool,
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &mut Ctx, a: ImportArgs) -> Result<u8> {
    let text = std::fs::read_to_string(&a.file)
        .map_err(|e| Error::invalid("file", format!("cannot read that file ({})", e.kind())))?;
    // The whole file is read and checked before the passphrase is asked for.
    let (records, newer) = match a.source {
        Source::Keel => keel::import::keel_json(&text)?,
    };
    let mut v = ctx.open()?;
    let s = keel::import::import(&mut v, records, newer, a.dry_run)?;
    if a.json {
        print_json(&s)?;
        return Ok(0);
    }
    let kinds: Vec<String> = s
        .by_kind
        .iter()
        .map(|k| format!("{} {}", k.kind, k.n))
        .collect();
    let span = match (&s.first_day, &s.last_day) {
        (Some(f), Some(l)) if f != l => format!(", from {f} to {l}"),
        (Some(f), _) => format!(", on {f}"),
        _ => String::new(),
    };
    out!(
        "{} {} record{}{}{}",
        if s.written { "added" } else { "would add" },
        s.added,
        if s.added == 1 { "" } else { "s" },
        if kinds.is_empty() {
            String::new()
        } else {
            format!(" ({})", kinds.join(", "))
        },
        span
    );
    if s.already > 0 {
        out!("{} already here, left as they are", s.already);
    }
    if s.newer > 0 {
        out!(
            "{} written by a newer version of Keel, left out (import them with that version)",
            s.newer
        );
    }
    Ok(0)
}
