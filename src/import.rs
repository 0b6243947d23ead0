//! Import tabular sources: a CSV file where each row is what one source said
//! about one subject becomes a claims corpus that `check` reads like any other.
//!
//! For `crosscheck import csv FILE --subject-column flight --source-column src`:
//! - every distinct value of the source column becomes a source, with a claim
//!   file `claims/<id>.yaml` and an article `articles/<id>.txt` that holds its
//!   rows as text, one line per row
//!   (`flight AA-3859-IAH-ORD: sched_dep_time "7:10 a.m."; act_dep_time "7:16 a.m."`),
//!   so every claim quotes a real passage of its article (the whole row's line);
//!   values stand in quotation marks, so that two sources giving the same row
//!   do not "share a passage" (src/independence.rs) merely by agreeing;
//! - every other column that is not ignored becomes a property of that name
//!   (lower case, spaces and dashes as `_`, as claim files write properties);
//!   a non-empty cell is one claim, an empty cell is no claim; its type is
//!   `--type`, else what the property name says (`ValueType::infer`), else
//!   what every non-empty cell of the column reads as (`type_from_cells`:
//!   `Votes for Smith` of `12,345` and `about 12,300` is a number), written
//!   as `type:` on each claim;
//! - in a column read as numbers or dates, a cell that only marks a missing
//!   value ([`MISSING_MARKERS`]: `n/a`, `NA`, `-`, `—`, `null`, ...) is an
//!   empty cell: no claim, counted in the summary; such cells do not decide a
//!   column's type either. `none` is not a marker: it reads as the number
//!   zero ("none" killed). In a text column a marker stays what the source
//!   wrote (`NA` may be Namibia);
//! - a cell of a column typed number or date by `--type` or by its name
//!   that does not read as one is an error at its line and column, so no
//!   corpus is written that `check` would refuse;
//! - `claims/entities.yaml` lists every subject once (subjects that fold alike
//!   are one entity, the other spellings its aliases), so subjects resolve
//!   exactly and never fuzzily into each other.
//!
//! Source ids are slugs of the source names (`Boston Globe` -> `boston-globe`);
//! two names with one slug get `-2`, `-3` in character order of the names
//! (`CO` -> `co`, `co` -> `co-2`), and `entities` is never a source id (it
//! would be the registry's file name), nor a device name Windows reserves
//! (`CON` -> `con-source`, so a colleague on Windows can open the file).
//! A subject's registry name is the spelling most rows
//! use (a tie: the first in character order), so reordered rows give the same
//! files but for the order of each source's own rows.
//!
//! Pure: [`import_csv`] turns text into the files to write; `cli` reads the CSV
//! (through `load`) and writes the files (through `fsio`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::error::{Diagnostic, Loc};
use crate::load::yaml::{emit, Emit};
use crate::model::{EntityKind, ValueType};
use crate::normalize::date::{read_date, tense_of_said, Tense};
use crate::normalize::format_day;
use crate::normalize::number::read_number;
use crate::text::{fold, slug};

/// Most errors listed for one input before the rest are summed up.
const MAX_ERRORS: usize = 50;

/// Cells that say a value is missing, as spreadsheets and exports write it
/// (compared ignoring case and surrounding spaces). In a number or date
/// column such a cell is no claim. Deliberately short: `none` reads as zero
/// (`read_number`), and words a source may mean (`unknown`, `TBD`) are left
/// for `check`, which reads them in a date as "no value" and says so.
pub const MISSING_MARKERS: &[&str] = &["n/a", "na", "n.a.", "#n/a", "null", "nan", "-", "--", "\u{2013}", "\u{2014}"];

/// True when the cell only marks a missing value (one of [`MISSING_MARKERS`]).
pub fn is_missing_marker(cell: &str) -> bool {
    let cell = cell.trim().to_lowercase();
    MISSING_MARKERS.contains(&cell.as_str())
}

/// What to import and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvImport {
    /// The column naming what a row is about (one subject per row).
    pub subject_column: String,
    /// The column naming who said it.
    pub source_column: String,
    /// Columns that are neither subject, source nor property (row ids, notes).
    pub ignore_columns: Vec<String>,
    /// `type:` written on the claims of a column; other columns get none, and
    /// `check` infers the type from the property name (docs/claims-format.md).
    pub types: Vec<(String, ValueType)>,
    /// When the sources said it: `published` of every source, `as_of` of every claim.
    pub as_of: NaiveDate,
    /// The kind of the registry entities written for the subjects.
    pub subject_kind: EntityKind,
}

/// The corpus to write: paths relative to the output folder, and their text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub files: Vec<(PathBuf, String)>,
    pub rows: usize,
    pub sources: usize,
    pub subjects: usize,
    pub claims: usize,
    /// Each property column, in header order: its header, its property, the
    /// type its claims are read as, and why (see [`ColumnType`]).
    pub columns: Vec<ColumnType>,
}

/// The type of one property column's claims and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnType {
    pub header: String,
    pub property: String,
    pub value_type: ValueType,
    pub from: TypeFrom,
    /// The cells skipped as missing-value markers (only in a number or date
    /// column): each spelling as written, and how many cells had it, in
    /// character order.
    pub missing: Vec<(String, usize)>,
}

