//! `keel schedule add|list`: the programme's sessions; `keel attend`: marking one.

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use keel::dto::{AgendaItemDto, BodyDto, NewRecord, OccurrenceDto, ScheduleSlotDto, UpdateRecord};
use keel::model::Body;
use keel::{Error, Result, Vault, commands};

use crate::ctx::Ctx;
use crate::out;
use crate::output::print_json;

#[derive(Subcommand)]
pub enum ScheduleCommand {
    /// Add a weekly session (with --days) or a one-off appointment (without).
    Add(AddArgs),
    /// The sessions of the next two weeks, the next one first.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct AddArgs {
    #[arg(long)]
    title: String,
    /// individual, group, psychoeducation, skills, family, medication, peer or other
    #[arg(long = "type", value_name = "TYPE", default_value = "group")]
    session_type: String,
    /// The first (or only) day, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    first: String,
    /// Start on the wall clock, HH:MM (24-hour)
    #[arg(long, value_name = "HH:MM")]
    start: String,
    /// Length in minutes
    #[arg(long, default_value_t = 60)]
    minutes: u16,
    /// Days it repeats on, e.g. mon,wed,thu; leave out for a one-off
    #[arg(long, value_name = "DAYS")]
    days: Option<String>,
    /// The last day it repeats, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    #[arg(long)]
    place: Option<String>,
    #[arg(long)]
    online: bool,
}

#[derive(Args)]
pub struct AttendArgs {
    /// The session: its schedule id (`keel schedule list --json` shows it as `slot`)
    session: String,
    /// Which day's session (YYYY-MM-DD); default the latest one that has started
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    #[arg(long, group = "mark")]
    attended: bool,
    #[arg(long, group = "mark")]
    missed: bool,
    #[arg(long, group = "mark")]
    excused: bool,
    #[arg(long)]
    note: Option<String>,
}

/// `mon,wed` → `[1, 3]`.
fn weekdays(s: &str) -> Result<Vec<u8>> {
    s.split(',')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            d.parse::<chrono::Weekday>()
                .map(|w| w.number_from_monday() as u8)
                .map_err(|_| Error::invalid("days", "days like mon,wed,thu"))
        })
        .collect()
}

pub fn run(ctx: &mut Ctx, cmd: ScheduleCommand) -> Result<u8> {
    match cmd {
        ScheduleCommand::Add(a) => {
            let body = BodyDto::Schedule(ScheduleSlotDto {
                title: a.title,
                session_type: a.session_type,
                first: a.first,
                start: a.start,
                minutes: a.minutes,
                weekdays: a
                    .days
                    .as_deref()
                    .map(weekdays)
                    .transpose()?
                    .unwrap_or_default(),
                until: a.until,
                place: a.place.unwrap_or_default(),
                online: a.online,
                archived: false,
            });
            crate::records::add(ctx, body, None)
        }
        ScheduleCommand::List { json } => {
            let mut v = ctx.open()?;
            let p = commands::programme(&mut v)?;
            if json {
                print_json(&p)?;
                return Ok(0);
            }
            if p.upcoming.is_empty() {
                out!("Nothing scheduled in the next two weeks.");
            }
            for s in &p.upcoming {
                out!("{}", line(s));
            }
            if let Some(pc) = p.attendance.percent {
                out!(
                    "Attendance: {pc}% ({} attended, {} missed, {} excused)",
                    p.attendance.attended,
                    p.attendance.missed,
                    p.attendance.excused
                );
            }
            Ok(0)
        }
    }
}

/// `Mon 30 Nov 18:00–21:00  Evening group · Riverside clinic`.
pub fn line(s: &AgendaItemDto) -> String {
    let parse = |t: &str| chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M").ok();
    let (Some(start), Some(end)) = (parse(&s.start), parse(&s.end)) else {
        return s.title.clone();
    };
    let place = if s.online {
        " · online".to_owned()
    } else if s.place.is_empty() {
        String::new()
    } else {
        format!(" · {}", s.place)
    };
    let state = match (s.cancelled, s.moved, s.attendance.as_deref()) {
        (true, _, _) => " (cancelled)".to_owned(),
        (_, _, Some(a)) => format!(" ({a})"),
        (_, true, None) => " (moved)".to_owned(),
        _ => String::new(),
    };
    format!(
        "{} {}–{}  {}{place}{state}",
        start.format("%a %-d %b"),
        start.format("%H:%M"),
        end.format("%H:%M"),
        s.title
    )
}

pub fn attend(ctx: &mut Ctx, a: AttendArgs) -> Result<u8> {
    let mark = match (a.attended, a.missed, a.excused) {
        (true, _, _) => "attended",
        (_, true, _) => "missed",
        (_, _, true) => "excused",
        _ => {
            return Err(Error::invalid(
                "attendance",
                "say --attended, --missed or --excused",
            ));
        }
    };
    let slot = keel::model::RecordId::parse(&a.session).map_err(|_| {
        Error::invalid("session", "a session's schedule id (32 hexadecimal digits)")
    })?;
    let date = a
        .date
        .as_deref()
        .map(|d| keel::kinds::fields::date("date", d))
        .transpose()?;
    let mut v = ctx.open()?;
    let s = find(&mut v, slot, date)?;
    let body = BodyDto::Occurrence(OccurrenceDto {
        slot: s.slot.clone(),
        slot_title: s.title.clone(),
        date: s.date.clone(),
        cancelled: false,
        moved_to: None,
        attendance: Some(mark.into()),
        note: a.note.clone().unwrap_or_default(),
        session_note: s.session_note.clone(),
    });
    // One record per occurrence: a change or an earlier mark is kept and updated.
    let r = match &s.occurrence {
        Some(id) => {
            let old = commands::get(&mut v, id)?;
            let BodyDto::Occurrence(mut o) = old.body else {
                return Err(Error::invalid("session", "not a session of the schedule"));
            };
            o.attendance = Some(mark.into());
            if let Some(n) = a.note {
                o.note = n;
            }
            commands::update(
                &mut v,
                UpdateRecord {
                    id: id.clone(),
                    at: None,
                    body: BodyDto::Occurrence(o),
                },
            )?
        }
        None => commands::add(&mut v, NewRecord { at: None, body })?,
    };
    out!("{}", r.id);
    Ok(0)
}

/// The session of `slot` on `date`, or its latest one that has started.
fn find(
    v: &mut Vault,
    slot: keel::model::RecordId,
    date: Option<NaiveDate>,
) -> Result<AgendaItemDto> {
    let now = v.now().naive_local();
    let first = match commands::get(v, &slot.to_string()) {
        Ok(r) => match Body::try_from(r.body)? {
            Body::Schedule(s) => s.first,
            _ => return Err(Error::invalid("session", "not a session of the schedule")),
        },
        Err(Error::NotFound { .. }) => {
            return Err(Error::invalid(
                "session",
                "no session with that id; `keel schedule list --json` shows them",
            ));
        }
        Err(e) => return Err(e),
    };
    let (from, to) = match date {
        Some(d) => (d, d),
        None => (first, now.date()),
    };
    let sessions = commands::agenda(
        v,
        from - chrono::Duration::days(7),
        to + chrono::Duration::days(7),
    )?;
    sessions
        .iter()
        .rev()
        .filter(|s| s.slot == slot && !s.cancelled)
        .find(|s| match date {
            Some(d) => s.date == d,
            None => s.start <= now,
        })
        .map(AgendaItemDto::from)
        .ok_or_else(|| {
            Error::invalid(
                "date",
                if date.is_some() {
                    "that session is not scheduled on that day"
                } else {
                    "that session has not happened yet"
                },
            )
        })
}
