//! The Flight benchmark (docs/truth.md): import `dirty.csv` (38 sources, 100
//! flights, 4 times each) with the CSV importer, check it with the library,
//! and score the best-supported reading of each of the 400 facts against
//! `clean.csv` — exactly, and within 10 minutes — beside naive majority voting
//! over the same readings. Every time format of `dirty.csv` is counted as read
//! or unreadable.
//!
//! Used by `cargo bench --bench truth` (the full report) and `tests/truth.rs`
//! (the target). This module reads files: it is a benchmark harness, not part
//! of the checking pipeline.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::check::{FactView, Outcome};
use crate::compare::{relation, Relation};
use crate::import::{import_csv, CsvImport};
use crate::model::{EntityKind, ValueType};
use crate::normalize::date::{read_date, Precision, Tense};
use crate::normalize::Reading;

/// The time attributes of the Flight data set.
pub const ATTRIBUTES: [&str; 4] = ["sched_dep_time", "act_dep_time", "sched_arr_time", "act_arr_time"];
/// Published results on the full 31-day data set (Li et al., PVLDB 2012).
pub const PUBLISHED_VOTING: f64 = 0.864;
pub const PUBLISHED_ACCUCOPY: f64 = 0.943;
/// The day the sources spoke of.
pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2011, 12, 1).expect("a valid date")
}

/// The folder of the Flight data set, beside the other shared corpora.
pub fn flights_dir(manifest_dir: &str) -> std::path::PathBuf {
    crate::normalize::date::bench::corpora_dir(manifest_dir).join("flights")
}

/// One method's score.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    pub facts: usize,
    pub exact: usize,
    pub within_10: usize,
    /// Facts with no answer (no readable claim, or no minute in the reading).
    pub no_answer: usize,
}

impl Score {
    pub fn exact_share(&self) -> f64 {
        self.exact as f64 / self.facts.max(1) as f64
    }
    pub fn within_share(&self) -> f64 {
        self.within_10 as f64 / self.facts.max(1) as f64
    }
}

/// A time format of `dirty.csv`: its shape (digits as 9), how many cells have
/// it, how many of those read, and one example.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub shape: String,
    pub cells: usize,
    pub read: usize,
    pub example: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub ours: Score,
    pub voting: Score,
    pub shapes: Vec<Shape>,
    pub sources: usize,
    pub claims: usize,
    pub claims_read: usize,
    /// Facts where ours is wrong: (fact id, ours, gold, what the flight's own airline said).
    pub misses: Vec<(String, String, String, String)>,
    /// Of the misses, those where the truth is the airline's own value
    /// (`alone`: given by no other outlet), and those where the airline gave
    /// no actual time and the truth is its scheduled time.
    pub airline_given: usize,
    pub airline_given_alone: usize,
    pub airline_scheduled: usize,
}

/// Run the benchmark on the data set in `dir` (dirty.csv and clean.csv).
pub fn run(dir: &Path) -> Result<Report, String> {
    run_outcome(dir).map(|(r, _)| r)
}

/// [`run`], with the checked outcome for closer study.
pub fn run_outcome(dir: &Path) -> Result<(Report, Outcome), String> {
    run_with(dir, &[super::Params::default()]).map(|mut v| v.remove(0))
}

