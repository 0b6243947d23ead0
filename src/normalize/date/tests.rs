//! One test per documented convention (see docs/temporal.md), plus robustness.

use chrono::NaiveDate;

use super::{read_date, tense_of, tense_of_said, Precision, Tense};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Read and return (start, end) as strings, "open" for an open end.
fn r(expr: &str, as_of: &str, tense: Tense) -> (String, String) {
    let x = read_date(expr, d(as_of), tense).unwrap_or_else(|e| panic!("{expr}: {e}"));
    let f = |o: Option<NaiveDate>| o.map_or("open".to_string(), |d| d.to_string());
    (f(x.start), f(x.end))
}

fn check(expr: &str, as_of: &str, tense: Tense, start: &str, end: &str) {
    assert_eq!(r(expr, as_of, tense), (start.to_string(), end.to_string()), "{expr} @ {as_of} ({tense:?})");
}

const U: Tense = Tense::Unknown;
const P: Tense = Tense::Past;
const F: Tense = Tense::Future;

#[test]
fn absolute_dates() {
    for e in [
        "7 July 2013",
        "July 7th, 2013",
        "July 7, 2013",
        "7/7/2013",
        "2013-07-07",
        "the 7th of July 2013",
        "7th of July, 2013",
    ] {
        check(e, "2013-10-07", U, "2013-07-07", "2013-07-07");
    }
    check("July 7th", "2013-10-07", U, "2013-07-07", "2013-07-07");
    check("2/15", "2013-02-12", U, "2013-02-15", "2013-02-15");
    check("September 4", "2013-08-09", U, "2013-09-04", "2013-09-04");
    check("March 7", "2013-08-09", U, "2013-03-07", "2013-03-07");
    check("June 2012", "2013-08-09", U, "2012-06-01", "2012-06-30");
    check("May of 2013", "2013-08-09", F, "2013-05-01", "2013-05-31");
    check("2013", "2016-01-01", U, "2013-01-01", "2013-12-31");
    check("the 1990s", "2013-01-01", U, "1990-01-01", "1999-12-31");
    check("20th century", "2013-01-01", U, "1900-01-01", "1999-12-31");
}

#[test]
fn bare_month_by_tense() {
    // Unknown: nearest. August said 2013-10-07 -> Aug 2013 (2 months back, not 10 ahead).
    check("August", "2013-10-07", U, "2013-08-01", "2013-08-31");
    check("August", "2013-10-07", F, "2014-08-01", "2014-08-31");
    check("August", "2013-03-22", P, "2012-08-01", "2012-08-31");
    // The current month is "on or before" and "on or after".
    check("March", "2013-03-22", P, "2013-03-01", "2013-03-31");
    check("March", "2013-03-22", F, "2013-03-01", "2013-03-31");
}

#[test]
fn bare_weekday_by_tense() {
    // Saturday 2016-03-05.
    check("late Friday", "2016-03-05", U, "2016-03-04", "2016-03-04");
    check("Friday night", "2016-03-05", P, "2016-03-04", "2016-03-04");
    // Same weekday as as_of: past/unknown = that day, future = a week later.
    check("Friday", "2016-03-04", P, "2016-03-04", "2016-03-04");
    check("Friday", "2016-03-04", U, "2016-03-04", "2016-03-04");
    check("Friday", "2016-03-04", F, "2016-03-11", "2016-03-11");
    check("Tuesday", "2016-03-05", F, "2016-03-08", "2016-03-08");
}

#[test]
fn relative_weekdays() {
    // Tuesday 2013-02-12.
    check("last Tuesday", "2013-02-12", U, "2013-02-05", "2013-02-05");
    check("next Monday", "2013-02-12", U, "2013-02-18", "2013-02-18");
    check("next Saturday", "2013-02-12", U, "2013-02-23", "2013-02-23");
    check("this Friday", "2013-02-12", U, "2013-02-15", "2013-02-15");
    check("friday after next", "2013-02-12", U, "2013-02-22", "2013-02-22");
    check("wednesday of next week", "2013-02-12", U, "2013-02-20", "2013-02-20");
}

#[test]
fn relative_days_and_offsets() {
    check("today", "2013-02-12", U, "2013-02-12", "2013-02-12");
    check("yesterday", "2013-02-12", U, "2013-02-11", "2013-02-11");
    check("tomorrow", "2013-02-12", U, "2013-02-13", "2013-02-13");
    check("late in the day", "2013-02-12", U, "2013-02-12", "2013-02-12");
    check("the day after tomorrow", "2013-02-12", U, "2013-02-14", "2013-02-14");
    check("three days ago", "2013-02-12", U, "2013-02-09", "2013-02-09");
    check("in two weeks", "2013-02-12", U, "2013-02-26", "2013-02-26");
    check("two weeks from now", "2013-02-12", U, "2013-02-26", "2013-02-26");
    check("a week ago", "2013-02-12", U, "2013-02-05", "2013-02-05");
    // Years ago: the calendar year (TimeML), not a day.
    check("four years ago", "2013-03-21", U, "2009-01-01", "2009-12-31");
}

#[test]
fn a_unit_next_to_a_date() {
    let f = Tense::Future;
    // Christmas 2013 is a Wednesday; Easter 2014 is Sunday 20 April.
    check("the day after Christmas", "2013-10-07", f, "2013-12-26", "2013-12-26");
    check("the day before Christmas", "2013-10-07", f, "2013-12-24", "2013-12-24");
    // The week: the calendar week after (before) the one the date ends (starts) in.
    check("the week after Easter", "2013-10-07", f, "2014-04-21", "2014-04-27");
    check("the week before Christmas", "2013-10-07", f, "2013-12-16", "2013-12-22");
    check("the week following Christmas", "2013-10-07", f, "2013-12-30", "2014-01-05");
    check("the week after May 5", "2013-02-12", f, "2013-05-06", "2013-05-12");
    // The weekend: the first Saturday-Sunday wholly after (before) it.
    check("the weekend after Easter", "2013-10-07", f, "2014-04-26", "2014-04-27");
    check("the weekend before Christmas", "2013-10-07", f, "2013-12-21", "2013-12-22");
    check("the weekend after next", "2013-10-07", U, "2013-10-26", "2013-10-27");
    check("the weekend before last", "2013-10-07", U, "2013-09-28", "2013-09-29");
    // A weekday: the first one strictly after (before).
    check("the Monday after Easter", "2013-10-07", f, "2014-04-21", "2014-04-21");
    check("the Friday before Christmas", "2013-10-07", f, "2013-12-20", "2013-12-20");
    check("the Monday after May 6", "2013-02-12", f, "2013-05-13", "2013-05-13");
    check("the month after Christmas", "2013-10-07", f, "2014-01-01", "2014-01-31");
    check("the year after 2014", "2013-10-07", U, "2015-01-01", "2015-12-31");
    // With a count it is that day, not the calendar week after.
    check("a week after May 5", "2013-02-12", f, "2013-05-12", "2013-05-12");
    check("the day after tomorrow", "2013-02-12", U, "2013-02-14", "2013-02-14");
}

#[test]
fn relative_periods() {
    check("this week", "2013-02-12", U, "2013-02-11", "2013-02-17");
    check("last week", "2013-02-12", U, "2013-02-04", "2013-02-10");
    // "the past week" covers last week and the days up to the day said (below).
    check("the past week", "2013-02-12", U, "2013-02-04", "2013-02-12");
    check("next month", "2013-02-12", U, "2013-03-01", "2013-03-31");
    check("the coming year", "2013-02-12", U, "2014-01-01", "2014-12-31");
    check("last quarter", "2007-01-18", U, "2006-10-01", "2006-12-31");
    check("the past two weeks", "2013-02-12", U, "2013-01-28", "2013-02-10");
    check("the last three months", "2013-02-12", U, "2012-11-01", "2013-01-31");
    check("July 7th this year", "2013-10-07", F, "2013-07-07", "2013-07-07");
}

#[test]
fn last_and_next_month_name() {
    // last <month> = the most recent one before the current month.
    check("last June", "2013-03-22", U, "2012-06-01", "2012-06-30");
    check("last September", "2009-10-12", U, "2009-09-01", "2009-09-30");
    check("last June", "2013-08-09", U, "2013-06-01", "2013-06-30");
    check("next March", "2013-02-12", U, "2013-03-01", "2013-03-31");
}

#[test]
fn parts_of_periods() {
    check("end of this month", "2013-08-09", U, "2013-08-21", "2013-08-31");
    check("early May of 2013", "2013-08-09", U, "2013-05-01", "2013-05-10");
    check("mid-November", "2013-10-01", U, "2013-11-11", "2013-11-20");
    check("mid November", "2013-10-01", U, "2013-11-11", "2013-11-20");
    check("the middle of November", "2013-10-01", U, "2013-11-11", "2013-11-20");
    check("early in September", "2013-08-09", U, "2013-09-01", "2013-09-10");
    check("late March", "2013-02-12", U, "2013-03-21", "2013-03-31");
    check("the beginning of the year", "2013-02-12", U, "2013-01-01", "2013-03-31");
    check("end of the year", "2013-02-12", U, "2013-09-01", "2013-12-31");
    check("early 2013", "2013-08-09", U, "2013-01-01", "2013-04-30");
    check("mid 2013", "2013-08-09", U, "2013-05-01", "2013-08-31");
    check("late 2013", "2013-08-09", U, "2013-09-01", "2013-12-31");
    check("first half of 2013", "2013-08-09", U, "2013-01-01", "2013-06-30");
    check("second half of November", "2013-10-01", U, "2013-11-16", "2013-11-30");
    check("end of this week", "2013-02-12", U, "2013-02-15", "2013-02-17");
}

#[test]
fn two_parts_of_one_period() {
    // "mid-to-late November": from the first day of mid-November to the last of late November.
    for e in ["mid-to-late November", "mid to late November", "mid- to late November", "mid-late November"] {
        check(e, "2013-11-08", U, "2013-11-11", "2013-11-30");
    }
    check("early to mid-2014", "2013-11-12", U, "2014-01-01", "2014-08-31");
    check("early-to-mid December", "2013-11-12", U, "2013-12-01", "2013-12-20");
    // The parts must come in order: "late to early November" is not a period.
    assert!(super::read_date("late to early November", d("2013-11-08"), U).is_err());
}

#[test]
fn weeks_of_a_month() {
    // November 2013 starts on a Friday: its first whole Monday-Sunday week is Nov 4-10.
    check("the first week of November 2013", "2013-10-01", U, "2013-11-04", "2013-11-10");
    check("the second week of November", "2013-10-01", U, "2013-11-11", "2013-11-17");
    check("last week of September 2014", "2013-02-12", U, "2014-09-22", "2014-09-28");
}

#[test]
fn seasons_and_quarters() {
    check("summer", "2013-02-12", F, "2013-06-21", "2013-09-23");
    check("this summer", "2013-02-12", U, "2013-06-21", "2013-09-23");
    check("last winter", "2013-08-09", U, "2012-12-21", "2013-03-20");
    check("Q3", "2013-08-09", U, "2013-07-01", "2013-09-30");
    check("the third quarter of 2013", "2014-01-01", U, "2013-07-01", "2013-09-30");
    check("the fourth quarter", "2006-08-19", U, "2006-10-01", "2006-12-31");
}

