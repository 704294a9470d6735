//! `keel`: the command line over the engine's commands, one module per noun. Exit status: 0
//! done; 1 bad input or usage; 2 wrong passphrase or recovery key; 3 a damaged or tampered
//! record or vault; 4 the vault is missing, or it or a record is from a newer version.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use keel::{Error, Result};

mod args;
mod assess;
mod backup;
mod checkin;
mod clock;
mod ctx;
mod import;
mod insights;
mod journal;
mod output;
mod records;
mod report;
mod schedule;
mod secrets;
mod session;
mod skill;
mod tracker;
mod vault;

use ctx::Ctx;

/// Like `println!`, but a closed pipe (`keel list | head`) ends output quietly, not in a panic.
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}
pub(crate) use out;

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
    Checkin(checkin::CheckinArgs),
    /// The coping-skill library and its use.
    #[command(subcommand)]
    Skill(skill::SkillCommand),
    /// Your clocks: the current run of each, and adding one.
    #[command(subcommand)]
    Clock(clock::ClockCommand),
    /// Log a lapse against a clock (kept in its history).
    #[command(subcommand)]
    Lapse(clock::LapseCommand),
    /// Today at a glance: each clock's run, the next session and today's check-ins.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// The programme's sessions: weekly ones and one-off appointments.
    #[command(subcommand)]
    Schedule(schedule::ScheduleCommand),
    /// Mark a session of the schedule attended, missed or excused.
    Attend(schedule::AttendArgs),
    /// The PHQ-9 and GAD-7 questionnaires: answer one, or see your results over time.
    #[command(subcommand)]
    Assess(assess::AssessCommand),
    /// Diary cards: a week at a time (`keel add diary-card --json` writes a day).
    #[command(subcommand)]
    Diary(assess::DiaryCommand),
    /// Your own trackers, answered in check-ins.
    #[command(subcommand)]
    Tracker(tracker::TrackerCommand),
    /// IOP session notes.
    #[command(subcommand)]
    Session(session::SessionCommand),
    /// Journal entries.
    #[command(subcommand)]
    Journal(journal::JournalCommand),
    /// What your records show over a span: averages with their check-ins, what helps, patterns.
    Insights(insights::InsightsArgs),
    /// What you wrote on this date in earlier months and years.
    OnThisDay {
        #[arg(long)]
        json: bool,
    },
    /// The counsellor report as a PDF: only the sections you choose, over the dates you give.
    Report(report::ReportArgs),
    /// Add a record of any kind from JSON (`keel kinds` lists the kinds and their fields).
    Add(records::AddArgs),
    /// Change a record from JSON: the fields given replace those of the record.
    Edit(records::EditArgs),
    /// The record kinds and their fields.
    Kinds {
        #[arg(long)]
        json: bool,
    },
    /// List entries, newest first.
    List(records::ListArgs),
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
    #[command(alias = "delete")]
    Trash { id: String },
    /// Bring a record back from the trash (ID), or replace the vault with a backup (FILE: checked
    /// first, and the vault as it was is kept as a backup).
    Restore {
        #[arg(value_name = "ID|FILE")]
        id: String,
    },
    /// Remove a record for good.
    Purge {
        id: String,
        /// Also a record written by a newer version of Keel (this one cannot show what it holds).
        #[arg(long)]
        force: bool,
    },
    /// Write everything out as JSON, CSV or Markdown (docs/export-format.md); not encrypted.
    Export {
        /// A file for json (and csv or markdown with --one-file, or csv to a .zip); a new or
        /// empty folder for csv and markdown
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// json (everything, docs/export-format.md), csv (one file per kind) or markdown (one
        /// file per entry, in folders by year and month)
        #[arg(long, default_value = "json", value_name = "FORMAT")]
        format: String,
        /// markdown: every entry in one file; csv: every file in one zip
        #[arg(long)]
        one_file: bool,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Entries from another app's export (Daylio, Day One, jrnl) or Keel's own; --dry-run says what would be added.
    Import(import::ImportArgs),
    /// A backup of the vault into a folder, checked after it is written; `list`, `verify FILE`.
    Backup(backup::BackupArgs),
    /// Change the passphrase. (An older copy of the vault file still opens with the old one;
    /// `keel rekey` is what makes old copies useless for what is written next.)
    Passwd,
    /// Change the encryption key: every record re-sealed under a new key, and a new recovery
    /// key printed once. An older copy of the file, with the old passphrase or recovery key,
    /// then opens nothing written from here on.
    Rekey {
        #[arg(long)]
        json: bool,
    },
    /// Set a new passphrase with the recovery key.
    Recover,
    /// Open every record and report any that fail.
    Verify {
        #[arg(long)]
        json: bool,
        /// Keep the set of entries as it is now, after being told it changed outside Keel.
        #[arg(long)]
        accept: bool,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => return args::report(e, &Cli::command()),
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("keel: {}", output::error_line(&e));
            ExitCode::from(exit_code(&e))
        }
    }
}

