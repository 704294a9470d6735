//! An unlocked vault: the data key, the connection, and the decrypted records in memory.
//! Create, unlock, change passphrase, recover; add, update, trash, restore, purge; list and
//! search; verify. Dropping a `Vault` (locking) drops the key and every decrypted record.
//!
//! Architecture Invariant: plaintext exists only in this process's memory; what reaches the
//! store is sealed with associated data that names the vault, the format, the id and revision.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{Connection, TransactionBehavior};

use crate::clock::Clock;
use crate::codec;
use crate::crypto::{self, KdfParams, ManifestKey, Passphrase, SealingKey, SecretBytes};
use crate::error::{Error, Result};
use crate::model::{Body, Kind, Record, RecordId, Skill};
use crate::recovery::RecoveryKey;
use crate::skills;
use crate::store::{self, Header, Row};

/// The sealed-record format this build writes and reads; bound into every record's AAD.
pub const FORMAT_VERSION: u32 = 1;
/// Fewest characters a passphrase may have.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// One decrypted record and its lower-cased search text.
struct Cached {
    record: Record,
    haystack: String,
}

impl Cached {
    fn new(record: Record) -> Self {
        let haystack = record.body.search_text();
        Cached { record, haystack }
    }
}

pub struct Vault {
    conn: Connection,
    state: State,
}

/// Everything but the connection, so a transaction can borrow the connection while the
/// cache is updated.
struct State {
    vault_id: [u8; 16],
    key: SealingKey,
    clock: Arc<dyn Clock>,
    kdf: KdfParams,
    records: HashMap<RecordId, Cached>,
    /// Rows that failed to open, with the revision that failed.
    damaged: HashMap<RecordId, u64>,
    data_version: i64,
    manifest: ManifestKey,
    /// False when the rows found at unlock do not match the stored manifest: a row was put
    /// back from an older copy or removed outside Keel.
    manifest_ok: bool,
}

impl fmt::Debug for Vault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Vault")
            .field("records", &self.state.records.len())
            .finish_non_exhaustive()
    }
}

/// Which records `list` returns. Empty `kinds` means every entry kind (not skills).
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub kinds: Vec<Kind>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub tag: Option<String>,
    pub text: Option<String>,
    /// Only what is in the trash (otherwise only what is not).
    pub trash: bool,
    pub offset: usize,
    pub limit: Option<usize>,
}

#[derive(Debug)]
pub struct Page {
    pub records: Vec<Record>,
    /// How many matched before offset and limit.
    pub total: usize,
    /// Records that could not be opened, by id.
    pub damaged: Vec<RecordId>,
}

#[derive(Debug)]
pub struct VerifyReport {
    pub checked: usize,
    pub damaged: Vec<RecordId>,
    pub database_ok: bool,
    /// The rows match the record manifest (nothing rolled back or removed outside Keel).
    pub manifest_ok: bool,
}

impl Vault {
    /// Creates a new vault at `path` and returns it unlocked with its recovery key (show it once).
    pub fn create(
        path: &Path,
        passphrase: &Passphrase,
        clock: Arc<dyn Clock>,
        kdf: KdfParams,
    ) -> Result<(Vault, RecoveryKey)> {
        check_passphrase(passphrase)?;
        kdf.check()?;
        let conn = store::create(path)?;
        let mut vault_id = [0u8; 16];
        crypto::fill_random(&mut vault_id)?;
        let data_key = SealingKey::new(SecretBytes::random()?)?;
        let recovery = RecoveryKey::generate()?;
        let mut header = Header {
            vault_id,
            format_version: FORMAT_VERSION,
            kdf,
            salt: Vec::new(),
            passphrase_wrap: Vec::new(),
            recovery_wrap: Vec::new(),
        };
        wrap_with_passphrase(&mut header, &data_key, passphrase)?;
        wrap_with_recovery(&mut header, &data_key, &recovery)?;

        let mut state = State {
            vault_id,
            manifest: ManifestKey::derive(data_key.raw())?,
            key: data_key,
            clock,
            kdf,
            records: HashMap::new(),
            damaged: HashMap::new(),
            data_version: 0,
            manifest_ok: true,
        };
        let now = state.clock.now();
        let seeded: Vec<Record> = skills::BUILTIN
            .iter()
            .map(|(key, name, category, how_to)| {
                Ok(Record {
                    id: RecordId::random()?,
                    revision: 1,
                    created: now,
                    updated: now,
                    at: now,
                    trashed: None,
                    body: Body::Skill(Skill {
                        name: (*name).to_owned(),
                        category: *category,
                        how_to: (*how_to).to_owned(),
                        builtin: Some((*key).to_owned()),
                        favourite: false,
                        hidden: false,
                    }),
                })
            })
            .collect::<Result<_>>()?;
        {
            let tx = rusqlite::Transaction::new_unchecked(&conn, TransactionBehavior::Immediate)?;
            store::write_header(&tx, &header)?;
            state.insert_all(&tx, &seeded)?;
            tx.commit()?;
        }
        for r in seeded {
            state.put(r);
        }
        state.data_version = store::data_version(&conn)?;
        Ok((Vault { conn, state }, recovery))
    }

