//! `keel import daylio|dayone|jrnl|keel FILE [--dry-run] [--mood-map rad=9,…]`: another app's
//! export (or Keel's own), read whole and checked before anything is written, then added in
//! one transaction; the same file twice adds nothing.

use std::path::PathBuf;

use chrono::{Local, NaiveDateTime, Offset, TimeZone};
use clap::{Args, ValueEnum};
use keel::Result;
use keel::import::{Source, daylio::MoodMap};

use crate::ctx::Ctx;
use crate::out;
use crate::output::print_json;

#[derive(Clone, Copy, ValueEnum)]
pub enum From {
    /// Daylio's CSV export
    Daylio,
    /// Day One's export zip, or a journal's JSON file from it
    Dayone,
    /// jrnl's JSON export (jrnl --export json)
    Jrnl,
    /// Keel's own JSON export (keel export)
    Keel,
}

#[derive(Args)]
pub struct ImportArgs {
    /// What the file is
    source: From,
    file: PathBuf,
    /// Say what would be added, and add nothing
    #[arg(long)]
    dry_run: bool,
    /// Daylio: a number 0–10 for each of your mood labels, like rad=9,good=7,meh=5,bad=3,awful=1
    #[arg(long, value_name = "LABEL=N,…")]
    mood_map: Option<String>,
    #[arg(long)]
    json: bool,
}

/// This computer's UTC offset at a local time (for files that write none).
fn local_offset(t: NaiveDateTime) -> chrono::FixedOffset {
    Local
        .from_local_datetime(&t)
        .earliest()
        .map(|d| d.offset().fix())
        .unwrap_or_else(|| Local::now().offset().fix())
}

pub fn run(ctx: &mut Ctx, a: ImportArgs) -> Result<u8> {
    let moods = match &a.mood_map {
        Some(m) => MoodMap::parse(m)?,
        None => MoodMap::default(),
    };
    let source = match a.source {
        From::Daylio => Source::Daylio,
        From::Dayone => Source::DayOne,
        From::Jrnl => Source::Jrnl,
        From::Keel => Source::Keel,
    };
    // The whole file is read and checked before the passphrase is asked for.
    let parsed = keel::import::read_file(&a.file, source, &moods, &local_offset)?;
    let mut v = ctx.open()?;
    let s = keel::import::import(&mut v, parsed, a.dry_run)?;
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
    if s.media > 0 {
        out!(
            "{} photo{} and other files left behind: Keel keeps words only",
            s.media,
            if s.media == 1 { "" } else { "s" }
        );
    }
    Ok(0)
}
