//! Every time cell of the Flight data set (`../shared/corpora/flights/dirty.csv`)
//! is read to the minute, or is one of the documented shapes that say there is
//! no value (docs/temporal.md, "Times of day"). Nothing is silently dropped.
//! Where the source wrote exactly the true value (`clean.csv`), the reading is
//! the true minute. Missing corpus: a failure under CI, else a loud skip.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use crosscheck::normalize::date::{read_date, Precision, Tense};

const COLUMNS: [&str; 4] = ["sched_dep_time", "act_dep_time", "sched_arr_time", "act_arr_time"];

/// The shapes (digits as 9) that say "no value"; documented in docs/temporal.md.
const NO_VALUE_SHAPES: [&str; 4] =
    ["Not Available", "Contact Airline", "Dec 99 Not Available", "Dec 99 Contact Airline"];

/// Shapes that cannot be read. Empty: every shape in the file is read.
const UNREADABLE_SHAPES: [&str; 0] = [];

fn shape(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_digit() { '9' } else { c }).collect()
}

fn table(name: &str) -> Option<Vec<BTreeMap<String, String>>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/flights").join(name);
    let Ok(text) = std::fs::read_to_string(&path) else {
        if std::env::var_os("CI").is_some() {
            panic!("{} not found (required when CI is set)", path.display());
        }
        eprintln!("SKIPPED: {} not found -- Flight time shapes NOT checked", path.display());
        return None;
    };
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next()?.split(',').collect();
    Some(
        lines
            .map(|l| {
                assert!(!l.contains('"'), "quoted CSV is not expected here: {l}");
                header.iter().map(|h| h.to_string()).zip(l.split(',').map(str::to_string)).collect()
            })
            .collect(),
    )
}

#[test]
fn every_time_cell_of_the_flight_data_reads_or_says_no_value() {
    let Some(rows) = table("dirty.csv") else { return };
    let as_of = NaiveDate::from_ymd_opt(2011, 12, 1).unwrap();
    let (mut read, mut none, mut shapes) = (0, 0, BTreeMap::new());
    for row in &rows {
        for col in COLUMNS {
            let cell = row[col].as_str();
            if cell.is_empty() {
                continue;
            }
            *shapes.entry(shape(cell)).or_insert(0) += 1;
            match read_date(cell, as_of, Tense::Unknown) {
                Ok(r) => {
                    assert_eq!(r.precision, Precision::Minute, "{cell}: {r:?}");
                    assert_eq!(r.first_minute(), r.last_minute(), "{cell}");
                    read += 1;
                }
                Err(e) if e.no_value => {
                    assert!(NO_VALUE_SHAPES.contains(&shape(cell).as_str()), "undocumented no-value shape: {cell}");
                    none += 1;
                }
                Err(e) => {
                    assert!(
                        UNREADABLE_SHAPES.contains(&shape(cell).as_str()),
                        "unreadable and not listed: {cell}: {e}"
                    );
                }
            }
        }
    }
    eprintln!("{read} cells read to the minute, {none} say no value, {} distinct shapes", shapes.len());
    assert_eq!(shapes.len(), 57, "the file has 57 distinct non-empty shapes");
    assert_eq!(none, 58 + 27 + 4 + 1);
}

#[test]
fn a_cell_that_is_the_truth_reads_as_the_true_minute() {
    let (Some(dirty), Some(clean)) = (table("dirty.csv"), table("clean.csv")) else { return };
    let as_of = NaiveDate::from_ymd_opt(2011, 12, 1).unwrap();
    let mut checked = 0;
    for (d, c) in dirty.iter().zip(&clean) {
        for col in COLUMNS {
            if d[col] != c[col] || d[col].is_empty() {
                continue;
            }
            // clean.csv writes every truth as "h:mm a.m./p.m."; compare clock readings.
            let r = read_date(&d[col], as_of, Tense::Unknown).unwrap();
            let t = r.start_time.unwrap();
            let text = t.format("%-I:%M %p").to_string().replace("AM", "a.m.").replace("PM", "p.m.");
            assert_eq!(text, c[col], "{}", d[col]);
            checked += 1;
        }
    }
    assert!(checked > 4000, "only {checked} cells compared");
}