    /// Opens the vault with its passphrase. A wrong passphrase writes nothing.
    pub fn unlock(path: &Path, passphrase: &Passphrase, clock: Arc<dyn Clock>) -> Result<Vault> {
        let conn = store::open_existing(path)?;
        let header = store::read_header(&conn)?;
        check_format(&header)?;
        let kek = crypto::derive_kek(passphrase, &header.salt, header.kdf)?;
        let raw = kek
            .open(header.passphrase_wrap.clone(), &passphrase_aad(&header))
            .ok_or(Error::WrongPassphrase)?;
        let key = data_key_from(&raw)?;
        Vault::finish_open(conn, &header, key, clock)
    }

    /// Opens the vault with the recovery key and sets a new passphrase.
    pub fn recover(
        path: &Path,
        recovery_key: &str,
        new_passphrase: &Passphrase,
        clock: Arc<dyn Clock>,
    ) -> Result<Vault> {
        let recovery = RecoveryKey::parse(recovery_key)?;
        check_passphrase(new_passphrase)?;
        let conn = store::open_existing(path)?;
        let mut header = store::read_header(&conn)?;
        check_format(&header)?;
        let kek = crypto::recovery_kek(recovery.secret())?;
        let raw = kek
            .open(header.recovery_wrap.clone(), &recovery_aad(&header))
            .ok_or(Error::WrongRecoveryKey)?;
        let key = data_key_from(&raw)?;
        header.kdf = header.kdf.at_least(KdfParams::FLOOR);
        wrap_with_passphrase(&mut header, &key, new_passphrase)?;
        store::write_header(&conn, &header)?;
        Vault::finish_open(conn, &header, key, clock)
    }

    fn finish_open(
        conn: Connection,
        header: &Header,
        key: SealingKey,
        clock: Arc<dyn Clock>,
    ) -> Result<Vault> {
        // Only now, with the key proven, may an older schema be brought up to date.
        store::migrate(&conn, store::MIGRATIONS)?;
        let mut state = State {
            vault_id: header.vault_id,
            manifest: ManifestKey::derive(key.raw())?,
            key,
            clock,
            kdf: header.kdf,
            records: HashMap::new(),
            damaged: HashMap::new(),
            data_version: store::data_version(&conn)?,
            manifest_ok: true,
        };
        state.load_all(&conn)?;
        Ok(Vault { conn, state })
    }

    /// Locks: drops the key and every decrypted record.
    pub fn lock(self) {
        drop(self);
    }

    /// Re-wraps the data key under a new passphrase; the records are not touched.
    pub fn change_passphrase(&mut self, current: &Passphrase, new: &Passphrase) -> Result<()> {
        check_passphrase(new)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut header = store::read_header(&tx)?;
        let kek = crypto::derive_kek(current, &header.salt, header.kdf)?;
        kek.open(header.passphrase_wrap.clone(), &passphrase_aad(&header))
            .ok_or(Error::WrongPassphrase)?;
        header.kdf = header.kdf.at_least(self.state.kdf);
        wrap_with_passphrase(&mut header, &self.state.key, new)?;
        store::write_header(&tx, &header)?;
        tx.commit()?;
        Ok(())
    }

