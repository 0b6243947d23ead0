//! Source independence: which sources are not independent witnesses of each
//! other, and which sources therefore count as one (docs/independence.md).
//!
//! Two sources are *dependent* when
//! 1. **wire**: one declares the other's outlet as its `wire:` (it carries
//!    that agency's copy), or both declare the same wire (both carry its copy);
//! 2. **same outlet**: both are articles of one outlet (one newsroom);
//! 3. **shared passage**: their articles share a verbatim passage of
//!    [`PASSAGE_WORDS`] or more consecutive words outside quotation marks
//!    (words compared folded: case, accents, punctuation). Text inside quotation
//!    marks is someone's quote, which independent outlets legitimately repeat.
//!
//! Outlet and wire names are matched through the registry's exact names and
//! aliases (so `AP` and `Associated Press` match when the registry says so),
//! otherwise folded. Dependence is per pair; sources joined by a chain of
//! dependences form one *cluster*, which counts as one independent source.
//!
//! Scale: names are indexed, and every 15-word shingle of every article goes
//! once into a hash index that remembers the first source holding it, so the
//! cost grows with the total number of words, never with pairs of sources. A
//! hash hit is confirmed by comparing the actual words. Pure: no I/O.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use crate::model::Source;
use crate::resolve::Registry;
use crate::text::fold;

/// The shortest verbatim passage (in folded words) that makes two articles dependent.
pub const PASSAGE_WORDS: usize = 15;

/// Why two sources are dependent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// A `wire:` declaration links them; `agency` is the registry name, or the name as first written.
    Wire { agency: String, how: WireLink },
    /// Both are articles of one outlet.
    SameOutlet { outlet: String },
    /// Their articles share a verbatim passage.
    Passage(Passage),
}

/// How a `wire:` declaration links source `a` to source `b` in [`Dependence::dependent`]`(a, b)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WireLink {
    /// `a` carries the copy of `b`'s outlet.
    FirstCarriesSecond,
    /// `b` carries the copy of `a`'s outlet.
    SecondCarriesFirst,
    /// Both carry the same agency's copy.
    BothCarry,
}

/// A verbatim passage shared by two articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Its length in folded words (at least [`PASSAGE_WORDS`]).
    pub words: usize,
    /// Its first [`PASSAGE_WORDS`] words as the earlier source's article writes them
    /// ("…" when the passage goes on).
    pub excerpt: String,
}

impl Reason {
    /// One line for an editor, e.g. "both carry AP copy".
    pub fn describe(&self) -> String {
        match self {
            Reason::Wire { agency, how: WireLink::BothCarry } => format!("both carry {agency} copy (wire:)"),
            Reason::Wire { agency, how: WireLink::FirstCarriesSecond } => {
                format!("the first carries {agency} copy, and the second is {agency} (wire:)")
            }
            Reason::Wire { agency, how: WireLink::SecondCarriesFirst } => {
                format!("the second carries {agency} copy, and the first is {agency} (wire:)")
            }
            Reason::SameOutlet { outlet } => format!("both are {outlet} articles"),
            Reason::Passage(p) => format!("they share a passage of {} words: \"{}\"", p.words, p.excerpt),
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Reason::Wire { .. } => "wire",
            Reason::SameOutlet { .. } => "outlet",
            Reason::Passage(_) => "passage",
        }
    }
}

/// A dependence found, over a group of sources (indices into the sources
/// given to [`Dependence::build`], ascending).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// `carriers` declare `agency` as their wire; `own` are articles whose
    /// outlet is that agency. Every two of them are dependent.
    Wire { agency: String, carriers: Vec<usize>, own: Vec<usize> },
    /// Articles of one outlet (none of them carried by another's `wire:`).
    Outlet { outlet: String, sources: Vec<usize> },
    /// Two articles sharing a verbatim passage; `a` is the earlier source.
    Passage { a: usize, b: usize, passage: Passage },
}

impl Link {
    /// Every source of the link, ascending.
    pub fn sources(&self) -> Vec<usize> {
        match self {
            Link::Wire { carriers, own, .. } => {
                let mut all: Vec<usize> = carriers.iter().chain(own).copied().collect();
                all.sort_unstable();
                all
            }
            Link::Outlet { sources, .. } => sources.clone(),
            Link::Passage { a, b, .. } => vec![*a, *b],
        }
    }
}

