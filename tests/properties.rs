//! Property tests (proptest): random small corpora of valid claims, and
//! random text for the date and number readers.
//!
//! - The same corpus checked twice gives byte-identical JSON and table output.
//! - Output does not depend on how the claims are filed: the same sources
//!   written under other file names, in other folders and so in another read
//!   order, with the registry's entities in another order, give the same
//!   output once each file path is replaced by the id of the source it holds
//!   (outputs cite the file and line of each claim, so the paths themselves
//!   differ; see docs/limits.md). Warnings are compared as a set: they are
//!   sorted by place, and the place is the file path.
//! - The readers never panic, and a reading is a real interval or range.
//!
//! Case counts are kept small so `cargo test` stays quick on two cores;
//! `PROPTEST_CASES=1000 cargo test --test properties` runs more.

use std::fs;
use std::path::Path;

use chrono::{Days, NaiveDate};
use crosscheck::check;
use crosscheck::normalize::date::{read_date, Tense};
use crosscheck::normalize::number::read_number;
use crosscheck::report::{self, Format, Options};
use proptest::prelude::*;
use serde_json::Value;

const SUBJECTS: &[&str] =
    &["Geneva II conference", "Geneva II", "geneva 2", "the Moscow summit", "Syrian civil war", "Kerry visit"];
const OUTLETS: &[&str] = &["Reuters", "TASS", "AP", "Al Jazeera"];
const HEDGES: &[&str] = &["certain", "likely", "possible", "planned"];
/// (property, values) — every value readable as the property's type.
const PROPERTIES: &[(&str, &[&str])] = &[
    (
        "date",
        &[
            "mid-November",
            "November 2013",
            "sometime after August",
            "January 22, 2014",
            "the second week of November",
            "early 2014",
            "7 July 2013",
        ],
    ),
    ("location", &["Geneva", "GENEVA", "Moscow", "Montreux"]),
    ("death_toll", &["over 100,000", "100,000", "nearly 300", "between 10 and 20", "hundreds", "110,000"]),
    ("status", &["postponed", "cancelled", "scheduled", "held"]),
];
const REGISTRY: &[&str] = &[
    "  - {name: Geneva II conference, kind: event, aliases: [Geneva II, Geneva 2]}",
    "  - {name: Moscow summit, kind: event, aliases: [the Moscow summit]}",
    "  - {name: Syrian civil war, kind: event}",
    "  - {name: Geneva, kind: place, aliases: [GENEVA]}",
    "  - {name: Moscow, kind: place}",
];

#[derive(Debug, Clone)]
struct GenClaim {
    subject: usize,
    property: usize,
    value: usize,
    hedge: Option<usize>,
    said_earlier: Option<u64>,
}

#[derive(Debug, Clone)]
struct GenSource {
    outlet: usize,
    day: u64,
    claims: Vec<GenClaim>,
}

fn gen_claim() -> impl Strategy<Value = GenClaim> {
    (0..SUBJECTS.len(), 0..PROPERTIES.len(), 0usize..16, prop::option::of(0..HEDGES.len()), prop::option::of(0u64..60))
        .prop_map(|(subject, property, value, hedge, said_earlier)| GenClaim {
            subject,
            property,
            value: value % PROPERTIES[property].1.len(),
            hedge,
            said_earlier,
        })
}

fn gen_corpus() -> impl Strategy<Value = Vec<GenSource>> {
    prop::collection::vec(
        (0..OUTLETS.len(), 0u64..400, prop::collection::vec(gen_claim(), 0..5))
            .prop_map(|(outlet, day, claims)| GenSource { outlet, day, claims }),
        1..5,
    )
}

fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2013, 1, 1).unwrap().checked_add_days(Days::new(offset)).unwrap()
}

/// One source's claim file and article text.
fn write_source(i: usize, s: &GenSource) -> (String, String) {
    let published = day(s.day + 60);
    let mut yaml = format!(
        "source: {{id: s{i}, outlet: \"{}\", published: {published}, article: s{i}.txt}}\nclaims:\n",
        OUTLETS[s.outlet]
    );
    let mut article = format!("{} report number {i}.\n\n", OUTLETS[s.outlet]);
    if s.claims.is_empty() {
        yaml.push_str("  []\n");
    }
    for (k, c) in s.claims.iter().enumerate() {
        let (property, values) = PROPERTIES[c.property];
        let value = values[c.value];
        let subject = SUBJECTS[c.subject];
        let quote = format!("the {property} of {subject} (claim {k}) is {value}");
        yaml.push_str(&format!(
            "  - {{id: c{k}, subject: \"{subject}\", property: {property}, value: \"{value}\", quote: \"{quote}\""
        ));
        if let Some(h) = c.hedge {
            yaml.push_str(&format!(", hedge: {}", HEDGES[h]));
        }
        if let Some(back) = c.said_earlier {
            yaml.push_str(&format!(", as_of: {}", published - Days::new(back)));
        }
        yaml.push_str("}\n");
        article.push_str(&format!("Officials said that {quote}, according to sources.\n"));
    }
    (yaml, article)
}

