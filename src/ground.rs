//! Quote grounding: every claim's `quote` must stand in its article.
//!
//! Matching ignores case, runs of white space, curly vs straight quotes and
//! dash variants (`--`, `–`, `—` are all one dash). A quote that is not found
//! is reported with the article's closest passage and its similarity, so the
//! fact-checker sees at once whether it is a typo or a wrong article.
//!
//! Pure: works on the article text already read by `load`.

use std::collections::HashMap;

use crate::text::similarity;

/// Fold text for quote matching (see the module doc), keeping word order.
pub fn fold_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_space = true;
    let mut last_dash = false;
    for c in s.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => '-',
            '\u{2026}' => {
                out.push_str("...");
                last_space = false;
                last_dash = false;
                continue;
            }
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
            continue;
        }
        if c == '-' && last_dash {
            continue;
        }
        last_dash = c == '-';
        last_space = false;
        out.extend(c.to_lowercase());
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// An article prepared for quote lookups.
#[derive(Debug, Clone)]
pub struct Article {
    text: String,
    folded: String,
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
        let folded = fold_quote(&text);
        Article { text, folded }
    }

    /// `Ok(())` when the quote is in the article, else its closest passage.
    pub fn find(&self, quote: &str) -> Result<(), Miss> {
        let q = fold_quote(quote);
        if !q.is_empty() && self.folded.contains(&q) {
            return Ok(());
        }
        Err(self.closest(&q))
    }

    /// The window of the article, as long as the quote, that shares the most
    /// words with it; ties and the final score by string similarity.
    /// Only a quote that is not found pays for splitting the article into words.
    fn closest(&self, q: &str) -> Miss {
        let words: Vec<&str> = self.text.split_whitespace().collect();
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
        // Sliding window: `have` counts the window's words that the quote wants.
        let mut have: HashMap<&str, i32> = HashMap::new();
        let mut overlap = 0i32;
        let mut scored: Vec<(i32, usize)> = Vec::new();
        for (i, w) in folded_words.iter().enumerate() {
            let w = w.as_str();
            if let Some(&cap) = want.get(w) {
                let h = have.entry(w).or_default();
                *h += 1;
                if *h <= cap {
                    overlap += 1;
                }
            }
            if i >= n {
                let out = folded_words[i - n].as_str();
                if let Some(&cap) = want.get(out) {
                    let h = have.entry(out).or_default();
                    if *h <= cap {
                        overlap -= 1;
                    }
                    *h -= 1;
                }
            }
            if i + 1 >= n {
                scored.push((overlap, i + 1 - n));
            }
        }
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut best = Miss { passage: String::new(), similarity: -1.0 };
        for &(_, start) in scored.iter().take(5) {
            let window = folded_words[start..start + n].join(" ");
            let score = similarity(q, &window);
            if score > best.similarity {
                best = Miss { passage: words[start..start + n].join(" "), similarity: score };
            }
        }
        best.similarity = best.similarity.max(0.0);
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "“Our opinions are very much the same,” Lavrov said -- the meeting\n will be held at the end of this month.";

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
    }
}
