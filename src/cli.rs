//! The command line: clap arguments (raw flags), turned into a validated
//! [`Command`] before any work, and [`execute`], which runs it and returns
//! what to print and the exit code. Nothing here prints: `main.rs` does.

use std::io::BufRead;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::check;
use crate::compare::Verdict;
use crate::import::CsvImport;
use crate::model::{EntityKind, ValueType};
use crate::normalize::date::{read_date, Tense};
use crate::normalize::format_day;
use crate::report::{self, Format, Options};

/// Exit codes.
pub const EXIT_OK: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_INPUT_ERROR: i32 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Cross-check the factual claims of news articles: where sources agree, differ in precision, revise a plan, or contradict each other."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: CliCommand,
}

#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Check every claim file and print the conflict table.
    ///
    /// Exit codes: 0 nothing at or above --fail-on; 1 facts at or above it;
    /// 2 input errors (the report then covers only what could be read).
    Check(CheckArgs),
    /// Show everything claimed about one subject, with a timeline of its dates.
    ///
    /// SUBJECT is a fact id (geneva-ii-conference.date) or a name, matched
    /// through the registry as claim subjects are ("Geneva II", "Geneva 2").
    Show(ShowArgs),
    /// Print the interval of days a date expression reads as.
    ///
    /// With no EXPR, reads one expression a line from standard input.
    When(WhenArgs),
    /// List each outlet with its estimated accuracy and suspected copying (docs/truth.md).
    Sources(SourcesArgs),
    /// Turn tabular data into a claims corpus (claims/ + articles/) that `check` reads.
    #[command(subcommand)]
    Import(ImportKind),
}

#[derive(Debug, clap::Args)]
pub struct SourcesArgs {
    #[arg(long, value_name = "DIR", default_value = "claims")]
    pub claims: PathBuf,
    #[arg(long, value_name = "DIR", default_value = "articles")]
    pub articles: PathBuf,
    #[arg(long, value_enum, default_value_t = WhenFormat::Text, value_name = "FORMAT")]
    pub format: WhenFormat,
    /// Wrap the table to this many columns (default: the terminal's width, or 120 when piped).
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<u16>,
}

#[derive(Debug, Subcommand)]
pub enum ImportKind {
    /// Import a CSV file where each row is what one source said about one subject.
    ///
    /// Every other column becomes a property of that name; an empty cell is no claim.
    /// Writes OUT/claims (a claim file per source, and entities.yaml) and OUT/articles
    /// (each source's rows as text, which the claims quote). OUT must be new or empty.
    Csv(ImportCsvArgs),
}

