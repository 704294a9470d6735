//! `keel clock`: the user's clocks (add, list with each run); `keel lapse add`; `keel status`.

use clap::{Args, Subcommand};
use keel::dto::{BodyDto, ClockStatusDto, HaltDto, LapseDto, ListQuery, SobrietyClockDto};
use keel::model::Halt;
use keel::{Error, Result, Vault, commands};

use crate::ctx::Ctx;
use crate::out;
use crate::output::print_json;

#[derive(Subcommand)]
pub enum ClockCommand {
    /// Start a clock for something you are staying away from, in your own words.
    Add {
        #[arg(long)]
        name: String,
        /// When it began (RFC 3339); default now
        #[arg(long, value_name = "RFC3339")]
        since: Option<String>,
    },
    /// Each clock: the current run, the longest run, days this month and this year.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum LapseCommand {
    /// Log a lapse against a clock. It is kept in the clock's history.
    Add(LapseArgs),
}

#[derive(Args)]
pub struct LapseArgs {
    /// The clock's name
    #[arg(long)]
    clock: String,
    /// Start the clock's current run again from this lapse
    #[arg(long)]
    restart: bool,
    /// What happened
    #[arg(long, value_name = "TEXT")]
    what: Option<String>,
    #[arg(long = "trigger", value_name = "T")]
    triggers: Vec<String>,
    /// Any of hungry,angry,lonely,tired
    #[arg(long, value_name = "FLAGS")]
    halt: Option<String>,
    #[arg(long)]
    place: Option<String>,
    #[arg(long = "person", value_name = "NAME")]
    people: Vec<String>,
    /// What helped afterwards
    #[arg(long, value_name = "TEXT")]
    helped: Option<String>,
    /// What to try next time
    #[arg(long, value_name = "TEXT")]
    next_time: Option<String>,
    /// When it happened (RFC 3339); default now
    #[arg(long, value_name = "RFC3339")]
    at: Option<String>,
}

pub fn run(ctx: &mut Ctx, cmd: ClockCommand) -> Result<u8> {
    match cmd {
        ClockCommand::Add { name, since } => {
            let now = chrono::Local::now().fixed_offset();
            let since = match since {
                Some(s) => {
                    if chrono::DateTime::parse_from_rfc3339(s.trim()).is_ok_and(|t| t > now) {
                        return Err(Error::invalid(
                            "since",
                            "that time has not come yet; a clock starts now or earlier",
                        ));
                    }
                    s
                }
                None => now.to_rfc3339(),
            };
            let body = BodyDto::Clock(SobrietyClockDto {
                name,
                since,
                archived: false,
            });
            crate::records::add(ctx, body, None)
        }
        ClockCommand::List { json } => {
            let mut v = ctx.open()?;
            let clocks = commands::clocks(&mut v)?;
            if json {
                print_json(&clocks)?;
            } else {
                for c in &clocks {
                    print_clock(c);
                }
            }
            Ok(0)
        }
    }
}

pub fn lapse(ctx: &mut Ctx, cmd: LapseCommand) -> Result<u8> {
    let LapseCommand::Add(a) = cmd;
    let h = Halt::parse_list(a.halt.as_deref().unwrap_or(""))?;
    let body = BodyDto::Lapse(LapseDto {
        clock: None,
        clock_name: a.clock.clone(),
        restart: a.restart,
        what_happened: a.what.unwrap_or_default(),
        triggers: a.triggers,
        halt: HaltDto {
            hungry: h.hungry,
            angry: h.angry,
            lonely: h.lonely,
            tired: h.tired,
        },
        place: a.place.unwrap_or_default(),
        people: a.people,
        helped: a.helped.unwrap_or_default(),
        next_time: a.next_time.unwrap_or_default(),
    });
    let wanted = a.clock;
    crate::records::add_with(ctx, body, a.at, |v, body| {
        let found = find(v, &wanted)?;
        if let BodyDto::Lapse(l) = body {
            l.clock = Some(found.id);
            l.clock_name = found.name;
        }
        Ok(())
    })
}

/// A clock by name, ignoring case.
fn find(v: &mut Vault, name: &str) -> Result<ClockStatusDto> {
    let wanted = name.trim().to_lowercase();
    commands::clocks(v)?
        .into_iter()
        .find(|c| c.name.to_lowercase() == wanted)
        .ok_or_else(|| {
            Error::invalid(
                "clock",
                "no clock by that name; `keel clock list` shows yours",
            )
        })
}

/// "3 days", "1 day", or hours on the first day.
fn run_words(c: &ClockStatusDto) -> String {
    match (c.run_days, c.run_hours) {
        (0, 1) => "1 hour".to_owned(),
        (0, h) => format!("{h} hours"),
        (1, _) => "1 day".to_owned(),
        (d, _) => format!("{d} days"),
    }
}

fn print_clock(c: &ClockStatusDto) {
    out!("{}: {}", c.name, run_words(c));
    out!(
        "  longest {} days · {} days this month · {} days this year",
        c.longest_days,
        c.days_this_month,
        c.days_this_year
    );
}

/// `keel status`: each clock's run, the next session and today's check-ins.
pub fn status(ctx: &mut Ctx, json: bool) -> Result<u8> {
    let mut v = ctx.open()?;
    let clocks = commands::clocks(&mut v)?;
    let today = v.now().date_naive().to_string();
    let checkins = commands::list(
        &mut v,
        ListQuery {
            kinds: vec!["checkin".into()],
            since: Some(today.clone()),
            until: Some(today),
            ..Default::default()
        },
    )?;
    let next = commands::programme(&mut v)?.next;
    if json {
        print_json(&serde_json::json!({
            "clocks": clocks,
            "nextSession": next,
            "checkinsToday": checkins.records,
        }))?;
        return Ok(0);
    }
    for c in &clocks {
        print_clock(c);
    }
    if let Some(s) = &next {
        out!("Next session: {}", crate::schedule::line(s));
    }
    match checkins.total {
        0 => out!("No check-ins yet today."),
        1 => out!("1 check-in today."),
        n => out!("{n} check-ins today."),
    }
    Ok(0)
}
