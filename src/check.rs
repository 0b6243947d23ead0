//! The `check` pipeline: load -> resolve -> normalize -> ground -> group -> compare.
//!
//! [`run`] does the I/O (through `load`); [`analyze`] is the pure rest, and
//! returns everything a report needs, owned, sorted and deterministic.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use crate::compare::{compare_with, is_running_count, Verdict};
use crate::error::{sort_diagnostics, Diagnostic, Loc};
use crate::ground::{Article, Miss, Passage};
use crate::group::{group, Fact, ReadClaim};
use crate::independence::Dependence;
use crate::load::{load_with, Loaded};
use crate::model::{Claim, Hedge, RawValue, ValueType};
use crate::normalize::{read_claim, Reading, Unread};
use crate::progress::{Progress, Silent};
use crate::resolve::{resolve_all, EntityRef, Registry, Resolution, Resolutions, FUZZY_THRESHOLD};
use crate::review::ReviewStatus;
use crate::support::{support, Dependencies, Support};
use crate::tolerance::{Tolerance, Tolerances};
use rayon::prelude::*;

/// What the reports show of a claim's source, shared by all of its claims'
/// views (one copy per source, not per claim: an archive has a million
/// claims, and a view pays 8 bytes for all of this).
#[derive(Debug, Clone, PartialEq)]
pub struct SourceView {
    pub id: String,
    pub outlet: String,
    pub published: chrono::NaiveDate,
    pub published_inferred: bool,
    /// The article's headline and address, when the claim file gives them.
    pub title: Option<String>,
    pub url: Option<String>,
    /// The claim file, which holds the source and all of its claims.
    pub file: String,
}

impl SourceView {
    fn of(source: &crate::model::Source) -> SourceView {
        SourceView {
            id: source.id.clone(),
            outlet: source.outlet.clone(),
            published: source.published,
            published_inferred: source.published_inferred,
            title: source.title.clone(),
            url: source.url.clone(),
            file: source.loc.file.display().to_string(),
        }
    }
}

/// One claim as the reports show it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimView {
    pub source: Arc<SourceView>,
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
    /// The claim's line in its source's file.
    pub line: u32,
    /// The quote inside a few sentences of its article: `None` when the run
    /// skipped passages ([`Passages::Skip`]: every report but HTML), or the
    /// quote was found only as folded text without a passage to cut.
    pub context: Option<Box<Passage>>,
}

impl ClaimView {
    /// `source/claim-id`, unique in the corpus.
    pub fn key(&self) -> String {
        format!("{}/{}", self.source.id, self.id)
    }
}

/// How two claims of a fact relate (indices into the fact's `claims`); its
/// reason is written when a report shows it ([`FactView::reason_of`]).
pub type PairView = crate::compare::Pair;

#[derive(Debug, Clone, PartialEq)]
pub struct FactView {
    pub id: String,
    pub subject: Arc<EntityRef>,
    pub property: String,
    pub verdict: Verdict,
    pub reason: String,
    /// The tolerance its date readings were compared with, if any.
    pub tolerance: Option<Tolerance>,
    pub claims: Vec<ClaimView>,
    /// Every pair of claims but those of two claims that each read as an
    /// earlier claim ([`FactView::reads_as`]): those relate as the claims
    /// they read as do. At most `compare::PAIRS_LISTED` ([`FactView::pairs_left_out`]).
    pub pairs: Vec<PairView>,
    /// Pairs compared but not listed in `pairs`: a fact with more than
    /// `compare::PAIRS_LISTED` lists that many, those that disagree first.
    pub pairs_left_out: usize,
    /// Per claim: the first claim of the fact that reads as it (the same
    /// reading, said the same day with the same hedge); itself for a first.
    pub reads_as: Vec<usize>,
    /// The claims a later claim revised (`compare::Comparison::revised`),
    /// ascending; empty, and no allocation, for most facts.
    pub revised: Vec<usize>,
    /// How many sources, and independent ones, back each reading (docs/independence.md).
    pub support: Support,
    /// Set from reviews.yaml by `review::apply`; unreviewed until then.
    pub review: ReviewStatus,
    /// The reading the evidence best supports (src/truth.rs).
    pub best: Option<crate::truth::Best>,
}

impl FactView {
    /// Why the claims of `pair` relate as they do, in one sentence
    /// (`compare::explain`, from the two claims' views).
    pub fn reason_of(&self, pair: &PairView) -> String {
        crate::compare::explain(pair, &self.side(pair.a), &self.side(pair.b), self.tolerance)
    }

