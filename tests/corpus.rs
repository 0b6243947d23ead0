//! The bundled corpus (`claims/` + `articles/`, the five seed articles) as a
//! standing test: it reads without a problem, shows the discrepancies a
//! fact-checker must see, and its full JSON report is pinned by a snapshot so
//! that adding claims shows up as a reviewable diff.
//!
//! To accept a change of the report: `UPDATE_SNAPSHOTS=1 cargo test --test corpus`,
//! then review `git diff tests/snapshots/`.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn check_json(dir: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["check", "--format", "json", "--all"])
        .current_dir(dir)
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap())
}

fn bundled() -> Value {
    let (_, text) = check_json(&root());
    serde_json::from_str(&text).unwrap()
}

fn fact<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["facts"].as_array().unwrap().iter().find(|f| f["id"] == id).unwrap_or_else(|| panic!("no fact {id}"))
}

fn values(f: &Value) -> Vec<&str> {
    f["claims"].as_array().unwrap().iter().map(|c| c["value"].as_str().unwrap()).collect()
}

#[test]
fn every_claim_reads_and_every_quote_is_found() {
    let doc = bundled();
    assert_eq!(doc["errors"], Value::Array(vec![]), "errors: {:#}", doc["errors"]);
    assert_eq!(doc["warnings"], Value::Array(vec![]), "warnings: {:#}", doc["warnings"]);
    assert_eq!(doc["summary"]["claims"], doc["summary"]["claims_checked"]);
    assert_eq!(doc["summary"]["sources"], 5);
    let claims = doc["summary"]["claims"].as_u64().unwrap();
    assert!((50..=125).contains(&claims), "10-25 claims per article, found {claims}");
}

#[test]
fn the_geneva_ii_dates_differ_in_precision_or_were_revised_not_contradicted() {
    let doc = bundled();
    let f = fact(&doc, "geneva-ii-conference.date");
    let verdict = f["verdict"].as_str().unwrap();
    assert!(verdict == "compatible" || verdict == "revised", "{verdict}: {}", f["reason"]);
    let vals = values(f);
    for v in ["as soon as possible", "sometime after August", "second week of November", "mid-November"] {
        assert!(vals.contains(&v), "{v} missing from {vals:?}");
    }
}

#[test]
fn the_date_of_the_kerry_lavrov_agreement_is_a_conflict() {
    let doc = bundled();
    let f = fact(&doc, "us-russian-initiative-to-convene-geneva-ii.date");
    assert_eq!(f["verdict"], "conflict", "{}", f["reason"]);
    let vals = values(f);
    assert!(vals.contains(&"July 7th this year") && vals.contains(&"early May of 2013"), "{vals:?}");
}

#[test]
fn the_september_summit_cancelled_vs_postponed_is_shown_with_its_reason() {
    let doc = bundled();
    let f = fact(&doc, "obama-putin-moscow-summit.status");
    assert_eq!(f["verdict"], "conflict");
    let reason = f["reason"].as_str().unwrap();
    assert!(reason.contains("cancelled") && reason.contains("postponed"), "{reason}");
}

#[test]
fn both_spellings_of_lavrov_are_one_entity() {
    let doc = bundled();
    let mut spellings = std::collections::BTreeSet::new();
    for f in doc["facts"].as_array().unwrap() {
        assert!(
            !f["id"].as_str().unwrap().contains("sergei-lavrov"),
            "a fact about an unmerged Sergei Lavrov: {}",
            f["id"]
        );
        for c in f["claims"].as_array().unwrap() {
            let ids = c["ids"].as_array().map(|a| a.iter().filter_map(Value::as_str).collect::<Vec<_>>());
            if ids.is_some_and(|ids| ids.contains(&"sergey-lavrov")) {
                let value = c["value"].as_str().unwrap();
                if value.contains("Sergei") {
                    spellings.insert("Sergei");
                }
                if value.contains("Sergey") {
                    spellings.insert("Sergey");
                }
            }
        }
    }
    assert_eq!(spellings.len(), 2, "values resolving to sergey-lavrov use only {spellings:?}");
}

#[test]
fn the_json_report_matches_the_snapshot() {
    let (_, text) = check_json(&root());
    let path = root().join("tests/snapshots/check-all.json");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &text).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != text {
        let first = expected.lines().zip(text.lines()).position(|(a, b)| a != b).unwrap_or(0);
        panic!(
            "the report differs from {} from line {}:\n  expected: {}\n  actual:   {}\nIf the change is intended: UPDATE_SNAPSHOTS=1 cargo test --test corpus, then review the diff.",
            path.display(),
            first + 1,
            expected.lines().nth(first).unwrap_or("(end)"),
            text.lines().nth(first).unwrap_or("(end)"),
        );
    }
}

fn copy_corpus(to: &Path, reverse: bool) {
    for dir in ["claims", "articles"] {
        std::fs::create_dir_all(to.join(dir)).unwrap();
        let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir)).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        if reverse {
            files.reverse();
        }
        for f in files {
            std::fs::copy(&f, to.join(dir).join(f.file_name().unwrap())).unwrap();
        }
    }
}

#[test]
fn output_is_byte_identical_whatever_the_order_files_were_written_in() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    copy_corpus(a.path(), false);
    copy_corpus(b.path(), true);
    let (code_a, out_a) = check_json(a.path());
    let (code_b, out_b) = check_json(b.path());
    assert_eq!(code_a, code_b);
    assert_eq!(out_a, out_b);
    assert_eq!(out_a, check_json(a.path()).1, "two runs differ");
}
