//! Report: one printer per `--format`, each writing an [`Outcome`] as text
//! to a `&mut dyn Write` it is handed, as the text is made: a report of a
//! million claims is never held whole in memory. The library never prints
//! and opens no file; the caller picks the writer (standard output, or the
//! temporary file of `--output`) and [`render`] gives the text as a String.

pub mod claimreview;
pub mod html;
pub mod json;
pub mod markdown;
pub mod sources;
pub mod table;
pub mod timeline;

use std::io::{self, Read, Seek, SeekFrom, Write};

use crate::check::{FactView, Outcome};
use crate::compare::Verdict;

/// The output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Markdown,
    /// schema.org ClaimReview JSON-LD for disputed and corrected facts.
    ClaimReview,
    Html,
}

impl Format {
    /// Whether the report shows the passage around each claim's quote (the
    /// run keeps passages only for a report that shows them).
    pub fn passages(self) -> crate::check::Passages {
        match self {
            Format::Html => crate::check::Passages::Keep,
            Format::Table | Format::Json | Format::Markdown | Format::ClaimReview => crate::check::Passages::Skip,
        }
    }
}

/// What to show and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Show every fact, not only those that need a look.
    pub all: bool,
    /// ANSI colours in the table.
    pub color: bool,
    /// Wrap the table to this many columns.
    pub width: Option<u16>,
    /// The published fact check's address, for ClaimReview `url`.
    pub review_url: Option<String>,
}

/// The facts a report shows: by default conflict, revised and compatible.
pub fn shown<'a>(outcome: &'a Outcome, options: &Options) -> Vec<&'a FactView> {
    outcome.facts.iter().filter(|f| options.all || f.verdict >= Verdict::Compatible).collect()
}

