//! Report: one printer per `--format`, each turning an [`Outcome`] into text.
//! The library never prints; the binary writes what these return.

pub mod json;
pub mod markdown;
pub mod sources;
pub mod table;
pub mod timeline;

use crate::check::{FactView, Outcome};
use crate::compare::Verdict;

/// The output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Markdown,
}

/// What to show and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Show every fact, not only those that need a look.
    pub all: bool,
    /// ANSI colours in the table.
    pub color: bool,
    /// Wrap the table to this many columns.
    pub width: Option<u16>,
}

/// The facts a report shows: by default conflict, revised and compatible.
pub fn shown<'a>(outcome: &'a Outcome, options: &Options) -> Vec<&'a FactView> {
    outcome.facts.iter().filter(|f| options.all || f.verdict >= Verdict::Compatible).collect()
}

/// "5 facts: 1 conflict, 2 compatible, 2 single" — verdicts in order of severity.
pub fn summary(outcome: &Outcome) -> String {
    let counts: Vec<String> = Verdict::ALL
        .iter()
        .filter_map(|v| {
            let n = outcome.facts.iter().filter(|f| f.verdict == *v).count();
            (n > 0).then(|| format!("{n} {v}"))
        })
        .collect();
    let facts = outcome.facts.len();
    format!(
        "{facts} fact{} from {} claim{} in {} source{}{}{}",
        plural(facts),
        outcome.claims_checked,
        plural(outcome.claims_checked),
        outcome.sources,
        plural(outcome.sources),
        if counts.is_empty() { "" } else { ": " },
        counts.join(", ")
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Render the outcome in the chosen format.
pub fn render(outcome: &Outcome, format: Format, options: &Options) -> String {
    match format {
        Format::Table => table::render(outcome, options),
        Format::Json => json::render(outcome, options),
        Format::Markdown => markdown::render(outcome, options),
    }
}
