//! `crosscheck sources`: each outlet's estimated accuracy (src/truth.rs), as a
//! table or as JSON (docs/json.md), most accurate first.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, CellAlignment, ContentArrangement, Table};
use serde::Serialize;

use crate::check::Outcome;

#[derive(Serialize)]
struct Document<'a> {
    sources: Vec<Source<'a>>,
    /// The run's problems, as `check --format json` gives them: a document
    /// built from input with errors says so (and its sources may be partial).
    warnings: Vec<super::json::Problem<'a>>,
    errors: Vec<super::json::Problem<'a>>,
}

#[derive(Serialize)]
struct Source<'a> {
    outlet: &'a str,
    articles: usize,
    accuracy: f64,
    claims: usize,
    facts: usize,
    agreed: usize,
    disagreed: usize,
    copies: Vec<Copy<'a>>,
}

#[derive(Serialize)]
struct Copy<'a> {
    outlet: &'a str,
    probability: f64,
    same_false: usize,
    declared: bool,
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

pub fn render_json(outcome: &Outcome) -> String {
    let doc = Document {
        sources: outcome
            .reliability
            .iter()
            .map(|r| Source {
                outlet: &r.outlet,
                articles: r.articles,
                accuracy: round(r.accuracy),
                claims: r.claims,
                facts: r.facts,
                agreed: r.agreed,
                disagreed: r.disagreed,
                copies: r
                    .copies
                    .iter()
                    .map(|(o, p, f, d)| Copy { outlet: o, probability: round(*p), same_false: *f, declared: *d })
                    .collect(),
            })
            .collect(),
        warnings: outcome.warnings().map(super::json::problem).collect(),
        errors: outcome.errors().map(super::json::problem).collect(),
    };
    let mut text = serde_json::to_string_pretty(&doc).expect("the JSON document always serializes");
    text.push('\n');
    text
}

pub fn render_table(outcome: &Outcome, width: Option<u16>) -> String {
    let mut table = Table::new();
    table.load_preset(UTF8_FULL_CONDENSED).force_no_tty();
    match width {
        Some(w) => table.set_width(w).set_content_arrangement(ContentArrangement::Dynamic),
        None => table.set_content_arrangement(ContentArrangement::Disabled),
    };
    let header = ["Outlet", "Accuracy", "Claims", "Shared facts", "Agreed", "Disagreed", "Suspected copying"];
    table.set_header(header.iter().map(|h| Cell::new(h).add_attribute(Attribute::Bold)));
    for r in &outcome.reliability {
        let copies: Vec<String> = r
            .copies
            .iter()
            .map(
                |(o, p, f, d)| {
                    if *d {
                        format!("{o} (declared)")
                    } else {
                        format!("{o} ({:.0}%, {f} shared errors)", p * 100.0)
                    }
                },
            )
            .collect();
        let num = |n: usize| Cell::new(n).set_alignment(CellAlignment::Right);
        table.add_row(vec![
            // Input text escaped before the table measures it (`text::escape_for_terminal`).
            Cell::new(crate::text::terminal_cell(&r.outlet)),
            // With no fact shared with another outlet there is nothing to estimate from.
            Cell::new(if r.facts == 0 { "–".to_string() } else { format!("{:.0}%", r.accuracy * 100.0) })
                .set_alignment(CellAlignment::Right),
            num(r.claims),
            num(r.facts),
            num(r.agreed),
            num(r.disagreed),
            Cell::new(crate::text::terminal_cell(&copies.join("\n"))),
        ]);
    }
    let mut out = table.to_string();
    out.push('\n');
    out.push_str(&format!(
        "{} outlet{}; accuracy = how often its readings are the best-supported ones (docs/truth.md); shared facts = facts another outlet also speaks to\n",
        outcome.reliability.len(),
        if outcome.reliability.len() == 1 { "" } else { "s" }
    ));
    out
}
