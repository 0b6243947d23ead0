//! Resolve: match names to the entity registry.
//!
//! A name resolves, in this order:
//! 1. exactly, after folding (case, accents, punctuation), to an entity's
//!    name or one of its aliases; a name beginning with "the" that matches
//!    none as written, without the article ("the United States");
//! 2. fuzzily, to the most similar name or alias whose similarity
//!    (normalized Damerau–Levenshtein on the folded text) is at least
//!    [`FUZZY_THRESHOLD`] — but only when both carry the same numbers, so that
//!    "Geneva III" never becomes "Geneva II" — reported as a warning;
//! 3. otherwise it stands alone, under its own folded name, with a warning
//!    listing the nearest registry names.
//!
//! Pure: no I/O; diagnostics are returned, not printed.

use std::collections::HashMap;
use std::sync::Arc;

use crate::error::Diagnostic;
use crate::fuzzy::{KeyIndex, OneEdit};
use crate::model::Entity;
use crate::text::{fold, slug};

/// Lowest similarity (0..1) at which a name is taken for a registry name.
pub const FUZZY_THRESHOLD: f64 = 0.85;
/// Folded names shorter than this are never matched fuzzily.
pub const FUZZY_MIN_CHARS: usize = 5;
/// Thresholds tried before [`FUZZY_THRESHOLD`], highest first: the same answer, found faster.
const FUZZY_STEPS: &[f64] = &[0.95, 0.9];

/// The registry, indexed for lookup.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Registry {
    pub entities: Vec<Entity>,
    /// Folded name or alias -> entity index.
    exact: HashMap<String, usize>,
    /// Entity index of each key of `index`.
    key_entity: Vec<usize>,
    /// Folded names and aliases, indexed for fuzzy search (`fuzzy.rs`).
    index: KeyIndex,
}

/// How a name was matched.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolution {
    Exact(usize),
    Fuzzy {
        entity: usize,
        matched: String,
        score: f64,
    },
    /// `nearest`: the three most similar entities, or `None` when they were
    /// not looked for ([`resolve_all`] looks for them for a bounded number
    /// of names: [`Registry::nearest_limit`]).
    Unresolved {
        nearest: Option<Vec<Near>>,
    },
}

/// A registry entity near a name that resolved to none: its name, the
/// similarity of its most similar key, and that key's spelling as the
/// registry writes it when it is an alias, not the name.
#[derive(Debug, Clone, PartialEq)]
pub struct Near {
    pub name: String,
    pub score: f64,
    pub alias: Option<String>,
}

impl Near {
    /// The score as shown: cut (not rounded) to two decimals, so that a
    /// score below [`FUZZY_THRESHOLD`] never shows as reaching it (0.846
    /// is "0.84", not "0.85").
    pub fn shown_score(&self) -> String {
        shown_score(self.score)
    }
}

/// A similarity cut to two decimals ([`Near::shown_score`]); a score a
/// rounding error below a hundredth (0.85 computed as 0.8499999999999999)
/// keeps it.
pub fn shown_score(score: f64) -> String {
    let hundredths = (score * 100.0 + 1e-9).floor().clamp(0.0, 100.0);
    format!("{:.2}", hundredths / 100.0)
}

/// What a name stands for after resolution: a registry entity, or itself.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityRef {
    /// The entity's id (slug of its name), or the slug of the unresolved name.
    pub id: String,
    /// The entity's name, or the name as written.
    pub name: String,
    pub resolved: bool,
}

