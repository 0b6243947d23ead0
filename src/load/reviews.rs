//! `reviews.yaml`: reading the editors' decisions (schema over the YAML tree,
//! like `raw.rs` for claim files: every problem a diagnostic with its line),
//! and appending one decision without touching what is already written.
//!
//! The file is a YAML list, one mapping per review (docs/reviews.md):
//!
//! ```yaml
//! - fact: obama-putin-moscow-summit.status
//!   verdict_seen: conflict
//!   decision: accepted
//!   note: The sources do disagree; both versions are reported.
//!   reviewer: Ana Ruiz
//!   date: 2024-05-02
//!   claims_digest: sha256:0f3c…
//! ```

use std::fs;
use std::path::Path;
use std::sync::Arc;

use crate::compare::Verdict;
use crate::error::{Diagnostic, Loc};
use crate::load::raw::Fields;
use crate::load::yaml::{self, NodeKind};
use crate::review::{is_digest, Decision, Review, DIGEST_PREFIX};

/// The default file name, in the current directory.
pub const DEFAULT_PATH: &str = "reviews.yaml";
pub const REVIEW_KEYS: &[&str] =
    &["fact", "verdict_seen", "decision", "rating", "note", "reviewer", "date", "claims_digest"];
const VERDICT_NAMES: &[&str] = &["conflict", "revised", "compatible", "agree", "single"];
/// The first lines of a reviews file that `crosscheck review` creates.
const HEADER: &str = "# Editors' decisions on crosscheck facts (docs/reviews.md).\n\
# Add entries with `crosscheck review FACT --decision ... --note ...`.\n";

/// What was read from a reviews file.
#[derive(Debug, Default)]
pub struct LoadedReviews {
    pub reviews: Vec<Review>,
    pub diagnostics: Vec<Diagnostic>,
    /// The file's text as it is on disk; `None` when there is no file.
    pub text: Option<String>,
    /// Nothing is at the path (no reviews yet, or a wrong path).
    pub missing: bool,
}

impl LoadedReviews {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Read the reviews file at `path`. A missing file means no reviews.
pub fn read(path: &Path) -> LoadedReviews {
    let file: Arc<Path> = Arc::from(path);
    let mut out = LoadedReviews::default();
    use crate::fsio::Target;
    let what = match crate::fsio::target(path) {
        Ok(Target::Missing) => return LoadedReviews { missing: true, ..out },
        Ok(Target::File(_)) | Err(_) => None,
        Ok(Target::Folder) => Some("a folder"),
        Ok(Target::Stream(what) | Target::Other(what)) => Some(what),
    };
    if let Some(what) = what {
        out.diagnostics.push(
            Diagnostic::error(Some(Loc::file(&file)), format!("the reviews file {} is {what}, not a file", path.display()))
                .with_help(
                    "give --reviews a YAML file of reviews, e.g. --reviews reviews.yaml (`crosscheck review` creates it when it is missing)",
                ),
        );
        return out;
    }
    let Some(text) = super::read_text(&file, &mut out.diagnostics) else { return out };
    let (reviews, diags) = parse(&text, &file);
    out.reviews = reviews;
    out.diagnostics.extend(diags);
    out.text = Some(text);
    out
}

/// The help for a YAML error in the reviews file: as for any file, but
/// where that help speaks of sources and claims, of reviews.
fn reviews_yaml_help(message: &str) -> &'static str {
    if message.contains("second YAML document") {
        "keep the reviews in one list: remove the '---' line (and the document after it, once its entries are moved up)"
    } else if message.contains("merge key") {
        "write each review's keys out instead of merging them from an anchor (`<<: *name`)"
    } else if message.contains("nesting") || message.contains("nodes") {
        "the reviews file is a list of flat entries, one per decision; see docs/reviews.md"
    } else {
        super::yaml_help(message)
    }
}

/// Whether `path` names the reviews file `reviews` (the `--reviews` path),
/// whether or not it exists yet: the same file, or the same name in the
/// same folder. A report written there would be read as the reviews on the
/// next run.
pub fn names_reviews_file(path: &Path, reviews: &Path) -> bool {
    if let (Ok(a), Ok(b)) = (fs::canonicalize(path), fs::canonicalize(reviews)) {
        return a == b;
    }
    let place = |p: &Path| {
        let name = p.file_name()?.to_owned();
        let folder = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        Some((fs::canonicalize(folder).ok()?, name))
    };
    matches!((place(path), place(reviews)), (Some(a), Some(b)) if a == b)
}

