//! Group: claims about the same (resolved subject, property) form one fact.
//!
//! A fact's id is `<subject slug>.<property>`, e.g. `geneva-ii-conference.date`:
//! readable, and stable across runs and when claims are added, because it
//! depends only on the registry name and the property.
//!
//! Pure: no I/O.

use std::sync::Arc;

use rayon::prelude::*;

use crate::model::{Claim, Source};
use crate::normalize::Reading;
use crate::resolve::EntityRef;

/// A claim that has been loaded, resolved, read and grounded.
#[derive(Debug, Clone)]
pub struct ReadClaim<'a> {
    pub claim: &'a Claim,
    /// The claim's position in the corpus.
    pub index: usize,
    pub source: &'a Source,
    /// Shared with every claim about the same name.
    pub subject: Arc<EntityRef>,
    pub reading: Reading,
    /// The quote inside a few sentences of its article, for the HTML report
    /// (boxed: most runs keep none, and a claim without one pays 8 bytes).
    pub context: Option<Box<crate::ground::Passage>>,
}

/// The claims about one fact, in order of `as_of`, then source id, then claim id.
#[derive(Debug, Clone)]
pub struct Fact<'a> {
    pub id: String,
    pub subject: Arc<EntityRef>,
    pub property: String,
    pub claims: Vec<ReadClaim<'a>>,
}

/// The id of the fact a claim belongs to.
pub fn fact_id(subject_id: &str, property: &str) -> String {
    format!("{subject_id}.{property}")
}