/// "5 facts from 9 claims in 3 sources: 1 conflict, 2 compatible, 2 single"
/// — verdicts in order of severity; narrowed to some sources (`--source`),
/// "2 facts that S makes claims about, of 5 facts from ...: 1 conflict, 1 single".
pub fn summary(outcome: &Outcome) -> String {
    let counts: Vec<String> = Verdict::ALL
        .iter()
        .filter_map(|v| {
            let n = outcome.facts.iter().filter(|f| f.verdict == *v).count();
            (n > 0).then(|| format!("{n} {v}"))
        })
        .collect();
    let facts = outcome.facts.len();
    // Narrowed to some sources: "2 facts that S makes claims about, of 31 facts from ...".
    let narrowed = match &outcome.focus {
        Some(f) => format!(
            "{facts} fact{} that {} make{} claims about, of {}",
            plural(facts),
            crate::focus::named(&f.sources),
            if f.sources.len() == 1 { "s" } else { "" },
            f.archive_facts
        ),
        None => facts.to_string(),
    };
    let facts = outcome.focus.as_ref().map_or(facts, |f| f.archive_facts);
    format!(
        "{narrowed} fact{} from {} claim{} in {} source{}{}{}",
        plural(facts),
        outcome.claims_checked,
        plural(outcome.claims_checked),
        outcome.sources,
        plural(outcome.sources),
        if counts.is_empty() { "" } else { ": " },
        counts.join(", ")
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `crosscheck <version>`: every report written to a file names its writer,
/// so that `check --output` knows it may replace the file.
pub fn generator() -> String {
    format!("crosscheck {}", env!("CARGO_PKG_VERSION"))
}

/// The outcome as written by `--output FILE`: as [`write`], and every
/// format but ClaimReview ends with a seal, a checksum of everything before
/// it: `(written by crosscheck X, seal H)` under the table, `<!-- crosscheck
/// seal H -->` under Markdown and HTML, a last key `"seal": "H"` in JSON. A
/// report someone has edited no longer matches its seal, so `--output` will
/// not write over it ([`recognise`]). ClaimReview is a schema.org feed whose
/// shape is not ours to extend: its marker alone identifies it.
pub fn write_file(outcome: &Outcome, format: Format, options: &Options, out: &mut dyn Write) -> io::Result<()> {
    // A file is read in an editor or a browser, where colour codes are noise.
    let plain = Options { color: false, ..options.clone() };
    sealed(outcome, format, &plain, out, true)
}

/// The outcome as written to standard output: as [`write`], and Markdown
/// and HTML end with their seal (an HTML comment, unseen where they are
/// shown), so that a report saved with `> report.md` can be replaced by a
/// later `--output report.md` unless someone has edited it. The table (read
/// on a terminal) and JSON (read by programs, often a gigabyte at archive
/// scale) carry none there.
pub fn write_standard_output(
    outcome: &Outcome,
    format: Format,
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    sealed(outcome, format, options, out, false)
}

fn sealed(outcome: &Outcome, format: Format, options: &Options, out: &mut dyn Write, file: bool) -> io::Result<()> {
    let seal = match format {
        Format::Markdown | Format::Html => true,
        Format::Table | Format::Json => file,
        Format::ClaimReview => false,
    };
    if !seal {
        return write(outcome, format, options, out);
    }
    let mut sealing = Sealing { out, hash: FNV_OFFSET };
    match format {
        Format::Json => json::write_open(outcome, options, &mut sealing)?,
        _ => write(outcome, format, options, &mut sealing)?,
    }
    let hash = sealing.hash;
    match format {
        Format::Table => writeln!(out, "(written by {}, seal {hash:016x})", generator())?,
        Format::Json => write!(out, "{JSON_SEAL}{hash:016x}\"\n}}\n")?,
        _ => writeln!(out, "<!-- crosscheck seal {hash:016x} -->")?,
    }
    out.flush()
}

/// What stands between a JSON report's last array and its seal's checksum.
const JSON_SEAL: &str = ",\n  \"seal\": \"";

/// Whether an existing file, of `len` bytes, is a report crosscheck wrote
/// and nobody changed since (`--output` may replace it), one a person changed
/// after, or someone else's. Reads the first and last few kilobytes, and,
/// for a sealed file, streams the text before the seal through the checksum:
/// a report of hundreds of megabytes is never held in memory.
///
/// A file that carries a text format's marker (Markdown's first line, the
/// page's `generator` meta, the table's `(written by crosscheck` line) must
/// end with a seal that matches what stands before it: a seal that is
/// missing (deleted, or notes added after it), moved, or wrong means a
/// person has changed it. A JSON report with a `"seal"` key must end with
/// it, matching; one without (written to standard output, or by an earlier
/// version) and ClaimReview are recognised by their marker alone.
pub fn recognise<F: Read + Seek>(file: &mut F, len: u64) -> io::Result<crate::fsio::Owner> {
    use crate::fsio::Owner;
    let mut head = Vec::new();
    file.rewind()?;
    (&mut *file).take(PEEK).read_to_end(&mut head)?;
    let mut tail = Vec::new();
    let tail_start = len.saturating_sub(PEEK);
    file.seek(SeekFrom::Start(tail_start))?;
    (&mut *file).take(PEEK).read_to_end(&mut tail)?;
    let (head_text, tail_text) = (String::from_utf8_lossy(&head), String::from_utf8_lossy(&tail));
    let sealed_format = head_text.starts_with("<!-- generated by crosscheck ")
        || head_text.contains("<meta name=\"generator\" content=\"crosscheck ")
        || tail_text.lines().any(|l| l.starts_with("(written by crosscheck "));
    let json = head_text.starts_with("{\n  \"generator\": \"crosscheck ");
    // In our JSON a quotation mark inside a value is escaped: `"seal":` unescaped is the key.
    let sealed_json = json && tail_text.contains("\"seal\":");
    if sealed_format || sealed_json {
        let found = if sealed_json { json_seal(&tail) } else { seal(&tail) };
        let Some((start, want)) = found else { return Ok(Owner::Changed) };
        // Everything before the seal, streamed through the checksum.
        let mut hash = FNV_OFFSET;
        let mut before = tail_start + start as u64;
        file.rewind()?;
        let mut buf = vec![0; 1 << 16];
        while before > 0 {
            let n = file.read(&mut buf[..before.min(1 << 16) as usize])?;
            if n == 0 {
                return Ok(Owner::Changed); // the file shrank while read
            }
            hash = fnv(hash, &buf[..n]);
            before -= n as u64;
        }
        return Ok(if hash == want { Owner::Ours } else { Owner::Changed });
    }
    let data = json
        // ClaimReview JSON-LD: its first object's sdPublisher names crosscheck.
        || (head_text.starts_with('[')
            && head_text.contains("\"sdPublisher\": {\n      \"@type\": \"Organization\",\n      \"name\": \"crosscheck "))
        || (len as usize == head.len() && head == b"[]\n");
    Ok(if data { Owner::Ours } else { Owner::NotOurs })
}

/// Where a JSON report's seal starts (the `,` before its key) and the
/// checksum it carries, if the report ends with it exactly as written.
fn json_seal(content: &[u8]) -> Option<(usize, u64)> {
    let body = content.strip_suffix(b"\"\n}\n")?;
    let start = body.len().checked_sub(JSON_SEAL.len() + 16)?;
    let (seal, hex) = body[start..].split_at(JSON_SEAL.len());
    if seal != JSON_SEAL.as_bytes() || !hex.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let hash = u64::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
    Some((start, hash))
}

/// Bytes read from each end of an existing file to recognise it.
const PEEK: u64 = 4096;

/// Where the last line starts, and the checksum it carries if it is a seal.
fn seal(content: &[u8]) -> Option<(usize, u64)> {
    let body = content.strip_suffix(b"\n").unwrap_or(content);
    let start = body.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let last = std::str::from_utf8(&body[start..]).ok()?;
    last.strip_prefix("<!-- crosscheck seal ")
        .and_then(|r| r.strip_suffix(" -->"))
        .or_else(|| last.strip_prefix("(written by crosscheck ").and_then(|r| r.split_once(", seal ")).map(|(_, h)| h))
        .map(|h| h.trim_end_matches(')'))
        .and_then(|h| u64::from_str_radix(h, 16).ok())
        .map(|hash| (start, hash))
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a, 64 bits: a checksum against edits, not against an adversary.
fn fnv(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// A writer that keeps the checksum of what passes through it.
struct Sealing<'a> {
    out: &'a mut dyn Write,
    hash: u64,
}

impl Write for Sealing<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.out.write(buf)?;
        self.hash = fnv(self.hash, &buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Write the outcome in the chosen format to `out`. Each printer buffers
/// its own small writes; `out` needs no buffer of its own.
pub fn write(outcome: &Outcome, format: Format, options: &Options, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Table => table::write(outcome, options, out),
        Format::Json => json::write(outcome, options, out),
        Format::Markdown => markdown::write(outcome, options, out),
        Format::ClaimReview => claimreview::write(outcome, options, out),
        Format::Html => html::write(outcome, options, out),
    }
}

/// Render the outcome in the chosen format: [`write`], as a String.
pub fn render(outcome: &Outcome, format: Format, options: &Options) -> String {
    to_string(|out| write(outcome, format, options, out))
}

/// What a printer writes, collected in memory (where writing cannot fail).
fn to_string(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> String {
    let mut bytes = Vec::new();
    if let Err(e) = write(&mut bytes) {
        unreachable!("a report written to memory failed: {e}");
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A buffer for a printer's many small writes, passed on to `out` in large
/// pieces.
fn buffered(out: &mut dyn Write) -> io::BufWriter<&mut dyn Write> {
    io::BufWriter::with_capacity(1 << 16, out)
}

/// Pass what a printer has made in `text` on to `out` once it is large
/// enough to be worth a write, so `text` never holds much more.
fn pass_on(text: &mut String, out: &mut dyn Write) -> io::Result<()> {
    if text.len() >= 1 << 16 {
        out.write_all(text.as_bytes())?;
        text.clear();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owner(text: &str) -> crate::fsio::Owner {
        recognise(&mut io::Cursor::new(text.as_bytes()), text.len() as u64).unwrap()
    }

    #[test]
    fn a_seal_holds_until_the_text_before_it_changes() {
        use crate::fsio::Owner::*;
        let body = "<!-- generated by crosscheck 0.1.0: x -->\n# Report\n\nsome facts\n";
        let sealed = format!("{body}<!-- crosscheck seal {:016x} -->\n", fnv(FNV_OFFSET, body.as_bytes()));
        assert_eq!(owner(&sealed), Ours);
        assert_eq!(owner(&sealed.replace("some", "sone")), Changed);
        // notes after the seal, the seal deleted, the seal moved up: changed
        assert_eq!(owner(&format!("{sealed}\n## Notes\ncalled the ministry\n")), Changed);
        assert_eq!(owner(body), Changed);
        let moved = sealed.replacen("# Report\n", &format!("# Report\n{}", sealed.lines().last().unwrap()), 1);
        assert_eq!(owner(&moved), Changed);
        let table =
            format!("some facts\n(written by crosscheck 0.1.0, seal {:016x})\n", fnv(FNV_OFFSET, b"some facts\n"));
        assert_eq!(owner(&table), Ours);
        assert_eq!(owner(&format!("x{table}")), Changed);
        assert_eq!(owner(&format!("{table}my notes\n")), Changed);
        // a seal that is not a number
        assert_eq!(owner("<!-- generated by crosscheck 0.1.0 -->\n<!-- crosscheck seal zz -->\n"), Changed);
        // a long report: the checksum is streamed over more than one buffer
        let long = format!("<!-- generated by crosscheck 0.1.0: x -->\n{}", "a line of the report\n".repeat(20_000));
        let sealed = format!("{long}<!-- crosscheck seal {:016x} -->\n", fnv(FNV_OFFSET, long.as_bytes()));
        assert_eq!(owner(&sealed), Ours);
        assert_eq!(owner(&sealed.replacen("a line", "a lime", 1)), Changed);
        // data formats: the marker alone; anything else is someone else's
        assert_eq!(owner("{\n  \"generator\": \"crosscheck 0.1.0\",\n  \"x\": 1\n}\n"), Ours);
        assert_eq!(owner("[]\n"), Ours);
        for foreign in ["# Report\n", "<!-- crosscheck seal 00 -->\n", "[]\n[]\n", "{\"generator\": \"me\"}"] {
            assert_eq!(owner(foreign), NotOurs, "{foreign:?}");
        }
    }

    #[test]
    fn a_sealed_json_report_is_replaced_only_while_it_is_as_written() {
        use crate::fsio::Owner::*;
        let body = "{\n  \"generator\": \"crosscheck 0.1.0\",\n  \"facts\": [],\n  \"errors\": []";
        let sealed = format!("{body}{JSON_SEAL}{:016x}\"\n}}\n", fnv(FNV_OFFSET, body.as_bytes()));
        assert_eq!(owner(&sealed), Ours);
        // a value changed, the seal changed, the seal's line moved or re-indented (a formatter), notes after it
        assert_eq!(owner(&sealed.replace("[]", "[1]")), Changed);
        assert_eq!(owner(&sealed.replace("\"seal\": \"", "\"seal\": \"0")), Changed);
        assert_eq!(owner(&sealed.replace(",\n  \"seal\"", ", \"seal\"")), Changed);
        assert_eq!(owner(&sealed.replace("\n}\n", "}")), Changed);
        // a quotation mark inside a value is escaped: a value that says "seal": is not a seal
        let quoted = "{\n  \"generator\": \"crosscheck 0.1.0\",\n  \"note\": \"\\\"seal\\\": \"\n}\n";
        assert_eq!(owner(quoted), Ours);
    }
}
