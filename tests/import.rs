//! `import csv` and `sources` through the real binary: a small CSV becomes a
//! corpus that `check` accepts, with the best-supported reading on each fact.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/outlets.csv")
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck")).args(args).env("NO_COLOR", "1").output().unwrap();
    let (stdout, stderr) = (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap());
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().unwrap(), stdout, stderr)
}

fn import(out: &Path, extra: &[&str]) -> (i32, String, String) {
    let csv = fixture();
    let mut args = vec![
        "import",
        "csv",
        csv.to_str().unwrap(),
        "--subject-column",
        "event",
        "--source-column",
        "outlet",
        "--ignore-column",
        "row",
        "--ignore-column",
        "note",
        "--as-of",
        "2020-03-07",
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    run(&args)
}

/// `import csv` of a file with `src` and `flight` columns, as of 2011-12-01.
fn import_flights(csv: &Path, out: &Path) -> (i32, String, String) {
    let (csv, out) = (csv.to_str().unwrap(), out.to_str().unwrap());
    let args = ["import", "csv", csv, "--subject-column", "flight", "--source-column", "src"];
    run(&[&args[..], &["--as-of", "2011-12-01", "--out", out]].concat())
}

/// `check --format json --all` of an imported corpus.
fn check_json(out: &Path) -> (i32, String, String) {
    let (claims, articles) = (out.join("claims"), out.join("articles"));
    run(&[
        "check",
        "--claims",
        claims.to_str().unwrap(),
        "--articles",
        articles.to_str().unwrap(),
        "--format",
        "json",
        "--all",
    ])
}

#[test]
fn an_imported_csv_is_a_corpus_check_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("corpus");
    let (code, stdout, stderr) = import(&out, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("imported 12 claims about 2 subjects from 4 sources (8 rows)"), "{stdout}");
    let (claims, articles) = (out.join("claims"), out.join("articles"));
    let (code, stdout, stderr) = check_json(&out);
    assert_eq!(code, 1, "conflicts found, no input error: {stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let fact = doc["facts"].as_array().unwrap().iter().find(|f| f["id"] == "floods-in-fiji.death_toll").unwrap();
    assert_eq!(fact["verdict"], "conflict");
    assert_eq!(fact["best"]["value"], "12");
    assert_eq!(fact["best"]["start"], 12.0);
    assert_eq!(fact["best"]["sources"], serde_json::json!(["AP", "Le Monde", "Reuters"]));
    assert_eq!(fact["best"]["against"], serde_json::json!(["Daily Echo"]));
    let quake = doc["facts"].as_array().unwrap().iter().find(|f| f["id"] == "quake-in-vanuatu.date").unwrap();
    assert_eq!(quake["best"]["start"], "2020-03-05");

    let (code, stdout, _) = run(&[
        "sources",
        "--claims",
        claims.to_str().unwrap(),
        "--articles",
        articles.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let list = doc["sources"].as_array().unwrap();
    assert_eq!(list.len(), 4);
    assert_eq!(list.last().unwrap()["outlet"], "Daily Echo", "the outlet that is always outvoted is last: {stdout}");
    assert_eq!(list.last().unwrap()["disagreed"], 3);

    // With a day's tolerance, as `check --tolerance 1d` would judge it, the
    // Echo's "6 March 2020" agrees with the best "5 March 2020".
    let args = ["sources", "--claims", claims.to_str().unwrap(), "--articles", articles.to_str().unwrap()];
    let (code, stdout, _) = run(&[&args[..], &["--format", "json", "--tolerance", "date=1d"]].concat());
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let echo = doc["sources"].as_array().unwrap().iter().find(|s| s["outlet"] == "Daily Echo").unwrap();
    assert_eq!(echo["disagreed"], 2, "{stdout}");
    let (code, _, stderr) = run(&[&args[..], &["--tolerance", "soon"]].concat());
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn import_never_writes_into_a_folder_with_something_in_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("keep.txt"), "mine").unwrap();
    let (code, _, stderr) = import(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("is not empty"), "{stderr}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_missing_column_lists_the_header_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = import(&dir.path().join("x"), &["--type", "deaths=number"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no column 'deaths' (--type)"), "{stderr}");
    assert!(stderr.contains("'row', 'outlet', 'event', 'death toll', 'date', 'note'"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(!dir.path().join("x").exists());
}

/// `--as-of` follows the rule of `published` in a claim file (YYYY-MM-DD,
/// years 1800 to 2200): a year 0 was written as `published: "0000-01-01"`,
/// a corpus `check` then refused.
#[test]
fn an_as_of_the_claim_files_would_refuse_is_refused_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = fixture();
    for (as_of, says) in
        [("0000-01-01", "has the year 0"), ("9999-12-31", "has the year 9999"), ("2020-3-7", "is not a date")]
    {
        let out = dir.path().join("o");
        let (code, _, stderr) = run(&[
            "import",
            "csv",
            csv.to_str().unwrap(),
            "--subject-column",
            "event",
            "--source-column",
            "outlet",
            "--as-of",
            as_of,
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 2, "{as_of}: {stderr}");
        assert!(stderr.contains(says), "{as_of}: {stderr}");
        assert!(!out.exists(), "{as_of}: nothing is written");
    }
    let (code, _, stderr) = run(&["when", "--as-of", "9999-12-31", "next year"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("years from 1800 to 2200 are accepted"), "{stderr}");
}

/// A folder or a device given as the CSV is named for what it is ("no such
/// file" before), and never read.
#[test]
fn a_folder_or_device_as_the_csv_is_named_for_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    for (csv, says) in [(dir.path().to_str().unwrap(), "is a folder"), ("/dev/zero", "is a pipe, device or socket")] {
        let out = dir.path().join("o");
        let (code, _, stderr) = import_flights(Path::new(csv), &out);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains(&format!("{csv}: error: the path {says}, not a text file")), "{stderr}");
        assert!(!out.exists());
    }
}

#[test]
fn a_ragged_row_is_named_by_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("r.csv");
    std::fs::write(&csv, "src,flight,a\r\nx,f,1\r\ny,g\r\n").unwrap();
    let out = dir.path().join("o");
    let (code, _, stderr) = import_flights(&csv, &out);
    assert_eq!(code, 2);
    assert!(stderr.contains("r.csv:3: error: this row has 2 fields, the header 3"), "{stderr}");
}

/// The importer's own labels (the header line, column names) are the same in
/// every article it writes; only what a source said may make two sources
/// "share a passage". Two sources giving equal rows are weighed by truth
/// discovery, not declared dependent by the independence rule.
#[test]
fn sources_with_equal_rows_are_not_declared_dependent_by_the_importers_labels() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("rows.csv");
    let mut text = String::from("src,flight,sched_dep_time,act_dep_time\n");
    for src in ["first-site", "second-site", "third-site"] {
        for (flight, sched, act) in
            [("UA-2314-ATL-PHL", "2:55 p.m.", "3:04 p.m."), ("AA-3859-IAH-ORD", "7:10 a.m.", "7:16 a.m.")]
        {
            text.push_str(&format!("{src},{flight},{sched},{act}\n"));
        }
    }
    std::fs::write(&csv, text).unwrap();
    let out = dir.path().join("corpus");
    let (code, _, stderr) = import_flights(&csv, &out);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = check_json(&out);
    assert_eq!(code, 0, "{stderr}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["dependencies"], serde_json::json!([]), "{stdout}");
}

/// `import csv` of tests/fixtures/import/counties.csv (BOM, CRLF, a quoted
/// line break, column names that give no type).
fn import_counties(out: &Path) -> (i32, String, String) {
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/counties.csv");
    let (csv, out) = (csv.to_str().unwrap(), out.to_str().unwrap());
    let args = ["import", "csv", csv, "--subject-column", "County", "--source-column", "Outlet"];
    run(&[&args[..], &["--as-of", "2020-11-05", "--out", out]].concat())
}

/// Regression: a column whose name gives no type ('Votes for Smith',
/// 'Certified') was written with no `type:`, so `check` read "12,345" and
/// "about 12,300" as text (a conflict between "12 345" and "about 12 300")
/// and "TBD" / "n/a" as text values that conflict with dates. The cells now
/// decide: every cell a number -> number, every cell a date (or "n/a") -> date.
#[test]
fn a_column_of_numbers_or_dates_is_read_as_such_whatever_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("corpus");
    let (code, stdout, stderr) = import_counties(&out);
    assert_eq!(code, 0, "{stderr}");
    // Tele Quebec's 'n/a' under 'Certified' marks a missing value: no claim.
    assert!(stdout.contains("imported 9 claims about 1 subject from 4 sources (4 rows)"), "{stdout}");
    assert!(stdout.contains("column 'Votes for Smith' -> votes_for_smith: number (from its cells)\n"), "{stdout}");
    assert!(
        stdout.contains(
            "column 'Certified' -> certified: date (from its cells); skipped 1 cell marking a missing value: 1 'n/a'\n"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("column 'note' -> note: text (its cells are neither numbers nor dates)"), "{stdout}");
    let claims = std::fs::read_to_string(out.join("claims/le-monde-paris.yaml")).unwrap();
    assert!(claims.contains("value: about 12,300\n  type: number\n"), "{claims}");
    let (code, stdout, stderr) = check_json(&out);
    assert_eq!(code, 1, "conflicts found, no input error: {stderr}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let fact = |id: &str| doc["facts"].as_array().unwrap().iter().find(|f| f["id"] == id).unwrap().clone();
    let votes = fact("kings-county.votes_for_smith");
    assert_eq!(votes["best"]["start"], 12345.0, "{votes}");
    assert_eq!(votes["best"]["sources"], serde_json::json!(["AP/Reuters", "Tele Quebec"]));
    let certified = fact("kings-county.certified");
    assert_eq!(certified["verdict"], "agree", "{certified}");
    assert_eq!(certified["best"]["start"], "2020-11-04", "{certified}");
}

/// Some cells read as numbers, one does not: the column stays text and the
/// importer says which cell kept it so.
#[test]
fn a_column_with_one_cell_that_is_not_a_number_stays_text_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("t.csv");
    std::fs::write(&csv, "src,place,mood\na,X,61%\nb,X,0.61\nc,X,high\n").unwrap();
    let out = dir.path().join("corpus");
    let (csv, out) = (csv.to_str().unwrap(), out.to_str().unwrap());
    let args = ["import", "csv", csv, "--subject-column", "place", "--source-column", "src"];
    let (code, stdout, stderr) = run(&[&args[..], &["--as-of", "2020-11-05", "--out", out]].concat());
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(
            "column 'mood' -> mood: text (2 of 3 cells read as numbers, not 'high'; \
             --type 'mood'=TYPE to choose)"
        ),
        "{stdout}"
    );
}

