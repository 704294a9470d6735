//! The domain: what a user records, with validation. No serde here: the sealed payload
//! (`codec`) and the boundary types (`dto`) are separate and converted by hand.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::error::{Error, Result};

/// Longest text field accepted (1 MiB of UTF-8).
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;
/// Longest short field (a title, a tag, a skill name).
pub const MAX_SHORT_BYTES: usize = 200;
/// Most items in one list (tags, emotions, homework).
pub const MAX_LIST_ITEMS: usize = 100;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Checkin,
    SkillUse,
    Session,
    Journal,
    Skill,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Checkin,
        Kind::SkillUse,
        Kind::Session,
        Kind::Journal,
        Kind::Skill,
    ];

    /// The name used on the command line, in JSON and in the sealed payload.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Checkin => "checkin",
            Kind::SkillUse => "skill-use",
            Kind::Session => "session",
            Kind::Journal => "journal",
            Kind::Skill => "skill",
        }
    }

    pub fn parse(s: &str) -> Result<Self> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                Error::invalid(
                    "kind",
                    "kind is one of checkin, skill-use, session, journal, skill",
                )
            })
    }

    /// Entries are what the timeline shows; skills are the library.
    pub fn is_entry(self) -> bool {
        self != Kind::Skill
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Checkin(Checkin),
    SkillUse(SkillUse),
    Session(SessionNote),
    Journal(JournalEntry),
    Skill(Skill),
}

impl Body {
    pub fn kind(&self) -> Kind {
        match self {
            Body::Checkin(_) => Kind::Checkin,
            Body::SkillUse(_) => Kind::SkillUse,
            Body::Session(_) => Kind::Session,
            Body::Journal(_) => Kind::Journal,
            Body::Skill(_) => Kind::Skill,
        }
    }

    /// Checks ranges and lengths and normalizes lists (trimmed, de-duplicated, empties dropped).
    pub fn validate(&mut self) -> Result<()> {
        match self {
            Body::Checkin(c) => {
                score("stress", c.stress)?;
                opt_score("mood", c.mood)?;
                opt_score("craving", c.craving)?;
                if let Some(h) = c.sleep_hours
                    && !(h.is_finite() && (0.0..=24.0).contains(&h))
                {
                    return Err(Error::invalid(
                        "sleep_hours",
                        "sleep is between 0 and 24 hours",
                    ));
                }
                normalize_list("emotions", &mut c.emotions)?;
                normalize_list("triggers", &mut c.triggers)?;
                text("note", &c.note)?;
            }
            Body::SkillUse(u) => {
                required_short("skill", &mut u.skill_name)?;
                score("distress_before", u.distress_before)?;
                score("distress_after", u.distress_after)?;
                opt_score("urge_before", u.urge_before)?;
                opt_score("urge_after", u.urge_after)?;
                if let Some(m) = u.minutes
                    && m > 24 * 60
                {
                    return Err(Error::invalid(
                        "minutes",
                        "minutes are at most 1440 (a day)",
                    ));
                }
                text("situation", &u.situation)?;
                text("note", &u.note)?;
            }
            Body::Session(s) => {
                required_short("title", &mut s.title)?;
                short("facilitator", &s.facilitator)?;
                text("notes", &s.notes)?;
                text("takeaways", &s.takeaways)?;
                normalize_items("homework", &mut s.homework)?;
                normalize_items("bring", &mut s.bring)?;
            }
            Body::Journal(j) => {
                short("title", &j.title)?;
                text("prompt", &j.prompt)?;
                text("text", &j.text)?;
                if j.text.trim().is_empty() {
                    return Err(Error::invalid("text", "a journal entry needs some text"));
                }
                normalize_list("tags", &mut j.tags)?;
            }
            Body::Skill(s) => {
                required_short("name", &mut s.name)?;
                text("how_to", &s.how_to)?;
            }
        }
        Ok(())
    }

    /// Every text field, lower-cased and joined, for case-insensitive search.
    pub fn search_text(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        match self {
            Body::Checkin(c) => {
                parts.extend(c.emotions.iter().map(String::as_str));
                parts.extend(c.triggers.iter().map(String::as_str));
                parts.push(&c.note);
            }
            Body::SkillUse(u) => {
                parts.extend([u.skill_name.as_str(), &u.situation, &u.note]);
            }
            Body::Session(s) => {
                parts.extend([s.title.as_str(), &s.facilitator, &s.notes, &s.takeaways]);
                parts.extend(s.homework.iter().map(|i| i.text.as_str()));
                parts.extend(s.bring.iter().map(|i| i.text.as_str()));
            }
            Body::Journal(j) => {
                parts.extend([j.title.as_str(), &j.prompt, &j.text]);
                parts.extend(j.tags.iter().map(String::as_str));
            }
            Body::Skill(s) => parts.extend([s.name.as_str(), &s.how_to]),
        }
        parts.join("\n").to_lowercase()
    }

