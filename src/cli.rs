//! The command line: clap arguments (raw flags), turned into a validated
//! [`Command`] before any work, and [`execute`], which runs it and returns
//! what to print and the exit code. Nothing here prints: `main.rs` does, or
//! hands [`execute_to`] the standard output to write a report into as it is
//! made.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::check;
use crate::compare::Verdict;
use crate::import::CsvImport;
use crate::model::{EntityKind, ValueType};
use crate::normalize::date::{read_date, Tense};
use crate::normalize::{format_bounds, format_day};
use crate::progress::{Progress, Silent};
use crate::report::{self, Format, Options};
use crate::review::Decision;

mod review;
use crate::tolerance::Tolerances;

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
    /// Exit codes: 0 nothing at or above --fail-on; 1 facts at or above it
    /// without a current review in reviews.yaml; 2 input errors (the report
    /// then covers only what could be read).
    Check(CheckArgs),
    /// Show everything claimed about one subject, with a timeline of its dates.
    ///
    /// SUBJECT is a fact id (geneva-ii-conference.date) or a name, matched
    /// through the registry as claim subjects are ("Geneva II", "Geneva 2"),
    /// or a name, a dot and a property ("Geneva II.date").
    Show(ShowArgs),
    /// Record an editor's decision on a fact in reviews.yaml.
    ///
    /// FACT is a fact id (obama-putin-moscow-summit.status) or a subject
    /// matched as `show` matches it, when that subject has one fact. The entry
    /// keeps a digest of the claims seen: when they change, `check` shows the
    /// review as stale and counts the fact as unreviewed again.
    Review(ReviewArgs),
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
    #[command(flatten)]
    pub corpus: CorpusArgs,
    #[arg(long, value_enum, default_value_t = WhenFormat::Text, value_name = "FORMAT")]
    pub format: WhenFormat,
    /// Wrap the table to this many columns, at least 60 (default: the terminal's width, or 120 when piped).
    #[arg(long, value_name = "COLUMNS", value_parser = parse_width)]
    pub width: Option<u16>,
    /// No progress bar (it is drawn only on a terminal, and never with --format json).
    #[arg(long, short)]
    pub quiet: bool,
    /// As for `check`, so accuracies are judged as `check` judges agreement: `10m` or
    /// `act_dep_time=10m` (units m, h, d; repeatable).
    #[arg(long, value_name = "[PROPERTY=]AMOUNT", value_parser = parse_tolerance)]
    pub tolerance: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum ImportKind {
    /// Import a CSV file where each row is what one source said about one subject.
    ///
    /// Every other column becomes a property of that name; an empty cell is no claim, nor is
    /// a cell marking a missing value (n/a, NA, -, null, ...) in a number or date column.
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
    /// A column to leave out (row ids, notes); repeat for more. Not the subject or source column.
    #[arg(long, value_name = "COLUMN")]
    pub ignore_column: Vec<String>,
    /// The value type of a column's claims, e.g. `--type arrival=date`; once per column, repeat for more columns.
    /// Without it, `check` infers the type from the property name.
    #[arg(long = "type", value_name = "COLUMN=TYPE", value_parser = parse_column_type)]
    pub types: Vec<(String, ValueType)>,
    /// When the sources said it (YYYY-MM-DD): each source's `published` and each claim's `as_of`.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: NaiveDate,
    /// The registry kind of the subjects.
    #[arg(long, value_name = "KIND", default_value = "event", value_parser = parse_kind)]
    pub subject_kind: EntityKind,
    /// The folder to write (must be new or empty; only it is created, the folder it is in must exist).
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

/// Where a corpus is: the same two flags for every command that reads one.
#[derive(Debug, clap::Args)]
pub struct CorpusArgs {
    /// The folder of claim files (with the registry entities.yaml).
    #[arg(long, value_name = "DIR", default_value = "claims")]
    pub claims: PathBuf,
    /// The folder of article texts that `article:` paths are relative to.
    #[arg(long, value_name = "DIR", default_value = "articles")]
    pub articles: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    #[arg(long, value_enum, default_value_t = CliFormat::Table)]
    pub format: CliFormat,
    /// Show every fact, not only conflict, revised and compatible ones.
    #[arg(long)]
    pub all: bool,
    /// Exit 1 when a fact has this verdict or a more severe one
    /// (compatible < revised < conflict) and no current review (a stale one
    /// counts as none).
    #[arg(long, value_enum, default_value_t = FailOn::Conflict, value_name = "VERDICT")]
    pub fail_on: FailOn,
    /// Colour in the table: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Wrap the table to this many columns, at least 60 (default: the terminal's width, or 120 when piped).
    #[arg(long, value_name = "COLUMNS", value_parser = parse_width)]
    pub width: Option<u16>,
    /// The editors' decisions (a missing file means no reviews).
    #[arg(long, value_name = "FILE", default_value = DEFAULT_REVIEWS)]
    pub reviews: PathBuf,
    /// With --format claimreview: the published fact check's address; each
    /// ClaimReview's url is URL#FACT-ID.
    #[arg(long, value_name = "URL", value_parser = parse_url)]
    pub review_url: Option<String>,
    /// Write the report to FILE (atomically) instead of standard output.
    /// An existing FILE is replaced only if crosscheck wrote it and nobody
    /// changed it since; a device or named pipe is written into, never replaced.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With --output, replace FILE even if crosscheck did not write it or it
    /// was changed since.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Date readings this close count as equal: `10m` for every date property,
    /// `act_dep_time=10m` for one (units m, h, d; repeatable; overrides the registry's).
    #[arg(long, value_name = "[PROPERTY=]AMOUNT", value_parser = parse_tolerance)]
    pub tolerance: Vec<String>,
    /// Report only the facts this source makes claims about (with every
    /// source's claims on them), and exit 1 only for those: a source id, or
    /// its claim file (`claims/x.yaml`, `x.yaml`). Repeatable. The whole
    /// archive is still checked.
    #[arg(long = "source", value_name = "ID|FILE")]
    pub sources: Vec<String>,
    /// No progress bar (it is drawn only on a terminal, and never with --format json).
    #[arg(long, short)]
    pub quiet: bool,
    /// Benchmarks: stop after this stage (`load`: read and parse only) and print counts.
    #[arg(long, value_enum, hide = true)]
    pub stage: Option<CliStage>,
    /// Benchmarks: print the time each stage took on standard error.
    #[arg(long, hide = true)]
    pub timings: bool,
}

#[derive(Debug, clap::Args)]
pub struct ReviewArgs {
    /// The fact: its id, or a subject with one fact.
    pub fact: String,
    #[arg(long, value_enum)]
    pub decision: CliDecision,
    /// Why: what was checked and what the desk concluded.
    #[arg(long)]
    pub note: String,
    /// The rating in your words for ClaimReview ("Misleading"); default the decision.
    #[arg(long, value_name = "WORDS")]
    pub rating: Option<String>,
    /// Who decided; default $CROSSCHECK_REVIEWER, then $USER.
    #[arg(long, env = "CROSSCHECK_REVIEWER", value_name = "NAME")]
    pub reviewer: Option<String>,
    /// The day of the decision (YYYY-MM-DD); default today. Not after
    /// tomorrow, and not before the fact's latest review (the latest counts).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// The file the decision is appended to (created when missing).
    #[arg(long, value_name = "FILE", default_value = DEFAULT_REVIEWS)]
    pub reviews: PathBuf,
    /// As for `check`, so the verdict recorded is the one `check` shows.
    #[arg(long, value_name = "[PROPERTY=]AMOUNT", value_parser = parse_tolerance)]
    pub tolerance: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CliDecision {
    Accepted,
    Disputed,
    Corrected,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CliStage {
    Load,
}

/// How a `check` runs, apart from what it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RunOptions {
    /// A progress bar may be drawn (not --quiet, not JSON).
    pub progress: bool,
    /// Stop after loading (benchmarks).
    pub load_only: bool,
    /// Report the time of each stage on stderr (benchmarks).
    pub timings: bool,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// A fact id or a name (see above).
    pub subject: String,
    /// Only this property (e.g. date).
    #[arg(long)]
    pub property: Option<String>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// The editors' decisions (a missing file means no reviews).
    #[arg(long, value_name = "FILE", default_value = DEFAULT_REVIEWS)]
    pub reviews: PathBuf,
    /// As for `check`: `10m` or `act_dep_time=10m` (units m, h, d; repeatable).
    #[arg(long, value_name = "[PROPERTY=]AMOUNT", value_parser = parse_tolerance)]
    pub tolerance: Vec<String>,
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
    /// schema.org ClaimReview JSON-LD of the disputed and corrected facts.
    #[value(name = "claimreview")]
    ClaimReview,
    Html,
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

/// The narrowest table `--width` draws: six columns of at least a short
/// word each. Narrower, every column is a letter wide and nothing is legible.
pub const MIN_WIDTH: u16 = 60;

/// `--width`: a number of columns from [`MIN_WIDTH`] to 65535.
fn parse_width(s: &str) -> Result<u16, String> {
    let n: u64 = s.trim().parse().map_err(|_| format!("'{s}' is not a number of columns; write e.g. --width 100"))?;
    match u16::try_from(n) {
        Ok(n) if n >= MIN_WIDTH => Ok(n),
        Ok(_) => Err(format!(
            "{n} columns is too narrow for a legible table: its columns would be a letter or two wide; give at least {MIN_WIDTH} (up to 65535)"
        )),
        Err(_) => Err(format!("{n} columns is more than the 65535 a table can have; give {MIN_WIDTH} to 65535")),
    }
}

fn parse_url(s: &str) -> Result<String, String> {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    match rest {
        Some(r) if !r.is_empty() && !s.contains(char::is_whitespace) => Ok(s.to_string()),
        _ => Err(format!("'{s}' is not a web address; write it as https://example.org/fact-check")),
    }
}

fn parse_tolerance(s: &str) -> Result<String, String> {
    Tolerances::default().add_arg(s).map(|()| s.to_string())
}

/// The `--tolerance` arguments, in order (each already checked by clap).
fn tolerances(args: &[String]) -> Tolerances {
    let mut t = Tolerances::default();
    for a in args {
        let _ = t.add_arg(a);
    }
    t
}

/// `--as-of` and `--date`: the same days the claim files accept
/// (`load::calendar_day`), so `import csv` never writes a `published` that
/// `check` refuses.
fn parse_date(s: &str) -> Result<NaiveDate, String> {
    use crate::load::YEARS;
    crate::load::calendar_day(s).map_err(|year| match year {
        Some(year) => {
            format!("'{s}' has the year {year}; years from {} to {} are accepted", YEARS.start(), YEARS.end())
        }
        None => format!("'{s}' is not a date; write YYYY-MM-DD, e.g. 2013-10-07"),
    })
}

/// A validated `review` command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewCommand {
    pub fact: String,
    pub decision: Decision,
    pub note: String,
    pub rating: Option<String>,
    /// `None` when no name was given and none is in the environment.
    pub reviewer: Option<String>,
    pub date: NaiveDate,
    /// Today, local time: a `date` after tomorrow is refused as a typo.
    pub today: NaiveDate,
    pub claims: PathBuf,
    pub articles: PathBuf,
    pub reviews: PathBuf,
    pub tolerances: Tolerances,
}

/// What the binary knows of where it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Terminal {
    pub stdout_is_tty: bool,
    pub no_color: bool,
    /// The terminal's width, when stdout is one.
    pub width: Option<u16>,
    pub today: NaiveDate,
    /// The login name ($USER), the last default of `review --reviewer`.
    pub user: Option<String>,
}

/// A validated command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Check {
        claims: PathBuf,
        articles: PathBuf,
        reviews: PathBuf,
        format: Format,
        options: Options,
        fail_on: Option<Verdict>,
        /// `--output FILE`, and whether `--force` lets it replace any file.
        output: Option<(PathBuf, bool)>,
        tolerances: Tolerances,
        /// `--source`: the sources the report is narrowed to (none: the whole archive).
        focus: Vec<String>,
        run: RunOptions,
    },
    Show {
        subject: String,
        property: Option<String>,
        claims: PathBuf,
        articles: PathBuf,
        reviews: PathBuf,
        tolerances: Tolerances,
    },
    Review(ReviewCommand),
    When {
        expr: Option<String>,
        as_of: NaiveDate,
        tense: Tense,
        json: bool,
    },
    ImportCsv {
        file: PathBuf,
        options: CsvImport,
        out: PathBuf,
    },
    Sources {
        claims: PathBuf,
        articles: PathBuf,
        json: bool,
        width: Option<u16>,
        /// A progress bar may be drawn (not --quiet, not JSON), as for `check`.
        progress: bool,
        tolerances: Tolerances,
    },
}

