//! Accuracy scoring of the temporal reader on the two public corpora in
//! `shared/corpora/` (see its README). Shared by `benches/temporal.rs` and
//! `tests/temporal_corpus.rs` so both score the same way.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;

use super::{read_date, tense_of, DateReading, Tense};

/// One gold row: an expression, the day it was said, the gold interval.
#[derive(Debug, Clone)]
pub struct Row {
    pub expr: String,
    pub as_of: NaiveDate,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// Which report line the row belongs to.
    pub scope: &'static str,
    /// TimeML START/MID/END: right when the reading lies inside the gold interval.
    pub inside_ok: bool,
    pub source: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    Exact,
    /// Inside the gold interval of a START/MID/END row (counts as right).
    Inside,
    Overlap,
    Disjoint,
    NotUnderstood,
}

impl Outcome {
    pub fn is_right(self) -> bool {
        matches!(self, Outcome::Exact | Outcome::Inside)
    }
}

pub const DUCKLING_EN: &str = "Duckling EN, no holiday";
pub const DUCKLING_HOLIDAY: &str = "Duckling EN holidays";
pub const DUCKLING_LOCALES: &str = "Duckling other locales (EN_GB, EN_US, ...)";
pub const TIMEML_NEWS: &str = "TimeML news (no season)";
pub const TIMEML_SEASONS: &str = "TimeML seasons (no gold interval)";

fn date(s: &str) -> Result<Option<NaiveDate>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<NaiveDate>().map(Some).map_err(|e| format!("bad date '{s}': {e}"))
}

fn read_tsv(path: &Path) -> Result<Vec<BTreeMap<String, String>>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().ok_or("empty file")?.split('\t').collect();
    Ok(lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            header
                .iter()
                .zip(l.split('\t').chain(std::iter::repeat("")))
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect())
}

pub fn load_duckling(path: &Path) -> Result<Vec<Row>, String> {
    read_tsv(path)?
        .into_iter()
        .map(|r| {
            let scope = if !r["holiday"].is_empty() {
                DUCKLING_HOLIDAY
            } else if r["locale"] == "EN" {
                DUCKLING_EN
            } else {
                DUCKLING_LOCALES
            };
            Ok(Row {
                expr: r["expression"].clone(),
                as_of: date(&r["reference_date"])?.ok_or("no reference date")?,
                start: date(&r["start_date"])?,
                end: date(&r["end_date"])?,
                scope,
                inside_ok: false,
                source: r["source"].clone(),
            })
        })
        .collect()
}

pub fn load_timeml(path: &Path) -> Result<Vec<Row>, String> {
    read_tsv(path)?
        .into_iter()
        .map(|r| {
            let start = date(&r["start_date"])?;
            let end = date(&r["end_date"])?;
            let season = start.is_none() && end.is_none();
            Ok(Row {
                expr: r["expression"].clone(),
                as_of: date(&r["dct_date"])?.ok_or("no dct")?,
                start,
                end,
                scope: if season { TIMEML_SEASONS } else { TIMEML_NEWS },
                inside_ok: matches!(r["mod"].as_str(), "START" | "MID" | "END"),
                source: format!("{}/{} {}", r["corpus"], r["doc"], r["value"]),
            })
        })
        .collect()
}

/// Compare a reading with a gold row.
pub fn score(row: &Row, got: &Result<DateReading, super::DateError>) -> Outcome {
    let Ok(r) = got else {
        return Outcome::NotUnderstood;
    };
    if r.start == row.start && r.end == row.end {
        return Outcome::Exact;
    }
    if row.start.is_none() && row.end.is_none() {
        // Seasons: no gold interval; a season reading is as good as it gets.
        return if r.precision == super::Precision::Season { Outcome::Exact } else { Outcome::Overlap };
    }
    let lo = |x: Option<NaiveDate>| x.unwrap_or(NaiveDate::MIN);
    let hi = |x: Option<NaiveDate>| x.unwrap_or(NaiveDate::MAX);
    if row.inside_ok && lo(r.start) >= lo(row.start) && hi(r.end) <= hi(row.end) {
        return Outcome::Inside;
    }
    if lo(r.start) <= hi(row.end) && lo(row.start) <= hi(r.end) {
        Outcome::Overlap
    } else {
        Outcome::Disjoint
    }
}

/// How a row's tense is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TenseMode {
    /// The same tense for every row.
    Fixed(Tense),
    /// `tense_of(expression)`: only the expression's own words, no context.
    FromExpression,
}