    /// Makes a new recovery key (the old one stops working). Asks for the passphrase, so an
    /// unattended unlocked window cannot mint one.
    pub fn new_recovery_key(&mut self, passphrase: &Passphrase) -> Result<RecoveryKey> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut header = store::read_header(&tx)?;
        let kek = crypto::derive_kek(passphrase, &header.salt, header.kdf)?;
        kek.open(header.passphrase_wrap.clone(), &passphrase_aad(&header))
            .ok_or(Error::WrongPassphrase)?;
        let recovery = RecoveryKey::generate()?;
        wrap_with_recovery(&mut header, &self.state.key, &recovery)?;
        store::write_header(&tx, &header)?;
        tx.commit()?;
        Ok(recovery)
    }

    /// Adds a record; `at` defaults to now.
    pub fn add(&mut self, body: Body, at: Option<DateTime<FixedOffset>>) -> Result<Record> {
        Ok(self.add_many(vec![(body, at)])?.remove(0))
    }

    /// Adds many records in one transaction (imports, benchmarks).
    pub fn add_many(
        &mut self,
        items: Vec<(Body, Option<DateTime<FixedOffset>>)>,
    ) -> Result<Vec<Record>> {
        let now = self.state.clock.now();
        let mut records = Vec::with_capacity(items.len());
        for (mut body, at) in items {
            body.validate()?;
            records.push(Record {
                id: RecordId::random()?,
                revision: 1,
                created: now,
                updated: now,
                at: at.unwrap_or(now),
                trashed: None,
                body,
            });
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        self.state.insert_all(&tx, &records)?;
        tx.commit()?;
        for r in &records {
            self.state.put(r.clone());
        }
        Ok(records)
    }

    /// Replaces a record's body (and `at`, if given). Its kind cannot change.
    pub fn update(
        &mut self,
        id: RecordId,
        mut body: Body,
        at: Option<DateTime<FixedOffset>>,
    ) -> Result<Record> {
        body.validate()?;
        self.modify(id, |r| {
            if r.kind() != body.kind() {
                return Err(Error::invalid("kind", "a record's kind cannot change"));
            }
            r.body = body;
            if let Some(at) = at {
                r.at = at;
            }
            Ok(())
        })
    }

    /// Moves a record to the trash.
    pub fn trash(&mut self, id: RecordId) -> Result<Record> {
        let now = self.state.clock.now();
        self.modify(id, |r| {
            r.trashed.get_or_insert(now);
            Ok(())
        })
    }

    /// Brings a record back from the trash.
    pub fn restore(&mut self, id: RecordId) -> Result<Record> {
        self.modify(id, |r| {
            r.trashed = None;
            Ok(())
        })
    }

    /// Removes a record for good (also a damaged one, so it can be cleared away).
    pub fn purge(&mut self, id: RecordId) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let Some(revision) = store::delete(&tx, id)? else {
            return Err(Error::NotFound { id: id.to_string() });
        };
        let mut digest = store::read_manifest(&tx)?;
        crypto::xor_into(&mut digest, &self.state.manifest.term(&id.0, revision));
        store::write_manifest(&tx, &digest)?;
        tx.commit()?;
        self.state.records.remove(&id);
        self.state.damaged.remove(&id);
        Ok(())
    }

    /// Read-modify-write of one record in one transaction, after catching up with other
    /// processes, so a concurrent edit is never silently based on a stale copy.
    fn modify(
        &mut self,
        id: RecordId,
        change: impl FnOnce(&mut Record) -> Result<()>,
    ) -> Result<Record> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        self.state.refresh(&tx)?;
        if self.state.damaged.contains_key(&id) {
            return Err(Error::RecordTampered { id: id.to_string() });
        }
        let mut r = self
            .state
            .records
            .get(&id)
            .map(|c| c.record.clone())
            .ok_or_else(|| Error::NotFound { id: id.to_string() })?;
        change(&mut r)?;
        let mut digest = store::read_manifest(&tx)?;
        crypto::xor_into(&mut digest, &self.state.manifest.term(&id.0, r.revision));
        r.revision += 1;
        r.updated = self.state.clock.now();
        crypto::xor_into(&mut digest, &self.state.manifest.term(&id.0, r.revision));
        store::replace(&tx, &self.state.seal(&r)?)?;
        store::write_manifest(&tx, &digest)?;
        tx.commit()?;
        self.state.put(r.clone());
        Ok(r)
    }

    /// One record by id.
    pub fn get(&mut self, id: RecordId) -> Result<Record> {
        self.state.refresh(&self.conn)?;
        if self.state.damaged.contains_key(&id) {
            return Err(Error::RecordTampered { id: id.to_string() });
        }
        self.state
            .records
            .get(&id)
            .map(|c| c.record.clone())
            .ok_or_else(|| Error::NotFound { id: id.to_string() })
    }

    /// Resolves a full id or a unique prefix of at least four hex digits.
    pub fn resolve(&mut self, prefix: &str) -> Result<RecordId> {
        let p = prefix.trim().to_ascii_lowercase();
        if p.len() == 32 {
            return RecordId::parse(&p);
        }
        if p.len() < 4 || !p.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Error::invalid(
                "id",
                "give at least four hexadecimal digits of the id",
            ));
        }
        self.state.refresh(&self.conn)?;
        let mut found = self
            .state
            .records
            .keys()
            .chain(self.state.damaged.keys())
            .filter(|id| id.has_hex_prefix(&p));
        match (found.next(), found.next()) {
            (Some(id), None) => Ok(*id),
            (Some(_), Some(_)) => Err(Error::AmbiguousId { prefix: p }),
            (None, _) => Err(Error::NotFound { id: p }),
        }
    }

    /// Records matching the filter, newest first.
    pub fn list(&mut self, f: &Filter) -> Result<Page> {
        self.state.refresh(&self.conn)?;
        let needle = f
            .text
            .as_deref()
            .map(str::to_lowercase)
            .filter(|t| !t.is_empty());
        let tag = f.tag.as_deref().map(str::trim).filter(|t| !t.is_empty());
        let mut hits: Vec<&Cached> = self
            .state
            .records
            .values()
            .filter(|c| {
                let r = &c.record;
                let kind_ok = if f.kinds.is_empty() {
                    r.kind().is_entry()
                } else {
                    f.kinds.contains(&r.kind())
                };
                kind_ok
                    && r.trashed.is_some() == f.trash
                    && f.since.is_none_or(|d| r.local_date() >= d)
                    && f.until.is_none_or(|d| r.local_date() <= d)
                    && tag.is_none_or(|t| r.body.tags().iter().any(|x| x.eq_ignore_ascii_case(t)))
                    && needle.as_deref().is_none_or(|n| c.haystack.contains(n))
            })
            .collect();
        hits.sort_unstable_by(|a, b| {
            b.record
                .at
                .cmp(&a.record.at)
                .then_with(|| b.record.id.cmp(&a.record.id))
        });
        let total = hits.len();
        let records = hits
            .into_iter()
            .skip(f.offset)
            .take(f.limit.unwrap_or(usize::MAX))
            .map(|c| c.record.clone())
            .collect();
        let mut damaged: Vec<RecordId> = self.state.damaged.keys().copied().collect();
        damaged.sort();
        Ok(Page {
            records,
            total,
            damaged,
        })
    }

    /// Opens every row afresh from disk (not the cache) and runs SQLite's own check.
    pub fn verify(&mut self) -> Result<VerifyReport> {
        let database_ok = store::quick_check(&self.conn)?;
        let mut checked = 0;
        let mut damaged = Vec::new();
        let mut digest = [0u8; 32];
        store::all_rows(&self.conn, |row| {
            checked += 1;
            let id = row.id;
            crypto::xor_into(&mut digest, &self.state.manifest.term(&id.0, row.revision));
            if self.state.open(row).is_none() {
                damaged.push(id);
            }
        })?;
        damaged.sort();
        Ok(VerifyReport {
            checked,
            damaged,
            database_ok,
            manifest_ok: digest == store::read_manifest(&self.conn)?,
        })
    }

    /// Every record, trashed ones and skills included, oldest first (for export).
    pub fn all(&mut self) -> Result<(Vec<Record>, Vec<RecordId>)> {
        self.state.refresh(&self.conn)?;
        let mut all: Vec<Record> = self
            .state
            .records
            .values()
            .map(|c| c.record.clone())
            .collect();
        all.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
        let mut damaged: Vec<RecordId> = self.state.damaged.keys().copied().collect();
        damaged.sort();
        Ok((all, damaged))
    }

    /// False when, at unlock, the rows did not match the record manifest: a record was put
    /// back from an older copy or removed outside Keel.
    pub fn manifest_ok(&self) -> bool {
        self.state.manifest_ok
    }

    pub fn now(&self) -> DateTime<FixedOffset> {
        self.state.clock.now()
    }
}

