//! `--format json`: the stable, documented machine format (docs/json.md).
//! Serde types live here, apart from the domain types. They borrow from the
//! outcome, and each fact is turned into its JSON form only while serde's
//! streaming serializer writes it: no document tree, no copy of the claims.

use std::io::{self, Write};

use serde::{Serialize, Serializer};

use crate::check::{ClaimView, FactView, Outcome, PairView};
use crate::compare::Verdict;
use crate::error::Diagnostic;
use crate::normalize::{format_bounds, format_day, Reading};
use crate::report::{shown, Options};
use crate::review::ReviewStatus;
use crate::support::{DependencyView, Support};

/// The whole document as one serde value: what [`write`] writes, piece by
/// piece and with the facts and dependencies in parallel (the tests hold
/// the two to the same bytes).
#[cfg(test)]
#[derive(Serialize)]
struct Document<'a> {
    /// `crosscheck <version>`: who wrote the document.
    generator: String,
    facts: Facts<'a>,
    summary: Summary,
    dependencies: Dependencies<'a>,
    warnings: Vec<Problem<'a>>,
    errors: Vec<Problem<'a>>,
}

#[derive(Serialize)]
struct Summary {
    sources: usize,
    claims: usize,
    claims_checked: usize,
    #[serde(skip_serializing_if = "is_zero")]
    claim_files_unread: usize,
    #[serde(skip_serializing_if = "is_zero")]
    folders_unread: usize,
    facts: usize,
    shown: usize,
    conflict: usize,
    revised: usize,
    compatible: usize,
    agree: usize,
    single: usize,
    /// Set when the report is narrowed to some sources (`check --source`).
    #[serde(skip_serializing_if = "Option::is_none")]
    focus: Option<Focus>,
}

#[derive(Serialize)]
struct Focus {
    sources: Vec<String>,
    archive_facts: usize,
    other_warnings: usize,
    other_dependencies: usize,
}

#[derive(Serialize)]
struct Fact<'a> {
    id: &'a str,
    subject: &'a str,
    subject_resolved: bool,
    property: &'a str,
    verdict: &'static str,
    reason: &'a str,
    review: Review<'a>,
    /// The tolerance its date readings were compared with ("10m"); absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    tolerance: Option<String>,
    claims: Claims<'a>,
    pairs: Pairs<'a>,
    /// Pairs compared but not listed (a fact with more than
    /// `compare::PAIRS_LISTED` pairs); absent when every pair is listed.
    #[serde(skip_serializing_if = "is_zero")]
    pairs_left_out: usize,
    support: FactSupport<'a>,
    best: Option<Best<'a>>,
}

#[derive(Serialize)]
struct FactSupport<'a> {
    sources: usize,
    independent: usize,
    readings: Each<'a, crate::support::ReadingSupport, ReadingSupport<'a>>,
}

#[derive(Serialize)]
struct ReadingSupport<'a> {
    reading: &'a str,
    claims: &'a [String],
    sources: usize,
    independent: usize,
    groups: &'a [Vec<String>],
}

#[derive(Serialize)]
struct Dependency<'a> {
    kind: &'static str,
    sources: &'a [String],
    reason: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    passage: Option<&'a str>,
}

/// A fact's review status (docs/reviews.md); beyond `status`, only for
/// reviewed and stale facts.
#[derive(Serialize)]
struct Review<'a> {
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    stale_because: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    decision: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rating: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reviewer: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    verdict_seen: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u32>,
}

fn review(status: &ReviewStatus) -> Review<'_> {
    let mut out = Review {
        status: status.as_str(),
        stale_because: None,
        decision: None,
        rating: None,
        reviewer: None,
        date: None,
        note: None,
        verdict_seen: None,
        file: None,
        line: None,
    };
    let r = match status {
        ReviewStatus::Unreviewed => return out,
        ReviewStatus::Reviewed(r) => r,
        ReviewStatus::Stale(r, why) => {
            out.stale_because = Some(why.as_str());
            r
        }
    };
    out.decision = Some(r.decision.as_str());
    out.rating = r.rating.as_deref();
    out.reviewer = Some(&r.reviewer);
    out.date = Some(format_day(r.date));
    out.note = Some(&r.note);
    out.verdict_seen = Some(r.verdict_seen.as_str());
    out.file = Some(r.loc.file.display().to_string());
    out.line = Some(r.loc.line);
    out
}

