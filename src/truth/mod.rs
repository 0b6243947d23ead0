//! Truth discovery: for every fact, the reading the evidence best supports,
//! and for every source an estimate of how often it is right.
//!
//! The method is ACCUCOPY (Dong, Berti-Equille & Srivastava, "Integrating
//! conflicting data: the role of source dependence", VLDB 2009), with the
//! value implication of TruthFinder (Yin, Han & Yu, KDD 2007) for readings
//! that are not equal but consistent; docs/truth.md explains it with the
//! parameters and the benchmark. In short, repeated until the accuracies settle:
//!
//! 1. **votes**: a source of accuracy `A` votes for its reading with weight
//!    `ln(n·A / (1−A))` (`n` false values are assumed equally likely), times
//!    its independence — the chance that it did not copy the sources that
//!    gave the same reading before it (in order of accuracy). A reading wider
//!    than another (`December` against `5 December`) also backs the narrower
//!    one at `SIMILAR_SUPPORT` of its weight, as do overlapping readings;
//! 2. **confidence** of each reading: `exp(votes)` normalized over the fact's
//!    readings and the `n + 1 − m` values nobody gave;
//! 3. **accuracy** of each source: the mean confidence of its readings;
//! 4. **copying**: for each pair of sources, the readings they share and how
//!    likely each shared reading is false: sharing many false readings is
//!    unlikely for independent sources, so it raises the probability that
//!    one copies the other (Bayes over "independent", "a copies b", "b copies a").
//!
//! Sources known to be dependent (`wire:` copy, shared passages) enter step 1
//! as dependent whatever step 4 finds. A claim that a later claim revised (a
//! plan replaced) takes no part (`current_claims`).
//!
//! Pure and deterministic: no I/O, no hash-order iteration, ties broken by
//! index; each round is linear in the claims (pairs are counted per fact,
//! among at most `max_pair_sources` sources of a fact) and runs on all
//! cores, each fact and each pair summed on its own in a fixed order.

pub mod bench;

use std::collections::BTreeMap;

use crate::compare::{relation, same_time_other_day, Relation};
use crate::normalize::Reading;
use crate::tolerance::Tolerance;

/// The parameters, with the values of the ACCUCOPY paper where it gives them.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// `n`: how many false values a wrong source picks among, uniformly (paper: 100).
    pub false_values: f64,
    /// `c`: the share of values a copier copies (paper: 0.8); with
    /// `per_pair_copy_rate`, the starting value of every pair's estimate.
    pub copy_rate: f64,
    /// Estimate `c` per pair of sources and direction from the data (Dong et
    /// al., VLDB 2010), instead of one `c` for all: the share of the facts
    /// both speak to on which the copier's value is copied, by maximum
    /// likelihood under the pair's copy model (one EM step per round), kept
    /// inside `COPY_RATE_RANGE`. An exact clone then discounts fully, a loose
    /// follower partly. Off by default: a low estimated `c` makes each
    /// difference weak evidence against copying (`1−c` per difference), so
    /// independent outlets that share a few values become "dependent" and the
    /// discount compounds over many such pairs (docs/truth.md, ablation).
    pub per_pair_copy_rate: bool,
    /// `α`: the prior probability that two sources are dependent (paper: 0.2).
    pub prior_dependence: f64,
    /// Every source's accuracy before the first round (paper: 0.8).
    pub initial_accuracy: f64,
    /// `ρ`: how much a consistent but different reading backs another (TruthFinder: 0.5).
    pub similar_support: f64,
    /// Pseudo-claims at `initial_accuracy` added to every source's record, so
    /// that a source with a handful of claims keeps an estimate near the prior
    /// instead of swinging to an extreme.
    pub prior_weight: f64,
    /// Rounds at most, and the change of every accuracy below which they stop.
    pub max_rounds: usize,
    pub epsilon: f64,
    /// Facts with more sources than this add nothing to copy detection
    /// (pairs grow with the square of a fact's sources).
    pub max_pair_sources: usize,
    /// Settle accuracies by accuracy-weighted voting (every source
    /// independent) before copy detection starts, as the paper's algorithm
    /// does: dependence judged from the prior accuracy alone finds copying everywhere.
    pub independent_first: bool,
    /// Accuracy per source and property (Li et al., VLDB 2012: accuracy
    /// varies by attribute), shrunk toward the source's overall accuracy.
    pub per_property: bool,
    /// Copy evidence weighs each shared value by the probability that it is
    /// true (the paper's mixture `q·Pt + (1−q)·Pf`), rather than by the round's decision.
    pub soft_copy_evidence: bool,
    /// A vote is discounted by the probability that its source copied the
    /// one before it (the paper's `Π (1 − c·P(S→S'))`); off (the default): by
    /// the probability that the two are dependent either way, since givers
    /// are taken in order of accuracy, not of copying, and a source counted
    /// after its copier adds no more than a copier counted after its origin.
    pub directional_discount: bool,
    /// Not a choice of the method, and no change to its results: up to this
    /// many sources, each round's copy discounts are looked up in a table of
    /// every ordered pair of sources made once a round (8 MiB at the
    /// default, 1,024), not found pair by pair.
    pub discount_table_sources: usize,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            false_values: 100.0,
            copy_rate: 0.8,
            per_pair_copy_rate: false,
            prior_dependence: 0.2,
            initial_accuracy: 0.8,
            similar_support: 0.5,
            prior_weight: 2.0,
            max_rounds: 100,
            epsilon: 1e-6,
            max_pair_sources: 64,
            independent_first: true,
            per_property: false,
            soft_copy_evidence: false,
            directional_discount: false,
            discount_table_sources: DISCOUNT_TABLE_SOURCES,
        }
    }
}

/// Facts per task in a round's votes.
const FACT_BLOCK: usize = 1024;

/// Facts per task when each source's agreements are counted.
const COUNT_BLOCK: usize = 16_384;

/// [`Params::discount_table_sources`] by default.
const DISCOUNT_TABLE_SOURCES: usize = 1024;

/// Accuracies are kept inside this range so that vote weights stay finite.
const ACCURACY_RANGE: (f64, f64) = (0.01, 0.99);

/// Per-pair copy rates are kept inside this range: above 0 so that the
/// estimate can recover (a rate of 0 is a fixed point of its update), below
/// 1 so that one difference does not rule copying out.
const COPY_RATE_RANGE: (f64, f64) = (0.1, 0.99);

/// What truth discovery is given: claims per fact as (source index, reading),
/// in a stable order, and pairs of sources known to depend on each other.
#[derive(Debug, Clone, Default)]
pub struct Input<'a> {
    pub sources: usize,
    pub facts: Vec<Vec<(usize, &'a Reading)>>,
    /// Per fact, the index of its property (accuracy is estimated per source
    /// and property); empty: one property for all.
    pub properties: Vec<usize>,
    pub dependent: Vec<(usize, usize)>,
    /// Per fact, the tolerance its date readings are compared with
    /// (`compare::relation_within`) when claims are sorted into agreeing and
    /// disagreeing; empty: none.
    pub tolerances: Vec<Option<Tolerance>>,
}