    /// Every pair with its reason, each claim's part of the reasons written
    /// once for all of its pairs (`compare::explain_said`).
    pub fn pairs_with_reasons(&self) -> impl Iterator<Item = (&PairView, String)> + '_ {
        let said: Vec<Option<crate::compare::Said>> = {
            let mut paired = vec![false; self.claims.len()];
            for p in &self.pairs {
                (paired[p.a], paired[p.b]) = (true, true);
            }
            (0..self.claims.len()).map(|i| paired[i].then(|| crate::compare::Said::of(&self.side(i)))).collect()
        };
        self.pairs.iter().map(move |p| {
            let (sa, sb) = (said[p.a].as_ref(), said[p.b].as_ref());
            let (sa, sb) = (sa.expect("a paired claim is said"), sb.expect("a paired claim is said"));
            (p, crate::compare::explain_said(p, &self.side(p.a), &self.side(p.b), sa, sb, self.tolerance))
        })
    }

    /// The earlier claim that claim `i` reads as ([`FactView::reads_as`]);
    /// `None` for a claim that reads as no earlier one.
    pub fn same_as(&self, i: usize) -> Option<usize> {
        self.reads_as.get(i).copied().filter(|&first| first != i)
    }

    /// What a reason says of claim `i` ([`crate::compare::Side`]).
    fn side(&self, i: usize) -> crate::compare::Side<'_> {
        let c = &self.claims[i];
        crate::compare::Side {
            value: std::borrow::Cow::Borrowed(c.value.as_str()),
            outlet: &c.source.outlet,
            as_of: c.as_of,
            reading: &c.reading,
        }
    }
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
    /// Claims the claim files list, including those with errors and those
    /// of files dropped whole (a bad `published`, a source id used twice).
    pub claims_total: usize,
    /// Claim files whose claims could not even be counted (not text, too
    /// large, not YAML): `claims_total` leaves theirs out.
    pub claim_files_unread: usize,
    /// Folders of the claims folder that could not be read (or not in
    /// full): the claim files in them are not counted either.
    pub folders_unread: usize,
    /// The registry, for commands that take a subject by name.
    pub registry: Registry,
    /// Sources that are not independent of each other, and why (docs/independence.md).
    pub dependencies: Dependencies,
    /// Each outlet's estimated accuracy, most accurate first (src/truth.rs).
    pub reliability: Vec<crate::truth::Reliability>,
    /// The outlet pairs truth discovery took as dependent whatever the claims
    /// say (wire copy, shared passages; `truth::declared_pairs`).
    pub declared: Vec<(String, String)>,
    /// Every source of the archive as the reports show it, in the order of
    /// its sources (shared with its claims' views).
    pub source_views: Vec<Arc<SourceView>>,
    /// Set when the report is narrowed to some sources (`check --source`,
    /// [`crate::focus::narrow`]): what it is narrowed to and what it leaves out.
    pub focus: Option<crate::focus::Focus>,
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
        // "Geneva II conference.date": a subject as written, a dot, a
        // property. A name with a dot of its own ("St. Petersburg summit")
        // has no property after it and is matched whole below.
        if let Some((name, property)) = query.rsplit_once('.') {
            let subject = self.registry.entity_ref(name, &self.registry.resolve(name));
            let facts: Vec<&FactView> =
                self.facts.iter().filter(|f| f.subject.id == subject.id && f.property == property).collect();
            if !facts.is_empty() {
                return facts;
            }
        }
        let subject = self.registry.entity_ref(query, &self.registry.resolve(query));
        self.facts.iter().filter(|f| f.subject.id == subject.id).collect()
    }

    /// What a report covers when some input could not be read: "only 3 of
    /// the 5 claims in the claim files"; when a claim file could not be read
    /// at all, "the 5 claims of the claim files that could be read; 1 claim
    /// file could not be read at all, and its claims are not counted" (never
    /// "all": the report is partial), and likewise for a folder that could
    /// not be read.
    pub fn coverage(&self) -> String {
        let (checked, total) = (self.claims_checked, self.claims_total);
        let unread = self.claim_files_unread + self.folders_unread;
        let files = if unread == 0 { "in the claim files" } else { "of the claim files that could be read" };
        let mut text = match total {
            0 => "no claims".to_string(),
            1 if checked == 1 => format!("the 1 claim {files}"),
            1 => format!("none of the 1 claim {files}"),
            _ if checked == total && unread == 0 => format!("all {total} claims {files}"),
            _ if checked == total => format!("the {total} claims {files}"),
            _ => format!("only {checked} of the {total} claims {files}"),
        };
        match self.claim_files_unread {
            0 => {}
            1 => text.push_str("; 1 claim file could not be read at all, and its claims are not counted"),
            n => {
                text.push_str(&format!("; {n} claim files could not be read at all, and their claims are not counted"))
            }
        }
        match self.folders_unread {
            0 => {}
            1 => text.push_str("; 1 folder could not be read, and the claims of its files are not counted"),
            n => text
                .push_str(&format!("; {n} folders could not be read, and the claims of their files are not counted")),
        }
        text
    }

    /// The most severe verdict, if there is any fact.
    pub fn worst(&self) -> Option<Verdict> {
        self.facts.iter().map(|f| f.verdict).max()
    }
}

