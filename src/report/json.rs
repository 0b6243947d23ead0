//! `--format json`: the stable, documented machine format (docs/json.md).
//! Serde types live here, apart from the domain types.

use serde::Serialize;

use crate::check::{ClaimView, FactView, Outcome};
use crate::compare::Verdict;
use crate::error::Diagnostic;
use crate::normalize::{format_day, Reading};
use crate::report::{shown, Options};

#[derive(Serialize)]
struct Document<'a> {
    facts: Facts<'a>,
    summary: Summary,
    warnings: Vec<Problem<'a>>,
    errors: Vec<Problem<'a>>,
}

#[derive(Serialize)]
struct Summary {
    sources: usize,
    claims: usize,
    claims_checked: usize,
    facts: usize,
    shown: usize,
    conflict: usize,
    revised: usize,
    compatible: usize,
    agree: usize,
    single: usize,
}

#[derive(Serialize)]
struct Fact<'a> {
    id: &'a str,
    subject: &'a str,
    subject_resolved: bool,
    property: &'a str,
    verdict: &'static str,
    reason: &'a str,
    claims: Vec<Claim<'a>>,
    pairs: Vec<Pair<'a>>,
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
    as_of: String,
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
    /// Numbers: the range; null ends are open.
    #[serde(skip_serializing_if = "Option::is_none")]
    low: Option<Option<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    high: Option<Option<f64>>,
    /// Entities: the registry ids.
    #[serde(skip_serializing_if = "Option::is_none")]
    ids: Option<Vec<&'a str>>,
    /// Text: the folded text and, for statuses, the status.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
    file: &'a str,
    line: u32,
}

#[derive(Serialize)]
struct Pair<'a> {
    a: String,
    b: String,
    relation: &'static str,
    revision: bool,
    reason: &'a str,
}

#[derive(Serialize)]
struct Problem<'a> {
    file: Option<String>,
    line: Option<u32>,
    column: Option<u32>,
    message: &'a str,
    help: Option<&'a str>,
}

fn claim(c: &ClaimView) -> Claim<'_> {
    let date = |d: Option<chrono::NaiveDate>| d.map(format_day);
    let mut out = Claim {
        source: &c.source,
        id: &c.id,
        outlet: &c.outlet,
        subject: &c.subject,
        value: &c.value,
        value_type: c.value_type.as_str(),
        said_by: c.said_by.as_deref(),
        as_of: format_day(c.as_of),
        hedge: c.hedge.as_str(),
        quote: &c.quote,
        reading: c.reading.describe(),
        start: None,
        end: None,
        precision: None,
        rule: None,
        low: None,
        high: None,
        ids: None,
        text: None,
        status: None,
        file: &c.file,
        line: c.line,
    };
    match &c.reading {
        Reading::Date(d) => {
            out.start = Some(date(d.start));
            out.end = Some(date(d.end));
            out.precision = Some(d.precision.as_str());
            out.rule = Some(d.rule);
        }
        Reading::Number(n) => {
            out.low = Some(n.low);
            out.high = Some(n.high);
            out.rule = Some(n.rule);
        }
        Reading::Entity(e) => out.ids = Some(vec![&e.id]),
        Reading::Entities(es) => out.ids = Some(es.iter().map(|e| e.id.as_str()).collect()),
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
        claims: f.claims.iter().map(claim).collect(),
        pairs: f
            .pairs
            .iter()
            .map(|p| Pair {
                a: p.a.clone(),
                b: p.b.clone(),
                relation: p.relation.as_str(),
                revision: p.revision,
                reason: &p.reason,
            })
            .collect(),
    }
}

/// The shown facts, each turned into its JSON form only while it is
/// written: a million claims are never held twice in memory.
struct Facts<'a>(Vec<&'a FactView>);

impl Serialize for Facts<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|f| fact(f)))
    }
}

fn problem(d: &Diagnostic) -> Problem<'_> {
    Problem {
        file: d.loc.as_ref().map(|l| l.file.display().to_string()),
        line: d.loc.as_ref().and_then(|l| (l.line > 0).then_some(l.line)),
        column: d.loc.as_ref().and_then(|l| (l.col > 0).then_some(l.col)),
        message: &d.message,
        help: d.help.as_deref(),
    }
}

pub fn render(outcome: &Outcome, options: &Options) -> String {
    let facts = Facts(shown(outcome, options));
    let count = |v: Verdict| outcome.facts.iter().filter(|f| f.verdict == v).count();
    let doc = Document {
        summary: Summary {
            sources: outcome.sources,
            claims: outcome.claims_total,
            claims_checked: outcome.claims_checked,
            facts: outcome.facts.len(),
            shown: facts.0.len(),
            conflict: count(Verdict::Conflict),
            revised: count(Verdict::Revised),
            compatible: count(Verdict::Compatible),
            agree: count(Verdict::Agree),
            single: count(Verdict::Single),
        },
        facts,
        warnings: outcome.warnings().map(problem).collect(),
        errors: outcome.errors().map(problem).collect(),
    };
    let mut text = serde_json::to_string_pretty(&doc).expect("the JSON document always serializes");
    text.push('\n');
    text
}