/// Regression: the registry named a subject by the spelling of its first row
/// and numbered sources that share a slug in row order, so the same CSV with
/// its rows reversed gave another `entities.yaml` ("bus crash in lima" vs
/// "Bus crash in Lima" as the fact's subject in `check`) and swapped
/// `co.yaml` and `co-2.yaml`.
#[test]
fn reordered_rows_give_the_same_registry_source_files_and_report() {
    let dir = tempfile::tempdir().unwrap();
    let header = "src,event,killed\n";
    let rows = ["CO,Bus crash in Lima,12\n", "co,bus crash in lima,11\n", "AP,Bus crash in Lima,12\n"];
    let mut outputs = Vec::new();
    for (n, order) in [[0, 1, 2], [1, 2, 0]].iter().enumerate() {
        let csv = dir.path().join(format!("t{n}/t.csv"));
        std::fs::create_dir_all(csv.parent().unwrap()).unwrap();
        std::fs::write(&csv, format!("{header}{}", order.iter().map(|&i| rows[i]).collect::<String>())).unwrap();
        let out = dir.path().join(format!("t{n}/out"));
        let (c, o) = (csv.to_str().unwrap(), out.to_str().unwrap());
        let args = ["import", "csv", c, "--subject-column", "event", "--source-column", "src"];
        let (code, _, stderr) = run(&[&args[..], &["--as-of", "2020-01-10", "--out", o]].concat());
        assert_eq!(code, 0, "{stderr}");
        let registry = std::fs::read_to_string(out.join("claims/entities.yaml")).unwrap();
        let co = std::fs::read_to_string(out.join("claims/co.yaml")).unwrap();
        let (_, json, _) = check_json(&out);
        outputs.push((registry, co.contains("outlet: CO\n"), json.replace(&format!("t{n}"), "tN")));
    }
    assert!(outputs[0].0.contains("- name: Bus crash in Lima\n"), "{}", outputs[0].0);
    assert!(outputs[0].1, "CO sorts before co, so it is co.yaml");
    assert_eq!(outputs[0].0, outputs[1].0);
    assert_eq!(outputs[0].1, outputs[1].1);
    let facts = |j: &str| serde_json::from_str::<serde_json::Value>(j).unwrap()["facts"].clone();
    let strip = |mut f: serde_json::Value| {
        // claim locations are lines in each source's file, which follow its own rows' order
        for fact in f.as_array_mut().unwrap() {
            for claim in fact["claims"].as_array_mut().unwrap() {
                claim.as_object_mut().unwrap().remove("location");
            }
        }
        f
    };
    assert_eq!(strip(facts(&outputs[0].2)), strip(facts(&outputs[1].2)));
}