/// Whether each claim's view keeps the passage around its quote
/// ([`ClaimView::context`]). Only the HTML report shows passages; cutting
/// one out of its article takes a map of the article's bytes, and a
/// million claims' passages take hundreds of megabytes, so the other
/// reports skip them. Either way every quote is looked for in its article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Passages {
    Keep,
    Skip,
    /// Only for the claims of the facts these sources (indices into the
    /// corpus's) make claims about: an HTML report narrowed to them
    /// (`check --source`, [`crate::focus`]) shows no other claim.
    KeepFor(Vec<usize>),
}

/// Load the corpus and check it.
pub fn run(claims_dir: &Path, articles_dir: &Path) -> Outcome {
    run_with(claims_dir, articles_dir, &Tolerances::default(), Passages::Keep, &Silent)
}

/// [`run`], with tolerances from the command line over the registry's,
/// keeping passages or not, and telling `progress` how far it is.
pub fn run_with(
    claims_dir: &Path,
    articles_dir: &Path,
    tolerances: &Tolerances,
    passages: Passages,
    progress: &dyn Progress,
) -> Outcome {
    analyze_with(load_with(claims_dir, articles_dir, progress), tolerances, passages, progress)
}

/// Most characters of a missing quote's closest passage that its error shows.
const SHOWN_PASSAGE_CHARS: usize = 600;

/// Check a loaded corpus. Pure.
pub fn analyze(loaded: Loaded) -> Outcome {
    analyze_with(loaded, &Tolerances::default(), Passages::Keep, &Silent)
}

