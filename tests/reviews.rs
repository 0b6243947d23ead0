//! Reviews (docs/reviews.md): `crosscheck review` records editors' decisions
//! in reviews.yaml; `check` counts only facts without a current review, and a
//! review goes stale when the claims it saw change. Each test works on a copy
//! of a corpus in a temporary folder, since `review` writes.

mod common;

use common::*;
use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// The binary in `dir`, with a known reviewer name (`$USER`) and no
/// `$CROSSCHECK_REVIEWER` from the environment of whoever runs the tests.
fn run(dir: &Path, args: &[&str]) -> Run {
    let mut cmd = command(dir, args);
    cmd.env_remove("CROSSCHECK_REVIEWER").env("USER", "tester");
    finish(cmd)
}

/// A temporary copy of `claims/` and `articles/` from `corpus`.
fn copy_corpus(corpus: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&corpus.join("claims"), &dir.path().join("claims"));
    copy_dir(&corpus.join("articles"), &dir.path().join("articles"));
    dir
}

fn conflict_fixture() -> tempfile::TempDir {
    copy_corpus(&root().join("tests/fixtures/verdicts/conflict"))
}

fn json(dir: &Path, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let r = run(dir, &args);
    (r.code, serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}\n{}", r.stdout)))
}

fn review(dir: &Path, fact: &str, decision: &str, note: &str) -> Run {
    run(
        dir,
        &["review", fact, "--decision", decision, "--note", note, "--reviewer", "Ana Ruiz", "--date", "2024-05-02"],
    )
}

// ------------------------------------------------------------- Done when

