//! Domain types: what a claim file means once it has been read and checked.
//! No serde, no YAML: `load` builds these from the raw tree, and the pure core
//! (resolve, normalize, group, compare) works on them only.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::error::Loc;

/// A property name as facts are keyed by it: trimmed, lower case, spaces and
/// dashes as `_` ("Act-Dep Time" -> `act_dep_time`). Claim files, the
/// registry's `properties:` and `--tolerance` all go through it.
pub fn property_name(s: &str) -> String {
    s.trim().to_lowercase().replace([' ', '-'], "_")
}

/// [`property_name`] of a string the caller owns: kept as it is when it is
/// already a property name (lower-case ASCII, no space or dash, trimmed),
/// as claim files write them.
pub fn into_property_name(s: String) -> String {
    // Printable ASCII only: `str::trim` also cuts controls such as \x0B
    // that `u8::is_ascii_whitespace` does not count.
    let ready = s.bytes().all(|b| b.is_ascii_graphic() && !b.is_ascii_uppercase() && b != b'-');
    if ready {
        s
    } else {
        property_name(&s)
    }
}

/// The type a claim's value is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ValueType {
    Date,
    Number,
    Entity,
    Entities,
    Text,
}

impl ValueType {
    pub const NAMES: &'static [&'static str] = &["date", "number", "entity", "entities", "text"];

    pub fn parse(name: &str) -> Option<ValueType> {
        Some(match name {
            "date" => ValueType::Date,
            "number" => ValueType::Number,
            "entity" => ValueType::Entity,
            "entities" => ValueType::Entities,
            "text" => ValueType::Text,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ValueType::Date => "date",
            ValueType::Number => "number",
            ValueType::Entity => "entity",
            ValueType::Entities => "entities",
            ValueType::Text => "text",
        }
    }

    /// The type a property has when its claim names none (docs/claims-format.md).
    pub fn infer(property: &str) -> ValueType {
        let p = property;
        if matches!(p, "date" | "when" | "time")
            || p.ends_with("_date")
            || p.starts_with("date_")
            || p.ends_with("_time")
        {
            ValueType::Date
        } else if matches!(
            p,
            "count"
                | "death_toll"
                | "toll"
                | "deaths"
                | "casualties"
                | "injured"
                | "killed"
                | "turnout"
                | "percentage"
                | "percent"
                | "population"
        ) || ["_count", "_percentage", "_percent", "_pct"].iter().any(|e| p.ends_with(e))
            || p.starts_with("number_of_")
        {
            ValueType::Number
        } else if matches!(p, "participants" | "parties" | "attendees" | "members" | "signatories")
            || p.ends_with("_participants")
        {
            ValueType::Entities
        } else if matches!(p, "location" | "place" | "venue" | "host") || p.ends_with("_by") {
            ValueType::Entity
        } else {
            ValueType::Text
        }
    }
}

/// How firmly the article puts a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Hedge {
    #[default]
    Certain,
    Likely,
    Possible,
    Planned,
    Hoped,
}

impl Hedge {
    pub const NAMES: &'static [&'static str] = &["certain", "likely", "possible", "planned", "hoped"];

    pub fn parse(name: &str) -> Option<Hedge> {
        Some(match name {
            "certain" => Hedge::Certain,
            "likely" => Hedge::Likely,
            "possible" => Hedge::Possible,
            "planned" => Hedge::Planned,
            "hoped" => Hedge::Hoped,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Hedge::Certain => "certain",
            Hedge::Likely => "likely",
            Hedge::Possible => "possible",
            Hedge::Planned => "planned",
            Hedge::Hoped => "hoped",
        }
    }

    /// A plan, hope or forecast rather than a report of what happened.
    pub fn is_prospective(self) -> bool {
        !matches!(self, Hedge::Certain)
    }
}

/// What kind of thing a registry entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    Person,
    Country,
    Organization,
    Event,
    Place,
    Document,
}

impl EntityKind {
    pub const NAMES: &'static [&'static str] = &["person", "country", "organization", "event", "place", "document"];

    pub fn parse(name: &str) -> Option<EntityKind> {
        Some(match name {
            "person" => EntityKind::Person,
            "country" => EntityKind::Country,
            "organization" | "organisation" => EntityKind::Organization,
            "event" => EntityKind::Event,
            "place" => EntityKind::Place,
            "document" => EntityKind::Document,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Country => "country",
            EntityKind::Organization => "organization",
            EntityKind::Event => "event",
            EntityKind::Place => "place",
            EntityKind::Document => "document",
        }
    }
}

/// One entry of the entity registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// A slug of the name: the entity's stable id, used in fact ids.
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    pub loc: Loc,
}

/// A claim's value as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawValue {
    Scalar(String),
    List(Vec<String>),
}

impl RawValue {
    /// The value's items: one for a scalar.
    pub fn items(&self) -> impl Iterator<Item = &str> {
        let items: &[String] = match self {
            RawValue::Scalar(s) => std::slice::from_ref(s),
            RawValue::List(items) => items,
        };
        items.iter().map(String::as_str)
    }

