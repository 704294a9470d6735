//! `keel insights`: what the records say over a span, in words (or `--json`), the figures the
//! app's Insights page draws; `keel on-this-day`: what was written on this date in earlier
//! months and years.

use clap::Args;
use keel::dto::{InsightsDto, InsightsQuery, PointDto};
use keel::{Result, commands};

use crate::ctx::Ctx;
use crate::out;
use crate::output::{print_json, summary_line};

#[derive(Args)]
pub struct InsightsArgs {
    /// 30d, 90d, 1y or all
    #[arg(long, default_value = "90d", value_name = "SPAN")]
    range: String,
    /// day, week or month
    #[arg(long = "by", default_value = "week", value_name = "GROUP")]
    bucket: String,
    #[arg(long)]
    json: bool,
}

fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn mean(x: Option<f64>) -> String {
    x.map(|m| format!("{m:.1}")).unwrap_or_else(|| "–".into())
}

/// The value of a series at a bucket, with its number of check-ins.
fn at(points: &[PointDto], start: &str) -> String {
    match points.iter().find(|p| p.start == start) {
        Some(p) => format!("{:.1} ({})", p.mean, p.n),
        None => "–".into(),
    }
}

pub fn run(ctx: &mut Ctx, a: InsightsArgs) -> Result<u8> {
    let q = InsightsQuery {
        range: a.range,
        bucket: a.bucket,
    };
    let mut v = ctx.open()?;
    let craving = keel::settings::load(&ctx.path.with_file_name("settings.json")).craving_label;
    let craving = if craving.trim().is_empty() {
        "craving".to_owned()
    } else {
        craving.trim().to_lowercase()
    };
    let i = commands::insights(&mut v, q)?;
    if a.json {
        print_json(&i)?;
    } else {
        print(&i, &craving);
    }
    Ok(0)
}

fn print(i: &InsightsDto, craving: &str) {
    let span = match &i.from {
        Some(f) => format!("{f} to {}", i.to),
        None => format!("everything to {}", i.to),
    };
    out!("Insights: {span}, by {}", i.bucket);

    out!("\nStress, mood and {craving} (average, with the number of check-ins)");
    let mut starts: Vec<&str> = i
        .stress
        .iter()
        .chain(&i.mood)
        .chain(&i.craving)
        .map(|p| p.start.as_str())
        .collect();
    starts.sort_unstable();
    starts.dedup();
    if starts.is_empty() {
        out!("  No check-ins in this time.");
    }
    for s in starts.iter().rev() {
        out!(
            "  {s}  stress {}  mood {}  {craving} {}",
            at(&i.stress, s),
            at(&i.mood, s),
            at(&i.craving, s)
        );
    }

    out!("\nWhat helps, on average, for you (distress before minus after)");
    let (ranked, rest): (Vec<_>, Vec<_>) = i.skills.iter().partition(|s| s.ranked);
    for s in &ranked {
        out!(
            "  {}: {}, {} rated; average drop {}, median {}",
            s.name,
            plural(s.uses, "use", "uses"),
            s.n,
            mean(s.mean_drop),
            mean(s.median_drop)
        );
    }
    if ranked.is_empty() {
        out!("  No skill has 3 uses rated before and after yet.");
    }
    if !rest.is_empty() {
        let names: Vec<String> = rest
            .iter()
            .map(|s| format!("{} ({})", s.name, plural(s.uses, "use", "uses")))
            .collect();
        out!("  Not compared yet: {}", names.join(", "));
    }

    out!("\nPatterns (each shows an association, not a cause)");
    for b in &i.sleep {
        let hours = match b.below {
            Some(below) if b.from == 0.0 => format!("under {below} hours"),
            Some(below) => format!("{} to {below} hours", b.from),
            None => format!("{} hours or more", b.from),
        };
        out!(
            "  Sleep {hours}: next day's stress {:.1} ({})",
            b.mean_next_stress,
            plural(b.n, "night", "nights")
        );
    }
    for h in &i.halt {
        out!(
            "  {}: stress {} when yes ({}), {} when not ({})",
            h.answer,
            mean(h.with_mean),
            h.with_n,
            mean(h.without_mean),
            h.without_n
        );
    }
    let hs = &i.high_stress;
    let list = |v: &[keel::dto::CountDto]| {
        v.iter()
            .map(|c| format!("{} {}", c.name, c.n))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out!(
        "  High-stress days (average 7 or more): {}{}{}",
        hs.days,
        if hs.triggers.is_empty() {
            String::new()
        } else {
            format!("; triggers: {}", list(&hs.triggers))
        },
        if hs.contexts.is_empty() {
            String::new()
        } else {
            format!("; where: {}", list(&hs.contexts))
        }
    );

    out!("\nClocks and lapses");
    for c in &i.clocks {
        let runs: Vec<String> = c
            .runs
            .iter()
            .map(|r| {
                if r.ended {
                    format!("{} days", r.days)
                } else {
                    format!("{} days, going on", r.days)
                }
            })
            .collect();
        out!("  {}: {}", c.name, runs.join("; "));
    }
    let lapses: u32 = i.lapses.iter().map(|p| p.n).sum();
    out!(
        "  {} logged in this time",
        plural(lapses, "lapse", "lapses")
    );

    out!("\nQuestionnaires");
    for t in [&i.phq9, &i.gad7] {
        let name = if t.instrument == "phq9" {
            "PHQ-9"
        } else {
            "GAD-7"
        };
        match t.points.last() {
            Some(p) => out!(
                "  {name}: latest {} ({}) on {}{}",
                p.total,
                p.band,
                p.local_date,
                t.overall
                    .map(|o| format!("; {o:+} since the first of {}", t.points.len()))
                    .unwrap_or_default()
            ),
            None => out!("  {name}: none yet"),
        }
    }

    let a = &i.attendance;
    out!(
        "\nAttendance: {} attended, {} missed, {} excused{}",
        a.attended,
        a.missed,
        a.excused,
        a.percent
            .map(|p| format!(" ({p}% of those attended or missed)"))
            .unwrap_or_default()
    );
}

/// `keel on-this-day`.
pub fn on_this_day(ctx: &mut Ctx, json: bool) -> Result<u8> {
    let mut v = ctx.open()?;
    let found = commands::on_this_day(&mut v)?;
    if json {
        print_json(&found)?;
        return Ok(0);
    }
    if found.is_empty() {
        out!("Nothing was written on this date in earlier months or years.");
    }
    for f in &found {
        out!("{}  {}", f.ago, summary_line(&f.record));
    }
    Ok(0)
}
