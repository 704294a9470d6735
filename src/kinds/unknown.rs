//! A record a newer Keel wrote: a kind, or a version of a kind, this build does not know. It is
//! kept exactly as sealed, shown as written by a newer version, and never rewritten: editing,
//! trashing and restoring it are refused, and purging it needs an explicit force.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, PartialEq)]
pub struct Unknown {
    /// The payload tag it was sealed under.
    pub tag: String,
    pub version: u16,
    /// Its payload as sealed (JSON), for `show --json` and export.
    pub payload: String,
}

impl Unknown {
    pub(crate) fn new(tag: &str, version: u16, json: &str) -> Self {
        Unknown {
            tag: tag.to_owned(),
            version,
            payload: json.to_owned(),
        }
    }

    pub fn summary(&self) -> String {
        format!(
            "written by a newer version of Keel ({} v{})",
            self.tag, self.version
        )
    }

    pub fn to_dto(&self) -> UnknownDto {
        UnknownDto {
            written_as: self.tag.clone(),
            version: self.version,
            // It opened and decoded as JSON once, so it parses; null only if it somehow did not.
            payload: serde_json::from_str(&self.payload).unwrap_or(serde_json::Value::Null),
        }
    }
}

/// A record from a newer Keel, at the boundary: what it was written as, and its payload.
#[derive(Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct UnknownDto {
    /// The kind's tag in the newer Keel's payload.
    pub written_as: String,
    pub version: u16,
    #[ts(type = "unknown")]
    pub payload: serde_json::Value,
}

crate::kinds::fields::redacted_debug!(Unknown, UnknownDto);
