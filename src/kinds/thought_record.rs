//! A CBT-style thought record, seven steps in Keel's own words: the situation; moods rated
//! 0–100; automatic thoughts with the "hot" one marked; evidence for it and against it; a
//! balanced thought and how much I believe it; the moods rated again.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::KindSpec;
use super::fields;
use crate::error::{Error, Result};

/// Highest rating (a percentage).
pub const MAX_PERCENT: u8 = 100;

/// A mood, rated at the start and again at the end.
#[derive(Clone, PartialEq)]
pub struct Mood {
    pub name: String,
    pub before: u8,
    pub after: Option<u8>,
}

impl Mood {
    /// After − before, once re-rated.
    pub fn change(&self) -> Option<i16> {
        self.after.map(|a| i16::from(a) - i16::from(self.before))
    }
}

#[derive(Clone, PartialEq)]
pub struct Thought {
    pub text: String,
    /// The one that carries the most feeling; at most one is.
    pub hot: bool,
}

#[derive(Clone, PartialEq)]
pub struct ThoughtRecord {
    pub situation: String,
    pub moods: Vec<Mood>,
    pub thoughts: Vec<Thought>,
    pub evidence_for: String,
    pub evidence_against: String,
    pub balanced: String,
    /// How much I believe the balanced thought, 0–100.
    pub belief: Option<u8>,
}

#[derive(Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MoodDto {
    pub name: String,
    pub before: u8,
    #[serde(default)]
    pub after: Option<u8>,
}

#[derive(Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ThoughtDto {
    pub text: String,
    #[serde(default)]
    pub hot: bool,
}

#[derive(Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ThoughtRecordDto {
    pub situation: String,
    #[serde(default)]
    pub moods: Vec<MoodDto>,
    #[serde(default)]
    pub thoughts: Vec<ThoughtDto>,
    #[serde(default)]
    pub evidence_for: String,
    #[serde(default)]
    pub evidence_against: String,
    #[serde(default)]
    pub balanced: String,
    #[serde(default)]
    pub belief: Option<u8>,
}

/// Payload version 1. Frozen once written.
#[derive(Serialize, Deserialize)]
struct V1 {
    situation: String,
    /// `[name, before, after]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    moods: Vec<(String, u8, Option<u8>)>,
    /// `[text, hot]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    thoughts: Vec<(String, bool)>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    evidence_for: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    evidence_against: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    balanced: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    belief: Option<u8>,
}

fn percent(field: &'static str, v: u8) -> Result<()> {
    if v > MAX_PERCENT {
        return Err(Error::invalid(field, "a rating from 0 to 100"));
    }
    Ok(())
}

impl KindSpec for ThoughtRecord {
    const NAME: &'static str = "thought-record";
    const TAG: &'static str = "thought_record";
    const LABEL: &'static str = "thought record";
    const ENTRY: bool = true;
    const VERSION: u16 = 1;
    type Dto = ThoughtRecordDto;

    fn validate(&mut self) -> Result<()> {
        if self.situation.trim().is_empty() {
            return Err(Error::invalid(
                "situation",
                "say what happened, in a few words",
            ));
        }
        fields::text("situation", &self.situation)?;
        fields::named_rows("moods", &mut self.moods, |m| &mut m.name)?;
        for m in &self.moods {
            percent("moods", m.before)?;
            if let Some(a) = m.after {
                percent("moods", a)?;
            }
        }
        self.thoughts.retain_mut(|t| {
            let trimmed = t.text.trim();
            if trimmed.len() != t.text.len() {
                t.text = trimmed.to_owned();
            }
            !t.text.is_empty()
        });
        for t in &self.thoughts {
            fields::text("thoughts", &t.text)?;
        }
        if self.thoughts.iter().filter(|t| t.hot).count() > 1 {
            return Err(Error::invalid(
                "thoughts",
                "mark one thought as the hot one",
            ));
        }
        if self.thoughts.len() > fields::MAX_LIST_ITEMS {
            return Err(Error::invalid(
                "thoughts",
                format!("at most {} items", fields::MAX_LIST_ITEMS),
            ));
        }
        fields::text("evidenceFor", &self.evidence_for)?;
        fields::text("evidenceAgainst", &self.evidence_against)?;
        fields::text("balanced", &self.balanced)?;
        if let Some(b) = self.belief {
            percent("belief", b)?;
        }
        Ok(())
    }

