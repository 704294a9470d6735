//! An unlocked vault: the data key, the connection, and the decrypted records in memory.
//! Create, unlock, change passphrase, recover; add, update, trash, restore, purge; list and
//! search; verify. Dropping a `Vault` (locking) drops the key and every decrypted record.
//!
//! `keys` wraps and unwraps the data key, `cache` holds the opened records and seals and opens
//! rows, `manifest` keeps the digest of the set of rows.
//!
//! Architecture Invariant: plaintext exists only in this process's memory; what reaches the
//! store is sealed with associated data that names the vault, the format, the id and revision.

mod cache;
pub(crate) mod keys;
mod manifest;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{Connection, TransactionBehavior};

use crate::clock::Clock;
use crate::crypto::{self, KdfParams, Passphrase, SealingKey, SecretBytes};
use crate::error::{Error, Result};
use crate::model::{Body, Kind, Record, RecordId};
use crate::recovery::RecoveryKey;
use crate::skills;
use crate::store::{self, Header};
use cache::{Cached, State};

pub use keys::{FORMAT_VERSION, MIN_PASSPHRASE_CHARS};

pub struct Vault {
    conn: Connection,
    state: State,
}

impl fmt::Debug for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Filter(…)")
    }
}

impl fmt::Debug for Vault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Vault")
            .field("records", &self.state.records.len())
            .finish_non_exhaustive()
    }
}

/// Which records `list` returns. Empty `kinds` means every entry kind (not skills).
#[derive(Clone, Default)]
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
    /// Of those that opened, the entries the person wrote (not coping skills or settings, not
    /// in the trash): what a restore's preview counts.
    pub entries: usize,
    pub damaged: Vec<RecordId>,
    /// Rows whose id or revision is malformed, by slot.
    pub malformed_rows: Vec<i64>,
    /// The header's recovery wrap is the one Keel last wrote (else the recovery key may no
    /// longer open the vault: make a new one).
    pub recovery_key_ok: bool,
    pub database_ok: bool,
    /// The rows match the record manifest (nothing rolled back or removed outside Keel).
    pub manifest_ok: bool,
}

impl VerifyReport {
    /// Every record opens, no row is malformed, the set is the one vouched for and SQLite finds
    /// the file sound.
    pub fn clean(&self) -> bool {
        self.database_ok
            && self.manifest_ok
            && self.damaged.is_empty()
            && self.malformed_rows.is_empty()
    }
}

impl Vault {
    /// Creates a new vault at `path` and returns it unlocked with its recovery key (show it once).
    pub fn create(
        path: &Path,
        passphrase: &Passphrase,
        clock: Arc<dyn Clock>,
        kdf: KdfParams,
    ) -> Result<(Vault, RecoveryKey)> {
        let recovery = RecoveryKey::generate()?;
        let vault = Vault::create_with_key(path, passphrase, clock, kdf, &recovery)?;
        Ok((vault, recovery))
    }

    /// Creates a new vault at `path` whose recovery key is `recovery` (one the user was shown
    /// and typed a group of back before anything was written).
    pub fn create_with_key(
        path: &Path,
        passphrase: &Passphrase,
        clock: Arc<dyn Clock>,
        kdf: KdfParams,
        recovery: &RecoveryKey,
    ) -> Result<Vault> {
        keys::check_passphrase(passphrase)?;
        kdf.check()?;
        let conn = store::create(path)?;
        let mut vault_id = [0u8; 16];
        crypto::fill_random(&mut vault_id)?;
        let data_key = SealingKey::new(SecretBytes::random()?)?;
        let mut header = Header {
            vault_id,
            format_version: FORMAT_VERSION,
            kdf,
            salt: Vec::new(),
            passphrase_wrap: Vec::new(),
            recovery_wrap: Vec::new(),
        };
        keys::wrap_with_passphrase(&mut header, &data_key, passphrase)?;
        keys::wrap_with_recovery(&mut header, &data_key, recovery)?;

        let mut state = State::new(vault_id, data_key, clock)?;
        let seeded = skills::seed(state.clock.now())?;
        {
            let tx = rusqlite::Transaction::new_unchecked(&conn, TransactionBehavior::Immediate)?;
            store::write_header(&tx, &header)?;
            let recovery_mac = state.manifest.recovery_mac(&header.recovery_wrap);
            manifest::write(&tx, &state, manifest::Manifest::empty(recovery_mac))?;
            state.insert_all(&tx, &seeded)?;
            tx.commit()?;
        }
        for r in seeded {
            state.put(r);
        }
        state.data_version = store::data_version(&conn)?;
        Ok(Vault { conn, state })
    }

