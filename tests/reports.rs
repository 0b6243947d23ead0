//! The report files: `check --format html|markdown`, `--output FILE` for every
//! format, and the committed examples under `docs/examples/`.
//!
//! `tests/fixtures/hostile` puts markup, quotes, `&` and `</details>` in every
//! text field (outlet, subject, said_by, quote, note, url, article), so the
//! reports are tested against input that tries to become markup.
//!
//! The examples are regenerated with `UPDATE_SNAPSHOTS=1 cargo test --test reports`
//! (review the diff of `docs/examples/`); the screenshot
//! `docs/examples/report.png` is copied by `tests/browser.rs` the same way.

mod common;

use common::*;
use std::fs;
use std::path::PathBuf;

fn hostile() -> PathBuf {
    root().join("tests/fixtures/hostile")
}

/// A scratch copy of the hostile fixture, to add files to.
fn hostile_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&hostile(), dir.path());
    dir
}

// ---------------------------------------------------------------- HTML

#[test]
fn html_shows_hostile_input_as_text_never_as_markup() {
    let run = run_in(&hostile(), &["check", "--format", "html", "--all"]);
    assert_eq!(run.code, 1, "the fixture's dates conflict: {}", run.stderr);
    let h = &run.stdout;
    assert_eq!(h.matches("<script").count(), 1, "only the page's own script");
    assert_eq!(h.matches("<style").count(), 1, "only the page's own style");
    assert_eq!(h.matches("</details>").count(), h.matches("<details").count(), "no stray </details>");
    for raw in ["<img", "<b>", "<!-- not", "</td></tr></tbody>", "javascript:"] {
        assert!(!h.contains(raw), "{raw} got through:\n{h}");
    }
    assert!(h.contains("&lt;script&gt;alert(&#39;outlet&#39;)&lt;/script&gt; &amp; &quot;Co&quot;"), "outlet as text");
    assert!(h.contains("<mark>&lt;script&gt;alert(&#39;quote&#39;)&lt;/script&gt; met on 7 July 2013 &amp;"), "quote");
    assert!(h.contains("&lt;img src=x onerror=alert(&#39;by&#39;)&gt;"), "said_by as text");
    assert!(h.contains("&lt;/td&gt;&lt;/tr&gt;"), "note as text");
    // The quote stands in its article's context, also escaped.
    assert!(h.contains("&lt;p onclick=&quot;alert(&#39;article&#39;)&quot;&gt;"), "article context as text");
    // An http(s) url is a link, escaped; another scheme is not a link at all.
    assert!(h.contains("href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;&gt;&lt;script&gt;"), "{h}");
    assert_eq!(h.matches("<a href").count(), 1);
}

