//! Quote grounding: every claim's `quote` must stand in its article.
//!
//! Matching ignores case, runs of white space, curly vs straight quotes,
//! dash variants (`--`, `–`, `—` are all one dash), characters a reader
//! does not see (soft hyphens, zero-width spaces: `text::is_invisible`) and
//! Unicode normalization: "ü" as one character (NFC) and as "u" + U+0308
//! (NFD, as macOS and PDFs write it) are one letter, and so are a ligature
//! or a full-width letter and what it stands for ("ﬁ" and "fi"). A
//! quote that stands in its article exactly as written is found without
//! folding anything (most quotes are copied from the article); the article
//! is folded only for a quote that is not (once, for all such quotes). So a
//! quote as written is found even where folding would not find it: folding
//! makes "- -" one dash, and " -5" (folded "-5") is not in "10 - -5"
//! (folded "10 - 5"); the HTML report then shows that claim without its
//! passage, which is cut from the folded match. A
//! quote that is not found is reported with the article's closest passage
//! and its similarity, so the fact-checker sees at once whether it is a typo
//! or a wrong article.
//!
//! Pure: works on the article text already read by `load`.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::similarity;

/// Fold text for quote matching (see the module doc), keeping word order.
pub fn fold_quote(s: &str) -> String {
    fold_mapped(s, None)
}

/// [`fold_quote`], recording for each byte of the folded text the byte
/// offset in `s` of the character it came from, when `map` is given.
fn fold_mapped(s: &str, map: Option<&mut Vec<usize>>) -> String {
    fold_with(s, map, true)
}

/// [`fold_mapped`]; `ascii_fast` takes ASCII bytes one by one, without
/// decoding chars (the tests check it against the general path alone).
fn fold_with(s: &str, map: Option<&mut Vec<usize>>, ascii_fast: bool) -> String {
    let mut f = Folder { out: String::with_capacity(s.len()), map, last_space: true, last_dash: false };
    let bytes = s.as_bytes();
    let mut next = 0;
    while next < bytes.len() {
        let at = next;
        // Most of any article is ASCII: each byte is handled here without
        // decoding a char or consulting Unicode tables, exactly as the
        // general path below would handle it.
        let b = bytes[at];
        if ascii_fast && b < 0x80 {
            f.ascii(b, at);
            next += 1;
            continue;
        }
        let c = s[at..].chars().next().expect("at is on a char boundary");
        next += c.len_utf8();
        if is_compatibility_form(c) {
            // Ligatures and full-width forms: what they stand for ("ﬁ" is
            // "fi", "Ａ" is "A"), each then folded as any character is.
            unicode_normalization::char::decompose_compatible(c, |d| f.char(d, at));
        } else {
            f.char(c, at);
        }
    }
    if f.out.ends_with(' ') {
        f.out.pop();
        if let Some(m) = f.map {
            m.truncate(f.out.len());
        }
    }
    f.out
}

/// Whether `c` is a ligature (U+FB00-U+FB4F) or a half- or full-width form
/// (U+FF00-U+FFEF), which quotes match by their compatibility decomposition.
/// Other compatibility forms (superscripts, fractions, circled numbers)
/// change what a text says ("10²" is not "102") and are kept.
fn is_compatibility_form(c: char) -> bool {
    matches!(c, '\u{FB00}'..='\u{FB4F}' | '\u{FF00}'..='\u{FFEF}')
}

/// The state of [`fold_with`]: the folded text, the byte map, and whether
/// the last character kept was a space or a dash.
struct Folder<'m> {
    out: String,
    map: Option<&'m mut Vec<usize>>,
    last_space: bool,
    last_dash: bool,
}

