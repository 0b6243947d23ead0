//! crosscheck: cross-check the factual claims of news articles.
pub mod normalize;