/// Group claims into facts, sorted by fact id.
///
/// Claims are sorted (in parallel) by fact id, then `as_of`, source id and
/// claim id, and cut into facts; a fact's subject and property are those of
/// its first claim in input order. The result depends only on the input.
///
/// Each distinct (subject id, property) gets its fact id once, and the ids
/// are ranked (two pairs that spell one id, `a.b` + `c` and `a` + `b.c`, share
/// a rank and so a fact, as they share the id); claims are then sorted by
/// that rank, a number, instead of by a copied id each.
pub fn group(claims: Vec<ReadClaim<'_>>) -> Vec<Fact<'_>> {
    let (rank, ids) = rank_fact_ids(&claims);
    let source_rank = rank_sources(&claims);
    // Sort small (rank, as_of, source rank, position) entries, not the
    // claims; the claim id is compared only between claims of one source
    // said the same day, and the position breaks ties, so the order is
    // total and the unstable sort deterministic.
    let mut order: Vec<(u32, chrono::NaiveDate, u32, usize)> = rank
        .into_iter()
        .enumerate()
        .map(|(i, r)| (r, claims[i].claim.as_of, source_rank[claims[i].claim.source], i))
        .collect();
    order.par_sort_unstable_by(|x, y| {
        (x.0, x.1, x.2)
            .cmp(&(y.0, y.1, y.2))
            .then_with(|| claims[x.3].claim.id.cmp(&claims[y.3].claim.id))
            .then(x.3.cmp(&y.3))
    });
    // Each fact is the run of one rank in that order; the facts take their
    // claims in parallel, each claim moved once (`TakeOnce`).
    let mut runs: Vec<std::ops::Range<usize>> = Vec::with_capacity(ids.len());
    for (k, entry) in order.iter().enumerate() {
        match runs.last_mut() {
            Some(run) if order[run.start].0 == entry.0 => run.end = k + 1,
            _ => runs.push(k..k + 1),
        }
    }
    let claims = crate::memory::TakeOnce::new(claims);
    let ids = crate::memory::TakeOnce::new(ids);
    runs.into_par_iter()
        .map(|run| {
            let members: Vec<ReadClaim<'_>> =
                order[run.clone()].iter().map(|e| claims.take(e.3).expect("each claim is placed once")).collect();
            // The subject and property as its first claim in input order writes them.
            let first = (0..members.len()).min_by_key(|&k| order[run.start + k].3).expect("a fact has a claim");
            Fact {
                id: ids.take(order[run.start].0 as usize).expect("each rank starts one fact"),
                subject: members[first].subject.clone(),
                property: members[first].claim.property.clone(),
                claims: members,
            }
        })
        .collect()
}

/// For each source index the claims name, the rank of its id among theirs
/// (claims are ordered by source id, compared once per source here instead
/// of once per comparison of the sort).
fn rank_sources(claims: &[ReadClaim<'_>]) -> Vec<u32> {
    let size = claims.iter().map(|c| c.claim.source + 1).max().unwrap_or(0);
    let mut named: Vec<Option<&str>> = vec![None; size];
    for c in claims {
        named[c.claim.source] = Some(c.source.id.as_str());
    }
    let mut order: Vec<(&str, usize)> = named.iter().enumerate().filter_map(|(i, n)| n.map(|n| (n, i))).collect();
    order.par_sort_unstable();
    let mut rank = vec![0u32; size];
    let (mut r, mut last) = (0u32, None);
    for (id, i) in order {
        if last.is_some_and(|l| l != id) {
            r += 1;
        }
        last = Some(id);
        rank[i] = r; // two sources with one id (never in a loaded corpus) share a rank
    }
    rank
}

/// For each claim the rank of its fact id among the distinct ids, and those
/// ids in order. The id is made once per distinct (subject id, property).
fn rank_fact_ids(claims: &[ReadClaim<'_>]) -> (Vec<u32>, Vec<String>) {
    // A claim's key is its subject's shared `EntityRef` (one per name
    // written, `resolve::Resolutions`) and its property's number: hashed
    // as two numbers, no string compared. Two keys that spell one fact id
    // (two names of one entity, or "a.b" + "c" and "a" + "b.c") get one
    // rank below, where the ids are sorted.
    type Fast<K> = std::collections::HashMap<K, u32, foldhash::fast::FixedState>;
    let mut property_of: Fast<&str> = Fast::default();
    let mut key: Fast<(usize, u32)> = Fast::with_capacity_and_hasher(1024, Default::default());
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    let of_claim: Vec<u32> = claims
        .iter()
        .map(|c| {
            let next = property_of.len() as u32;
            let property = *property_of.entry(c.claim.property.as_str()).or_insert(next);
            let subject = std::sync::Arc::as_ptr(&c.subject) as usize;
            *key.entry((subject, property)).or_insert_with(|| {
                pairs.push((c.subject.id.as_str(), c.claim.property.as_str()));
                (pairs.len() - 1) as u32
            })
        })
        .collect();
    drop(key);
    let mut named: Vec<(String, u32)> =
        pairs.par_iter().enumerate().map(|(k, (subject, property))| (fact_id(subject, property), k as u32)).collect();
    named.par_sort_unstable();
    let mut rank_of_key = vec![0u32; pairs.len()];
    let mut ids: Vec<String> = Vec::with_capacity(named.len());
    for (id, k) in named {
        if ids.last() != Some(&id) {
            ids.push(id);
        }
        rank_of_key[k as usize] = (ids.len() - 1) as u32;
    }
    (of_claim.into_iter().map(|k| rank_of_key[k as usize]).collect(), ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Hedge, RawValue, ValueType};
    use crate::normalize::text::read_text;
    use std::sync::Arc;

    fn source(id: &str) -> Source {
        Source::for_test(id)
    }

    fn claim(id: &str, source: usize, property: &str, as_of: &str) -> Claim {
        Claim {
            id: id.into(),
            source,
            subject: "x".into(),
            property: property.into(),
            value: RawValue::Scalar("held".into()),
            value_type: ValueType::Text,
            as_of: as_of.parse().unwrap(),
            hedge: Hedge::Certain,
            said_by: None,
            quote: "q".into(),
            note: None,
            loc: crate::model::Pos { line: 1, col: 1 },
            value_loc: crate::model::Pos { line: 1, col: 1 },
            quote_loc: crate::model::Pos { line: 1, col: 1 },
        }
    }

    /// Grouping as the straightforward way does it: every claim's fact id
    /// written out, the claims sorted by (id, as_of, source id, claim id,
    /// position) and cut where the id changes.
    fn straightforward<'a>(claims: &[ReadClaim<'a>]) -> Vec<(String, String, String, Vec<usize>)> {
        let mut order: Vec<usize> = (0..claims.len()).collect();
        let key = |i: usize| {
            let c = &claims[i];
            (fact_id(&c.subject.id, &c.claim.property), c.claim.as_of, c.source.id.clone(), c.claim.id.clone(), i)
        };
        order.sort_by_key(|&i| key(i));
        let mut out: Vec<(String, String, String, Vec<usize>)> = Vec::new();
        for i in order {
            let id = key(i).0;
            match out.last_mut() {
                Some(last) if last.0 == id => last.3.push(i),
                _ => out.push((id, String::new(), String::new(), vec![i])),
            }
        }
        for fact in &mut out {
            let first = *fact.3.iter().min().expect("a fact has a claim");
            fact.1 = claims[first].subject.name.clone();
            fact.2 = claims[first].claim.property.clone();
        }
        out
    }

    proptest::proptest! {
        /// Ranked ids group exactly as written-out ids do, including two
        /// (subject, property) pairs that spell one id ("a.b" + "c", "a" + "b.c").
        #[test]
        fn ranked_grouping_is_the_straightforward_grouping(
            drawn in proptest::collection::vec((0usize..4, 0usize..4, 0u32..4, 0usize..2, 0usize..3, 0usize..3), 0..40)
        ) {
            const SUBJECTS: [&str; 4] = ["a", "a.b", "a-b", "b"];
            const PROPERTIES: [&str; 4] = ["c", "b.c", "date", "x"];
            let sources = [source("s1"), source("s0")];
            let claims: Vec<Claim> = drawn
                .iter()
                .map(|&(_, p, day, s, id, _)| claim(&format!("c{id}"), s, PROPERTIES[p], &format!("2013-01-0{}", day + 1)))
                .collect();
            let read: Vec<ReadClaim<'_>> = claims
                .iter()
                .zip(&drawn)
                .enumerate()
                .map(|(index, (c, &(subject, _, _, _, _, spelling)))| ReadClaim {
                    claim: c,
                    index,
                    source: &sources[c.source],
                    subject: Arc::new(EntityRef {
                        id: SUBJECTS[subject].into(),
                        name: format!("{} {spelling}", SUBJECTS[subject]),
                        resolved: false,
                    }),
                    reading: Reading::Text(read_text("held", &c.property).unwrap()),
                    context: None,
                })
                .collect();
            let want = straightforward(&read);
            let got: Vec<(String, String, String, Vec<usize>)> = group(read)
                .into_iter()
                .map(|f| (f.id, f.subject.name.clone(), f.property, f.claims.iter().map(|c| c.index).collect()))
                .collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn facts_are_sorted_by_id_and_claims_by_date_source_and_id_and_the_first_claim_names_the_subject() {
        let sources = [source("b"), source("a")];
        let claims = [
            claim("c1", 0, "status", "2013-02-01"),
            claim("c2", 1, "status", "2013-02-01"),
            claim("c3", 0, "date", "2013-01-01"),
            claim("c0", 1, "status", "2013-01-15"),
        ];
        // Two spellings of one unresolved subject: the fact keeps the first in input order.
        let names = ["Foo  Bar", "foo bar", "foo bar", "FOO BAR"];
        let read: Vec<ReadClaim<'_>> = claims
            .iter()
            .zip(names)
            .enumerate()
            .map(|(index, (c, name))| ReadClaim {
                claim: c,
                index,
                source: &sources[c.source],
                subject: Arc::new(EntityRef { id: "foo-bar".into(), name: name.into(), resolved: false }),
                reading: Reading::Text(read_text("held", &c.property).unwrap()),
                context: None,
            })
            .collect();
        let facts = group(read);
        let ids: Vec<&str> = facts.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["foo-bar.date", "foo-bar.status"]);
        let order: Vec<&str> = facts[1].claims.iter().map(|c| c.claim.id.as_str()).collect();
        assert_eq!(order, ["c0", "c2", "c1"]);
        assert_eq!(facts[1].subject.name, "Foo  Bar");
        assert_eq!(facts[0].subject.name, "foo bar");
    }
}