/// Where a column's type comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeFrom {
    /// `--type`.
    Option,
    /// The property name (`check` infers it the same way, `ValueType::infer`).
    Name,
    /// Every non-empty cell reads as that type.
    Cells,
    /// `text`, because the cells decided no other type: why. `undecided`:
    /// some cells read as numbers or dates, but not all (or all as both), so
    /// the editor may want `--type`.
    Text { why: String, undecided: bool },
}

/// The type a column's cells give when its name gives none (`text`): `number`
/// when every non-empty cell reads as a number and not every one as a date,
/// `date` when every one reads as a date (or says there is no value, "n/a",
/// "TBD") and not every one as a number; otherwise `text`, with the reason.
/// The whole column decides, so the type does not depend on the row order.
fn type_from_cells(cells: &[&str], as_of: NaiveDate) -> (ValueType, TypeFrom) {
    let text = |why: String, undecided: bool| (ValueType::Text, TypeFrom::Text { why, undecided });
    if cells.is_empty() {
        return text("no cell to read".to_string(), false);
    }
    let as_date = |c: &&&str| match read_date(c, as_of, Tense::Unknown) {
        Ok(_) => true,
        Err(e) => e.no_value,
    };
    let as_number = |c: &&&str| read_number(c).is_ok();
    let (dates, numbers) = (cells.iter().filter(as_date).count(), cells.iter().filter(as_number).count());
    let all = cells.len();
    let first_not = |f: &dyn Fn(&&&str) -> bool| cells.iter().find(|c| !f(c)).map(|c| one_line(c)).unwrap_or_default();
    match (numbers == all, dates == all) {
        (true, false) => (ValueType::Number, TypeFrom::Cells),
        (false, true) => (ValueType::Date, TypeFrom::Cells),
        (true, true) => text("every cell reads both as a number and as a date".to_string(), true),
        (false, false) if numbers >= dates && numbers > 0 => {
            text(format!("{numbers} of {all} cells read as numbers, not '{}'", first_not(&as_number)), true)
        }
        (false, false) if dates > 0 => {
            text(format!("{dates} of {all} cells read as dates, not '{}'", first_not(&as_date)), true)
        }
        (false, false) => text("its cells are neither numbers nor dates".to_string(), false),
    }
}

/// One row of the CSV.
struct Row {
    /// Its line in the CSV.
    line: u64,
    /// The byte offset where the record starts (to find a cell's column).
    byte: usize,
    subject: String,
    /// (property index, value) for each non-empty cell.
    values: Vec<(usize, String)>,
}

struct SourceRows {
    name: String,
    id: String,
    rows: Vec<Row>,
}

