//! The counsellor report: what the person chose to share over a span of dates, as blocks of
//! text, tables and charts. The app's preview draws these blocks and `pdf` lays the same
//! blocks out on paper, so what is previewed is what is written. Nothing is in a report that
//! was not chosen: each section is built only when asked for, from records in the span (the
//! journal entries only by id).

pub mod pdf;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::{Body, Kind, Record, RecordId};
use crate::vault::{Filter, Vault};

/// What a report covers, as the app and the CLI ask for it. The app keeps the last choice as
/// a `report-setup` record (`crate::kinds::report_setup`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ReportRequest {
    /// First day, `YYYY-MM-DD`.
    pub from: String,
    /// Last day, `YYYY-MM-DD`, included.
    pub to: String,
    /// Section ids (`SECTIONS`), in any order; the report keeps its own order.
    pub sections: Vec<String>,
    /// `titles` or `full`: how much of each session note.
    #[serde(default = "titles")]
    pub session_notes: String,
    /// Journal entries chosen one by one (ids), for the `entries` section.
    #[serde(default)]
    pub entries: Vec<String>,
    /// A name to print on the report, if the person types one.
    #[serde(default)]
    pub name: String,
    /// `a4` or `letter`.
    #[serde(default = "a4")]
    pub paper: String,
}

fn titles() -> String {
    "titles".into()
}

fn a4() -> String {
    "a4".into()
}

/// A report's section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    Checkins,
    Skills,
    Sessions,
    Homework,
    Attendance,
    Questionnaires,
    Diary,
    Thoughts,
    Lapses,
    Entries,
}

/// Every section in the report's order: its id (the CLI's `--sections` word) and heading.
pub const SECTIONS: [(Section, &str, &str); 10] = [
    (Section::Checkins, "checkins", "Check-ins"),
    (Section::Skills, "skills", "Coping skills that helped"),
    (Section::Sessions, "sessions", "Session notes"),
    (Section::Homework, "homework", "Homework and what to bring"),
    (Section::Attendance, "attendance", "Attendance"),
    (Section::Questionnaires, "questionnaires", "Questionnaires"),
    (Section::Diary, "diary", "Diary cards"),
    (Section::Thoughts, "thoughts", "Thought records"),
    (Section::Lapses, "lapses", "Lapses"),
    (Section::Entries, "entries", "Journal entries"),
];

/// Paper sizes, in PDF points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points (1/72 inch).
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// A request, checked: every problem is named by its field before anything is read.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// In the report's order, each once.
    pub sections: Vec<Section>,
    pub full_sessions: bool,
    pub entries: Vec<RecordId>,
    pub name: String,
    pub paper: Paper,
}

/// The longest name printed on a report.
pub const NAME_MAX: usize = 80;
/// The most journal entries one report holds.
pub const ENTRIES_MAX: usize = 200;