impl Folder<'_> {
    /// Keeps `map` one entry per byte of `out`.
    fn push(&mut self, text: &str, at: usize) {
        self.out.push_str(text);
        if let Some(m) = self.map.as_deref_mut() {
            m.resize(self.out.len(), at);
        }
    }

    /// An ASCII byte, folded as [`Folder::char`] folds it.
    fn ascii(&mut self, b: u8, at: usize) {
        let b = match b {
            b'`' => b'\'',
            b' ' | b'\t'..=b'\r' => b' ',
            b => b.to_ascii_lowercase(),
        };
        let keep = match b {
            b' ' => !std::mem::replace(&mut self.last_space, true),
            b'-' if self.last_dash => false,
            b'-' => {
                self.last_space = false;
                self.last_dash = true;
                true
            }
            _ => {
                self.last_space = false;
                self.last_dash = false;
                true
            }
        };
        if keep {
            self.out.push(b as char);
            if let Some(m) = self.map.as_deref_mut() {
                m.push(at);
            }
        }
    }

    /// Character `c`, which stands at byte `at` of the input.
    fn char(&mut self, c: char, at: usize) {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => '-',
            '\u{2026}' => {
                self.push("...", at);
                self.last_space = false;
                self.last_dash = false;
                return;
            }
            c if c.is_whitespace() => ' ',
            c if crate::text::is_invisible(c) => return,
            c => c,
        };
        if c == ' ' {
            if !self.last_space {
                self.push(" ", at);
            }
            self.last_space = true;
            return;
        }
        if c == '-' && self.last_dash {
            return;
        }
        self.last_dash = c == '-';
        self.last_space = false;
        if c.is_ascii() {
            // Most of any article: one byte in, one byte out, no Unicode tables.
            self.out.push(c.to_ascii_lowercase());
            if let Some(m) = self.map.as_deref_mut() {
                m.push(at);
            }
            return;
        }
        // Hangul is composed (NFC), not decomposed: NFD would split a syllable
        // into its letters, and a quote ending in 가 would then be found in an
        // article's 각 (its last letter is no combining mark that
        // `ends_a_letter` sees). Letters written apart (jamo) are joined into
        // their syllable, so both forms still fold alike.
        if let Some(syllable) = self.hangul_with_last(c) {
            self.replace_last(syllable, at);
            return;
        }
        if ('\u{AC00}'..='\u{D7A3}').contains(&c) {
            let mut buf = [0u8; 4];
            self.push(c.encode_utf8(&mut buf), at);
            return;
        }
        // Canonically decomposed (NFD) and lower-cased, so that "ü" typed as
        // one character and as "u" + U+0308 (text copied from macOS or a PDF)
        // fold alike; lower-casing may give a composed character again.
        unicode_normalization::char::decompose_canonical(c, |d| {
            for l in d.to_lowercase() {
                unicode_normalization::char::decompose_canonical(l, |e| self.mark_ordered(e, at));
            }
        });
    }

    /// The syllable that `c`, a vowel or final jamo, makes with the
    /// character just pushed (a leading jamo, or a syllable without a final),
    /// as Unicode composes Hangul.
    fn hangul_with_last(&self, c: char) -> Option<char> {
        const S: u32 = 0xAC00;
        const L: u32 = 0x1100;
        const V: u32 = 0x1161;
        const T: u32 = 0x11A7;
        let c = c as u32;
        if !(V..T + 28).contains(&c) {
            return None; // not a vowel or final letter: most characters
        }
        let p = self.out.chars().next_back()? as u32;
        let composed = if (L..L + 19).contains(&p) && (V..V + 21).contains(&c) {
            S + ((p - L) * 21 + (c - V)) * 28
        } else if (S..S + 11172).contains(&p) && (p - S) % 28 == 0 && (T + 1..T + 28).contains(&c) {
            p + (c - T)
        } else {
            return None;
        };
        char::from_u32(composed)
    }

    /// Replaces the character just pushed with `syllable`, which it makes
    /// with the letter at byte `at` of the input; the syllable keeps the
    /// place of the character it replaces, and its last byte takes `at`, so
    /// that a passage ending on the syllable ends after all of its letters.
    fn replace_last(&mut self, syllable: char, at: usize) {
        let last = self.out.chars().next_back().expect("a character was pushed").len_utf8();
        let keep = self.out.len() - last;
        self.out.truncate(keep);
        let start = self.map.as_deref_mut().map(|m| {
            let start = m[keep];
            m.truncate(keep);
            start
        });
        let mut buf = [0u8; 4];
        self.push(syllable.encode_utf8(&mut buf), start.unwrap_or(0));
        if let Some(m) = self.map.as_deref_mut() {
            if let Some(end) = m.last_mut() {
                *end = at;
            }
        }
    }

    /// Pushes `c`; a combining mark goes before the marks just before it
    /// that have a higher combining class (the canonical order of NFD, so
    /// "a" + dot below + circumflex and "a" + circumflex + dot below fold
    /// alike). The map stays in order: moved bytes keep the place of the
    /// character they now stand at.
    fn mark_ordered(&mut self, c: char, at: usize) {
        use unicode_normalization::char::canonical_combining_class as class;
        let mut buf = [0u8; 4];
        let text = c.encode_utf8(&mut buf);
        let own = class(c);
        let mut pos = self.out.len();
        if own != 0 {
            while let Some(prev) = self.out[..pos].chars().next_back() {
                if class(prev) > own {
                    pos -= prev.len_utf8();
                } else {
                    break;
                }
            }
        }
        if pos == self.out.len() {
            self.push(text, at);
            return;
        }
        self.out.insert_str(pos, text);
        if let Some(m) = self.map.as_deref_mut() {
            let keep = m[pos];
            m.splice(pos..pos, std::iter::repeat_n(keep, text.len()));
        }
    }
}

/// Most folded bytes of the article that an elision in a quote may leave
/// out between two of its parts: a few sentences.
pub const ELISION_GAP: usize = 1_000;

/// Most parts of an elided quote that are looked for: each costs a pass over
/// the article, and a quote of 3,000 parts took nearly a minute on an 8 MB
/// article. A quote cut into more parts is not found (and is reported with
/// its closest passage, as any quote not found is).
pub const MAX_ELIDED_PARTS: usize = 32;

/// Longest quote (in characters) whose closest passage is scored by string
/// similarity, which costs the product of the two lengths: an 80,000-character
/// quote took a minute and a half. A longer quote is scored by the share of
/// its words the passage holds.
pub const MAX_SCORED_CHARS: usize = 2_000;

/// The parts of a quote with words left out ("recalling nearly 2 million
/// SUVs ... over faulty airbag inflators"), folded, in order: the quote cut
/// at each elision mark (`...`, `…`, `. . .`, and any of them in square
/// or round brackets), empty parts dropped. `None` when the quote has no
/// elision mark or no part with a letter or digit in it (a quote of marks
/// alone says nothing).
pub fn elided_parts(quote: &str) -> Option<Vec<String>> {
    const MARKS: [&str; 8] = ["[...]", "[…]", "(...)", "(…)", "[. . .]", ". . .", "...", "…"];
    let bracketed = quote.find('[').is_some_and(|open| quote[open..].contains(']'));
    if !bracketed && !MARKS.iter().any(|m| quote.contains(m)) {
        return None;
    }
    let mut cut = quote.to_string();
    for mark in MARKS {
        cut = cut.replace(mark, "\u{0}");
    }
    // "[the minister] would resign", "signed [by Tuesday]": words in square
    // brackets are the editor's, standing for the article's: a gap, as an
    // elision is.
    while let Some(open) = cut.find('[') {
        let Some(close) = cut[open..].find(']') else { break };
        cut.replace_range(open..open + close + 1, "\u{0}");
    }
    let parts: Vec<String> = cut.split('\u{0}').map(fold_quote).filter(|p| !p.is_empty()).collect();
    let says_something = parts.iter().any(|p| p.chars().any(char::is_alphanumeric));
    says_something.then_some(parts)
}

/// The words of a quote written inside its own quotation marks
/// ("“The toll will rise”", "'The toll will rise'"), when an opening mark
/// starts it and a closing mark ends it; `None` otherwise.
fn unwrapped(quote: &str) -> Option<&str> {
    let q = quote.trim();
    let inner = q.strip_prefix(['"', '\u{201C}', '\u{2018}', '\'', '\u{AB}', '\u{201E}'])?;
    let inner = inner.strip_suffix(['"', '\u{201D}', '\u{2019}', '\'', '\u{BB}', '\u{201C}'])?.trim();
    shows_something(inner).then_some(inner)
}

