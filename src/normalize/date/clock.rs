//! Times of day: clock times ("7:10 a.m.", "19:25", "6:59aDec 1", "7 pm",
//! "noon"), parts of a day ("Friday night", "late Friday", "this morning"),
//! and the notes written beside a time ("(Estimated runway)", "EST", "Delayed").
//!
//! The layer sits in front of the date grammar: it takes the time out of the
//! tokens, lets the grammar read what is left as one day (nothing left = the
//! day said), and narrows that day to the minutes named. Expressions without a
//! time never reach it, so every day-level reading is the grammar's own.
//!
//! Conventions (docs/temporal.md, "Times of day"), all bounds inclusive:
//! - a clock time is its minute: 7:10 = 07:10..07:10, i.e. [7:10, 7:11);
//! - a clock hour is its sixty minutes: "7 pm" = 19:00..19:59;
//! - noon / midday = 12:00; midnight = 00:00 at the end of the day named;
//! - morning 06:00-11:59, afternoon 12:00-17:59, evening 18:00-21:59,
//!   night 18:00-23:59, overnight 22:00-05:59 (next day), dawn 05:00-06:59,
//!   dusk 17:00-19:59, lunchtime 12:00-13:59;
//! - early <day> 00:00-08:59, mid <day> 10:00-14:59, late <day> 18:00-23:59;
//!   early/late <part> = its first/second half, mid <part> = its middle half;
//! - a time zone or a note is a qualifier: kept, shown, never converted.

use chrono::{Duration, NaiveDate, NaiveTime};

use super::grammar::{Grain, Open, Parser, OPEN_HEADS};
use super::lexer::{Kind, Tok};
use super::{words, DateReading, Precision, Tense};

const DAY: u32 = 24 * 60;

/// A time of day on an anchor day, in minutes from that day's 00:00, both
/// ends inclusive; `last` may run past 24:00 into the next day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Minutes {
    first: u32,
    last: u32,
    precision: Precision,
    rule: &'static str,
}

// ------------------------------------------------------------------ notes

/// Words that, written after a time, say what kind of time it is or how the
/// event went: kept as qualifiers. Matched case-insensitively, longest first.
const STATUS_NOTES: &[&str] = &[
    "estimated runway",
    "estimated gate",
    "on time",
    "delayed",
    "estimated",
    "scheduled",
    "actual",
    "expected",
    "landed",
    "departed",
    "arrived",
    "runway",
    "gate",
];

/// Time zones read as qualifiers after a clock time (abbreviations as written;
/// "ET", "PT", "CT" and "MT" are the US zones as AP style writes them).
const ZONES: &[&str] = &[
    "utc", "gmt", "z", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "akst", "akdt", "hst", "ast", "adt",
    "bst", "ist", "cet", "cest", "eet", "eest", "wet", "west", "msk", "jst", "kst", "hkt", "sgt", "aest", "aedt", "et",
    "pt", "ct", "mt",
];

/// US zones written out ("3 p.m. Eastern", "noon Pacific time"): kept as
/// "Eastern time" and so on.
const ZONE_NAMES: &[&str] = &["eastern", "central", "mountain", "pacific"];

/// What a value says when it says nothing: folded (lower case, spaces collapsed).
const NO_VALUE: &[&str] = &[
    "not available",
    "n/a",
    "na",
    "n.a.",
    "none",
    "unknown",
    "not known",
    "-",
    "--",
    "—",
    "?",
    "tbd",
    "tba",
    "contact airline",
];

/// The expression with its notes taken out, and the notes as written.
///
/// Taken out: every group in parentheses ("(Estimated runway)", "(+8:00)"),
/// unless nothing is left outside them ("(at the end of this month)");
/// HTML's `&nbsp;` (read as a space); a trailing `*`; and, when the rest has a
/// digit in it, trailing status words ("Delayed", "On Time", see `STATUS_NOTES`).
pub fn split_notes(expr: &str) -> (String, Vec<String>) {
    let text = expr.replace("&nbsp;", " ").replace("&nbsp", " ");
    let mut body = String::with_capacity(text.len());
    let mut notes = Vec::new();
    let mut depth = 0usize;
    let mut note = String::new();
    for c in text.chars() {
        match c {
            '(' => {
                if depth > 0 {
                    note.push(c);
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    push_note(&mut notes, &note);
                    note.clear();
                    body.push(' ');
                } else {
                    note.push(c);
                }
            }
            _ if depth > 0 => note.push(c),
            _ => body.push(c),
        }
    }
    if depth > 0 {
        // An unclosed parenthesis: leave the text as it was; the grammar reports it.
        return (text, Vec::new());
    }
    let mut body = body.trim().to_string();
    if body.is_empty() {
        // All of it in parentheses: that is the expression, not a note on one.
        body = text.trim().to_string();
        notes.clear();
    }
    let mut tail = Vec::new();
    loop {
        if let Some(rest) = body.strip_suffix('*') {
            tail.push("*".to_string());
            body = rest.trim_end().to_string();
            continue;
        }
        if !body.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        // Matched on `body` itself (ASCII case folded), never on a lowercased
        // copy: lowercasing can change byte lengths ("K" the Kelvin sign is
        // three bytes, "k" one), and the cut must fall where `body` has it.
        let found = STATUS_NOTES.iter().find(|w| {
            let Some(cut) = body.len().checked_sub(w.len()) else { return false };
            cut > 0
                && body.is_char_boundary(cut)
                && body[cut..].eq_ignore_ascii_case(w)
                && body[..cut].ends_with(|c: char| c.is_whitespace() || c == '.' || c == ',')
        });
        let Some(w) = found else { break };
        let cut = body.len() - w.len();
        tail.push(collapse(&body[cut..]));
        body = body[..cut].trim_end().trim_end_matches(',').trim_end().to_string();
    }
    tail.reverse();
    notes.extend(tail);
    (body, notes)
}

