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
    // The order the sources are named in changes nothing.
    for format in ["json", "html", "table"] {
        let ab = run_in(&dir, &["check", "--format", format, "--source", id, "--source", "times-of-israel-2013-08-09"]);
        let ba =
            run_in(&dir, &["check", "--format", format, "--source", "times-of-israel-2013-08-09.yaml", "--source", id]);
        assert_eq!(ab.stdout, ba.stdout, "{format}");
        assert_eq!(ab.code, ba.code, "{format}");
    }
    assert!(facts(&two).iter().any(|f| !speaks_to(f, id)));
    assert!(facts(&two).iter().any(|f| !speaks_to(f, "times-of-israel-2013-08-09")));
    let page = run_in(&dir, &["check", "--source", id, "--source", "times-of-israel-2013-08-09"]).stdout;
    assert!(
        page.contains("facts that itar-tass-2013-10-07 and times-of-israel-2013-08-09 make claims about"),
        "{page}"
    );
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
    // A file outside the claims folder (its last parts would name one inside).
    fs::create_dir_all(dir.path().join("other")).unwrap();
    fs::write(dir.path().join("other/itar-tass-2013-10-07.yaml"), "source: {}\n").unwrap();
    // A claim file with an error in its source block is not read.
    let broken = dir.path().join("claims/times-of-israel-2013-08-09.yaml");
    let text = fs::read_to_string(&broken).unwrap();
    fs::write(&broken, text.replacen("published: 2013-08-09", "published: 2013-02-30", 1)).unwrap();
    let cases = [
        ("itar-tas", "did you mean 'itar-tass-2013-10-07'?"),
        ("itar-tass-2013-10-70", "did you mean 'itar-tass-2013-10-07'?"),
        ("nowhere/itar-tass-2013-10-07.yaml", "no source has this id or claim file"),
        ("entities.yaml", "no source has this id or claim file"),
        ("", "no source id or claim file given"),
        ("other/itar-tass-2013-10-07.yaml", "this file is not in the claims folder claims"),
        ("times-of-israel-2013-08-09.yaml", "has errors (above), so its source was not read"),
    ];
    for (name, says) in cases {
        for to_file in [true, false] {
            let mut args = vec!["check", "--format", "html", "--source", name];
            args.extend(if to_file { vec!["--output", out_arg] } else { vec![] });
            let run = run_in(dir.path(), &args);
            assert_eq!(run.code, 2, "{name}: {}", run.stderr);
            assert!(run.stderr.contains(&format!("error: --source '{name}'")), "{name}: {}", run.stderr);
            assert!(run.stderr.contains(says), "{name}: {}", run.stderr);
            assert!(run.stderr.contains("no report written"), "{}", run.stderr);
            assert!(run.stdout.is_empty(), "{name}: nothing on stdout");
            assert!(!out.exists(), "{name}: no report file");
        }
    }
    let run = run_in(dir.path(), &["check", "--source", "times-of-israel-2013-08-09.yaml"]);
    assert!(run.stderr.contains("2013-02-30"), "the file's own error is shown: {}", run.stderr);
    fs::write(&broken, text).unwrap();
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
    // A path equal to a file's outranks a path ending with it, however the
    // claims folder is written: claims/a/x.yaml against claims/b/a/x.yaml.
    fs::create_dir_all(dir.path().join("claims/b/a")).unwrap();
    fs::rename(dir.path().join("claims/b").join(file), dir.path().join("claims/b/a").join(file)).unwrap();
    for claims in ["claims", "./claims", "claims/"] {
        let run = run_in(
            dir.path(),
            &["check", "--format", "json", "--claims", claims, "--source", "claims/a/itar-tass-2013-10-07.yaml"],
        );
        assert!(run.code < 2, "--claims {claims}: {}", run.stderr);
        assert_eq!(json(&run)["summary"]["focus"]["sources"], serde_json::json!(["itar-tass-2013-10-07"]), "{claims}");
    }
}