/// Turn a CSV text into a claims corpus. `file` names the input in messages
/// (with the CSV line of each problem). Every problem is returned, none stops
/// the reading of the others; any problem means nothing is written.
pub fn import_csv(text: &str, file: &Arc<std::path::Path>, opts: &CsvImport) -> Result<Imported, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    // The csv crate reads a quote never closed as one field running to the
    // end of the file, without a word: the rows after it would be lost.
    if let Some(at) = unclosed_quote(text) {
        let (line, column) = line_col(text, at);
        let last = text.lines().count();
        return Err(vec![Diagnostic::error(
            Some(Loc::at(file, line, column)),
            format!(
                "the quoted field that begins here is never closed: its '\"' has no closing '\"', so everything \
                 after it, to the end of the file (line {last}), would be read as this one field"
            ),
        )
        .with_help(
            "close the quote where the field ends (a '\"' inside a quoted field is written twice: \"\"), or remove it \
             if the field was not meant to be quoted",
        )]);
    }
    // A tab-separated file read with commas is one column named by the whole header line.
    let first_line = text.split(['\n', '\r']).next().unwrap_or_default();
    if first_line.contains('\t') && !first_line.contains(',') {
        return Err(vec![Diagnostic::error(
            Some(Loc::at(file, 1, 0)),
            "the header has tabs and no commas: this looks like a tab-separated (TSV) file, and import csv reads \
             comma-separated values",
        )
        .with_help(
            "save or export the table as CSV (comma-separated values) and import that file; import csv has no \
             option for another separator",
        )]);
    }
    let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(true).from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
        Err(e) => return Err(vec![csv_error(file, text, &e)]),
    };
    if header.iter().all(String::is_empty) {
        return Err(vec![Diagnostic::error(Some(Loc::at(file, 1, 0)), "the file has no header row")
            .with_help("the first line must name the columns, e.g. `src,flight,sched_dep_time`")]);
    }
    // A name given to two columns: the options name columns by name, and
    // would take the first (a second `subject` column became a property).
    for (i, h) in header.iter().enumerate() {
        let again: Vec<usize> = (i + 1..header.len()).filter(|&j| header[j] == *h).collect();
        if h.is_empty() || header[..i].contains(h) || again.is_empty() {
            continue;
        }
        let mut places: Vec<String> =
            std::iter::once(i).chain(again.iter().copied()).map(|c| (c + 1).to_string()).collect();
        let last = places.pop().unwrap_or_default();
        let times = if again.len() == 1 { "twice".to_string() } else { format!("{} times", again.len() + 1) };
        let (line, column) = cell_at(text, 0, again[0]);
        diags.push(
            Diagnostic::error(
                Some(Loc::at(file, line, column)),
                format!("the header names the column '{h}' {times}: columns {} and {last}", places.join(", ")),
            )
            .with_help(
                "give each column a name of its own in the header (the options name columns by name, and could not \
                 tell these apart)",
            ),
        );
    }
    let listing = header.iter().map(|h| format!("'{h}'")).collect::<Vec<_>>().join(", ");
    let find = |name: &str, what: &str, diags: &mut Vec<Diagnostic>| -> Option<usize> {
        let found = header.iter().position(|h| h == name);
        if found.is_none() {
            let near = crate::text::nearest(name, header.iter().map(String::as_str))
                .map(|n| format!("did you mean '{n}'? "))
                .unwrap_or_default();
            diags.push(
                Diagnostic::error(Some(Loc::at(file, 1, 0)), format!("no column '{name}' ({what}) in the header"))
                    .with_help(format!("{near}the columns are {listing}")),
            );
        }
        found
    };
    let subject_col = find(&opts.subject_column, "--subject-column", &mut diags);
    let source_col = find(&opts.source_column, "--source-column", &mut diags);
    let ignored: Vec<Option<usize>> =
        opts.ignore_columns.iter().map(|c| find(c, "--ignore-column", &mut diags)).collect();
    let typed: Vec<(Option<usize>, ValueType)> =
        opts.types.iter().map(|(c, t)| (find(c, "--type", &mut diags), *t)).collect();
    if subject_col.is_some() && subject_col == source_col {
        diags.push(Diagnostic::error(
            Some(Loc::at(file, 1, 0)),
            "the subject column and the source column are the same column",
        ));
    }
    // Ignoring the subject or the source column would leave rows about nothing, or said by nobody.
    for (name, col) in opts.ignore_columns.iter().zip(&ignored) {
        for (named, what, does) in [
            (subject_col, "--subject-column", "names what each row is about"),
            (source_col, "--source-column", "names who said each row"),
        ] {
            if col.is_some() && *col == named {
                diags.push(
                    Diagnostic::error(
                        Some(Loc::at(file, 1, 0)),
                        format!("--ignore-column '{name}' is the column given as {what}"),
                    )
                    .with_help(format!("that column {does} and cannot be left out; drop this --ignore-column")),
                );
            }
        }
    }
    // One --type per column: a second would silently replace the first.
    let mut typed_first: HashMap<&str, ValueType> = HashMap::new();
    for (name, t) in &opts.types {
        match typed_first.get(name.as_str()) {
            Some(first) => diags.push(
                Diagnostic::error(
                    None,
                    format!(
                        "--type is given twice for the column '{name}' ({}={}, then {name}={})",
                        name,
                        first.as_str(),
                        t.as_str()
                    ),
                )
                .with_help(format!("give one --type per column, e.g. --type '{name}'={}", t.as_str())),
            ),
            None => {
                typed_first.insert(name, *t);
            }
        }
    }

    // The property columns: every other column, named as claim files name properties.
    let mut properties: Vec<(usize, String)> = Vec::new();
    let mut seen: HashMap<String, &str> = HashMap::new();
    for (i, h) in header.iter().enumerate() {
        if Some(i) == subject_col || Some(i) == source_col || ignored.contains(&Some(i)) {
            continue;
        }
        let property = h.to_lowercase().replace([' ', '-'], "_");
        if property.is_empty() {
            diags.push(
                Diagnostic::error(Some(Loc::at(file, 1, 0)), format!("column {} has no name", i + 1))
                    .with_help("give every column a name in the header"),
            );
            continue;
        }
        if let Some(first) = seen.get(&property) {
            if *first == h {
                continue; // the same name twice: said above
            }
            diags.push(
                Diagnostic::error(
                    Some(Loc::at(file, 1, 0)),
                    format!("columns '{first}' and '{h}' would both be the property '{property}'"),
                )
                .with_help("rename one of them, or leave one out with --ignore-column"),
            );
            continue;
        }
        seen.insert(property.clone(), h);
        properties.push((i, property));
    }
    for (col, t) in &typed {
        if let Some(c) = col {
            if !properties.iter().any(|(i, _)| i == c) {
                diags.push(Diagnostic::error(
                    Some(Loc::at(file, 1, 0)),
                    format!("--type {}={} names a column that is not a property", header[*c], t.as_str()),
                ));
            }
        }
    }
    if properties.is_empty() && diags.is_empty() {
        diags.push(
            Diagnostic::error(Some(Loc::at(file, 1, 0)), "no column is left to become a property")
                .with_help(format!("the columns are {listing}; ignore fewer of them")),
        );
    }
    let (Some(subject_col), Some(source_col)) = (subject_col, source_col) else { return Err(diags) };
    if !diags.is_empty() {
        return Err(diags);
    }

    // Rows, grouped by source in order of first appearance.
    let mut sources: Vec<SourceRows> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut rows = 0usize;
    let mut record = csv::StringRecord::new();
    let mut lines = LineCounter { text, at: 0, line: 1 };
    let mut errors = 0usize;
    let mut push_error = |diags: &mut Vec<Diagnostic>, d: Diagnostic| {
        errors += 1;
        if errors <= MAX_ERRORS {
            diags.push(d);
        }
    };
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                push_error(&mut diags, csv_error(file, text, &e));
                // An error inside a quoted field ends the usable input.
                if !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) {
                    break;
                }
                continue;
            }
        }
        // The csv crate's own line count misses CRLF ends; count from the byte offset.
        let byte = record.position().map_or(0, |p| p.byte() as usize);
        let line = match record.position() {
            Some(p) => lines.line_at(p.byte() as usize),
            None => 0,
        };
        if record.len() == 1 && record.get(0).is_some_and(|f| f.trim().is_empty()) {
            continue; // a blank line
        }
        rows += 1;
        let loc = Loc::at(file, line as u32, 0);
        if record.len() != header.len() {
            push_error(
                &mut diags,
                Diagnostic::error(
                    Some(loc),
                    format!("this row has {} fields, the header {}", record.len(), header.len()),
                )
                .with_help("every row needs one field per column; quote fields that contain commas"),
            );
            continue;
        }
        let cell = |i: usize| record.get(i).unwrap_or_default().trim();
        let (subject, source) = (cell(subject_col), cell(source_col));
        if source.is_empty() {
            push_error(
                &mut diags,
                Diagnostic::error(Some(loc.clone()), format!("the source ('{}') is empty", opts.source_column))
                    .with_help("every row needs the name of the source that said it"),
            );
            continue;
        }
        if fold(subject).is_empty() {
            push_error(
                &mut diags,
                Diagnostic::error(
                    Some(loc),
                    format!(
                        "the subject ('{}') is {}",
                        opts.subject_column,
                        if subject.is_empty() {
                            "empty".to_string()
                        } else {
                            format!("'{subject}', with no letter or digit")
                        }
                    ),
                )
                .with_help("every row needs a subject that names what it is about"),
            );
            continue;
        }
        let values: Vec<(usize, String)> = properties
            .iter()
            .enumerate()
            .filter(|(_, (i, _))| !cell(*i).is_empty())
            .map(|(p, (i, _))| (p, cell(*i).to_string()))
            .collect();
        let index = *by_name.entry(source.to_string()).or_insert_with(|| {
            sources.push(SourceRows { name: source.to_string(), id: String::new(), rows: Vec::new() });
            sources.len() - 1
        });
        sources[index].rows.push(Row { line, byte, subject: subject.to_string(), values });
    }
    if errors > MAX_ERRORS {
        diags.push(Diagnostic::error(
            Some(Loc::file(file)),
            format!("{} more problems not listed", errors - MAX_ERRORS),
        ));
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    if sources.is_empty() {
        return Err(vec![Diagnostic::error(Some(Loc::file(file)), "the file has a header but no rows")]);
    }

    // Source ids: slugs, unique, never the registry's name; names that share a
    // slug are numbered in the order of the names, not of the rows, so that
    // reordered rows give the same files.
    let mut taken: HashSet<String> = ["entities".to_string()].into();
    let mut by_sorted_name: Vec<&mut SourceRows> = sources.iter_mut().collect();
    by_sorted_name.sort_by(|a, b| a.name.cmp(&b.name));
    for s in by_sorted_name {
        let mut base = slug(&s.name);
        // Windows reserves these names whatever the extension: a colleague there could not open `con.yaml`.
        if is_reserved_on_windows(&base) {
            base.push_str("-source");
        }
        let mut id = base.clone();
        let mut n = 2;
        while taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(id.clone());
        s.id = id;
    }

    let file_name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut type_of: BTreeMap<usize, ValueType> = typed.iter().filter_map(|(c, t)| c.map(|c| (c, *t))).collect();
    let mut columns = Vec::new();
    for (p, (col, property)) in properties.iter().enumerate() {
        let (value_type, from) = match type_of.get(col) {
            Some(t) => (*t, TypeFrom::Option),
            None => match ValueType::infer(property) {
                ValueType::Text if !crate::normalize::text::is_status_property(property) => {
                    // Missing-value markers say nothing of the column's type.
                    let all: Vec<&str> = sources
                        .iter()
                        .flat_map(|s| &s.rows)
                        .flat_map(|r| r.values.iter().filter(|(q, _)| *q == p).map(|(_, v)| v.as_str()))
                        .collect();
                    let cells: Vec<&str> = all.iter().copied().filter(|c| !is_missing_marker(c)).collect();
                    let (t, from) = if cells.is_empty() && !all.is_empty() {
                        let why = format!(
                            "its only cells mark a missing value, such as '{}'",
                            one_line(all.iter().min().copied().unwrap_or_default())
                        );
                        (ValueType::Text, TypeFrom::Text { why, undecided: false })
                    } else {
                        type_from_cells(&cells, opts.as_of)
                    };
                    if t != ValueType::Text {
                        type_of.insert(*col, t);
                    }
                    (t, from)
                }
                t => (t, TypeFrom::Name),
            },
        };
        // In a number or date column a missing-value marker is an empty cell: no claim.
        let mut missing: BTreeMap<String, usize> = BTreeMap::new();
        if matches!(value_type, ValueType::Number | ValueType::Date) {
            for row in sources.iter_mut().flat_map(|s| &mut s.rows) {
                row.values.retain(|(q, v)| {
                    let skip = *q == p && is_missing_marker(v);
                    if skip {
                        *missing.entry(v.clone()).or_default() += 1;
                    }
                    !skip
                });
            }
        }
        columns.push(ColumnType {
            header: header[*col].clone(),
            property: property.clone(),
            value_type,
            from,
            missing: missing.into_iter().collect(),
        });
    }
    let mut files = Vec::new();
    let mut claims = 0usize;
    // Each subject's spellings (by folded form) and how many rows use each.
    let mut spellings: BTreeMap<String, BTreeMap<&str, usize>> = BTreeMap::new();
    for Row { subject, .. } in sources.iter().flat_map(|s| &s.rows) {
        *spellings.entry(fold(subject)).or_default().entry(subject.as_str()).or_default() += 1;
    }
    // The entity's name is the spelling most rows use (on a tie the first in
    // character order, capitals first: "Kings County" before "Kings county"),
    // the others its aliases: whatever the order of the rows.
    let mut registry: Vec<(String, Vec<String>)> = spellings
        .values()
        .map(|counts| {
            let name =
                counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(n, _)| *n).unwrap_or_default();
            let aliases = counts.keys().filter(|a| **a != name).map(|a| a.to_string()).collect();
            (name.to_string(), aliases)
        })
        .collect();
    registry.sort();
    // Cells of a column typed number or date (by --type or its name) that do not read as one.
    let mut unread = 0usize;
    for s in &sources {
        // Only what the source said stands outside our labels, and it stands in
        // quotation marks (its name, each subject, each value): the labels are
        // ours, the same in every imported article, and must never make two
        // sources "share a passage" (docs/independence.md).
        let mut article = format!("Rows of \"{}\" in \"{file_name}\", one line per row.\n", one_line(&s.name));
        let mut claim_items = Vec::new();
        let mut claim_ids: HashMap<String, usize> = HashMap::new();
        for Row { line, byte, subject, values } in &s.rows {
            let mut row = format!("{} \"{}\":", one_line(&opts.subject_column), one_line(subject));
            for (k, (p, value)) in values.iter().enumerate() {
                row.push_str(if k == 0 { " " } else { "; " });
                // The value in quotation marks: it is what the source said, and
                // sources that agree give the same values. Shared passages count as
                // copying only outside quotation marks (docs/independence.md), so two
                // sources with equal rows are not "dependent" for their agreement
                // alone; truth discovery weighs shared values itself (docs/truth.md).
                row.push_str(&format!("{} \"{}\"", one_line(&header[properties[*p].0]), one_line(value)));
            }
            article.push_str(&row);
            article.push('\n');
            for (p, value) in values {
                let (col, property) = &properties[*p];
                if let Some(mut problem) = unreadable(&columns[*p], value, &row, opts.as_of) {
                    unread += 1;
                    if unread <= MAX_ERRORS {
                        let (line, column) = cell_at(text, *byte, *col);
                        problem.loc = Some(Loc::at(file, line, column));
                        diags.push(problem);
                    }
                    continue;
                }
                let base = format!("{}.{property}", slug(subject));
                let n = claim_ids.entry(base.clone()).or_insert(0);
                *n += 1;
                let id = if *n == 1 { base } else { format!("{base}-{n}") };
                let mut fields = vec![
                    ("id".to_string(), Emit::Scalar(id)),
                    ("subject".to_string(), Emit::Scalar(subject.clone())),
                    ("property".to_string(), Emit::Scalar(property.clone())),
                    ("value".to_string(), Emit::Scalar(value.clone())),
                ];
                if let Some(t) = type_of.get(col) {
                    fields.push(("type".to_string(), Emit::Scalar(t.as_str().to_string())));
                }
                fields.push(("quote".to_string(), Emit::Scalar(row.clone())));
                fields.push(("note".to_string(), Emit::Scalar(format!("{file_name} line {line}"))));
                claim_items.push(Emit::Map(fields));
                claims += 1;
            }
        }
        let doc = Emit::Map(vec![
            (
                "source".to_string(),
                Emit::Map(vec![
                    ("id".to_string(), Emit::Scalar(s.id.clone())),
                    ("outlet".to_string(), Emit::Scalar(s.name.clone())),
                    ("published".to_string(), Emit::Scalar(format_day(opts.as_of))),
                    ("article".to_string(), Emit::Scalar(format!("{}.txt", s.id))),
                    ("note".to_string(), Emit::Scalar(format!("imported from {file_name} by crosscheck import csv"))),
                ]),
            ),
            ("claims".to_string(), Emit::Seq(claim_items)),
        ]);
        files.push((PathBuf::from("claims").join(format!("{}.yaml", s.id)), emit(&doc)));
        files.push((PathBuf::from("articles").join(format!("{}.txt", s.id)), article));
    }
    if unread > 0 {
        diags.sort();
        if unread > MAX_ERRORS {
            diags.push(Diagnostic::error(
                Some(Loc::file(file)),
                format!("{} more cells that do not read as their column's type", unread - MAX_ERRORS),
            ));
        }
        return Err(diags);
    }
    let entities = Emit::Map(vec![(
        "entities".to_string(),
        Emit::Seq(
            registry
                .iter()
                .map(|(name, aliases)| {
                    let mut fields = vec![
                        ("name".to_string(), Emit::Scalar(name.clone())),
                        ("kind".to_string(), Emit::Scalar(opts.subject_kind.as_str().to_string())),
                    ];
                    if !aliases.is_empty() {
                        fields.push((
                            "aliases".to_string(),
                            Emit::Seq(aliases.iter().map(|a| Emit::Scalar(a.clone())).collect()),
                        ));
                    }
                    Emit::Map(fields)
                })
                .collect(),
        ),
    )]);
    let mut registry_text =
        format!("# The subjects of {file_name} (column '{}'), one entity each.\n", one_line(&opts.subject_column));
    registry_text.push_str(&emit(&entities));
    files.push((PathBuf::from("claims").join("entities.yaml"), registry_text));
    files.sort();
    Ok(Imported { files, rows, sources: sources.len(), subjects: registry.len(), claims, columns })
}

