//! Record kinds. Each kind lives in one module that owns everything about it: the domain type,
//! validation, its words for search and tags, a one-line summary, its sealed payload versions
//! and its boundary type. The `registry!` below is the only other place a kind is named.
//!
//! Architecture Invariant: a kind's payload versions are frozen once written. A change to what
//! is sealed is a new version; `decode` keeps reading every older one (see ARCHITECTURE.md,
//! "Changing a record kind").

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

pub mod assessment;
pub mod checkin;
pub mod clock;
pub mod crisis_plan;
pub mod diary_card;
pub mod evening;
pub mod fields;
pub mod goal;
pub mod journal;
pub mod lapse;
pub mod morning;
pub mod occurrence;
pub mod report_setup;
pub mod schedule;
pub mod session;
pub mod skill;
pub mod skill_use;
pub mod step_down;
pub mod thought_record;
pub mod tracker;
pub mod unknown;

pub use assessment::{Assessment, AssessmentDto};
pub use checkin::{
    Checkin, CheckinDto, Context, Factors, Halt, HaltDto, TrackerValue, TrackerValueDto,
};
pub use clock::{SobrietyClock, SobrietyClockDto};
pub use crisis_plan::{Contact, CrisisPlan, CrisisPlanDto};
pub use diary_card::{
    DiaryCard, DiaryCardDto, DiarySetup, DiarySetupDto, Feeling, FeelingDto, Urge, UrgeDto,
};
pub use evening::{Evening, EveningDto};
pub use goal::{Goal, GoalDto};
pub use journal::{JournalDto, JournalEntry};
pub use lapse::{Lapse, LapseDto};
pub use morning::{Morning, MorningDto};
pub use occurrence::{Attendance, Occurrence, OccurrenceDto};
pub use report_setup::{ReportSetup, ReportSetupDto};
pub use schedule::{ScheduleSlot, ScheduleSlotDto};
pub use session::{Item, ItemDto, SessionDto, SessionNote, SessionType};
pub use skill::{Skill, SkillCategory, SkillDto};
pub use skill_use::{SkillUse, SkillUseDto, UrgeMark};
pub use step_down::{Phase, PhaseDto, StepDownPlan, StepDownPlanDto};
pub use thought_record::{Mood, MoodDto, Thought, ThoughtDto, ThoughtRecord, ThoughtRecordDto};
pub use tracker::{Answer, Tracker, TrackerDto};
pub use unknown::{Unknown, UnknownDto};

/// What every record kind provides. Implemented once per kind, in the kind's own module.
pub trait KindSpec: Sized {
    /// Its name on the command line, in JSON and in the UI (`skill-use`).
    const NAME: &'static str;
    /// Its tag inside the sealed payload (fixed forever once written).
    const TAG: &'static str;
    /// Plain words for it, lower case ("coping skill").
    const LABEL: &'static str;
    /// Entries are what the timeline shows; the rest (the skill library) is reference.
    const ENTRY: bool;
    /// The payload version this build writes; it reads every version from 1 up to this.
    const VERSION: u16;
    /// Its boundary type (IPC, `--json`, export).
    type Dto: Serialize + DeserializeOwned + TS;

    /// Checks ranges and lengths and normalizes lists; errors name the boundary field.
    fn validate(&mut self) -> Result<()>;
    /// Every text field, for search.
    fn search_text<'a>(&'a self, out: &mut Vec<&'a str>);
    /// The words a record can be filtered by.
    fn tags(&self) -> Vec<&str> {
        Vec::new()
    }
    /// One line, in the user's own words (for the CLI's lists).
    fn summary(&self) -> String;
    /// The payload of version `VERSION`, as JSON.
    fn encode(&self) -> serde_json::Result<Vec<u8>>;
    /// A payload of any version from 1 to `VERSION`; `None` if it is not one.
    fn decode(version: u16, json: &str) -> Option<Self>;
    fn to_dto(&self) -> Self::Dto;
    fn from_dto(dto: Self::Dto) -> Result<Self>;
}