/// A scratch copy of the bundled corpus with misspelt subjects, each a name
/// warning: in ITAR-TASS's file, "Genevva II" (taken as the Geneva II
/// conference); in The Hindu's, "Geneva IIx" (near two names: it stands
/// alone, a fact of its own that ITAR-TASS says nothing about) and
/// "Geneva 2 conferense" (taken as the Geneva II conference, whose date
/// ITAR-TASS also gives). If `error`, an impossible date in a third file.
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
    edit("hindu-businessline-2013-08-10.yaml", "subject: Geneva 2 conference\n", "subject: Geneva 2 conferense\n");
    edit("itar-tass-2013-10-07.yaml", "subject: Geneva II\n", "subject: Genevva II\n");
    if error {
        edit("times-of-israel-2013-08-09.yaml", "published: 2013-08-09", "published: 2013-02-30");
    }
}

#[test]
fn warnings_about_other_claims_are_counted_and_errors_are_always_listed() {
    let dir = tempfile::tempdir().unwrap();
    with_problems(dir.path(), false);
    let whole = json(&run_in(dir.path(), &["check", "--format", "json"]));
    let messages = |doc: &Value, list: &str| -> Vec<String> {
        doc[list].as_array().unwrap().iter().map(|w| format!("{} {}", w["file"], w["message"])).collect()
    };
    let all = messages(&whole, "warnings");
    assert_eq!(all.len(), 3, "{all:?}");

    let run = run_in(dir.path(), &["check", "--format", "json", "--source", "itar-tass-2013-10-07"]);
    let doc = json(&run);
    let kept = messages(&doc, "warnings");
    // Its own file's, and the one about another file's claim on a fact it speaks to.
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert!(kept.iter().any(|w| w.contains("itar-tass-2013-10-07.yaml") && w.contains("Genevva II")), "{kept:?}");
    assert!(kept.iter().any(|w| w.contains("hindu-businessline") && w.contains("Geneva 2 conferense")), "{kept:?}");
    assert_eq!(doc["summary"]["focus"]["other_warnings"], 1);
    assert!(run.stderr.contains("Genevva II") && run.stderr.contains("conferense"), "{}", run.stderr);
    assert!(!run.stderr.contains("Geneva IIx"), "the other fact's warning is left out: {}", run.stderr);
    let note = "narrowed to itar-tass-2013-10-07 (--source): 1 warning about other claims left out; \
                a run without --source lists them";
    assert!(run.stderr.contains(&format!("note: {note}")), "{}", run.stderr);
    // A warning about no file (a tolerance for a property no fact has) is kept.
    let run = run_in(
        dir.path(),
        &["check", "--format", "json", "--source", "itar-tass-2013-10-07", "--tolerance", "nothing=10m"],
    );
    assert!(json(&run)["warnings"].as_array().unwrap().iter().any(|w| w["file"].is_null()), "{}", run.stdout);
    // Every report that people read says so too.
    for format in ["table", "markdown", "html"] {
        let out = run_in(dir.path(), &["check", "--format", format, "--source", "itar-tass-2013-10-07"]).stdout;
        assert!(out.contains(&format!("N{}", &note[1..])), "{format}: {out}");
    }

    // An error in a file the report is not about is still listed, and the run exits 2.
    let dir = tempfile::tempdir().unwrap();
    with_problems(dir.path(), true);
    let run = run_in(dir.path(), &["check", "--format", "json", "--source", "itar-tass-2013-10-07"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let errors = messages(&json(&run), "errors");
    assert!(errors.iter().any(|e| e.contains("times-of-israel-2013-08-09.yaml")), "{errors:?}");
    assert!(run.stderr.contains("2013-02-30"), "{}", run.stderr);
}

#[test]
fn the_dependencies_of_the_sources_and_of_the_facts_shown_are_listed() {
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
        // Sources with a claim on a fact shown: a link between two of them
        // explains that fact's support, and is kept too.
        let shown: Vec<&str> = facts(&doc)
            .iter()
            .flat_map(|f| f["claims"].as_array().unwrap().iter().map(|c| c["source"].as_str().unwrap()))
            .collect();
        let on_shown = |l: &Value| {
            l["sources"].as_array().unwrap().iter().filter(|s| shown.contains(&s.as_str().unwrap())).count() >= 2
        };
        let expected: Vec<&Value> = links.iter().filter(|l| involving(l, &id) || on_shown(l)).collect();
        assert_eq!(doc["dependencies"].as_array().unwrap().iter().collect::<Vec<_>>(), expected, "{id}");
        assert_eq!(doc["summary"]["focus"]["other_dependencies"], links.len() - expected.len(), "{id}");
        left_out_somewhere |= expected.len() < links.len();
    }
    assert!(left_out_somewhere, "some source is not in every dependency");
}