impl Registry {
    /// Index the entities. An alias (or name) claimed by two entities, or two
    /// entities with one id, is an error; the first keeps it.
    pub fn build(entities: Vec<Entity>) -> (Registry, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut exact: HashMap<String, usize> = HashMap::new();
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            if fold(&e.name).is_empty() {
                diags.push(
                    Diagnostic::error(Some(e.loc.clone()), format!("entity name '{}' has no letter or digit", e.name))
                        .with_help("a name is matched by its letters and digits; write the name as the articles do"),
                );
                continue;
            }
            if let Some(&j) = ids.get(e.id.as_str()) {
                diags.push(
                    Diagnostic::error(Some(e.loc.clone()), format!("entity '{}' is listed twice", e.name)).with_help(
                        format!(
                            "'{}' (line {}) has the same name; merge them and list the other spellings as aliases",
                            entities[j].name, entities[j].loc.line
                        ),
                    ),
                );
                continue;
            }
            ids.insert(&e.id, i);
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                let key = fold(name);
                if key.is_empty() {
                    diags.push(
                        Diagnostic::error(
                            Some(e.loc.clone()),
                            format!("entity '{}' has an alias '{name}' with no letter or digit", e.name),
                        )
                        .with_help("remove it, or write the alias as the articles spell it"),
                    );
                    continue;
                }
                match exact.get(&key) {
                    Some(&j) if j != i => diags.push(
                        Diagnostic::error(
                            Some(e.loc.clone()),
                            format!("'{name}' is a name or alias of both '{}' and '{}'", entities[j].name, e.name),
                        )
                        .with_help("a name must point to one entity; remove it from one of them"),
                    ),
                    Some(_) => {}
                    None => {
                        exact.insert(key, i);
                    }
                }
            }
        }
        let mut keys: Vec<(String, usize)> = exact.iter().map(|(k, &i)| (k.clone(), i)).collect();
        keys.sort();
        let key_entity = keys.iter().map(|(_, i)| *i).collect();
        let index = KeyIndex::new(keys.into_iter().map(|(k, _)| k).collect());
        (Registry { entities, exact, key_entity, index }, diags)
    }

    /// The entity whose name or alias `name` is, after folding; no fuzzy
    /// matching. A name that begins with the article "the" and matches
    /// nothing as written is matched without it ([`without_article`]).
    pub fn exact(&self, name: &str) -> Option<usize> {
        self.exact_folded(&fold(name))
    }

    /// [`Registry::exact`] of a folded name: the key as written first, then
    /// without a leading "the" ("the united states" is "united states"
    /// when no name or alias is "the united states").
    fn exact_folded(&self, key: &str) -> Option<usize> {
        self.exact.get(key).or_else(|| without_article(key).and_then(|k| self.exact.get(k))).copied()
    }

    pub fn resolve(&self, name: &str) -> Resolution {
        self.resolve_near(name, None)
    }

    /// An index of the keys one edit away from a name, for [`Registry::resolve_near`].
    pub fn one_edit(&self) -> OneEdit {
        OneEdit::new(&self.index)
    }

    /// [`Registry::resolve`], looking first at the keys one edit away from
    /// the name when `near` indexes them (the same answer, found faster).
    pub fn resolve_near(&self, name: &str, near: Option<&OneEdit>) -> Resolution {
        self.resolve_with(name, near, true)
    }

    /// How many names not in the registry [`resolve_all`] lists the nearest
    /// registry names for: a search visits every key of the registry, so
    /// the searches are bounded to about [`NEAREST_KEY_VISITS`] key visits in
    /// all, and never fewer than [`NEAREST_AT_LEAST`] names.
    pub fn nearest_limit(&self) -> usize {
        NEAREST_AT_LEAST.max(NEAREST_KEY_VISITS / self.index.len().max(1))
    }

    /// [`Registry::resolve_near`]; an unresolved name's nearest registry names
    /// are looked for only when `nearest` is set.
    fn resolve_with(&self, name: &str, near: Option<&OneEdit>, nearest: bool) -> Resolution {
        let key = fold(name);
        if let Some(i) = self.exact_folded(&key) {
            return Resolution::Exact(i);
        }
        // The first key of a full scan sorted by (similarity descending, key
        // ascending) that reaches the threshold and carries the same numbers;
        // `fuzzy.rs` finds the keys at or above the threshold without the scan.
        let numbers = numbers_in(&key);
        // A key one edit away outranks every key further: with `s` its score
        // (1 − 1/M, M its or the name's length, so M ≥ the name's length n),
        // a key K at distance d ≥ 2 scoring s or more has d/M_K ≤ 1/M, so
        // M_K ≥ 2M ≥ 2n, K is the longer and d ≥ M_K − n ≥ M_K/2: K scores
        // 1/2 at most, below s (n ≥ FUZZY_MIN_CHARS). So the best key one
        // edit away that carries the name's numbers is the first such key of
        // the full scan; if it scores below the threshold, no key reaches it.
        if let Some(near) = near.filter(|_| key.chars().count() >= FUZZY_MIN_CHARS) {
            let best = near
                .neighbours(&self.index, &key)
                .into_iter()
                .filter(|&k| numbers_in(self.index.key(k)) == numbers)
                .map(|k| (self.index.one_edit_similarity(k, key.chars().count()), k))
                .min_by(|a, b| b.0.total_cmp(&a.0).then(self.index.key(a.1).cmp(self.index.key(b.1))));
            match best {
                Some((score, k)) if score >= FUZZY_THRESHOLD => {
                    let matched = self.index.key(k).to_string();
                    return Resolution::Fuzzy { entity: self.key_entity[k], matched, score };
                }
                Some(_) => return self.unresolved(&key, nearest),
                None => {}
            }
        }
        //
        // Searched at rising thresholds down to FUZZY_THRESHOLD (a higher
        // threshold blocks far fewer candidates, and most misspellings are one
        // slip away): a hit found at threshold t is the answer of the full
        // search, because every key sorted before it scores at least as high,
        // hence at least t, and so was among the hits.
        if key.chars().count() >= FUZZY_MIN_CHARS {
            // With the keys one edit away looked at already, the higher
            // thresholds would rarely find anything: search once, at the threshold.
            let steps = if near.is_some() { &[][..] } else { FUZZY_STEPS };
            for threshold in steps.iter().copied().filter(|&t| t > FUZZY_THRESHOLD).chain([FUZZY_THRESHOLD]) {
                let mut hits = self.index.above(&key, threshold);
                hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(self.index.key(a.0).cmp(self.index.key(b.0))));
                if let Some(&(k, score)) = hits.iter().find(|(k, _)| numbers_in(self.index.key(*k)) == numbers) {
                    let matched = self.index.key(k).to_string();
                    return Resolution::Fuzzy { entity: self.key_entity[k], matched, score };
                }
            }
        }
        self.unresolved(&key, nearest)
    }

    /// A name (folded: `key`) that matches no key well enough: it stands
    /// alone, with the three most similar entities (by their best key), in
    /// that order, when `search` is set.
    fn unresolved(&self, key: &str, search: bool) -> Resolution {
        if !search {
            return Resolution::Unresolved { nearest: None };
        }
        Resolution::Unresolved { nearest: Some(self.nearest(key)) }
    }

    /// The three entities most similar to a folded name, by their best key.
    fn nearest(&self, key: &str) -> Vec<Near> {
        let mut best: Vec<(f64, usize, usize)> = Vec::new(); // (score, key, entity)
        let before = |a: &(f64, usize, usize), b: &(f64, usize, usize)| {
            b.0.total_cmp(&a.0).then(self.index.key(a.1).cmp(self.index.key(b.1)))
        };
        self.index.walk(key, |score, k| {
            let candidate = (score, k, self.key_entity[k]);
            let name = &self.entities[candidate.2].name;
            match best.iter().position(|b| &self.entities[b.2].name == name) {
                Some(p) if before(&candidate, &best[p]).is_lt() => best[p] = candidate,
                Some(_) => {}
                None => best.push(candidate),
            }
            best.sort_by(before);
            best.truncate(3);
            // A key scoring below the third kept cannot enter: as another entity it
            // would come fourth, as a kept one it would not beat its own score.
            if best.len() == 3 {
                best[2].0
            } else {
                f64::NEG_INFINITY
            }
        });
        best.iter().map(|b| self.near(b.2, self.index.key(b.1), b.0)).collect()
    }

    /// Entity `entity` as near a name, through its key `key` (folded) scoring `score`.
    fn near(&self, entity: usize, key: &str, score: f64) -> Near {
        let e = &self.entities[entity];
        let alias = if fold(&e.name) == key { None } else { e.aliases.iter().find(|a| fold(a) == key).cloned() };
        Near { name: e.name.clone(), score, alias }
    }

    /// What `name` stands for; unresolved names stand for themselves.
    pub fn entity_ref(&self, name: &str, resolution: &Resolution) -> EntityRef {
        match resolution {
            Resolution::Exact(i) | Resolution::Fuzzy { entity: i, .. } => {
                let e = &self.entities[*i];
                EntityRef { id: e.id.clone(), name: e.name.clone(), resolved: true }
            }
            Resolution::Unresolved { .. } => {
                EntityRef { id: slug(name), name: name.trim().to_string(), resolved: false }
            }
        }
    }
}

