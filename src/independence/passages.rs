//! Shared passages at archive scale: every pair of articles sharing a run of
//! [`PASSAGE_WORDS`] or more folded words outside quotation marks, found
//! without comparing articles pairwise and without a hash-table slot for
//! every word of the corpus (docs/independence.md, "Scale").
//!
//! **What is found** is fixed by the straightforward method, kept here as
//! [`Words`] and [`confirm`]: every 15-word shingle of every article goes
//! into an index naming the first article holding it; an article holding a
//! shingle whose first holder is another article is linked to that article,
//! and the link is confirmed against the words, its passage being the longest
//! common run through such a shingle. [`shared_passages`] returns exactly
//! those links and passages (pinned by a property test against a plain
//! implementation of that method), in four passes:
//!
//! 1. **Sketch** (articles in parallel, order-free): each shingle's hash,
//!    cut to a 42-bit fingerprint, goes as 4 bytes into one of 1,024
//!    buckets; each bucket is sorted and the fingerprints met twice or more
//!    are kept. *Guarantee*: a shingle held by two articles has the same hash
//!    in both, so its fingerprint is kept — no shared shingle is lost. A
//!    fingerprint kept by accident (two shingles alike in 42 bits, or one
//!    shingle repeated inside one article) only costs a candidate that leads
//!    nowhere.
//! 2. **Candidates** (articles in parallel): the articles are read again and
//!    only the shingles whose fingerprint was kept are listed, with where
//!    their first word is. In news copy that is a few percent of them.
//! 3. **First holders**: the candidates sorted by (hash, article, position);
//!    the first article of each hash holds it, every other article holding
//!    it is a hit of that one — what the straightforward index says, since
//!    every article holding a shared shingle is among the candidates.
//! 4. **Confirmation** (pairs in parallel): a common run of 15+ words is a
//!    chain of consecutive shingles equal in both articles, and each of
//!    those shingles is shared, so it is a candidate of both: the chain is
//!    followed in the candidate lists, as the straightforward method follows
//!    the words. Every chain is then checked word by word against both texts
//!    (only its own words are folded again). If a hash ever lied, the pair is
//!    confirmed the straightforward way, on all the words of both articles:
//!    a hash collision can neither invent a link nor change a passage.
//!
//! Memory: 4 bytes per shingle while sketching (the buckets are the only
//! thing proportional to the corpus), then the candidates only; no article's
//! words are kept beyond the scan reading it. Pure: no I/O.

use std::collections::BTreeMap;
use std::ops::Range;

use rayon::prelude::*;

use super::{unquoted, Passage, PASSAGE_WORDS};
use crate::text::fold;

/// For every pair of articles sharing a passage of [`PASSAGE_WORDS`]+ words
/// outside quotations, the first such passage, keyed (earlier, later).
/// Every two articles that share a passage end up linked to the first
/// article holding it, so they share a cluster even when their own pair is
/// not listed. The result is a function of `texts` alone (not of threads).
pub(super) fn shared_passages(texts: &[Option<&str>]) -> BTreeMap<(usize, usize), Passage> {
    let kept = Fingerprints::of_shared(texts);
    let candidates: Vec<Vec<Shingle>> = texts
        .par_iter()
        .map_init(Vec::new, |all, t| {
            // An article's shingles are listed first, then their bits read
            // in a loop of their own: the bit set is a few megabytes, each
            // read a cache miss, and a tight loop keeps many in flight.
            all.clear();
            if let Some(text) = t {
                each_shingle(text, |s| all.push(s));
            }
            all.iter().filter(|s| kept.may_contain(s.hash)).filter(|s| kept.in_buckets(s.hash)).copied().collect()
        })
        .collect();
    drop(kept);
    let pairs = first_holder_hits(&candidates);
    pairs
        .par_iter()
        .filter_map(|(j, i, positions)| {
            let (earlier, later) = (texts[*j].expect("a holder has text"), texts[*i].expect("a hit has text"));
            let passage = match confirm_by_chains(earlier, &candidates[*j], later, &candidates[*i], positions) {
                Some(found) => found,
                // A hash lied somewhere: the words of both articles decide.
                None => confirm(&Words::of(earlier), earlier, &Words::of(later), positions),
            };
            passage.map(|p| ((*j, *i), p))
        })
        .collect::<Vec<_>>()
        .into_iter()
        .collect()
}

// --------------------------------------------------------------- scanning

/// One 15-word shingle of an article, as the scans list it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shingle {
    /// Its first word's index among the article's words outside quotations.
    pos: usize,
    hash: u64,
    /// Where the token of its first word starts in the article, and which
    /// word of that token it is (`U.S.-Russia` folds to three words).
    token: usize,
    sub: usize,
    /// Where the unquoted stretch holding it ends.
    run_end: usize,
}

