//! Compare: every pair of claims in a fact gets a relation, and the fact a
//! verdict, with the reason a person can check.
//!
//! Relations (of the first claim to the second): `equal`; `narrower` (lies
//! within the other: a shorter interval or range, a subset of names, a more
//! specific status); `wider`; `overlaps`; `disjoint` (cannot both be true);
//! `incomparable` (values of different types).
//!
//! Verdicts, in order of severity:
//! - `single`: one source only (and it does not contradict itself);
//! - `agree`: every pair equal;
//! - `compatible`: no pair disjoint — the sources differ only in precision;
//! - `revised`: the only disjoint pairs are revisions: said on different
//!   dates, the earlier one about something still in the future when it was
//!   said (a date after its `as_of`, a hedged plan, or a status of
//!   "scheduled") — the plan changed; or, in a running count (a death
//!   toll: [`is_running_count`]), the later count is higher — the count rose;
//! - `conflict`: mutually exclusive otherwise.
//!
//! Pure: no I/O, cannot fail.

use std::fmt;

use chrono::NaiveDateTime;

use crate::group::{Fact, ReadClaim};
use crate::normalize::date::DateReading;
use crate::normalize::text::{Status, TextReading};
use crate::normalize::Reading;
use crate::tolerance::Tolerance;

/// `format!` into a string allocated once for `$len` bytes of arguments and
/// the template (a `format!` of several texts grows its string a few times).
macro_rules! sized {
    ($len:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let mut s = String::with_capacity($len + 96);
        let _ = write!(s, $($arg)*);
        s
    }};
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Relation {
    Equal,
    Narrower,
    Wider,
    Overlaps,
    Disjoint,
    Incomparable,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Equal => "equal",
            Relation::Narrower => "narrower",
            Relation::Wider => "wider",
            Relation::Overlaps => "overlaps",
            Relation::Disjoint => "disjoint",
            Relation::Incomparable => "incomparable",
        }
    }

    fn excludes(self) -> bool {
        matches!(self, Relation::Disjoint | Relation::Incomparable)
    }
}

/// A fact's verdict; the order is the order of severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    Single,
    Agree,
    Compatible,
    Revised,
    Conflict,
}

impl Verdict {
    pub const ALL: [Verdict; 5] =
        [Verdict::Conflict, Verdict::Revised, Verdict::Compatible, Verdict::Agree, Verdict::Single];

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Single => "single",
            Verdict::Agree => "agree",
            Verdict::Compatible => "compatible",
            Verdict::Revised => "revised",
            Verdict::Conflict => "conflict",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The relation of claim `a` to claim `b` (indices into the fact's claims).
///
/// A pair holds no text: its reason is written by [`explain`] from the two
/// claims when a report shows it. An archive of a million claims has about
/// two million pairs, and most of them are never shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    pub relation: Relation,
    /// A disjoint pair that reads as a plan revised over time.
    pub revision: bool,
    /// One claim gives a time of day without a day, the other the same time
    /// on another day (the relation is then the claimed one, [`relation_claimed`]).
    pub other_day: bool,
    /// The readings are equal only within the fact's tolerance.
    pub tolerated: bool,
}

/// What a reason says of one claim: its value as written, its outlet, when
/// it was said, and its reading.
#[derive(Debug, Clone)]
pub struct Side<'a> {
    pub value: std::borrow::Cow<'a, str>,
    pub outlet: &'a str,
    pub as_of: chrono::NaiveDate,
    pub reading: &'a Reading,
}

impl<'a> Side<'a> {
    fn of(c: &'a ReadClaim<'_>) -> Side<'a> {
        Side { value: c.claim.value.shown(), outlet: &c.source.outlet, as_of: c.claim.as_of, reading: &c.reading }
    }
}

/// The sentence that explains `pair`, whose claims say `a` and `b`, in a
/// fact with `tolerance`: "'2,450' (Evening Standard Post, 2010-12-27)
/// (2,450) and '4,940' (Independent Monitor, 2011-02-01) (4,940) cannot both
/// be true".
pub fn explain(pair: &Pair, a: &Side<'_>, b: &Side<'_>, tolerance: Option<Tolerance>) -> String {
    explain_said(pair, a, b, &Said::of(a), &Said::of(b), tolerance)
}

/// [`explain`] with what the reason says of each claim written already
/// ([`Said::of`]): a report writing every pair of a fact writes each claim's
/// label and reading once, not once per pair.
pub fn explain_said(
    pair: &Pair,
    a: &Side<'_>,
    b: &Side<'_>,
    sa: &Said,
    sb: &Said,
    tolerance: Option<Tolerance>,
) -> String {
    let mut reason = if pair.other_day {
        other_day_reason(a, b, sa, sb)
    } else {
        reason(a, b, sa, sb, pair.relation, pair.revision)
    };
    if let (true, Some(t)) = (pair.tolerated, tolerance) {
        reason.push_str(&format!(" within the tolerance of {t}"));
    }
    reason
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub verdict: Verdict,
    /// Every pair of claims but those of two claims that each read as an
    /// earlier claim ([`reads_as`]): such a pair relates as the pair of the
    /// claims they read as. A fact with more than [`PAIRS_LISTED`] such
    /// pairs lists that many (the most telling first, [`Listing`]); the
    /// verdict, [`Comparison::same_reading`] and [`Comparison::revised`]
    /// come from all of them.
    pub pairs: Vec<Pair>,
    /// The pairs compared but not listed in `pairs` (0 but past [`PAIRS_LISTED`]).
    pub pairs_left_out: usize,
    /// Why the fact got its verdict, in one sentence.
    pub reason: String,
    /// Per claim: the first claim of the fact that reads as it ([`reads_as`]).
    pub reads_as: Vec<usize>,
    /// Per claim: the first claim of the fact whose reading it shares, as
    /// the support of each reading counts them (`reads_as`, joined by
    /// every pair related as `equal`, tolerance included).
    pub same_reading: Vec<usize>,
    /// Per claim, whether a later claim revised it: of each revision pair
    /// the claim said earlier, and every claim that reads as a revised one
    /// (said the same day). Truth discovery leaves these claims out.
    pub revised: Vec<bool>,
}

/// The most pairs a fact lists. A fact restated by thousands of articles
/// with as many distinct readings (a death toll reported day after day)
/// has millions of pairs: 5,000 claims, 12.5 million, which took 3.4 GB of
/// JSON and 4.4 GiB of memory. Past this many, a fact lists the pairs that
/// say most ([`Listing`]) and counts the rest (`pairs_left_out` in the
/// reports); every pair is still compared.
pub const PAIRS_LISTED: usize = 10_000;