#[test]
fn within_a_count_of_units() {
    // "within two weeks" said on Nov 8: any day from the day said to two weeks later.
    for e in ["within two weeks", "within 2 weeks", "within the next two weeks"] {
        check(e, "2013-11-08", U, "2013-11-08", "2013-11-22");
    }
    check("within 10 days", "2013-11-08", F, "2013-11-08", "2013-11-18");
    check("within a month", "2013-11-08", U, "2013-11-08", "2013-12-08");
    // "within the next month" is "within a month", not "by the end of next month".
    check("within the next month", "2013-11-08", F, "2013-11-08", "2013-12-08");
    check("within the coming decade", "2013-11-08", F, "2013-11-08", "2023-11-08");
    // "within" before a period is still a deadline.
    check("within 2014", "2013-11-08", U, "open", "2014-12-31");
}

#[test]
fn open_intervals() {
    check("after August", "2013-06-01", U, "2013-09-01", "open");
    check("sometime after August", "2013-06-01", U, "2013-09-01", "open");
    check("by November", "2013-10-07", U, "open", "2013-11-30");
    check("until March", "2013-02-12", U, "open", "2013-03-31");
    check("since May", "2013-08-09", U, "2013-05-01", "open");
    check("since May", "2013-03-01", U, "2012-05-01", "open");
    check("no later than November 30", "2013-10-07", U, "open", "2013-11-30");
    check("not before May", "2013-02-12", U, "2013-05-01", "open");
    check("from May on", "2013-02-12", U, "2013-05-01", "open");
    check("before the end of the year", "2013-08-09", U, "open", "2013-12-31");
    check("before May", "2013-02-12", U, "open", "2013-04-30");
    let x = read_date("after August", d("2013-06-01"), U).unwrap();
    assert_eq!(x.precision, Precision::Open);
}

#[test]
fn ranges() {
    for e in
        ["between 8 and 14 November", "8-14 November", "November 8 to 14", "from 8 to 14 November", "Nov 8 - Nov 14"]
    {
        check(e, "2013-10-07", U, "2013-11-08", "2013-11-14");
    }
    check("from May to July", "2013-02-12", U, "2013-05-01", "2013-07-31");
    check("May through July", "2013-02-12", U, "2013-05-01", "2013-07-31");
    check("December 28 to January 3", "2013-12-01", U, "2013-12-28", "2014-01-03");
    check("18th Dec for 10 days", "2013-02-12", F, "2013-12-18", "2013-12-28");
}

#[test]
fn day_range_with_the_year_after_it() {
    // US news style: the month before the days, the year after the range.
    for e in ["January 22\u{2013}24, 2014", "Jan. 22-24, 2014", "January 22 to 24 2014"] {
        check(e, "2013-11-12", U, "2014-01-22", "2014-01-24");
    }
    check("Dec. 30 - Jan. 2, 2014", "2013-11-12", U, "2013-12-30", "2014-01-02");
}

#[test]
fn vague() {
    let x = read_date("as soon as possible", d("2013-08-09"), U).unwrap();
    assert_eq!((x.start, x.end, x.precision), (Some(d("2013-08-09")), None, Precision::Vague));
    for e in [
        "at the earliest possible time",
        "as early as possible",
        "in due course",
        "as early as is practically possible",
        "as soon as practicable",
        "as early as circumstances permit",
    ] {
        check(e, "2013-08-09", U, "2013-08-09", "open");
    }
    check("soon", "2013-08-09", U, "2013-08-09", "2013-11-07");
    check("shortly", "2013-08-09", U, "2013-08-09", "2013-09-08");
    check("in the coming weeks", "2013-08-09", U, "2013-08-09", "2013-10-04");
    check("in the near future", "2013-08-09", U, "2013-08-09", "2013-11-07");
    check("later this year", "2013-08-09", U, "2013-08-10", "2013-12-31");
    check("earlier this month", "2013-08-09", U, "2013-08-01", "2013-08-08");
    assert_eq!(read_date("soon", d("2013-08-09"), U).unwrap().precision, Precision::Vague);
}

#[test]
fn fillers_and_typos() {
    check("sometimes in August", "2013-10-07", U, "2013-08-01", "2013-08-31");
    check("around the 7th of July", "2013-10-07", U, "2013-07-07", "2013-07-07");
    check("on September 4th.", "2013-08-09", U, "2013-09-04", "2013-09-04");
    check("(at the end of this month)", "2013-08-09", U, "2013-08-21", "2013-08-31");
}

#[test]
fn anchored_year_ignores_tense() {
    check("May of 2013", "2013-08-09", F, "2013-05-01", "2013-05-31");
    check("July 7th this year", "2013-03-01", P, "2013-07-07", "2013-07-07");
}

#[test]
fn holidays() {
    check("Christmas", "2013-02-12", F, "2013-12-25", "2013-12-25");
    check("Easter 2013", "2013-02-12", U, "2013-03-31", "2013-03-31");
    check("three days after Easter", "2013-02-12", F, "2013-04-03", "2013-04-03");
}

#[test]
fn errors_name_the_part() {
    let e = read_date("next blursday", d("2013-02-12"), U).unwrap_err();
    assert!(e.message.contains("blursday"), "{}", e.message);
    let e = read_date("2013-02-30", d("2013-02-12"), U).unwrap_err();
    assert!(e.message.contains("not a calendar date"), "{}", e.message);
    let e = read_date("10000", d("2013-02-12"), U).unwrap_err();
    assert!(e.message.contains("10000"), "{}", e.message);
    assert!(read_date("0000", d("2013-02-12"), U).is_err());
    assert!(read_date("", d("2013-02-12"), U).is_err());
    // A five-digit year is named as such, not read as a day of the month ("2001-01-10000").
    let e = read_date("10000-01-01", d("2013-02-12"), U).unwrap_err();
    assert!(e.message.contains("the year 10000 is outside 1..9999"), "{}", e.message);
    // ISO 8601's basic form YYYYMMDD is a day; eight digits that make no month are a year out of range.
    check("20130809", "2013-02-12", U, "2013-08-09", "2013-08-09");
    assert!(read_date("20130230", d("2013-02-12"), U).unwrap_err().message.contains("not a calendar date"));
    assert!(read_date("20131309", d("2013-02-12"), U).is_err());
    // A count of hours or minutes needs a time of day to count from: said so, in any spelling.
    for (expr, counted) in [
        ("2 hours ago", "hours"),
        ("2 h ago", "hours"),
        ("the 3 h session", "hours"),
        ("in 24 hours", "hours"),
        ("the past 200 hours", "hours"),
        ("an hour ago", "hours"),
        ("in 3 mins", "minutes"),
        ("ten minutes ago", "minutes"),
        ("30 seconds later", "seconds"),
    ] {
        let e = read_date(expr, d("2013-02-12"), U).unwrap_err();
        let want = format!("cannot read '{expr}' as a date: {counted} are counted from a time of day");
        assert!(e.message.contains(&want), "{expr}: {}", e.message);
    }
}

#[test]
fn never_panics() {
    let long = "a".repeat(100_000);
    let nested = "early ".repeat(60) + "May";
    let inputs = [
        "",
        " ",
        "...",
        "99999999999/1/1",
        "1/99999999999/1",
        "2013-02-30",
        "0/0/0",
        "0",
        "10000",
        "9999-12-31",
        "31/12/9999",
        "after 9999",
        "next year",
        "ß∂ƒ",
        "日本語 3月",
        "🙂 friday",
        "-",
        "- -",
        "/",
        "0000-15",
        "9999-15",
        "0099-00",
        "H0 2014",
        "0Q14",
        "9Q14",
        "Friday 4294967295 weeks",
        "4294967295 weeks ago Friday",
        "a week from Friday 9999",
        "the 4294967295th week of November",
        "in 4294967295 weeks' time",
        "some time",
        "at some point",
        "Monday-Friday",
        "November-",
        "-December",
        "'",
        "''",
        "the the the",
        "in",
        "in 99999 years",
        "999999999 days ago",
        "99 fridays from now",
        "999999999 weeks from now",
        "last 999999999 years",
        long.as_str(),
        nested.as_str(),
        "between and",
        "from to",
        "12/31/99999",
        "Feb 29",
        "Feb 29 2013",
        "first half",
        "closest monday to",
        "1st closest",
        "q",
        "q9",
        "Q0 2013",
        "99999q4",
        "or",
        "may or",
        "or may",
        "may or june or july",
        "a fortnight",
        "fortnight fortnight",
        "in 1 to 999999999 weeks",
        "in 999999999 to 9999999 years",
        "in 3 to 2 days",
        "the last 999999999 days of 2013",
        "the first 0 days of May",
        "the first days of",
        "turn of the year",
        "Dec 30-Jan",
        "-Jan 2",
        "30-Jan-",
        "on or about",
        "over",
        "over the",
        "before the year is out",
        "before is out",
        "not until",
        "as early as",
    ];
    for as_of in ["2013-02-12", "9999-12-31", "0001-01-01"] {
        for t in [U, P, F] {
            for i in inputs {
                let _ = read_date(i, d(as_of), t);
            }
        }
    }
}

#[test]
fn tense_heuristic() {
    assert_eq!(tense_of("The meeting will be held at the end of this month"), F);
    assert_eq!(tense_of("The first round of talks in Geneva, held last June, ended in a stalemate"), P);
    assert_eq!(tense_of("Kerry and Lavrov, in a phone conversation late Friday, agreed"), P);
    assert_eq!(tense_of("The minister said the conference will be held in November"), F);
    assert_eq!(tense_of("Talks are scheduled for next week"), F);
    assert_eq!(tense_of("The company plans to open the plant in August"), F);
    assert_eq!(tense_of("They met in August"), P);
    // "planned" is a past form, but "planned for" / "set for" name a date to come.
    assert_eq!(tense_of("The talks are planned for Nov. 23"), F);
    assert_eq!(tense_of("The vote is set for Friday"), F);
    assert_eq!(tense_of("Talks slated to open on the 23rd"), F);
    assert_eq!(tense_of("The strike they planned collapsed"), P);
    // A plan moved names its new date: past verbs, future date.
    assert_eq!(tense_of("The inquiry was pushed back to April 22"), F);
    assert_eq!(tense_of("talks were postponed until March"), F);
    assert_eq!(tense_of("the vote, put off till Friday"), F);
    assert_eq!(tense_of("It was rescheduled for the 3rd"), F);
    assert_eq!(tense_of("The launch was delayed by a storm"), P);
    assert_eq!(tense_of("August"), U);
}

/// Found by the `date` fuzz target (fuzz/artifacts/date/crash-056ae64f…): a
/// clock time glued to a word starting with a two-byte character sliced
/// inside that character.
#[test]
fn a_glued_word_after_a_time_may_start_with_any_character() {
    for expr in [
        "7:58:5lta8t8:58\u{36e}5\0",
        "7:10\u{36e}Dec",
        "6:59éDec 1",
        "6:59\u{1F600}",
        "7:10 \u{212A}ONTA\u{212A}T AIRLINE",
        "7:10 İ delayed",
        "7:10 \u{212A} delayed",
    ] {
        for t in [U, P, F] {
            let _ = read_date(expr, d("2011-12-01"), t);
        }
    }
}

// ------------------------------------------------------------ news forms (docs/temporal.md)

#[test]
fn on_or_about_reads_like_around() {
    // "about", "around" are fillers: the day itself; "on or about" / "on or around" follow them.
    for e in ["on or about Nov 15", "on or around Nov. 15", "around Nov. 15", "about Nov. 15"] {
        check(e, "2013-11-11", U, "2013-11-15", "2013-11-15");
    }
}

