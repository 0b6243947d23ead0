//! Named holidays (docs/temporal.md, "Holidays"): their names, and the days
//! each falls on in a given Gregorian year, by the calendar that fixes it:
//!
//! - a fixed day of the Gregorian calendar (Christmas, Bastille Day);
//! - an N-th or last weekday of a month (Thanksgiving, Labor Day: the US
//!   rules where the name is American);
//! - Easter, by the Gregorian computus (Ash Wednesday, Pentecost), or by the
//!   Julian one for the Orthodox feasts;
//! - the Hebrew calendar (Rosh Hashanah, Passover, Hanukkah), computed from
//!   the molad and the postponement rules; a Jewish holiday begins at
//!   sundown, so it is read from its eve to its last day;
//! - the Islamic calendar (Ramadan, the two Eids). The months begin with a
//!   sighting of the new moon, which differs by country and by a day or two
//!   from any arithmetic, so the arithmetical (tabular) date is read from two
//!   days before to one after ([`SIGHTING`]).
//!
//! Where such a holiday's edge is uncertain, its span says by how much
//! (`Span::margin`), so that "after Ramadan" starts after its earliest end.
//!
//! Holidays whose dates need astronomy or a lunisolar calendar of their own
//! (Chinese New Year, Diwali) are not read; neither are names that mean
//! different days in different countries ("Independence Day", "Labour
//! Day", "Election Day").

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Weekday};

use super::calendar::{self as cal, add_days, ymd};

/// How a holiday's day is found in a Gregorian year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Anchor {
    /// Month and day.
    Fixed(u32, u32),
    /// The N-th weekday of a month (N = -1: the last).
    Nth(u32, Weekday, i32),
    /// Easter Sunday, Gregorian computus.
    Easter,
    /// Easter Sunday, Julian computus (the Orthodox churches), as a Gregorian date.
    Orthodox,
    /// Christmas by the Julian calendar (the Orthodox churches that keep it).
    OrthodoxChristmas,
    /// A day of the Hebrew calendar.
    Hebrew(HebrewDay),
    /// A day of the Islamic calendar (month, day), by the arithmetical calendar.
    Islamic(u32, u32),
    /// The whole month of Ramadan, by the arithmetical calendar.
    Ramadan,
}

/// The Hebrew days read: each the first day of its holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HebrewDay {
    /// 1 Tishrei, plus days.
    Tishrei(i64),
    /// 25 Kislev.
    Hanukkah,
    /// 15 Shevat.
    TuBiShvat,
    /// 14 Adar (Adar II in a leap year), plus days.
    Purim(i64),
    /// 15 Nisan, plus days.
    Nisan(i64),
    /// 9 Av (the next day when it falls on a Sabbath).
    TishaBAv,
}

/// A holiday: where it falls and how many days it covers around that day.
#[derive(Debug, Clone, Copy)]
pub(super) struct Holiday {
    pub anchor: Anchor,
    /// Days from the anchor's day to the first and the last day read.
    pub from: i64,
    pub to: i64,
}

const fn h(anchor: Anchor, from: i64, to: i64) -> Holiday {
    Holiday { anchor, from, to }
}

const fn day(anchor: Anchor) -> Holiday {
    h(anchor, 0, 0)
}

use Anchor::*;
use HebrewDay::*;
use Weekday::*;

