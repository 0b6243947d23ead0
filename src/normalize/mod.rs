//! Normalize: read each claim's value for what it means.
pub mod date;