#[derive(Debug, clap::Args)]
pub struct ImportCsvArgs {
    /// The CSV file (a header row, then one row per source and subject).
    pub file: PathBuf,
    /// The column naming what each row is about.
    #[arg(long, value_name = "COLUMN")]
    pub subject_column: String,
    /// The column naming the source that said it.
    #[arg(long, value_name = "COLUMN")]
    pub source_column: String,
    /// A column to leave out (row ids, notes); repeat for more.
    #[arg(long, value_name = "COLUMN")]
    pub ignore_column: Vec<String>,
    /// The value type of a column's claims, e.g. `--type arrival=date`; repeat for more.
    /// Without it, `check` infers the type from the property name.
    #[arg(long = "type", value_name = "COLUMN=TYPE", value_parser = parse_column_type)]
    pub types: Vec<(String, ValueType)>,
    /// When the sources said it (YYYY-MM-DD): each source's `published` and each claim's `as_of`.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: NaiveDate,
    /// The registry kind of the subjects.
    #[arg(long, value_name = "KIND", default_value = "event", value_parser = parse_kind)]
    pub subject_kind: EntityKind,
    /// The folder to write (created; must be new or empty).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

fn parse_column_type(s: &str) -> Result<(String, ValueType), String> {
    let (col, t) = s.rsplit_once('=').ok_or_else(|| format!("'{s}' is not COLUMN=TYPE, e.g. arrival=date"))?;
    let t = ValueType::parse(t.trim())
        .ok_or_else(|| format!("unknown type '{t}'; one of: {}", ValueType::NAMES.join(", ")))?;
    Ok((col.trim().to_string(), t))
}

fn parse_kind(s: &str) -> Result<EntityKind, String> {
    EntityKind::parse(s).ok_or_else(|| format!("unknown kind '{s}'; one of: {}", EntityKind::NAMES.join(", ")))
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The folder of claim files (with the registry entities.yaml).
    #[arg(long, value_name = "DIR", default_value = "claims")]
    pub claims: PathBuf,
    /// The folder of article texts that `article:` paths are relative to.
    #[arg(long, value_name = "DIR", default_value = "articles")]
    pub articles: PathBuf,
    #[arg(long, value_enum, default_value_t = CliFormat::Table)]
    pub format: CliFormat,
    /// Show every fact, not only conflict, revised and compatible ones.
    #[arg(long)]
    pub all: bool,
    /// Exit 1 when a fact has this verdict or a more severe one
    /// (compatible < revised < conflict).
    #[arg(long, value_enum, default_value_t = FailOn::Conflict, value_name = "VERDICT")]
    pub fail_on: FailOn,
    /// Colour in the table: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Wrap the table to this many columns (default: the terminal's width, or 120 when piped).
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<u16>,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    pub subject: String,
    /// Only this property (e.g. date).
    #[arg(long)]
    pub property: Option<String>,
    #[arg(long, value_name = "DIR", default_value = "claims")]
    pub claims: PathBuf,
    #[arg(long, value_name = "DIR", default_value = "articles")]
    pub articles: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct WhenArgs {
    /// The expression, e.g. "second week of November". Omit to read lines from stdin.
    pub expr: Option<String>,
    /// The date the expression was said (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    /// Read a bare month or weekday as past ("was held in August").
    #[arg(long, conflicts_with = "future")]
    pub past: bool,
    /// Read a bare month or weekday as future ("will be held in August").
    #[arg(long)]
    pub future: bool,
    #[arg(long, value_enum, default_value_t = WhenFormat::Text)]
    pub format: WhenFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CliFormat {
    Table,
    Json,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WhenFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Conflict,
    Revised,
    Compatible,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("'{s}' is not a date; write YYYY-MM-DD, e.g. 2013-10-07"))
}

/// What the binary knows of where it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Terminal {
    pub stdout_is_tty: bool,
    pub no_color: bool,
    /// The terminal's width, when stdout is one.
    pub width: Option<u16>,
    pub today: NaiveDate,
}

/// A validated command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Check { claims: PathBuf, articles: PathBuf, format: Format, options: Options, fail_on: Option<Verdict> },
    Show { subject: String, property: Option<String>, claims: PathBuf, articles: PathBuf },
    When { expr: Option<String>, as_of: NaiveDate, tense: Tense, json: bool },
    ImportCsv { file: PathBuf, options: CsvImport, out: PathBuf },
    Sources { claims: PathBuf, articles: PathBuf, json: bool, width: Option<u16> },
}

