//! The `check` pipeline: load -> resolve -> normalize -> ground -> group -> compare.
//!
//! [`run`] does the I/O (through `load`); [`analyze`] is the pure rest, and
//! returns everything a report needs, owned, sorted and deterministic.

use std::collections::BTreeMap;
use std::path::Path;

use crate::compare::{compare, Relation, Verdict};
use crate::error::{sort_diagnostics, Diagnostic, Loc};
use crate::ground::{Article, Miss};
use crate::group::{group, ReadClaim};
use crate::load::{load_with, Loaded};
use crate::model::{Hedge, ValueType};
use crate::normalize::{read_claim, Reading};
use crate::progress::{Progress, Silent};
use crate::resolve::{resolve_all, EntityRef, Registry, Resolution, FUZZY_THRESHOLD};
use rayon::prelude::*;

/// One claim as the reports show it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimView {
    pub source: String,
    pub outlet: String,
    pub published: chrono::NaiveDate,
    pub published_inferred: bool,
    pub id: String,
    pub subject: String,
    pub value: String,
    pub value_type: ValueType,
    pub said_by: Option<String>,
    pub as_of: chrono::NaiveDate,
    pub hedge: Hedge,
    pub quote: String,
    pub note: Option<String>,
    pub reading: Reading,
    pub file: String,
    pub line: u32,
}