    /// The record's tags, for filtering (journal tags; a check-in's emotions and triggers).
    pub fn tags(&self) -> Vec<&str> {
        match self {
            Body::Journal(j) => j.tags.iter().map(String::as_str).collect(),
            Body::Checkin(c) => c
                .emotions
                .iter()
                .chain(&c.triggers)
                .map(String::as_str)
                .collect(),
            _ => Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Checkin {
    pub stress: u8,
    pub mood: Option<u8>,
    pub craving: Option<u8>,
    pub sleep_hours: Option<f32>,
    pub halt: Halt,
    pub emotions: Vec<String>,
    pub triggers: Vec<String>,
    pub context: Option<Context>,
    pub note: String,
}

/// Hungry, angry, lonely, tired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Halt {
    pub hungry: bool,
    pub angry: bool,
    pub lonely: bool,
    pub tired: bool,
}

impl Halt {
    /// Parses `hungry,tired` (any order, any case).
    pub fn parse_list(s: &str) -> Result<Self> {
        let mut h = Halt::default();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part.to_ascii_lowercase().as_str() {
                "hungry" => h.hungry = true,
                "angry" => h.angry = true,
                "lonely" => h.lonely = true,
                "tired" => h.tired = true,
                _ => {
                    return Err(Error::invalid(
                        "halt",
                        "HALT flags are hungry, angry, lonely and tired",
                    ));
                }
            }
        }
        Ok(h)
    }
}

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident, $field:literal { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Result<Self> {
                match s.trim().to_ascii_lowercase().as_str() {
                    $($text => Ok($name::$variant),)+
                    _ => Err(Error::invalid(
                        $field,
                        format!("{} is one of {}", $field, [$($text),+].join(", ")),
                    )),
                }
            }
        }
    };
}

string_enum!(
    /// Where the user was.
    Context, "context" {
        Work = "work", Home = "home", Commute = "commute", Social = "social", Other = "other",
    }
);

string_enum!(
    /// The kind of IOP session.
    SessionType, "type" {
        Individual = "individual", Group = "group", Psychoeducation = "psychoeducation",
        Skills = "skills", Family = "family", Medication = "medication", Peer = "peer",
        Other = "other",
    }
);

string_enum!(
    /// Where a coping skill sits in the library.
    SkillCategory, "category" {
        DistressTolerance = "distress-tolerance", EmotionRegulation = "emotion-regulation",
        Mindfulness = "mindfulness", Interpersonal = "interpersonal", Grounding = "grounding",
        Body = "body", Connection = "connection",
    }
);

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SkillUse {
    /// The library skill used, if it came from the library.
    pub skill_id: Option<RecordId>,
    /// The skill's name when used, so history reads the same after a rename or removal.
    pub skill_name: String,
    pub situation: String,
    pub distress_before: u8,
    pub distress_after: u8,
    pub urge_before: Option<u8>,
    pub urge_after: Option<u8>,
    pub minutes: Option<u16>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SessionNote {
    pub session_type: SessionType,
    pub title: String,
    pub facilitator: String,
    /// Markdown.
    pub notes: String,
    pub takeaways: String,
    pub homework: Vec<Item>,
    pub bring: Vec<Item>,
    pub attended: bool,
}

/// A checklist line: homework, or something to bring to the next session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub text: String,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct JournalEntry {
    pub title: String,
    pub prompt: String,
    pub text: String,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Skill {
    pub name: String,
    pub category: SkillCategory,
    pub how_to: String,
    /// The built-in skill this record started as (a stable key), if any.
    pub builtin: Option<String>,
    pub favourite: bool,
    pub hidden: bool,
}

fn score(field: &'static str, v: u8) -> Result<()> {
    if v > 10 {
        return Err(Error::invalid(
            field,
            "a rating is a whole number from 0 to 10",
        ));
    }
    Ok(())
}

fn opt_score(field: &'static str, v: Option<u8>) -> Result<()> {
    v.map_or(Ok(()), |v| score(field, v))
}

fn text(field: &'static str, s: &str) -> Result<()> {
    if s.len() > MAX_TEXT_BYTES {
        return Err(Error::invalid(field, "text is at most 1 MiB"));
    }
    Ok(())
}

fn short(field: &'static str, s: &str) -> Result<()> {
    if s.len() > MAX_SHORT_BYTES {
        return Err(Error::invalid(
            field,
            format!("at most {MAX_SHORT_BYTES} bytes"),
        ));
    }
    Ok(())
}

fn required_short(field: &'static str, s: &mut String) -> Result<()> {
    let t = s.trim();
    if t.is_empty() {
        return Err(Error::invalid(field, "required"));
    }
    if t.len() != s.len() {
        *s = t.to_owned();
    }
    short(field, s)
}

/// Trims, drops empties, removes case-insensitive duplicates (first spelling wins).
fn normalize_list(field: &'static str, list: &mut Vec<String>) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(list.len());
    for item in list.drain(..) {
        let t = item.trim();
        if t.is_empty() {
            continue;
        }
        short(field, t)?;
        if seen.insert(t.to_lowercase()) {
            out.push(t.to_owned());
        }
    }
    if out.len() > MAX_LIST_ITEMS {
        return Err(Error::invalid(
            field,
            format!("at most {MAX_LIST_ITEMS} items"),
        ));
    }
    *list = out;
    Ok(())
}

fn normalize_items(field: &'static str, items: &mut Vec<Item>) -> Result<()> {
    items.retain_mut(|i| {
        let t = i.text.trim();
        if t.len() != i.text.len() {
            i.text = t.to_owned();
        }
        !i.text.is_empty()
    });
    if items.len() > MAX_LIST_ITEMS {
        return Err(Error::invalid(
            field,
            format!("at most {MAX_LIST_ITEMS} items"),
        ));
    }
    for i in items.iter() {
        text(field, &i.text)?;
    }
    Ok(())
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
            stress: 11,
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
