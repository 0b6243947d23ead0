//! The temporal reader: a date expression, read against the date it was said,
//! becomes an inclusive interval of calendar days — or of minutes, where the
//! expression gives a time of day ("7:10 a.m.", "Friday night"; `clock`).
//!
//! PUBLIC API (other modules depend on exactly these names; keep them stable):
//! `read_date`, `DateReading` (with `first_minute`/`last_minute`/`has_time`),
//! `Precision`, `Tense`, `tense_of`, `DateError` (with `no_value`).

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};

#[doc(hidden)]
pub mod bench;
mod calendar;
mod clock;
mod grammar;
mod holidays;
mod lexer;
#[cfg(test)]
mod tests;
mod words;

/// How fine-grained a reading is. Serialized with [`Precision::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// A clock time to the minute ("7:10 a.m.", "19:25", "noon").
    Minute,
    /// A clock hour without minutes ("7 pm"): the sixty minutes from 19:00.
    Hour,
    /// A part of a day ("Friday night", "late Friday", "this morning").
    PartOfDay,
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
            Precision::Minute => "minute",
            Precision::Hour => "hour",
            Precision::PartOfDay => "part-of-day",
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

impl Tense {
    pub fn as_str(self) -> &'static str {
        match self {
            Tense::Past => "past",
            Tense::Future => "future",
            Tense::Unknown => "unknown",
        }
    }

    /// What the tense chose, for a report beside the rule: "the quote reads
    /// as past", "... as future", "the quote gives no tense: the nearest".
    pub fn chose(self) -> &'static str {
        match self {
            Tense::Past => "the quote reads as past",
            Tense::Future => "the quote reads as future",
            Tense::Unknown => "the quote gives no tense: the nearest",
        }
    }
}

/// An inclusive interval of days, narrowed to minutes where the expression
/// gives a time of day; `None` is an open end.
///
/// `start`/`end` are always the first and last day covered, so code that works
/// in days keeps working. `start_time`/`end_time` narrow those days to the first
/// and the last minute covered (both inclusive, like the days): "7:10 a.m." is
/// `start_time == end_time == 07:10`, the minute [7:10, 7:11); "7 pm" is
/// 19:00..19:59; a missing time is the whole day (00:00 / 23:59).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateReading {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// The first minute covered on `start`; `None` = 00:00.
    pub start_time: Option<NaiveTime>,
    /// The last minute covered on `end`; `None` = 23:59.
    pub end_time: Option<NaiveTime>,
    pub precision: Precision,
    /// The convention that produced the reading, e.g. "part-of-month: mid = days 11-20".
    pub rule: &'static str,
    /// Notes kept beside the value, not read as part of it: "(Estimated runway)",
    /// a time zone ("EST", "+8:00"), a status ("Delayed"), as written.
    pub qualifiers: Vec<String>,
    /// The expression gave a time of day but no day ("5:50 a.m.", "this
    /// evening" is a day; "in the evening" is not): the day is the day said,
    /// assumed by the reader, not claimed by the author (docs/temporal.md,
    /// "A time without a day").
    pub day_assumed: bool,
    /// The tense that chose among a bare expression's occurrences (`August`:
    /// this year's or last year's; `Friday`: this week's or last week's), as
    /// the quote's words gave it (`tense_of_said`); `None` when the rule did
    /// not choose by tense. Reports show it beside the rule (docs/temporal.md,
    /// "Tense: bare months, weekdays, days of the month, ...").
    pub tense: Option<Tense>,
}

impl DateReading {
    /// True when the reading is narrower than whole days (a time was given).
    pub fn has_time(&self) -> bool {
        self.start_time.is_some() || self.end_time.is_some()
    }

    /// The first minute covered; `None` when the start is open.
    pub fn first_minute(&self) -> Option<NaiveDateTime> {
        Some(self.start?.and_time(self.start_time.unwrap_or(NaiveTime::MIN)))
    }

    /// The last minute covered (inclusive); `None` when the end is open.
    pub fn last_minute(&self) -> Option<NaiveDateTime> {
        let last = NaiveTime::from_hms_opt(23, 59, 0).expect("a valid time");
        Some(self.end?.and_time(self.end_time.unwrap_or(last)))
    }
}

