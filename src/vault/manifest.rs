//! The record manifest: how many rows the vault holds, a write counter that only grows, and a
//! keyed digest of the set of `(id, revision)` pairs, sealed under the data key so nothing about
//! the set stands in clear. It changes in the same transaction as every write, so a row put
//! back from an older copy, removed, or duplicated outside Keel no longer matches it.
//!
//! Once a mismatch has been found, writes keep it (they apply their change to the stored
//! digest, or, when the manifest itself is gone or does not open, rebuild it from the rows
//! with `flagged` set), so a warning is never washed away by the next save; only the user's
//! "keep things as they are now" (`accept`) clears it.

use rusqlite::Connection;

use super::cache::State;
use crate::crypto::{self, ManifestKey};
use crate::error::Result;
use crate::model::RecordId;
use crate::store;

const AAD: &[u8] = b"keel/manifest/v1";
const VERSION: u8 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Manifest {
    pub count: u64,
    pub counter: u64,
    pub digest: [u8; 32],
    /// The set was found changed outside Keel and the user has not yet accepted it.
    pub flagged: bool,
    /// `ManifestKey::recovery_mac` of the header's recovery wrap as Keel last wrote it.
    pub recovery: [u8; 32],
}

impl Manifest {
    /// A new vault's, before its first row.
    pub fn empty(recovery: [u8; 32]) -> Manifest {
        Manifest {
            count: 0,
            counter: 0,
            digest: [0; 32],
            flagged: false,
            recovery,
        }
    }

    fn to_bytes(self) -> Vec<u8> {
        let mut b = Vec::with_capacity(82);
        b.push(VERSION);
        b.extend_from_slice(&self.count.to_be_bytes());
        b.extend_from_slice(&self.counter.to_be_bytes());
        b.extend_from_slice(&self.digest);
        b.push(u8::from(self.flagged));
        b.extend_from_slice(&self.recovery);
        b
    }

    fn from_bytes(b: &[u8]) -> Option<Self> {
        if b.len() != 82 || b[0] != VERSION || b[49] > 1 {
            return None;
        }
        Some(Manifest {
            count: u64::from_be_bytes(b[1..9].try_into().ok()?),
            counter: u64::from_be_bytes(b[9..17].try_into().ok()?),
            digest: b[17..49].try_into().ok()?,
            flagged: b[49] == 1,
            recovery: b[50..82].try_into().ok()?,
        })
    }
}

fn aad(vault_id: &[u8; 16]) -> Vec<u8> {
    [AAD, vault_id.as_slice()].concat()
}

/// The digest of a set of rows.
pub fn digest(key: &ManifestKey, rows: impl IntoIterator<Item = (RecordId, u64)>) -> [u8; 32] {
    let mut d = [0u8; 32];
    for (id, rev) in rows {
        crypto::xor_into(&mut d, &key.term(&id.0, rev));
    }
    d
}

/// The stored manifest; `None` if there is none or it does not open.
pub fn read(conn: &Connection, st: &State) -> Result<Option<Manifest>> {
    Ok(store::read_manifest(conn)?.and_then(|sealed| open(st, sealed)))
}

/// A sealed manifest opened, or `None` if it does not open.
fn open(st: &State, sealed: Vec<u8>) -> Option<Manifest> {
    st.key
        .open(sealed, &aad(&st.vault_id))
        .and_then(|plain| Manifest::from_bytes(&plain))
}

pub fn write(conn: &Connection, st: &State, m: Manifest) -> Result<()> {
    let sealed = st.key.seal(&m.to_bytes(), &aad(&st.vault_id))?;
    store::write_manifest(conn, &sealed)
}

/// The recovery wrap's digest as the header holds it now.
pub fn header_recovery(conn: &Connection, st: &State) -> Result<[u8; 32]> {
    Ok(st
        .manifest
        .recovery_mac(&store::read_header(conn)?.recovery_wrap))
}

/// After Keel itself wrote a new recovery wrap: the manifest vouches for it.
pub fn set_recovery(conn: &Connection, st: &State) -> Result<()> {
    if let Some(mut m) = read(conn, st)? {
        m.recovery = header_recovery(conn, st)?;
        m.counter += 1;
        write(conn, st, m)?;
    }
    Ok(())
}

