//! Progress reports: how far a long run is, for a progress bar.
//!
//! The library never prints: stages call a [`Progress`] that the caller
//! passes in ([`Silent`] by default); the binary draws a bar with it.
//! Calls may come from several threads at once.

/// Told when a stage starts and as its items are done.
pub trait Progress: Sync {
    /// A stage begins with `total` items to do (files, claims, facts).
    fn start(&self, _stage: &'static str, _total: u64) {}
    /// `n` more items of the current stage are done.
    fn advance(&self, _n: u64) {}
}

/// No progress reports.
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Progress for Silent {}
