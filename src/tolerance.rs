//! Tolerance: how far apart two date readings may be and still count as equal.
//!
//! Set per property in the registry (`properties: {act_dep_time: {tolerance: 10m}}`)
//! or on the command line (`check --tolerance 10m` for every date property,
//! `--tolerance act_dep_time=10m` for one). Units: `m` minutes, `h` hours, `d` days.
//! Two readings agree when their first minutes differ by at most the tolerance
//! and so do their last minutes: with `10m`, "7:10 a.m." and "7:16 a.m." read
//! alike, "7:10 a.m." and "7:25 a.m." do not (docs/temporal.md).

use std::collections::BTreeMap;
use std::fmt;

/// A tolerance in minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tolerance {
    minutes: u32,
}

/// Longest tolerance accepted: 366 days (a longer one would make every date agree).
const MAX_MINUTES: u32 = 366 * 24 * 60;

impl Tolerance {
    pub fn minutes(self) -> u32 {
        self.minutes
    }

    /// `10m`, `2h`, `1d` (a whole number and a unit; spaces allowed between).
    pub fn parse(text: &str) -> Result<Tolerance, String> {
        let t = text.trim();
        let help = "write a whole number and a unit: m (minutes), h (hours) or d (days), e.g. 10m";
        let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
        let (n, unit) = (&t[..split], t[split..].trim());
        if n.is_empty() {
            return Err(format!("'{text}' is not a tolerance; {help}"));
        }
        let per = match unit {
            "m" | "min" | "mins" | "minute" | "minutes" => 1,
            "h" | "hr" | "hrs" | "hour" | "hours" => 60,
            "d" | "day" | "days" => 24 * 60,
            "" => return Err(format!("the tolerance '{text}' has no unit; {help}")),
            u => return Err(format!("the tolerance '{text}' has an unknown unit '{u}'; {help}")),
        };
        let minutes = n.parse::<u32>().ok().and_then(|v| v.checked_mul(per)).filter(|&m| m <= MAX_MINUTES);
        match minutes {
            Some(minutes) => Ok(Tolerance { minutes }),
            None => Err(format!("the tolerance '{text}' is more than 366 days")),
        }
    }
}

impl fmt::Display for Tolerance {
    /// The largest unit that divides it: `10m`, `2h`, `1d`, `90m`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.minutes;
        if m > 0 && m % (24 * 60) == 0 {
            write!(f, "{}d", m / (24 * 60))
        } else if m > 0 && m % 60 == 0 {
            write!(f, "{}h", m / 60)
        } else {
            write!(f, "{m}m")
        }
    }
}

/// The tolerances of one run: from the registry, then the command line on top.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tolerances {
    /// `--tolerance 10m`: every date property.
    pub all: Option<Tolerance>,
    /// `--tolerance act_dep_time=10m`, or the registry's `properties:`.
    pub per_property: BTreeMap<String, Tolerance>,
}

impl Tolerances {
    /// One `--tolerance` argument: `10m` or `property=10m`.
    pub fn add_arg(&mut self, arg: &str) -> Result<(), String> {
        match arg.split_once('=') {
            Some((p, t)) => {
                let p = p.trim();
                if p.is_empty() {
                    return Err(format!(
                        "'{arg}' names no property; write property=10m, or 10m for every date property"
                    ));
                }
                self.per_property.insert(crate::model::property_name(p), Tolerance::parse(t)?);
            }
            None => self.all = Some(Tolerance::parse(arg)?),
        }
        Ok(())
    }

    /// The tolerance for `property`: the command line's for that property,
    /// else the command line's for all, else the registry's for that property.
    pub fn resolve(
        command_line: &Tolerances,
        registry: &BTreeMap<String, Tolerance>,
        property: &str,
    ) -> Option<Tolerance> {
        command_line
            .per_property
            .get(property)
            .copied()
            .or(command_line.all)
            .or_else(|| registry.get(property).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_minutes_hours_and_days() {
        assert_eq!(Tolerance::parse("10m").unwrap().minutes(), 10);
        assert_eq!(Tolerance::parse("2h").unwrap().minutes(), 120);
        assert_eq!(Tolerance::parse("1d").unwrap().minutes(), 1440);
        assert_eq!(Tolerance::parse(" 15 min ").unwrap().minutes(), 15);
        assert_eq!(Tolerance::parse("90m").unwrap().to_string(), "90m");
        assert_eq!(Tolerance::parse("120m").unwrap().to_string(), "2h");
        assert!(Tolerance::parse("10").unwrap_err().contains("no unit"));
        assert!(Tolerance::parse("10s").unwrap_err().contains("unknown unit 's'"));
        assert!(Tolerance::parse("m").is_err());
        assert!(Tolerance::parse("-5m").is_err());
        assert!(Tolerance::parse("400d").unwrap_err().contains("366 days"));
        assert!(Tolerance::parse("99999999999999m").is_err());
    }

    #[test]
    fn the_command_line_wins_and_one_property_beats_all() {
        let mut cli = Tolerances::default();
        let registry: BTreeMap<String, Tolerance> =
            [("a".to_string(), Tolerance::parse("5m").unwrap()), ("b".to_string(), Tolerance::parse("1h").unwrap())]
                .into();
        assert_eq!(Tolerances::resolve(&cli, &registry, "a").unwrap().minutes(), 5);
        assert_eq!(Tolerances::resolve(&cli, &registry, "c"), None);
        cli.add_arg("b=20m").unwrap();
        assert_eq!(Tolerances::resolve(&cli, &registry, "b").unwrap().minutes(), 20);
        cli.add_arg("10m").unwrap();
        assert_eq!(Tolerances::resolve(&cli, &registry, "a").unwrap().minutes(), 10);
        assert_eq!(Tolerances::resolve(&cli, &registry, "b").unwrap().minutes(), 20);
        assert!(cli.add_arg("=10m").is_err());
    }
}
