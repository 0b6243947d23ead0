//! The `review` command, and what `check` says on stderr about reviews:
//! the facts still waiting for one, stale reviews, and ClaimReview caveats.
//! Command plumbing like the rest of `cli`: the decisions are in `crate::review`,
//! the file in `load::reviews`.

use crate::check::{self, FactView, Outcome};
use crate::compare::Verdict;
use crate::error::Loc;
use crate::load::reviews as file;
use crate::report::{claimreview, Options};
use crate::review::{self as rv, Review, ReviewStatus};

use super::{Output, ReviewCommand, EXIT_INPUT_ERROR, EXIT_OK};

/// Exit 2 with `message`, its bidi and control characters escaped as the
/// table escapes them (a fact or reviewer name comes from the input).
fn fail(out: &mut Output, message: String) -> Output {
    out.stderr.push_str(&crate::text::escape_for_terminal(&message));
    out.code = EXIT_INPUT_ERROR;
    std::mem::take(out)
}

/// Record one review, or say why not (exit 2).
pub fn execute(cmd: ReviewCommand) -> Output {
    let mut out = Output::default();
    let Some(reviewer) = cmd.reviewer.clone() else {
        return fail(
            &mut out,
            "error: no reviewer name\n  help: pass --reviewer NAME, or set CROSSCHECK_REVIEWER (or USER) in the environment\n"
                .into(),
        );
    };
    if cmd.note.is_empty() {
        return fail(
            &mut out,
            "error: the note is empty\n  help: say in --note what was checked and what the desk concluded\n".into(),
        );
    }
    // A day after tomorrow is a typo (2200 for 2024), and the latest date
    // counts: such a review would outrank every decision recorded after it.
    // Tomorrow is allowed: it is already tomorrow east of here.
    let tomorrow = cmd.today.succ_opt().unwrap_or(cmd.today);
    if cmd.date > tomorrow {
        return fail(
            &mut out,
            format!(
                "error: --date {} is after tomorrow ({tomorrow}): a review records a decision already made\n  help: give the day of the decision as YYYY-MM-DD (default today, {}); the review with the latest date counts, so a date in the future would outrank every later decision\n",
                cmd.date, cmd.today
            ),
        );
    }
    let mut outcome =
        check::run_with(&cmd.claims, &cmd.articles, &cmd.tolerances, check::Passages::Skip, &crate::progress::Silent);
    if outcome.has_errors() {
        for d in outcome.errors() {
            out.stderr.push_str(&format!("{d}\n"));
        }
        let n = outcome.errors().count();
        return fail(
            &mut out,
            format!(
                "error: not recording a review while the claims have {n} input error{}: the facts would be judged on part of their claims\n  help: fix the errors above, then review again\n",
                if n == 1 { "" } else { "s" }
            ),
        );
    }
    // Held from reading the reviews file to renaming the new one into
    // place: another `review` on the same file waits for its turn, and then
    // reads the file with this entry in it (fsio::lock_folder_of).
    let _lock = match crate::fsio::lock_folder_of(&cmd.reviews, crate::fsio::LOCK_WAIT) {
        Ok(lock) => lock,
        Err(e) => {
            let (message, help) = e.explain(&cmd.reviews, "--reviews", false);
            return fail(&mut out, format!("error: {message}\n  help: {help}; nothing was written\n"));
        }
    };
    let loaded = file::read(&cmd.reviews);
    if loaded.has_errors() {
        // By place, as `check` lists them.
        let mut errors: Vec<_> = loaded.diagnostics.iter().filter(|d| d.is_error()).cloned().collect();
        crate::error::sort_diagnostics(&mut errors);
        for d in &errors {
            out.stderr.push_str(&format!("{d}\n"));
        }
        let shown = cmd.reviews.display();
        return fail(
            &mut out,
            match loaded.text {
                // Read, but some entries are wrong.
                Some(_) => format!("error: not appending to {shown} while it has errors\n  help: fix the entries above first\n"),
                // Not read at all: the path is the problem, not what is in it.
                None => format!(
                    "error: not appending to {shown}: it cannot be read as a reviews file (above)\n  help: give --reviews the desk's reviews file, or a path where a new one can be made; nothing was written\n"
                ),
            },
        );
    }
    rv::apply(&mut outcome, &loaded.reviews);
    let fact = match pick(&outcome, &cmd.fact) {
        Ok(f) => f,
        Err(message) => return fail(&mut out, message),
    };
    // The review with the latest date counts (docs/reviews.md): one dated
    // before the fact's current one would be recorded and never count.
    if let ReviewStatus::Reviewed(old) | ReviewStatus::Stale(old, _) = &fact.review {
        if cmd.date < old.date {
            let help = if old.date > tomorrow {
                format!(
                    "that date is after tomorrow, a typo: correct it at {}:{} by hand, then review again",
                    old.loc.file.display(),
                    old.loc.line
                )
            } else {
                format!(
                    "give --date {} or later (the default is today, {}) to record a decision that counts",
                    old.date, cmd.today
                )
            };
            return fail(
                &mut out,
                format!(
                    "error: not recording a review of {} dated {}: it would not count, because the review at {}:{} ({}) has a later date, and the review with the latest date counts\n  help: {help}; nothing was written\n",
                    fact.id,
                    cmd.date,
                    old.loc.file.display(),
                    old.loc.line,
                    old.describe(),
                ),
            );
        }
    }
    let review = Review {
        fact: fact.id.clone(),
        verdict_seen: fact.verdict,
        decision: cmd.decision,
        note: cmd.note.clone(),
        rating: cmd.rating.clone(),
        reviewer,
        date: cmd.date,
        claims_digest: rv::digest(fact),
        loc: Loc::file(&std::sync::Arc::from(cmd.reviews.as_path())),
    };
    let line = match file::append(&cmd.reviews, loaded.text.as_deref(), &review) {
        Ok(line) => line,
        Err(d) => return fail(&mut out, format!("{d}\n")),
    };
    // Names and the note come from the command line: escaped as the table
    // escapes them, so a bidi override cannot reorder the line.
    let mut said = String::new();
    said.push_str(&format!(
        "recorded in {}:{line}: {} {}\n  verdict seen: {} ({} claim{}, {})\n  note: {}\n",
        cmd.reviews.display(),
        review.fact,
        review.describe(),
        review.verdict_seen,
        fact.claims.len(),
        if fact.claims.len() == 1 { "" } else { "s" },
        review.claims_digest,
        review.note,
    ));
    if let Some(r) = &review.rating {
        said.push_str(&format!("  rating: {r}\n"));
    }
    match &fact.review {
        ReviewStatus::Reviewed(old) | ReviewStatus::Stale(old, _) => said.push_str(&format!(
            "  it now counts instead of the review of {} by {} ({}:{}), which stays in the file as the fact's history\n",
            old.date,
            old.reviewer,
            old.loc.file.display(),
            old.loc.line
        )),
        ReviewStatus::Unreviewed => {}
    }
    out.stdout = crate::text::escape_for_terminal(&said).into_owned();
    out.code = EXIT_OK;
    out
}

