//! `--format html`: the editor's page. One self-contained file — inline CSS,
//! a little vanilla JavaScript, inline SVG — that fetches nothing: a
//! Content-Security-Policy forbids every load but the page's own style and
//! its one script (pinned by hash), so even a mistake here cannot make the
//! page call out.
//!
//! The page holds every fact; the verdict filter starts at the facts that
//! need a look (conflict, revised, compatible), or at all verdicts with
//! `--all`, so an editor can widen the view without running the tool again.
//! Each fact is a `<tbody>` of two rows: the fact, and its claims (each quote
//! marked inside a few sentences of its article), which a button expands.
//! Filtering hides whole `<tbody>`s and sorting reorders them; the data the
//! script filters on sits in `data-` attributes, so the script never holds
//! text from the input.
//!
//! Everything from the claim files and articles goes through [`esc`].
//! Output is deterministic: no clock, no randomness, input order only.
//!
//! To add a column to the facts table, add an entry to [`COLUMNS`]; a badge
//! beside the verdict goes in [`badges`]. The review status, support and
//! best-supported reading are drawn by `html/desk.rs`.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io;

use chrono::NaiveDate;

use crate::check::{ClaimView, FactView, Outcome};
use crate::compare::Verdict;
use crate::error::Diagnostic;
use crate::model::Hedge;
use crate::normalize::{format_day, format_number, Reading};
use crate::report::{summary, Options};

/// The generator tag; `--output` replaces only files that carry it.
pub fn generator_meta() -> String {
    format!("<meta name=\"generator\" content=\"crosscheck {}\">", env!("CARGO_PKG_VERSION"))
}

/// Escape text for HTML element content and double- or single-quoted
/// attribute values. Bidi embeddings, overrides and isolates are written as
/// `\u{202e}`.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Controls other than tab and line breaks are not allowed in HTML text.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            // A bidi embedding, override or isolate left open would reorder
            // the page's own text after it (an outlet's date, a verdict):
            // shown as its escape, as diagnostics show it.
            c if crate::text::is_bidi_control(c) => out.push_str(&crate::text::escaped(c)),
            c => out.push(c),
        }
    }
    out
}

/// A JSON array of strings, escaped for an attribute value.
fn json_attr<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let list: Vec<&str> = items.into_iter().collect();
    esc(&serde_json::to_string(&list).expect("strings serialize"))
}

/// One column of the facts table: its header, whether it sorts (the key
/// the script sorts on), and the cell's HTML for a fact (escaped by the
/// function). The first column is the row header.
struct Column {
    header: &'static str,
    class: &'static str,
    sort: Option<&'static str>,
    cell: fn(&FactView) -> String,
}

const COLUMNS: &[Column] = &[
    Column { header: "Fact", class: "fact", sort: Some("fact"), cell: fact_cell },
    Column { header: "Verdict", class: "verdict", sort: Some("verdict"), cell: verdict_cell },
    Column { header: "Review", class: "review", sort: None, cell: desk::review_cell },
    Column { header: "Sources", class: "sources", sort: None, cell: sources_cell },
    Column { header: "Best supported", class: "best", sort: None, cell: desk::best_cell },
    Column { header: "Timeline", class: "timeline", sort: None, cell: timeline_cell },
    Column { header: "Why", class: "why", sort: None, cell: why_cell },
];

/// Position of a verdict in the default order: most severe first.
fn rank(v: Verdict) -> usize {
    Verdict::ALL.iter().position(|x| *x == v).unwrap_or(Verdict::ALL.len())
}

/// The verdicts shown without `--all` (as `report::shown`).
fn needs_a_look(v: Verdict) -> bool {
    v >= Verdict::Compatible
}

fn outlets(f: &FactView) -> Vec<&str> {
    let set: BTreeSet<&str> = f.claims.iter().map(|c| &*c.source.outlet).collect();
    set.into_iter().collect()
}