/// Whether the file at `path` is a reviews file: the one `reviews` names
/// (the same file, however the two paths are written), or one that starts
/// as `crosscheck review` starts a new one. `check --output` says so
/// rather than that crosscheck did not write it.
pub fn is_reviews_file(path: &Path, reviews: &Path) -> bool {
    if names_reviews_file(path, reviews) {
        return true;
    }
    let first_line = HEADER.lines().next().unwrap_or(HEADER);
    let mut start = vec![0; first_line.len() + 3];
    let read = fs::File::open(path).and_then(|mut f| {
        use std::io::Read;
        let mut n = 0;
        while n < start.len() {
            match f.read(&mut start[n..])? {
                0 => break,
                k => n += k,
            }
        }
        Ok(n)
    });
    read.is_ok_and(|n| {
        let text = &start[..n];
        let text = text.strip_prefix("\u{feff}".as_bytes()).unwrap_or(text);
        text.starts_with(first_line.as_bytes())
    })
}

/// Read reviews from the text of `file`. Entries with any problem are left out.
pub fn parse(text: &str, file: &Arc<Path>) -> (Vec<Review>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut root = match yaml::parse(text.strip_prefix('\u{feff}').unwrap_or(text)) {
        Ok(Some(root)) if !root.is_null() => root,
        Ok(_) => return (Vec::new(), diags),
        Err(e) => {
            diags.push(
                Diagnostic::error(Some(Loc::at(file, e.line, e.col)), format!("invalid YAML: {}", e.message))
                    .with_help(reviews_yaml_help(&e.message)),
            );
            return (Vec::new(), diags);
        }
    };
    let (line, col, kind_name) = (root.line, root.col, root.kind_name());
    let NodeKind::Seq(items) = &mut root.kind else {
        diags.push(
            Diagnostic::error(
                Some(Loc::at(file, line, col)),
                format!("the reviews file should be a list of reviews, found {kind_name}"),
            )
            .with_help("write each review as a list item starting with `- fact: ...` (see docs/reviews.md)"),
        );
        return (Vec::new(), diags);
    };
    let reviews = items.iter_mut().filter_map(|item| entry(item, file, &mut diags)).collect();
    (reviews, diags)
}

fn errors(diags: &[Diagnostic]) -> usize {
    diags.iter().filter(|d| d.is_error()).count()
}

fn entry(node: &mut yaml::Node, file: &Arc<Path>, diags: &mut Vec<Diagnostic>) -> Option<Review> {
    let before = errors(diags);
    let mut f = Fields::new(node, file, "a review", REVIEW_KEYS, diags)?;
    let fact = f.text("fact", diags);
    let verdict_seen = f.text("verdict_seen", diags).and_then(|s| {
        super::one_of(
            &s,
            "verdict_seen",
            VERDICT_NAMES,
            |v| Verdict::ALL.iter().copied().find(|x| x.as_str() == v),
            diags,
        )
    });
    let decision =
        f.text("decision", diags).and_then(|s| super::one_of(&s, "decision", Decision::NAMES, Decision::parse, diags));
    let rating = f.opt_text("rating", diags).map(|s| s.value).filter(|s| !s.is_empty());
    let note = f.opt_text("note", diags).map(|s| s.value).unwrap_or_default();
    let reviewer = f.text("reviewer", diags);
    let date = f.text("date", diags).and_then(|s| super::date(&s, "review date", diags));
    let claims_digest = f.text("claims_digest", diags);
    if let Some(d) = &claims_digest {
        if !is_digest(&d.value) {
            diags.push(
                Diagnostic::error(
                    Some(d.loc.clone()),
                    format!("claims_digest '{}' is not a digest of claims", d.value),
                )
                .with_help(format!(
                    "it is '{DIGEST_PREFIX}' and 64 hex digits, as `crosscheck review` records it; record reviews with that command rather than by hand"
                )),
            );
        }
    }
    if errors(diags) > before {
        return None;
    }
    Some(Review {
        fact: fact?.value,
        verdict_seen: verdict_seen?,
        decision: decision?,
        note,
        rating,
        reviewer: reviewer?.value,
        date: date?,
        claims_digest: claims_digest?.value,
        loc: f.loc.clone(),
    })
}