/// Call `f` with every shingle of `text`, in order. The hashes are those of
/// [`Words::shingles`]; no word is stored.
fn each_shingle(text: &str, mut f: impl FnMut(Shingle)) {
    let mut pos = 0;
    let mut token_words = Vec::new();
    for range in unquoted(text) {
        let mut run = Window::default();
        each_word(text, range.clone(), &mut token_words, |at, sub, hash| {
            if let Some((hash, token, sub)) = run.push(hash, at, sub) {
                f(Shingle { pos: pos + run.words - PASSAGE_WORDS, hash, token, sub, run_end: range.end });
            }
        });
        pos += run.words;
    }
}

/// Call `f` with the hash of every shingle of `text`, in order: what
/// [`each_shingle`] gives, without the places (the sketch needs none).
fn each_shingle_hash(text: &str, mut f: impl FnMut(u64)) {
    let mut token_words = Vec::new();
    for range in unquoted(text) {
        let mut ring = [0u64; PASSAGE_WORDS];
        let (mut words, mut hash) = (0usize, 0u64);
        each_word(text, range, &mut token_words, |_, _, word| {
            // As `Window::push` rolls it.
            let slot = words % PASSAGE_WORDS;
            hash = hash.wrapping_mul(BASE).wrapping_add(word);
            if words >= PASSAGE_WORDS {
                hash = hash.wrapping_sub(ring[slot].wrapping_mul(BASE_POW));
            }
            ring[slot] = word;
            words += 1;
            if words >= PASSAGE_WORDS {
                f(hash);
            }
        });
    }
}

/// Call `f(token start, word in token, hash)` for each word of each token of
/// `text[range]`: the tokens `str::split_whitespace` cuts, each folded into
/// words as [`Words::of`] folds it, with the hashes of [`word_hash`]. One
/// pass over the bytes: an ASCII token is cut and hashed as it is read (its
/// words' hashes wait in `words`, a buffer the caller reuses, until the
/// token proves ASCII); a token with other characters is folded with
/// `text::fold`. The hash of an ASCII word is FNV-1a of its lowercase
/// letters and digits (apostrophes join), which is `word_hash` of the word
/// `fold` makes of it.
#[inline]
fn each_word(text: &str, range: Range<usize>, words: &mut Vec<u64>, mut f: impl FnMut(usize, usize, u64)) {
    // (A range past the end of the text reads to its end, as the loop's bound did.)
    let bytes = &text.as_bytes()[..range.end.min(text.len())];
    // A char not ASCII at `i`: its width, and whether it is white space.
    let wide = |i: usize| -> (usize, bool) {
        let c = text[i..].chars().next().expect("i is on a char boundary");
        (c.len_utf8(), c.is_whitespace())
    };
    let mut i = range.start;
    while i < bytes.len() {
        match CLASS[usize::from(bytes[i])] {
            SPACE => {
                i += 1;
                continue;
            }
            WIDE => {
                let (w, space) = wide(i);
                if space {
                    i += w;
                    continue;
                }
            }
            _ => {}
        }
        let start = i;
        let (mut h, mut len, mut ascii) = (FNV_OFFSET, 0usize, true);
        words.clear();
        while i < bytes.len() {
            let class = CLASS[usize::from(bytes[i])];
            if class > WIDE {
                // A letter or digit, lowercase: the common case, first.
                h = (h ^ u64::from(class)).wrapping_mul(FNV_PRIME);
                len += 1;
                i += 1;
                continue;
            }
            match class {
                SPACE => break,
                APOSTROPHE => i += 1, // apostrophes join, as in text::fold
                BREAK => {
                    if len > 0 {
                        words.push(mix(h));
                        (h, len) = (FNV_OFFSET, 0);
                    }
                    i += 1;
                }
                _ => {
                    let (w, space) = wide(i);
                    if space {
                        break;
                    }
                    ascii = false;
                    i += w;
                }
            }
        }
        if ascii {
            if len > 0 {
                words.push(mix(h));
            }
            for (sub, &hash) in words.iter().enumerate() {
                f(start, sub, hash);
            }
        } else {
            for (sub, word) in fold(&text[start..i]).split(' ').filter(|w| !w.is_empty()).enumerate() {
                f(start, sub, word_hash(word));
            }
        }
    }
}

/// What [`each_word`] does with a byte, looked up rather than tested: an
/// ASCII letter or digit is its own lowercase byte (every one above
/// [`WIDE`]); the rest are one of these four. One load per byte in place of
/// a chain of comparisons took the scan of 20,000 generated articles
/// (50 MB, one core) from 175–187 ms to 118–127 ms.
static CLASS: [u8; 256] = {
    let mut table = [BREAK; 256];
    let mut b = 0usize;
    while b < 256 {
        let c = b as u8;
        table[b] = if c >= 0x80 {
            WIDE
        } else if c == b' ' || (c >= b'\t' && c <= b'\r') {
            SPACE
        } else if c == b'\'' {
            APOSTROPHE
        } else if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            BREAK
        };
        b += 1;
    }
    table
};
/// Other ASCII punctuation: ends a word inside its token (`U.S.-Russia`).
const BREAK: u8 = 0;
/// `'`: joins (`don't` is one word), as in `text::fold`.
const APOSTROPHE: u8 = 1;
/// ASCII white space (`str::split_whitespace`'s): ends a token.
const SPACE: u8 = 2;
/// The first byte of a char not ASCII (or a later byte of one).
const WIDE: u8 = 3;

