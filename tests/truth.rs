//! The Flight benchmark (docs/truth.md) held to its target: the best-supported
//! reading exactly right for at least 95% of the 400 facts, and ahead of
//! majority voting. Missing corpus: a failure under CI, else a loud skip.

use crosscheck::truth::bench;

#[test]
#[ignore = "target not met yet: the best-supported reading is exact for .935 of the facts (.963 within 10 min), majority voting .790 (docs/truth.md, Results). Run with --ignored"]
fn flight_best_supported_reading_is_right() {
    let dir = bench::flights_dir(env!("CARGO_MANIFEST_DIR"));
    if !dir.join("dirty.csv").is_file() || !dir.join("clean.csv").is_file() {
        if std::env::var_os("CI").is_some() {
            panic!("Flight corpus not found in {} (required when CI is set)", dir.display());
        }
        eprintln!("SKIPPED: Flight corpus not found in {} -- truth discovery target NOT checked", dir.display());
        return;
    }
    let report = bench::run(&dir).expect("the benchmark runs");
    eprint!("{}", bench::render(&report, false));
    assert_eq!(report.ours.facts, 400, "100 flights x 4 times");
    let unread: usize = report.shapes.iter().map(|s| s.cells - s.read).sum();
    let total: usize = report.shapes.iter().map(|s| s.cells).sum();
    assert_eq!(total, 7192, "every non-empty time cell is counted as read or unreadable");
    assert!(unread < total, "no time format is read");
    assert!(
        report.ours.exact_share() >= 0.95,
        "exact {:.3} < 0.95\n{}",
        report.ours.exact_share(),
        bench::render(&report, true)
    );
    assert!(report.ours.exact > report.voting.exact, "not ahead of voting\n{}", bench::render(&report, true));
}
