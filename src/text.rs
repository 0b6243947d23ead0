//! Text helpers shared by every stage: folding for comparison, slugs for ids,
//! and "did you mean" suggestions.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Characters a reader does not see, which web copy carries inside words:
/// the soft hyphen (U+00AD), zero-width space, non-joiner and joiner
/// (U+200B-U+200D), word joiner (U+2060), the byte-order mark / zero-width
/// no-break space (U+FEFF), the Mongolian vowel separator (U+180E) and the
/// bidirectional marks, embeddings and isolates (U+200E, U+200F,
/// U+202A-U+202E, U+2066-U+2069). Matching drops them: "Ge\u{AD}neva" is
/// "Geneva" to the eye and to `crosscheck`.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// The bidirectional embeddings, overrides and isolates (U+202A-U+202E,
/// U+2066-U+2069): unlike the marks (U+200E, U+200F) they open a state that
/// reorders all text after them until closed, so in a report, where input
/// text stands beside the report's own, one left open in an outlet name
/// could reverse a date or a verdict written after it.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` with each bidirectional control ([`is_bidi_control`]) and each
/// control character but a line break and a tab written as its escape
/// (`\u{202e}`, `\u{1b}`), for plain-text output on a terminal: a bidi
/// control left open in an outlet name would reverse the rest of the line,
/// and an escape sequence, carriage return or backspace in a claim file
/// would recolour, clear or overwrite what the terminal shows.
pub fn escape_for_terminal(s: &str) -> std::borrow::Cow<'_, str> {
    escape_where(s, |c| is_bidi_control(c) || (c.is_control() && c != '\n' && c != '\t'))
}

/// The most characters of input text a terminal table shows in one cell.
/// The table's layout splits a long word once per line it fills, so a cell
/// of 100,000 characters without a space took the table 10 seconds; no one
/// reads such a cell on a terminal, and the JSON report has the whole text.
pub const MAX_CELL_CHARS: usize = 1000;

/// `s` as a terminal table shows it: escaped as [`escape_for_terminal`]
/// does, and cut after [`MAX_CELL_CHARS`] characters, with a note of how
/// many more there are.
pub fn terminal_cell(s: &str) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(MAX_CELL_CHARS) {
        None => escape_for_terminal(s),
        Some((cut, _)) => {
            let more = s[cut..].chars().count();
            std::borrow::Cow::Owned(format!(
                "{}… ({more} more characters: the JSON report has all of them)",
                escape_for_terminal(&s[..cut])
            ))
        }
    }
}

/// `s` cut after `max` characters, with "…" where it was cut.
pub fn clipped(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(s),
        Some((cut, _)) => std::borrow::Cow::Owned(format!("{}…", &s[..cut])),
    }
}

/// `s` with each character for which `hidden` holds written as its escape
/// (`\u{200b}`); `s` itself when there is none.
pub fn escape_where(s: &str, hidden: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(&hidden) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if hidden(c) {
            out.push_str(&escaped(c));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// How a character that must not be written as it is shows: `\u{202e}`.
pub fn escaped(c: char) -> String {
    format!("\\u{{{:x}}}", c as u32)
}

/// Fold text for matching names: lower case, accents removed, punctuation
/// and dashes turned into spaces, runs of white space collapsed.
/// `"Sergéi  Lavrov,"` and `"sergei lavrov"` fold alike.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.nfkd() {
        if is_combining_mark(c) || is_invisible(c) {
            continue;
        }
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if c == '\'' || c == '\u{2019}' {
            // apostrophes join: "Russia's" folds to "russias"
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A readable, stable id: folded text with dashes, e.g. `geneva-ii-conference`.
pub fn slug(s: &str) -> String {
    let folded = fold(s).replace(' ', "-");
    if folded.is_empty() {
        "unnamed".to_string()
    } else {
        folded
    }
}

/// Similarity in 0..=1 of two folded strings (normalized Damerau–Levenshtein).
pub fn similarity(a: &str, b: &str) -> f64 {
    strsim::normalized_damerau_levenshtein(a, b)
}

/// The candidate nearest to `word`, if it is near enough to be a likely typo.
/// The candidate a mistyped or mis-named `word` most likely means: the one
/// `synonyms` gives for it (`("speaker", "said_by")`: a word an author
/// reaches for that is no edit of the name), if it is a candidate; else the
/// [`nearest`] by spelling.
pub fn suggest<'a>(word: &str, candidates: &[&'a str], synonyms: &[(&str, &str)]) -> Option<&'a str> {
    let folded = fold(word).replace(' ', "_");
    synonyms
        .iter()
        .filter(|(w, _)| *w == folded)
        .find_map(|(_, meant)| candidates.iter().copied().find(|c| c == meant))
        .or_else(|| nearest(word, candidates.iter().copied()))
}

pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&word_lower, c), c))
        .filter(|(d, c)| *d <= (c.chars().count().max(word_lower.chars().count()) / 2).max(1))
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_terminal_cell_is_escaped_and_cut_after_its_limit() {
        assert_eq!(terminal_cell("Geneva\u{202e}"), "Geneva\\u{202e}");
        let at_limit = "é".repeat(MAX_CELL_CHARS);
        assert_eq!(terminal_cell(&at_limit), at_limit);
        let long = format!("{at_limit}\u{1b}xyz");
        assert_eq!(terminal_cell(&long), format!("{at_limit}… (4 more characters: the JSON report has all of them)"));
        assert_eq!(clipped("abcdef", 3), "abc…");
        assert_eq!(clipped("abc", 3), "abc");
    }

    #[test]
    fn suggestions_know_the_words_authors_reach_for() {
        let source = ["id", "outlet", "published", "article", "note"];
        let claim = ["id", "subject", "property", "value", "said_by", "as_of", "quote", "note"];
        let synonyms = [("date", "published"), ("date", "as_of"), ("speaker", "said_by")];
        // A synonym names the key that is valid where it stands ...
        assert_eq!(suggest("date", &source, &synonyms), Some("published"));
        assert_eq!(suggest("Date", &claim, &synonyms), Some("as_of"));
        assert_eq!(suggest("speaker", &claim, &synonyms), Some("said_by"));
        // ... and a misspelling its nearest key.
        assert_eq!(suggest("qoute", &claim, &synonyms), Some("quote"));
        assert_eq!(suggest("speaker", &source, &synonyms), None);
    }

    #[test]
    fn fold_ignores_case_accents_and_punctuation() {
        assert_eq!(fold("  Sergéi   LAVROV, "), "sergei lavrov");
        assert_eq!(fold("U.S.-Russia"), "u s russia");
        assert_eq!(fold("Russia’s"), "russias");
    }

    #[test]
    fn fold_drops_characters_nobody_sees() {
        // soft hyphen, zero-width space, word joiner, BOM, right-to-left mark
        assert_eq!(fold("Ge\u{AD}ne\u{200B}va\u{2060} II\u{FEFF}"), "geneva ii");
        assert_eq!(fold("\u{200F}Lavrov\u{202E}"), "lavrov");
        assert_eq!(slug("Geneva\u{200B} II"), slug("Geneva II"));
    }

    #[test]
    fn slug_is_readable() {
        assert_eq!(slug("Geneva II conference"), "geneva-ii-conference");
        assert_eq!(slug("!!!"), "unnamed");
    }

    #[test]
    fn nearest_suggests_close_names_only() {
        let keys = ["id", "subject", "property", "value"];
        assert_eq!(nearest("valeu", keys), Some("value"));
        assert_eq!(nearest("subjetc", keys), Some("subject"));
        assert_eq!(nearest("xyzzy-plugh", keys), None);
    }
}