/// Where the folded `needle` first stands in the folded `hay` as whole
/// letters ([`ends_a_letter`]: "cafe" is not in "café", folded "cafe\u{301}").
fn find_folded(hay: &str, needle: &str) -> Option<usize> {
    memchr::memmem::find_iter(hay.as_bytes(), needle.as_bytes())
        .find(|&at| ends_a_letter(hay.as_bytes(), at + needle.len()))
}

/// An article prepared for quote lookups.
#[derive(Debug, Clone)]
pub struct Article {
    text: String,
    /// The article folded as quotes are; made on the first lookup that needs it.
    folded: OnceLock<String>,
    /// For each byte of `folded`, where its character starts in `text`;
    /// made on the first [`Article::passage`] call.
    map: OnceLock<Vec<usize>>,
    /// The article's words, for the closest passage to a quote not found.
    words: OnceLock<Words>,
}

/// Sentences of context shown on each side of a quote.
pub const CONTEXT_SENTENCES: usize = 1;
/// At most this many bytes of context on each side (cut at a space).
pub const CONTEXT_BYTES: usize = 400;

/// Whether `needle` occurs in `hay`. An article is a few kilobytes and a
/// quote is looked for once, so building a searcher (`memmem::Finder`) would
/// cost more than the search: candidates are found with `memchr` on the
/// quote's rarest byte (by how often each byte stands in English news
/// text, [`commonness`]) and compared. A search that compares more than a
/// few times the article's length (a text of one repeated letter, say) goes
/// on with `memmem`, which takes time linear in the article's length.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    if needle.is_empty() {
        return true;
    }
    if needle.len() > hay.len() {
        return false;
    }
    // The rarest byte, and where it stands in the quote (the first such).
    let (offset, &rare) = needle.iter().enumerate().min_by_key(|&(_, &b)| commonness(b)).expect("not empty");
    let mut budget = hay.len().saturating_mul(4).max(4096);
    // Where the rare byte may stand in `hay` for the quote to fit around it.
    let (mut from, last) = (offset, hay.len() - (needle.len() - offset));
    while from <= last {
        let Some(p) = memchr::memchr(rare, &hay[from..=last]) else { return false };
        let start = from + p - offset;
        if &hay[start..start + needle.len()] == needle && ends_a_letter(hay, start + needle.len()) {
            return true;
        }
        budget = budget.saturating_sub(needle.len());
        if budget == 0 {
            let rest = &hay[start + 1..];
            return memchr::memmem::find_iter(rest, needle).any(|at| ends_a_letter(rest, at + needle.len()));
        }
        from += p + 1;
    }
    false
}

/// Whether a match that ends at byte `end` of `hay` ends a whole letter:
/// no combining mark follows, which would make its last letter another one
/// ("cafe" is not in "cafe\u{301}", "café" in NFD).
fn ends_a_letter(hay: &[u8], end: usize) -> bool {
    // A combining mark is never ASCII: most matches are told by one byte.
    if hay.get(end).is_none_or(|&b| b < 0x80) {
        return true;
    }
    let after = std::str::from_utf8(&hay[end..(end + 4).min(hay.len())])
        .or_else(|e| std::str::from_utf8(&hay[end..end + e.valid_up_to()]))
        .ok()
        .and_then(|rest| rest.chars().next());
    !after.is_some_and(unicode_normalization::char::is_combining_mark)
}

/// Whether `quote` folds to something ([`fold_quote`] keeps every character
/// but white space and what a reader does not see), told without folding.
fn shows_something(quote: &str) -> bool {
    quote.chars().any(|c| !c.is_whitespace() && !crate::text::is_invisible(c))
}

/// How common byte `b` is in English news text, roughly (higher, more
/// common): white space and lower-case letters by their frequency, then
/// punctuation, capitals and digits. Of the bytes of other characters,
/// those of typographic punctuation (’ “ ” – — …: E2 80 then 93, 94, 98,
/// 99, 9C, 9D or A6) rank with ASCII punctuation (the two bytes every one
/// of them starts with just above it, the last bytes just below); the rest
/// are rare. Only speeds [`contains`]; any order would give the same
/// answers.
fn commonness(b: u8) -> u8 {
    const LETTERS: &[u8] = b"zqxjkvbpygfwmucldrhsnioate";
    match b {
        b' ' => 255,
        b'a'..=b'z' => 200 + LETTERS.iter().position(|&l| l == b).unwrap_or(0) as u8,
        0xE2 | 0x80 => 130,
        b',' | b'.' | b'\'' | b'"' | b'-' => 120,
        0x93 | 0x94 | 0x98 | 0x99 | 0x9C | 0x9D | 0xA6 => 110,
        b'A'..=b'Z' | b'0'..=b'9' => 100,
        b'\n' | b'\t' | b'\r' => 90,
        0x80.. => 10,
        _ => 50,
    }
}

/// A quote as it stands in its article, with the sentences around it.
/// White space runs are one space; `before`/`after` end or start with a space
/// where the article has one next to the quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub before: String,
    pub quote: String,
    pub after: String,
    /// Context was cut short of a sentence start (before) or end (after).
    pub cut_before: bool,
    pub cut_after: bool,
}

/// The closest passage to a quote that was not found.
#[derive(Debug, Clone, PartialEq)]
pub struct Miss {
    pub passage: String,
    pub similarity: f64,
}

impl Article {
    pub fn new(text: &str) -> Article {
        Article::from_string(text.to_string())
    }

    /// An article that owns the text it was given (no copy).
    pub fn from_string(text: String) -> Article {
        Article { text, folded: OnceLock::new(), map: OnceLock::new(), words: OnceLock::new() }
    }

    fn folded(&self) -> &str {
        self.folded.get_or_init(|| fold_quote(&self.text))
    }

