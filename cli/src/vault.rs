//! The vault itself: create it, change its passphrase, recover it, verify it, export it.

use std::path::Path;
use std::sync::Arc;

use keel::clock::SystemClock;
use keel::{Error, Result, commands};
use zeroize::Zeroizing;

use crate::ctx::Ctx;
use crate::out;
use crate::output::print_json;

pub fn init(ctx: &mut Ctx, json: bool) -> Result<u8> {
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
        print_groups(&created.recovery_groups);
    }
    Ok(0)
}

/// A recovery key in rows of five groups, set apart by blank lines.
fn print_groups(groups: &[String]) {
    out!("");
    for row in groups.chunks(5) {
        out!("    {}", row.join("  "));
    }
    out!("");
}

pub fn passwd(ctx: &mut Ctx) -> Result<u8> {
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

pub fn rekey(ctx: &mut Ctx, json: bool) -> Result<u8> {
    if !ctx.path.is_file() {
        return Err(Error::VaultMissing);
    }
    let pass = ctx.secrets.passphrase()?;
    let mut v = commands::unlock(&ctx.path, &pass, Arc::new(SystemClock))?;
    let groups = commands::rekey(&mut v, &pass)?;
    let key = Zeroizing::new(groups.join("-"));
    if json {
        out!("{}", serde_json::json!({ "recoveryKey": *key }));
    } else {
        out!("Every record is now sealed under a new key. Your passphrase is unchanged.");
        out!("Your new recovery key, shown this once (the old one no longer works):");
        print_groups(&groups);
    }
    Ok(0)
}

pub fn recover(ctx: &mut Ctx) -> Result<u8> {
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

pub fn verify(ctx: &mut Ctx, json: bool, accept: bool) -> Result<u8> {
    let mut v = ctx.open()?;
    if accept {
        commands::accept_current_set(&mut v)?;
        out!("the set of entries as it is now is what Keel vouches for from here on");
    }
    let r = commands::verify(&mut v)?;
    if json {
        print_json(&r)?;
    } else if r.damaged.is_empty()
        && r.malformed_rows.is_empty()
        && r.database_ok
        && r.manifest_ok
        && r.recovery_key_ok
    {
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
            r.damaged.len() + r.malformed_rows.len()
        );
        for id in &r.damaged {
            out!("damaged {id}");
        }
        for slot in &r.malformed_rows {
            out!("malformed row {slot}");
        }
        if !r.manifest_ok {
            out!("once you have looked, `keel verify --accept` keeps things as they are now");
        }
        if !r.recovery_key_ok {
            out!(
                "the part of the file that holds the recovery key was changed outside Keel: your \
                 recovery key may no longer open it; make a new one with `keel rekey`"
            );
        }
    }
    Ok(
        if r.damaged.is_empty()
            && r.malformed_rows.is_empty()
            && r.database_ok
            && r.manifest_ok
            && r.recovery_key_ok
        {
            0
        } else {
            3
        },
    )
}

/// The whole vault as the documented JSON export, written privately and atomically.
pub fn export(ctx: &mut Ctx, out: &Path, format: &str, one_file: bool, force: bool) -> Result<u8> {
    let format = format.trim().to_ascii_lowercase();
    if !matches!(format.as_str(), "json" | "csv" | "markdown" | "md") {
        return Err(Error::invalid("format", "choose json, csv or markdown"));
    }
    let mut v = ctx.open()?;
    let doc = commands::export(&mut v)?;
    let written = match format.as_str() {
        "json" => {
            let mut json = serde_json::to_vec_pretty(&doc).map_err(|e| Error::Io(e.into()))?;
            json.push(b'\n');
            keel::fsx::write_private(out, &json, force, "out")?;
            format!("{} records", doc.records.len())
        }
        "csv" => {
            let files = keel::export::csv_files(&doc.records);
            let zipped = one_file
                || out
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
            if zipped {
                keel::fsx::write_private(out, &keel::export::zip(&files)?, force, "out")?;
            } else {
                keel::export::write_tree(out, &files)?;
            }
            format!("{} records in {} files", doc.records.len(), files.len())
        }
        _ if one_file => {
            let text = keel::export::markdown_one(&doc.records);
            keel::fsx::write_private(out, text.as_bytes(), force, "out")?;
            "every entry".to_owned()
        }
        _ => {
            let files = keel::export::markdown_files(&doc.records);
            keel::export::write_tree(out, &files)?;
            format!("{} entries", files.len())
        }
    };
    eprintln!(
        "keel: the export is not encrypted: anyone who can read {} can read what is in it; keep \
         it somewhere safe and delete it when you no longer need it",
        out.display()
    );
    out!("exported {written} to {}", out.display());
    Ok(if doc.damaged.is_empty() { 0 } else { 3 })
}
