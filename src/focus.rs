//! `check --source`: a report narrowed to the facts some sources make claims
//! about. A desk checks its whole archive again each time it adds an
//! article, and wants to see that article against the archive, not a
//! report of every fact the archive holds (at a million claims the HTML
//! page would be gigabytes).
//!
//! The whole archive is still read and analysed: a focused fact's verdict,
//! best-supported reading and dependent sources are those of the full run,
//! because the other sources' claims are part of them. Only what the
//! report shows and what the exit status counts is narrowed
//! (docs/reports.md, "A focused report"):
//!
//! - the facts that at least one of the sources makes a claim about, with
//!   all of their claims (the other sources' too);
//! - the dependencies that involve one of the sources;
//! - every error (an error anywhere can change a focused fact, and still
//!   makes the run exit 2), and the warnings about the sources' own claim
//!   files or about no file; the other warnings are counted, not listed.
//!
//! Pure: sources are named by id or by their claim file's path, matched
//! against the outcome.

use std::path::Path;

use crate::check::Outcome;
use crate::error::Diagnostic;
use crate::model::Source;

/// What a focused report is narrowed to, and what it leaves out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Focus {
    /// The sources' ids, sorted (the archive's sources are in id order).
    pub sources: Vec<String>,
    /// How many facts the whole archive has.
    pub archive_facts: usize,
    /// Warnings about other files (other sources' claim files, the
    /// registry), left out of the report.
    pub other_warnings: usize,
    /// Dependencies between other sources only, left out of the report.
    pub other_dependencies: usize,
}

/// The archive's sources (indices into `sources`, the loaded corpus's,
/// which are those of [`Outcome::source_views`]) that `names` name, each by
/// its source id or by its claim file: the path as the reports give it
/// (`claims/2013/itar-tass.yaml`) or its last components (`itar-tass.yaml`,
/// `2013/itar-tass.yaml`). A name that matches no source, or matches the
/// files of several, is an error. Asked right after loading, so that a
/// mistyped name costs no run.
pub fn sources_named(sources: &[Source], names: &[String]) -> Result<Vec<usize>, Vec<Diagnostic>> {
    let files: Vec<String> = sources.iter().map(|s| s.loc.file.display().to_string()).collect();
    let mut by_id: Vec<(&str, usize)> = sources.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    by_id.sort_unstable();
    let (mut chosen, mut errors) = (Vec::new(), Vec::new());
    for name in names {
        if let Ok(at) = by_id.binary_search_by(|(id, _)| (*id).cmp(name.as_str())) {
            chosen.push(by_id[at].1);
            continue;
        }
        // `./claims/x.yaml` is `claims/x.yaml`; a file whose path is the
        // name outranks files whose path ends with it.
        let path: std::path::PathBuf =
            Path::new(name).components().skip_while(|c| matches!(c, std::path::Component::CurDir)).collect();
        let matched: Vec<usize> = if path.as_os_str().is_empty() {
            Vec::new()
        } else {
            let equal: Vec<usize> = (0..files.len()).filter(|&i| Path::new(&files[i]) == path).collect();
            if equal.is_empty() {
                (0..files.len()).filter(|&i| Path::new(&files[i]).ends_with(&path)).collect()
            } else {
                equal
            }
        };
        match matched.as_slice() {
            [one] => chosen.push(*one),
            [] => {
                // Ids are long ("itar-tass-2013-10-07"): the ones a short name begins are likelier than the nearest.
                let from = by_id.partition_point(|(id, _)| *id < name.as_str());
                let begun: Vec<&str> =
                    by_id[from..].iter().map(|(id, _)| *id).take_while(|id| id.starts_with(name.as_str())).collect();
                let help = match begun.as_slice() {
                    [] => crate::text::nearest(name, by_id.iter().map(|(id, _)| *id))
                        .map(|near| format!("did you mean '{near}'? "))
                        .unwrap_or_default(),
                    [one] => format!("did you mean '{one}'? "),
                    several => format!(
                        "{} ids begin so: {}{}; ",
                        several.len(),
                        several.iter().take(5).copied().collect::<Vec<_>>().join(", "),
                        if several.len() > 5 { ", ..." } else { "" }
                    ),
                };
                errors.push(
                    Diagnostic::error(None, format!("--source '{name}': no source has this id or claim file"))
                        .with_help(format!(
                            "{help}a source's id is the `id:` under `source:` in its claim file; \
                             a claim file can be named by its path or its last parts (`x.yaml`)"
                        )),
                );
            }
            several => {
                let listed: Vec<&str> = several.iter().take(5).map(|&i| files[i].as_str()).collect();
                errors.push(
                    Diagnostic::error(
                        None,
                        format!(
                            "--source '{name}' names {} claim files: {}{}",
                            several.len(),
                            listed.join(", "),
                            if several.len() > listed.len() { ", ..." } else { "" }
                        ),
                    )
                    .with_help("give the source's id, or more of the file's path"),
                );
            }
        }
    }
    if errors.is_empty() {
        chosen.sort_unstable();
        chosen.dedup();
        Ok(chosen)
    } else {
        Err(errors)
    }
}

