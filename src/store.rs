//! The SQLite file: pragmas, migrations, the header row and the sealed record rows. Knows
//! nothing of keys or plaintext: it stores what `vault` gives it.
//!
//! Architecture Invariant: a record row is `(id, revision, sealed)` and nothing else; every
//! user action is one transaction; a vault from a newer Keel is refused before anything is written.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};

use crate::crypto::KdfParams;
use crate::error::{Error, Result};
use crate::fsx::private;
use crate::model::RecordId;

/// `PRAGMA application_id`: "KEEL", so a stray SQLite file is not mistaken for a vault.
const APPLICATION_ID: i64 = 0x4B45_454C;
/// SQLite 3.51.3 fixed a WAL-reset corruption; older builds are refused.
const MIN_SQLITE: i32 = 3_051_003;

/// Embedded, append-only. Entry N brings the schema to version N+1. Never edit a shipped one.
pub const MIGRATIONS: &[&str] = &[
    // 1: the header (one row) and the records.
    "CREATE TABLE vault_header (
        singleton       INTEGER PRIMARY KEY CHECK (singleton = 1),
        vault_id        BLOB    NOT NULL,
        format_version  INTEGER NOT NULL,
        kdf_memory_kib  INTEGER NOT NULL,
        kdf_passes      INTEGER NOT NULL,
        kdf_lanes       INTEGER NOT NULL,
        salt            BLOB    NOT NULL,
        passphrase_wrap BLOB    NOT NULL,
        recovery_wrap   BLOB    NOT NULL
    ) STRICT;
    -- `slot` is a random rowid: rows are stored compactly (a WITHOUT ROWID table spills
    -- kilobyte rows into overflow pages) and their order says nothing about when they came.
    CREATE TABLE records (
        slot     INTEGER PRIMARY KEY,
        id       BLOB    NOT NULL UNIQUE,
        revision INTEGER NOT NULL,
        sealed   BLOB    NOT NULL
    ) STRICT;
    -- A keyed digest of the set of (id, revision) pairs: a row put back from an older copy,
    -- or removed, outside Keel no longer matches it.
    CREATE TABLE manifest (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        digest    BLOB    NOT NULL
    ) STRICT;",
    // 2: the manifest sealed under the data key (row count, write counter, set digest), so
    // nothing about the set stands in clear. The clear digest of schema 1 is read once to
    // check an older vault, then emptied.
    "CREATE TABLE sealed_manifest (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        sealed    BLOB    NOT NULL
    ) STRICT;",
];

/// What the header holds in clear: enough to derive and unwrap the data key, nothing else.
#[derive(Debug, Clone)]
pub struct Header {
    pub vault_id: [u8; 16],
    pub format_version: u32,
    pub kdf: KdfParams,
    pub salt: Vec<u8>,
    pub passphrase_wrap: Vec<u8>,
    pub recovery_wrap: Vec<u8>,
}

/// A Keel vault this build can read: Keel's application id, a schema no newer than this
/// build's, and nothing in it Keel did not put there.
fn check_vault_file(conn: &Connection) -> Result<()> {
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if app_id != APPLICATION_ID {
        return Err(Error::VaultDamaged {
            detail: "this file is not a Keel vault",
        });
    }
    let version = schema_version(conn)?;
    if version > MIGRATIONS.len() as i64 {
        return Err(Error::VaultFromNewerVersion {
            found: version,
            supported: MIGRATIONS.len() as i64,
        });
    }
    check_schema(conn, version)?;
    Ok(())
}