/// The readings of one fact that are equal to each other, and how likely that reading is true.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Indices of the fact's claims that give this reading, in the input order.
    pub claims: Vec<usize>,
    /// The claim that stands for the reading: the first that gives a day, if
    /// any does (a bare "5:50 a.m." joins "12/02/2011 5:50 a.m.", see [`consistent`]).
    pub representative: usize,
    pub confidence: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FactResult {
    /// In order of first claim.
    pub candidates: Vec<Candidate>,
    /// The best-supported candidate; `None` only for a fact without claims.
    pub best: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SourceResult {
    pub accuracy: f64,
    pub claims: usize,
    /// Facts it speaks to that another source speaks to as well.
    pub facts: usize,
    /// Of those, facts where its reading is the best one or consistent with it (equal or wider).
    pub agreed: usize,
    /// Facts where its reading cannot be true if the best one is.
    pub disagreed: usize,
}

/// Two sources that probably copy one another (or a common origin).
#[derive(Debug, Clone, PartialEq)]
pub struct CopyRelation {
    pub a: usize,
    pub b: usize,
    /// Posterior probability that they are dependent.
    pub probability: f64,
    /// Facts both speak to.
    pub shared: usize,
    /// Of those, facts where they give the same reading, and the same reading that is not the best one.
    pub same: usize,
    pub same_false: usize,
    /// Declared (wire copy, shared passages) rather than found.
    pub declared: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Discovery {
    pub facts: Vec<FactResult>,
    pub sources: Vec<SourceResult>,
    /// Pairs with a dependence probability of at least 0.5, or declared; by (a, b).
    pub copies: Vec<CopyRelation>,
    pub rounds: usize,
    pub converged: bool,
}

/// The best-supported reading of a fact, as the reports show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Best {
    /// The value as the first claim giving this reading wrote it.
    pub value: String,
    pub reading: Reading,
    /// Probability (0..1) that this reading is the true one.
    pub confidence: f64,
    /// The outlets giving this reading, in the order of their claims.
    pub sources: Vec<String>,
    /// The outlets giving a reading that cannot be true with it.
    pub against: Vec<String>,
}

/// What `crosscheck sources` shows of one outlet.
#[derive(Debug, Clone, PartialEq)]
pub struct Reliability {
    pub outlet: String,
    /// Articles (claim files) of this outlet.
    pub articles: usize,
    pub accuracy: f64,
    pub claims: usize,
    pub facts: usize,
    pub agreed: usize,
    pub disagreed: usize,
    /// Outlets it probably copies or is copied by: (outlet, probability,
    /// facts where both give the same reading that is not the best one, declared).
    pub copies: Vec<(String, f64, usize, bool)>,
}

/// Outlet pairs known to depend on each other, from the independence rule
/// (src/independence.rs): every two outlets of a wire link, and the two
/// outlets of a shared passage. Articles of one outlet are one source here
/// already. Sorted, without duplicates.
pub fn declared_pairs(sources: &[crate::model::Source], links: &[crate::independence::Link]) -> Vec<(String, String)> {
    use crate::independence::Link;
    use rayon::prelude::*;
    // Outlets by number (their names sorted), so that the pairs of hundreds
    // of thousands of links are pairs of numbers, sorted once at the end.
    let mut names: Vec<&str> = sources.iter().map(|s| s.outlet.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    let outlet: Vec<u32> = sources
        .iter()
        .map(|s| names.binary_search(&s.outlet.as_str()).expect("every outlet is named") as u32)
        .collect();
    let mut pairs: Vec<(u32, u32)> = links
        .par_iter()
        .filter(|link| !matches!(link, Link::Outlet { .. }))
        .flat_map_iter(|link| {
            let mut list: Vec<u32> = link.sources().into_iter().filter_map(|i| outlet.get(i).copied()).collect();
            list.sort_unstable();
            list.dedup();
            let mut pairs = Vec::new();
            for (i, &a) in list.iter().enumerate() {
                pairs.extend(list[i + 1..].iter().map(|&b| (a, b)));
            }
            pairs
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs.into_iter().map(|(a, b)| (names[a as usize].to_string(), names[b as usize].to_string())).collect()
}

/// Truth discovery over checked facts: outlets are the sources (an outlet's
/// articles share one accuracy). `dependent` names outlet pairs known to
/// depend on each other. Returns each fact's best reading (same order as
/// `facts`) and each outlet's reliability, most accurate first.
pub fn assess(
    facts: &[crate::check::FactView],
    dependent: &[(String, String)],
) -> (Vec<Option<Best>>, Vec<Reliability>) {
    assess_with(facts, dependent, &Params::default())
}

/// [`assess`] with other parameters (the benchmark's ablation).
pub fn assess_with(
    facts: &[crate::check::FactView],
    dependent: &[(String, String)],
    params: &Params,
) -> (Vec<Option<Best>>, Vec<Reliability>) {
    // A claim's outlet, through its source (all of a source's claims share
    // one `SourceView`): one lookup per claim, and the outlet names sorted
    // once per source, not once per claim.
    use rayon::prelude::*;
    // A source view by its address (the claims of a source share one).
    type Views = std::collections::HashMap<usize, usize, foldhash::fast::FixedState>;
    let address = |c: &crate::check::ClaimView| std::sync::Arc::as_ptr(&c.source) as usize;
    let mut views: Vec<&crate::check::SourceView> = Vec::new();
    let mut slots: Views = Default::default();
    for c in facts.iter().flat_map(|f| &f.claims) {
        slots.entry(address(c)).or_insert_with(|| {
            views.push(&c.source);
            views.len() - 1
        });
    }
    let mut outlets: Vec<&str> = views.iter().map(|v| v.outlet.as_str()).collect();
    outlets.sort_unstable();
    outlets.dedup();
    let index = |o: &str| outlets.binary_search(&o).ok();
    let outlet_of: Vec<Option<usize>> = views.iter().map(|v| index(&v.outlet)).collect();
    let outlet = |c: &crate::check::ClaimView| outlet_of[slots[&address(c)]];
    // Per fact, the claims that take part: all but those a later claim
    // revised (`None`: all of them).
    let kept: Vec<Option<Vec<usize>>> = facts.par_iter().map(current_claims).collect();
    let input = Input {
        sources: outlets.len(),
        facts: facts
            .par_iter()
            .zip(&kept)
            .map(|(f, kept)| {
                f.claims
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| takes_part(kept, i))
                    .filter_map(|(_, c)| Some((outlet(c)?, &c.reading)))
                    .collect()
            })
            .collect(),
        dependent: dependent.iter().filter_map(|(a, b)| Some((index(a)?, index(b)?))).collect(),
        properties: {
            let mut names: Vec<&str> = facts.iter().map(|f| f.property.as_str()).collect();
            names.sort_unstable();
            names.dedup();
            facts.iter().map(|f| names.binary_search(&f.property.as_str()).unwrap_or(0)).collect()
        },
        tolerances: facts.iter().map(|f| f.tolerance).collect(),
    };
    let found = discover(&input, params);
    let best = facts
        .par_iter()
        .zip(&found.facts)
        .zip(&kept)
        .map(|((f, r), kept)| {
            let b = r.best?;
            let first =
                &f.claims[kept.as_ref().map_or(r.candidates[b].representative, |k| k[r.candidates[b].representative])];
            let mut sources: Vec<String> = Vec::new();
            let mut against: Vec<String> = Vec::new();
            for c in f.claims.iter().enumerate().filter(|&(i, _)| takes_part(kept, i)).map(|(_, c)| c) {
                let list = match consistent(&c.reading, &first.reading, f.tolerance) {
                    Relation::Equal => &mut sources,
                    Relation::Disjoint | Relation::Incomparable => &mut against,
                    _ => continue,
                };
                if !list.iter().any(|o| *o == *c.source.outlet) {
                    list.push(c.source.outlet.to_string());
                }
            }
            Some(Best {
                value: first.value.clone(),
                reading: first.reading.clone(),
                confidence: r.candidates[b].confidence,
                sources,
                against,
            })
        })
        .collect();
    // Articles per outlet: its distinct sources.
    let mut articles: Vec<Vec<&str>> = vec![Vec::new(); outlets.len()];
    for (v, o) in views.iter().zip(&outlet_of) {
        if let Some(o) = *o {
            articles[o].push(&v.id);
        }
    }
    for a in &mut articles {
        a.sort_unstable();
        a.dedup();
    }
    let mut reliability: Vec<Reliability> = outlets
        .iter()
        .zip(&found.sources)
        .enumerate()
        .map(|(i, (o, r))| Reliability {
            outlet: o.to_string(),
            articles: articles[i].len(),
            accuracy: r.accuracy,
            claims: r.claims,
            facts: r.facts,
            agreed: r.agreed,
            disagreed: r.disagreed,
            copies: found
                .copies
                .iter()
                .filter(|c| c.a == i || c.b == i)
                .map(|c| {
                    let other = if c.a == i { c.b } else { c.a };
                    (outlets[other].to_string(), c.probability, c.same_false, c.declared)
                })
                .collect(),
        })
        .collect();
    reliability.sort_by(|a, b| b.accuracy.total_cmp(&a.accuracy).then_with(|| a.outlet.cmp(&b.outlet)));
    (best, reliability)
}

/// The claims of a fact that take part in truth discovery, in order: all
/// (`None`) but those a later claim revised. A revised claim stated the plan
/// of its day, not the fact as it stands: it neither votes for a reading nor
/// counts for or against its outlet's accuracy (a value replaced later was
/// true for its time: Dong, Berti-Equille & Srivastava, "Truth discovery and
/// copying detection in a dynamic world", VLDB 2009). Of a revision pair
/// (`compare::Pair::revision`) the claim said earlier is the revised one.
fn current_claims(f: &crate::check::FactView) -> Option<Vec<usize>> {
    (!f.revised.is_empty()).then(|| (0..f.claims.len()).filter(|i| f.revised.binary_search(i).is_err()).collect())
}

fn takes_part(kept: &Option<Vec<usize>>, claim: usize) -> bool {
    kept.as_ref().is_none_or(|k| k.binary_search(&claim).is_ok())
}

/// One fact prepared for the rounds (then flattened into [`Prepared`]).
struct FactPrep {
    /// Per candidate: (source, weight) of the claims giving it; a source with
    /// several claims in one fact splits one vote among them.
    givers: Vec<Vec<(usize, f64)>>,
    /// Per candidate: (other candidate, support) that backs it.
    backers: Vec<Vec<(usize, f64)>>,
    /// Per source speaking to the fact: its last claim's candidate, by source.
    primary: Vec<(usize, usize)>,
    claims: Vec<Vec<usize>>,
    /// Per candidate: the claim that stands for it (`Candidate::representative`).
    reps: Vec<usize>,
}

/// Items in consecutive runs: run `i` is `items[start[i]..start[i + 1]]`.
struct Runs<T> {
    start: Vec<usize>,
    items: Vec<T>,
}

impl<T> Runs<T> {
    fn new() -> Runs<T> {
        Runs { start: vec![0], items: Vec::new() }
    }

    fn push(&mut self, run: impl IntoIterator<Item = T>) {
        self.items.extend(run);
        self.start.push(self.items.len());
    }

    fn get(&self, i: usize) -> &[T] {
        &self.items[self.start[i]..self.start[i + 1]]
    }

    /// The runs of `other` after these.
    fn append(&mut self, other: Runs<T>) {
        let offset = self.items.len();
        self.start.extend(other.start[1..].iter().map(|s| s + offset));
        self.items.extend(other.items);
    }
}

/// All facts prepared for the rounds, in a few flat arrays: an archive has
/// hundreds of thousands of facts, and every round reads all of them, so
/// they are kept together rather than in a few small allocations each.
/// Candidates are numbered across facts: fact `f` has `cands[f]..cands[f + 1]`.
struct Prepared {
    cands: Vec<usize>,
    /// Per candidate (numbered across facts): as [`FactPrep`], each other
    /// candidate named by its number within the fact.
    givers: Runs<(usize, f64)>,
    backers: Runs<(usize, f64)>,
    claims: Runs<usize>,
    reps: Vec<usize>,
    /// Per fact: as [`FactPrep::primary`].
    primary: Runs<(usize, usize)>,
    /// Per source: (fact, candidate across facts, weight) of each of its
    /// claims, in the order of facts, candidates and claims (each source's
    /// accuracy sums them in that order).
    by_source: Runs<(usize, usize, f64)>,
}

impl Prepared {
    /// Prepare every fact: blocks of [`FACT_BLOCK`] facts in parallel, each
    /// into flat arrays of its own, then joined in fact order.
    fn of(input: &Input<'_>, params: &Params) -> Prepared {
        use rayon::prelude::*;
        let blocks: Vec<Prepared> = input
            .facts
            .par_chunks(FACT_BLOCK)
            .enumerate()
            .map(|(b, chunk)| {
                let mut block = Prepared::empty();
                for (k, claims) in chunk.iter().enumerate() {
                    let tolerance = input.tolerances.get(b * FACT_BLOCK + k).copied().flatten();
                    block.push(prepare(claims, tolerance, params));
                }
                block
            })
            .collect();
        let mut all = Prepared::empty();
        for block in blocks {
            all.append(block);
        }
        all.index_sources(input.sources);
        all
    }

    fn empty() -> Prepared {
        Prepared {
            cands: vec![0],
            givers: Runs::new(),
            backers: Runs::new(),
            claims: Runs::new(),
            reps: Vec::new(),
            primary: Runs::new(),
            by_source: Runs::new(),
        }
    }

    /// One more fact.
    fn push(&mut self, fact: FactPrep) {
        fact.givers.into_iter().for_each(|g| self.givers.push(g));
        fact.backers.into_iter().for_each(|b| self.backers.push(b));
        fact.claims.into_iter().for_each(|c| self.claims.push(c));
        self.reps.extend(fact.reps);
        self.cands.push(self.reps.len());
        self.primary.push(fact.primary);
    }

    /// The facts of `other` after these (`by_source` is made once, at the end).
    fn append(&mut self, other: Prepared) {
        let first = self.reps.len();
        self.cands.extend(other.cands[1..].iter().map(|c| c + first));
        self.reps.extend(other.reps);
        self.givers.append(other.givers);
        self.backers.append(other.backers);
        self.claims.append(other.claims);
        self.primary.append(other.primary);
    }

    /// Each source's claims, in fact, candidate and claim order.
    fn index_sources(&mut self, sources: usize) {
        let mut by_source: Vec<Vec<(usize, usize, f64)>> = vec![Vec::new(); sources];
        for f in 0..self.facts() {
            for c in self.candidates(f) {
                for &(s, w) in self.givers.get(c) {
                    by_source[s].push((f, c, w));
                }
            }
        }
        self.by_source = Runs::new();
        by_source.into_iter().for_each(|b| self.by_source.push(b));
    }

    fn facts(&self) -> usize {
        self.cands.len() - 1
    }

    fn candidates(&self, f: usize) -> std::ops::Range<usize> {
        self.cands[f]..self.cands[f + 1]
    }
}

/// How reading `a` relates to reading `b` for truth discovery: as
/// `compare::relation_within` with the fact's tolerance, except that a time
/// given without a day (`DateReading::day_assumed`) is `Equal` to the same
/// time of day on another day: the day was assumed by the reader, not said
/// by the source, so the source backs that reading (docs/truth.md).
pub fn consistent(a: &Reading, b: &Reading, tolerance: Option<Tolerance>) -> Relation {
    if same_time_other_day(a, b, tolerance).is_some() {
        return Relation::Equal;
    }
    crate::compare::relation_within(a, b, tolerance)
}

/// How reading `a` stands to `b` in what it leaves possible, which is what
/// implication weighs (docs/truth.md, step 2): for dates and numbers, the
/// relation of their intervals (`November` is wider than `5 November`). A
/// list is read as "at least these" (`compare`: a list within another
/// differs only in precision), so the list naming fewer members leaves more
/// possible: `[Russia, US]` is *wider* here than `[Russia, US, UN]`, the set
/// relation turned round.
fn weighed(relation: Relation, a: &Reading, b: &Reading) -> Relation {
    let list = |r: &Reading| matches!(r, Reading::Entities(_) | Reading::Entity(_));
    match relation {
        Relation::Narrower if list(a) && list(b) => Relation::Wider,
        Relation::Wider if list(a) && list(b) => Relation::Narrower,
        other => other,
    }
}

fn day_assumed(r: &Reading) -> bool {
    matches!(r, Reading::Date(d) if d.day_assumed)
}

/// Past this many classes (candidates), a fact finds a reading's class by
/// its key, and which candidates back which by sweeping their intervals;
/// below, comparing each with each is cheaper and gives the same.
const KEYED_FROM: usize = 16;

/// Candidates: classes of equal readings, each with the claim that stands
/// for it, in order of first claim. A reading with an assumed day joins, in
/// this order, a class it equals exactly, one that gives the same time of
/// day on a given day, one with the same time of day and no day.
fn candidates(claims: &[(usize, &Reading)]) -> (Vec<usize>, Vec<usize>) {
    let mut classes: Vec<Vec<usize>> = Vec::new();
    let mut claim_candidate = vec![0; claims.len()];
    let rep = |class: &Vec<usize>| class.iter().copied().find(|&i| !day_assumed(claims[i].1)).unwrap_or(class[0]);
    let given = (0..claims.len()).filter(|&i| !day_assumed(claims[i].1));
    let assumed = (0..claims.len()).filter(|&i| day_assumed(claims[i].1));
    // Past KEYED_FROM classes, the class a reading equals is found by its
    // key (`compare::equal_key`; while the loop runs, a class's
    // representative is its first claim, whose key the map holds): a fact
    // of thousands of distinct readings is not compared class by class. A
    // reading without a key (a text) still is.
    let mut keyed: Option<std::collections::HashMap<crate::compare::EqualKey<'_>, usize>> = None;
    for i in given.chain(assumed) {
        let r = claims[i].1;
        if keyed.is_none() && classes.len() > KEYED_FROM {
            let firsts = classes.iter().enumerate();
            keyed = Some(firsts.filter_map(|(k, c)| Some((crate::compare::equal_key(claims[c[0]].1)?, k))).collect());
        }
        let key = keyed.as_ref().and_then(|_| crate::compare::equal_key(r));
        let equal = match (&keyed, &key) {
            (Some(map), Some(k)) => map.get(k).copied(),
            _ => classes.iter().position(|c| relation(claims[rep(c)].1, r) == Relation::Equal),
        };
        // Only a time without a day joins a class it does not equal: while
        // the readings that give their day are sorted (they come first),
        // every class stands for one of them, and two readings that give
        // their day are never the same time on another day.
        let found = equal.or_else(|| {
            if !day_assumed(r) {
                return None;
            }
            let other_day = |c: &Vec<usize>, gives_day: bool| {
                let k = rep(c);
                day_assumed(claims[k].1) != gives_day && same_time_other_day(claims[k].1, r, None).is_some()
            };
            (classes.iter().position(|c| other_day(c, true)))
                .or_else(|| classes.iter().position(|c| other_day(c, false)))
        });
        match found {
            Some(c) => classes[c].push(i),
            None => {
                if let (Some(map), Some(k)) = (&mut keyed, key) {
                    map.insert(k, classes.len());
                }
                classes.push(vec![i]);
            }
        }
    }
    for c in &mut classes {
        c.sort_unstable();
    }
    classes.sort_by_key(|c| c[0]);
    let reps = classes.iter().map(rep).collect();
    for (k, c) in classes.iter().enumerate() {
        for &i in c {
            claim_candidate[i] = k;
        }
    }
    (claim_candidate, reps)
}

fn prepare(claims: &[(usize, &Reading)], tolerance: Option<Tolerance>, params: &Params) -> FactPrep {
    let (claim_candidate, reps) = candidates(claims);
    let m = reps.len();
    let mut per_source: BTreeMap<usize, usize> = BTreeMap::new();
    for (s, _) in claims {
        *per_source.entry(*s).or_default() += 1;
    }
    let mut givers = vec![Vec::new(); m];
    let mut members = vec![Vec::new(); m];
    for (i, (s, _)) in claims.iter().enumerate() {
        givers[claim_candidate[i]].push((*s, 1.0 / per_source[s] as f64));
        members[claim_candidate[i]].push(i);
    }
    // Implication: a wider reading backs a narrower one; overlapping readings,
    // and readings equal within the fact's tolerance, back each other.
    let backs = |w: usize, v: usize| {
        let (a, b) = (claims[reps[w]].1, claims[reps[v]].1);
        let near = || tolerance.is_some() && consistent(a, b, tolerance) == Relation::Equal;
        matches!(weighed(relation(a, b), a, b), Relation::Wider | Relation::Overlaps) || near()
    };
    let mut backers: Vec<Vec<(usize, f64)>> = vec![Vec::new(); m];
    // Only candidates whose intervals meet can be wider or overlap.
    let swept = m > KEYED_FROM
        && sweep_meeting(claims, &reps, tolerance, |v, w| {
            for (x, y) in [(v, w), (w, v)] {
                if backs(y, x) {
                    backers[x].push((y, params.similar_support));
                }
            }
        });
    if swept {
        for backed in &mut backers {
            backed.sort_unstable_by_key(|&(w, _)| w);
        }
    } else {
        for (v, backed) in backers.iter_mut().enumerate() {
            backed.extend((0..m).filter(|&w| w != v && backs(w, v)).map(|w| (w, params.similar_support)));
        }
    }
    let mut primary: BTreeMap<usize, usize> = BTreeMap::new();
    for (i, (s, _)) in claims.iter().enumerate() {
        primary.insert(*s, claim_candidate[i]);
    }
    FactPrep { givers, backers, primary: primary.into_iter().collect(), claims: members, reps }
}

/// Call `meet(v, w)` once for every two candidates (by index into `reps`)
/// whose intervals meet, and say so, when every candidate is a date or a
/// number with an interval that is no empty or NaN one and the fact has no
/// tolerance; otherwise call nothing and say `false` (with a tolerance,
/// readings whose intervals do not meet may back each other: near ones,
/// and a time without a day and the same time on another day). The
/// intervals are sorted by lower end and swept: a fact of thousands of
/// distinct numbers meets its few meeting pairs without comparing every
/// two. Intervals that all meet (nested open ranges) still make every two.
fn sweep_meeting(
    claims: &[(usize, &Reading)],
    reps: &[usize],
    tolerance: Option<Tolerance>,
    mut meet: impl FnMut(usize, usize),
) -> bool {
    if tolerance.is_some() {
        return false;
    }
    let mut spans: Vec<(f64, f64, usize)> = Vec::with_capacity(reps.len());
    for (k, &rep) in reps.iter().enumerate() {
        match crate::compare::interval(claims[rep].1) {
            Some((lo, hi)) if !lo.is_nan() && !hi.is_nan() && lo <= hi => spans.push((lo, hi, k)),
            _ => return false,
        }
    }
    spans.sort_unstable_by(|x, y| x.0.total_cmp(&y.0).then(x.2.cmp(&y.2)));
    // (upper end, candidate) of those that may still meet a later one.
    let mut open: Vec<(f64, usize)> = Vec::new();
    for (lo, hi, k) in spans {
        // Those that end before this one starts meet no later one either.
        open.retain(|&(end, _)| end >= lo);
        for &(_, j) in &open {
            meet(j, k);
        }
        open.push((hi, k));
    }
    true
}

/// Pair statistics over the facts two sources share.
#[derive(Debug, Clone, Copy, Default)]
struct PairStats {
    shared: usize,
    same: usize,
    /// Facts where the two give different readings.
    different: f64,
}

/// Run truth discovery.
pub fn discover(input: &Input<'_>, params: &Params) -> Discovery {
    use rayon::prelude::*;
    let prepared = Prepared::of(input, params);
    let n = params.false_values;
    let property = |f: usize| if params.per_property { input.properties.get(f).copied().unwrap_or(0) } else { 0 };
    let properties = (0..prepared.facts()).map(|f| property(f) + 1).max().unwrap_or(1);
    // Accuracy per source, and per source and property (`acc[s][p]`).
    let sources = input.sources;
    let mut overall = vec![params.initial_accuracy; input.sources];
    let mut accuracy = vec![vec![params.initial_accuracy; properties]; input.sources];
    // The pairs of sources that copy detection weighs, with the facts they share.
    let index = PairIndex::build(&prepared, params.max_pair_sources);
    // Dependence of each pair of the index: P(a copies b), P(b copies a).
    let mut dependence: Vec<(f64, f64)> = vec![(0.0, 0.0); index.len()];
    // Copy rate of each pair of the index: a copies b, b copies a (`per_pair_copy_rate`;
    // otherwise `copy_rate`).
    let mut rates: Vec<(f64, f64)> = vec![(params.copy_rate, params.copy_rate); index.len()];
    let declared: std::collections::BTreeSet<(usize, usize)> = input
        .dependent
        .iter()
        .filter(|&&(a, b)| a != b && a.max(b) < sources)
        .map(|&(a, b)| (a.min(b), a.max(b)))
        .collect();
    // Per candidate (numbered across facts): the probability that its reading is true.
    let mut confidences: Vec<f64> = vec![0.0; prepared.reps.len()];
    // Facts in blocks for the threads, each block with its candidates' confidences.
    let blocks: Vec<std::ops::Range<usize>> =
        (0..prepared.facts()).step_by(FACT_BLOCK).map(|f| f..(f + FACT_BLOCK).min(prepared.facts())).collect();
    let mut rounds = 0;
    let mut converged = false;
    let mut pairs: Vec<PairStats> = vec![PairStats::default(); index.len()];
    // Phase one (if `independent_first`): no copy detection until the accuracies settle.
    let mut copying = !params.independent_first;
    let mut phase_rounds = 0;
    while rounds < 2 * params.max_rounds {
        rounds += 1;
        phase_rounds += 1;
        // 1-2. Votes and confidences.
        // A source's vote weight on a property, `ln(n·A / (1−A))`, once per round.
        let weight: Vec<Vec<f64>> =
            accuracy.iter().map(|per| per.iter().map(|&a| (n * a / (1.0 - a)).ln()).collect()).collect();
        // The factor by which a giver `s` is discounted for a giver `t` of
        // the same reading more accurate than it: `1 − c·P(s copied t)`, the
        // probability that it did not copy; exactly 1 for a pair neither
        // found nor declared dependent, and before copy detection for every
        // pair not declared.
        let discount = |s: usize, t: usize| -> f64 {
            let key = (s.min(t), s.max(t));
            let is_declared = !declared.is_empty() && declared.contains(&key);
            if !copying && !is_declared {
                return 1.0;
            }
            let id = index.id(key);
            if id.is_none() && !is_declared {
                return 1.0;
            }
            let (c_ab, c_ba) = id.map_or((params.copy_rate, params.copy_rate), |i| rates[i]);
            // The expected share of `s`'s value that is copied: `c·P(dep)`.
            let copied = if is_declared {
                c_ab.max(c_ba)
            } else {
                id.map_or(0.0, |i| {
                    let (ab, ba) = dependence[i];
                    match (params.directional_discount, s < t) {
                        (false, _) => c_ab * ab + c_ba * ba,
                        (true, true) => c_ab * ab,
                        (true, false) => c_ba * ba,
                    }
                })
            };
            1.0 - copied
        };
        // The same, looked up in a table made once a round when the sources
        // are few enough (the outlets of an archive usually are): the votes
        // ask it for every two givers of a reading, a million times a round
        // at archive scale. Only the pairs found or declared can be below 1.
        let cells = sources.checked_mul(sources).filter(|_| sources <= params.discount_table_sources);
        let table: Option<Vec<f64>> = cells.map(|cells| {
            let mut table = vec![1.0; cells];
            for &(a, b) in index.keys.iter().chain(&declared) {
                table[a * sources + b] = discount(a, b);
                table[b * sources + a] = discount(b, a);
            }
            table
        });
        // Per thread, buffers reused from fact to fact (the result of a fact
        // does not depend on what they held before).
        let scratch = || (Vec::<f64>::new(), Vec::<(usize, f64)>::new(), Vec::<f64>::new());
        let mut rest: &mut [f64] = &mut confidences;
        let mut parts = Vec::with_capacity(blocks.len());
        for block in &blocks {
            let (part, tail) =
                std::mem::take(&mut rest).split_at_mut(prepared.cands[block.end] - prepared.cands[block.start]);
            parts.push((block.clone(), part));
            rest = tail;
        }
        parts.into_par_iter().for_each_init(scratch, |buffers, (block, part)| {
            let offset = prepared.cands[block.start];
            for f in block {
                let range = prepared.candidates(f);
                let conf = &mut part[range.start - offset..range.end - offset];
                let (own, order, votes) = &mut *buffers;
                let prop = property(f);
                let acc = |s: usize| accuracy[s][prop];
                own.clear();
                for givers in range.clone().map(|c| prepared.givers.get(c)) {
                    if let [(s, w)] = givers[..] {
                        // One giver: nobody before it to have copied.
                        own.push(w * weight[s][prop]);
                        continue;
                    }
                    // Independence: in order of accuracy, each giver discounted by
                    // the probability that it copied each one before it.
                    order.clear();
                    order.extend_from_slice(givers);
                    order.sort_by(|x, y| acc(y.0).total_cmp(&acc(x.0)).then(x.0.cmp(&y.0)));
                    let mut total = 0.0;
                    for (k, &(s, w)) in order.iter().enumerate() {
                        let mut independent = 1.0;
                        for &(t, _) in &order[..k] {
                            if t != s {
                                independent *= table.as_ref().map_or_else(|| discount(s, t), |d| d[s * sources + t]);
                            }
                        }
                        total += w * weight[s][prop] * independent;
                    }
                    own.push(total);
                }
                votes.clear();
                votes.extend(
                    own.iter()
                        .zip(range.clone())
                        .map(|(&o, c)| o + prepared.backers.get(c).iter().map(|&(w, rho)| rho * own[w]).sum::<f64>()),
                );
                let unprovided = (n + 1.0 - votes.len() as f64).max(0.0);
                let top = votes.iter().copied().fold(0.0f64, f64::max);
                let total: f64 = votes.iter().map(|v| (v - top).exp()).sum::<f64>() + unprovided * (-top).exp();
                for (c, v) in conf.iter_mut().zip(votes.iter()) {
                    *c = (v - top).exp() / total;
                }
            }
        });
        // 3. Accuracies: per source, then per source and property, each shrunk
        // toward the level above it by `prior_weight` pseudo-claims.
        // Each source sums its claims in fact order, so the sums do not
        // depend on the number of threads.
        let (sum, count): (Vec<Vec<f64>>, Vec<Vec<f64>>) = (0..input.sources)
            .into_par_iter()
            .map(|s| {
                let (mut sum, mut count) = (vec![0.0; properties], vec![0.0; properties]);
                for &(f, c, w) in prepared.by_source.get(s) {
                    sum[property(f)] += w * confidences[c];
                    count[property(f)] += w;
                }
                (sum, count)
            })
            .unzip();
        let mut change = 0.0f64;
        let k = params.prior_weight;
        let bound = |a: f64| a.clamp(ACCURACY_RANGE.0, ACCURACY_RANGE.1);
        for s in 0..input.sources {
            let (total, seen): (f64, f64) = (sum[s].iter().sum(), count[s].iter().sum());
            if seen == 0.0 {
                continue;
            }
            overall[s] = bound((total + k * params.initial_accuracy) / (seen + k));
            for q in 0..properties {
                let a = bound((sum[s][q] + k * overall[s]) / (count[s][q] + k));
                change = change.max((a - accuracy[s][q]).abs());
                accuracy[s][q] = a;
            }
        }
        // 4. Copying.
        let mut dep_change = 0.0f64;
        if copying {
            let evidence = pair_evidence(&index, &prepared, &confidences, &accuracy, &property, &rates, params);
            for (i, (stats, (ab, ba), estimated)) in evidence.into_iter().enumerate() {
                pairs[i] = stats;
                let old = std::mem::replace(&mut dependence[i], (ab, ba));
                dep_change = dep_change.max((ab + ba - old.0 - old.1).abs());
                if params.per_pair_copy_rate {
                    let old = std::mem::replace(&mut rates[i], estimated);
                    dep_change = dep_change.max((estimated.0 - old.0).abs()).max((estimated.1 - old.1).abs());
                }
            }
        }
        if change < params.epsilon && dep_change < params.epsilon || phase_rounds >= params.max_rounds {
            if copying {
                converged = change < params.epsilon && dep_change < params.epsilon;
                break;
            }
            copying = true;
            phase_rounds = 0;
        }
    }
    let accuracy = overall;
    let dependence: BTreeMap<(usize, usize), f64> =
        index.keys.iter().zip(&dependence).map(|(&k, &(ab, ba))| (k, ab + ba)).collect();
    let facts: Vec<FactResult> = (0..prepared.facts())
        .into_par_iter()
        .map(|f| {
            let range = prepared.candidates(f);
            let conf = &confidences[range.clone()];
            FactResult {
                candidates: range
                    .map(|c| Candidate {
                        claims: prepared.claims.get(c).to_vec(),
                        representative: prepared.reps[c],
                        confidence: confidences[c],
                    })
                    .collect(),
                best: (!conf.is_empty()).then(|| best_of(conf)),
            }
        })
        .collect();
    // Per source: claims, facts weighed, agreed, disagreed with the best
    // reading; counted over blocks of facts in parallel and added up (sums
    // of counts, the same whatever the blocks).
    let counted: Vec<[usize; 4]> = (0..prepared.facts().div_ceil(COUNT_BLOCK))
        .into_par_iter()
        .map(|block| {
            let mut counts = vec![[0usize; 4]; input.sources];
            let start = block * COUNT_BLOCK;
            let end = (start + COUNT_BLOCK).min(prepared.facts());
            for (f, (fact, claims)) in (start..end).zip(facts[start..end].iter().zip(&input.facts[start..end])) {
                for (s, _) in claims {
                    counts[*s][0] += 1;
                }
                let Some(best) = fact.best else { continue };
                let best_reading = claims[fact.candidates[best].representative].1;
                let tolerance = input.tolerances.get(f).copied().flatten();
                let primary = prepared.primary.get(f);
                if primary.len() < 2 {
                    continue; // nobody to agree or disagree with
                }
                for &(s, v) in primary {
                    counts[s][1] += 1;
                    let mine = claims[fact.candidates[v].representative].1;
                    match weighed(consistent(mine, best_reading, tolerance), mine, best_reading) {
                        Relation::Equal | Relation::Wider => counts[s][2] += 1,
                        Relation::Disjoint | Relation::Incomparable => counts[s][3] += 1,
                        Relation::Narrower | Relation::Overlaps => {}
                    }
                }
            }
            counts
        })
        .reduce(
            || vec![[0usize; 4]; input.sources],
            |mut total, counts| {
                for (t, c) in total.iter_mut().zip(counts) {
                    for k in 0..4 {
                        t[k] += c[k];
                    }
                }
                total
            },
        );
    let mut sources: Vec<SourceResult> =
        accuracy.iter().map(|&a| SourceResult { accuracy: a, claims: 0, facts: 0, agreed: 0, disagreed: 0 }).collect();
    for (source, [claims, facts, agreed, disagreed]) in sources.iter_mut().zip(counted) {
        (source.claims, source.facts, source.agreed, source.disagreed) = (claims, facts, agreed, disagreed);
    }
    let mut keys: std::collections::BTreeSet<(usize, usize)> = declared.clone();
    keys.extend(dependence.iter().filter(|(_, &d)| d >= 0.5).map(|(k, _)| *k));
    // Per source, the facts it speaks to with its candidate, in fact order:
    // two sources' shared facts are the merge of their lists.
    let mut spoken: Vec<Vec<(usize, usize)>> = vec![Vec::new(); input.sources];
    for f in 0..prepared.facts() {
        for &(s, v) in prepared.primary.get(f) {
            spoken[s].push((f, v));
        }
    }
    let copies: Vec<CopyRelation> = keys
        .into_par_iter()
        .map(|(a, b)| {
            let st = index.id((a, b)).map(|i| pairs[i]).unwrap_or_default();
            let is_declared = declared.contains(&(a, b));
            CopyRelation {
                a,
                b,
                probability: if is_declared { 1.0 } else { dependence.get(&(a, b)).copied().unwrap_or(0.0) },
                shared: st.shared,
                same: st.same,
                same_false: count_same_false(&spoken[a], &spoken[b], &facts),
                declared: is_declared,
            }
        })
        .collect();
    Discovery { facts, sources, copies, rounds, converged }
}

/// Facts where two sources give the same reading and it is not the best one:
/// a merge of the two sources' (fact, candidate) lists, both in fact order.
fn count_same_false(a: &[(usize, usize)], b: &[(usize, usize)], facts: &[FactResult]) -> usize {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let (f, v) = a[i];
                count += usize::from(v == b[j].1 && Some(v) != facts[f].best);
                i += 1;
                j += 1;
            }
        }
    }
    count
}

