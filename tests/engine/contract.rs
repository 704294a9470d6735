//! The contract table (tests/contract/cases.json) against the engine. The UI's fake backend runs
//! the same table in Vitest, so the two cannot drift apart.

use std::collections::HashMap;

use keel::commands;
use keel::dto::*;
use keel::{Error, Vault};
use serde_json::{Value, json};

use crate::support::*;

fn cases() -> Vec<Value> {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/contract/cases.json"),
    )
    .unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    v["cases"].as_array().unwrap().clone()
}

/// "$name" (or "$name[:N]", its first N characters) in any string becomes the saved id.
fn substitute(v: &Value, saved: &HashMap<String, String>) -> Value {
    match v {
        Value::String(s) if s.starts_with('$') => {
            let (name, len) = match s[1..].split_once("[:") {
                Some((n, rest)) => (n, rest.trim_end_matches(']').parse::<usize>().ok()),
                None => (&s[1..], None),
            };
            let id = saved
                .get(name)
                .unwrap_or_else(|| panic!("{name} was saved by an earlier step"));
            Value::String(id[..len.unwrap_or(id.len())].to_owned())
        }
        Value::Array(a) => Value::Array(a.iter().map(|x| substitute(x, saved)).collect()),
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, x)| (k.clone(), substitute(x, saved)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn parse<T: serde::de::DeserializeOwned>(v: Value) -> T {
    serde_json::from_value(v).expect("the case's args match the boundary type")
}

fn to_json<T: serde::Serialize>(r: keel::Result<T>) -> Result<Value, Error> {
    r.map(|v| serde_json::to_value(v).unwrap())
}

/// Calls the engine command behind a Backend method, as the shell does.
fn call(v: &mut Vault, method: &str, args: Value) -> Result<Value, Error> {
    let s = |a: &Value| a.as_str().unwrap().to_owned();
    match method {
        "addRecord" => to_json(commands::add(v, parse(args))),
        "updateRecord" => to_json(commands::update(v, parse(args))),
        "getRecord" => to_json(commands::get(v, &s(&args))),
        "trashRecord" => to_json(commands::trash(v, &s(&args))),
        "restoreRecord" => to_json(commands::restore(v, &s(&args))),
        "purgeRecord" => to_json(commands::purge(v, &s(&args), false)),
        "listRecords" => to_json(commands::list(v, parse(args))),
        "searchRecords" => to_json(commands::search(v, parse(args))),
        "listSkills" => to_json(commands::skills(v, args.as_bool().unwrap())),
        "listTrackers" => to_json(commands::trackers(v, args.as_bool().unwrap())),
        "assessmentTrend" => to_json(commands::assessments(v, &s(&args))),
        "diaryWeek" => to_json(
            keel::kinds::fields::date("date", &s(&args)).and_then(|d| commands::diary_week(v, d)),
        ),
        "insights" => to_json(commands::insights(v, parse(args))),
        "reportPreview" => to_json(commands::report(v, &parse(args), "")),
        other => panic!("the contract calls {other}, which this runner does not know"),
    }
}

/// Every key of `want` matches in `got`, recursively; arrays element by element.
fn matches(got: &Value, want: &Value, path: &str) -> Result<(), String> {
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => w.iter().try_for_each(|(k, wv)| {
            let gv = g.get(k).ok_or(format!("{path}.{k} is missing"))?;
            matches(gv, wv, &format!("{path}.{k}"))
        }),
        (Value::Array(g), Value::Array(w)) => {
            if g.len() != w.len() {
                return Err(format!("{path} has {} items, want {}", g.len(), w.len()));
            }
            g.iter()
                .zip(w)
                .enumerate()
                .try_for_each(|(i, (gv, wv))| matches(gv, wv, &format!("{path}[{i}]")))
        }
        (Value::Number(g), Value::Number(w)) if g.as_f64() == w.as_f64() => Ok(()),
        (g, w) if g == w => Ok(()),
        (g, w) => Err(format!("{path} is {g}, want {w}")),
    }
}

fn skill_names(got: &Value) -> Vec<String> {
    got.as_array()
        .unwrap()
        .iter()
        .map(|r| r["body"]["name"].as_str().unwrap().to_owned())
        .collect()
}

fn check(got: Result<Value, Error>, expect: &Value) -> Result<(), String> {
    if let Some(e) = expect.get("error") {
        let err = match got {
            Err(err) => err,
            Ok(v) => return Err(format!("succeeded with {v}, want error {e}")),
        };
        let dto = serde_json::to_value(ErrorDto::from(&err)).unwrap();
        return matches(&dto, e, "error");
    }
    let got = got.map_err(|e| format!("failed with {} ({e})", e.code().as_str()))?;
    if let Some(want) = expect.get("ok") {
        matches(&got, want, "result")?;
    }
    if let Some(ids) = expect.get("ids") {
        let got_ids: Vec<Value> = got["records"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].clone())
            .collect();
        matches(&Value::Array(got_ids), ids, "ids")?;
    }
    if let Some(order) = expect.get("order") {
        let names = skill_names(&got);
        let positions: Vec<Option<usize>> = order
            .as_array()
            .unwrap()
            .iter()
            .map(|n| names.iter().position(|x| Some(x.as_str()) == n.as_str()))
            .collect();
        if positions.iter().any(Option::is_none) || !positions.windows(2).all(|w| w[0] < w[1]) {
            return Err(format!(
                "skills are in the order {names:?}, want {order} in that order"
            ));
        }
    }
    if let Some(first) = expect.get("first") {
        matches(&json!(skill_names(&got).first()), first, "first skill")?;
    }
    if let Some(absent) = expect.get("absent") {
        let names = skill_names(&got);
        for n in absent.as_array().unwrap() {
            if names.iter().any(|x| Some(x.as_str()) == n.as_str()) {
                return Err(format!("{n} is listed, want it absent"));
            }
        }
    }
    Ok(())
}

#[test]
fn the_contract_table_holds_for_the_engine() {
    let cases = cases();
    assert!(cases.len() >= 5, "the table has its cases");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let (_dir, path) = temp_vault();
        let mut v = new_vault(&path);
        let mut saved = HashMap::new();
        for (i, step) in case["steps"].as_array().unwrap().iter().enumerate() {
            let method = step["call"].as_str().unwrap();
            let args = substitute(&step["args"], &saved);
            let got = call(&mut v, method, args);
            if let (Some(as_name), Ok(r)) = (step["save"].as_str(), &got) {
                saved.insert(as_name.to_owned(), r["id"].as_str().unwrap().to_owned());
            }
            if let Some(expect) = step.get("expect") {
                let expect = substitute(expect, &saved);
                if let Err(why) = check(got, &expect) {
                    failures.push(format!("{name}, step {} ({method}): {why}", i + 1));
                }
            } else if let Err(e) = got {
                failures.push(format!("{name}, step {} ({method}) failed: {e}", i + 1));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "contract failures:\n{}",
        failures.join("\n")
    );
}