/// [`analyze`], with tolerances from the command line over the registry's,
/// keeping passages or not, telling `progress` how far it is. Independent
/// steps run in parallel; results are put back in input order, so the
/// outcome does not depend on the threads.
pub fn analyze_with(loaded: Loaded, tolerances: &Tolerances, passages: Passages, progress: &dyn Progress) -> Outcome {
    let Loaded { mut corpus, articles, mut diagnostics, claims_written, claim_files_unread, folders_unread } = loaded;
    let (registry, registry_diags) = Registry::build(std::mem::take(&mut corpus.entities));
    diagnostics.extend(registry_diags);

    // Every distinct subject and entity name, with the place it is first used,
    // resolved once. "First" in the order facts list claims (as_of, source id,
    // claim id), not in file order, so that renaming a file never moves a warning.
    progress.start("resolving names", 0);
    let first_use = first_uses(&corpus.claims, &corpus.sources);
    let resolutions = resolve_all(&registry, first_use.keys().copied());
    resolution_warnings(&first_use, &registry, &resolutions, &mut diagnostics);
    progress.start("finding dependent sources", 0);
    let dependence = Dependence::build(&corpus.sources, &articles, &registry);

    // Narrowed to some sources, passages are cut only for the claims of
    // the facts they make claims about (`focus::narrow` keeps those facts):
    // a claim's fact is its subject as resolved and its property, as
    // `group` keys it (a subject's id is a slug, which has no `.`, so the
    // pair spells one fact id).
    let keep_passage: Vec<bool> = match &passages {
        Passages::Keep => vec![true; corpus.claims.len()],
        Passages::Skip => vec![false; corpus.claims.len()],
        Passages::KeepFor(sources) => {
            let subject = |c: &Claim| resolutions.entity(&registry, &c.subject);
            let mut chosen = vec![false; corpus.sources.len()];
            for &s in sources {
                chosen[s] = true;
            }
            let facts: std::collections::HashSet<(String, &str)> = corpus
                .claims
                .iter()
                .filter(|c| chosen[c.source])
                .map(|c| (subject(c).id.clone(), c.property.as_str()))
                .collect();
            corpus.claims.par_iter().map(|c| facts.contains(&(subject(c).id.clone(), c.property.as_str()))).collect()
        }
    };
    // Quotes: each is looked for as written, and only an article holding a
    // quote that is not is folded (once, for all of its claims; and for the
    // passages around the quotes when the report shows them); each article is
    // dropped when its claims are grounded; sources in parallel.
    let mut of_source: Vec<Vec<usize>> = vec![Vec::new(); corpus.sources.len()];
    for (i, c) in corpus.claims.iter().enumerate() {
        of_source[c.source].push(i);
    }
    progress.start("grounding quotes", corpus.sources.len() as u64);
    /// Whether a claim's quote was found, and the passage around it.
    type Found = (Result<(), Box<Miss>>, Option<Box<Passage>>);
    let mut grounded: Vec<Option<Found>> = vec![None; corpus.claims.len()];
    let found: Vec<Vec<(usize, Found)>> = articles
        .into_par_iter()
        .zip(of_source.par_iter())
        .map(|(text, claims)| {
            let found = match text {
                Some(text) => {
                    let article = Article::from_string(text);
                    claims
                        .iter()
                        .map(|&i| {
                            let quote = &corpus.claims[i].quote;
                            // A quote with a passage is found; only a miss searches again, for the closest.
                            let passage = if keep_passage[i] { article.passage(quote) } else { None };
                            match passage {
                                Some(passage) => (i, (Ok(()), Some(Box::new(passage)))),
                                None => match article.find(quote) {
                                    Ok(()) => (i, (Ok(()), None)),
                                    Err(miss) => (i, (Err(Box::new(miss)), None)),
                                },
                            }
                        })
                        .collect()
                }
                None => Vec::new(), // the article's own error is already reported
            };
            progress.advance(1);
            found
        })
        .collect();
    for (i, f) in found.into_iter().flatten() {
        grounded[i] = Some(f);
    }
    drop(of_source);

    // Values, in parallel; results and diagnostics kept in claim order.
    progress.start("reading values", corpus.claims.len() as u64);
    let checked: Vec<(Vec<Diagnostic>, Option<ReadClaim<'_>>)> = corpus
        .claims
        .par_iter()
        .zip(grounded.into_par_iter())
        .enumerate()
        .map(|(index, (claim, found))| {
            let source = &corpus.sources[claim.source];
            let mut diags = Vec::new();
            let context = match found {
                Some((Ok(()), passage)) => Some(passage),
                Some((Err(miss), _)) => {
                    diags.push(
                        Diagnostic::error(
                            Some(claim.quote_loc.in_file_of(source)),
                            format!("the quote of claim '{}' is not in its article {}", claim.id, source.article),
                        )
                        .with_help(format!(
                            "closest passage ({:.0}% similar): \"{}\"{}",
                            miss.similarity * 100.0,
                            crate::text::clipped(&miss.passage, SHOWN_PASSAGE_CHARS),
                            if let Some(entity) = html_entity(&miss.passage) {
                                format!(
                                    "; the article holds HTML entities ('{entity}'): it was saved as HTML source, \
                                     not as text; save the article's text (a browser's 'Save as text', or \
                                     copy and paste) in its place"
                                )
                            } else if crate::ground::elided_parts(&claim.quote).is_some() {
                                format!(
                                    "; a quote with words left out ('...') or put in by the editor ('[the minister]') \
                                     is found when its parts (at most {}) stand in the article in order, each within {} \
                                     characters of the one before",
                                    crate::ground::MAX_ELIDED_PARTS,
                                    crate::ground::ELISION_GAP
                                )
                            } else {
                                String::new()
                            }
                        )),
                    );
                    None
                }
                None => None,
            };
            let reading = match read_claim(claim, &registry, &resolutions) {
                Ok(r) => Some(r),
                Err(Unread::Error(message)) => {
                    diags.push(
                        Diagnostic::error(Some(claim.value_loc.in_file_of(source)), message)
                            .with_help(value_help(claim.value_type)),
                    );
                    None
                }
                Err(Unread::NoValue(message)) => {
                    diags.push(
                        Diagnostic::warning(Some(claim.value_loc.in_file_of(source)), format!("claim '{}': {message}", claim.id))
                            .with_help("a value such as 'Not Available' or 'n/a' gives nothing to compare; remove the claim or give the value"),
                    );
                    None
                }
            };
            progress.advance(1);
            let read = match (context, reading) {
                (Some(context), Some(reading)) => {
                    let subject = resolutions.entity(&registry, &claim.subject);
                    Some(ReadClaim { claim, index, source, subject, reading, context })
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
    // A subject's property spelled two ways splits its fact: warned about.
    diagnostics.extend(crate::properties::near_property_warnings(&grouped, &corpus.sources));
    progress.start("comparing", grouped.len() as u64);
    // Compare the facts in parallel; each is then taken apart, so that its
    // claims' readings, passages and texts are moved into the views, not copied.
    let compared: Vec<Compared> = grouped
        .into_par_iter()
        .map(|fact| {
            let tolerance = Tolerances::resolve(tolerances, &corpus.tolerances, &fact.property);
            let running = corpus.running.get(&fact.property).copied();
            let cmp = compare_with(&fact, tolerance, running.unwrap_or_else(|| is_running_count(&fact.property)));
            let support = support(&fact, &cmp.same_reading, &dependence, &corpus.sources);
            let Fact { id, subject, property, claims } = fact;
            let members = claims.into_iter().map(|c| (c.index, c.reading, c.context)).collect();
            Compared { id, subject, property, tolerance, cmp, support, members }
        })
        .collect();
    let claims_total = claims_written.max(corpus.claims.len());
    // Each checked claim belongs to one fact: it is moved into its view
    // there, facts in parallel (`TakeOnce`: each claim moved out once, in
    // place, without first splitting the claims by fact, which would hold
    // each twice).
    let slots = crate::memory::TakeOnce::new(std::mem::take(&mut corpus.claims));
    let shown: Vec<Arc<SourceView>> = corpus.sources.iter().map(|s| Arc::new(SourceView::of(s))).collect();
    let mut facts: Vec<FactView> = compared
        .into_par_iter()
        .map(|c| {
            let claims: Vec<ClaimView> = c
                .members
                .into_iter()
                .map(|(index, reading, context)| {
                    let claim = slots.take(index).expect("a claim is in one fact");
                    let source = &shown[claim.source];
                    view(claim, source, reading, context)
                })
                .collect();
            progress.advance(1);
            FactView {
                id: c.id,
                subject: c.subject,
                property: c.property,
                verdict: c.cmp.verdict,
                reason: c.cmp.reason,
                tolerance: c.tolerance,
                claims,
                pairs: c.cmp.pairs,
                pairs_left_out: c.cmp.pairs_left_out,
                reads_as: c.cmp.reads_as,
                revised: (0..c.cmp.revised.len()).filter(|&i| c.cmp.revised[i]).collect(),
                support: c.support,
                review: ReviewStatus::Unreviewed,
                best: None,
            }
        })
        .collect();
    drop(slots);
    tolerance_warnings(tolerances, &corpus.tolerances, &facts, &mut diagnostics);
    text_type_warnings(&facts, &mut diagnostics);
    currency_warnings(&facts, &mut diagnostics);
    // Outlets that carry the same wire copy or share long passages count less (docs/truth.md).
    progress.start("weighing sources", 0);
    let declared = crate::truth::declared_pairs(&corpus.sources, dependence.links());
    let (best, reliability) = crate::truth::assess(&facts, &declared);
    for (f, b) in facts.iter_mut().zip(best) {
        f.best = b;
    }
    sort_diagnostics(&mut diagnostics);
    diagnostics.dedup();
    Outcome {
        facts,
        diagnostics,
        sources: corpus.sources.len(),
        claims_checked,
        claims_total,
        claim_files_unread,
        folders_unread,
        registry,
        dependencies: Dependencies::of(dependence, &corpus.sources),
        reliability,
        declared,
        source_views: shown,
        focus: None,
    }
}

/// A tolerance for a property no date fact has is a typo or a stale setting:
/// it would silently do nothing, so say so.
fn tolerance_warnings(
    command_line: &Tolerances,
    registry: &BTreeMap<String, Tolerance>,
    facts: &[FactView],
    diags: &mut Vec<Diagnostic>,
) {
    let mut dated: Vec<&str> = facts
        .iter()
        .filter(|f| f.claims.iter().any(|c| matches!(c.reading, Reading::Date(_))))
        .map(|f| f.property.as_str())
        .collect();
    dated.sort_unstable();
    dated.dedup();
    let named = command_line
        .per_property
        .keys()
        .map(|p| (p, "--tolerance"))
        .chain(registry.keys().map(|p| (p, "the registry's properties:")));
    for (property, place) in named {
        if dated.binary_search(&property.as_str()).is_ok() {
            continue;
        }
        let help = match crate::text::nearest(property, dated.iter().copied()) {
            Some(near) => format!("did you mean '{near}'? date properties with claims: {}", dated.join(", ")),
            None if dated.is_empty() => "no claim has a date or time value".to_string(),
            None => format!("date properties with claims: {}", dated.join(", ")),
        };
        diags.push(
            Diagnostic::warning(
                None,
                format!(
                    "{place} sets a tolerance for '{property}', but no date fact has that property; it has no effect"
                ),
            )
            .with_help(help),
        );
    }
}

/// A conflicting text fact whose values all read as numbers, or all as
/// dates, compares them as words: "more than 300" and "over 300" conflict
/// as text and agree as counts. Its type came from the property's name
/// (`crowd_size` is not one of the names read as numbers) or was set to
/// text: say so at its first claim, and how to give it a type. Only
/// conflicts: agreeing text needs no other reading.
fn text_type_warnings(facts: &[FactView], diags: &mut Vec<Diagnostic>) {
    use crate::normalize::date::{read_date, tense_of_said};
    use crate::normalize::number::read_number;
    let found: Vec<Diagnostic> = facts
        .par_iter()
        .filter(|f| f.verdict == Verdict::Conflict && f.claims.iter().all(|c| c.value_type == ValueType::Text))
        .filter_map(|f| {
            // A number of something, not "no deal" (which the number reader reads as zero).
            let count = |v: &str| read_number(v).is_ok_and(|r| r.rule != "none: zero");
            let (kind, example) = if f.claims.iter().all(|c| count(&c.value)) {
                ("number", "a count")
            } else if f.claims.iter().all(|c| read_date(&c.value, c.as_of, tense_of_said(&c.quote, c.as_of)).is_ok()) {
                ("date", "a date")
            } else {
                return None;
            };
            let first = f.claims.first()?;
            let values: Vec<String> = f.claims.iter().take(3).map(|c| format!("'{}'", c.value)).collect();
            let more = if f.claims.len() > 3 { ", ..." } else { "" };
            Some(
                Diagnostic::warning(
                    Some(Loc::at(&Arc::from(Path::new(&first.source.file)), first.line, 0)),
                    format!(
                        "fact '{}' is compared as text, and its values conflict as words ({}{more}), but every one \
                         of them reads as a {kind}",
                        f.id,
                        values.join(", ")
                    ),
                )
                .with_help(format!(
                    "if '{}' is {example}, give its claims `type: {kind}` (a property's name gives the type only \
                     for the names in docs/claims-format.md)",
                    f.property
                )),
            )
        })
        .collect();
    diags.extend(found);
}

/// A number fact whose claims name different currencies ("€50 million",
/// "$50 million") compares the amounts as plain numbers, which may agree:
/// say so at the first claim whose currency differs from the first's, with
/// whatever the verdict (an agreement is the case that would go unseen).
fn currency_warnings(facts: &[FactView], diags: &mut Vec<Diagnostic>) {
    use crate::normalize::number::{currency_of, same_currency};
    let found: Vec<Diagnostic> = facts
        .par_iter()
        .filter(|f| f.claims.iter().all(|c| c.value_type == ValueType::Number))
        .filter_map(|f| {
            let named: Vec<(&ClaimView, &str)> =
                f.claims.iter().filter_map(|c| Some((c, currency_of(&c.value)?))).collect();
            let (first, currency) = *named.first()?;
            let (other, differs) = *named.iter().find(|(_, c)| !same_currency(c, currency))?;
            let place = |c: &ClaimView| format!("{}:{}", c.source.file, c.line);
            Some(
                Diagnostic::warning(
                    Some(Loc::at(&Arc::from(Path::new(&other.source.file)), other.line, 0)),
                    format!(
                        "fact '{}' has amounts in different currencies: '{}' ({currency}, {}) and '{}' ({differs}); \
                         they are compared as plain numbers, so the verdict ({}) says nothing about their worth",
                        f.id,
                        first.value,
                        place(first),
                        other.value,
                        f.verdict.as_str()
                    ),
                )
                .with_help("give the amounts in one currency (the claim's note can keep the other), or check which one the article means"),
            )
        })
        .collect();
    diags.extend(found);
}

/// The first HTML character reference in `text` ("&amp;", "&#8217;",
/// "&nbsp;", "&#x2019;"), if any: an article saved as HTML source.
fn html_entity(text: &str) -> Option<&str> {
    text.match_indices('&').find_map(|(at, _)| {
        let rest = &text[at + 1..];
        let end = rest.find(';').filter(|&end| (2..=8).contains(&end))?;
        let name = &rest[..end];
        let numeric = name.strip_prefix('#').is_some_and(|n| {
            let hex = n.strip_prefix(['x', 'X']);
            !n.is_empty()
                && hex.map_or(n.bytes().all(|b| b.is_ascii_digit()), |h| {
                    !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit())
                })
        });
        (numeric || name.bytes().all(|b| b.is_ascii_alphabetic())).then(|| &text[at..at + end + 2])
    })
}

fn value_help(t: ValueType) -> &'static str {
    match t {
        ValueType::Date => "write a date expression such as '7 July 2013', 'mid-November' or 'after August' (docs/temporal.md), or set `type: text`",
        ValueType::Number => "write a number or range such as '300', 'over 100,000' or 'between 10 and 20' (docs/numbers.md), or set `type: text`",
        ValueType::Entity | ValueType::Entities => "write each name as the article gives it (names are matched by their letters and digits); an item of marks alone such as '...' names no one: leave it out, or leave the claim out",
        _ => "see docs/claims-format.md for the value of each type",
    }
}

/// A fact, compared, without its borrows of the corpus: each claim's
/// position in the corpus, reading and passage.
struct Compared {
    id: String,
    subject: Arc<EntityRef>,
    property: String,
    tolerance: Option<Tolerance>,
    cmp: crate::compare::Comparison,
    support: Support,
    members: Vec<(usize, Reading, Option<Box<Passage>>)>,
}

/// A claim's view; its texts are moved out of the claim, its source's shared.
/// (The loader reads a claim and its source from one file, so the claim's
/// file is its source's.)
fn view(claim: Claim, source: &Arc<SourceView>, reading: Reading, context: Option<Box<Passage>>) -> ClaimView {
    ClaimView {
        source: Arc::clone(source),
        line: claim.loc.line,
        id: claim.id,
        subject: claim.subject,
        value: match claim.value {
            // As `RawValue::display` writes it.
            RawValue::Scalar(s) => s,
            RawValue::List(items) => items.join(", "),
        },
        value_type: claim.value_type,
        said_by: claim.said_by,
        as_of: claim.as_of,
        hedge: claim.hedge,
        quote: claim.quote,
        note: claim.note,
        reading,
        context,
    }
}

/// Every subject and entity name, with the place it is first used in the
/// order facts list claims: the least (as_of, source id, claim id), then
/// file order, then the subject before the value's names in their order.
/// Claims are scanned in parallel into per-thread maps that keep the least
/// use of each name, merged by the same order: no sort of every claim.
fn first_uses<'c>(claims: &'c [Claim], sources: &'c [crate::model::Source]) -> FirstUses<'c> {
    use std::collections::HashMap;
    /// Where a name is used: the order key (the source by the rank of its
    /// id), and the place (in the file of the claim's source).
    type Use<'c> = ((chrono::NaiveDate, u32, &'c str, usize, usize), (usize, crate::model::Pos));
    type Map<'c> = HashMap<&'c str, Use<'c>, foldhash::fast::FixedState>;
    let mut by_id: Vec<usize> = (0..sources.len()).collect();
    by_id.par_sort_unstable_by(|&a, &b| sources[a].id.cmp(&sources[b].id));
    let mut source_rank = vec![0u32; sources.len()];
    for (r, &s) in by_id.iter().enumerate() {
        source_rank[s] = r as u32;
    }
    let keep = |map: &mut Map<'c>, name: &'c str, u: Use<'c>| {
        map.entry(name)
            .and_modify(|old| {
                if u.0 < old.0 {
                    *old = u
                }
            })
            .or_insert(u);
    };
    let least = claims
        .par_iter()
        .enumerate()
        .fold(Map::default, |mut map, (i, c)| {
            let key = |at: usize| (c.as_of, source_rank[c.source], c.id.as_str(), i, at);
            keep(&mut map, c.subject.as_str(), (key(0), (c.source, c.loc)));
            if matches!(c.value_type, ValueType::Entity | ValueType::Entities) {
                for (n, name) in c.value.items().enumerate() {
                    keep(&mut map, name, (key(n + 1), (c.source, c.value_loc)));
                }
            }
            map
        })
        .reduce(Map::default, |a, b| {
            // Merge the smaller map into the larger.
            let (mut into, from) = if a.len() >= b.len() { (a, b) } else { (b, a) };
            for (name, u) in from {
                keep(&mut into, name, u);
            }
            into
        });
    least.into_iter().map(|(name, (_, (source, pos)))| (name, pos.in_file_of(&sources[source]))).collect()
}

