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
use crate::normalize::{format_bounds, format_day};
use crate::report::{self, Format, Options};
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
    /// Date readings this close count as equal: `10m` for every date property,
    /// `act_dep_time=10m` for one (units m, h, d; repeatable; overrides the registry's).
    #[arg(long, value_name = "[PROPERTY=]AMOUNT", value_parser = parse_tolerance)]
    pub tolerance: Vec<String>,
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
        tolerances: Tolerances,
    },
    Show {
        subject: String,
        property: Option<String>,
        claims: PathBuf,
        articles: PathBuf,
        tolerances: Tolerances,
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
                    tolerances: tolerances(&a.tolerance),
                }
            }
            CliCommand::Show(a) => Command::Show {
                subject: a.subject,
                property: a.property,
                claims: a.claims,
                articles: a.articles,
                tolerances: tolerances(&a.tolerance),
            },
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
    match command {
        Command::Check { claims, articles, format, options, fail_on, tolerances } => {
            let outcome = check::run_with(&claims, &articles, &tolerances);
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
        Command::Show { subject, property, claims, articles, tolerances } => {
            let outcome = check::run_with(&claims, &articles, &tolerances);
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
            let notes =
                if r.qualifiers.is_empty() { String::new() } else { format!("\t[{}]", r.qualifiers.join("; ")) };
            out.stdout.push_str(&format!(
                "{expr}\t{} .. {}\t{}\t{}{notes}\n",
                start.unwrap_or_else(open),
                end.unwrap_or_else(open),
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