/// The best-supported reading (src/truth.rs, docs/truth.md).
#[derive(Serialize)]
struct Best<'a> {
    value: &'a str,
    reading: String,
    /// Dates: `YYYY-MM-DD` (or `YYYY-MM-DDTHH:MM`); numbers: the range; null otherwise or when open.
    start: Bound,
    end: Bound,
    confidence: f64,
    sources: &'a [String],
    against: &'a [String],
}

fn best(b: &crate::truth::Best) -> Best<'_> {
    let (start, end) = bounds(&b.reading);
    Best {
        value: &b.value,
        reading: b.reading.describe(),
        start,
        end,
        confidence: (b.confidence * 10_000.0).round() / 10_000.0,
        sources: &b.sources,
        against: &b.against,
    }
}

/// One end of a best reading: a date, a number, or null (open, or neither).
enum Bound {
    Text(String),
    Number(f64),
    Null,
}

impl Serialize for Bound {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Bound::Text(t) => serializer.serialize_str(t),
            Bound::Number(x) => serializer.serialize_f64(*x),
            Bound::Null => serializer.serialize_unit(),
        }
    }
}

/// The bounds of a reading; a number that is not finite is null, as JSON has no such number.
fn bounds(r: &Reading) -> (Bound, Bound) {
    let text = |s: Option<String>| s.map_or(Bound::Null, Bound::Text);
    let num = |x: Option<f64>| x.filter(|x| x.is_finite()).map_or(Bound::Null, Bound::Number);
    match r {
        Reading::Date(d) => {
            let (start, end) = format_bounds(d);
            (text(start), text(end))
        }
        Reading::Number(n) => (num(n.low), num(n.high)),
        _ => (Bound::Null, Bound::Null),
    }
}

/// A day as `YYYY-MM-DD`, written without a String of its own (claims carry
/// one or two each, a million claims as many).
struct Day(chrono::NaiveDate);

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use chrono::Datelike;
        let (y, m, d) = (self.0.year(), self.0.month(), self.0.day());
        if !(0..=9999).contains(&y) {
            return serializer.serialize_str(&format_day(self.0));
        }
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let y = y as u32;
        let text = [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(d / 10),
            digit(d),
        ];
        // Only ASCII digits and dashes.
        serializer.serialize_str(std::str::from_utf8(&text).unwrap_or_default())
    }
}

/// The registry ids of an entity or entities reading, listed as they are written.
struct Ids<'a>(&'a Reading);

impl Serialize for Ids<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Reading::Entity(e) => serializer.collect_seq([e.id.as_str()]),
            Reading::Entities(es) => serializer.collect_seq(es.iter().map(|e| e.id.as_str())),
            _ => serializer.collect_seq(std::iter::empty::<&str>()),
        }
    }
}

#[derive(Serialize)]
struct Claim<'a> {
    source: &'a str,
    id: &'a str,
    outlet: &'a str,
    subject: &'a str,
    value: &'a str,
    #[serde(rename = "type")]
    value_type: &'static str,
    said_by: Option<&'a str>,
    as_of: Day,
    hedge: &'static str,
    quote: &'a str,
    reading: String,
    /// Dates: the interval; null ends are open. Absent for other types.
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    precision: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'static str>,
    /// Dates: the quote's tense, when the rule chose by it (past | future | unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    tense: Option<&'static str>,
    /// Dates: notes kept beside the value ("Estimated runway", "EST"); absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    qualifiers: Option<&'a [String]>,
    /// Numbers: the range; null ends are open.
    #[serde(skip_serializing_if = "Option::is_none")]
    low: Option<Option<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    high: Option<Option<f64>>,
    /// Entities: the registry ids.
    #[serde(skip_serializing_if = "Option::is_none")]
    ids: Option<Ids<'a>>,
    /// Text: the folded text and, for statuses, the status.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
    /// The earlier claim of the fact this one reads as (the same reading,
    /// said the same day with the same hedge); absent for the first.
    #[serde(skip_serializing_if = "Option::is_none")]
    same_as: Option<String>,
    file: &'a str,
    line: u32,
}

#[derive(Serialize)]
struct Pair<'a> {
    a: &'a str,
    b: &'a str,
    relation: &'static str,
    revision: bool,
    reason: String,
}

#[derive(Serialize)]
pub(crate) struct Problem<'a> {
    file: Option<String>,
    line: Option<u32>,
    column: Option<u32>,
    message: &'a str,
    help: Option<&'a str>,
}

