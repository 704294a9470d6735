//! `keel`: the command line over the engine's commands. Exit status: 0 done; 1 bad input or
//! usage; 2 wrong passphrase or recovery key; 3 a damaged or tampered record or vault; 4 the
//! vault is missing or from a newer version.

use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Parser, Subcommand};
use keel::clock::SystemClock;
use keel::commands;
use keel::crypto::Passphrase;
use keel::dto::*;
use keel::{Error, Result, Vault};
use zeroize::Zeroizing;

/// Like `println!`, but a closed pipe (`keel list | head`) ends output quietly, not in a panic.
macro_rules! out {
    ($($t:tt)*) => {{
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}

#[derive(Parser)]
#[command(
    name = "keel",
    version,
    about = "Keel: a private journal and recovery tracker"
)]
struct Cli {
    /// The vault file (default: $KEEL_VAULT, else the app's data folder).
    #[arg(long, global = true, value_name = "PATH")]
    vault: Option<PathBuf>,
    /// Read the passphrase (and any new passphrase or recovery key) from standard input, one per line.
    #[arg(long, global = true)]
    passphrase_stdin: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a vault and print its recovery key once.
    Init {
        #[arg(long)]
        json: bool,
    },
    /// Record a stress check-in.
    Checkin(CheckinArgs),
    /// The coping-skill library and its use.
    #[command(subcommand)]
    Skill(SkillCommand),
    /// IOP session notes.
    #[command(subcommand)]
    Session(SessionCommand),
    /// Journal entries.
    #[command(subcommand)]
    Journal(JournalCommand),
    /// List entries, newest first.
    List(ListArgs),
    /// Show one record.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Search every text field (case-insensitive), newest first.
    Search {
        text: String,
        #[arg(long)]
        json: bool,
    },
    /// Move a record to the trash.
    Delete { id: String },
    /// Bring a record back from the trash.
    Restore { id: String },
    /// Remove a record for good.
    Purge { id: String },
    /// Write everything to a JSON file (docs/export-format.md).
    Export {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Change the passphrase.
    Passwd,
    /// Set a new passphrase with the recovery key.
    Recover,
    /// Open every record and report any that fail.
    Verify {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
struct CheckinArgs {
    /// Stress, 0–10.
    #[arg(long)]
    stress: u8,
    /// Mood, 0–10.
    #[arg(long)]
    mood: Option<u8>,
    /// Craving, 0–10.
    #[arg(long)]
    craving: Option<u8>,
    /// Hours slept.
    #[arg(long, value_name = "HOURS")]
    sleep: Option<f32>,
    /// Any of hungry,angry,lonely,tired.
    #[arg(long, value_name = "FLAGS")]
    halt: Option<String>,
    #[arg(long = "emotion", value_name = "E")]
    emotions: Vec<String>,
    #[arg(long = "trigger", value_name = "T")]
    triggers: Vec<String>,
    /// work, home, commute, social or other.
    #[arg(long)]
    context: Option<String>,
    #[arg(long)]
    note: Option<String>,
    /// When it happened (RFC 3339); default now.
    #[arg(long, value_name = "RFC3339")]
    at: Option<String>,
}

#[derive(Subcommand)]
enum SkillCommand {
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
        #[arg(long)]
        before: u8,
        #[arg(long)]
        after: u8,
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

#[derive(Subcommand)]
enum SessionCommand {
    /// Add a session note.
    Add {
        /// individual, group, psychoeducation, skills, family, medication, peer or other.
        #[arg(long = "type", value_name = "TYPE")]
        session_type: String,
        #[arg(long)]
        title: String,
        #[arg(long)]
        facilitator: Option<String>,
        #[arg(long, conflicts_with = "note_file")]
        note: Option<String>,
        /// Read the notes (Markdown) from a file, or `-` for standard input.
        #[arg(long, value_name = "FILE")]
        note_file: Option<String>,
        #[arg(long)]
        takeaways: Option<String>,
        #[arg(long = "homework", value_name = "ITEM")]
        homework: Vec<String>,
        #[arg(long = "bring", value_name = "ITEM")]
        bring: Vec<String>,
        /// The session was missed.
        #[arg(long)]
        missed: bool,
        #[arg(long, value_name = "RFC3339")]
        at: Option<String>,
    },
}

#[derive(Subcommand)]
enum JournalCommand {
    /// Add a journal entry.
    Add {
        #[arg(long)]
        title: Option<String>,
        #[arg(long, conflicts_with = "file", required_unless_present = "file")]
        text: Option<String>,
        /// Read the text from a file, or `-` for standard input.
        #[arg(long, value_name = "FILE")]
        file: Option<String>,
        #[arg(long)]
        prompt: Option<String>,
        #[arg(long = "tag", value_name = "T")]
        tags: Vec<String>,
        #[arg(long, value_name = "RFC3339")]
        at: Option<String>,
    },
}

#[derive(Args)]
struct ListArgs {
    /// checkin, skill-use, session or journal.
    #[arg(long)]
    kind: Option<String>,
    /// First local day, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Last local day, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    #[arg(long)]
    tag: Option<String>,
    /// The trash instead.
    #[arg(long)]
    trash: bool,
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 1 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("keel: {e}");
            ExitCode::from(exit_code(&e))
        }
    }
}

fn exit_code(e: &Error) -> u8 {
    match e {
        Error::WrongPassphrase | Error::WrongRecoveryKey | Error::RecoveryKeyMistyped { .. } => 2,
        Error::RecordTampered { .. } | Error::VaultDamaged { .. } | Error::WeakKdfParameters => 3,
        Error::VaultMissing | Error::VaultFromNewerVersion { .. } => 4,
        _ => 1,
    }
}

/// Where passphrases come from: standard input (one per line), the environment, or a prompt.
struct Secrets {
    stdin: bool,
    lines: Option<std::io::Lines<std::io::StdinLock<'static>>>,
}

impl Secrets {
    fn next_line(&mut self) -> Result<Zeroizing<String>> {
        let lines = self
            .lines
            .get_or_insert_with(|| std::io::stdin().lock().lines());
        match lines.next() {
            Some(Ok(l)) => Ok(Zeroizing::new(l.trim_end_matches('\r').to_owned())),
            _ => Err(Error::invalid(
                "passphrase",
                "standard input ended before every passphrase was read",
            )),
        }
    }

    /// A secret: `--passphrase-stdin`, else `$env`, else a prompt without echo.
    fn get(&mut self, env: &str, prompt: &str) -> Result<Zeroizing<String>> {
        if self.stdin {
            return self.next_line();
        }
        if let Ok(v) = std::env::var(env) {
            return Ok(Zeroizing::new(v));
        }
        if std::io::stdin().is_terminal() {
            return rpassword::prompt_password(prompt)
                .map(Zeroizing::new)
                .map_err(Error::Io);
        }
        Err(Error::invalid(
            "passphrase",
            format!("no terminal to ask on: set {env} or use --passphrase-stdin"),
        ))
    }

    fn passphrase(&mut self) -> Result<Passphrase> {
        let s = self.get("KEEL_PASSPHRASE", "Passphrase: ")?;
        Ok(Passphrase::new(s.to_string()))
    }

    /// A new passphrase, asked twice on a terminal.
    fn new_passphrase(&mut self, env: &str) -> Result<Passphrase> {
        let interactive = !self.stdin && std::env::var_os(env).is_none();
        let first = self.get(env, "New passphrase: ")?;
        if interactive {
            let again = self.get(env, "Repeat the new passphrase: ")?;
            if *again != *first {
                return Err(Error::invalid("passphrase", "the two passphrases differ"));
            }
        }
        Ok(Passphrase::new(first.to_string()))
    }
}

struct Ctx {
    path: PathBuf,
    secrets: Secrets,
}

impl Ctx {
    fn open(&mut self) -> Result<Vault> {
        if !self.path.is_file() {
            return Err(Error::VaultMissing);
        }
        let pass = self.secrets.passphrase()?;
        commands::unlock(&self.path, &pass, Arc::new(SystemClock))
    }

    /// Text given inline, or read from a file or `-` (standard input).
    fn text_from(
        &self,
        field: &'static str,
        inline: Option<String>,
        file: Option<&str>,
    ) -> Result<String> {
        match (inline, file) {
            (Some(t), _) => Ok(t),
            (None, Some("-")) => {
                if self.secrets.stdin {
                    return Err(Error::invalid(
                        field,
                        "standard input is already used for the passphrase",
                    ));
                }
                let mut s = String::new();
                std::io::stdin()
                    .read_to_string(&mut s)
                    .map_err(|_| Error::invalid(field, "standard input is not UTF-8 text"))?;
                Ok(s)
            }
            (None, Some(f)) => std::fs::read_to_string(f).map_err(|e| {
                Error::invalid(field, format!("cannot read that file ({})", e.kind()))
            }),
            (None, None) => Ok(String::new()),
        }
    }
}

fn run(cli: Cli) -> Result<u8> {
    let path = match cli.vault.or_else(keel::paths::default_vault_path) {
        Some(p) => p,
        None => {
            return Err(Error::invalid(
                "vault",
                "no data folder on this system: give --vault PATH or set KEEL_VAULT",
            ));
        }
    };
    let mut ctx = Ctx {
        path,
        secrets: Secrets {
            stdin: cli.passphrase_stdin,
            lines: None,
        },
    };
    match cli.command {
        Command::Init { json } => init(&mut ctx, json),
        Command::Checkin(a) => {
            let body = BodyDto::Checkin(CheckinDto {
                stress: a.stress,
                mood: a.mood,
                craving: a.craving,
                sleep_hours: a.sleep,
                halt: halt(a.halt.as_deref())?,
                emotions: a.emotions,
                triggers: a.triggers,
                context: a.context,
                note: a.note.unwrap_or_default(),
            });
            add(&mut ctx, body, a.at)
        }
        Command::Skill(s) => skill(&mut ctx, s),
        Command::Session(SessionCommand::Add {
            session_type,
            title,
            facilitator,
            note,
            note_file,
            takeaways,
            homework,
            bring,
            missed,
            at,
        }) => {
            let notes = ctx.text_from("notes", note, note_file.as_deref())?;
            let items = |v: Vec<String>| {
                v.into_iter()
                    .map(|text| ItemDto { text, done: false })
                    .collect()
            };
            let body = BodyDto::Session(SessionDto {
                session_type,
                title,
                facilitator: facilitator.unwrap_or_default(),
                notes,
                takeaways: takeaways.unwrap_or_default(),
                homework: items(homework),
                bring: items(bring),
                attended: !missed,
            });
            add(&mut ctx, body, at)
        }
        Command::Journal(JournalCommand::Add {
            title,
            text,
            file,
            prompt,
            tags,
            at,
        }) => {
            let text = ctx.text_from("text", text, file.as_deref())?;
            let body = BodyDto::Journal(JournalDto {
                title: title.unwrap_or_default(),
                prompt: prompt.unwrap_or_default(),
                text,
                tags,
            });
            add(&mut ctx, body, at)
        }
        Command::List(a) => {
            let mut v = ctx.open()?;
            let page = commands::list(
                &mut v,
                ListQuery {
                    kinds: a.kind.into_iter().collect(),
                    since: a.since,
                    until: a.until,
                    tag: a.tag,
                    trash: a.trash,
                    ..Default::default()
                },
            )?;
            print_page(&page, a.json)
        }
        Command::Show { id, json } => {
            let mut v = ctx.open()?;
            let r = commands::get(&mut v, &id)?;
            if json {
                print_json(&r)?;
            } else {
                print_record(&r);
            }
            Ok(0)
        }
        Command::Search { text, json } => {
            let mut v = ctx.open()?;
            let page = commands::search(&mut v, SearchQuery { text, limit: None })?;
            print_page(&page, json)
        }
        Command::Delete { id } => {
            let mut v = ctx.open()?;
            let r = commands::delete(&mut v, &id)?;
            out!(
                "moved {} to the trash (keel restore {} brings it back)",
                r.id,
                short(&r.id)
            );
            Ok(0)
        }
        Command::Restore { id } => {
            let mut v = ctx.open()?;
            let r = commands::restore(&mut v, &id)?;
            out!("restored {}", r.id);
            Ok(0)
        }
        Command::Purge { id } => {
            let mut v = ctx.open()?;
            commands::purge(&mut v, &id)?;
            out!("removed for good");
            Ok(0)
        }
        Command::Export { out, force } => {
            let mut v = ctx.open()?;
            let doc = commands::export(&mut v)?;
            write_export(&out, &doc, force)?;
            out!(
                "exported {} records to {}",
                doc.records.len(),
                out.display()
            );
            Ok(if doc.damaged.is_empty() { 0 } else { 3 })
        }
        Command::Passwd => {
            if !ctx.path.is_file() {
                return Err(Error::VaultMissing);
            }
            let current = ctx.secrets.passphrase()?;
            let mut v = commands::unlock(&ctx.path, &current, Arc::new(SystemClock))?;
            let new = ctx.secrets.new_passphrase("KEEL_NEW_PASSPHRASE")?;
            commands::change_passphrase(&mut v, &current, &new)?;
            out!("passphrase changed");
            Ok(0)
        }
        Command::Recover => {
            if !ctx.path.is_file() {
                return Err(Error::VaultMissing);
            }
            let key = ctx.secrets.get("KEEL_RECOVERY_KEY", "Recovery key: ")?;
            // Check the key's groups before asking for a new passphrase.
            keel::recovery::RecoveryKey::parse(&key)?;
            let new = ctx.secrets.new_passphrase("KEEL_NEW_PASSPHRASE")?;
            commands::recover(&ctx.path, &key, &new, Arc::new(SystemClock))?;
            out!("new passphrase set; the vault opens with it now");
            Ok(0)
        }
        Command::Verify { json } => {
            let mut v = ctx.open()?;
            let r = commands::verify(&mut v)?;
            if json {
                print_json(&r)?;
            } else if r.damaged.is_empty() && r.database_ok && r.manifest_ok {
                out!("checked {} records: every one opens", r.checked);
            } else {
                if !r.database_ok {
                    out!("SQLite reports damage in the vault file");
                }
                if !r.manifest_ok {
                    out!(
                        "the records differ from the set Keel last saved: one was put back \
                         from an older copy, or removed, outside Keel"
                    );
                }
                out!(
                    "checked {} records: {} could not be opened",
                    r.checked,
                    r.damaged.len()
                );
                for id in &r.damaged {
                    out!("damaged {id}");
                }
            }
            Ok(if r.damaged.is_empty() && r.database_ok && r.manifest_ok {
                0
            } else {
                3
            })
        }
    }
}

fn init(ctx: &mut Ctx, json: bool) -> Result<u8> {
    if ctx.path.exists() {
        return Err(Error::VaultExists);
    }
    let pass = ctx.secrets.new_passphrase("KEEL_PASSPHRASE")?;
    let created = commands::create(&ctx.path, &pass, Arc::new(SystemClock))?;
    let key = Zeroizing::new(created.recovery_groups.join("-"));
    if json {
        out!(
            "{}",
            serde_json::json!({ "vault": ctx.path.display().to_string(), "recoveryKey": *key })
        );
    } else {
        out!("Created a vault at {}", ctx.path.display());
        out!("");
        out!("Your recovery key, shown this once. Write it down and keep it apart from this");
        out!("computer: with it you can set a new passphrase; without both, nobody can.");
        out!("");
        for row in created.recovery_groups.chunks(5) {
            out!("    {}", row.join("  "));
        }
        out!("");
    }
    Ok(0)
}

fn add(ctx: &mut Ctx, body: BodyDto, at: Option<String>) -> Result<u8> {
    // Check the input before asking for a passphrase (and paying for the key derivation).
    let probe = NewRecord { at, body };
    if let Some(at) = &probe.at {
        parse_time("at", at)?;
    }
    let mut b = keel::model::Body::try_from(probe.body.clone())?;
    b.validate()?;
    let mut v = ctx.open()?;
    let r = commands::add(&mut v, probe)?;
    out!("{}", r.id);
    Ok(0)
}

fn skill(ctx: &mut Ctx, cmd: SkillCommand) -> Result<u8> {
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
            add(ctx, body, None)
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

fn halt(s: Option<&str>) -> Result<HaltDto> {
    let h = keel::model::Halt::parse_list(s.unwrap_or(""))?;
    Ok(HaltDto {
        hungry: h.hungry,
        angry: h.angry,
        lonely: h.lonely,
        tired: h.tired,
    })
}

fn print_json<T: serde::Serialize>(v: &T) -> Result<()> {
    let mut out = std::io::stdout().lock();
    // A closed pipe is not an error worth reporting.
    let _ = serde_json::to_writer_pretty(&mut out, v);
    let _ = writeln!(out);
    Ok(())
}

fn print_page(page: &ListPage, json: bool) -> Result<u8> {
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

fn short(id: &str) -> &str {
    &id[..8.min(id.len())]
}

fn first_line(s: &str, max: usize) -> String {
    let line = s
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    if line.chars().count() > max {
        format!("{}…", line.chars().take(max).collect::<String>())
    } else {
        line.to_owned()
    }
}

fn when(r: &RecordDto) -> String {
    // `at` is RFC 3339: show date, minutes and offset as written.
    chrono::DateTime::parse_from_rfc3339(&r.at)
        .map(|t| t.format("%Y-%m-%d %H:%M %:z").to_string())
        .unwrap_or_else(|_| r.at.clone())
}

fn summary_line(r: &RecordDto) -> String {
    let (kind, text) = match &r.body {
        BodyDto::Checkin(c) => {
            let mut parts = vec![format!("stress {}", c.stress)];
            parts.extend(c.mood.map(|m| format!("mood {m}")));
            parts.extend(c.craving.map(|m| format!("craving {m}")));
            if !c.note.is_empty() {
                parts.push(first_line(&c.note, 50));
            }
            ("checkin", parts.join(" · "))
        }
        BodyDto::SkillUse(u) => (
            "skill-use",
            format!(
                "{} · {} → {}",
                u.skill_name, u.distress_before, u.distress_after
            ),
        ),
        BodyDto::Session(s) => ("session", format!("{} · {}", s.session_type, s.title)),
        BodyDto::Journal(j) => (
            "journal",
            if j.title.is_empty() {
                first_line(&j.text, 60)
            } else {
                j.title.clone()
            },
        ),
        BodyDto::Skill(s) => ("skill", s.name.clone()),
    };
    format!("{}  {:<9}  {}  {}", when(r), kind, short(&r.id), text)
}

fn print_record(r: &RecordDto) {
    out!("id       {}", r.id);
    out!("when     {}  (day {})", when(r), r.local_date);
    if let Some(t) = &r.trashed {
        out!("trashed  {t}");
    }
    match &r.body {
        BodyDto::Checkin(c) => {
            out!("kind     check-in");
            out!("stress   {}", c.stress);
            if let Some(m) = c.mood {
                out!("mood     {m}");
            }
            if let Some(m) = c.craving {
                out!("craving  {m}");
            }
            if let Some(s) = c.sleep_hours {
                out!("sleep    {s} h");
            }
            let halt: Vec<&str> = [
                (c.halt.hungry, "hungry"),
                (c.halt.angry, "angry"),
                (c.halt.lonely, "lonely"),
                (c.halt.tired, "tired"),
            ]
            .into_iter()
            .filter_map(|(on, n)| on.then_some(n))
            .collect();
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
            if !c.note.is_empty() {
                out!("\n{}", c.note);
            }
        }
        BodyDto::SkillUse(u) => {
            out!("kind     coping skill");
            out!("skill    {}", u.skill_name);
            out!("distress {} → {}", u.distress_before, u.distress_after);
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
        BodyDto::Session(s) => {
            out!("kind     session ({})", s.session_type);
            out!("title    {}", s.title);
            if !s.facilitator.is_empty() {
                out!("with     {}", s.facilitator);
            }
            out!("attended {}", if s.attended { "yes" } else { "no" });
            if !s.notes.is_empty() {
                out!("\n{}", s.notes);
            }
            if !s.takeaways.is_empty() {
                out!("\ntakeaways\n{}", s.takeaways);
            }
            for (label, items) in [("homework", &s.homework), ("bring", &s.bring)] {
                if !items.is_empty() {
                    out!("\n{label}");
                    for i in items {
                        out!("  [{}] {}", if i.done { "x" } else { " " }, i.text);
                    }
                }
            }
        }
        BodyDto::Journal(j) => {
            out!("kind     journal");
            if !j.title.is_empty() {
                out!("title    {}", j.title);
            }
            if !j.tags.is_empty() {
                out!("tags     {}", j.tags.join(", "));
            }
            if !j.prompt.is_empty() {
                out!("prompt   {}", j.prompt);
            }
            out!("\n{}", j.text);
        }
        BodyDto::Skill(s) => {
            out!("kind     skill ({})", s.category);
            out!("name     {}", s.name);
            out!("\n{}", s.how_to);
        }
    }
}

/// Writes next to the target then renames, so a crash never leaves half an export; the file
/// is readable by its owner only.
fn write_export(out: &Path, doc: &ExportDocument, force: bool) -> Result<()> {
    if out.exists() && !force {
        return Err(Error::invalid(
            "out",
            "that file exists; add --force to replace it",
        ));
    }
    let dir = out
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = out
        .file_name()
        .ok_or_else(|| Error::invalid("out", "give a file name"))?;
    let tmp = dir.join(format!(".{}.partial", name.to_string_lossy()));
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let result = (|| -> Result<()> {
        let mut f = opts.open(&tmp)?;
        serde_json::to_writer_pretty(&mut f, doc).map_err(|e| Error::Io(e.into()))?;
        f.write_all(b"\n")?;
        f.sync_all()?;
        std::fs::rename(&tmp, out)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