/// An expression the grammar does not understand, or one that says there is no
/// value ("Not Available", "n/a": `no_value`; docs/temporal.md).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub message: String,
    /// The expression says the value is not known: not an error in the input,
    /// but nothing to compare.
    pub no_value: bool,
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
    let err = |message: String| Err(DateError { message, no_value: false });
    if expr.chars().count() > MAX_CHARS {
        return err(format!(
            "the expression is {} characters long; a date expression has at most {MAX_CHARS}",
            expr.chars().count()
        ));
    }
    let (body, notes) = clock::split_notes(expr);
    if clock::says_no_value(&body) {
        return Err(DateError {
            message: format!("'{expr}' says the value is not known; the claim is not compared"),
            no_value: true,
        });
    }
    let raw = match lexer::lex(&body) {
        Ok(t) => t,
        Err(m) => return err(format!("cannot read '{expr}' as a date: {m}")),
    };
    let mut raw = raw;
    // "FY2024", "FY 2024", "FY24": "fiscal 2024" (two digits: the year within
    // twenty years ahead of the day said, as other two-digit years).
    for i in 0..raw.len().saturating_sub(1) {
        if !raw[i].is("fy") {
            continue;
        }
        if let Some((v, digits @ (2 | 4), false)) = raw[i + 1].num() {
            let year = if digits == 2 { calendar::expand_two_digit_year(v, as_of.year()) } else { v as i32 };
            raw[i] = lexer::Tok { kind: lexer::Kind::Word("fiscal".to_string()), glued: raw[i].glued };
            if let Ok(v) = u32::try_from(year) {
                raw[i + 1] = lexer::Tok { kind: lexer::Kind::Num { v, digits: 4, ord: false }, glued: false };
            }
        }
    }
    let parser = grammar::Parser::new(as_of, tense);
    // Every year a reading reaches must lie in 1..9999 ("10000 years ago" is no date), or
    // in -9999..9999 when an era is written ("300 BC" is the astronomical year -299).
    let era = raw.iter().any(|t| matches!(t.word(), Some("bc" | "bce")));
    let with_notes = |mut r: DateReading| {
        let low = if era { -9999 } else { calendar::MIN_YEAR };
        for day in [r.start, r.end].into_iter().flatten() {
            if !(low..=calendar::MAX_YEAR).contains(&day.year()) {
                return err(format!(
                    "cannot read '{expr}' as a date: it reaches the year {}, outside 1..9999",
                    day.year()
                ));
            }
        }
        r.qualifiers.extend(notes.iter().cloned());
        // The tense a rule chose by, in the expression or a part of it ("early
        // August", "by August"), as the parser noted it (`Parser::tense_chosen`):
        // not the rule's text, which says "year by tense or anchor" of an
        // anchored "Christmas 2014" too.
        r.tense = parser.chose_by.get();
        Ok(r)
    };
    if let Some(pair) = clock::read_pair(&raw, &parser, clean) {
        return match pair {
            Ok(r) => with_notes(r),
            Err(m) => err(format!("cannot read '{expr}' as a time of day: {m}")),
        };
    }
    match clock::read(&raw, &parser, clean) {
        Some(Ok(r)) => return with_notes(r),
        Some(Err(m)) => return err(format!("cannot read '{expr}' as a time of day: {m}")),
        None => {}
    }
    let toks = clean(&raw);
    if toks.is_empty() {
        return err(format!("'{expr}' has no date words in it"));
    }
    if let Some(r) = parser.top(&toks) {
        return with_notes(r);
    }
    if let Some(c) = parser.complaint.borrow().clone() {
        return err(format!("cannot read '{expr}' as a date: {c}"));
    }
    // "2 hours ago", "within 24 hours", "in 3 mins": a count of a unit finer than the day.
    let counted = |i: usize| i > 0 && (toks[i - 1].num().is_some() || toks[i - 1].is("an") || toks[i - 1].is("a"));
    if let Some(unit) = (0..toks.len()).find_map(|i| toks[i].word().filter(|_| counted(i)).and_then(finer_than_a_day)) {
        return err(format!(
            "cannot read '{expr}' as a date: {unit} are counted from a time of day, but a claim is dated by its \
             day (as_of) alone; give the day it means, or the clock time (e.g. '14:00 October 7')"
        ));
    }
    // A holiday's words are known where they stand as its whole name
    // ("Passover and Easter"), not one by one ("Black Monday": 'black').
    let mut named = vec![false; toks.len()];
    for i in 0..toks.len() {
        let from_here: Vec<&str> = toks[i..].iter().map_while(lexer::Tok::word).collect();
        if let Some((_, n)) = holidays::name_at(&from_here) {
            named[i..i + n].iter_mut().for_each(|x| *x = true);
        }
    }
    let unknown: Vec<String> =
        toks.iter().zip(&named).filter(|(t, named)| !**named && !words::is_known(t)).map(|(t, _)| t.text()).collect();
    if !unknown.is_empty() {
        return err(format!("cannot read '{expr}' as a date: did not understand '{}'", unknown.join(" ")));
    }
    // (The cleaned words are not shown: "the first three months of the year"
    // cleans to "1th 3 months year", which reads as a typo of the writer's.)
    err(format!(
        "cannot read '{expr}' as a date: every word is known, but no rule of the grammar reads them together; \
         write the interval it means in a form the grammar reads, e.g. 'January to March 2023', 'the week of \
         March 13', 'between March 1 and March 31' (docs/temporal.md lists them)"
    ))
}

/// The unit of time finer than the day grammar's that `word` names, in the
/// plural: hours, minutes, seconds.
fn finer_than_a_day(word: &str) -> Option<&'static str> {
    match word {
        "hour" | "hours" | "hr" | "hrs" | "h" => Some("hours"),
        "minute" | "minutes" | "min" | "mins" => Some("minutes"),
        "second" | "seconds" | "sec" | "secs" => Some("seconds"),
        _ => None,
    }
}

/// Longest expression the reader accepts (date expressions are short).
const MAX_CHARS: usize = 200;