/// Which sources depend on which, and the clusters they form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dependence {
    /// Per source: its outlet's name key.
    outlet: Vec<usize>,
    /// Per source: its wires' name keys, sorted, without duplicates.
    wires: Vec<Vec<usize>>,
    /// Name key -> the name as first written.
    names: Vec<String>,
    /// (earlier, later) source -> the passage they share.
    passages: BTreeMap<(usize, usize), Passage>,
    /// Every link found: wire and outlet groups by name, then passages by pair.
    links: Vec<Link>,
    /// Per source: its cluster, named by its smallest source index.
    cluster: Vec<usize>,
}

impl Dependence {
    /// Find the dependences among `sources`; `articles[i]` is the text of
    /// `sources[i]`'s article (`None` when it could not be read: it then takes
    /// part through its outlet and wires only).
    pub fn build<S: AsRef<str>>(sources: &[Source], articles: &[Option<S>], registry: &Registry) -> Dependence {
        let mut names = Names::new(registry);
        let outlet: Vec<usize> = sources.iter().map(|s| names.key(&s.outlet)).collect();
        let wires: Vec<Vec<usize>> = sources
            .iter()
            .map(|s| {
                let mut w: Vec<usize> = s.wire.iter().map(|n| names.key(n)).collect();
                w.sort_unstable();
                w.dedup();
                w
            })
            .collect();
        let mut links = name_links(&outlet, &wires, &names.written);
        let texts: Vec<Option<&str>> =
            (0..sources.len()).map(|i| articles.get(i).and_then(|a| a.as_ref()).map(|a| a.as_ref())).collect();
        let passages = shared_passages(&texts);
        links.extend(passages.iter().map(|(&(a, b), p)| Link::Passage { a, b, passage: p.clone() }));

        let mut sets = UnionFind::new(sources.len());
        for link in &links {
            let members = link.sources();
            for w in members.windows(2) {
                sets.union(w[0], w[1]);
            }
        }
        let cluster = (0..sources.len()).map(|i| sets.find(i)).collect();
        Dependence { outlet, wires, names: names.written, passages, links, cluster }
    }

    /// Why sources `a` and `b` are dependent, if they are directly (wire,
    /// same outlet, or a passage found between these two). Sources dependent
    /// only through a third share a cluster without a direct reason.
    pub fn dependent(&self, a: usize, b: usize) -> Option<Reason> {
        if a == b || a >= self.outlet.len() || b >= self.outlet.len() {
            return None;
        }
        let name = |k: usize| self.names[k].clone();
        if let Some(k) = first_common(&self.wires[a], &self.wires[b]) {
            return Some(Reason::Wire { agency: name(k), how: WireLink::BothCarry });
        }
        if self.wires[a].binary_search(&self.outlet[b]).is_ok() {
            return Some(Reason::Wire { agency: name(self.outlet[b]), how: WireLink::FirstCarriesSecond });
        }
        if self.wires[b].binary_search(&self.outlet[a]).is_ok() {
            return Some(Reason::Wire { agency: name(self.outlet[a]), how: WireLink::SecondCarriesFirst });
        }
        if self.outlet[a] == self.outlet[b] {
            return Some(Reason::SameOutlet { outlet: name(self.outlet[a]) });
        }
        self.passages.get(&(a.min(b), a.max(b))).cloned().map(Reason::Passage)
    }

    /// Every dependence found, in a stable order.
    pub fn links(&self) -> &[Link] {
        &self.links
    }

    /// The cluster of source `s`: the smallest source index it is (transitively) dependent on.
    pub fn cluster(&self, s: usize) -> usize {
        self.cluster.get(s).copied().unwrap_or(s)
    }

    /// `sources` split into independent groups: each group is the members of
    /// one cluster, ascending; groups ordered by their first member;
    /// duplicates counted once.
    pub fn groups(&self, sources: &[usize]) -> Vec<Vec<usize>> {
        let mut by_cluster: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &s in sources {
            by_cluster.entry(self.cluster(s)).or_default().push(s);
        }
        let mut groups: Vec<Vec<usize>> = by_cluster
            .into_values()
            .map(|mut g| {
                g.sort_unstable();
                g.dedup();
                g
            })
            .collect();
        groups.sort();
        groups
    }

