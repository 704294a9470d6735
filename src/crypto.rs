//! Keys and sealing. Argon2id turns a passphrase into a key-encryption key (KEK); the KEK and
//! the recovery key each wrap one random data key; the data key seals every record with
//! AES-256-GCM under a fresh random nonce.
//!
//! Architecture Invariant: no type here is `Serialize`, `Clone` or printable; keys zeroize on drop.

use std::fmt;

use ring::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::rand::{SecureRandom, SystemRandom};
use zeroize::{Zeroize, Zeroizing};

use crate::error::{Error, Result};

/// The first byte of every ciphertext: how it was sealed.
pub const CIPHERTEXT_VERSION: u8 = 1;
const TAG_LEN: usize = 16;
/// Smallest sealed plaintext; lengths below leak nothing but "short".
const MIN_BUCKET: usize = 512;

/// Argon2id cost. The floor is what the product promises; a header below it is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub passes: u32,
    pub lanes: u32,
}

impl KdfParams {
    pub const FLOOR: KdfParams = KdfParams {
        memory_kib: 64 * 1024,
        passes: 3,
        lanes: 1,
    };
    /// What Keel writes: every wrap it makes (create, recover, passphrase change, re-key)
    /// uses these, so a header raised by someone else does not stay raised.
    pub const KEEL: KdfParams = KdfParams::FLOOR;
    /// A ceiling keeps a hostile header from making unlock allocate gigabytes or run for
    /// minutes before the passphrase is even checked.
    const CEILING: KdfParams = KdfParams {
        memory_kib: 1024 * 1024,
        passes: 10,
        lanes: 8,
    };

    pub fn check(&self) -> Result<()> {
        if self.memory_kib < Self::FLOOR.memory_kib
            || self.passes < Self::FLOOR.passes
            || self.lanes < Self::FLOOR.lanes
        {
            return Err(Error::WeakKdfParameters);
        }
        if self.memory_kib > Self::CEILING.memory_kib
            || self.passes > Self::CEILING.passes
            || self.lanes > Self::CEILING.lanes
        {
            return Err(Error::VaultDamaged {
                detail: "the header asks for impossible key-derivation costs",
            });
        }
        Ok(())
    }
}

/// 256 secret bits with a redacted Debug; zeroized on drop.
pub struct SecretBytes(Zeroizing<[u8; 32]>);

impl SecretBytes {
    pub fn random() -> Result<Self> {
        let mut b = Zeroizing::new([0u8; 32]);
        fill_random(&mut b[..])?;
        Ok(SecretBytes(b))
    }
    pub fn from_array(mut a: [u8; 32]) -> Self {
        let s = SecretBytes(Zeroizing::new(a));
        a.zeroize();
        s
    }
    pub fn expose(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Debug for SecretBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key(****)")
    }
}

/// A passphrase as typed. Zeroized on drop, never printed.
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// Keeps the passphrase as typed; `nfc()` gives the form the key is derived from.
    pub fn new(s: String) -> Self {
        Passphrase(Zeroizing::new(s))
    }
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The passphrase in Unicode NFC: a composed "é" and an "e" with a combining accent (from
    /// another keyboard, input method or OS) are the same passphrase.
    pub fn nfc(&self) -> Passphrase {
        let n = icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(&self.0);
        Passphrase::new(n.into_owned())
    }
}

impl From<&str> for Passphrase {
    fn from(s: &str) -> Self {
        Passphrase::new(s.to_owned())
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(****)")
    }
}

/// An AES-256-GCM key. ring keeps its expanded key schedule inside `LessSafeKey` and does not
/// zeroize it; we zeroize our own copy of the raw bytes and drop the schedule on lock.
pub struct SealingKey {
    raw: SecretBytes,
    key: LessSafeKey,
}

impl SealingKey {
    pub fn new(raw: SecretBytes) -> Result<Self> {
        let unbound = UnboundKey::new(&AES_256_GCM, raw.expose()).map_err(|_| crypto_failure())?;
        Ok(SealingKey {
            raw,
            key: LessSafeKey::new(unbound),
        })
    }

    pub fn raw(&self) -> &SecretBytes {
        &self.raw
    }