/// Drop fillers and stray punctuation; mark "the 24" / "on 24" as a day of the month;
/// keep "in" only where it means "from now" ("in two weeks").
fn clean(raw: &[lexer::Tok]) -> Vec<lexer::Tok> {
    let described = holiday_described(raw);
    let raw = described.as_deref().unwrap_or(raw);
    use lexer::{Kind, Tok};
    let n = raw.len();
    let mut out: Vec<Tok> = Vec::with_capacity(n);
    let mut skip = 0;
    for i in 0..n {
        if skip > 0 {
            skip -= 1;
            continue;
        }
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
                        (!(word_side && glued_both) || joins_two_dates(raw, i))
                            && !(glued_both && month_day_hyphen_year(raw, i))
                            && prev.is_some()
                            && next.is_some()
                    }
                    _ => false,
                };
                if keep {
                    out.push(t.clone());
                }
            }
            Kind::Word(w) => {
                // "over the next year", "in the coming decade", "during the next month", "for the last week": the
                // time from the day said on (`Parser::unit_ahead`), written `coming <unit> ahead`.
                // (Punctuation around it is noise, as elsewhere: "in the coming week,", quotes.)
                let first_word = raw[..i].iter().all(|x| x.sym().is_some());
                if first_word && matches!(w.as_str(), "over" | "in" | "during" | "for") {
                    let rest: Vec<Option<&str>> = raw[i + 1..]
                        .iter()
                        .filter(|x| x.num().is_some() || x.word().is_some())
                        .map(Tok::word)
                        .collect();
                    let rest = match rest.as_slice() {
                        [Some("the"), rest @ ..] => rest,
                        rest => rest,
                    };
                    if let [Some("next" | "coming" | "upcoming"), Some(unit)] = rest {
                        if matches!(*unit, "week" | "month" | "year" | "decade" | "century") {
                            for word in ["coming", unit, "ahead"] {
                                out.push(Tok { kind: Kind::Word(word.to_string()), glued: false });
                            }
                            break;
                        }
                    }
                    // "over the last week", "in the last month": the time up to the day
                    // said, as "over the past week" is ("the last week" alone stays the
                    // calendar week before, TimeML).
                    if let [Some("last"), Some(unit @ ("week" | "month" | "year"))] = rest {
                        for word in ["past", unit] {
                            out.push(Tok { kind: Kind::Word(word.to_string()), glued: false });
                        }
                        break;
                    }
                }
                if w == "in" {
                    let unit = |j: usize| raw.get(j).is_some_and(|u| words::unit(u).is_some() || u.is("fortnight"));
                    let count = |j: usize| raw.get(j).and_then(words::count).is_some();
                    // "in two weeks"; "in two to three weeks", "in 2-3 weeks".
                    let joined = raw.get(i + 2).is_some_and(|c| c.is("to") || c.is("or") || c.sym() == Some('-'));
                    let counted = count(i + 1) && (unit(i + 2) || (joined && count(i + 3) && unit(i + 4)))
                        // "in a few weeks", "in a couple of days", "in several months".
                        || words::vague_count(&raw[i + 1..]).is_some_and(|(_, _, k)| unit(i + 1 + k));
                    if counted {
                        out.push(t.clone());
                    }
                    continue;
                }
                if w == "on" && i + 1 == n && i > 0 {
                    out.push(t.clone());
                    continue;
                }
                // "over the weekend", "over the past week": "over" before a period is "during";
                // elsewhere ("over a week ago" = more than a week) it stays and is not understood.
                if w == "over"
                    && i == 0
                    && next
                        .is_some_and(|x| matches!(x.word(), Some("the" | "this" | "next" | "past" | "last" | "coming")))
                {
                    continue;
                }
                // "for the past week", "for the last two years": during them, as "over" is.
                if w == "for"
                    && i == 0
                    && next.is_some_and(|x| matches!(x.word(), Some("the" | "past" | "last")))
                    && raw.get(i + 1..).is_some_and(|rest| rest.iter().any(|x| x.is("past") || x.is("last")))
                {
                    continue;
                }
                // "over Christmas", "over Easter": during the holiday.
                if w == "over" && i == 0 && next.and_then(Tok::word).is_some_and(holidays::is_first_word) {
                    continue;
                }
                // "on or about Nov 15", "on or around": read like "around Nov 15" (a filler).
                if w == "or"
                    && prev.is_some_and(|p| p.is("on"))
                    && next.is_some_and(|x| matches!(x.word(), Some("about" | "around")))
                {
                    continue;
                }
                // "as recently as last month", "as late as 2019": the date, with
                // emphasis (as "as early as" is not: that one opens an interval).
                if w == "as"
                    && next.is_some_and(|x| x.is("recently") || x.is("late"))
                    && raw.get(i + 2).is_some_and(|x| x.is("as"))
                {
                    skip = 2;
                    continue;
                }
                // "the tail end of 2023" = "the end of 2023".
                if w == "tail" && next.is_some_and(|x| x.is("end")) {
                    continue;
                }
                // "the 2023-24 fiscal year": the span of years names it.
                // "the 2024-25 season", "the 2012/13 financial year" too.
                let j = if i > 0 && (raw[i - 1].is("fiscal") || raw[i - 1].is("financial")) { i - 1 } else { i };
                if matches!(w.as_str(), "year" | "season")
                    && i + 1 == n
                    && j >= 3
                    && raw[j - 1].num().is_some_and(|(_, digits, _)| digits == 2)
                    && matches!(raw[j - 2].sym(), Some('-' | '/'))
                    && raw[j - 3].num().is_some_and(|(_, digits, _)| digits == 4)
                {
                    continue;
                }
                // "towards the end of the year" = "the end of the year".
                if matches!(w.as_str(), "towards" | "toward")
                    && next.is_some_and(|x| x.is("the") || words::part(x).is_some())
                {
                    continue;
                }
                // "a year and a half ago" = 18 months ago; "half a century ago" = 50
                // years ago; "a quarter of a century" = 25 years; "half a year" = 6 months.
                if let Some((count, unit, taken)) = fraction_of_unit(&raw[i..]) {
                    if matches!(out.last().and_then(Tok::word), Some("a" | "an")) {
                        out.pop();
                    }
                    out.push(Tok { kind: Kind::Num { v: count, digits: 0, ord: false }, glued: false });
                    out.push(Tok { kind: Kind::Word(unit.to_string()), glued: false });
                    skip = taken - 1;
                    continue;
                }
                // "a fortnight" = two weeks: "in a fortnight", "a fortnight ago", "the past fortnight".
                if w == "fortnight" {
                    if out.last().is_some_and(|p| p.is("a") || p.is("an") || p.num().is_some_and(|n| n.0 == 1 && !n.2))
                    {
                        out.pop();
                    }
                    out.push(Tok { kind: Kind::Num { v: 2, digits: 0, ord: false }, glued: false });
                    out.push(Tok { kind: Kind::Word("weeks".to_string()), glued: false });
                    continue;
                }
                // "midweek", "midmonth", "midyear" = "mid-week", "mid-month", "mid-year".
                if let Some(unit) = w.strip_prefix("mid").filter(|u| matches!(*u, "week" | "month" | "year")) {
                    out.push(Tok { kind: Kind::Word("mid".to_string()), glued: t.glued });
                    out.push(Tok { kind: Kind::Word(unit.to_string()), glued: true });
                    continue;
                }
                // "some time next year", "at some point next year" = "sometime next year".
                if matches!(w.as_str(), "time" | "point") && prev.is_some_and(|p| p.is("some")) && next.is_some() {
                    continue;
                }
                // "in two weeks' time", "in a week's time" = "in two weeks", "in a week".
                if w == "time" && next.is_none() && in_units_before(raw, i) {
                    if out.last().is_some_and(|x| x.sym() == Some('\'')) {
                        out.pop();
                    }
                    continue;
                }
                // "Friday of the week": which week the text meant is not in the
                // words; without "of the" it would read as British "Friday week".
                // The "of" stays, and is not understood.
                if w == "of"
                    && prev.is_some_and(|p| words::weekday(p).is_some())
                    && next.is_some_and(|x| x.is("the"))
                    && raw.get(i + 2).is_some_and(|x| x.is("week") || x.is("fortnight"))
                {
                    out.push(t.clone());
                    continue;
                }
                // "fiscal year 2023", "the year 2000": "year" before a four-digit
                // year names it ("fiscal 2023", "2000").
                // ("Islamic New Year 2018" keeps it: it names the holiday.)
                // ("fiscal year 2012-13": before a span of years too.)
                let span_after = raw.get(i + 3).and_then(Tok::num).is_some_and(|(_, digits, _)| digits == 2)
                    && raw.get(i + 4).is_none();
                if w == "year"
                    && !prev.is_some_and(|p| p.is("new"))
                    && next.is_some_and(|x| x.num().is_some_and(|(_, digits, ord)| digits == 4 && !ord))
                    && (span_after || raw.get(i + 2).is_none_or(|x| x.sym() != Some('-') && x.sym() != Some('/')))
                {
                    continue;
                }
                if words::is_filler(w) {
                    continue;
                }
                // "shortly before 4 p.m.", "soon after Christmas", "right after the
                // vote", "well before March": the open interval, its adverb dropped.
                if matches!(w.as_str(), "shortly" | "soon" | "right" | "immediately" | "well" | "long")
                    && next.is_some_and(|x| x.is("before") || x.is("after"))
                {
                    continue;
                }
                // "the weekend just gone", "the week just gone" = "last weekend", "last week".
                // ("just" is a filler, dropped already.)
                if w == "gone" && prev.is_some_and(|p| p.is("just")) && i + 1 == n {
                    // The unit is the last word kept: "last" goes before it.
                    if out.last().is_some_and(|x| words::unit(x).is_some() || x.is("weekend")) {
                        out.retain(|x| !(x.is("this") || x.is("the")));
                        out.insert(out.len() - 1, Tok { kind: Kind::Word("last".to_string()), glued: false });
                        break;
                    }
                }
                // "week-end" (British) = "weekend".
                if w == "week"
                    && next.is_some_and(|x| x.sym() == Some('-') && x.glued)
                    && raw.get(i + 2).is_some_and(|x| x.is("end") && x.glued)
                {
                    out.push(Tok { kind: Kind::Word("weekend".to_string()), glued: t.glued });
                    skip = 2;
                    continue;
                }
                // "the 2012/13 financial year" = "the 2012/13 fiscal year" ("fiscal" is a filler).
                if w == "financial" && next.is_some_and(|x| x.is("year")) {
                    continue;
                }
                // "the early part of next year" = "early next year", "the latter part of
                // 2014" = "late 2014", "the middle part of the week" = "mid-week".
                if w == "part" && next.is_some_and(|x| x.is("of")) {
                    let first = out.last().and_then(Tok::num).is_some_and(|(v, _, ord)| ord && v == 1);
                    let part = match out.last().and_then(Tok::word) {
                        _ if first => Some("early"),
                        Some("early" | "earlier" | "first" | "beginning" | "opening") => Some("early"),
                        Some("latter" | "later" | "last" | "final" | "closing" | "end") => Some("late"),
                        Some("middle" | "mid") => Some("mid"),
                        _ => None,
                    };
                    if let Some(part) = part {
                        out.pop();
                        out.push(Tok { kind: Kind::Word(part.to_string()), glued: false });
                        skip = 1;
                        continue;
                    }
                }
                // "Tuesday next" (British) = "next Tuesday"; "Tuesday coming" = "this coming Tuesday".
                if matches!(w.as_str(), "next" | "coming")
                    && i + 1 == n
                    && out.len() == 1
                    && words::weekday(&out[0]).is_some()
                {
                    out.insert(0, Tok { kind: Kind::Word(w.clone()), glued: false });
                    continue;
                }
                // "this year and next", "this week or next": the unit said once is both
                // sides'; "this year and last" is put in order: "last year and this year".
                if matches!(w.as_str(), "next" | "last")
                    && i + 1 == n
                    && matches!(out.last().and_then(Tok::word), Some("and" | "or" | "to" | "through"))
                {
                    let unit = out.iter().rev().skip(1).find(|x| words::unit(x).is_some()).cloned();
                    if let Some(unit) = unit {
                        if w == "last" {
                            let conj = out.pop();
                            let first = std::mem::take(&mut out);
                            out.push(t.clone());
                            out.push(unit);
                            out.extend(conj);
                            out.extend(first);
                        } else {
                            out.push(t.clone());
                            out.push(unit);
                        }
                        continue;
                    }
                }
                // "beginning April 1", "beginning in April" (no "of" after it): from
                // then on, as "starting" is; "the beginning of April" is the month's
                // first days, told apart here before "of" is dropped.
                if w == "beginning" && i == 0 && next.is_some_and(|x| !x.is("of")) {
                    out.push(Tok { kind: Kind::Word("starting".to_string()), glued: t.glued });
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
                // ("the 12 months to June" counts months: no day there.)
                let counts_units = next.is_some_and(|x| words::unit(x).is_some());
                if after_the && !*ord && *digits <= 2 && (1..=31).contains(v) && !date_sep && !counts_units {
                    t.kind = Kind::Num { v: *v, digits: *digits, ord: true };
                }
                out.push(t);
            }
        }
    }
    distribute_ordinals(out)
}