/// The pairs of sources that copy detection weighs: every two sources that
/// speak to a common fact of at most `max_pair_sources` sources, in order,
/// each with the facts they share as (fact, candidate of a, candidate of b)
/// in fact order. Built once; each round then weighs every pair on its own
/// (in parallel, and in the same order as one pass over the facts would).
struct PairIndex {
    keys: Vec<(usize, usize)>,
    shared: Vec<Vec<Shared>>,
}

/// A fact two sources share: (fact, candidate of the first, candidate of the second).
type Shared = (u32, u32, u32);

/// What one round finds of one pair: its counts, P(a copies b) and P(b
/// copies a), and the next estimate of its copy rates.
type PairRound = (PairStats, (f64, f64), (f64, f64));

impl PairIndex {
    fn build(prepared: &Prepared, max_sources: usize) -> PairIndex {
        // Counted first, then each pair's list made at its size and filled in
        // fact order: no list of every incidence (32 bytes each, millions at
        // archive scale) is made and sorted at the run's peak of memory.
        type Slots = std::collections::HashMap<(usize, usize), usize, foldhash::fast::FixedState>;
        let mut slots: Slots = Slots::default();
        each_pair(prepared, max_sources, |key, _| *slots.entry(key).or_default() += 1);
        let mut keys: Vec<(usize, usize)> = slots.keys().copied().collect();
        keys.sort_unstable();
        // Each pair's count sizes its list; then the map holds the list's place.
        let mut shared: Vec<Vec<Shared>> = Vec::with_capacity(keys.len());
        for (i, key) in keys.iter().enumerate() {
            let count = slots.insert(*key, i).expect("every key was counted");
            shared.push(Vec::with_capacity(count));
        }
        each_pair(prepared, max_sources, |key, incidence| shared[slots[&key]].push(incidence));
        PairIndex { keys, shared }
    }

