//! Candidate blocking for fuzzy name matching: find the registry keys most
//! similar to a name without comparing it with every key.
//!
//! Similarity is [`crate::text::similarity`] (1 − Damerau–Levenshtein
//! distance / longer length). Two cheap lower bounds on the distance `d`
//! prune keys before the exact (costly) distance is computed:
//! - lengths: `d >= |la − lb|`;
//! - shared bigrams (multiset): each edit (insertion, deletion, substitution
//!   or transposition of neighbours) destroys at most 3 of a string's
//!   bigrams, so `d >= (max(ga, gb) − common) / 3`;
//! - shared characters (multiset): every character of the longer string that
//!   is not matched to an equal one costs an edit, so `d >= max(la, lb) − common`.
//!
//! [`KeyIndex::above`] finds every key at or above a threshold through an
//! inverted index of bigrams, scanning only the rarest bigrams of the name
//! (a key that shares none of them cannot reach the threshold: prefix
//! filtering). [`KeyIndex::walk`] walks keys in order of their upper bound
//! and stops as soon as no unseen key can enter the result (branch and bound).
//! Both return exactly what a scan of every key would: `tests` check that on
//! random names.
//!
//! Pure: no I/O.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::text::similarity;

/// A bigram as one number: the two characters' code points.
type Gram = u64;

/// A fast hash for bigram codes (FxHash's multiply-rotate step): the keys
/// are our own small integers, not input an attacker could aim at the map.
#[derive(Default)]
struct GramHasher(u64);

impl Hasher for GramHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type GramMap<V> = HashMap<Gram, V, BuildHasherDefault<GramHasher>>;

thread_local! {
    /// Per-thread counters of shared bigrams, one per key, kept at zero between queries.
    static COUNTS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// Keys (folded names), indexed for similarity search.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeyIndex {
    keys: Vec<String>,
    lens: Vec<u32>,
    chars: Vec<[u8; HIST]>,
    /// Each key's bigrams, sorted, with their counts.
    grams: Vec<Vec<(Gram, u16)>>,
    /// bigram -> (key, how often the key has it, the key's length in characters).
    postings: GramMap<Vec<(u32, u16, u16)>>,
}

const HIST: usize = 38;

fn bucket(c: char) -> usize {
    match c {
        'a'..='z' => c as usize - 'a' as usize,
        '0'..='9' => 26 + c as usize - '0' as usize,
        ' ' => 36,
        _ => 37,
    }
}

fn histogram(s: &str) -> [u8; HIST] {
    let mut h = [0u8; HIST];
    for c in s.chars() {
        let b = &mut h[bucket(c)];
        *b = b.saturating_add(1);
    }
    h
}

/// The distinct bigrams of `s`, each with how often it occurs, sorted.
fn bigrams(s: &str) -> Vec<(Gram, u16)> {
    let mut all: Vec<Gram> =
        s.chars().zip(s.chars().skip(1)).map(|(a, b)| (u64::from(a) << 32) | u64::from(b)).collect();
    all.sort_unstable();
    let mut out: Vec<(Gram, u16)> = Vec::with_capacity(all.len());
    for g in all {
        match out.last_mut() {
            Some((last, n)) if *last == g => *n += 1,
            _ => out.push((g, 1)),
        }
    }
    out
}

