//! `crosscheck show`: one subject's facts with their claims in the order they
//! were said, and for date facts a timeline — when each claim was said on
//! one axis, the interval it claims on the other — so that a revised plan is
//! visible at a glance.

use chrono::{Datelike, NaiveDate};

use crate::check::FactView;
use crate::model::Hedge;
use crate::normalize::Reading;

/// Width of the timeline's axis, in characters.
const AXIS: usize = 60;

pub fn render(facts: &[&FactView]) -> String {
    let mut out = String::new();
    for (i, f) in facts.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!("{} — {}\n  {}\n", f.id, f.verdict.as_str().to_uppercase(), f.reason));
        out.push_str(&format!("  review: {}\n", f.review.describe()));
        for c in &f.claims {
            let hedge = if c.hedge == Hedge::Certain { String::new() } else { format!(" ({})", c.hedge.as_str()) };
            let by = c.said_by.as_deref().map(|s| format!(" — {s}")).unwrap_or_default();
            // Where the quote's tense chose the year (or week) of a bare month or weekday, say which.
            let tense = match &c.reading {
                Reading::Date(d) => d.tense.map(|t| format!(", {}", t.chose())).unwrap_or_default(),
                _ => String::new(),
            };
            out.push_str(&format!(
                "  {}  {:<28} {}{hedge} => {}{tense}{by}\n",
                c.as_of,
                truncate(&c.source.outlet, 28),
                c.value,
                c.reading.describe()
            ));
        }
        if let Some(b) = &f.best {
            out.push_str(&format!(
                "  best supported: {} => {} ({:.0}% confidence; {})\n",
                b.value,
                b.reading.describe(),
                b.confidence * 100.0,
                b.sources.join(", ")
            ));
        }
        if let Some(chart) = timeline(f) {
            out.push_str(&chart);
        }
    }
    crate::text::escape_for_terminal(&out).into_owned()
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

/// A chart of a date fact: one row per claim, `|` where it was said,
/// `[===]` the interval it claims (`#` when it fits in one character),
/// `<`/`>` an open end.
fn timeline(f: &FactView) -> Option<String> {
    let rows: Vec<(NaiveDate, Option<NaiveDate>, Option<NaiveDate>, &str)> = f
        .claims
        .iter()
        .filter_map(|c| match &c.reading {
            Reading::Date(d) => Some((c.as_of, d.start, d.end, c.value.as_str())),
            _ => None,
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let mut lo = rows.iter().map(|r| r.0).min()?;
    let mut hi = rows.iter().map(|r| r.0).max()?;
    for r in &rows {
        for d in [r.1, r.2].into_iter().flatten() {
            lo = lo.min(d);
            hi = hi.max(d);
        }
    }
    // Whole months on the axis, and a month more past the last date for open ends.
    lo = NaiveDate::from_ymd_opt(lo.year(), lo.month(), 1)?;
    hi = next_month(next_month(NaiveDate::from_ymd_opt(hi.year(), hi.month(), 1)?)?)?.pred_opt()?;
    let span = (hi - lo).num_days().max(1) as f64;
    let col = |d: NaiveDate| (((d - lo).num_days() as f64 / span) * (AXIS - 1) as f64).round() as usize;

    let mut out = String::from("  timeline (| said, [===] claimed, # claimed within a few days, < > open end):\n");
    let mut axis = vec![' '; AXIS];
    let mut labels = String::new();
    let mut month = lo;
    let mut last_label_end = 0usize;
    while month <= hi {
        let c = col(month).min(AXIS - 1);
        axis[c] = '+';
        let label = if month.month() == 1 || labels.is_empty() {
            month.format("%b %Y").to_string()
        } else {
            month.format("%b").to_string()
        };
        if c >= last_label_end {
            labels.push_str(&" ".repeat(c - labels.chars().count().min(c)));
            labels.push_str(&label);
            last_label_end = labels.chars().count() + 1;
        }
        month = next_month(month)?;
    }
    out.push_str(&format!("  {:10}  {}\n", "", labels));
    out.push_str(&format!("  {:10}  {}\n", "", axis.iter().collect::<String>().replace(' ', "-")));
    for (said, start, end, value) in rows {
        let mut line = vec![' '; AXIS];
        let a = start.map_or(0, col);
        let b = end.map_or(AXIS - 1, col).min(AXIS - 1);
        for cell in line.iter_mut().take(b + 1).skip(a) {
            *cell = '=';
        }
        line[a] = if start.is_none() { '<' } else { '[' };
        line[b] = if end.is_none() { '>' } else { ']' };
        if a == b && start.is_some() && end.is_some() {
            line[a] = '#';
        }
        let s = col(said).min(AXIS - 1);
        if line[s] == ' ' {
            line[s] = '|';
        }
        out.push_str(&format!("  {}  {}  {}\n", said, line.iter().collect::<String>(), value));
    }
    Some(out)
}

fn next_month(d: NaiveDate) -> Option<NaiveDate> {
    if d.month() == 12 {
        NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1)
    }
}
