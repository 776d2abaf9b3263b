//! whosaid: quotation attribution for news text.
//!
//! [`analyze`] is the pure core: it takes a [`Document`] and returns its quote table, every
//! quotation with its speaker, cue and source publication. Corpus walking, decoding, parallelism
//! and export live around it ([`corpus`], [`export`]).

pub mod document;
pub mod quote;

pub use document::Document;
pub use quote::{Quote, QuoteKind, SpeakerKind};

/// Analyzes one document and returns its quotes in text order.
pub fn analyze(doc: &Document) -> Vec<Quote> {
    let _ = doc;
    Vec::new()
}