#[test]
fn the_weekend_in_the_past_tense_is_the_one_just_gone() {
    // Monday 2013-11-11: "talks over the weekend" in a past-tense quote = Nov 9-10.
    for e in ["over the weekend", "the weekend", "this weekend"] {
        check(e, "2013-11-11", P, "2013-11-09", "2013-11-10");
        // Unknown and future keep the current week's weekend (TimeML "the weekend" @Mon 2008-10-13 = W42-WE).
        check(e, "2013-11-11", U, "2013-11-16", "2013-11-17");
        check(e, "2013-11-11", F, "2013-11-16", "2013-11-17");
    }
    // Said on the weekend itself, the past tense means the current one.
    check("over the weekend", "2013-11-17", P, "2013-11-16", "2013-11-17");
    check("this past weekend", "2013-11-11", U, "2013-11-09", "2013-11-10");
    check("this past week", "2013-11-13", U, "2013-11-04", "2013-11-13");
}

#[test]
fn over_before_a_period_means_during() {
    check("over the past week", "2013-11-13", U, "2013-11-04", "2013-11-13");
    check("over the next two weeks", "2013-11-11", U, "2013-11-18", "2013-12-01");
    // "over a week ago" is "more than a week ago": up to that day, not during it.
    check("over a week ago", "2013-11-11", U, "open", "2013-11-04");
}

#[test]
fn a_fortnight_is_two_weeks() {
    check("in a fortnight", "2013-11-11", U, "2013-11-25", "2013-11-25");
    check("a fortnight ago", "2013-11-11", U, "2013-10-28", "2013-10-28");
    check("within a fortnight", "2013-11-11", U, "2013-11-11", "2013-11-25");
    check("the past fortnight", "2013-11-13", U, "2013-10-28", "2013-11-10");
}

#[test]
fn not_until_and_no_sooner_than_open_at_the_start() {
    for e in ["no sooner than December", "not until December", "not till December", "not before December"] {
        check(e, "2013-11-11", U, "2013-12-01", "open");
    }
    check("no later than December", "2013-11-11", U, "open", "2013-12-31");
    check("as early as next week", "2013-11-11", U, "2013-11-18", "open");
    check("as soon as next week", "2013-11-11", U, "2013-11-18", "open");
}

#[test]
fn before_the_year_is_out_is_a_deadline() {
    check("before the year is out", "2013-11-11", U, "open", "2013-12-31");
    check("before the month ends", "2013-11-11", U, "open", "2013-11-30");
}

#[test]
fn turn_of_the_year() {
    check("the turn of the year", "2013-11-11", U, "2013-12-16", "2014-01-15");
    check("the turn of the year", "2014-01-20", U, "2013-12-16", "2014-01-15");
    check("the turn of the year", "2013-11-11", P, "2012-12-16", "2013-01-15");
}

#[test]
fn adjacent_alternatives_cover_both() {
    check("late 2013 or early 2014", "2013-11-11", U, "2013-09-01", "2014-04-30");
    check("in late November or early December", "2013-11-11", U, "2013-11-21", "2013-12-10");
    check("Nov 15 or 16", "2013-11-11", U, "2013-11-15", "2013-11-16");
    check("by late 2013 or early 2014", "2013-11-11", U, "open", "2014-04-30");
    // Days between the alternatives, or out of order: no single interval; an error that says so.
    for e in ["May or September", "early 2014 or late 2013"] {
        let e = read_date(e, d("2013-11-11"), U).unwrap_err();
        assert!(e.message.contains("alternatives"), "{}", e.message);
    }
}

#[test]
fn edge_days_of_a_period() {
    check("the last days of November", "2013-11-11", U, "2013-11-24", "2013-11-30");
    check("the first days of December", "2013-11-11", U, "2013-12-01", "2013-12-07");
    check("the final days of 2013", "2013-11-11", U, "2013-12-25", "2013-12-31");
    check("the first three days of December", "2013-11-11", U, "2013-12-01", "2013-12-03");
    // "final week" = "last week": the last Monday-Sunday week wholly inside the month.
    check("the final week of November", "2013-11-11", U, "2013-11-18", "2013-11-24");
    check("the final week of September 2014", "2013-11-11", U, "2014-09-22", "2014-09-28");
}

#[test]
fn ranges_across_months_without_spaces() {
    check("Dec. 30-Jan. 2", "2013-11-12", U, "2013-12-30", "2014-01-02");
    check("Dec. 30-Jan. 2, 2014", "2013-11-12", U, "2013-12-30", "2014-01-02");
    check("30 Dec-2 Jan", "2013-11-12", U, "2013-12-30", "2014-01-02");
    check("Nov 15-16", "2013-11-12", U, "2013-11-15", "2013-11-16");
    // The hyphens of a single date with a month word are still dropped.
    check("31-Oct-74", "2013-11-12", U, "1974-10-31", "1974-10-31");
}

#[test]
fn vague_windows_for_within_and_to_come() {
    check("within days", "2013-11-11", U, "2013-11-11", "2013-11-25");
    check("in a matter of days", "2013-11-11", U, "2013-11-11", "2013-11-25");
    check("within weeks", "2013-11-11", U, "2013-11-11", "2014-01-06");
    check("in the weeks to come", "2013-11-11", U, "2013-11-11", "2014-01-06");
    check("within months", "2013-11-11", U, "2013-11-11", "2014-11-11");
}

#[test]
fn in_n_to_m_units() {
    for e in ["in two to three weeks", "in 2-3 weeks", "in two or three weeks"] {
        check(e, "2013-11-11", U, "2013-11-25", "2013-12-02");
    }
    check("in two to three years", "2013-11-11", U, "2015-01-01", "2016-12-31");
    assert!(read_date("in three to two weeks", d("2013-11-11"), U).is_err());
}

#[test]
fn towards_and_midweek() {
    check("towards the end of the year", "2013-11-11", U, "2013-09-01", "2013-12-31");
    check("midweek", "2013-11-11", U, "2013-11-12", "2013-11-14");
    check("midmonth", "2013-11-11", U, "2013-11-11", "2013-11-20");
    check("midyear", "2013-11-11", U, "2013-05-01", "2013-08-31");
}

/// Said Wed 2013-11-06. The weekday decides the day: never dropped, in any tense.
#[test]
fn a_weekday_moved_by_weeks() {
    for tense in [U, P, F] {
        // US: the weekday on or before the day said, then N units back.
        check("a week ago Friday", "2013-11-06", tense, "2013-10-25", "2013-10-25");
        check("a week ago Monday", "2013-11-06", tense, "2013-10-28", "2013-10-28");
        check("two weeks ago Tuesday", "2013-11-06", tense, "2013-10-22", "2013-10-22");
        // Said on the weekday itself: AP names the day of the story by its weekday.
        check("a year ago Tuesday", "2013-11-05", tense, "2012-11-05", "2012-11-05");
        // The coming weekday (strictly after), then N units on.
        check("a week from Friday", "2013-11-06", tense, "2013-11-15", "2013-11-15");
        // British: the coming weekday, a week (fortnight) on.
        check("Friday week", "2013-11-06", tense, "2013-11-15", "2013-11-15");
        check("Tuesday week", "2013-11-06", tense, "2013-11-19", "2013-11-19");
        check("a week on Friday", "2013-11-06", tense, "2013-11-15", "2013-11-15");
        check("a week Friday", "2013-11-06", tense, "2013-11-15", "2013-11-15");
        check("Friday fortnight", "2013-11-06", tense, "2013-11-22", "2013-11-22");
        // A weekday of a named week.
        check("last week Friday", "2013-11-06", tense, "2013-11-01", "2013-11-01");
        check("next week Monday", "2013-11-06", tense, "2013-11-11", "2013-11-11");
        // "this past" / "this coming" = "last" / "coming".
        check("this past Friday", "2013-11-06", tense, "2013-11-01", "2013-11-01");
        check("this coming Monday", "2013-11-06", tense, "2013-11-11", "2013-11-11");
        // "Friday of this week" names its week; "Friday of the week" does not,
        // and is not read as British "Friday week".
        check("Friday of this week", "2013-11-06", tense, "2013-11-08", "2013-11-08");
        check("Friday of next week", "2013-11-06", tense, "2013-11-15", "2013-11-15");
        assert!(read_date("Friday of the week", d("2013-11-06"), tense).is_err());
        // A week named after a range of weekdays places both of them.
        check("Tuesday to Thursday next week", "2013-11-06", tense, "2013-11-12", "2013-11-14");
        check("Tuesday-Thursday next week", "2013-11-06", tense, "2013-11-12", "2013-11-14");
        check("Monday to Friday last week", "2013-11-06", tense, "2013-10-28", "2013-11-01");
        // A date after the second weekday is no week: the first is not looked for in other years.
        let r = read_date("Monday to Thursday 14 November", d("2013-11-06"), tense).unwrap();
        assert!(r.rule != "<weekday> to <weekday> <week>: both weekdays in that week", "{r:?}");
        // Out of order in that week: the first weekday is read alone (this Friday to next Monday).
        check("Friday to Monday next week", "2013-11-06", U, "2013-11-08", "2013-11-11");
    }
}

/// A weekday beside a day it is not: an error that names both, not the day alone.
#[test]
fn a_weekday_that_does_not_fit_its_day_is_an_error() {
    for e in ["Friday, a week ago", "Thursday, Nov 8 2013", "Monday 8 to Wednesday 10 November"] {
        let err = read_date(e, d("2013-11-06"), U).unwrap_err();
        assert!(err.message.contains("the weekday and the date disagree"), "{e}: {}", err.message);
    }
    check("Friday, Nov 8 2013", "2013-11-06", U, "2013-11-08", "2013-11-08");
    check("Friday 8 to Sunday 10 November", "2013-11-06", U, "2013-11-08", "2013-11-10");
}

/// A year outside 1..9999 is an error whether written or reached by an offset.
#[test]
fn years_reached_outside_the_range_are_errors() {
    for e in ["10000 years ago", "in 10000 years", "1000000 years ago", "after 9999", "2 years after 9999"] {
        let err = read_date(e, d("2013-11-06"), U).unwrap_err();
        assert!(err.message.contains("1..9999"), "{e}: {}", err.message);
    }
    let err = read_date("10000 years ago", d("2013-11-06"), U).unwrap_err();
    assert!(err.message.contains("-7987"), "{}", err.message);
    check("2000 years ago", "2013-11-06", U, "0013-01-01", "0013-12-31");
    check("3 days after 300 BC", "2013-11-06", U, "-0299-01-04", "-0299-01-04");
}

/// "the fourth week of November" (2013: three whole Monday-Sunday weeks): the error says why.
#[test]
fn too_few_whole_weeks_says_so() {
    let err = read_date("the fourth week of November", d("2013-11-06"), U).unwrap_err();
    assert!(err.message.contains("November 2013 has only 3 whole Monday-Sunday weeks"), "{}", err.message);
    assert!(err.message.contains("'the week of November 25'"), "{}", err.message);
    let err = read_date("the fourth week of February 2014", d("2013-11-06"), U).unwrap_err();
    assert!(err.message.contains("February 2014 has only 3"), "{}", err.message);
    check("the fourth week of December", "2013-11-06", U, "2013-12-23", "2013-12-29");
}

/// Hyphenated months and parts of months are ranges, like "from November to December".
#[test]
fn month_ranges_with_a_hyphen() {
    for e in ["November-December", "Nov-Dec", "November–December", "from November to December"] {
        check(e, "2013-11-06", U, "2013-11-01", "2013-12-31");
    }
    check("January-February 2014", "2013-11-06", U, "2014-01-01", "2014-02-28");
    check("late November-early December", "2013-11-06", U, "2013-11-21", "2013-12-10");
    for e in ["Monday-Friday", "Monday to Friday"] {
        check(e, "2013-11-06", U, "2013-11-04", "2013-11-08");
    }
    // Word hyphens stay word hyphens.
    check("mid-November", "2013-11-06", U, "2013-11-11", "2013-11-20");
    check("31-Oct-74", "2013-11-06", U, "1974-10-31", "1974-10-31");
}