impl Cli {
    pub fn into_command(self, term: &Terminal) -> Command {
        match self.command {
            CliCommand::Check(a) => {
                let color = match a.color {
                    ColorChoice::Always => true,
                    ColorChoice::Never => false,
                    ColorChoice::Auto => term.stdout_is_tty && !term.no_color,
                } && a.format == CliFormat::Table
                    // A file gets no colour codes, whatever --color says (docs/reports.md).
                    && a.output.is_none();
                let width = a.width.or(if a.output.is_some() { None } else { term.width }).or(Some(120));
                let run = RunOptions {
                    progress: !a.quiet && a.format != CliFormat::Json,
                    load_only: a.stage == Some(CliStage::Load),
                    timings: a.timings,
                };
                Command::Check {
                    claims: a.corpus.claims,
                    articles: a.corpus.articles,
                    reviews: a.reviews,
                    format: match a.format {
                        CliFormat::Table => Format::Table,
                        CliFormat::Json => Format::Json,
                        CliFormat::Markdown => Format::Markdown,
                        CliFormat::ClaimReview => Format::ClaimReview,
                        CliFormat::Html => Format::Html,
                    },
                    options: Options { all: a.all, color, width, review_url: a.review_url },
                    fail_on: match a.fail_on {
                        FailOn::Conflict => Some(Verdict::Conflict),
                        FailOn::Revised => Some(Verdict::Revised),
                        FailOn::Compatible => Some(Verdict::Compatible),
                        FailOn::Never => None,
                    },
                    output: a.output.map(|p| (p, a.force)),
                    tolerances: tolerances(&a.tolerance),
                    focus: a.sources,
                    run,
                }
            }
            CliCommand::Show(a) => Command::Show {
                subject: a.subject,
                property: a.property,
                claims: a.corpus.claims,
                articles: a.corpus.articles,
                reviews: a.reviews,
                tolerances: tolerances(&a.tolerance),
            },
            CliCommand::Review(a) => {
                let named = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
                Command::Review(ReviewCommand {
                    fact: a.fact,
                    decision: match a.decision {
                        CliDecision::Accepted => Decision::Accepted,
                        CliDecision::Disputed => Decision::Disputed,
                        CliDecision::Corrected => Decision::Corrected,
                    },
                    note: a.note.trim().to_string(),
                    rating: named(a.rating),
                    reviewer: named(a.reviewer).or_else(|| named(term.user.clone())),
                    date: a.date.unwrap_or(term.today),
                    today: term.today,
                    claims: a.corpus.claims,
                    articles: a.corpus.articles,
                    reviews: a.reviews,
                    tolerances: tolerances(&a.tolerance),
                })
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
                claims: a.corpus.claims,
                articles: a.corpus.articles,
                json: a.format == WhenFormat::Json,
                width: a.width.or(term.width).or(Some(120)),
                progress: !a.quiet && a.format != WhenFormat::Json,
                tolerances: tolerances(&a.tolerance),
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
    execute_with(command, stdin, &Silent)
}

/// [`execute`], telling `progress` how far a long command is.
pub fn execute_with(command: Command, stdin: &mut dyn BufRead, progress: &dyn Progress) -> Output {
    let mut stdout = Vec::new();
    let mut out = execute_to(command, stdin, &mut stdout, progress);
    out.stdout = String::from_utf8(stdout).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    out
}

/// [`execute_with`], writing what goes to standard output into `stdout` (and
/// leaving [`Output::stdout`] empty): `check` writes its report there as it
/// is made, so a report of a million claims is never held whole in memory.
/// A reader that stops reading (`crosscheck check | head`) ends the writing
/// quietly; any other failure to write is an error, exit 2.
pub fn execute_to(
    command: Command,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    progress: &dyn Progress,
) -> Output {
    let mut out = run(command, stdin, stdout, progress);
    let text = std::mem::take(&mut out.stdout);
    // `check` has written (and flushed) its report already, and said so if
    // that failed: writing nothing more must not report the failure again.
    if text.is_empty() {
        return out;
    }
    if let Err(message) = stdout_written(stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush())) {
        out.stderr.push_str(&message);
        out.code = EXIT_INPUT_ERROR;
    }
    out
}

/// Whether writing standard output went well enough: a reader that has gone
/// (`| head` has read what it wanted) is no error; any other failure is,
/// with the message to print.
fn stdout_written(result: io::Result<()>) -> Result<(), String> {
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!(
            "error: cannot write to standard output: {e}\n  help: check where the output goes and that the disk has room\n"
        )),
        _ => Ok(()),
    }
}