fn fact_cell(f: &FactView) -> String {
    let unresolved = if f.subject.resolved { "" } else { " <span class=\"note\">(not in the registry)</span>" };
    format!(
        "<button type=\"button\" class=\"toggle\" aria-expanded=\"true\" aria-controls=\"claims-{id}\">\
         <span class=\"fid\">{shown}</span></button>\
         <span class=\"subject\">{subject} · {property}{unresolved}</span>",
        id = esc(&f.id),
        shown = esc(&f.id).replace('.', ".<wbr>"),
        subject = esc(&f.subject.name),
        property = esc(&f.property),
    )
}

/// The badges of a fact: its verdict (more may follow, e.g. a review status).
fn badges(f: &FactView) -> String {
    let v = f.verdict.as_str();
    format!("<span class=\"badge v-{v}\">{v}</span>")
}

fn verdict_cell(f: &FactView) -> String {
    badges(f)
}

fn sources_cell(f: &FactView) -> String {
    let items: Vec<String> = outlets(f).into_iter().map(|o| format!("<li>{}</li>", esc(o))).collect();
    format!("<ul class=\"plain\">{}</ul>{}", items.concat(), desk::support_line(f))
}

fn timeline_cell(f: &FactView) -> String {
    timeline(f, true).unwrap_or_default()
}

fn why_cell(f: &FactView) -> String {
    esc(&f.reason)
}