/// What the rows say now: their count and digest (malformed rows count, and cannot match).
pub fn from_rows(conn: &Connection, key: &ManifestKey) -> Result<(u64, [u8; 32])> {
    Ok((
        store::row_count(conn)?,
        digest(key, store::revisions(conn)?),
    ))
}

/// Applies one write to the manifest: the rows it removed and the rows it added. The one place
/// the manifest changes with a write.
pub fn apply(
    conn: &Connection,
    st: &State,
    removed: impl IntoIterator<Item = (RecordId, u64)>,
    added: impl IntoIterator<Item = (RecordId, u64)>,
) -> Result<()> {
    let removed: Vec<_> = removed.into_iter().collect();
    let added: Vec<_> = added.into_iter().collect();
    let mut m = match read(conn, st)? {
        Some(m) => m,
        None => {
            // Gone or forged: start again from the rows as they are, remembering that the set
            // can no longer be vouched for. The write's own rows are already in place.
            let (count, digest) = from_rows(conn, &st.manifest)?;
            let m = Manifest {
                count,
                counter: 0,
                digest,
                flagged: true,
                recovery: header_recovery(conn, st)?,
            };
            write(conn, st, m)?;
            return Ok(());
        }
    };
    crypto::xor_into(
        &mut m.digest,
        &digest(&st.manifest, removed.iter().copied()),
    );
    crypto::xor_into(&mut m.digest, &digest(&st.manifest, added.iter().copied()));
    m.count = (m.count + added.len() as u64).saturating_sub(removed.len() as u64);
    m.counter += 1;
    write(conn, st, m)
}

/// What the stored manifest says of the vault as it stands.
pub struct Verdict {
    /// It vouches for rows of this count and digest.
    pub set_ok: bool,
    /// The header's recovery wrap is the one Keel last wrote. With no manifest to vouch for
    /// it, that is already reported as a changed set, so it is not said twice.
    pub recovery_ok: bool,
}

/// Checks the rows' count and digest, and the header's recovery wrap, against the stored
/// manifest (read and opened once). A vault from before the manifest was sealed is checked
/// against its clear digest once and, when it matches, given a sealed manifest (`upgrade`).
pub fn check(
    conn: &Connection,
    st: &State,
    count: u64,
    rows_digest: [u8; 32],
    clean: bool,
    upgrade: bool,
) -> Result<Verdict> {
    let unvouched = |set_ok| Verdict {
        set_ok,
        recovery_ok: true,
    };
    // Schema 1 has no sealed manifest table: a backup taken before the migration that added it.
    let sealed = if store::schema_version(conn)? < 2 {
        None
    } else {
        store::read_manifest(conn)?
    };
    if let Some(sealed) = sealed {
        return Ok(match open(st, sealed) {
            Some(m) => Verdict {
                set_ok: clean && !m.flagged && m.count == count && m.digest == rows_digest,
                recovery_ok: m.recovery == header_recovery(conn, st)?,
            },
            None => unvouched(false),
        });
    }
    let legacy_ok = clean && store::read_legacy_digest(conn)? == Some(rows_digest);
    if legacy_ok && upgrade {
        let tx =
            rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
        write(
            &tx,
            st,
            Manifest {
                count,
                counter: 0,
                digest: rows_digest,
                flagged: false,
                recovery: header_recovery(&tx, st)?,
            },
        )?;
        store::clear_legacy_digest(&tx)?;
        tx.commit()?;
    }
    Ok(unvouched(legacy_ok))
}

/// The user's "keep things as they are now": the manifest vouches for the rows as they stand.
pub fn accept(conn: &Connection, st: &State) -> Result<()> {
    let (count, digest) = from_rows(conn, &st.manifest)?;
    let counter = read(conn, st)?.map_or(0, |m| m.counter + 1);
    write(
        conn,
        st,
        Manifest {
            count,
            counter,
            digest,
            flagged: false,
            recovery: header_recovery(conn, st)?,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_round_trips_and_a_wrong_length_or_flag_is_refused() {
        let m = Manifest {
            count: 31,
            counter: 7,
            digest: [9; 32],
            flagged: true,
            recovery: [4; 32],
        };
        assert_eq!(Manifest::from_bytes(&m.to_bytes()), Some(m));
        let mut b = m.to_bytes();
        b[49] = 2;
        assert_eq!(Manifest::from_bytes(&b), None);
        assert_eq!(Manifest::from_bytes(&m.to_bytes()[..81]), None);
    }
}