impl ReportRequest {
    pub fn check(&self) -> Result<Options> {
        let from = crate::kinds::fields::date("from", &self.from)?;
        let to = crate::kinds::fields::date("to", &self.to)?;
        if to < from {
            return Err(Error::invalid("to", "the last day comes before the first"));
        }
        let mut sections = Vec::new();
        for s in &self.sections {
            let word = s.trim().to_ascii_lowercase();
            let Some((sec, _, _)) = SECTIONS.iter().find(|(_, id, _)| *id == word) else {
                let ids: Vec<&str> = SECTIONS.iter().map(|(_, id, _)| *id).collect();
                return Err(Error::invalid(
                    "sections",
                    format!("choose from {}", ids.join(", ")),
                ));
            };
            sections.push(*sec);
        }
        sections.sort();
        sections.dedup();
        if sections.is_empty() {
            return Err(Error::invalid("sections", "choose at least one section"));
        }
        let full_sessions = match self.session_notes.trim() {
            "titles" => false,
            "full" => true,
            _ => return Err(Error::invalid("sessionNotes", "choose titles or full")),
        };
        let paper = match self.paper.trim().to_ascii_lowercase().as_str() {
            "a4" => Paper::A4,
            "letter" => Paper::Letter,
            _ => return Err(Error::invalid("paper", "choose a4 or letter")),
        };
        let name = self.name.trim().to_owned();
        if name.contains(['\n', '\r']) {
            return Err(Error::invalid("name", "a name is one line"));
        }
        if name.chars().count() > NAME_MAX {
            return Err(Error::invalid(
                "name",
                format!("at most {NAME_MAX} characters"),
            ));
        }
        if self.entries.len() > ENTRIES_MAX {
            return Err(Error::invalid(
                "entries",
                format!("at most {ENTRIES_MAX} entries in one report"),
            ));
        }
        let mut entries = Vec::new();
        for e in &self.entries {
            let id = RecordId::parse(e)
                .map_err(|_| Error::invalid("entries", "an entry's id is 32 hexadecimal digits"))?;
            if !entries.contains(&id) {
                entries.push(id);
            }
        }
        Ok(Options {
            from,
            to,
            sections,
            full_sessions,
            entries,
            name,
            paper,
        })
    }
}

/// A report, ready to preview or lay out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ReportDto {
    pub title: String,
    /// `1 September 2026 to 30 November 2026`.
    pub range: String,
    /// The name the person typed, if any.
    pub name: Option<String>,
    /// `Prepared by the client with Keel on 28 November 2026.`
    pub prepared: String,
    /// `a4` or `letter`.
    pub paper: String,
    pub sections: Vec<ReportSectionDto>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ReportSectionDto {
    /// The section's id (`SECTIONS`).
    pub id: String,
    pub heading: String,
    pub blocks: Vec<BlockDto>,
}

