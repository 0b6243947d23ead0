//! The editor's desk on the HTML page: each fact's review status
//! (src/review.rs), the sources behind each reading and how many are
//! independent (src/support.rs, docs/independence.md), the best-supported
//! reading (src/truth, docs/truth.md), and the dependent sources of the
//! corpus. Kept apart from `html.rs`, which lays out the page; everything
//! from the input goes through [`esc`] here too.

use std::fmt::Write as _;

use super::{esc, truncate};
use crate::check::{FactView, Outcome};
use crate::review::ReviewStatus;
use crate::support::Support;

/// The review filter's key for a fact (`data-review`).
pub(super) fn review_key(f: &FactView) -> &'static str {
    f.review.as_str()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "Reviews: 1 reviewed, 1 stale, 89 not reviewed." for the page's header.
pub(super) fn review_summary(outcome: &Outcome) -> String {
    let count = |key: &str| outcome.facts.iter().filter(|f| review_key(f) == key).count();
    format!("Reviews: {} reviewed, {} stale, {} not reviewed.", count("reviewed"), count("stale"), count("unreviewed"))
}

/// The review filter: all; to review (unreviewed or stale); reviewed; stale.
pub(super) fn review_filter(outcome: &Outcome, h: &mut String) {
    let count = |keys: &[&str]| outcome.facts.iter().filter(|f| keys.contains(&review_key(f))).count();
    h.push_str("<div class=\"field\"><label for=\"f-review\">Review</label>\n<select id=\"f-review\">\n");
    let _ = writeln!(h, "<option value=\"\" selected>all review states ({})</option>", outcome.facts.len());
    let _ = writeln!(
        h,
        "<option value=\"unreviewed stale\">to review: unreviewed or stale ({})</option>",
        count(&["unreviewed", "stale"])
    );
    let _ = writeln!(h, "<option value=\"reviewed\">reviewed ({})</option>", count(&["reviewed"]));
    let _ = writeln!(h, "<option value=\"stale\">stale ({})</option>", count(&["stale"]));
    h.push_str("</select></div>\n");
}

/// The facts table's Review cell: a badge, and who decided when.
pub(super) fn review_cell(f: &FactView) -> String {
    match &f.review {
        ReviewStatus::Unreviewed => "<span class=\"badge r-unreviewed\">unreviewed</span>".to_string(),
        ReviewStatus::Reviewed(r) => format!(
            "<span class=\"badge r-reviewed d-{d}\">{d}</span><span class=\"who\">{} · {}</span>",
            esc(&r.reviewer),
            r.date,
            d = r.decision.as_str()
        ),
        ReviewStatus::Stale(r, why) => format!(
            "<span class=\"badge r-stale\"><span aria-hidden=\"true\">⚠ </span>stale</span>\
             <span class=\"who\">{} by {} on {}; {}</span>",
            r.decision.as_str(),
            esc(&r.reviewer),
            r.date,
            esc(why.as_str())
        ),
    }
}

/// The Sources cell's count line: claims, and sources with how many are
/// independent when there are several.
pub(super) fn support_line(f: &FactView) -> String {
    let claims = plural(f.claims.len(), "claim", "claims");
    let s = &f.support;
    if s.sources <= 1 {
        return format!("<span class=\"count\">{claims}</span>");
    }
    let class = if s.dependent_only() { "count dep-only" } else { "count" };
    format!("<span class=\"{class}\">{claims} · {}</span>", esc(&Support::describe(s.sources, s.independent)))
}

/// The facts table's Best supported cell: the value and its confidence.
pub(super) fn best_cell(f: &FactView) -> String {
    match &f.best {
        Some(b) => format!(
            "<span class=\"best-value\">{}</span> <span class=\"conf\" title=\"confidence\">{:.0}%</span>",
            esc(&truncate(&b.value, 60)),
            b.confidence * 100.0
        ),
        None => "<span class=\"note\">none</span>".to_string(),
    }
}

/// The top of an expanded fact: its review, its best-supported reading and
/// its support per reading.
pub(super) fn details(f: &FactView, h: &mut String) {
    let _ = write!(h, "<div class=\"desk\" role=\"group\" aria-label=\"Review and support of {}\">", esc(&f.id));
    review_details(f, h);
    best_details(f, h);
    support_details(f, h);
    h.push_str("</div>");
}

fn review_details(f: &FactView, h: &mut String) {
    let _ = write!(h, "<section class=\"review-box rs-{}\"><h3>Review</h3>", review_key(f));
    match &f.review {
        ReviewStatus::Unreviewed => {
            let _ = write!(
                h,
                "<p>Not reviewed yet. To record a decision: <code>crosscheck review {} --decision \
                 accepted|disputed|corrected --note \"…\"</code></p>",
                esc(&f.id)
            );
        }
        ReviewStatus::Reviewed(r) => {
            let _ = write!(
                h,
                "<p><span class=\"badge r-reviewed d-{d}\">{d}</span> by <span class=\"reviewer\">{}</span> on \
                 <time datetime=\"{date}\">{date}</time> (verdict seen: {}{})</p>",
                esc(&r.reviewer),
                r.verdict_seen.as_str(),
                rating(r.rating.as_deref()),
                d = r.decision.as_str(),
                date = r.date,
            );
            note(&r.note, h);
        }
        ReviewStatus::Stale(r, why) => {
            let _ = write!(
                h,
                "<p><strong class=\"stale\">Stale: {}</strong> the review, so the fact counts as unreviewed \
                 again. That review: {} by <span class=\"reviewer\">{}</span> on \
                 <time datetime=\"{date}\">{date}</time> (verdict seen: {}{}).</p>",
                esc(&why.describe()),
                r.decision.as_str(),
                esc(&r.reviewer),
                r.verdict_seen.as_str(),
                rating(r.rating.as_deref()),
                date = r.date,
            );
            note(&r.note, h);
        }
    }
    h.push_str("</section>");
}

