//! The record manifest: a keyed digest of the set of `(id, revision)` pairs, changed in the
//! same transaction as every write, so a row put back from an older copy, or removed, outside
//! Keel no longer matches it.

use rusqlite::Connection;

use crate::crypto::{self, ManifestKey};
use crate::error::Result;
use crate::model::RecordId;
use crate::store;

/// The digest of a set of rows.
pub fn digest(key: &ManifestKey, rows: impl IntoIterator<Item = (RecordId, u64)>) -> [u8; 32] {
    let mut d = [0u8; 32];
    for (id, rev) in rows {
        crypto::xor_into(&mut d, &key.term(&id.0, rev));
    }
    d
}

/// Applies one write to the stored digest: the rows it removed and the rows it added. The one
/// place the manifest is written.
pub fn apply(
    conn: &Connection,
    key: &ManifestKey,
    removed: impl IntoIterator<Item = (RecordId, u64)>,
    added: impl IntoIterator<Item = (RecordId, u64)>,
) -> Result<()> {
    let mut d = store::read_manifest(conn)?;
    crypto::xor_into(&mut d, &digest(key, removed));
    crypto::xor_into(&mut d, &digest(key, added));
    store::write_manifest(conn, &d)
}