/// Each name's first use ([`first_uses`]).
type FirstUses<'c> = std::collections::HashMap<&'c str, Loc, foldhash::fast::FixedState>;

/// One warning per distinct name that was matched fuzzily or not at all,
/// at the first claim that uses it.
fn resolution_warnings(
    first_use: &FirstUses<'_>,
    registry: &Registry,
    resolutions: &Resolutions<'_>,
    diags: &mut Vec<Diagnostic>,
) {
    for (name, resolution, _) in &resolutions.names {
        // A name of marks alone is an error where it is read (`normalize::read_claim`): "add it to
        // entities.yaml" would be no help, as the registry refuses such a name.
        if crate::text::fold(name).is_empty() {
            continue;
        }
        let loc = first_use.get(name).cloned();
        match resolution {
            Resolution::Exact(_) => {}
            Resolution::Fuzzy { entity, matched, score } => diags.push(
                Diagnostic::warning(
                    loc,
                    format!(
                        "'{name}' is not in the registry; taken as '{}' (matched '{matched}', similarity {} >= {FUZZY_THRESHOLD})",
                        registry.entities[*entity].name,
                        crate::resolve::shown_score(*score)
                    ),
                )
                .with_help("if that is right, add the spelling as an alias in entities.yaml to silence this"),
            ),
            Resolution::Unresolved { nearest } => {
                let d = Diagnostic::warning(loc, format!("'{name}' is not in the registry; it stands alone"));
                diags.push(match nearest {
                    Some(nearest) if !nearest.is_empty() => {
                        let list: Vec<String> = nearest
                            .iter()
                            .map(|n| match &n.alias {
                                Some(alias) => format!("{} ({}, as '{alias}')", n.name, n.shown_score()),
                                None => format!("{} ({})", n.name, n.shown_score()),
                            })
                            .collect();
                        d.with_help(format!(
                            "nearest registry names: {}; add it or an alias to entities.yaml",
                            list.join(", ")
                        ))
                    }
                    Some(_) => d.with_help("add it to entities.yaml"),
                    None => d.with_help(format!(
                        "add it or an alias to entities.yaml (nearest registry names are looked up only for the \
                         first {} names not in the registry, in the order of their characters' code points)",
                        registry.nearest_limit()
                    )),
                });
            }
        }
    }
}