fn rating(r: Option<&str>) -> String {
    r.map(|r| format!("; rating: {}", esc(r))).unwrap_or_default()
}

fn note(note: &str, h: &mut String) {
    if !note.is_empty() {
        let _ = write!(h, "<blockquote class=\"review-note\"><p>{}</p></blockquote>", esc(note));
    }
}

fn best_details(f: &FactView, h: &mut String) {
    h.push_str("<section class=\"best-box\"><h3>Best-supported reading</h3>");
    match &f.best {
        None => h.push_str("<p>None: no reading to weigh.</p>"),
        Some(b) => {
            let _ = write!(
                h,
                "<dl class=\"reading\"><dt>Value</dt><dd>“{}”</dd><dt>Reading</dt><dd>{}</dd>\
                 <dt>Confidence</dt><dd>{:.0}% <span class=\"rule\">— how likely it is the true reading, \
                 given each outlet's estimated accuracy</span></dd>\
                 <dt>Given by</dt><dd>{}</dd>",
                esc(&b.value),
                esc(&b.reading.describe()),
                b.confidence * 100.0,
                esc(&b.sources.join(", "))
            );
            if !b.against.is_empty() {
                let _ = write!(h, "<dt>Contradicted by</dt><dd>{}</dd>", esc(&b.against.join(", ")));
            }
            h.push_str("</dl>");
        }
    }
    h.push_str("</section>");
}

fn support_details(f: &FactView, h: &mut String) {
    let s = &f.support;
    let _ = write!(
        h,
        "<section class=\"support-box\"><h3>Support</h3><p>{}",
        esc(&Support::describe(s.sources, s.independent))
    );
    if s.dependent_only() {
        h.push_str(" <strong class=\"dep-only\">— supported by dependent sources only</strong>");
    }
    h.push_str(".</p>");
    let best = f.best.as_ref().map(|b| b.reading.describe());
    let _ = write!(
        h,
        "<table class=\"support\"><caption>Sources per reading of {}</caption><thead><tr>\
         <th scope=\"col\">Reading</th><th scope=\"col\">Sources</th><th scope=\"col\">Independent</th>\
         <th scope=\"col\">Which</th></tr></thead><tbody>",
        esc(&f.id)
    );
    for r in &s.readings {
        let is_best = best.as_deref() == Some(r.reading.as_str());
        let groups: Vec<String> = r.groups.iter().map(|g| esc(&g.join(" + "))).collect();
        let _ = writeln!(
            h,
            "<tr{}><th scope=\"row\">{}{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            if is_best { " class=\"is-best\"" } else { "" },
            esc(&r.reading),
            if is_best { " <span class=\"tag\">best supported</span>" } else { "" },
            r.sources,
            r.independent(),
            groups.join("; ")
        );
    }
    h.push_str("</tbody></table>");
    if s.readings.iter().any(|r| r.groups.iter().any(|g| g.len() > 1)) {
        h.push_str("<p class=\"rule\">Sources joined by + depend on each other and count as one.</p>");
    }
    h.push_str("</section>");
}

/// The section listing the sources that depend on each other, and why.
pub(super) fn dependencies(outcome: &Outcome, h: &mut String) {
    h.push_str("<section class=\"deps\" aria-labelledby=\"deps-h\">\n<h2 id=\"deps-h\">Dependent sources</h2>\n");
    let left_out = outcome.focus.as_ref().map_or(0, |f| f.other_dependencies);
    if outcome.dependencies.is_empty() && left_out > 0 {
        let _ = writeln!(
            h,
            "<p>None of the sources on the facts shown depends on another; {left_out} dependenc{} among other \
             sources {} left out (this report is narrowed with <code>--source</code>).</p>\n</section>",
            if left_out == 1 { "y" } else { "ies" },
            if left_out == 1 { "is" } else { "are" }
        );
        return;
    }
    if outcome.dependencies.is_empty() {
        h.push_str(
            "<p>No two sources depend on each other: none declares another's wire, none shares an outlet, and no \
             two articles share a passage of 15 or more words outside quotation marks. Every source counts as \
             independent.</p>\n</section>\n",
        );
        return;
    }
    h.push_str(
        "<p>Sources that carry the same wire copy, belong to one outlet or share a verbatim passage count as one \
         independent source in each fact's support.</p>\n<table class=\"deps\"><caption>Dependent sources and \
         why</caption>\n<thead><tr><th scope=\"col\">Sources</th><th scope=\"col\">Kind</th>\
         <th scope=\"col\">Why</th><th scope=\"col\">Shared passage</th></tr></thead>\n<tbody>\n",
    );
    for d in outcome.dependencies.iter() {
        let passage = d
            .passage
            .as_deref()
            .map(|p| format!("<blockquote class=\"context\"><p>{}</p></blockquote>", esc(p)))
            .unwrap_or_default();
        let _ = writeln!(
            h,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{passage}</td></tr>",
            esc(&d.sources.join(", ")),
            esc(d.kind),
            esc(&d.reason)
        );
    }
    h.push_str("</tbody></table>\n</section>\n");
}