fn claim(c: &ClaimView) -> Claim<'_> {
    let mut out = Claim {
        source: &c.source.id,
        id: &c.id,
        outlet: &c.source.outlet,
        subject: &c.subject,
        value: &c.value,
        value_type: c.value_type.as_str(),
        said_by: c.said_by.as_deref(),
        as_of: Day(c.as_of),
        hedge: c.hedge.as_str(),
        quote: &c.quote,
        reading: c.reading.describe(),
        start: None,
        end: None,
        precision: None,
        rule: None,
        tense: None,
        qualifiers: None,
        low: None,
        high: None,
        ids: None,
        text: None,
        status: None,
        same_as: None,
        file: &c.source.file,
        line: c.line,
    };
    match &c.reading {
        Reading::Date(d) => {
            let (start, end) = format_bounds(d);
            out.start = Some(start);
            out.end = Some(end);
            out.qualifiers = Some(d.qualifiers.as_slice()).filter(|q| !q.is_empty());
            out.precision = Some(d.precision.as_str());
            out.rule = Some(d.rule);
            out.tense = d.tense.map(|t| t.as_str());
        }
        Reading::Number(n) => {
            out.low = Some(n.low);
            out.high = Some(n.high);
            out.rule = Some(n.rule);
        }
        Reading::Entity(_) | Reading::Entities(_) => out.ids = Some(Ids(&c.reading)),
        Reading::Text(t) => {
            out.text = Some(&t.folded);
            out.status = t.status.map(|s| s.as_str());
        }
    }
    out
}

fn fact(f: &FactView) -> Fact<'_> {
    Fact {
        id: &f.id,
        subject: &f.subject.name,
        subject_resolved: f.subject.resolved,
        property: &f.property,
        verdict: f.verdict.as_str(),
        reason: &f.reason,
        review: review(&f.review),
        tolerance: f.tolerance.map(|t| t.to_string()),
        claims: Claims(f),
        pairs: Pairs(f),
        pairs_left_out: f.pairs_left_out,
        support: fact_support(&f.support),
        best: f.best.as_ref().map(best),
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn fact_support(s: &Support) -> FactSupport<'_> {
    FactSupport { sources: s.sources, independent: s.independent, readings: Each(&s.readings, reading_support) }
}

fn reading_support(r: &crate::support::ReadingSupport) -> ReadingSupport<'_> {
    ReadingSupport {
        reading: &r.reading,
        claims: &r.claims,
        sources: r.sources,
        independent: r.independent(),
        groups: &r.groups,
    }
}

/// A fact's claims, each naming the earlier claim it reads as.
struct Claims<'a>(&'a FactView);

impl Serialize for Claims<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let f = self.0;
        serializer.collect_seq(f.claims.iter().enumerate().map(|(i, c)| {
            let mut out = claim(c);
            out.same_as = f.same_as(i).map(|first| f.claims[first].key());
            out
        }))
    }
}

/// A fact's pairs, each with its claims' keys and its reason written as it is serialized.
struct Pairs<'a>(&'a FactView);

impl Serialize for Pairs<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let f = self.0;
        if f.pairs.is_empty() {
            return serializer.collect_seq(std::iter::empty::<Pair>());
        }
        // Each claim's key written once for all of its pairs.
        let keys: Vec<String> = f.claims.iter().map(ClaimView::key).collect();
        serializer.collect_seq(f.pairs_with_reasons().map(|(p, reason): (&PairView, String)| Pair {
            a: &keys[p.a],
            b: &keys[p.b],
            relation: p.relation.as_str(),
            revision: p.revision,
            reason,
        }))
    }
}

/// Items turned into their JSON form one at a time, as they are written.
struct Each<'a, T, J>(&'a [T], fn(&'a T) -> J);

impl<'a, T, J: Serialize> Serialize for Each<'a, T, J> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(self.1))
    }
}

fn dependency(d: &DependencyView) -> Dependency<'_> {
    Dependency { kind: d.kind, sources: &d.sources, reason: &d.reason, passage: d.passage.as_deref() }
}

/// The dependencies, each written out only while it is serialized.
#[cfg(test)]
struct Dependencies<'a>(&'a crate::support::Dependencies);

#[cfg(test)]
impl Serialize for Dependencies<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct One(DependencyView);
        impl Serialize for One {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                dependency(&self.0).serialize(serializer)
            }
        }
        serializer.collect_seq(self.0.iter().map(One))
    }
}

