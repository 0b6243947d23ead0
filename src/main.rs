//! The `crosscheck` binary: parse the arguments, run the library, print, exit.

use std::io::{IsTerminal, Write};

use clap::Parser;
use crosscheck::cli::{execute, Cli, Terminal};

fn main() {
    let stdout_is_tty = std::io::stdout().is_terminal();
    let term = Terminal {
        stdout_is_tty,
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        width: if stdout_is_tty { comfy_table::Table::new().width() } else { None },
        today: chrono::Local::now().date_naive(),
        user: std::env::var("USER").ok(),
    };
    let command = Cli::parse().into_command(&term);
    let output = execute(command, &mut std::io::stdin().lock());
    // A closed pipe (`crosscheck check | head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(output.stdout.as_bytes());
    let _ = std::io::stderr().write_all(output.stderr.as_bytes());
    std::process::exit(output.code);
}
