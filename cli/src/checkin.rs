//! `keel checkin`: a check-in from flags (at least one of stress, mood and craving).

use clap::Args;
use keel::Result;
use keel::dto::{BodyDto, CheckinDto, Factors, HaltDto};
use keel::model::Halt;

use crate::ctx::Ctx;
use crate::out;

#[derive(Args)]
pub struct CheckinArgs {
    /// Stress, 0–10
    #[arg(long)]
    stress: Option<u8>,
    /// Mood, 0–10
    #[arg(long)]
    mood: Option<u8>,
    /// Craving, 0–10
    #[arg(long)]
    craving: Option<u8>,
    /// Hours slept
    #[arg(long, value_name = "HOURS")]
    sleep: Option<f32>,
    /// Any of hungry,angry,lonely,tired
    #[arg(long, value_name = "FLAGS")]
    halt: Option<String>,
    #[arg(long = "emotion", value_name = "E")]
    emotions: Vec<String>,
    #[arg(long = "trigger", value_name = "T")]
    triggers: Vec<String>,
    /// work, home, commute, social or other
    #[arg(long)]
    context: Option<String>,
    #[arg(long)]
    note: Option<String>,
    /// Exercised today: yes or no
    #[arg(long, value_name = "YES|NO", value_parser = crate::args::yes_no)]
    exercise: Option<bool>,
    /// Meals eaten today, 0–10
    #[arg(long)]
    meals: Option<u8>,
    /// Caffeinated drinks today, 0–30
    #[arg(long)]
    caffeine: Option<u8>,
    /// Medication taken as prescribed: yes or no
    #[arg(long, value_name = "YES|NO", value_parser = crate::args::yes_no)]
    medication: Option<bool>,
    /// Time outdoors today: yes or no
    #[arg(long, value_name = "YES|NO", value_parser = crate::args::yes_no)]
    outdoors: Option<bool>,
    /// Answer one of your trackers (`keel tracker list`), e.g. --track Water=6 --track Walk=yes
    #[arg(long = "track", value_name = "NAME=VALUE")]
    track: Vec<String>,
    /// Bring it up at the next session
    #[arg(long)]
    bring: bool,
    /// When it happened (RFC 3339); default now
    #[arg(long, value_name = "RFC3339")]
    at: Option<String>,
}

pub fn run(ctx: &mut Ctx, a: CheckinArgs) -> Result<u8> {
    let h = Halt::parse_list(a.halt.as_deref().unwrap_or(""))?;
    let body = BodyDto::Checkin(CheckinDto {
        stress: a.stress,
        mood: a.mood,
        craving: a.craving,
        sleep_hours: a.sleep,
        halt: HaltDto {
            hungry: h.hungry,
            angry: h.angry,
            lonely: h.lonely,
            tired: h.tired,
        },
        emotions: a.emotions,
        triggers: a.triggers,
        context: a.context,
        note: a.note.unwrap_or_default(),
        factors: Factors {
            exercise: a.exercise,
            meals: a.meals,
            caffeine: a.caffeine,
            medication: a.medication,
            outdoors: a.outdoors,
        },
        trackers: Vec::new(),
        bring: a.bring,
    });
    let track = a.track;
    crate::records::add_with(ctx, body, a.at, |v, body| {
        if let BodyDto::Checkin(c) = body {
            c.trackers = crate::tracker::answers(v, &track)?;
        }
        Ok(())
    })
}

pub fn print(c: &CheckinDto) {
    out!("kind     check-in");
    if let Some(s) = c.stress {
        out!("stress   {s}");
    }
    if let Some(m) = c.mood {
        out!("mood     {m}");
    }
    if let Some(m) = c.craving {
        out!("craving  {m}");
    }
    if let Some(s) = c.sleep_hours {
        out!("sleep    {s} h");
    }
    let halt = Halt {
        hungry: c.halt.hungry,
        angry: c.halt.angry,
        lonely: c.halt.lonely,
        tired: c.halt.tired,
    }
    .names();
    if !halt.is_empty() {
        out!("HALT     {}", halt.join(", "));
    }
    if !c.emotions.is_empty() {
        out!("emotions {}", c.emotions.join(", "));
    }
    if !c.triggers.is_empty() {
        out!("triggers {}", c.triggers.join(", "));
    }
    if let Some(x) = &c.context {
        out!("context  {x}");
    }
    let f = &c.factors;
    let yn = |b: bool| if b { "yes" } else { "no" };
    for (name, v) in [
        ("exercise", f.exercise.map(yn)),
        ("medication", f.medication.map(yn)),
        ("outdoors", f.outdoors.map(yn)),
    ] {
        if let Some(v) = v {
            out!("{name:<8} {v}");
        }
    }
    if let Some(m) = f.meals {
        out!("meals    {m}");
    }
    if let Some(d) = f.caffeine {
        out!("caffeine {d}");
    }
    for t in &c.trackers {
        out!("{}: {}", t.name, t.shown());
    }
    if !c.note.is_empty() {
        out!("\n{}", c.note);
    }
}