#[test]
fn html_lists_every_fact_with_its_id_verdict_and_claims() {
    let run = run_in(&root(), &["check", "--format", "html"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json = run_in(&root(), &["check", "--format", "json", "--all"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let facts = doc["facts"].as_array().unwrap();
    // Every fact is on the page (the verdict filter starts at those needing a look).
    assert_eq!(run.stdout.matches("<tbody id=\"fact-").count(), facts.len());
    for f in facts {
        let id = f["id"].as_str().unwrap();
        let v = f["verdict"].as_str().unwrap();
        assert!(run.stdout.contains(&format!("data-id=\"{id}\" data-verdict=\"{v}\"")), "{id}");
    }
    let marks = run.stdout.matches("<mark>").count();
    assert_eq!(marks as u64, doc["summary"]["claims_checked"].as_u64().unwrap(), "one marked quote per claim");
    assert!(run.stdout.contains("<option value=\"conflict revised compatible\" selected>"));
    let all = run_in(&root(), &["check", "--format", "html", "--all"]);
    let all_option = format!("<option value=\"\" selected>all verdicts ({})</option>", facts.len());
    assert!(all.stdout.contains(&all_option), "--all starts at all verdicts");
    assert!(run.stdout.contains("<meta name=\"generator\" content=\"crosscheck "));
}

#[test]
fn html_says_which_claim_a_claim_reads_as_where_json_says_same_as() {
    let html = run_in(&root(), &["check", "--format", "html", "--all"]);
    let json = run_in(&root(), &["check", "--format", "json", "--all"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let mut alike = 0;
    for f in doc["facts"].as_array().unwrap() {
        let pairs = f["pairs"].as_array().map_or(0, Vec::len);
        let mut reads_as = 0;
        for c in f["claims"].as_array().unwrap() {
            if let Some(first) = c["same_as"].as_str() {
                let key = format!("{}/{}", c["source"].as_str().unwrap(), c["id"].as_str().unwrap());
                let line = format!("<code>{key}</code> reads as <code>{first}</code>");
                assert!(html.stdout.contains(&line), "{line}");
                reads_as += 1;
            }
        }
        if pairs + reads_as > 0 {
            let plural = |n: usize, one: &str, many: &str| if n == 1 { one.to_string() } else { many.to_string() };
            let mut summary = format!("How the claims relate ({pairs} {}", plural(pairs, "pair", "pairs"));
            if reads_as > 0 {
                summary += &format!("; {reads_as} {}", plural(reads_as, "claim reads", "claims read"));
            }
            assert!(html.stdout.contains(&summary), "{summary}");
        }
        alike += reads_as;
    }
    assert!(alike > 0, "the bundled corpus has claims that read as earlier ones");
    assert_eq!(html.stdout.matches("</code> reads as <code>").count(), alike);
}

/// Every fact's claims are written shown (so that they show when the script
/// cannot run), in a box the browser lays out only when it comes into view
/// (`content-visibility: auto`): a browser reading a large page does not lay
/// out every claim before the script collapses them.
#[test]
fn html_writes_each_facts_claims_in_a_box_laid_out_when_seen() {
    let run = run_in(&root(), &["check", "--format", "html", "--all"]);
    let h = &run.stdout;
    let facts = h.matches("<tbody id=\"fact-").count();
    assert!(facts > 10);
    let rows: Vec<&str> = h.split("<tr class=\"claims\" ").skip(1).collect();
    assert_eq!(rows.len(), facts);
    for row in rows {
        let open = &row[..row.find('>').unwrap()];
        assert!(!open.contains("hidden"), "written shown: {open}");
        assert!(row[open.len()..].starts_with("><td colspan=\"7\"><div class=\"claims-body\">"), "{}", &row[..200]);
    }
    assert!(h.contains(".claims-body { content-visibility: auto;"));
}

#[test]
fn html_shows_a_hostile_review_as_text() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&hostile(), tmp.path());
    let json = run_in(tmp.path(), &["check", "--format", "json", "--all"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let id = doc["facts"][0]["id"].as_str().unwrap().to_string();
    let review = run_in(
        tmp.path(),
        &[
            "review",
            &id,
            "--decision",
            "disputed",
            "--note",
            "</td></tr><script>alert('note')</script> & \"x\"",
            "--reviewer",
            "<img src=x onerror=alert('r')>",
            "--rating",
            "<b>Misleading</b>",
            "--date",
            "2024-05-02",
        ],
    );
    assert_eq!(review.code, 0, "{}", review.stderr);
    let h = run_in(tmp.path(), &["check", "--format", "html", "--all"]).stdout;
    assert_eq!(h.matches("<script").count(), 1, "only the page's own script");
    for raw in ["<img", "<b>", "</td></tr><script"] {
        assert!(!h.contains(raw), "{raw} got through");
    }
    assert!(h.contains("data-review=\"reviewed\""));
    assert!(h.contains("<span class=\"badge r-reviewed d-disputed\">disputed</span>"));
    assert!(h.contains("&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt; &amp; &quot;x&quot;"));
    assert!(h.contains("&lt;img src=x onerror=alert(&#39;r&#39;)&gt;"), "reviewer as text");
    assert!(h.contains("rating: &lt;b&gt;Misleading&lt;/b&gt;"), "rating as text");
    assert!(h.contains("Reviews: 1 reviewed, 0 stale, 0 not reviewed."));
}

#[test]
fn html_lists_dependent_sources_and_counts_independent_ones() {
    let dir = root().join("tests/fixtures/independence");
    let h = run_in(&dir, &["check", "--format", "html", "--all"]).stdout;
    let json = run_in(&dir, &["check", "--format", "json", "--all"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let deps = doc["dependencies"].as_array().unwrap();
    assert!(!deps.is_empty());
    let section = h.split("<section class=\"deps\"").nth(1).expect("a dependent sources section");
    assert_eq!(section.matches("<tr><th scope=\"row\">").count(), deps.len(), "one row per dependence");
    for d in deps {
        let reason = d["reason"].as_str().unwrap().replace('\'', "&#39;");
        assert!(section.contains(&reason), "{reason}");
    }
    let fact = &doc["facts"][0];
    let (n, k) = (fact["support"]["sources"].as_u64().unwrap(), fact["support"]["independent"].as_u64().unwrap());
    assert!(k < n, "the fixture has dependent sources behind one fact");
    assert!(h.contains(&format!("{n} sources ({k} independent)")));
    // Every fact row carries its review status for the filter; all are unreviewed here.
    assert_eq!(h.matches("data-review=\"unreviewed\"").count(), doc["facts"].as_array().unwrap().len());
    let bundled = run_in(&root(), &["check", "--format", "html"]).stdout;
    assert!(bundled.contains("No two sources depend on each other"), "an empty section says so");
}

#[test]
fn html_timeline_draws_one_row_per_dated_claim() {
    let run = run_in(&root().join("tests/fixtures/verdicts/dates"), &["check", "--format", "html"]);
    let svgs: Vec<&str> = run.stdout.split("<svg ").skip(1).collect();
    assert_eq!(svgs.len(), 2, "a thumbnail in the row and a large one in the claims");
    for svg in svgs {
        assert_eq!(svg.matches("<rect class=\"bar").count(), 3, "{svg}");
        assert_eq!(svg.matches("<circle class=\"said\"").count(), 3);
        assert!(svg.contains("role=\"img\" aria-label=\"Timeline of geneva-ii.date"));
    }
}

#[test]
fn html_is_byte_identical_run_to_run() {
    let a = run_in(&root(), &["check", "--format", "html"]).stdout;
    let b = run_in(&root(), &["check", "--format", "html"]).stdout;
    assert!(a == b, "two runs differ");
}

// ---------------------------------------------------------------- Markdown

#[test]
fn markdown_keeps_hostile_input_inside_its_cell_and_quote() {
    let run = run_in(&hostile(), &["check", "--format", "markdown"]);
    let md = &run.stdout;
    assert!(md.starts_with("<!-- generated by crosscheck "), "{md}");
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with("| `")).collect();
    assert_eq!(rows.len(), 1, "{md}");
    // Six cells (fact, verdict, sources, why, best supported, review): seven unescaped pipes.
    let pipes = rows[0].len() - rows[0].replace('|', "").len() - rows[0].matches("\\|").count();
    assert_eq!(pipes, 7, "{}", rows[0]);
    for raw in ["<script", "<img", "<b>", "<!--  not", "[link](http://x)"] {
        assert!(!md.lines().skip(1).any(|l| l.contains(raw)), "{raw} got through:\n{md}");
    }
    assert!(md.contains("  > talks began in early May of 2013 -- &lt;\\!-- not a comment --&gt; \\[link\\](http://x)"));
    let quotes = md.lines().filter(|l| l.starts_with("  > ")).count();
    assert_eq!(quotes, 2, "one blockquote per claim:\n{md}");
}

/// A pasted report says what it left out: every error and warning, with its
/// place and help, as the HTML page and standard error give them.
#[test]
fn markdown_lists_every_input_problem_with_its_place() {
    let dir = hostile_copy();
    let d = dir.path();
    let extra = "source:\n  id: c\n  outlet: Outlet C\n  published: 2013-08-12\n  article: b.txt\nclaims:\n  \
                 - id: bad\n    subject: Nowhere <b>Summit</b>\n    property: date\n    value: \"<b>not | a date</b>\"\n    \
                 quote: talks began in early May of 2013\n  \
                 - id: lone\n    subject: Nowhere <b>Summit</b>\n    property: venue_note\n    value: x\n    \
                 quote: talks began in early May of 2013\n";
    fs::write(d.join("claims/c.yaml"), extra).unwrap();
    let run = run_in(d, &["check", "--format", "markdown"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let md = &run.stdout;
    assert!(md.contains("## Input problems: 1 error, 1 warning\n"), "{md}");
    let error =
        md.lines().find(|l| l.starts_with("- `claims/c.yaml:10:12`: **error**: ")).unwrap_or_else(|| panic!("{md}"));
    assert!(error.contains("&lt;b&gt;not \\| a date&lt;/b&gt;"), "escaped, inside its line: {error}");
    assert!(error.contains(" — help: "), "{error}");
    let warning = md.lines().find(|l| l.contains("**warning**: ")).unwrap_or_else(|| panic!("{md}"));
    assert!(
        warning.starts_with("- `claims/c.yaml:7:7`: **warning**: ") && warning.contains("not in the registry"),
        "{warning}"
    );
    for raw in ["<b>", "<script"] {
        assert!(!md.lines().skip(1).any(|l| l.contains(raw)), "{raw} got through:\n{md}");
    }
}

/// The page lists errors first, always shown; warnings are shown when few
/// and folded under a summary when many (an archive's thousands of name
/// warnings would push the table far down the page).
#[test]
fn html_folds_many_warnings_under_a_summary_and_shows_errors_first() {
    let dir = hostile_copy();
    let d = dir.path();
    let claim = |id: &str, value: &str| {
        format!(
            "  - id: {id}\n    subject: Summit\n    property: date\n    value: \"{value}\"\n    quote: talks began\n"
        )
    };
    let file = |claims: &str| {
        format!("source:\n  id: c\n  outlet: Outlet C\n  published: 2013-08-12\n  article: b.txt\nclaims:\n{claims}")
    };
    let page = |n: usize| {
        let mut claims: String = (0..n).map(|k| claim(&format!("none-{k}"), "n/a")).collect();
        claims += &claim("bad", "not a date at all");
        fs::write(d.join("claims/c.yaml"), file(&claims)).unwrap();
        let run = run_in(d, &["check", "--format", "html"]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        let warnings = run.stderr.matches(": warning: ").count();
        // The problems section alone.
        let from = run.stdout.find("<section class=\"problems\"").unwrap();
        let to = from + run.stdout[from..].find("</section>").unwrap();
        (run.stdout[from..to].to_string(), warnings)
    };
    // Few: every warning in an open list, after the error.
    let (section, warnings) = page(2);
    assert!(warnings <= 10, "{warnings}");
    assert!(!section.contains("<details"), "{section}");
    assert_eq!(section.matches("<li class=\"warning\">").count(), warnings);
    assert!(section.find("<li class=\"error\">").unwrap() < section.find("<li class=\"warning\">").unwrap());
    // Many: the warnings are folded, closed, under a summary that counts them.
    let (section, warnings) = page(14);
    assert!(warnings > 10, "{warnings}");
    assert!(section.contains(&format!("1 error, {warnings} warnings</h2>")), "{section}");
    let folded = section.find(&format!("<details class=\"warnings\"><summary>The {warnings} warnings</summary>"));
    let folded = folded.unwrap_or_else(|| panic!("{section}"));
    assert_eq!(section[folded..].matches("<li class=\"warning\">").count(), warnings, "every warning, folded");
    assert_eq!(section[..folded].matches("<li class=\"error\">").count(), 1, "the error, before and open");
    assert!(!section.contains("<details open"), "closed");
}

/// A right-to-left override (or any bidi embedding or isolate) left open in
/// an outlet, a quote or an article would reverse the report's own text
/// after it: both reports show it as an escape instead.
#[test]
fn reports_show_bidi_overrides_as_escapes() {
    let dir = hostile_copy();
    let d = dir.path();
    let b = d.join("claims/b.yaml");
    let text = fs::read_to_string(&b).unwrap().replace("Outlet <b>B</b>", "Outlet \\u202Eevil\\u2067B");
    fs::write(&b, text).unwrap();
    let article = d.join("articles/b.txt");
    let text = fs::read_to_string(&article).unwrap().replace("and went on", "and \u{202B}went on");
    fs::write(&article, text).unwrap();
    // Markdown escapes the backslash, so that it renders as one.
    for (format, shown) in [
        ("html", "Outlet \\u{202e}evil\\u{2067}B"),
        ("markdown", "Outlet \\\\u{202e}evil\\\\u{2067}B"),
        ("table", "Outlet \\u{202e}evil\\u{2067}B"),
    ] {
        // (wide enough that the table wraps no cell: the escapes are measured with the text)
        let run = run_in(d, &["check", "--format", format, "--all", "--width", "1000"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        let bidi = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        assert!(!run.stdout.contains(bidi), "{format}: a bidi control written as is:\n{}", run.stdout);
        assert!(run.stdout.contains(shown), "{format}: {}", run.stdout);
    }
    let html = run_in(d, &["check", "--format", "html"]).stdout;
    assert!(html.contains("and \\u{202b}went on"), "the article context too:\n{html}");
    // and the terminal's other views: `sources` and `show`
    let bidi = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    let sources = run_in(d, &["sources"]).stdout;
    assert!(!sources.contains(bidi) && sources.contains("\\u{202e}evil"), "sources:\n{sources}");
    let facts = run_in(d, &["check", "--format", "json", "--all"]).stdout;
    let doc: serde_json::Value = serde_json::from_str(&facts).unwrap();
    let of_b =
        doc["facts"].as_array().unwrap().iter().find(|f| {
            f["claims"].as_array().unwrap().iter().any(|c| c["outlet"].as_str().unwrap().contains('\u{202E}'))
        });
    let subject = of_b.expect("a fact with outlet B")["subject"].as_str().unwrap().to_string();
    let show = run_in(d, &["show", &subject]).stdout;
    assert!(!show.contains(bidi) && show.contains("\\u{202e}evil"), "show:\n{show}");
}

/// An escape sequence, carriage return or backspace in a claim file would
/// recolour, clear or overwrite a terminal showing a report: the plain-text
/// views (table, Markdown, `sources`, `show`) write them as escapes.
#[test]
fn terminal_views_show_control_characters_as_escapes() {
    let dir = hostile_copy();
    let d = dir.path();
    let b = d.join("claims/b.yaml");
    let text = fs::read_to_string(&b).unwrap().replace("Outlet <b>B</b>", "Outlet \\e[31mRED\\r\\bB");
    fs::write(&b, text).unwrap();
    let control = |c: char| c.is_control() && c != '\n' && c != '\t';
    for (format, shown) in [("table", "Outlet \\u{1b}[31mRED\\u{d}\\u{8}B"), ("markdown", "\\\\u{1b}")] {
        let run = run_in(d, &["check", "--format", format, "--all", "--width", "1000"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(!run.stdout.contains(control), "{format}: a control character written as is:\n{}", run.stdout);
        assert!(run.stdout.contains(shown), "{format}: {}", run.stdout);
    }
    let sources = run_in(d, &["sources"]).stdout;
    assert!(!sources.contains(control) && sources.contains("\\u{1b}[31mRED"), "sources:\n{sources}");
    let doc: serde_json::Value =
        serde_json::from_str(&run_in(d, &["check", "--format", "json", "--all"]).stdout).unwrap();
    let of_b = doc["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["claims"].as_array().unwrap().iter().any(|c| c["outlet"].as_str().unwrap().contains('\u{1b}')));
    let subject = of_b.expect("a fact with outlet B")["subject"].as_str().unwrap().to_string();
    let show = run_in(d, &["show", &subject]).stdout;
    assert!(!show.contains(control) && show.contains("\\u{1b}[31mRED"), "show:\n{show}");
}

// ---------------------------------------------------------------- --output

#[test]
fn output_writes_each_format_as_standard_output_would_show_it() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = root().join("tests/fixtures/verdicts/conflict");
    for format in ["table", "json", "markdown", "html"] {
        let file = dir.path().join(format!("report.{format}"));
        let args = ["check", "--format", format, "--width", "100"];
        let printed = run_in(&corpus, &args);
        let mut with_output = args.to_vec();
        with_output.extend(["--output", file.to_str().unwrap()]);
        let written = run_in(&corpus, &with_output);
        assert_eq!((written.code, printed.code), (1, 1), "{format}: the exit code is the check's");
        assert_eq!(written.stdout, "", "{format}: nothing on stdout");
        let text = fs::read_to_string(&file).unwrap();
        // Every format ends with a seal in a file. Markdown and HTML carry it
        // on standard output too; the table gets one more line, JSON one more key.
        match format {
            "json" => {
                let (body, seal) = text.rsplit_once(",\n  \"seal\": \"").expect("a seal key");
                assert_eq!(format!("{body}\n}}\n"), printed.stdout, "{format}");
                assert!(seal.len() == 16 + 4 && seal.ends_with("\"\n}\n"), "{format}: {seal}");
                let doc: serde_json::Value = serde_json::from_str(&text).expect("still one JSON document");
                assert!(doc["seal"].is_string(), "{format}: {doc}");
            }
            "table" => {
                let (body, seal) = text.trim_end().rsplit_once('\n').unwrap();
                assert_eq!(format!("{body}\n"), printed.stdout, "{format}");
                let want = format!("(written by crosscheck {}, seal ", env!("CARGO_PKG_VERSION"));
                assert!(seal.starts_with(&want), "{format}: {seal}");
            }
            _ => {
                assert_eq!(text, printed.stdout, "{format}");
                let seal = text.trim_end().rsplit_once('\n').unwrap().1;
                assert!(seal.starts_with("<!-- crosscheck seal "), "{format}: {seal}");
            }
        }
        // Written again over itself: crosscheck recognises its own file, in any format.
        let again = run_in(&corpus, &["check", "--format", "html", "--output", file.to_str().unwrap()]);
        assert_eq!(again.code, 1, "{format}: {}", again.stderr);
    }
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 4, "no temporary file left: {names:?}");
}

#[test]
fn output_never_overwrites_a_persons_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = root().join("tests/fixtures/verdicts/conflict");
    let file = dir.path().join("notes.md");
    fs::write(&file, "# My notes\n\nDo not lose these.\n").unwrap();
    let refused = run_in(&corpus, &["check", "--format", "markdown", "--output", file.to_str().unwrap()]);
    assert_eq!(refused.code, 2);
    assert!(refused.stderr.contains("notes.md exists and was not written by crosscheck"), "{}", refused.stderr);
    assert!(refused.stderr.contains("--force"), "{}", refused.stderr);
    assert_eq!(fs::read_to_string(&file).unwrap(), "# My notes\n\nDo not lose these.\n");
    let forced = run_in(&corpus, &["check", "--format", "markdown", "--output", file.to_str().unwrap(), "--force"]);
    assert_eq!(forced.code, 1, "{}", forced.stderr);
    assert!(fs::read_to_string(&file).unwrap().starts_with("<!-- generated by crosscheck"));
}

#[test]
fn output_never_overwrites_a_report_an_editor_has_annotated() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = root().join("tests/fixtures/verdicts/conflict");
    for format in ["table", "markdown", "html"] {
        let file = dir.path().join(format!("report.{format}"));
        let path = file.to_str().unwrap();
        let args = ["check", "--format", format, "--output", path];
        assert_eq!(run_in(&corpus, &args).code, 1);
        // Unchanged, it is written again.
        assert_eq!(run_in(&corpus, &args).code, 1, "{format}: an untouched report is replaced");
        // An editor adds a note in the middle: the report is theirs now.
        let original = fs::read_to_string(&file).unwrap();
        let annotated = original.replacen('\n', "\nEDITOR: call the ministry before we run this\n", 3);
        fs::write(&file, &annotated).unwrap();
        let refused = run_in(&corpus, &args);
        assert_eq!(refused.code, 2, "{format}: {}", refused.stderr);
        assert!(refused.stderr.contains("was written by crosscheck but has been changed since"), "{}", refused.stderr);
        assert!(refused.stderr.contains("--force"), "{}", refused.stderr);
        assert_eq!(fs::read_to_string(&file).unwrap(), annotated, "{format}: the notes are kept");
        let mut forced = args.to_vec();
        forced.push("--force");
        assert_eq!(run_in(&corpus, &forced).code, 1);
        assert_eq!(fs::read_to_string(&file).unwrap(), original, "{format}: --force replaces it");
    }
}

#[test]
fn output_errors_name_the_path_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = root().join("tests/fixtures/verdicts/conflict");
    let missing = dir.path().join("no/such/report.html");
    let run = run_in(&corpus, &["check", "--format", "html", "--output", missing.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains(&format!("cannot write {}: its folder does not exist", missing.display())));
    assert!(!run.stderr.contains(".crosscheck-"), "the temporary file is not the user's business: {}", run.stderr);
    let folder = run_in(&corpus, &["check", "--output", dir.path().to_str().unwrap()]);
    assert_eq!(folder.code, 2);
    assert!(folder.stderr.contains("is a folder"), "{}", folder.stderr);
    // A path ending in '/' names a folder, missing or not (it was "a part of its folder path is a file").
    let slash = format!("{}/", dir.path().join("nodir").display());
    let run = run_in(&corpus, &["check", "--output", &slash]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(&format!("cannot write {slash}: it ends in '/', so it names a folder")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(&format!("give --output a file name, e.g. {slash}report.html")), "{}", run.stderr);
    let force_alone = run_in(&corpus, &["check", "--force"]);
    assert_eq!(force_alone.code, 2, "--force means nothing without --output");
}

/// Notes added after the seal, or the seal deleted: the report is the
/// editor's now, as when the text before the seal is changed. A table saved
/// from standard output carries no marker and is refused as anyone's text;
/// Markdown and HTML carry their seal there too and are replaced.
#[test]
fn output_never_overwrites_a_report_whose_seal_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = root().join("tests/fixtures/verdicts/conflict");
    for format in ["table", "markdown", "html"] {
        let file = dir.path().join(format!("report.{format}"));
        let path = file.to_str().unwrap();
        let args = ["check", "--format", format, "--output", path];
        assert_eq!(run_in(&corpus, &args).code, 1);
        let original = fs::read_to_string(&file).unwrap();
        let body = original.trim_end().rsplit_once('\n').unwrap().0.to_string() + "\n";
        let printed = run_in(&corpus, &["check", "--format", format]).stdout;
        for (what, edited) in [
            ("notes after the seal", format!("{original}\n## Editor notes\nCalled the ministry; confirmed Geneva.\n")),
            ("the seal deleted", body.clone()),
            ("the seal moved up", {
                let (first, rest) = body.split_once('\n').unwrap();
                format!("{first}\n{}\n{rest}", original.trim_end().rsplit_once('\n').unwrap().1)
            }),
            ("saved from standard output", printed),
        ] {
            fs::write(&file, &edited).unwrap();
            if format != "table" && what == "saved from standard output" {
                assert_eq!(edited, original, "{format}: standard output is what the file holds");
                assert_eq!(run_in(&corpus, &args).code, 1, "{format}: replaced");
                continue;
            }
            let refused = run_in(&corpus, &args);
            assert_eq!(refused.code, 2, "{format}, {what}: {}", refused.stderr);
            // The table's only marker is its seal line: without it, it is
            // anyone's text, refused as such.
            let why = if format == "table" && matches!(what, "the seal deleted" | "saved from standard output") {
                "exists and was not written by crosscheck; not overwriting it"
            } else {
                "was written by crosscheck but has been changed since it was written; not overwriting it"
            };
            assert!(refused.stderr.contains(&format!("error: {path} {why}")), "{format}, {what}: {}", refused.stderr);
            assert!(refused.stderr.contains("--force"), "{}", refused.stderr);
            assert!(refused.stderr.contains("no report written"), "refused before the run: {}", refused.stderr);
            assert_eq!(fs::read_to_string(&file).unwrap(), edited, "{format}, {what}: the editor's text is kept");
        }
        let mut forced = args.to_vec();
        forced.push("--force");
        assert_eq!(run_in(&corpus, &forced).code, 1);
        assert_eq!(fs::read_to_string(&file).unwrap(), original, "{format}: --force replaces it");
    }
}

/// A JSON report written with `--output` carries a seal as its last key:
/// edited by hand (a verdict changed, reformatted by a tool, the seal
/// changed), it is kept; as written, or saved from standard output (which
/// carries no seal), it is replaced.
#[test]
fn output_never_overwrites_an_edited_json_report() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = root().join("tests/fixtures/verdicts/conflict");
    let file = dir.path().join("report.json");
    let path = file.to_str().unwrap();
    let args = ["check", "--format", "json", "--output", path];
    assert_eq!(run_in(&corpus, &args).code, 1);
    let original = fs::read_to_string(&file).unwrap();
    let pretty = serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&original).unwrap()).unwrap();
    for (what, edited) in [
        ("a verdict changed", original.replacen("\"verdict\": \"conflict\"", "\"verdict\": \"agree\"", 1)),
        ("reformatted", pretty + "\n"),
        ("the seal changed", original.replacen("\"seal\": \"", "\"seal\": \"1", 1)),
        ("notes after it", format!("{original}\n")),
    ] {
        assert_ne!(edited, original, "{what}");
        fs::write(&file, &edited).unwrap();
        let refused = run_in(&corpus, &args);
        assert_eq!(refused.code, 2, "{what}: {}", refused.stderr);
        // (Reformatted, its first line is no longer crosscheck's: refused as anyone's file.)
        let why = if what == "reformatted" {
            "exists and was not written by crosscheck"
        } else {
            "was written by crosscheck but has been changed since it was written"
        };
        assert!(refused.stderr.contains(why), "{what}: {}", refused.stderr);
        assert_eq!(fs::read_to_string(&file).unwrap(), edited, "{what}: kept");
    }
    let printed = run_in(&corpus, &["check", "--format", "json"]).stdout;
    fs::write(&file, &printed).unwrap();
    assert_eq!(run_in(&corpus, &args).code, 1, "saved from standard output: replaced");
    assert_eq!(fs::read_to_string(&file).unwrap(), original);
}

/// A named pipe nobody reads: the run ends at once with an error naming it
/// (it used to wait for ever, opening the pipe to look for edits), and the
/// pipe stays a pipe, with --force too.
#[cfg(unix)]
#[test]
fn output_into_a_named_pipe_nobody_reads_fails_at_once_and_keeps_the_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("pipe");
    if !mkfifo(&pipe) {
        eprintln!("*** SKIPPED: no mkfifo ***");
        return;
    }
    let corpus = root().join("tests/fixtures/verdicts/conflict");
    for force in [false, true] {
        let mut args = vec!["check", "--output", pipe.to_str().unwrap()];
        if force {
            args.push("--force");
        }
        let run = finish_within(command(&corpus, &args), 30);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr
                .contains(&format!("cannot write {}: it is a named pipe that no program is reading", pipe.display())),
            "{}",
            run.stderr
        );
        assert!(fs::symlink_metadata(&pipe).unwrap().file_type().is_fifo(), "force={force}: still a pipe");
    }
}

/// A named pipe with a reader gets the report, as standard output would,
/// sealed as a file is; the pipe is not replaced.
#[cfg(unix)]
#[test]
fn output_into_a_named_pipe_with_a_reader_writes_into_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("pipe");
    if !mkfifo(&pipe) {
        eprintln!("*** SKIPPED: no mkfifo ***");
        return;
    }
    let corpus = root().join("tests/fixtures/verdicts/conflict");
    // The reader holds the pipe open for reading and writing, so it is
    // there before the binary opens it, and is never left waiting.
    let reader = fs::OpenOptions::new().read(true).write(true).open(&pipe).unwrap();
    let run =
        finish_within(command(&corpus, &["check", "--format", "markdown", "--output", pipe.to_str().unwrap()]), 30);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    let mut got = vec![0; 1 << 16];
    let n = std::io::Read::read(&mut &reader, &mut got).unwrap();
    let got = String::from_utf8_lossy(&got[..n]);
    let printed = run_in(&corpus, &["check", "--format", "markdown"]).stdout;
    assert_eq!(got, printed);
    assert!(got.trim_end().rsplit_once('\n').unwrap().1.starts_with("<!-- crosscheck seal "), "{got}");
    assert!(fs::symlink_metadata(&pipe).unwrap().file_type().is_fifo(), "still a pipe");
}

/// `--output /dev/null` (here through a link, which the tool follows as it
/// would `/dev/null` itself): the report is written into the device, which
/// stays; the exit code is the check's. A socket is refused.
#[cfg(unix)]
#[test]
fn output_into_a_device_writes_into_it_and_never_replaces_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let null = dir.path().join("null");
    std::os::unix::fs::symlink("/dev/null", &null).unwrap();
    let corpus = root().join("tests/fixtures/verdicts/conflict");
    for extra in [&[][..], &["--force"][..]] {
        let mut args = vec!["check", "--format", "html", "--output", null.to_str().unwrap()];
        args.extend_from_slice(extra);
        let run = finish_within(command(&corpus, &args), 60);
        assert_eq!(run.code, 1, "{extra:?}: {}", run.stderr);
        assert!(fs::symlink_metadata(&null).unwrap().file_type().is_symlink(), "the link stays");
        assert!(fs::metadata("/dev/null").unwrap().file_type().is_char_device(), "/dev/null stays a device");
    }
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, vec![std::ffi::OsString::from("null")], "no temporary file left");
    let socket = dir.path().join("socket");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let run = finish_within(command(&corpus, &["check", "--output", socket.to_str().unwrap(), "--force"]), 30);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains(&format!("cannot write {}: it is a socket, not a file", socket.display())));
    assert!(run.stderr.contains("leave out --output"), "{}", run.stderr);
    assert!(fs::symlink_metadata(&socket).unwrap().file_type().is_socket(), "the socket stays");
}

/// `--output /dev/stdout` into a pipe (`| cat`) is standard output, written
/// as a file is; it used to say "its folder does not exist".
#[cfg(target_os = "linux")]
#[test]
fn output_to_dev_stdout_into_a_pipe_writes_the_report() {
    let corpus = root().join("tests/fixtures/verdicts/conflict");
    let run = finish_within(command(&corpus, &["check", "--format", "json", "--output", "/dev/stdout"]), 30);
    assert_eq!(run.code, 1, "{}", run.stderr);
    // What the file would hold: standard output's document, and its seal.
    let printed = run_in(&corpus, &["check", "--format", "json"]).stdout;
    let (body, _) = run.stdout.rsplit_once(",\n  \"seal\": \"").expect("a seal key");
    assert_eq!(format!("{body}\n}}\n"), printed);
}

// ---------------------------------------------------------------- standard output

/// `crosscheck check --format json | head`: the reader goes away before the
/// report is written. Writing stops quietly: no panic, no error, and the
/// exit code is the check's.
#[test]
fn a_reader_that_stops_reading_is_no_error() {
    let args = ["check", "--format", "json", "--all"];
    let whole = run_in(&root(), &args);
    for format in ["json", "table", "markdown", "html", "claimreview"] {
        let mut cmd = command(&root(), &["check", "--format", format, "--all"]);
        cmd.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        drop(child.stdout.take()); // closed before the binary writes a byte
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(!stderr.contains("panicked") && !stderr.contains("cannot write"), "{format}: {stderr}");
        assert_eq!(out.status.code(), Some(whole.code), "{format}: {stderr}");
    }
}

/// A report that cannot be written (here a full disk) is an error, exit 2,
/// not a silent half report.
#[cfg(target_os = "linux")]
#[test]
fn standard_output_that_cannot_be_written_is_an_error() {
    for format in ["json", "html", "table", "markdown"] {
        let mut cmd = command(&root(), &["check", "--format", format, "--all"]);
        cmd.stdout(fs::File::create("/dev/full").unwrap());
        let run = finish(cmd);
        assert_eq!(run.code, 2, "{}", run.stderr);
        // Said once, not once by the report and again by the final flush.
        assert_eq!(run.stderr.matches("error: cannot write to standard output").count(), 1, "{format}: {}", run.stderr);
    }
    let mut cmd = command(&root(), &["sources"]);
    cmd.stdout(fs::File::create("/dev/full").unwrap());
    let run = finish(cmd);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.stderr.matches("error: cannot write to standard output").count(), 1, "{}", run.stderr);
}

// ---------------------------------------------------------------- examples

/// `docs/examples/report.{html,md}` are what the binary writes for the
/// bundled corpus now.
#[test]
fn the_committed_examples_are_current() {
    for (format, name) in [("html", "report.html"), ("markdown", "report.md")] {
        let run = run_in(&root(), &["check", "--format", format]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        let path = root().join("docs/examples").join(name);
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, &run.stdout).unwrap();
            continue;
        }
        let committed = fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == run.stdout,
            "{} is stale: regenerate with UPDATE_SNAPSHOTS=1 cargo test --test reports, and review the diff",
            path.display()
        );
    }
}