/// Every name read, as its words after the lexer (lower case, a possessive
/// "'s" dropped, hyphens and full stops dropped: "Eid al-Fitr" is "eid al
/// fitr", "St. Patrick's Day" is "st patrick day"), with its holiday. A name
/// is matched whole; the longest that matches wins. The grammar's filler
/// words ("the", "of", "on") are dropped before, so no name holds one
/// ("the Day of Ashura" is "day ashura", "All Saints' Day" is "saints day").
pub(super) const NAMES: &[(&str, Holiday)] = &[
    // Fixed days of the Gregorian calendar.
    ("christmas eve", day(Fixed(12, 24))),
    ("xmas eve", day(Fixed(12, 24))),
    ("christmas day", day(Fixed(12, 25))),
    ("christmas", day(Fixed(12, 25))),
    ("xmas", day(Fixed(12, 25))),
    ("boxing day", day(Fixed(12, 26))),
    ("new year eve", day(Fixed(12, 31))),
    ("new years eve", day(Fixed(12, 31))),
    ("new year day", day(Fixed(1, 1))),
    ("new years day", day(Fixed(1, 1))),
    ("epiphany", day(Fixed(1, 6))),
    ("valentine day", day(Fixed(2, 14))),
    ("valentines day", day(Fixed(2, 14))),
    ("st valentine day", day(Fixed(2, 14))),
    ("saint valentine day", day(Fixed(2, 14))),
    ("international women day", day(Fixed(3, 8))),
    ("st patrick day", day(Fixed(3, 17))),
    ("saint patrick day", day(Fixed(3, 17))),
    ("st patricks day", day(Fixed(3, 17))),
    ("saint patricks day", day(Fixed(3, 17))),
    ("st paddy day", day(Fixed(3, 17))),
    ("saint paddy day", day(Fixed(3, 17))),
    ("may day", day(Fixed(5, 1))),
    ("juneteenth", day(Fixed(6, 19))),
    ("canada day", day(Fixed(7, 1))),
    ("bastille day", day(Fixed(7, 14))),
    ("halloween", day(Fixed(10, 31))),
    ("saints day", day(Fixed(11, 1))),
    ("souls day", day(Fixed(11, 2))),
    ("veterans day", day(Fixed(11, 11))),
    ("armistice day", day(Fixed(11, 11))),
    ("remembrance day", day(Fixed(11, 11))),
    ("australia day", day(Fixed(1, 26))),
    // N-th weekdays (the US rules for the US holidays).
    ("martin luther king day", day(Nth(1, Mon, 3))),
    ("martin luther king jr day", day(Nth(1, Mon, 3))),
    ("martin luther kings day", day(Nth(1, Mon, 3))),
    ("mlk day", day(Nth(1, Mon, 3))),
    ("mlk jr day", day(Nth(1, Mon, 3))),
    ("presidents day", day(Nth(2, Mon, 3))),
    ("president day", day(Nth(2, Mon, 3))),
    ("washington birthday", day(Nth(2, Mon, 3))),
    ("mother day", day(Nth(5, Sun, 2))),
    ("mothers day", day(Nth(5, Sun, 2))),
    ("memorial day", day(Nth(5, Mon, -1))),
    ("memorial day weekend", h(Nth(5, Mon, -1), -2, 0)),
    ("father day", day(Nth(6, Sun, 3))),
    ("fathers day", day(Nth(6, Sun, 3))),
    ("labor day", day(Nth(9, Mon, 1))),
    ("labor day weekend", h(Nth(9, Mon, 1), -2, 0)),
    ("columbus day", day(Nth(10, Mon, 2))),
    ("indigenous peoples day", day(Nth(10, Mon, 2))),
    ("canadian thanksgiving", day(Nth(10, Mon, 2))),
    ("remembrance sunday", day(Nth(11, Sun, 2))),
    ("thanksgiving", day(Nth(11, Thu, 4))),
    ("thanksgiving day", day(Nth(11, Thu, 4))),
    ("thanksgiving weekend", h(Nth(11, Thu, 4), 0, 3)),
    ("black friday", h(Nth(11, Thu, 4), 1, 1)),
    ("cyber monday", h(Nth(11, Thu, 4), 4, 4)),
    // Easter and the feasts counted from it.
    ("shrove tuesday", h(Easter, -47, -47)),
    ("pancake day", h(Easter, -47, -47)),
    ("pancake tuesday", h(Easter, -47, -47)),
    ("mardi gras", h(Easter, -47, -47)),
    ("ash wednesday", h(Easter, -46, -46)),
    ("lent", h(Easter, -46, -1)),
    ("mothering sunday", h(Easter, -21, -21)),
    ("palm sunday", h(Easter, -7, -7)),
    ("holy week", h(Easter, -7, -1)),
    ("maundy thursday", h(Easter, -3, -3)),
    ("holy thursday", h(Easter, -3, -3)),
    ("good friday", h(Easter, -2, -2)),
    ("holy saturday", h(Easter, -1, -1)),
    ("easter", day(Easter)),
    ("easter sunday", day(Easter)),
    ("easter day", day(Easter)),
    ("easter monday", h(Easter, 1, 1)),
    ("easter mon", h(Easter, 1, 1)),
    // Good Friday to Easter Monday: every day a reader may mean by it (a
    // Saturday-Sunday weekend, or the four days of the holiday).
    ("easter weekend", h(Easter, -2, 1)),
    ("ascension day", h(Easter, 39, 39)),
    ("ascension thursday", h(Easter, 39, 39)),
    ("pentecost", h(Easter, 49, 49)),
    ("pentecost sunday", h(Easter, 49, 49)),
    ("whit sunday", h(Easter, 49, 49)),
    ("whitsun", h(Easter, 49, 49)),
    ("whit monday", h(Easter, 50, 50)),
    ("trinity sunday", h(Easter, 56, 56)),
    ("corpus christi", h(Easter, 60, 60)),
    // The Orthodox churches.
    ("orthodox easter", day(Orthodox)),
    ("orthodox easter sunday", day(Orthodox)),
    ("orthodox good friday", h(Orthodox, -2, -2)),
    ("orthodox great friday", h(Orthodox, -2, -2)),
    ("clean monday", h(Orthodox, -48, -48)),
    ("great lent", h(Orthodox, -48, -9)),
    ("lazarus saturday", h(Orthodox, -8, -8)),
    ("orthodox christmas", day(OrthodoxChristmas)),
    // The Hebrew calendar: the first to the last day (outside Israel, where
    // Passover and Shavuot last a day longer); `occurrences` adds the eve.
    ("rosh hashanah", h(Hebrew(Tishrei(0)), 0, 1)),
    ("rosh hashana", h(Hebrew(Tishrei(0)), 0, 1)),
    ("rosh hashanna", h(Hebrew(Tishrei(0)), 0, 1)),
    ("jewish new year", h(Hebrew(Tishrei(0)), 0, 1)),
    ("yom kippur", h(Hebrew(Tishrei(9)), 0, 0)),
    ("sukkot", h(Hebrew(Tishrei(14)), 0, 6)),
    ("sukkoth", h(Hebrew(Tishrei(14)), 0, 6)),
    ("succot", h(Hebrew(Tishrei(14)), 0, 6)),
    ("succos", h(Hebrew(Tishrei(14)), 0, 6)),
    ("shemini atzeret", h(Hebrew(Tishrei(21)), 0, 0)),
    ("simchat torah", h(Hebrew(Tishrei(22)), 0, 0)),
    ("hanukkah", h(Hebrew(Hanukkah), 0, 7)),
    ("hanukah", h(Hebrew(Hanukkah), 0, 7)),
    ("hannukah", h(Hebrew(Hanukkah), 0, 7)),
    ("hannukkah", h(Hebrew(Hanukkah), 0, 7)),
    ("chanukah", h(Hebrew(Hanukkah), 0, 7)),
    ("chanukkah", h(Hebrew(Hanukkah), 0, 7)),
    ("tu bishvat", h(Hebrew(TuBiShvat), 0, 0)),
    ("tu bshvat", h(Hebrew(TuBiShvat), 0, 0)),
    ("purim", h(Hebrew(Purim(0)), 0, 0)),
    ("shushan purim", h(Hebrew(Purim(1)), 0, 0)),
    ("passover", h(Hebrew(Nisan(0)), 0, 7)),
    ("pesach", h(Hebrew(Nisan(0)), 0, 7)),
    ("shavuot", h(Hebrew(Nisan(50)), 0, 1)),
    ("shavuos", h(Hebrew(Nisan(50)), 0, 1)),
    ("tisha bav", h(Hebrew(TishaBAv), 0, 0)),
    ("tisha b av", h(Hebrew(TishaBAv), 0, 0)),
    // The Islamic calendar: the arithmetical day; `occurrences` adds the
    // days a sighting may move it by.
    ("ramadan", day(Ramadan)),
    ("ramadhan", day(Ramadan)),
    ("ramazan", day(Ramadan)),
    ("eid al fitr", day(Islamic(10, 1))),
    ("eid ul fitr", day(Islamic(10, 1))),
    ("eid el fitr", day(Islamic(10, 1))),
    ("eid fitr", day(Islamic(10, 1))),
    ("id ul fitr", day(Islamic(10, 1))),
    ("id al fitr", day(Islamic(10, 1))),
    ("eid al adha", day(Islamic(12, 10))),
    ("eid ul adha", day(Islamic(12, 10))),
    ("eid el adha", day(Islamic(12, 10))),
    ("eid adha", day(Islamic(12, 10))),
    ("eid el kebir", day(Islamic(12, 10))),
    ("id ul adha", day(Islamic(12, 10))),
    ("id al adha", day(Islamic(12, 10))),
    ("bakr id", day(Islamic(12, 10))),
    ("bakrid", day(Islamic(12, 10))),
    ("kurban bayram", day(Islamic(12, 10))),
    ("kurban bayrami", day(Islamic(12, 10))),
    ("islamic new year", day(Islamic(1, 1))),
    ("hijri new year", day(Islamic(1, 1))),
    ("ashura", day(Islamic(1, 10))),
    ("day ashura", day(Islamic(1, 10))),
    ("mawlid", day(Islamic(3, 12))),
    ("mawlid al nabi", day(Islamic(3, 12))),
    ("mawlid al nabawi", day(Islamic(3, 12))),
];

