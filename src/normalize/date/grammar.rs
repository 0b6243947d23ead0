//! The date grammar: cleaned tokens -> a resolved interval.
//!
//! Layers, tried in order on the whole token list:
//! 1. vague phrases ("as soon as possible", "soon", "in the coming weeks"),
//! 2. open intervals ("after X", "by X", "since X", "X or later"),
//! 3. ranges ("between X and Y", "X - Y", "from X to Y", "X for 10 days"),
//! 4. closed periods (`period`): a table of rules over tokens, several of which
//!    recurse on a sub-slice ("early <period>", "first tuesday of <period>").
//!
//! Every rule must consume the whole slice it is given; there is no partial match.

use std::cell::{Cell, RefCell};

use chrono::{Datelike, NaiveDate, Weekday};

use super::calendar::{self as cal, add_days, ymd};
use super::holidays;
use super::lexer::Tok;
use super::words::{self, Part, Rel, Season, Unit};
use super::{DateReading, Precision, Tense};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grain {
    Day,
    Week,
    Month,
    Quarter,
    Season,
    Year,
    Decade,
    Century,
    /// A sub-part or a span of several units.
    Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub grain: Grain,
    pub rule: &'static str,
    /// Days at each end of the span that may lie outside what it names: a
    /// holiday fixed by a sighting of the moon begins somewhere in its first
    /// `margin.0 + 1` days and ends somewhere in its last `margin.1 + 1`.
    /// "after X" then starts after X's earliest end, "before X" ends before
    /// its latest start. (0, 0) for every span the calendar fixes.
    pub margin: (i64, i64),
}

impl Span {
    fn new(se: (NaiveDate, NaiveDate), grain: Grain, rule: &'static str) -> Option<Span> {
        (se.0 <= se.1).then_some(Span { start: se.0, end: se.1, grain, rule, margin: (0, 0) })
    }
    fn day(d: NaiveDate, rule: &'static str) -> Span {
        Span { start: d, end: d, grain: Grain::Day, rule, margin: (0, 0) }
    }
    /// A day counted from an edge known only within `slack.abs()` days: `d`
    /// and the days towards the edge's other end (after `d` when `slack` is
    /// positive, before it when negative), each of which it may be.
    fn unsure_day(d: NaiveDate, slack: i64, rule: &'static str) -> Option<Span> {
        if slack == 0 {
            return Some(Span::day(d, rule));
        }
        let se = if slack > 0 { (d, add_days(d, slack)?) } else { (add_days(d, slack)?, d) };
        Some(Span { margin: (slack.abs(), slack.abs()), ..Span::new(se, Grain::Span, rule)? })
    }
}

pub struct Parser {
    pub as_of: NaiveDate,
    pub tense: Tense,
    /// The tense a rule chose by (an occurrence of a bare month or weekday),
    /// shared with the parsers made for a part of the expression
    /// (`with_tense`): `DateReading::tense`.
    pub chose_by: std::rc::Rc<Cell<Option<Tense>>>,
    /// A specific complaint found on the way ("2013-02-30 is not a calendar date").
    pub complaint: RefCell<Option<String>>,
    /// Calls to `period` left before the parser gives up (bounds the work on any input).
    budget: Cell<u32>,
}

/// Most calls to `period` one reading may make.
const BUDGET: u32 = 20_000;

type Rule = fn(&Parser, &[Tok]) -> Option<Span>;

/// The closed-period rules, in the order they are tried.
const RULES: &[Rule] = &[
    Parser::deictic_day,
    Parser::numeric_date,
    Parser::year,
    Parser::month_day,
    Parser::weekday_rules,
    Parser::weekday_with_date,
    Parser::month_rules,
    Parser::counted_spans,
    Parser::holiday,
    Parser::day_of_month,
    Parser::beside_date,
    Parser::units_to,
    Parser::weekend_of,
    Parser::week_rules,
    Parser::month_relative,
    Parser::quarter_rules,
    Parser::half_year,
    Parser::year_relative,
    Parser::season_rules,
    Parser::decade_rules,
    Parser::offset_rules,
    Parser::nth_of_period,
    Parser::part_rules,
    Parser::closest_rule,
    Parser::edge_days,
    Parser::turn_of_year,
];

fn w(t: &[Tok], i: usize) -> Option<&str> {
    t.get(i).and_then(Tok::word)
}

fn is(t: &[Tok], i: usize, s: &str) -> bool {
    w(t, i) == Some(s)
}

fn words_are(t: &[Tok], ws: &[&str]) -> bool {
    t.len() == ws.len() && t.iter().zip(ws).all(|(a, b)| a.is(b))
}

