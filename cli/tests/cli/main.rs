//! The `keel` binary as a user or a script drives it: exit codes, output, crashes.

#[path = "../../../tests/support/mod.rs"]
mod support;

mod backup;
mod basics;
mod clinical;
mod crash;
mod import;
mod kinds;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A `keel` command against `vault`, with the passphrase in the environment, no terminal, and
/// a private TMPDIR so any temp file it made would be found.
pub fn keel(vault: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_keel"));
    c.args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("KEEL_VAULT", vault)
        .env("KEEL_PASSPHRASE", support::PASS)
        .env("TZ", "America/New_York")
        .env("TMPDIR", vault.parent().unwrap().join("tmp"))
        .stdin(Stdio::null());
    let _ = std::fs::create_dir_all(vault.parent().unwrap().join("tmp"));
    c
}

/// The exit status.
pub fn code(o: &Output) -> i32 {
    o.status.code().expect("exited")
}

/// Runs `c` with `input` on standard input, capturing what it prints.
pub fn with_input(mut c: Command, input: &str) -> Output {
    use std::io::Write;
    c.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

pub fn run(mut c: impl std::borrow::BorrowMut<Command>) -> Output {
    c.borrow_mut().output().expect("keel runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// `keel init --json`; returns the recovery key.
pub fn init(vault: &Path) -> String {
    let o = run(keel(vault, &["init", "--json"]));
    assert_eq!(o.status.code(), Some(0), "init: {}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["recoveryKey"].as_str().unwrap().to_owned()
}

/// The example writer the crash tests kill (cargo builds examples beside the test binaries).
pub fn stream_writer() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap().join("examples");
    let p = dir.join(format!("stream_writer{}", std::env::consts::EXE_SUFFIX));
    assert!(
        p.is_file(),
        "build the example first: cargo test builds it ({})",
        p.display()
    );
    p
}
