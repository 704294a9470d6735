//! Exports besides the JSON document (`commands::export`): CSV, one file per kind, and
//! Markdown, one file per entry in folders by year and month, or all in one file. Every file is
//! written privately (0600, atomically); none is encrypted, and the callers say so.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::dto::RecordDto;
use crate::error::{Error, Result};
use crate::model::Kind;

/// A body's fields flattened: nested objects as `halt.tired`, lists joined by `; ` (a list of
/// objects as their fields' values, comma-separated), null as empty.
fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, x, out);
            }
        }
        Value::Array(a) => {
            let parts: Vec<String> = a
                .iter()
                .map(|x| match x {
                    Value::Object(m) => m
                        .values()
                        .map(scalar)
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(", "),
                    other => scalar(other),
                })
                .collect();
            out.push((prefix.to_owned(), parts.join("; ")));
        }
        other => out.push((prefix.to_owned(), scalar(other))),
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
        other => other.to_string(),
    }
}

/// One CSV field, quoted when it must be.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// A row's cells, by column name.
type Cells = Vec<(String, String)>;
/// A kind's name, its columns in order of first appearance, and its rows.
type KindFile = (String, Vec<String>, Vec<Cells>);

/// Each kind's CSV text: `(file name, contents)`, the kinds in the registry's order. A row is
/// a record: its id, times and trash, then its body's fields.
pub fn csv(records: &[RecordDto]) -> Vec<(String, String)> {
    let mut by_kind: BTreeMap<usize, KindFile> = BTreeMap::new();
    for r in records {
        let body = serde_json::to_value(&r.body).unwrap_or(Value::Null);
        let kind = body
            .get("kind")
            .and_then(Value::as_str)
            .unwrap_or("unknown")
            .to_owned();
        let order = Kind::ALL
            .iter()
            .position(|k| k.as_str() == kind)
            .unwrap_or(Kind::ALL.len());
        let mut cells = vec![
            ("id".to_owned(), r.id.clone()),
            ("at".to_owned(), r.at.clone()),
            ("localDate".to_owned(), r.local_date.clone()),
            ("created".to_owned(), r.created.clone()),
            ("updated".to_owned(), r.updated.clone()),
            ("trashed".to_owned(), r.trashed.clone().unwrap_or_default()),
        ];
        let mut fields = Vec::new();
        if let Value::Object(m) = &body {
            for (k, v) in m.iter().filter(|(k, _)| *k != "kind") {
                flatten(k, v, &mut fields);
            }
        }
        cells.extend(fields);
        let entry = by_kind
            .entry(order)
            .or_insert_with(|| (kind, Vec::new(), Vec::new()));
        for (k, _) in &cells {
            if !entry.1.contains(k) {
                entry.1.push(k.clone());
            }
        }
        entry.2.push(cells);
    }
    by_kind
        .into_values()
        .map(|(kind, header, rows)| {
            let mut text = header
                .iter()
                .map(|h| field(h))
                .collect::<Vec<_>>()
                .join(",");
            text.push_str("\r\n");
            for row in rows {
                let line: Vec<String> = header
                    .iter()
                    .map(|h| {
                        row.iter()
                            .find(|(k, _)| k == h)
                            .map(|(_, v)| field(v))
                            .unwrap_or_default()
                    })
                    .collect();
                text.push_str(&line.join(","));
                text.push_str("\r\n");
            }
            (format!("{kind}.csv"), text)
        })
        .collect()
}

/// An entry as Markdown: its summary as the heading, when it happened, its tags, then each
/// field with words in it (long text as its own paragraph).
fn markdown_of(r: &RecordDto) -> String {
    let body = serde_json::to_value(&r.body).unwrap_or(Value::Null);
    let mut out = format!("# {}\n\n", r.body.summary().replace('\n', " "));
    out.push_str(&format!("*{}* ({})\n\n", r.at, r.local_date));
    let mut fields = Vec::new();
    if let Value::Object(m) = &body {
        for (k, v) in m.iter().filter(|(k, _)| *k != "kind") {
            flatten(k, v, &mut fields);
        }
    }
    for (k, v) in fields {
        if v.is_empty() {
            continue;
        }
        if v.contains('\n') || v.len() > 80 {
            out.push_str(&format!("**{k}**\n\n{v}\n\n"));
        } else {
            out.push_str(&format!("- **{k}**: {v}\n"));
        }
    }
    out.trim_end().to_owned() + "\n"
}