    /// How many independent sources `sources` amount to.
    pub fn independent(&self, sources: &[usize]) -> usize {
        self.groups(sources).len()
    }
}

fn first_common(a: &[usize], b: &[usize]) -> Option<usize> {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return Some(a[i]),
        }
    }
    None
}

// ------------------------------------------------------------------ names

/// Outlet and wire names -> small integer keys: a registry entity when the
/// name is exactly one of its names or aliases (folded), else the folded name.
struct Names<'r> {
    registry: &'r Registry,
    keys: HashMap<String, usize>,
    /// Key -> the registry name, or the name as first written.
    written: Vec<String>,
}

impl<'r> Names<'r> {
    fn new(registry: &'r Registry) -> Self {
        Names { registry, keys: HashMap::new(), written: Vec::new() }
    }

    fn key(&mut self, name: &str) -> usize {
        let (canonical, shown) = match self.registry.exact(name) {
            Some(e) => (format!("entity:{}", self.registry.entities[e].id), self.registry.entities[e].name.as_str()),
            None => (format!("name:{}", fold(name)), name),
        };
        let next = self.written.len();
        let key = *self.keys.entry(canonical).or_insert(next);
        if key == next {
            self.written.push(shown.trim().to_string());
        }
        key
    }
}

/// The wire and outlet links: for each name, the sources declaring it as a
/// wire and the sources whose outlet it is. Linear in the number of sources.
fn name_links(outlet: &[usize], wires: &[Vec<usize>], names: &[String]) -> Vec<Link> {
    let mut carriers: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
    let mut own: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
    for (s, &o) in outlet.iter().enumerate() {
        own[o].push(s);
        for &w in &wires[s] {
            carriers[w].push(s);
        }
    }
    let mut links = Vec::new();
    for (k, (carriers, mut own)) in carriers.into_iter().zip(own).enumerate() {
        own.retain(|s| carriers.binary_search(s).is_err());
        if !carriers.is_empty() {
            if carriers.len() + own.len() >= 2 {
                links.push(Link::Wire { agency: names[k].clone(), carriers, own });
            }
        } else if own.len() >= 2 {
            links.push(Link::Outlet { outlet: names[k].clone(), sources: own });
        }
    }
    links
}

// ------------------------------------------------------------ quotations

/// How an open quotation ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    /// `"`, `“` or `„`: closed by `"`, `”`, or (after `„`) `“`.
    Double { low: bool },
    /// `«` / `»` (either way round), `‹` / `›`, `「`, `『`: closed by this mark.
    Mark(char),
    /// `‘` or `‚`: closed by `’` (or `‘` after `‚`) not followed by a letter.
    Single { low: bool },
    /// `'` at the start of a word: closed by `'` at the end of one.
    Straight,
}

