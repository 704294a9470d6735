//! `keel session`: IOP session notes from flags.

use clap::Subcommand;
use keel::Result;
use keel::dto::{BodyDto, ItemDto, SessionDto};

use crate::ctx::Ctx;
use crate::out;

#[derive(Subcommand)]
pub enum SessionCommand {
    /// Add a session note.
    Add {
        /// individual, group, psychoeducation, skills, family, medication, peer or other
        #[arg(long = "type", value_name = "TYPE")]
        session_type: String,
        #[arg(long)]
        title: String,
        #[arg(long)]
        facilitator: Option<String>,
        #[arg(long, conflicts_with = "note_file")]
        note: Option<String>,
        /// Read the notes (Markdown) from a file, or `-` for standard input
        #[arg(long, value_name = "FILE")]
        note_file: Option<String>,
        #[arg(long)]
        takeaways: Option<String>,
        #[arg(long = "homework", value_name = "ITEM")]
        homework: Vec<String>,
        #[arg(long = "bring", value_name = "ITEM")]
        bring: Vec<String>,
        /// The session was missed
        #[arg(long)]
        missed: bool,
        #[arg(long, value_name = "RFC3339")]
        at: Option<String>,
    },
}

pub fn run(ctx: &mut Ctx, cmd: SessionCommand) -> Result<u8> {
    let SessionCommand::Add {
        session_type,
        title,
        facilitator,
        note,
        note_file,
        takeaways,
        homework,
        bring,
        missed,
        at,
    } = cmd;
    let notes = ctx.text_from("notes", note, note_file.as_deref())?;
    let items = |v: Vec<String>| {
        v.into_iter()
            .map(|text| ItemDto { text, done: false })
            .collect()
    };
    let body = BodyDto::Session(SessionDto {
        session_type,
        title,
        facilitator: facilitator.unwrap_or_default(),
        notes,
        takeaways: takeaways.unwrap_or_default(),
        homework: items(homework),
        bring: items(bring),
        attended: !missed,
    });
    crate::records::add(ctx, body, at)
}

pub fn print(s: &SessionDto) {
    out!("kind     session ({})", s.session_type);
    out!("title    {}", s.title);
    if !s.facilitator.is_empty() {
        out!("with     {}", s.facilitator);
    }
    out!("attended {}", if s.attended { "yes" } else { "no" });
    if !s.notes.is_empty() {
        out!("\n{}", s.notes);
    }
    if !s.takeaways.is_empty() {
        out!("\ntakeaways\n{}", s.takeaways);
    }
    for (label, items) in [("homework", &s.homework), ("bring", &s.bring)] {
        if !items.is_empty() {
            out!("\n{label}");
            for i in items {
                out!("  [{}] {}", if i.done { "x" } else { " " }, i.text);
            }
        }
    }
}
