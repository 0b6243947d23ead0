//! The temporal reader: a date expression, read against the date it was said,
//! becomes an inclusive interval of calendar days.
//!
//! PUBLIC API (other modules depend on exactly these names; keep them stable):
//! `read_date`, `DateReading`, `Precision`, `Tense`, `tense_of`, `DateError`.

use chrono::NaiveDate;

/// How fine-grained a reading is. Serialized with [`Precision::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
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

/// An inclusive interval of days; `None` is an open end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateReading {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub precision: Precision,
    /// The convention that produced the reading, e.g. "part-of-month: mid = days 11-20".
    pub rule: &'static str,
}

/// An expression the grammar does not understand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub message: String,
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Read `expr` as said on `as_of`; `tense` decides bare months and weekdays.
pub fn read_date(expr: &str, as_of: NaiveDate, tense: Tense) -> Result<DateReading, DateError> {
    let _ = (expr, as_of, tense);
    Err(DateError { message: format!("cannot read '{expr}' as a date yet") })
}

/// The tense of a sentence, from its verbs ("will", "plans" vs "was held", "met").
pub fn tense_of(quote: &str) -> Tense {
    let _ = quote;
    Tense::Unknown
}