// ---------------------------------------------------------------- passages

/// Only the HTML report shows the passage around a quote, so the other
/// formats run without cutting passages (`check::Passages::Skip`); what
/// they write must not change for it, and the HTML report must have them.
#[test]
fn skipping_passages_changes_no_report_but_html_needs_them() {
    use crosscheck::check::{run_with, Passages};
    use crosscheck::report::{write, Format, Options};
    use crosscheck::tolerance::Tolerances;
    let progress = crosscheck::progress::Silent;
    let (claims, articles) = (root().join("claims"), root().join("articles"));
    let keep = run_with(&claims, &articles, &Tolerances::default(), Passages::Keep, &progress);
    let skip = run_with(&claims, &articles, &Tolerances::default(), Passages::Skip, &progress);
    let kept = keep.facts.iter().flat_map(|f| &f.claims).filter(|c| c.context.is_some()).count();
    assert!(kept > 100, "the seed corpus's claims have passages when kept ({kept})");
    assert!(skip.facts.iter().flat_map(|f| &f.claims).all(|c| c.context.is_none()));
    let options =
        Options { all: true, color: false, width: Some(200), review_url: Some("https://example.org/check".into()) };
    for format in [Format::Table, Format::Json, Format::Markdown, Format::ClaimReview] {
        assert_eq!(format.passages(), Passages::Skip, "{format:?}");
        let (mut a, mut b) = (Vec::new(), Vec::new());
        write(&keep, format, &options, &mut a).unwrap();
        write(&skip, format, &options, &mut b).unwrap();
        assert!(!a.is_empty());
        assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b), "{format:?}");
    }
    assert_eq!(Format::Html.passages(), Passages::Keep);
}