/// How many bigrams two sorted bigram lists share (as multisets).
fn common(a: &[(Gram, u16)], b: &[(Gram, u16)]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += usize::from(a[i].1.min(b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Upper bound of the similarity of strings of `la` and `lb` characters
/// whose distance is at least `d`, computed as `similarity` computes it.
fn bound(d: usize, la: usize, lb: usize) -> f64 {
    let m = la.max(lb);
    if m == 0 {
        return 1.0;
    }
    1.0 - (d as f64) / (m as f64)
}

struct Query {
    key: String,
    len: usize,
    hist: [u8; HIST],
    grams: Vec<(Gram, u16)>,
}

impl Query {
    fn new(key: &str) -> Query {
        Query { key: key.to_string(), len: key.chars().count(), hist: histogram(key), grams: bigrams(key) }
    }
}

impl KeyIndex {
    pub fn new(keys: Vec<String>) -> KeyIndex {
        let mut postings: GramMap<Vec<(u32, u16, u16)>> = GramMap::default();
        for (i, k) in keys.iter().enumerate() {
            for (g, n) in bigrams(k) {
                let len = u16::try_from(k.chars().count()).unwrap_or(u16::MAX);
                postings.entry(g).or_default().push((i as u32, n, len));
            }
        }
        // Each list sorted by key length, so a search reads only the lengths it can match.
        for list in postings.values_mut() {
            list.sort_unstable_by_key(|&(i, _, len)| (len, i));
        }
        let lens = keys.iter().map(|k| k.chars().count() as u32).collect();
        let chars = keys.iter().map(|k| histogram(k)).collect();
        let grams = keys.iter().map(|k| bigrams(k)).collect();
        KeyIndex { keys, lens, chars, grams, postings }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub fn key(&self, i: usize) -> &str {
        &self.keys[i]
    }

    /// Lower bound of the distance from the query to key `i`, given an upper
    /// bound of their common bigrams.
    fn distance_floor(&self, q: &Query, i: usize, common_grams: usize) -> usize {
        let lb = self.lens[i] as usize;
        let la = q.len;
        let grams = la.saturating_sub(1).max(lb.saturating_sub(1));
        let by_grams = grams.saturating_sub(common_grams).div_ceil(3);
        let common_chars: usize = q.hist.iter().zip(&self.chars[i]).map(|(a, b)| usize::from(*a.min(b))).sum();
        let by_chars = la.max(lb).saturating_sub(common_chars);
        la.abs_diff(lb).max(by_grams).max(by_chars)
    }

    /// Every key whose similarity to `key` is at least `threshold` (> 0),
    /// with its score, in index order.
    pub fn above(&self, key: &str, threshold: f64) -> Vec<(usize, f64)> {
        let q = Query::new(key);
        let la = q.len;
        let ga = la.saturating_sub(1);
        // The fewest bigrams a key at or above the threshold shares with the
        // query, over every length such a key can have.
        let mut need = usize::MAX;
        let (mut shortest, mut longest) = (usize::MAX, 0);
        let max_len = (la as f64 / threshold).ceil() as usize + 1;
        for lb in 0..=max_len {
            let m = la.max(lb);
            let dmax = (0..=m).take_while(|&d| bound(d, la, lb) >= threshold).last();
            let Some(dmax) = dmax else { continue };
            if la.abs_diff(lb) > dmax {
                continue;
            }
            let grams = ga.max(lb.saturating_sub(1));
            need = need.min(grams.saturating_sub(3 * dmax));
            shortest = shortest.min(lb);
            longest = longest.max(lb);
        }
        if need == usize::MAX {
            return Vec::new();
        }
        if need == 0 {
            // Too short to block on: compare with every key.
            return (0..self.keys.len())
                .filter_map(|i| {
                    let s = similarity(key, &self.keys[i]);
                    (s >= threshold).then_some((i, s))
                })
                .collect();
        }
        // Skip the most frequent bigrams while a key sharing only those
        // could still not reach `need`: then every key that can shares a
        // scanned one.
        let mut grams: Vec<(Gram, u16, usize)> =
            q.grams.iter().map(|&(g, n)| (g, n, self.postings.get(&g).map_or(0, Vec::len))).collect();
        grams.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
        let mut skipped = 0usize;
        let mut first = 0;
        while first < grams.len() && skipped + usize::from(grams[first].1) < need {
            skipped += usize::from(grams[first].1);
            first += 1;
        }
        let mut touched: Vec<u32> = Vec::new();
        let mut out: Vec<(usize, f64)> = COUNTS.with(|counts| {
            let mut counts = counts.borrow_mut();
            counts.resize(self.keys.len(), 0);
            for &(g, n, _) in &grams[first..] {
                let list = self.postings.get(&g).map_or(&[][..], Vec::as_slice);
                let from = list.partition_point(|&(_, _, len)| usize::from(len) < shortest);
                let to = list.partition_point(|&(_, _, len)| usize::from(len) <= longest);
                for &(i, kn, _) in &list[from..to] {
                    let c = &mut counts[i as usize];
                    if *c == 0 {
                        touched.push(i);
                    }
                    *c += u32::from(n.min(kn));
                }
            }
            touched
                .iter()
                .filter_map(|&i| {
                    let i = i as usize;
                    let c = std::mem::take(&mut counts[i]) as usize;
                    // The cheapest bound first: bigrams counted in the scanned lists.
                    let lb = self.lens[i] as usize;
                    let grams = ga.max(lb.saturating_sub(1));
                    let by_grams = grams.saturating_sub(c + skipped).div_ceil(3).max(la.abs_diff(lb));
                    if bound(by_grams, la, lb) < threshold {
                        return None;
                    }
                    // Then the characters they share, then all the bigrams.
                    if bound(self.distance_floor(&q, i, c + skipped), la, lb) < threshold {
                        return None;
                    }
                    let floor = self.distance_floor(&q, i, common(&q.grams, &self.grams[i]));
                    if bound(floor, la, self.lens[i] as usize) < threshold {
                        return None;
                    }
                    let s = similarity(key, &self.keys[i]);
                    (s >= threshold).then_some((i, s))
                })
                .collect()
        });
        out.sort_by_key(|&(i, _)| i);
        out
    }

    /// Score keys in decreasing order of their upper bound: `visit(score,
    /// key, floor)` is called for each, where `floor` is a score no key not
    /// yet visited can exceed; it returns true to stop. A caller that keeps
    /// the best keys by (score descending, key ascending) may stop once its
    /// worst kept score is above `floor`: what it kept is what a full scan
    /// would give.
    pub fn walk(&self, key: &str, mut visit: impl FnMut(f64, usize, f64) -> bool) {
        let q = Query::new(key);
        let mut common: Vec<u32> = vec![0; self.keys.len()];
        for &(g, n) in &q.grams {
            for &(i, kn, _) in self.postings.get(&g).map_or(&[][..], Vec::as_slice) {
                common[i as usize] += u32::from(n.min(kn));
            }
        }
        let mut order: Vec<(f64, usize)> = (0..self.keys.len())
            .map(|i| (bound(self.distance_floor(&q, i, common[i] as usize), q.len, self.lens[i] as usize), i))
            .collect();
        order.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for (n, &(_, i)) in order.iter().enumerate() {
            let floor = order.get(n + 1).map_or(f64::NEG_INFINITY, |o| o.0);
            if visit(similarity(&q.key, &self.keys[i]), i, floor) {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    /// A small fixed generator, so the test is the same on every run.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> usize {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (self.0 >> 33) as usize
        }
    }

    const WORDS: &[&str] = &[
        "geneva",
        "ii",
        "conference",
        "lisbon",
        "water",
        "summit",
        "2013",
        "talks",
        "kerry",
        "lavrov",
        "sergey",
        "un",
        "peace",
        "syria",
        "iii",
        "council",
        "united",
        "nations",
        "é",
        "z",
        "security",
    ];

    fn name(rng: &mut Rng) -> String {
        let n = 1 + rng.next() % 4;
        let mut s: Vec<char> =
            (0..n).map(|_| WORDS[rng.next() % WORDS.len()]).collect::<Vec<_>>().join(" ").chars().collect();
        // Typing slips: drop, double, swap or replace a letter.
        for _ in 0..rng.next() % 3 {
            if s.len() < 2 {
                break;
            }
            let i = rng.next() % (s.len() - 1);
            match rng.next() % 4 {
                0 => {
                    s.remove(i);
                }
                1 => s.insert(i, s[i]),
                2 => s.swap(i, i + 1),
                _ => s[i] = (b'a' + (rng.next() % 26) as u8) as char,
            }
        }
        fold(&s.into_iter().collect::<String>())
    }

    fn full_scan(keys: &[String], q: &str) -> Vec<(f64, usize)> {
        let mut v: Vec<(f64, usize)> = keys.iter().enumerate().map(|(i, k)| (similarity(q, k), i)).collect();
        v.sort_by(|a, b| b.0.total_cmp(&a.0).then(keys[a.1].cmp(&keys[b.1])));
        v
    }

    #[test]
    fn above_equals_a_full_scan_on_random_names() {
        let mut rng = Rng(7);
        let mut keys: Vec<String> = (0..400).map(|_| name(&mut rng)).filter(|k| !k.is_empty()).collect();
        keys.sort();
        keys.dedup();
        let index = KeyIndex::new(keys.clone());
        for _ in 0..150 {
            let q = name(&mut rng);
            for t in [0.85, 0.6] {
                let mut want: Vec<(usize, f64)> =
                    full_scan(&keys, &q).into_iter().filter(|(s, _)| *s >= t).map(|(s, i)| (i, s)).collect();
                want.sort_by_key(|&(i, _)| i);
                assert_eq!(index.above(&q, t), want, "query {q:?} threshold {t}");
            }
        }
    }

    #[test]
    fn walk_top_three_equals_a_full_scan_on_random_names() {
        let mut rng = Rng(11);
        let mut keys: Vec<String> = (0..400).map(|_| name(&mut rng)).filter(|k| !k.is_empty()).collect();
        keys.sort();
        keys.dedup();
        let index = KeyIndex::new(keys.clone());
        for _ in 0..400 {
            let q = name(&mut rng);
            let mut got: Vec<(f64, usize)> = Vec::new();
            index.walk(&q, |s, i, floor| {
                got.push((s, i));
                got.sort_by(|a, b| b.0.total_cmp(&a.0).then(keys[a.1].cmp(&keys[b.1])));
                got.truncate(3);
                got.len() == 3 && got[2].0 > floor
            });
            let want = full_scan(&keys, &q);
            assert_eq!(got[..3.min(got.len())], want[..3.min(want.len())], "query {q:?}");
        }
    }
}