/// A folded name without its leading article "the" ("the netherlands" ->
/// "netherlands"), when it has one and something follows it.
fn without_article(key: &str) -> Option<&str> {
    key.strip_prefix("the ").filter(|rest| !rest.is_empty())
}

/// The numbers a folded name carries, Roman numerals included:
/// "geneva ii" and "geneva 2" both carry [2].
fn numbers_in(key: &str) -> Vec<u32> {
    key.split(' ').filter_map(|t| t.parse::<u32>().ok().or_else(|| roman(t))).collect()
}

fn roman(token: &str) -> Option<u32> {
    const NUMERALS: &[&str] = &["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];
    NUMERALS.iter().position(|n| *n == token).map(|p| p as u32 + 1)
}

/// Every distinct name resolved once, in name order (for warnings and caching).
/// Key visits that [`resolve_all`]'s searches for the nearest registry
/// names of unresolved names may take in all (about two CPU-seconds; more
/// only where [`NEAREST_AT_LEAST`] names take more, in a registry of over
/// 100,000 keys).
pub const NEAREST_KEY_VISITS: usize = 20_000_000;
/// Unresolved names that get their nearest registry names whatever the
/// registry's size.
pub const NEAREST_AT_LEAST: usize = 200;

/// Every name resolved once. An unresolved name's nearest registry names
/// are looked for only for the first [`Registry::nearest_limit`] of them in
/// the order of their characters' code points (alphabetical for plain
/// Latin letters; each search visits every key of the registry: 20,000
/// names not in a registry of 50,000 took a minute and a half); the others
/// have `nearest: None`. Which names those are depends on the names alone,
/// not on threads or files.
pub fn resolve_all<'a>(registry: &Registry, names: impl IntoIterator<Item = &'a str>) -> Resolutions<'a> {
    resolve_all_within(registry, names, registry.nearest_limit())
}