    /// The quote's first occurrence, as the article writes it, with up to
    /// [`CONTEXT_SENTENCES`] sentences on each side (at most
    /// [`CONTEXT_BYTES`] each). `None` when the quote is not in the article.
    /// An elided quote ([`elided_parts`]) stands from its first part to its
    /// last, the words left out shown too.
    pub fn passage(&self, quote: &str) -> Option<Passage> {
        let q = fold_quote(quote);
        if q.is_empty() {
            return None;
        }
        let (at, end_at) = match find_folded(self.folded(), &q) {
            Some(at) => (at, at + q.len()),
            None => match self.find_elided(quote) {
                Some(span) => span,
                None => return self.passage(unwrapped(quote)?),
            },
        };
        let map = self.map.get_or_init(|| {
            let mut m = Vec::with_capacity(self.folded().len());
            fold_mapped(&self.text, Some(&mut m));
            m
        });
        let start = map[at];
        let last = map[end_at - 1];
        let end = last + self.text[last..].chars().next().map_or(0, char::len_utf8);
        let (from, cut_before) = context_start(&self.text, start);
        let (to, cut_after) = context_end(&self.text, end);
        Some(Passage {
            before: squash(&self.text[from..start]).trim_start().to_string(),
            quote: squash(&self.text[start..end]),
            after: squash(&self.text[end..to]).trim_end().to_string(),
            cut_before,
            cut_after,
        })
    }

    /// `Ok(())` when the quote is in the article (as written, or folded),
    /// else its closest passage. A quote that folds to nothing is never found.
    pub fn find(&self, quote: &str) -> Result<(), Miss> {
        if self.stands(quote) {
            return Ok(());
        }
        // A quote written inside its own quotation marks ("“The toll will rise”"):
        // the words inside them, when the marks are not the article's.
        if unwrapped(quote).is_some_and(|inner| self.stands(inner)) {
            return Ok(());
        }
        Err(self.closest(&fold_quote(quote)))
    }

    /// Whether the quote stands in the article: as written, folded, or part
    /// by part when it is elided (no closest passage is looked for).
    fn stands(&self, quote: &str) -> bool {
        if shows_something(quote) && contains(self.text.as_bytes(), quote.as_bytes()) {
            return true;
        }
        let q = fold_quote(quote);
        (!q.is_empty() && find_folded(self.folded(), &q).is_some()) || self.find_elided(quote).is_some()
    }

    /// Where an elided quote stands in the folded article: from its first
    /// part's start to its last part's end, each part found after the one
    /// before with at most [`ELISION_GAP`] folded bytes between them (the
    /// first such chain to end). `None` for a quote with no elision, or one
    /// whose parts do not all stand there in order, close enough.
    fn find_elided(&self, quote: &str) -> Option<(usize, usize)> {
        let parts = elided_parts(quote)?;
        if parts.len() > MAX_ELIDED_PARTS {
            return None;
        }
        let hay = self.folded();
        // Per part, where it stands, each with where the chain reaching it
        // starts, if one does: one pass over the article per part, and a
        // merge with the places of the part before.
        let mut reached: Vec<(usize, usize)> = Vec::new(); // (end, chain start)
        for (k, part) in parts.iter().enumerate() {
            let places = memchr::memmem::find_iter(hay.as_bytes(), part.as_bytes())
                .filter(|&at| ends_a_letter(hay.as_bytes(), at + part.len()));
            let mut next = Vec::new();
            let mut j = 0; // parts before that end at or before `at`: reached[..j]
            for at in places {
                if k == 0 {
                    next.push((at + part.len(), at));
                    continue;
                }
                while j < reached.len() && reached[j].0 <= at {
                    j += 1;
                }
                // The closest part before that ends in time.
                if let Some(&(end, origin)) = reached[..j].last() {
                    if at - end <= ELISION_GAP {
                        next.push((at + part.len(), origin));
                    }
                }
            }
            if next.is_empty() {
                return None;
            }
            reached = next;
        }
        reached.first().map(|&(end, origin)| (origin, end))
    }

    /// The window of the article, as long as the quote, that shares the most
    /// words with it; ties and the final score by string similarity.
    /// Only a quote that is not found pays for splitting the article into
    /// words, once for all its quotes ([`Words`]); each quote then slides its
    /// window over the words' ids, with no text touched, and keeps the five
    /// best windows as it goes (not every window, sorted).
    fn closest(&self, q: &str) -> Miss {
        let words = self.words.get_or_init(|| Words::new(&self.text));
        let n_words = words.ids.len();
        if n_words == 0 {
            return Miss { passage: String::new(), similarity: 0.0 };
        }
        let qwords: Vec<&str> = q.split(' ').filter(|w| !w.is_empty()).collect();
        let n = qwords.len().max(1).min(n_words);
        // The quote's distinct words that the article has, each with how often
        // the quote has it (`cap`); `slots` maps an article word's id to its
        // place among them (0 for every other word: a place whose cap no count
        // reaches, so the loop below needs no branch on it).
        let mut distinct: Vec<u32> = Vec::new();
        let mut place: HashMap<u32, usize> = HashMap::new();
        let mut cap: Vec<i32> = vec![i32::MIN];
        for w in &qwords {
            if let Some(&id) = words.index.get(*w) {
                match place.get(&id) {
                    Some(&k) => cap[k + 1] += 1,
                    None => {
                        place.insert(id, distinct.len());
                        distinct.push(id);
                        cap.push(1);
                    }
                }
            }
        }
        // (One entry per word of the article's vocabulary: no more than the
        // pass over its words below costs.)
        let mut slots = vec![0u32; words.vocab.len()];
        for (k, &id) in distinct.iter().enumerate() {
            slots[id as usize] = k as u32 + 1;
        }
        // Sliding window: `have` counts the window's words that the quote wants.
        let mut have = vec![0i32; cap.len()];
        let mut overlap = 0i32;
        // The best windows so far, by overlap (more first), then start (earlier first).
        let mut best: Vec<(i32, usize)> = Vec::with_capacity(TRIED + 1);
        let ids = &words.ids;
        for i in 0..n_words {
            let k = slots[ids[i] as usize] as usize;
            have[k] += 1;
            overlap += i32::from(have[k] <= cap[k]);
            if i >= n {
                let k = slots[ids[i - n] as usize] as usize;
                overlap -= i32::from(have[k] <= cap[k]);
                have[k] -= 1;
            }
            if i + 1 >= n && (best.len() < TRIED || overlap > best[TRIED - 1].0) {
                // Starts only grow: a window goes after those with as much overlap.
                let at = best.partition_point(|&(o, _)| o >= overlap);
                best.insert(at, (overlap, i + 1 - n));
                best.truncate(TRIED);
            }
        }
        let mut miss = Miss { passage: String::new(), similarity: -1.0 };
        let q = composed(q);
        let long = q.chars().count() > MAX_SCORED_CHARS;
        for &(overlap, start) in &best {
            let window: Vec<&str> =
                words.ids[start..start + n].iter().map(|&id| words.vocab[id as usize].as_str()).collect();
            let score = if long {
                f64::from(overlap.max(0)) / qwords.len().max(n) as f64
            } else {
                similarity(&q, &composed(&window.join(" ")))
            };
            if score > miss.similarity {
                let passage: Vec<&str> = words.spans[start..start + n].iter().map(|&(a, b)| &self.text[a..b]).collect();
                miss = Miss { passage: passage.join(" "), similarity: score };
            }
        }
        miss.similarity = miss.similarity.max(0.0);
        miss
    }
}