    fn len(&self) -> usize {
        self.keys.len()
    }

    fn id(&self, key: (usize, usize)) -> Option<usize> {
        self.keys.binary_search(&key).ok()
    }
}

/// Every two sources of each fact of at most `max_sources` sources, with
/// the fact and their candidates, in fact order.
fn each_pair(prepared: &Prepared, max_sources: usize, mut f: impl FnMut((usize, usize), Shared)) {
    for fact in 0..prepared.facts() {
        let primary = prepared.primary.get(fact);
        if primary.len() > max_sources {
            continue;
        }
        for (i, &(a, va)) in primary.iter().enumerate() {
            for &(b, vb) in &primary[i + 1..] {
                f((a, b), (fact as u32, va as u32, vb as u32));
            }
        }
    }
}

/// Per pair of the index: what the two share (for the report), the
/// posterior probabilities that a copies b and that b copies a, and the next
/// estimate of the pair's copy rates (a copies b, b copies a).
///
/// Dong et al. 2009, per fact both speak to, with the accuracies `A1`, `A2`
/// of the two on the fact's property: independent sources give the same true
/// value with probability `Pt = A1·A2`, the same false one with `Pf =
/// (1−A1)(1−A2)/n`, different values with `Pd = 1 − Pt − Pf`. If 1 copies 2
/// (a share `c` of its values): same true `A2·c + Pt(1−c)`, same false
/// `(1−A2)·c + Pf(1−c)`, different `Pd(1−c)`. A shared value true with
/// probability `q` (its confidence) mixes the two: `q·Pt + (1−q)·Pf`.
///
/// The copy rates (Dong et al. 2010 estimate `c` per pair rather than fix
/// it): the `c` under which the facts the two share are most likely if 1
/// copies 2 (and 2 copies 1), given the round's accuracies and decisions
/// ([`copy_rate_estimate`]). Pairs are independent of each other, so they
/// are weighed in parallel; each sums its facts in fact order, so the result
/// does not depend on the number of threads.
fn pair_evidence(
    index: &PairIndex,
    prepared: &Prepared,
    confidences: &[f64],
    accuracy: &[Vec<f64>],
    property: &(dyn Fn(usize) -> usize + Sync),
    rates: &[(f64, f64)],
    params: &Params,
) -> Vec<PairRound> {
    use rayon::prelude::*;
    let (n, alpha) = (params.false_values, params.prior_dependence);
    let ln = |x: f64| x.max(1e-300).ln();
    let conf_of = |f: usize| &confidences[prepared.candidates(f)];
    let bests: Vec<usize> = (0..prepared.facts()).into_par_iter().map(|f| best_of(conf_of(f))).collect();
    index
        .keys
        .par_iter()
        .zip(&index.shared)
        .zip(rates)
        .map(|((&(a, b), shared), &(c_ab, c_ba))| {
            let mut st = PairStats::default();
            // Log-likelihoods: independent, a copies b, b copies a.
            let mut l = [0.0f64; 3];
            // Per shared value, for the copy rates: its chance if copied from
            // b, if copied from a, and if found independently.
            let mut same_values: Vec<[f64; 3]> = Vec::new();
            for &(f, va, vb) in shared {
                let (f, va, vb) = (f as usize, va as usize, vb as usize);
                let (conf, best, prop) = (conf_of(f), bests[f], property(f));
                let (a1, a2) = (accuracy[a][prop], accuracy[b][prop]);
                let pt = a1 * a2;
                let pf = (1.0 - a1) * (1.0 - a2) / n;
                let pd = (1.0 - pt - pf).max(1e-300);
                st.shared += 1;
                if va == vb {
                    st.same += 1;
                    let q = if params.soft_copy_evidence { conf[va] } else { f64::from(u8::from(va == best)) };
                    let independent = q * pt + (1.0 - q) * pf;
                    let from = |orig: f64| q * orig + (1.0 - q) * (1.0 - orig);
                    if params.per_pair_copy_rate {
                        same_values.push([from(a2), from(a1), independent]);
                    }
                    l[0] += ln(independent);
                    l[1] += ln(c_ab * from(a2) + (1.0 - c_ab) * independent);
                    l[2] += ln(c_ba * from(a1) + (1.0 - c_ba) * independent);
                } else {
                    st.different += 1.0;
                    l[0] += ln(pd);
                    l[1] += ln(pd * (1.0 - c_ab));
                    l[2] += ln(pd * (1.0 - c_ba));
                }
            }
            // Prior: independent (1 − α), a copies b (α/2), b copies a (α/2).
            let terms = [(1.0 - alpha).ln() + l[0], (alpha / 2.0).ln() + l[1], (alpha / 2.0).ln() + l[2]];
            let top = terms.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let e: Vec<f64> = terms.iter().map(|t| (t - top).exp()).collect();
            let total: f64 = e.iter().sum();
            let posterior = (e[1] / total, e[2] / total);
            let estimated = if params.per_pair_copy_rate {
                (copy_rate_estimate(&same_values, 0, st.different), copy_rate_estimate(&same_values, 1, st.different))
            } else {
                (c_ab, c_ba)
            };
            (st, posterior, estimated)
        })
        .collect()
}

