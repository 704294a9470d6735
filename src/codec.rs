//! The sealed payload: what is inside each record's ciphertext. Private, versioned by the
//! ciphertext's format, and converted by hand from the domain so that changing a UI type can
//! never change what is on disk.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::model::*;

#[derive(Serialize, Deserialize)]
struct Payload {
    created: DateTime<FixedOffset>,
    updated: DateTime<FixedOffset>,
    at: DateTime<FixedOffset>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    trashed: Option<DateTime<FixedOffset>>,
    body: PBody,
}

/// Externally tagged: the cheapest serde form to decode, which matters for unlock time.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum PBody {
    Checkin(PCheckin),
    SkillUse(PSkillUse),
    Session(PSession),
    Journal(PJournal),
    Skill(PSkill),
}

#[derive(Serialize, Deserialize)]
struct PCheckin {
    stress: u8,
    mood: Option<u8>,
    craving: Option<u8>,
    sleep_hours: Option<f32>,
    halt: [bool; 4],
    emotions: Vec<String>,
    triggers: Vec<String>,
    context: Option<String>,
    note: String,
}

#[derive(Serialize, Deserialize)]
struct PSkillUse {
    skill_id: Option<String>,
    skill_name: String,
    situation: String,
    distress_before: u8,
    distress_after: u8,
    urge_before: Option<u8>,
    urge_after: Option<u8>,
    minutes: Option<u16>,
    note: String,
}

#[derive(Serialize, Deserialize)]
struct PSession {
    session_type: String,
    title: String,
    facilitator: String,
    notes: String,
    takeaways: String,
    homework: Vec<(String, bool)>,
    bring: Vec<(String, bool)>,
    attended: bool,
}

#[derive(Serialize, Deserialize)]
struct PJournal {
    title: String,
    prompt: String,
    text: String,
    tags: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct PSkill {
    name: String,
    category: String,
    how_to: String,
    builtin: Option<String>,
    favourite: bool,
    hidden: bool,
}

/// The record's plaintext (before padding). The id and revision live outside, in the AAD.
pub fn encode(r: &Record) -> Zeroizing<Vec<u8>> {
    let p = Payload {
        created: r.created,
        updated: r.updated,
        at: r.at,
        trashed: r.trashed,
        body: match &r.body {
            Body::Checkin(c) => PBody::Checkin(PCheckin {
                stress: c.stress,
                mood: c.mood,
                craving: c.craving,
                sleep_hours: c.sleep_hours,
                halt: [c.halt.hungry, c.halt.angry, c.halt.lonely, c.halt.tired],
                emotions: c.emotions.clone(),
                triggers: c.triggers.clone(),
                context: c.context.map(|c| c.as_str().to_owned()),
                note: c.note.clone(),
            }),
            Body::SkillUse(u) => PBody::SkillUse(PSkillUse {
                skill_id: u.skill_id.map(|i| i.to_string()),
                skill_name: u.skill_name.clone(),
                situation: u.situation.clone(),
                distress_before: u.distress_before,
                distress_after: u.distress_after,
                urge_before: u.urge_before,
                urge_after: u.urge_after,
                minutes: u.minutes,
                note: u.note.clone(),
            }),
            Body::Session(s) => PBody::Session(PSession {
                session_type: s.session_type.as_str().to_owned(),
                title: s.title.clone(),
                facilitator: s.facilitator.clone(),
                notes: s.notes.clone(),
                takeaways: s.takeaways.clone(),
                homework: items_out(&s.homework),
                bring: items_out(&s.bring),
                attended: s.attended,
            }),
            Body::Journal(j) => PBody::Journal(PJournal {
                title: j.title.clone(),
                prompt: j.prompt.clone(),
                text: j.text.clone(),
                tags: j.tags.clone(),
            }),
            Body::Skill(s) => PBody::Skill(PSkill {
                name: s.name.clone(),
                category: s.category.as_str().to_owned(),
                how_to: s.how_to.clone(),
                builtin: s.builtin.clone(),
                favourite: s.favourite,
                hidden: s.hidden,
            }),
        },
    };
    // Serializing plain owned data into a Vec cannot fail.
    Zeroizing::new(serde_json::to_vec(&p).unwrap_or_default())
}

/// Rebuilds a record from its opened plaintext; `None` if it is not a payload we know.
pub fn decode(id: RecordId, revision: u64, bytes: &[u8]) -> Option<Record> {
    let p: Payload = serde_json::from_slice(bytes).ok()?;
    let body = match p.body {
        PBody::Checkin(c) => Body::Checkin(Checkin {
            stress: c.stress,
            mood: c.mood,
            craving: c.craving,
            sleep_hours: c.sleep_hours,
            halt: Halt {
                hungry: c.halt[0],
                angry: c.halt[1],
                lonely: c.halt[2],
                tired: c.halt[3],
            },
            emotions: c.emotions,
            triggers: c.triggers,
            context: match c.context {
                Some(s) => Some(Context::parse(&s).ok()?),
                None => None,
            },
            note: c.note,
        }),
        PBody::SkillUse(u) => Body::SkillUse(SkillUse {
            skill_id: match u.skill_id {
                Some(s) => Some(RecordId::parse(&s).ok()?),
                None => None,
            },
            skill_name: u.skill_name,
            situation: u.situation,
            distress_before: u.distress_before,
            distress_after: u.distress_after,
            urge_before: u.urge_before,
            urge_after: u.urge_after,
            minutes: u.minutes,
            note: u.note,
        }),
        PBody::Session(s) => Body::Session(SessionNote {
            session_type: SessionType::parse(&s.session_type).ok()?,
            title: s.title,
            facilitator: s.facilitator,
            notes: s.notes,
            takeaways: s.takeaways,
            homework: items_in(s.homework),
            bring: items_in(s.bring),
            attended: s.attended,
        }),
        PBody::Journal(j) => Body::Journal(JournalEntry {
            title: j.title,
            prompt: j.prompt,
            text: j.text,
            tags: j.tags,
        }),
        PBody::Skill(s) => Body::Skill(Skill {
            name: s.name,
            category: SkillCategory::parse(&s.category).ok()?,
            how_to: s.how_to,
            builtin: s.builtin,
            favourite: s.favourite,
            hidden: s.hidden,
        }),
    };
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

fn items_out(items: &[Item]) -> Vec<(String, bool)> {
    items.iter().map(|i| (i.text.clone(), i.done)).collect()
}

fn items_in(items: Vec<(String, bool)>) -> Vec<Item> {
    items
        .into_iter()
        .map(|(text, done)| Item { text, done })
        .collect()
}
