//! Normalize: read each claim's value for what it means, by its type.
//!
//! - `date`: a temporal expression, read against the claim's `as_of` (and the
//!   tense of its quote), becomes an inclusive day interval (`date`);
//! - `number`: a range (`number`);
//! - `entity` / `entities`: registry ids (a set for `entities`);
//! - `text`: folded text, and an event status for status properties (`text`).
//!
//! Pure: no I/O. A value that cannot be read is an error for that claim only.

pub mod date;
pub mod number;
pub mod text;

use std::sync::Arc;

use crate::model::{Claim, RawValue, ValueType};
use crate::resolve::{EntityRef, Registry, Resolutions};
use date::{read_date, tense_of_said, DateReading, Precision};
use number::{read_number, NumberReading};
use text::{read_text, TextReading};

/// What a claim's value means.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    Date(DateReading),
    Number(NumberReading),
    /// Shared with every claim naming the same name ([`Resolutions`]).
    Entity(Arc<EntityRef>),
    /// Sorted by id, without duplicates.
    Entities(Vec<Arc<EntityRef>>),
    Text(TextReading),
}

impl Reading {
    /// The reading on one line, as the table and the Markdown report show it.
    pub fn describe(&self) -> String {
        match self {
            Reading::Date(d) => describe_interval(d),
            Reading::Number(n) => describe_range(n),
            Reading::Entity(e) => e.id.clone(),
            Reading::Entities(es) => format!("{{{}}}", es.iter().map(|e| e.id.as_str()).collect::<Vec<_>>().join(", ")),
            Reading::Text(t) => match t.status {
                Some(s) => format!("status: {}", s.as_str()),
                None => format!("\"{}\"", t.folded),
            },
        }
    }
}

fn describe_interval(d: &DateReading) -> String {
    let (start, end) = format_bounds(d);
    let body = match (start, end) {
        (Some(a), Some(b)) if a == b => a,
        (Some(a), Some(b)) => format!("{a} .. {b}"),
        (Some(a), None) => format!("{a} .. (open)"),
        (None, Some(b)) => format!("(open) .. {b}"),
        (None, None) => "(any time)".to_string(),
    };
    // Name the grain where it is a calendar unit; days, minutes, ranges and open ends show themselves.
    let body = match d.precision {
        Precision::Day | Precision::Minute | Precision::Range | Precision::Open => body,
        p => format!("{body} ({})", p.as_str()),
    };
    if d.qualifiers.is_empty() {
        body
    } else {
        format!("{body} [{}]", d.qualifiers.join("; "))
    }
}

/// A day as every output writes it: `YYYY-MM-DD`.
pub fn format_day(d: chrono::NaiveDate) -> String {
    let mut out = String::with_capacity(16);
    push_day(&mut out, d);
    out
}

/// A minute as every output writes it: `YYYY-MM-DDTHH:MM`.
pub fn format_minute(t: chrono::NaiveDateTime) -> String {
    use chrono::Timelike;
    let mut out = String::with_capacity(16);
    push_day(&mut out, t.date());
    out.push('T');
    push_digits(&mut out, t.hour(), 2);
    out.push(':');
    push_digits(&mut out, t.minute(), 2);
    out
}

/// `YYYY-MM-DD` as chrono's `%Y-%m-%d` writes it, without parsing the format
/// each time (every reason, support line and report writes days).
fn push_day(out: &mut String, d: chrono::NaiveDate) {
    use chrono::Datelike;
    match u32::try_from(d.year()) {
        Ok(y) if y <= 9999 => {
            push_digits(out, y, 4);
            out.push('-');
            push_digits(out, d.month(), 2);
            out.push('-');
            push_digits(out, d.day(), 2);
        }
        // Years chrono writes with a sign.
        _ => out.push_str(&d.format("%Y-%m-%d").to_string()),
    }
}

/// `n` in decimal, zero-padded to `width` digits (`n` has at most `width`).
fn push_digits(out: &mut String, n: u32, width: u32) {
    for p in (0..width).rev() {
        out.push(char::from(b'0' + (n / 10u32.pow(p) % 10) as u8));
    }
}

/// A reading's bounds as every output writes them: `YYYY-MM-DDTHH:MM` (the
/// first and the last minute covered) when the reading has a time of day,
/// `YYYY-MM-DD` (the first and the last day) otherwise; `None` is an open end.
pub fn format_bounds(d: &DateReading) -> (Option<String>, Option<String>) {
    if d.has_time() {
        (d.first_minute().map(format_minute), d.last_minute().map(format_minute))
    } else {
        (d.start.map(format_day), d.end.map(format_day))
    }
}