    /// Opens the vault with its passphrase. A wrong passphrase writes nothing.
    pub fn unlock(path: &Path, passphrase: &Passphrase, clock: Arc<dyn Clock>) -> Result<Vault> {
        let conn = store::open_existing(path)?;
        let header = store::read_header(&conn)?;
        keys::check_format(&header)?;
        let (key, rewrap) = keys::unwrap_with_passphrase(&header, passphrase)?;
        if rewrap {
            // Made before passphrases were normalised: wrap it again under the NFC form, so
            // the same passphrase typed on another keyboard opens it from now on.
            let mut h = header.clone();
            keys::rewrap_with_passphrase(&mut h, &key, passphrase)?;
            store::write_header(&conn, &h)?;
        }
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
        keys::check_passphrase(new_passphrase)?;
        let conn = store::open_existing(path)?;
        // Read, check and rewrite the header under the write lock: a passphrase change or a
        // new recovery key made meanwhile by another process is seen, never written over.
        let (header, key) = {
            let tx = rusqlite::Transaction::new_unchecked(&conn, TransactionBehavior::Immediate)?;
            let mut header = store::read_header(&tx)?;
            keys::check_format(&header)?;
            let key = keys::unwrap_with_recovery(&header, &recovery)?;
            keys::rewrap_with_passphrase(&mut header, &key, new_passphrase)?;
            store::write_header(&tx, &header)?;
            tx.commit()?;
            (header, key)
        };
        Vault::finish_open(conn, &header, key, clock)
    }

    fn finish_open(
        conn: Connection,
        header: &Header,
        key: SealingKey,
        clock: Arc<dyn Clock>,
    ) -> Result<Vault> {
        let state = State::new(header.vault_id, key, clock)?;
        let mut vault = Vault { conn, state };
        // Only now, with the key proven, may an older schema be brought up to date: after a
        // backup of the file as it was, when there is a folder for them. A backup that cannot
        // be made (a drive not plugged in) does not keep the person from their journal: the
        // migration is one transaction, and the failure is kept for Settings.
        if store::schema_version(&vault.conn)? < store::MIGRATIONS.len() as i64 {
            let _ = vault.back_up_first(|_| Ok(()));
        }
        store::migrate(&vault.conn, store::MIGRATIONS)?;
        vault.state.data_version = store::data_version(&vault.conn)?;
        vault.state.load_all(&vault.conn)?;
        Ok(vault)
    }

    /// The file this vault lives in.
    fn file(&self) -> Option<PathBuf> {
        self.conn
            .path()
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
    }

    /// A backup before a change that cannot be undone from inside Keel (a re-key, an import,
    /// a migration), when the person chose a folder for backups; `ready` is checked first, and
    /// only then (it may be costly, and is not needed without a backup). If the backup cannot
    /// be made, neither is the change (made, verified, rotated and remembered, or its failure,
    /// for Settings, by `backup::make`).
    fn back_up_first(&mut self, ready: impl FnOnce(&Self) -> Result<()>) -> Result<()> {
        let Some(path) = self.file() else {
            return Ok(());
        };
        if crate::backup::load_settings(&path).folder.is_empty() {
            return Ok(());
        }
        ready(self)?;
        crate::backup::make(self, &path).map(|_| ()).map_err(|e| {
            Error::invalid(
                "backups",
                format!(
                    "Keel makes a backup before this change and could not ({e}), so \
                         nothing was changed; check the backups folder in Settings"
                ),
            )
        })
    }

