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
    /// The length of the longest key, in characters.
    longest: usize,
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

/// Each character bucket's count in `s`, saturating at 255: a count of 255
/// means "255 or more" (see [`KeyIndex::distance_floor`]).
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
            Some((last, n)) if *last == g => *n = n.saturating_add(1),
            _ => out.push((g, 1)),
        }
    }
    out
}

/// At most how many of a bigram two strings share, from their counts, which
/// saturate at `u16::MAX` ("that many or more"): the smaller count, unless
/// both saturated, when nothing short of their lengths bounds it.
fn shared(n: u16, kn: u16) -> u32 {
    if n == u16::MAX && kn == u16::MAX {
        u32::MAX / 4
    } else {
        u32::from(n.min(kn))
    }
}

/// At most how many bigrams two sorted bigram lists share (as multisets).
fn common(a: &[(Gram, u16)], b: &[(Gram, u16)]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n = n.saturating_add(shared(a[i].1, b[j].1) as usize);
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

/// The positions of each character in a string of at most 64 characters, as
/// bits, for the bit-parallel longest common subsequence.
struct Positions {
    len: usize,
    latin: [u64; 256],
    other: Vec<(char, u64)>,
}

impl Positions {
    fn new(s: &str) -> Option<Positions> {
        let mut p = Positions { len: 0, latin: [0; 256], other: Vec::new() };
        for (i, c) in s.chars().enumerate() {
            if i == 64 {
                return None;
            }
            let bit = 1u64 << i;
            match p.latin.get_mut(c as usize) {
                Some(m) => *m |= bit,
                None => match p.other.iter_mut().find(|(o, _)| *o == c) {
                    Some((_, m)) => *m |= bit,
                    None => p.other.push((c, bit)),
                },
            }
            p.len = i + 1;
        }
        Some(p)
    }

    /// The length of the longest common subsequence of the string and `b`
    /// (Allison–Dix, as Hyyrö writes it: one word operation per character of `b`).
    fn lcs(&self, b: &str) -> usize {
        let mask = if self.len == 64 { u64::MAX } else { (1u64 << self.len) - 1 };
        let mut v = u64::MAX;
        for c in b.chars() {
            let m = match self.latin.get(c as usize) {
                Some(&m) => m,
                None => self.other.iter().find(|(o, _)| *o == c).map_or(0, |&(_, m)| m),
            };
            let u = v & m;
            v = v.wrapping_add(u) | (v - u);
        }
        (!v & mask).count_ones() as usize
    }
}

impl KeyIndex {
    pub fn new(keys: Vec<String>) -> KeyIndex {
        use rayon::prelude::*;
        // Each key's length, characters and bigrams, keys in parallel.
        let lens: Vec<u32> = keys.par_iter().map(|k| k.chars().count() as u32).collect();
        let chars = keys.par_iter().map(|k| histogram(k)).collect();
        let grams: Vec<Vec<(Gram, u16)>> = keys.par_iter().map(|k| bigrams(k)).collect();
        let mut postings: GramMap<Vec<(u32, u16, u16)>> = GramMap::default();
        for (i, key_grams) in grams.iter().enumerate() {
            let len = u16::try_from(lens[i]).unwrap_or(u16::MAX);
            for &(g, n) in key_grams {
                postings.entry(g).or_default().push((i as u32, n, len));
            }
        }
        // Each list sorted by key length, so a search reads only the lengths it can match.
        postings.par_iter_mut().for_each(|(_, list)| list.sort_unstable_by_key(|&(i, _, len)| (len, i)));
        let longest = lens.iter().max().map_or(0, |&l| l as usize);
        KeyIndex { keys, lens, chars, grams, postings, longest }
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

    /// The similarity ([`similarity`]) of key `i` and a string of `chars`
    /// characters one edit apart: 1 − 1 / the longer length, as
    /// `similarity` computes it, without computing the distance.
    pub fn one_edit_similarity(&self, i: usize, chars: usize) -> f64 {
        bound(1, chars, self.lens[i] as usize)
    }

    /// Lower bound of the distance from the query to key `i`, given an upper
    /// bound of their common bigrams.
    fn distance_floor(&self, q: &Query, i: usize, common_grams: usize) -> usize {
        let lb = self.lens[i] as usize;
        let la = q.len;
        let grams = la.saturating_sub(1).max(lb.saturating_sub(1));
        let by_grams = grams.saturating_sub(common_grams).div_ceil(3);
        // Counts saturate at 255: one bucket saturated on both sides could
        // share any number, and then the characters bound nothing.
        let saturated = q.hist.iter().zip(&self.chars[i]).any(|(a, b)| *a == u8::MAX && *b == u8::MAX);
        let common_chars: usize = q.hist.iter().zip(&self.chars[i]).map(|(a, b)| usize::from(*a.min(b))).sum();
        let by_chars = if saturated { 0 } else { la.max(lb).saturating_sub(common_chars) };
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
        // (Only the lengths some key has: a name far longer than every key
        // costs no loop over the lengths it could match.)
        let mut need = usize::MAX;
        let (mut shortest, mut longest) = (usize::MAX, 0);
        let max_len = ((la as f64 / threshold).ceil() as usize + 1).min(self.longest);
        for lb in 0..=max_len {
            let Some(dmax) = max_distance(threshold, la, lb) else { continue };
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
        // (A count that saturated is not skipped: it may stand for more.)
        while first < grams.len() && grams[first].1 < u16::MAX && skipped + usize::from(grams[first].1) < need {
            skipped += usize::from(grams[first].1);
            first += 1;
        }
        let mut touched: Vec<u32> = Vec::new();
        let mut out: Vec<(usize, f64)> = COUNTS.with(|counts| {
            let mut counts = counts.borrow_mut();
            counts.resize(self.keys.len(), 0);
            for &(g, n, _) in &grams[first..] {
                let list = self.postings.get(&g).map_or(&[][..], Vec::as_slice);
                // (A length is kept as at most u16::MAX: that one stands for every longer key.)
                let from = list.partition_point(|&(_, _, len)| usize::from(len) < shortest.min(usize::from(u16::MAX)));
                let to = list.partition_point(|&(_, _, len)| usize::from(len) <= longest);
                for &(i, kn, _) in &list[from..to] {
                    let c = &mut counts[i as usize];
                    if *c == 0 {
                        touched.push(i);
                    }
                    *c = c.saturating_add(shared(n, kn));
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

    /// Score keys in decreasing order of their upper bound. `visit(score,
    /// key)` is called for each key that can still matter and returns the
    /// lowest score that could still change what it keeps (`f64::NEG_INFINITY`
    /// while anything could): keys that score below it are skipped without
    /// computing their whole distance ([`distance_within`]), and the walk
    /// stops once no key left can reach it. A caller that keeps the best keys
    /// by (score descending, key ascending) and returns its worst kept score
    /// once it has all it needs keeps what a full scan would give.
    pub fn walk(&self, key: &str, mut visit: impl FnMut(f64, usize) -> f64) {
        let q = Query::new(key);
        let mut common: Vec<u32> = vec![0; self.keys.len()];
        for &(g, n) in &q.grams {
            for &(i, kn, _) in self.postings.get(&g).map_or(&[][..], Vec::as_slice) {
                common[i as usize] = common[i as usize].saturating_add(shared(n, kn));
            }
        }
        // A fourth floor, often the highest: an edit changes the longest
        // common subsequence by at most one character of the longer string
        // (a substitution or a transposition loses one common character, an
        // insertion or a deletion one at most and moves the longer length by
        // at most one the other way), so `d >= max(la, lb) − lcs`.
        //
        // Keys are taken from a heap in order of (bound descending, key
        // ascending), the order of a sort of every key: each enters with the
        // cheap floors, and gets its LCS floor only when it comes out first
        // (then goes back in). A key comes out for good only with both
        // floors, when no key left can have a higher bound, so keys are
        // visited in the sorted order of their full bounds; most of the keys
        // of a large registry never need their LCS, nor a place in a sort.
        let positions = Positions::new(&q.key);
        let mut heap: std::collections::BinaryHeap<Ranked> = (0..self.keys.len())
            .map(|i| {
                let floor = self.distance_floor(&q, i, common[i] as usize);
                Ranked { bound: bound(floor, q.len, self.lens[i] as usize), key: i, floor, full: positions.is_none() }
            })
            .collect();
        let query: Vec<char> = q.key.chars().collect();
        let mut other: Vec<char> = Vec::new();
        let mut rows = Rows::default();
        let mut need = f64::NEG_INFINITY;
        while let Some(Ranked { bound: upper, key: i, floor, full }) = heap.pop() {
            if upper < need {
                break;
            }
            let lb = self.lens[i] as usize;
            if let (false, Some(p)) = (full, &positions) {
                let floor = floor.max(q.len.max(lb) - p.lcs(&self.keys[i]));
                heap.push(Ranked { bound: bound(floor, q.len, lb), key: i, floor, full: true });
                continue;
            }
            let Some(dmax) = max_distance(need, q.len, lb) else { continue };
            other.clear();
            other.extend(self.keys[i].chars());
            if let Some(d) = distance_within(&query, &other, dmax, &mut rows) {
                need = visit(bound(d, q.len, lb), i);
            }
        }
    }
}

/// A key in [`KeyIndex::walk`]'s heap: the upper bound of its similarity
/// from its distance floor, and whether the floor has all its terms.
/// Greatest first: the highest bound, then the lowest key.
struct Ranked {
    bound: f64,
    key: usize,
    floor: usize,
    full: bool,
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Ranked) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Ranked) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Ranked) -> std::cmp::Ordering {
        self.bound.total_cmp(&other.bound).then(other.key.cmp(&self.key))
    }
}

/// The largest distance `d` between strings of `la` and `lb` characters
/// whose similarity (as `similarity` computes it) is at least `need`; `None`
/// when even equal strings would score below it.
fn max_distance(need: f64, la: usize, lb: usize) -> Option<usize> {
    let m = la.max(lb);
    if bound(0, la, lb) < need {
        return None;
    }
    if m == 0 || need <= 0.0 {
        return Some(m);
    }
    // Near the answer, then exact in the arithmetic `similarity` uses.
    let mut d = (((1.0 - need) * m as f64).floor().max(0.0) as usize).min(m);
    while d < m && bound(d + 1, la, lb) >= need {
        d += 1;
    }
    while d > 0 && bound(d, la, lb) < need {
        d -= 1;
    }
    Some(d)
}

/// The working rows of [`distance_within`], kept between calls.
#[derive(Default)]
struct Rows {
    r: Vec<isize>,
    r1: Vec<isize>,
    fr: Vec<isize>,
    /// Last row (1-based) of each character of `a` seen so far: Latin-1 by
    /// code point, the rest in a short list; -1 when unseen.
    latin: Vec<isize>,
    other: Vec<(char, isize)>,
}

/// The Damerau–Levenshtein distance between `a` and `b` (unrestricted:
/// transposed characters may be edited apart, as `strsim::damerau_levenshtein`
/// computes it, with the same linear-space recurrence of Zhao and Sahni), or
/// `None` as soon as it is known to exceed `max`.
///
/// Stopping early is exact. Write `H[i][j]` for the distance between the
/// first `i` characters of `a` and the first `j` of `b`, `n` and `m` for the
/// lengths; the distance `H[n][m]` is at least `H[i][j] + |(n − i) − (m − j)|`
/// for some cell of every row `i`, so once every cell of a row is above `max`
/// by that measure, so is the distance. Follow the chain of cells the
/// recurrence took `H[n][m]` from: each step costs at least the change it
/// makes to `(n − i) − (m − j)` (a diagonal step none, a row or column step
/// 1, a transposition from `(k − 1, l − 1)` to `(i, j)` costs `x + y − 1`
/// with `x = i − k ≥ 1`, `y = j − l ≥ 1` and changes it by `|x − y|`), so a
/// row the chain visits holds such a cell. A row `r` it jumps over (`k ≤ r <
/// i`) holds one too: the cell `(r, l − 1 + t)`, `u = r − k + 1`, `t = max(0,
/// u + y − x)` is reached from `(k − 1, l − 1)` by `max(u, t)` steps of cost
/// at most 1 each, and `max(u, t)` plus its change of the gap is at most `x +
/// y − 1`. `tests::bounded_distance_is_strsims` checks the result on random
/// strings.
fn distance_within(a: &[char], b: &[char], max: usize, rows: &mut Rows) -> Option<usize> {
    let (len1, len2) = (a.len(), b.len());
    if len1.abs_diff(len2) > max {
        return None;
    }
    let max_val = len1.max(len2) as isize + 1;
    let size = len2 + 2;
    let Rows { r, r1, fr, latin, other } = rows;
    latin.clear();
    latin.resize(256, -1);
    other.clear();
    fr.clear();
    fr.resize(size, max_val);
    r1.clear();
    r1.resize(size, max_val);
    r.clear();
    r.push(max_val);
    r.extend(0..(size - 1) as isize);
    for (i, &ch1) in a.iter().enumerate().map(|(i, c)| (i + 1, c)) {
        std::mem::swap(r, r1);
        let mut last_col_id: isize = -1;
        let mut last_i2l1 = r[1];
        r[1] = i as isize;
        let mut t = max_val;
        // The least distance any alignment through this row can reach: a
        // cell's value plus the gap between the lengths still to align.
        let rest = (len1 - i) as isize - len2 as isize;
        let mut least = r[1] + rest.abs();
        for (j, &ch2) in b.iter().enumerate().map(|(j, c)| (j + 1, c)) {
            let diag = r1[j] + isize::from(ch1 != ch2);
            let left = r[j] + 1;
            let up = r1[j + 1] + 1;
            let mut temp = diag.min(left).min(up);
            if ch1 == ch2 {
                last_col_id = j as isize;
                fr[j + 1] = r1[j - 1];
                t = last_i2l1;
            } else {
                let k = match latin.get(ch2 as usize) {
                    Some(&row) => row,
                    None => other.iter().find(|(o, _)| *o == ch2).map_or(-1, |&(_, row)| row),
                };
                let l = last_col_id;
                if j as isize - l == 1 {
                    temp = temp.min(fr[j + 1] + (i as isize - k));
                } else if i as isize - k == 1 {
                    temp = temp.min(t + (j as isize - l));
                }
            }
            last_i2l1 = r[j + 1];
            r[j + 1] = temp;
            least = least.min(temp + (rest + j as isize).abs());
        }
        if least > max as isize {
            return None;
        }
        if let Some(slot) = latin.get_mut(ch1 as usize) {
            *slot = i as isize;
        } else if let Some(slot) = other.iter_mut().find(|(o, _)| *o == ch1) {
            slot.1 = i as isize;
        } else {
            other.push((ch1, i as isize));
        }
    }
    let d = r[len2 + 1] as usize;
    (d <= max).then_some(d)
}

/// Every key one edit away from a name (Damerau–Levenshtein distance 1: one
/// character substituted, inserted, deleted, or two neighbours swapped),
/// found without a search: two strings one edit apart share a *variant*,
/// the string itself or the string with one character deleted (a
/// substitution at `i`: both without `i`; an insertion: the longer without
/// it, the shorter itself; a swap of `i`, `i + 1`: one without `i`, the other
/// without `i + 1`). Every key's variants are indexed by hash; a name's
/// candidates are the keys sharing a variant hash, each checked
/// ([`one_edit_apart`]), so a hash collision never makes a neighbour.
///
/// Most misspellings are one slip away, and a key one edit away outranks
/// every key further (`resolve::Registry` relies on that): a name with such
/// a key is resolved from a handful of candidates instead of a search.
#[derive(Debug)]
pub struct OneEdit {
    /// Every (variant hash, key), sorted; `starts[b]` is where the hashes
    /// whose top `bits` bits are `b` begin (a radix table: a look-up reads
    /// one short run).
    hashes: Vec<u64>,
    keys: Vec<u32>,
    starts: Vec<u32>,
    bits: u32,
}

/// Call `f` with the hash of `s` and of `s` without each of its
/// characters (a buffer the caller keeps holds the variant).
fn variant_hashes(s: &str, buf: &mut String, mut f: impl FnMut(u64)) {
    use std::hash::BuildHasher;
    let hasher = foldhash::fast::FixedState::with_seed(0x5eed);
    f(hasher.hash_one(s.as_bytes()));
    for (at, c) in s.char_indices() {
        buf.clear();
        buf.push_str(&s[..at]);
        buf.push_str(&s[at + c.len_utf8()..]);
        f(hasher.hash_one(buf.as_bytes()));
    }
}

impl OneEdit {
    pub fn new(index: &KeyIndex) -> OneEdit {
        use rayon::prelude::*;
        let mut all: Vec<(u64, u32)> = (0..index.len())
            .into_par_iter()
            .fold(
                || (Vec::new(), String::new()),
                |(mut out, mut buf), i| {
                    variant_hashes(index.key(i), &mut buf, |h| out.push((h, i as u32)));
                    (out, buf)
                },
            )
            .map(|(out, _)| out)
            .reduce(Vec::new, |mut a, b| {
                a.extend(b);
                a
            });
        all.par_sort_unstable();
        all.dedup();
        // About one hash per radix slot.
        let bits = all.len().max(2).next_power_of_two().trailing_zeros().clamp(1, 32);
        let mut starts = vec![0u32; (1usize << bits) + 1];
        for &(h, _) in &all {
            starts[(h >> (64 - bits)) as usize + 1] += 1;
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        let (hashes, keys) = all.into_iter().unzip();
        OneEdit { hashes, keys, starts, bits }
    }

    /// The keys that have a variant of hash `h`.
    fn with_hash(&self, h: u64) -> impl Iterator<Item = usize> + '_ {
        let b = (h >> (64 - self.bits)) as usize;
        let (from, to) = match self.starts.get(b..b + 2) {
            Some(&[from, to]) => (from as usize, to as usize),
            _ => (0, 0),
        };
        let run = &self.hashes[from..to];
        let first = run.partition_point(|&x| x < h);
        let last = run.partition_point(|&x| x <= h);
        self.keys[from + first..from + last].iter().map(|&k| k as usize)
    }

    /// The keys of `index` one edit away from `name`, ascending.
    pub fn neighbours(&self, index: &KeyIndex, name: &str) -> Vec<usize> {
        let mut candidates: Vec<usize> = Vec::new();
        let mut buf = String::new();
        variant_hashes(name, &mut buf, |h| candidates.extend(self.with_hash(h)));
        candidates.sort_unstable();
        candidates.dedup();
        let name: Vec<char> = name.chars().collect();
        let mut key: Vec<char> = Vec::new();
        candidates.retain(|&k| {
            key.clear();
            key.extend(index.key(k).chars());
            one_edit_apart(&name, &key)
        });
        candidates
    }
}

/// Whether the Damerau–Levenshtein distance of `a` and `b` is exactly 1.
pub fn one_edit_apart(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.len() - short.len() {
        0 => {
            let Some(i) = short.iter().zip(long).position(|(x, y)| x != y) else { return false };
            // One substitution, or a swap of neighbours.
            short[i + 1..] == long[i + 1..]
                || (i + 1 < short.len()
                    && short[i] == long[i + 1]
                    && short[i + 1] == long[i]
                    && short[i + 2..] == long[i + 2..])
        }
        1 => {
            let i = short.iter().zip(long).position(|(x, y)| x != y).unwrap_or(short.len());
            short[i..] == long[i + 1..]
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {

    proptest! {
        /// One edit apart is a Damerau–Levenshtein distance of 1, over small
        /// alphabets where every kind of edit happens.
        #[test]
        fn one_edit_apart_is_distance_one(a in "[abé ]{0,7}", b in "[abé ]{0,7}") {
            let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            prop_assert_eq!(one_edit_apart(&x, &y), strsim::damerau_levenshtein(&a, &b) == 1);
        }

        /// The index finds every key one edit away, and only those.
        #[test]
        fn one_edit_neighbours_are_a_scan_of_every_key(
            keys in proptest::collection::btree_set("[abcé ]{1,6}", 1..40),
            name in "[abcé ]{0,7}",
        ) {
            let index = KeyIndex::new(keys.into_iter().collect());
            let near = OneEdit::new(&index);
            let scan: Vec<usize> =
                (0..index.len()).filter(|&k| strsim::damerau_levenshtein(&name, index.key(k)) == 1).collect();
            prop_assert_eq!(near.neighbours(&index, &name), scan);
            // A neighbour's similarity, from the lengths alone, is `similarity`'s to the bit.
            for k in near.neighbours(&index, &name) {
                let fast = index.one_edit_similarity(k, name.chars().count());
                prop_assert_eq!(fast.to_bits(), similarity(&name, index.key(k)).to_bits());
            }
        }
    }

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
    fn above_equals_a_full_scan_for_names_longer_than_every_key() {
        // The lengths a match could have are cut at the longest key: a name
        // far longer than all of them matches none, one a little longer
        // matches as a scan says.
        let keys: Vec<String> = vec!["a".repeat(300), format!("{}b", "a".repeat(299)), "talks".to_string()];
        let index = KeyIndex::new(keys.clone());
        for q in ["a".repeat(310), "a".repeat(360), "a".repeat(20_000), format!("{}c", "a".repeat(300))] {
            for t in [0.85, 0.6] {
                let mut want: Vec<(usize, f64)> =
                    full_scan(&keys, &q).into_iter().filter(|(s, _)| *s >= t).map(|(s, i)| (i, s)).collect();
                want.sort_by_key(|&(i, _)| i);
                assert_eq!(index.above(&q, t), want, "query of {} characters, threshold {t}", q.len());
            }
        }
        assert_eq!(index.above(&"a".repeat(310), 0.85).len(), 2);
        assert!(index.above(&"a".repeat(20_000), 0.6).is_empty());
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
            index.walk(&q, |s, i| {
                got.push((s, i));
                got.sort_by(|a, b| b.0.total_cmp(&a.0).then(keys[a.1].cmp(&keys[b.1])));
                got.truncate(3);
                if got.len() == 3 {
                    got[2].0
                } else {
                    f64::NEG_INFINITY
                }
            });
            let want = full_scan(&keys, &q);
            assert_eq!(got[..3.min(got.len())], want[..3.min(want.len())], "query {q:?}");
        }
    }

    /// Strings over a few letters (so that transpositions, repeats and ties
    /// are common), a space and one character outside Latin-1.
    fn short() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(vec!['a', 'b', 'c', 'd', ' ', 'é', 'ŋ']), 0..12)
            .prop_map(|v| v.into_iter().collect())
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn bounded_distance_is_strsims(a in short(), b in short(), max in 0usize..14) {
            let want = strsim::damerau_levenshtein(&a, &b);
            let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let got = distance_within(&ac, &bc, max, &mut Rows::default());
            prop_assert_eq!(got, (want <= max).then_some(want));
            // The same buffers again, after a longer or shorter pair.
            let mut rows = Rows::default();
            let _ = distance_within(&bc, &ac, 20, &mut rows);
            prop_assert_eq!(distance_within(&ac, &bc, max, &mut rows), (want <= max).then_some(want));
        }

        #[test]
        fn lcs_floor_is_below_the_distance(a in short(), b in short()) {
            let p = Positions::new(&a).unwrap();
            let la = a.chars().count();
            let lb = b.chars().count();
            let lcs = p.lcs(&b);
            prop_assert!(lcs <= la.min(lb));
            prop_assert!(la.max(lb) - lcs <= strsim::damerau_levenshtein(&a, &b));
        }

        #[test]
        fn max_distance_is_the_last_distance_scoring_enough(la in 0usize..30, lb in 0usize..30, need in -0.1f64..1.1) {
            let want = (0..=la.max(lb)).filter(|&d| bound(d, la, lb) >= need).max();
            prop_assert_eq!(max_distance(need, la, lb), want);
        }

        /// The walk's top three (scores to the last bit, order, ties broken by
        /// key) against a plain scan with strsim, over random registries.
        #[test]
        fn walk_top_three_equals_a_plain_scan(keys in proptest::collection::btree_set(short(), 1..60), q in short()) {
            let keys: Vec<String> = keys.into_iter().collect();
            let index = KeyIndex::new(keys.clone());
            let mut got: Vec<(f64, usize)> = Vec::new();
            index.walk(&q, |s, i| {
                got.push((s, i));
                got.sort_by(|a, b| b.0.total_cmp(&a.0).then(keys[a.1].cmp(&keys[b.1])));
                got.truncate(3);
                if got.len() == 3 { got[2].0 } else { f64::NEG_INFINITY }
            });
            let mut want: Vec<(f64, usize)> =
                keys.iter().enumerate().map(|(i, k)| (strsim::normalized_damerau_levenshtein(&q, k), i)).collect();
            want.sort_by(|a, b| b.0.total_cmp(&a.0).then(keys[a.1].cmp(&keys[b.1])));
            want.truncate(3);
            let bits = |v: &[(f64, usize)]| v.iter().map(|(s, i)| (s.to_bits(), *i)).collect::<Vec<_>>();
            prop_assert_eq!(bits(&got), bits(&want));
        }
    }
}
