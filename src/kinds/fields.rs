//! Validation shared by the kinds. Field names are the boundary's (camelCase), so an error
//! names the very input the UI shows and the CLI's flag table can map it.

use crate::error::{Error, Result};

/// Longest text field accepted (1 MiB of UTF-8).
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;
/// Longest short field (a title, a tag, a skill name).
pub const MAX_SHORT_BYTES: usize = 200;
/// Most items in one list (tags, emotions, homework).
pub const MAX_LIST_ITEMS: usize = 100;

pub fn score(field: &'static str, v: u8) -> Result<()> {
    if v > 10 {
        return Err(Error::invalid(
            field,
            "a rating is a whole number from 0 to 10",
        ));
    }
    Ok(())
}

pub fn opt_score(field: &'static str, v: Option<u8>) -> Result<()> {
    v.map_or(Ok(()), |v| score(field, v))
}

pub fn text(field: &'static str, s: &str) -> Result<()> {
    if s.len() > MAX_TEXT_BYTES {
        return Err(Error::invalid(field, "text is at most 1 MiB"));
    }
    Ok(())
}

pub fn short(field: &'static str, s: &str) -> Result<()> {
    if s.len() > MAX_SHORT_BYTES {
        return Err(Error::invalid(
            field,
            format!("at most {MAX_SHORT_BYTES} bytes"),
        ));
    }
    Ok(())
}

pub fn required_short(field: &'static str, s: &mut String) -> Result<()> {
    let t = s.trim();
    if t.is_empty() {
        return Err(Error::invalid(field, "required"));
    }
    if t.len() != s.len() {
        *s = t.to_owned();
    }
    short(field, s)
}

/// A label shown on a one-line row (a tracker's name or unit, a clock's name): trimmed, one
/// line with no control characters, at most `max` characters.
pub fn label(field: &'static str, s: &mut String, max: usize, required: bool) -> Result<()> {
    let t = s.trim();
    if t.is_empty() && required {
        return Err(Error::invalid(field, "required"));
    }
    if t.chars().any(char::is_control) {
        return Err(Error::invalid(field, "one line"));
    }
    if t.chars().count() > max {
        return Err(Error::invalid(field, format!("at most {max} characters")));
    }
    if t.len() != s.len() {
        *s = t.to_owned();
    }
    Ok(())
}

/// Trims, drops empties, removes case-insensitive duplicates (first spelling wins).
pub fn normalize_list(field: &'static str, list: &mut Vec<String>) -> Result<()> {
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

/// Longest name of a named row.
pub const MAX_ROW_NAME_CHARS: usize = 60;

/// Rows named by one field (a diary card's urges and emotions, a thought record's moods): each
/// name a one-line label, trimmed; unnamed rows dropped; the first row of a name kept (any case).
pub fn named_rows<T>(
    field: &'static str,
    rows: &mut Vec<T>,
    name: fn(&mut T) -> &mut String,
) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    let mut err = None;
    rows.retain_mut(|r| {
        let n = name(r);
        if let Err(e) = label(field, n, MAX_ROW_NAME_CHARS, false) {
            err.get_or_insert(e);
        }
        !n.is_empty() && seen.insert(n.to_lowercase())
    });
    if let Some(e) = err {
        return Err(e);
    }
    if rows.len() > MAX_LIST_ITEMS {
        return Err(Error::invalid(
            field,
            format!("at most {} items", MAX_LIST_ITEMS),
        ));
    }
    Ok(())
}

/// Up to `max` characters of the first non-blank line, with an ellipsis when cut.
pub fn first_line(s: &str, max: usize) -> String {
    let line = s
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    if line.chars().count() > max {
        format!("{}…", line.chars().take(max).collect::<String>())
    } else {
        line.to_owned()
    }
}

/// A closed set of words (a session type, a context, a skill category): the Rust enum, its
/// words on disk and at the boundary, and a TypeScript union of those words.
macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident, $field:literal { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ts_rs::TS)]
        #[ts(export)]
        pub enum $name { $(#[ts(rename = $text)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The boundary's word for it (any case, trimmed); an error names `$field`.
            pub fn parse(s: &str) -> $crate::error::Result<Self> {
                match s.trim().to_ascii_lowercase().as_str() {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::error::Error::invalid(
                        $field,
                        format!("choose one of {}", [$($text),+].join(", ")),
                    )),
                }
            }
        }
    };
}
pub(crate) use string_enum;

/// `Debug` that names the type and nothing it holds: these carry what the user wrote, and a
/// `{:?}` in a log, an error or a panic must never print it.
macro_rules! redacted_debug {
    ($($t:ty),+ $(,)?) => {$(
        impl std::fmt::Debug for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(concat!(stringify!($t), "(…)"))
            }
        }
    )+};
}
pub(crate) use redacted_debug;

/// A calendar date at the boundary: `2026-11-30`.
pub fn date(field: &'static str, s: &str) -> Result<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid(field, "a date like 2026-11-30"))
}

pub fn opt_date(field: &'static str, s: Option<&str>) -> Result<Option<chrono::NaiveDate>> {
    match s.map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => date(field, s).map(Some),
    }
}

/// A time of day on the wall clock at the boundary: `18:30`.
pub fn time_of_day(field: &'static str, s: &str) -> Result<chrono::NaiveTime> {
    chrono::NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .map_err(|_| Error::invalid(field, "a time like 18:30 (24-hour)"))
}
