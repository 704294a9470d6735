//! Daylio's CSV export. Columns are found by their header's name (older exports have no
//! `scales` or `note_title`); `full_date` is the date (the `date` and `weekday` columns are in
//! the phone's language); times come in 12- or 24-hour form, even mixed in one file; notes hold
//! HTML (`<br>`, `<b>`, entities), made plain text with Markdown emphasis; activities (`a | b`)
//! become tags; the mood labels are the person's own, several may share a level, and each is
//! given a number 0–10 (`MoodMap`).
//!
//! Each row becomes a check-in with the mood and, when it has a title, a note or activities, a
//! journal entry with them, at the same time. Their ids come from the row's content, so the
//! same file imported twice adds nothing.

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

use super::{key_id, row_error};
use crate::dto::BodyDto;
use crate::error::{Error, Result};
use crate::model::{Body, Record};

/// Each mood label (any case) and its number 0–10.
#[derive(Debug, Clone, PartialEq)]
pub struct MoodMap(pub Vec<(String, u8)>);

impl Default for MoodMap {
    /// Daylio's own five labels.
    fn default() -> Self {
        MoodMap(
            [
                ("rad", 9),
                ("good", 7),
                ("meh", 5),
                ("bad", 3),
                ("awful", 1),
            ]
            .map(|(l, n)| (l.to_owned(), n))
            .to_vec(),
        )
    }
}

impl MoodMap {
    /// `rad=9,good=7,…` on top of the defaults (a label given again takes the new number).
    pub fn parse(s: &str) -> Result<MoodMap> {
        let mut map = MoodMap::default();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((label, n)) = part.rsplit_once('=') else {
                return Err(Error::invalid(
                    "moodMap",
                    "give each as label=number, like rad=9",
                ));
            };
            let n: u8 = n
                .trim()
                .parse()
                .ok()
                .filter(|n| *n <= 10)
                .ok_or_else(|| Error::invalid("moodMap", "each number is from 0 to 10"))?;
            let label = label.trim().to_lowercase();
            if label.is_empty() {
                return Err(Error::invalid("moodMap", "a label is missing before ="));
            }
            map.0.retain(|(l, _)| *l != label);
            map.0.push((label, n));
        }
        Ok(map)
    }

    fn get(&self, label: &str) -> Option<u8> {
        let l = label.trim().to_lowercase();
        self.0.iter().find(|(x, _)| *x == l).map(|(_, n)| *n)
    }
}

/// A time as Daylio writes it: `21:15`, `9:15 PM`, `9:15pm`, `09:15 a.m.`.
fn time(s: &str) -> Option<NaiveTime> {
    let t = s.trim().to_uppercase().replace('.', "");
    for f in ["%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M%p", "%I:%M:%S %p"] {
        if let Ok(v) = NaiveTime::parse_from_str(&t, f) {
            return Some(v);
        }
    }
    None
}