/// The shown facts, each turned into its JSON form only while it is
/// written: a million claims are never held twice in memory.
#[cfg(test)]
struct Facts<'a>(Vec<&'a FactView>);

#[cfg(test)]
impl Serialize for Facts<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|f| fact(f)))
    }
}

/// A diagnostic as the JSON documents give it (`check` and `sources`).
pub(crate) fn problem(d: &Diagnostic) -> Problem<'_> {
    Problem {
        file: d.loc.as_ref().map(|l| l.file.display().to_string()),
        line: d.loc.as_ref().and_then(|l| (l.line > 0).then_some(l.line)),
        column: d.loc.as_ref().and_then(|l| (l.col > 0).then_some(l.col)),
        message: &d.message,
        help: d.help.as_deref(),
    }
}

fn summary(outcome: &Outcome, shown: usize) -> Summary {
    let count = |v: Verdict| outcome.facts.iter().filter(|f| f.verdict == v).count();
    Summary {
        sources: outcome.sources,
        claims: outcome.claims_total,
        claims_checked: outcome.claims_checked,
        claim_files_unread: outcome.claim_files_unread,
        folders_unread: outcome.folders_unread,
        facts: outcome.facts.len(),
        shown,
        conflict: count(Verdict::Conflict),
        revised: count(Verdict::Revised),
        compatible: count(Verdict::Compatible),
        agree: count(Verdict::Agree),
        single: count(Verdict::Single),
        focus: outcome.focus.as_ref().map(|f| Focus {
            sources: f.sources.clone(),
            archive_facts: f.archive_facts,
            other_warnings: f.other_warnings,
            other_dependencies: f.other_dependencies,
        }),
    }
}

/// Write the document (the fields of `Document`, in its order) as
/// `serde_json::to_writer_pretty` writes it, byte for byte. The facts, the
/// dependencies and the warnings, most of a large report, are serialized
/// in parallel, a window of items at a time, each chunk into a buffer of
/// its own that is then written in order, while the next window is
/// serialized ([`write_seq`]; a million claims' JSON is about a gigabyte,
/// which one thread took two seconds to write).
pub fn write(outcome: &Outcome, options: &Options, out: &mut dyn Write) -> io::Result<()> {
    write_open(outcome, options, out)?;
    out.write_all(b"\n}\n")?;
    out.flush()
}

/// The document as [`write`] writes it, all but its closing `\n}\n`: a
/// sealed report adds its `seal` key there (`report::write_file`).
pub fn write_open(outcome: &Outcome, options: &Options, out: &mut dyn Write) -> io::Result<()> {
    let facts = shown(outcome, options);
    let mut out = crate::report::buffered(out);
    out.write_all(b"{\n  \"generator\": ")?;
    pretty_at(&crate::report::generator(), 1, &mut out)?;
    out.write_all(b",\n  \"facts\": ")?;
    write_seq(&mut out, &facts, |f| fact(f))?;
    out.write_all(b",\n  \"summary\": ")?;
    pretty_at(&summary(outcome, facts.len()), 1, &mut out)?;
    out.write_all(b",\n  \"dependencies\": ")?;
    let links: Vec<usize> = (0..outcome.dependencies.len()).collect();
    write_seq(&mut out, &links, |&i| OwnedDependency(outcome.dependencies.get(i)))?;
    let warnings: Vec<&Diagnostic> = outcome.warnings().collect();
    let errors: Vec<&Diagnostic> = outcome.errors().collect();
    out.write_all(b",\n  \"warnings\": ")?;
    write_seq(&mut out, &warnings, |d| problem(d))?;
    out.write_all(b",\n  \"errors\": ")?;
    write_seq(&mut out, &errors, |d| problem(d))?;
    out.flush()
}

/// A dependency's JSON form, owning its view.
struct OwnedDependency(DependencyView);

impl Serialize for OwnedDependency {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        dependency(&self.0).serialize(serializer)
    }
}

/// Items serialized together on one thread.
const CHUNK: usize = 64;
/// Items serialized before their text is written out: at most three
/// windows' text is held at once ([`write_seq`]).
const WINDOW: usize = 4096;