#[test]
fn some_time_and_time_after_a_count() {
    for e in ["some time next year", "at some point next year", "sometime next year"] {
        check(e, "2013-11-06", U, "2014-01-01", "2014-12-31");
    }
    check("in two weeks' time", "2013-11-06", U, "2013-11-20", "2013-11-20");
    check("in two weeks\u{2019} time", "2013-11-06", U, "2013-11-20", "2013-11-20");
    check("in a week's time", "2013-11-06", U, "2013-11-13", "2013-11-13");
}

#[test]
fn the_week_starting_a_day() {
    check("the week starting 9 December", "2013-11-06", U, "2013-12-09", "2013-12-15");
    check("the week beginning 9 December", "2013-11-06", U, "2013-12-09", "2013-12-15");
    // Not a Monday: the seven days from it.
    check("the week commencing Wednesday 11 December", "2013-11-06", U, "2013-12-11", "2013-12-17");
    check("the week of 11 December", "2013-11-06", U, "2013-12-09", "2013-12-15");
}

#[test]
fn quarters_and_halves_in_financial_shorthand() {
    check("1Q14", "2013-11-06", U, "2014-01-01", "2014-03-31");
    check("3Q 2013", "2013-11-06", U, "2013-07-01", "2013-09-30");
    check("18q4", "2013-11-06", U, "2018-10-01", "2018-12-31");
    for e in ["H1 2014", "1H14", "first half of 2014"] {
        check(e, "2013-11-06", U, "2014-01-01", "2014-06-30");
    }
    check("H2", "2013-11-06", U, "2013-07-01", "2013-12-31");
    check("H1", "2013-11-06", F, "2014-01-01", "2014-06-30");
}

#[test]
fn a_span_of_years_with_a_two_digit_end() {
    for e in ["2014-15", "2014/15", "2014–15", "fiscal 2014-15"] {
        check(e, "2013-11-06", U, "2014-01-01", "2015-12-31");
    }
    check("1999-00", "2013-11-06", U, "1999-01-01", "2000-12-31");
    // 01-12 after a year is its month (ISO year-month), as before.
    check("2014-12", "2013-11-06", U, "2014-12-01", "2014-12-31");
    let err = read_date("2014-13", d("2013-11-06"), U).unwrap_err();
    assert!(err.message.contains("not after the first"), "{}", err.message);
}

/// Auxiliaries decide the tense of a plan word: a past perfect plan is past, a present
/// passive of an expectation is future, and an -ed word after "is/are" is not a past.
#[test]
fn tense_reads_the_auxiliary() {
    assert_eq!(tense_of("The summit, which had been scheduled for September, was called off"), P);
    assert_eq!(tense_of("The summit that had been planned for September was cancelled"), P);
    assert_eq!(tense_of("Talks had originally been slated to open in May"), P);
    assert_eq!(tense_of("The talks, which had been postponed until March, collapsed"), P);
    assert_eq!(tense_of("The summit would have been held in September"), P);
    assert_eq!(tense_of("Elections are expected in March"), F);
    // A contracted auxiliary is the auxiliary: "they're expected" is "they are expected".
    assert_eq!(tense_of("They're expected in March"), F);
    assert_eq!(tense_of("They\u{2019}re widely expected in March"), F);
    assert_eq!(tense_of("The report's due in May"), F);
    // "'s" is also "has" and the possessive: it does not make a past -ed word present.
    assert_eq!(tense_of("The minister's resigned in March"), P);
    assert_eq!(tense_of("The government's approved the budget in March"), P);
    // A scheduled event in the present, as news writes it, is to come.
    assert_eq!(tense_of("The talks begin Monday"), F);
    assert_eq!(tense_of("Kerry and Lavrov meet in Geneva on Friday"), F);
    assert_eq!(tense_of("officials said the talks resume in March"), F);
    assert_eq!(tense_of("The summit takes place in December"), F);
    // ... but not after an auxiliary of the past, nor as a noun.
    assert_eq!(tense_of("The talks did not begin on Monday, officials said"), P);
    assert_eq!(tense_of("Since the start of the talks in March, officials said"), P);
    assert_eq!(tense_of("The vote is widely expected in March"), F);
    assert_eq!(tense_of("The report is due in May"), F);
    assert_eq!(tense_of("The talks are scheduled Monday"), F);
    assert_eq!(tense_of("The force is based in Geneva"), U);
    // Unchanged: a plan word without an auxiliary of the past perfect.
    assert_eq!(tense_of("The talks are planned for Nov. 23"), F);
    assert_eq!(tense_of("The inquiry was pushed back to April 22"), F);
    assert_eq!(tense_of("Turnout was expected to be low"), F);
    assert_eq!(tense_of("The launch was delayed by a storm"), P);
    // Read with the claim's date: September 2013, not 2014.
    let q = "The summit, which had been scheduled for September, was called off";
    let r = read_date("September", d("2013-11-06"), tense_of(q)).unwrap();
    assert_eq!(r.start, Some(d("2013-09-01")));
    let r = read_date("March", d("2013-11-06"), tense_of("Elections are expected in March")).unwrap();
    assert_eq!(r.start, Some(d("2014-03-01")));
}

/// Read `expr` with the tense of `quote`, said on `as_of`: (start, end).
fn said(expr: &str, quote: &str, as_of: &str) -> (String, String) {
    r(expr, as_of, tense_of(quote))
}

/// Regression (probe F3): a plan moved with its object between the verb and
/// the new date ("postponed the election to October 19") was read as last
/// year's, because the rule wanted "to" right after the verb.
#[test]
fn tense_a_plan_moved_past_its_object_is_to_come() {
    let oct = ("2025-10-19".to_string(), "2025-10-19".to_string());
    for q in [
        "The commission postponed the presidential election to October 19",
        "The commission postponed the presidential election by two weeks, to October 19",
        "The commission pushed the vote back to October 19",
        "The commission rescheduled the vote for October 19",
        "The commission delayed the vote to October 19",
        "The government brought the vote forward to October 19",
        "The vote has been moved to October 19",
        "Officials confirmed the vote for October 19",
        "They set the date for October 19",
    ] {
        assert_eq!(tense_of(q), F, "{q}");
        assert_eq!(said("October 19", q, "2025-08-20"), oct, "{q}");
    }
    let q = "Organisers postponed the summit until April 21";
    assert_eq!(said("April 21", q, "2025-02-27"), ("2025-04-21".into(), "2025-04-21".into()));
    let q = "The summit has been moved to the week of April 21";
    assert_eq!(said("the week of April 21", q, "2025-02-27").0, "2025-04-21");
    // No date after the preposition: no plan to come.
    assert_eq!(tense_of("The launch was delayed by a storm for three hours"), P);
    assert_eq!(tense_of("The ministry moved the talks to Geneva"), P);
    assert_eq!(tense_of("Officials confirmed the deaths on Friday"), P);
    assert_eq!(tense_of("The talks, which had been postponed until March, collapsed"), P);
}

/// Regression (probe F3): "agreed to meet on March 3" said in January was
/// read as last year's March: an infinitive after a decision is to come.
#[test]
fn tense_a_decision_to_act_is_to_come() {
    for q in [
        "The two ministers agreed to meet on March 3 in Geneva",
        "The board decided to hold the vote on March 3",
        "Both leaders have vowed to sign it on March 3",
        "They arranged to meet on March 3",
    ] {
        assert_eq!(tense_of(q), F, "{q}");
        assert_eq!(said("March 3", q, "2025-01-15"), ("2025-03-03".into(), "2025-03-03".into()), "{q}");
    }
    // A noun after "to" is no infinitive; a decision of the past perfect is past.
    assert_eq!(tense_of("They agreed to a ceasefire in March"), P);
    assert_eq!(tense_of("They agreed to terms in March"), P);
    assert_eq!(tense_of("They had agreed to meet in March"), P);
    assert_eq!(tense_of("Kerry and Lavrov, in a phone conversation late Friday, agreed"), P);
    // The date is the decision's when none follows the infinitive (bundled corpus).
    let q = "Lavrov, in a phone conversation late Friday, agreed to re-launch the stalled Geneva III Talks on Syria";
    assert_eq!(tense_of(q), P);
    assert_eq!(said("Friday", q, "2016-03-05").0, "2016-03-04");
}

/// Regression (probe F4): "must ratify the pact by December 31" said in June
/// was read as last year's deadline.
#[test]
fn tense_an_obligation_is_to_come() {
    let q = "Members must ratify the pact by December 31.";
    assert_eq!(tense_of(q), F);
    assert_eq!(said("by December 31", q, "2025-06-18"), ("open".into(), "2025-12-31".into()));
    let q = "Members have agreed to ratify it before December 31";
    assert_eq!(said("before December 31", q, "2025-06-18"), ("open".into(), "2025-12-30".into()));
    assert_eq!(tense_of("The vote should be held in May"), F);
    assert_eq!(tense_of("The talks must have ended in May"), P);
    assert_eq!(tense_of("The talks should not have ended in May"), P);
}

/// Regression (probe F3): "said the vote is on October 19": the reported
/// clause's present, with a date, is to come; "said" does not make it past.
#[test]
fn tense_an_event_that_is_on_a_date_is_to_come() {
    let q = "Officials said the vote is on October 19";
    assert_eq!(tense_of(q), F);
    assert_eq!(said("October 19", q, "2025-08-20"), ("2025-10-19".into(), "2025-10-19".into()));
    assert_eq!(tense_of("The election is in March, officials said"), F);
    assert_eq!(tense_of("The deadline is March 3"), F);
    // Still past: a past clause, "said on" a day, a present without a date.
    assert_eq!(tense_of("Officials said the vote was on October 19"), P);
    assert_eq!(tense_of("The minister said on Friday"), P);
    assert_eq!(said("Friday", "The minister said on Friday", "2025-10-22").0, "2025-10-17");
    assert_eq!(tense_of("The talks were held on March 3"), P);
    assert_eq!(tense_of("The rate is 5 percent, officials said in March"), P);
    assert_eq!(tense_of("Russia's March vote was held"), P);
}

/// Regression (probe F6): "earlier this week" said on a Monday read as the
/// Monday itself; the period before the day said is empty, so it is an error.
#[test]
fn an_earlier_or_later_period_that_is_empty_is_an_error() {
    for (e, as_of, said) in [
        ("earlier this week", "2025-10-20", "cannot read 'earlier this week' as a date: said on Monday 2025-10-20, there is no earlier day in that week: the period is empty; give the day it means, or the whole week"),
        ("earlier this month", "2025-10-01", "said on Wednesday 2025-10-01, there is no earlier day in that month"),
        ("later this year", "2025-12-31", "said on Wednesday 2025-12-31, there is no later day in that year"),
        ("later this week", "2025-10-26", "said on Sunday 2025-10-26, there is no later day in that week"),
        ("later in the week", "2025-10-26", "said on Sunday 2025-10-26, there is no later day in that week"),
    ] {
        let err = read_date(e, d(as_of), U).unwrap_err();
        assert!(err.message.contains(said), "{e} @ {as_of}: {}", err.message);
        assert!(!err.no_value);
    }
    // A day later or earlier is not empty.
    check("earlier this week", "2025-10-21", U, "2025-10-20", "2025-10-20");
    check("later this week", "2025-10-25", U, "2025-10-26", "2025-10-26");
    check("later this year", "2025-12-30", U, "2025-12-31", "2025-12-31");
}

