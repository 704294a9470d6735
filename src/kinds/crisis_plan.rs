//! The crisis plan, in the user's own words: warning signs, what I can do on my own, people and
//! places that take my mind off things, people I can ask for help, professionals and lines open
//! any hour, making my surroundings safer, and my reasons to keep going. Our own wording
//! throughout (published safety-plan forms are copyrighted). Reference, not an entry: there is
//! one, kept up to date.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::KindSpec;
use super::fields;
use crate::error::{Error, Result};

/// Most people or lines in one list.
pub const MAX_CONTACTS: usize = 30;

#[derive(Clone, PartialEq, Default)]
pub struct CrisisPlan {
    pub warning_signs: Vec<String>,
    pub on_my_own: Vec<String>,
    pub take_my_mind_off: Vec<String>,
    pub people: Vec<Contact>,
    pub professionals: Vec<Contact>,
    pub safer_surroundings: Vec<String>,
    pub reasons: Vec<String>,
}

/// Someone to call: a name and how to reach them, with a short note ("any hour", "texts too").
#[derive(Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase", default)]
pub struct Contact {
    pub name: String,
    pub phone: String,
    pub note: String,
}

#[derive(Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase", default)]
pub struct CrisisPlanDto {
    pub warning_signs: Vec<String>,
    pub on_my_own: Vec<String>,
    pub take_my_mind_off: Vec<String>,
    pub people: Vec<Contact>,
    pub professionals: Vec<Contact>,
    pub safer_surroundings: Vec<String>,
    pub reasons: Vec<String>,
}

/// Payload version 1. Frozen once written. Empty lists are not written.
#[derive(Serialize, Deserialize)]
struct V1 {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    warning_signs: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    on_my_own: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    take_my_mind_off: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    people: Vec<ContactV1>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    professionals: Vec<ContactV1>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    safer_surroundings: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    reasons: Vec<String>,
}

/// A contact as version 1 writes it. Frozen.
#[derive(Serialize, Deserialize)]
struct ContactV1 {
    name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    phone: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
}

fn contacts(field: &'static str, list: &mut Vec<Contact>) -> Result<()> {
    list.retain(|c| !(c.name.trim().is_empty() && c.phone.trim().is_empty()));
    if list.len() > MAX_CONTACTS {
        return Err(Error::invalid(
            field,
            format!("at most {MAX_CONTACTS} people or lines"),
        ));
    }
    for c in list.iter_mut() {
        for s in [&mut c.name, &mut c.phone, &mut c.note] {
            let t = s.trim();
            if t.len() != s.len() {
                *s = t.to_owned();
            }
            fields::short(field, s)?;
        }
        if c.name.is_empty() {
            return Err(Error::invalid(field, "each person or line needs a name"));
        }
    }
    Ok(())
}

fn v1_contacts(list: &[Contact]) -> Vec<ContactV1> {
    list.iter()
        .map(|c| ContactV1 {
            name: c.name.clone(),
            phone: c.phone.clone(),
            note: c.note.clone(),
        })
        .collect()
}

fn from_v1_contacts(list: Vec<ContactV1>) -> Vec<Contact> {
    list.into_iter()
        .map(|c| Contact {
            name: c.name,
            phone: c.phone,
            note: c.note,
        })
        .collect()
}

impl KindSpec for CrisisPlan {
    const NAME: &'static str = "crisis-plan";
    const TAG: &'static str = "crisis_plan";
    const LABEL: &'static str = "crisis plan";
    const ENTRY: bool = false;
    const VERSION: u16 = 1;
    type Dto = CrisisPlanDto;

    fn validate(&mut self) -> Result<()> {
        fields::normalize_list("warningSigns", &mut self.warning_signs)?;
        fields::normalize_list("onMyOwn", &mut self.on_my_own)?;
        fields::normalize_list("takeMyMindOff", &mut self.take_my_mind_off)?;
        contacts("people", &mut self.people)?;
        contacts("professionals", &mut self.professionals)?;
        fields::normalize_list("saferSurroundings", &mut self.safer_surroundings)?;
        fields::normalize_list("reasons", &mut self.reasons)
    }

