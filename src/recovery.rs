//! The recovery key: 256 random bits written as 13 groups of five characters (Crockford
//! base32). Four characters of each group carry data, the fifth checks that group, so a
//! mistyped group is named before any decryption is tried.

use std::fmt;

use zeroize::Zeroizing;

use crate::crypto::SecretBytes;
use crate::error::{Error, Result};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
pub const GROUPS: usize = 13;
const DATA_CHARS: usize = 4;
const GROUP_LEN: usize = DATA_CHARS + 1;

/// A recovery key. Not `Clone`, prints redacted; `to_display` gives the text to show once.
pub struct RecoveryKey(SecretBytes);

impl RecoveryKey {
    pub fn generate() -> Result<Self> {
        Ok(RecoveryKey(SecretBytes::random()?))
    }

    pub fn secret(&self) -> &SecretBytes {
        &self.0
    }

    /// The groups joined by dashes, e.g. `7KQ2M-…`.
    pub fn to_display(&self) -> Zeroizing<String> {
        let groups = self.groups();
        Zeroizing::new(groups.join("-"))
    }

    /// The groups, for a UI that shows them in a grid or asks for one back; wiped when dropped.
    pub fn groups(&self) -> Zeroizing<Vec<String>> {
        let chars = to_chars(self.0.expose());
        Zeroizing::new(
            chars
                .chunks(DATA_CHARS)
                .enumerate()
                .map(|(i, data)| {
                    let mut g = String::with_capacity(GROUP_LEN);
                    g.extend(data.iter().map(|&c| ALPHABET[c as usize] as char));
                    g.push(ALPHABET[check(i, data) as usize] as char);
                    g
                })
                .collect(),
        )
    }

    /// Whether `typed` is group `group` (1-based) of this key, read as leniently as `parse`
    /// reads a whole key: how a person shows they kept the key before it takes effect.
    pub fn group_matches(&self, group: usize, typed: &str) -> bool {
        let groups = self.groups();
        let Some(want) = group.checked_sub(1).and_then(|i| groups.get(i)) else {
            return false;
        };
        let got: Zeroizing<String> = Zeroizing::new(
            typed
                .chars()
                .filter(|c| *c != '-' && !c.is_whitespace())
                .map(|c| match c.to_ascii_uppercase() {
                    'O' => '0',
                    'I' | 'L' => '1',
                    other => other,
                })
                .collect(),
        );
        // Not secret from the one comparing (the key is on their screen); equal length first.
        got.as_str() == want.as_str()
    }

    /// Parses what a person typed: case, spaces and dashes do not matter; O reads as 0, I and
    /// L as 1. A group whose check fails is named (1-based).
    pub fn parse(typed: &str) -> Result<Self> {
        let mut values: Zeroizing<Vec<u8>> = Zeroizing::new(Vec::with_capacity(GROUPS * GROUP_LEN));
        for c in typed.chars() {
            if c == '-' || c.is_whitespace() {
                continue;
            }
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            };
            // An impossible character still counts toward the length, so the group is named.
            let v = ALPHABET
                .iter()
                .position(|&a| a as char == c)
                .map_or(255, |p| p as u8);
            values.push(v);
        }
        if values.len() != GROUPS * GROUP_LEN {
            return Err(Error::invalid(
                "recovery_key",
                format!(
                    "a recovery key has {GROUPS} groups of {GROUP_LEN} characters ({} given)",
                    values.len()
                ),
            ));
        }
        let mut data: Zeroizing<Vec<u8>> = Zeroizing::new(Vec::with_capacity(GROUPS * DATA_CHARS));
        for (i, group) in values.chunks(GROUP_LEN).enumerate() {
            let (d, c) = group.split_at(DATA_CHARS);
            if group.contains(&255) || check(i, d) != c[0] {
                return Err(Error::RecoveryKeyMistyped { group: i + 1 });
            }
            data.extend_from_slice(d);
        }
        let bytes = from_chars(&data).ok_or(Error::RecoveryKeyMistyped { group: GROUPS })?;
        Ok(RecoveryKey(SecretBytes::from_array(*bytes)))
    }
}

impl fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryKey(****)")
    }
}