/// Regression (review of the future markers): ordinary past news read forward.
/// Said Thursday 2024-05-09; each stays past, its weekday the one before.
#[test]
fn tense_past_news_is_not_read_as_a_plan() {
    let as_of = d("2024-05-09");
    for (q, tuesday_or_monday, day) in [
        ("Parliament voted to approve the treaty on Tuesday", "Tuesday", "2024-05-07"),
        ("Lawmakers decided to hold the vote last Tuesday", "Tuesday", "2024-05-07"),
        ("The council agreed to resign early on Monday", "Monday", "2024-05-06"),
        ("It should be noted that the vote was held on Monday", "Monday", "2024-05-06"),
        ("The ministry confirmed the death toll for 2013 on Monday", "Monday", "2024-05-06"),
        ("He said the violence must stop after the attack on Monday", "Monday", "2024-05-06"),
        ("The vote was held on Tuesday", "Tuesday", "2024-05-07"),
        // More of the same shapes.
        ("The cabinet decided to raise taxes on Monday", "Monday", "2024-05-06"),
        ("The board voted to dismiss the chairman on Tuesday", "Tuesday", "2024-05-07"),
        ("In 2012 they agreed to hold talks, which took place in May", "Monday", "2024-05-06"),
        ("They agreed to talks but may delay them, officials said on Monday", "Monday", "2024-05-06"),
        ("The party promised to cut taxes late on Monday", "Monday", "2024-05-06"),
        ("The minister said on Monday that the government should apologise", "Monday", "2024-05-06"),
        ("The judge decided to hold the hearing two days ago, on Tuesday", "Tuesday", "2024-05-07"),
        ("Police confirmed the arrests for 2024 on Monday", "Monday", "2024-05-06"),
    ] {
        assert_eq!(tense_of_said(q, as_of), P, "{q}");
        let r = read_date(tuesday_or_monday, as_of, tense_of_said(q, as_of)).unwrap();
        assert_eq!(r.start, Some(d(day)), "{q}");
    }
    // "may" as the modal is no month; "early"/"late" alone are no date.
    assert_eq!(tense_of_said("They agreed to talks but may delay", as_of), P);
    assert_eq!(tense_of_said("The council agreed to resign early", as_of), P);
    // The plans the markers were added for stay future.
    assert_eq!(tense_of_said("They agreed to meet in May", as_of), F);
    assert_eq!(tense_of_said("They agreed to meet in early June", as_of), F);
    assert_eq!(tense_of_said("The commission postponed the election to 2025", as_of), F);
    assert_eq!(tense_of_said("The commission postponed the election to 2024", as_of), P);
    assert_eq!(tense_of_said("The vote was moved to October 19", as_of), F);
    assert_eq!(tense_of_said("Officials confirmed the summit for March 3", as_of), F);
    assert_eq!(tense_of_said("The treaty must be ratified by December 31", as_of), F);
    assert_eq!(tense_of_said("The talks ought to take place in June", as_of), F);
    assert_eq!(tense_of_said("Members must ratify the pact by December 31", as_of), F);
    assert_eq!(tense_of_said("The two ministers agreed to meet on March 3 in Geneva", as_of), F);
    assert_eq!(tense_of_said("The commission postponed the presidential election to October 19", as_of), F);
    assert_eq!(tense_of_said("The summit has been moved to the week of April 21", as_of), F);
    assert_eq!(tense_of_said("Officials said the vote is on October 19", as_of), F);
}

#[test]
fn a_reading_says_which_tense_chose_only_when_its_rule_chose_by_tense() {
    let day = NaiveDate::from_ymd_opt(2013, 8, 9).unwrap();
    for tense in [Tense::Past, Tense::Future, Tense::Unknown] {
        assert_eq!(read_date("May", day, tense).unwrap().tense, Some(tense), "{tense:?}");
        assert_eq!(read_date("Friday", day, tense).unwrap().tense, Some(tense), "{tense:?}");
    }
    // A bare month inside a longer expression: the tense chose it there too.
    for compound in ["early May", "by May", "since May", "mid-May", "the end of May"] {
        assert_eq!(read_date(compound, day, Tense::Past).unwrap().tense, Some(Tense::Past), "{compound}");
    }
    for fixed in [
        "May 2013",
        "2013-05-12",
        "next week",
        "yesterday",
        "early May 2013",
        "by May 2013",
        "last May",
        "2013",
        "Christmas 2014",
    ] {
        assert_eq!(read_date(fixed, day, Tense::Past).unwrap().tense, None, "{fixed}");
    }
}

#[test]
fn a_weekday_with_a_date_picks_a_year_next_to_the_one_said_or_is_refused() {
    // docs/temporal.md: the current year if the weekday fits, else the next
    // (the previous in the past tense), within a year.
    check("Sunday, Feb 10", "2013-02-12", U, "2013-02-10", "2013-02-10");
    check("Fri, Jul 18", "2013-02-12", U, "2014-07-18", "2014-07-18");
    check("Monday, March 13", "2023-03-15", P, "2023-03-13", "2023-03-13");
    check("Thu 15th", "2013-02-12", F, "2013-08-15", "2013-08-15");
    // A weekday that fits only years away is a slip: refused, naming the weekday the date has.
    for (expr, tense, has) in [
        ("Tuesday, March 13", P, "2023-03-13 is a Monday, not a Tuesday"),
        ("Friday, March 13", U, "2023-03-13 is a Monday, not a Friday"),
        ("Fri, Jul 18", F, "2023-07-18 is a Tuesday, not a Friday"),
    ] {
        let e = read_date(expr, d("2023-03-15"), tense).unwrap_err().message;
        assert!(e.contains(has), "{expr}: {e}");
        assert!(e.contains("the weekday and the date disagree"), "{expr}: {e}");
    }
    // The current year when the weekday fits it, whatever the tense.
    check("Friday, December 29", "2023-01-02", P, "2023-12-29", "2023-12-29");
}

#[test]
fn a_year_ending_in_00_with_s_is_the_century_but_the_2000s_are_a_decade() {
    check("the 1800s", "2023-03-15", U, "1800-01-01", "1899-12-31");
    check("the 1700s", "2023-03-15", U, "1700-01-01", "1799-12-31");
    check("the late 1800s", "2023-03-15", U, "1867-01-01", "1899-12-31");
    check("the mid-1800s", "2023-03-15", U, "1834-01-01", "1866-12-31");
    check("the early 1900s", "2023-03-15", U, "1900-01-01", "1933-12-31");
    check("the 2000s", "2023-03-15", U, "2000-01-01", "2009-12-31");
    check("the 1990s", "2023-03-15", U, "1990-01-01", "1999-12-31");
    check("the late 1990s", "2023-03-15", U, "1997-01-01", "1999-12-31");
}

#[test]
fn decades_with_an_apostrophe_in_words_and_years_that_own_a_period() {
    // "1980's" is the plural "1980s" (not the year 1980), with or without "the", "late", a leading "'".
    for e in ["the 1980's", "1980's", "the '80's", "the 80's", "in the 1980’s", "the eighties"] {
        check(e, "2013-08-09", U, "1980-01-01", "1989-12-31");
    }
    check("the late 1990's", "2013-08-09", U, "1997-01-01", "1999-12-31");
    check("the 1800's", "2013-08-09", U, "1800-01-01", "1899-12-31");
    check("the 1980's and 1990's", "2013-08-09", U, "1980-01-01", "1999-12-31");
    check("the early eighties", "2013-08-09", U, "1980-01-01", "1983-12-31");
    check("the twenties", "2013-08-09", U, "1920-01-01", "1929-12-31");
    check("the noughties", "2013-08-09", U, "2000-01-01", "2009-12-31");
    // A year's possessive: the year owns what follows; alone, it is the year.
    check("2013's second quarter", "2016-02-29", U, "2013-04-01", "2013-06-30");
    check("2014's first half", "2016-02-29", U, "2014-01-01", "2014-06-30");
    check("2013's", "2016-02-29", U, "2013-01-01", "2013-12-31");
    // A word's possessive is still dropped, and so is a day's ("June 30's deadline").
    check("last week's sunday", "2013-08-09", U, "2013-08-04", "2013-08-04");
    check("June 30's", "2013-08-09", U, "2013-06-30", "2013-06-30");
    check("May 20's", "2013-08-09", U, "2013-05-20", "2013-05-20");
}

#[test]
fn the_last_and_next_century_and_for_before_the_past() {
    check("last century", "2013-08-09", U, "1900-01-01", "1999-12-31");
    check("the last century", "2013-08-09", U, "1900-01-01", "1999-12-31");
    check("next century", "2013-08-09", U, "2100-01-01", "2199-12-31");
    // "for the past week" = "the past week" (as "over" is dropped).
    check("for the past week", "2016-09-14", U, "2016-09-05", "2016-09-14");
    check("for the last two years", "2013-08-09", U, "2011-01-01", "2012-12-31");
    // A misspelt February is February.
    check("Febuary 14", "2013-08-09", U, "2013-02-14", "2013-02-14");
}

#[test]
fn a_deadline_before_a_bare_weekday_looks_ahead() {
    // Said Monday 2016-02-29, with no tense from the quote: this week's Friday, not last week's.
    for e in ["by Friday", "until Friday", "no later than Friday", "in time for Friday"] {
        check(e, "2016-02-29", U, "open", "2016-03-04");
    }
    check("before Friday", "2016-02-29", U, "open", "2016-03-03");
    // A past-tense quote keeps the last one; said on a Friday, "by Friday" is that day.
    check("by Friday", "2016-02-29", P, "open", "2016-02-26");
    check("by Friday", "2016-03-04", U, "open", "2016-03-04");
    // "since" still looks back.
    check("since Friday", "2016-02-29", U, "2016-02-26", "open");
}

#[test]
fn over_the_next_unit_runs_from_the_day_said() {
    // Week, month, year: the day said to the end of the calendar unit after (covering the rolling unit too).
    check("over the next year", "2013-08-09", U, "2013-08-09", "2014-12-31");
    check("in the coming year", "2013-08-09", U, "2013-08-09", "2014-12-31");
    check("over the next month", "2013-08-09", U, "2013-08-09", "2013-09-30");
    check("in the coming week", "2016-02-29", U, "2016-02-29", "2016-03-13");
    // A decade or century ahead is the rolling one, not the 2020s.
    check("over the next decade", "2013-08-09", U, "2013-08-09", "2023-08-09");
    check("in the next decade", "2013-08-09", U, "2013-08-09", "2023-08-09");
    // Without "over/in/during", the calendar unit after, as before (Duckling's "coming week").
    check("next decade", "2013-08-09", U, "2020-01-01", "2029-12-31");
    check("the next year", "2013-08-09", U, "2014-01-01", "2014-12-31");
    check("the coming week", "2013-02-12", U, "2013-02-18", "2013-02-24");
    check("in two weeks", "2013-08-09", U, "2013-08-23", "2013-08-23");
    // Looking back, "over/in/during the last week" is "the past week": up to the day said.
    check("in the last week", "2013-08-09", U, "2013-07-29", "2013-08-09");
    check("over the last month", "2013-08-09", U, "2013-07-01", "2013-08-09");
    check("during the last year", "2013-08-09", U, "2012-01-01", "2013-08-09");
    check("for the last week", "2013-08-09", U, "2013-07-29", "2013-08-09");
    check("the last week", "2013-08-09", U, "2013-07-29", "2013-08-04");
    // Punctuation around it is noise.
    check("in the coming week,", "2013-08-09", U, "2013-08-09", "2013-08-18");
    check("\"in the coming month\"", "2013-08-09", U, "2013-08-09", "2013-09-30");
}

