//! Text values: folded for comparison, and for status properties
//! (`status`, `*_status`) read against a small vocabulary of event statuses,
//! so that "was called off" and "cancelled" agree, "did not take place"
//! covers both "cancelled" and "postponed", and "cancelled" contradicts
//! "postponed".

use crate::text::fold;

/// What became of a planned event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Announced for the future: "scheduled", "planned", "to be held".
    Scheduled,
    /// "held", "took place", "went ahead".
    Held,
    /// "postponed", "delayed", "put off": moved to a later date.
    Postponed,
    /// "cancelled", "called off", "scrapped": will not take place.
    Cancelled,
    /// "did not take place": cancelled or postponed, the text does not say which.
    NotHeld,
    /// "stalled", "suspended", "on hold".
    Stalled,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Scheduled => "scheduled",
            Status::Held => "held",
            Status::Postponed => "postponed",
            Status::Cancelled => "cancelled",
            Status::NotHeld => "did not take place",
            Status::Stalled => "stalled",
        }
    }

    /// What the status means for the event, for the reason shown beside a verdict.
    pub fn meaning(self) -> &'static str {
        match self {
            Status::Scheduled => "is planned for a date still to come",
            Status::Held => "took place",
            Status::Postponed => "was moved to a later date and may still take place",
            Status::Cancelled => "was called off and will not take place",
            Status::NotHeld => "did not take place (cancelled or postponed)",
            Status::Stalled => "is stalled, neither held nor called off",
        }
    }
}

/// Phrases, folded, in the order they are tried: negations first, so that
/// "did not take place" is never read as "took place".
const PHRASES: &[(&str, Status)] = &[
    ("did not take place", Status::NotHeld),
    ("didnt take place", Status::NotHeld),
    ("never took place", Status::NotHeld),
    ("not take place", Status::NotHeld),
    ("did not happen", Status::NotHeld),
    ("not held", Status::NotHeld),
    ("called off", Status::Cancelled),
    ("cancel", Status::Cancelled),
    ("scrapped", Status::Cancelled),
    ("abandoned", Status::Cancelled),
    ("postpone", Status::Postponed),
    ("put off", Status::Postponed),
    ("pushed back", Status::Postponed),
    ("delayed", Status::Postponed),
    ("reschedul", Status::Postponed),
    ("stalled", Status::Stalled),
    ("suspended", Status::Stalled),
    ("on hold", Status::Stalled),
    ("paused", Status::Stalled),
    ("scheduled", Status::Scheduled),
    ("planned", Status::Scheduled),
    ("to be held", Status::Scheduled),
    ("upcoming", Status::Scheduled),
    ("took place", Status::Held),
    ("went ahead", Status::Held),
    ("held", Status::Held),
    ("happened", Status::Held),
    ("convened", Status::Held),
];

/// A text value, folded; `status` when the property is a status.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TextReading {
    pub folded: String,
    pub status: Option<Status>,
}

/// True for the properties read against the status vocabulary.
pub fn is_status_property(property: &str) -> bool {
    property == "status" || property.ends_with("_status")
}

pub fn read_text(value: &str, property: &str) -> TextReading {
    let folded = fold(value);
    let status = if is_status_property(property) { status_of(&folded) } else { None };
    TextReading { folded, status }
}

fn status_of(folded: &str) -> Option<Status> {
    let padded = format!(" {folded} ");
    PHRASES
        .iter()
        .find(|(phrase, _)| {
            // Whole-word match at the start, prefix match for stems like "cancel".
            padded.contains(&format!(" {phrase}"))
        })
        .map(|&(_, status)| status)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(s: &str) -> Option<Status> {
        read_text(s, "status").status
    }

    #[test]
    fn statuses_are_recognized() {
        assert_eq!(status("cancelled"), Some(Status::Cancelled));
        assert_eq!(status("Canceled"), Some(Status::Cancelled));
        assert_eq!(status("was called off"), Some(Status::Cancelled));
        assert_eq!(status("postponed by the American side"), Some(Status::Postponed));
        assert_eq!(status("did not take place"), Some(Status::NotHeld));
        assert_eq!(status("didn't take place"), Some(Status::NotHeld));
        assert_eq!(status("took place"), Some(Status::Held));
        assert_eq!(status("stalled since May"), Some(Status::Stalled));
        assert_eq!(status("green"), None);
    }

    #[test]
    fn other_properties_are_plain_text() {
        assert_eq!(read_text("Cancelled!", "outcome"), TextReading { folded: "cancelled".into(), status: None });
    }
}