/// The last [`PASSAGE_WORDS`] words of a run: (hash, token start, word in token), and their rolling hash.
#[derive(Default)]
struct Window {
    ring: [(u64, usize, usize); PASSAGE_WORDS],
    words: usize,
    hash: u64,
}

impl Window {
    /// Add a word; the shingle it completes, if any: (hash, token and sub of its first word).
    #[inline]
    fn push(&mut self, word: u64, token: usize, sub: usize) -> Option<(u64, usize, usize)> {
        let slot = self.words % PASSAGE_WORDS;
        self.hash = self.hash.wrapping_mul(BASE).wrapping_add(word);
        if self.words >= PASSAGE_WORDS {
            self.hash = self.hash.wrapping_sub(self.ring[slot].0.wrapping_mul(BASE_POW));
        }
        self.ring[slot] = (word, token, sub);
        self.words += 1;
        (self.words >= PASSAGE_WORDS).then(|| {
            let (_, token, sub) = self.ring[self.words % PASSAGE_WORDS];
            (self.hash, token, sub)
        })
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x100_0000_01b3;

/// The `n` folded words from shingle `s`'s first word on, joined by spaces,
/// and where the token of the [`PASSAGE_WORDS`]th ends; `None` if the run
/// has fewer words. Folds as [`Words::of`] does (through [`WordCursor`]).
fn words_from(text: &str, s: &Shingle, n: usize) -> Option<(String, usize)> {
    let (mut cursor, mut out, mut shown_end) = (WordCursor::new(text, s), String::new(), s.token);
    for count in 1..=n {
        if count > 1 {
            out.push(' ');
        }
        out.push_str(cursor.next_word()?);
        if count == PASSAGE_WORDS {
            shown_end = cursor.token_end;
        }
    }
    Some((out, shown_end))
}

/// Whether the `n` folded words from shingle `a`'s first word on (in
/// `ta`) are the `n` from `b`'s (in `tb`): what comparing two
/// [`words_from`] gives (false when either run has fewer), word by word,
/// stopping at the first difference, with no string made per call.
fn same_words(ta: &str, a: &Shingle, tb: &str, b: &Shingle, n: usize) -> bool {
    let (mut x, mut y) = (WordCursor::new(ta, a), WordCursor::new(tb, b));
    for _ in 0..n {
        match (x.next_word(), y.next_word()) {
            (Some(p), Some(q)) if p == q => {}
            _ => return false,
        }
    }
    true
}

/// The folded words of a run from a shingle's first word on, one at a time
/// (as [`words_from`] folds them).
struct WordCursor<'t> {
    text: &'t str,
    tokens: std::str::SplitWhitespace<'t>,
    /// Where the token of the last word given ends in `text`.
    token_end: usize,
    /// The current token's words, and where each ends in `buf`.
    buf: String,
    ends: Vec<usize>,
    next: usize,
    skip: usize,
}

impl<'t> WordCursor<'t> {
    fn new(text: &'t str, s: &Shingle) -> WordCursor<'t> {
        WordCursor {
            text,
            tokens: text[s.token..s.run_end].split_whitespace(),
            token_end: s.token,
            buf: String::new(),
            ends: Vec::new(),
            next: 0,
            skip: s.sub,
        }
    }

    fn next_word(&mut self) -> Option<&str> {
        loop {
            if self.next < self.ends.len() {
                let from = if self.next == 0 { 0 } else { self.ends[self.next - 1] };
                let to = self.ends[self.next];
                self.next += 1;
                if self.skip > 0 {
                    self.skip -= 1;
                    continue;
                }
                return Some(&self.buf[from..to]);
            }
            let token = self.tokens.next()?;
            self.token_end = token.as_ptr() as usize - self.text.as_ptr() as usize + token.len();
            self.buf.clear();
            self.ends.clear();
            self.next = 0;
            if token.is_ascii() {
                for b in token.bytes().filter(|&b| b != b'\'') {
                    if b.is_ascii_alphanumeric() {
                        self.buf.push(b.to_ascii_lowercase() as char);
                    } else if self.ends.last().map_or(0, |&e| e) < self.buf.len() {
                        self.ends.push(self.buf.len());
                    }
                }
                if self.ends.last().map_or(0, |&e| e) < self.buf.len() {
                    self.ends.push(self.buf.len());
                }
            } else {
                for word in fold(token).split(' ').filter(|w| !w.is_empty()) {
                    self.buf.push_str(word);
                    self.ends.push(self.buf.len());
                }
            }
        }
    }
}

// ------------------------------------------------------------- sketching

/// Fingerprint bits that pick a bucket; the next 32 bits are kept in it.
const BUCKET_BITS: u32 = 10;

/// Articles sketched together (one set of buckets each).
const CHUNK: usize = 256;

/// The fingerprints of the shingles that may be held by two articles or more.
struct Fingerprints {
    /// Per bucket: its kept keys, sorted.
    buckets: Vec<Vec<u32>>,
    /// One bit per low fingerprint bits: set when some kept fingerprint has
    /// them, so most shingles are turned away without a search.
    bits: Vec<u64>,
}

/// A hash's (bucket, key): 42 bits of it.
fn fingerprint(hash: u64) -> (usize, u32) {
    ((hash >> (64 - BUCKET_BITS)) as usize, (hash >> (64 - BUCKET_BITS - 32)) as u32)
}

impl Fingerprints {
    fn of_shared(texts: &[Option<&str>]) -> Fingerprints {
        let nb = 1usize << BUCKET_BITS;
        let chunks: Vec<Vec<Vec<u32>>> = texts
            .par_chunks(CHUNK)
            .map(|chunk| {
                // The chunk's fingerprints (bucket and key, 42 bits), then
                // each bucket allocated once at its size: no vector grows.
                let mut all: Vec<u64> = Vec::new();
                for text in chunk.iter().flatten() {
                    each_shingle_hash(text, |hash| all.push(hash >> (64 - BUCKET_BITS - 32)));
                }
                let mut sizes = vec![0usize; nb];
                for &f in &all {
                    sizes[(f >> 32) as usize] += 1;
                }
                let mut buckets: Vec<Vec<u32>> = sizes.into_iter().map(Vec::with_capacity).collect();
                for f in all {
                    buckets[(f >> 32) as usize].push(f as u32);
                }
                buckets
            })
            .collect();
        let mut per_bucket: Vec<Vec<Vec<u32>>> = (0..nb).map(|_| Vec::with_capacity(chunks.len())).collect();
        for chunk in chunks {
            for (b, keys) in chunk.into_iter().enumerate() {
                per_bucket[b].push(keys);
            }
        }
        let buckets: Vec<Vec<u32>> = per_bucket
            .into_par_iter()
            .map(|parts| {
                let mut keys: Vec<u32> = Vec::with_capacity(parts.iter().map(Vec::len).sum());
                for part in parts {
                    keys.extend_from_slice(&part);
                }
                keys.sort_unstable();
                let mut kept: Vec<u32> = keys.windows(2).filter(|w| w[0] == w[1]).map(|w| w[0]).collect();
                kept.dedup();
                kept
            })
            .collect();
        let total: usize = buckets.iter().map(Vec::len).sum();
        let bits = vec![0u64; (total * 16).next_power_of_two().div_ceil(64)];
        let mut kept = Fingerprints { buckets, bits };
        for b in 0..nb {
            for k in 0..kept.buckets[b].len() {
                let bit = kept.bit((b as u64) << 32 | u64::from(kept.buckets[b][k]));
                kept.bits[bit / 64] |= 1 << (bit % 64);
            }
        }
        kept
    }

