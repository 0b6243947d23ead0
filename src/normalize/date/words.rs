//! Word classes of the date grammar: weekdays, months, units, parts, fillers.

use chrono::Weekday;

use super::lexer::{Kind, Tok};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Beginning,
    Early,
    Mid,
    Late,
    End,
    FirstHalf,
    SecondHalf,
    Rest,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

pub fn weekday(t: &Tok) -> Option<Weekday> {
    let w = t.word()?;
    let w = w.strip_suffix('s').filter(|s| s.len() >= 6).unwrap_or(w);
    Some(match w {
        "mon" | "monday" => Weekday::Mon,
        "tue" | "tues" | "tuesday" => Weekday::Tue,
        "wed" | "weds" | "wednesday" => Weekday::Wed,
        "thu" | "thur" | "thurs" | "thursday" => Weekday::Thu,
        "fri" | "friday" => Weekday::Fri,
        "sat" | "saturday" => Weekday::Sat,
        "sun" | "sunday" => Weekday::Sun,
        _ => return None,
    })
}

pub fn month(t: &Tok) -> Option<u32> {
    Some(match t.word()? {
        "jan" | "january" => 1,
        // (with the misspellings news copy has: "Febuary", "Feburary")
        "feb" | "february" | "febuary" | "feburary" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    })
}

pub fn unit(t: &Tok) -> Option<Unit> {
    Some(match t.word()? {
        "day" | "days" => Unit::Day,
        "week" | "weeks" | "wk" | "wks" => Unit::Week,
        "month" | "months" => Unit::Month,
        "quarter" | "quarters" | "qtr" | "qtrs" => Unit::Quarter,
        "year" | "years" | "yr" | "yrs" => Unit::Year,
        "decade" | "decades" => Unit::Decade,
        "century" | "centuries" => Unit::Century,
        _ => return None,
    })
}

pub fn season(t: &Tok) -> Option<Season> {
    Some(match t.word()? {
        "spring" | "springtime" => Season::Spring,
        "summer" | "summertime" => Season::Summer,
        "fall" | "autumn" => Season::Fall,
        "winter" | "wintertime" => Season::Winter,
        _ => return None,
    })
}

pub fn part(t: &Tok) -> Option<Part> {
    Some(match t.word()? {
        "beginning" | "start" | "begin" | "outset" => Part::Beginning,
        "early" => Part::Early,
        "mid" | "middle" | "midst" => Part::Mid,
        "late" => Part::Late,
        "end" | "close" => Part::End,
        "rest" | "remainder" => Part::Rest,
        _ => return None,
    })
}

/// Words that name the current period's neighbour: this / last / next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    This,
    Last,
    Next,
}

pub fn rel(t: &Tok) -> Option<Rel> {
    Some(match t.word()? {
        "this" | "current" | "present" => Rel::This,
        "last" | "past" | "previous" | "prior" | "preceding" => Rel::Last,
        "next" | "following" | "coming" => Rel::Next,
        _ => return None,
    })
}

pub fn time_of_day(t: &Tok) -> bool {
    matches!(
        t.word(),
        Some(
            "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "noon"
                | "midday"
                | "midnight"
                | "overnight"
                | "lunchtime"
                | "dawn"
                | "dusk"
        )
    )
}

/// A count: 3, "three", "a", "an", "few" (3), "couple" (2).
pub fn count(t: &Tok) -> Option<u32> {
    match &t.kind {
        Kind::Num { v, ord: false, .. } => Some(*v),
        Kind::Word(w) => match w.as_str() {
            "a" | "an" => Some(1),
            "couple" => Some(2),
            "few" => Some(3),
            _ => None,
        },
        _ => None,
    }
}

/// A count with no agreed number, at the start of `t`: "a few" / "few" (2 to
/// 5), "a couple (of)" / "couple" (2 to 3), "several" (3 to 7), as (least,
/// most, tokens taken). docs/temporal.md, "Vague counts".
pub fn vague_count(t: &[Tok]) -> Option<(u32, u32, usize)> {
    let article = usize::from(t.first().is_some_and(|x| x.is("a")));
    let (lo, hi) = match t.get(article)?.word()? {
        "few" => (2, 5),
        "couple" => (2, 3),
        "several" if article == 0 => (3, 7),
        _ => return None,
    };
    // "a couple of weeks"; not "a few of weeks".
    let of = usize::from(lo == 2 && hi == 3 && t.get(article + 1).is_some_and(|x| x.is("of")));
    Some((lo, hi, article + 1 + of))
}