/// Folded text composed again (NFC) for scoring, so that "ü" is one
/// character to the similarity, as the reader sees it, not two.
fn composed(folded: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    if folded.is_ascii() {
        std::borrow::Cow::Borrowed(folded)
    } else {
        std::borrow::Cow::Owned(folded.nfc().collect())
    }
}

/// How many of the windows sharing the most words with a missing quote are
/// scored by string similarity.
const TRIED: usize = 5;

/// An article split into words (at white space) for [`Article::closest`],
/// made once, on its first missing quote.
#[derive(Debug, Clone, Default)]
struct Words {
    /// Where each word stands in the text (byte range).
    spans: Vec<(usize, usize)>,
    /// Each word's folded form ([`fold_quote`]), as an id into `vocab`.
    ids: Vec<u32>,
    vocab: Vec<String>,
    index: HashMap<String, u32>,
}

impl Words {
    fn new(text: &str) -> Words {
        let mut words = Words::default();
        let base = text.as_ptr() as usize;
        for word in text.split_whitespace() {
            let start = word.as_ptr() as usize - base;
            words.spans.push((start, start + word.len()));
            let folded = fold_quote(word);
            let id = match words.index.get(&folded) {
                Some(&id) => id,
                None => {
                    let id = words.vocab.len() as u32;
                    words.vocab.push(folded.clone());
                    words.index.insert(folded, id);
                    id
                }
            };
            words.ids.push(id);
        }
        words
    }
}

/// Where sentences start: after a line break, or after `.`, `!` or `?`
/// (and any closing quotes or brackets) followed by white space.
fn is_sentence_start(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    if before.len() == at {
        return false; // no white space before `at`
    }
    if text[before.len()..at].contains('\n') {
        return true;
    }
    let core = before.trim_end_matches(['"', '\'', ')', ']', '\u{201D}', '\u{2019}', '\u{00BB}']);
    core.ends_with(['.', '!', '?', '\u{2026}'])
}

/// The start of the context before byte `start`: back over the rest of the
/// quote's sentence and [`CONTEXT_SENTENCES`] more, at most [`CONTEXT_BYTES`].
fn context_start(text: &str, start: usize) -> (usize, bool) {
    let floor = start.saturating_sub(CONTEXT_BYTES);
    // A quote that opens its sentence has no rest of it to go back over.
    let mut found = usize::from(start > 0 && is_sentence_start(text, start));
    for (i, _) in text[..start].char_indices().rev() {
        if i < floor {
            break;
        }
        if !text[i..].starts_with(char::is_whitespace) && is_sentence_start(text, i) {
            found += 1;
            if found > CONTEXT_SENTENCES {
                return (i, false);
            }
        }
    }
    if floor == 0 {
        return (0, false);
    }
    // Cut at the first space after the floor.
    let mut at = floor;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    let cut = text[at..start].find(char::is_whitespace).map_or(start, |i| at + i);
    (cut, true)
}

/// The end of the context after byte `end`: the rest of the quote's sentence
/// and [`CONTEXT_SENTENCES`] more, at most [`CONTEXT_BYTES`].
fn context_end(text: &str, end: usize) -> (usize, bool) {
    let ceiling = (end + CONTEXT_BYTES).min(text.len());
    let mut found = 0;
    for (off, _) in text[end..].char_indices() {
        let i = end + off;
        if i > ceiling {
            break;
        }
        if i > end && !text[i..].starts_with(char::is_whitespace) && is_sentence_start(text, i) {
            found += 1;
            if found > CONTEXT_SENTENCES {
                return (i, false);
            }
        }
    }
    if ceiling == text.len() {
        return (text.len(), false);
    }
    let mut at = ceiling;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let cut = text[end..at].rfind(char::is_whitespace).map_or(end, |i| end + i);
    (cut, true)
}

