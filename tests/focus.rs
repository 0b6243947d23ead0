//! `check --source`: a report narrowed to the facts some sources make claims
//! about, checked against the report of the whole archive (docs/reports.md,
//! "A focused report").

mod common;

use common::*;
use serde_json::Value;
use std::fs;
use std::path::Path;

/// The bundled corpus's source ids (one claim file each, named after it).
fn bundled_sources() -> Vec<String> {
    let mut ids: Vec<String> = fs::read_dir(root().join("claims"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap() != "entities.yaml")
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    assert_eq!(ids.len(), 5);
    ids
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stderr))
}

fn facts(doc: &Value) -> &Vec<Value> {
    doc["facts"].as_array().unwrap()
}

fn speaks_to(fact: &Value, source: &str) -> bool {
    fact["claims"].as_array().unwrap().iter().any(|c| c["source"] == source)
}

#[test]
fn a_focused_report_shows_the_sources_facts_as_the_whole_report_does() {
    let dir = root();
    let whole = json(&run_in(&dir, &["check", "--format", "json", "--all"]));
    let mut codes = Vec::new();
    for source in bundled_sources() {
        let run = run_in(&dir, &["check", "--format", "json", "--all", "--source", &source]);
        let doc = json(&run);
        let expected: Vec<&Value> = facts(&whole).iter().filter(|f| speaks_to(f, &source)).collect();
        assert!(!expected.is_empty(), "{source} makes claims");
        assert!(expected.len() < facts(&whole).len(), "{source} does not speak to every fact");
        // Every fact whole: its claims from other sources, verdict, support, best reading.
        assert_eq!(facts(&doc).iter().collect::<Vec<_>>(), expected, "{source}");
        let summary = &doc["summary"];
        assert_eq!(summary["facts"], expected.len(), "{source}");
        assert_eq!(summary["focus"]["sources"], serde_json::json!([source]));
        assert_eq!(summary["focus"]["archive_facts"], whole["summary"]["facts"]);
        assert_eq!(summary["claims"], whole["summary"]["claims"], "the whole archive was read");
        // Exit 1 only for the focused facts (no reviews here).
        let conflicts = expected.iter().filter(|f| f["verdict"] == "conflict").count();
        assert_eq!(run.code, if conflicts > 0 { 1 } else { 0 }, "{source}: {}", run.stderr);
        codes.push(run.code);
    }
    assert!(codes.contains(&0) && codes.contains(&1), "some sources speak to a conflict, some not: {codes:?}");
    assert!(whole["summary"].get("focus").is_none(), "a whole report has no focus");
}

#[test]
fn a_focused_page_shows_each_fact_and_its_passages_as_the_whole_page_does() {
    let dir = root();
    let whole = run_in(&dir, &["check", "--format", "html", "--all"]).stdout;
    // A fact's block: from its <tbody id="fact-…"> to the end of that tbody.
    let blocks = |page: &str| -> Vec<(String, String)> {
        page.match_indices("<tbody id=\"fact-")
            .map(|(at, _)| {
                let id = page[at + 16..].split('"').next().unwrap().to_string();
                let end = at + page[at..].find("\n</tbody>\n").unwrap();
                (id, page[at..end].to_string())
            })
            .collect()
    };
    let whole_blocks = blocks(&whole);
    let mut shown_anywhere = 0;
    for source in bundled_sources() {
        let page = run_in(&dir, &["check", "--format", "html", "--all", "--source", &source]).stdout;
        let focused = blocks(&page);
        assert!(!focused.is_empty(), "{source}");
        for (id, block) in &focused {
            let same =
                whole_blocks.iter().find(|(i, _)| i == id).unwrap_or_else(|| panic!("{id} is in the whole page"));
            assert_eq!(block, &same.1, "{source}: {id} as in the whole page, passages and all");
            assert!(block.contains(&format!("<code>{source}/")), "{source} makes a claim about {id}");
        }
        let expected = whole_blocks.iter().filter(|(_, b)| b.contains(&format!("<code>{source}/"))).count();
        assert_eq!(focused.len(), expected, "{source}: every fact it speaks to");
        assert!(page.contains(&format!("facts that {source} makes claims about, of ")), "{source}: the summary");
        shown_anywhere += focused.iter().filter(|(_, b)| b.contains("class=\"context\"")).count();
    }
    assert!(shown_anywhere > 0, "the pages show passages");
}