/// The kinds this build knows. One line per kind: `Variant(module::Type, module::Dto) = "name"`.
macro_rules! registry {
    ($($variant:ident($ty:ty, $dto:ty) = $name:literal;)+) => {
        /// Which kind a record is. `Unknown` is a record a newer Keel wrote.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, TS)]
        #[ts(export, rename = "RecordKind")]
        pub enum Kind {
            $(#[ts(rename = $name)] $variant,)+
            #[ts(rename = "unknown")]
            Unknown,
        }

        /// A record's content.
        #[derive(Clone, PartialEq)]
        pub enum Body {
            $($variant($ty),)+
            /// Written by a newer Keel (a kind or version this build does not know): kept as
            /// it was, shown, never rewritten.
            Unknown(Unknown),
        }

        /// A record's content at the boundary, tagged by `kind`.
        #[derive(Clone, PartialEq, Serialize, Deserialize, TS)]
        #[ts(export)]
        #[serde(tag = "kind")]
        pub enum BodyDto {
            $(#[serde(rename = $name)] $variant($dto),)+
            #[serde(rename = "unknown")]
            Unknown(UnknownDto),
        }

        impl Kind {
            /// Every kind this build can write.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Kind::$variant => <$ty as KindSpec>::NAME,)+
                    Kind::Unknown => "unknown",
                }
            }

            /// Its tag inside the sealed payload.
            pub fn tag(self) -> &'static str {
                match self {
                    $(Kind::$variant => <$ty as KindSpec>::TAG,)+
                    Kind::Unknown => "",
                }
            }

            pub fn label(self) -> &'static str {
                match self {
                    $(Kind::$variant => <$ty as KindSpec>::LABEL,)+
                    Kind::Unknown => "written by a newer version of Keel",
                }
            }

            /// The payload version this build writes (0 for `Unknown`, which it never writes).
            pub fn version(self) -> u16 {
                match self {
                    $(Kind::$variant => <$ty as KindSpec>::VERSION,)+
                    Kind::Unknown => 0,
                }
            }

            /// Entries are what the timeline shows. A record from a newer Keel is shown too,
            /// so it is never out of sight.
            pub fn is_entry(self) -> bool {
                match self {
                    $(Kind::$variant => <$ty as KindSpec>::ENTRY,)+
                    Kind::Unknown => true,
                }
            }

            /// The fields of the kind's boundary type, `(name, TypeScript type)`, from its
            /// generated declaration, so the list cannot drift from the type (`keel kinds`).
            pub fn fields(self) -> Vec<(String, String)> {
                let decl = match self {
                    $(Kind::$variant => <$dto as TS>::decl(&ts_rs::Config::default()),)+
                    Kind::Unknown => <UnknownDto as TS>::decl(&ts_rs::Config::default()),
                };
                fields_of(&decl)
            }
        }

        impl Body {
            pub fn kind(&self) -> Kind {
                match self {
                    $(Body::$variant(_) => Kind::$variant,)+
                    Body::Unknown(_) => Kind::Unknown,
                }
            }

            pub fn validate(&mut self) -> Result<()> {
                match self {
                    $(Body::$variant(b) => b.validate(),)+
                    Body::Unknown(_) => Err(Error::invalid(
                        "kind",
                        "a record written by a newer version of Keel cannot be written here",
                    )),
                }
            }

            /// Every text field, lower-cased and joined, for case-insensitive search.
            pub fn search_text(&self) -> String {
                let mut parts: Vec<&str> = Vec::new();
                match self {
                    $(Body::$variant(b) => b.search_text(&mut parts),)+
                    Body::Unknown(_) => {}
                }
                parts.join("\n").to_lowercase()
            }

            pub fn tags(&self) -> Vec<&str> {
                match self {
                    $(Body::$variant(b) => b.tags(),)+
                    Body::Unknown(_) => Vec::new(),
                }
            }

            pub fn summary(&self) -> String {
                match self {
                    $(Body::$variant(b) => b.summary(),)+
                    Body::Unknown(u) => u.summary(),
                }
            }

            /// `(tag, version, payload)` for sealing. `Unknown` is never written.
            pub(crate) fn encode(&self) -> Option<(&'static str, u16, Vec<u8>)> {
                match self {
                    $(Body::$variant(b) => Some((
                        <$ty as KindSpec>::TAG,
                        <$ty as KindSpec>::VERSION,
                        b.encode().ok()?,
                    )),)+
                    Body::Unknown(_) => None,
                }
            }

            /// The body sealed under `tag` at `version`. A tag or version this build does not
            /// know becomes `Unknown` (kept as written); `None` means a known version that
            /// does not decode.
            pub(crate) fn decode(tag: &str, version: u16, json: &str) -> Option<Body> {
                $(
                    if tag == <$ty as KindSpec>::TAG && version <= <$ty as KindSpec>::VERSION {
                        return <$ty as KindSpec>::decode(version, json).map(Body::$variant);
                    }
                )+
                Some(Body::Unknown(Unknown::new(tag, version, json)))
            }
        }

        impl From<&Body> for BodyDto {
            fn from(b: &Body) -> Self {
                match b {
                    $(Body::$variant(x) => BodyDto::$variant(x.to_dto()),)+
                    Body::Unknown(u) => BodyDto::Unknown(u.to_dto()),
                }
            }
        }

        /// Each kind's own `Debug`, which names the type and never what it holds.
        impl std::fmt::Debug for Body {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                match self {
                    $(Body::$variant(x) => write!(f, "Body::{}({x:?})", <$ty as KindSpec>::NAME),)+
                    Body::Unknown(x) => write!(f, "Body::unknown({x:?})"),
                }
            }
        }

        impl std::fmt::Debug for BodyDto {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                match self {
                    $(BodyDto::$variant(x) => write!(f, "BodyDto::{}({x:?})", <$ty as KindSpec>::NAME),)+
                    BodyDto::Unknown(x) => write!(f, "BodyDto::unknown({x:?})"),
                }
            }
        }

        impl BodyDto {
            pub fn kind(&self) -> Kind {
                match self {
                    $(BodyDto::$variant(_) => Kind::$variant,)+
                    BodyDto::Unknown(_) => Kind::Unknown,
                }
            }

            /// One line, in the user's own words (`Body::summary` of what it holds).
            pub fn summary(&self) -> String {
                match self {
                    $(BodyDto::$variant(d) => <$ty as KindSpec>::from_dto(d.clone())
                        .map(|b| b.summary())
                        .unwrap_or_default(),)+
                    BodyDto::Unknown(u) => Unknown::new(&u.written_as, u.version, "").summary(),
                }
            }
        }

        impl TryFrom<BodyDto> for Body {
            type Error = Error;

            fn try_from(b: BodyDto) -> Result<Self> {
                match b {
                    $(BodyDto::$variant(d) => Ok(Body::$variant(<$ty as KindSpec>::from_dto(d)?)),)+
                    BodyDto::Unknown(_) => Err(Error::invalid(
                        "kind",
                        "a record written by a newer version of Keel cannot be written here",
                    )),
                }
            }
        }
    };
}