/// The issue's "Done when": review every conflict of the bundled corpus, and
/// `check` exits 0; change one reviewed claim, and it exits 1 naming the stale review.
#[test]
fn reviewing_every_conflict_of_the_bundled_corpus_passes_check_until_a_claim_changes() {
    let dir = copy_corpus(&root());
    let d = dir.path();
    assert_eq!(run(d, &["check"]).code, 1, "the bundled corpus has conflicts to review");

    let (_, doc) = json(d, &[]);
    let conflicts: Vec<String> = doc["facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["verdict"] == "conflict")
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect();
    assert!(conflicts.len() >= 2, "{conflicts:?}");
    for (i, fact) in conflicts.iter().enumerate() {
        let r = review(d, fact, if i == 0 { "disputed" } else { "accepted" }, "Checked against both articles.");
        assert_eq!(r.code, 0, "{fact}: {}", r.stderr);
        assert!(r.stdout.contains("recorded in reviews.yaml:"), "{}", r.stdout);
        assert!(r.stdout.contains(fact.as_str()), "{}", r.stdout);
    }
    let passed = run(d, &["check"]);
    assert_eq!(passed.code, 0, "every conflict is reviewed:\n{}", passed.stderr);
    assert!(passed.stdout.contains("review: disputed by Ana Ruiz on 2024-05-02"), "{}", passed.stdout);
    let (_, doc) = json(d, &[]);
    for f in doc["facts"].as_array().unwrap() {
        let expected =
            if conflicts.contains(&f["id"].as_str().unwrap().to_string()) { "reviewed" } else { "unreviewed" };
        assert_eq!(f["review"]["status"], expected, "{}", f["id"]);
    }

    // Change one reviewed claim: the quote of the postponed summit, still in its article.
    assert!(conflicts.contains(&"obama-putin-moscow-summit.status".to_string()));
    let file = d.join("claims/itar-tass-2013-10-07.yaml");
    let text = fs::read_to_string(&file).unwrap();
    let old = "quote: At the last moment the visit was postponed by the American side.";
    assert!(text.contains(old));
    fs::write(&file, text.replacen(old, "quote: the visit was postponed by the American side", 1)).unwrap();

    let failed = run(d, &["check"]);
    assert_eq!(failed.code, 1, "{}", failed.stderr);
    let reviews = fs::read_to_string(d.join("reviews.yaml")).unwrap();
    let line = reviews.lines().position(|l| l == "- fact: obama-putin-moscow-summit.status").unwrap() + 1;
    let expected = format!(
        "reviews.yaml:{line}: stale review: obama-putin-moscow-summit.status was {} by Ana Ruiz on 2024-05-02",
        if conflicts[0] == "obama-putin-moscow-summit.status" { "disputed" } else { "accepted" }
    );
    assert!(failed.stderr.contains(&expected), "expected {expected:?} in:\n{}", failed.stderr);
    assert!(failed.stderr.contains("the claims changed since"), "{}", failed.stderr);
    assert!(failed.stdout.contains("STALE"), "{}", failed.stdout);
    let (_, doc) = json(d, &[]);
    let fact = doc["facts"].as_array().unwrap().iter().find(|f| f["id"] == "obama-putin-moscow-summit.status").unwrap();
    assert_eq!(fact["review"]["status"], "stale");
    assert_eq!(fact["review"]["stale_because"], "claims changed");
    assert_eq!(fact["review"]["line"], line);

    // Looking again clears it.
    assert_eq!(review(d, "obama-putin-moscow-summit.status", "accepted", "Looked again.").code, 0);
    assert_eq!(run(d, &["check"]).code, 0);
}

#[test]
fn fail_on_counts_only_facts_without_a_current_review() {
    let dir = conflict_fixture();
    let d = dir.path();
    let r = run(d, &["check"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("1 fact at or above 'conflict' not reviewed: moscow-summit.status"), "{}", r.stderr);
    assert_eq!(review(d, "moscow-summit.status", "accepted", "Both reported.").code, 0);
    assert_eq!(run(d, &["check"]).code, 0);
    assert_eq!(run(d, &["check", "--fail-on", "compatible"]).code, 0);
    // A review of another reviews file does not count.
    assert_eq!(run(d, &["check", "--reviews", "elsewhere.yaml"]).code, 1);
}

// ------------------------------------------------------------- the file

#[test]
fn appending_keeps_comments_order_and_every_byte_before() {
    let dir = conflict_fixture();
    let d = dir.path();
    assert_eq!(review(d, "moscow-summit.status", "accepted", "First look.").code, 0);
    let first = fs::read_to_string(d.join("reviews.yaml")).unwrap();
    let edited = format!("# Desk reviews, autumn\n{first}\n# a comment between entries\n");
    fs::write(d.join("reviews.yaml"), &edited).unwrap();
    let r = review(d, "Moscow summit", "corrected", "Outlet B ran a correction: \"postponed\" # was wrong");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("it now counts instead of the review of 2024-05-02 by Ana Ruiz (reviews.yaml:4)"),
        "{}",
        r.stdout
    );
    let after = fs::read_to_string(d.join("reviews.yaml")).unwrap();
    assert!(after.starts_with(&edited), "the old text changed:\n{after}");
    let added = &after[edited.len()..];
    assert!(added.starts_with("- fact: moscow-summit.status\n"), "{added}");
    assert!(added.contains("decision: corrected\n"), "{added}");
    let (_, doc) = json(d, &[]);
    assert_eq!(doc["facts"][0]["review"]["decision"], "corrected");
    assert_eq!(doc["facts"][0]["review"]["note"], "Outlet B ran a correction: \"postponed\" # was wrong");
}

/// A reviews file with classic Mac OS line ends (CR alone) was read by
/// `check` but refused by `review` ("would not read back as before"): the
/// entry is now appended with CR line ends too, the old bytes kept.
#[test]
fn a_reviews_file_with_cr_line_ends_is_read_and_appended_to_alike() {
    let dir = conflict_fixture();
    let d = dir.path();
    assert_eq!(review(d, "moscow-summit.status", "accepted", "First look.").code, 0);
    let old = fs::read_to_string(d.join("reviews.yaml")).unwrap().replace('\n', "\r");
    fs::write(d.join("reviews.yaml"), &old).unwrap();
    let (code, doc) = json(d, &[]);
    assert_eq!(code, 0, "check reads the review");
    assert_eq!(doc["facts"][0]["review"]["decision"], "accepted");
    let mut args = vec!["review", "moscow-summit.status", "--decision", "disputed", "--note", "Second look."];
    args.extend(["--reviewer", "Bo", "--date", "2024-05-03"]);
    let r = run(d, &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("recorded in reviews.yaml:10:"), "{}", r.stdout);
    let after = fs::read_to_string(d.join("reviews.yaml")).unwrap();
    assert!(after.starts_with(&old), "the old text changed:\n{after:?}");
    assert!(!after.contains('\n'), "the new entry has other line ends:\n{after:?}");
    let (code, doc) = json(d, &[]);
    assert_eq!(code, 0);
    assert_eq!(doc["facts"][0]["review"]["decision"], "disputed", "{}", doc["facts"][0]["review"]);
}

#[test]
fn a_reviews_file_in_another_place_is_used_for_check_review_and_show() {
    let dir = conflict_fixture();
    let d = dir.path();
    fs::create_dir(d.join("desk")).unwrap();
    let r = run(
        d,
        &["review", "moscow-summit.status", "--decision", "accepted", "--note", "ok", "--reviews", "desk/r.yaml"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("by tester on"), "USER is the last default: {}", r.stdout);
    assert!(!d.join("reviews.yaml").exists());
    assert_eq!(run(d, &["check", "--reviews", "desk/r.yaml"]).code, 0);
    let show = run(d, &["show", "Moscow summit", "--reviews", "desk/r.yaml"]);
    assert!(show.stdout.contains("review: accepted by tester on"), "{}", show.stdout);
}

#[test]
fn bad_reviews_files_are_input_errors_with_their_line() {
    let dir = conflict_fixture();
    let d = dir.path();
    let cases = [
        (
            "- fact: moscow-summit.status\n  verdict_seen: conflict\n  decision: acepted\n  reviewer: ana\n  date: 2024-05-02\n  claims_digest: sha256:0000000000000000000000000000000000000000000000000000000000000000\n",
            "reviews.yaml:3:13: error: unknown decision 'acepted'",
            "did you mean 'accepted'? one of: accepted, disputed, corrected",
        ),
        (
            "- fact: moscow-summit.status\n  verdict_seen: conflict\n  decision: accepted\n  reviewr: ana\n  date: 2024-05-02\n  claims_digest: sha256:0000000000000000000000000000000000000000000000000000000000000000\n",
            "reviews.yaml:4:3: error: unknown key 'reviewr' in a review",
            "did you mean 'reviewer'?",
        ),
        (
            "- fact: moscow-summit.status\n  verdict_seen: conflict\n  decision: accepted\n  reviewer: ana\n  date: 2 May 2024\n  claims_digest: sha256:0000000000000000000000000000000000000000000000000000000000000000\n",
            "reviews.yaml:5:9: error: review date '2 May 2024' is not written YYYY-MM-DD",
            "YYYY-MM-DD",
        ),
        ("- fact: [unclosed\n", "reviews.yaml:", "invalid YAML"),
        ("fact: moscow-summit.status\n", "reviews.yaml:1:", "should be a list of reviews"),
    ];
    for (text, place, help) in cases {
        fs::write(d.join("reviews.yaml"), text).unwrap();
        let r = run(d, &["check"]);
        assert_eq!(r.code, 2, "{text}\n{}", r.stderr);
        assert!(r.stderr.contains(place), "{place:?} missing:\n{}", r.stderr);
        assert!(r.stderr.contains(help), "{help:?} missing:\n{}", r.stderr);
        assert!(r.stderr.contains(" in reviews.yaml: a review with an error counts as not written"), "{}", r.stderr);
        // review refuses to append to a broken file, and leaves it alone.
        let r = review(d, "moscow-summit.status", "accepted", "x");
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stderr.contains("not appending to reviews.yaml while it has errors"), "{}", r.stderr);
        assert_eq!(fs::read_to_string(d.join("reviews.yaml")).unwrap(), text);
    }
}

#[test]
fn a_review_of_a_fact_that_no_longer_exists_is_a_warning_with_its_line() {
    let dir = conflict_fixture();
    let d = dir.path();
    let text = "# old\n- fact: moscow-summit.statuss\n  verdict_seen: conflict\n  decision: accepted\n  reviewer: ana\n  date: 2024-05-02\n  claims_digest: sha256:0000000000000000000000000000000000000000000000000000000000000000\n";
    fs::write(d.join("reviews.yaml"), text).unwrap();
    let r = run(d, &["check"]);
    assert_eq!(r.code, 1, "a warning does not change the exit code:\n{}", r.stderr);
    assert!(r.stderr.contains("reviews.yaml:2:"), "{}", r.stderr);
    assert!(r.stderr.contains("warning: review of 'moscow-summit.statuss'"), "{}", r.stderr);
    assert!(r.stderr.contains("did you mean 'moscow-summit.status'?"), "{}", r.stderr);
    let (_, doc) = json(d, &[]);
    assert!(doc["warnings"].as_array().unwrap().iter().any(|w| w["line"] == 2), "{}", doc["warnings"]);
}

// ------------------------------------------------------------- the command

#[test]
fn review_refuses_while_the_claims_have_input_errors() {
    let dir = conflict_fixture();
    let d = dir.path();
    let file = d.join("claims/b.yaml");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replace("quote: the visit", "quote: the vissit")).unwrap();
    let r = review(d, "moscow-summit.status", "accepted", "x");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("claims/b.yaml:3:"), "{}", r.stderr);
    assert!(r.stderr.contains("not recording a review while the claims have 1 input error"), "{}", r.stderr);
    assert!(!d.join("reviews.yaml").exists());
}