impl Cli {
    pub fn into_command(self, term: &Terminal) -> Command {
        match self.command {
            CliCommand::Check(a) => {
                let color = match a.color {
                    ColorChoice::Always => true,
                    ColorChoice::Never => false,
                    ColorChoice::Auto => term.stdout_is_tty && !term.no_color,
                } && a.format == CliFormat::Table;
                let width = a.width.or(term.width).or(Some(120));
                Command::Check {
                    claims: a.claims,
                    articles: a.articles,
                    format: match a.format {
                        CliFormat::Table => Format::Table,
                        CliFormat::Json => Format::Json,
                        CliFormat::Markdown => Format::Markdown,
                    },
                    options: Options { all: a.all, color, width },
                    fail_on: match a.fail_on {
                        FailOn::Conflict => Some(Verdict::Conflict),
                        FailOn::Revised => Some(Verdict::Revised),
                        FailOn::Compatible => Some(Verdict::Compatible),
                        FailOn::Never => None,
                    },
                }
            }
            CliCommand::Show(a) => {
                Command::Show { subject: a.subject, property: a.property, claims: a.claims, articles: a.articles }
            }
            CliCommand::When(a) => Command::When {
                expr: a.expr,
                as_of: a.as_of.unwrap_or(term.today),
                tense: if a.past {
                    Tense::Past
                } else if a.future {
                    Tense::Future
                } else {
                    Tense::Unknown
                },
                json: a.format == WhenFormat::Json,
            },
            CliCommand::Sources(a) => Command::Sources {
                claims: a.claims,
                articles: a.articles,
                json: a.format == WhenFormat::Json,
                width: a.width.or(term.width).or(Some(120)),
            },
            CliCommand::Import(ImportKind::Csv(a)) => Command::ImportCsv {
                file: a.file,
                options: CsvImport {
                    subject_column: a.subject_column,
                    source_column: a.source_column,
                    ignore_columns: a.ignore_column,
                    types: a.types,
                    as_of: a.as_of,
                    subject_kind: a.subject_kind,
                },
                out: a.out,
            },
        }
    }
}

/// What to print, and how to exit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

/// Run a command. `stdin` is read only by `when` with no expression.
pub fn execute(command: Command, stdin: &mut dyn BufRead) -> Output {
    match command {
        Command::Check { claims, articles, format, options, fail_on } => {
            let outcome = check::run(&claims, &articles);
            let mut out = Output { stdout: report::render(&outcome, format, &options), ..Output::default() };
            for d in &outcome.diagnostics {
                out.stderr.push_str(&format!("{d}\n"));
            }
            let errors = outcome.errors().count();
            out.code = if errors > 0 {
                out.stderr.push_str(&format!(
                    "{errors} input error{}: the report covers only the {} of {} claims that could be read\n",
                    if errors == 1 { "" } else { "s" },
                    outcome.claims_checked,
                    outcome.claims_total
                ));
                EXIT_INPUT_ERROR
            } else if fail_on.is_some_and(|f| outcome.worst().is_some_and(|w| w >= f)) {
                EXIT_FINDINGS
            } else {
                EXIT_OK
            };
            out
        }
        Command::Show { subject, property, claims, articles } => {
            let outcome = check::run(&claims, &articles);
            let mut out = Output::default();
            for d in outcome.errors() {
                out.stderr.push_str(&format!("{d}\n"));
            }
            let facts: Vec<_> = outcome
                .facts_about(&subject)
                .into_iter()
                .filter(|f| property.as_ref().is_none_or(|p| &f.property == p))
                .collect();
            if facts.is_empty() {
                let mut known: Vec<&str> = outcome.facts.iter().map(|f| f.subject.name.as_str()).collect();
                known.sort_unstable();
                known.dedup();
                let near = crate::text::nearest(&subject, known.iter().copied())
                    .map(|n| format!("did you mean '{n}'? "))
                    .unwrap_or_default();
                out.stderr.push_str(&format!(
                    "error: no claims about '{subject}'{}\n  help: {near}subjects with claims: {}\n",
                    property.map(|p| format!(" with property '{p}'")).unwrap_or_default(),
                    known.join(", ")
                ));
                out.code = EXIT_INPUT_ERROR;
                return out;
            }
            out.stdout = report::timeline::render(&facts);
            out.code = if outcome.has_errors() { EXIT_INPUT_ERROR } else { EXIT_OK };
            out
        }
        Command::When { expr, as_of, tense, json } => {
            let exprs: Vec<String> = match expr {
                Some(e) => vec![e],
                None => stdin.lines().map_while(Result::ok).filter(|l| !l.trim().is_empty()).collect(),
            };
            let mut out = Output::default();
            for e in exprs {
                when_line(&e, as_of, tense, json, &mut out);
            }
            out
        }
        Command::ImportCsv { file, options, out: dir } => import_csv(&file, &options, &dir),
        Command::Sources { claims, articles, json, width } => {
            let outcome = check::run(&claims, &articles);
            let mut out = Output::default();
            for d in outcome.errors() {
                out.stderr.push_str(&format!("{d}\n"));
            }
            out.stdout = if json {
                report::sources::render_json(&outcome)
            } else {
                report::sources::render_table(&outcome, width)
            };
            out.code = if outcome.has_errors() { EXIT_INPUT_ERROR } else { EXIT_OK };
            out
        }
    }
}