/// Daylio's note HTML as plain text: line breaks kept, bold and italic as Markdown, entities
/// decoded, other tags dropped.
pub fn note_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            let Some(end) = rest.find('>') else {
                out.push_str(rest);
                rest = "";
                break;
            };
            let tag = rest[1..end].trim().to_lowercase();
            let name = tag
                .trim_start_matches('/')
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or("");
            match name {
                "br" => out.push('\n'),
                "p" | "div" | "li"
                    if !tag.starts_with('/') && !out.is_empty() && !out.ends_with('\n') =>
                {
                    out.push('\n');
                }
                "b" | "strong" => out.push_str("**"),
                "i" | "em" => out.push('*'),
                _ => {}
            }
            rest = &rest[end + 1..];
        } else {
            let end = rest[1..].find(';').map(|e| e + 1);
            let decoded = end.and_then(|e| {
                let ent = &rest[1..e];
                let c = match ent {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" | "#39" => Some('\''),
                    "nbsp" => Some(' '),
                    _ => ent
                        .strip_prefix("#x")
                        .or_else(|| ent.strip_prefix("#X"))
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                        .and_then(char::from_u32),
                };
                c.map(|c| (c, e))
            });
            match decoded {
                Some((c, e)) => {
                    out.push(c);
                    rest = &rest[e + 1..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
    }
    out.push_str(rest);
    out.trim().to_owned()
}

/// The records of a Daylio CSV export. `offset_at` gives the UTC offset that applied at a
/// local time (Daylio writes none).
pub fn records(
    text: &str,
    moods: &MoodMap,
    offset_at: &dyn Fn(NaiveDateTime) -> FixedOffset,
) -> Result<Vec<Record>> {
    let rows = super::csv::rows(text).map_err(|line| {
        Error::invalid("file", format!("line {line}: a quote that is never closed"))
    })?;
    let Some(((_, header), body)) = rows.split_first() else {
        return Err(Error::invalid("file", "the file is empty"));
    };
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let need = |name: &'static str| {
        col(name).ok_or_else(|| {
            Error::invalid(
                "file",
                format!("no {name} column: is this a Daylio CSV export?"),
            )
        })
    };
    let (c_date, c_time, c_mood) = (need("full_date")?, need("time")?, need("mood")?);
    let (c_act, c_title, c_note) = (col("activities"), col("note_title"), col("note"));
    let mut out = Vec::new();
    for (line, fields) in body {
        let line = *line;
        let get = |c: Option<usize>| {
            c.and_then(|i| fields.get(i))
                .map(String::as_str)
                .unwrap_or("")
        };
        let date = NaiveDate::parse_from_str(get(Some(c_date)).trim(), "%Y-%m-%d")
            .map_err(|_| row_error(line, "full_date", "a date is YYYY-MM-DD"))?;
        let t = time(get(Some(c_time)))
            .ok_or_else(|| row_error(line, "time", "a time is like 21:15 or 9:15 PM"))?;
        let label = get(Some(c_mood)).trim();
        let mood = moods.get(label).ok_or_else(|| {
            row_error(
                line,
                "mood",
                format!(
                    "\u{201c}{label}\u{201d} has no number: give it one with --mood-map \"{}=N\"",
                    label.to_lowercase()
                ),
            )
        })?;
        let local = date.and_time(t);
        let at = local
            .and_local_timezone(offset_at(local))
            .single()
            .ok_or_else(|| row_error(line, "time", "a time that does not exist there"))?;
        let activities: Vec<String> = get(c_act)
            .split('|')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .collect();
        let title = note_text(get(c_title));
        let note = note_text(get(c_note));
        let key = [
            get(Some(c_date)),
            get(Some(c_time)),
            label,
            get(c_act),
            get(c_title),
            get(c_note),
        ]
        .join("\u{0}");
        let mut bodies = vec![(
            "checkin",
            serde_json::json!({ "kind": "checkin", "mood": mood }),
        )];
        // A journal entry needs words: the note, else the title, else what was done.
        let (title, words) = match (title.is_empty(), note.is_empty()) {
            (_, false) => (title, note),
            (false, true) => (String::new(), title),
            (true, true) => (String::new(), activities.join(", ")),
        };
        if !words.is_empty() {
            bodies.push((
                "journal",
                serde_json::json!({ "kind": "journal", "title": title, "text": words, "tags": activities }),
            ));
        }
        for (kind, json) in bodies {
            let dto: BodyDto = serde_json::from_value(json)
                .map_err(|_| row_error(line, kind, "could not be read"))?;
            let mut body = Body::try_from(dto).map_err(|e| super::at_line(line, e))?;
            body.validate().map_err(|e| super::at_line(line, e))?;
            out.push(Record {
                id: key_id("daylio", &key, kind),
                revision: 1,
                created: at,
                updated: at,
                at,
                trashed: None,
                body,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_become_plain_text_with_emphasis_and_entities_decoded() {
        assert_eq!(
            note_text(
                "A <b>good</b> day<br>with <i>Sam</i> &amp; Jo&nbsp;&#8212; 5 &lt; 6<br/>end"
            ),
            "A **good** day\nwith *Sam* & Jo \u{2014} 5 < 6\nend"
        );
        assert_eq!(note_text("no tags &unknown; &"), "no tags &unknown; &");
        assert_eq!(note_text("<p>one</p><p>two</p>"), "one\ntwo");
        assert_eq!(note_text("broken <b"), "broken <b");
    }

    #[test]
    fn times_in_12_and_24_hour_form() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(time("21:15"), t(21, 15));
        assert_eq!(time("9:15 PM"), t(21, 15));
        assert_eq!(time("9:15pm"), t(21, 15));
        assert_eq!(time("12:05 a.m."), t(0, 5));
        assert_eq!(time("7:00 AM"), t(7, 0));
        assert_eq!(time("25:00"), None);
        assert_eq!(time("soon"), None);
    }

    #[test]
    fn a_mood_map_adds_to_and_overrides_the_defaults() {
        let m = MoodMap::parse("ecstatic=10, Good=8").unwrap();
        assert_eq!(m.get("ECSTATIC"), Some(10));
        assert_eq!(m.get("good"), Some(8));
        assert_eq!(m.get("awful"), Some(1));
        for bad in ["rad", "rad=11", "=3", "rad=x"] {
            assert!(MoodMap::parse(bad).is_err(), "{bad}");
        }
    }
}
