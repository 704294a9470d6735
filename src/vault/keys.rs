//! The header's key wraps: the data key under the passphrase's KEK and under the recovery key,
//! each bound to the header fields it depends on; and the associated data of every record.

use crate::crypto::{self, KdfParams, Passphrase, SealingKey, SecretBytes};
use crate::error::{Error, Result};
use crate::model::RecordId;
use crate::recovery::RecoveryKey;
use crate::store::Header;

/// The vault format this build writes and reads (the header's `format_version`). A build that
/// seals records in a new ciphertext format raises it, so older builds refuse the vault as a
/// whole instead of meeting rows they cannot open.
pub const FORMAT_VERSION: u32 = 1;
/// Fewest characters a passphrase may have.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// A record's associated data: the vault, the format the record was sealed under (the first
/// byte of its ciphertext, so a later format leaves older records readable), its id and its
/// revision. A ciphertext moved to another row or vault, or put back at an older revision,
/// does not open.
pub fn record_aad(vault_id: &[u8; 16], format: u8, id: RecordId, revision: u64) -> [u8; 58] {
    let mut aad = [0u8; 58];
    aad[..14].copy_from_slice(b"keel/record/v1");
    aad[14..30].copy_from_slice(vault_id);
    aad[30..34].copy_from_slice(&u32::from(format).to_be_bytes());
    aad[34..50].copy_from_slice(&id.0);
    aad[50..58].copy_from_slice(&revision.to_be_bytes());
    aad
}

pub fn check_passphrase(p: &Passphrase) -> Result<()> {
    if p.expose().chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(Error::invalid(
            "passphrase",
            format!("a passphrase has at least {MIN_PASSPHRASE_CHARS} characters"),
        ));
    }
    Ok(())
}

pub fn check_format(h: &Header) -> Result<()> {
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

/// A new salt and a new wrap of `key` under the passphrase (in NFC), at the header's KDF cost.
pub fn wrap_with_passphrase(h: &mut Header, key: &SealingKey, pass: &Passphrase) -> Result<()> {
    let mut salt = vec![0u8; 16];
    crypto::fill_random(&mut salt)?;
    h.salt = salt;
    let kek = crypto::derive_kek(&pass.nfc(), &h.salt, h.kdf)?;
    h.passphrase_wrap = kek.seal(key.raw().expose(), &passphrase_aad(h))?;
    Ok(())
}

/// As `wrap_with_passphrase`, at Keel's own KDF cost: every wrap after the first (recover,
/// passphrase change, re-key, the NFC upgrade) uses it, so a cost raised by someone else does
/// not stay raised.
pub fn rewrap_with_passphrase(h: &mut Header, key: &SealingKey, pass: &Passphrase) -> Result<()> {
    h.kdf = KdfParams::KEEL;
    wrap_with_passphrase(h, key, pass)
}

pub fn wrap_with_recovery(h: &mut Header, key: &SealingKey, rk: &RecoveryKey) -> Result<()> {
    let kek = crypto::recovery_kek(rk.secret())?;
    h.recovery_wrap = kek.seal(key.raw().expose(), &recovery_aad(h))?;
    Ok(())
}

/// The data key, unwrapped with the passphrase (`WrongPassphrase` if it does not open), and
/// whether the wrap should be made again: a vault made before passphrases were normalised may
/// have been wrapped under the passphrase exactly as typed.
pub fn unwrap_with_passphrase(h: &Header, pass: &Passphrase) -> Result<(SealingKey, bool)> {
    let open = |p: &Passphrase| -> Result<Option<SealingKey>> {
        let kek = crypto::derive_kek(p, &h.salt, h.kdf)?;
        kek.open(h.passphrase_wrap.clone(), &passphrase_aad(h))
            .map(|raw| data_key_from(&raw))
            .transpose()
    };
    let nfc = pass.nfc();
    if let Some(key) = open(&nfc)? {
        return Ok((key, false));
    }
    if nfc.expose() != pass.expose()
        && let Some(key) = open(pass)?
    {
        return Ok((key, true));
    }
    Err(Error::WrongPassphrase)
}

/// The data key, unwrapped with the recovery key (`WrongRecoveryKey` if it does not open).
pub fn unwrap_with_recovery(h: &Header, rk: &RecoveryKey) -> Result<SealingKey> {
    let kek = crypto::recovery_kek(rk.secret())?;
    let raw = kek
        .open(h.recovery_wrap.clone(), &recovery_aad(h))
        .ok_or(Error::WrongRecoveryKey)?;
    data_key_from(&raw)
}

fn data_key_from(raw: &[u8]) -> Result<SealingKey> {
    let arr: [u8; 32] = raw.try_into().map_err(|_| Error::VaultDamaged {
        detail: "the wrapped data key has the wrong length",
    })?;
    SealingKey::new(SecretBytes::from_array(arr))
}
