//! Reviews: the decisions editors record on facts (`reviews.yaml`,
//! docs/reviews.md), and whether each decision still holds.
//!
//! A review stores a digest of the claims the editor saw. When the fact's
//! claims change afterwards (a value, a quote, a claim added or removed), or
//! its verdict is no longer the one seen, the review is *stale*: the fact
//! counts as unreviewed again until someone looks at it anew.
//!
//! Pure: reading and writing `reviews.yaml` is in `load::reviews` and `fsio`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::check::{FactView, Outcome};
use crate::compare::Verdict;
use crate::error::{Diagnostic, Loc};

/// What the editor decided about a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Decision {
    /// The report is right as it stands (e.g. the sources do disagree).
    Accepted,
    /// A claim is disputed: the desk does not stand behind it.
    Disputed,
    /// A claim was wrong and has been corrected.
    Corrected,
}

impl Decision {
    pub const NAMES: &'static [&'static str] = &["accepted", "disputed", "corrected"];

    pub fn parse(name: &str) -> Option<Decision> {
        Some(match name {
            "accepted" => Decision::Accepted,
            "disputed" => Decision::Disputed,
            "corrected" => Decision::Corrected,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Accepted => "accepted",
            Decision::Disputed => "disputed",
            Decision::Corrected => "corrected",
        }
    }

    /// The rating published in ClaimReview when the entry gives none.
    pub fn label(self) -> &'static str {
        match self {
            Decision::Accepted => "Accepted",
            Decision::Disputed => "Disputed",
            Decision::Corrected => "Corrected",
        }
    }
}

/// One entry of `reviews.yaml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub fact: String,
    pub verdict_seen: Verdict,
    pub decision: Decision,
    /// Why; may be empty in a hand-written entry.
    pub note: String,
    /// The rating in the editor's words ("Misleading"), for ClaimReview.
    pub rating: Option<String>,
    pub reviewer: String,
    pub date: NaiveDate,
    pub claims_digest: String,
    /// Where the entry starts in reviews.yaml.
    pub loc: Loc,
}

impl Review {
    /// The keys and values of the entry, in the order they are written.
    pub fn entries(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("fact", self.fact.clone()),
            ("verdict_seen", self.verdict_seen.as_str().to_string()),
            ("decision", self.decision.as_str().to_string()),
        ];
        if let Some(r) = &self.rating {
            out.push(("rating", r.clone()));
        }
        out.extend([
            ("note", self.note.clone()),
            ("reviewer", self.reviewer.clone()),
            ("date", crate::normalize::format_day(self.date)),
            ("claims_digest", self.claims_digest.clone()),
        ]);
        out
    }

    /// "accepted by Ana Ruiz on 2024-05-02"
    pub fn describe(&self) -> String {
        format!("{} by {} on {}", self.decision.as_str(), self.reviewer, self.date)
    }

    /// Same decision, ignoring where it is written.
    pub fn same_entry(&self, other: &Review) -> bool {
        Review { loc: other.loc.clone(), ..self.clone() } == *other
    }
}

/// Why a review no longer holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Staleness {
    /// The digest of the fact's claims differs from the one recorded.
    ClaimsChanged,
    /// Same claims, but the verdict is not the one the editor saw (the
    /// reading rules or the registry changed).
    VerdictChanged(Verdict),
}

impl Staleness {
    pub fn describe(self) -> String {
        match self {
            Staleness::ClaimsChanged => "the claims changed since".to_string(),
            Staleness::VerdictChanged(now) => format!("the verdict is now {now}"),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Staleness::ClaimsChanged => "claims changed",
            Staleness::VerdictChanged(_) => "verdict changed",
        }
    }
}

/// A fact's review status.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ReviewStatus {
    #[default]
    Unreviewed,
    /// The latest review holds.
    Reviewed(Review),
    /// The latest review was made on other claims (or another verdict).
    Stale(Review, Staleness),
}

impl ReviewStatus {
    /// True when nobody needs to look at the fact again.
    pub fn is_current(&self) -> bool {
        matches!(self, ReviewStatus::Reviewed(_))
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            ReviewStatus::Unreviewed => "unreviewed",
            ReviewStatus::Reviewed(_) => "reviewed",
            ReviewStatus::Stale(..) => "stale",
        }
    }

    /// One line for the table, the markdown and `show`.
    pub fn describe(&self) -> String {
        match self {
            ReviewStatus::Unreviewed => "unreviewed".to_string(),
            ReviewStatus::Reviewed(r) => r.describe(),
            ReviewStatus::Stale(r, why) => {
                format!("STALE ({} the review on {} by {})", why.describe(), r.date, r.reviewer)
            }
        }
    }
}

/// The prefix of every claims digest; the part after it is 64 hex digits.
pub const DIGEST_PREFIX: &str = "sha256:";
/// Hashed ahead of the claims, so that a change of the canonical form can be told apart.
const DIGEST_VERSION: &str = "crosscheck-claims-v1\n";