#[test]
fn review_needs_one_fact_and_a_reviewer() {
    let dir = copy_corpus(&root());
    let d = dir.path();
    let r = review(d, "Obama-Putin summit", "accepted", "x");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("name the one you reviewed by its id"), "{}", r.stderr);
    assert!(r.stderr.contains("  obama-putin-moscow-summit.status  (conflict, unreviewed)"), "{}", r.stderr);
    let r = review(d, "geneva-ii-conference.dat", "accepted", "x");
    assert_eq!(r.code, 2);
    let r = review(d, "no-such-thing.date", "accepted", "x");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("error: no fact 'no-such-thing.date'"), "{}", r.stderr);
    let r = review(d, "obama-putin-moscow-summit.status", "accepted", "  ");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("the note is empty"), "{}", r.stderr);
    assert!(!d.join("reviews.yaml").exists());

    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["review", "obama-putin-moscow-summit.status", "--decision", "accepted", "--note", "x"])
        .current_dir(d)
        .env_remove("CROSSCHECK_REVIEWER")
        .env_remove("USER")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no reviewer name"));
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["review", "obama-putin-moscow-summit.status", "--decision", "accepted", "--note", "x"])
        .current_dir(d)
        .env("CROSSCHECK_REVIEWER", "Desk Editor")
        .env("USER", "login")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(fs::read_to_string(d.join("reviews.yaml")).unwrap().contains("reviewer: Desk Editor\n"));
}

