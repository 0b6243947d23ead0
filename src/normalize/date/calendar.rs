//! Calendar arithmetic on inclusive day intervals. Every function is total:
//! out-of-range dates come back as `None`, never as a panic.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// The first and last year the reader accepts for years written as numbers.
pub const MIN_YEAR: i32 = 1;
pub const MAX_YEAR: i32 = 9999;

pub fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub fn month_len(y: i32, m: u32) -> Option<u32> {
    let first = ymd(y, m, 1)?;
    let next = add_months(first, 1)?;
    Some((next - first).num_days() as u32)
}

pub fn month_span(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    Some((ymd(y, m, 1)?, ymd(y, m, month_len(y, m)?)?))
}

pub fn year_span(y: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
}

pub fn quarter_span(y: i32, q: u32) -> Option<(NaiveDate, NaiveDate)> {
    if !(1..=4).contains(&q) {
        return None;
    }
    let first = month_span(y, 3 * q - 2)?.0;
    let last = month_span(y, 3 * q)?.1;
    Some((first, last))
}

/// The first day of the month `n` months after (or before) `d`'s month.
pub fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let idx = i64::from(d.year()) * 12 + i64::from(d.month0()) + n;
    let y = i32::try_from(idx.div_euclid(12)).ok()?;
    let m = u32::try_from(idx.rem_euclid(12)).ok()? + 1;
    ymd(y, m, 1)
}

/// `d` moved by `n` months, keeping the day of month (clamped to the month's end).
pub fn shift_months_keep_day(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let first = add_months(d, n)?;
    let len = month_len(first.year(), first.month())?;
    first.with_day(d.day().min(len))
}

pub fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(n)?)
}

/// Monday of the week containing `d` (weeks start on Monday, ISO 8601).
pub fn week_start(d: NaiveDate) -> Option<NaiveDate> {
    add_days(d, -i64::from(d.weekday().num_days_from_monday()))
}

pub fn week_span(monday: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    Some((monday, add_days(monday, 6)?))
}

/// The date of weekday `wd` in the Monday-based week starting `monday`.
pub fn weekday_in_week(monday: NaiveDate, wd: Weekday) -> Option<NaiveDate> {
    add_days(monday, i64::from(wd.num_days_from_monday()))
}

/// The `n`-th (1-based) `wd` on or after `from` when `n > 0`; strictly after when `strict`.
pub fn nth_weekday_after(from: NaiveDate, wd: Weekday, n: u32, strict: bool) -> Option<NaiveDate> {
    let mut diff = (7 + i64::from(wd.num_days_from_monday()) - i64::from(from.weekday().num_days_from_monday())) % 7;
    if strict && diff == 0 {
        diff = 7;
    }
    add_days(from, diff + 7 * i64::from(n.max(1) - 1))
}

/// The `n`-th (1-based) `wd` on or before `from`; strictly before when `strict`.
pub fn nth_weekday_before(from: NaiveDate, wd: Weekday, n: u32, strict: bool) -> Option<NaiveDate> {
    let mut diff = (7 + i64::from(from.weekday().num_days_from_monday()) - i64::from(wd.num_days_from_monday())) % 7;
    if strict && diff == 0 {
        diff = 7;
    }
    add_days(from, -(diff + 7 * i64::from(n.max(1) - 1)))
}

/// Days from `d` to the interval (0 when inside).
pub fn distance(d: NaiveDate, span: (NaiveDate, NaiveDate)) -> i64 {
    if d < span.0 {
        (span.0 - d).num_days()
    } else if d > span.1 {
        (d - span.1).num_days()
    } else {
        0
    }
}

/// The Monday-to-Sunday weeks lying wholly inside `span`, in order.
pub fn full_weeks(span: (NaiveDate, NaiveDate)) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let Some(mut monday) = nth_weekday_after(span.0, Weekday::Mon, 1, false) else {
        return out;
    };
    while let Some(sunday) = add_days(monday, 6) {
        if sunday > span.1 || out.len() > 600 {
            break;
        }
        out.push(monday);
        match add_days(monday, 7) {
            Some(m) => monday = m,
            None => break,
        }
    }
    out
}

/// Two-digit years: the century that puts the year at most 20 years after `as_of`.
pub fn expand_two_digit_year(yy: u32, as_of_year: i32) -> i32 {
    let yy = yy as i32;
    let century = as_of_year.div_euclid(100) * 100;
    let candidate = century + yy;
    if candidate > as_of_year + 20 {
        candidate - 100
    } else {
        candidate
    }
}

pub fn in_year_range(y: i32) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&y)
}

/// Easter Sunday (Gregorian computus, the anonymous algorithm of 1876).
pub fn easter(y: i32) -> Option<NaiveDate> {
    if !in_year_range(y) {
        return None;
    }
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month as u32, day as u32)
}