    fn bit(&self, fingerprint: u64) -> usize {
        (mix(fingerprint) as usize) & (self.bits.len() * 64 - 1)
    }

    /// Whether the bit of `hash` is set: false only when `hash` is not kept.
    fn may_contain(&self, hash: u64) -> bool {
        let (b, key) = fingerprint(hash);
        let bit = self.bit((b as u64) << 32 | u64::from(key));
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Whether `hash` may be a shingle held by two articles (never false when it is).
    #[cfg(test)]
    fn contains(&self, hash: u64) -> bool {
        self.may_contain(hash) && self.in_buckets(hash)
    }

    /// [`Fingerprints::contains`] for a hash whose bit is known to be set
    /// ([`Fingerprints::may_contain`]): its bucket is searched.
    fn in_buckets(&self, hash: u64) -> bool {
        let (b, key) = fingerprint(hash);
        self.buckets[b].binary_search(&key).is_ok()
    }
}

// ---------------------------------------------------------- first holders

/// (earlier, later, the (start word in later, hash) of the later article's
/// shingles whose first holder is the earlier one, by position then hash),
/// by later then earlier article.
type Pairs = Vec<(usize, usize, Vec<(usize, u64)>)>;

fn first_holder_hits(candidates: &[Vec<Shingle>]) -> Pairs {
    let mut all: Vec<(u64, usize, usize)> =
        candidates.iter().enumerate().flat_map(|(a, list)| list.iter().map(move |s| (s.hash, a, s.pos))).collect();
    all.par_sort_unstable();
    // (later, earlier, start word in later, hash)
    let mut hits: Vec<(usize, usize, usize, u64)> = Vec::new();
    for group in all.chunk_by(|x, y| x.0 == y.0) {
        let holder = group[0].1;
        hits.extend(group.iter().filter(|&&(_, a, _)| a != holder).map(|&(h, a, pos)| (a, holder, pos, h)));
    }
    drop(all);
    hits.par_sort_unstable();
    let mut pairs: Pairs = Vec::new();
    for (i, j, pos, h) in hits {
        match pairs.last_mut() {
            Some((last_j, last_i, positions)) if (*last_j, *last_i) == (j, i) => positions.push((pos, h)),
            _ => pairs.push((j, i, vec![(pos, h)])),
        }
    }
    pairs
}

// ------------------------------------------------------------ confirming

/// [`confirm`] from the candidate lists of both articles (`earlier` and
/// `later`, by position): the longest passage through one of `positions`,
/// every chain checked against the words. `None` when a chain's words
/// differ although its hashes agree (a collision): then [`confirm`] decides.
fn confirm_by_chains(
    earlier_text: &str,
    earlier: &[Shingle],
    later_text: &str,
    later: &[Shingle],
    positions: &[(usize, u64)],
) -> Option<Option<Passage>> {
    let mut wanted: Vec<u64> = positions.iter().map(|&(_, h)| h).collect();
    wanted.sort_unstable();
    wanted.dedup();
    // The earlier article's shingles whose hash is one of the hits: (hash, index), by hash then position.
    let mut starts: Vec<(u64, usize)> = (0..earlier.len())
        .filter(|&k| wanted.binary_search(&earlier[k].hash).is_ok())
        .map(|k| (earlier[k].hash, k))
        .collect();
    starts.sort_unstable();
    let next = |list: &[Shingle], k: usize| k + 1 < list.len() && list[k + 1].pos == list[k].pos + 1;
    // (first shingle of the chain in `earlier`, length in words, end of the excerpt) of the longest.
    let mut best: Option<(usize, usize, usize)> = None;
    let mut covered: Vec<(isize, Range<usize>)> = Vec::new();
    for &(p, h) in positions {
        let kp = later.partition_point(|s| s.pos < p);
        let from = starts.partition_point(|&(x, _)| x < h);
        let to = starts.partition_point(|&(x, _)| x <= h);
        for &(_, kq) in &starts[from..to] {
            let diagonal = earlier[kq].pos as isize - p as isize;
            if covered.iter().any(|(d, r)| *d == diagonal && r.contains(&p)) {
                continue;
            }
            let (mut a, mut b) = (kq, kp);
            while a > 0
                && b > 0
                && next(earlier, a - 1)
                && next(later, b - 1)
                && earlier[a - 1].hash == later[b - 1].hash
            {
                (a, b) = (a - 1, b - 1);
            }
            let (mut c, mut d) = (kq, kp);
            while next(earlier, c) && next(later, d) && earlier[c + 1].hash == later[d + 1].hash {
                (c, d) = (c + 1, d + 1);
            }
            let len = c - a + PASSAGE_WORDS;
            if !same_words(earlier_text, &earlier[a], later_text, &later[b], len) {
                return None;
            }
            let ps = later[b].pos;
            covered.push((diagonal, ps..ps + len));
            if best.is_none_or(|(_, l, _)| len > l) {
                let (_, shown_end) = words_from(earlier_text, &earlier[a], PASSAGE_WORDS)?;
                best = Some((a, len, shown_end));
            }
        }
    }
    let Some((a, len, shown_end)) = best else { return Some(None) };
    let mut excerpt = earlier_text[earlier[a].token..shown_end].split_whitespace().collect::<Vec<_>>().join(" ");
    if len > PASSAGE_WORDS {
        excerpt.push_str(" …");
    }
    Some(Some(Passage { words: len, excerpt }))
}

// ------------------------------------------ the straightforward method

/// One folded word of an article.
#[derive(Debug, Clone, Copy)]
struct Word {
    /// The folded word in `Words::folded`.
    at: u32,
    len: u32,
    /// The token it comes from in the article (a token may fold to several words).
    from: u32,
    to: u32,
    hash: u64,
}

/// An article's words outside quotations, in runs that no quotation interrupts.
#[derive(Debug, Default)]
pub(super) struct Words {
    folded: String,
    words: Vec<Word>,
    /// Each run: a range of `words`.
    runs: Vec<Range<usize>>,
}

impl Words {
    pub(super) fn of(text: &str) -> Words {
        let mut w = Words::default();
        let mut buf = String::new();
        for range in unquoted(text) {
            let first = w.words.len();
            for token in text[range].split_whitespace() {
                // split_whitespace yields subslices of `text`: their offset is where they start.
                let at = token.as_ptr() as usize - text.as_ptr() as usize;
                w.push_token(token, at, at + token.len(), &mut buf);
            }
            if w.words.len() > first {
                w.runs.push(first..w.words.len());
            }
        }
        w
    }

