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

/// Every date and number expression in `claims/`, with the reading
/// docs/temporal.md and docs/numbers.md give it and the convention that does.
#[test]
fn every_date_and_number_in_the_bundled_claims_reads_as_documented() {
    #[rustfmt::skip]
    let expected: &[(&str, &str, &str, &str, &str)] = &[
        // value, as_of, start/low, end/high ("-" = open), convention
        ("last year", "2013-08-09", "2012-01-01", "2012-12-31", "last <unit>: the previous calendar unit"),
        ("June 2012", "2013-08-12", "2012-06-01", "2012-06-30", "month with year"),
        ("last June", "2013-08-09", "2013-06-01", "2013-06-30", "last <month>: the most recent before the current month"),
        ("as soon as possible", "2013-08-09", "2013-08-09", "-", "ASAP: from the day said, open"),
        ("as early as is practically possible", "2013-08-09", "2013-08-09", "-", "the ASAP family"),
        ("sometime after August", "2013-08-12", "2013-09-01", "-", "after X: the day after X ends, open"),
        ("at the earliest possible time", "2013-08-12", "2013-08-12", "-", "ASAP"),
        ("second week of November", "2013-10-07", "2013-11-11", "2013-11-17", "N-th Monday-Sunday week wholly inside the month"),
        ("in November", "2013-10-07", "2013-11-01", "2013-11-30", "bare month: nearest / tense of the quote"),
        ("mid-November", "2013-10-07", "2013-11-11", "2013-11-20", "mid = days 11-20"),
        ("May", "2013-08-09", "2013-05-01", "2013-05-31", "bare month after 'since', past"),
        ("March 9", "2016-03-05", "2016-03-09", "2016-03-09", "month and day: nearest occurrence"),
        ("as soon as possible", "2016-03-05", "2016-03-05", "-", "ASAP"),
        ("March 7", "2016-03-05", "2016-03-07", "2016-03-07", "month and day: nearest occurrence"),
        ("end of June", "2013-08-12", "2013-06-21", "2013-06-30", "end of a month = days 21-end"),
        ("late Friday", "2016-03-05", "2016-03-04T18:00", "2016-03-04T23:59", "weekday: nearest; late <day> = 18:00-23:59"),
        ("Monday", "2013-10-07", "2013-10-07", "2013-10-07", "weekday said on that weekday, past: that day"),
        ("June, 2013", "2013-08-09", "2013-06-01", "2013-06-30", "month with year"),
        ("September", "2013-08-09", "2013-09-01", "2013-09-30", "bare month: nearest / tense"),
        ("September 4", "2013-10-07", "2013-09-04", "2013-09-04", "month and day: nearest"),
        ("early in September", "2013-10-07", "2013-09-01", "2013-09-10", "early = days 1-10"),
        ("In September", "2013-10-07", "2013-09-01", "2013-09-30", "bare month: nearest"),
        ("end of this month", "2013-08-09", "2013-08-21", "2013-08-31", "end of a month = days 21-end"),
        ("end of the month", "2013-08-09", "2013-08-21", "2013-08-31", "end of a month = days 21-end"),
        ("Friday", "2013-08-09", "2013-08-09", "2013-08-09", "weekday said on that weekday: that day"),
        ("yesterday", "2013-08-10", "2013-08-09", "2013-08-09", "yesterday"),
        ("July 7th this year", "2013-08-09", "2013-07-07", "2013-07-07", "date anchored to this year"),
        ("early May of 2013", "2013-08-12", "2013-05-01", "2013-05-10", "early = days 1-10"),
        ("over 100,000", "2013-08-09", "100000", "-", "over N: N and above"),
        ("two", "2013-08-09", "2", "2", "number word"),
    ];
    let doc = bundled();
    let mut seen = 0;
    for f in doc["facts"].as_array().unwrap() {
        for c in f["claims"].as_array().unwrap() {
            let kind = c["type"].as_str().unwrap();
            if kind != "date" && kind != "number" {
                continue;
            }
            seen += 1;
            let (lo, hi) = if kind == "date" { ("start", "end") } else { ("low", "high") };
            let show = |v: &Value| match v {
                Value::Null => "-".to_string(),
                Value::String(s) => s.clone(),
                Value::Number(n) => format!("{}", n.as_f64().unwrap()),
                other => other.to_string(),
            };
            let got = (show(&c[lo]), show(&c[hi]));
            let value = c["value"].as_str().unwrap();
            let as_of = c["as_of"].as_str().unwrap();
            let row = expected
                .iter()
                .find(|(v, a, ..)| *v == value && *a == as_of)
                .unwrap_or_else(|| panic!("add '{value}' said {as_of} to this table (it reads {got:?})"));
            assert_eq!(got, (row.2.to_string(), row.3.to_string()), "'{value}' said {as_of} ({})", row.4);
        }
    }
    assert_eq!(seen, expected.len(), "every row of the table is a claim of the corpus");
}

/// The five articles are from five outlets with no wire in common; the only
/// 15 words two of them share (The Hindu BusinessLine and The Times of
/// Israel) are a US official's words inside quotation marks, which
/// independent outlets legitimately repeat (docs/independence.md).
#[test]
fn the_bundled_sources_are_independent() {
    let doc = bundled();
    assert_eq!(doc["dependencies"], Value::Array(vec![]), "{:#}", doc["dependencies"]);
    for f in doc["facts"].as_array().unwrap() {
        assert_eq!(f["support"]["sources"], f["support"]["independent"], "{}", f["id"]);
    }
}
