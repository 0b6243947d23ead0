//! Group: claims about the same (resolved subject, property) form one fact.
//!
//! A fact's id is `<subject slug>.<property>`, e.g. `geneva-ii-conference.date`:
//! readable, and stable across runs and when claims are added, because it
//! depends only on the registry name and the property.
//!
//! Pure: no I/O.

use std::collections::BTreeMap;

use crate::model::{Claim, Source};
use crate::normalize::Reading;
use crate::resolve::EntityRef;

/// A claim that has been loaded, resolved, read and grounded.
#[derive(Debug, Clone)]
pub struct ReadClaim<'a> {
    pub claim: &'a Claim,
    pub source: &'a Source,
    pub subject: EntityRef,
    pub reading: Reading,
    /// The quote inside a few sentences of its article, for the reports.
    pub context: Option<crate::ground::Passage>,
}

/// The claims about one fact, in order of `as_of`, then source id, then claim id.
#[derive(Debug, Clone)]
pub struct Fact<'a> {
    pub id: String,
    pub subject: EntityRef,
    pub property: String,
    pub claims: Vec<ReadClaim<'a>>,
}

/// The id of the fact a claim belongs to.
pub fn fact_id(subject: &EntityRef, property: &str) -> String {
    format!("{}.{}", subject.id, property)
}

/// Group claims into facts, sorted by fact id.
pub fn group(claims: Vec<ReadClaim<'_>>) -> Vec<Fact<'_>> {
    let mut facts: BTreeMap<String, Fact<'_>> = BTreeMap::new();
    for c in claims {
        let id = fact_id(&c.subject, &c.claim.property);
        facts
            .entry(id.clone())
            .or_insert_with(|| Fact {
                id,
                subject: c.subject.clone(),
                property: c.claim.property.clone(),
                claims: Vec::new(),
            })
            .claims
            .push(c);
    }
    let mut facts: Vec<Fact<'_>> = facts.into_values().collect();
    for fact in &mut facts {
        fact.claims.sort_by(|a, b| {
            (a.claim.as_of, &a.source.id, &a.claim.id).cmp(&(b.claim.as_of, &b.source.id, &b.claim.id))
        });
    }
    facts
}