impl State {
    fn aad(&self, id: RecordId, revision: u64) -> [u8; 14 + 16 + 4 + 16 + 8] {
        let mut aad = [0u8; 58];
        aad[..14].copy_from_slice(b"keel/record/v1");
        aad[14..30].copy_from_slice(&self.vault_id);
        aad[30..34].copy_from_slice(&FORMAT_VERSION.to_be_bytes());
        aad[34..50].copy_from_slice(&id.0);
        aad[50..58].copy_from_slice(&revision.to_be_bytes());
        aad
    }

    fn seal(&self, r: &Record) -> Result<Row> {
        let plain = crypto::pad(&codec::encode(r));
        Ok(Row {
            id: r.id,
            revision: r.revision,
            sealed: self.key.seal(&plain, &self.aad(r.id, r.revision))?,
        })
    }

    fn open(&self, row: Row) -> Option<Record> {
        let aad = self.aad(row.id, row.revision);
        let plain = self.key.open(row.sealed, &aad)?;
        codec::decode(row.id, row.revision, crypto::unpad(&plain)?)
    }

    /// Inserts new records and adds them to the manifest, inside the caller's transaction.
    fn insert_all(&self, conn: &Connection, records: &[Record]) -> Result<()> {
        let mut digest = store::read_manifest(conn)?;
        for r in records {
            store::insert(conn, &self.seal(r)?)?;
            crypto::xor_into(&mut digest, &self.manifest.term(&r.id.0, r.revision));
        }
        store::write_manifest(conn, &digest)
    }