/// Opens an existing vault file: never creates one.
pub fn open_existing(path: &Path) -> Result<Connection> {
    check_sqlite()?;
    if !path.is_file() {
        return Err(Error::VaultMissing);
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    configure(&conn)?;
    check_vault_file(&conn)?;
    private::repair(path);
    Ok(conn)
}

/// The schema must be exactly what Keel's migrations made up to `version`: a trigger, view,
/// index or table added outside Keel (which could rewrite rows as Keel writes them) is refused.
fn check_schema(conn: &Connection, version: i64) -> Result<()> {
    let expected = Connection::open_in_memory()?;
    for sql in &MIGRATIONS[..version as usize] {
        expected.execute_batch(sql)?;
    }
    /// `(type, name, table, sql)` of every schema object.
    type Object = (String, String, String, Option<String>);
    let objects = |c: &Connection| -> Result<Vec<Object>> {
        let mut stmt =
            c.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    if objects(conn)? != objects(&expected)? {
        return Err(Error::VaultDamaged {
            detail: "the vault's tables were changed outside Keel",
        });
    }
    Ok(())
}

/// Creates (or takes over an unfinished) vault file with the current schema.
/// Opens a vault file (a backup) to read only: nothing is written to it, not even its mode or
/// a migration. It must be a Keel vault this build can read.
pub fn open_copy(path: &Path) -> Result<Connection> {
    check_sqlite()?;
    if !path.is_file() {
        return Err(Error::VaultMissing);
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.execute_batch("PRAGMA trusted_schema = OFF; PRAGMA temp_store = MEMORY;")?;
    check_vault_file(&conn)?;
    Ok(conn)
}

pub fn create(path: &Path) -> Result<Connection> {
    check_sqlite()?;
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        private::create_dir(dir)?;
    }
    // The file exists, owner-only, before SQLite opens it: its WAL and shared-memory files
    // take the same mode.
    private::create_file(path)?;
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    configure(&conn)?;
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if schema_version(&conn)? > 0 || app_id != 0 {
        let has_header = app_id == APPLICATION_ID
            && schema_version(&conn)? >= 1
            && conn
                .query_row("SELECT 1 FROM vault_header", [], |_| Ok(()))
                .optional()?
                .is_some();
        if has_header || app_id != APPLICATION_ID {
            return Err(Error::VaultExists);
        }
    }
    conn.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}"))?;
    migrate(&conn, MIGRATIONS)?;
    Ok(conn)
}

fn check_sqlite() -> Result<()> {
    if rusqlite::version_number() < MIN_SQLITE {
        return Err(Error::SqliteTooOld {
            found: rusqlite::version().to_owned(),
        });
    }
    Ok(())
}

/// Durability and privacy settings, on every connection.
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // WAL with FULL sync: a commit returns only after the WAL is on disk, so a write the UI
    // reported as saved survives a power cut. Temp tables in memory: no plaintext-adjacent
    // temp files; secure_delete overwrites freed pages.
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::VaultDamaged {
            detail: "the vault cannot use write-ahead logging",
        });
    }
    // trusted_schema OFF: nothing in the schema (a view, a trigger, a default) may call a
    // function with side effects, whoever wrote it.
    conn.execute_batch(
        "PRAGMA trusted_schema = OFF;
         PRAGMA synchronous = FULL;
         PRAGMA temp_store = MEMORY;
         PRAGMA secure_delete = ON;
         PRAGMA cell_size_check = ON;",
    )?;
    Ok(())
}

pub fn schema_version(conn: &Connection) -> Result<i64> {
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if v < 0 {
        return Err(Error::VaultDamaged {
            detail: "the vault's schema version is impossible",
        });
    }
    Ok(v)
}

/// Applies the pending migrations in one transaction: all of them, or none.
pub fn migrate(conn: &Connection, migrations: &[&str]) -> Result<()> {
    let current = schema_version(conn)?;
    let target = migrations.len() as i64;
    if current > target {
        return Err(Error::VaultFromNewerVersion {
            found: current,
            supported: target,
        });
    }
    if current == target {
        return Ok(());
    }
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    for sql in &migrations[current as usize..] {
        tx.execute_batch(sql)?;
    }
    tx.execute_batch(&format!("PRAGMA user_version = {target}"))?;
    tx.commit()?;
    Ok(())
}

pub fn read_header(conn: &Connection) -> Result<Header> {
    let row = conn
        .query_row(
            "SELECT vault_id, format_version, kdf_memory_kib, kdf_passes, kdf_lanes, salt,
                    passphrase_wrap, recovery_wrap FROM vault_header WHERE singleton = 1",
            [],
            |r| {
                Ok((
                    r.get::<_, Vec<u8>>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, Vec<u8>>(5)?,
                    r.get::<_, Vec<u8>>(6)?,
                    r.get::<_, Vec<u8>>(7)?,
                ))
            },
        )
        .optional()
        .map_err(|e| match Error::from(e) {
            Error::Database(_) => Error::VaultDamaged {
                detail: "the vault header cannot be read",
            },
            other => other,
        })?;
    let Some((vid, fv, m, t, p, salt, pw, rw)) = row else {
        return Err(Error::VaultDamaged {
            detail: "the vault has no header (its creation did not finish)",
        });
    };
    let vault_id: [u8; 16] = vid.try_into().map_err(|_| Error::VaultDamaged {
        detail: "the vault id in the header is malformed",
    })?;
    let to_u32 = |v: i64| {
        u32::try_from(v).map_err(|_| Error::VaultDamaged {
            detail: "the vault header holds an impossible number",
        })
    };
    Ok(Header {
        vault_id,
        format_version: to_u32(fv)?,
        kdf: KdfParams {
            memory_kib: to_u32(m)?,
            passes: to_u32(t)?,
            lanes: to_u32(p)?,
        },
        salt,
        passphrase_wrap: pw,
        recovery_wrap: rw,
    })
}

pub fn write_header(conn: &Connection, h: &Header) -> Result<()> {
    conn.execute(
        "INSERT INTO vault_header (singleton, vault_id, format_version, kdf_memory_kib,
             kdf_passes, kdf_lanes, salt, passphrase_wrap, recovery_wrap)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (singleton) DO UPDATE SET
             vault_id = excluded.vault_id, format_version = excluded.format_version,
             kdf_memory_kib = excluded.kdf_memory_kib, kdf_passes = excluded.kdf_passes,
             kdf_lanes = excluded.kdf_lanes, salt = excluded.salt,
             passphrase_wrap = excluded.passphrase_wrap, recovery_wrap = excluded.recovery_wrap",
        params![
            &h.vault_id[..],
            h.format_version,
            h.kdf.memory_kib,
            h.kdf.passes,
            h.kdf.lanes,
            h.salt,
            h.passphrase_wrap,
            h.recovery_wrap
        ],
    )?;
    Ok(())
}