/// Check character for group `index` over its data characters: a keyed digest, so swapped
/// groups and single-character slips are both caught (31 in 32 of any other error).
fn check(index: usize, data: &[u8]) -> u8 {
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    ctx.update(b"keel recovery group");
    ctx.update(&[index as u8]);
    ctx.update(data);
    ctx.finish().as_ref()[0] & 31
}

/// 256 bits → 52 five-bit values (the last four bits are zero).
fn to_chars(bytes: &[u8; 32]) -> Zeroizing<Vec<u8>> {
    let mut out = Zeroizing::new(Vec::with_capacity(GROUPS * DATA_CHARS));
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in bytes {
        acc = (acc << 8) | b as u32;
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(((acc >> bits) & 31) as u8);
        }
    }
    out.push(((acc << (5 - bits)) & 31) as u8);
    out
}

fn from_chars(values: &[u8]) -> Option<Zeroizing<[u8; 32]>> {
    let mut out = Zeroizing::new([0u8; 32]);
    let (mut acc, mut bits, mut n) = (0u32, 0u32, 0usize);
    for &v in values {
        acc = (acc << 5) | v as u32;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            if n < 32 {
                out[n] = (acc >> bits) as u8;
            }
            n += 1;
            acc &= (1 << bits) - 1;
        }
    }
    // 52 * 5 = 260 bits: 32 bytes and four padding bits that must be zero.
    (n == 32 && bits == 4 && acc == 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_round_trips_through_its_display_form() {
        let k = RecoveryKey::generate().unwrap();
        let shown = k.to_display();
        assert_eq!(shown.split('-').count(), GROUPS);
        let back = RecoveryKey::parse(&shown.to_lowercase()).unwrap();
        assert_eq!(
            back.secret().expose(),
            k.secret().expose(),
            "lowercase must parse"
        );
        let spaced = shown.replace('-', " ");
        assert!(
            RecoveryKey::parse(&spaced).is_ok(),
            "spaces instead of dashes parse"
        );
    }

    #[test]
    fn every_mistyped_group_is_named() {
        let k = RecoveryKey::generate().unwrap();
        let groups = k.groups();
        for g in 0..GROUPS {
            let mut typed = groups.clone();
            let mut chars: Vec<char> = typed[g].chars().collect();
            // Change one data character to another valid one; try until the check catches it
            // (it misses 1 in 32 single slips by design, so use two different slips).
            let original = chars[1];
            let mut named = false;
            for &candidate in ALPHABET.iter() {
                if candidate as char == original {
                    continue;
                }
                chars[1] = candidate as char;
                typed[g] = chars.iter().collect();
                match RecoveryKey::parse(&typed.join("-")) {
                    Err(Error::RecoveryKeyMistyped { group }) => {
                        assert_eq!(group, g + 1, "the mistyped group must be the one named");
                        named = true;
                        break;
                    }
                    Ok(_) => continue,
                    Err(e) => panic!("unexpected error {e}"),
                }
            }
            assert!(named, "some slip in group {} must be caught", g + 1);
        }
    }

    #[test]
    fn most_single_slips_are_caught() {
        let k = RecoveryKey::generate().unwrap();
        let shown = k.to_display().to_string();
        let (mut caught, mut tried) = (0, 0);
        for pos in shown
            .char_indices()
            .filter(|(_, c)| *c != '-')
            .map(|(i, _)| i)
        {
            for &c in ALPHABET.iter().take(8) {
                if shown.as_bytes()[pos] == c {
                    continue;
                }
                let mut typed = shown.clone().into_bytes();
                typed[pos] = c;
                tried += 1;
                if RecoveryKey::parse(std::str::from_utf8(&typed).unwrap()).is_err() {
                    caught += 1;
                }
            }
        }
        assert!(
            caught * 100 >= tried * 90,
            "caught {caught} of {tried} slips"
        );
    }

    #[test]
    fn a_short_key_says_how_long_it_should_be() {
        let e = RecoveryKey::parse("ABCDE-FGHJK").unwrap_err();
        assert_eq!(e.code(), crate::error::ErrorCode::InvalidInput);
    }
}
