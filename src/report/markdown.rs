//! `--format markdown`: a report that pastes cleanly into a CMS or a pull
//! request — a table of the facts that need a look (every fact with
//! `--all`), then, per fact, the list of its quotes: outlet, date, who said
//! it, the value and its reading, and the quote as a blockquote.
//!
//! Text from the input is escaped so it cannot break the table or start
//! markup of its own: table pipes, line breaks, Markdown punctuation, HTML.
//! The first line is an HTML comment naming the writer (hidden when
//! rendered), which lets `--output` recognise the file.

use std::io::{self, Write};

use crate::check::{ClaimView, FactView, Outcome};
use crate::model::Hedge;
use crate::report::{generator, pass_on, shown, summary, Options};
use crate::support::Support;

/// Text safe inside a Markdown paragraph, list item or table cell: every
/// character with a Markdown meaning is backslash-escaped, `&` and `<` are
/// entities, and line breaks are spaces.
/// Bidi embeddings, overrides and isolates, and control characters, are
/// shown as `\u{202e}`, `\u{1b}`.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            // One left open would reorder the report's own text after it.
            // (its backslash escaped, so that Markdown shows one)
            // A control character (an escape sequence read on a terminal) likewise.
            c if crate::text::is_bidi_control(c) || (c.is_control() && c != '\t') => {
                out.push('\\');
                out.push_str(&crate::text::escaped(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// The input problems, each with its place and help, as the HTML page and
/// standard error list them: a pasted report must not hide why it covers
/// only part of the claims, nor a warning (a name matched fuzzily).
fn problems(outcome: &Outcome, out: &mut String) {
    if outcome.diagnostics.is_empty() {
        return;
    }
    let errors = outcome.errors().count();
    let warnings = outcome.diagnostics.len() - errors;
    out.push_str(&format!(
        "## Input problems: {errors} error{}, {warnings} warning{}\n\n",
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    ));
    for d in &outcome.diagnostics {
        let place = d.loc.as_ref().map(|l| format!("{}: ", code(&l.to_string()))).unwrap_or_default();
        let kind = if d.is_error() { "error" } else { "warning" };
        out.push_str(&format!("- {place}**{kind}**: {}", text(&d.message)));
        if let Some(help) = &d.help {
            out.push_str(&format!(" — help: {}", text(help)));
        }
        out.push('\n');
    }
    out.push('\n');
}

/// [`text`] at the start of a line, where `-`, `+`, `=` or `1.` would start
/// a list, a heading underline or a numbered list.
fn line_start(s: &str) -> String {
    let t = text(s.trim_start());
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if t.starts_with(['-', '+', '=']) || (digits > 0 && t[digits..].starts_with(['.', ')'])) {
        let at = if digits > 0 { digits } else { 0 };
        format!("{}\\{}", &t[..at], &t[at..])
    } else {
        t
    }
}

/// An inline code span that holds any text (a longer fence when it has
/// backticks); line breaks become spaces.
fn code(s: &str) -> String {
    let s = s.replace(['\n', '\r'], " ");
    let mut fence = String::from("`");
    while s.contains(fence.as_str()) {
        fence.push('`');
    }
    if fence.len() > 1 || s.starts_with('`') || s.ends_with('`') {
        format!("{fence} {s} {fence}")
    } else {
        format!("`{s}`")
    }
}

/// The outlet, linked to the article when the claim file gives an http(s) address.
fn outlet(c: &ClaimView) -> String {
    let name = format!("**{}**", text(&c.source.outlet));
    match c.source.url.as_deref() {
        Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
            let mut href = String::new();
            for ch in u.chars() {
                match ch {
                    ' ' => href.push_str("%20"),
                    '"' => href.push_str("%22"),
                    '(' => href.push_str("%28"),
                    ')' => href.push_str("%29"),
                    '<' => href.push_str("%3C"),
                    '>' => href.push_str("%3E"),
                    c if c.is_control() => {}
                    c => href.push(c),
                }
            }
            format!("[{name}]({href})")
        }
        _ => name,
    }
}

/// The fact's outlets, each once, in the order they spoke.
fn outlets(f: &FactView) -> Vec<&str> {
    let mut seen: Vec<&str> = Vec::new();
    for c in &f.claims {
        if !seen.contains(&&*c.source.outlet) {
            seen.push(&c.source.outlet);
        }
    }
    seen
}

/// The best-supported reading as one line: “value” → reading, confidence, and
/// up to `n` of the outlets giving it.
fn best_line(b: &crate::truth::Best, n: usize) -> String {
    format!(
        "“{}” → {}, {:.0}% confidence ({})",
        b.value,
        b.reading.describe(),
        b.confidence * 100.0,
        super::table::outlets_short(&b.sources, n)
    )
}

/// The report is made in a String that is passed on to `w` whenever it
/// holds a few dozen kilobytes, so it never holds much more.
pub fn write(outcome: &Outcome, options: &Options, w: &mut dyn Write) -> io::Result<()> {
    let facts = shown(outcome, options);
    let mut out = format!("<!-- generated by {}: crosscheck check --format markdown -->\n", generator());
    out.push_str("# crosscheck report\n\n");
    out.push_str(&summary(outcome));
    out.push_str(".\n\n");
    if let Some(note) = crate::focus::left_out(outcome) {
        out.push_str(&text(&note));
        out.push_str(".\n\n");
    }
    let errors = outcome.errors().count();
    if errors > 0 {
        out.push_str(&format!(
            "**{errors} input error{}**: this report covers {}.\n\n",
            if errors == 1 { "" } else { "s" },
            outcome.coverage()
        ));
    }
    problems(outcome, &mut out);
    if facts.is_empty() {
        out.push_str(if options.all { "No facts.\n" } else { "No fact needs a look.\n" });
        return w.write_all(out.as_bytes());
    }
    out.push_str("| Fact | Verdict | Sources | Why | Best supported | Review |\n|---|---|---|---|---|---|\n");
    for f in &facts {
        let sources: Vec<String> = outlets(f).iter().map(|o| text(o)).collect();
        out.push_str(&format!(
            "| {} | **{}** | {} | {} | {} | {} |\n",
            code(&f.id),
            f.verdict.as_str(),
            sources.join(", "),
            text(&f.reason),
            f.best.as_ref().map(|b| text(&best_line(b, 3))).unwrap_or_default(),
            text(&f.review.describe())
        ));
        pass_on(&mut out, w)?;
    }
    for f in &facts {
        out.push_str(&format!(
            "\n## {} — {}\n\n{}: {}\n\n",
            code(&f.id),
            f.verdict.as_str(),
            text(&f.subject.name),
            text(&f.reason)
        ));
        if f.support.sources > 1 {
            out.push_str(&format!("Support: {}.", Support::describe(f.support.sources, f.support.independent)));
            if f.support.readings.len() > 1 {
                let each: Vec<String> = f
                    .support
                    .readings
                    .iter()
                    .map(|r| format!("{} — {}", text(&r.reading), Support::describe(r.sources, r.independent())))
                    .collect();
                out.push_str(&format!(" By reading: {}.", each.join("; ")));
            }
            out.push_str("\n\n");
        }
        if let Some(b) = &f.best {
            out.push_str(&format!("Best supported: {} (docs/truth.md).\n\n", text(&best_line(b, usize::MAX))));
        }
        out.push_str(&format!("Review: {}", text(&f.review.describe())));
        if let crate::review::ReviewStatus::Reviewed(r) = &f.review {
            if !r.note.is_empty() {
                out.push_str(&format!(" — {}", text(&r.note)));
            }
        }
        out.push('\n');
        for c in &f.claims {
            let hedge = if c.hedge == Hedge::Certain { String::new() } else { format!(" ({})", c.hedge.as_str()) };
            let by = c.said_by.as_deref().map(|s| format!(", said by {}", text(s))).unwrap_or_default();
            out.push_str(&format!(
                "\n- {}, {}{by}: “{}”{hedge} → {}\n\n  > {}\n",
                outlet(c),
                c.as_of,
                text(&c.value),
                text(&c.reading.describe()),
                line_start(&c.quote)
            ));
        }
        pass_on(&mut out, w)?;
    }
    if !outcome.dependencies.is_empty() {
        out.push_str(
            "\n## Dependent sources\n\nEach group counts as one independent source (docs/independence.md).\n\n",
        );
        for d in outcome.dependencies.iter() {
            out.push_str(&format!("- **{}**: {}", d.kind, text(&d.reason)));
            if let Some(p) = &d.passage {
                out.push_str(&format!(": \"{}\"", text(p)));
            }
            out.push('\n');
            pass_on(&mut out, w)?;
        }
    }
    w.write_all(out.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_cannot_break_the_table_or_start_markup() {
        assert_eq!(text("a | b\nc"), "a \\| b c");
        assert_eq!(text("<script>&x</script>"), "&lt;script&gt;&amp;x&lt;/script&gt;");
        assert_eq!(
            text("*bold* [link](x) `c` #1 ~s~ ![i]"),
            "\\*bold\\* \\[link\\](x) \\`c\\` \\#1 \\~s\\~ \\!\\[i\\]"
        );
        assert_eq!(line_start("- not a list"), "\\- not a list");
        assert_eq!(line_start("1. not a list"), "1\\. not a list");
        assert_eq!(line_start("10) no"), "10\\) no");
        assert_eq!(line_start("2013 was"), "2013 was");
        assert_eq!(code("a.b"), "`a.b`");
        assert_eq!(code("a`b"), "`` a`b ``");
    }
}
