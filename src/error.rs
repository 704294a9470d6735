//! The one error type of the engine. Every variant has a stable code that crosses the IPC and
//! CLI boundaries; no message ever quotes what the user wrote.

use std::fmt;

/// Engine result.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong, by what the caller should do about it.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The passphrase does not open this vault.
    WrongPassphrase,
    /// The recovery key is well formed but does not open this vault.
    WrongRecoveryKey,
    /// One group of a typed recovery key fails its check (1-based group number).
    RecoveryKeyMistyped { group: usize },
    /// Too many wrong passphrases or recovery keys in a row: the next try is refused, unread,
    /// until `seconds` have passed (the desktop shell slows guessing).
    TryAgainLater { seconds: u32 },
    /// The vault is locked; unlock it first.
    VaultLocked,
    /// Another process holds the vault's write lock for longer than we wait.
    VaultInUse,
    /// No vault at the given path.
    VaultMissing,
    /// `create` was asked to overwrite an existing vault.
    VaultExists,
    /// The vault was written by a newer Keel; it is not opened so it cannot be damaged.
    VaultFromNewerVersion { found: i64, supported: i64 },
    /// The vault file itself is damaged or is not a Keel vault.
    VaultDamaged { detail: &'static str },
    /// The header asks for key-derivation parameters below the floor (a downgrade attack).
    WeakKdfParameters,
    /// A record fails to open: its ciphertext was changed, moved or rolled back.
    RecordTampered { id: String },
    /// A record a newer Keel wrote: kept and shown, but this build will not rewrite it (and
    /// purges it only when forced).
    RecordFromNewerVersion { id: String },
    /// No record with that id (or id prefix).
    NotFound { id: String },
    /// An id prefix matches more than one record.
    AmbiguousId { prefix: String },
    /// A request field is out of range, missing or too long. `reason` is our own words.
    InvalidInput { field: &'static str, reason: String },
    /// The linked SQLite is older than the one with the WAL-reset corruption fix.
    SqliteTooOld { found: String },
    /// A file-system error (the path is ours, never the user's text).
    Io(std::io::Error),
    /// An unexpected database error.
    Database(rusqlite::Error),
}

/// The stable codes, one per `Error` variant, as the UI and scripts see them.
macro_rules! codes {
    ($($code:ident),+ $(,)?) => {
        /// What went wrong, as a stable code the UI switches on (a TypeScript union too).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, ts_rs::TS)]
        #[ts(export)]
        pub enum ErrorCode { $($code),+ }

        impl ErrorCode {
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$code),+];

            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$code => stringify!($code)),+ }
            }
        }
    };
}

codes!(
    WrongPassphrase,
    WrongRecoveryKey,
    RecoveryKeyMistyped,
    TryAgainLater,
    VaultLocked,
    VaultInUse,
    VaultMissing,
    VaultExists,
    VaultFromNewerVersion,
    VaultDamaged,
    WeakKdfParameters,
    RecordTampered,
    RecordFromNewerVersion,
    NotFound,
    AmbiguousId,
    InvalidInput,
    SqliteTooOld,
    Io,
    Database,
);