    /// `version || nonce || ciphertext || tag`, with `aad` bound in.
    pub fn seal(&self, plaintext: &[u8], aad: &[u8]) -> Result<Vec<u8>> {
        let mut nonce = [0u8; NONCE_LEN];
        fill_random(&mut nonce)?;
        let mut out = Vec::with_capacity(1 + NONCE_LEN + plaintext.len() + TAG_LEN);
        out.push(CIPHERTEXT_VERSION);
        out.extend_from_slice(&nonce);
        let body_start = out.len();
        out.extend_from_slice(plaintext);
        let mut body = out.split_off(body_start);
        self.key
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(aad),
                &mut body,
            )
            .map_err(|_| crypto_failure())?;
        out.extend_from_slice(&body);
        Ok(out)
    }

    /// Opens what `seal` made (under this format or an older one), decrypting in the buffer it was given (no copy: unlock opens
    /// tens of megabytes). `None` for anything that does not authenticate, never a panic.
    pub fn open(&self, sealed: Vec<u8>, aad: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        let mut buf = Zeroizing::new(sealed);
        if buf.len() < 1 + NONCE_LEN + TAG_LEN || !(1..=CIPHERTEXT_VERSION).contains(&buf[0]) {
            return None;
        }
        let nonce = Nonce::try_assume_unique_for_key(&buf[1..1 + NONCE_LEN]).ok()?;
        let len = self
            .key
            .open_within(nonce, Aad::from(aad), &mut buf[..], 1 + NONCE_LEN..)
            .ok()?
            .len();
        buf.truncate(len);
        Some(buf)
    }
}

impl fmt::Debug for SealingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key(****)")
    }
}

/// Argon2id(passphrase, salt) with the given cost; refuses parameters below the floor first.
pub fn derive_kek(pass: &Passphrase, salt: &[u8], params: KdfParams) -> Result<SealingKey> {
    params.check()?;
    let argon_params =
        argon2::Params::new(params.memory_kib, params.passes, params.lanes, Some(32)).map_err(
            |_| Error::VaultDamaged {
                detail: "the header's key-derivation parameters are invalid",
            },
        )?;
    let argon = argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        argon_params,
    );
    let mut out = [0u8; 32];
    argon
        .hash_password_into(pass.expose().as_bytes(), salt, &mut out)
        .map_err(|_| Error::VaultDamaged {
            detail: "the header's salt is invalid",
        })?;
    SealingKey::new(SecretBytes::from_array(out))
}

/// The key that a recovery secret wraps the data key with (HKDF-SHA256 over the 256 bits).
pub fn recovery_kek(secret: &SecretBytes) -> Result<SealingKey> {
    use ring::hkdf;
    struct Len32;
    impl hkdf::KeyType for Len32 {
        fn len(&self) -> usize {
            32
        }
    }
    let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, b"keel recovery v1").extract(secret.expose());
    let info = [b"wrap data key".as_slice()];
    let okm = prk.expand(&info, Len32).map_err(|_| crypto_failure())?;
    let mut out = [0u8; 32];
    okm.fill(&mut out).map_err(|_| crypto_failure())?;
    SealingKey::new(SecretBytes::from_array(out))
}

/// The key of the record manifest: HMAC-SHA256 under a key derived from the data key.
pub struct ManifestKey(ring::hmac::Key);

impl ManifestKey {
    pub fn derive(data_key: &SecretBytes) -> Result<Self> {
        use ring::hkdf;
        let prk =
            hkdf::Salt::new(hkdf::HKDF_SHA256, b"keel manifest v1").extract(data_key.expose());
        let info = [b"record set digest".as_slice()];
        let okm = prk
            .expand(&info, ring::hmac::HMAC_SHA256)
            .map_err(|_| crypto_failure())?;
        Ok(ManifestKey(ring::hmac::Key::from(okm)))
    }

    /// This row's share of the set digest; the digest is the XOR of every row's share, so one
    /// write updates it in constant time (XOR of a PRF over distinct ids is a set MAC).
    pub fn term(&self, id: &[u8; 16], revision: u64) -> [u8; 32] {
        let mut ctx = ring::hmac::Context::with_key(&self.0);
        ctx.update(id);
        ctx.update(&revision.to_be_bytes());
        let mut out = [0u8; 32];
        out.copy_from_slice(ctx.sign().as_ref());
        out
    }
}

