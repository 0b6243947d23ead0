//! `--format markdown`: a report that pastes cleanly into a CMS or a pull
//! request — a table of the facts, then each fact's claims with their quotes.

use crate::check::Outcome;
use crate::model::Hedge;
use crate::report::{shown, summary, Options};
use crate::support::Support;

/// Make text safe inside a Markdown table cell or line.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|").replace('<', "&lt;").replace('>', "&gt;").replace(['\n', '\r'], " ")
}

pub fn render(outcome: &Outcome, options: &Options) -> String {
    let facts = shown(outcome, options);
    let mut out = String::from("# crosscheck report\n\n");
    out.push_str(&summary(outcome));
    out.push_str(".\n\n");
    if facts.is_empty() {
        out.push_str("No fact needs a look.\n");
        return out;
    }
    out.push_str("| Fact | Verdict | Sources | Why | Review |\n|---|---|---|---|---|\n");
    for f in &facts {
        let mut sources: Vec<&str> = f.claims.iter().map(|c| c.outlet.as_str()).collect();
        sources.dedup();
        out.push_str(&format!(
            "| `{}` | **{}** | {} | {} | {} |\n",
            f.id,
            f.verdict.as_str(),
            cell(&sources.join(", ")),
            cell(&f.reason),
            cell(&f.review.describe())
        ));
    }
    for f in &facts {
        out.push_str(&format!("\n## `{}` — {}\n\n{}\n\n", f.id, f.verdict.as_str(), cell(&f.reason)));
        if f.support.sources > 1 {
            out.push_str(&format!("Support: {}.", Support::describe(f.support.sources, f.support.independent)));
            if f.support.readings.len() > 1 {
                let each: Vec<String> = f
                    .support
                    .readings
                    .iter()
                    .map(|r| format!("{} — {}", cell(&r.reading), Support::describe(r.sources, r.independent())))
                    .collect();
                out.push_str(&format!(" By reading: {}.", each.join("; ")));
            }
            out.push_str("\n\n");
        }
        out.push_str(&format!("Review: {}", cell(&f.review.describe())));
        match &f.review {
            crate::review::ReviewStatus::Reviewed(r) if !r.note.is_empty() => {
                out.push_str(&format!(" — {}", cell(&r.note)))
            }
            _ => {}
        }
        out.push_str("\n\n");
        for c in &f.claims {
            let hedge = if c.hedge == Hedge::Certain { String::new() } else { format!(" ({})", c.hedge.as_str()) };
            let by = c.said_by.as_deref().map(|s| format!(", said by {}", cell(s))).unwrap_or_default();
            out.push_str(&format!(
                "- **{}**, {}{by}: \"{}\"{hedge} → {}\n  > {}\n",
                cell(&c.outlet),
                c.as_of,
                cell(&c.value),
                cell(&c.reading.describe()),
                cell(&c.quote)
            ));
        }
    }
    if !outcome.dependencies.is_empty() {
        out.push_str(
            "\n## Dependent sources\n\nEach group counts as one independent source (docs/independence.md).\n\n",
        );
        for d in &outcome.dependencies {
            out.push_str(&format!("- **{}**: {}", d.kind, cell(&d.reason)));
            if let Some(p) = &d.passage {
                out.push_str(&format!(": \"{}\"", cell(p)));
            }
            out.push('\n');
        }
    }
    out
}