/// Whether some name begins with `word`: most words of a date begin none,
/// and the grammar asks of every stretch of the expression it tries.
pub(super) fn is_first_word(word: &str) -> bool {
    static FIRST: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let mut first: Vec<&str> = NAMES.iter().filter_map(|(name, _)| name.split(' ').next()).collect();
        first.sort_unstable();
        first.dedup();
        first
    });
    FIRST.binary_search(&word).is_ok()
}

/// The longest name that `words` starts with: its holiday and how many words it took.
pub(super) fn name_at(words: &[&str]) -> Option<(Holiday, usize)> {
    NAMES
        .iter()
        .filter_map(|(name, holiday)| {
            // Most names differ in their first word: stop at the first difference.
            let mut n = 0;
            for part in name.split(' ') {
                if words.get(n) != Some(&part) {
                    return None;
                }
                n += 1;
            }
            Some((*holiday, n))
        })
        .max_by_key(|&(_, n)| n)
}

/// The rule a reading names, by the calendar that fixed the day.
pub(super) fn rule(anchor: Anchor) -> &'static str {
    match anchor {
        Fixed(..) => "holiday on a fixed date, year by tense or anchor",
        Nth(..) => "holiday on an N-th weekday of its month (US rules for US holidays), year by tense or anchor",
        Easter => "holiday counted from Easter (Gregorian computus), year by tense or anchor",
        Orthodox | OrthodoxChristmas => "Orthodox holiday (Julian calendar), year by tense or anchor",
        Hebrew(_) => "Jewish holiday (Hebrew calendar), from its eve to its last day, year by tense or anchor",
        Islamic(..) | Ramadan => {
            "Islamic holiday (arithmetical Hijri calendar, two days before and one after for the moon's sighting), \
             year by tense or anchor"
        }
    }
}

