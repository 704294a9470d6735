//! The unlocked state: the data key and every decrypted record in memory, with its search
//! text; sealing and opening rows; catching up with what other processes wrote.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rusqlite::Connection;

use super::keys;
use super::manifest;
use crate::clock::Clock;
use crate::codec;
use crate::crypto::{self, CIPHERTEXT_VERSION, ManifestKey, SealingKey};
use crate::error::{Error, Result};
use crate::model::{Record, RecordId};
use crate::store::{self, Row};

/// One decrypted record and its lower-cased search text.
pub(super) struct Cached {
    pub record: Record,
    pub haystack: String,
}

impl Cached {
    fn new(record: Record) -> Self {
        let haystack = record.body.search_text();
        Cached { record, haystack }
    }
}

/// Everything but the connection, so a transaction can borrow the connection while the
/// cache is updated.
pub(super) struct State {
    pub vault_id: [u8; 16],
    pub key: SealingKey,
    pub clock: Arc<dyn Clock>,
    pub records: HashMap<RecordId, Cached>,
    /// Rows that failed to open, with the revision that failed (and ids found on more than
    /// one row, which cannot be trusted either way).
    pub damaged: HashMap<RecordId, u64>,
    /// Rows too malformed to name by id, by slot.
    pub malformed: Vec<i64>,
    pub data_version: i64,
    pub manifest: ManifestKey,
    /// False when the rows found at unlock do not match the stored manifest: a row was put
    /// back from an older copy or removed outside Keel.
    pub manifest_ok: bool,
    /// False when the header's recovery wrap is not the one Keel last wrote.
    pub recovery_ok: bool,
}

impl State {
    pub fn new(vault_id: [u8; 16], key: SealingKey, clock: Arc<dyn Clock>) -> Result<Self> {
        Ok(State {
            vault_id,
            manifest: ManifestKey::derive(key.raw())?,
            key,
            clock,
            records: HashMap::new(),
            damaged: HashMap::new(),
            malformed: Vec::new(),
            data_version: 0,
            manifest_ok: true,
            recovery_ok: true,
        })
    }

    /// Seals under this build's ciphertext format. A record from a newer Keel is never sealed.
    pub fn seal(&self, r: &Record) -> Result<Row> {
        let payload = codec::encode(r).ok_or_else(|| Error::RecordFromNewerVersion {
            id: r.id.to_string(),
        })?;
        let plain = crypto::pad(&payload);
        let aad = keys::record_aad(&self.vault_id, CIPHERTEXT_VERSION, r.id, r.revision);
        Ok(Row {
            id: r.id,
            revision: r.revision,
            sealed: self.key.seal(&plain, &aad)?,
        })
    }

    /// Opens a row under the format it was sealed with; `None` if it does not authenticate or
    /// decode.
    pub fn open(&self, row: Row) -> Option<Record> {
        let (id, revision) = (row.id, row.revision);
        let plain = self.open_plaintext(row)?;
        codec::decode(id, revision, crypto::unpad(&plain)?)
    }

    /// A row's padded plaintext, if it authenticates.
    pub fn open_plaintext(&self, row: Row) -> Option<zeroize::Zeroizing<Vec<u8>>> {
        let format = *row.sealed.first()?;
        let aad = keys::record_aad(&self.vault_id, format, row.id, row.revision);
        self.key.open(row.sealed, &aad)
    }

    /// Seals an already padded plaintext as it is (re-keying carries records over unchanged).
    pub fn seal_plaintext(&self, id: RecordId, revision: u64, padded: &[u8]) -> Result<Row> {
        let aad = keys::record_aad(&self.vault_id, CIPHERTEXT_VERSION, id, revision);
        Ok(Row {
            id,
            revision,
            sealed: self.key.seal(padded, &aad)?,
        })
    }

    /// Inserts new records and adds them to the manifest, inside the caller's transaction.
    pub fn insert_all(&self, conn: &Connection, records: &[Record]) -> Result<()> {
        for r in records {
            store::insert(conn, &self.seal(r)?)?;
        }
        manifest::apply(conn, self, [], records.iter().map(|r| (r.id, r.revision)))
    }

    pub fn put(&mut self, record: Record) {
        self.damaged.remove(&record.id);
        self.records.insert(record.id, Cached::new(record));
    }