/// The byte ranges of `text` outside quotation marks, in order. A quotation
/// opens at `“ „ " « » ‹ › 「 『 ‘ ‚`, or `'` before a word, and closes at its
/// closing mark; one still open at the end of a paragraph (a blank line, or
/// a line ending a sentence) closes there. The marks belong to no range.
pub fn unquoted(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    let mut start = 0usize; // start of the current unquoted range (when open is None)
    let mut prev: Option<char> = None;
    let mut line_start = 0usize;
    let bytes = text.as_bytes();
    let mut i = 0usize;
    while i < bytes.len() {
        // Fast path: plain ASCII that can neither open nor close a quotation.
        let b = bytes[i];
        if b.is_ascii() && !matches!(b, b'"' | b'\'' | b'\n') {
            prev = Some(b as char);
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("i is on a char boundary");
        let after = i + c.len_utf8();
        let next = text[after..].chars().next();
        match open {
            None => {
                let opens = match c {
                    '"' | '“' => Some(Open::Double { low: false }),
                    '„' => Some(Open::Double { low: true }),
                    '«' => Some(Open::Mark('»')),
                    '»' => Some(Open::Mark('«')),
                    '‹' => Some(Open::Mark('›')),
                    '›' => Some(Open::Mark('‹')),
                    '「' => Some(Open::Mark('」')),
                    '『' => Some(Open::Mark('』')),
                    '‘' => Some(Open::Single { low: false }),
                    '‚' => Some(Open::Single { low: true }),
                    '\'' if prev.is_none_or(|p| p.is_whitespace() || "([{-—–".contains(p))
                        && next.is_some_and(char::is_alphabetic) =>
                    {
                        Some(Open::Straight)
                    }
                    _ => None,
                };
                if let Some(o) = opens {
                    if i > start {
                        out.push(start..i);
                    }
                    open = Some(o);
                }
            }
            Some(o) => {
                let word_end = next.is_none_or(|n| !n.is_alphanumeric());
                let closes = match o {
                    Open::Double { low } => c == '"' || c == '”' || (low && c == '“'),
                    Open::Mark(m) => c == m,
                    Open::Single { low } => (c == '’' || (low && c == '‘')) && word_end,
                    Open::Straight => c == '\'' && word_end && prev.is_some_and(|p| !p.is_whitespace()),
                };
                if closes || (c == '\n' && paragraph_ends(text, line_start, i)) {
                    open = None;
                    start = after;
                }
            }
        }
        if c == '\n' {
            line_start = after;
        }
        prev = Some(c);
        i = after;
    }
    if open.is_none() && start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Whether the line break at `nl` (the line began at `line_start`) ends a
/// paragraph: the next line is blank or absent, or this line ends a sentence.
fn paragraph_ends(text: &str, line_start: usize, nl: usize) -> bool {
    let line = text[line_start..nl].trim_end();
    let rest = &text[nl + 1..];
    let next_line = rest.split('\n').next().unwrap_or("");
    if next_line.trim().is_empty() || line.is_empty() {
        return true;
    }
    let last = line.trim_end_matches(|c: char| "\"'”’»)]".contains(c)).chars().last();
    matches!(last, Some('.' | '!' | '?' | '…' | ':'))
}

// ------------------------------------------------------------------ words

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
struct Words {
    folded: String,
    words: Vec<Word>,
    /// Each run: a range of `words`.
    runs: Vec<Range<usize>>,
}

impl Words {
    fn of(text: &str) -> Words {
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
    fn shingles(&self) -> impl Iterator<Item = (usize, u64)> + '_ {
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

/// Shingle hash -> the first source holding it, in 8 bytes a slot: an
/// open-addressing table of `tag << bits | (source + 1)` (0 is empty), where
/// the tag is the hash without its low `bits`. Two shingles with one tag
/// look alike here; the words settle it ([`confirm`]).
struct ShingleIndex {
    slots: Vec<u64>,
    len: usize,
    /// Bits that hold `source + 1`.
    bits: u32,
}

impl ShingleIndex {
    fn new(sources: usize, expected: usize) -> Self {
        let bits = usize::BITS - (sources + 1).leading_zeros();
        let slots = (expected.max(16) * 4 / 3).next_power_of_two();
        ShingleIndex { slots: vec![0; slots], len: 0, bits }
    }

    fn tag(&self, hash: u64) -> u64 {
        hash >> self.bits
    }

    fn slot_of(&self, tag: u64) -> usize {
        (mix(tag) as usize) & (self.slots.len() - 1)
    }

    /// The source already holding `hash`, or record `source` as its holder.
    fn first_or_insert(&mut self, hash: u64, source: usize) -> Option<usize> {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let tag = self.tag(hash);
        let mask = (1u64 << self.bits) - 1;
        let mut k = self.slot_of(tag);
        loop {
            let entry = self.slots[k];
            if entry == 0 {
                self.slots[k] = (tag << self.bits) | (source as u64 + 1);
                self.len += 1;
                return None;
            }
            if entry >> self.bits == tag {
                return Some((entry & mask) as usize - 1);
            }
            k = (k + 1) & (self.slots.len() - 1);
        }
    }

    fn grow(&mut self) {
        let doubled = vec![0; self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, doubled);
        for entry in old.into_iter().filter(|&e| e != 0) {
            let mut k = self.slot_of(entry >> self.bits);
            while self.slots[k] != 0 {
                k = (k + 1) & (self.slots.len() - 1);
            }
            self.slots[k] = entry;
        }
    }
}

// -------------------------------------------------------------- passages

/// Articles are tokenized in batches of this many, in parallel.
const BATCH: usize = 2048;

/// The (start word, hash) of a later article's shingles held by one earlier article, in order.
type Hits = Vec<(usize, u64)>;

/// The shingle index is split into this many parts, filled in parallel.
const PARTS: usize = 4;

/// For every pair of articles sharing a passage of [`PASSAGE_WORDS`]+ words
/// outside quotations, the first such passage, keyed (earlier, later).
///
/// Each shingle goes into an index naming the first article holding it; an
/// article whose shingle is already there is a candidate partner of that
/// article, confirmed by comparing the words. Every two articles that share
/// a passage end up linked to the first article holding it, so they share a
/// cluster even when their own pair is not listed.
///
/// In batches of articles: tokenize them in parallel; put their shingles in
/// the index one article after another, in source order (so which article is
/// "first" never depends on the threads); then confirm the candidate pairs
/// in parallel, each earlier article tokenized once for all its partners in
/// the batch. Each pair's passage is a function of the two articles and the
/// hits alone, so the result equals a sequential run.
fn shared_passages(texts: &[Option<&str>]) -> BTreeMap<(usize, usize), Passage> {
    use rayon::prelude::*;
    // About one shingle per word, and a word takes some 7 bytes with its space:
    // sizing the index up front spares rehashing a table that grows to millions.
    let bytes: usize = texts.iter().flatten().map(|t| t.len()).sum();
    // The index is split by hash into parts filled in parallel: a shingle
    // goes to one part only, and each part is filled in source order, so the
    // first holder of every shingle is what one sequential index would say.
    let mut parts: Vec<ShingleIndex> = (0..PARTS).map(|_| ShingleIndex::new(texts.len(), bytes / 7 / PARTS)).collect();
    let mut found = BTreeMap::new();
    for batch_start in (0..texts.len()).step_by(BATCH) {
        let batch = batch_start..(batch_start + BATCH).min(texts.len());
        let words: Vec<Option<Words>> = texts[batch.clone()].par_iter().map(|t| t.map(Words::of)).collect();
        let shingles: Vec<Vec<(usize, u64)>> =
            words.par_iter().map(|w| w.as_ref().map(|w| w.shingles().collect()).unwrap_or_default()).collect();
        // (later, earlier, start word in later, hash) of every shingle already held by another article.
        let mut hits: Vec<(usize, usize, usize, u64)> = parts
            .par_iter_mut()
            .enumerate()
            .map(|(part, index)| {
                let mut hits = Vec::new();
                for (i, list) in batch.clone().zip(&shingles) {
                    for &(pos, h) in list.iter().filter(|(_, h)| (*h % PARTS as u64) as usize == part) {
                        if let Some(j) = index.first_or_insert(h, i) {
                            if j != i {
                                hits.push((i, j, pos, h));
                            }
                        }
                    }
                }
                hits
            })
            .flatten()
            .collect();
        drop(shingles);
        hits.sort_unstable();
        // Earlier article -> (later article, the (start word, hash) of the shingles that hit it, in order).
        let mut partners: BTreeMap<usize, Vec<(usize, Hits)>> = BTreeMap::new();
        for (i, j, pos, h) in hits {
            let list = partners.entry(j).or_default();
            match list.last_mut() {
                Some((last, positions)) if *last == i => positions.push((pos, h)),
                _ => list.push((i, vec![(pos, h)])),
            }
        }
        let confirmed: Vec<Vec<((usize, usize), Passage)>> = partners
            .into_par_iter()
            .map(|(j, later)| {
                let text = texts[j].unwrap_or("");
                let own;
                let earlier = if batch.contains(&j) {
                    words[j - batch.start].as_ref().expect("a hit names an article with text")
                } else {
                    own = Words::of(text);
                    &own
                };
                later
                    .iter()
                    .filter_map(|(i, positions)| {
                        let w = words[i - batch.start].as_ref().expect("the later article has text");
                        confirm(earlier, text, w, positions).map(|p| ((j, *i), p))
                    })
                    .collect()
            })
            .collect();
        found.extend(confirmed.into_iter().flatten());
    }
    found
}

/// The longest passage through one of `positions` (shingle starts in
/// `later`) that `earlier` holds word for word, if it is long enough.
fn confirm(earlier: &Words, earlier_text: &str, later: &Words, positions: &[(usize, u64)]) -> Option<Passage> {
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

// ------------------------------------------------------------ union-find

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind { parent: (0..n).collect() }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Join two sets; the smaller index names the union.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.parent[hi] = lo;
        }
    }
}

#[cfg(test)]
mod tests;