impl ManifestKey {
    /// A keyed digest of the header's recovery wrap, so a wrap changed outside Keel (which
    /// would leave the user's recovery key useless without a word) is noticed at unlock.
    pub fn recovery_mac(&self, recovery_wrap: &[u8]) -> [u8; 32] {
        let mut ctx = ring::hmac::Context::with_key(&self.0);
        ctx.update(b"keel recovery wrap v1");
        ctx.update(recovery_wrap);
        let mut out = [0u8; 32];
        out.copy_from_slice(ctx.sign().as_ref());
        out
    }
}

impl fmt::Debug for ManifestKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key(****)")
    }
}

/// `a ^= b`, for set digests.
pub fn xor_into(a: &mut [u8; 32], b: &[u8; 32]) {
    a.iter_mut().zip(b).for_each(|(x, y)| *x ^= y);
}

/// Pads to a bucket: `len (u32 LE) || data || zeros`. Below 512 bytes everything looks alike;
/// above, Padmé rounding (Nikitin et al., PETS 2019) leaks O(log log n) bits of the length at
/// most 12% overhead, where doubling buckets would cost up to 100%.
pub fn pad(data: &[u8]) -> Zeroizing<Vec<u8>> {
    let bucket = padme((4 + data.len()).max(MIN_BUCKET));
    let mut out = Zeroizing::new(Vec::with_capacity(bucket));
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out.extend_from_slice(data);
    out.resize(bucket, 0);
    out
}

/// Padmé: keep the top ⌊log2 e⌋+1 bits of a length whose exponent is e; round up the rest.
fn padme(len: usize) -> usize {
    if len < 2 {
        return len;
    }
    let e = usize::BITS - 1 - len.leading_zeros(); // ⌊log2 len⌋
    let s = u32::BITS - e.leading_zeros(); // ⌊log2 e⌋ + 1
    let mask = (1usize << (e - s.min(e))) - 1;
    (len + mask) & !mask
}

/// Undoes `pad`; `None` if the length prefix is impossible.
pub fn unpad(padded: &[u8]) -> Option<&[u8]> {
    let len = u32::from_le_bytes(padded.get(..4)?.try_into().ok()?) as usize;
    padded.get(4..4usize.checked_add(len)?)
}

pub fn fill_random(buf: &mut [u8]) -> Result<()> {
    SystemRandom::new().fill(buf).map_err(|_| crypto_failure())
}

fn crypto_failure() -> Error {
    Error::Io(std::io::Error::other(
        "the system random source or cipher failed",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padding_hides_the_exact_length_and_round_trips() {
        for n in [0usize, 1, 100, 252, 253, 5000, 70_000] {
            let data = vec![7u8; n];
            let p = pad(&data);
            assert!(
                p.len() >= MIN_BUCKET,
                "every plaintext is at least one bucket"
            );
            assert_eq!(unpad(&p), Some(&data[..]), "padding must round-trip at {n}");
        }
        assert_eq!(
            pad(b"a").len(),
            pad(&[0u8; 200]).len(),
            "short texts share a bucket"
        );
    }

    #[test]
    fn sealing_binds_the_associated_data() {
        let k = SealingKey::new(SecretBytes::random().unwrap()).unwrap();
        let c = k.seal(b"hello", b"aad-1").unwrap();
        assert_eq!(
            k.open(c.clone(), b"aad-1").as_deref().map(|v| &v[..]),
            Some(&b"hello"[..])
        );
        assert!(
            k.open(c.clone(), b"aad-2").is_none(),
            "other associated data must not open"
        );
        let c2 = k.seal(b"hello", b"aad-1").unwrap();
        assert_ne!(
            c, c2,
            "a fresh nonce per seal makes equal plaintexts differ"
        );
    }

    #[test]
    fn keys_print_redacted() {
        let k = SecretBytes::random().unwrap();
        assert_eq!(format!("{k:?}"), "Key(****)");
        assert_eq!(
            format!("{:?}", Passphrase::from("hunter2")),
            "Passphrase(****)"
        );
    }
}
