//! The temporal reader: a date expression, read against the date it was said,
//! becomes an inclusive interval of calendar days.
//!
//! PUBLIC API (other modules depend on exactly these names; keep them stable):
//! `read_date`, `DateReading`, `Precision`, `Tense`, `tense_of`, `DateError`.

use chrono::NaiveDate;

#[doc(hidden)]
pub mod bench;
mod calendar;
mod grammar;
mod lexer;
#[cfg(test)]
mod tests;
mod words;

/// How fine-grained a reading is. Serialized with [`Precision::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Day,
    Week,
    Month,
    Quarter,
    Season,
    Year,
    /// An explicit range between two points ("between 8 and 14 November").
    Range,
    /// One end open ("after August", "by November").
    Open,
    /// A vague or wide reading ("as soon as possible", "soon", "in the coming weeks").
    Vague,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Season => "season",
            Precision::Year => "year",
            Precision::Range => "range",
            Precision::Open => "open",
            Precision::Vague => "vague",
        }
    }
}

/// Which way a bare "August" or "Friday" points, from the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tense {
    Past,
    Future,
    #[default]
    Unknown,
}

/// An inclusive interval of days; `None` is an open end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateReading {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub precision: Precision,
    /// The convention that produced the reading, e.g. "part-of-month: mid = days 11-20".
    pub rule: &'static str,
}

/// An expression the grammar does not understand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub message: String,
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Read `expr` as said on `as_of`; `tense` decides bare months and weekdays.
///
/// Never panics; anything the grammar does not cover is a [`DateError`] that names
/// the part it could not read. The conventions are listed in `docs/temporal.md`.
pub fn read_date(expr: &str, as_of: NaiveDate, tense: Tense) -> Result<DateReading, DateError> {
    let err = |message: String| Err(DateError { message });
    if expr.chars().count() > MAX_CHARS {
        return err(format!(
            "the expression is {} characters long; a date expression has at most {MAX_CHARS}",
            expr.chars().count()
        ));
    }
    let raw = match lexer::lex(expr) {
        Ok(t) => t,
        Err(m) => return err(format!("cannot read '{expr}' as a date: {m}")),
    };
    let toks = clean(&raw);
    if toks.is_empty() {
        return err(format!("'{expr}' has no date words in it"));
    }
    let parser = grammar::Parser::new(as_of, tense);
    if let Some(r) = parser.top(&toks) {
        return Ok(r);
    }
    if let Some(c) = parser.complaint.borrow().clone() {
        return err(format!("cannot read '{expr}' as a date: {c}"));
    }
    let unknown: Vec<String> = toks.iter().filter(|t| !words::is_known(t)).map(lexer::Tok::text).collect();
    if !unknown.is_empty() {
        return err(format!("cannot read '{expr}' as a date: did not understand '{}'", unknown.join(" ")));
    }
    let shown: Vec<String> = toks.iter().map(lexer::Tok::text).collect();
    err(format!(
        "cannot read '{expr}' as a date: the words '{}' are known but no rule of the grammar combines them",
        shown.join(" ")
    ))
}

/// Longest expression the reader accepts (date expressions are short).
const MAX_CHARS: usize = 200;