/// A holiday as wire copy describes it: "the holy month of Ramadan", "the
/// Muslim holy month of Ramadan", "the Jewish holiday of Yom Kippur", "the
/// Thanksgiving holiday": the holiday. The words before its name are
/// dropped when all of them describe it and the last is "of"; a
/// "holiday" after its name is dropped. `None` when nothing is (most
/// expressions: no "of" or "holiday" in them, and no holiday name looked for).
fn holiday_described(raw: &[lexer::Tok]) -> Option<Vec<lexer::Tok>> {
    if !raw.iter().any(|t| t.is("of") || t.is("holiday")) {
        return None;
    }
    const DESCRIBING: &[&str] = &[
        "the",
        "muslim",
        "islamic",
        "jewish",
        "christian",
        "hindu",
        "sikh",
        "buddhist",
        "holy",
        "month",
        "holiday",
        "feast",
        "festival",
        "of",
    ];
    // The words alone, with where each stands ("Eid al-Adha" has a '-' between them).
    let at: Vec<usize> = (0..raw.len()).filter(|&k| raw[k].word().is_some()).collect();
    let words: Vec<&str> = at.iter().map(|&k| raw[k].word().unwrap_or_default()).collect();
    let (h, n) = (0..words.len()).find_map(|h| holidays::name_at(&words[h..]).map(|(_, n)| (h, n)))?;
    let (first, last) = (at[h], at[h + n - 1]);
    let before = &raw[..first];
    let described =
        h >= 2 && before.len() == h && words[h - 1] == "of" && words[..h].iter().all(|w| DESCRIBING.contains(w));
    let after = &raw[last + 1..];
    // (Not "holidays": "the Christmas holidays" is a season of days, not the day.)
    let holiday_after = after.first().is_some_and(|t| t.is("holiday"));
    if !described && !holiday_after {
        return None;
    }
    let mut out: Vec<lexer::Tok> = raw[if described { first } else { 0 }..=last].to_vec();
    out.extend_from_slice(&after[usize::from(holiday_after)..]);
    Some(out)
}