/// A number as people write it: no ".0", thousands grouped; a fraction to
/// six decimals at most (3.125 is not shown as 3.12, which would make two
/// readings that conflict look equal).
pub fn format_number(n: f64) -> String {
    if n.fract() != 0.0 {
        let s = format!("{n:.6}");
        return s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    let digits = format!("{}", n.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0.0 {
        out.insert(0, '-');
    }
    out
}

fn describe_range(n: &NumberReading) -> String {
    match (n.low, n.high) {
        (Some(a), Some(b)) if a == b => format_number(a),
        (Some(a), Some(b)) => format!("{} .. {}", format_number(a), format_number(b)),
        (Some(a), None) => format!(">= {}", format_number(a)),
        (None, Some(b)) => format!("<= {}", format_number(b)),
        (None, None) => "any".to_string(),
    }
}

/// Why a claim's value has no reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unread {
    /// The value cannot be read: an error in the input.
    Error(String),
    /// The value says it is not known ("Not Available", "n/a"): nothing to
    /// compare, which is not an error (docs/temporal.md).
    NoValue(String),
}

impl From<String> for Unread {
    fn from(message: String) -> Unread {
        Unread::Error(message)
    }
}

/// Read one claim's value. `resolutions` holds every name already resolved.
pub fn read_claim(claim: &Claim, registry: &Registry, resolutions: &Resolutions<'_>) -> Result<Reading, Unread> {
    let entity = |name: &str| resolutions.entity(registry, name);
    match (&claim.value, claim.value_type) {
        (RawValue::Scalar(s), ValueType::Date) => read_date(s, claim.as_of, tense_of_said(&claim.quote, claim.as_of))
            .map(Reading::Date)
            .map_err(|e| if e.no_value { Unread::NoValue(e.message) } else { Unread::Error(e.message) }),
        (RawValue::Scalar(s), ValueType::Number) => {
            read_number(s).map(Reading::Number).map_err(|e| format!("cannot read '{s}' as a number: {e}").into())
        }
        (RawValue::Scalar(s), ValueType::Entity) => {
            names_something(s, "the value")?;
            Ok(Reading::Entity(entity(s)))
        }
        (RawValue::Scalar(s), ValueType::Text) => {
            read_text(s, &claim.property).map(Reading::Text).map_err(Unread::Error)
        }
        (value, ValueType::Entities) => {
            for item in value.items() {
                names_something(item, "the list item")?;
            }
            let mut refs: Vec<Arc<EntityRef>> = value.items().map(entity).collect();
            refs.sort();
            refs.dedup_by(|a, b| a.id == b.id);
            Ok(Reading::Entities(refs))
        }
        (RawValue::List(_), t) => Err(format!("a list cannot be read as {}", t.as_str()).into()),
    }
}

/// An entity named by marks alone ('...', '-', '?') names nothing: no
/// registry name can match it (the registry refuses such a name or alias),
/// so it is an error, as a subject or property with no letter or digit is.
fn names_something(name: &str, what: &str) -> Result<(), Unread> {
    if crate::text::fold(name).is_empty() {
        return Err(Unread::Error(format!("{what} '{name}' has no letter or digit: it names no entity")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_minutes_are_written_as_chrono_writes_them() {
        use chrono::NaiveDate;
        let years = [-12345, -1, 0, 1, 9, 99, 999, 1000, 2013, 9999, 10000, 123456];
        for y in years {
            for (m, d) in [(1, 1), (2, 28), (7, 9), (12, 31)] {
                let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
                assert_eq!(format_day(day), day.format("%Y-%m-%d").to_string());
                for (h, min) in [(0, 0), (5, 7), (23, 59)] {
                    let t = day.and_hms_opt(h, min, 0).unwrap();
                    assert_eq!(format_minute(t), t.format("%Y-%m-%dT%H:%M").to_string());
                }
            }
        }
        assert_eq!(format_day(NaiveDate::from_ymd_opt(2013, 7, 9).unwrap()), "2013-07-09");
    }

    #[test]
    fn numbers_are_written_as_people_write_them() {
        assert_eq!(format_number(100000.0), "100,000");
        assert_eq!(format_number(1.5), "1.5");
        assert_eq!(format_number(-1200.0), "-1,200");
        assert_eq!(format_number(12.0), "12");
        // Three decimals stay three: 3.125 and 3.12 must not look equal.
        assert_eq!(format_number(3.125), "3.125");
        assert_eq!(format_number(0.125), "0.125");
        assert_eq!(format_number(3.15), "3.15");
    }
}
