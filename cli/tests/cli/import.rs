use crate::support::*;
use crate::*;

#[test]
fn import_keel_previews_then_adds_once_and_names_a_bad_entry() {
    let (d, a) = temp_vault();
    init(&a);
    for text in ["first words", "second words"] {
        let o = run(keel(&a, &["journal", "add", "--text", text]));
        assert_eq!(code(&o), 0, "{}", stderr(&o));
    }
    let file = d.path().join("export.json");
    let o = run(keel(&a, &["export", "--out", file.to_str().unwrap()]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));

    let b = d.path().join("other").join("vault.keel");
    init(&b);
    let o = run(keel(&b, &["import", "keel", file.to_str().unwrap(), "--dry-run"]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("would add "), "{out}");
    assert!(out.contains("journal 2"), "{out}");
    let o = run(keel(&b, &["list"]));
    assert!(!stdout(&o).contains("first words"), "a preview writes nothing");

    let o = run(keel(&b, &["import", "keel", file.to_str().unwrap()]));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).starts_with("added "), "{}", stdout(&o));
    let o = run(keel(&b, &["list"]));
    assert!(stdout(&o).contains("first words") && stdout(&o).contains("second words"));

    let o = run(keel(&b, &["import", "keel", file.to_str().unwrap(), "--json"]));
    let j: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(j["added"], 0, "the same file twice adds nothing");
    assert!(j["already"].as_u64().unwrap() >= 2);

    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    doc["records"][1]["created"] = "last Tuesday".into();
    let bad = d.path().join("bad.json");
    std::fs::write(&bad, doc.to_string()).unwrap();
    let o = run(keel(&b, &["import", "keel", bad.to_str().unwrap()]));
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("records: entry 2 (created): a time is RFC 3339"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("last Tuesday"), "the bad value is not repeated");
}