/// Drop fillers and stray punctuation; mark "the 24" / "on 24" as a day of the month;
/// keep "in" only where it means "from now" ("in two weeks").
fn clean(raw: &[lexer::Tok]) -> Vec<lexer::Tok> {
    use lexer::{Kind, Tok};
    let n = raw.len();
    let mut out: Vec<Tok> = Vec::with_capacity(n);
    for i in 0..n {
        let t = &raw[i];
        let prev = i.checked_sub(1).map(|j| &raw[j]);
        let next = raw.get(i + 1);
        match &t.kind {
            Kind::Sym(c) => {
                let keep = match c {
                    '/' | '\'' => true,
                    '.' => {
                        prev.is_some_and(|p| p.num().is_some()) && next.is_some_and(|x| x.num().is_some() && x.glued)
                    }
                    '-' => {
                        let word_side =
                            prev.is_some_and(|p| p.word().is_some()) || next.is_some_and(|x| x.word().is_some());
                        let glued_both = t.glued && next.is_some_and(|x| x.glued);
                        !(word_side && glued_both) && prev.is_some() && next.is_some()
                    }
                    _ => false,
                };
                if keep {
                    out.push(t.clone());
                }
            }
            Kind::Word(w) => {
                if w == "in" {
                    let counted =
                        next.and_then(words::count).is_some() && raw.get(i + 2).and_then(words::unit).is_some();
                    if counted {
                        out.push(t.clone());
                    }
                    continue;
                }
                if w == "on" && i + 1 == n && i > 0 {
                    out.push(t.clone());
                    continue;
                }
                if words::is_filler(w) {
                    continue;
                }
                let canonical = match w.as_str() {
                    "yr" => "year",
                    "yrs" => "years",
                    "qtr" => "quarter",
                    "qtrs" => "quarters",
                    "wk" => "week",
                    "wks" => "weeks",
                    "mo" | "mth" => "month",
                    "mos" | "mths" => "months",
                    "tomorrows" => "tomorrow",
                    "thru" => "through",
                    "til" | "till" | "untill" => "until",
                    "nite" => "night",
                    "autumn" => "fall",
                    _ => w.as_str(),
                };
                out.push(Tok { kind: Kind::Word(canonical.to_string()), glued: t.glued });
            }
            Kind::Num { v, digits, ord } => {
                let after_the = prev.is_some_and(|p| p.is("the") || p.is("on"));
                let date_sep = next.is_some_and(|x| x.glued && matches!(x.sym(), Some('/' | '-' | '.')));
                let mut t = t.clone();
                if after_the && !*ord && *digits <= 2 && (1..=31).contains(v) && !date_sep {
                    t.kind = Kind::Num { v: *v, digits: *digits, ord: true };
                }
                out.push(t);
            }
        }
    }
    out
}

/// The tense of a sentence, from its verbs ("will", "plans" vs "was held", "met").
///
/// A small heuristic, in this order:
/// 1. a future marker anywhere wins (reported speech "said it will be held" is future):
///    will, 'll, shall, won't, going to, would, plan(s/ned/ning) to, expect(s/ed) to,
///    schedule(d) to/for, is/are to, set to, due to, intend(s) to, aim(s) to, hope(s) to,
///    to be held, upcoming, tomorrow, next;
/// 2. else a past marker: was, were, had, did, ago, last, yesterday, said, an irregular
///    past form (held, met, took, ...) or a verb ending in -ed;
/// 3. else `Tense::Unknown`.
pub fn tense_of(quote: &str) -> Tense {
    let lowered = quote.to_lowercase().replace('\u{2019}', "'");
    let ws: Vec<&str> =
        lowered.split(|c: char| !(c.is_alphanumeric() || c == '\'')).filter(|w| !w.is_empty()).collect();
    let next_is = |i: usize, set: &[&str]| ws.get(i + 1).is_some_and(|n| set.contains(n));
    for (i, w) in ws.iter().enumerate() {
        let future = match *w {
            "will" | "shall" | "won't" | "would" | "upcoming" | "tomorrow" | "next" => true,
            _ if w.ends_with("'ll") => true,
            "going" => next_is(i, &["to"]),
            "plan" | "plans" | "planned" | "planning" | "expect" | "expects" | "expected" | "intend" | "intends"
            | "aim" | "aims" | "hope" | "hopes" | "set" | "due" => next_is(i, &["to"]),
            "schedule" | "scheduled" => next_is(i, &["to", "for"]),
            "is" | "are" => next_is(i, &["to"]),
            "be" => next_is(i, &["held"]) && i > 0 && ws[i - 1] == "to",
            _ => false,
        };
        if future {
            return Tense::Future;
        }
    }
    const IRREGULAR: &[&str] = &[
        "was",
        "were",
        "had",
        "did",
        "ago",
        "last",
        "yesterday",
        "said",
        "held",
        "met",
        "took",
        "went",
        "came",
        "saw",
        "made",
        "gave",
        "began",
        "told",
        "left",
        "won",
        "lost",
        "fell",
        "rose",
        "spoke",
        "wrote",
        "found",
        "paid",
        "sent",
        "brought",
        "thought",
        "knew",
        "led",
        "became",
        "broke",
        "chose",
        "ran",
        "sold",
        "stood",
        "struck",
        "fought",
        "flew",
        "hit",
    ];
    const NOT_PAST: &[&str] = &[
        "need", "speed", "seed", "feed", "breed", "indeed", "bed", "red", "hundred", "united", "limited", "related",
        "based",
    ];
    let past = ws.iter().any(|w| IRREGULAR.contains(w) || (w.len() > 4 && w.ends_with("ed") && !NOT_PAST.contains(w)));
    if past {
        Tense::Past
    } else {
        Tense::Unknown
    }
}
