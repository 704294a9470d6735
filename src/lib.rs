//! Keel's engine: the encrypted vault, the records and the commands over them. No Tauri, no
//! web view, no network: the desktop shell and the `keel` CLI are thin layers over `commands`.

pub mod backup;
pub mod clock;
pub mod clocks;
#[doc(hidden)]
pub mod codec;
pub mod commands;
pub mod crypto;
pub mod diary;
pub mod dto;
pub mod error;
pub mod export;
pub mod fsx;
pub mod import;
pub mod insights;
pub mod instruments;
pub mod kinds;
pub mod model;
pub mod paths;
pub mod recovery;
pub mod reminders;
pub mod report;
pub mod schedule;
pub mod settings;
pub mod skills;
pub mod store;
pub mod vault;

pub use error::{Error, ErrorCode, Result};
pub use vault::Vault;