/// One piece of a section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum BlockDto {
    /// A sub-heading: a session's or an entry's title and day.
    Heading {
        text: String,
    },
    Paragraph {
        text: String,
    },
    /// Smaller print: how to read a figure, a credit.
    Note {
        text: String,
    },
    /// Rows of cells under a header row.
    Table {
        caption: String,
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// Lines over labelled points on a 0–`max` scale; `alt` says what it shows in words, and
    /// a table with its numbers follows it.
    Chart {
        title: String,
        alt: String,
        labels: Vec<String>,
        /// Where each label sits across the chart, 0 (the first day) to 1 (the last).
        x: Vec<f64>,
        /// The span's first and last day, for the ends of the axis.
        ends: Vec<String>,
        lines: Vec<ChartLineDto>,
        max: f64,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ChartLineDto {
    pub name: String,
    /// One per label; null where there is nothing to show.
    pub values: Vec<Option<f64>>,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `1 September 2026`.
pub fn long_date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// `Mon 2 Nov 2026`.
fn short_date(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// One decimal place.
fn one(x: f64) -> String {
    format!("{x:.1}")
}

fn times(n: u32) -> String {
    if n == 1 {
        "once".into()
    } else {
        format!("{n} times")
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn nothing() -> BlockDto {
    BlockDto::Paragraph {
        text: "Nothing recorded between these dates.".into(),
    }
}

/// Builds the report from the vault. `craving_label` is the person's word for craving
/// (Settings), `today` the day it is prepared.
pub fn build(
    vault: &mut Vault,
    o: &Options,
    today: NaiveDate,
    craving_label: &str,
) -> Result<ReportDto> {
    // The entries are checked first, so a wrong id fails before any work.
    let entries = chosen_entries(vault, &o.entries)?;
    let in_span = |kinds: Vec<Kind>, vault: &mut Vault| -> Result<Vec<Record>> {
        let mut r = vault
            .list(&Filter {
                kinds,
                since: Some(o.from),
                until: Some(o.to),
                ..Default::default()
            })?
            .records;
        r.sort_by_key(|r| (r.at, r.created));
        Ok(r)
    };
    let mut sections = Vec::new();
    for s in &o.sections {
        let (_, id, heading) = SECTIONS
            .iter()
            .find(|(x, _, _)| x == s)
            .expect("every section is in SECTIONS");
        let blocks = match s {
            Section::Checkins => checkins(&in_span(vec![Kind::Checkin], vault)?, o, craving_label),
            Section::Skills => skills(&in_span(vec![Kind::SkillUse], vault)?),
            Section::Sessions => sessions(&in_span(vec![Kind::Session], vault)?, o.full_sessions),
            Section::Homework => homework(&in_span(
                vec![Kind::Session, Kind::Journal, Kind::Checkin],
                vault,
            )?),
            Section::Attendance => attendance(vault, o, today)?,
            Section::Questionnaires => questionnaires(
                &in_span(vec![Kind::Assessment], vault)?,
                o.from,
                o.to,
                today,
            )?,
            Section::Diary => diary(&in_span(vec![Kind::DiaryCard], vault)?),
            Section::Thoughts => thoughts(&in_span(vec![Kind::ThoughtRecord], vault)?),
            Section::Lapses => lapses(&in_span(vec![Kind::Lapse], vault)?),
            Section::Entries => journal(&entries),
        };
        sections.push(ReportSectionDto {
            id: (*id).to_owned(),
            heading: (*heading).to_owned(),
            blocks,
        });
    }
    Ok(ReportDto {
        title: "Keel report".into(),
        range: format!("{} to {}", long_date(o.from), long_date(o.to)),
        name: (!o.name.is_empty()).then(|| o.name.clone()),
        prepared: format!("Prepared by the client with Keel on {}.", long_date(today)),
        paper: match o.paper {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
        .into(),
        sections,
    })
}

/// The chosen journal entries, oldest first; an id that is not a journal entry (or is in the
/// trash) is named.
fn chosen_entries(vault: &mut Vault, ids: &[RecordId]) -> Result<Vec<Record>> {
    let mut out = Vec::new();
    for id in ids {
        let r = vault
            .get(*id)
            .map_err(|_| Error::invalid("entries", format!("no journal entry {id}")))?;
        if r.trashed.is_some() || !matches!(r.body, Body::Journal(_)) {
            return Err(Error::invalid("entries", format!("no journal entry {id}")));
        }
        out.push(r);
    }
    out.sort_by_key(|r| (r.at, r.created));
    Ok(out)
}

/// `2 Nov`: a day under a chart's axis.
fn axis_day(d: NaiveDate) -> String {
    d.format("%-d %b").to_string()
}

/// How far `d` is across the span, 0 to 1 (a bucket that began before the span sits at 0).
fn across(from: NaiveDate, to: NaiveDate, d: NaiveDate) -> f64 {
    let span = (to - from).num_days();
    if span <= 0 {
        return 0.5;
    }
    ((d - from).num_days() as f64 / span as f64).clamp(0.0, 1.0)
}

/// The grouping a chart over the span uses: days up to a month, weeks up to about half a
/// year, months beyond.
fn bucket_for(o: &Options) -> (crate::insights::Bucket, &'static str) {
    use crate::insights::Bucket;
    let days = (o.to - o.from).num_days() + 1;
    if days <= 31 {
        (Bucket::Day, "Day")
    } else if days <= 190 {
        (Bucket::Week, "Week of")
    } else {
        (Bucket::Month, "Month")
    }
}

fn checkins(records: &[Record], o: &Options, craving_label: &str) -> Vec<BlockDto> {
    use crate::insights::{Metric, series};
    let dated: Vec<(NaiveDate, &crate::kinds::Checkin)> = records
        .iter()
        .filter_map(|r| match &r.body {
            Body::Checkin(c) => Some((r.local_date(), c)),
            _ => None,
        })
        .collect();
    if dated.is_empty() {
        return vec![nothing()];
    }
    let mut days: Vec<NaiveDate> = dated.iter().map(|(d, _)| *d).collect();
    days.dedup();
    let span = (o.to - o.from).num_days() + 1;
    let made = if dated.len() == 1 {
        "1 check-in".to_owned()
    } else {
        format!("{} check-ins", dated.len())
    };
    let mut blocks = vec![BlockDto::Paragraph {
        text: if span == 1 {
            format!("{made} on this day.")
        } else {
            format!("{made} on {} of the {span} days.", days.len())
        },
    }];
    let metrics = [
        (Metric::Stress, "Stress".to_owned()),
        (Metric::Mood, "Mood".to_owned()),
        (Metric::Craving, capitalised(craving_label)),
    ];
    let mut rows = Vec::new();
    for (m, name) in &metrics {
        let vals: Vec<u8> = dated
            .iter()
            .filter_map(|(_, c)| match m {
                Metric::Stress => c.stress,
                Metric::Mood => c.mood,
                Metric::Craving => c.craving,
            })
            .collect();
        if vals.is_empty() {
            continue;
        }
        let sum: f64 = vals.iter().map(|v| f64::from(*v)).sum();
        rows.push(vec![
            name.clone(),
            one(sum / vals.len() as f64),
            vals.iter().min().map(u8::to_string).unwrap_or_default(),
            vals.iter().max().map(u8::to_string).unwrap_or_default(),
            vals.len().to_string(),
        ]);
    }
    blocks.push(BlockDto::Table {
        caption: "Each rated 0 to 10".into(),
        header: vec![
            String::new(),
            "Average".into(),
            "Lowest".into(),
            "Highest".into(),
            "Ratings".into(),
        ],
        rows,
    });
    let (bucket, per) = bucket_for(o);
    let lines: Vec<(String, Vec<crate::insights::Point>)> = metrics
        .iter()
        .map(|(m, name)| (name.clone(), series(&dated, *m, bucket, Some(o.from), o.to)))
        // A measure never rated in the span has no line and no column.
        .filter(|(_, p)| !p.is_empty())
        .collect();
    let mut starts: Vec<NaiveDate> = lines
        .iter()
        .flat_map(|(_, p)| p.iter().map(|x| x.start))
        .collect();
    starts.sort();
    starts.dedup();
    let value = |p: &[crate::insights::Point], s: NaiveDate| {
        p.iter().find(|x| x.start == s).map(|x| x.mean)
    };
    let count = |s: NaiveDate| dated.iter().filter(|(d, _)| bucket.start(*d) == s).count();
    let label = |s: NaiveDate| match bucket {
        crate::insights::Bucket::Month => {
            format!("{} {}", &MONTHS[s.month0() as usize][..3], s.year())
        }
        _ => axis_day(s),
    };
    let names: Vec<String> = lines.iter().map(|(n, _)| n.to_lowercase()).collect();
    blocks.push(BlockDto::Chart {
        title: format!("Average by {}", per.trim_end_matches(" of").to_lowercase()),
        alt: format!(
            "A line chart of average {} by {}, on a scale of 0 to 10; the table below gives each figure.",
            names.join(", "),
            per.trim_end_matches(" of").to_lowercase()
        ),
        labels: starts.iter().map(|s| label(*s)).collect(),
        x: starts.iter().map(|s| across(o.from, o.to, *s)).collect(),
        ends: vec![axis_day(o.from), axis_day(o.to)],
        lines: lines
            .iter()
            .map(|(name, p)| ChartLineDto {
                name: name.clone(),
                values: starts.iter().map(|s| value(p, *s)).collect(),
            })
            .collect(),
        max: 10.0,
    });
    let mut header = vec![per.to_owned()];
    header.extend(lines.iter().map(|(n, _)| n.clone()));
    header.push("Check-ins".into());
    blocks.push(BlockDto::Table {
        caption: "The chart's figures".into(),
        header,
        rows: starts
            .iter()
            .map(|s| {
                let mut row = vec![match bucket {
                    crate::insights::Bucket::Month => {
                        format!("{} {}", MONTHS[s.month0() as usize], s.year())
                    }
                    _ => short_date(*s),
                }];
                row.extend(
                    lines
                        .iter()
                        .map(|(_, p)| value(p, *s).map(one).unwrap_or_else(|| "–".into())),
                );
                row.push(count(*s).to_string());
                row
            })
            .collect(),
    });
    blocks
}

fn skills(records: &[Record]) -> Vec<BlockDto> {
    let uses: Vec<&crate::kinds::SkillUse> = records
        .iter()
        .rev()
        .filter_map(|r| match &r.body {
            Body::SkillUse(u) => Some(u),
            _ => None,
        })
        .collect();
    if uses.is_empty() {
        return vec![nothing()];
    }
    let effects = crate::insights::skill_effects(&uses);
    let (ranked, rest): (Vec<_>, Vec<_>) = effects.iter().partition(|e| e.ranked);
    let mut blocks = Vec::new();
    if ranked.is_empty() {
        blocks.push(BlockDto::Paragraph {
            text: format!(
                "No skill has yet been rated before and after at least {} times, so none is compared.",
                crate::insights::MIN_RANKED
            ),
        });
    } else {
        blocks.push(BlockDto::Table {
            caption: "How much my distress (0 to 10) dropped from before to after".into(),
            header: vec![
                "Skill".into(),
                "Uses".into(),
                "Rated before and after".into(),
                "Average drop".into(),
                "Median drop".into(),
            ],
            rows: ranked
                .iter()
                .map(|e| {
                    vec![
                        e.name.clone(),
                        e.uses.to_string(),
                        e.n.to_string(),
                        e.mean_drop.map(one).unwrap_or_default(),
                        e.median_drop.map(one).unwrap_or_default(),
                    ]
                })
                .collect(),
        });
        blocks.push(BlockDto::Note {
            text: format!(
                "On average, for me. A skill is compared only once it has been rated before and after at least {} times.",
                crate::insights::MIN_RANKED
            ),
        });
    }
    if !rest.is_empty() {
        let list: Vec<String> = rest
            .iter()
            .map(|e| format!("{} ({})", e.name, times(e.uses)))
            .collect();
        blocks.push(BlockDto::Paragraph {
            text: format!("Also used: {}.", list.join(", ")),
        });
    }
    blocks
}

fn session_of(r: &Record) -> Option<&crate::kinds::SessionNote> {
    match &r.body {
        Body::Session(s) => Some(s),
        _ => None,
    }
}

fn sessions(records: &[Record], full: bool) -> Vec<BlockDto> {
    let notes: Vec<(NaiveDate, &crate::kinds::SessionNote)> = records
        .iter()
        .filter_map(|r| session_of(r).map(|s| (r.local_date(), s)))
        .collect();
    if notes.is_empty() {
        return vec![nothing()];
    }
    if !full {
        return vec![BlockDto::Table {
            caption: String::new(),
            header: vec!["Day".into(), "Session".into(), "Kind".into()],
            rows: notes
                .iter()
                .map(|(d, s)| {
                    vec![
                        short_date(*d),
                        s.title.clone(),
                        capitalised(s.session_type.as_str()),
                    ]
                })
                .collect(),
        }];
    }
    let mut blocks = Vec::new();
    for (d, s) in notes {
        blocks.push(BlockDto::Heading {
            text: format!("{}: {}", short_date(d), s.title),
        });
        let mut about = capitalised(s.session_type.as_str());
        if !s.facilitator.trim().is_empty() {
            about.push_str(&format!(", with {}", s.facilitator.trim()));
        }
        blocks.push(BlockDto::Note { text: about });
        if !s.notes.trim().is_empty() {
            blocks.push(BlockDto::Paragraph {
                text: s.notes.trim().to_owned(),
            });
        }
        if !s.takeaways.trim().is_empty() {
            blocks.push(BlockDto::Paragraph {
                text: format!("What I took away: {}", s.takeaways.trim()),
            });
        }
    }
    blocks
}

fn homework(records: &[Record]) -> Vec<BlockDto> {
    let mut work = Vec::new();
    let mut bring = Vec::new();
    let mut marked = Vec::new();
    for r in records {
        let day = short_date(r.local_date());
        match &r.body {
            Body::Session(s) => {
                for h in &s.homework {
                    work.push(vec![
                        day.clone(),
                        s.title.clone(),
                        h.text.clone(),
                        if h.done { "Done" } else { "Not yet" }.into(),
                    ]);
                }
                for b in &s.bring {
                    bring.push(vec![day.clone(), s.title.clone(), b.text.clone()]);
                }
            }
            Body::Journal(j) if j.bring => marked.push(if j.title.trim().is_empty() {
                format!("a journal entry ({day})")
            } else {
                format!(
                    "the journal entry \u{201c}{}\u{201d} ({day})",
                    j.title.trim()
                )
            }),
            Body::Checkin(c) if c.bring => marked.push(format!("a check-in ({day})")),
            _ => {}
        }
    }
    if work.is_empty() && bring.is_empty() && marked.is_empty() {
        return vec![nothing()];
    }
    let mut blocks = Vec::new();
    if !work.is_empty() {
        blocks.push(BlockDto::Table {
            caption: "Homework".into(),
            header: vec![
                "Day".into(),
                "Session".into(),
                "Homework".into(),
                "Done".into(),
            ],
            rows: work,
        });
    }
    if !bring.is_empty() {
        blocks.push(BlockDto::Table {
            caption: "To bring".into(),
            header: vec!["Day".into(), "Session".into(), "To bring".into()],
            rows: bring,
        });
    }
    if !marked.is_empty() {
        blocks.push(BlockDto::Paragraph {
            text: format!("I marked to bring up: {}.", marked.join("; ")),
        });
    }
    blocks
}

fn attendance(vault: &mut Vault, o: &Options, today: NaiveDate) -> Result<Vec<BlockDto>> {
    let records = crate::commands::schedule_records(vault)?;
    let agenda = crate::commands::agenda_of(&records, o.from, o.to, today);
    let now = vault.now().naive_local();
    let past: Vec<&crate::schedule::Session> = agenda.iter().filter(|s| s.start <= now).collect();
    if past.is_empty() {
        return Ok(vec![nothing()]);
    }
    let a = crate::schedule::attendance(&agenda, now);
    let mut blocks = vec![BlockDto::Table {
        caption: String::new(),
        header: vec![
            "Attended".into(),
            "Missed".into(),
            "Excused".into(),
            "Not marked".into(),
            "Attended of those marked".into(),
        ],
        rows: vec![vec![
            a.attended.to_string(),
            a.missed.to_string(),
            a.excused.to_string(),
            a.unmarked.to_string(),
            a.percent()
                .map(|p| format!("{p}%"))
                .unwrap_or_else(|| "–".into()),
        ]],
    }];
    blocks.push(BlockDto::Table {
        caption: "Each session".into(),
        header: vec!["Day".into(), "Session".into(), "Marked".into()],
        rows: past
            .iter()
            .map(|s| {
                let mark = if s.cancelled {
                    "Cancelled"
                } else {
                    match s.attendance {
                        Some(crate::kinds::Attendance::Attended) => "Attended",
                        Some(crate::kinds::Attendance::Missed) => "Missed",
                        Some(crate::kinds::Attendance::Excused) => "Excused",
                        None => "Not marked",
                    }
                };
                vec![short_date(s.date), s.title.clone(), mark.into()]
            })
            .collect(),
    });
    Ok(blocks)
}

fn questionnaires(
    records: &[Record],
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<BlockDto>> {
    let mut blocks = Vec::new();
    for id in ["phq9", "gad7"] {
        let form = crate::instruments::get(id)?;
        let trend = crate::commands::trend_of(records, form, today);
        if trend.points.is_empty() {
            continue;
        }
        let max = f64::from(form.max_total());
        blocks.push(BlockDto::Heading {
            text: form.name.clone(),
        });
        if trend.points.len() > 1 {
            blocks.push(BlockDto::Chart {
                title: format!("{} totals", form.name),
                alt: format!(
                    "A line chart of {} totals over time, on a scale of 0 to {}; the table below gives each one.",
                    form.name,
                    form.max_total()
                ),
                labels: trend
                    .points
                    .iter()
                    .map(|p| {
                        p.local_date
                            .parse::<NaiveDate>()
                            .map(axis_day)
                            .unwrap_or_default()
                    })
                    .collect(),
                ends: vec![axis_day(from), axis_day(to)],
                x: trend
                    .points
                    .iter()
                    .map(|p| {
                        p.local_date
                            .parse::<NaiveDate>()
                            .map(|d| across(from, to, d))
                            .unwrap_or(0.0)
                    })
                    .collect(),
                lines: vec![ChartLineDto {
                    name: form.name.clone(),
                    values: trend.points.iter().map(|p| Some(f64::from(p.total))).collect(),
                }],
                max,
            });
        }
        blocks.push(BlockDto::Table {
            caption: format!("{} results", form.name),
            header: vec!["Day".into(), "Total".into(), "Band".into(), "Change".into()],
            rows: trend
                .points
                .iter()
                .map(|p| {
                    let day = p
                        .local_date
                        .parse::<NaiveDate>()
                        .map(short_date)
                        .unwrap_or_default();
                    let change = match p.change {
                        None => "–".to_owned(),
                        Some(c) => {
                            let mut s = format!("{c:+}");
                            if p.meaningful {
                                s.push_str(" (meaningful)");
                            }
                            s
                        }
                    };
                    vec![day, p.total.to_string(), capitalised(&p.band), change]
                })
                .collect(),
        });
        blocks.push(BlockDto::Note {
            text: format!(
                "A change of {} points or more counts as meaningful. {}",
                form.meaningful_change, form.credit
            ),
        });
    }
    if blocks.is_empty() {
        return Ok(vec![nothing()]);
    }
    blocks.push(BlockDto::Note {
        text: "These questionnaires are screening tools, not a diagnosis.".into(),
    });
    Ok(blocks)
}

fn diary(records: &[Record]) -> Vec<BlockDto> {
    // The latest card for a day is that day's card.
    let mut cards: std::collections::BTreeMap<NaiveDate, &crate::kinds::DiaryCard> =
        std::collections::BTreeMap::new();
    for r in records {
        if let Body::DiaryCard(c) = &r.body {
            cards.insert(c.date, c);
        }
    }
    if cards.is_empty() {
        return vec![nothing()];
    }
    let rows = cards
        .iter()
        .map(|(d, c)| {
            let urges: Vec<String> = c
                .urges
                .iter()
                .map(|u| {
                    let acted = match u.acted {
                        Some(true) => ", acted on",
                        _ => "",
                    };
                    format!("{} {}{}", u.target, u.level, acted)
                })
                .collect();
            let emotions: Vec<String> = c
                .emotions
                .iter()
                .map(|e| format!("{} {}", e.name, e.level))
                .collect();
            vec![
                short_date(*d),
                urges.join("; "),
                emotions.join("; "),
                c.skills.join(", "),
                c.skills_rating.map(|r| r.to_string()).unwrap_or_default(),
                match c.medication {
                    Some(true) => "Yes",
                    Some(false) => "No",
                    None => "",
                }
                .into(),
            ]
        })
        .collect();
    vec![BlockDto::Table {
        caption: "Urges and emotions 0 to 5; skills use 0 to 7".into(),
        header: vec![
            "Day".into(),
            "Urges".into(),
            "Emotions".into(),
            "Skills".into(),
            "Skills use".into(),
            "Medication".into(),
        ],
        rows,
    }]
}

fn thoughts(records: &[Record]) -> Vec<BlockDto> {
    let mut blocks = Vec::new();
    for r in records {
        let Body::ThoughtRecord(t) = &r.body else {
            continue;
        };
        blocks.push(BlockDto::Heading {
            text: short_date(r.local_date()),
        });
        blocks.push(BlockDto::Paragraph {
            text: format!("Situation: {}", t.situation.trim()),
        });
        if !t.moods.is_empty() {
            let moods: Vec<String> = t
                .moods
                .iter()
                .map(|m| match m.after {
                    Some(a) => format!("{} from {} to {}", m.name, m.before, a),
                    None => format!("{} {}", m.name, m.before),
                })
                .collect();
            blocks.push(BlockDto::Paragraph {
                text: format!("Moods (0 to 100): {}", moods.join("; ")),
            });
        }
        for th in &t.thoughts {
            blocks.push(BlockDto::Paragraph {
                text: if th.hot {
                    format!("Hot thought: {}", th.text.trim())
                } else {
                    format!("Thought: {}", th.text.trim())
                },
            });
        }
        for (label, text) in [
            ("Evidence for", &t.evidence_for),
            ("Evidence against", &t.evidence_against),
            ("Balanced thought", &t.balanced),
        ] {
            if !text.trim().is_empty() {
                blocks.push(BlockDto::Paragraph {
                    text: format!("{label}: {}", text.trim()),
                });
            }
        }
        if let Some(b) = t.belief {
            blocks.push(BlockDto::Paragraph {
                text: format!("How much I believe it: {b}%"),
            });
        }
    }
    if blocks.is_empty() {
        return vec![nothing()];
    }
    blocks
}

fn lapses(records: &[Record]) -> Vec<BlockDto> {
    let mut blocks = Vec::new();
    for r in records {
        let Body::Lapse(l) = &r.body else { continue };
        let mut head = short_date(r.local_date());
        if !l.clock_name.trim().is_empty() {
            head.push_str(&format!(": {}", l.clock_name.trim()));
        }
        blocks.push(BlockDto::Heading { text: head });
        let mut halt = Vec::new();
        for (said, word) in [
            (l.halt.hungry, "hungry"),
            (l.halt.angry, "angry"),
            (l.halt.lonely, "lonely"),
            (l.halt.tired, "tired"),
        ] {
            if said {
                halt.push(word);
            }
        }
        let lines = [
            ("What happened", l.what_happened.trim().to_owned()),
            ("Triggers", l.triggers.join(", ")),
            ("I was", halt.join(", ")),
            ("Where", l.place.trim().to_owned()),
            ("With", l.people.join(", ")),
            ("What helped", l.helped.trim().to_owned()),
            ("Next time", l.next_time.trim().to_owned()),
        ];
        for (label, text) in lines {
            if !text.is_empty() {
                blocks.push(BlockDto::Paragraph {
                    text: format!("{label}: {text}"),
                });
            }
        }
    }
    if blocks.is_empty() {
        return vec![nothing()];
    }
    blocks
}

fn journal(entries: &[Record]) -> Vec<BlockDto> {
    let mut blocks = Vec::new();
    for r in entries {
        let Body::Journal(j) = &r.body else { continue };
        let day = short_date(r.local_date());
        blocks.push(BlockDto::Heading {
            text: if j.title.trim().is_empty() {
                day
            } else {
                format!("{day}: {}", j.title.trim())
            },
        });
        if !j.prompt.trim().is_empty() {
            blocks.push(BlockDto::Note {
                text: j.prompt.trim().to_owned(),
            });
        }
        for para in j
            .text
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            blocks.push(BlockDto::Paragraph { text: para.into() });
        }
    }
    if blocks.is_empty() {
        return vec![BlockDto::Paragraph {
            text: "No journal entries were chosen.".into(),
        }];
    }
    blocks
}
