//! Tokenizer: text -> words, numbers and separators.
//!
//! Lower-cases, splits letters from digits ("14april" -> 14 april, "18q4" -> 18 q 4),
//! reads ordinal suffixes ("7th"), number words ("three", "third", "twenty-one"),
//! drops abbreviation dots ("Feb.", "a.d.") and keeps the separators that matter
//! inside numeric dates (`/ - .`) and ranges.

/// One token. `glued` is true when no whitespace separated it from the previous token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    pub kind: Kind,
    pub glued: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Word(String),
    /// A number: value, count of digits written (0 for number words), ordinal?
    Num {
        v: u32,
        digits: u8,
        ord: bool,
    },
    Sym(char),
}

impl Tok {
    pub fn word(&self) -> Option<&str> {
        match &self.kind {
            Kind::Word(w) => Some(w),
            _ => None,
        }
    }
    pub fn is(&self, w: &str) -> bool {
        self.word() == Some(w)
    }
    pub fn sym(&self) -> Option<char> {
        match self.kind {
            Kind::Sym(c) => Some(c),
            _ => None,
        }
    }
    pub fn num(&self) -> Option<(u32, u8, bool)> {
        match self.kind {
            Kind::Num { v, digits, ord } => Some((v, digits, ord)),
            _ => None,
        }
    }
    pub fn text(&self) -> String {
        match &self.kind {
            Kind::Word(w) => w.clone(),
            Kind::Num { v, ord, .. } => {
                if *ord {
                    format!("{v}{}", ordinal_suffix(*v as usize))
                } else {
                    v.to_string()
                }
            }
            Kind::Sym(c) => c.to_string(),
        }
    }
}

/// The English suffix of an ordinal: "st" (1st, 21st), "nd", "rd", "th" (11th-13th too).
pub fn ordinal_suffix(n: usize) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

const CARDINALS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
];

const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
];

fn number_word(w: &str) -> Option<(u32, bool)> {
    if let Some(&(_, v)) = CARDINALS.iter().find(|(n, _)| *n == w) {
        return Some((v, false));
    }
    ORDINALS.iter().find(|(n, _)| *n == w).map(|&(_, v)| (v, true))
}

/// Split `text` into tokens; `Err` names the part that cannot be a token.
pub fn lex(text: &str) -> Result<Vec<Tok>, String> {
    let mut raw: Vec<Tok> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let mut glued = false;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            glued = false;
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            let s = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let digits: String = chars[s..i].iter().collect();
            let trimmed = digits.trim_start_matches('0');
            if trimmed.len() > 9 {
                return Err(format!("the number '{digits}' is too large for a date"));
            }
            let v: u32 =
                if trimmed.is_empty() { 0 } else { trimmed.parse().map_err(|_| format!("bad number '{digits}'"))? };
            let n = u8::try_from(digits.len()).unwrap_or(u8::MAX);
            raw.push(Tok { kind: Kind::Num { v, digits: n, ord: false }, glued });
            glued = true;
            continue;
        }
        if c.is_alphabetic() {
            let s = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            let w: String = chars[s..i].iter().collect::<String>().to_lowercase();
            raw.push(Tok { kind: Kind::Word(w), glued });
            glued = true;
            continue;
        }
        // Apostrophes: "week's" -> drop the possessive; "'82" -> keep as a marker.
        if c == '\'' || c == '\u{2019}' {
            let next_is_s = chars.get(i + 1).is_some_and(|n| *n == 's' || *n == 'S')
                && !chars.get(i + 2).is_some_and(|n| n.is_alphanumeric());
            if next_is_s && glued {
                // After a year or a decade's digits it is kept for `apostrophe_s`:
                // four digits ("1980's", "2013's"), or two that can only be a
                // decade ("'80's", "the 80's"; not a day: "June 30's deadline").
                let before = raw.len().checked_sub(2).map(|k| &raw[k]);
                let decade_digits = |v: u32| {
                    before.is_some_and(|b| b.sym() == Some('\''))
                        || (v >= 20 && v % 10 == 0 && !before.is_some_and(|b| b.word().is_some_and(is_month_word)))
                };
                if raw
                    .last()
                    .and_then(Tok::num)
                    .is_some_and(|(v, digits, ord)| !ord && (digits == 4 || (digits == 2 && decade_digits(v))))
                {
                    raw.push(Tok { kind: Kind::Word(APOSTROPHE_S.to_string()), glued: true });
                }
                i += 2;
                continue;
            }
            raw.push(Tok { kind: Kind::Sym('\''), glued });
            glued = true;
            i += 1;
            continue;
        }
        let sym = match c {
            '/' | '-' | '.' | ',' | ':' | '(' | ')' | ';' | '!' | '?' | '"' | '~' | '+' => c,
            '\u{2013}' | '\u{2014}' | '\u{2012}' | '\u{2212}' => '-',
            _ => '_', // stray symbol: kept as noise, dropped by the cleaner
        };
        raw.push(Tok { kind: Kind::Sym(sym), glued });
        glued = true;
        i += 1;
    }
    Ok(apostrophe_s(post(raw)))
}