/// The benchmark with each of `params` (the ablation in docs/truth.md): the
/// corpus is imported and checked once, the best readings found again with each.
pub fn run_with(dir: &Path, params: &[super::Params]) -> Result<Vec<(Report, Outcome)>, String> {
    let dirty_path = dir.join("dirty.csv");
    let dirty = std::fs::read_to_string(&dirty_path).map_err(|e| format!("{}: {e}", dirty_path.display()))?;
    let clean = std::fs::read_to_string(dir.join("clean.csv")).map_err(|e| format!("clean.csv: {e}"))?;
    let options = CsvImport {
        subject_column: "flight".into(),
        source_column: "src".into(),
        ignore_columns: vec!["tuple_id".into()],
        types: ATTRIBUTES.iter().map(|a| (a.to_string(), ValueType::Date)).collect(),
        as_of: as_of(),
        subject_kind: EntityKind::Event,
    };
    let file: Arc<Path> = Arc::from(dirty_path.as_path());
    let imported = import_csv(&dirty, &file, &options)
        .map_err(|d| d.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"))?;
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let out = tmp.path().join("corpus");
    crate::fsio::write_new_tree(&out, &imported.files).map_err(|e| e.to_string())?;
    let outcome = crate::check::run(&out.join("claims"), &out.join("articles"));
    let gold = gold(&clean)?;
    let shapes = shapes(&dirty)?;
    // The outlets the pipeline declared dependent (none, unless the corpus says so: the
    // importer quotes all that a source said, docs/truth.md), as `check` takes them.
    Ok(params
        .iter()
        .map(|p| {
            let mut outcome = outcome.clone();
            let (best, reliability) = super::assess_with(&outcome.facts, &outcome.declared, p);
            for (f, b) in outcome.facts.iter_mut().zip(best) {
                f.best = b;
            }
            outcome.reliability = reliability;
            (score(&outcome, &gold, shapes.clone(), imported.claims), outcome)
        })
        .collect())
}

/// The true time of day (minutes after midnight) per (flight, attribute).
fn gold(clean: &str) -> Result<BTreeMap<(String, String), u32>, String> {
    let mut reader = csv::Reader::from_reader(clean.as_bytes());
    let header: Vec<String> = reader.headers().map_err(|e| e.to_string())?.iter().map(str::to_string).collect();
    let col = |n: &str| header.iter().position(|h| h == n).ok_or(format!("clean.csv has no column {n}"));
    let flight = col("flight")?;
    let mut out = BTreeMap::new();
    for row in reader.records() {
        let row = row.map_err(|e| e.to_string())?;
        for a in ATTRIBUTES {
            let v = row.get(col(a)?).unwrap_or_default();
            let m = gold_minutes(v).ok_or(format!("clean.csv: cannot read the time '{v}'"))?;
            out.entry((row.get(flight).unwrap_or_default().to_string(), a.to_string())).or_insert(m);
        }
    }
    Ok(out)
}

/// `7:10 a.m.` / `12:05 p.m.`, the one format of clean.csv.
fn gold_minutes(v: &str) -> Option<u32> {
    let (clock, half) = v.trim().split_once(' ')?;
    let (h, m) = clock.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    let h = match half {
        "a.m." => h % 12,
        "p.m." => h % 12 + 12,
        _ => return None,
    };
    Some(h * 60 + m)
}

/// Every non-empty time cell of dirty.csv by shape, read with the date reader.
fn shapes(dirty: &str) -> Result<Vec<Shape>, String> {
    let mut reader = csv::Reader::from_reader(dirty.as_bytes());
    let header: Vec<String> = reader.headers().map_err(|e| e.to_string())?.iter().map(str::to_string).collect();
    let cols: Vec<usize> = ATTRIBUTES.iter().filter_map(|a| header.iter().position(|h| h == a)).collect();
    let mut by_shape: BTreeMap<String, Shape> = BTreeMap::new();
    for row in reader.records() {
        let row = row.map_err(|e| e.to_string())?;
        for &c in &cols {
            let v = row.get(c).unwrap_or_default().trim();
            if v.is_empty() {
                continue;
            }
            let shape: String = v.chars().map(|ch| if ch.is_ascii_digit() { '9' } else { ch }).collect();
            let entry = by_shape.entry(shape.clone()).or_insert(Shape { shape, cells: 0, read: 0, example: v.into() });
            entry.cells += 1;
            if read_date(v, as_of(), Tense::Unknown).ok().and_then(|d| minute_of(&Reading::Date(d))).is_some() {
                entry.read += 1;
            }
        }
    }
    let mut out: Vec<Shape> = by_shape.into_values().collect();
    out.sort_by(|a, b| b.cells.cmp(&a.cells).then_with(|| a.shape.cmp(&b.shape)));
    Ok(out)
}

/// The time of day a reading names to the minute (minutes after midnight),
/// if it names one minute: `Not Available`, a day, or an hour give `None`.
/// The day is not scored: clean.csv gives times of day only (a next-day
/// arrival `12/02/2011 5:50 a.m.` is 5:50 a.m.).
pub fn minute_of(r: &Reading) -> Option<u32> {
    use chrono::Timelike;
    match r {
        Reading::Date(d) if d.precision == Precision::Minute => {
            let (first, last) = (d.first_minute()?, d.last_minute()?);
            (first == last).then(|| first.hour() * 60 + first.minute())
        }
        _ => None,
    }
}

fn distance(a: u32, b: u32) -> u32 {
    let d = a.abs_diff(b) % 1440;
    d.min(1440 - d)
}

fn score(outcome: &Outcome, gold: &BTreeMap<(String, String), u32>, shapes: Vec<Shape>, claims: usize) -> Report {
    let facts: BTreeMap<&str, &FactView> = outcome.facts.iter().map(|f| (f.id.as_str(), f)).collect();
    let mut ours = Score::default();
    let mut voting = Score::default();
    let mut misses = Vec::new();
    let (mut airline_given, mut airline_given_alone, mut airline_scheduled) = (0, 0, 0);
    let tally = |s: &mut Score, answer: Option<u32>, truth: u32| {
        s.facts += 1;
        match answer {
            None => s.no_answer += 1,
            Some(m) => {
                let d = distance(m, truth);
                s.exact += usize::from(d == 0);
                s.within_10 += usize::from(d <= 10);
            }
        }
    };
    for ((flight, attribute), &truth) in gold {
        let id = format!("{}.{attribute}", crate::text::slug(flight));
        let fact = facts.get(id.as_str()).copied();
        let answer = fact.and_then(|f| f.best.as_ref()).and_then(|b| minute_of(&b.reading));
        tally(&mut ours, answer, truth);
        tally(&mut voting, fact.and_then(majority).and_then(|r| minute_of(&r)), truth);
        if answer != Some(truth) {
            let mut shown = fact
                .and_then(|f| f.best.as_ref())
                .map_or("(no answer)".to_string(), |b| format!("{} ({:.2})", b.value, b.confidence));
            // What there was to choose from: each reading and how many outlets gave it.
            if let Some(f) = fact {
                let each: Vec<String> = groups(f).iter().map(|(_, v, o)| format!("{v} x{}", o.len())).collect();
                shown.push_str(&format!(" among [{}]", each.join(", ")));
            }
            let airline = airline_says(&facts, flight, attribute, truth);
            match airline.1 {
                AirlineSays::Truth { alone } => {
                    airline_given += 1;
                    airline_given_alone += usize::from(alone);
                }
                AirlineSays::NoneButScheduled => airline_scheduled += 1,
                AirlineSays::Other => {}
            }
            misses.push((id, shown, format!("{:02}:{:02}", truth / 60, truth % 60), airline.0));
        }
    }
    Report {
        ours,
        voting,
        shapes,
        sources: outcome.sources,
        claims,
        claims_read: outcome.claims_checked,
        misses,
        airline_given,
        airline_given_alone,
        airline_scheduled,
    }
}

/// How a missed fact's truth relates to the flight's own airline.
enum AirlineSays {
    /// The airline gave the true time; `alone`: no other outlet did.
    Truth {
        alone: bool,
    },
    /// The airline gave no time here, and the truth is its scheduled time.
    NoneButScheduled,
    Other,
}

/// What the flight's own airline said (the outlet named by the flight's
/// carrier code, `UA-2314-ATL-PHL` -> `ua`): the gold of the Flight data set
/// follows the airlines' sites, so this tells a miss that no method over
/// the other outlets' readings could get from one it could.
fn airline_says(facts: &BTreeMap<&str, &FactView>, flight: &str, attribute: &str, truth: u32) -> (String, AirlineSays) {
    let carrier = flight.split('-').next().unwrap_or_default();
    let said = |attribute: &str| {
        let fact = facts.get(format!("{}.{attribute}", crate::text::slug(flight)).as_str()).copied()?;
        let claim = fact.claims.iter().find(|c| c.source.outlet.eq_ignore_ascii_case(carrier))?;
        let others = fact.claims.iter().filter(|c| minute_of(&c.reading) == Some(truth)).count();
        Some((claim.value.clone(), minute_of(&claim.reading), others))
    };
    match said(attribute) {
        Some((value, Some(m), givers)) if m == truth => {
            (format!("the airline ({carrier}) says {value}"), AirlineSays::Truth { alone: givers == 1 })
        }
        Some((value, _, _)) => (format!("the airline ({carrier}) says {value}"), AirlineSays::Other),
        None => {
            let scheduled = attribute.strip_prefix("act_").map(|rest| format!("sched_{rest}"));
            match scheduled.as_deref().and_then(said) {
                Some((value, Some(m), _)) if m == truth => (
                    format!("the airline ({carrier}) gives none; its scheduled time is {value}"),
                    AirlineSays::NoneButScheduled,
                ),
                _ => (format!("the airline ({carrier}) gives none"), AirlineSays::Other),
            }
        }
    }
}

/// Naive voting: the reading given by the most sources (equal readings count
/// together, one vote per source); a tie goes to the reading said first.
pub fn majority(f: &FactView) -> Option<Reading> {
    let mut best: Option<(Reading, usize)> = None;
    for (r, _, outlets) in groups(f) {
        if best.as_ref().is_none_or(|(_, n)| outlets.len() > *n) {
            best = Some((r, outlets.len()));
        }
    }
    best.map(|(r, _)| r)
}

/// The fact's readings, equal ones together, in order of first claim: the
/// reading, the value as first written, and the outlets giving it.
fn groups(f: &FactView) -> Vec<(Reading, String, Vec<&str>)> {
    let mut groups: Vec<(Reading, String, Vec<&str>)> = Vec::new();
    for c in &f.claims {
        match groups.iter_mut().find(|(r, _, _)| relation(r, &c.reading) == Relation::Equal) {
            Some((_, _, outlets)) => {
                if !outlets.contains(&&*c.source.outlet) {
                    outlets.push(&c.source.outlet);
                }
            }
            None => groups.push((c.reading.clone(), c.value.clone(), vec![&c.source.outlet])),
        }
    }
    groups
}

/// The report `cargo bench --bench truth` prints.
pub fn render(r: &Report, show_misses: bool) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "Flight benchmark: {} sources, {} claims imported, {} read; {} facts scored against clean.csv\n\n",
        r.sources, r.claims, r.claims_read, r.ours.facts
    ));
    out.push_str("| method | exact | within 10 min | no answer |\n|---|---|---|---|\n");
    for (name, s) in [("crosscheck best-supported reading", &r.ours), ("majority voting, same readings", &r.voting)] {
        out.push_str(&format!(
            "| {name} | {:.3} ({}/{}) | {:.3} | {} |\n",
            s.exact_share(),
            s.exact,
            s.facts,
            s.within_share(),
            s.no_answer
        ));
    }
    out.push_str(&format!(
        "| published, full 31 days: voting | | {PUBLISHED_VOTING:.3} | |\n| published, full 31 days: ACCUCOPY | | {PUBLISHED_ACCUCOPY:.3} | |\n\n"
    ));
    let (cells, read): (usize, usize) = r.shapes.iter().fold((0, 0), |(c, k), s| (c + s.cells, k + s.read));
    out.push_str(&format!(
        "Time formats in dirty.csv: {} shapes, {read} of {cells} cells read to the minute\n",
        r.shapes.len()
    ));
    out.push_str("| shape | cells | read | unreadable | example |\n|---|---|---|---|---|\n");
    for s in &r.shapes {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | `{}` |\n",
            s.shape,
            s.cells,
            s.read,
            s.cells - s.read,
            s.example
        ));
    }
    if show_misses && !r.misses.is_empty() {
        out.push_str(&format!("\nFacts where the best-supported reading is not exact ({}):\n", r.misses.len()));
        for (id, ours, gold, airline) in &r.misses {
            out.push_str(&format!("  {id}: {ours}, truth {gold}; {airline}\n"));
        }
        out.push_str(&format!(
            "Of these, the truth is the flight's own airline's value in {} ({} given by the airline alone), \
             and the airline's scheduled time where it gave no actual time in {}.\n",
            r.airline_given, r.airline_given_alone, r.airline_scheduled
        ));
    }
    out
}