/// Write the corpus under `root`; `shuffled` files it differently. Returns
/// each claim file's path with the id of its source.
fn write_corpus(root: &Path, sources: &[GenSource], shuffled: bool) -> Vec<(String, String)> {
    let claims = root.join("claims");
    fs::create_dir_all(claims.join("archive")).unwrap();
    fs::create_dir_all(root.join("articles")).unwrap();
    let mut registry: Vec<&str> = REGISTRY.to_vec();
    if shuffled {
        registry.reverse();
    }
    fs::write(claims.join("entities.yaml"), format!("entities:\n{}\n", registry.join("\n"))).unwrap();
    let n = sources.len();
    let mut paths = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        let (yaml, article) = write_source(i, s);
        // Reversed read order, and every other file one folder down.
        let path = if !shuffled {
            claims.join(format!("s{i}.yaml"))
        } else if i % 2 == 0 {
            claims.join(format!("{}-{}.yml", n - i, OUTLETS[s.outlet].replace(' ', "_")))
        } else {
            claims.join("archive").join(format!("{}.yaml", n - i))
        };
        fs::write(&path, yaml).unwrap();
        fs::write(root.join("articles").join(format!("s{i}.txt")), article).unwrap();
        paths.push((path.display().to_string(), format!("s{i}")));
    }
    paths
}

/// `PROPTEST_CASES` when set, else the default for the test.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn outputs(root: &Path) -> (String, String) {
    let outcome = check::run(&root.join("claims"), &root.join("articles"));
    let options = Options { all: true, color: false, width: Some(140), review_url: None };
    (report::render(&outcome, Format::Json, &options), report::render(&outcome, Format::Table, &options))
}

/// Replace each claim file's path by its source id; sort the diagnostics.
fn normalized(json: &str, paths: &[(String, String)]) -> Value {
    let mut paths = paths.to_vec();
    paths.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    let mut text = json.to_string();
    for (path, id) in &paths {
        text = text.replace(&serde_json::to_string(path).unwrap(), &format!("\"<file of {id}>\""));
    }
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    for key in ["warnings", "errors"] {
        let list = doc[key].as_array_mut().unwrap();
        list.sort_by_key(|v| v.to_string());
    }
    doc
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(48), ..ProptestConfig::default() })]

    #[test]
    fn output_is_byte_identical_across_runs_threads_and_file_layouts(sources in gen_corpus()) {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let paths_a = write_corpus(a.path(), &sources, false);
        let paths_b = write_corpus(b.path(), &sources, true);

        let (json_a, table_a) = outputs(a.path());
        let (json_again, table_again) = outputs(a.path());
        prop_assert_eq!(&json_a, &json_again, "JSON differs between two runs");
        prop_assert_eq!(&table_a, &table_again, "table differs between two runs");
        // Nor does the number of threads change a byte (the stages work in
        // parallel and put results back in order).
        for threads in [1, 3] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let (json_t, table_t) = pool.install(|| outputs(a.path()));
            prop_assert_eq!(&json_a, &json_t, "JSON differs on {} threads", threads);
            prop_assert_eq!(&table_a, &table_t, "table differs on {} threads", threads);
        }

        let doc: Value = serde_json::from_str(&json_a).unwrap();
        prop_assert_eq!(doc["errors"].as_array().unwrap().len(), 0, "a valid corpus has no errors: {}", doc["errors"]);
        let claims = sources.iter().map(|s| s.claims.len()).sum::<usize>();
        let reported: usize = doc["facts"].as_array().unwrap().iter().map(|f| f["claims"].as_array().unwrap().len()).sum();
        prop_assert_eq!(reported, claims, "every claim is in a fact");

        let (json_b, table_b) = outputs(b.path());
        prop_assert_eq!(normalized(&json_a, &paths_a), normalized(&json_b, &paths_b));
        prop_assert_eq!(table_a, table_b, "the table cites no file, so it is identical");
    }
}

fn any_date_text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "mid",
        "early",
        "late",
        "November",
        "Nov.",
        "2013",
        "22",
        "the",
        "second",
        "week",
        "of",
        "after",
        "before",
        "between",
        "and",
        "to",
        "-",
        ",",
        "next",
        "last",
        "Friday",
        "spring",
        "Q3",
        "by",
        "end",
        "year",
        "day",
        "1st",
        "9999999999",
        "0",
        "as",
        "soon",
        "possible",
        "coming",
        "weeks",
        "ago",
        "since",
        "until",
        "Easter",
    ]);
    prop_oneof![any::<String>(), prop::collection::vec(words, 0..10).prop_map(|w| w.join(" "))]
}

fn any_number_text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "over",
        "nearly",
        "about",
        "between",
        "and",
        "to",
        "-",
        "100,000",
        "1.5",
        "million",
        "billion",
        "hundreds",
        "of",
        "thousands",
        "a",
        "dozen",
        "few",
        "1e308",
        "99999999999999999999",
        "0",
        "-5",
        "+",
        "%",
        "at",
        "least",
    ]);
    prop_oneof![any::<String>(), prop::collection::vec(words, 0..8).prop_map(|w| w.join(" "))]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(1024), ..ProptestConfig::default() })]

    #[test]
    fn the_date_reader_never_panics(text in any_date_text(), offset in 0u64..146_000, tense in 0u8..3) {
        let as_of = NaiveDate::from_ymd_opt(1800, 1, 1).unwrap().checked_add_days(Days::new(offset)).unwrap();
        let tense = [Tense::Past, Tense::Future, Tense::Unknown][tense as usize];
        if let Ok(r) = read_date(&text, as_of, tense) {
            if let (Some(start), Some(end)) = (r.start, r.end) {
                prop_assert!(start <= end, "{:?} as of {}: {} > {}", text, as_of, start, end);
            }
        }
    }

    #[test]
    fn the_number_reader_never_panics(text in any_number_text()) {
        if let Ok(r) = read_number(&text) {
            prop_assert!(r.low.is_none_or(|v| !v.is_nan()) && r.high.is_none_or(|v| !v.is_nan()), "{:?}: {:?}", text, r);
            if let (Some(low), Some(high)) = (r.low, r.high) {
                prop_assert!(low <= high, "{:?}: {:?}", text, r);
            }
        }
    }
}