fn push_note(notes: &mut Vec<String>, note: &str) {
    let n = collapse(note);
    if !n.is_empty() {
        notes.push(n);
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when the expression (notes taken out) says there is no value:
/// "Not Available", "n/a", "unknown", "-", "Contact Airline" ... alone or after
/// a date ("Dec 02 Not Available").
pub fn says_no_value(body: &str) -> bool {
    let folded = collapse(&body.to_lowercase());
    if folded.is_empty() {
        return false;
    }
    NO_VALUE.iter().any(|nv| {
        folded == *nv
            || (nv.len() > 3
                && folded.ends_with(nv)
                && folded[..folded.len() - nv.len()].ends_with(|c: char| c.is_whitespace() || c == ','))
    })
}

// ------------------------------------------------------------------ clock times

/// A clock time found in the raw tokens.
struct Clock {
    minutes: Minutes,
    /// Indices of the raw tokens it used.
    used: Vec<usize>,
    /// A word glued after the time that was not part of it ("6:59aDec" -> "dec").
    split_word: Option<(usize, String)>,
    zone: Option<String>,
    /// An hour written without a.m./p.m. (a part of the day may still place it).
    bare_hour: Option<u32>,
}

enum Meridiem {
    Am,
    Pm,
    Noon,
    Midnight,
}

/// "am", "a.m." (lexed as "am"), "a", "p", "noon"; `rest` is what follows a
/// glued "a"/"p" when a month or weekday is glued on ("6:59aDec" -> ("a", "dec")).
fn meridiem(t: &Tok, after_colon_time: bool) -> Option<(Meridiem, Option<String>)> {
    let w = t.word()?;
    let m = match w {
        "am" => Meridiem::Am,
        "pm" => Meridiem::Pm,
        "noon" => Meridiem::Noon,
        "midnight" => Meridiem::Midnight,
        "a" if after_colon_time => Meridiem::Am,
        "p" if after_colon_time => Meridiem::Pm,
        _ if after_colon_time && t.glued && w.len() > 1 => {
            let (head, rest) = if let Some(r) = w.strip_prefix("am").or_else(|| w.strip_prefix("pm")) {
                (&w[..2], r)
            } else {
                // The first character, whatever its width ("ͮ" is two bytes).
                w.split_at(w.chars().next().map_or(0, char::len_utf8))
            };
            let probe = Tok { kind: Kind::Word(rest.to_string()), glued: false };
            if words::month(&probe).is_none() && words::weekday(&probe).is_none() {
                return None;
            }
            let m = if head.starts_with('a') {
                Meridiem::Am
            } else if head.starts_with('p') {
                Meridiem::Pm
            } else {
                return None;
            };
            return Some((m, Some(rest.to_string())));
        }
        _ => return None,
    };
    Some((m, None))
}

fn minute(h: u32, m: u32, rule: &'static str) -> Minutes {
    let at = h * 60 + m;
    Minutes { first: at, last: at, precision: Precision::Minute, rule }
}

const RULE_MINUTE: &str = "clock time: its minute (7:10 = [7:10, 7:11)), on the day named or the day said";
const RULE_HOUR: &str = "clock hour: its sixty minutes (7 pm = 19:00-19:59), on the day named or the day said";
const RULE_NOON: &str = "noon / midday = 12:00";
const RULE_MIDNIGHT: &str = "midnight = 00:00 at the end of the day named (the night from it into the next)";

/// Find one clock time in the raw tokens. `Err` is a complaint about a time
/// that cannot be ("13:00 p.m.", "7:75").
fn find_clock(raw: &[Tok]) -> Result<Option<Clock>, String> {
    let mut found: Option<Clock> = None;
    let mut i = 0;
    while i < raw.len() {
        let Some(c) = clock_at(raw, i)? else {
            i += 1;
            continue;
        };
        if found.is_some() {
            return Err("it names two times of day; write one (a range of times is not read)".into());
        }
        i = c.used.iter().max().map_or(i + 1, |m| m + 1);
        found = Some(c);
    }
    Ok(found)
}

fn num(t: Option<&Tok>) -> Option<(u32, u8)> {
    t.and_then(|t| match t.kind {
        Kind::Num { v, digits, ord: false } => Some((v, digits)),
        _ => None,
    })
}

/// The zone written at `i`, if any, and how many tokens it takes.
fn zone_at(raw: &[Tok], i: usize) -> Option<(String, usize)> {
    let w = raw.get(i)?.word()?;
    if ZONE_NAMES.contains(&w) {
        let mut name = w.to_string();
        name[..1].make_ascii_uppercase();
        let time = raw.get(i + 1).is_some_and(|t| t.is("time"));
        return Some((format!("{name} time"), if time { 2 } else { 1 }));
    }
    (ZONES.contains(&w) && w != "z" || (w == "z" && raw[i].glued)).then(|| (w.to_uppercase(), 1))
}

/// A wire-style four-digit time ("0900 GMT", "at 1430", "1500 hrs"): the
/// hour and minute, when `raw[i]` is four digits that make a time of the
/// 24-hour clock and something says it is one: a zone or "local time" or
/// "hrs" after it, or "at" before it (a year is "in 1530", not "at 1530").
/// Anything else with four digits stays a year.
fn four_digit_time(raw: &[Tok], i: usize) -> Option<(u32, u32, usize)> {
    let (v, 4) = num(raw.get(i))? else { return None };
    let (h, m) = (v / 100, v % 100);
    if h > 23 || m > 59 {
        return None;
    }
    // A part of a numeric date ("at 2016-02-29", "12/05/2013 GMT") is no time.
    let date_sep = |t: Option<&Tok>| t.and_then(Tok::sym).is_some_and(|c| matches!(c, '-' | '/' | '.' | ':'));
    if (raw.get(i + 1).is_some_and(|t| t.glued) && date_sep(raw.get(i + 1)))
        || (raw[i].glued && i > 0 && date_sep(raw.get(i - 1)))
    {
        return None;
    }
    let after = raw.get(i + 1);
    if after.is_some_and(|t| t.is("hrs")) {
        return Some((h, m, 1));
    }
    let zone = zone_at(raw, i + 1).is_some()
        || after.is_some_and(|t| t.is("local")) && raw.get(i + 2).is_some_and(|t| t.is("time"));
    let at = i > 0 && raw[i - 1].is("at");
    (zone || at).then_some((h, m, 0))
}

fn clock_at(raw: &[Tok], i: usize) -> Result<Option<Clock>, String> {
    let t = &raw[i];
    // noon / midday / midnight as words.
    if let Some(w @ ("noon" | "midday" | "midnight")) = t.word() {
        let minutes = if w == "midnight" { minute(24, 0, RULE_MIDNIGHT) } else { minute(12, 0, RULE_NOON) };
        let mut used = vec![i];
        let zone = zone_after(raw, i + 1, &mut used);
        return Ok(Some(Clock { minutes, used, split_word: None, zone, bare_hour: None }));
    }
    let Some((h, hd)) = num(Some(t)) else { return Ok(None) };
    if let Some((h, m, hrs)) = four_digit_time(raw, i) {
        let mut used: Vec<usize> = (i..=i + hrs).collect();
        let j = i + 1 + hrs;
        let zone = zone_after(raw, j, &mut used);
        return Ok(Some(Clock { minutes: minute(h, m, RULE_MINUTE), used, split_word: None, zone, bare_hour: None }));
    }
    if hd > 2 {
        return Ok(None);
    }
    let mut used = vec![i];
    let mut j = i + 1;
    // H:MM[:SS] or H.MM (the dotted form only before a.m./p.m.).
    let sep = raw.get(j).and_then(Tok::sym);
    let mut mins = None;
    if matches!(sep, Some(':' | '.')) && raw.get(j).is_some_and(|s| s.glued) {
        if let Some((m, 2)) = num(raw.get(j + 1)).filter(|_| raw[j + 1].glued) {
            let dotted = sep == Some('.');
            let next_is_meridiem = raw.get(j + 2).and_then(|x| meridiem(x, true)).is_some();
            if !dotted || next_is_meridiem {
                mins = Some(m);
                used.extend([j, j + 1]);
                j += 2;
                // seconds, dropped
                if raw.get(j).and_then(Tok::sym) == Some(':') {
                    if let Some((_, 2)) = num(raw.get(j + 1)) {
                        used.extend([j, j + 1]);
                        j += 2;
                    }
                }
            }
        }
    }
    let colon = mins.is_some();
    let mer = raw.get(j).and_then(|x| meridiem(x, colon));
    if !colon && mer.is_none() {
        return Ok(None);
    }
    let mut split_word = None;
    let mut bare_hour = None;
    let minutes = match mer {
        Some((m, rest)) => {
            used.push(j);
            if let Some(r) = rest {
                split_word = Some((j, r));
            }
            j += 1;
            let mm = mins.unwrap_or(0);
            if mm > 59 {
                return Err(format!("{h}:{mm:02} has no minute {mm}"));
            }
            match m {
                Meridiem::Noon => {
                    if h != 12 || mm != 0 {
                        return Err(format!("{h}:{mm:02} is not noon"));
                    }
                    minute(12, 0, RULE_NOON)
                }
                Meridiem::Midnight => {
                    if h != 12 || mm != 0 {
                        return Err(format!("{h}:{mm:02} is not midnight"));
                    }
                    minute(24, 0, RULE_MIDNIGHT)
                }
                Meridiem::Am | Meridiem::Pm => {
                    let ok = (1..=12).contains(&h) || (h == 0 && matches!(m, Meridiem::Am));
                    if !ok {
                        return Err(format!(
                            "{h} o'clock cannot be a.m. or p.m.; a 12-hour clock runs from 1 to 12 (or write {h}:{mm:02} without a.m./p.m.)"
                        ));
                    }
                    let h24 = match m {
                        Meridiem::Am => h % 12,
                        _ => h % 12 + 12,
                    };
                    if colon {
                        minute(h24, mm, RULE_MINUTE)
                    } else {
                        Minutes { first: h24 * 60, last: h24 * 60 + 59, precision: Precision::Hour, rule: RULE_HOUR }
                    }
                }
            }
        }
        None => {
            let mm = mins.unwrap_or(0);
            if h > 23 {
                return Err(format!("{h}:{mm:02} is not a time of day; a 24-hour clock runs from 0:00 to 23:59"));
            }
            if mm > 59 {
                return Err(format!("{h}:{mm:02} has no minute {mm}"));
            }
            if h <= 12 {
                bare_hour = Some(h);
            }
            minute(h, mm, RULE_MINUTE)
        }
    };
    let zone = zone_after(raw, j, &mut used);
    Ok(Some(Clock { minutes, used, split_word, zone, bare_hour }))
}

/// The zone written at `j`, after a time, its tokens added to `used`;
/// "4:17 a.m. local time" (the clock of the place) is kept as a note like a zone.
fn zone_after(raw: &[Tok], j: usize, used: &mut Vec<usize>) -> Option<String> {
    if let Some((zone, taken)) = zone_at(raw, j) {
        used.extend(j..j + taken);
        return Some(zone);
    }
    if raw.get(j).is_some_and(|t| t.is("local")) && raw.get(j + 1).is_some_and(|t| t.is("time")) {
        used.extend([j, j + 1]);
        return Some("local time".to_string());
    }
    None
}

// ------------------------------------------------------------------ parts of a day

/// The morning, in minutes of its day: 06:00-11:59.
const MORNING: (u32, u32) = (6 * 60, 12 * 60 - 1);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Modifier {
    Early,
    Mid,
    Late,
}

fn modifier(t: &Tok) -> Option<Modifier> {
    match t.word()? {
        "early" => Some(Modifier::Early),
        "mid" | "middle" => Some(Modifier::Mid),
        "late" => Some(Modifier::Late),
        _ => None,
    }
}

/// "the early hours", "the small hours", "the wee hours", as one word.
const SMALL_HOURS: &str = "small-hours";
/// "before dawn", "pre-dawn", as one word.
const PREDAWN: &str = "pre-dawn";

/// A part of a day: its minutes and its rule.
fn part_of_day(t: &Tok) -> Option<Minutes> {
    let p = |first: u32, last: u32, rule| Minutes { first, last, precision: Precision::PartOfDay, rule };
    Some(match t.word()? {
        "morning" => p(MORNING.0, MORNING.1, "part of a day: morning = 06:00-11:59"),
        "afternoon" => p(12 * 60, 18 * 60 - 1, "part of a day: afternoon = 12:00-17:59"),
        "evening" => p(18 * 60, 22 * 60 - 1, "part of a day: evening = 18:00-21:59"),
        "night" | "tonight" => {
            p(18 * 60, DAY - 1, "part of a day: night = 18:00-23:59 (after midnight is early next day)")
        }
        "overnight" => p(22 * 60, DAY + 6 * 60 - 1, "part of a day: overnight = 22:00 to 05:59 the next day"),
        "dawn" => p(5 * 60, 7 * 60 - 1, "part of a day: dawn = 05:00-06:59"),
        "dusk" => p(17 * 60, 20 * 60 - 1, "part of a day: dusk = 17:00-19:59"),
        "lunchtime" => p(12 * 60, 14 * 60 - 1, "part of a day: lunchtime = 12:00-13:59"),
        // "early hours", "small hours", "wee hours", joined into one word by `read`.
        SMALL_HOURS => p(0, 6 * 60 - 1, "part of a day: the early (small) hours = 00:00-05:59"),
        // "before dawn", joined by `read`; "predawn", "pre-dawn".
        PREDAWN | "predawn" => p(0, 5 * 60 - 1, "part of a day: before dawn = 00:00-04:59 (dawn is 05:00-06:59)"),
        _ => return None,
    })
}

fn modify(m: Modifier, part: Option<Minutes>) -> Minutes {
    let p = |first: u32, last: u32, rule| Minutes { first, last, precision: Precision::PartOfDay, rule };
    match part {
        None => match m {
            Modifier::Early => p(0, 9 * 60 - 1, "early <day> = 00:00-08:59 (the small hours and early morning)"),
            Modifier::Mid => p(10 * 60, 15 * 60 - 1, "mid <day> = 10:00-14:59"),
            Modifier::Late => p(18 * 60, DAY - 1, "late <day> = 18:00-23:59 (evening and night)"),
        },
        // "early this morning", "early Monday morning": news means the small
        // hours too ("a fire broke out early this morning", at 3 a.m.), as
        // "early Monday" does; the first half of 06:00-11:59 alone would
        // leave them out.
        Some(x) if m == Modifier::Early && x.first == MORNING.0 && x.last == MORNING.1 => {
            p(0, 9 * 60 - 1, "early morning = 00:00-08:59 (the small hours and early morning, as early <day>)")
        }
        Some(x) => {
            let len = x.last + 1 - x.first;
            let (first, last, rule) = match m {
                Modifier::Early => (x.first, x.first + len / 2 - 1, "early <part of a day> = its first half"),
                Modifier::Mid => {
                    (x.first + len / 4, x.first + len * 3 / 4 - 1, "mid <part of a day> = its middle half")
                }
                Modifier::Late => (x.first + len / 2, x.last, "late <part of a day> = its second half"),
            };
            p(first, last, rule)
        }
    }
}

// ------------------------------------------------------------------ the layer

/// Read a time of day in `raw` (lexed tokens). `None`: the expression has no
/// time of day, or only a part-of-day word the layer cannot place on a day
/// ("the night journey 2019"): the date grammar reads it as before.
/// `Some(Err)`: a clock time that cannot be read, with the reason.
pub fn read(raw: &[Tok], parser: &Parser, clean: fn(&[Tok]) -> Vec<Tok>) -> Option<Result<DateReading, String>> {
    let clock = match find_clock(raw) {
        Ok(c) => c,
        Err(m) => return Some(Err(m)),
    };
    let mut rest: Vec<Tok> = Vec::with_capacity(raw.len());
    let mut zone = None;
    if let Some(c) = &clock {
        zone = c.zone.clone();
        for (k, t) in raw.iter().enumerate() {
            if let Some((at, w)) = &c.split_word {
                if *at == k {
                    rest.push(Tok { kind: Kind::Word(w.clone()), glued: false });
                    continue;
                }
            }
            // ISO 8601: the "T" between the date and the time ("2011-12-01T07:10").
            let iso_t = t.is("t") && t.glued && c.used.first() == Some(&(k + 1)) && raw[k + 1].glued;
            if !c.used.contains(&k) && !iso_t {
                rest.push(t.clone());
            }
        }
    } else {
        rest.extend(raw.iter().cloned());
    }
    let mut toks = clean(&rest);
    // Two words that name one part of the day: "in the early hours of Monday"
    // is not "early" + "hours", nor "before dawn on Monday" all that goes before.
    for (firsts, second, joined) in
        [(&["early", "small", "wee"][..], "hours", SMALL_HOURS), (&["before", "pre"], "dawn", PREDAWN)]
    {
        let at =
            (1..toks.len()).find(|&k| toks[k].is(second) && toks[k - 1].word().is_some_and(|w| firsts.contains(&w)));
        if let Some(k) = at {
            toks.splice(k - 1..=k, [Tok { kind: Kind::Word(joined.to_string()), glued: false }]);
        }
    }
    // "by 5 p.m. Friday", "until 0900 GMT", "since Monday morning": the time
    // bounds an interval open at its other end; the day is read after the head
    // ("within" bounds a span of time, not a time of day).
    let open = OPEN_HEADS.iter().find(|(head, _)| {
        head != &["within"] && toks.len() >= head.len() && toks.iter().zip(head.iter()).all(|(t, w)| t.is(w))
    });
    let head_len = open.map_or(0, |(head, _)| head.len());
    // A part of the day, with an early/mid/late before it, anywhere; or
    // early/mid/late leading a day ("late Friday", "until early Monday").
    let mut part = None;
    let mut tonight = false;
    let mut overnight = false;
    if let Some(k) = toks.iter().position(|t| part_of_day(t).is_some()) {
        tonight = toks[k].is("tonight");
        overnight = toks[k].is("overnight");
        let mut x = part_of_day(&toks[k]);
        let mut drop = vec![k];
        // "late morning", or "late Friday night" (the modifier before the day).
        let at = [k.checked_sub(1), Some(head_len)]
            .into_iter()
            .flatten()
            .find(|&j| j >= head_len && j < k && modifier(&toks[j]).is_some());
        if let Some(j) = at {
            if let Some(m) = modifier(&toks[j]) {
                x = Some(modify(m, x));
                drop.push(j);
            }
        }
        drop.sort_unstable();
        for d in drop.into_iter().rev() {
            toks.remove(d);
        }
        part = x;
    } else if let Some(m) = toks.get(head_len).and_then(modifier) {
        if toks.len() > head_len + 1 {
            part = Some(modify(m, None));
            toks.remove(head_len);
        }
    }
    if clock.is_none() && part.is_none() {
        return None;
    }
    // "in the evening", "of Friday": left-over fillers.
    while toks.get(head_len).is_some_and(|t| t.is("in") || t.is("of")) {
        toks.remove(head_len);
    }
    let headed;
    let sub = match open {
        Some((head, _)) => {
            headed = parser.open_sub(head, &toks[head_len..]);
            &headed
        }
        None => parser,
    };
    let (day, day_rule) = match day_of(&toks[head_len..], sub, tonight) {
        Some(d) => d,
        None if clock.is_some() => {
            let shown: Vec<String> = toks.iter().map(Tok::text).collect();
            let what = match parser.period(&toks) {
                Some(_) => "is not a single day",
                None => "cannot be read as a day",
            };
            return Some(Err(format!(
                "a time of day needs one day, and '{}' {what}; write a day ('Dec 1', '12/01/2011', 'Thu') or the time alone (the day said)",
                shown.join(" ")
            )));
        }
        None => return None,
    };
    let minutes = match (&clock, part) {
        (Some(c), Some(p)) => {
            // "7 in the evening": a part of the day after noon puts a bare hour in the afternoon.
            let mut m = c.minutes;
            if let Some(h) = c.bare_hour {
                if p.first >= 12 * 60 && h < 12 {
                    m.first += 12 * 60;
                    m.last += 12 * 60;
                }
            }
            m
        }
        (Some(c), None) => c.minutes,
        (None, Some(p)) => p,
        (None, None) => return None,
    };
    let minutes = match &clock {
        // ("by around 5 p.m." is read as "by 5 p.m.": the bound is the time.)
        Some(c) if open.is_none() && approximated(raw, c) => about(minutes),
        _ => minutes,
    };
    // "Missiles struck overnight" in a past-tense story: the night just gone,
    // which began the day before the day said.
    let (day, minutes) = if overnight && clock.is_none() && day_rule == DAY_ASSUMED && sub.tense == Tense::Past {
        let rule = "part of a day: overnight in the past tense = the night just gone (22:00 the day before to 05:59)";
        (day.pred_opt()?, Minutes { rule, ..minutes })
    } else {
        (day, minutes)
    };
    // "since midnight", "after midnight" with no day: the midnight that began
    // the day said ("fighting has raged since midnight"), not the one closing it.
    let from_midnight =
        matches!(open, Some((["since"] | ["from"], _))) && day_rule == DAY_ASSUMED && minutes.first >= DAY;
    let minutes = if from_midnight {
        Minutes { first: minutes.first - DAY, last: minutes.last.saturating_sub(DAY), ..minutes }
    } else {
        minutes
    };
    let mut reading = at_minutes(day, minutes)?;
    if let Some((_, kind)) = open {
        reading = bounded(reading, *kind, clock.is_some())?;
    }
    reading.day_assumed = day_rule == DAY_ASSUMED;
    if let Some(z) = zone {
        reading.qualifiers.push(z);
    }
    Some(Ok(reading))
}

/// Whether the clock time is written after "about", "around", "roughly",
/// "approximately", "circa" or "some" ("around 4 p.m.", "at about 16:00").
fn approximated(raw: &[Tok], c: &Clock) -> bool {
    let Some(&first) = c.used.iter().min() else { return false };
    first > 0
        && raw[first - 1]
            .word()
            .is_some_and(|w| matches!(w, "about" | "around" | "roughly" | "approximately" | "circa" | "ca" | "some"))
}

/// "around 4 p.m.": half an hour either side of an hour ("4 p.m." alone is
/// 16:00-16:59), a quarter of an hour either side of a time to the minute
/// ("about 4:20 p.m." is 16:05-16:35); never back across the day's start.
fn about(m: Minutes) -> Minutes {
    let (slack, rule) = match m.precision {
        Precision::Hour => {
            (30, "about <hour> = from half an hour before to the hour's end (around 4 p.m. = 15:30-16:59)")
        }
        _ => (15, "about <time> = a quarter of an hour either side (about 4:20 p.m. = 16:05-16:35)"),
    };
    // Never narrower than without the word: "around 4 p.m." keeps 16:59.
    Minutes { first: m.first.saturating_sub(slack), last: (m.first + slack).max(m.last), precision: m.precision, rule }
}

/// The interval a time of day bounds at one end, open at the other
/// (docs/temporal.md, "Times of day"): a clock time is a moment there ("by 5
/// p.m." is up to 17:00, "after 5 p.m." from 17:00, "before 5 p.m." up to
/// 16:59), a part of the day is all of it ("until Friday evening" is up to
/// 21:59, "after Friday evening" from 22:00).
fn bounded(r: DateReading, kind: Open, clock: bool) -> Option<DateReading> {
    let first = r.first_minute()?;
    let last = r.last_minute()?;
    let minute = Duration::try_minutes(1)?;
    let (from, to, rule) = match kind {
        Open::ToEnd if clock => (None, Some(first), "open: by/until <time> = up to that minute"),
        Open::ToEnd => (None, Some(last), "open: by/until <part of a day> = up to its last minute"),
        Open::BeforeStart => (
            None,
            Some(first.checked_sub_signed(minute)?),
            "open: before <time or part of a day> = up to the minute before",
        ),
        Open::FromStart => (Some(first), None, "open: since/from <time or part of a day> = from its first minute"),
        Open::AfterEnd if clock => (Some(first), None, "open: after <time> = from that minute"),
        Open::AfterEnd => {
            (Some(last.checked_add_signed(minute)?), None, "open: after <part of a day> = from the minute after it")
        }
    };
    Some(DateReading {
        start: from.map(|m| m.date()),
        end: to.map(|m| m.date()),
        start_time: from.map(|m| m.time()),
        end_time: to.map(|m| m.time()),
        precision: Precision::Open,
        rule,
        ..r
    })
}

/// Two times of day joined: "from 9 a.m. to 5 p.m. Friday", "between 9 a.m.
/// and 5 p.m.", "late Saturday or early Sunday", "Friday night to Saturday
/// morning". Each side is read as a time alone; a side with no day takes the
/// other's. The stretch runs from the first side's first minute to the
/// second's: its first minute for a clock time (the end of "9 to 5" is
/// 17:00), its last for a part of the day. `None` when the expression is
/// not two such sides (the single-time reader goes on); `Some(Err)` when it
/// is, but they fall out of order.
pub fn read_pair(raw: &[Tok], parser: &Parser, clean: fn(&[Tok]) -> Vec<Tok>) -> Option<Result<DateReading, String>> {
    let joiner = |t: &Tok| {
        matches!(t.word(), Some("to" | "through" | "thru" | "until" | "till" | "or" | "and")) || t.sym() == Some('-')
    };
    if !raw.iter().any(joiner) {
        return None;
    }
    // Most expressions are of dates, joined or not ("March 3 to 5", "late March to
    // early April"): looked at further only with a clock time, a part of the
    // day, or early/late beside a weekday in them.
    let weekday = raw.iter().any(|t| words::weekday(t).is_some());
    let timed_at_all = raw.iter().any(|t| part_of_day(t).is_some() || weekday && modifier(t).is_some())
        || !matches!(find_clock(raw), Ok(None));
    if !timed_at_all {
        return None;
    }
    // "from" or "between" before the first time, at the start or after its day
    // ("on Friday from 2 p.m. to 4 p.m.", "Dec. 5 between 9 a.m. and noon").
    let lead = raw.iter().position(|t| t.is("from") || t.is("between"));
    let between = lead.is_some_and(|k| raw[k].is("between"));
    let body: Vec<Tok> = raw.iter().enumerate().filter(|&(k, _)| Some(k) != lead).map(|(_, t)| t.clone()).collect();
    let body = body.as_slice();
    // A hyphen joins two times only after a word ("9 a.m.-5 p.m."): between
    // numbers it belongs to a date ("2013-12-05 10:00").
    let joins = |k: usize| {
        let t = &body[k];
        if between {
            t.is("and")
        } else {
            // ("7:10 and 9:10" is two times, not a stretch: "and" joins only after "between".)
            matches!(t.word(), Some("to" | "through" | "thru" | "until" | "till" | "or"))
                || t.sym() == Some('-') && body[k - 1].word().is_some()
        }
    };
    let at = (1..body.len().saturating_sub(1)).find(|&k| joins(k))?;
    let (left, right) = (&body[..at], &body[at + 1..]);
    // Each side must read as a time or a part of the day of its own (`read`
    // is `None` for a side with neither).
    let (Some(Ok(mut a)), Some(Ok(mut b))) = (read(left, parser, clean), read(right, parser, clean)) else {
        return None;
    };
    let is_clock = |r: &DateReading| matches!(r.precision, Precision::Minute | Precision::Hour);
    let shift_days = |r: &mut DateReading, days: i64| -> Option<()> {
        r.start = Some(r.start?.checked_add_signed(Duration::try_days(days)?)?);
        r.end = Some(r.end?.checked_add_signed(Duration::try_days(days)?)?);
        Some(())
    };
    let end_of = |b: &DateReading| if is_clock(b) { b.first_minute() } else { b.last_minute() };
    let in_order = |a: &DateReading, b: &DateReading| Some(end_of(b)? >= a.first_minute()?);
    match (a.day_assumed, b.day_assumed) {
        // "9 a.m. to 5 p.m. Friday": the first side is on the second's day, or
        // the day before when it would come after ("11 p.m. to 1 a.m. Saturday").
        (true, false) => {
            let days = (b.start? - a.start?).num_days();
            shift_days(&mut a, days)?;
            if !in_order(&a, &b)? {
                shift_days(&mut a, -1)?;
            }
        }
        // "Friday 9 a.m. to 5 p.m.", "2013-12-05 10:00 to 12:00": the second side
        // is on the first's day, or the day after ("Friday 5 p.m. to 9 a.m.").
        (false, true) => {
            let days = (a.start? - b.start?).num_days();
            shift_days(&mut b, days)?;
            if !in_order(&a, &b)? {
                shift_days(&mut b, 1)?;
            }
        }
        // "5 p.m. to 9 a.m.": the second time is on the next day.
        (true, true) => {
            if !in_order(&a, &b)? {
                shift_days(&mut b, 1)?;
            }
        }
        // "late Saturday or early Sunday": the second side placed after the
        // first, not each on its own (the nearest Sunday may come before).
        (false, false) => {
            if !in_order(&a, &b)? {
                if let Some(Ok(placed)) = read(right, &Parser::new(a.start?, Tense::Future), clean) {
                    b = placed;
                }
            }
        }
    }
    let first = a.first_minute()?;
    let last = end_of(&b)?;
    // Alternatives are one stretch here only when they nearly meet ("late
    // Saturday or early Sunday"); further apart, the day-level reading of
    // "A or B" decides ("early Friday or late Saturday": Friday and Saturday).
    if body[at].is("or") && last - first > Duration::try_hours(36)? {
        return None;
    }
    if last < first {
        return Some(Err(format!(
            "the first time ({}) comes after the second ({}); write them in order",
            first.format("%Y-%m-%d %H:%M"),
            last.format("%Y-%m-%d %H:%M")
        )));
    }
    Some(Ok(DateReading {
        start: Some(first.date()),
        end: Some(last.date()),
        start_time: Some(first.time()),
        end_time: Some(last.time()),
        precision: Precision::Range,
        rule: "<time> to (or) <time> = from the first's first minute to the second's (its last, for a part of a day)",
        qualifiers: a.qualifiers.into_iter().chain(b.qualifiers).collect(),
        day_assumed: a.day_assumed && b.day_assumed,
        tense: None,
    }))
}

/// `day_of`'s rule for a time with no day words at all ("5:50 a.m.", "in the
/// evening"): the day said, assumed (`DateReading::day_assumed`).
const DAY_ASSUMED: &str = "no day given: the day said is assumed";

/// The day the time is on: none left = the day said (assumed; "tonight" names it); "this" = the day said,
/// "last" (last night) = the day before; else the grammar's reading, which
/// must be one day.
fn day_of(toks: &[Tok], parser: &Parser, tonight: bool) -> Option<(NaiveDate, &'static str)> {
    let a = parser.as_of;
    let ws: Vec<&str> = toks.iter().map(|t| t.word().unwrap_or("#")).collect();
    match ws.as_slice() {
        [] if !tonight => return Some((a, DAY_ASSUMED)),
        [] => return Some((a, "the day said")),
        ["this"] | ["today"] if !tonight => return Some((a, "the day said")),
        ["last"] | ["yesterday"] => return Some((a.pred_opt()?, "the day before the day said")),
        _ => {}
    }
    if tonight {
        return None;
    }
    let s = parser.period(toks)?;
    (s.grain == Grain::Day && s.start == s.end).then_some((s.start, s.rule))
}

fn at_minutes(day: NaiveDate, m: Minutes) -> Option<DateReading> {
    let point = |at: u32| -> Option<(NaiveDate, NaiveTime)> {
        let d = day.checked_add_signed(Duration::try_days(i64::from(at / DAY))?)?;
        let r = at % DAY;
        Some((d, NaiveTime::from_hms_opt(r / 60, r % 60, 0)?))
    };
    let (sd, st) = point(m.first)?;
    let (ed, et) = point(m.last)?;
    Some(DateReading {
        start: Some(sd),
        end: Some(ed),
        start_time: Some(st),
        end_time: Some(et),
        precision: m.precision,
        rule: m.rule,
        qualifiers: Vec::new(),
        day_assumed: false,
        tense: None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::{read_date, Precision, Tense};
    use chrono::{Datelike, NaiveDate};

    const AS_OF: &str = "2011-12-01"; // a Thursday

    /// (first minute, last minute, precision, qualifiers) as written in outputs.
    fn t(expr: &str) -> (String, String, Precision, Vec<String>) {
        let r = read_date(expr, AS_OF.parse::<NaiveDate>().unwrap(), Tense::Unknown)
            .unwrap_or_else(|e| panic!("{expr}: {e}"));
        let f = |m: Option<chrono::NaiveDateTime>| m.unwrap().format("%Y-%m-%dT%H:%M").to_string();
        (f(r.first_minute()), f(r.last_minute()), r.precision, r.qualifiers)
    }

    fn minute(expr: &str, at: &str) {
        let (a, b, p, _) = t(expr);
        assert_eq!((a.as_str(), b.as_str(), p), (at, at, Precision::Minute), "{expr}");
    }

    fn span(expr: &str, first: &str, last: &str, p: Precision) {
        let (a, b, q, _) = t(expr);
        assert_eq!((a.as_str(), b.as_str(), q), (first, last, p), "{expr}");
    }

    #[test]
    fn clock_times_in_every_written_form() {
        minute("7:10 a.m.", "2011-12-01T07:10");
        minute("7:10am", "2011-12-01T07:10");
        minute("7:10 AM", "2011-12-01T07:10");
        minute("19:25", "2011-12-01T19:25");
        minute("6:59aDec 1", "2011-12-01T06:59");
        minute("11:55aDec 1", "2011-12-01T11:55");
        minute("5:50 a.m.Dec 02", "2011-12-02T05:50");
        minute("Thu 20:00", "2011-12-01T20:00");
        minute("Thu  7:45", "2011-12-01T07:45");
        minute("11/30 8:00 p.m.", "2011-11-30T20:00");
        minute("12/02/2011 5:50 a.m.", "2011-12-02T05:50");
        minute("12/2/11 12:21 a.m.", "2011-12-02T00:21");
        minute("10:34A 12-01-11", "2011-12-01T10:34");
        // Wire style: four digits with a zone, "local time" or "hrs" after them, or "at" before.
        minute("0900 GMT", "2011-12-01T09:00");
        minute("1430 GMT Friday", "2011-12-02T14:30");
        minute("Friday at 0900 GMT", "2011-12-02T09:00");
        minute("2100 GMT on Friday", "2011-12-02T21:00");
        minute("0900 local time", "2011-12-01T09:00");
        minute("at 1530", "2011-12-01T15:30");
        minute("1500 hrs", "2011-12-01T15:00");
        // The year of a numeric date after "at" stays the year.
        minute("at 2013-12-05 10:00", "2013-12-05T10:00");
        // Without one of those, four digits are a year, and so are four that make no time (hour 24).
        for (e, year) in
            [("1530", 1530), ("in 1530", 1530), ("at 2460", 2460), ("at 2016-02-29", 2016), ("at 2015-16", 2015)]
        {
            let r = read_date(e, AS_OF.parse().unwrap(), Tense::Unknown).unwrap();
            assert_eq!((r.start.map(|d| d.year()), r.start_time), (Some(year), None), "{e}");
        }
        minute("2:46P", "2011-12-01T14:46");
        minute("Dec 1 7:10 a.m.", "2011-12-01T07:10");
        minute("12:21 a.m. Dec 02", "2011-12-02T00:21");
        minute("6:55 a.m.  Fri 02-Dec-2011", "2011-12-02T06:55");
        minute("Fri Dec 2 5:11 a.m.", "2011-12-02T05:11");
        minute("7.10 pm", "2011-12-01T19:10");
        minute("2011-12-01T07:10", "2011-12-01T07:10");
        minute("07:10:59", "2011-12-01T07:10");
    }

    #[test]
    fn a_time_without_a_day_says_its_day_was_assumed() {
        let assumed = |e: &str| read_date(e, AS_OF.parse().unwrap(), Tense::Unknown).unwrap().day_assumed;
        for e in ["5:50 a.m.", "6:35 a.m. (Estimated runway)", "19:25", "7 pm", "at noon", "in the evening"] {
            assert!(assumed(e), "{e}");
        }
        for e in ["12/02/2011 5:50 a.m.", "6:59aDec 1", "Thu 20:00", "this morning", "today at noon", "tonight"] {
            assert!(!assumed(e), "{e}");
        }
        assert!(!assumed("Dec 1") && !assumed("next week"), "day-level readings give their days");
    }

    #[test]
    fn twelve_oclock_noon_and_midnight() {
        minute("12:30 a.m.", "2011-12-01T00:30");
        minute("12:30 p.m.", "2011-12-01T12:30");
        minute("at noon", "2011-12-01T12:00");
        minute("12:00noon", "2011-12-01T12:00");
        minute("12 noon", "2011-12-01T12:00");
        minute("Friday at midday", "2011-12-02T12:00");
        // midnight closes the day named: Friday midnight is the night into Saturday.
        minute("midnight", "2011-12-02T00:00");
        minute("Friday midnight", "2011-12-03T00:00");
    }

    #[test]
    fn a_clock_hour_is_its_sixty_minutes() {
        span("7 pm", "2011-12-01T19:00", "2011-12-01T19:59", Precision::Hour);
        span("7pm Friday", "2011-12-02T19:00", "2011-12-02T19:59", Precision::Hour);
        span("12 a.m.", "2011-12-01T00:00", "2011-12-01T00:59", Precision::Hour);
    }

    #[test]
    fn parts_of_a_day() {
        let p = Precision::PartOfDay;
        span("this morning", "2011-12-01T06:00", "2011-12-01T11:59", p);
        span("Friday afternoon", "2011-12-02T12:00", "2011-12-02T17:59", p);
        span("Thursday evening", "2011-12-01T18:00", "2011-12-01T21:59", p);
        span("Friday night", "2011-12-02T18:00", "2011-12-02T23:59", p);
        span("tonight", "2011-12-01T18:00", "2011-12-01T23:59", p);
        span("last night", "2011-11-30T18:00", "2011-11-30T23:59", p);
        span("overnight", "2011-12-01T22:00", "2011-12-02T05:59", p);
        // In the past tense, the night just gone ("missiles struck overnight").
        let past = read_date("overnight", AS_OF.parse::<NaiveDate>().unwrap(), Tense::Past).unwrap();
        assert_eq!(
            (past.first_minute().unwrap().to_string(), past.last_minute().unwrap().to_string()),
            ("2011-11-30 22:00:00".to_string(), "2011-12-01 05:59:00".to_string())
        );
        span("in the early hours of Friday", "2011-12-02T00:00", "2011-12-02T05:59", p);
        span("the small hours of Friday", "2011-12-02T00:00", "2011-12-02T05:59", p);
        span("in the early hours", "2011-12-01T00:00", "2011-12-01T05:59", p);
        span("before dawn on Friday", "2011-12-02T00:00", "2011-12-02T04:59", p);
        span("predawn Friday", "2011-12-02T00:00", "2011-12-02T04:59", p);
        span("pre-dawn Friday", "2011-12-02T00:00", "2011-12-02T04:59", p);
        span("at dawn", "2011-12-01T05:00", "2011-12-01T06:59", p);
        span("dusk", "2011-12-01T17:00", "2011-12-01T19:59", p);
        span("lunchtime on Friday", "2011-12-02T12:00", "2011-12-02T13:59", p);
        span("the morning of December 5", "2011-12-05T06:00", "2011-12-05T11:59", p);
        span("late Friday", "2011-12-02T18:00", "2011-12-02T23:59", p);
        span("early Friday", "2011-12-02T00:00", "2011-12-02T08:59", p);
        span("mid Friday", "2011-12-02T10:00", "2011-12-02T14:59", p);
        span("late morning", "2011-12-01T09:00", "2011-12-01T11:59", p);
        span("early evening", "2011-12-01T18:00", "2011-12-01T19:59", p);
        // Early morning takes in the small hours, as "early Friday" does (not 06:00-08:59 alone).
        span("early this morning", "2011-12-01T00:00", "2011-12-01T08:59", p);
        span("early Friday morning", "2011-12-02T00:00", "2011-12-02T08:59", p);
        span("late Friday night", "2011-12-02T21:00", "2011-12-02T23:59", p);
        // a part of the day places a 12-hour time written without a.m./p.m.
        minute("7:30 in the evening", "2011-12-01T19:30");
        minute("7:30 in the morning", "2011-12-01T07:30");
    }

    #[test]
    fn early_and_late_before_longer_periods_keep_their_day_readings() {
        let r = read_date("late March", AS_OF.parse().unwrap(), Tense::Past).unwrap();
        assert_eq!((r.precision, r.start_time), (Precision::Range, None));
        let r = read_date("early next week", AS_OF.parse().unwrap(), Tense::Unknown).unwrap();
        assert_eq!(r.start_time, None);
    }

    #[test]
    fn notes_and_zones_are_qualifiers_not_part_of_the_time() {
        let q = |e: &str| t(e).3;
        assert_eq!(q("6:47 p.m. (Estimated runway)"), ["Estimated runway"]);
        assert_eq!(q("3:20 p.m. (Runway)"), ["Runway"]);
        assert_eq!(q("10:39 p.m.&nbsp(Estimated)"), ["Estimated"]);
        assert_eq!(q("1:50 p.m. (+8:00)"), ["+8:00"]);
        assert_eq!(q("10:30 p.m.*"), ["*"]);
        assert_eq!(q("1:32 p.m.            Delayed"), ["Delayed"]);
        assert_eq!(q("11:08 p.m.            On Time"), ["On Time"]);
        assert_eq!(q("7:10 PM EST"), ["EST"]);
        assert_eq!(q("7:10 PM EST (Gate)"), ["EST", "Gate"]);
        minute("7:10 PM EST", "2011-12-01T19:10"); // the clock as written: no conversion
        assert_eq!(q("3 p.m. ET Friday"), ["ET"]);
        assert_eq!(q("noon PT"), ["PT"]);
        assert_eq!(q("midnight GMT"), ["GMT"]);
        assert_eq!(q("3 p.m. Eastern"), ["Eastern time"]);
        assert_eq!(q("9:00 a.m. Pacific time"), ["Pacific time"]);
        minute("9:00 a.m. Pacific time", "2011-12-01T09:00");
        // "local time", as a zone is: a note, the clock as written.
        assert_eq!(q("4:17 a.m. local time"), ["local time"]);
        minute("4:17 a.m. local time", "2011-12-01T04:17");
        minute("9:52 p.m. (Estimated)", "2011-12-01T21:52");
        // an expression wholly in parentheses is the expression
        assert!(read_date("(next Friday)", AS_OF.parse().unwrap(), Tense::Unknown).is_ok());
    }

    #[test]
    fn a_time_of_day_bounds_an_open_interval() {
        // Said Thursday 2011-12-01. (start, end) as outputs write them; "-" is open.
        let open = |expr: &str| {
            let r = read_date(expr, AS_OF.parse::<NaiveDate>().unwrap(), Tense::Unknown)
                .unwrap_or_else(|e| panic!("{expr}: {e}"));
            let f = |m: Option<chrono::NaiveDateTime>| m.map_or("-".into(), |m| m.format("%Y-%m-%dT%H:%M").to_string());
            assert_eq!(r.precision, Precision::Open, "{expr}");
            (f(r.first_minute()), f(r.last_minute()))
        };
        let s = |a: &str, b: &str| (a.to_string(), b.to_string());
        // A clock time is the moment: "by 5 p.m." is up to 17:00, not 17:59.
        assert_eq!(open("by 5 p.m. Friday"), s("-", "2011-12-02T17:00"));
        assert_eq!(open("no later than 5:30 p.m. on Friday"), s("-", "2011-12-02T17:30"));
        assert_eq!(open("until 0900 GMT Friday"), s("-", "2011-12-02T09:00"));
        assert_eq!(open("before 5 p.m. Friday"), s("-", "2011-12-02T16:59"));
        assert_eq!(open("after 5 p.m. Friday"), s("2011-12-02T17:00", "-"));
        assert_eq!(open("since 9 a.m. Monday"), s("2011-11-28T09:00", "-"));
        // No day: the day said. A deadline before a bare weekday looks ahead, as without a time.
        assert_eq!(open("by 5 p.m."), s("-", "2011-12-01T17:00"));
        assert_eq!(open("by 5 p.m. Tuesday"), s("-", "2011-12-06T17:00"));
        // A part of the day is all of it.
        assert_eq!(open("until Friday evening"), s("-", "2011-12-02T21:59"));
        assert_eq!(open("after Friday evening"), s("2011-12-02T22:00", "-"));
        assert_eq!(open("since Monday morning"), s("2011-11-28T06:00", "-"));
        // A modifier after the head still modifies ("until early Monday" is not all Monday morning).
        assert_eq!(open("until early Monday morning"), s("-", "2011-12-05T08:59"));
        assert_eq!(open("since late Friday night"), s("2011-11-25T21:00", "-"));
        // "since midnight" with no day: the midnight that began the day said.
        assert_eq!(open("since midnight"), s("2011-12-01T00:00", "-"));
        assert_eq!(open("by midnight"), s("-", "2011-12-02T00:00"));
        // The zone stays a qualifier.
        let r = read_date("by 17:00 GMT", AS_OF.parse().unwrap(), Tense::Unknown).unwrap();
        assert_eq!(r.qualifiers, vec!["GMT".to_string()]);
    }

    #[test]
    fn about_a_clock_time_allows_some_minutes_either_side() {
        span("around 4 p.m. Friday", "2011-12-02T15:30", "2011-12-02T16:59", Precision::Hour);
        span("at about 16:00", "2011-12-01T15:45", "2011-12-01T16:15", Precision::Minute);
        span("about 4:20 p.m.", "2011-12-01T16:05", "2011-12-01T16:35", Precision::Minute);
        span("around midnight", "2011-12-01T23:45", "2011-12-02T00:15", Precision::Minute);
        // Not back across the day's start; a bound keeps its time.
        span("around 12:10 a.m.", "2011-12-01T00:00", "2011-12-01T00:25", Precision::Minute);
        let r = read_date("by around 5 p.m.", AS_OF.parse().unwrap(), Tense::Unknown).unwrap();
        assert_eq!(r.last_minute().unwrap().format("%H:%M").to_string(), "17:00");
        // Without the word, the hour is its sixty minutes, as before.
        span("4 p.m. Friday", "2011-12-02T16:00", "2011-12-02T16:59", Precision::Hour);
    }

    #[test]
    fn two_times_of_day_joined_are_one_stretch() {
        // Said Thursday 2011-12-01.
        span("from 9 a.m. to 5 p.m. Friday", "2011-12-02T09:00", "2011-12-02T17:00", Precision::Range);
        span("between 9 a.m. and 5 p.m.", "2011-12-01T09:00", "2011-12-01T17:00", Precision::Range);
        span("9 a.m.-5 p.m.", "2011-12-01T09:00", "2011-12-01T17:00", Precision::Range);
        span("Friday 5 p.m. to Saturday 8 a.m.", "2011-12-02T17:00", "2011-12-03T08:00", Precision::Range);
        // A second clock time before the first, with no day: the next day.
        span("5 p.m. to 9 a.m.", "2011-12-01T17:00", "2011-12-02T09:00", Precision::Range);
        // Parts of days: to the second's last minute; the second placed after the first.
        span("late Saturday or early Sunday", "2011-12-03T18:00", "2011-12-04T08:59", Precision::Range);
        span("Friday night to Saturday morning", "2011-12-02T18:00", "2011-12-03T11:59", Precision::Range);
        // The second side takes the first's day, or the next; the first the
        // second's, or the day before.
        span("Friday 9 a.m. to 5 p.m.", "2011-12-02T09:00", "2011-12-02T17:00", Precision::Range);
        span("Friday 5 p.m. to 9 a.m.", "2011-12-02T17:00", "2011-12-03T09:00", Precision::Range);
        span("2013-12-05 10:00 to 12:00", "2013-12-05T10:00", "2013-12-05T12:00", Precision::Range);
        span("from 11 p.m. to 1 a.m. Saturday", "2011-12-02T23:00", "2011-12-03T01:00", Precision::Range);
        span("from 10 p.m. to midnight Friday", "2011-12-02T22:00", "2011-12-03T00:00", Precision::Range);
        span("Friday morning or afternoon", "2011-12-02T06:00", "2011-12-02T17:59", Precision::Range);
        // "from" or "between" after the day.
        span("on Friday from 2 p.m. to 4 p.m.", "2011-12-02T14:00", "2011-12-02T16:00", Precision::Range);
        span("Dec. 5 between 9 a.m. and noon", "2011-12-05T09:00", "2011-12-05T12:00", Precision::Range);
        // Alternatives further apart are left to the day-level reading of "A or B".
        let r = read_date("early Friday or late Saturday", AS_OF.parse().unwrap(), Tense::Unknown).unwrap();
        let shown = (r.start.unwrap().to_string(), r.end.unwrap().to_string(), r.has_time());
        assert_eq!(shown, ("2011-12-02".to_string(), "2011-12-03".to_string(), false));
    }

    #[test]
    fn values_that_say_there_is_none() {
        for e in ["Not Available", "n/a", "N/A", "-", "unknown", "Contact Airline", "Dec 02 Not Available", "TBD"] {
            let err = read_date(e, AS_OF.parse().unwrap(), Tense::Unknown).unwrap_err();
            assert!(err.no_value, "{e}");
        }
        let err = read_date("7:75", AS_OF.parse().unwrap(), Tense::Unknown).unwrap_err();
        assert!(!err.no_value);
    }

    #[test]
    fn impossible_times_are_errors_that_say_why() {
        let e = |x: &str| read_date(x, AS_OF.parse().unwrap(), Tense::Unknown).unwrap_err().message;
        assert!(e("13:00 p.m.").contains("13 o'clock cannot be a.m. or p.m."));
        assert!(e("7:75").contains("has no minute 75"));
        assert!(e("25:00").contains("a 24-hour clock runs from 0:00 to 23:59"));
        assert!(e("7:10 in March").contains("'march' is not a single day"));
        assert!(e("7:10 and 9:10").contains("two times of day"));
        assert!(e("11:00noon").contains("is not noon"));
    }
}