/// Narrow `outcome` to what `sources` (from [`sources_named`]) speak to;
/// [`Outcome::focus`] then says what was left out.
pub fn narrow(outcome: &mut Outcome, sources: &[usize]) {
    let mut chosen = vec![false; outcome.source_views.len()];
    for &s in sources {
        chosen[s] = true;
    }
    let ids: Vec<String> = sources.iter().map(|&s| outcome.source_views[s].id.clone()).collect();
    let mut files: Vec<&str> = sources.iter().map(|&s| outcome.source_views[s].file.as_str()).collect();
    files.sort_unstable();
    let archive_facts = outcome.facts.len();
    let wanted: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
    outcome.facts.retain(|f| f.claims.iter().any(|c| wanted.contains(c.source.id.as_str())));
    let other_dependencies = outcome.dependencies.retain_involving(|s| chosen[s]);
    let before = outcome.diagnostics.len();
    outcome.diagnostics.retain(|d| {
        d.is_error()
            || d.loc.as_ref().is_none_or(|l| files.binary_search(&l.file.display().to_string().as_str()).is_ok())
    });
    let other_warnings = before - outcome.diagnostics.len();
    outcome.focus = Some(Focus { sources: ids, archive_facts, other_warnings, other_dependencies });
}

/// "itar-tass-2013-10-07", "a, b and c", "a, b, c, d, e and 7 more": the
/// sources a report is narrowed to, as its summary names them.
pub fn named(ids: &[String]) -> String {
    const LISTED: usize = 5;
    match ids.len() {
        0 => String::new(),
        1 => ids[0].clone(),
        n if n <= LISTED => format!("{} and {}", ids[..n - 1].join(", "), ids[n - 1]),
        n => format!("{} and {} more", ids[..LISTED].join(", "), n - LISTED),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(id: &str, file: &str) -> Source {
        let path: std::sync::Arc<Path> = std::sync::Arc::from(Path::new(file));
        Source { loc: crate::error::Loc::at(&path, 1, 1), ..Source::for_test(id) }
    }

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn message(result: Result<Vec<usize>, Vec<Diagnostic>>) -> String {
        result.unwrap_err().iter().map(|d| format!("{d}")).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn sources_are_named_by_id_or_claim_file_and_a_path_equal_outranks_a_path_ending() {
        let sources = [
            source("tass-1", "claims/tass.yaml"),
            source("tass-2", "claims/old/claims/tass.yaml"),
            source("ap-1", "claims/2013/ap.yaml"),
            source("ap-2", "claims/2014/ap.yaml"),
        ];
        let named = |list: &[&str]| sources_named(&sources, &names(list));
        assert_eq!(named(&["ap-2", "tass-1"]), Ok(vec![0, 3]), "by id, in the sources' order");
        assert_eq!(named(&["claims/tass.yaml"]), Ok(vec![0]), "equal, though both end so");
        assert_eq!(named(&["./claims/2013/ap.yaml", "2014/ap.yaml", "ap-1"]), Ok(vec![2, 3]));
        assert_eq!(named(&["old/claims/tass.yaml"]), Ok(vec![1]));
        let both = message(named(&["ap.yaml"]));
        assert!(both.contains("names 2 claim files: claims/2013/ap.yaml, claims/2014/ap.yaml"), "{both}");
        let begun = message(named(&["ap"]));
        assert!(begun.contains("2 ids begin so: ap-1, ap-2"), "{begun}");
        let near = message(named(&["tsas-1"]));
        assert!(near.contains("did you mean 'tass-1'?"), "{near}");
        // Every name that fails is reported, not only the first.
        let two = named(&["x.yaml", ".", "tass-1"]).unwrap_err();
        assert_eq!(two.len(), 2, "{two:?}");
    }

    #[test]
    fn the_sources_are_named_in_a_short_list() {
        let ids = |n: usize| (1..=n).map(|i| format!("s{i}")).collect::<Vec<_>>();
        assert_eq!(named(&ids(1)), "s1");
        assert_eq!(named(&ids(2)), "s1 and s2");
        assert_eq!(named(&ids(5)), "s1, s2, s3, s4 and s5");
        assert_eq!(named(&ids(7)), "s1, s2, s3, s4, s5 and 2 more");
    }
}
