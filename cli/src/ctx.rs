//! What every command needs: the vault's path, the passphrase source, and text from files.

use std::io::Read;
use std::path::PathBuf;
use std::sync::Arc;

use keel::clock::SystemClock;
use keel::{Error, Result, Vault, commands};

use crate::secrets::Secrets;

pub struct Ctx {
    pub path: PathBuf,
    pub secrets: Secrets,
}

impl Ctx {
    pub fn new(path: PathBuf, passphrase_stdin: bool) -> Self {
        Ctx {
            path,
            secrets: Secrets::new(passphrase_stdin),
        }
    }

    /// Unlocks the vault, asking for the passphrase.
    pub fn open(&mut self) -> Result<Vault> {
        if !self.path.is_file() {
            return Err(Error::VaultMissing);
        }
        let pass = self.secrets.passphrase()?;
        let v = commands::unlock(&self.path, &pass, Arc::new(SystemClock))?;
        if !v.manifest_ok() {
            eprintln!(
                "keel: the set of entries was changed outside Keel (an entry was removed, \
                 duplicated or put back from an older copy); run `keel verify`"
            );
        }
        Ok(v)
    }

    /// Text given inline, or read from a file or `-` (standard input).
    pub fn text_from(
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