/// One occurrence of a holiday: the days read, and within them the days its
/// calendar names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Occurrence {
    /// The days read: `core` with the eve (Hebrew calendar) or the days a
    /// sighting of the moon may move it by (Islamic calendar).
    pub days: (NaiveDate, NaiveDate),
    /// The days the calendar's rule gives.
    pub core: (NaiveDate, NaiveDate),
    /// How many of the first (last) days of `days` may lie before the
    /// holiday begins (after it ends): `Span::margin`.
    pub margin: (i64, i64),
}

/// Days added before and after an Islamic holiday's arithmetical days: the
/// arithmetical calendar runs 0 to 2 days after the Umm al-Qura calendar
/// (Saudi Arabia), and countries that sight the moon themselves keep many
/// feasts a day after Saudi Arabia.
const SIGHTING: (i64, i64) = (2, 1);

/// Each occurrence of `holiday` in Gregorian year `y` (one, except an
/// Islamic holiday, which may fall twice in a year: in 2000, Eid al-Fitr
/// fell on January 8 and December 28 by the arithmetical calendar).
pub(super) fn occurrences(holiday: Holiday, y: i32) -> Vec<Occurrence> {
    if !cal::in_year_range(y) {
        return Vec::new();
    }
    let around = |d: NaiveDate| Some((add_days(d, holiday.from)?, add_days(d, holiday.to)?));
    let cores: Vec<(NaiveDate, NaiveDate)> = match holiday.anchor {
        Fixed(m, d) => ymd(y, m, d).and_then(around).into_iter().collect(),
        Nth(m, wd, n) => nth_weekday(y, m, wd, n).and_then(around).into_iter().collect(),
        Easter => cal::easter(y).and_then(around).into_iter().collect(),
        Orthodox => julian_easter(y).and_then(around).into_iter().collect(),
        // Julian December 25: January 7 of the next Gregorian year in 1901-2100,
        // December of the same year before about 1100.
        OrthodoxChristmas => {
            (y - 1..=y).filter_map(|jy| julian(jy, 12, 25)).filter(|d| d.year() == y).filter_map(around).collect()
        }
        Hebrew(which) => hebrew_day(y, which).and_then(around).into_iter().collect(),
        Islamic(m, d) => islamic_days(y, |iy| islamic(iy, m, d)).into_iter().filter_map(around).collect(),
        Ramadan => islamic_days(y, |iy| islamic(iy, 9, 1))
            .into_iter()
            .filter_map(|first| {
                let last = add_days(islamic(islamic_year(first)?, 10, 1)?, -1)?;
                Some((add_days(first, holiday.from)?, add_days(last, holiday.to)?))
            })
            .collect(),
    };
    let ((before, after), margin) = match holiday.anchor {
        // A Jewish holiday begins at sundown on its eve: it starts on the eve or
        // on its first day, as a reader counts, and ends on its last day.
        Hebrew(_) => ((1, 0), (1, 0)),
        // The feast may fall on any day of the window: its first and its last
        // day are each known only to the window's width.
        Islamic(..) | Ramadan => (SIGHTING, (SIGHTING.0 + SIGHTING.1, SIGHTING.0 + SIGHTING.1)),
        _ => ((0, 0), (0, 0)),
    };
    cores
        .into_iter()
        .filter_map(|core| {
            let days = (add_days(core.0, -before)?, add_days(core.1, after)?);
            Some(Occurrence { days, core, margin })
        })
        .collect()
}

