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
        out!("");
        for row in created.recovery_groups.chunks(5) {
            out!("    {}", row.join("  "));
        }
        out!("");
    }
    Ok(0)
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

pub fn verify(ctx: &mut Ctx, json: bool) -> Result<u8> {
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

/// The whole vault as the documented JSON export, written privately and atomically.
pub fn export(ctx: &mut Ctx, out: &Path, force: bool) -> Result<u8> {
    let mut v = ctx.open()?;
    let doc = commands::export(&mut v)?;
    let mut json = serde_json::to_vec_pretty(&doc).map_err(|e| Error::Io(e.into()))?;
    json.push(b'\n');
    keel::fsx::write_private(out, &json, force, "out")?;
    out!(
        "exported {} records to {}",
        doc.records.len(),
        out.display()
    );
    Ok(if doc.damaged.is_empty() { 0 } else { 3 })
}
