//! Integration tests: run the real binary over fixture folders.
//!
//! `tests/fixtures/verdicts/NAME` holds one small corpus per verdict;
//! `tests/fixtures/bad/NAME` one per kind of bad input, each expected to give
//! exit 2 and an error naming its file and line. Inputs that cannot be
//! committed (invalid UTF-8, symbolic links, huge files) are made by the test.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path)
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    let run = Run {
        code: out.status.code().expect("exited with a code, not a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    };
    assert!(!run.stderr.contains("panicked"), "the binary panicked:\n{}", run.stderr);
    run
}

fn json_in(dir: &Path, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let run = run_in(dir, &args);
    (run.code, serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}\n{}", run.stdout)))
}

fn verdicts(doc: &Value) -> Vec<(String, String)> {
    doc["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["id"].as_str().unwrap().to_string(), f["verdict"].as_str().unwrap().to_string()))
        .collect()
}

// ---------------------------------------------------------------- verdicts

#[test]
fn each_verdict_fixture_gets_its_verdict() {
    let cases = [
        ("single", "syrian-civil-war.death_toll", "single", 0),
        ("agree", "geneva-ii-conference.location", "agree", 0),
        ("compatible", "syrian-civil-war.death_toll", "compatible", 0),
        ("revised", "moscow-summit.status", "revised", 0),
        ("conflict", "moscow-summit.status", "conflict", 1),
    ];
    for (dir, fact, verdict, code) in cases {
        let (got_code, doc) = json_in(&fixture(&format!("verdicts/{dir}")), &["--all"]);
        assert_eq!(verdicts(&doc), vec![(fact.to_string(), verdict.to_string())], "{dir}");
        assert_eq!(got_code, code, "{dir}: exit code");
        assert_eq!(doc["errors"].as_array().unwrap().len(), 0, "{dir}: {}", doc["errors"]);
    }
}

#[test]
fn dates_differing_in_precision_are_compatible_and_a_replaced_plan_is_revised() {
    let (code, doc) = json_in(&fixture("verdicts/dates"), &["--all"]);
    assert_eq!(doc["errors"].as_array().unwrap().len(), 0, "{}", doc["errors"]);
    assert_eq!(verdicts(&doc), vec![("geneva-ii.date".to_string(), "revised".to_string())]);
    assert_eq!(code, 0);
    let pairs = doc["facts"][0]["pairs"].as_array().unwrap();
    let relation = |a: &str, b: &str| {
        pairs.iter().find(|p| p["a"] == a && p["b"] == b).map(|p| p["relation"].as_str().unwrap().to_string())
    };
    assert_eq!(relation("a/date", "b/date").as_deref(), Some("wider"));
    assert_eq!(relation("b/date", "c/date").as_deref(), Some("disjoint"));
    assert!(pairs.iter().any(|p| p["revision"] == true));
}

#[test]
fn fail_on_sets_the_threshold() {
    let conflict = fixture("verdicts/conflict");
    assert_eq!(run_in(&conflict, &["check"]).code, 1);
    assert_eq!(run_in(&conflict, &["check", "--fail-on", "never"]).code, 0);
    let compatible = fixture("verdicts/compatible");
    assert_eq!(run_in(&compatible, &["check"]).code, 0);
    assert_eq!(run_in(&compatible, &["check", "--fail-on", "compatible"]).code, 1);
    assert_eq!(run_in(&fixture("verdicts/revised"), &["check", "--fail-on", "revised"]).code, 1);
    assert_eq!(run_in(&fixture("verdicts/revised"), &["check", "--fail-on", "conflict"]).code, 0);
}

#[test]
fn the_table_shows_only_what_needs_a_look_unless_all() {
    let dir = fixture("verdicts/agree");
    let run = run_in(&dir, &["check", "--width", "100"]);
    assert!(!run.stdout.contains("geneva-ii-conference.location"), "{}", run.stdout);
    assert!(run.stdout.contains("1 fact where the sources agree or stand alone not shown"), "{}", run.stdout);
    let run = run_in(&dir, &["check", "--all", "--width", "100"]);
    assert!(run.stdout.contains("geneva-ii-conference.location"), "{}", run.stdout);
    assert!(run.stdout.contains("AGREE"));
    assert!(run.stdout.lines().all(|l| l.chars().count() <= 100), "wider than 100:\n{}", run.stdout);
    assert!(!run.stdout.contains('\u{1b}'), "no colour when piped");
}

#[test]
fn markdown_lists_quotes_and_escapes_pipes() {
    let run = run_in(&fixture("verdicts/conflict"), &["check", "--format", "markdown"]);
    assert!(run.stdout.contains("| `moscow-summit.status` | **conflict** |"), "{}", run.stdout);
    assert!(run.stdout.contains("  > the visit was postponed by the American side"), "{}", run.stdout);
}

// ---------------------------------------------------------------- bad input

/// Each bad fixture: exit 2, and each expected line on stderr.
#[test]
fn every_bad_input_gets_a_clear_error_and_exit_2() {
    let cases: &[(&str, &[&str])] = &[
        ("broken-yaml", &["claims/a.yaml:4:11: error: invalid YAML"]),
        ("unknown-key", &["claims/a.yaml:6:5: error: unknown key 'valeu' in a claim", "did you mean 'value'?"]),
        ("duplicate-id", &["claims/a.yaml:4:10: error: claim id 'venue' is used twice", "the first is on line 3"]),
        ("duplicate-key", &["claims/a.yaml:7:5: error: duplicate key 'value' in a claim"]),
        (
            "missing-quote",
            &[
                "claims/a.yaml:3:75: error: the quote of claim 'venue' is not in its article a.txt",
                "closest passage (78% similar): \"The talks were held in Geneva on Friday,\"",
            ],
        ),
        ("bad-date", &["claims/a.yaml:1:46: error: published '2013-02-30' is not a calendar date", "YYYY-MM-DD"]),
        ("article-outside", &["error: article path '../claims/a.yaml' leaves the articles directory"]),
        ("absolute-article", &["error: article path '/etc/passwd' leaves the articles directory"]),
        ("missing-article", &["claims/a.yaml:1:9: error: article 'b.txt' of source 'a' not found"]),
        ("empty-file", &["claims/a.yaml: error: the file is empty"]),
        ("comment-only", &["claims/a.yaml: error: the file is empty"]),
        (
            "wrong-types",
            &[
                "claims/a.yaml:2:7: error: 'id' in 'source' should be text, found a list",
                "claims/a.yaml:8:14: error: 'subject' in a claim should be text, found a mapping",
                "claims/a.yaml:10:12: error: the claim's 'value' is a mapping",
                "claims/a.yaml:12:5: error: a claim should be a mapping of keys, found a scalar",
            ],
        ),
        ("claims-not-a-list", &["claims/a.yaml:3:5: error: 'claims' should be a list, found a mapping"]),
        (
            "unknown-type",
            &["error: unknown type 'entiti'", "did you mean 'entity'?", "error: unknown hedge 'sure'"],
        ),
        (
            "bad-value",
            &["claims/a.yaml:3:61: error: cannot read 'a great many' as a number", "error: cannot read 'the day the music died' as a date"],
        ),
        ("duplicate-source", &["claims/b.yaml:1:9: error: source id 'a' is used twice", "claims/a.yaml"]),
        (
            "alias-collision",
            &[
                "claims/entities.yaml:3:5: error: 'geneva TALKS' is a name or alias of both 'Geneva II conference' and 'Geneva III talks'",
                "claims/entities.yaml:4:26: error: unknown entity kind 'plce'",
            ],
        ),
        ("not-yaml", &["claims/notes.txt: error: not a claim file"]),
        (
            "missing-fields",
            &["claims/a.yaml:1:9: error: 'source' has no 'published'", "claims/a.yaml:3:5: error: a claim has no 'property'"],
        ),
        (
            "many-errors",
            &[
                "claims/a.yaml:3:73: error: the quote of claim 'one' is not in its article",
                "claims/a.yaml:4:51: error: unknown key 'vale' in a claim",
                "claims/b.yaml:1:46: error: published '2013-13-01' is not a calendar date",
                "4 input errors",
            ],
        ),
    ];
    let all: Vec<String> = std::fs::read_dir(fixture("bad"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for name in &all {
        assert!(cases.iter().any(|(c, _)| c == name), "fixture bad/{name} has no expectation here");
    }
    for (name, expected) in cases {
        let run = run_in(&fixture(&format!("bad/{name}")), &["check"]);
        assert_eq!(run.code, 2, "bad/{name}: exit code\n{}", run.stderr);
        for line in *expected {
            assert!(run.stderr.contains(line), "bad/{name}: stderr lacks {line:?}:\n{}", run.stderr);
        }
        assert!(run.stderr.contains("input error"), "bad/{name}: no summary line:\n{}", run.stderr);
    }
}

#[test]
fn json_carries_the_errors_too() {
    let (code, doc) = json_in(&fixture("bad/many-errors"), &[]);
    assert_eq!(code, 2);
    let errors = doc["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 4, "{errors:?}");
    assert_eq!(errors[0]["file"], "claims/a.yaml");
    assert_eq!(errors[0]["line"], 3);
}

/// A scratch corpus with one good claim, for inputs made at run time.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("claims")).unwrap();
    std::fs::create_dir_all(dir.path().join("articles")).unwrap();
    std::fs::write(dir.path().join("articles/a.txt"), "The talks were held in Geneva.\n").unwrap();
    dir
}

const GOOD: &str = "source: {id: a, outlet: A, published: 2013-08-09, article: a.txt}\nclaims:\n  - {id: venue, subject: talks, property: location, value: Geneva, quote: held in Geneva}\n";

#[test]
fn invalid_utf8_is_named_with_its_line() {
    let dir = scratch();
    let mut bytes = GOOD.as_bytes().to_vec();
    bytes.extend_from_slice(b"# caf\xe9\n");
    std::fs::write(dir.path().join("claims/a.yaml"), bytes).unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("claims/a.yaml:4:6: error: the file is not valid UTF-8"), "{}", run.stderr);
}

#[test]
fn a_bom_and_crlf_line_ends_are_fine() {
    let dir = scratch();
    let text = format!("\u{feff}{}", GOOD.replace('\n', "\r\n"));
    std::fs::write(dir.path().join("claims/a.yaml"), text).unwrap();
    let run = run_in(dir.path(), &["check", "--all"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("talks.location"), "{}", run.stdout);
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_articles_directory_is_refused() {
    let dir = scratch();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "The talks were held in Geneva.\n").unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.txt"), dir.path().join("articles/b.txt")).unwrap();
    std::fs::write(dir.path().join("claims/a.yaml"), GOOD.replace("a.txt", "b.txt")).unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("leads outside the articles directory"), "{}", run.stderr);
}

#[test]
fn an_alias_bomb_fails_fast() {
    let dir = scratch();
    let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    let names: Vec<char> = "bcdefghijk".chars().collect();
    let mut prev = 'a';
    for n in names {
        text.push_str(&format!(
            "{n}: &{n} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        ));
        prev = n;
    }
    std::fs::write(dir.path().join("claims/a.yaml"), text).unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("alias bomb"), "{}", run.stderr);
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let dir = scratch();
    let file = std::fs::File::create(dir.path().join("claims/big.yaml")).unwrap();
    file.set_len(crosscheck::load::MAX_FILE_BYTES + 1).unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("claims/big.yaml: error: the file is"), "{}", run.stderr);
}

#[test]
fn a_missing_claims_directory_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("claims directory 'claims' not found"), "{}", run.stderr);
    assert!(run.stderr.contains("--claims DIR"), "{}", run.stderr);
}

#[test]
fn bad_arguments_exit_2() {
    let dir = fixture("verdicts/single");
    assert_eq!(run_in(&dir, &["check", "--format", "yaml"]).code, 2);
    assert_eq!(run_in(&dir, &["when", "today", "--as-of", "2013-02-30"]).code, 2);
}

// ---------------------------------------------------------------- when

#[test]
fn when_prints_the_interval_of_an_expression() {
    let dir = fixture("verdicts/single");
    let run = run_in(&dir, &["when", "mid-November", "--as-of", "2013-10-07"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("mid-November\t2013-11-11 .. 2013-11-20\t"), "{}", run.stdout);
}

#[test]
fn when_json_gives_one_object_a_line_with_open_ends_as_null() {
    let dir = fixture("verdicts/single");
    let run = run_in(&dir, &["when", "sometime after August", "--as-of", "2013-08-12", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: Value = serde_json::from_str(run.stdout.trim()).unwrap();
    assert_eq!(v["expression"], "sometime after August");
    assert_eq!(v["as_of"], "2013-08-12");
    assert_eq!(v["start"], "2013-09-01");
    assert_eq!(v["end"], Value::Null);
    assert_eq!(v["precision"], "open");
}

#[test]
fn when_reads_stdin_line_by_line_and_exits_2_on_what_it_cannot_read() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["when", "--as-of", "2016-03-05", "--format", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"late Friday\nthe day the music died\nMarch 9\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let lines: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3, "one line per expression, errors included");
    assert_eq!(lines[0]["start"], "2016-03-04");
    assert!(lines[1]["error"].as_str().unwrap().contains("the day the music died"));
    assert_eq!(lines[2]["start"], "2016-03-09");
    assert!(String::from_utf8(out.stderr).unwrap().contains("error: cannot read 'the day the music died'"));
}

#[test]
fn when_past_and_future_choose_a_bare_month() {
    let dir = fixture("verdicts/single");
    let past = run_in(&dir, &["when", "August", "--as-of", "2013-03-20", "--past"]);
    let future = run_in(&dir, &["when", "August", "--as-of", "2013-03-20", "--future"]);
    assert!(past.stdout.contains("2012-08-01 .. 2012-08-31"), "{}", past.stdout);
    assert!(future.stdout.contains("2013-08-01 .. 2013-08-31"), "{}", future.stdout);
}

// ---------------------------------------------------------------- show

#[test]
fn show_draws_the_timeline_of_a_subject_found_by_alias() {
    let run = run_in(&fixture("verdicts/dates"), &["show", "geneva ii"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("geneva-ii.date — REVISED"), "{}", run.stdout);
    assert!(run.stdout.contains("timeline"), "{}", run.stdout);
    let rows: Vec<&str> =
        run.stdout.lines().filter(|l| l.starts_with("  2013-") && (l.contains('[') || l.contains('#'))).collect();
    assert_eq!(rows.len(), 3, "{}", run.stdout);
    assert!(rows[0].contains('>'), "after August is open-ended: {}", rows[0]);
}

#[test]
fn show_names_the_subjects_when_nothing_matches() {
    let run = run_in(&fixture("verdicts/dates"), &["show", "Geneva IV"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no claims about 'Geneva IV'"), "{}", run.stderr);
    assert!(run.stderr.contains("Geneva II"), "{}", run.stderr);
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let dir = fixture("verdicts/conflict");
    let always = run_in(&dir, &["check", "--color", "always"]);
    assert!(always.stdout.contains("\u{1b}["), "--color always colours the table");
    let piped = run_in(&dir, &["check"]);
    assert!(!piped.stdout.contains('\u{1b}'), "a pipe gets no colour");
    let json = run_in(&dir, &["check", "--color", "always", "--format", "json"]);
    assert!(!json.stdout.contains('\u{1b}'), "JSON never gets colour");
}

#[cfg(unix)]
#[test]
fn a_symlink_cycle_in_the_claims_folder_is_reported_not_followed() {
    let dir = scratch();
    std::fs::write(dir.path().join("claims/a.yaml"), GOOD).unwrap();
    std::fs::create_dir(dir.path().join("claims/2013")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("claims"), dir.path().join("claims/2013/loop")).unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("claims/2013/loop' leads back into a folder already read"), "{}", run.stderr);
}

#[test]
fn piped_runs_print_no_progress_and_stage_load_stops_after_loading() {
    let dir = fixture("verdicts/conflict");
    // Piped stderr never gets a progress bar: only the findings' diagnostics (none here).
    let quiet = run_in(&dir, &["check", "--quiet"]);
    let plain = run_in(&dir, &["check"]);
    assert_eq!(quiet.stdout, plain.stdout);
    assert_eq!(quiet.stderr, plain.stderr);
    assert!(!plain.stderr.contains('['), "{}", plain.stderr);
    // The benchmark's loading-only run reads everything and reports nothing else.
    let load = run_in(&dir, &["check", "--stage", "load"]);
    assert_eq!(load.code, 0);
    assert!(load.stdout.is_empty());
    assert!(load.stderr.starts_with("loaded 2 sources"), "{}", load.stderr);
}