/// Regression: an `attendees` cell "Merkel; Macron; Trudeau" (names as
/// spreadsheets list them) was one name, so it conflicted with
/// "Merkel, Macron, Trudeau" from another source.
#[test]
fn a_cell_of_names_separated_by_semicolons_is_a_list_of_names() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("t.csv");
    std::fs::write(&csv, "src,meeting,attendees\na,G7,Merkel; Macron; Trudeau\nb,G7,\"Merkel, Macron, Trudeau\"\n")
        .unwrap();
    let out = dir.path().join("corpus");
    let (c, o) = (csv.to_str().unwrap(), out.to_str().unwrap());
    let args = ["import", "csv", c, "--subject-column", "meeting", "--source-column", "src"];
    let (code, _, stderr) = run(&[&args[..], &["--as-of", "2019-08-25", "--out", o]].concat());
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = check_json(&out);
    assert_eq!(code, 0, "{stderr}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let fact = doc["facts"].as_array().unwrap().iter().find(|f| f["id"] == "g7.attendees").unwrap();
    assert_eq!(fact["verdict"], "agree", "{fact}");
}

/// `import csv` of `text` (written as t.csv) with `src` and `event` columns and `extra` options.
fn import_text(dir: &Path, text: &str, extra: &[&str]) -> (i32, String, String, PathBuf) {
    let csv = dir.join("t.csv");
    std::fs::write(&csv, text).unwrap();
    let out = dir.join("corpus");
    let (c, o) = (csv.to_str().unwrap(), out.to_str().unwrap());
    let args = ["import", "csv", c, "--subject-column", "event", "--source-column", "src"];
    let (code, stdout, stderr) = run(&[&args[..], extra, &["--as-of", "2020-11-05", "--out", o]].concat());
    (code, stdout, stderr, out)
}

