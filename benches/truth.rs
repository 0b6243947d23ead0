//! `cargo bench --bench truth`: the Flight benchmark of the best-supported
//! reading (docs/truth.md). Prints the score table, every time format of
//! dirty.csv read or unreadable, and the facts missed.

use crosscheck::truth::bench;

fn main() {
    let dir = bench::flights_dir(env!("CARGO_MANIFEST_DIR"));
    let started = std::time::Instant::now();
    match bench::run(&dir) {
        Ok(report) => {
            print!("{}", bench::render(&report, true));
            println!("\n(import, check and truth discovery in {:.2?})", started.elapsed());
        }
        Err(e) => {
            eprintln!("cannot run the Flight benchmark from {}: {e}", dir.display());
            std::process::exit(2);
        }
    }
}
