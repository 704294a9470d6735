//! `keel report`: the counsellor report as a PDF, with only the sections asked for (or, without
//! `--sections`, the choices last saved in the app).

use std::path::PathBuf;

use clap::Args;
use keel::model::{Body, Kind};
use keel::report::ReportRequest;
use keel::vault::Filter;
use keel::{Error, Result, commands};

use crate::ctx::Ctx;
use crate::out;

#[derive(Args)]
pub struct ReportArgs {
    /// First day, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    from: String,
    /// Last day, YYYY-MM-DD (included)
    #[arg(long, value_name = "DATE")]
    to: String,
    /// Comma-separated: checkins, skills, sessions, homework, attendance, questionnaires,
    /// diary, thoughts, lapses, entries (default: the choices last saved in the app)
    #[arg(long, value_name = "A,B,…")]
    sections: Option<String>,
    /// How much of each session note: titles or full
    #[arg(long, value_name = "titles|full")]
    session_notes: Option<String>,
    /// Journal entries to include (ids, comma-separated), for the entries section
    #[arg(long, value_name = "ID,…")]
    entries: Option<String>,
    /// A name to print on the report
    #[arg(long)]
    name: Option<String>,
    /// a4 or letter
    #[arg(long, value_name = "a4|letter")]
    paper: Option<String>,
    #[arg(long, value_name = "FILE.pdf")]
    out: PathBuf,
    /// Replace FILE if it exists.
    #[arg(long)]
    force: bool,
}

fn list(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

pub fn run(ctx: &mut Ctx, a: ReportArgs) -> Result<u8> {
    if a.out.exists() && !a.force {
        return Err(Error::invalid(
            "out",
            "a file is already there (give --force to replace it)",
        ));
    }
    let mut req = ReportRequest {
        from: a.from,
        to: a.to,
        sections: a.sections.as_deref().map(list).unwrap_or_default(),
        session_notes: a.session_notes.clone().unwrap_or_else(|| "titles".into()),
        entries: a.entries.as_deref().map(list).unwrap_or_default(),
        name: a.name.clone().unwrap_or_default(),
        paper: a.paper.clone().unwrap_or_else(|| "a4".into()),
    };
    // With the sections given, everything is checked before the passphrase is asked for.
    if a.sections.is_some() {
        req.check()?;
    }
    let mut v = ctx.open()?;
    if a.sections.is_none() {
        let saved = v
            .list(&Filter {
                kinds: vec![Kind::ReportSetup],
                limit: Some(1),
                ..Default::default()
            })?
            .records
            .into_iter()
            .find_map(|r| match r.body {
                Body::ReportSetup(s) => Some(s),
                _ => None,
            });
        let Some(s) = saved else {
            return Err(Error::invalid(
                "sections",
                "choose them with --sections (checkins, skills, sessions, homework, attendance, \
                 questionnaires, diary, thoughts, lapses, entries)",
            ));
        };
        req.sections = s.sections;
        if a.session_notes.is_none() {
            req.session_notes = if s.full_sessions { "full" } else { "titles" }.into();
        }
        if a.entries.is_none() {
            req.entries = s.entries.iter().map(ToString::to_string).collect();
        }
        if a.name.is_none() {
            req.name = s.name;
        }
        if a.paper.is_none() {
            req.paper = s.paper;
        }
    }
    let label = keel::settings::load(&ctx.path.with_file_name("settings.json")).craving_label;
    let r = commands::report(&mut v, &req, &label)?;
    let pdf = keel::report::pdf::render(&r)?;
    keel::fsx::write_private(&a.out, &pdf.bytes, true, "out")?;
    let pages = pdf.pages;
    eprintln!(
        "keel: the report is not encrypted: anyone who can read {} can read what is in it",
        a.out.display()
    );
    let names: Vec<&str> = r.sections.iter().map(|s| s.heading.as_str()).collect();
    out!(
        "wrote {} ({}; {} page{}): {}",
        a.out.display(),
        r.range,
        pages,
        if pages == 1 { "" } else { "s" },
        names.join(", ")
    );
    Ok(0)
}