/// `items` as a JSON array one level deep in the document, as
/// serde_json's pretty printer writes it there: `[]` when empty, else each
/// item on its own line indented by four spaces, the closing bracket by two.
///
/// A pipeline of two steps: a thread of its own serializes one window of
/// items after another (each window's chunks in parallel, on rayon's global
/// pool), while this thread writes out the window before. A report written
/// to a file spends about as long in `write` (its pages copied into the
/// page cache) as in serializing: one after the other, a 1M report took
/// 3.5 s to write to a file, against 1.2 s to `/dev/null`. The channel
/// between the steps holds one window, so at most three windows' text is
/// held (one being written, one waiting, one being made: some 30 MB for a
/// report's facts); a channel that holds none was slower by 0.4–1 s at 1M.
/// The order of the items is kept.
///
/// The windows go one at a time, on this thread, when there is only one,
/// when the thread cannot be started, and when this is one of rayon's own
/// threads (a caller writing reports in parallel): waiting there for the
/// serializing would hold a thread it needs. The serializer may run a
/// window ahead of a failed write; a panic in it is raised here, before the
/// array is closed.
fn write_seq<T: Sync, V: Serialize>(out: &mut dyn Write, items: &[T], json: impl Fn(&T) -> V + Sync) -> io::Result<()> {
    use rayon::prelude::*;
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    let serialize = |w: usize, window: &[T]| -> Vec<io::Result<Vec<u8>>> {
        window
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| {
                let mut text = Vec::new();
                for (k, item) in chunk.iter().enumerate() {
                    let first = w == 0 && c == 0 && k == 0;
                    text.extend_from_slice(if first { b"\n    " } else { b",\n    " });
                    pretty_at(&json(item), 2, &mut text)?;
                }
                Ok(text)
            })
            .collect()
    };
    let write_out = |out: &mut dyn Write, texts: Vec<io::Result<Vec<u8>>>| -> io::Result<()> {
        for text in texts {
            out.write_all(&text?)?;
        }
        Ok(())
    };
    let one_at_a_time = |out: &mut dyn Write| -> io::Result<()> {
        for (w, window) in items.chunks(WINDOW).enumerate() {
            write_out(out, serialize(w, window))?;
        }
        out.write_all(b"\n  ]")
    };
    if items.len() <= WINDOW || rayon::current_thread_index().is_some() {
        return one_at_a_time(out);
    }
    std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::sync_channel(1);
        let serialize = &serialize;
        let serializer = std::thread::Builder::new().name("json-writer".into()).spawn_scoped(scope, move || {
            for (w, window) in items.chunks(WINDOW).enumerate() {
                // The writer stopped (a write failed): nothing more is wanted.
                if send.send(serialize(w, window)).is_err() {
                    break;
                }
            }
        });
        let Ok(serializer) = serializer else { return one_at_a_time(out) };
        let written = receive.iter().try_for_each(|texts| write_out(out, texts));
        // A failed write stops the serializer: its next send finds no receiver.
        drop(receive);
        if let Err(panic) = serializer.join() {
            std::panic::resume_unwind(panic);
        }
        written?;
        out.write_all(b"\n  ]")
    })
}

