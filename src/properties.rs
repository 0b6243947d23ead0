//! Property names of one subject that look like one property spelled two
//! ways (`vehicles_count` / `vehicle_count`, `death` / `deaths`,
//! `in_favor` / `in_favour`): each spelling is a fact of its own, so a
//! conflict between them would go unseen. They are warned about, naming
//! both spellings and where each is used, with the one more claims use as
//! the suggestion.
//!
//! Two property names are near ([`near`]) when, compared as [`key`]s
//! (lower case, `-` and spaces as `_`, each word in the singular), they are
//! equal, equal but for where words are joined, or the same words but one
//! that is a slip of the keyboard of the other ([`slip`]: a swap, a letter
//! left out or doubled, or in a longer word one letter for another); and
//! they carry the same numbers (`q1_revenue` and `q2_revenue` are two
//! properties). `minimum_temperature` and `maximum_temperature` are not near.
//!
//! Near-linear in the claims: it reads the facts as `group` made them (one
//! per subject and property, so nothing is counted again), and only the
//! properties of one subject are compared, each
//! subject's pairwise when it has few ([`PAIRWISE_UP_TO`]), else through the
//! keys' deletion variants ([`near_pairs_blocked`]), never all pairs.
//!
//! Pure: no I/O; the diagnostics are returned.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::error::Diagnostic;
use crate::group::Fact;
use crate::model::{Pos, Source};
use crate::resolve::EntityRef;

/// The shortest key (in characters) whose one-edit neighbours count as near.
pub const ONE_EDIT_FROM: usize = 5;
/// The shortest word in which one letter typed for another counts as a slip.
pub const SUBSTITUTION_FROM: usize = 7;
/// Keys longer than this are never compared: a property name is a word or
/// three, and the deletion variants of a long key grow with its square.
const LONGEST_KEY: usize = 64;
/// A subject with at most this many properties has them compared pairwise.
const PAIRWISE_UP_TO: usize = 16;
/// Places listed for each spelling in a warning.
const PLACES_LISTED: usize = 3;

/// How a (subject, property) is used: by how many claims, and the first
/// [`PLACES_LISTED`] places (source index and position, in file and line order).
#[derive(Debug, Clone)]
struct Use<'r> {
    subject: &'r EntityRef,
    claims: usize,
    places: Vec<(usize, Pos)>,
}

