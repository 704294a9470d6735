//! `keel tracker`: the user's own trackers (list, add, archive); `keel checkin --track` answers
//! them.

use clap::Subcommand;
use keel::dto::{BodyDto, RecordDto, TrackerDto, TrackerValueDto, UpdateRecord};
use keel::model::Answer;
use keel::{Error, Result, Vault, commands};

use crate::ctx::Ctx;
use crate::out;
use crate::output::{print_json, short};

#[derive(Subcommand)]
pub enum TrackerCommand {
    /// Your trackers, by name.
    List {
        /// Include archived trackers.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Add a tracker of your own.
    Add {
        #[arg(long)]
        name: String,
        /// yes-no, scale (0–10) or number
        #[arg(long)]
        answer: String,
        /// For a number: glasses, km, pages…
        #[arg(long)]
        unit: Option<String>,
    },
    /// Stop asking a tracker in check-ins (or ask it again, with --off). Its answers stay.
    Archive {
        name: String,
        #[arg(long)]
        off: bool,
    },
}

pub fn run(ctx: &mut Ctx, cmd: TrackerCommand) -> Result<u8> {
    match cmd {
        TrackerCommand::List { all, json } => {
            let mut v = ctx.open()?;
            let trackers = commands::trackers(&mut v, all)?;
            if json {
                print_json(&trackers)?;
                return Ok(0);
            }
            for r in &trackers {
                if let BodyDto::Tracker(t) = &r.body {
                    let unit = if t.unit.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", t.unit)
                    };
                    let archived = if t.archived { " (archived)" } else { "" };
                    out!(
                        "  {}  {}  {}{unit}{archived}",
                        short(&r.id),
                        t.name,
                        t.answer
                    );
                }
            }
            Ok(0)
        }
        TrackerCommand::Add { name, answer, unit } => {
            let body = BodyDto::Tracker(TrackerDto {
                name,
                answer,
                unit: unit.unwrap_or_default(),
                archived: false,
            });
            crate::records::add(ctx, body, None)
        }
        TrackerCommand::Archive { name, off } => {
            let mut v = ctx.open()?;
            let found = find(&mut v, &name, true)?;
            let BodyDto::Tracker(mut t) = found.body else {
                unreachable!("find returns trackers")
            };
            t.archived = !off;
            let r = commands::update(
                &mut v,
                UpdateRecord {
                    id: found.id,
                    at: None,
                    body: BodyDto::Tracker(t),
                },
            )?;
            out!("{}", r.id);
            Ok(0)
        }
    }
}

/// A tracker by name, ignoring case.
fn find(v: &mut Vault, name: &str, include_archived: bool) -> Result<RecordDto> {
    let wanted = name.trim().to_lowercase();
    commands::trackers(v, include_archived)?
        .into_iter()
        .find(|r| matches!(&r.body, BodyDto::Tracker(t) if t.name.to_lowercase() == wanted))
        .ok_or_else(|| {
            Error::invalid(
                "track",
                "no tracker by that name; `keel tracker list` shows yours",
            )
        })
}

/// `NAME=VALUE` pairs, each answering one of the user's trackers: yes or no, 0–10, or a number.
pub fn answers(v: &mut Vault, pairs: &[String]) -> Result<Vec<TrackerValueDto>> {
    let mut out = Vec::new();
    for pair in pairs {
        let (name, value) = pair.rsplit_once('=').ok_or_else(|| {
            Error::invalid("track", "give each answer as NAME=VALUE, e.g. Water=6")
        })?;
        let found = find(v, name, false)?;
        let BodyDto::Tracker(t) = &found.body else {
            unreachable!("find returns trackers")
        };
        let answer = Answer::parse(&t.answer)?;
        let value = if answer == Answer::YesNo {
            let yes = crate::args::yes_no(value).map_err(|_| {
                Error::invalid("track", "answer a yes-or-no tracker with yes or no")
            })?;
            f64::from(u8::from(yes))
        } else {
            value
                .trim()
                .parse::<f64>()
                .map_err(|_| Error::invalid("track", "that answer is not a number"))?
        };
        out.push(TrackerValueDto {
            tracker: Some(found.id.clone()),
            name: t.name.clone(),
            answer: t.answer.clone(),
            unit: t.unit.clone(),
            value,
        });
    }
    Ok(out)
}

pub fn print(t: &TrackerDto) {
    out!("kind     tracker ({})", t.answer);
    out!("name     {}", t.name);
    if !t.unit.is_empty() {
        out!("unit     {}", t.unit);
    }
    if t.archived {
        out!("archived");
    }
}
