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