/// Run a command; `check` writes its report to `stdout`, the others leave
/// theirs in [`Output::stdout`].
fn run(command: Command, stdin: &mut dyn BufRead, stdout: &mut dyn Write, progress: &dyn Progress) -> Output {
    match command {
        Command::Check { claims, articles, reviews, format, options, fail_on, output, tolerances, focus, run } => {
            let timer = Timer::new(progress);
            let progress: &dyn Progress = if run.timings { &timer } else { progress };
            // A wrong --output is refused before the run, not after it.
            if let Some((path, force)) = &output {
                if crate::load::reviews::names_reviews_file(path, &reviews) {
                    let stderr =
                        format!("{}no report written: the claims were not checked\n", reviews_file_refused(path));
                    return Output { code: EXIT_INPUT_ERROR, stderr, ..Output::default() };
                }
                if let Err(e) = crate::fsio::check_replaceable(path, *force, report::recognise) {
                    let mut stderr = output_error(path, &e, &reviews);
                    stderr.push_str("no report written: the claims were not checked\n");
                    return Output { code: EXIT_INPUT_ERROR, stderr, ..Output::default() };
                }
            }
            let loaded = crate::load::load_with(&claims, &articles, progress);
            if run.load_only {
                let mut out = Output {
                    stderr: format!(
                        "loaded {} sources, {} claims, {} registry entities; {} problems\n",
                        loaded.corpus.sources.len(),
                        loaded.corpus.claims.len(),
                        loaded.corpus.entities.len(),
                        loaded.diagnostics.len()
                    ),
                    ..Output::default()
                };
                timer.report(&mut out.stderr, run.timings);
                return out;
            }
            // `--source` names are checked as soon as the sources are read:
            // a mistyped one costs no run, and writes no report (a report of
            // other sources than those asked for would mislead).
            let focused = if focus.is_empty() {
                None
            } else {
                let (names, outside): (Vec<_>, Vec<_>) =
                    focus.iter().map(|s| claim_file_named(s, &claims)).partition(Result::is_ok);
                let named: Vec<crate::focus::Name> = names.into_iter().flatten().collect();
                let outside: Vec<crate::error::Diagnostic> = outside.into_iter().filter_map(Result::err).collect();
                match crate::focus::sources_named(&loaded.corpus.sources, &named, &loaded.diagnostics) {
                    Ok(sources) if outside.is_empty() => Some(sources),
                    result => {
                        let mut out = Output { code: EXIT_INPUT_ERROR, ..Output::default() };
                        for d in outside.iter().chain(&result.err().unwrap_or_default()) {
                            out.stderr.push_str(&format!("{d}\n"));
                        }
                        out.stderr.push_str(
                            "no report written: the archive was not checked \
                             (a run without --source lists every problem)\n",
                        );
                        drop_later(loaded);
                        return out;
                    }
                }
            };
            let passages = match (&focused, format.passages()) {
                (Some(sources), check::Passages::Keep) => check::Passages::KeepFor(sources.clone()),
                (_, passages) => passages,
            };
            let mut outcome = with_reviews(check::analyze_with(loaded, &tolerances, passages, progress), &reviews);
            if let Some(sources) = &focused {
                crate::focus::narrow(&mut outcome, sources);
            }
            progress.start("reporting", 0);
            let mut out = Output::default();
            let written = match &output {
                None => stdout_written(
                    report::write_standard_output(&outcome, format, &options, stdout).and_then(|()| stdout.flush()),
                ),
                Some((path, force)) => {
                    write_report(path, *force, &reviews, |out| report::write_file(&outcome, format, &options, out))
                }
            };
            for d in &outcome.diagnostics {
                out.stderr.push_str(&format!("{d}\n"));
            }
            if let Some(mut note) = crate::focus::left_out(&outcome) {
                note[..1].make_ascii_lowercase();
                out.stderr.push_str(&format!("note: {note}\n"));
            }
            if format == Format::ClaimReview {
                review::claimreview_notes(&outcome, &options, &mut out.stderr);
            } else if options.review_url.is_some() {
                out.stderr.push_str("warning: --review-url is used only with --format claimreview\n");
            }
            if let Err(message) = &written {
                out.stderr.push_str(message);
            }
            let pending = fail_on.map(|f| crate::review::unreviewed(&outcome, f)).unwrap_or_default();
            let in_reviews = outcome.errors().filter(|d| d.loc.as_ref().is_some_and(|l| *l.file == *reviews)).count();
            let errors = outcome.errors().count() - in_reviews;
            if in_reviews > 0 {
                out.stderr.push_str(&review::file_errors_note(in_reviews, &reviews));
            }
            out.code = if errors > 0 {
                out.stderr.push_str(&format!(
                    "{errors} input error{}: the report covers {}\n",
                    if errors == 1 { "" } else { "s" },
                    outcome.coverage()
                ));
                EXIT_INPUT_ERROR
            } else if in_reviews > 0 || written.is_err() {
                EXIT_INPUT_ERROR
            } else if !pending.is_empty() {
                review::pending_notes(&pending, fail_on.unwrap_or(Verdict::Conflict), &mut out.stderr);
                EXIT_FINDINGS
            } else {
                EXIT_OK
            };
            timer.report(&mut out.stderr, run.timings);
            drop_later(outcome);
            out
        }
        Command::Show { subject, property, claims, articles, reviews, tolerances } => {
            let outcome = reviewed_outcome(&claims, &articles, &reviews, &tolerances, check::Passages::Skip, progress);
            let mut out = Output::default();
            for d in outcome.errors() {
                out.stderr.push_str(&format!("{d}\n"));
            }
            let mut about = outcome.facts_about(&subject);
            // With --property, a fact id names its subject: `show
            // geneva-ii-conference.date --property status` shows the status.
            if property.is_some() {
                let subjects: Vec<&str> = about.iter().map(|f| f.subject.id.as_str()).collect();
                about = outcome.facts.iter().filter(|f| subjects.contains(&f.subject.id.as_str())).collect();
            }
            let facts: Vec<_> =
                about.iter().copied().filter(|f| property.as_ref().is_none_or(|p| &f.property == p)).collect();
            if facts.is_empty() {
                let message = match (about.first(), &property) {
                    // The subject has claims, none with that property: name
                    // the nearest of its properties and list them all.
                    (Some(one), Some(p)) => {
                        let mut properties: Vec<&str> = outcome
                            .facts
                            .iter()
                            .filter(|f| f.subject.id == one.subject.id)
                            .map(|f| f.property.as_str())
                            .collect();
                        properties.sort_unstable();
                        properties.dedup();
                        let near = crate::text::nearest(p, properties.iter().copied())
                            .map(|n| format!("did you mean '{n}'? "))
                            .unwrap_or_default();
                        format!(
                            "error: no claims about '{}' with property '{p}'\n  help: {near}properties of '{}' with claims: {}\n",
                            one.subject.name,
                            one.subject.name,
                            properties.join(", ")
                        )
                    }
                    _ => {
                        let mut known: Vec<&str> = outcome.facts.iter().map(|f| f.subject.name.as_str()).collect();
                        known.sort_unstable();
                        known.dedup();
                        // A fact id or a name, whichever the query is nearer to.
                        let names = outcome.facts.iter().map(|f| f.id.as_str()).chain(known.iter().copied());
                        let near = crate::text::nearest(&subject, names)
                            .map(|n| format!("did you mean '{n}'? "))
                            .unwrap_or_default();
                        format!(
                            "error: no claims about '{subject}'{}\n  help: {near}give a fact id as `check` lists it, a subject, or a subject and a property as 'SUBJECT.PROPERTY'; subjects with claims: {}\n",
                            property.map(|p| format!(" with property '{p}'")).unwrap_or_default(),
                            known.join(", ")
                        )
                    }
                };
                out.stderr.push_str(&crate::text::escape_for_terminal(&message));
                out.code = EXIT_INPUT_ERROR;
                return out;
            }
            out.stdout = report::timeline::render(&facts);
            out.code = if outcome.has_errors() { EXIT_INPUT_ERROR } else { EXIT_OK };
            out
        }
        Command::Review(command) => review::execute(command),
        Command::When { expr, as_of, tense, json } => {
            let mut out = Output::default();
            match expr {
                Some(e) => when_line(&e, as_of, tense, json, &mut out),
                None => when_stdin(stdin, as_of, tense, json, &mut out),
            }
            out
        }
        Command::ImportCsv { file, options, out: dir } => import_csv(&file, &options, &dir),
        Command::Sources { claims, articles, json, width, tolerances, .. } => {
            let outcome = check::run_with(&claims, &articles, &tolerances, check::Passages::Skip, progress);
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

/// Free `value` on a thread of its own: the outcome of a million claims
/// takes a second or more to free, which the answer need not wait for (and
/// the binary exits as soon as it has printed, which frees everything at
/// once). If no thread can be started, it is freed here.
fn drop_later<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new().name("free".to_string()).spawn(move || drop(value));
}

/// A `--source` value as `focus::sources_named` matches it: an existing
/// file inside the claims folder, however it is written (absolute, through
/// `..`), is matched as its path as the reports write it (the claims folder
/// as given, joined with the file's place in it); an existing file outside
/// that folder is an error (a suffix of its path could name another file
/// inside); anything else, and a bare file name, is matched as it is
/// written. The file's folder is resolved, not the file: a claim file that
/// is a symbolic link keeps its name.
fn claim_file_named(value: &str, claims: &Path) -> Result<crate::focus::Name, crate::error::Diagnostic> {
    let path = Path::new(value);
    // A bare file name (`x.yaml`) names the claim file it ends, whatever
    // the working folder holds.
    if path.components().count() < 2 || !path.is_file() {
        return Ok(crate::focus::Name::new(value));
    }
    let folder = claims.canonicalize().ok();
    let file = path.file_name().and_then(|name| {
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        Some(parent.canonicalize().ok()?.join(name))
    });
    match (file, folder) {
        (Some(file), Some(folder)) => match file.strip_prefix(&folder) {
            Ok(inside) => Ok(crate::focus::Name {
                written: value.to_string(),
                matched: claims.join(inside).display().to_string(),
            }),
            Err(_) => Err(crate::error::Diagnostic::error(
                None,
                format!("--source '{value}': this file is not in the claims folder {}", claims.display()),
            )
            .with_help("name a claim file inside the claims folder (--claims), or the source's id")),
        },
        _ => Ok(crate::focus::Name::new(value)),
    }
}

/// Check the corpus and set each fact's review status from the reviews file;
/// the file's problems join the run's diagnostics.
fn reviewed_outcome(
    claims: &Path,
    articles: &Path,
    reviews: &Path,
    tolerances: &Tolerances,
    passages: check::Passages,
    progress: &dyn Progress,
) -> check::Outcome {
    with_reviews(check::run_with(claims, articles, tolerances, passages, progress), reviews)
}

/// The reviews file read when `--reviews` is not given.
const DEFAULT_REVIEWS: &str = "reviews.yaml";

/// `outcome` with the editors' decisions in `reviews` applied (and that
/// file's problems among its diagnostics).
fn with_reviews(mut outcome: check::Outcome, reviews: &Path) -> check::Outcome {
    let loaded = crate::load::reviews::read(reviews);
    // The default file may well not exist yet (no reviews); a path someone
    // gave that is not there is more likely a typo, which CI should hear of.
    if loaded.missing && reviews != Path::new(DEFAULT_REVIEWS) {
        outcome.diagnostics.push(
            crate::error::Diagnostic::warning(
                None,
                format!("the reviews file {} does not exist: no review is applied", reviews.display()),
            )
            .with_help(format!(
                "check the --reviews path; without it, {DEFAULT_REVIEWS} in the current folder is read"
            )),
        );
    }
    outcome.diagnostics.extend(loaded.diagnostics);
    crate::review::apply(&mut outcome, &loaded.reviews);
    outcome
}

/// Write a report to `--output FILE` as `write` makes it; the error is the
/// message to print.
fn write_report(
    path: &std::path::Path,
    force: bool,
    reviews: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), String> {
    crate::fsio::replace_own_with(path, force, report::recognise, write).map_err(|e| output_error(path, &e, reviews))
}

/// The message for a report not written to `--output FILE`
/// (`fsio::WriteError::explain`, as every writer says it). The reviews
/// file is named as such: `review` wrote it, so "not written by
/// crosscheck" would be wrong, and `--force` must not be offered for it.
fn output_error(path: &std::path::Path, e: &crate::fsio::WriteError, reviews: &Path) -> String {
    use crate::fsio::WriteError;
    if matches!(e, WriteError::NotOurs | WriteError::Changed) && crate::load::reviews::is_reviews_file(path, reviews) {
        return reviews_file_refused(path);
    }
    let (message, help) = e.explain(path, "--output", true);
    format!("error: {message}\n  help: {help}\n")
}

/// The message for an `--output` that names a reviews file: the one
/// `--reviews` reads (written yet or not), or one that `review` wrote.
fn reviews_file_refused(path: &std::path::Path) -> String {
    format!(
        "error: {} is a reviews file, where `crosscheck review` records the editors' decisions; not writing a report there\n  help: choose another --output file, e.g. report.html\n",
        crate::text::escape_for_terminal(&path.display().to_string())
    )
}

/// The errors `check` would report on the corpus made of `files` (paths
/// relative to its folder), each with its path made relative to that folder
/// again: the corpus is written to a scratch folder and checked there.
fn refusals_of_check(files: &[(std::path::PathBuf, String)]) -> io::Result<Vec<crate::error::Diagnostic>> {
    let scratch = tempfile::tempdir()?;
    let root = scratch.path().join("corpus");
    crate::fsio::write_new_tree(&root, files)?;
    let outcome = check::run(&root.join("claims"), &root.join("articles"));
    Ok(outcome
        .errors()
        .cloned()
        .map(|mut d| {
            if let Some(loc) = &mut d.loc {
                if let Ok(rel) = loc.file.strip_prefix(&root) {
                    loc.file = std::sync::Arc::from(rel);
                }
            }
            d
        })
        .collect())
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
    // Only the last folder of --out is made: a missing parent is more likely a typo than a wish.
    if let Err((message, help)) = crate::fsio::check_parent(dir) {
        let d = crate::error::Diagnostic::error(None, format!("--out: {message}")).with_help(help);
        out.stderr.push_str(&format!("{d}\nnothing was written\n"));
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
    // What check would refuse is not written: the corpus is checked first in
    // a scratch folder (a 20 MB cell made a claim file over the size limit;
    // a column named '...' a property with no letter; a status cell 'not
    // cancelled' a value check cannot read).
    match refusals_of_check(&imported.files) {
        Ok(errors) if errors.is_empty() => {}
        Ok(errors) => {
            let n = errors.len();
            for d in errors {
                out.stderr.push_str(&format!("{d}\n"));
            }
            out.stderr.push_str(&format!(
                "the corpus this import would write has {n} error{} that `crosscheck check` would report (paths are \
                 inside --out); correct the cells that give them\nnothing was written\n",
                if n == 1 { "" } else { "s" }
            ));
            out.code = EXIT_INPUT_ERROR;
            return out;
        }
        Err(e) => {
            out.stderr.push_str(&format!(
                "error: cannot check the corpus before writing it: {e}\n  help: the import checks its corpus in the \
                 system's temporary folder first; check that it can be written (TMPDIR)\nnothing was written\n"
            ));
            out.code = EXIT_INPUT_ERROR;
            return out;
        }
    }
    if let Err(e) = crate::fsio::write_new_tree(dir, &imported.files) {
        out.stderr.push_str(&format!(
            "error: cannot write the corpus to '{}': {e}\n  help: nothing was kept; check that the folder can be written \
             and that the disk has room, then run the import again\n",
            dir.display()
        ));
        out.code = EXIT_INPUT_ERROR;
        return out;
    }
    let (claims, articles) = (dir.join("claims"), dir.join("articles"));
    out.stdout = format!(
        "imported {} claims about {} subject{} from {} source{} ({} rows) into {} and {}\n",
        imported.claims,
        imported.subjects,
        if imported.subjects == 1 { "" } else { "s" },
        imported.sources,
        if imported.sources == 1 { "" } else { "s" },
        imported.rows,
        claims.display(),
        articles.display(),
    );
    // What each column's values are read as, so a number or date column read as text is seen now.
    for c in &imported.columns {
        use crate::import::TypeFrom;
        let why = match &c.from {
            TypeFrom::Option => "from --type".to_string(),
            TypeFrom::Name => "from its name".to_string(),
            TypeFrom::Cells => "from its cells".to_string(),
            TypeFrom::Text { why, undecided: true } => format!("{why}; --type '{}'=TYPE to choose", c.header),
            TypeFrom::Text { why, undecided: false } => why.clone(),
        };
        let missing = match c.missing.iter().map(|(_, n)| n).sum::<usize>() {
            0 => String::new(),
            n => format!(
                "; skipped {n} cell{} marking a missing value: {}",
                if n == 1 { "" } else { "s" },
                c.missing.iter().map(|(m, k)| format!("{k} '{m}'")).collect::<Vec<_>>().join(", ")
            ),
        };
        out.stdout.push_str(&format!(
            "  column '{}' -> {}: {} ({why}){missing}\n",
            c.header,
            c.property,
            c.value_type.as_str()
        ));
    }
    out.stdout.push_str(&format!(
        "next: crosscheck check --claims {} --articles {}\n",
        claims.display(),
        articles.display()
    ));
    out
}

/// Progress that also notes when each stage starts (`--timings`).
struct Timer<'a> {
    inner: &'a dyn Progress,
    begun: std::time::Instant,
    stages: std::sync::Mutex<Vec<StageMark>>,
}

/// A stage's name, when it started, the resident memory then (now, peak),
/// and the CPU time the process had used by then.
type StageMark = (&'static str, std::time::Instant, Option<(u64, u64)>, Option<f64>);

/// The CPU time (user and system, all threads) this process has used so
/// far, in seconds, where the system tells it (Linux's `/proc/self/stat`,
/// in clock ticks of 1/100 s); for `--timings`, which shows how many cores
/// each stage kept busy.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name, in parentheses, may hold spaces: fields count from after it.
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace().skip(11); // utime is field 14, stime 15
    let user: f64 = fields.next()?.parse().ok()?;
    let system: f64 = fields.next()?.parse().ok()?;
    Some((user + system) / 100.0)
}

/// The resident set size of this process and its peak so far, in MiB, where
/// the system tells them (Linux's `/proc/self/status`); for `--timings`,
/// which shows where memory grows.
fn resident_mib() -> Option<(u64, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        let kib: u64 = line[name.len()..].trim().trim_end_matches("kB").trim().parse().ok()?;
        Some(kib / 1024)
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

impl<'a> Timer<'a> {
    fn new(inner: &'a dyn Progress) -> Timer<'a> {
        Timer { inner, begun: std::time::Instant::now(), stages: std::sync::Mutex::new(Vec::new()) }
    }

    /// "timings: reading 1.20 s, checking 0.80 s, ..., total 2.40 s", and
    /// where the system tells them, the cores each stage kept busy on
    /// average (CPU time over wall time, "1.8x"), the resident memory when
    /// it ended and the peak so far when that was higher
    /// ("reading 1.20 s 1.8x 130 MiB (peak 140)").
    fn report(&self, stderr: &mut String, on: bool) {
        if !on {
            return;
        }
        let end = std::time::Instant::now();
        let stages = self.stages.lock().map(|s| s.clone()).unwrap_or_default();
        let mut parts = Vec::new();
        let mut from = self.begun;
        let mut cpu_from = Some(0.0);
        let mut name = "setup";
        for (next, at, rss, cpu) in stages.into_iter().chain([("", end, resident_mib(), cpu_seconds())]) {
            let wall = (at - from).as_secs_f64();
            let cores = match (cpu_from, cpu) {
                // Below a tenth of a second the ticks are too coarse to say.
                (Some(a), Some(b)) if wall >= 0.1 => format!(" {:.1}x", (b - a).max(0.0) / wall),
                _ => String::new(),
            };
            let rss = match rss {
                Some((now, peak)) if peak > now => format!(" {now} MiB (peak {peak})"),
                Some((now, _)) => format!(" {now} MiB"),
                None => String::new(),
            };
            parts.push(format!("{name} {wall:.2} s{cores}{rss}"));
            (name, from, cpu_from) = (next, at, cpu);
        }
        stderr.push_str(&format!("timings: {}, total {:.2} s\n", parts.join(", "), (end - self.begun).as_secs_f64()));
    }
}

impl Progress for Timer<'_> {
    fn start(&self, stage: &'static str, total: u64) {
        if let Ok(mut s) = self.stages.lock() {
            s.push((stage, std::time::Instant::now(), resident_mib(), cpu_seconds()));
        }
        self.inner.start(stage, total);
    }

    fn advance(&self, n: u64) {
        self.inner.advance(n);
    }
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
    qualifiers: Option<&'a Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

/// Longest line `when` reads from stdin, in bytes (a date expression has at
/// most 200 characters): a longer line is skipped unread, so input without
/// line breaks cannot fill the memory.
const WHEN_MAX_LINE: usize = 4096;

/// One line of `when`'s stdin, read at most [`WHEN_MAX_LINE`] bytes into memory.
enum StdinLine {
    End,
    Text(String),
    TooLong,
    NotUtf8(usize),
    /// A NUL byte: the input is binary (or /dev/zero); reading stops.
    Binary,
}

fn read_stdin_line(stdin: &mut dyn BufRead, buf: &mut Vec<u8>) -> io::Result<StdinLine> {
    buf.clear();
    let (mut any, mut too_long) = (false, false);
    loop {
        let avail = match stdin.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            break;
        }
        any = true;
        let newline = avail.iter().position(|&b| b == b'\n');
        let part = &avail[..newline.unwrap_or(avail.len())];
        if part.contains(&0) {
            return Ok(StdinLine::Binary);
        }
        if buf.len() + part.len() <= WHEN_MAX_LINE {
            buf.extend_from_slice(part);
        } else {
            too_long = true;
        }
        let used = newline.map_or(avail.len(), |i| i + 1);
        stdin.consume(used);
        if newline.is_some() {
            break;
        }
    }
    if !any {
        return Ok(StdinLine::End);
    }
    if too_long {
        return Ok(StdinLine::TooLong);
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    match String::from_utf8(std::mem::take(buf)) {
        Ok(text) => Ok(StdinLine::Text(text)),
        Err(e) => Ok(StdinLine::NotUtf8(e.utf8_error().valid_up_to())),
    }
}

/// `when` over stdin, one expression a line, as each line comes; a line it
/// cannot read is named (`stdin:3: error: ...`) and the rest still read.
fn when_stdin(stdin: &mut dyn BufRead, as_of: NaiveDate, tense: Tense, json: bool, out: &mut Output) {
    let mut buf = Vec::new();
    let fail = |out: &mut Output, n: usize, what: String, help: &str| {
        out.stderr.push_str(&format!("stdin:{n}: error: {what}\n  help: {help}\n"));
        out.code = EXIT_INPUT_ERROR;
    };
    for n in 1.. {
        match read_stdin_line(stdin, &mut buf) {
            Ok(StdinLine::End) => break,
            Ok(StdinLine::Text(text)) => {
                let text = if n == 1 { text.trim_start_matches('\u{feff}') } else { &text };
                if !text.trim().is_empty() {
                    when_line(text, as_of, tense, json, out);
                }
            }
            Ok(StdinLine::TooLong) => fail(
                out,
                n,
                format!("the line is over {WHEN_MAX_LINE} bytes; it was skipped"),
                "give one date expression a line (at most 200 characters)",
            ),
            Ok(StdinLine::NotUtf8(at)) => fail(
                out,
                n,
                format!("the line is not valid UTF-8 (byte {at} of the line); it was skipped"),
                "save the input as UTF-8",
            ),
            Ok(StdinLine::Binary) => {
                fail(
                    out,
                    n,
                    "a NUL byte: the input is not text; reading stopped".into(),
                    "give one date expression a line",
                );
                break;
            }
            Err(e) => {
                fail(out, n, format!("cannot read standard input: {e}"), "check what is piped in");
                break;
            }
        }
    }
}

fn when_line(expr: &str, as_of: NaiveDate, tense: Tense, json: bool, out: &mut Output) {
    let result = read_date(expr, as_of, tense);
    if json {
        let mut line = WhenJson {
            expression: expr,
            as_of: format_day(as_of),
            start: None,
            end: None,
            precision: None,
            rule: None,
            qualifiers: None,
            error: None,
        };
        match &result {
            Ok(r) => {
                let (start, end) = format_bounds(r);
                line.start = Some(start);
                line.end = Some(end);
                line.qualifiers = Some(&r.qualifiers).filter(|q| !q.is_empty());
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
            let (start, end) = format_bounds(&r);
            let open = || "(open)".to_string();
            // The expression and its notes as a terminal should show them
            // (control and bidi characters escaped), as every other command does.
            let shown = |s: &str| crate::text::escape_for_terminal(s).replace(['\n', '\t'], " ");
            let notes = if r.qualifiers.is_empty() {
                String::new()
            } else {
                format!("\t[{}]", shown(&r.qualifiers.join("; ")))
            };
            out.stdout.push_str(&format!(
                "{}\t{} .. {}\t{}\t{}{notes}\n",
                shown(expr),
                start.unwrap_or_else(open),
                end.unwrap_or_else(open),
                r.precision.as_str(),
                r.rule
            ));
        }
        Ok(_) => {}
        Err(e) => {
            out.stderr.push_str(&format!(
                "error: {}\n  help: see docs/temporal.md for the expressions understood\n",
                crate::text::escape_for_terminal(&e.to_string())
            ));
            out.code = EXIT_INPUT_ERROR;
        }
    }
}
