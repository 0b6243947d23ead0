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
    crosscheck::memory::keep_huge_pages();
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
