//! Usage errors in our own words. clap's own messages repeat the value that failed to parse,
//! and a value typed in the wrong place may be private text (a journal line after `--stress`),
//! so a bad value or a stray word is named by where it went, never repeated.

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};

pub fn report(e: clap::Error, cmd: &clap::Command) -> ExitCode {
    let arg = match e.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let message = match e.kind() {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation | ErrorKind::InvalidUtf8 => {
            let arg = arg.unwrap_or_else(|| "an option".to_owned());
            let hint = help_of(cmd, &arg)
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            format!("{arg}: that value is not valid{hint}; it is not repeated here")
        }
        ErrorKind::UnknownArgument | ErrorKind::InvalidSubcommand => match e
            .get(ContextKind::InvalidArg)
            .or_else(|| e.get(ContextKind::InvalidSubcommand))
        {
            // An option's name is ours to repeat; a stray word may be the user's text.
            Some(ContextValue::String(s)) if s.starts_with('-') => {
                format!("there is no option {}", s.split('=').next().unwrap_or(s))
            }
            _ => "a word here was not expected (it is not repeated here); quote text that \
                  has spaces"
                .to_owned(),
        },
        _ => {
            // Help, version and missing-argument messages quote nothing the user typed.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 1 } else { 0 });
        }
    };
    eprintln!("keel: {message}; see keel --help");
    ExitCode::from(1)
}

/// The help line of the option named like `--stress <STRESS>`, from any subcommand.
fn help_of(cmd: &clap::Command, arg: &str) -> Option<String> {
    let long = arg.trim_start_matches('-').split([' ', '=']).next()?;
    let mut stack = vec![cmd];
    while let Some(c) = stack.pop() {
        if let Some(a) = c.get_arguments().find(|a| a.get_long() == Some(long)) {
            return a
                .get_help()
                .map(|h| h.to_string().trim_end_matches('.').to_owned());
        }
        stack.extend(c.get_subcommands());
    }
    None
}

/// Yes or no, as a person types it (yes, y, true / no, n, false; any case).
pub fn yes_no(s: &str) -> std::result::Result<bool, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" => Ok(true),
        "no" | "n" | "false" => Ok(false),
        _ => Err("answer yes or no".into()),
    }
}