    fn search_text<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.push(&self.situation);
        out.extend(self.moods.iter().map(|m| m.name.as_str()));
        out.extend(self.thoughts.iter().map(|t| t.text.as_str()));
        out.extend([
            self.evidence_for.as_str(),
            &self.evidence_against,
            &self.balanced,
        ]);
    }

    fn tags(&self) -> Vec<&str> {
        self.moods.iter().map(|m| m.name.as_str()).collect()
    }

    fn summary(&self) -> String {
        let mut s = fields::first_line(&self.situation, 60);
        if let Some(m) = self.moods.first() {
            s.push_str(&match m.after {
                Some(a) => format!(" · {} {} → {a}", m.name, m.before),
                None => format!(" · {} {}", m.name, m.before),
            });
        }
        s
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(&V1 {
            situation: self.situation.clone(),
            moods: self
                .moods
                .iter()
                .map(|m| (m.name.clone(), m.before, m.after))
                .collect(),
            thoughts: self
                .thoughts
                .iter()
                .map(|t| (t.text.clone(), t.hot))
                .collect(),
            evidence_for: self.evidence_for.clone(),
            evidence_against: self.evidence_against.clone(),
            balanced: self.balanced.clone(),
            belief: self.belief,
        })
    }

    fn decode(version: u16, json: &str) -> Option<Self> {
        match version {
            1 => {
                let p: V1 = serde_json::from_str(json).ok()?;
                Some(ThoughtRecord {
                    situation: p.situation,
                    moods: p
                        .moods
                        .into_iter()
                        .map(|(name, before, after)| Mood {
                            name,
                            before,
                            after,
                        })
                        .collect(),
                    thoughts: p
                        .thoughts
                        .into_iter()
                        .map(|(text, hot)| Thought { text, hot })
                        .collect(),
                    evidence_for: p.evidence_for,
                    evidence_against: p.evidence_against,
                    balanced: p.balanced,
                    belief: p.belief,
                })
            }
            _ => None,
        }
    }

    fn to_dto(&self) -> ThoughtRecordDto {
        ThoughtRecordDto {
            situation: self.situation.clone(),
            moods: self
                .moods
                .iter()
                .map(|m| MoodDto {
                    name: m.name.clone(),
                    before: m.before,
                    after: m.after,
                })
                .collect(),
            thoughts: self
                .thoughts
                .iter()
                .map(|t| ThoughtDto {
                    text: t.text.clone(),
                    hot: t.hot,
                })
                .collect(),
            evidence_for: self.evidence_for.clone(),
            evidence_against: self.evidence_against.clone(),
            balanced: self.balanced.clone(),
            belief: self.belief,
        }
    }

    fn from_dto(d: ThoughtRecordDto) -> Result<Self> {
        Ok(ThoughtRecord {
            situation: d.situation,
            moods: d
                .moods
                .into_iter()
                .map(|m| Mood {
                    name: m.name,
                    before: m.before,
                    after: m.after,
                })
                .collect(),
            thoughts: d
                .thoughts
                .into_iter()
                .map(|t| Thought {
                    text: t.text,
                    hot: t.hot,
                })
                .collect(),
            evidence_for: d.evidence_for,
            evidence_against: d.evidence_against,
            balanced: d.balanced,
            belief: d.belief,
        })
    }
}

crate::kinds::fields::redacted_debug!(ThoughtRecord, ThoughtRecordDto);

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> ThoughtRecord {
        ThoughtRecord {
            situation: "Boss frowned at my report".into(),
            moods: vec![
                Mood {
                    name: "Anxious".into(),
                    before: 80,
                    after: Some(40),
                },
                Mood {
                    name: "Ashamed".into(),
                    before: 50,
                    after: None,
                },
            ],
            thoughts: vec![
                Thought {
                    text: "I'll be fired".into(),
                    hot: true,
                },
                Thought {
                    text: "  ".into(),
                    hot: false,
                },
            ],
            evidence_for: String::new(),
            evidence_against: String::new(),
            balanced: "One frown is not a verdict".into(),
            belief: Some(60),
        }
    }

    #[test]
    fn each_moods_change_is_after_minus_before() {
        let r = record();
        assert_eq!(r.moods[0].change(), Some(-40));
        assert_eq!(r.moods[1].change(), None, "not re-rated yet");
        assert_eq!(r.summary(), "Boss frowned at my report · Anxious 80 → 40");
    }

    #[test]
    fn ratings_run_from_0_to_100_and_one_thought_is_hot() {
        let mut r = record();
        r.validate().unwrap();
        assert_eq!(r.thoughts.len(), 1, "a blank thought is dropped");
        r.moods[0].after = Some(101);
        assert!(
            matches!(
                r.validate(),
                Err(Error::InvalidInput { field: "moods", .. })
            ),
            "101 is refused"
        );
        let mut r = record();
        r.belief = Some(101);
        assert!(matches!(
            r.validate(),
            Err(Error::InvalidInput {
                field: "belief",
                ..
            })
        ));
        let mut r = record();
        r.thoughts[1] = Thought {
            text: "Everyone saw".into(),
            hot: true,
        };
        assert!(matches!(
            r.validate(),
            Err(Error::InvalidInput {
                field: "thoughts",
                ..
            })
        ));
        let mut r = record();
        r.situation = " ".into();
        assert!(matches!(
            r.validate(),
            Err(Error::InvalidInput {
                field: "situation",
                ..
            })
        ));
    }
}