fn resolve_all_within<'a>(
    registry: &Registry,
    names: impl IntoIterator<Item = &'a str>,
    nearest_limit: usize,
) -> Resolutions<'a> {
    use rayon::prelude::*;
    let mut names: Vec<&'a str> = names.into_iter().collect();
    names.par_sort_unstable();
    names.dedup();
    // Many names: most misspelled ones are a key one edit away.
    let near = (names.len() >= ONE_EDIT_FROM).then(|| registry.one_edit());
    let mut resolved: Vec<(&'a str, Resolution, Arc<EntityRef>)> = names
        .par_iter()
        .map(|&n| {
            let r = registry.resolve_with(n, near.as_ref(), false);
            let e = Arc::new(registry.entity_ref(n, &r));
            (n, r, e)
        })
        .collect();
    // The names are sorted (by code point): the first unresolved ones get their nearest names.
    let searched: Vec<usize> = (0..resolved.len())
        .filter(|&i| matches!(resolved[i].1, Resolution::Unresolved { .. }))
        .take(nearest_limit)
        .collect();
    let found: Vec<Vec<Near>> = searched.par_iter().map(|&i| registry.nearest(&fold(resolved[i].0))).collect();
    for (i, nearest) in searched.into_iter().zip(found) {
        resolved[i].1 = Resolution::Unresolved { nearest: Some(nearest) };
    }
    let mut index = HashMap::with_capacity_and_hasher(resolved.len(), foldhash::fast::FixedState::default());
    for (i, (n, _, _)) in resolved.iter().enumerate() {
        index.insert(*n, i);
    }
    Resolutions { index, names: resolved }
}

