//! crosscheck: cross-check the factual claims of news articles.
//!
//! The pipeline, one module per stage (see docs/ARCHITECTURE.md):
//! `load` (files -> [`model`]) -> `resolve` (names -> registry entities) ->
//! `normalize` (values -> readings) -> `ground` (quotes -> articles) ->
//! `group` (claims -> facts) -> `compare` (facts -> verdicts) -> `report`.
//! `check` strings them together; `cli` is the command line. Everything after
//! `load` is pure: no I/O, and problems are values ([`error::Diagnostic`]).
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod check;
pub mod cli;
pub mod compare;
pub mod error;
pub mod focus;
pub mod fsio;
pub mod fuzzy;
pub mod ground;
pub mod group;
pub mod import;
pub mod independence;
pub mod load;
pub mod memory;
pub mod model;
pub mod normalize;
pub mod progress;
pub mod properties;
pub mod report;
pub mod resolve;
pub mod review;
pub mod support;
pub mod text;
pub mod tolerance;
pub mod truth;

/// Helpers the unit tests share.
#[cfg(test)]
pub(crate) mod testing {
    /// A small deterministic random source (an LCG): `next(n)` is in `0..n`.
    pub fn random(seed: u64) -> impl FnMut(usize) -> usize {
        let mut state = seed;
        move |n: usize| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) as usize % n
        }
    }

    /// One to `most` of `words` joined by `sep`, with up to two typing slips
    /// (two letters swapped, one dropped, an `e` typed in): names to match.
    pub fn slipped_phrase(words: &[&str], sep: &str, most: usize, next: &mut dyn FnMut(usize) -> usize) -> String {
        let n = 1 + next(most);
        let mut s: Vec<char> = (0..n).map(|_| words[next(words.len())]).collect::<Vec<_>>().join(sep).chars().collect();
        for _ in 0..next(3) {
            if s.len() > 2 {
                let i = next(s.len() - 1);
                match next(3) {
                    0 => s.swap(i, i + 1),
                    1 => drop(s.remove(i)),
                    _ => s.insert(i, 'e'),
                }
            }
        }
        s.into_iter().collect()
    }
}
