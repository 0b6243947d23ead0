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
//! Scale: names are indexed, and shared passages are found by the
//! `passages` submodule from a sketch of every article's shingles, so the
//! cost grows with the total number of words, never with pairs of sources; a
//! hash hit is confirmed by comparing the actual words. Pure: no I/O.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use crate::model::Source;
use crate::resolve::Registry;
use crate::text::fold;

mod passages;
use passages::shared_passages;

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

    /// The links, once nothing else is asked of the dependence.
    pub fn into_links(self) -> Vec<Link> {
        self.links
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
        let next_special = special_from(bytes, i);
        if next_special > i {
            prev = Some(bytes[next_special - 1] as char);
            i = next_special;
            if i == bytes.len() {
                break;
            }
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

/// The first byte at or after `i` that may open or close a quotation or
/// end a line: `"`, `'`, a line break, or any byte of a non-ASCII character;
/// `bytes.len()` when there is none. Eight bytes at a time.
fn special_from(bytes: &[u8], mut i: usize) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // A byte equal to `c` becomes a zero byte; the lowest zero byte sets
        // its high bit (bytes above it may too, but only the lowest counts).
        let equal = |c: u8| {
            let x = w ^ (LOW * u64::from(c));
            x.wrapping_sub(LOW) & !x & HIGH
        };
        let found = (w & HIGH) | equal(b'"') | equal(b'\'') | equal(b'\n');
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i].is_ascii() && !matches!(bytes[i], b'"' | b'\'' | b'\n') {
        i += 1;
    }
    i
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
