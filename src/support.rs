//! Support: for each fact, which readings its claims give, how many sources
//! back each one, and how many of those are independent (docs/independence.md).
//!
//! Claims whose readings compare `equal` give one reading. Its sources are
//! the distinct sources of those claims; its independent sources are the
//! clusters of [`Dependence`] among them. A reading backed by several sources
//! that are all dependent counts as one.
//!
//! Pure: no I/O.

use crate::group::Fact;
use crate::independence::{Dependence, Link, Reason};
use crate::model::Source;

/// The sources behind one reading of a fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadingSupport {
    /// The reading, as the reports write it (that of its first claim).
    pub reading: String,
    /// `source/claim` keys of the claims giving it, in the fact's order.
    pub claims: Vec<String>,
    /// Distinct sources giving it.
    pub sources: usize,
    /// Its sources by cluster: each inner list is one independent source (source ids).
    pub groups: Vec<Vec<String>>,
}

impl ReadingSupport {
    pub fn independent(&self) -> usize {
        self.groups.len()
    }
}

/// The sources behind a fact and each of its readings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Support {
    /// Distinct sources with a claim about the fact.
    pub sources: usize,
    /// How many independent sources they amount to.
    pub independent: usize,
    /// Readings, best supported first (independent, then sources), then in claim order.
    pub readings: Vec<ReadingSupport>,
}

impl Support {
    /// "3 sources (2 independent)"; "2 sources, all dependent" (they count as one).
    pub fn describe(sources: usize, independent: usize) -> String {
        let s = if sources == 1 { "source" } else { "sources" };
        if sources > 1 && independent == 1 {
            format!("{sources} {s}, all dependent")
        } else {
            format!("{sources} {s} ({independent} independent)")
        }
    }

    /// Several sources, all dependent on one another.
    pub fn dependent_only(&self) -> bool {
        self.sources > 1 && self.independent == 1
    }
}

/// The support of one fact; `same_reading` gives, per claim, the first claim
/// whose reading it shares (`compare::Comparison::same_reading`), and
/// `sources` are the corpus's sources as given to `Dependence::build`.
pub fn support(fact: &Fact<'_>, same_reading: &[usize], dependence: &Dependence, sources: &[Source]) -> Support {
    let n = fact.claims.len();
    assert_eq!(same_reading.len(), n, "one same_reading entry per claim");
    // Each reading's claims, the readings in the order of their first claims.
    let mut readings: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut slot: Vec<usize> = vec![usize::MAX; n];
    for (i, &first) in same_reading.iter().enumerate() {
        if slot[first] == usize::MAX {
            slot[first] = readings.len();
            readings.push((first, Vec::new()));
        }
        readings[slot[first]].1.push(i);
    }
    let source_of = |i: usize| fact.claims[i].claim.source;
    let mut out: Vec<ReadingSupport> = readings
        .into_iter()
        .map(|(first, members)| {
            let mut srcs: Vec<usize> = members.iter().map(|&i| source_of(i)).collect();
            srcs.sort_unstable();
            srcs.dedup();
            ReadingSupport {
                reading: fact.claims[first].reading.describe(),
                claims: members.iter().map(|&i| key(&fact.claims[i].source.id, &fact.claims[i].claim.id)).collect(),
                sources: srcs.len(),
                groups: named(dependence.groups(&srcs), sources),
            }
        })
        .collect();
    // Stable: equal support keeps claim order.
    out.sort_by_key(|r| std::cmp::Reverse((r.independent(), r.sources)));
    let mut all: Vec<usize> = (0..n).map(source_of).collect();
    all.sort_unstable();
    all.dedup();
    Support { sources: all.len(), independent: dependence.independent(&all), readings: out }
}

/// `source/claim`, built without the formatting machinery (a million keys at archive scale).
fn key(source: &str, claim: &str) -> String {
    let mut key = String::with_capacity(source.len() + 1 + claim.len());
    key.push_str(source);
    key.push('/');
    key.push_str(claim);
    key
}

fn named(groups: Vec<Vec<usize>>, sources: &[Source]) -> Vec<Vec<String>> {
    groups.into_iter().map(|g| g.into_iter().map(|s| sources[s].id.clone()).collect()).collect()
}

/// One dependence among the corpus's sources, as the reports show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DependencyView {
    /// `wire`, `outlet` or `passage`.
    pub kind: &'static str,
    /// Source ids, in corpus order.
    pub sources: Vec<String>,
    /// One line for an editor.
    pub reason: String,
    /// For a shared passage: its first words as the earlier article writes them.
    pub passage: Option<String>,
}

/// Every dependence found, in `Dependence::links` order. Each is written out
/// as a [`DependencyView`] only when a report shows it: an archive of a
/// million claims has hundreds of thousands of links, and their text would
/// otherwise be held in memory next to the report that repeats it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dependencies {
    links: Vec<Link>,
    /// Source ids, by source index.
    ids: Vec<String>,
}

impl Dependencies {
    /// The links of `dependence`, found among `sources` (which gives the ids).
    pub fn of(dependence: Dependence, sources: &[Source]) -> Dependencies {
        Dependencies { links: dependence.into_links(), ids: sources.iter().map(|s| s.id.clone()).collect() }
    }

    pub fn len(&self) -> usize {
        self.links.len()
    }

    pub fn is_empty(&self) -> bool {
        self.links.is_empty()
    }

    /// Keep only the links whose sources (by index, ascending) `keep`
    /// accepts; how many were dropped.
    pub fn retain_where(&mut self, keep: impl Fn(&[usize]) -> bool) -> usize {
        let before = self.links.len();
        self.links.retain(|link| keep(&link.sources()));
        before - self.links.len()
    }

    /// The `i`th link's view (in the order of [`Dependencies::iter`]).
    pub fn get(&self, i: usize) -> DependencyView {
        self.view(&self.links[i])
    }

    /// Each link as the reports show it, in order.
    pub fn iter(&self) -> impl Iterator<Item = DependencyView> + '_ {
        self.links.iter().map(|link| self.view(link))
    }

    fn view(&self, link: &Link) -> DependencyView {
        let id = |s: &usize| self.ids[*s].clone();
        let list = |v: &[usize]| v.iter().map(|s| self.ids[*s].as_str()).collect::<Vec<_>>().join(", ");
        match link {
            Link::Wire { agency, carriers, own } => DependencyView {
                kind: "wire",
                sources: link.sources().iter().map(id).collect(),
                reason: format!(
                    "{} {} {agency} copy (wire:){}",
                    list(carriers),
                    if carriers.len() == 1 { "carries" } else { "carry" },
                    match own.len() {
                        0 => String::new(),
                        1 => format!(", and {} is {agency}", list(own)),
                        _ => format!(", and {} are {agency}", list(own)),
                    }
                ),
                passage: None,
            },
            Link::Outlet { outlet, sources: members } => DependencyView {
                kind: "outlet",
                sources: members.iter().map(id).collect(),
                reason: format!("{} are all {outlet} articles", list(members)),
                passage: None,
            },
            Link::Passage { a, b, passage } => DependencyView {
                kind: Reason::Passage(passage.clone()).kind(),
                sources: vec![id(a), id(b)],
                reason: format!(
                    "{} and {} share a passage of {} words outside quotations",
                    id(a),
                    id(b),
                    passage.words
                ),
                passage: Some(passage.excerpt.clone()),
            },
        }
    }
}
