//! whosaid: quotation attribution for news text.
//!
//! [`analyze`] is the pure core: it takes a [`Document`] and returns its quote table, every
//! quotation with its speaker, cue and source publication. Corpus walking, decoding, parallelism
//! and export live around it ([`corpus`], [`export`]).

pub mod corpus;
pub mod document;
pub mod error;
pub mod export;
pub mod pipeline;
pub mod quote;

pub use corpus::{Corpus, Input};
pub use document::Document;
pub use error::{Error, Result};
pub use export::{Format, QuoteSink};
pub use pipeline::{Pipeline, Summary};
pub use quote::{Quote, QuoteKind, SpeakerKind};

/// Analyzes one document and returns its quotes in text order.
pub fn analyze(doc: &Document) -> Vec<Quote> {
    let _ = doc;
    Vec::new()
}
