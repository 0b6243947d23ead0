//! Accuracy benchmark of the temporal reader (no timing).
//!
//! `cargo bench --bench temporal` reads `../shared/corpora/*.tsv` (relative to the
//! crate) and prints, per corpus and scope, the share of readings that are exact,
//! overlapping but different, disjoint, and not understood, then the failures
//! grouped by rule or by first word. Set `TEMPORAL_BRIEF=1` for the summary only.

use crosscheck::normalize::date::bench::{self, TenseMode};
use crosscheck::normalize::date::Tense;

fn main() {
    let dir = bench::corpora_dir(env!("CARGO_MANIFEST_DIR"));
    let details = std::env::var_os("TEMPORAL_BRIEF").is_none();
    let duck = match bench::load_duckling(&dir.join("duckling-en-dates.tsv")) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("SKIPPED: Duckling corpus not readable: {e}");
            return;
        }
    };
    let timeml = match bench::load_timeml(&dir.join("timeml-news-dates.tsv")) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("SKIPPED: TimeML corpus not readable: {e}");
            return;
        }
    };
    println!("== Duckling (Duckling resolves unmarked expressions forward: headline uses Tense::Future) ==");
    let fut = TenseMode::Fixed(Tense::Future);
    let unk = TenseMode::Fixed(Tense::Unknown);
    let d_fut = bench::run(&duck, fut);
    let d_unk = bench::run(&duck, unk);
    print!(
        "{}",
        bench::report(bench::DUCKLING_EN, fut, &d_fut, details)
    );
    print!("{}", bench::report(bench::DUCKLING_EN, unk, &d_unk, false));
    print!(
        "{}",
        bench::report(bench::DUCKLING_HOLIDAY, fut, &d_fut, false)
    );
    print!(
        "{}",
        bench::report(bench::DUCKLING_LOCALES, fut, &d_fut, false)
    );
    println!();
    println!("== TimeML news (no quote: nearest occurrence; second line: tense from the expression's own words) ==");
    let fx = TenseMode::FromExpression;
    let t_unk = bench::run(&timeml, unk);
    let t_fx = bench::run(&timeml, fx);
    print!(
        "{}",
        bench::report(bench::TIMEML_NEWS, unk, &t_unk, details)
    );
    print!("{}", bench::report(bench::TIMEML_NEWS, fx, &t_fx, false));
    print!(
        "{}",
        bench::report(bench::TIMEML_SEASONS, unk, &t_unk, details)
    );
}
