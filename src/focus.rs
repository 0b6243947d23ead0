//! `check --source`: a report narrowed to the facts some sources make claims
//! about. A desk checks its whole archive again each time it adds an
//! article, and wants to see that article against the archive, not a
//! report of every fact the archive holds (at a million claims the HTML
//! page would be gigabytes).
//!
//! The whole archive is still read and analysed: a focused fact's verdict,
//! support and best-supported reading are those of the full run, because
//! the other sources' claims are part of them. Only what the report shows
//! and what the exit status counts is narrowed (docs/reports.md, "A
//! focused report"):
//!
//! - the facts that at least one of the sources makes a claim about, with
//!   all of their claims (the other sources' too);
//! - the dependencies that involve one of the sources, or two sources with
//!   claims on the facts shown (they explain those facts' support);
//! - every error (an error anywhere can change a focused fact, and still
//!   makes the run exit 2); the warnings about the sources' own claim
//!   files, about claims on the facts shown, or about no file. The other
//!   warnings and dependencies are counted, and the reports say so
//!   ([`left_out`]).
//!
//! Pure: sources are named by id or by their claim file's path, matched
//! against the loaded sources.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

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
    /// Warnings about other claims (of facts not shown), other sources'
    /// files or the registry, left out of the report.
    pub other_warnings: usize,
    /// Dependencies among other sources, left out of the report.
    pub other_dependencies: usize,
}

/// A `--source` value: as it was written (errors quote it), and as it is
/// matched: the caller turns an existing file inside the claims folder,
/// however written, into its path as the reports write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub written: String,
    pub matched: String,
}

impl Name {
    /// A name matched as it is written.
    pub fn new(written: &str) -> Name {
        Name { written: written.to_string(), matched: written.to_string() }
    }
}

/// Names longer than this get no "did you mean" (comparing one with every
/// id of a large archive would take seconds).
const SUGGESTED_UP_TO: usize = 200;

/// A path without its `.` parts: `./claims/x.yaml` is `claims/x.yaml`.
fn plain(path: &Path) -> PathBuf {
    path.components().filter(|c| !matches!(c, Component::CurDir)).collect()
}

