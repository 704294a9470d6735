//! `keel journal`: journal entries from flags, a file or standard input.

use clap::Subcommand;
use keel::Result;
use keel::dto::{BodyDto, JournalDto};

use crate::ctx::Ctx;
use crate::out;

#[derive(Subcommand)]
pub enum JournalCommand {
    /// Add a journal entry.
    Add {
        #[arg(long)]
        title: Option<String>,
        #[arg(long, conflicts_with = "file", required_unless_present = "file")]
        text: Option<String>,
        /// Read the text from a file, or `-` for standard input
        #[arg(long, value_name = "FILE")]
        file: Option<String>,
        #[arg(long)]
        prompt: Option<String>,
        #[arg(long = "tag", value_name = "T")]
        tags: Vec<String>,
        #[arg(long, value_name = "RFC3339")]
        at: Option<String>,
    },
}

pub fn run(ctx: &mut Ctx, cmd: JournalCommand) -> Result<u8> {
    let JournalCommand::Add {
        title,
        text,
        file,
        prompt,
        tags,
        at,
    } = cmd;
    let text = ctx.text_from("text", text, file.as_deref())?;
    let body = BodyDto::Journal(JournalDto {
        title: title.unwrap_or_default(),
        prompt: prompt.unwrap_or_default(),
        text,
        tags,
        bring: false,
    });
    crate::records::add(ctx, body, at)
}

pub fn print(j: &JournalDto) {
    out!("kind     journal");
    if !j.title.is_empty() {
        out!("title    {}", j.title);
    }
    if !j.tags.is_empty() {
        out!("tags     {}", j.tags.join(", "));
    }
    if !j.prompt.is_empty() {
        out!("prompt   {}", j.prompt);
    }
    out!("\n{}", j.text);
}