/// A report narrowed to one source (`check --source`) cuts passages only for
/// the claims of the facts that source speaks to, all of theirs, other
/// sources' claims included, and the same passages as a whole run.
#[test]
fn a_focused_run_keeps_the_passages_of_the_sources_facts_only() {
    use crosscheck::check::{run_with, Passages};
    use crosscheck::tolerance::Tolerances;
    let progress = crosscheck::progress::Silent;
    let (claims, articles) = (root().join("claims"), root().join("articles"));
    let keep = run_with(&claims, &articles, &Tolerances::default(), Passages::Keep, &progress);
    let source = keep.source_views.iter().position(|s| s.id == "itar-tass-2013-10-07").unwrap();
    let focused = run_with(&claims, &articles, &Tolerances::default(), Passages::KeepFor(vec![source]), &progress);
    assert_eq!(keep.facts.len(), focused.facts.len());
    let (mut with, mut without, mut others) = (0, 0, 0);
    for (whole, f) in keep.facts.iter().zip(&focused.facts) {
        assert_eq!(whole.id, f.id);
        let speaks = f.claims.iter().any(|c| c.source.id == "itar-tass-2013-10-07");
        for (a, b) in whole.claims.iter().zip(&f.claims) {
            if speaks {
                assert_eq!(a.context, b.context, "{}: {}", f.id, b.id);
                with += usize::from(b.context.is_some());
                others += usize::from(b.context.is_some() && b.source.id != "itar-tass-2013-10-07");
            } else {
                assert!(b.context.is_none(), "{}: {}", f.id, b.id);
                without += usize::from(a.context.is_some());
            }
        }
    }
    assert!(with > 0 && without > 0 && others > 0, "{with} kept, {others} of other sources; {without} not cut");
}