/// The `n`-th `wd` of month `m` of year `y` (`n` = -1: the last).
fn nth_weekday(y: i32, m: u32, wd: Weekday, n: i32) -> Option<NaiveDate> {
    if n < 0 {
        cal::nth_weekday_before(ymd(y, m, cal::month_len(y, m)?)?, wd, n.unsigned_abs(), false)
    } else {
        let d = cal::nth_weekday_after(ymd(y, m, 1)?, wd, n as u32, false)?;
        (d.month() == m).then_some(d)
    }
}

// ------------------------------------------------------------ calendars
// Day numbers are "fixed" days as in Reingold and Dershowitz, Calendrical
// Calculations: day 1 is January 1 of the year 1 (Gregorian), as chrono's
// `num_days_from_ce`.

fn from_fixed(fixed: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(fixed).ok()?).filter(|d| cal::in_year_range(d.year()))
}

fn fixed(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

/// Day `d` of month `m` of year `y` of the Julian calendar, as a Gregorian date.
fn julian(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    let (y, m, d) = (i64::from(y), i64::from(m), i64::from(d));
    if y < 1 {
        return None;
    }
    let leap = y % 4 == 0;
    let before_march = if m <= 2 {
        0
    } else if leap {
        -1
    } else {
        -2
    };
    // The Julian calendar's epoch is December 30 of the year 0 (Gregorian): fixed day -1.
    from_fixed(-2 + 365 * (y - 1) + (y - 1).div_euclid(4) + (367 * m - 362).div_euclid(12) + before_march + d)
}

/// Easter Sunday by the Julian computus (Meeus), as a Gregorian date.
fn julian_easter(y: i32) -> Option<NaiveDate> {
    let (a, b, c) = (y % 4, y % 7, y % 19);
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    julian(y, month as u32, day as u32)
}

/// Whether Hebrew year `hy` has thirteen months.
fn hebrew_leap(hy: i64) -> bool {
    (7 * hy + 1).rem_euclid(19) < 7
}

/// Days from the Hebrew epoch to the molad of Tishrei of year `hy`, after
/// the first postponement (no Rosh Hashanah on a Sunday, Wednesday or Friday).
fn hebrew_elapsed_days(hy: i64) -> i64 {
    let months = (235 * hy - 234).div_euclid(19);
    let parts = 12084 + 13753 * months;
    let days = 29 * months + parts.div_euclid(25920);
    if (3 * (days + 1)).rem_euclid(7) < 3 {
        days + 1
    } else {
        days
    }
}

/// 1 Tishrei of Hebrew year `hy`, as a fixed day: the other postponements
/// keep every year 353-355 days long (383-385 in a leap year).
fn hebrew_new_year(hy: i64) -> i64 {
    const EPOCH: i64 = -1_373_427;
    let (before, this, next) = (hebrew_elapsed_days(hy - 1), hebrew_elapsed_days(hy), hebrew_elapsed_days(hy + 1));
    let correction = if next - this == 356 {
        2
    } else if this - before == 382 {
        1
    } else {
        0
    };
    EPOCH + this + correction
}

/// The first day of `which` in Gregorian year `y` (Rosh Hashanah and the
/// autumn feasts of the Hebrew year that begins in it, the spring feasts of
/// the one that ends in it).
fn hebrew_day(y: i32, which: HebrewDay) -> Option<NaiveDate> {
    let hy = i64::from(y) + 3761;
    let new_year = hebrew_new_year(hy);
    // 15 Nisan is always 163 days before the next 1 Tishrei: Nisan to Elul
    // have fixed lengths (30, 29, 30, 29, 30, 29).
    let passover = new_year - 163;
    let purim = passover - 30;
    let d = match which {
        Tishrei(k) => new_year + k,
        Hanukkah => {
            // Tishrei has 30 days; Heshvan 30 in a "complete" year (355 or 385 days), else 29.
            let length = hebrew_new_year(hy + 1) - new_year;
            let heshvan = if length % 10 == 5 { 30 } else { 29 };
            new_year + 30 + heshvan + 24
        }
        // 15 Shevat to 14 Adar: Shevat's 30 days, and Adar I's 30 in a leap year.
        TuBiShvat => purim - if hebrew_leap(hy - 1) { 59 } else { 29 },
        Purim(k) => purim + k,
        Nisan(k) => passover + k,
        TishaBAv => {
            // 1 Av is 59 days before 1 Tishrei (Av 30, Elul 29); a fast on a Sabbath waits a day.
            let d = new_year - 59 + 8;
            if from_fixed(d)?.weekday() == Sat {
                d + 1
            } else {
                d
            }
        }
    };
    from_fixed(d)
}

/// The Islamic calendar's epoch, July 16 622 (Julian): fixed day 227015.
const ISLAMIC_EPOCH: i64 = 227_015;

/// Day `d` of month `m` of Islamic year `iy`, by the arithmetical calendar
/// (months of 30 and 29 days in turn, 11 leap years in 30).
fn islamic(iy: i64, m: u32, d: u32) -> Option<NaiveDate> {
    if iy < 1 {
        return None;
    }
    let (m, d) = (i64::from(m), i64::from(d));
    from_fixed(ISLAMIC_EPOCH - 1 + (iy - 1) * 354 + (3 + 11 * iy).div_euclid(30) + 29 * (m - 1) + m / 2 + d)
}

/// The Islamic year that `date` falls in.
fn islamic_year(date: NaiveDate) -> Option<i64> {
    let y = (30 * (fixed(date) - ISLAMIC_EPOCH) + 10646).div_euclid(10631);
    (y >= 1).then_some(y)
}

/// The days `day_of(islamic year)` gives that fall in Gregorian year `y`
/// (an Islamic year is 354 or 355 days: a Gregorian year meets two or three).
fn islamic_days(y: i32, day_of: impl Fn(i64) -> Option<NaiveDate>) -> Vec<NaiveDate> {
    let Some(first) = ymd(y, 1, 1).and_then(islamic_year) else { return Vec::new() };
    (first..=first + 2).filter_map(day_of).filter(|d| d.year() == y).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn first_day(name: &str, y: i32) -> Vec<NaiveDate> {
        let words: Vec<&str> = name.split(' ').collect();
        let (holiday, n) = name_at(&words).unwrap();
        assert_eq!(n, words.len(), "{name}");
        occurrences(Holiday { from: 0, to: 0, ..holiday }, y).into_iter().map(|o| o.core.0).collect()
    }

    #[test]
    fn nth_weekday_holidays_follow_their_rules() {
        // Thanksgiving 2013: the fourth Thursday of November (Nov 1 was a Friday).
        assert_eq!(first_day("thanksgiving", 2013), [date("2013-11-28")]);
        assert_eq!(first_day("thanksgiving", 2012), [date("2012-11-22")]);
        assert_eq!(first_day("mlk day", 2014), [date("2014-01-20")]);
        assert_eq!(first_day("memorial day", 2016), [date("2016-05-30")]);
        assert_eq!(first_day("labor day", 2013), [date("2013-09-02")]);
    }

    #[test]
    fn orthodox_easter_is_the_julian_computus_on_the_gregorian_calendar() {
        assert_eq!(first_day("orthodox easter", 2018), [date("2018-04-08")]);
        assert_eq!(first_day("orthodox easter", 2013), [date("2013-05-05")]);
        // The two computations agree in some years (2017: April 16).
        assert_eq!(first_day("orthodox easter", 2017), first_day("easter", 2017));
        assert_eq!(first_day("orthodox christmas", 2013), [date("2013-01-07")]);
        assert_eq!(first_day("orthodox christmas", 2101), [date("2101-01-08")]);
    }

    #[test]
    fn hebrew_holidays_fall_where_the_calendar_puts_them() {
        // Published dates (first day, not the eve).
        assert_eq!(first_day("rosh hashanah", 2018), [date("2018-09-10")]);
        assert_eq!(first_day("rosh hashanah", 2013), [date("2013-09-05")]);
        assert_eq!(first_day("rosh hashanah", 2023), [date("2023-09-16")]);
        assert_eq!(first_day("yom kippur", 2018), [date("2018-09-19")]);
        assert_eq!(first_day("sukkot", 2018), [date("2018-09-24")]);
        assert_eq!(first_day("hanukkah", 2018), [date("2018-12-03")]);
        assert_eq!(first_day("hanukkah", 2013), [date("2013-11-28")]);
        assert_eq!(first_day("passover", 2018), [date("2018-03-31")]);
        assert_eq!(first_day("passover", 2016), [date("2016-04-23")]);
        assert_eq!(first_day("shavuot", 2018), [date("2018-05-20")]);
        assert_eq!(first_day("purim", 2013), [date("2013-02-24")]);
        assert_eq!(first_day("purim", 2016), [date("2016-03-24")]);
        assert_eq!(first_day("tu bishvat", 2018), [date("2018-01-31")]);
        assert_eq!(first_day("tu bishvat", 2016), [date("2016-01-25")]);
        // 9 Av 5778 was a Sabbath (July 21, 2018): the fast was the next day.
        assert_eq!(first_day("tisha bav", 2018), [date("2018-07-22")]);
        assert_eq!(first_day("tisha bav", 2013), [date("2013-07-16")]);
    }

    #[test]
    fn islamic_holidays_are_the_arithmetical_days() {
        // The arithmetical calendar is within a day of the observed dates:
        // Eid al-Fitr 2013 was observed on August 8, Eid al-Adha 2016 on
        // September 12 (Saudi Arabia), Ramadan 2013 began on July 9 or 10.
        let near = |got: &[NaiveDate], want: &str| {
            assert_eq!(got.len(), 1);
            assert!((got[0] - date(want)).num_days().abs() <= 1, "{got:?} vs {want}");
        };
        near(&first_day("eid al fitr", 2013), "2013-08-08");
        near(&first_day("eid al adha", 2016), "2016-09-12");
        near(&first_day("ramadan", 2013), "2013-07-09");
        near(&first_day("islamic new year", 2018), "2018-09-11");
        // Eid al-Fitr fell twice in 2000.
        assert_eq!(first_day("eid al fitr", 2000).len(), 2);
    }

    #[test]
    fn names_hold_no_word_the_cleaner_drops() {
        for (name, _) in NAMES {
            assert!(!name.split(' ').any(super::super::words::is_filler), "{name}");
        }
    }

    #[test]
    fn the_longest_name_wins() {
        assert_eq!(name_at(&["easter", "monday", "2014"]).map(|(h, n)| (h.from, n)), Some((1, 2)));
        assert_eq!(name_at(&["thanksgiving", "weekend"]).map(|(h, n)| (h.to, n)), Some((3, 2)));
        assert_eq!(name_at(&["thanks"]).map(|(_, n)| n), None);
    }
}