    /// Fold one whitespace-separated token as `text::fold` does (ASCII
    /// without allocating) and append its words.
    fn push_token(&mut self, token: &str, from: usize, to: usize, buf: &mut String) {
        if token.is_ascii() {
            buf.clear();
            for b in token.bytes() {
                if b.is_ascii_alphanumeric() {
                    buf.push(b.to_ascii_lowercase() as char);
                } else if b == b'\'' {
                    // apostrophes join, as in text::fold
                } else if !buf.is_empty() {
                    self.push_word(buf, from, to);
                    buf.clear();
                }
            }
            if !buf.is_empty() {
                self.push_word(buf, from, to);
            }
        } else {
            for word in fold(token).split(' ').filter(|w| !w.is_empty()) {
                self.push_word(word, from, to);
            }
        }
    }

    fn push_word(&mut self, word: &str, from: usize, to: usize) {
        let at = self.folded.len() as u32;
        self.folded.push_str(word);
        self.words.push(Word { at, len: word.len() as u32, from: from as u32, to: to as u32, hash: word_hash(word) });
    }

    fn word(&self, i: usize) -> &str {
        let w = &self.words[i];
        &self.folded[w.at as usize..(w.at + w.len) as usize]
    }

    /// Every shingle of [`PASSAGE_WORDS`] words inside one run: (start word, hash).
    pub(super) fn shingles(&self) -> impl Iterator<Item = (usize, u64)> + '_ {
        self.runs.iter().filter(|r| r.len() >= PASSAGE_WORDS).flat_map(move |r| {
            let mut h = 0u64;
            let mut out = Vec::with_capacity(r.len() + 1 - PASSAGE_WORDS);
            for i in r.clone() {
                h = h.wrapping_mul(BASE).wrapping_add(self.words[i].hash);
                if i >= r.start + PASSAGE_WORDS {
                    h = h.wrapping_sub(self.words[i - PASSAGE_WORDS].hash.wrapping_mul(BASE_POW));
                }
                if i + 1 >= r.start + PASSAGE_WORDS {
                    out.push((i + 1 - PASSAGE_WORDS, h));
                }
            }
            out
        })
    }