/// The problem with a cell of a column that `--type` or its name makes a
/// number or a date, when the cell does not read as one (as `check` reads it,
/// with the row as the quote): `check` would refuse the claim, so the import
/// refuses the cell, where the editor can mend it. The location is left to
/// the caller. A date that says there is none ("TBD") is not a problem here:
/// `check` warns of it.
fn unreadable(column: &ColumnType, value: &str, quote: &str, as_of: NaiveDate) -> Option<Diagnostic> {
    let from = match column.from {
        TypeFrom::Option => format!("--type '{}'={}", one_line(&column.header), column.value_type.as_str()),
        TypeFrom::Name => "from its name".to_string(),
        TypeFrom::Cells | TypeFrom::Text { .. } => return None,
    };
    let (what, error, example) = match column.value_type {
        ValueType::Number => (
            "numbers",
            read_number(value).err()?,
            "a number or range such as '300', 'over 100,000' or 'between 10 and 20' (docs/numbers.md)",
        ),
        ValueType::Date => match read_date(value, as_of, tense_of_said(quote, as_of)) {
            Err(e) if !e.no_value => {
                ("dates", e.message, "a date such as '7 July 2013', '2013-07-07' or 'mid-November' (docs/temporal.md)")
            }
            _ => return None,
        },
        _ => return None,
    };
    Some(
        Diagnostic::error(
            None,
            format!(
                "column '{}' is read as {what} ({from}), but its cell '{}' is not one: {}",
                one_line(&column.header),
                one_line(value),
                one_line(&error)
            ),
        )
        .with_help(format!(
            "write {example}, leave the cell empty if the source gave none, or read the column as text with --type '{}'=text",
            one_line(&column.header)
        )),
    )
}