/// `value` pretty-printed as it stands `depth` levels deep in a document
/// that serde_json's pretty printer writes: a pretty formatter is put
/// `depth` levels deep first (its indentation is private, but opening an
/// array, written nowhere, takes it one level down) and writes the value
/// straight into `out`, indented where it stands.
fn pretty_at<T: Serialize + ?Sized, W: Write + ?Sized>(value: &T, depth: usize, out: &mut W) -> io::Result<()> {
    use serde_json::ser::Formatter;
    let mut formatter = serde_json::ser::PrettyFormatter::new();
    for _ in 0..depth {
        formatter.begin_array(&mut io::sink())?;
    }
    value.serialize(&mut serde_json::Serializer::with_formatter(out, formatter))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The document written by serde in one piece, on one thread.
    fn write_whole(outcome: &Outcome, options: &Options) -> Vec<u8> {
        let facts = Facts(shown(outcome, options));
        let doc = Document {
            generator: crate::report::generator(),
            summary: summary(outcome, facts.0.len()),
            facts,
            dependencies: Dependencies(&outcome.dependencies),
            warnings: outcome.warnings().map(problem).collect(),
            errors: outcome.errors().map(problem).collect(),
        };
        let mut out = serde_json::to_vec_pretty(&doc).unwrap();
        out.push(b'\n');
        out
    }

    fn written(outcome: &Outcome, options: &Options) -> Vec<u8> {
        let mut out = Vec::new();
        write(outcome, options, &mut out).unwrap();
        out
    }

    #[test]
    fn the_parallel_writer_writes_what_serde_writes_whole() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut corpora = vec![root.to_path_buf(), root.join("tests/fixtures/independence")];
        for group in ["tests/fixtures/verdicts", "tests/fixtures/bad"] {
            let mut dirs: Vec<_> = std::fs::read_dir(root.join(group)).unwrap().map(|e| e.unwrap().path()).collect();
            dirs.sort();
            corpora.extend(dirs.into_iter().filter(|d| d.join("claims").is_dir()));
        }
        assert!(corpora.len() > 10, "{corpora:?}");
        let mut with_dependencies = 0;
        for dir in &corpora {
            let outcome = crate::check::run(&dir.join("claims"), &dir.join("articles"));
            with_dependencies += usize::from(!outcome.dependencies.is_empty());
            for all in [false, true] {
                let options = Options { all, color: false, width: None, review_url: None };
                let (parallel, whole) = (written(&outcome, &options), write_whole(&outcome, &options));
                assert!(parallel == whole, "{}: {}", dir.display(), String::from_utf8_lossy(&parallel));
            }
        }
        assert!(with_dependencies > 0, "some corpus must have dependencies");
        // Empty arrays, and more items than one window of the parallel writer.
        let empty = Outcome::default();
        let options = Options { all: false, color: false, width: None, review_url: None };
        assert_eq!(written(&empty, &options), write_whole(&empty, &options));
        let mut many = crate::check::run(&root.join("claims"), &root.join("articles"));
        let one = many.facts.clone();
        // Three windows: the writer's pipeline waits on its channel.
        while many.facts.len() < 2 * WINDOW + CHUNK + 3 {
            many.facts.extend(one.iter().cloned());
        }
        let options = Options { all: true, color: false, width: None, review_url: None };
        assert!(written(&many, &options) == write_whole(&many, &options));
    }

    /// A write that fails in the middle of a long array ends the writer
    /// with that error: the thread serializing ahead stops, nothing hangs.
    #[test]
    fn a_failed_write_stops_the_pipeline() {
        struct FailsAfter(usize);
        impl Write for FailsAfter {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                if self.0 < buf.len() {
                    return Err(io::Error::other("disk full"));
                }
                self.0 -= buf.len();
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let items: Vec<u32> = (0..10 * WINDOW as u32).collect();
        for room in [0, 10, 100_000] {
            let err = write_seq(&mut FailsAfter(room), &items, |&x| x).expect_err("the write fails");
            assert_eq!(err.to_string(), "disk full");
        }
        let whole = serde_json::to_string_pretty(&serde_json::json!({ "k": items })).unwrap();
        let array = whole.strip_prefix("{\n  \"k\": ").and_then(|w| w.strip_suffix("\n}")).unwrap();
        let mut all = Vec::new();
        write_seq(&mut all, &items, |&x| x).unwrap();
        assert_eq!(String::from_utf8(all).unwrap(), array);
        // From every thread of rayon's global pool at once (a caller writing
        // reports in parallel): had they waited on the serializer, whose
        // chunks run on that pool, nothing would be left to run them.
        for each in rayon::broadcast(|_| {
            let mut all = Vec::new();
            write_seq(&mut all, &items, |&x| x).map(|()| all)
        }) {
            assert_eq!(String::from_utf8(each.unwrap()).unwrap(), array);
        }
    }

    #[test]
    fn a_day_is_written_as_format_day_writes_it() {
        for (y, m, d) in
            [(2013, 1, 22), (1, 2, 3), (0, 12, 31), (9999, 12, 31), (10000, 1, 1), (-1, 6, 15), (-44, 3, 15)]
        {
            let day = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(serde_json::to_string(&Day(day)).unwrap(), format!("\"{}\"", format_day(day)), "{day:?}");
        }
    }

    #[test]
    fn a_bound_is_written_as_a_json_value_would_be() {
        for x in [0.0, -0.0, 1.0, 2.5, 1e21, 123456789.125, -3e-7, f64::NAN, f64::INFINITY] {
            let value = serde_json::Number::from_f64(x).map_or(serde_json::Value::Null, serde_json::Value::Number);
            let bound = if x.is_finite() { Bound::Number(x) } else { Bound::Null };
            assert_eq!(serde_json::to_string(&bound).unwrap(), serde_json::to_string(&value).unwrap(), "{x}");
        }
        assert_eq!(serde_json::to_string(&Bound::Text("2013-01-22".into())).unwrap(), "\"2013-01-22\"");
    }
}