/// Bumps whenever another connection commits; our own commits leave it alone.
pub fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
}

/// A sealed row as stored.
pub struct Row {
    pub id: RecordId,
    pub revision: u64,
    pub sealed: Vec<u8>,
}

/// A row as read: well formed, or too malformed to name by id (then by its slot).
pub enum Stored {
    Row(Row),
    Malformed { slot: i64 },
}

fn parse_row(slot: i64, id: Vec<u8>, revision: i64, sealed: Vec<u8>) -> Stored {
    match (<[u8; 16]>::try_from(id), u64::try_from(revision)) {
        (Ok(id), Ok(revision)) => Stored::Row(Row {
            id: RecordId(id),
            revision,
            sealed,
        }),
        _ => Stored::Malformed { slot },
    }
}

/// Every row, for unlock and verify. A malformed one is passed on as such, so the rest open.
pub fn all_rows(conn: &Connection, mut each: impl FnMut(Stored)) -> Result<()> {
    let mut stmt = conn.prepare("SELECT slot, id, revision, sealed FROM records")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        each(parse_row(r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?));
    }
    Ok(())
}

/// Ids and revisions of the well-formed rows: the cheap way to see what another process
/// changed.
pub fn revisions(conn: &Connection) -> Result<Vec<(RecordId, u64)>> {
    let mut stmt = conn.prepare("SELECT slot, id, revision FROM records")?;
    let rows = stmt.query_map([], |r| {
        Ok(parse_row(r.get(0)?, r.get(1)?, r.get(2)?, Vec::new()))
    })?;
    let mut out = Vec::new();
    for r in rows {
        if let Stored::Row(row) = r? {
            out.push((row.id, row.revision));
        }
    }
    Ok(out)
}

pub fn get_row(conn: &Connection, id: RecordId) -> Result<Option<Row>> {
    let found = conn
        .query_row(
            "SELECT slot, revision, sealed FROM records WHERE id = ?1",
            [&id.0[..]],
            |r| Ok(parse_row(r.get(0)?, id.0.to_vec(), r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(match found {
        Some(Stored::Row(row)) => Some(row),
        _ => None,
    })
}

/// How many rows the records table holds, malformed ones included.
pub fn row_count(conn: &Connection) -> Result<u64> {
    let n: i64 = conn.query_row("SELECT count(*) FROM records", [], |r| r.get(0))?;
    Ok(n as u64)
}

pub fn insert(conn: &Connection, row: &Row) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO records (slot, id, revision, sealed) VALUES (random(), ?1, ?2, ?3)",
    )?
    .execute(params![&row.id.0[..], row.revision as i64, row.sealed])?;
    Ok(())
}

pub fn replace(conn: &Connection, row: &Row) -> Result<()> {
    conn.prepare_cached("UPDATE records SET revision = ?2, sealed = ?3 WHERE id = ?1")?
        .execute(params![&row.id.0[..], row.revision as i64, row.sealed])?;
    Ok(())
}

/// Removes a row; its revision if it was there.
pub fn delete(conn: &Connection, id: RecordId) -> Result<Option<u64>> {
    let rev: Option<i64> = conn
        .query_row(
            "DELETE FROM records WHERE id = ?1 RETURNING revision",
            [&id.0[..]],
            |r| r.get(0),
        )
        .optional()?;
    Ok(rev.map(|r| r as u64))
}

/// The clear set digest of schema 1, if an older vault still holds one.
pub fn read_legacy_digest(conn: &Connection) -> Result<Option<[u8; 32]>> {
    let d: Option<Vec<u8>> = conn
        .query_row("SELECT digest FROM manifest WHERE singleton = 1", [], |r| {
            r.get(0)
        })
        .optional()?;
    d.map(|d| {
        d.try_into().map_err(|_| Error::VaultDamaged {
            detail: "the record manifest is malformed",
        })
    })
    .transpose()
}

pub fn clear_legacy_digest(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM manifest", [])?;
    Ok(())
}

/// The sealed manifest, if there is one.
pub fn read_manifest(conn: &Connection) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .query_row(
            "SELECT sealed FROM sealed_manifest WHERE singleton = 1",
            [],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn write_manifest(conn: &Connection, sealed: &[u8]) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sealed_manifest (singleton, sealed) VALUES (1, ?1)
         ON CONFLICT (singleton) DO UPDATE SET sealed = excluded.sealed",
    )?
    .execute([sealed])?;
    Ok(())
}

/// `PRAGMA quick_check`: true when SQLite finds the file sound.
pub fn quick_check(conn: &Connection) -> Result<bool> {
    let r: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    Ok(r == "ok")
}