/// The 1-based line and column (in characters) where field `field` of the
/// record that starts at byte `record` begins: the record is scanned as the
/// csv crate reads it (fields split by commas outside double quotes).
fn cell_at(text: &str, record: usize, field: usize) -> (u32, u32) {
    let bytes = text.as_bytes();
    let mut at = record.min(bytes.len());
    while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
        at += 1;
    }
    let (mut n, mut quoted) = (0, false);
    while n < field && at < bytes.len() {
        match bytes[at] {
            b'"' => quoted = !quoted,
            b',' if !quoted => n += 1,
            b'\n' if !quoted => break,
            _ => {}
        }
        at += 1;
    }
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    line_col(text, at)
}

/// Where a quoted field begins (its '"', as a byte) that is never closed,
/// read as the csv crate reads: a '"' opens a quoted field only at the
/// start of a field (elsewhere it is a character of the field); inside
/// one, '""' is a quote, and a '"' followed by anything else closes it.
fn unclosed_quote(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut open, mut field_start, mut i) = (None, true, 0);
    while i < bytes.len() {
        match (open, bytes[i]) {
            (Some(_), b'"') if bytes.get(i + 1) == Some(&b'"') => i += 1,
            (Some(_), b'"') => (open, field_start) = (None, false),
            (Some(_), _) => {}
            (None, b'"') if field_start => open = Some(i),
            (None, b',' | b'\n' | b'\r') => field_start = true,
            (None, _) => field_start = false,
        }
        i += 1;
    }
    open
}