/// The one fact `query` names, or an error listing the candidates.
fn pick<'a>(outcome: &'a Outcome, query: &str) -> Result<&'a FactView, String> {
    let facts = outcome.facts_about(query);
    match facts.as_slice() {
        [one] => Ok(one),
        [] => {
            let names = outcome.facts.iter().flat_map(|f| [f.id.as_str(), f.subject.name.as_str()]);
            let near = crate::text::nearest(query, names).map(|n| format!("did you mean '{n}'? ")).unwrap_or_default();
            let example = outcome.facts.iter().max_by_key(|f| f.verdict).map_or("geneva-ii-conference.date", |f| &f.id);
            Err(format!(
                "error: no fact '{query}'\n  help: {near}give a fact id as `check` lists it (e.g. {example}), or the name of a subject with one fact\n"
            ))
        }
        many => {
            let mut text = format!("error: '{query}' has {} facts; name the one you reviewed by its id:\n", many.len());
            for f in many {
                text.push_str(&format!("  {}  ({}, {})\n", f.id, f.verdict, f.review.describe()));
            }
            Err(text)
        }
    }
}

/// How many unreviewed facts `check` names on stderr before it counts the rest.
const NAMED_UNREVIEWED: usize = 10;

/// Why `check` exits 1: each stale review by name and place, and the facts
/// nobody has reviewed.
pub fn pending_notes(pending: &[&FactView], threshold: Verdict, stderr: &mut String) {
    let mut never = Vec::new();
    for f in pending {
        match &f.review {
            ReviewStatus::Stale(r, why) => stderr.push_str(&format!(
                "{}:{}: stale review: {} was {} (verdict seen: {}), but {}\n  help: look at the fact again and record a new decision with `crosscheck review {} --decision ... --note ...`\n",
                r.loc.file.display(),
                r.loc.line,
                f.id,
                r.describe(),
                r.verdict_seen,
                why.describe(),
                f.id
            )),
            _ => never.push(f.id.as_str()),
        }
    }
    if !never.is_empty() {
        stderr.push_str(&format!(
            "{} fact{} at or above '{threshold}' not reviewed: {}\n  help: `crosscheck review FACT --decision accepted|disputed|corrected --note ...` records a decision\n",
            never.len(),
            if never.len() == 1 { "" } else { "s" },
            name_some(&never)
        ));
    }
}