    /// Locks: drops the key and every decrypted record.
    pub fn lock(self) {
        drop(self);
    }

    /// Re-wraps the data key under a new passphrase; the records are not touched.
    pub fn change_passphrase(&mut self, current: &Passphrase, new: &Passphrase) -> Result<()> {
        keys::check_passphrase(new)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut header = store::read_header(&tx)?;
        keys::unwrap_with_passphrase(&header, current)?;
        keys::rewrap_with_passphrase(&mut header, &self.state.key, new)?;
        store::write_header(&tx, &header)?;
        tx.commit()?;
        Ok(())
    }

    /// Makes a new recovery key: the old one no longer opens this file. (It still opens an
    /// older copy of the file, with everything written until then; `rekey` is what makes old
    /// copies useless for what is written next.) Asks for the passphrase, so an unattended
    /// unlocked window cannot mint one.
    pub fn new_recovery_key(&mut self, passphrase: &Passphrase) -> Result<RecoveryKey> {
        let recovery = RecoveryKey::generate()?;
        self.set_recovery_key(passphrase, &recovery)?;
        Ok(recovery)
    }

    /// Makes `recovery` this vault's recovery key (as `new_recovery_key`, for a key the user
    /// was shown and confirmed before it took effect).
    pub fn set_recovery_key(
        &mut self,
        passphrase: &Passphrase,
        recovery: &RecoveryKey,
    ) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut header = store::read_header(&tx)?;
        keys::unwrap_with_passphrase(&header, passphrase)?;
        keys::wrap_with_recovery(&mut header, &self.state.key, recovery)?;
        store::write_header(&tx, &header)?;
        manifest::set_recovery(&tx, &self.state)?;
        tx.commit()?;
        self.state.recovery_ok = true;
        Ok(())
    }

    /// Whether `passphrase` opens this vault (the header as it is on disk now); writes nothing.
    pub fn verify_passphrase(&self, passphrase: &Passphrase) -> Result<()> {
        let header = store::read_header(&self.conn)?;
        keys::unwrap_with_passphrase(&header, passphrase).map(|_| ())
    }

    /// Changes the encryption key: a new data key, every record re-sealed under it in one
    /// transaction (a crash leaves the old state or the new, never a mix), the passphrase's
    /// wrap made again and a new recovery key. An older copy of the file, with the old
    /// passphrase or recovery key, then opens nothing written from here on. A record's
    /// plaintext is carried over byte for byte (one from a newer Keel included); a row that
    /// does not open stays as it is, still reported.
    pub fn rekey(&mut self, passphrase: &Passphrase) -> Result<RecoveryKey> {
        let recovery = RecoveryKey::generate()?;
        self.rekey_with(passphrase, &recovery)?;
        Ok(recovery)
    }

    /// `rekey` with a recovery key the user was shown and confirmed before it took effect.
    /// A backup comes first when there is a folder for them (under the old key: it opens
    /// with the old passphrase and recovery key).
    pub fn rekey_with(&mut self, passphrase: &Passphrase, recovery: &RecoveryKey) -> Result<()> {
        // A wrong passphrase makes no backup; it is checked again under the write lock.
        self.back_up_first(|v| v.verify_passphrase(passphrase))?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        self.state.refresh(&tx)?;
        let mut header = store::read_header(&tx)?;
        keys::unwrap_with_passphrase(&header, passphrase)?;
        let old = manifest::read(&tx, &self.state)?;
        // A mismatch already found stays reported after the re-key.
        let flagged = old.is_none_or(|m| m.flagged) || !self.state.manifest_ok;
        let old_counter = old.map_or(0, |m| m.counter);
        let mut next = State::new(
            self.state.vault_id,
            SealingKey::new(SecretBytes::random()?)?,
            self.state.clock.clone(),
        )?;
        let mut rows = Vec::new();
        store::all_rows(&tx, |r| {
            if let store::Stored::Row(row) = r {
                rows.push(row);
            }
        })?;
        for row in rows {
            let (id, revision) = (row.id, row.revision);
            if let Some(plain) = self.state.open_plaintext(row) {
                store::replace(&tx, &next.seal_plaintext(id, revision, &plain)?)?;
            }
        }
        keys::rewrap_with_passphrase(&mut header, &next.key, passphrase)?;
        keys::wrap_with_recovery(&mut header, &next.key, recovery)?;
        store::write_header(&tx, &header)?;
        let (count, digest) = manifest::from_rows(&tx, &next.manifest)?;
        manifest::write(
            &tx,
            &next,
            manifest::Manifest {
                count,
                counter: old_counter + 1,
                digest,
                flagged,
                recovery: next.manifest.recovery_mac(&header.recovery_wrap),
            },
        )?;
        tx.commit()?;
        // The records in memory are the same; only the keys change.
        next.records = std::mem::take(&mut self.state.records);
        next.damaged = std::mem::take(&mut self.state.damaged);
        next.malformed = std::mem::take(&mut self.state.malformed);
        next.manifest_ok = self.state.manifest_ok;
        next.recovery_ok = true;
        next.data_version = store::data_version(&self.conn)?;
        self.state = next;
        Ok(())
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

    /// Puts records in as they are — ids, revisions and times kept (an import of Keel's own
    /// export) — in one transaction, all or nothing. A record whose id is already here is left
    /// out (importing the same file twice adds nothing), and so is a built-in skill the vault
    /// already has unless the vault's own is untouched (revision 1), which gives way to the one
    /// imported. Returns the records added. With `commit` false the same work is done and
    /// rolled back: a preview that counts exactly what the import would add. An import that
    /// adds anything is preceded by a backup when there is a folder for them.
    pub fn import_records(&mut self, incoming: Vec<Record>, commit: bool) -> Result<Vec<Record>> {
        if commit {
            self.state.refresh(&self.conn)?;
            let adds_any = incoming.iter().any(|r| {
                !self.state.records.contains_key(&r.id) && !self.state.damaged.contains_key(&r.id)
            });
            if adds_any {
                self.back_up_first(|_| Ok(()))?;
            }
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        self.state.refresh(&tx)?;
        let mut removed = Vec::new();
        let mut added = Vec::new();
        for mut r in incoming {
            if self.state.records.contains_key(&r.id) || self.state.damaged.contains_key(&r.id) {
                continue;
            }
            r.body.validate()?;
            if let Body::Skill(k) = &r.body
                && let Some(key) = &k.builtin
            {
                let mine = self
                    .state
                    .records
                    .values()
                    .find_map(|c| match &c.record.body {
                        Body::Skill(m) if m.builtin.as_ref() == Some(key) => {
                            Some((c.record.id, c.record.revision))
                        }
                        _ => None,
                    });
                match mine {
                    Some((id, 1)) if !removed.iter().any(|(x, _)| *x == id) => {
                        store::delete(&tx, id)?;
                        removed.push((id, 1));
                    }
                    Some(_) => continue,
                    None => {}
                }
            }
            store::insert(&tx, &self.state.seal(&r)?)?;
            added.push(r);
        }
        manifest::apply(
            &tx,
            &self.state,
            removed.iter().copied(),
            added.iter().map(|r| (r.id, r.revision)),
        )?;
        if !commit {
            // Dropped without a commit: rolled back, nothing written.
            drop(tx);
            return Ok(added);
        }
        tx.commit()?;
        for (id, _) in &removed {
            self.state.records.remove(id);
        }
        for r in &added {
            self.state.put(r.clone());
        }
        Ok(added)
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

    /// Removes a record for good (also a damaged one, so it can be cleared away). A record
    /// written by a newer Keel is removed only with `force`: this build cannot show what it holds.
    pub fn purge(&mut self, id: RecordId, force: bool) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        self.state.refresh(&tx)?;
        if !force
            && self
                .state
                .records
                .get(&id)
                .is_some_and(|c| c.record.kind() == Kind::Unknown)
        {
            return Err(Error::RecordFromNewerVersion { id: id.to_string() });
        }
        let Some(revision) = store::delete(&tx, id)? else {
            return Err(Error::NotFound { id: id.to_string() });
        };
        manifest::apply(&tx, &self.state, [(id, revision)], [])?;
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
        if r.kind() == Kind::Unknown {
            // Kept exactly as a newer Keel wrote it: this build cannot rewrite what it cannot read.
            return Err(Error::RecordFromNewerVersion { id: id.to_string() });
        }
        change(&mut r)?;
        let old = r.revision;
        r.revision += 1;
        r.updated = self.state.clock.now();
        store::replace(&tx, &self.state.seal(&r)?)?;
        manifest::apply(&tx, &self.state, [(id, old)], [(id, r.revision)])?;
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
        let newest_first = |a: &&Cached, b: &&Cached| {
            b.record
                .at
                .cmp(&a.record.at)
                .then_with(|| b.record.id.cmp(&a.record.id))
        };
        let total = hits.len();
        // Only the page asked for is put in order: a page of 50 from 50,000 matches partitions
        // the rest in linear time instead of sorting it all.
        let wanted = f.offset.saturating_add(f.limit.unwrap_or(usize::MAX));
        if wanted < hits.len() {
            hits.select_nth_unstable_by(wanted, newest_first);
            hits.truncate(wanted);
        }
        hits.sort_unstable_by(newest_first);
        let records = hits
            .into_iter()
            .skip(f.offset)
            .take(f.limit.unwrap_or(usize::MAX))
            .map(|c| c.record.clone())
            .collect();
        let damaged = self.state.damaged_ids();
        Ok(Page {
            records,
            total,
            damaged,
        })
    }

    /// Opens every row afresh from disk (not the cache) and runs SQLite's own check.
    pub fn verify(&mut self) -> Result<VerifyReport> {
        verify_rows(&self.conn, &self.state)
    }

    /// Checks a copy of this vault (a backup) with the key in memory, reading it only: every
    /// record decrypts, the set of records is the one its manifest vouches for, and SQLite
    /// finds the file sound. A file that is not a copy of this vault is refused.
    pub fn verify_copy(&self, path: &Path) -> Result<VerifyReport> {
        let conn = store::open_copy(path)?;
        let header = store::read_header(&conn)?;
        if header.vault_id != self.state.vault_id {
            return Err(Error::VaultDamaged {
                detail: "that file is not a copy of this vault",
            });
        }
        verify_rows(&conn, &self.state)
    }

    /// Checks a vault file (a backup) with its passphrase, reading it only: nothing is written
    /// to it, not even a migration.
    pub fn verify_file(
        path: &Path,
        passphrase: &Passphrase,
        clock: Arc<dyn Clock>,
    ) -> Result<VerifyReport> {
        let conn = store::open_copy(path)?;
        let header = store::read_header(&conn)?;
        keys::check_format(&header)?;
        let (key, _) = keys::unwrap_with_passphrase(&header, passphrase)?;
        let state = State::new(header.vault_id, key, clock)?;
        verify_rows(&conn, &state)
    }

    /// A backup of the vault in `dir` (`crate::backup`): a snapshot under a temp name, checked
    /// with `verify_copy`, then given its final name. A snapshot that does not verify is
    /// removed and named as the error.
    pub fn backup_to(&mut self, dir: &Path) -> Result<(PathBuf, VerifyReport)> {
        let taken = self.now().naive_local();
        let tmp = crate::backup::snapshot(&self.conn, dir)?;
        let checked = self.verify_copy(&tmp).and_then(|r| {
            if r.clean() {
                Ok(r)
            } else {
                Err(Error::VaultDamaged {
                    detail: "the backup did not verify",
                })
            }
        });
        match checked {
            Ok(r) => Ok((crate::backup::publish(&tmp, dir, taken)?, r)),
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                Err(e)
            }
        }
    }

    /// The user has seen that the set of entries was changed outside Keel and keeps it as it
    /// is now: the manifest vouches for the current rows from here on.
    pub fn accept_current_set(&mut self) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        self.state.refresh(&tx)?;
        manifest::accept(&tx, &self.state)?;
        tx.commit()?;
        self.state.manifest_ok = true;
        self.state.recovery_ok = true;
        Ok(())
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
        let damaged = self.state.damaged_ids();
        Ok((all, damaged))
    }

    /// What the app tells its user after unlock: how many records did not open, how many rows
    /// are malformed, and whether the set of entries is the one Keel saved.
    pub fn health(&self) -> (usize, usize, bool, bool) {
        (
            self.state.damaged.len(),
            self.state.malformed.len(),
            self.state.manifest_ok,
            self.state.recovery_ok,
        )
    }

    /// False when, at unlock, the rows did not match the record manifest: a record was put
    /// back from an older copy or removed outside Keel.
    pub fn manifest_ok(&self) -> bool {
        self.state.manifest_ok
    }

    pub fn now(&self) -> DateTime<FixedOffset> {
        self.state.clock.now()
    }

    /// Seals `payload` as a new record exactly as given, the way a newer Keel would write a kind
    /// or version this build does not know. For tests of how such records are kept; Keel itself
    /// never calls it.
    #[doc(hidden)]
    pub fn write_foreign_payload(&mut self, payload: &[u8]) -> Result<RecordId> {
        let id = RecordId::random()?;
        let aad = keys::record_aad(&self.state.vault_id, crypto::CIPHERTEXT_VERSION, id, 1);
        let row = store::Row {
            id,
            revision: 1,
            sealed: self.state.key.seal(&crypto::pad(payload), &aad)?,
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        store::insert(&tx, &row)?;
        manifest::apply(&tx, &self.state, [], [(id, 1)])?;
        tx.commit()?;
        if let Some(r) = self.state.open(row) {
            self.state.put(r);
        }
        Ok(id)
    }
}