#[cfg(test)]
mod first_use_tests {
    use super::*;
    use crate::model::Source;
    use std::sync::Arc;

    /// Source `id`, read from `claims/<id>.yaml`.
    fn source(id: &str) -> Source {
        let file: Arc<Path> = Arc::from(Path::new(&format!("claims/{id}.yaml")));
        Source { loc: Loc::at(&file, 1, 1), ..Source::for_test(id) }
    }

    /// A claim on line `line` of its source's file, naming `subject` and, as its value, `names`.
    fn claim(line: u32, source: usize, id: &str, as_of: &str, subject: &str, names: &[&str]) -> Claim {
        let at = |line, col| crate::model::Pos { line, col };
        Claim {
            source,
            id: id.into(),
            subject: subject.into(),
            property: "participants".into(),
            value: RawValue::List(names.iter().map(|n| n.to_string()).collect()),
            value_type: ValueType::Entities,
            said_by: None,
            as_of: as_of.parse().unwrap(),
            hedge: Hedge::Certain,
            quote: "q".into(),
            note: None,
            loc: at(line, 1),
            value_loc: at(line + 1, 1),
            quote_loc: at(line + 2, 1),
        }
    }

    #[test]
    fn a_name_is_first_used_where_facts_list_it_first_whatever_the_file_order() {
        let sources = [source("b"), source("a")];
        let claims = [
            // file order first, but said later
            claim(10, 0, "c1", "2013-03-01", "Geneva", &["Kerry"]),
            // the same day: source "a" comes before source "b"
            claim(20, 1, "c9", "2013-02-01", "Lisbon", &["Kerry", "Lavrov", "Kerry"]),
            claim(30, 0, "c0", "2013-02-01", "Kerry", &["Lisbon"]),
            // the same (day, source, id) twice: file order decides
            claim(40, 1, "c9", "2013-02-01", "Geneva", &[]),
        ];
        let first = first_uses(&claims, &sources);
        let at = |name: &str| {
            let loc = &first[name];
            (loc.file.display().to_string(), loc.line)
        };
        let mut names: Vec<&str> = first.keys().copied().collect();
        names.sort_unstable();
        assert_eq!(names, ["Geneva", "Kerry", "Lavrov", "Lisbon"]);
        assert_eq!(at("Kerry"), ("claims/a.yaml".to_string(), 21), "in c9's value, before c0's subject");
        assert_eq!(at("Lavrov"), ("claims/a.yaml".to_string(), 21));
        assert_eq!(at("Lisbon"), ("claims/a.yaml".to_string(), 20), "c9's subject");
        assert_eq!(at("Geneva"), ("claims/a.yaml".to_string(), 40), "said first, though last in the files");
    }
}