fn import_csv(file: &std::path::Path, options: &CsvImport, dir: &std::path::Path) -> Output {
    let mut out = Output::default();
    let fail = |out: &mut Output, diags: Vec<crate::error::Diagnostic>| {
        for d in diags {
            out.stderr.push_str(&format!("{d}\n"));
        }
        out.stderr.push_str("nothing was written\n");
        out.code = EXIT_INPUT_ERROR;
    };
    // Refuse a folder with anything in it before reading the input.
    if std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some()) {
        out.stderr.push_str(&format!(
            "error: '{}' is not empty\n  help: give --out a new or empty folder; import never writes over existing files\n",
            dir.display()
        ));
        out.code = EXIT_INPUT_ERROR;
        return out;
    }
    let path: std::sync::Arc<std::path::Path> = std::sync::Arc::from(file);
    let text = match crate::load::read_input(&path) {
        Ok(t) => t,
        Err(diags) => {
            fail(&mut out, diags);
            return out;
        }
    };
    let imported = match crate::import::import_csv(&text, &path, options) {
        Ok(i) => i,
        Err(diags) => {
            fail(&mut out, diags);
            return out;
        }
    };
    if let Err(e) = crate::fsio::write_new_tree(dir, &imported.files) {
        out.stderr.push_str(&format!("error: cannot write the corpus to '{}': {e}\n", dir.display()));
        out.code = EXIT_INPUT_ERROR;
        return out;
    }
    let (claims, articles) = (dir.join("claims"), dir.join("articles"));
    out.stdout = format!(
        "imported {} claims about {} subjects from {} sources ({} rows) into {} and {}\nnext: crosscheck check --claims {} --articles {}\n",
        imported.claims,
        imported.subjects,
        imported.sources,
        imported.rows,
        claims.display(),
        articles.display(),
        claims.display(),
        articles.display()
    );
    out
}

/// One line of `when --format json`, keys in the documented order.
#[derive(serde::Serialize)]
struct WhenJson<'a> {
    expression: &'a str,
    as_of: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    precision: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

fn when_line(expr: &str, as_of: NaiveDate, tense: Tense, json: bool, out: &mut Output) {
    let day = |d: Option<NaiveDate>| d.map(format_day);
    let result = read_date(expr, as_of, tense);
    if json {
        let mut line = WhenJson {
            expression: expr,
            as_of: format_day(as_of),
            start: None,
            end: None,
            precision: None,
            rule: None,
            error: None,
        };
        match &result {
            Ok(r) => {
                line.start = Some(day(r.start));
                line.end = Some(day(r.end));
                line.precision = Some(r.precision.as_str());
                line.rule = Some(r.rule);
            }
            Err(e) => line.error = Some(&e.message),
        }
        out.stdout.push_str(&serde_json::to_string(&line).expect("serializes"));
        out.stdout.push('\n');
    }
    match result {
        Ok(r) if !json => {
            let bound = |d: Option<NaiveDate>| day(d).unwrap_or_else(|| "(open)".into());
            out.stdout.push_str(&format!(
                "{expr}\t{} .. {}\t{}\t{}\n",
                bound(r.start),
                bound(r.end),
                r.precision.as_str(),
                r.rule
            ));
        }
        Ok(_) => {}
        Err(e) => {
            out.stderr.push_str(&format!("error: {e}\n  help: see docs/temporal.md for the expressions understood\n"));
            out.code = EXIT_INPUT_ERROR;
        }
    }
}