/// "the second and third quarters", "the 18th and 19th centuries", "the
/// third or fourth quarter of 2014": two ordinals sharing one unit (and
/// what follows it) are two periods, "the second quarter and the third
/// quarter", which the rule for "A and B" then reads as one interval when
/// no day lies between them.
fn distribute_ordinals(toks: Vec<lexer::Tok>) -> Vec<lexer::Tok> {
    let ordinal = |t: &lexer::Tok| t.num().is_some_and(|(_, _, ord)| ord);
    let joins =
        |t: &lexer::Tok| t.sym() == Some('-') || matches!(t.word(), Some("and" | "or" | "to" | "through" | "until"));
    let Some(k) = (0..toks.len().saturating_sub(3)).find(|&k| {
        ordinal(&toks[k]) && joins(&toks[k + 1]) && ordinal(&toks[k + 2]) && words::unit(&toks[k + 3]).is_some()
    }) else {
        return toks;
    };
    let shared = &toks[k + 3..];
    let mut out: Vec<lexer::Tok> = toks[..=k].to_vec();
    out.extend_from_slice(shared);
    out.push(toks[k + 1].clone());
    out.push(toks[k + 2].clone());
    out.extend_from_slice(shared);
    out
}

/// A fraction of a unit starting `raw`, as a whole count of a smaller one:
/// (count, unit, tokens taken). "year and a half" = 18 months, "half a
/// century" = 50 years, "quarter of a century" = 25 years.
fn fraction_of_unit(raw: &[lexer::Tok]) -> Option<(u32, &'static str, usize)> {
    if !matches!(raw.first()?.word()?, "year" | "month" | "decade" | "half" | "quarter") {
        return None;
    }
    let words: Vec<&str> = raw.iter().take(4).map_while(lexer::Tok::word).collect();
    Some(match words.as_slice() {
        ["year", "and", "a", "half", ..] => (18, "months", 4),
        ["month", "and", "a", "half", ..] => (6, "weeks", 4),
        ["decade", "and", "a", "half", ..] => (15, "years", 4),
        ["half", "a", "century", ..] => (50, "years", 3),
        ["half", "a", "decade", ..] => (5, "years", 3),
        ["half", "a", "year", ..] => (6, "months", 3),
        ["quarter", "of", "a", "century", ..] => (25, "years", 4),
        ["quarter", "century", ..] => (25, "years", 2),
        _ => return None,
    })
}

/// "in <count> <unit>" (and an apostrophe) right before token `i`: "in two weeks' time".
fn in_units_before(raw: &[lexer::Tok], i: usize) -> bool {
    let mut j = i;
    if j > 0 && raw[j - 1].sym() == Some('\'') {
        j -= 1;
    }
    if j < 3 || words::unit(&raw[j - 1]).is_none() {
        return false;
    }
    // "in two weeks' time"; "in a few days' time", "in a couple of weeks' time".
    let counted = words::count(&raw[j - 2]).is_some() && raw[j - 3].is("in");
    counted
        || (2..=4).any(|k| {
            j > k
                && raw[j - 1 - k].is("in")
                && words::vague_count(&raw[j - k..j - 1]).is_some_and(|(_, _, taken)| taken + 1 == k)
        })
}

/// Whether the '-' at `i` is the second of "Aug-09-2013": a month name, a
/// day and a four-digit year written with hyphens (the first hyphen, beside a
/// word, is dropped already), not a range from August 9 to 2013.
fn month_day_hyphen_year(raw: &[lexer::Tok], i: usize) -> bool {
    let at = |k: usize| i.checked_sub(k).and_then(|j| raw.get(j));
    let day = at(1).and_then(lexer::Tok::num).is_some_and(|(v, digits, _)| digits <= 2 && (1..=31).contains(&v));
    let year = raw.get(i + 1).and_then(lexer::Tok::num).is_some_and(|(_, digits, ord)| digits == 4 && !ord);
    let hyphen = at(2).is_some_and(|t| t.sym() == Some('-') && t.glued) && at(1).is_some_and(|t| t.glued);
    day && year && hyphen && at(3).is_some_and(|t| words::month(t).is_some())
}

