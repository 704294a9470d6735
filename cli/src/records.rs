//! Records of any kind: add and edit from JSON, list, show, search, trash, restore, purge, and
//! the list of kinds. These work for every kind the engine knows, present and future.

use clap::Args;
use keel::dto::*;
use keel::model::Body;
use keel::{Error, Result, commands};

use crate::ctx::Ctx;
use crate::out;
use crate::output::{print_json, print_page, print_record, short};

#[derive(Args)]
pub struct AddArgs {
    /// The kind (`keel kinds` lists them)
    kind: String,
    /// A JSON object of the kind's fields, from FILE or `-` (standard input)
    #[arg(long, value_name = "FILE")]
    json: String,
    /// When it happened (RFC 3339); default now
    #[arg(long, value_name = "RFC3339")]
    at: Option<String>,
}

#[derive(Args)]
pub struct EditArgs {
    /// The record's id, or its first few hex digits
    id: String,
    /// A JSON object of the fields to change, from FILE or `-` (standard input)
    #[arg(long, value_name = "FILE")]
    json: String,
    /// Move it to another time (RFC 3339)
    #[arg(long, value_name = "RFC3339")]
    at: Option<String>,
}

#[derive(Args)]
pub struct ListArgs {
    /// A kind (`keel kinds`), or `unknown` for records from a newer Keel
    #[arg(long)]
    kind: Option<String>,
    /// First local day, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Last local day, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    #[arg(long)]
    tag: Option<String>,
    /// The trash instead
    #[arg(long)]
    trash: bool,
    #[arg(long)]
    json: bool,
}

/// Adds a record; the input is checked before the passphrase is asked for (and the key
/// derivation paid for).
pub fn add(ctx: &mut Ctx, body: BodyDto, at: Option<String>) -> Result<u8> {
    add_with(ctx, body, at, |_, _| Ok(()))
}

/// Checks a record and its time as the engine would, before the passphrase is asked for: bad
/// input costs no key derivation.
pub fn check_before_open(body: &BodyDto, at: Option<&str>) -> Result<()> {
    if let Some(at) = at {
        parse_time("at", at)?;
    }
    Body::try_from(body.clone())?.validate()
}

/// Checks the record before asking for the passphrase, then lets `complete` fill in what needs
/// the open vault (a tracker's id) before adding it.
pub fn add_with(
    ctx: &mut Ctx,
    mut body: BodyDto,
    at: Option<String>,
    complete: impl FnOnce(&mut keel::Vault, &mut BodyDto) -> Result<()>,
) -> Result<u8> {
    check_before_open(&body, at.as_deref())?;
    let mut v = ctx.open()?;
    complete(&mut v, &mut body)?;
    let r = commands::add(&mut v, NewRecord { at, body })?;
    out!("{}", r.id);
    Ok(0)
}

/// A JSON object from a file or standard input. serde's messages can quote the input, so a
/// parse error says where, never what.
fn json_object(ctx: &Ctx, source: &str) -> Result<serde_json::Map<String, serde_json::Value>> {
    let text = ctx.text_from("json", None, Some(source))?;
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(serde_json::Value::Object(m)) => Ok(m),
        Ok(_) => Err(Error::invalid(
            "json",
            "give a JSON object of the kind's fields",
        )),
        Err(e) => Err(Error::invalid(
            "json",
            format!("not valid JSON (line {}, column {})", e.line(), e.column()),
        )),
    }
}

/// The fields as the kind's boundary type; a mismatch is named by kind, never quoted.
fn body_from(
    kind: keel::model::Kind,
    mut fields: serde_json::Map<String, serde_json::Value>,
) -> Result<BodyDto> {
    fields.insert("kind".into(), kind.as_str().into());
    serde_json::from_value(serde_json::Value::Object(fields)).map_err(|_| {
        Error::invalid(
            "json",
            format!(
                "those fields do not make a {} (`keel kinds` lists its fields and their types)",
                kind.label()
            ),
        )
    })
}

pub fn add_json(ctx: &mut Ctx, a: AddArgs) -> Result<u8> {
    let kind = keel::model::Kind::parse(&a.kind)?;
    let mut fields = json_object(ctx, &a.json)?;
    if let Some(k) = fields.remove("kind")
        && k.as_str() != Some(kind.as_str())
    {
        return Err(Error::invalid("kind", "the JSON names another kind"));
    }
    let body = body_from(kind, fields)?;
    add(ctx, body, a.at)
}

pub fn edit_json(ctx: &mut Ctx, a: EditArgs) -> Result<u8> {
    let changes = json_object(ctx, &a.json)?;
    if let Some(at) = &a.at {
        parse_time("at", at)?;
    }
    let mut v = ctx.open()?;
    let current = commands::get(&mut v, &a.id)?;
    let kind = current.body.kind();
    let mut fields = match serde_json::to_value(&current.body) {
        Ok(serde_json::Value::Object(m)) => m,
        _ => return Err(Error::invalid("id", "that record cannot be edited here")),
    };
    if let Some(k) = changes.get("kind")
        && k.as_str() != Some(kind.as_str())
    {
        return Err(Error::invalid("kind", "a record's kind cannot change"));
    }
    fields.extend(changes);
    fields.remove("kind");
    let body = body_from(kind, fields)?;
    let r = commands::update(
        &mut v,
        UpdateRecord {
            id: current.id,
            at: a.at,
            body,
        },
    )?;
    out!("{}", r.id);
    Ok(0)
}

pub fn kinds(json: bool) -> Result<u8> {
    let kinds = commands::kinds();
    if json {
        print_json(&kinds)?;
        return Ok(0);
    }
    for k in &kinds {
        out!("{}  ({}, payload version {})", k.name, k.label, k.version);
        for f in &k.fields {
            out!("  {:<16} {}", f.name, f.ty);
        }
    }
    Ok(0)
}

pub fn list(ctx: &mut Ctx, a: ListArgs) -> Result<u8> {
    let q = ListQuery {
        kinds: a.kind.into_iter().collect(),
        since: a.since,
        until: a.until,
        tag: a.tag,
        trash: a.trash,
        ..Default::default()
    };
    let mut v = ctx.open()?;
    let page = commands::list(&mut v, q)?;
    print_page(&page, a.json)
}

pub fn show(ctx: &mut Ctx, id: &str, json: bool) -> Result<u8> {
    let mut v = ctx.open()?;
    let r = commands::get(&mut v, id)?;
    if json {
        print_json(&r)?;
    } else {
        print_record(&r);
    }
    Ok(0)
}

pub fn search(ctx: &mut Ctx, text: String, json: bool) -> Result<u8> {
    let mut v = ctx.open()?;
    let page = commands::search(&mut v, SearchQuery { text, limit: None })?;
    print_page(&page, json)
}

pub fn trash(ctx: &mut Ctx, id: &str) -> Result<u8> {
    let mut v = ctx.open()?;
    let r = commands::trash(&mut v, id)?;
    out!(
        "moved {} to the trash (keel restore {} brings it back)",
        r.id,
        short(&r.id)
    );
    Ok(0)
}

pub fn restore(ctx: &mut Ctx, id: &str) -> Result<u8> {
    let mut v = ctx.open()?;
    let r = commands::restore(&mut v, id)?;
    out!("restored {}", r.id);
    Ok(0)
}

pub fn purge(ctx: &mut Ctx, id: &str, force: bool) -> Result<u8> {
    let mut v = ctx.open()?;
    commands::purge(&mut v, id, force)?;
    out!("removed for good");
    Ok(0)
}
