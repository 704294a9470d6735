//! How records and errors read on a terminal, and `--json`.

use keel::dto::{BodyDto, ListPage, RecordDto};
use keel::{Error, Result};

use crate::out;

/// The boundary's field names, as the flags of the handy commands call them.
const FLAGS: &[(&str, &str)] = &[
    ("sleepHours", "--sleep"),
    ("distressBefore", "--before"),
    ("distressAfter", "--after"),
    ("urgeBefore", "--urge-before"),
    ("urgeAfter", "--urge-after"),
    ("skillName", "--skill"),
    ("sessionType", "--type"),
    ("howTo", "--how-to"),
    ("notes", "--note"),
    ("text", "--text"),
];

/// An error for the terminal: a bad field is named with its flag where it has one.
pub fn error_line(e: &Error) -> String {
    if let Error::InvalidInput { field, reason } = e
        && let Some((_, flag)) = FLAGS.iter().find(|(f, _)| f == field)
    {
        return format!("{field} ({flag}): {reason}");
    }
    e.to_string()
}

pub fn print_json<T: serde::Serialize>(v: &T) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    // A closed pipe is not an error worth reporting.
    let _ = serde_json::to_writer_pretty(&mut out, v);
    let _ = writeln!(out);
    Ok(())
}

pub fn print_page(page: &ListPage, json: bool) -> Result<u8> {
    if json {
        print_json(page)?;
    } else {
        for r in &page.records {
            out!("{}", summary_line(r));
        }
        if page.records.is_empty() {
            out!("nothing here");
        }
    }
    if page.damaged.is_empty() {
        return Ok(0);
    }
    eprintln!(
        "keel: {} record(s) could not be opened: {} (run keel verify)",
        page.damaged.len(),
        page.damaged.join(", ")
    );
    Ok(3)
}

pub fn short(id: &str) -> &str {
    &id[..8.min(id.len())]
}

/// `at` as written: date, minutes and offset.
pub fn when(r: &RecordDto) -> String {
    chrono::DateTime::parse_from_rfc3339(&r.at)
        .map(|t| t.format("%Y-%m-%d %H:%M %:z").to_string())
        .unwrap_or_else(|_| r.at.clone())
}

pub fn summary_line(r: &RecordDto) -> String {
    format!(
        "{}  {:<9}  {}  {}",
        when(r),
        r.body.kind().as_str(),
        short(&r.id),
        r.body.summary()
    )
}

pub fn print_record(r: &RecordDto) {
    out!("id       {}", r.id);
    out!("when     {}  (day {})", when(r), r.local_date);
    if let Some(t) = &r.trashed {
        out!("trashed  {t}");
    }
    match &r.body {
        BodyDto::Checkin(c) => crate::checkin::print(c),
        BodyDto::SkillUse(u) => crate::skill::print_use(u),
        BodyDto::Session(s) => crate::session::print(s),
        BodyDto::Journal(j) => crate::journal::print(j),
        BodyDto::Skill(s) => crate::skill::print(s),
        BodyDto::Tracker(t) => crate::tracker::print(t),
        BodyDto::Clock(c) => {
            out!("kind     clock");
            out!("name     {}", c.name);
            out!("since    {}", c.since);
        }
        BodyDto::Lapse(l) => {
            out!("kind     lapse ({})", l.clock_name);
            if !l.what_happened.is_empty() {
                out!("\n{}", l.what_happened);
            }
        }
        BodyDto::Assessment(a) => crate::assess::print(a),
        BodyDto::ThoughtRecord(t) => crate::assess::print_thought(t),
        BodyDto::Unknown(u) => {
            out!(
                "kind     written by a newer version of Keel ({} v{})",
                u.written_as,
                u.version
            );
            out!("         kept as it is; update Keel to read or change it");
        }
        #[allow(unreachable_patterns)]
        other => print_fields(other),
    }
}

/// Any kind without a printer of its own: its fields, one per line.
fn print_fields(b: &BodyDto) {
    out!("kind     {}", b.kind().label());
    if let Ok(serde_json::Value::Object(m)) = serde_json::to_value(b) {
        for (k, v) in m.iter().filter(|(k, _)| *k != "kind") {
            match v {
                serde_json::Value::String(s) if s.is_empty() => {}
                serde_json::Value::String(s) => out!("{k:<8} {s}"),
                serde_json::Value::Null => {}
                v => out!("{k:<8} {v}"),
            }
        }
    }
}
