//! The sealed payload: what is inside each record's ciphertext, before padding.
//!
//! ```text
//! {"created":…, "updated":…, "at":…, "trashed":…?, "v": 2?, "body": {"<kind tag>": {…}}}
//! ```
//!
//! The envelope (times, trash) is common to every kind; `body` holds one kind's payload under
//! its tag, and `v` is that payload's version (absent means 1: version 1 was written before
//! versions were recorded, and golden fixtures keep it readable). Each kind owns its payload
//! versions (`crate::kinds`); this module only frames them. Converted by hand from the domain,
//! so a change to a boundary type can never change what is on disk.

use std::borrow::Cow;
use std::fmt;

use chrono::{DateTime, FixedOffset};
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;
use zeroize::Zeroizing;

use crate::model::{Body, Record, RecordId};

#[derive(Serialize)]
struct PayloadOut<'a> {
    created: DateTime<FixedOffset>,
    updated: DateTime<FixedOffset>,
    at: DateTime<FixedOffset>,
    #[serde(skip_serializing_if = "Option::is_none")]
    trashed: Option<DateTime<FixedOffset>>,
    v: u16,
    body: Tagged<'a>,
}

#[derive(Deserialize)]
struct PayloadIn<'a> {
    created: DateTime<FixedOffset>,
    updated: DateTime<FixedOffset>,
    at: DateTime<FixedOffset>,
    #[serde(default)]
    trashed: Option<DateTime<FixedOffset>>,
    #[serde(default = "version_one")]
    v: u16,
    #[serde(borrow)]
    body: Tagged<'a>,
}

fn version_one() -> u16 {
    1
}

/// `{"<tag>": <payload>}`: exactly one entry, the payload kept as raw JSON until the version
/// (which may come after it) is known.
struct Tagged<'a>(Cow<'a, str>, &'a RawValue);

impl Serialize for Tagged<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry(&self.0, self.1)?;
        m.end()
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Tagged<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Tagged<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map with one kind tag")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let (tag, raw): (Cow<'de, str>, &'de RawValue) = map
                    .next_entry()?
                    .ok_or_else(|| de::Error::custom("an empty body"))?;
                if map.next_key::<de::IgnoredAny>()?.is_some() {
                    return Err(de::Error::custom("a body with two tags"));
                }
                Ok(Tagged(tag, raw))
            }
        }
        d.deserialize_map(V)
    }
}

/// The record's plaintext (before padding); `None` for a record from a newer Keel, which is
/// never written. The id and revision live outside, in the associated data.
pub fn encode(r: &Record) -> Option<Zeroizing<Vec<u8>>> {
    let (tag, v, payload) = r.body.encode()?;
    let payload = Zeroizing::new(payload);
    // The kind's own encoder produced valid JSON; RawValue only checks it again.
    let raw = serde_json::from_slice::<&RawValue>(&payload).ok()?;
    let p = PayloadOut {
        created: r.created,
        updated: r.updated,
        at: r.at,
        trashed: r.trashed,
        v,
        body: Tagged(Cow::Borrowed(tag), raw),
    };
    serde_json::to_vec(&p).ok().map(Zeroizing::new)
}

/// Rebuilds a record from its opened plaintext; `None` if it is not a payload this build can
/// read as written (a kind or version it does not know is `Body::Unknown`, not `None`).
pub fn decode(id: RecordId, revision: u64, bytes: &[u8]) -> Option<Record> {
    let p: PayloadIn = serde_json::from_slice(bytes).ok()?;
    let body = Body::decode(&p.body.0, p.v, p.body.1.get())?;
    Some(Record {
        id,
        revision,
        created: p.created,
        updated: p.updated,
        at: p.at,
        trashed: p.trashed,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn record(body: Body) -> Record {
        let t = DateTime::parse_from_rfc3339("2026-11-27T21:30:00-05:00").unwrap();
        Record {
            id: RecordId([7; 16]),
            revision: 3,
            created: t,
            updated: t,
            at: t,
            trashed: None,
            body,
        }
    }

    #[test]
    fn every_kind_round_trips_and_records_its_version() {
        let bodies = [
            Body::Checkin(Checkin {
                stress: Some(3),
                context: Some(Context::Home),
                ..Default::default()
            }),
            Body::Journal(JournalEntry {
                text: "x".into(),
                ..Default::default()
            }),
        ];
        for b in bodies {
            let r = record(b);
            let bytes = encode(&r).unwrap();
            let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            assert_eq!(v["v"], r.kind().version(), "the payload names its version");
            assert_eq!(decode(r.id, r.revision, &bytes).unwrap(), r);
        }
    }

    #[test]
    fn a_future_kind_and_a_future_version_decode_as_unknown_and_are_never_encoded() {
        let future = br#"{"created":"2027-01-01T09:00:00+01:00","updated":"2027-01-01T09:00:00+01:00","at":"2027-01-01T08:00:00+01:00","v":3,"body":{"urge_surf":{"peak":7,"minutes":12}}}"#;
        let r = decode(RecordId([1; 16]), 1, future).expect("kept, not damaged");
        assert_eq!(r.kind(), Kind::Unknown);
        assert_eq!(
            r.at.to_rfc3339(),
            "2027-01-01T08:00:00+01:00",
            "its day is kept"
        );
        let Body::Unknown(u) = &r.body else {
            unreachable!()
        };
        assert_eq!((u.tag.as_str(), u.version), ("urge_surf", 3));
        assert_eq!(u.payload, r#"{"peak":7,"minutes":12}"#);
        assert!(encode(&r).is_none(), "a newer record is never rewritten");

        let newer = format!(
            r#"{{"created":"2027-01-01T09:00:00+01:00","updated":"2027-01-01T09:00:00+01:00","at":"2027-01-01T09:00:00+01:00","v":{},"body":{{"checkin":{{"stress":4,"energy":7}}}}}}"#,
            Kind::Checkin.version() + 1
        );
        let r = decode(RecordId([2; 16]), 1, newer.as_bytes()).unwrap();
        assert_eq!(
            r.kind(),
            Kind::Unknown,
            "a version newer than this build's is not read as an older one"
        );
    }

    #[test]
    fn a_payload_without_a_version_is_version_one() {
        let old = br#"{"created":"2026-11-02T09:20:00-05:00","updated":"2026-11-02T09:20:00-05:00","at":"2026-11-02T09:20:00-05:00","body":{"journal":{"title":"","prompt":"","text":"hi","tags":[]}}}"#;
        let r = decode(RecordId([3; 16]), 1, old).unwrap();
        assert_eq!(r.kind(), Kind::Journal);
    }

    #[test]
    fn a_body_with_two_tags_or_none_is_not_a_payload() {
        for bad in [
            r#"{"created":"2026-11-02T09:20:00-05:00","updated":"2026-11-02T09:20:00-05:00","at":"2026-11-02T09:20:00-05:00","body":{}}"#,
            r#"{"created":"2026-11-02T09:20:00-05:00","updated":"2026-11-02T09:20:00-05:00","at":"2026-11-02T09:20:00-05:00","body":{"journal":{"title":"","prompt":"","text":"hi","tags":[]},"skill":{}}}"#,
        ] {
            assert!(decode(RecordId([4; 16]), 1, bad.as_bytes()).is_none());
        }
    }
}