impl Error {
    /// The stable code the UI and scripts switch on.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::WrongPassphrase => ErrorCode::WrongPassphrase,
            Error::WrongRecoveryKey => ErrorCode::WrongRecoveryKey,
            Error::RecoveryKeyMistyped { .. } => ErrorCode::RecoveryKeyMistyped,
            Error::TryAgainLater { .. } => ErrorCode::TryAgainLater,
            Error::VaultLocked => ErrorCode::VaultLocked,
            Error::VaultInUse => ErrorCode::VaultInUse,
            Error::VaultMissing => ErrorCode::VaultMissing,
            Error::VaultExists => ErrorCode::VaultExists,
            Error::VaultFromNewerVersion { .. } => ErrorCode::VaultFromNewerVersion,
            Error::VaultDamaged { .. } => ErrorCode::VaultDamaged,
            Error::WeakKdfParameters => ErrorCode::WeakKdfParameters,
            Error::RecordTampered { .. } => ErrorCode::RecordTampered,
            Error::RecordFromNewerVersion { .. } => ErrorCode::RecordFromNewerVersion,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::AmbiguousId { .. } => ErrorCode::AmbiguousId,
            Error::InvalidInput { .. } => ErrorCode::InvalidInput,
            Error::SqliteTooOld { .. } => ErrorCode::SqliteTooOld,
            Error::Io(_) => ErrorCode::Io,
            Error::Database(_) => ErrorCode::Database,
        }
    }

    pub fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field,
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::WrongPassphrase => write!(f, "that passphrase does not open this vault"),
            Error::WrongRecoveryKey => write!(f, "that recovery key does not open this vault"),
            Error::RecoveryKeyMistyped { group } => write!(
                f,
                "group {group} of the recovery key looks mistyped; check it against your copy"
            ),
            Error::TryAgainLater { seconds } => {
                write!(f, "too many tries in a row; try again in {seconds} seconds")
            }
            Error::VaultLocked => write!(f, "the vault is locked"),
            Error::VaultInUse => write!(
                f,
                "the vault is busy in another Keel window or command; try again in a moment"
            ),
            Error::VaultMissing => write!(f, "no vault here yet; create one with `keel init`"),
            Error::VaultExists => write!(f, "a vault already exists at that location"),
            Error::VaultFromNewerVersion { found, supported } => write!(
                f,
                "this vault was written by a newer Keel (format {found}, this one reads up to \
                 {supported}); update Keel to open it"
            ),
            Error::VaultDamaged { detail } => write!(f, "the vault file is damaged: {detail}"),
            Error::WeakKdfParameters => write!(
                f,
                "the vault header asks for weaker key derivation than Keel allows; refusing it"
            ),
            Error::RecordTampered { id } => write!(
                f,
                "record {id} could not be opened: it was changed, moved or rolled back"
            ),
            Error::RecordFromNewerVersion { id } => write!(
                f,
                "record {id} was written by a newer version of Keel; it is kept as it is \
                 (update Keel to change it)"
            ),
            Error::NotFound { id } => write!(f, "no record with id {id}"),
            Error::AmbiguousId { prefix } => {
                write!(
                    f,
                    "id {prefix} matches more than one record; give more of it"
                )
            }
            Error::InvalidInput { field, reason } => write!(f, "{field}: {reason}"),
            Error::SqliteTooOld { found } => write!(
                f,
                "SQLite {found} is too old; Keel needs 3.51.3 or newer (WAL-reset fix)"
            ),
            Error::Io(e) => write!(f, "file error: {}", e.kind()),
            Error::Database(e) => write!(f, "database error: {}", database_summary(e)),
        }
    }
}

/// SQLite error text can name a statement; keep only the error code so nothing else leaks.
fn database_summary(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(code, _) => format!("{:?}", code.code),
        _ => "internal".to_owned(),
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e)
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        // The tables are STRICT with NOT NULL columns: a value of the wrong type can only come
        // from a damaged file.
        if matches!(
            e,
            rusqlite::Error::InvalidColumnType(..) | rusqlite::Error::FromSqlConversionFailure(..)
        ) {
            return Error::VaultDamaged {
                detail: "a row in the vault file is malformed",
            };
        }
        if let rusqlite::Error::SqliteFailure(f, _) = &e {
            match f.code {
                C::DatabaseBusy | C::DatabaseLocked => return Error::VaultInUse,
                C::DatabaseCorrupt | C::NotADatabase => {
                    return Error::VaultDamaged {
                        detail: "SQLite reports the file is corrupt or not a database",
                    };
                }
                // SQLITE_IOERR_SHORT_READ: the file ends before a page it points to.
                C::SystemIoFailure if f.extended_code == 522 => {
                    return Error::VaultDamaged {
                        detail: "the file is shorter than its contents say (truncated)",
                    };
                }
                _ => {}
            }
        }
        Error::Database(e)
    }
}
