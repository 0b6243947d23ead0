//! `--format claimreview`: schema.org ClaimReview JSON-LD for the facts an
//! editor marked disputed or corrected (docs/reviews.md), ready to paste into
//! a `<script type="application/ld+json">` of the published fact check.
//!
//! One ClaimReview per claim of such a fact: each claim has its own author,
//! date and appearance, and a ClaimReview reviews one claim. Only reviews
//! that still hold are published; a stale review is not (its claims changed).
//! The fields follow Google's fact-check structured data: required
//! `claimReviewed`, `reviewRating.alternateName` and `url`; recommended
//! `author`, `datePublished` and `itemReviewed` (a `Claim` with `author`,
//! `datePublished` and `appearance`).
//!
//! `<`, `>` and `&` are written as `\u003c`, `\u003e` and `\u0026` (the same
//! strings to any JSON reader), so a quote or note holding `</script>` cannot
//! end the `<script>` element the markup is pasted into.

use std::io::{self, Write};

use serde::Serialize;

use crate::check::{ClaimView, FactView, Outcome};
use crate::normalize::format_day;
use crate::report::Options;
use crate::review::{Decision, Review, ReviewStatus};

const CONTEXT: &str = "https://schema.org";

#[derive(Serialize)]
struct ClaimReview<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    /// schema.org: the party that generated this markup. Names crosscheck
    /// and its version, which also lets `--output` recognise its own file.
    #[serde(rename = "sdPublisher")]
    sd_publisher: Generator,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(rename = "claimReviewed")]
    claim_reviewed: &'a str,
    #[serde(rename = "itemReviewed")]
    item_reviewed: Claim<'a>,
    author: Thing<'a>,
    #[serde(rename = "datePublished")]
    date_published: String,
    #[serde(rename = "reviewRating")]
    review_rating: Rating<'a>,
}

#[derive(Serialize)]
struct Generator {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
}

#[derive(Serialize)]
struct Claim<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    author: Thing<'a>,
    #[serde(rename = "datePublished")]
    date_published: String,
    appearance: Appearance<'a>,
}

#[derive(Serialize)]
struct Appearance<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<&'a str>,
    #[serde(rename = "datePublished")]
    date_published: String,
    publisher: Thing<'a>,
}

#[derive(Serialize)]
struct Thing<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
struct Rating<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "alternateName")]
    alternate_name: &'a str,
    #[serde(rename = "ratingExplanation", skip_serializing_if = "Option::is_none")]
    rating_explanation: Option<&'a str>,
}

/// The review of a fact to publish, if there is one: current, and disputed or corrected.
pub fn published(fact: &FactView) -> Option<&Review> {
    match &fact.review {
        ReviewStatus::Reviewed(r) if matches!(r.decision, Decision::Disputed | Decision::Corrected) => Some(r),
        _ => None,
    }
}

/// The address of the fact check of `fact`: `base#fact-id`, or `base` as
/// given when it already has a `#fragment`.
pub fn review_url(base: &str, fact: &str) -> String {
    if base.contains('#') {
        base.to_string()
    } else {
        format!("{base}#{fact}")
    }
}

fn claim_review<'a>(fact: &'a FactView, review: &'a Review, c: &'a ClaimView, base: Option<&str>) -> ClaimReview<'a> {
    let organization = |name| Thing { kind: "Organization", name };
    ClaimReview {
        context: CONTEXT,
        kind: "ClaimReview",
        sd_publisher: Generator { kind: "Organization", name: crate::report::generator() },
        url: base.map(|b| review_url(b, &fact.id)),
        claim_reviewed: &c.quote,
        item_reviewed: Claim {
            kind: "Claim",
            author: match &c.said_by {
                Some(who) => Thing { kind: "Person", name: who },
                None => organization(&c.source.outlet),
            },
            date_published: format_day(c.as_of),
            appearance: Appearance {
                kind: "CreativeWork",
                url: c.source.url.as_deref(),
                headline: c.source.title.as_deref(),
                date_published: format_day(c.source.published),
                publisher: organization(&c.source.outlet),
            },
        },
        author: Thing { kind: "Person", name: &review.reviewer },
        date_published: format_day(review.date),
        review_rating: Rating {
            kind: "Rating",
            alternate_name: review.rating.as_deref().unwrap_or(review.decision.label()),
            rating_explanation: (!review.note.is_empty()).then_some(review.note.as_str()),
        },
    }
}

/// A JSON array of ClaimReview objects, by fact id, then the fact's claim order.
/// `--all` does not matter: every published review is listed.
/// Every ClaimReview, each made only while it is written.
struct Items<'a>(&'a Outcome, Option<&'a str>);

impl Serialize for Items<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let base = self.1;
        serializer.collect_seq(
            self.0
                .facts
                .iter()
                .filter_map(|f| published(f).map(|r| (f, r)))
                .flat_map(|(f, r)| f.claims.iter().map(move |c| claim_review(f, r, c, base))),
        )
    }
}

pub fn write(outcome: &Outcome, options: &Options, out: &mut dyn Write) -> io::Result<()> {
    let mut out = ScriptSafe(crate::report::buffered(out));
    serde_json::to_writer_pretty(&mut out, &Items(outcome, options.review_url.as_deref()))?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Passes JSON on with `<`, `>` and `&` written as `\u` escapes. Outside
/// strings JSON has none of these bytes, and inside UTF-8 they are never part
/// of a longer character, so replacing them byte by byte keeps the document
/// valid and its strings equal, whatever pieces serde_json writes in.
struct ScriptSafe<W: Write>(W);

impl<W: Write> Write for ScriptSafe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        while let Some(at) = rest.iter().position(|b| matches!(b, b'<' | b'>' | b'&')) {
            self.0.write_all(&rest[..at])?;
            self.0.write_all(match rest[at] {
                b'<' => b"\\u003c",
                b'>' => b"\\u003e",
                _ => b"\\u0026",
            })?;
            rest = &rest[at + 1..];
        }
        self.0.write_all(rest)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_review_url_gets_the_fact_as_its_anchor() {
        assert_eq!(review_url("https://desk.example/check", "a.date"), "https://desk.example/check#a.date");
        assert_eq!(review_url("https://desk.example/check#x", "a.date"), "https://desk.example/check#x");
    }

    #[test]
    fn markup_characters_are_written_as_escapes_of_the_same_string() {
        let mut out = ScriptSafe(Vec::new());
        serde_json::to_writer(&mut out, &["</script><!-- a & b >"]).unwrap();
        let text = String::from_utf8(out.0).unwrap();
        assert_eq!(text, r#"["\u003c/script\u003e\u003c!-- a \u0026 b \u003e"]"#);
        let back: Vec<String> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, ["</script><!-- a & b >"]);
    }
}