/// An ordinal: 3rd, "third", plus "last"-free words like "final" are handled by callers.
pub fn ordinal(t: &Tok) -> Option<u32> {
    match t.kind {
        Kind::Num { v, ord: true, .. } => Some(v),
        _ => None,
    }
}

/// A day of the month written as a number (1..=31, at most two digits).
pub fn dom(t: &Tok) -> Option<u32> {
    match t.kind {
        Kind::Num { v, digits, .. } if (1..=31).contains(&v) && digits <= 2 => Some(v),
        _ => None,
    }
}

/// Filler words dropped before parsing.
pub fn is_filler(w: &str) -> bool {
    matches!(
        w,
        "sometime"
            | "sometimes"
            | "some"
            | "around"
            | "about"
            | "approximately"
            | "roughly"
            | "circa"
            | "ca"
            | "at"
            | "on"
            | "of"
            | "the"
            | "during"
            | "anytime"
            | "any"
            | "just"
            | "exactly"
            | "fiscal"
            | "calendar"
            | "whole"
            | "entire"
            | "all"
    )
}

/// Every word the grammar knows, for error messages that name the unknown part.
/// A decade in words, as the two digits of its first year: "eighties" = 80,
/// "noughties" = 0.
pub fn decade_word(w: &str) -> Option<u32> {
    Some(match w {
        "noughties" | "aughts" => 0,
        "twenties" => 20,
        "thirties" => 30,
        "forties" => 40,
        "fifties" => 50,
        "sixties" => 60,
        "seventies" => 70,
        "eighties" => 80,
        "nineties" => 90,
        _ => return None,
    })
}

pub fn is_known(t: &Tok) -> bool {
    let Some(w) = t.word() else { return true };
    weekday(t).is_some()
        || month(t).is_some()
        || unit(t).is_some()
        || season(t).is_some()
        || part(t).is_some()
        || rel(t).is_some()
        || time_of_day(t)
        || count(t).is_some()
        || decade_word(w).is_some()
        || is_filler(w)
        || matches!(
            w,
            "today"
                | "now"
                | "tonight"
                | "tomorrow"
                | "tomorrows"
                | "yesterday"
                | "in"
                | "ago"
                | "back"
                | "hence"
                | "later"
                | "earlier"
                | "from"
                | "after"
                | "before"
                | "since"
                | "until"
                | "till"
                | "til"
                | "to"
                | "through"
                | "thru"
                | "and"
                | "between"
                | "by"
                | "q"
                | "h"
                | "commencing"
                | "s"
                | "ad"
                | "ce"
                | "bc"
                | "bce"
                | "eom"
                | "bom"
                | "eoy"
                | "boy"
                | "half"
                | "first"
                | "second"
                | "latter"
                | "weekend"
                | "upcoming"
                | "season"
                | "seasons"
                | "ides"
                | "closest"
                | "nearest"
                | "for"
                | "on"
                | "onwards"
                | "onward"
                | "forward"
                | "not"
                | "no"
                | "than"
                | "soon"
                | "asap"
                | "shortly"
                | "possible"
                | "practicable"
                | "feasible"
                | "practically"
                | "reasonably"
                | "humanly"
                | "realistically"
                | "circumstances"
                | "circumstance"
                | "permit"
                | "permits"
                | "quickly"
                | "rapidly"
                | "promptly"
                | "as"
                | "earliest"
                | "latest"
                | "near"
                | "future"
                | "due"
                | "course"
                | "recent"
                | "recently"
                | "lately"
                | "ahead"
                | "or"
                | "beyond"
                | "starting"
                | "up"
                | "prior"
                | "currently"
                | "final"
                | "several"
                | "within"
                | "right"
                | "same"
                | "christmas"
                | "xmas"
                | "eve"
                | "new"
                | "years"
                | "valentine"
                | "valentines"
                | "halloween"
                | "easter"
                | "good"
                | "weekends"
                | "afterwards"
                | "time"
                | "day"
                | "days"
                | "fortnight"
                | "sooner"
                | "turn"
                | "opening"
                | "closing"
                | "dying"
                | "matter"
                | "come"
                | "is"
                | "out"
                | "ends"
                | "closes"
                | "ending"
                | "ended"
        )
}