/// A file name from an entry: its day and time, a few words, and its id's start.
fn file_name(r: &RecordDto) -> String {
    let words: String = r
        .body
        .summary()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|w| !w.is_empty())
        .take(6)
        .collect::<Vec<_>>()
        .join("-");
    let time: String =
        r.at.chars()
            .skip(11)
            .take(5)
            .filter(|c| *c != ':')
            .collect();
    format!(
        "{}-{time}-{words}-{}.md",
        r.local_date,
        &r.id[..8.min(r.id.len())]
    )
}

/// Entries only (what the timeline shows), not in the trash, oldest first.
fn entries(records: &[RecordDto]) -> Vec<&RecordDto> {
    let mut v: Vec<&RecordDto> = records
        .iter()
        .filter(|r| r.trashed.is_none())
        .filter(|r| {
            serde_json::to_value(&r.body)
                .ok()
                .and_then(|b| b.get("kind").and_then(Value::as_str).map(str::to_owned))
                .and_then(|k| Kind::parse(&k).ok())
                .is_some_and(Kind::is_entry)
        })
        .collect();
    v.sort_by(|a, b| a.at.cmp(&b.at).then(a.id.cmp(&b.id)));
    v
}

/// Markdown files: `(relative path, contents)`, one per entry under `YYYY/MM/`.
pub fn markdown_files(records: &[RecordDto]) -> Vec<(PathBuf, String)> {
    entries(records)
        .into_iter()
        .map(|r| {
            let year = r.local_date.get(..4).unwrap_or("0000");
            let month = r.local_date.get(5..7).unwrap_or("00");
            (
                Path::new(year).join(month).join(file_name(r)),
                markdown_of(r),
            )
        })
        .collect()
}

/// Every entry in one Markdown file, oldest first.
pub fn markdown_one(records: &[RecordDto]) -> String {
    entries(records)
        .into_iter()
        .map(|r| markdown_of(r).replacen("# ", "## ", 1))
        .collect::<Vec<_>>()
        .join("\n---\n\n")
}

/// Writes `files` (relative paths) under `dir`, each privately; `dir` must be new or empty, so
/// an export never mixes with other files.
pub fn write_tree(dir: &Path, files: &[(PathBuf, String)]) -> Result<()> {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        return Err(Error::invalid(
            "out",
            "that folder has files in it; give a new or empty folder",
        ));
    }
    crate::fsx::private::create_dir(dir)?;
    for (rel, text) in files {
        crate::fsx::write_private(&dir.join(rel), text.as_bytes(), false, "out")?;
    }
    Ok(())
}

/// `csv`, as files to write (`write_tree`) or zip (`zip`).
pub fn csv_files(records: &[RecordDto]) -> Vec<(PathBuf, String)> {
    csv(records)
        .into_iter()
        .map(|(name, text)| (PathBuf::from(name), text))
        .collect()
}

/// The files as one zip (deflated, each marked owner-only), for a CSV export in one file.
pub fn zip(files: &[(PathBuf, String)]) -> Result<Vec<u8>> {
    use std::io::Write;
    let fail = |e: zip::result::ZipError| Error::Io(std::io::Error::other(e.to_string()));
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o600);
    for (rel, text) in files {
        // Zip names use `/` whatever the system's separator.
        let name: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        w.start_file(name.join("/"), options).map_err(fail)?;
        w.write_all(text.as_bytes())?;
    }
    Ok(w.finish().map_err(fail)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_quoted_only_when_it_must_be() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }
}