#[test]
fn a_holiday_described_as_wire_copy_describes_it() {
    for e in ["the holy month of Ramadan", "the Muslim holy month of Ramadan", "the month of Ramadan"] {
        check(e, "2013-08-09", U, "2013-07-07", "2013-08-08");
    }
    check("the Jewish holiday of Yom Kippur", "2013-08-09", U, "2013-09-13", "2013-09-14");
    check("the Thanksgiving holiday", "2013-08-09", F, "2013-11-28", "2013-11-28");
    check("the Eid al-Adha holiday", "2013-08-09", U, "2013-10-13", "2013-10-16");
    // A season of days is not the day; other words before the name are not dropped.
    assert!(read_date("the Christmas holidays", d("2013-08-09"), U).is_err());
    assert!(read_date("the holy Ramadan of", d("2013-08-09"), U).is_err());
    // "in recent years / decades", as "in recent months": up to the day said.
    check("in recent years", "2013-08-09", U, "2003-08-09", "2013-08-09");
    check("in recent decades", "2013-08-09", U, "1963-08-09", "2013-08-09");
}

#[test]
fn two_ordinals_sharing_one_unit_are_two_periods() {
    check("the second and third quarters", "2013-08-09", U, "2013-04-01", "2013-09-30");
    check("the third and fourth quarters of 2014", "2013-08-09", U, "2014-07-01", "2014-12-31");
    check("the third or fourth quarter of 2014", "2013-08-09", U, "2014-07-01", "2014-12-31");
    check("the 18th and 19th centuries", "2013-08-09", U, "1700-01-01", "1899-12-31");
    // Out of order, or days between them: an error, with the ordinals written as English writes them.
    let e = read_date("the fourth and first quarters", d("2013-08-09"), U).unwrap_err().message;
    assert!(e.contains("'4th quarters' and '1st quarters'"), "{e}");
}

#[test]
fn the_coming_weekend_is_the_next_one_not_begun() {
    // Said Monday to Friday: this week's Saturday-Sunday ("next weekend" stays the week after's).
    for e in ["the coming weekend", "this coming weekend", "the upcoming weekend"] {
        check(e, "2016-02-29", U, "2016-03-05", "2016-03-06");
        check(e, "2013-08-09", U, "2013-08-10", "2013-08-11");
        // Said on a weekend: the next one.
        check(e, "2016-03-05", U, "2016-03-12", "2016-03-13");
    }
    check("next weekend", "2016-02-29", U, "2016-03-12", "2016-03-13");
}

#[test]
fn later_and_earlier_after_a_count_are_anaphora() {
    // "Three weeks later, the minister resigned": later than an event the story tells.
    for expr in ["three weeks later", "two days later", "a year earlier", "a week earlier", "two days before"] {
        let e = read_date(expr, d("2023-03-15"), P).unwrap_err().message;
        assert!(e.contains("counts from an event the story names"), "{expr}: {e}");
    }
    // Counted from the day said, they are read.
    check("three weeks ago", "2023-03-15", U, "2023-02-22", "2023-02-22");
    check("in three weeks", "2023-03-15", U, "2023-04-05", "2023-04-05");
    check("two days from now", "2023-03-15", U, "2023-03-17", "2023-03-17");
    check("later this month", "2023-03-15", U, "2023-03-16", "2023-03-31");
}

#[test]
fn beginning_without_of_is_from_then_on_and_as_early_as_looks_ahead() {
    check("beginning in April", "2023-03-15", F, "2023-04-01", "open");
    check("beginning April 1", "2023-03-15", F, "2023-04-01", "open");
    check("beginning next week", "2023-03-15", U, "2023-03-20", "open");
    // "the beginning of April" is the month's first days.
    check("the beginning of April", "2023-03-15", U, "2023-04-01", "2023-04-10");
    check("beginning of April", "2023-03-15", U, "2023-04-01", "2023-04-10");
    // Said on Wednesday 2023-03-15, "as early as Tuesday" is next Tuesday when the quote gives no tense.
    check("as early as Tuesday", "2023-03-15", U, "2023-03-21", "open");
    check("as soon as Friday", "2023-03-15", U, "2023-03-17", "open");
    check("as early as Tuesday", "2023-03-15", P, "2023-03-14", "open");
    // Only a bare weekday looks ahead: a month or a day of it keeps the nearest.
    check("as early as March 2", "2023-03-15", U, "2023-03-02", "open");
    check("as early as January", "2023-03-15", U, "2023-01-01", "open");
}

#[test]
fn vague_windows_of_months_and_years_are_calendar_months() {
    check("in the coming months", "2023-03-15", U, "2023-03-15", "2024-03-15");
    check("in the coming years", "2023-03-15", U, "2023-03-15", "2028-03-15");
    check("in recent months", "2023-03-15", U, "2022-03-15", "2023-03-15");
    // The end of February stays in February.
    check("in the coming years", "2024-02-29", U, "2024-02-29", "2029-02-28");
}

#[test]
fn fiscal_years_and_the_year_2000_name_the_calendar_year() {
    for expr in ["fiscal 2024", "fiscal year 2024", "FY2024", "FY 2024", "FY24"] {
        check(expr, "2023-03-15", U, "2024-01-01", "2024-12-31");
    }
    check("Q1 FY24", "2023-03-15", U, "2024-01-01", "2024-03-31");
    check("in the year 2000", "2023-03-15", U, "2000-01-01", "2000-12-31");
    check("the year", "2023-03-15", U, "2023-01-01", "2023-12-31");
    assert!(read_date("FY", d("2023-03-15"), U).is_err());
}

#[test]
fn a_stretch_of_hours_up_to_the_day_said_covers_the_days_it_reaches() {
    check("the past 24 hours", "2023-03-15", U, "2023-03-14", "2023-03-15");
    check("in the past 24 hours", "2023-03-15", P, "2023-03-14", "2023-03-15");
    check("over the last 48 hours", "2023-03-15", U, "2023-03-13", "2023-03-15");
    check("the past 36 hours", "2023-03-15", U, "2023-03-13", "2023-03-15");
    check("within the next 24 hours", "2023-03-15", F, "2023-03-15", "2023-03-16");
    check("within 24 hours", "2023-03-15", U, "2023-03-15", "2023-03-16");
    check("the next 72 hours", "2023-03-15", U, "2023-03-15", "2023-03-18");
}

#[test]
fn to_date_and_so_far_run_from_the_periods_first_day_to_the_day_said() {
    for expr in ["year to date", "year-to-date", "YTD", "so far this year", "this year so far"] {
        check(expr, "2023-03-15", U, "2023-01-01", "2023-03-15");
    }
    check("so far this month", "2023-03-15", U, "2023-03-01", "2023-03-15");
    check("month-to-date", "2023-03-15", U, "2023-03-01", "2023-03-15");
    check("so far this week", "2023-03-15", U, "2023-03-13", "2023-03-15");
}

#[test]
fn the_easter_weekend_is_good_friday_to_easter_monday_and_this_past_month_is_last_month() {
    check("the Easter weekend", "2023-03-15", F, "2023-04-07", "2023-04-10");
    check("Easter weekend 2024", "2023-03-15", U, "2024-03-29", "2024-04-01");
    check("last Easter weekend", "2023-03-15", U, "2022-04-15", "2022-04-18");
    check("Easter", "2023-03-15", F, "2023-04-09", "2023-04-09");
    check("this past December", "2023-03-15", U, "2022-12-01", "2022-12-31");
    check("this past March", "2023-03-15", U, "2022-03-01", "2022-03-31");
}

#[test]
fn more_or_less_than_n_units_ago_is_open_or_up_to_the_day_said() {
    check("more than a year ago", "2023-03-15", P, "open", "2022-03-15");
    check("over a week ago", "2023-03-15", P, "open", "2023-03-08");
    check("less than a week ago", "2023-03-15", P, "2023-03-08", "2023-03-15");
    check("under a month ago", "2023-03-15", U, "2023-02-15", "2023-03-15");
    check("over the weekend", "2023-03-15", P, "2023-03-11", "2023-03-12");
    assert!(read_date("more than a week", d("2023-03-15"), U).is_err());
}

#[test]
fn holidays_by_rule_take_the_year_by_tense_or_anchor() {
    // The N-th weekday rules (US holidays by their US rules).
    check("Thanksgiving", "2013-02-12", F, "2013-11-28", "2013-11-28");
    check("Thanksgiving", "2013-02-12", P, "2012-11-22", "2012-11-22");
    check("Thanksgiving 2014", "2013-02-12", P, "2014-11-27", "2014-11-27");
    check("last Thanksgiving", "2013-02-12", F, "2012-11-22", "2012-11-22");
    check("the day after Thanksgiving", "2013-10-07", F, "2013-11-29", "2013-11-29");
    check("Black Friday 2017", "2013-02-12", U, "2017-11-24", "2017-11-24");
    check("the Thanksgiving weekend", "2013-10-07", F, "2013-11-28", "2013-12-01");
    check("Martin Luther King Jr. Day 2013", "2013-02-12", U, "2013-01-21", "2013-01-21");
    check("next MLK day", "2013-02-12", U, "2014-01-20", "2014-01-20");
    check("Presidents' Day", "2013-02-12", F, "2013-02-18", "2013-02-18");
    check("Memorial Day weekend", "2016-04-01", F, "2016-05-28", "2016-05-30");
    check("Labor Day", "2013-06-01", F, "2013-09-02", "2013-09-02");
    check("Mother's Day 2013", "2013-02-12", U, "2013-05-12", "2013-05-12");
    // Fixed days.
    check("St. Patrick's Day", "2013-02-12", F, "2013-03-17", "2013-03-17");
    check("Boxing Day 2015", "2013-02-12", U, "2015-12-26", "2015-12-26");
    check("Veterans Day", "2013-02-12", F, "2013-11-11", "2013-11-11");
    check("All Saints' Day", "2016-06-01", F, "2016-11-01", "2016-11-01");
    // Counted from Easter, and the Orthodox (Julian) ones.
    check("Ash Wednesday", "2013-01-10", F, "2013-02-13", "2013-02-13");
    check("Lent 2018", "2013-02-12", U, "2018-02-14", "2018-03-31");
    check("Pentecost", "2013-02-12", F, "2013-05-19", "2013-05-19");
    check("Orthodox Easter 2018", "2013-02-12", U, "2018-04-08", "2018-04-08");
    check("Orthodox Christmas", "2016-12-01", F, "2017-01-07", "2017-01-07");
}

#[test]
fn jewish_holidays_run_from_their_eve_to_their_last_day() {
    check("Rosh Hashanah 2018", "2013-02-12", U, "2018-09-09", "2018-09-11");
    check("Yom Kippur 2018", "2013-02-12", U, "2018-09-18", "2018-09-19");
    check("Passover 2018", "2013-02-12", U, "2018-03-30", "2018-04-07");
    check("Hanukkah 2013", "2013-02-12", U, "2013-11-27", "2013-12-05");
    check("Purim", "2013-02-12", F, "2013-02-23", "2013-02-24");
    check("the Jewish New Year", "2013-02-12", F, "2013-09-04", "2013-09-06");
    // "this Hanukkah" said during it is the one running, not last December's.
    check("this Hanukkah", "2017-12-20", U, "2017-12-12", "2017-12-20");
    // "before" may take in the eve, when the holiday has not begun by day.
    check("before Yom Kippur", "2018-09-01", F, "open", "2018-09-18");
    check("after Yom Kippur", "2018-09-01", F, "2018-09-20", "open");
}