/// The 1-based line and column (in characters) of byte `at` of `text`.
fn line_col(text: &str, at: usize) -> (u32, u32) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
    (u32::try_from(line).unwrap_or(u32::MAX), u32::try_from(column).unwrap_or(u32::MAX))
}

/// 1-based line numbers of byte offsets asked in increasing order, in one pass.
struct LineCounter<'a> {
    text: &'a str,
    at: usize,
    line: u64,
}

impl LineCounter<'_> {
    fn line_at(&mut self, byte: usize) -> u64 {
        // A record's offset may sit on the line end before it (CRLF input): skip to its first byte.
        let bytes = self.text.as_bytes();
        let mut byte = byte.min(bytes.len());
        while byte < bytes.len() && matches!(bytes[byte], b'\r' | b'\n') {
            byte += 1;
        }
        if byte > self.at {
            self.line += self.text.as_bytes()[self.at..byte].iter().filter(|&&b| b == b'\n').count() as u64;
            self.at = byte;
        }
        self.line
    }
}

/// Text on one line: line breaks and tabs become spaces.
fn one_line(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

fn csv_error(file: &Arc<std::path::Path>, text: &str, e: &csv::Error) -> Diagnostic {
    let line = e.position().map_or(0, |p| {
        let end = (p.byte() as usize).min(text.len());
        text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() as u32 + 1
    });
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("this row has {len} fields, the header {expected_len}")
        }
        csv::ErrorKind::Utf8 { .. } => "the row is not valid UTF-8".to_string(),
        _ => format!("cannot read the CSV: {e}"),
    };
    Diagnostic::error(Some(Loc::at(file, line, 0)), message)
        .with_help("a CSV file has a header row and one row per line, fields separated by commas, quoted with \" when they contain commas or line breaks")
}

