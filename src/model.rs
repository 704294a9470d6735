//! The record envelope: id, revision, times, trash, and the body of one of the kinds
//! (`crate::kinds`, re-exported here). No serde here: the sealed payload (`codec`) and the
//! boundary types (`dto`) are separate and converted by hand.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::error::{Error, Result};

pub use crate::kinds::fields::{MAX_LIST_ITEMS, MAX_SHORT_BYTES, MAX_TEXT_BYTES};
pub use crate::kinds::*;

/// 128 random bits. Random, so the id says nothing about when or what.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecordId(pub [u8; 16]);

impl RecordId {
    pub fn random() -> Result<Self> {
        let mut b = [0u8; 16];
        crate::crypto::fill_random(&mut b)?;
        Ok(RecordId(b))
    }

    /// Whether the lowercase hex form starts with `prefix` (lowercase hex), without
    /// formatting the id.
    pub fn has_hex_prefix(&self, prefix: &str) -> bool {
        prefix.len() <= 32
            && prefix.bytes().enumerate().all(|(i, c)| {
                let nibble = (self.0[i / 2] >> if i % 2 == 0 { 4 } else { 0 }) & 0xf;
                char::from_digit(nibble.into(), 16) == Some(c as char)
            })
    }

    /// Parses the 32-hex-digit form.
    pub fn parse(s: &str) -> Result<Self> {
        let s = s.trim();
        if s.len() != 32 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Error::invalid("id", "an id is 32 hexadecimal digits"));
        }
        let mut b = [0u8; 16];
        for (i, byte) in b.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&s[2 * i..2 * i + 2], 16)
                .map_err(|_| Error::invalid("id", "an id is 32 hexadecimal digits"))?;
        }
        Ok(RecordId(b))
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RecordId({self})")
    }
}

/// A stored record: its envelope and its body.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: RecordId,
    pub revision: u64,
    /// When it was first written, in the local offset of that moment.
    pub created: DateTime<FixedOffset>,
    /// When it was last changed (any edit, trash or restore).
    pub updated: DateTime<FixedOffset>,
    /// When it happened (defaults to `created`); its local date is the record's day.
    pub at: DateTime<FixedOffset>,
    /// Set while the record is in the trash.
    pub trashed: Option<DateTime<FixedOffset>>,
    pub body: Body,
}

impl Record {
    /// The day the record belongs to: the date where and when it was written, whatever the
    /// reader's time zone.
    pub fn local_date(&self) -> NaiveDate {
        self.at.date_naive()
    }

    pub fn kind(&self) -> Kind {
        self.body.kind()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_trimmed_and_deduplicated_ignoring_case() {
        let mut b = Body::Journal(JournalEntry {
            text: "x".into(),
            tags: vec![" work ".into(), "Work".into(), "".into(), "sleep".into()],
            ..Default::default()
        });
        b.validate().unwrap();
        let Body::Journal(j) = b else { unreachable!() };
        assert_eq!(
            j.tags,
            vec!["work", "sleep"],
            "first spelling wins, empties dropped"
        );
    }

    #[test]
    fn out_of_range_scores_name_their_field() {
        let mut b = Body::Checkin(Checkin {
            stress: Some(11),
            ..Default::default()
        });
        match b.validate() {
            Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "stress"),
            other => panic!("expected InvalidInput, got {other:?}"),
        }
    }

    #[test]
    fn record_ids_round_trip_through_hex() {
        let id = RecordId::random().unwrap();
        assert_eq!(RecordId::parse(&id.to_string()).unwrap(), id);
        let hex = id.to_string();
        for n in [0, 1, 4, 7, 32] {
            assert!(
                id.has_hex_prefix(&hex[..n]),
                "its own {n}-digit prefix matches"
            );
        }
        let other = if hex.starts_with('0') { "1" } else { "0" };
        assert!(
            !id.has_hex_prefix(other),
            "another first digit does not match"
        );
        assert!(RecordId::parse("xyz").is_err());
    }
}