/// A hyphen glued between a day and a month word that joins two dates, as in
/// "Dec. 30-Jan. 2" (month day - month day) or "30 Dec-2 Jan" (day month - day month),
/// or between two months ("November-December", "late November-early December").
/// Elsewhere such a hyphen is a word hyphen ("mid-November", "31-Oct-74") and is dropped.
fn joins_two_dates(raw: &[lexer::Tok], i: usize) -> bool {
    let (Some(p), Some(x)) = (i.checked_sub(1).map(|j| &raw[j]), raw.get(i + 1)) else { return false };
    let before = i.checked_sub(2).and_then(|j| raw.get(j));
    let after = raw.get(i + 2);
    let day = |t: &lexer::Tok| words::dom(t).is_some();
    let month = |t: &lexer::Tok| words::month(t).is_some();
    let part = |t: &lexer::Tok| words::part(t).is_some();
    (day(p) && month(x) && before.is_some_and(month) && after.is_some_and(day))
        || (month(p) && day(x) && before.is_some_and(day) && after.is_some_and(month))
        // "November-December", "Nov-Dec 2013": a range of months; "Monday-Friday": of weekdays.
        || (month(p) && month(x))
        || (words::weekday(p).is_some() && words::weekday(x).is_some())
        // "late November-early December": a range of parts of months.
        || (month(p) && part(x) && after.is_some_and(month))
}

/// Month names as `tense_of` sees them (lower case, no period).
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Weekday names as `tense_of` sees them.
const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Words after "agreed to" that start a noun phrase, not an infinitive.
const NOT_VERB: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "its",
    "it",
    "their",
    "them",
    "his",
    "him",
    "her",
    "our",
    "us",
    "my",
    "me",
    "your",
    "you",
    "any",
    "some",
    "all",
    "each",
    "every",
    "no",
    "both",
    "such",
    "what",
    "which",
    "whom",
    "one",
    "two",
    "three",
    "terms",
    "date",
    "deal",
    "plan",
    "peace",
    "talks",
    "ceasefire",
    "truce",
];

/// Words that start a new clause for `tense_of` (with punctuation): a marker and
/// a date or a past marker in another clause are not read together.
const CLAUSE_WORDS: &[&str] =
    &["but", "although", "though", "because", "while", "whereas", "when", "which", "who", "whom", "that", "and"];

/// Verbs of a plan: after a decision ("agreed to meet on March 3") or an
/// obligation ("must ratify it by December 31") they name what is to come.
const PLAN_VERBS: &[&str] = &[
    "meet",
    "hold",
    "host",
    "stage",
    "sign",
    "ratify",
    "vote",
    "convene",
    "reconvene",
    "resume",
    "reopen",
    "open",
    "begin",
    "start",
    "launch",
    "visit",
    "return",
    "elect",
    "talk",
    "negotiate",
    "attend",
    "complete",
    "submit",
    "finalise",
    "finalize",
    "conclude",
    "implement",
    "adopt",
    "decide",
    "withdraw",
    "leave",
    "announce",
    "present",
    "publish",
    "release",
    "pay",
    "repay",
];

/// Participles of a plan after "must be", "should be": "should be held in May".
const PLAN_PARTICIPLES: &[&str] = &[
    "held",
    "signed",
    "ratified",
    "completed",
    "submitted",
    "finalised",
    "finalized",
    "concluded",
    "implemented",
    "adopted",
    "decided",
    "announced",
    "presented",
    "published",
    "released",
    "paid",
    "repaid",
    "reached",
    "convened",
    "staged",
    "hosted",
    "elected",
    "approved",
    "withdrawn",
];

/// The tense of a sentence, from its verbs ("will", "plans" vs "was held", "met").
///
/// A small heuristic, in this order:
/// 1. a future marker anywhere wins (reported speech "said it will be held" is future):
///    will, 'll, shall, won't, going to, would, plan(s/ning) to, expect(s/ed) to,
///    schedule(d)/planned/set/slated to or for, is/are to, due to, intend(s) to, aim(s) to,
///    hope(s) to, to be held, upcoming, tomorrow, next, and a plan moved: postponed, delayed,
///    deferred, rescheduled, pushed (back), put off + to/until/till/for; and a present
///    passive of an expectation (is/are + expected, scheduled, planned, slated,
///    anticipated, due). Also a plan moved or fixed past its object ("postponed the
///    election to October 19", "confirmed the summit for March 3": the preposition
///    followed by a date), a decision to act ("agreed to meet"), an obligation ("must
///    ratify", not "must have"), and an event that is at a date named ("the vote is on
///    October 19"). A marker under "had" (past perfect: "had been scheduled for")
///    or "would have" is no future marker;
/// 2. else a past marker: was, were, had, did, ago, last, yesterday, said, an irregular
///    past form (held, met, took, ...) or a verb ending in -ed (not right after is/are:
///    "is based" is a present passive);
/// 3. else `Tense::Unknown`.
pub fn tense_of(quote: &str) -> Tense {
    tense_said(quote, None)
}

/// `tense_of` for a quote said on `as_of`: a year at or before the year said
/// ("confirmed the death toll for 2013", said in 2024) names no date to come.
pub fn tense_of_said(quote: &str, as_of: NaiveDate) -> Tense {
    tense_said(quote, Some(as_of.year()))
}