/// One warning for each pair of near property names of one subject, from
/// the facts as grouped (`group`: one per subject and property, with the
/// claims whose value was read). Each fact's use is its claim count and its
/// first places in file order; no claim is hashed again, so the check costs
/// a pass over the facts and a sort of them.
pub fn near_property_warnings(facts: &[Fact<'_>], sources: &[Source]) -> Vec<Diagnostic> {
    // Places compare by file, then line and column: each source's rank in
    // file order, found once (comparing paths for each claim cost more).
    let mut by_file: Vec<usize> = (0..sources.len()).collect();
    by_file.par_sort_unstable_by(|&a, &b| sources[a].loc.file.cmp(&sources[b].loc.file));
    let mut file_rank = vec![0usize; sources.len()];
    for (rank, &s) in by_file.iter().enumerate() {
        file_rank[s] = rank;
    }
    let at = |(s, pos): (usize, Pos)| (file_rank[s], pos);
    let mut uses: Vec<((&str, &str), Use<'_>)> = facts
        .par_iter()
        .map(|f| {
            let mut places: Vec<(usize, Pos)> = Vec::with_capacity(PLACES_LISTED + 1);
            for c in &f.claims {
                let place = (c.claim.source, c.claim.loc);
                let i = places.partition_point(|&p| at(p) <= at(place));
                if i < PLACES_LISTED {
                    places.insert(i, place);
                    places.truncate(PLACES_LISTED);
                }
            }
            let used = Use { subject: &f.subject, claims: f.claims.len(), places };
            ((f.subject.id.as_str(), f.property.as_str()), used)
        })
        .collect();
    uses.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    // The properties of one subject are a run of the sorted list.
    let mut runs: Vec<&[((&str, &str), Use<'_>)]> = Vec::new();
    let mut start = 0;
    for i in 1..=uses.len() {
        if i == uses.len() || uses[i].0 .0 != uses[start].0 .0 {
            if i - start >= 2 {
                runs.push(&uses[start..i]);
            }
            start = i;
        }
    }
    runs.par_iter()
        .flat_map_iter(|run| {
            let keys: Vec<String> = run.iter().map(|((_, p), _)| key(p)).collect();
            let names: Vec<&str> = run.iter().map(|((_, p), _)| *p).collect();
            near_pairs(&names, &keys).into_iter().map(move |(i, j)| warning(&run[i], &run[j], sources))
        })
        .collect()
}

/// The warning for two near spellings `a` and `b` of one subject's property.
fn warning(a: &((&str, &str), Use<'_>), b: &((&str, &str), Use<'_>), sources: &[Source]) -> Diagnostic {
    let loc = |(s, pos): (usize, Pos)| pos.in_file_of(&sources[s]);
    let describe = |((_, p), u): &((&str, &str), Use<'_>)| {
        let places: Vec<String> = u.places.iter().map(|&pl| loc(pl).to_string()).collect();
        let more = if u.claims > u.places.len() { ", ..." } else { "" };
        let claims = if u.claims == 1 { "1 claim".to_string() } else { format!("{} claims", u.claims) };
        format!("'{p}' ({claims}: {}{more})", places.join(", "))
    };
    let ((_, pa), ua) = a;
    let ((_, pb), ub) = b;
    // The spelling fewer claims use is the likelier slip: the warning stands at its first claim.
    let (fewer, more) = if (ua.claims, pb) < (ub.claims, pa) { (a, b) } else { (b, a) };
    let subject = &ua.subject.name;
    let message = format!(
        "'{subject}' has two properties that look like one spelled two ways: {} and {}; they are compared as \
         two facts, so a disagreement between them is not seen",
        describe(a),
        describe(b)
    );
    let help = if ua.claims == ub.claims {
        format!("if they are one property, write one spelling, '{pa}' or '{pb}', in all of these claims")
    } else {
        let ((_, meant), mu) = more;
        let ((_, slip), fu) = fewer;
        format!(
            "if they are one property, write '{meant}' (used by {} claims) for '{slip}' (used by {})",
            mu.claims, fu.claims
        )
    };
    Diagnostic::warning(Some(loc(fewer.1.places[0])), message).with_help(help)
}

/// A property name as [`near`] compares it: lower case, `-`, spaces and
/// runs of `_` as one `_`, each word in the singular (`deaths` -> `death`,
/// `casualties` -> `casualty`, `vehicles_count` -> `vehicle_count`).
pub fn key(property: &str) -> String {
    let lower = property.to_lowercase();
    let words: Vec<&str> =
        lower.split(|c: char| c == '_' || c == '-' || c.is_whitespace()).filter(|w| !w.is_empty()).collect();
    let mut out = String::with_capacity(lower.len());
    for w in words {
        if !out.is_empty() {
            out.push('_');
        }
        out.push_str(&singular(w));
    }
    out
}

/// An English word in the singular, by its ending alone: `casualties` ->
/// `casualty`, `deaths` -> `death`; `status`, `press`, `basis` kept.
fn singular(word: &str) -> std::borrow::Cow<'_, str> {
    let long = word.chars().count() > 3;
    if long && word.ends_with("ies") {
        return format!("{}y", &word[..word.len() - 3]).into();
    }
    if long && word.ends_with('s') && !["ss", "us", "is"].iter().any(|e| word.ends_with(e)) {
        return word[..word.len() - 1].into();
    }
    word.into()
}

/// The numbers a name carries, in order (`round_1_date` -> `["1"]`,
/// `p10_1` -> `["10", "1"]`): two names that differ in them are two
/// properties (`round_1_date`, `round_2_date`; `p10_1`, `p1_01`).
fn numbers(name: &str) -> Vec<&str> {
    name.split(|c: char| !c.is_ascii_digit()).filter(|g| !g.is_empty()).collect()
}

/// Whether two distinct property names with keys `ka` and `kb` ([`key`])
/// look like one property spelled two ways: the same key; the same key but
/// for where words are joined (`death_toll`, `deathtoll`); or the same
/// words but one, which is a slip of the keyboard ([`slip`]) of the other.
/// A word that differs by more (`minimum`/`maximum`, `exports`/`imports`,
/// `male`/`female`, `height`/`weight`) makes another property.
pub fn near(a: &str, ka: &str, b: &str, kb: &str) -> bool {
    if a == b || numbers(a) != numbers(b) {
        return false;
    }
    if ka == kb {
        return true;
    }
    let (la, lb) = (ka.chars().count(), kb.chars().count());
    if la.min(lb) < ONE_EDIT_FROM || la.max(lb) > LONGEST_KEY || la.abs_diff(lb) > 1 {
        return false;
    }
    let joined = |k: &str| k.replace('_', "");
    if joined(ka) == joined(kb) {
        return true;
    }
    let (wa, wb): (Vec<&str>, Vec<&str>) = (ka.split('_').collect(), kb.split('_').collect());
    if wa.len() != wb.len() {
        return false;
    }
    let mut differing = wa.iter().zip(&wb).filter(|(x, y)| x != y);
    match (differing.next(), differing.next()) {
        (Some((x, y)), None) => slip(x, y),
        _ => false,
    }
}

/// Whether word `y` is word `x` with one slip of the keyboard: two
/// neighbouring letters swapped (`deahts`), one letter left out or typed
/// twice (`ratificaton`, `favour`), in a word of at least
/// [`ONE_EDIT_FROM`] letters; or one letter typed for another in a word of
/// at least [`SUBSTITUTION_FROM`] (`participents`): in a shorter word one
/// letter more often makes another word (`stage`/`state`, `height`/`weight`).
fn slip(x: &str, y: &str) -> bool {
    let (cx, cy): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
    if cx.iter().chain(&cy).any(char::is_ascii_digit) || strsim::osa_distance(x, y) != 1 {
        return false;
    }
    let longer = cx.len().max(cy.len());
    if cx.len() != cy.len() {
        return longer >= ONE_EDIT_FROM;
    }
    let at: Vec<usize> = (0..cx.len()).filter(|&i| cx[i] != cy[i]).collect();
    let swapped = at.len() == 2 && at[1] == at[0] + 1;
    if swapped {
        longer >= ONE_EDIT_FROM - 1
    } else {
        longer >= SUBSTITUTION_FROM
    }
}

/// The pairs (i < j) of near names of one subject, in order.
fn near_pairs(names: &[&str], keys: &[String]) -> Vec<(usize, usize)> {
    if names.len() <= PAIRWISE_UP_TO {
        near_pairs_pairwise(names, keys)
    } else {
        near_pairs_blocked(names, keys)
    }
}

fn near_pairs_pairwise(names: &[&str], keys: &[String]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for i in 0..names.len() {
        for j in i + 1..names.len() {
            if near(names[i], &keys[i], names[j], &keys[j]) {
                out.push((i, j));
            }
        }
    }
    out
}

/// [`near_pairs_pairwise`] without comparing every pair: near keys are at
/// most one edit apart, and two keys one edit apart share a variant made by
/// deleting at most one character from each (a transposition too: "ab" and
/// "ba" share "a"), so only keys sharing a variant, and carrying the same
/// numbers, are compared.
fn near_pairs_blocked(names: &[&str], keys: &[String]) -> Vec<(usize, usize)> {
    let mut by_variant: HashMap<String, Vec<usize>, foldhash::fast::FixedState> = HashMap::default();
    for (i, k) in keys.iter().enumerate() {
        let chars: Vec<char> = k.chars().collect();
        // Near keys are one edit apart at most: one deletion from each meets.
        let deletions = match chars.len() {
            n if n > LONGEST_KEY => 0,
            n if n >= ONE_EDIT_FROM - 1 => 1, // one deletion from a key one longer may meet it
            _ => 0,
        };
        // Near names carry the same numbers: keys that differ in them
        // (`close_20130101`, `close_20130102`) are never put together.
        let numbers = numbers(names[i]).join(" ");
        let mut variants = vec![chars.clone()];
        let mut frontier = vec![chars];
        for _ in 0..deletions {
            let mut next = Vec::new();
            for v in &frontier {
                for d in 0..v.len() {
                    let mut w = v.clone();
                    w.remove(d);
                    next.push(w);
                }
            }
            next.sort();
            next.dedup();
            variants.extend(next.iter().cloned());
            frontier = next;
        }
        variants.sort();
        variants.dedup();
        for v in variants {
            let mut block: String = v.into_iter().collect();
            block.push('\u{0}');
            block.push_str(&numbers);
            by_variant.entry(block).or_default().push(i);
        }
    }
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for group in by_variant.values() {
        for (x, &i) in group.iter().enumerate() {
            for &j in &group[x + 1..] {
                candidates.push((i.min(j), i.max(j)));
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    candidates.retain(|&(i, j)| near(names[i], &keys[i], names[j], &keys[j]));
    candidates
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_near(a: &str, b: &str) -> bool {
        near(a, &key(a), b, &key(b))
    }

    #[test]
    fn singular_plural_separators_and_case_are_one_key() {
        assert_eq!(key("vehicles_count"), "vehicle_count");
        assert_eq!(key("Vehicle-Count"), "vehicle_count");
        assert_eq!(key("deaths"), "death");
        assert_eq!(key("casualties"), "casualty");
        assert_eq!(key("status"), "status");
        assert_eq!(key("press__basis"), "press_basis");
        assert_eq!(key("bus"), "bus");
    }

    #[test]
    fn near_names_are_slips_not_other_properties() {
        for (a, b) in [
            ("vehicles_count", "vehicle_count"),
            ("death", "deaths"),
            ("cost", "costs"),
            ("in_favor", "in_favour"),
            ("deahts", "deaths"),
            ("vehicle_cuont", "vehicle_count"),
            ("participants", "participents"),
            ("ratification_date", "ratificaton_dates"),
            ("death_toll", "death-toll"),
            ("death_toll", "deathtoll"),
        ] {
            assert!(is_near(a, b), "{a} / {b}");
            assert!(is_near(b, a), "{b} / {a}");
        }
        for (a, b) in [
            ("date", "data"),       // too short for an edit
            ("min_age", "max_age"), // two edits in a short name
            ("deaths", "births"),
            ("male_deaths", "female_deaths"),
            ("q1_revenue", "q2_revenue"), // digits differ
            ("round_1_date", "round_2_date"),
            ("start_date", "end_date"),
            ("arrival_time", "arrival_date"),
            ("date", "date"),
            // Real pairs: another word, not a slip of one.
            ("height", "weight"),
            ("stage", "state"),
            ("total_exports", "total_imports"),
            ("import_tariff", "export_tariff"),
            ("minimum_temperature", "maximum_temperature"),
            ("male_population", "female_population"),
            ("north_korea_deaths", "south_korea_deaths"),
            ("eastern_front_date", "western_front_date"),
            ("p10_1", "p1_01"), // numbers differ
            ("round_1_1", "round_11"),
        ] {
            assert!(!is_near(a, b), "{a} / {b}");
        }
    }

    /// The blocked search finds exactly the pairs a comparison of every pair finds.
    #[test]
    fn blocked_pairs_equal_pairwise() {
        let mut next = crate::testing::random(7);
        const WORDS: &[&str] = &["death", "deaths", "count", "vehicle", "date", "toll", "q1", "casualties", "favor"];
        let mut found = 0;
        for _ in 0..40 {
            let mut names: Vec<String> = Vec::new();
            while names.len() < 60 {
                let s = crate::testing::slipped_phrase(WORDS, "_", 3, &mut next);
                if !names.contains(&s) {
                    names.push(s);
                }
            }
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let keys: Vec<String> = names.iter().map(|n| key(n)).collect();
            let pairwise = near_pairs_pairwise(&names, &keys);
            assert_eq!(near_pairs_blocked(&names, &keys), pairwise, "{names:?}");
            found += pairwise.len();
        }
        assert!(found > 100, "only {found} near pairs: the test compares too little");
    }
}