impl ClaimView {
    /// `source/claim-id`, unique in the corpus.
    pub fn key(&self) -> String {
        format!("{}/{}", self.source, self.id)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairView {
    pub a: String,
    pub b: String,
    pub relation: Relation,
    pub revision: bool,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FactView {
    pub id: String,
    pub subject: EntityRef,
    pub property: String,
    pub verdict: Verdict,
    pub reason: String,
    pub claims: Vec<ClaimView>,
    pub pairs: Vec<PairView>,
}

/// Everything `check` found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    pub facts: Vec<FactView>,
    /// Errors and warnings, sorted by place.
    pub diagnostics: Vec<Diagnostic>,
    pub sources: usize,
    /// Claims read in full (value read and quote found).
    pub claims_checked: usize,
    /// Claims in the files, including those with errors.
    pub claims_total: usize,
    /// The registry, for commands that take a subject by name.
    pub registry: Registry,
}

impl Outcome {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }

    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    /// The facts about `query`: a fact id, or a subject resolved as claim
    /// subjects are (registry name or alias, folded; then fuzzily).
    pub fn facts_about(&self, query: &str) -> Vec<&FactView> {
        if let Some(f) = self.facts.iter().find(|f| f.id == query) {
            return vec![f];
        }
        let subject = self.registry.entity_ref(query, &self.registry.resolve(query));
        self.facts.iter().filter(|f| f.subject.id == subject.id).collect()
    }

    /// The most severe verdict, if there is any fact.
    pub fn worst(&self) -> Option<Verdict> {
        self.facts.iter().map(|f| f.verdict).max()
    }
}

/// Load the corpus and check it.
pub fn run(claims_dir: &Path, articles_dir: &Path) -> Outcome {
    run_with(claims_dir, articles_dir, &Silent)
}

/// [`run`], telling `progress` how far it is.
pub fn run_with(claims_dir: &Path, articles_dir: &Path, progress: &dyn Progress) -> Outcome {
    analyze_with(load_with(claims_dir, articles_dir, progress), progress)
}

/// Check a loaded corpus. Pure.
pub fn analyze(loaded: Loaded) -> Outcome {
    analyze_with(loaded, &Silent)
}

/// [`analyze`], telling `progress` how far it is. Independent steps run in
/// parallel; results are put back in input order, so the outcome does not
/// depend on the threads.
pub fn analyze_with(loaded: Loaded, progress: &dyn Progress) -> Outcome {
    let Loaded { mut corpus, articles, mut diagnostics } = loaded;
    let (registry, registry_diags) = Registry::build(std::mem::take(&mut corpus.entities));
    diagnostics.extend(registry_diags);

    // Every distinct subject and entity name, with the place it is first used,
    // resolved once.
    let mut first_use: BTreeMap<&str, Loc> = BTreeMap::new();
    for c in &corpus.claims {
        first_use.entry(c.subject.as_str()).or_insert_with(|| c.loc.clone());
        if matches!(c.value_type, ValueType::Entity | ValueType::Entities) {
            for name in c.value.items() {
                first_use.entry(name).or_insert_with(|| c.value_loc.clone());
            }
        }
    }
    progress.start("resolving names", 0);
    let resolutions = resolve_all(&registry, first_use.keys().copied());
    resolution_warnings(&first_use, &registry, &resolutions, &mut diagnostics);

    // Quotes: each article is folded once, for all of its claims, and
    // dropped when its claims are grounded; sources in parallel.
    let mut of_source: Vec<Vec<usize>> = vec![Vec::new(); corpus.sources.len()];
    for (i, c) in corpus.claims.iter().enumerate() {
        of_source[c.source].push(i);
    }
    progress.start("grounding quotes", corpus.sources.len() as u64);
    let mut grounded: Vec<Option<Result<(), Miss>>> = vec![None; corpus.claims.len()];
    let found: Vec<Vec<(usize, Result<(), Miss>)>> = articles
        .into_par_iter()
        .zip(of_source.par_iter())
        .map(|(text, claims)| match text {
            Some(text) => {
                let article = Article::from_string(text);
                let found = claims.iter().map(|&i| (i, article.find(&corpus.claims[i].quote))).collect();
                progress.advance(1);
                found
            }
            None => Vec::new(), // the article's own error is already reported
        })
        .collect();
    for (i, r) in found.into_iter().flatten() {
        grounded[i] = Some(r);
    }
    drop(of_source);

    // Values, in parallel; results and diagnostics kept in claim order.
    progress.start("reading values", corpus.claims.len() as u64);
    let checked: Vec<(Vec<Diagnostic>, Option<ReadClaim<'_>>)> = corpus
        .claims
        .par_iter()
        .zip(grounded.into_par_iter())
        .map(|(claim, found)| {
            let source = &corpus.sources[claim.source];
            let mut diags = Vec::new();
            let ok = match found {
                Some(Ok(())) => true,
                Some(Err(miss)) => {
                    diags.push(
                        Diagnostic::error(
                            Some(claim.quote_loc.clone()),
                            format!("the quote of claim '{}' is not in its article {}", claim.id, source.article),
                        )
                        .with_help(format!(
                            "closest passage ({:.0}% similar): \"{}\"",
                            miss.similarity * 100.0,
                            miss.passage
                        )),
                    );
                    false
                }
                None => false,
            };
            let reading = match read_claim(claim, &registry, &resolutions) {
                Ok(r) => Some(r),
                Err(message) => {
                    diags.push(
                        Diagnostic::error(Some(claim.value_loc.clone()), message)
                            .with_help(value_help(claim.value_type)),
                    );
                    None
                }
            };
            progress.advance(1);
            let read = match (ok, reading) {
                (true, Some(reading)) => {
                    let subject = registry.entity_ref(&claim.subject, &resolutions[claim.subject.as_str()]);
                    Some(ReadClaim { claim, source, subject, reading })
                }
                _ => None,
            };
            (diags, read)
        })
        .collect();
    let mut read = Vec::with_capacity(checked.len());
    for (diags, claim) in checked {
        diagnostics.extend(diags);
        read.extend(claim);
    }
    let claims_checked = read.len();
    progress.start("grouping", 0);
    let grouped = group(read);
    progress.start("comparing", grouped.len() as u64);
    let facts = grouped
        .par_iter()
        .map(|fact| {
            let cmp = compare(fact);
            let claims: Vec<ClaimView> = fact.claims.iter().map(view).collect();
            let pairs = cmp
                .pairs
                .iter()
                .map(|p| PairView {
                    a: claims[p.a].key(),
                    b: claims[p.b].key(),
                    relation: p.relation,
                    revision: p.revision,
                    reason: p.reason.clone(),
                })
                .collect();
            progress.advance(1);
            FactView {
                id: fact.id.clone(),
                subject: fact.subject.clone(),
                property: fact.property.clone(),
                verdict: cmp.verdict,
                reason: cmp.reason,
                claims,
                pairs,
            }
        })
        .collect();
    sort_diagnostics(&mut diagnostics);
    diagnostics.dedup();
    Outcome {
        facts,
        diagnostics,
        sources: corpus.sources.len(),
        claims_checked,
        claims_total: corpus.claims.len(),
        registry,
    }
}

fn value_help(t: ValueType) -> &'static str {
    match t {
        ValueType::Date => "write a date expression such as '7 July 2013', 'mid-November' or 'after August' (docs/temporal.md), or set `type: text`",
        ValueType::Number => "write a number or range such as '300', 'over 100,000' or 'between 10 and 20' (docs/numbers.md), or set `type: text`",
        _ => "see docs/claims-format.md for the value of each type",
    }
}

fn view(c: &ReadClaim<'_>) -> ClaimView {
    ClaimView {
        source: c.source.id.clone(),
        outlet: c.source.outlet.clone(),
        published: c.source.published,
        published_inferred: c.source.published_inferred,
        id: c.claim.id.clone(),
        subject: c.claim.subject.clone(),
        value: c.claim.value.display(),
        value_type: c.claim.value_type,
        said_by: c.claim.said_by.clone(),
        as_of: c.claim.as_of,
        hedge: c.claim.hedge,
        quote: c.claim.quote.clone(),
        note: c.claim.note.clone(),
        reading: c.reading.clone(),
        file: c.claim.loc.file.display().to_string(),
        line: c.claim.loc.line,
    }
}

/// One warning per distinct name that was matched fuzzily or not at all,
/// at the first claim that uses it.
fn resolution_warnings(
    first_use: &BTreeMap<&str, Loc>,
    registry: &Registry,
    resolutions: &BTreeMap<&str, Resolution>,
    diags: &mut Vec<Diagnostic>,
) {
    for (name, resolution) in resolutions {
        let loc = first_use.get(name).cloned();
        match resolution {
            Resolution::Exact(_) => {}
            Resolution::Fuzzy { entity, matched, score } => diags.push(
                Diagnostic::warning(
                    loc,
                    format!(
                        "'{name}' is not in the registry; taken as '{}' (matched '{matched}', similarity {score:.2} >= {FUZZY_THRESHOLD})",
                        registry.entities[*entity].name
                    ),
                )
                .with_help("if that is right, add the spelling as an alias in entities.yaml to silence this"),
            ),
            Resolution::Unresolved { nearest } => {
                let d = Diagnostic::warning(loc, format!("'{name}' is not in the registry; it stands alone"));
                diags.push(if nearest.is_empty() {
                    d.with_help("add it to entities.yaml")
                } else {
                    let list: Vec<String> = nearest.iter().map(|(n, s)| format!("{n} ({s:.2})")).collect();
                    d.with_help(format!("nearest registry names: {}; add it or an alias to entities.yaml", list.join(", ")))
                });
            }
        }
    }
}
