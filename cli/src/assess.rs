//! `keel assess phq9|gad7`: answer a questionnaire and see its total and band; `keel assess
//! history`: the results over time. `keel diary`: a week of diary cards. `keel show` prints
//! questionnaires, diary cards and thought records through `print_*` here.

use clap::{Args, Subcommand};
use keel::dto::{
    AssessmentDto, AssessmentTrendDto, BodyDto, DiaryCardDto, NewRecord, ThoughtRecordDto,
};
use keel::{Error, Result, commands, instruments};
use serde::Serialize;

use crate::ctx::Ctx;
use crate::out;
use crate::output::print_json;

#[derive(Subcommand)]
pub enum AssessCommand {
    /// The PHQ-9 (mood over the last two weeks): nine answers, 0–3 each.
    Phq9(AnswerArgs),
    /// The GAD-7 (worry and anxiety over the last two weeks): seven answers, 0–3 each.
    Gad7(AnswerArgs),
    /// Your results over time, each with its change from the one before.
    History {
        /// phq9 or gad7
        instrument: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct AnswerArgs {
    /// One answer per question, in order, comma-separated: 0 not at all, 1 several days, 2 more
    /// than half the days, 3 nearly every day
    #[arg(long, value_name = "A,B,…")]
    answers: String,
    /// How difficult the problems have made things: 0 not difficult at all … 3 extremely
    #[arg(long, value_name = "0-3")]
    difficulty: Option<u8>,
    #[arg(long)]
    note: Option<String>,
    /// When it was answered (RFC 3339); default now
    #[arg(long, value_name = "RFC3339")]
    at: Option<String>,
    #[arg(long)]
    json: bool,
}

/// What `--json` prints for a saved questionnaire.
#[derive(Serialize)]
struct Saved<'a> {
    id: &'a str,
    instrument: &'a str,
    answers: &'a [u8],
    difficulty: Option<u8>,
    total: u8,
    band: &'a str,
    /// A safety question (PHQ-9 item 9) was answered above 0.
    safety: bool,
}

/// `0,1,2` → `[0, 1, 2]`, naming the answer that is not a number.
fn answers(s: &str) -> Result<Vec<u8>> {
    s.split(',')
        .map(str::trim)
        .enumerate()
        .map(|(i, a)| {
            a.parse::<u8>().map_err(|_| {
                Error::invalid(
                    "answers",
                    format!("answer {} is {a:?}; answers are numbers from 0 to 3", i + 1),
                )
            })
        })
        .collect()
}

pub fn run(ctx: &mut Ctx, cmd: AssessCommand) -> Result<u8> {
    let (id, a) = match cmd {
        AssessCommand::Phq9(a) => ("phq9", a),
        AssessCommand::Gad7(a) => ("gad7", a),
        AssessCommand::History { instrument, json } => return history(ctx, &instrument, json),
    };
    let form = instruments::get(id)?;
    let body = BodyDto::Assessment(AssessmentDto {
        instrument: id.to_owned(),
        answers: answers(&a.answers)?,
        difficulty: a.difficulty,
        note: a.note.unwrap_or_default(),
        total: None,
        band: None,
    });
    crate::records::check_before_open(&body, a.at.as_deref())?;
    let mut v = ctx.open()?;
    let r = commands::add(&mut v, NewRecord { at: a.at, body })?;
    let BodyDto::Assessment(saved) = &r.body else {
        return Err(Error::invalid("kind", "not a questionnaire"));
    };
    let total = saved.total.unwrap_or_default();
    let band = saved.band.as_deref().unwrap_or_default();
    let safety = form.safety_flag(&saved.answers);
    if a.json {
        print_json(&Saved {
            id: &r.id,
            instrument: &saved.instrument,
            answers: &saved.answers,
            difficulty: saved.difficulty,
            total,
            band,
            safety,
        })?;
    } else {
        out!("{}: {total} ({band})", form.name);
        let t = commands::assessments(&mut v, id)?;
        if let Some(line) = change_line(&t, form) {
            out!("{line}");
        }
        out!("A screening tool, not a diagnosis: worth talking over with your counsellor.");
    }
    if safety {
        // Calm, and on standard error with --json so the JSON stays whole.
        let plan = crisis_lines(&mut v);
        let mut lines = vec![
            "Thank you for answering that honestly. If thoughts of hurting yourself are with you,"
                .to_owned(),
            "you don't have to carry them alone.".to_owned(),
        ];
        if plan.is_empty() {
            lines.push(
                "Please reach out to someone you trust, a crisis line, or your local emergency number."
                    .into(),
            );
        } else {
            lines.push("The people and lines in your crisis plan:".into());
            lines.extend(plan.iter().map(|l| format!("  {l}")));
            lines.push("Or your local emergency number.".into());
        }
        lines.push("Your crisis plan is in Keel, under Crisis plan.".into());
        for l in lines {
            if a.json {
                eprintln!("{l}");
            } else {
                out!("{l}");
            }
        }
    }
    Ok(0)
}

/// The people and lines in the person's crisis plan, `Name  phone`.
fn crisis_lines(v: &mut keel::Vault) -> Vec<String> {
    let Ok(page) = commands::list(
        v,
        keel::dto::ListQuery {
            kinds: vec!["crisis-plan".into()],
            limit: Some(1),
            ..Default::default()
        },
    ) else {
        return Vec::new();
    };
    page.records
        .first()
        .and_then(|r| match &r.body {
            BodyDto::CrisisPlan(p) => Some(
                p.people
                    .iter()
                    .chain(&p.professionals)
                    .map(|c| format!("{}  {}", c.name, c.phone).trim().to_owned())
                    .collect(),
            ),
            _ => None,
        })
        .unwrap_or_default()
}

/// "Down 6 points since 2026-11-14: a meaningful change." for the latest result.
fn change_line(t: &AssessmentTrendDto, form: &instruments::Instrument) -> Option<String> {
    let n = t.points.len();
    let (prev, last) = (t.points.get(n.checked_sub(2)?)?, t.points.last()?);
    let c = last.change?;
    let dir = match c {
        0 => return Some(format!("The same as on {}.", prev.local_date)),
        c if c < 0 => format!("Down {} points", -c),
        c => format!("Up {c} points"),
    };
    Some(if last.meaningful {
        format!(
            "{dir} since {}: a change of {} or more is a meaningful one.",
            prev.local_date, form.meaningful_change
        )
    } else {
        format!("{dir} since {}.", prev.local_date)
    })
}

fn history(ctx: &mut Ctx, instrument: &str, json: bool) -> Result<u8> {
    let form = instruments::get(instrument)?;
    let mut v = ctx.open()?;
    let t = commands::assessments(&mut v, &form.id)?;
    if json {
        print_json(&t)?;
        return Ok(0);
    }
    if t.points.is_empty() {
        out!("No {} answered yet.", form.name);
        return Ok(0);
    }
    for p in &t.points {
        let change = match p.change {
            None => String::new(),
            Some(c) if p.meaningful => format!("  {c:+} (meaningful)"),
            Some(c) => format!("  {c:+}"),
        };
        out!("{}  {:>2}  {}{change}", p.local_date, p.total, p.band);
    }
    Ok(0)
}

/// `keel show` for a questionnaire: the total, each answer with its question.
pub fn print(a: &AssessmentDto) {
    let Ok(form) = instruments::get(&a.instrument) else {
        out!("kind     questionnaire ({})", a.instrument);
        return;
    };
    out!(
        "kind     questionnaire: {}: {} ({})",
        form.name,
        a.total.unwrap_or_default(),
        a.band.as_deref().unwrap_or_default()
    );
    for (i, (item, ans)) in form.items.iter().zip(&a.answers).enumerate() {
        let label = form
            .answers
            .iter()
            .find(|c| c.score == *ans)
            .map_or("", |c| c.label.as_str());
        out!("{:>2}. {item}\n    {ans} {label}", i + 1);
    }
    if let Some(d) = a
        .difficulty
        .and_then(|d| form.difficulty.answers.get(usize::from(d)))
    {
        out!("difficulty  {d}");
    }
    if !a.note.is_empty() {
        out!("\n{}", a.note);
    }
}

/// `keel show` for a thought record: the seven steps, each mood's change.
pub fn print_thought(t: &ThoughtRecordDto) {
    out!("kind     thought record");
    out!("\nSituation\n{}", t.situation);
    if !t.moods.is_empty() {
        out!("\nMoods");
        for m in &t.moods {
            match m.after {
                Some(a) => out!(
                    "  {}  {} → {a} ({:+})",
                    m.name,
                    m.before,
                    i16::from(a) - i16::from(m.before)
                ),
                None => out!("  {}  {}", m.name, m.before),
            }
        }
    }
    if !t.thoughts.is_empty() {
        out!("\nThoughts");
        for th in &t.thoughts {
            out!("  {} {}", if th.hot { "*" } else { "-" }, th.text);
        }
    }
    for (title, text) in [
        ("What supports it", &t.evidence_for),
        ("What doesn't", &t.evidence_against),
        ("A balanced thought", &t.balanced),
    ] {
        if !text.is_empty() {
            out!("\n{title}\n{text}");
        }
    }
    if let Some(b) = t.belief {
        out!("I believe it {b}%");
    }
}

#[derive(Subcommand)]
pub enum DiaryCommand {
    /// A week of diary cards, Monday to Sunday, one day a row.
    Week {
        /// Any day of the week (YYYY-MM-DD); default this week
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

pub fn diary(ctx: &mut Ctx, cmd: DiaryCommand) -> Result<u8> {
    let DiaryCommand::Week { date, json } = cmd;
    let day = date
        .as_deref()
        .map(|d| keel::kinds::fields::date("date", d))
        .transpose()?;
    let mut v = ctx.open()?;
    let day = day.unwrap_or_else(|| v.now().date_naive());
    let w = commands::diary_week(&mut v, day)?;
    if json {
        print_json(&w)?;
        return Ok(0);
    }
    out!("Week of {}", w.start);
    for d in &w.days {
        let day = chrono::NaiveDate::parse_from_str(&d.date, "%Y-%m-%d")
            .map(|x| x.format("%a %-d %b").to_string())
            .unwrap_or_else(|_| d.date.clone());
        match &d.card {
            None => out!("{day:<11} —"),
            Some(c) => out!("{day:<11} {}", card_line(c)),
        }
    }
    Ok(0)
}

/// `To use 3 (acted) · Shame 2 · 2 skills · rating 5 · medication yes`.
fn card_line(c: &DiaryCardDto) -> String {
    let mut parts: Vec<String> = c
        .urges
        .iter()
        .map(|u| match u.acted {
            Some(true) => format!("{} {} (acted)", u.target, u.level),
            _ => format!("{} {}", u.target, u.level),
        })
        .collect();
    parts.extend(c.emotions.iter().map(|e| format!("{} {}", e.name, e.level)));
    match c.skills.len() {
        0 => {}
        1 => parts.push(format!("skill: {}", c.skills[0])),
        n => parts.push(format!("{n} skills")),
    }
    if let Some(r) = c.skills_rating {
        parts.push(format!("rating {r}"));
    }
    if let Some(m) = c.medication {
        parts.push(format!("medication {}", if m { "yes" } else { "no" }));
    }
    if !c.note.is_empty() {
        parts.push(keel::kinds::fields::first_line(&c.note, 40));
    }
    parts.join(" · ")
}