/// From this many names on, [`resolve_all`] indexes the keys one edit away
/// from a name ([`OneEdit`]) before resolving them (building it costs about
/// as much as a hundred fuzzy searches).
const ONE_EDIT_FROM: usize = 256;

/// Every distinct name of a corpus, resolved once ([`resolve_all`]), with
/// what it stands for: one [`EntityRef`] per name, shared by every claim
/// that uses it.
#[derive(Debug, Default)]
pub struct Resolutions<'a> {
    index: HashMap<&'a str, usize, foldhash::fast::FixedState>,
    /// By name.
    pub names: Vec<(&'a str, Resolution, Arc<EntityRef>)>,
}

impl Resolutions<'_> {
    /// How `name` was resolved, if it is one of the names.
    pub fn get(&self, name: &str) -> Option<&Resolution> {
        self.index.get(name).map(|&i| &self.names[i].1)
    }

    /// What `name` stands for, if it is one of the names.
    pub fn entity_of(&self, name: &str) -> Option<&EntityRef> {
        self.index.get(name).map(|&i| &*self.names[i].2)
    }

    /// What `name` stands for: shared when it is one of the names, else
    /// resolved now.
    pub fn entity(&self, registry: &Registry, name: &str) -> Arc<EntityRef> {
        match self.index.get(name) {
            Some(&i) => Arc::clone(&self.names[i].2),
            None => Arc::new(registry.entity_ref(name, &registry.resolve(name))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Loc;
    use crate::model::EntityKind;
    use std::path::Path;
    use std::sync::Arc;

    fn entity(name: &str, aliases: &[&str]) -> Entity {
        let file: Arc<Path> = Arc::from(Path::new("entities.yaml"));
        Entity {
            id: slug(name),
            name: name.into(),
            kind: EntityKind::Event,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            loc: Loc::at(&file, 1, 1),
        }
    }

    fn registry() -> Registry {
        let (r, d) = Registry::build(vec![
            entity("Sergey Lavrov", &["Sergei Lavrov", "Lavrov"]),
            entity("Geneva II conference", &["Geneva II", "Geneva 2"]),
            entity("Geneva III talks", &["Geneva III"]),
        ]);
        assert!(d.is_empty(), "{d:?}");
        r
    }

    #[test]
    fn exact_match_ignores_case_accents_and_punctuation() {
        let r = registry();
        assert_eq!(r.resolve("sergéi  LAVROV."), Resolution::Exact(0));
        assert_eq!(r.resolve("Geneva-2"), Resolution::Exact(1));
    }

    #[test]
    fn fuzzy_match_above_threshold_is_reported_with_score() {
        let r = registry();
        match r.resolve("Sergey Lavrow") {
            Resolution::Fuzzy { entity: 0, score, .. } => assert!(score >= FUZZY_THRESHOLD),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn fuzzy_match_never_changes_a_number() {
        let r = registry();
        assert_eq!(r.resolve("Geneva III"), Resolution::Exact(2));
        assert!(matches!(r.resolve("Geneva IV"), Resolution::Unresolved { .. }));
        assert!(matches!(r.resolve("Geneva 4"), Resolution::Unresolved { .. }));
    }

    #[test]
    fn unresolved_names_list_the_nearest() {
        let r = registry();
        let Resolution::Unresolved { nearest: Some(nearest) } = r.resolve("Vladimir Putin") else { panic!() };
        assert_eq!(nearest.len(), 3);
    }

    /// Past the limit, unresolved names (in code-point order) get no
    /// search for their nearest names; the first get the same as alone.
    #[test]
    fn nearest_names_are_searched_for_a_bounded_number_of_names() {
        let r = registry();
        let names = ["Zbigniew Brzezinski", "Vladimir Putin", "Angela Merkel", "Sergei Lavrov"];
        let all = resolve_all_within(&r, names, 2);
        let nearest = |n: &str| match &all.names[all.index[n]].1 {
            Resolution::Unresolved { nearest } => nearest.clone(),
            other => panic!("{n}: {other:?}"),
        };
        assert!(matches!(all.names[all.index["Sergei Lavrov"]].1, Resolution::Exact(_)));
        for n in ["Angela Merkel", "Vladimir Putin"] {
            let Resolution::Unresolved { nearest: alone } = r.resolve(n) else { panic!() };
            assert_eq!(nearest(n), alone, "{n}");
        }
        assert_eq!(nearest("Zbigniew Brzezinski"), None);
        // The limit: never below NEAREST_AT_LEAST, about NEAREST_KEY_VISITS key visits in all.
        assert_eq!(r.nearest_limit(), NEAREST_KEY_VISITS / r.index.len());
        assert!(r.nearest_limit() >= NEAREST_AT_LEAST);
    }

    /// The resolver before candidate blocking: a scan of every key.
    fn resolve_by_scan(r: &Registry, name: &str) -> Resolution {
        let key = fold(name);
        if let Some(i) = r.exact_folded(&key) {
            return Resolution::Exact(i);
        }
        let numbers = numbers_in(&key);
        let mut scored: Vec<(f64, &str, usize)> = (0..r.index.len())
            .map(|k| (crate::text::similarity(&key, r.index.key(k)), r.index.key(k), r.key_entity[k]))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        if key.chars().count() >= FUZZY_MIN_CHARS {
            if let Some(&(score, matched, entity)) =
                scored.iter().find(|(s, k, _)| *s >= FUZZY_THRESHOLD && numbers_in(k) == numbers)
            {
                return Resolution::Fuzzy { entity, matched: matched.to_string(), score };
            }
        }
        let mut nearest: Vec<Near> = Vec::new();
        for (score, key, i) in scored {
            let name = &r.entities[i].name;
            if !nearest.iter().any(|n| &n.name == name) {
                nearest.push(r.near(i, key, score));
            }
            if nearest.len() == 3 {
                break;
            }
        }
        Resolution::Unresolved { nearest: Some(nearest) }
    }

    #[test]
    fn blocked_resolution_equals_a_scan_of_every_key() {
        let mut next = crate::testing::random(42);
        const WORDS: &[&str] = &[
            "Geneva",
            "II",
            "III",
            "2",
            "conference",
            "Lisbon",
            "water",
            "summit",
            "talks",
            "Kerry",
            "Lavrov",
            "Sergey",
            "peace",
            "Syria",
            "council",
            "United",
            "Nations",
            "Zürich",
            "2013",
        ];
        let phrase = |next: &mut dyn FnMut(usize) -> usize| crate::testing::slipped_phrase(WORDS, " ", 4, next);
        let mut entities = Vec::new();
        let mut seen = std::collections::HashSet::new();
        while entities.len() < 150 {
            let name = phrase(&mut next);
            let aliases: Vec<String> = (0..next(3)).map(|_| phrase(&mut next)).collect();
            if fold(&name).is_empty() || !seen.insert(slug(&name)) {
                continue;
            }
            let aliases: Vec<&str> = aliases.iter().map(String::as_str).collect();
            entities.push(entity(&name, &aliases));
        }
        let (r, _) = Registry::build(entities);
        let near = r.one_edit();
        let mut one_edit_away = 0;
        for _ in 0..600 {
            let name = phrase(&mut next);
            let scanned = resolve_by_scan(&r, &name);
            assert_eq!(r.resolve(&name), scanned, "name {name:?}");
            assert_eq!(r.resolve_near(&name, Some(&near)), scanned, "name {name:?}, one edit away first");
            one_edit_away += usize::from(!near.neighbours(&r.index, &fold(&name)).is_empty());
        }
        assert!(one_edit_away > 50, "only {one_edit_away} names had a key one edit away");
        // resolve_all, past ONE_EDIT_FROM names, answers as resolving each alone.
        let names: Vec<String> = (0..2 * ONE_EDIT_FROM).map(|_| phrase(&mut next)).collect();
        let all = resolve_all(&r, names.iter().map(String::as_str));
        assert!(all.names.len() >= ONE_EDIT_FROM, "{} distinct names", all.names.len());
        for name in &names {
            let alone = r.resolve(name);
            assert_eq!(all.get(name), Some(&alone), "name {name:?}");
            assert_eq!(*all.entity(&r, name), r.entity_ref(name, &alone), "name {name:?}");
        }
    }

    /// "the United States" is "United States" when no name or alias is
    /// "the United States"; a registry name with "the" is matched as written.
    #[test]
    fn a_leading_the_is_dropped_only_when_the_name_matches_nothing_as_written() {
        let (r, d) = Registry::build(vec![
            entity("United States", &["US"]),
            entity("Netherlands", &[]),
            entity("The Hague", &[]),
            entity("Gambia", &[]),
            entity("The Gambia river", &["the gambia"]),
        ]);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(r.resolve("the United States"), Resolution::Exact(0));
        assert_eq!(r.resolve("The Netherlands"), Resolution::Exact(1));
        assert_eq!(r.resolve("THE  netherlands."), Resolution::Exact(1));
        assert_eq!(r.exact("the US"), Some(0));
        assert_eq!(r.resolve("The Hague"), Resolution::Exact(2));
        // The name as written has a match of its own: it wins.
        assert_eq!(r.resolve("The Gambia"), Resolution::Exact(4));
        assert_eq!(r.resolve("Gambia"), Resolution::Exact(3));
        // Only the word "the", and only in front; "the" alone is no name.
        assert!(!matches!(r.resolve("Theodore Netherlands"), Resolution::Exact(_)));
        assert_eq!(without_article("the"), None);
        assert_eq!(without_article("theo"), None);
    }

    /// 0.846 (two edits in 13 characters) is refused, and never shows as
    /// the threshold; the alias scored is named.
    #[test]
    fn a_refused_score_never_shows_as_the_threshold_and_the_alias_scored_is_named() {
        assert_eq!(shown_score(1.0 - 2.0 / 13.0), "0.84");
        assert_eq!(shown_score(0.85), "0.85");
        assert_eq!(shown_score(1.0 - 3.0 / 20.0), "0.85");
        assert_eq!(shown_score(1.0), "1.00");
        assert_eq!(shown_score(0.0), "0.00");
        let (r, _) = Registry::build(vec![entity("Halden airbag recall", &["Halden recall"])]);
        let Resolution::Unresolved { nearest: Some(nearest) } = r.resolve("Haldn recal") else { panic!() };
        assert_eq!(nearest[0].name, "Halden airbag recall");
        assert_eq!(nearest[0].alias.as_deref(), Some("Halden recall"));
        assert!(nearest[0].score < FUZZY_THRESHOLD && nearest[0].score > 0.84, "{}", nearest[0].score);
        assert_eq!(nearest[0].shown_score(), "0.84");
    }

    #[test]
    fn an_alias_of_two_entities_is_an_error() {
        let (_, d) = Registry::build(vec![entity("A B C", &["Shared"]), entity("D E F", &["shared"])]);
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("both"), "{}", d[0]);
    }
}