/// The copy rate `c` that makes a pair's shared facts most likely if one copies
/// the other: it maximizes `Σ_same ln(c·X + (1−c)·Y) + different·ln(1−c)`, with
/// `X` a shared value's chance if copied (`values[i][x]`) and `Y` if found
/// independently (`values[i][2]`). The sum is concave in `c`, so its slope
/// falls from `c = 0` to `c = 1` and bisection finds the one maximum, inside
/// `COPY_RATE_RANGE`. Deterministic: a fixed number of halvings.
fn copy_rate_estimate(values: &[[f64; 3]], x: usize, different: f64) -> f64 {
    let slope = |c: f64| {
        values.iter().map(|v| (v[x] - v[2]) / (c * v[x] + (1.0 - c) * v[2]).max(1e-300)).sum::<f64>()
            - different / (1.0 - c)
    };
    let (mut low, mut high) = COPY_RATE_RANGE;
    if slope(low) <= 0.0 {
        return low;
    }
    if slope(high) >= 0.0 {
        return high;
    }
    for _ in 0..40 {
        let mid = 0.5 * (low + high);
        if slope(mid) > 0.0 {
            low = mid;
        } else {
            high = mid;
        }
    }
    0.5 * (low + high)
}

/// The most confident candidate; on a tie, the first.
fn best_of(conf: &[f64]) -> usize {
    (0..conf.len()).max_by(|&x, &y| conf[x].total_cmp(&conf[y]).then(y.cmp(&x))).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::number::NumberReading;

    /// Candidates as they were found before the keyed search: each reading
    /// compared with every class (the method the keys must agree with).
    fn candidates_by_scan(claims: &[(usize, &Reading)]) -> (Vec<usize>, Vec<usize>) {
        let mut classes: Vec<Vec<usize>> = Vec::new();
        let mut claim_candidate = vec![0; claims.len()];
        let rep = |class: &Vec<usize>| class.iter().copied().find(|&i| !day_assumed(claims[i].1)).unwrap_or(class[0]);
        let given = (0..claims.len()).filter(|&i| !day_assumed(claims[i].1));
        let assumed = (0..claims.len()).filter(|&i| day_assumed(claims[i].1));
        for i in given.chain(assumed) {
            let r = claims[i].1;
            let found = classes.iter().position(|c| relation(claims[rep(c)].1, r) == Relation::Equal).or_else(|| {
                let other_day = |c: &Vec<usize>, gives_day: bool| {
                    let k = rep(c);
                    day_assumed(claims[k].1) != gives_day && same_time_other_day(claims[k].1, r, None).is_some()
                };
                (classes.iter().position(|c| other_day(c, true)))
                    .or_else(|| classes.iter().position(|c| other_day(c, false)))
            });
            match found {
                Some(c) => classes[c].push(i),
                None => classes.push(vec![i]),
            }
        }
        for c in &mut classes {
            c.sort_unstable();
        }
        classes.sort_by_key(|c| c[0]);
        let reps = classes.iter().map(rep).collect();
        for (k, c) in classes.iter().enumerate() {
            for &i in c {
                claim_candidate[i] = k;
            }
        }
        (claim_candidate, reps)
    }

    /// Readings of every kind, some equal, some nested, some apart, some
    /// open, a -0 beside a 0, NaN ends, a range given backwards, times with
    /// and without a day (said on two days), entity lists out of order,
    /// with repeats, empty; past the fixed kinds, distinct numbers.
    fn drawn_reading(k: usize) -> Reading {
        use crate::normalize::date::{read_date, Tense};
        use crate::resolve::EntityRef;
        let said = |e: &str, on: &str| Reading::Date(read_date(e, on.parse().unwrap(), Tense::Unknown).unwrap());
        let date = |e: &str| said(e, "2011-12-01");
        let name = |id: &str| std::sync::Arc::new(EntityRef { id: id.into(), name: id.into(), resolved: true });
        let number = |low: Option<f64>, high: Option<f64>| Reading::Number(NumberReading { low, high, rule: "test" });
        match k % DRAWN_KINDS {
            0 => number(Some(100.0), Some(100.0)),
            1 => number(Some(90.0), Some(110.0)),
            2 => number(Some(100.0), None),
            3 => number(None, Some(50.0)),
            4 => number(Some(0.0), Some(0.0)),
            5 => number(Some(-0.0), Some(-0.0)),
            6 => number(Some(f64::NAN), Some(f64::NAN)),
            7 => number(Some(105.0), Some(120.0)),
            8 => number(Some(200.0), Some(200.0)),
            9 => date("6:35 a.m."),
            10 => date("12/2/11 6:35 a.m."),
            11 => date("6:55 a.m."),
            12 => date("December 2011"),
            13 => date("2 December 2011"),
            14 => date("12/2/11"),
            15 => date("after November"),
            16 => Reading::Entity(name("a")),
            17 => Reading::Entities(vec![name("a")]),
            18 => Reading::Entities(vec![name("a"), name("b")]),
            19 => Reading::Text(crate::normalize::text::read_text("postponed", "status").unwrap()),
            20 => Reading::Text(crate::normalize::text::read_text("did not take place", "status").unwrap()),
            21 => number(None, None),
            22 => number(Some(f64::NAN), Some(5.0)),
            23 => number(Some(10.0), Some(5.0)),
            24 => said("6:35 a.m.", "2011-12-02"),
            25 => Reading::Entities(vec![name("b"), name("a"), name("a")]),
            26 => Reading::Entities(vec![]),
            // Holds the backwards range's ends, yet does not meet it as an interval.
            27 => number(Some(6.0), Some(9.0)),
            // Open at both ends, as a number open at both ends is: equal intervals, another type.
            28 => match date("after November") {
                Reading::Date(d) => Reading::Date(crate::normalize::date::DateReading { start: None, end: None, ..d }),
                other => other,
            },
            _ => number(Some(1000.0 + k as f64), Some(1000.0 + k as f64)),
        }
    }

    /// Kinds of [`drawn_reading`] (the last four draw distinct numbers).
    const DRAWN_KINDS: usize = 33;
    /// The kinds that are dates or numbers.
    const DATES_AND_NUMBERS: [usize; 25] =
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 21, 22, 23, 24, 27, 28, 29, 30, 31];

    /// Two readings that have a key relate as equal exactly when their keys
    /// are equal; a reading without one is never equal to one with one.
    #[test]
    fn equal_keys_are_equal_readings() {
        let readings: Vec<Reading> = (0..DRAWN_KINDS + 3).map(drawn_reading).collect();
        for a in &readings {
            for b in &readings {
                let equal = relation(a, b) == Relation::Equal;
                match (crate::compare::equal_key(a), crate::compare::equal_key(b)) {
                    (Some(x), Some(y)) => assert_eq!(x == y, equal, "{a:?} {b:?}"),
                    (None, Some(_)) | (Some(_), None) => assert!(!equal, "{a:?} {b:?}"),
                    (None, None) => {}
                }
            }
        }
    }

    proptest::proptest! {
        /// The keyed search for equal readings and the sweep for meeting
        /// intervals find the candidates and the backers that comparing
        /// every two gives, with and without a tolerance.
        #[test]
        fn keyed_candidates_and_swept_backers_are_those_of_every_pair(
            drawn in proptest::collection::vec(0usize..400, 1..60),
            tolerance in proptest::sample::select(vec![None, Some("10m"), Some("1d")]),
            dates_and_numbers in proptest::bool::ANY,
        ) {
            let tolerance = tolerance.map(|t| Tolerance::parse(t).unwrap());
            // Dates and numbers only: the sweep's own case (past KEYED_FROM candidates).
            let kind = |k: usize| {
                let (kind, n) = (k % DRAWN_KINDS, k - k % DRAWN_KINDS);
                if dates_and_numbers { n + DATES_AND_NUMBERS[k % DATES_AND_NUMBERS.len()] } else { n + kind }
            };
            let readings: Vec<Reading> = drawn.iter().map(|&k| drawn_reading(kind(k))).collect();
            let claims: Vec<(usize, &Reading)> = readings.iter().enumerate().map(|(i, r)| (i % 5, r)).collect();
            let (claim_candidate, reps) = candidates(&claims);
            let by_scan = candidates_by_scan(&claims);
            proptest::prop_assert_eq!((&claim_candidate, &reps), (&by_scan.0, &by_scan.1));
            let params = Params::default();
            let prep = prepare(&claims, tolerance, &params);
            let by_scan: Vec<Vec<(usize, f64)>> = (0..reps.len())
                .map(|v| {
                    (0..reps.len())
                        .filter(|&w| w != v)
                        .filter(|&w| {
                            let (a, b) = (claims[reps[w]].1, claims[reps[v]].1);
                            matches!(weighed(relation(a, b), a, b), Relation::Wider | Relation::Overlaps)
                                || (tolerance.is_some() && consistent(a, b, tolerance) == Relation::Equal)
                        })
                        .map(|w| (w, params.similar_support))
                        .collect()
                })
                .collect();
            proptest::prop_assert_eq!(&prep.backers, &by_scan);
        }
    }

    fn num(x: f64) -> Reading {
        Reading::Number(NumberReading { low: Some(x), high: Some(x), rule: "test" })
    }

    fn range(a: f64, b: f64) -> Reading {
        Reading::Number(NumberReading { low: Some(a), high: Some(b), rule: "test" })
    }

    /// `rows[f][s]`: what source `s` says of fact `f` (None: nothing).
    fn run(rows: &[Vec<Option<f64>>], dependent: Vec<(usize, usize)>) -> (Discovery, Vec<Vec<Reading>>) {
        run_with(rows, dependent, &Params::default())
    }

    /// [`run`] with other parameters.
    fn run_with(
        rows: &[Vec<Option<f64>>],
        dependent: Vec<(usize, usize)>,
        params: &Params,
    ) -> (Discovery, Vec<Vec<Reading>>) {
        let readings: Vec<Vec<Reading>> =
            rows.iter().map(|r| r.iter().map(|v| num(v.unwrap_or(f64::NAN))).collect()).collect();
        let sources = rows.iter().map(Vec::len).max().unwrap_or(0);
        let facts = rows
            .iter()
            .zip(&readings)
            .map(|(r, rd)| r.iter().enumerate().filter(|(_, v)| v.is_some()).map(|(s, _)| (s, &rd[s])).collect())
            .collect();
        let d = discover(&Input { sources, facts, dependent, ..Default::default() }, params);
        (d, readings)
    }

    /// Rows drawn from `seed` (xorshift): `facts` facts of `sources`
    /// sources, each fact's truth one of `values`. A source says nothing
    /// one time in `silent`, a value drawn at random one time in `wrong`,
    /// else the truth. Source 1 copies source 0, and source `near.1` copies
    /// source `near.0` but for one value in `near.2`, which it gets wrong.
    fn random_rows(
        seed: u64,
        (facts, sources, values): (usize, usize, u64),
        (silent, wrong): (u64, u64),
        near: (usize, usize, u64),
    ) -> Vec<Vec<Option<f64>>> {
        let mut x = seed;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        (0..facts)
            .map(|_| {
                let truth = (next() % values) as f64;
                let mut row: Vec<Option<f64>> = (0..sources)
                    .map(|_| {
                        (next() % silent != 0)
                            .then(|| if next() % wrong == 0 { (next() % values) as f64 } else { truth })
                    })
                    .collect();
                row[1] = row[0];
                row[near.1] = row[near.0].map(|v| if next() % near.2 == 0 { v + 1.0 } else { v });
                row
            })
            .collect()
    }

    fn best_value(d: &Discovery, rows: &[Vec<Option<f64>>], f: usize) -> f64 {
        let fact = &d.facts[f];
        let c = &fact.candidates[fact.best.unwrap()];
        let present: Vec<f64> = rows[f].iter().flatten().copied().collect();
        present[c.claims[0]]
    }

    #[test]
    fn majority_wins_among_independent_sources() {
        let rows = vec![vec![Some(1.0), Some(1.0), Some(2.0)]];
        let (d, _) = run(&rows, vec![]);
        assert_eq!(best_value(&d, &rows, 0), 1.0);
        assert!(d.converged);
    }

    #[test]
    fn accurate_sources_outvote_a_majority_of_poor_ones() {
        // Sources 0 and 1 are always right; 2, 3 and 4 are wrong on 20 facts, each in its own way.
        let mut rows = Vec::new();
        for f in 0..20 {
            let t = f as f64;
            rows.push(vec![Some(t), Some(t), Some(t + 100.0), Some(t + 200.0), Some(t + 300.0)]);
        }
        // Then the three agree against the two.
        rows.push(vec![Some(7.0), Some(7.0), Some(9.0), Some(9.0), Some(9.0)]);
        let (d, _) = run(&rows, vec![]);
        assert!(d.sources[0].accuracy > 0.9 && d.sources[2].accuracy < 0.2, "{:?}", d.sources);
        assert_eq!(best_value(&d, &rows, 20), 7.0);
        assert_eq!((d.sources[0].agreed, d.sources[2].disagreed), (21, 21));
    }

    #[test]
    fn copiers_sharing_false_values_count_less() {
        // Five independent sources, right but for "hard" facts (every 8th) where two of
        // them err, each in its own way; four copiers of one origin that is wrong on
        // every 4th fact and on the hard ones. On a hard fact plain voting picks the
        // copied error (4 against 3); the copiers' shared errors elsewhere give them away.
        let mut rows = Vec::new();
        for f in 0..48usize {
            let t = f as f64;
            let hard = f % 8 == 0;
            let mut row: Vec<Option<f64>> = (0..5)
                .map(|i| {
                    let errs = hard && (i == (f / 8) % 5 || i == (f / 8 + 1) % 5);
                    Some(if errs { t + 10.0 + i as f64 } else { t })
                })
                .collect();
            let origin = if hard || f % 4 == 1 { t + 0.5 } else { t };
            row.extend([Some(origin); 4]);
            rows.push(row);
        }
        let (d, _) = run(&rows, vec![]);
        for f in (0..48).step_by(8) {
            assert_eq!(best_value(&d, &rows, f), f as f64, "hard fact {f}: {:?}", d.facts[f]);
        }
        assert!(d.copies.iter().any(|c| (c.a, c.b) == (5, 6) && c.probability > 0.9), "{:?}", d.copies);
        assert!(!d.copies.iter().any(|c| c.a < 5 && c.b < 5), "independents are not copiers: {:?}", d.copies);
    }

    #[test]
    fn declared_dependence_discounts_without_evidence() {
        // One fact: 0 and 1 (declared wire copies of each other) against 2 and 3.
        let rows =
            vec![vec![Some(1.0), Some(1.0), Some(2.0), Some(2.0)], vec![Some(5.0), Some(5.0), Some(5.0), Some(5.0)]];
        let (d, _) = run(&rows, vec![(1, 0)]);
        assert_eq!(best_value(&d, &rows, 0), 2.0);
        assert!(d.copies.iter().any(|c| c.declared && (c.a, c.b) == (0, 1)));
    }

    #[test]
    fn a_wider_reading_backs_the_narrower_one_it_contains() {
        let (wide, a, b) = (range(1.0, 10.0), num(3.0), num(20.0));
        let facts = vec![vec![(0, &wide), (1, &a), (2, &b)]];
        let d = discover(&Input { sources: 3, facts, dependent: vec![], ..Default::default() }, &Params::default());
        let best = d.facts[0].best.unwrap();
        assert_eq!(d.facts[0].candidates[best].claims, vec![1], "{:?}", d.facts[0]);
    }

    /// A list is "at least these": the longer list says more, and a shorter
    /// list within it backs it, not the other way round (a participants
    /// list that grew when another country joined).
    #[test]
    fn a_shorter_list_backs_the_longer_list_that_holds_it() {
        let list = |ids: &[&str]| {
            Reading::Entities(
                ids.iter()
                    .map(|id| {
                        let (id, name, resolved) = (id.to_string(), id.to_string(), true);
                        std::sync::Arc::new(crate::resolve::EntityRef { id, name, resolved })
                    })
                    .collect(),
            )
        };
        let (five, six) = (list(&["au", "ca", "jp", "nz", "kr"]), list(&["au", "ca", "cl", "jp", "nz", "kr"]));
        let other = list(&["fr", "de"]);
        // Two sources give the five, four the six, one a list that conflicts with both.
        let facts = vec![vec![(0, &five), (1, &five), (2, &six), (3, &six), (4, &six), (5, &six), (6, &other)]];
        let d = discover(&Input { sources: 7, facts, dependent: vec![], ..Default::default() }, &Params::default());
        let fact = &d.facts[0];
        let best = fact.best.unwrap();
        assert_eq!(fact.candidates[best].claims, vec![2, 3, 4, 5], "{fact:?}");
        // The shorter list is consistent with the best: its sources agree with it.
        assert!(d.sources[0].agreed > 0 && d.sources[0].disagreed == 0, "{:?}", d.sources[0]);
        assert!(d.sources[6].disagreed > 0, "{:?}", d.sources[6]);
    }

    #[test]
    fn a_time_without_a_day_backs_the_same_time_on_a_given_day() {
        use crate::normalize::date::{read_date, Tense};
        let at = |e: &str| Reading::Date(read_date(e, "2011-12-01".parse().unwrap(), Tense::Unknown).unwrap());
        // Two outlets give the next day, three the bare time; two others another minute.
        let (bare, dated, other) = (at("6:35 a.m."), at("12/2/11 6:35 a.m."), at("6:55 a.m."));
        let facts = vec![vec![(0, &bare), (1, &bare), (2, &other), (3, &dated), (4, &other), (5, &bare), (6, &dated)]];
        let d = discover(&Input { sources: 7, facts, ..Default::default() }, &Params::default());
        let best = &d.facts[0].candidates[d.facts[0].best.unwrap()];
        assert_eq!(best.claims, vec![0, 1, 3, 5, 6], "one candidate: {:?}", d.facts[0]);
        assert_eq!(best.representative, 3, "the reading that gives the day stands for it");
        assert_eq!(consistent(&bare, &dated, None), Relation::Equal);
        assert_eq!(consistent(&other, &dated, None), Relation::Disjoint);
    }

    #[test]
    fn copy_rate_is_the_most_likely_share_copied() {
        // A value that only copying explains (X = 1, Y = 0): c = same / shared.
        let certain = [[1.0, 1.0, 0.0]; 3];
        assert!((copy_rate_estimate(&certain, 0, 1.0) - 0.75).abs() < 1e-9);
        // A clone (never differs) is held below 1, a pair that never agrees above 0.
        assert_eq!(copy_rate_estimate(&certain, 0, 0.0), COPY_RATE_RANGE.1);
        assert_eq!(copy_rate_estimate(&[], 0, 5.0), COPY_RATE_RANGE.0);
        // Agreeing on values independent sources give as often (X = Y) is no evidence of copying.
        assert_eq!(copy_rate_estimate(&[[0.9, 0.9, 0.9]; 10], 1, 2.0), COPY_RATE_RANGE.0);
    }

    #[test]
    fn per_pair_copy_rate_still_finds_copiers_and_converges() {
        // The copier fixture of `copiers_sharing_false_values_count_less`, with c estimated per pair.
        let mut rows = Vec::new();
        for f in 0..48usize {
            let t = f as f64;
            let hard = f % 8 == 0;
            let mut row: Vec<Option<f64>> = (0..5)
                .map(|i| Some(if hard && (i == (f / 8) % 5 || i == (f / 8 + 1) % 5) { t + 10.0 + i as f64 } else { t }))
                .collect();
            row.extend([Some(if hard || f % 4 == 1 { t + 0.5 } else { t }); 4]);
            rows.push(row);
        }
        let readings: Vec<Vec<Reading>> = rows.iter().map(|r| r.iter().map(|v| num(v.unwrap())).collect()).collect();
        let facts = readings.iter().map(|r| r.iter().enumerate().collect()).collect();
        let params = Params { per_pair_copy_rate: true, ..Params::default() };
        let d = discover(&Input { sources: 9, facts, ..Default::default() }, &params);
        assert!(d.converged, "{} rounds", d.rounds);
        assert!(d.copies.iter().any(|c| (c.a, c.b) == (5, 6) && c.probability > 0.9), "{:?}", d.copies);
        for f in (0..48).step_by(8) {
            assert_eq!(best_value(&d, &rows, f), f as f64, "hard fact {f}: {:?}", d.facts[f]);
        }
    }

    #[test]
    fn results_do_not_depend_on_source_numbering() {
        let rows = vec![vec![Some(1.0), Some(2.0)], vec![Some(3.0), Some(3.0)]];
        let (d, _) = run(&rows, vec![]);
        // A tie: the first candidate (first claim) wins, every time.
        assert_eq!(best_value(&d, &rows, 0), 1.0);
        let (again, _) = run(&rows, vec![]);
        assert_eq!(d, again);
    }

    /// Rounds run in parallel (votes per fact, evidence per pair); each fact
    /// and each pair is computed on its own, so the number of threads never
    /// changes a result, not even in the last bit.
    #[test]
    fn results_do_not_depend_on_the_number_of_threads() {
        // 300 facts, 9 sources: a few copy each other's values, the rest vary.
        let rows = random_rows(0x2545_f491_4f6c_dd1d, (300, 9, 5), (4, 5), (0, 2, 10));
        let on = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            pool.install(|| run(&rows, vec![(3, 4)]).0)
        };
        let one = on(1);
        assert!(one.copies.iter().any(|c| (c.a, c.b) == (0, 1) && !c.declared), "the clone pair is found");
        assert_eq!(one, on(4));
    }

    /// The copy discounts looked up in a table (`discount_table_sources`)
    /// give what finding them pair by pair gives, to the last bit: for the
    /// default method and each variant that changes how a discount is made.
    #[test]
    fn a_table_of_discounts_changes_no_result() {
        // 400 facts, 12 sources: two clone pairs, one declared pair, the rest vary.
        let rows = random_rows(0x9e37_79b9_7f4a_7c15, (400, 12, 6), (3, 4), (4, 5, 8));
        let dependent = vec![(7, 9), (9, 7), (2, 2)];
        let base = Params::default();
        let variants = [
            base.clone(),
            Params { directional_discount: true, ..base.clone() },
            Params { per_pair_copy_rate: true, ..base.clone() },
            Params { independent_first: false, ..base.clone() },
            // No fact is weighed for copying: the declared pair alone is discounted.
            Params { max_pair_sources: 0, ..base.clone() },
        ];
        for params in variants {
            let (table, _) = run_with(&rows, dependent.clone(), &params);
            let found = table.copies.iter().any(|c| (c.a, c.b) == (0, 1) && !c.declared);
            assert_eq!(found, params.max_pair_sources > 0, "the clone pair is found when pairs are weighed");
            let (by_pair, _) =
                run_with(&rows, dependent.clone(), &Params { discount_table_sources: 0, ..params.clone() });
            assert_eq!(table, by_pair, "{params:?}");
        }
    }

    #[test]
    fn wire_links_become_outlet_pairs_and_one_outlet_is_no_pair() {
        use crate::independence::Link;
        let source = |outlet: &str| crate::model::Source {
            id: outlet.to_lowercase(),
            outlet: outlet.into(),
            title: None,
            published: chrono::NaiveDate::from_ymd_opt(2013, 1, 1).unwrap(),
            published_inferred: false,
            article: "a.txt".into(),
            article_path: "a.txt".into(),
            article_loc: crate::error::Loc::file(&std::sync::Arc::from(std::path::Path::new("x.yaml"))),
            url: None,
            wire: vec![],
            note: None,
            loc: crate::error::Loc::file(&std::sync::Arc::from(std::path::Path::new("x.yaml"))),
        };
        let sources = vec![source("Reuters"), source("Daily"), source("Echo"), source("Daily")];
        let links = vec![
            Link::Wire { agency: "Reuters".into(), carriers: vec![1, 2], own: vec![0] },
            Link::Outlet { outlet: "Daily".into(), sources: vec![1, 3] },
        ];
        let pairs = declared_pairs(&sources, &links);
        let want: Vec<(String, String)> = [("Daily", "Echo"), ("Daily", "Reuters"), ("Echo", "Reuters")]
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(pairs, want);
    }
}