/// The first [`NAMED_UNREVIEWED`] ids, and how many more: an archive can
/// have thousands, which on one line would bury everything else on stderr.
fn name_some(ids: &[&str]) -> String {
    let named = ids.len().min(NAMED_UNREVIEWED);
    match ids.len() - named {
        0 => ids.join(", "),
        more => format!(
            "{} and {more} more (every fact's review status is in the report: `--format json`, or `--format html` with its review filter)",
            ids[..named].join(", ")
        ),
    }
}

/// The closing line when the reviews file has errors.
pub fn file_errors_note(n: usize, path: &std::path::Path) -> String {
    format!(
        "{n} input error{} in {}: a review with an error counts as not written, so its fact shows as unreviewed\n",
        if n == 1 { "" } else { "s" },
        path.display()
    )
}

/// What `--format claimreview` left out, and why.
pub fn claimreview_notes(outcome: &Outcome, options: &Options, stderr: &mut String) {
    let published = outcome.facts.iter().filter(|f| claimreview::published(f).is_some()).count();
    if options.review_url.is_none() && published > 0 {
        stderr.push_str(
            "warning: the ClaimReview objects have no 'url', which Google requires (the address of your published fact check)\n  help: pass --review-url https://your.site/the-fact-check; each url is then that address with #FACT-ID\n",
        );
    }
    for f in &outcome.facts {
        if let ReviewStatus::Stale(r, why) = &f.review {
            if matches!(r.decision, rv::Decision::Disputed | rv::Decision::Corrected) {
                stderr.push_str(&format!(
                    "{}:{}: warning: the {} review of {} is not published: {}\n",
                    r.loc.file.display(),
                    r.loc.line,
                    r.decision.as_str(),
                    f.id,
                    why.describe()
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreviewed_facts_are_named_up_to_ten_then_counted() {
        let ids: Vec<String> = (1..=12).map(|i| format!("fact-{i:02}.date")).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        assert_eq!(name_some(&ids[..2]), "fact-01.date, fact-02.date");
        assert_eq!(name_some(&ids[..10]), ids[..10].join(", "));
        let twelve = name_some(&ids);
        assert!(twelve.starts_with(&format!("{} and 2 more (", ids[..10].join(", "))), "{twelve}");
        assert!(!twelve.contains("fact-11"), "{twelve}");
    }
}