impl TenseMode {
    pub fn label(self) -> &'static str {
        match self {
            TenseMode::Fixed(Tense::Future) => "Tense::Future",
            TenseMode::Fixed(Tense::Past) => "Tense::Past",
            TenseMode::Fixed(Tense::Unknown) => "Tense::Unknown",
            TenseMode::FromExpression => "tense_of(expression)",
        }
    }
    fn tense(self, expr: &str) -> Tense {
        match self {
            TenseMode::Fixed(t) => t,
            TenseMode::FromExpression => tense_of(expr),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Scored {
    pub row: Row,
    pub outcome: Outcome,
    pub got: Result<DateReading, super::DateError>,
}

pub fn run(rows: &[Row], mode: TenseMode) -> Vec<Scored> {
    rows.iter()
        .map(|row| {
            let got = read_date(&row.expr, row.as_of, mode.tense(&row.expr));
            Scored { row: row.clone(), outcome: score(row, &got), got }
        })
        .collect()
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub total: usize,
    pub exact: usize,
    pub inside: usize,
    pub overlap: usize,
    pub disjoint: usize,
    pub not_understood: usize,
}

impl Tally {
    pub fn of<'a>(scored: impl IntoIterator<Item = &'a Scored>) -> Tally {
        let mut t = Tally::default();
        for s in scored {
            t.total += 1;
            match s.outcome {
                Outcome::Exact => t.exact += 1,
                Outcome::Inside => t.inside += 1,
                Outcome::Overlap => t.overlap += 1,
                Outcome::Disjoint => t.disjoint += 1,
                Outcome::NotUnderstood => t.not_understood += 1,
            }
        }
        t
    }
    pub fn right(&self) -> usize {
        self.exact + self.inside
    }
    pub fn share(&self, n: usize) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            100.0 * n as f64 / self.total as f64
        }
    }
}

fn show(r: &Result<DateReading, super::DateError>) -> String {
    match r {
        Ok(r) => format!(
            "{}..{} ({}; {})",
            r.start.map_or("open".into(), |d| d.to_string()),
            r.end.map_or("open".into(), |d| d.to_string()),
            r.precision.as_str(),
            r.rule
        ),
        Err(e) => format!("ERROR {}", e.message),
    }
}

/// The report for one scope and one tense mode: a summary line, then the failures
/// grouped by rule (understood but wrong) or by first word (not understood).
pub fn report(scope: &str, mode: TenseMode, scored: &[Scored], details: bool) -> String {
    let mine: Vec<&Scored> = scored.iter().filter(|s| s.row.scope == scope).collect();
    let t = Tally::of(mine.iter().copied());
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{scope:<44} {:<22} n={:<4} right {:5.1}% (exact {:5.1}%, inside-mod {:4.1}%)  overlap {:5.1}%  disjoint {:5.1}%  not understood {:5.1}%",
        mode.label(),
        t.total,
        t.share(t.right()),
        t.share(t.exact),
        t.share(t.inside),
        t.share(t.overlap),
        t.share(t.disjoint),
        t.share(t.not_understood),
    );
    if !details {
        return out;
    }
    let mut groups: BTreeMap<String, Vec<&Scored>> = BTreeMap::new();
    for s in mine.iter().filter(|s| !s.outcome.is_right()) {
        let key = match &s.got {
            Ok(r) => format!("{:?} by rule \"{}\"", s.outcome, r.rule),
            Err(_) => {
                let first: Vec<String> = s.row.expr.split_whitespace().take(1).map(str::to_lowercase).collect();
                format!("NotUnderstood starting \"{}\"", first.join(" "))
            }
        };
        groups.entry(key).or_default().push(s);
    }
    let mut groups: Vec<_> = groups.into_iter().collect();
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    for (key, items) in groups {
        let _ = writeln!(out, "    {:>3} x {key}", items.len());
        for s in items.iter().take(4) {
            let _ = writeln!(
                out,
                "          '{}' @{} gold {}..{} got {}",
                s.row.expr,
                s.row.as_of,
                s.row.start.map_or("open".into(), |d| d.to_string()),
                s.row.end.map_or("open".into(), |d| d.to_string()),
                show(&s.got)
            );
        }
    }
    out
}

/// The corpora folder: `$CARGO_MANIFEST_DIR/../shared/corpora`.
pub fn corpora_dir(manifest_dir: &str) -> std::path::PathBuf {
    Path::new(manifest_dir).join("..").join("shared").join("corpora")
}