#[test]
fn a_source_is_named_by_its_id_or_by_its_claim_file() {
    let dir = root();
    let id = "itar-tass-2013-10-07";
    let by_id = run_in(&dir, &["check", "--format", "json", "--source", id]);
    assert_eq!(by_id.code, 1, "{}", by_id.stderr);
    let absolute = dir.join("claims/itar-tass-2013-10-07.yaml");
    let names = [
        "claims/itar-tass-2013-10-07.yaml",
        "./claims/itar-tass-2013-10-07.yaml",
        "itar-tass-2013-10-07.yaml",
        "claims/../claims/itar-tass-2013-10-07.yaml",
        absolute.to_str().unwrap(),
    ];
    for name in names {
        let run = run_in(&dir, &["check", "--format", "json", "--source", name]);
        assert_eq!(run.stdout, by_id.stdout, "{name}: {}", run.stderr);
        assert_eq!(run.code, by_id.code, "{name}");
    }
    // Named twice, it is one source.
    let twice = run_in(&dir, &["check", "--format", "json", "--source", id, "--source", "itar-tass-2013-10-07.yaml"]);
    assert_eq!(twice.stdout, by_id.stdout);
    // Two sources: the facts either speaks to.
    let two = json(&run_in(
        &dir,
        &["check", "--format", "json", "--all", "--source", id, "--source", "times-of-israel-2013-08-09"],
    ));
    assert!(facts(&two).iter().all(|f| speaks_to(f, id) || speaks_to(f, "times-of-israel-2013-08-09")));
    assert!(facts(&two).iter().any(|f| !speaks_to(f, id)));
    assert!(facts(&two).iter().any(|f| !speaks_to(f, "times-of-israel-2013-08-09")));
    assert_eq!(
        two["summary"]["focus"]["sources"],
        serde_json::json!(["itar-tass-2013-10-07", "times-of-israel-2013-08-09"])
    );
}

#[test]
fn an_unknown_source_is_an_error_and_writes_no_report() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("claims"), &dir.path().join("claims"));
    copy_dir(&root().join("articles"), &dir.path().join("articles"));
    let out = dir.path().join("report.html");
    let out_arg = out.to_str().unwrap();
    for (name, says) in [
        ("itar-tas", "did you mean 'itar-tass-2013-10-07'?"),
        ("itar-tass-2013-10-70", "did you mean 'itar-tass-2013-10-07'?"),
        ("nowhere/itar-tass-2013-10-07.yaml", "no source has this id or claim file"),
        ("entities.yaml", "no source has this id or claim file"),
    ] {
        let run = run_in(dir.path(), &["check", "--format", "html", "--output", out_arg, "--source", name]);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(run.stderr.contains(&format!("error: --source '{name}'")), "{name}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{name}: {}", run.stderr);
        assert!(run.stderr.contains("no report written"), "{}", run.stderr);
        assert!(run.stdout.is_empty());
        assert!(!out.exists(), "{name}: no report file");
    }
    // Two files of one name in two folders: the name is ambiguous, more of the path is not.
    fs::create_dir_all(dir.path().join("claims/a")).unwrap();
    fs::create_dir_all(dir.path().join("claims/b")).unwrap();
    let file = "itar-tass-2013-10-07.yaml";
    fs::rename(dir.path().join("claims").join(file), dir.path().join("claims/a").join(file)).unwrap();
    let text = fs::read_to_string(dir.path().join("claims/a").join(file)).unwrap();
    fs::write(dir.path().join("claims/b").join(file), text.replace("id: itar-tass-2013-10-07", "id: itar-tass-copy"))
        .unwrap();
    let run = run_in(dir.path(), &["check", "--source", file]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains(&format!("--source '{file}' names 2 claim files")), "{}", run.stderr);
    assert!(run.stderr.contains("claims/a/itar-tass-2013-10-07.yaml"), "{}", run.stderr);
    for name in ["a/itar-tass-2013-10-07.yaml", "itar-tass-copy"] {
        let run = run_in(dir.path(), &["check", "--format", "json", "--source", name]);
        assert!(run.code < 2, "{name}: {}", run.stderr);
    }
}