    /// The run holding word `i`.
    fn run_of(&self, i: usize) -> Range<usize> {
        let k = self.runs.partition_point(|r| r.end <= i);
        self.runs[k].clone()
    }
}

/// The rolling hash of a shingle: the sum of its word hashes times powers of `BASE`.
const BASE: u64 = 0x9e37_79b9_7f4a_7c15;

/// `BASE` to the power `PASSAGE_WORDS`: the weight of the word leaving the window.
const BASE_POW: u64 = {
    let mut p = 1u64;
    let mut k = 0;
    while k < PASSAGE_WORDS {
        p = p.wrapping_mul(BASE);
        k += 1;
    }
    p
};

/// FNV-1a, then a mixing step, so that the rolling sum is well spread.
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    mix(h)
}

fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The longest passage through one of `positions` (shingle starts in
/// `later`) that `earlier` holds word for word, if it is long enough.
pub(super) fn confirm(
    earlier: &Words,
    earlier_text: &str,
    later: &Words,
    positions: &[(usize, u64)],
) -> Option<Passage> {
    // The shingles of `earlier` whose hash is one of the hits: (hash, start), by hash then start.
    let mut wanted: Vec<u64> = positions.iter().map(|&(_, h)| h).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut starts: Vec<(u64, usize)> =
        earlier.shingles().filter(|(_, h)| wanted.binary_search(h).is_ok()).map(|(pos, h)| (h, pos)).collect();
    starts.sort_unstable();
    // (start in earlier, start in later, length) of the longest passage found.
    let mut best: Option<(usize, usize, usize)> = None;
    let mut covered: Vec<(isize, Range<usize>)> = Vec::new();
    for &(p, h) in positions {
        let from = starts.partition_point(|&(x, _)| x < h);
        let to = starts.partition_point(|&(x, _)| x <= h);
        for &(_, q) in &starts[from..to] {
            let diagonal = q as isize - p as isize;
            if covered.iter().any(|(d, r)| *d == diagonal && r.contains(&p)) {
                continue;
            }
            let (ra, rb) = (earlier.run_of(q), later.run_of(p));
            let same = |a: usize, b: usize| earlier.word(a) == later.word(b);
            if !(0..PASSAGE_WORDS).all(|k| same(q + k, p + k)) {
                continue; // a hash collision
            }
            let mut back = 0;
            while q - back > ra.start && p - back > rb.start && same(q - back - 1, p - back - 1) {
                back += 1;
            }
            let mut len = PASSAGE_WORDS + back;
            while q - back + len < ra.end && p - back + len < rb.end && same(q - back + len, p - back + len) {
                len += 1;
            }
            let (qs, ps) = (q - back, p - back);
            covered.push((diagonal, ps..ps + len));
            if best.is_none_or(|(_, _, l)| len > l) {
                best = Some((qs, ps, len));
            }
        }
    }
    let (qs, _, len) = best?;
    let shown = len.min(PASSAGE_WORDS);
    let from = earlier.words[qs].from as usize;
    let to = earlier.words[qs + shown - 1].to as usize;
    let mut excerpt = earlier_text[from..to].split_whitespace().collect::<Vec<_>>().join(" ");
    if len > shown {
        excerpt.push_str(" …");
    }
    Some(Passage { words: len, excerpt })
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use proptest::prelude::*;

    use super::*;

    /// The rule written plainly, with no hash anywhere: every 15-word shingle
    /// (the words themselves) -> the first article holding it; a later article
    /// holding it is a hit of that article; the passage of a pair is the
    /// longest common run of words through one of its hits, the first such
    /// (by position in the later article, then in the earlier) on a tie.
    fn straightforward(texts: &[Option<&str>]) -> BTreeMap<(usize, usize), Passage> {
        let words: Vec<Option<Words>> = texts.iter().map(|t| t.map(Words::of)).collect();
        let mut first: HashMap<Vec<&str>, usize> = HashMap::new();
        // (earlier, later) -> starts of the later article's shingles held first by the earlier one.
        let mut hits: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
        for (i, w) in words.iter().enumerate() {
            let Some(w) = w else { continue };
            for r in &w.runs {
                for p in r.start..(r.end + 1).saturating_sub(PASSAGE_WORDS).max(r.start) {
                    let shingle: Vec<&str> = (p..p + PASSAGE_WORDS).map(|k| w.word(k)).collect();
                    let j = *first.entry(shingle).or_insert(i);
                    if j != i {
                        hits.entry((j, i)).or_default().push(p);
                    }
                }
            }
        }
        let mut out = BTreeMap::new();
        for ((j, i), starts) in hits {
            let (a, b) = (words[j].as_ref().unwrap(), words[i].as_ref().unwrap());
            let mut best: Option<(usize, usize)> = None; // (start in earlier, length)
            for p in starts {
                let rb = b.run_of(p);
                for ra in &a.runs {
                    for q in ra.start..ra.end {
                        let same = |x: usize, y: usize| a.word(x) == b.word(y);
                        if q + PASSAGE_WORDS > ra.end || !(0..PASSAGE_WORDS).all(|k| same(q + k, p + k)) {
                            continue;
                        }
                        let mut back = 0;
                        while q - back > ra.start && p - back > rb.start && same(q - back - 1, p - back - 1) {
                            back += 1;
                        }
                        let mut len = PASSAGE_WORDS + back;
                        while q - back + len < ra.end && p - back + len < rb.end && same(q - back + len, p - back + len)
                        {
                            len += 1;
                        }
                        if best.is_none_or(|(_, l)| len > l) {
                            best = Some((q - back, len));
                        }
                    }
                }
            }
            if let Some((qs, len)) = best {
                let text = texts[j].unwrap();
                let from = a.words[qs].from as usize;
                let to = a.words[qs + PASSAGE_WORDS - 1].to as usize;
                let mut excerpt = text[from..to].split_whitespace().collect::<Vec<_>>().join(" ");
                if len > PASSAGE_WORDS {
                    excerpt.push_str(" …");
                }
                out.insert((j, i), Passage { words: len, excerpt });
            }
        }
        out
    }

    /// Articles drawn from a small vocabulary (so that long runs are shared),
    /// with quotation marks, apostrophes, accents, punctuation inside tokens,
    /// paragraph breaks and odd whitespace.
    fn article() -> impl Strategy<Value = String> {
        let plain = prop::sample::select(vec![
            "the",
            "talks",
            "Geneva",
            "Géneva",
            "U.S.-Russia",
            "Russia's",
            "Russia’s",
            "officials'",
            "said,",
            "on",
            "Friday",
            "—",
            "a\u{a0}b",
            "ﬁnal",
            "co\u{301}de",
            "x",
            "y",
            "z",
            "1,340",
            "(sic)",
            "end.",
        ]);
        let marks = prop::sample::select(vec![
            "'reset'",
            "“quoted",
            "words”",
            "«",
            "»",
            "\"",
            "‘",
            "’",
            "end.\n\n",
            "line\n",
            "said:\n",
        ]);
        let token = prop_oneof![40 => plain, 1 => marks];
        prop::collection::vec(token, 20..120).prop_map(|t| t.join(" "))
    }

    /// Articles built by copying stretches of a few wire texts, so that most
    /// draws share passages of 15 words and more.
    fn corpus() -> impl Strategy<Value = Vec<Option<String>>> {
        (
            prop::collection::vec(article(), 1..4),
            prop::collection::vec((0usize..4, 0usize..60, 10usize..80, 0u8..8), 2..8),
        )
            .prop_map(|(wires, cuts)| {
                cuts.into_iter()
                    .map(|(w, from, len, own)| {
                        let words: Vec<&str> = wires[w % wires.len()].split(' ').collect();
                        let from = from.min(words.len());
                        let copy = words[from..(from + len).min(words.len())].join(" ");
                        (own != 0).then(|| format!("Own lead {own}. {copy} own tail {own}"))
                    })
                    .collect()
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        /// The sketch, the candidates and the chains find exactly the pairs and
        /// passages of the straightforward method.
        #[test]
        fn the_sketch_finds_what_every_shingle_compared_finds(texts in corpus()) {
            let texts: Vec<Option<&str>> = texts.iter().map(|t| t.as_deref()).collect();
            prop_assert_eq!(shared_passages(&texts), straightforward(&texts));
        }

        /// The scan reads the words, hashes and token places of `Words::of`.
        #[test]
        fn the_scan_reads_the_words_of_words_of(text in article()) {
            let w = Words::of(&text);
            let mut listed = Vec::new();
            each_shingle(&text, |s| listed.push(s));
            let expected: Vec<(usize, u64)> = w.shingles().collect();
            prop_assert_eq!(listed.iter().map(|s| (s.pos, s.hash)).collect::<Vec<_>>(), expected);
            for s in &listed {
                let (words, _) = words_from(&text, s, PASSAGE_WORDS).unwrap();
                let plain: Vec<&str> = (s.pos..s.pos + PASSAGE_WORDS).map(|k| w.word(k)).collect();
                prop_assert_eq!(words, plain.join(" "));
                prop_assert_eq!(s.token, w.words[s.pos].from as usize);
            }
        }

        /// The sketch's hashes are the scan's, in order.
        #[test]
        fn the_sketch_hashes_are_the_scans(text in article()) {
            let mut scanned = Vec::new();
            each_shingle(&text, |s| scanned.push(s.hash));
            let mut hashed = Vec::new();
            each_shingle_hash(&text, |h| hashed.push(h));
            prop_assert_eq!(hashed, scanned);
        }

        /// Comparing word by word answers as comparing the words joined:
        /// alike, different, or one run too short.
        #[test]
        fn same_words_compares_the_words_from_both(texts in corpus(), n in 15usize..40) {
            let texts: Vec<&str> = texts.iter().flatten().map(String::as_str).collect();
            let mut shingles: Vec<(usize, Shingle)> = Vec::new();
            for (t, text) in texts.iter().enumerate() {
                each_shingle(text, |s| shingles.push((t, s)));
            }
            for (x, &(ta, a)) in shingles.iter().enumerate().step_by(7) {
                // A run against itself: alike when it has n words.
                prop_assert_eq!(same_words(texts[ta], &a, texts[ta], &a, n), words_from(texts[ta], &a, n).is_some());
                for &(tb, b) in shingles.iter().skip(x % 5).step_by(11) {
                    let joined = match (words_from(texts[ta], &a, n), words_from(texts[tb], &b, n)) {
                        (Some(p), Some(q)) => p.0 == q.0,
                        _ => false,
                    };
                    prop_assert_eq!(same_words(texts[ta], &a, texts[tb], &b, n), joined);
                }
            }
        }
    }

    #[test]
    fn the_random_corpora_do_share_passages() {
        // Guard for the property test above: its draws must exercise the rule.
        use proptest::strategy::ValueTree;
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let (mut with_pairs, mut long, mut total) = (0, 0, 0);
        for _ in 0..200 {
            let texts = corpus().new_tree(&mut runner).unwrap().current();
            let texts: Vec<Option<&str>> = texts.iter().map(|t| t.as_deref()).collect();
            let found = straightforward(&texts);
            total += 1;
            with_pairs += usize::from(!found.is_empty());
            long += usize::from(found.values().any(|p| p.words > PASSAGE_WORDS));
        }
        assert!(with_pairs * 3 > total, "{with_pairs} of {total} draws share a passage");
        assert!(long * 5 > total, "{long} of {total} draws share a passage longer than 15 words");
    }

    #[test]
    fn a_chain_whose_words_differ_is_left_to_the_words() {
        // Forge a collision: two different shingles given one hash. The chain
        // check must notice and hand the pair to `confirm`.
        let a = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen";
        let b = "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince";
        let mut sa = Vec::new();
        each_shingle(a, |s| sa.push(s));
        let mut sb = Vec::new();
        each_shingle(b, |s| sb.push(s));
        sb[0].hash = sa[0].hash;
        assert_eq!(confirm_by_chains(a, &sa, b, &sb, &[(0, sa[0].hash)]), None);
        assert_eq!(confirm_by_chains(a, &sa, a, &sa, &[(0, sa[0].hash)]).unwrap().unwrap().words, 15);
    }

    #[test]
    fn every_shared_fingerprint_is_kept() {
        let text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi";
        let other = "something else entirely, with not a single run in common with the first text at all here";
        let texts = [Some(text), Some(other), Some(text)];
        let kept = Fingerprints::of_shared(&texts);
        each_shingle(text, |s| assert!(kept.contains(s.hash)));
    }
}