// ------------------------------------------------------------- ClaimReview

#[test]
fn claimreview_lists_disputed_and_corrected_facts_one_object_per_claim() {
    let dir = conflict_fixture();
    let d = dir.path();
    let r = run(d, &["check", "--format", "claimreview"]);
    assert_eq!(r.stdout.trim(), "[]", "nothing reviewed, nothing published");
    assert_eq!(review(d, "moscow-summit.status", "accepted", "ok").code, 0);
    assert_eq!(run(d, &["check", "--format", "claimreview"]).stdout.trim(), "[]", "accepted is not published");

    let r = run(
        d,
        &[
            "review",
            "moscow-summit.status",
            "--decision",
            "disputed",
            "--note",
            "Outlet B's account is not supported.",
            "--rating",
            "Unsupported",
            "--reviewer",
            "Ana Ruiz",
            "--date",
            "2024-05-03",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run(d, &["check", "--format", "claimreview", "--review-url", "https://desk.example/checks/summit"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    let items = doc.as_array().unwrap();
    assert_eq!(items.len(), 2, "one per claim: {doc:#}");
    let a = &items[0];
    assert_eq!(a["@context"], "https://schema.org");
    assert_eq!(a["@type"], "ClaimReview");
    assert_eq!(a["url"], "https://desk.example/checks/summit#moscow-summit.status");
    assert_eq!(a["claimReviewed"], "The US cancelled a summit meeting");
    assert_eq!(a["itemReviewed"]["@type"], "Claim");
    assert_eq!(a["itemReviewed"]["author"], serde_json::json!({"@type": "Organization", "name": "Outlet A"}));
    assert_eq!(a["itemReviewed"]["datePublished"], "2013-08-09");
    assert_eq!(a["itemReviewed"]["appearance"]["publisher"]["name"], "Outlet A");
    assert!(a["itemReviewed"]["appearance"].get("url").is_none(), "the source has no url");
    assert_eq!(a["author"], serde_json::json!({"@type": "Person", "name": "Ana Ruiz"}));
    assert_eq!(a["datePublished"], "2024-05-03");
    assert_eq!(
        a["reviewRating"],
        serde_json::json!({"@type": "Rating", "alternateName": "Unsupported", "ratingExplanation": "Outlet B's account is not supported."})
    );
    assert_eq!(items[1]["claimReviewed"], "the visit was postponed by the American side");

    // Without --review-url: no url, and a warning that Google requires one.
    let r = run(d, &["check", "--format", "claimreview"]);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(doc[0].get("url").is_none());
    assert!(r.stderr.contains("--review-url"), "{}", r.stderr);
    assert_eq!(run(d, &["check", "--format", "claimreview", "--review-url", "desk.example"]).code, 2);
}

#[test]
fn claimreview_of_the_bundled_corpus_names_the_speaker_and_the_article() {
    let dir = copy_corpus(&root());
    let d = dir.path();
    assert_eq!(review(d, "obama-putin-moscow-summit.status", "corrected", "Corrected.").code, 0);
    let r = run(d, &["check", "--format", "claimreview", "--review-url", "https://desk.example/c"]);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    let lavrov = doc.as_array().unwrap().iter().find(|c| c["itemReviewed"]["author"]["name"] == "Sergei Lavrov");
    let lavrov = lavrov.unwrap_or_else(|| panic!("{doc:#}"));
    assert_eq!(lavrov["itemReviewed"]["author"]["@type"], "Person");
    assert_eq!(lavrov["itemReviewed"]["appearance"]["url"], "http://tass.com/middle-east-and-north-africa/701880");
    assert_eq!(lavrov["itemReviewed"]["appearance"]["publisher"]["name"], "ITAR-TASS");
    assert_eq!(lavrov["reviewRating"]["alternateName"], "Corrected");

    // --output: written again over its own file, but never over a person's.
    let out = ["check", "--format", "claimreview", "--review-url", "https://desk.example/c", "-o", "cr.json"];
    assert_eq!(run(d, &out).code, 1, "findings remain; the file is written");
    assert_eq!(fs::read_to_string(d.join("cr.json")).unwrap(), r.stdout);
    let again = run(d, &out);
    assert_eq!(again.code, 1, "its own file is replaced: {}", again.stderr);
    // A desk's own ClaimReview file, even laid out as ours is, is not overwritten.
    let mine = "[\n  {\n    \"@context\": \"https://schema.org\",\n    \"@type\": \"ClaimReview\",\n    \"note\": \"mine\"\n  }\n]\n";
    fs::write(d.join("cr.json"), mine).unwrap();
    assert_eq!(run(d, &out).code, 2, "a hand-written file is not overwritten");
    assert_eq!(fs::read_to_string(d.join("cr.json")).unwrap(), mine);

    // A stale disputed/corrected review is not published.
    let file = d.join("claims/itar-tass-2013-10-07.yaml");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replacen("At the last moment the visit", "the visit", 1)).unwrap();
    let r = run(d, &["check", "--format", "claimreview"]);
    assert_eq!(r.stdout.trim(), "[]");
    assert!(
        r.stderr.contains("the corrected review of obama-putin-moscow-summit.status is not published"),
        "{}",
        r.stderr
    );
}

/// ClaimReview is pasted into a `<script type="application/ld+json">`: a quote or
/// note holding `</script>` must not end that element (docs/reviews.md).
#[test]
fn claimreview_cannot_close_the_script_element_it_is_pasted_into() {
    let dir = copy_corpus(&root().join("tests/fixtures/hostile"));
    let d = dir.path();
    let fact = "script-alert-subject-script-details-x.date";
    let note = "</script><script>alert('note')</script> & <!-- more";
    let r = run(
        d,
        &["review", fact, "--decision", "disputed", "--note", note, "--rating", "<b>False</b>", "--reviewer", "A & B"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run(d, &["check", "--format", "claimreview", "--review-url", "https://desk.example/c?a=1&b=2"]);
    for bad in ['<', '>', '&'] {
        assert!(!r.stdout.contains(bad), "{bad:?} written as is:\n{}", r.stdout);
    }
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    let first = &doc[0];
    assert_eq!(first["reviewRating"]["ratingExplanation"], note);
    assert_eq!(first["reviewRating"]["alternateName"], "<b>False</b>");
    assert_eq!(first["author"]["name"], "A & B");
    assert_eq!(first["url"], format!("https://desk.example/c?a=1&b=2#{fact}"));
    assert_eq!(first["claimReviewed"], "<script>alert('quote')</script> met on 7 July 2013 & \"agreed\" </details>");
}

#[test]
fn markdown_shows_the_review_of_each_fact() {
    let dir = conflict_fixture();
    let d = dir.path();
    assert_eq!(review(d, "moscow-summit.status", "disputed", "Outlet B | unconfirmed").code, 0);
    let r = run(d, &["check", "--format", "markdown"]);
    assert!(r.stdout.contains("| Fact | Verdict | Sources | Why | Best supported | Review |"), "{}", r.stdout);
    assert!(r.stdout.contains("| disputed by Ana Ruiz on 2024-05-02 |"), "{}", r.stdout);
    assert!(r.stdout.contains("Review: disputed by Ana Ruiz on 2024-05-02 — Outlet B \\| unconfirmed"), "{}", r.stdout);
}

// ------------------------------------------------------------- where it writes

/// The reviews file's folder missing, or the file a named pipe: exit 2 with
/// the path and what is wrong, as `check --output` says it; never a
/// temporary file's name, never a wait.
#[test]
fn a_reviews_file_that_cannot_be_written_is_named_and_explained() {
    let fixture = conflict_fixture();
    let d = fixture.path();
    let fact = "moscow-summit.status";
    let args = |reviews: &'static str| -> Vec<&'static str> {
        vec!["review", fact, "--decision", "accepted", "--note", "ok", "--reviewer", "Ana", "--reviews", reviews]
    };
    let mut cmd = command(d, &args("nodir/r.yaml"));
    cmd.env_remove("CROSSCHECK_REVIEWER");
    let run = finish_within(cmd, 60);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("cannot write nodir/r.yaml: its folder does not exist"), "{}", run.stderr);
    assert!(run.stderr.contains("help: create the folder first"), "{}", run.stderr);
    assert!(!run.stderr.contains(".crosscheck-"), "{}", run.stderr);
    #[cfg(unix)]
    if mkfifo(&d.join("pipe.yaml")) {
        use std::os::unix::fs::FileTypeExt;
        let run = finish_within(command(d, &args("pipe.yaml")), 60);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr.contains("pipe.yaml: error: the reviews file pipe.yaml is a named pipe, not a file"),
            "{}",
            run.stderr
        );
        assert!(fs::symlink_metadata(d.join("pipe.yaml")).unwrap().file_type().is_fifo());
    }
}

// ------------------------------------------------------------- at the same moment

/// Many `review` runs started together on one file (a script, or editors at
/// the same second): they take turns (docs/reviews.md, "How the file is
/// written"), so every run that says "recorded" is in the file, on the line
/// it named, and none is lost.
#[test]
fn parallel_reviews_of_one_file_are_all_kept() {
    let dir = copy_corpus(&root());
    let d = dir.path();
    let (_, doc) = json(d, &["--all"]);
    let facts: Vec<String> =
        doc["facts"].as_array().unwrap().iter().take(12).map(|f| f["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(facts.len(), 12);
    for round in 0..3 {
        let runs: Vec<_> = facts
            .iter()
            .enumerate()
            .map(|(i, fact)| {
                let note = format!("round {round}, run {i}");
                let mut cmd = command(
                    d,
                    &[
                        "review",
                        fact,
                        "--decision",
                        "accepted",
                        "--note",
                        &note,
                        "--reviewer",
                        "R",
                        "--date",
                        "2024-05-02",
                    ],
                );
                cmd.env_remove("CROSSCHECK_REVIEWER");
                cmd.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
                (note, cmd.spawn().unwrap())
            })
            .collect();
        let mut lines = Vec::new();
        for (note, child) in runs {
            let out = child.wait_with_output().unwrap();
            let stdout = String::from_utf8(out.stdout).unwrap();
            let stderr = String::from_utf8(out.stderr).unwrap();
            assert!(!stderr.contains("panicked"), "{stderr}");
            assert_eq!(out.status.code(), Some(0), "every run gets its turn:\n{stderr}");
            let line: usize = stdout
                .strip_prefix("recorded in reviews.yaml:")
                .and_then(|rest| rest.split(':').next())
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{stdout}"));
            lines.push((line, note));
        }
        let file = fs::read_to_string(d.join("reviews.yaml")).unwrap();
        let all: Vec<&str> = file.lines().collect();
        for (line, note) in &lines {
            assert!(all[*line - 1].starts_with("- fact: "), "line {line} of:\n{file}");
            let entry = all[*line - 1..].iter().take(8).copied().collect::<Vec<_>>().join("\n");
            assert!(entry.contains(&format!("note: {note}")), "{note} not at line {line}:\n{file}");
        }
        assert_eq!(file.matches("- fact: ").count(), 12 * (round + 1), "{file}");
    }
}

// ------------------------------------------------------------- which review counts

/// The review with the latest date counts: `review` refuses one that would
/// be recorded and never count (dated before the fact's current review), and
/// a date after tomorrow (a typo that would outrank every later decision).
#[test]
fn a_review_that_would_not_count_is_refused() {
    let dir = conflict_fixture();
    let d = dir.path();
    let fact = "moscow-summit.status";
    let at = |date: &str, decision: &str| {
        run(d, &["review", fact, "--decision", decision, "--note", "n", "--reviewer", "Bo", "--date", date])
    };
    assert_eq!(at("2024-05-02", "disputed").code, 0);
    let before = fs::read_to_string(d.join("reviews.yaml")).unwrap();

    let r = at("2024-05-01", "accepted");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "error: not recording a review of moscow-summit.status dated 2024-05-01: it would not count, because the review at reviews.yaml:3 (disputed by Bo on 2024-05-02) has a later date"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("help: give --date 2024-05-02 or later"), "{}", r.stderr);
    assert_eq!(fs::read_to_string(d.join("reviews.yaml")).unwrap(), before, "nothing written");

    let r = at("2200-05-01", "corrected");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("error: --date 2200-05-01 is after tomorrow"), "{}", r.stderr);
    assert_eq!(fs::read_to_string(d.join("reviews.yaml")).unwrap(), before, "nothing written");

    // The same day counts (the entry further down the file), and says what it replaces.
    let r = at("2024-05-02", "accepted");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("it now counts instead of the review of 2024-05-02 by Bo (reviews.yaml:3)"),
        "{}",
        r.stdout
    );
    let (_, doc) = json(d, &[]);
    assert_eq!(doc["facts"][0]["review"]["decision"], "accepted");

    // A future date already in the file (written by hand, or before this
    // rule): the help says to correct it, not to give a later --date.
    let typo =
        fs::read_to_string(d.join("reviews.yaml")).unwrap().replace("2024-05-02\"\n  claims", "2200-05-02\"\n  claims");
    fs::write(d.join("reviews.yaml"), &typo).unwrap();
    let r = run(d, &["review", fact, "--decision", "accepted", "--note", "n", "--reviewer", "Bo"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("has a later date"), "{}", r.stderr);
    assert!(r.stderr.contains("that date is after tomorrow, a typo: correct it at reviews.yaml:"), "{}", r.stderr);
}

// ------------------------------------------------------------- messages

/// `check --output` over the reviews file names it as such (review wrote
/// it, so "not written by crosscheck" would be wrong), and leaves it alone.
#[test]
fn output_over_the_reviews_file_says_it_is_the_reviews_file() {
    let dir = conflict_fixture();
    let d = dir.path();
    assert_eq!(review(d, "moscow-summit.status", "accepted", "ok").code, 0);
    let before = fs::read_to_string(d.join("reviews.yaml")).unwrap();
    fs::copy(d.join("reviews.yaml"), d.join("desk.yaml")).unwrap();
    for target in ["reviews.yaml", "./reviews.yaml", "desk.yaml"] {
        let r = run(d, &["check", "--output", target]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(
            r.stderr.contains(&format!("error: {target} is a reviews file, where `crosscheck review` records")),
            "{}",
            r.stderr
        );
        assert!(!r.stderr.contains("not written by crosscheck"), "{}", r.stderr);
    }
    assert_eq!(fs::read_to_string(d.join("reviews.yaml")).unwrap(), before);
}

/// `check --output` naming the file `--reviews` reads is refused before the
/// run even when that file is not written yet: the report would be read as
/// the reviews on the next run, which would then fail, and `review` would
/// refuse to add to it.
#[test]
fn output_to_the_reviews_path_is_refused_before_any_review_is_written() {
    let dir = conflict_fixture();
    let d = dir.path();
    assert!(!d.join("reviews.yaml").exists());
    for (args, target) in [
        (&["check", "--output", "reviews.yaml"][..], "reviews.yaml"),
        (&["check", "--output", "./reviews.yaml"][..], "./reviews.yaml"),
        (&["check", "--reviews", "desk.yaml", "--output", "desk.yaml"][..], "desk.yaml"),
    ] {
        let r = run(d, args);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(
            r.stderr.contains(&format!("error: {target} is a reviews file, where `crosscheck review` records")),
            "{}",
            r.stderr
        );
        assert!(r.stderr.contains("no report written: the claims were not checked"), "{}", r.stderr);
    }
    assert!(!d.join("reviews.yaml").exists() && !d.join("desk.yaml").exists());
    // Another name is written as ever.
    assert_eq!(run(d, &["check", "--output", "report.md", "--format", "markdown"]).code, 1);
    assert!(d.join("report.md").exists());
}

/// A reviews file or a report marked read-only is not replaced: a person
/// protected it, and an atomic rename would replace it all the same.
#[cfg(unix)]
#[test]
fn a_read_only_reviews_file_or_report_is_not_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let dir = conflict_fixture();
    let d = dir.path();
    assert_eq!(review(d, "moscow-summit.status", "accepted", "ok").code, 0);
    let before = fs::read_to_string(d.join("reviews.yaml")).unwrap();
    fs::set_permissions(d.join("reviews.yaml"), fs::Permissions::from_mode(0o444)).unwrap();
    let r = review(d, "moscow-summit.status", "disputed", "again");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("reviews.yaml is read-only; not replacing it"), "{}", r.stderr);
    assert_eq!(fs::read_to_string(d.join("reviews.yaml")).unwrap(), before);
    // A report crosscheck wrote, then marked read-only: refused, unless --force.
    assert_ne!(run(d, &["check", "--output", "r.md", "--format", "markdown"]).code, 2);
    fs::set_permissions(d.join("r.md"), fs::Permissions::from_mode(0o444)).unwrap();
    let r = run(d, &["check", "--output", "r.md", "--format", "markdown"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("r.md is read-only; not replacing it"), "{}", r.stderr);
    assert!(r.stderr.contains("or add --force to replace it"), "{}", r.stderr);
    assert_ne!(run(d, &["check", "--output", "r.md", "--format", "markdown", "--force"]).code, 2);
}

/// A YAML error in the reviews file gets help about reviews, not about
/// sources and claims.
#[test]
fn a_second_document_or_a_merge_key_in_the_reviews_file_is_explained_for_reviews() {
    let dir = conflict_fixture();
    let d = dir.path();
    for (text, help) in [
        ("- fact: a.b\n---\n- fact: c.d\n", "keep the reviews in one list: remove the '---' line"),
        ("- &x {fact: a.b}\n- <<: *x\n", "write each review's keys out"),
    ] {
        fs::write(d.join("reviews.yaml"), text).unwrap();
        let r = run(d, &["check"]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stderr.contains("reviews.yaml:"), "{}", r.stderr);
        assert!(r.stderr.contains(help), "{}", r.stderr);
        assert!(!r.stderr.contains("put each source in its own file"), "{}", r.stderr);
    }
}

/// `--reviews` naming a device or a folder: what is wrong with that path,
/// not claim-file wording nor "fix the entries above".
#[test]
fn a_reviews_path_that_is_not_a_file_is_named_for_what_it_is() {
    let dir = conflict_fixture();
    let d = dir.path();
    fs::create_dir(d.join("desk")).unwrap();
    let cases: &[(&str, &str)] = &[("desk", "the reviews file desk is a folder, not a file")];
    #[cfg(unix)]
    let cases = &[cases, &[("/dev/null", "the reviews file /dev/null is a character device, not a file")]].concat();
    for (path, what) in cases {
        let r = run(d, &["review", "moscow-summit.status", "--decision", "accepted", "--note", "n", "--reviews", path]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stderr.contains(what), "{}", r.stderr);
        assert!(r.stderr.contains("cannot be read as a reviews file"), "{}", r.stderr);
        assert!(!r.stderr.contains("claim files and articles") && !r.stderr.contains("entries above"), "{}", r.stderr);
        let r = run(d, &["check", "--reviews", path]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stderr.contains(what), "{}", r.stderr);
    }
}

/// The confirmation escapes bidi and control characters as the table does,
/// and the reviews file's errors are listed by place, as `check` lists them.
#[test]
fn review_escapes_what_it_prints_and_lists_errors_by_place() {
    let dir = conflict_fixture();
    let d = dir.path();
    let r = run(
        d,
        &["review", "moscow-summit.status", "--decision", "accepted", "--note", "n\u{7}", "--reviewer", "A\u{202e}B"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("accepted by A\\u{202e}B on "), "{}", r.stdout);
    assert!(r.stdout.contains("note: n\\u{7}"), "{}", r.stdout);
    assert!(!r.stdout.contains('\u{202e}') && !r.stdout.contains('\u{7}'), "{}", r.stdout);
    assert!(
        fs::read_to_string(d.join("reviews.yaml")).unwrap().contains("A\u{202e}B"),
        "the file keeps the name as given"
    );

    let digest = "sha256:0000000000000000000000000000000000000000000000000000000000000000";
    let text = format!(
        "- fact: moscow-summit.status\n  verdict_seen: conflict\n  decision: acepted\n  reviewer: ana\n  date: 2024-05-02\n  claims_digest: {digest}\n\
         - fact: moscow-summit.status\n  verdict_seen: conflicted\n  decision: accepted\n  reviewer: ana\n  date: 2024-05-32\n  claims_digest: {digest}\n"
    );
    fs::write(d.join("reviews.yaml"), text).unwrap();
    let r = review(d, "moscow-summit.status", "accepted", "x");
    assert_eq!(r.code, 2, "{}", r.stderr);
    let places: Vec<&str> =
        r.stderr.lines().filter_map(|l| l.split(": error").next().filter(|p| p.starts_with("reviews.yaml:"))).collect();
    let mut sorted = places.clone();
    sorted.sort_by_key(|p| p.split(':').skip(1).map(|n| n.parse::<u32>().unwrap()).collect::<Vec<_>>());
    assert!(places.len() >= 3, "{}", r.stderr);
    assert_eq!(places, sorted, "{}", r.stderr);
}

/// A `--reviews` path given and not there is a warning (a typo would pass CI
/// as "no decisions"); the default file missing is not: no one has reviewed yet.
#[test]
fn a_reviews_path_given_that_does_not_exist_is_warned_about() {
    let dir = conflict_fixture();
    let given = run(dir.path(), &["check", "--reviews", "typo/reviews.yaml"]);
    assert_eq!(given.code, 1, "{}", given.stderr);
    assert!(
        given.stderr.contains("warning: the reviews file typo/reviews.yaml does not exist: no review is applied"),
        "{}",
        given.stderr
    );
    let default = run(dir.path(), &["check"]);
    assert_eq!(default.code, 1);
    assert!(!default.stderr.contains("does not exist"), "{}", default.stderr);
}