    fn accept(&mut self, row: Row) {
        let (id, revision) = (row.id, row.revision);
        match self.open(row) {
            Some(r) => self.put(r),
            None => {
                self.records.remove(&id);
                self.damaged.insert(id, revision);
            }
        }
    }

    /// Opens every row. Decryption and decoding dominate unlock time beyond the KDF, so the
    /// rows are opened on every core.
    pub fn load_all(&mut self, conn: &Connection) -> Result<()> {
        let mut rows = Vec::new();
        let mut malformed = Vec::new();
        store::all_rows(conn, |r| match r {
            store::Stored::Row(row) => rows.push(row),
            store::Stored::Malformed { slot } => malformed.push(slot),
        })?;
        let count = (rows.len() + malformed.len()) as u64;
        let duplicates = duplicate_ids(&rows);
        let total = rows.len();
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8);
        let chunk = total.div_ceil(threads).max(1);
        let mut parts = Vec::with_capacity(threads);
        while rows.len() > chunk {
            parts.push(rows.split_off(rows.len() - chunk));
        }
        parts.push(rows);
        let this = &*self;
        type Opened = (Vec<std::result::Result<Cached, (RecordId, u64)>>, [u8; 32]);
        let opened: Vec<Opened> = std::thread::scope(|s| {
            let handles: Vec<_> = parts
                .into_iter()
                .map(|part| {
                    s.spawn(move || {
                        let mut digest = [0u8; 32];
                        let records = part
                            .into_iter()
                            .map(|row| {
                                let (id, rev) = (row.id, row.revision);
                                crypto::xor_into(&mut digest, &this.manifest.term(&id.0, rev));
                                this.open(row).map(Cached::new).ok_or((id, rev))
                            })
                            .collect();
                        (records, digest)
                    })
                })
                .collect();
            handles
                .into_iter()
                // A panic while opening is a bug: surface it, never drop records silently.
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        self.records.reserve(total);
        let mut digest = [0u8; 32];
        for (_, part) in &opened {
            crypto::xor_into(&mut digest, part);
        }
        let clean = duplicates.is_empty() && malformed.is_empty();
        let verdict = manifest::check(conn, self, count, digest, clean, true)?;
        self.manifest_ok = verdict.set_ok;
        self.recovery_ok = verdict.recovery_ok;
        for r in opened.into_iter().flat_map(|(records, _)| records) {
            match r {
                Ok(c) if !duplicates.contains(&c.record.id) => {
                    self.records.insert(c.record.id, c);
                }
                Ok(c) => {
                    self.damaged.insert(c.record.id, c.record.revision);
                }
                Err((id, rev)) => {
                    self.damaged.insert(id, rev);
                }
            }
        }
        malformed.sort_unstable();
        self.malformed = malformed;
        Ok(())
    }

    /// Catches up with what other processes committed, opening only rows that changed.
    pub fn refresh(&mut self, conn: &Connection) -> Result<()> {
        let dv = store::data_version(conn)?;
        if dv == self.data_version {
            return Ok(());
        }
        let current = store::revisions(conn)?;
        let live: HashSet<RecordId> = current.iter().map(|(id, _)| *id).collect();
        self.records.retain(|id, _| live.contains(id));
        self.damaged.retain(|id, _| live.contains(id));
        for (id, rev) in current {
            let known = self
                .records
                .get(&id)
                .map(|c| c.record.revision)
                .or_else(|| self.damaged.get(&id).copied());
            if known != Some(rev)
                && let Some(row) = store::get_row(conn, id)?
            {
                self.accept(row);
            }
        }
        self.data_version = dv;
        Ok(())
    }

    /// Damaged ids, sorted.
    pub fn damaged_ids(&self) -> Vec<RecordId> {
        let mut d: Vec<RecordId> = self.damaged.keys().copied().collect();
        d.sort();
        d
    }
}

/// Ids that stand on more than one row (possible only if the table was rebuilt outside Keel).
pub(super) fn duplicate_ids(rows: &[Row]) -> HashSet<RecordId> {
    let mut seen = HashSet::with_capacity(rows.len());
    rows.iter()
        .filter(|r| !seen.insert(r.id))
        .map(|r| r.id)
        .collect()
}
