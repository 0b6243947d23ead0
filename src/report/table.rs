//! `--format table` (the default): the conflict table for a terminal.
//! One row per claim; a fact's first row carries its id, verdict and reason.

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width};

use crate::check::{ClaimView, Outcome};
use crate::compare::Verdict;
use crate::model::Hedge;
use crate::report::{shown, summary, Options};
use crate::support::Support;

/// A cell of text from the input, with bidi and control characters written
/// as escapes (`text::terminal_cell`): one in an outlet name would reorder,
/// recolour or overwrite what the terminal shows. Cut after
/// `text::MAX_CELL_CHARS` characters.
fn shown_cell(text: impl AsRef<str>) -> Cell {
    Cell::new(crate::text::terminal_cell(text.as_ref()))
}

fn verdict_color(v: Verdict) -> Color {
    match v {
        Verdict::Conflict => Color::Red,
        Verdict::Revised => Color::Yellow,
        Verdict::Compatible => Color::Cyan,
        Verdict::Agree => Color::Green,
        Verdict::Single => Color::Grey,
    }
}

fn source_cell(c: &ClaimView) -> String {
    let inferred = if c.source.published_inferred && c.as_of == c.source.published { " (date inferred)" } else { "" };
    format!("{}\n{}{inferred}", c.source.outlet, c.as_of)
}

fn value_cell(c: &ClaimView) -> String {
    if c.hedge == Hedge::Certain {
        c.value.clone()
    } else {
        format!("{} ({})", c.value, c.hedge.as_str())
    }
}

/// The best-supported reading: value, reading, confidence and who gives it.
pub fn best_cell(best: Option<&crate::truth::Best>) -> String {
    let Some(b) = best else { return String::new() };
    format!("{}\n{}\n{:.0}% · {}", b.value, b.reading.describe(), b.confidence * 100.0, outlets_short(&b.sources, 3))
}

/// Up to `n` outlets, then how many more.
pub fn outlets_short(outlets: &[String], n: usize) -> String {
    if outlets.len() <= n {
        return outlets.join(", ");
    }
    format!("{} +{} more", outlets[..n].join(", "), outlets.len() - n)
}

/// The table is laid out whole (its column widths depend on every row), then
/// written a line at a time: it is never also copied into one String.
pub fn write(outcome: &Outcome, options: &Options, w: &mut dyn Write) -> io::Result<()> {
    let facts = shown(outcome, options);
    let mut w = crate::report::buffered(w);
    let mut out = String::new();
    if !facts.is_empty() {
        let mut table = Table::new();
        table.load_preset(UTF8_FULL_CONDENSED).force_no_tty();
        if options.color {
            table.enforce_styling();
        }
        match options.width {
            Some(w) => {
                table.set_width(w).set_content_arrangement(ContentArrangement::Dynamic);
            }
            None => {
                table.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
        let header = ["Fact", "Source", "Value", "Reading", "Said by", "Best supported"];
        table.set_header(header.iter().map(|h| Cell::new(h).add_attribute(Attribute::Bold)));
        // The fact column carries the reason; keep it from crowding out the claims.
        // Its ids are never broken mid-word, as far as the width allows.
        let longest_id = facts.iter().map(|f| f.id.chars().count()).max().unwrap_or(0);
        let lower = (longest_id as u16 + 2).min(options.width.map_or(u16::MAX, |w| w * 2 / 5));
        if let Some(column) = table.column_mut(0) {
            column.set_constraint(ColumnConstraint::Boundaries {
                lower: Width::Fixed(lower),
                upper: Width::Percentage(40),
            });
        }
        for fact in &facts {
            let support = &fact.support;
            for (i, c) in fact.claims.iter().enumerate() {
                let first = if i == 0 {
                    let sources = if support.sources > 1 {
                        format!("\n{}", Support::describe(support.sources, support.independent))
                    } else {
                        String::new()
                    };
                    shown_cell(format!(
                        "{}\n{}\nreview: {}\n{}{sources}",
                        fact.id,
                        fact.verdict.as_str().to_uppercase(),
                        fact.review.describe(),
                        fact.reason
                    ))
                    .fg(verdict_color(fact.verdict))
                } else {
                    Cell::new("")
                };
                // A reading's support, on its first claim, when a reading has several sources.
                let key = c.key();
                let reading_note = support
                    .readings
                    .iter()
                    .find(|r| r.claims.first() == Some(&key) && r.sources > 1 && support.readings.len() > 1)
                    .map(|r| format!("\nsupport: {}", Support::describe(r.sources, r.independent())))
                    .unwrap_or_default();
                table.add_row(vec![
                    first,
                    shown_cell(source_cell(c)),
                    shown_cell(value_cell(c)),
                    shown_cell(format!("{}{reading_note}", c.reading.describe())),
                    shown_cell(c.said_by.as_deref().unwrap_or("")),
                    shown_cell(if i == 0 { best_cell(fact.best.as_ref()) } else { String::new() }),
                ]);
            }
        }
        // Input text was escaped cell by cell (before the table measured it):
        // the lines hold only the table's own colour codes.
        for line in table.lines() {
            w.write_all(line.as_bytes())?;
            w.write_all(b"\n")?;
        }
    }
    out.push_str(&summary(outcome));
    out.push('\n');
    problems(outcome, &mut out);
    if let Some(note) = crate::focus::left_out(outcome) {
        out.push_str(&note);
        out.push('\n');
    }
    if !outcome.dependencies.is_empty() {
        out.push_str("dependent sources (each group counts as one independent source; docs/independence.md):\n");
        for d in outcome.dependencies.iter() {
            out.push_str(&format!("  - {}: {}", d.kind, d.reason));
            if let Some(p) = &d.passage {
                out.push_str(&format!(": \"{p}\""));
            }
            out.push('\n');
        }
    }
    if !options.all {
        let hidden = outcome.facts.len() - facts.len();
        if hidden > 0 {
            out.push_str(&format!(
                "{hidden} fact{} where the sources agree or stand alone not shown; --all shows them\n",
                if hidden == 1 { "" } else { "s" }
            ));
        }
    }
    w.write_all(crate::text::escape_for_terminal(&out).as_bytes())?;
    w.flush()
}

/// How many input errors the table names before it counts the rest.
const ERRORS_NAMED: usize = 10;

/// When the input had errors, say so under the summary, as the Markdown
/// and HTML reports do: a table saved with `--output` must not read as a
/// whole report when it covers only part of the claims. The errors are
/// named (up to [`ERRORS_NAMED`]), with their place; their help, and the
/// warnings, are on standard error.
fn problems(outcome: &Outcome, out: &mut String) {
    let errors: Vec<_> = outcome.errors().collect();
    if errors.is_empty() {
        return;
    }
    let warnings = outcome.diagnostics.len() - errors.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    out.push_str(&format!(
        "input problems: {} error{}, {warnings} warning{}; the report covers {}:\n",
        errors.len(),
        plural(errors.len()),
        plural(warnings),
        outcome.coverage()
    ));
    for d in errors.iter().take(ERRORS_NAMED) {
        let place = d.loc.as_ref().map(|l| format!("{l}: ")).unwrap_or_default();
        out.push_str(&format!("  {place}error: {}\n", d.message));
    }
    let more = errors.len().saturating_sub(ERRORS_NAMED);
    if more > 0 {
        out.push_str(&format!("  ... and {more} more error{}\n", plural(more)));
    }
    out.push_str("  (each problem, with what would be right, is on standard error when `check` runs)\n");
}