registry! {
    Checkin(Checkin, CheckinDto) = "checkin";
    SkillUse(SkillUse, SkillUseDto) = "skill-use";
    Session(SessionNote, SessionDto) = "session";
    Journal(JournalEntry, JournalDto) = "journal";
    Skill(Skill, SkillDto) = "skill";
    Tracker(Tracker, TrackerDto) = "tracker";
    Clock(SobrietyClock, SobrietyClockDto) = "clock";
    Lapse(Lapse, LapseDto) = "lapse";
    CrisisPlan(CrisisPlan, CrisisPlanDto) = "crisis-plan";
    Morning(Morning, MorningDto) = "morning";
    Evening(Evening, EveningDto) = "evening";
    Schedule(ScheduleSlot, ScheduleSlotDto) = "schedule";
    Occurrence(Occurrence, OccurrenceDto) = "occurrence";
    Goal(Goal, GoalDto) = "goal";
    StepDown(StepDownPlan, StepDownPlanDto) = "step-down";
    Assessment(Assessment, AssessmentDto) = "assessment";
    DiaryCard(DiaryCard, DiaryCardDto) = "diary-card";
    DiarySetup(DiarySetup, DiarySetupDto) = "diary-setup";
    ThoughtRecord(ThoughtRecord, ThoughtRecordDto) = "thought-record";
    ReportSetup(ReportSetup, ReportSetupDto) = "report-setup";
}

