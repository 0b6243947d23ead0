//! The temporal reader over arbitrary text. The first bytes choose the
//! `as_of` date (any day from year 1800 to 2200) and the tense; the rest is the
//! expression. It must never panic, and a reading must be a real interval.
#![no_main]

use chrono::{Days, NaiveDate};
use crosscheck::normalize::date::{read_date, tense_of, Tense};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let days = u32::from(u16::from_le_bytes([data[0], data[1]])) * 2; // up to ~359 years
    let as_of = NaiveDate::from_ymd_opt(1800, 1, 1).unwrap().checked_add_days(Days::new(days.into())).unwrap();
    let tense = match data[2] % 3 {
        0 => Tense::Past,
        1 => Tense::Future,
        _ => Tense::Unknown,
    };
    let Ok(expr) = std::str::from_utf8(&data[3..]) else { return };
    let _ = tense_of(expr);
    if let Ok(reading) = read_date(expr, as_of, tense) {
        if let (Some(start), Some(end)) = (reading.start, reading.end) {
            assert!(start <= end, "{expr:?} as of {as_of}: {start} > {end}");
        }
    }
});