    fn search_text<'a>(&'a self, out: &mut Vec<&'a str>) {
        for list in [
            &self.warning_signs,
            &self.on_my_own,
            &self.take_my_mind_off,
            &self.safer_surroundings,
            &self.reasons,
        ] {
            out.extend(list.iter().map(String::as_str));
        }
        for c in self.people.iter().chain(&self.professionals) {
            out.extend([c.name.as_str(), &c.phone, &c.note]);
        }
    }

    fn summary(&self) -> String {
        "My crisis plan".to_owned()
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(&V1 {
            warning_signs: self.warning_signs.clone(),
            on_my_own: self.on_my_own.clone(),
            take_my_mind_off: self.take_my_mind_off.clone(),
            people: v1_contacts(&self.people),
            professionals: v1_contacts(&self.professionals),
            safer_surroundings: self.safer_surroundings.clone(),
            reasons: self.reasons.clone(),
        })
    }

    fn decode(version: u16, json: &str) -> Option<Self> {
        match version {
            1 => {
                let p: V1 = serde_json::from_str(json).ok()?;
                Some(CrisisPlan {
                    warning_signs: p.warning_signs,
                    on_my_own: p.on_my_own,
                    take_my_mind_off: p.take_my_mind_off,
                    people: from_v1_contacts(p.people),
                    professionals: from_v1_contacts(p.professionals),
                    safer_surroundings: p.safer_surroundings,
                    reasons: p.reasons,
                })
            }
            _ => None,
        }
    }

    fn to_dto(&self) -> CrisisPlanDto {
        CrisisPlanDto {
            warning_signs: self.warning_signs.clone(),
            on_my_own: self.on_my_own.clone(),
            take_my_mind_off: self.take_my_mind_off.clone(),
            people: self.people.clone(),
            professionals: self.professionals.clone(),
            safer_surroundings: self.safer_surroundings.clone(),
            reasons: self.reasons.clone(),
        }
    }

    fn from_dto(d: CrisisPlanDto) -> Result<Self> {
        Ok(CrisisPlan {
            warning_signs: d.warning_signs,
            on_my_own: d.on_my_own,
            take_my_mind_off: d.take_my_mind_off,
            people: d.people,
            professionals: d.professionals,
            safer_surroundings: d.safer_surroundings,
            reasons: d.reasons,
        })
    }
}

crate::kinds::fields::redacted_debug!(CrisisPlan, CrisisPlanDto, Contact);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_tidied_and_a_person_needs_a_name() {
        let mut p = CrisisPlan {
            warning_signs: vec![" not sleeping ".into(), "Not sleeping".into(), "".into()],
            people: vec![
                Contact {
                    name: " Sam ".into(),
                    phone: " 555 0100 ".into(),
                    note: String::new(),
                },
                Contact::default(),
            ],
            ..Default::default()
        };
        p.validate().unwrap();
        assert_eq!(p.warning_signs, ["not sleeping"]);
        assert_eq!(p.people.len(), 1, "an empty row is dropped");
        assert_eq!(
            (p.people[0].name.as_str(), p.people[0].phone.as_str()),
            ("Sam", "555 0100")
        );
        let mut q = CrisisPlan {
            professionals: vec![Contact {
                name: " ".into(),
                phone: "988".into(),
                note: String::new(),
            }],
            ..Default::default()
        };
        match q.validate() {
            Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "professionals"),
            other => panic!("expected professionals to be named, got {other:?}"),
        }
    }

    #[test]
    fn version_1_round_trips_and_leaves_empty_lists_out() {
        let p = CrisisPlan {
            reasons: vec!["my daughter".into()],
            professionals: vec![Contact {
                name: "Counsellor".into(),
                phone: String::new(),
                note: "Tuesdays".into(),
            }],
            ..Default::default()
        };
        let json = String::from_utf8(p.encode().unwrap()).unwrap();
        assert_eq!(
            json,
            r#"{"professionals":[{"name":"Counsellor","note":"Tuesdays"}],"reasons":["my daughter"]}"#
        );
        assert!(CrisisPlan::decode(1, &json) == Some(p));
    }
}