#[test]
fn islamic_holidays_are_the_arithmetical_day_two_days_before_and_one_after() {
    // Eid al-Fitr 2013: arithmetically August 8 (kept on August 8 in Saudi Arabia).
    check("Eid al-Fitr 2013", "2013-02-12", U, "2013-08-06", "2013-08-09");
    // Kept on September 12 in Saudi Arabia, the 13th elsewhere; the arithmetical day is the 13th.
    check("Eid ul-Adha", "2016-06-01", F, "2016-09-11", "2016-09-14");
    check("Ramadan", "2013-02-12", F, "2013-07-07", "2013-08-08");
    check("the end of Ramadan", "2013-02-12", F, "2013-07-29", "2013-08-08");
    check("Islamic New Year 2018", "2013-02-12", U, "2018-09-10", "2018-09-13");
    check("the Day of Ashura 2017", "2013-02-12", U, "2017-09-29", "2017-10-02");
    // "after" starts after the earliest day the holiday may end, "before" ends
    // before the latest it may begin: Ramadan 2016 was kept June 6 to July 5,
    // and "after Ramadan" takes in Eid on July 6.
    check("after Ramadan", "2016-06-01", F, "2016-07-05", "open");
    check("before Ramadan", "2016-05-01", F, "open", "2016-06-07");
    check("the day after Eid al-Adha", "2016-06-01", F, "2016-09-12", "2016-09-15");
    // "this" is this year's, even when the one of last December is still running.
    check("this Ramadan", "2000-12-10", U, "2000-11-26", "2000-12-28");
    // "Eid" alone names neither feast.
    let e = read_date("after Eid", d("2013-02-12"), F).unwrap_err();
    assert!(e.message.contains("Eid al-Fitr") && e.message.contains("Eid al-Adha"), "{}", e.message);
    // A year in which the feast fell twice does not pick one.
    let e = read_date("Eid al-Fitr 2000", d("2013-02-12"), U).unwrap_err();
    assert!(e.message.contains("fell twice in 2000 (on January 8 and on December 28"), "{}", e.message);
    // A name's words are known as a name, not one by one: the error names the stranger.
    let e = read_date("Black Monday", d("2013-02-12"), U).unwrap_err();
    assert!(e.message.contains("did not understand 'black'"), "{}", e.message);
    // Unread: no rule of ours for them, so an error, not a guess.
    for unread in ["Chinese New Year", "Diwali 2019", "Independence Day", "Labour Day", "Election Day"] {
        assert!(read_date(unread, d("2013-02-12"), U).is_err(), "{unread}");
    }
}

#[test]
fn vague_counts_span_their_least_to_their_most() {
    let a = "2016-09-14";
    check("a few days ago", a, P, "2016-09-09", "2016-09-12");
    check("few days ago", a, P, "2016-09-09", "2016-09-12");
    check("a couple of days ago", a, P, "2016-09-11", "2016-09-12");
    check("a couple days ago", a, U, "2016-09-11", "2016-09-12");
    check("several weeks ago", a, P, "2016-07-27", "2016-08-24");
    check("in a few weeks", a, F, "2016-09-28", "2016-10-19");
    check("a few days from now", a, F, "2016-09-16", "2016-09-19");
    check("in several months", a, F, "2016-12-14", "2017-04-14");
    check("within a few days", a, F, "2016-09-14", "2016-09-19");
    check("within the next few weeks", a, F, "2016-09-14", "2016-10-19");
    check("in a few days' time", a, F, "2016-09-16", "2016-09-19");
    check("in a couple of weeks' time", a, F, "2016-09-28", "2016-10-05");
    check("several years ago", a, P, "2009-01-01", "2013-12-31");
    check("a few years from now", a, F, "2018-01-01", "2021-12-31");
    check("two or three days ago", a, P, "2016-09-11", "2016-09-12");
    check("two to three weeks ago", a, P, "2016-08-24", "2016-08-31");
    check("2-3 years ago", a, P, "2013-01-01", "2014-12-31");
    let reading = read_date("a few days ago", d(a), P).unwrap();
    assert_eq!(reading.precision, Precision::Vague);
    for anaphora in ["several weeks later", "a few days earlier"] {
        let e = read_date(anaphora, d(a), P).unwrap_err();
        assert!(e.message.contains("counts from an event the story names"), "{anaphora}: {}", e.message);
    }
    // A bare vague count is a duration, not a date.
    assert!(read_date("a few days", d(a), P).is_err());
}

#[test]
fn the_past_unit_covers_the_calendar_unit_before_and_the_days_up_to_the_day_said() {
    let a = "2016-09-14";
    // The rolling year (from 2015-09-14) and the calendar year 2015, together.
    check("the past year", a, P, "2015-01-01", "2016-09-14");
    check("over the past year", a, P, "2015-01-01", "2016-09-14");
    check("in the past year", a, U, "2015-01-01", "2016-09-14");
    check("the past month", a, P, "2016-08-01", "2016-09-14");
    check("the past week", a, P, "2016-09-05", "2016-09-14");
    // "last" stays the calendar unit (Duckling), and so does "the past decade" (TimeML).
    check("last year", a, P, "2015-01-01", "2015-12-31");
    check("last week", a, P, "2016-09-05", "2016-09-11");
    check("the past decade", a, P, "2000-01-01", "2009-12-31");
    // Inside a longer expression "the past year" is the calendar year.
    check("the end of the past year", a, P, "2015-09-01", "2015-12-31");
}

#[test]
fn this_time_last_year_and_the_turn_of_the_century() {
    check("this time last year", "2016-09-14", P, "2015-08-31", "2015-09-28");
    check("at this time last year", "2016-09-14", U, "2015-08-31", "2015-09-28");
    check("this time next year", "2016-09-14", F, "2017-08-31", "2017-09-28");
    check("the turn of the century", "2016-09-14", U, "1997-01-01", "2003-12-31");
    check("the turn of the century", "2016-09-14", F, "2097-01-01", "2103-12-31");
    check("the turn of the century", "1950-06-01", P, "1897-01-01", "1903-12-31");
}

#[test]
fn a_weekday_range_is_placed_as_one_stretch() {
    let wed = "2016-09-14";
    check("from Monday to Friday", wed, F, "2016-09-19", "2016-09-23");
    check("from Monday to Friday", wed, P, "2016-09-05", "2016-09-09");
    check("from Monday to Friday", wed, U, "2016-09-12", "2016-09-16");
    check("Tuesday through Thursday", wed, F, "2016-09-20", "2016-09-22");
    check("between Monday and Wednesday", wed, P, "2016-09-12", "2016-09-14");
    check("Friday to Monday", wed, P, "2016-09-09", "2016-09-12");
    // Said on a Monday, in any tense (each weekday placed alone fell out of order).
    let mon = "2016-09-12";
    check("Monday-Friday", mon, F, "2016-09-19", "2016-09-23");
    check("Monday-Friday", mon, P, "2016-09-05", "2016-09-09");
    check("Monday-Friday", mon, U, "2016-09-12", "2016-09-16");
    // A place after the second weekday still places both ("Tuesday to Thursday next week").
    check("Tuesday to Thursday next week", wed, U, "2016-09-20", "2016-09-22");
}

#[test]
fn news_forms_of_deadlines_and_emphasis() {
    let fri = "2017-12-01";
    check("ahead of Sunday", fri, F, "open", "2017-12-02");
    check("in the run-up to Christmas", fri, F, "open", "2017-12-24");
    check("in time for Christmas", fri, F, "open", "2017-12-25");
    check("up until last week", fri, P, "open", "2017-11-26");
    check("effective immediately", fri, U, "2017-12-01", "open");
    check("as recently as last month", fri, P, "2017-11-01", "2017-11-30");
    check("as late as 2019", fri, F, "2019-01-01", "2019-12-31");
}

#[test]
fn dotted_dates_are_day_month_year() {
    check("03.04.2016", "2017-12-01", U, "2016-04-03", "2016-04-03");
    check("31.10.1974", "2017-12-01", U, "1974-10-31", "1974-10-31");
    // A second number over 12 can only be the day.
    check("10.31.1974", "2017-12-01", U, "1974-10-31", "1974-10-31");
    // Slashes stay US month/day.
    check("3/4/2016", "2017-12-01", U, "2016-03-04", "2016-03-04");
}

#[test]
fn periods_to_a_date_and_edge_months() {
    let a = "2016-09-14";
    check("the year to March", a, P, "2015-04-01", "2016-03-31");
    check("the 12 months to June", a, P, "2015-07-01", "2016-06-30");
    check("the three months to August", a, P, "2016-06-01", "2016-08-31");
    check("the quarter to June", a, P, "2016-04-01", "2016-06-30");
    check("the week ending Sept. 10", a, P, "2016-09-04", "2016-09-10");
    check("the fiscal year ending June 30, 2017", a, U, "2016-07-01", "2017-06-30");
    check("the six months ended June 30", a, P, "2016-01-01", "2016-06-30");
    check("the year ending March 15, 2017", a, U, "2016-03-16", "2017-03-15");
    check("the first nine months of the year", a, P, "2016-01-01", "2016-09-30");
    check("the first three months of 2015", a, P, "2015-01-01", "2015-03-31");
    check("the last two quarters of 2015", a, P, "2015-07-01", "2015-12-31");
    check("the last two weeks of March", a, P, "2016-03-18", "2016-03-31");
    // More months than the period has: not read.
    assert!(read_date("the first three months of March", d(a), P).is_err());
    // "the 12" before a unit counts; alone it is a day of the month.
    check("the 12th", a, P, "2016-09-12", "2016-09-12");
}

#[test]
fn lists_of_adjacent_dates_are_one_stretch() {
    let wed = "2016-09-14";
    check("Monday and Tuesday", wed, P, "2016-09-12", "2016-09-13");
    check("September 4th and 5th", wed, P, "2016-09-04", "2016-09-05");
    check("the 1980s and 1990s", wed, P, "1980-01-01", "1999-12-31");
    check("Monday or Tuesday", wed, P, "2016-09-12", "2016-09-13");
    // Said on a Monday about the days to come: next week's, not out of order.
    check("Monday and Tuesday", "2016-09-12", F, "2016-09-19", "2016-09-20");
    for gap in ["Monday and Wednesday", "May and September"] {
        let e = read_date(gap, d(wed), P).unwrap_err();
        assert!(e.message.contains("record each date as a claim of its own"), "{gap}: {}", e.message);
    }
}

#[test]
fn fractions_of_units_and_nearly_years() {
    let a = "2024-05-09";
    check("a year and a half ago", a, P, "2022-11-09", "2022-11-09");
    check("in a year and a half", a, F, "2025-11-09", "2025-11-09");
    check("half a century ago", a, P, "1974-01-01", "1974-12-31");
    check("a quarter of a century ago", a, P, "1999-01-01", "1999-12-31");
    // The calendar years from N years before to N-1: every day "nearly" allows,
    // said early or late in the year.
    check("nearly two years ago", a, P, "2022-01-01", "2023-12-31");
    check("nearly two years ago", "2016-12-20", P, "2014-01-01", "2015-12-31");
    check("almost a year ago", a, P, "2023-01-01", "2024-12-31");
    check("nearly two years from now", "2016-12-20", F, "2017-01-01", "2018-12-31");
    // Before days, weeks or months: the days from N units to N-1 units before (a day
    // alone would be too exact either way).
    check("almost three weeks ago", "2024-01-10", P, "2023-12-20", "2023-12-27");
    check("nearly three days ago", "2024-01-10", P, "2024-01-07", "2024-01-08");
    // A fraction is its months: from 18 months to 17 months before.
    check("nearly a year and a half ago", "2024-01-10", P, "2022-07-10", "2022-08-10");
    check("the past two decades", a, P, "2000-01-01", "2019-12-31");
    check("the last two centuries", a, P, "1800-01-01", "1999-12-31");
}