fn tense_said(quote: &str, said_year: Option<i32>) -> Tense {
    let lowered = quote.to_lowercase().replace('\u{2019}', "'");
    // Words, with a contracted auxiliary its own word: "they're expected" is
    // "they" "'re" "expected", as "they are expected" is three words. Each word
    // has the number of its clause: punctuation and a clause word ("but",
    // "which", "that", ...) start a new one.
    let mut ws: Vec<&str> = Vec::new();
    let mut clause_of: Vec<usize> = Vec::new();
    let mut clause = 0;
    let mut last_end = 0;
    let is_word_char = |c: char| c.is_alphanumeric() || c == '\'';
    let mut start = None;
    for (at, c) in lowered.char_indices().chain(std::iter::once((lowered.len(), ' '))) {
        match (start, is_word_char(c) && at < lowered.len()) {
            (None, true) => start = Some(at),
            (Some(from), false) => {
                let w = &lowered[from..at];
                if lowered[last_end..from].contains([',', ';', ':', '(', ')', '.', '!', '?', '\u{2014}'])
                    || CLAUSE_WORDS.contains(&w)
                {
                    clause += 1;
                }
                last_end = at;
                start = None;
                match ["'re", "'s", "'ve", "'m"].iter().find(|suffix| w.len() > suffix.len() && w.ends_with(*suffix)) {
                    Some(suffix) => {
                        ws.extend([&w[..w.len() - suffix.len()], *suffix]);
                        clause_of.extend([clause, clause]);
                    }
                    None => {
                        ws.push(w);
                        clause_of.push(clause);
                    }
                }
            }
            _ => {}
        }
    }
    let same_clause = |i: usize, k: usize| clause_of.get(i).is_some() && clause_of.get(i) == clause_of.get(k);
    // A past marker after word `i` in its clause ("decided to hold the vote last
    // Tuesday", "agreed to a vote that was held"): it vetoes a weak future marker.
    // One before it is the marker's own auxiliary ("the vote was moved to").
    let past_after = |i: usize| {
        ws.iter().enumerate().skip(i + 1).any(|(j, w)| {
            same_clause(i, j)
                && matches!(
                    *w,
                    "was"
                        | "were"
                        | "wasn't"
                        | "weren't"
                        | "had"
                        | "hadn't"
                        | "did"
                        | "didn't"
                        | "ago"
                        | "last"
                        | "yesterday"
                        | "earlier"
                )
        })
    };
    let next_is = |i: usize, set: &[&str]| ws.get(i + 1).is_some_and(|n| set.contains(n));
    // The auxiliary before word `i`, over adverbs and "been"/"being": "had (originally)
    // been scheduled", "are widely expected", "is being prepared".
    let aux_before = |i: usize| -> Option<&str> {
        let mut j = i;
        while j > 0 {
            j -= 1;
            let x = ws[j];
            let skip = matches!(
                x,
                "been" | "being" | "not" | "now" | "also" | "still" | "already" | "once" | "originally" | "initially"
            ) || (x.len() > 4 && x.ends_with("ly"));
            if !skip {
                return Some(x);
            }
        }
        None
    };
    let past_perfect = |i: usize| aux_before(i) == Some("had");
    // A present passive: "are expected", "is based", "'re scheduled".
    let present_passive = |i: usize| matches!(aux_before(i), Some("is" | "are" | "am" | "be" | "'re"));
    // "'s" is "is", "has" or a possessive: before an expectation it is "is"
    // ("the report's due"), but it does not make "the minister's resigned" present.
    let expectation_aux = |i: usize| present_passive(i) || aux_before(i) == Some("'s");
    // An auxiliary of the past, or a modal of what did not happen, before a verb.
    let past_aux = |i: usize| {
        matches!(
            aux_before(i),
            Some(
                "did"
                    | "didn't"
                    | "had"
                    | "hadn't"
                    | "was"
                    | "were"
                    | "could"
                    | "couldn't"
                    | "should"
                    | "might"
                    | "may"
                    | "must"
            )
        )
    };
    let after_to = |i: usize| i > 0 && ws[i - 1] == "to";
    let word = |k: usize| ws.get(k).copied().unwrap_or("");
    // A day or month named at word `k`: "October", "Oct", "Friday", "19 October".
    let year_at = |k: usize| {
        let w = word(k);
        w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit())
    };
    let calendar_at = |k: usize| {
        let w = word(k);
        // "may" is a month only where a month stands: "in May", "May 3", "early May";
        // else it is the modal ("agreed to talks but may delay").
        if w == "may" {
            return (k > 0
                && matches!(
                    ws[k - 1],
                    "in" | "on"
                        | "of"
                        | "by"
                        | "to"
                        | "until"
                        | "till"
                        | "for"
                        | "since"
                        | "before"
                        | "early"
                        | "mid"
                        | "late"
                        | "next"
                        | "this"
                        | "last"
                ))
                || word(k + 1).starts_with(|c: char| c.is_ascii_digit());
        }
        MONTHS.contains(&w)
            || WEEKDAYS.contains(&w)
            || (w.starts_with(|c: char| c.is_ascii_digit()) && MONTHS.contains(&word(k + 1)))
    };
    // A date to come named at word `k`, after "to", "until" or "for": a day or
    // month, a year, "next week", "later this year", "the week of", "a later date".
    // A year counts only after the year said ("for 2013" said in 2024 is no plan).
    let year_to_come = |k: usize| year_at(k) && said_year.is_none_or(|y| word(k).parse::<i32>().is_ok_and(|n| n > y));
    let season = |w: &str| matches!(w, "spring" | "summer" | "autumn" | "winter");
    let date_at = |k: usize| {
        let w = word(k);
        calendar_at(k)
            || matches!(w, "tomorrow" | "next")
            || season(w)
            // "early", "mid", "late", "later" only before a period: "early next year",
            // "late October", "later this year"; not "resign early on Monday".
            || (matches!(w, "early" | "mid" | "late" | "later")
                && (calendar_at(k + 1)
                    || year_to_come(k + 1)
                    || season(word(k + 1))
                    || matches!(word(k + 1), "next" | "this" | "in")))
            || year_to_come(k)
            || (w == "the"
                && matches!(
                    word(k + 1),
                    "week"
                        | "weekend"
                        | "end"
                        | "beginning"
                        | "start"
                        | "middle"
                        | "following"
                        | "spring"
                        | "summer"
                        | "autumn"
                        | "winter"
                ))
            || (w == "a" && matches!(word(k + 1), "later" | "new" | "future"))
    };
    // A plan moved or fixed, its object between the verb and the new date:
    // "postponed the election (by two weeks) to October 19", "pushed the vote
    // back to", "confirmed the summit for March 3". A few words on, before the
    // next clause; the date must follow the preposition ("delayed by a storm
    // for three hours" names none).
    let moved_to = |i: usize| {
        for (k, w) in ws.iter().enumerate().take(i + 10).skip(i + 1) {
            match *w {
                "to" | "until" | "till" | "for" if date_at(k + 1) => return true,
                "and" | "but" | "because" | "after" | "before" | "when" | "while" | "which" | "who" | "that"
                | "said" | "as" => return false,
                _ => {}
            }
        }
        false
    };
    // An infinitive after a decision, "agreed to meet", "decided to hold": a
    // verb, not a noun ("agreed to a ceasefire", "agreed to terms").
    let infinitive_at = |k: usize| {
        let w = word(k);
        !w.is_empty()
            && !w.starts_with(|c: char| c.is_ascii_digit())
            && !NOT_VERB.contains(&w)
            && !date_at(k)
            && !w.ends_with("ing")
            && !w.ends_with("ed")
            && (!w.ends_with('s') || w.ends_with("ss"))
    };
    // A date named after the infinitive, in the words from `k`: the date is the
    // infinitive's ("agreed to meet on March 3"), not the decision's ("in a
    // call late Friday, agreed to relaunch the talks" is of Friday past).
    // In the decision's own clause ("agreed to hold talks, which took place in
    // May" names no date of the talks).
    let dated_after = |k: usize| (k..(k + 10).min(ws.len())).any(|j| same_clause(k - 1, j) && date_at(j));
    // A verb of a plan: what a decision or an obligation can put at a date to
    // come ("agreed to meet on March 3", "must ratify it by December 31"), not
    // "voted to approve the treaty on Tuesday" (the vote's day) or "must stop".
    let plan_verb = |k: usize| PLAN_VERBS.contains(&word(k)) || (word(k) == "take" && word(k + 1) == "place");
    for (i, w) in ws.iter().enumerate() {
        // A plan of the past ("had been scheduled for September", "would have been held")
        // names no date to come.
        if past_perfect(i) || (*w == "would" && next_is(i, &["have"])) {
            continue;
        }
        let future = match *w {
            "will" | "shall" | "won't" | "would" | "upcoming" | "tomorrow" | "next" => true,
            _ if w.ends_with("'ll") => true,
            "going" => next_is(i, &["to"]),
            // "Elections are expected in March", "The report is due in May": a present
            // passive of an expectation is about what is to come.
            "expected" | "due" => next_is(i, &["to"]) || expectation_aux(i),
            "scheduled" | "planned" | "slated" => next_is(i, &["to", "for"]) || expectation_aux(i),
            "anticipated" => expectation_aux(i),
            "plan" | "plans" | "planning" | "expect" | "expects" | "intend" | "intends" | "aim" | "aims" | "hope"
            | "hopes" => next_is(i, &["to"]),
            "schedule" | "set" => next_is(i, &["to", "for"]) || moved_to(i),
            // A plan moved: "postponed until", "pushed back to", "rescheduled for" name its new date.
            "postpone" | "postponed" | "delay" | "delayed" | "defer" | "deferred" | "reschedule" | "rescheduled"
            | "push" | "pushed" | "put" => {
                let at = if ws.get(i + 1).is_some_and(|n| matches!(*n, "back" | "off")) { i + 1 } else { i };
                next_is(at, &["to", "until", "till", "for"]) || (moved_to(i) && !past_after(i))
            }
            // A plan moved or fixed, with its object before the new date.
            "postpones" | "delays" | "defers" | "reschedules" | "pushes" | "puts" | "move" | "moves" | "moved"
            | "shift" | "shifts" | "shifted" | "bring" | "brings" | "brought" | "confirm" | "confirms"
            | "confirmed" | "fix" | "fixes" | "fixed"
                if moved_to(i) && !past_after(i) =>
            {
                true
            }
            // A decision about what is to come: "agreed to meet on March 3",
            // "have decided to hold the vote", "vowed to ratify it by".
            "agree" | "agrees" | "agreed" | "decide" | "decides" | "decided" | "vow" | "vows" | "vowed" | "promise"
            | "promises" | "promised" | "pledge" | "pledges" | "pledged" | "resolve" | "resolved" | "vote"
            | "voted" | "want" | "wants" | "intended" | "arranged" => {
                next_is(i, &["to"]) && infinitive_at(i + 2) && plan_verb(i + 2) && dated_after(i + 3) && !past_after(i)
            }
            // An obligation: "must ratify it by December 31", "should be held in
            // May"; "must have", "should not have" are of the past.
            // Only before a verb of a plan, active or passive ("must ratify", "should
            // be held", "ought to take place"): "should be noted", "must stop",
            // "must have ended" are no plan.
            "must" | "mustn't" | "should" | "shouldn't" | "ought" => {
                let mut k = i + 1;
                while matches!(word(k), "not" | "to" | "also" | "still" | "now" | "first") {
                    k += 1;
                }
                let planned = if word(k) == "be" { PLAN_PARTICIPLES.contains(&word(k + 1)) } else { plan_verb(k) };
                planned && !past_after(i)
            }
            "is" | "are" => {
                next_is(i, &["to"])
                    // "the vote is on October 19", "said the summit is in March":
                    // an event in the present, at a date named, is to come.
                    || calendar_at(i + 1)
                    || (next_is(i, &["on", "in", "for"]) && calendar_at(i + 2))
            }
            "'s" => next_is(i, &["on"]) && calendar_at(i + 2),
            "be" => next_is(i, &["held"]) && i > 0 && ws[i - 1] == "to",
            // News writes a scheduled event in the present: "The talks begin Monday",
            // "Kerry and Lavrov meet in Geneva on Friday". Only verbs that are not also
            // nouns ("the start of", "an open meeting" are not), and not after an
            // auxiliary of the past ("did not begin", "had meant to meet").
            "begin" | "begins" | "starts" | "opens" | "resume" | "resumes" | "convene" | "convenes" | "reconvene"
            | "reconvenes" | "meet" | "meets" => !past_aux(i) && !after_to(i),
            "kicks" => next_is(i, &["off"]) && !past_aux(i),
            "take" | "takes" => next_is(i, &["place"]) && !past_aux(i) && !after_to(i),
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
    // An -ed word after a present "is/are/be" is a present passive ("is based"), not a past.
    let past = ws.iter().enumerate().any(|(i, w)| {
        IRREGULAR.contains(w) || (w.len() > 4 && w.ends_with("ed") && !NOT_PAST.contains(w) && !present_passive(i))
    });
    if past {
        Tense::Past
    } else {
        Tense::Unknown
    }
}
