//! Integration tests: run the real binary over fixture folders.
//!
//! `tests/fixtures/verdicts/NAME` holds one small corpus per verdict;
//! `tests/fixtures/bad/NAME` one per kind of bad input, each expected to give
//! exit 2 and an error naming its file and line. Inputs that cannot be
//! committed (invalid UTF-8, symbolic links, huge files) are made by the test.

mod common;

use common::*;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

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
fn a_figure_with_a_scale_word_is_rounded_and_holds_the_exact_count() {
    // docs/numbers.md: "1.2 million" is 1,150,000 .. 1,249,999, so the registry's
    // exact count lies within it; "$1.3 billion" and "$1.2 billion" stay apart.
    let (code, doc) = json_in(&fixture("rounded-figures"), &["--all"]);
    assert_eq!(doc["errors"].as_array().unwrap().len(), 0, "{}", doc["errors"]);
    assert_eq!(
        verdicts(&doc),
        vec![
            ("sindh-floods.aid_pledged".to_string(), "conflict".to_string()),
            ("sindh-floods.displaced_count".to_string(), "compatible".to_string()),
        ]
    );
    assert_eq!(code, 1);
    let displaced = &doc["facts"][1]["pairs"][0];
    assert_eq!(displaced["relation"], "wider", "{displaced}");
}