/// Regression: 'n/a', 'NA', '-', '—' or 'null' in a column of numbers made
/// the whole column text (they read as dates that say there is none, and not
/// as numbers), so '12,345' and 'about 12,300' conflicted as text. A marker
/// is now an empty cell in a number or date column, counted in the summary;
/// 'none' is not one: it reads as zero.
#[test]
fn a_missing_value_marker_in_a_number_column_is_no_claim_and_is_counted() {
    let dir = tempfile::tempdir().unwrap();
    let text = "src,event,votes,certified\nAP,Race,\"12,345\",2020-11-04\nReuters,Race,n/a,N/A\n\
                BBC,Race,NA,-\nCNN,Race,\u{2014},null\nFox,Race,none,2020-11-04\nABC,Race,about 12k,\n";
    let (code, stdout, stderr, out) = import_text(dir.path(), text, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("imported 5 claims about 1 subject from 6 sources (6 rows)"), "{stdout}");
    assert!(
        stdout.contains(
            "column 'votes' -> votes: number (from its cells); skipped 3 cells marking a missing value: \
             1 'NA', 1 'n/a', 1 '\u{2014}'\n"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "column 'certified' -> certified: date (from its cells); skipped 3 cells marking a missing value: \
             1 '-', 1 'N/A', 1 'null'\n"
        ),
        "{stdout}"
    );
    let reuters = std::fs::read_to_string(out.join("claims/reuters.yaml")).unwrap();
    assert!(!reuters.contains("value:"), "{reuters}");
    let fox = std::fs::read_to_string(out.join("claims/fox.yaml")).unwrap();
    assert!(fox.contains("value: none\n  type: number\n"), "'none' is zero, a claim: {fox}");
    let (code, _, stderr) = check_json(&out);
    assert_eq!(code, 1, "a conflict (none against 12,345), no input problem: {stderr}");
    assert!(!stderr.contains("error") && !stderr.contains("not known"), "{stderr}");
}