#[test]
fn winters_across_years_weekends_of_a_date_and_over_a_holiday() {
    check("the winter of 2014-15", "2017-12-20", U, "2014-12-21", "2015-03-20");
    check("winter 2014/15", "2017-12-20", U, "2014-12-21", "2015-03-20");
    assert!(read_date("the winter of 2014-16", d("2017-12-20"), U).is_err());
    check("the weekend of June 8", "2019-05-09", F, "2019-06-08", "2019-06-09");
    check("the weekend of June 8-9", "2019-05-09", F, "2019-06-08", "2019-06-09");
    check("the weekend of June 7", "2019-05-09", F, "2019-06-07", "2019-06-09");
    assert!(read_date("the weekend of June 4", d("2019-05-09"), F).is_err());
    check("over Christmas", "2017-12-20", F, "2017-12-25", "2017-12-25");
    check("in the coming weeks and months", "2017-12-20", F, "2017-12-20", "2018-12-20");
}

#[test]
fn the_nth_day_of_a_holiday() {
    let a = "2016-09-14";
    check("the last day of Lent", a, F, "2017-04-15", "2017-04-15");
    check("the first day of the Easter weekend", a, F, "2017-04-14", "2017-04-14");
    // From an edge known within days, as many days: the eve or the first day;
    // the days a sighting of the moon may put the first day of Ramadan on.
    check("the first day of Passover", a, F, "2017-04-10", "2017-04-11");
    check("the second day of Rosh Hashanah", a, F, "2016-10-03", "2016-10-04");
    check("the first day of Ramadan", a, F, "2017-05-25", "2017-05-28");
}

#[test]
fn news_forms_from_the_second_probe() {
    let a = "2016-09-14";
    check("any day now", a, F, "2016-09-14", "2016-10-14");
    check("the week ahead", a, F, "2016-09-14", "2016-09-20");
    check("the other day", a, P, "2016-08-31", "2016-09-13");
    // A plural with no count: 2 to 9 of the unit.
    check("days ago", a, P, "2016-09-05", "2016-09-12");
    check("months ago", a, P, "2015-12-14", "2016-07-14");
    check("the June quarter", a, P, "2016-04-01", "2016-06-30");
    check("the 2023-24 fiscal year", a, U, "2023-01-01", "2024-12-31");
    check("the tail end of 2023", a, P, "2023-09-01", "2023-12-31");
}

#[test]
fn new_rules_leave_clock_times_plurals_and_anniversaries_alone() {
    let a = "2016-09-14";
    for e in [
        "a quarter to 10 on September 12",
        "a quarter to 5 on Monday",
        "in the days to Christmas",
        "the weeks to Christmas",
        "in the past weeks",
        "the past years",
        "a year to the day",
    ] {
        assert!(read_date(e, d(a), U).is_err(), "{e}");
    }
    // "ahead of" looks ahead when the quote gives no tense.
    check("ahead of Sunday", a, U, "open", "2016-09-17");
    check("the winter of 2014-2015", a, U, "2014-12-21", "2015-03-20");
}

#[test]
fn seasons_in_a_row_and_placed_weekday_lists_are_one_stretch() {
    let a = "2016-09-14";
    check("spring and summer", a, F, "2017-03-21", "2017-09-23");
    check("spring and summer", a, P, "2016-03-21", "2016-09-23");
    check("summer and fall", a, F, "2016-06-21", "2016-12-20");
    check("from spring to autumn", a, U, "2016-03-21", "2016-12-20");
    check("winter or spring", a, P, "2015-12-21", "2016-06-20");
    let e = read_date("spring and fall", d(a), P).unwrap_err();
    assert!(e.message.contains("days between"), "{}", e.message);
    check("Monday and Tuesday next week", a, U, "2016-09-19", "2016-09-20");
    check("Thursday or Friday this week", a, P, "2016-09-15", "2016-09-16");
}

#[test]
fn a_modifier_on_the_first_weekday_places_the_second() {
    let wed = "2016-09-14";
    for t in [U, P, F] {
        check("next Monday or Tuesday", wed, t, "2016-09-19", "2016-09-20");
        check("last Monday and Tuesday", wed, t, "2016-09-12", "2016-09-13");
        check("next Monday to Friday", wed, t, "2016-09-19", "2016-09-23");
        check("last Tuesday through Thursday", wed, t, "2016-09-13", "2016-09-15");
    }
    // Not the day after: a list with days between is still an error.
    assert!(read_date("next Monday and Wednesday", d(wed), U).is_err());
}

#[test]
fn month_names_with_hyphens_and_the_year_first() {
    // "Aug-09-2013" is a day, not a range from August 9 to the end of 2013.
    for e in ["Aug-09-2013", "aug-9-2013", "09-Aug-2013", "2013-Aug-09", "2013 August 9"] {
        check(e, "2013-08-14", U, "2013-08-09", "2013-08-09");
    }
    // A range keeps its hyphen.
    check("August 9-10, 2013", "2013-08-14", U, "2013-08-09", "2013-08-10");
}

#[test]
fn a_year_written_once_after_two_periods_is_both_periods_year() {
    // Said in 2013: "Q3" alone would be Q3 2013.
    for e in ["Q3 to Q4 2014", "Q3 and Q4 2014", "Q3 or Q4 2014", "the third and fourth quarters of 2014"] {
        check(e, "2013-08-14", U, "2014-07-01", "2014-12-31");
    }
    check("Q1 through Q3 2015", "2013-08-14", U, "2015-01-01", "2015-09-30");
    check("Easter to Christmas 2014", "2013-08-14", U, "2014-04-20", "2014-12-25");
    // Out of order within the year: each side as before.
    check("Christmas to New Year's Day 2014", "2013-08-14", U, "2013-12-25", "2014-01-01");
    check("Q4 and Q1 2014", "2013-08-14", U, "2013-10-01", "2014-03-31");
}

/// Forms an outside probe of news copy found refused or misread (said Wednesday 2024-01-10).
#[test]
fn deadlines_and_starts_look_ahead_and_a_units_end_is_a_deadline() {
    let a = "2024-01-10";
    // "before year-end" was read as before Duckling's end-of-year months (up to August 31).
    for e in ["before year-end", "before the year-end", "ahead of year-end"] {
        check(e, a, U, "open", "2024-12-31");
    }
    check("before month-end", a, U, "open", "2024-01-31");
    // Deadlines before a bare weekday or month look ahead: "through Sunday" was last Sunday,
    // "by September" said in January last September.
    for e in ["through Sunday", "up to Sunday", "until Sunday", "by Sunday"] {
        check(e, a, U, "open", "2024-01-14");
    }
    check("by September", a, U, "open", "2024-09-30");
    check("by January", a, U, "open", "2024-01-31");
    check("by September", a, P, "open", "2023-09-30");
    // So do starts: "new rules apply starting Monday".
    for e in ["starting Monday", "beginning Monday", "effective Monday"] {
        check(e, a, U, "2024-01-15", "open");
    }
    // "from Monday" is not: "has been in force from Monday" looks back.
    check("from Monday", a, U, "2024-01-08", "open");
    // "week-end" is the weekend, not the end of a week.
    check("before week-end", a, U, "open", "2024-01-12");
    check("before the weekend", a, U, "open", "2024-01-12");
    check("since Monday", a, U, "2024-01-08", "open");
    check("effective Jan. 1", a, U, "2024-01-01", "open");
    check("the final day of the month", a, U, "2024-01-31", "2024-01-31");
}

#[test]
fn news_forms_of_parts_anniversaries_and_units_said_once() {
    let a = "2024-01-10";
    // An adverb before before/after is dropped: the open interval.
    check("soon after Christmas", a, U, "2023-12-26", "open");
    check("well before March", a, U, "open", "2024-02-29");
    // "the ... part of X" is early / late / mid X.
    check("the early part of next year", a, U, "2025-01-01", "2025-04-30");
    check("the latter part of 2014", a, U, "2014-09-01", "2014-12-31");
    check("the first part of March", a, U, "2024-03-01", "2024-03-10");
    check("the middle part of the week", a, U, "2024-01-09", "2024-01-11");
    // British "Tuesday next", and "Tuesday coming".
    check("Tuesday next", a, U, "2024-01-16", "2024-01-16");
    check("Tuesday coming", a, U, "2024-01-16", "2024-01-16");
    // A unit said once: "this year and next".
    check("this year and next", a, U, "2024-01-01", "2025-12-31");
    check("this week or next", a, U, "2024-01-08", "2024-01-21");
    check("this year and last", a, U, "2023-01-01", "2024-12-31");
    // Spans of years named as a season or a financial year.
    for e in ["the 2024-25 season", "the 2024/25 financial year", "the financial year 2024-25", "fiscal year 2024-25"] {
        check(e, a, U, "2024-01-01", "2025-12-31");
    }
    // Anniversaries: the day (week, month) as said that long before.
    check("a year ago today", a, U, "2023-01-10", "2023-01-10");
    check("a week ago yesterday", a, U, "2024-01-02", "2024-01-02");
    check("a year ago this week", a, U, "2023-01-09", "2023-01-15");
    check("five years ago this month", a, U, "2019-01-01", "2019-01-31");
    check("a year ago", a, U, "2023-01-01", "2023-12-31");
    // "a day or two ago" is "one or two days ago".
    check("a day or two ago", a, U, "2024-01-08", "2024-01-09");
    check("a week or two ago", a, U, "2023-12-27", "2024-01-03");
    // "the weekend just gone" is last weekend; "the past several days" the most several means (7).
    check("the weekend just gone", a, U, "2024-01-06", "2024-01-07");
    check("the week just gone", a, U, "2024-01-01", "2024-01-07");
    check("the past several days", a, U, "2024-01-03", "2024-01-09");
    // "last Sept. 30", "next March 3": the most recent, the next.
    check("last Sept. 30", a, U, "2023-09-30", "2023-09-30");
    check("next March 3", a, U, "2024-03-03", "2024-03-03");
    // Never the day said.
    check("next Jan 10", a, U, "2025-01-10", "2025-01-10");
    check("last Jan 10", a, U, "2023-01-10", "2023-01-10");
}

#[test]
fn a_holidays_long_weekend() {
    // July 4: Thursday 2013, Friday 2014, Saturday 2015, Monday 2016, Sunday 2021.
    let a = "2024-01-10";
    check("the Fourth of July weekend 2013", a, U, "2013-07-04", "2013-07-07");
    check("July 4th weekend 2014", a, U, "2014-07-04", "2014-07-06");
    check("July 4th weekend 2015", a, U, "2015-07-03", "2015-07-05");
    check("July 4th weekend 2016", a, U, "2016-07-02", "2016-07-04");
    check("July 4th weekend 2021", a, U, "2021-07-03", "2021-07-05");
    check("the Christmas weekend", a, U, "2023-12-23", "2023-12-25");
    // Christmas 2013 was a Wednesday: no weekend beside it.
    let e = read_date("Christmas weekend 2013", d(a), U).unwrap_err();
    assert!(e.message.contains("Wednesday"), "{}", e.message);
    // The holidays with a weekend of their own keep it.
    check("Memorial Day weekend 2024", a, U, "2024-05-25", "2024-05-27");
}
