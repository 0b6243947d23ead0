//! The command line: clap arguments (raw flags), turned into a validated
//! [`Command`] before any work, and [`execute`], which runs it and returns
//! what to print and the exit code. Nothing here prints: `main.rs` does.

use std::io::BufRead;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::check;
use crate::compare::Verdict;
use crate::normalize::date::{read_date, Tense};
use crate::normalize::format_day;
use crate::progress::{Progress, Silent};
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
    Check {
        claims: PathBuf,
        articles: PathBuf,
        format: Format,
        options: Options,
        fail_on: Option<Verdict>,
        run: RunOptions,
    },
    Show {
        subject: String,
        property: Option<String>,
        claims: PathBuf,
        articles: PathBuf,
    },
    When {
        expr: Option<String>,
        as_of: NaiveDate,
        tense: Tense,
        json: bool,
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
                } && a.format == CliFormat::Table;
                let width = a.width.or(term.width).or(Some(120));
                let run = RunOptions {
                    progress: !a.quiet && a.format != CliFormat::Json,
                    load_only: a.stage == Some(CliStage::Load),
                    timings: a.timings,
                };
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
                    run,
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
    match command {
        Command::Check { claims, articles, format, options, fail_on, run } => {
            let timer = Timer::new(progress);
            let progress: &dyn Progress = if run.timings { &timer } else { progress };
            if run.load_only {
                let loaded = crate::load::load_with(&claims, &articles, progress);
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
            let outcome = check::run_with(&claims, &articles, progress);
            progress.start("reporting", 0);
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
            timer.report(&mut out.stderr, run.timings);
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
    }
}

/// Progress that also notes when each stage starts (`--timings`).
struct Timer<'a> {
    inner: &'a dyn Progress,
    begun: std::time::Instant,
    stages: std::sync::Mutex<Vec<(&'static str, std::time::Instant)>>,
}

impl<'a> Timer<'a> {
    fn new(inner: &'a dyn Progress) -> Timer<'a> {
        Timer { inner, begun: std::time::Instant::now(), stages: std::sync::Mutex::new(Vec::new()) }
    }

    /// "timings: reading 1.20 s, checking 0.80 s, ..., total 2.40 s".
    fn report(&self, stderr: &mut String, on: bool) {
        if !on {
            return;
        }
        let end = std::time::Instant::now();
        let stages = self.stages.lock().map(|s| s.clone()).unwrap_or_default();
        let mut parts = Vec::new();
        let mut from = self.begun;
        let mut name = "setup";
        for (next, at) in stages.into_iter().chain([("", end)]) {
            parts.push(format!("{name} {:.2} s", (at - from).as_secs_f64()));
            (name, from) = (next, at);
        }
        stderr.push_str(&format!("timings: {}, total {:.2} s\n", parts.join(", "), (end - self.begun).as_secs_f64()));
    }
}

impl Progress for Timer<'_> {
    fn start(&self, stage: &'static str, total: u64) {
        if let Ok(mut s) = self.stages.lock() {
            s.push((stage, std::time::Instant::now()));
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