fn exit_code(e: &Error) -> u8 {
    match e {
        Error::WrongPassphrase | Error::WrongRecoveryKey | Error::RecoveryKeyMistyped { .. } => 2,
        Error::RecordTampered { .. } | Error::VaultDamaged { .. } | Error::WeakKdfParameters => 3,
        Error::VaultMissing
        | Error::VaultFromNewerVersion { .. }
        | Error::RecordFromNewerVersion { .. } => 4,
        _ => 1,
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
    let mut ctx = Ctx::new(path, cli.passphrase_stdin);
    match cli.command {
        Command::Init { json } => vault::init(&mut ctx, json),
        Command::Checkin(a) => checkin::run(&mut ctx, a),
        Command::Skill(s) => skill::run(&mut ctx, s),
        Command::Tracker(t) => tracker::run(&mut ctx, t),
        Command::Assess(a) => assess::run(&mut ctx, a),
        Command::Diary(d) => assess::diary(&mut ctx, d),
        Command::Clock(c) => clock::run(&mut ctx, c),
        Command::Lapse(l) => clock::lapse(&mut ctx, l),
        Command::Status { json } => clock::status(&mut ctx, json),
        Command::Schedule(s) => schedule::run(&mut ctx, s),
        Command::Attend(a) => schedule::attend(&mut ctx, a),
        Command::Session(s) => session::run(&mut ctx, s),
        Command::Journal(j) => journal::run(&mut ctx, j),
        Command::Insights(a) => insights::run(&mut ctx, a),
        Command::OnThisDay { json } => insights::on_this_day(&mut ctx, json),
        Command::Report(a) => report::run(&mut ctx, a),
        Command::Add(a) => records::add_json(&mut ctx, a),
        Command::Edit(a) => records::edit_json(&mut ctx, a),
        Command::Kinds { json } => records::kinds(json),
        Command::List(a) => records::list(&mut ctx, a),
        Command::Show { id, json } => records::show(&mut ctx, &id, json),
        Command::Search { text, json } => records::search(&mut ctx, text, json),
        Command::Trash { id } => records::trash(&mut ctx, &id),
        // A file there is a backup to restore; anything else is a record's id.
        Command::Restore { id } if std::path::Path::new(&id).is_file() => {
            backup::restore(&mut ctx, std::path::Path::new(&id))
        }
        Command::Restore { id } => records::restore(&mut ctx, &id),
        Command::Purge { id, force } => records::purge(&mut ctx, &id, force),
        Command::Export {
            out,
            format,
            one_file,
            force,
        } => vault::export(&mut ctx, &out, &format, one_file, force),
        Command::Import(a) => import::run(&mut ctx, a),
        Command::Backup(b) => backup::run(&mut ctx, b),
        Command::Passwd => vault::passwd(&mut ctx),
        Command::Rekey { json } => vault::rekey(&mut ctx, json),
        Command::Recover => vault::recover(&mut ctx),
        Command::Verify { json, accept } => vault::verify(&mut ctx, json, accept),
    }
}