    fn put(&mut self, record: Record) {
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
    fn load_all(&mut self, conn: &Connection) -> Result<()> {
        let mut rows = Vec::new();
        store::all_rows(conn, |row| rows.push(row))?;
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
                                let term = this.manifest.term(&id.0, rev);
                                crypto::xor_into(&mut digest, &term);
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
        self.manifest_ok = digest == store::read_manifest(conn)?;
        for r in opened.into_iter().flat_map(|(records, _)| records) {
            match r {
                Ok(c) => {
                    self.records.insert(c.record.id, c);
                }
                Err((id, rev)) => {
                    self.damaged.insert(id, rev);
                }
            }
        }
        Ok(())
    }

    /// Catches up with what other processes committed, opening only rows that changed.
    fn refresh(&mut self, conn: &Connection) -> Result<()> {
        let dv = store::data_version(conn)?;
        if dv == self.data_version {
            return Ok(());
        }
        let current = store::revisions(conn)?;
        let live: std::collections::HashSet<RecordId> = current.iter().map(|(id, _)| *id).collect();
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
}

fn check_passphrase(p: &Passphrase) -> Result<()> {
    if p.expose().chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(Error::invalid(
            "passphrase",
            format!("a passphrase has at least {MIN_PASSPHRASE_CHARS} characters"),
        ));
    }
    Ok(())
}

fn check_format(h: &Header) -> Result<()> {
    if h.format_version > FORMAT_VERSION {
        return Err(Error::VaultFromNewerVersion {
            found: h.format_version.into(),
            supported: FORMAT_VERSION.into(),
        });
    }
    Ok(())
}

/// The header fields the passphrase wrap is bound to: changing any of them breaks the unwrap.
fn passphrase_aad(h: &Header) -> Vec<u8> {
    let mut aad = b"keel/wrap/passphrase".to_vec();
    aad.extend_from_slice(&h.vault_id);
    aad.extend_from_slice(&h.format_version.to_be_bytes());
    for v in [h.kdf.memory_kib, h.kdf.passes, h.kdf.lanes] {
        aad.extend_from_slice(&v.to_be_bytes());
    }
    aad.extend_from_slice(&h.salt);
    aad
}

fn recovery_aad(h: &Header) -> Vec<u8> {
    let mut aad = b"keel/wrap/recovery".to_vec();
    aad.extend_from_slice(&h.vault_id);
    aad.extend_from_slice(&h.format_version.to_be_bytes());
    aad
}

fn wrap_with_passphrase(h: &mut Header, key: &SealingKey, pass: &Passphrase) -> Result<()> {
    let mut salt = vec![0u8; 16];
    crypto::fill_random(&mut salt)?;
    h.salt = salt;
    let kek = crypto::derive_kek(pass, &h.salt, h.kdf)?;
    h.passphrase_wrap = kek.seal(key.raw().expose(), &passphrase_aad(h))?;
    Ok(())
}

fn wrap_with_recovery(h: &mut Header, key: &SealingKey, rk: &RecoveryKey) -> Result<()> {
    let kek = crypto::recovery_kek(rk.secret())?;
    h.recovery_wrap = kek.seal(key.raw().expose(), &recovery_aad(h))?;
    Ok(())
}

fn data_key_from(raw: &[u8]) -> Result<SealingKey> {
    let arr: [u8; 32] = raw.try_into().map_err(|_| Error::VaultDamaged {
        detail: "the wrapped data key has the wrong length",
    })?;
    SealingKey::new(SecretBytes::from_array(arr))
}