/// The page is made in a String that is passed on to `out` after each fact
/// once it holds a few dozen kilobytes, so it never holds much more.
pub fn write(outcome: &Outcome, options: &Options, out: &mut dyn io::Write) -> io::Result<()> {
    let mut facts: Vec<&FactView> = outcome.facts.iter().collect();
    facts.sort_by(|a, b| rank(a.verdict).cmp(&rank(b.verdict)).then_with(|| a.id.cmp(&b.id)));
    let summary = summary(outcome);
    let mut h = String::with_capacity(64 * 1024);
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str(&generator_meta());
    h.push('\n');
    let _ = writeln!(
        h,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; \
         script-src '{SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'\">"
    );
    h.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    h.push_str("<link rel=\"icon\" href=\"data:,\">\n");
    let _ = writeln!(h, "<title>crosscheck report: {}</title>", esc(&summary));
    let _ = writeln!(h, "<style>\n{CSS}</style>\n</head>\n<body>");
    h.push_str("<a class=\"skip\" href=\"#facts\">Skip to the facts</a>\n<header>\n<h1>crosscheck report</h1>\n");
    let narrowed = crate::focus::left_out(outcome).map(|n| format!("<br>{}.", esc(&n))).unwrap_or_default();
    let _ = writeln!(
        h,
        "<p class=\"summary\">{}.{narrowed}<br>{}</p>\n</header>\n<main>",
        esc(&summary),
        desk::review_summary(outcome)
    );
    problems(outcome, &mut h);
    controls(outcome, &facts, options, &mut h);
    table(&facts, &mut h, out)?;
    desk::dependencies(outcome, &mut h);
    h.push_str("</main>\n");
    let _ = writeln!(
        h,
        "<footer><p>Written by crosscheck {}. Self-contained: this page loads nothing from the network.</p></footer>",
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(h, "<script>{SCRIPT}</script>\n</body>\n</html>");
    out.write_all(h.as_bytes())
}

fn problems(outcome: &Outcome, h: &mut String) {
    if outcome.diagnostics.is_empty() {
        return;
    }
    let errors = outcome.errors().count();
    let warnings = outcome.diagnostics.len() - errors;
    let _ = write!(
        h,
        "<section class=\"problems\" aria-labelledby=\"problems-h\">\n<h2 id=\"problems-h\">Input problems: \
         {errors} error{}, {warnings} warning{}</h2>\n",
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    );
    if errors > 0 {
        let _ = writeln!(h, "<p>This report covers {}.</p>", esc(&outcome.coverage()));
    }
    // Errors first, always shown; warnings too when they are few, else
    // folded under a summary (an archive can give thousands of name
    // warnings, which would push the table a long scroll down the page).
    let item = |d: &Diagnostic, h: &mut String| {
        let kind = if d.is_error() { "error" } else { "warning" };
        let place = d
            .loc
            .as_ref()
            .map(|l| {
                let mut p = l.file.display().to_string();
                if l.line > 0 {
                    let _ = write!(p, ":{}", l.line);
                    if l.col > 0 {
                        let _ = write!(p, ":{}", l.col);
                    }
                }
                format!("<code>{}</code>: ", esc(&p))
            })
            .unwrap_or_default();
        let help = d.help.as_deref().map(|s| format!("<br><span class=\"help\">help: {}</span>", esc(s)));
        let _ = writeln!(
            h,
            "<li class=\"{kind}\">{place}<strong>{kind}</strong>: {}{}</li>",
            esc(&d.message),
            help.unwrap_or_default()
        );
    };
    if errors > 0 {
        h.push_str("<ul>\n");
        outcome.errors().for_each(|d| item(d, h));
        h.push_str("</ul>\n");
    }
    if warnings > 0 {
        let folded = warnings > WARNINGS_SHOWN;
        if folded {
            let _ = write!(h, "<details class=\"warnings\"><summary>The {warnings} warnings</summary>");
        }
        h.push_str("<ul>\n");
        outcome.warnings().for_each(|d| item(d, h));
        h.push_str("</ul>\n");
        if folded {
            h.push_str("</details>\n");
        }
    }
    h.push_str("</section>\n");
}

/// `n` with its digits in groups of three: 12,497,500.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (k, d) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// Up to this many warnings are listed open; more are folded under a summary.
const WARNINGS_SHOWN: usize = 10;

fn controls(outcome: &Outcome, facts: &[&FactView], options: &Options, h: &mut String) {
    let count = |v: Verdict| outcome.facts.iter().filter(|f| f.verdict == v).count();
    let look: Vec<&str> = Verdict::ALL.iter().filter(|v| needs_a_look(**v)).map(|v| v.as_str()).collect();
    let look_count: usize = outcome.facts.iter().filter(|f| needs_a_look(f.verdict)).count();
    let selected = |yes: bool| if yes { " selected" } else { "" };
    h.push_str(
        "<form id=\"filters\" class=\"controls\" role=\"search\" aria-label=\"Filter and sort the facts\" hidden>\n",
    );
    h.push_str("<div class=\"field\"><label for=\"f-verdict\">Verdict</label>\n<select id=\"f-verdict\">\n");
    let _ = writeln!(
        h,
        "<option value=\"{}\"{}>needs a look: {} ({look_count})</option>",
        look.join(" "),
        selected(!options.all),
        look.join(", ")
    );
    let _ = writeln!(h, "<option value=\"\"{}>all verdicts ({})</option>", selected(options.all), outcome.facts.len());
    for v in Verdict::ALL {
        let _ = writeln!(h, "<option value=\"{v}\">{v} ({})</option>", count(v));
    }
    h.push_str("</select></div>\n");
    desk::review_filter(outcome, h);
    h.push_str(
        "<div class=\"field\"><label for=\"f-source\">Source</label>\n<select id=\"f-source\">\n\
         <option value=\"\" selected>all sources</option>\n",
    );
    let all_outlets: BTreeSet<&str> = facts.iter().flat_map(|f| f.claims.iter().map(|c| &*c.source.outlet)).collect();
    for o in &all_outlets {
        let _ = writeln!(h, "<option value=\"{0}\">{0}</option>", esc(o));
    }
    h.push_str("</select></div>\n");
    h.push_str(
        "<div class=\"field\"><label for=\"f-subject\">Subject</label>\n\
         <input id=\"f-subject\" type=\"search\" list=\"subjects\" autocomplete=\"off\" \
         placeholder=\"name or fact id\">\n<datalist id=\"subjects\">\n",
    );
    let subjects: BTreeSet<&str> = facts.iter().map(|f| f.subject.name.as_str()).collect();
    for s in &subjects {
        let _ = writeln!(h, "<option value=\"{}\"></option>", esc(s));
    }
    h.push_str("</datalist></div>\n");
    h.push_str(
        "<div class=\"field buttons\"><button type=\"button\" id=\"expand-all\">Expand shown</button>\n\
         <button type=\"button\" id=\"collapse-all\">Collapse all</button></div>\n</form>\n",
    );
    let shown = facts.iter().filter(|f| options.all || needs_a_look(f.verdict)).count();
    let _ = writeln!(
        h,
        "<p id=\"status\" role=\"status\" aria-live=\"polite\">Showing {shown} of {} facts.</p>",
        facts.len()
    );
}

fn table(facts: &[&FactView], h: &mut String, out: &mut dyn io::Write) -> io::Result<()> {
    h.push_str("<table id=\"facts\">\n<caption>Facts and their verdicts, most severe first. ");
    h.push_str("Use a fact's button to show its review, its support and its claims, quoted in their articles.</caption>\n<thead><tr>");
    for c in COLUMNS {
        let sort = match c.sort {
            Some(key) => format!(
                " aria-sort=\"{}\"><button type=\"button\" class=\"sort\" data-sort=\"{key}\">{}</button></th>",
                if key == "verdict" { "ascending" } else { "none" },
                c.header
            ),
            None => format!(">{}</th>", c.header),
        };
        let _ = write!(h, "<th scope=\"col\" class=\"{}\"{sort}", c.class);
    }
    h.push_str("</tr></thead>\n");
    for f in facts {
        let mut search: Vec<&str> = vec![&f.id, &f.subject.name];
        for c in &f.claims {
            if !search.contains(&c.subject.as_str()) {
                search.push(&c.subject);
            }
        }
        let _ = writeln!(
            h,
            "<tbody id=\"fact-{id}\" class=\"fact\" data-id=\"{id}\" data-verdict=\"{v}\" data-rank=\"{rank}\" \
             data-review=\"{review}\" data-sources=\"{sources}\" data-search=\"{search}\">",
            id = esc(&f.id),
            v = f.verdict.as_str(),
            rank = rank(f.verdict),
            review = desk::review_key(f),
            sources = json_attr(outlets(f)),
            search = json_attr(search),
        );
        h.push_str("<tr class=\"row\">");
        for (i, c) in COLUMNS.iter().enumerate() {
            let cell = (c.cell)(f);
            if i == 0 {
                let _ = write!(h, "<th scope=\"row\" class=\"{}\">{cell}</th>", c.class);
            } else {
                let _ = write!(h, "<td class=\"{}\">{cell}</td>", c.class);
            }
        }
        h.push_str("</tr>\n");
        // The claims sit in a box the browser lays out only when it comes
        // into view (`.claims-body`, CSS `content-visibility: auto`): reading
        // a large page, it does not lay out every claim before the script
        // collapses them (10,000 claims, a 26 MB page: headless Chromium
        // 36 s -> 11 s). Without the script they stay shown.
        let _ = write!(
            h,
            "<tr class=\"claims\" id=\"claims-{}\"><td colspan=\"{}\"><div class=\"claims-body\">",
            esc(&f.id),
            COLUMNS.len()
        );
        claims(f, h);
        h.push_str("</div></td></tr>\n</tbody>\n");
        crate::report::pass_on(h, out)?;
    }
    h.push_str("</table>\n<p id=\"empty\" hidden>No fact matches these filters.</p>\n");
    Ok(())
}

fn claims(f: &FactView, h: &mut String) {
    desk::details(f, h);
    if let Some(svg) = timeline(f, false) {
        let _ = write!(
            h,
            "<figure class=\"timeline-large\">{svg}<figcaption>Each row is a claim, in the order it \
             was said (as of, top to bottom); the bar is the claimed interval, the dot the day it was said; \
             a dashed end is open.</figcaption></figure>"
        );
    }
    let _ = write!(h, "<ol class=\"claim-list\" aria-label=\"Claims about {}\">", esc(&f.id));
    for c in &f.claims {
        claim(c, h);
    }
    h.push_str("</ol>");
    // A claim that reads as an earlier one is paired with the claims that
    // read as none only (FactView::pairs): it says which one it stands with.
    let alike: Vec<(usize, usize)> = (0..f.claims.len()).filter_map(|i| Some((i, f.same_as(i)?))).collect();
    if !f.pairs.is_empty() || !alike.is_empty() {
        let n = f.pairs.len();
        let _ = write!(
            h,
            "<details class=\"pairs\"><summary>How the claims relate ({} pair{}",
            grouped(n),
            if n == 1 { "" } else { "s" }
        );
        if f.pairs_left_out > 0 {
            // Past compare::PAIRS_LISTED: the most telling pairs are listed.
            let _ = write!(
                h,
                " of {}, chosen in this order: those that cannot both be true, revisions, differences in \
                 precision, equal ones; listed in claim order",
                grouped(n + f.pairs_left_out)
            );
        }
        match alike.len() {
            0 => {}
            1 => h.push_str("; 1 claim reads as an earlier one"),
            n => {
                let _ = write!(h, "; {n} claims read as an earlier one");
            }
        }
        h.push_str(")</summary><ul>");
        for (p, reason) in f.pairs_with_reasons() {
            let revision = if p.revision { " (revision)" } else { "" };
            let _ = write!(
                h,
                "<li><code>{}</code> {}{revision} <code>{}</code>: {}</li>",
                esc(&f.claims[p.a].key()),
                p.relation.as_str(),
                esc(&f.claims[p.b].key()),
                esc(&reason)
            );
        }
        for (i, first) in alike {
            let _ = write!(
                h,
                "<li><code>{}</code> reads as <code>{}</code> (the same reading, said the same day, with the same \
                 hedge): it relates to the others as that claim does</li>",
                esc(&f.claims[i].key()),
                esc(&f.claims[first].key()),
            );
        }
        h.push_str("</ul></details>");
    }
}

fn claim(c: &ClaimView, h: &mut String) {
    h.push_str("<li class=\"claim\"><p class=\"meta\">");
    let outlet = match c.source.url.as_deref() {
        Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
            format!("<a href=\"{}\" rel=\"noreferrer noopener\">{}</a>", esc(u), esc(&c.source.outlet))
        }
        _ => esc(&c.source.outlet),
    };
    let _ = write!(
        h,
        "<span class=\"outlet\">{outlet}</span>, as of <time datetime=\"{d}\">{d}</time>",
        d = format_day(c.as_of)
    );
    if c.source.published != c.as_of || c.source.published_inferred {
        let inferred = if c.source.published_inferred { ", inferred" } else { "" };
        let _ = write!(h, " (published {}{inferred})", format_day(c.source.published));
    }
    if let Some(by) = &c.said_by {
        let _ = write!(h, ", said by <span class=\"said-by\">{}</span>", esc(by));
    }
    if c.hedge != Hedge::Certain {
        let _ = write!(h, " <span class=\"hedge\">{}</span>", c.hedge.as_str());
    }
    h.push_str("</p>");
    h.push_str("<blockquote class=\"context\"><p>");
    match &c.context {
        Some(p) => {
            let _ = write!(
                h,
                "{}{}<mark>{}</mark>{}{}",
                if p.cut_before { "… " } else { "" },
                esc(&p.before),
                esc(&p.quote),
                esc(&p.after),
                if p.cut_after { " …" } else { "" }
            );
        }
        None => {
            let _ = write!(h, "<mark>{}</mark>", esc(&c.quote));
        }
    }
    h.push_str("</p></blockquote>");
    h.push_str("<dl class=\"reading\">");
    let _ =
        write!(h, "<dt>Value</dt><dd>“{}” <span class=\"type\">({})</span></dd>", esc(&c.value), c.value_type.as_str());
    let _ = write!(h, "<dt>Reading</dt><dd>{}</dd>", reading(&c.reading));
    if let Some(n) = &c.note {
        let _ = write!(h, "<dt>Note</dt><dd>{}</dd>", esc(n));
    }
    let _ = write!(
        h,
        "<dt>Claim</dt><dd><code>{}</code> in <code>{}:{}</code></dd>",
        esc(&c.key()),
        esc(&c.source.file),
        c.line
    );
    h.push_str("</dl></li>");
}