/// Device names Windows reserves as file names, with any extension (`con.yaml`).
fn is_reserved_on_windows(stem: &str) -> bool {
    matches!(stem, "con" | "prn" | "aux" | "nul")
        || ((stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit()
            && stem.as_bytes()[3] != b'0')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> CsvImport {
        CsvImport {
            subject_column: "flight".into(),
            source_column: "src".into(),
            ignore_columns: vec![],
            types: vec![],
            as_of: NaiveDate::from_ymd_opt(2011, 12, 1).unwrap(),
            subject_kind: EntityKind::Event,
        }
    }

    fn file() -> Arc<std::path::Path> {
        Arc::from(std::path::Path::new("t.csv"))
    }

    fn get<'a>(imp: &'a Imported, path: &str) -> &'a str {
        &imp.files.iter().find(|(p, _)| p == std::path::Path::new(path)).unwrap_or_else(|| panic!("{path}")).1
    }

    #[test]
    fn rows_become_claims_quoting_their_article_line() {
        let text =
            "id,src,flight,dep time,arr\n1,Boston Globe,AA-1,7:10 a.m.,\n2,CO,AA-1,7:12 a.m.,9:00\n3,co,aa 1,7:20 a.m.,y\n";
        let mut o = opts();
        o.ignore_columns = vec!["id".into()];
        let imp = import_csv(text, &file(), &o).unwrap();
        assert!(get(&imp, "claims/co.yaml").contains("note: t.csv line 3\n"));
        assert_eq!((imp.rows, imp.sources, imp.subjects, imp.claims), (3, 3, 1, 5));
        let names: Vec<String> = imp.files.iter().map(|(p, _)| p.display().to_string()).collect();
        assert_eq!(
            names,
            [
                "articles/boston-globe.txt",
                "articles/co-2.txt",
                "articles/co.txt",
                "claims/boston-globe.yaml",
                "claims/co-2.yaml",
                "claims/co.yaml",
                "claims/entities.yaml"
            ]
        );
        let article = get(&imp, "articles/boston-globe.txt");
        assert!(article.contains("\nflight \"AA-1\": dep time \"7:10 a.m.\"\n"), "{article}");
        let claims = get(&imp, "claims/co.yaml");
        assert!(claims.contains("property: dep_time\n"), "{claims}");
        assert!(claims.contains(r#"quote: "flight \"AA-1\": dep time \"7:12 a.m.\"; arr \"9:00\"""#), "{claims}");
        assert!(!claims.contains("property: id"), "ignored column: {claims}");
        let registry = get(&imp, "claims/entities.yaml");
        assert!(registry.contains("- name: AA-1\n  kind: event\n  aliases:\n  - aa 1\n"), "{registry}");
    }

    #[test]
    fn missing_columns_list_the_header() {
        let mut o = opts();
        o.subject_column = "flihgt".into();
        let e = import_csv("src,flight\na,b\n", &file(), &o).unwrap_err();
        let text = e[0].to_string();
        assert!(text.contains("no column 'flihgt'") && text.contains("did you mean 'flight'"), "{text}");
        assert!(text.contains("'src', 'flight'"), "{text}");
    }

    #[test]
    fn ragged_rows_are_errors_at_their_line() {
        for text in ["src,flight,a\nx,f,1\ny,g\n", "src,flight,a\r\nx,f,1\r\ny,g\r\n"] {
            let e = import_csv(text, &file(), &opts()).unwrap_err();
            assert_eq!(e.len(), 1);
            assert!(e[0].to_string().starts_with("t.csv:3: error: this row has 2 fields, the header 3"), "{}", e[0]);
        }
    }

    #[test]
    fn empty_subject_or_source_is_an_error() {
        let e = import_csv("src,flight,a\n,f,1\nx,,1\n", &file(), &opts()).unwrap_err();
        assert_eq!(e.len(), 2, "{e:?}");
    }

    #[test]
    fn output_does_not_depend_on_row_order_of_other_sources() {
        let a = import_csv("src,flight,a\nx,f,1\ny,f,2\n", &file(), &opts()).unwrap();
        let b = import_csv("src,flight,a\ny,f,2\nx,f,1\n", &file(), &opts()).unwrap();
        let strip = |t: &str| t.lines().filter(|l| !l.contains("note: t.csv line")).collect::<Vec<_>>().join("\n");
        assert_eq!(strip(get(&a, "claims/x.yaml")), strip(get(&b, "claims/x.yaml")));
    }

    #[test]
    fn a_column_whose_name_gives_no_type_takes_the_type_of_all_its_cells() {
        let day = NaiveDate::from_ymd_opt(2020, 3, 1).unwrap();
        let t = |cells: &[&str]| type_from_cells(cells, day).0;
        assert_eq!(t(&["12,345", "about 12,300", "9,000"]), ValueType::Number);
        // "12 April" also reads as the number 12 (words after a number are ignored): all dates, so a date.
        assert_eq!(t(&["2020-03-07", "12 April", "n/a", "TBD"]), ValueType::Date);
        assert_eq!(t(&["2019", "2020"]), ValueType::Text, "years: both, so neither is guessed");
        assert_eq!(t(&["61%", "high"]), ValueType::Text);
        assert_eq!(t(&["Geneva", "Vienna"]), ValueType::Text);
    }

    #[test]
    fn missing_value_markers_are_a_short_list_and_not_zero() {
        for m in ["n/a", "N/A", " NA ", "n.a.", "#N/A", "null", "NaN", "-", "--", "\u{2013}", "\u{2014}"] {
            assert!(is_missing_marker(m), "{m}");
        }
        for word in ["none", "0", "unknown", "TBD", "nan bread", "-3", "Namibia", ""] {
            assert!(!is_missing_marker(word), "{word}");
        }
    }

    #[test]
    fn markers_are_no_claim_in_number_and_date_columns_only() {
        let text = "src,flight,a,when,code\nx,f,12,2011-12-01,NA\ny,f,n/a,-,US\nz,f,none,N/A,n/a\n";
        let imp = import_csv(text, &file(), &opts()).unwrap();
        let types: Vec<_> = imp.columns.iter().map(|c| (c.value_type, c.missing.clone())).collect();
        let n = |m: &[(&str, usize)]| m.iter().map(|(s, k)| (s.to_string(), *k)).collect::<Vec<_>>();
        assert_eq!(
            types,
            [
                (ValueType::Number, n(&[("n/a", 1)])),
                (ValueType::Date, n(&[("-", 1), ("N/A", 1)])),
                (ValueType::Text, n(&[])),
            ]
        );
        assert_eq!(imp.claims, 6, "3 in code, 2 in a (12, none), 1 in when");
        assert!(
            get(&imp, "articles/y.txt").ends_with("flight \"f\": code \"US\"\n"),
            "{}",
            get(&imp, "articles/y.txt")
        );
    }

    #[test]
    fn a_quote_never_closed_is_found_where_the_csv_crate_opens_it() {
        // Closed, escaped (""), or a quote inside a field (5" screen, "ab"cd): not open.
        for text in
            ["a,\"b, c\"\n", "a,\"x\"\"y\"\n", "a,5\" screen,b\n", "a,\"ab\"cd\"e,f\n", "a,\"\"\n", "a,\"l1\nl2\"\n"]
        {
            assert_eq!(unclosed_quote(text), None, "{text:?}");
        }
        assert_eq!(unclosed_quote("a,b\nc,\"d\ne,f\n"), Some(6));
        assert_eq!(unclosed_quote("a,\"x\"\"\n"), Some(2), "an escaped quote closes nothing");
        assert_eq!(unclosed_quote("\"a"), Some(0));
    }

    #[test]
    fn a_cell_is_found_at_its_column_past_quotes_and_line_ends() {
        let text = "src,flight,a\r\nx,\"f, g\",12\n\"y\nz\",\"h\"\"\",é,last\n";
        let start = |n: usize| text.match_indices('\n').nth(n).map_or(0, |(i, _)| i);
        assert_eq!(cell_at(text, start(0), 0), (2, 1));
        assert_eq!(cell_at(text, start(0), 2), (2, 10));
        // A record that starts with a quoted line break: its cells sit on the next line.
        assert_eq!(cell_at(text, start(1), 1), (4, 4));
        assert_eq!(cell_at(text, start(1), 2), (4, 10));
        assert_eq!(cell_at(text, start(1), 3), (4, 12), "columns count characters, not bytes");
        assert_eq!(cell_at(text, start(1), 9), (4, 16), "past the last field: the end of its line");
        assert_eq!(cell_at("", 7, 3), (1, 1));
    }

    #[test]
    fn a_type_given_twice_or_an_ignored_subject_is_an_error() {
        let mut o = opts();
        o.types = vec![("a".into(), ValueType::Number), ("a".into(), ValueType::Number)];
        let e = import_csv("src,flight,a\nx,f,1\n", &file(), &o).unwrap_err();
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].to_string().starts_with("error: --type is given twice for the column 'a'"), "{}", e[0]);
        let mut o = opts();
        o.ignore_columns = vec!["flight".into(), "src".into()];
        let e = import_csv("src,flight,a\nx,f,1\n", &file(), &o).unwrap_err();
        assert_eq!(e.len(), 2, "{e:?}");
    }

    #[test]
    fn a_source_named_like_a_windows_device_gets_a_name_windows_can_open() {
        let imp = import_csv("src,flight,a\nCON,f,1\nlpt1,g,2\nconsole,h,3\n", &file(), &opts()).unwrap();
        let names: Vec<String> = imp.files.iter().map(|(p, _)| p.display().to_string()).collect();
        for want in ["claims/con-source.yaml", "claims/lpt1-source.yaml", "claims/console.yaml"] {
            assert!(names.iter().any(|n| n == want), "{want} in {names:?}");
        }
    }

    #[test]
    fn a_source_named_entities_does_not_replace_the_registry() {
        let imp = import_csv("src,flight,a\nentities,f,1\n", &file(), &opts()).unwrap();
        assert!(imp.files.iter().any(|(p, _)| p == std::path::Path::new("claims/entities-2.yaml")));
    }
}