/// Append `review` to the reviews file at `path`, whose current text is
/// `existing` (`None`: no file yet). What is there stays byte for byte
/// (comments, order, line endings); the new entry goes at the end. The result
/// is read back before it is written, and written atomically. Returns the
/// line the new entry starts on.
pub fn append(path: &Path, existing: Option<&str>, review: &Review) -> Result<u32, Diagnostic> {
    let file: Arc<Path> = Arc::from(path);
    let refuse = |message: String, help: &str| Diagnostic::error(Some(Loc::file(&file)), message).with_help(help);
    let mut text = existing.map(str::to_string).unwrap_or_else(|| HEADER.to_string());
    // The file's own line ends: CRLF (Windows), CR alone (classic Mac OS,
    // which `check` reads too: YAML takes a lone CR for a line break), or LF.
    let newline = if text.contains("\r\n") {
        "\r\n"
    } else if text.contains('\r') && !text.contains('\n') {
        "\r"
    } else {
        "\n"
    };
    if !text.is_empty() && !text.ends_with(['\n', '\r']) {
        text.push_str(newline);
    }
    let line = line_breaks(&text) + 1;
    let pairs = review.entries();
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    text.push_str(&yaml::emit_list_item(&pairs).replace('\n', newline));

    let before = existing.map(|t| parse(t, &file).0).unwrap_or_default();
    let (after, diags) = parse(&text, &file);
    let appended = after.last().filter(|r| r.same_entry(review) && r.loc.line == line);
    if errors(&diags) > 0 || after.len() != before.len() + 1 || appended.is_none() {
        return Err(refuse(
            format!("cannot append to {}: with the new review added, it would not read back as before", path.display()),
            "the file must be a list of `- fact: ...` items starting at the left margin (a `[...]` list or an indented list cannot be appended to); nothing was written",
        ));
    }
    // Another `crosscheck review` may have written in between: never overwrite its entry.
    let now = fs::read(path).ok().map(|b| String::from_utf8_lossy(&b).into_owned());
    let bom = now.as_deref().is_some_and(|t| t.starts_with('\u{feff}'));
    let now = now.as_deref().map(|t| t.strip_prefix('\u{feff}').unwrap_or(t));
    if now != existing.map(|t| t.strip_prefix('\u{feff}').unwrap_or(t)) {
        return Err(refuse(
            format!("{} changed while the review was being recorded", path.display()),
            "nothing was written; run the command again",
        ));
    }
    if bom && !text.starts_with('\u{feff}') {
        text.insert(0, '\u{feff}');
    }
    crate::fsio::write_atomic(path, text.as_bytes()).map_err(|e| {
        let (message, help) = e.explain(path, "--reviews", false);
        refuse(message, &format!("{help}; nothing was written"))
    })?;
    Ok(line)
}

