//! Group: claims about the same (resolved subject, property) form one fact.
//!
//! A fact's id is `<subject slug>.<property>`, e.g. `geneva-ii-conference.date`:
//! readable, and stable across runs and when claims are added, because it
//! depends only on the registry name and the property.
//!
//! Pure: no I/O.

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
    pub subject: EntityRef,
    pub reading: Reading,
    /// The quote inside a few sentences of its article, for the HTML report
    /// (boxed: most runs keep none, and a claim without one pays 8 bytes).
    pub context: Option<Box<crate::ground::Passage>>,
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
///
/// Claims are sorted (in parallel, stably) by fact id, then `as_of`, source id
/// and claim id, and cut into facts; a fact's subject and property are those
/// of its first claim in input order. The result depends only on the input.
pub fn group(claims: Vec<ReadClaim<'_>>) -> Vec<Fact<'_>> {
    // Sort small (fact id, position) entries, not the claims; the position
    // breaks ties, so the order is total and the unstable sort deterministic.
    let mut order: Vec<(String, usize)> =
        claims.par_iter().enumerate().map(|(i, c)| (fact_id(&c.subject, &c.claim.property), i)).collect();
    order.par_sort_unstable_by(|(ia, a), (ib, b)| {
        let (x, y) = (&claims[*a], &claims[*b]);
        ia.cmp(ib)
            .then_with(|| (x.claim.as_of, &x.source.id, &x.claim.id).cmp(&(y.claim.as_of, &y.source.id, &y.claim.id)))
            .then(a.cmp(b))
    });
    let mut claims: Vec<Option<ReadClaim<'_>>> = claims.into_iter().map(Some).collect();
    let mut facts: Vec<Fact<'_>> = Vec::new();
    let mut first = usize::MAX; // input position of the current fact's first claim
    for (id, i) in order {
        let c = claims[i].take().expect("each claim is placed once");
        match facts.last_mut() {
            Some(fact) if fact.id == id => {
                if i < first {
                    first = i;
                    fact.subject = c.subject.clone();
                    fact.property = c.claim.property.clone();
                }
                fact.claims.push(c);
            }
            _ => {
                first = i;
                facts.push(Fact {
                    id,
                    subject: c.subject.clone(),
                    property: c.claim.property.clone(),
                    claims: vec![c],
                });
            }
        }
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Loc;
    use crate::model::{Hedge, RawValue, ValueType};
    use crate::normalize::text::read_text;
    use std::path::Path;
    use std::sync::Arc;

    fn source(id: &str) -> Source {
        Source::for_test(id)
    }

    fn claim(id: &str, source: usize, property: &str, as_of: &str) -> Claim {
        let file: Arc<Path> = Arc::from(Path::new("claims/x.yaml"));
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
            loc: Loc::at(&file, 1, 1),
            value_loc: Loc::at(&file, 1, 1),
            quote_loc: Loc::at(&file, 1, 1),
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
                subject: EntityRef { id: "foo-bar".into(), name: name.into(), resolved: false },
                reading: Reading::Text(read_text("held", &c.property)),
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