/// Regression: `--type votes=number` on a cell 'lots' wrote a claim that
/// `check` then refused (an error in the generated YAML, with a help to set
/// `type: text` there). The import now refuses the cell at its CSV line and
/// column, and writes nothing; so for a column typed by its name.
#[test]
fn a_cell_that_does_not_read_as_its_columns_type_is_an_error_at_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        "src,event,votes,death toll\nAP,Race,\"12,345\",3\nReuters,\"Race, B\",lots,dozens\nBBC,Race,12k,unclear\n";
    let (code, _, stderr, out) = import_text(dir.path(), text, &["--type", "votes=number"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(
            "t.csv:3:19: error: column 'votes' is read as numbers (--type 'votes'=number), but its cell 'lots' is not one"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("or read the column as text with --type 'votes'=text"), "{stderr}");
    assert!(
        stderr.contains(
            "t.csv:4:14: error: column 'death toll' is read as numbers (from its name), but its cell 'unclear'"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("'dozens'"), "dozens reads as a number: {stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(!out.exists());
}

/// A corpus `check` would refuse is not written: the import checks it
/// first, and names each error at its place inside --out.
#[test]
fn a_corpus_check_would_refuse_is_not_written() {
    let tmp = tempfile::tempdir().unwrap();
    for (csv, error) in [
        ("src,event,status\nA,talks,not cancelled\nB,talks,postponed\n", "claims/a.yaml:"),
        ("src,event,...\nA,talks,x\n", "has no letter or digit"),
    ] {
        let (code, _, stderr, out) = import_text(tmp.path(), csv, &[]);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains(error), "{stderr}");
        assert!(stderr.contains("that `crosscheck check` would report"), "{stderr}");
        assert!(stderr.contains("nothing was written"), "{stderr}");
        assert!(!out.exists(), "{}", out.display());
    }
}

/// Regression: a header naming a column twice (two `subject` columns) was
/// read without a word: the options took the first, and the second became
/// a property. Now an error naming the column and where each one is.
#[test]
fn a_column_named_twice_in_the_header_is_an_error_naming_both_places() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr, out) = import_text(dir.path(), "src,event,votes,event\nAP,Race,12,Race B\n", &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("t.csv:1:17: error: the header names the column 'event' twice: columns 2 and 4"),
        "{stderr}"
    );
    assert!(stderr.contains("help: give each column a name of its own in the header"), "{stderr}");
    assert!(!out.exists());
    // A property column named twice: the same error, not also "would both be the property".
    let (code, _, stderr, _) = import_text(dir.path(), "src,event,votes,votes,votes\nAP,Race,1,2,3\n", &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("error: the header names the column 'votes' 3 times: columns 3, 4 and 5"), "{stderr}");
    assert!(!stderr.contains("would both be"), "{stderr}");
}

