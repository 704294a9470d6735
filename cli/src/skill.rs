//! `keel skill`: the coping-skill library (list, add, favourite, hide) and recording a use.

use clap::Subcommand;
use keel::dto::{BodyDto, NewRecord, RecordDto, SkillDto, SkillUseDto, UpdateRecord};
use keel::{Error, Result, Vault, commands};

use crate::ctx::Ctx;
use crate::out;
use crate::output::{print_json, short};

#[derive(Subcommand)]
pub enum SkillCommand {
    /// The library, favourites first.
    List {
        /// Include hidden skills.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Add your own skill.
    Add {
        #[arg(long)]
        name: String,
        /// distress-tolerance, emotion-regulation, mindfulness, interpersonal, grounding, body, connection.
        #[arg(long)]
        category: String,
        #[arg(long, value_name = "TEXT")]
        how_to: Option<String>,
    },
    /// Record using a skill, with distress before and after.
    Use {
        #[arg(long, value_name = "NAME")]
        skill: String,
        /// Distress before, 0–10
        #[arg(long)]
        before: Option<u8>,
        /// Distress after, 0–10
        #[arg(long)]
        after: Option<u8>,
        #[arg(long)]
        urge_before: Option<u8>,
        #[arg(long)]
        urge_after: Option<u8>,
        #[arg(long)]
        minutes: Option<u16>,
        #[arg(long)]
        situation: Option<String>,
        #[arg(long)]
        note: Option<String>,
        #[arg(long, value_name = "RFC3339")]
        at: Option<String>,
    },
    /// Mark a skill as a favourite (or not, with --off).
    Favourite {
        name: String,
        #[arg(long)]
        off: bool,
    },
    /// Hide a skill from the library (or show it again, with --off).
    Hide {
        name: String,
        #[arg(long)]
        off: bool,
    },
}

pub fn run(ctx: &mut Ctx, cmd: SkillCommand) -> Result<u8> {
    match cmd {
        SkillCommand::List { all, json } => {
            let mut v = ctx.open()?;
            let skills = commands::skills(&mut v, all)?;
            if json {
                print_json(&skills)?;
                return Ok(0);
            }
            let mut last_cat = String::new();
            for r in &skills {
                if let BodyDto::Skill(s) = &r.body {
                    let cat = if s.favourite {
                        "favourites"
                    } else {
                        &s.category
                    };
                    if cat != last_cat {
                        out!("{cat}");
                        last_cat = cat.to_owned();
                    }
                    let hidden = if s.hidden { " (hidden)" } else { "" };
                    out!("  {}  {}{}", short(&r.id), s.name, hidden);
                }
            }
            Ok(0)
        }
        SkillCommand::Add {
            name,
            category,
            how_to,
        } => {
            let body = BodyDto::Skill(SkillDto {
                name,
                category,
                how_to: how_to.unwrap_or_default(),
                builtin: None,
                favourite: false,
                hidden: false,
            });
            crate::records::add(ctx, body, None)
        }
        SkillCommand::Use {
            skill,
            before,
            after,
            urge_before,
            urge_after,
            minutes,
            situation,
            note,
            at,
        } => {
            let mut v = ctx.open()?;
            let found = find_skill(&mut v, &skill)?;
            let name = match &found.body {
                BodyDto::Skill(s) => s.name.clone(),
                _ => unreachable!("find_skill returns skills"),
            };
            let r = commands::add(
                &mut v,
                NewRecord {
                    at,
                    body: BodyDto::SkillUse(SkillUseDto {
                        skill_id: Some(found.id),
                        skill_name: name,
                        situation: situation.unwrap_or_default(),
                        distress_before: before,
                        distress_after: after,
                        urge_before,
                        urge_after,
                        minutes,
                        note: note.unwrap_or_default(),
                        urge_along: Vec::new(),
                    }),
                },
            )?;
            out!("{}", r.id);
            Ok(0)
        }
        SkillCommand::Favourite { name, off } => toggle_skill(ctx, &name, |s| s.favourite = !off),
        SkillCommand::Hide { name, off } => toggle_skill(ctx, &name, |s| s.hidden = !off),
    }
}

fn toggle_skill(ctx: &mut Ctx, name: &str, change: impl FnOnce(&mut SkillDto)) -> Result<u8> {
    let mut v = ctx.open()?;
    let found = find_skill(&mut v, name)?;
    let BodyDto::Skill(mut s) = found.body else {
        unreachable!("find_skill returns skills")
    };
    change(&mut s);
    let r = commands::update(
        &mut v,
        UpdateRecord {
            id: found.id,
            at: None,
            body: BodyDto::Skill(s),
        },
    )?;
    out!("{}", r.id);
    Ok(0)
}

/// A skill by exact name (any case), else by a unique start of its name.
fn find_skill(v: &mut Vault, name: &str) -> Result<RecordDto> {
    let wanted = name.trim().to_lowercase();
    let skills = commands::skills(v, true)?;
    let name_of = |r: &RecordDto| match &r.body {
        BodyDto::Skill(s) => s.name.to_lowercase(),
        _ => String::new(),
    };
    if let Some(r) = skills.iter().find(|r| name_of(r) == wanted) {
        return Ok(r.clone());
    }
    let mut starts = skills.iter().filter(|r| name_of(r).starts_with(&wanted));
    match (starts.next(), starts.next()) {
        (Some(r), None) if !wanted.is_empty() => Ok(r.clone()),
        (Some(_), Some(_)) => Err(Error::invalid(
            "skill",
            "more than one skill starts like that; give more of the name",
        )),
        _ => Err(Error::invalid(
            "skill",
            "no skill by that name; `keel skill list` shows the library",
        )),
    }
}

pub fn print(s: &SkillDto) {
    out!("kind     skill ({})", s.category);
    out!("name     {}", s.name);
    out!("\n{}", s.how_to);
}

pub fn print_use(u: &SkillUseDto) {
    out!("kind     coping skill");
    out!("skill    {}", u.skill_name);
    if let (Some(b), Some(a)) = (u.distress_before, u.distress_after) {
        out!("distress {b} → {a}");
    } else if let Some(b) = u.distress_before {
        out!("distress {b} before");
    } else if let Some(a) = u.distress_after {
        out!("distress {a} after");
    }
    if let (Some(b), Some(a)) = (u.urge_before, u.urge_after) {
        out!("urge     {b} → {a}");
    }
    if let Some(m) = u.minutes {
        out!("minutes  {m}");
    }
    for t in [&u.situation, &u.note] {
        if !t.is_empty() {
            out!("\n{t}");
        }
    }
}