/// Which pairs a fact with more than [`PAIRS_LISTED`] lists: those that
/// cannot both be true and are no revision (what makes a conflict) first,
/// then the revisions, then the pairs that differ in precision, then the
/// equal ones; each kind in claim order, up to [`PAIRS_LISTED`] in all,
/// listed in claim order. So the pair a verdict's reason names is always
/// listed.
#[derive(Debug, Default)]
struct Listing {
    /// Every pair (the fact has at most `at_most`), or none.
    all: Option<Vec<Pair>>,
    /// Per kind, in the order above, its first pairs (up to `at_most`
    /// with those of the kinds before it: no more are ever listed).
    kinds: [Vec<Pair>; 4],
    at_most: usize,
    seen: usize,
}

impl Listing {
    /// The listing of a fact with `pairs` pairs that lists `at_most` ([`PAIRS_LISTED`]).
    fn new(pairs: usize, at_most: usize) -> Listing {
        Listing { all: (pairs <= at_most).then(|| Vec::with_capacity(pairs)), at_most, ..Listing::default() }
    }

    fn add(&mut self, p: Pair) {
        self.seen += 1;
        if let Some(all) = &mut self.all {
            all.push(p);
            return;
        }
        let kind = match p.relation {
            r if r.excludes() && !p.revision => 0,
            r if r.excludes() => 1,
            Relation::Equal => 3,
            _ => 2,
        };
        let held: usize = self.kinds[..=kind].iter().map(Vec::len).sum();
        if held < self.at_most {
            self.kinds[kind].push(p);
        }
    }

    /// The pairs listed, in claim order, and how many were left out.
    fn finish(self) -> (Vec<Pair>, usize) {
        if let Some(all) = self.all {
            return (all, 0);
        }
        let mut listed: Vec<Pair> = self.kinds.into_iter().flatten().take(self.at_most).collect();
        listed.sort_unstable_by_key(|p| (p.a, p.b));
        let left_out = self.seen - listed.len();
        (listed, left_out)
    }
}

/// Per claim, the first claim of `claims` that reads as it: the same
/// reading, said the same day with the same hedge (itself when none comes
/// before). Two such claims relate alike to every claim (and equal to each
/// other): a pair's relation, revision and flags depend on the two
/// readings, the days said, the hedges and the fact's tolerance only. So a
/// fact need not list the pairs of two claims that each read as an earlier
/// one: a fact of 5,000 claims giving six readings on one day has 29,979
/// pairs to list, not 12.5 million (and lists [`PAIRS_LISTED`] of them).
pub fn reads_as(claims: &[ReadClaim<'_>]) -> Vec<usize> {
    // The first claims so far, by day said and hedge: a claim's reading is
    // compared with those of its own day and hedge only (a death toll
    // reported by thousands of articles on hundreds of days would
    // otherwise compare every two).
    let mut firsts: std::collections::HashMap<(chrono::NaiveDate, crate::model::Hedge), Vec<usize>> =
        std::collections::HashMap::new();
    claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let same_day = firsts.entry((c.claim.as_of, c.claim.hedge)).or_default();
            match same_day.iter().find(|&&f| claims[f].reading == c.reading) {
                Some(&f) => f,
                None => {
                    same_day.push(i);
                    i
                }
            }
        })
        .collect()
}

/// Compare every pair of claims of a fact and give it a verdict.
pub fn compare(fact: &Fact<'_>) -> Comparison {
    compare_within(fact, None)
}

/// [`compare`], with date readings that differ by at most `tolerance` counted
/// as equal (src/tolerance.rs).
///
/// Every pair is compared but those of two claims that each read as an
/// earlier one ([`reads_as`]), which relate as those do; only the fact's own
/// reason is written here (a pair's is written by [`explain`] when a report
/// shows the pair).
pub fn compare_within(fact: &Fact<'_>, tolerance: Option<Tolerance>) -> Comparison {
    compare_with(fact, tolerance, is_running_count(&fact.property))
}

/// [`compare_within`], the fact a running count or not as `running` says
/// (the registry's `running:` setting, else [`is_running_count`]).
pub fn compare_with(fact: &Fact<'_>, tolerance: Option<Tolerance>, running: bool) -> Comparison {
    compare_pairs(fact, tolerance, running, false, PAIRS_LISTED)
}

/// [`compare_within`], listing at most `at_most` pairs; with `every_pair`,
/// no pair of alike claims is left out (for the tests that hold the shorter
/// list to the whole one).
fn compare_pairs(
    fact: &Fact<'_>,
    tolerance: Option<Tolerance>,
    running: bool,
    every_pair: bool,
    at_most: usize,
) -> Comparison {
    let claims = &fact.claims;
    // A pair of two claims that each read as an earlier claim is left out
    // (`reads_as`): it relates as the pair of those earlier claims, which is
    // listed. The verdict and its reason are those every pair would give:
    // the first pair of the fact (in claim order) with a given relation is
    // always between two first claims (a later claim of a group relates as
    // its first, which comes before it), and every relation left out is
    // that of a listed pair.
    let reads_as = reads_as(claims);
    let firsts = reads_as.iter().enumerate().filter(|&(i, &f)| i == f).count();
    // Every pair but those of two later claims of groups.
    let pairs_of = |n: usize| n * n.saturating_sub(1) / 2;
    let listed =
        if every_pair { pairs_of(claims.len()) } else { pairs_of(claims.len()) - pairs_of(claims.len() - firsts) };
    // What the verdict, the support and truth discovery need of the pairs is
    // gathered as they are compared, so that only the listed ones are kept.
    let mut listing = Listing::new(listed, at_most);
    let mut exact_equal = true;
    // The first pair (in claim order) that differs; that excludes; that
    // excludes and is no revision.
    let (mut differs, mut excludes, mut conflicts): (Option<Pair>, Option<Pair>, Option<Pair>) = (None, None, None);
    let mut same_reading: Vec<usize> = reads_as.clone();
    let mut revised = vec![false; claims.len()];
    for i in 0..claims.len() {
        for j in i + 1..claims.len() {
            if reads_as[i] != i && reads_as[j] != j && !every_pair {
                continue;
            }
            let (p, exact) = pair(i, j, &claims[i], &claims[j], tolerance, running);
            exact_equal &= exact == Relation::Equal;
            if p.relation == Relation::Equal {
                let (a, b) = (root(&same_reading, i), root(&same_reading, j));
                same_reading[a.max(b)] = a.min(b);
            } else {
                differs.get_or_insert(p);
            }
            if p.relation.excludes() {
                excludes.get_or_insert(p);
                if !p.revision {
                    conflicts.get_or_insert(p);
                }
            }
            if p.revision {
                revised[if claims[i].claim.as_of < claims[j].claim.as_of { i } else { j }] = true;
            }
            listing.add(p);
        }
    }
    debug_assert_eq!(listing.seen, listed, "the pairs were counted right");
    for i in 0..claims.len() {
        same_reading[i] = root(&same_reading, i);
        // A safeguard: a claim that reads as a revised one is revised by the
        // same later claim, whose pair with it is compared (the two are said
        // on different days, so neither reads as the other).
        revised[i] |= revised[reads_as[i]];
    }
    let explained = |p: &Pair| explain(p, &Side::of(&claims[p.a]), &Side::of(&claims[p.b]), tolerance);
    let one_source = claims.iter().all(|c| c.source.id == claims[0].source.id);
    let (verdict, reason) = match (differs, excludes, conflicts) {
        _ if claims.len() == 1 || (one_source && excludes.is_none()) => {
            (Verdict::Single, format!("only {} reports it", claims[0].source.outlet))
        }
        (None, _, _) => {
            let tolerated = tolerance.filter(|_| !exact_equal);
            let within = tolerated.map(|t| format!(" within the tolerance of {t}")).unwrap_or_default();
            (
                Verdict::Agree,
                format!("{} claims from {} sources read alike{within}", claims.len(), source_count(claims)),
            )
        }
        (Some(p), None, _) => (Verdict::Compatible, explained(&p)),
        (_, _, Some(p)) => (Verdict::Conflict, explained(&p)),
        (_, Some(p), None) => (Verdict::Revised, explained(&p)),
    };
    let (pairs, pairs_left_out) = listing.finish();
    Comparison { verdict, pairs, pairs_left_out, reason, reads_as, same_reading, revised }
}