/// True for `sha256:` followed by 64 lower-case hex digits.
pub fn is_digest(s: &str) -> bool {
    s.strip_prefix(DIGEST_PREFIX)
        .is_some_and(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
}

/// The digest of a fact's claims: SHA-256 over a canonical form — one JSON
/// array per claim of source id, claim id, subject and property as written,
/// value, type, as_of, hedge, quote and said_by, sorted by (source id, claim
/// id) so that file order never matters.
pub fn digest(fact: &FactView) -> String {
    let mut rows: Vec<[Option<String>; 10]> = fact
        .claims
        .iter()
        .map(|c| {
            [
                Some(c.source.id.clone()),
                Some(c.id.clone()),
                Some(c.subject.clone()),
                Some(fact.property.clone()),
                Some(c.value.clone()),
                Some(c.value_type.as_str().to_string()),
                Some(crate::normalize::format_day(c.as_of)),
                Some(c.hedge.as_str().to_string()),
                Some(c.quote.clone()),
                c.said_by.clone(),
            ]
        })
        .collect();
    rows.sort();
    let canonical = serde_json::to_string(&rows).expect("strings always serialize");
    let mut hasher = Sha256::new();
    hasher.update(DIGEST_VERSION.as_bytes());
    hasher.update(canonical.as_bytes());
    let hex: String = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
    format!("{DIGEST_PREFIX}{hex}")
}

/// The status of one fact given its latest review.
pub fn status(fact: &FactView, latest: Option<&Review>) -> ReviewStatus {
    match latest {
        None => ReviewStatus::Unreviewed,
        Some(r) if r.claims_digest != digest(fact) => ReviewStatus::Stale(r.clone(), Staleness::ClaimsChanged),
        Some(r) if r.verdict_seen != fact.verdict => {
            ReviewStatus::Stale(r.clone(), Staleness::VerdictChanged(fact.verdict))
        }
        Some(r) => ReviewStatus::Reviewed(r.clone()),
    }
}

/// The latest review of each fact: the latest `date`; on the same date, the
/// entry further down the file.
pub fn latest(reviews: &[Review]) -> BTreeMap<&str, &Review> {
    let mut out: BTreeMap<&str, (usize, &Review)> = BTreeMap::new();
    for (i, r) in reviews.iter().enumerate() {
        let newer = out.get(r.fact.as_str()).is_none_or(|(j, old)| (r.date, i) >= (old.date, *j));
        if newer {
            out.insert(&r.fact, (i, r));
        }
    }
    out.into_iter().map(|(k, (_, r))| (k, r)).collect()
}

/// Set each fact's review status, and warn about reviews of facts that do not
/// exist (once per fact id, at its latest entry).
pub fn apply(outcome: &mut Outcome, reviews: &[Review]) {
    let latest = latest(reviews);
    for fact in &mut outcome.facts {
        fact.review = status(fact, latest.get(fact.id.as_str()).copied());
    }
    let known: Vec<&str> = outcome.facts.iter().map(|f| f.id.as_str()).collect();
    let is_known: std::collections::HashSet<&str> = known.iter().copied().collect();
    let mut warnings = Vec::new();
    for (id, r) in &latest {
        if is_known.contains(id) {
            continue;
        }
        let help = match crate::text::nearest(id, known.iter().copied()) {
            Some(near) => format!("did you mean '{near}'? "),
            None => String::new(),
        };
        warnings.push(
            Diagnostic::warning(
                Some(r.loc.clone()),
                format!("review of '{id}' ({}): no such fact in the claims", r.describe()),
            )
            .with_help(format!(
                "{help}the fact may have been renamed (its subject's registry name or its property changed) or its claims removed; review the fact under its new id, or delete the entry"
            )),
        );
    }
    outcome.diagnostics.extend(warnings);
    crate::error::sort_diagnostics(&mut outcome.diagnostics);
}

/// Facts at or above `threshold` that nobody has (currently) reviewed.
pub fn unreviewed(outcome: &Outcome, threshold: Verdict) -> Vec<&FactView> {
    outcome.facts.iter().filter(|f| f.verdict >= threshold && !f.review.is_current()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::ClaimView;
    use crate::model::{Hedge, ValueType};
    use crate::normalize::Reading;
    use crate::resolve::EntityRef;
    use std::path::Path;
    use std::sync::Arc;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn shown_source(id: &str) -> std::sync::Arc<crate::check::SourceView> {
        std::sync::Arc::new(crate::check::SourceView {
            id: id.into(),
            outlet: "Outlet".into(),
            published: day("2013-10-07"),
            published_inferred: false,
            title: None,
            url: None,
            file: "claims/a.yaml".into(),
        })
    }

    fn claim(source: &str, id: &str, value: &str) -> ClaimView {
        ClaimView {
            source: shown_source(source),
            id: id.into(),
            subject: "Geneva II".into(),
            value: value.into(),
            value_type: ValueType::Text,
            said_by: None,
            as_of: day("2013-10-07"),
            hedge: Hedge::Certain,
            quote: format!("it was {value}"),
            note: None,
            reading: Reading::Text(crate::normalize::text::TextReading { folded: value.into(), status: None }),
            line: 3,
            context: None,
        }
    }

    fn fact(claims: Vec<ClaimView>) -> FactView {
        FactView {
            id: "geneva-ii.status".into(),
            subject: EntityRef { id: "geneva-ii".into(), name: "Geneva II".into(), resolved: true }.into(),
            property: "status".into(),
            verdict: Verdict::Conflict,
            reason: String::new(),
            reads_as: (0..claims.len()).collect(),
            revised: Vec::new(),
            claims,
            pairs: Vec::new(),
            pairs_left_out: 0,
            support: Default::default(),
            tolerance: None,
            best: None,
            review: ReviewStatus::Unreviewed,
        }
    }

    fn review(f: &FactView, date: &str, line: u32) -> Review {
        Review {
            fact: f.id.clone(),
            verdict_seen: f.verdict,
            decision: Decision::Accepted,
            note: String::new(),
            rating: None,
            reviewer: "ana".into(),
            date: day(date),
            claims_digest: digest(f),
            loc: Loc::at(&Arc::from(Path::new("reviews.yaml")), line, 3),
        }
    }

    #[test]
    fn the_digest_ignores_claim_order_and_sees_every_field() {
        let a = fact(vec![claim("s1", "a", "postponed"), claim("s2", "b", "cancelled")]);
        let b = fact(vec![claim("s2", "b", "cancelled"), claim("s1", "a", "postponed")]);
        assert_eq!(digest(&a), digest(&b));
        assert!(is_digest(&digest(&a)), "{}", digest(&a));
        let base = digest(&a);
        let changes: [fn(&mut ClaimView); 9] = [
            |c| c.value = "held".into(),
            |c| c.quote.push('!'),
            |c| c.hedge = Hedge::Likely,
            |c| c.as_of = day("2013-10-08"),
            |c| c.said_by = Some("Kerry".into()),
            |c| c.subject = "Geneva 2".into(),
            |c| c.id = "c".into(),
            |c| c.source = shown_source("s3"),
            |c| c.value_type = ValueType::Date,
        ];
        for change in changes {
            let mut f = a.clone();
            change(&mut f.claims[0]);
            assert_ne!(digest(&f), base);
        }
        let mut fewer = a.clone();
        fewer.claims.pop();
        assert_ne!(digest(&fewer), base);
        // What is not a claim's content does not count.
        let mut moved = a.clone();
        moved.claims[0].line = 99;
        moved.claims[0].reading =
            Reading::Text(crate::normalize::text::TextReading { folded: "x".into(), status: None });
        assert_eq!(digest(&moved), base);
    }

    #[test]
    fn a_review_goes_stale_when_the_claims_or_the_verdict_change() {
        let f = fact(vec![claim("s1", "a", "postponed"), claim("s2", "b", "cancelled")]);
        let r = review(&f, "2024-05-01", 1);
        assert!(status(&f, Some(&r)).is_current());
        assert_eq!(status(&f, None), ReviewStatus::Unreviewed);
        let mut changed = f.clone();
        changed.claims[1].value = "held".into();
        assert_eq!(status(&changed, Some(&r)), ReviewStatus::Stale(r.clone(), Staleness::ClaimsChanged));
        let mut verdict = f.clone();
        verdict.verdict = Verdict::Revised;
        assert_eq!(
            status(&verdict, Some(&r)),
            ReviewStatus::Stale(r.clone(), Staleness::VerdictChanged(Verdict::Revised))
        );
    }

    #[test]
    fn the_latest_review_wins_by_date_then_file_order() {
        let f = fact(vec![claim("s1", "a", "postponed")]);
        let old = review(&f, "2024-05-01", 1);
        let mut later = review(&f, "2024-05-03", 10);
        later.decision = Decision::Disputed;
        let mut backdated = review(&f, "2024-05-02", 20);
        backdated.decision = Decision::Corrected;
        let all = [old.clone(), later.clone(), backdated];
        assert_eq!(latest(&all)[f.id.as_str()].decision, Decision::Disputed);
        let mut same_day = review(&f, "2024-05-03", 30);
        same_day.decision = Decision::Corrected;
        let all = [old, later, same_day];
        assert_eq!(latest(&all)[f.id.as_str()].decision, Decision::Corrected);
    }

    #[test]
    fn reviews_of_unknown_facts_warn_at_their_line() {
        let f = fact(vec![claim("s1", "a", "postponed")]);
        let mut r = review(&f, "2024-05-01", 7);
        r.fact = "geneva-ii.statu".into();
        let mut outcome = Outcome { facts: vec![f], ..Outcome::default() };
        apply(&mut outcome, &[r]);
        assert_eq!(outcome.facts[0].review, ReviewStatus::Unreviewed);
        let w = &outcome.diagnostics[0];
        assert!(!w.is_error());
        assert_eq!(w.loc.as_ref().unwrap().line, 7);
        assert!(w.help.as_deref().unwrap().contains("did you mean 'geneva-ii.status'"), "{w}");
    }
}