/// Whether a lexed word names a month ("june", "sept"), for the lexer's own use.
fn is_month_word(w: &str) -> bool {
    super::words::month(&Tok { kind: Kind::Word(w.to_string()), glued: false }).is_some()
}

/// The "'s" written after a number of two or four digits, until
/// [`apostrophe_s`] reads it.
const APOSTROPHE_S: &str = "'s";

/// An "'s" after a number: a decade's plural where nothing but a joining
/// word follows ("the 1980's", "the late 1990's", "the '80's and '90's",
/// read as "1980s"); else a year's possessive ("2013's second quarter" =
/// "the second quarter of 2013": the year goes after what it owns), or
/// nothing ("2013's" = 2013).
fn apostrophe_s(mut toks: Vec<Tok>) -> Vec<Tok> {
    while let Some(k) = toks.iter().position(|t| t.is(APOSTROPHE_S)) {
        let (v, digits, _) = toks[k - 1].num().expect("kept only after a number");
        let joined = |t: &Tok| {
            t.sym() == Some('-')
                || matches!(t.word(), Some("and" | "or" | "to" | "through" | "thru" | "until" | "till"))
        };
        let rest_starts = toks.get(k + 1);
        if rest_starts.is_none_or(joined) {
            if v % 10 == 0 {
                toks[k] = Tok { kind: Kind::Word("s".to_string()), glued: true };
            } else {
                toks.remove(k);
            }
        } else if digits == 4 {
            let year = toks.remove(k - 1);
            toks.remove(k - 1);
            toks.push(Tok { glued: false, ..year });
        } else {
            toks.remove(k);
        }
    }
    toks
}

fn post(raw: Vec<Tok>) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let t = raw[i].clone();
        match &t.kind {
            Kind::Word(w) => {
                // Ordinal suffix glued to a number: 7th, 1st, 22nd, 3rd.
                if t.glued && matches!(w.as_str(), "st" | "nd" | "rd" | "th") {
                    if let Some(Tok { kind: Kind::Num { ord, .. }, .. }) = out.last_mut() {
                        *ord = true;
                        i += 1;
                        continue;
                    }
                }
                // Single letters joined by dots: a.d. / b.c. -> "ad" / "bc".
                if w.len() == 1 {
                    let mut joined = w.clone();
                    let mut j = i + 1;
                    while j + 1 < raw.len()
                        && raw[j].sym() == Some('.')
                        && raw[j + 1].glued
                        && raw[j + 1].word().is_some_and(|x| x.len() == 1)
                    {
                        joined.push_str(raw[j + 1].word().unwrap_or_default());
                        j += 2;
                    }
                    if j > i + 1 {
                        if raw.get(j).and_then(Tok::sym) == Some('.') {
                            j += 1;
                        }
                        out.push(Tok { kind: Kind::Word(joined), glued: t.glued });
                        i = j;
                        continue;
                    }
                }
                if let Some((v, ord)) = number_word(w) {
                    // "twenty one", "twenty-first"
                    if (20..=90).contains(&v) && v % 10 == 0 && !ord {
                        let mut j = i + 1;
                        if raw.get(j).and_then(Tok::sym) == Some('-') {
                            j += 1;
                        }
                        if let Some(u) = raw.get(j).and_then(Tok::word).and_then(number_word) {
                            if (1..=9).contains(&u.0) {
                                out.push(Tok { kind: Kind::Num { v: v + u.0, digits: 0, ord: u.1 }, glued: t.glued });
                                i = j + 1;
                                continue;
                            }
                        }
                    }
                    out.push(Tok { kind: Kind::Num { v, digits: 0, ord }, glued: t.glued });
                    i += 1;
                    continue;
                }
                out.push(t);
            }
            Kind::Sym('.') => {
                // A dot right after a word is an abbreviation dot ("Feb.", "mon.").
                if out.last().is_some_and(|p| p.word().is_some()) {
                    i += 1;
                    continue;
                }
                out.push(t);
            }
            _ => out.push(t),
        }
        i += 1;
    }
    out
}