/// How many line breaks `text` has, as YAML counts them: CRLF, LF, and a
/// CR alone each end a line.
fn line_breaks(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let lone_cr = bytes.iter().enumerate().filter(|&(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n')).count();
    (bytes.iter().filter(|&&b| b == b'\n').count() + lone_cr) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn file() -> Arc<Path> {
        Arc::from(Path::new("reviews.yaml"))
    }

    fn digest() -> String {
        format!("{DIGEST_PREFIX}{}", "ab".repeat(32))
    }

    fn sample(fact: &str, note: &str) -> Review {
        Review {
            fact: fact.into(),
            verdict_seen: Verdict::Conflict,
            decision: Decision::Disputed,
            note: note.into(),
            rating: None,
            reviewer: "Ana Ruiz".into(),
            date: NaiveDate::from_ymd_opt(2024, 5, 2).unwrap(),
            claims_digest: digest(),
            loc: Loc::file(&file()),
        }
    }

    fn messages(text: &str) -> Vec<String> {
        parse(text, &file()).1.iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn reads_entries_with_their_lines() {
        let text = format!(
            "# reviews\n- fact: a.date\n  verdict_seen: conflict\n  decision: accepted\n  note: fine\n  reviewer: ana\n  date: 2024-05-02\n  claims_digest: {}\n",
            digest()
        );
        let (reviews, diags) = parse(&text, &file());
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(reviews.len(), 1);
        assert_eq!((reviews[0].loc.line, reviews[0].decision), (2, Decision::Accepted));
        assert_eq!(parse("# only a comment\n", &file()).0, vec![]);
    }

    #[test]
    fn bad_entries_are_named_with_their_line_and_what_is_allowed() {
        let text = format!(
            "- fact: a.date\n  verdict_seen: conflict\n  decison: accepted\n  reviewer: ana\n  date: 2024-05-02\n  claims_digest: {d}\n\
             - fact: b.date\n  verdict_seen: conflicted\n  decision: rejected\n  reviewer: ana\n  date: 2024-13-02\n  claims_digest: md5:abc\n",
            d = digest()
        );
        let m = messages(&text).join("\n");
        assert!(m.contains("reviews.yaml:3:3: error: unknown key 'decison' in a review"), "{m}");
        assert!(m.contains("did you mean 'decision'?"), "{m}");
        assert!(m.contains("reviews.yaml:1:7: error: a review has no 'decision'"), "{m}");
        assert!(m.contains("reviews.yaml:8:17: error: unknown verdict_seen 'conflicted'"), "{m}");
        assert!(m.contains("reviews.yaml:9:13: error: unknown decision 'rejected'"), "{m}");
        assert!(m.contains("one of: accepted, disputed, corrected"), "{m}");
        assert!(m.contains("reviews.yaml:11:9: error: review date '2024-13-02' is not a calendar date"), "{m}");
        assert!(m.contains("reviews.yaml:12:18: error: claims_digest 'md5:abc' is not a digest"), "{m}");
        assert!(messages("fact: a\n")[0].contains("should be a list of reviews, found a mapping"));
        assert!(messages("- [a\n")[0].starts_with("reviews.yaml:"), "{:?}", messages("- [a\n"));
    }

    #[test]
    fn appending_keeps_every_byte_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reviews.yaml");
        assert_eq!(append(&path, None, &sample("a.date", "first")).unwrap(), 3);
        let first = fs::read_to_string(&path).unwrap();
        assert!(first.starts_with(HEADER), "{first}");
        let edited = format!("{first}# a comment the editor wrote\n\n");
        fs::write(&path, &edited).unwrap();
        let tricky = "He said: \"no\" # not a comment\nsecond line \\ done";
        let line = append(&path, Some(&edited), &sample("b.status", tricky)).unwrap();
        let second = fs::read_to_string(&path).unwrap();
        assert!(second.starts_with(&edited), "{second}");
        let (reviews, diags) = parse(&second, &file());
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(reviews.len(), 2);
        assert_eq!(reviews[1].note, tricky);
        assert_eq!(reviews[1].loc.line, line);
    }

    #[test]
    fn appending_to_a_file_that_would_not_read_back_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reviews.yaml");
        for text in ["[]\n", "  - fact: x\n    note: indented\n", "key: value\n"] {
            fs::write(&path, text).unwrap();
            let err = append(&path, Some(text), &sample("a.date", "n")).unwrap_err();
            assert!(err.to_string().contains("cannot append"), "{err}");
            assert_eq!(fs::read_to_string(&path).unwrap(), text);
        }
    }

    #[test]
    fn a_file_changed_meanwhile_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reviews.yaml");
        fs::write(&path, "# someone else's entry\n").unwrap();
        let err = append(&path, Some("# old\n"), &sample("a.date", "n")).unwrap_err();
        assert!(err.to_string().contains("changed while"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "# someone else's entry\n");
    }

    #[test]
    fn crlf_files_stay_crlf() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reviews.yaml");
        let text = "# windows\r\n";
        fs::write(&path, text).unwrap();
        append(&path, Some(text), &sample("a.date", "n")).unwrap();
        let after = fs::read_to_string(&path).unwrap();
        assert!(!after.replace("\r\n", "").contains('\n'), "{after:?}");
    }

    #[test]
    fn cr_only_files_stay_cr_only_and_the_entry_is_on_the_line_reported() {
        // Classic Mac OS line ends: `check` read such a file, `review` refused
        // to append to it (the entry was put on a line counted by LF alone).
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reviews.yaml");
        assert_eq!(append(&path, None, &sample("a.date", "first")).unwrap(), 3);
        let text = fs::read_to_string(&path).unwrap().replace('\n', "\r");
        fs::write(&path, &text).unwrap();
        assert_eq!(append(&path, Some(&text), &sample("b.date", "second")).unwrap(), 10);
        let after = fs::read_to_string(&path).unwrap();
        assert!(after.starts_with(&text) && !after.contains('\n'), "{after:?}");
        let (reviews, diags) = parse(&after, &file());
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(reviews.iter().map(|r| r.loc.line).collect::<Vec<_>>(), [3, 10]);
    }
}