// ------------------------------------------------------- a fact of many claims

/// A death toll reported by 150 articles, each a different number: 11,175
/// pairs, more than a fact lists (`compare::PAIRS_LISTED`, 10,000). The JSON
/// lists that many and counts the rest in `pairs_left_out`; the page says
/// how many of how many it lists; a fact of few pairs has no such key.
#[test]
fn a_fact_with_more_pairs_than_listed_says_how_many_were_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let (claims, articles) = (dir.path().join("claims"), dir.path().join("articles"));
    fs::create_dir_all(&claims).unwrap();
    fs::create_dir_all(&articles).unwrap();
    fs::write(claims.join("entities.yaml"), "entities:\n  - name: Aleppo siege\n    kind: event\n").unwrap();
    for k in 0..150 {
        let quote = format!("the death toll has risen to {} people", 1000 + 7 * k);
        fs::write(articles.join(format!("a{k}.txt")), format!("Officials said that {quote}.\n")).unwrap();
        fs::write(
            claims.join(format!("a{k}.yaml")),
            format!(
                "source:\n  id: a{k}\n  outlet: Outlet {}\n  published: 2015-01-{:02}\n  article: a{k}.txt\nclaims:\n  \
                 - id: toll\n    subject: Aleppo siege\n    property: death_toll\n    value: \"{}\"\n    quote: {quote}\n",
                k % 12,
                1 + k % 28,
                1000 + 7 * k
            ),
        )
        .unwrap();
    }
    let run = run_in(dir.path(), &["check", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let fact = &doc["facts"][0];
    assert_eq!(fact["verdict"], "conflict");
    assert_eq!(fact["pairs"].as_array().unwrap().len(), 10_000);
    assert_eq!(fact["pairs_left_out"], 150 * 149 / 2 - 10_000);
    assert!(fact["pairs"].as_array().unwrap().iter().all(|p| p["relation"] == "disjoint"));
    let page = run_in(dir.path(), &["check", "--format", "html"]).stdout;
    assert!(
        page.contains(
            "How the claims relate (10,000 pairs of 11,175, chosen in this order: those that cannot both be true, \
             revisions, differences in precision, equal ones; listed in claim order"
        ),
        "the page says so"
    );
    // A fact of few pairs lists them all, without the key.
    let bundled = run_in(&root(), &["check", "--format", "json", "--all"]).stdout;
    assert!(!bundled.contains("pairs_left_out"));
}
