//! `keel backup`: a verified backup of the vault into a folder, with rotation; `keel backup
//! list`, `keel backup verify FILE`; `keel restore FILE`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::{Args, Subcommand};
use keel::clock::{Clock, SystemClock};
use keel::{Error, Result, backup};

use crate::ctx::Ctx;
use crate::out;

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct BackupArgs {
    /// The folder to back up into (remembered for next time; default: the one last used)
    #[arg(long, value_name = "DIR")]
    to: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<BackupCommand>,
}

#[derive(Subcommand)]
pub enum BackupCommand {
    /// The backups in the folder, newest first.
    List {
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
    },
    /// Check a backup: it opens with its passphrase and every record in it decrypts.
    Verify { file: PathBuf },
}

fn kib(bytes: u64) -> String {
    format!("{} KiB", bytes.div_ceil(1024))
}

/// The folder given, else the one remembered; `None` names the problem.
fn folder(ctx: &Ctx, to: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(d) = to {
        return Ok(d);
    }
    let saved = backup::load_settings(&ctx.path).folder;
    if saved.is_empty() {
        return Err(Error::invalid(
            "to",
            "choose a folder for backups with --to DIR (it is remembered)",
        ));
    }
    Ok(PathBuf::from(saved))
}

pub fn run(ctx: &mut Ctx, a: BackupArgs) -> Result<u8> {
    match a.command {
        Some(BackupCommand::List { to }) => list(ctx, to),
        Some(BackupCommand::Verify { file }) => verify(ctx, &file),
        None => now(ctx, a.to),
    }
}

fn now(ctx: &mut Ctx, to: Option<PathBuf>) -> Result<u8> {
    let dir = folder(ctx, to)?;
    let mut v = ctx.open()?;
    let mut settings = backup::load_settings(&ctx.path);
    settings.folder = dir.to_string_lossy().into_owned();
    backup::save_settings(&ctx.path, &settings)?;
    let (path, records, removed) = backup::make(&mut v, &ctx.path)?;
    let bytes = std::fs::metadata(&path)?.len();
    out!(
        "backed up {records} records to {} ({}), and checked: every record opens",
        path.display(),
        kib(bytes)
    );
    if removed > 0 {
        out!(
            "removed {removed} older backup{} (keeping the newest of the last {} days, {} weeks and {} months)",
            if removed == 1 { "" } else { "s" },
            backup::KEEP_DAILY,
            backup::KEEP_WEEKLY,
            backup::KEEP_MONTHLY
        );
    }
    Ok(0)
}

fn list(ctx: &Ctx, to: Option<PathBuf>) -> Result<u8> {
    let dir = folder(ctx, to)?;
    let found = backup::list(&dir)?;
    if found.is_empty() {
        out!("no backups in {}", dir.display());
    }
    for f in &found {
        out!(
            "{}  {:>8}  {}",
            f.taken.format("%Y-%m-%d %H:%M:%S"),
            kib(f.bytes),
            f.path.display()
        );
    }
    Ok(0)
}

fn verify(ctx: &mut Ctx, file: &Path) -> Result<u8> {
    if !file.is_file() {
        return Err(Error::invalid("file", "no file there"));
    }
    let pass = ctx.secrets.passphrase()?;
    let r = keel::Vault::verify_file(file, &pass, Arc::new(SystemClock))?;
    if r.clean() {
        out!(
            "{}: {} records, every one opens; the set of records is the one it was written with",
            file.display(),
            r.checked
        );
        return Ok(0);
    }
    let damaged: Vec<String> = r.damaged.iter().map(ToString::to_string).collect();
    eprintln!(
        "keel: {} does not verify:{}{}{}{}",
        file.display(),
        if damaged.is_empty() {
            String::new()
        } else {
            format!(" record(s) {} could not be opened;", damaged.join(", "))
        },
        if r.malformed_rows.is_empty() {
            ""
        } else {
            " a row is malformed;"
        },
        if r.manifest_ok {
            ""
        } else {
            " the set of records is not the one it was written with;"
        },
        if r.database_ok {
            ""
        } else {
            " the file itself is damaged;"
        }
    );
    Ok(3)
}

/// `keel restore FILE`.
pub fn restore(ctx: &mut Ctx, file: &Path) -> Result<u8> {
    if !file.is_file() {
        return Err(Error::invalid("file", "no file there"));
    }
    // The app must not have the vault open: it holds this lock while it does.
    let lock_path = backup::app_lock_path(&ctx.path);
    let _lock = if lock_path.exists() {
        let f = std::fs::OpenOptions::new().write(true).open(&lock_path)?;
        match f.try_lock() {
            Ok(()) => Some(f),
            Err(std::fs::TryLockError::WouldBlock) => return Err(Error::VaultInUse),
            Err(std::fs::TryLockError::Error(e)) => return Err(e.into()),
        }
    } else {
        None
    };
    let saved = backup::load_settings(&ctx.path).folder;
    let keep_dir = if saved.is_empty() {
        ctx.path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    } else {
        PathBuf::from(saved)
    };
    let pass = ctx.secrets.passphrase()?;
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let (kept, records) = backup::restore(&ctx.path, file, &pass, &keep_dir, clock)?;
    out!("restored {records} records from {}", file.display());
    if let Some(k) = kept {
        out!("the vault as it was is kept at {}", k.display());
    }
    out!("it opens with the passphrase the backup was made with");
    Ok(0)
}