fn reading(r: &Reading) -> String {
    match r {
        Reading::Date(d) => {
            let tense = d.tense.map(|t| format!("; {}", t.chose())).unwrap_or_default();
            format!("{} <span class=\"rule\">— {}{tense}</span>", esc(&r.describe()), esc(d.rule))
        }
        Reading::Number(n) => {
            let bound = |b: Option<f64>| b.map_or_else(|| "(open)".to_string(), format_number);
            format!("{} .. {} <span class=\"rule\">— {}</span>", bound(n.low), bound(n.high), esc(n.rule))
        }
        Reading::Entity(e) => entity(e),
        Reading::Entities(es) => es.iter().map(|e| entity(e)).collect::<Vec<_>>().join(", "),
        Reading::Text(_) => esc(&r.describe()),
    }
}

fn entity(e: &crate::resolve::EntityRef) -> String {
    let note = if e.resolved { "" } else { ", not in the registry" };
    format!("{} <code>({}{note})</code>", esc(&e.name), esc(&e.id))
}

/// One claim on the timeline: the day it was said and the claimed interval.
struct Span {
    as_of: NaiveDate,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    /// The row's label: as of and outlet.
    row: String,
    /// The whole claim, for the tooltip and screen readers.
    label: String,
}

/// The date fact's claims as an SVG: one row per claim in the order said
/// (the as-of axis, top to bottom), the claimed interval as a bar on the
/// calendar axis and the day it was said as a dot. `compact` is the table
/// cell's thumbnail; otherwise labelled, with a date axis.
fn timeline(f: &FactView, compact: bool) -> Option<String> {
    let spans: Vec<Span> = f
        .claims
        .iter()
        .filter_map(|c| match &c.reading {
            Reading::Date(d) => Some(Span {
                as_of: c.as_of,
                start: d.start,
                end: d.end,
                row: format!("{} · {}", format_day(c.as_of), c.source.outlet),
                label: format!(
                    "{}, {}: “{}” → {}",
                    format_day(c.as_of),
                    c.source.outlet,
                    c.value,
                    c.reading.describe()
                ),
            }),
            _ => None,
        })
        .collect();
    if spans.is_empty() || spans.iter().all(|s| s.start.is_none() && s.end.is_none()) {
        return None;
    }
    let days = |d: NaiveDate| i64::from(chrono::Datelike::num_days_from_ce(&d));
    let mut lo = i64::MAX;
    let mut hi = i64::MIN;
    for s in &spans {
        for d in [Some(s.as_of), s.start, s.end].into_iter().flatten() {
            lo = lo.min(days(d));
            hi = hi.max(days(d) + 1);
        }
    }
    let pad = ((hi - lo) / 20).max(1);
    let (lo, hi) = (lo - pad, hi + pad);
    let (width, label_w, row_h, top, axis_h) =
        if compact { (120.0, 0.0, 8.0, 2.0, 2.0) } else { (720.0, 250.0, 20.0, 6.0, 26.0) };
    let plot_w = width - label_w - if compact { 0.0 } else { 12.0 };
    let x = |d: i64| label_w + (d - lo) as f64 / (hi - lo) as f64 * plot_w;
    let height = top + row_h * spans.len() as f64 + axis_h;
    let title =
        format!("Timeline of {}: {}", f.id, spans.iter().map(|s| s.label.as_str()).collect::<Vec<_>>().join("; "));
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"tl{}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" \
         aria-label=\"{}\"><title>{}</title>",
        if compact { " compact" } else { "" },
        esc(&title),
        esc(&title)
    );
    if !compact {
        axis(lo, hi, &x, top, height - axis_h, &mut s);
    }
    for (i, sp) in spans.iter().enumerate() {
        let y = top + row_h * i as f64;
        let mid = y + row_h / 2.0;
        let bar_h = if compact { 5.0 } else { 10.0 };
        if !compact {
            let _ =
                write!(s, "<text class=\"lbl\" x=\"0\" y=\"{:.1}\">{}</text>", mid + 4.0, esc(&truncate(&sp.row, 36)));
        }
        let a = sp.start.map(days);
        let b = sp.end.map(|d| days(d) + 1);
        let x0 = a.map_or(label_w, &x);
        let x1 = b.map_or(label_w + plot_w, &x);
        let _ = write!(
            s,
            "<g><title>{}</title><rect class=\"bar v-{}\" x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bar_h}\"></rect>",
            esc(&sp.label),
            f.verdict.as_str(),
            mid - bar_h / 2.0,
            (x1 - x0).max(if compact { 3.0 } else { 2.0 })
        );
        if a.is_none() {
            let _ = write!(
                s,
                "<line class=\"open\" x1=\"{x0:.1}\" x2=\"{:.1}\" y1=\"{mid:.1}\" y2=\"{mid:.1}\"></line>",
                x0 + 6.0
            );
        }
        if b.is_none() {
            let _ = write!(
                s,
                "<line class=\"open\" x1=\"{:.1}\" x2=\"{x1:.1}\" y1=\"{mid:.1}\" y2=\"{mid:.1}\"></line>",
                x1 - 6.0
            );
        }
        let r = if compact { 2.0 } else { 3.5 };
        let _ = write!(
            s,
            "<circle class=\"said\" cx=\"{:.1}\" cy=\"{mid:.1}\" r=\"{r}\"></circle></g>",
            x(days(sp.as_of)) + 0.5
        );
    }
    s.push_str("</svg>");
    Some(s)
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

