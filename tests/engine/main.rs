//! Engine integration tests: the vault through its public API, no window, no CLI.

#[path = "../support/mod.rs"]
mod support;

mod backup;
mod clinical;
mod clocks;
mod contract;
mod export;
mod fuzz;
mod golden;
mod hardening;
mod import;
mod migrations;
mod newer;
mod privacy;
mod props;
mod records;
mod recovery;
mod report;
mod tamper;
mod time;