#[test]
fn a_running_count_that_rose_is_revised_and_one_that_fell_conflicts() {
    // docs/numbers.md, "Running counts": death_toll rose from one day to
    // the next (revised); injured fell (conflict); rescue_teams is no
    // running count by its name (conflict).
    let (code, doc) = json_in(&fixture("running-count"), &["--all"]);
    assert_eq!(doc["errors"].as_array().unwrap().len(), 0, "{}", doc["errors"]);
    assert_eq!(
        verdicts(&doc),
        vec![
            ("turkey-earthquake.death_toll".to_string(), "revised".to_string()),
            ("turkey-earthquake.injured".to_string(), "conflict".to_string()),
            ("turkey-earthquake.rescue_teams".to_string(), "conflict".to_string()),
        ]
    );
    assert_eq!(code, 1);
    let toll = &doc["facts"][0];
    assert!(toll["reason"].as_str().unwrap().contains("was a forecast or a count of its day"), "{toll}");
    assert_eq!(toll["best"]["value"], "5,000", "the earlier count takes no part: {toll}");
    // Said the same day, the two tolls conflict.
    let same_day = scratch();
    copy_dir(&fixture("running-count"), same_day.path());
    let b = std::fs::read_to_string(same_day.path().join("claims/b.yaml")).unwrap();
    std::fs::write(same_day.path().join("claims/b.yaml"), b.replace("published: 2023-02-07", "published: 2023-02-06"))
        .unwrap();
    let (_, doc) = json_in(same_day.path(), &["--all"]);
    assert_eq!(verdicts(&doc)[0], ("turkey-earthquake.death_toll".to_string(), "conflict".to_string()));
    // A later forecast ("could reach 10,000") replaces no count: a conflict.
    let forecast = scratch();
    copy_dir(&fixture("running-count"), forecast.path());
    let b = std::fs::read_to_string(forecast.path().join("claims/b.yaml")).unwrap();
    std::fs::write(
        forecast.path().join("claims/b.yaml"),
        b.replace(
            "value: \"5,000\", quote: \"The death toll",
            "value: \"5,000\", hedge: possible, quote: \"The death toll",
        ),
    )
    .unwrap();
    let (_, doc) = json_in(forecast.path(), &["--all"]);
    assert_eq!(doc["errors"].as_array().unwrap().len(), 0, "{}", doc["errors"]);
    assert_eq!(verdicts(&doc)[0], ("turkey-earthquake.death_toll".to_string(), "conflict".to_string()));
    // The registry's `running:` turns the rule by name over: rescue_teams
    // on (it rose: revised), death_toll off (conflict).
    let set = scratch();
    copy_dir(&fixture("running-count"), set.path());
    let registry = std::fs::read_to_string(set.path().join("claims/entities.yaml")).unwrap();
    std::fs::write(
        set.path().join("claims/entities.yaml"),
        format!("{registry}properties:\n  rescue_teams: {{running: true}}\n  death_toll: {{running: false}}\n"),
    )
    .unwrap();
    let (_, doc) = json_in(set.path(), &["--all"]);
    assert_eq!(doc["errors"].as_array().unwrap().len(), 0, "{}", doc["errors"]);
    assert_eq!(
        verdicts(&doc),
        vec![
            ("turkey-earthquake.death_toll".to_string(), "conflict".to_string()),
            ("turkey-earthquake.injured".to_string(), "conflict".to_string()),
            ("turkey-earthquake.rescue_teams".to_string(), "revised".to_string()),
        ]
    );
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

// ------------------------------------------------------------ independence

/// `independence/`: daily-planet and morning-ledger run one wire paragraph
/// (a 35-word passage, no `wire:` declared); evening-courier reports on its
/// own but quotes Lavrov's 21 words as they do; harbor-times declares
/// `wire: AP` and `ap`'s outlet is AP (the registry's "Associated Press").
#[test]
fn copied_and_wire_sources_count_once() {
    let (code, doc) = json_in(&fixture("independence"), &["--all"]);
    assert_eq!(code, 0);
    assert_eq!(doc["errors"].as_array().unwrap().len(), 0, "{}", doc["errors"]);
    let fact = |id: &str| doc["facts"].as_array().unwrap().iter().find(|f| f["id"] == id).unwrap().clone();

    let location = fact("geneva-ii-conference.location");
    assert_eq!(location["verdict"], "agree");
    assert_eq!(location["support"]["sources"], 3);
    assert_eq!(location["support"]["independent"], 2);
    let readings = location["support"]["readings"].as_array().unwrap();
    assert_eq!(readings.len(), 1);
    assert_eq!(readings[0]["groups"], serde_json::json!([["daily-planet", "morning-ledger"], ["evening-courier"]]));

    let date = fact("geneva-ii-conference.date");
    assert_eq!((date["support"]["sources"].as_u64(), date["support"]["independent"].as_u64()), (Some(3), Some(2)));
    let readings = date["support"]["readings"].as_array().unwrap();
    assert_eq!(readings[0]["reading"], "2013-11-23");
    assert_eq!((readings[0]["sources"].as_u64(), readings[0]["independent"].as_u64()), (Some(2), Some(1)));
    assert_eq!(readings[0]["claims"], serde_json::json!(["ap/date", "harbor-times/date"]));
    assert_eq!((readings[1]["sources"].as_u64(), readings[1]["independent"].as_u64()), (Some(1), Some(1)));

    let deps = doc["dependencies"].as_array().unwrap();
    assert_eq!(deps.len(), 2, "{deps:#?}");
    assert_eq!(deps[0]["kind"], "wire");
    assert_eq!(deps[0]["sources"], serde_json::json!(["ap", "harbor-times"]));
    assert_eq!(deps[1]["kind"], "passage");
    assert_eq!(deps[1]["sources"], serde_json::json!(["daily-planet", "morning-ledger"]));
    assert!(deps[1]["reason"].as_str().unwrap().contains("35 words"), "{}", deps[1]);
    assert!(
        deps[1]["passage"].as_str().unwrap().starts_with("The United States and Russia agreed on Friday"),
        "{}",
        deps[1]
    );
}

#[test]
fn the_table_and_markdown_show_support_and_dependent_sources() {
    let dir = fixture("independence");
    let run = run_in(&dir, &["check", "--all", "--width", "220"]);
    assert!(run.stdout.contains("3 sources (2 independent)"), "{}", run.stdout);
    assert!(run.stdout.contains("support: 2 sources, all dependent"), "{}", run.stdout);
    assert!(run.stdout.contains("dependent sources (each group counts as one"), "{}", run.stdout);
    assert!(
        run.stdout.contains("harbor-times carries Associated Press copy (wire:), and ap is Associated Press"),
        "{}",
        run.stdout
    );
    let run = run_in(&dir, &["check", "--all", "--format", "markdown"]);
    assert!(run.stdout.contains("Support: 3 sources (2 independent)."), "{}", run.stdout);
    assert!(run.stdout.contains("## Dependent sources"), "{}", run.stdout);
    assert!(run.stdout.contains("- **passage**: daily-planet and morning-ledger share a passage of 35 words"));
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
        ("missing-article", &["claims/a.yaml:1:67: error: article 'b.txt' of source 'a' not found"]),
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
        (
            "duplicate-source",
            &[
                "claims/a.yaml:1:9: error: source id 'a' is used twice: also in claims/b.yaml:1; the claims of none of \
                 these files are checked",
                "claims/b.yaml:1:9: error: source id 'a' is used twice: also in claims/a.yaml:1",
                "remove it; if they are two articles, give each its own id",
            ],
        ),
        (
            "alias-collision",
            &[
                "claims/entities.yaml:3:5: error: 'geneva TALKS' is a name or alias of both 'Geneva II conference' and 'Geneva III talks'",
                "claims/entities.yaml:4:26: error: unknown entity kind 'plce'",
            ],
        ),
        ("not-yaml", &["claims/notes.txt: error: not a claim file"]),
        (
            "wire",
            &[
                "claims/a.yaml:6:9: error: 'wire' should be a list of text, found a mapping",
                "claims/b.yaml:6:3: error: unknown key 'wires' in 'source'",
                "did you mean 'wire'?",
            ],
        ),
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
        (
            "tab-indent",
            &["claims/a.yaml:2:2: error: invalid YAML: tabs disallowed", "help: indent with spaces"],
        ),
        (
            "two-documents",
            &["claims/a.yaml:4:1: error: invalid YAML: a second YAML document", "put each source in its own file"],
        ),
        ("file-is-a-list", &["claims/a.yaml:1:1: error: the claim file should be a mapping of keys, found a list"]),
        (
            "wrong-types-source",
            &[
                "claims/a.yaml:3:11: error: 'outlet' in 'source' should be text, found a list",
                "claims/a.yaml:4:14: error: 'published' in 'source' should be text, found a mapping",
                "claims/a.yaml:6:10: error: 'title' in 'source' should be text, found a list",
                "claims/a.yaml:7:8: error: 'url' in 'source' should be text, found a mapping",
                "claims/a.yaml:8:9: error: 'wire' should be a list of text, found a mapping",
                "claims/a.yaml:9:9: error: 'note' in 'source' should be text, found a list",
                "6 input errors",
            ],
        ),
        (
            "wrong-types-claim",
            &[
                "claims/a.yaml:3:10: error: 'id' in a claim should be text, found a list",
                "claims/a.yaml:4:41: error: 'property' in a claim should be text, found a list",
                "claims/a.yaml:4:75: error: 'quote' in a claim should be text, found a list",
                "claims/a.yaml:5:97: error: 'type' in a claim should be text, found a list",
                "claims/a.yaml:5:112: error: 'hedge' in a claim should be text, found a mapping",
                "claims/a.yaml:6:99: error: 'said_by' in a claim should be text, found a list",
                "claims/a.yaml:6:111: error: 'as_of' in a claim should be text, found a list",
                "claims/a.yaml:6:125: error: 'note' in a claim should be text, found a mapping",
                "claims/a.yaml:7:60: error: an item of 'value' is a list, expected text",
                "claims/a.yaml:8:54: error: claim 'six' has a list as its value, but its type is date",
                "10 input errors",
            ],
        ),
        (
            "bad-as-of",
            &[
                "claims/a.yaml:3:96: error: as_of '2013-02-29' is not a calendar date",
                "claims/a.yaml:4:96: error: as_of '2013-8-9' is not written YYYY-MM-DD",
                "claims/a.yaml:5:98: error: as_of '+2013-08-09' is not written YYYY-MM-DD",
                "claims/a.yaml:6:97: error: as_of '2013-08-09T10:00' is not written YYYY-MM-DD",
                // A date written another way is named as the day it is.
                "help: '2013-8-9' is the day 2013-08-09: write it so, YYYY-MM-DD",
                "help: '2013-08-09T10:00' is the day 2013-08-09: write it so, YYYY-MM-DD",
            ],
        ),
        (
            "registry-elsewhere",
            &[
                "claims/2013/entities.yaml:1:1: error: this looks like an entity registry (it has 'entities' and no \
                 'source' or 'claims'), but the registry must be claims/entities.yaml; this file is not read",
                "claims/registry.yml:2:1: error: this looks like an entity registry",
                "help: move it to claims/entities.yaml",
                "2 input errors",
            ],
        ),
        (
            "as-of-after-published",
            &[
                "claims/a.yaml:5:98: error: as_of 2014-08-09 of claim 'after' is after its article was published (2013-08-09)",
                "help: a claim is said on or before the day the article reporting it appeared: correct `as_of` to 2013-08-09 or earlier",
                "correct `published`",
                "1 input error",
            ],
        ),
        (
            "absurd-year",
            &[
                "claims/a.yaml:1:46: error: published '0001-01-01' has the year 1",
                "help: years from 1800 to 2200 are accepted",
                "claims/b.yaml:3:96: error: as_of '9999-12-31' has the year 9999",
                "claims/b.yaml:4:96: error: as_of '99999-01-01' is not written YYYY-MM-DD",
                "claims/b.yaml:5:56: error: cannot read 'in the year 99999999999' as a date",
            ],
        ),
        (
            "unknown-source-key",
            &[
                "claims/a.yaml:1:74: error: unknown key 'publisher' in 'source'",
                "did you mean 'published'?",
                "claims/a.yaml:2:1: error: unknown key 'claim' in the claim file",
                "did you mean 'claims'?",
            ],
        ),
        (
            "empty-quote",
            &[
                "claims/a.yaml:3:73: error: 'quote' in a claim is empty",
                "claims/a.yaml:4:73: error: 'quote' in a claim is empty",
                "claims/a.yaml:5:5: error: a claim has no 'quote'",
            ],
        ),
        (
            "registry-alias-cycle",
            &[
                "claims/entities.yaml:3:5: error: 'Geneva II conference' is a name or alias of both 'Geneva II conference' and 'Geneva talks'",
                "claims/entities.yaml:3:5: error: 'Geneva talks' is a name or alias of both",
            ],
        ),
        ("registry-broken", &["claims/entities.yaml:4:11: error: invalid YAML"]),
        (
            "blank-values",
            &[
                "claims/a.yaml:6:24: error: 'subject' in a claim is empty",
                "claims/a.yaml:7:58: error: the claim's 'value' is empty",
                "help: write the value as the article words it",
                "claims/a.yaml:8:5: error: a claim has no 'value'",
                // invisible characters are shown as escapes on the terminal
                "claims/a.yaml:9:25: error: the subject '\\u{200b}\\u{200f}' has no letter or digit",
                "4 input errors",
            ],
        ),
        (
            "published-not-iso",
            &[
                "claims/a.yaml:2:46: error: published '13/11/2013' is not written YYYY-MM-DD",
                "claims/b.yaml:1:46: error: published '2013-13-45' is not a calendar date",
                "help: '13/11/2013' is the day 2013-11-13: write it so, YYYY-MM-DD",
            ],
        ),
        (
            "yaml-tags",
            &[
                "claims/a.yaml:2:18: error: invalid YAML: a YAML tag '!include': values are read as text and no tag is followed",
                "claims/b.yaml:3:35: error: invalid YAML: a YAML tag '!!binary'",
                "help: remove the tag",
                "2 input errors",
            ],
        ),
        (
            "merge-key",
            &[
                "claims/a.yaml:4:5: error: invalid YAML: a YAML merge key ('<<')",
                "help: write the keys out in each claim",
                "1 input error",
            ],
        ),
        (
            "registry-empty",
            &["claims/entities.yaml: error: the file is empty", "help: the registry has an `entities:` list"],
        ),
        (
            "registry-is-a-folder",
            &[
                "claims/entities.yaml: error: the entity registry is a folder, not a file; no registry is read",
                "help: the registry is one YAML file with an `entities:` list (docs/claims-format.md): rename the folder",
            ],
        ),
        (
            "registry-wrong-shape",
            &[
                "claims/entities.yaml:2:5: error: an entity should be a mapping of keys, found a scalar",
                "claims/entities.yaml:3:26: error: 'kind' in an entity should be text, found a list",
                "claims/entities.yaml:4:40: error: 'aliases' should be a list of text, found a mapping",
                "claims/entities.yaml:5:5: error: entity name '???' has no letter or digit",
                "claims/entities.yaml:6:5: error: entity 'Moscow' has an alias '' with no letter or digit",
                "claims/entities.yaml:6:5: error: entity 'Moscow' has an alias '--' with no letter or digit",
            ],
        ),
        (
            "registry-properties",
            &[
                "claims/entities.yaml:4:25: error: property 'death_toll': 'running' should be true or false, found 'yes'",
                "help: write `running: true` for a count the news updates as it grows",
                "claims/entities.yaml:5:29: error: property 'act_dep_time': 'fast' is not a tolerance",
                "claims/entities.yaml:6:34: error: unknown key 'cumulative' in a property's settings",
                "help: valid keys: tolerance, running",
            ],
        ),
        (
            "two-registries",
            &["claims/entities.yml: error: a second entity registry", "claims/entities.yaml is the registry"],
        ),
        (
            "duplicate-source-nested",
            &[
                "claims/z.yaml:1:9: error: source id 'a' is used twice: also in claims/2013/b.yaml:1",
                "claims/2013/b.yaml:1:9: error: source id 'a' is used twice: also in claims/z.yaml:1",
            ],
        ),
        (
            "article-is-directory",
            &["claims/a.yaml:1:67: error: article 'a.txt' of source 'a' is a directory, not a text file"],
        ),
        ("articles-missing", &["error: articles directory 'articles' not found", "--articles DIR"]),
        ("claims-is-a-file", &["error: claims directory 'claims' is not a directory"]),
        ("nul-byte", &["claims/a.yaml:3:63: error: the file has a NUL byte (byte 143): it is not text"]),
        ("binary-article", &["articles/a.txt:3:8: error: the file has a NUL byte (byte 22): it is not text"]),
        (
            "latin1-article",
            &["articles/a.txt:1:27: error: the file is not valid UTF-8 (byte 26)", "it may be Latin-1"],
        ),
        ("latin1-claim", &["claims/a.yaml:3:63: error: the file is not valid UTF-8 (byte 143)"]),
        (
            "utf16-claim",
            &["claims/a.yaml:1:1: error: the file is not valid UTF-8 (byte 0)", "it is UTF-16"],
        ),
        (
            "utf16-no-bom",
            &[
                "claims/a.yaml: error: the file is UTF-16 (little-endian, without a byte-order mark), not UTF-8",
                "no claims; 1 claim file could not be read at all",
            ],
        ),
        ("no-claims-list", &["claims/a.yaml:1:7: error: the claim file has no 'claims' list"]),
        ("null-source", &["claims/a.yaml:2:1: error: 'source' should be a mapping of keys, found nothing (null)"]),
        (
            "key-not-a-name",
            &["claims/a.yaml:3:8: error: a key in a claim is a list, not a name", "claims/a.yaml:3:5: error: a claim has no 'id'"],
        ),
        (
            "empty-article",
            &["claims/a.yaml:3:75: error: the quote of claim 'venue' is not in its article a.txt"],
        ),
        ("deep-nesting", &["claims/a.yaml:3:158: error: invalid YAML: nesting deeper than 64 levels"]),
        (
            "alias-bomb",
            &["claims/a.yaml:7:47: error: invalid YAML: aliases expand to more than 1000000 nodes", "anchors and aliases"],
        ),
        ("crlf-error", &["claims/a.yaml:3:98: error: unknown hedge 'surely'", "did you mean 'likely'?"]),
        ("bom-error", &["claims/a.yaml:1:46: error: published '2013-02-30' is not a calendar date"]),
        (
            "no-letters",
            &[
                "claims/a.yaml:3:24: error: the subject '???' has no letter or digit",
                "claims/a.yaml:4:41: error: the property '!!!' has no letter or digit",
                "claims/a.yaml:5:57: error: the value '...' has no letter or digit: it names no entity",
                "claims/a.yaml:6:63: error: the list item '...' has no letter or digit: it names no entity",
                "an item of marks alone such as '...' names no one",
            ],
        ),
        (
            "list-value-wrong-type",
            &["claims/a.yaml:3:60: error: claim 'one' has a list as its value, but its type is number"],
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

/// An entity value of marks alone ('...') was a warning that it is not in
/// the registry, with the help to add it there, which the registry refuses
/// (a name or alias with no letter or digit is an error): now an error
/// where the value is read, and no such warning.
#[test]
fn an_entity_named_by_marks_alone_is_an_error_not_a_registry_warning() {
    let run = run_in(&fixture("bad/no-letters"), &["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("error: the value '...' has no letter or digit"), "{}", run.stderr);
    assert!(!run.stderr.contains("'...' is not in the registry"), "{}", run.stderr);
}

/// A registry that is there but cannot be read is named for what it is: not
/// "no entity registry", and not the help for a claim file.
#[test]
fn a_broken_or_empty_registry_is_not_reported_missing() {
    for name in ["registry-empty", "registry-broken", "registry-is-a-folder"] {
        let run = run_in(&fixture(&format!("bad/{name}")), &["check"]);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(!run.stderr.contains("no entity registry"), "{name}: {}", run.stderr);
        assert!(!run.stderr.contains("a claim file has"), "{name}: {}", run.stderr);
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
fn the_summary_counts_the_claims_of_files_dropped_whole() {
    // b.yaml lists three claims, but its source's date does not exist: the
    // file is dropped, and the report covers 1 of 4 claims, not "1 of 1".
    let dir = scratch();
    std::fs::write(dir.path().join("claims/a.yaml"), GOOD).unwrap();
    let bad = "source: {id: b, outlet: B, published: 2013-02-30, article: a.txt}\nclaims:\n".to_string()
        + &(1..=3)
            .map(|i| {
                format!("  - {{id: c{i}, subject: talks, property: location, value: Geneva, quote: held in Geneva}}\n")
            })
            .collect::<String>();
    std::fs::write(dir.path().join("claims/b.yaml"), bad).unwrap();
    // c.yaml is not YAML at all: its claims cannot be counted, and the summary says so.
    std::fs::write(dir.path().join("claims/c.yaml"), "source: [unclosed\n").unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "the report covers only 1 of the 4 claims of the claim files that could be read; 1 claim file could \
             not be read at all, and its claims are not counted"
        ),
        "{}",
        run.stderr
    );
    let (_, doc) = json_in(dir.path(), &[]);
    assert_eq!(doc["summary"]["claims"], 4);
    assert_eq!(doc["summary"]["claims_checked"], 1);
    assert_eq!(doc["summary"]["claim_files_unread"], 1);
    // Every claim of the files read is checked, but a file was not read: not "all".
    std::fs::remove_file(dir.path().join("claims/b.yaml")).unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert!(
        run.stderr.contains(
            "the report covers the 1 claim of the claim files that could be read; 1 claim file could not be read at \
             all, and its claims are not counted"
        ),
        "{}",
        run.stderr
    );
    std::fs::write(dir.path().join("claims/b.yaml"), GOOD.replace("id: a,", "id: b,")).unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert!(
        run.stderr.contains("the report covers the 2 claims of the claim files that could be read"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("covers all"), "{}", run.stderr);
}

/// Run `args` in `dir` as a user who cannot read `unreadable` (a folder
/// made mode 000): as it is, or, when this process reads it all the same
/// (root), through `setpriv` without the capabilities that let root read
/// any folder. `None` when neither can be arranged: the caller skips.
#[cfg(unix)]
fn run_unable_to_read(dir: &Path, unreadable: &Path, args: &[&str]) -> Option<Run> {
    if std::fs::read_dir(unreadable).is_err() {
        return Some(run_in(dir, args));
    }
    const DROP: &str = "--bounding-set=-dac_override,-dac_read_search";
    let probe = std::process::Command::new("setpriv").args([DROP, "ls"]).arg(unreadable).output();
    if !probe.is_ok_and(|p| !p.status.success() && String::from_utf8_lossy(&p.stderr).contains("ermission denied")) {
        return None;
    }
    let mut cmd = std::process::Command::new("setpriv");
    cmd.args([DROP, env!("CARGO_BIN_EXE_crosscheck")]).args(args).current_dir(dir).env("NO_COLOR", "1");
    Some(finish(cmd))
}

#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_read_makes_the_report_partial_not_all() {
    // The error named the folder, but the summary said the report covered
    // "all 2 claims in the claim files": the claims in it were not counted.
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch();
    let two = GOOD.to_string()
        + "  - {id: venue2, subject: talks, property: location, value: Geneva, quote: held in Geneva}\n";
    std::fs::write(dir.path().join("claims/a.yaml"), &two).unwrap();
    let sub = dir.path().join("claims/sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("b.yaml"), two.replace("id: a,", "id: b,")).unwrap();
    let mode = |path: &Path, mode: u32| std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    mode(&sub, 0o000);
    let runs = run_unable_to_read(dir.path(), &sub, &["check"]).zip(run_unable_to_read(
        dir.path(),
        &sub,
        &["check", "--format", "json"],
    ));
    mode(&sub, 0o755);
    let Some((run, json)) = runs else {
        eprintln!("skipped: the folder stays readable (root without setpriv)");
        return;
    };
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("error: cannot read directory 'claims/sub'"), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "1 input error: the report covers the 2 claims of the claim files that could be read; 1 folder could \
             not be read, and the claims of its files are not counted"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("covers all"), "{}", run.stderr);
    let doc: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(doc["summary"]["folders_unread"], 1, "{}", doc["summary"]);
    // The claims folder itself: its error, not "no claim files" as if it were empty.
    let claims = dir.path().join("claims");
    mode(&claims, 0o000);
    let run = run_unable_to_read(dir.path(), &claims, &["check"]);
    mode(&claims, 0o755);
    let run = run.expect("arranged above");
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("error: cannot read directory 'claims'"), "{}", run.stderr);
    assert!(!run.stderr.contains("no claim files"), "{}", run.stderr);
    assert!(run.stderr.contains("covers no claims; 1 folder could not be read"), "{}", run.stderr);
}

#[test]
fn an_article_that_is_a_link_in_a_loop_is_named_for_what_it_is() {
    let dir = scratch();
    std::fs::remove_file(dir.path().join("articles/a.txt")).unwrap();
    std::os::unix::fs::symlink("b.txt", dir.path().join("articles/a.txt")).unwrap();
    std::os::unix::fs::symlink("a.txt", dir.path().join("articles/b.txt")).unwrap();
    std::fs::write(dir.path().join("claims/a.yaml"), GOOD).unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("is a symbolic link that leads in a loop"), "{}", run.stderr);
    assert!(!run.stderr.contains("not found"), "{}", run.stderr);
}

#[test]
fn a_one_line_list_keeps_a_registry_name_that_has_an_and() {
    let dir = scratch();
    std::fs::write(dir.path().join("articles/a.txt"), "Serbia, Bosnia and Herzegovina and Croatia took part.\n")
        .unwrap();
    std::fs::write(
        dir.path().join("claims/a.yaml"),
        "source: {id: a, outlet: A, published: 2013-08-09, article: a.txt}\nclaims:\n  - {id: p, subject: talks, \
         property: participants, value: 'Serbia, Bosnia and Herzegovina and Croatia', quote: Croatia took part}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("claims/entities.yaml"),
        "entities:\n  - {name: Serbia, kind: country}\n  - {name: Bosnia and Herzegovina, kind: country}\n  \
         - {name: Croatia, kind: country}\n  - {name: talks, kind: event}\n",
    )
    .unwrap();
    let run = run_in(dir.path(), &["check", "--format", "json", "--all"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("not in the registry"), "{}", run.stderr);
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    let reading = doc["facts"][0]["claims"][0]["reading"].to_string();
    assert!(reading.contains("bosnia-and-herzegovina") && reading.contains("croatia"), "{reading}");
}

#[test]
fn unknown_keys_and_hedges_suggest_the_word_meant() {
    let dir = scratch();
    let text =
        "source: {id: a, outlet: A, date: 2013-08-09, article: a.txt}\nclaims:\n  - {id: venue, subject: talks, \
                property: location, value: Geneva, speaker: Lavrov, hedge: probably, quote: held in Geneva}\n";
    std::fs::write(dir.path().join("claims/a.yaml"), text).unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    for (key, meant) in [("date", "published"), ("speaker", "said_by")] {
        let expected = format!("unknown key '{key}'");
        let at = run.stderr.find(&expected).unwrap_or_else(|| panic!("{expected}\n{}", run.stderr));
        assert!(run.stderr[at..].contains(&format!("did you mean '{meant}'?")), "{}", run.stderr);
    }
    let text = GOOD.replace("value: Geneva,", "value: Geneva, hedge: probably,");
    std::fs::write(dir.path().join("claims/a.yaml"), text).unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert!(run.stderr.contains("unknown hedge 'probably'\n  help: did you mean 'likely'?"), "{}", run.stderr);
}

#[test]
fn a_quote_typed_in_nfc_is_found_in_an_nfd_article_and_shown_as_the_article_writes_it() {
    // The article as macOS or a PDF gives it (NFD: "u" + U+0308), the claims typed (NFC: "ü"), and back.
    let dir = scratch();
    std::fs::write(dir.path().join("articles/a.txt"), "The talks were held in Zu\u{308}rich on Friday.\n").unwrap();
    std::fs::write(dir.path().join("articles/b.txt"), "The talks were held in Z\u{fc}rich on Friday.\n").unwrap();
    std::fs::write(
        dir.path().join("claims/a.yaml"),
        "source: {id: a, outlet: A, published: 2013-08-09, article: a.txt}\nclaims:\n  - {id: venue, subject: talks, property: location, value: Z\u{fc}rich, quote: held in Z\u{fc}rich on Friday}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("claims/b.yaml"),
        "source: {id: b, outlet: B, published: 2013-08-09, article: b.txt}\nclaims:\n  - {id: venue, subject: talks, property: location, value: Zu\u{308}rich, quote: held in Zu\u{308}rich on Friday}\n",
    )
    .unwrap();
    let run = run_in(dir.path(), &["check", "--format", "json", "--all"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("not in its article"), "{}", run.stderr);
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    let text = doc.to_string();
    // each passage is cut from its own article's text
    assert!(text.contains("held in Zu\u{308}rich on Friday"), "{text}");
    assert!(text.contains("held in Z\u{fc}rich on Friday"), "{text}");
}

#[test]
fn a_quote_with_words_left_out_is_found_and_a_wrong_one_says_how_they_are_found() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("articles/a.txt"),
        "Halden Motors is recalling nearly 2 million SUVs built since 2019 over faulty airbag inflators.\n",
    )
    .unwrap();
    let claims = |quote: &str| {
        format!(
            "source: {{id: a, outlet: A, published: 2024-05-08, article: a.txt}}\nclaims:\n  - id: count\n    \
             subject: recall\n    property: vehicle_count\n    value: nearly 2 million\n    quote: \"{quote}\"\n"
        )
    };
    std::fs::write(
        dir.path().join("claims/a.yaml"),
        claims("recalling nearly 2 million SUVs ... over faulty airbag inflators"),
    )
    .unwrap();
    let run = run_in(dir.path(), &["check", "--format", "html", "--all"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("built since 2019"), "the passage shows the words left out");
    std::fs::write(dir.path().join("claims/a.yaml"), claims("recalling nearly 2 million SUVs ... over faulty brakes"))
        .unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("the quote of claim 'count' is not in its article"), "{}", run.stderr);
    assert!(
        run.stderr.contains("a quote with words left out ('...') or put in by the editor ('[the minister]') is found when its parts (at most 32) stand"),
        "{}",
        run.stderr
    );
}

/// Two outlets give the same amount in euros and in dollars: the numbers
/// agree, and the warning says they are in different currencies.
#[test]
fn amounts_in_different_currencies_are_warned_about_even_when_they_agree() {
    let dir = scratch();
    std::fs::write(dir.path().join("articles/a.txt"), "The EU pledged €50 million in aid.\n").unwrap();
    std::fs::write(dir.path().join("articles/b.txt"), "The EU pledged $50 million in aid.\n").unwrap();
    for (id, value) in [("a", "€50 million"), ("b", "$50 million")] {
        let quote = format!("pledged {value} in aid");
        std::fs::write(
            dir.path().join(format!("claims/{id}.yaml")),
            format!(
                "source: {{id: {id}, outlet: {id}, published: 2024-03-11, article: {id}.txt}}\nclaims:\n  - id: pledge\n    \
                 subject: EU aid pledge\n    property: amount\n    type: number\n    value: \"{value}\"\n    quote: \"{quote}\"\n"
            ),
        )
        .unwrap();
    }
    let run = run_in(dir.path(), &["check", "--all"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("AGREE"), "{}", run.stdout);
    assert!(
        run.stderr.contains("claims/b.yaml:3: warning: fact 'eu-aid-pledge.amount' has amounts in different currencies: '€50 million' (EUR, claims/a.yaml:3) and '$50 million' ($)"),
        "{}",
        run.stderr
    );
    // One currency, however it is written: no warning.
    std::fs::write(
        dir.path().join("claims/a.yaml"),
        std::fs::read_to_string(dir.path().join("claims/a.yaml")).unwrap().replace("€50 million", "US$50 million"),
    )
    .unwrap();
    std::fs::write(dir.path().join("articles/a.txt"), "The EU pledged US$50 million in aid.\n").unwrap();
    let run = run_in(dir.path(), &["check", "--all"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("different currencies"), "{}", run.stderr);
}

/// `sources --format json` carries the run's problems, as `check` does: a
/// CI reading it knows when the estimates rest on part of the claims.
#[test]
fn sources_as_json_carries_the_errors_and_warnings() {
    let dir = scratch();
    std::fs::write(dir.path().join("claims/a.yaml"), GOOD).unwrap();
    std::fs::write(
        dir.path().join("claims/b.yaml"),
        GOOD.replace("id: a,", "id: b,").replace("2013-08-09", "2013-02-30"),
    )
    .unwrap();
    let run = run_in(dir.path(), &["sources", "--format", "json"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    let errors = doc["errors"].as_array().unwrap();
    assert!(
        errors.iter().any(|e| e["file"] == "claims/b.yaml" && e["message"].as_str().unwrap().contains("2013-02-30")),
        "{doc}"
    );
    assert!(doc["warnings"].is_array(), "{doc}");
    let clean = scratch();
    std::fs::write(clean.path().join("claims/a.yaml"), GOOD).unwrap();
    let run = run_in(clean.path(), &["sources", "--format", "json"]);
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["errors"], serde_json::json!([]), "{doc}");
}

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

/// A Latin-1 file name ("café.yaml" from an old system) is named for what is
/// wrong with it, not as "not a claim file: claim files end in .yaml".
#[cfg(target_os = "linux")]
#[test]
fn a_file_name_that_is_not_utf8_is_named() {
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.yaml");
    std::fs::write(dir.path().join("claims").join(name), GOOD).unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("claims/caf\u{fffd}.yaml: error: the file name is not valid UTF-8"), "{}", run.stderr);
    assert!(!run.stderr.contains("not a claim file"), "{}", run.stderr);
    // The summary does not claim the report is whole: that file's claims are not counted.
    assert!(run.stderr.contains("no claims; 1 claim file could not be read at all"), "{}", run.stderr);
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

/// A claim file written on Windows (`article: 2013\a.txt`) reads the same on every system,
/// and a backslashed `..` is refused like a slashed one.
#[test]
fn a_backslash_in_an_article_path_is_a_folder_separator() {
    let dir = scratch();
    std::fs::create_dir_all(dir.path().join("articles/2013")).unwrap();
    std::fs::rename(dir.path().join("articles/a.txt"), dir.path().join("articles/2013/a.txt")).unwrap();
    std::fs::write(dir.path().join("claims/a.yaml"), GOOD.replace("article: a.txt", "article: 2013\\a.txt")).unwrap();
    let run = run_in(dir.path(), &["check", "--all"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("talks.location"), "{}", run.stdout);

    std::fs::write(dir.path().join("claims/a.yaml"), GOOD.replace("article: a.txt", "article: ..\\secret.txt"))
        .unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("leaves the articles directory"), "{}", run.stderr);
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

/// 50 MB of real text, over the 32 MiB limit: refused from its size, unread.
fn fifty_megabytes(line: &str) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(50_000_000 + line.len());
    while bytes.len() < 50_000_000 {
        bytes.extend_from_slice(line.as_bytes());
    }
    bytes
}

#[test]
fn a_50_mb_claim_file_is_refused_unread() {
    let dir = scratch();
    std::fs::write(dir.path().join("claims/a.yaml"), GOOD).unwrap();
    let big = fifty_megabytes("# padding padding padding padding\n");
    std::fs::write(dir.path().join("claims/big.yaml"), &big).unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2);
    let limit = crosscheck::load::MAX_FILE_BYTES;
    assert!(
        run.stderr
            .contains(&format!("claims/big.yaml: error: the file is {} bytes, over the limit of {limit}", big.len())),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("split it into smaller files"), "{}", run.stderr);
}

#[test]
fn one_long_scalar_aliased_many_times_is_refused_as_an_alias_bomb() {
    // 4 MB of file, well within the node limit, that would expand to 40 GB:
    // refused at the byte limit of the text, not by running out of memory.
    let dir = scratch();
    std::fs::write(dir.path().join("claims/a.yaml"), GOOD).unwrap();
    let mut bomb = format!(
        "source: {{id: b, outlet: &o {}, published: 2013-08-09, article: a.txt}}\nnotes:\n",
        "x".repeat(2_000_000)
    );
    for _ in 0..20_000 {
        bomb.push_str("  - *o\n");
    }
    std::fs::write(dir.path().join("claims/bomb.yaml"), bomb).unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let limit = crosscheck::load::yaml::MAX_TEXT_BYTES;
    assert!(
        run.stderr
            .contains(&format!("aliases expand to more than {limit} bytes of text; this looks like an alias bomb")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("claims/bomb.yaml:"), "{}", run.stderr);
}

/// A symbolic link to a claim file already read is named and not read: read
/// twice, the file's source id would be taken twice and both dropped.
#[cfg(unix)]
#[test]
fn a_link_to_a_claim_file_already_read_is_not_read_again() {
    let dir = scratch();
    std::fs::write(dir.path().join("claims/a.yaml"), GOOD).unwrap();
    std::os::unix::fs::symlink("a.yaml", dir.path().join("claims/c.yaml")).unwrap();
    let run = run_in(dir.path(), &["check", "--format", "json"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "claims/c.yaml: error: a symbolic link to 'claims/a.yaml', a file already read; it was not read again"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("source id"), "{}", run.stderr);
    assert!(run.stdout.contains("\"claims_checked\": 1"), "{}", run.stdout);
}

/// `when` shows its expression and its errors as every other command shows
/// input on a terminal: control and bidi characters escaped.
#[test]
fn when_escapes_control_characters_in_what_it_prints() {
    let dir = scratch();
    let run = run_in(dir.path(), &["when", "--as-of", "2013-08-09", "next\u{1b}[31m week\u{7}"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("'next\\u{1b}[31m week\\u{7}'"), "{}", run.stderr);
    let run = run_in(dir.path(), &["when", "--as-of", "2013-08-09", "next\u{202e} week"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("next\\u{202e} week\t2013-08-12 .. 2013-08-18"), "{}", run.stdout);
    for out in [&run.stdout, &run.stderr] {
        assert!(!out.contains(['\u{1b}', '\u{7}', '\u{202e}']), "{out}");
    }
}

#[test]
fn a_50_mb_article_is_refused_unread() {
    let dir = scratch();
    std::fs::write(dir.path().join("claims/a.yaml"), GOOD).unwrap();
    let big = fifty_megabytes("The talks were held in Geneva.\n");
    std::fs::write(dir.path().join("articles/a.txt"), &big).unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2);
    let expected = format!("articles/a.txt: error: the file is {} bytes, over the limit", big.len());
    assert!(run.stderr.contains(&expected), "{}", run.stderr);
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
    // "late Friday" is a part of a day: its bounds are minutes (docs/temporal.md, "Times of day").
    assert_eq!(lines[0]["start"], "2016-03-04T18:00");
    assert_eq!(lines[0]["end"], "2016-03-04T23:59");
    assert_eq!(lines[0]["precision"], "part-of-day");
    assert!(lines[1]["error"].as_str().unwrap().contains("the day the music died"));
    assert_eq!(lines[2]["start"], "2016-03-09");
    assert!(String::from_utf8(out.stderr).unwrap().contains("error: cannot read 'the day the music died'"));
}

/// Piped input is read a line at a time and never whole: a line that is not
/// UTF-8 or is far too long is named and skipped, the rest still read, and a
/// NUL byte (binary input, `/dev/zero`) stops the reading instead of filling
/// the memory.
#[test]
fn when_names_unreadable_stdin_lines_and_stops_at_binary_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["when", "--as-of", "2016-03-05"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = b"\xef\xbb\xbfnext year\r\ncaf\xe9\n".to_vec();
    input.extend(std::iter::repeat_n(b'x', 1 << 20));
    input.extend_from_slice(b"\nMarch 9\nthen\0binary\nMarch 10\n");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stdout.starts_with("next year\t2017-01-01 .. 2017-12-31"), "{stdout}");
    assert!(stdout.contains("March 9\t2016-03-09"), "{stdout}");
    assert!(!stdout.contains("March 10"), "reading stops at the NUL byte: {stdout}");
    assert!(stderr.contains("stdin:2: error: the line is not valid UTF-8 (byte 3 of the line)"), "{stderr}");
    assert!(stderr.contains("stdin:3: error: the line is over 4096 bytes"), "{stderr}");
    assert!(stderr.contains("stdin:5: error: a NUL byte: the input is not text"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
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
fn show_says_which_tense_chose_a_bare_month() {
    // docs/temporal.md: the quote's tense picks the year of a bare month; show says which.
    let run = run_in(&root(), &["show", "Geneva II"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = |value: &str| {
        run.stdout.lines().find(|l| l.contains(value)).unwrap_or_else(|| panic!("{value}: {}", run.stdout))
    };
    assert!(
        line("in November (hoped) =>").contains("(month), the quote gives no tense: the nearest"),
        "{}",
        run.stdout
    );
    // In a longer expression too: "the second week of November" is this year's by the tense.
    assert!(line("second week of November (likely) =>").contains("the quote reads as future"), "{}", run.stdout);
    // A reading that no tense chose says nothing of it.
    assert!(!line("as soon as possible (planned) =>").contains("the quote"), "{}", run.stdout);
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
    // A file never gets colour codes, whatever --color says (docs/reports.md).
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("report.txt");
    let written = run_in(&dir, &["check", "--color", "always", "--output", file.to_str().unwrap()]);
    assert_eq!(written.code, 1, "{}", written.stderr);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("CONFLICT") && !text.contains('\u{1b}'), "{text:?}");
}

/// `--width` below 60 would draw columns a letter wide: refused, as a
/// width over 65535 is, for `check` and `sources`.
#[test]
fn a_table_too_narrow_to_read_is_refused() {
    let dir = fixture("verdicts/conflict");
    for command in ["check", "sources"] {
        for width in ["0", "5", "59"] {
            let run = run_in(&dir, &[command, "--width", width]);
            assert_eq!(run.code, 2, "{command} --width {width}: {}", run.stderr);
            assert!(
                run.stderr.contains(&format!("{width} columns is too narrow for a legible table")),
                "{}",
                run.stderr
            );
            assert!(run.stderr.contains("give at least 60 (up to 65535)"), "{}", run.stderr);
            assert!(run.stdout.is_empty(), "{}", run.stdout);
        }
        let run = run_in(&dir, &[command, "--width", "70000"]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(run.stderr.contains("more than the 65535"), "{}", run.stderr);
        assert_ne!(run_in(&dir, &[command, "--width", "60"]).code, 2);
    }
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
    assert!(
        run.stderr.contains("error: 'claims/2013/loop' is a symbolic link to 'claims', a folder it is in (a cycle); it was not followed"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_link_to_a_sibling_folder_is_named_as_the_link_whatever_the_listing_order() {
    // The link sorts before its folder in one case and after it in the other.
    for (link, folder) in [("a-link", "z-sub"), ("z-link", "a-sub")] {
        let dir = scratch();
        std::fs::create_dir(dir.path().join("claims").join(folder)).unwrap();
        std::fs::write(dir.path().join("claims").join(folder).join("a.yaml"), GOOD).unwrap();
        std::os::unix::fs::symlink(folder, dir.path().join("claims").join(link)).unwrap();
        let run = run_in(dir.path(), &["check"]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        let expected = format!(
            "error: 'claims/{link}' is a symbolic link to 'claims/{folder}', a folder already read (a second way into it); it was not followed"
        );
        assert!(run.stderr.contains(&expected), "{}", run.stderr);
        assert!(
            run.stderr.contains("help: remove the link: the files there are read once, by their own path"),
            "{}",
            run.stderr
        );
        assert!(!run.stderr.contains("cycle"), "{}", run.stderr);
        assert!(run.stdout.contains("from 1 claim in 1 source"), "read once, by its own path: {}", run.stdout);
    }
}

#[test]
fn a_chain_of_folders_two_thousand_deep_is_walked_in_linear_time() {
    // Resolving each folder's full path made this cubic: 20 s at 1,600 levels.
    let dir = scratch();
    let mut deep = dir.path().join("claims");
    for _ in 0..1800 {
        deep.push("d");
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("a.yaml"), GOOD).unwrap();
    let started = std::time::Instant::now();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("from 1 claim in 1 source"), "{}", run.stdout);
    assert!(started.elapsed() < std::time::Duration::from_secs(10), "took {:?}", started.elapsed());
}

// ---------------------------------------------------------------- times of day

fn fact<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["facts"].as_array().unwrap().iter().find(|f| f["id"] == id).unwrap_or_else(|| panic!("no fact {id}"))
}

#[test]
fn times_of_day_compare_at_the_minute_and_the_registry_tolerance_lets_near_times_agree() {
    let dir = fixture("times");
    let (code, doc) = json_in(&dir, &["--all"]);
    assert_eq!(code, 1, "a conflict is left");
    // registry: act_dep_time has a 10-minute tolerance; 7:16 a.m. and 7:10aDec 1 agree.
    let dep = fact(&doc, "aa-3859-iah-ord.act_dep_time");
    assert_eq!(dep["verdict"], "agree");
    assert_eq!(dep["tolerance"], "10m");
    assert!(dep["reason"].as_str().unwrap().ends_with("read alike within the tolerance of 10m"));
    assert_eq!(dep["claims"][0]["start"], "2011-12-01T07:16");
    assert_eq!(dep["claims"][0]["end"], "2011-12-01T07:16");
    assert_eq!(dep["claims"][0]["precision"], "minute");
    // 7:58 p.m. and 8:30 p.m. are 32 minutes apart: more than the tolerance.
    assert_eq!(fact(&doc, "aa-1733-ord-phx.act_dep_time")["verdict"], "conflict");
    // no tolerance for arrivals: 9:32 and 9:40 conflict; the annotation is a qualifier.
    let arr = fact(&doc, "aa-3859-iah-ord.act_arr_time");
    assert_eq!(arr["verdict"], "conflict");
    assert!(arr.get("tolerance").is_none());
    assert_eq!(arr["claims"][1]["qualifiers"], serde_json::json!(["Estimated runway"]));
    assert!(arr["claims"][0].get("qualifiers").is_none());
}

#[test]
fn readings_within_the_tolerance_back_the_best_one_and_count_as_agreeing() {
    let dir = fixture("times");
    // act_dep_time has a 10-minute tolerance: 7:16 a.m. and 7:10aDec 1 agree.
    let (_, doc) = json_in(&dir, &["--all"]);
    let best = &fact(&doc, "aa-3859-iah-ord.act_dep_time")["best"];
    assert_eq!(best["sources"], serde_json::json!(["American Airlines", "FlightView"]), "{best}");
    assert_eq!(best["against"], serde_json::json!([]), "{best}");
    let contested = &fact(&doc, "aa-3859-iah-ord.act_arr_time")["best"];
    assert!(
        best["confidence"].as_f64().unwrap() > contested["confidence"].as_f64().unwrap(),
        "near readings back each other: {best} vs {contested}"
    );
    assert_eq!(contested["against"], serde_json::json!(["FlightView"]), "no tolerance for arrivals");
    let run = run_in(&dir, &["sources", "--format", "json"]);
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    let fv = doc["sources"].as_array().unwrap().iter().find(|s| s["outlet"] == "FlightView").unwrap();
    // agrees on the departure (within 10m); disagrees on the arrival and the other departure (32 min apart)
    assert_eq!((fv["agreed"].as_u64(), fv["disagreed"].as_u64()), (Some(1), Some(2)), "{fv}");
    // no tolerance: FlightView's departure contradicts the best reading
    let (_, doc) = json_in(&dir, &["--all", "--tolerance", "act_dep_time=0m"]);
    assert_eq!(fact(&doc, "aa-3859-iah-ord.act_dep_time")["best"]["against"], serde_json::json!(["FlightView"]));
}

#[test]
fn a_bare_time_does_not_contradict_the_same_time_on_a_given_day() {
    // The times fixture, with FlightView's arrival given on the next day at American's minute.
    let dir = tempfile::tempdir().unwrap();
    for sub in ["claims", "articles"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        for entry in std::fs::read_dir(fixture("times").join(sub)).unwrap() {
            let path = entry.unwrap().path();
            let text =
                std::fs::read_to_string(&path).unwrap().replace("9:40 a.m. (Estimated runway)", "12/2/11 9:32 a.m.");
            std::fs::write(dir.path().join(sub).join(path.file_name().unwrap()), text).unwrap();
        }
    }
    let (_, doc) = json_in(dir.path(), &["--all"]);
    let arr = fact(&doc, "aa-3859-iah-ord.act_arr_time");
    assert_eq!(arr["verdict"], "compatible", "{arr}");
    assert!(
        arr["reason"].as_str().unwrap().contains("'9:32 a.m.' (American Airlines, 2011-12-01) gives no day"),
        "{arr}"
    );
    // the best reading is the one that gives the day, backed by both
    assert_eq!(arr["best"]["start"], "2011-12-02T09:32", "{arr}");
    assert_eq!(arr["best"]["sources"], serde_json::json!(["American Airlines", "FlightView"]), "{arr}");
    // the reading itself still shows the day said
    assert_eq!(arr["claims"][0]["start"], "2011-12-01T09:32");
}

#[test]
fn not_available_is_no_value_a_warning_not_an_error() {
    let run = run_in(&fixture("times"), &["check", "--all"]);
    assert_eq!(run.code, 1, "findings, not an input error:\n{}", run.stderr);
    assert!(run.stderr.contains(
        "claims/flightview.yaml:6:71: warning: claim 'nv': 'Not Available' says the value is not known; the claim is not compared"
    ));
    assert!(!run.stdout.contains("aa-1733-ord-phx.act_arr_time"), "a claim without value makes no fact");
}

#[test]
fn text_values_that_all_read_as_numbers_or_dates_get_a_hint_when_they_conflict() {
    // crowd_size, held_on and detained are not among the names read as
    // numbers or dates: compared as words, 'over 300' and 'more than 300'
    // conflict. Each such fact gets a warning at its first claim.
    let dir = fixture("typed-as-text");
    let run = run_in(&dir, &["check", "--all"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for (line, fact, kind) in [(8, "crowd_size", "number"), (9, "held_on", "date"), (11, "detained", "number")] {
        let warning = format!("claims/a.yaml:{line}: warning: fact 'kiev-rally.{fact}' is compared as text");
        assert!(run.stderr.contains(&warning), "{warning}\n{}", run.stderr);
        assert!(run.stderr.contains(&format!("give its claims `type: {kind}`")), "{}", run.stderr);
    }
    // "no deal" and "no agreement" are words, though the number reader reads "no X" as zero.
    let words = scratch();
    std::fs::write(words.path().join("articles/a.txt"), "There was no deal. There was no agreement.\n").unwrap();
    std::fs::write(
        words.path().join("claims/a.yaml"),
        "source: {id: a, outlet: A, published: 2013-08-09, article: a.txt}\nclaims:\n  - {id: x, subject: talks, \
         property: outcome, value: no deal, quote: no deal}\n  - {id: y, subject: talks, property: outcome, value: no \
         agreement, quote: no agreement}\n",
    )
    .unwrap();
    let run = run_in(words.path(), &["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!run.stderr.contains("compared as text"), "{}", run.stderr);
    // Given their types, they agree, and the hint is gone.
    let typed = scratch();
    let text = std::fs::read_to_string(dir.join("claims/a.yaml")).unwrap();
    let text = text
        .replace("property: crowd_size,", "property: crowd_size, type: number,")
        .replace("property: detained,", "property: detained, type: number,")
        .replace("property: held_on,", "property: held_on, type: date,");
    std::fs::write(typed.path().join("claims/a.yaml"), text).unwrap();
    std::fs::copy(dir.join("claims/entities.yaml"), typed.path().join("claims/entities.yaml")).unwrap();
    std::fs::copy(dir.join("articles/a.txt"), typed.path().join("articles/a.txt")).unwrap();
    let run = run_in(typed.path(), &["check", "--all"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("compared as text"), "{}", run.stderr);
}

#[test]
fn tolerance_on_the_command_line_overrides_the_registry() {
    let dir = fixture("times");
    // one hour for every date property: 7:58 and 8:30 p.m. agree; 9:32 and 9:40 too.
    let (code, doc) = json_in(&dir, &["--all", "--tolerance", "1h"]);
    assert_eq!(code, 0);
    assert!(verdicts(&doc).iter().all(|(_, v)| v == "agree"), "{:?}", verdicts(&doc));
    // one property: departures back to exact, arrivals within 10 minutes.
    let (_, doc) = json_in(&dir, &["--all", "--tolerance", "act_dep_time=0m", "--tolerance", "act_arr_time=10m"]);
    assert_eq!(fact(&doc, "aa-3859-iah-ord.act_dep_time")["verdict"], "conflict");
    assert_eq!(fact(&doc, "aa-3859-iah-ord.act_arr_time")["verdict"], "agree");
    let bad = run_in(&dir, &["check", "--tolerance", "10 parsecs"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("unknown unit 'parsecs'"), "{}", bad.stderr);
}

#[test]
fn a_bad_tolerance_in_the_registry_is_an_error_with_its_place() {
    let dir = scratch();
    std::fs::write(dir.path().join("claims/a.yaml"), GOOD).unwrap();
    std::fs::write(
        dir.path().join("claims/entities.yaml"),
        "entities: []\nproperties:\n  act_dep_time: {tolerance: ten minutes}\n  location: {tolrance: 1d}\n",
    )
    .unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("claims/entities.yaml:3:29: error: property 'act_dep_time': 'ten minutes' is not a tolerance"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("claims/entities.yaml:4:14: error: unknown key 'tolrance' in a property's settings"),
        "{}",
        run.stderr
    );
}

// ------------------------------------------ bad input made at run time
//
// Cases that cannot be committed as files (pipes, symbolic links, huge or
// generated files). The catalogue, with the committed folders, is listed in
// docs/limits.md.

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn a_pipe_in_the_claims_folder_is_refused_not_read() {
    let dir = scratch();
    std::fs::write(dir.path().join("claims/a.yaml"), GOOD).unwrap();
    mkfifo(&dir.path().join("claims/pipe.yaml"));
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("claims/pipe.yaml: error: the path is a pipe, device or socket, not a text file"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_pipe_as_an_article_is_refused_not_read() {
    let dir = scratch();
    std::fs::write(dir.path().join("claims/a.yaml"), GOOD).unwrap();
    std::fs::remove_file(dir.path().join("articles/a.txt")).unwrap();
    mkfifo(&dir.path().join("articles/a.txt"));
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("articles/a.txt: error: the path is a pipe, device or socket"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn a_link_to_a_device_in_the_claims_folder_is_refused() {
    let dir = scratch();
    std::fs::write(dir.path().join("claims/a.yaml"), GOOD).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("claims/zero.yaml")).unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "claims/zero.yaml: error: a symbolic link that leads outside the claims directory (to /dev/zero)"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn when_prints_minutes_for_times_and_days_otherwise() {
    let run = run_in(&fixture("times"), &["when", "--as-of", "2011-12-01", "--format", "json", "Thu  20:00"]);
    let v: Value = serde_json::from_str(run.stdout.trim()).unwrap();
    assert_eq!((v["start"].as_str(), v["end"].as_str()), (Some("2011-12-01T20:00"), Some("2011-12-01T20:00")));
    let run = run_in(&fixture("times"), &["when", "--as-of", "2011-12-01", "7:10 PM EST"]);
    assert!(run.stdout.contains("2011-12-01T19:10 .. 2011-12-01T19:10\tminute\t"), "{}", run.stdout);
    assert!(run.stdout.trim_end().ends_with("[EST]"), "{}", run.stdout);
    let run = run_in(&fixture("times"), &["when", "--as-of", "2011-12-01", "Dec 1"]);
    assert!(run.stdout.contains("2011-12-01 .. 2011-12-01\tday\t"), "{}", run.stdout);
}

#[cfg(unix)]
#[test]
fn a_claim_file_or_folder_linked_from_outside_is_not_read() {
    let dir = scratch();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("b.yaml"), GOOD.replace("id: a,", "id: b,")).unwrap();
    std::fs::write(dir.path().join("claims/a.yaml"), GOOD).unwrap();
    std::os::unix::fs::symlink(outside.path().join("b.yaml"), dir.path().join("claims/b.yaml")).unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("claims/more")).unwrap();
    let run = run_in(dir.path(), &["check", "--all"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("claims/b.yaml: error: a symbolic link that leads outside the claims directory"));
    assert!(run.stderr.contains("claims/more: error: a symbolic link that leads outside the claims directory"));
    assert!(run.stdout.contains("in 1 source"), "the outside file was read:\n{}", run.stdout);
    // The refused file is a claim file not read: the report says it is partial.
    assert!(
        run.stderr.contains("covers the 1 claim of the claim files that could be read; 1 claim file could not be read"),
        "{}",
        run.stderr
    );
    let (_, doc) = json_in(dir.path(), &[]);
    assert_eq!(doc["summary"]["claim_files_unread"], 1, "{}", doc["summary"]);
}

#[cfg(unix)]
#[test]
fn a_broken_link_in_the_claims_folder_is_named() {
    let dir = scratch();
    std::fs::write(dir.path().join("claims/a.yaml"), GOOD).unwrap();
    std::os::unix::fs::symlink(dir.path().join("claims/gone.yaml"), dir.path().join("claims/b.yaml")).unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("claims/b.yaml: error: cannot read the file"), "{}", run.stderr);
}

#[test]
fn nesting_far_past_the_limit_is_refused_without_a_stack_overflow() {
    let dir = scratch();
    let text = format!("source: {}{}\n", "[".repeat(200_000), "]".repeat(200_000));
    std::fs::write(dir.path().join("claims/a.yaml"), text).unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("claims/a.yaml:1:"), "{}", run.stderr);
    assert!(run.stderr.contains("error: invalid YAML"), "{}", run.stderr);
}

#[test]
fn a_document_over_the_node_limit_is_refused() {
    let dir = scratch();
    let items = vec!["x"; crosscheck::load::yaml::MAX_NODES + 10].join(", ");
    std::fs::write(dir.path().join("claims/a.yaml"), format!("claims: [{items}]\n")).unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("more than 1000000 nodes in one document"), "{}", run.stderr);
}

// ------------------------------------------ odd but valid input

/// A quote found twice in its article is fine: the words are there, which is
/// all grounding checks (docs/claims-format.md, "Quotes").
#[test]
fn a_quote_found_twice_in_its_article_is_fine() {
    let dir = scratch();
    std::fs::write(dir.path().join("articles/a.txt"), "Held in Geneva, they said. It was held in Geneva.\n").unwrap();
    std::fs::write(dir.path().join("claims/a.yaml"), GOOD).unwrap();
    let run = run_in(dir.path(), &["check", "--all"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("quote"), "no warning about the quote:\n{}", run.stderr);
}

/// The article breaks a line (or doubles a space) inside the quoted words:
/// white space is folded, so it matches.
#[test]
fn a_quote_across_a_line_break_of_the_article_matches() {
    let dir = scratch();
    std::fs::write(dir.path().join("articles/a.txt"), "The talks were held\r\n   in\tGeneva.\n").unwrap();
    std::fs::write(dir.path().join("claims/a.yaml"), GOOD).unwrap();
    let run = run_in(dir.path(), &["check", "--all"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn a_very_long_line_within_the_size_limit_is_read() {
    let dir = scratch();
    let note = "word ".repeat(400_000);
    let text = GOOD.replace("article: a.txt}", &format!("article: a.txt, note: \"{note}\"}}"));
    std::fs::write(dir.path().join("claims/a.yaml"), text).unwrap();
    let run = run_in(dir.path(), &["check", "--all"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("talks.location"), "{}", run.stdout);
}

#[test]
fn an_empty_claims_folder_is_a_warning_not_an_error() {
    let dir = scratch();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("warning: no claim files in 'claims'"), "{}", run.stderr);
    // The registry alone is no claim file either.
    std::fs::write(dir.path().join("claims/entities.yaml"), "entities:\n  - {name: talks, kind: event}\n").unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("warning: no claim files in 'claims'"), "{}", run.stderr);
    assert!(!run.stderr.contains("hidden"), "{}", run.stderr);
}

/// A claim file or a registry that lists nothing (`claims: []`, `claims: ~`,
/// `entities:` with only comments under it) was read in silence, while an
/// empty or comment-only file is an error: now a warning at the list.
#[test]
fn a_claim_file_or_registry_that_lists_nothing_is_a_warning_at_its_line() {
    let dir = scratch();
    std::fs::write(dir.path().join("claims/a.yaml"), GOOD).unwrap();
    let source = |id: &str| format!("source: {{id: {id}, outlet: {id}, published: 2013-08-09, article: a.txt}}\n");
    std::fs::write(dir.path().join("claims/b.yaml"), source("b") + "claims: []\n").unwrap();
    std::fs::write(dir.path().join("claims/c.yaml"), source("c") + "claims: ~\n").unwrap();
    std::fs::write(dir.path().join("claims/d.yaml"), source("d") + "claims:\n#  - {id: venue}\n").unwrap();
    let registry = dir.path().join("claims/entities.yaml");
    std::fs::write(&registry, "# the desk's names\nentities:\n#  - {name: talks, kind: event}\n").unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 0, "a warning, not bad input:\n{}", run.stderr);
    let none = "warning: the claim file lists no claims";
    for line in [
        format!("claims/b.yaml:2:1: {none} (`claims: []`): its source is read, but nothing in it is checked"),
        format!("claims/c.yaml:2:1: {none} (`claims:` is empty)"),
        format!("claims/d.yaml:2:1: {none} (`claims:` is empty)"),
        "claims/entities.yaml:2:1: warning: the registry lists no entities (`entities:` is empty): names are only \
         matched when written alike, as without a registry"
            .to_string(),
    ] {
        assert!(run.stderr.contains(&line), "lacks {line:?}:\n{}", run.stderr);
    }
    assert!(!run.stderr.contains("claims/a.yaml:2:1: warning"), "{}", run.stderr);
    assert!(!run.stderr.contains("no entity registry"), "{}", run.stderr);
    std::fs::write(&registry, "entities: []\n").unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("claims/entities.yaml:1:1: warning: the registry lists no entities (`entities: []`)"));
}

/// Hidden files and folders are never read, but one that could be or hold
/// a claim file is counted and named, so a draft saved as `.draft.yaml` is
/// not lost unseen; version-control folders are not named.
#[test]
fn hidden_claim_files_are_skipped_but_named() {
    let dir = scratch();
    std::fs::write(dir.path().join("claims/.draft.yaml"), GOOD).unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("warning: no claim files in 'claims'"), "{}", run.stderr);
    assert!(
        run.stderr.contains("warning: 1 hidden file or folder in 'claims' was skipped unread: claims/.draft.yaml"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("rename it without the dot"), "{}", run.stderr);
    for hidden in ["claims/.git", "claims/.drafts", "claims/sub/.old"] {
        std::fs::create_dir_all(dir.path().join(hidden)).unwrap();
    }
    std::fs::write(dir.path().join("claims/.git/x.yaml"), GOOD).unwrap();
    std::fs::write(dir.path().join("claims/.notes.txt"), "x").unwrap();
    std::fs::write(dir.path().join("claims/a.yaml"), GOOD).unwrap();
    let run = run_in(dir.path(), &["check", "--all"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("no claim files"), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "warning: 3 hidden files or folders in 'claims' were skipped unread: claims/.draft.yaml, claims/.drafts, \
             claims/sub/.old"
        ),
        "{}",
        run.stderr
    );
    let (_, doc) = json_in(dir.path(), &[]);
    let hidden = doc["warnings"].as_array().unwrap().iter().filter(|w| w.to_string().contains("hidden")).count();
    assert_eq!(hidden, 1, "{}", doc["warnings"]);
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
    // `sources` runs the same pipeline and takes the same flag.
    let quiet = run_in(&dir, &["sources", "--quiet"]);
    let plain = run_in(&dir, &["sources"]);
    assert_eq!((quiet.code, &quiet.stdout, &quiet.stderr), (plain.code, &plain.stdout, &plain.stderr));
    assert!(plain.stdout.contains("Accuracy"), "{}", plain.stdout);
    // The benchmark's loading-only run reads everything and reports nothing else.
    let load = run_in(&dir, &["check", "--stage", "load"]);
    assert_eq!(load.code, 0);
    assert!(load.stdout.is_empty());
    assert!(load.stderr.starts_with("loaded 2 sources"), "{}", load.stderr);
}

#[test]
fn a_tolerance_is_keyed_as_properties_are_and_a_typo_is_a_warning() {
    let dir = fixture("times");
    // "Act-Dep-Time" is the property act_dep_time, as in claim files.
    let (_, doc) = json_in(&dir, &["--all", "--tolerance", "Act-Dep-Time=0m"]);
    assert_eq!(fact(&doc, "aa-3859-iah-ord.act_dep_time")["verdict"], "conflict");
    assert_eq!(fact(&doc, "aa-3859-iah-ord.act_dep_time")["tolerance"], "0m");
    // A property no date fact has would silently do nothing.
    let run = run_in(&dir, &["check", "--tolerance", "act_dep_tme=5m"]);
    assert!(
        run.stderr
            .contains("warning: --tolerance sets a tolerance for 'act_dep_tme', but no date fact has that property"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("did you mean 'act_dep_time'?"), "{}", run.stderr);
    assert_eq!(run.code, 1, "a warning does not change the exit code");
}

#[test]
fn a_revised_plan_yields_to_the_later_claim_as_the_best_supported_reading() {
    // Two outlets gave the plan of early November (Nov. 23); a third, three
    // weeks later, the new date. Two against one, but the plan changed: the
    // earlier claims stated the plan of their day, so they do not vote.
    let dir = fixture("revised-plan");
    let (code, doc) = json_in(&dir, &["--all"]);
    assert_eq!(code, 0);
    let date = fact(&doc, "geneva-peace-talks.date");
    assert_eq!(date["verdict"], "revised", "{date}");
    // "Nov. 23 (planned)" said on Nov 1 is this year's Nov 23, though "planned" alone reads as a past form.
    assert_eq!(date["claims"][0]["start"], "2013-11-23", "{date}");
    let best = &date["best"];
    assert_eq!(best["value"], "January 22, 2014", "{best}");
    assert_eq!(best["sources"], serde_json::json!(["Daily Courier"]), "{best}");
    // the replaced plans are not counted against it
    assert_eq!(best["against"], serde_json::json!([]), "{best}");
    // nor against their outlets: nobody disagreed with the best reading
    let run = run_in(&dir, &["sources", "--format", "json"]);
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    for s in doc["sources"].as_array().unwrap() {
        assert_eq!(s["disagreed"], 0, "{s}");
    }
}

/// The help states the exit codes and `--fail-on` as they are: a reviewed
/// fact no longer fails the check (docs/reviews.md), and every option says
/// what it is for.
#[test]
fn help_says_reviews_count_for_fail_on_and_describes_every_reviews_option() {
    let check = run_in(&root(), &["check", "--help"]).stdout;
    let check = check.split_whitespace().collect::<Vec<_>>().join(" "); // as wrapped to any width
    assert!(check.contains("1 facts at or above it without a current review in reviews.yaml;"), "{check}");
    assert!(check.contains("and no current review (a stale one counts as none)"), "{check}");
    for command in ["show", "review"] {
        let help = run_in(&root(), &[command, "--help"]).stdout;
        let at = help.find("--reviews <FILE>").unwrap_or_else(|| panic!("{help}"));
        let next = help[at..].lines().nth(1).unwrap_or_default();
        assert!(!next.trim().is_empty() && !next.contains("[default"), "{command} --reviews has no help:\n{help}");
    }
}

/// A table from input with errors says so under its summary, on standard
/// output and in a file, as the Markdown and HTML reports do: a saved table
/// must not read as a whole report.
#[test]
fn the_table_says_when_it_covers_only_part_of_the_claims() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("verdicts/conflict"), dir.path());
    let file = dir.path().join("claims/b.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("quote: the visit", "quote: the vissit")).unwrap();
    let stdout = run_in(dir.path(), &["check"]);
    assert_eq!(stdout.code, 2, "{}", stdout.stderr);
    let written = run_in(dir.path(), &["check", "--output", "report.txt"]);
    assert_eq!(written.code, 2, "{}", written.stderr);
    let saved = std::fs::read_to_string(dir.path().join("report.txt")).unwrap();
    for text in [&stdout.stdout, &saved] {
        assert!(text.contains("input problems: 1 error, "), "{text}");
        assert!(
            text.contains(
                " warnings; the report covers only 1 of the 2 claims in the claim files:\n  claims/b.yaml:3:"
            ),
            "{text}"
        );
        assert!(text.contains("each problem, with what would be right, is on standard error"), "{text}");
    }
    let clean = run_in(&fixture("verdicts/conflict"), &["check"]);
    assert!(!clean.stdout.contains("input problems"), "{}", clean.stdout);
}

/// `show` takes "SUBJECT.PROPERTY", a fact id with `--property` names its
/// subject, and a mistyped property gets the nearest of the subject's
/// properties and the list of them, not the list of every subject.
#[test]
fn show_finds_a_subject_and_property_and_suggests_the_near_property() {
    let dir = root();
    let run = run_in(&dir, &["show", "Geneva II conference.date"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("geneva-ii-conference.date — "), "{}", run.stdout);
    let run = run_in(&dir, &["show", "geneva-ii-conference.date", "--property", "status"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("geneva-ii-conference.status — "), "{}", run.stdout);
    let run = run_in(&dir, &["show", "Geneva II", "--property", "dat"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("help: did you mean 'date'? properties of 'Geneva II conference' with claims: date, "),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("subjects with claims"), "{}", run.stderr);
    let run = run_in(&dir, &["show", "no-such-fact.datee"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("'SUBJECT.PROPERTY'; subjects with claims:"), "{}", run.stderr);
}

/// "the United States" is the registry's "United States", and "Tern & Orca"
/// two names, as "Tern and Orca" is: the two outlets' lists are one fact
/// and agree, with no name left standing alone.
#[test]
fn a_leading_the_is_dropped_to_match_the_registry_and_an_ampersand_splits_a_list() {
    let (code, doc) = json_in(&fixture("names"), &["--all"]);
    assert_eq!(verdicts(&doc), vec![("trade-summit.participants".to_string(), "agree".to_string())]);
    assert_eq!(code, 0);
    assert_eq!(doc["warnings"].as_array().unwrap().len(), 0, "{}", doc["warnings"]);
    let reading = doc["facts"][0]["claims"][0]["reading"].to_string();
    assert!(reading.contains("netherlands") && reading.contains("republic-of-korea"), "{reading}");
}

/// `vehicles-count` in one file and `vehicle_count` in two split a fact:
/// a warning names both spellings, where each is used, and the one more
/// claims use; `q1_revenue` and `q2_revenue` are two properties.
#[test]
fn a_property_spelled_two_ways_for_one_subject_is_a_warning() {
    let run = run_in(&fixture("property-typo"), &["check", "--all"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "claims/c.yaml:9:7: warning: 'Halden airbag recall' has two properties that look like one spelled two \
             ways: 'vehicle_count' (2 claims: claims/a.yaml:3:7, claims/b.yaml:3:7) and 'vehicles_count' (1 claim: \
             claims/c.yaml:9:7)"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("help: if they are one property, write 'vehicle_count' (used by 2 claims) for 'vehicles_count'"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.matches("two properties").count(), 1, "{}", run.stderr);
}

/// `x.yaml` and a stale `x.orig.yaml` backup with one source id: the
/// backup sorts first, but neither is kept; both are named.
#[test]
fn a_source_id_in_two_files_keeps_neither_and_names_both() {
    let dir = scratch();
    std::fs::write(dir.path().join("claims/x.yaml"), GOOD).unwrap();
    std::fs::write(dir.path().join("claims/x.orig.yaml"), GOOD.replace("value: Geneva", "value: Lausanne")).unwrap();
    std::fs::write(dir.path().join("claims/y.yaml"), GOOD.replace("id: a,", "id: y,")).unwrap();
    let (code, doc) = json_in(dir.path(), &["--all"]);
    assert_eq!(code, 2);
    let errors: Vec<String> =
        doc["errors"].as_array().unwrap().iter().map(|e| format!("{}: {}", e["file"], e["message"])).collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].contains("claims/x.orig.yaml") && errors[0].contains("also in claims/x.yaml:1"), "{errors:?}");
    assert!(errors[1].contains("claims/x.yaml") && errors[1].contains("also in claims/x.orig.yaml:1"), "{errors:?}");
    assert_eq!(doc["summary"]["claims"], 3);
    assert_eq!(doc["summary"]["claims_checked"], 1, "only y.yaml's claim");
    assert!(!doc.to_string().contains("Lausanne"), "the backup's claim is in the report");
}

/// The binary keeps itself off transparent huge pages (`memory::configure`,
/// docs/performance.md, "The thirteenth session"), unless the reader's own
/// `MIMALLOC_ALLOW_THP` says otherwise. Read from the kernel's view of the
/// running process (`THP_enabled` in /proc/PID/status, Linux 5.0 on), while
/// `when` waits for a line on standard input.
#[cfg(target_os = "linux")]
#[test]
fn the_binary_runs_without_transparent_huge_pages() {
    use std::io::Write;
    use std::process::Stdio;
    let own = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let Some(own) = own.lines().find(|l| l.starts_with("THP_enabled:")) else {
        eprintln!("skipped: this kernel does not show THP_enabled");
        return;
    };
    if own.ends_with('0') {
        // The setting passes to the processes started: nothing to tell apart.
        eprintln!("skipped: this test runs without transparent huge pages itself");
        return;
    }
    let thp_enabled = |env: Option<&str>| -> String {
        let mut cmd = command(&root(), &["when", "--as-of", "2013-10-07"]);
        cmd.env_remove("MIMALLOC_ALLOW_THP");
        if let Some(value) = env {
            cmd.env("MIMALLOC_ALLOW_THP", value);
        }
        let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("the binary runs");
        let status = format!("/proc/{}/status", child.id());
        // The setting is made first thing in `main`; wait until the process is in it
        // (with the reader's setting there is nothing to wait for).
        let mut line = String::new();
        for _ in 0..300 {
            let text = std::fs::read_to_string(&status).unwrap_or_default();
            line = text.lines().find(|l| l.starts_with("THP_enabled:")).unwrap_or("").to_string();
            if line.ends_with('0') || (env.is_some() && !line.is_empty()) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        child.stdin.take().expect("stdin").write_all(b"next week\n").expect("write");
        let out = child.wait_with_output().expect("the binary ends");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(!String::from_utf8_lossy(&out.stdout).is_empty(), "it read the line");
        line
    };
    assert_eq!(thp_enabled(None).split_whitespace().last(), Some("0"));
    assert_eq!(thp_enabled(Some("2")).split_whitespace().last(), Some("1"), "the reader's setting stands");
}

/// Slips an outsider makes, each told what would be right: an article saved
/// as HTML source, and `article:` written with the articles folder in front.
#[test]
fn an_html_article_and_an_article_path_with_the_folder_in_front_are_named() {
    let dir = scratch();
    std::fs::write(dir.path().join("articles/a.txt"), "Shares of AT&amp;T rose on Monday.\n").unwrap();
    std::fs::write(
        dir.path().join("claims/a.yaml"),
        "source: {id: a, outlet: A, published: 2024-01-10, article: a.txt}\nclaims:\n  - {id: q, subject: AT&T, \
         property: move, value: rose, quote: Shares of AT&T rose}\n",
    )
    .unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("the article holds HTML entities ('&amp;'): it was saved as HTML source, not as text"),
        "{}",
        run.stderr
    );
    std::fs::write(dir.path().join("articles/a.txt"), "Shares of AT&T rose on Monday.\n").unwrap();
    std::fs::write(
        dir.path().join("claims/a.yaml"),
        "source: {id: a, outlet: A, published: 2024-01-10, article: articles/a.txt}\nclaims:\n  - {id: q, subject: \
         AT&T, property: move, value: rose, quote: Shares of AT&T rose}\n",
    )
    .unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "help: `article:` is a path inside the articles folder (articles), and 'a.txt' is there: write `article: a.txt`"
        ),
        "{}",
        run.stderr
    );
}

/// A list written as one text: `wire: AP, Reuters` is two agencies (no
/// agency's name holds a comma); `aliases: Genf, Genève` is read as one
/// alias (a name may hold a comma), with a warning that shows the list.
#[test]
fn a_list_written_as_one_text() {
    let dir = scratch();
    std::fs::write(dir.path().join("articles/b.txt"), "The talks were held in Geneva.\n").unwrap();
    std::fs::write(
        dir.path().join("claims/a.yaml"),
        "source: {id: a, outlet: A, published: 2013-08-09, article: a.txt, wire: \"AP, Reuters\"}\nclaims:\n  - {id: \
         venue, subject: talks, property: location, value: Genf, quote: held in Geneva}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("claims/b.yaml"),
        "source: {id: b, outlet: Reuters, published: 2013-08-09, article: b.txt}\nclaims:\n  - {id: venue, subject: \
         talks, property: location, value: Geneva, quote: held in Geneva}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("claims/entities.yaml"),
        "entities:\n  - {name: talks, kind: event}\n  - name: Geneva\n    kind: place\n    aliases: Genf, Genève\n",
    )
    .unwrap();
    let run = run_in(dir.path(), &["check", "--all"]);
    assert!(run.stdout.contains("wire: a carries Reuters copy (wire:), and b is Reuters"), "{}", run.stdout);
    assert!(
        run.stderr.contains(
            "claims/entities.yaml:5:14: warning: 'aliases' is one text with commas, 'Genf, Genève': it is read as one alias"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("write them as a list: `aliases: [Genf, Genève]`"), "{}", run.stderr);
}

/// A claim file written flat (the source's keys at its top) is told where
/// they go; a registry written as a mapping is told to write a list; a claim
/// file named `a.YAML` is read.
#[test]
fn a_flat_claim_file_a_mapping_registry_and_an_upper_case_ending() {
    let dir = scratch();
    std::fs::write(dir.path().join("claims/a.YAML"), GOOD).unwrap();
    std::fs::write(
        dir.path().join("claims/b.yaml"),
        "id: b\noutlet: B\npublished: 2013-08-09\narticle: a.txt\nclaims:\n  - {id: venue, subject: talks, property: \
         location, value: Geneva, quote: held in Geneva}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("claims/entities.yaml"), "entities:\n  Geneva: {kind: place}\n").unwrap();
    let run = run_in(dir.path(), &["check", "--all"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!run.stderr.contains("not a claim file"), "{}", run.stderr);
    assert!(run.stdout.contains("talks.location"), "{}", run.stdout);
    assert!(
        run.stderr.contains(
            "claims/b.yaml:2:1: error: unknown key 'outlet' in the claim file\n  help: 'outlet' is a key of the source: \
             the source's keys go under `source:`, indented"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("help: write each entity as an item of the list: `- name: Geneva`"), "{}", run.stderr);
}

/// The registry's name, as a claim file's ending, is read in any case:
/// `Entities.YAML` is the registry, not a claim file with confusing errors.
#[test]
fn a_registry_named_in_upper_case_is_the_registry() {
    let dir = scratch();
    std::fs::write(dir.path().join("claims/a.yaml"), GOOD).unwrap();
    std::fs::write(
        dir.path().join("claims/Entities.YAML"),
        "entities:\n  - {name: Geneva talks, kind: event, aliases: [talks]}\n",
    )
    .unwrap();
    let run = run_in(dir.path(), &["check", "--all"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("geneva-talks.location"), "{}", run.stdout);
    assert!(!run.stderr.contains("no entity registry"), "{}", run.stderr);
}