/// Every row of the vault behind `conn` opened with `state`'s key, against its manifest, and
/// SQLite's own check; nothing written.
fn verify_rows(conn: &Connection, state: &State) -> Result<VerifyReport> {
    let database_ok = store::quick_check(conn)?;
    let mut rows = Vec::new();
    let mut malformed_rows = Vec::new();
    store::all_rows(conn, |r| match r {
        store::Stored::Row(row) => rows.push(row),
        store::Stored::Malformed { slot } => malformed_rows.push(slot),
    })?;
    let checked = rows.len() + malformed_rows.len();
    let duplicates = cache::duplicate_ids(&rows);
    let digest = manifest::digest(&state.manifest, rows.iter().map(|r| (r.id, r.revision)));
    let mut damaged: Vec<RecordId> = duplicates.iter().copied().collect();
    let mut entries = 0;
    for row in rows {
        let id = row.id;
        if duplicates.contains(&id) {
            continue;
        }
        match state.open(row) {
            Some(r) => entries += usize::from(r.kind().is_entry() && r.trashed.is_none()),
            None => damaged.push(id),
        }
    }
    damaged.sort();
    damaged.dedup();
    malformed_rows.sort_unstable();
    let clean = duplicates.is_empty() && malformed_rows.is_empty();
    let verdict = manifest::check(conn, state, checked as u64, digest, clean, false)?;
    Ok(VerifyReport {
        checked,
        entries,
        damaged,
        malformed_rows,
        database_ok,
        manifest_ok: verdict.set_ok,
        recovery_key_ok: verdict.recovery_ok,
    })
}