/// Date ticks under the plot: days, months or years, at most about eight.
fn axis(lo: i64, hi: i64, x: &dyn Fn(i64) -> f64, top: f64, bottom: f64, s: &mut String) {
    use chrono::Datelike;
    let from = |n: i64| NaiveDate::from_num_days_from_ce_opt(i32::try_from(n).unwrap_or(i32::MAX));
    let (Some(first), Some(last)) = (from(lo), from(hi)) else { return };
    let span = hi - lo;
    let mut ticks: Vec<(NaiveDate, String)> = Vec::new();
    if span <= 45 {
        let step = if span <= 12 { 1 } else { 7 };
        let mut d = first;
        while d <= last {
            ticks.push((d, format_day(d)));
            match d.checked_add_signed(chrono::Duration::days(step)) {
                Some(next) => d = next,
                None => break,
            }
        }
    } else if span <= 3 * 366 {
        let months = span / 30;
        let step = [1, 2, 3, 6, 12].into_iter().find(|k| months / k <= 8).unwrap_or(12);
        let mut m = first.year() * 12 + first.month0() as i32 + 1;
        while let Some(d) = NaiveDate::from_ymd_opt(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1) {
            if d > last {
                break;
            }
            if (m.rem_euclid(12) as i64) % step == 0 {
                ticks.push((d, d.format("%Y-%m").to_string()));
            }
            m += 1;
        }
    } else {
        let years = i64::from(last.year() - first.year());
        let step = [1, 2, 5, 10, 25, 50, 100].into_iter().find(|k| years / k <= 8).unwrap_or(100);
        for y in first.year() + 1..=last.year() {
            if i64::from(y) % step == 0 {
                if let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1) {
                    ticks.push((d, y.to_string()));
                }
            }
        }
    }
    let _ = write!(
        s,
        "<line class=\"axis\" x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{bottom:.1}\" y2=\"{bottom:.1}\"></line>",
        x(lo),
        x(hi)
    );
    let step = ticks.len().div_ceil(8).max(1);
    for (d, label) in ticks.iter().step_by(step) {
        let tx = x(i64::from(d.num_days_from_ce()));
        let _ = write!(
            s,
            "<line class=\"tick\" x1=\"{tx:.1}\" x2=\"{tx:.1}\" y1=\"{top:.1}\" y2=\"{:.1}\"></line>\
             <text class=\"tick-lbl\" x=\"{tx:.1}\" y=\"{:.1}\">{label}</text>",
            bottom + 4.0,
            bottom + 16.0
        );
    }
}

/// The page's style: screen, then print.
const CSS: &str = include_str!("html/report.css");

/// The page's script; it holds no data (the page's elements do).
const SCRIPT: &str = include_str!("html/report.js");

/// `sha256-` and the base64 SHA-256 of [`SCRIPT`], for the
/// Content-Security-Policy. A unit test recomputes it: when the script
/// changes, the test prints the new value.
const SCRIPT_HASH: &str = "sha256-ZvOhZ3fREe4UDHCBQ5PxP4YRKqsqD2gPoiIlYuCx/FY=";

mod desk;

#[cfg(test)]
mod tests;