impl Kind {
    /// Every kind name a filter may use: the known kinds and `unknown`.
    pub fn parse(s: &str) -> Result<Self> {
        Kind::ALL
            .iter()
            .copied()
            .chain([Kind::Unknown])
            .find(|k| k.as_str() == s.trim())
            .ok_or_else(|| {
                let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                Error::invalid("kind", format!("choose one of {}", names.join(", ")))
            })
    }
}

/// `type X = { a: number, b: Array<string> | null, };` → `[(a, number), (b, …)]`, doc comments
/// dropped.
fn fields_of(decl: &str) -> Vec<(String, String)> {
    let mut text = String::new();
    let mut rest = decl;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    text.push_str(rest);
    let (Some(open), Some(close)) = (text.find('{'), text.rfind('}')) else {
        return Vec::new();
    };
    let mut fields = Vec::new();
    let (mut depth, mut field) = (0i32, String::new());
    for c in text[open + 1..close].chars().chain([',']) {
        match c {
            '<' | '{' | '(' => depth += 1,
            '>' | '}' | ')' => depth -= 1,
            _ => {}
        }
        if c == ',' && depth == 0 {
            if let Some((name, ty)) = field.split_once(':') {
                fields.push((name.trim().to_owned(), ty.trim().to_owned()));
            }
            field.clear();
        } else {
            field.push(c);
        }
    }
    fields
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_tags_are_unique_and_parse_back() {
        let mut names = std::collections::HashSet::new();
        for k in Kind::ALL {
            assert!(names.insert(k.as_str()), "{k} is named once");
            assert_eq!(Kind::parse(k.as_str()).unwrap(), *k);
            assert!(k.version() >= 1, "{k} writes a real version");
        }
        assert_eq!(Kind::parse("unknown").unwrap(), Kind::Unknown);
        assert!(Kind::parse("diary").is_err());
    }

    #[test]
    fn a_kinds_fields_are_read_from_its_boundary_type() {
        let fields = Kind::Session.fields();
        let names: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "sessionType",
                "title",
                "facilitator",
                "notes",
                "takeaways",
                "homework",
                "bring",
                "attended"
            ],
            "doc comments are not fields"
        );
        assert_eq!(fields[0].1, "SessionType");
        assert_eq!(fields[5].1, "Array<ItemDto>");
    }

    #[test]
    fn a_tag_this_build_does_not_know_decodes_as_unknown_not_as_damage() {
        let b = Body::decode("urge_surf", 1, r#"{"peak":7}"#).unwrap();
        assert_eq!(b.kind(), Kind::Unknown);
        let b = Body::decode("checkin", 99, r#"{"stress":1,"new":true}"#).unwrap();
        assert_eq!(b.kind(), Kind::Unknown, "a newer version of a known kind");
        assert!(
            Body::decode("checkin", 1, r#"{"stress":"x"}"#).is_none(),
            "a known version that does not decode is damage"
        );
    }
}
