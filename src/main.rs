//! The `crosscheck` binary: parse the arguments, run the library, print, exit.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::Parser;
use crosscheck::cli::{execute_to, Cli, Command, Terminal};
use crosscheck::progress::{Progress, Silent};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// mimalloc: a million claims' small allocations cost a fifth of glibc's run (src/memory.rs).
#[global_allocator]
static ALLOCATOR: crosscheck::memory::Allocator = crosscheck::memory::Allocator {};

fn main() {
    crosscheck::memory::configure();
    remove_half_written_files_when_stopped();
    let stdout_is_tty = std::io::stdout().is_terminal();
    let term = Terminal {
        stdout_is_tty,
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        width: if stdout_is_tty { comfy_table::Table::new().width() } else { None },
        today: chrono::Local::now().date_naive(),
        user: std::env::var("USER").ok(),
    };
    let command = Cli::parse().into_command(&term);
    let wants_bar = matches!(&command, Command::Check { run, .. } if run.progress)
        || matches!(&command, Command::Sources { progress: true, .. });
    let wants_bar = wants_bar && std::io::stderr().is_terminal();
    let bar = wants_bar.then(Bar::new);
    let progress: &dyn Progress = match &bar {
        Some(bar) => bar,
        None => &Silent,
    };
    // The report streams to stdout; the bar goes before its first byte.
    let mut stdout = Stdout { out: std::io::stdout().lock(), bar: bar.as_ref() };
    let output = execute_to(command, &mut std::io::stdin().lock(), &mut stdout, progress);
    if let Some(bar) = &bar {
        bar.bar.finish_and_clear();
    }
    // A closed stderr is not an error worth a panic.
    let _ = std::io::stderr().write_all(output.stderr.as_bytes());
    std::process::exit(output.code);
}

/// On Ctrl-C, `kill` or a closed terminal (SIGINT, SIGTERM, SIGHUP), remove
/// the temporary file of a report being written, then end as the signal
/// would have ended the run. The signals are taken on a thread of their own
/// (`signal-hook`), not in a handler.
///
/// A signal the run was started with ignored stays ignored (`nohup` ignores
/// SIGHUP, a shell script's background job SIGINT): on Linux the ignored set
/// is read from `/proc/self/status`; elsewhere SIGHUP is left alone.
#[cfg(unix)]
fn remove_half_written_files_when_stopped() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let ignored = ignored_signals();
    let wanted: Vec<i32> = [SIGINT, SIGTERM, SIGHUP]
        .into_iter()
        .filter(|&s| match ignored {
            Some(mask) => mask & (1u64 << (s - 1)) == 0,
            None => s != SIGHUP,
        })
        .collect();
    let Ok(mut signals) = signal_hook::iterator::Signals::new(wanted) else { return };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            crosscheck::fsio::remove_pending();
            // Ended by the signal itself, as without this thread (a shell
            // sees Ctrl-C, not an exit code); 128 + its number if that fails.
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal);
        }
    });
}

/// The signals this process ignores (bit `n - 1` for signal `n`), as Linux
/// reports them (`SigIgn` in `/proc/self/status`); `None` where it does not.
#[cfg(unix)]
fn ignored_signals() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find_map(|l| l.strip_prefix("SigIgn:"))?;
    u64::from_str_radix(line.trim(), 16).ok()
}

#[cfg(not(unix))]
fn remove_half_written_files_when_stopped() {}

/// Standard output, which clears the progress bar before it writes, so the
/// report never lands among the bar's lines.
struct Stdout<'a> {
    out: std::io::StdoutLock<'static>,
    bar: Option<&'a Bar>,
}

impl Write for Stdout<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Some(bar) = self.bar.take() {
            bar.bar.finish_and_clear();
        }
        self.out.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// A progress bar on stderr, drawn only once a run has taken longer than
/// [`Bar::DELAY`]: a quick check leaves the terminal as it was.
struct Bar {
    bar: ProgressBar,
    begun: Instant,
    shown: AtomicBool,
}

impl Bar {
    const DELAY: Duration = Duration::from_millis(300);

    fn new() -> Bar {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{msg:>16} [{bar:40}] {human_pos}/{human_len} {elapsed}") {
            bar.set_style(style.progress_chars("=> "));
        }
        Bar { bar, begun: Instant::now(), shown: AtomicBool::new(false) }
    }

    fn show_if_slow(&self) {
        if !self.shown.load(Ordering::Relaxed)
            && self.begun.elapsed() >= Self::DELAY
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
}

impl Progress for Bar {
    fn start(&self, stage: &'static str, total: u64) {
        self.bar.set_length(total);
        self.bar.set_position(0);
        self.bar.set_message(stage);
        self.show_if_slow();
    }

    fn advance(&self, n: u64) {
        self.bar.inc(n);
        self.show_if_slow();
    }
}