/// Regression: a tab-separated file was read as one column named by the
/// whole header line ("no column 'src' ... the columns are 'src<TAB>event'").
#[test]
fn a_tab_separated_file_is_recognised_and_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr, out) = import_text(dir.path(), "src\tevent\tvotes\nAP\tRace\t12\n", &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(
            "t.csv:1: error: the header has tabs and no commas: this looks like a tab-separated (TSV) file, and \
             import csv reads comma-separated values"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("help: save or export the table as CSV (comma-separated values)"), "{stderr}");
    assert!(!stderr.contains("no column"), "{stderr}");
    assert!(!out.exists());
    // A tab inside a comma-separated header is a CSV all the same.
    let (code, _, stderr, _) = import_text(dir.path(), "src,event,votes\tcast\nAP,Race,12\n", &[]);
    assert_eq!(code, 0, "{stderr}");
}

/// Regression: a quote never closed made the rest of the file one field
/// (the csv crate reads it so without an error): rows were lost unseen.
#[test]
fn a_quote_never_closed_is_named_at_the_line_where_the_field_began() {
    let dir = tempfile::tempdir().unwrap();
    let text = "src,event,note\nAP,Race,\"fine\"\nReuters,Race,\"close call\nBBC,Race,ok\nCNN,Race,ok\n";
    let (code, _, stderr, out) = import_text(dir.path(), text, &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(
            "t.csv:3:14: error: the quoted field that begins here is never closed: its '\"' has no closing '\"', so \
             everything after it, to the end of the file (line 5), would be read as this one field"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("help: close the quote where the field ends"), "{stderr}");
    assert!(!out.exists());
}

/// Regression: `--type votes=number --type votes=text` silently took the last.
#[test]
fn a_type_given_twice_for_one_column_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr, out) =
        import_text(dir.path(), "src,event,votes\nAP,Race,12\n", &["--type", "votes=number", "--type", "votes=text"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("error: --type is given twice for the column 'votes' (votes=number, then votes=text)"),
        "{stderr}"
    );
    assert!(!out.exists());
}

/// Regression: `--ignore-column` naming the subject or the source column was
/// silently not ignored. An ignored column missing from the header was
/// already an error naming the header's columns.
#[test]
fn ignoring_the_subject_or_source_column_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for (ignored, says) in [
        ("event", "t.csv:1: error: --ignore-column 'event' is the column given as --subject-column"),
        ("src", "t.csv:1: error: --ignore-column 'src' is the column given as --source-column"),
        ("nope", "t.csv:1: error: no column 'nope' (--ignore-column) in the header"),
    ] {
        let (code, _, stderr, out) =
            import_text(dir.path(), "src,event,votes,note\nAP,Race,12,x\n", &["--ignore-column", ignored]);
        assert_eq!(code, 2, "{ignored}: {stderr}");
        assert!(stderr.contains(says), "{ignored}: {stderr}");
        assert!(!out.exists());
    }
    let (_, _, stderr, _) =
        import_text(dir.path(), "src,event,votes,note\nAP,Race,12,x\n", &["--ignore-column", "nope"]);
    assert!(stderr.contains("the columns are 'src', 'event', 'votes', 'note'"), "{stderr}");
}

/// Regression: `--out a/b/c/new` made the whole missing chain, so a typo in
/// the path made folders silently. Only the last folder is made now.
#[test]
fn an_out_folder_whose_parent_is_missing_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("t.csv");
    std::fs::write(&csv, "src,flight,a\nx,f,1\n").unwrap();
    let out = dir.path().join("typo/b/new");
    let (code, _, stderr) = import_flights(&csv, &out);
    assert_eq!(code, 2, "{stderr}");
    let parent = dir.path().join("typo/b");
    assert!(
        stderr.contains(&format!(
            "error: --out: the folder '{}' does not exist, so '{}' cannot be made in it",
            parent.display(),
            out.display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("help: create it first (mkdir -p '{}') or fix the path", parent.display())));
    assert!(!dir.path().join("typo").exists(), "nothing is made");
    // The last folder alone is made.
    let (code, _, stderr) = import_flights(&csv, &dir.path().join("new"));
    assert_eq!(code, 0, "{stderr}");
}