    /// The value as a person would write it on one line.
    pub fn display(&self) -> String {
        self.shown().into_owned()
    }

    /// [`RawValue::display`], borrowing a scalar instead of copying it.
    pub fn shown(&self) -> std::borrow::Cow<'_, str> {
        match self {
            RawValue::Scalar(s) => std::borrow::Cow::Borrowed(s),
            RawValue::List(items) => std::borrow::Cow::Owned(items.join(", ")),
        }
    }
}

/// One article and what is known of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub id: String,
    pub outlet: String,
    pub title: Option<String>,
    pub published: NaiveDate,
    pub published_inferred: bool,
    /// As written in the claim file, relative to the articles directory.
    pub article: String,
    /// The article file on disk (articles directory joined with `article`).
    pub article_path: PathBuf,
    /// Where `article:` is written in the claim file (a missing article is reported there).
    pub article_loc: Loc,
    pub url: Option<String>,
    pub wire: Vec<String>,
    pub note: Option<String>,
    pub loc: Loc,
}

/// A line and column in a claim's file, which is its source's
/// (`Source::loc`): a million claims keep three places each without a
/// reference to their file each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

impl Pos {
    pub fn of(loc: &Loc) -> Pos {
        Pos { line: loc.line, col: loc.col }
    }

    /// The place in `source`'s file.
    pub fn in_file_of(self, source: &Source) -> Loc {
        Loc::at(&source.loc.file, self.line, self.col)
    }
}

/// One claim, as checked by `load`. `source` indexes `Corpus::sources`;
/// the claim stands in its source's file, at `loc`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub source: usize,
    pub id: String,
    pub subject: String,
    pub property: String,
    pub value: RawValue,
    pub value_type: ValueType,
    pub said_by: Option<String>,
    pub as_of: NaiveDate,
    pub hedge: Hedge,
    pub quote: String,
    pub note: Option<String>,
    pub loc: Pos,
    pub value_loc: Pos,
    pub quote_loc: Pos,
}

/// Everything that was read: the sources with their claims, and the registry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corpus {
    pub sources: Vec<Source>,
    pub claims: Vec<Claim>,
    pub entities: Vec<Entity>,
    /// The registry's tolerance per property (`properties: {p: {tolerance: 10m}}`).
    pub tolerances: std::collections::BTreeMap<String, crate::tolerance::Tolerance>,
    /// The registry's `running: true|false` per property, over the rule by
    /// name (`compare::is_running_count`).
    pub running: std::collections::BTreeMap<String, bool>,
}

#[cfg(test)]
impl Source {
    /// A source for unit tests: outlet = id, published 2013-01-01, article
    /// `a.txt`, from line 1 of `claims/x.yaml`.
    pub fn for_test(id: &str) -> Source {
        let file: std::sync::Arc<std::path::Path> = std::sync::Arc::from(std::path::Path::new("claims/x.yaml"));
        Source {
            id: id.into(),
            outlet: id.into(),
            title: None,
            published: "2013-01-01".parse().expect("a valid date"),
            published_inferred: false,
            article: "a.txt".into(),
            article_path: "articles/a.txt".into(),
            article_loc: crate::error::Loc::at(&file, 1, 1),
            url: None,
            wire: Vec::new(),
            note: None,
            loc: crate::error::Loc::at(&file, 1, 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_property_name_already_written_so_is_kept() {
        for s in ["date", "act_dep_time", "Act-Dep Time", " date ", "DATE", "é", "a b", "a\tb", "", "x-y", "Ünter"] {
            assert_eq!(into_property_name(s.to_string()), property_name(s), "{s:?}");
        }
        // Every ASCII byte before and after a letter (three bytes), controls included.
        for a in 0u8..0x80 {
            for b in [b'a', a] {
                let s = String::from_utf8(vec![a, b'x', b]).unwrap();
                assert_eq!(into_property_name(s.clone()), property_name(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn turnout_percentages_and_population_are_numbers() {
        for p in ["turnout", "percentage", "approval_pct", "vote_percent", "population"] {
            assert_eq!(ValueType::infer(p), ValueType::Number, "{p}");
        }
        // Words a value of these is often given in ("free", "unchanged", "majority") stay text.
        for p in ["outcome", "price", "cost", "interest_rate", "share", "budget"] {
            assert_eq!(ValueType::infer(p), ValueType::Text, "{p}");
        }
    }

    #[test]
    fn time_properties_are_dates() {
        for p in ["time", "act_dep_time", "sched_arr_time", "date", "start_date"] {
            assert_eq!(ValueType::infer(p), ValueType::Date, "{p}");
        }
        assert_eq!(ValueType::infer("timeline"), ValueType::Text);
        assert_eq!(ValueType::infer("overtime_hours"), ValueType::Text);
    }
}