/// The first claim of the set `i` is in (`parent` links each claim to an
/// earlier one of its set, or to itself).
fn root(parent: &[usize], mut i: usize) -> usize {
    while parent[i] != i {
        i = parent[i];
    }
    i
}

/// What the reasons say of one claim: its label and its reading described.
pub struct Said {
    label: String,
    reading: String,
}

impl Said {
    pub fn of(c: &Side<'_>) -> Said {
        Said { label: label(c), reading: c.reading.describe() }
    }
}

fn source_count(claims: &[ReadClaim<'_>]) -> usize {
    let mut ids: Vec<&str> = claims.iter().map(|c| c.source.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

/// The pair of claims `i` and `j`, and how their readings relate exactly
/// (without tolerance or an assumed day).
/// `running`: the fact is a running count ([`is_running_count`]).
fn pair(
    i: usize,
    j: usize,
    a: &ReadClaim<'_>,
    b: &ReadClaim<'_>,
    tolerance: Option<Tolerance>,
    running: bool,
) -> (Pair, Relation) {
    // relation, relation_within and relation_claimed, each computed once.
    let exact = relation(&a.reading, &b.reading);
    let within = if close_within(&a.reading, &b.reading, tolerance) { Relation::Equal } else { exact };
    let other = same_time_other_day(&a.reading, &b.reading, tolerance);
    let relation = claimed(other, within);
    let revision = relation.excludes() && is_revision(a, b, running);
    let other_day = relation != within;
    let tolerated = if other_day {
        same_time_other_day(&a.reading, &b.reading, None).is_none()
    } else {
        relation == Relation::Equal && exact != Relation::Equal
    };
    (Pair { a: i, b: j, relation, revision, other_day, tolerated }, exact)
}

fn other_day_reason(a: &Side<'_>, b: &Side<'_>, sa: &Said, sb: &Said) -> String {
    let (la, lb) = (&sa.label, &sb.label);
    let (ra, rb) = (&sa.reading, &sb.reading);
    let len = la.len() + lb.len() + ra.len() + rb.len();
    let assumed = |r: &Reading| matches!(r, Reading::Date(d) if d.day_assumed);
    match (assumed(a.reading), assumed(b.reading)) {
        (true, true) => sized!(len, "{la} and {lb} give the same time of day and no day: they read alike"),
        (true, false) => {
            sized!(len, "{la} gives no day ({ra} is the day said); {lb} gives the same time on its day ({rb})")
        }
        _ => sized!(len, "{lb} gives no day ({rb} is the day said); {la} gives the same time on its day ({ra})"),
    }
}

/// [`relation_within`], except that a time of day given without a day
/// ("5:50 a.m.": the day said is only assumed, `DateReading::day_assumed`)
/// does not contradict the same time on another day: it is `Wider` than a
/// reading that gives the day ("12/02/2011 5:50 a.m."), `Equal` to another
/// reading without a day (docs/temporal.md, "A time without a day").
pub fn relation_claimed(a: &Reading, b: &Reading, tolerance: Option<Tolerance>) -> Relation {
    claimed(same_time_other_day(a, b, tolerance), relation_within(a, b, tolerance))
}

/// [`relation_claimed`] from [`same_time_other_day`] and [`relation_within`].
fn claimed(other_day: Option<(bool, bool)>, within: Relation) -> Relation {
    match other_day {
        Some((true, false)) => Relation::Wider,
        Some((false, true)) => Relation::Narrower,
        Some(_) => Relation::Equal,
        None => within,
    }
}

/// Two date readings, at least one with an assumed day, that name the same
/// time of day (within `tolerance`) on different days: `Some((a's day
/// assumed, b's day assumed))`. `None` otherwise, and when they are on the
/// same day (then they relate as they read).
pub fn same_time_other_day(a: &Reading, b: &Reading, tolerance: Option<Tolerance>) -> Option<(bool, bool)> {
    let (Reading::Date(x), Reading::Date(y)) = (a, b) else { return None };
    if !(x.day_assumed || y.day_assumed) || !x.has_time() || !y.has_time() {
        return None;
    }
    let (xs, ys) = (x.start?, y.start?);
    if xs == ys {
        return None;
    }
    let shift = |t: Option<chrono::NaiveDate>| t.and_then(|d| d.checked_add_signed(ys - xs));
    let moved = DateReading { start: shift(x.start), end: shift(x.end), ..x.clone() };
    let shifted = Reading::Date(moved);
    (relation_within(&shifted, b, tolerance) == Relation::Equal).then_some((x.day_assumed, y.day_assumed))
}

/// [`relation`], except that two date readings whose first minutes differ by
/// at most `tolerance`, and whose last minutes do too, are `Equal`.
pub fn relation_within(a: &Reading, b: &Reading, tolerance: Option<Tolerance>) -> Relation {
    if close_within(a, b, tolerance) {
        Relation::Equal
    } else {
        relation(a, b)
    }
}

/// Two date readings whose first minutes differ by at most `tolerance`, and
/// whose last minutes do too.
fn close_within(a: &Reading, b: &Reading, tolerance: Option<Tolerance>) -> bool {
    if let (Reading::Date(x), Reading::Date(y), Some(t)) = (a, b, tolerance) {
        let (x, y) = (minutes(x), minutes(y));
        let close = |p: Option<f64>, q: Option<f64>| match (p, q) {
            (Some(p), Some(q)) => (p - q).abs() <= f64::from(t.minutes()),
            (None, None) => true,
            _ => false,
        };
        return close(x.0, y.0) && close(x.1, y.1);
    }
    false
}

/// How reading `a` relates to reading `b`.
pub fn relation(a: &Reading, b: &Reading) -> Relation {
    match (a, b) {
        (Reading::Date(x), Reading::Date(y)) => intervals(minutes(x), minutes(y)),
        (Reading::Number(x), Reading::Number(y)) => intervals((x.low, x.high), (y.low, y.high)),
        (Reading::Entity(x), Reading::Entity(y)) => {
            if x.id == y.id {
                Relation::Equal
            } else {
                Relation::Disjoint
            }
        }
        (Reading::Entities(x), Reading::Entities(y)) => sets(ids(x), ids(y)),
        (Reading::Entity(x), Reading::Entities(ys)) => sets(vec![x.id.as_str()], ids(ys)),
        (Reading::Entities(xs), Reading::Entity(y)) => sets(ids(xs), vec![y.id.as_str()]),
        (Reading::Text(x), Reading::Text(y)) => texts(x, y),
        _ => Relation::Incomparable,
    }
}

/// A date's or a number's reading as [`relation`] compares it: its interval
/// with both ends inclusive, an open end as minus or plus infinity.
pub fn interval(r: &Reading) -> Option<(f64, f64)> {
    let (lo, hi) = match r {
        Reading::Date(d) => minutes(d),
        Reading::Number(n) => (n.low, n.high),
        _ => return None,
    };
    Some((lo.unwrap_or(f64::NEG_INFINITY), hi.unwrap_or(f64::INFINITY)))
}

/// What decides whether two readings relate as `Equal` ([`relation`]): two
/// readings that have a key relate as `Equal` exactly when their keys are
/// equal, so readings can be sorted into classes of equals by a hash map
/// instead of by comparing each with every class. Texts have none (their
/// statuses and folded words decide), nor does an interval with a NaN end.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EqualKey<'r> {
    Date(u64, u64),
    Number(u64, u64),
    /// An entity or a list of them, as a set of ids (sorted, no repeats).
    Names(Vec<&'r str>),
}

pub fn equal_key(r: &Reading) -> Option<EqualKey<'_>> {
    // `+ 0.0` makes -0.0 +0.0, which `==` takes as equal.
    let bits = || {
        let (lo, hi) = interval(r)?;
        (!lo.is_nan() && !hi.is_nan()).then(|| ((lo + 0.0).to_bits(), (hi + 0.0).to_bits()))
    };
    match r {
        Reading::Date(_) => bits().map(|(lo, hi)| EqualKey::Date(lo, hi)),
        Reading::Number(_) => bits().map(|(lo, hi)| EqualKey::Number(lo, hi)),
        Reading::Entity(x) => Some(EqualKey::Names(vec![x.id.as_str()])),
        Reading::Entities(xs) => {
            let mut ids: Vec<&str> = xs.iter().map(|e| e.id.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            Some(EqualKey::Names(ids))
        }
        Reading::Text(_) => None,
    }
}

/// A date reading as minutes since 0001-01-01 00:00, both ends inclusive: the
/// first and the last minute covered (a day is 00:00..23:59, so day-level
/// readings relate exactly as whole days do).
pub fn minutes(d: &DateReading) -> (Option<f64>, Option<f64>) {
    let at = |t: NaiveDateTime| {
        let days = i64::from(chrono::Datelike::num_days_from_ce(&t.date()));
        let m = i64::from(chrono::Timelike::num_seconds_from_midnight(&t.time()) / 60);
        (days * 1440 + m) as f64
    };
    (d.first_minute().map(at), d.last_minute().map(at))
}

/// Intervals with inclusive ends; `None` is open (minus or plus infinity).
fn intervals(a: (Option<f64>, Option<f64>), b: (Option<f64>, Option<f64>)) -> Relation {
    let lo = |x: Option<f64>| x.unwrap_or(f64::NEG_INFINITY);
    let hi = |x: Option<f64>| x.unwrap_or(f64::INFINITY);
    let (a0, a1, b0, b1) = (lo(a.0), hi(a.1), lo(b.0), hi(b.1));
    if a0 == b0 && a1 == b1 {
        Relation::Equal
    } else if b0 <= a0 && a1 <= b1 {
        Relation::Narrower
    } else if a0 <= b0 && b1 <= a1 {
        Relation::Wider
    } else if a0.max(b0) <= a1.min(b1) {
        Relation::Overlaps
    } else {
        Relation::Disjoint
    }
}

/// The entity ids of a list, as a set.
fn ids(v: &[std::sync::Arc<crate::resolve::EntityRef>]) -> Vec<&str> {
    v.iter().map(|e| e.id.as_str()).collect()
}

/// How set `a` relates to set `b` (each given as a list, in any order, with
/// repeats allowed).
fn sets<'s>(mut a: Vec<&'s str>, mut b: Vec<&'s str>) -> Relation {
    for s in [&mut a, &mut b] {
        s.sort_unstable();
        s.dedup();
    }
    // Both sorted and without repeats: count the shared members in one pass.
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let (subset, superset) = (shared == a.len(), shared == b.len());
    if subset && superset {
        Relation::Equal
    } else if subset {
        Relation::Narrower
    } else if superset {
        Relation::Wider
    } else if shared > 0 {
        Relation::Overlaps
    } else {
        Relation::Disjoint
    }
}

fn texts(a: &TextReading, b: &TextReading) -> Relation {
    if let (Some(x), Some(y)) = (a.status, b.status) {
        return statuses(x, y);
    }
    if a.folded == b.folded {
        return Relation::Equal;
    }
    match sets(a.folded.split(' ').collect(), b.folded.split(' ').collect()) {
        Relation::Narrower => Relation::Narrower,
        Relation::Wider => Relation::Wider,
        _ => Relation::Disjoint,
    }
}

/// The status lattice: "did not take place" covers "cancelled" and
/// "postponed"; "stalled" overlaps "postponed" and "did not take place";
/// "scheduled" then "held" is a plan carried out.
pub fn statuses(a: Status, b: Status) -> Relation {
    use Status::*;
    match (a, b) {
        _ if a == b => Relation::Equal,
        (NotHeld, Cancelled | Postponed) => Relation::Wider,
        (Cancelled | Postponed, NotHeld) => Relation::Narrower,
        (Stalled, Postponed | NotHeld) | (Postponed | NotHeld, Stalled) => Relation::Overlaps,
        (Scheduled, Held) | (Held, Scheduled) => Relation::Overlaps,
        _ => Relation::Disjoint,
    }
}

/// A disjoint pair is a revision when the claims were said on different
/// dates and the earlier one spoke of something still to come (a date
/// after the day said, a hedge, a status scheduled, postponed or stalled), or, in a
/// running count (`running`, [`is_running_count`]), the later count is
/// higher: a death toll that rose from one day to the next was updated,
/// not contradicted. A count that fell stays a conflict (a correction, or
/// a mistake, for an editor to look at).
fn is_revision(a: &ReadClaim<'_>, b: &ReadClaim<'_>, running: bool) -> bool {
    let (earlier, later) = if a.claim.as_of <= b.claim.as_of { (a, b) } else { (b, a) };
    if earlier.claim.as_of == later.claim.as_of {
        return false;
    }
    // (A later forecast, "the toll could reach 10,000", replaces no count.)
    if let (true, Reading::Number(before), Reading::Number(after)) = (running, &earlier.reading, &later.reading) {
        if let (Some(high), Some(low), false) = (before.high, after.low, later.claim.hedge.is_prospective()) {
            if low > high {
                return true;
            }
        }
    }
    match &earlier.reading {
        Reading::Date(d) => d.end.is_none_or(|end| end > earlier.claim.as_of),
        // A plan, a postponement or a pause leaves the event still to come:
        // "postponed" in February and "held" (or "cancelled") in June is the
        // story moving on. "Cancelled" and "held" are final.
        Reading::Text(TextReading {
            status: Some(Status::Scheduled | Status::Postponed | Status::Stalled), ..
        }) => true,
        _ => earlier.claim.hedge.is_prospective(),
    }
}

/// Words of a property name that make it a running count: a tally of an
/// event's harm that the news updates as it grows (`death_toll`,
/// `people_killed`, `injured`, `displaced_count`, `arrests`). The name is
/// cut into words at `_`, `-` and spaces (docs/numbers.md, "Running counts").
pub const RUNNING_COUNT_WORDS: &[&str] = &[
    "toll",
    "deaths",
    "dead",
    "killed",
    "fatalities",
    "casualties",
    "injured",
    "wounded",
    "injuries",
    "missing",
    "displaced",
    "evacuated",
    "arrested",
    "arrests",
    "detained",
    "cases",
    "infections",
    "infected",
    "hospitalised",
    "hospitalized",
];

/// Whether a fact's property is a running count: one of its words is in
/// [`RUNNING_COUNT_WORDS`].
pub fn is_running_count(property: &str) -> bool {
    property.split(['_', '-', ' ']).any(|w| RUNNING_COUNT_WORDS.iter().any(|r| r.eq_ignore_ascii_case(w)))
}

fn label(c: &Side<'_>) -> String {
    let value = &c.value;
    sized!(value.len() + c.outlet.len(), "'{value}' ({}, {})", c.outlet, c.as_of)
}

fn reason(a: &Side<'_>, b: &Side<'_>, sa: &Said, sb: &Said, relation: Relation, revision: bool) -> String {
    let (la, lb) = (&sa.label, &sb.label);
    let (ra, rb) = (&sa.reading, &sb.reading);
    let len = la.len() + lb.len() + ra.len() + rb.len();
    if let (Reading::Text(TextReading { status: Some(x), .. }), Reading::Text(TextReading { status: Some(y), .. })) =
        (a.reading, b.reading)
    {
        if x != y {
            let link = match relation {
                Relation::Wider | Relation::Narrower | Relation::Overlaps => "these can both be true",
                _ if revision => "the plan changed",
                _ => "both cannot be true",
            };
            return sized!(len, "{la} says it {}; {lb} says it {}: {link}", x.meaning(), y.meaning());
        }
    }
    if revision {
        let (earlier, later) = if a.as_of <= b.as_of { (la, lb) } else { (lb, la) };
        if let (Reading::Number(_), Reading::Number(_)) = (a.reading, b.reading) {
            return sized!(len, "{earlier} was a forecast or a count of its day; {later}, said later, replaces it");
        }
        return sized!(len, "{earlier} was a plan or forecast; {later}, said later, replaces it");
    }
    match relation {
        Relation::Equal => sized!(len, "{la} and {lb} read alike ({ra})"),
        Relation::Narrower => sized!(len, "{la} ({ra}) lies within {lb} ({rb})"),
        Relation::Wider => sized!(len, "{lb} ({rb}) lies within {la} ({ra})"),
        Relation::Overlaps => sized!(len, "{la} ({ra}) and {lb} ({rb}) overlap"),
        Relation::Disjoint => sized!(len, "{la} ({ra}) and {lb} ({rb}) cannot both be true"),
        Relation::Incomparable => sized!(len, "{la} and {lb} are values of different types"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_counts_are_known_by_a_word_of_their_name() {
        for running in ["death_toll", "toll", "people_killed", "Injured", "displaced_count", "arrests", "covid-cases"] {
            assert!(is_running_count(running), "{running}");
        }
        // (A running count's word must be a whole word of the name.)
        for other in ["attendee_count", "rescue_teams", "budget", "tolls_collected", "deadline", "count"] {
            assert!(!is_running_count(other), "{other}");
        }
    }

    #[test]
    fn interval_relations() {
        let r = |a: (f64, f64), b: (f64, f64)| intervals((Some(a.0), Some(a.1)), (Some(b.0), Some(b.1)));
        assert_eq!(r((1.0, 5.0), (1.0, 5.0)), Relation::Equal);
        assert_eq!(r((2.0, 3.0), (1.0, 5.0)), Relation::Narrower);
        assert_eq!(r((1.0, 5.0), (2.0, 3.0)), Relation::Wider);
        assert_eq!(r((1.0, 3.0), (3.0, 5.0)), Relation::Overlaps);
        assert_eq!(r((1.0, 2.0), (3.0, 5.0)), Relation::Disjoint);
        assert_eq!(intervals((Some(10.0), None), (Some(12.0), Some(14.0))), Relation::Wider);
        assert_eq!(intervals((None, Some(1.0)), (Some(2.0), None)), Relation::Disjoint);
    }

    #[test]
    fn times_relate_at_the_minute_and_a_tolerance_makes_near_ones_equal() {
        use crate::normalize::date::{read_date, Tense};
        let at = |e: &str| Reading::Date(read_date(e, "2011-12-01".parse().unwrap(), Tense::Unknown).unwrap());
        assert_eq!(relation(&at("7:10 a.m."), &at("7:10am")), Relation::Equal);
        assert_eq!(relation(&at("7:10 a.m."), &at("7:16 a.m.")), Relation::Disjoint);
        assert_eq!(relation(&at("7:10 a.m."), &at("7 am")), Relation::Narrower);
        assert_eq!(relation(&at("7:10 a.m."), &at("Dec 1")), Relation::Narrower);
        assert_eq!(relation(&at("this morning"), &at("7 am")), Relation::Wider);
        assert_eq!(relation(&at("Dec 1"), &at("Dec 1")), Relation::Equal);
        let ten = Some(crate::tolerance::Tolerance::parse("10m").unwrap());
        assert_eq!(relation_within(&at("7:10 a.m."), &at("7:16 a.m."), ten), Relation::Equal);
        assert_eq!(relation_within(&at("7:10 a.m."), &at("7:20 a.m."), ten), Relation::Equal);
        assert_eq!(relation_within(&at("7:10 a.m."), &at("7:21 a.m."), ten), Relation::Disjoint);
        // an hour's last minute is 59 minutes past its first: not within 10m of a minute
        assert_eq!(relation_within(&at("7:10 a.m."), &at("7 am"), ten), Relation::Narrower);
    }

    #[test]
    fn a_time_without_a_day_does_not_contradict_the_same_time_on_a_given_day() {
        use crate::normalize::date::{read_date, Tense};
        let at = |e: &str| Reading::Date(read_date(e, "2011-12-01".parse().unwrap(), Tense::Unknown).unwrap());
        let (bare, dated) = (at("6:35 a.m."), at("12/2/11 6:35 a.m."));
        assert_eq!(relation(&bare, &dated), Relation::Disjoint, "as read, the days differ");
        assert_eq!(relation_claimed(&bare, &dated, None), Relation::Wider);
        assert_eq!(relation_claimed(&dated, &bare, None), Relation::Narrower);
        // another time, or a day given on both sides, still contradicts
        assert_eq!(relation_claimed(&at("6:36 a.m."), &dated, None), Relation::Disjoint);
        assert_eq!(relation_claimed(&at("Dec 1 6:35 a.m."), &dated, None), Relation::Disjoint);
        // same day: as read
        assert_eq!(relation_claimed(&bare, &at("Dec 1 6:35 a.m."), None), Relation::Equal);
        // a tolerance applies to the time of day
        let ten = Some(crate::tolerance::Tolerance::parse("10m").unwrap());
        assert_eq!(relation_claimed(&at("6:40 a.m."), &dated, None), Relation::Disjoint);
        assert_eq!(relation_claimed(&at("6:40 a.m."), &dated, ten), Relation::Wider);
        assert_eq!(same_time_other_day(&bare, &dated, None), Some((true, false)));
    }

    #[test]
    fn status_lattice() {
        assert_eq!(statuses(Status::Cancelled, Status::Postponed), Relation::Disjoint);
        assert_eq!(statuses(Status::NotHeld, Status::Cancelled), Relation::Wider);
        assert_eq!(statuses(Status::Postponed, Status::NotHeld), Relation::Narrower);
        assert_eq!(statuses(Status::Held, Status::Cancelled), Relation::Disjoint);
        assert_eq!(statuses(Status::Scheduled, Status::Held), Relation::Overlaps);
    }

    #[test]
    fn verdicts_are_ordered_by_severity() {
        assert!(Verdict::Conflict > Verdict::Revised && Verdict::Revised > Verdict::Compatible);
        assert!(Verdict::Compatible > Verdict::Agree && Verdict::Agree > Verdict::Single);
    }
}

#[cfg(test)]
mod alike_tests {
    use super::*;
    use crate::group::{Fact, ReadClaim};
    use crate::model::{Claim, Hedge, RawValue, Source, ValueType};
    use crate::normalize::date::{read_date, Tense};
    use crate::resolve::EntityRef;
    use proptest::prelude::*;
    use std::sync::Arc;

    /// Values a few of which read alike, contain each other, or are plans.
    const VALUES: &[&str] =
        &["12 May 2030", "2030-05-12", "May 2030", "mid-May 2030", "19 May 2030", "late May 2030", "after April"];
    const DAYS: &[&str] = &["2030-01-10", "2030-03-01", "2030-06-01"];

    /// A claim drawn as (value, day said, planned, source): claim `k` of
    /// source `source`, saying `value` on `day`.
    type Drawn = (usize, usize, bool, usize);

    /// `sources` sources and the claims drawn, saying `values[value]` on
    /// `days[day]`.
    fn claims(drawn: &[Drawn], sources: usize, values: &[&str], days: &[&str]) -> (Vec<Source>, Vec<Claim>) {
        let outlets: Vec<Source> = (0..sources).map(|s| Source::for_test(&format!("s{s}"))).collect();
        let claims = drawn
            .iter()
            .enumerate()
            .map(|(k, &(value, day, planned, source))| Claim {
                source: source % sources,
                id: format!("c{k}"),
                subject: "x".into(),
                property: "x".into(),
                value: RawValue::Scalar(values[value].into()),
                value_type: ValueType::Text,
                said_by: None,
                as_of: days[day].parse().unwrap(),
                hedge: if planned { Hedge::Planned } else { Hedge::Certain },
                quote: "q".into(),
                note: None,
                loc: crate::model::Pos { line: 1, col: 1 },
                value_loc: crate::model::Pos { line: 1, col: 1 },
                quote_loc: crate::model::Pos { line: 1, col: 1 },
            })
            .collect();
        (outlets, claims)
    }

    /// The fact `x.x` of `claims`, each read by `reading` (its value and day said).
    fn fact<'c>(
        claims: &'c [Claim],
        sources: &'c [Source],
        reading: impl Fn(&str, chrono::NaiveDate) -> Reading,
    ) -> Fact<'c> {
        let subject = Arc::new(EntityRef { id: "x".into(), name: "x".into(), resolved: false });
        let read = claims
            .iter()
            .enumerate()
            .map(|(index, c)| ReadClaim {
                claim: c,
                index,
                source: &sources[c.source],
                subject: subject.clone(),
                reading: reading(&c.value.shown(), c.as_of),
                context: None,
            })
            .collect();
        Fact { id: "x.x".into(), subject, property: "x".into(), claims: read }
    }

    /// A status that leaves the event still to come (scheduled, postponed,
    /// stalled), then another said later, is the story moving on; a final
    /// one (cancelled, held) then another stays a conflict, and so does any
    /// pair said the same day.
    #[test]
    fn a_postponement_then_another_status_is_a_revision() {
        const STATUSES: &[&str] = &["t:postponed", "t:held", "t:cancelled", "t:stalled", "t:scheduled"];
        let verdict = |first: usize, then: usize, day: usize| {
            let (sources, claims) = claims(&[(first, 0, false, 0), (then, day, false, 1)], 2, STATUSES, MIXED_DAYS);
            let fact = fact(&claims, &sources, mixed_reading);
            compare_pairs(&fact, None, false, true, usize::MAX).verdict
        };
        let (postponed, held, cancelled, stalled, scheduled) = (0, 1, 2, 3, 4);
        for (first, then) in [(postponed, held), (postponed, cancelled), (stalled, held), (scheduled, cancelled)] {
            assert_eq!(verdict(first, then, 2), Verdict::Revised, "{} then {}", STATUSES[first], STATUSES[then]);
            assert_eq!(
                verdict(first, then, 0),
                Verdict::Conflict,
                "{} and {} the same day",
                STATUSES[first],
                STATUSES[then]
            );
        }
        for (first, then) in [(cancelled, postponed), (held, cancelled), (cancelled, held)] {
            assert_eq!(verdict(first, then, 2), Verdict::Conflict, "{} then {}", STATUSES[first], STATUSES[then]);
        }
    }

    /// A fact restated by many articles: 60 claims, six readings, one day.
    #[test]
    fn a_fact_restated_many_times_lists_few_pairs() {
        let drawn: Vec<Drawn> = (0..60).map(|k| (k % 6, 1, false, k % 4)).collect();
        let (sources, claims) = claims(&drawn, 4, VALUES, DAYS);
        let fact = fact(&claims, &sources, |v, as_of| Reading::Date(read_date(v, as_of, Tense::Unknown).unwrap()));
        let (short, whole) =
            (compare_pairs(&fact, None, false, false, usize::MAX), compare_pairs(&fact, None, false, true, usize::MAX));
        // Six groups ("12 May 2030" and "2030-05-12" name one day by two
        // rules: their readings differ, though they relate as equal).
        assert_eq!(short.reads_as.iter().enumerate().filter(|&(i, &f)| i == f).count(), 6);
        assert_eq!(short.reads_as[6..12], [0, 1, 2, 3, 4, 5]);
        assert_eq!(whole.pairs.len(), 60 * 59 / 2);
        assert_eq!(short.pairs.len(), 60 * 59 / 2 - 54 * 53 / 2, "every pair with a first claim in it");
        assert_eq!((short.verdict, &short.reason), (whole.verdict, &whole.reason));
    }

    /// A fact with more pairs than it lists: 160 claims, 12,720 pairs. The
    /// 80 even claims give 80 different exact numbers (3,160 disjoint
    /// pairs), the 80 odd claims one range, each on another day (3,160
    /// equal pairs), which holds every number (6,400 pairs differing in
    /// precision). The list keeps every disjoint and every imprecise pair
    /// and the first 440 equal ones, in claim order; nothing else changes.
    #[test]
    fn a_fact_with_more_pairs_than_listed_lists_those_that_disagree_first() {
        let values: Vec<String> = (0..160)
            .map(|k| if k % 2 == 0 { format!("{}", 1000 + k) } else { "between 900 and 1200".into() })
            .collect();
        let values: Vec<&str> = values.iter().map(String::as_str).collect();
        let days: Vec<String> = (0..160).map(|k| format!("2030-{:02}-{:02}", 1 + k / 28, 1 + k % 28)).collect();
        let days: Vec<&str> = days.iter().map(String::as_str).collect();
        let drawn: Vec<Drawn> = (0..160).map(|k| (k, k, false, k % 7)).collect();
        let (sources, claims) = claims(&drawn, 7, &values, &days);
        let fact = fact(&claims, &sources, |v, _| Reading::Number(crate::normalize::number::read_number(v).unwrap()));
        let whole = compare_pairs(&fact, None, false, false, usize::MAX);
        let listed = compare_within(&fact, None);
        assert_eq!(whole.pairs.len(), 160 * 159 / 2);
        assert_eq!(listed.pairs.len(), PAIRS_LISTED);
        assert_eq!(listed.pairs_left_out, 160 * 159 / 2 - PAIRS_LISTED);
        let kind = |p: &Pair| (p.relation.excludes(), p.relation == Relation::Equal);
        let count = |list: &[Pair], k: (bool, bool)| list.iter().filter(|p| kind(p) == k).count();
        assert_eq!(count(&listed.pairs, (true, false)), 80 * 79 / 2, "every disjoint pair");
        assert_eq!(count(&listed.pairs, (false, false)), 80 * 80, "every pair differing in precision");
        assert_eq!(count(&listed.pairs, (false, true)), PAIRS_LISTED - 80 * 79 / 2 - 80 * 80);
        let equal: Vec<&Pair> = whole.pairs.iter().filter(|p| p.relation == Relation::Equal).collect();
        let kept: Vec<&Pair> = listed.pairs.iter().filter(|p| p.relation == Relation::Equal).collect();
        assert_eq!(kept, equal[..kept.len()], "the first equal pairs, in claim order");
        assert!(listed.pairs.windows(2).all(|w| (w[0].a, w[0].b) < (w[1].a, w[1].b)), "listed in claim order");
        assert!(listed.pairs.iter().all(|p| whole.pairs.contains(p)));
        assert_eq!((listed.verdict, &listed.reason), (Verdict::Conflict, &whole.reason));
        assert_eq!((&listed.same_reading, &listed.revised), (&whole.same_reading, &whole.revised));
        assert!(listed.same_reading[1..].iter().step_by(2).all(|&f| f == 1), "the ranges share one reading");
    }

    /// Values of every kind a fact's pairs read differently: dates at day
    /// and month precision, plans, a time of day without a day and the same
    /// time on a day (`other_day`), statuses (`scheduled` is revised by
    /// `held`), numbers, and a mix of them all (incomparable pairs).
    const MIXED: &[&str] = &[
        "d:12 May 2030",
        "d:2030-05-12",
        "d:May 2030",
        "d:after April",
        "d:next week",
        "d:6:35 a.m.",
        "d:6:40 a.m.",
        "d:March 2 2030 6:35 a.m.",
        "d:March 1 2030",
        "t:scheduled",
        "t:held",
        "t:postponed",
        "t:cancelled",
        "t:did not take place",
        "n:about 100",
        "n:over 100",
        "n:100",
    ];
    /// Two days in a row (a time of day said on one falls on the other).
    const MIXED_DAYS: &[&str] = &["2030-03-01", "2030-03-02", "2030-06-01"];

    fn mixed_reading(value: &str, as_of: chrono::NaiveDate) -> Reading {
        match value.split_at(2) {
            ("d:", v) => Reading::Date(read_date(v, as_of, Tense::Unknown).unwrap()),
            ("t:", v) => Reading::Text(crate::normalize::text::read_text(v, "status").unwrap()),
            (_, v) => Reading::Number(crate::normalize::number::read_number(v).unwrap()),
        }
    }

    proptest! {
        /// Leaving out the pairs of two claims that each read as an earlier
        /// one changes nothing: the verdict and its reason are the whole
        /// list's, every pair left out relates as the pair of the claims
        /// its two claims read as, and the readings' support and the claims
        /// revised (which truth discovery leaves out) are the same.
        #[test]
        fn leaving_out_pairs_of_alike_claims_changes_nothing(
            drawn in proptest::collection::vec((0usize..MIXED.len(), 0usize..3, any::<bool>(), 0usize..4), 1..14),
            tolerance in proptest::sample::select(vec![None, Some("10m"), Some("1d")]),
            sources in 1usize..5,
            running in any::<bool>(),
        ) {
            let tolerance = tolerance.map(|t| crate::tolerance::Tolerance::parse(t).unwrap());
            let (outlets, claims) = claims(&drawn, sources, MIXED, MIXED_DAYS);
            let fact = fact(&claims, &outlets, mixed_reading);
            let short = compare_pairs(&fact, tolerance, running, false, usize::MAX);
            let whole = compare_pairs(&fact, tolerance, running, true, usize::MAX);
            prop_assert_eq!(short.verdict, whole.verdict);
            prop_assert_eq!(&short.reason, &whole.reason);
            let r = &short.reads_as;
            for p in &whole.pairs {
                match short.pairs.iter().find(|q| (q.a, q.b) == (p.a, p.b)) {
                    Some(q) => prop_assert_eq!(q, p),
                    None => {
                        prop_assert!(r[p.a] != p.a && r[p.b] != p.b, "only pairs of two later claims are left out");
                        // As the claims they read as relate (in either order).
                        let (a, b) = (r[p.a].min(r[p.b]), r[p.a].max(r[p.b]));
                        let stands = whole.pairs.iter().find(|q| (q.a, q.b) == (a, b));
                        match stands {
                            Some(q) => {
                                prop_assert_eq!(q.relation.excludes(), p.relation.excludes());
                                prop_assert_eq!(q.relation == Relation::Equal, p.relation == Relation::Equal);
                                prop_assert_eq!(q.revision, p.revision);
                            }
                            None => prop_assert_eq!(p.relation, Relation::Equal, "both read as one claim"),
                        }
                    }
                }
            }
            // Revised claims and shared readings as every pair gives them.
            let mut revised = vec![false; fact.claims.len()];
            let mut same: Vec<usize> = (0..fact.claims.len()).collect();
            for p in &whole.pairs {
                if p.revision {
                    let as_of = |i: usize| fact.claims[i].claim.as_of;
                    revised[if as_of(p.a) < as_of(p.b) { p.a } else { p.b }] = true;
                }
                if p.relation == Relation::Equal {
                    let (a, b) = (root(&same, p.a), root(&same, p.b));
                    same[a.max(b)] = a.min(b);
                }
            }
            let same: Vec<usize> = (0..same.len()).map(|i| root(&same, i)).collect();
            prop_assert_eq!(&short.revised, &revised);
            prop_assert_eq!(&whole.revised, &revised);
            prop_assert_eq!(&short.same_reading, &same);
            // Listing fewer pairs changes nothing but the list.
            // The pair the reason names: the first (in claim order) of the kind that decides the verdict.
            let named = match short.verdict {
                Verdict::Conflict => short.pairs.iter().find(|p| p.relation.excludes() && !p.revision),
                Verdict::Revised => short.pairs.iter().find(|p| p.relation.excludes()),
                Verdict::Compatible => short.pairs.iter().find(|p| p.relation != Relation::Equal),
                Verdict::Agree | Verdict::Single => None,
            };
            let kind = |p: &Pair| match p.relation {
                r if r.excludes() && !p.revision => 0,
                r if r.excludes() => 1,
                Relation::Equal => 3,
                _ => 2,
            };
            for at_most in [0, 1, 2, short.pairs.len() / 2] {
                let few = compare_pairs(&fact, tolerance, running, false, at_most);
                prop_assert_eq!((few.verdict, &few.reason), (short.verdict, &short.reason));
                prop_assert_eq!((&few.same_reading, &few.revised), (&short.same_reading, &short.revised));
                if short.pairs.len() > at_most {
                    prop_assert_eq!(few.pairs_left_out, short.pairs.len() - at_most);
                    // Exactly: the pairs by kind (each kind in claim order), the first `at_most`, in claim order.
                    let mut chosen = short.pairs.clone();
                    chosen.sort_by_key(kind);
                    chosen.truncate(at_most);
                    chosen.sort_by_key(|p| (p.a, p.b));
                    prop_assert_eq!(&few.pairs, &chosen);
                    if let (Some(p), true) = (named, at_most > 0) {
                        prop_assert!(few.pairs.contains(p), "the reason's pair is listed");
                    }
                } else {
                    prop_assert_eq!((&few.pairs, few.pairs_left_out), (&short.pairs, 0));
                }
            }
        }
    }
}