fn weekday_name(wd: Weekday) -> &'static str {
    match wd {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn precision_of(g: Grain) -> Precision {
    match g {
        Grain::Day => Precision::Day,
        Grain::Week => Precision::Week,
        Grain::Month => Precision::Month,
        Grain::Quarter => Precision::Quarter,
        Grain::Season => Precision::Season,
        Grain::Year | Grain::Decade | Grain::Century => Precision::Year,
        Grain::Span => Precision::Range,
    }
}

pub fn closed(s: Span) -> DateReading {
    DateReading {
        start: Some(s.start),
        end: Some(s.end),
        start_time: None,
        end_time: None,
        precision: precision_of(s.grain),
        rule: s.rule,
        qualifiers: Vec::new(),
        day_assumed: false,
        tense: None,
    }
}

fn reading(start: Option<NaiveDate>, end: Option<NaiveDate>, precision: Precision, rule: &'static str) -> DateReading {
    DateReading {
        start,
        end,
        start_time: None,
        end_time: None,
        precision,
        rule,
        qualifiers: Vec::new(),
        day_assumed: false,
        tense: None,
    }
}

/// Season boundaries (start month/day), following Duckling's "this summer" / "this winter".
/// The season after `s`.
fn next_season(s: Season) -> Season {
    match s {
        Season::Spring => Season::Summer,
        Season::Summer => Season::Fall,
        Season::Fall => Season::Winter,
        Season::Winter => Season::Spring,
    }
}

fn season_span(s: Season, year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some(match s {
        Season::Spring => (ymd(year, 3, 21)?, ymd(year, 6, 20)?),
        Season::Summer => (ymd(year, 6, 21)?, ymd(year, 9, 23)?),
        Season::Fall => (ymd(year, 9, 24)?, ymd(year, 12, 20)?),
        Season::Winter => (ymd(year, 12, 21)?, ymd(year + 1, 3, 20)?),
    })
}

/// All seasons from two years back to two ahead, in order.
fn season_list(y: i32) -> Vec<(NaiveDate, NaiveDate)> {
    let mut v = Vec::new();
    for yy in y - 2..=y + 2 {
        for s in [Season::Spring, Season::Summer, Season::Fall, Season::Winter] {
            if let Some(sp) = season_span(s, yy) {
                v.push(sp);
            }
        }
    }
    v
}

impl Parser {
    pub fn new(as_of: NaiveDate, tense: Tense) -> Parser {
        Parser { as_of, tense, chose_by: Default::default(), complaint: RefCell::new(None), budget: Cell::new(BUDGET) }
    }

    fn complain(&self, msg: String) {
        let mut c = self.complaint.borrow_mut();
        if c.is_none() {
            *c = Some(msg);
        }
    }

    fn with_tense(&self, tense: Tense) -> Parser {
        Parser {
            as_of: self.as_of,
            tense,
            chose_by: self.chose_by.clone(),
            complaint: RefCell::new(None),
            budget: Cell::new(self.budget.get()),
        }
    }

    /// The tense, for a rule that chooses by it: noted for the reading.
    fn tense_chosen(&self) -> Tense {
        self.chose_by.set(Some(self.tense));
        self.tense
    }

    // ----------------------------------------------------------------- top level

    pub fn top(&self, t: &[Tok]) -> Option<DateReading> {
        if t.is_empty() {
            return None;
        }
        if let Some(r) = self.vague(t) {
            return Some(r);
        }
        if let Some(r) = self.hours_stretch(t) {
            return Some(r);
        }
        if let Some(s) = self.past_unit(t) {
            return Some(closed(s));
        }
        if let Some(s) = self.unit_ahead(t) {
            return Some(closed(s));
        }
        if let Some(s) = self.period(t) {
            return Some(closed(s));
        }
        if let Some(s) = self.range(t) {
            return Some(closed(s));
        }
        self.open_interval(t)
    }

    /// A closed period: the rule table, plus a trailing time of day ("Friday night").
    pub fn period(&self, t: &[Tok]) -> Option<Span> {
        if t.is_empty() {
            return None;
        }
        let left = self.budget.get();
        if left == 0 {
            self.complain("the expression is too complex to read as a date".into());
            return None;
        }
        self.budget.set(left - 1);
        for rule in RULES {
            if let Some(s) = rule(self, t) {
                return Some(s);
            }
        }
        let n = t.len();
        if n > 1 && words::time_of_day(&t[n - 1]) {
            if let Some(s) = self.period(&t[..n - 1]) {
                if s.grain == Grain::Day {
                    return Some(s);
                }
            }
        }
        None
    }

    // ----------------------------------------------------------------- tense choice

    /// Choose among candidate occurrences (in chronological order) by tense.
    /// Past: latest starting on or before as_of. Future: earliest ending on or after
    /// as_of. Unknown: the nearest in days (0 when as_of is inside); a tie goes to
    /// the later one.
    fn pick(&self, cands: &[(NaiveDate, NaiveDate)]) -> Option<(NaiveDate, NaiveDate)> {
        let a = self.as_of;
        match self.tense_chosen() {
            Tense::Past => cands.iter().rev().find(|c| c.0 <= a).copied(),
            Tense::Future => cands.iter().find(|c| c.1 >= a).copied(),
            Tense::Unknown => {
                let mut best: Option<((NaiveDate, NaiveDate), i64)> = None;
                for c in cands {
                    let d = cal::distance(a, *c);
                    if best.is_none_or(|(_, bd)| d <= bd) {
                        best = Some((*c, d));
                    }
                }
                best.map(|b| b.0)
            }
        }
    }

    fn pick_weekday(&self, wd: Weekday) -> Option<NaiveDate> {
        let a = self.as_of;
        match self.tense_chosen() {
            Tense::Past => cal::nth_weekday_before(a, wd, 1, false),
            Tense::Future => cal::nth_weekday_after(a, wd, 1, true),
            Tense::Unknown => {
                let before = cal::nth_weekday_before(a, wd, 1, false)?;
                let after = cal::nth_weekday_after(a, wd, 1, false)?;
                if (a - before).num_days() <= (after - a).num_days() {
                    Some(before)
                } else {
                    Some(after)
                }
            }
        }
    }

    // ----------------------------------------------------------------- vague

    fn vague(&self, t: &[Tok]) -> Option<DateReading> {
        let a = self.as_of;
        let text: Vec<&str> = t.iter().map(|x| x.word().unwrap_or("#")).collect();
        let s = text.join(" ");
        let from_now = |days: i64, rule| Some(reading(Some(a), add_days(a, days), Precision::Vague, rule));
        if is_asap(&text) {
            return Some(reading(
                Some(a),
                None,
                Precision::Vague,
                "vague: as soon as possible / in due course = from the day said, open end",
            ));
        }
        match s.as_str() {
            "as soon as possible"
            | "asap"
            | "earliest possible"
            | "earliest possible time"
            | "earliest possible date"
            | "earliest possible moment"
            | "as early as possible"
            | "as quickly as possible"
            | "earliest"
            | "soonest"
            | "due course"
            | "future"
            | "in future" => {
                return Some(reading(
                    Some(a),
                    None,
                    Precision::Vague,
                    "vague: as soon as possible / in due course = from the day said, open end",
                ))
            }
            "soon" | "very soon" | "quite soon" | "near future" | "not too distant future" => {
                return from_now(90, "vague: soon / near future = the day said + 90 days")
            }
            // ("any" is a filler: "any day now" arrives as "day now".)
            "shortly" | "imminently" | "any day now" | "day now" | "very shortly" => {
                return from_now(30, "vague: shortly = the day said + 30 days")
            }
            "coming days" | "days ahead" | "next several days" | "days to come" | "within days" | "matter days"
            | "a matter days" => return from_now(14, "vague: the coming days = the day said + 14 days"),
            "coming weeks and months" | "coming days and weeks" | "weeks and months ahead" => {
                // The longer of the two: a reader allows either.
                return if s.contains("months") {
                    Some(reading(
                        Some(a),
                        cal::shift_months_keep_day(a, 12),
                        Precision::Vague,
                        "vague: the coming months = the day said + 12 months",
                    ))
                } else {
                    from_now(8 * 7, "vague: the coming weeks = the day said + 8 weeks")
                };
            }
            "coming weeks" | "weeks ahead" | "next several weeks" | "next few weeks" | "weeks to come"
            | "within weeks" | "matter weeks" | "a matter weeks" => {
                return from_now(8 * 7, "vague: the coming weeks = the day said + 8 weeks")
            }
            "coming months"
            | "months ahead"
            | "next several months"
            | "next few months"
            | "months to come"
            | "within months"
            | "matter months"
            | "a matter months" => {
                // Calendar months, as the rule says (365 days fell a day short of it).
                return Some(reading(
                    Some(a),
                    cal::shift_months_keep_day(a, 12),
                    Precision::Vague,
                    "vague: the coming months = the day said + 12 months",
                ));
            }
            "coming years" | "years ahead" | "next several years" | "next few years" => {
                return Some(reading(
                    Some(a),
                    cal::shift_months_keep_day(a, 60),
                    Precision::Vague,
                    "vague: the coming years = the day said + 5 years",
                ));
            }
            // "year to date", "so far this year": from the period's first day to the day said.
            "year to date" | "ytd" | "so far this year" | "this year so far" | "so far year" => {
                return Some(reading(
                    ymd(a.year(), 1, 1),
                    Some(a),
                    Precision::Range,
                    "year to date / so far this year = January 1 to the day said",
                ))
            }
            "month to date" | "mtd" | "so far this month" | "this month so far" => {
                return Some(reading(
                    ymd(a.year(), a.month(), 1),
                    Some(a),
                    Precision::Range,
                    "month to date / so far this month = the month's first day to the day said",
                ))
            }
            "week to date" | "so far this week" | "this week so far" => {
                return Some(reading(
                    cal::week_start(a),
                    Some(a),
                    Precision::Range,
                    "so far this week = the week's Monday to the day said",
                ))
            }
            "recently" | "lately" | "recent weeks" => {
                return Some(reading(
                    add_days(a, -8 * 7),
                    Some(a),
                    Precision::Vague,
                    "vague: recently / in recent weeks = 8 weeks up to the day said",
                ))
            }
            "recent days" => {
                return Some(reading(
                    add_days(a, -14),
                    Some(a),
                    Precision::Vague,
                    "vague: in recent days = 14 days up to the day said",
                ))
            }
            "recent months" | "recent years" | "recent decades" => {
                let (months, rule) = match s.as_str() {
                    "recent months" => (12, "vague: in recent months = 12 months up to the day said"),
                    "recent years" => (120, "vague: in recent years = 10 years up to the day said"),
                    _ => (600, "vague: in recent decades = 50 years up to the day said"),
                };
                return Some(reading(cal::shift_months_keep_day(a, -months), Some(a), Precision::Vague, rule));
            }
            // "this time last year": around the same date a year before (after).
            "this time last year"
            | "this time a year ago"
            | "same time last year"
            | "this time next year"
            | "same time next year" => {
                let d = cal::shift_months_keep_day(a, if s.ends_with("next year") { 12 } else { -12 })?;
                return Some(reading(
                    add_days(d, -14),
                    add_days(d, 14),
                    Precision::Vague,
                    "vague: this time last (next) year = the same date a year before (after), two weeks either side",
                ));
            }
            "effective immediately" | "immediately" | "with immediate effect" | "effective today" => {
                return Some(reading(
                    Some(a),
                    None,
                    Precision::Open,
                    "effective immediately = from the day said, open end",
                ))
            }
            // "the week ahead": the seven days from the day said.
            "week ahead" => return from_now(6, "vague: the week ahead = the day said and the six days after"),
            // "the other day": a recent day, not named.
            "other day" => {
                return Some(reading(
                    add_days(a, -14),
                    add_days(a, -1),
                    Precision::Vague,
                    "vague: the other day = one of the 14 days before the day said",
                ))
            }
            "past" | "in past" => {
                return Some(reading(
                    None,
                    Some(a),
                    Precision::Vague,
                    "vague: in the past = open start up to the day said",
                ))
            }
            _ => {}
        }
        if let Some(r) = self.vague_count(t) {
            return Some(r);
        }
        if let Some(r) = self.nearly_years(t) {
            return Some(r);
        }
        // "later this year", "earlier this month", "later in the week".
        let first = w(t, 0)?;
        if first == "later" || first == "earlier" {
            let mut rest = &t[1..];
            if is(rest, 0, "in") {
                rest = &rest[1..];
            }
            let p = self.period(rest)?;
            if p.grain == Grain::Day {
                return Some(closed(Span { rule: "earlier/later <day> = that day", ..p }));
            }
            let inside = p.start <= a && a <= p.end;
            // Said on the period's first day, "earlier" leaves no day before it in
            // the period; said on its last, "later" none after: an empty period.
            if inside && (if first == "later" { a == p.end } else { a == p.start }) {
                let unit = match p.grain {
                    Grain::Week => "week",
                    Grain::Month => "month",
                    Grain::Quarter => "quarter",
                    Grain::Season => "season",
                    Grain::Year => "year",
                    Grain::Decade => "decade",
                    Grain::Century => "century",
                    Grain::Day | Grain::Span => "period",
                };
                self.complain(format!(
                    "said on {}, there is no {first} day in that {unit}: the period is empty; give the day it means, \
                     or the whole {unit}",
                    a.format("%A %Y-%m-%d"),
                ));
                return None;
            }
            return Some(if first == "later" {
                let start = if inside { add_days(a, 1)?.min(p.end) } else { p.start };
                reading(
                    Some(start),
                    Some(p.end),
                    Precision::Vague,
                    "vague: later <period> = the day after the day said to the period's end",
                )
            } else {
                let end = if inside { add_days(a, -1)?.max(p.start) } else { p.end };
                reading(
                    Some(p.start),
                    Some(end),
                    Precision::Vague,
                    "vague: earlier <period> = the period's start to the day before the day said",
                )
            });
        }
        None
    }

    /// "a few days ago", "several weeks ago", "a couple of months from now", "in
    /// a few weeks", "within a few days": a count with no agreed number
    /// (`words::vague_count`) spans the days its least and its most reach;
    /// years (and decades, centuries) are whole calendar years, as "N years
    /// ago" is (TimeML).
    fn vague_count(&self, t: &[Tok]) -> Option<DateReading> {
        let (lead, mut body) = match t.first()?.word()? {
            w @ ("in" | "within") => (Some(w), &t[1..]),
            _ => (None, t),
        };
        // "within the next few weeks" = "within a few weeks".
        if lead == Some("within") && matches!(body.first().and_then(Tok::word), Some("next" | "coming")) {
            body = &body[1..];
        }
        // "days ago", "months ago": a plural with no count at all is 2 to 9 of them.
        let bare = body.first().and_then(Tok::word).is_some_and(|w| w.ends_with('s'))
            && words::unit(body.first()?).is_some()
            && matches!(body.get(1).and_then(Tok::word), Some("ago" | "back"))
            && lead.is_none();
        let (lo, hi, k) = if bare { (2, 9, 0) } else { words::vague_count(body)? };
        let unit = words::unit(body.get(k)?)?;
        let tail: Vec<&str> = body[k + 1..].iter().map(|x| x.word().unwrap_or("#")).collect();
        let a = self.as_of;
        let (from, to, rule) = match (lead, tail.as_slice()) {
            (None, ["ago"] | ["back"]) => {
                (-i64::from(hi), -i64::from(lo), "vague: a few / several units ago = from the most to the least before")
            }
            (None, ["from", "now"] | ["hence"]) | (Some("in"), []) => {
                (i64::from(lo), i64::from(hi), "vague: in a few / several units = from the least to the most after")
            }
            (Some("within"), []) => {
                (0, i64::from(hi), "vague: within a few / several units = the day said to the most after")
            }
            (None, [w @ ("later" | "earlier" | "before")]) => {
                self.anaphora(w);
                return None;
            }
            _ => return None,
        };
        let (mut start, mut end) = (self.shift_or_complain(a, unit, from)?, self.shift_or_complain(a, unit, to)?);
        if matches!(unit, Unit::Year | Unit::Decade | Unit::Century) && from != 0 {
            (start, end) = (cal::year_span(start.year())?.0, cal::year_span(end.year())?.1);
        }
        Some(reading(Some(start), Some(end), Precision::Vague, rule))
    }

    /// "nearly two years ago", "almost a decade from now": the calendar years
    /// from the one N units before (after) the day said to the one N-1 units
    /// before (after), which hold every day "nearly" allows whatever the time
    /// of year. Before days, weeks or months, the days from N units to N-1
    /// units before (after): "almost two weeks ago" said on Jan. 10 is
    /// Dec. 27 to Jan. 3.
    fn nearly_years(&self, t: &[Tok]) -> Option<DateReading> {
        let [h, c, u, tail @ ..] = t else { return None };
        if !matches!(h.word(), Some("nearly" | "almost")) {
            return None;
        }
        let (n, unit) = (i64::from(words::count(c)?), words::unit(u)?);
        if n == 0 {
            return None;
        }
        let tail: Vec<&str> = tail.iter().map(|x| x.word().unwrap_or("#")).collect();
        let sign = match tail.as_slice() {
            ["ago"] | ["back"] => -1,
            ["from", "now"] | ["hence"] => 1,
            _ => return None,
        };
        let a = self.as_of;
        let (far, near) =
            (self.shift_or_complain(a, unit, sign * n)?, self.shift_or_complain(a, unit, sign * (n - 1))?);
        let (first, last) = if sign < 0 { (far, near) } else { (near, far) };
        if !matches!(unit, Unit::Year | Unit::Decade | Unit::Century) {
            // "almost two weeks ago": from two weeks before to one week before
            // (the days "almost" allows, nearer the two than the one).
            return Some(reading(
                Some(first),
                Some(last),
                Precision::Vague,
                "vague: nearly N days (weeks, months) ago (from now) = from N units to N-1 units before (after)",
            ));
        }
        Some(reading(
            Some(cal::year_span(first.year())?.0),
            Some(cal::year_span(last.year())?.1),
            Precision::Vague,
            "vague: nearly N years ago (from now) = the calendar years from N years before (after) to N-1",
        ))
    }

    /// "Three weeks later, the minister resigned": later (earlier) than an
    /// event the story tells, not than the day said.
    fn anaphora(&self, word: &str) {
        self.complain(format!(
            "'{word}' counts from an event the story names, not from the day said (anaphora, like 'the next day'); \
             give the date it means, e.g. 'two days after May 5', or the day itself"
        ));
    }

    /// "the past 24 hours" (past, last, previous), "the next 48 hours" (next,
    /// coming), "within (the next) 24 hours": a stretch of hours up to (from)
    /// the day said covers the whole days it reaches, as a claim is dated by
    /// its day (`24 hours` said on March 15: March 14-15). At most a week of
    /// hours; a point counted in hours ("2 hours ago") is no stretch, and is
    /// refused by `read_date`.
    fn hours_stretch(&self, t: &[Tok]) -> Option<DateReading> {
        let (back, count, unit) = match t {
            [r, c, u] if matches!(r.word(), Some("past" | "last" | "previous")) => (true, c, u),
            [r, c, u] if matches!(r.word(), Some("next" | "coming" | "within")) => (false, c, u),
            [w, n, c, u] if w.is("within") && matches!(n.word(), Some("next" | "coming")) => (false, c, u),
            _ => return None,
        };
        if !matches!(unit.word(), Some("hours" | "hrs")) {
            return None;
        }
        let hours = words::count(count).filter(|h| (1..=168).contains(h))?;
        let days = i64::from(hours.div_ceil(24));
        let a = self.as_of;
        Some(if back {
            reading(
                Some(add_days(a, -days)?),
                Some(a),
                Precision::Range,
                "the past N hours = the days they reach back to, up to the day said",
            )
        } else {
            reading(
                Some(a),
                Some(add_days(a, days)?),
                Precision::Range,
                "the next N hours / within N hours = the day said to the day they reach",
            )
        })
    }

    // ----------------------------------------------------------------- open intervals

    fn open_interval(&self, t: &[Tok]) -> Option<DateReading> {
        let n = t.len();
        // "more than a year ago", "over a week ago": up to that day; "less than a
        // week ago", "under a month ago": from that day to the day said.
        for (head, more) in
            [(&["more", "than"][..], true), (&["over"], true), (&["less", "than"], false), (&["under"], false)]
        {
            let k = head.len();
            if let [c, x, ago] = &t[k.min(n)..] {
                let counted = words::count(c).zip(words::unit(x));
                let headed = n == k + 3 && t[..k].iter().zip(head).all(|(a, b)| a.is(b)) && ago.is("ago");
                if let (true, Some((count, unit))) = (headed, counted) {
                    let d = self.shift_or_complain(self.as_of, unit, -i64::from(count))?;
                    return Some(if more {
                        reading(
                            None,
                            Some(d),
                            Precision::Open,
                            "more than N units ago = up to the day N units before the day said",
                        )
                    } else {
                        reading(
                            Some(d),
                            Some(self.as_of),
                            Precision::Range,
                            "less than N units ago = from the day N units before to the day said",
                        )
                    });
                }
            }
        }
        // Trailing markers: "May or later", "2014 onwards", "June at the latest".
        let tails: &[(&[&str], bool)] = &[
            (&["or", "later"], true),
            (&["or", "after"], true),
            (&["and", "later"], true),
            (&["and", "beyond"], true),
            (&["onwards"], true),
            (&["onward"], true),
            (&["on"], true),
            (&["forward"], true),
            (&["latest"], false),
            (&["earliest"], true),
            (&["or", "earlier"], false),
            (&["or", "before"], false),
        ];
        for (tail, is_start) in tails {
            let k = tail.len();
            if n > k && words_are(&t[n - k..], tail) {
                let mut body = &t[..n - k];
                if is(body, 0, "from") || is(body, 0, "starting") {
                    body = &body[1..];
                }
                let p = self.period(body)?;
                return Some(if *is_start {
                    reading(Some(p.start), None, Precision::Open, "open: X onwards = from the start of X")
                } else {
                    reading(None, Some(p.end), Precision::Open, "open: X at the latest = up to the end of X")
                });
            }
        }
        // Leading markers.
        for (head, kind) in OPEN_HEADS {
            let k = head.len();
            if n <= k || !words_are(&t[..k], head) {
                continue;
            }
            let body = &t[k..];
            let sub = self.open_sub(head, body);
            // "before the year is out" / "before the month ends": a deadline, like "before the end of".
            if *kind == Open::BeforeStart {
                let m = body.len();
                let k = if m > 2
                    && (words_are(&body[m - 2..], &["is", "out"]) || words_are(&body[m - 2..], &["is", "over"]))
                {
                    2
                } else if m > 1 && matches!(w(body, m - 1), Some("ends" | "closes"))
                    || m > 1
                        && w(body, m - 1) == Some("end")
                        && matches!(words::unit(&body[m - 2]), Some(Unit::Year | Unit::Month | Unit::Quarter))
                {
                    // ("before year-end", "ahead of month-end": the end of a unit
                    // is a deadline, not Duckling's end-of-year months.)
                    1
                } else {
                    0
                };
                if k > 0 {
                    if let Some(p) = sub.period(&body[..m - k]) {
                        return Some(reading(
                            None,
                            Some(p.end),
                            Precision::Open,
                            "open: before X is out / ends = up to the last day of X",
                        ));
                    }
                }
            }
            // "before the end of the year": a deadline, up to the last day of the year.
            if *kind == Open::BeforeStart && matches!(w(body, 0), Some("end" | "close")) {
                if let Some(p) = sub.period(&body[1..]) {
                    return Some(reading(
                        None,
                        Some(p.end),
                        Precision::Open,
                        "open: before the end of X = up to the last day of X",
                    ));
                }
            }
            let p = sub.period(body).or_else(|| sub.range(body));
            if p.is_none() {
                self.adopt(&sub);
            }
            let p = p?;
            return Some(match kind {
                Open::FromStart => reading(
                    Some(p.start),
                    None,
                    Precision::Open,
                    "open: since/from/not before X = from the first day of X",
                ),
                Open::AfterEnd => reading(
                    add_days(p.end, 1 - p.margin.1),
                    None,
                    Precision::Open,
                    "open: after X = from the day after X ends",
                ),
                Open::BeforeStart => reading(
                    None,
                    add_days(p.start, p.margin.0 - 1),
                    Precision::Open,
                    "open: before X = up to the day before X starts",
                ),
                Open::ToEnd => {
                    reading(None, Some(p.end), Precision::Open, "open: by/until/through X = up to the last day of X")
                }
            });
        }
        None
    }

    /// The parser that reads what follows an open interval's `head` ("by",
    /// "since"): its tense, where the head decides it.
    pub(super) fn open_sub(&self, head: &[&str], body: &[Tok]) -> Parser {
        // "since" looks back: a bare month or weekday after it is in the past;
        // "as early as" / "as soon as" before a bare weekday look ahead ("could
        // be signed as early as Tuesday" is next Tuesday, not yesterday; a month
        // keeps the quote's tense: "cases appeared as early as January").
        let bare_weekday = body.len() == 1 && words::weekday(&body[0]).is_some();
        let bare_month = body.len() == 1 && words::month(&body[0]).is_some();
        match (head, self.tense) {
            (["since"], Tense::Unknown) => self.with_tense(Tense::Past),
            (["as", "early" | "soon", "as"], Tense::Unknown) if bare_weekday => self.with_tense(Tense::Future),
            // "new rules apply starting Monday", "effective Monday": a start
            // before a bare weekday is the coming one ("from Monday" is not
            // read so: "has been in force from Monday" looks back).
            (["starting" | "beginning" | "effective"], Tense::Unknown)
                if bare_weekday && words::weekday(&body[0]) != Some(self.as_of.weekday()) =>
            {
                self.with_tense(Tense::Future)
            }
            // A deadline before a bare weekday looks ahead too: "by Friday",
            // "until Sunday", "no later than Friday" said on a Monday are this
            // week's, not last week's (the nearest Friday), unless the quote's
            // tense is past. Said on a Friday, "by Friday" stays that day (AP
            // style names the story's day by its weekday).
            (
                ["by"]
                | ["until" | "till" | "til"]
                | ["up", "until" | "till" | "to"]
                | ["through" | "thru"]
                | ["no" | "not", "later", "than"]
                | ["time", "for"]
                | ["before"],
                Tense::Unknown,
            ) if bare_weekday && words::weekday(&body[0]) != Some(self.as_of.weekday()) || bare_month => {
                // A month, too: "by September" said in January is this
                // September (the month said is on or after, so it stays).
                self.with_tense(Tense::Future)
            }
            // "ahead of Sunday's vote", "in the run-up to the election": what
            // they name is still to come when no tense says otherwise.
            (["ahead"] | ["run", "up", "to"] | ["runup", "to"], Tense::Unknown) => self.with_tense(Tense::Future),
            _ => self.with_tense(self.tense),
        }
    }

    fn adopt(&self, other: &Parser) {
        if let Some(c) = other.complaint.borrow().clone() {
            self.complain(c);
        }
    }

    // ----------------------------------------------------------------- ranges

    pub fn range(&self, t: &[Tok]) -> Option<Span> {
        let mut t = t;
        let between = is(t, 0, "between");
        if between || is(t, 0, "from") {
            t = &t[1..];
        }
        // "18th Dec for 10 days", "for 10 days from 18th Dec".
        if let Some(s) = self.for_days(t) {
            return Some(s);
        }
        if !between {
            if let Some(s) = self.alternatives(t) {
                return Some(s);
            }
        }
        for i in 1..t.len().saturating_sub(1) {
            let c = &t[i];
            let is_conn = if between {
                c.is("and")
            } else {
                matches!(c.word(), Some("to" | "through" | "thru" | "till" | "until" | "til")) || c.sym() == Some('-')
            };
            if !is_conn {
                continue;
            }
            let (l, r) = (&t[..i], &t[i + 1..]);
            if let Some(s) = self.range_of_partials(l, r) {
                return Some(s);
            }
            if let Some((a, b)) = self.year_given_once(l, r) {
                return Span::new(
                    (a.start, b.end),
                    Grain::Span,
                    "range: X to Y <year> = X of that year to Y of that year (the year written once)",
                );
            }
            // "Tuesday to Thursday next week": what places the second weekday
            // places the first ("Tuesday next week"), not the nearest Tuesday.
            // Only when that places both in one week: "Monday to Thursday 14
            // November" names a date, not a week, and the first weekday alone
            // would be looked for in other years.
            if let Some((a, b)) = self.weekdays_placed_by_the_second(l, r) {
                if a.start <= b.end && (b.end - a.start).num_days() < 7 {
                    return Span::new(
                        (a.start, b.end),
                        Grain::Span,
                        "<weekday> to <weekday> <week>: both weekdays in that week",
                    );
                }
            }
            // "Monday to Friday", "spring to autumn": one stretch, placed as a whole.
            if let ([x], [y]) = (l, r) {
                if let (Some(w1), Some(w2)) = (words::weekday(x), words::weekday(y)) {
                    return self.weekday_range(w1, w2);
                }
                if let (Some(s1), Some(s2)) = (words::season(x), words::season(y)) {
                    return self.season_stretch(s1, s2);
                }
            }
            // "next Monday to Friday", "last Tuesday through Thursday": the first
            // weekday's modifier places the stretch; the second is the next such day.
            if let Some(span) = self.weekday_after_placed(l, r) {
                return Span::new(span, Grain::Span, "<placed weekday> to <weekday> = up to the next such weekday");
            }
            if let (Some(a), Some(b)) = (self.period(l), self.period(r)) {
                if a.start <= b.end {
                    return Span::new((a.start, b.end), Grain::Span, "range: X to Y = first day of X to last day of Y");
                }
            }
        }
        None
    }

    /// "Monday to Friday", "between Tuesday and Thursday": the days from the
    /// first weekday to the next second one, placed as one stretch (each
    /// weekday placed on its own could fall in different weeks, out of
    /// order). Future: from the first weekday as a bare one reads (strictly
    /// after the day said); Past: up to the second as a bare one reads (on
    /// or before the day said); Unknown: the nearest stretch (0 when the day
    /// said is inside it).
    fn weekday_range(&self, first: Weekday, second: Weekday) -> Option<Span> {
        let a = self.as_of;
        let gap = i64::from((7 + second.num_days_from_monday() - first.num_days_from_monday()) % 7);
        let gap = if gap == 0 { 7 } else { gap };
        let (s, e) = match self.tense_chosen() {
            Tense::Future => {
                let s = cal::nth_weekday_after(a, first, 1, true)?;
                (s, add_days(s, gap)?)
            }
            Tense::Past => {
                let e = cal::nth_weekday_before(a, second, 1, false)?;
                (add_days(e, -gap)?, e)
            }
            Tense::Unknown => {
                let starts = (1..=2).filter_map(|k| cal::nth_weekday_before(a, first, k, false));
                let ends = (1..=2).filter_map(|k| cal::nth_weekday_after(a, first, k, true));
                let mut cands: Vec<(NaiveDate, NaiveDate)> =
                    starts.chain(ends).filter_map(|s| Some((s, add_days(s, gap)?))).collect();
                cands.sort();
                self.pick(&cands)?
            }
        };
        Span::new(
            (s, e),
            Grain::Span,
            "<weekday> to <weekday> = one stretch: future from the next first weekday, past up to the last second \
             one, unknown the nearest",
        )
    }

    /// `l` a bare weekday and `r` a weekday with a place after it ("Tuesday" and
    /// "Thursday next week"): each weekday as that place puts it ("Tuesday next
    /// week", "Thursday next week"), for a range or a list to join.
    fn weekdays_placed_by_the_second(&self, l: &[Tok], r: &[Tok]) -> Option<(Span, Span)> {
        let ([first], [second, place @ ..]) = (l, r) else { return None };
        if place.is_empty() || words::weekday(first).is_none() || words::weekday(second).is_none() {
            return None;
        }
        let placed: Vec<Tok> = l.iter().chain(place).cloned().collect();
        Some((self.period(&placed)?, self.period(r)?))
    }

    /// `l` a weekday with a modifier ("next Monday", "last Tuesday") and `r` a
    /// bare weekday: from the day `l` reads as to the first `r` after it.
    fn weekday_after_placed(&self, l: &[Tok], r: &[Tok]) -> Option<(NaiveDate, NaiveDate)> {
        let ([.., last], [y]) = (l, r) else { return None };
        if l.len() < 2 || words::weekday(last).is_none() {
            return None;
        }
        let second = words::weekday(y)?;
        let a = self.period(l)?;
        if a.grain != Grain::Day {
            return None;
        }
        Some((a.start, cal::nth_weekday_after(a.end, second, 1, true)?))
    }

    /// "spring to autumn", "spring and summer": from a season to the next
    /// occurrence of the second, placed as one stretch by tense as a bare
    /// season is (future: from the first season's occurrence that has not
    /// ended; past: up to the second's that has begun; unknown: the nearest).
    fn season_stretch(&self, first: Season, second: Season) -> Option<Span> {
        let a = self.as_of;
        // (the first season's occurrence, the second's next one after it), by year.
        let mut pairs: Vec<((NaiveDate, NaiveDate), (NaiveDate, NaiveDate))> = Vec::new();
        for y in a.year() - 2..=a.year() + 1 {
            let s1 = season_span(first, y)?;
            let s2 = (y..=y + 1).filter_map(|yy| season_span(second, yy)).find(|s2| s2.0 > s1.1)?;
            pairs.push((s1, s2));
        }
        let stretch = |(s1, s2): &((NaiveDate, NaiveDate), (NaiveDate, NaiveDate))| (s1.0, s2.1);
        let se = match self.tense_chosen() {
            Tense::Future => stretch(pairs.iter().find(|(s1, _)| s1.1 >= a)?),
            Tense::Past => stretch(pairs.iter().rev().find(|(_, s2)| s2.0 <= a)?),
            Tense::Unknown => self.pick(&pairs.iter().map(stretch).collect::<Vec<_>>())?,
        };
        Span::new(se, Grain::Span, "<season> to <season> = one stretch, placed by tense as a bare season is")
    }

    fn for_days(&self, t: &[Tok]) -> Option<Span> {
        let n = t.len();
        // [for N unit from X] or [X for N unit]
        let (anchor, cnt, u) = if is(t, 0, "for") && n > 4 && is(t, 3, "from") {
            (&t[4..], words::count(&t[1])?, words::unit(&t[2])?)
        } else if n > 3 && is(t, n - 3, "for") {
            (&t[..n - 3], words::count(&t[n - 2])?, words::unit(&t[n - 1])?)
        } else {
            return None;
        };
        let p = self.period(anchor)?;
        let end = self.shift(p.start, u, i64::from(cnt))?;
        Span::new((p.start, end), Grain::Span, "range: X for N days = from X to X + N days (both ends counted)")
    }

    /// "late 2013 or early 2014", "Nov 15 or 16", "Monday or Tuesday": two alternatives
    /// in order with no day between them read as the interval covering both. Alternatives
    /// with days between them ("May or September") or out of order are not one interval:
    /// not read, with a complaint that says so.
    fn alternatives(&self, t: &[Tok]) -> Option<Span> {
        for i in 1..t.len().saturating_sub(1) {
            // "Monday and Tuesday", "September 4th and 5th": a list of days next
            // to each other is the stretch they make, as two alternatives are.
            let list = t[i].is("and");
            if !t[i].is("or") && !list {
                continue;
            }
            let (l, r) = (&t[..i], &t[i + 1..]);
            // Two bare weekdays in a row ("Monday or Tuesday") are placed as one
            // stretch, as a range of them is (placed one by one they could fall
            // in different weeks).
            if let ([x], [y]) = (l, r) {
                if let (Some(w1), Some(w2)) = (words::weekday(x), words::weekday(y)) {
                    if w1.succ() == w2 {
                        return self.weekday_range(w1, w2);
                    }
                }
                // "spring and summer", "summer or fall": seasons in a row.
                if let (Some(s1), Some(s2)) = (words::season(x), words::season(y)) {
                    if next_season(s1) == s2 {
                        return self.season_stretch(s1, s2);
                    }
                }
            }
            // "next Monday and Tuesday", "last Thursday or Friday": the modifier
            // places the first weekday, the second is the day after it.
            if let Some((start, end)) = self.weekday_after_placed(l, r) {
                if (end - start).num_days() == 1 {
                    return Span::new(
                        (start, end),
                        Grain::Span,
                        "<placed weekday> and/or <weekday> = that day and the next",
                    );
                }
            }
            // "Monday and Tuesday next week": what places the second weekday places
            // the first, as in a range ("Tuesday to Thursday next week").
            if let Some((a, b)) = self.weekdays_placed_by_the_second(l, r) {
                if add_days(a.end, 1)? == b.start {
                    return Span::new(
                        (a.start, b.end),
                        Grain::Span,
                        "<weekday> and/or <weekday> <week>: both weekdays in that week",
                    );
                }
            }
            let sides = self.partial_sides(l, r).or_else(|| {
                let (a, b) = self.year_given_once(l, r).or_else(|| Some((self.period(l)?, self.period(r)?)))?;
                Some(((a.start, a.end), (b.start, b.end)))
            });
            let Some((a, b)) = sides else { continue };
            if a.0 <= b.0 && a.1 <= b.1 && add_days(a.1, 1)? >= b.0 {
                return Span::new(
                    (a.0, b.1),
                    Grain::Span,
                    if list {
                        "A and B (in order, no day between them) = the interval they make"
                    } else {
                        "A or B (in order, no day between them) = the interval covering both"
                    },
                );
            }
            let text = |x: &[Tok]| x.iter().map(Tok::text).collect::<Vec<_>>().join(" ");
            self.complain(if list {
                format!(
                    "'{}' and '{}' are two dates with days between them (or out of order); one interval would take in \
                     the days between: record each date as a claim of its own",
                    text(l),
                    text(r)
                )
            } else {
                format!(
                    "'{}' or '{}' are two alternatives with days between them (or out of order); one interval cannot say either-or",
                    text(l),
                    text(r)
                )
            });
            return None;
        }
        None
    }

    /// "Q3 and Q4 2014", "Q1 through Q3 2015", "H1 or H2 2015", "Easter to
    /// Christmas 2014": the year written once, after the second side, is the
    /// first side's too, when the first has no year of its own and the two
    /// then fall in order within that year (else the sides are read as
    /// before: "Christmas to New Year's Day 2014" stays Christmas 2013 to
    /// January 1, 2014).
    /// Months and days are `partial_sides`' job; this is for the periods it
    /// does not know (quarters, halves, seasons, holidays).
    fn year_given_once(&self, l: &[Tok], r: &[Tok]) -> Option<(Span, Span)> {
        let [.., y] = r else { return None };
        let (_, 4, false) = y.num()? else { return None };
        if l.is_empty() || l.iter().any(|t| t.num().is_some_and(|(_, digits, _)| digits >= 4)) {
            return None;
        }
        let dated: Vec<Tok> = l.iter().chain(std::iter::once(y)).cloned().collect();
        let (a, b) = (self.period(&dated)?, self.period(r)?);
        (a.start <= b.start && a.end <= b.end && a.end.year() == b.start.year()).then_some((a, b))
    }

    /// "13 to 15 July", "July 13-15", "May through July": sides share month/year.
    fn range_of_partials(&self, l: &[Tok], r: &[Tok]) -> Option<Span> {
        let (s, e) = self.partial_sides(l, r)?;
        Span::new((s.0, e.1), Grain::Span, "range: X to Y, the missing month/year taken from the other side")
    }

    /// The two sides of a range of partial dates, each as its own interval.
    #[allow(clippy::type_complexity)]
    fn partial_sides(&self, l: &[Tok], r: &[Tok]) -> Option<((NaiveDate, NaiveDate), (NaiveDate, NaiveDate))> {
        let mut a = partial(l)?;
        let mut b = partial(r)?;
        if a.month.is_none() {
            a.month = b.month;
        }
        if b.month.is_none() && b.day.is_some() {
            b.month = a.month;
        }
        let year_borrowed = a.year.is_none() && b.year.is_some();
        if a.year.is_none() {
            a.year = b.year;
        }
        let (m1, m2) = (a.month?, b.month?);
        let span_of = |p: &Partial, y: i32, m: u32| -> Option<(NaiveDate, NaiveDate)> {
            match p.day {
                Some(d) => {
                    let x = ymd(y, m, d)?;
                    Some((x, x))
                }
                None => cal::month_span(y, m),
            }
        };
        let y1 = match a.year {
            Some(y) => y,
            None => {
                let mut cands = Vec::new();
                for k in -1..=1 {
                    let y = self.as_of.year() + k;
                    let (Some(s), Some(e)) = (span_of(&a, y, m1), span_of(&b, y, m2)) else {
                        continue;
                    };
                    let e = if e.1 < s.0 { span_of(&b, y + 1, m2)? } else { e };
                    cands.push((s.0, e.1));
                }
                self.pick(&cands)?.0.year()
            }
        };
        let mut s = span_of(&a, y1, m1)?;
        let mut y2 = b.year.unwrap_or(y1);
        // "Dec. 30-Jan. 2, 2014": the year written once, at the end, is the end's year.
        if year_borrowed && span_of(&b, y2, m2).is_some_and(|e| e.1 < s.0) {
            s = span_of(&a, y1 - 1, m1)?;
        }
        let mut e = span_of(&b, y2, m2)?;
        if e.1 < s.0 && b.year.is_none() {
            y2 += 1;
            e = span_of(&b, y2, m2)?;
        }
        for (p, x) in [(a, s.0), (b, e.0)] {
            if let Some(wd) = p.weekday {
                self.weekday_fits(wd, Span::day(x, ""))?;
            }
        }
        Some((s, e))
    }

    // ----------------------------------------------------------------- rules

    fn deictic_day(&self, t: &[Tok]) -> Option<Span> {
        let a = self.as_of;
        let words: Vec<&str> = t.iter().map(|x| x.word().unwrap_or("#")).collect();
        let (d, rule) = match words.as_slice() {
            ["today" | "now" | "tonight" | "currently" | "nowadays"]
            | ["right", "now"]
            | ["this", "time"]
            | ["this", "day"]
            | ["this", "morning" | "afternoon" | "evening"]
            | ["earlier" | "later", "today"] => (a, "today = the day said"),
            // News idiom: "for the day", "late in the day", "earlier in the day". A weak
            // reading: in a story "the day" can also point back at a date named before.
            ["day"] => (a, "the day (bare) = the day said (weak: may refer back to an earlier date)"),
            ["tomorrow" | "tomorrows"] => (add_days(a, 1)?, "tomorrow = the day after the day said"),
            ["yesterday"] | ["last", "night"] => (add_days(a, -1)?, "yesterday = the day before the day said"),
            ["day", "after", "tomorrow"] => (add_days(a, 2)?, "the day after tomorrow = as_of + 2"),
            ["day", "before", "yesterday"] => (add_days(a, -2)?, "the day before yesterday = as_of - 2"),
            _ => return None,
        };
        Some(Span::day(d, rule))
    }

    /// 7/7/2013, 2013-07-07, 10.31.74, 2/15, 2/2013, 2014-10, 31-Oct-74.
    fn numeric_date(&self, t: &[Tok]) -> Option<Span> {
        let n = t.len();
        // "20130809": ISO 8601's basic form, YYYYMMDD.
        if let [x] = t {
            let (v, 8, false) = x.num()? else { return None };
            let (y, m, d) = (v / 10_000, v / 100 % 100, v % 100);
            if !(1..=12).contains(&m) {
                return None;
            }
            return self.exact_day(y as i32, m, d, "numeric date: ISO basic form YYYYMMDD");
        }
        if n != 3 && n != 5 {
            return None;
        }
        let sep = t[1].sym()?;
        if !matches!(sep, '/' | '-' | '.') {
            return None;
        }
        if n == 5 && t[3].sym() != Some(sep) {
            return None;
        }
        let num = |i: usize| t[i].num().filter(|x| !x.2).map(|x| (x.0, x.1));
        if n == 5 {
            let (c, cd) = num(4)?;
            let year_of = |v: u32, digits: u8| -> Option<i32> {
                match digits {
                    4 => Some(v as i32),
                    2 => Some(cal::expand_two_digit_year(v, self.as_of.year())),
                    _ => None,
                }
            };
            if let Some(m) = words::month(&t[2]) {
                let (d, _) = num(0)?;
                let y = year_of(c, cd)?;
                return self.exact_day(y, m, d, "numeric date: day-month-year");
            }
            let (a, ad) = num(0)?;
            let (b, _) = num(2)?;
            if ad == 4 {
                return self.exact_day(a as i32, b, c, "numeric date: ISO year-month-day");
            }
            if ad > 4 {
                // "10000-01-01": a year of five digits or more, not a day of the month.
                self.complain(format!("the year {a} is outside 1..9999"));
                return None;
            }
            let y = year_of(c, cd)?;
            // Dots are the European day.month.year (03.04.2016 = 3 April); a
            // second number over 12 can only be a day (10.31.1974).
            if sep == '.' && b <= 12 {
                return self.exact_day(y, b, a, "numeric date: day.month.year with dots (European)");
            }
            let (m, d) = if a > 12 && b <= 12 { (b, a) } else { (a, b) };
            return self.exact_day(
                y,
                m,
                d,
                "numeric date: US month/day/year (day/month when the first number is over 12)",
            );
        }
        let (a, ad) = num(0)?;
        let (b, bd) = num(2)?;
        if ad == 4 && bd == 2 && (b > 12 || b == 0) {
            return self.year_pair(a, b);
        }
        if ad == 4 && (1..=12).contains(&b) {
            let se = cal::month_span(a as i32, b)?;
            return Span::new(se, Grain::Month, "numeric date: year-month");
        }
        if bd == 4 && (1..=12).contains(&a) && ad <= 2 {
            let se = cal::month_span(b as i32, a)?;
            return Span::new(se, Grain::Month, "numeric date: month/year");
        }
        if ad > 2 || bd > 2 {
            return None;
        }
        let (m, d) = if a > 12 && b <= 12 { (b, a) } else { (a, b) };
        self.month_day_no_year(m, d, "numeric date: US month/day, year by tense")
    }

    /// "2014-15", "2014/15", "1999-00": a season or fiscal year written as a span of years,
    /// from the first year to the second (the first's century, or the next one after
    /// a year ending in 99). The second must come after the first: "2014-13" is an error.
    /// A second part of 01-12 is a month ("2014-12" = December 2014, ISO year-month).
    fn year_pair(&self, first: u32, yy: u32) -> Option<Span> {
        let first = first as i32;
        let mut second = first - first.rem_euclid(100) + yy as i32;
        if second <= first && first.rem_euclid(100) == 99 && yy == 0 {
            second += 100;
        }
        if second <= first {
            self.complain(format!(
                "in '{first}-{yy:02}' the second year ({second}) is not after the first; a span of years runs forward (write '{first}-{:02}')",
                (first + 1).rem_euclid(100)
            ));
            return None;
        }
        if !cal::in_year_range(first) {
            self.complain(format!("the year {first} is outside 1..9999"));
            return None;
        }
        Span::new(
            (cal::year_span(first)?.0, cal::year_span(second)?.1),
            Grain::Span,
            "span of years: 2014-15 = 2014 to 2015 (a season, a fiscal year)",
        )
    }

    fn exact_day(&self, y: i32, m: u32, d: u32, rule: &'static str) -> Option<Span> {
        if !cal::in_year_range(y) {
            self.complain(format!("the year {y} is outside 1..9999"));
            return None;
        }
        match ymd(y, m, d) {
            Some(x) => Some(Span::day(x, rule)),
            None => {
                self.complain(format!("{y:04}-{m:02}-{d:02} is not a calendar date"));
                None
            }
        }
    }

    fn month_day_no_year(&self, m: u32, d: u32, rule: &'static str) -> Option<Span> {
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let y0 = self.as_of.year();
        let cands: Vec<_> = (y0 - 4..=y0 + 4).filter_map(|y| ymd(y, m, d).map(|x| (x, x))).collect();
        if cands.is_empty() {
            self.complain(format!("month {m} has no day {d}"));
            return None;
        }
        let (x, _) = self.pick(&cands)?;
        Some(Span::day(x, rule))
    }

    /// A year: 2013, 2014 AD, 300 BC, '82, 58 (two digits over 31), "in 2 years" anchors.
    fn year(&self, t: &[Tok]) -> Option<Span> {
        let y = self.year_number(t)?;
        if !(-9999..=cal::MAX_YEAR).contains(&y) || y == 0 && !matches!(w(t, 1), Some("bc" | "bce")) {
            self.complain(format!("the year {y} is outside 1..9999"));
            return None;
        }
        Span::new(cal::year_span(y)?, Grain::Year, "year: the whole calendar year")
    }

    fn year_number(&self, t: &[Tok]) -> Option<i32> {
        match t {
            [x] => {
                let (v, digits, ord) = x.num()?;
                if ord {
                    return None;
                }
                if digits >= 4 {
                    if v == 0 || v > 9999 {
                        self.complain(format!("the year {v} is outside 1..9999"));
                        return None;
                    }
                    return Some(v as i32);
                }
                if digits == 2 && v > 31 {
                    return Some(cal::expand_two_digit_year(v, self.as_of.year()));
                }
                None
            }
            [q, x] if q.sym() == Some('\'') => {
                let (v, digits, _) = x.num()?;
                (digits == 2).then(|| cal::expand_two_digit_year(v, self.as_of.year()))
            }
            [x, era] => {
                let (v, _, ord) = x.num()?;
                if ord || v > 9999 {
                    return None;
                }
                match era.word()? {
                    "ad" | "ce" => (v > 0).then_some(v as i32),
                    // Astronomical numbering (ISO 8601): 1 BC is year 0.
                    "bc" | "bce" => (v > 0).then_some(1 - v as i32),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// A year written any way a date can carry one: a number or "this/next/last year".
    fn year_anchor(&self, t: &[Tok]) -> Option<i32> {
        if let Some(y) = self.year_number(t) {
            return Some(y);
        }
        if let [a, b, c] = t {
            // "in 1 year", "in a year"
            if a.is("in") && words::unit(c) == Some(Unit::Year) {
                return Some(self.as_of.year() + words::count(b)? as i32);
            }
        }
        let s = self.year_relative(t)?;
        Some(s.start.year())
    }

    /// 7 July 2013, July 7th, July 7 2013, the 7th of July, march first, Feb13, ides of March.
    fn month_day(&self, t: &[Tok]) -> Option<Span> {
        // "2013-Aug-09", "2013 August 9": the year first, as logs and some wires write it.
        if let [y, rest @ ..] = t {
            if let (Some((v, 4, false)), Some((m, d, []))) = (y.num(), month_day_parts(rest)) {
                return self.exact_day(v as i32, m, d, "year, month and day");
            }
        }
        // "last Sept. 30", "next March 3": the most recent (the next) one.
        if let [r, rest @ ..] = t {
            let tense = match r.word() {
                Some("last" | "past" | "previous") => Some(Tense::Past),
                Some("next" | "coming") => Some(Tense::Future),
                _ => None,
            };
            if let (Some(tense), Some((m, d, []))) = (tense, month_day_parts(rest)) {
                // Never the day said: "next Jan. 10" said on January 10 is a year on.
                let said = self.as_of;
                let step = if tense == Tense::Past { -1 } else { 1 };
                let sub = Parser { as_of: add_days(said, step)?, ..self.with_tense(tense) };
                let s = sub.month_day_no_year(m, d, "last (next) <month> <day> = its most recent (next) occurrence");
                self.adopt(&sub);
                return s;
            }
        }
        let (m, d, rest) = month_day_parts(t)?;
        if rest.is_empty() {
            return self.month_day_no_year(m, d, "month and day: year chosen by tense (nearest when unknown)");
        }
        let y = self.year_anchor(rest).or_else(|| {
            // "14th April 15": a two-digit year after a written month.
            let (v, digits, ord) = rest.first()?.num()?;
            (rest.len() == 1 && digits == 2 && !ord).then(|| cal::expand_two_digit_year(v, self.as_of.year()))
        })?;
        self.exact_day(y, m, d, "month, day and year")
    }

    fn weekday_rules(&self, t: &[Tok]) -> Option<Span> {
        let a = self.as_of;
        let n = t.len();
        // bare weekday
        if n == 1 {
            let wd = words::weekday(&t[0])?;
            return Some(Span::day(
                self.pick_weekday(wd)?,
                "weekday: by tense (past: on or before; future: strictly after; unknown: nearest)",
            ));
        }
        // this/next/last <wd>
        if n == 2 {
            if let (Some(r), Some(wd)) = (words::rel(&t[0]), words::weekday(&t[1])) {
                let (d, rule) = match (r, t[0].word()) {
                    (Rel::Next, Some("coming")) => {
                        (cal::nth_weekday_after(a, wd, 1, true)?, "coming <weekday> = the next one strictly after")
                    }
                    (Rel::Next, _) => {
                        let monday = add_days(cal::week_start(a)?, 7)?;
                        (cal::weekday_in_week(monday, wd)?, "next <weekday> = that weekday in next week (Monday-based)")
                    }
                    (Rel::Last, _) => (
                        cal::nth_weekday_before(a, wd, 1, true)?,
                        "last <weekday> = the most recent one strictly before",
                    ),
                    (Rel::This, _) => {
                        let d = if self.tense_chosen() == Tense::Past {
                            cal::nth_weekday_before(a, wd, 1, false)?
                        } else {
                            cal::nth_weekday_after(a, wd, 1, false)?
                        };
                        (d, "this <weekday> = the coming one (on or after; on or before in the past tense)")
                    }
                };
                return Some(Span::day(d, rule));
            }
            if t[0].is("upcoming") {
                let wd = words::weekday(&t[1])?;
                return Some(Span::day(
                    cal::nth_weekday_after(a, wd, 1, true)?,
                    "coming <weekday> = the next one strictly after",
                ));
            }
        }
        // <wd> after next / before last
        if n == 3 {
            if let Some(wd) = words::weekday(&t[0]) {
                if is(t, 1, "after") && is(t, 2, "next") {
                    return Some(Span::day(
                        cal::nth_weekday_after(a, wd, 2, true)?,
                        "<weekday> after next = the second one strictly after",
                    ));
                }
                if is(t, 1, "before") && is(t, 2, "last") {
                    return Some(Span::day(
                        cal::nth_weekday_before(a, wd, 2, true)?,
                        "<weekday> before last = the second one strictly before",
                    ));
                }
            }
        }
        // N <wd>s from now / ago / back
        if n >= 3 {
            if let (Some(c), Some(wd)) = (words::count(&t[0]), words::weekday(&t[1])) {
                let tail: Vec<&str> = t[2..].iter().filter_map(Tok::word).collect();
                let c = c.clamp(1, 5000);
                return match tail.as_slice() {
                    ["from", "now" | "today"] | ["hence"] => Some(Span::day(
                        cal::nth_weekday_after(a, wd, c, true)?,
                        "N <weekday>s from now = the N-th one strictly after",
                    )),
                    ["ago"] | ["back"] => Some(Span::day(
                        cal::nth_weekday_before(a, wd, c, true)?,
                        "N <weekday>s ago = the N-th one strictly before",
                    )),
                    _ => None,
                };
            }
        }
        // "this past Friday" = last Friday; "this coming Monday" = coming Monday.
        if let [th, r, x] = t {
            if let (true, Some(wd)) = (th.is("this"), words::weekday(x)) {
                match r.word() {
                    Some("past") => {
                        return Some(Span::day(
                            cal::nth_weekday_before(a, wd, 1, true)?,
                            "this past <weekday> = last <weekday>, the most recent one strictly before",
                        ))
                    }
                    Some("coming" | "upcoming") => {
                        return Some(Span::day(
                            cal::nth_weekday_after(a, wd, 1, true)?,
                            "this coming <weekday> = coming <weekday>, the next one strictly after",
                        ))
                    }
                    _ => {}
                }
            }
        }
        if let Some(s) = self.weekday_offset(t) {
            return Some(s);
        }
        // <wd> [from|of] <week>, <week> <wd>
        let (wd, rest) = if let Some(wd) = words::weekday(&t[0]) {
            let mut r = &t[1..];
            if matches!(w(r, 0), Some("from" | "in")) {
                r = &r[1..];
            }
            (wd, r)
        } else if let Some(wd) = words::weekday(&t[n - 1]) {
            (wd, &t[..n - 1])
        } else {
            return None;
        };
        let wk = self.week_rules(rest)?;
        if wk.grain != Grain::Week {
            return None;
        }
        Some(Span::day(
            cal::weekday_in_week(wk.start, wd)?,
            "<weekday> of <week> = that weekday in that Monday-based week",
        ))
    }

    /// A weekday moved by N units, the weekday read by the direction of the move:
    /// US "a week ago Friday", "two weeks ago Tuesday", "a year ago Monday": the weekday
    /// as in the past tense (on or before the day said), then N units back;
    /// "a week from Friday": the weekday as in the future tense (strictly after), then N
    /// units on; British "Friday week", "Friday fortnight", "a week Friday" ("a week on
    /// Friday"): the coming weekday (strictly after), then one (two) weeks on.
    fn weekday_offset(&self, t: &[Tok]) -> Option<Span> {
        const BRITISH: &str =
            "<weekday> week / fortnight, a week on <weekday> (British) = the coming weekday (strictly after) 1 / 2 weeks later";
        let a = self.as_of;
        let back = |c: &Tok, x: &Tok, wd: Weekday| -> Option<Span> {
            let n = i64::from(words::count(c)?);
            let base = cal::nth_weekday_before(a, wd, 1, false)?;
            let d = self.shift_or_complain(base, words::unit(x)?, -n)?;
            Some(Span::day(d, "N units ago <weekday> = that weekday (on or before the day said) N units earlier"))
        };
        let on = |n: i64, u: Unit, wd: Weekday, rule: &'static str| -> Option<Span> {
            let base = cal::nth_weekday_after(a, wd, 1, true)?;
            Some(Span::day(self.shift_or_complain(base, u, n)?, rule))
        };
        match t {
            [c, x, dir, y] if words::unit(x).is_some() && words::weekday(y).is_some() => {
                let wd = words::weekday(y)?;
                match dir.word()? {
                    "ago" | "back" => back(c, x, wd),
                    "from" => on(
                        i64::from(words::count(c)?),
                        words::unit(x)?,
                        wd,
                        "N units from <weekday> = the coming weekday (strictly after) N units later",
                    ),
                    _ => None,
                }
            }
            // British: "a week Friday" ("a week on Friday": "on" is dropped), "two weeks Friday".
            [c, x, y] if words::unit(x) == Some(Unit::Week) && words::weekday(y).is_some() => {
                on(i64::from(words::count(c)?), Unit::Week, words::weekday(y)?, BRITISH)
            }
            // British: "Friday week", "Friday fortnight" (read as "Friday 2 weeks").
            [y, x] if x.is("week") && words::weekday(y).is_some() => on(1, Unit::Week, words::weekday(y)?, BRITISH),
            [y, c, x] if words::unit(x) == Some(Unit::Week) && words::weekday(y).is_some() => {
                on(i64::from(words::count(c)?), Unit::Week, words::weekday(y)?, BRITISH)
            }
            _ => None,
        }
    }

    /// "Monday, Feb 18", "Tuesday the 19th", "Thu 15th", "Jul 18, Fri".
    fn weekday_with_date(&self, t: &[Tok]) -> Option<Span> {
        let n = t.len();
        if n < 2 {
            return None;
        }
        let (wd, rest) = if let Some(wd) = words::weekday(&t[0]) {
            (wd, &t[1..])
        } else if let Some(wd) = words::weekday(&t[n - 1]) {
            (wd, &t[..n - 1])
        } else {
            return None;
        };
        let rule = "weekday + date: the current year (month) if the weekday fits, else the next one that does (previous in the past tense), within a year";
        // Years (or months) from the one said, in the order they are tried:
        // the current one, then the next (the previous in the past tense; the
        // next, then the previous, when the tense is unknown), no further: a
        // weekday that fits only years away is a slip, not a date ("Tuesday,
        // March 13" said in 2023 is not 2018).
        let order = |reach: i32| -> Vec<i32> {
            match self.tense_chosen() {
                Tense::Past => (0..=reach).map(|k| -k).collect(),
                Tense::Future => (0..=reach).collect(),
                Tense::Unknown => std::iter::once(0).chain((1..=reach).flat_map(|k| [k, -k])).collect(),
            }
        };
        if let Some((m, d, yr)) = month_day_parts(rest) {
            if !yr.is_empty() {
                let s = self.month_day(rest)?;
                return self.weekday_fits(wd, Span { rule: "weekday + full date: the date", ..s });
            }
            // The current year when the weekday fits it (the strongest sign of the
            // year meant), else the year next to it on the tense's side.
            for k in order(1) {
                if let Some(x) = ymd(self.as_of.year() + k, m, d) {
                    if x.weekday() == wd {
                        return Some(Span::day(x, rule));
                    }
                }
            }
            if let Some(x) = ymd(self.as_of.year(), m, d) {
                self.complain(format!(
                    "{x} is a {}, not a {}, and the year next to it does not fit either; the weekday and the \
                     date disagree (a slip in one of them): give the year, or check the weekday",
                    x.format("%A"),
                    weekday_name(wd)
                ));
            }
            return None;
        }
        if rest.len() == 1 {
            let d = words::dom(&rest[0])?;
            for k in order(12) {
                let first = cal::add_months(self.as_of, i64::from(k))?;
                if let Some(x) = ymd(first.year(), first.month(), d) {
                    if x.weekday() == wd {
                        return Some(Span::day(x, rule));
                    }
                }
            }
            return None;
        }
        let s = self.period(rest)?;
        if s.grain != Grain::Day {
            return None;
        }
        self.weekday_fits(wd, Span { rule: "weekday + full date: the date", ..s })
    }

    /// A weekday written beside a day must be that day's weekday: "Friday, 2013-10-30" or
    /// "Friday, a week ago" said on a Wednesday is not read (the weekday would be dropped).
    fn weekday_fits(&self, wd: Weekday, s: Span) -> Option<Span> {
        if s.start.weekday() == wd {
            return Some(s);
        }
        self.complain(format!(
            "{} is a {}, not a {}; the weekday and the date disagree",
            s.start,
            s.start.format("%A"),
            weekday_name(wd)
        ));
        None
    }

    fn month_rules(&self, t: &[Tok]) -> Option<Span> {
        let a = self.as_of;
        let span = |y: i32, m: u32, rule| Span::new(cal::month_span(y, m)?, Grain::Month, rule);
        match t {
            [x] => {
                let m = words::month(x)?;
                let cands: Vec<_> = (-1..=1).filter_map(|k| cal::month_span(a.year() + k, m)).collect();
                Span::new(
                    self.pick(&cands)?,
                    Grain::Month,
                    "month: by tense (past: on or before; future: on or after; unknown: nearest)",
                )
            }
            // "this past December" = last December (as "this past Friday" is last Friday).
            [t0, p, x] if t0.is("this") && p.is("past") && words::month(x).is_some() => {
                let m = words::month(x)?;
                let y = if m < a.month() { a.year() } else { a.year() - 1 };
                span(y, m, "last <month> = the most recent one before the current month")
            }
            [r, x] if words::month(x).is_some() && (words::rel(r).is_some() || r.is("upcoming")) => {
                let m = words::month(x)?;
                let cur = a.month();
                match words::rel(r).unwrap_or(Rel::Next) {
                    Rel::This => span(a.year(), m, "this <month> = that month of the current year"),
                    Rel::Next => {
                        let y = if m > cur { a.year() } else { a.year() + 1 };
                        span(y, m, "next <month> = the first one after the current month")
                    }
                    Rel::Last => {
                        let y = if m < cur { a.year() } else { a.year() - 1 };
                        span(y, m, "last <month> = the most recent one before the current month")
                    }
                }
            }
            [x, after, next] if after.is("after") && next.is("next") => {
                let m = words::month(x)?;
                let y = if m > a.month() { a.year() + 1 } else { a.year() + 2 };
                span(y, m, "<month> after next = the second one after the current month")
            }
            [x, rest @ ..] if !rest.is_empty() => {
                let m = words::month(x)?;
                let y = self.year_anchor(rest)?;
                if !cal::in_year_range(y) {
                    self.complain(format!("the year {y} is outside 1..9999"));
                    return None;
                }
                span(y, m, "month and year")
            }
            _ => None,
        }
    }

    /// "the 24th", "on the first", "20 of next month", "third day of October",
    /// "fifth last day of May", "last day of October 2015".
    fn day_of_month(&self, t: &[Tok]) -> Option<Span> {
        let a = self.as_of;
        if let [x] = t {
            words::ordinal(x)?;
            let d = words::dom(x)?;
            let cands: Vec<_> = (-2..=2)
                .filter_map(|k| {
                    let f = cal::add_months(a, k)?;
                    ymd(f.year(), f.month(), d).map(|x| (x, x))
                })
                .collect();
            let (x, _) = self.pick(&cands)?;
            return Some(Span::day(x, "day of month alone: month chosen by tense"));
        }
        // [last] day <period> / <nth> [last] day <period>
        let (n, from_end, rest) = match t {
            [l, d, rest @ ..] if (l.is("last") || l.is("final")) && d.is("day") => (1, true, rest),
            [o, l, d, rest @ ..] if l.is("last") && d.is("day") => (words::ordinal(o)?, true, rest),
            [o, d, rest @ ..] if d.is("day") => (words::ordinal(o)?, false, rest),
            [o, rest @ ..] => {
                // "20 of next month": a bare day number needs a month after it.
                words::dom(o)?;
                let p = self.period(rest)?;
                if p.grain != Grain::Month {
                    return None;
                }
                let d = add_days(p.start, i64::from(words::dom(o)?) - 1)?;
                return (d <= p.end).then(|| Span::day(d, "day of a month"));
            }
            _ => return None,
        };
        if rest.is_empty() {
            return None;
        }
        let p = self.period(rest)?;
        // A span of days too: "the first day of Passover", "the last day of Ramadan".
        if !matches!(p.grain, Grain::Month | Grain::Year | Grain::Quarter | Grain::Week | Grain::Span) {
            return None;
        }
        let n = i64::from(n.max(1)) - 1;
        let d = if from_end { add_days(p.end, -n)? } else { add_days(p.start, n)? };
        if d < p.start || d > p.end {
            return None;
        }
        // Counted from an edge known within a few days (`Span::margin`): as many days.
        let slack = if from_end { p.margin.1 } else { p.margin.0 };
        Span::unsure_day(
            d,
            if from_end { -slack } else { slack },
            if from_end { "N-th last day of a period" } else { "N-th day of a period" },
        )
    }

    /// "the day after Christmas", "the week after Easter", "the weekend before the
    /// 15th", "the month after May 5", "the Monday after Easter", "the Friday
    /// before Thanksgiving": the day, calendar week,
    /// weekend, calendar month or year, or weekday, next to a date: after its last
    /// day or before its first, strictly. ("A week after May 5", with a count, is
    /// that day: `offset_rules`.)
    fn beside_date(&self, t: &[Tok]) -> Option<Span> {
        let [x, dir, rest @ ..] = t else { return None };
        let after = match dir.word()? {
            "after" | "following" => true,
            "before" | "preceding" => false,
            _ => return None,
        };
        let weekday = words::weekday(x);
        if rest.is_empty() || (weekday.is_none() && !matches!(x.word()?, "day" | "week" | "weekend" | "month" | "year"))
        {
            return None;
        }
        let p = self.period(rest)?;
        if let Some(wd) = weekday {
            let d = if after {
                cal::nth_weekday_after(p.end, wd, 1, true)?
            } else {
                cal::nth_weekday_before(p.start, wd, 1, true)?
            };
            return Some(Span::day(
                d,
                "<weekday> after/before a date = the first such day after its end / before its start",
            ));
        }
        let (edge, step) = if after { (p.end, 1) } else { (p.start, -1) };
        match x.word()? {
            "day" => {
                // An end known within a few days (`Span::margin`) gives a day known as closely.
                let slack = if after { p.margin.1 } else { p.margin.0 };
                Span::unsure_day(
                    add_days(edge, step)?,
                    if after { -slack } else { slack },
                    "the day after/before a date = the day after its end / before its start",
                )
            }
            "week" => Span::new(
                cal::week_span(add_days(cal::week_start(edge)?, 7 * step)?)?,
                Grain::Week,
                "the week after/before a date = the Monday-to-Sunday week after / before the week it ends / starts in",
            ),
            "weekend" => {
                let sat = if after {
                    cal::nth_weekday_after(edge, Weekday::Sat, 1, true)?
                } else {
                    add_days(cal::nth_weekday_before(edge, Weekday::Sun, 1, true)?, -1)?
                };
                Span::new(
                    (sat, add_days(sat, 1)?),
                    Grain::Span,
                    "the weekend after/before a date = the first Saturday-Sunday wholly after its end / before its start",
                )
            }
            "month" => {
                let first = cal::add_months(edge, step)?;
                Span::new(
                    cal::month_span(first.year(), first.month())?,
                    Grain::Month,
                    "the month after/before a date = the calendar month after / before the one it ends / starts in",
                )
            }
            _ => Span::new(
                cal::year_span(edge.year().checked_add(i32::try_from(step).ok()?)?)?,
                Grain::Year,
                "the year after/before a date = the calendar year after / before the one it ends / starts in",
            ),
        }
    }

    /// "the past week", "over the past year", "this past month": in news, the
    /// days up to the day said (a rolling week), and for a reader of dates the
    /// calendar unit before (as "last week" is). Both are meant, so the reading
    /// covers both: the first day of the calendar unit before to the day said.
    /// "last week" and "the past decade" (TimeML) stay calendar units, and so
    /// does "the past year" inside a longer expression ("the end of the past
    /// year" is the end of the calendar year): this is a rule of `top` alone.
    fn past_unit(&self, t: &[Tok]) -> Option<Span> {
        let unit = match t {
            // Singular: "the past weeks" names no number of them.
            [p, u] | [_, p, u] if p.is("past") && (t.len() == 2 || t[0].is("this")) && !u.word()?.ends_with('s') => {
                words::unit(u)?
            }
            _ => return None,
        };
        let a = self.as_of;
        let start = match unit {
            Unit::Week => add_days(cal::week_start(a)?, -7)?,
            Unit::Month => cal::add_months(ymd(a.year(), a.month(), 1)?, -1)?,
            Unit::Year => ymd(a.year() - 1, 1, 1)?,
            _ => return None,
        };
        Span::new(
            (start, a),
            Grain::Span,
            "the past week/month/year = from the calendar unit before to the day said (the last 7 days, 30 days or \
             12 months, and the calendar unit before)",
        )
    }

    /// "over the next year", "in the coming month", "during the next decade"
    /// (the cleaner writes them `coming <unit> ahead`): the time from the day
    /// said on, as "the past year" is the time up to it. For a week, month
    /// or year both the rolling unit and the calendar unit after are meant,
    /// so the reading covers both: the day said to the end of the calendar
    /// unit after. A decade or a century ahead is the rolling one ("over the
    /// next decade" said in 2013 is not the 2020s): N years from the day said.
    fn unit_ahead(&self, t: &[Tok]) -> Option<Span> {
        let [c, u, ahead] = t else { return None };
        if !(c.is("coming") && ahead.is("ahead")) {
            return None;
        }
        let a = self.as_of;
        let end = match words::unit(u)? {
            Unit::Week => add_days(cal::week_start(a)?, 13)?,
            Unit::Month => add_days(cal::add_months(ymd(a.year(), a.month(), 1)?, 2)?, -1)?,
            Unit::Year => ymd(a.year() + 1, 12, 31)?,
            Unit::Decade => cal::shift_months_keep_day(a, 120)?,
            Unit::Century => cal::shift_months_keep_day(a, 1200)?,
            _ => return None,
        };
        Span::new(
            (a, end),
            Grain::Span,
            "over/in the next week, month or year = from the day said to the end of the calendar unit after (the \
             coming 7 days, month or 12 months, and the calendar unit after); a decade or century: N years from the day said",
        )
    }

    fn week_rules(&self, t: &[Tok]) -> Option<Span> {
        let a = self.as_of;
        let this_monday = cal::week_start(a)?;
        let wk = |monday: NaiveDate, rule| Span::new(cal::week_span(monday)?, Grain::Week, rule);
        let words: Vec<&str> = t.iter().map(|x| x.word().unwrap_or("#")).collect();
        match words.as_slice() {
            ["week"] | ["this" | "current" | "present", "week"] => {
                return wk(this_monday, "this week = the Monday-to-Sunday week of the day said")
            }
            ["last" | "past" | "previous" | "prior" | "preceding", "week"] | ["this", "past", "week"] => {
                return wk(add_days(this_monday, -7)?, "last week = the Monday-to-Sunday week before")
            }
            ["next" | "following" | "coming" | "upcoming", "week"] => {
                return wk(add_days(this_monday, 7)?, "next week = the Monday-to-Sunday week after")
            }
            ["week", "after", "next"] => return wk(add_days(this_monday, 14)?, "the week after next"),
            ["week", "before", "last"] => return wk(add_days(this_monday, -14)?, "the week before last"),
            ["weekend", "after", "next"] | ["weekend", "before", "last"] => {
                let sat = add_days(this_monday, if words[1] == "after" { 19 } else { -9 })?;
                return Span::new(
                    (sat, add_days(sat, 1)?),
                    Grain::Span,
                    "the weekend after next / before last = Saturday-Sunday of the week after next / before last",
                );
            }
            ["weekend"] | ["this" | "current", "weekend"] if self.tense_chosen() == Tense::Past => {
                // Said on a Monday, "talks over the weekend" (past tense) are the weekend just gone.
                let sat = if a.weekday().number_from_monday() >= 6 {
                    add_days(this_monday, 5)?
                } else {
                    add_days(this_monday, -2)?
                };
                return Span::new(
                    (sat, add_days(sat, 1)?),
                    Grain::Span,
                    "the weekend in the past tense = the most recent Saturday-Sunday (the current one on a weekend)",
                );
            }
            ["weekend"] | ["this" | "current", "weekend"] => {
                let sat = add_days(this_monday, 5)?;
                return Span::new(
                    (sat, add_days(sat, 1)?),
                    Grain::Span,
                    "this weekend = Saturday-Sunday of the current week",
                );
            }
            ["last" | "past" | "previous", "weekend"] | ["this", "past", "weekend"] => {
                let sat = add_days(this_monday, -2)?;
                return Span::new(
                    (sat, add_days(sat, 1)?),
                    Grain::Span,
                    "last weekend = Saturday-Sunday of the week before",
                );
            }
            ["coming" | "upcoming", "weekend"] | ["this", "coming" | "upcoming", "weekend"] => {
                // The next weekend not begun: this week's, said on a weekday.
                let on_weekend = a.weekday().number_from_monday() >= 6;
                let sat = add_days(this_monday, if on_weekend { 12 } else { 5 })?;
                return Span::new(
                    (sat, add_days(sat, 1)?),
                    Grain::Span,
                    "the coming weekend = the next Saturday-Sunday not begun (this week's, said Monday to Friday)",
                );
            }
            ["next" | "following", "weekend"] => {
                let sat = add_days(this_monday, 12)?;
                return Span::new(
                    (sat, add_days(sat, 1)?),
                    Grain::Span,
                    "next weekend = Saturday-Sunday of the week after",
                );
            }
            _ => {}
        }
        // "the week starting 9 December", "the week beginning/commencing Monday": the seven
        // days from that day (the Monday-based week when the day is a Monday).
        if let [x, s, rest @ ..] = t {
            if x.is("week") && matches!(s.word(), Some("starting" | "beginning" | "commencing")) && !rest.is_empty() {
                let d = self.period(rest)?;
                if d.grain != Grain::Day {
                    return None;
                }
                let se = (d.start, add_days(d.start, 6)?);
                return if d.start.weekday() == Weekday::Mon {
                    Span::new(se, Grain::Week, "the week starting <day> = the seven days from that day")
                } else {
                    Span::new(se, Grain::Span, "the week starting <day> = the seven days from that day")
                };
            }
        }
        // "the week of October 7th": the Monday-based week containing the day.
        if t.len() > 1 && t[0].is("week") {
            let d = self.period(&t[1..])?;
            if d.grain == Grain::Day {
                return wk(cal::week_start(d.start)?, "the week of <day> = the Monday-based week containing it");
            }
            return None;
        }
        // <nth> week <period>, last week <period>, <nth> last week <period>
        let (n, from_end, rest) = match t {
            [l, x, rest @ ..] if (l.is("last") || l.is("final")) && x.is("week") && !rest.is_empty() => (1, true, rest),
            [o, l, x, rest @ ..] if l.is("last") && x.is("week") && !rest.is_empty() => {
                (words::ordinal(o)?, true, rest)
            }
            [o, x, rest @ ..] if x.is("week") && !rest.is_empty() => (words::ordinal(o)?, false, rest),
            _ => return None,
        };
        let p = self.period(rest)?;
        if !matches!(p.grain, Grain::Month | Grain::Year | Grain::Quarter) {
            return None;
        }
        let weeks = cal::full_weeks((p.start, p.end));
        let n = n as usize;
        if n == 0 {
            return None;
        }
        if n > weeks.len() {
            self.too_few_weeks(p, n, weeks.len(), from_end);
            return None;
        }
        let monday = if from_end { weeks[weeks.len() - n] } else { weeks[n - 1] };
        wk(monday, "N-th week of a period = the N-th Monday-to-Sunday week lying wholly inside it")
    }

    /// "the fourth week of November" (2013): the month has only three weeks lying wholly
    /// inside it. Say so, and what to write instead.
    fn too_few_weeks(&self, p: Span, n: usize, have: usize, from_end: bool) {
        let name = match p.grain {
            Grain::Month => p.start.format("%B %Y").to_string(),
            Grain::Quarter => format!("Q{} {}", p.start.month0() / 3 + 1, p.start.year()),
            _ => p.start.year().to_string(),
        };
        let suffix = super::lexer::ordinal_suffix(n);
        let nth = if from_end { format!("{n}{suffix} last") } else { format!("{n}{suffix}") };
        let mut msg = format!(
            "{name} has only {have} whole Monday-Sunday week{}, so it has no {nth} week (the N-th week of a period is the N-th week lying wholly inside it)",
            if have == 1 { "" } else { "s" }
        );
        if have > 0 {
            msg.push_str(&format!("; write 'the last week of {name}' for the last whole one"));
        }
        // The Monday n-1 weeks after the first one, if it still lies in the period: the
        // week most readers mean, named by a day in it.
        let first = cal::nth_weekday_after(p.start, Weekday::Mon, 1, false);
        let monday = first.and_then(|m| add_days(m, 7 * (n as i64 - 1)));
        if let Some(m) = monday.filter(|m| !from_end && *m <= p.end) {
            msg.push_str(&format!(", or name the week by a day in it, as in 'the week of {}'", m.format("%B %-d")));
        }
        self.complain(msg);
    }

    fn month_relative(&self, t: &[Tok]) -> Option<Span> {
        let a = self.as_of;
        let words: Vec<&str> = t.iter().map(|x| x.word().unwrap_or("#")).collect();
        let (k, rule) = match words.as_slice() {
            ["month"] | ["this" | "current" | "present", "month"] => {
                (0, "this month = the calendar month of the day said")
            }
            ["last" | "past" | "previous" | "prior" | "preceding", "month"] => {
                (-1, "last month = the calendar month before")
            }
            ["next" | "following" | "coming" | "upcoming", "month"] => (1, "next month = the calendar month after"),
            ["month", "after", "next"] => (2, "the month after next"),
            ["month", "before", "last"] => (-2, "the month before last"),
            _ => return None,
        };
        let f = cal::add_months(a, k)?;
        Span::new(cal::month_span(f.year(), f.month())?, Grain::Month, rule)
    }

    fn quarter_rules(&self, t: &[Tok]) -> Option<Span> {
        let a = self.as_of;
        let cur_q = (a.month() - 1) / 3 + 1;
        let q_of = |y: i32, q: u32, rule| Span::new(cal::quarter_span(y, q)?, Grain::Quarter, rule);
        let shift = |k: i32, rule| {
            let idx = a.year() * 4 + cur_q as i32 - 1 + k;
            q_of(idx.div_euclid(4), (idx.rem_euclid(4) + 1) as u32, rule)
        };
        let words: Vec<&str> = t.iter().map(|x| x.word().unwrap_or("#")).collect();
        match words.as_slice() {
            ["quarter"] | ["this" | "current", "quarter"] => {
                return shift(0, "this quarter = the calendar quarter of the day said")
            }
            ["last" | "past" | "previous" | "prior", "quarter"] => {
                return shift(-1, "last quarter = the calendar quarter before")
            }
            ["next" | "following" | "coming", "quarter"] => {
                return shift(1, "next quarter = the calendar quarter after")
            }
            _ => {}
        }
        // Q3, q3 2013, 2018Q4, 18q4
        match t {
            [q, n] if q.is("q") => {
                let q = n.num()?.0;
                let cands: Vec<_> = (-1..=1).filter_map(|k| cal::quarter_span(a.year() + k, q)).collect();
                return Span::new(self.pick(&cands)?, Grain::Quarter, "quarter alone: year chosen by tense");
            }
            [q, n, rest @ ..] if q.is("q") => {
                let y = self.year_anchor(rest)?;
                return q_of(y, n.num()?.0, "quarter of a year");
            }
            // "1Q14", "3Q 2013": the quarter before the Q, the year after it.
            [n, q, y] if q.is("q") && n.num().is_some_and(|x| x.1 == 1 && (1..=4).contains(&x.0)) => {
                let (v, digits, ord) = y.num()?;
                let y = match (digits, ord) {
                    (4, false) => v as i32,
                    (2, false) => cal::expand_two_digit_year(v, a.year()),
                    _ => return None,
                };
                return q_of(y, n.num()?.0, "quarter of a year");
            }
            [y, q, n] if q.is("q") => {
                let (v, digits, _) = y.num()?;
                let y = match digits {
                    4 => v as i32,
                    2 => cal::expand_two_digit_year(v, a.year()),
                    _ => return None,
                };
                return q_of(y, n.num()?.0, "quarter of a year");
            }
            _ => {}
        }
        // <nth> quarter [<year>]
        let (q, rest) = match t {
            [o, x, rest @ ..] if words::unit(x) == Some(Unit::Quarter) => {
                let q = if matches!(o.word(), Some("final" | "last")) {
                    if rest.is_empty() && o.is("last") {
                        return None;
                    }
                    4
                } else {
                    words::ordinal(o)?
                };
                (q, rest)
            }
            _ => return None,
        };
        if !(1..=4).contains(&q) {
            return None;
        }
        if rest.is_empty() {
            let cands: Vec<_> = (-1..=1).filter_map(|k| cal::quarter_span(a.year() + k, q)).collect();
            return Span::new(self.pick(&cands)?, Grain::Quarter, "quarter alone: year chosen by tense");
        }
        let y = self.year_anchor(rest)?;
        q_of(y, q, "quarter of a year")
    }

    /// Half-years: "H1 2014", "H2" (year by tense), "1H14", "2H 2013".
    fn half_year(&self, t: &[Tok]) -> Option<Span> {
        let one_digit = |x: &Tok| x.num().filter(|n| n.1 == 1 && !n.2 && (1..=2).contains(&n.0)).map(|n| n.0);
        let (half, rest) = match t {
            [h, n, rest @ ..] if h.is("h") => (one_digit(n)?, rest),
            [n, h, rest @ ..] if h.is("h") && !rest.is_empty() => (one_digit(n)?, rest),
            _ => return None,
        };
        let months = |y: i32| Some((cal::month_span(y, half * 6 - 5)?.0, cal::month_span(y, half * 6)?.1));
        if rest.is_empty() {
            let cands: Vec<_> = (-1..=1).filter_map(|k| months(self.as_of.year() + k)).collect();
            return Span::new(self.pick(&cands)?, Grain::Span, "half-year alone (H1, H2): year chosen by tense");
        }
        let y = match rest {
            [x] if x.num().is_some_and(|n| n.1 == 2 && !n.2) => {
                cal::expand_two_digit_year(x.num()?.0, self.as_of.year())
            }
            _ => self.year_anchor(rest)?,
        };
        Span::new(months(y)?, Grain::Span, "half-year: H1 = January-June, H2 = July-December")
    }

    fn year_relative(&self, t: &[Tok]) -> Option<Span> {
        let a = self.as_of;
        let words: Vec<&str> = t.iter().map(|x| x.word().unwrap_or("#")).collect();
        let (k, rule) = match words.as_slice() {
            ["year"] | ["this" | "current" | "present", "year"] => (0, "this year = the calendar year of the day said"),
            ["last" | "past" | "previous" | "prior" | "preceding", "year"] | ["year", "before"] => {
                (-1, "last year = the calendar year before")
            }
            ["next" | "following" | "coming", "year"] => (1, "next year = the calendar year after"),
            ["year", "after", "next"] => (2, "the year after next"),
            ["year", "before", "last"] => (-2, "the year before last"),
            _ => return None,
        };
        Span::new(cal::year_span(a.year() + k)?, Grain::Year, rule)
    }

    fn season_rules(&self, t: &[Tok]) -> Option<Span> {
        let a = self.as_of;
        let y = a.year();
        let sp = |se, rule| Span::new(se, Grain::Season, rule);
        // generic "this/last/next season"
        if t.len() == 2 && matches!(w(t, 1), Some("season" | "seasons")) {
            let list = season_list(y);
            let cur = list.iter().position(|s| s.0 <= a && a <= s.1)?;
            let (k, rule) = match words::rel(&t[0]).or(t[0].is("upcoming").then_some(Rel::Next))? {
                Rel::This => (cur, "this season = the season containing the day said"),
                Rel::Last => (cur.checked_sub(1)?, "last season = the season before the current one"),
                Rel::Next => (cur + 1, "next season = the season after the current one"),
            };
            return sp(*list.get(k)?, rule);
        }
        let (rel, s, rest) = match t {
            [x, rest @ ..] if words::season(x).is_some() => (None, words::season(x)?, rest),
            [r, x, rest @ ..] if words::season(x).is_some() => {
                (Some(words::rel(r).or(r.is("upcoming").then_some(Rel::Next))?), words::season(x)?, rest)
            }
            _ => return None,
        };
        let occ: Vec<_> = (y - 2..=y + 2).filter_map(|yy| season_span(s, yy)).collect();
        if !rest.is_empty() {
            if rel.is_some() {
                return None;
            }
            // "the winter of 2014-15": the winter that runs from the first year into the second.
            if let [y1, dash, y2] = rest {
                if let (Some((first, 4, false)), Some('-' | '/'), Some((second, 2 | 4, false))) =
                    (y1.num(), dash.sym(), y2.num())
                {
                    let first = first as i32;
                    let next = if second >= 100 { first + 1 } else { (first + 1).rem_euclid(100) };
                    if s == Season::Winter && next == second as i32 {
                        return sp(season_span(s, first)?, "the winter of Y-Y+1 = December Y to March Y+1");
                    }
                    return None;
                }
            }
            let yy = self.year_anchor(rest)?;
            return sp(season_span(s, yy)?, "season of a year (winter Y = December Y to March Y+1)");
        }
        match rel {
            None => sp(self.pick(&occ)?, "season alone: by tense"),
            Some(Rel::This) => {
                let found = occ.iter().find(|o| o.0 <= a && a <= o.1).copied().or_else(|| {
                    if self.tense_chosen() == Tense::Past {
                        occ.iter().rev().find(|o| o.1 < a).copied()
                    } else {
                        occ.iter().find(|o| o.0 > a).copied()
                    }
                })?;
                sp(found, "this <season> = the one containing the day said, else the coming one (the last one in the past tense)")
            }
            Some(Rel::Last) => {
                sp(*occ.iter().rev().find(|o| o.1 < a)?, "last <season> = the most recent one that has ended")
            }
            Some(Rel::Next) => {
                sp(*occ.iter().find(|o| o.0 > a)?, "next <season> = the first one that starts after the day said")
            }
        }
    }

    fn decade_rules(&self, t: &[Tok]) -> Option<Span> {
        let a = self.as_of;
        let dec = |y0: i32, rule| Span::new((ymd(y0, 1, 1)?, ymd(y0 + 9, 12, 31)?), Grain::Decade, rule);
        let cur = a.year().div_euclid(10) * 10;
        let words: Vec<&str> = t.iter().map(|x| x.word().unwrap_or("#")).collect();
        match words.as_slice() {
            ["decade"] | ["this" | "current", "decade"] => {
                return dec(cur, "this decade = the calendar decade (2010-2019) of the day said")
            }
            ["last" | "past" | "previous", "decade"] => {
                return dec(cur - 10, "last/past decade = the calendar decade before (TimeML)")
            }
            [which @ ("last" | "past" | "previous" | "next" | "coming"), "century"] => {
                let c = a.year().div_euclid(100) * 100 + if matches!(*which, "next" | "coming") { 100 } else { -100 };
                return Span::new(
                    (ymd(c, 1, 1)?, ymd(c + 99, 12, 31)?),
                    Grain::Century,
                    "last/next century = the 100 years before/after this century's (1900-1999 said in 2013)",
                );
            }
            ["next" | "coming", "decade"] => return dec(cur + 10, "next decade = the calendar decade after"),
            ["century"] | ["this" | "current", "century"] => {
                let c = a.year().div_euclid(100) * 100;
                return Span::new(
                    (ymd(c, 1, 1)?, ymd(c + 99, 12, 31)?),
                    Grain::Century,
                    "this century = 100 years from a year ending in 00 (TimeML)",
                );
            }
            _ => {}
        }
        // "the eighties", "the noughties": as "the 80s" (the last such decade, not a future one).
        if let [w] = t {
            if let Some(tens) = w.word().and_then(words::decade_word) {
                let y = cal::expand_two_digit_year(tens, a.year());
                let y0 = if y > a.year() { y - 100 } else { y };
                return dec(
                    y0,
                    "decade in words: the eighties = the 80s, the last such decade (1980-1989 said in 2013)",
                );
            }
        }
        match t {
            // 1990s, 70s, '80s
            [x, s] | [_, x, s] if s.is("s") && s.glued => {
                if t.len() == 3 && t[0].sym() != Some('\'') {
                    return None;
                }
                let (v, digits, ord) = x.num()?;
                if ord || v % 10 != 0 {
                    return None;
                }
                let y0 = match digits {
                    4 => v as i32,
                    2 if t.len() == 3 || v >= 10 => {
                        let y = cal::expand_two_digit_year(v, a.year());
                        // "the 70s" said in 2013 is 1970-1979 even though 2070 is not far off.
                        if y > a.year() {
                            y - 100
                        } else {
                            y
                        }
                    }
                    _ => return None,
                };
                // "the 1800s" is the century, as English uses it; "the 2000s" stays the
                // decade (2000-2009), which is how the news uses it.
                if digits == 4 && y0 % 100 == 0 && y0 != 2000 {
                    return Span::new(
                        (ymd(y0, 1, 1)?, ymd(y0 + 99, 12, 31)?),
                        Grain::Century,
                        "a year ending in 00 with s: the 1800s = the century 1800-1899 (the 2000s: the decade)",
                    );
                }
                dec(y0, "decade: the 1990s = 1990-1999")
            }
            // 20th century
            [o, c] if words::unit(c) == Some(Unit::Century) => {
                let n = words::ordinal(o)? as i32;
                if !(1..=100).contains(&n) {
                    return None;
                }
                let y0 = (n - 1) * 100;
                Span::new(
                    (ymd(y0.max(1), 1, 1)?, ymd(y0 + 99, 12, 31)?),
                    Grain::Century,
                    "N-th century = the years (N-1)00 to (N-1)99 (TimeML)",
                )
            }
            _ => None,
        }
    }

    fn shift(&self, d: NaiveDate, u: Unit, n: i64) -> Option<NaiveDate> {
        match u {
            Unit::Day => add_days(d, n),
            Unit::Week => add_days(d, n.checked_mul(7)?),
            Unit::Month => cal::shift_months_keep_day(d, n),
            Unit::Quarter => cal::shift_months_keep_day(d, n.checked_mul(3)?),
            Unit::Year => cal::shift_months_keep_day(d, n.checked_mul(12)?),
            Unit::Decade => cal::shift_months_keep_day(d, n.checked_mul(120)?),
            Unit::Century => cal::shift_months_keep_day(d, n.checked_mul(1200)?),
        }
    }

    /// `shift`, with a complaint when the result falls outside the calendar (a year in
    /// range is checked on the whole reading, `read_date`).
    fn shift_or_complain(&self, d: NaiveDate, u: Unit, n: i64) -> Option<NaiveDate> {
        let x = self.shift(d, u, n);
        if x.is_none() {
            let units = match u {
                Unit::Day => "days",
                Unit::Week => "weeks",
                Unit::Month => "months",
                Unit::Quarter => "quarters",
                Unit::Year => "years",
                Unit::Decade => "decades",
                Unit::Century => "centuries",
            };
            let way = if n < 0 { "before" } else { "after" };
            self.complain(format!("{} {units} {way} {d} is outside the years 1..9999", n.unsigned_abs()));
        }
        x
    }

    /// An offset point: "three days ago", "in two weeks", "2 years from now",
    /// "3 days after May 5". Days/weeks/months give a day; years give the year (TimeML).
    fn offset_rules(&self, t: &[Tok]) -> Option<Span> {
        let a = self.as_of;
        // "in two to three weeks", "in 2-3 weeks", "in two or three weeks".
        if let [i, c1, to, c2, x] = t {
            let conn = to.is("to") || to.is("or") || to.sym() == Some('-');
            if i.is("in") && conn {
                let (n1, n2, u) = (words::count(c1)?, words::count(c2)?, words::unit(x)?);
                if n1 >= n2 {
                    return None;
                }
                if matches!(u, Unit::Year | Unit::Decade | Unit::Century) {
                    let (y1, y2) = (
                        self.shift_or_complain(a, u, i64::from(n1))?.year(),
                        self.shift_or_complain(a, u, i64::from(n2))?.year(),
                    );
                    return Span::new(
                        (cal::year_span(y1)?.0, cal::year_span(y2)?.1),
                        Grain::Span,
                        "in N to M years = from that calendar year to that one (TimeML years)",
                    );
                }
                let (s, e) =
                    (self.shift_or_complain(a, u, i64::from(n1))?, self.shift_or_complain(a, u, i64::from(n2))?);
                return Span::new((s, e), Grain::Span, "in N to M units = from N units to M units after the day said");
            }
        }
        // "a year ago today", "a week ago yesterday", "a year ago this week", "five
        // years ago this month": the day (week, month) the rest names, said
        // that many units before: an anniversary, not the calendar year.
        if let [c, x, ago, rest @ ..] = t {
            let anniversary = matches!(w(rest, 0), Some("today" | "yesterday" | "tomorrow" | "this" | "last"))
                && rest.len() <= 2
                && (ago.is("ago") || ago.is("back"));
            if anniversary {
                let then = self.shift_or_complain(a, words::unit(x)?, -i64::from(words::count(c)?))?;
                let earlier = Parser { as_of: then, ..self.with_tense(self.tense) };
                let p = earlier.period(rest);
                self.adopt(&earlier);
                let p = p?;
                return Span::new(
                    (p.start, p.end),
                    p.grain,
                    "N units ago today (this week, ...) = that day (week, ...) as said N units before",
                );
            }
        }
        // "two to three weeks ago", "two or three days ago", "2-3 years ago"; "a
        // day or two ago", "a week or two back" (as "one or two days ago").
        let counted = match t {
            [c1, to, c2, x, ago] if words::count(x).is_none() => Some((c1, to, c2, x, ago)),
            [c1, x, to, c2, ago] if to.is("or") && words::unit(x).is_some() => Some((c1, to, c2, x, ago)),
            _ => None,
        };
        if let Some((c1, to, c2, x, ago)) = counted {
            let conn = to.is("to") || to.is("or") || to.sym() == Some('-');
            if conn && (ago.is("ago") || ago.is("back")) {
                let (n1, n2, u) = (words::count(c1)?, words::count(c2)?, words::unit(x)?);
                if n1 >= n2 {
                    return None;
                }
                let (s, e) =
                    (self.shift_or_complain(a, u, -i64::from(n2))?, self.shift_or_complain(a, u, -i64::from(n1))?);
                if matches!(u, Unit::Year | Unit::Decade | Unit::Century) {
                    return Span::new(
                        (cal::year_span(s.year())?.0, cal::year_span(e.year())?.1),
                        Grain::Span,
                        "N to M years ago = from that calendar year to that one (TimeML years)",
                    );
                }
                return Span::new(
                    (s, e),
                    Grain::Span,
                    "N to M units ago = from M units to N units before the day said",
                );
            }
        }
        // "within two weeks", "within the next 10 days": from the day said to N units on.
        if let [i, body @ ..] = t {
            if i.is("within") {
                let next = is(body, 0, "next") || is(body, 0, "coming");
                let body = if next { &body[1..] } else { body };
                if let [c, x] = body {
                    let end = self.shift_or_complain(a, words::unit(x)?, i64::from(words::count(c)?))?;
                    return Span::new((a, end), Grain::Span, "within N units = from the day said to N units later");
                }
                // "within the next month", "within the coming year": one unit.
                if let ([x], true) = (body, next) {
                    let end = self.shift_or_complain(a, words::unit(x)?, 1)?;
                    return Span::new((a, end), Grain::Span, "within N units = from the day said to N units later");
                }
                return None;
            }
        }
        let (n, u, rest, sign): (u32, Unit, &[Tok], i64) = match t {
            [i, c, x] if i.is("in") => (words::count(c)?, words::unit(x)?, &[], 1),
            [c, x, rest @ ..] => {
                let n = words::count(c)?;
                let u = words::unit(x)?;
                let tail: Vec<&str> = rest.iter().take(2).filter_map(Tok::word).collect();
                match tail.as_slice() {
                    ["ago"] | ["back"] if rest.len() == 1 => (n, u, &[], -1),
                    ["hence"] | ["from", "now"] if rest.len() <= 2 && (rest.len() == 1 || rest[1].is("now")) => {
                        (n, u, &[], 1)
                    }
                    // "Three weeks later, the minister resigned": later (earlier) than
                    // an event the story tells, not than the day said.
                    [w @ ("later" | "earlier" | "before")] if rest.len() == 1 => {
                        self.anaphora(w);
                        return None;
                    }
                    ["from", "today"] if rest.len() == 2 => (n, u, &rest[1..], 1),
                    [s, ..] if matches!(*s, "after" | "from" | "before" | "since") && rest.len() > 1 => {
                        (n, u, &rest[1..], if *s == "before" { -1 } else { 1 })
                    }
                    _ => return None,
                }
            }
            _ => return None,
        };
        let n = i64::from(n) * sign;
        if rest.is_empty() {
            let d = self.shift_or_complain(a, u, n)?;
            if matches!(u, Unit::Year | Unit::Decade | Unit::Century) {
                return Span::new(
                    cal::year_span(d.year())?,
                    Grain::Year,
                    "N years ago / from now = that calendar year (TimeML)",
                );
            }
            return Some(Span::day(d, "N days/weeks/months ago or from now = that day"));
        }
        let p = self.period(rest)?;
        let d = self.shift_or_complain(p.start, u, n)?;
        Some(Span::day(d, "N units after/before a date = that day"))
    }

    /// "last 2 weeks", "next three days", "the past two months", "upcoming 2 weeks".
    fn counted_spans(&self, t: &[Tok]) -> Option<Span> {
        let a = self.as_of;
        let (r, n, u) = match t {
            [c, up, x] if up.is("upcoming") => return self.nth_next_unit(words::count(c)?, words::unit(x)?),
            [r, c, x] => {
                if r.is("upcoming") {
                    return self.nth_next_unit(words::count(c)?, words::unit(x)?);
                }
                // "the past several days", "the next several weeks": several is
                // read as the most it means (7), so the span holds every reading.
                let n = if c.is("several") { 7 } else { words::count(c)? };
                (words::rel(r)?, n, words::unit(x)?)
            }
            _ => return None,
        };
        if n == 0 || n > 1000 || r == Rel::This {
            return None;
        }
        let n = i64::from(n);
        let (first, rule) = match r {
            Rel::Last => (-n, "last/past N units = the N whole units before the current one"),
            _ => (1, "next N units = the N whole units after the current one"),
        };
        let (s, e) = match u {
            Unit::Day => (add_days(a, first)?, add_days(a, first + n - 1)?),
            Unit::Week => {
                let m = cal::week_start(a)?;
                (add_days(m, 7 * first)?, add_days(m, 7 * (first + n) - 1)?)
            }
            Unit::Month | Unit::Quarter | Unit::Year | Unit::Decade | Unit::Century => {
                let k = match u {
                    Unit::Month => 1,
                    Unit::Quarter => 3,
                    Unit::Year => 12,
                    Unit::Decade => 120,
                    _ => 1200,
                };
                let base = match u {
                    Unit::Month => ymd(a.year(), a.month(), 1)?,
                    Unit::Quarter => ymd(a.year(), (a.month() - 1) / 3 * 3 + 1, 1)?,
                    Unit::Year => ymd(a.year(), 1, 1)?,
                    // "the past two decades" = the two whole decades before this one.
                    Unit::Decade => ymd(a.year() - a.year().rem_euclid(10), 1, 1)?,
                    _ => ymd(a.year() - a.year().rem_euclid(100), 1, 1)?,
                };
                let s = cal::add_months(base, k * first)?;
                let e = add_days(cal::add_months(base, k * (first + n))?, -1)?;
                (s, e)
            }
        };
        Span::new((s, e), Grain::Span, rule)
    }

    /// Duckling's "upcoming two weeks" = the single unit two ahead.
    fn nth_next_unit(&self, n: u32, u: Unit) -> Option<Span> {
        let a = self.as_of;
        let n = i64::from(n.min(1000));
        let rule = "upcoming N units = the N-th unit after the current one (Duckling)";
        match u {
            Unit::Day => Some(Span::day(add_days(a, n)?, rule)),
            Unit::Week => Span::new(cal::week_span(add_days(cal::week_start(a)?, 7 * n)?)?, Grain::Week, rule),
            Unit::Month => {
                let f = cal::add_months(a, n)?;
                Span::new(cal::month_span(f.year(), f.month())?, Grain::Month, rule)
            }
            Unit::Quarter => {
                let f = cal::add_months(ymd(a.year(), (a.month() - 1) / 3 * 3 + 1, 1)?, 3 * n)?;
                Span::new(cal::quarter_span(f.year(), (f.month() - 1) / 3 + 1)?, Grain::Quarter, rule)
            }
            Unit::Year => Span::new(cal::year_span(a.year() + n as i32)?, Grain::Year, rule),
            _ => None,
        }
    }

    /// Named holidays (`holidays::NAMES`): "Christmas", "Thanksgiving",
    /// "Eid al-Fitr", "Rosh Hashanah", "the Easter weekend". Alone, the year is
    /// chosen by tense; "Christmas 2014" / "Easter next year" anchor it, and
    /// "next/last/this" count occurrences from the day said.
    fn holiday(&self, t: &[Tok]) -> Option<Span> {
        let (rel, t) = match t.first().and_then(words::rel) {
            Some(r) if t.len() > 1 => (Some(r), &t[1..]),
            _ => (None, t),
        };
        // The name's words: an apostrophe left by the lexer ("Presidents' Day") is no word.
        if !t.first().and_then(Tok::word).is_some_and(holidays::is_first_word) {
            return None;
        }
        let mut names: Vec<&str> = Vec::new();
        let mut ends: Vec<usize> = Vec::new();
        for (i, x) in t.iter().enumerate() {
            if x.sym() == Some('\'') {
                continue;
            }
            let Some(w) = x.word() else { break };
            names.push(w);
            ends.push(i + 1);
        }
        let Some((h, n)) = holidays::name_at(&names) else {
            if names.first() == Some(&"eid") {
                self.complain(
                    "'Eid' alone may be Eid al-Fitr (the end of Ramadan) or Eid al-Adha; name which".to_string(),
                );
            }
            return None;
        };
        let rest = &t[ends[n - 1]..];
        let rule = holidays::rule(h.anchor);
        let span_of = |o: &holidays::Occurrence| {
            let (s, e) = o.days;
            let span = if s == e { Some(Span::day(s, rule)) } else { Span::new((s, e), Grain::Span, rule) };
            Some(Span { margin: o.margin, ..span? })
        };
        if !rest.is_empty() {
            if rel.is_some() {
                return None;
            }
            let y = self.year_anchor(rest)?;
            return match holidays::occurrences(h, y).as_slice() {
                [one] => span_of(one),
                [] => None,
                [first, second, ..] => {
                    self.complain(format!(
                        "that holiday fell twice in {y} (on {} and on {}, by the arithmetical calendar); write the \
                         date instead",
                        first.core.0.format("%B %-d"),
                        second.core.0.format("%B %-d"),
                    ));
                    None
                }
            };
        }
        let a = self.as_of;
        let all: Vec<holidays::Occurrence> = (-2..=2).flat_map(|k| holidays::occurrences(h, a.year() + k)).collect();
        let cands: Vec<(NaiveDate, NaiveDate)> = all.iter().map(|o| o.days).collect();
        let d = match rel {
            None => self.pick(&cands)?,
            // This year's (the nearer, if it falls twice), even when the day said is past it.
            Some(Rel::This) => {
                cands.iter().filter(|c| c.0.year() == a.year()).min_by_key(|c| cal::distance(a, **c)).copied()?
            }
            Some(Rel::Next) => *cands.iter().find(|c| c.0 > a)?,
            Some(Rel::Last) => *cands.iter().rev().find(|c| c.1 < a)?,
        };
        span_of(all.iter().find(|o| o.days == d)?)
    }

    /// "first Tuesday of October", "last Friday of the month", "second Monday of last month",
    /// "third Tuesday after Christmas 2014".
    fn nth_of_period(&self, t: &[Tok]) -> Option<Span> {
        if let [o, x, dir, rest @ ..] = t {
            if let (Some(n), Some(wd)) = (words::ordinal(o), words::weekday(x)) {
                if dir.is("after") || dir.is("before") {
                    let p = self.period(rest)?;
                    let d = if dir.is("after") {
                        cal::nth_weekday_after(p.end, wd, n, true)?
                    } else {
                        cal::nth_weekday_before(p.start, wd, n, true)?
                    };
                    return Some(Span::day(d, "N-th <weekday> after/before a date (strictly)"));
                }
            }
        }
        let (n, from_end, wd, rest) = match t {
            [l, x, rest @ ..] if l.is("last") && words::weekday(x).is_some() && !rest.is_empty() => {
                (1, true, words::weekday(x)?, rest)
            }
            [o, x, rest @ ..] if words::weekday(x).is_some() && !rest.is_empty() => {
                (words::ordinal(o)?, false, words::weekday(x)?, rest)
            }
            _ => return None,
        };
        let mut rest = rest;
        if is(rest, 0, "in") {
            rest = &rest[1..];
        }
        let p = self.period(rest)?;
        if p.grain == Grain::Day || p.grain == Grain::Week {
            return None;
        }
        let d = if from_end {
            cal::nth_weekday_before(p.end, wd, n, false)?
        } else {
            cal::nth_weekday_after(p.start, wd, n, false)?
        };
        (d >= p.start && d <= p.end).then(|| Span::day(d, "N-th <weekday> of a period"))
    }

    fn part_rules(&self, t: &[Tok]) -> Option<Span> {
        // Single-token abbreviations.
        let abbrev = match t {
            [x] => match x.word()? {
                "eom" => Some((Part::End, Unit::Month)),
                "bom" => Some((Part::Beginning, Unit::Month)),
                "eoy" => Some((Part::End, Unit::Year)),
                "boy" => Some((Part::Beginning, Unit::Year)),
                _ => None,
            },
            _ => None,
        };
        if let Some((p, u)) = abbrev {
            let a = self.as_of;
            let base = if u == Unit::Month {
                Span::new(cal::month_span(a.year(), a.month())?, Grain::Month, "")?
            } else {
                Span::new(cal::year_span(a.year())?, Grain::Year, "")?
            };
            return self.apply_part(p, base);
        }
        let n = t.len();
        if n < 2 {
            return None;
        }
        // first/second half of <period>
        if n > 2 && t[1].is("half") {
            let p = match t[0].word() {
                Some("second" | "latter" | "last") => Part::SecondHalf,
                _ if words::ordinal(&t[0]) == Some(1) => Part::FirstHalf,
                _ if words::ordinal(&t[0]) == Some(2) => Part::SecondHalf,
                _ => return None,
            };
            let base = self.period(&t[2..])?;
            return self.apply_part(p, base);
        }
        // <part> to <part> <period>: "mid-to-late November", "early to mid-2014"
        if let Some(s) = self.two_parts(t) {
            return Some(s);
        }
        // <part> <period>, and "<period> end" ("year-end")
        if let Some(p) = words::part(&t[0]) {
            let mut rest = &t[1..];
            if is(rest, 0, "in") {
                rest = &rest[1..];
            }
            let base = self.period(rest)?;
            return self.apply_part(p, base);
        }
        if matches!(w(t, n - 1), Some("end")) {
            let base = self.period(&t[..n - 1])?;
            return self.apply_part(Part::End, base);
        }
        None
    }

    /// "mid-to-late November" = from the first day of mid-November to the last of late
    /// November. The parts must come in order ("late to early May" is no period).
    fn two_parts(&self, t: &[Tok]) -> Option<Span> {
        let p1 = words::part(t.first()?)?;
        let mut i = 1;
        while matches!(w(t, i), Some("to" | "through")) || t.get(i).and_then(Tok::sym) == Some('-') {
            i += 1;
        }
        let p2 = words::part(t.get(i)?)?;
        if p1 == p2 || p1 == Part::Rest || p2 == Part::Rest {
            return None;
        }
        let base = self.period(&t[i + 1..])?;
        let (a, b) = (self.apply_part(p1, base)?, self.apply_part(p2, base)?);
        if a.start > b.start || a.end > b.end {
            return None;
        }
        Span::new((a.start, b.end), Grain::Span, "parts X to Y of a period = from the start of X to the end of Y")
    }

    fn apply_part(&self, p: Part, s: Span) -> Option<Span> {
        let a = self.as_of;
        let mk = |se: (NaiveDate, NaiveDate), rule| Span::new(se, Grain::Span, rule);
        if p == Part::Rest {
            let start = if s.start <= a && a <= s.end { a } else { s.start };
            return mk((start, s.end), "rest of <period> = the day said to the period's end");
        }
        match s.grain {
            Grain::Day => Some(Span { rule: "part of a day = that day (time of day ignored)", ..s }),
            Grain::Week => {
                let (o1, o2, rule) = match p {
                    Part::Beginning | Part::Early => (0, 2, "part of week: beginning = Monday-Wednesday"),
                    Part::Mid => (1, 3, "part of week: mid = Tuesday-Thursday"),
                    Part::Late | Part::End => (4, 6, "part of week: end = Friday-Sunday"),
                    Part::FirstHalf => (0, 3, "half of week: Monday-Thursday"),
                    Part::SecondHalf => (3, 6, "half of week: Thursday-Sunday"),
                    Part::Rest => return None,
                };
                mk((add_days(s.start, o1)?, add_days(s.start, o2)?), rule)
            }
            Grain::Month => {
                let (y, m) = (s.start.year(), s.start.month());
                let len = cal::month_len(y, m)?;
                let (d1, d2, rule) = match p {
                    Part::Beginning | Part::Early => (1, 10, "part of month: early/beginning = days 1-10"),
                    Part::Mid => (11, 20, "part of month: mid = days 11-20"),
                    Part::Late | Part::End => (21, len, "part of month: late/end = days 21-end"),
                    Part::FirstHalf => (1, 15, "half of month: days 1-15"),
                    Part::SecondHalf => (16, len, "half of month: days 16-end"),
                    Part::Rest => return None,
                };
                mk((ymd(y, m, d1)?, ymd(y, m, d2)?), rule)
            }
            Grain::Quarter => {
                let y = s.start.year();
                let m0 = s.start.month();
                let (a1, a2, rule) = match p {
                    Part::Beginning | Part::Early => (0, 0, "part of quarter: early = its first month"),
                    Part::Mid => (1, 1, "part of quarter: mid = its middle month"),
                    Part::Late | Part::End => (2, 2, "part of quarter: late/end = its last month"),
                    Part::FirstHalf => return self.halves(s, true),
                    Part::SecondHalf => return self.halves(s, false),
                    Part::Rest => return None,
                };
                mk((cal::month_span(y, m0 + a1)?.0, cal::month_span(y, m0 + a2)?.1), rule)
            }
            Grain::Year => {
                let y = s.start.year();
                let (m1, m2, rule) = match p {
                    Part::Beginning => (1, 3, "part of year: beginning/start = January-March (Duckling)"),
                    Part::Early => (1, 4, "part of year: early = January-April (first third)"),
                    Part::Mid => (5, 8, "part of year: mid = May-August (middle third)"),
                    Part::Late => (9, 12, "part of year: late = September-December (last third)"),
                    Part::End => (9, 12, "part of year: end = September-December (Duckling)"),
                    Part::FirstHalf => (1, 6, "half of year: January-June"),
                    Part::SecondHalf => (7, 12, "half of year: July-December"),
                    Part::Rest => return None,
                };
                mk((cal::month_span(y, m1)?.0, cal::month_span(y, m2)?.1), rule)
            }
            Grain::Decade | Grain::Century => {
                let y0 = s.start.year();
                let len = s.end.year() - y0 + 1;
                let third = len / 3;
                let century = s.grain == Grain::Century;
                let (a1, a2, rule) = match p {
                    Part::Beginning | Part::Early if century => {
                        (0, third, "part of century: early = years 00-33 (1800-1833)")
                    }
                    Part::Mid if century => (third + 1, 2 * third, "part of century: mid = years 34-66 (1834-1866)"),
                    Part::Late | Part::End if century => {
                        (2 * third + 1, len - 1, "part of century: late = years 67-99 (1867-1899)")
                    }
                    Part::FirstHalf | Part::SecondHalf if century => {
                        let first = p == Part::FirstHalf;
                        (if first { 0 } else { len / 2 }, if first { len / 2 - 1 } else { len - 1 }, "half of century")
                    }
                    Part::Beginning | Part::Early => (0, third, "part of decade: early = years 0-3 (1990-1993)"),
                    Part::Mid => (third + 1, 2 * third, "part of decade: mid = years 4-6 (1994-1996)"),
                    Part::Late | Part::End => (2 * third + 1, len - 1, "part of decade: late = years 7-9 (1997-1999)"),
                    Part::FirstHalf => (0, len / 2 - 1, "half of decade"),
                    Part::SecondHalf => (len / 2, len - 1, "half of decade"),
                    Part::Rest => return None,
                };
                mk((ymd(y0 + a1, 1, 1)?, ymd(y0 + a2, 12, 31)?), rule)
            }
            Grain::Season | Grain::Span => {
                let days = (s.end - s.start).num_days() + 1;
                let third = days / 3;
                let (o1, o2, rule) = match p {
                    Part::Beginning | Part::Early => (0, third - 1, "part of a span: early = first third of its days"),
                    Part::Mid => (third, days - third - 1, "part of a span: mid = middle third of its days"),
                    Part::Late | Part::End => (days - third, days - 1, "part of a span: late = last third of its days"),
                    Part::FirstHalf => return self.halves(s, true),
                    Part::SecondHalf => return self.halves(s, false),
                    Part::Rest => return None,
                };
                mk((add_days(s.start, o1)?, add_days(s.start, o2)?), rule)
            }
        }
    }

    fn halves(&self, s: Span, first: bool) -> Option<Span> {
        let days = (s.end - s.start).num_days() + 1;
        let h = days / 2;
        let se = if first { (s.start, add_days(s.start, h - 1)?) } else { (add_days(s.start, h)?, s.end) };
        Span::new(se, Grain::Span, "half of a span: split by days")
    }

    /// "the last days of November", "the first days of December", "the final days of 2013",
    /// "the first three days of May": N days at the edge of a period (7 when no count is
    /// written: "the days" of an edge, a week's worth; our choice). The period must be
    /// longer than the days asked for.
    fn edge_days(&self, t: &[Tok]) -> Option<Span> {
        let (first, rest) = match t {
            [e, rest @ ..] if words::ordinal(e) == Some(1) || e.is("opening") => (true, rest),
            [e, rest @ ..] if matches!(e.word(), Some("last" | "final" | "closing" | "dying")) => (false, rest),
            _ => return None,
        };
        let (n, rest) = match rest {
            [d, rest @ ..] if d.is("days") => (7, rest),
            [c, d, rest @ ..] if d.is("days") => (words::count(c)?, rest),
            // "the first nine months of the year", "the last two weeks of March".
            [c, u, rest @ ..] if matches!(u.word(), Some("months" | "weeks" | "quarters")) => {
                return self.edge_units(first, words::count(c)?, words::unit(u)?, rest)
            }
            _ => return None,
        };
        if rest.is_empty() || n == 0 {
            return None;
        }
        let p = self.period(rest)?;
        let n = i64::from(n);
        if (p.end - p.start).num_days() < n {
            return None;
        }
        let se = if first { (p.start, add_days(p.start, n - 1)?) } else { (add_days(p.end, 1 - n)?, p.end) };
        Span::new(
            se,
            Grain::Span,
            if first {
                "the first days of X = its first 7 days (first N days: N)"
            } else {
                "the last/final days of X = its last 7 days (last N days: N)"
            },
        )
    }

    /// "the first nine months of the year", "the last two quarters of 2015",
    /// "the first two weeks of March": the first (last) N calendar months
    /// (quarters) of a period of whole months, or its first (last) N times 7
    /// days.
    fn edge_units(&self, first: bool, n: u32, unit: Unit, rest: &[Tok]) -> Option<Span> {
        if rest.is_empty() || n == 0 {
            return None;
        }
        let p = self.period(rest)?;
        let n = i64::from(n);
        let se = match unit {
            Unit::Week => {
                let days = 7 * n;
                if (p.end - p.start).num_days() + 1 < days {
                    return None;
                }
                if first {
                    (p.start, add_days(p.start, days - 1)?)
                } else {
                    (add_days(p.end, 1 - days)?, p.end)
                }
            }
            Unit::Month | Unit::Quarter => {
                let months = if unit == Unit::Quarter { 3 * n } else { n };
                // Whole months only, and no more of them than the period has.
                let whole = p.start.day() == 1 && add_days(p.end, 1)?.day() == 1;
                let length = i64::from(p.end.year() - p.start.year()) * 12 + i64::from(p.end.month())
                    - i64::from(p.start.month())
                    + 1;
                if !whole || months > length {
                    return None;
                }
                if first {
                    (p.start, add_days(cal::add_months(p.start, months)?, -1)?)
                } else {
                    (cal::add_months(add_days(p.end, 1)?, -months)?, p.end)
                }
            }
            _ => return None,
        };
        Span::new(se, Grain::Span, "the first/last N months (quarters, weeks) of X = its first/last N of them")
    }

    /// "the weekend of June 8", "the weekend of June 8-9": the Saturday and
    /// Sunday of the Monday-to-Sunday week holding the date, and the date
    /// itself if it lies outside them (a Friday).
    fn weekend_of(&self, t: &[Tok]) -> Option<Span> {
        if let [day @ .., x] = t {
            if x.is("weekend") && !day.is_empty() {
                return self.long_weekend(day);
            }
        }
        // "the July 4th weekend 2021": the year is the day's.
        if let [day @ .., x, y] = t {
            if x.is("weekend") && !day.is_empty() && self.year_number(std::slice::from_ref(y)).is_some() {
                let dated: Vec<Tok> = day.iter().chain(std::iter::once(y)).cloned().collect();
                return self.long_weekend(&dated);
            }
        }
        let [x, rest @ ..] = t else { return None };
        if !x.is("weekend") || rest.is_empty() {
            return None;
        }
        let p = self.period(rest).or_else(|| self.range(rest))?;
        // A Friday, Saturday or Sunday: the weekend of a Tuesday is no weekend.
        if (p.end - p.start).num_days() > 2 || !matches!(p.start.weekday(), Weekday::Fri | Weekday::Sat | Weekday::Sun)
        {
            return None;
        }
        let sat = cal::weekday_in_week(cal::week_start(p.start)?, Weekday::Sat)?;
        let sun = add_days(sat, 1)?;
        if p.end > sun {
            return None;
        }
        Span::new(
            (p.start.min(sat), sun),
            Grain::Span,
            "the weekend of a date = the Saturday-Sunday of its week (from the date, if a Friday)",
        )
    }

    /// "the Fourth of July weekend", "the July 4th weekend", "the Christmas
    /// weekend": the day and the Saturday-Sunday beside it, as the holiday's
    /// long weekend runs: a Friday or a Thursday to the Sunday after, a
    /// Monday or a Tuesday from the Saturday before; a Saturday from the
    /// Friday, a Sunday to the Monday (the days the holiday is kept on when
    /// it falls on a weekend). A Wednesday has no weekend beside it: not read.
    fn long_weekend(&self, day: &[Tok]) -> Option<Span> {
        let p = self.period(day)?;
        if p.start != p.end {
            return None;
        }
        let d = p.start;
        let (from, to) = match d.weekday() {
            Weekday::Thu => (0, 3),
            Weekday::Fri => (0, 2),
            Weekday::Sat => (-1, 1),
            Weekday::Sun => (-1, 1),
            Weekday::Mon => (-2, 0),
            Weekday::Tue => (-3, 0),
            Weekday::Wed => {
                self.complain(format!("{d} is a Wednesday: no weekend lies beside it; write the days meant"));
                return None;
            }
        };
        Span::new(
            (add_days(d, from)?, add_days(d, to)?),
            Grain::Span,
            "<day> weekend = the day and the Saturday-Sunday beside it (Thu/Fri to Sunday, Saturday before a \
             Mon/Tue; Fri-Sun for a Saturday, Sat-Mon for a Sunday); not read for a Wednesday",
        )
    }

    /// "the year to March", "the 12 months to June", "the three months to
    /// August", "the quarter to June", "the week ending Sept. 10", "the year
    /// ending June 30, 2017": the N units that end with X (a month: at its end).
    fn units_to(&self, t: &[Tok]) -> Option<Span> {
        // "the June quarter" (Australian and company reports): the quarter to June.
        if let [m, q] = t {
            if words::month(m).is_some() && q.is("quarter") {
                let p = self.period(std::slice::from_ref(m))?;
                let start = cal::add_months(p.start, -2)?;
                return Span::new(
                    (start, p.end),
                    Grain::Span,
                    "the <month> quarter = the three months that end with it",
                );
            }
        }
        let k = t.iter().position(|x| matches!(x.word(), Some("to" | "ending" | "ended")))?;
        let (n, unit) = match &t[..k] {
            // A plural with no count ("the weeks to Christmas") names no number of them.
            [u] if !u.word()?.ends_with('s') => (1, words::unit(u)?),
            [c, u] => (words::count(c)?, words::unit(u)?),
            _ => return None,
        };
        let rest = &t[k + 1..];
        if n == 0 || n > 1000 || rest.is_empty() {
            return None;
        }
        // "a quarter to 10" is a time of day; "a year to the day" an anniversary.
        let clock = unit == Unit::Quarter && rest[0].num().is_some_and(|(v, _, ord)| v <= 12 && !ord);
        if clock || rest.first().is_some_and(|x| x.is("day")) {
            return None;
        }
        let p = self.period(rest)?;
        let (n, end) = (i64::from(n), p.end);
        let start = match unit {
            Unit::Day => add_days(end, 1 - n)?,
            Unit::Week => add_days(end, 1 - 7 * n)?,
            Unit::Month | Unit::Quarter | Unit::Year => {
                let months = n * match unit {
                    Unit::Month => 1,
                    Unit::Quarter => 3,
                    _ => 12,
                };
                // A day that is not a month's last: the day after the same day N months back.
                if p.grain == Grain::Day && add_days(end, 1)?.day() != 1 {
                    add_days(cal::shift_months_keep_day(end, -months)?, 1)?
                } else {
                    cal::add_months(ymd(end.year(), end.month(), 1)?, 1 - months)?
                }
            }
            _ => return None,
        };
        Span::new((start, end), Grain::Span, "the N units to (ending) X = the N units that end with X")
    }

    /// "the turn of the year": December 16 to January 15 around a New Year (the second
    /// half of December and the first half of January); which New Year by tense
    /// (unknown: the nearest).
    fn turn_of_year(&self, t: &[Tok]) -> Option<Span> {
        let words: Vec<&str> = t.iter().map(|x| x.word().unwrap_or("#")).collect();
        if words.as_slice() == ["turn", "century"] {
            // The last three years of one century and the first three of the next
            // (the years the phrase is used for), which turn by tense.
            let c = self.as_of.year().div_euclid(100) * 100;
            let cands: Vec<_> = [c - 100, c, c + 100]
                .into_iter()
                .filter_map(|y| Some((ymd(y - 3, 1, 1)?, ymd(y + 3, 12, 31)?)))
                .collect();
            return Span::new(
                self.pick(&cands)?,
                Grain::Span,
                "the turn of the century = its last three years and the next one's first three (which by tense; \
                 unknown: nearest)",
            );
        }
        if !matches!(words.as_slice(), ["turn", "year"] | ["turn", "new", "year"]) {
            return None;
        }
        let y = self.as_of.year();
        let cands: Vec<_> = (y - 1..=y + 1).filter_map(|yy| Some((ymd(yy - 1, 12, 16)?, ymd(yy, 1, 15)?))).collect();
        Span::new(
            self.pick(&cands)?,
            Grain::Span,
            "the turn of the year = December 16 to January 15 (New Year by tense; unknown: nearest)",
        )
    }

    /// "the closest Monday to Oct 5th", "the second closest Mon to October fifth".
    fn closest_rule(&self, t: &[Tok]) -> Option<Span> {
        let (n, rest) = match t {
            [c, rest @ ..] if matches!(c.word(), Some("closest" | "nearest")) => (1, rest),
            [o, c, rest @ ..] if matches!(c.word(), Some("closest" | "nearest")) => (words::ordinal(o)?, rest),
            _ => return None,
        };
        let wd = words::weekday(rest.first()?)?;
        if !is(rest, 1, "to") {
            return None;
        }
        let p = self.period(&rest[2..])?;
        if p.grain != Grain::Day || !(1..=20).contains(&n) {
            return None;
        }
        let mut c: Vec<NaiveDate> = Vec::new();
        for k in 1..=n {
            c.push(cal::nth_weekday_after(p.start, wd, k, false)?);
            c.push(cal::nth_weekday_before(p.start, wd, k, true)?);
        }
        c.sort_by_key(|d| ((*d - p.start).num_days().abs(), *d));
        c.dedup();
        Some(Span::day(*c.get(n as usize - 1)?, "the N-th closest <weekday> to a date (ties: the earlier)"))
    }
}

/// The words that open an interval at one end, before what they bound ("by
/// Friday", "no later than June", "since 2010"), and which end they open.
pub(super) const OPEN_HEADS: &[(&[&str], Open)] = &[
    (&["not", "before"], Open::FromStart),
    (&["no", "earlier", "than"], Open::FromStart),
    (&["not", "earlier", "than"], Open::FromStart),
    (&["no", "sooner", "than"], Open::FromStart),
    (&["not", "sooner", "than"], Open::FromStart),
    (&["not", "until"], Open::FromStart),
    (&["as", "early", "as"], Open::FromStart),
    (&["as", "soon", "as"], Open::FromStart),
    (&["no", "later", "than"], Open::ToEnd),
    (&["not", "later", "than"], Open::ToEnd),
    (&["not", "after"], Open::ToEnd),
    (&["up", "to"], Open::ToEnd),
    (&["prior", "to"], Open::BeforeStart),
    // "ahead of Sunday's vote" ("of" is dropped), "in the run-up to Christmas".
    (&["ahead"], Open::BeforeStart),
    (&["run", "up", "to"], Open::BeforeStart),
    (&["runup", "to"], Open::BeforeStart),
    (&["up", "until"], Open::ToEnd),
    (&["up", "till"], Open::ToEnd),
    // "in time for Christmas" ("in" is dropped before a non-count).
    (&["time", "for"], Open::ToEnd),
    (&["later", "than"], Open::AfterEnd),
    (&["earlier", "than"], Open::BeforeStart),
    (&["after"], Open::AfterEnd),
    (&["since"], Open::FromStart),
    (&["from"], Open::FromStart),
    (&["starting"], Open::FromStart),
    (&["effective"], Open::FromStart),
    (&["beginning"], Open::FromStart),
    (&["before"], Open::BeforeStart),
    (&["by"], Open::ToEnd),
    (&["until"], Open::ToEnd),
    (&["till"], Open::ToEnd),
    (&["til"], Open::ToEnd),
    (&["through"], Open::ToEnd),
    (&["thru"], Open::ToEnd),
    (&["within"], Open::ToEnd),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Open {
    FromStart,
    AfterEnd,
    BeforeStart,
    ToEnd,
}

/// A partial date used by ranges: "13", "July 13", "13 July 2013", "May", "May 2013".
#[derive(Debug, Clone, Copy)]
struct Partial {
    day: Option<u32>,
    month: Option<u32>,
    year: Option<i32>,
    /// A weekday written before the day ("Monday 8 to Wednesday 10 November"): checked
    /// against the day once the month and year are known.
    weekday: Option<Weekday>,
}

fn partial(t: &[Tok]) -> Option<Partial> {
    let (weekday, t) = match t.first().and_then(words::weekday) {
        Some(wd) if t.len() > 1 => (Some(wd), &t[1..]),
        _ => (None, t),
    };
    let year4 = |x: &Tok| x.num().filter(|n| n.1 == 4 && !n.2 && n.0 > 0).map(|n| n.0 as i32);
    let p = |day: Option<u32>, month: Option<u32>, year: Option<i32>| {
        // A weekday names a day: "Monday May" is no partial date.
        (weekday.is_none() || day.is_some()).then_some(Partial { day, month, year, weekday })
    };
    match t {
        [d] if words::dom(d).is_some() => p(words::dom(d), None, None),
        [m] if words::month(m).is_some() => p(None, words::month(m), None),
        [m, y] if words::month(m).is_some() && year4(y).is_some() => p(None, words::month(m), year4(y)),
        // The end of "January 22-24, 2014": a day and the range's year.
        [d, y] if words::dom(d).is_some() && year4(y).is_some() => p(words::dom(d), None, year4(y)),
        [a, b] => {
            if let (Some(m), Some(d)) = (words::month(a), words::dom(b)) {
                return p(Some(d), Some(m), None);
            }
            if let (Some(d), Some(m)) = (words::dom(a), words::month(b)) {
                return p(Some(d), Some(m), None);
            }
            None
        }
        [a, b, c] => {
            let y = year4(c)?;
            if let (Some(m), Some(d)) = (words::month(a), words::dom(b)) {
                return p(Some(d), Some(m), Some(y));
            }
            if let (Some(d), Some(m)) = (words::dom(a), words::month(b)) {
                return p(Some(d), Some(m), Some(y));
            }
            None
        }
        _ => None,
    }
}

/// Month and day written with a month word, and whatever follows (a year, or nothing).
fn month_day_parts(t: &[Tok]) -> Option<(u32, u32, &[Tok])> {
    match t {
        [i, m, rest @ ..] if i.is("ides") => {
            let m = words::month(m)?;
            Some((m, if matches!(m, 3 | 5 | 7 | 10) { 15 } else { 13 }, rest))
        }
        [a, b, rest @ ..] => {
            if let (Some(m), Some(d)) = (words::month(a), words::dom(b)) {
                return Some((m, d, rest));
            }
            if let (Some(d), Some(m)) = (words::dom(a), words::month(b)) {
                return Some((m, d, rest));
            }
            // 31/Oct/1974 without a separator rule: handled by numeric_date.
            None
        }
        _ => None,
    }
}

/// The "as soon as possible" family, with its variants in the news: "as early
/// as is practically possible", "as soon as practicable", "as early as
/// circumstances permit" — `as <soon|early|quickly|...> as`, at most three
/// words of hedging, and an ending that says "when it can be done".
fn is_asap(words: &[&str]) -> bool {
    const SPEED: &[&str] = &["soon", "early", "quickly", "rapidly", "fast", "promptly", "speedily"];
    const END: &[&str] = &["possible", "practicable", "feasible", "permit", "permits", "allow", "allows"];
    const HEDGE: &[&str] = &[
        "is",
        "it",
        "practically",
        "reasonably",
        "humanly",
        "realistically",
        "circumstances",
        "circumstance",
        "conditions",
    ];
    match words {
        ["as", speed, "as", middle @ .., end] => {
            SPEED.contains(speed) && END.contains(end) && middle.len() <= 3 && middle.iter().all(|w| HEDGE.contains(w))
        }
        _ => false,
    }
}