/// The archive's sources (indices into `sources`, the loaded corpus's,
/// which are those of [`Outcome::source_views`]) that `names` name, each by
/// its source id or by its claim file: the path as the reports give it
/// (`claims/2013/itar-tass.yaml`) or its last components (`itar-tass.yaml`,
/// `2013/itar-tass.yaml`); a file whose path is the name outranks files
/// whose path ends with it. A name that matches no source, or the files of
/// several, is an error; so is a claim file whose source was not read
/// because of its errors (among `problems`, the loading's diagnostics,
/// which the error then repeats). Asked right after loading, so that a
/// mistyped name costs no run.
pub fn sources_named(
    sources: &[Source],
    names: &[Name],
    problems: &[Diagnostic],
) -> Result<Vec<usize>, Vec<Diagnostic>> {
    let files: Vec<PathBuf> = sources.iter().map(|s| plain(&s.loc.file)).collect();
    let mut by_id: Vec<(&str, usize)> = sources.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    by_id.sort_unstable();
    let (mut chosen, mut errors) = (Vec::new(), Vec::new());
    for Name { written, matched } in names {
        if matched.trim().is_empty() {
            errors.push(
                Diagnostic::error(None, format!("--source '{written}': no source id or claim file given"))
                    .with_help("give a source's id (the `id:` under `source:` in its claim file) or its claim file"),
            );
            continue;
        }
        if let Ok(at) = by_id.binary_search_by(|(id, _)| (*id).cmp(matched.as_str())) {
            chosen.push(by_id[at].1);
            continue;
        }
        let path = plain(Path::new(matched));
        let ending = |file: &Path| !path.as_os_str().is_empty() && file.ends_with(&path);
        let equal: Vec<usize> = (0..files.len()).filter(|&i| files[i] == path).collect();
        let matches = if equal.is_empty() { (0..files.len()).filter(|&i| ending(&files[i])).collect() } else { equal };
        match matches.as_slice() {
            [one] => chosen.push(*one),
            [] => {
                // A claim file that was not read names no source: say why.
                let unread: Vec<&Diagnostic> = problems
                    .iter()
                    .filter(|d| d.is_error())
                    .filter(|d| d.loc.as_ref().is_some_and(|l| plain(&l.file) == path || ending(&plain(&l.file))))
                    .collect();
                if let Some(first) = unread.first() {
                    let file = first.loc.as_ref().map(|l| l.file.display().to_string()).unwrap_or_default();
                    errors.extend(unread.iter().map(|d| (*d).clone()));
                    errors.push(
                        Diagnostic::error(
                            None,
                            format!("--source '{written}': {file} has errors (above), so its source was not read"),
                        )
                        .with_help("mend the file, then run again"),
                    );
                    continue;
                }
                errors.push(
                    Diagnostic::error(None, format!("--source '{written}': no source has this id or claim file"))
                        .with_help(format!(
                            "{}a source's id is the `id:` under `source:` in its claim file; \
                             a claim file can be named by its path or its last parts (`x.yaml`)",
                            suggestion(matched, &by_id)
                        )),
                );
            }
            several => {
                let listed: Vec<String> = several.iter().take(5).map(|&i| files[i].display().to_string()).collect();
                errors.push(
                    Diagnostic::error(
                        None,
                        format!(
                            "--source '{written}' names {} claim files: {}{}",
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

/// "did you mean 'x'? " or "3 ids begin so: a, b, c; " for a name that is
/// no id (`by_id` sorted). Ids are long ("itar-tass-2013-10-07"): the ones
/// a short name begins are likelier than the nearest.
fn suggestion(name: &str, by_id: &[(&str, usize)]) -> String {
    if name.chars().count() > SUGGESTED_UP_TO {
        return String::new();
    }
    let from = by_id.partition_point(|(id, _)| *id < name);
    let begun: Vec<&str> = by_id[from..].iter().map(|(id, _)| *id).take_while(|id| id.starts_with(name)).collect();
    match begun.as_slice() {
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
    }
}

/// Narrow `outcome` to what `sources` (from [`sources_named`]) speak to;
/// [`Outcome::focus`] then says what was left out.
pub fn narrow(outcome: &mut Outcome, sources: &[usize]) {
    let views = &outcome.source_views;
    let index: HashMap<&str, usize> = views.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let mut chosen = vec![false; views.len()];
    for &s in sources {
        chosen[s] = true;
    }
    // A claim's source, by index (every claim's source is among the views).
    let source_of = |c: &crate::check::ClaimView| index.get(c.source.id.as_str()).copied();
    let speaks = |f: &crate::check::FactView| f.claims.iter().any(|c| source_of(c).is_some_and(|s| chosen[s]));
    // Per claim file: where each claim of a fact starts, and whether its fact is shown.
    let mut claims_at: HashMap<&str, Vec<(u32, bool)>> = HashMap::new();
    let mut on_shown = vec![false; views.len()];
    for f in &outcome.facts {
        let shown = speaks(f);
        for c in &f.claims {
            claims_at.entry(c.source.file.as_str()).or_default().push((c.line, shown));
            if let Some(s) = source_of(c) {
                on_shown[s] |= shown;
            }
        }
    }
    for starts in claims_at.values_mut() {
        starts.sort_unstable();
    }
    let own: HashSet<&str> = sources.iter().map(|&s| views[s].file.as_str()).collect();
    // A warning is kept when it is about no file, about a focused source's
    // file, or placed in a claim of a shown fact (the claim starting last
    // before it: a warning about a claim left out of every fact, which
    // starts after, counts as the claim before's).
    let kept = |d: &Diagnostic| {
        let Some(loc) = &d.loc else { return true };
        let file = loc.file.display().to_string();
        own.contains(file.as_str())
            || claims_at.get(file.as_str()).is_some_and(|starts| {
                let at = starts.partition_point(|&(line, _)| line <= loc.line);
                at > 0 && starts[at - 1].1
            })
    };
    let keep: Vec<bool> = outcome.diagnostics.iter().map(|d| d.is_error() || kept(d)).collect();
    let ids: Vec<String> = sources.iter().map(|&s| views[s].id.clone()).collect();
    let archive_facts = outcome.facts.len();
    let other_dependencies = outcome.dependencies.retain_where(|members| {
        members.iter().any(|&s| chosen[s]) || members.iter().filter(|&&s| on_shown[s]).count() >= 2
    });
    let other_warnings = keep.iter().filter(|k| !**k).count();
    outcome.facts.retain(speaks);
    let mut keep = keep.into_iter();
    outcome.diagnostics.retain(|_| keep.next().unwrap_or(true));
    outcome.focus = Some(Focus { sources: ids, archive_facts, other_warnings, other_dependencies });
}

/// What a focused report leaves out, in one sentence for its readers (the
/// table, Markdown and HTML reports, and standard error); `None` when it
/// leaves out nothing but facts (its summary counts those).
pub fn left_out(outcome: &Outcome) -> Option<String> {
    let f = outcome.focus.as_ref()?;
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let parts: Vec<String> = [
        (f.other_warnings, plural(f.other_warnings, "warning about other claims", "warnings about other claims")),
        (
            f.other_dependencies,
            plural(f.other_dependencies, "dependency among other sources", "dependencies among other sources"),
        ),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(_, text)| text)
    .collect();
    (!parts.is_empty()).then(|| {
        format!(
            "Narrowed to {} (--source): {} left out; a run without --source lists them",
            named(&f.sources),
            parts.join(" and ")
        )
    })
}
/// "itar-tass-2013-10-07", "a and b", "a, b, c, d and e", "a, b, c, d, e
/// and 7 more": the sources a report is narrowed to, as its summary names them.
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

    fn names(list: &[&str]) -> Vec<Name> {
        list.iter().map(|s| Name::new(s)).collect()
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
        let named = |list: &[&str]| sources_named(&sources, &names(list), &[]);
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
        assert!(message(named(&[" "])).contains("no source id or claim file given"));
        let long = "t".repeat(300);
        assert!(!message(named(&[long.as_str()])).contains("did you mean"), "no search for a long name");
        // A claim file with errors was not read: the error says so, after the file's own.
        let bad: std::sync::Arc<Path> = std::sync::Arc::from(Path::new("claims/2015/bad.yaml"));
        let problems = [Diagnostic::error(Some(crate::error::Loc::at(&bad, 2, 3)), "published is missing")];
        let unread = sources_named(&sources, &names(&["2015/bad.yaml"]), &problems).unwrap_err();
        assert_eq!(unread.len(), 2, "{unread:?}");
        assert_eq!(unread[0], problems[0]);
        assert!(format!("{}", unread[1]).contains("claims/2015/bad.yaml has errors (above)"), "{}", unread[1]);
        // Every name that fails is reported, not only the first.
        let two = named(&["x.yaml", ".", "tass-1"]).unwrap_err();
        assert_eq!(two.len(), 2, "{two:?}");
    }

    proptest::proptest! {
        /// Any name, however odd (separators, dots, `..`, control
        /// characters, long), gives sources or errors, never a panic; the
        /// same names in any order give the same sources.
        #[test]
        fn any_name_gives_sources_or_errors(
            picked in proptest::collection::vec("[a-z./ -]{0,12}|itar-tass-1|claims/ap\\.yaml|\\PC{0,40}", 1..4),
        ) {
            let sources = [
                source("itar-tass-1", "claims/itar-tass.yaml"),
                source("ap-1", "./claims/ap.yaml"),
                source("ap-2", "claims/../claims/b/ap.yaml"),
            ];
            let list: Vec<&str> = picked.iter().map(String::as_str).collect();
            let mut reversed = list.clone();
            reversed.reverse();
            let (a, b) = (sources_named(&sources, &names(&list), &[]), sources_named(&sources, &names(&reversed), &[]));
            match (&a, &b) {
                (Ok(x), Ok(y)) => {
                    proptest::prop_assert_eq!(x, y);
                    proptest::prop_assert!(x.iter().all(|&i| i < sources.len()) && x.windows(2).all(|w| w[0] < w[1]));
                }
                (Err(x), Err(y)) => proptest::prop_assert_eq!(x.len(), y.len()),
                _ => proptest::prop_assert!(false, "one order fails, the other not: {a:?} {b:?}"),
            }
        }
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