/// Runs of white space as one space; kept (as one space) at either end.
fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_quote_in_its_own_marks_or_with_the_editors_words_in_brackets_is_found() {
        let a =
            Article::new("The death toll will rise, officials said on Monday. He said she would resign by Tuesday.");
        // Quotation marks around the whole quote are the recorder's, not the article's.
        for q in
            ["\u{201C}The death toll will rise\u{201D}", "\"The death toll will rise\"", "'the death toll will rise'"]
        {
            assert!(a.find(q).is_ok(), "{q}");
            assert_eq!(a.passage(q).unwrap().quote, "The death toll will rise", "{q}");
        }
        assert!(a.find("\u{201C}The death toll \u{2026} on Monday\u{201D}").is_ok());
        // Words in square brackets stand for the article's.
        assert!(a.find("He said [the minister] would resign").is_ok());
        assert!(a.find("she would resign [by Tuesday]").is_ok());
        assert_eq!(a.passage("He said [the minister] would resign").unwrap().quote, "He said she would resign");
        // Neither makes words that are not there be found.
        assert!(a.find("\u{201C}The death toll will fall\u{201D}").is_err());
        assert!(a.find("He said [the minister] would stay").is_err());
    }

    /// A quote with words left out is found part by part, in order, each
    /// part close to the one before; the passage runs from the first part
    /// to the last.
    #[test]
    fn an_elided_quote_is_found_part_by_part_in_order() {
        let a = Article::new(
            "DETROIT - Halden Motors is recalling nearly 2 million SUVs built since 2019 over faulty airbag \
             inflators, the company said. \"We regret this,\" a spokesman said.",
        );
        for quote in [
            "Halden Motors is recalling nearly 2 million SUVs ... over faulty airbag inflators",
            "Halden Motors is recalling nearly 2 million SUVs … over faulty airbag inflators",
            "Halden Motors is recalling nearly 2 million SUVs [...] over faulty airbag inflators",
            "Halden Motors is recalling . . . SUVs built since 2019 … the company said",
            "...over faulty airbag inflators",
        ] {
            assert_eq!(a.find(quote), Ok(()), "{quote}");
            assert!(a.passage(quote).is_some(), "{quote}");
        }
        let p = a.passage("Halden Motors is recalling ... over faulty airbag inflators").unwrap();
        assert_eq!(
            p.quote,
            "Halden Motors is recalling nearly 2 million SUVs built since 2019 over faulty airbag inflators"
        );
        assert_eq!(p.before, "DETROIT - ");
        // Out of order, a part not there, marks alone: not found.
        for quote in [
            "over faulty airbag inflators ... Halden Motors is recalling",
            "Halden Motors is recalling ... over faulty brakes",
            "... …",
        ] {
            assert!(a.find(quote).is_err(), "{quote}");
            assert!(a.passage(quote).is_none(), "{quote}");
        }
        // Parts too far apart do not belong together.
        let far = Article::new(&format!("The talks began. {} The talks ended.", "Filler words here. ".repeat(100)));
        assert!(far.find("The talks began ... The talks ended").is_err());
        assert_eq!(far.find("The talks began ... Filler words here"), Ok(()));
        // A first part that stands twice: the place close to the next part counts.
        let twice = Article::new(&format!(
            "The talks began. {} The talks began late. They ended.",
            "Filler words. ".repeat(100)
        ));
        assert_eq!(twice.find("The talks began ... They ended"), Ok(()));
        assert_eq!(twice.passage("The talks began ... They ended").unwrap().quote, "The talks began late. They ended");
        // A short first part that stands many thousand times: the place next to the last part counts.
        let many = Article::new(&format!("{}Then the end came. The talks ended.", "The cat sat. ".repeat(12_000)));
        assert_eq!(many.find("the ... talks ended"), Ok(()));
    }

    use super::*;

    proptest::proptest! {
        /// The folded text with and without the byte map is the same, the map
        /// has one entry per folded byte, each at a character of the input, in
        /// order; and ASCII letters fold to their lowercase one for one.
        #[test]
        fn the_byte_map_follows_the_folded_text(s in "[a-zA-Z0-9 \t\n.,'`\"-]{0,40}|[ -~éÉßİẞ\u{2019}\u{201C}\u{2014}\u{2026}\u{00A0}\u{00AD}\u{200B}\u{FEFF}\u{301}\u{308}\u{323}\u{302}\u{1EAD}\u{FB01}\u{FF21}\u{FF0D}\u{AC00}]{0,40}") {
            let mut map = Vec::new();
            let folded = fold_mapped(&s, Some(&mut map));
            proptest::prop_assert_eq!(&folded, &fold_mapped(&s, None));
            proptest::prop_assert_eq!(map.len(), folded.len());
            proptest::prop_assert!(map.windows(2).all(|w| w[0] <= w[1]));
            proptest::prop_assert!(map.iter().all(|&at| s.is_char_boundary(at) && at < s.len()));
            for (i, b) in folded.bytes().enumerate() {
                let original = s[map[i]..].chars().next().unwrap();
                if original.is_ascii_alphabetic() {
                    proptest::prop_assert_eq!(b, original.to_ascii_lowercase() as u8);
                }
            }
        }
    }

    const TEXT: &str =
        "“Our opinions are very much the same,” Lavrov said -- the meeting\n will be held at the end of this month.";

    #[test]
    fn a_quote_stands_in_web_copy_with_invisible_characters() {
        // Soft hyphens and zero-width spaces, as pages copied from the web carry them.
        let a = Article::new("The con\u{AD}fer\u{AD}ence will be held\u{200B} in Gene\u{200B}va next month.");
        assert!(a.find("the conference will be held in Geneva").is_ok());
        let p = a.passage("conference will be held in Geneva").expect("found");
        assert!(p.quote.contains("con\u{AD}fer\u{AD}ence"), "{p:?}");
        // and the other way round: the quote carries them, the article does not
        let b = Article::new(TEXT);
        assert!(b.find("Our opin\u{AD}ions are very much the same").is_ok());
    }

    #[test]
    fn ignores_case_whitespace_quotes_and_dashes() {
        let a = Article::new(TEXT);
        assert!(a.find("\"our opinions are VERY much the same,\"").is_ok());
        assert!(a.find("Lavrov said — the meeting will be held").is_ok());
        assert!(a.find("said – the   meeting").is_ok());
    }

    #[test]
    fn a_missing_quote_shows_the_closest_passage() {
        let a = Article::new(TEXT);
        let miss = a.find("the meeting will be held at the end of next month").unwrap_err();
        assert!(miss.passage.contains("end of this"), "{miss:?}");
        assert!(miss.similarity > 0.8 && miss.similarity < 1.0, "{miss:?}");
    }

    #[test]
    fn an_empty_quote_is_never_found() {
        assert!(Article::new(TEXT).find("  ").is_err());
        assert!(Article::new("").find("anything").is_err());
        // Not even one that stands in the article as written, but folds to nothing.
        assert!(Article::new("a \u{200B} b").find("\u{200B}").is_err());
    }

    #[test]
    fn a_quote_as_written_is_found_without_folding_the_article() {
        let article = Article::new(TEXT);
        let verbatim = &TEXT[10..60];
        assert!(article.find(verbatim).is_ok());
        assert!(article.folded.get().is_none(), "found as written: nothing was folded");
        assert!(article.find(&verbatim.to_uppercase()).is_ok());
        assert!(article.folded.get().is_some(), "only a quote not found as written folds the article");
        // Folding collapses a dash after a space after a dash ("- -" is "-"), so
        // " -x" folds to "-x", which the folded article "y- x" does not hold;
        // it stands in the article as written, and so is found.
        assert!(Article::new("y- -x").find(" -x").is_ok());
    }

    proptest::proptest! {
        /// A quote folds to nothing exactly when all it holds is white space
        /// and characters nobody sees (what `find` checks before folding).
        #[test]
        fn a_quote_folds_to_nothing_when_it_shows_nothing(q in "[ \t\n\u{a0}\u{ad}\u{200b}\u{feff}\u{2028}a.\u{2026}-]{0,8}") {
            proptest::prop_assert_eq!(shows_something(&q), !fold_quote(&q).is_empty());
        }

        /// The first-byte search answers as `memmem` does, over small
        /// alphabets where matches and near misses abound, and on texts of
        /// one repeated letter, where it hands over to `memmem`.
        #[test]
        fn the_quote_search_answers_as_memmem(hay in "[abzQé ’“”—…\u{301}]{0,300}|a{0,9000}", needle in "[abzQé ’“”—…]{1,6}|a{1,40}b?|z") {
            // memmem's matches, less those a combining mark follows
            let expected = memchr::memmem::find_iter(hay.as_bytes(), needle.as_bytes())
                .any(|at| !hay[at + needle.len()..].starts_with('\u{301}'));
            proptest::prop_assert_eq!(contains(hay.as_bytes(), needle.as_bytes()), expected);
        }
    }

    #[test]
    fn a_passage_is_the_quote_as_written_with_a_sentence_each_side() {
        let text = "Title line\n\nFirst sentence here. Kerry said the talks \u{201C}will  most likely\u{201D} go on. \
                    Next one follows! And this is not shown.";
        let p = Article::new(text).passage("\"WILL most likely\"").unwrap();
        assert_eq!(p.before, "First sentence here. Kerry said the talks ");
        assert_eq!(p.quote, "\u{201C}will most likely\u{201D}");
        assert_eq!(p.after, " go on. Next one follows!");
        assert!(!p.cut_before && !p.cut_after);
    }

    #[test]
    fn a_quote_opening_its_sentence_gets_one_sentence_before() {
        let p = Article::new("One. Two. Three four. Five.").passage("three four").unwrap();
        assert_eq!((p.before.as_str(), p.quote.as_str(), p.after.as_str()), ("Two. ", "Three four", ". Five."));
    }

    #[test]
    fn long_context_is_cut_at_a_space_and_multibyte_text_never_panics() {
        let long = "é".repeat(150) + " " + &"ü ".repeat(300);
        let text = format!("{long}QUOTE here {long}");
        let p = Article::new(&text).passage("quote here").unwrap();
        assert!(p.cut_before && p.cut_after, "{p:?}");
        assert!(p.before.len() <= CONTEXT_BYTES && p.after.len() <= CONTEXT_BYTES + 1);
        assert_eq!(p.quote, "QUOTE here");
        assert!(Article::new(&text).passage("not there").is_none());
        assert!(Article::new("").passage("").is_none());
    }

    proptest::proptest! {
        /// The ASCII fast path folds and maps exactly as the general path does.
        #[test]
        fn the_ascii_fast_path_is_the_general_path(s in "[a-zA-Z0-9 \t\n\r\x0b\x0c\x1c.,'`\"-]{0,40}|[ -~\t\n\x1f\x7féÉßİ\u{2019}\u{201C}\u{2014}\u{2026}\u{00A0}\u{00AD}\u{200B}\u{FEFF}\u{301}\u{323}\u{302}\u{FB01}\u{FF0D}]{0,40}") {
            let (mut fast, mut general) = (Vec::new(), Vec::new());
            proptest::prop_assert_eq!(fold_with(&s, Some(&mut fast), true), fold_with(&s, Some(&mut general), false));
            proptest::prop_assert_eq!(fast, general);
        }
    }

    #[test]
    fn a_quote_is_found_across_unicode_normalization_forms() {
        // The article in NFD (as copied from macOS or a PDF), the quote in NFC, and back.
        let nfd = Article::new("The talks were held in Zu\u{308}rich on Friday, said Grybauskaite\u{307}.");
        assert!(nfd.find("held in Z\u{FC}rich on Friday").is_ok());
        assert!(nfd.find("said Grybauskait\u{117}").is_ok());
        let p = nfd.passage("held in Z\u{DC}RICH").expect("found");
        assert_eq!(p.quote, "held in Zu\u{308}rich", "cut from the article's own text");
        let nfc = Article::new("The talks were held in Z\u{FC}rich on Friday.");
        assert!(nfc.find("held in Zu\u{308}rich").is_ok());
        assert_eq!(nfc.passage("in Zu\u{308}rich on").unwrap().quote, "in Z\u{FC}rich on");
        // Combining marks in either order are one letter (canonical order).
        let marks = Article::new("the a\u{323}\u{302} here");
        assert!(marks.find("the a\u{302}\u{323} here").is_ok());
        assert!(marks.find("the \u{1EAD} here").is_ok());
        // Ligatures and full-width letters are what they stand for.
        assert!(Article::new("the \u{FB01}nal o\u{FB00}er").find("the final offer").is_ok());
        assert!(Article::new("\u{FF21}\u{FF22}\u{FF23} news").find("abc news").is_ok());
        // But an accent is still a letter of its own, and a superscript is not a digit.
        assert!(nfd.find("held in Zurich").is_err());
        // A Hangul syllable is one letter: 가 is not the start of 각.
        let korean = Article::new("서울 회의각 열렸다.");
        assert!(korean.find("서울 회의가").is_err());
        assert!(korean.find("서울 회의각").is_ok());
        // Written in letters (NFD), the syllables are still found, and still whole.
        let jamo: String = unicode_normalization::UnicodeNormalization::nfd("서울 회의각 열렸다.").collect();
        assert!(Article::new(&jamo).find("서울 회의각").is_ok());
        assert!(Article::new(&jamo).find("서울 회의가").is_err());
        // The passage shown ends after the whole last syllable, in the article's own letters.
        let passage = Article::new(&jamo).passage("서울 회의각").expect("found");
        assert!(passage.quote.ends_with('\u{11A8}') && passage.after.starts_with(' '), "{passage:?}");
        assert!(Article::new("the new cafe\u{301} opened").find("the new cafe").is_err());
        assert!(Article::new("the new caf\u{E9} opened").find("new cafe").is_err());
        assert!(Article::new("10\u{B2} people").find("102 people").is_err());
    }

    #[test]
    fn folding_ignores_the_normalization_form() {
        for (a, b) in [
            ("Z\u{FC}rich", "Zu\u{308}rich"),
            ("\u{C5}ngstr\u{F6}m", "\u{212B}ngstro\u{308}m"),
            ("\u{AC00}", "\u{1100}\u{1161}"),
            ("\u{AC01}", "\u{1100}\u{1161}\u{11A8}"),
            ("\u{AC01}", "\u{AC00}\u{11A8}"),
        ] {
            assert_eq!(fold_quote(a), fold_quote(b), "{a} / {b}");
        }
    }

    /// The closest passage as it was first written: every window scored and
    /// sorted, the article split and folded again for each quote.
    fn closest_plain(text: &str, q: &str) -> Miss {
        let words: Vec<&str> = text.split_whitespace().collect();
        let folded_words: Vec<String> = words.iter().map(|w| fold_quote(w)).collect();
        let qwords: Vec<&str> = q.split(' ').filter(|w| !w.is_empty()).collect();
        let n = qwords.len().max(1).min(words.len().max(1));
        if words.is_empty() {
            return Miss { passage: String::new(), similarity: 0.0 };
        }
        let mut want: HashMap<&str, i32> = HashMap::new();
        for w in &qwords {
            *want.entry(w).or_default() += 1;
        }
        let mut scored: Vec<(i32, usize)> = Vec::new();
        for start in 0..=words.len() - n {
            let mut have: HashMap<&str, i32> = HashMap::new();
            let mut overlap = 0;
            for w in &folded_words[start..start + n] {
                if let Some(&cap) = want.get(w.as_str()) {
                    let h = have.entry(w.as_str()).or_default();
                    *h += 1;
                    if *h <= cap {
                        overlap += 1;
                    }
                }
            }
            scored.push((overlap, start));
        }
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut best = Miss { passage: String::new(), similarity: -1.0 };
        for &(_, start) in scored.iter().take(5) {
            let score = similarity(&composed(q), &composed(&folded_words[start..start + n].join(" ")));
            if score > best.similarity {
                best = Miss { passage: words[start..start + n].join(" "), similarity: score };
            }
        }
        best.similarity = best.similarity.max(0.0);
        best
    }

    proptest::proptest! {
        /// The closest passage, found from the article's words prepared once,
        /// is the one the plain method finds, for every quote in turn.
        #[test]
        fn the_closest_passage_is_the_plain_methods(
            text in "[abcAB\u{2014}\u{AD}.\u{308} \n]{0,120}",
            quotes in proptest::collection::vec("[abcdA\u{2014}\u{AD} ]{0,20}", 1..5),
        ) {
            let article = Article::new(&text);
            for quote in &quotes {
                let q = fold_quote(quote);
                proptest::prop_assert_eq!(article.closest(&q), closest_plain(&text, &q), "{:?} in {:?}", quote, text);
            }
        }
    }

    #[test]
    fn an_elided_quote_of_too_many_parts_is_not_looked_for() {
        let a = Article::new(&"the talks were held ".repeat(100));
        let parts = |n: usize| vec!["the talks"; n].join(" ... ");
        assert_eq!(a.find(&parts(MAX_ELIDED_PARTS)), Ok(()));
        assert!(a.find(&parts(MAX_ELIDED_PARTS + 1)).is_err());
    }

    #[test]
    fn a_long_missing_quote_is_scored_by_the_words_its_passage_shares() {
        // Over MAX_SCORED_CHARS, the score is the share of the quote's words
        // (as many times as the quote has them) that the passage holds.
        let words = ["alpha", "beta", "gamma", "delta"];
        let text: Vec<&str> = (0..2_000).map(|i| words[i % 4]).collect();
        let a = Article::new(&text.join(" "));
        let mut quote: Vec<&str> = (0..600).map(|i| words[i % 4]).collect();
        quote[10] = "zebra";
        quote[20] = "zebra";
        let quote = quote.join(" ");
        assert!(quote.len() > MAX_SCORED_CHARS);
        let miss = a.find(&quote).unwrap_err();
        assert_eq!(miss.similarity, 598.0 / 600.0);
        // Shorter, it is string similarity, as before.
        let short = Article::new("the talks were held in Geneva");
        let miss = short.find("the talks were held in Zurich").unwrap_err();
        assert_eq!(miss.similarity, similarity("the talks were held in zurich", "the talks were held in geneva"));
    }

    #[test]
    fn the_closest_passage_prefers_the_most_shared_words_then_the_earliest() {
        let a = Article::new("x y the talks were held z the talks were held in Geneva on Friday w");
        let miss = a.find("the talks were held in Zurich on Friday").unwrap_err();
        assert_eq!(miss.passage, "the talks were held in Geneva on Friday");
        // the prepared words are reused, and one quote's search leaves nothing for the next
        assert!(a.words.get().is_some());
        assert!(a.find("talks were held z").is_ok());
        assert_eq!(a.find("x y zz").unwrap_err().passage, "x y the");
        let fresh = Article::new("x y the talks were held z the talks were held in Geneva on Friday w");
        assert_eq!(
            a.find("the talks were held in Zurich on Friday"),
            fresh.find("the talks were held in Zurich on Friday")
        );
    }

    #[test]
    fn folding_maps_every_byte_back_to_its_character() {
        let s = "A\u{2014}\u{2014}b  \u{2026}\u{0130}x ";
        let mut map = Vec::new();
        let folded = fold_mapped(s, Some(&mut map));
        assert_eq!(folded, fold_quote(s));
        assert_eq!(map.len(), folded.len());
        assert!(map.iter().all(|&i| s.is_char_boundary(i)));
        assert!(map.windows(2).all(|w| w[0] <= w[1]));
    }
}