/// A scratch copy of the bundled corpus with a misspelt subject in two
/// files (each a name warning there) and, if `error`, an impossible date in a third.
fn with_problems(dir: &Path, error: bool) {
    copy_dir(&root().join("claims"), &dir.join("claims"));
    copy_dir(&root().join("articles"), &dir.join("articles"));
    let edit = |file: &str, from: &str, to: &str| {
        let path = dir.join("claims").join(file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} has {from:?}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    edit("hindu-businessline-2013-08-10.yaml", "subject: Geneva II\n", "subject: Geneva IIx\n");
    edit("itar-tass-2013-10-07.yaml", "subject: Geneva II\n", "subject: Genevva II\n");
    if error {
        edit("times-of-israel-2013-08-09.yaml", "published: 2013-08-09", "published: 2013-02-30");
    }
}

#[test]
fn warnings_about_other_files_are_counted_and_errors_are_always_listed() {
    let dir = tempfile::tempdir().unwrap();
    with_problems(dir.path(), false);
    let whole = json(&run_in(dir.path(), &["check", "--format", "json"]));
    let files = |doc: &Value, list: &str| -> Vec<String> {
        doc[list].as_array().unwrap().iter().map(|w| w["file"].as_str().unwrap_or("").to_string()).collect()
    };
    let all = files(&whole, "warnings");
    assert!(all.iter().any(|f| f.ends_with("hindu-businessline-2013-08-10.yaml")), "{all:?}");
    assert!(all.iter().any(|f| f.ends_with("itar-tass-2013-10-07.yaml")), "{all:?}");

    let run = run_in(dir.path(), &["check", "--format", "json", "--source", "itar-tass-2013-10-07"]);
    let doc = json(&run);
    let kept = files(&doc, "warnings");
    assert!(!kept.is_empty());
    assert!(kept.iter().all(|f| f.ends_with("itar-tass-2013-10-07.yaml")), "{kept:?}");
    let left_out = all.len() - kept.len();
    assert!(left_out > 0);
    assert_eq!(doc["summary"]["focus"]["other_warnings"], left_out);
    assert!(run.stderr.contains(&format!("note: {left_out} warning")), "{}", run.stderr);
    assert!(run.stderr.contains("Genevva II"), "the source's own warning is printed: {}", run.stderr);
    assert!(!run.stderr.contains("Geneva IIx"), "another file's is not: {}", run.stderr);
    let page = run_in(dir.path(), &["check", "--format", "html", "--source", "itar-tass-2013-10-07"]).stdout;
    assert!(
        page.contains(&format!("{left_out} warning")) && page.contains("narrowed to some sources"),
        "the page says so"
    );

    // An error in a file the report is not about is still listed, and the run exits 2.
    let dir = tempfile::tempdir().unwrap();
    with_problems(dir.path(), true);
    let run = run_in(dir.path(), &["check", "--format", "json", "--source", "itar-tass-2013-10-07"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let errors = files(&json(&run), "errors");
    assert!(errors.iter().any(|f| f.ends_with("times-of-israel-2013-08-09.yaml")), "{errors:?}");
    assert!(run.stderr.contains("2013-02-30"), "{}", run.stderr);
}

#[test]
fn only_the_dependencies_of_the_sources_are_listed() {
    let dir = fixture("independence");
    let whole = json(&run_in(&dir, &["check", "--format", "json", "--all"]));
    let links = whole["dependencies"].as_array().unwrap();
    assert!(links.len() >= 2, "the fixture has dependent sources");
    let involving = |link: &Value, source: &str| link["sources"].as_array().unwrap().iter().any(|s| s == source);
    let mut left_out_somewhere = false;
    for f in fs::read_dir(dir.join("claims")).unwrap() {
        let path = f.unwrap().path();
        if path.file_name().unwrap() == "entities.yaml" {
            continue;
        }
        let file = path.file_name().unwrap().to_str().unwrap();
        let doc = json(&run_in(&dir, &["check", "--format", "json", "--all", "--source", file]));
        let id = doc["summary"]["focus"]["sources"][0].as_str().unwrap().to_string();
        let expected: Vec<&Value> = links.iter().filter(|l| involving(l, &id)).collect();
        assert_eq!(doc["dependencies"].as_array().unwrap().iter().collect::<Vec<_>>(), expected, "{id}");
        assert_eq!(doc["summary"]["focus"]["other_dependencies"], links.len() - expected.len(), "{id}");
        left_out_somewhere |= expected.len() < links.len();
    }
    assert!(left_out_somewhere, "some source is not in every dependency");
}
