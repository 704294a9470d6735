//! Where passphrases come from: standard input (one per line), the environment, or a prompt
//! without echo.

use std::io::{BufRead, IsTerminal};

use keel::crypto::Passphrase;
use keel::{Error, Result};
use zeroize::Zeroizing;

/// Where passphrases come from: standard input (one per line), the environment, or a prompt.
pub struct Secrets {
    pub stdin: bool,
    lines: Option<std::io::Lines<std::io::StdinLock<'static>>>,
}

impl Secrets {
    pub fn new(stdin: bool) -> Self {
        Secrets { stdin, lines: None }
    }

    fn next_line(&mut self) -> Result<Zeroizing<String>> {
        let lines = self
            .lines
            .get_or_insert_with(|| std::io::stdin().lock().lines());
        match lines.next() {
            Some(Ok(l)) => {
                let mut l = Zeroizing::new(l);
                let len = l.trim_end_matches('\r').len();
                l.truncate(len);
                Ok(l)
            }
            _ => Err(Error::invalid(
                "passphrase",
                "standard input ended before every passphrase was read",
            )),
        }
    }

    /// A secret: `--passphrase-stdin`, else `$env`, else a prompt without echo.
    pub fn get(&mut self, env: &str, prompt: &str) -> Result<Zeroizing<String>> {
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

    pub fn passphrase(&mut self) -> Result<Passphrase> {
        let s = self.get("KEEL_PASSPHRASE", "Passphrase: ")?;
        Ok(Passphrase::new(s.to_string()))
    }

    /// A new passphrase, asked twice on a terminal.
    pub fn new_passphrase(&mut self, env: &str) -> Result<Passphrase> {
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
